"""Where a headline and a date come from on real pages, records and re-posts: the story's own headline
over a title that adds a column or page label, the page's state script, a re-post's original date.

Every page below is written for these tests.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from generator.clean.metadata import strip_site_suffix
from generator.model import Article

Clean = Callable[..., Article]

P1 = "东盟与中日韩财长和央行行长会议5月3日在雅加达举行，讨论区域金融安全网的扩容问题。"
P2 = "会议发表的联合声明说，各方同意把清迈倡议多边化的规模扩大，并研究以本币出资的可能。"
P3 = "与会的一位经济学家认为，扩容能否落地，取决于各成员能否就出资比例达成一致。"
BODY = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"


def page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def title_of(article: Article) -> tuple[str, str] | None:
    return (article.title.value, article.title.rule) if article.title else None


def date_of(article: Article) -> tuple[str, str] | None:
    return (article.date.value, article.date.rule) if article.date else None


# --- title ---------------------------------------------------------------------------------------------


def test_the_articles_own_headline_beats_a_meta_title_with_the_column_in_front(clean_bytes: Clean) -> None:
    html = page("<title>财长会议讨论扩大金融安全网 - 亚洲观察</title>"
                "<meta property='og:title' content='亚洲观察 - 财长会议讨论扩大金融安全网'>",
                f"<article><h1>财长会议讨论扩大金融安全网</h1>{BODY}</article>")
    assert title_of(clean_bytes(html, "page.html")) == ("财长会议讨论扩大金融安全网", "html-page:headline")


def test_a_meta_title_that_is_the_whole_headline_stays_the_title(clean_bytes: Clean) -> None:
    html = page("<meta property='og:title' content='财长会议讨论扩大金融安全网 - 多方表态支持'>",
                f"<article><h1>财长会议讨论扩大金融安全网</h1>{BODY}</article>")
    # The <h1> here is only the first half of a two-part headline: nothing after the separator names a
    # site or column, and the meta title is the longer, whole one.
    assert title_of(clean_bytes(html, "page.html")) == ("财长会议讨论扩大金融安全网 - 多方表态支持", "html:og-title")


def test_a_newspapers_page_label_is_not_part_of_the_title(clean_bytes: Clean) -> None:
    record = {"items": [{"title": "07版 - 财长会议讨论扩大金融安全网（区域观察）", "content_html": BODY,
                         "date_published": "2025-05-04T00:00:00+08:00"}]}
    article = clean_bytes(json.dumps(record, ensure_ascii=False), "feed.json")
    assert title_of(article) == ("财长会议讨论扩大金融安全网（区域观察）", "api:title")


def test_search_hit_highlighting_is_not_part_of_an_api_title(clean_bytes: Clean) -> None:
    record = {"data": {"title": "财长会议讨论扩大<em>金融安全网</em>", "content": BODY, "pubtime": 1746280800000}}
    article = clean_bytes(json.dumps(record, ensure_ascii=False), "record.json")
    assert title_of(article) == ("财长会议讨论扩大金融安全网", "api:title")
    assert date_of(article) == ("2025-05-03", "api:date")


# --- date ----------------------------------------------------------------------------------------------


def test_a_pages_state_script_gives_the_publication_time(clean_bytes: Clean) -> None:
    script = ('<script>window.DATA = {"id": "A01", "title": "财长会议讨论扩大金融安全网", '
              '"pubtime": "2025-05-03 21:30:00", "related": [{"pubtime": "2025-04-01 08:00:00"}]}\n</script>')
    html = page(script, f"<h1>财长会议讨论扩大金融安全网</h1><div class='content'>{BODY}</div>")
    assert date_of(clean_bytes(html, "page.html")) == ("2025-05-03", "html:page-data")


def test_a_list_inside_a_state_script_gives_no_date(clean_bytes: Clean) -> None:
    script = '<script>window.__STATE__ = {"list": [{"pubtime": "2025-04-01 08:00:00"}]};</script>'
    html = page(script, f"<h1>财长会议讨论扩大金融安全网</h1><div class='content'>{BODY}</div>")
    found = clean_bytes(html, "page.html").date
    assert found is None or found.rule != "html:page-data"


def test_an_update_time_of_a_record_places_the_dateline_but_is_not_the_date(clean_bytes: Clean) -> None:
    record = {"title": "财长会议讨论扩大金融安全网", "updatetime": "2025-05-06T03:00:00Z",
              "content": f"<p>（中央社雅加達3日綜合外電報導）{P1}</p><p>{P2}</p>"}
    assert date_of(clean_bytes(json.dumps(record, ensure_ascii=False), "record.json")) == (
        "2025-05-03", "text:dateline")


def repost_date(clean: Clean, stamp: str, before: str = "", after: str = "", p2: str = P2) -> tuple[str, str] | None:
    """The date of a re-post saved as a note: front matter with the re-post's time, then the text."""
    note = f"---\ntitle: 财长会议讨论扩大金融安全网\ndate: {stamp}\n---\n\n{before}{P1}\n\n{p2}\n\n{P3}\n\n{after}"
    return date_of(clean(note, "note.md"))


