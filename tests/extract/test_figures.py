"""Key figures: what `find_figures` returns for sentences written for these tests.

Each test reads as a specification: a sentence in, the figures (or none) out.
"""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.figures import MASK_CHAR, MASKS, SCAN, SCAN_SOURCE, _fold, _fold_all, _masked, find_figures
from generator.model import Figure


def one(sentence: str, **kwargs) -> Figure:
    figures = find_figures([sentence], **kwargs)
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


def texts(*sentences: str) -> list[str]:
    return [f.text for f in find_figures(list(sentences))]


# --- money ------------------------------------------------------------------------------------------


def test_over_hundred_million_dollars_is_normalised_with_its_qualifier():
    f = one("两国签署的能源合同总额逾4000亿美元。")
    assert (f.text, f.value, f.unit, f.qualifier) == ("逾4000亿美元", 4e11, "USD", "over")
    assert f.measure == "能源合同总额"


def test_trade_volume_takes_its_subject_and_year_from_the_clause():
    f = one("2023年两国双边贸易额攀升至2448亿美元，创下新高。")
    assert (f.text, f.value, f.unit, f.year) == ("2448亿美元", 2.448e11, "USD", 2023)
    assert f.measure == "两国双边贸易额"
    assert f.qualifier is None


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), [
    ("欧盟宣布提供2500万欧元人道援助。", "2500万欧元", 2.5e7, "EUR"),
    ("该计划总投资1.5万亿元。", "1.5万亿元", 1.5e12, "CNY"),
    ("俄方罚款300亿卢布。", "300亿卢布", 3e10, "RUB"),
    ("日本追加5000亿日元预算。", "5000亿日元", 5e11, "JPY"),
    ("伦敦为此支出20亿英镑。", "20亿英镑", 2e9, "GBP"),
    ("项目耗资约$5亿。", "约$5亿", 5e8, "USD"),
])
def test_currencies(sentence, text, value, unit):
    f = one(sentence)
    assert (f.text, f.value, f.unit) == (text, value, unit)


def test_vague_amount_has_a_unit_but_no_value():
    f = one("西方为此投入了数十亿美元。")
    assert (f.text, f.value, f.unit, f.qualifier) == ("数十亿美元", None, "USD", "approx")


def test_a_number_with_wan_or_yi_and_no_unit_is_still_a_figure():
    f = one("该国人口达14亿。")
    assert (f.text, f.value, f.unit, f.measure) == ("14亿", 1.4e9, None, "该国人口")


# --- shares -----------------------------------------------------------------------------------------


def test_percent_with_decimal_and_its_measure_before_zhan():
    f = one("2024年该国天然气出口占其出口总额的72.8%。")
    assert (f.text, f.value, f.unit, f.year) == ("72.8%", 72.8, "percent", 2024)
    assert f.measure == "该国天然气出口"


def test_percent_measure_after_de_when_nothing_is_measured_before():
    f = one("这个小国几乎90%的粮食依赖进口。")
    assert (f.text, f.value, f.measure) == ("90%", 90.0, "粮食")


def test_measure_stops_at_the_verb_and_skips_a_year_in_between():
    f = one("外资持股比例在2022年升至35%。")
    assert (f.measure, f.year) == ("外资持股比例", 2022)


@pytest.mark.parametrize(("sentence", "text", "value"), [
    ("支持者约占百分之三十五。", "百分之三十五", 35.0),
    ("这占全球产量的三分之一。", "三分之一", 33.33),
    ("该国四分之三的电力来自核能。", "四分之三", 75.0),
    ("调查显示七成受访者反对。", "七成", 70.0),
    ("失业率为８.５％。", "８.５％", 8.5),
])
def test_shares_in_words_and_fractions_are_in_percent(sentence, text, value):
    f = one(sentence)
    assert (f.text, f.unit) == (text, "percent")
    assert f.value == pytest.approx(value)


def test_percentage_points_are_not_percent():
    f = one("利率上调了0.5个百分点。")
    assert (f.text, f.value, f.unit) == ("0.5个百分点", 0.5, "percentage-points")


# --- ranges -----------------------------------------------------------------------------------------


def test_percent_range():
    f = one("新关税的税率预计为15%至20%。")
    assert (f.text, f.value, f.value_high, f.unit, f.qualifier) == ("15%至20%", 15.0, 20.0, "percent", "range")


