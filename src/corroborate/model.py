"""The one data model every stage reads and enriches.

An :class:`Article` holds the text as it was read (``raw``) and the cleaned body (``text``).
Everything found in an article afterwards -- sentences, entity mentions, quotes, quantities,
dates -- is a span ``(start, end)`` into ``Article.text``, so every citation in a brief points
at exact characters and nothing is copied and left to drift.

Stages (composed in :mod:`corroborate.pipeline`)::

    read       paths -> Article (raw, metadata, text, removed)   | Rejected
    annotate   Article.text -> .sentences, .mentions (spaCy, batched), then each article stage
               fills its own field once: .parses (a few sentences), .published_inferred,
               .quantities, .dates, .commitments, .people
    compare    [Article] -> Story  (story stages read articles, never rewrite them)
    out        Brief -> JSON, Markdown, HTML

Story-level objects (:class:`Fact`, :class:`Story` and its parts: :class:`Event`,
:class:`Entity`, :class:`Quote`, :class:`Number`, :class:`Conflict`, :class:`TimelineEntry`,
:class:`StoryCommitment`, :class:`Coverage`) mirror the JSON contract in
``out/schema/brief.schema.json``; :mod:`corroborate.out.render` turns them into it. The story
parts are frozen: the stages that make them read the articles and never rewrite them, and each
part carries the spans of the text it cites.
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
    "newsroom",
    "title",
    "table",
    "pull_quote",
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
    """A slice ``[start, end)`` of one article's cleaned text -- or, with ``part`` "title",
    of its title (:attr:`Article.title`: a figure only the headline gives)."""

    article_id: str
    start: int
    end: int
    part: str = "text"


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
        region: the region of the language tag the source gives, upper-cased ("GB" of a
            page's ``lang="en-GB"``, an ``og:locale`` "en_GB" or a manifest's "en-GB"); None
            when it gives none. ``language`` keeps the language alone ("en"), which picks
            the NLP pipeline; the region tells whose English it is (read by
            :func:`corroborate.annotate.dates.another_country`). Not in the brief's JSON.
        published_source: where ``published`` came from: manifest, record, html, page (a date
            stamp cut from the text), inferred.
    """

    id: str
    path: str
    raw: str
    outlet: str | None = None
    title: str | None = None
    language: str = "en"
    region: str | None = None
    published: str | None = None
    published_source: str | None = None
    url: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    removed: list[Removed] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    not_news: str | None = None  # why the whole article is newsroom matter, not news (cleaning)
    published_inferred: str | None = None  # from the dates the text names, when not given
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # The parse of the stretches that quote or report speech (corroborate.annotate.parse), when
    # spaCy's pass could give it; None: not parsed yet (the quotes stage then parses them).
    parsed: list[Any] | None = None
    # Filled by the article stages (corroborate.pipeline.ARTICLE_STAGES); spans into ``text``,
    # typed in the modules that find them.
    # The parses of the few sentences whose tense or subject a stage reads (sentence index ->
    # corroborate.annotate.grammar.Word tuple); empty when not parsed. Working data of the
    # article stages, whose results (dates, commitments) keep what they read of it: not
    # stored (corroborate.app.store), not part of an article's equality, and dropped once the
    # stages have run (corroborate.pipeline.annotate_article).
    parses: dict[int, Any] = field(default_factory=dict, compare=False)
    # The sentences the grammar stage reads that no stretch of ``parsed`` covers, parsed in
    # spaCy's pass (corroborate.annotate.nlp.annotate_doc): its working data, like ``parses``.
    parsed_alone: list[Any] = field(default_factory=list, compare=False)
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
    outlets: int  # independent sources: distinct outlets, copies and one outlet's dispatches once
    # Other articles with a sentence close to it, though not close enough to report the same
    # thing: the fact may be theirs too, so it is not said to be one outlet's alone.
    echoed_in: list[str] = field(default_factory=list)
    # The independent sources by name (corroborate.compare.syndication.source_name), one per
    # counted outlet: ``len(outlet_names) == outlets`` when filled.
    outlet_names: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- story parts
