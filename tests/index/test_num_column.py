"""The ``num`` column read in one go per segment equals Whoosh's own reading, across segments and deletions."""

from __future__ import annotations

from pathlib import Path

from reader.index import store as sindex


def test_num_column_read_at_once_equals_whooshs_reading(tmp_path: Path) -> None:
    ix = sindex.Index(tmp_path / "index")
    nums = iter(range(1, 10_000, 7))
    for batch in range(4):  # four commits: several segments (Whoosh merges some of them)
        with ix.writer(update=batch > 0) as w:
            for k in range(50 + batch * 30):
                n = next(nums)
                w.add(n, f"a{n}", f"中国{k} word{k}")
            if batch == 2:
                w.delete("a1")
                w.delete("a8")
    s = ix._current()
    assert len(s.reader().leaf_readers()) > 1
    slow = list(s.reader().column_reader("num"))
    assert list(sindex._num_column(s)) == slow
    assert min(slow) >= 1
    assert set(ix.all_nums()) == {n for n in range(1, 10_000, 7)[:50 + 80 + 110 + 140]} - {1, 8}
    ix.close()
