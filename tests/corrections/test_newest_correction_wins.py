"""The newest text correction of some words is what a reader reads (as in any editor): an earlier one of the same
words is kept, listed and undoable, not applied — undoing the newest brings it back.

Seen by the by-eye tester: `correct text A 32 35 ist1` then `correct text A 32 35 ist2` printed two ids, both were
listed, and `show` still read "ist1" (the second was skipped as "overlapping an earlier one"); on a shared library
whichever of two researchers corrected the words first was read by both, and a researcher could not put the
printed letter back over a colleague's correction ("nothing to correct: the text already reads so")."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corrections import store as C
from reader.model.document import Article, Part, Span
from tests.clirun import run_in, seed_library


def _article(*texts: str) -> Article:
    """One paragraph a text, each of its own source line (l1, l2 …)."""
    return Article("a", parts=[Part("paragraph", t, [Span(0, len(t), f"l{i + 1}", 0)]) for i, t in enumerate(texts)])


def _read(article: Article, corrections: list[C.Correction]) -> str:
    return C.corrected_article(article, corrections).text


def test_a_later_correction_of_the_same_words_is_read() -> None:
    art = _article("Die Pflanze ist grün.")
    at = art.text.index("ist")
    first = C.correct_text(art, at, at + 3, "ist1")
    second = C.correct_text(art, at, at + 3, "ist2")
    assert _read(art, [first, second]) == "Die Pflanze ist2 grün."
    assert _read(art, [first]) == "Die Pflanze ist1 grün."  # the newest undone: the one before it is read again
    # the earlier one is kept (resolved, not applied)
    assert [f.correction.id for f in C.text_fixes(art, [first, second])] == [second.id]


def test_a_later_correction_overlapping_an_earlier_one_hides_all_of_it() -> None:
    """Never a mix of two corrections' characters no one wrote: what the newest covers reads as it says, the rest of an
    earlier one it overlaps reads as the OCR read it (its words are no correction of anyone's any more)."""
    art = _article("zu pflanzen, weil es")
    at = art.text.index("pflanzen")
    earlier = C.correct_text(art, at, at + 8, "Pflanzen-BOB")
    later = C.correct_text(art, at + 6, at + 11, "en; w")  # "en, w"
    assert _read(art, [earlier, later]) == "zu pflanzen; weil es"
    # an older one that the newest does not overlap still applies, though it overlaps one hidden
    oldest = C.correct_text(art, 0, 2, "Zu")
    assert _read(art, [oldest, earlier, later]) == "Zu pflanzen; weil es"
    # one hidden hides what it overlaps still: no correction resurfaces because a later one covered its hider
    under = C.correct_text(art, at + 2, at + 4, "AN")
    assert _read(art, [under, earlier, later]) == "zu pflanzen; weil es"


def test_correcting_part_of_a_correction_keeps_the_rest_of_it() -> None:
    """`correct text` over part of the words a correction replaced (offsets of the OCR's text) corrects the whole of
    them: the parts of the earlier correction outside the words given are kept (composed), so the newest correction
    reads as the reader meant and nothing of the earlier one is lost."""
    art = _article("zu pflanzen, weil es")
    at = art.text.index("pflanzen")
    bob = C.correct_text(art, at, at + 8, "Pflanzen-BOB")
    fixes = C.text_fixes(art, [bob])
    # "zu p" of the OCR's text → "Zu P": the correction's "flanzen-BOB" kept
    old, new = C.recorrect_text(art, fixes, 0, at + 1, "Zu P")
    assert old == [bob] and len(new) == 1
    assert new[0].data["original"] == "zu pflanzen" and new[0].data["corrected"] == "Zu Pflanzen-BOB"
    assert _read(art, [bob, *new]) == "Zu Pflanzen-BOB, weil es"
    # the end of it: "en" of the OCR's "pflanzen" (the correction's "en-BOB") → "en-ALICE"
    old, new = C.recorrect_text(art, fixes, at + 6, at + 8, "en-ALICE")
    assert _read(art, [bob, *new]) == "zu Pflanzen-ALICE, weil es"


def test_the_printed_letters_restored_over_a_correction_are_a_correction() -> None:
    """The OCR's own text typed over a correction one may not take away (a colleague's; one kept under the newest)
    is stored as a correction that reads as the page prints it: it was "nothing to correct"."""
    art = _article("und ſo weiter")
    at = art.text.index("ſo")
    bob = C.correct_text(art, at, at + 2, "so")
    fixes = C.text_fixes(art, [bob])
    old, new = C.recorrect_text(art, fixes, at, at + 2, "ſo", mine=lambda c: c is not bob)
    assert old == [] and [(c.data["original"], c.data["corrected"]) for c in new] == [("ſo", "ſo")]
    assert _read(art, [bob, *new]) == "und ſo weiter"
    # the reader's own correction is taken away instead: nothing is stored
    old, new = C.recorrect_text(art, fixes, at, at + 2, "ſo")
    assert old == [bob] and new == []


def test_characters_put_in_at_the_edge_of_a_change_over_lines_keep_the_correction_beside_them() -> None:
    """Over two lines, characters put in at the start of a selection go with the character before it (each line's
    correction needs characters of its own), which here is another correction's: that one is made again as it reads,
    not hidden under the new one (it read "aXbc", the "A" corrected before lost)."""
    art = Article("a", parts=[Part("paragraph", "abc def", [Span(0, 3, "l1", 0), Span(4, 7, "l2", 0)])])
    first = C.correct_text(art, 0, 1, "A")
    fixes = C.text_fixes(art, [first])
    old, new = C.recorrect_text(art, fixes, 1, 7, "Xbc def")
    assert _read(art, [first, *new]) == "AXbc def" and old == [first]


def test_the_order_made_decides_not_the_place() -> None:
    """Two corrections starting at one place, the longer one made last: it was skipped (sorted by place)."""
    art = _article("abcdef")
    short = C.correct_text(art, 0, 2, "AB")
    long = C.correct_text(art, 0, 4, "WXYZ")
    assert _read(art, [short, long]) == "WXYZef"
    assert _read(art, [long, short]) == "ABcdef"


def test_which_are_read_is_each_that_no_later_one_overlaps() -> None:
    """The rule, against its definition, over many random corrections of one paragraph (``newest_wins`` sweeps the
    union of the later ones' characters)."""
    import random

    rng = random.Random(52)
    text = "abcdefghijklmnopqrstuvwxyz" * 2
    art = _article(text)
    for _ in range(300):
        made = []
        for _ in range(rng.randint(1, 12)):
            a = rng.randrange(len(text) - 1)
            b = rng.randint(a + 1, min(len(text), a + 6))
            made.append(C.correct_text(art, a, b, "X" * rng.randint(0, 4)))
        located = C.located_fixes(art, made)
        want = [f for i, f in enumerate(located)
                if not any(g.start < f.end and f.start < g.end for g in located[i + 1:])]
        assert C.newest_wins(located) == sorted(want, key=lambda f: (f.part, f.start, f.end))


# --------------------------------------------------------------------------- the command line, a library folder


def _shown(capsys: pytest.CaptureFixture[str], library: Path, article: str) -> str:
    return run_in(capsys, library, "show", article)


def test_the_command_lines_later_correction_is_shown_and_its_undo_brings_the_first_back(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    library = seed_library(capsys, tmp_path)
    from reader.library.catalogue import Library

    with Library(library) as lib:
        article = next(a.id for a in lib.articles() if "浙江绘出" in lib.article(a.id).text)
        assert lib.article(article).text.startswith("浙江绘出")
    first = run_in(capsys, library, "correct", "text", article, "0", "2", "AAA").strip()
    # offsets in the text as shown: "AAA" now
    second = run_in(capsys, library, "correct", "text", article, "0", "3", "BBB").strip()
    assert first and second and first != second
    assert "BBB绘出" in _shown(capsys, library, article)
    listed = run_in(capsys, library, "correct", "list")
    assert first in listed and second in listed
    # the one not read is listed so, naming the one read over it
    [was] = [ln for ln in listed.splitlines() if ln.startswith(first)]
    [now] = [ln for ln in listed.splitlines() if ln.startswith(second)]
    assert f"not read: a later correction of these words, {second}, is over it" in was and "not read" not in now
    import json

    records = {r["id"]: r for r in json.loads(run_in(capsys, library, "correct", "list", "--json"))}
    assert records[first]["now"]["under"] == second and records[second]["now"]["under"] is None
    run_in(capsys, library, "correct", "undo")
    assert "AAA绘出" in _shown(capsys, library, article)


def test_the_command_line_puts_the_printed_words_back_over_a_correction(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    library = seed_library(capsys, tmp_path)
    from reader.library.catalogue import Library

    with Library(library) as lib:
        article = next(a.id for a in lib.articles() if "浙江绘出" in lib.article(a.id).text)
    run_in(capsys, library, "correct", "text", article, "0", "2", "AAA")
    # what is read there already: nothing to correct (said, nothing stored)
    capsys.readouterr()
    from reader.cli.main import main

    assert main(["correct", "text", article, "0", "3", "AAA", "--library", str(library)]) == 0
    assert "already reads so" in capsys.readouterr().err
    # the page's own words: a correction, read
    made = run_in(capsys, library, "correct", "text", article, "0", "3", "浙江").strip()
    assert made and "浙江绘出" in _shown(capsys, library, article)
    # a part of the words a correction replaced ("绘出" of 浙江绘出 → 浙江省绘出, at 3..5 as shown): the rest of it kept
    run_in(capsys, library, "correct", "undo")
    run_in(capsys, library, "correct", "undo")
    run_in(capsys, library, "correct", "text", article, "0", "4", "浙江省绘出")
    run_in(capsys, library, "correct", "text", article, "3", "5", "描画")
    assert "浙江省描画干部" in _shown(capsys, library, article)


def test_a_commands_redo_puts_the_correction_back_under_a_later_one(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The app layer's correction command (the window's and the CLI's shared core): undone and redone, the correction
    is back at its place in the order made — a later one of the same words, made elsewhere meanwhile, still read over
    it (it was stored again as the newest and read over the later one)."""
    from reader.app.archive import Archive

    library = seed_library(capsys, tmp_path)
    archive = Archive.open(library, create=False)
    try:
        article = next(a.id for a in archive.library.articles() if "浙江绘出" in archive.library.article(a.id).text)
        made = archive.correct(C.correct_text(archive.library.article(article), 0, 2, "AAA"))
        later = run_in(capsys, library, "correct", "text", article, "0", "3", "BBB").strip()
        made.undo()
        made.do()
        assert "BBB绘出" in _shown(capsys, library, article)
        assert [c.id for c in C.CorrectionStore.of(archive.library).find()][-1] == later
        # put back where it was, twice over; and `correct undo` takes the later one (the newest), not it
        made.undo()
        made.do()
        assert "BBB绘出" in _shown(capsys, library, article)
        assert later in run_in(capsys, library, "correct", "undo")
        assert "AAA绘出" in _shown(capsys, library, article)
    finally:
        archive.close()
