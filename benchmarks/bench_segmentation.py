"""Article segmentation against a careful reader's truth, on the real pages in tests/data/pages/.

A measurement, not a test (tests/segmentation/test_benchmark.py asserts a floor under these figures):

    python benchmarks/bench_segmentation.py [--verbose] [--jitter] [--data DIR]

``--data`` scores another folder of truths in the same format, e.g. a held-out set (pages the rules were
never tuned on). The METS map cases of the BnF and BL issues are added only when their files are
in the folder.

Every ``<file>.truth.json`` lists a page's items in reading order (headline, the first and last words of the
body, kind; see tests/data/pages/README.md). Furniture items (mastheads, running heads, folios) are not
articles and are not scored. Each source is scored the way it is read:

* ``alone`` — the page file read by itself (ALTO, PAGE): no article map, cut by the segmenter;
* ``no divs`` — ECPO folds with their divs withheld: the reader's articles, block types and line roles are
  dropped and the page's paragraphs cut by the segmenter;
* ``map`` — the same issue read through its METS article map, or an ECPO fold with its divs (what the
  source says; printed for comparison, not part of the segmenter's overall figure);
* ``no sizes`` — every ``alone`` page that declares font sizes, read again with them withheld, as
  NDNP/iArchives ALTO (one style for every String) and most hOCR deliver pages: what the geometry alone
  makes of them (printed apart, as a robustness figure; not part of the overall figure);
* ``jittered`` (``--jitter``) — the same pages with 30 % of their lines' declared sizes multiplied by 1.25,
  1.33 or 0.8, three seeds: the noise microfilm OCR declares (printed apart, a robustness figure).

``--ceiling`` also prints how far deciding WHERE to cut could take the segmenter: its articles re-cut at every
paragraph (and at every line) where the truth starts an item and joined to the unit before it (in the segmenter's
order of articles) everywhere else, their parts kept (:func:`ceiling`). What stays wrong then is the reader's grouping
of lines into paragraphs, the order of the page's pieces, or the truth's own conventions, which no better cut decision
mends. An estimate, not a strict bound: where the segmenter lists an item's pieces apart (a column's tail after other
articles), joining a piece to the unit before it can make a page score below its cut (NDNP Lancaster 1880: 7 → 3).

Texts are compared with all whitespace and hyphens (``-``, soft hyphen, ``⸗``, ``¬``) removed, so a line
break or a joined hyphenation does not count. The body of a produced article is its parts in
:func:`reader.model.document.reading_order` without the headline group (kicker, headline, subheadline,
column label) and without noise.

**Right.** A truth item is right when exactly one produced non-furniture article has the truth's first
words at the start of its body (preceded by at most the truth headline's length plus 12 characters: a
headline read as body text or a stray mark from a box rule is tolerated) and the truth's last words at the
end (followed by at most 12 characters), and no other truth item's first words (of 8 characters or more,
furniture included) occur anywhere in that article.

**Spurious.** A produced non-furniture article is spurious when its body does not start (as above) with the
first words of any non-furniture truth item: a split-off tail, a crosshead, signature or dateline made an
article, a masthead or noise listed as an article, a headline separated from its body.

**Headline.** For right items with a printed headline: the produced headline group, spaces removed,
contains the truth headline.
"""

from __future__ import annotations

import argparse
import bisect
import functools
import itertools
import json
import pickle
import random
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.formats import detect  # noqa: E402
from reader.formats.sourcefile import read_source  # noqa: E402
from reader.model.document import Article, Document, Part, Span, reading_order  # noqa: E402
from reader.segmentation.analyze import analyze_file, analyze_layout  # noqa: E402
from reader.segmentation.geometry import articles_from_layout  # noqa: E402

PAGES = ROOT / "tests" / "data" / "pages"
#: roles of the headline group: not part of the body the truth's first/last words are looked for in
HEAD_ROLES = frozenset({"kicker", "headline", "subheadline", "column-label"})
#: characters a start or an end may be off by (a stray mark, a folio glued on)
SLACK = 12
#: the modes that make the segmenter's overall figure (``map`` and ``no sizes`` are printed apart)
SEGMENTER_MODES = frozenset({"alone", "no divs"})
#: another item's first words shorter than this are too common to say it was swallowed
MIN_MARKER = 8
_STRIP = re.compile(r"[\s\-\u00ad\u2e17\u00ac]+")


