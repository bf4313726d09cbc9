"""The body's edges: reader-facing boxes, captions, labels and bios that open or close an article
(edge rules, `where: edge` in content/boilerplate.yaml), a headline printed again over the text, a
bracketed label after the last sentence, a picture's caption in a definition list, and the
fallback reader left alone when our reader found a whole paragraph. Each rule at its boundary: what
it takes, and the nearest article text it must keep."""

from __future__ import annotations

from collections.abc import Sequence

from generator.clean import drop_stated_title
from generator.clean.candidates import Candidate
from generator.clean.classify import EDGE_BOX_MAX, classify
from generator.clean.fallback import FALLBACK_PARAGRAPH_CHARS, fall_back_if_empty
from generator.clean.html import read_html
from generator.model import Block, BlockKind
from generator.vocab import Vocabulary

LEAD = "市消防局昨日凌晨接获报案，一栋六层住宅楼的顶楼发生火灾，消防员到场后在二十分钟内将火势扑灭。"
MIDDLE = "警方初步调查认为，起火原因是电动自行车在楼道内充电时电池过热，具体原因仍在进一步调查之中。"
LAST = "区政府表示，将在全区开展为期一个月的电动自行车充电安全检查，并在各小区增设集中充电设施。"


def run(items: Sequence[str | Candidate], vocab: Vocabulary) -> list[Block]:
    return classify([c if isinstance(c, Candidate) else Candidate(c) for c in items], vocab.rules)


def body(blocks: Sequence[Block]) -> list[str]:
    return [b.text for b in blocks if b.kept and b.kind is not BlockKind.CAPTION]


# --- reader-box (an `end` edge rule) -----------------------------------------------------------------


def test_a_hotline_box_after_the_last_paragraph_goes_with_its_slogan_and_everything_after(vocab: Vocabulary) -> None:
    blocks = run([LEAD, MIDDLE, LAST, "本报关心您：再给自己一次机会", "心理援助专线：0800-000000（24小时）",
                  "生命线：1995", "(本报)"], vocab)
    assert body(blocks) == [LEAD, MIDDLE, LAST]
    assert "reader-box" in {b.rule for b in blocks[3:]}


def test_a_hotline_followed_by_a_long_paragraph_is_not_a_closing_box(vocab: Vocabulary) -> None:
    long_paragraph = (LAST * 3)[:EDGE_BOX_MAX + 1]
    blocks = run([LEAD, MIDDLE, "生命线：1995", long_paragraph], vocab)
    assert body(blocks) == [LEAD, MIDDLE, "生命线：1995", long_paragraph]


def test_a_follow_the_account_promo_above_the_post_goes_with_the_label_under_it(vocab: Vocabulary) -> None:
    promo = "最近不少文章被删，还没有添加小编微信号的朋友，欢迎添加以防失联。"
    blocks = run([promo, "小编导语", LEAD, MIDDLE, LAST], vocab)
    assert body(blocks) == [LEAD, MIDDLE, LAST]
    assert [b.rule for b in blocks[:2]] == ["reader-box", "edge-label"]


def test_an_invitation_to_like_the_fan_page_closing_a_post_goes_with_the_lines_after_it(vocab: Vocabulary) -> None:
    invite = "喜歡這篇遊記的朋友，歡迎到我們的 FB 粉絲團按個「讚」!"
    blocks = run([LEAD, MIDDLE, LAST, invite, "每週都會更新新的路線喔"], vocab)
    assert body(blocks) == [LEAD, MIDDLE, LAST]
    assert blocks[3].rule == "reader-box"


def test_praise_inside_the_article_is_no_fan_page_promo(vocab: Vocabulary) -> None:
    praise = "不少網友在粉絲團留言稱讚消防員的表現，認為他們反應迅速。"
    blocks = run([LEAD, MIDDLE, LAST, praise], vocab)
    assert praise in body(blocks)


