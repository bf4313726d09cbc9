"""The example site in a real browser (headless Chromium), served from 127.0.0.1: a reader
searches in Chinese and in English, reads a briefing, follows an actor and comes back through a
related briefing, opens a link to one figure. Nothing may be fetched from another host and no
script may fail. Screenshots at desktop and phone widths go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

CHROMIUM = Path("/usr/bin/chromium")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
MINSK = "briefings/2024-12-minsk-union-state-security-treaty/"  # mentions 卢卡申科 throughout
LUKASHENKO = "actors/alexander-lukashenko/"
SHOTS = {"home": "", "briefing": "briefings/2024-10-kazan-brics-summit/", "actor": LUKASHENKO}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed"),
]


def path_of(url: str) -> str:
    """The site path of a URL, "briefings/x/", without query or fragment."""
    return urlsplit(url).path.lstrip("/")


def slug(path: str) -> str:
    """The id in "briefings/<id>/"."""
    return path.rstrip("/").rsplit("/", 1)[-1]


def search(page: Page, query: str, attempts: int = 3) -> list[tuple[str, str]]:
    """Type `query` into Material's search box; (site path, title) of the results shown.

    Material builds its index in a web worker after the page loads; a query typed before the worker
    is ready can stay unanswered until the next keystroke (a person would type again). On a loaded
    2-core machine that takes a while, so the query is typed again, up to `attempts` times."""
    box = page.locator("input.md-search__input")
    for attempt in range(attempts):
        box.click()
        box.fill("")
        box.press_sequentially(query, delay=20)
        # Results are rendered for this query once their links carry it as the highlight parameter.
        try:
            page.wait_for_function(
                """q => [...document.querySelectorAll("a.md-search-result__link")]
                         .some(a => (new URL(a.href).searchParams.get("h") || "").toLowerCase() === q.toLowerCase())""",
                arg=query, timeout=40_000)
            break
        except PlaywrightTimeoutError:
            if attempt == attempts - 1:
                raise
    links = page.locator("li.md-search-result__item > a.md-search-result__link")
    return [(path_of(a.get_attribute("href") or ""), a.inner_text().strip()) for a in links.all()]


def briefing_paths(results: list[tuple[str, str]]) -> list[str]:
    return [p for p, _ in results if re.fullmatch(r"briefings/[a-z0-9-]+/", p)]


def test_search_in_chinese_and_english_leads_to_briefings(open_tab, base_url: str) -> None:
    tab = open_tab(DESKTOP)
    page = tab.page
    page.goto(base_url)
    expect(page.locator("h1").first).to_be_visible()

    chinese = search(page, "卢卡申科")
    assert MINSK in briefing_paths(chinese), chinese
    english = search(page, "Lukashenko")
    assert MINSK in briefing_paths(english), english

    # Through a result to the briefing: the search words are highlighted on it.
    page.locator(f'li.md-search-result__item > a.md-search-result__link[href*="{MINSK}"]').first.click()
    page.wait_for_url(re.compile(re.escape(MINSK)))
    expect(page.locator("article h1")).to_contain_text("卢卡申科")
    tab.assert_clean()


def test_briefing_actor_and_back_through_a_related_briefing(open_tab, base_url: str, site_build) -> None:
    tab = open_tab(DESKTOP)
    page = tab.page
    page.goto(urljoin(base_url, MINSK))

    # The actor link in the briefing's actor list leads to the actor page.
    actors = page.locator("article h2#行为体-actors + ul")
    actors.get_by_role("link", name="卢卡申科", exact=True).click()
    page.wait_for_url(re.compile(re.escape(LUKASHENKO) + "$"))
    expect(page.locator("article h1")).to_contain_text("Alexander Lukashenko")

    # From the actor page to another of his briefings whose related list holds the first one,
    # then back through that related-briefing link.
    listed = [t for t, _ in site_build.links(LUKASHENKO, "简报") if t and t != MINSK and t.startswith("briefings/")]
    via = next((b for b in listed if MINSK in {t for t, _ in site_build.links(b, "相关简报")}), None)
    assert via, f"none of {listed} lists {MINSK} as related"
    page.locator("article h2#简报-briefings + ul").locator(f'a[href$="/{slug(via)}/"]').first.click()
    page.wait_for_url(re.compile(re.escape(via) + "$"))
    page.locator("article h2#相关简报-related-briefings + ul").locator(f'a[href$="/{slug(MINSK)}/"]').click()
    page.wait_for_url(re.compile(re.escape(MINSK) + "$"))
    expect(page.locator("article h1")).to_contain_text("卢卡申科")
    tab.assert_clean()


def test_a_figure_link_opens_at_that_figure(open_tab, base_url: str, site_build) -> None:
    record = next(b for b in site_build.briefings_json["briefings"] if len(b["figures"]) >= 5)
    anchor = record["figures"][-1]["anchor"]  # the last row: the page has to scroll to it
    tab = open_tab(DESKTOP)
    page = tab.page
    page.goto(urljoin(base_url, record["permalink"]) + "#" + anchor)
    target = page.locator(f"#{anchor}")
    expect(target).to_have_count(1)
    expect(target).to_be_in_viewport()
    assert page.evaluate("() => document.querySelector(':target')?.id") == anchor
    tab.assert_clean()


def test_the_citation_fits_its_box(open_tab, base_url: str) -> None:
    tab = open_tab(DESKTOP)
    page = tab.page
    page.goto(urljoin(base_url, MINSK))
    code = page.locator("article .briefing-citation pre > code").first  # the scroller
    expect(code).to_contain_text("卢卡申科")
    tab.assert_clean()
    hidden = code.evaluate("e => e.scrollWidth - e.clientWidth")
    assert hidden <= 0, f"{hidden}px of the citation are out of sight"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_screenshots_of_home_briefing_and_actor(open_tab, base_url: str, screenshot_dir: Path,
                                                viewport: dict[str, int]) -> None:
    tab = open_tab(viewport)
    page = tab.page
    for name, path in SHOTS.items():
        page.goto(urljoin(base_url, path))
        expect(page.locator("article h1").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        page.screenshot(path=screenshot_dir / f"{name}-{viewport['width']}x{viewport['height']}.png", full_page=True)
        page.screenshot(path=screenshot_dir / f"{name}-{viewport['width']}x{viewport['height']}-top.png")
    tab.assert_clean()


@pytest.mark.parametrize("path", list(SHOTS.values()), ids=list(SHOTS))
def test_pages_fit_a_phone_screen(open_tab, base_url: str, path: str) -> None:
    tab = open_tab(PHONE)
    page = tab.page
    page.goto(urljoin(base_url, path))
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path or 'home'} is {overflow}px wider than a 390px phone screen"
    tab.assert_clean()
