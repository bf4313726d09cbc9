"""Hostile and broken inputs, made by the tests themselves, and ways to build and read a project of them.

Every input is written into `content/raw/` of a throw-away project folder (the repository's
`mkdocs.yml`, `content/*.yaml`, `content/pages/` and `templates/` copied, `generator/` linked,
so that the `briefings` plugin runs this checkout's code). Nothing is committed: the 50 MB
file is sparse, the long lines are made in memory.

`INPUTS` is the catalogue: for each file, what the user must see in `site/build-report.json`
(status and the words of the reason) and, for a briefing, text its page must show as written.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import building

UNSTABLE_FILES = {"sitemap.xml", "sitemap.xml.gz"}  # MkDocs stamps them with the build date

# --- article text -----------------------------------------------------------------------------------
# Each input gets its own lead paragraph, so that no two inputs are taken for copies of one article
# (the duplicate check compares 5-character shingles); the two closing paragraphs are shared.

SHARED = (
    "分析人士认为，在复杂多变的国际环境中，各方保持对话渠道畅通十分重要，这有助于避免误判并为地区稳定创造条件。",
    "有关方面表示，将根据事态发展继续评估局势，并在必要时采取进一步措施，以维护本国的安全和发展利益。",
)
SHARED_HANT = (
    "分析人士認為，在複雜多變的國際環境中，各方保持對話渠道暢通十分重要，這有助於避免誤判並為地區穩定創造條件。",
    "有關方面表示，將根據事態發展繼續評估局勢，並在必要時採取進一步措施，以維護本國的安全和發展利益。",
)

LEADS = {
    "gb18030": ("俄罗斯副总理诺瓦克在莫斯科表示，今年前十个月俄罗斯对亚洲的石油出口同比增长百分之十二，"
                "其中经海路运往印度的原油占比明显上升。"),
    "big5": ("台灣海基會董事長在台北表示，兩岸經貿往來今年前九個月維持穩定，"
             "雙邊貿易額約為一千八百億美元，較去年同期略有增長。"),
    "bom": ("日本首相在东京会见来访的澳大利亚总理，两国领导人同意加强在海洋安全和关键矿产供应链方面的合作，"
            "并将定期举行部长级对话。"),
    "cut": ("欧盟委员会在布鲁塞尔公布新一轮对俄制裁方案，"
            "涉及约一百二十家企业和个人，重点打击第三国转运军民两用物资的渠道。"),
    "eol": ("印度外交部发言人在新德里表示，印方愿与各方保持沟通，"
            "推动南亚地区的互联互通项目，并关注周边国家的债务可持续性问题。"),
    "nul": "伊朗外长在德黑兰会见阿曼外交大臣，双方就恢复间接核谈判的可能性交换意见，阿曼方面表示愿继续发挥斡旋作用。",
    "deep": ("巴西总统在巴西利亚表示，金砖国家应当在本币结算和发展融资方面迈出更大步伐，"
             "巴方将推动新开发银行扩大对成员国的贷款规模。"),
    "page": ("土耳其总统府发表声明说，土方愿为俄乌双方在伊斯坦布尔举行新一轮直接谈判提供场地和安全保障，"
             "并呼吁尽快实现全面停火。"),
    "fragment": ("沙特阿拉伯能源大臣在利雅得表示，欧佩克与非欧佩克产油国将继续根据市场变化灵活调整产量，"
                 "以维护国际油价的基本稳定。"),
    "note": ("越南外交部发言人在河内举行的例行记者会上表示，"
             "越方重视同各国发展友好合作关系，愿通过对话协商妥善处理分歧。"),
    "yaml-tag": ("韩国统一部长官在首尔表示，韩方将继续推动朝鲜半岛无核化进程，"
                 "同时呼吁朝方尽早回到对话轨道，缓和半岛紧张局势。"),
    "evil-id": ("以色列总理办公室发表声明，称以方将派代表团前往多哈参加新一轮加沙停火谈判，"
                "谈判重点是人质释放和人道主义援助安排。"),
    "bad-date": ("埃及总统在开罗会见到访的美国国务卿，双方讨论了加沙地带的人道主义局势以及红海航运安全问题，"
                 "并同意保持密切沟通。"),
    "wrong-types": ("南非总统在比勒陀利亚表示，二十国集团峰会将聚焦债务减免、气候融资和粮食安全等议题，"
                    "南非希望推动全球治理体系改革。"),
    "index-id": ("新加坡总理在新加坡表示，东盟国家应当维护多边贸易体制，"
                 "反对单边主义和保护主义，推动区域全面经济伙伴关系协定全面实施。"),
    "spaces": ("法国总统在巴黎爱丽舍宫会见乌克兰总统泽连斯基，"
               "双方讨论了欧洲国家向乌克兰提供防空系统和长期安全承诺的具体安排。"),
    "chinese-name": ("德国总理在柏林宣布，德国将在未来四年内把国防开支提高到国内生产总值的百分之三点五，"
                     "并加快采购新型防空系统。"),
    "mixed-name": ("蒙古国总理在乌兰巴托表示，蒙方将积极参与中俄蒙经济走廊建设，"
                   "推动过境运输和矿产资源开发合作取得更多成果。"),
    "same-id-a": ("波兰国防部长在华沙表示，波兰将在东部边境部署更多防空力量，"
                  "并计划在明年前完成对数百辆新型坦克的接收工作。"),
    "same-id-b": ("芬兰总统在赫尔辛基表示，芬兰加入北约后将继续加强与北欧邻国的防务合作，"
                  "同时保持与俄罗斯边境地区的稳定。"),
    "dup": "哈萨克斯坦外长在阿斯塔纳会见中国外长，双方同意深化共建一带一路合作，加快推进中吉乌铁路等跨境交通项目建设。",
    "c1": "乌兹别克斯坦总统在塔什干表示，乌方将扩大同周边国家的电力和天然气合作，并加快建设连接中亚和南亚的跨境铁路。",
    "weird-name": ("阿塞拜疆总统在巴库表示，阿方愿同亚美尼亚继续就和平条约文本进行谈判，"
                   "并推动两国边界划定工作取得进展。"),
    "gist": "他说：\"><img src=x onerror=alert('gist')> 双方的分歧依然很大，但谈判的大门并没有关上。",
}
TITLES = {
    "gb18030": "俄对亚洲石油出口增长",
    "big5": "兩岸經貿往來維持穩定",
    "bom": "日澳同意加强海洋安全合作",
    "cut": "欧盟公布新一轮对俄制裁方案",
    "eol": "印度愿推动南亚互联互通",
    "nul": "伊朗与阿曼讨论恢复核谈判",
    "deep": "巴西呼吁金砖国家扩大本币结算",
    "spaces": "法乌讨论防空系统安排",
    "chinese-name": "德国宣布提高国防开支",
    "mixed-name": "蒙古国参与经济走廊建设",
    "same-id-a": "波兰加强东部边境防空",
    "same-id-b": "芬兰加强北欧防务合作",
    "dup": "哈中同意深化交通合作",
    "index-id": "新加坡呼吁维护多边贸易体制",
    "gist": "谈判的大门没有关上",
    "c1": "控制字符\u0086标题<img src=x onerror=alert('c1')>",
    "weird-name": "阿方愿继续和平条约谈判",
}


def scrape(key: str, hant: bool = False, eol: str = "\n") -> str:
    """A plain-text scrape: headline, blank line, lead, the two shared paragraphs."""
    shared = SHARED_HANT if hant else SHARED
    return eol.join([TITLES[key], "", LEADS[key], "", shared[0], "", shared[1], ""])


# Text that Markdown, its extensions or Jinja would read as syntax, each at the start of a line of
# running text (so the cleaner keeps it as body). The page must show every one as these characters.
MARKUP_LINES = (
    "{{ 7*7 }} 据报道，双方在会谈中讨论了能源合作问题，并同意继续推进相关项目。",
    "{% for x in range(3) %}循环{% endfor %} 这一行以模板语句开头，但它只是文章中的普通文字。",
    "{# 注释 #} 这一行以模板注释开头，读者应当看到这些字符本身，而不是一片空白。",
    "#俄乌冲突# 话题下的讨论持续升温，许多网友对停火前景发表了看法。",
    "--- 这一行以三个短横线开头，不应变成分隔线，也不应变成标题。",
    "!!! warning \"注意\" 这一行以三个感叹号开头，不应变成提示框。",
    "| 列一 | 列二 | 这一行以竖线开头，不应变成表格，而是原样显示。",
    "<div onclick=\"alert('div')\">点我</div> 这一行以原始网页代码开头，不应变成可点击的元素。",
    "[点我](javascript:alert('md')) 这一行以链接语法开头，不应变成可以点击的链接。",
)
MARKUP_TEXT = "\n\n".join(["模板与标记语法测试", *MARKUP_LINES]) + "\n"
# Also in a plain text: a script tag (two tags, so the file stays text, not an HTML fragment).
SCRIPT_TEXT = ("网页代码测试样本\n\n<script>alert('text')</script> 这一行以脚本标签开头，"
               "它应当作为文字显示在页面上，而不是被浏览器执行。\n\n" + "\n\n".join(SHARED) + "\n")

NOTE_TITLE = "{{ 7*7 }} </title><script>alert('title')</script> | # [x](javascript:alert('t')) & \"quoted\""
NOTE = f"""---
title: {json.dumps(NOTE_TITLE, ensure_ascii=False)}
date: 2025-03-01
---

