"""`python -m generator explain FILE`: for each metadata field, every candidate seen and why the winner
won — what a user reads to see why a headline or a date was chosen. Pages written for these tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.clean.explain import explain_metadata, render
from generator.ingest import read_bytes
from generator.vocab import Vocabulary

REPO = Path(__file__).resolve().parents[1]
P1 = "东盟与中日韩财长和央行行长会议5月3日在雅加达举行，讨论区域金融安全网的扩容问题。"
P2 = "会议发表的联合声明说，各方同意把清迈倡议多边化的规模扩大，并研究以本币出资的可能。"
PAGE = ("<!DOCTYPE html><html><head><title>财长会议讨论扩大金融安全网 - 亚洲观察 - 远东网</title>"
        "<meta property='og:title' content='亚洲观察 - 财长会议讨论扩大金融安全网'>"
        "<meta property='article:published_time' content='2025-05-03T21:30:00+08:00'>"
        "<link rel='canonical' href='https://news.example.org/2025/05/04/asean.html'></head>"
        f"<body><article><h1>财长会议讨论扩大金融安全网</h1><p>{P1}</p><p>{P2}</p></article></body></html>")
REPOST = ("---\ntitle: 财长会议讨论扩大金融安全网\ndate: 2025-06-20T04:58:09+00:00\n---\n\n"
          f"作者：周南　　2025年5月4日远东经济观察\n\n{P1}\n\n{P2}\n")


def considered(vocab: Vocabulary, text: str, name: str) -> dict[str, list[tuple[str, str, bool, str]]]:
    raw = read_bytes(text.encode("utf-8"), name, "." + name.rsplit(".", 1)[-1])
    _, rows = explain_metadata(raw, vocab)
    out: dict[str, list[tuple[str, str, bool, str]]] = {}
    for row in rows:
        out.setdefault(row.field, []).append((row.rule, row.value, row.chosen, row.note))
    return out


def test_every_title_candidate_is_listed_and_the_headline_wins_over_a_prefixed_meta_title(vocab: Vocabulary) -> None:
    titles = considered(vocab, PAGE, "page.html")["title"]
    rules = [rule for rule, *_ in titles]
    assert rules[:3] == ["html:og-title", "html-page:headline", "html:title"]
    og, headline, page_title = titles[:3]
    assert headline[1:] == ("财长会议讨论扩大金融安全网", True, "first in the chain to answer")
    assert not og[2] and "headline-within-title" in og[3]
    assert page_title[1] == "财长会议讨论扩大金融安全网" and "agrees" in page_title[3]
    assert sum(chosen for _, _, chosen, _ in titles) == 1


def test_the_date_and_url_show_each_source_with_the_winner_marked(vocab: Vocabulary) -> None:
    fields = considered(vocab, PAGE, "page.html")
    dates = {rule: (value, chosen) for rule, value, chosen, _ in fields["date"]}
    assert dates["html:meta-published"] == ("2025-05-03", True)
    assert dates["url"] == ("2025-05-04", False)
    assert [(rule, chosen) for rule, _, chosen, _ in fields["url"]] == [("html:canonical", True)]


def test_a_reposts_own_time_is_shown_losing_to_the_original_date(vocab: Vocabulary) -> None:
    dates = considered(vocab, REPOST, "note.md")["date"]
    assert dates[0][:3] == ("front-matter", "2025-06-20", False) and "re-post" in dates[0][3]
    assert dates[1][:3] == ("text:original-date", "2025-05-04", True)


def test_an_empty_field_says_so(vocab: Vocabulary) -> None:
    raw = read_bytes(f"{P1}\n\n{P2}\n".encode(), "plain.txt", ".txt")
    lines = render(explain_metadata(raw, vocab)[1])
    url_at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("url"))
    assert "no candidate" in lines[url_at + 1]


def test_the_command_prints_the_candidates_between_the_summary_and_the_blocks(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "explain", str(page)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].lstrip().startswith("title")
    chosen = [line for line in lines if line.lstrip().startswith("* ")]
    assert any("html-page:headline" in line and "财长会议讨论扩大金融安全网" in line for line in chosen)
    assert any("chain:" in line for line in lines)


def test_a_winner_by_a_named_rule_says_which(vocab: Vocabulary) -> None:
    dates = considered(vocab, REPOST, "note.md")["date"]
    assert "repost-original-date" in dates[1][3]
