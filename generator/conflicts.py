"""Figures that disagree: two briefings state one measured thing for one actor and period with
values that cannot both be true (one account says 36 delegations attended, another 35).

Figures are compared in a common unit (`comparable`): a span of time goes into the smallest unit
of its ladder (`units.DURATIONS`), so 约1小时40分钟 (100 minutes) and 不到两个小时 (2 hours) are
compared as 6000 and 7200 seconds; every other unit is compared only with itself.

Two figures of different briefings conflict when, by the named rules below:

- `same_thing`: they measure the same thing in one unit: equal measures (`measure_key`: compared in
  Simplified characters; for a span of time, what lasted, without the words that only say it
  lasted: 会谈历时, 会谈持续 and 会谈进行 are all 会谈, and 时间 alone names no event), units with
  one common unit, and both a change (由34%提高到84%) or both a level; a figure without a measure
  never conflicts;
- `ambiguous_measures`: a measure that one briefing states with two values (国家: 13个国家 partners,
  36个国家 delegations) names more than one thing there, and none of its rows conflict;
- `same_actor_and_period`: the two briefings are accounts of one story (one event: its actors and
  days are the same by construction), or each figure states the same year and their clauses name
  an actor in common;
- `incompatible`: their values, read with their qualifiers as intervals, do not overlap: 36 and 35
  conflict; 约36 (±`APPROX_TOLERANCE`) and 35 do not; 超过30 and 35 do not; a range 30至40 and 35
  do not; for two changes, either end differing is a conflict.

A conflict is reported on both rows: `Conflicts.of(briefing_id, anchor)` gives the other rows as
`briefings/<id>/#fig-…` addresses.

A story page also lists the figures its accounts share (`stories.compare`); two figures are one
shared figure by `same_statement` (its key: `statement_key`), a stricter test than not conflicting:

- they state one value: equal values in the common unit, both a change or both a level, and the
  same kind of bound: 超过两个小时 (more than two hours) and 不到两个小时 (less than two) are
  different statements, though neither contradicts the other; an approximate and an exact value
  (约1000, 1000) are one point;
- a span of time says what lasted, and a count what it counts, only through its measure (the
  unit, hours or people, names a kind of thing, not which one): they are one figure only when
  both measures are known and equal, so a phone call's two hours and the talks' two hours stay
  apart, and so do 1000名战俘 (prisoners) and 1000名平民 (civilians). Shares and sums of money
  are compared without their measure, which the extraction rarely finds for them (5% of 防务
  开支 in one account is 5% of 盟国 in another).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from . import units, urls
from .extract.figures import MEASURE_WORDS, NOUN_UNITS, PEOPLE_UNITS
from .model import Briefing, Figure
from .textnorm import to_simplified

APPROX_TOLERANCE = 0.1  # 约/近/左右: within 10% either way
# Words at the end of a span of time's measure that say only that something lasted (通话时间,
# 会谈历时, 救援持续): dropped, so that what is left names the event, or nothing (时间 alone).
SPAN_WORDS = ("时间", "时长", "历时", "持续", "用时", "耗时", "为时", "进行", "长达", "共计", "了", "的")
# Units of counted things (people, tankers, countries): the extraction's tables of measure words
# and counted nouns.
COUNTED_UNITS = frozenset({*MEASURE_WORDS.values(), *PEOPLE_UNITS.values(), *NOUN_UNITS.values()})
# Qualifiers that state a bound, not a value: 超过两个小时 and 不到两个小时 are two statements.
BOUNDS = ("over", "under")


@dataclass(frozen=True, order=True)
class FigureRef:
    """One figure row of one briefing."""

    briefing_id: str
    anchor: str

    @property
    def url(self) -> str:
        """The row's permalink relative to the site root: briefings/<id>/#fig-…"""
        return f"{urls.BRIEFING.of(self.briefing_id).url}#{self.anchor}"


