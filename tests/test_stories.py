"""Stories: articles about one event from several outlets become one story with a stable id.

The articles in tests/fixtures/stories are our own: five events told three times each by different
outlets (one account in Traditional characters, one from a self-media account), and distractors
that share actors or kind of event but not the event. EXPECTED.yaml says, by hand, which make a story.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from builders import briefing, dated
from test_conflicts import fig

from generator.model import Article
from generator.pipeline import resolve_duplicates, resolve_id_collisions
from generator.process import process_path
from generator.settings import Settings
from generator.stories import (
    LINK_SCORE,
    TEXT_ALONE_MONTH,
    TEXT_MIN,
    Story,
    compare,
    explain_pair,
    find_stories,
    pair_scores,
    story_of,
)
from generator.vocab import load_vocabulary

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "stories"
EXPECTED = yaml.safe_load((FIXTURES / "EXPECTED.yaml").read_text("utf-8"))


def _ids(files):
    return [Path(f).stem for f in files]


@pytest.fixture(scope="module")
def briefings():
    settings = Settings(content_dir=REPO / "content")
    vocab = load_vocabulary(settings)
    results = [process_path(path, FIXTURES, settings, vocab) for path in sorted(FIXTURES.glob("*.md"))]
    assert all(r.briefing is not None for r in results), [r.rejection for r in results]
    found = resolve_id_collisions(resolve_duplicates(results))
    assert len(found) == len(results)  # accounts of one event are not copies of each other
    return found


def test_the_example_articles_make_exactly_the_expected_stories(briefings):
    stories = find_stories(briefings)
    assert sorted(sorted(s.members) for s in stories) == sorted(sorted(_ids(g)) for g in EXPECTED["stories"])
    in_a_story = story_of(stories)
    assert not set(_ids(EXPECTED["alone"])) & set(in_a_story)
    assert pair_scores([s.members for s in stories], [_ids(g) for g in EXPECTED["stories"]]) == (1.0, 1.0)


def test_a_story_is_named_by_its_earliest_account_and_lists_accounts_by_date(briefings):
    stories = {s.id: s for s in find_stories(briefings)}
    kazan = stories["kazan-xinhua"]
    assert kazan.members == ("kazan-xinhua", "kazan-huanqiu", "kazan-dw")  # 22, 23, 24 October
    assert stories["alaska-bbc"].members == ("alaska-bbc", "alaska-cctv", "alaska-zaobao")  # same day: by id


def test_adding_a_later_account_never_moves_the_story_id(briefings):
    without_last = [b for b in briefings if b.id != "kazan-dw"]
    before = story_of(find_stories(without_last))["kazan-xinhua"]
    after = story_of(find_stories(briefings))["kazan-xinhua"]
    assert before.id == after.id == "kazan-xinhua"
    assert after.members[-1] == "kazan-dw"


def test_the_same_account_months_later_is_not_the_same_story(briefings):
    moved = [_redated(b, "2025-01-22") if b.id == "kazan-dw" else b for b in briefings]
    assert "kazan-dw" not in story_of(find_stories(moved))


def test_undated_accounts_never_join_and_month_dated_ones_need_close_text(briefings):
    undated = [_redated(b, None) if b.id.startswith("tariff-") else b for b in briefings]
    assert not any(m.startswith("tariff-") for m in story_of(find_stories(undated)))
    month = [_redated(b, "2025-04") if b.id == "tariff-voa" else b for b in briefings]
    evidence = explain_pair(month, "tariff-people", "tariff-voa")
    assert evidence.days is None and evidence.same_month
    assert evidence.linked == (evidence.text >= TEXT_ALONE_MONTH)


def test_an_account_dated_only_to_the_month_never_names_the_story(briefings):
    month = [_redated(b, "2025-06") if b.id == "hague-reuters" else b for b in briefings]
    story = story_of(find_stories(month))["hague-xinhua"]
    assert story.id == "hague-xinhua" and story.members[-1] == "hague-reuters"


def test_the_distractors_share_actors_but_not_enough_text(briefings):
    evidence = explain_pair(briefings, "alaska-bbc", "x-prisoner-exchange")
    assert evidence.days == 2 and evidence.actors > 0.2  # Russia, Ukraine, Zelensky
    assert not evidence.linked
    assert evidence.text < TEXT_MIN or evidence.text + 0.5 * evidence.actors < LINK_SCORE


def test_the_comparison_shows_what_accounts_share_and_where_figures_differ(briefings):
    by_id = {b.id: b for b in briefings}
    story = story_of(find_stories(briefings))["kazan-xinhua"]
    comparison = compare(story, by_id)
    shared = {a.actor_id: a.accounts for a in comparison.shared_actors}
    assert shared["vladimir-putin"] == ("kazan-xinhua", "kazan-huanqiu", "kazan-dw")
    assert [(f.unit, {bid: fig.value for bid, fig in f.figures}) for f in comparison.differing_figures] == [
        ("countries", {"kazan-xinhua": 36.0, "kazan-huanqiu": 35.0, "kazan-dw": 36.0})]
    assert not comparison.differing_figures[0].agree
    agreeing = [f for f in comparison.shared_figures if f.unit == "countries"]
    assert [sorted(bid for bid, _ in f.figures) for f in agreeing] == [["kazan-dw", "kazan-xinhua"]]


def test_the_hague_accounts_agree_on_five_percent(briefings):
    by_id = {b.id: b for b in briefings}
    comparison = compare(story_of(find_stories(briefings))["hague-reuters"], by_id)
    five = [f for f in comparison.shared_figures if f.unit == "percent" and f.figures[0][1].value == 5.0]
    assert five and five[0].agree and len(five[0].figures) == 3
    assert comparison.differing_figures == ()


def test_accounts_share_a_count_only_of_one_counted_thing():
    """Two accounts of a prisoner exchange both say 1000: of prisoners in one, of civilians who
    fled in the other. The story page shares the twelve tankers both count, not the 1000."""
    first = briefing("swap-a", figures=(fig("双方同意各自交换1000名战俘。"), fig("港口停靠了12艘油轮。")))
    second = briefing("swap-b", figures=(fig("冲突中约1000名平民撤离。"), fig("另有12艘油轮在港外等候。")))
    comparison = compare(Story("swap-a", ("swap-a", "swap-b")), {b.id: b for b in (first, second)})
    assert [(f.measure, f.unit, [(bid, g.text) for bid, g in f.figures]) for f in comparison.shared_figures] == [
        ("油轮", "tankers", [("swap-a", "12艘油轮"), ("swap-b", "12艘油轮")])]


def test_a_story_id_must_be_its_first_member():
    with pytest.raises(ValueError, match="earliest member"):
        Story("b", ("a", "b"))


def test_pair_precision_and_recall():
    assert pair_scores([["a", "b", "c"]], [["a", "b"], ["c", "d"]]) == (1 / 3, 1 / 2)
    assert pair_scores([], []) == (1.0, 1.0)


def _redated(briefing, date):
    article: Article = briefing.article
    return replace(briefing, article=replace(article, date=dated(date, "test")))
