"""Topics by weighted keywords: thresholds pinned."""

from generator.extract.topics import MIN_SCORE, KeywordIndex, score_topics
from generator.model import Topic

ENERGY = Topic("energy", "能源", "Energy", {"天然气": 3, "管道": 2, "能源": 1})
TRADE = Topic("trade", "贸易", "Trade", {"贸易额": 3, "关税": 3})


def ids(text: str) -> list[str]:
    return [t.topic.id for t in score_topics(text, [ENERGY, TRADE])]


def test_a_topic_needs_a_score_of_six_from_two_keywords():
    assert MIN_SCORE == 6.0
    assert ids("天然气管道开通。") == []  # 3 + 2 = 5: just below
    assert ids("天然气管道开通，能源合作深化。") == ["energy"]  # 3 + 2 + 1 = 6


def test_one_passing_mention_is_not_a_topic():
    assert ids("文章提到能源。") == []


def test_a_decisive_keyword_said_twice_makes_a_topic():
    assert ids("关税战升级，新关税下月生效。") == ["trade"]


def test_the_best_topics_come_first_and_are_capped():
    text = "天然气、天然气、管道、能源。贸易额和关税。"
    result = score_topics(text, [ENERGY, TRADE], max_topics=1)
    assert [t.topic.id for t in result] == ["energy"]
    assert result[0].matched == ("天然气", "管道", "能源")


def test_an_index_made_once_scores_as_the_keywords_counted_one_by_one():
    short = Topic("short", "短", "Short", {"油": 3, "": 1, "能源": 2})
    topics = [ENERGY, TRADE, short]
    index = KeywordIndex.of(topics)
    text = "能源出口与贸易：石油、天然气和油价。贸易额增长，能源合作加深，油气管道。"
    by_hand = []
    for topic in topics:
        hits = {k: min(text.count(k), 3) for k in topic.keywords if text.count(k)}
        score = float(sum(topic.keywords[k] * h for k, h in hits.items()))
        decisive = any(topic.keywords[k] == 3 and h >= 2 for k, h in hits.items())
        if score >= MIN_SCORE and (len(hits) >= 2 or decisive):
            by_hand.append((topic.id, score, tuple(hits)))
    by_hand.sort(key=lambda item: (-item[1], item[0]))
    assert [(t.topic.id, t.score, t.matched) for t in score_topics(text, topics, index=index)] == by_hand
    assert score_topics(text, topics, index=index) == score_topics(text, topics)