@dataclass(frozen=True)
class Conflict:
    """Two rows that state one measured thing with incompatible values."""

    measure: str
    unit: str | None
    first: FigureRef
    second: FigureRef
    first_figure: Figure
    second_figure: Figure


@dataclass(frozen=True)
class Conflicts:
    """Every conflict of a corpus, and each row's other side."""

    pairs: tuple[Conflict, ...]  # by measure, then rows

    @cached_property
    def _others(self) -> dict[str, dict[str, set[FigureRef]]]:
        """Briefing id -> anchor -> the rows it conflicts with (built once: pages ask per briefing)."""
        others: dict[str, dict[str, set[FigureRef]]] = defaultdict(lambda: defaultdict(set))
        for c in self.pairs:
            others[c.first.briefing_id][c.first.anchor].add(c.second)
            others[c.second.briefing_id][c.second.anchor].add(c.first)
        return others

    def of(self, briefing_id: str, anchor: str) -> tuple[FigureRef, ...]:
        return tuple(sorted(self._others.get(briefing_id, {}).get(anchor, ())))

    def urls_of(self, briefing_id: str, anchor: str) -> list[str]:
        return [other.url for other in self.of(briefing_id, anchor)]

    def in_briefing(self, briefing_id: str) -> dict[str, tuple[FigureRef, ...]]:
        """Anchor -> the rows it conflicts with, for the rows of one briefing that have any."""
        return {anchor: tuple(sorted(refs)) for anchor, refs in sorted(self._others.get(briefing_id, {}).items())}


NONE = Conflicts(())


@dataclass(frozen=True)
class Comparable:
    """A figure's values in the common unit of its unit (`units.common_unit`)."""

    unit: str | None
    value: float | None
    value_high: float | None
    value_from: float | None


def _scaled(value: float | None, factor: float) -> float | None:
    return None if value is None else round(value * factor, 6)


def comparable(figure: Figure) -> Comparable:
    """The figure's unit and values in the unit it is compared in: 2 hours -> 7200 seconds."""
    unit, factor = units.common_unit(figure.unit)
    return Comparable(unit, _scaled(figure.value, factor), _scaled(figure.value_high, factor),
                      _scaled(figure.value_from, factor))


def measure_key(figure: Figure) -> str | None:
    """What a figure measures, as compared between briefings: its measure in Simplified characters;
    for a span of time, the event that lasted (`SPAN_WORDS` dropped from its end). None when the
    figure names nothing measured."""
    if not figure.measure:
        return None
    key = to_simplified(figure.measure)
    if figure.unit in units.DURATIONS:  # 会谈持续时间 -> 会谈: the words come in any order, several at once
        while tail := next((word for word in SPAN_WORDS if key.endswith(word)), None):
            key = key.removesuffix(tail)
    return key or None


def statement_key(figure: Figure) -> tuple[object, ...] | None:
    """What two figures share exactly when they are one statement (`same_statement`); None for a
    figure that shares with none: no value, or a span of time or a count without a measure."""
    c = comparable(figure)
    # a span's unit (seconds) says nothing of what lasted, a count's (people) nothing of who
    named_by_measure = figure.unit in units.DURATIONS or figure.unit in COUNTED_UNITS
    measure = measure_key(figure) if named_by_measure else None
    if c.value is None or (named_by_measure and measure is None):
        return None
    bound = figure.qualifier if figure.qualifier in BOUNDS else None
    return (c.unit, c.value_from, c.value, c.value_high, bound, measure)


def same_statement(a: Figure, b: Figure) -> bool:
    """Whether two figures state one value of one thing (see the module docstring)."""
    key = statement_key(a)
    return key is not None and key == statement_key(b)


