"""The SVG pictures: what a reader can read off them (bars, their hover titles, labels)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.pictures import activity_svg

SVG = "{http://www.w3.org/2000/svg}"


def bars(svg: str) -> dict[str, int]:
    """Each bar's hover title, "2025-03: 4", as {period: count}."""
    root = ET.fromstring(svg)
    titles = [rect.find(f"{SVG}title").text for rect in root.iter(f"{SVG}rect")]
    return {period: int(count) for period, count in (re.fullmatch(r"(\S+): (\d+)", t).groups() for t in titles)}


def test_activity_has_a_bar_per_month_with_briefings_and_leaves_gaps_empty():
    svg = activity_svg([("2025-01", 3), ("2025-04", 1)], "每月简报数")
    assert bars(svg) == {"2025-01": 3, "2025-04": 1}  # February and March: no bar, only their place
    labels = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "2025-02" in labels and "2025-03" in labels


def test_a_span_of_many_years_is_drawn_in_years_not_hundreds_of_slivers():
    counts = [("1999-03", 1), ("1999-07", 2), ("2024-12", 5), ("2025-01", 4)]
    svg = activity_svg(counts, "每月简报数")
    assert bars(svg) == {"1999": 3, "2024": 5, "2025": 4}
    assert len(svg) < 4000  # was one rect per month: 27 years made 30 KB on every actor page


def test_no_briefings_draws_nothing():
    assert activity_svg([], "每月简报数") == ""
