"""The per-article cache (generator/cache.py) stays bounded and is never trusted: entries the last
build did not use are removed, a build that is interrupted keeps what it finished, and a damaged,
misplaced or forged entry is recomputed instead of read."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

import generator.cache as cache_module
from generator.cache import ENTRY_MAGIC, ResultCache
from generator.extract.recogniser import _model as recogniser_model
from generator.extract.recogniser import release as release_recogniser
from generator.pipeline import run
from generator.settings import Settings
from generator.textnorm import release_tokenizers, word_tokenizer
from generator.vocab import load_vocabulary

REPO = Path(__file__).resolve().parents[1]
ARTICLES = {
    "minsk.txt": "白俄罗斯总统卢卡申科周五在明斯克会见到访的俄罗斯外长，双方讨论了联盟国家框架下的安全合作。\n\n"
                 "卢卡申科说，白俄罗斯将继续与俄罗斯在能源和交通领域深化合作。\n",
    "beijing.txt": "中国外交部发言人周一在北京表示，中方愿同各方一道推动政治解决乌克兰危机。\n\n"
                   "发言人说，对话协商是解决争端的唯一可行出路，各方应当保持克制。\n",
    "hague.txt": "北约峰会周三在海牙闭幕，成员国同意逐步提高防务开支在国内生产总值中的比例。\n\n"
                 "秘书长吕特表示，这一承诺将在未来十年内分阶段落实。\n",
}


@pytest.fixture
def project(tmp_path: Path) -> Settings:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("raw", "pages"))
    (content / "raw").mkdir()
    for name, text in ARTICLES.items():
        (content / "raw" / name).write_text(text, encoding="utf-8")
    return Settings(content_dir=content, cache_dir=tmp_path / "cache", workers=1)


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the next builds extract (rather than read from the cache)."""
    done: list[str] = []
    real = cache_module.process_path

    def counted(path: Path, *args: object):
        done.append(path.name)
        return real(path, *args)

    monkeypatch.setattr(cache_module, "process_path", counted)
    return done


def entries(settings: Settings) -> list[Path]:
    return sorted(settings.cache_dir.rglob("*.pickle"))


def titles(settings: Settings) -> list[str]:
    return [b.title for b in run(settings).briefings]


def test_a_second_build_extracts_nothing(project: Settings, extractions: list[str]) -> None:
    first = titles(project)
    assert sorted(extractions) == sorted(ARTICLES)
    extractions.clear()
    assert titles(project) == first
    assert extractions == []


def test_the_entry_of_a_removed_article_is_removed(project: Settings) -> None:
    run(project)
    assert len(entries(project)) == 3
    (project.raw_dir / "hague.txt").unlink()
    run(project)
    assert len(entries(project)) == 2


