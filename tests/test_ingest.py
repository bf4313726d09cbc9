"""Reading raw files: any encoding a Chinese news file comes in, the form judged by content, a
stable ASCII id, and front matter that can override but never harm."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.ingest import decode, detect_form, list_raw_files, read_bytes, read_raw, slug_from_name
from generator.model import Article, Rejection, SourceForm
from generator.settings import Settings

HEADLINE = "國際調解院公約在港簽署　33國成為創始成員國"
LEAD = ("國際調解院公約簽署儀式昨日在香港舉行，外交部長王毅出席並見證，"
        "來自亞洲、非洲、拉丁美洲和歐洲的33個國家簽署公約。")
LEAD_HANS = ("当地时间11月16日，中国国家主席在秘鲁首都利马同美国总统举行会晤，"
             "这是两人的第三次面对面会晤，也很可能是最后一次。")


# --- encodings ----------------------------------------------------------------------------------------


def test_gb18030_bytes_are_decoded() -> None:
    text, encoding = decode(f"标题\n\n{LEAD_HANS}\n".encode("gb18030"))
    assert (encoding, LEAD_HANS in text) == ("gb18030", True)


def test_big5_bytes_are_decoded() -> None:
    text, encoding = decode(f"{HEADLINE}\n\n{LEAD}\n".encode("big5"))
    assert (encoding, LEAD in text, HEADLINE in text) == ("big5", True, True)


def test_hong_kong_characters_outside_big5_are_decoded_with_hkscs() -> None:
    text, encoding = decode(f"{LEAD}\n邨內居民表示，屋邨重建計劃應盡快落實。\n".encode("big5hkscs"))
    assert encoding == "big5hkscs" and "邨內居民" in text


def test_a_utf8_byte_order_mark_is_not_part_of_the_text(clean_bytes: Callable[..., Article]) -> None:
    raw = read_bytes(b"\xef\xbb\xbf" + f"{HEADLINE}\n\n{LEAD}\n".encode(), "bom.txt")
    assert raw.encoding == "utf-8-sig" and raw.text.startswith(HEADLINE)


def test_utf8_cut_inside_a_character_keeps_everything_before_the_cut() -> None:
    data = f"标题\n\n{LEAD_HANS}".encode()[:-1]  # 。 loses its last byte
    raw = read_bytes(data, "cut.txt")
    assert raw.encoding == "utf-8" and raw.text.endswith(LEAD_HANS[:-1] + "…")  # the broken character is gone
    assert any("undecodable" in w and "truncated" in w for w in raw.warnings)


def test_the_last_paragraph_of_a_cut_file_is_kept(clean_bytes: Callable[..., Article]) -> None:
    short = "双方同意继续保持沟通，并将在下月举行新一轮磋商。"
    article = clean_bytes(f"标题在这里\n\n{LEAD_HANS}\n\n{short}".encode()[:-1])
    assert short[:-1] in article.body


def test_a_gbk_page_that_declares_its_charset_is_decoded_with_it() -> None:
    page = f'<html><head><meta charset="gbk"><title>标题</title></head><body><p>{LEAD_HANS}</p></body></html>'
    text, encoding = decode(page.encode("gbk"))
    assert encoding == "gb18030" and LEAD_HANS in text


def test_mixed_line_endings_all_become_newlines() -> None:
    raw = read_bytes("标题\r\n\r\n第一段。\r第二段。\n第三段。\r\n".encode(), "eol.txt")
    assert raw.text.split("\n") == ["标题", "", "第一段。", "第二段。", "第三段。", ""]


def test_nul_and_control_characters_are_removed_with_a_warning() -> None:
    raw = read_bytes(f"标题\n\n{LEAD_HANS[:10]}\x00{LEAD_HANS[10:]}\x07\n".encode(), "nul.txt")
    assert LEAD_HANS in raw.text and "\x07" not in raw.text
    assert "NUL characters removed" in raw.warnings


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"), (b"  \n\t ", "empty"), (b"%PDF-1.7\n...", "PDF"), (b"\x89PNG\r\n\x1a\n....", "PNG"),
    (b"PK\x03\x04....", "ZIP"), ("\u3000\u3000\n".encode(), "no text"),
])
def test_what_is_not_an_article_is_rejected_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(Rejection, match=reason):
        read_bytes(data, "x.txt")


def test_a_file_over_the_size_limit_is_rejected_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(Rejection, match="over the 0 MB limit"):
        read_raw(path, tmp_path, Settings(content_dir=tmp_path, max_input_bytes=1024))


# --- form, judged by content ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "suffix", "form"), [
    ("<p>第一段。</p><p>第二段。</p><p>第三段。</p>", ".txt", SourceForm.HTML_FRAGMENT),
    ("<!DOCTYPE html><html><body><p>正文</p></body></html>", ".txt", SourceForm.HTML_PAGE),
    ("标题\n\n正文第一段。\n\n正文第二段。", ".html", SourceForm.TEXT),
    ("## 要点\n\n正文。", ".txt", SourceForm.MARKDOWN),
    ("正文。", ".md", SourceForm.MARKDOWN),
    ("<p>第一段。</p><p>第二段。</p><p>第三段。</p>", ".md", SourceForm.MARKDOWN),
    ("---\ntitle: 标题\n---\n<p>第一段。</p><p>第二段。</p><p>第三段。</p>", ".txt", SourceForm.MARKDOWN),
    ("+++\ntitle = '标题'\n+++\n<!DOCTYPE html><html><body><p>正文</p></body></html>", ".txt", SourceForm.MARKDOWN),
    ("---\ntitle: 标题\n---\n<!DOCTYPE html><html><body><p>正文</p></body></html>", ".html", SourceForm.HTML_PAGE),
    ('{"data": {"title": "标题", "content": "正文第一段。"}}', ".txt", SourceForm.DATA_RECORD),
    ("-- dump\nINSERT INTO `news` (`id`, `content`) VALUES (1, '<p>正文</p>');", ".txt", SourceForm.DATA_RECORD),
    ("DROP TABLE IF EXISTS `news`;\nCREATE TABLE `news` (`id` int, `content` text);\n"
     "INSERT INTO `news` VALUES (1, '<p>正文</p>');", ".sql", SourceForm.DATA_RECORD),
    ("<p>他说：</p><p>INSERT INTO 是一条SQL语句。</p><p>完。</p>", ".html", SourceForm.HTML_FRAGMENT),
])
def test_the_form_is_judged_by_content_not_by_name(text: str, suffix: str, form: SourceForm) -> None:
    assert detect_form(text, suffix) is form


def test_an_html_fragment_named_txt_is_read_as_html(clean_bytes: Callable[..., Article]) -> None:
    article = clean_bytes(f"<p>{LEAD_HANS}</p><p>{LEAD_HANS[::-1]}。</p><p>本文来自海川新闻客户端</p>", "item.txt")
    assert article.form is SourceForm.HTML_FRAGMENT and LEAD_HANS in article.body and "<p>" not in article.body


# --- ids ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "slug"), [
    ("2025-03-ck-hutchison-ports-mingpao.txt", "2025-03-ck-hutchison-ports-mingpao"),
    ("2025-10-busan-summit-repost 副本.txt", "2025-10-busan-summit-repost"),
    ("With Spaces [brackets] (1).TXT", "with-spaces-brackets-1"),
    ("Café Déjà Vu.md", "cafe-deja-vu"),
])
def test_the_id_is_an_ascii_slug_of_the_file_name(name: str, slug: str) -> None:
    assert slug_from_name(name) == slug


def test_a_chinese_file_name_gets_a_stable_hashed_id() -> None:
    first = slug_from_name("中美元首会晤.txt")
    assert first == slug_from_name("中美元首会晤.txt")
    assert first != slug_from_name("中俄元首会晤.txt")
    assert first.isascii() and first.startswith("a-") and len(first) == 12


def test_a_file_name_that_would_take_a_site_page_gets_a_hash() -> None:
    assert slug_from_name("index.txt").startswith("index-")


def test_hidden_files_are_not_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.txt").write_text("x")
    assert [p.name for p in list_raw_files(tmp_path)] == ["a.txt"]


# --- front matter ------------------------------------------------------------------------------------


def note(front: str) -> bytes:
    return f"---\n{front}\n---\n\n# 标题\n\n{LEAD_HANS}\n".encode()


def test_front_matter_overrides_title_date_and_id(clean_bytes: Callable[..., Article]) -> None:
    raw = read_bytes(note("title: 利马会晤笔记\ndate: 2024-11-17\nid: lima-meeting"), "note.md")
    assert raw.doc_id == "lima-meeting" and raw.front_matter["date"] == "2024-11-17"
    article = clean_bytes(note("title: 利马会晤笔记\ndate: 2024-11-17\nid: lima-meeting"), "note.md")
    assert (article.title.value, article.date.value, article.doc_id) == ("利马会晤笔记", "2024-11-17", "lima-meeting")


def test_a_python_tag_in_front_matter_is_refused_with_a_warning(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    raw = read_bytes(note(f'title: !!python/object/apply:os.system ["touch {marker}"]'), "tag.md")
    assert not marker.exists()
    assert "title" not in raw.front_matter
    assert any("front matter ignored" in w for w in raw.warnings)


def test_a_path_as_id_is_refused(clean_bytes: Callable[..., Article]) -> None:
    raw = read_bytes(note("id: ../../etc/evil"), "evil.md")
    assert raw.doc_id == "evil"
    assert any("'id' ignored" in w and "not an ASCII id" in w for w in raw.warnings)


def test_an_impossible_date_is_refused_and_the_rest_is_kept() -> None:
    raw = read_bytes(note("title: 利马会晤笔记\ndate: 2025-13-45"), "bad-date.md")
    assert raw.front_matter["title"] == "利马会晤笔记" and "date" not in raw.front_matter
    assert any("2025-13-45" in w and "real date" in w for w in raw.warnings)


def test_a_timestamp_date_keeps_its_day() -> None:
    raw = read_bytes(note("date: 2025-05-16 08:30:00+08:00"), "ts.md")
    assert raw.front_matter["date"] == "2025-05-16"


def test_the_index_id_is_refused() -> None:
    raw = read_bytes(note("id: index"), "index-note.md")
    assert raw.doc_id == "index-note"
    assert any("reserved" in w for w in raw.warnings)


def test_unknown_keys_and_wrong_types_are_named_in_warnings() -> None:
    raw = read_bytes(note("title: [1, 2]\ncolour: red"), "types.md")
    warnings = " ".join(raw.warnings)
    assert "'title' ignored" in warnings and "'colour' is not used" in warnings


def test_a_feed_readers_front_matter_keys_are_understood() -> None:
    raw = read_bytes(note("published: Mon, 21 Jul 2025 02:30:00 +0000\nlink: https://www.example.com/a/1.html\n"
                          "feed: 南风日报"), "saved-item.md")
    assert (raw.front_matter["date"], raw.front_matter["url"], raw.front_matter["outlet"]) == (
        "2025-07-21", "https://www.example.com/a/1.html", "南风日报")


def test_warnings_travel_on_the_document_not_inside_its_front_matter():
    raw = read_bytes("---\ntitle: 标题\nmood: calm\n---\n正文第一段。\n".encode(), "note.md", ".md")
    assert raw.warnings == ("front matter key 'mood' is not used",)
    assert raw.front_matter == {"title": "标题"}
