"""The brief as JSON (the stable contract), Markdown and a self-contained HTML page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
from markupsafe import Markup, escape

from corroborate.compare.quote_alignment import word_diff
from corroborate.compare.syndication import independent_sources
from corroborate.model import (
    Article,
    Brief,
    Conflict,
    Coverage,
    Entity,
    Event,
    Fact,
    Number,
    Quote,
    QuoteVersion,
    Role,
    Span,
    Story,
    StoryCommitment,
    TimelineEntry,
)

SCHEMA_ID = "corroborate.brief/1"


@lru_cache(maxsize=1)
def brief_schema() -> dict[str, Any]:
    """The JSON Schema of the brief contract shipped with the package."""
    text = (
        resources.files("corroborate.out").joinpath("schema/brief.schema.json").read_text("utf-8")
    )
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator() -> Any:
    # The shipped schema is checked against its metaschema by the tests (test_render), not
    # on every brief as jsonschema.validate() would.
    schema = brief_schema()
    return jsonschema.validators.validator_for(schema)(schema)


def validate(document: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``document`` breaks the brief contract."""
    error = jsonschema.exceptions.best_match(_validator().iter_errors(document))
    if error is not None:
        raise error


def to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as the JSON contract (``schema: corroborate.brief/1``)."""
    return {
        "schema": SCHEMA_ID,
        "articles": [article_dict(a) for a in brief.articles],
        "stories": [story_dict(s) for s in brief.stories],
        "rejected": [{"path": r.path, "reason": r.reason} for r in brief.rejected],
        "not_news": [{"id": a.id, "reason": a.not_news} for a in brief.articles if a.not_news],
    }


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "outlet": article.outlet,
        "title": article.title,
        "language": article.language,
        "published": article.published,
        "published_source": article.published_source,
        "published_inferred": article.published_inferred,
        "url": article.url,
        "attrs": article.attrs,
        "text": article.text,
        "headings": article.headings,
        "sentences": [[s.start, s.end] for s in article.sentences],
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
    }


def cited_dict(fact: Fact) -> dict[str, Any]:
    """A fact as a cited sentence; ``span`` gives its exact characters in the article text,
    ``outlets`` how many independent outlets report it and ``outlet_names`` which."""
    s = fact.sentence
    return {
        "text": s.text,
        "article_id": s.article_id,
        "sources": fact.sources,
        "outlets": fact.outlets,
        "outlet_names": fact.outlet_names,
        "span": [s.start, s.end],
    }


def event_dict(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "title": event.title,
        "date": event.date,
        "place": event.place,
        "article_ids": list(event.article_ids),
    }


def role_dict(role: Role) -> dict[str, Any]:
    return {
        "title": role.title,
        "key": role.key,
        "variants": list(role.variants),
        "sources": list(role.sources),
    }


def entity_dict(entity: Entity) -> dict[str, Any]:
    """An entity; ``spans`` are ``[article_id, start, end]`` of each mention."""
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "variants": list(entity.variants),
        "roles": [role_dict(r) for r in entity.roles],
        "sources": list(entity.sources),
        "mentions": entity.mentions,
        "spans": [[s.article_id, s.start, s.end] for s in entity.spans],
    }


def quote_version_dict(version: QuoteVersion) -> dict[str, Any]:
    """A version of a quote; ``span`` and ``parts`` are ``[start, end]`` in its article."""
    return {
        "text": version.text,
        "article_id": version.article_id,
        "span": [version.span.start, version.span.end],
        "parts": [[p.start, p.end] for p in version.parts],
        "indirect": version.indirect,
        "speaker_name": version.speaker_name,
        "speaker": version.speaker,
    }


def quote_dict(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "speaker": quote.speaker,
        "speaker_name": quote.speaker_name,
        "versions": [quote_version_dict(v) for v in quote.versions],
        "indirect": quote.indirect,
        "sources": list(quote.sources),
    }


def number_dict(number: Number) -> dict[str, Any]:
    return {
        "id": number.id,
        "measure": number.measure,
        "unit": number.unit,
        "period": number.period,
        "claims": [
            {
                "value": c.value,
                "low": c.low,
                "high": c.high,
                "qualifier": c.qualifier,
                "text": c.text,
                "article_id": c.article_id,
                # a figure only the headline gives: its text is in the article's title
                **({"in": "title"} if c.span.part == "title" else {}),
            }
            for c in number.claims
        ],
        "verdict": number.verdict,
        "note": number.note,
        "related": list(number.related),
        "compared": number.compared,
    }


def conflict_dict(conflict: Conflict) -> dict[str, Any]:
    """A conflict; the part it is about (``entity``, ``quote``) follows its subject, except
    ``number_id``, which ends it."""
    out: dict[str, Any] = {"kind": conflict.kind, "subject": conflict.subject}
    if conflict.entity is not None:
        out["entity"] = conflict.entity
    if conflict.quote is not None:
        out["quote"] = conflict.quote
    out["claims"] = [
        {"value": c.value, "article_ids": list(c.article_ids)} for c in conflict.claims
    ]
    out["note"] = conflict.note
    if conflict.number_id is not None:
        out["number_id"] = conflict.number_id
    return out


def timeline_dict(entry: TimelineEntry) -> dict[str, Any]:
    out = {
        "date": entry.date,
        "precision": entry.precision,
        "text": entry.text,
        "sources": list(entry.sources),
        "article_id": entry.article_id,
        "planned": entry.planned,
        "approximate": entry.approximate,
    }
    if entry.end_date is not None:  # a happening told over a period: ``date`` is its start
        out["end_date"] = entry.end_date
        out["end_precision"] = entry.end_precision
    return out


def commitment_dict(commitment: StoryCommitment) -> dict[str, Any]:
    return {
        "text": commitment.text,
        "actors": list(commitment.actors),
        "sources": list(commitment.sources),
        "article_id": commitment.article_id,
        "what": commitment.what,
        "kind": commitment.kind,
        "earlier": commitment.earlier,
        # every source tells it in garbled wording: kept, but not listed as a next step
        **({"garbled": commitment.garbled} if commitment.garbled else {}),
    }


def coverage_dict(coverage: Coverage) -> dict[str, Any]:
    return {
        "attribute": coverage.attribute,
        "groups": {
            g.value: {
                "articles": list(g.articles),
                "outlets": list(g.outlets),
                "reported": list(g.reported),
                "left_out": list(g.left_out),
                "only_here": list(g.only_here),
            }
            for g in coverage.groups
        },
    }


def story_dict(story: Story) -> dict[str, Any]:
    position = {id(f): i for i, f in enumerate(story.facts)}
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": story.article_ids,
        "events": [event_dict(e) for e in story.events],
        "summary": [cited_dict(f) for f in story.summary],
        "facts": [cited_dict(f) for f in story.facts],
        "entities": [entity_dict(e) for e in story.entities],
        "quotes": [quote_dict(q) for q in story.quotes],
        "numbers": [number_dict(n) for n in story.numbers],
        "conflicts": [conflict_dict(c) for c in story.conflicts],
        "timeline": [timeline_dict(t) for t in story.timeline],
        "commitments": [commitment_dict(c) for c in story.commitments],
        "copies": story.copies,
        "only_in": {
            outlet: [position[id(f)] for f in facts] for outlet, facts in story.only_in.items()
        },
        "coverage": [coverage_dict(c) for c in story.coverage],
    }


def to_json(brief: Brief) -> str:
    """The JSON brief as text, validated against the contract's schema (strict JSON: no NaN)."""
    document = to_dict(brief)
    validate(document)
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)


