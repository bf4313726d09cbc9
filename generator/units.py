"""Units of measure that convert into one another: spans of time.

A figure keeps the unit it was written in (2 hours stays `hours`), so the site shows what the
article said. Where two figures are compared (a compound span such as 1小时40分钟 read as one
figure, a conflict between two accounts' spans), both are first put into one unit here.

Spans of time sit on two ladders whose steps are exact: a calendar ladder (a year is 12 months)
and a clock ladder (a week is 7 days, a day 24 hours, an hour 60 minutes, a minute 60 seconds).
A month is no fixed number of days, so a span in months never converts into one in days.
"""

from __future__ import annotations

# Unit code -> (its ladder, its size in the ladder's smallest unit: months, seconds).
DURATIONS: dict[str, tuple[str, float]] = {
    "years": ("calendar", 12.0), "months": ("calendar", 1.0),
    "weeks": ("clock", 604800.0), "days": ("clock", 86400.0), "hours": ("clock", 3600.0),
    "minutes": ("clock", 60.0), "seconds": ("clock", 1.0),
}
LADDER_BASE = {"calendar": "months", "clock": "seconds"}  # each ladder's smallest unit


def ratio(larger: str, smaller: str) -> float | None:
    """How many `smaller` units make one `larger` (hours, minutes -> 60); None when the two are
    not on one ladder or `larger` is not the larger."""
    big, small = DURATIONS.get(larger), DURATIONS.get(smaller)
    if big is None or small is None or big[0] != small[0] or big[1] <= small[1]:
        return None
    return big[1] / small[1]


def common_unit(unit: str | None) -> tuple[str | None, float]:
    """The unit that figures in `unit` are compared in, and the factor into it: a span of time
    goes into its ladder's smallest unit (hours -> seconds, 3600); any other unit is its own."""
    if unit in DURATIONS:
        ladder, size = DURATIONS[unit]
        return LADDER_BASE[ladder], size
    return unit, 1.0
