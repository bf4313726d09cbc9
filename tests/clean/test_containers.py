"""Containers: records holding the article among others (JSON arrays assigned in a script, SQL
dumps with several rows), a crawler's dump of page blocks, and credits run into a paragraph's end.
Only the article's record may reach the body. Fixtures are our own writing."""

from __future__ import annotations

import json
from collections.abc import Callable

from generator.clean.candidates import Candidate, split_run_in_credits
from generator.clean.containers import is_block_dump
from generator.ingest import detect_form
from generator.model import Article, BlockKind, SourceForm

P1 = "南风市政府周二宣布，将在未来三年投入五十亿元改造老城区的供水管网，首批工程下月开工。"
P2 = "市水务局表示，改造完成后，老城区的管网漏损率有望从两成降至一成以内，每年节水约八百万吨。"
P3 = "部分居民担心施工影响出行，市政府承诺每段工程的封路时间不超过两周，并提前一周公告。"


def test_a_script_assigning_records_yields_only_the_article(clean_bytes: Callable[..., Article]) -> None:
    records = [{"id": "a1", "title": "新增讯息", "content": f"测试内文<br>{P1}<br><br>{P2}<br>{P3}",
                "urls": ["链接测试|||https://example.com/x"]},
               {"id": "a2", "title": "测试讯息", "content": "qwertyasdf", "urls": []},
               {"id": "a3", "title": "编辑讯息", "content": "这是内文123456", "urls": ["yt|||https://example.com/"]}]
    script = f"\n  const news = {json.dumps(records, ensure_ascii=False, indent=2)};\n  window.news = news;\n"
    assert detect_form(script, ".js") is SourceForm.DATA_RECORD
    article = clean_bytes(script, "news.js")
    assert P1 in article.body and P3 in article.body
    for leak in ("qwertyasdf", "123456", "链接测试", "example.com", '"id"', "window.news"):
        assert leak not in article.body


def test_of_several_sql_rows_only_the_article_reaches_the_body(clean_bytes: Callable[..., Article]) -> None:
    dump = ("INSERT INTO `news` (`id`, `title`, `content`) VALUES "
            "(1, '测试', '<p>test test</p>'), "
            f"(2, '老城区供水管网改造', '<p>{P1}</p><p>{P2}</p><p>{P3}</p>'), "
            "(3, '另一条', '<p>隔壁县举办了桃花节，游客人数创新高。</p>');")
    article = clean_bytes(dump, "dump.sql")
    assert P1 in article.body and P3 in article.body
    assert "test test" not in article.body and "桃花节" not in article.body


BLOCK_DUMP = "\n".join([
    "内容================================首页 新闻 体育 财经 娱乐 科技 博客 图片 专栏 更多",
    "类================================top-nav",
    "内容================================分享 2025年06月03日08:10 南风日报",
    "类================================page-info",
    "内容================================视频加载中，请稍候... 自动播放 play 管网施工现场 　　"
    f"{P1} 　　{P2} 　　{P3} 编辑：林一 文章关键词： 供水 管网 我要反馈 保存网页 相关阅读 "
    "桃花节开幕 夜市延长营业 高铁新站开工 公交线路调整 暴雨预警解除 图书馆夜间开放",
    "类================================article",
    "内容================================关于我们┊广告服务┊联系我们 Copyright 1999-2025 南风日报 版权所有",
    "类================================page-footer",
    "内容================================桃花节开幕 夜市延长营业 高铁新站开工",
    "类================================hot-list",
])


def test_a_crawler_block_dump_is_read_as_a_page_of_blocks(clean_bytes: Callable[..., Article]) -> None:
    assert is_block_dump(BLOCK_DUMP) and detect_form(BLOCK_DUMP, ".txt") is SourceForm.DATA_RECORD
    article = clean_bytes(BLOCK_DUMP, "dump.txt")
    assert [p for p in article.body.split("\n\n")] == [P1, P2, P3]
    for leak in ("=====", "Copyright", "编辑：林一", "桃花节", "视频加载中", "top-nav"):
        assert leak not in article.body


def test_text_with_a_few_equals_rules_is_no_block_dump() -> None:
    text = f"{P1}\n\n==========\n\n{P2}\n\n结果=========好\n\n{P3}"
    assert not is_block_dump(text)


