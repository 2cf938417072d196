"""The local engine: the pipeline's stages on this machine, in this process and one worker process.

:func:`corroborate.pipeline.build_brief` says *what* is done -- read, annotate each article,
group the articles into stories, brief each story -- and hands the stages to an engine, which
says *where*. This one runs them in this process and in a forked :class:`WorkerProcess` on the
second core:

- while this process runs spaCy on the articles as they are read, the worker annotates some
  of the articles itself (spaCy and the article stages, as here; it always has the next ones
  at hand) and, between them, embeds the sentences the facts will likely compare (an
  :class:`~corroborate.compare.facts.EmbeddingForecast` says which); once the articles are
  done, both embed what is left;
- once the stories are formed, the worker briefs some of them while this process briefs the
  others, each taking the largest story left;
- on a cold start (:func:`start_worker`, first thing in ``corroborate brief``), the worker is
  forked before the models load, loads its own, and embeds the sentences the first articles
  will likely have (guessed by punctuation) before anything is asked.

The worker only computes what this process would compute anyway, for the same texts, with the
same models: a brief with it is the same brief as one without. Whatever it cannot do (it died,
a job failed in it) is done here.
"""

from __future__ import annotations

import itertools
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.annotate.nlp import MIN_FACT_WORDS, guess_sentences, pipeline_for
from corroborate.embed.base import Embedder, embeds_story_leads
from corroborate.engines.background import BackgroundEmbedder, embed_new
from corroborate.engines.base import AnnotateStage, BriefStage, Forecast, failed, story_ids
from corroborate.engines.worker import Jobs, WorkerProcess, WorkerState, can_fork
from corroborate.model import Article, Rejected, Story
from corroborate.text import word_count

# From this many inputs on, a worker started before the models load (start_worker) loads
# spaCy too (about a second and 100 MB) and takes some of the articles; fewer are done sooner
# without.
CHILD_SPACY_FROM = 24
# ... and from this many articles on, it briefs some of the stories too: below it, its first
# brief (importing every story stage) would take longer than this process briefing them all.
CHILD_BRIEFS_FROM = 24
# Stories out with the worker at once: two, the next one waiting in its pipe while it briefs
# one, so that it does not idle while its answer is read and the next story is pickled here.
# (The next one is handed from the thread that reads its answers; sending never waits on the
# pipe, see WorkerProcess.send.)
BRIEFS_AT_ONCE = 2
# Guessed sentences a worker started early embeds ahead at most: enough for the first articles
# of a pile, which are all a cold start waits for; later ones are asked for as spaCy finds them.
AHEAD_LIMIT = 256
# What a worker with a spaCy pipeline can be asked for beside embedding and briefing.
ANNOTATE = "annotate"
# How long a thread of this process computing in Python keeps the interpreter lock from one
# that waits for it (sys.setswitchinterval; Python's default is 5 ms), while the engine is
# open: each message to or from the worker passes through this process's threads (the reader
# of its answers, the embedding thread, the sender of requests), each waiting for the lock
# that the main thread holds while it annotates or briefs, and the worker idles meanwhile.
SWITCH_INTERVAL = 0.001


