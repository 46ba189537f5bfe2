"""TEI P5 export of one article, an issue, a collection or a search's hits.

Follows the worked examples of the design (``tei/``): the header names the
newspaper, date and pages (``biblStruct``) and the digital source file with
its sha256 (``bibl type="digitalSource"``), the application in ``appInfo``;
``facsimile`` has one ``surface`` per page and ``zone``s for blocks and lines
in IMAGE pixels (model coordinates times ``Page.image_scale``); the text has
``pb`` at page changes, ``lb/@facs`` at every source line, ``head`` types
column/kicker/main/sub, ``byline``, ``dateline``, the parts in the one reading
order of :func:`reader.model.document.reading_order`. The reader's work goes in as
``seg type="highlight"`` (or an ``anchor`` pair and a stand-off ``span`` when
a highlight crosses elements), notes as ``annotation`` in ``standOff``, tags
as a ``taxonomy`` applied with ``@ana``, and text corrections as
``choice/sic/corr`` with ``@resp``. With ``reading="t2s"`` (any OpenCC
configuration) a converted reading text follows the original in a ``group``,
marked as derived and linked with ``@corresp``.

The output validates against ``tei_all.rng`` (TEI P5 4.3.0) and every ``#id``
pointer resolves: the tests check both for every sample format.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from lxml import etree

from reader import __version__
from reader.annotations.store import Annotation, locate_exact
from reader.corrections.store import TextFix, corrected_part
from reader.export.items import ExportError, Item, converter, language_of, source_sha256
from reader.model.document import Article, Block, Document, Line, Page, reading_order, supplied_title
from reader.text.chars import wide_at
from reader.text.forms import config_for

log = logging.getLogger(__name__)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_ID = f"{{{XML_NS}}}id"
T = f"{{{TEI_NS}}}"

#: parts that may open an article's div (TEI model.divTop) as a ``head`` of this type
TOP_ROLES = {"column-label": "column", "kicker": "kicker", "headline": "main", "subheadline": "sub"}
#: parts that may close it (TEI model.divBottom)
BOTTOM_ROLES = ("byline", "dateline")
#: TEI div/@type for article kinds
DIV_TYPES = {"article": "article", "photo": "photo", "advertisement": "advertisement", "notice": "notice",
             "furniture": "furniture"}
SIMPLIFIED_TARGETS = ("t2s", "tw2s", "hk2s", "t2cn")


def _el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: Any) -> etree._Element:
    el = (etree.Element(T + tag, nsmap={None: TEI_NS})  # type: ignore[dict-item]
          if parent is None else etree.SubElement(parent, T + tag))
    for k, v in attrs.items():
        if v is None:
            continue
        name = XML_ID if k == "xml_id" else XML_LANG if k == "xml_lang" else k.rstrip("_")
        el.set(name, str(v))
    if text is not None:
        el.text = _clean(text)
    return el


_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text XML can hold (control characters from OCR dropped)."""
    return _BAD_XML.sub("", text)


def _append_text(el: etree._Element, text: str) -> None:
    """Add ``text`` after the last child of ``el`` (or as its text)."""
    if not text:
        return
    text = _clean(text)
    try:
        last = el[-1]  # lxml finds the last child from the end; len(el) counts them all (quadratic)
    except IndexError:
        el.text = (el.text or "") + text
    else:
        last.tail = (last.tail or "") + text


