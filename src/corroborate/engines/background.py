"""Sentence embedding on the second core while spaCy reads the next articles."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from corroborate.embed.base import Embedder
from corroborate.embed.threads import single_threaded_math
from corroborate.engines.worker import WorkerState


class BackgroundEmbedder:
    """Embeds sentences on the second core while the main thread runs spaCy on later articles.

    Texts wait in one queue. A worker thread takes them in chunks as articles come in and has
    each chunk embedded by a :class:`corroborate.engines.worker.WorkerProcess` (a forked child, so the
    embedder never waits on the interpreter lock that spaCy's Python code holds), or embeds it
    itself where no child can be had. When the story is compared, :meth:`encode`
    queues what is still missing and the calling thread embeds chunks from the same queue
    beside the worker: both cores work until the queue is empty, and the caller then waits only
    for the worker's last chunk. Vectors are cached by text, so syndicated copies and repeated
    sentences are embedded once.

    Given a :class:`corroborate.engines.worker.WorkerProcess` (``worker``), chunks go to it; what it
    sends unasked (sentences it embedded ahead) is taken too. Once it has no embedding left it
    can be lent for other work (:meth:`lend_worker`: the brief has it brief stories), and the
    calling thread then embeds whatever is asked for after.

    Open it with ``with``: while it is open every thread computes on one BLAS thread (see
    :func:`single_threaded_math`), which is what two threads on two cores want; closing stops the
    worker (queued work is dropped) and restores the thread settings.
    """

    CHUNK = 16  # texts per chunk (half a MiniLM batch: the two sides share the end evenly)

    def __init__(self, embedder: Embedder, worker: Any = None) -> None:
        self.embedder = embedder
        self._cache: dict[str, np.ndarray] = {}
        self._queue: deque[str] = deque()
        self._pending: set[str] = set()  # queued or being embedded
        self._changed = threading.Condition()
        self._closed = False
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="embed", daemon=True)
        self._math = single_threaded_math()
        self._process = worker  # a corroborate.engines.worker.WorkerProcess, or None
        self._lent = False  # the process works for someone else: no chunks go to it
        self._out: list[str] = []  # the chunk out with the process
        self._when_free: Callable[[], None] | None = None  # see lend_worker

    def __enter__(self) -> BackgroundEmbedder:
        if self._process is not None:
            self._process.subscribe("embed", self._arrive)
        self._math.__enter__()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._changed:
            if self._closed:
                return
            self._closed = True
            self._queue.clear()
            self._changed.notify_all()
        if self._thread.is_alive():
            self._thread.join()
        if self._process is not None:
            self._process.subscribe("embed", None)
        self._math.__exit__(None, None, None)

    def lend_worker(self, when_free: Callable[[], None] | None = None) -> bool:
        """Lend the worker process for other work, if it has no embedding to do: nothing is
        queued and no chunk is out with it. Once lent it gets no more chunks (what is asked for
        later is embedded by :meth:`encode` in the calling thread). True if lent (or already);
        if not, ``when_free`` is called (on the embedding thread) once it has none left."""
        with self._changed:
            if not self._lent and (self._queue or self._out):
                self._when_free = when_free
                return False
            self._lent = True
            return True

    def embed_queued(self) -> bool:
        """Embed the next queued chunk in the calling thread (beside the worker, which takes
        the chunks after it); False when nothing is queued. For a thread that would otherwise
        wait."""
        with self._changed:
            if self._closed:
                return False
            chunk = self._take(self.CHUNK)
        if not chunk:
            return False
        self._embed(chunk)
        return True

    def known(self, texts: Iterable[str]) -> dict[str, np.ndarray]:
        """The vectors already computed for any of ``texts``."""
        with self._changed:
            return {t: self._cache[t] for t in texts if t in self._cache}

    def prefetch(self, texts: Iterable[str]) -> None:
        """Queue texts that a later :meth:`encode` will ask for."""
        self._submit(texts)

    def _arrive(self, message: tuple[Any, dict[str, np.ndarray] | None] | None) -> None:
        """Vectors from the embedding process (``None``: it has ended)."""
        vectors = message[1] if message is not None else None
        with self._changed:
            if vectors:
                self._cache.update(vectors)
                if self._pending.intersection(vectors):
                    self._queue = deque(t for t in self._queue if t not in vectors)
                    self._pending.difference_update(vectors)
            self._changed.notify_all()

    def _submit(self, texts: Iterable[str]) -> None:
        with self._changed:
            for text in texts:
                if text not in self._cache and text not in self._pending:
                    self._queue.append(text)
                    self._pending.add(text)
            self._changed.notify_all()

    def _take(self, size: int, wanted: set[str] | None = None) -> list[str]:
        """The next ``size`` queued texts at most, only ``wanted`` ones if given (call with the
        lock held)."""
        chunk: list[str] = []
        while self._queue and len(chunk) < size:
            if wanted is not None and self._queue[0] not in wanted:
                break
            chunk.append(self._queue.popleft())
        return chunk

    def _embed(self, chunk: list[str]) -> None:
        try:
            vectors = self.embedder.encode(chunk)
        except BaseException as exc:
            with self._changed:
                self._pending.difference_update(chunk)
                self._error = self._error or exc
                self._changed.notify_all()
            raise
        with self._changed:
            self._cache.update(zip(chunk, vectors, strict=True))
            self._pending.difference_update(chunk)
            self._changed.notify_all()

    def _work(self) -> None:
        while True:
            with self._changed:
                while (not self._queue or self._lent) and not self._closed:
                    self._changed.wait()
                if self._closed:
                    return
                chunk = self._take(self.CHUNK)
                if self._process is not None:
                    self._out = chunk
            if self._process is not None and self._process.send("embed", None, embed_new, chunk):
                awaited = self._await(chunk)
                with self._changed:
                    self._out = []
                    when_free = None if self._queue else self._when_free
                    self._when_free = None if when_free else self._when_free
                if not awaited:
                    return
                if when_free is not None:
                    when_free()
                continue
            with self._changed:
                self._out = []
            try:
                self._embed(chunk)
            except BaseException:  # kept in self._error; encode() raises it
                return

    def _await(self, chunk: list[str]) -> bool:
        """Wait until the embedding process has sent ``chunk``; if it ends first, queue again
        what it did not send (for this process to embed). False when closed."""
        with self._changed:
            while self._pending.intersection(chunk) and self._process.running:
                if self._closed:
                    return False
                self._changed.wait()
            missing = [t for t in chunk if t in self._pending]
            self._queue.extendleft(reversed(missing))
            return not self._closed

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for ``texts``, in order: from the cache where done, else embedded now by
        this thread and the worker together. Queued texts that are not asked for wait behind
        them (the worker may still embed them for later)."""
        if self._closed:
            raise RuntimeError("This BackgroundEmbedder is closed.")
        self._submit(texts)
        wanted = set(texts)
        with self._changed:  # what is asked for goes first; the rest may never be needed
            self._queue = deque(
                sorted(self._queue, key=lambda t: t not in wanted)  # stable: order kept
            )
        while True:
            with self._changed:
                if not self._queue or self._queue[0] not in wanted:
                    while self._pending & wanted:
                        self._changed.wait()
                    missing = [t for t in texts if t not in self._cache]
                    if missing:  # only when the worker failed on them
                        raise RuntimeError("Embedding failed.") from self._error
                    break
                chunk = self._take(self.CHUNK, wanted)
            self._embed(chunk)
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([self._cache[t] for t in texts])


def embed_new(state: WorkerState, texts: list[str]) -> dict[str, np.ndarray]:
    """A worker job: the vectors of the ``texts`` this child has not sent before (each text is
    embedded and sent once; what it sent already is known to the parent)."""
    sent: set[str] = state.memo.setdefault("embedded", set())
    new = [t for t in dict.fromkeys(texts) if t not in sent]
    vectors = state.embedder.encode(new) if new else []
    sent.update(new)
    return dict(zip(new, vectors, strict=True))
