"""A shared library brought up to date by a researcher who cannot: one sentence naming who can.

Seen (trust39): an update that adds a column to the annotations table (migration 7, the news for a note's owner)
can be made only by the role owning the tables; a researcher whose Broadsheet was updated before the owner opened
the library with it was refused with PostgreSQL's own words, "must be owner of table annotations", and nothing
said what to do. The refusal names the owner and what to ask of them; nothing is changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.annotations.store import AnnotationStore
from reader.corrections.store import CorrectionStore
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.model.errors import BroadsheetError
from tests.pgcluster import team


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_a_researcher_opening_a_library_its_owner_has_not_updated_is_told_whom_to_ask(
        pg_cluster: Any, tmp_path: Path) -> None:
    url = pg_cluster.create_database("upgrade_" + tmp_path.name[-10:].lower().replace("-", "_"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "page.txt").write_text("第一篇文章\n\n今天天气很好。\n", encoding="utf-8")
    with Library.open(url) as admin:
        import_paths(admin, [src])
        CorrectionStore.of(admin)
        AnnotationStore.of(admin)
        team(url, "upgroup", "upalice")
        admin.grant("upgroup")
        # the library as the Broadsheet before the last annotations update left it
        admin.conn.execute("ALTER TABLE annotations DROP COLUMN news")
        admin.conn.execute("DELETE FROM schema_version WHERE component = 'annotations' AND version = 7")
        admin.conn.commit()
    alice = Library.open(url.replace("broadsheet@", "upalice@"))
    with pytest.raises(BroadsheetError) as refused:
        AnnotationStore.of(alice)
    alice.close()
    said = str(refused.value)
    assert "broadsheet" in said and "owner" in said and "must be owner of table" not in said, said
    assert "annotations" in said and "version 7" in said, said
    with Library.open(url) as admin:  # nothing changed: the owner's next opening updates it
        assert admin.schema_versions()["annotations"] == 6
        AnnotationStore.of(admin)
        assert admin.schema_versions()["annotations"] == 7
