"""The link stage: all briefings at once become a `Corpus` — indexes by actor and topic, related
briefings, actors seen together, months for the timeline. Pure: briefings in, corpus out, in an
order that depends only on the briefings (sorted, never set order), so two builds are identical.

The costly part (related briefings, actors seen together, stories: `Links`) reads only a few
features of each briefing — id, date, actor and topic ids, and the headline and lead `stories`
compares. With a `LinkEntries` folder each part is kept by a digest of the features it reads
(`find_links`): after an edit that leaves an article's actors, topics and date alone, related
briefings and actors seen together are read back; after one that leaves its lead alone, stories too.
"""

from __future__ import annotations

import hashlib
import io
import math
import pickle
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .cache import EntryFolder, code_digest
from .conflicts import find_conflicts
from .dates import DateValue
from .model import Actor, Briefing, Corpus, InputFate, Topic
from .outlet_pages import outlet_index
from .settings import DEFAULTS, Settings
from .stories import Story, find_stories, story_of, story_text
from .vocab import Outlets

# Related briefings share actors and topics, each weighted by rarity (idf); closeness in time
# breaks ties and adds a little: a week apart counts more than a year apart.
TOPIC_WEIGHT = 0.7
TIME_WEIGHT = 0.3
TIME_SCALE_DAYS = 90.0
RELATED_CANDIDATES = 150
LINKS_FOLDER = "links"  # under the cache folder
T = TypeVar("T")


def newest_first_key(briefing: Briefing) -> tuple[tuple[int, int, int], str]:
    # Undated briefings sort last; a month before its days; ties by id keep the order stable.
    return (briefing.when.sort_key if briefing.when else (0, 0, 0), briefing.id)


def _day_number(when: DateValue | None) -> float | None:
    """A date on a continuous scale of days; a month-only date sits mid-month."""
    if when is None:
        return None
    return when.year * 365.25 + (when.month - 1) * 30.44 + (when.day or 15)


@dataclass(frozen=True)
class Links:
    """What linking finds from the briefings' features alone, by id: related briefings (best
    first), the actors seen with each actor and how often (most first), and the stories."""

    related: dict[str, tuple[str, ...]]
    co_actors: dict[str, tuple[tuple[str, int], ...]]
    stories: tuple[Story, ...]


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name}: a links entry holds only tuples, dicts, text and numbers")


class LinkEntries(EntryFolder[Any]):
    """`<cache_dir>/links/<2 hex>/<key>.links`: parts of the last build's `Links` as plain tuples,
    dicts, ids and counts, pickled (a pickle that names any class or function is refused). As JSON,
    reading the actors seen together back took a third of finding them again; pickled, a fiftieth."""

    magic = b"briefing-generator links 1\n"
    suffix = ".links"  # not .pickle: that names the articles' results in the folder above

    def dump(self, value: Any) -> bytes:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def load(self, payload: bytes) -> Any:
        return _PlainUnpickler(io.BytesIO(payload)).load()


def _features_digest(kind: str, ordered: Sequence[Briefing], features: Callable[[Briefing], object]) -> str:
    digest = hashlib.sha256(f"{kind}\x1f{code_digest()}".encode())
    for briefing in ordered:
        digest.update(repr(features(briefing)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def graph_features(briefing: Briefing) -> object:
    """All that related briefings and actors seen together read of a briefing."""
    return (briefing.id, briefing.when, [m.actor.id for m in briefing.actors], [t.topic.id for t in briefing.topics])


def story_features(briefing: Briefing) -> object:
    """All that `find_stories` reads of a briefing: an edit further down a long article leaves it."""
    return (briefing.id, briefing.when, [m.actor.id for m in briefing.actors], story_text(briefing))


def _kept(store: LinkEntries | None, used: set[str], key: str, find: Callable[[], T],
          encode: Callable[[T], Any], decode: Callable[[Any], T]) -> T:
    """`find()`, or what an earlier build found for the same key."""
    if store is None:
        return find()
    used.add(key)
    found = store.get(key)
    if found is not None:
        try:
            return decode(found)
        except (TypeError, ValueError, KeyError, AttributeError):  # not what this code writes: find it again
            pass
    value = find()
    store.put(key, encode(value))
    return value


def _graph_checked(data: Any) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[tuple[str, int], ...]]]:
    related, co_actors = data
    if not (isinstance(related, dict) and isinstance(co_actors, dict)):
        raise TypeError("not related briefings and actors seen together")
    return related, co_actors


