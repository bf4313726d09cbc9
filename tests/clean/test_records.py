"""Feed items and crawler records: an RSS <item>, an Atom <entry> and a corpus dump's <doc> give their
title, date, address, author and body from their own fields, as a reader of the feed would see them.

Every item below is written for these tests (the facts are invented or public; the sentences are ours).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from generator.clean.records import is_record, read_record
from generator.model import Article

Clean = Callable[..., Article]

LEAD = "东盟与中日韩财长和央行行长会议5月3日在雅加达举行，讨论区域金融安全网的扩容问题。"
SECOND = "会议发表的联合声明说，各方同意把清迈倡议多边化的规模扩大，并研究以本币出资的可能。"
THIRD = "与会的一位经济学家认为，扩容能否落地，取决于各成员能否就出资比例达成一致。"

RSS_ITEM = f"""<item>
  <title><![CDATA[东盟与中日韩财长会议讨论扩大金融安全网]]></title>
  <link>https://news.example.org/world/2025/0503/12345.html</link>
  <guid isPermaLink="false">example-12345</guid>
  <pubDate>Sat, 03 May 2025 21:30:00 +0800</pubDate>
  <dc:creator><![CDATA[林海]]></dc:creator>
  <description><![CDATA[{LEAD}]]></description>
  <content:encoded><![CDATA[<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p>]]></content:encoded>
</item>
"""

RSS_FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>远东经济观察</title>
  <link>https://news.example.org/</link>
  <description>区域经济新闻</description>
  <lastBuildDate>Sun, 04 May 2025 08:00:00 +0800</lastBuildDate>
  {RSS_ITEM}
  <item><title>另一条新闻</title><link>https://news.example.org/world/2025/0504/2.html</link>
  <description>与上一条无关的另一条新闻的内容摘要。</description></item>
</channel>
</rss>
"""

ATOM_ENTRY = f"""<?xml version="1.0" encoding="utf-8"?>
<entry xmlns="http://www.w3.org/2005/Atom">
  <title type="html">东盟与中日韩财长会议讨论扩大金融安全网</title>
  <link rel="replies" href="https://blog.example.net/posts/asean-finance#comments"/>
  <link rel="alternate" href="https://blog.example.net/posts/asean-finance"/>
  <id>tag:blog.example.net,2025:post-88</id>
  <published>2025-05-03T22:10:00+08:00</published>
  <updated>2025-05-06T09:00:00+08:00</updated>
  <author><name>周南</name><email>zhou@example.net</email></author>
  <content type="html">&lt;p&gt;{LEAD}&lt;/p&gt;&lt;p&gt;{SECOND}&lt;/p&gt;</content>
</entry>
"""

CRAWLER_DOC = f"""<doc>
<url>http://news.example.com.cn/intl/20120607/1096822.html</url>
<docno>0a1b2c3d4e5f6789-0011223344556677</docno>
<contenttitle>东盟与中日韩财长会议讨论扩大金融安全网　多方表态支持</contenttitle>
<content>{LEAD}{SECOND}{THIRD}</content>
</doc>
"""


def test_feeds_and_records_are_told_from_pages() -> None:
    assert is_record(RSS_ITEM) and is_record(RSS_FEED) and is_record(ATOM_ENTRY) and is_record(CRAWLER_DOC)
    assert not is_record("<html><head><title>x</title></head><body><p>正文</p></body></html>")
    assert not is_record(f"<p>{LEAD}</p>")


def test_an_rss_item_gives_its_own_title_date_link_and_author(clean_bytes: Clean) -> None:
    article = clean_bytes(RSS_ITEM, "item.xml")
    assert article.title is not None and (article.title.value, article.title.rule) == (
        "东盟与中日韩财长会议讨论扩大金融安全网", "feed:title")
    assert article.date is not None and (article.date.value, article.date.rule) == ("2025-05-03", "feed:date")
    assert article.url == "https://news.example.org/world/2025/0503/12345.html"
    assert article.authors == ("林海",)


def test_an_rss_description_that_repeats_the_lead_is_not_read_twice(clean_bytes: Clean) -> None:
    article = clean_bytes(RSS_ITEM, "item.xml")
    assert article.body.count("雅加达举行") == 1
    assert THIRD in article.body


def test_the_first_item_of_a_feed_is_the_article_and_the_channel_names_the_feed(clean_bytes: Clean) -> None:
    article = clean_bytes(RSS_FEED, "feed.xml")
    assert article.title is not None and article.title.value == "东盟与中日韩财长会议讨论扩大金融安全网"
    assert article.date is not None and article.date.value == "2025-05-03"
    assert "另一条新闻" not in article.body and SECOND in article.body
    assert article.outlet is not None and article.outlet.value == "远东经济观察"


