"""METS/ALTO issues: the pages from the physical map, the articles from the logical map.

A METS file describes one issue: its ALTO pages (``fileSec`` and the physical
``structMap``, page numbers from ``ORDER``), bibliographic data in MODS
(publication, date, page labels, article titles) and, when the library made
one, a logical ``structMap`` of articles. The variants read here, all seen in
real packages:

* British Library: logical ``ARTICLE``/``ADVERT`` divs are empty and linked
  through ``structLink`` to physical ``pagearea`` divs, whose ``area``
  (``BETYPE="IDREF"``) gives ``BEGIN``/``END`` String ids inside one ALTO file.
  String ids repeat across pages, so each range is resolved in its own file's
  index, in document order, inclusive;
* BnL (impresso): areas point at ALTO blocks, and article divs nest
  ``HEADING``/``TITLE``/``OVERLINE``/``SUBHEADLINE``/``BODY``/``PARAGRAPH``/
  ``AUTHOR``, which give the parts their roles; ``ADVERTISEMENT`` divs are adverts;
* NDNP: only physical pages. Without a logical map (or with one of only
  furniture) the reader gives no articles and :mod:`reader.segmentation.analyze`
  cuts them from the pages' layout.

File references (``FLocat xlink:href``) resolve relative to the METS file. One
that leaves its folder (``../``, an absolute path, a URL with a scheme other
than a relative ``file://./``) is refused with an :class:`UnsafeReferenceError`;
a refused, missing or broken page is a Document warning and the rest of the
issue is still read. Nothing is ever fetched from the network.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from reader.formats import alto, images, safexml
from reader.formats.sourcefile import read_source
from reader.model.document import Article, Document, Line, Page, Part
from reader.model.errors import FormatError, SourceError, UnsafeReferenceError
from reader.text.chars import ends_sentence, is_wide
from reader.text.paragraphs import paragraph_starts
from reader.text.reflow import Piece, reflow, reflow_lines

log = logging.getLogger(__name__)

#: logical div TYPEs that are articles of some kind (upper case) → Article.kind
ARTICLE_KINDS = {
    "ARTICLE": "article",
    "ADVERTISEMENT": "advertisement",
    "ADVERT": "advertisement",
    "ADVERTISEMENTS": "advertisement",
    "NOTICE": "notice",
    "OBITUARY": "notice",
    "DEATH_NOTICE": "notice",
    "PICTURE": "photo",
}
#: logical div TYPEs that are page furniture (masthead, imprint)
FURNITURE_DIVS = {"TITLE_SECTION", "PUBLISHING_STMT", "MASTHEAD", "PAGE_HEADER", "PAGE_FOOTER", "HEADER", "FOOTER"}
#: logical containers whose own content (outside their articles) is a notice
SECTION_DIVS = {"SECTION", "CHAPTER", "SUPPLEMENT"}
#: div TYPE or LABEL (upper case) → role of the text under it
ROLE_OF = {
    "HEADING": "headline",
    "TITLE": "headline",
    "HEADLINE": "headline",
    "OVERLINE": "kicker",
    "KICKER": "kicker",
    "SUBHEADLINE": "subheadline",
    "SUBHEADING": "subheadline",
    "SUBTITLE": "subheadline",
    "AUTHOR": "byline",
    "BYLINE": "byline",
    "CAPTION": "caption",
    "ADVERTISEMENT": "advertisement",
    "ADVERT": "advertisement",
    "PARAGRAPH": "paragraph",
    "TEXT": "paragraph",
    "TEXTBLOCK": "paragraph",
    "BODY": "paragraph",
    "BODY_CONTENT": "paragraph",
}
#: divs that are one explicit paragraph (no geometric splitting inside)
EXPLICIT_PARAGRAPHS = {"PARAGRAPH", "TEXT"}
#: what cataloguers write when an article has no title: dashes, "untitled", an ellipsis in brackets
_PLACEHOLDER = re.compile(
    r"^[\s\-‐‑‒–—―_.…?*()\[\]]*$"
    r"|^[\[(]?\s*(untitled|no title|without title|ohne titel|o\.\s?t\.|sans titre|senza titolo|sin título"
    r"|zonder titel|n/?a|none|null|unknown|title)\s*[.\])]?$",
    re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_LABEL_DATE = re.compile(r",?\s*\d{4}-\d{2}-\d{2}.*$")


@dataclass
class _FileRef:
    id: str
    href: str
    use: str
    mimetype: str
    #: the fileSec's CHECKSUM, as (hashlib's name of CHECKSUMTYPE, lower-case hex), when it gives one
    checksum: tuple[str, str] | None = None


#: METS CHECKSUMTYPE values → hashlib names
_CHECKSUM_TYPES = {"MD5": "md5", "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512"}


@dataclass(frozen=True)
class NamedPage:
    """A page file a METS file names: where it must be, and the checksum the METS gives for it."""

    path: Path
    checksum: tuple[str, str] | None = None


@dataclass
class _Unit:
    """Text one div contributes: its role, whether it is one explicit paragraph, its areas."""

    role: str
    explicit: bool
    areas: list[etree._Element] = field(default_factory=list)


#: The longest file name (one path component, in bytes) file systems allow.
NAME_MAX = 255


def safe_path(href: str, mets_path: Path) -> Path:
    """The local file ``href`` names, relative to the METS file's folder; refuses anything else."""
    folder = mets_path.parent.resolve()
    parts = urlsplit(href.strip())
    scheme = parts.scheme.lower()
    if scheme == "file":
        if parts.netloc not in ("", ".") or (parts.netloc == "" and parts.path.startswith("/")):
            raise UnsafeReferenceError(
                mets_path, f"it refers to '{href}', a file outside its own folder, which Broadsheet does not open")
        rel = unquote(parts.path.lstrip("/"))
    elif scheme:
        kind = "an absolute path" if len(scheme) == 1 else "a URL"
        raise UnsafeReferenceError(mets_path, f"it refers to '{href}', {kind}; only files beside the METS file "
                                              "are read and nothing is fetched from the network")
    else:
        rel = unquote(parts.path)
    rel = rel.replace("\\", "/")
    if "\0" in rel:
        raise UnsafeReferenceError(mets_path, f"it refers to {href!r}, a file name with a NUL byte, which no file has")
    if any(len(name.encode("utf-8", "surrogateescape")) > NAME_MAX for name in rel.split("/")):
        raise UnsafeReferenceError(mets_path, f"it refers to a file whose name is longer than {NAME_MAX} bytes, "
                                              "which no file system allows")
    if not rel or rel.startswith("/") or re.match(r"^[A-Za-z]:", rel):
        raise UnsafeReferenceError(mets_path, f"it refers to '{href}', an absolute path outside its own folder")
    target = (folder / rel).resolve()
    try:
        target.relative_to(folder)
    except ValueError:
        raise UnsafeReferenceError(mets_path, f"it refers to '{href}', which leaves its own folder") from None
    return target


