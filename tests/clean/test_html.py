"""HTML in all the shapes it arrives in: saved pages, RSS items, an app API's JSON, an SQL dump, and
escaped strings. The HTML fixtures are specifications (their EXPECTED.yaml entries); below them,
each rule of the HTML reader on a small page written for the test."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.clean.containers import unwrap
from generator.clean.html import _chrome_rule, read_html
from generator.model import Article, BlockKind

P1 = "当地时间3月4日，欧盟成员国领导人在布鲁塞尔举行特别峰会，讨论加强欧洲防务和继续支持乌克兰的问题。"
P2 = "会议通过的声明说，欧盟将在未来四年内动员约8000亿欧元用于防务，并简化联合采购的程序。"
P3 = "分析人士认为，这一计划的落实仍取决于各成员国的财政状况和议会的支持。"
PARAGRAPHS = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def rule_of(article: Article, text: str) -> str:
    return next(b.rule for b in article.blocks if b.text == text)


def test_fixture_meets_its_expectations(html_case: tuple[Path, dict[str, Any]],
                                        meets_expectations: Callable[..., None]) -> None:
    meets_expectations(*html_case)


# --- HTML inside other data -----------------------------------------------------------------------------


def test_an_api_response_yields_its_markup_and_its_fields() -> None:
    data = {"status": 200, "data": {"article": {
        "title": "峰会讨论防务计划", "publish_time": 1741089600, "media": {"name": "东岸新闻"},
        "author": "林晓舟", "share_url": "https://m.example.cn/a/1.html", "body": f"<p>{P1}<\\/p>",
        "images": [{"url": "https://img.example.cn/1.jpg", "title": "资料图"}]}}}
    record = unwrap(json.dumps(data, ensure_ascii=False))
    assert record is not None and record.markup == f"<p>{P1}<\\/p>"
    assert record.fields == {"title": "峰会讨论防务计划", "date": "1741089600", "source": "东岸新闻",
                             "author": "林晓舟", "url": "https://m.example.cn/a/1.html"}


def test_an_api_response_with_plain_text_content_becomes_paragraphs(clean_bytes: Callable[..., Article]) -> None:
    data = {"data": {"title": "峰会讨论防务计划", "content": f"{P1}\n{P2}\n{P3}", "pubDate": "2025-03-05"}}
    article = clean_bytes(json.dumps(data, ensure_ascii=False), "item.json")
    assert article.body == "\n\n".join([P1, P2, P3])
    assert article.date is not None and article.date.value == "2025-03-05"


def test_html_escaped_inside_a_script_string_is_unescaped(clean_bytes: Callable[..., Article]) -> None:
    opening, closing = "\\u003cp\\u003e", "\\u003c\\/p\\u003e"
    text = 'window.__DATA__ = {"content":"' + opening + P1 + closing + opening + P2 + closing + '"};'
    assert clean_bytes(text, "data.js").body == f"{P1}\n\n{P2}"
    escaped = 'var html = "' + opening + P1 + closing + opening + P2 + closing + '";\nrender(html);'
    candidates, _ = read_html(escaped, whole_page=False)
    assert [c.text for c in candidates if c.text in (P1, P2)] == [P1, P2]


def test_an_sql_dump_without_column_names_still_yields_the_article(clean_bytes: Callable[..., Article]) -> None:
    dump = (f"INSERT INTO news VALUES (7, '峰会讨论防务计划', '2025-03-05 08:00:00', "
            f"'<p>{P1}</p><p>{P2}</p><p>他说，中亚国家应当''用一个声音说话''。</p>', NULL);")
    article = clean_bytes(dump, "dump.sql")
    assert article.form.value == "data-record"
    assert P1 in article.body and "他说，中亚国家应当'用一个声音说话'。" in article.body
    assert article.title is not None and article.title.value == "峰会讨论防务计划"
    assert article.date is not None and article.date.value == "2025-03-05"


# --- where the article is on a page ------------------------------------------------------------------


def test_without_markup_the_densest_paragraph_box_is_the_article(clean_bytes: Callable[..., Article]) -> None:
    html = page(f"<div class='top'><a href='/'>首页</a></div><div class='box'><h1>峰会讨论防务计划</h1>"
                f"<div class='info'>2025-03-05 08:00　来源：东岸新闻</div><div class='txt'>{PARAGRAPHS}</div></div>"
                "<div class='side'><p>天气：晴转多云，气温十二到十八度。</p></div>")
    article = clean_bytes(html, "page.html")
    assert article.body == "\n\n".join([P1, P2, P3])
    assert article.title is not None and (article.title.value, article.title.rule) == ("峰会讨论防务计划",
                                                                                          "html-page:headline")
    assert article.date is not None and article.date.value == "2025-03-05"
    assert rule_of(article, "天气：晴转多云，气温十二到十八度。") == "html-outside-article"


def test_an_article_element_holding_a_related_card_does_not_win(clean_bytes: Callable[..., Article]) -> None:
    card = "<article class='card'><p>相关：北约秘书长访问华盛顿</p></article>"
    html = page(f"<div id='main'>{PARAGRAPHS}</div>{card}")
    article = clean_bytes(html, "page.html")
    assert article.body == "\n\n".join([P1, P2, P3])


def test_the_page_heading_outside_the_text_box_is_the_headline(clean_bytes: Callable[..., Article]) -> None:
    html = page(f"<h1 class='logo'>东岸新闻网</h1><div class='title'><h1>峰会讨论防务计划</h1></div>"
                f"<div itemprop='articleBody'>{PARAGRAPHS}</div>")
    article = clean_bytes(html, "page.html")
    assert article.title is not None and article.title.value == "峰会讨论防务计划"
    assert rule_of(article, "东岸新闻网") == "html-outside-article"


@pytest.mark.parametrize(("attributes", "rule"), [
    ("class='main-nav'", "html-navigation"), ("class='breadcrumb'", "html-navigation"),
    ("class='related-news'", "html-related"), ("id='comments'", "html-comments"), ("class='share-bar'", "html-share"),
    ("class='ad'", "html-ad"), ("class='ad-slot'", "html-ad"), ("class='site-footer'", "html-footer"),
    ("class='pagination'", "html-pagination"),
])
def test_chrome_is_known_by_its_class_words(attributes: str, rule: str) -> None:
    import lxml.html

    assert _chrome_rule(lxml.html.fragment_fromstring(f"<div {attributes}>x</div>")) == rule


@pytest.mark.parametrize("attributes", ["class='article-head-title'", "class='commentary-body'",
                                        "class='download-pdf'", "class='shadow'"])
def test_words_that_merely_contain_a_chrome_word_are_not_chrome(attributes: str) -> None:
    import lxml.html

    assert _chrome_rule(lxml.html.fragment_fromstring(f"<div {attributes}>x</div>")) is None


def test_a_wrapper_around_the_article_is_not_chrome_of_it(clean_bytes: Callable[..., Article]) -> None:
    html = page(f"<div class='sidebar-layout'><div class='content'>{PARAGRAPHS}</div></div>")
    assert clean_bytes(html, "page.html").body == "\n\n".join([P1, P2, P3])


def test_a_list_of_links_after_the_story_is_a_link_list(clean_bytes: Callable[..., Article]) -> None:
    html = (f"{PARAGRAPHS}<ul><li><a href='/1'>德国联邦议院通过修宪案</a></li>"
            "<li><a href='/2'>北约秘书长访问华盛顿</a></li></ul>")
    article = clean_bytes(html, "item.html")
    assert rule_of(article, "德国联邦议院通过修宪案") in ("link-list", "after-body-chrome")
    assert "修宪案" not in article.body


def test_a_deeply_nested_page_is_read_without_exhausting_the_stack(clean_bytes: Callable[..., Article]) -> None:
    html = page("<div>" * 5000 + PARAGRAPHS + "</div>" * 5000)
    assert P1 in clean_bytes(html, "deep.html").body


# --- captions ------------------------------------------------------------------------------------------


def test_a_figcaption_is_a_caption_without_its_photo_credit(clean_bytes: Callable[..., Article]) -> None:
    html = (f"<p>{P1}</p><figure><img src='a.jpg' alt='冯德莱恩'><figcaption>3月4日，冯德莱恩在布鲁塞尔发表讲话。"
            f"<cite>路透社</cite></figcaption></figure><p>{P2}</p>")
    article = clean_bytes(html, "item.html")
    assert article.captions == ("3月4日，冯德莱恩在布鲁塞尔发表讲话。",)  # the alt text is not a second caption


def test_an_image_alt_sentence_is_a_caption_and_a_file_name_is_not(clean_bytes: Callable[..., Article]) -> None:
    html = (f"<p>{P1}</p><p><img src='a.jpg' alt='3月4日，欧盟成员国领导人在布鲁塞尔合影。'></p>"
            f"<p><img src='b.jpg' alt='20250304083012.jpg'></p><p>{P2}</p>")
    assert clean_bytes(html, "item.html").captions == ("3月4日，欧盟成员国领导人在布鲁塞尔合影。",)


def test_small_text_right_after_an_image_is_its_caption(clean_bytes: Callable[..., Article]) -> None:
    html = f"<p>{P1}</p><p><img src='a.jpg'><small>周一晚间，马克龙在爱丽舍宫召集紧急会议。</small></p><p>{P2}</p>"
    assert clean_bytes(html, "item.html").captions == ("周一晚间，马克龙在爱丽舍宫召集紧急会议。",)


# --- pages and headers -----------------------------------------------------------------------------------


def test_page_links_say_which_page_this_is(clean_bytes: Callable[..., Article]) -> None:
    html = page(f"<div class='txt'>{PARAGRAPHS}</div><div class='page-nav'><a href='_1.html'>上一页</a> "
                "<a href='_1.html'>1</a> <b>2</b> <a href='_3.html'>3</a> <a href='_3.html'>下一页</a></div>")
    assert clean_bytes(html, "page.html").page == (2, 3)


def test_the_site_name_is_cut_off_the_page_title(clean_bytes: Callable[..., Article]) -> None:
    html = page(f"<div>{PARAGRAPHS}</div>", "<title>峰会讨论防务计划_国际_东岸新闻网</title>")
    article = clean_bytes(html, "page.html")
    assert article.title is not None and article.title.value == "峰会讨论防务计划"
    assert article.outlet is not None and article.outlet.value == "东岸新闻网"


def test_a_feed_item_takes_its_title_and_url_from_the_link_line(clean_bytes: Callable[..., Article]) -> None:
    text = f"<!--1740802200000-->\n[峰会讨论防务计划](https://www.example.com/a/1.html)\n------\n\n{PARAGRAPHS}"
    article = clean_bytes(text, "item.txt")
    assert article.title is not None and article.title.rule == "feed:link-line"
    assert article.url == "https://www.example.com/a/1.html"
    assert article.date is not None and (article.date.value, article.date.rule) == ("2025-03-01", "feed:timestamp")


def test_kinds_of_blocks_follow_the_tags(clean_bytes: Callable[..., Article]) -> None:
    html = f"<p>{P1}</p><h2>各方回应</h2><blockquote><p>“这是一个危险的时代。”</p></blockquote><p>{P2}</p>"
    kinds = {b.text: b.kind for b in clean_bytes(html, "item.html").body_blocks}
    assert kinds["各方回应"] is BlockKind.HEADING and kinds["“这是一个危险的时代。”"] is BlockKind.QUOTE


def test_an_article_after_a_stray_closing_html_tag_is_read(clean_bytes: Callable[..., Article]) -> None:
    html = ("<!DOCTYPE html><html><head><title>峰会讨论防务计划_东岸新闻网</title></head><body>"
            "<div class='header'><a href='/'>首页</a></div></body></html><!--end header-->"
            f"<div class='content'><div class='txt'>{PARAGRAPHS}</div></div></body></html>")
    assert clean_bytes(html, "page.html").body == "\n\n".join([P1, P2, P3])


def test_a_chrome_word_on_the_box_around_the_article_does_not_drop_it(clean_bytes: Callable[..., Article]) -> None:
    html = page(f"<div id='artical' class='js_img_share_area'><div id='main_content'>{PARAGRAPHS}</div></div>")
    assert clean_bytes(html, "page.html").body == "\n\n".join([P1, P2, P3])


def test_page_links_that_are_all_links_make_this_the_first_page(clean_bytes: Callable[..., Article]) -> None:
    html = page(f"<div class='txt'>{PARAGRAPHS}</div><div class='zdfy'><a href='a.html'>【1】</a>"
                "<a href='a-2.html'>【2】</a><a href='a-3.html'>【3】</a></div>")
    article = clean_bytes(html, "page.html")
    assert article.page == (1, 3) and "【2】" not in article.body


def test_a_link_on_a_source_line_of_its_own_stays_in_its_sentence(clean_bytes: Callable[..., Article]) -> None:
    first = "在2014年收购的人工智能公司开发出一款能够用自己的记忆学习新知识的计算机，研究结果已发表在科学刊物上。"
    html = page(f"<article><p>\n  <span><a href='/q/GOOG'>谷歌</a></span>(<a href='/w'>微博</a>)\n  {first}</p>"
                f"<p>{P2}</p><p>{P3}</p></article>")
    article = clean_bytes(html, "story.html")
    assert article.body.split("\n\n")[0].replace(" ", "") == f"谷歌(微博){first}"


def test_a_box_classed_as_a_caption_holds_captions(clean_bytes: Callable[..., Article]) -> None:
    html = page(f"<article><p>{P1}</p><div class='fullPic'><img src='a.jpg'><div class='picinfo'>布鲁塞尔峰会现场\n"
                f"（欧盟理事会提供）</div></div><p>{P2}</p><p>{P3}</p></article>")
    article = clean_bytes(html, "story.html")
    assert "峰会现场" not in article.body and "提供" not in article.body
    assert "布鲁塞尔峰会现场" in article.captions and P2 in article.body


def test_the_source_of_a_diagram_is_not_prose(clean_bytes: Callable[..., Article]) -> None:
    html = page(f"<article><p>{P1}</p><pre class='mermaid'>graph LR\nA[峰会] --> B{{防务计划}};\n"
                f"style A fill:#e0f2fe</pre><p>{P2}</p><p>{P3}</p></article>")
    article = clean_bytes(html, "story.html")
    assert "graph LR" not in article.body and "fill:" not in article.body and P2 in article.body


def test_links_in_a_cell_of_loose_lines_are_counted_per_line_despite_bullets() -> None:
    # An old table layout: one cell holds the story's lines and, after them, bulleted and
    # bracketed links; only inline tags inside it, so the cell is read as one block of lines.
    cell = (f"<td><font>{P1}<br>{P2}<br>"
            "<font>• <a href='/a'>春季茶叶展销会开幕</a></font><br>"
            "【<a href='/b'>招商</a>】<a href='/c'>沿海城市加盟店推介</a></font></td>")
    candidates, _ = read_html(f"<table><tr>{cell}</tr></table>", whole_page=False)
    density = {c.text: c.link_chars / len(c.text) for c in candidates}
    assert density[P1] == 0 and density[P2] == 0
    assert density["• 春季茶叶展销会开幕"] > 0.5
    assert density["【招商】沿海城市加盟店推介"] > 0.5
