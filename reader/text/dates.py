"""Dates as Chinese papers print them, and the Minguo date beside the Gregorian one.

Republican-era papers date their issues by the year of the Republic: 中華民國二十八年四月廿二日
is 1939-04-22 (Minguo year N is 1911 + N; 民國元年 is 1912). Researchers type dates the way
the page prints them, so every date the reader enters (the ``date:`` filter, ``--from``/``--to``,
the timeline) goes through :func:`parse_date`, which reads:

* Minguo years: 民國二十八年四月, 民国28年, 中華民國廿八年四月廿二日, 民國元年, 民國二八年;
* Gregorian years with 年/月/日: 1939年4月, 一九三九年四月二十二日, ３９ is not a year (two digits
  need 民國);
* Chinese numerals ○〇零一…十, 廿 (20), 卅 (30), 卌 (40), 百, 千 and the financial forms
  (壹貳參…拾); digit-by-digit years (一九三九, 二八); full-width digits (１９３９年４月);
* ISO dates and their shorter forms: 1939, 1939-04, 1939-04-22 (also with / or .).

A date is a :class:`PrintedDate` of year, month and day, the latter two optional: a month means
the whole month. :func:`filter_value` turns a filter's value (one date, or a range with ``..``,
至, 到 or ~) into the ISO form the search engine compares; :func:`minguo` and
:func:`with_minguo` write the Minguo date for display.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass

from reader.model.errors import QT_TRANSLATE_NOOP, BroadsheetError

#: the first and last years a Chinese paper dated by the Republic is shown with its Minguo date
MINGUO_YEARS = (1912, 1949)
MINGUO_EPOCH = 1911

_DIGITS = {"〇": 0, "○": 0, "零": 0, "０": 0, "一": 1, "壹": 1, "弌": 1, "二": 2, "貳": 2, "贰": 2, "兩": 2,
           "两": 2, "三": 3, "參": 3, "叁": 3, "叄": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陸": 6,
           "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_TENS = {"十": 10, "拾": 10, "廿": 20, "念": 20, "卅": 30, "卌": 40}
_UNITS = {"百": 100, "佰": 100, "千": 1000, "仟": 1000}
_NUMERAL = "".join(_DIGITS) + "".join(_TENS) + "".join(_UNITS) + "0-9"
_N = f"[{_NUMERAL}]+"

_ERA = r"(?:中華民國|中华民国|民國|民国)"
_CJK_DATE = re.compile(
    rf"^(?P<era>{_ERA})?\s*(?:(?P<y>{_N}|元)\s*年)?\s*(?:(?P<m>{_N}|正)\s*月)?\s*(?:(?P<d>{_N})\s*[日號号])?$")
_ISO = re.compile(r"^(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?)?$")
_RANGE = re.compile(r"\.\.|至|到|~")

_SHOWN_DIGITS = "〇一二三四五六七八九"


class DateError(BroadsheetError, ValueError):
    """A date the reader typed cannot be: the message says which and why (one sentence)."""


@dataclass(frozen=True)
class PrintedDate:
    """A year, or a month of it, or a day: what a printed date names."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """``1939``, ``1939-04`` or ``1939-04-22``."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out


