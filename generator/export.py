"""Briefings as plain records: the JSON/YAML of `python -m generator extract` (the format that
../shared/tools/score.py reads) and `site/briefings.json`."""

from __future__ import annotations

from typing import Any

from .model import Actor, Briefing, Figure


def actor_record(actor: Actor) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "name_zh": actor.name_zh, "type": actor.type,
            "listed": actor.listed, "url": actor.url}


def figure_record(figure: Figure) -> dict[str, Any]:
    return {
        "anchor": figure.anchor, "text": figure.text, "value": figure.value, "value_high": figure.value_high,
        "unit": figure.unit, "qualifier": figure.qualifier, "measure": figure.measure, "year": figure.year,
        "actors": list(figure.actors), "sentence": figure.sentence,
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
        "references": [{"title": r.title, "outlet": r.outlet, "date": r.date} for r in article.references],
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
