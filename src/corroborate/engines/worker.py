"""A forked child process that works for the brief on the second core, without the lock.

The brief runs spaCy on one core and embeds sentences on the other. Embedding on a thread of
the same process works, but every one of the embedder's numpy calls and spaCy's Python code
wait on each other for the interpreter lock; in a child process they never do.
:class:`WorkerProcess` forks a child that holds copies of the embedder (and of the spaCy
pipeline, when it is forked after loading it: :func:`fork_worker`) and does what it is sent:

- ``embed``: :class:`corroborate.engines.background` hands it the queued sentences one
  chunk at a time, so that the two processes share the end of the work evenly;
- ``annotate``: :class:`Offload` hands it one article at a time to run spaCy on, whenever it
  has none, while this process runs spaCy on the others. The child sends the article back
  annotated and extracted (:func:`corroborate.annotate.extract.extract`), as this process would have;
- ``brief``: once the stories are formed, :func:`corroborate.pipeline.brief_stories` hands it
  one story at a time (with the vectors already computed for its sentences) while this process
  briefs the others, and it sends back the story's brief and its articles.

Started before the models load (``corroborate brief`` does so first thing), the child also
works *ahead*: it loads the embedder, reads and cleans the first articles as the brief will,
guesses their sentences by punctuation (:func:`corroborate.annotate.nlp.guess_sentences`, which finds
most of spaCy's sentences exactly) and sends their vectors before it is asked. A guess that
spaCy does not confirm is never used; what the child has not done is asked for as usual.

The child only computes what the brief would compute anyway, for the same texts, with the same
models, so a brief with it is the same brief as one without.
"""

from __future__ import annotations

import itertools
import multiprocessing
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # not imported here: a cold start forks before numpy's BLAS threads start
    from corroborate.embed.base import Embedder
    from corroborate.model import Article

Handler = Callable[[Any], None]

# Guessed sentences the child embeds ahead at most: enough for the first articles of a pile,
# which are all a cold start waits for; later ones are asked for as spaCy finds them.
AHEAD_LIMIT = 256


def can_fork() -> bool:
    """Whether a child can be forked safely from here: fork exists and no other thread is
    alive (a fork copies no other thread, so a lock another thread holds would stay locked
    in the child)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def fork_worker(embedder: Embedder, nlp: Any = None) -> WorkerProcess | None:
    """A child for the brief, forked with copies of its loaded models, when that is safe: the
    embedder says it is ``fork_safe`` and :func:`can_fork`. The spaCy pipeline goes along
    (the child then annotates articles too) unless it runs on torch (a transformer
    pipeline): torch's threads do not survive a fork. The bfloat16 MiniLM encoder runs torch on
    the calling thread only."""
    if not getattr(embedder, "fork_safe", False) or not can_fork():
        return None
    return WorkerProcess(embedder, nlp=None if runs_on_torch(nlp) else nlp)


def runs_on_torch(nlp: Any) -> bool:
    """Whether a spaCy pipeline has a component computed by torch (a PyTorch shim in its thinc
    model); anything that is not a spaCy pipeline counts as torch's once torch is loaded."""
    components = getattr(nlp, "components", None)
    if components is None:
        return "torch" in sys.modules
    for _, component in components:
        model = getattr(component, "model", None)
        for node in model.walk() if hasattr(model, "walk") else ():
            if any("PyTorch" in type(shim).__name__ for shim in node.shims):
                return True
    return False


