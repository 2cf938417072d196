"""The whole flow, in one place: ingest -> clean -> nlp -> extract -> story -> brief."""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from corroborate.annotate.dates import align_inferred_dates
from corroborate.annotate.extract import extract
from corroborate.annotate.nlp import MIN_FACT_WORDS, annotate_doc, installed, load_spacy
from corroborate.annotate.quotes import extract_quotes
from corroborate.annotate.roles import role_conflicts
from corroborate.compare.cluster import (
    JOIN_THRESHOLD,
    ClusterConfig,
    StoryClusterer,
    cluster_stories,
)
from corroborate.compare.commitments import merge_commitments
from corroborate.compare.coverage import coverage_by_attribute, only_in
from corroborate.compare.entities import merge_entities, story_person_mentions
from corroborate.compare.events import split_events
from corroborate.compare.facts import PartnerIndex, SentenceTable, fact_sentences, group_facts
from corroborate.compare.numbers import compare_numbers
from corroborate.compare.quote_alignment import align_quotes, quote_texts
from corroborate.compare.story_titles import story_title
from corroborate.compare.summarize import summarize
from corroborate.compare.syndication import (
    CopyTracker,
    find_copies,
    independent_sources,
    sentence_twins,
)
from corroborate.compare.timeline import build_timeline
from corroborate.embed.base import Embedder
from corroborate.embed.load import load_embedder
from corroborate.engines.background import BackgroundEmbedder
from corroborate.engines.worker import Jobs, Offload, WorkerProcess, fork_worker
from corroborate.model import Article, Brief, Rejected, Story
from corroborate.read.clean import prepare
from corroborate.read.ingest import iter_inputs

Progress = Callable[[Article], None]

# The stories forming as articles are read are looser than the final ones: a sentence compared
# in the end but not forecast costs a wait for its embedding, one forecast in vain only its own.
FORECAST_CLUSTERING = ClusterConfig(threshold=0.6 * JOIN_THRESHOLD)


def build_brief(
    paths: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    nlp: Any = None,
    embedder: Embedder | None = None,
    on_article: Progress | None = None,
    worker: Any = None,
) -> Brief:
    """Read every input, clean and annotate each article, group them into stories and brief
    each story.

    Args:
        paths: files and directories to read.
        manifest: optional CSV/JSON mapping file names to outlet, url, published, ...
        nlp: a loaded spaCy pipeline (default: :func:`corroborate.annotate.nlp.load_spacy`).
        embedder: a sentence embedder (default: the packaged all-MiniLM-L6-v2).
        on_article: called once per article when it has been annotated (progress bars).
        worker: a worker process already running, perhaps embedding ahead
            (:class:`corroborate.engines.worker.WorkerProcess`); by default one is forked with the
            models when that is safe (:func:`corroborate.engines.worker.fork_worker`), and it then
            annotates some of the articles and embeds the sentences.

    Returns:
        The :class:`Brief`: one story per group of articles about the same real-world story,
        largest first; unreadable inputs are in ``brief.rejected`` with a reason.
    """
    rejected: list[Rejected] = []
    position: dict[str, int] = {}

    def numbered(stream: Iterable[Article]) -> Iterator[Article]:
        for n, article in enumerate(stream):
            position[article.id] = n
            yield article

    cleaned = numbered(prepare(iter_inputs(paths, manifest), rejected))
    articles: list[Article] = []
    embedder = embedder or load_embedder()
    nlp = nlp or load_spacy()
    copies, partners = CopyTracker(), PartnerIndex()
    # Stories as they form while reading (the final ones are formed over the whole pile):
    # sentences are forecast to be compared only within one, as facts are formed story by story.
    forming = StoryClusterer(config=FORECAST_CLUSTERING)
    by_id: dict[str, Article] = {}
    with ExitStack() as stack:
        if worker is None and (worker := fork_worker(embedder, nlp)) is not None:
            stack.callback(worker.close)  # forked here, closed here
        background = stack.enter_context(BackgroundEmbedder(embedder, worker=worker))
        offload = None
        if worker is not None:  # spaCy in the child too, when it can and its embedding allows
            offload = Offload(worker, free=lambda: not background.behind())
        for article in annotate_all(cleaned, nlp, offload=offload):
            articles.append(article)
            by_id[article.id] = article
            # Embedded ahead: sentences that facts will likely compare (see facts.group_facts),
            # and not what a copy repeats of an earlier copy.
            earlier = [s for other in copies.add(article) for s in by_id[other].sentences]
            twins = sentence_twins(article, earlier, MIN_FACT_WORDS)
            own = fact_sentences(article.sentences)
            fresh = [s for s in own if s.index not in twins]
            repeated = [s for s in own if s.index in twins]
            story = forming.add(article)
            found = partners.add(
                fresh, repeated, related=lambda a, s=story: forming.story_of(a) == s
            )
            background.prefetch(s.text for s in found)
            if on_article:
                on_article(article)
        articles.sort(key=lambda a: position[a.id])  # in the order read
        groups = [[by_id[i] for i in group] for group in group_stories(articles)]
        stories = brief_stories(groups, background, worker)
    # a story briefed by the worker process comes back with its own copies of its articles
    by_id.update((a.id, a) for group in groups for a in group)
    return Brief([by_id[a.id] for a in articles], stories, rejected)


