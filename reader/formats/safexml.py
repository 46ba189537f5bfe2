"""Safe XML parsing shared by every XML reader.

Parsers never resolve external entities, never touch the network, never load a
DTD, and refuse entity-expansion bombs (libxml2's own limits stay on: no
``huge_tree``). Formats with many namespace variants are matched on local names.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from reader.model.errors import FormatError

#: Known namespaces, one table for every reader.
NS = {
    "alto_ccs": "http://schema.ccs-gmbh.com/ALTO",
    "alto2": "http://www.loc.gov/standards/alto/ns-v2#",
    "alto3": "http://www.loc.gov/standards/alto/ns-v3#",
    "alto4": "http://www.loc.gov/standards/alto/ns-v4#",
    "mets": "http://www.loc.gov/METS/",
    "mods": "http://www.loc.gov/mods/v3",
    "xlink": "http://www.w3.org/1999/xlink",
    "page2013": "http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15",
    "page2019": "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "tei": "http://www.tei-c.org/ns/1.0",
}


def parser(recover: bool = False, keep_comments: bool = False) -> etree.XMLParser:
    """An lxml parser that resolves no entities, loads no DTD and reaches no network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=recover,
        remove_comments=not keep_comments,
        remove_pis=True,
    )


#: a line libxml2 names at the end of its message, named again by the position after it
_SAID_TWICE = re.compile(r" line (\d+), line \1,")


def parse(data: bytes, path: str | Path | None, keep_comments: bool = False) -> etree._Element:
    """Parse ``data`` safely; a malformed or hostile file raises FormatError naming ``path``.

    Entity declarations are never expanded (an undefined or unexpanded entity
    leaves an entity-reference node that :func:`text_of` skips), so neither
    external entities nor expansion bombs can do harm.
    """
    try:
        root = etree.fromstring(data, parser(keep_comments=keep_comments))
    except etree.XMLSyntaxError as e:
        msg = (getattr(e, "msg", None) or str(e)).split(" (<string>")[0]
        msg = " ".join(msg.split()).rstrip(".")  # libxml2 messages may span lines
        msg = _SAID_TWICE.sub(r", line \1,", msg)  # "Start Tag Pa line 60, line 60, column 6": the line once
        if "entity" in msg.lower():
            raise FormatError(path, f"it declares entities Broadsheet refuses to expand ({msg})") from e
        raise FormatError(path, f"it is not well-formed XML ({msg})") from e
    except ValueError as e:  # e.g. a str with an encoding declaration
        raise FormatError(path, f"it cannot be parsed as XML ({e})") from e
    if root is None:
        raise FormatError(path, "it is empty")
    return root


def local(tag: object) -> str:
    """Local name of an element's tag (``{ns}Name`` → ``Name``); '' for comments and PIs."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def iter_local(root: etree._Element, *names: str) -> Iterator[etree._Element]:
    """Every descendant (and ``root`` itself) whose local name is one of ``names``."""
    wanted = set(names)
    for el in root.iter():
        if local(el.tag) in wanted:
            yield el


def children(el: etree._Element, *names: str) -> list[etree._Element]:
    wanted = set(names)
    return [c for c in el if local(c.tag) in wanted]


def child(el: etree._Element, name: str) -> etree._Element | None:
    for c in el:
        if local(c.tag) == name:
            return c
    return None


def attr(el: etree._Element, name: str, default: str | None = None) -> str | None:
    """An attribute by local name, whatever its namespace (xlink:href, href, ID …)."""
    value: object = el.attrib.get(name)
    if value is None:
        for key, v in el.attrib.items():
            if local(key) == name:
                value = v
                break
    if value is None:
        return default
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def number(value: str | bytes | None) -> float | None:
    """A coordinate or size from an attribute: a finite number, else None ("abc", "NaN", "1e999")."""
    if value is None:
        return None
    try:
        out = float(value.strip())
    except ValueError:
        return None
    return out if math.isfinite(out) else None


# --------------------------------------------------------------------------- internal DTD entities

_DOCTYPE = re.compile(rb"<!DOCTYPE\s+[^\s\[>]+[^\[>]*\[(?P<subset>.*?)\]\s*>", re.S)
_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(?P<pe>%\s+)?(?P<name>[A-Za-z_][\w.-]*)\s+(?P<rest>[^>]*)>", re.S)
_LITERAL = re.compile(rb"""^(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')\s*$""")
_CHAR_REF = re.compile(r"^&#(?:x(?P<hex>[0-9A-Fa-f]{1,6})|(?P<dec>[0-9]{1,7}));$")
ENTITY_REF = re.compile(r"&([A-Za-z_][\w.-]*);")


def internal_entities(data: bytes, path: Path) -> dict[str, str]:
    """Simple character entities of the internal DTD subset: name → the one character it stands for.

    Raises FormatError for external entities, parameter entities and entities
    whose value refers to other entities; other entities are not returned (they
    stay unexpanded).
    """
    m = _DOCTYPE.search(data[:65536])
    if not m:
        return {}
    out: dict[str, str] = {}
    for decl in _ENTITY_DECL.finditer(m.group("subset")):
        name = decl.group("name").decode("ascii", "replace")
        if decl.group("pe"):
            raise FormatError(path, f"its DTD declares a parameter entity ({name}), which Broadsheet refuses to expand")
        rest = decl.group("rest").strip()
        lit = _LITERAL.match(rest)
        if lit is None:
            raise FormatError(path, f"its DTD declares the external entity {name}, which Broadsheet never loads")
        value = (lit.group("dq") if lit.group("dq") is not None else lit.group("sq") or b"").decode("utf-8", "replace")
        ref = _CHAR_REF.match(value)
        if ref:
            code = int(ref.group("hex"), 16) if ref.group("hex") else int(ref.group("dec") or "0")
            if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                out[name] = chr(code)
            continue
        if ENTITY_REF.search(value):
            raise FormatError(path, f"its DTD declares the entity {name} built from other entities "
                                    "(an expansion bomb), which Broadsheet refuses to expand")
        if len(value) == 1 and value not in "&<":
            out[name] = value
    return out
