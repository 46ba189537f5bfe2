"""Exact keys of rare CJK pairs (reader/index/terms.py ``pair_key``, ``rare_pairs``), what a PostgreSQL index answers a
two-character query with, without reading a text (issue 18)."""

from __future__ import annotations

import random

import pytest

from reader.index.terms import (
    PAIR_FIRST,
    PAIR_SPAN,
    frequent_bigrams,
    pair_key,
    rare_pairs,
    term_key,
    term_text,
)


def test_pair_keys_are_one_to_one_negative_int4_and_round_trip() -> None:
    rng = random.Random(5)
    grams = {chr(PAIR_FIRST + rng.randrange(PAIR_SPAN)) + chr(PAIR_FIRST + rng.randrange(PAIR_SPAN))
             for _ in range(20000)}
    grams |= {chr(PAIR_FIRST) * 2, chr(PAIR_FIRST + PAIR_SPAN - 1) * 2, "在千", "龘鑫"}
    grams -= frequent_bigrams()
    keys = {g: pair_key(g) for g in grams}
    assert all(k is not None and -(2 ** 31) <= k < 0 for k in keys.values())
    assert len(set(keys.values())) == len(grams)
    for g, k in keys.items():
        assert term_key("%" + g) == k and term_text(k) == "%" + g


def test_frequent_and_out_of_range_pairs_have_no_exact_key() -> None:
    assert pair_key("中国") is None  # a frequent bigram: its own term
    assert pair_key("𠀀在") is None and pair_key("在\uf900") is None  # astral, compatibility: buckets
    assert pair_key("\n在") is None and pair_key("在") is None
    with pytest.raises(ValueError):
        term_key("%中国")


def test_rare_pairs_counts_every_place_a_pair_starts_within_cjk_runs() -> None:
    got = rare_pairs("在千在千 哈哈哈，千在 中国人 abc 龘")
    want = {"在千": 2, "千在": 2, "哈哈": 2, "国人": 1}
    want = {g: n for g, n in want.items() if g not in frequent_bigrams()}
    assert got == {pair_key(g): n for g, n in want.items()}
    assert rare_pairs("london 1824") == {} and rare_pairs("") == {}
    # a pair across two runs (a comma, a space folded away only between CJK characters) is not one
    assert pair_key("千龘") not in rare_pairs("在千。龘")
