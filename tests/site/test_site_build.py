"""The example site as a reader meets it: `mkdocs build --strict` over the repository's content/raw.

Each test states one thing a reader can rely on. The site is built once per session by the
`site_build` fixture (tests/site/conftest.py), in a temporary copy of the project.
"""

from __future__ import annotations

import filecmp
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

if TYPE_CHECKING:  # the fixtures' types; never imported at run time (every test folder has a conftest)
    from conftest import Build, Projects

REPO = Path(__file__).resolve().parents[2]
UNSTABLE_FILES = {"sitemap.xml", "sitemap.xml.gz"}  # MkDocs stamps them with the build date

BUSAN_PREFIX = "2025-10-busan"  # content/raw holds two copies of one article on the Busan summit
FULL_BRIEFING = "2024-10-kazan-brics-summit"  # has an outlet, figures, an original link: every part shows
ATOM = "{http://www.w3.org/2005/Atom}"
STATUSES = {"briefing", "duplicate", "rejected"}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def zh_forms(project: Path, name_zh: str) -> tuple[str, set[str]]:
    """An actor's id and Chinese forms, from the project's content/actors.yaml."""
    entries = yaml.safe_load((project / "content" / "actors.yaml").read_text(encoding="utf-8"))
    for entry in entries:
        if entry.get("name_zh") == name_zh:
            return entry["id"], {entry["name_zh"], *entry.get("aliases", [])}
    raise AssertionError(f"{name_zh} is not in content/actors.yaml")


def full_text(site: Build, url: str) -> str:
    """The cleaned article text shown under 全文 Full text."""
    details = [d for e in site.section(url, "全文") for d in e.iter("details")]
    assert details, f"{url} has no full-text block"
    return details[0].text_content()


def briefing_links(site: Build, url: str, heading: str | None = None) -> set[str]:
    """The briefing pages ("briefings/<id>/") that a page, or one section of it, links to."""
    return {target for target, _ in site.links(url, heading) if target and re.fullmatch(r"briefings/[^/]+/", target)}


# --- the build ---------------------------------------------------------------------------------------


def test_build_succeeds_under_strict_without_warnings(site_build: Build) -> None:
    assert site_build.returncode == 0
    warnings = [line for line in site_build.output.splitlines() if "WARNING" in line]
    assert not warnings, "\n".join(warnings)


# --- every input is accounted for --------------------------------------------------------------------


def test_build_report_lists_every_raw_file_once(site_build: Build) -> None:
    raw = sorted(p.relative_to(site_build.raw_dir).as_posix() for p in site_build.raw_dir.rglob("*") if p.is_file())
    sources = [entry["source"] for entry in site_build.report["inputs"]]
    assert sorted(sources) == raw
    assert {entry["status"] for entry in site_build.report["inputs"]} <= STATUSES


def test_one_briefing_page_per_non_duplicate_input(site_build: Build) -> None:
    kept = [e for e in site_build.report["inputs"] if e["status"] == "briefing"]
    urls = [e["url"] for e in kept]
    assert len(set(urls)) == len(urls), "two inputs share one briefing page"
    assert sorted(urls) == [f"briefings/{i}/" for i in site_build.briefing_ids]
    for entry in site_build.report["inputs"]:
        if entry["status"] != "rejected":
            assert site_build.file(entry["url"]).is_file(), entry


def test_no_example_article_is_rejected(site_build: Build) -> None:
    rejected = {e["source"]: e["reason"] for e in site_build.report["inputs"] if e["status"] == "rejected"}
    assert not rejected


def test_the_two_busan_copies_are_one_briefing(site_build: Build) -> None:
    copies = sorted(s for s in site_build.report_by_source if s.startswith(BUSAN_PREFIX))
    assert len(copies) == 2, copies
    by_status = {site_build.report_by_source[s]["status"]: s for s in copies}
    assert set(by_status) == {"briefing", "duplicate"}, {s: site_build.report_by_source[s] for s in copies}
    kept, dropped = by_status["briefing"], by_status["duplicate"]
    assert "副本" in dropped and "副本" not in kept  # the file manager's copy is the duplicate, not the original
    duplicate = site_build.report_by_source[dropped]
    assert kept in duplicate["reason"]
    assert duplicate["url"] == site_build.report_by_source[kept]["url"]
    # The kept briefing names the other file it was also collected as.
    assert dropped in site_build.section_text(duplicate["url"], "来源")


