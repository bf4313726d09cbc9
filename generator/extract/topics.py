"""Topics a briefing belongs to, by weighted keywords from topics.yaml.

A topic's score is the sum, over its keywords, of weight × occurrences (each keyword counted at
most MAX_HITS times, so one word repeated cannot carry a topic alone). A topic is kept when its
score reaches MIN_SCORE and at least two distinct keywords matched, or a decisive (weight 3)
keyword matched twice; the best MAX_TOPICS are kept. The thresholds were set on the example
articles and are pinned by tests/extract/test_topics.py.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Topic, TopicScore

MAX_HITS = 3
MIN_SCORE = 6.0
MAX_TOPICS = 5


# (position of the topic, position of the keyword in it, keyword, weight)
_Entry = tuple[int, int, str, int]


@dataclass(frozen=True)
class KeywordIndex:
    """The topics' keywords by their first two characters, built once per vocabulary: an article
    is then checked only for the keywords whose first two characters it contains, instead of
    counting each of the hundreds of keywords in it."""

    by_head: dict[str, tuple[_Entry, ...]]
    short: tuple[_Entry, ...]  # keywords of fewer than two characters: always counted

    @classmethod
    def of(cls, topics: Sequence[Topic]) -> KeywordIndex:
        by_head: dict[str, list[_Entry]] = {}
        short: list[_Entry] = []
        for t, topic in enumerate(topics):
            for k, (keyword, weight) in enumerate(topic.keywords.items()):
                entry = (t, k, keyword, weight)
                if len(keyword) >= 2:
                    by_head.setdefault(keyword[:2], []).append(entry)
                else:
                    short.append(entry)
        return cls({head: tuple(entries) for head, entries in by_head.items()}, tuple(short))


def score_topics(text: str, topics: Sequence[Topic], max_topics: int = MAX_TOPICS,
                 index: KeywordIndex | None = None) -> tuple[TopicScore, ...]:
    """`index` is `KeywordIndex.of(topics)`, made once by a caller that scores many texts."""
    index = index if index is not None else KeywordIndex.of(topics)
    pairs = set(map(operator.add, text, text[1:]))  # every two-character sequence of the text
    entries = [e for head in pairs.intersection(index.by_head) for e in index.by_head[head]]
    found: dict[int, list[tuple[int, str, int, int]]] = {}
    for t, k, keyword, weight in [*entries, *index.short]:
        hits = min(text.count(keyword), MAX_HITS)
        if hits:
            found.setdefault(t, []).append((k, keyword, weight, hits))
    scored = []
    for t in sorted(found):  # in the topics' order, as their ties are broken
        score, matched = 0.0, []
        decisive = False
        for _, keyword, weight, hits in sorted(found[t]):  # in the topic's keyword order
            score += weight * hits
            matched.append(keyword)
            decisive = decisive or (weight == 3 and hits >= 2)
        if score >= MIN_SCORE and (len(matched) >= 2 or decisive):
            scored.append(TopicScore(topics[t], score, tuple(matched)))
    scored.sort(key=lambda s: (-s.score, s.topic.id))
    return tuple(scored[:max_topics])
