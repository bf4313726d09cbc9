"""Stories: one event told by several articles (other outlets, other wording, a few days apart).

Exact and near copies are already one briefing (`duplicates`); a story joins briefings that are
*different texts* about the same event, so that an analyst who collected a summit from a wire, a
Hong Kong paper and a self-media account sees one story with three accounts.

The method, in order (each step a named rule below):

1. `story_terms`: each briefing's text (headline weighed double, then the lead of the body) is folded to
   Simplified characters and cut into Han character bigrams and Latin/number words: shingles that
   need no dictionary and read Traditional and Simplified accounts alike. Each term is weighed by
   tf-idf over the corpus (log tf, smoothed idf) and only the `TOP_TERMS` heaviest are kept, so a
   comparison costs the same for a long and a short article and common bigrams (中国, 表示) weigh
   nothing.
2. `PairEvidence.linked`: two briefings are accounts of one event when their dates are at most
   `WINDOW_DAYS` apart and their texts share something particular (cosine >= `TEXT_MIN`) and the
   cosine plus `ACTOR_WEIGHT` times their actors' agreement (idf-weighted Jaccard: a rare actor
   counts more than 中国) reaches `LINK_SCORE`, or the texts alone are close (cosine >=
   `TEXT_ALONE`: a long analysis names thirty actors, and its Jaccard with a short report is low).
   A briefing known only to the month joins only briefings of that month, and only on text alone
   (cosine >= `TEXT_ALONE_MONTH`). Two undated briefings never join.
3. `find_stories`: linked briefings form a story (connected pairs, so A–B and B–C make one story of
   three). A story's id is the id of its earliest member (by date, then id): adding a later article
   never moves it; adding an earlier one makes it the first account, and the old id is kept as an
   alias in `Story.aliases` only while that member stays in the story, which is why pages link a
   story through its members.

The thresholds were set on the example stories in tests/fixtures/stories (five events, three
accounts each, and five distractors: the same actors in another event, the same kind of event
months apart); changing one means running tests/test_stories.py again.
"""

from __future__ import annotations

import heapq
import math
import operator
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from .conflicts import ambiguous_measures, comparable, incompatible, measure_key, statement_key
from .dates import DateValue
from .han import HAN_CLASS
from .model import Briefing, Figure, Quote
from .textnorm import to_simplified

WINDOW_DAYS = 4  # accounts of one event appear within this many days of each other
TEXT_ALONE = 0.18  # cosine of the kept terms: this close, the texts alone make a story
TEXT_ALONE_MONTH = 0.30  # the same, for a briefing dated only to the month (a wider window: stricter)
TEXT_MIN = 0.05  # below this the texts share nothing particular: actors alone never make a story
ACTOR_WEIGHT = 0.5  # how much actor agreement (idf-weighted Jaccard) adds to the text's cosine
LINK_SCORE = 0.25  # text + ACTOR_WEIGHT * actors at or above this: one event
TOP_TERMS = 120  # the heaviest terms of a briefing that take part in comparisons
TITLE_WEIGHT = 2  # a headline's terms count twice: it names the event
LEAD_CHARS = 1500  # of the body, compared: the lead paragraphs tell which event it is

HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.-]+|\d+(?:\.\d+)?%?")


@dataclass(frozen=True)
class Story:
    """Briefings that are accounts of one event, earliest first (by date, then id)."""

    id: str  # the id of its earliest member
    members: tuple[str, ...]  # briefing ids, earliest first

    def __post_init__(self) -> None:
        if not self.members or self.members[0] != self.id:
            raise ValueError(f"story {self.id!r}: its id must be its earliest member's")


# --- Terms and similarity ------------------------------------------------------------------------