# --- a briefing page ---------------------------------------------------------------------------------


def test_a_briefing_page_shows_every_part(site_build: Build) -> None:
    url = f"briefings/{FULL_BRIEFING}/"
    record = next(b for b in site_build.briefings_json["briefings"] if b["id"] == FULL_BRIEFING)
    article = site_build.content(url)

    # Headline, then badges: date and outlet.
    assert article.xpath("string(.//h1)").replace("¶", "").strip() == record["title"]
    date_badge = article.xpath('string(.//p[@class="briefing-badges"]/span[contains(@class, "badge-date")])')
    assert date_badge.startswith(record["date"])
    outlet_badge = article.xpath('string(.//p[@class="briefing-badges"]/span[contains(@class, "badge-outlet")])')
    assert record["outlet"] and outlet_badge == record["outlet"]

    # Summary: a list of sentences taken from the article.
    summary = [li.text_content().strip() for e in site_build.section(url, "摘要") for li in e.iter("li")]
    assert summary
    body = squash(full_text(site_build, url))
    for sentence in summary:
        assert squash(sentence) in body, f"summary sentence not in the full text: {sentence}"

    # Key figures: every row carries its own #fig-… anchor.
    rows = [tr for e in site_build.section(url, "关键数据") for tr in e.iter("tr") if tr.getparent().tag == "tbody"]
    assert rows
    for row in rows:
        anchors = row.xpath('.//a[starts-with(@id, "fig-")]')
        assert len(anchors) == 1, row.text_content()
        assert anchors[0].get("href") == "#" + anchors[0].get("id")

    # Actors link to their actor pages, in the order of briefings.json.
    actor_links = [target for target, _ in site_build.links(url, "行为体")]
    assert actor_links == [f"actors/{a['id']}/" for a in record["actors"]]
    for target in actor_links:
        assert site_build.file(target).is_file(), target

    # Topics link to topic pages.
    topic_links = [target for target, _ in site_build.links(url, "主题")]
    assert topic_links == [f"topics/{t}/" for t in record["topics"]]
    for target in topic_links:
        assert site_build.file(target).is_file(), target

    # Related briefings are other briefings.
    related = briefing_links(site_build, url, "相关简报")
    assert related and url not in related
    for target in related:
        assert site_build.file(target).is_file(), target

    # The full text, folded away, then the original link and a citation.
    assert len(full_text(site_build, url)) > 500
    source_links = [a.get("href") for e in site_build.section(url, "来源") for a in e.iter("a")]
    assert record["url"] and record["url"] in source_links
    cite = site_build.section_text(url, "引用", level="h3")
    assert record["title"] in cite and record["permalink"] in cite


def test_every_briefing_page_has_headline_summary_actors_full_text_and_citation(site_build: Build) -> None:
    problems = []
    for briefing_id in site_build.briefing_ids:
        url = f"briefings/{briefing_id}/"
        article = site_build.content(url)
        if not article.xpath("string(.//h1)").strip():
            problems.append(f"{url}: no headline")
        if not article.xpath('.//span[contains(@class, "badge-date")]'):
            problems.append(f"{url}: no date badge")
        if not [li for e in site_build.section(url, "摘要") for li in e.iter("li")]:
            problems.append(f"{url}: no summary")
        if not site_build.links(url, "行为体"):
            problems.append(f"{url}: no actors")
        if not site_build.section(url, "全文") or len(full_text(site_build, url)) < 300:
            problems.append(f"{url}: no full text")
        if not site_build.section(url, "引用", level="h3"):
            problems.append(f"{url}: no citation")
    assert not problems, "\n".join(problems)


