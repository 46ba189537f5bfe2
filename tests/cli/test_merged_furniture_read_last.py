"""A credit line merged with the report under it is read after the report, in the window and every export.

Seen by eye (trust44): the 人民日报 seed page's editors' line "本版责编…" (furniture, printed above the 中美关系
report) merged with that report (``broadsheet correct merge EDITORS REPORT``) read the report's dateline, then
"本版责编…", then the report's text — in the reading view, ``show``, the text and the TEI export alike: the
dateline goes first in the one reading order (reader.model.document.reading_order) and the furniture part, the
merged article's first in the source's order, was read as the first paragraph of the body. Page furniture — a
running head, a page's editors, a folio — is no part of the text it sits by: it is read after the body.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import editors_and_report, run_in

from reader.model.document import Article, Part, reading_order


def test_the_editors_line_merged_with_the_report_is_read_after_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lib, editors, report = editors_and_report(capsys, tmp_path)
    run_in(capsys, lib, "correct", "merge", editors, report)

    shown = json.loads(run_in(capsys, lib, "show", editors, "--json"))
    roles = [b["role"] for b in shown["parts"]]
    assert roles[0] == "dateline" and roles[-1] == "furniture", roles
    assert shown["parts"][-1]["text"].startswith("本版责编")

    text = run_in(capsys, lib, "export", editors, "--format", "text", "-o", "-")
    assert text.index("据新华社香港") < text.index("26日开幕") < text.index("对世界的潜在影响") \
        < text.index("本版责编"), text
    tei = run_in(capsys, lib, "export", editors, "--format", "tei", "-o", "-")
    body = tei[tei.index("<body"):]
    assert body.index("<dateline") < body.index("网络研讨会") < body.index("本版责编"), body

    from reader.app.archive import Archive
    from reader.app.reading import Reading

    archive = Archive.open(lib)
    try:
        parts = Reading.build(archive.corrected(archive.article(editors))).parts
    finally:
        archive.close()
    assert [sp.role for sp in parts] == ["dateline", "paragraph", "paragraph", "paragraph", "paragraph",
                                         "furniture"], "the reading view reads as show and the exports do"
    assert parts[-1].display.startswith("本版责编")


def test_furniture_is_read_after_the_body_before_noise() -> None:
    def order(*roles: str) -> list[int]:
        return reading_order(Article("a", parts=[Part(r, f"{r} {i}") for i, r in enumerate(roles)]))

    assert order("furniture", "dateline", "paragraph", "paragraph") == [1, 2, 3, 0]
    assert order("headline", "furniture", "paragraph", "noise") == [0, 2, 1, 3]
    assert order("paragraph", "furniture", "paragraph", "byline") == [0, 2, 3, 1], "a closing signature, then it"
    assert order("furniture", "furniture") == [0, 1], "an article of furniture alone: as the page prints it"