def norm(text: str | None) -> str:
    """Text without whitespace and hyphens, NFC."""
    return _STRIP.sub("", unicodedata.normalize("NFC", text or ""))


@dataclass(frozen=True)
class TruthItem:
    headline: str
    first: str
    last: str
    kind: str

    @property
    def scored(self) -> bool:
        return self.kind != "furniture" and bool(self.first)


@dataclass(frozen=True)
class Produced:
    """A produced non-furniture article as normalised text."""

    head: str
    body: str
    whole: str


@dataclass
class Score:
    label: str
    source: str
    mode: str
    truth: int = 0
    right: int = 0
    produced: int = 0
    spurious: int = 0
    headlines: int = 0
    headlines_right: int = 0
    wrong: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def load_truth(path: Path) -> list[TruthItem]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [TruthItem(norm(a.get("headline")), norm(a.get("first")), norm(a.get("last")), a.get("kind", "article"))
            for a in data["articles"]]


def produced(articles: Iterable[Article]) -> list[Produced]:
    out = []
    for a in articles:
        if a.kind == "furniture":
            continue
        parts = [a.parts[i] for i in reading_order(a)]
        head = "".join(norm(p.text) for p in parts if p.role in HEAD_ROLES)
        body = "".join(norm(p.text) for p in parts if p.role not in HEAD_ROLES and p.role != "noise")
        out.append(Produced(head, body, head + body))
    return out


def starts_with(art: Produced, item: TruthItem) -> bool:
    at = art.body.find(item.first)
    return 0 <= at <= len(item.headline) + SLACK


def ends_with(art: Produced, item: TruthItem) -> bool:
    at = art.body.rfind(item.last)
    return at >= 0 and len(art.body) - (at + len(item.last)) <= SLACK


def score(label: str, source: str, mode: str, truth: Sequence[TruthItem], arts: Sequence[Produced]) -> Score:
    s = Score(label, source, mode, produced=len(arts))
    for k, item in enumerate(truth):
        if not item.scored:
            continue
        s.truth += 1
        others = [t.first for j, t in enumerate(truth)
                  if j != k and len(t.first) >= MIN_MARKER and t.first != item.first]
        matches = [a for a in arts if starts_with(a, item) and ends_with(a, item)]
        ok = len(matches) == 1 and not any(o in matches[0].whole for o in others)
        s.right += ok
        if not ok:
            s.wrong.append(f"{item.first[:24]}…{item.last[-16:]} ({len(matches)} match)")
        if ok and item.headline:
            s.headlines += 1
            s.headlines_right += item.headline in matches[0].head
    scored = [t for t in truth if t.scored]
    extra = [a for a in arts if not any(starts_with(a, t) for t in scored)]
    s.spurious = len(extra)
    s.extra = [f"[{a.head[:30]}] {a.body[:40]}…{a.body[-12:]} ({len(a.body)} chars)" for a in extra]
    return s


@functools.lru_cache(maxsize=2)
def _read_blob(path: Path) -> bytes:
    return pickle.dumps(detect.read(read_source(path), path), protocol=pickle.HIGHEST_PROTOCOL)


def read_page(path: Path) -> Document:
    """The page file as read, not yet cut: parsed once for the modes that read it one after another (alone, then
    with its sizes withheld), each given a copy of its own to cut."""
    doc: Document = pickle.loads(_read_blob(path))
    return doc


def analyze_page(path: Path) -> Document:
    """The page file read alone and cut, as :func:`reader.segmentation.analyze.analyze_file` cuts it."""
    return analyze_layout(read_page(path))


def withhold_sizes(path: Path) -> Document:
    """The page file read alone with every declared font size dropped, cut by its geometry."""
    doc = read_page(path)
    for page in doc.pages:
        for block in page.blocks:
            block.font_size = None
            for line in block.lines:
                line.font_size = None
    return analyze_layout(doc)


#: share of lines whose declared size :func:`jitter_sizes` changes, and the factors it multiplies them by
JITTER_SHARE = 0.3
JITTER_FACTORS = (1.25, 1.33, 0.8)
#: the seeds the ``jittered`` figure reads every page with
JITTER_SEEDS = (1, 2, 3)


def jitter_sizes(path: Path, seed: int) -> Document:
    """The page file read alone with the declared sizes of about 30 % of its lines multiplied by 1.25, 1.33 or 0.8
    (chosen by ``seed``): the noise microfilm OCR declares (body lines alternating two sizes), cut by geometry."""
    rng = random.Random(seed)
    doc = read_page(path)
    for page in doc.pages:
        for block in page.blocks:
            for line in block.lines:
                if line.font_size and rng.random() < JITTER_SHARE:
                    line.font_size *= rng.choice(JITTER_FACTORS)
    return analyze_layout(doc)


