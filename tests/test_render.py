"""Article text stays text: whatever an article says shows as the characters it is."""

from __future__ import annotations

import html as html_module
import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render import Trusted, environment, escape_markdown, link, safe_url

HOSTILE = [
    "{{ config.__class__ }}",
    "{% for x in range(10) %}x{% endfor %}",
    "{# comment #}",
    "# 不是标题",
    "---",
    "!!! warning \"不是提示框\"",
    "| a | b |",
    "<div onclick=\"alert(1)\">点我</div>",
    "<script>alert(1)</script>",
    "[点我](javascript:alert(1))",
    "![x](http://evil.example/x.png)",
    "1. 不是列表",
    "- 也不是列表",
    "    不是代码块",
    "*不是斜体* __不是粗体__ `不是代码`",
    "{: .class onclick=alert(1) }",
    "&lt;已转义&gt; &amp;",
]

MD = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details",
                                   "pymdownx.superfences"])


def html_of(text: str) -> str:
    MD.reset()
    return MD.convert(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_exactly_that_text(text):
    html = html_of(escape_markdown(text))
    assert html.startswith("<p>") and html.endswith("</p>")
    assert "<script" not in html and "<div" not in html and "<a " not in html and "<img" not in html
    assert "<em>" not in html and "<code>" not in html and "<h1" not in html
    assert html_module.unescape(html[3:-4]).strip() == text.strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_a_template_prints_article_text_and_never_runs_it(text):
    out = environment().from_string("# {{ title }}\n\n{{ body }}\n").render(title=text, body=text)
    assert "{{" not in out and "{%" not in out  # printed as character references, never evaluated
    html = html_of(out)
    assert "<script" not in html and "<div onclick" not in html and 'href="javascript' not in html
    assert html.count("<h1") == 1


def test_trusted_markup_that_we_build_is_printed_as_is():
    assert escape_markdown(Trusted("[a](b.md)")) == "[a](b.md)"
    assert link("卢卡申科 [x]", "../actors/x.md") == "[卢卡申科 &#91;x&#93;](../actors/x.md)"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://cn.nytimes.com/world/20250225/a/", "https://cn.nytimes.com/world/20250225/a/"),
    ("javascript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("ftp://example.com/x", None),
    ("https://example.com/a b)c", "https://example.com/a%20b%29c"),
    (None, None),
])
def test_only_http_addresses_become_links(url, expected):
    assert safe_url(url) == expected


LINE_STARTS = st.sampled_from(["", "-", "1.", "12)", "  ", "    ", "\t", "#", "+", "*", ">", "2025-10-07", "1 "])
LINE_TEXT = st.text(st.sampled_from(list("中文 abc-.)1#*_[]()<>:|\\`")), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(LINE_STARTS, LINE_TEXT), min_size=1, max_size=3))
def test_any_line_start_renders_as_the_characters_it_is(lines):
    text = "\n".join(start + rest for start, rest in lines)
    html = html_of(escape_markdown(text))
    assert "<li>" not in html and "<code>" not in html and "<h1" not in html and "<blockquote>" not in html
    shown = re.sub(r"</?p>|<br />", " ", html)  # paragraphs and line breaks: only how lines are laid out
    assert " ".join(html_module.unescape(shown).split()) == " ".join(text.split())
