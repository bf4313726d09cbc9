"""Sentences for summaries, figures and quotes: never cut inside a quotation."""

from generator.extract.sentences import split_sentences


def test_sentences_end_at_chinese_full_stops_and_marks():
    assert split_sentences("第一句。第二句！第三句？") == ["第一句。", "第二句！", "第三句？"]


def test_a_full_stop_inside_quotation_marks_does_not_end_the_sentence():
    text = "他说：“我们不结盟。我们也不对抗。”随后离开。"
    assert split_sentences(text) == ["他说：“我们不结盟。我们也不对抗。”随后离开。"]


def test_closing_marks_stay_with_their_sentence():
    assert split_sentences("他问：“为什么？”……然后呢？") == ["他问：“为什么？”……然后呢？"]


def test_paragraphs_never_run_together():
    assert split_sentences("没有句号的标题\n正文一句。") == ["没有句号的标题", "正文一句。"]