class LocalEngine:
    """Runs the stages here and in a worker process (on a second core).

    Args:
        nlp: the loaded spaCy pipeline.
        embedder: the loaded sentence embedder.
        worker: a worker already running (from :func:`start_worker`); by default one is forked
            with copies of the models when that is safe (:func:`fork_worker`).
        briefs_from: from this many articles in all the stories on, the worker briefs some of
            them (:data:`CHILD_BRIEFS_FROM`).
        story_leads: group the stories with the leads' embeddings too (``--stories-by-meaning``;
            :meth:`lead_embedder`); by default by words, names and numbers alone.

    Use it as a context manager: the worker and the background embedding live inside it.

    >>> with LocalEngine(nlp, embedder) as engine:            # doctest: +SKIP
    ...     articles = engine.annotate(inputs, annotate_article)
    ...     stories = engine.brief(groups, brief_story)
    """

    def __init__(
        self,
        nlp: Any,
        embedder: Embedder,
        *,
        worker: WorkerProcess | None = None,
        briefs_from: int = CHILD_BRIEFS_FROM,
        story_leads: bool = False,
    ):
        self.nlp = nlp
        self.embedder = embedder
        self.briefs_from = briefs_from
        self.story_leads = story_leads
        self._given = worker
        self.worker: WorkerProcess | None = None
        self._stack = ExitStack()
        self.background: BackgroundEmbedder | None = None

    def __enter__(self) -> LocalEngine:
        worker = self._given
        if worker is None and (worker := fork_worker(self.embedder, self.nlp)) is not None:
            self._stack.callback(worker.close)  # forked here, closed here
        self.worker = worker
        if worker is not None:
            previous = sys.getswitchinterval()
            sys.setswitchinterval(min(previous, SWITCH_INTERVAL))
            self._stack.callback(sys.setswitchinterval, previous)
        self.background = self._stack.enter_context(BackgroundEmbedder(self.embedder, worker))
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    @property
    def _embedding(self) -> BackgroundEmbedder:
        if self.background is None:
            raise RuntimeError("Use the LocalEngine as a context manager: `with LocalEngine(...)`.")
        return self.background

    def lead_embedder(self) -> Embedder | None:
        """The background embedder, when stories are grouped with the leads' embeddings
        (``story_leads``) and the loaded embedder is the one the same-story model reads
        (:func:`~corroborate.embed.base.embeds_story_leads`; else None): the leads are
        queued ahead with the facts' sentences (the brief's forecast) and embedded on the
        second core while spaCy reads later articles, and a lead sentence the facts compare
        too is found in the same cache, embedded once."""
        if not (self.story_leads and embeds_story_leads(self.embedder)):
            return None
        return self._embedding

    def annotate(
        self,
        articles: Iterable[Article],
        annotate: AnnotateStage,
        *,
        rejected: list[Rejected] | None = None,
        forecast: Forecast | None = None,
        on_article: Callable[[Article], None] | None = None,
        batch_size: int = 4,
    ) -> list[Article]:
        """``annotate(article, doc)`` for every article, with spaCy's docs batched through
        ``nlp.pipe``; the articles in the order read (each, as soon as it is annotated, goes to
        ``forecast``, whose texts are embedded ahead, and to ``on_article``: progress). An
        article a stage fails on goes to ``rejected`` with the reason."""
        background = self._embedding
        offload = None
        worker = self.worker
        if worker is not None and ANNOTATE in worker.can:
            # Whenever it has fewer than three out (once it has loaded its spaCy pipeline), even
            # with texts queued to embed: those are embedded between its articles, and by both
            # processes once the articles are done. Only this process's pulls from the stream
            # offer it articles: holding them back while embedding was behind, or two out,
            # left it idle between them (bench/timeline.py).
            offload = Jobs(worker, "annotate", _annotate_job, at_once=3, free=lambda: worker.ready)
        position: dict[str, int] = {}

        def numbered(stream: Iterable[Article]) -> Iterator[Article]:
            for n, article in enumerate(stream):
                position[article.id] = n
                yield article

        done = []
        stream = numbered(articles)
        meanwhile = background.embed_queued
        for article in annotate_in_order(
            stream, self.nlp, annotate, offload, batch_size, rejected, meanwhile
        ):
            done.append(article)
            if forecast is not None:
                background.prefetch(forecast(article))
            if on_article is not None:
                on_article(article)
        return sorted(done, key=lambda a: position[a.id])  # in the order read

    def brief(
        self,
        groups: Sequence[Sequence[Article]],
        brief: BriefStage,
        *,
        rejected: list[Rejected] | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[Story]:
        """``brief(articles, embedder, story_id)`` of each group (story ids ``ids``, else
        ``s1``, ``s2``... in the order given; the groups come largest first).

        The worker process, once it has no embedding left, briefs some of the stories while
        this process briefs the others, each taking the largest story left as soon as it is
        free (:data:`BRIEFS_AT_ONCE`). It is sent the vectors computed so far for the
        story's sentences. A story that cannot be briefed puts its articles in ``rejected``
        with the reason.
        """
        background = self._embedding
        named = story_ids(groups, ids)
        stories: list[Story | None] = [None] * len(groups)
        left = deque(range(len(groups)))
        lock = threading.Lock()
        jobs: Jobs | None = None

        def to_worker() -> None:
            # under the lock: once the main thread finds no story left, each is out or done
            with lock:
                if not (jobs and left and jobs.can_take() and background.lend_worker(to_worker)):
                    return
                n = left.popleft()
                texts = [s.text for a in groups[n] for s in a.sentences]
                if not jobs.offer(n, (brief, list(groups[n]), named[n], background.known(texts))):
                    left.appendleft(n)

        def here(n: int) -> Story | None:
            return briefed(brief, groups[n], background, named[n], rejected)

        def settle(done: list[tuple[int, Any]]) -> None:
            for n, story in done:  # None: the worker could not; briefed here
                stories[n] = story or here(n)

        articles = sum(len(g) for g in groups)
        if self.worker is not None and self.worker.running and articles >= self.briefs_from:
            jobs = Jobs(self.worker, "brief", _brief_job, at_once=BRIEFS_AT_ONCE, then=to_worker)
        while True:
            with lock:
                n = left.popleft() if left else None
            if n is None:
                break
            to_worker()  # the next largest, while this process briefs this one
            stories[n] = here(n)
            if jobs is not None:
                settle(jobs.arrived())
        if jobs is not None:
            settle(jobs.finish())
        return [story for story in stories if story is not None]


def annotate_in_order(
    articles: Iterable[Article],
    nlp: Any,
    annotate: AnnotateStage,
    offload: Jobs | None = None,
    batch_size: int = 4,
    rejected: list[Rejected] | None = None,
    meanwhile: Callable[[], bool] | None = None,
) -> Iterator[Article]:
    """``annotate(article, doc)`` for a stream of articles, batched through ``nlp.pipe``, in the
    order read (those in another language last).

    Given an ``offload``, each article that the worker process is free to take goes to it
    instead (the rest go through ``nlp.pipe`` one by one, so that it is offered every article);
    once the stream ends, ``meanwhile()`` is called until the worker has sent its last ones
    back or it says it has nothing to do (the engine embeds queued texts then, rather than
    wait). An article in a language that has its own installed pipeline
    (:func:`corroborate.annotate.nlp.pipeline_for`) is set aside and run through that pipeline
    once the stream ends. Small batches cost spaCy's CNN little and hand articles to the
    background embedder early; the first article goes through alone. An article a stage fails
    on goes to ``rejected`` with the reason (without a list, the error is raised).
    """
    later: dict[str, list[Article]] = {}
    # Articles the worker has not sent back yet hold back those read after them: they come out
    # in the order read (which copy of an article comes first decides what is embedded).
    order: dict[str, int] = {}  # article id -> its place in the stream
    places = itertools.count()
    held: dict[int, Article | None] = {}
    released = 0

    def main_language(stream: Iterable[Article]) -> Iterator[tuple[str, Article]]:
        for article in stream:
            if pipeline_for(article.language, nlp) is not nlp:
                later.setdefault(article.language or "", []).append(article)
                continue
            order[article.id] = next(places)
            if offload is None or not offload.offer(article, (annotate, article)):
                yield article.text, article

    def in_order(done: Iterable[tuple[Article, Article | None]]) -> Iterator[Article]:
        nonlocal released
        for article, result in done:
            held[order.pop(article.id)] = result
        while released in held:
            result = held.pop(released)
            released += 1
            if result is not None:
                yield result

    def here(article: Article, doc: Any) -> tuple[Article, Article | None]:
        return article, annotated(annotate, article, doc, rejected)

    def from_worker(done: list[tuple[Article, Any]]) -> Iterator[tuple[Article, Article | None]]:
        for article, result in done:  # None: the worker could not; done here instead
            yield (article, result) if result is not None else here(article, nlp(article.text))

    stream = main_language(articles)
    size = 1 if offload is not None else batch_size
    # The first article alone, so that the background embedder has work at once.
    for part in (itertools.islice(stream, 1), stream):
        for doc, article in nlp.pipe(part, as_tuples=True, batch_size=size):
            yield from in_order([here(article, doc)])
            if offload is not None:
                yield from in_order(from_worker(offload.arrived()))
    if offload is not None:
        yield from in_order(from_worker(offload.finish(meanwhile)))
    for language, group in later.items():
        other = pipeline_for(language, nlp)
        pairs = other.pipe(((a.text, a) for a in group), as_tuples=True, batch_size=batch_size)
        for doc, article in pairs:
            result = annotated(annotate, article, doc, rejected)
            if result is not None:
                yield result


def briefed(
    brief: BriefStage,
    articles: Sequence[Article],
    embedder: Embedder,
    story_id: str,
    rejected: list[Rejected] | None,
) -> Story | None:
    """``brief(articles, embedder, story_id)``; if it fails, None and the story's articles in
    ``rejected`` with the reason (the error is raised when there is no such list)."""
    if rejected is None:
        return brief(articles, embedder, story_id)
    try:
        return brief(articles, embedder, story_id)
    except Exception as exc:  # noqa: BLE001 - one story's failure must not end the run
        reason = failed("briefing the story it belongs to", exc)
        rejected.extend(Rejected(a.path, reason) for a in articles)
        return None


def annotated(
    annotate: AnnotateStage, article: Article, doc: Any, rejected: list[Rejected] | None
) -> Article | None:
    """``annotate(article, doc)``; if a stage fails on the article, None and the article in
    ``rejected`` with the reason (the error is raised when there is no such list)."""
    if rejected is None:
        return annotate(article, doc)
    try:
        return annotate(article, doc)
    except Exception as exc:  # noqa: BLE001 - one article's failure must not end the run
        rejected.append(Rejected(article.path, failed("annotating it", exc)))
        return None


# --------------------------------------------------------------------------- the worker


def fork_worker(embedder: Embedder, nlp: Any = None) -> WorkerProcess | None:
    """A worker forked with copies of the loaded models, when that is safe: the embedder says
    it is ``fork_safe`` and :func:`corroborate.engines.worker.can_fork`. The spaCy pipeline
    goes along (the worker then annotates articles too) unless it runs on torch (a transformer
    pipeline): torch's threads do not survive a fork. The bfloat16 MiniLM encoder runs torch on
    the calling thread only."""
    if not getattr(embedder, "fork_safe", False) or not can_fork():
        return None
    child_nlp = None if nlp is None or runs_on_torch(nlp) else nlp
    can = [ANNOTATE] if child_nlp is not None else []
    return WorkerProcess(WorkerState(nlp=child_nlp, embedder=embedder), can=can)


def start_worker(
    paths: Sequence[str | Path],
    manifest: str | Path | None,
    embedder: str,
    model: str | None = None,
    inputs: int = 0,
) -> WorkerProcess | None:
    """A worker forked first thing, before this process loads its models (a cold start): it
    loads the embedder named ``embedder`` (and, from :data:`CHILD_SPACY_FROM` ``inputs`` on,
    the spaCy pipeline ``model``: ``None`` for the default), then embeds the guessed sentences
    of the first articles of ``paths`` until it is asked for something. Hand it to
    :class:`LocalEngine`; None where nothing can be forked, or for the hashing fake."""
    if embedder == "hashing" or not can_fork():
        return None
    spacy_too = inputs >= CHILD_SPACY_FROM
    return WorkerProcess(
        setup=(_load_models, (embedder, (model or "") if spacy_too else None)),
        ahead=(_embed_guessed, (list(paths), manifest, AHEAD_LIMIT)),
        can=[ANNOTATE] if spacy_too else [],
    )


def runs_on_torch(nlp: Any) -> bool:
    """Whether a spaCy pipeline has a component computed by torch (a PyTorch shim in its thinc
    model); anything that is not a spaCy pipeline counts as torch's once torch is loaded."""
    components = getattr(nlp, "components", None)
    if components is None:
        return "torch" in sys.modules
    for _, component in components:
        walk = getattr(getattr(component, "model", None), "walk", None)
        for node in walk() if walk is not None else ():
            if any("PyTorch" in type(shim).__name__ for shim in node.shims):
                return True
    return False


# Jobs the worker is handed (module-level functions: they go to it by reference).


def _annotate_job(state: WorkerState, payload: tuple[AnnotateStage, Article]) -> Article:
    annotate, article = payload
    if state.nlp is None:
        raise RuntimeError("this worker has no spaCy pipeline")
    return annotate(article, state.nlp(article.text))


def _brief_job(
    state: WorkerState, payload: tuple[BriefStage, list[Article], str, dict[str, Any]]
) -> Story:
    brief, articles, story_id, vectors = payload
    return brief(articles, KnownVectors(state.embedder, vectors), story_id)


def _load_models(state: WorkerState, names: tuple[str, str | None]) -> None:
    from corroborate.annotate.nlp import load_spacy
    from corroborate.embed.load import load_embedder

    embedder, model = names
    state.embedder = load_embedder(embedder)
    if model is not None:
        state.nlp = load_spacy(model or None)


def _embed_guessed(
    state: WorkerState, payload: tuple[list[Any], Any, int]
) -> Iterator[tuple[str, dict[str, np.ndarray]]]:
    paths, manifest, limit = payload
    for chunk in guessed_chunks(paths, manifest, limit):
        yield "embed", embed_new(state, chunk)


def guessed_chunks(paths: list[Any], manifest: Any, limit: int) -> Iterator[list[str]]:
    """Chunks of the guessed sentences (:func:`corroborate.annotate.nlp.guess_sentences`) of
    the first articles, up to ``limit`` of them: most are spaCy's sentences exactly, and a
    guess spaCy does not confirm is never used."""
    from corroborate.read.clean import prepare
    from corroborate.read.ingest import iter_inputs

    chunk = BackgroundEmbedder.CHUNK
    seen: set[str] = set()
    for article in prepare(iter_inputs(paths, manifest), []):
        texts = [
            s
            for s in dict.fromkeys(guess_sentences(article.text))
            if word_count(s) >= MIN_FACT_WORDS and s not in seen
        ][: limit - len(seen)]
        seen.update(texts)
        for start in range(0, len(texts), chunk):
            yield texts[start : start + chunk]
        if len(seen) >= limit:
            return


class KnownVectors:
    """An embedder that answers from vectors already computed (``known``, text -> vector) and
    embeds only the rest, with ``embedder``; what it embeds is kept."""

    def __init__(self, embedder: Embedder, known: dict[str, Any]) -> None:
        self.embedder = embedder
        self.known = dict(known)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.known]
        if missing:
            self.known.update(zip(missing, self.embedder.encode(missing), strict=True))
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([self.known[t] for t in texts])
