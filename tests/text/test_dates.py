"""Dates as Chinese papers print them: Minguo years, Chinese numerals, full-width digits; the Minguo date shown."""

from __future__ import annotations

import pytest

from reader.text.dates import (
    DateError,
    PrintedDate,
    chinese_number,
    filter_value,
    iso_date,
    minguo,
    parse_date,
    with_minguo,
)


@pytest.mark.parametrize(("text", "value"), [
    ("二十八", 28), ("廿八", 28), ("十八", 18), ("十", 10), ("卅一", 31), ("二八", 28), ("一九三九", 1939),
    ("一千九百三十九", 1939), ("一百零三", 103), ("貳拾捌", 28), ("〇", 0), ("28", 28), ("２８", 28),
    ("年", None), ("abc", None),
])
def test_chinese_numbers(text: str, value: int | None) -> None:
    assert chinese_number(text) == value


@pytest.mark.parametrize(("text", "iso"), [
    ("民國二十八年四月", "1939-04"),
    ("民国28年", "1939"),
    ("民國二八年", "1939"),
    ("中華民國廿八年四月廿二日", "1939-04-22"),
    ("中华民国二十八年四月二十二日", "1939-04-22"),
    ("民國元年", "1912"),
    ("民國元年一月一日", "1912-01-01"),
    ("民國三十八年十二月卅一日", "1949-12-31"),
    ("1939年4月", "1939-04"),
    ("1939年4月22日", "1939-04-22"),
    ("一九三九年四月二十二日", "1939-04-22"),
    ("１９３９年４月", "1939-04"),
    ("民國２８年４月２２號", "1939-04-22"),
    ("1939", "1939"),
    ("1939-04", "1939-04"),
    ("1939-04-22", "1939-04-22"),
    ("1939/4/22", "1939-04-22"),
    ("１９３９－０４", "1939-04"),
    ("二十八年", None),  # no era: not a year
    ("四月", None),
    ("Luxembourg", None),
    ("", None),
])
def test_printed_dates(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


def test_impossible_dates_are_refused() -> None:
    with pytest.raises(DateError, match="no month 13"):
        parse_date("民國二十八年十三月")
    with pytest.raises(DateError, match="no day 31"):
        parse_date("1939年4月31日")
    assert parse_date("民國二十九年二月廿九日") == PrintedDate(1940, 2, 29)  # 1940 was a leap year


@pytest.mark.parametrize(("value", "expected"), [
    ("民國二十八年四月", "1939-04"),
    ("民國二十八年四月..民國二十八年六月", "1939-04..1939-06"),
    ("民國二十八年四月至六月", "1939-04..1939-06"),
    ("1939年4月22日到25日", "1939-04-22..1939-04-25"),
    ("民國二十八年~民國三十年", "1939..1941"),
    ("1939-04..", "1939-04.."),
    ("..民國三十八年", "..1949"),
    ("1850..1860", "1850..1860"),
    ("nonsense", "nonsense"),
])
def test_filter_values(value: str, expected: str) -> None:
    assert filter_value(value) == expected


def test_minguo_display() -> None:
    assert minguo("1939-04-22") == "民國二十八年四月二十二日"
    assert minguo("1912-01-01") == "民國元年一月一日"
    assert minguo("1921-10") == "民國十年十月"
    assert minguo("1949-12-31") == "民國三十八年十二月三十一日"
    assert minguo("1900-01-01") is None
    assert with_minguo("1939-04-22", "晶報 Jing bao") == "1939-04-22 (民國二十八年四月二十二日)"
    shown = "1939-04-22 (民國二十八年四月二十二日)"
    assert with_minguo("1939-04-22", "North-China Herald", language="zh-Hant") == shown
    assert with_minguo("1939-04-22", "The Times") == "1939-04-22"  # not a Chinese paper
    assert with_minguo("2021-01-27", "人民日报") == "2021-01-27"  # not of the Republic (1912–1949)
    assert with_minguo("1911-12-31", "申報") == "1911-12-31"
    assert with_minguo("", "申報") == ""


def test_round_trip_every_day_of_the_republic() -> None:
    import datetime

    day = datetime.date(1912, 1, 1)
    while day.year <= 1949:
        iso = day.isoformat()
        assert iso_date(str(minguo(iso))) == iso
        day += datetime.timedelta(days=1)
