"""The index's terms: what of an article's folded text the index holds, and which terms answer a query.

One Whoosh document per article: ``id`` (the library's article id, unique, for
deletes), ``num`` (the catalogue row, a column read at C speed) and the terms
field (:data:`FIELD`), the set of terms of the article's FOLDED text
(:mod:`reader.text.forms`):

* every CJK character (unigram);
* every pair of adjacent CJK characters (bigram) inside a CJK run: as its own
  term when it is one of the frequent bigrams (:func:`frequent_bigrams`: pairs
  inside common words, then common pairs across words and datelines), else
  as TWO bucket terms, ``#…`` and ``$…``, the high and low :data:`BUCKET_BITS`
  bits of its CRC-32 (:func:`term_keys`);
* every frequent run of 3 to 8 CJK characters (:func:`frequent_runs`: common
  words and pieces of words such as 中国人民, 人民代表大会) the text holds;
* every Latin/digit word (``[^\\W_]+`` without CJK).

Terms are stored without positions. Only the commonest frequent bigrams
(the first :data:`COUNTED_BIGRAMS` of the list, 中国, 人民, …) carry how many
times the article holds them (where it starts: 哈哈 twice in 哈哈哈), as the
posting's weight (:func:`counted_bigrams`): a concordance or timeline of such
a word totals its occurrences from its postings instead of scanning every hit's
text (a common word's 445,000 articles at 100,000 pages); every other term is
a bare docnum (Whoosh's ``Existence`` format). The index is a candidate generator, not the judge: a CJK query of
one character is answered exactly by its unigram, a frequent bigram or a
frequent run by its term; a longer run or a rare pair by the AND of the
frequent runs inside it and its other bigrams' terms, whose
candidates :mod:`reader.search.engine` verifies by a substring test on the
folded text in the catalogue. Whoosh's cost is per term (a posting block and
a terminfo per term in every segment): unhashed bigrams made a vocabulary of
millions of terms, 19x the text and 34k chars/s on a small corpus; buckets
bound it. One bucket of 2**14 held a rare pair's article with some 6% of
chance by collision (thousands of candidates to verify at 10,000 pages); two
independent buckets hold it with well under 1%, for one more posting per
rare pair, where 2**17 single buckets cost twice the index size. Dropping
positions and frequencies keeps the index small and the postings lists short
to intersect; verification keeps results exact.
"""

from __future__ import annotations

import functools
import operator
import re
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, compress, repeat

from reader.resources import path as resource_path
from reader.text.forms import CJK_CLASS, FOLD_VERSION

#: CJK runs and Latin/digit words of folded text.
TOKEN_RE = re.compile(f"(?P<cjk>[{CJK_CLASS}]+)|(?P<word>[^\\W_{CJK_CLASS}]+)")
#: a whole Latin/digit word of folded text (an index term that is a word)
WORD_RE = re.compile(f"[^\\W_{CJK_CLASS}]+")
_CJK_RUN_RE = re.compile(f"[{CJK_CLASS}]+")
#: CJK bigrams are hashed into 2**BUCKET_BITS terms: the vocabulary (Whoosh's cost per term) stays bounded
BUCKET_BITS = 14
#: version of ``resources/frequent_bigrams.txt`` (the bigrams indexed as exact terms; 2: pairs across words in
#: running text and of datelines added after the words)
FREQUENT_VERSION = 2
#: version of ``resources/frequent_runs.txt`` (the runs of 3-8 characters indexed as exact terms)
RUNS_VERSION = 1
#: the first this many of ``resources/frequent_bigrams.txt`` (most frequent first) are counted in each article
COUNTED_BIGRAMS = 1024
#: the term keys' layout (which terms an article's text gives)
KEYS_LAYOUT = f"t{BUCKET_BITS}x2f{FREQUENT_VERSION}r{RUNS_VERSION}"
#: the terms field; its name changes with the term layout (the keys, which bigrams are counted, and the folding the
#: terms were made of: :data:`reader.text.forms.FOLD_VERSION`) so an index of another layout is recognised and rebuilt
FIELD = f"{KEYS_LAYOUT}c{COUNTED_BIGRAMS}fold{FOLD_VERSION}"


@functools.lru_cache(maxsize=1)
def _listed_bigrams() -> tuple[str, ...]:
    """``resources/frequent_bigrams.txt``: the pairs inside words, most frequent first, then the commonest pairs
    across words in running text and those of newspaper datelines (``benchmarks/frequent_bigrams.py``)."""
    text = resource_path("frequent_bigrams.txt").read_text(encoding="utf-8")
    _check_version(text, "frequent_bigrams.txt", FREQUENT_VERSION)
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


