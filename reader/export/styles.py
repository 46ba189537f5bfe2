"""Formatted citations: the published CSL styles (``resources/csl``) rendered by citeproc-py.

The styles are the citation-style-language/styles files, unchanged on disk. citeproc-py
(0.11) leaves out four parts of CSL 1.0.2 these styles rely on, and each would print a
citation that differs from the standard's own examples; so, when a style is loaded, its
tree is adjusted in memory in ways that mean the same thing in CSL (and one call of the
processor is completed), each for one named gap:

* ``<group>`` suppression: citeproc-py drops a group when any child *could* call a
  variable and none rendered one, where CSL counts only the variables actually called.
  GB/T 7714's ``[N]`` (type code, then ``/OL`` when there is a URL) was lost that way:
  a group holding a fixed ``[…]`` value and a ``choose`` whose branches call variables is
  rewritten so the fixed part renders on its own (:func:`_fix_type_code_groups`).
* ``initialize="false"`` is ignored, so Chicago's full names came out as initials
  ("Smith, J."): the inherited ``initialize-with`` is moved onto the ``<name>`` elements
  that do initialize (:func:`_fix_initialize`).
* ``<label variable="X">`` prints its term when X is empty ("Edition." after every
  Chicago newspaper entry): each such label is wrapped in ``<choose><if variable="X">``
  (:func:`_fix_labels`).
* ``punctuation-in-quote`` (American English: “Title.” not “Title”.) is not applied, nor are
  a field's own final stop and the style's period merged ("OFFICIELLE..”"), nor a title's own stop dropped before
  GB/T 7714's type code ("Kölnische Zeitung.[N]"): all done on the finished string (:func:`punctuation_in_quote`,
  :func:`collapse_stops`).
* Not a gap but a choice: Chicago leaves a newspaper's page out (CMOS18 14.89 allows it); a
  reader of an archive needs it, as every other style gives it (:func:`_give_newspaper_pages`).
* A variable rendered through a macro in ``<substitute>`` is not suppressed later in the
  entry (APA printed an unsigned article's title twice, Chicago the newspaper's name):
  :func:`_repress_substituted` records what a substitute rendered.

Those last two are patches of citeproc-py's classes (``Text``, ``Substitute``), applied once at the
first style loaded; so is a memo of macro look-ups (:func:`_memoize_macros`, for speed only).
citeproc-py is pinned below 0.12 in pyproject.toml for that reason.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from lxml import etree

from reader.formats.safexml import parse as parse_xml
from reader.resources import path as resource_path

CSL_NS = "http://purl.org/net/xbiblio/csl"
_C = f"{{{CSL_NS}}}"

class CslStyle(NamedTuple):
    """A bundled style: its file in resources/csl and how its quotation marks behave."""

    file: str
    #: American English: a period or comma after a closing quotation mark goes inside it
    punctuation_in_quote: bool
    #: the style puts article titles in double quotation marks (quotes inside a title become single ones)
    quotes_titles: bool


CSL_STYLES: dict[str, CslStyle] = {
    "gb7714": CslStyle("china-national-standard-gb-t-7714-2015-numeric.csl", False, False),
    "chicago": CslStyle("chicago-notes-bibliography.csl", True, True),
    "apa": CslStyle("apa.csl", True, False),
}

def _fix_type_code_groups(root: Any) -> None:
    """``<group prefix="[" suffix="]"><text macro="type-id"/><text macro="medium-id"/></group>``:
    the type code is a fixed value; render ``[type]`` alone unless a medium or URL is there."""
    for group in root.iter(f"{_C}group"):
        kids = [k for k in group if isinstance(k.tag, str)]
        macros = [k.get("macro") for k in kids]
        if macros != ["type-id", "medium-id"]:
            continue
        choose = etree.SubElement(group.getparent(), f"{_C}choose")
        group.addprevious(choose)
        with_medium = etree.SubElement(choose, f"{_C}if", variable="medium URL DOI", match="any")
        with_medium.append(group)
        plain = etree.SubElement(choose, f"{_C}else")
        etree.SubElement(plain, f"{_C}text", macro="type-id", prefix=group.get("prefix", ""),
                         suffix=group.get("suffix", ""))


def _fix_initialize(root: Any) -> None:
    """Move an inherited ``initialize-with`` onto every ``<name>`` that does not say ``initialize="false"``."""
    for el in [root, *root.iter(f"{_C}citation", f"{_C}bibliography")]:
        mark = el.get("initialize-with")
        if mark is None:
            continue
        scope = root.iter(f"{_C}name") if el is root else el.iter(f"{_C}name")
        for name in scope:
            if name.get("initialize") != "false" and name.get("initialize-with") is None:
                name.set("initialize-with", mark)
        del el.attrib["initialize-with"]


def _fix_labels(root: Any) -> None:
    """A ``<label variable="X">`` outside ``<names>`` renders only when X is there."""
    for label in list(root.iter(f"{_C}label")):
        variable = label.get("variable")
        parent = label.getparent()
        if not variable or variable == "locator" or parent is None or parent.tag == f"{_C}names":
            continue
        choose = etree.Element(f"{_C}choose")
        label.addprevious(choose)
        cond = etree.SubElement(choose, f"{_C}if", variable=variable)
        cond.append(label)


def _give_newspaper_pages(root: Any) -> None:
    """Chicago's locator gives no page for a newspaper (``<else-if type="article-magazine article-newspaper"/>``,
    CMOS18 14.89, which allows one): a newspaper's page is given as a journal's is — the page printed ("484") is
    what a reader of an archive needs to find the article again (seen by the by-eye tester: none in the Chicago
    citation, where every other style had it)."""
    for macro in root.iter(f"{_C}macro"):
        if macro.get("name") != "source-serial-locator":
            continue
        for cond in list(macro.iter(f"{_C}if", f"{_C}else-if")):
            types = (cond.get("type") or "").split()
            if "article-newspaper" in types and len(cond) == 0:
                types.remove("article-newspaper")
                if types:
                    cond.set("type", " ".join(types))
                else:
                    cond.getparent().remove(cond)


_ADJUSTMENTS: tuple[Callable[[Any], None], ...] = (_fix_type_code_groups, _fix_initialize, _fix_labels,
                                                   _give_newspaper_pages)


_PATCHED = False
#: per thread, a stack of the variable sets rendered inside each ``<substitute>`` being rendered
_CAPTURE = threading.local()


def _repress_substituted() -> None:
    """CSL: variables rendered by a ``<substitute>`` are suppressed in the rest of the entry. citeproc-py
    records only a direct ``<text variable>`` child; record every variable the substitute rendered,
    through macros too (an unsigned article's title in APA, the newspaper in Chicago)."""
    global _PATCHED
    if _PATCHED:
        return
    from citeproc import model

    text_variable = model.Text._variable
    substitute_render = model.Substitute.render

    def _variable(self: Any, item: Any, context: Any) -> Any:
        value = text_variable(self, item, context)  # VariableError when the item lacks it
        stack = getattr(_CAPTURE, "stack", None)
        if stack and value:
            stack[-1].add(self.get("variable"))
        return value

    def render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        stack = _CAPTURE.__dict__.setdefault("stack", [])
        stack.append(set())
        try:
            text = substitute_render(self, item, context=context, **kwargs)
        finally:
            rendered = stack.pop()
        if text and context is not None:
            repressed = context.get_layout().repressed
            repressed.setdefault(f"{_C}text", []).extend(sorted(rendered))
            if stack:  # a substitute inside a substitute: the outer one rendered these too
                stack[-1].update(rendered)
        return text

    model.Text._variable = _variable
    model.Substitute.render = render
    _memoize_macros(model)
    _PATCHED = True


def _memoize_macros(model: Any) -> None:
    """citeproc-py finds a macro by an XPath search of the whole style at every use (two thirds of the time of
    a Chicago citation); remember each style's macros by name. The styles stay loaded (``csl_style`` is cached),
    and each entry keeps its root alive, so the root's id stays its own."""
    macros: dict[int, tuple[Any, dict[str, Any]]] = {}
    find = model.CitationStylesElement.get_macro

    def get_macro(self: Any, name: str) -> Any:
        root = self.get_root()
        entry = macros.setdefault(id(root), (root, {}))
        found = entry[1].get(name)
        if found is None:
            found = entry[1][name] = find(self, name)
        return found

    model.CitationStylesElement.get_macro = get_macro


@lru_cache(maxsize=8)
def csl_style(name: str, locale: str | None = None) -> Any:
    """The citeproc-py style ``name`` (a key of CSL_STYLES), adjusted as the module docstring says, in its
    own default locale or in ``locale``; cached."""
    from citeproc import CitationStylesStyle

    _repress_substituted()
    source = resource_path("csl", CSL_STYLES[name].file)
    root = parse_xml(source.read_bytes(), source)
    for adjust in _ADJUSTMENTS:
        adjust(root)
    return CitationStylesStyle(io.BytesIO(etree.tostring(root)), locale=locale, validate=False)


_AFTER_QUOTE = re.compile(r"”([.,])")


def punctuation_in_quote(text: str) -> str:
    """American usage: a period or comma after a closing quotation mark goes inside it."""
    return _AFTER_QUOTE.sub(r"\1”", text)


_NUMBER_LABEL = re.compile(r"^\[\d+\]\s*")
#: a period the style adds after a field that ends in its own (a headline ending "OFFICIELLE.")
_DOUBLE_STOP = re.compile(r"([.!?。！？])([”’]?)\.(?=[\s”’]|$)")


#: a title's own full stop before GB/T 7714's type code ("Kölnische Zeitung.[N]": the code follows the title)
_STOP_BEFORE_CODE = re.compile(r"(?<=[^.\s])[.。](?=\[[A-Z]{1,2}(?:/OL)?\])")


def collapse_stops(text: str) -> str:
    """One full stop where a field's own punctuation meets the style's period (CSL processors do this), and none
    between a title and GB/T 7714's type code (seen by eye: "Kölnische Zeitung.[N]."); a ? or ! is kept."""
    return _STOP_BEFORE_CODE.sub("", _DOUBLE_STOP.sub(r"\1\2", text))


#: citeproc-py keeps the state of an entry being rendered on the style's elements: one rendering at a time
_RENDERING = threading.Lock()


def locale_for(name: str, language: str) -> str | None:
    """The locale an item is rendered in: GB/T 7714 writes 等 after the third author of a Chinese work and
    "et al." after that of a Western one (8.1.2), so a work not in a CJK language takes en-US's terms
    (citeproc-py does not switch locales per item). Other styles keep their own."""
    if name == "gb7714" and not language.startswith(("zh", "ja", "ko")):
        return "en-US"
    return None


def render(name: str, csl: dict[str, Any]) -> str:
    """One CSL-JSON item as a bibliography entry in style ``name``, plain text, one line, no ``[1]`` label."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    with _RENDERING:
        style = csl_style(name, locale_for(name, str(csl.get("language", ""))))
        bib = CitationStylesBibliography(style, CiteProcJSON([csl]), formatter.plain)
        bib.register(Citation([CitationItem(csl["id"])]))
        entries = bib.bibliography()
    text = " ".join(str(entries[0]).split()) if entries else ""
    text = _NUMBER_LABEL.sub("", text)
    if CSL_STYLES[name].punctuation_in_quote:
        text = punctuation_in_quote(text)
    return collapse_stops(text)