def test_figure_anchors_are_unique_and_match_briefings_json(site_build: Build) -> None:
    for record in site_build.briefings_json["briefings"]:
        page = site_build.page(record["permalink"])
        anchors = page.xpath('//a[starts-with(@id, "fig-")]/@id')
        assert len(anchors) == len(set(anchors)), record["id"]
        assert anchors == [f["anchor"] for f in record["figures"]], record["id"]


# --- actor pages -------------------------------------------------------------------------------------


def test_every_actor_linked_from_a_briefing_links_back(site_build: Build) -> None:
    missing = []
    for briefing_id in site_build.briefing_ids:
        url = f"briefings/{briefing_id}/"
        for actor_url, label in site_build.links(url, "行为体"):
            if url not in briefing_links(site_build, actor_url):
                missing.append(f"{actor_url} ({label}) does not link back to {url}")
    assert not missing, "\n".join(missing)


def test_lukashenko_page_lists_every_briefing_that_mentions_him(site_build: Build) -> None:
    actor_id, forms = zh_forms(site_build.project, "卢卡申科")
    mentioning = {f"briefings/{i}/" for i in site_build.briefing_ids
                  if any(form in full_text(site_build, f"briefings/{i}/") for form in forms)}
    assert len(mentioning) >= 3  # Kazan, Minsk, the Victory Day parade, Tianjin
    actor_url = f"actors/{actor_id}/"
    listed = briefing_links(site_build, actor_url, "简报")
    assert listed == mentioning


# --- search ------------------------------------------------------------------------------------------
# With the plugin's `search: material`, Material's own search (tests/test_search.py and
# tests/browser/test_search_pagefind.py cover the Pagefind default).


@pytest.fixture(scope="module")
def search_index(projects: Projects) -> dict:
    project = projects.make("material-search-project")
    config = project / "mkdocs.yml"
    text, replaced = re.subn(r"^(\s+)search: pagefind\b.*$", r"\1search: material", config.read_text(encoding="utf-8"),
                             flags=re.M)
    if replaced != 1:
        pytest.fail("mkdocs.yml no longer sets the briefings plugin's `search: pagefind`; update this fixture")
    config.write_text(text, encoding="utf-8")
    build = projects.build(project).require_ok()
    return json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))


def split_occurrences(index: dict, name: str) -> tuple[int, list[str]]:
    """How often `name` occurs in the index (its characters possibly cut apart by the separator),
    and the places where it is not one whole word."""
    separator = index["config"]["separator"]  # a character class plus "+", e.g. "[\\s\\u200b、。]+"
    chars = separator[: separator.rindex("]") + 1]
    pattern = re.compile(f"{chars}*".join(map(re.escape, name)))
    found, split = 0, []
    for doc in index["docs"]:
        for field in ("title", "text"):
            text = re.sub(r"<[^>]+>", " ", doc[field])
            for match in pattern.finditer(text):
                found += 1
                before, after = text[match.start() - 1: match.start()], text[match.end(): match.end() + 1]
                whole = match[0] == name and all(not c or re.fullmatch(chars, c) for c in (before, after))
                if not whole:
                    split.append(f"{doc['location']}: …{text[max(0, match.start() - 6): match.end() + 6]}…")
    return found, split


@pytest.mark.parametrize("name", ["卢卡申科", "拉夫罗夫", "泽连斯基"])
def test_search_index_holds_chinese_names_as_whole_words(search_index: dict, name: str) -> None:
    assert "zh" in search_index["config"]["lang"]
    found, split = split_occurrences(search_index, name)
    assert found
    assert not split, "\n".join(split[:10])


def test_english_name_is_in_the_text_of_chinese_briefings(search_index: dict) -> None:
    hits = {doc["location"].split("#")[0] for doc in search_index["docs"]
            if doc["location"].startswith("briefings/") and "Lukashenko" in doc["text"]}
    assert "briefings/2024-12-minsk-union-state-security-treaty/" in hits


# --- nothing comes from another host -----------------------------------------------------------------

def test_no_page_loads_anything_from_another_host(site_build: Build) -> None:
    offenders = site_build.external_loads()
    assert not offenders, "\n".join(offenders[:30])