def test_a_reposts_byline_date_is_the_original_date_not_the_repost_time(clean_bytes: Clean) -> None:
    header = "财长会议讨论扩大金融安全网\n\n作者：周南　　2025年5月4日远东经济观察\n\n"
    assert repost_date(clean_bytes, "2025-06-20T04:58:09+00:00", before=header) == ("2025-05-04", "text:original-date")


def test_a_reposts_original_date_under_its_credit_line_beats_the_repost_time(clean_bytes: Clean) -> None:
    credit = "本文轉載自遠東經濟觀察\n\n原文題為《金融安全網如何擴容》\n\n2025-05-04\n"
    assert repost_date(clean_bytes, "2025-06-20T04:58:09+00:00", after=credit) == ("2025-05-04", "text:original-date")


def test_a_repost_with_only_its_own_timestamp_is_dated_by_it(clean_bytes: Clean) -> None:
    assert repost_date(clean_bytes, "'2025-06-20T04:58:09.000Z'", p2=f"{P2}早在2024年11月，各方就提出了设想。") == (
        "2025-06-20", "front-matter")


def test_a_date_after_the_repost_time_is_not_its_original_date(clean_bytes: Clean) -> None:
    credit = "本文转载自远东经济观察\n\n2025-07-01\n"
    assert repost_date(clean_bytes, "2025-06-20", after=credit) == ("2025-06-20", "front-matter")


# --- url -----------------------------------------------------------------------------------------------


def test_a_reposts_credit_line_links_the_original_address(clean_bytes: Clean) -> None:
    note = ("---\ntitle: 财长会议讨论扩大金融安全网\ndate: 2025-05-04\n---\n\n"
            "本文来自远东经济观察，[原文](https://news.example.org/a/20250504-asean/)为会员付费阅读。\n\n"
            f"{P1}\n\n{P2}更多背景见[这篇旧文](https://blog.example.net/old)。\n\n{P3}\n")
    assert clean_bytes(note, "note.md").url == "https://news.example.org/a/20250504-asean/"


def test_a_link_inside_the_story_is_not_its_address(clean_bytes: Clean) -> None:
    note = f"# 财长会议讨论扩大金融安全网\n\n{P1}\n\n{P2}更多背景见[这篇旧文](https://blog.example.net/old)。\n\n{P3}\n"
    assert clean_bytes(note, "note.md").url is None


def test_a_headline_that_ends_like_a_site_name_is_not_cut_as_one() -> None:
    # …安全网 ends in 网 like a site (人民网), but it is longer than all before it: it is the story.
    assert strip_site_suffix("亚洲观察 - 财长会议讨论扩大金融安全网") == ("亚洲观察 - 财长会议讨论扩大金融安全网", None)
    assert strip_site_suffix("财长会议讨论扩大金融安全网 - 远东网") == ("财长会议讨论扩大金融安全网", "远东网")


def test_a_scrapes_title_label_is_not_part_of_the_headline(clean_bytes: Clean) -> None:
    text = f"标题：财长会议讨论扩大金融安全网\n发布时间：2025-05-03 21:30\n\n{P1}\n\n{P2}\n\n{P3}\n"
    article = clean_bytes(text, "scrape.txt")
    assert article.title is not None and article.title.value == "财长会议讨论扩大金融安全网"
    assert date_of(article) == ("2025-05-03", "text:meta-line")


