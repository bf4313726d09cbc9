"""Who a text is about: listed actors by their forms, unlisted ones by the shape of names."""

from __future__ import annotations

import pytest

from generator.extract.actors import ActorMatcher, mentions, unlisted_actor
from generator.model import Actor
from generator.textnorm import to_simplified


def names(matcher: ActorMatcher, text: str) -> list[str]:
    return [m.actor.name for m in matcher.find(to_simplified(text))]


def test_the_longest_form_wins_so_armenia_is_not_the_united_states(matcher):
    assert names(matcher, "亚美尼亚外长出席会议。") == ["Armenia"]


def test_capitals_and_government_seats_stand_for_their_country(matcher):
    found = names(matcher, "克里姆林宫和白宫都没有回应，北京则表示关注。")
    assert found == ["Russia", "United States", "China"]


@pytest.mark.parametrize(("text", "expected"), [
    ("中俄关系持续升温。", {"China", "Russia"}),
    ("俄乌冲突进入第四年。", {"Russia", "Ukraine"}),
    ("这被视为美俄接触的信号。", {"United States", "Russia"}),
    ("俄亚关系正经历裂变。", {"Russia", "Armenia"}),
])
def test_single_character_abbreviations_count_in_compounds(matcher, text, expected):
    assert set(names(matcher, text)) == expected


@pytest.mark.parametrize("text", [
    "他在道德中寻找答案。",  # 德中 inside another word
    "中亚国家的天然气管道。",  # a region, not China + Armenia
    "油价以美元结算。",  # 美 in 美元
    "文章说美中不足的是时间太短。",
    "5日中午双方继续会谈。",  # 日 is the day
])
def test_abbreviations_never_fire_inside_other_words(matcher, text):
    assert names(matcher, text) == []


def test_an_abbreviation_after_a_verb_of_relation_is_its_country(matcher):
    assert names(matcher, "华盛顿试图联俄制华。") == ["United States", "Russia", "China"]


def test_an_organ_of_state_counts_for_its_country_with_the_whole_phrase_as_surface(matcher):
    matches = matcher.find("吉尔吉斯斯坦外交部证实了这一消息。")
    assert [(m.actor.name, m.surface) for m in matches] == [("Kyrgyzstan", "吉尔吉斯斯坦外交部")]


def test_a_dotted_foreign_name_is_discovered_and_never_read_as_a_country(matcher):
    matches = matcher.find("美国博主马里奥·纳夫尔法采访了他。")
    found = {m.actor.name_zh: m.actor for m in matches}
    assert "马里奥·纳夫尔法" in found
    assert not found["马里奥·纳夫尔法"].listed
    assert "Mali" not in {m.actor.name for m in matches}


def test_the_full_name_of_a_listed_person_resolves_to_that_person(matcher):
    assert names(matcher, "发言人德米特里·佩斯科夫对记者说。") == ["Dmitry Peskov"]


def test_a_name_after_a_title_is_discovered(matcher):
    matches = matcher.find("亚美尼亚前防长萨尔基相表示不满。")
    assert "萨尔基相" in {m.actor.name_zh for m in matches}


def test_traditional_text_matches_through_its_simplified_form(matcher):
    assert names(matcher, "俄羅斯外長拉夫羅夫抵達北京。") == ["Russia", "Sergey Lavrov", "China"]


def test_an_unlisted_actor_has_the_same_address_in_every_build():
    assert unlisted_actor("萨尔基相", "person").id == unlisted_actor("萨尔基相", "person").id
    assert unlisted_actor("萨尔基相", "person").id != unlisted_actor("米尔佐扬", "person").id
    assert unlisted_actor("萨尔基相", "person").id.startswith("u-")


def test_the_actor_in_the_headline_and_lead_ranks_first(matcher):
    title = "卢卡申科的新表态"
    lead = "俄罗斯和俄罗斯的立场。"
    later = "美国、美国、美国也有表态。"
    text = f"{title}\n{lead}\n{later}"
    ranked = mentions(matcher.find(text), len(title) + 1, len(title) + 1 + len(lead) + 1)
    order = [m.actor.name for m in ranked]
    # One mention in the headline outweighs two in the lead, which outweigh three later on.
    assert order.index("Alexander Lukashenko") < order.index("Russia") < order.index("United States")


def test_matching_on_a_tiny_vocabulary_needs_no_shipped_data():
    china = Actor("china", "China", "中国", "country", aliases=("北京",), abbrev="中")
    russia = Actor("russia", "Russia", "俄罗斯", "country", abbrev="俄")
    matcher = ActorMatcher([china, russia], not_actors=["中亚"])
    assert [m.actor.id for m in matcher.find("北京与中亚：中俄合作")] == ["china", "china", "russia"]


@pytest.mark.parametrize("text", [
    "俄罗斯外交部长拉夫罗夫表示，中俄关系稳定；美方回应称，对华政策不变。德米特里·佩斯科夫说：“访华很重要。”",
    "外长米尔佐扬访俄，亚方向欧盟靠拢。5日中午，俄国防部说，约翰·霍普金斯大学的报告不准确！美国、刚果(布)与会。",
    "他说，刚果(布)。)俄方表示……中方。中俄",
])
def test_a_clause_isolated_by_separators_matches_alone_as_in_the_whole_text(matcher, text):
    """Figures take a clause's actors from the article's matches when `isolates` says that matching
    the clause alone finds the same: every span it accepts is checked here."""
    text = to_simplified(text)
    whole = matcher.find(text)
    accepted = 0
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            if not matcher.isolates(text, start, end):
                continue
            accepted += 1
            alone = [(m.start + start, m.end + start, m.actor.id, m.rule) for m in matcher.find(text[start:end])]
            inside = [(m.start, m.end, m.actor.id, m.rule) for m in whole if start <= m.start < end]
            assert alone == inside, text[start:end]
    assert accepted > 10


def test_a_separator_that_a_listed_form_contains_does_not_isolate(matcher):
    text = to_simplified("他访问了刚果(布)")
    assert ")" not in matcher.separators
    assert not matcher.isolates(text, 0, text.index(")"))


def longest_forms_plainly(forms: set[str], text: str) -> list[tuple[int, str]]:
    """What `_longest_forms` must return, written the slow and obvious way."""
    found = []
    for start in range(len(text)):
        here = [f for f in forms if text.startswith(f, start)]
        if here:
            found.append((start, max(here, key=len)))
    return sorted(found, key=lambda item: (-len(item[1]), item[0]))


@pytest.mark.parametrize("not_actors", [(), ("许多", "美"), ("中",)])
@pytest.mark.parametrize("text", [
    "许多哈马斯成员前往多哈，亚美尼亚外长与美国国务卿会谈。", "美", "中美中", "", "刚果(布)与刚果(金)。俄罗斯",
])
def test_the_longest_form_at_each_position_is_found_also_with_one_character_blockers(vocab, not_actors, text):
    matcher = ActorMatcher(vocab.actors, not_actors)
    assert matcher._longest_forms(text) == longest_forms_plainly(matcher.forms, text)
