"""Every input accounted for: a briefing, a duplicate of one, or rejected with a reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.model import InputStatus
from generator.pipeline import is_copy_name, run
from generator.settings import Settings
from generator.vocab import load_vocabulary

REPO = Path(__file__).resolve().parents[1]
ARTICLE = """网易首页 > 网易号 > 正文 申请入驻

中方回应俄外长关于“不结盟”的表态

0
分享至

11月初，俄罗斯外长拉夫罗夫结束访华行程，双方签署了一系列涉及能源与交通的合作文件，气氛融洽。

他随后在采访中表示，中俄关系“不结盟、不对抗、不针对第三方”，合作以经济为重点，去年双边贸易额超过2400亿美元。

分析人士认为，这种安排让两国在复杂的国际环境中保持了足够的灵活性，也避免了被卷入他国冲突。

特别声明：以上内容为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。
"""

OTHER_ARTICLE = """白俄罗斯总统卢卡申科周五在明斯克会见到访的俄罗斯外长，双方讨论了联盟国家框架下的安全合作。

卢卡申科说，白俄罗斯将继续与俄罗斯在能源和交通领域深化合作，明年双边贸易额有望增长一成。

俄方表示，将在年内完成新的安全保障条约的批准程序，并邀请白方参加下一轮联合演习。
"""


@pytest.fixture
def project(tmp_path: Path) -> Settings:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("raw", "pages"))
    (content / "raw").mkdir()
    return Settings(content_dir=content, cache_dir=tmp_path / "cache")


def put(settings: Settings, name: str, data: bytes | str) -> None:
    path = settings.raw_dir / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def fates(settings: Settings) -> dict[str, tuple[str, str]]:
    return {f.source: (f.status.value, f.reason) for f in run(settings).fates}


def test_a_good_article_becomes_a_briefing_at_its_file_names_address(project):
    put(project, "lavrov-no-alliance.txt", ARTICLE)
    corpus = run(project)
    assert [b.url for b in corpus.briefings] == ["briefings/lavrov-no-alliance/"]
    assert corpus.fates[0].status is InputStatus.BRIEFING


def test_the_same_article_twice_is_one_briefing_listing_both_sources(project):
    put(project, "a.txt", ARTICLE)
    put(project, "b.txt", ARTICLE.replace("网易首页 > 网易号 > 正文 申请入驻", "搜狐首页 > 国际 > 正文"))
    corpus = run(project)
    assert len(corpus.briefings) == 1 and corpus.briefings[0].also_sources == ("b.txt",)
    assert fates(project)["b.txt"] == ("duplicate", "same article as a.txt")


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\t\n", "file is empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
    ("scan.txt", b"%PDF-1.7\n" + bytes(100), "PDF document"),
    ("chrome-only.txt", "网易首页 > 网易号 > 正文\n\n0\n分享至\n\n相关推荐\n", "no article text found"),
])
def test_bad_input_is_rejected_with_its_reason_and_the_build_goes_on(project, name, data, reason):
    put(project, name, data)
    put(project, "good.txt", ARTICLE)
    result = fates(project)
    assert result["good.txt"][0] == "briefing"
    assert result[name][0] == "rejected" and reason in result[name][1]


def test_an_oversized_file_is_rejected_with_the_limit(project):
    project = Settings(content_dir=project.content_dir, cache_dir=None, max_input_bytes=1000)
    put(project, "dump.txt", ARTICLE * 10)
    status, reason = fates(project)["dump.txt"]
    assert status == "rejected" and "over the" in reason and "limit" in reason


def test_two_files_with_one_id_both_stay_and_the_exact_name_keeps_the_id(project):
    put(project, "lavrov.txt", ARTICLE)
    put(project, "Lavrov!.txt", OTHER_ARTICLE)
    urls = sorted(b.url for b in run(project).briefings)
    assert "briefings/lavrov/" in urls and len(urls) == 2
    assert urls == sorted(b.url for b in run(project).briefings)  # the same every build


def test_a_cached_build_gives_the_same_briefings(project):
    put(project, "a.txt", ARTICLE)
    first = run(project)
    second = run(project)
    assert [b.title for b in first.briefings] == [b.title for b in second.briefings]
    assert any(project.cache_dir.rglob("*.pickle"))


def test_a_cached_result_equals_a_fresh_one_and_shares_the_vocabulary_actors(project):
    put(project, "a.txt", ARTICLE)
    vocab = load_vocabulary(project)
    fresh = run(project, vocab)
    cached = run(project, vocab)
    assert cached.briefings == fresh.briefings
    listed = [m.actor for m in cached.briefings[0].actors if m.actor.listed]
    assert listed and all(vocab.actor(a.id) is a for a in listed)  # one object per actor, not one per entry


# --- which copy keeps the page, and where a duplicate points -------------------------------------------

DATED = """---
title: 白俄罗斯与俄罗斯讨论联盟国家安全合作
date: {date}
outlet: 新华社
---