def test_a_cms_placeholder_title_gives_way_to_a_derived_one(clean_bytes: Clean) -> None:
    record = {"title": "新增訊息", "content": f"<p>{P1}</p><p>{P2}</p>"}
    found = clean_bytes(json.dumps(record, ensure_ascii=False), "record.json").title
    assert found is not None and found.rule == "derived:first-sentence" and found.inferred
    assert found.value.startswith("东盟与中日韩财长")


def test_a_scrapes_labelled_address_line_is_its_url(clean_bytes: Clean) -> None:
    text = (f"财长会议讨论扩大金融安全网\n\n{P1}\n\n{P2}\n\n{P3}\n\n"
            "原文链接：https://news.example.org/world/2025/0503/12345.html\n")
    article = clean_bytes(text, "scrape.txt")
    assert article.url == "https://news.example.org/world/2025/0503/12345.html"
    assert "news.example.org" not in article.body


def test_an_address_inside_the_story_is_not_its_url(clean_bytes: Clean) -> None:
    text = f"财长会议讨论扩大金融安全网\n\n{P1}\n\n链接：https://news.example.org/report.pdf 是声明全文，{P2}\n\n{P3}\n"
    assert clean_bytes(text, "scrape.txt").url is None


def test_the_first_json_ld_article_is_the_pages_and_a_later_one_a_related_story(clean_bytes: Clean) -> None:
    first = ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "财长会议讨论扩大金融安全网",'
             ' "datePublished": "2025-05-03T21:30:00+08:00", "dateModified": "2025-05-06T08:00:00+08:00"}')
    related = ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "另一条新闻",'
               ' "datePublished": "2025-04-01T08:00:00+08:00"}')
    html = page(f"<script type='application/ld+json'>{first}</script><script type='application/ld+json'>{related}"
                "</script>", f"<div class='content'>{BODY}</div>")
    article = clean_bytes(html, "page.html")
    assert title_of(article) == ("财长会议讨论扩大金融安全网", "json-ld:headline")
    assert date_of(article) == ("2025-05-03", "json-ld:datePublished")


# --- rules from a held-out check of unseen pages (written again here as our own small pages) ------------------


def test_a_records_stored_time_places_its_dateline_instead_of_dating_the_story(clean_bytes: Clean) -> None:
    sql = ("INSERT INTO `news` (id,title,article,publisher,create_time,update_time) VALUES (7, "
           "'财长会议讨论扩大金融安全网', '远东社雅加达5月3日电（记者林海）东盟与中日韩财长和央行行长会议3日举行。"
           f"\\n\\n{P2}\\n\\n{P3}', '远东社', '2025-05-06 09:31:36', '2025-05-06 09:31:36');\n")
    assert date_of(clean_bytes(sql, "dump.sql")) == ("2025-05-03", "text:dateline")


def test_a_records_stored_time_dates_it_when_nothing_else_does(clean_bytes: Clean) -> None:
    record = {"title": "财长会议讨论扩大金融安全网", "content": BODY.replace("5月3日", ""),
              "createTime": "2025-05-06 09:31"}
    assert date_of(clean_bytes(json.dumps(record, ensure_ascii=False), "record.json")) == ("2025-05-06", "api:stored")


def test_a_dated_stamp_line_below_a_table_layouts_first_cells_dates_the_page(clean_bytes: Clean) -> None:
    html = page("<title>财长会议讨论扩大金融安全网-远东财经</title>",
                "<table><tr><td>远东首页 - 新闻 - 财经 - 科技 - 体育</td></tr>"
                "<tr><td><h1>财长会议讨论扩大金融安全网</h1></td></tr>"
                "<tr><td>FINANCE.EXAMPLE.COM　2005年3月11日12:12</td></tr>"
                f"<tr><td>{P1}</td></tr><tr><td>{P2}</td></tr><tr><td>{P3}</td></tr></table>")
    article = clean_bytes(html, "page.html")
    assert date_of(article) == ("2005-03-11", "text:meta-line")
    assert article.title is not None and article.title.value == "财长会议讨论扩大金融安全网"


def test_a_portals_channel_after_the_title_is_cut_like_a_site_name() -> None:
    assert strip_site_suffix("财长会议讨论扩大金融安全网-远东财经") == ("财长会议讨论扩大金融安全网", "远东财经")
    assert strip_site_suffix("财长会议讨论扩大金融安全网_远东汽车") == ("财长会议讨论扩大金融安全网", "远东汽车")


