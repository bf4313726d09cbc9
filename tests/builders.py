"""Small records for unit tests: briefings built directly, no files (jusText's style)."""

from __future__ import annotations

from generator.dates import from_iso
from generator.model import (
    Actor,
    ActorMention,
    Article,
    Block,
    BlockKind,
    Briefing,
    Figure,
    Sourced,
    SourcedDate,
    SourceForm,
    Topic,
    TopicScore,
)


def dated(date: str | None, rule: str = "html:time") -> SourcedDate | None:
    """A stated date written as ISO text (2025-03-01 or 2025-03), as a test writes it."""
    when = from_iso(date) if date else None
    assert when is not None or date is None, f"not an ISO date: {date!r}"
    return SourcedDate(when, rule) if when else None


CHINA = Actor("china", "China", "中国", "country")
RUSSIA = Actor("russia", "Russia", "俄罗斯", "country")
BELARUS = Actor("belarus", "Belarus", "白俄罗斯", "country")
LUKASHENKO = Actor("alexander-lukashenko", "Alexander Lukashenko", "卢卡申科", "person")
ENERGY = Topic("energy", "能源", "Energy", {"天然气": 3})
TRADE = Topic("trade", "贸易", "Trade", {"贸易额": 3})


def briefing(doc_id: str, date: str | None = "2025-03-01", actors: tuple[Actor, ...] = (),
             topics: tuple[Topic, ...] = (), title: str | None = None, body: str = "正文。",
             figures: tuple[Figure, ...] = ()) -> Briefing:
    article = Article(
        source=f"{doc_id}.txt", doc_id=doc_id, form=SourceForm.TEXT,
        blocks=(Block(body, BlockKind.PARAGRAPH, True, "content", 1),),
        title=Sourced(title or f"标题 {doc_id}", "text:headline"),
        date=dated(date, "html:time"),
    )
    return Briefing(
        article=article, summary=(body,), gist=body, figures=figures,
        actors=tuple(ActorMention(a, (a.name_zh,), 1, 1.0) for a in actors),
        topics=tuple(TopicScore(t, 10.0, ("kw",)) for t in topics), quotes=(),
    )