def test_every_link_within_the_site_leads_to_a_page(site_build: Build) -> None:
    broken = set()
    for path in site_build.html_pages():
        url = site_build.url_of(path)
        if url == "404.html":  # MkDocs makes it with root-relative links, to work at any missing address
            continue
        for element in site_build.page(url).iter("a", "link", "script", "img"):
            href = element.get("href") or element.get("src")
            if not href or href.startswith(("mailto:", "javascript:", "data:")):
                continue
            target = site_build.resolve(url, href)
            if target is None:
                continue
            fragment = href.partition("#")[2]
            file = site_build.file(target)
            if not file.is_file():
                broken.add(f"{url}: {href}")
            elif fragment.startswith("fig-") and not site_build.page(target).xpath(f'//*[@id="{fragment}"]'):
                broken.add(f"{url}: {href} (no such figure)")
    assert not broken, "\n".join(sorted(broken)[:30])


# --- data files --------------------------------------------------------------------------------------


def test_briefings_json_lists_every_briefing(site_build: Build) -> None:
    records = site_build.briefings_json["briefings"]
    assert sorted(r["id"] for r in records) == site_build.briefing_ids
    for record in records:
        assert record["permalink"] == f"briefings/{record['id']}/"


def test_feed_is_atom_with_the_newest_briefings(site_build: Build) -> None:
    feed = ET.parse(site_build.site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == min(30, len(site_build.briefing_ids))
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        href = entry.find(f"{ATOM}link").get("href")
        assert re.search(r"briefings/[a-z0-9-]+/$", href), href
        assert site_build.file(re.search(r"briefings/[a-z0-9-]+/$", href)[0]).is_file()


# --- reproducible output -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rebuilds(site_build: Build, projects: Projects) -> dict[str, Build]:
    """The same content built again: in the same folder (the per-article cache now warm), and
    from a fresh copy in another folder (cold cache, other absolute paths), both at once."""
    fresh = projects.make("example-project-again")
    same, other = projects.build_all([(site_build.project, site_build.project / "site-again"), (fresh, fresh / "site")])
    return {"same folder, warm cache": same.require_ok(), "fresh copy elsewhere": other.require_ok()}


def differences(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()} - UNSTABLE_FILES
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()} - UNSTABLE_FILES
    out = [f"only in the first build: {f}" for f in sorted(files_a - files_b)]
    out += [f"only in the second build: {f}" for f in sorted(files_b - files_a)]
    out += [f"differs: {f}" for f in sorted(files_a & files_b) if not filecmp.cmp(a / f, b / f, shallow=False)]
    return out


@pytest.mark.parametrize("how", ["same folder, warm cache", "fresh copy elsewhere"])
def test_building_twice_gives_identical_output(site_build: Build, rebuilds: dict[str, Build], how: str) -> None:
    diff = differences(site_build.site, rebuilds[how].site)
    assert not diff, "\n".join(diff[:20])


# --- stable addresses --------------------------------------------------------------------------------


def expected_slug(file_name: str) -> str:
    """The address rule, written out: the file name without its extension, in ASCII, lower case,
    every run of other characters one hyphen."""
    stem = file_name.rsplit(".", 1)[0]
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_stem).strip("-")


def test_example_briefing_ids_are_the_ascii_slugs_of_file_names(site_build: Build) -> None:
    for entry in site_build.report["inputs"]:
        if entry["status"] == "briefing":
            assert entry["url"] == f"briefings/{expected_slug(Path(entry['source']).name)}/", entry


ID_NOTE = """---
id: minsk-security-treaty
---
"""


@pytest.fixture(scope="module")
def id_build(projects: Projects) -> Build:
    """Two example articles under other names: one with a messy file name, one whose front
    matter sets its id."""
    project = projects.make("id-project", raw_files=[])
    raw = project / "content" / "raw"
    riyadh = (REPO / "content" / "raw" / "2025-02-riyadh-us-russia-talks-rss.txt").read_bytes()
    (raw / "Riyadh Talks (RSS) 利雅得会谈.txt").write_bytes(riyadh)
    minsk = (REPO / "content" / "raw" / "2024-12-minsk-union-state-security-treaty.txt").read_text(encoding="utf-8")
    (raw / "2024-12-minsk-note.txt").write_text(ID_NOTE + minsk, encoding="utf-8")
    return projects.build(project).require_ok()