class Ids:
    """Unique xml:id values (NCNames) made from arbitrary source ids."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.memo: dict[tuple[str, str], str] = {}

    def get(self, prefix: str, raw: str) -> str:
        key = (prefix, raw)
        if key in self.memo:
            return self.memo[key]
        base = unicodedata.normalize("NFKC", f"{prefix}-{raw}")
        base = re.sub(r"[^\w.\-]", "_", base)
        if not re.match(r"[A-Za-z_]", base):
            base = "x" + base
        ident, n = base, 1
        while ident in self.used:
            n += 1
            ident = f"{base}-{n}"
        self.used.add(ident)
        self.memo[key] = ident
        return ident

    def unique(self, prefix: str, raw: str) -> str:
        """A fresh id every call (the same raw id twice gives two ids)."""
        self.memo.pop((prefix, raw), None)
        return self.get(prefix, raw)

    def new(self, prefix: str) -> str:
        return self.get(prefix, str(len(self.used) + 1))


@dataclass
class _Highlight:
    annotation: Annotation
    ident: str
    part: int
    start: int
    end_part: int
    end: int
    inline: bool = True


@dataclass
class _Context:
    """Everything an export builds up while it walks the items."""

    ids: Ids = field(default_factory=Ids)
    tag_ids: dict[str, str] = field(default_factory=dict)
    user_ids: dict[str, str] = field(default_factory=dict)
    zone_of_line: dict[str, str] = field(default_factory=dict)
    zone_of_block: dict[str, str] = field(default_factory=dict)
    block_of_line: dict[str, str] = field(default_factory=dict)
    surface_of_page: dict[tuple[int, int], str] = field(default_factory=dict)
    #: a page's printed label, where the source gives one (``surface/@n`` and ``pb/@n``)
    label_of_page: dict[tuple[int, int], str] = field(default_factory=dict)
    page_of_line: dict[tuple[int, str], int] = field(default_factory=dict)
    standoff_spans: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    standoff_notes: list[tuple[str, Annotation]] = field(default_factory=list)
    part_ids: dict[tuple[int, int], str] = field(default_factory=dict)
    article_ids: dict[int, str] = field(default_factory=dict)
    #: the export's main language and the other languages articles are in
    lang: str = "und"
    other_langs: list[str] = field(default_factory=list)


def _ana(ctx: _Context, tags: Iterable[str]) -> str | None:
    refs = [f"#{ctx.tag_ids[t.casefold()]}" for t in tags if t.casefold() in ctx.tag_ids]
    return " ".join(refs) or None


def _user(ctx: _Context, name: str) -> str:
    return ctx.user_ids.get(name) or ctx.user_ids[""]


def export_tei(items: Sequence[Item], annotations: Sequence[Annotation] = (), title: str | None = None,
               scope: str | None = None, user: str = "", reading: str | None = None, now: datetime | None = None,
               work: bool = True, **_: Any) -> bytes:
    """The TEI document (UTF-8 bytes with XML declaration) for ``items``.

    ``annotations`` are filtered to the exported articles (by Item.key); the
    text corrections are the items' own (``Item.fixes``). ``scope`` (article, issue, collection, hits) only words the
    title; ``user`` names the person the annotations and corrections are from
    when they carry no creator; ``reading`` adds an OpenCC reading text. ``work`` False: an export without the
    reader's work (the text as the OCR read it), which the header then says instead of declaring their work.
    """
    if not items:
        raise ExportError("nothing to export: no articles in the scope")
    now = now or datetime.now(timezone.utc).replace(microsecond=0)
    keys = {i.key for i in items}
    anns = [a for a in annotations if a.article in keys]
    ctx = _Context()
    lang = language_of(items)
    ctx.lang = lang
    scope = scope or ("article" if len(items) == 1 else "issue" if len({id(i.document) for i in items}) == 1
                      else "collection")

    # users and tags first: the header declares them, the text points at them
    ctx.user_ids[""] = "user"
    ctx.ids.used.update({"user", "ocr", "user-tags"})
    for name in sorted({a.creator for a in anns if a.creator} | {f.correction.creator for i in items for f in i.fixes
                                                                  if f.correction.creator}):
        ctx.user_ids[name] = ctx.ids.get("user", name)
    tag_names: dict[str, str] = {}
    for a in anns:
        for t in a.tags:
            tag_names.setdefault(t.casefold(), t)
    for folded, t in sorted(tag_names.items()):
        ctx.tag_ids[folded] = ctx.ids.get("tag", t)
    doc_order: list[Document] = []
    for item in items:
        if not any(d is item.document for d in doc_order):
            doc_order.append(item.document)
    for di, doc in enumerate(doc_order):
        for page in doc.pages:
            for line in page.lines:
                ctx.page_of_line[(di, line.id)] = page.number
    for ii, item in enumerate(items):
        ctx.article_ids[ii] = ctx.ids.unique("art", item.key)

    root = _el(None, "TEI", xml_lang=lang, xml_id=ctx.ids.get("export", uuid.uuid4().hex[:8]))
    header = _el(root, "teiHeader")
    _facsimile(root, ctx, items, doc_order)
    text = _el(root, "text")
    if reading:
        group = _el(text, "group")
        orig = _el(group, "text", xml_id=ctx.ids.get("t", "orig"), xml_lang=lang, type="original")
        body = _el(orig, "body")
    else:
        body = _el(text, "body")
    _body(body, ctx, items, doc_order, anns)
    if reading:
        target_lang = "zh-Hans" if reading.replace(".json", "") in SIMPLIFIED_TARGETS else "zh-Hant"
        conv = _el(group, "text", xml_id=ctx.ids.get("t", "reading"), xml_lang=target_lang, type="scriptConversion",
                   corresp=f"#{ctx.ids.get('t', 'orig')}")
        _reading_body(_el(conv, "body"), ctx, items, reading)
    _standoff(root, ctx, anns)
    _header(header, ctx, items, doc_order, anns, _HeaderOptions(lang, title, scope, user, reading, now, work))
    # the header must come first, facsimile before text: reorder (built out of order to know ids)
    for child in (header,):
        root.remove(child)
        root.insert(0, child)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# --------------------------------------------------------------------------- header


@dataclass(frozen=True)
class _HeaderOptions:
    lang: str
    title: str | None
    scope: str
    user: str
    reading: str | None
    now: datetime
    #: the reader's work (annotations, corrections) is in the export; without it the header claims none
    work: bool = True


def _header(header: etree._Element, ctx: _Context, items: Sequence[Item], docs: Sequence[Document],
            anns: Sequence[Annotation], opts: _HeaderOptions) -> None:
    fd = _el(header, "fileDesc")
    _title_stmt(_el(fd, "titleStmt"), ctx, items, docs, opts)
    stamp = opts.now.isoformat().replace("+00:00", "Z")
    ps = _el(fd, "publicationStmt")
    _el(ps, "publisher", f"Exported with Broadsheet {__version__} (desktop archival reader)")
    _el(ps, "date", opts.now.date().isoformat(), when=stamp)
    _el(ps, "idno", str(uuid.uuid4()), type="UUID")
    av = _el(ps, "availability", status="restricted")
    _el(av, "p", "Export for private research use; source images and OCR remain under the terms of the "
                 "holding archive.")

    sd = _el(fd, "sourceDesc")
    for doc in docs:
        _bibl_struct(sd, doc, [i for i in items if i.document is doc], opts.scope == "article")
    seen: set[str] = set()
    for item in items:
        if item.document.source not in seen:
            seen.add(item.document.source)
            _digital_source(sd, item)

    _encoding_desc(_el(header, "encodingDesc"), ctx, anns, opts)
    _profile_desc(_el(header, "profileDesc"), ctx, items, anns, opts)

    rd = _el(header, "revisionDesc")
    n_fixes = sum(len(i.fixes) for i in items)
    if n_fixes:
        _el(rd, "change", f"{n_fixes} OCR correction(s) by the user.", type="correction", who="#user")
    if anns:
        _el(rd, "change", f"{len(anns)} annotation(s) by the user.", type="annotation", who="#user")
    _el(rd, "change", "Exported from Broadsheet.", when=stamp, who="#user", type="export")


def _titles(items: Sequence[Item], opts: _HeaderOptions) -> tuple[str, str]:
    """The main and sub title of the export."""
    first = items[0]
    pub = first.publication()
    date = first.metadata.get("date", "")
    if opts.scope == "article":
        main = opts.title or supplied_title(first.article)
        pages = first.page_range("–")  # as printed (seen by eye: "page 1" of the page printed 484)
        return main, (f"TEI export of one article from {pub}" + (f", {date}" if date else "")
                      + (f", page {pages}" if pages else ""))
    if opts.scope == "issue":
        return (opts.title or f"{pub}" + (f", {date}" if date else ""),
                f"TEI export of {len(items)} article(s) of one issue")
    return (opts.title or f"{len(items)} articles",
            f"TEI export of a {'search' if opts.scope == 'hits' else 'collection'}: {len(items)} article(s)")


def _title_stmt(ts: etree._Element, ctx: _Context, items: Sequence[Item], docs: Sequence[Document],
                opts: _HeaderOptions) -> None:
    main, sub = _titles(items, opts)
    _el(ts, "title", main, type="main")
    _el(ts, "title", sub, type="sub")
    rs = _el(ts, "respStmt", xml_id="user")
    _el(rs, "resp", "annotation and correction" if opts.work else "export")
    _el(rs, "persName", opts.user or "Broadsheet user")
    for name, ident in ctx.user_ids.items():
        if name:
            r = _el(ts, "respStmt", xml_id=ident)
            _el(r, "resp", "annotation and correction")
            _el(r, "persName", name)
    r = _el(ts, "respStmt", xml_id="ocr")
    _el(r, "resp", "optical character recognition (source text)")
    _el(r, "orgName", "OCR of the source files (" + ", ".join(sorted({d.format for d in docs})) + ")")


def _encoding_desc(ed: etree._Element, ctx: _Context, anns: Sequence[Annotation], opts: _HeaderOptions) -> None:
    reading = opts.reading
    ai = _el(ed, "appInfo")
    app = _el(ai, "application", ident="Broadsheet", version=__version__, when=opts.now.date().isoformat())
    _el(app, "label", "Broadsheet TEI exporter")
    if reading:
        import opencc

        app = _el(ai, "application", ident="OpenCC", version=getattr(opencc, "__version__", "1.4"))
        _el(app, "label", f"OpenCC, configuration {reading}.json (converted reading text only)")
    edd = _el(ed, "editorialDecl")
    if not opts.work:
        _el(_el(edd, "correction", status="unknown"), "p",
            "The text and the articles are the OCR's and the segmentation's as read from the source files; no "
            "user's corrections or annotations are included.")
    else:
        cor = _el(edd, "correction", method="markup")
        _el(cor, "p", "OCR errors corrected by users are encoded as choice/sic/corr with @resp pointing to the "
                      "user; the uncorrected OCR reading is kept in sic. Segmentation corrections (merged, split or "
                      "moved articles and paragraphs) are applied to the article structure.")
    norm = _el(edd, "normalization", method="silent" if reading else None)
    if reading:
        _el(norm, "p", f"The text with type=\"scriptConversion\" was generated automatically from the original "
                       f"with OpenCC ({reading}). It is a derived reading text; quotations and corrections "
                       f"refer to the original.")
    else:
        _el(norm, "p", "The text is exported in its original script exactly as in the OCR output; no script "
                       "conversion is applied.")
    seg = _el(edd, "segmentation")
    _el(seg, "p", "Line breaks from the OCR are kept as lb elements whose @facs points to the line zone where "
                  "the source gives coordinates; a word the OCR hyphenated over a line end is joined, its hyphen "
                  "left out, and its line's lb has break=\"no\"; paragraphs and article parts follow Broadsheet's "
                  "reflow and segmentation.")
    if ctx.tag_ids:
        cd = _el(ed, "classDecl")
        tx = _el(cd, "taxonomy", xml_id="user-tags")
        _el(tx, "desc", "Tags defined by the user in Broadsheet")
        names = {a_t.casefold(): a_t for a in anns for a_t in a.tags}
        for folded, ident in ctx.tag_ids.items():
            cat = _el(tx, "category", xml_id=ident)
            _el(cat, "catDesc", names.get(folded, folded))


def _profile_desc(pd: etree._Element, ctx: _Context, items: Sequence[Item], anns: Sequence[Annotation],
                  opts: _HeaderOptions) -> None:
    lang, reading = opts.lang, opts.reading
    lu = _el(pd, "langUsage")
    _el(lu, "language", _LANG_NAMES.get(lang, lang), ident=lang)
    for other_lang in ctx.other_langs:
        _el(lu, "language", _LANG_NAMES.get(other_lang, other_lang), ident=other_lang)
    if reading:
        other = "zh-Hans" if reading.replace(".json", "") in SIMPLIFIED_TARGETS else "zh-Hant"
        if other != lang:
            _el(lu, "language", _LANG_NAMES.get(other, other) + " (OpenCC conversion)", ident=other)
    if opts.scope != "article":
        return
    art_tags = [t for a in anns if a.anchor is None and a.article == items[0].key for t in a.tags]
    refs = _ana(ctx, art_tags)
    if refs:
        tc = _el(pd, "textClass")
        for ref in dict.fromkeys(refs.split()):
            _el(tc, "catRef", scheme="#user-tags", target=ref)


_LANG_NAMES = {"zh-Hant": "Chinese, traditional script (original)", "zh-Hans": "Chinese, simplified script",
               "zh": "Chinese", "de": "German", "en": "English", "fr": "French", "ja": "Japanese",
               "und": "Undetermined"}


def _iso_date(value: str) -> str | None:
    return value if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value or "") else None


def _bibl_struct(sd: etree._Element, doc: Document, items: Sequence[Item], one_article: bool) -> None:
    md = doc.metadata
    bs = _el(sd, "biblStruct", type="newspaperArticle" if one_article else "newspaperIssue")
    if one_article:
        art = items[0].article
        an = _el(bs, "analytic")
        _el(an, "title", supplied_title(art), level="a", type="main")
        if art.byline:
            _el(an, "author", " ".join(art.byline.split()))
    mo = _el(bs, "monogr")
    _el(mo, "title", items[0].publication(), level="j")
    if md.get("edition"):
        _el(mo, "edition", md["edition"])
    imp = _el(mo, "imprint")
    if md.get("date"):
        _el(imp, "date", md["date"], when=_iso_date(md["date"]))
    if md.get("issue"):
        _el(imp, "biblScope", md["issue"], unit="issue")
    pages = sorted({n for i in items for n in i.page_numbers()})
    if pages:
        labels = {p.number: p.label for p in doc.pages if p.label}
        text = ", ".join(labels.get(n, str(n)) for n in pages)
        _el(imp, "biblScope", text, unit="page", from_=str(pages[0]), to=str(pages[-1]))
    else:
        _el(imp, "date", "unknown")


def _digital_source(sd: etree._Element, item: Item) -> None:
    doc = item.document
    bi = _el(sd, "bibl", type="digitalSource")
    _el(bi, "title", f"{doc.format} source file")
    path = Path(doc.source)
    try:
        uri = path.resolve().as_uri()
    except ValueError:
        uri = None
    if uri:
        _el(bi, "ptr", target=uri)
    _el(bi, "idno", path.name, type="filename")
    digest = source_sha256(item)
    if digest:
        _el(bi, "idno", digest, type="sha256")
    if doc.warnings:
        _el(bi, "note", "Reading notes: " + "; ".join(doc.warnings[:5]))


# --------------------------------------------------------------------------- facsimile


def _scaled(box: Sequence[float], scale: float) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = (round(v * scale) for v in box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _facsimile(root: etree._Element, ctx: _Context, items: Sequence[Item], docs: Sequence[Document]) -> None:
    fac = _el(root, "facsimile")
    for di, doc in enumerate(docs):
        wanted_lines = {lid for i in items if i.document is doc for lid in i.article.line_ids()}
        wanted_pages = sorted({n for i in items if i.document is doc for n in i.page_numbers()}
                              | {ctx.page_of_line[(di, lid)] for lid in wanted_lines if (di, lid) in ctx.page_of_line})
        for page in doc.pages:
            if page.number not in wanted_pages:
                continue
            _surface(fac, ctx, di, page, wanted_lines, len(docs) > 1)


def _surface(fac: etree._Element, ctx: _Context, di: int, page: Page, wanted: set[str], multi: bool) -> None:
    scale = page.image_scale or 1.0
    sid = ctx.ids.get("pg", f"{di}-{page.number:04d}" if multi else f"{page.number:04d}")
    ctx.surface_of_page[(di, page.number)] = sid
    if page.label:
        ctx.label_of_page[(di, page.number)] = page.label
    attrs: dict[str, Any] = {"xml_id": sid, "n": page.label or page.number}
    if page.width and page.height:
        attrs.update(ulx=0, uly=0, lrx=round(page.width * scale), lry=round(page.height * scale))
    surf = _el(fac, "surface", **attrs)
    if page.image:
        img = Path(page.image)
        g = _el(surf, "graphic", url=img.name if not img.is_absolute() else img.as_uri())
        if page.width and page.height:
            g.set("width", f"{round(page.width * scale)}px")
            g.set("height", f"{round(page.height * scale)}px")
    in_block: set[str] = set()
    for block in page.blocks:
        lines = [ln for ln in block.lines if ln.id in wanted and ln.box]
        if not lines:
            continue
        zone = _block_zone(surf, ctx, di, block, scale)
        for line in lines:
            in_block.add(line.id)
            ctx.block_of_line[line.id] = block.id
            _line_zone(zone if zone is not None else surf, ctx, di, line, scale)
    for line in page.lines:
        if line.id in wanted and line.box and line.id not in in_block:
            _line_zone(surf, ctx, di, line, scale)


def _block_zone(surf: etree._Element, ctx: _Context, di: int, block: Block, scale: float) -> etree._Element | None:
    if block.polygon and len(block.polygon) >= 3:
        pts = " ".join(f"{round(x * scale)},{round(y * scale)}" for x, y in block.polygon)
        zid = ctx.ids.get("z", f"{di}-{block.id}")
        ctx.zone_of_block[f"{di}:{block.id}"] = zid
        return _el(surf, "zone", xml_id=zid, type="block", subtype=block.type if block.type != "text" else None,
                   points=pts)
    if block.box:
        x0, y0, x1, y1 = _scaled(block.box, scale)
        zid = ctx.ids.get("z", f"{di}-{block.id}")
        ctx.zone_of_block[f"{di}:{block.id}"] = zid
        return _el(surf, "zone", xml_id=zid, type="block", subtype=block.type if block.type != "text" else None,
                   ulx=x0, uly=y0, lrx=x1, lry=y1)
    return None


def _line_zone(parent: etree._Element, ctx: _Context, di: int, line: Line, scale: float) -> None:
    assert line.box is not None
    x0, y0, x1, y1 = _scaled(line.box, scale)
    zid = ctx.ids.get("z", f"{di}-{line.id}")
    ctx.zone_of_line[f"{di}:{line.id}"] = zid
    _el(parent, "zone", xml_id=zid, type="line", ulx=x0, uly=y0, lrx=x1, lry=y1)


# --------------------------------------------------------------------------- text


def _article_offsets(article: Article) -> list[int]:
    """Start offset of each part in ``article.text``."""
    out, pos = [], 0
    for part in article.parts:
        out.append(pos)
        pos += len(part.text) + 2
    return out


def _to_part(starts: list[int], article: Article, offset: int, end: bool) -> tuple[int, int]:
    """(part, offset in part) for an article offset; an ``end`` offset sticks to the part before a separator."""
    for i in range(len(starts) - 1, -1, -1):
        if offset >= starts[i] or i == 0:
            inner = offset - starts[i]
            n = len(article.parts[i].text)
            if inner > n:  # inside the blank line between parts
                return (i, n) if end else (min(i + 1, len(starts) - 1), 0 if i + 1 < len(starts) else n)
            return i, max(0, inner)
    return 0, 0


def _highlights(ctx: _Context, item: Item, anns: Sequence[Annotation],
                fixes: Sequence[TextFix]) -> tuple[list[_Highlight], list[Annotation]]:
    """Highlights of the item placed on parts; the ones that cannot be placed come back as orphans."""
    art = item.article
    starts = _article_offsets(art)
    placed: list[_Highlight] = []
    orphans: list[Annotation] = []
    for a in anns:
        if a.article != item.key or a.anchor is None:
            continue
        found = locate_exact(a.anchor, art.text) if not a.orphaned else None
        if found is None:
            orphans.append(a)
            continue
        p0, s0 = _to_part(starts, art, found.start, end=False)
        p1, s1 = _to_part(starts, art, found.end, end=True)
        if (p0, s0) >= (p1, s1):
            orphans.append(a)
            continue
        h = _Highlight(a, ctx.ids.new("hl"), p0, s0, p1, s1)
        h.inline = p0 == p1
        placed.append(h)
    # a seg must nest cleanly: not partly over a correction or another seg
    for h in placed:
        if not h.inline:
            continue
        for f in fixes:
            if f.part == h.part and f.start < h.end and h.start < f.end and not (h.start <= f.start and f.end <= h.end):
                h.inline = False
        for o in placed:
            if o is h or not o.inline or o.part != h.part:
                continue
            if o.start < h.end and h.start < o.end and not (
                    (o.start <= h.start and h.end <= o.end) or (h.start <= o.start and o.end <= h.end)) \
                    and placed.index(o) < placed.index(h):
                h.inline = False
            if (o.start, o.end) == (h.start, h.end) and placed.index(o) < placed.index(h):
                h.inline = False
    return placed, orphans


def _body(body: etree._Element, ctx: _Context, items: Sequence[Item], docs: Sequence[Document],
          anns: Sequence[Annotation]) -> None:
    multi = len(docs) > 1
    current_page: tuple[int, int] | None = None
    container = body
    current_doc = -1
    for ii, item in enumerate(items):
        di = next(i for i, d in enumerate(docs) if d is item.document)
        if multi and di != current_doc:
            container = _el(body, "div", type="issue", n=item.metadata.get("date") or None)
            label = item.publication() + (f", {item.metadata['date']}" if item.metadata.get("date") else "")
            _el(container, "head", label)
            current_doc = di
            current_page = None
        current_page = _article_div(container, ctx, ii, di, item, anns, current_page)


def _part_page(ctx: _Context, di: int, article: Article, index: int) -> int | None:
    for lid in article.parts[index].line_ids:
        n = ctx.page_of_line.get((di, lid))
        if n is not None:
            return n
    return None


def _pb(parent: etree._Element, ctx: _Context, di: int, page: int) -> None:
    """A page break, ``n`` the page as printed where the source gives it, as its ``surface`` has it."""
    sid = ctx.surface_of_page.get((di, page))
    _el(parent, "pb", n=ctx.label_of_page.get((di, page), page), facs=f"#{sid}" if sid else None)


def _article_lang(ctx: _Context, item: Item) -> str | None:
    """The article's own xml:lang when it differs from the export's (recorded for the header)."""
    art_lang = language_of([item]) if item.article.parts else ctx.lang
    if art_lang in ("und", ctx.lang):
        return None
    if art_lang not in ctx.other_langs:
        ctx.other_langs.append(art_lang)
    return art_lang


def _top_and_bottom(roles: Sequence[str]) -> tuple[int, int]:
    """How many parts open the div (heads, and bylines among them) and where the closing ones start."""
    n_top = 0
    while n_top < len(roles) and (roles[n_top] in TOP_ROLES or roles[n_top] in BOTTOM_ROLES):
        n_top += 1
    n_bottom = len(roles)
    while n_bottom > n_top and roles[n_bottom - 1] in BOTTOM_ROLES:
        n_bottom -= 1
    return n_top, n_bottom


def _head_type(art: Article, role: str) -> str:
    """head/@type of a headline-group part (a publisher's title is the main head, the text's headline a sub)."""
    return "sub" if art.title and role == "headline" else TOP_ROLES[role]


@dataclass
class _DivWriter:
    """Writes the parts of one article's div in the reading order (``k`` counts them in that order),
    counting the body parts (a div needs at least one)."""

    div: etree._Element
    art: Article
    n_top: int
    n_bottom: int
    body_parts: int = 0

    def part(self, k: int, i: int, pid: str, facs: str | None) -> etree._Element:
        part = self.art.parts[i]
        if k < self.n_top:
            if part.role in TOP_ROLES:
                return _el(self.div, "head", type=_head_type(self.art, part.role), xml_id=pid, facs=facs)
            return _el(self.div, part.role, xml_id=pid, facs=facs)
        if k >= self.n_bottom:
            if self.body_parts == 0:
                _el(self.div, "p")
                self.body_parts += 1
            return _el(self.div, part.role, xml_id=pid, facs=facs)
        self.body_parts += 1
        if part.role == "paragraph":
            return _el(self.div, "p", xml_id=pid, facs=facs)
        return _el(self.div, "ab", type=part.role, xml_id=pid, facs=facs)


def _article_div(parent: etree._Element, ctx: _Context, ii: int, di: int, item: Item, anns: Sequence[Annotation],
                 current_page: tuple[int, int] | None) -> tuple[int, int] | None:
    art, fixes = item.article, item.fixes
    art_tags = [t for a in anns if a.article == item.key and a.anchor is None for t in a.tags]
    div = _el(parent, "div", type=DIV_TYPES.get(art.kind, "article"), xml_id=ctx.article_ids[ii],
              ana=_ana(ctx, art_tags), xml_lang=_article_lang(ctx, item))
    highlights, orphans = _highlights(ctx, item, anns, fixes)
    ctx.standoff_notes.extend((f"#{ctx.article_ids[ii]}", a) for a in anns
                              if a.article == item.key and a.anchor is None and a.note)
    ctx.standoff_notes.extend((f"#{ctx.article_ids[ii]}", a) for a in orphans)

    first_page = _part_page(ctx, di, art, 0) if art.parts else None
    if first_page is None and art.pages:
        first_page = art.pages[0]
    if first_page is not None and current_page != (di, first_page):
        _pb(div, ctx, di, first_page)
        current_page = (di, first_page)

    if art.title:
        _el(div, "head", " ".join(art.title.split()), type="main")
    order = reading_order(art)  # the one order of the window, show and the text exports
    writer = _DivWriter(div, art, *_top_and_bottom([art.parts[i].role for i in order]))
    for k, i in enumerate(order):
        part = art.parts[i]
        page = _part_page(ctx, di, art, i)
        if page is not None and current_page != (di, page):
            _pb(div, ctx, di, page)
            current_page = (di, page)
        pid = ctx.ids.get("p", f"{ctx.article_ids[ii]}-{i + 1}")
        ctx.part_ids[(ii, i)] = pid
        el = writer.part(k, i, pid, _part_facs(ctx, di, part.line_ids))
        _inline(el, ctx, di, part_index=i, part=part, highlights=highlights,
                fixes=[f for f in fixes if f.part == i])
    if writer.body_parts == 0:
        _el(div, "p")
    for h in highlights:
        if not h.inline:
            ctx.standoff_spans.append((h.ident, f"{h.ident}-s", f"{h.ident}-e", _ana(ctx, h.annotation.tags)))
        if h.annotation.note or not h.inline or h.annotation.written_on:  # (what it was written on: standOff)
            ctx.standoff_notes.append((f"#{h.ident}", h.annotation))
    return current_page


def _part_facs(ctx: _Context, di: int, line_ids: Sequence[str]) -> str | None:
    blocks = {ctx.block_of_line.get(lid) for lid in line_ids}
    if len(blocks) == 1:
        b = blocks.pop()
        if b is not None:
            zid = ctx.zone_of_block.get(f"{di}:{b}")
            return f"#{zid}" if zid else None
    return None


_Event = tuple[int, int, str, Any]


def _events(ctx: _Context, di: int, part_index: int, part: Any, highlights: Sequence[_Highlight],
            fixes: Sequence[TextFix]) -> list[_Event]:
    """(pos, order, kind, payload) of a part's markup; order puts closes before points before opens."""
    events: list[_Event] = []
    prev_line = None
    for span in part.spans:
        if span.line != prev_line:
            zone = ctx.zone_of_line.get(f"{di}:{span.line}")
            events.append((span.start, 1, "lb", (zone, _inside_word(part.text, span.start))))
            prev_line = span.line
    for h in highlights:
        if h.inline and h.part == part_index:
            events.append((h.start, 2, "open", h))
            events.append((h.end, 0, "close", h))
            continue
        if h.part == part_index:
            events.append((h.start, 1, "anchor", f"{h.ident}-s"))
        if h.end_part == part_index:
            events.append((h.end, 1, "anchor", f"{h.ident}-e"))
    events.extend((f.start, 3, "fix", f) for f in fixes)
    events.sort(key=lambda e: (e[0], e[1], -(e[3].end if e[2] == "open" else 0)))
    return events