def test_a_page_label_with_the_pages_column_name_is_cut(clean_bytes: Clean) -> None:
    record = {"items": [{"title": "04版国际新闻 - 财长会议讨论扩大金融安全网", "content_html": BODY}]}
    found = clean_bytes(json.dumps(record, ensure_ascii=False), "feed.json").title
    assert found is not None and found.value == "财长会议讨论扩大金融安全网"


def test_share_links_give_the_address_a_page_states_nowhere_else(clean_bytes: Clean) -> None:
    address = "http://news.example.com/20250503/n12345.shtml"
    quoted = "http%3A%2F%2Fnews.example.com%2F20250503%2Fn12345.shtml"
    html = page("<title>财长会议讨论扩大金融安全网</title>",
                f"<h1>财长会议讨论扩大金融安全网</h1><div class='content'>{BODY}</div>"
                f"<div class='tools'><a href='http://share.example.net/post?url={quoted}&title=x'>分享</a>"
                f"<a href='http://sms.example.com/send.jsp?CLS=1&URL={address}'>短信</a>"
                "<a href='http://share.example.net/post?url=http://news.example.com/'>首页</a></div>")
    assert clean_bytes(html, "page.html").url == address


def test_a_canonical_link_beats_share_links(clean_bytes: Clean) -> None:
    html = page("<link rel='canonical' href='https://news.example.com/a/1.html'>",
                f"<div class='content'>{BODY}</div><a href='http://share.example.net/post?url=http://other.example/x'>"
                "分享</a>")
    assert clean_bytes(html, "page.html").url == "https://news.example.com/a/1.html"


def test_a_share_link_to_a_list_or_service_page_is_not_the_address(clean_bytes: Clean) -> None:
    html = page("<title>财长会议讨论扩大金融安全网</title>",
                f"<div class='content'>{BODY}</div><a href='http://reader.example.net/add?url=http://news.example.com/"
                "rss/finance.opml'>订阅</a><a href='http://pay.example.com/go?url=https://pay.example.com/index.jsp'>"
                "支付</a>")
    assert clean_bytes(html, "page.html").url is None


# --- plain-text scrapes ----------------------------------------------------------------------------------


def test_a_header_field_is_never_the_headline_and_the_line_above_it_is(clean_bytes: Clean) -> None:
    text = f"财长会议讨论扩大金融安全网\nPublished: 2025-05-03\nSource: 远东经济观察\n\n{P1}\n\n{P2}\n"
    article = clean_bytes(text, "scrape.txt")
    assert article.title is not None and article.title.value == "财长会议讨论扩大金融安全网"
    assert date_of(article) == ("2025-05-03", "text:meta-line")


def test_a_bracketed_outlet_and_date_closing_the_text_dates_it(clean_bytes: Clean) -> None:
    text = f"{P1.replace('5月3日', '')}\n\n{P2}\n\n（远东经济观察 2025年5月4日）\n"
    assert date_of(clean_bytes(text, "scrape.txt")) == ("2025-05-04", "text:closing-stamp")


def test_a_posting_time_right_after_the_body_dates_it(clean_bytes: Clean) -> None:
    text = f"财长会议讨论扩大金融安全网\n\n{P1.replace('5月3日', '')}\n\n{P2}\n\n发布于 2025-05-03 21:30\n"
    assert date_of(clean_bytes(text, "scrape.txt")) == ("2025-05-03", "text:closing-stamp")


def test_a_scrape_that_states_no_date_has_none_or_a_marked_guess(clean_bytes: Clean) -> None:
    text = f"财长会议讨论扩大金融安全网\n\n{P1.replace('5月3日', '')}\n\n{P2}\n"
    assert clean_bytes(text, "scrape.txt").date is None
    guessed = clean_bytes(f"{P1}\n\n{P2}早在2024年11月，各方就提出了设想。\n", "scrape.txt").date
    assert guessed is not None and guessed.inferred


def test_a_dateline_day_that_the_roc_stamp_states_in_full_is_not_a_guess(clean_bytes: Clean) -> None:
    text = f"標題在這裡說明事件\n\n（中央社台北10日電）{P1}\n\n{P2}\n\n（編輯：李淑華）1140910\n"
    found = clean_bytes(text).date
    assert found is not None and (found.value, found.rule, found.inferred) == ("2025-09-10", "text:dateline", False)


