"""Text scrapes and Markdown notes: what an analyst gets from a page copied as text.

Each fixture under tests/fixtures/*/ is a specification, its EXPECTED.yaml entry: these sentences
kept, this noise gone, title, date, outlet and authors as given. Below it, the same promises for
the page shapes we meet — portal pages, self-media posts and reposts, WeChat copies, Hong Kong and
Taiwan pages, wire copy, hard-wrapped text, paged stories, analyst notes — on small texts written
for each test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.clean.text import display_width, read_text, wrap_width
from generator.dates import DateValue
from generator.model import Article, BlockKind, SourceType

BODY_1 = "当地时间3月4日，欧盟成员国领导人在布鲁塞尔举行特别峰会，讨论加强欧洲防务和继续支持乌克兰的问题。"
BODY_2 = "会议通过的声明说，欧盟将在未来四年内动员约8000亿欧元用于防务，并简化联合采购的程序。"
BODY_3 = "分析人士认为，这一计划的落实仍取决于各成员国的财政状况和议会的支持。"


def body_of(article: Article) -> str:
    return article.body


def kept(article: Article, text: str) -> bool:
    return text in article.body


def rule_of(article: Article, text: str) -> str:
    return next(b.rule for b in article.blocks if b.text == text)


def test_fixture_meets_its_expectations(text_case: tuple[Path, dict[str, Any]],
                                        meets_expectations: Callable[..., None]) -> None:
    meets_expectations(*text_case)


# --- lines and paragraphs ----------------------------------------------------------------------------


def hard_wrap(text: str, columns: int, keep_words: bool = False) -> list[str]:
    """Wrap as a terminal or mail client does: by display width, a wide character that does not fit
    moving down whole; with `keep_words`, a Latin word too (and the space before it is dropped)."""
    lines, line = [], ""
    for unit in re.findall(r"[A-Za-z]+ ?|." if keep_words else r".", text):
        if display_width(line + unit.rstrip()) > columns:
            lines.append(line.rstrip())
            line = ""
        line += unit
    return [*lines, line] if line else lines


WRAPPED_1 = ("据俄罗斯北方海航道管理局6月17日发布的消息，今年北方海航道的夏季通航季比往年提前约两周开启，"
             "首批冰级集装箱船已从摩尔曼斯克港出发，预计7月上旬抵达白令海峡。")
WRAPPED_2 = ("管理局负责人在记者会上表示，2024年经北方海航道运输的货物总量约为3790万吨，其中过境运输量创下历史新高，"
             "今年的目标是突破4000万吨。他说，气候变化让航道的窗口期越来越长，但安全保障仍是第一要务。")


def test_a_paragraph_hard_wrapped_across_lines_is_one_block() -> None:
    text = "\n".join(["北极航道通航季提前开启", "", *hard_wrap(WRAPPED_1, 60), "", *hard_wrap(WRAPPED_2, 60)])
    assert [c.text for c in read_text(text)] == ["北极航道通航季提前开启", WRAPPED_1, WRAPPED_2]


def test_a_number_broken_by_the_wrap_is_joined_without_a_space() -> None:
    lines = hard_wrap(WRAPPED_2, 60)
    assert lines[1].endswith("40") and lines[2].startswith("00万吨")  # the wrap cut the number
    assert "突破4000万吨" in read_text("\n".join([*hard_wrap(WRAPPED_1, 60), "", *lines]))[1].text


def test_a_latin_word_moved_down_by_the_wrap_gets_its_space_back() -> None:
    paragraph = WRAPPED_1 + ("白宫证实，特朗普当天下午在白宫椭圆形办公室通过电话同乌克兰总统泽连斯基Volodymyr Zelensky"
                             "通电话，双方同意尽快举行会晤。")
    lines = hard_wrap(paragraph, 60, keep_words=True)
    assert lines[3].endswith("Volodymyr") and lines[4].startswith("Zelensky")  # the word moved down whole
    assert [c.text for c in read_text("\n".join(lines))] == [paragraph]


def test_an_indented_line_opens_a_new_paragraph_even_in_a_wrapped_file() -> None:
    text = "\n".join(["北极航道通航季提前开启", *hard_wrap("\u3000\u3000" + WRAPPED_1, 60),
                     *hard_wrap("\u3000\u3000" + WRAPPED_2, 60)])
    assert [c.text for c in read_text(text)] == ["北极航道通航季提前开启", WRAPPED_1, WRAPPED_2]


def test_a_headline_directly_above_the_body_stays_a_line_of_its_own() -> None:
    text = "欧盟提出重新武装欧洲计划，拟在四年内动员八千亿欧元资金\n" + BODY_1 + "\n" + BODY_2
    assert read_text(text)[0].text == "欧盟提出重新武装欧洲计划，拟在四年内动员八千亿欧元资金"


def test_a_meta_line_is_not_joined_to_the_tools_line_below_it() -> None:
    text = "2024-09-29 08:46:12　来源：海外视点网　作者：顾远帆\n字号：大 中 小　　打印本页　　关闭窗口\n"
    assert [c.text for c in read_text(text)] == ["2024-09-29 08:46:12\u3000来源：海外视点网\u3000作者：顾远帆",
                                                 "字号：大 中 小\u3000打印本页\u3000关闭窗口"]


def test_a_list_of_headlines_of_similar_length_is_not_taken_for_wrapped_text() -> None:
    lines = ["大公報再發文批長和　港澳辦全文轉載政府表示關注此事進展",
             "巴拿馬總統：港口買賣屬私人企業事宜政府不會干預交易過程",
             "長和售港口　李家超：須符合法律法規並維護國家安全利益啊"]
    assert wrap_width(lines) is None
    assert len(read_text("\n".join(lines))) == 3


def test_spaces_that_separate_things_stay_and_ideographic_spaces_stay_ideographic(
        clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes("國際調解院公約在港簽署　33國成為創始成員國\n\n" + BODY_1 + "\n\n" + BODY_2)
    assert article.title is not None and article.title.value == "國際調解院公約在港簽署\u300033國成為創始成員國"


# --- page shapes ---------------------------------------------------------------------------------------


PORTAL_PAGE = f"""首页 | 国际 | 军事 | 财经 | 评论 | 视频
当前位置：首页 > 国际 > 正文