def _mods_title(mods: etree._Element) -> str | None:
    for ti in safexml.children(mods, "titleInfo"):
        if ti.get("type") in ("alternative", "abbreviated", "translated"):
            continue
        words = []
        for name in ("nonSort", "title"):
            el = safexml.child(ti, name)
            text = (el.text or "") if el is not None else ""
            if text.strip():
                words.append(" ".join(text.split()))
        if words:
            return " ".join(words)
    return None


def _mods_text(mods: etree._Element, *path: str) -> str | None:
    el: etree._Element | None = mods
    for name in path:
        if el is None:
            return None
        el = safexml.child(el, name)
    if el is None:
        return None
    text = " ".join("".join(str(t) for t in el.itertext()).split())
    return text or None


def _read_mods(mods: etree._Element, md: dict[str, str]) -> None:
    """Fill what ``md`` still lacks of publication, date, issue, edition and language from one MODS record."""
    if "publication" not in md:
        title = _mods_title(mods)
        host = safexml.child(mods, "relatedItem")
        if not title and host is not None and host.get("type") == "host":
            title = _mods_title(host)
        if title:
            md["publication"] = title.rstrip(" .")
    if "date" not in md:
        m = _DATE.match(_mods_text(mods, "originInfo", "dateIssued") or "")
        if m:
            md["date"] = m.group(0)
    _read_mods_numbers(mods, md)
    if "language" not in md:
        lang = _mods_text(mods, "language", "languageTerm")
        if lang:
            md["language"] = lang


