"""Headless Chromium against the example site, served from 127.0.0.1.

The site is the one tests/site builds (one build per session, shared through
`example_build` in tests/site/conftest.py). Chromium is Debian's /usr/bin/chromium driven by the
`playwright` package; nothing is downloaded. Every tab records each request it makes (and blocks
any to another host), its console errors and its page errors, so a test can assert that the site
works offline and without script errors.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from serving import serve

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
NOT_NETWORK = ("data:", "blob:", "about:", "chrome-extension:")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SITE_CONFTEST = Path(__file__).resolve().parents[1] / "site" / "conftest.py"


def site_support(config: pytest.Config) -> types.ModuleType:
    """tests/site/conftest.py as pytest loaded it (so its one example build is shared), or loaded
    here when only tests/browser runs."""
    for plugin in config.pluginmanager.get_plugins():
        if isinstance(plugin, types.ModuleType) and getattr(plugin, "__file__", None) \
                and Path(plugin.__file__).resolve() == SITE_CONFTEST:
            return plugin
    name = "_briefing_site_support"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, SITE_CONFTEST)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def site_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    return site_support(request.config).example_build(request.config, tmp_path_factory)


@pytest.fixture(scope="session")
def base_url(site_build) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 (tests/conftest.py: serve)."""
    with serve(site_build.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium):
    return chromium  # the session's one Chromium (tests/conftest.py)


@dataclass
class Tab:
    """A browser tab and what it did: requests, blocked requests, console errors, page errors."""

    page: object  # playwright.sync_api.Page
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.requests, "no request was recorded at all"
        assert not self.foreign, "requests to other hosts:\n" + "\n".join(self.foreign)
        assert not self.page_errors, "page errors:\n" + "\n".join(self.page_errors)
        assert not self.console_errors, "console errors:\n" + "\n".join(self.console_errors)
        assert not self.failed, "failed requests:\n" + "\n".join(self.failed)


def _is_local(url: str) -> bool:
    return url.startswith(NOT_NETWORK) or urlsplit(url).hostname in LOCAL_HOSTS


@pytest.fixture
def open_tab(browser) -> Iterator:
    """open_tab(viewport) -> Tab: a fresh browser context (no cache, no service workers) that
    records and blocks every request to another host."""
    contexts = []

    def open_(viewport: dict[str, int] = DESKTOP) -> Tab:
        context = browser.new_context(viewport=viewport, locale="zh-CN", service_workers="block",
                                      device_scale_factor=1)
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = context.new_page()
        tab = Tab(page)

        def route(route) -> None:
            url = route.request.url
            if _is_local(url):
                route.continue_()
            else:
                tab.foreign.append(url)
                route.abort()

        context.route("**/*", route)
        context.on("request", lambda request: tab.requests.append(request.url))
        # ERR_ABORTED is a fetch cut short by leaving the page (the search worker loads lazily).
        context.on("requestfailed", lambda request: tab.failed.append(f"{request.url}: {request.failure}")
                   if _is_local(request.url) and "ERR_ABORTED" not in (request.failure or "") else None)
        context.on("response", lambda response: tab.failed.append(f"{response.url}: HTTP {response.status}")
                   if response.status >= 400 else None)
        page.on("console", lambda message: tab.console_errors.append(f"{message.text} ({message.location})")
                if message.type == "error" else None)
        page.on("pageerror", lambda error: tab.page_errors.append(str(error)))
        return tab

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    folder = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