class WorkerProcess:
    """A forked child that embeds sentences, and annotates articles with spaCy, for this
    process.

    Args:
        embedder: a loaded embedder (the child gets a copy with the fork) or the name of one
            for :func:`corroborate.embed.load` (loaded in the child).
        paths, manifest: inputs whose guessed sentences are embedded ahead (none: no ahead).
        ahead: how many guessed sentences at most; the child stops working ahead as soon as
            it is asked for something.
        nlp: a loaded spaCy pipeline: the child can then annotate articles (:attr:`annotates`);
            or the name of one (``""``: the default) for the child to load first thing (it says
            when it is ready, and :attr:`annotates` turns True then).

    Requests go down one pipe (:meth:`send`); what the child sends back comes up another, and
    a reader thread hands each message to the handler subscribed to its kind
    (:meth:`subscribe`): ``"vectors"`` (a dict of text -> vector) and ``"annotated"`` (a key and
    the sentence and entity spans, or None). Nothing is forked when :func:`can_fork` says no;
    :attr:`running` is then False.

    >>> worker = WorkerProcess("minilm", ["articles/"])      # doctest: +SKIP
    >>> worker.subscribe("vectors", print)                    # doctest: +SKIP
    >>> worker.send(("embed", ["The bridge closed on Friday."]))   # doctest: +SKIP
    """

    def __init__(
        self,
        embedder: Embedder | str,
        paths: Sequence[Any] = (),
        manifest: Any = None,
        ahead: int = AHEAD_LIMIT,
        nlp: Any = None,
    ) -> None:
        self._process: Any = None
        self._ended = True
        self.annotates = False
        if not can_fork():
            return
        context = multiprocessing.get_context("fork")
        requests_in, self._requests = context.Pipe(duplex=False)
        self._results, results_out = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve,
            args=(requests_in, results_out, embedder, nlp, list(paths), manifest, ahead),
            daemon=True,
        )
        self._process.start()
        requests_in.close()
        results_out.close()
        self._ended = False
        self.annotates = nlp is not None and not isinstance(nlp, str)
        self._lock = threading.Lock()
        self._sending = threading.Lock()  # two threads send: whole messages, one at a time
        self._stash: dict[str, list[Any]] = {}
        self._handlers: dict[str, Handler] = {}
        # A pipe holds only a few messages: read them as they come, or the child would stall.
        self._reader = threading.Thread(target=self._read, name="worker-process", daemon=True)
        self._reader.start()

    @property
    def running(self) -> bool:
        """Whether the child is there and can still be asked for work."""
        return not self._ended

    def subscribe(self, kind: str, handler: Handler | None) -> None:
        """Call ``handler(payload)`` with each message of ``kind`` that arrives (those that
        arrived before are handed over at once), and ``handler(None)`` when the child has ended.
        ``None`` unsubscribes: messages are kept again until the next handler."""
        if self._process is None:
            if handler is not None:
                handler(None)
            return
        with self._lock:
            if handler is None:
                self._handlers.pop(kind, None)
                return
            self._handlers[kind] = handler
            stash = self._stash.pop(kind, [])
            ended = self._ended
        for payload in stash:
            handler(payload)
        if ended:
            handler(None)

    def send(self, request: tuple[Any, ...]) -> bool:
        """Send the child a request, ``("embed", texts)`` or ``("annotate", key, text)``; the
        answer arrives later. False when the child is gone."""
        if self._ended:
            return False
        try:
            with self._sending:
                self._requests.send(request)
        except (OSError, ValueError):  # the child is gone, or we closed
            return False
        return True

    def _read(self) -> None:
        try:
            while True:
                kind, payload = self._results.recv()
                if kind == "ready":  # the child has loaded its spaCy pipeline
                    self.annotates = True
                    continue
                with self._lock:
                    handler = self._handlers.get(kind)
                    if handler is None:
                        self._stash.setdefault(kind, []).append(payload)
                if handler is not None:
                    handler(payload)
        except (EOFError, OSError):  # the child is done (or gone), or we closed
            pass
        with self._lock:
            self._ended = True
            handlers = list(self._handlers.values())
        for handler in handlers:
            handler(None)

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

    def __enter__(self) -> WorkerProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Jobs:
    """Work handed to the worker process while this process does other work: at most
    ``at_once`` out at a time, and only when ``free()`` says the child has time for it (the
    brief: when its embedding is not behind), so embedding comes first.

    :meth:`offer` sends an item (``(request, key, payload)``) if the child is free for it;
    :meth:`arrived` returns the items done since, each with the child's result (None if it
    could not do one); :meth:`finish` waits for the rest (or gives them back without a result
    if the child ends). The child answers a ``request`` with ``answer`` messages; ``then`` is
    called after each (on the thread that reads them), to hand the child its next item at once.
    """

    def __init__(
        self,
        process: WorkerProcess,
        request: str,
        answer: str,
        at_once: int = 2,
        free: Callable[[], bool] | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        self._process = process
        self._request, self._answer = request, answer
        self._at_once = at_once
        self._free = free
        self._then = then  # called (on the reader thread) after each answer
        self._out: dict[int, Any] = {}
        self._done: list[tuple[Any, Any]] = []
        self._keys = itertools.count()
        self._changed = threading.Condition()
        process.subscribe(answer, self._arrive)

    def can_take(self) -> bool:
        """Whether the child would take an item now (fewer than ``at_once`` out, free)."""
        with self._changed:
            if len(self._out) >= self._at_once:
                return False
        return self._process.running and (self._free is None or self._free())

    def offer(self, item: Any, payload: Any) -> bool:
        """Send ``item`` (as ``payload``) to the child if it is free for it; True if sent."""
        if not self.can_take():
            return False
        with self._changed:
            key = next(self._keys)
            self._out[key] = item
        if self._process.send((self._request, key, payload)):
            return True
        with self._changed:
            del self._out[key]
        return False

    def _arrive(self, payload: Any) -> None:
        with self._changed:
            if payload is not None:
                key, result = payload
                item = self._out.pop(key, None)
                if item is not None:
                    self._done.append((item, result))
            self._changed.notify_all()
        if payload is not None and self._then is not None:
            self._then()

    def arrived(self) -> list[tuple[Any, Any]]:
        """The items done since the last call, with their results (never waits); if the
        child has ended, those it never sent too, with None."""
        with self._changed:
            done, self._done = self._done, []
            if self._out and not self._process.running:
                done += [(item, None) for item in self._out.values()]
                self._out = {}
        return done

    def finish(self) -> list[tuple[Any, Any]]:
        """Wait for the items still out; those the child never sent come back with None."""
        with self._changed:
            while self._out and self._process.running:
                self._changed.wait()
            done = self._done + [(item, None) for item in self._out.values()]
            self._done, self._out = [], {}
        self._process.subscribe(self._answer, None)
        return done


class Offload(Jobs):
    """Articles handed to the worker process for spaCy and extraction while this process runs
    spaCy on others. The child sends each back annotated and extracted
    (:func:`corroborate.annotate.extract.extract`), as this process would have; None when it could not.
    """

    def __init__(
        self, process: WorkerProcess, at_once: int = 2, free: Callable[[], bool] | None = None
    ) -> None:
        super().__init__(process, "annotate", "annotated", at_once, free)

    def can_take(self) -> bool:
        return self._process.annotates and super().can_take()

    def offer(self, article: Article, payload: Any = None) -> bool:  # type: ignore[override]
        """Send ``article`` to the child if it is free for it; True if sent."""
        return super().offer(article, article if payload is None else payload)


def _serve(
    requests: Any,
    results: Any,
    embedder: Any,
    nlp: Any,
    paths: list[Any],
    manifest: Any,
    ahead: int,
) -> None:
    """The child: embed ahead (if given inputs), then do what is asked until the parent
    closes its end. Each text is embedded and sent once; a request for texts already sent is
    answered with what is new (possibly nothing). An article it cannot annotate, or a story it
    cannot brief, is answered with None (the parent does it)."""
    import logging
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    logging.disable(logging.CRITICAL)  # the brief itself reports what it cannot read
    try:
        from threadpoolctl import threadpool_limits

        from corroborate.annotate.extract import extract
        from corroborate.annotate.nlp import annotate_doc
        from corroborate.embed.load import load_embedder

        if isinstance(embedder, str):
            embedder = load_embedder(embedder)
        sent: set[str] = set()

        def embed(texts: list[str]) -> None:
            new = [t for t in dict.fromkeys(texts) if t not in sent]
            vectors = embedder.encode(new) if new else []
            results.send(("vectors", dict(zip(new, vectors, strict=True))))
            sent.update(new)

        def annotate(key: int, article: Article) -> None:
            done = None
            if nlp is not None:
                try:
                    done = extract(annotate_doc(article, nlp(article.text)))
                except Exception:  # noqa: BLE001 - the parent annotates it itself
                    done = None
            results.send(("annotated", (key, done)))

        def brief(key: int, job: tuple[list[Article], str, dict[str, Any]]) -> None:
            from corroborate.pipeline import brief_story

            articles, story_id, vectors = job
            try:
                story = brief_story(articles, KnownVectors(embedder, vectors), story_id)
                done: Any = (story, articles)  # brief_story fills in the articles' quotes...
            except Exception:  # noqa: BLE001 - the parent briefs it itself
                done = None
            results.send(("briefed", (key, done)))

        with threadpool_limits(limits=1, user_api="blas"):  # the parent has the other core
            if isinstance(nlp, str):  # a name: load it while the parent loads its own
                from corroborate.annotate.nlp import load_spacy

                try:
                    nlp = load_spacy(nlp or None)
                    results.send(("ready", None))
                except Exception:  # noqa: BLE001 - the parent annotates everything itself
                    nlp = None
            if paths and ahead > 0:  # ahead, until the parent asks for something
                for chunk in _guessed_chunks(paths, manifest, ahead):
                    embed(chunk)
                    if requests.poll():
                        break
            while True:
                try:
                    request = requests.recv()
                except EOFError:
                    return
                if request[0] == "embed":
                    embed(request[1])
                elif request[0] == "annotate":
                    annotate(request[1], request[2])
                elif request[0] == "brief":
                    brief(request[1], request[2])
    except Exception:  # noqa: BLE001 - the parent does what the child did not send
        pass
    finally:
        results.close()


class KnownVectors:
    """An embedder that answers from vectors already computed (``known``, text -> vector) and
    embeds only the rest, with ``embedder``; what it embeds is kept."""

    def __init__(self, embedder: Embedder, known: dict[str, Any]) -> None:
        self.embedder = embedder
        self.known = dict(known)

    def encode(self, texts: Sequence[str]) -> Any:
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self.known]
        if missing:
            self.known.update(zip(missing, self.embedder.encode(missing), strict=True))
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([self.known[t] for t in texts])


def _guessed_chunks(paths: list[Any], manifest: Any, limit: int) -> Any:
    """Chunks of the guessed sentences of the first articles, up to ``limit`` of them."""
    from corroborate.annotate.nlp import MIN_FACT_WORDS, guess_sentences
    from corroborate.engines.background import BackgroundEmbedder
    from corroborate.read.clean import prepare
    from corroborate.read.ingest import iter_inputs

    chunk = BackgroundEmbedder.CHUNK

    seen: set[str] = set()
    try:
        for article in prepare(iter_inputs(paths, manifest), []):
            texts = [
                s
                for s in dict.fromkeys(guess_sentences(article.text))
                if len(s.split()) >= MIN_FACT_WORDS and s not in seen
            ][: limit - len(seen)]
            seen.update(texts)
            for start in range(0, len(texts), chunk):
                yield texts[start : start + chunk]
            if len(seen) >= limit:
                return
    except Exception:  # noqa: BLE001 - ahead only: the brief reads (and reports) inputs itself
        return