def _read_mods_numbers(mods: etree._Element, md: dict[str, str]) -> None:
    """Issue and edition numbers from the record's parts and its hosts' parts."""
    parts = safexml.children(mods, "part")
    for host in safexml.children(mods, "relatedItem"):
        parts.extend(safexml.children(host, "part"))
    for part in parts:
        for detail in safexml.children(part, "detail"):
            kind = detail.get("type")
            num = _mods_text(detail, "number")
            if kind in ("issue", "edition") and num and kind not in md:
                md[kind] = num


def placeholder_title(title: str) -> bool:
    """True when a MODS/METS title is a cataloguer's placeholder, not a title ("–", "untitled", "[…]")."""
    return _PLACEHOLDER.match(" ".join(title.split())) is not None


class _MetsReader:
    def __init__(self, root: etree._Element, path: Path) -> None:
        self.root = root
        self.path = path
        self.doc = Document(source=str(path), format="mets")
        self.mods: dict[str, etree._Element] = {}
        self.files: dict[str, _FileRef] = {}
        self.divs: dict[str, etree._Element] = {}
        self.indexes: dict[str, alto.AltoIndex] = {}  # ALTO file ID → its index
        #: why each page that could not be read was not: its reason, or its file's sentence (an ALTO file's own error)
        self.page_failures: list[str] = []
        self.lines: dict[str, Line] = {}
        self.page_of_line: dict[str, int] = {}
        self.links: dict[str, list[str]] = {}

    # ---------------------------------------------------------------- metadata

    def read_sections(self) -> None:
        for dmd in safexml.iter_local(self.root, "dmdSec"):
            did = safexml.attr(dmd, "ID")
            mods = next(iter(safexml.iter_local(dmd, "mods")), None)
            if did and mods is not None:
                self.mods[did] = mods
        for grp in safexml.iter_local(self.root, "fileGrp"):
            for f in safexml.children(grp, "file"):
                fid = safexml.attr(f, "ID")
                loc = safexml.child(f, "FLocat")
                href = safexml.attr(loc, "href") if loc is not None else None
                if fid and href:
                    use = f.get("USE") or grp.get("USE") or ""
                    algorithm = _CHECKSUM_TYPES.get((f.get("CHECKSUMTYPE") or "").strip().upper())
                    value = (f.get("CHECKSUM") or "").strip().lower()
                    checksum = (algorithm, value) if algorithm and value else None
                    self.files[fid] = _FileRef(fid, href, use, f.get("MIMETYPE") or "", checksum)
        for div in safexml.iter_local(self.root, "div"):
            did = safexml.attr(div, "ID")
            if did:
                self.divs[did] = div

    def read_metadata(self, issue_dmd: list[str]) -> None:
        """Publication, date, issue, edition and language from the issue's own MODS records."""
        md = self.doc.metadata
        for mods in [self.mods[d] for d in issue_dmd if d in self.mods]:
            _read_mods(mods, md)
        label = self.root.get("LABEL")
        if label and "publication" not in md:
            md["publication"] = _LABEL_DATE.sub("", label).strip() or label
        if label and "date" not in md:
            m = re.search(r"\d{4}-\d{2}-\d{2}", label)
            if m:
                md["date"] = m.group(0)

    # ---------------------------------------------------------------- pages

    def _is_text_file(self, ref: _FileRef) -> bool:
        use = ref.use.lower()
        href = ref.href.lower().split("?")[0]
        if any(k in use for k in ("image", "master", "service", "pdf", "thumb")) and "text" not in use:
            return False
        if "xml" in ref.mimetype.lower() or href.endswith((".xml", ".alto")):
            return True
        return any(k in use for k in ("text", "ocr", "alto", "fulltext"))

    def page_divs(self) -> list[tuple[etree._Element, list[str]]]:
        """(page div, its ALTO file ids) in page order from the physical structMap."""
        maps = [sm for sm in safexml.iter_local(self.root, "structMap")]
        physical = [sm for sm in maps if (sm.get("TYPE") or "").upper() == "PHYSICAL"]
        if not physical:
            physical = [sm for sm in maps if (sm.get("TYPE") or "").upper() != "LOGICAL"]
        out: list[tuple[etree._Element, list[str]]] = []
        taken: set[etree._Element] = set()
        for sm in physical:
            for div in safexml.iter_local(sm, "div"):
                if any(a in taken for a in div.iterancestors()):
                    continue  # a pagearea inside a page already taken points into the same file
                fids: list[str] = []
                for fptr in safexml.children(div, "fptr"):
                    ids = [fptr.get("FILEID")] + [a.get("FILEID") for a in safexml.iter_local(fptr, "area")]
                    for fid in ids:
                        if fid and fid in self.files and self._is_text_file(self.files[fid]) and fid not in fids:
                            fids.append(fid)
                if fids:
                    out.append((div, fids))
                    taken.add(div)
            if out:
                break
        return out

    def read_pages(self) -> None:
        pages = self.page_divs()
        if not pages:
            raise FormatError(self.path, "it is METS but its physical structure lists no ALTO page")
        used: set[int] = set()
        for seq, (div, fids) in enumerate(pages, start=1):
            number = seq
            order = div.get("ORDER")
            if order and order.strip().isdigit() and int(order) not in used:
                number = int(order)
            label = div.get("ORDERLABEL") or None
            for dmd in (div.get("DMDID") or "").split():
                mods = self.mods.get(dmd)
                if mods is not None:
                    start = next((e.text for e in safexml.iter_local(mods, "start", "number")
                                  if (e.text or "").strip()), None)
                    label = label or (start.strip() if start else None)
            for fid in fids[:1]:
                page = self.read_page(fid, number)
                if page is None:
                    continue
                if label:
                    page.label = label
                used.add(page.number)
                self.attach_image(div, page)
        if not self.doc.pages:
            raise FormatError(self.path, "none of its ALTO pages could be read: " + "; ".join(self.page_failures))

    def attach_image(self, div: etree._Element, page: Page) -> None:
        """The page image the page div points at, when it lies beside the METS file."""
        for fptr in safexml.iter_local(div, "fptr", "area"):
            ref = self.files.get(fptr.get("FILEID") or "")
            if ref is None or not (ref.mimetype.lower().startswith("image/") or "image" in ref.use.lower()
                                   or ref.href.lower().endswith(images.IMAGE_EXTENSIONS)):
                continue
            try:
                target = safe_path(ref.href, self.path)
            except UnsafeReferenceError as e:
                log.info("%s", e)
                continue
            if target.is_file():
                rel = target.relative_to(self.path.parent.resolve()).as_posix()
                if images.attach_image(page, self.path, rel, self.doc.warnings) is not None:
                    return

    def read_page(self, fid: str, number: int) -> Page | None:
        ref = self.files[fid]
        try:
            target = safe_path(ref.href, self.path)
            if not target.exists():
                raise SourceError(self.path, f"its page file '{ref.href}' does not exist")
            data = read_source(target)
            parsed = alto.parse_alto(data, target, number)
        except SourceError as e:
            log.warning("%s", e)
            self.doc.warnings.append(str(e))
            # a page's reason as part of the issue's sentence: its own (the page file's, named) or the package's
            self.page_failures.append(e.reason if e.path == str(self.path) else str(e).rstrip("."))
            return None
        self.indexes[fid] = parsed.index
        for page in parsed.pages:
            self.doc.pages.append(page)
            for line in page.lines:
                self.lines[line.id] = line
                self.page_of_line[line.id] = page.number
        return parsed.pages[0] if parsed.pages else None

    # ---------------------------------------------------------------- logical structure

    def read_links(self) -> None:
        """structLink: logical div id → linked physical div ids, in order."""
        for link in safexml.iter_local(self.root, "smLink"):
            a, b = safexml.attr(link, "from"), safexml.attr(link, "to")
            if a and b:
                self.links.setdefault(a.lstrip("#"), []).append(b.lstrip("#"))
        for grp in safexml.iter_local(self.root, "smLinkGrp"):
            labels: dict[str, str] = {}
            for loc in safexml.children(grp, "smLocatorLink"):
                label, href = safexml.attr(loc, "label"), safexml.attr(loc, "href")
                if label and href:
                    labels[label] = href.lstrip("#")
            for arc in safexml.children(grp, "smArcLink"):
                a, b = labels.get(safexml.attr(arc, "from") or ""), labels.get(safexml.attr(arc, "to") or "")
                if a and b:
                    self.links.setdefault(a, []).append(b)

    def units(self, div: etree._Element, role: str, explicit: bool, follow_links: bool = True) -> list[_Unit]:
        """The text units of ``div``'s subtree in document order (fptr areas, or linked divs)."""
        t = (div.get("TYPE") or "").upper()
        label = (div.get("LABEL") or "").upper()
        role = ROLE_OF.get(t) or ROLE_OF.get(label) or role
        explicit = explicit or t in EXPLICIT_PARAGRAPHS
        out: list[_Unit] = []
        for c in div:
            name = safexml.local(c.tag)
            if name == "fptr":
                areas = [a for a in safexml.iter_local(c, "area") if a.get("FILEID") in self.indexes and a.get("BEGIN")]
                if areas:
                    out.append(_Unit(role, explicit, areas))
            elif name == "div":
                out.extend(self.units(c, role, explicit, follow_links))
        did = safexml.attr(div, "ID")
        if not out and follow_links and did in self.links:
            for target in self.links[did]:
                pdiv = self.divs.get(target)
                if pdiv is not None and pdiv is not div:
                    out.extend(self.units(pdiv, role, explicit, follow_links=False))
        return out

    def unit_groups(self, unit: _Unit) -> list[list[alto.Leaf]]:
        """The unit's line pieces, one group per paragraph (geometry splits a block unless the div is one)."""
        leaves: list[alto.Leaf] = []
        for area in unit.areas:
            index = self.indexes[area.get("FILEID", "")]
            begin, end = area.get("BEGIN", ""), area.get("END")
            if begin not in index:
                log.debug("%s: area BEGIN=%r is not in its ALTO file", self.path, begin)
                continue
            leaves.extend(index.span(begin, end))
        leaves = alto.merge_leaves(leaves)
        if not leaves:
            return []
        if unit.role == "paragraph" and not unit.explicit and len(leaves) > 1:
            lines = [self.lines[lid] for lid, _, _ in leaves]
            starts = paragraph_starts(lines) + [len(leaves)]
            return [leaves[a:b] for a, b in zip(starts, starts[1:], strict=False)]
        return [leaves]

    def continues(self, prev: list[alto.Leaf], nxt: list[alto.Leaf]) -> bool:
        """A paragraph cut by a column or area break: no sentence end before, a lower-case word after."""
        lid, lo, hi = prev[-1]
        line = self.lines[lid]
        before = line.text[lo:hi].rstrip()
        if not before:
            return False
        if line.hyphenated and hi >= len(line.text):
            return True
        nid, nlo, nhi = nxt[0]
        after = self.lines[nid].text[nlo:nhi].lstrip()
        if not after:
            return False
        if is_wide(before[-1]) or is_wide(after[0]):
            return not ends_sentence(before) and before[-1] not in "」』”：:"
        return not ends_sentence(before) and before[-1] not in ".:\"'”" and (after[0].islower() or before[-1] in ",-")

    def part(self, role: str, leaves: list[alto.Leaf]) -> Part:
        pieces = []
        for lid, lo, hi in leaves:
            line = self.lines[lid]
            pieces.append(Piece(lid, line.text[lo:hi], line.hyphenated and hi >= len(line.text), lo))
        return reflow(role, pieces, keep_word_spaces=role in ("headline", "kicker", "subheadline", "byline"))

    def unit_parts(self, unit: _Unit) -> list[Part]:
        return [p for p in (self.part(unit.role, g) for g in self.unit_groups(unit)) if p.text.strip()]

    def build(self, div: etree._Element, kind: str, aid: str) -> Article | None:
        groups: list[tuple[str, bool, list[alto.Leaf]]] = []
        for unit in self.units(div, "paragraph", False):
            if kind == "advertisement" and unit.role == "paragraph":
                unit.role = "advertisement"
            if kind == "furniture":
                unit.role = "furniture"
            for k, g in enumerate(self.unit_groups(unit)):
                prev = groups[-1] if groups else None
                # the first paragraph of an area often goes on from the last one of the area before
                if (k == 0 and prev is not None and prev[0] == unit.role == "paragraph"
                        and not prev[1] and not unit.explicit and self.continues(prev[2], g)):
                    prev[2].extend(g)
                else:
                    groups.append((unit.role, unit.explicit, list(g)))
        parts = [p for p in (self.part(role, g) for role, _, g in groups) if p.text.strip()]
        if not parts:
            return None
        _settle_headlines(parts)
        pages: list[int] = []
        for part in parts:
            for lid in part.line_ids:
                n = self.page_of_line.get(lid)
                if n is not None and n not in pages:
                    pages.append(n)
        title = None
        for dmd in (div.get("DMDID") or "").split():
            if dmd in self.mods:
                title = _mods_title(self.mods[dmd])
                if title:
                    break
        if title is None and kind == "article" and div.get("LABEL"):
            title = " ".join(div.get("LABEL", "").split()) or None
        if title is not None and placeholder_title(title):
            title = None  # "–", "untitled", "[…]": the printed heading (the headline part) says it better
        return Article(id=aid, kind=kind, parts=parts, pages=sorted(pages), title=title)

    def read_articles(self, logical: etree._Element) -> list[Article]:
        walk = _ArticleWalk(self)
        for top in safexml.children(logical, "div"):
            walk.walk(top)
        return walk.articles