def test_a_vocabulary_edit_leaves_one_set_of_entries_not_two(project: Settings) -> None:
    run(project)
    old = set(entries(project))
    actors = project.content_dir / "actors.yaml"  # its bytes are part of every key
    actors.write_text(actors.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    run(project)
    new = set(entries(project))
    assert len(new) == 3 and not (old & new)


def test_an_extraction_of_some_files_prunes_nothing(project: Settings) -> None:
    from generator.pipeline import collect

    run(project)
    collect(project, load_vocabulary(project), [project.raw_dir / "minsk.txt"])
    assert len(entries(project)) == 3


def test_an_interrupted_build_keeps_what_it_finished(project: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    real = cache_module.process_path
    calls: list[str] = []

    def interrupted(path: Path, *args: object):
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C (or a kill) in the middle of a cold build
        calls.append(path.name)
        return real(path, *args)

    monkeypatch.setattr(cache_module, "process_path", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(project)
    assert len(entries(project)) == 2
    resumed: list[str] = []

    def counted(path: Path, *args: object):
        resumed.append(path.name)
        return real(path, *args)

    monkeypatch.setattr(cache_module, "process_path", counted)
    run(project)
    assert len(resumed) == 1 and resumed[0] not in calls  # only the one left undone
    assert len(entries(project)) == 3


def test_a_truncated_entry_is_recomputed_and_rewritten(project: Settings, extractions: list[str]) -> None:
    first = titles(project)
    damaged = entries(project)[0]
    damaged.write_bytes(damaged.read_bytes()[:-40])
    extractions.clear()
    assert titles(project) == first
    assert len(extractions) == 1
    vocab = load_vocabulary(project)
    key = damaged.stem
    assert ResultCache(project.cache_dir, vocab).get(key) is not None  # written again, whole


def test_an_entry_under_another_keys_name_is_not_believed(project: Settings, extractions: list[str]) -> None:
    first = titles(project)
    one, other = entries(project)[:2]
    shutil.copy2(one, other)  # a valid entry, but written for another article
    extractions.clear()
    assert titles(project) == first
    assert len(extractions) == 1


class _Forged:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def test_a_forged_entry_runs_nothing_and_is_recomputed(project: Settings, extractions: list[str],
                                                        tmp_path: Path) -> None:
    import hashlib

    first = titles(project)
    target = entries(project)[0]
    key = target.stem
    marker = tmp_path / "forged-entry-ran"
    payload = pickle.dumps(_Forged(marker))
    # A well-formed header with the right key and digest: only the payload's classes give it away.
    target.write_bytes(b"".join((ENTRY_MAGIC, key.encode(), b"\n", hashlib.sha256(payload).hexdigest().encode(),
                                 b"\n", payload)))
    extractions.clear()
    assert titles(project) == first
    assert not marker.exists()
    assert len(extractions) == 1


def test_an_entry_from_an_older_layout_is_recomputed(project: Settings, extractions: list[str]) -> None:
    first = titles(project)
    target = entries(project)[0]
    target.write_bytes(pickle.dumps({"results": "of another program"}))
    extractions.clear()
    assert titles(project) == first
    assert len(extractions) == 1


def test_temporary_files_of_killed_writes_are_removed(project: Settings) -> None:
    run(project)
    folder = entries(project)[0].parent
    leftover = folder / f"{'0' * 64}.pickle.12345.tmp"
    leftover.write_bytes(b"half an entry")
    run(project)
    assert not leftover.exists()
    assert len(entries(project)) == 3


def change(settings: Settings, name: str, sentence: str) -> None:
    path = settings.raw_dir / name
    path.write_text(path.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")


def test_a_build_where_every_article_is_cached_loads_no_dictionary_and_no_model(project: Settings) -> None:
    run(project)
    release_tokenizers()
    release_recogniser()
    run(project, keep_models=True)
    assert word_tokenizer.cache_info().currsize == 0  # jieba's dictionary was never asked for
    assert recogniser_model.cache_info().currsize == 0


def test_a_serving_process_keeps_the_dictionary_and_model_for_the_next_change(project: Settings) -> None:
    """`mkdocs serve` rebuilds for every save: the dictionary and the model loaded for the first
    changed article serve the next one, and the briefings are those of a fresh process."""
    run(project)
    release_tokenizers()
    release_recogniser()
    change(project, "minsk.txt", "卢卡申科说，两国贸易额去年增长了百分之十二，达到四百五十亿美元。")
    run(project, keep_models=True)
    assert word_tokenizer.cache_info().currsize == 1 and recogniser_model.cache_info().currsize == 1
    tokenizer, model = word_tokenizer(), recogniser_model()
    assert tokenizer.initialized and model is not None
    change(project, "hague.txt", "吕特说，北约将在波罗的海地区增加三个旅的兵力部署，军费预算增长百分之八。")
    kept = run(project, keep_models=True)
    assert word_tokenizer() is tokenizer and recogniser_model() is model
    release_tokenizers()
    release_recogniser()
    shutil.rmtree(project.cache_dir)
    assert run(project) == kept
    assert word_tokenizer.cache_info().currsize == 0  # `mkdocs build` lets them go once it has extracted


def test_a_build_lets_the_dictionary_and_model_go_once_it_has_extracted(project: Settings) -> None:
    run(project)
    change(project, "minsk.txt", "卢卡申科说，白俄罗斯今年的粮食产量增长了百分之六，达到九百万吨。")
    run(project, keep_models=True)
    assert word_tokenizer.cache_info().currsize == 1 and recogniser_model.cache_info().currsize == 1
    change(project, "beijing.txt", "发言人还表示，中方今年向联合国维和行动追加捐款三千万美元。")
    run(project)
    assert word_tokenizer.cache_info().currsize == 0 and recogniser_model.cache_info().currsize == 0
