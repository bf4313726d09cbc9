"""Sentences for summaries, figures and quotes: never cut inside a quotation."""

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.sentences import CLOSING, OPENING, TERMINAL, TRAILING, _split_paragraph, split_sentences


def test_sentences_end_at_chinese_full_stops_and_marks():
    assert split_sentences("第一句。第二句！第三句？") == ["第一句。", "第二句！", "第三句？"]


def test_a_full_stop_inside_quotation_marks_does_not_end_the_sentence():
    text = "他说：“我们不结盟。我们也不对抗。”随后离开。"
    assert split_sentences(text) == ["他说：“我们不结盟。我们也不对抗。”随后离开。"]


def test_closing_marks_stay_with_their_sentence():
    assert split_sentences("他问：“为什么？”……然后呢？") == ["他问：“为什么？”……然后呢？"]


def test_paragraphs_never_run_together():
    assert split_sentences("没有句号的标题\n正文一句。") == ["没有句号的标题", "正文一句。"]


def split_paragraph_char_by_char(paragraph: str) -> list[str]:
    """The splitter as first written, one character at a time: the reference for the fast one."""
    out, start, depth, index = [], 0, 0, 0
    while index < len(paragraph):
        char = paragraph[index]
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            depth = max(0, depth - 1)
        elif char in TERMINAL and depth == 0:
            end = index + 1
            while end < len(paragraph) and (paragraph[end] in TERMINAL or paragraph[end] in TRAILING):
                end += 1
            out.append(paragraph[start:end].strip())
            start, index = end, end
            continue
        index += 1
    if paragraph[start:].strip():
        out.append(paragraph[start:].strip())
    return out


PIECES = st.sampled_from([*OPENING, *CLOSING, *TERMINAL, *TRAILING, "他说", "我们", " ", "a", "，", "……"])


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.lists(PIECES, max_size=30).map("".join)))
def test_the_splitter_cuts_where_a_character_by_character_reading_does(paragraph):
    assert _split_paragraph(paragraph) == split_paragraph_char_by_char(paragraph)
