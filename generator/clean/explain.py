"""Why each metadata value won: every candidate the chains saw, in the order of their precedence,
the winner marked, and a word on why each other one lost (`python -m generator explain FILE`).

The chains themselves live in `metadata`; this module only re-reads the same evidence (hints of the
reader, the page's header, lead and trailer) and compares it with the article `clean` made, so
what it shows cannot drift from what was chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..dates import date_in_url, full_dates, parse_explicit
from ..model import Article, Block, RawDocument, Sourced, SourcedDate, SourceForm
from ..vocab import Vocabulary
from . import clean, read_blocks
from .attribution import AUTHORS_CHAIN, OUTLET_CHAIN
from .candidates import Hints
from .metadata import (
    EXPLICIT_TITLE_RULES,
    SITE_OUTLET_RULES,
    SUFFIXED_TITLE_RULES,
    _closing_stamp,
    _context_year,
    _dateline,
    _headline_block,
    _headline_within,
    _original_date,
    _Page,
    _references,
    _roc_date,
    _stamp_line,
    derive_title,
    strip_site_suffix,
)

# Each chain's precedence, best evidence first, as `metadata` applies it.
CHAINS = {
    "title": "front matter > JSON-LD headline > og:title > record/feed title > feed link line > Markdown # > "
             "the article's headline line (or the <title>, when the line is only part of it) > <title> > "
             "first sentence (derived)",
    "date": "front matter (unless a re-post states its original date) > markup or record publication time > "
            "the header's meta line > a dated meta or source line further down > a date in the URL > the dateline > "
            "a digital edition's issue day above the article > "
            "the feed's timestamp or a record's stored time > a ROC stamp > "
            "latest reference (month) > the lead (month) > latest date in the body (month)",
    "url": "front matter > canonical link > og:url > JSON-LD url > digital-edition property > record url > "
           "feed link line > feed link > "
           "Markdown heading link > a re-post's link to its original > a labelled address line > the address "
           "share links pass on",
    "outlet": OUTLET_CHAIN,
    "authors": AUTHORS_CHAIN,
}
WON = "first in the chain to answer"
# Winners that beat a link above them by a named rule.
RULE_WHY = {"text:original-date": "the original's date, stated by the re-post (repost-original-date); the front "
                                  "matter holds the re-post's own time"}
WON_INFERRED = "first in the chain to answer; inferred, not stated"
HEADLINE_WITHIN_NOTE = "puts a column or site name in front of the article's own headline (headline-within-title)"
URL_RULES = ("front-matter", "html:canonical", "html:og-url", "json-ld:url", "html:paper-property", "api:url",
             "feed:link-line", "feed:link", "markdown:heading-link", "markdown:original-link", "html:share-link")


@dataclass(frozen=True)
class Considered:
    """One piece of evidence for a field: its value as the chain would take it, the rule that found
    it, whether it won, and why not when it did not."""

    field: str
    value: str
    rule: str
    chosen: bool = False
    note: str = ""


def explain_metadata(raw: RawDocument, vocab: Vocabulary) -> tuple[Article, list[Considered]]:
    """The article as `clean` makes it, and every candidate of its title, date, url, outlet and authors."""
    article = clean(raw, vocab)
    candidates, hints, blocks = read_blocks(raw, vocab)
    page = _Page(blocks, [c.folded for c in candidates])
    front = raw.front_matter
    out = [*_titles(raw.form, hints, blocks, front, article.title),
           *_dates(hints, page, blocks, front, article),
           *_urls(hints, front, article.url),
           *_outlets(hints, front, article.outlet),
           *_authors(hints, front, article.authors)]
    return article, out


def _mark(field: str, found: Sequence[tuple[str, str, str]], winner: Sourced | SourcedDate | None) -> list[Considered]:
    """(value, rule, note) in chain order → Considered, the winner marked; a winner found by a rule
    not listed (a text rule) is put first."""
    out, seen = [], False
    for value, rule, note in found:
        won = winner is not None and not seen and (value, rule) == (winner.value, winner.rule)
        seen = seen or won
        agrees = winner is not None and value == winner.value and not note
        why = RULE_WHY.get(rule, WON_INFERRED if winner is not None and winner.inferred else WON) if won else (
            "agrees, lower in the chain" if agrees else note or "lower in the chain")
        out.append(Considered(field, value, rule, won, why))
    if winner is not None and not seen:
        out.insert(0, Considered(field, winner.value, winner.rule, True,
                                 WON_INFERRED if winner.inferred else WON))
    return out


def _titles(form: SourceForm, hints: Hints, blocks: Sequence[Block], front: dict[str, object],
            winner: Sourced | None) -> list[Considered]:
    sites = [value for value, rule in hints.outlets if rule in SITE_OUTLET_RULES]
    found: list[tuple[str, str, str]] = []
    if isinstance(front.get("title"), str):
        found.append((str(front["title"]).strip(), "front-matter", ""))
    ranked = sorted(hints.titles, key=lambda item: (EXPLICIT_TITLE_RULES.index(item[1])
                                                    if item[1] in EXPLICIT_TITLE_RULES else len(EXPLICIT_TITLE_RULES)))
    found_headline = _headline_block(blocks)
    headline = found_headline.text if found_headline else None
    explicit = [(v, r) for v, r in ranked if r in EXPLICIT_TITLE_RULES]
    for value, rule in [*explicit, *(((headline, f"{form.value}:headline"),) if headline else ()),
                        *(item for item in ranked if item[1] not in EXPLICIT_TITLE_RULES)]:
        if rule.endswith(":headline"):
            found.append((value, rule, ""))
            continue
        cut, site = strip_site_suffix(value, sites) if rule in SUFFIXED_TITLE_RULES or rule == "html:title" else (
            value, None)
        note = f"site name cut off: {site}" if site else ""
        if headline and rule in EXPLICIT_TITLE_RULES and _headline_within(value, headline):
            cut, note = value, HEADLINE_WITHIN_NOTE
        found.append((cut, rule, note))
    derived = derive_title(blocks)
    if derived:
        found.append((derived, "derived:first-sentence", "only when nothing states a headline"))
    return _mark("title", found, winner)


def _dates(hints: Hints, page: _Page, blocks: Sequence[Block], front: dict[str, object],
           article: Article) -> list[Considered]:
    found: list[tuple[str, str, str]] = []
    if front.get("date"):
        found.append((str(front["date"]), "front-matter", "a re-post's own time: the original's date is stated"))
        stated = parse_explicit(str(front["date"]))
        original = _original_date(page, stated) if stated else None
        if original:
            found.append((original.value, original.rule, ""))
    for value, rule in hints.dates:
        parsed = parse_explicit(value)
        found.append((parsed.iso if parsed else value, rule, "" if parsed else "not a date"))
    for index in page.header:
        if page.blocks[index].rule == "meta-line":
            parsed = parse_explicit(page.folded[index])
            if parsed:
                found.append((parsed.iso, "text:meta-line", ""))
    for stamp in (_stamp_line(page), _closing_stamp(page)):
        if stamp:
            found.append((stamp.value, stamp.rule, ""))
    url_date = date_in_url(article.url) if article.url else None
    if url_date:
        found.append((url_date.iso, "url", ""))
    body_text = "\n".join(page.blocks[i].text for i in page.body)
    dateline = _dateline(page, None, _context_year(body_text, _references(blocks)[1]))
    if dateline:
        found.append((dateline.value, dateline.rule, "read without the page's other dates"))
    for value, rule in hints.feed_dates:
        parsed = parse_explicit(value)
        found.append((parsed.iso if parsed else value, rule, "when a feed or record saw it, not when it was published"
                      if parsed else "not a date"))
    roc = _roc_date(page)
    if roc:
        found.append((roc.iso, "text:roc-stamp", ""))
    body_dates = full_dates(body_text)
    if body_dates:
        found.append((max(body_dates).month_iso, "body:latest-date", "a date the story mentions, not its own"))
    return _mark("date", found, article.date)


def _urls(hints: Hints, front: dict[str, object], winner: str | None) -> list[Considered]:
    found = [(str(front["url"]), "front-matter", "")] if front.get("url") else []
    for value, rule in sorted(hints.urls, key=lambda item: URL_RULES.index(item[1]) if item[1] in URL_RULES
                              else len(URL_RULES)):
        found.append((value, rule, "" if value.startswith(("http://", "https://")) else "not an http(s) address"))
    chosen = next((rule for value, rule, _ in found if value == winner), "url") if winner else ""
    return _mark("url", found, Sourced(winner, chosen) if winner else None)


def _outlets(hints: Hints, front: dict[str, object], winner: Sourced | None) -> list[Considered]:
    found = [(str(front.get("outlet") or front.get("source")), "front-matter", "")] if (
        front.get("outlet") or front.get("source")) else []
    found += [(value, rule, "") for value, rule in hints.outlets]
    return _mark("outlet", found, winner)


def _authors(hints: Hints, front: dict[str, object], winner: tuple[str, ...]) -> list[Considered]:
    written = front.get("authors") or front.get("author")
    found = [(", ".join(written) if isinstance(written, list) else str(written), "front-matter", "")] if written else []
    found += [(", ".join(names), rule, "names refused (an outlet, a placeholder, an editor)") for names, rule in
              hints.authors]
    joined = ", ".join(winner)
    chosen = next((rule for value, rule, _ in found if value == joined), "text:byline") if winner else ""
    return _mark("authors", found, Sourced(joined, chosen) if winner else None)


def render(considered: Sequence[Considered]) -> list[str]:
    """The candidates as lines for a terminal: per field its chain, then each candidate (* the winner)."""
    lines = []
    for field, chain in CHAINS.items():
        rows = [c for c in considered if c.field == field]
        lines.append(f"  {field:8} chain: {chain}")
        if not rows:
            lines.append("           (no candidate: the field is empty)")
        for row in rows:
            value = row.value if len(row.value) <= 60 else row.value[:57] + "…"
            note = f"  — {row.note}" if row.note else ""
            lines.append(f"         {'*' if row.chosen else ' '} {row.rule:26} {value}{note}")
    return lines


__all__ = ["CHAINS", "Considered", "explain_metadata", "render"]
