"""Direct quotes and who said them."""

from __future__ import annotations

from generator.extract.quotes import find_quotes
from generator.extract.sentences import split_sentences


def quotes_of(matcher, text: str) -> list[tuple[str | None, str]]:
    sentences, offset = [], 0
    for sentence in split_sentences(text):
        start = text.find(sentence, offset)
        sentences.append((sentence, start))
        offset = start + len(sentence)
    return [(q.speaker, q.text) for q in find_quotes(sentences, matcher.find(text))]


def test_a_speaker_before_the_verb_is_credited(matcher):
    text = "外长拉夫罗夫公开批评：“抛弃传统盟友不会给任何国家带来益处。”"
    assert quotes_of(matcher, text) == [("拉夫罗夫", "抛弃传统盟友不会给任何国家带来益处。")]


def test_a_speaker_after_the_quote_is_credited(matcher):
    text = "“这种关系在战略上是一致的，”发言人佩斯科夫周一对记者说。"
    assert quotes_of(matcher, text) == [("佩斯科夫", "这种关系在战略上是一致的，")]


def test_he_is_the_last_named_speaker(matcher):
    text = "普京表示：“我们愿意继续对话和谈判。”“但前提必须得到各方尊重，”他说。"
    assert quotes_of(matcher, text) == [("普京", "我们愿意继续对话和谈判。"), ("普京", "但前提必须得到各方尊重，")]


def test_a_person_in_the_clause_of_the_verb_wins_over_a_newspaper(matcher):
    text = "秦刚在《华盛顿邮报》上发表的文章中写道，“相关说法纯属虚假信息，不值一驳。”"
    assert quotes_of(matcher, text)[0][0] == "秦刚"


def test_the_subject_carries_over_to_a_verb_in_the_next_clause(matcher):
    text = "克里姆林宫驳斥了特朗普可能分裂两国的观点，称“双方的联系是最重要的稳定因素”。"
    assert quotes_of(matcher, text)[0][0] == "俄罗斯"


def test_scare_quotes_are_not_statements(matcher):
    assert quotes_of(matcher, "两国是“真朋友”，也是“好邻居”。") == []


def test_an_unattributed_quote_keeps_no_speaker(matcher):
    assert quotes_of(matcher, "国防部发言人近期强调“坚决反对任何形式的扩张行为”。") == [
        (None, "坚决反对任何形式的扩张行为")]


def test_he_before_any_quote_is_the_person_named_last(matcher):
    text = "外界更关注的是普京在发布会上的一番话。他说：“部署计划将在明年下半年完成。”"
    assert quotes_of(matcher, text) == [("普京", "部署计划将在明年下半年完成。")]
