"""Shared fixtures: hand-made articles, the seed corpus location, and the real models once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from corroborate.model import Article, Sentence

try:  # tqdm's bars (sentence-transformers) start a monitor thread that would outlive them,
    # and a process with another thread alive forks no embedding child (corroborate.engines.worker).
    import tqdm

    tqdm.tqdm.monitor_interval = 0
except ImportError:  # pragma: no cover
    pass

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-bridge-closure"
SEED = ROOT.parent / "shared" / "corpus" / "us-mexico-migration-talks"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that loads the real models (through the ``nlp``, ``parser`` or ``minilm`` fixture) is
    ``slow``, marked or not: ``-m "not slow"`` runs the rest in seconds."""
    for item in items:
        if {"nlp", "minilm", "parser"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def make_article(article_id: str, *sentences: str, outlet: str | None = None) -> Article:
    """An article whose text is the given sentences, one per line, already split."""
    text = "\n".join(sentences)
    article = Article(article_id, f"{article_id}.txt", text, outlet=outlet, text=text)
    cursor = 0
    for i, sentence in enumerate(sentences):
        article.sentences.append(Sentence(article_id, i, cursor, cursor + len(sentence), sentence))
        cursor += len(sentence) + 1
    return article


@pytest.fixture(scope="session")
def nlp():
    from corroborate.annotate.nlp import load_spacy

    return load_spacy()


@pytest.fixture(scope="session")
def parser():
    """spaCy's English tagger and parser (:func:`corroborate.annotate.grammar.load_parser`)."""
    from corroborate.annotate.grammar import load_parser

    return load_parser()


@pytest.fixture(scope="session")
def minilm():
    from corroborate.embed.load import load_embedder

    return load_embedder("minilm")


@pytest.fixture
def seed_dir() -> Path:
    if not SEED.is_dir():
        pytest.skip(f"seed corpus not found at {SEED}")
    return SEED
