"""Shared test support: settings pointing at the project's own `content/`, the vocabulary loaded once
per session, and a one-call way to clean a raw text (Pelican's `tests/support.py: get_settings`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.clean import clean
from generator.ingest import read_bytes
from generator.model import Article, RawDocument
from generator.settings import Settings
from generator.vocab import Vocabulary, load_vocabulary

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
FIXTURES = REPO / "tests" / "fixtures"


def make_settings(**overrides: Any) -> Settings:
    """Settings for the project's own content folder, with any field overridden."""
    return replace(Settings(content_dir=CONTENT, cache_dir=None, workers=1), **overrides)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return make_settings()


@pytest.fixture(scope="session")
def vocab(settings: Settings) -> Vocabulary:
    return load_vocabulary(settings)


def norm(text: str | None) -> str:
    """Compare text, not typography: width and case folded, white space dropped (as score.py does)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "").lower())


def load_expectations() -> list[tuple[Path, dict[str, Any]]]:
    """Every fixture with an EXPECTED.yaml entry, as (path, expectation)."""
    out = []
    for expected in sorted(FIXTURES.glob("*/EXPECTED.yaml")):
        for name, entry in yaml.safe_load(expected.read_text(encoding="utf-8")).items():
            out.append((expected.parent / name, entry))
    return out


@pytest.fixture(scope="session")
def clean_bytes(vocab: Vocabulary) -> Callable[..., Article]:
    """Ingest and clean raw bytes (or text) as if they were a file called `name`."""

    def run(data: bytes | str, name: str = "article.txt") -> Article:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        document: RawDocument = read_bytes(raw, name, "." + name.rsplit(".", 1)[-1] if "." in name else ".txt")
        return clean(document, vocab)

    return run


@pytest.fixture(scope="session")
def clean_fixture(vocab: Vocabulary, settings: Settings) -> Callable[[Path], tuple[RawDocument, Article]]:
    """Read and clean a fixture file the way the build does."""
    from generator.ingest import read_raw

    def run(path: Path) -> tuple[RawDocument, Article]:
        raw = read_raw(path, path.parent, settings)
        return raw, clean(raw, vocab)

    return run


# A test that takes `text_case` runs once per text or Markdown fixture, `html_case` once per HTML,
# JSON or SQL fixture: each a (path, expectation) pair from an EXPECTED.yaml.
CASE_SUFFIXES = {"text_case": (".txt", ".md"), "html_case": (".html", ".htm", ".json", ".sql")}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    for argname, suffixes in CASE_SUFFIXES.items():
        if argname in metafunc.fixturenames:
            cases = [(path, entry) for path, entry in load_expectations() if path.name.endswith(suffixes)]
            metafunc.parametrize(argname, cases, ids=[f"{path.parent.name}/{path.name}" for path, _ in cases])


@pytest.fixture(scope="session")
def meets_expectations(clean_fixture: Callable[[Path], tuple[RawDocument, Article]]) -> Callable[..., None]:
    """Assert that a fixture cleans to what its EXPECTED.yaml entry says, field by field.

    Authors compare case-folded (the cleaner writes an ALL-CAPS Latin byline in title case) and
    sentences compare as score.py compares them (width folded, white space ignored)."""

    def check(path: Path, expected: dict[str, Any]) -> None:
        raw, article = clean_fixture(path)
        body = norm(article.body)
        assert raw.encoding == expected.get("encoding", "utf-8")
        if expected["title"] is None:
            assert article.title is None or (article.title.inferred and 0 < len(article.title.value) <= 40)
        else:
            assert article.title is not None and article.title.value == expected["title"]
        assert (article.date.value if article.date else None) == expected["date"]
        assert (article.outlet.value if article.outlet else None) == expected["outlet"]
        assert [a.casefold() for a in article.authors] == [a.casefold() for a in expected["authors"]]
        assert article.url == expected["url"]
        for key in ("body_first", "body_last"):
            assert norm(expected[key]) in body, f"{key} lost: {expected[key]}"
        for sentence in expected.get("kept_whole", []):
            assert norm(sentence) in body, f"sentence lost or broken: {sentence}"
        if expected.get("dateline"):
            assert norm(expected["dateline"] + expected["body_first"]) in body or body.startswith(
                norm(expected["body_first"]))
        headings = [b.text for b in article.body_blocks if b.kind.value == "heading"]
        assert headings == expected.get("headings", [])
        if "captions" in expected:
            assert list(article.captions) == expected["captions"]
        if "references" in expected:
            entries = [b.text for b in article.blocks if b.kind.value == "reference"]
            assert entries == expected["references"]
            assert len(article.references) == len(expected["references"])
        for noise in expected.get("noise", []):
            assert norm(noise) not in body, f"noise kept: {noise}"
        if "page" in expected:
            assert article.page == tuple(expected["page"])
        if "source_type" in expected:
            assert article.source_type.value == expected["source_type"]

    return check


CHROMIUM = Path("/usr/bin/chromium")  # Debian's package: the tests never download a browser
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for every browser test of the session: Playwright's sync API allows
    one running instance per process."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()

