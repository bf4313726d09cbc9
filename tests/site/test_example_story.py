"""The example site's story: four example articles in content/raw follow one developing event, the
Russia–Ukraine talks in Istanbul in May 2025 (the delegations arrive, the talks agree a prisoner
exchange, Trump and Putin speak by phone, the exchange begins), from four outlets of four kinds, one
of them in Traditional characters. A reader finds them as one story, each account joined to the
next by a clear margin, and its page keeps the phone call's two hours apart from the talks'.

Uses the example build of tests/site/conftest.py (`site_build`): no build of its own (the margin
test reads the build's per-article cache again).
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from generator.ingest import list_raw_files
from generator.pipeline import collect, resolve_duplicates
from generator.settings import Settings
from generator.stories import ACTOR_WEIGHT, LINK_SCORE, TEXT_ALONE, explain_pair
from generator.vocab import load_vocabulary

if TYPE_CHECKING:  # the fixtures' types; never imported at run time (every test folder has a conftest)
    from conftest import Build

# The accounts, earliest first, with the outlet each credits.
ACCOUNTS = (
    ("2025-05-istanbul-talks-1-delegations-zaobao.html", "2025-05-15", "联合早报"),
    ("2025-05-istanbul-talks-2-prisoner-deal-cna.txt", "2025-05-16", "中央社"),
    ("2025-05-istanbul-talks-3-trump-putin-call-thepaper.md", "2025-05-20", "澎湃新闻"),
    ("2025-05-istanbul-talks-4-prisoner-exchange-baijiahao.txt", "2025-05-24", "百家号"),
)


# How far above the linking bar each account stands with the next: a story that held by a hair
# (0.02) would split at the first small change of vocabulary (an actor more, a stop word less).
LINK_MARGIN = 0.05


def story_url(site: Build, briefing_url: str) -> str:
    """The story page a briefing's "also reported by" section links to."""
    targets = [t for t, _ in site.links(briefing_url, "其他媒体的报道") if t and t.startswith("stories/")]
    assert len(targets) == 1, f"{briefing_url} links to no single story: {targets}"
    return targets[0]


def table_rows(site: Build, url: str, heading: str) -> list[list[str]]:
    """The cells of each row of the table under a heading of a page."""
    rows = [row for element in site.section(url, heading) for row in element.iter("tr")]
    cells = ([cell.text_content().strip() for cell in row.iter("td")] for row in rows)
    return [row for row in cells if row]  # the header row has <th> cells only


def account_rows(site: Build, story: str) -> list[list[str]]:
    """The cells of each row of a story page's table of accounts: date, outlet, kind, headline."""
    return table_rows(site, story, "各方报道")


def test_the_istanbul_articles_are_one_story_whose_page_lists_each_account_by_date(site_build: Build) -> None:
    briefings = [site_build.briefing_url_of(source) for source, _, _ in ACCOUNTS]
    stories = {story_url(site_build, url) for url in briefings}
    assert len(stories) == 1, stories
    story = stories.pop()

    shown = [(date, outlet) for date, outlet, _, _ in account_rows(site_build, story)]
    assert shown == [(date, outlet) for _, date, outlet in ACCOUNTS]
    links = [target for target, _ in site_build.links(story, "各方报道")]
    assert links == briefings
    assert story in {target for target, _ in site_build.links("stories/")}


def test_the_story_names_each_accounts_kind_of_source_as_its_briefing_badge_does(site_build: Build) -> None:
    briefing = site_build.briefing_url_of(ACCOUNTS[1][0])
    badge = site_build.content(briefing).xpath('string(.//span[contains(@class, "badge-type-")])')
    assert badge == "通讯社 Wire"
    kinds = {outlet: kind for _, outlet, kind, _ in account_rows(site_build, story_url(site_build, briefing))}
    assert kinds["中央社"] == badge and kinds["百家号"] == "自媒体平台 Self-media platform"


def test_the_story_gathers_what_several_accounts_quote_under_the_speakers_name(site_build: Build) -> None:
    story = story_url(site_build, site_build.briefing_url_of(ACCOUNTS[0][0]))
    quotes = site_build.section_text(story, "引语")
    assert "泽连斯基" in quotes and "volodymyr-zelensky" not in quotes
    assert "我们正在把自己的人带回家，交换还会继续。" in quotes


def test_each_account_links_to_the_next_with_room_to_spare(site_build: Build) -> None:
    # the build's own per-article results (its cache), read again: no extraction of its own
    project = site_build.project
    settings = Settings(content_dir=project / "content", cache_dir=project / ".cache" / "generator")
    results = collect(settings, load_vocabulary(settings), list_raw_files(settings.raw_dir))
    briefings = resolve_duplicates(results)
    ids = {b.article.source: b.id for b in briefings}
    for (first, _, _), (second, _, _) in pairwise(ACCOUNTS):
        evidence = explain_pair(briefings, ids[first], ids[second])
        score = evidence.text + ACTOR_WEIGHT * evidence.actors
        assert evidence.linked, (first, second, evidence)
        assert evidence.text >= TEXT_ALONE + LINK_MARGIN or score >= LINK_SCORE + LINK_MARGIN, (first, second, evidence)


def test_a_span_of_time_in_hours_and_minutes_is_one_key_figure(site_build: Build) -> None:
    briefing = site_build.briefing_url_of(ACCOUNTS[1][0])  # 會談約1小時40分鐘後結束
    rows = {row[0].lstrip("# "): row[1:] for row in table_rows(site_build, briefing, "关键数据")}
    assert rows["約1小時40分鐘"][:2] == ["≈100 minutes", "会谈"]
    assert not any(text.startswith("40分") for text in rows)


def test_the_story_keeps_the_calls_two_hours_apart_from_the_talks(site_build: Build) -> None:
    story = story_url(site_build, site_build.briefing_url_of(ACCOUNTS[0][0]))
    shared = table_rows(site_build, story, "一致的数据")
    # the call lasted more than two hours, the talks less: two events, no figure they share
    assert not any("超过两个小时" in " ".join(row) for row in shared)
    assert ["会谈", "澎湃新闻 不到两个小时 · 百家号 不到两个小时"] in shared
    # about 1 h 40 min (中央社) and under two hours agree: the talks' length is no difference
    assert "会谈" not in site_build.section_text(story, "不一致的数据")
