"""A note on one of several identical passages stays on its own or is orphaned — never lands on another's words.

Seen by an adversarial tester: a note on the third of three speakers' identical words (今年的粮食收成很好) ended up on
another speaker's after the source was edited — "in place" when the paragraphs were reordered (the same words now
stood at its offset), "re-attached" when its paragraph was deleted or its words changed — and the exports carried
it there. An occurrence is the noted passage only where its surroundings are the noted ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.annotations import store as A
from reader.model.document import Article, Part, Span
from tests.clirun import run_cli as run

BASE = ("会议纪要\n\n张三在会上发言说：今年的粮食收成很好，农民的生活有了改善，大家都很高兴。\n\n"
        "李四接着说：今年的粮食收成很好，但是运输仍然困难，需要修建新的公路。\n\n"
        "王五最后说：今年的粮食收成很好，我们要感谢政府的支持，继续努力工作。\n")
QUOTE = "今年的粮食收成很好"


def edited(case: str) -> str:
    paras = BASE.rstrip("\n").split("\n\n")
    if case == "reorder":
        return "\n\n".join([paras[0], paras[3], paras[1], paras[2]]) + "\n"
    if case == "delete":
        return "\n\n".join(paras[:3]) + "\n"
    return BASE.replace("王五最后说：今年的粮食收成很好", "王五最后说：今年的粮食收成不好")


@pytest.mark.parametrize("case", ["reorder", "delete", "change"])
def test_a_note_on_the_third_speakers_words_never_lands_on_anothers(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "src" / "晨报" / "1930-05-01" / "01.txt"
    page.parent.mkdir(parents=True)
    page.write_text(BASE, encoding="utf-8")
    lib = str(tmp_path / "lib")
    run(capsys, "import", str(tmp_path / "src"), "--library", lib, "--quiet")
    [hit] = json.loads(run(capsys, "search", "--json", "王五", "--library", lib))["hits"]
    article = hit["article"]
    text = "\n\n".join(p["text"] for p in json.loads(run(capsys, "show", article, "--json", "--library", lib))["parts"])
    start = text.index("王五最后说：") + len("王五最后说：")
    assert text[start:start + len(QUOTE)] == QUOTE
    run(capsys, "annotations", "add", article, "--start", str(start), "--end", str(start + len(QUOTE)),
        "--note", "王五's words", "--library", lib)
    page.write_text(edited(case), encoding="utf-8")
    run(capsys, "import", str(tmp_path / "src"), "--library", lib, "--quiet")

    [note] = json.loads(run(capsys, "annotations", "list", "--json", "--library", lib))
    if note["status"] == "orphaned":
        assert case == "delete", f"{case}: the noted passage is still there; it should be found"
        return
    shown = json.loads(run(capsys, "show", note["article"], "--json", "--library", lib))["parts"]
    now = "\n\n".join(p["text"] for p in shown)
    before = now[max(0, note["start"] - 6):note["start"]]
    assert before == "王五最后说：", (case, before, now[note["start"]:note["end"]])
    assert case != "delete", "its paragraph is gone: orphaned, not moved to another speaker's words"


def _article(aid: str, paragraphs: list[tuple[str, str]]) -> Article:
    return Article(aid, parts=[Part("paragraph", t, [Span(0, len(t), line, 0)]) for line, t in paragraphs])


def test_a_note_on_words_still_there_but_cut_from_their_surroundings_stays() -> None:
    """Review: a highlight over an article's whole first paragraph, the article then split after it — the words
    at their place, their surroundings cut off by the article's new end — was orphaned by the context check."""
    first = "The Mayor opened the new bridge on Monday before a large crowd."
    second = "Second, the council voted to raise the water rate by a penny."
    whole = _article("A", [("L1", first), ("L2", second)])
    note = A.highlight(whole, 0, len(first), note="my note")
    result = A.reattach(note, [_article("A", [("L1", first)]), _article("B", [("L2", second)])])
    assert result.article == "A" and result.attachment is not None and result.attachment.method == "position"


def test_a_name_re_ocrd_on_its_line_does_not_go_to_the_same_name_on_another_line() -> None:
    """Seen by a tester (ALTO): a note on the second "Throckmorton" (its own line), re-OCR'd "Throekmorton", went
    to the subheadline's "Throckmorton" — the only one left, on another line while its own is still there."""
    head = "Major Throckmorton Dead."
    body = "NORFOLK, VA. March 22.--Maj. Charles B. Throckmorton, retired, U. S. A., died here today."
    before = _article("A", [("L912", head), ("L915", body)])
    at = before.text.index("Throckmorton", before.text.index("Charles"))
    note = A.highlight(before, at, at + len("Throckmorton"), note="the major")
    after = _article("A", [("L912", head), ("L915", body.replace("Throckmorton", "Throekmorton"))])
    result = A.reattach(note, [after])
    assert result.orphaned or after.text[result.attachment.start:result.attachment.end] == "Throekmorton"
