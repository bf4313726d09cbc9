"""The vocabularies under content/: the shipped ones are valid, broken ones stop with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import ConfigError
from generator.model import SourceType
from generator.outlet_pages import SOURCE_TYPE_LABELS
from generator.settings import Settings
from generator.vocab import (
    OUTLET_REGIONS,
    OUTLET_TYPES,
    load_actors,
    load_outlets,
    load_rules,
    load_topics,
    load_vocabulary,
)

REPO = Path(__file__).resolve().parents[1]


def test_the_shipped_vocabulary_is_a_real_gazetteer():
    vocab = load_vocabulary(Settings(content_dir=REPO / "content"))
    types = [a.type for a in vocab.actors]
    assert len(vocab.actors) >= 300
    assert types.count("person") >= 90 and types.count("organization") >= 60 and types.count("country") >= 193
    assert len(vocab.topics) >= 25
    assert {"russia", "china", "sergey-lavrov", "csto", "nato"} <= {a.id for a in vocab.actors}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


ACTOR = "- {{id: {id}, type: country, name: {name}, name_zh: {zh}}}\n"


def test_a_duplicate_id_names_the_line(tmp_path):
    path = write(tmp_path, "actors.yaml", ACTOR.format(id="x", name="X", zh="甲") + ACTOR.format(
        id="x", name="Y", zh="乙"))
    with pytest.raises(ConfigError) as error:
        load_actors(path)
    assert error.value.line == 2 and "already used at line 1" in str(error.value)


def test_a_chinese_form_claimed_twice_is_refused(tmp_path):
    text = ACTOR.format(id="x", name="X", zh="甲") + "- {id: y, type: country, name: Y, name_zh: 乙, aliases: [甲]}\n"
    with pytest.raises(ConfigError, match="'甲' is already claimed by 'x'"):
        load_actors(write(tmp_path, "actors.yaml", text))


@pytest.mark.parametrize(("entry", "message"), [
    ("- {id: X Y, type: country, name: X, name_zh: 甲}", "ASCII slug"),
    ("- {id: x, type: city, name: X, name_zh: 甲}", "type must be one of"),
    ("- {id: x, type: country, name: X, name_zh: 甲, colour: red}", "unknown key"),
    ("- {id: x, type: country, name: X}", "'name_zh' is required"),
    ("- {id: x, type: person, name: X, name_zh: 甲, country: atlantis}", "country 'atlantis'"),
    ("- {id: x, type: country, name: X, name_zh: 甲, abbrev: ab}", "abbrev"),
])
def test_an_invalid_actor_entry_says_what_is_wrong(tmp_path, entry, message):
    with pytest.raises(ConfigError, match=message):
        load_actors(write(tmp_path, "actors.yaml", entry + "\n"))


def test_broken_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "topics.yaml", "- id: a\n  label_zh: 甲\n   label_en: [oops\n")
    with pytest.raises(ConfigError) as error:
        load_topics(path)
    assert error.value.line is not None and str(path) in str(error.value)


def test_yaml_tags_are_refused(tmp_path):
    path = write(tmp_path, "actors.yaml", "- !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(ConfigError):
        load_actors(path)


def test_topic_weights_are_one_to_three(tmp_path):
    path = write(tmp_path, "topics.yaml", "- {id: a, label_zh: 甲, label_en: A, keywords: {天然气: 5}}\n")
    with pytest.raises(ConfigError, match="weight must be 1, 2 or 3"):
        load_topics(path)


def test_a_boilerplate_pattern_that_does_not_compile_is_named(tmp_path):
    path = write(tmp_path, "boilerplate.yaml", "rules:\n  - name: r\n    catches: x\n    action: drop\n"
                                               "    patterns: ['(unclosed']\n")
    with pytest.raises(ConfigError, match="does not compile") as error:
        load_rules(path)
    assert error.value.line == 2


# --- outlets ----------------------------------------------------------------------------------------------


def test_the_shipped_outlet_registry_covers_the_chinese_language_press():
    outlets = load_outlets(REPO / "content" / "outlets.yaml")
    assert len(outlets) >= 150
    assert {o.type for o in outlets} == set(OUTLET_TYPES)
    assert {o.region for o in outlets} == set(OUTLET_REGIONS)
    assert outlets.named("明報").name == "明报" and outlets.named("德國之聲").name == "德国之声中文网"
    assert outlets.serving("www.tech.sina.com.cn").name == "新浪科技"
    assert outlets.serving("news.sina.com.cn").name == "新浪"


def test_every_outlet_type_has_a_source_type_and_a_badge_label():
    for kind in OUTLET_TYPES:
        assert SourceType(kind).value in SOURCE_TYPE_LABELS
    assert set(SOURCE_TYPE_LABELS) == set(SourceType)


OUTLET = "outlets:\n  - {name: 甲报, type: newsroom, region: mainland, hosts: [jia.cn], forms: [甲报]}\n"


@pytest.mark.parametrize(("entry", "message"), [
    ("  - {name: 乙报, type: newsroom, hosts: [jia.cn]}", "host 'jia.cn' of '乙报' is already claimed by '甲报'"),
    ("  - {name: 乙报, type: newsroom, forms: [甲報]}", "name '甲报' of '乙报' is already claimed by '甲报'"),
    ("  - {name: 乙报, type: newsroom, region: atlantis}", "region must be one of"),
    ("  - {name: 乙报, type: blog}", "type must be one of"),
    ("  - {name: 乙报, type: newsroom, hosts: ['https://yi.cn/news']}", "lower-case host name"),
])
def test_an_outlet_claiming_what_another_has_names_its_line(tmp_path, entry, message):
    with pytest.raises(ConfigError, match=message) as error:
        load_outlets(write(tmp_path, "outlets.yaml", OUTLET + entry + "\n"))
    assert error.value.line == 3


def test_a_latin_form_refuses_only_itself_in_bylines(tmp_path):
    outlets = load_outlets(write(tmp_path, "outlets.yaml", "outlets:\n  - {name: 今日俄罗斯, type: state-media, "
                                                           "forms: [今日俄罗斯, RT]}\n"))
    assert outlets.prefixes == ("今日俄罗斯",)
    assert outlets.named("RT") is outlets.named("今日俄羅斯")
