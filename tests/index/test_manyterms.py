"""The term keys of many articles at once (reader/index/manyterms.py, a rebuild's workers) are those of
:func:`reader.index.terms.counted_terms` article by article: the same keys, words and counts, whatever the script
(kana, Hangul, the private use area, characters beyond the Basic Multilingual Plane), the frequent runs and counted
bigrams, chunks of many articles or of one, and an article too long for a chunk."""

from __future__ import annotations

import random
import zlib

import numpy as np
import pytest

from reader.index import manyterms, terms
from reader.index.terms import _listed_bigrams, counted_terms, frequent_runs, pack_terms, unpack_terms

_ALPHABET = ("中国人民日报北京电是一了在我的大会代表全国共和华新社本月日年"
             "あいうカキ한국어\ue001\U00020001\U0002a6d6")


def _texts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    listed = list(_listed_bigrams()[:3000]) + list(frequent_runs()[:500])
    out = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randrange(0, 60)):
            kind = rng.random()
            if kind < 0.4:
                pieces.append(rng.choice(listed))
            elif kind < 0.7:
                pieces.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(1, 6))))
            elif kind < 0.8:
                pieces.append("哈" * rng.randrange(1, 5))
            else:
                pieces.append(rng.choice([" ", "\n", "，", " APEC ", " gdp2020 ", "〓", "。\n"]))
        out.append("".join(pieces))
    return [*out, "", "only latin words 123", "中", "中国中国中国 人民人民", "中\udc80国 a\ud800b"]


def _check(texts: list[str]) -> None:
    got = list(manyterms.counted_terms_many(texts))
    assert len(got) == len(texts)
    for text, (keys, words, counts) in zip(texts, got, strict=True):
        want_keys, want_words, want_counts = counted_terms(text)
        assert len(keys) == len(want_keys) and set(keys) == want_keys, text
        assert (words, counts) == (want_words, want_counts), text


def test_the_same_terms_as_one_article_at_a_time() -> None:
    _check(_texts(400))


def test_the_same_terms_in_small_chunks_and_for_a_long_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(manyterms, "CHUNK_CHARS", 300)  # some articles alone, some longer than a chunk
    monkeypatch.setattr(manyterms, "CHUNK_DOCS", 3)
    _check(_texts(200, seed=11))


def test_crc32_of_pairs_is_zlibs() -> None:
    rng = random.Random(3)
    codes = [*range(1, 0xD800, 13), *range(0xE000, 0x110000, 97), 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000]
    first = [rng.choice(codes) for _ in range(5000)]
    second = [rng.choice(codes) for _ in range(5000)]
    got = manyterms.crc32_pairs(np.array(first, dtype=np.uint32), np.array(second, dtype=np.uint32))
    assert got.tolist() == [zlib.crc32((chr(a) + chr(b)).encode()) for a, b in zip(first, second, strict=True)]


def test_packed_many_at_once_unpack_as_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # by numpy (numpy is imported here): what the writer is given is what pack_terms gives, in another order
    monkeypatch.setattr(terms, "NUMPY_CHARS", 0)
    texts = _texts(50, seed=5)
    for got, text in zip(terms.pack_terms_many(texts), texts, strict=True):
        keys, words, counts = unpack_terms(got)
        want_keys, want_words, want_counts = unpack_terms(pack_terms(text))
        assert (sorted(keys), sorted(words), counts) == (sorted(want_keys), sorted(want_words), want_counts)
