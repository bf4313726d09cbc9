"""Synthetic corpora for the benchmark: N raw articles recombined from the repo's own examples.

    python bench/make_corpus.py --sizes 100 1000 5000 [--seed 7] [--force]

Each corpus is a project folder `bench/out/corpus-N/`, laid out like the repository so that
`mkdocs build -f bench/out/corpus-N/mkdocs.yml` runs the real plugin over it:

    content/raw/        N generated articles
    content/*.yaml      copies of the repo's vocabularies
    content/pages/      copy of the repo's hand-written pages
    mkdocs.yml          copy of the repo's, with the template watch path made absolute
    corpus.json         what was generated (seed, counts per form, sizes)

Only article text is recombined: the example articles in `content/raw/` are read through the
generator's own ingest and cleaner (`generator.ingest.read_raw` + `generator.clean.clean`) and
only their kept body blocks become the paragraph pool, so chrome of the examples never leaks into
the body of a synthetic article. Each article then gets:

* actors substituted: every Chinese name of a listed actor is, with some probability, replaced by
  the name of another actor of the same type from `content/actors.yaml` (consistently within one
  article);
* numbers and dates varied: years shifted to the article's year, month/day pairs and plain numbers
  perturbed;
* one of the four input forms, with the page chrome each really has: a plain-text scrape (portal
  breadcrumb, byline line, share counters, editor line, platform disclaimer), an HTML fragment (a
  feed item with a leading link line, <address>, <time>), a full HTML page (head metadata, nav,
  related list, footer, scripts) and Markdown with YAML front matter;
* a size drawn uniformly from 3–5 KB (whole file, UTF-8).

About 1 % of the articles are reposts of an earlier one in another form (same body, other
chrome), so that duplicate detection is exercised at its real rate. Everything is drawn from one
`random.Random(seed + N)`: the same command always writes the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import random
import re
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
# The generator code and project files (content/, mkdocs.yml) to use: the repository's by default;
# `bench/run.py` points this at a frozen copy (bench/out/code) of both, taken from one revision, so
# that edits made while a benchmark runs cannot change what it measures and a vocabulary never
# meets code of another revision.
CODE = Path(os.environ.get("BENCH_CODE") or REPO).resolve()

if str(CODE) not in sys.path:
    sys.path.insert(0, str(CODE))

from generator.clean import clean  # noqa: E402
from generator.ingest import list_raw_files, read_raw  # noqa: E402
from generator.model import BlockKind  # noqa: E402
from generator.settings import default_settings  # noqa: E402
from generator.vocab import Vocabulary, load_vocabulary  # noqa: E402

FORMS = ("text", "html-fragment", "html-page", "markdown")
FORM_WEIGHTS = (0.4, 0.2, 0.2, 0.2)
MIN_BYTES, MAX_BYTES = 3000, 5000
DUPLICATE_SHARE = 0.01
SUBSTITUTE_SHARE = 0.7  # chance that one actor of an article is replaced by another
# Replacements follow Zipf's law over the order of actors.yaml (major powers and their leaders
# first), as mentions in news do: a few actors are everywhere, most appear now and then.
ZIPF_EXPONENT = 1.0
ActorsByType = dict[str, tuple[list[str], list[float]]]  # type -> (names in file order, cumulative weights)
TRADITIONAL_SHARE = 0.05  # articles drawn from the Traditional-script paragraph pool
FIRST_DAY, LAST_DAY = dt.date(2019, 1, 1), dt.date(2025, 12, 31)

SLUG_WORDS = ("summit", "talks", "trade", "sanctions", "energy", "security", "election", "visit", "treaty",
              "ceasefire", "tariffs", "defence", "ports", "pipeline", "nuclear", "un-debate", "parade", "aid")
PORTALS = (("网易", "网易号"), ("搜狐", "搜狐号"), ("百度", "百家号"), ("新浪", "新浪看点"), ("腾讯", "腾讯新闻"))
UNLISTED_OUTLETS = ("海外视点网", "寰宇时事网", "欧亚纵横谈", "环球时局观", "海川新闻", "观澜国际评论",
                    "子午线邮报中文网", "欧亚观察笔记", "东方外交评论", "远东时报网")
HOSTS = ("www.huanyu-shishi.com", "cn.meridian-post.com", "news.haichuan-news.com", "www.eurasia-watch.cn",
         "world.example-news.cn")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志远帆思一鸣若楠嘉文浩星繁宇晨雪梅兰"
CHANNELS = ("国际", "军事", "财经", "评论", "时政", "环球")


@dataclass
class Pool:
    """Article text of the examples, as the cleaner kept it."""

    paragraphs: dict[str, list[str]] = field(default_factory=lambda: {"zh-Hans": [], "zh-Hant": []})
    headings: dict[str, list[str]] = field(default_factory=lambda: {"zh-Hans": [], "zh-Hant": []})
    sources: int = 0


@dataclass
class Article:
    """One synthetic article before it is given a form."""

    index: int
    title: str
    date: dt.date
    outlet: str
    authors: list[str]
    blocks: list[tuple[str, str]]  # (kind, text): "p" paragraph, "h" heading, "li" list item
    url: str
    language: str


# ----------------------------------------------------------------------------------------------
# Paragraph pool


def read_pool(repo: Path = CODE) -> Pool:
    """Body paragraphs and section headings of every example article, through the real cleaner."""
    settings = default_settings(repo)
    vocab = load_vocabulary(settings)
    pool = Pool()
    seen: set[str] = set()
    for path in list_raw_files(settings.raw_dir):
        article = clean(read_raw(path, settings.raw_dir, settings), vocab)
        pool.sources += 1
        for block in article.body_blocks:
            text = block.text.strip()
            if text in seen:  # the examples include a repost: count each paragraph once
                continue
            seen.add(text)
            if block.kind is BlockKind.HEADING:
                if 4 <= len(text) <= 30:
                    pool.headings[article.language].append(text)
            elif block.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM) and len(text) >= 30:
                pool.paragraphs[article.language].append(text)
    return pool


# ----------------------------------------------------------------------------------------------
# Variation: actors, dates, numbers


class Varier:
    """Substitutes actors, dates and numbers in one article's paragraphs (one instance per article)."""

    def __init__(self, rng: random.Random, vocab: Vocabulary, names: re.Pattern[str],
                 type_of: dict[str, str], by_type: ActorsByType, date: dt.date) -> None:
        self.rng, self.vocab, self.names = rng, vocab, names
        self.type_of, self.by_type, self.date = type_of, by_type, date
        self.actor_map: dict[str, str] = {}
        self.month_shift = rng.randrange(12)

    def _actor(self, match: re.Match[str]) -> str:
        name = match[0]
        if name not in self.actor_map:
            names, cumulative = self.by_type[self.type_of[name]]
            replace = self.rng.random() < SUBSTITUTE_SHARE
            self.actor_map[name] = self.rng.choices(names, cum_weights=cumulative)[0] if replace else name
        return self.actor_map[name]

    def _year(self, match: re.Match[str]) -> str:
        year = int(match[1])
        if year >= 2000:
            year = min(self.date.year, year + self.date.year - 2025)
        return f"{year}年"

    def _month_day(self, match: re.Match[str]) -> str:
        month = (int(match[1]) - 1 + self.month_shift) % 12 + 1
        return f"{month}月{self.rng.randint(1, 28)}日"

    def _number(self, match: re.Match[str]) -> str:
        text = match[0]
        factor = self.rng.uniform(0.5, 2.0)
        if "." in text:
            decimals = len(text.split(".")[1])
            return f"{float(text) * factor:.{decimals}f}"
        value = int(text)
        return str(max(1, round(value * factor))) if value > 1 else text

    def vary(self, text: str) -> str:
        text = self.names.sub(self._actor, text)
        text = re.sub(r"(\d{4})年", self._year, text)
        text = re.sub(r"(\d{1,2})月(\d{1,2})日", self._month_day, text)
        # Other numbers: not years, not a month or day (those were rewritten above with 月/日 after them).
        return re.sub(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|年|月|日)", self._number, text)


