"""The Cite block in a real browser: each style's copy button puts exactly that reference on the
clipboard, and a long reference wraps inside its box."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect

CHROMIUM = Path("/usr/bin/chromium")
DESKTOP = {"width": 1280, "height": 900}
PAGE = "briefings/2024-12-minsk-union-state-security-treaty/"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed"),
]


@pytest.mark.parametrize("style", ["GB/T 7714-2015", "Chicago", "APA"])
def test_each_citation_style_copies_its_reference(open_tab, base_url: str, style: str) -> None:
    tab = open_tab(DESKTOP)
    page = tab.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.goto(urljoin(base_url, PAGE))
    block = page.locator("article .cite-style").filter(has_text=style)
    expect(block).to_have_count(1)
    code = block.locator("pre > code")
    reference = code.inner_text().strip()
    assert reference and ("[N/OL]" in reference) == style.startswith("GB/T")
    block.hover()
    block.locator("button[data-md-type=copy]").click()  # Material's copy button
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.strip() == reference
    assert code.evaluate("e => e.scrollWidth - e.clientWidth") <= 0  # wrapped: nothing out of sight
    tab.assert_clean()