class _ArticleWalk:
    """The articles of a logical structMap, depth first: article-like and furniture divs are built whole,
    sections give a notice of their own text and are walked on, other divs are walked into."""

    def __init__(self, reader: _MetsReader) -> None:
        self.reader = reader
        self.articles: list[Article] = []
        self.used_ids: set[str] = set()

    def new_id(self, div: etree._Element) -> str:
        base = safexml.attr(div, "ID") or f"a{len(self.articles) + 1}"
        aid, k = base, 2
        while aid in self.used_ids:
            aid, k = f"{base}.{k}", k + 1
        self.used_ids.add(aid)
        return aid

    def walk(self, div: etree._Element) -> None:
        t = (div.get("TYPE") or "").upper()
        if t in ARTICLE_KINDS or t in FURNITURE_DIVS:
            art = self.reader.build(div, ARTICLE_KINDS.get(t, "furniture"), self.new_id(div))
            if art is not None:
                self.articles.append(art)
            return
        children = safexml.children(div, "div")
        if t in SECTION_DIVS:
            self.section_notice(div, [c for c in children if not _holds_articles(c)])
            children = [c for c in children if _holds_articles(c)]
        for c in children:
            self.walk(c)

    def section_notice(self, div: etree._Element, own: list[etree._Element]) -> None:
        """The section's own heading and text (outside its articles) as one notice (furniture without a body)."""
        parts: list[Part] = []
        for c in own:
            for unit in self.reader.units(c, "paragraph", False):
                if unit.role == "headline":
                    unit.role = "section-heading"
                parts.extend(self.reader.unit_parts(unit))
        if not parts:
            return
        body = any(p.role == "paragraph" for p in parts)
        page_of_line = self.reader.page_of_line
        pages = sorted({page_of_line[lid] for p in parts for lid in p.line_ids if lid in page_of_line})
        if body:
            for p in parts:
                if p.role == "section-heading":
                    p.role = "headline"
                    break
        self.articles.append(Article(id=self.new_id(div), kind="notice" if body else "furniture", parts=parts,
                                     pages=pages))