@pytest.mark.parametrize(("sentence", "text", "low", "high"), [
    ("集会人数在3000-5000人之间。", "3000-5000人", 3000.0, 5000.0),
    ("难民约有10万至20万人。", "10万至20万人", 1e5, 2e5),
    ("另有15至20万人滞留。", "15至20万人", 1.5e5, 2e5),  # the multiplier of the upper end is shared
])
def test_count_ranges(sentence, text, low, high):
    f = next(f for f in find_figures([sentence]) if text in f.text)
    assert (f.value, f.value_high, f.unit, f.qualifier) == (low, high, "people", "range")


def test_from_one_share_to_another_is_two_figures_not_a_range():
    assert texts("可再生能源占比从15%到20%。") == ["15%", "20%"]


# --- quantities and qualifiers ------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "qualifier"), [
    ("这条管道全长8400多公里。", "8400多公里", 8400.0, "km", "over"),
    ("冲突中该国失去约3000平方公里领土。", "约3000平方公里", 3000.0, "km2", "approx"),
    ("去年共运出4.2万吨粮食。", "4.2万吨", 42000.0, "tonnes", None),
    ("每天输送200万桶原油。", "200万桶", 2e6, "barrels", None),
    ("年输气量380亿立方米。", "380亿立方米", 3.8e10, "cubic-metres", None),
    ("伤亡人数超5000人。", "超5000人", 5000.0, "people", "over"),
    ("已有超过2000人撤离。", "超过2000人", 2000.0, "people", "over"),
    ("参加演习的官兵达2000人。", "2000人", 2000.0, "people", None),
    ("现场聚集了近3000人。", "近3000人", 3000.0, "people", "approx"),  # 近 is read as approx
    ("报名者不足500人。", "不足500人", 500.0, "people", "under"),
    ("撤侨人数在200人左右。", "200人左右", 200.0, "people", "approx"),
    ("受灾群众在5000人以上。", "5000人以上", 5000.0, "people", "over"),
    ("当地驻军有三千余人。", "三千余人", 3000.0, "people", "over"),
    ("边境集结了两千人。", "两千人", 2000.0, "people", None),
    ("该市二十多万人受影响。", "二十多万人", 2e5, "people", "over"),
    ("出口增长了3倍。", "3倍", 3.0, "multiple", None),
    ("共有1,200人参加。", "1,200人", 1200.0, "people", None),
    ("百余人聚集在使馆外。", "百余人", 100.0, "people", "over"),
    ("伤亡达上千人。", "上千人", None, "people", "approx"),
    ("每年进口不少于2500万吨大豆。", "不少于2500万吨", 2.5e7, "tonnes", "over"),
    ("兵力不超过60万人。", "不超过60万人", 6e5, "people", "under"),
])
def test_quantities(sentence, text, value, unit, qualifier):
    f = one(sentence)
    assert (f.text, f.value, f.unit, f.qualifier) == (text, value, unit, qualifier)


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), [
    ("今天是两国建交三周年。", "三周年", 3.0, "anniversary"),
    ("与53年前相比，局势已大不相同。", "53年前", 53.0, "years"),
    ("他从事外交工作已有30年。", "30年", 30.0, "years"),
    ("谈判持续了18个月。", "18个月", 18.0, "months"),
    ("会谈持续了约3个小时。", "约3个小时", 3.0, "hours"),
])
def test_spans_of_time(sentence, text, value, unit):
    f = one(sentence)
    assert (f.text, f.value, f.unit) == (text, value, unit)


def test_a_rate_adds_its_period_to_the_unit():
    f = one("这种导弹以每秒3公里的速度飞行。")
    assert (f.text, f.unit) == ("3公里", "km/s")
    f = one("管道设计输气能力为每年380亿立方米。")
    assert (f.text, f.value, f.unit) == ("380亿立方米", 3.8e10, "cubic-metres/year")


def test_small_chinese_numeral_spans_are_narrative_time_not_figures():
    assert texts("三年前，双方曾有过接触。", "两年来，局势持续紧张。", "五天后代表团返回。") == []