def brief_stories(
    groups: list[list[Article]], embedder: Embedder, worker: WorkerProcess | None = None
) -> list[Story]:
    """:func:`brief_story` of each group of articles (story ids ``s1``, ``s2``... in order).

    Given a worker process that the ``embedder`` (a :class:`BackgroundEmbedder`) can lend, the
    worker briefs some of the stories while this process briefs the others, each taking the
    largest story left (the groups come largest first) as soon as it is free. A story briefed
    there comes back with the worker's copies of its articles, which take the place of those in
    ``groups`` (:func:`brief_story` fills in their quotes), and the same brief as here: the
    worker is sent the vectors computed so far for the story's sentences.
    """
    stories: list[Story | None] = [None] * len(groups)
    left = deque(range(len(groups)))
    lock = threading.Lock()
    jobs: Jobs | None = None

    def to_worker() -> None:
        with lock:
            if not (jobs and left and jobs.can_take() and embedder.lend_worker(to_worker)):
                return
            n = left.popleft()
        texts = [s.text for a in groups[n] for s in a.sentences]
        if not jobs.offer(n, (groups[n], f"s{n + 1}", embedder.known(texts))):
            with lock:
                left.appendleft(n)

    def settle(done: list[tuple[int, Any]]) -> None:
        for n, result in done:
            if result is None:  # the worker could not: briefed here
                stories[n] = brief_story(groups[n], embedder, story_id=f"s{n + 1}")
            else:
                stories[n], groups[n] = result

    lends = hasattr(embedder, "lend_worker") and hasattr(embedder, "known")
    if worker is not None and worker.running and lends and len(groups) > 1:
        jobs = Jobs(worker, "brief", "briefed", at_once=1, then=to_worker)
    while True:
        with lock:
            n = left.popleft() if left else None
        if n is None:
            break
        to_worker()  # the next largest, while this process briefs this one
        stories[n] = brief_story(groups[n], embedder, story_id=f"s{n + 1}")
        if jobs is not None:
            settle(jobs.arrived())
    if jobs is not None:
        settle(jobs.finish())
    return [story for story in stories if story is not None]


def group_stories(articles: Sequence[Article]) -> list[list[str]]:
    """Article ids grouped by story, largest first (a lone article is its own story)."""
    if len(articles) < 2:
        return [[a.id for a in articles]] if articles else []
    return cluster_stories(articles)


