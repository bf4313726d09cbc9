"""The text patterns the cleaner's code relies on, grouped by concept, each with what it catches.

Boilerplate that a single line gives away lives as named data in `content/boilerplate.yaml`; the
patterns here are the ones code needs to reason with (the shape of a meta line, a dateline, a byline,
a page counter). All are matched against the Simplified form of a block (`Candidate.folded`), so
Traditional text (記者, 電, 來源) needs no second spelling. Keep them general: a pattern that names
a string seen in one article only is a defect.
"""

from __future__ import annotations

import re

from ..han import HAN_CLASS

_HAN = HAN_CLASS
_DATE = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"

# What follows 记者 when it is not a credit: 记者会, 记者招待会, 记者表示, 记者从…获悉, 记者问.
NOT_A_NAME = (r"(?!会|招待会|节|证|站|团|们|问|表示|说|提问|采访|了解|注意到|获悉|发现|看到|从|在|对|联系|询问|致电|"
              r"实地|走访|调查|观察|手记|见面会)")
# An outlet named in front of 记者: 海川新闻记者, 明報記者, 本报记者.
OUTLET_BEFORE_REPORTER = (rf"[{_HAN}A-Za-z0-9]{{1,12}}?"
                          r"(?:网|报|社|台|新闻|日报|时报|晚报|电视台|通讯社|广播|传媒|客户端|周刊)")

# The title in front of reporters' names: 记者, 本报记者, 特派记者, 驻莫斯科记者.
REPORTER_TITLE = rf"(?:本报|本网|本台)?(?:特派|特约|首席|实习|驻[{_HAN}]{{1,6}})?记者"

# --- lines about the article, not of it ---------------------------------------------------------------

# A line that is only a date and time: recommendation-list entries and crawl stamps below the
# article; above it, the post's own time (the header zone turns it into a meta line).
TIMESTAMP_LINE = re.compile(
    rf"^{_DATE}\s*(?:星期.|周.)?\s*(?:{_TIME})?(?:\s*[(（][^)）]{{0,30}}[)）])?"
    rf"(?:\s*(?:发布|来源|更新|发布于)\S{{0,20}})?$"
    rf"|^\d{{1,2}}[-/]\d{{1,2}}\s+{_TIME}$|^\d+\s*(?:分钟|小时|天)前$|^(?:昨天|今天|前天)\s*{_TIME}$")

# A header line stating when, where from or by whom: a date, a label (来源：, 作者：, 发布时间：), a
# reporter credit (记者 张三, 海川新闻记者 苏梦 综合报道) or a bracket tag (【星岛日报报道】).
META_LINE = re.compile(
    rf"{_DATE}(?:\s*{_TIME})?"
    r"|(?:来源|作者|记者|编辑|发布时间|发布于|发表时间|更新时间|最后更新|时间|日期|出处|稿源|撰文|原标题|执笔)\s*[:：|｜/／]"
    rf"|(?:^|[\s【\[〔(（])(?:{OUTLET_BEFORE_REPORTER})?(?:特派|特约|首席|驻[{_HAN}]{{1,6}})?记者\s*{NOT_A_NAME}"
    rf"[{_HAN}·]{{2,4}}(?:\s|$|、|，|/|／|[)）】\]〕])"
    rf"|^[【\[〔(（]\s*[{_HAN}A-Za-z0-9·]{{2,16}}?(?:专讯|讯|报[道导]|消息|综合报[道导]|独家)\s*[】\]〕)）]"
    rf"|^(?:原创|转载)\s+\S"
    rf"|^[【\[〔(（]?\s*(?:文|图|文图|图文|执笔)\s*[/／]\s*\S")

# Numbered section heads in body text: 一、 (二) 3. — never a headline.
SECTION_NUMBER = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．]\s*\S)")

# --- who wrote it ---------------------------------------------------------------------------------------

# A labelled byline: 作者：张三, 文/李四, 撰文 | 王五, 记者：赵六.
BYLINE = re.compile(
    rf"(?:^|(?<=[\s|｜(（【\[〔]))(?:作者|撰文|撰稿|文|图文|文图|采写|执笔|{REPORTER_TITLE})\s*[:：/／|｜]\s*"
    r"(?P<names>[^\s|｜,，:：;；]{2,24}(?:\s*[、,，\s]\s*[^\s|｜,，:：;；]{2,24}){0,5})")
