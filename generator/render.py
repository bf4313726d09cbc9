"""Jinja2 → Markdown, with article text kept as text.

Every value a template prints is escaped for Markdown *and* HTML by the environment's `finalize`
hook, unless it is a `Trusted` string that this program built itself (a link to one of our pages,
an SVG picture we drew). So a headline like `{{ x }}`, `<script>`, `# title`, `| a |` or
`[x](javascript:…)` shows as the characters it is; article text is only ever data passed into a
template, never template source.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"

# Characters with a meaning in Markdown, its extensions (tables, attr_list, admonitions, tilde,
# caret) or HTML, replaced by numeric character references: they render as themselves and are
# never read as syntax.
_SPECIAL = str.maketrans({c: f"&#{ord(c)};" for c in "&<>*_`[]#|\\{}!~^$:=+\"'"})
_LINE_START_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.M)
_LINE_START_DASH = re.compile(r"^(\s*)-", re.M)


def _number_reference(match: re.Match[str]) -> str:
    return f"{match[1]}&#{ord(match[2])};"


class Trusted(str):
    """Markup built by this program (never from article text): printed as it is."""


def escape_markdown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Trusted):
        return value
    text = str(value)
    text = text.translate(_SPECIAL)  # in C: this runs for every value of every page
    if "\n" not in text and not text[:1].isspace():
        # One line (most values: names, titles, dates, cells): only its first character can start
        # a list, so only the rule for that character runs.
        if text[:1].isdigit():
            return _LINE_START_NUMBER.sub(_number_reference, text, count=1)
        return "&#45;" + text[1:] if text[:1] == "-" else text
    text = _LINE_START_NUMBER.sub(_number_reference, text)
    text = _LINE_START_DASH.sub(r"\1&#45;", text)
    # Four leading spaces would make a code block; a blank line inside a table cell would end it.
    return re.sub(r"^[ \t]+", "", text, flags=re.M)


def one_line(value: Any) -> Trusted:
    """Text for a table cell or a link label: on one line, escaped (and so safe to print as is)."""
    if isinstance(value, Trusted):
        return value
    return Trusted(escape_markdown(" ".join(str(value or "").split())))  # runs of whitespace as one space


def safe_url(url: str | None) -> str | None:
    """An external address fit for a link: http(s) only, no characters that could leave the
    Markdown link or the HTML attribute."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=":/?#[]@!$&'*+,;=%-._~")


def link(label: Any, target: str) -> Trusted:
    """A Markdown link to one of our own pages or a checked external URL."""
    return Trusted(f"[{one_line(label)}]({target.replace(' ', '%20').replace(')', '%29').replace('(', '%28')})")


# Characters a YAML reader refuses (C1 controls, lone surrogates, U+FFFE/FFFF) or reads as line
# breaks (U+0085, U+2028, U+2029): written as \u escapes, which YAML's double-quoted strings read back.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _yaml_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def front_matter(**fields: Any) -> Trusted:
    """YAML front matter written as JSON values (valid YAML, no tags, quotes escaped).

    Text values are HTML-escaped: Material prints `title` and `description` from front matter into
    the page unescaped (`<title>`, the header, `<meta name="description" content="…">`, the search
    index), so a headline is HTML there. And every character is one YAML accepts: MkDocs shows
    front matter it cannot parse as Markdown, article text unescaped."""
    lines = ["---"]
    for key, value in fields.items():
        if value is not None:
            value = html.escape(value, quote=True) if isinstance(value, str) else value
            text = _YAML_UNSAFE.sub(_yaml_escape, json.dumps(value, ensure_ascii=False))
            lines.append(f"{key}: {text}")
    lines.append("---")
    return Trusted("\n".join(lines))


@lru_cache(maxsize=2)
def environment(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        finalize=escape_markdown,
        autoescape=False,  # escaping is `finalize`'s job: Markdown needs more than HTML escaping
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["cell"] = one_line
    env.filters["trusted"] = Trusted
    env.globals["link"] = link
    env.globals["front_matter"] = front_matter
    env.globals["safe_url"] = safe_url
    return env


def render(template: str, **context: Any) -> str:
    text = environment().get_template(template).render(**context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
