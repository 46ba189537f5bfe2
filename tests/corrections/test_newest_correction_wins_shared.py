"""On a shared (PostgreSQL) library the newest correction of some words a researcher sees is what they read: their
own over a colleague's group one made before, a colleague's made after over their own; putting the printed letters
back over a colleague's correction is a correction of their own. Seen by the by-eye tester: the first made was read
by both whatever came later ("order decides"), `correct text … "ſo"` over bob's "so" answered "nothing to correct:
the text already reads so", a note quoted on bob's correction said "is your correction", TEI's "with your 4
correction(s) applied" counted bob's, and `library copy` to a folder read a mix no one wrote."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.library.catalogue import Library
from reader.library.importer import import_paths

DATA = Path(__file__).resolve().parents[1] / "data"


def roles(url: str, team: str, *members: str) -> list[str]:
    """Login roles ``members`` of the group role ``team`` (cluster-wide names, this test's own), granted the
    library at ``url``; each member's URL."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as c:
        for role in members:
            c.execute(f"CREATE ROLE {role} LOGIN")
        c.execute(f"CREATE ROLE {team} NOLOGIN")
        c.execute(f"GRANT {team} TO {', '.join(members)}")
    with Library.open(url) as admin:
        admin.grant(team)
    return [url.replace("broadsheet@", f"{r}@") for r in members]


class Shared:
    """The seed page in a new shared library, alice and bob of one group."""

    def __init__(self, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        from reader.annotations.store import AnnotationStore
        from reader.corrections.store import CorrectionStore

        src = tmp_path / "src"
        src.mkdir()
        shutil.copy(DATA / "text" / "seed_page.txt", src / "seed_page.txt")
        with Library.open(pg_url) as admin:
            import_paths(admin, [src])
            AnnotationStore.of(admin)
            CorrectionStore.of(admin)
            self.article = next(a.id for a in admin.articles() if admin.article(a.id).text.startswith("浙江绘出"))
        tag = uuid.uuid4().hex[:8]
        self.alice_name, self.bob_name = f"alice_{tag}", f"bob_{tag}"
        self.alice, self.bob = roles(pg_url, f"team_{tag}", self.alice_name, self.bob_name)
        self.admin = pg_url
        self.capsys = capsys
        self.err = ""

    def __call__(self, who: str, *args: str, ok: bool = True) -> str:
        self.capsys.readouterr()
        status = main([*args, "--library", who])
        out = self.capsys.readouterr()
        self.err = out.err
        if ok:
            assert status == 0, (args, out.err)
        return out.out

    def reads(self, who: str) -> str:
        """The article's first words as ``who`` reads them (show)."""
        shown = self(who, "show", "--json", self.article)
        return _text(shown)[:12]


def _text(shown: str) -> str:
    """The headline (浙江绘出干部政绩画像) as ``show --json`` gives it."""
    return next(str(p["text"]) for p in json.loads(shown)["parts"] if "政绩画像" in p["text"])


@pytest.fixture
def shared(pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Shared:
    return Shared(pg_url, tmp_path, capsys)


def test_the_newest_correction_a_researcher_sees_is_read(shared: Shared) -> None:
    a = shared.article
    bobs = shared(shared.bob, "correct", "text", a, "0", "2", "BOB", "--visibility", "group").strip()
    alices = shared(shared.alice, "correct", "text", a, "0", "3", "ALICE").strip()  # "BOB" as she reads it
    assert shared.reads(shared.alice).startswith("ALICE绘出")  # hers, made after bob's
    assert shared.reads(shared.bob).startswith("BOB绘出")  # hers is private: bob reads his
    listed = shared(shared.alice, "correct", "list")
    assert bobs in listed and alices in listed
    # her undo: bob's read again; bob's made after hers: his is read
    shared(shared.alice, "correct", "undo")
    assert shared.reads(shared.alice).startswith("BOB绘出")
    shared(shared.alice, "correct", "text", a, "0", "3", "ALICE")
    shared(shared.bob, "correct", "undo")
    shared(shared.bob, "correct", "text", a, "0", "2", "BOB2", "--visibility", "group")  # bob reads 浙江 again
    assert shared.reads(shared.alice).startswith("BOB2绘出")


def test_the_printed_letters_are_put_back_over_a_colleagues_correction(shared: Shared, tmp_path: Path) -> None:
    a = shared.article
    shared(shared.bob, "correct", "text", a, "0", "2", "BOB", "--visibility", "group")
    # a note quoted on bob's correction: said to be bob's, not hers
    shared(shared.alice, "annotations", "add", a, "--quote", "BOB绘出", "--note", "n")
    assert shared.bob_name in shared.err and "your correction" not in shared.err, shared.err
    # what she reads already: nothing
    shared(shared.alice, "correct", "text", a, "0", "3", "BOB")
    assert "already reads so" in shared.err
    made = shared(shared.alice, "correct", "text", a, "0", "3", "浙江").strip()
    assert made, shared.err
    assert shared.reads(shared.alice).startswith("浙江绘出")
    assert shared.reads(shared.bob).startswith("BOB绘出")
    # an export: the corrections applied, whose each is
    shared(shared.alice, "correct", "undo")
    shared(shared.alice, "correct", "text", a, "5", "7", "干部们")  # as she reads it: BOB绘出干部
    shared(shared.alice, "export", a, "--format", "text", "--output", str(tmp_path / "a.txt"))
    assert "your 2 correction(s)" not in shared.err, shared.err
    assert "2 correction(s) applied" in shared.err and f"1 by {shared.bob_name}" in shared.err, shared.err


def test_a_copy_reads_the_newest_correction_in_the_order_made(shared: Shared, tmp_path: Path) -> None:
    a = shared.article
    shared(shared.bob, "correct", "text", a, "0", "4", "浙江省绘出", "--visibility", "group")
    shared(shared.alice, "correct", "text", a, "3", "5", "描画")  # 绘出 as she reads it
    assert shared.reads(shared.alice).startswith("浙江省描画干部")  # bob's 浙江省 kept, composed
    assert shared.reads(shared.bob).startswith("浙江省绘出干部")
    folder = tmp_path / "copy"
    shared(shared.admin, "library", "copy", shared.admin, str(folder))
    shared.capsys.readouterr()
    assert main(["show", "--json", a, "--library", str(folder)]) == 0
    assert _text(shared.capsys.readouterr().out).startswith("浙江省描画干部")
    in_copy = json.loads(shared(str(folder), "correct", "list", "--json"))
    assert [c["id"] for c in in_copy] == [c["id"] for c in json.loads(shared(shared.admin, "correct", "list",
                                                                              "--json"))]
