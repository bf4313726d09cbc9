"""The summary: a few sentences of the article, in its order, central and not repetitive."""

from generator.extract.summary import gist, summarise

SENTENCES = [
    "俄罗斯外长周一抵达北京，与中方就能源合作举行会谈。",
    "双方同意扩大天然气管道合作，并推进本币结算。",
    "会谈在钓鱼台国宾馆举行，持续约三个小时。",
    "双方同意扩大天然气管道合作，并推进本币结算安排。",
    "分析人士认为，能源合作是两国关系的压舱石。",
    "当天北京天气晴朗。",
    "俄方表示，愿与中方在北极航道开发上加强协调。",
    "报道称，两国贸易额去年再创新高。",
]


def test_the_summary_keeps_the_articles_order_and_length():
    summary = summarise(SENTENCES, count=4)
    assert len(summary) == 4
    assert [SENTENCES.index(s) for s in summary] == sorted(SENTENCES.index(s) for s in summary)


def test_the_lead_is_in_the_summary():
    assert SENTENCES[0] in summarise(SENTENCES, count=3)


def test_a_sentence_that_repeats_a_chosen_one_is_left_out():
    summary = summarise(SENTENCES, count=4)
    assert not (SENTENCES[1] in summary and SENTENCES[3] in summary)


def test_a_boost_for_key_figures_can_lift_a_sentence_in():
    boosts = [0.0] * len(SENTENCES)
    boosts[7] = 1.0
    assert SENTENCES[7] in summarise(SENTENCES, boosts, count=4)


def test_a_short_article_is_its_own_summary():
    assert summarise(SENTENCES[:2], count=4) == tuple(SENTENCES[:2])


def test_the_gist_is_one_line_cut_at_a_clause():
    long_sentence = "这是一个很长的句子，" * 12 + "结束。"
    line = gist([long_sentence], None)
    assert len(line) <= 91 and line.endswith("…")
    assert gist([], "标题") == "标题"
