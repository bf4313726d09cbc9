"""Markdown exports of blogs and re-posting sites: the site's HTML they carry, its shortcodes, bold
sub-heads, image captions and the readers' comments under the post. Fixtures are our own writing."""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Article, BlockKind, SourceForm

LEAD = "南风港务局周三宣布，港区三号码头的扩建工程将于明年春季动工，预计总投资约十二亿元，工期两年。"
SECOND = "港务局负责人表示，扩建后码头的年吞吐能力将提高三成，并将新增两条通往内陆的铁路专线。"
THIRD = "当地商会对此表示欢迎，认为新码头将帮助沿海制造企业降低物流成本，吸引更多外地投资。"


def export(body: str, front: str = "---\ntitle: 南风港扩建\ndate: 2025-04-02\n---\n") -> str:
    return f"{front}\n{body}\n"


def test_a_blog_export_with_html_is_read_as_markdown(clean_bytes: Callable[..., Article]) -> None:
    body = (f"{LEAD}\n\n<figure><img src='a.jpg'>\n<figcaption>码头远景，南风港务局供图</figcaption></figure>\n\n"
            f"{SECOND}\n\n<div class=\"note\">\n<p>{THIRD}</p>\n\n</div>\n")
    article = clean_bytes(export(body), "post.md")
    assert article.form is SourceForm.MARKDOWN
    assert LEAD in article.body and SECOND in article.body and THIRD in article.body
    assert "码头远景" not in article.body and "码头远景，南风港务局供图" in article.captions
    assert "<" not in article.body


def test_a_whole_page_embedded_in_a_post_is_read_as_a_page(clean_bytes: Callable[..., Article]) -> None:
    page = (f"<!DOCTYPE html>\n<html><head><style>\n\n.bar {{ color: red; }}\n</style></head>\n<body>\n"
            f"<nav><a href='/'>首页</a> <a href='/a'>国际</a> <a href='/b'>财经</a></nav>\n\n"
            f"<article><p>{SECOND}</p>\n\n<p>{THIRD}</p></article>\n<script>\n\nlocalStorage.getItem('theme');\n"
            f"</script>\n</body></html>")
    article = clean_bytes(export(f"{LEAD}\n\n{{{{<raw>}}}}\n{page}\n{{{{</raw>}}}}\n"), "post.md")
    assert SECOND in article.body and THIRD in article.body
    assert "localStorage" not in article.body and ".bar" not in article.body and "{{" not in article.body


def test_a_shortcode_line_is_site_markup(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(export(f'{{{{< spotify "https://open.spotify.example/embed/episode/1" >}}}}\n\n{LEAD}'),
                          "post.md")
    assert "spotify" not in article.body and LEAD in article.body
    assert any(b.rule == "md-shortcode" for b in article.blocks)


def test_a_line_in_bold_alone_is_a_sub_head(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(export(f"{LEAD}\n\n**码头扩建的由来**\n\n{SECOND}"), "post.md")
    heading = next(b for b in article.blocks if b.text == "码头扩建的由来")
    assert heading.kind is BlockKind.HEADING and heading.kept


def test_a_short_line_under_a_picture_is_its_caption(clean_bytes: Callable[..., Article]) -> None:
    body = f"{LEAD}\n\n[![](https://img.example/1.jpg)](https://img.example/1.jpg)\n\n2024年5月港务局长视察三号码头\n\n{SECOND}"
    article = clean_bytes(export(body), "post.md")
    assert "视察三号码头" not in article.body and "2024年5月港务局长视察三号码头" in article.captions
    assert "img.example" not in article.body and SECOND in article.body


def test_a_sentence_under_a_picture_stays_body(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(export(f"{LEAD}\n\n![](https://img.example/1.jpg)\n\n{SECOND}"), "post.md")
    assert SECOND in article.body


def test_the_readers_comments_under_a_bold_heading_are_not_body(clean_bytes: Callable[..., Article]) -> None:
    body = (f"{LEAD}\n\n{SECOND}\n\n---\n\n**评论**\n\n- 海鸥：早该扩建了，每年夏天码头都排长队。\n\n"
            "- 老船长：希望别又拖成烂尾工程。")
    article = clean_bytes(export(body), "post.md")
    assert SECOND in article.body and "早该扩建" not in article.body and "烂尾" not in article.body


def test_comment_in_running_text_does_not_end_the_article(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(export(f"{LEAD}\n\n评论\n\n{SECOND}"), "post.md")
    assert SECOND in article.body


def test_hugo_toml_front_matter_is_read_and_not_body(clean_bytes: Callable[..., Article]) -> None:
    front = ("+++\ndate = '2025-03-14T12:37:54+01:00'\ndraft = false\ntitle = '南风港扩建'\n"
             "Tags= ['港口', '基建']\n+++\n")
    article = clean_bytes(export(f"# 南风港扩建\n\n{LEAD}", front=front), "post.md")
    assert article.title.value == "南风港扩建" and article.date.value == "2025-03-14"
    assert "draft" not in article.body and "Tags" not in article.body


def test_an_unclosed_paragraph_tag_does_not_swallow_the_markdown_after_it(clean_bytes: Callable[..., Article]) -> None:
    body = f"<p>{LEAD}\n\n## 码头扩建的由来\n\n- {SECOND}\n\n[原文](https://example.org/a)"
    article = clean_bytes(export(body), "post.md")
    heading = next(b for b in article.blocks if b.text == "码头扩建的由来")
    assert heading.kind is BlockKind.HEADING and SECOND in article.body and "](" not in article.body


def test_a_backslash_escape_shows_the_character_it_escapes(clean_bytes: Callable[..., Article]) -> None:
    body = f"{LEAD}\n\n{SECOND}数据来源：港务局年报\\|第\\*3\\*章。\n\n{THIRD}\n"
    article = clean_bytes(export(body), "post.md")
    assert "数据来源：港务局年报|第*3*章。" in article.body
    assert "\\" not in article.body


def test_a_reporter_credit_under_the_text_is_read_not_kept_even_in_bold(clean_bytes: Callable[..., Article]) -> None:
    body = f"{LEAD}\n\n{SECOND}\n\n{THIRD}\n\n---\n\n**记者 \\| 梁文远**\n\n**编辑 \\| 何静**\n"
    article = clean_bytes(export(body), "post.md")
    assert article.body.rstrip().endswith(THIRD)
    assert article.authors == ("梁文远",)


def test_the_authors_own_closing_line_in_bold_stays(clean_bytes: Callable[..., Article]) -> None:
    body = f"{LEAD}\n\n{SECOND}\n\n{THIRD}\n\n**码头开工那天见**\n"
    assert clean_bytes(export(body), "post.md").body.rstrip().endswith("码头开工那天见")