# --- counts with measure words ------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "measure"), [
    ("夜间共有477架无人机飞越边境。", "477架无人机", 477.0, "drones", "无人机"),
    ("对方发射了60枚导弹。", "60枚导弹", 60.0, "missiles", "导弹"),
    ("空袭摧毁了12座军事工厂。", "12座军事工厂", 12.0, "factories", "军事工厂"),
    ("另有5座炼油厂起火。", "5座炼油厂", 5.0, "refineries", "炼油厂"),
    ("外长说本国只有三个盟友。", "三个盟友", 3.0, "allies", "盟友"),
    ("该组织现有6个成员方。", "6个成员方", 6.0, "members", "成员方"),
    ("十余个国家派出观察员。", "十余个国家", 10.0, "countries", "国家"),
    ("两名士兵受伤。", "两名士兵", 2.0, "people", "士兵"),
])
def test_counts_take_the_known_noun_after_the_measure_word(sentence, text, value, unit, measure):
    f = one(sentence)
    assert (f.text, f.value, f.unit, f.measure) == (text, value, unit, measure)


def test_count_without_a_noun_takes_the_unit_of_its_measure_word():
    f = one("雷达发现了两架。")
    assert (f.text, f.value, f.unit) == ("两架", 2.0, "aircraft")
    f = one("法国承诺交付12辆，")
    assert (f.text, f.unit) == ("12辆", "vehicles")
    f = one("港口停靠了8艘。")
    assert (f.text, f.unit) == ("8艘", "ships")


def test_a_long_noun_stays_out_of_the_text_but_is_the_measure():
    f = one("德国承诺提供12辆履带式步兵战车。")
    assert f.text == "12辆"
    assert f.measure is not None and f.measure.endswith("战车")


def test_over_twenty_items():
    f = one("双方此后签署了20多项经贸合作文件。")
    assert (f.text, f.value, f.qualifier) == ("20多项", 20.0, "over")


def test_small_chinese_count_of_something_unknown_is_rhetoric():
    assert texts("两个大国都明白这一点。", "两位领导人通了电话。") == []


def test_er_before_a_measure_word_is_not_a_count():
    assert texts("他名下有二套房。") == []


def test_a_count_pointing_back_at_one_already_said_is_skipped():
    assert texts("而这三个盟友并不包括邻国。") == []


# --- traditional script -------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), [
    ("合約總額逾4000億美元。", "逾4000億美元", 4e11, "USD"),
    ("歐盟提供2500萬歐元援助。", "2500萬歐元", 2.5e7, "EUR"),
    ("計劃投資1.5萬億元。", "1.5萬億元", 1.5e12, "CNY"),
    ("前線出現兩架無人機。", "兩架無人機", 2.0, "drones"),
])
def test_traditional_characters_read_like_simplified_and_keep_their_text(sentence, text, value, unit):
    f = one(sentence)
    assert (f.text, f.value, f.unit) == (text, value, unit)


# --- not figures --------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "2025年3月，双方在首都会面。",
    "7月3日，外长抵达莫斯科。",
    "2024年是关键的一年。",
    "1991年苏联解体。",
    "11月初，代表团启程。",
    "俄军在当地驻有第102军事基地。",
    "第二次世界大战结束后，欧洲重建。",
    "他是第一个表态的人。",
    "这会不会成为第二个乌克兰？",
    "印度采购了苏-30SM和S-300VM。",
    "RD-180发动机与空警-500预警机。",
    "G7与G20峰会相继召开。",
    "F-35战机与5G网络。",
    "详情请致电010-12345678或13812345678。",
    "会议于19:30开始。",
    "一、当卢卡申科敲警钟",
    "“一带一路”倡议提出已久。",
    "一些国家一直在观望，双方一起努力，再次统一，唯一的一方。",
    "他一番话让人深思，一次又一次。",
    "他三番五次提出，千方百计，成千上万的人。",
    "这是一个重要的信号。",
    "双方关系十分融洽。",
    "两国元首通了电话。",
    "在20世纪90年代，局势不同。",
])
def test_not_figures(sentence):
    assert find_figures([sentence]) == ()


def test_a_year_is_a_date_even_before_a_figure():
    assert texts("2024年中俄贸易额达2448亿美元。") == ["2448亿美元"]


# --- records ------------------------------------------------------------------------------------------


def test_the_same_figure_said_twice_is_one_row_from_the_first_sentence():
    first = "2024年双边贸易额突破2448亿美元。"
    second = "无论如何，2448亿美元都是历史新高。"
    figures = find_figures([first, second])
    assert [f.text for f in figures] == ["2448亿美元"]
    assert figures[0].sentence == first


def test_anchor_is_a_hash_of_the_text_stable_and_unique():
    sentences = ["出口占比达59.2%，贸易额为2448亿美元。", "另有477架无人机和60枚导弹。"]
    figures = find_figures(sentences)
    again = find_figures(list(reversed(sentences)))
    assert {f.text: f.anchor for f in figures} == {f.text: f.anchor for f in again}
    assert len({f.anchor for f in figures}) == len(figures) == 4
    for f in figures:
        assert f.anchor == "fig-" + hashlib.sha1(f.text.encode()).hexdigest()[:8]


