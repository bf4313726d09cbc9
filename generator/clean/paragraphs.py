"""Text that a record carries in a field (a JSON or SQL value, a feed item's <content>), made into
paragraphs of markup for the page reader. One rule, shared by every reader of records:

  flat-paragraphs a record's text (or markup with only inline tags) is broken into paragraphs at
                  its lines and at ideographic indents; markup with block tags is left as it is

`containers` (JSON, SQL, typed blocks) and `records` (RSS, Atom, crawler <doc>) both call
`as_paragraphs`, and both tell markup from text with `HTML_IN_STRING`.
"""

from __future__ import annotations

import html as html_lib
import re

# A field's value that holds HTML rather than text: any common block or inline tag, opening or closing.
HTML_IN_STRING = re.compile(
    r"<\s*/?\s*(?:p|div|br|span|img|h[1-6]|section|strong|em|b|i|u|font|a|figure|blockquote)\b", re.I)
# Markup that breaks text into blocks; a record's text without any is broken at its lines and indents.
BLOCK_MARKUP = re.compile(r"<\s*(?:p|div|br|h[1-6]|section|article|li|table|blockquote)\b", re.I)
# Flattened paragraphs: a run of ideographic spaces, the indent each paragraph began with.
INDENT_BREAK = re.compile(r"\s*\u3000{2,}\s*")


def is_markup(text: str) -> bool:
    """Whether a field's value is HTML (to be read as markup) rather than text (to be escaped)."""
    return bool(HTML_IN_STRING.search(text))


def as_paragraphs(text: str, markup: bool) -> str:
    """Rule `flat-paragraphs`: a record's text, or markup with only inline tags (<em> hit
    highlighting), as paragraphs: one per line, and one per ideographic indent where a record ran
    its paragraphs together ("…两个月。　　根据…"). Markup with block tags is left as it is; text
    that is not markup is escaped."""
    if markup and BLOCK_MARKUP.search(text):
        return text
    pieces = (piece.strip() for line in text.splitlines() for piece in INDENT_BREAK.split(line))
    return "".join(f"<p>{piece if markup else html_lib.escape(piece)}</p>\n" for piece in pieces if piece)


__all__ = ["BLOCK_MARKUP", "HTML_IN_STRING", "as_paragraphs", "is_markup"]
