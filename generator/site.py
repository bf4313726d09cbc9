"""The render stage: a `Corpus` becomes the site's Markdown pages. Pure: corpus and settings in,
a map of page source path → Markdown out; `build` writes them, `export` makes the data files.

One function per page kind, each handing records to a template under `templates/`. Every address
comes from `urls` (a briefing is `urls.BRIEFING`, source `briefings/<id>.md`, served at
`briefings/<id>/`); links between pages are made there too. Output paths are unique by construction
and checked anyway (Pelican's Writer refuses to overwrite).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date as Date
from functools import partial
from xml.sax.saxutils import escape

from . import urls
from .citations import accessed_on
from .dates import DateValue
from .markdown_cache import PageMemo
from .model import Actor, Briefing, Corpus, Figure, InputStatus, Topic
from .outlet_pages import SOURCE_TYPE_LABELS, outlet_inputs, outlet_page, outlets_index
from .pictures import activity_svg, network_svg
from .render import Trusted, render, safe_url
from .settings import DEFAULTS, Settings
from .story_site import (
    also_reported,
    cite_styles,
    conflicts_page,
    figure_cite,
    outlet_name,
    row_conflicts,
    stories_index,
    story_page,
)

HOME_LATEST = 12
MAIN_ACTORS = 8  # listed with names and roles on a briefing; the rest on one line
HOME_TOP = 15
NETWORK_NODES = 30
ACTOR_NETWORK_NODES = 15
# Pages that list everything grow with the corpus: above these sizes they list months (or topics)
# and each month (or topic) gets a page of its own, so no page grows without bound.
LIST_ALL_BRIEFINGS = 300
LIST_ALL_FIGURES = 1500
EVENTS_PER_MONTH = 12
# An actor or topic page lists every briefing, but only the newest few with their gist, and only the
# newest quotes and figures: China's page at 1000 briefings was 540 KB of HTML, and such pages were
# 70 % of what MkDocs converted. The rest are one line each and one click away.
LATEST_WITH_GIST = 10
LATEST_QUOTES = 20
LATEST_FIGURES = 30
TYPE_LABELS = {"country": "国家/地区 Countries", "person": "人物 People", "organization": "组织 Organisations"}


class _Pages(dict):
    """A page map that refuses to write one path twice (a slug collision would lose a page)."""

    def __setitem__(self, key: str, value: str) -> None:
        if key in self:
            raise ValueError(f"two pages would be written to {key}")
        super().__setitem__(key, value)


def site_pages(corpus: Corpus, settings: Settings = DEFAULTS, memo: PageMemo | None = None) -> dict[str, str]:
    """Every generated page: source path under the docs folder ("briefings/x.md") -> Markdown.
    With `memo`, a page of one briefing, actor, topic, outlet or figures topic whose inputs an
    earlier build rendered is read back instead (the pages one changed article touches are among
    these; the others list the whole corpus and change with any article)."""
    memo = memo or PageMemo(None)
    pages: dict[str, str] = _Pages()
    actors_by_id = {a.id: a for a in corpus.actors}
    accessed = accessed_on()  # once a build, as in the citation files: a build past midnight keeps one date
    for b in corpus.briefings:
        source = b.address.source
        pages[source] = memo.page(source, partial(briefing_inputs, b, corpus, actors_by_id, accessed, memo),
                                  partial(briefing_page, b, corpus, actors_by_id, accessed, settings.site_url))
    for actor in corpus.actors:
        pages[actor.address.source] = memo.page(actor.address.source, partial(actor_inputs, actor, corpus, memo),
                                                partial(actor_page, actor, corpus))
    for topic in corpus.topics:
        pages[topic.address.source] = memo.page(topic.address.source, partial(topic_inputs, topic, corpus, memo),
                                                partial(topic_page, topic, corpus))
    pages[urls.HOME.source] = home_page(corpus)
    pages[urls.BRIEFINGS_INDEX.source] = briefings_index(corpus)
    pages[urls.ACTORS_INDEX.source] = actors_index(corpus)
    pages[urls.TOPICS_INDEX.source] = topics_index(corpus)
    pages[urls.TIMELINE.source] = timeline_page(corpus)
    if _is_large(corpus):
        for month, items in corpus.months:
            pages[urls.MONTH.of(month).source] = month_page(month, items)
    for path, text in figures_pages(corpus, memo).items():
        pages[path] = text
    for story in corpus.stories:
        pages[urls.STORY.of(story.id).source] = story_page(story, corpus)
    pages[urls.STORIES_INDEX.source] = stories_index(corpus)
    pages[urls.CONFLICTS.source] = conflicts_page(corpus)
    for entry in corpus.outlets:
        pages[entry.address.source] = memo.page(entry.address.source, partial(outlet_inputs, entry, corpus, memo),
                                                partial(outlet_page, entry, corpus))
    pages[urls.OUTLETS_INDEX.source] = outlets_index(corpus.outlets, corpus)
    pages[urls.BUILD_REPORT.source] = report_page(corpus)
    return dict(pages)


def _badges(briefing: Briefing) -> Trusted:
    article = briefing.article
    parts = []
    if briefing.date:
        inferred = " (推断 inferred)" if article.date and article.date.inferred else ""
        parts.append(("date", f"{briefing.date}{inferred}"))
    if article.outlet:
        parts.append(("outlet", article.outlet.value))
    parts.append((f"type-{article.source_type.value}", SOURCE_TYPE_LABELS[article.source_type]))
    parts.append(("lang", "繁體 Traditional" if article.language == "zh-Hant" else "简体 Simplified"))
    if article.page:
        parts.append(("page", f"第{article.page[0]}页/共{article.page[1]}页"))
    spans = "".join(f'<span class="badge badge-{kind}">{escape(text)}</span> ' for kind, text in parts)
    return Trusted(f'<p class="briefing-badges">{spans.strip()}</p>')


def _cite_block(briefing: Briefing, site_url: str | None) -> Trusted:
    permalink = urls.absolute(briefing.url, site_url)
    title = re.sub(r"\s+", " ", briefing.title).replace("[", "〔").replace("]", "〕")
    outlet = outlet_name(briefing)
    citation = f"[{title}]({permalink}) — {outlet}, {briefing.date or '日期不详'}"
    longest = max((len(run) for run in re.findall(r"`+", citation)), default=0)
    fence = "`" * max(3, longest + 1)
    return Trusted(f'<div class="briefing-citation" markdown>\n\n{fence}text\n{citation}\n{fence}\n\n</div>')


def briefing_inputs(briefing: Briefing, corpus: Corpus, actors_by_id: dict[str, Actor], accessed: Date,
                    memo: PageMemo) -> list[str]:
    """What `briefing_page` shows, for `PageMemo.page`: the briefing, the related briefings, its
    story's accounts, the rows its figures conflict with, the actors its quotes and figures name
    (as the corpus knows them) and the access date its citations give."""
    inputs = [memo.digest(briefing), accessed.isoformat(), *memo.digests(corpus.related.get(briefing.id, ()))]
    story = corpus.story_of.get(briefing.id)
    if story is not None:
        inputs += [repr(story), *(memo.briefings.get(m, "absent") for m in story.members)]
    if corpus.conflicts is not None:
        rows = corpus.conflicts.in_briefing(briefing.id)
        inputs += [repr(rows), *(memo.briefings.get(o.briefing_id, "absent") for refs in rows.values() for o in refs)]
    named = {q.actor_id for q in briefing.quotes if q.actor_id} | {a for f in briefing.figures for a in f.actors}
    inputs += [repr(actors_by_id.get(a)) for a in sorted(named)]
    return inputs


def briefing_page(briefing: Briefing, corpus: Corpus, actors_by_id: dict[str, Actor], accessed: Date,
                  site_url: str | None = None) -> str:
    here = briefing.address
    body = []
    for block in briefing.article.body_blocks:
        body.append((block.kind.value, block.text))
    conflicts = row_conflicts(briefing, corpus, here)
    return render(
        "briefing.md.j2",
        b=briefing,
        here=here,
        badges=_badges(briefing),
        body=body,
        authors=", ".join(briefing.article.authors),
        original_url=safe_url(briefing.article.url),
        related=[(r, here.link_to(r.address)) for r in corpus.related.get(briefing.id, ())],
        actors=[(m, here.link_to(m.actor.address)) for m in briefing.actors[:MAIN_ACTORS]],
        other_actors=[(m, here.link_to(m.actor.address)) for m in briefing.actors[MAIN_ACTORS:]],
        topics=[(t, here.link_to(t.topic.address)) for t in briefing.topics],
        quotes=[(q, here.link_to(actors_by_id[q.actor_id].address) if q.actor_id in actors_by_id else None)
                for q in briefing.quotes],
        figures=[(f, [actors_by_id[a] for a in f.actors if a in actors_by_id], format_value(f),
                  conflicts.get(f.anchor, []), figure_cite(briefing, f, site_url, accessed))
                 for f in briefing.figures],
        also_reported=also_reported(briefing, corpus, here),
        cite=_cite_block(briefing, site_url),
        cite_styles=cite_styles(briefing, site_url, accessed),
        also_sources=briefing.also_sources,
    )


QUALIFIER_SIGNS = {"over": ">", "approx": "≈", "under": "<"}


def _number(value: float) -> str:
    if abs(value) >= 1e6:
        return f"{value:.3g}".replace("e+", "e")
    return f"{value:,.4g}" if value != int(value) else f"{int(value):,}"


def format_value(figure: Figure) -> str:
    """The normalised value as a reader scans it: ">4e11 USD", "15–20 percent"."""
    if figure.value is None:
        return ""
    number = _number(figure.value)
    if figure.value_high is not None:
        number = f"{number}–{_number(figure.value_high)}"
    if figure.value_from is not None:
        number = f"{_number(figure.value_from)} → {number}"  # a change: 由5个增加到9个
    sign = QUALIFIER_SIGNS.get(figure.qualifier or "", "")
    return f"{sign}{number} {figure.unit or ''}".strip()


def _month_counts(briefings: Iterable[Briefing]) -> list[tuple[DateValue, int]]:
    counts = Counter(b.when.as_month() for b in briefings if b.when)
    return sorted(counts.items())


def _briefing_lists(here: urls.Address, briefings: Sequence[Briefing]) -> dict[str, object]:
    """Every briefing of an actor or topic, newest first: the newest with their gist, the rest one line each."""
    rows = [(b, here.link_to(b.address)) for b in briefings]
    return {"latest": rows[:LATEST_WITH_GIST], "earlier": rows[LATEST_WITH_GIST:], "briefing_count": len(rows)}


def actor_inputs(actor: Actor, corpus: Corpus, memo: PageMemo) -> list[str]:
    """What `actor_page` shows: the actor, its briefings, and the actors seen with it with their counts."""
    co = corpus.co_actors.get(actor.id, ())[:ACTOR_NETWORK_NODES]
    return [repr(actor), *memo.digests(corpus.by_actor.get(actor.id, ())),
            *(f"{a!r}:{n}:{len(corpus.by_actor.get(a.id, ()))}" for a, n in co)]


def actor_page(actor: Actor, corpus: Corpus) -> str:
    here = actor.address
    briefings = corpus.by_actor.get(actor.id, ())
    co = corpus.co_actors.get(actor.id, ())[:ACTOR_NETWORK_NODES]
    quotes = [(q, b) for b in briefings for q in b.quotes if q.actor_id == actor.id]
    figures = [(f, b) for b in briefings for f in b.figures if actor.id in f.actors]
    counts = {a.id: len(corpus.by_actor.get(a.id, ())) for a, _ in co}
    nodes = [(actor, len(briefings)), *((a, counts[a.id]) for a, _ in co)]
    edges = [(actor.id, a.id, n) for a, n in co]
    network = network_svg(nodes, edges, lambda a: here.href_to(a.address),
                          f"{actor.name_zh} 的关系网 · who appears with {actor.name}") if co else ""
    activity = activity_svg(_month_counts(briefings), f"{actor.name_zh} 每月简报数 · briefings per month")
    return render(
        "actor.md.j2",
        actor=actor,
        type_label=TYPE_LABELS.get(actor.type, actor.type),
        **_briefing_lists(here, briefings),
        co_actors=[(a, n, here.link_to(a.address)) for a, n in co],
        quotes=[(q, b, here.link_to(b.address)) for q, b in quotes[:LATEST_QUOTES]],
        quote_count=len(quotes),
        figures=[(f, b, here.link_to(b.address)) for f, b in figures[:LATEST_FIGURES]],
        figure_count=len(figures),
        network=Trusted(network),
        activity=Trusted(activity),
    )


def topic_inputs(topic: Topic, corpus: Corpus, memo: PageMemo) -> list[str]:
    """What `topic_page` shows: the topic and its briefings."""
    return [repr(topic), *memo.digests(corpus.by_topic.get(topic.id, ()))]


def topic_page(topic: Topic, corpus: Corpus) -> str:
    here = topic.address
    briefings = corpus.by_topic.get(topic.id, ())
    actor_counts: Counter[str] = Counter()
    actors: dict[str, Actor] = {}
    for briefing in briefings:
        for mention in briefing.actors[:8]:
            actor_counts[mention.actor.id] += 1
            actors[mention.actor.id] = mention.actor
    top_actors = sorted(actor_counts.items(), key=lambda item: (-item[1], item[0]))[:HOME_TOP]
    figures = [(f, b) for b in briefings for f in b.figures]
    return render(
        "topic.md.j2",
        topic=topic,
        **_briefing_lists(here, briefings),
        actors=[(actors[a], n, here.link_to(actors[a].address)) for a, n in top_actors],
        figures=[(f, b, here.link_to(b.address)) for f, b in figures[:LATEST_FIGURES]],
        figure_count=len(figures),
        activity=Trusted(activity_svg(_month_counts(briefings), f"{topic.label_zh} 每月简报数")),
    )


EDGES_PER_ACTOR = 3  # the home network draws each actor's strongest ties only: all of them is a tangle


def _strongest_edges(corpus: Corpus, ids: set[str]) -> list[tuple[str, str, int]]:
    kept: set[tuple[str, str, int]] = set()
    for actor_id in sorted(ids):
        pairs = [(other.id, n) for other, n in corpus.co_actors.get(actor_id, ()) if other.id in ids]
        for other_id, n in pairs[:EDGES_PER_ACTOR]:  # co_actors is strongest first
            kept.add((min(actor_id, other_id), max(actor_id, other_id), n))
    return sorted(kept)


def home_page(corpus: Corpus) -> str:
    here = urls.HOME
    top_actors = corpus.actors[:NETWORK_NODES]
    ids = {a.id for a in top_actors}
    edges = _strongest_edges(corpus, ids)
    nodes = [(a, len(corpus.by_actor.get(a.id, ()))) for a in top_actors]
    topics = sorted(((t, len(corpus.by_topic.get(t.id, ()))) for t in corpus.topics if corpus.by_topic.get(t.id)),
                    key=lambda item: (-item[1], item[0].id))[:HOME_TOP]
    return render(
        "home.md.j2",
        latest=[(b, here.link_to(b.address)) for b in corpus.briefings[:HOME_LATEST]],
        briefings_href=here.link_to(urls.BRIEFINGS_INDEX),
        report_href=here.link_to(urls.BUILD_REPORT),
        counts={"briefings": len(corpus.briefings), "actors": len(corpus.actors),
                "topics": sum(1 for t in corpus.topics if corpus.by_topic.get(t.id)),
                "figures": sum(len(b.figures) for b in corpus.briefings),
                "rejected": sum(f.status is InputStatus.REJECTED for f in corpus.fates),
                "duplicates": sum(f.status is InputStatus.DUPLICATE for f in corpus.fates)},
        actors=[(a, n, here.link_to(a.address)) for a, n in nodes[:HOME_TOP]],
        topics=[(t, n, here.link_to(t.address)) for t, n in topics],
        network=Trusted(network_svg(nodes, edges, lambda a: here.href_to(a.address),
                                    "谁与谁同时出现 · who appears with whom")),
        activity=Trusted(activity_svg(_month_counts(corpus.briefings), "每月简报数 · briefings per month")),
    )


def _is_large(corpus: Corpus) -> bool:
    return len(corpus.briefings) > LIST_ALL_BRIEFINGS


def briefings_index(corpus: Corpus) -> str:
    here = urls.BRIEFINGS_INDEX
    months: list[tuple[str, list[tuple[Briefing, str]], str | None, int]]
    if _is_large(corpus):
        months = [(month, [], here.link_to(urls.MONTH.of(month)), len(items)) for month, items in corpus.months]
    else:
        months = [(month, [(b, here.link_to(b.address)) for b in items], None, len(items))
                  for month, items in corpus.months]
    return render("briefings_index.md.j2", months=months,
                  undated=[(b, here.link_to(b.address)) for b in corpus.undated])


def month_page(month: str, briefings: Sequence[Briefing]) -> str:
    here = urls.MONTH.of(month)
    return render("month.md.j2", month=month, entries=[(b, here.link_to(b.address)) for b in briefings],
                  events=_events_of(month, briefings, here, limit=None))


def _events_of(month: str, briefings: Sequence[Briefing], here: urls.Address, limit: int | None) -> list:
    events = sorted({(date, sentence, b.id): (date, sentence, here.link_to(b.address))
                     for b in briefings for date, sentence in b.events if date.startswith(month)}.values())
    return events if limit is None else events[:limit]


def actors_index(corpus: Corpus) -> str:
    here = urls.ACTORS_INDEX
    groups = []
    for actor_type in ("person", "country", "organization"):
        members = [(a, len(corpus.by_actor.get(a.id, ())), here.link_to(a.address))
                   for a in corpus.actors if a.type == actor_type]
        if members:
            groups.append((TYPE_LABELS[actor_type], members))
    return render("actors_index.md.j2", groups=groups)


def topics_index(corpus: Corpus) -> str:
    here = urls.TOPICS_INDEX
    topics = [(t, len(corpus.by_topic.get(t.id, ())), here.link_to(t.address)) for t in corpus.topics]
    return render("topics_index.md.j2", topics=topics)


def timeline_page(corpus: Corpus) -> str:
    here = urls.TIMELINE
    large = _is_large(corpus)
    months = []
    for month, items in corpus.months:
        entries = [] if large else [(b, here.link_to(b.address)) for b in items]
        events = _events_of(month, items, here, EVENTS_PER_MONTH if large else None)
        months.append((month, entries, events, here.link_to(urls.MONTH.of(month)) if large else None, len(items)))
    return render("timeline.md.j2", months=months,
                  undated=[(b, here.link_to(b.address)) for b in corpus.undated],
                  activity=Trusted(activity_svg(_month_counts(corpus.briefings), "每月简报数 · briefings per month")))


def _figure_groups(corpus: Corpus) -> list[tuple[str, str, list[tuple[Figure, Briefing]]]]:
    """Every figure, grouped by its briefing's main topic: (key, label, rows)."""
    groups: dict[str, list[tuple[Figure, Briefing]]] = {}
    labels: dict[str, str] = {}
    for briefing in corpus.briefings:
        topic = briefing.topics[0].topic if briefing.topics else None
        key = topic.id if topic else "other"
        labels[key] = f"{topic.label_zh} · {topic.label_en}" if topic else "其他 Other"
        for figure in briefing.figures:
            groups.setdefault(key, []).append((figure, briefing))
    return [(key, labels[key], groups[key]) for key in sorted(groups, key=lambda k: (k == "other", k))]