def actor_names(vocab: Vocabulary) -> tuple[re.Pattern[str], dict[str, str], ActorsByType]:
    """A pattern matching every listed actor's Chinese name, longest first; the type of each name;
    per type the names in file order with cumulative Zipf weights (for `random.choices`)."""
    type_of: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    for actor in vocab.actors:
        name = actor.name_zh
        if len(name) < 2 or name in type_of:
            continue
        type_of[name] = actor.type
        names.setdefault(actor.type, []).append(name)
    by_type: ActorsByType = {}
    for kind, listed in names.items():
        cumulative, total = [], 0.0
        for rank in range(1, len(listed) + 1):
            total += rank ** -ZIPF_EXPONENT
            cumulative.append(total)
        by_type[kind] = (listed, cumulative)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(type_of, key=len, reverse=True)))
    return pattern, type_of, by_type


# ----------------------------------------------------------------------------------------------
# Forms


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _clock(rng: random.Random) -> str:
    return f"{rng.randrange(6, 23):02d}:{rng.randrange(60):02d}"


def render_text(article: Article, rng: random.Random) -> str:
    """A plain-text copy of a portal or self-media page: chrome lines around the article."""
    portal, platform = rng.choice(PORTALS)
    channel = rng.choice(CHANNELS)
    crumb = rng.choice((f"{portal}首页 > {platform} > {channel} > 正文 申请入驻", f"{portal}首页 > {channel} > 正文",
                        f"当前位置：首页 > {channel} > 正文", f"首页 | {' | '.join(CHANNELS)}"))
    lines = [crumb, "", article.title, ""]
    day = article.date.isoformat()
    byline = rng.choice((f"{day} {_clock(rng)}　来源：{article.outlet}　作者：{article.authors[0]}",
                         f"{article.outlet}\n{article.date.isoformat()} {_clock(rng)}发布于北京",
                         f"原创 {article.authors[0]} {article.outlet} {article.date.year}年{article.date.month}月"
                         f"{article.date.day}日 {_clock(rng)} 上海"))
    lines += [byline, ""]
    if rng.random() < 0.5:
        lines += ["0", "分享至", ""]
    for _kind, text in article.blocks:
        lines += [text, ""]
    lines += [f"责任编辑：{_person(rng)}", ""]
    if rng.random() < 0.6:
        lines += [f"特别声明：以上内容(包括在内的视频、图片或音频)为自媒体平台“{platform}”用户上传并发布，"
                  "本平台仅提供信息存储服务。", ""]
    if rng.random() < 0.4:
        lines += ["相关推荐", *(f"{rng.choice(CHANNELS)}｜{h}" for h in ("热点速览", "今日关注", "深度观察")), ""]
    return "\n".join(lines)