def _check_version(text: str, name: str, version: int) -> None:
    """Refuse a list whose first line does not say it is ``version``: a list of another version than the code
    expects gives other terms (and term keys) than the index was written with — every search silently wrong —,
    while the index's layout name, made by the code, would still match. (Seen: a process that read the list after
    a checkout had replaced it.)"""
    first = text.split("\n", 1)[0]
    found = re.match(r"# version (\d+)\b", first)
    if found is None or int(found.group(1)) != version:
        raise ValueError(f"resources/{name} is not version {version} of the list, which this Broadsheet was made "
                         f"for ({first[:60]!r}); reinstall Broadsheet.")


@functools.lru_cache(maxsize=1)
def frequent_bigrams() -> frozenset[str]:
    """The CJK bigrams indexed as exact terms (``resources/frequent_bigrams.txt``): the words people search for and
    the pairs in a large share of a newspaper's articles (是一, 日电), whose queries would otherwise read thousands of
    texts to verify."""
    return frozenset(_listed_bigrams())


@functools.lru_cache(maxsize=1)
def counted_bigrams() -> frozenset[str]:
    """The bigrams whose postings carry how often each article holds them: the first :data:`COUNTED_BIGRAMS` of
    ``resources/frequent_bigrams.txt`` (the commonest words, whose hits are too many to count in their texts)."""
    return frozenset(_listed_bigrams()[:COUNTED_BIGRAMS])


@functools.lru_cache(maxsize=1)
def frequent_runs() -> tuple[str, ...]:
    """The CJK runs of 3-8 characters indexed as exact terms (``resources/frequent_runs.txt``, most frequent
    first; closed under substrings: every run of 3+ characters inside a listed run is listed)."""
    text = resource_path("frequent_runs.txt").read_text(encoding="utf-8")
    _check_version(text, "frequent_runs.txt", RUNS_VERSION)
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


# Term keys: while an import runs, terms travel and are gathered as integers where they can (no
# string to hash per posting in the importing process): a CJK character is its code point, a
# frequent bigram and the two buckets of a rare one are offsets in ranges above Unicode. Latin and
# digit words stay strings. :func:`term_text` gives the index term of a key.
_FREQUENT_BASE = 0x110000
_HIGH_BASE = 0x120000
_LOW_BASE = 0x130000
_LOW_MASK = (1 << BUCKET_BITS) - 1
_RUN_BASE = _LOW_BASE + (1 << BUCKET_BITS)
_RUN_ROOM = 1 << 16
_KEY_LIMIT = _RUN_BASE + _RUN_ROOM


@functools.lru_cache(maxsize=1)
def _frequent_keys() -> tuple[dict[str, int], list[str]]:
    ordered = sorted(frequent_bigrams())
    if len(ordered) > _HIGH_BASE - _FREQUENT_BASE:
        raise ValueError(f"frequent_bigrams.txt: {len(ordered)} bigrams, more than the "
                         f"{_HIGH_BASE - _FREQUENT_BASE} keys kept for them")
    return {g: _FREQUENT_BASE + i for i, g in enumerate(ordered)}, ordered


@functools.lru_cache(maxsize=1)
def _run_keys() -> tuple[dict[str, int], frozenset[str], frozenset[str], dict[str, tuple[str, ...]]]:
    """Run → key; the listed trigrams; the pairs they start with; each listed run → the listed runs one
    character longer that start with it (how :func:`_present_runs` grows a text's runs from its trigrams)."""
    runs = frequent_runs()
    if len(runs) > _RUN_ROOM:
        raise ValueError(f"frequent_runs.txt: {len(runs)} runs, more than the {_RUN_ROOM} keys kept for them")
    longer: dict[str, list[str]] = {}
    for r in runs:
        if len(r) > 3:
            longer.setdefault(r[:-1], []).append(r)
    trigrams = frozenset(r for r in runs if len(r) == 3)
    return ({r: _RUN_BASE + i for i, r in enumerate(runs)}, trigrams, frozenset(t[:2] for t in trigrams),
            {k: tuple(v) for k, v in longer.items()})