欧盟特别峰会讨论防务计划

2025-03-06 21:40:05　来源：东岸新闻网　作者：林晓舟
字号：大 中 小　　打印本页　　关闭窗口

{BODY_1}

{BODY_2}

{BODY_3}

（编辑：宋雨）

标签：欧盟　防务
上一篇：德国联邦议院通过修宪案
下一篇：北约秘书长访问华盛顿

相关新闻
· 德国放宽债务刹车
· 法国提出核保护伞设想

网友评论
请遵守互联网相关法律法规
发表评论　查看所有评论

关于我们 | 联系方式 | 广告服务 | 网站地图
Copyright © 2003-2025 东岸新闻网 版权所有
"""


def test_a_portal_page_keeps_the_story_and_drops_its_chrome(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(PORTAL_PAGE)
    assert article.body == "\n\n".join([BODY_1, BODY_2, BODY_3])
    assert article.title is not None and article.title.value == "欧盟特别峰会讨论防务计划"
    assert article.date is not None and (article.date.value, article.date.rule) == ("2025-03-06", "text:meta-line")
    assert article.outlet is not None and article.outlet.value == "东岸新闻网"
    assert article.authors == ("林晓舟",)
    assert rule_of(article, "上一篇：德国联邦议院通过修宪案") == "prev-next-links"
    assert rule_of(article, "字号：大 中 小\u3000打印本页\u3000关闭窗口") == "page-tools"
    assert rule_of(article, "首页 | 国际 | 军事 | 财经 | 评论 | 视频") == "menu-line"


SELF_MEDIA_REPOST = f"""新浪首页 > 新浪看点 > 国际 > 正文
登录 | 注册 | 新浪看点APP

欧盟特别峰会：八千亿欧元从哪里来

观澜国际评论
2025年03月07日 09:26
关注

{BODY_1}

{BODY_2}

