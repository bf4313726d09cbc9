"""The render stage: a `Corpus` becomes the site's Markdown pages and data files.

One function per page kind, each handing records to a template under `templates/`. Paths are
made only here (Pelican's URLWrapper idea): a briefing is `briefings/<id>.md`, served at
`briefings/<id>/`; actors and topics likewise. Output paths are unique by construction and
checked anyway (Pelican's Writer refuses to overwrite).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .export import briefing_record
from .model import Actor, Briefing, Corpus, Figure, InputFate, InputStatus, Topic
from .pictures import activity_svg, network_svg
from .pipeline import run
from .render import Trusted, render, safe_url
from .settings import GENERATOR_VERSION, Settings
from .vocab import Vocabulary, load_vocabulary

HOME_LATEST = 12
MAIN_ACTORS = 8  # listed with names and roles on a briefing; the rest on one line
HOME_TOP = 15
NETWORK_NODES = 30
ACTOR_NETWORK_NODES = 15
FEED_ENTRIES = 30
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
SOURCE_TYPE_LABELS = {"newsroom": "新闻机构 newsroom", "wire": "通讯社 wire", "state-media": "官方媒体 state media",
                      "public-broadcaster": "公共广播 public broadcaster", "portal": "门户转载 portal",
                      "self-media": "自媒体 self-media", "unknown": "来源未明 unknown"}


@dataclass(frozen=True)
class Site:
    pages: dict[str, str]  # path relative to the docs root ("briefings/x.md") -> Markdown
    files: dict[str, str]  # other generated files ("briefings.json") -> text
    corpus: Corpus

    @property
    def fates(self) -> tuple[InputFate, ...]:
        return self.corpus.fates


def briefing_path(briefing: Briefing) -> str:
    return f"briefings/{briefing.id}.md"


def actor_path(actor: Actor) -> str:
    return f"actors/{actor.id}.md"


def topic_path(topic: Topic) -> str:
    return f"topics/{topic.id}.md"


def relative(from_path: str, to_path: str) -> str:
    """A link from one page source to another, as MkDocs resolves them (source paths)."""
    depth = from_path.count("/")
    return "../" * depth + to_path


def page_url(from_path: str, to_path: str) -> str:
    """The served URL of `to_path` relative to the served URL of `from_path` (directory URLs),
    for raw HTML such as SVG links that MkDocs does not rewrite."""
    def served(path: str) -> str:
        stem = path[:-3]
        return "" if stem == "index" else stem[:-5] if stem.endswith("/index") else stem + "/"
    source = served(from_path)
    depth = source.count("/")
    return "../" * depth + served(to_path)


class _Pages(dict):
    """A page map that refuses to write one path twice (a slug collision would lose a page)."""

    def __setitem__(self, key: str, value: str) -> None:
        if key in self:
            raise ValueError(f"two pages would be written to {key}")
        super().__setitem__(key, value)


def build_site(corpus: Corpus, vocab: Vocabulary, site_url: str | None = None) -> Site:
    pages: dict[str, str] = _Pages()
    actors_by_id = {a.id: a for a in corpus.actors}
    for briefing in corpus.briefings:
        pages[briefing_path(briefing)] = briefing_page(briefing, corpus, actors_by_id, site_url)
    for actor in corpus.actors:
        pages[actor_path(actor)] = actor_page(actor, corpus)
    for topic in corpus.topics:
        pages[topic_path(topic)] = topic_page(topic, corpus)
    pages["index.md"] = home_page(corpus)
    pages["briefings/index.md"] = briefings_index(corpus)
    pages["actors/index.md"] = actors_index(corpus)
    pages["topics/index.md"] = topics_index(corpus)
    pages["timeline.md"] = timeline_page(corpus)
    if _is_large(corpus):
        for month, items in corpus.months:
            pages[month_path(month)] = month_page(month, items)
    for path, text in figures_pages(corpus).items():
        pages[path] = text
    pages["build-report.md"] = report_page(corpus)
    files = {
        "build-report.json": report_json(corpus.fates),
        "briefings.json": briefings_json(corpus),
        "feed.xml": atom_feed(corpus, site_url),
    }
    return Site(dict(pages), files, corpus)


def _badges(briefing: Briefing) -> Trusted:
    article = briefing.article
    parts = []
    if briefing.date:
        inferred = " (推断 inferred)" if article.date and article.date.inferred else ""
        parts.append(("date", f"{briefing.date}{inferred}"))
    if article.outlet:
        parts.append(("outlet", article.outlet.value))
    parts.append((f"type-{article.source_type.value}", SOURCE_TYPE_LABELS[article.source_type.value]))
    parts.append(("lang", "繁體 Traditional" if article.language == "zh-Hant" else "简体 Simplified"))
    if article.page:
        parts.append(("page", f"第{article.page[0]}页/共{article.page[1]}页"))
    spans = "".join(f'<span class="badge badge-{kind}">{escape(text)}</span> ' for kind, text in parts)
    return Trusted(f'<p class="briefing-badges">{spans.strip()}</p>')


def _cite_block(briefing: Briefing, site_url: str | None) -> Trusted:
    base = (site_url or "").rstrip("/")
    permalink = f"{base}/{briefing.url}" if base else briefing.url
    title = re.sub(r"\s+", " ", briefing.title).replace("[", "〔").replace("]", "〕")
    outlet = briefing.article.outlet.value if briefing.article.outlet else "未知来源"
    citation = f"[{title}]({permalink}) — {outlet}, {briefing.date or '日期不详'}"
    longest = max((len(run) for run in re.findall(r"`+", citation)), default=0)
    fence = "`" * max(3, longest + 1)
    return Trusted(f'<div class="briefing-citation" markdown>\n\n{fence}text\n{citation}\n{fence}\n\n</div>')


def briefing_page(briefing: Briefing, corpus: Corpus, actors_by_id: dict[str, Actor],
                  site_url: str | None = None) -> str:
    here = briefing_path(briefing)
    body = []
    for block in briefing.article.body_blocks:
        body.append((block.kind.value, block.text))
    return render(
        "briefing.md.j2",
        b=briefing,
        here=here,
        badges=_badges(briefing),
        body=body,
        authors=", ".join(briefing.article.authors),
        original_url=safe_url(briefing.article.url),
        related=[(r, relative(here, briefing_path(r))) for r in corpus.related.get(briefing.id, ())],
        actors=[(m, relative(here, actor_path(m.actor))) for m in briefing.actors[:MAIN_ACTORS]],
        other_actors=[(m, relative(here, actor_path(m.actor))) for m in briefing.actors[MAIN_ACTORS:]],
        topics=[(t, relative(here, topic_path(t.topic))) for t in briefing.topics],
        quotes=[(q, relative(here, actor_path(actors_by_id[q.actor_id])) if q.actor_id in actors_by_id else None)
                for q in briefing.quotes],
        figures=[(f, [actors_by_id[a] for a in f.actors if a in actors_by_id], format_value(f))
                 for f in briefing.figures],
        cite=_cite_block(briefing, site_url),
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
    sign = QUALIFIER_SIGNS.get(figure.qualifier or "", "")
    return f"{sign}{number} {figure.unit or ''}".strip()


def _month_counts(briefings: Iterable[Briefing]) -> list[tuple[str, int]]:
    counts = Counter(b.date[:7] for b in briefings if b.date)
    return sorted(counts.items())


def _briefing_lists(here: str, briefings: Sequence[Briefing]) -> dict[str, object]:
    """Every briefing of an actor or topic, newest first: the newest with their gist, the rest one line each."""
    rows = [(b, relative(here, briefing_path(b))) for b in briefings]
    return {"latest": rows[:LATEST_WITH_GIST], "earlier": rows[LATEST_WITH_GIST:], "briefing_count": len(rows)}


def actor_page(actor: Actor, corpus: Corpus) -> str:
    here = actor_path(actor)
    briefings = corpus.by_actor.get(actor.id, ())
    co = corpus.co_actors.get(actor.id, ())[:ACTOR_NETWORK_NODES]
    quotes = [(q, b) for b in briefings for q in b.quotes if q.actor_id == actor.id]
    figures = [(f, b) for b in briefings for f in b.figures if actor.id in f.actors]
    counts = {a.id: len(corpus.by_actor.get(a.id, ())) for a, _ in co}
    nodes = [(actor, len(briefings)), *((a, counts[a.id]) for a, _ in co)]
    edges = [(actor.id, a.id, n) for a, n in co]
    network = network_svg(nodes, edges, lambda a: page_url(here, actor_path(a)),
                          f"{actor.name_zh} 的关系网 · who appears with {actor.name}") if co else ""
    activity = activity_svg(_month_counts(briefings), f"{actor.name_zh} 每月简报数 · briefings per month")
    return render(
        "actor.md.j2",
        actor=actor,
        type_label=TYPE_LABELS.get(actor.type, actor.type),
        **_briefing_lists(here, briefings),
        co_actors=[(a, n, relative(here, actor_path(a))) for a, n in co],
        quotes=[(q, b, relative(here, briefing_path(b))) for q, b in quotes[:LATEST_QUOTES]],
        quote_count=len(quotes),
        figures=[(f, b, relative(here, briefing_path(b))) for f, b in figures[:LATEST_FIGURES]],
        figure_count=len(figures),
        network=Trusted(network),
        activity=Trusted(activity),
    )


def topic_page(topic: Topic, corpus: Corpus) -> str:
    here = topic_path(topic)
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
        actors=[(actors[a], n, relative(here, actor_path(actors[a]))) for a, n in top_actors],
        figures=[(f, b, relative(here, briefing_path(b))) for f, b in figures[:LATEST_FIGURES]],
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
    here = "index.md"
    top_actors = corpus.actors[:NETWORK_NODES]
    ids = {a.id for a in top_actors}
    edges = _strongest_edges(corpus, ids)
    nodes = [(a, len(corpus.by_actor.get(a.id, ()))) for a in top_actors]
    topics = sorted(((t, len(corpus.by_topic.get(t.id, ()))) for t in corpus.topics if corpus.by_topic.get(t.id)),
                    key=lambda item: (-item[1], item[0].id))[:HOME_TOP]
    return render(
        "home.md.j2",
        latest=[(b, relative(here, briefing_path(b))) for b in corpus.briefings[:HOME_LATEST]],
        counts={"briefings": len(corpus.briefings), "actors": len(corpus.actors),
                "topics": sum(1 for t in corpus.topics if corpus.by_topic.get(t.id)),
                "figures": sum(len(b.figures) for b in corpus.briefings),
                "rejected": sum(f.status is InputStatus.REJECTED for f in corpus.fates),
                "duplicates": sum(f.status is InputStatus.DUPLICATE for f in corpus.fates)},
        actors=[(a, n, relative(here, actor_path(a))) for a, n in nodes[:HOME_TOP]],
        topics=[(t, n, relative(here, topic_path(t))) for t, n in topics],
        network=Trusted(network_svg(nodes, edges, lambda a: page_url(here, actor_path(a)),
                                    "谁与谁同时出现 · who appears with whom")),
        activity=Trusted(activity_svg(_month_counts(corpus.briefings), "每月简报数 · briefings per month")),
    )


def month_path(month: str) -> str:
    return f"timeline/{month}.md"


def _is_large(corpus: Corpus) -> bool:
    return len(corpus.briefings) > LIST_ALL_BRIEFINGS


def briefings_index(corpus: Corpus) -> str:
    here = "briefings/index.md"
    if _is_large(corpus):
        months = [(month, [], relative(here, month_path(month)), len(items)) for month, items in corpus.months]
    else:
        months = [(month, [(b, relative(here, briefing_path(b))) for b in items], None, len(items))
                  for month, items in corpus.months]
    return render("briefings_index.md.j2", months=months,
                  undated=[(b, relative(here, briefing_path(b))) for b in corpus.undated])


def month_page(month: str, briefings: Sequence[Briefing]) -> str:
    here = month_path(month)
    return render("month.md.j2", month=month, entries=[(b, relative(here, briefing_path(b))) for b in briefings],
                  events=_events_of(month, briefings, here, limit=None))


def _events_of(month: str, briefings: Sequence[Briefing], here: str, limit: int | None) -> list:
    events = sorted({(date, sentence, b.id): (date, sentence, relative(here, briefing_path(b)))
                     for b in briefings for date, sentence in b.events if date.startswith(month)}.values())
    return events if limit is None else events[:limit]


def actors_index(corpus: Corpus) -> str:
    here = "actors/index.md"
    groups = []
    for actor_type in ("person", "country", "organization"):
        members = [(a, len(corpus.by_actor.get(a.id, ())), relative(here, actor_path(a)))
                   for a in corpus.actors if a.type == actor_type]
        if members:
            groups.append((TYPE_LABELS[actor_type], members))
    return render("actors_index.md.j2", groups=groups)


def topics_index(corpus: Corpus) -> str:
    here = "topics/index.md"
    topics = [(t, len(corpus.by_topic.get(t.id, ())), relative(here, topic_path(t))) for t in corpus.topics]
    return render("topics_index.md.j2", topics=topics)


def timeline_page(corpus: Corpus) -> str:
    here = "timeline.md"
    large = _is_large(corpus)
    months = []
    for month, items in corpus.months:
        entries = [] if large else [(b, relative(here, briefing_path(b))) for b in items]
        events = _events_of(month, items, here, EVENTS_PER_MONTH if large else None)
        months.append((month, entries, events, relative(here, month_path(month)) if large else None, len(items)))
    return render("timeline.md.j2", months=months,
                  undated=[(b, relative(here, briefing_path(b))) for b in corpus.undated],
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


def figures_pages(corpus: Corpus) -> dict[str, str]:
    """One table of every figure; above LIST_ALL_FIGURES, one page per topic and an index."""
    groups = _figure_groups(corpus)
    total = sum(len(rows) for _, _, rows in groups)
    if total <= LIST_ALL_FIGURES:
        here = "figures.md"
        tables = [(label, [(f, b, relative(here, briefing_path(b))) for f, b in rows], None, len(rows))
                  for _, label, rows in groups]
        return {here: render("figures.md.j2", groups=tables)}
    pages = {}
    index = []
    for key, label, rows in groups:
        here = f"figures/{key}.md"
        table = [(label, [(f, b, relative(here, briefing_path(b))) for f, b in rows], None, len(rows))]
        pages[here] = render("figures.md.j2", groups=table)
        index.append((label, [], relative("figures.md", here), len(rows)))
    pages["figures.md"] = render("figures.md.j2", groups=index)
    return pages


def report_page(corpus: Corpus) -> str:
    here = "build-report.md"
    rows = []
    for fate in corpus.fates:
        target = None
        if fate.url:
            target = relative(here, fate.url.rstrip("/") + ".md")
        rows.append((fate, target))
    counts = Counter(f.status.value for f in corpus.fates)
    return render("build_report.md.j2", rows=rows, counts=counts)


def report_json(fates: Iterable[InputFate]) -> str:
    inputs = [{"source": f.source, "status": f.status.value, "reason": f.reason, "url": f.url} for f in fates]
    return json.dumps({"generator": GENERATOR_VERSION, "inputs": inputs}, ensure_ascii=False, indent=1) + "\n"


def briefings_json(corpus: Corpus) -> str:
    keep = ("id", "permalink", "title", "date", "outlet", "source_type", "gist", "url", "authors")
    records = []
    for briefing in corpus.briefings:
        record = briefing_record(briefing)
        entry = {k: record[k] for k in keep}
        entry["actors"] = [{"id": a["id"], "name": a["name"], "name_zh": a["name_zh"]} for a in record["actors"]]
        entry["topics"] = [t["id"] for t in record["topics"]]
        entry["figures"] = [{k: f[k] for k in ("anchor", "text", "value", "unit", "measure", "year")}
                            for f in record["figures"]]
        records.append(entry)
    # Compact, one briefing a line: with indent, json falls back from its C encoder to Python (1.6 s at 1000).
    lines = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    return '{"briefings": [\n' + lines + "\n]}\n"


def atom_feed(corpus: Corpus, site_url: str | None) -> str:
    """Atom needs absolute ids: the site's address when mkdocs.yml sets site_url, else tag: URIs
    (RFC 4151), which are just as permanent; links are then relative to the feed."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    newest = corpus.briefings[0].date if corpus.briefings and corpus.briefings[0].date else "1970-01-01"

    def entry_id(path: str) -> str:
        return base + path if base else f"tag:briefings.local,2024:{path}"

    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           "<title>Briefings</title>", f"<id>{escape(entry_id(''))}</id>",
           f'<link href="{escape(base)}feed.xml" rel="self"/>', f"<updated>{_atom_date(newest)}</updated>"]
    for briefing in corpus.briefings[:FEED_ENTRIES]:
        link = base + briefing.url
        out += ["<entry>", f"<title>{escape(briefing.title)}</title>", f'<link href="{escape(link)}"/>',
                f"<id>{escape(entry_id(briefing.url))}</id>",
                f"<updated>{_atom_date(briefing.date or newest)}</updated>",
                f"<summary>{escape(briefing.gist)}</summary>", "</entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def _atom_date(date: str) -> str:
    parts = ([*date.split("-"), "01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def jieba_user_dict(vocab: Vocabulary, corpus: Corpus | None = None) -> str:
    """Every actor name and alias as one word for jieba, so search finds 米尔佐扬 whole."""
    words = set()
    for actor in [*vocab.actors, *(corpus.actors if corpus else ())]:
        for form in actor.zh_forms:
            if len(form) >= 2 and " " not in form:
                words.add(form)
    return "".join(f"{word} 100000 nr\n" for word in sorted(words))


def generate(settings: Settings, site_url: str | None = None) -> Site:
    vocab = load_vocabulary(settings)
    return build_site(run(settings, vocab), vocab, site_url)


def write_pages(settings: Settings, out: Path, site_url: str | None = None) -> Site:
    """`python -m generator build`: every page and data file into `out`, for any static site tool."""
    site = generate(settings, site_url)
    for path, text in {**site.pages, **site.files}.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    return site
