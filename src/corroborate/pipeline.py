"""The whole flow, in one place: ingest -> clean -> nlp -> extract -> story -> brief."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .clean import clean_article
from .commitments import merge_commitments
from .entities import merge_entities, story_person_mentions
from .extract import extract
from .facts import MIN_FACT_WORDS, SentenceTable, group_facts
from .ingest import iter_inputs
from .model import Article, Brief, Rejected, Story
from .nlp import BackgroundEmbedder, Embedder, annotate_doc, load_embedder, load_spacy
from .numbers import compare_numbers
from .quotes import align_quotes, extract_quotes
from .roles import role_conflicts
from .summarize import summarize
from .syndication import find_copies
from .timeline import build_timeline
from .titles import story_title

Progress = Callable[[Article], None]


def build_brief(
    paths: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    nlp: Any = None,
    embedder: Embedder | None = None,
    on_article: Progress | None = None,
) -> Brief:
    """Read every input, clean and annotate each article, and brief the story they tell.

    Args:
        paths: files and directories to read.
        manifest: optional CSV/JSON mapping file names to outlet, url, published, ...
        nlp: a loaded spaCy pipeline (default: :func:`corroborate.nlp.load_spacy`).
        embedder: a sentence embedder (default: the packaged all-MiniLM-L6-v2).
        on_article: called once per article when it has been annotated (progress bars).

    Returns:
        The :class:`Brief`; unreadable inputs are in ``brief.rejected`` with a reason.
    """
    rejected: list[Rejected] = []
    cleaned = prepare(iter_inputs(paths, manifest), rejected)
    background = BackgroundEmbedder(embedder or load_embedder(), min_words=MIN_FACT_WORDS)
    articles = []
    for article in annotate_all(cleaned, nlp or load_spacy()):
        articles.append(article)
        background.add(article)
        if on_article:
            on_article(article)
    stories = [brief_story(articles, background)] if articles else []
    return Brief(articles, stories, rejected)


def prepare(items: Iterable[Article | Rejected], rejected: list[Rejected]) -> Iterator[Article]:
    """Clean each article as it streams in; set aside what cannot be used, with the reason."""
    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        clean_article(item)
        if not item.text.strip():
            rejected.append(
                Rejected(item.path, "nothing is left once junk is cut: " + _what_was_cut(item))
            )
            continue
        yield item


def annotate_all(articles: Iterable[Article], nlp: Any, batch_size: int = 16) -> Iterator[Article]:
    """Sentences and entities for a stream of articles, batched through ``nlp.pipe``."""
    pairs = nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size)
    for doc, article in pairs:
        yield extract(annotate_doc(article, doc))


def brief_story(articles: Sequence[Article], embedder: Embedder, story_id: str = "s1") -> Story:
    """The brief of one story told by ``articles``: facts and a cited summary, people and
    their titles, quotes, numbers, timeline and commitments, compared across outlets."""
    copies = find_copies(articles)
    table = SentenceTable.build(articles)
    facts = group_facts(articles, embedder, copies, table=table)
    summary = summarize(facts, table, articles)
    numbers, number_conflicts = compare_numbers(
        articles, {a.id: a.quantities for a in articles}, copies
    )
    people = story_person_mentions(articles)
    entities = merge_entities(articles, people)
    for article in articles:
        article.quotes = extract_quotes(article, people[article.id])
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
        entities=entities,
        quotes=quotes,
        numbers=numbers,
        conflicts=role_conflicts(entities) + attribution_conflicts + number_conflicts,
        timeline=build_timeline(articles, {a.id: a.dates for a in articles}),
        commitments=merge_commitments(articles, {a.id: a.commitments for a in articles}),
    )


def _what_was_cut(article: Article) -> str:
    reasons = sorted({r.reason for r in article.removed})
    return ", ".join(reasons) if reasons else "the text is empty"
