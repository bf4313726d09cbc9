"""Nothing executed, in a browser: the hostile site served on 127.0.0.1 and every briefing page, the
build report, the home page and a search opened in headless Chromium. Any dialog (alert, confirm,
prompt), page error, console error or request to another host fails the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hostile_inputs import Build
from serving import serve

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def served(hostile_build: Build) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 (tests/conftest.py: serve)."""
    with serve(hostile_build.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium: object) -> object:
    return chromium  # the session's one Chromium (tests/conftest.py)


class Watch:
    """What a page did that it must not: dialogs, errors, requests to other hosts."""

    def __init__(self, context: object, page: object) -> None:
        self.events: list[str] = []
        context.route("**/*", self._route)
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.events.append(f"page error: {error}"))
        page.on("console", self._console)

    def _route(self, route: object) -> None:
        url = route.request.url
        host = urlsplit(url).hostname
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and host != "127.0.0.1":
            self.events.append(f"request to another host: {url}")
            route.abort()
        else:
            route.continue_()

    def _dialog(self, dialog: object) -> None:
        self.events.append(f"dialog ({dialog.type}): {dialog.message}")
        dialog.dismiss()

    def _console(self, message: object) -> None:
        if message.type == "error":
            self.events.append(f"console error: {message.text}")


def _visit(browser: object, base: str, urls: list[str], then=None) -> dict[str, list[str]]:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    watch = Watch(context, page)
    seen: dict[str, list[str]] = {}
    try:
        for url in urls:
            start = len(watch.events)
            page.goto(base + url, wait_until="load")
            for details in page.locator("details").all():  # the full text, opened as a reader would
                details.evaluate("element => element.open = true")
            if then:
                then(page)
            page.wait_for_timeout(50)
            seen[url] = watch.events[start:]
    finally:
        context.close()
    return seen


def test_no_page_runs_anything_or_calls_another_host(hostile_build: Build, served: str, browser: object) -> None:
    urls = ["", "briefings/", "build-report/", *hostile_build.briefing_urls()]
    seen = _visit(browser, served, urls)
    bad = {url: events for url, events in seen.items() if events}
    assert not bad, bad
    assert len(seen) == len(urls) >= 20


def test_searching_for_the_payloads_runs_nothing(hostile_build: Build, served: str, browser: object) -> None:
    """Material shows search results as HTML: titles and text from hostile articles among them."""

    shown: list[str] = []
    found: list[int] = []

    def search(page: object) -> None:
        pagefind = page.locator("[data-briefing-search]").count() > 0
        for query in ("alert", "script", "title", "7*7"):
            page.locator("input.md-search__input").fill(query)
            if pagefind:  # the Pagefind box marks a query answered once its results are shown
                page.wait_for_function("q => document.querySelector('[data-briefing-search]').dataset.answered === q",
                                       arg=query, timeout=30_000)
                # Titles are text; excerpts hold no element but the highlight.
                found.append(page.locator("li.md-search-result__item").count())
                shown.extend(page.eval_on_selector_all(
                    ".md-search-result__article h1 *, .md-search-result__teaser :not(mark)",
                    "els => els.map(e => e.outerHTML)"))
            else:
                page.wait_for_selector(".md-search-result__meta", state="attached", timeout=10_000)
            page.wait_for_timeout(300)

    seen = _visit(browser, served, [""], then=search)
    assert not seen[""], seen
    assert not shown, shown
    assert not found or max(found) > 0, "the payloads were searched for but nothing was shown"