""" + OTHER_ARTICLE


@pytest.mark.parametrize("copy_name", ["a-talks 副本.txt", "a-talks - 复制.txt", "a-talks copy.txt",
                                       "Copy of z-talks.txt", "a-talks (1).txt", "a-talks（2）.txt"])
def test_of_two_copies_the_file_without_a_copy_name_keeps_the_page(project, copy_name):
    put(project, copy_name, ARTICLE)
    put(project, "b-talks.txt", ARTICLE)
    corpus = run(project)
    assert [b.article.source for b in corpus.briefings] == ["b-talks.txt"]
    assert corpus.briefings[0].also_sources == (copy_name,)
    assert fates(project)[copy_name] == ("duplicate", "same article as b-talks.txt")


def test_of_two_copies_the_one_with_fuller_metadata_keeps_the_page(project):
    put(project, "a-plain.txt", OTHER_ARTICLE)
    put(project, "b-with-front-matter.md", DATED.format(date="2025-03-07"))
    assert [b.article.source for b in run(project).briefings] == ["b-with-front-matter.md"]


def test_of_two_equally_full_copies_the_earlier_dated_keeps_the_page(project):
    put(project, "a-later.md", DATED.format(date="2025-03-09"))
    put(project, "b-earlier.md", DATED.format(date="2025-03-07"))
    assert [b.article.source for b in run(project).briefings] == ["b-earlier.md"]


def test_of_otherwise_equal_copies_the_first_name_keeps_the_page_every_build(project):
    for name in ("c.txt", "a.txt", "b.txt"):
        put(project, name, ARTICLE)
    corpus = run(project)
    assert [b.article.source for b in corpus.briefings] == ["a.txt"]
    assert corpus.briefings[0].also_sources == ("b.txt", "c.txt")


def test_a_duplicate_points_to_its_originals_page_when_the_original_lost_its_id(project):
    # "lavrov.txt" keeps the id lavrov; "Lavrov!.txt" (id lavrov too) gets a suffixed id, and
    # "other-copy.txt", a copy of it, must point to that suffixed page, not to lavrov.txt's.
    put(project, "lavrov.txt", OTHER_ARTICLE)
    put(project, "Lavrov!.txt", ARTICLE)
    put(project, "other-copy.txt", ARTICLE.replace("网易首页 > 网易号 > 正文 申请入驻", "搜狐首页 > 国际 > 正文"))
    corpus = run(project)
    by_source = {f.source: f for f in corpus.fates}
    original = next(b for b in corpus.briefings if b.article.source == "Lavrov!.txt")
    assert original.id != "lavrov" and original.also_sources == ("other-copy.txt",)
    assert by_source["other-copy.txt"].status is InputStatus.DUPLICATE
    assert by_source["other-copy.txt"].url == by_source["Lavrov!.txt"].url == original.url
    assert by_source["lavrov.txt"].url == "briefings/lavrov/"


@pytest.mark.parametrize(("name", "copy"), [
    ("talks 副本.txt", True), ("talks - 副本 (2).txt", True), ("talks 的副本.md", True), ("talks (复制).txt", True),
    ("talks copy.txt", True), ("talks copy 2.txt", True), ("talks - Copy.html", True), ("Copy of talks.txt", True),
    ("talks (1).txt", True), ("talks（2）.txt", True), ("sub/talks (3).txt", True),
    ("talks.txt", False), ("copy-editing-rules.txt", False), ("photocopy.txt", False), ("copy-a.txt", False),
    ("g20 (2025) summit.txt", False), ("talks-1.txt", False),
])
def test_copy_names_are_those_file_managers_and_browsers_give(name, copy):
    assert is_copy_name(name) is copy
