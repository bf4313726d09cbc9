"""What one search costs a reader: bytes downloaded and time to the first result, in Chromium.

    python bench/search_bench.py SITE_DIR [--queries 卢卡申科 Lukashenko ...] [--json OUT]

Serves a built site on 127.0.0.1 and, for each query, opens the home page in a fresh browser
context (empty cache), waits for the page's `load` event, types the query into the header's
search box at once and waits until the results are shown. Works with either search: Pagefind's
box (overrides/partials/briefing-search.html, done when it marks the query answered) and
Material's (done when its result list shows an item).

* **bytes**: the response bodies fetched from `load` until the results are shown: the search
  scripts, Pagefind's WebAssembly, index chunks and fragments, or Material's worker and index.
  This is the stable figure on a shared machine.
* **ms to first result**: from `load` to the first result on screen. It includes fetching the
  index, so on a loaded 2-core machine it varies; the 1-minute load average is printed with it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from serving import serve  # tests/serving.py: the site on 127.0.0.1

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]
# Names, words, a three-word query, an organisation's English name, and two in Traditional characters.
QUERIES = ("卢卡申科", "Lukashenko", "普京", "能源合作", "榛树", "俄罗斯 天然气 出口",
           "International Atomic Energy Agency", "盧卡申科", "俄羅斯")
# What a response is, by the end of its URL: the bytes of a query are reported per kind.
KINDS = ((".pf_meta", "meta"), (".pf_index", "index"), (".pf_fragment", "fragment"), (".pagefind", "wasm"),
         (".json", "json"), (".js", "script"))
TIMEOUT_MS = 120_000
PAGEFIND_DONE = "q => document.querySelector('[data-briefing-search]')?.dataset.answered === q"
MATERIAL_DONE = "() => document.querySelectorAll('li.md-search-result__item').length > 0"


def measure(browser, url: str, query: str) -> dict[str, object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", service_workers="block")
    page = context.new_page()
    finished: list = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="load")
    loaded = time.perf_counter()
    before = len(finished)
    pagefind = page.locator("[data-briefing-search]").count() > 0
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    if pagefind:
        page.wait_for_function(PAGEFIND_DONE, arg=query, timeout=TIMEOUT_MS)
    else:
        page.wait_for_function(MATERIAL_DONE, timeout=TIMEOUT_MS)
    first = time.perf_counter() - loaded
    page.wait_for_timeout(300)  # fragments of the second screen of results still arriving are counted
    fetched = finished[before:]
    sizes = [(r.url, r.sizes()["responseBodySize"]) for r in fetched]
    results = page.locator("li.md-search-result__item").count()
    count = page.locator(".md-search-result__meta").inner_text()
    context.close()
    by_kind: dict[str, int] = {}
    for address, size in sizes:
        kind = next((name for end, name in KINDS if address.split("?")[0].endswith(end)), "other")
        by_kind[kind] = by_kind.get(kind, 0) + size
    return {"query": query, "engine": "pagefind" if pagefind else "material", "results_shown": results,
            "found": count, "ms_to_first_result": round(first * 1000), "bytes": sum(size for _, size in sizes),
            "requests": len(sizes), "by_kind": by_kind}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--queries", nargs="+", default=list(QUERIES))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(args.site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            for query in args.queries:
                row = {**measure(browser, url, query), "load_avg_1m": round(os.getloadavg()[0], 2)}
                rows.append(row)
                print(json.dumps(row, ensure_ascii=False), flush=True)
        finally:
            browser.close()
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