def render_fragment(article: Article, rng: random.Random) -> str:
    """An RSS item or scraped fragment: optional feed timestamp and link line, then markup."""
    out = []
    if rng.random() < 0.5:
        stamp = int(dt.datetime(article.date.year, article.date.month, article.date.day, 12,
                                tzinfo=dt.timezone.utc).timestamp())
        out.append(f"<!--{stamp}000-->")
        out.append(f"[{article.title}]({article.url})\n------\n")
    stamp = f"{article.date.isoformat()} {_clock(rng)}:00"
    out.append(f"<address>{html.escape(', '.join(article.authors))}</address>"
               f'<time datetime="{stamp}">{article.date.year}年{article.date.month}月{article.date.day}日</time>')
    body = []
    for kind, text in article.blocks:
        if kind == "h":
            body.append(f"<p><strong>{html.escape(text)}</strong></p>" if rng.random() < 0.5
                        else f"<h3>{html.escape(text)}</h3>")
        elif kind == "li":
            body.append(f"<ul><li>{html.escape(text)}</li></ul>")
        else:
            body.append(f"<p>{html.escape(text)}</p>")
    out.append("<section>" + "\n".join(body) + "</section>")
    return "\n".join(out) + "\n"


def render_page(article: Article, rng: random.Random) -> str:
    """A whole saved web page: head metadata, navigation, the article, related links, footer."""
    title = html.escape(article.title)
    outlet = html.escape(article.outlet)
    nav = "".join(f'<li><a href="/{i}/">{c}</a></li>' for i, c in enumerate(CHANNELS))
    body = []
    for kind, text in article.blocks:
        tag = "h2" if kind == "h" else "p"
        body.append(f"<{tag}>{html.escape(text)}</{tag}>")
        if kind == "p" and rng.random() < 0.05:
            body.append(f'<figure><img src="/img/{article.index}.jpg" alt=""><figcaption>资料图片：'
                        f"{html.escape(text[:20])}</figcaption></figure>")
    related = "".join(f'<li><a href="/world/{rng.randrange(10**6)}.html">{html.escape(h)}</a></li>'
                      for h in ("热点速览", "今日关注", "深度观察", "专家解读"))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}_{outlet}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{outlet}">