def _present_runs(joined: str, pairs: list[str]) -> set[str]:
    """The listed runs (:func:`frequent_runs`) in ``joined`` (CJK runs joined by newlines; ``pairs`` its adjacent
    pairs, already hashed). Its trigrams at C speed — made only where a pair starts a listed trigram (~9% of
    the pairs of a newspaper's text: 0.18 s per 2.4 M characters against 0.30 for every trigram) —, then one
    length at a time: a listed run one character longer than a found one, starting with it and ending with
    another found one, is tested with ``in``. The list is closed under substrings, so a run in the text has both
    of its shorter pieces found the length before: a few tests an article, not a pass per length."""
    _, trigrams, starts, longer = _run_keys()
    mask = list(map(starts.__contains__, pairs))
    level = set(map(operator.add, compress(pairs, mask), compress(joined[2:], mask)))
    level &= trigrams
    found = set(level)
    while level:
        level = {r for g in level for r in longer.get(g, ()) if r[1:] in level and r in joined}
        found |= level
    return found


def _bucket_keys(grams: Iterable[str]) -> Iterator[int]:
    """The two bucket keys of each rare two-character string in ``grams`` (at C speed).

    The CRC-32 of the pair's UTF-8 gives two buckets of :data:`BUCKET_BITS`
    bits: ``#…`` from its high bits, ``$…`` from its low bits. A rare pair's
    candidates are the articles holding BOTH: at 10,000 pages a document
    reaches one bucket by collision with about 6% of chance and both with well
    under 1%, where one bucket left thousands of candidates to read and verify.
    (CRC-32 is a bijection on 32-bit inputs and mixes every input bit into
    both halves; the candidates are verified whatever the hash.)
    """
    crcs = list(map(zlib.crc32, map(str.encode, grams)))
    return chain(map(operator.add, map(operator.rshift, crcs, repeat(32 - BUCKET_BITS)), repeat(_HIGH_BASE)),
                 map(operator.add, map(operator.and_, crcs, repeat(_LOW_MASK)), repeat(_LOW_BASE)))


# Exact pair keys (a PostgreSQL index only, :mod:`reader.index.pg`): a rare pair both of whose characters are in
# [PAIR_FIRST, PAIR_FIRST + PAIR_SPAN), U+3000–U+E503 — kana, bopomofo, CJK Extension A, the unified ideographs,
# Hangul — has a key of its own, negative (below every other key) and one-to-one: -1 - (i * PAIR_SPAN + j) for the
# pair's offsets i, j in the range. PAIR_SPAN is the largest span whose square fits in the negative int4 keys.
PAIR_FIRST = 0x3000
PAIR_SPAN = 46340
#: an exact pair as an index term: the pair after this mark (words never hold it: they are ``[^\W_]+``)
PAIR_MARK = "%"


def pair_key(gram: str) -> int | None:
    """The exact key of a rare pair (two characters in the pair range, not a frequent bigram, which has its own
    term), else None (a frequent bigram, a pair with a character outside the range: its buckets answer)."""
    if len(gram) != 2 or gram in frequent_bigrams():
        return None
    i = ord(gram[0]) - PAIR_FIRST
    j = ord(gram[1]) - PAIR_FIRST
    if not (0 <= i < PAIR_SPAN and 0 <= j < PAIR_SPAN):
        return None
    return -1 - (i * PAIR_SPAN + j)


def _pair_of(key: int) -> str:
    i, j = divmod(-1 - key, PAIR_SPAN)
    return chr(PAIR_FIRST + i) + chr(PAIR_FIRST + j)


def rare_pairs(folded: str) -> dict[int, int]:
    """Exact key → places (where the pair starts: 哈哈 twice in 哈哈哈) of every rare pair of ``folded`` that has one
    (:func:`pair_key`): a pair never crosses two CJK runs. Counted at C speed a chunk of runs at a time, then one
    key computed per distinct pair (~1,200 pairs, ~600 of them rare, in an article of 1,650 characters)."""
    out: dict[int, int] = {}
    runs = _CJK_RUN_RE.findall(folded)
    for start in range(0, len(runs), 4096):
        joined = "\n".join(runs[start:start + 4096])
        for gram, n in Counter(map(operator.add, joined, joined[1:])).items():
            key = pair_key(gram)
            if key is not None:
                out[key] = n
    return out


def term_text(key: int) -> str:
    """The index term of a term key."""
    if key < 0:
        return PAIR_MARK + _pair_of(key)
    if key < _FREQUENT_BASE:
        return chr(key)
    if key < _HIGH_BASE:
        return _frequent_keys()[1][key - _FREQUENT_BASE]
    if key < _LOW_BASE:
        return "#%x" % (key - _HIGH_BASE)
    if key < _RUN_BASE:
        return "$%x" % (key - _LOW_BASE)
    return frequent_runs()[key - _RUN_BASE]


#: UTF-32 in this machine's byte order (read back as unsigned 32-bit integers)
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"