def _add_shingles(counts: Counter[str], text: str) -> None:
    simplified = to_simplified(text)
    runs = HAN_RUN.findall(simplified)
    # Interned: every briefing's terms are held at once until their idf is known, and the same
    # bigrams recur in all of them: one string each, not one per briefing (at 2500 briefings the
    # terms took 78 MB instead of 217 MB, for 0.3 ms more a briefing).
    counts.update(map(sys.intern, chain.from_iterable(map(operator.add, run, run[1:]) for run in runs)))  # in C
    counts.update(sys.intern(word.lower()) for word in LATIN_WORD.findall(simplified))


def story_text(briefing: Briefing) -> tuple[str, str]:
    """All that `story_terms` reads of a briefing: its headline and the first `LEAD_CHARS`
    characters of its body (the lead names the event; the rest is background)."""
    return briefing.title, briefing.article.body[:LEAD_CHARS]


def story_terms(briefing: Briefing) -> Counter[str]:
    """Term counts of a briefing (`story_text`): its headline's shingles `TITLE_WEIGHT` times,
    then those of the lead of its body."""
    title, lead = story_text(briefing)
    counts: Counter[str] = Counter()
    for _ in range(TITLE_WEIGHT):
        _add_shingles(counts, title)
    _add_shingles(counts, lead)
    return counts


