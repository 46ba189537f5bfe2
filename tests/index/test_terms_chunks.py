"""The index terms of a long text are taken a chunk of CJK runs at a time (memory: a string per character pair of a
13 M-character article was 1.2 GB); the terms and counts are those of the whole text at once."""

from __future__ import annotations

import random

import pytest

from reader.index import terms
from reader.text.forms import fold_text


def _text(rng: random.Random) -> str:
    common = "中国人民共和国全国代表大会经济发展哈哈哈的了是在"
    out = []
    for _ in range(400):
        out.append("".join(rng.choice(common) for _ in range(rng.randint(1, 30))))
        out.append(rng.choice(["，", "。", " GDP ", " 1980 ", "、", " APEC "]))
    return fold_text("".join(out))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_terms_taken_in_chunks_are_the_whole_texts(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    folded = _text(random.Random(seed))
    whole = terms.counted_terms(folded)
    assert whole[2], "the text holds counted bigrams more than once"
    for chunk in (1, 7, 64, 1000):
        monkeypatch.setattr(terms, "TERMS_CHUNK", chunk)
        assert terms.counted_terms(folded) == whole
        assert terms.counted_terms(folded, counting=False)[:2] == whole[:2]