def write_json(brief: Brief, path: str | Path) -> dict[str, Any]:
    """Validate and write the JSON brief; returns the document."""
    text = to_json(brief)
    Path(path).write_text(text, encoding="utf-8")
    return json.loads(text)


def only_in_label(outlet: str, ref: dict[str, int]) -> str:
    """How a brief names the outlet of an ``only_in`` entry: its name, or, for an outlet not
    named (keyed by its article's id), the article's source number."""
    return f"[{ref[outlet]}], an outlet not named" if outlet in ref else outlet


@lru_cache(maxsize=1)
def _templates() -> Any:
    """The HTML templates (escaped by Jinja's autoescape)."""
    from jinja2 import select_autoescape  # only pages need it

    env = _environment(
        autoescape=select_autoescape(["html.j2"], default_for_string=True, default=False)
    )
    env.globals["only_in_label"] = only_in_label
    return env


@lru_cache(maxsize=1)
def _markdown_templates() -> Any:
    """The Markdown templates: every value they write is escaped for CommonMark
    (:func:`markdown_escape`) unless it is :class:`MarkdownText` already."""
    env = _environment(autoescape=False, finalize=markdown_escape)
    env.filters["mdcell"] = markdown_cell
    env.filters["code"] = markdown_code
    env.globals["only_in_label"] = _only_in_label_markdown
    return env