def _stories_checked(data: Any) -> tuple[Story, ...]:
    return tuple(Story(i, members) for i, members in data)


def find_links(ordered: Sequence[Briefing], by_actor: dict[str, list[Briefing]], by_topic: dict[str, list[Briefing]],
               related_count: int, store: LinkEntries | None = None) -> Links:
    """Related briefings, actors seen together and stories; with `store`, each part is read back
    when the features it reads (`graph_features`, `story_features`) are those of the last build."""
    used: set[str] = set()
    graph = _features_digest(f"graph {related_count}", ordered, graph_features) if store is not None else ""
    related, co_actors = _kept(store, used, graph, lambda: _graph(ordered, by_actor, by_topic, related_count),
                               lambda value: value, _graph_checked)
    stories = _kept(store, used, _features_digest("stories", ordered, story_features) if store is not None else "",
                    lambda: find_stories(ordered), lambda value: tuple((s.id, s.members) for s in value),
                    _stories_checked)
    if store is not None:
        store.prune(used)
    return Links(related, co_actors, stories)


def _graph(ordered: Sequence[Briefing], by_actor: dict[str, list[Briefing]], by_topic: dict[str, list[Briefing]],
           related_count: int) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[tuple[str, int], ...]]]:
    pair_counts: Counter[tuple[str, str]] = Counter()
    for briefing in ordered:
        unique = sorted({m.actor.id for m in briefing.actors})
        for i, a in enumerate(unique):
            for b in unique[i + 1:]:
                pair_counts[(a, b)] += 1
    co_actors: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (a, b), count in sorted(pair_counts.items()):
        co_actors[a].append((b, count))
        co_actors[b].append((a, count))
    related = _related(ordered, by_actor, by_topic, related_count)
    return ({k: tuple(b.id for b in v) for k, v in related.items()},
            {k: tuple(sorted(v, key=lambda item: (-item[1], item[0]))) for k, v in sorted(co_actors.items())})


def link(briefings: Sequence[Briefing], topics: Sequence[Topic], fates: Sequence[InputFate],
         settings: Settings = DEFAULTS, outlets: Outlets | None = None, store: LinkEntries | None = None) -> Corpus:
    """The corpus; `store`: see `find_links`."""
    ordered = tuple(sorted(briefings, key=newest_first_key, reverse=True))
    actors: dict[str, Actor] = {}
    by_actor: dict[str, list[Briefing]] = defaultdict(list)
    by_topic: dict[str, list[Briefing]] = defaultdict(list)
    for briefing in ordered:
        for mention in briefing.actors:
            actors.setdefault(mention.actor.id, mention.actor)
            by_actor[mention.actor.id].append(briefing)
        for topic_score in briefing.topics:
            by_topic[topic_score.topic.id].append(briefing)
    links = find_links(ordered, by_actor, by_topic, settings.related_count, store)
    by_id = {b.id: b for b in ordered}
    months: dict[str, list[Briefing]] = defaultdict(list)
    undated = []
    for briefing in ordered:
        if briefing.when:
            months[briefing.when.month_iso].append(briefing)
        else:
            undated.append(briefing)
    by_story = story_of(links.stories)
    return Corpus(
        briefings=ordered,
        actors=tuple(sorted(actors.values(), key=lambda a: (-len(by_actor[a.id]), a.id))),
        topics=tuple(topics),
        by_actor={k: tuple(v) for k, v in sorted(by_actor.items())},
        by_topic={k: tuple(v) for k, v in sorted(by_topic.items())},
        related={k: tuple(by_id[i] for i in v) for k, v in links.related.items()},
        co_actors={k: tuple((actors[a], n) for a, n in v) for k, v in links.co_actors.items()},
        months=tuple((month, tuple(items)) for month, items in sorted(months.items(), reverse=True)),
        undated=tuple(undated),
        fates=tuple(sorted(fates, key=lambda f: f.source)),
        stories=links.stories,
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