def _figure_group_inputs(label: str, rows: Sequence[tuple[Figure, Briefing]], memo: PageMemo) -> list[str]:
    """What a figures topic's page shows: its label and the briefings of its rows (their figures)."""
    return [label, *memo.digests(b for _, b in rows)]


def figures_pages(corpus: Corpus, memo: PageMemo | None = None) -> dict[str, str]:
    """One table of every figure; above LIST_ALL_FIGURES, one page per topic and an index. With
    `memo`, a topic's page is read back while its figures' briefings are those it was made from."""
    memo = memo or PageMemo(None)
    groups = _figure_groups(corpus)
    total = sum(len(rows) for _, _, rows in groups)
    if total <= LIST_ALL_FIGURES:
        here = urls.FIGURES
        tables = [(label, [(f, b, here.link_to(b.address)) for f, b in rows], None, len(rows))
                  for _, label, rows in groups]
        return {here.source: render("figures.md.j2", groups=tables)}
    pages: dict[str, str] = {}
    index: list[tuple[str, list[object], str, int]] = []
    for key, label, rows in groups:
        here = urls.FIGURE_GROUP.of(key)
        table = [(label, [(f, b, here.link_to(b.address)) for f, b in rows], None, len(rows))]
        pages[here.source] = memo.page(here.source, partial(_figure_group_inputs, label, rows, memo),
                                       partial(render, "figures.md.j2", groups=table))
        index.append((label, [], urls.FIGURES.link_to(here), len(rows)))
    pages[urls.FIGURES.source] = render("figures.md.j2", groups=index)
    return pages


def report_page(corpus: Corpus) -> str:
    here = urls.BUILD_REPORT
    rows = [(fate, here.link_to(fate.page) if fate.page else None) for fate in corpus.fates]
    counts = Counter(f.status.value for f in corpus.fates)
    return render("build_report.md.j2", rows=rows, counts=counts, json_href=here.link_to(urls.BUILD_REPORT_JSON))