# Frozen and hashable (tuples inside): what a story's stages make of its articles. A part that
# cites text carries its span; ``article_id`` is then the span's.


@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening inside a story (:func:`corroborate.compare.events.split_events`).

    ``date`` is YYYY-MM-DD or None; ``place`` a name or None.
    """

    id: str
    title: str
    date: str | None
    place: str | None
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Role:
    """A title the outlets give a person, its wordings grouped by ``key``
    (:func:`corroborate.annotate.roles.group_titles`).

    Attributes:
        title: the commonest wording, a nationality prefix dropped.
        key: the normalised title (:func:`corroborate.annotate.roles.title_key`).
        variants: every wording, sorted.
        sources: the articles giving it, in the order they first do.
        spans: the mentions of the person's name the title is written beside (the title's own
            characters are not kept by the people stage).
    """

    title: str
    key: str
    variants: tuple[str, ...]
    sources: tuple[str, ...]
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or organisation of a story, every spelling merged
    (:func:`corroborate.compare.entities.merge_entities`).

    Attributes:
        type: PERSON, ORG, GPE, NORP...
        variants: every surface form seen, sorted.
        roles: the titles given (people only), most supported first.
        sources: the articles naming it, in story order.
        spans: every mention.
    """

    id: str
    name: str
    type: str
    variants: tuple[str, ...]
    roles: tuple[Role, ...]
    sources: tuple[str, ...]
    spans: tuple[Span, ...]

    @property
    def mentions(self) -> int:
        """How many times the story names it."""
        return len(self.spans)


@dataclass(frozen=True, slots=True)
class QuoteVersion:
    """A quote as one article gives it.

    Attributes:
        text: the quoted words verbatim (parts joined: ``text == article.text[span]`` for a
            quote in one part).
        span: from the first quoted word to the last.
        parts: each quoted stretch, when the attribution interrupts the quote.
        indirect: reported speech, without quote marks.
        speaker_name: who said it, as the article names them, or None.
        speaker: the speaker's entity id, or None.
        speaker_span: the speaker's name in the article, when it is a name in the text.
    """

    text: str
    span: Span
    parts: tuple[Span, ...]
    indirect: bool
    speaker_name: str | None
    speaker: str | None
    speaker_span: Span | None = None

    @property
    def article_id(self) -> str:
        return self.span.article_id

    @property
    def stretches(self) -> tuple[Span, ...]:
        """The spans of the quoted words themselves: the parts, or the span of a quote in
        one part (an attribution that interrupts a quote is not the quote)."""
        return self.parts or (self.span,)


@dataclass(frozen=True, slots=True)
class Quote:
    """One thing said, with a version from every article that reports it
    (:func:`corroborate.compare.quote_alignment.align_quotes`).

    ``speaker`` is an entity id (``speaker_name`` then its name), or None; ``sources`` the
    versions' articles in story order.
    """

    id: str
    speaker: str | None
    speaker_name: str | None
    versions: tuple[QuoteVersion, ...]
    sources: tuple[str, ...]

    @property
    def indirect(self) -> bool:
        """Reported speech in every version."""
        return all(v.indirect for v in self.versions)


@dataclass(frozen=True, slots=True)
class NumberClaim:
    """A figure as one article states it: values in the unit of its :class:`Number`;
    ``text`` the verbatim surface (``text == article.text[span]``)."""

    value: int | float | None
    low: int | float | None
    high: int | float | None
    qualifier: str | None
    text: str
    span: Span

    @property
    def article_id(self) -> str:
        return self.span.article_id


@dataclass(frozen=True, slots=True)
class Number:
    """The figures that measure one thing, compared across outlets
    (:func:`corroborate.compare.numbers.compare_numbers`).

    Attributes:
        verdict: agree, approximately_agree, conflict or single_source; ``note`` says why.
        related: ids of figures of the same measure and unit kept apart from these (another
            period, event, frame or scope).
        compared: False when several sources give figures that are only listed side by side,
            not judged (the verdict is then single_source; ``note`` says why).
    """

    id: str
    measure: str
    unit: str | None
    period: str | None
    claims: tuple[NumberClaim, ...]
    verdict: str
    note: str
    related: tuple[str, ...] = ()
    compared: bool = True


