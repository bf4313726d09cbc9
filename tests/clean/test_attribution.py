"""Who an article is from and by whom, as real pages credit it: each rule of `clean/attribution.py`
and `clean/credits.py` on a small page of our own writing, with the evidence that must not count.

The convention (the devset's): the outlet is the organisation the file credits for the text (a
来源 line, a source field, a dateline, a tag, a re-post credit), else the site or feed; the authors
are the people a byline names, translators included, editors never.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from generator.clean.credits import (
    byline,
    closing_credit,
    closing_credit_start,
    editor_names,
    outlet_tag,
    translator_names,
    wire_credit,
)
from generator.model import Article, SourceType
from generator.textnorm import to_simplified

Clean = Callable[..., Article]

P1 = "港务局说，新码头的第一期工程将在明年春天完工，届时港口的年吞吐能力将提高三成左右。"
P2 = "多家航运公司表示，他们已经开始调整航线安排，以便在新码头启用后尽快增加挂靠班次。"
P3 = "分析人士指出，港口扩建能否带动周边产业发展，还要看配套的铁路和公路能否按期建成。"


def outlet_of(article: Article) -> tuple[str, str] | None:
    return (article.outlet.value, article.outlet.rule) if article.outlet else None


def page(head: str = "", header: str = "", body: str = "", after: str = "") -> str:
    """A saved article page: <head> tags, a header above the article text, the text, what follows."""
    body = body or f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
    return (f"<html><head><title>港口扩建计划公布</title>{head}</head><body>"
            f"<div class='nav'><a href='/'>首页</a> <a href='/world'>国际</a></div>"
            f"<article><h1>港口扩建计划公布</h1><div class='info'>{header}</div>"
            f"<div class='content'>{body}</div>{after}</article></body></html>")


# --- outlet: what the file credits comes before the site ------------------------------------------------


def test_a_dateline_after_the_header_stamp_beats_the_site_name(clean_bytes: Clean) -> None:
    html = page(head="<meta property='og:site_name' content='大山新聞網'>",
                header="<span>2024-03-02 09:15</span>中央社 高雄2日電")
    article = clean_bytes(html, "story.html")
    assert outlet_of(article) == ("中央社", "text:dateline")
    assert article.source_type is SourceType.WIRE


def test_an_outlet_tag_names_the_outlet_and_its_bracket_the_reporters(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n东岸晨报讯　（记者 秦立峰）{P1}\n\n{P2}\n")
    assert outlet_of(article) == ("东岸晨报", "text:outlet-tag")
    assert article.authors == ("秦立峰",)


def test_a_listed_outlet_alone_in_brackets_opens_the_body(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n（德國之聲中文網）{P1}\n\n{P2}\n")
    assert outlet_of(article) == ("德國之聲中文網", "text:bracket-outlet")
    assert article.source_type is SourceType.PUBLIC_BROADCASTER
    unlisted = clean_bytes(f"港口扩建计划公布\n\n（港务局）{P1}\n\n{P2}\n")
    assert unlisted.outlet is None


def test_an_english_style_dateline_of_a_listed_outlet(clean_bytes: Clean) -> None:
    html = page(body=f"<p>VOA 华盛顿 — {P1}</p><p>{P2}</p><p>{P3}</p>")
    assert outlet_of(clean_bytes(html, "story.html")) == ("VOA", "text:dash-dateline")
    html = page(body=f"<p>港务局 北京 — {P1}</p><p>{P2}</p><p>{P3}</p>")
    assert clean_bytes(html, "story.html").outlet is None


def test_the_outlet_after_a_header_stamp_but_not_a_share_button(clean_bytes: Clean) -> None:
    html = page(header="<span>2024年03月02日 09:15 新浪财经</span> <a>新浪微博</a>")
    assert outlet_of(clean_bytes(html, "story.html")) == ("新浪财经", "text:header-outlet")
    html = page(header="<span>2024年03月02日 09:15 新浪微博</span>")
    assert clean_bytes(html, "story.html").outlet is None


def test_a_wire_sign_off_names_the_wire_and_its_writer(clean_bytes: Clean) -> None:
    text = f"港口扩建计划公布\n\n{P1}{P2}\ue000孔令晨（新华社专稿）\ue000{P3}\n"
    article = clean_bytes(text)
    assert outlet_of(article) == ("新华社", "text:wire-credit")
    assert article.authors == ("孔令晨",)


@pytest.mark.parametrize(("line", "outlet"), [
    ("本文轉載自東岸日報", "東岸日報"),
    ("原文来自「北岸周刊」：港口扩建计划公布", "北岸周刊"),
    ("转自：东岸新闻网", "东岸新闻网"),
    ("本文经授权转载自北岸周刊。", "北岸周刊"),  # kept by the reader as a paragraph: it speaks of the text
])
def test_a_repost_credit_names_the_outlet(clean_bytes: Clean, line: str, outlet: str) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n{P2}\n\n{line}\n")
    assert outlet_of(article) == (outlet, "text:repost-credit")


def test_come_from_inside_a_sentence_is_not_a_repost_credit(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n来自沿海各省的货主都在关注这一计划。{P2}\n")
    assert article.outlet is None


def record(**fields: str) -> str:
    base = {"title": "港口扩建计划公布", "content": f"<p>{P1}</p><p>{P2}</p>", "pubtime": "2024-03-02 09:15:00"}
    return json.dumps({**base, **fields}, ensure_ascii=False)


def test_a_record_source_that_is_a_code_gives_way_to_the_host(clean_bytes: Clean) -> None:
    article = clean_bytes(record(source="1", url="http://world.people.com.cn/n1/2024/0302/c1002-1.html"), "r.json")
    assert outlet_of(article) == ("人民日报", "url-host")


def test_a_source_field_naming_site_and_paper_names_the_paper(clean_bytes: Clean) -> None:
    article = clean_bytes(record(source="人民网－人民日报"), "r.json")
    assert article.outlet is not None and article.outlet.value == "人民日报"


def test_a_bare_source_label_takes_the_next_block(clean_bytes: Clean) -> None:
    html = page(header="<span>发稿时间：2024-03-02 09:15</span>\n<span>\n来源：\n<a href='#'>东岸晨报</a>\n</span>"
                       "\n<span><a href='/'>某某网</a></span>")
    assert outlet_of(clean_bytes(html, "story.html")) == ("东岸晨报", "text:source-label")


# --- authors -----------------------------------------------------------------------------------------------


def test_the_editor_in_the_meta_author_field_is_not_the_author(clean_bytes: Clean) -> None:
    html = page(head="<meta name='author' content='郑雨桐'>", header="<span>记者 秦立峰</span>",
                after="<div class='editor'>责任编辑：郑雨桐</div>")
    assert clean_bytes(html, "story.html").authors == ("秦立峰",)


def test_a_meta_author_ending_in_the_editors_name_is_not_the_author(clean_bytes: Clean) -> None:
    html = page(head="<meta name='author' content='港网编辑部郑雨桐'>",
                after="<div class='editor'>[责任编辑:郑雨桐]</div>")
    assert clean_bytes(html, "story.html").authors == ()


def test_a_truncated_front_matter_author_gives_way_to_the_byline(clean_bytes: Clean) -> None:
    text = ("---\ntitle: 港口扩建计划公布\nauthor: \"MARTA\"\n---\n\n港口扩建计划公布\n\n"
            f"作者：MARTA OLSEN, JONAS BERG-LARSEN　　2024年3月2日\n\n{P1}\n\n{P2}\n")
    assert clean_bytes(text, "post.md").authors == ("Marta Olsen", "Jonas Berg-Larsen")
    whole = f"---\ntitle: 港口扩建计划公布\nauthor: 秦立峰\n---\n\n{P1}\n\n{P2}\n"
    assert clean_bytes(whole, "post.md").authors == ("秦立峰",)


def test_a_closing_credit_after_the_last_sentence_names_the_author(clean_bytes: Clean) -> None:
    html = page(body=f"<p>{P1}</p><p>{P2}</p><p>{P3}“这是长远之计。”(孔令晨)</p>")
    assert clean_bytes(html, "story.html").authors == ("孔令晨",)


def test_translators_named_as_people_are_authors_outlets_are_not(clean_bytes: Clean) -> None:
    html = page(body=f"<p>{P1}</p><p>{P2}</p><p>{P3}（编译/孔令晨）</p>")
    assert clean_bytes(html, "story.html").authors == ("孔令晨",)
    article = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n{P2}\n\n翻译：纽约时报中文网\n")
    assert article.authors == () and outlet_of(article) == ("纽约时报中文网", "translator-line")


def test_a_reporter_title_in_a_record_author_field_is_not_a_name(clean_bytes: Clean) -> None:
    article = clean_bytes(record(author="本报驻挪威记者  秦立峰  孔令晨"), "r.json")
    assert article.authors == ("秦立峰", "孔令晨")


def test_a_dateline_after_a_caption_paragraph_still_names_reporters(clean_bytes: Clean) -> None:
    html = page(body=f"<p>新码头的效果图。</p><p>（港务局提供）</p><p>（中央社記者秦立峰高雄2日電）{P1}</p>"
                     f"<p>{P2}</p>")
    article = clean_bytes(html, "story.html")
    assert article.authors == ("秦立峰",)
    assert outlet_of(article) == ("中央社", "text:dateline")


def test_a_traditional_reporter_credit_drops_where_it_was_filed_from(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口擴建計劃公布\n\n東岸傳媒記者 秦立峰 發自香港\n\n{P1}\n\n{P2}\n")
    assert article.authors == ("秦立峰",)
    assert article.outlet is not None and article.outlet.value == "東岸傳媒"


# --- credits, line by line --------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "editors", "translators"), [
    ("（譯者：孔令晨/核稿：鄭雨桐）1130302", ["鄭雨桐"], ["孔令晨"]),
    ("责任编辑：郑雨桐", ["郑雨桐"], []),
    ("编辑︱郑雨桐", ["郑雨桐"], []),
    ("翻译：纽约时报中文网", [], []),
    ("（编译/孔令晨）", [], ["孔令晨"]),
])
def test_editor_and_translator_credits(line: str, editors: list[str], translators: list[str]) -> None:
    assert editor_names(to_simplified(line), line) == editors
    assert translator_names(to_simplified(line), line) == translators


@pytest.mark.parametrize(("line", "names"), [
    ("他们愿意收购这种平台。”(唐凯)", ["唐凯"]),
    ("港口扩建是长远之计。（记者 秦立峰 孔令晨）", ["秦立峰", "孔令晨"]),
    ("世界卫生组织（世卫）", []),
    ("港口扩建是长远之计。（完）", []),
    ("港口扩建是长远之计。（待续）", []),
    ("港口扩建是长远之计。（本报记者 秦立峰）", ["秦立峰"]),
    ("港口扩建是长远之计。（本报综合）", []),
    ("港口扩建是长远之计。（实习生 孔令晨 记者 秦立峰）", ["孔令晨", "秦立峰"]),
    ("港口扩建是长远之计。（秦立峰／台南报导）", ["秦立峰"]),
])
def test_closing_credits(line: str, names: list[str]) -> None:
    assert closing_credit(to_simplified(line), line) == names


def test_wire_credits_and_outlet_tags() -> None:
    assert wire_credit("工程将在明年完工。孔令晨（新华社专稿）新码头") == ("新华社", ["孔令晨"])
    assert wire_credit("港口动态 据中新社电 新码头明年完工") == ("中新社", [])
    assert wire_credit("他说这是（初步）计划") is None
    assert outlet_tag("东岸晨报讯　（记者秦立峰）港务局昨日说") == ("东岸晨报", ["秦立峰"], 13)
    assert outlet_tag("东岸网讯 北京时间3月2日消息") == ("东岸网", [], 4)
    assert outlet_tag("港务局讯问了三名船员") is None


def test_a_header_channel_or_account_prompt_is_not_an_outlet(clean_bytes: Clean) -> None:
    html = page(head="<meta property='og:site_name' content='东岸网'>",
                header="<span>国际频道</span><span>2024-03-02 09:15</span><span>关注公众号</span>")
    assert outlet_of(clean_bytes(html, "story.html")) == ("东岸网", "html:site-name")


def test_a_dash_dateline_names_the_longest_listed_outlet(clean_bytes: Clean) -> None:
    html = page(body=f"<p>美国之音华盛顿— {P1}</p><p>{P2}</p><p>{P3}</p>")
    assert outlet_of(clean_bytes(html, "story.html")) == ("美国之音", "text:dash-dateline")


def test_a_wire_in_a_closing_bracket_is_not_an_author(clean_bytes: Clean) -> None:
    html = page(body=f"<p>{P1}</p><p>{P2}</p><p>{P3}（彭博）</p>")
    assert clean_bytes(html, "story.html").authors == ()


def test_a_dumped_header_line_names_the_outlet_after_its_stamp(clean_bytes: Clean) -> None:
    text = f"分享 2024年03月02日09:15 东岸新闻网\n\n港口扩建计划公布\n\n{P1}\n\n{P2}\n"
    assert outlet_of(clean_bytes(text)) == ("东岸新闻网", "text:header-outlet")


def test_the_source_a_page_script_configures_is_a_credit(clean_bytes: Clean) -> None:
    config = ("<script>var ARTICLE = {\n  category: '国际', // 频道\n  source: '东岸晨报', // 来源\n"
              "  aPage: true\n};</script>")
    assert outlet_of(clean_bytes(page(head=config), "story.html")) == ("东岸晨报", "html:page-source")
    related = ("<script>var RELATED = [{\"title\": \"甲\", \"source\": \"东岸晨报\"}, "
               "{\"title\": \"乙\", \"source\": \"北岸周刊\"}];</script>")
    assert clean_bytes(page(head=related), "story.html").outlet is None


def test_a_credit_list_closing_the_article_gives_its_reporters_not_its_editors(clean_bytes: Clean) -> None:
    html = page(body=f"<p>{P1}</p><p>{P2}</p><p>{P3}（记者：秦立峰 责编：郑雨桐 网编：孔令晨）</p>")
    assert clean_bytes(html, "story.html").authors == ("秦立峰",)


def test_a_text_declaring_whose_it_is_names_the_outlet(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n{P2}\n\n本文系东岸新闻网独家稿件，转载请注明出处。\n")
    assert outlet_of(article) == ("东岸新闻网", "text:own-credit")


def test_an_outlet_tag_in_brackets(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n（新加坡联合早报讯）{P1}\n\n{P2}\n")
    assert outlet_of(article) == ("新加坡联合早报", "text:outlet-tag")
    assert article.source_type is SourceType.NEWSROOM


def test_an_outlet_named_as_author_in_markup_is_not_an_author(clean_bytes: Clean) -> None:
    html = page(head="<meta name='author' content='BBC News 中文'>")
    assert clean_bytes(html, "story.html").authors == ()


def test_the_outlet_before_a_header_stamp(clean_bytes: Clean) -> None:
    html = page(header="<a class='author' href='#'>东岸新闻网</a> <span class='time'>2024-03-02 09:15</span>")
    assert outlet_of(clean_bytes(html, "story.html")) == ("东岸新闻网", "text:header-outlet")


def test_a_byline_right_under_the_body_counts_whatever_dropped_it(clean_bytes: Clean) -> None:
    html = (f"<html><body><h1>港口扩建计划公布</h1><div class='post_body'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
            "<div class='post_author'>本文来源：东岸晨报 作者：秦立峰 责任编辑：郑雨桐_NN1234</div></body></html>")
    assert clean_bytes(html, "story.html").authors == ("秦立峰",)


@pytest.mark.parametrize("header", ["<span>撰文：秦立峰</span> <span>出版：2024-03-02 09:15</span>",
                                    "<span>文 / 秦立峰</span><span>发布 / 2024年3月2日 9:15 AM</span>"])
def test_the_next_fields_label_is_not_a_name(clean_bytes: Clean, header: str) -> None:
    assert clean_bytes(page(header=header), "story.html").authors == ("秦立峰",)


def test_an_english_site_name_of_a_listed_service_gets_its_badge(clean_bytes: Clean) -> None:
    article = clean_bytes(page(head="<meta property='og:site_name' content='Radio Free Asia'>"), "story.html")
    assert outlet_of(article) == ("Radio Free Asia", "html:site-name")
    assert article.source_type is SourceType.PUBLIC_BROADCASTER


# --- self-media ---------------------------------------------------------------------------------------------


def test_a_platform_statement_makes_the_post_self_media_and_the_account_its_author(clean_bytes: Clean) -> None:
    html = (f"<html><body><h1>港口扩建计划公布</h1><div class='info'><span>2024-03-02 09:15</span>"
            f"<span>来源: <a>港湾观察</a></span></div><article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
            "<p>平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。</p>"
            "<div class='user'><h4>港湾观察</h4><p>文章数 321 总阅读量 5万</p></div></body></html>")
    article = clean_bytes(html, "post.html")
    assert outlet_of(article) == ("搜狐号", "platform-statement")
    assert article.source_type is SourceType.SELF_MEDIA
    assert article.authors == ("港湾观察",)


def test_the_account_named_above_the_post_time(clean_bytes: Clean) -> None:
    html = (f"<html><head><title>港口扩建计划公布</title></head><body><h2>港口扩建计划公布</h2>"
            f"<div class='author'><p class='name'>港湾观察</p>"
            f"<div class='source'><span>发布时间: 03-02</span><span>09:15</span></div></div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
            "<div class='declare'>本文为百家号作者发布，不代表平台立场。</div></body></html>")
    article = clean_bytes(html, "post.html")
    assert outlet_of(article) == ("百家号", "platform-statement") and article.authors == ("港湾观察",)


def test_a_platform_named_inside_the_story_is_not_a_statement(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n{P1}港务局表示，百家号作者发布的消息并不准确。\n\n{P2}\n")
    assert article.source_type is not SourceType.SELF_MEDIA


def test_a_markup_author_stands_against_a_dateline_naming_others(clean_bytes: Clean) -> None:
    html = page(head="<meta name='author' content='孔令晨'>",
                body=f"<p>{P1}</p><p>{P2}</p><p>新华社北京3月2日电（记者 秦立峰 郑雨桐）{P3}</p>")
    assert clean_bytes(html, "story.html").authors == ("孔令晨",)
    fuller = page(head="<meta name='author' content='孔令晨'>", header="<span>作者：孔令晨 秦立峰</span>")
    assert clean_bytes(fuller, "story.html").authors == ("孔令晨", "秦立峰")


def test_a_byline_line_below_a_short_first_paragraph_still_counts(clean_bytes: Clean) -> None:
    text = (f"百度首页 > 军事 > 正文\n\n港口扩建：新码头明年完工\n\n"
            f"2024-03-02 09:15　来源：东岸新闻网　作者：秦立峰\n\n{P1}\n\n{P2}\n")
    assert clean_bytes(text).authors == ("秦立峰",)


def test_a_dateline_deep_in_the_body_is_not_the_articles(clean_bytes: Clean) -> None:
    text = f"港口扩建计划公布\n\n{P1}\n\n{P2}\n\n新华社北京3月2日电（记者 秦立峰）{P3}\n"
    article = clean_bytes(text)
    assert article.authors == () and article.outlet is None


def test_a_latin_source_keeps_its_words(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n2024-03-02 09:15　来源：Voice of America\n\n{P1}\n\n{P2}\n")
    assert outlet_of(article) == ("Voice of America", "text:meta-line")
    assert article.source_type is SourceType.PUBLIC_BROADCASTER


def test_a_byline_in_the_article_header_beside_the_date(clean_bytes: Clean) -> None:
    # 财新 is a listed outlet: named in the byline, it is not an author.
    html = page(header="文｜财新 秦立峰<br>2024年03月02日 09:15")
    assert clean_bytes(html, "story.html").authors == ("秦立峰",)


def test_a_reporter_credit_in_an_author_field_gives_the_reporter(clean_bytes: Clean) -> None:
    html = page(head="<meta name='author' content='新华社记者秦立峰'>")
    assert clean_bytes(html, "story.html").authors == ("秦立峰",)


def test_a_feed_channel_names_the_outlet_without_its_section(clean_bytes: Clean) -> None:
    feed = ("<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>东岸晨报 - 国际</title>"
            "<item><title>港口扩建计划公布</title><link>https://www.dongan.example/a/1.html</link>"
            f"<description><![CDATA[<p>{P1}</p><p>{P2}</p>]]></description></item></channel></rss>")
    assert outlet_of(clean_bytes(feed, "feed.xml")) == ("东岸晨报", "feed:channel")


def test_a_picture_source_is_not_the_texts(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n{P2}\n\n图片来源：视觉中国\n")
    assert article.outlet is None


def test_a_repost_from_an_account_names_the_account_not_the_platform(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n本文来源于微信公众号“港湾观察”，已获授权。\n\n{P1}\n\n{P2}\n")
    assert outlet_of(article) == ("港湾观察", "text:repost-credit")


@pytest.mark.parametrize("line", ["文/秦立峰 图/郑雨桐", "作者：秦立峰 摄影：郑雨桐", "文|秦立峰  编辑|郑雨桐"])
def test_the_next_credit_on_a_byline_is_not_the_writers(clean_bytes: Clean, line: str) -> None:
    assert clean_bytes(f"港口扩建计划公布\n\n{line}\n\n{P1}\n\n{P2}\n").authors == ("秦立峰",)


def test_a_source_field_repeating_its_label(clean_bytes: Clean) -> None:
    article = clean_bytes(page(head="<meta name='source' content='来源：东岸晨报－国际频道'>"), "story.html")
    assert outlet_of(article) == ("东岸晨报", "html:meta-source")


def test_the_place_glued_after_a_reporters_name_is_not_part_of_it(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口擴建計劃公布\n\n（東岸時報記者秦立峰台北報導）{P1}\n\n{P2}\n")
    assert article.authors == ("秦立峰",)


# --- credits as unseen pages write them -------------------------------------------------------------------


@pytest.mark.parametrize("placeholder", ["转载文章", "網絡轉載", "本站原创", "网友投稿", "综合整理", "综合媒体报道"])
def test_a_placeholder_source_names_no_one_and_the_chain_reads_on(clean_bytes: Clean, placeholder: str) -> None:
    site = "<meta property='og:site_name' content='大山新闻网'>"
    header = f"<span>2024-03-02 09:15 来源：{placeholder}</span>"
    assert outlet_of(clean_bytes(page(head=site, header=header), "story.html")) == ("大山新闻网", "html:site-name")
    credited = page(head=site, header=header, after="<p>来源：东岸晨报</p><p>编辑：郑雨桐</p>")
    assert outlet_of(clean_bytes(credited, "story.html")) == ("东岸晨报", "text:source-line")


@pytest.mark.parametrize("line", ["来源：[ 东岸晨报 ]", "来源：【东岸晨报】", "来源：（东岸晨报）",
                                  "来源：东岸晨报、北岸周刊"])
def test_a_bracketed_source_and_the_first_of_several(clean_bytes: Clean, line: str) -> None:
    html = page(header=f"<span>2024-03-02 09:15</span> <span>{line}</span>")
    assert outlet_of(clean_bytes(html, "story.html")) == ("东岸晨报", "text:meta-line")


def test_a_licence_names_the_licensor_before_the_licensees_own_source_field(clean_bytes: Clean) -> None:
    config = "<script>var shareConfig = {source: '海风网', channel: 'money'};</script>"
    html = page(head=config, after="<p>本文为东岸晨报授权海风网发布，转载请注明出处。</p>")
    assert outlet_of(clean_bytes(html, "story.html")) == ("东岸晨报", "text:licence-credit")
    assert outlet_of(clean_bytes(page(head=config), "story.html")) == ("海风网", "html:page-source")


def test_an_authority_licensing_something_in_the_story_is_no_credit(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n经港务局授权，码头公司昨日发布了新的收费标准。{P2}\n")
    assert article.outlet is None


def test_wechat_viewer_strings_give_way_to_the_account_the_text_credits(clean_bytes: Clean) -> None:
    viewer = "\n\n微信扫一扫\n\n关注该公众号\n"
    bare = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n{P2}{viewer}")
    assert outlet_of(bare) == ("微信公众号", "wechat-markers")
    credited = clean_bytes(f"港口扩建计划公布\n\n原文来自订阅号「港湾观察」\n\n{P1}\n\n{P2}{viewer}")
    assert outlet_of(credited) == ("港湾观察", "text:repost-credit")
    assert bare.source_type is credited.source_type is SourceType.SELF_MEDIA


def body_paragraphs(article: Article) -> list[str]:
    return [b.text for b in article.blocks if b.kept and b.kind.value == "paragraph"]


@pytest.mark.parametrize(("opening", "outlet"), [("VOA - ", "VOA"), ("AFP － ", "AFP"), ("VOA 华盛顿 - ", "VOA"),
                                                 ("XNA 北京 — ", "XNA")])
def test_a_latin_abbreviation_and_a_hyphen_open_a_dateline_cut_from_the_text(
        clean_bytes: Clean, opening: str, outlet: str) -> None:
    article = clean_bytes(page(body=f"<p>{opening}{P1}</p><p>{P2}</p><p>{P3}</p>"), "story.html")
    assert outlet_of(article) == (outlet, "text:dash-dateline")
    assert body_paragraphs(article)[0] == P1


@pytest.mark.parametrize("opening", ["VOA-", "iPhone - ", "港务局 - ", "CEO - "])
def test_a_hyphen_after_other_words_is_no_dateline(clean_bytes: Clean, opening: str) -> None:
    article = clean_bytes(page(body=f"<p>{opening}{P1}</p><p>{P2}</p><p>{P3}</p>"), "story.html")
    assert article.outlet is None
    assert body_paragraphs(article)[0] == f"{opening}{P1}"


def test_a_table_page_crediting_no_one_is_the_sites(clean_bytes: Clean) -> None:
    html = ("<html><head><title>港口扩建计划公布-东岸汽车</title></head><body><table><tr><td>"
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></td></tr></table></body></html>")
    assert outlet_of(clean_bytes(html, "story.html")) == ("东岸汽车", "html:title-suffix")


@pytest.mark.parametrize(("closing", "names"), [
    ("（记者 秦立峰）", ("秦立峰",)),
    ("（秦立峰／台南報導）", ("秦立峰",)),
    ("（記者 秦立峰 孔令晨 高雄報導）", ("秦立峰", "孔令晨")),
])
def test_a_closing_byline_names_the_authors_and_leaves_the_text(
        clean_bytes: Clean, closing: str, names: tuple[str, ...]) -> None:
    article = clean_bytes(page(body=f"<p>{P1}</p><p>{P2}</p><p>{P3}{closing}</p>"), "story.html")
    assert article.authors == names
    assert body_paragraphs(article)[-1] == P3


@pytest.mark.parametrize("line", ["記者秦立峰／台南報導", "东岸晨报记者 | 秦立峰", "东岸晨报记者 秦立峰 浙江海宁市报道",
                                  "记者 秦立峰 福州报道"])
def test_a_byline_gives_the_reporter_not_the_place_or_the_label(clean_bytes: Clean, line: str) -> None:
    assert clean_bytes(f"港口扩建计划公布\n\n{line}\n\n{P1}\n\n{P2}\n").authors == ("秦立峰",)


def test_hosts_and_companies_in_author_fields_are_not_authors(clean_bytes: Clean) -> None:
    head = "<meta name='author' content='www.dongan.example.cn,东岸报业集团'>"
    assert clean_bytes(page(head=head), "story.html").authors == ()
    company = page(header="<address>东岸传媒股份有限公司东岸新闻云</address><span>記者秦立峰／台南報導</span>")
    assert clean_bytes(company, "story.html").authors == ("秦立峰",)


def test_an_authors_note_under_the_text_names_the_writer(clean_bytes: Clean) -> None:
    html = page(after="<p>作者seabird，为东岸新闻网特约专栏作者，长期关注航运业。</p>")
    assert clean_bytes(html, "story.html").authors == ("seabird",)
    html = page(after="<p>作者秦立峰，为东岸新闻网专栏作者。</p>")
    assert clean_bytes(html, "story.html").authors == ("秦立峰",)


def test_the_words_of_a_copyright_notice_are_no_owner(clean_bytes: Clean) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n{P2}\n\n版權所有 不得轉載\n")
    assert article.outlet is None


@pytest.mark.parametrize(("line", "credit"), [
    ("东岸晨报记者 | 秦立峰", ("东岸晨报", ["秦立峰"])),
    ("记者 秦立峰 孔令晨 福州报道", (None, ["秦立峰", "孔令晨"])),
    ("记者 秦立峰 李海报道", (None, ["秦立峰", "李海"])),  # a second reporter's name glued to 报道
    ("记者 秦立峰 海宁市综合报道", (None, ["秦立峰"])),
])
def test_bylines_line_by_line(line: str, credit: tuple[str | None, list[str]]) -> None:
    assert byline(line) == credit


@pytest.mark.parametrize(("line", "start"), [
    ("港口扩建是长远之计。（记者 秦立峰）", 10),
    ("港口扩建是长远之计。（秦立峰／台南报导）", 10),
    ("世界卫生组织（世卫）", None),
])
def test_where_a_closing_credit_starts(line: str, start: int | None) -> None:
    assert closing_credit_start(line) == start


def test_a_json_ld_author_that_is_an_organisation_signs_for_no_one(clean_bytes: Clean) -> None:
    def ld(author: dict[str, str]) -> str:
        item = {"@type": "NewsArticle", "headline": "港口扩建计划公布", "author": author}
        return f"<script type='application/ld+json'>{json.dumps(item, ensure_ascii=False)}</script>"

    organisation = ld({"@type": "Organization", "name": "海风传播"})
    assert clean_bytes(page(head=organisation), "story.html").authors == ()
    assert clean_bytes(page(head=ld({"@type": "Person", "name": "孔令晨"})), "story.html").authors == ("孔令晨",)


def test_a_desk_signing_the_closing_credit_is_cut_but_no_author(clean_bytes: Clean) -> None:
    article = clean_bytes(page(body=f"<p>{P1}</p><p>{P2}</p><p>{P3}（國際中心／綜合報導）</p>"), "story.html")
    assert article.authors == ()
    assert body_paragraphs(article)[-1] == P3


@pytest.mark.parametrize(("line", "rule"), [
    ("来源 | 东岸晨报", "text:meta-line"),
    ("来源丨东岸晨报", "text:leading-chrome"),  # 丨 is a Han character: the line was taken for chrome
])
def test_a_source_line_with_a_bar(clean_bytes: Clean, line: str, rule: str) -> None:
    assert outlet_of(clean_bytes(f"港口扩建计划公布\n\n{line}\n\n{P1}\n\n{P2}\n")) == ("东岸晨报", rule)


@pytest.mark.parametrize("line", ["（来源：东岸晨报）", "来源：东岸晨报（ID：dongan）",
                                  "本文来自微信公众号：东岸晨报（ID：dongan），作者：秦立峰"])
def test_a_source_name_ends_at_a_bracket(clean_bytes: Clean, line: str) -> None:
    article = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n{P2}\n\n{line}\n")
    assert article.outlet is not None and article.outlet.value == "东岸晨报"


@pytest.mark.parametrize("closing", ["（东岸晨报记者 秦立峰）", "【记者 秦立峰】"])
def test_a_closing_credit_with_the_outlet_or_in_square_brackets(clean_bytes: Clean, closing: str) -> None:
    article = clean_bytes(page(body=f"<p>{P1}</p><p>{P2}</p><p>{P3}{closing}</p>"), "story.html")
    assert article.authors == ("秦立峰",)
    assert body_paragraphs(article)[-1] == P3


def test_a_closing_credit_kept_as_the_last_paragraph_is_dropped(clean_bytes: Clean) -> None:
    article = clean_bytes(page(body=f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>（记者 秦立峰）</p>"), "story.html")
    assert article.authors == ("秦立峰",)
    assert body_paragraphs(article) == [P1, P2, P3]


def test_a_byline_dropped_as_chrome_above_the_body_still_counts(clean_bytes: Clean) -> None:
    assert clean_bytes(f"港口扩建计划公布\n\n文 | 秦立峰\n\n{P1}\n\n{P2}\n").authors == ("秦立峰",)


@pytest.mark.parametrize("line", ["作者：秦立峰（东岸晨报特约撰稿人）", "文/秦立峰（东岸晨报）",
                                  "撰文：秦立峰｜攝影：孔令晨"])
def test_a_note_after_the_name_or_a_bar_before_the_next_field(clean_bytes: Clean, line: str) -> None:
    assert clean_bytes(f"港口扩建计划公布\n\n{line}\n\n{P1}\n\n{P2}\n").authors == ("秦立峰",)


def test_a_credit_label_after_a_comma_opens_a_byline(clean_bytes: Clean) -> None:
    credit = "本文来自微信公众号：东岸晨报（ID：dongan），作者：秦立峰"
    article = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n{P2}\n\n{credit}\n")
    assert article.authors == ("秦立峰",)


def test_a_reporter_credit_dropped_just_above_the_text_names_the_outlet_before_the_site(clean_bytes: Clean) -> None:
    # The app's brand joined to the paper's name by a dot: no meta line, a line of chrome above the text.
    credit = "南风新闻·东岸晨报记者秦立峰/文 受访者供图"
    html = page(head="<meta property='og:site_name' content='南风网'>",
                body=f"<p>{credit}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>")
    article = clean_bytes(html, "story.html")
    assert outlet_of(article) == ("东岸晨报", "text:credit")
    assert article.authors == ("秦立峰",)


def test_a_closing_original_mark_names_whose_text_it_is(clean_bytes: Clean) -> None:
    marked = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n{P2}\n\n{P3}\n\n｜港湾观察 gangwan 原创文章｜\n")
    assert outlet_of(marked) == ("港湾观察", "text:own-credit")
    assert marked.body.rstrip().endswith(P3)


def test_a_persons_original_mark_names_no_outlet(clean_bytes: Clean) -> None:
    marked = clean_bytes(f"港口扩建计划公布\n\n{P1}\n\n{P2}\n\n{P3}\n\n秦立峰 原创\n")
    assert marked.outlet is None or marked.outlet.value != "秦立峰"


@pytest.mark.parametrize(("footer", "expected"), [
    # The copyright owner is the company behind a listed newspaper: that newspaper.
    ("版权所有 北京新京报传媒有限责任公司", ("新京报", "text:copyright")),
    # An owner naming no listed outlet stays as written.
    ("版权所有 南风港融媒体有限公司", ("南风港融媒体有限公司", "text:copyright")),
    # A digital edition's imprint names its paper.
    ("南风日报社出版 | 国内统一刊号：CN00-0000", ("南风日报", "text:imprint")),
    # A government sponsor is no imprint.
    ("主办单位：南风市人民政府办公室", None),
])
def test_what_the_footer_says_of_a_page_no_credit_or_site_name_names(clean_bytes: Clean, footer: str,
                                                                      expected: tuple[str, str] | None) -> None:
    html = page(after=f"<div class='footer'><p>{footer}</p></div>").replace("<title>港口扩建计划公布</title>", "")
    assert outlet_of(clean_bytes(html, "story.html")) == expected