def jittered(data: Path = PAGES) -> list[Score]:
    """Every ``alone`` page that declares sizes, read with them jittered once per seed of :data:`JITTER_SEEDS`."""
    scores = []
    for case in _cases(data):
        if case.mode != "no sizes":
            continue
        truth = load_truth(data / f"{case.file}.truth.json")
        for seed in JITTER_SEEDS:
            doc = jitter_sizes(data / case.file, seed)
            scores.append(score(case.label, case.source, "jittered", truth, produced(doc.articles)))
    return scores


@functools.cache
def _declares_sizes(path: Path) -> bool:
    """Whether the page file declares a font size anywhere (asked once per run: :func:`_cases` is asked again by
    :func:`jittered`; asked right after the page was read alone, so it is not parsed again)."""
    doc = read_page(path)
    return any(ln.font_size or b.font_size for page in doc.pages for b in page.blocks for ln in b.lines)


def withhold_divs(doc: Document) -> Document:
    """The fold as a page of paragraphs: the reader's articles, block types and line roles dropped."""
    for page in doc.pages:
        page.blocks = [replace(b, type="text") for b in page.blocks]
        for b in page.blocks:
            for ln in b.lines:
                ln.type = None
    doc.articles = articles_from_layout(doc.pages)
    return doc


@dataclass(frozen=True)
class Case:
    label: str
    source: str
    mode: str
    file: str
    truths: tuple[str, ...]
    read: Callable[[Path], Document]


def _cases(data: Path = PAGES) -> Iterator[Case]:
    """Every case of ``data``, one after another: a page's cases follow each other, so whoever reads each case as it
    comes parses each page once (:func:`read_page`)."""
    for truth in sorted(data.rglob("*.truth.json")):
        src = str(truth.relative_to(data))[: -len(".truth.json")]
        group = src.split("/")[0]
        if not (data / src).is_file():
            continue
        if src.endswith(".xml") and group.startswith("ecpo"):
            yield Case(Path(src).name, group, "no divs", src, (src,), lambda p: withhold_divs(read_page(p)))
            yield Case(Path(src).name, group, "map", src, (src,), analyze_page)
        else:
            yield Case(Path(src).name, group, "alone", src, (src,), analyze_page)
            if _declares_sizes(data / src):
                yield Case(Path(src).name, group, "no sizes", src, (src,), withhold_sizes)
    bnf = "bnf_europeana_jdpl_1821-08-01"
    alto = tuple(f"{bnf}/ALTO/18210801_1-000{n}.xml" for n in range(1, 5))
    bl = "bl_statesman_1824-02-17"
    issues = (Case("18210801_1-METS.xml", bnf, "map", f"{bnf}/18210801_1-METS.xml", alto, analyze_file),
              Case("0002647_18240217_mets.xml (p. 4)", bl, "map", f"{bl}/0002647_18240217_mets.xml",
                   (f"{bl}/0002647_18240217_0004.xml",), analyze_file))
    yield from (c for c in issues if (data / c.file).is_file())


def run(data: Path = PAGES, modes: frozenset[str] | None = None) -> list[Score]:
    """Every case of ``data`` scored (used by the tests that guard the floors); only those of ``modes``, if given."""
    scores = []
    for case in _cases(data):
        if modes is not None and case.mode not in modes:
            continue
        doc = case.read(data / case.file)
        truth = [t for name in case.truths for t in load_truth(data / f"{name}.truth.json")]
        scores.append(score(case.label, case.source, case.mode, truth, produced(doc.articles)))
    return scores


def totals(scores: Sequence[Score]) -> tuple[int, int, int, int]:
    """(right, truth, spurious, produced) summed."""
    return (sum(s.right for s in scores), sum(s.truth for s in scores), sum(s.spurious for s in scores),
            sum(s.produced for s in scores))


#: how far ahead of a unit (characters of the following units' bodies) a truth item's first words are looked for
CEILING_AHEAD = 600


def _body(parts: Sequence[Part]) -> str:
    return "".join(norm(p.text) for p in parts if p.role not in HEAD_ROLES and p.role != "noise")