# A reporter credit without a label separator: 记者 刘一鸣 张思远, 海川新闻记者 苏梦 综合报道.
REPORTER = re.compile(
    rf"(?:(?P<outlet>{OUTLET_BEFORE_REPORTER})\s*[／/|｜]?\s*)?{REPORTER_TITLE}\s*{NOT_A_NAME}"
    rf"(?P<names>[{_HAN}·]{{2,12}}(?:[ \u3000、，,]+[{_HAN}·]{{2,12}}){{0,5}})")
# Words that follow names in a credit and are not names: 综合报道, 摄, 发自…
CREDIT_TAIL = re.compile(r"(?:综合报[道导]|报[道导]|摄影?|发自\S*|编译|整理|整合|综合|采写|实习生|通讯员|"
                         r"联合报[道导]|专稿|独家|供稿|提供)$")
# Editors, translators and other credits that are never authors.
NOT_AUTHOR_LABEL = re.compile(r"(?:责任编辑|责编|编辑|校对|审核|审校|监制|终审|初审|翻译|译者|编译|排版|美编|"
                              r"视觉|设计|图片编辑|出品|统筹|策划|制作|值班编辑)\s*[:：|｜/]")

# Wire services whose datelines drop 社: （路透巴黎23日電）, 彭博北京5日电.
WIRE_SHORT = "路透|彭博|法新|美联|共同|韩联|塔斯|安莎|埃菲|德新|合众国际"
# A wire dateline opening the first paragraph: 新华社明斯克1月27日电（记者 赵文博）, 中央社台北10日電,
# （中央社记者林书豪台北9日电）, 本报北京3月5日讯. The place may be glued to a reporter's name.
DATELINE = re.compile(
    rf"^[【\[(（〔]?\s*(?P<cited>据)?(?P<agency>[{_HAN}A-Za-z]{{1,10}}?(?:社|网|报|台|新闻|通讯|电视|广播)|本报|本网|本台|{WIRE_SHORT})?"
    rf"\s*(?:(?:{REPORTER_TITLE})\s*(?P<reporter>[{_HAN}·]{{2,5}}(?:[ 、，,]+[{_HAN}·]{{2,5}})*?)?)?"
    rf"\s*(?P<place>[{_HAN}]{{2,8}}?)?\s*(?:(?P<year>(?:19|20)\d{{2}})年)?(?:(?P<month>\d{{1,2}})月)?"
    rf"(?P<day>\d{{1,2}})日\s*(?:综合(?:外电)?)?(?P<kind>电|讯|报[道导]|消息|专电)")
# A bracket tag naming the outlet at the start of the body: 【明报专讯】, 【星岛日报报道】,
# 【环球网报道 记者 张三】, 【文/观察者网 王世纯】.
BRACKET_TAG = re.compile(
    rf"^[【\[〔]\s*(?:文\s*[/／]\s*)?(?P<outlet>[{_HAN}A-Za-z0-9.]{{2,12}}?)(?:专讯|讯|报[道导]|消息|综合报[道导]|独家|"
    rf"(?=\s+[{_HAN}]{{2,4}}\s*[】\]〕]))\s*(?:{REPORTER_TITLE})?\s*(?P<names>[{_HAN}·\s、]{{0,20}}?)\s*[】\]〕]")

# --- who published it ----------------------------------------------------------------------------------

# The labels a source line opens with (来源：, 文章来源：, 出处：); every source-line rule reads these.
SOURCE_LABELS = "来源|本文来源|文章来源|稿源|出处"
SOURCE_LINE = re.compile(rf"(?:{SOURCE_LABELS}|转自|本文转自|转载自)\s*[:：]\s*([^\s|｜,，:：]{{2,24}})")
# A role after an outlet's name in a credit: 观察者网专栏作者 is 观察者网.
ROLE_TAIL = re.compile(r"(?:特约|专栏|首席|资深|驻\S{1,6})?(?:作者|评论员|撰稿人|记者|编辑|主笔|观察员|研究员)$")
# What a source name can carry that is not the outlet: a channel after a dash (人民网-文化频道), a
# label run into it (证券时报网作者：…).
SOURCE_CHANNEL = re.compile(r"\s*[-－—–_]\s*\S*$")
SOURCE_TRAILING_LABEL = re.compile(r"(?:作者|编辑|责任编辑|记者|时间|发布时间|日期|字号|阅读|浏览)$")
TRANSLATOR_LINE = re.compile(r"^(?:翻译|编译)\s*[:：]\s*(\S.{0,24})$")
# A self-media platform naming itself in its notice: 自媒体平台“网易号”, 入驻新浪看点平台的作者.
PLATFORM_NOTICE = re.compile(r"自媒体平台\s*[“\"「]([^”\"」]{2,12})[”\"」]"
                             r"|入驻\s*([^\s，,。的]{2,10}?)\s*平台的?(?:作者|用户)")
