"""Dates as Chinese news writes them: 2025年2月25日, 2025-02-25 11:13, 12月9日电, 11月初.

Pure functions returning ISO strings with their precision ("YYYY-MM-DD" or "YYYY-MM").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})(?!\d)\s*[日号]?")
YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\d)")
MONTH_DAY = re.compile(r"(?<![\d年/.-])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
MONTH_ONLY = re.compile(r"(?<![\d年/.-])(\d{1,2})\s*月(初|中旬|上旬|下旬|底|末|份)?(?![\d日号])")
ISO_LIKE = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?:/|\b)")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


@dataclass(frozen=True, order=True)
class DateValue:
    year: int
    month: int
    day: int | None = None

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    @property
    def month_iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def make_date(year: int, month: int, day: int | None = None) -> DateValue | None:
    """A DateValue when the parts form a real date, else None (2025-13-45 is not a date)."""
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return None
    return DateValue(year, month, day)


def parse_explicit(value: str) -> DateValue | None:
    """A date stated by markup or a meta line: ISO timestamps, 2025年2月25日, 2025/02/25."""
    value = value.strip()
    match = ISO_LIKE.search(value) or FULL_DATE.search(value)
    if match:
        return make_date(int(match[1]), int(match[2]), int(match[3]))
    match = YEAR_MONTH.search(value)
    if match:
        return make_date(int(match[1]), int(match[2]))
    return None


def date_in_url(url: str) -> DateValue | None:
    match = URL_DATE.search(url)
    return make_date(int(match[1]), int(match[2]), int(match[3])) if match else None


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
