"""The SVG pictures: what a reader can read off them (bars, their hover titles, labels)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.dates import DateValue
from generator.pictures import MONTHLY_BARS_AT_MOST, activity_svg

SVG = "{http://www.w3.org/2000/svg}"


def bars(svg: str) -> dict[str, int]:
    """Each bar's hover title, "2025-03: 4", as {period: count}."""
    root = ET.fromstring(svg)
    titles = [rect.find(f"{SVG}title").text for rect in root.iter(f"{SVG}rect")]
    return {period: int(count) for period, count in (re.fullmatch(r"(\S+): (\d+)", t).groups() for t in titles)}


def test_activity_has_a_bar_per_month_with_briefings_and_leaves_gaps_empty():
    svg = activity_svg([(DateValue(2025, 1), 3), (DateValue(2025, 4), 1)], "每月简报数")
    assert bars(svg) == {"2025-01": 3, "2025-04": 1}  # February and March: no bar, only their place
    labels = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "2025-02" in labels and "2025-03" in labels


def test_a_span_of_many_years_is_drawn_in_years_not_hundreds_of_slivers():
    counts = [(DateValue(1999, 3), 1), (DateValue(1999, 7), 2), (DateValue(2024, 12), 5), (DateValue(2025, 1), 4)]
    svg = activity_svg(counts, "每月简报数")
    assert bars(svg) == {"1999": 3, "2024": 5, "2025": 4}
    assert len(svg) < 4000  # was one rect per month: 27 years made 30 KB on every actor page


def test_no_briefings_draws_nothing():
    assert activity_svg([], "每月简报数") == ""


def test_days_count_for_their_month_and_a_year_end_runs_into_january():
    counts = [(DateValue(2024, 11, 30), 1), (DateValue(2025, 1, 2), 2), (DateValue(2025, 1), 1)]
    svg = activity_svg(counts, "每月简报数")
    assert bars(svg) == {"2024-11": 1, "2025-01": 3}
    labels = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert labels[1:] == ["2024-11", "2024-12", "2025-01"]  # after the axis maximum: one label a month


def test_months_are_drawn_up_to_the_limit_and_years_beyond_it():
    def span(months: int) -> list[tuple[DateValue, int]]:
        last = DateValue(2020 + (months - 1) // 12, (months - 1) % 12 + 1)
        return [(DateValue(2020, 1), 1), (last, 1)]
    assert set(bars(activity_svg(span(MONTHLY_BARS_AT_MOST), "每月简报数"))) == {"2020-01", "2024-12"}
    assert bars(activity_svg(span(MONTHLY_BARS_AT_MOST + 1), "每月简报数")) == {"2020": 1, "2025": 1}