_CJK_CHAR_RE = re.compile(f"[{CJK_CLASS}]")


def term_key(term: str) -> int | str:
    """The term key of an index term (the inverse of :func:`term_text`); a Latin/digit word is itself.

    A single CJK character is its code point; a frequent bigram, a bucket (``#…``, ``$…``) and a frequent run
    their offsets above Unicode. Words never start with ``#`` or ``$`` (they are ``[^\\W_]+``) and hold no CJK.
    """
    if len(term) == 1 and _CJK_CHAR_RE.match(term):
        return ord(term)
    if term[:1] == PAIR_MARK and len(term) == 3:
        key = pair_key(term[1:])
        if key is None:
            raise ValueError(f"{term!r} is not a rare pair with an exact key")
        return key
    if term[:1] in "#$" and len(term) > 1:
        return (_HIGH_BASE if term[0] == "#" else _LOW_BASE) + int(term[1:], 16)
    key = _frequent_keys()[0].get(term) if len(term) == 2 else _run_keys()[0].get(term)
    return term if key is None else key


def term_keys(folded: str) -> tuple[set[int], set[str]]:
    """The index terms of a folded text: keys of its CJK characters, frequent bigrams, other bigrams' two
    buckets and frequent runs, and its Latin/digit words (:func:`counted_terms` without the counts)."""
    keys, words, _ = counted_terms(folded, counting=False)
    return keys, words


def counted_terms(folded: str, counting: bool = True) -> tuple[set[int], set[str], dict[int, int]]:
    """:func:`term_keys` of a folded text, and the key → count of each counted bigram (:func:`counted_bigrams`)
    it holds more than once (once is the default; every place the pair starts counts: 哈哈 twice in 哈哈哈).

    The CJK runs are taken :data:`TERMS_CHUNK` characters' worth at a time (:func:`_run_terms`): a pair never
    crosses two runs, so the terms are the same, and a text of millions of characters is never a string per
    character pair at once (1.2 GB for one article of 13 M characters).
    """
    runs = _CJK_RUN_RE.findall(folded)
    words = set(WORD_RE.findall(folded))
    if not runs:
        return set(), words, {}
    keys: set[int] = set()
    held: Counter[int] = Counter()
    start = size = 0
    for end, run in enumerate(runs, 1):
        size += len(run) + 1
        if size >= TERMS_CHUNK or end == len(runs):
            _run_terms(runs[start:end], keys, held if counting else None)
            start, size = end, 0
    return keys, words, {k: n for k, n in held.items() if n > 1}


#: the characters of CJK runs :func:`counted_terms` takes at once
TERMS_CHUNK = 1 << 18


def _run_terms(runs: list[str], keys: set[int], held: Counter[int] | None) -> None:
    """Add to ``keys`` the term keys of ``runs`` (CJK runs of one text) and to ``held`` (unless None) the count of
    each counted bigram in them.

    The runs are joined by newlines (never CJK) and their characters and adjacent pairs taken in one
    pass each at C speed; the pairs holding a newline (a run's last character and the next one's first) are
    dropped. A set update per run cost a third of a rebuild's reading time (~300 runs an article).
    """
    joined = "\n".join(runs)
    # the code points straight from the text's UTF-32 (no one-character string made per character)
    found = set(memoryview(joined.encode(_UTF32)).cast("I"))
    found.discard(10)  # the newline
    keys |= found
    pairs = list(map(operator.add, joined, joined[1:]))
    grams = set(pairs)  # hashes every pair once (the run search below looks them up again)
    keys.update(map(_run_keys()[0].__getitem__, _present_runs(joined, pairs)))
    grams.difference_update(map(operator.add, map(operator.itemgetter(-1), runs), repeat("\n")))
    grams.difference_update(map(operator.add, repeat("\n"), map(operator.itemgetter(0), runs)))
    exact = grams & frequent_bigrams()
    keys.update(map(_frequent_keys()[0].__getitem__, exact))
    grams -= exact
    keys.update(_bucket_keys(grams))
    if held is not None:
        _tally(pairs, exact, held)


def _tally(pairs: list[str], exact: set[str], held: Counter[int]) -> None:
    """Add to ``held`` (key → count) the counted bigrams among ``exact`` (a text's frequent bigrams) in ``pairs``
    (its adjacent pairs)."""
    counted = exact & counted_bigrams()
    if not counted:
        return
    key = _frequent_keys()[0]
    # only the counted pairs are tallied (picked at C speed): a third less time than tallying every pair
    for g, n in Counter(compress(pairs, map(counted.__contains__, pairs))).items():
        held[key[g]] += n


