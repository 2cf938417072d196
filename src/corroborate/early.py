"""Sentence vectors computed ahead of spaCy, in a child process, for a cold start.

A command-line brief spends its first two seconds or so importing spaCy and the story stages
and loading the spaCy pipeline, all on one core, before spaCy splits a single sentence. The
embedder can start at once if it does not wait for spaCy's sentences: :class:`EarlyEmbeddings`
forks a child process that loads the embedder, reads and cleans the first articles as the
brief will, guesses their sentences by punctuation (:func:`corroborate.nlp.guess_sentences`,
which finds most of spaCy's sentences exactly) and sends their vectors back as it goes. The
brief's own :class:`corroborate.nlp.BackgroundEmbedder` takes what has arrived; a guess that
spaCy does not confirm is never used, and what the child has not done is embedded as usual.

It is a separate process because a thread would share the interpreter lock with the imports
and slow both down. It only ever adds vectors the brief would compute anyway, for the same
texts, with the same model.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # not imported before the fork: numpy's BLAS threads start at import
    import numpy as np

# Sentences the child embeds at most: enough for the first articles of a pile, which are all
# a cold start waits for; later ones are embedded beside spaCy as usual.
AHEAD_LIMIT = 256
CHUNK = 16


class EarlyEmbeddings:
    """Vectors of guessed sentences, computed by a forked child while this process loads.

    >>> early = EarlyEmbeddings(["articles/"], None, "minilm")   # doctest: +SKIP
    >>> early.take()                        # what has arrived, never waits   # doctest: +SKIP
    {'The bridge closed on Friday.': array([...], dtype=float32), ...}
    """

    def __init__(
        self, paths: Sequence[Any], manifest: Any, kind: str, limit: int = AHEAD_LIMIT
    ) -> None:
        self._connection: Any = None
        self._process: Any = None
        # Fork only from a single-threaded process (a fork copies no other thread, so a lock
        # another thread holds would stay locked in the child); elsewhere, nothing is ahead.
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        if threading.active_count() > 1:
            return
        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(
            target=_embed_ahead, args=(sending, list(paths), manifest, kind, limit), daemon=True
        )
        process.start()
        sending.close()
        self._connection, self._process = receiving, process
        self._arrived: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        # A pipe holds only a few chunks: read them as they come, or the child would stall.
        self._reader = threading.Thread(target=self._read, name="early", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            while True:
                vectors = self._connection.recv()
                with self._lock:
                    self._arrived.update(vectors)
        except (EOFError, OSError):  # the child is done (or gone), or we closed
            pass

    def take(self) -> dict[str, np.ndarray]:
        """The vectors that have arrived since the last call (never waits)."""
        if self._process is None:
            return {}
        with self._lock:
            arrived, self._arrived = self._arrived, {}
        return arrived

    def close(self) -> None:
        """Stop the child if it is still working."""
        if self._process is None:
            return
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._reader.join()  # the pipe's end: EOF
        self._connection.close()
        self._process = None


def _embed_ahead(connection: Any, paths: list[Any], manifest: Any, kind: str, limit: int) -> None:
    """The child: embed the guessed sentences of the first articles, sending each chunk."""
    import logging
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    logging.disable(logging.CRITICAL)  # the brief itself reports what it cannot read
    try:
        from threadpoolctl import threadpool_limits

        from .clean import prepare
        from .ingest import iter_inputs
        from .nlp import MIN_FACT_WORDS, guess_sentences, load_embedder

        embedder = load_embedder(kind)
        seen: set[str] = set()
        with threadpool_limits(limits=1, user_api="blas"):  # the parent has the other core
            for article in prepare(iter_inputs(paths, manifest), []):
                texts = [
                    s
                    for s in dict.fromkeys(guess_sentences(article.text))
                    if len(s.split()) >= MIN_FACT_WORDS and s not in seen
                ][: limit - len(seen)]
                seen.update(texts)
                for start in range(0, len(texts), CHUNK):
                    chunk = texts[start : start + CHUNK]
                    connection.send(dict(zip(chunk, embedder.encode(chunk), strict=True)))
                if len(seen) >= limit:
                    break
    except Exception:  # noqa: BLE001 - work ahead only; the brief does it all again if need be
        pass
    finally:
        connection.close()
