"""Dates as Chinese news writes them: 2025年2月25日, 2025-02-25 11:13, 12月9日电, 11月初, 民國114年,
二〇二五年三月五日, and as feeds and APIs write them: RFC 822 (`Mon, 03 Mar 2025 10:00:00 +0000`),
ISO 8601, epoch seconds or milliseconds, 5 March 2025, 05.03.2025.

Pure functions returning `DateValue`s with their precision ("YYYY-MM-DD" or "YYYY-MM"). A value that
is not a real date (2025-13-45) is never returned: the caller gets `None` and looks elsewhere.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from functools import total_ordering

FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})(?!\d)\s*[日号]?")
YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\d)")
MONTH_DAY = re.compile(r"(?<![\d年/.-])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
MONTH_ONLY = re.compile(r"(?<![\d年/.-])(\d{1,2})\s*月(初|中旬|上旬|下旬|底|末|份)?(?![\d日号])")
ISO_LIKE = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?:/|\b)")
# A year and month in a URL path (/2025-03/…, /202503/…), for sites that file by month only.
URL_MONTH = re.compile(r"/((?:19|20)\d{2})-?(0[1-9]|1[0-2])/")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
# Day first, as European outlets print it: 05.03.2025 (dots are always day first), 25/03/2025.
DAY_FIRST = re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})(?![\d.])")
# Republic of China calendar (Taiwan): 民國114年7月9日, 114年7月9日; year + 1911.
ROC_DATE = re.compile(r"(?<!\d)(?:民[国國]\s*)?(1[01]\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# Chinese numerals, as official documents date themselves: 二〇二五年三月五日.
HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
HAN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月"
                      r"(?:([一二三四五六七八九十]{1,3})[日号])?")
MONTH_NAMES = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for name in names}
_MONTH_WORD = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
ENGLISH_MDY = re.compile(rf"\b({_MONTH_WORD})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b", re.I)
ENGLISH_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_WORD})\.?,?\s+((?:19|20)\d{{2}})\b", re.I)
RFC_822 = re.compile(r"^[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}")
EPOCH = re.compile(r"^\s*(1\d{9}|1\d{12})(?:\.\d+)?\s*$")
# The time zone that an epoch timestamp is read in: Chinese-language news is dated in China,
# Hong Kong and Taiwan time (UTC+8), so a story filed at 07:00 Beijing time keeps its day.
NEWS_TIMEZONE = dt.timezone(dt.timedelta(hours=8))


@total_ordering
@dataclass(frozen=True)
class DateValue:
    """A publication date as precise as the source states it: a day, or a month (`day` None).
    Ordered in time, a month before its days; reads as ISO (2025-03-05, 2025-03)."""

    year: int
    month: int
    day: int | None = None

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    @property
    def month_iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def as_month(self) -> DateValue:
        """The month this date falls in (itself when it is a month)."""
        return self if self.day is None else DateValue(self.year, self.month)

    def next_month(self) -> DateValue:
        """The month after this date's month."""
        return DateValue(self.year + 1, 1) if self.month == 12 else DateValue(self.year, self.month + 1)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self.year, self.month, self.day or 0

    @property
    def ordinal(self) -> int | None:
        """The day's number (proleptic Gregorian, as `date.toordinal`), None for a month."""
        return dt.date(self.year, self.month, self.day).toordinal() if self.day else None

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, DateValue):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __str__(self) -> str:
        return self.iso


def make_date(year: int, month: int, day: int | None = None) -> DateValue | None:
    """A DateValue when the parts form a real date, else None (2025-13-45 is not a date)."""
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return None
    return DateValue(year, month, day)


ISO_DATE = re.compile(r"^\s*((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?")


def from_iso(text: str) -> DateValue | None:
    """A date written as ingest normalises front matter (2025-03-05, 2025-03, or a timestamp on that
    day): the boundary where a stated date enters as text."""
    match = ISO_DATE.match(text)
    if not match:
        return None
    return make_date(int(match[1]), int(match[2]), int(match[3]) if match[3] else None)


def from_epoch(stamp: int | float | str) -> DateValue | None:
    """Epoch seconds or milliseconds (13 digits), read in `NEWS_TIMEZONE`."""
    try:
        number = float(stamp)
    except (TypeError, ValueError):
        return None
    if number > 1e12:
        number /= 1000
    if not 6e8 < number < 4.2e9:  # 1989 … 2103: anything else is not a publication time
        return None
    day = dt.datetime.fromtimestamp(number, NEWS_TIMEZONE).date()
    return DateValue(day.year, day.month, day.day)


def _han_number(text: str) -> int | None:
    """一 … 三十一 as an int (for month and day numerals)."""
    if "十" not in text:
        return HAN_DIGITS.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if (tens and tens not in HAN_DIGITS) or (units and units not in HAN_DIGITS):
        return None
    return (HAN_DIGITS[tens] if tens else 1) * 10 + (HAN_DIGITS[units] if units else 0)


