"""Each named boilerplate rule of content/boilerplate.yaml at its boundary: lines it must catch, and
the nearest lines of real articles it must leave alone. A rule added to the file without examples
here fails `test_every_rule_has_examples`.

Lines are matched as the classifier matches them: whole, in their Simplified form too.
"""

from __future__ import annotations

import re

import pytest

from generator.clean.rulescreen import _anchored_at_start, rule_screen
from generator.textnorm import to_simplified
from generator.vocab import BoilerplateRule, Vocabulary

# rule name -> (lines it catches, lines it leaves alone)
EXAMPLES: dict[str, tuple[list[str], list[str]]] = {
    "bare-url": (["https://rss-relay.example.com", "www.example.com/news/1.html"],
                 ["详见 https://example.com 的公告。"]),
    "breadcrumb": (["网易首页 > 网易号 > 正文 申请入驻", "当前位置：首页 > 国际 > 正文",
                    "明報新聞網 > 每日明報 > 要聞", "> 财经新闻 > 专题 > 正文"],
                   ["2025/7/9", "中美贸易额/GDP之比上升", "他说：“欧洲 > 美国？”这不是问题。"]),
    "menu-line": (["首页 | 国际 | 军事 | 财经 | 评论", "新浪首页 | 新闻 | 体育 | 娱乐 | 财经 | 科技",
                   "网站首页 - 新闻 - 体育 - 娱乐 - 财经", "- 繁体版 - 招聘 - 网站登录 - About Us - 公司介绍"],
                  ["科学与健康|呵护托举“最柔软群体”", "甲 | 乙 | 丙", "京沪 - 沪杭 - 杭甬三条线路今起加开列车。",
                   "北京 - 上海"]),
    "share-bar": (["分享：Facebook　WhatsApp　電郵　列印", "分享到：微信 微博 QQ空间", "分享至 微信 朋友圈"],
                  ["分享：他在会上分享了自己的看法", "分享经济正在改变城市"]),
    "page-tools": (["字号：大 中 小　　打印本页　　关闭窗口", "【打印】【关闭】", "返回顶部", "字級：小 中 大",
                    "页面功能 【我来说两句】【推荐】【字体：大 中 小】【打印】 【关闭】",
                    "【热点排行】【推荐】【收藏】"],
                   ["关闭窗口期即将结束，企业须尽快申报。", "大中小企业融资难问题",
                    "【环球网报道】【记者 王某】据外媒报道，峰会将于下月举行。"]),
    "platform-prompt": (["无障碍浏览 进入关怀版", "打开网易新闻APP", "本文来自海川新闻客户端，下载APP阅读更多",
                         "关注", "+关注", "获取更多RSS：", "谷歌(微博)"],
                        ["外界持续关注这一动向。", "他打开了话题。"]),
    "app-ui": (["微信扫一扫", "关注该公众号", "继续滑动看下一个", "轻触阅读原文", "知道了", "允许",
                "点个“在看”，让更多人看到", "视频 小程序 赞，轻点两下取消赞 在看，轻点两下取消在看 分享 留言 收藏 听过",
                "129篇原创内容"],
               ["双方同意取消部分关税。", "会谈取消", "他点赞了这一做法。"]),
    "share-counter": (["0", "分享至", "举报", "举报/反馈", "阅读 3.2万", "1.2万阅读", "评论 12", "赞(56)", "点赞 57",
                       "阅读数(6616）"],
                      ["2025", "12月", "评论员文章：开放合作"]),
    "promo-row": (["新款轿车对比(图) | 春季车展速览(图)", "| 十款热门车型降价(组图) | 新车谍照曝光(图)"],
                  ["车展现场(图)", "记者在现场拍下了这张照片(图)，随后离开。"]),
    "ad-marker": (["ad1 webp", "广告", "ad2", "banner_01.jpg"], ["广告法修订草案公布", "adopted"]),
    "site-footer": (["客户服务热线：400-000-0000 违法和不良信息举报电话：400-000-0000", "京ICP备12345678号",
                     "互联网新闻信息服务许可证：00000000000　举报电话：000-00000000", "关于我们 | 联系我们"],
                    ["举报人保护制度将进一步完善。", "关于我们两国关系的前景，他表示乐观。"]),
    "platform-disclaimer": (["特别声明：以上内容为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。",
                             "Notice: The content above is uploaded and posted by a user of NetEase Hao.",
                             "© 明報新聞網 版權所有 不得轉載", "新浪公司 版权所有",
                             "本文为东岸新闻原创稿件，未经授权不得转载。",
                             "声明：本文由入驻新浪看点平台的作者撰写，观点仅代表作者本人，不代表新浪立场。",
                             "（本文仅代表作者个人观点，不代表本报立场）", "（本文为作者独立观点）",
                             "版权作品，未经南风网 nanfeng.example 书面授权，严禁转载，违者将被追究法律责任。",
                             "本文为某某科技网授权某某财经频道发布。", "转载请注明出处。",
                             "本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。"],
                            ["他在声明中说，俄方愿意谈判。", "外交部表示，这一表态不代表政府立场。",
                             "该报告经作者授权后发布于学会官网。", "他要求转载的媒体注明出处。",
                             "版权保护是双方谈判的焦点之一，美方要求中方加强执法力度，中方表示将继续完善相关法律。"]),
    "paywall-appeal": (["您所浏览的新闻已过查询时效。建议您加入本社付费会员找寻您要的新闻。",
                        "本文来自南风传媒，原文为会员付费阅读。", "喜欢本刊的读者，可以购买会员阅读更多深度报道。",
                        "欢迎订阅我们的电子报", "请支持我们的独立报道"],
                       ["该案已过诉讼时效，法院驳回起诉。", "波兰2004年加入欧盟成为正式会员国后，经济获得支持。",
                        "他呼吁支持我们的盟友，这是欧洲共同的责任。"]),
    "contact-line": (["客服信箱：service@example.com", "投稿邮箱：tips@example.org", "欢迎投稿：请发送至编辑部",
                      "欢迎读者来信：letters@example.com", "如有新闻线索，请发邮件至 tips@example.org。",
                      "新闻热线：010-00000000", "值班电话：010-00000000"],
                     ["他在邮件中说，谈判将继续。", "联系人表示，详情将另行公布。", "他的电话号码已经停用。"]),
    "media-placeholder": (["你的器材不支持播放多媒体材料", "您的浏览器不支持video标签。", "视频加载中，请稍候...",
                           "视频无法播放"],
                          ["加载中的货轮驶离港口。", "视频显示，两人握手。", "您的设备安全吗？专家提醒及时更新系统。"]),
    "filing-code": (["(XYS20251031)", "1140309", "（CNA1140309）"], ["2025", "(COVID-19)", "12345678"]),
    "dateline-line": (["（本报拉巴特电）", "（新华社北京3月5日电）", "(新华网)"],
                      ["（新华社北京3月5日电）国务院总理在政府工作报告中说，今年经济增长目标为5%左右。", "（完）"]),
    "editor-line": (["（编辑：刘珊）", "【责任编辑：李明轩】", "【纠错】　【责任编辑：王静怡】",
                     "（編輯：陳俊華）1140709", "编辑 | 周舟", "排版 | 小鹿", "责任编辑：赵光霞、宋心蕊",
                     "编辑：张三 责任编辑：李四"],
                    ["编辑部表示同意。", "他曾任报社编辑，后转任记者。", "作者 | 林墨"]),
    "source-line": (["本文来源：新华网", "来源：环球时报", "【来源：人民日报】", "原标题：中美元首会晤"],
                    ["来源于民间的智慧不可小觑，各地正在推广这些做法，取得了良好的社会效果和经济效益。"]),
    "english-version-link": (["点击查看本文英文版。", "点击查看更多关于他的信息。", "Read in English"],
                             ["点击量突破一亿次。"]),
    "author-bio": (["Amy Chang Chien对本文有研究贡献。", "翻译：纽约时报中文网",
                    "James Holloway从事外交报道已有20年。", "作者简介：某某，某大学新闻学院教授。"],
                   ["作者简介写得很简单，只有一行字。",
                    "翻译工作由专业团队完成，质量得到了各方认可，这也是合作顺利推进的重要原因之一。"]),
    "image-caption": (["普京(资料图)", "大马士革街头（资料图）", "图片来源：视觉中国", "图为会议现场。",
                       "新华社记者 张三 摄", "图像来源，Getty Images",
                       "（消防局提供）", "消防员在现场搜救。（圖／記者王某翻攝）", "资料图：某某某。",
                       "嫌犯被带回警局。(照片/读者提供)"],
                      ["图为什么重要？专家解释说，这张图说明了问题。", "资料显示，去年出口增长了一成。",
                       "资料图显示，去年销量下滑。"]),
    "recommendation-list": (["相关推荐", "猜你喜欢", "往期回顾 全部", "相關新聞：",
                             "相关新闻：港府拨款支持调解院总部建设", "熱門文章", "体育要闻", "你可能也喜欢",
                             "延伸阅读建议", "本期精彩回顾", "作者最新文章", "作者其他作品"],
                            ["相关推荐意见已提交国务院。", "体育要闻联播节目收视率上升，观众人数较去年增长两成。",
                             "作者最新文章指出，关税战的代价正在显现。"]),
    "prev-next-links": (["上一篇：黎巴嫩真主党证实其领导人身亡", "下一篇：日本自民党新总裁选出", "上一篇"],
                        ["他在上一篇报道中提到了关税。"]),
    "tag-line": (["标签：拉夫罗夫　联合国大会", "关键词：金砖 扩员", "Tags: BRICS", "文章关键词：港口 扩建"],
                 ["标签化的做法并不可取。"]),
    "pagination": (["第1页/共3页", "上一页 1 2 3 下一页", "1 2 3 4 下一页 尾页", "阅读全文", "請繼續往下閱讀...",
                    "继续阅读"],
                   ["第1页的内容显示了三个要点。", "1 2 3", "他继续阅读了这份报告。"]),
    "account-block": (["415文章数 1203关注度", "1.2万粉丝 3560获赞"], ["文章数量有所增加。"]),
    "source-note": (["（资料来源：某出版社2011年出版之《某书》，作者某某）", "(数据来源：国家统计局)"],
                    ["资料来源显示，该地人口增长。", "（来源：新华社）"]),
    "reader-box": (["★某某報關心您：再給自己一次機會", "自殺防治諮詢安心專線：0800-788995（24小時）", "生命線：1995",
                    "●《某某新聞》提醒您，請給自己機會：", "自殺解決不了問題。請珍惜生命。",
                    "想了解更多？请在微信里关注公号“ABC2025”，或长按扫描下方二维码：",
                    "为防走失，请加我个人微信：abc123", "最好在本号主页将本号“设为星标”。",
                    "还未添加小编微信号的朋友，欢迎添加以防失联。", "《某報》關心你", "长按识别二维码，关注我们",
                    "点击上方蓝字关注我们"],
                   ["警方提醒民众注意安全。", "市民可拨打热线电话反映问题。", "顾客扫描二维码即可付款。",
                    "他关注公众号已有三年，每篇都读。", "该公司将加大微信支付的投入。", "他希望给自己一个机会。",
                    "老人佩戴手环可以防止走失。", "警方提醒您，夏天不要到没有救生员的危险水域游泳。"]),
    "edge-label": (["小编导语", "导语："], ["导语写作是新闻的基本功。"]),
    "edge-caption": (["▲警消到场时男子已无生命迹象。", "▲▼现场画面"], ["他说：▲是一个符号。"]),
    "closing-bio": (["作者某某，为某网旗下专栏作者。", "作者：张三，系某大学教授。"],
                    ["作者认为，这一政策值得商榷。", "笔者以为，是时候改革了。"]),
    "reference-list": (["参考资料", "参考文献：", "来源", "References"], ["参考资料显示，这一数字被低估了。"]),
    "end-marker": (["END", "— THE END —", "（完）", "-END-"], ["END USER", "完成了全部工作。"]),
    "comment-heading": (["评论", "留言", "Comments", "读者评论（12）"],
                        ["评论员认为，谈判不会顺利。", "留言板上写满了祝福的话。"]),
    "comment-section": (["网友评论", "网友评论（36）", "文明上网，理性发言", "已有128人参与"],
                        ["评论员认为，谈判不会顺利。"]),
}


