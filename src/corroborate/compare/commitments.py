"""The same commitment told by several articles of a story, merged with every source."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rapidfuzz import fuzz

from corroborate.annotate.commitments import Commitment
from corroborate.compare.wording import garbled_wording, wording_rank
from corroborate.date_expressions import parse_day
from corroborate.lang import en
from corroborate.model import Article, Span, StoryCommitment
from corroborate.text import content_words, fold

SAME_COMMITMENT = 0.5  # overlap coefficient of the commitments' content words


_TRIGGER_WORDS = en.COMMITMENT_WORDS


def _words(text: str) -> set[str]:
    return {w for w in content_words(text) if not w.isdigit() and w not in _TRIGGER_WORDS}


def _similar(a: Commitment, b: Commitment) -> bool:
    wa, wb = _words(a.what), _words(b.what)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    overlap = shared / min(len(wa), len(wb))
    # one shared word is no sign ("scheduled in Mexico in June" and "cooperation ... in Mexico
    # City"): a clause of two content words would merge with any that names its place
    return (overlap >= SAME_COMMITMENT and shared >= 2) or fuzz.token_set_ratio(
        a.what, b.what
    ) >= 80


def merge_commitments(
    articles: Sequence[Article],
    commitments_by_article: Mapping[str, Sequence[Commitment]],
) -> list[StoryCommitment]:
    """The story's commitments, the same one from several articles merged.

    Each is told by the sentence of its first article in clean wording (``text``, at ``span``;
    :func:`corroborate.compare.wording.wording_rank`), else of its first article, with
    ``garbled`` saying why when that wording is garbled; with every actor and source, the commitment clause (``what``) and its ``kind``. It is ``earlier``
    when every report tells it as made on an earlier occasion, or when the day every report
    sets for it has passed by the story's latest article ("divers will try again on
    Wednesday", told on Monday, in a story that runs to the next week): no longer a next step.
    """
    groups: list[list[Commitment]] = []
    for article in articles:
        for c in commitments_by_article.get(article.id, ()):
            home = next(
                (
                    g
                    for g in groups
                    if all(x.article_id != c.article_id for x in g)
                    and any(_similar(c, x) for x in g)
                ),
                None,
            )
            if home is None:
                groups.append([c])
            else:
                home.append(c)
    order = {a.id: i for i, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    latest = max((d for a in articles if (d := parse_day(a.published))), default=None)
    items = []
    for g in groups:
        rep = min(g, key=lambda c: wording_rank(c.text))  # the first of the cleanest
        actors: list[str] = []
        for c in g:
            for name in c.actors:
                if fold(name) not in {fold(n) for n in actors}:
                    actors.append(name)
        sentence = by_id[rep.article_id].sentences[rep.sentence]  # ``rep.text``
        items.append(
            StoryCommitment(
                text=rep.text,
                actors=tuple(actors),
                sources=tuple(sorted({c.article_id for c in g}, key=order.__getitem__)),
                span=Span(rep.article_id, sentence.start, sentence.end),
                what=rep.what,
                kind=rep.kind,
                earlier=all(c.earlier for c in g) or _day_passed(g, by_id, latest),
                garbled=garbled_wording(rep.text),
            )
        )
    return items


def _day_passed(
    told: Sequence[Commitment], by_id: Mapping[str, Article], latest: date | None
) -> bool:
    """Whether every report sets the commitment a day (a date ahead in its sentence, not before
    its own article's day) and all those days lie before ``latest``, the day of the story's
    latest dated article. A day before the article's own sets no deadline, however its dates
    were read (the dates stage reads none so, but a store keeps dates an older one read: a past
    year in a sentence with a "will" taken for a day ahead)."""
    if latest is None:
        return False
    for c in told:
        article = by_id[c.article_id]
        own = parse_day(article.published or article.published_inferred)
        days = [
            end
            for d in article.dates
            if d.sentence == c.sentence and d.future and d.resolved
            if (end := d.last_day) is not None and (own is None or end >= own)
        ]
        if not days or max(days) >= latest:
            return False
    return True
