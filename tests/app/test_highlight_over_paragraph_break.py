"""A highlight the reader's paragraph corrections cut through is placed over both pieces: after "Split paragraph at
the cursor" between "und" and "Ultramontanen" in a highlight over "Regierung und Ultramontanen", the window lost it
and listed it as "Orphaned (text not found)" though its words were on screen (seen by eye; the TEI export placed it
over both paragraphs and `annotations list` said attached). Its quote as stored was in the article's text no more:
the split had put the parts' separator (a blank line) into it. So for a join of paragraphs under a highlight over
two of them, and for a highlight on words a split moved to a piece of their own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.annotations import store as A
from reader.app.archive import Archive
from reader.corrections import store as C
from reader.library import importer
from reader.library.catalogue import Library

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = DATA / "text" / "seed_page.txt"
ALTO = DATA / "samples" / "alto" / "v2_sbb_abbyy_1890" / "27971740_1890-04-01_38_077_0_001.xml"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _library(tmp_path: Path, page: Path) -> Library:
    src = tmp_path / "src"
    src.mkdir()
    (src / page.name).write_bytes(page.read_bytes())
    lib = Library(tmp_path / "lib")
    assert not importer.import_paths(lib, [src]).failed
    return lib


def _holding(lib: Library, words: str) -> str:
    [key] = [i.id for i in lib.articles() if words in lib.article(i.id).text]
    return key


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    opened: list[Archive] = []

    def open_(lib: Library) -> Archive:
        lib.close()
        opened.append(Archive.open(tmp_path / "lib"))
        return opened[0]

    yield open_  # type: ignore[misc]
    for a in opened:
        a.close()


def _placed_over(archive: Archive, key: str, note: A.Annotation) -> str:
    """The words the highlight ``note`` is placed on in the reader's article ``key``, white space aside."""
    placed = archive.placed_annotations(key)
    assert note.id in placed, f"{note.anchor.exact!r} not placed"  # type: ignore[union-attr]
    s, e = placed[note.id]
    return archive.article(key).text[s:e]


@pytest.mark.parametrize(("page", "quote", "cut"), [
    (SEED, "阶段性梳理是件好事", "梳理"),  # the tester's reproduction: split-paragraph at 156
    (ALTO, "Regierung und Ultramontanen", "Ultramontanen"),  # seen by eye in the window
])
def test_a_highlight_split_by_a_paragraph_split_is_placed_over_both_pieces(tmp_path: Path, archive, page: Path,
                                                                           quote: str, cut: str) -> None:
    lib = _library(tmp_path, page)
    key = _holding(lib, quote)
    article = lib.article(key)
    start = article.text.index(quote)
    note = A.AnnotationStore.of(lib).add(A.highlight(article, start, start + len(quote), note="a note"))
    C.CorrectionStore.of(lib).add(C.split_paragraph(article, start + quote.index(cut)))
    arch = archive(lib)
    shown = arch.article(key)
    assert len(shown.parts) == len(article.parts) + 1
    over = _placed_over(arch, key, note)
    head = quote[:quote.index(cut)].rstrip()
    assert over == head + "\n\n" + quote[quote.index(cut):]  # from its first word to its last, over the break
    s, _e = arch.placed_annotations(key)[note.id]
    assert s == shown.text.index(head + "\n\n")  # on the words noted, not another occurrence


def test_a_highlight_over_two_paragraphs_joined_is_placed_on_the_joined_one(tmp_path: Path, archive) -> None:
    lib = _library(tmp_path, SEED)
    key = _holding(lib, "阶段性梳理是件好事")
    article = lib.article(key)
    i = next(i for i in range(1, len(article.parts)) if len(article.parts[i].text) > 6)
    before, after = article.parts[i - 1].text, article.parts[i].text
    start = article.text.index(before) + len(before) - 4
    end = article.text.index(after) + 4
    note = A.AnnotationStore.of(lib).add(A.highlight(article, start, end, note="over two"))
    assert "\n\n" in note.anchor.exact  # type: ignore[union-attr]
    C.CorrectionStore.of(lib).add(C.join_paragraphs(article, i))
    arch = archive(lib)
    over = _placed_over(arch, key, note)
    assert "\n\n" not in over and over == before[-4:] + after[:4]