def matching_rule(vocab: Vocabulary, line: str, heading: bool | None = None) -> str | None:
    """The first rule that catches a line; a rule for headings only (`where: heading`) is tried on
    lines given as headings — by default, the lines of that rule's own examples."""
    folded = to_simplified(line.strip())
    if heading is None:
        heading = any(r.where == "heading" and line in EXAMPLES.get(r.name, ([], []))[0] for r in vocab.rules)
    return next((r.name for r in vocab.rules if (heading or r.where != "heading")
                 and (r.matches(folded) or r.matches(line.strip()))), None)


def test_a_heading_rule_leaves_the_same_words_in_running_text_to_other_rules(vocab: Vocabulary) -> None:
    assert matching_rule(vocab, "评论", heading=True) == "comment-heading"
    assert matching_rule(vocab, "评论", heading=False) == "share-counter"


def test_every_rule_has_examples(vocab: Vocabulary) -> None:
    assert sorted(r.name for r in vocab.rules) == sorted(EXAMPLES)


def test_every_rule_says_what_it_catches(vocab: Vocabulary) -> None:
    assert all(len(rule.catches) >= 10 for rule in vocab.rules)


@pytest.mark.parametrize(("rule", "line"), [(rule, line) for rule, (hits, _) in EXAMPLES.items() for line in hits])
def test_the_rule_catches_its_boilerplate(vocab: Vocabulary, rule: str, line: str) -> None:
    assert matching_rule(vocab, line) == rule


