"""Exports read by tools outside the site: the search dictionary given to Material's jieba."""

from __future__ import annotations

from generator.export import jieba_user_dict
from generator.vocab import Vocabulary


def dictionary_words(vocab: Vocabulary) -> set[str]:
    return {line.split(" ")[0] for line in jieba_user_dict(vocab).splitlines()}


def test_a_listed_actor_name_is_one_search_word(vocab: Vocabulary) -> None:
    words = dictionary_words(vocab)
    assert {"卢卡申科", "拉夫罗夫", "泽连斯基"} <= words


def test_a_form_holding_a_shorter_name_of_the_same_actor_is_not_a_word(vocab: Vocabulary) -> None:
    # As one word, 泽连斯基总统 would hide 泽连斯基 from a search for the name.
    words = dictionary_words(vocab)
    for actor in vocab.actors:
        forms = set(actor.zh_forms)
        for word in words & forms:
            assert not any(other != word and other in word for other in forms), (actor.id, word)