def _inside_word(text: str, at: int) -> bool:
    """Whether a line beginning at ``at`` of the reflowed ``text`` begins inside a Latin word (the OCR hyphenated it
    over the line end and reflow joined it, its hyphen left out): letters on both sides, neither of them wide (a
    Chinese line goes on without a space whatever it holds)."""
    if not 0 < at < len(text):
        return False
    before, after = text[at - 1], text[at]
    return (before.isalpha() or unicodedata.category(before).startswith("M")) and after.isalpha() \
        and not wide_at(text, at - 1) and not wide_at(text, at)


def _lb(parent: etree._Element, payload: tuple[str | None, bool]) -> None:
    """A line beginning: ``lb`` pointing at its zone, ``break="no"`` when it begins inside a word."""
    zone, joined = payload
    _el(parent, "lb", facs=f"#{zone}" if zone else None, break_="no" if joined else None)


def _choice(parent: etree._Element, ctx: _Context, text: str, f: TextFix, events: Sequence[_Event]) -> None:
    """A text correction as choice/sic/corr; line breaks inside go into sic, anchors inside right after it."""
    choice = _el(parent, "choice")
    sic = _el(choice, "sic", resp="#ocr")
    p = f.start
    for e in events:
        if e[2] == "lb" and f.start < e[0] < f.end:
            _append_text(sic, text[p:e[0]])
            _lb(sic, e[3])
            p = e[0]
    _append_text(sic, text[p:f.end])
    corr = _el(choice, "corr", resp=f"#{_user(ctx, f.correction.creator)}", cert="high")
    _append_text(corr, f.corrected)
    for e in events:
        if e[2] == "anchor" and f.start < e[0] < f.end:
            _el(parent, "anchor", xml_id=e[3])