# 越南重视对话协商

{LEADS["note"]}

!!! danger "不是提示框" 这一段以三个感叹号开头，作者写的是普通文字，页面上不应出现提示框。

{{{{ config }}}} 与 {{% include "base.html" %}} 这一段含有模板语法，页面应当原样显示这些字符。

- 列表项：<span onmouseover="alert('li')">悬停</span>，这一项含有带事件属性的标签。

{SHARED[0]}

{SHARED[1]}
"""

PAGE_HTML = f"""<!doctype html>
<html><head>
<meta charset="utf-8">
<title>土方愿为新一轮谈判提供场地_测试网</title>
<script>alert('head')</script>
<style>body {{ background: url(javascript:alert('css')) }}</style>
<meta http-equiv="refresh" content="0;url=javascript:alert('refresh')">
<meta property="og:url" content="javascript:alert('og')">
<link rel="canonical" href="https://news.example.com/a?x=1&y=&quot;onmouseover=&quot;alert('canon')">
</head>
<body onload="alert('body')">
<article>
<h1 onclick="alert('h1')">土方愿为新一轮谈判提供场地</h1>
<p onmouseover="alert('p')">{LEADS["page"]}<a href="javascript:alert('a')">点击这里</a>查看声明全文。</p>
<p style="background:url(javascript:alert('style'))">{SHARED[0]}</p>
<img src="x" onerror="alert('img')"><iframe src="https://evil.example/frame"></iframe>
<svg onload="alert('svg')"><circle r="1"/></svg>
<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">数据链接</a>之后的文字：{SHARED[1]}</p>
<object data="javascript:alert('object')"></object>
<form action="javascript:alert('form')"><input onfocus="alert('input')" autofocus></form>
</article>
</body></html>
"""

FRAGMENT_HTML = f"""<p>{LEADS["fragment"]}</p>
<script>alert('fragment')</script>
<p><img src="x" onerror="alert('fragment-img')">{SHARED[0]}</p>
<iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>
<p><a href="javascript:alert('fragment-a')">原文链接</a> {SHARED[1]}</p>
<svg><script>alert('svg-script')</script></svg>
"""

DEPTH = 5000


def deep_html() -> str:
    return ("<div>" * DEPTH + f"<h1>{TITLES['deep']}</h1><p>{LEADS['deep']}</p><p>{SHARED[0]}</p><p>{SHARED[1]}</p>"
            + "</div>" * DEPTH)


def front_matter_note(front: str, key: str, heading: str) -> str:
    return f"---\n{front}\n---\n\n# {heading}\n\n{LEADS[key]}\n\n{SHARED[0]}\n\n{SHARED[1]}\n"


LONG_LINE_BYTES = 2 * 1024 * 1024
BUILD_LINE_BYTES = 256 * 1024  # the long line inside the site build: long enough to show, quick to build


def long_line(size: int = LONG_LINE_BYTES) -> bytes:
    """One line of `size` bytes or a little more: running text, varied sentences, no newline anywhere."""
    sentences = [s for s in [*LEADS.values()][:12] if "<" not in s]
    out, size_now, n = [], 0, 0
    while size_now < size:
        sentence = f"第{n}段消息：{sentences[n % len(sentences)]}"
        out.append(sentence)
        size_now += len(sentence.encode("utf-8"))
        n += 1
    return "".join(out).encode("utf-8")


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x03\x00\x08\xfc\x02\xfe\xa7\x9a\xa0\xa0\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"\x00" * 64 + b"%%EOF\n"
HUGE_BYTES = 50 * 1024 * 1024


def write_sparse(path: Path, head: bytes, size: int) -> None:
    """A file of `size` bytes that costs almost no disk or time: a short head, then a hole."""
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)


@dataclass(frozen=True)
class Input:
    """One hostile input: how to write it, and what the user must see."""

    name: str  # the file name under content/raw
    make: Callable[[Path], None]
    status: str  # briefing, duplicate or rejected; "briefing|rejected" when either is right
    reason: str = ""  # a regular expression the report's reason must match (case-insensitive)
    shows: tuple[str, ...] = ()  # text the briefing page must show as written (white space aside)
    what: str = ""  # the case, for the report
    xfail: str | None = None  # a known defect elsewhere in the pipeline: the tests on this input are xfail


def _bytes(data: bytes | str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return make


def _cut_utf8() -> bytes:
    data = scrape("cut").rstrip("\n").encode("utf-8")
    return data[:-1]  # the last character (。) loses its last byte


def _nul_text() -> bytes:
    text = scrape("nul")
    middle = text.index("会见")
    return (text[:middle] + "\x00" + text[middle:]).encode("utf-8").replace("。".encode(), "。".encode() + b"\x00", 1)


def _mixed_eol() -> bytes:
    lines = [TITLES["eol"], "", LEADS["eol"], "", SHARED[0], "", SHARED[1], ""]
    endings = ["\r\n", "\r", "\n", "\r\n", "\r", "\n", "\r\n"]
    return "".join(line + end for line, end in zip(lines, endings)).encode("utf-8")


def _huge(path: Path) -> None:
    write_sparse(path, scrape("dup").encode("utf-8"), HUGE_BYTES)


def pwned_marker(raw_dir: Path) -> Path:
    """Where the YAML-tag input would make a file if its front matter were ever executed."""
    return raw_dir.parent.parent / "pwned"


def _yaml_tag(path: Path) -> None:
    marker = pwned_marker(path.parent)
    front = (f'title: !!python/object/apply:os.system ["touch {marker}"]\n'
             f"date: !!python/object/apply:subprocess.check_output [[touch, {marker}]]")
    path.write_text(front_matter_note(front, "yaml-tag", "韩方推动半岛无核化"), encoding="utf-8")


INPUTS: tuple[Input, ...] = (
    Input("empty.txt", _bytes(b""), "rejected", r"empty", what="empty file"),
    Input("whitespace-only.txt", _bytes(b"  \n\t\r\n   \n"), "rejected", r"empty", what="white space only"),
    Input("whitespace-unicode.txt", _bytes("\u3000\u3000\n\u00a0 \u2003\n"), "rejected", r"no text|empty",
          what="ideographic and no-break spaces only"),
    Input("photo.txt", _bytes(PNG), "rejected", r"not text.*PNG", what="a PNG image named .txt"),
    Input("scan.txt", _bytes(PDF), "rejected", r"not text.*PDF", what="a PDF named .txt"),
    Input("nul-bytes.txt", _bytes(_nul_text()), "briefing", r"NUL", shows=(LEADS["nul"],),
          what="NUL bytes inside text"),
    Input("gb18030.txt", _bytes(scrape("gb18030").encode("gb18030")), "briefing", "",
          shows=(LEADS["gb18030"], TITLES["gb18030"]), what="GB18030"),
    Input("big5.txt", _bytes(scrape("big5", hant=True).encode("big5")), "briefing", "",
          shows=(LEADS["big5"], TITLES["big5"]), what="Big5 (Traditional)"),
    Input("utf8-bom.txt", _bytes(b"\xef\xbb\xbf" + scrape("bom").encode("utf-8")), "briefing", "",
          shows=(LEADS["bom"], TITLES["bom"]), what="UTF-8 with BOM"),
    Input("utf8-cut.txt", _bytes(_cut_utf8()), "briefing", r"undecodable", shows=(LEADS["cut"][:-1],),
          what="UTF-8 cut inside a character"),
    Input("mixed-eol.txt", _bytes(_mixed_eol()), "briefing", "", shows=(LEADS["eol"], *SHARED),
          what="mixed line endings"),
    Input("long-line.txt", _bytes(long_line(BUILD_LINE_BYTES)), "briefing", "", shows=(),
          what="one 256 KB line, no newline (2 MB: test_a_2mb_line_*)"),
    Input("huge-50mb.txt", _huge, "rejected", r"50|52.*MB.*over the 5 MB limit", what="50 MB file (sparse)"),
    # A briefing or a rejection naming the depth: test_html_nested_5000_deep_* says which it must be.
    Input("deep-nesting.html", _bytes(deep_html()), "briefing|rejected", "", shows=(LEADS["deep"],),
          what="HTML nested 5000 deep"),
    Input("hostile-page.html", _bytes(PAGE_HTML), "briefing", "", shows=(LEADS["page"], "点击这里", "数据链接"),
          what="page with script, on*=, javascript:/data: URLs, iframe, svg onload, style url()"),
    Input("hostile-fragment.txt", _bytes(FRAGMENT_HTML), "briefing", "", shows=(LEADS["fragment"], "原文链接"),
          what="RSS fragment with script, onerror, iframe srcdoc, svg script"),
    Input("markup-lines.txt", _bytes(MARKUP_TEXT), "briefing", "", shows=MARKUP_LINES,
          what="plain text whose lines start with Jinja/Markdown/HTML syntax"),
    Input("script-text.txt", _bytes(SCRIPT_TEXT), "briefing", "", shows=("<script>alert('text')</script> 这一行",),
          what="plain text with a <script> tag"),
    Input("gist-breakout.txt", _bytes(scrape("gist")), "briefing", "", shows=(LEADS["gist"],),
          what="a first sentence that would break out of an HTML attribute"),
    Input("c1-title.txt", _bytes(scrape("c1")), "briefing", "", shows=(LEADS["c1"], TITLES["c1"]),
          what="a headline with a C1 control character (YAML refuses it) and an <img onerror>"),
    Input("markup-note.md", _bytes(NOTE), "briefing", "",
          shows=(NOTE_TITLE, "!!! danger", "{{ config }} 与 {% include \"base.html\" %}", "悬停"),
          what="Markdown note: hostile front-matter title, !!!, {{ }}, tags with on*="),
    Input("yaml-tag.md", _yaml_tag, "briefing", r"front matter ignored", shows=(LEADS["yaml-tag"],),
          what="front matter with !!python/object/apply:os.system"),
    Input("evil-id.md", _bytes(front_matter_note("id: ../../etc/evil\nslug: ../../../tmp/evil", "evil-id",
                                                 "以方派团参加停火谈判")),
          "briefing", r"'id' ignored.*not an ASCII id", shows=(LEADS["evil-id"],),
          what="front matter id ../../etc/evil"),
    Input("bad-date.md", _bytes(front_matter_note("date: 2025-13-45", "bad-date", "埃美讨论加沙局势")),
          "briefing", r"2025-13-45.*not a real date", shows=(LEADS["bad-date"],), what="impossible date 2025-13-45"),
    Input("wrong-types.md", _bytes(front_matter_note("title: [1, 2]\ndate: {a: 1}", "wrong-types",
                                                     "南非谈二十国集团峰会议题")),
          "briefing", r"'title' ignored.*'date' ignored", shows=(LEADS["wrong-types"],),
          what="title: [1, 2], date: {a: 1}"),
    Input("index.txt", _bytes(scrape("index-id")), "briefing", "", shows=(LEADS["index-id"],),
          what="a file whose name makes the id of the briefings index page"),
    Input("with spaces [brackets] (1).txt", _bytes(scrape("spaces")), "briefing", "", shows=(LEADS["spaces"],),
          what="file name with spaces and brackets"),
    Input("中文文件名.txt", _bytes(scrape("chinese-name")), "briefing", "", shows=(LEADS["chinese-name"],),
          what="Chinese file name"),
    Input("混合 name [草稿].txt", _bytes(scrape("mixed-name")), "briefing", "", shows=(LEADS["mixed-name"],),
          what="Chinese, spaces and brackets in one file name"),
    Input("奇怪 {{ 7*7 }} | #1 <b>名字.txt", _bytes(scrape("weird-name")), "briefing", "",
          shows=(LEADS["weird-name"], "奇怪 {{ 7*7 }} | #1 <b>名字.txt"),
          what="file name with Jinja, a pipe, # and a tag"),
    Input("same-id.txt", _bytes(scrape("same-id-a")), "briefing", "", shows=(LEADS["same-id-a"],),
          what="two files with one id (1)"),
    Input("Same ID!.txt", _bytes(scrape("same-id-b")), "briefing", "", shows=(LEADS["same-id-b"],),
          what="two files with one id (2)"),
    Input("copy-a.txt", _bytes(scrape("dup")), "briefing", "", shows=(LEADS["dup"],), what="one article twice (1)"),
    Input("copy-b.txt", _bytes("首页 > 国际 > 正文\n\n" + scrape("dup")), "duplicate", r"same article as copy-a\.txt",
          what="one article twice (2)"),
)
INPUTS_BY_NAME = {i.name: i for i in INPUTS}



# --- projects and builds ----------------------------------------------------------------------------


def make_project(dest: Path, inputs: Sequence[Input] = INPUTS) -> Path:
    """A project folder like the repository's, with `inputs` as its only raw files."""
    def write_inputs(raw_dir: Path) -> None:
        for item in inputs:
            item.make(raw_dir / item.name)
    return building.make_project(dest, write_inputs)