def _issue_dmdids(root: etree._Element, logical: etree._Element | None) -> list[str]:
    """DMDIDs of the issue and what holds it (volume, title): the records that describe the issue."""
    out: list[str] = []
    for div in safexml.iter_local(root, "div"):
        t = (div.get("TYPE") or "").lower()
        if t.split(":")[-1] == "issue":
            for d in [div] + [a for a in div.iterancestors() if safexml.local(a.tag) == "div"]:
                out.extend(x for x in (d.get("DMDID") or "").split() if x not in out)
    if logical is not None:
        for div in safexml.children(logical, "div"):
            out.extend(x for x in (div.get("DMDID") or "").split() if x not in out)
    return out


def _holds_articles(div: etree._Element) -> bool:
    """True when ``div`` is or contains an article-like or section div (walked on its own)."""
    for d in div.iter():
        if safexml.local(d.tag) == "div":
            t = (d.get("TYPE") or "").upper()
            if t in ARTICLE_KINDS or t in SECTION_DIVS or t in FURNITURE_DIVS:
                return True
    return False


def _settle_headlines(parts: list[Part]) -> None:
    """One headline per article: later display parts before the body are subheadlines, after it section headings."""
    seen_head = seen_body = False
    for part in parts:
        if part.role == "headline":
            if seen_body:
                part.role = "section-heading"
            elif seen_head:
                part.role = "subheadline"
            seen_head = True
        elif part.role in ("paragraph", "advertisement", "caption"):
            seen_body = True


