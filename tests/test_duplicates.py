"""Near-duplicate detection: copies of one article are found, articles that share a paragraph are not,
and the indexed search finds exactly what comparing every pair would."""

from __future__ import annotations

from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.duplicates import DUPLICATE_JACCARD, DuplicateIndex, Fingerprint, fingerprint, jaccard

PARAGRAPHS = [
    "俄罗斯外长拉夫罗夫在联合国大会一般性辩论中发言，称西方国家试图把乌克兰问题变成对抗的工具，"
    "并表示莫斯科愿意在尊重现实的基础上谈判。",
    "他说，过去一年里，俄方同亚洲、非洲和拉丁美洲国家的贸易额增长了百分之十五以上，"
    "能源出口的方向已经明显转向东方。",
    "拉夫罗夫还批评北约在波罗的海地区扩大军事部署，认为这将加剧欧洲的紧张局势，"
    "呼吁有关各方回到对话轨道。",
    "在记者会上，他回答了关于中东局势、朝鲜半岛问题以及联合国安理会改革的提问，"
    "强调安理会应当更多地反映发展中国家的声音。",
]
OTHER = [
    "白俄罗斯总统卢卡申科在明斯克会见来访的代表团，双方讨论了联盟国家框架内的工业合作项目，"
    "包括机械制造和农业设备的联合生产。",
    "会谈结束后，双方签署了关于交通物流和口岸建设的合作文件，计划在三年内把过境货运量提高一倍。",
]


def kept_index(*bodies: str) -> DuplicateIndex:
    index = DuplicateIndex()
    for body in bodies:
        index.add(fingerprint(body))
    return index


def test_the_same_text_with_other_line_breaks_and_spaces_is_a_copy():
    original = "\n\n".join(PARAGRAPHS)
    reflowed = " ".join(PARAGRAPHS).replace("，", "， \n")
    assert kept_index(original).find(fingerprint(reflowed)) == 0


def test_a_copy_with_a_line_of_chrome_more_is_still_a_copy():
    original = "\n\n".join(PARAGRAPHS)
    scraped = original + "\n\n责任编辑：王明"
    assert kept_index("\n\n".join(OTHER), original).find(fingerprint(scraped)) == 1


def test_articles_that_share_one_paragraph_are_not_copies():
    first = "\n\n".join(PARAGRAPHS[:2] + OTHER[:1])
    second = "\n\n".join(PARAGRAPHS[1:2] + OTHER[1:] + PARAGRAPHS[3:])
    assert kept_index(first).find(fingerprint(second)) is None


def test_a_short_body_is_compared_on_every_shingle():
    short = fingerprint("双方签署了合作文件。")
    assert len(short.values()) == len("双方签署了合作文件。") - 4


def brute_force(kept: list[list[int]], probe: list[int]) -> int | None:
    scored = [(jaccard(probe, values), -i) for i, values in enumerate(kept)]
    best = max(scored, default=(0.0, 0))
    return -best[1] if best[0] >= DUPLICATE_JACCARD else None


def as_print(values: set[int]) -> Fingerprint:
    return Fingerprint(str(sorted(values)), array("I", sorted(values)).tobytes())


sketches = st.sets(st.integers(0, 60), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(sketches, max_size=8), sketches, st.data())
def test_the_prefix_index_finds_what_comparing_every_pair_finds(kept, probe, data):
    # Make near-copies likely: sometimes the probe is a kept sketch with one element changed.
    if kept and data.draw(st.booleans()):
        probe = set(data.draw(st.sampled_from(kept)))
        probe.symmetric_difference_update({data.draw(st.integers(0, 60))})
        probe = probe or {0}
    prints = [as_print(values) for values in kept]
    for index in (DuplicateIndex(), DuplicateIndex.over([*prints, as_print(probe)])):  # by hash, rarest first
        for print_ in prints:
            index.add(print_)
        assert index.find(as_print(probe)) == brute_force([sorted(v) for v in kept], sorted(probe))
