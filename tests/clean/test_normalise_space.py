"""normalise_space returns a text with no white space as it is: the same as running its rules."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.clean import candidates
from generator.clean.candidates import normalise_space

SPACES = st.sampled_from([" ", "  ", "\n", " \n  ", "\t", "\u3000", "\u3000\u3000", "\u00a0", "\u200b", "\ufeff",
                          "\u2003", "\r", "中", "国", "，", "a", "。"])


def by_the_rules(text: str) -> str:
    """normalise_space without its shortcut."""
    text = candidates._WRAPPED_SPACE.sub("", text)
    parts = candidates._IDEOGRAPHIC_RUN.split(text)
    joined = "\u3000".join(candidates._OTHER_SPACE.sub(" ", part) for part in parts)
    return re.sub(r" ?\u3000 ?", "\u3000", joined).strip(" \u3000\t\n")


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.lists(SPACES, max_size=12).map("".join)))
def test_the_shortcut_changes_nothing(text):
    assert normalise_space(text) == by_the_rules(text)