def _vectors(terms: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """tf-idf of each briefing's terms, its `TOP_TERMS` heaviest kept and scaled to unit length."""
    n = len(terms)
    df: Counter[str] = Counter()
    for counts in terms:
        df.update(counts.keys())
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
    log_tf: dict[int, float] = {}
    vectors = []
    for counts in terms:
        weights = [((log_tf.get(c) or log_tf.setdefault(c, 1 + math.log(c))) * idf[t], t) for t, c in counts.items()]
        top = heapq.nlargest(TOP_TERMS, weights)  # heaviest first; equal weights by term, the same every build
        norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
        vectors.append({t: w / norm for w, t in top})
    return vectors


def _actor_agreement(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    union = a | b
    if not union:
        return 0.0
    return sum(idf[x] for x in a & b) / sum(idf[x] for x in union)


def _day(when: DateValue | None) -> tuple[int | None, str | None]:
    """(day number, month) of a briefing date; (None, "2025-03") for a month-only date."""
    return (when.ordinal, when.month_iso) if when else (None, None)


# --- Linking --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairEvidence:
    """Why two briefings were (or were not) joined: shown by `explain_pair` and in tests."""

    text: float  # cosine of kept terms
    actors: float  # idf-weighted Jaccard
    days: int | None  # days apart, None when a date is missing or month-only
    same_month: bool

    @property
    def linked(self) -> bool:
        if self.days is None:
            return self.same_month and self.text >= TEXT_ALONE_MONTH
        if self.days > WINDOW_DAYS or self.text < TEXT_MIN:
            return False
        return self.text >= TEXT_ALONE or self.text + ACTOR_WEIGHT * self.actors >= LINK_SCORE


class _Index:
    """The corpus as vectors, actor sets and days, for comparing briefings."""

    def __init__(self, briefings: Sequence[Briefing]) -> None:
        self.briefings = list(briefings)
        self.vectors = _vectors([story_terms(b) for b in self.briefings])
        self.actors = [{m.actor.id for m in b.actors} for b in self.briefings]
        counts: Counter[str] = Counter()
        for ids in self.actors:
            counts.update(ids)
        n = len(self.briefings)
        self.idf = {a: math.log((1 + n) / c) for a, c in counts.items()}
        self.days = [_day(b.when) for b in self.briefings]

    def evidence(self, i: int, j: int) -> PairEvidence:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        text = sum(w * b.get(t, 0.0) for t, w in a.items())
        (day_i, month_i), (day_j, month_j) = self.days[i], self.days[j]
        days = abs(day_i - day_j) if day_i is not None and day_j is not None else None
        return PairEvidence(round(text, 6), round(_actor_agreement(self.actors[i], self.actors[j], self.idf), 6),
                            days, month_i is not None and month_i == month_j)

    def candidates(self) -> Iterable[tuple[int, int]]:
        """Pairs close enough in time to compare, each once (i < j in date order): day-dated
        briefings within the window, month-dated ones with every briefing of their month."""
        order = sorted(range(len(self.briefings)), key=lambda i: (self.days[i][0] is None, self.days[i][0] or 0, i))
        dated = [i for i in order if self.days[i][0] is not None]
        start = 0
        for k, i in enumerate(dated):
            while self.days[dated[start]][0] < self.days[i][0] - WINDOW_DAYS:  # type: ignore[operator]
                start += 1
            for j in dated[start:k]:
                yield (min(i, j), max(i, j))
        by_month: dict[str, list[int]] = defaultdict(list)
        for i, (_, month) in enumerate(self.days):
            if month is not None:
                by_month[month].append(i)
        for i, (day, month) in enumerate(self.days):
            if day is None and month is not None:
                for j in by_month[month]:
                    if j != i and (self.days[j][0] is not None or j > i):
                        yield (min(i, j), max(i, j))


def _order_key(briefing: Briefing) -> tuple[bool, int, int, bool, int, str]:
    """Accounts by date, undated last; one known only to the month comes after the dated accounts
    of that month (it cannot be shown to be earlier, so it never takes the story's id from them)."""
    when = briefing.when
    if when is None:
        return (True, 0, 0, True, 0, briefing.id)
    return (False, when.year, when.month, when.day is None, when.day or 0, briefing.id)


def find_stories(briefings: Sequence[Briefing]) -> tuple[Story, ...]:
    """Every story of two or more accounts, ordered by id; a briefing is in at most one."""
    index = _Index(briefings)
    parent = list(range(len(index.briefings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(set(index.candidates())):
        if index.evidence(i, j).linked:
            parent[root(i)] = root(j)
    groups: dict[int, list[Briefing]] = defaultdict(list)
    for i, briefing in enumerate(index.briefings):
        groups[root(i)].append(briefing)
    stories = []
    for members in groups.values():
        if len(members) < 2:
            continue
        ordered = sorted(members, key=_order_key)
        stories.append(Story(ordered[0].id, tuple(b.id for b in ordered)))
    return tuple(sorted(stories, key=lambda s: s.id))


def explain_pair(briefings: Sequence[Briefing], first: str, second: str) -> PairEvidence:
    """The evidence for joining two briefings of a corpus, by id."""
    index = _Index(briefings)
    ids = [b.id for b in index.briefings]
    return index.evidence(ids.index(first), ids.index(second))


def story_of(stories: Sequence[Story]) -> dict[str, Story]:
    """Briefing id -> its story."""
    return {member: story for story in stories for member in story.members}


# --- What the accounts share and where they differ -------------------------------------------------


@dataclass(frozen=True)
class SharedActor:
    actor_id: str
    name: str
    accounts: tuple[str, ...]  # briefing ids that mention it


@dataclass(frozen=True)
class FigureAccounts:
    """One number or one measured thing as several accounts state it."""

    measure: str | None  # the first account's measure, when known
    unit: str | None
    figures: tuple[tuple[str, Figure], ...]  # (briefing id, figure), accounts in story order

    @property
    def agree(self) -> bool:
        """No two accounts' values contradict (`conflicts.incompatible`): 约1小时40分钟 and 不到两个
        小时 agree, 36 and 35 do not."""
        figures = [f for _, f in self.figures]
        return not any(incompatible(a, b) for i, a in enumerate(figures) for b in figures[i + 1:])


@dataclass(frozen=True)
class SpeakerQuotes:
    speaker: str  # actor id, or the speaker as written
    quotes: tuple[tuple[str, Quote], ...]  # (briefing id, quote)


@dataclass(frozen=True)
class Comparison:
    """What a story's accounts share (actors, figures, quotes) and where they differ."""

    shared_actors: tuple[SharedActor, ...]  # in two or more accounts, most accounts first
    only_in: tuple[tuple[str, tuple[str, ...]], ...]  # (briefing id, actor names no other account has)
    shared_figures: tuple[FigureAccounts, ...]  # one value and unit in two or more accounts
    differing_figures: tuple[FigureAccounts, ...]  # one measure and unit, values that contradict (not `agree`)
    quotes: tuple[SpeakerQuotes, ...]  # speakers quoted by two or more accounts


def compare(story: Story, briefings: dict[str, Briefing]) -> Comparison:
    """The comparison of a story's accounts (`briefings` by id holds every member)."""
    members = [briefings[i] for i in story.members]
    mentions: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for b in members:
        for m in b.actors:
            if b.id not in mentions[m.actor.id]:
                mentions[m.actor.id].append(b.id)
            names[m.actor.id] = m.actor.name_zh or m.actor.name
    shared = tuple(SharedActor(a, names[a], tuple(ids)) for a, ids in
                   sorted(mentions.items(), key=lambda item: (-len(item[1]), item[0])) if len(ids) >= 2)
    only_in = tuple((b.id, tuple(names[a] for a, ids in sorted(mentions.items()) if ids == [b.id]))
                    for b in members)
    by_value: dict[tuple[object, ...], list[tuple[str, Figure]]] = defaultdict(list)
    by_measure: dict[tuple[str, str | None, bool], list[tuple[str, Figure]]] = defaultdict(list)
    for b in members:
        ambiguous = ambiguous_measures(b)
        for f in b.figures:
            if f.value is None:
                continue
            statement = statement_key(f)  # one value of one thing (conflicts.same_statement)
            if statement is not None:
                _add_once(by_value[statement], b.id, f)
            key, unit = measure_key(f), comparable(f).unit
            if key and (key, unit) not in ambiguous:
                _add_once(by_measure[(key, unit, f.value_from is not None)], b.id, f)
    shared_figures = tuple(FigureAccounts(next((f.measure for _, f in items if f.measure), None), items[0][1].unit,
                                          tuple(items))
                           for _, items in sorted(by_value.items(), key=str) if len(items) >= 2)
    differing = tuple(FigureAccounts(m, items[0][1].unit, tuple(items))
                      for (m, _, _), items in sorted(by_measure.items(), key=str)
                      if len(items) >= 2 and not FigureAccounts(m, None, tuple(items)).agree)
    by_speaker: dict[str, list[tuple[str, Quote]]] = defaultdict(list)
    for b in members:
        for q in b.quotes:
            speaker = q.actor_id or (to_simplified(q.speaker) if q.speaker else None)
            if speaker:
                by_speaker[speaker].append((b.id, q))
    quotes = tuple(SpeakerQuotes(s, tuple(items)) for s, items in sorted(by_speaker.items())
                   if len({bid for bid, _ in items}) >= 2)
    return Comparison(shared, only_in, shared_figures, differing, quotes)


def _add_once(items: list[tuple[str, Figure]], briefing_id: str, figure: Figure) -> None:
    """An account's first figure of a kind stands for it."""
    if all(bid != briefing_id for bid, _ in items):
        items.append((briefing_id, figure))


# --- Quality -------------------------------------------------------------------------------------


def story_pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    """Every unordered pair of members of the same group: what pair precision and recall count."""
    pairs: set[tuple[str, str]] = set()
    for group in groups:
        members = sorted(group)
        pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1:])
    return pairs


def pair_scores(found: Iterable[Iterable[str]], expected: Iterable[Iterable[str]]) -> tuple[float, float]:
    """(precision, recall) of found story pairs against expected ones; 1.0 when there is nothing to find."""
    got, want = story_pairs(found), story_pairs(expected)
    precision = len(got & want) / len(got) if got else 1.0
    recall = len(got & want) / len(want) if want else 1.0
    return precision, recall
