"""Searching the example site in a real browser, answered by the Pagefind index (generator/search.py).

A reader types a Chinese word or an actor's English name into the header's search box and sees
briefings, each with its title, its date and an excerpt with the words highlighted; the Chinese
and English names of one actor find the same briefings, and a query in Traditional characters
finds what its Simplified form finds. A query downloads a few hundred kilobytes at most, nothing
from another host, and the box looks like Material's on a phone in the dark scheme too
(screenshots in test-artifacts/screenshots/). A large index comes in shards of consecutive dates:
the newest is searched first, older ones while a page of results is missing or when the reader
asks for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, expect

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
MINSK = "briefings/2024-12-minsk-union-state-security-treaty/"  # mentions 卢卡申科 throughout
QUERY_BYTES = 500_000  # issue 13: a query downloads at most this much of the index

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Result:
    path: str
    title: str
    date: str
    excerpt_html: str


def search(page: Page, query: str) -> list[Result]:
    """Type `query` into the search box (End, as a reader would, to leave the input method's
    composition), wait until the box shows this query's results, and read them."""
    box = page.locator("input.md-search__input")
    magnifier = page.locator("label.md-header__button[for='__search']")
    if magnifier.is_visible():  # on a phone the box opens from the header's magnifier
        magnifier.click()
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    box.press("End")
    page.wait_for_function("q => document.querySelector('[data-briefing-search]').dataset.answered === q",
                           arg=query, timeout=30_000)
    results = []
    for item in page.locator("li.md-search-result__item").all():
        link = item.locator("a.md-search-result__link")
        results.append(Result(
            path=urlsplit(link.get_attribute("href") or "").path.lstrip("/"),
            title=item.locator("h1").inner_text().strip(),
            date=item.locator("time").inner_text().strip() if item.locator("time").count() else "",
            excerpt_html=item.locator(".md-search-result__teaser").inner_html(),
        ))
    return results


def test_an_actors_chinese_and_english_names_find_the_same_briefings(open_tab, base_url: str) -> None:
    tab = open_tab(DESKTOP)
    tab.page.goto(base_url)
    chinese = search(tab.page, "卢卡申科")
    english = search(tab.page, "Lukashenko")
    assert MINSK in [r.path for r in chinese], chinese
    assert sorted(r.path for r in chinese) == sorted(r.path for r in english)
    for result in chinese + english:
        assert re.fullmatch(r"briefings/[a-z0-9-]+/", result.path), f"only briefings are indexed: {result.path}"
        assert result.title and result.title != result.path
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", result.date), result
        assert "<mark>" in result.excerpt_html, result
    assert any("<mark>卢卡申科</mark>" in r.excerpt_html for r in chinese)
    # The English name is highlighted where the Chinese text names him (a gloss shown with it).
    assert any(re.search(r"卢卡申科 ?\(Alexander <mark>Lukashenko</mark>\)", r.excerpt_html) for r in english), english
    tab.assert_clean()


def test_a_chinese_word_finds_its_briefing_with_title_and_date(open_tab, base_url: str) -> None:
    tab = open_tab(DESKTOP)
    tab.page.goto(base_url + MINSK)
    heading = tab.page.locator("article h1").first.inner_text().strip()
    results = search(tab.page, "榛树")  # the missile system the Minsk briefing is about
    assert [r.path for r in results][:1] == [MINSK], results
    assert results[0].title == heading.rstrip("¶").strip()
    assert results[0].date == "2024-12-07"
    assert "<mark>榛树</mark>" in results[0].excerpt_html
    # Following the result opens the briefing.
    tab.page.locator("a.md-search-result__link").first.click()
    tab.page.wait_for_url(re.compile(re.escape(MINSK)))
    expect(tab.page.locator("article h1").first).to_contain_text("榛树")
    tab.assert_clean()


def test_a_query_downloads_kilobytes_from_this_site_only(open_tab, base_url: str) -> None:
    tab = open_tab(DESKTOP)
    requests = []
    tab.page.on("requestfinished", lambda request: requests.append(request))
    tab.page.goto(base_url)
    tab.page.wait_for_load_state("networkidle")
    before = len(requests)
    assert not any("/pagefind/" in r.url for r in requests), "the index is fetched only once the box is used"
    search(tab.page, "普京")
    fetched = requests[before:]
    index_bytes = sum(r.sizes()["responseBodySize"] for r in fetched)
    assert any("/pagefind/" in r.url for r in fetched)
    assert 0 < index_bytes <= QUERY_BYTES, f"{index_bytes} bytes for one query"
    assert not any(url.endswith("search_index.json") for url in tab.requests), "Material's index is not used"
    tab.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_box_on_a_phone_in_both_schemes(open_tab, base_url: str, screenshot_dir, scheme: str) -> None:
    tab = open_tab(PHONE)
    page = tab.page
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url)
    if scheme == "dark":  # Material's palette toggle: the second scheme of mkdocs.yml is slate
        page.locator("form[data-md-component='palette'] label:not([hidden])").first.click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    results = search(page, "Putin")
    assert results and all(r.path.startswith("briefings/") for r in results)
    first = page.locator("li.md-search-result__item").first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, box
    page.screenshot(path=str(screenshot_dir / f"search-pagefind-phone-{scheme}.png"))
    page.keyboard.press("Escape")
    expect(page.locator("li.md-search-result__item").first).to_be_hidden()
    tab.assert_clean()