def test_a_promo_line_after_the_first_paragraph_does_not_take_the_paragraph_above_it(vocab: Vocabulary) -> None:
    promo = "为防走失，请加我个人微信：abc123"
    blocks = run([LEAD, promo, MIDDLE, LAST, "本文完。" + LAST], vocab)
    assert LEAD in body(blocks)


def test_the_same_promo_words_inside_the_article_stay(vocab: Vocabulary) -> None:
    promo = "为防走失，请加我个人微信：abc123"
    blocks = run([LEAD, promo, MIDDLE, LAST, LAST + LEAD, MIDDLE + LAST, LEAD + MIDDLE, LAST + MIDDLE], vocab)
    assert promo in body(blocks)


# --- edge-caption, closing-bio (peeled at the ends) -----------------------------------------------------


def test_a_pointer_caption_opening_the_body_becomes_a_caption(vocab: Vocabulary) -> None:
    caption = "▲消防员在顶楼搜救，现场浓烟密布。"
    blocks = run([caption, LEAD, MIDDLE, LAST], vocab)
    assert body(blocks) == [LEAD, MIDDLE, LAST]
    assert (blocks[0].rule, blocks[0].kind, blocks[0].kept) == ("edge-caption", BlockKind.CAPTION, True)


def test_a_pointer_line_between_paragraphs_is_left_to_the_article(vocab: Vocabulary) -> None:
    pointer = "▲第二，区政府将增设集中充电设施，方便居民充电。"
    assert body(run([LEAD, pointer, MIDDLE, LAST], vocab)) == [LEAD, pointer, MIDDLE, LAST]


def test_an_authors_bio_closing_the_article_goes(vocab: Vocabulary) -> None:
    bio = "作者某某，为某科技网专栏作者，长期关注城市安全。"
    blocks = run([LEAD, MIDDLE, LAST, bio], vocab)
    assert body(blocks) == [LEAD, MIDDLE, LAST]
    assert blocks[-1].rule == "closing-bio"


def test_the_same_bio_sentence_inside_the_article_stays(vocab: Vocabulary) -> None:
    bio = "作者某某，为某科技网专栏作者，长期关注城市安全。"
    assert bio in body(run([LEAD, bio, MIDDLE, LAST], vocab))


# --- repeated-headline ---------------------------------------------------------------------------------


def test_the_headline_printed_again_over_the_text_goes_with_its_kicker(vocab: Vocabulary) -> None:
    headline = "六层住宅楼顶楼起火 无人受伤"
    blocks = run([Candidate(headline, BlockKind.HEADING, verdict="headline"), "2025-03-01 08:00",
                  Candidate("电动车充电引发", BlockKind.HEADING), Candidate(headline, BlockKind.HEADING),
                  LEAD, MIDDLE, LAST], vocab)
    assert [b.rule for b in blocks[2:4]] == ["repeated-headline", "repeated-headline"]
    assert body(blocks) == [LEAD, MIDDLE, LAST]


def test_a_subheading_that_differs_from_the_headline_stays(vocab: Vocabulary) -> None:
    blocks = run([Candidate("六层住宅楼顶楼起火 无人受伤", BlockKind.HEADING, verdict="headline"),
                  Candidate("起火原因", BlockKind.HEADING), LEAD, Candidate("善后工作", BlockKind.HEADING),
                  MIDDLE, LAST], vocab)
    assert "善后工作" in body(blocks)
    assert "repeated-headline" not in {b.rule for b in blocks}


# --- after-body-chrome: a bracketed label is not a sentence ------------------------------------------


def test_a_short_line_ending_in_a_bracketed_label_after_the_article_is_chrome(vocab: Vocabulary) -> None:
    blocks = run([LEAD, MIDDLE, LAST, "热门铃声", "[音效]新歌 一分钟(搞笑版)"], vocab)
    assert body(blocks) == [LEAD, MIDDLE, LAST]
    assert blocks[-1].rule == "after-body-chrome"