声明：本文由入驻新浪看点平台的作者撰写，除新浪官方账号外，观点仅代表作者本人，不代表新浪立场。

举报
评论 12
点赞 57

猜你喜欢

这支中超球队宣布换帅，新主帅曾带队拿过亚冠
足坛观察室
2025-03-08 10:12

新浪首页 | 新闻 | 体育 | 娱乐 | 财经 | 科技
客户服务热线：400-000-0000 违法和不良信息举报电话：400-000-0000
Copyright © 1996-2025 SINA Corporation, All Rights Reserved
新浪公司 版权所有
"""


def test_a_self_media_repost_is_credited_to_its_platform_and_account(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(SELF_MEDIA_REPOST)
    assert article.body == "\n\n".join([BODY_1, BODY_2])
    assert article.outlet is not None and article.outlet.value == "新浪看点"
    assert article.source_type is SourceType.SELF_MEDIA
    assert article.authors == ("观澜国际评论",)
    assert article.date is not None and article.date.value == "2025-03-07"  # not the list's 2025-03-08


WECHAT_COPY = f"""欧盟防务计划背后：三种截然不同的读法

原创 林墨 欧亚观察笔记 2025年3月8日 07:58 上海

{BODY_1}

{BODY_2}

END

作者 | 林墨
编辑 | 周舟

往期推荐

北约东翼国家为何率先加码军费

点个“在看”，让更多人看到
阅读原文
阅读 1.2万
微信扫一扫
关注该公众号
继续滑动看下一个
轻触阅读原文
欧亚观察笔记
向上滑动看下一个
知道了
微信扫一扫
使用小程序
取消
允许
视频 小程序 赞，轻点两下取消赞 在看，轻点两下取消在看 分享 留言 收藏 听过
"""


def test_a_wechat_copy_drops_the_viewer_strings_and_credits_the_writer(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(WECHAT_COPY)
    assert article.body == "\n\n".join([BODY_1, BODY_2])
    assert article.outlet is not None and article.outlet.value == "微信公众号"
    assert article.source_type is SourceType.SELF_MEDIA
    assert article.authors == ("林墨",)
    assert article.date is not None and article.date.value == "2025-03-08"
    assert rule_of(article, "继续滑动看下一个") == "app-ui"
    assert rule_of(article, "END") == "end-marker"


HONG_KONG_PAGE = """明報新聞網 > 每日明報 > 要聞
2025年3月29日星期六

長和港口交易添變數　市監總局表明依法審查

分享：Facebook　WhatsApp　電郵　列印

明報記者 陳嘉敏、梁浩文

【明報專訊】長江和記實業本月初宣布把旗下大部分海外港口業務出售予美國財團，交易至今仍未簽署正式文件，昨日再添變數。

這是內地監管部門首次就事件正式表態。市場人士普遍認為，原定4月初簽署的協議能否如期落實，如今已難以預料。

相關新聞：
大公報再發文批長和　港澳辦全文轉載
巴拿馬總統：港口買賣屬私人企業事宜

上一篇：財政預算案辯論　議員關注赤字

熱門文章
1. 天文台：下周初氣溫回升　天氣轉潮濕

© 明報新聞網 版權所有 不得轉載
"""


def test_a_traditional_chinese_page_is_read_with_the_same_rules(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(HONG_KONG_PAGE)
    assert article.body.startswith("【明報專訊】長江和記實業本月初宣布")
    assert article.body.endswith("如今已難以預料。")
    assert article.title is not None and article.title.value == "長和港口交易添變數\u3000市監總局表明依法審查"
    assert article.date is not None and article.date.value == "2025-03-29"
    assert article.outlet is not None and article.outlet.value == "明報"  # as the page spells it
    assert article.authors == ("陳嘉敏", "梁浩文")
    assert article.language == "zh-Hant"
    assert rule_of(article, "分享：Facebook\u3000WhatsApp\u3000電郵\u3000列印") == "share-bar"


TAIWAN_PAGE = """中國海警船再闖金門限制水域　海巡全程監控

2025/03/05 14:32

