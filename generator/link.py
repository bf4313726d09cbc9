"""The link stage: all briefings at once become a `Corpus` — indexes by actor and topic, related
briefings, actors seen together, months for the timeline. Pure: briefings in, corpus out, in an
order that depends only on the briefings (sorted, never set order), so two builds are identical."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from .conflicts import find_conflicts
from .dates import DateValue
from .model import Actor, Briefing, Corpus, InputFate, Topic
from .outlet_pages import outlet_index
from .settings import DEFAULTS, Settings
from .stories import find_stories, story_of
from .vocab import Outlets

# Related briefings share actors and topics, each weighted by rarity (idf); closeness in time
# breaks ties and adds a little: a week apart counts more than a year apart.
TOPIC_WEIGHT = 0.7
TIME_WEIGHT = 0.3
TIME_SCALE_DAYS = 90.0
RELATED_CANDIDATES = 150


def newest_first_key(briefing: Briefing) -> tuple[tuple[int, int, int], str]:
    # Undated briefings sort last; a month before its days; ties by id keep the order stable.
    return (briefing.when.sort_key if briefing.when else (0, 0, 0), briefing.id)


def _day_number(when: DateValue | None) -> float | None:
    """A date on a continuous scale of days; a month-only date sits mid-month."""
    if when is None:
        return None
    return when.year * 365.25 + (when.month - 1) * 30.44 + (when.day or 15)


def link(briefings: Sequence[Briefing], topics: Sequence[Topic], fates: Sequence[InputFate],
         settings: Settings = DEFAULTS, outlets: Outlets | None = None) -> Corpus:
    ordered = tuple(sorted(briefings, key=newest_first_key, reverse=True))
    actors: dict[str, Actor] = {}
    by_actor: dict[str, list[Briefing]] = defaultdict(list)
    by_topic: dict[str, list[Briefing]] = defaultdict(list)
    pair_counts: Counter[tuple[str, str]] = Counter()
    for briefing in ordered:
        ids = []
        for mention in briefing.actors:
            actors.setdefault(mention.actor.id, mention.actor)
            by_actor[mention.actor.id].append(briefing)
            ids.append(mention.actor.id)
        for topic_score in briefing.topics:
            by_topic[topic_score.topic.id].append(briefing)
        unique = sorted(set(ids))
        for i, a in enumerate(unique):
            for b in unique[i + 1:]:
                pair_counts[(a, b)] += 1
    co_actors: dict[str, list[tuple[Actor, int]]] = defaultdict(list)
    for (a, b), count in sorted(pair_counts.items()):
        co_actors[a].append((actors[b], count))
        co_actors[b].append((actors[a], count))
    months: dict[str, list[Briefing]] = defaultdict(list)
    undated = []
    for briefing in ordered:
        if briefing.when:
            months[briefing.when.month_iso].append(briefing)
        else:
            undated.append(briefing)
    stories = find_stories(ordered)
    by_story = story_of(stories)
    return Corpus(
        briefings=ordered,
        actors=tuple(sorted(actors.values(), key=lambda a: (-len(by_actor[a.id]), a.id))),
        topics=tuple(topics),
        by_actor={k: tuple(v) for k, v in sorted(by_actor.items())},
        by_topic={k: tuple(v) for k, v in sorted(by_topic.items())},
        related=_related(ordered, by_actor, by_topic, settings.related_count),
        co_actors={k: tuple(sorted(v, key=lambda item: (-item[1], item[0].id))) for k, v in sorted(co_actors.items())},
        months=tuple((month, tuple(items)) for month, items in sorted(months.items(), reverse=True)),
        undated=tuple(undated),
        fates=tuple(sorted(fates, key=lambda f: f.source)),
        stories=stories,
        story_of=by_story,
        conflicts=find_conflicts(ordered, {k: s.id for k, s in by_story.items()}),
        outlets=outlet_index(ordered, outlets) if outlets else (),
    )


def _related(ordered: Sequence[Briefing], by_actor: dict[str, list[Briefing]],
             by_topic: dict[str, list[Briefing]], count: int) -> dict[str, tuple[Briefing, ...]]:
    n = max(1, len(ordered))
    # Plain idf: an actor in every briefing (China, in a China-watcher's corpus) relates nothing.
    actor_idf = {k: math.log(n / len(v)) for k, v in by_actor.items()}
    topic_idf = {k: math.log(n / len(v)) for k, v in by_topic.items()}
    # Briefings as positions in `ordered` from here on: ids are properties, and this loop asks for
    # them millions of times at 5000 briefings.
    ids = [b.id for b in ordered]
    position = {id(b): i for i, b in enumerate(ordered)}
    features = [({m.actor.id for m in b.actors}, {t.topic.id for t in b.topics}, _day_number(b.when))
                for b in ordered]
    # Each feature's briefings, rarest feature first for every briefing that has it.
    members = {("a", k): [position[id(b)] for b in v] for k, v in by_actor.items()}
    members.update({("t", k): [position[id(b)] for b in v] for k, v in by_topic.items()})
    related: dict[str, tuple[Briefing, ...]] = {}
    for me, (mine_actors, mine_topics, mine_day) in enumerate(features):
        # Candidates come through the rarest shared features first and stop at a cap, so an actor
        # in every briefing does not make this quadratic in the corpus. Equally rare features go
        # by name: in set order, which changes from run to run, the cap could pick other candidates.
        candidates: dict[int, None] = {}
        shared = sorted([*((actor_idf[a], ("a", a)) for a in mine_actors),
                         *((topic_idf[t], ("t", t)) for t in mine_topics)], key=lambda f: (-f[0], f[1]))
        for _, feature in shared:
            for other in members[feature]:
                candidates[other] = None
                if len(candidates) >= RELATED_CANDIDATES:
                    break
            if len(candidates) >= RELATED_CANDIDATES:
                break
        scored = []
        for other in candidates:
            if ids[other] == ids[me]:
                continue
            their_actors, their_topics, their_day = features[other]
            score = sum(actor_idf[a] for a in mine_actors & their_actors)
            score += TOPIC_WEIGHT * sum(topic_idf[t] for t in mine_topics & their_topics)
            if mine_day is not None and their_day is not None:
                score += TIME_WEIGHT * math.exp(-abs(mine_day - their_day) / TIME_SCALE_DAYS)
            scored.append((-round(score, 9), ids[other], other))
        related[ids[me]] = tuple(ordered[item[2]] for item in sorted(scored)[:count])
    return related