def _inline(el: etree._Element, ctx: _Context, di: int, part_index: int, part: Any,
            highlights: Sequence[_Highlight], fixes: Sequence[TextFix]) -> None:
    """Fill ``el`` with the part's text, lb at line starts, segs, anchors and choice elements."""
    text = part.text
    events = _events(ctx, di, part_index, part, highlights, fixes)
    stack: list[etree._Element] = [el]
    pos = 0
    skip_to = -1
    for at, _, kind, payload in events:
        if at < skip_to:
            # inside a correction: lb go into sic, anchors go after it
            continue
        if at > pos:
            _append_text(stack[-1], text[pos:at])
            pos = at
        if kind == "lb":
            _lb(stack[-1], payload)
        elif kind == "anchor":
            _el(stack[-1], "anchor", xml_id=payload)
        elif kind == "open":
            stack.append(_el(stack[-1], "seg", type="highlight", xml_id=payload.ident,
                             ana=_ana(ctx, payload.annotation.tags)))
        elif kind == "close" and len(stack) > 1:
            stack.pop()
        elif kind == "fix":
            _choice(stack[-1], ctx, text, payload, events)
            pos = skip_to = payload.end
    if pos < len(text):
        _append_text(stack[-1], text[pos:])


def _reading_body(body: etree._Element, ctx: _Context, items: Sequence[Item], reading: str) -> None:
    """The converted reading text: same divisions, corrected text converted, linked by @corresp. An article already
    in traditional script asked for in a traditional one keeps its characters (:func:`config_for`)."""
    config = reading.replace(".json", "")
    for ii, item in enumerate(items):
        art = item.article
        chosen = config_for(config, art.text)
        convert: Callable[[str], str] = (lambda t: t) if chosen == "none" else converter(chosen).convert
        div = _el(body, "div", type=DIV_TYPES.get(art.kind, "article"), corresp=f"#{ctx.article_ids[ii]}")
        if art.title:
            _el(div, "head", convert(" ".join(art.title.split())), type="main")
        n = 0
        order = reading_order(art)
        n_top = _top_and_bottom([art.parts[i].role for i in order])[0]
        for k, i in enumerate(order):
            part = art.parts[i]
            p = corrected_part(part, [f for f in item.fixes if f.part == i])
            head = k < n_top and part.role in TOP_ROLES and all(art.parts[j].role in TOP_ROLES for j in order[:k])
            _el(div, "head" if head else "p", convert(p.text), corresp=f"#{ctx.part_ids[(ii, i)]}",
                type=_head_type(art, part.role) if head else None)
            n += 1
        if not n:
            _el(div, "p")