def parse_explicit(value: str) -> DateValue | None:
    """A date stated by markup, an API field or a meta line: ISO timestamps, 2025年2月25日, 2025/02/25,
    RFC 822, epoch numbers, 5 March 2025, 05.03.2025, 民國114年7月9日, 二〇二五年三月五日."""
    value = value.strip()
    if not value:
        return None
    if EPOCH.match(value):
        return from_epoch(value)
    match = ISO_LIKE.search(value) or FULL_DATE.search(value)
    if match:
        return make_date(int(match[1]), int(match[2]), int(match[3]))
    match = YEAR_MONTH.search(value)
    if match:
        return make_date(int(match[1]), int(match[2]))
    if RFC_822.match(value):
        try:
            stamp = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            stamp = None
        if stamp is not None:
            return make_date(stamp.year, stamp.month, stamp.day)
    match = ENGLISH_MDY.search(value)
    if match:
        return make_date(int(match[3]), MONTH_NAMES[match[1].lower()], int(match[2]))
    match = ENGLISH_DMY.search(value)
    if match:
        return make_date(int(match[3]), MONTH_NAMES[match[2].lower()], int(match[1]))
    match = DAY_FIRST.search(value)
    if match:
        return _day_first(int(match[1]), match[2], int(match[3]), int(match[4]))
    match = ROC_DATE.search(value)
    if match:
        return make_date(int(match[1]) + 1911, int(match[2]), int(match[3]))
    match = HAN_DATE.search(value)
    if match:
        year = int("".join(str(HAN_DIGITS[c]) for c in match[1]))
        month, day = _han_number(match[2]), _han_number(match[3]) if match[3] else None
        if month:
            return make_date(year, month, day)
    return None


def _day_first(first: int, separator: str, second: int, year: int) -> DateValue | None:
    """05.03.2025 is 5 March (dotted dates are day first everywhere). With slashes, 25/03/2025 can
    only be day first and 03/25/2025 only month first; 05/03/2025 could be either: None."""
    if separator == "." or first > 12:
        return make_date(year, second, first)
    if second > 12:
        return make_date(year, first, second)
    return None


def roc_stamp(digits: str) -> DateValue | None:
    """A seven-digit Republic of China date stamp, as Taiwanese wire copy ends: 1140709 → 2025-07-09."""
    if not re.fullmatch(r"1[01]\d\d{4}", digits):
        return None
    return make_date(int(digits[:3]) + 1911, int(digits[3:5]), int(digits[5:]))


def date_in_url(url: str) -> DateValue | None:
    match = URL_DATE.search(url)
    if match:
        return make_date(int(match[1]), int(match[2]), int(match[3]))
    match = URL_MONTH.search(url)
    return make_date(int(match[1]), int(match[2])) if match else None


def resolve_day(day: int, month: int | None, context: DateValue) -> DateValue | None:
    """A dateline's day (中央社台北10日電) or month and day (新华社巴黎12月9日电) placed in time by a
    nearby full date (`context`): the latest such date not after the context date."""
    if month is not None:
        latest = (context.year, context.month, context.day or 31)
        for year in (context.year, context.year - 1):
            value = make_date(year, month, day)
            if value and (value.year, value.month, day) <= latest:
                return value
        return make_date(context.year, month, day)
    if context.day is None:
        return make_date(context.year, context.month, day)
    if day <= context.day:
        return make_date(context.year, context.month, day)
    year, previous = (context.year, context.month - 1) if context.month > 1 else (context.year - 1, 12)
    return make_date(year, previous, day)


def full_dates(text: str) -> list[DateValue]:
    """Dates with a year and at least a month, in order of appearance."""
    found: list[tuple[int, DateValue]] = []
    taken: list[tuple[int, int]] = []
    for match in FULL_DATE.finditer(text):
        value = make_date(int(match[1]), int(match[2]), int(match[3]))
        if value:
            found.append((match.start(), value))
            taken.append(match.span())
    for match in YEAR_MONTH.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        value = make_date(int(match[1]), int(match[2]))
        if value:
            found.append((match.start(), value))
    return [v for _, v in sorted(found, key=lambda item: item[0])]


def month_mentions(text: str) -> list[tuple[int, int | None]]:
    """(month, day) mentioned without a year, in order: 7月3日 → (7, 3); 11月初 → (11, None)."""
    out: list[tuple[int, int | None]] = []
    for match in MONTH_DAY.finditer(text):
        if 1 <= int(match[1]) <= 12:
            out.append((int(match[1]), int(match[2])))
    if not out:
        for match in MONTH_ONLY.finditer(text):
            if 1 <= int(match[1]) <= 12:
                out.append((int(match[1]), None))
    return out


def years_mentioned(text: str) -> list[int]:
    return [int(m[1]) for m in YEAR.finditer(text)]