def _by_line(part: Part) -> list[Part]:
    """A body part cut at its source lines (each piece's text from where the line's first span starts)."""
    starts: list[int] = []
    seen: set[str] = set()
    for span in part.spans:
        if span.line not in seen:
            seen.add(span.line)
            starts.append(span.start)
    if len(starts) < 2:
        return [part]
    ends = starts[1:] + [len(part.text)]
    return [Part(part.role, part.text[a:b], [Span(sp.start - a, sp.end - a, sp.line, sp.line_start)
                                             for sp in part.spans if a <= sp.start < b])
            for a, b in zip(starts, ends, strict=True)]


def cut_units(articles: Sequence[Article], lines: bool) -> list[tuple[int, list[Part]]]:
    """(article index, parts) of every non-furniture article's paragraphs (or lines), in the document's order, each
    with the headline-group parts before it: the places a segmenter could cut."""
    units: list[tuple[int, list[Part]]] = []
    for k, article in enumerate(articles):
        if article.kind == "furniture":
            continue
        waiting: list[Part] = []
        for part in article.parts:
            if part.role in HEAD_ROLES or part.role == "noise":
                waiting.append(part)
                continue
            for piece in (_by_line(part) if lines else [part]):
                units.append((k, waiting + [piece]))
                waiting = []
        if waiting and units and units[-1][0] == k:
            units[-1][1].extend(waiting)
        elif waiting:
            units.append((k, waiting))
    return units


def truth_cuts(units: Sequence[tuple[int, list[Part]]], truth: Sequence[TruthItem]) -> list[bool]:
    """Whether a truth item starts in each unit: its first words begin in the unit's body (after at most the item's
    headline and :data:`SLACK`), read on into the following units. Where the segmenter read the item's headline as
    body text of units of its own right before (a headline taken for a paragraph), the cut goes where that headline
    begins (:func:`_headline_unit`): cutting under it would leave the headline on the item above. A unit whose
    headline group opens on an item's first words (display copy set as a head) opens that item too: the item is not
    right so, but the one above no longer runs on into it."""
    scored = [t for t in truth if t.scored]
    bodies = [_body(parts) for _, parts in units]
    starts = list(itertools.accumulate((len(b) for b in bodies), initial=0))
    stream = "".join(bodies)
    wholes = ["".join(norm(p.text) for p in parts if p.role != "noise") for _, parts in units]
    cuts = [False] * len(units)
    for j, body in enumerate(bodies):
        ahead = "".join(bodies[j:j + 8])[:CEILING_AHEAD]
        whole = wholes[j]
        for t in scored:
            if 0 <= ahead.find(t.first) <= min(len(t.headline) + SLACK, max(len(body) - 1, 0)):
                cuts[_headline_unit(stream, starts, j, t.headline)] = True
            elif t.first and 0 <= whole.find(t.first) <= SLACK:
                cuts[j] = True  # its first words set as the unit's headline: the item is not right, the cut is its
    return cuts


#: a headline this long at least is looked for in the units before the one its item's first words open
HEADLINE_UNIT_CHARS = 4


def _headline_unit(stream: str, starts: Sequence[int], j: int, headline: str) -> int:
    """The unit where the item whose first words open unit ``j`` begins: an earlier one when the item's headline
    ends right before unit ``j`` (within :data:`SLACK`) and begins within :data:`SLACK` of that unit's start."""
    if len(headline) < HEADLINE_UNIT_CHARS:
        return j
    lo = max(0, starts[j] - len(headline) - SLACK)
    at = stream.rfind(headline, lo, starts[j])
    if at < 0:
        return j
    i = bisect.bisect_right(starts, at) - 1
    return i if i < j and at - starts[i] <= SLACK else j


def recut(articles: Sequence[Article], units: Sequence[tuple[int, list[Part]]], cuts: Sequence[bool]) -> list[Article]:
    """The units joined into articles, a new one at every cut (and where the page changes); furniture kept."""
    out: list[Article] = []
    for j, (k, parts) in enumerate(units):
        pages = articles[k].pages
        if j == 0 or cuts[j] or pages != out[-1].pages:
            out.append(Article(id=f"cut{j}", pages=list(pages)))
        out[-1].parts.extend(parts)
    return out + [a for a in articles if a.kind == "furniture"]