def test_a_highlight_on_a_piece_split_off_and_cut_by_a_paragraph_split(tmp_path: Path, archive) -> None:
    """Its words moved to a piece of their own (placed on its lines), then a paragraph split between them."""
    lib = _library(tmp_path, SEED)
    quote = "阶段性梳理是件好事"
    key = _holding(lib, quote)
    article = lib.article(key)
    start = article.text.index(quote)
    note = A.AnnotationStore.of(lib).add(A.highlight(article, start, start + len(quote)))
    part = next(i for i, p in enumerate(article.parts) if quote in p.text)
    corrections = C.CorrectionStore.of(lib)
    piece = f"{key}~piece"
    corrections.add(C.split_article(article, part, new_id=piece))
    arch = archive(lib)
    shown = arch.article(piece)
    arch.corrections.add(C.split_paragraph(shown, shown.text.index(quote) + 3, key=piece))
    arch.close()
    again = Archive.open(tmp_path / "lib")
    try:
        assert _placed_over(again, piece, note) == "阶段性\n\n梳理是件好事"
    finally:
        again.close()


def test_the_export_places_it_on_the_piece_over_the_paragraph_split(tmp_path: Path, archive) -> None:
    """The TEI export of the piece its words went to: placed over both paragraphs there, as the window shows it
    (on its lines alone it was looked for by its quote elsewhere and left out)."""
    from reader.cli.main import main

    lib = _library(tmp_path, SEED)
    quote = "阶段性梳理是件好事"
    key = _holding(lib, quote)
    article = lib.article(key)
    start = article.text.index(quote)
    A.AnnotationStore.of(lib).add(A.highlight(article, start, start + len(quote), note="on the piece"))
    part = next(i for i, p in enumerate(article.parts) if quote in p.text)
    piece = f"{key}~piece"
    C.CorrectionStore.of(lib).add(C.split_article(article, part, new_id=piece))
    arch = archive(lib)
    shown = arch.article(piece)
    arch.corrections.add(C.split_paragraph(shown, shown.text.index(quote) + 3, key=piece))
    arch.close()
    out = tmp_path / "piece.xml"
    assert main(["export", piece, "--format", "tei", "-o", str(out), "--library", str(tmp_path / "lib")]) == 0
    tei = out.read_text(encoding="utf-8")
    assert "on the piece" in tei
    assert '-s"/>阶段性</p>' in tei and '梳理是件好事<anchor xml:id="' in tei, tei


def _noted_piece_split_in_its_words(tmp_path: Path, archive, undo_the_piece: bool = False):  # noqa: ANN001, ANN202
    """(the piece split off the seed page's report at "阶段性梳理是件好事", a highlight made on the piece over those
    words, which a paragraph split then cut after 阶段性); the piece's split undone after, when asked. The archive
    is closed: what an import's check reads is the library as left."""
    lib = _library(tmp_path, SEED)
    quote = "阶段性梳理是件好事"
    key = _holding(lib, quote)
    article = lib.article(key)
    part = next(i for i, p in enumerate(article.parts) if quote in p.text)
    piece = f"{key}~piece"
    cut = C.CorrectionStore.of(lib).add(C.split_article(article, part, new_id=piece))
    arch = archive(lib)
    shown = arch.article(piece)
    start = shown.text.index(quote)
    note = arch.annotations.add(A.highlight(shown, start, start + len(quote), note="on the piece"))
    arch.corrections.add(C.split_paragraph(shown, start + 3, key=piece))
    if undo_the_piece:
        arch.corrections.delete(cut.id)
    arch.close()
    return piece, note


def test_the_check_after_an_import_leaves_it_where_it_is(tmp_path: Path, archive) -> None:
    """A highlight made on a piece split off, its paragraph split in its words: the check after any import
    re-attached it onto fewer of them ('阶段性梳理是件好事' → '性\\n\\n梳理是件好事', moved) — the reader's quote
    rewritten."""
    from reader.app.placing import reattach_as_read

    piece, note = _noted_piece_split_in_its_words(tmp_path, archive)
    again = Archive.open(tmp_path / "lib")
    try:
        assert reattach_as_read(again.library, again.annotations) == []
        kept = again.annotations.get(note.id)
        assert kept.status == A.STATUS_ATTACHED and kept.anchor == note.anchor
        assert _placed_over(again, piece, note) == "阶段性\n\n梳理是件好事"
    finally:
        again.close()


def test_a_note_on_a_piece_whose_split_was_undone_is_kept_over_the_paragraph_split(tmp_path: Path, archive) -> None:
    """A highlight on a piece split off, its paragraph split in its words, the piece's split undone since (its words
    back in the article, the paragraph split kept): any import said it orphaned."""
    from reader.app.placing import reattach_as_read

    piece, note = _noted_piece_split_in_its_words(tmp_path, archive, undo_the_piece=True)
    key = piece.removesuffix("~piece")  # the report the piece was split off
    again = Archive.open(tmp_path / "lib")
    try:
        assert reattach_as_read(again.library, again.annotations) == []
        kept = again.annotations.get(note.id)
        assert kept.status == A.STATUS_ATTACHED and kept.article == piece
        assert _placed_over(again, key, note) == "阶段性\n\n梳理是件好事"  # shown on the article holding its lines
    finally:
        again.close()
