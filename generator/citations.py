"""Citations a report tool imports: CSL-JSON, BibTeX and RIS records of briefings, and the three
formatted references a briefing page offers (GB/T 7714-2015, Chicago, APA).

Pure: each function takes a briefing, its permalink (absolute when the site has a `site_url`) and
the access date, and returns text or a JSON-ready dict. What is cited is the *original article*
(its headline, outlet, authors, date and URL, as extraction read them); the briefing's permalink
and the access date ride along in a note, which Zotero, EndNote and pandoc keep.

Dates are cited at the precision known: "2025-03-11" gives day, month and year, "2025-03" month and
year, no date gives none (GB/T and APA then write "n.d." / leave the slot out, as their rules say).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from datetime import date as Date
from datetime import datetime, timezone

from .model import Briefing, Figure

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
GBT_MAX_AUTHORS = 3  # GB/T 7714-2015 8.1.2: the first three, then "等"
LANGUAGES = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}
BIBTEX_SPECIAL = re.compile(r"([{}\\%&$#_^~])")
BIBTEX_KEY_BAD = re.compile(r"[^A-Za-z0-9_:.-]")


def _date_parts(briefing: Briefing) -> list[int]:
    """[year, month] or [year, month, day], as precise as the date is stated (CSL date-parts)."""
    when = briefing.when
    if when is None:
        return []
    return [when.year, when.month, *([when.day] if when.day else [])]


def _outlet(briefing: Briefing) -> str | None:
    return briefing.article.outlet.value if briefing.article.outlet else None


def _where(briefing: Briefing, permalink: str) -> str:
    """The address cited: the original article, else the briefing."""
    return briefing.article.url or permalink


def _note(permalink: str, accessed: Date) -> str:
    return f"Briefing: {permalink} (accessed {accessed.isoformat()})"


def accessed_on() -> Date:
    """The access date written into citations: the build's day (UTC), or the day of
    SOURCE_DATE_EPOCH when set, so that a reproducible build stays byte-for-byte the same."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(tz=timezone.utc).date()


# --- Records ---------------------------------------------------------------------------------------


def csl_item(briefing: Briefing, permalink: str, accessed: Date) -> dict[str, object]:
    """One CSL-JSON item (the format of citeproc, Zotero and pandoc)."""
    item: dict[str, object] = {"id": briefing.id, "type": "article-newspaper", "title": briefing.title}
    outlet = _outlet(briefing)
    if outlet:
        item["container-title"] = outlet
    if briefing.article.authors:
        item["author"] = [{"literal": name} for name in briefing.article.authors]
    parts = _date_parts(briefing)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    item["URL"] = _where(briefing, permalink)
    item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    item["language"] = LANGUAGES.get(briefing.article.language, briefing.article.language)
    item["note"] = _note(permalink, accessed)
    return item


def csl_json(items: Iterable[dict[str, object]]) -> str:
    return json.dumps(list(items), ensure_ascii=False, indent=1) + "\n"


def _bibtex_value(text: str) -> str:
    return "{" + BIBTEX_SPECIAL.sub(r"\\\1", text.replace("\n", " ")) + "}"


def bibtex_key(briefing: Briefing) -> str:
    return BIBTEX_KEY_BAD.sub("-", briefing.id) or "briefing"


def bibtex_entry(briefing: Briefing, permalink: str, accessed: Date) -> str:
    """One BibTeX/BibLaTeX @article entry (UTF-8: biber and pandoc read Chinese as written)."""
    fields: list[tuple[str, str]] = [("title", briefing.title)]
    if briefing.article.authors:
        fields.append(("author", ""))  # written by `_escape_authors`
    outlet = _outlet(briefing)
    if outlet:
        fields.append(("journal", outlet))
    parts = _date_parts(briefing)
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", BIBTEX_MONTHS[parts[1] - 1]))
        fields.append(("date", briefing.date or ""))
    fields += [("url", _where(briefing, permalink)), ("urldate", accessed.isoformat()),
               ("note", _note(permalink, accessed)), ("langid", "chinese")]
    lines = []
    for name, value in fields:
        if name == "author":
            lines.append(f"  author = {{{_escape_authors(briefing.article.authors)}}}")
        elif name == "month":
            lines.append(f"  month = {value}")
        else:
            lines.append(f"  {name} = {_bibtex_value(value)}")
    return f"@article{{{bibtex_key(briefing)},\n" + ",\n".join(lines) + "\n}\n"