def chinese_number(text: str) -> int | None:
    """The value of a number in Chinese numerals or digits (二十八, 廿八, 二八, 一九三九, 28); None if not one."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return int(text) if text.isdigit() else None
    if all(ch in _DIGITS or ch.isdigit() for ch in text):  # digit by digit: 一九三九, 二八
        return int("".join(str(_DIGITS[ch]) if ch in _DIGITS else ch for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch.isdigit():
            digit = int(ch)
        elif ch in _TENS:
            total += _TENS[ch] * (digit if digit is not None and _TENS[ch] == 10 else 1)
            digit = None
        elif ch in _UNITS:
            total += _UNITS[ch] * (digit if digit is not None else 1)
            digit = None
        else:
            return None
    return total + (digit or 0)


def _year(text: str | None, era: bool) -> int | None:
    if text is None:
        return None
    if text == "元":
        return MINGUO_EPOCH + 1 if era else None
    n = chinese_number(text)
    if n is None:
        return None
    if era:
        return MINGUO_EPOCH + n
    return n if n >= 1000 else None  # 二十八年 alone names no year: it needs 民國


def _checked(year: int, month: int | None, day: int | None, text: str) -> PrintedDate:
    if month is not None and not 1 <= month <= 12:
        raise DateError.of("dates", QT_TRANSLATE_NOOP("dates", "date {text!r}: there is no month {month}"),
                           text=text, month=month)
    if day is not None:
        if month is None:
            raise DateError.of("dates", QT_TRANSLATE_NOOP("dates", "date {text!r}: a day needs its month"), text=text)
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise DateError.of("dates",
                               QT_TRANSLATE_NOOP("dates", "date {text!r}: {year}-{month:02d} has no day {day}"),
                               text=text, year=year, month=month, day=day)
    return PrintedDate(year, month, day)


def parse_date(text: str, context: PrintedDate | None = None) -> PrintedDate | None:
    """The date ``text`` prints, or None when it is not a date at all; :class:`DateError` when it is one
    that cannot be (month 13). ``context`` gives the year (and month) a range's second half leaves out
    (民國二十八年四月至六月)."""
    norm = unicodedata.normalize("NFKC", text).strip()
    if not norm:
        return None
    m = _ISO.match(norm)
    if m:
        month, day = m.group("m"), m.group("d")
        return _checked(int(m.group("y")), int(month) if month else None, int(day) if day else None, text)
    m = _CJK_DATE.match(norm)
    if not m or not any(m.group(g) for g in ("y", "m", "d")):
        return None
    year = _year(m.group("y"), bool(m.group("era")))
    month = 1 if m.group("m") == "正" else chinese_number(m.group("m")) if m.group("m") else None
    day = chinese_number(m.group("d")) if m.group("d") else None
    if year is None:
        if m.group("y") is not None or context is None:
            return None
        year = context.year
        if month is None and day is not None:
            month = context.month
    return _checked(year, month, day, text)


def iso_date(text: str, context: PrintedDate | None = None) -> str | None:
    """The ISO form (``1939-04``) of a printed date, or None when ``text`` is not one."""
    found = parse_date(text, context)
    return found.iso() if found else None


def filter_value(value: str) -> str:
    """A ``date:`` filter's value with every printed date in ISO form: 民國二十八年四月 → ``1939-04``,
    民國二十八年四月至六月 → ``1939-04..1939-06``. What is not a date is left as typed, for the caller's
    own message; a date that cannot be (month 13) raises :class:`DateError`."""
    norm = unicodedata.normalize("NFKC", value)
    m = _RANGE.search(norm)
    if not m:
        return iso_date(norm) or value.strip()
    lo_text, hi_text = norm[:m.start()].strip(), norm[m.end():].strip()
    lo = parse_date(lo_text) if lo_text else None
    hi = parse_date(hi_text, lo) if hi_text else None
    return f"{lo.iso() if lo else lo_text}..{hi.iso() if hi else hi_text}"


def _shown(n: int) -> str:
    """A day, month or Minguo year in Chinese numerals, as papers print them (二十八, 十二, 三十一)."""
    tens, ones = divmod(n, 10)
    if n < 10:
        return _SHOWN_DIGITS[n]
    head = "" if tens == 1 else _SHOWN_DIGITS[tens]
    return f"{head}十{_SHOWN_DIGITS[ones] if ones else ''}"


def minguo(date: str) -> str | None:
    """The Minguo form of an ISO date (1939-04-22 → 民國二十八年四月二十二日), None outside the Republic."""
    found = parse_date(date) if _ISO.match(date or "") else None
    if found is None or found.year <= MINGUO_EPOCH:
        return None
    n = found.year - MINGUO_EPOCH
    out = f"民國{'元' if n == 1 else _shown(n)}年"
    if found.month is not None:
        out += f"{_shown(found.month)}月"
        if found.day is not None:
            out += f"{_shown(found.day)}日"
    return out


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def is_republican_chinese(date: str, publication: str = "", language: str = "") -> bool:
    """Is this the issue of a Chinese paper of the Republic (1912–1949)? Chinese: the source says zh, or
    the publication's name is written in Chinese characters."""
    m = _ISO.match(date or "")
    if not m or not MINGUO_YEARS[0] <= int(m.group("y")) <= MINGUO_YEARS[1]:
        return False
    return language.lower().startswith(("zh", "chi", "zho")) or _cjk(publication)


def minguo_of(date: str, publication: str = "", language: str = "") -> str | None:
    """The Minguo date of an issue of a Chinese paper of the Republic, None for any other issue."""
    return minguo(date) if is_republican_chinese(date, publication, language) else None


def with_minguo(date: str, publication: str = "", language: str = "") -> str:
    """The date as shown: ``1939-04-22 (民國二十八年四月二十二日)`` for a Chinese paper of the Republic,
    the date alone otherwise (the window's library tree and status bar, ``broadsheet show``)."""
    shown = minguo_of(date, publication, language)
    return f"{date} ({shown})" if shown else date