# A platform's own words that it, not a newsroom, hosts the text.
# ("仅代表作者本人观点" is not one: portals print it under their own newsroom's stories too.)
USER_UPLOAD = re.compile(r"用户上传并发布|uploaded and posted by a user|由入驻\S{0,12}平台的作者撰写|"
                         r"(?:号|平台)(?:作者|用户)上传并发布", re.I)
# Platform names as they appear in breadcrumbs and bylines: 网易号, 百家号, 新浪看点, 微信公众号.
PLATFORM_NAME = re.compile(r"^(?:\S{1,6}号|新浪看点|微信公众号|公众号|头条号|一点号|大鱼号|企鹅号|澎湃号|大风号)$")
# Strings only WeChat's article viewer shows: a page saved from it is a 公众号 post.
WECHAT_MARKERS = re.compile(r"微信扫一扫|关注该公众号|继续滑动看下一个|轻触阅读原文|向上滑动看下一个|"
                            r"轻点两下取消|在小说阅读器中沉浸阅读|微信公众平台|预览时标签不可点")
# A WeChat header: 原创 作者 公众号名 2025年11月24日 07:58 上海 (author optional).
WECHAT_HEADER = re.compile(rf"^(?:原创|转载)\s+(?:(?P<author>\S{{1,16}})\s+)?(?P<account>\S{{2,24}})\s+{_DATE}")
# An app promotion that names the outlet: 本文来自海川新闻客户端.
APP_PROMO = re.compile(r"本文来自\s*[“「\"]?([^\s，,。“”「」\"]{2,16}?)[”」\"]?\s*(?:客户端|APP|App|app|[，,。)）])")
# The owner named in a copyright line: Copyright © 2008-2025 寰宇时事网 All Rights Reserved.
COPYRIGHT_OWNER = re.compile(
    r"(?:Copyright|版权所有|©|\(c\))\s*(?:©|\(c\))?\s*(?:\d{4}\s*[-–~]\s*)?\d{0,4}\s*"
    rf"(?P<owner>[{_HAN}A-Za-z0-9·]{{2,20}}?)\s*(?:版权所有|All Rights Reserved|网站|$|[.,，。])", re.I)
# A <title> or og:title suffix that names the site, not the story: _寰宇时事网, | 新浪新闻.
SITE_SUFFIX = re.compile(r"(?:网|网站|门户|官网|新闻|报|日报|时报|晚报|周刊|频道|首页|客户端|APP|新聞|電子報|中文"
                         r"|Online|\.com|\.cn|\.net)$|\bNews\b", re.I)
TITLE_SEPARATOR = re.compile(r"\s*(?:_+|\||｜|—+|–|-{1,2}|::)\s*")

# --- paged articles ---------------------------------------------------------------------------------------

# 第1页/共3页, 第 2 页 共 3 页, (1/3) at the end of a line.
PAGE_OF = re.compile(r"第\s*(\d{1,2})\s*页\s*[/／,，]?\s*共\s*(\d{1,2})\s*页"
                     r"|[（(]\s*(\d{1,2})\s*/\s*(\d{1,2})\s*[)）]\s*$")
# A row of page links: 上一页 1 2 3 下一页, 首页 1 2 3 尾页.
PAGE_LINKS = re.compile(r"^(?:(?:上一页|下一页|首页|尾页|末页|上页|下页|全文|阅读全文|单页阅读|\d{1,2}|[<>«»‹›|/]+)\s*)"
                        r"{2,}$")
