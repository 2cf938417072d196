"""Shared fixtures: hand-made articles, the seed corpus location, and the real models once."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from corroborate.model import Article, Mention, Sentence

# Property tests check what is found, not how fast: a loaded machine (CI, other jobs) stretches
# an example past Hypothesis's default 200 ms deadline. Speed is measured in bench/.
settings.register_profile("corroborate", deadline=None)
settings.load_profile("corroborate")

try:  # tqdm's bars (sentence-transformers) start a monitor thread that would outlive them,
    # and a process with another thread alive forks no embedding child (corroborate.engines.worker).
    import tqdm

    tqdm.tqdm.monitor_interval = 0
except ImportError:  # pragma: no cover
    pass

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-bridge-closure"
SEED = ROOT.parent / "shared" / "corpus" / "us-mexico-migration-talks"


BENCH = Path(__file__).resolve().parents[1] / "bench"


def load_bench(name: str) -> ModuleType:
    """The bench script ``bench/<name>.py`` as a module, registered under its name (its
    dataclasses look their module up) with ``bench/`` on the path (it imports its neighbours
    by name)."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    module = sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


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


def make_paragraphs(
    article_id: str, *paragraphs: Sequence[str], outlet: str | None = None
) -> Article:
    """An article of paragraphs (one per line), each the given sentences joined by a space,
    already split: sentences of one paragraph share a line, as a quote over several
    sentences does."""
    article = Article(article_id, f"{article_id}.txt", "", outlet=outlet)
    lines, cursor = [], 0
    for paragraph in paragraphs:
        for sentence in paragraph:
            index = len(article.sentences)
            article.sentences.append(
                Sentence(article_id, index, cursor, cursor + len(sentence), sentence)
            )
            cursor += len(sentence) + 1
        lines.append(" ".join(paragraph))
    article.text = article.raw = "\n".join(lines)
    return article


def tag_names(label: str, article: Article, *names: str) -> Article:
    """The article with each name, in every sentence that holds it, as spaCy would tag it
    (``label``: "ORG", "GPE" ...; one sentence a line)."""
    for name in names:
        for sentence in article.sentences:
            at = sentence.text.find(name)
            if at >= 0:
                start = sentence.start + at
                article.mentions.append(
                    Mention(article.id, start, start + len(name), name, label, sentence.index)
                )
    return article


@pytest.fixture(scope="session")
def nlp():
    from corroborate.annotate.nlp import load_spacy

    return load_spacy()


@pytest.fixture(scope="session")
def parser():
    """spaCy's English pipeline, whose tagger and parser the grammar stage runs on a few
    sentences (:func:`corroborate.annotate.grammar.parse_sentences`)."""
    from corroborate.annotate.nlp import load_spacy

    return load_spacy()


@pytest.fixture(scope="session")
def minilm():
    from corroborate.embed.load import load_embedder

    return load_embedder("minilm")


@pytest.fixture
def seed_dir() -> Path:
    if not SEED.is_dir():
        pytest.skip(f"seed corpus not found at {SEED}")
    return SEED


@pytest.fixture
def read_only(monkeypatch):
    """Open every store file read-only, as SQLite opens a file its user may not write (root
    may write any file whatever its mode, so the read-only mode is asked for here)."""
    connect = sqlite3.connect

    def read_only_connect(target, *args, **kwargs):
        if target != ":memory:" and not kwargs.get("uri"):
            target, kwargs["uri"] = f"{Path(target).absolute().as_uri()}?mode=ro", True
        return connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only_connect)