def annotate_all(
    articles: Iterable[Article], nlp: Any, batch_size: int = 4, offload: Offload | None = None
) -> Iterator[Article]:
    """Sentences and entities for a stream of articles, batched through ``nlp.pipe``, in the
    order read (those in another language last).

    Given an ``offload``, each article that the worker process is free to take goes to it
    instead (the rest go through ``nlp.pipe`` one by one, so that it is offered every article).
    An article in a language that has its own installed pipeline (:func:`pipeline_for`) is
    set aside and run through that pipeline once the stream ends. Small batches cost spaCy's
    CNN little and hand articles to the background embedder early (with batches of 16, a
    5-article brief embedded nothing until spaCy had read them all); the first article goes
    through alone.
    """
    later: dict[str, list[Article]] = {}
    # Articles the worker has not sent back yet hold back those read after them: they come out
    # in the order read (which copy of an article comes first decides what is embedded).
    order: dict[str, int] = {}  # article id -> its place in the stream
    places = itertools.count()
    held: dict[int, Article] = {}
    released = 0

    def main_language(stream: Iterable[Article]) -> Iterator[tuple[str, Article]]:
        for article in stream:
            if pipeline_for(article.language, nlp) is not nlp:
                later.setdefault(article.language or "", []).append(article)
                continue
            order[article.id] = next(places)
            if offload is None or not offload.offer(article):
                yield article.text, article

    def in_order(done: Iterable[Article]) -> Iterator[Article]:
        nonlocal released
        for article in done:
            held[order.pop(article.id)] = article
        while released in held:
            yield held.pop(released)
            released += 1

    def from_worker(done: list[tuple[Article, Any]]) -> Iterator[Article]:
        for article, annotated in done:  # None: the worker could not; done here instead
            yield annotated or extract(annotate_doc(article, nlp(article.text)))

    stream = main_language(articles)
    size = 1 if offload is not None else batch_size
    # The first article alone, so that the background embedder has work at once.
    for part in (itertools.islice(stream, 1), stream):
        for doc, article in nlp.pipe(part, as_tuples=True, batch_size=size):
            yield from in_order([extract(annotate_doc(article, doc))])
            if offload is not None:
                yield from in_order(from_worker(offload.arrived()))
    if offload is not None:
        yield from in_order(from_worker(offload.finish()))
    for language, group in later.items():
        other = pipeline_for(language, nlp)
        pairs = other.pipe(((a.text, a) for a in group), as_tuples=True, batch_size=batch_size)
        for doc, article in pairs:
            yield extract(annotate_doc(article, doc))


# spaCy pipelines for languages other than English, used when installed.
LANGUAGE_MODELS = {"fr": "fr_core_news_sm"}


def pipeline_for(language: str | None, default: Any) -> Any:
    """The pipeline for an article in ``language``: its own when one is installed (see
    :data:`LANGUAGE_MODELS`), else ``default``."""
    name = LANGUAGE_MODELS.get(language or "")
    if name is None or default.lang == language or not installed(name):
        return default
    return load_spacy(name)


def brief_story(articles: Sequence[Article], embedder: Embedder, story_id: str = "s1") -> Story:
    """The brief of one story told by ``articles``: facts and a cited summary, people and
    their titles, quotes, numbers, timeline and commitments, compared across outlets."""
    align_inferred_dates(articles)
    people = story_person_mentions(articles)
    entities = merge_entities(articles, people)
    for article in articles:
        article.quotes = extract_quotes(article, people[article.id])
    prefetch = getattr(embedder, "prefetch", None)
    if prefetch is not None:  # embedded in the background while the facts are worked out
        prefetch(quote_texts([q for a in articles for q in a.quotes]))
    copies = find_copies(articles)
    table = SentenceTable.build(articles)
    events = split_events(articles, story_id=story_id)
    facts = group_facts(
        articles, embedder, copies, table=table, events=[e.article_ids for e in events]
    )
    summary = summarize(facts, table, articles)
    fact_of = {(s.article_id, s.index): k for k, f in enumerate(facts) for s in f.members}
    numbers, number_conflicts = compare_numbers(
        articles, {a.id: a.quantities for a in articles}, copies, fact_of
    )
    quotes, attribution_conflicts = align_quotes(
        articles, {a.id: a.quotes for a in articles}, entities, embedder
    )
    return Story(
        id=story_id,
        title=story_title(articles, summary),
        article_ids=[a.id for a in articles],
        facts=facts,
        summary=summary,
        copies=copies,
        entities=tuple(entities),
        quotes=tuple(quotes),
        numbers=tuple(numbers),
        conflicts=tuple(role_conflicts(entities) + attribution_conflicts + number_conflicts),
        timeline=tuple(build_timeline(articles, {a.id: a.dates for a in articles})),
        commitments=tuple(merge_commitments(articles, {a.id: a.commitments for a in articles})),
        events=tuple(events),
        only_in=only_in(facts, articles),
        coverage=tuple(
            coverage_by_attribute(facts, articles, k) for k in outlet_attributes(articles)
        ),
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
