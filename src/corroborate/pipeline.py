"""The whole flow, in one place: read -> annotate -> group into stories -> brief each story.

Every stage is a plain function of the :mod:`corroborate.model` objects. Per article, spaCy
gives the sentences and named entities (:func:`corroborate.annotate.nlp.annotate_doc`), then
each :data:`ARTICLE_STAGES` stage fills one field of the article, once, from what the stages
before it filled (as a spaCy component declares what it ``requires`` and ``assigns``). Story
stages (:func:`brief_story`) read the articles and build the story's parts; they never rewrite
an article. An engine (:mod:`corroborate.engines.local` by default) decides where each stage
runs: the stages are handed to it.

>>> brief = build_brief(["articles/"])                       # doctest: +SKIP
>>> [story.title for story in brief.stories]                 # doctest: +SKIP
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corroborate.annotate.commitments import trigger_sentences
from corroborate.annotate.dates import (
    date_by_story,
    dated_sentences,
    extract_dates,
    infer_published,
    tense_sentences,
)
from corroborate.annotate.grammar import parse_sentences
from corroborate.annotate.next_steps import learned_commitments
from corroborate.annotate.nlp import annotate_doc, load_spacy
from corroborate.annotate.people import find_person_mentions
from corroborate.annotate.quantities import extract_quantities, gift_sentences
from corroborate.annotate.quotes import extract_quotes
from corroborate.annotate.roles import role_conflicts
from corroborate.compare.cluster import cluster_stories, lead_texts
from corroborate.compare.commitments import merge_commitments
from corroborate.compare.coverage import coverage_by_attribute, only_in
from corroborate.compare.entities import merge_entities, story_person_mentions
from corroborate.compare.events import split_events
from corroborate.compare.facts import (
    EmbeddingForecast,
    SentenceTable,
    facts_of_sentences,
    group_facts,
)
from corroborate.compare.numbers import compare_numbers
from corroborate.compare.quote_alignment import align_quotes
from corroborate.compare.same_story import Profile
from corroborate.compare.stage_cache import StageCache, article_keys, cached
from corroborate.compare.story_titles import story_title
from corroborate.compare.summarize import summarize
from corroborate.compare.syndication import find_copies, independent_sources
from corroborate.compare.timeline import build_timeline, date_conflicts
from corroborate.embed.base import Embedder
from corroborate.embed.load import load_embedder
from corroborate.engines.base import Engine
from corroborate.engines.local import LocalEngine
from corroborate.model import Article, Brief, Rejected, Story
from corroborate.read.clean import prepare
from corroborate.read.ingest import iter_inputs


@dataclass(frozen=True)
class ArticleStage:
    """One per-article stage: ``run(article)`` is the value of the field ``assigns``, computed
    from the fields in ``requires`` (filled by reading, by spaCy or by an earlier stage)."""

    name: str
    run: Callable[[Article], Any]
    requires: tuple[str, ...]
    assigns: str


def grammar_sentences(article: Article) -> list[int]:
    """The sentences whose grammar a stage reads (only those are parsed: :mod:`corroborate.
    annotate.grammar`): whose tense the dates read, whose commitment the commitments read,
    whose dates the timeline reads (a date may date a phrase, not the sentence), and whose sum
    given the figures read the giver of (:func:`corroborate.annotate.quantities.
    gift_sentences`). None but in
    English, whose grammar the rules read."""
    if article.language != "en":
        return []
    # Asked twice per article (spaCy's pass parses them, then the grammar stage reads them),
    # with nothing it reads changed between: the last answer is kept with what it read.
    read = (article.text, article.sentences, article.mentions, article.published)
    last = _LAST_GRAMMAR_SENTENCES[0]  # one tuple, read and replaced whole (threads)
    if last and last[0] is article and all(a is b for a, b in zip(last[1], read, strict=True)):
        return list(last[2])
    found = sorted(
        {
            *tense_sentences(article),
            *trigger_sentences(article),
            *dated_sentences(article),
            *gift_sentences(article),
        }
    )
    _LAST_GRAMMAR_SENTENCES[0] = (article, read, tuple(found))
    return found


# grammar_sentences' last answer: (article, what it read of it (the objects), the answer).
_LAST_GRAMMAR_SENTENCES: list[tuple[Any, ...]] = [()]


def _parses(article: Article) -> dict[int, Any]:
    """The parses of the :func:`grammar_sentences` (from spaCy's pass where it parsed them)."""
    return parse_sentences(article, grammar_sentences(article))


def _inferred_publication(article: Article) -> str | None:
    if article.published is not None:
        return None
    inferred, source = infer_published(article)
    return inferred if source == "inferred" else None


# What spaCy fills (annotate_doc) and what reading fills, for the stages to require.
SPACY_ASSIGNS = ("sentences", "mentions")
READ_ASSIGNS = ("text", "published", "language", "title", "outlet")

ARTICLE_STAGES: tuple[ArticleStage, ...] = (
    ArticleStage("grammar", _parses, requires=("text", "sentences", "language"), assigns="parses"),
    ArticleStage(
        "publication date",
        _inferred_publication,
        requires=("text", "sentences", "published", "parses"),
        assigns="published_inferred",
    ),
    ArticleStage(
        "figures",
        extract_quantities,
        requires=("text", "sentences", "mentions", "parses"),
        assigns="quantities",
    ),
    ArticleStage(
        "dates",
        extract_dates,
        requires=("text", "sentences", "published", "published_inferred", "parses"),
        assigns="dates",
    ),
    ArticleStage(
        "commitments",
        learned_commitments,
        requires=("text", "sentences", "mentions", "published", "dates", "parses"),
        assigns="commitments",
    ),
    ArticleStage(
        "people", find_person_mentions, requires=("text", "sentences", "mentions"), assigns="people"
    ),
)


def annotate_article(article: Article, doc: Any) -> Article:
    """Fill ``article`` from spaCy's ``doc`` of its text (sentences, entity mentions), then run
    the article stages on it (:func:`run_article_stages`). Returns the article, without the
    stages' working parses (``parses``, ``parsed_alone``): what they read of them is in their
    results, so an article holds in memory what the store keeps of it."""
    article = run_article_stages(annotate_doc(article, doc, also=grammar_sentences))
    article.parses, article.parsed_alone = {}, []
    return article


def run_article_stages(article: Article) -> Article:
    """Run every :data:`ARTICLE_STAGES` stage on an article whose sentences and mentions are
    known, in order, each filling its field. Returns the article."""
    for stage in ARTICLE_STAGES:
        setattr(article, stage.assigns, stage.run(article))
    return article


def read_articles(
    paths: Sequence[str | Path], manifest: str | Path | None, rejected: list[Rejected]
) -> Iterator[Article]:
    """The articles of ``paths``, read and cleaned, streamed; what cannot be read goes to
    ``rejected`` with its reason."""
    return prepare(iter_inputs(paths, manifest), rejected)


def build_brief(
    paths: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    nlp: Any = None,
    embedder: Embedder | None = None,
    on_article: Callable[[Article], None] | None = None,
    engine: Engine | None = None,
) -> Brief:
    """Read every input, clean and annotate each article, group them into stories and brief
    each story. The grouping reads each article's lead embedding when the engine has an
    embedder the same-story model reads (:meth:`~corroborate.engines.base.Engine.lead_embedder`:
    MiniLM), the leads embedded ahead with the facts' sentences; else words, names and numbers.

    Args:
        paths: files and directories to read.
        manifest: optional CSV/JSON mapping file names to outlet, url, published, ...
        nlp: a loaded spaCy pipeline (default: :func:`corroborate.annotate.nlp.load_spacy`).
        embedder: a sentence embedder (default: the packaged all-MiniLM-L6-v2).
        on_article: called once per article when it has been annotated (progress bars).
        engine: where the stages run (default: a :class:`~corroborate.engines.local.LocalEngine`
            on ``nlp`` and ``embedder``; :class:`~corroborate.engines.ray.RayEngine` for a Ray
            cluster).

    Returns:
        The :class:`Brief`: one story per group of articles about the same real-world story,
        largest first; unreadable inputs are in ``brief.rejected`` with a reason; articles of
        newsroom matter (``not_news``: a news budget, an advisory) are in ``brief.articles``
        and in no story.
    """
    rejected: list[Rejected] = []
    if engine is None:
        engine = LocalEngine(nlp or load_spacy(), embedder or load_embedder())
    forecast = EmbeddingForecast()
    with models_frozen(), engine:
        leads = engine.lead_embedder()

        def ahead(article: Article) -> list[str]:
            """The texts to embed ahead: the article's lead, which the grouping reads (when
            leads are embedded), then the sentences the facts will likely compare."""
            texts = forecast.add(article)
            if leads is None or article.not_news is not None:
                return texts
            return [*lead_texts(article), *texts]

        articles = engine.annotate(
            read_articles(paths, manifest, rejected),
            annotate_article,
            rejected=rejected,
            forecast=ahead,
            on_article=on_article,
        )
        news = [a for a in articles if a.not_news is None]
        # profiles read once, for both; the leads' vectors come from the embedding cache
        groups = group_stories(news, profiles=forecast.profiles, embedder=leads)
        stories = engine.brief(groups, brief_story, rejected=rejected)
    dated = {a.id: a for group in groups for a in group}  # as its story dates it
    briefed = {i for story in stories for i in story.article_ids}  # not if its story failed
    kept = [a for a in articles if a.id in briefed or a.not_news is not None]
    return Brief([dated.get(a.id, a) for a in kept], stories, rejected)


@contextmanager
def models_frozen() -> Iterator[None]:
    """The objects alive before a brief (the loaded models, mostly: some 100,000 of them) set
    aside from Python's cycle collector while it runs (``gc.freeze``), and handed back after:
    each full collection during the brief then walks only what the brief made, not the models
    again (100 PolNeAR articles: 0.24 -> 0.09 s of CPU in full collections in this process,
    0.07 -> 0.03 s in the worker process forked inside, whose collections then leave the
    models' pages shared). Cycles the brief
    makes are collected as before, and once more on the way out, while the models are still
    set aside: what the brief left for the collector is then settled without them (0.02-0.03 s),
    where the first allocations after (the JSON) would otherwise start a full collection that
    walks the models too (0.06 s at 100 PolNeAR articles). Nothing is done when objects are
    frozen already (by the caller, or a brief running beside on another thread)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        if gc.isenabled():  # a caller who turned the collector off gets no collection
            gc.collect()
        gc.unfreeze()


def group_stories(
    articles: Sequence[Article],
    *,
    profiles: Mapping[str, Profile] | None = None,
    embedder: Embedder | None = None,
) -> list[list[Article]]:
    """The articles grouped by story, largest first (a lone article is its own story); an
    undated article is dated as its story allows (:func:`date_by_story`). ``profiles``: what
    the grouping reads of each article, when the forecast has read it already. ``embedder``:
    the embedder of the articles' leads (:func:`~corroborate.compare.cluster.lead_texts`; the
    engine's :meth:`~corroborate.engines.base.Engine.lead_embedder`), for the same-story
    model's embedded variant; None: grouped by words, names and numbers alone."""
    if len(articles) < 2:
        ids = [[a.id for a in articles]] if articles else []
    else:
        ids = cluster_stories(articles, profiles=profiles, embedder=embedder)
    by_id = {a.id: a for a in articles}
    return [date_by_story([by_id[i] for i in group]) for group in ids]


def brief_story(
    articles: Sequence[Article],
    embedder: Embedder,
    story_id: str = "s1",
    *,
    cache: StageCache | None = None,
    keys: Mapping[str, bytes] | None = None,
) -> Story:
    """The brief of one story told by ``articles``: facts and a cited summary, people and
    their titles, quotes, numbers, timeline and commitments, compared across outlets.

    ``cache``: the stages' work kept from earlier briefs (:mod:`corroborate.compare.
    stage_cache`), reused where it read the same inputs; the brief is the same without it.
    ``keys``: the articles' keys in it, where the caller has them (see
    :func:`~corroborate.compare.stage_cache.article_keys`).
    """
    keys = article_keys(articles, cache, keys)
    people = story_person_mentions(articles, {a.id: a.people for a in articles}, cache, keys)
    entities = merge_entities(articles, people)
    quotes_found = {a.id: _quotes(a, people[a.id], cache, keys) for a in articles}
    copies = find_copies(articles, cache=cache)
    quotes, attribution_conflicts = align_quotes(
        articles, quotes_found, entities, embedder, cache, story_id
    )
    table = SentenceTable.build(articles, cache, quotes)
    events = split_events(articles, story_id=story_id)
    facts = group_facts(
        articles,
        embedder,
        copies,
        table=table,
        events=[e.article_ids for e in events],
        dated=[e.date is not None for e in events],
        cache=cache,
        story=story_id,
    )
    summary = summarize(facts, table, articles, events=[e.article_ids for e in events])
    fact_of = facts_of_sentences(facts, articles)
    event_of = {a: e.id for e in events if e.date for a in e.article_ids}
    numbers, number_conflicts = compare_numbers(
        articles,
        {a.id: a.quantities for a in articles},
        copies,
        fact_of,
        event_of,
        cache,
        story_id,
        entities,
    )
    return Story(
        id=story_id,
        title=story_title(articles, summary, cache),
        article_ids=[a.id for a in articles],
        facts=facts,
        summary=summary,
        copies=copies,
        entities=tuple(entities),
        quotes=tuple(quotes),
        numbers=tuple(numbers),
        conflicts=tuple(
            role_conflicts(entities)
            + attribution_conflicts
            + number_conflicts
            + date_conflicts(
                articles,
                {a.id: a.dates for a in articles},
                copies,
                [e.article_ids for e in events],
            )
        ),
        timeline=tuple(build_timeline(articles, {a.id: a.dates for a in articles})),
        commitments=tuple(merge_commitments(articles, {a.id: a.commitments for a in articles})),
        events=tuple(events),
        only_in=only_in(facts, articles, copies, quotes),
        coverage=tuple(
            coverage_by_attribute(facts, articles, k) for k in outlet_attributes(articles)
        ),
    )


def _quotes(
    article: Article, people: list[Any], cache: StageCache | None, keys: dict[str, bytes]
) -> list[Any]:
    """:func:`extract_quotes` of one article with the story's person mentions in it, kept in
    ``cache`` under the article and those mentions."""
    return cached(
        cache, "quotes", (keys.get(article.id), people), lambda: extract_quotes(article, people)
    )


# Attributes every reader fills in that say nothing about the outlet itself.
_NOT_OUTLET_ATTRIBUTES = frozenset({"author", "published_unparsed", "file", "filename", "path"})


def outlet_attributes(articles: Sequence[Article]) -> list[str]:
    """Manifest attributes that split the story's outlets into groups (country, leaning...):
    given for at least two articles, with at least two different values."""
    values: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for article in articles:
        for key, value in article.attrs.items():
            if key in _NOT_OUTLET_ATTRIBUTES or not isinstance(value, str) or not value.strip():
                continue
            values.setdefault(key, set()).add(value.strip())
            counts[key] = counts.get(key, 0) + 1
    return sorted(k for k, v in values.items() if len(v) >= 2 and counts[k] >= 2)


def independent_outlets(story: Story, articles: Sequence[Article]) -> int:
    """How many independent outlets tell the story (copies count once; an unnamed outlet is
    its article)."""
    outlet_of = {a.id: a.outlet for a in articles}
    return independent_sources(story.article_ids, story.copies, outlet_of)
