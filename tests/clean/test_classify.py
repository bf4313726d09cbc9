"""The classifier's structural rules, each on a few synthetic blocks and at its threshold (jusText's
test_classify_paragraphs.py): what a rule catches, and the nearest thing it must leave alone."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from generator.clean.candidates import Candidate
from generator.clean.classify import (
    ACCOUNT_MAX,
    HEADLINE_MAX,
    LINK_BLOCK_MAX,
    REFERENCE_ENTRY_MAX,
    SHORT_LINE,
    TRAIL_EXIT_MIN_CHARS,
    classify,
)
from generator.model import Block, BlockKind
from generator.vocab import Vocabulary

BODY = "当地时间3月4日，欧盟成员国领导人在布鲁塞尔举行特别峰会，讨论加强欧洲防务和继续支持乌克兰的问题。"
BODY_2 = "会议通过的声明说，欧盟将在未来四年内动员约8000亿欧元用于防务，并简化联合采购的程序。"


def run(items: Sequence[str | Candidate], vocab: Vocabulary | None = None) -> list[Block]:
    candidates = [c if isinstance(c, Candidate) else Candidate(c) for c in items]
    return classify(candidates, vocab.rules if vocab else ())


def rules(items: Sequence[str | Candidate], vocab: Vocabulary | None = None) -> list[str]:
    return [b.rule for b in run(items, vocab)]


def sentence(chars: int) -> str:
    """A line of running text exactly `chars` characters long, ending with a full stop."""
    base = "分析人士认为这一计划的落实仍取决于各成员国的财政状况和议会的支持以及欧洲防务工业的产能扩张速度"
    return (base * 4)[: chars - 1] + "。"


# --- timestamp-line ---------------------------------------------------------------------------------


def test_a_line_that_is_only_a_date_and_time_is_a_timestamp() -> None:
    assert rules([BODY, "2025-07-20 21:05:33", BODY_2])[1] == "timestamp-line"


def test_a_date_followed_by_words_is_not_a_timestamp() -> None:
    assert rules([BODY, "2025-07-20 会议在天津开幕", BODY_2])[1] == "content"


def test_a_timestamp_above_the_body_is_the_posts_meta_line() -> None:
    assert rules(["标题在这里说明事件", "2025-07-20 21:05:33", BODY]) == ["headline", "meta-line", "content"]


# --- recommendation lists (trail) ----------------------------------------------------------------------


def test_short_lines_after_a_list_heading_are_list_entries(vocab: Vocabulary) -> None:
    labels = rules([BODY, "相关推荐", "中超争冠悬念再起，两强同日双双失利", "绿茵速递"], vocab)
    assert labels == ["content", "recommendation-list", "in-recommendation-list", "in-recommendation-list"]


def test_running_text_of_the_exit_length_ends_the_list(vocab: Vocabulary) -> None:
    labels = rules([BODY, "相关推荐", "短标题", sentence(TRAIL_EXIT_MIN_CHARS)], vocab)
    assert labels[-1] == "content"


def test_running_text_one_character_short_of_the_exit_length_stays_in_the_list(vocab: Vocabulary) -> None:
    labels = rules([BODY, "相关推荐", "短标题", sentence(TRAIL_EXIT_MIN_CHARS - 1)], vocab)
    assert labels[-1] == "in-recommendation-list"


# --- end markers ----------------------------------------------------------------------------------------


def test_everything_after_a_comment_section_is_dropped(vocab: Vocabulary) -> None:
    labels = rules([BODY, "网友评论", sentence(60), "江城老刘"], vocab)
    assert labels == ["content", "comment-section", "after-end", "after-end"]


def test_an_end_marker_above_the_article_does_not_end_it(vocab: Vocabulary) -> None:
    labels = rules(["网友评论", BODY, BODY_2], vocab)
    assert labels == ["comment-section", "content", "content"]


def test_after_the_end_a_line_a_rule_knows_keeps_its_rule_name(vocab: Vocabulary) -> None:
    assert rules([BODY, "END", "编辑 | 周舟"], vocab) == ["content", "end-marker", "editor-line"]


# --- repeated-line ----------------------------------------------------------------------------------


def test_a_short_line_repeating_the_one_before_is_dropped() -> None:
    assert rules([BODY, "夏天吃西瓜有讲究", "夏天吃西瓜有讲究", BODY_2])[2] == "repeated-line"


def test_a_long_repeated_line_is_kept() -> None:
    long_line = sentence(100)
    assert rules([BODY, long_line, long_line])[2] == "content"


# --- references ----------------------------------------------------------------------------------------


def test_lines_after_a_reference_heading_are_references(vocab: Vocabulary) -> None:
    blocks = run([BODY, "参考资料", "白宫：会晤暂无计划 环球网 2025-10-22"], vocab)
    assert [(b.rule, b.kind, b.kept) for b in blocks[1:]] == [
        ("reference-list", BlockKind.NOISE, False), ("reference-entry", BlockKind.REFERENCE, True)]


def test_a_reference_longer_than_the_limit_ends_the_list(vocab: Vocabulary) -> None:
    entry = "长" * (REFERENCE_ENTRY_MAX + 1)
    assert rules([BODY, "参考资料", "白宫：会晤暂无计划 环球网 2025-10-22", entry], vocab)[-1] != "reference-entry"


# --- link-list ---------------------------------------------------------------------------------------


def test_a_short_block_that_is_mostly_links_is_a_link_list() -> None:
    text = "中印就边境巡逻安排达成一致"
    assert rules([BODY, Candidate(text, link_chars=len(text) // 2 + 1), BODY_2])[1] == "link-list"


def test_a_block_with_half_its_text_in_links_is_kept() -> None:
    text = "中印就边境巡逻安排达成一致。"
    assert rules([BODY, Candidate(text, link_chars=len(text) // 2), BODY_2])[1] == "content"


def test_a_long_linked_block_is_not_judged_by_its_links() -> None:
    text = "长" * (LINK_BLOCK_MAX + 1)
    assert rules([BODY, Candidate(text, link_chars=len(text)), BODY_2])[1] == "content"


# --- the header zone: headline, meta-line, header-account, leading-chrome ------------------------------


def test_the_longest_headline_like_line_above_the_body_is_the_headline() -> None:
    assert rules(["国际", "欧盟特别峰会讨论防务计划", BODY]) == ["leading-chrome", "headline", "content"]


def test_a_line_next_to_a_meta_line_is_preferred_as_headline() -> None:
    labels = rules(["这是一个比标题更长一些的导航栏文字条目", "要闻", "国际", "2025年3月29日星期六",
                    "長和港口交易添變數", BODY])
    assert labels[4] == "headline" and labels[0] == "leading-chrome"


def test_an_explicit_heading_wins_over_a_longer_line() -> None:
    labels = rules([Candidate("峰会讨论防务计划", BlockKind.HEADING), "这是一个比标题更长一些的导航栏文字条目", BODY])
    assert labels[0] == "headline"


def test_a_headline_longer_than_the_limit_is_not_one() -> None:
    assert rules(["长" * (HEADLINE_MAX + 1), BODY])[0] != "headline"


def test_source_and_byline_lines_above_the_body_are_meta_lines() -> None:
    labels = rules(["峰会讨论防务计划", "来源：东岸新闻　作者：林晓舟", "海川新闻记者 苏梦 综合报道", BODY])
    assert labels == ["headline", "meta-line", "meta-line", "content"]


def test_the_account_above_the_post_time_is_the_header_account() -> None:
    labels = rules(["峰会讨论防务计划到底意味着什么", "观澜国际评论", "2025-03-07 09:26", BODY])
    assert labels == ["headline", "header-account", "meta-line", "content"]


def test_a_line_too_long_for_an_account_is_not_one() -> None:
    labels = rules(["峰会讨论防务计划到底意味着什么", "长" * (ACCOUNT_MAX + 1), "2025-03-07 09:26", BODY])
    assert labels[1] != "header-account"


def test_a_standfirst_below_the_headline_stays() -> None:
    headline = "欧盟特别峰会讨论重新武装欧洲计划 拟在四年内动员八千亿欧元"
    standfirst = "成员国可以在财政规则之外为防务增加支出并联合采购"
    assert len(standfirst) > SHORT_LINE
    assert rules([headline, standfirst, BODY]) == ["headline", "content", "content"]


# --- after-body-chrome ---------------------------------------------------------------------------------


def test_short_lines_after_the_last_sentence_are_chrome() -> None:
    assert rules([BODY, BODY_2, "绿茵速递", "健康小贴士"])[2:] == ["after-body-chrome", "after-body-chrome"]


def test_a_line_after_the_body_longer_than_the_limit_stays() -> None:
    assert rules([BODY, BODY_2, "长" * (HEADLINE_MAX + 1)])[2] == "content"


@pytest.mark.parametrize("line", ["双方同意继续保持沟通，", "双方同意继续保持沟通\ufffd"])
def test_a_line_after_the_body_that_stops_mid_sentence_stays(line: str) -> None:
    assert rules([BODY, BODY_2, line])[2] == "content"


def test_what_the_author_structured_is_not_chrome() -> None:
    blocks = [BODY, BODY_2, Candidate("待跟踪", BlockKind.HEADING, authored=True),
              Candidate("各成员国议会的表决结果", BlockKind.LIST_ITEM, authored=True)]
    assert rules(blocks)[2:] == ["content", "content"]


# --- short-between-noise ------------------------------------------------------------------------------


def test_a_short_line_between_two_noise_lines_is_noise(vocab: Vocabulary) -> None:
    assert rules([BODY, "分享至", "绿茵速递", "举报", BODY_2], vocab)[2] == "short-between-noise"


def test_a_line_longer_than_short_between_noise_stays(vocab: Vocabulary) -> None:
    assert rules([BODY, "分享至", "长" * (SHORT_LINE + 1), "举报", BODY_2], vocab)[2] == "content"


# --- kinds of kept blocks ---------------------------------------------------------------------------


def test_a_short_line_standing_before_a_paragraph_heads_a_section() -> None:
    blocks = run([BODY, "各方回应", BODY_2])
    assert blocks[1].kind is BlockKind.HEADING and blocks[1].kept


@pytest.mark.parametrize("text", ["各方回应：", "各方回应。", "各方回应，"])
def test_a_short_line_ending_a_clause_is_a_paragraph(text: str) -> None:
    assert run([BODY, text, BODY_2])[1].kind is BlockKind.PARAGRAPH


def test_a_caption_the_markup_marks_is_kept_out_of_the_body() -> None:
    blocks = run([BODY, Candidate("3月4日，冯德莱恩在布鲁塞尔发表讲话。", BlockKind.CAPTION), BODY_2])
    assert (blocks[1].rule, blocks[1].kind, blocks[1].kept) == ("markup-caption", BlockKind.CAPTION, True)


def test_a_reader_verdict_is_kept_with_its_rule_name() -> None:
    assert rules([BODY, Candidate("首页", verdict="html-navigation")])[1] == "html-navigation"


def test_rules_match_traditional_text_by_its_simplified_form(vocab: Vocabulary) -> None:
    assert rules([BODY, "相關新聞：港府撥款支持調解院總部建設"], vocab)[1] == "recommendation-list"


def test_short_lines_after_the_closing_desk_credit_are_chrome(vocab: Vocabulary) -> None:
    teaser = sentence(60)  # a recommended story's teaser further down: the article's tail is not the page's
    assert rules([BODY, BODY_2, "责任编辑：林一", "澳门", "台风", "我要反馈", teaser], vocab)[2:6] == [
        "editor-line", "after-desk-credit", "after-desk-credit", "after-desk-credit"]


def test_a_desk_credit_above_the_article_does_not_end_it(vocab: Vocabulary) -> None:
    assert rules(["责任编辑：林一", "峰会背景", BODY, BODY_2], vocab)[2:] == ["content", "content"]
    assert rules([BODY, "责任编辑：林一", "峰会背景", BODY_2], vocab)[3] == "content"


def test_a_block_keeps_its_context_free_label_beside_the_revised_one(vocab: Vocabulary) -> None:
    blocks = run([BODY, BODY_2, "澳门", "（完）", BODY], vocab)
    assert [(b.context_free, b.rule) for b in blocks] == [
        ("content", "content"), ("content", "content"), ("content", "after-body-chrome"),
        ("end-marker", "end-marker"), ("content", "after-end")]


# --- no-words ------------------------------------------------------------------------------------------


def test_script_debris_and_lone_separators_are_not_paragraphs() -> None:
    # `");` is what a document.write("…</script>") leaves on the page once the parser ends the script.
    assert rules([BODY, '");', "·", "★ ★ ★", BODY_2]) == ["content", "no-words", "no-words", "no-words", "content"]


def test_a_line_of_only_a_number_or_a_latin_word_still_has_words() -> None:
    assert rules([BODY, "2025", "OK", BODY_2])[1:3] != ["no-words", "no-words"]