def _sections(data: bytes, path: Path) -> _MetsReader:
    """A reader of the METS file ``data``, its file and structure sections read (FormatError: no METS)."""
    root = safexml.parse(data, path)
    if safexml.local(root.tag) != "mets":
        raise FormatError(path, f"it is not METS (root element <{safexml.local(root.tag)}>)")
    r = _MetsReader(root, path)
    r.read_sections()
    return r


def page_files(data: bytes, path: str | Path) -> list[NamedPage]:
    """The ALTO page files a METS file names, in page order, whether they exist or not: the files
    :func:`read` reads its pages from (resolved; a reference it would refuse is left out), each with the
    checksum the METS gives for it. Raises :class:`~reader.model.errors.SourceError` when ``data`` is no
    METS."""
    path = Path(path)
    r = _sections(data, path)
    out: list[NamedPage] = []
    for _, fids in r.page_divs():
        ref = r.files[fids[0]]
        try:
            out.append(NamedPage(safe_path(ref.href, path), ref.checksum))
        except UnsafeReferenceError:
            continue
    return out


def read(data: bytes, path: str | Path) -> Document:
    """Read a METS issue and the ALTO pages it references (relative to the METS file)."""
    path = Path(path)
    r = _sections(data, path)
    root = r.root
    r.read_pages()
    r.read_links()
    logical = next((sm for sm in safexml.iter_local(root, "structMap")
                    if (sm.get("TYPE") or "").upper() == "LOGICAL"), None)
    issue_dmd = _issue_dmdids(root, logical)
    r.read_metadata(issue_dmd)
    doc = r.doc
    if logical is not None:
        doc.articles = r.read_articles(logical)
        if any(a.kind != "furniture" for a in doc.articles):
            doc.articles.extend(unmapped_articles(doc))
    return doc