# --------------------------------------------------------------------------- standOff


def _standoff(root: etree._Element, ctx: _Context, anns: Sequence[Annotation]) -> None:
    if not ctx.standoff_spans and not ctx.standoff_notes:
        return
    so = _el(root, "standOff")
    if ctx.standoff_spans:
        grp = _el(so, "spanGrp", type="highlights")
        for ident, a_start, a_end, ana in ctx.standoff_spans:
            _el(grp, "span", xml_id=ident, from_=f"#{a_start}", to=f"#{a_end}", ana=ana)
    if ctx.standoff_notes:
        la = _el(so, "listAnnotation")
        for target, a in ctx.standoff_notes:
            motivation = "commenting" if a.note else "highlighting"
            ann = _el(la, "annotation", xml_id=ctx.ids.unique("ann", a.id), target=target, motivation=motivation)
            who = _user(ctx, a.creator)
            rs = _el(ann, "respStmt")
            _el(rs, "resp", "creator")
            _el(rs, "name", a.creator or "Broadsheet user", ref=f"#{who}")
            changes = [(status, when) for status, stamp in (("created", a.created), ("modified", a.modified))
                       if (when := _iso_datetime(stamp))]
            if changes:  # an edited note says when it was changed too (it said only when it was made)
                rd = _el(ann, "revisionDesc")
                for status, when in changes:
                    _el(rd, "change", status=status, when=when, who=f"#{who}")
            if a.note:
                _el(ann, "note", a.note)
            if a.written_on:
                _written_on(ann, a)
            if a.orphaned or (a.anchor is not None and target.startswith("#art")):
                quote = a.anchor.exact if a.anchor else ""
                _el(ann, "note", f"Orphaned highlight: the passage “{quote}” was not found in the exported text.",
                    type="orphaned")
            if not a.note and not (a.orphaned or (a.anchor is not None and target.startswith("#art"))):
                _el(ann, "note", "Highlight" + (f" tagged {', '.join(a.tags)}" if a.tags else ""), type="highlight")


def _written_on(ann: etree._Element, a: Annotation) -> None:
    """``note type="madeOn"``: the words a note re-attached after its source changed was written on, and the words
    the source reads there now, each a ``quote`` (as ``annotations list`` says "made on …"; the export gave the new
    words alone)."""
    assert a.anchor is not None
    made = _el(ann, "note", type="madeOn")
    made.text = "Written on "
    _el(made, "quote", a.written_on).tail = "; the source now reads "
    _el(made, "quote", a.anchor.exact).tail = "."


def _iso_datetime(value: str) -> str | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?", value or ""):
        return value
    return None