<meta name="author" content="{html.escape(article.authors[0])}">
<meta property="article:published_time" content="{article.date.isoformat()}T{_clock(rng)}:00+08:00">
<link rel="canonical" href="{article.url}">
<script>window.dataLayer=window.dataLayer||[];</script>
</head>
<body class="article-page">
<header class="site-header"><div class="logo"><a href="/">{outlet}</a></div>
<nav class="main-nav"><ul>{nav}</ul></nav></header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/world/">国际</a> &gt; 正文</div>
<main><article class="article">
<h1>{title}</h1>
<div class="article-info"><time datetime="{article.date.isoformat()}">{article.date.isoformat()}</time>
<span class="source">来源：{outlet}</span>
<span class="author">作者：{html.escape(" ".join(article.authors))}</span></div>
<div class="article-content">
{chr(10).join(body)}
</div>
<div class="share-bar">分享到：微信 微博 QQ空间</div>
</article>
<aside class="related"><h3>相关阅读</h3><ul>{related}</ul></aside></main>
<footer class="site-footer"><p>Copyright © {article.date.year} {outlet} 版权所有</p></footer>
<script src="/static/js/main.js"></script>
</body>
</html>
"""


def render_markdown(article: Article, rng: random.Random) -> str:
    """An analyst's note: YAML front matter, an h1, sections, some list items."""
    front = [f"title: {json.dumps(article.title, ensure_ascii=False)}", f"date: {article.date.isoformat()}",
             f"url: {article.url}", f"outlet: {article.outlet}", f"author: {article.authors[0]}"]
    rng.shuffle(front)
    front = front[:rng.randint(2, len(front))]
    lines = ["---", *front, "---", "", f"# {article.title}", ""]
    for kind, text in article.blocks:
        lines += [f"## {text}" if kind == "h" else f"- {text}" if kind == "li" else text, ""]
    return "\n".join(lines)


RENDERERS: dict[str, tuple[Callable[[Article, random.Random], str], tuple[str, ...]]] = {
    "text": (render_text, (".txt",)),
    "html-fragment": (render_fragment, (".html", ".txt")),
    "html-page": (render_page, (".html",)),
    "markdown": (render_markdown, (".md",)),
}


# ----------------------------------------------------------------------------------------------
# Corpus


class Maker:
    """Draws articles from the pool; one per call, deterministic given the seed."""

    def __init__(self, pool: Pool, vocab: Vocabulary, seed: int) -> None:
        self.pool, self.vocab = pool, vocab
        self.rng = random.Random(seed)
        self.names, self.type_of, self.by_type = actor_names(vocab)
        self.outlets = [o.name for o in vocab.outlets] + list(UNLISTED_OUTLETS)

    def article(self, index: int) -> Article:
        rng = self.rng
        language = "zh-Hant" if rng.random() < TRADITIONAL_SHARE and self.pool.paragraphs["zh-Hant"] else "zh-Hans"
        date = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        varier = Varier(rng, self.vocab, self.names, self.type_of, self.by_type, date)
        paragraphs = self.pool.paragraphs[language]
        headings = self.pool.headings[language] or self.pool.headings["zh-Hans"]
        picked = rng.sample(paragraphs, k=min(len(paragraphs), 24))
        blocks: list[tuple[str, str]] = []
        for number, text in enumerate(picked):
            if number and number % rng.randint(3, 6) == 0:
                blocks.append(("h", varier.vary(rng.choice(headings))))
            blocks.append(("li" if rng.random() < 0.04 else "p", varier.vary(text)))
        lead = re.split(r"[，。：；]", blocks[0][1])[0][:18]
        title = f"{varier.vary(rng.choice(headings))}：{lead}"
        slug = f"{date.isoformat()}-{rng.choice(SLUG_WORDS)}-{index:05d}"
        url = f"https://{rng.choice(HOSTS)}/world/{date:%Y/%m/%d}/{slug}.html"
        authors = [_person(rng) for _ in range(rng.choice((1, 1, 2)))]
        return Article(index, title, date, rng.choice(self.outlets), authors, blocks, url, language)

    def render(self, article: Article, form: str) -> tuple[str, str]:
        """The file text, cut to a size drawn from 3–5 KB by dropping trailing blocks, and its suffix."""
        rng = self.rng
        renderer, suffixes = RENDERERS[form]
        target = rng.randint(MIN_BYTES, MAX_BYTES)
        state = rng.getstate()
        keep = len(article.blocks)
        text = ""
        for keep in range(2, len(article.blocks) + 1):  # the smallest article at least `target` bytes
            rng.setstate(state)  # same chrome whatever the length
            text = renderer(_cut(article, keep), rng)
            if len(text.encode()) >= target:
                break
        if len(text.encode()) > MAX_BYTES and keep > 2:
            rng.setstate(state)
            text = renderer(_cut(article, keep - 1), rng)
        return text, rng.choice(suffixes)


def _cut(article: Article, keep: int) -> Article:
    blocks = article.blocks[:keep]
    while blocks and blocks[-1][0] == "h":
        blocks = blocks[:-1]
    return Article(article.index, article.title, article.date, article.outlet, article.authors, blocks,
                   article.url, article.language)