def test_a_credit_run_into_the_last_paragraph_is_split_off(clean_bytes: Callable[..., Article]) -> None:
    pieces = split_run_in_credits([Candidate(f"{P3}（譯者：林一/核稿：陳二）1140309")])
    assert [c.text for c in pieces] == [P3, "（譯者：林一/核稿：陳二）1140309"]
    article = clean_bytes(f"<p>{P1}</p><p>{P2}</p><p>{P3}（编辑：林一）1140603</p>", "item.html")
    assert article.body.endswith(P3)


def test_brackets_that_close_a_sentence_are_not_a_credit() -> None:
    text = f"{P3}（详见附表）"
    assert [c.text for c in split_run_in_credits([Candidate(text)])] == [text]


def test_a_search_record_with_hit_highlighting_and_indents_becomes_paragraphs(
        clean_bytes: Callable[..., Article]) -> None:
    record = {"title": "南风市改造<em>供水</em>管网", "displayTime": 1748908800000,
              "content": "\u3000\u3000".join(["", P1.replace("供水", "<em>供水</em>"), P2, P3, ""])}
    article = clean_bytes(json.dumps(record, ensure_ascii=False), "hit.json")
    assert article.body.split("\n\n") == [P1, P2, P3]


def test_a_paragraph_all_in_bold_is_a_sub_head(clean_bytes: Callable[..., Article]) -> None:
    page = (f"<html><body><h1>南风市改造供水管网</h1><div class='content'><p><strong>三年投入五十亿</strong></p>"
            f"<p>{P1}</p><p><strong>漏损率将降至一成</strong></p><p>{P2}</p><p>{P3}</p>"
            "<p><strong>他说：</strong>这是民生工程。</p></div></body></html>")
    article = clean_bytes(page, "page.html")
    headings = [b.text for b in article.blocks if b.kind is BlockKind.HEADING and b.kept]
    assert "三年投入五十亿" in headings and "漏损率将降至一成" in headings
    assert "三年投入五十亿" in article.body and "他说：这是民生工程。" not in headings


def test_a_page_our_reader_keeps_nothing_of_falls_back_to_trafilatura(clean_bytes: Callable[..., Article]) -> None:
    page = (f"<html><head><title>南风市改造供水管网</title></head><body><nav>首页 国际 财经</nav>"
            f"<div class='promo-text'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div><footer>版权所有</footer></body></html>")
    article = clean_bytes(page, "page.html")
    assert P1 in article.body and P3 in article.body and "版权所有" not in article.body
    assert any(b.rule == "html-ad" and not b.kept for b in article.blocks if b.text == P1)  # still explained
    assert any(b.rule == "reader-fallback" for b in article.blocks if b.text == P1)


def test_a_page_our_reader_reads_does_not_fall_back(clean_bytes: Callable[..., Article]) -> None:
    page = f"<html><body><nav>首页 国际 财经</nav><article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"
    article = clean_bytes(page, "page.html")
    assert P1 in article.body and not any(b.rule == "reader-fallback" for b in article.blocks)


def test_an_api_body_of_typed_blocks_keeps_its_text_in_order(clean_bytes: Callable[..., Article]) -> None:
    record = {"code": 0, "data": {
        "title": "南风市改造供水管网", "publishTime": "2025-06-03 08:10", "source": "南风日报",
        "blocks": [
            {"type": "text", "text": P1},
            {"type": "image", "url": "https://img.example/1.jpg", "caption": "老城区一处供水管网施工现场"},
            {"type": "heading", "text": "漏损率将降至一成"},
            {"type": "text", "text": P2},
            {"type": "text", "text": P3},
            {"type": "related", "links": [{"title": "隔壁县举办桃花节", "url": "https://example.com/1"},
                                          {"title": "夜市延长营业时间", "url": "https://example.com/2"}]},
        ]}}
    article = clean_bytes(json.dumps(record, ensure_ascii=False), "api.json")
    assert article.body.split("\n\n") == [P1, "漏损率将降至一成", P2, P3]
    assert "老城区一处供水管网施工现场" in article.captions
    assert article.title is not None and article.title.value == "南风市改造供水管网"
