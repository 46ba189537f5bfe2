"""Character classes and widths for newspaper text in Chinese and Latin scripts.

Widths are in em following East Asian Width: wide and full-width characters
(CJK ideographs, kana, full-width punctuation) are 1 em, narrow ones 0.5 em,
spaces 0. Ambiguous characters (curly quotes, ellipsis, em dash) are set
full-width by Chinese fonts and count 1 em next to CJK text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Characters that end a sentence (and so may end a paragraph).
SENTENCE_END = "。！？!?…；;"
#: Closers that may follow a sentence end: quotes, brackets.
CLOSERS = "”’」』）)】〕》>\"'"
#: Opening quotes and brackets.
OPENERS = "“‘「『（(【〔《<"
#: quotation marks a name (a headline quoting a phrase) may open on: quoted again, its marks doubled ("““…”")
OPENING_QUOTES = "“‘「『«‹„‚\"'"


def opens_on_quote(text: str) -> bool:
    """True when ``text`` opens on a quotation mark of its own: quote it no more (a headline
    "“当前的中美关系…”网络研讨会" was listed as merged into "““当前的中美关系…", seen by eye)."""
    return text[:1] in OPENING_QUOTES if text else False
#: Punctuation that shows a sentence goes on.
CONTINUING = "，、：:,"


@lru_cache(maxsize=4096)
def is_cjk(ch: str) -> bool:
    """True for Han ideographs (all blocks), kana, hangul and bopomofo."""
    o = ord(ch)
    return (
        0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3FFFF
        or 0x3040 <= o <= 0x30FF
        or 0x3100 <= o <= 0x312F
        or 0xAC00 <= o <= 0xD7AF
        or 0xE000 <= o <= 0xF8FF  # private-use glyphs stand in for rare Han characters
        or o == 0x3007  # 〇
    )


@lru_cache(maxsize=4096)
def is_wide(ch: str) -> bool:
    """True for characters set on a full em in CJK text (ideographs and full-width forms)."""
    if is_cjk(ch):
        return True
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F"):
        return True
    # ambiguous punctuation a Chinese font sets full width
    return ch in AMBIGUOUS


#: Marks a Chinese font sets on a full em and a Latin font narrow: curly quotes, ellipsis, em dash, middle dot,
#: squares, lozenges, circles, stars and triangles. :func:`is_wide` counts them (their width in CJK text);
#: whether they stand as wide where they are, so that the spaces beside them are layout, is
#: :func:`wide_at`'s question.
AMBIGUOUS = frozenset("“”‘’…—·■□◆◇●○★☆▲△")


def wide_at(text: str, k: int) -> bool:
    """Whether ``text[k]`` stands as a wide character where it is: an ideograph or full-width form always; a
    mark of :data:`AMBIGUOUS` when the nearest letter or wide character on either side of it (spaces, digits,
    other marks passed over) is wide. "the bridge — and", "fer. — Service", "resté ■ dans" are Latin text, the
    spaces printed; "据了解 — 当地", "3 — 4条" are Chinese, the spaces layout. False outside the text."""
    if not 0 <= k < len(text):
        return False
    ch = text[k]
    if ch not in AMBIGUOUS:
        return is_wide(ch)
    return _nearest_is_wide(text, k, -1) or _nearest_is_wide(text, k, 1)


def _nearest_is_wide(text: str, k: int, step: int) -> bool:
    """Whether the nearest letter or wide character from ``k`` in the direction ``step`` (not counting
    :data:`AMBIGUOUS` marks) is wide; False when there is none."""
    k += step
    while 0 <= k < len(text):
        c = text[k]
        if c not in AMBIGUOUS:
            if is_wide(c):
                return True
            if c.isalpha():
                return False
        k += step
    return False


def latin_running(text: str) -> bool:
    """Whether ``text`` reads as Latin running text: two Latin words or more, with at least twice as many Latin
    letters as wide characters. There a Chinese word is set between spaces that are printed ("Shanghai 上海 is a
    city"); in a Chinese line the spaces a PDF puts around a Latin word or a number are layout ("中国 GDP 增长")."""
    letters = wide = words = 0
    for token in text.split():
        latin = 0
        for c in token:
            if is_wide(c):
                wide += 1
            elif c.isalpha():
                latin += 1
        letters += latin
        words += latin > 0
    return words >= 2 and letters >= 2 * wide


def is_cjk_text_char(ch: str) -> bool:
    """A character of CJK running text: an ideograph or wide punctuation."""
    return is_wide(ch) and not ch.isspace()


def char_width(ch: str) -> float:
    if ch.isspace():
        return 0.0
    if is_wide(ch):
        return 1.0
    if unicodedata.combining(ch):
        return 0.0
    return 0.5


#: Full-width punctuation that typesetters compress to half an em next to another mark.
COMPRESSIBLE = "，。、；：？！“”‘’「」『』（）《》〈〉【】"
QUOTES = "“”‘’"


def em_width(text: str, quote: float = 1.0) -> float:
    """Width of ``text`` in em: wide characters 1, narrow 0.5, spaces 0.

    Curly quotes count ``quote`` em (1 in most Chinese fonts, 0.5 in some);
    two adjacent full-width punctuation marks are set in 1.5 em, as Chinese
    typesetting compresses them.
    """
    # a run of two ideographs or more counts one em a character and is no compressible mark: it is passed over
    # as one ideograph (its other characters counted here), so the loop below sees the marks, Latin and spaces
    # between the runs — a few characters of a line of CJK text instead of all of them (widths are multiples of
    # 0.5 em: the sum is exact in any order)
    short = _IDEOGRAPH_RUNS.sub("\u4e00", text)
    total = float(len(text) - len(short))
    prev_punct = False
    table = _EM_CHARS
    for c in short:
        known = table.get(c)
        if known is None:
            known = _em_char(c)
        w, punct = known
        if w is None:  # whitespace
            continue
        if w < 0.0:  # a curly quote
            w = quote
        if punct and prev_punct and w == 1.0:
            w = 0.5
            punct = False
        total += w
        prev_punct = punct
    return total


#: runs of CJK ideographs (the two main blocks), which :func:`em_width` counts without looking at them one by one
_IDEOGRAPH_RUNS = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]{2,}")
#: per character: (width, compressible) for :func:`em_width`; width None for whitespace, -1 for a curly quote
_EM_CHARS: dict[str, tuple[float | None, bool]] = {}


def _em_char(c: str) -> tuple[float | None, bool]:
    """What :func:`em_width` needs to know of one character (remembered: it runs for every line of a page)."""
    if c.isspace():
        known: tuple[float | None, bool] = (None, False)
    else:
        known = (-1.0 if c in QUOTES else char_width(c), c in COMPRESSIBLE)
    if len(_EM_CHARS) < 65536:
        _EM_CHARS[c] = known
    return known


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation, closing quotes allowed after it."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1]
    return bool(t) and t[-1] in SENTENCE_END


def ends_continuing(text: str) -> bool:
    """True when the last character shows the sentence goes on (comma, colon, enumeration comma)."""
    t = text.rstrip()
    return bool(t) and t[-1] in CONTINUING


def cjk_count(text: str) -> int:
    return sum(1 for c in text if is_cjk(c))


def is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and not is_wide(ch)


#: an unreadable character (a glyph the transcriber could not give): the geta mark 〓, the printers' sign for
#: a missing character. Outside every CJK range: never indexed; a query holding it finds nothing and no
#: phrase matches across it (reader.search.query).
UNREADABLE = "\u3013"