def _interval(value: float, qualifier: str | None, high: float | None) -> tuple[float, float]:
    if qualifier == "range" and high is not None:
        return (min(value, high), max(value, high))
    if qualifier == "over":
        return (value, math.inf)
    if qualifier == "under":
        return (-math.inf, value)
    if qualifier == "approx":
        spread = abs(value) * APPROX_TOLERANCE
        return (value - spread, value + spread)
    return (value, value)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def incompatible(a: Figure, b: Figure) -> bool:
    """Whether two figures' values cannot both hold (each read with its qualifier, in the common
    unit: 100 minutes and under 2 hours can)."""
    ca, cb = comparable(a), comparable(b)
    if ca.value is None or cb.value is None:
        return False
    if not _overlap(_interval(ca.value, a.qualifier, ca.value_high), _interval(cb.value, b.qualifier, cb.value_high)):
        return True
    if ca.value_from is not None and cb.value_from is not None:
        return ca.value_from != cb.value_from
    return False


def same_thing(a: Figure, b: Figure) -> bool:
    """Rule `same_thing` (module docstring): one measure, one common unit, both a change or both a level."""
    measure = measure_key(a)
    return (measure is not None and measure == measure_key(b) and comparable(a).unit == comparable(b).unit
            and (a.value_from is None) == (b.value_from is None))


def ambiguous_measures(briefing: Briefing) -> set[tuple[str, str | None]]:
    """(measure, common unit) pairs this briefing states with more than one value."""
    values: dict[tuple[str, str | None], set[tuple[float | None, float | None]]] = defaultdict(set)
    for figure in briefing.figures:
        measure = measure_key(figure)
        if measure:
            c = comparable(figure)
            values[(measure, c.unit)].add((c.value_from, c.value))
    return {key for key, seen in values.items() if len(seen) > 1}


def same_actor_and_period(a: Figure, b: Figure, one_story: bool) -> bool:
    if one_story:
        return True
    return a.year is not None and a.year == b.year and bool(set(a.actors) & set(b.actors))


def find_conflicts(briefings: Sequence[Briefing], story_of: Mapping[str, object] | None = None) -> Conflicts:
    """Every pair of rows of different briefings that conflict; `story_of` maps a briefing id to its
    story (any value that compares equal for accounts of one story). Only rows that could pass
    `same_actor_and_period` are compared: rows of one story, and rows that state one year."""
    story_of = story_of or {}
    # (measure, common unit) -> ("story", id) or ("year", 2024) -> rows: a row is in at most two buckets.
    buckets: dict[tuple[str, str | None], dict[tuple[str, object], list[tuple[str, Figure]]]] = defaultdict(
        lambda: defaultdict(list))
    for briefing in sorted(briefings, key=lambda b: b.id):
        ambiguous = ambiguous_measures(briefing)
        story = story_of.get(briefing.id)
        for figure in briefing.figures:
            measure = measure_key(figure)
            key = (measure or "", comparable(figure).unit)
            if measure is None or figure.value is None or key in ambiguous:
                continue
            if story is not None:
                buckets[key][("story", story)].append((briefing.id, figure))
            if figure.year is not None:
                buckets[key][("year", figure.year)].append((briefing.id, figure))
    found: dict[tuple[FigureRef, FigureRef], Conflict] = {}
    for (measure, unit), groups in sorted(buckets.items(), key=str):
        for (kind, _), rows in sorted(groups.items(), key=str):
            for k, (first_id, first) in enumerate(rows):
                for second_id, second in rows[k + 1:]:
                    refs = (FigureRef(first_id, first.anchor), FigureRef(second_id, second.anchor))
                    if first_id == second_id or refs in found:
                        continue
                    # measure and unit are equal within a bucket; the change-or-level shape is not
                    if (first.value_from is None) == (second.value_from is None) \
                            and same_actor_and_period(first, second, kind == "story") and incompatible(first, second):
                        found[refs] = Conflict(measure, unit, *refs, first, second)
    return Conflicts(tuple(found[refs] for refs in sorted(found, key=lambda refs: (found[refs].measure, refs))))
