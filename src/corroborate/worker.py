"""Sentence embedding in a forked child process: the brief's second core, without the lock.

The brief runs spaCy on one core and embeds sentences on the other. Embedding on a thread of
the same process works, but every one of the embedder's numpy calls and spaCy's Python code
wait on each other for the interpreter lock; in a child process they never do.
:class:`EmbeddingProcess` forks a child that holds the embedder and embeds whatever texts it
is sent, sending the vectors back; :class:`corroborate.nlp.BackgroundEmbedder` hands it chunks
of the queued sentences one at a time, so the two processes share the end of the work evenly.

Started before the models load (``corroborate brief`` does so first thing), the child also
works *ahead*: it loads the embedder, reads and cleans the first articles as the brief will,
guesses their sentences by punctuation (:func:`corroborate.nlp.guess_sentences`, which finds
most of spaCy's sentences exactly) and sends their vectors before it is asked. A guess that
spaCy does not confirm is never used; what the child has not done is asked for as usual.

The child only ever computes vectors the brief would compute anyway, for the same texts, with
the same model, so a brief with it is the same brief as one without.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # not imported here: a cold start forks before numpy's BLAS threads start
    import numpy as np

    from .nlp import Embedder

    Arrival = Callable[[dict[str, np.ndarray] | None], None]

# Guessed sentences the child embeds ahead at most: enough for the first articles of a pile,
# which are all a cold start waits for; later ones are asked for as spaCy finds them.
AHEAD_LIMIT = 256
CHUNK = 16


def can_fork() -> bool:
    """Whether a child can be forked safely from here: fork exists and no other thread is
    alive (a fork copies no other thread, so a lock another thread holds would stay locked
    in the child)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class EmbeddingProcess:
    """A forked child that embeds sentences for this process.

    Args:
        embedder: a loaded embedder (the child gets a copy with the fork) or the name of one
            for :func:`corroborate.nlp.load_embedder` (loaded in the child).
        paths, manifest: inputs whose guessed sentences are embedded ahead (none: no ahead).
        ahead: how many guessed sentences at most.

    Nothing is forked when :func:`can_fork` says no; :attr:`running` is then False.

    >>> worker = EmbeddingProcess("minilm", ["articles/"])     # doctest: +SKIP
    >>> worker.subscribe(print)   # vectors as they arrive   # doctest: +SKIP
    >>> worker.request(["The bridge closed on Friday."])     # doctest: +SKIP
    """

    def __init__(
        self,
        embedder: Embedder | str,
        paths: Sequence[Any] = (),
        manifest: Any = None,
        ahead: int = AHEAD_LIMIT,
    ) -> None:
        self._process: Any = None
        self._ended = True
        if not can_fork():
            return
        context = multiprocessing.get_context("fork")
        requests_in, self._requests = context.Pipe(duplex=False)
        self._results, results_out = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve,
            args=(requests_in, results_out, embedder, list(paths), manifest, ahead),
            daemon=True,
        )
        self._process.start()
        requests_in.close()
        results_out.close()
        self._ended = False
        self._lock = threading.Lock()
        self._stash: dict[str, np.ndarray] = {}
        self._subscriber: Arrival | None = None
        # A pipe holds only a few chunks: read them as they come, or the child would stall.
        self._reader = threading.Thread(target=self._read, name="embedding-process", daemon=True)
        self._reader.start()

    @property
    def running(self) -> bool:
        """Whether the child is there and can still be asked for vectors."""
        return not self._ended

    def subscribe(self, arrival: Arrival | None) -> None:
        """Call ``arrival(vectors)`` with each batch of vectors that arrives (what arrived
        before is handed over at once), and ``arrival(None)`` when the child has ended. ``None``
        unsubscribes: vectors are kept again until the next subscriber."""
        if self._process is None:
            if arrival is not None:
                arrival(None)
            return
        with self._lock:
            self._subscriber = arrival
            stash, self._stash = self._stash, {}
            ended = self._ended
        if arrival is not None:
            if stash:
                arrival(stash)
            if ended:
                arrival(None)

    def request(self, texts: Sequence[str]) -> bool:
        """Ask the child to embed ``texts`` (the vectors arrive later); False when it is gone."""
        if self._ended:
            return False
        try:
            self._requests.send(list(texts))
        except (OSError, ValueError):  # the child is gone, or we closed
            return False
        return True

    def _read(self) -> None:
        try:
            while True:
                self._deliver(self._results.recv())
        except (EOFError, OSError):  # the child is done (or gone), or we closed
            pass
        with self._lock:
            self._ended = True
            subscriber = self._subscriber
        if subscriber is not None:
            subscriber(None)

    def _deliver(self, vectors: dict[str, np.ndarray]) -> None:
        with self._lock:
            subscriber = self._subscriber
            if subscriber is None:
                self._stash.update(vectors)
                return
        subscriber(vectors)

    def close(self) -> None:
        """Stop the child (work it has not sent is dropped)."""
        if self._process is None:
            return
        self._requests.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._reader.join()  # the pipe's end: EOF
        self._results.close()
        self._process = None
        self._ended = True

    def __enter__(self) -> EmbeddingProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(
    requests: Any, results: Any, embedder: Any, paths: list[Any], manifest: Any, ahead: int
) -> None:
    """The child: embed ahead (if given inputs), then embed what is asked until the parent
    closes its end. Each text is sent once; a request for texts already sent is answered with
    what is new (possibly nothing)."""
    import logging
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    logging.disable(logging.CRITICAL)  # the brief itself reports what it cannot read
    try:
        from threadpoolctl import threadpool_limits

        from .nlp import load_embedder

        if isinstance(embedder, str):
            embedder = load_embedder(embedder)
        sent: set[str] = set()

        def send(texts: list[str]) -> None:
            new = [t for t in dict.fromkeys(texts) if t not in sent]
            vectors = embedder.encode(new) if new else []
            results.send(dict(zip(new, vectors, strict=True)))
            sent.update(new)

        with threadpool_limits(limits=1, user_api="blas"):  # the parent has the other core
            if paths and ahead > 0:
                for chunk in _guessed_chunks(paths, manifest, ahead):
                    send(chunk)
            while True:
                try:
                    texts = requests.recv()
                except EOFError:
                    return
                send(texts)
    except Exception:  # noqa: BLE001 - the parent embeds what the child did not send
        pass
    finally:
        results.close()


def _guessed_chunks(paths: list[Any], manifest: Any, limit: int) -> Any:
    """Chunks of the guessed sentences of the first articles, up to ``limit`` of them."""
    from .clean import prepare
    from .ingest import iter_inputs
    from .nlp import MIN_FACT_WORDS, guess_sentences

    seen: set[str] = set()
    try:
        for article in prepare(iter_inputs(paths, manifest), []):
            texts = [
                s
                for s in dict.fromkeys(guess_sentences(article.text))
                if len(s.split()) >= MIN_FACT_WORDS and s not in seen
            ][: limit - len(seen)]
            seen.update(texts)
            for start in range(0, len(texts), CHUNK):
                yield texts[start : start + CHUNK]
            if len(seen) >= limit:
                return
    except Exception:  # noqa: BLE001 - ahead only: the brief reads (and reports) inputs itself
        return
