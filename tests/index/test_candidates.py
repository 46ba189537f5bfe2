"""Which index terms a query's candidates are intersected over (reader/index/store.py ``_docs_with_all``)."""

from __future__ import annotations

import random
from pathlib import Path

from reader.index import store as sindex
from reader.index.terms import cjk_terms


def test_a_run_of_common_bigrams_is_cut_by_each_of_them(tmp_path: Path) -> None:
    """中国人民: 中国, 国人 and 人民 are each in ~40% of the articles. Reading only the rarest and verifying its
    articles' texts left ~18,000 candidates for 2,409 hits at 10,000 pages; decoding the others too costs a
    tenth of a candidate's verification per posting and removes most of them, so every bigram is intersected."""
    rng = random.Random(3)
    texts = []
    for i in range(600):
        parts = [g for g in ("中国", "国人", "人民") if rng.random() < 0.5] + ["今天"]
        if i % 20 == 0:
            parts.append("中国人民")
        texts.append("，".join(parts))
    ix = sindex.Index(tmp_path / "ix")
    try:
        with ix.writer() as w:
            for i, t in enumerate(texts):
                w.add(i + 1, f"a{i}", t)
        terms, exact = cjk_terms("中国人民")
        assert not exact and set(terms) == {"中国", "国人", "人民"}
        every = {i + 1 for i, t in enumerate(texts) if all(g in t for g in terms)}
        assert ix.nums(terms, superset=True) == every
        assert len(every) < min(sum(g in t for t in texts) for g in terms) / 2
        assert {i + 1 for i, t in enumerate(texts) if "中国人民" in t} <= every
    finally:
        ix.close()
