"""Shared fixtures for the extraction tests: the shipped vocabulary, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.actors import ActorMatcher
from generator.settings import Settings
from generator.vocab import Vocabulary, load_vocabulary

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    return load_vocabulary(Settings(content_dir=REPO / "content"))


@pytest.fixture(scope="session")
def matcher(vocab: Vocabulary) -> ActorMatcher:
    return ActorMatcher(vocab.actors, vocab.not_actors)
