"""What a reader sees of stories, conflicts and citations: the pages and data files built from our
example stories (tests/fixtures/stories), without MkDocs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
from test_citations import CSL_SCHEMA

from generator.build import build
from generator.settings import Settings

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    for name in ("actors.yaml", "not_actors.yaml", "topics.yaml", "outlets.yaml", "boilerplate.yaml"):
        if (REPO / "content" / name).exists():
            shutil.copy2(REPO / "content" / name, content / name)
    shutil.copytree(REPO / "tests" / "fixtures" / "stories", content / "raw", ignore=shutil.ignore_patterns("*.yaml"))
    return build(Settings(content_dir=content))


def records(site):
    return {r["id"]: r for r in json.loads(site.files["briefings.json"])["briefings"]}


def test_each_story_has_a_page_with_its_accounts_by_date_and_outlet(site):
    page = site.pages["stories/kazan-xinhua.md"]
    rows = re.findall(r"^\| (\d{4}-\d\d-\d\d) \| (\S+) \| ([^|]+?) \|", page, re.M)
    assert rows == [("2024-10-22", "新华社", "官方媒体 State media"),
                    ("2024-10-23", "环球时报", "官方媒体 State media"),
                    ("2024-10-24", "德国之声", "公共广播 Public broadcaster")]
    assert "⚠ 国家" in page  # where the accounts differ: 36 and 35 delegations
    index = site.pages["stories/index.md"]
    assert index.count("](../stories/") == 5  # five stories


def test_a_briefing_lists_the_other_accounts_of_its_story(site):
    page = site.pages["briefings/alaska-cctv.md"]
    section = page.split("Also reported by", 1)[1].split("##", 1)[0]
    assert "(../stories/alaska-bbc.md)" in section
    assert "BBC中文 · 2025-08-16" in section and "(../briefings/alaska-zaobao.md)" in section
    assert "Also reported by" not in site.pages["briefings/x-kursk-advance.md"]


def test_conflicting_rows_are_marked_and_link_each_other(site):
    huanqiu = site.pages["briefings/kazan-huanqiu.md"]
    row = next(line for line in huanqiu.splitlines() if "35个国家" in line and line.startswith("|"))
    assert "⚠" in row and "(../briefings/kazan-xinhua.md#fig-" in row and "(../briefings/kazan-dw.md#fig-" in row
    conflicts = site.pages["conflicts.md"]
    assert conflicts.count("briefings/kazan-huanqiu.md#fig-") == 2


def test_briefings_json_carries_story_and_figure_conflicts(site):
    by_id = records(site)
    assert by_id["kazan-dw"]["story"] == "kazan-xinhua" and by_id["x-kursk-advance"]["story"] is None
    huanqiu = next(f for f in by_id["kazan-huanqiu"]["figures"] if f["text"] == "35个国家")
    assert sorted(huanqiu["conflicts"]) == sorted(
        f"briefings/{b}/#{next(f['anchor'] for f in by_id[b]['figures'] if f['text'] == '36个国家')}"
        for b in ("kazan-xinhua", "kazan-dw"))
    assert all(f["conflicts"] == [] for f in by_id["hague-reuters"]["figures"])


def test_a_change_row_keeps_the_anchors_of_both_ends(site):
    page = site.pages["briefings/tariff-people.md"]
    row = next(line for line in page.splitlines() if "34%提高至84%" in line and line.startswith("|"))
    assert len(re.findall(r'<a id="fig-[0-9a-f]{8}"', row)) == 1  # the row's own anchor, and …
    assert len(re.findall(r'<span id="fig-[0-9a-f]{8}"', row)) == 2  # … the two ends' old ones, kept
    assert "34 → 84 percent" in row


def test_citation_exports_import_as_csl_json_bibtex_and_ris(site):
    items = json.loads(site.files["briefings.csl.json"])
    jsonschema.validate(items, CSL_SCHEMA)
    assert len(items) == len(records(site)) == 22
    library = bibtexparser.parse_string(site.files["briefings.bib"])
    assert not library.failed_blocks and len(library.entries) == 22
    assert site.files["briefings.ris"].count("TY  - NEWS") == 22


def test_the_cite_block_offers_three_styles_each_in_a_copyable_block_and_downloads(site):
    page = site.pages["briefings/jeddah-mingpao.md"]
    cite = page.split("Cite this briefing", 1)[1]
    assert [name for name in ("GB/T 7714-2015", "Chicago", "APA") if f"**{name}**" in cite] == [
        "GB/T 7714-2015", "Chicago", "APA"]
    assert cite.count("```text") == 4  # the short line and the three styles: Material adds a copy button to each
    assert "烏克蘭接受停火三十天方案 美恢復軍援[N/OL]. 明報, 2025-03-12[" in cite
    assert 'download="jeddah-mingpao.bib" href="../../briefings/jeddah-mingpao/cite.bib"' in cite
    assert 'download="jeddah-mingpao.csl.json" href="../../briefings/jeddah-mingpao/cite.csl.json"' in cite
    one = bibtexparser.parse_string(site.files["briefings/jeddah-mingpao/cite.bib"]).entries
    assert [e.key for e in one] == ["jeddah-mingpao"]
    jsonschema.validate(json.loads(site.files["briefings/jeddah-mingpao/cite.csl.json"]), CSL_SCHEMA)


def test_an_outlet_page_profiles_a_registry_outlet_that_briefings_credit(site):
    page = site.pages["outlets/news-cn.md"]  # 新华社: its key is its first host
    assert "官方媒体 State media" in page
    dates = re.findall(r"^- (\d{4}-\d\d-\d\d) · \[", page.split("## 简报", 1)[1].split("##", 1)[0], re.M)
    assert dates == ["2025-06-25", "2025-05-19", "2025-03-11", "2024-10-22", "2024-06-10"]  # newest first
    stories = page.split("Stories it took part in", 1)[1]
    assert stories.count("](../stories/") == 3
    assert "(../actors/russia.md)" in page.split("Actors it covers most", 1)[1].split("##", 1)[0]
    assert "outlets/mingpao-com.md" in site.pages  # 明報, credited in Traditional characters


def test_the_outlets_index_lists_briefings_by_source_type(site):
    index = site.pages["outlets/index.md"]
    assert "[自媒体平台 Self-media platform (1)](#self-media)" in index
    section = index.split("{ #self-media }", 1)[1].split("\n## ", 1)[0]
    assert "(../briefings/hague-wechat.md)" in section and "(../briefings/hague-xinhua.md)" not in section