@dataclass(frozen=True, slots=True)
class ConflictClaim:
    """One side of a conflict: a value and the articles that give it, with the spans where
    they do when the stage knows them."""

    value: str
    article_ids: tuple[str, ...]
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    """Outlets that disagree: kind number, role, name, date or attribution.

    The part disagreed on is named by ``entity`` (a role), ``quote`` (an attribution) or
    ``number_id`` (a number); the others are None.
    """

    kind: str
    subject: str
    claims: tuple[ConflictClaim, ...]
    note: str
    entity: str | None = None
    quote: str | None = None
    number_id: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated happening of the story's timeline (:func:`corroborate.compare.timeline.
    build_timeline`): ``text`` is verbatim (``text == article.text[span]``).

    Attributes:
        precision: day, month or year.
        sources: every article telling it, in story order.
        planned: spoken of as ahead by every source.
        approximate: resting on an inferred publication date in every source.
        end_date, end_precision: for a happening told over a period ("Between October 2022
            and September 2023, some 2.4 million migrants crossed"), the period's end, as
            ``date`` and ``precision`` give its start (``2023-09-01``, ``month``); None for a
            happening of one date.
    """

    date: str
    precision: str
    text: str
    sources: tuple[str, ...]
    span: Span
    planned: bool
    approximate: bool
    end_date: str | None = None
    end_precision: str | None = None

    @property
    def article_id(self) -> str:
        return self.span.article_id


@dataclass(frozen=True, slots=True)
class StoryCommitment:
    """A commitment as the story tells it, merged across its articles
    (:func:`corroborate.compare.commitments.merge_commitments`).

    Attributes:
        text: the sentence stating it, verbatim (``text == article.text[span]``).
        actors: who commits.
        sources: every article stating it, in story order.
        what: the commitment clause.
        kind: agreed, pledged, planned, money or announced.
        earlier: made on an earlier occasion in every source (background, not a next step).
        garbled: why ``text`` reads as garbled when every source tells it so (a machine
            translation's or a scraper's slip that breaks the grammar: :func:`corroborate.
            compare.wording.garbled_wording`), else None. Such a commitment is kept, with
            its sources, but not listed as a next step.
    """

    text: str
    actors: tuple[str, ...]
    sources: tuple[str, ...]
    span: Span
    what: str
    kind: str
    earlier: bool
    garbled: str | None = None

    @property
    def article_id(self) -> str:
        return self.span.article_id


@dataclass(frozen=True, slots=True)
class CoverageGroup:
    """The outlets that share a value of an attribute, and the facts they report (indexes into
    the story's ``facts``): all of them, those others report and they leave out, those no
    other group reports."""

    value: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    reported: tuple[int, ...]
    left_out: tuple[int, ...]
    only_here: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Coverage:
    """A story's facts by the outlets' ``attribute`` (country, leaning...)
    (:func:`corroborate.compare.coverage.coverage_by_attribute`)."""

    attribute: str
    groups: tuple[CoverageGroup, ...]


@dataclass(frozen=True)
class Story:
    """One story's brief (:func:`corroborate.pipeline.brief_story`).

    ``copies``: groups of article ids that are near-identical copies (syndication);
    ``only_in``: the facts a single outlet reports, per outlet. Frozen: a changed story is a
    new one (``dataclasses.replace``); its facts, lists of them and ids keep their list types
    (facts are told apart by identity: ``only_in`` and the JSON's fact indexes).
    """

    id: str
    title: str
    article_ids: list[str]
    facts: list[Fact] = field(default_factory=list)
    summary: list[Fact] = field(default_factory=list)
    events: tuple[Event, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    numbers: tuple[Number, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    commitments: tuple[StoryCommitment, ...] = ()
    copies: list[list[str]] = field(default_factory=list)
    only_in: dict[str, list[Fact]] = field(default_factory=dict)
    coverage: tuple[Coverage, ...] = ()


@dataclass
class Brief:
    articles: list[Article]
    stories: list[Story]
    rejected: list[Rejected]