def _escape_authors(authors: Sequence[str]) -> str:
    """Each name braced, so that BibTeX never splits a Chinese name into given and family parts."""
    return " and ".join("{" + BIBTEX_SPECIAL.sub(r"\\\1", name) + "}" for name in authors)


def ris_entry(briefing: Briefing, permalink: str, accessed: Date) -> str:
    """One RIS record (EndNote, Zotero, Citavi): TY NEWS."""
    lines = [("TY", "NEWS"), ("ID", briefing.id), ("TI", briefing.title)]
    lines += [("AU", name) for name in briefing.article.authors]
    outlet = _outlet(briefing)
    if outlet:
        lines.append(("T2", outlet))
    parts = _date_parts(briefing)
    if parts:
        lines.append(("PY", str(parts[0])))
        lines.append(("DA", "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) + "/"))
    lines += [("UR", _where(briefing, permalink)), ("Y2", accessed.strftime("%Y/%m/%d")),
              ("N1", _note(permalink, accessed)), ("LA", LANGUAGES.get(briefing.article.language, "zh"))]
    return "".join(f"{tag}  - {value.replace(chr(10), ' ')}\n" for tag, value in lines) + "ER  - \n"


# --- Formatted references --------------------------------------------------------------------------


def gbt7714(briefing: Briefing, permalink: str, accessed: Date) -> str:
    """GB/T 7714-2015 reference of an online newspaper article:
    作者. 题名[N/OL]. 报纸名, 出版日期[引用日期]. 获取和访问路径."""
    authors = list(briefing.article.authors)
    head = ", ".join(authors[:GBT_MAX_AUTHORS]) + (", 等" if len(authors) > GBT_MAX_AUTHORS else "")
    parts = [f"{head}. " if head else "", f"{briefing.title}[N/OL]. "]
    outlet = _outlet(briefing)
    published = briefing.date or ""
    if outlet and published:
        parts.append(f"{outlet}, {published}")
    else:
        parts.append(outlet or published)
    parts.append(f"[{accessed.isoformat()}]. {_where(briefing, permalink)}.")
    return "".join(parts)


def _english_date(parts: Sequence[int]) -> str:
    if len(parts) == 3:
        return f"{MONTHS_EN[parts[1] - 1]} {parts[2]}, {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS_EN[parts[1] - 1]} {parts[0]}"
    return str(parts[0]) if parts else ""


def _and_list(names: Sequence[str], conjunction: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]} {conjunction} {names[1]}"
    return ", ".join(names[:-1]) + f", {conjunction} {names[-1]}"


def chicago(briefing: Briefing, permalink: str, accessed: Date) -> str:
    """Chicago (17th ed.) bibliography entry of a news article: Author. "Title." Outlet, Date. URL."""
    authors = _and_list(briefing.article.authors, "and")
    outlet = _outlet(briefing)
    published = _english_date(_date_parts(briefing))
    source = ", ".join(part for part in (outlet, published) if part)
    return "".join((f"{authors}. " if authors else "", f"“{briefing.title}.” ",
                    f"{source}. " if source else "", f"{_where(briefing, permalink)}."))


def apa(briefing: Briefing, permalink: str, accessed: Date) -> str:
    """APA (7th ed.) reference of a news article: Author. (Year, Month Day). Title. Outlet. URL"""
    parts = _date_parts(briefing)
    when = f"({parts[0]}, {_english_date(parts).rsplit(',', 1)[0]})" if len(parts) == 3 else (
        f"({parts[0]}, {MONTHS_EN[parts[1] - 1]})" if len(parts) == 2 else "(n.d.)")
    authors = _and_list(briefing.article.authors, "&")
    outlet = _outlet(briefing)
    text = f"{authors}. {when}. {briefing.title}. " if authors else f"{briefing.title}. {when}. "
    return text + (f"{outlet}. " if outlet else "") + _where(briefing, permalink)


STYLES = (("GB/T 7714-2015", gbt7714), ("Chicago", chicago), ("APA", apa))


def figure_citation(briefing: Briefing, figure: Figure, permalink: str, accessed: Date) -> str:
    """A citation of one figure: the article in GB/T 7714 form, then the figure as written and the
    row's permalink (`briefings/<id>/#fig-…`), which never moves."""
    return f"{gbt7714(briefing, permalink, accessed)} 数据：{figure.text}（{permalink}#{figure.anchor}）"