class Build(building.Build):
    """A build of hostile inputs, with what the hostile suites compare between builds."""

    def briefing_urls(self) -> list[str]:
        return sorted(f"briefings/{p.parent.name}/" for p in (self.site / "briefings").glob("*/index.html"))

    def tree(self) -> dict[str, bytes]:
        """Every output file (sitemaps aside) and its bytes."""
        return {p.relative_to(self.site).as_posix(): p.read_bytes() for p in sorted(self.site.rglob("*"))
                if p.is_file() and p.name not in UNSTABLE_FILES}


def run_builds(jobs: Sequence[tuple[Path, Path]]) -> list[Build]:
    return building.run_builds(jobs, Build)


def run_build(project: Path, site: Path | None = None) -> Build:
    return building.run_build(project, site, Build)


def project_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() or p.is_symlink()}


@dataclass
class HostileProject:
    project: Path
    files_before: set[str]  # every file of the project folder before the first build
    base: Path  # the session's temporary root: nothing may be written above the project



def squash(text: str) -> str:
    """Text with all white space removed: what is compared when markup may re-wrap lines."""
    return re.sub(r"\s+", "", text)



# --- the 2 MB line, read in the background ----------------------------------------------------------
# Reading a 2 MB line takes the pipeline tens of seconds at best, so it runs in a process of its own,
# started with the hostile build (two cores: the build and this), and the test that reads its answer
# runs last. A watchdog ends it at the deadline.