def test_a_messy_file_name_gives_an_ascii_address(id_build: Build) -> None:
    assert id_build.briefing_url_of("Riyadh Talks (RSS) 利雅得会谈.txt") == "briefings/riyadh-talks-rss/"
    assert id_build.file("briefings/riyadh-talks-rss/").is_file()


def test_front_matter_id_overrides_the_file_name(id_build: Build) -> None:
    assert id_build.briefing_url_of("2024-12-minsk-note.txt") == "briefings/minsk-security-treaty/"
    assert id_build.file("briefings/minsk-security-treaty/").is_file()
    assert not (id_build.site / "briefings" / "2024-12-minsk-note").exists()


# --- defects found by these tests, now fixed ------------------------------------------------------------


def test_each_quote_on_a_briefing_stands_apart(site_build: Build) -> None:
    merged = []
    for briefing_id in site_build.briefing_ids:
        url = f"briefings/{briefing_id}/"
        for element in site_build.section(url, "引语"):
            for paragraph in element.iter("p"):
                if len(re.findall(r"”\s*—", paragraph.text_content())) > 1:
                    merged.append(url)
    assert not merged, sorted(set(merged))


def test_the_citation_gives_the_permalink(site_build: Build) -> None:
    # Relative while mkdocs.yml sets no site_url (tests/test_site_pages.py checks the absolute form).
    cite = site_build.section_text(f"briefings/{FULL_BRIEFING}/", "引用", level="h3")
    assert f"(briefings/{FULL_BRIEFING}/)" in cite, cite


def test_feed_ids_are_absolute(site_build: Build) -> None:
    feed = ET.parse(site_build.site / "feed.xml").getroot()
    ids = [feed.findtext(f"{ATOM}id"), *(e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry"))]
    assert all(re.match(r"https?://|urn:|tag:", i or "") for i in ids), ids[:3]


@pytest.mark.parametrize("source, date", [
    ("2024-09-lavrov-unga-general-debate.txt", "2024-09-29"),
    ("2024-10-kazan-brics-summit.html", "2024-10-25"),
    ("2024-12-minsk-union-state-security-treaty.txt", "2024-12-07"),  # "2024-12-07 10:15" under the headline
    ("2025-02-riyadh-us-russia-talks-rss.txt", "2025-02-19"),
    ("2025-03-ck-hutchison-ports-mingpao.txt", "2025-03-29"),
    ("2025-05-xinhua-moscow-victory-day-parade.txt", "2025-05-09"),  # "2025-05-09 21:36:18　来源：新华网"
    ("2025-08-alaska-trump-putin-summit.txt", "2025-08-17"),  # "2025-08-17 09:41发布于北京", not the 2015 in the text
    ("2025-09-sco-tianjin-power-of-siberia-2.md", "2025-09-03"),  # front matter
    ("2025-11-us-28-point-peace-plan-wechat.txt", "2025-11-24"),
], ids=lambda value: value.split(".")[0] if "." in value else None)
def test_date_badge_shows_the_date_printed_on_the_article(site_build: Build, source: str, date: str) -> None:
    url = site_build.briefing_url_of(source)
    badge = site_build.content(url).xpath('string(.//span[contains(@class, "badge-date")])')
    assert badge == date


@pytest.mark.parametrize("source, outlet", [
    pytest.param("2024-10-kazan-brics-summit.html", "寰宇时事网", id="kazan"),
    pytest.param("2025-02-riyadh-us-russia-talks-rss.txt", "子午线邮报中文网", id="riyadh"),
    pytest.param("2024-09-lavrov-unga-general-debate.txt", "海外视点网", id="lavrov"),
])
def test_outlet_badge_names_the_outlet(site_build: Build, source: str, outlet: str) -> None:
    url = site_build.briefing_url_of(source)
    badge = site_build.content(url).xpath('string(.//span[contains(@class, "badge-outlet")])')
    assert badge == outlet
