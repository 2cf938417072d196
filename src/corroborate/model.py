"""The one data model every stage reads and enriches.

An :class:`Article` holds the text as it was read (``raw``) and the cleaned body (``text``).
Everything found in an article afterwards -- sentences, entity mentions, quotes, quantities,
dates -- is a span ``(start, end)`` into ``Article.text``, so every citation in a brief points
at exact characters and nothing is copied and left to drift.

Stages (composed in :mod:`corroborate.pipeline`)::

    read       paths -> Article (raw, metadata, text, removed)   | Rejected
    annotate   Article.text -> .sentences, .mentions (spaCy, batched), then each article stage
               fills its own field once: .published_inferred, .quantities, .dates,
               .commitments, .people
    compare    [Article] -> Story  (story stages read articles, never rewrite them)
    out        Brief -> JSON, Markdown, HTML

Story-level objects (:class:`Fact`, :class:`Story`, ...) mirror the JSON contract in
``out/schema/brief.schema.json``; :mod:`corroborate.out.render` turns them into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Why a piece of text was cut from an article. Kept open (a str), these are the usual ones.
REMOVAL_REASONS = (
    "comments",
    "comment_form",
    "cookie_banner",
    "caption",
    "photo_credit",
    "slide_counter",
    "related_link",
    "share_prompt",
    "outlet_signature",
    "dateline",
    "subheading",
    "scraper_residue",
    "navigation",
    "boilerplate",
)


@dataclass(frozen=True)
class Removed:
    """A piece of an article cut as junk, and why.

    Attributes:
        text: the exact text cut (one line or a block of lines).
        reason: one of :data:`REMOVAL_REASONS` (or another short snake_case word).
    """

    text: str
    reason: str


@dataclass(frozen=True)
class Span:
    """A slice ``[start, end)`` of one article's cleaned text."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: a span with its text (``text == article.text[start:end]``)."""

    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A named-entity mention found by NER (label as spaCy gives it: PERSON, ORG, GPE...)."""

    article_id: str
    start: int
    end: int
    text: str
    label: str
    sentence: int  # index of the sentence it lies in


@dataclass
class Article:
    """One input article, enriched stage by stage.

    Attributes:
        id: the file stem, or the record's ``id``.
        path: where it was read from (``file.jsonl#3`` for the 4th record of a JSONL file).
        raw: the text as read (after encoding repair; for HTML, the extracted main text).
        text: the cleaned body; every span below indexes into it.
        removed: what cleaning cut, with reasons.
        headings: section sub-heads found in the body (not sentences).
        attrs: any extra attributes given by a manifest or JSON record.
        published_source: where ``published`` came from: manifest, record, html, page (a date
            stamp cut from the text), inferred.
    """

    id: str
    path: str
    raw: str
    outlet: str | None = None
    title: str | None = None
    language: str = "en"
    published: str | None = None
    published_source: str | None = None
    url: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    removed: list[Removed] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    published_inferred: str | None = None  # from the dates the text names, when not given
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # Filled by the article stages (corroborate.pipeline.ARTICLE_STAGES); spans into ``text``,
    # typed in the modules that find them.
    quantities: list[Any] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)
    commitments: list[Any] = field(default_factory=list)
    people: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read, with a human reason."""

    path: str
    reason: str


@dataclass
class Fact:
    """Sentences from different articles that report the same thing.

    ``sentence`` is the verbatim representative; ``members`` every sentence in the group;
    ``sources`` every article that reports it (representative's article included).
    """

    sentence: Sentence
    members: list[Sentence]
    sources: list[str]
    outlets: int  # independent sources: syndicated copies count once
    # Other articles with a sentence close to it, though not close enough to report the same
    # thing: the fact may be theirs too, so it is not said to be one outlet's alone.
    echoed_in: list[str] = field(default_factory=list)


@dataclass
class Story:
    id: str
    title: str
    article_ids: list[str]
    facts: list[Fact] = field(default_factory=list)
    summary: list[Fact] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    numbers: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    commitments: list[dict[str, Any]] = field(default_factory=list)
    # Groups of article ids that are near-identical copies (syndication).
    copies: list[list[str]] = field(default_factory=list)
    # Facts a single outlet reports, per outlet; coverage split by manifest attributes.
    only_in: dict[str, list[Fact]] = field(default_factory=dict)
    coverage: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Brief:
    articles: list[Article]
    stories: list[Story]
    rejected: list[Rejected]