#: a run of unmapped lines shorter than this is a folio, running head or stray mark (furniture), else text
UNMAPPED_TEXT_CHARS = 80


def unmapped_articles(doc: Document) -> list[Article]:
    """The lines the logical map leaves out (folios, running heads, imprints, unmapped OCR), per page.

    A line in no article is in no search result and in no reading. Each page's such lines, a part
    per run of them inside one block, become up to two articles: ``unmapped-p{page}`` (furniture:
    the short runs — folios, running heads, stray marks) and ``unmapped-p{page}.text`` (a notice of
    the longer runs, which real maps leave out too: the BL's front-page adverts). A line any article
    shows a character of counts as mapped. Linear in the number of lines.
    """
    shown = {span.line for a in doc.articles for p in a.parts for span in p.spans}
    out: list[Article] = []
    for page in doc.pages:
        runs: list[list[Line]] = []
        for block in page.blocks:
            run: list[Line] = []
            for line in block.lines + [Line(id="", text="")]:
                if line.id and line.id not in shown and line.text.strip():
                    run.append(line)
                elif run:
                    runs.append(run)
                    run = []
        short = [reflow_lines("furniture", r) for r in runs]
        long = [reflow_lines("paragraph", r) for r, p in zip(runs, short, strict=True)
                if len(p.text) >= UNMAPPED_TEXT_CHARS]
        short = [p for p in short if p.text.strip() and len(p.text) < UNMAPPED_TEXT_CHARS]
        for suffix, kind, parts in (("", "furniture", short), (".text", "notice", long)):
            if parts:
                out.append(Article(id=f"unmapped-p{page.number}{suffix}", kind=kind, parts=parts,
                                   pages=[page.number]))
    return out