def terms(folded: str) -> set[str]:
    """The index terms of a folded text, as strings (see :func:`term_keys`)."""
    keys, words = term_keys(folded)
    return {term_text(k) for k in keys} | words


_SEP = "\x00"
#: :func:`counted_terms` packed to travel between processes cheaply: keys, words, (key, count) pairs
PackedTerms = tuple[bytes, str, bytes]


def pack_terms(folded: str) -> PackedTerms:
    """:func:`counted_terms` as bytes and a string (cheap to send between processes)."""
    keys, words, counts = counted_terms(folded)
    return (array("I", keys).tobytes(), _SEP.join(words),
            array("I", chain.from_iterable(counts.items())).tobytes())


#: characters this process has taken terms of one article at a time (:func:`pack_terms_many`), and how many it takes
#: so before computing them by numpy (:mod:`reader.index.manyterms`): importing numpy costs ~100 ms once, about what
#: :func:`counted_terms` spends on 50,000 characters — a reading process (a page: ~9,000) rents until it would have
#: paid the price, as :data:`reader.index.whoosh_writer.NUMPY_AFTER` does
_python_chars = 0
NUMPY_CHARS = 50_000


def pack_terms_many(texts: Sequence[str]) -> list[PackedTerms]:
    """:func:`pack_terms` of each of ``texts`` (the same keys, words and counts; keys and counts in another order),
    by :mod:`reader.index.manyterms` once numpy is imported or this process has taken :data:`NUMPY_CHARS` characters
    one article at a time."""
    global _python_chars
    if "numpy" not in sys.modules and _python_chars < NUMPY_CHARS:
        _python_chars += sum(map(len, texts))
        return [pack_terms(text) for text in texts]
    from reader.index.manyterms import counted_terms_many

    return [(keys.tobytes(), _SEP.join(words), array("I", chain.from_iterable(counts.items())).tobytes())
            for keys, words, counts in counted_terms_many(texts)]


def unpack_terms(packed: PackedTerms) -> tuple[array[int], list[str], dict[int, int]]:
    """The term keys, words and counts :func:`pack_terms` packed."""
    keys: array[int] = array("I")
    keys.frombytes(packed[0])
    pairs: array[int] = array("I")
    pairs.frombytes(packed[2])
    return keys, packed[1].split(_SEP) if packed[1] else [], dict(zip(pairs[::2], pairs[1::2], strict=True))


def cjk_terms(run: str) -> tuple[list[str], bool]:
    """Terms whose AND gives the candidates for a CJK run, and whether they are exact alone.

    One character: its unigram, exact. Two: the bigram's own term when it is a
    frequent one, exact; else both characters and the bigram's two buckets
    (a rare character weeds out collisions; a common one is skipped by
    :meth:`Index.nums` with ``superset``). Three or more: the run's own term
    when it is a frequent run (:func:`frequent_runs`), exact; else the longest
    frequent runs inside it (one inside another adds nothing) and the terms of
    its bigrams that none of them covers. A bucket holds many bigrams, and
    terms in an article need not be adjacent in it, so those candidates are
    verified. The bigrams of a common run are correlated (中国, 国人 and 人民
    are each in ~40% of the articles); its frequent pieces are not as much.
    """
    if len(run) == 1:
        return [run], True
    frequent = frequent_bigrams()
    if len(run) == 2 and run in frequent:
        return [run], True
    listed = _run_keys()[0]
    if run in listed:
        return [run], True
    keys = _longest_runs(run, listed)
    covered = {i for piece, start in keys for i in range(start, start + len(piece) - 1)}
    out = [piece for piece, _ in keys]
    for i in range(len(run) - 1):
        gram = run[i:i + 2]
        if i not in covered:
            out.extend((gram,) if gram in frequent else map(term_text, _bucket_keys((gram,))))
    out = list(dict.fromkeys(out))
    if len(run) == 2:
        return list(dict.fromkeys(run)) + out, False
    return out, False


def _longest_runs(run: str, listed: dict[str, int]) -> list[tuple[str, int]]:
    """The frequent runs inside ``run`` that no longer one inside it holds, with where each starts."""
    found: list[tuple[str, int]] = []
    for start in range(len(run) - 2):
        for n in range(min(8, len(run) - start), 2, -1):  # the longest listed run starting here
            piece = run[start:start + n]
            if piece in listed:
                if not found or start + n > found[-1][1] + len(found[-1][0]):
                    found.append((piece, start))  # not inside the previous one (it starts before)
                break
    return found
