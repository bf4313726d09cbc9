"""Figures that disagree: the same measured thing, actor and period, with other values."""

from __future__ import annotations

import pytest
from builders import briefing

from generator.conflicts import FigureRef, find_conflicts, incompatible, same_statement
from generator.extract.figures import find_figures
from generator.model import Figure


def fig(sentence: str) -> Figure:
    figures = find_figures([sentence], actors_in=lambda i, s, e: ("russia",) if "俄" in sentence[s:e] else ())
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


def test_two_accounts_of_one_story_with_other_counts_conflict_on_both_rows():
    a = briefing("a", figures=(fig("共有36个国家的代表团出席。"),))
    b = briefing("b", figures=(fig("共有35个国家的代表团出席。"),))
    conflicts = find_conflicts([a, b], {"a": "a", "b": "a"})
    row_a, row_b = a.figures[0].anchor, b.figures[0].anchor
    assert conflicts.of("a", row_a) == (FigureRef("b", row_b),)
    assert conflicts.urls_of("b", row_b) == [f"briefings/a/#{row_a}"]
    assert conflicts.in_briefing("a") == {row_a: (FigureRef("b", row_b),)}
    assert [(c.measure, c.unit) for c in conflicts.pairs] == [("国家", "countries")]


def test_outside_a_story_the_year_and_an_actor_of_the_clause_must_agree():
    a = briefing("a", figures=(fig("2024年俄罗斯天然气出口额为4000亿美元。"),))
    b = briefing("b", figures=(fig("2024年俄罗斯天然气出口额为4500亿美元。"),))
    other_year = briefing("c", figures=(fig("2023年俄罗斯天然气出口额为4500亿美元。"),))
    no_actor = briefing("d", figures=(fig("2024年该国天然气出口额为4500亿美元。"),))
    conflicts = find_conflicts([a, b, other_year, no_actor])
    assert [(c.first.briefing_id, c.second.briefing_id) for c in conflicts.pairs] == [("a", "b")]


@pytest.mark.parametrize(("first", "second", "conflict"), [
    ("出席人数为36人。", "出席人数为35人。", True),
    ("出席人数约为36人。", "出席人数为35人。", False),  # 约: within a tenth
    ("出席人数超过30人。", "出席人数为35人。", False),
    ("出席人数为30至40人。", "出席人数为35人。", False),
    ("出席人数为30至34人。", "出席人数为35人。", True),
    ("出席人数为35人。", "出席人数为35人。", False),
    ("关税税率由34%提高至84%。", "关税税率由24%提高至84%。", True),
])
def test_values_conflict_only_when_they_cannot_both_hold(first, second, conflict):
    assert incompatible(fig(first), fig(second)) is conflict


def test_a_figure_without_a_measure_or_in_another_unit_never_conflicts():
    a = briefing("a", figures=(fig("出席人数为36人。"),))
    b = briefing("b", figures=(fig("出席人数为35个。"),))
    unmeasured = briefing("c", figures=(Figure("fig-x", "35人", 35.0, "people"),))
    assert find_conflicts([a, b, unmeasured], {"a": 1, "b": 1, "c": 1}).pairs == ()


def test_rows_of_one_briefing_do_not_conflict_with_each_other():
    a = briefing("a", figures=(fig("出席人数为36人。"), fig("出席人数为35人。")))
    assert find_conflicts([a], {"a": 1}).pairs == ()


def test_a_measure_one_briefing_states_with_two_values_names_two_things_there():
    partners = briefing("a", figures=(fig("会议邀请了13个国家的代表。"), fig("共有36个国家的代表团出席。")))
    other = briefing("b", figures=(fig("共有35个国家的代表团出席。"),))
    assert find_conflicts([partners, other], {"a": 1, "b": 1}).pairs == ()


def test_a_change_and_a_level_of_one_measure_are_not_compared():
    change = briefing("a", figures=(fig("关税税率由34%提高至84%。"),))
    level = briefing("b", figures=(fig("关税税率为50%。"),))
    assert find_conflicts([change, level], {"a": 1, "b": 1}).pairs == ()


@pytest.mark.parametrize(("first", "second", "conflict"), [
    ("会谈进行了约1小时40分钟。", "会谈进行了不到两个小时。", False),  # 100 minutes is under two hours
    ("会谈进行了1小时40分钟。", "会谈进行了3个小时。", True),  # 100 minutes is not 180
    ("會談進行了1小時40分鐘。", "会谈进行了100分钟。", False),  # one span, in Traditional and in minutes
    ("谈判历时3年6个月。", "谈判历时42个月。", False),
    ("谈判历时3年6个月。", "谈判历时4年。", True),
])
def test_spans_of_time_are_compared_in_one_unit(first, second, conflict):
    assert incompatible(fig(first), fig(second)) is conflict


def test_a_compound_span_and_a_span_in_hours_of_one_measure_can_conflict_across_briefings():
    a = briefing("a", figures=(fig("会谈进行了1小时40分钟。"),))
    b = briefing("b", figures=(fig("会谈进行了3个小时。"),))
    within = briefing("c", figures=(fig("会谈进行了不到两个小时。"),))
    conflicts = find_conflicts([a, b, within], {"a": 1, "b": 1, "c": 1})
    assert {(c.first.briefing_id, c.second.briefing_id) for c in conflicts.pairs} == {("a", "b"), ("b", "c")}


@pytest.mark.parametrize(("first", "second", "same"), [
    # a bound over and a bound under two hours are two statements, though neither contradicts the other
    ("会谈进行了超过两个小时。", "会谈进行了不到两个小时。", False),
    ("会谈进行了不到两个小时。", "会谈进行了不到两个小时。", True),
    # a span says what lasted only through its measure: the call's hours are not the talks'
    ("特朗普与普京通电话，时间超过两个小时。", "会谈进行了超过两个小时。", False),
    ("会谈进行了约1小时40分钟。", "会谈进行了约100分钟。", True),
    ("会谈历时约1小时40分钟。", "会谈进行了约100分钟。", True),  # 历时, 进行: only that the talks lasted
    # a count names what it counts: one figure whatever the words around it, approximate or exact
    ("双方同意各自交换1000名战俘。", "换俘涉及约1000名战俘。", True),
    ("双方同意各自交换1000名战俘。", "双方将交换超过1000名战俘。", False),
    # ... and only with what it counts: a thousand prisoners are not a thousand civilians
    ("双方同意各自交换1000名战俘。", "冲突中约1000名平民撤离。", False),
    ("港口停靠了12艘油轮。", "另有12艘油轮在港外等候。", True),
    # a number that names nothing counted or measured is one statement with no other
    ("此次共计1000人。", "此次共计1000人。", False),
])
def test_two_figures_are_one_shared_statement_only_with_one_value_bound_and_what_lasted(first, second, same):
    assert same_statement(fig(first), fig(second)) is same


def test_a_span_measures_the_event_that_lasted_and_time_alone_names_none():
    talks = briefing("a", figures=(fig("会谈持续时间为3个小时。"),))
    same_talks = briefing("b", figures=(fig("会谈历时1小时40分钟。"),))
    call = briefing("c", figures=(fig("特朗普与普京通电话，时间超过两个小时。"),))
    other = briefing("d", figures=(fig("两国代表团会谈，时间只有1个小时。"),))
    conflicts = find_conflicts([talks, same_talks, call, other], {"a": 1, "b": 1, "c": 1, "d": 1})
    assert [(c.measure, c.first.briefing_id, c.second.briefing_id) for c in conflicts.pairs] == [("会谈", "a", "b")]