@pytest.mark.parametrize(("rule", "line"), [(rule, line) for rule, (_, misses) in EXAMPLES.items() for line in misses])
def test_the_rule_leaves_article_text_alone(vocab: Vocabulary, rule: str, line: str) -> None:
    assert matching_rule(vocab, line) != rule


@pytest.mark.parametrize("line", [line for hits, misses in EXAMPLES.values() for line in (*hits, *misses)])
def test_the_rule_screen_passes_exactly_the_lines_some_rule_catches(vocab: Vocabulary, line: str) -> None:
    """The classifier skips the rule-by-rule loop for a line the screen does not match."""
    screen = rule_screen(vocab.rules)
    assert screen is not None
    for text in {line.strip(), to_simplified(line.strip())}:
        assert screen.could_match(text) == any(r.matches(text) for r in vocab.rules)


@pytest.mark.parametrize("pattern", [r"^(\d)\1$", r"(?P<x>a)(?P=x)", r"(?i)^end$"])
def test_the_rule_screen_is_off_when_joining_would_change_a_pattern(pattern: str) -> None:
    rules = (BoilerplateRule("plain", "a plain rule to join with", "drop", (re.compile("^广告$"),)),
             BoilerplateRule("special", "a rule whose pattern cannot be joined", "drop", (re.compile(pattern),)))
    assert rule_screen(rules) is None
    assert rule_screen(rules[:1]) is not None


@pytest.mark.parametrize(("pattern", "anchored"), [
    (r"^广告$", True), (r"^(a|b)c", True), (r"^[|(]a", True), (r"^[]|]a", True), (r"^a\|b", True),
    (r"^a|b", False), (r"a^", False), (r"(^a)", False), (r"^[^]]|x", False),
])
def test_only_a_pattern_that_matches_at_the_start_alone_is_tried_there_only(pattern: str, anchored: bool) -> None:
    assert _anchored_at_start(pattern) is anchored