def test_an_atom_entry_gives_its_alternate_link_and_published_time_not_its_update(clean_bytes: Clean) -> None:
    article = clean_bytes(ATOM_ENTRY, "entry.xml")
    assert article.url == "https://blog.example.net/posts/asean-finance"
    assert article.date is not None and article.date.value == "2025-05-03"
    assert article.authors == ("周南",)
    assert SECOND in article.body and "&lt;" not in article.body


def test_a_crawler_record_gives_title_address_and_the_date_in_its_address(clean_bytes: Clean) -> None:
    article = clean_bytes(CRAWLER_DOC, "dump.dat")
    assert article.title is not None and article.title.value == "东盟与中日韩财长会议讨论扩大金融安全网　多方表态支持"
    assert article.url == "http://news.example.com.cn/intl/20120607/1096822.html"
    assert article.date is not None and (article.date.value, article.date.rule) == ("2012-06-07", "url")
    assert "docno" not in article.body and "0a1b2c3d4e5f6789" not in article.body
    assert THIRD in article.body


def test_an_rss_author_address_gives_the_name_in_brackets() -> None:
    record = read_record("<item><title>标题</title><author>desk@example.org (王明)</author>"
                         f"<description>{LEAD}</description></item>")
    assert record is not None and record[1]["author"] == "王明"


def test_a_record_without_a_date_has_none(clean_bytes: Clean) -> None:
    article = clean_bytes(f"<item><title>东盟财长会议讨论金融安全网</title><description>{SECOND}</description></item>",
                          "item.xml")
    assert article.date is None or article.date.inferred


def test_a_news_sitemap_entry_gives_its_publication_date() -> None:
    record = read_record("<url><loc>https://news.example.org/a/1.html</loc><news:news><news:publication_date>"
                         "2025-05-03T21:30:00+08:00</news:publication_date><news:title>财长会议讨论扩大金融安全网"
                         "</news:title></news:news></url>")
    assert record is None  # a sitemap <url> is a list entry, not an article record
    item = read_record("<item><title>财长会议讨论扩大金融安全网</title>"
                       f"<news:publication_date>2025-05-03</news:publication_date><description>{LEAD}</description></item>")
    assert item is not None and item[1]["date"] == "2025-05-03"


def test_a_wordpress_posts_row_gives_its_title_date_and_address(clean_bytes: Clean) -> None:
    sql = ("INSERT INTO `wp_posts` (`ID`, `post_author`, `post_date`, `post_date_gmt`, `post_content`, `post_title`, "
           "`post_modified`, `guid`) VALUES (12, 1, '2025-05-03 21:30:00', '2025-05-03 13:30:00', "
           f"'<p>{LEAD}</p><p>{SECOND}</p>', '财长会议讨论扩大金融安全网', '2025-06-01 08:00:00', "
           "'https://blog.example.net/?p=12');\n")
    article = clean_bytes(sql, "posts.sql")
    assert article.title is not None and (article.title.value, article.title.rule) == (
        "财长会议讨论扩大金融安全网", "api:title")
    assert article.date is not None and (article.date.value, article.date.rule) == ("2025-05-03", "api:date")
    assert article.url == "https://blog.example.net/?p=12"
    assert SECOND in article.body


def test_a_crawl_time_is_not_the_publication_date(clean_bytes: Clean) -> None:
    record = {"title": "财长会议讨论扩大金融安全网", "crawl_time": "2025-06-01 08:00:00",
              "content": f"<p>远东社雅加达5月3日电 {LEAD}</p><p>{SECOND}</p>"}
    article = clean_bytes(json.dumps(record, ensure_ascii=False), "record.json")
    assert article.date is not None and (article.date.value, article.date.rule) == ("2025-05-03", "text:dateline")


def test_a_record_whose_paragraphs_run_together_at_indents_reads_as_separate_paragraphs(clean_bytes: Clean) -> None:
    # Crawler dumps flatten a page's paragraphs into one line, keeping each one's ideographic indent;
    # a JSON record's text is split the same way (rule flat-paragraphs, shared by both readers).
    doc = CRAWLER_DOC.replace(f"{LEAD}{SECOND}{THIRD}", f"　　{LEAD}　　{SECOND}　　{THIRD}")
    article = clean_bytes(doc, "dump.dat")
    assert [block.text for block in article.body_blocks] == [LEAD, SECOND, THIRD]


def test_a_feed_item_with_only_inline_markup_reads_one_paragraph_a_line(clean_bytes: Clean) -> None:
    item = (f"<item><title>东盟财长会议讨论金融安全网</title><pubDate>Sat, 03 May 2025 21:30:00 +0800</pubDate>"
            f"<description><![CDATA[<strong>{LEAD}</strong>\n{SECOND}\n{THIRD}]]></description></item>")
    article = clean_bytes(item, "item.xml")
    assert [block.text for block in article.body_blocks] == [LEAD, SECOND, THIRD]