def _environment(**options: Any) -> Any:
    """A Jinja environment over the package's templates, with the filters both kinds use."""
    from jinja2 import Environment, PackageLoader

    env = Environment(
        loader=PackageLoader("corroborate.out", "templates"),
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )
    env.filters["clip"] = clip
    env.filters["label"] = article_label
    env.filters["precise"] = precise_date
    env.filters["when"] = when_told
    env.globals["wordings"] = wordings
    env.globals["counted"] = counted
    env.globals["garbled_next_step"] = garbled_next_step
    return env


class MarkdownText(str):
    """Markdown written on purpose (or escaped already): the Markdown templates write it as it
    is, as Jinja writes ``Markup`` in HTML."""

    __slots__ = ()


# What CommonMark would read as markup in a line of text: a backslash (it escapes), code spans,
# emphasis, links and images ([ ]), raw HTML and autolinks (< >), strikethrough (GFM), an
# entity (&amp;), and an underscore that can open or close emphasis (one between two letters or
# digits never does: snake_case stays as written).
_MARKDOWN_SPECIAL = re.compile(r"[\\`*\[\]<>~]|&(?=#?\w+;)|(?<![^\W_])_|_(?![^\W_])")


# A block's opening mark where a line or a list item starts: a list item's or a rule's ("- ",
# "+ ", "---", "2. ", "3) "), a heading's ("# "); the asterisk and ">" are escaped anywhere.
_BLOCK_START = re.compile(r"^()([-+#])|^(\d{1,9})([.)])(?=\s|$)")


def markdown_escape(value: object) -> MarkdownText:
    """``value`` as Markdown that a CommonMark renderer shows as this very text, never as
    markup: on one line, with a backslash before each character that could start markup (see
    :data:`_MARKDOWN_SPECIAL`, and a block's opening mark at its start); other text is unchanged. :class:`MarkdownText` is written as
    it is.

    >>> print(markdown_escape("Say <b>hi</b> to [me](javascript:x), AT&T's snake_case"))
    Say \\<b\\>hi\\</b\\> to \\[me\\](javascript:x), AT&T's snake_case
    """
    if isinstance(value, MarkdownText):
        return value
    text = " ".join(str(value).split())
    text = _MARKDOWN_SPECIAL.sub(lambda found: "\\" + found.group(), text)
    # what opens a block where a line or a list item starts ("- The government will ...", a
    # sentence that was a list item in its article; "# 1", "2. Then"): escaped as well
    return MarkdownText(
        _BLOCK_START.sub(lambda found: "\\".join(g for g in found.groups() if g is not None), text)
    )


def markdown_code(value: object) -> MarkdownText:
    """``value`` as a Markdown code span, fenced by more backticks than it holds in a row (a
    backtick inside cannot end it early; nothing inside one is read as markup).

    >>> print(markdown_code("a`b"))
    ``a`b``
    """
    text = " ".join(str(value).split())
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return MarkdownText(f"{fence}{pad}{text}{pad}{fence}")


def _only_in_label_markdown(outlet: str, ref: dict[str, int]) -> MarkdownText:
    """:func:`only_in_label` for the Markdown brief: the outlet's name escaped."""
    return MarkdownText(only_in_label(outlet, ref)) if outlet in ref else markdown_escape(outlet)


def quote_diff_markdown(a: str, b: str) -> MarkdownText:
    """How wording ``b`` differs from ``a``: ~~dropped~~ and **added** words (escaped)."""
    if " ".join(a.split()) == " ".join(b.split()):
        return MarkdownText("identical")
    marks = {"equal": "{}", "delete": "~~{}~~", "insert": "**{}**"}
    return MarkdownText(
        " ".join(marks[op].format(markdown_escape(text)) for op, text in word_diff(a, b))
    )


def quote_diff_html(a: str, b: str) -> Markup:
    """The same as :func:`quote_diff_markdown` in escaped HTML with ``<del>``/``<ins>``."""
    tags = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
    return Markup(" ".join(tags[op].format(escape(text)) for op, text in word_diff(a, b)))


def markdown_cell(text: object) -> MarkdownText:
    """Text safe inside a Markdown table cell: escaped (:func:`markdown_escape`), pipes too."""
    return MarkdownText(markdown_escape(text).replace("|", "\\|"))


