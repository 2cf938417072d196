"""What an engine is: where the pipeline's stages run.

:func:`corroborate.pipeline.build_brief` hands an engine its stages -- ``annotate(article,
doc)`` for each article, ``brief(articles, embedder, story_id)`` for each story -- and the engine
decides where they run: this machine, in this process and one worker (:class:`corroborate.engines.local.
LocalEngine`) or a Ray cluster (:class:`corroborate.engines.ray.RayEngine`). Either way the
same stages give the same brief. A stage that fails on one article (or one story) rejects it
with the reason; the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from corroborate.embed.base import Embedder
from corroborate.model import Article, Rejected, Story

AnnotateStage = Callable[[Article, Any], Article]  # (article, its spaCy Doc) -> the article
BriefStage = Callable[[Sequence[Article], Embedder, str], Story]  # (articles, embedder, id)
Forecast = Callable[[Article], Iterable[str]]  # an annotated article -> texts to embed ahead


class Engine(Protocol):
    """Runs the stages; a context manager (models, processes or a cluster live inside it)."""

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...

    def annotate(
        self,
        articles: Iterable[Article],
        annotate: AnnotateStage,
        *,
        rejected: list[Rejected] | None = None,
        forecast: Forecast | None = None,
        on_article: Callable[[Article], None] | None = None,
    ) -> list[Article]:
        """``annotate`` each article with its spaCy Doc; the articles in the order read."""
        ...

    def brief(
        self,
        groups: Sequence[Sequence[Article]],
        brief: BriefStage,
        *,
        rejected: list[Rejected] | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[Story]:
        """``brief`` each group of articles (story ids ``ids``, else ``s1``, ``s2``... in the
        order given)."""
        ...

    def lead_embedder(self) -> Embedder | None:
        """The embedder the story grouping embeds the articles' leads with, the same vectors
        wherever the stages run (so ``brief``, ``add`` and every engine group alike); None
        when the engine's embedder is not the one the same-story model reads
        (:func:`~corroborate.embed.base.embeds_story_leads`): stories are then grouped by
        words, names and numbers alone."""
        ...


def story_ids(groups: Sequence[Sequence[Article]], ids: Sequence[str] | None) -> list[str]:
    """The ids of the stories told by ``groups``: ``ids`` when given (one per group), else
    ``s1``, ``s2``... in order."""
    if ids is None:
        return [f"s{n + 1}" for n in range(len(groups))]
    if len(ids) != len(groups):
        raise ValueError(f"{len(ids)} story ids for {len(groups)} groups")
    return list(ids)


def failed(doing: str, exc: BaseException) -> str:
    """The reason given when a stage fails: what it was doing and the error, in one line."""
    detail = " ".join(str(exc).split())[:200]
    return f"an error while {doing}: {type(exc).__name__}" + (f": {detail}" if detail else "")
