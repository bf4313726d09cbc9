"""Outlets profiled: a page per outlet of content/outlets.yaml that some briefing credits
(`outlets/<key>/`): its kind, region and hosts, its briefings by date, the actors and topics it
covers most, the stories it took part in; and an index of outlets by kind, where the briefings are
also listed by source type (the site's filter by source type: one section per kind, linked from the
top of the index).

An outlet's key is ASCII and stable: its first host with dots as dashes (news.cn → news-cn), or,
for an outlet without a host, "outlet-" and a hash of its registry name, never a transliteration of
a Chinese name (homophones collide). Pure, like `site`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import urls
from .markdown_cache import PageMemo
from .model import Briefing, Corpus, SourceType
from .render import render
from .vocab import Outlet, Outlets

TOP_ACTORS = 12
TOP_TOPICS = 6
KIND_ORDER = ("wire", "state-media", "newsroom", "public-broadcaster", "portal", "self-media", "unknown")
# The one label for each kind of source: the outlets index's sections, an outlet page's kind, and the
# badge on every briefing (site.py). Keyed by SourceType, which compares equal to its value, so an
# outlet's `type` string looks it up too.
SOURCE_TYPE_LABELS: dict[str, str] = {  # SourceType keys are str too
    SourceType.NEWSROOM: "新闻机构 Newsroom",
    SourceType.WIRE: "通讯社 Wire",
    SourceType.STATE_MEDIA: "官方媒体 State media",
    SourceType.PUBLIC_BROADCASTER: "公共广播 Public broadcaster",
    SourceType.PORTAL: "门户转载 Portal",
    SourceType.SELF_MEDIA: "自媒体平台 Self-media platform",
    SourceType.UNKNOWN: "来源未明 Unknown",
}


def outlet_key(outlet: Outlet) -> str:
    if outlet.hosts:
        return outlet.hosts[0].replace(".", "-")
    return "outlet-" + hashlib.sha1(outlet.name.encode()).hexdigest()[:8]


@dataclass(frozen=True)
class OutletEntry:
    """One registry outlet and the briefings that credit it, newest first."""

    key: str
    outlet: Outlet
    briefings: tuple[Briefing, ...]

    @property
    def address(self) -> urls.Address:
        return urls.OUTLET.of(self.key)


def outlet_index(briefings: Sequence[Briefing], registry: Outlets) -> tuple[OutletEntry, ...]:
    """The registry outlets some briefing credits (by the name it writes, either script), by key."""
    found: dict[str, tuple[Outlet, list[Briefing]]] = {}
    for briefing in briefings:
        written = briefing.article.outlet.value if briefing.article.outlet else None
        outlet = registry.named(written) if written else None
        if outlet is not None:
            found.setdefault(outlet_key(outlet), (outlet, []))[1].append(briefing)
    return tuple(OutletEntry(key, outlet, tuple(sorted(items, key=lambda b: (b.date or "", b.id), reverse=True)))
                 for key, (outlet, items) in sorted(found.items()))


def outlet_inputs(entry: OutletEntry, corpus: Corpus, memo: PageMemo) -> list[str]:
    """What `outlet_page` shows, for `PageMemo.page`: the outlet, its briefings, and the stories they
    are in (each shown by its first account and its number of accounts)."""
    stories = sorted({corpus.story_of[b.id] for b in entry.briefings if b.id in corpus.story_of}, key=lambda s: s.id)
    return [repr(entry.outlet), *memo.digests(entry.briefings),
            *(f"{s!r}:{memo.briefings.get(s.id, 'absent')}" for s in stories)]


def outlet_page(entry: OutletEntry, corpus: Corpus) -> str:
    here = entry.address
    actor_counts: Counter[str] = Counter()
    topic_counts: Counter[str] = Counter()
    actors, topics = {}, {}
    for b in entry.briefings:
        for m in b.actors:
            actor_counts[m.actor.id] += 1
            actors[m.actor.id] = m.actor
        for t in b.topics:
            topic_counts[t.topic.id] += 1
            topics[t.topic.id] = t.topic
    top_actors = sorted(actor_counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_ACTORS]
    top_topics = sorted(topic_counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_TOPICS]
    by_id = corpus.by_id
    stories = sorted({corpus.story_of[b.id].id for b in entry.briefings if b.id in corpus.story_of})
    return render(
        "outlet.md.j2",
        outlet=entry.outlet,
        kind=SOURCE_TYPE_LABELS.get(entry.outlet.type, entry.outlet.type),
        briefings=[(b, here.link_to(b.address)) for b in entry.briefings],
        actors=[(actors[a], n, here.link_to(actors[a].address)) for a, n in top_actors],
        topics=[(topics[t], n, here.link_to(topics[t].address)) for t, n in top_topics],
        stories=[(by_id[s], len(corpus.story_of[s].members), here.link_to(urls.STORY.of(s)))
                 for s in stories if s in by_id],
    )


def outlets_index(entries: Sequence[OutletEntry], corpus: Corpus) -> str:
    here = urls.OUTLETS_INDEX
    by_kind: dict[str, list[tuple[OutletEntry, str]]] = {}
    for entry in entries:
        by_kind.setdefault(entry.outlet.type, []).append((entry, here.link_to(entry.address)))
    briefings_by_kind: dict[str, list[tuple[Briefing, str]]] = {}
    for b in corpus.briefings:
        briefings_by_kind.setdefault(b.article.source_type.value, []).append((b, here.link_to(b.address)))
    kinds = [k for k in KIND_ORDER if k in by_kind or k in briefings_by_kind]
    return render(
        "outlets_index.md.j2",
        kinds=[(k, SOURCE_TYPE_LABELS[k], by_kind.get(k, []), briefings_by_kind.get(k, [])) for k in kinds],
    )
