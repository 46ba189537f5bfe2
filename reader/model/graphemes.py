"""Where a text may be cut for display: between user-perceived characters (extended grapheme clusters), never
inside one.

A supplied title, a snippet, a note quoted in a message or a concordance's context is the text cut short. A cut
between a letter and its combining mark ("Aufkla" + U+0364, the small e over the a of old German print) shows a
letter the page does not have; so does one between an ideograph and its variation selector (U+FE00–FE0F,
U+E0100–E01EF), inside an emoji's ZWJ sequence or between a Hangul syllable's jamo. Every cut for display goes
through :func:`clip` (or :func:`floor`/:func:`ceil` for a cut made otherwise); ``regex``'s ``\\X`` is the Unicode
rule (UAX #29).
"""

from __future__ import annotations

import regex

_CLUSTER = regex.compile(r"\X")
#: how far before a cut the clusters are read from (a cluster longer than this is no text of a page)
_REACH = 64


def floor(text: str, n: int) -> int:
    """The largest cluster boundary in ``text`` at ``n`` or before it (``n`` itself when it is one)."""
    if n <= 0:
        return 0
    if n >= len(text):
        return len(text)
    start, lowest = n, max(0, n - _REACH)
    while start > lowest and not text[start - 1].isspace():  # from after a space: a cluster begins there
        start -= 1
    best = start
    for m in _CLUSTER.finditer(text, start, min(len(text), n + _REACH)):
        if m.end() > n:
            break
        best = m.end()
    return best


def ceil(text: str, n: int) -> int:
    """The smallest cluster boundary in ``text`` at ``n`` or after it."""
    if n <= 0:
        return 0
    if n >= len(text):
        return len(text)
    b = floor(text, n)
    if b == n:
        return n
    m = _CLUSTER.match(text, b)
    return m.end() if m is not None else n


def is_boundary(text: str, n: int) -> bool:
    """Whether a cut at ``n`` falls between two clusters."""
    return floor(text, n) == n


def head(text: str, n: int) -> str:
    """The first ``n`` characters of ``text`` or fewer: no cluster cut."""
    return text[:floor(text, n)]


def tail(text: str, n: int) -> str:
    """The last ``n`` characters of ``text`` or fewer: no cluster cut."""
    return text[ceil(text, max(0, len(text) - n)):]


def clip(text: str, n: int, mark: str = "…") -> str:
    """``text`` whole when it has ``n`` characters at most, else its first ``n`` or fewer (no cluster cut) and
    ``mark`` after them."""
    if len(text) <= n:
        return text
    return head(text, n) + mark
