"""The user's vocabularies: actors, topics and boilerplate rules from `content/*.yaml`.

Each file is validated on load against a closed schema (Material's Authors/TagSet pattern): an
unknown key, a duplicate id, a Chinese form claimed by two actors or a regex that does not compile
stops the build with the file and line at fault.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any

from .config import ConfigError, line_of, load_yaml
from .han import HAN, is_han
from .model import Actor, Topic
from .rulenames import READ_BY_METADATA
from .settings import Settings
from .textnorm import to_simplified

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ACTOR_TYPES = ("person", "country", "organization")
ACTOR_KEYS = {"id", "type", "name", "name_zh", "aliases", "aliases_en", "abbrev", "role", "country"}
TOPIC_KEYS = {"id", "label_zh", "label_en", "description", "keywords"}
RULE_KEYS = {"name", "catches", "action", "patterns", "where"}


class RuleAction(str, Enum):
    """What a boilerplate rule does with the block it catches (see content/boilerplate.yaml)."""

    DROP = "drop"  # noise, out of the body
    CAPTION = "caption"  # a picture's caption: out of the body, kept as a caption
    TRAIL = "trail"  # starts a trailing list: this block and the short lines after it are dropped
    REFERENCES = "references"  # starts a reference list: the following lines become references
    END = "end"  # the article is over (once it has begun): this block and all after it go


RULE_ACTIONS = tuple(action.value for action in RuleAction)
# Which blocks a rule looks at: any block, only those the markup marks as headings, or only the
# blocks at the body's start or end (clean/classify.py, rule family `edge`).
RULE_WHERE = ("any", "heading", "edge")
OUTLET_KEYS = {"name", "type", "region", "hosts", "forms"}
OUTLET_TYPES = ("newsroom", "wire", "state-media", "public-broadcaster", "portal", "self-media")
OUTLET_REGIONS = ("mainland", "hong-kong", "macau", "taiwan", "singapore", "malaysia", "overseas", "foreign")
HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")


@dataclass(frozen=True)
class BoilerplateRule:
    name: str
    catches: str
    action: RuleAction
    patterns: tuple[re.Pattern[str], ...]
    where: str = "any"

    def matches(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


@dataclass(frozen=True)
class Outlet:
    name: str
    type: str
    hosts: tuple[str, ...]
    forms: tuple[str, ...]  # how datelines, bylines, source lines and platform notices name it
    region: str = ""

    def serves(self, host: str) -> bool:
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    # The Simplified forms are folded once per outlet, not on every lookup: the cleaner compares
    # each written outlet and byline name against every listed outlet (OpenCC was most of its time).
    @cached_property
    def simplified_names(self) -> tuple[str, ...]:
        """The name and the forms, in Simplified characters (明報 is 明报)."""
        return tuple(dict.fromkeys(to_simplified(f) for f in (self.name, *self.forms)))

    @cached_property
    def simplified_prefixes(self) -> tuple[str, ...]:
        """The Chinese `simplified_names` of two characters or more: what a byline name may not
        start with. A Latin form (RT, ABC) refuses only itself: Rachel is not RT."""
        return tuple(f for f in self.simplified_names if len(f) >= 2 and HAN.search(f))


class Outlets(tuple[Outlet, ...]):
    """The registry: the outlets in file order, with lookups by written name and by host built
    once (the cleaner asks for every article)."""

    @cached_property
    def _by_name(self) -> dict[str, Outlet]:
        return {form: outlet for outlet in self for form in outlet.simplified_names}

    @cached_property
    def _by_host(self) -> dict[str, Outlet]:
        return {host: outlet for outlet in self for host in outlet.hosts}

    @cached_property
    def prefixes(self) -> tuple[str, ...]:
        return tuple(f for outlet in self for f in outlet.simplified_prefixes)

    @cached_property
    def platform_forms(self) -> tuple[str, ...]:
        """The Simplified names of the self-media platforms, three characters or more (网易号, 微信公众号)."""
        return tuple(f for outlet in self if outlet.type == "self-media" for f in outlet.simplified_names
                     if len(f) >= 3)

    def named(self, name: str) -> Outlet | None:
        """The outlet a written name refers to, in either script (明報 is 明报)."""
        return self._by_name.get(to_simplified(name.strip()))

    def serving(self, host: str) -> Outlet | None:
        """The outlet serving a host, the most specific host first (tech.sina.com.cn before sina.com.cn)."""
        labels = host.lower().removeprefix("www.").split(".")
        for start in range(len(labels) - 1):
            found = self._by_host.get(".".join(labels[start:]))
            if found:
                return found
        return None


@dataclass(frozen=True, eq=False)
class Vocabulary:
    actors: tuple[Actor, ...]
    topics: tuple[Topic, ...]
    rules: tuple[BoilerplateRule, ...]
    outlets: Outlets
    not_actors: tuple[str, ...]
    digest: str  # of the three files: part of the extraction cache key
    # Generic words the statistical recogniser tags as names (政府, 智库): never an actor.
    not_names: tuple[str, ...] = ()

    # Two vocabularies loaded from the same files are the same vocabulary: caches (the compiled
    # actor matcher) key on the digest, also across worker processes.
    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vocabulary) and other.digest == self.digest

    def actor(self, actor_id: str) -> Actor | None:
        return self._actors_by_id.get(actor_id)

    def topic(self, topic_id: str) -> Topic | None:
        return self._topics_by_id.get(topic_id)

    @cached_property
    def _actors_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def _topics_by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}


def vocabulary_digest(settings: Settings) -> str:
    """`Vocabulary.digest` of the files as they are now, without loading them: a process that
    builds again (`mkdocs serve`) keeps its vocabulary while this stays the same."""
    paths = (settings.actors_path, settings.topics_path, settings.boilerplate_path, settings.outlets_path,
             settings.not_actors_path)
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]


def load_vocabulary(settings: Settings) -> Vocabulary:
    digest = vocabulary_digest(settings)
    return Vocabulary(
        actors=load_actors(settings.actors_path),
        topics=load_topics(settings.topics_path),
        rules=load_rules(settings.boilerplate_path),
        outlets=load_outlets(settings.outlets_path),
        not_actors=load_not_actors(settings.not_actors_path),
        digest=digest,
        not_names=load_not_names(settings.not_actors_path),
    )


def _entries(path: Path, top_key: str | None = None) -> list[dict[str, Any]]:
    data = load_yaml(path)
    if top_key is not None:
        if not isinstance(data, dict) or top_key not in data:
            raise ConfigError(path, 1, f"expected a mapping with a '{top_key}' list")
        data = data[top_key]
    if data is None:
        return []
    if not isinstance(data, list):
        raise ConfigError(path, 1, "expected a list of entries")
    for entry in data:
        if not isinstance(entry, dict):
            raise ConfigError(path, None, f"every entry must be a mapping, found {entry!r}")
    return data


def _check_keys(path: Path, entry: dict[str, Any], allowed: set[str], required: tuple[str, ...]) -> None:
    line = line_of(entry)
    unknown = sorted(k for k in entry if k not in allowed and k != "__line__")
    if unknown:
        raise ConfigError(path, line, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    for key in required:
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(path, line, f"'{key}' is required and must be text")


def _string_list(path: Path, entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(path, line_of(entry), f"'{key}' must be a list of text")
    return tuple(v.strip() for v in value)


def _check_slug(path: Path, entry: dict[str, Any], seen: dict[str, int | None]) -> str:
    slug = entry["id"]
    if not SLUG.match(slug):
        raise ConfigError(path, line_of(entry), f"id '{slug}' must be an ASCII slug (a-z, 0-9, hyphens)")
    if slug in seen:
        raise ConfigError(path, line_of(entry), f"id '{slug}' is already used at line {seen[slug]}")
    seen[slug] = line_of(entry)
    return slug


def load_actors(path: Path) -> tuple[Actor, ...]:
    actors: list[Actor] = []
    ids: dict[str, int | None] = {}
    claimed: dict[str, tuple[str, int | None]] = {}
    entries = _entries(path)
    for entry in entries:
        _check_keys(path, entry, ACTOR_KEYS, ("id", "type", "name", "name_zh"))
        line = line_of(entry)
        actor_id = _check_slug(path, entry, ids)
        if entry["type"] not in ACTOR_TYPES:
            raise ConfigError(path, line, f"type must be one of {', '.join(ACTOR_TYPES)}")
        abbrev = entry.get("abbrev")
        if isinstance(abbrev, list) and all(isinstance(a, str) for a in abbrev):
            abbrev = "".join(abbrev)
        if abbrev is not None and (not isinstance(abbrev, str) or not abbrev or any(
                not is_han(char) for char in abbrev)):
            raise ConfigError(path, line, "abbrev must be a Chinese character, or a list of them")
        aliases = _string_list(path, entry, "aliases")
        for form in (entry["name_zh"].strip(), *aliases, *(abbrev or "")):
            if form in claimed and claimed[form][0] != actor_id:
                other, other_line = claimed[form]
                raise ConfigError(path, line, f"'{form}' is already claimed by '{other}' (line {other_line})")
            claimed[form] = (actor_id, line)
        for key in ("role", "country"):
            if entry.get(key) is not None and not isinstance(entry[key], str):
                raise ConfigError(path, line, f"'{key}' must be text")
        actors.append(
            Actor(
                id=actor_id,
                name=entry["name"].strip(),
                name_zh=entry["name_zh"].strip(),
                type=entry["type"],
                aliases=tuple(a for a in aliases if a != entry["name_zh"].strip()),
                aliases_en=_string_list(path, entry, "aliases_en"),
                abbrev=abbrev,
                role=entry.get("role"),
                country=entry.get("country"),
            )
        )
    for actor, entry in zip(actors, entries):
        if actor.country and actor.country not in ids:
            raise ConfigError(path, line_of(entry), f"country '{actor.country}' is not an actor id")
    return tuple(actors)


def load_topics(path: Path) -> tuple[Topic, ...]:
    topics: list[Topic] = []
    ids: dict[str, int | None] = {}
    for entry in _entries(path):
        _check_keys(path, entry, TOPIC_KEYS, ("id", "label_zh", "label_en"))
        topic_id = _check_slug(path, entry, ids)
        keywords = entry.get("keywords") or {}
        if not isinstance(keywords, dict) or not keywords:
            raise ConfigError(path, line_of(entry), "keywords must be a mapping of keyword: weight")
        clean: dict[str, int] = {}
        for word, weight in keywords.items():
            if word == "__line__":
                continue
            if not isinstance(word, str) or not isinstance(weight, int) or not 1 <= weight <= 3:
                raise ConfigError(path, line_of(entry), f"keyword {word!r}: weight must be 1, 2 or 3")
            clean[word.strip()] = weight
        topics.append(
            Topic(
                id=topic_id,
                label_zh=entry["label_zh"].strip(),
                label_en=entry["label_en"].strip(),
                keywords=clean,
                description=str(entry.get("description") or "").strip(),
            )
        )
    return tuple(topics)


def load_rules(path: Path) -> tuple[BoilerplateRule, ...]:
    rules: list[BoilerplateRule] = []
    names: dict[str, int | None] = {}
    for entry in _entries(path, "rules"):
        _check_keys(path, entry, RULE_KEYS, ("name", "catches", "action"))
        line = line_of(entry)
        if entry["name"] in names:
            raise ConfigError(path, line, f"rule '{entry['name']}' is defined twice")
        names[entry["name"]] = line
        if entry["action"] not in RULE_ACTIONS:
            raise ConfigError(path, line, f"action must be one of {', '.join(RULE_ACTIONS)}")
        where = entry.get("where", "any")
        if where not in RULE_WHERE:
            raise ConfigError(path, line, f"where must be one of {', '.join(RULE_WHERE)}")
        compiled = []
        for pattern in _string_list(path, entry, "patterns"):
            try:
                compiled.append(re.compile(pattern))
            except re.error as exc:
                raise ConfigError(path, line, f"pattern {pattern!r} does not compile: {exc}") from None
        if not compiled:
            raise ConfigError(path, line, "a rule needs at least one pattern")
        rules.append(BoilerplateRule(entry["name"], entry["catches"].strip(), RuleAction(entry["action"]),
                                     tuple(compiled), where))
    missing = [name for name in READ_BY_METADATA if name not in names]
    if missing:
        raise ConfigError(path, None, f"rule(s) {', '.join(missing)} missing: the metadata chains read blocks by these "
                                      "names (generator/rulenames.py); rename them in both places, not in one")
    return tuple(rules)


def load_outlets(path: Path) -> Outlets:
    """`outlets.yaml`: each entry's keys, type and region are checked, and a host or a name form
    (compared in Simplified characters) claimed by two outlets stops the load at the second."""
    if not path.exists():
        return Outlets()
    outlets = []
    hosts: dict[str, tuple[str, int | None]] = {}
    forms: dict[str, tuple[str, int | None]] = {}
    for entry in _entries(path, "outlets"):
        _check_keys(path, entry, OUTLET_KEYS, ("name", "type"))
        line = line_of(entry)
        if entry["type"] not in OUTLET_TYPES:
            raise ConfigError(path, line, f"type must be one of {', '.join(OUTLET_TYPES)}")
        region = entry.get("region") or ""
        if region and region not in OUTLET_REGIONS:
            raise ConfigError(path, line, f"region must be one of {', '.join(OUTLET_REGIONS)}")
        outlet = Outlet(entry["name"].strip(), entry["type"], _string_list(path, entry, "hosts"),
                        _string_list(path, entry, "forms") or (entry["name"].strip(),), region)
        for host in outlet.hosts:
            if not HOST.match(host):
                raise ConfigError(path, line, f"host {host!r} must be a lower-case host name (news.cn), "
                                              "without scheme, path or www.")
            _claim(path, line, hosts, host, outlet.name, "host")
        for form in outlet.simplified_names:
            _claim(path, line, forms, form, outlet.name, "name")
        outlets.append(outlet)
    return Outlets(outlets)


def _claim(path: Path, line: int | None, seen: dict[str, tuple[str, int | None]], key: str, owner: str,
           what: str) -> None:
    if key in seen and seen[key][0] != owner:
        other, other_line = seen[key]
        raise ConfigError(path, line, f"{what} {key!r} of '{owner}' is already claimed by '{other}' "
                                      f"at line {other_line}")
    seen[key] = (owner, line)


def load_not_actors(path: Path) -> tuple[str, ...]:
    if not path.exists():
        return ()
    data = load_yaml(path)
    words = data.get("not_actors") if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and len(w) >= 2 for w in words):
        raise ConfigError(path, 1, "expected 'not_actors:' with a list of words of two or more characters")
    return tuple(words)


def load_not_names(path: Path) -> tuple[str, ...]:
    """The `not_names:` list of not_actors.yaml: words the recogniser takes for names (政府, 智库)."""
    if not path.exists():
        return ()
    data = load_yaml(path)
    words = data.get("not_names", []) if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and len(w) >= 2 for w in words):
        raise ConfigError(path, 1, "'not_names:' must be a list of words of two or more characters")
    return tuple(words)
