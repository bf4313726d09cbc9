"""Properties of the cleaner and the extractors on any text (hypothesis).

- Neither crashes: any text, and text that mixes Chinese sentences, numbers, quotes, HTML tags and
  Markdown markup, read as a .txt, .md or .html file.
- The cleaned body invents nothing: every body block, white space removed, occurs in the input as
  the cleaner received it (plain text), or its characters occur in order in it (markup taken out).
- Every key figure's text occurs in the body; every actor mention's surface occurs in the title
  and body.
"""

from __future__ import annotations

import html
import re

import pytest
from hostile_inputs import LEADS, SHARED, SHARED_HANT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.clean import clean
from generator.extract import extract
from generator.ingest import read_bytes
from generator.model import Article, Briefing, Rejection, SourceForm
from generator.vocab import Vocabulary

SETTINGS = settings(max_examples=200, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SIMPLIFIED = (
    *SHARED,
    *(text for key, text in LEADS.items() if key not in ("big5", "gist")),
    "拉夫罗夫说：“俄方愿意在相互尊重的基础上继续同美方对话。”",
    "“这是不可接受的，”外交部发言人在例行记者会上表示。",
    "去年双边贸易额超过2400亿美元，同比增长15%，其中能源占三分之一。",
    "约3000人参加了集会，另有两架无人机和477架次飞机参与了演习。",
    "新华社莫斯科5月9日电（记者 赵文博）",
    "卢卡申科 普京 泽连斯基 特朗普 习近平 中俄 对华 美方",
)
TRADITIONAL = (*SHARED_HANT, LEADS["big5"], "普京說：「俄方願意繼續對話。」", "台灣外交部表示，雙方將加強合作。")
MARKUP = ("<p>", "</p>", "<div class='x'>", "</div>", "<br>", "<script>alert(1)</script>", "<a href='javascript:x'>",
          "</a>", "<b>", "</b>", "<!-- 注释 -->", "&amp;", "&lt;", "&#x4e2d;", "<h1>", "</h1>", "<li>",
          "<table><tr><td>", "</td></tr></table>", "<span onclick=alert(1)>", "</span>", "<img src=x onerror=y>")
MARKDOWN = ("# ", "## ", "- ", "* ", "> ", "1. ", "**", "`", "[链接](http://example.com/a)", "![图](x.png)",
            "---", "| 甲 | 乙 |", "!!! note ", "{{ x }}", "{% y %}", "\n", "\n\n", " ", "\u3000", "“", "”",
            "「", "」", "，", "。", "：")
NUMBERS = st.one_of(st.integers(0, 10**13).map(str),
                    st.sampled_from(["三千", "两", "十余", "百分之五", "1,200", "72.8%", "4000亿美元", "477架", "约"]))


def _mix(sentences: tuple[str, ...], with_markup: bool = True) -> st.SearchStrategy[str]:
    pieces = [st.sampled_from(sentences), NUMBERS, st.sampled_from(MARKDOWN), st.text(max_size=6)]
    if with_markup:
        pieces.append(st.sampled_from(MARKUP))
    return st.lists(st.one_of(*pieces), max_size=30).map("".join)


MIXED = _mix(SIMPLIFIED + TRADITIONAL)
ANY_TEXT = st.one_of(st.text(), MIXED)
SUFFIXES = st.sampled_from([".txt", ".md", ".html"])


class Words:
    """The shipped vocabulary, with a short repr for hypothesis's failure reports."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab

    def __repr__(self) -> str:
        return "Words(content/*.yaml)"


@pytest.fixture(scope="module")
def words(vocab: Vocabulary) -> Words:
    return Words(vocab)


def squash(text: str) -> str:
    return re.sub(r"[\s\u200b\ufeff]+", "", text)


def _run(text: str, suffix: str, vocab: Vocabulary) -> tuple[str, Article, Briefing] | None:
    """(the text the cleaner received, the article, the briefing); None when ingest rejects it."""
    try:
        raw = read_bytes(text.encode("utf-8"), f"generated{suffix}", suffix)
    except Rejection:
        return None
    article = clean(raw, vocab)
    return raw.text, article, extract(article, vocab)


def _in_order(needle: str, haystack: str) -> bool:
    characters = iter(haystack)
    return all(c in characters for c in needle)


@SETTINGS
@given(text=ANY_TEXT, suffix=SUFFIXES)
def test_clean_and_extract_never_crash(words: Words, text: str, suffix: str) -> None:
    _run(text, suffix, words.vocab)


@SETTINGS
@given(text=_mix(SIMPLIFIED + TRADITIONAL, with_markup=False))
def test_a_plain_text_body_holds_only_input_text(words: Words, text: str) -> None:
    done = _run(text, ".txt", words.vocab)
    if done is None:
        return
    received, article, _ = done
    if article.form is not SourceForm.TEXT:
        return  # a heading line made it Markdown: the next test's property
    for block in article.body_blocks:
        assert squash(block.text) in squash(received), block


@SETTINGS
@given(text=st.lists(st.one_of(st.sampled_from(SIMPLIFIED + TRADITIONAL), NUMBERS, st.sampled_from(MARKUP),
                               st.sampled_from(MARKDOWN)), max_size=30).map("".join), suffix=SUFFIXES)
def test_a_marked_up_body_holds_only_input_text_in_order(words: Words, text: str, suffix: str) -> None:
    done = _run(text, suffix, words.vocab)
    if done is None:
        return
    received, article, _ = done
    sources = (squash(received), squash(html.unescape(received)))  # text as is; markup's entities read
    for block in article.body_blocks:
        assert any(_in_order(squash(block.text), source) for source in sources), block


@SETTINGS
@given(text=ANY_TEXT, suffix=SUFFIXES)
def test_every_key_figure_is_text_of_the_body(words: Words, text: str, suffix: str) -> None:
    done = _run(text, suffix, words.vocab)
    if done is None:
        return
    _, article, briefing = done
    for figure in briefing.figures:
        assert figure.text in article.body, figure


def _surfaces_are_written(words: Words, text: str, suffix: str) -> None:
    done = _run(text, suffix, words.vocab)
    if done is None:
        return
    _, article, briefing = done
    written = squash((article.title.value if article.title else "") + "\n" + article.body)
    for mention in briefing.actors:
        for surface in mention.surfaces:
            assert squash(surface) in written, (mention.actor.id, surface)


@SETTINGS
@given(text=_mix(SIMPLIFIED), suffix=SUFFIXES)
def test_every_actor_surface_is_text_of_title_or_body(words: Words, text: str, suffix: str) -> None:
    _surfaces_are_written(words, text, suffix)


@SETTINGS
@example(text="台灣外交部表示，雙方將加強合作。" + SHARED_HANT[0], suffix=".txt")
@given(text=_mix(TRADITIONAL), suffix=SUFFIXES)
def test_every_actor_surface_in_traditional_text_is_as_written(words: Words, text: str, suffix: str) -> None:
    _surfaces_are_written(words, text, suffix)