def garbled_next_step(reason: str, sources: int) -> str:
    """What a brief tells its reader of a next step it leaves out of its list because every
    article reporting it tells it in garbled wording (``StoryCommitment.garbled``, ``reason``
    saying why): one wording for the Markdown, the HTML, the web app and the terminal, each of
    which writes the ``sources`` articles' citations after it.

    >>> note = garbled_next_step("a stray full stop", 1)
    >>> note.startswith("One more next step is not listed: the only article reporting it")
    True
    >>> note.endswith("too garbled to quote (a stray full stop). Read it there:")
    True
    """
    if sources == 1:
        told = "the only article reporting it tells it in a sentence"
    else:
        told = f"the {sources} articles reporting it all tell it in sentences"
    return (
        f"One more next step is not listed: {told} too garbled to quote ({reason}). Read it there:"
    )


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and its noun, in the singular for one: "1 story", "2 stories", "0 inputs".

    >>> counted(1, "story"), counted(2, "story"), counted(3, "input"), counted(2, "day")
    ('1 story', '2 stories', '3 inputs', '2 days')
    """
    if count == 1:
        return f"{count} {noun}"
    if plural is None:
        consonant_y = noun.endswith("y") and noun[-2:-1] not in tuple("aeiou")
        plural = noun[:-1] + "ies" if consonant_y else noun + "s"
    return f"{count} {plural}"


def precise_date(date: str, precision: str = "day") -> str:
    """``2024-01-01`` shown at its precision: ``2024-01`` (month) or ``2024`` (year)."""
    return {"year": date[:4], "month": date[:7]}.get(precision, date)


def when_told(entry: TimelineEntry | Mapping[str, Any]) -> str:
    """A timeline entry's date at its precision, a period's as its start and end
    (``2022-10 – 2023-09``); the entry, or its contract dict (the web pages read the stored
    JSON)."""
    if isinstance(entry, Mapping):
        told = {k: entry.get(k) for k in ("date", "precision", "end_date", "end_precision")}
    else:
        told = {
            "date": entry.date,
            "precision": entry.precision,
            "end_date": entry.end_date,
            "end_precision": entry.end_precision,
        }
    start = precise_date(str(told["date"]), str(told["precision"] or "day"))
    if told["end_date"] is None:
        return start
    return f"{start} – {precise_date(str(told['end_date']), str(told['end_precision'] or 'day'))}"


@dataclass(frozen=True)
class Wording:
    """How one article words a quote: its versions' words in the article's order, joined
    with " … " where the article quotes it in separate places (a brief shows each article's
    wording once, not once per place).

    Attributes:
        article_id: the article.
        text: the words of its versions joined (each verbatim; the same words given twice
            once).
        span: the first version's span (a link to where the article quotes it).
        speaker_name: who the article says spoke, as its first version names them.
    """

    article_id: str
    text: str
    span: Any
    speaker_name: str | None


def wordings(versions: Iterable[Any]) -> list[Wording]:
    """The wordings of a quote's versions, one per article, in the order of the articles'
    first versions (a :class:`~corroborate.model.QuoteVersion` or its JSON form), the
    articles that quote the words before those that only report them: the wording a brief
    shows in quote marks, the others as differences from it, is then words someone said, not
    an article's paraphrase of them.

    >>> v = lambda text, start: {"text": text, "article_id": "a", "span": [start, start + 9]}
    >>> [w.text for w in wordings([v("the rest.", 40), v("We start,", 0)])]
    ['We start, … the rest.']
    """
    grouped: dict[str, list[Any]] = {}
    for v in versions:
        grouped.setdefault(_field(v, "article_id"), []).append(v)
    out = []
    for article_id, group in grouped.items():
        group.sort(key=_version_start)
        texts = list(dict.fromkeys(_field(v, "text") for v in group))
        first = group[0]
        out.append(
            Wording(
                article_id,
                " … ".join(texts),
                _field(first, "span"),
                _field(first, "speaker_name"),
            )
        )
    reported = {a for a, group in grouped.items() if all(_indirect(v) for v in group)}
    return sorted(out, key=lambda w: w.article_id in reported)


def _indirect(version: Any) -> bool:
    return bool(version.get("indirect") if isinstance(version, dict) else version.indirect)


def _field(version: Any, name: str) -> Any:
    return version.get(name) if isinstance(version, dict) else getattr(version, name)


def _version_start(version: Any) -> int:
    span = _field(version, "span")
    if span is None:
        return 0
    return int(span[0]) if isinstance(span, (list, tuple)) else int(span.start)


def clip(text: str, limit: int = 160) -> str:
    """One line, at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def article_label(article: Article, limit: int = 70) -> str:
    """What a reader knows an article by: its title, else how it opens (verbatim, clipped)."""
    if article.title:
        return article.title
    opening = article.sentences[0].text if article.sentences else article.text
    return f"untitled, opens “{clip(opening, limit)}”" if opening.strip() else "untitled"