def test_a_scripts_configuration_object_states_the_publication_time(clean_bytes: Clean) -> None:
    script = ("<script>var ARTICLE = {\n  id: 'A01', // 编号\n  pubtime: '2025-05-03 21:30',\n"
              "  channel: '国际'\n};</script>")
    html = page(script, f"<h1>财长会议讨论扩大金融安全网</h1><div class='content'>{BODY}</div>")
    assert date_of(clean_bytes(html, "page.html")) == ("2025-05-03", "html:page-config")


def test_a_script_listing_several_stories_times_states_none(clean_bytes: Clean) -> None:
    script = ("<script>var HOT = [{title: '另一条', pubtime: '2025-04-01 08:00'}, "
              "{title: '又一条', pubtime: '2025-04-02 08:00'}];</script>")
    html = page(script, f"<h1>财长会议讨论扩大金融安全网</h1><div class='content'>{BODY}</div>")
    found = clean_bytes(html, "page.html").date
    assert found is None or found.rule != "html:page-config"


# --- digital editions (数字报) ---------------------------------------------------------------------------


def test_a_digital_editions_property_comment_states_date_address_and_author(clean_bytes: Clean) -> None:
    prop = ("<!--enpproperty <date>2025-05-03 00:00:00:0</date><author>林海</author>"
            "<url>http://paper.example.cn/nfb/202505/03/content_771.html</url><title>财长会议讨论扩大金融安全网"
            "</title>/enpproperty-->")
    html = page("<title>财长会议讨论扩大金融安全网</title>",
                f"<div class='content'><p>{P1.replace('5月3日', '')}</p><p>{P2}</p><p>{P3}</p>{prop}</div>")
    article = clean_bytes(html, "page.html")
    assert date_of(article) == ("2025-05-03", "html:paper-property")
    assert article.url == "http://paper.example.cn/nfb/202505/03/content_771.html"
    assert article.authors == ("林海",)


def _edition(chrome: str, after: str = "") -> str:
    return page("<title>财长会议讨论扩大金融安全网</title>",
                f"<div class='bar'><a href='/'>版面导航</a></div><div class='date'>{chrome}</div>"
                f"<h1>财长会议讨论扩大金融安全网</h1><div class='content'><p>{P1.replace('5月3日', '')}</p>"
                f"<p>{P2}</p><p>{P3}</p></div>{after}")


def test_the_issue_day_printed_above_the_article_dates_it(clean_bytes: Clean) -> None:
    assert date_of(clean_bytes(_edition("2025年05月03日"), "page.html")) == ("2025-05-03", "text:issue-date")
    assert date_of(clean_bytes(_edition("2025年05月03日 星期六"), "page.html")) == ("2025-05-03", "text:issue-date")


def test_two_different_day_lines_or_day_lines_after_the_article_state_no_issue_day(clean_bytes: Clean) -> None:
    two = clean_bytes(_edition("<p>2025年05月03日</p><p>2025年04月28日</p>"), "page.html").date
    assert two is None or two.rule != "text:issue-date"
    listed = clean_bytes(_edition("2025年05月03日", "<ul><li>2025年04月30日</li></ul>"), "page.html").date
    assert listed is None or listed.rule != "text:issue-date"



@pytest.mark.parametrize(("page_title", "expected"), [
    # A site name after a space only: the headline stands.
    ("财长会议讨论扩大金融安全网 亚洲观察网", ("财长会议讨论扩大金融安全网", "html-page:headline")),
    # More of the story after the space: the <title> is the whole headline.
    ("财长会议讨论扩大金融安全网 各方同意研究本币出资",
     ("财长会议讨论扩大金融安全网 各方同意研究本币出资", "html:title")),
])
def test_what_follows_the_headline_in_the_page_title_after_a_space(clean_bytes: Clean, page_title: str,
                                                                   expected: tuple[str, str]) -> None:
    html = page(f"<title>{page_title}</title>", f"<h1>财长会议讨论扩大金融安全网</h1><div class='content'>{BODY}</div>")
    assert title_of(clean_bytes(html, "page.html")) == expected
