"""Pytest plugin: TEI P5 validation for the export tests.

Register it from a test module with ``pytest_plugins = ["tei_validation"]``.
It gives the session-scoped fixture ``tei_validator``: a callable that checks
an exported document against ``tests/data/tei/tei_all.rng`` (TEI P5 4.3.0, a
vendored copy: see tests/data/PROVENANCE.md) with lxml's RELAX NG, and checks
that every ``#id`` pointer resolves to an ``xml:id`` in the document (RELAX NG
does not). The schema is one self-contained file, parsed with the network and
external entities off; loading it takes a few seconds, so it is built once per
session, from the file's path (never from a decoded string, which lxml would
resolve against the wrong base).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: attributes that hold one or more ``#id`` pointers in our exports
POINTER_ATTRS = ("facs", "target", "ana", "corresp", "from", "to", "who", "resp", "ref", "scheme", "next",
                 "prev", "source", "sameAs")


#: TEI P5 4.3.0 tei_all, vendored (tests/data/PROVENANCE.md)
SCHEMA = Path(__file__).parent / "data" / "tei" / "tei_all.rng"


def schema_path() -> Path:
    """The vendored tei_all.rng."""
    assert SCHEMA.is_file(), f"{SCHEMA} is missing"
    return SCHEMA


@functools.lru_cache(maxsize=1)
def relaxng() -> etree.RelaxNG:
    """The TEI RelaxNG validator, built once per process from the schema file's path."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    return etree.RelaxNG(etree.parse(str(schema_path()), parser))


def dangling_pointers(root: etree._Element) -> list[str]:
    """``attr=#id`` pointers of the document whose id is not declared by any xml:id."""
    ids = {el.get(XML_ID) for el in root.iter() if el.get(XML_ID)}
    missing: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in POINTER_ATTRS:
            value = el.get(attr)
            if not value:
                continue
            for token in value.split():
                if token.startswith("#") and token[1:] not in ids:
                    missing.append(f"{etree.QName(el).localname}/@{attr}={token}")
    return missing


def check_tei(data: bytes | etree._Element) -> etree._Element:
    """Parse (from bytes), validate against tei_all.rng and check pointers; AssertionError with the reasons."""
    root = etree.fromstring(data) if isinstance(data, bytes) else data
    schema = relaxng()
    if not schema.validate(root):
        errors = "\n".join(f"  line {e.line}: {e.message}" for e in list(schema.error_log)[:10])
        raise AssertionError(f"the export is not valid TEI P5 (tei_all.rng):\n{errors}")
    missing = dangling_pointers(root)
    assert not missing, f"pointers to missing ids: {missing[:10]}"
    return root


@pytest.fixture(scope="session")
def tei_validator() -> Callable[[bytes | etree._Element], etree._Element]:
    """check_tei, with the schema loaded once for the whole session."""
    relaxng()
    return check_tei