def test_a_closing_sentence_in_brackets_stays(vocab: Vocabulary) -> None:
    closing = "（本报记者将继续关注此事的进展。）"
    assert body(run([LEAD, MIDDLE, LAST, closing], vocab)) == [LEAD, MIDDLE, LAST, closing]


def test_a_closing_stamp_all_in_brackets_is_not_taken_for_a_label(vocab: Vocabulary) -> None:
    blocks = run([LEAD, MIDDLE, LAST, "（某某日报 2025年5月4日）"], vocab)
    assert blocks[-1].rule != "after-body-chrome"


# --- markup-caption: <dd> of a picture's <dl> ----------------------------------------------------------


def test_the_description_of_a_picture_in_a_definition_list_is_a_caption() -> None:
    markup = (f'<div><dl class="pic"><dt><img src="a.jpg"></dt><dd>资料图：某某某。</dd></dl>'
              f"<p>{LEAD}</p><dl><dt>术语</dt><dd>{MIDDLE}</dd></dl></div>")
    candidates, _ = read_html(markup, whole_page=False)
    kinds = {c.text: c.kind for c in candidates}
    assert kinds["资料图：某某某。"] is BlockKind.CAPTION
    assert kinds[MIDDLE] is not BlockKind.CAPTION


# --- reader-fallback: a whole paragraph means the article was found -----------------------------------


def test_a_page_whose_reader_kept_one_whole_paragraph_is_not_read_again(vocab: Vocabulary) -> None:
    paragraph = (LEAD + MIDDLE)[:FALLBACK_PARAGRAPH_CHARS]
    paragraph = paragraph[:-1] + "。"
    candidates = [Candidate(paragraph)]
    blocks = run(candidates, vocab)
    page = "<html><body>" + "".join(f"<p>{LAST}{i}</p>" for i in range(20)) + "</body></html>"
    assert fall_back_if_empty(page, candidates, blocks, vocab.rules) == (candidates, blocks)


def test_a_page_whose_reader_kept_only_a_short_line_is_read_by_the_fallback(vocab: Vocabulary) -> None:
    candidates = [Candidate("短讯。")]
    blocks = run(candidates, vocab)
    page = "<html><body><article>" + "".join(f"<p>{LAST}{LEAD}</p>" for _ in range(3)) + "</article></body></html>"
    _, after = fall_back_if_empty(page, candidates, blocks, vocab.rules)
    assert any(b.rule == "reader-fallback" for b in after)


def test_a_fallback_that_finds_only_a_list_of_dated_headlines_does_not_replace_a_short_story(
        vocab: Vocabulary) -> None:
    short = ["港口今年一季度吞吐量同比增长百分之五。", "集装箱业务增长较快。"]
    candidates = [Candidate(t) for t in short]
    blocks = run(candidates, vocab)
    related = "".join(f"<li><a href='/n{i}'>港口{i}月吞吐量数据发布 2024/0{i}/0{i}</a></li>" for i in range(1, 9))
    page = f"<html><body><div class='main'><ul>{related}</ul></div></body></html>"
    assert fall_back_if_empty(page, candidates, blocks, vocab.rules) == (candidates, blocks)


# --- repeated-headline: a title the markup states, printed again as the first line -------------------


def test_a_stated_title_repeated_as_the_first_body_line_is_not_the_first_paragraph(vocab: Vocabulary) -> None:
    title = "六层住宅楼顶楼起火。消防员二十分钟扑灭明火，所幸无人受伤"  # a sentence: the classifier keeps it
    blocks = drop_stated_title(run([title, LEAD, MIDDLE, LAST], vocab), [title])
    assert body(blocks) == [LEAD, MIDDLE, LAST]
    assert blocks[0].rule == "repeated-headline"


def test_the_title_words_later_in_the_body_stay(vocab: Vocabulary) -> None:
    title = "六层住宅楼顶楼起火 无人受伤"
    blocks = drop_stated_title(run([LEAD, title, MIDDLE, LAST], vocab), [title])
    assert body(blocks) == [LEAD, title, MIDDLE, LAST]
