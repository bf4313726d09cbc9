"""Briefings as plain records and the site's data files: the JSON/YAML of `python -m generator
extract` (the format that ../shared/tools/score.py reads), `briefings.json`, `build-report.json`,
the Atom feed, and the word list Material's search gives jieba. Pure, like `site`: corpus and
settings in, text out; addresses come from `urls`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

from . import urls
from .citations import accessed_on, bibtex_entry, csl_item, csl_json, ris_entry
from .dates import DateValue
from .model import Actor, Briefing, Corpus, Figure, InputFate
from .settings import DEFAULTS, GENERATOR_VERSION, Settings
from .vocab import Vocabulary

FEED_ENTRIES = 30


def actor_record(actor: Actor) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "name_zh": actor.name_zh, "type": actor.type,
            "listed": actor.listed, "url": actor.url}


def figure_record(figure: Figure) -> dict[str, Any]:
    return {
        "anchor": figure.anchor, "text": figure.text, "value": figure.value, "value_high": figure.value_high,
        "unit": figure.unit, "qualifier": figure.qualifier, "measure": figure.measure, "year": figure.year,
        "actors": list(figure.actors), "sentence": figure.sentence, "value_from": figure.value_from,
        "aliases": list(figure.aliases),
    }


def briefing_record(briefing: Briefing) -> dict[str, Any]:
    article = briefing.article
    return {
        "source": article.source,
        "id": briefing.id,
        "permalink": briefing.url,
        "form": article.form.value,
        "title": briefing.title,
        "title_source": article.title.rule if article.title else None,
        "title_derived": bool(article.title and article.title.inferred),
        "date": briefing.date,
        "date_source": article.date.rule if article.date else None,
        "date_inferred": bool(article.date and article.date.inferred),
        "outlet": article.outlet.value if article.outlet else None,
        "outlet_source": article.outlet.rule if article.outlet else None,
        "source_type": article.source_type.value,
        "language": article.language,
        "authors": list(article.authors),
        "url": article.url,
        "page": list(article.page) if article.page else None,
        "body": article.body,
        "headings": [b.text for b in article.body_blocks if b.kind.value == "heading"],
        "captions": list(article.captions),
        "references": [{"title": r.title, "outlet": r.outlet, "date": r.date.iso if r.date else None}
                       for r in article.references],
        "summary": list(briefing.summary),
        "gist": briefing.gist,
        "figures": [figure_record(f) for f in briefing.figures],
        "actors": [
            {**actor_record(m.actor), "surface": list(m.surfaces), "count": m.count, "salience": m.salience}
            for m in briefing.actors
        ],
        "topics": [{"id": t.topic.id, "label": t.topic.label_zh, "label_en": t.topic.label_en,
                    "score": t.score, "matched": list(t.matched)} for t in briefing.topics],
        "quotes": [{"text": q.text, "speaker": q.speaker, "actor": q.actor_id, "sentence": q.sentence}
                   for q in briefing.quotes],
        "also_sources": list(briefing.also_sources),
    }


def site_files(corpus: Corpus, settings: Settings = DEFAULTS) -> dict[str, str]:
    """The site's data files: path under the docs folder -> text."""
    return {
        urls.BUILD_REPORT_JSON.source: report_json(corpus.fates),
        urls.BRIEFINGS_JSON.source: briefings_json(corpus),
        urls.FEED.source: atom_feed(corpus, settings.site_url),
        **citation_files(corpus, settings.site_url),
    }


def citation_files(corpus: Corpus, site_url: str | None) -> dict[str, str]:
    """Every briefing as CSL-JSON, BibTeX and RIS (Zotero, EndNote and pandoc import these)."""
    accessed = accessed_on()
    links = [(b, urls.absolute(b.url, site_url)) for b in corpus.briefings]
    items = [csl_item(b, link, accessed) for b, link in links]
    entries = [bibtex_entry(b, link, accessed) for b, link in links]
    files = {
        urls.CSL_JSON.source: csl_json(items),
        urls.BIBTEX.source: "\n".join(entries),
        urls.RIS.source: "\n".join(ris_entry(b, link, accessed) for b, link in links),
    }
    for (briefing, _), item, entry in zip(links, items, entries):  # the Cite block's downloads
        files[urls.CITE_CSL.of(briefing.id).source] = csl_json([item])
        files[urls.CITE_BIB.of(briefing.id).source] = entry
    return files


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
        conflicts = corpus.conflicts
        entry["figures"] = [{**{k: f[k] for k in ("anchor", "text", "value", "unit", "measure", "year")},
                             "conflicts": conflicts.urls_of(briefing.id, f["anchor"]) if conflicts else []}
                            for f in record["figures"]]
        story = corpus.story_of.get(briefing.id)
        entry["story"] = story.id if story else None
        records.append(entry)
    # Compact, one briefing a line: with indent, json falls back from its C encoder to Python (1.6 s at 1000).
    lines = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    return '{"briefings": [\n' + lines + "\n]}\n"


def atom_feed(corpus: Corpus, site_url: str | None) -> str:
    """Atom needs absolute ids: the site's address when mkdocs.yml sets site_url, else tag: URIs
    (RFC 4151), which are just as permanent; links are then relative to the feed."""
    newest = (corpus.briefings[0].when if corpus.briefings else None) or DateValue(1970, 1, 1)

    def entry_id(url: str) -> str:
        return urls.absolute(url, site_url) if site_url else f"tag:briefings.local,2024:{url}"

    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           "<title>Briefings</title>", f"<id>{escape(entry_id(''))}</id>",
           f'<link href="{escape(urls.absolute(urls.FEED.url, site_url))}" rel="self"/>',
           f"<updated>{_atom_date(newest)}</updated>"]
    for briefing in corpus.briefings[:FEED_ENTRIES]:
        out += ["<entry>", f"<title>{escape(briefing.title)}</title>",
                f'<link href="{escape(urls.absolute(briefing.url, site_url))}"/>',
                f"<id>{escape(entry_id(briefing.url))}</id>",
                f"<updated>{_atom_date(briefing.when or newest)}</updated>",
                f"<summary>{escape(briefing.gist)}</summary>", "</entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def _atom_date(when: DateValue) -> str:
    """Atom wants a full timestamp: a month-only date stands for its first day."""
    return f"{when.year:04d}-{when.month:02d}-{when.day or 1:02d}T00:00:00Z"


def jieba_user_dict(vocab: Vocabulary) -> str:
    """Every listed actor's name and alias as one word for jieba, so search finds 米尔佐扬 whole.

    A form that holds a shorter form of the same actor (泽连斯基总统, 俄罗斯联邦) is left out: as one
    word it would hide the shorter name inside it from a search for that name.
    """
    words: set[str] = set()
    for actor in vocab.actors:
        forms = [f for f in actor.zh_forms if len(f) >= 2 and " " not in f]
        words.update(f for f in forms if not any(other != f and other in f for other in forms))
    return "".join(f"{word} 100000 nr\n" for word in sorted(words))
