"""The Han character class and clause punctuation, defined once in generator/han.py."""

from __future__ import annotations

import pytest

from generator.clean.candidates import normalise_space
from generator.han import CLAUSE_END, HAN, SENTENCE_END, is_han


@pytest.mark.parametrize(("char", "han"), [
    ("中", True), ("國", True), ("㐀", True),  # Extension A
    ("𨋢", True), ("𠝹", True),  # HKSCS characters beyond the BMP (Extension B)
    ("﨑", True),  # a compatibility ideograph
    ("䷀", False), ("䷿", False),  # Yijing hexagram symbols sit between Extension A and the main block
    ("，", False), ("。", False), ("A", False), ("1", False), ("ー", False), ("가", False),
])
def test_which_characters_are_han(char: str, han: bool) -> None:
    assert is_han(char) is han and bool(HAN.search(char)) is han


def test_a_line_break_between_hong_kong_characters_is_a_wrapped_line() -> None:
    assert normalise_space("大廈的\n    𨋢門") == "大廈的𨋢門"


def test_clause_ends_do_not_end_a_sentence() -> None:
    assert set("，、") <= set(CLAUSE_END) and not set("，、") & set(SENTENCE_END)
    assert "。" in SENTENCE_END and "。" not in CLAUSE_END