def test_year_comes_from_the_figure_clause_only():
    figures = find_figures(["2024年出口增长了12%，而进口下降了5%。"])
    assert [(f.text, f.year) for f in figures] == [("12%", 2024), ("5%", None)]


def test_actors_are_read_from_the_clause_that_holds_the_figure():
    seen: list[str] = []
    sentence = "俄罗斯对此表示不满，中国对俄出口增长了12%。"

    def actors_in(index: int, start: int, end: int) -> tuple[str, ...]:
        clause = [sentence][index][start:end]
        seen.append(clause)
        return tuple(a for name, a in (("俄罗斯", "russia"), ("中国", "china")) if name in clause)

    f = one(sentence, actors_in=actors_in)
    assert f.actors == ("china",)
    assert seen == ["中国对俄出口增长了12%。"]


def test_every_figure_text_is_a_substring_of_its_sentence():
    sentences = [
        "2024年该国对华能源出口占其总出口的72.8%，合同总额逾4000亿美元。",
        "參演兵力達2000人，歐盟提供2500萬歐元。",
        "约3000平方公里土地、三千余人、百分之三十五、三分之一、15%至20%。",
    ]
    figures = find_figures(sentences)
    assert len(figures) >= 8
    for f in figures:
        assert f.text and f.text in f.sentence


def test_empty_input():
    assert find_figures([]) == ()
    assert find_figures([""]) == ()


# --- properties ---------------------------------------------------------------------------------------

NUMERALS = st.sampled_from([*"0123456789.,零〇一二两三四五六七八九十百千万亿數数几上第", "1,000", "２", "萬", "億"])
UNITS = st.sampled_from([
    "美元", "欧元", "歐元", "元", "%", "％", "个", "個", "架", "枚", "辆", "座", "人", "名", "年", "年前", "周年",
    "个月", "公里", "平方公里", "吨", "万吨", "倍", "成", "分之", "百分之", "个百分点", "月", "日", "-", "至",
    "多", "余", "以上", "左右", "逾", "约", "近", "不足", "$", "无人机", "导弹", "盟友", "的", "，", "。", "G", "S-",
])
FILLER = st.sampled_from(["中俄", "贸易额", "攀升至", "占", "达", "这", "2024年", " ", "\x00", "\n", "a", "国家"])
MIXED = st.lists(st.one_of(NUMERALS, UNITS, FILLER), max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(), MIXED), max_size=4))
def test_never_raises_and_every_text_is_in_its_sentence(sentences):
    figures = find_figures(sentences)
    texts_seen = set()
    for f in figures:
        assert f.sentence in sentences
        assert f.text and f.text in f.sentence
        assert f.text not in texts_seen
        texts_seen.add(f.text)
        assert f.anchor == "fig-" + hashlib.sha1(f.text.encode()).hexdigest()[:8]


# The shortcuts taken for speed must not change what is read: each against its plain version.
SCAN_PLAIN = re.compile(SCAN_SOURCE)
DATES_AND_NAMES = st.sampled_from(["2023至2024年", "2025年3月5日", "90年代", "二〇二四年", "2025-02-25", "7月3日",
                                   "11月初", "12:30", "第二次", "G20", "F-35", "苏-30SM", "010-1234-5678",
                                   "13812345678", "一带一路", "百分之百", "最近", "条约", "萬億", "臺灣", "兩國"])
SENTENCE = st.lists(st.one_of(NUMERALS, UNITS, FILLER, DATES_AND_NAMES), max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), SENTENCE))
def test_the_scan_finds_what_it_finds_without_its_first_character_lookahead(text):
    def spans(pattern: re.Pattern[str]) -> list[tuple[int, int, str | None]]:
        return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]
    assert spans(SCAN) == spans(SCAN_PLAIN)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), SENTENCE))
def test_masking_blanks_every_span_of_every_mask(text):
    chars = list(text)
    for pattern in MASKS:
        for found in pattern.finditer(text):
            chars[found.start():found.end()] = MASK_CHAR * (found.end() - found.start())
    assert _masked(text) == "".join(chars)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(), SENTENCE), max_size=5))
def test_sentences_folded_together_fold_as_each_alone(sentences):
    assert _fold_all(sentences) == [_fold(s) for s in sentences]
