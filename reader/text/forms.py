"""The three forms of an article's text: original, folded (what search sees) and display.

* original — the reflowed text exactly as the source has it (``Article.text``).
* folded — what the index holds and what queries are folded to. Folding is a
  map applied CHARACTER BY CHARACTER — NFKC, case-fold, accents stripped (NFKD
  minus combining marks), œ and æ spelled oe and ae (as case-folding spells ß
  ss), OpenCC ``t2s`` with its character table — followed by removing
  horizontal whitespace between two CJK characters. Because every
  step but the last works on one character at a time, ``fold(q) in fold(t)``
  means "q occurs in t up to script, width, case and accents": context-dependent
  phrase conversion is kept out of the search path on purpose (OpenCC's phrase
  table would fold ``乾`` differently inside ``乾隆`` and on its own, so a
  one-character query could miss). Newlines are kept, so a CJK query never
  matches across two parts of an article (``Article.text`` joins parts with a
  blank line).
* display — the original converted by an OpenCC configuration the reader
  picks (``s2t``, ``t2s``, ``s2tw``, ``s2hk``, ``tw2s``, the phrase
  configurations ``s2twp``/``tw2sp`` …) with an offset map, so highlights and
  annotations land on the same characters in any script.

Offset maps are lists: ``omap[i]`` is the index in the original text of the
character at index ``i`` of the derived text, and ``len(omap) == len(derived)``.
:func:`to_original` maps a derived ``[start, end)`` range back; :func:`from_original`
maps an original range forward. Offsets are Python code points; :func:`utf16_offset`
converts for Qt (``t2s`` maps some BMP characters to astral ones, 鍒→𫔄).
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
import unicodedata
from functools import lru_cache

import opencc

from reader.text.chars import UNREADABLE

log = logging.getLogger(__name__)

#: OpenCC configurations offered for display (none = the original).
DISPLAY_CONFIGS = (
    "none", "s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "t2tw", "t2hk", "tw2t", "hk2t",
    "s2twp", "tw2sp", "t2jp", "jp2t",
)

#: Character class of CJK characters as :func:`reader.text.chars.is_cjk` defines them.
CJK_CLASS = (
    "\u3007\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    "\ue000-\uf8ff\uf900-\ufaff\U00020000-\U0003ffff"
)
CJK_RE = re.compile(f"[{CJK_CLASS}]")
CJK_RUN_RE = re.compile(f"[{CJK_CLASS}]+")
#: Horizontal whitespace between two CJK characters: removed by folding.
_GAP_RE = re.compile(f"(?<=[{CJK_CLASS}])[^\\S\\n]+(?=[{CJK_CLASS}])")

_converters: dict[str, opencc.OpenCC] = {}
_converters_lock = threading.Lock()


def converter(config: str) -> opencc.OpenCC:
    """One cached OpenCC converter per configuration (building one reads its dictionaries)."""
    conv = _converters.get(config)
    if conv is None:
        with _converters_lock:
            conv = _converters.get(config)
            if conv is None:
                if config not in DISPLAY_CONFIGS or config == "none":
                    raise ValueError(f"unknown OpenCC configuration {config!r}")
                conv = opencc.OpenCC(config)
                _converters[config] = conv
    return conv


# ---------------------------------------------------------------- folding

_fold_lock = threading.Lock()


#: the version of folding: raised when a character folds otherwise (the index's term layout names it, so an index of
#: another folding is rebuilt; the catalogue's stored folded texts are migrated). 2: œ → oe, æ → ae.
FOLD_VERSION = 2
#: letters Unicode does not decompose that folding spells out, as case-folding spells ß as ss: l'œuvre is oeuvre
_SPELLED_OUT = str.maketrans({"œ": "oe", "æ": "ae"})


def _fold_char(ch: str) -> str:
    s = unicodedata.normalize("NFKC", ch).casefold()
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = unicodedata.normalize("NFKC", s).translate(_SPELLED_OUT)
    if s and CJK_RE.search(s):
        s = "".join(converter("t2s").convert(c) if CJK_RE.match(c) else c for c in s)
    return s


class _FoldTable(dict[int, str]):
    """ord(char) → folded string, for ``str.translate`` (C speed).

    A character met for the first time is folded by :func:`_fold_char` and
    kept: ``str.translate`` asks ``__missing__`` for it. Characters whose
    folded form is not exactly one character are also collected in
    :data:`_NOT_ONE` (they need a real offset map).
    """

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(folded) != 1:
            global _NOT_ONE_RE
            with _fold_lock:
                _NOT_ONE.add(chr(code))
                _NOT_ONE_RE = re.compile("[" + "".join(map(re.escape, sorted(_NOT_ONE))) + "]")
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()
#: characters whose folded form is not exactly one character, and a pattern finding them
_NOT_ONE: set[str] = set()
_NOT_ONE_RE: re.Pattern[str] | None = None


#: (table size when compiled, a pattern finding any character NOT known to fold to exactly one character)
_one_re: tuple[int, re.Pattern[str]] | None = None


def _class_of(codes: list[int]) -> str:
    """A regular-expression character class body for the sorted code points ``codes`` (runs as ranges)."""
    out: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(re.escape(chr(codes[i])) + ("" if i == j else "-" + re.escape(chr(codes[j]))))
        i = j + 1
    return "".join(out)


def folds_one_to_one(text: str) -> bool:
    """Whether every character of ``text`` is known to fold to exactly one character. Then :func:`fold`'s map is
    the identity up to the whitespace it removes between CJK characters, and a folded text as long as ``text``
    has the same offsets (a concordance then needs no map: folding a text again is most of its cost).

    A pattern of the characters known to fold to one finds the others at C speed; it is rebuilt when the fold
    table has grown by a quarter (36 ms for 11,000 characters). The characters it finds are looked up one by one,
    and one this process has not folded yet is folded now and kept (a new process's first concordance folded
    every fourth article again in full, as long as its characters were not known).
    """
    global _one_re
    cached = _one_re
    size = len(_FOLD_TABLE)
    if cached is None or size >= cached[0] * 5 // 4 + 256:
        with _fold_lock:
            ones = sorted(code for code, folded in list(_FOLD_TABLE.items()) if len(folded) == 1)
            cached = (size, re.compile(f"[^{_class_of(ones)}]" if ones else "(?s:.)"))
            _one_re = cached
    table = _FOLD_TABLE
    return all(len(table[ord(m.group())]) == 1 for m in cached[1].finditer(text))


def fold_text(text: str) -> str:
    """The folded form of ``text`` (no offset map): the fast path used when importing."""
    return _GAP_RE.sub("", text.translate(_FOLD_TABLE))


def fold(text: str) -> tuple[str, list[int]]:
    """The folded form of ``text`` and the map folded index → original index."""
    mapped = text.translate(_FOLD_TABLE)
    not_one = _NOT_ONE_RE
    if len(mapped) == len(text) and (not_one is None or not not_one.search(text)):
        omap = list(range(len(text)))
    else:
        omap = []
        table = _FOLD_TABLE
        for i, c in enumerate(text):
            omap.extend([i] * len(table[ord(c)]))
    return drop(mapped, omap, _GAP_RE)


def drop(text: str, omap: list[int], pattern: re.Pattern[str]) -> tuple[str, list[int]]:
    """``text`` without the matches of ``pattern``, and ``omap`` (text index → original) kept in step."""
    gaps = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not gaps:
        return text, omap
    out: list[str] = []
    keep: list[int] = []
    pos = 0
    for start, end in gaps:
        out.append(text[pos:start])
        keep.extend(omap[pos:start])
        pos = end
    out.append(text[pos:])
    keep.extend(omap[pos:])
    return "".join(out), keep


#: Punctuation, symbols and spaces between two CJK characters (newlines stay: a part ends there; so does the
#: unreadable-glyph mark 〓, a gap in the OCR that no search may cross).
PUNCT_GAP_RE = re.compile(f"(?<=[{CJK_CLASS}])[^\\w\\n{UNREADABLE}]+(?=[{CJK_CLASS}])")


def exact(text: str) -> tuple[str, list[int]]:
    """``text`` as printed, only layout whitespace between two CJK characters removed, and its offset map:
    what ``--match exact`` compares (no script, width or case folding)."""
    return drop(text, list(range(len(text))), _GAP_RE)


def exact_text(text: str) -> str:
    """:func:`exact` without the map."""
    return _GAP_RE.sub("", text)


def without_punct(text: str, omap: list[int]) -> tuple[str, list[int]]:
    """``text`` without punctuation, symbols and spaces between two CJK characters (``--ignore-punct``):
    中國、金融 reads 中國金融. ``omap`` is kept in step."""
    return drop(text, omap, PUNCT_GAP_RE)


def without_punct_text(text: str) -> str:
    """:func:`without_punct` without the map."""
    return PUNCT_GAP_RE.sub("", text)


def fold_query(text: str) -> str:
    """A query term folded like the text; whitespace between CJK characters goes too."""
    return fold_text(text).strip()


# ---------------------------------------------------------------- display


#: the configurations that read their input as simplified script, and what shows a source already in traditional
#: script in the same script: its regional forms (t2tw, t2hk) or itself (繁體). Seen by eye: 繁體/臺灣/香港 ran s2t on
#: the Jing bao, whose 云 became 雲 ("協定雲"), 咸 鹹, 里 裏 and the actor 余叔岩 餘叔巖 — text the page does not print.
FROM_TRADITIONAL = {"s2t": "none", "s2tw": "t2tw", "s2twp": "t2tw", "s2hk": "t2hk"}


def is_traditional(text: str) -> bool:
    """True when ``text`` is mostly traditional script (folding to simplified changes it)."""
    sample = "".join(c for c in text[:300] if CJK_RE.match(c))
    if not sample:
        return False
    simplified = display(sample, "t2s")[0]
    changed = sum(1 for a, b in zip(sample, simplified, strict=False) if a != b)
    return changed >= max(1, len(sample) // 40)


def config_for(config: str, text: str) -> str:
    """The OpenCC configuration that shows ``text`` (an article's, a document's) in the script ``config`` asks for:
    the configuration itself, but for a text already in traditional script asked for in a traditional one
    (:data:`FROM_TRADITIONAL`)."""
    return config_for_script(config, config in FROM_TRADITIONAL and is_traditional(text))


def config_for_script(config: str, traditional: bool) -> str:
    """:func:`config_for` for a text already judged: ``traditional``, whether it is in traditional script (a list
    of many articles judges each once and keeps the answer)."""
    if traditional and config in FROM_TRADITIONAL:
        return FROM_TRADITIONAL[config]
    return config


def display(text: str, config: str | None) -> tuple[str, list[int]]:
    """``text`` converted by OpenCC ``config`` (None or "none": unchanged) and its offset map.

    The 1:1 configurations keep the length and get the identity map. Phrase
    configurations may change length: each CJK run is converted on its own
    (phrases never cross punctuation or Latin text), runs that kept their
    length map 1:1, and a run that changed length maps each converted
    character proportionally into the original run, so a highlight lands on
    the right phrase.
    """
    if not config or config == "none":
        return text, list(range(len(text)))
    conv = converter(config)
    converted = conv.convert(text)
    if len(converted) == len(text):
        return converted, list(range(len(text)))
    out: list[str] = []
    omap: list[int] = []
    pos = 0
    for m in CJK_RUN_RE.finditer(text):
        if m.start() > pos:
            chunk = conv.convert(text[pos:m.start()])
            out.append(chunk)
            omap.extend(_spread(pos, m.start() - pos, len(chunk)))
        run = conv.convert(m.group())
        out.append(run)
        omap.extend(_spread(m.start(), m.end() - m.start(), len(run)))
        pos = m.end()
    if pos < len(text):
        chunk = conv.convert(text[pos:])
        out.append(chunk)
        omap.extend(_spread(pos, len(text) - pos, len(chunk)))
    return "".join(out), omap


def _spread(start: int, n_orig: int, n_new: int) -> list[int]:
    if n_orig == n_new:
        return list(range(start, start + n_orig))
    if n_new == 0:
        return []
    return [start + min(n_orig - 1, (k * n_orig) // n_new) for k in range(n_new)]


# ---------------------------------------------------------------- offsets


def to_original(omap: list[int], start: int, end: int, original_length: int | None = None) -> tuple[int, int]:
    """The original range ``[s, e)`` covering derived characters ``[start, end)``."""
    if not omap or start >= len(omap):
        n = original_length if original_length is not None else (omap[-1] + 1 if omap else 0)
        return n, n
    end = max(end, start + 1)
    s = omap[start]
    last = omap[min(end, len(omap)) - 1]
    return s, last + 1


def from_original(omap: list[int], start: int, end: int) -> tuple[int, int]:
    """The derived range covering original characters ``[start, end)`` (omap is non-decreasing)."""
    s = bisect.bisect_left(omap, start)
    e = bisect.bisect_left(omap, end)
    return s, max(s, e)


@lru_cache(maxsize=256)
def _utf16_prefix(text: str) -> tuple[int, ...]:
    acc = [0]
    for c in text:
        acc.append(acc[-1] + (2 if ord(c) > 0xFFFF else 1))
    return tuple(acc)


def utf16_offset(text: str, index: int) -> int:
    """The UTF-16 (QString) offset of code-point ``index`` in ``text``."""
    if text.isascii() or all(ord(c) <= 0xFFFF for c in text[:index]):
        return index
    return _utf16_prefix(text)[index]