〔記者林家宇／金門報導〕中國海警船今天（5日）再度駛入金門限制水域，海巡署派艦全程監控並廣播驅離，這是本月第三次。

海巡署表示，海警船在限制水域停留約兩小時後駛離，過程中未發生衝突，海巡將持續嚴密監控周邊動態。

不用抽 不用搶 現在用APP看新聞 保證天天中獎 點我下載APP

相關新聞
海巡署：兩岸海上救援機制運作正常
"""


def test_a_taiwanese_page_credits_its_reporter_and_drops_its_promotions(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(TAIWAN_PAGE)
    assert article.body.startswith("〔記者林家宇／金門報導〕中國海警船今天（5日）再度駛入金門限制水域")
    assert article.body.endswith("海巡將持續嚴密監控周邊動態。")
    assert article.date is not None and article.date.value == "2025-03-05"
    assert article.authors == ("林家宇",)
    assert "下載APP" not in article.body and "兩岸海上救援" not in article.body


WIRE_STORY = f"""红场阅兵纪念卫国战争胜利80周年 多国领导人出席

2025-05-09 21:36:18　来源：新华网

新华社莫斯科5月9日电（记者 刘一鸣 张思远）{BODY_1}

{BODY_2}

【纠错】　【责任编辑：王静怡】

本文来源：新华网
"""


def test_a_wire_story_credits_its_reporters_not_its_editor(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(WIRE_STORY)
    assert article.authors == ("刘一鸣", "张思远")
    # The 来源 line is the page's credit (the devset's convention): it names the outlet before the dateline.
    assert article.outlet is not None and (article.outlet.value, article.outlet.rule) == ("新华网", "text:meta-line")
    assert article.source_type is SourceType.STATE_MEDIA
    assert "王静怡" not in article.body
    assert rule_of(article, "【纠错】\u3000【责任编辑：王静怡】") == "editor-line"
    assert rule_of(article, "本文来源：新华网") == "source-line"


def test_a_paged_story_says_which_page_it_is(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(f"标题在这里\n\n{BODY_1}\n\n{BODY_2}\n\n第2页/共3页\n\n上一页 1 2 3 下一页\n")
    assert article.page == (2, 3)
    assert "第2页" not in article.body


def test_page_links_without_a_previous_link_make_this_page_one(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(f"标题在这里\n\n{BODY_1}\n\n{BODY_2}\n\n1 2 3 4 下一页 尾页\n")
    assert article.page == (1, 4)
    assert rule_of(article, "1 2 3 4 下一页 尾页") == "pagination"


def test_a_story_on_one_page_has_no_page() -> None:
    article_text = f"标题在这里\n\n{BODY_1}\n\n{BODY_2}\n"
    assert all("页" not in c.text for c in read_text(article_text))


# --- Markdown ---------------------------------------------------------------------------------------


ANALYST_NOTE = f"""---
title: 欧盟防务计划笔记
date: 2025-03-08
---

## 要点

{BODY_1}

| 项目 | 规模 | 期限 |
|---|---|---|
| 贷款工具 | 1500亿欧元 | 四年 |

{BODY_2}

## 待跟踪

- [ ] 各成员国议会的表决结果
- [x] 峰会声明全文

## 来源

- 欧盟委员会声明，2025-03-04
- 峰会结论全文，2025-03-06
"""


def test_an_analyst_note_keeps_its_own_lists_tables_and_headings(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(ANALYST_NOTE, "note.md")
    kinds = {b.text: (b.kind, b.kept) for b in article.blocks}
    assert kinds["待跟踪"] == (BlockKind.HEADING, True)
    assert kinds["各成员国议会的表决结果"] == (BlockKind.LIST_ITEM, True)  # the task box is markup, not text
    assert kinds["贷款工具 | 1500亿欧元 | 四年"] == (BlockKind.PARAGRAPH, True)
    assert [r.title for r in article.references] == ["欧盟委员会声明", "峰会结论全文"]
    assert [r.date for r in article.references] == [DateValue(2025, 3, 4), DateValue(2025, 3, 6)]
    assert article.title is not None and article.title.rule == "front-matter"