def ceiling(data: Path = PAGES) -> list[tuple[Score, Score, Score]]:
    """For every case the segmenter cuts: (as cut, re-cut at paragraphs by the truth, re-cut at lines)."""
    out = []
    for case in _cases(data):
        if case.mode not in SEGMENTER_MODES:
            continue
        doc = case.read(data / case.file)
        truth = [t for name in case.truths for t in load_truth(data / f"{name}.truth.json")]
        scores = [score(case.label, case.source, case.mode, truth, produced(doc.articles))]
        for lines in (False, True):
            units = cut_units(doc.articles, lines)
            arts = recut(doc.articles, units, truth_cuts(units, truth))
            scores.append(score(case.label, case.source, "ceiling", truth, produced(arts)))
        out.append((scores[0], scores[1], scores[2]))
    return out


def _print_ceiling(data: Path) -> None:
    rows = ceiling(data)
    print("\nceiling: right / spurious as cut | re-cut at paragraphs by the truth | at lines")
    by_source: dict[str, list[tuple[Score, Score, Score]]] = {}
    for row in rows:
        by_source.setdefault(row[0].source, []).append(row)
    for source, group in [*by_source.items(), ("ALL", rows)]:
        cells = []
        for k in range(3):
            r, t, sp, p = totals([row[k] for row in group])
            cells.append(f"{r:>4}/{t:<4} {_pct(r, t)} {sp:>3}/{p:<4}")
        print(f"  {source[:40]:40} " + " | ".join(cells))


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    –"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true", help="list the truth items not right and the spurious "
                        "articles ([headline] body)")
    parser.add_argument("--jitter", action="store_true", help="also read the pages that declare sizes with 30 %% "
                        "of them jittered, once per seed (a robustness figure; slower)")
    parser.add_argument("--ceiling", action="store_true", help="also print what cutting exactly where the truth "
                        "starts items, at the segmenter's paragraphs or lines, would score")
    parser.add_argument("--data", type=Path, default=PAGES, help="folder of pages and truths (default: %(default)s)")
    args = parser.parse_args()
    scores = run(args.data.resolve())
    print(f"{'source':32} {'file':34} {'mode':8} {'right':>9} {'':>6} {'spurious':>9} {'heads':>7}")
    for s in scores:
        print(f"{s.source[:32]:32} {s.label[:34]:34} {s.mode:8} {s.right:>4}/{s.truth:<4} {_pct(s.right, s.truth)} "
              f"{s.spurious:>4}/{s.produced:<4} {s.headlines_right:>3}/{s.headlines:<3}")
        if args.verbose:
            for w in s.wrong:
                print(f"      not right: {w}")
            for w in s.extra:
                print(f"      spurious:  {w}")
    seg = [s for s in scores if s.mode in SEGMENTER_MODES]
    print()
    by_source: dict[str, list[Score]] = {}
    for s in seg:
        by_source.setdefault(s.source, []).append(s)
    for source, group in by_source.items():
        r, t, sp, p = totals(group)
        print(f"  {source:40} right {r:>3}/{t:<3} {_pct(r, t)}   spurious {sp:>3}/{p:<3} {_pct(sp, p)}")
    r, t, sp, p = totals(seg)
    print(f"OVERALL segmenter (alone + no divs): right {r}/{t} {_pct(r, t)}   spurious {sp}/{p} {_pct(sp, p)}")
    r, t, sp, p = totals([s for s in scores if s.mode == "map"])
    print(f"with maps / divs (for comparison):   right {r}/{t} {_pct(r, t)}   spurious {sp}/{p} {_pct(sp, p)}")
    sized = {(s.source, s.label) for s in scores if s.mode == "no sizes"}
    r0, t0, sp0, p0 = totals([s for s in scores if s.mode == "alone" and (s.source, s.label) in sized])
    r, t, sp, p = totals([s for s in scores if s.mode == "no sizes"])
    print(f"pages declaring sizes ({len(sized)}): as read right {r0}/{t0} {_pct(r0, t0)}   spurious {sp0}/{p0} "
          f"{_pct(sp0, p0)};  sizes withheld right {r}/{t} {_pct(r, t)}   spurious {sp}/{p} {_pct(sp, p)}")
    if args.jitter:
        r, t, sp, p = totals(jittered(args.data.resolve()))
        print(f"  the same pages with 30 % of the declared sizes jittered (x1.25/1.33/0.8; seeds {JITTER_SEEDS}): "
              f"right {r}/{t} {_pct(r, t)}   spurious {sp}/{p} {_pct(sp, p)}")
    if args.ceiling:
        _print_ceiling(args.data.resolve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