def test_an_index_in_shards_finds_what_one_index_finds_newest_shard_first(open_tab, site_build, tmp_path) -> None:
    """A large collection is indexed in shards of consecutive dates (generator/search.py), searched
    newest first. Here the example site is indexed three briefings a shard: it finds what the
    one-index site finds (fewer than a page of results, so every shard is searched), and the
    results of a newer shard come before those of an older one."""
    import shutil

    from serving import serve

    from generator import search as search_index
    from generator.build import build
    from generator.settings import default_settings

    corpus = build(default_settings(site_build.project)).corpus
    sharded = tmp_path / "site"
    shutil.copytree(site_build.site, sharded)
    search_index.PendingIndex(search_index.search_documents(corpus), [f for a in corpus.actors for f in a.zh_forms],
                              shard_size=3).finish(sharded)
    assert len(list((sharded / "pagefind" / "shards").iterdir())) == (len(corpus.briefings) - 1) // 3
    oldest_first = [b.url for b in reversed(corpus.briefings)]  # shards are cut from the oldest on
    shard_of = {url: position // 3 for position, url in enumerate(oldest_first)}
    with serve(site_build.site) as whole_url, serve(sharded) as sharded_url:
        tab = open_tab(DESKTOP)
        tab.page.goto(whole_url)
        whole = sorted(r.path for r in search(tab.page, "卢卡申科"))
        tab.page.goto(sharded_url)
        in_shards = search(tab.page, "卢卡申科")
    assert MINSK in whole and sorted(r.path for r in in_shards) == whole
    assert all(r.title and r.date and "<mark>" in r.excerpt_html for r in in_shards)
    shards = [shard_of[r.path] for r in in_shards]
    assert len(set(shards)) > 1 and shards == sorted(shards, reverse=True), shards
    tab.assert_clean()


def test_a_simplified_word_finds_a_briefing_written_in_traditional_characters(open_tab, base_url: str) -> None:
    tab = open_tab(DESKTOP)
    tab.page.goto(base_url)
    results = search(tab.page, "审查")  # the Ming Pao briefing writes 審查
    mingpao = [r for r in results if r.path == "briefings/2025-03-ck-hutchison-ports-mingpao/"]
    assert mingpao, results
    assert "審查" in mingpao[0].excerpt_html  # shown as written, the Simplified form highlighted beside it
    tab.assert_clean()


def test_a_word_of_the_oldest_briefing_only_is_found_when_the_reader_asks_for_older_ones(open_tab, site_build,
                                                                                         tmp_path) -> None:
    """One briefing a shard: a query searches the newest shards first, within the chunks one step
    may fetch. The oldest briefing's words are not in them: the box says so and offers the older
    briefings, and asking for them finds it."""
    import shutil

    from serving import serve

    from generator import search as search_index
    from generator.build import build
    from generator.settings import default_settings

    corpus = build(default_settings(site_build.project)).corpus
    sharded = tmp_path / "site"
    shutil.copytree(site_build.site, sharded)
    search_index.PendingIndex(search_index.search_documents(corpus), [f for a in corpus.actors for f in a.zh_forms],
                              shard_size=1).finish(sharded)
    oldest = corpus.briefings[-1].url
    assert oldest == "briefings/2024-09-lavrov-unga-general-debate/"  # the only briefing that says 荒谬
    with serve(sharded) as url:
        tab = open_tab(DESKTOP)
        page = tab.page
        page.goto(url)
        assert search(page, "荒谬") == []
        expect(page.locator(".md-search-result__meta")).to_contain_text("较新的简报中没有找到")
        older = page.locator("button.briefing-search__more")
        expect(older).to_contain_text("搜索更早的简报")
        root = page.locator("[data-briefing-search]")
        for _ in range(len(corpus.briefings) * 3):  # at most every shard for each reading of the query
            if page.locator("li.md-search-result__item").count() or not older.is_visible():
                break
            searched = root.get_attribute("data-searched")
            older.click()
            page.wait_for_function("s => document.querySelector('[data-briefing-search]').dataset.searched !== s",
                                   arg=searched)
        found = [urlsplit(a.get_attribute("href") or "").path.lstrip("/")
                 for a in page.locator("a.md-search-result__link").all()]
    assert found == [oldest]
    tab.assert_clean()


@pytest.mark.parametrize(("traditional", "simplified"), [("盧卡申科", "卢卡申科"), ("俄羅斯", "俄罗斯")])
def test_a_traditional_query_finds_what_its_simplified_form_finds(open_tab, base_url: str, traditional: str,
                                                                   simplified: str) -> None:
    tab = open_tab(DESKTOP)
    tab.page.goto(base_url)
    found = search(tab.page, simplified)
    assert found
    assert [r.path for r in search(tab.page, traditional)] == [r.path for r in found]
    tab.assert_clean()



def test_asking_for_more_while_a_new_query_loads_shows_only_the_new_querys_first_page(open_tab, site_build,
                                                                                     tmp_path) -> None:
    """The reader asks for the older briefings of one query just after typing another, while the
    new one is still loading. The step for the old query ends after the new query is on screen: it
    adds nothing, and the new query shows its first page only, its second one waiting for a click.
    Two shards of twelve briefings of our own writing: every newer one says Zephyr (twelve results
    in the newest shard, a page and two more), only the oldest says the four words of the first query."""
    import itertools
    import shutil
    import string

    from serving import serve

    from generator import search as search_index

    # Each newer notice lists 1000 gauge codes of its own, so that the index comes in several chunks
    # (alphabetical ranges of words): the new query's word, after the codes, is in another chunk
    # than the first query's, and has to be fetched.
    codes = ["m" + "".join(letters) for letters in itertools.product(string.ascii_lowercase, repeat=4)]
    def notice(day: int) -> tuple[str, ...]:
        if day > 12:
            return f"今日 Zephyr 水位平稳，第{day}段河堤巡查完毕。", " ".join(codes[day * 1000:(day + 1) * 1000])
        return ("旧档案记载 Anchor Abbey 渡口与 Acorn Alley 磨坊。" if day == 1 else f"第{day}段河堤旧档案。",)

    documents = [search_index.SearchDocument(
        url=f"briefings/2030-01-river-notice-{day:02d}/", title=f"第{day}号河道通告", date=f"2030-01-{day:02d}",
        paragraphs=notice(day), glosses={}, names=()) for day in range(24, 0, -1)]  # newest first, as search_documents
    site = tmp_path / "site"
    shutil.copytree(site_build.site, site)
    search_index.PendingIndex(documents, [], shard_size=12).finish(site)
    held: list = []
    hold = {"root": False, "shards": False}

    def route(route) -> None:
        in_shard = "/pagefind/shards/" in route.request.url
        if hold["shards"] if in_shard else hold["root"]:
            held.append(route)
        else:
            route.fallback()

    def release(shards: bool) -> None:
        for waiting in [r for r in held if ("/pagefind/shards/" in r.request.url) == shards]:
            held.remove(waiting)
            waiting.fallback()

    with serve(site) as url:
        tab = open_tab(DESKTOP)
        page = tab.page
        page.route("**/pagefind/**", route)
        page.goto(url)
        box = page.locator("input.md-search__input")
        box.click()
        # Four words, at once: one step searches the newest shard only (typed word by word, the
        # shorter queries on the way would search the older shard too).
        box.fill("Anchor Abbey Acorn Alley")
        page.wait_for_function("document.querySelector('[data-briefing-search]').dataset.answered === "
                               "'Anchor Abbey Acorn Alley'")
        assert page.locator("li.md-search-result__item").count() == 0
        older = page.locator("button.briefing-search__more")
        expect(older).to_contain_text("搜索更早的简报")
        # The new query's index and the older shard wait until the reader has asked for more.
        hold.update(root=True, shards=True)
        box.fill("Zephyr")
        older.click()
        hold["root"] = False
        release(shards=False)
        page.wait_for_function("document.querySelector('[data-briefing-search]').dataset.answered === 'Zephyr'")
        hold["shards"] = False
        release(shards=True)
        expect(older).to_be_enabled()  # the old query's step is over
        items = page.locator("li.md-search-result__item")
        assert items.count() == 10
        expect(older).to_contain_text("更多")
        assert all(text.startswith("第") and int(text[1:].split("号")[0]) > 12
                   for text in items.locator("h1").all_inner_texts())
        older.click()
        expect(items).to_have_count(12)
    tab.assert_clean()
