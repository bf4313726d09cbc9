"""Title, date, outlet, authors and source type: each fallback chain, one link at a time.

A test puts two sources of one field on a small page and checks which wins (the date's precedence:
explicit publication time > a date in the URL > the dateline > the feed's timestamp > the latest
dated reference > the lead), then takes the winner away and checks the next one answers. Credits
(bylines, reporter credits, datelines) are tested on single lines.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from generator.clean.credits import byline, parse_dateline, split_names
from generator.clean.metadata import strip_site_suffix
from generator.model import Article, SourceType
from generator.textnorm import to_simplified

P1 = "欧盟成员国领导人在布鲁塞尔举行特别峰会，讨论加强欧洲防务和继续支持乌克兰的问题。"
P2 = "会议通过的声明说，欧盟将在未来四年内动员约8000亿欧元用于防务，并简化联合采购的程序。"
P3 = "分析人士认为，这一计划的落实仍取决于各成员国的财政状况和议会的支持。"

Clean = Callable[..., Article]


def date_of(article: Article) -> tuple[str, str] | None:
    return (article.date.value, article.date.rule) if article.date else None


def outlet_of(article: Article) -> tuple[str, str] | None:
    return (article.outlet.value, article.outlet.rule) if article.outlet else None


def feed_item(body: str, head: str = "", link: str = "https://www.example.com/a/1.html") -> str:
    """An RSS item as a feed reader saves it: an epoch comment (2025-03-01), a link line, markup."""
    return f"<!--1740802200000-->\n[峰会讨论防务计划]({link})\n------\n\n{head}{body}"


# --- date: which evidence wins ---------------------------------------------------------------------------


def test_an_explicit_publication_time_beats_every_other_date(clean_bytes: Clean) -> None:
    item = feed_item(f"<p>新华社巴黎3月9日电 {P1}</p><p>{P2}</p>",
                     "<time datetime='2025-03-10T08:00:00+08:00'>3月10日</time>",
                     link="https://www.example.com/2025/03/08/a.html")
    assert date_of(clean_bytes(item, "item.txt")) == ("2025-03-10", "html:time")


def test_a_date_in_the_url_beats_the_dateline(clean_bytes: Clean) -> None:
    item = feed_item(f"<p>新华社巴黎3月9日电 {P1}</p><p>{P2}</p>", link="https://www.example.com/2025/03/08/a.html")
    assert date_of(clean_bytes(item, "item.txt")) == ("2025-03-08", "url")


def test_the_dateline_beats_the_feed_timestamp_and_takes_its_year_from_it(clean_bytes: Clean) -> None:
    item = feed_item(f"<p>新华社巴黎2月28日电 {P1}</p><p>{P2}</p>")
    assert date_of(clean_bytes(item, "item.txt")) == ("2025-02-28", "text:dateline")


def test_the_feed_timestamp_beats_references_and_the_lead(clean_bytes: Clean) -> None:
    item = feed_item(f"<p>3月5日，{P1}</p><p>{P2}</p><p>参考资料</p><p>北约峰会宣言 新华网 2024-07-11</p>")
    assert date_of(clean_bytes(item, "item.txt")) == ("2025-03-01", "feed:timestamp")


def test_the_latest_reference_beats_the_lead_and_gives_a_month(clean_bytes: Clean) -> None:
    text = (f"峰会讨论防务计划\n\n3月5日，{P1}\n\n{P2}\n\n参考资料\n欧盟委员会声明 新华网 2025-03-04\n"
            "峰会结论 环球网 2025-03-06\n")
    assert date_of(clean_bytes(text)) == ("2025-03", "references:latest")


def test_the_lead_gives_the_month_when_nothing_else_does(clean_bytes: Clean) -> None:
    assert date_of(clean_bytes(f"2025年3月5日，{P1}\n\n{P2}\n")) == ("2025-03", "body:lead-date")


def test_a_month_in_the_lead_takes_the_year_the_body_speaks_from(clean_bytes: Clean) -> None:
    text = f"3月5日，{P1}\n\n{P2}早在2025年1月，欧盟就提出了相关设想。\n"
    assert date_of(clean_bytes(text)) == ("2025-03", "body:lead-month+context-year")


def test_timestamps_of_a_recommendation_list_are_never_the_date(clean_bytes: Clean) -> None:
    text = (f"峰会讨论防务计划\n\n3月5日，{P1}\n\n{P2}\n\n2025年3月6日起新规生效。\n\n相关推荐\n"
            "中超争冠悬念再起\n绿茵速递\n2026-01-16 19:22:29\n")
    article = clean_bytes(text)
    assert article.date is not None and not article.date.value.startswith("2026")


def test_the_header_time_of_a_self_media_post_is_its_date(clean_bytes: Clean) -> None:
    text = f"峰会讨论防务计划到底意味着什么\n\n观澜国际评论\n2025-03-07 09:41发布于北京\n\n{P1}\n\n{P2}\n"
    assert date_of(clean_bytes(text)) == ("2025-03-07", "text:meta-line")


def test_a_dateline_of_only_a_day_takes_month_and_year_from_a_roc_stamp(clean_bytes: Clean) -> None:
    text = f"標題在這裡說明事件\n\n（中央社台北10日電）{P1}\n\n{P2}\n\n（編輯：李淑華）1140910\n"
    assert date_of(clean_bytes(text)) == ("2025-09-10", "text:dateline")


def test_a_dateline_of_a_day_after_the_stamp_is_read_in_the_month_before(clean_bytes: Clean) -> None:
    text = f"標題在這裡說明事件\n\n（中央社台北30日電）{P1}\n\n{P2}\n\n（編輯：李淑華）1141001\n"
    assert date_of(clean_bytes(text)) == ("2025-09-30", "text:dateline")


def test_an_impossible_date_is_never_given(clean_bytes: Clean) -> None:
    article = clean_bytes(f"峰会讨论防务计划\n\n2025-13-45 10:00　来源：东岸新闻\n\n{P1}\n\n{P2}\n")
    assert article.date is None or article.date.value != "2025-13-45"


# --- title ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "expected"), [
    ("峰会讨论防务计划_国际_东岸新闻网", ("峰会讨论防务计划", "东岸新闻网")),
    ("峰会讨论防务计划 | 东岸新闻", ("峰会讨论防务计划", "东岸新闻")),
    ("峰会讨论防务计划 - BBC News 中文", ("峰会讨论防务计划", "BBC News 中文")),
    ("科学与健康|呵护托举“最柔软群体”", ("科学与健康|呵护托举“最柔软群体”", None)),
    ("中美经贸磋商—第二轮", ("中美经贸磋商—第二轮", None)),
])
def test_the_site_name_is_cut_off_a_page_title_and_a_real_title_is_left_whole(
        title: str, expected: tuple[str, str | None]) -> None:
    assert strip_site_suffix(title) == expected


def test_a_title_found_nowhere_is_derived_and_marked_so(clean_bytes: Clean) -> None:
    article = clean_bytes(f"{P1}\n\n{P2}\n")
    assert article.title is not None and article.title.inferred and article.title.rule == "derived:first-sentence"


def test_a_derived_title_skips_the_dateline_and_the_time_clause(clean_bytes: Clean) -> None:
    html = (f"<p>新华社海牙6月25日电 当地时间6月25日，为期两天的北约峰会在荷兰海牙闭幕。{P2}</p><p>{P3}</p>")
    article = clean_bytes(html, "item.html")
    assert article.title is not None and article.title.value == "为期两天的北约峰会在荷兰海牙闭幕"


def test_a_heading_set_over_several_lines_takes_the_whole_page_title(clean_bytes: Clean) -> None:
    html = ("<html><head><title>全国人大常委会关于批准发行特别国债的决议_国务院公报_中国政府网</title></head><body>"
            "<div class='c'><p><strong>全国人大常委会<br>关于批准发行特别国债的决议</strong></p>"
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>")
    article = clean_bytes(html, "page.html")
    assert article.title is not None and (article.title.value, article.title.rule) == (
        "全国人大常委会关于批准发行特别国债的决议", "html:title")


# --- outlet -----------------------------------------------------------------------------------------------


def test_a_known_host_names_the_outlet_when_the_page_does_not(clean_bytes: Clean) -> None:
    article = clean_bytes(feed_item(f"<p>{P1}</p><p>{P2}</p>", link="https://www.news.cn/world/20250305/a.html"),
                          "item.txt")
    assert outlet_of(article) == ("新华社", "url-host")
    assert article.source_type is SourceType.STATE_MEDIA


def test_a_platform_breadcrumb_names_the_platform(clean_bytes: Clean) -> None:
    text = f"网易首页 > 网易号 > 正文 申请入驻\n\n峰会讨论防务计划\n\n{P1}\n\n{P2}\n"
    article = clean_bytes(text)
    assert outlet_of(article) == ("网易号", "breadcrumb-platform")
    assert article.source_type is SourceType.SELF_MEDIA


def test_a_platform_notice_makes_a_post_self_media(clean_bytes: Clean) -> None:
    text = (f"峰会讨论防务计划\n\n{P1}\n\n{P2}\n\n特别声明：以上内容为自媒体平台“百家号”用户上传并发布，"
            "本平台仅提供信息存储服务。\n")
    article = clean_bytes(text)
    assert outlet_of(article) == ("百家号", "platform-notice")
    assert article.source_type is SourceType.SELF_MEDIA


def test_user_upload_wording_alone_makes_a_post_self_media(clean_bytes: Clean) -> None:
    text = f"峰会讨论防务计划\n\n{P1}\n\n{P2}\n\n以上内容由用户上传并发布，本站仅提供信息存储服务。\n"
    assert clean_bytes(text).source_type is SourceType.SELF_MEDIA


def test_a_translator_line_names_the_outlet(clean_bytes: Clean) -> None:
    html = f"<p>{P1}</p><p>{P2}</p><footer><p>翻译：纽约时报中文网</p><p>点击查看本文英文版。</p></footer>"
    assert outlet_of(clean_bytes(html, "item.html")) == ("纽约时报中文网", "translator-line")


def test_a_dateline_names_the_agency_as_written(clean_bytes: Clean) -> None:
    article = clean_bytes(f"峰会讨论防务计划\n\n中新社北京3月5日电 {P1}\n\n{P2}\n")
    assert outlet_of(article) == ("中新社", "text:dateline")
    assert article.source_type is SourceType.STATE_MEDIA


def test_a_source_line_names_the_outlet(clean_bytes: Clean) -> None:
    article = clean_bytes(f"峰会讨论防务计划\n\n2025-03-05 08:00　来源：东岸新闻\n\n{P1}\n\n{P2}\n")
    assert outlet_of(article) == ("东岸新闻", "text:meta-line")
    assert article.source_type is SourceType.NEWSROOM


def test_an_app_promotion_names_the_outlet(clean_bytes: Clean) -> None:
    html = f"<p>{P1}</p><p>{P2}</p><p>本文来自海川新闻客户端，下载APP阅读更多</p>"
    assert outlet_of(clean_bytes(html, "item.html")) == ("海川新闻", "text:app-promotion")


def test_a_traditional_outlet_name_keeps_its_script_and_its_badge(clean_bytes: Clean) -> None:
    article = clean_bytes(f"標題在這裡說明事件\n\n【明報專訊】{P1}\n\n{P2}\n")
    assert article.outlet is not None and article.outlet.value == "明報"
    assert article.source_type is SourceType.NEWSROOM


def test_an_outlet_from_front_matter_gets_its_badge(clean_bytes: Clean) -> None:
    article = clean_bytes(f"---\noutlet: 新华社\n---\n\n{P1}\n\n{P2}\n", "note.md")
    assert article.outlet is not None and article.outlet.rule == "front-matter"
    assert article.source_type is SourceType.STATE_MEDIA


def test_a_more_specific_host_wins(clean_bytes: Clean) -> None:
    article = clean_bytes(feed_item(f"<p>{P1}</p><p>{P2}</p>", link="https://k.sina.com.cn/article_1.html"), "i.txt")
    assert outlet_of(article) == ("新浪看点", "url-host")


def test_a_placeholder_source_names_no_outlet(clean_bytes: Clean) -> None:
    article = clean_bytes(f"峰会讨论防务计划\n\n2025-03-05 08:00　来源：网络\n\n{P1}\n\n{P2}\n")
    assert article.outlet is None


def test_without_any_sign_there_is_no_outlet(clean_bytes: Clean) -> None:
    article = clean_bytes(f"{P1}\n\n{P2}\n")
    assert article.outlet is None and article.source_type is SourceType.UNKNOWN


# --- authors ----------------------------------------------------------------------------------------------


def test_a_byline_in_the_header_names_the_author(clean_bytes: Clean) -> None:
    article = clean_bytes(f"峰会讨论防务计划\n\n2025-03-05 08:00　来源：东岸新闻　作者：林晓舟\n\n{P1}\n\n{P2}\n")
    assert article.authors == ("林晓舟",)


def test_reporters_in_a_dateline_are_the_authors(clean_bytes: Clean) -> None:
    article = clean_bytes(f"峰会讨论防务计划\n\n新华社布鲁塞尔3月5日电（记者 康逸 任珂）{P1}\n\n{P2}\n")
    assert article.authors == ("康逸", "任珂")


def test_address_and_meta_author_are_read_from_markup(clean_bytes: Clean) -> None:
    html = f"<address>DAVID PIERSON, PAUL SONNE</address><p>{P1}</p><p>{P2}</p>"
    assert clean_bytes(html, "item.html").authors == ("David Pierson", "Paul Sonne")
    page = (f"<html><head><meta name='author' content='孟繁星'></head><body><article><p>{P1}</p><p>{P2}</p>"
            f"<p>{P3}</p></article></body></html>")
    assert clean_bytes(page, "page.html").authors == ("孟繁星",)


def test_editors_are_never_authors(clean_bytes: Clean) -> None:
    text = f"峰会讨论防务计划\n\n{P1}\n\n{P2}\n\n（责任编辑：宋雨）\n\n校对 | 周舟\n"
    assert clean_bytes(text).authors == ()


def test_a_translator_named_as_a_person_is_credited_with_the_writer(clean_bytes: Clean) -> None:
    # The devset's convention: whoever wrote the Chinese text is an author, translators included.
    text = f"峰会讨论防务计划\n\n2025-03-05 08:00　作者：林晓舟\n\n{P1}\n\n{P2}\n\n翻译：王小明\n\n校对 | 周舟\n"
    assert clean_bytes(text).authors == ("林晓舟", "王小明")


def test_a_byline_after_the_body_names_the_author(clean_bytes: Clean) -> None:
    text = f"峰会讨论防务计划\n\n{P1}\n\n{P2}\n\nEND\n\n作者 | 林墨\n编辑 | 周舟\n"
    assert clean_bytes(text).authors == ("林墨",)


def test_the_self_media_account_is_the_author_when_no_one_signs(clean_bytes: Clean) -> None:
    text = (f"网易首页 > 网易号 > 正文 申请入驻\n\n峰会讨论防务计划\n\n{P1}\n\n{P2}\n\n相关推荐\n"
            "中超争冠悬念再起\n寰宇瞭望台 incentive-icons\n寰宇瞭望台\n每天五分钟，看懂国际大事\n"
            "415文章数 1203关注度\n")
    assert clean_bytes(text).authors == ("寰宇瞭望台",)


def test_a_site_or_outlet_in_the_author_field_is_not_an_author(clean_bytes: Clean) -> None:
    page = (f"<html><head><meta name='author' content='网易'><meta name='author' content='x'></head><body><article>"
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>")
    assert clean_bytes(page, "page.html").authors == ()
    text = f"峰会讨论防务计划\n\n2025-03-05 08:00　作者：未知　责任编辑：棒棒\n\n{P1}\n\n{P2}\n"
    assert clean_bytes(text).authors == ()


def test_a_reporter_mentioned_in_the_story_is_not_its_author(clean_bytes: Clean) -> None:
    text = f"峰会讨论防务计划\n\n{P1}管理局负责人在记者会上表示，计划将分阶段实施。\n\n{P2}\n"
    article = clean_bytes(text)
    assert article.authors == () and article.outlet is None


# --- credits, line by line ----------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "agency", "reporters", "place", "month", "day"), [
    ("新华社明斯克1月27日电（记者 赵文博）白俄罗斯", "新华社", ("赵文博",), "明斯克", 1, 27),
    ("新华社巴黎12月9日电 法国总统", "新华社", (), "巴黎", 12, 9),
    ("（中央社記者林書豪台北9日電）國軍", "中央社", ("林書豪",), "台北", None, 9),
    ("中央社台北10日電）外交部", "中央社", (), "台北", None, 10),
    ("本报北京3月5日电 （记者 张三） 今天", "本报", ("张三",), "北京", 3, 5),
    ("据新华社莫斯科5月9日电 俄罗斯", "新华社", (), "莫斯科", 5, 9),
])
def test_datelines(line: str, agency: str, reporters: tuple[str, ...], place: str, month: int | None,
                   day: int) -> None:
    found = parse_dateline(to_simplified(line), line)
    assert found is not None
    assert (found.agency, found.reporters, found.place, found.month, found.day) == (
        agency, reporters, to_simplified(place), month, day)


@pytest.mark.parametrize("line", ["俄罗斯9日在首都莫斯科红场举行阅兵式", "据美国有线电视新闻网10日报道，谈判仍在继续",
                                  "美国总统特朗普4月2日在白宫宣布"])
def test_sentences_that_are_not_datelines(line: str) -> None:
    assert parse_dateline(to_simplified(line), line) is None


@pytest.mark.parametrize(("line", "outlet", "names"), [
    ("作者：顾远帆", None, ["顾远帆"]),
    ("2025-02-25 08:05　来源：环球纵览　作者：顾远帆", None, ["顾远帆"]),
    ("【星島日報報道】記者 何嘉欣", "星島日報", ["何嘉欣"]),
    ("明報記者 陳嘉敏、梁浩文", "明報", ["陳嘉敏", "梁浩文"]),
    ("海川新闻记者 苏梦 综合报道", "海川新闻", ["苏梦"]),
    ("文/观察者网 王世纯", "观察者网", ["王世纯"]),
    ("【环球网报道 记者 张三】", "环球网", ["张三"]),
    ("作者 | 林墨", None, ["林墨"]),
    ("〔記者林書豪／台北報導〕", None, ["林書豪"]),
    ("2025-03-05 14:32 聯合報／ 記者林家宇／台北即時報導", "聯合報", ["林家宇"]),
    ("執筆/叨叨姐、胡一刀&李小飞刀", None, ["叨叨姐", "胡一刀", "李小飞刀"]),
])
def test_bylines(line: str, outlet: str | None, names: list[str]) -> None:
    assert byline(to_simplified(line), line) == (outlet, names)


@pytest.mark.parametrize("line", ["编辑 | 周舟", "【责任编辑：李明轩】", "翻译：纽约时报中文网", "他在记者会上表示"])
def test_lines_that_credit_no_author(line: str) -> None:
    found = byline(to_simplified(line), line)
    assert found is None or found[1] == []


def test_names_are_split_and_credit_words_dropped() -> None:
    assert split_names("记者 刘一鸣 张思远 综合报道") == ["刘一鸣", "张思远"]
    assert split_names("By JAMES HOLLOWAY and ELENA MARKOVA") == ["James Holloway", "Elena Markova"]
