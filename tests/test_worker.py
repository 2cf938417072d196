import os
import threading
import time

import numpy as np
import pytest

from corroborate.nlp import BackgroundEmbedder, HashingEmbedder, guess_sentences
from corroborate.render import to_dict
from corroborate.worker import EmbeddingProcess, can_fork
from tests.conftest import EXAMPLE, make_article


class ForkSafeHashing(HashingEmbedder):
    """The hashing fake, declared safe to run in a forked child (as MiniLM is)."""

    fork_safe = True


class Collect:
    """A subscriber that keeps what arrives and whether the child has ended."""

    def __init__(self):
        self.vectors, self.ended = {}, threading.Event()

    def __call__(self, vectors):
        if vectors is None:
            self.ended.set()
        else:
            self.vectors.update(vectors)

    def until(self, texts, seconds=30):
        deadline = time.monotonic() + seconds
        while not set(texts) <= set(self.vectors) and time.monotonic() < deadline:
            time.sleep(0.02)
        return {t: self.vectors[t] for t in texts if t in self.vectors}


def _single_threaded():
    if not can_fork():
        pytest.skip("another thread is alive in this test process: nothing is forked")


def test_guessed_sentences_split_at_end_punctuation_and_keep_closing_quotes():
    text = 'He said: "It works." Then he left! Did 3 people stay?\nA new line starts here'
    assert guess_sentences(text) == [
        'He said: "It works."',
        "Then he left!",
        "Did 3 people stay?",
        "A new line starts here",
    ]


def test_the_child_embeds_what_it_is_asked_and_each_text_once():
    _single_threaded()
    texts = [f"a sentence about topic number {i}" for i in range(40)]
    got = Collect()
    with EmbeddingProcess(HashingEmbedder()) as worker:
        assert worker.running
        worker.subscribe(got)
        assert worker.request(texts[:30]) and worker.request(texts[20:])
        vectors = got.until(texts)
    assert np.allclose(np.stack([vectors[t] for t in texts]), HashingEmbedder().encode(texts))
    assert got.ended.wait(5)  # closing ends the child, and the subscriber hears of it
    assert not worker.running and not worker.request(["too late"])


def test_the_child_works_ahead_on_guessed_sentences_up_to_its_limit():
    _single_threaded()
    got = Collect()
    with EmbeddingProcess("hashing", [EXAMPLE], None, ahead=20) as worker:
        time.sleep(0.5)
        worker.subscribe(got)  # what came before is handed over at once
        worker.request(["one more sentence, asked for after the guesses"])
        got.until(["one more sentence, asked for after the guesses"])
    guessed = [t for t in got.vectors if t != "one more sentence, asked for after the guesses"]
    assert len(guessed) == 20
    assert all(len(t.split()) >= 5 for t in guessed)
    assert np.allclose(
        np.stack([got.vectors[t] for t in guessed]), HashingEmbedder().encode(guessed)
    )


def test_nothing_is_forked_beside_another_thread():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        got = Collect()
        worker = EmbeddingProcess("hashing", [EXAMPLE])
        worker.subscribe(got)
        assert not worker.running and not worker.request(["a text"]) and got.ended.is_set()
        worker.close()
    finally:
        stop.set()
        other.join()


def test_a_fork_safe_embedder_gets_a_child_that_does_the_background_work():
    _single_threaded()
    texts = [f"sentence number {i} about topic {i % 7} and word{i}" for i in range(100)]
    parent = os.getpid()
    where = []

    class Recording(ForkSafeHashing):
        def encode(self, batch):
            where.append(os.getpid())  # in the child, this list is the child's copy
            return super().encode(batch)

    with BackgroundEmbedder(Recording(), min_words=1) as embedder:
        assert embedder._process is not None and embedder._process.running
        embedder.add(make_article("a", *texts))
        deadline = time.monotonic() + 30
        while embedder._pending and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not embedder._pending  # all embedded...
        assert where == []  # ...and none of it in this process
        vectors = embedder.encode(texts)
    assert np.allclose(vectors, HashingEmbedder().encode(texts))
    assert os.getpid() == parent


def test_when_the_child_dies_this_process_embeds_the_rest():
    _single_threaded()
    texts = [f"sentence number {i} about topic {i % 7} and word{i}" for i in range(300)]
    with BackgroundEmbedder(ForkSafeHashing(), min_words=1) as embedder:
        embedder._process._process.kill()
        embedder.add(make_article("a", *texts))
        vectors = embedder.encode(texts)
    assert np.allclose(vectors, HashingEmbedder().encode(texts))


@pytest.mark.slow
def test_a_brief_with_a_child_working_ahead_is_the_same_brief(nlp):
    from corroborate.pipeline import build_brief

    _single_threaded()
    plain = build_brief([EXAMPLE], nlp=nlp, embedder=HashingEmbedder())
    ahead = EmbeddingProcess("hashing", [EXAMPLE], None)
    try:
        time.sleep(1.0)  # the child has sent its guesses by now
        helped = build_brief([EXAMPLE], nlp=nlp, embedder=HashingEmbedder(), worker=ahead)
        assert ahead.running  # the brief used it and left it to its owner
    finally:
        ahead.close()
    assert to_dict(helped) == to_dict(plain)
    forked = build_brief([EXAMPLE], nlp=nlp, embedder=ForkSafeHashing())  # a child of its own
    assert to_dict(forked) == to_dict(plain)