def frozen_code() -> dict[str, object] | str:
    """What `bench/run.py` froze into CODE (its FROZEN.json), else the path of the code used."""
    stamp = CODE / "FROZEN.json"
    return json.loads(stamp.read_text()) if stamp.exists() else str(CODE)


def make_corpus(size: int, seed: int = 7, out: Path = OUT, force: bool = False) -> Path:
    """Write `out/corpus-<size>/` (a project folder) and return it; reused if it is complete."""
    root = out / f"corpus-{size}"
    manifest = root / "corpus.json"
    if manifest.exists() and not force:
        data = json.loads(manifest.read_text())
        if data.get("size") == size and data.get("seed") == seed:
            return root
    assert root.resolve().is_relative_to(OUT.resolve()), root  # never delete outside bench/out
    if root.exists():
        shutil.rmtree(root)
    raw = root / "content" / "raw"
    raw.mkdir(parents=True)
    copy_project(root)
    vocab = load_vocabulary(default_settings(CODE))
    pool = read_pool()
    maker = Maker(pool, vocab, seed + size)
    forms: Counter[str] = Counter()
    sizes: list[int] = []
    made: list[Article] = []
    duplicates = 0
    for index in range(size):
        form = maker.rng.choices(FORMS, FORM_WEIGHTS)[0]
        if made and maker.rng.random() < DUPLICATE_SHARE:
            article = maker.rng.choice(made)  # a repost: same article, other chrome and file name
            article = Article(index, article.title, article.date, article.outlet, article.authors, article.blocks,
                              article.url, article.language)
            duplicates += 1
        else:
            article = maker.article(index)
            made.append(article)
        text, suffix = maker.render(article, form)
        name = f"{article.date.isoformat()}-{maker.rng.choice(SLUG_WORDS)}-{index:05d}{suffix}"
        data = text.encode()
        (raw / name).write_bytes(data)
        forms[form] += 1
        sizes.append(len(data))
    manifest.write_text(json.dumps({
        "size": size, "seed": seed, "forms": dict(sorted(forms.items())), "reposts": duplicates,
        "bytes_total": sum(sizes), "bytes_min": min(sizes), "bytes_max": max(sizes),
        "bytes_mean": round(sum(sizes) / len(sizes)),
        "pool_paragraphs": {k: len(v) for k, v in pool.paragraphs.items()}, "pool_read_with": frozen_code(),
    }, indent=1) + "\n")
    return root


# ----------------------------------------------------------------------------------------------
# Project files


def replace_top_level(text: str, key: str, block: str | None) -> str:
    """Replace (or, with None, remove) the top-level YAML key `key` and its indented block.

    Text surgery rather than a YAML round trip: mkdocs.yml holds a `!!python/object/apply` tag
    and comments that a round trip would lose.
    """
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    skipping = False
    found = False
    for line in lines:
        top = bool(line.strip()) and not line[0].isspace() and not line.startswith("#")
        if top:
            skipping = False
            if re.match(rf"{re.escape(key)}\s*:", line):
                skipping = found = True
                if block is not None:
                    out.append(block.rstrip("\n") + "\n")
                continue
        if not skipping:
            out.append(line)
    if not found and block is not None:
        out.append("\n" + block.rstrip("\n") + "\n")
    return "".join(out)


def project_config(repo: Path = CODE, code: Path = CODE) -> str:
    """The repo's mkdocs.yml, its template path made absolute (pointing into `code`). The plugin's
    code is whichever `generator` comes first on sys.path: bench/timed_mkdocs.py puts `code` there."""
    text = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    text = replace_top_level(text, "watch", f"watch:\n  - content\n  - {code / 'templates'}\n")
    return replace_top_level(text, "site_dir", "site_dir: site\n")


def copy_project(root: Path, repo: Path = CODE) -> None:
    """Vocabularies, hand-written pages and mkdocs.yml of the repo into the project folder `root`
    (refreshed by `bench/run.py` before every run; the raw articles are left alone)."""
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    for path in sorted((repo / "content").glob("*.yaml")):
        shutil.copy2(path, content / path.name)
    if (content / "pages").exists():
        shutil.rmtree(content / "pages")
    shutil.copytree(repo / "content" / "pages", content / "pages")
    (root / "mkdocs.yml").write_text(project_config(repo), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--force", action="store_true", help="regenerate even if the corpus exists")
    args = parser.parse_args(argv)
    for size in args.sizes:
        root = make_corpus(size, args.seed, force=args.force)
        print(f"{root.relative_to(REPO)}: {(root / 'corpus.json').read_text().strip()}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
