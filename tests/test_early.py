import threading
import time

import numpy as np
import pytest

from corroborate.early import EarlyEmbeddings
from corroborate.nlp import HashingEmbedder, guess_sentences
from corroborate.render import to_dict
from tests.conftest import EXAMPLE


def _all_of(early, seconds=60):
    """Everything the child sends, once it is done."""
    vectors, deadline = {}, time.monotonic() + seconds
    while time.monotonic() < deadline:
        vectors.update(early.take())
        if not early._process.is_alive():
            time.sleep(0.2)  # the reader thread may still hold the last chunk
            vectors.update(early.take())
            return vectors
        time.sleep(0.05)
    raise AssertionError("the child did not finish")


def _single_threaded():
    if threading.active_count() > 1:
        pytest.skip("another thread is alive in this test process: nothing is forked")


def test_guessed_sentences_split_at_end_punctuation_and_keep_closing_quotes():
    text = 'He said: "It works." Then he left! Did 3 people stay?\nA new line starts here'
    assert guess_sentences(text) == [
        'He said: "It works."', "Then he left!", "Did 3 people stay?", "A new line starts here"
    ]


def test_the_child_sends_the_vectors_of_the_guessed_sentences():
    _single_threaded()
    early = EarlyEmbeddings([EXAMPLE], None, "hashing")
    try:
        vectors = _all_of(early)
    finally:
        early.close()
    assert len(vectors) > 50
    texts = list(vectors)
    assert all(len(t.split()) >= 5 for t in texts)
    assert np.allclose(np.stack([vectors[t] for t in texts]), HashingEmbedder().encode(texts))


def test_the_child_stops_at_its_limit_and_close_ends_it():
    _single_threaded()
    early = EarlyEmbeddings([EXAMPLE], None, "hashing", limit=20)
    try:
        assert len(_all_of(early)) == 20
    finally:
        early.close()
    assert early.take() == {}


def test_nothing_is_forked_beside_another_thread():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        early = EarlyEmbeddings([EXAMPLE], None, "hashing")
        assert early.take() == {} and early._process is None
        early.close()
    finally:
        stop.set()
        other.join()


@pytest.mark.slow
def test_a_brief_with_vectors_from_ahead_is_the_same_brief(nlp):
    from corroborate.pipeline import build_brief

    _single_threaded()
    plain = build_brief([EXAMPLE], nlp=nlp, embedder=HashingEmbedder())
    ahead = EarlyEmbeddings([EXAMPLE], None, "hashing")
    taken = []
    take = ahead.take
    ahead.take = lambda: taken.append(take()) or taken[-1]
    try:
        time.sleep(1.0)  # the child has sent its vectors by now
        helped = build_brief([EXAMPLE], nlp=nlp, embedder=HashingEmbedder(), early=ahead)
    finally:
        ahead.close()
    assert sum(len(t) for t in taken) > 50  # the brief used what came from ahead
    assert to_dict(helped) == to_dict(plain)