def sentence_id(article: Article, index: int) -> str:
    """The HTML anchor of a sentence: ``a<article number>-s<sentence index>``."""
    return f"{article.id}-s{index}"


def segments(article: Article) -> list[tuple[str | None, str]]:
    """The article text cut into (anchor, text) pieces: sentences get an anchor, gaps don't."""
    pieces: list[tuple[str | None, str]] = []
    cursor = 0
    for s in article.sentences:
        if s.start > cursor:
            pieces.append((None, article.text[cursor : s.start]))
        pieces.append((sentence_id(article, s.index), article.text[s.start : s.end]))
        cursor = s.end
    if cursor < len(article.text):
        pieces.append((None, article.text[cursor:]))
    return pieces


def event_headline(
    title: str, article_ids: Sequence[str], titles: Mapping[str, str | None]
) -> str | None:
    """The article (of ``article_ids``, in citation order) whose own title an event's
    ``title`` is, when the event has more than one article: its label is then that one
    article's headline, not the words of every article cited. None for a one-article event
    or a label made from a lead. ``titles``: each article's title."""
    if len(article_ids) < 2:
        return None
    return next((a for a in article_ids if titles.get(a) == title), None)


def _context(brief: Brief) -> dict[str, Any]:
    numbers = {a.id: i for i, a in enumerate(brief.articles, start=1)}
    by_id = {a.id: a for a in brief.articles}

    def cited(article_ids: Iterable[str]) -> list[str]:
        """The articles a claim cites, each once, in the order of their numbers ([1][3])."""
        return sorted(set(article_ids), key=lambda a: numbers.get(a, len(numbers)))

    def sentence_anchor(fact: Fact, article_id: str) -> str:
        """Anchor of the fact's sentence in ``article_id`` (its first member there)."""
        member = next((m for m in fact.members if m.article_id == article_id), fact.sentence)
        return sentence_id(by_id[member.article_id], member.index)

    def span_anchor(span: Span) -> str:
        """Anchor of the sentence holding a cited span (a timeline entry's), else of its
        article ("article-3")."""
        article = by_id.get(span.article_id)
        found = next(
            (s for s in (article.sentences if article else []) if s.start <= span.start < s.end),
            None,
        )
        if article is None or found is None:
            return f"article-{numbers.get(span.article_id, '')}"
        return sentence_id(article, found.index)

    def headline_of(event: Event) -> str | None:
        titles = {a: by_id[a].title for a in event.article_ids if a in by_id}
        return event_headline(event.title, cited(event.article_ids), titles)

    def story_outlets(story: Story) -> int:
        """How many independent outlets tell the story (as a fact's ``outlets`` counts them)."""
        outlet_of = {a: by_id[a].outlet for a in story.article_ids if a in by_id}
        return independent_sources(story.article_ids, story.copies, outlet_of)

    def outlet_list(fact: Fact) -> str:
        """A fact's independent outlets by name; an article with no known outlet by its
        number ("Tribune, [3]")."""
        return ", ".join(f"[{numbers[n]}]" if n in numbers else n for n in fact.outlet_names)

    return {
        "segments": segments,
        "cited": cited,
        "headline_of": headline_of,
        "story_outlets": story_outlets,
        "outlet_list": outlet_list,
        "sentence_anchor": sentence_anchor,
        "span_anchor": span_anchor,
        "brief": brief,
        "articles": brief.articles,
        "ref": numbers,
        "by_id": by_id,
        "rejected": brief.rejected,
        "not_news": [a for a in brief.articles if a.not_news],
        "stories": brief.stories,
    }


def to_markdown(brief: Brief) -> str:
    """The brief in Markdown: summary with [n] citations, facts, sources, what was cut.

    What comes from the articles (text, titles, outlets, ids, quotes, names ...) is escaped,
    so that a CommonMark renderer shows it as text and never as HTML, a link or an image."""
    return (
        _markdown_templates()
        .get_template("brief.md.j2")
        .render(**_context(brief), quote_diff=quote_diff_markdown)
    )


def to_html(brief: Brief) -> str:
    """The brief as one self-contained HTML page (inline CSS, no scripts, all text escaped)."""
    return (
        _templates()
        .get_template("brief.html.j2")
        .render(**_context(brief), quote_diff=quote_diff_html)
    )
