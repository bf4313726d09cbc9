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

from ..model import Topic, TopicScore

MAX_HITS = 3
MIN_SCORE = 6.0
MAX_TOPICS = 5


def score_topics(text: str, topics: Sequence[Topic], max_topics: int = MAX_TOPICS) -> tuple[TopicScore, ...]:
    # Every two-character sequence of the text: a keyword whose first two characters are not among
    # them is not in the text, and most of the hundreds of keywords are not; counting each in the
    # whole text was most of this function's time.
    pairs = set(map(operator.add, text, text[1:]))
    scored = []
    for topic in topics:
        score, matched = 0.0, []
        decisive = False
        for keyword, weight in topic.keywords.items():
            hits = min(text.count(keyword), MAX_HITS) if len(keyword) < 2 or keyword[:2] in pairs else 0
            if hits:
                score += weight * hits
                matched.append(keyword)
                decisive = decisive or (weight == 3 and hits >= 2)
        if score >= MIN_SCORE and (len(matched) >= 2 or decisive):
            scored.append(TopicScore(topic, score, tuple(matched)))
    scored.sort(key=lambda s: (-s.score, s.topic.id))
    return tuple(scored[:max_topics])