LONG_LINE_TEST = "test_a_2mb_line_becomes_a_briefing_in_bounded_time"
LONG_LINE_DEADLINE = 90  # seconds from start, imports included; about 30 s once extract is linear
LONG_LINE_SCRIPT = """
import json, re, sys, time
from pathlib import Path
from generator.process import process_path
from generator.settings import Settings
from generator.vocab import load_vocabulary
raw, content = Path(sys.argv[1]), Path(sys.argv[2])
settings = Settings(content_dir=content, cache_dir=None, workers=1)
vocab = load_vocabulary(settings)
started = time.monotonic()
result = process_path(raw / "long-line.txt", raw, settings, vocab)
text = (raw / "long-line.txt").read_text(encoding="utf-8")
body = result.briefing.article.body if result.briefing else ""
squash = lambda s: re.sub(r"\\s+", "", s)
print(json.dumps({"seconds": time.monotonic() - started, "rejection": result.rejection,
                  "whole_line_kept": squash(body) == squash(text)}))
"""


@dataclass
class LongLineJob:
    proc: subprocess.Popen
    started: float

    def result(self) -> tuple[dict | None, str]:
        """(the script's answer or None, what went wrong), waiting until the deadline at most."""
        remaining = max(1.0, LONG_LINE_DEADLINE - (time.monotonic() - self.started))
        try:
            output, errors = self.proc.communicate(timeout=remaining)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()
            return None, f"not done after {LONG_LINE_DEADLINE} s"
        if self.proc.returncode != 0:
            return None, f"exit {self.proc.returncode} (killed at the deadline?): {errors[-2000:]}"
        return json.loads(output.strip().splitlines()[-1]), ""
