"""The story's timeline: dated happenings, the same one from several outlets merged.

:func:`build_timeline` takes the story's articles and the dates found in each
(:func:`corroborate.annotate.dates.extract_dates`) and returns the story's timeline, sorted
by date: :class:`~corroborate.model.TimelineEntry` items (a date, its precision, a verbatim
sentence and its span, the articles that tell it).

Each sentence that carries a resolved date (day, month or year precision; week-level
mentions such as "last week" are not precise enough for the contract) is a happening at its
most precise date; a second date in the sentence that names an event of its own ("the Dec. 27
meeting", "on December 27") is a happening too. A date that the sentence's parse shows in a
clause describing a noun ("commitments made on December 27", "Reagan, who died Sunday"), or
naming the day of a noun the sentence's happening is set off from ("campaigned ahead of
Tuesday's primary"), dates that noun's happening: the entry tells it by that noun phrase
(:attr:`~corroborate.annotate.dates.DateMention.phrase`), not by the whole sentence, whose
own happening may fall on another day. Happenings of the same date told by different
articles are merged when their sentences share what happened (content words). A weekday that
an article could only place against an *inferred* publication date is moved to the date the
other outlets give the same happening.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corroborate.annotate.dates import DateMention, in_quotation
from corroborate.compare.syndication import independent_groups
from corroborate.compare.wording import wording_rank
from corroborate.date_expressions import parse_day
from corroborate.lang import en
from corroborate.model import Article, Conflict, ConflictClaim, Span, TimelineEntry
from corroborate.text import content_words, words

__all__ = ["build_timeline", "date_conflicts"]

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
SAME_HAPPENING = 0.2  # overlap coefficient of content words, same date
SAME_HAPPENING_COARSE = 0.45  # for month- and year-level dates
_EVENT_NOUNS = en.EVENT_NOUNS
_DATE_WORDS = {
    *en.MONTHS,
    *en.MONTH_ABBREVIATIONS,
    *en.WEEKDAYS,
    "friday's",
    "friday’s",
    "thursday’s",
    "thursday's",
    "last",
    "week",
    "year",
    "month",
    "today",
    "yesterday",
}


@dataclass
class _Entry:
    article_id: str
    sentence: int
    text: str
    span: Span  # of ``text``
    mention: DateMention
    words: set[str]
    main: bool = True

    @property
    def key(self) -> tuple[str, str, str | None, str | None]:
        """The date told: its start and precision, and a period's end (None for one date)."""
        m = self.mention
        assert m.resolved and m.precision
        return m.resolved, m.precision, m.end_date, m.end_precision


_POSSESSIVE_END = re.compile(r"['’]s$")


def _words(text: str) -> set[str]:
    out = set(content_words(text)) | (_EVENT_NOUNS & set(words(text)))
    out = {_POSSESSIVE_END.sub("", w) for w in out}
    return {w for w in out if w not in _DATE_WORDS and not w.isdigit()}


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _happening_dates(article: Article, mentions: Sequence[DateMention]) -> list[DateMention]:
    """The dates of one sentence that stand for happenings: its most precise date, and of two
    as precise, one outside a quotation before one inside it ("“… today the money is on the
    table,” she told reporters on Friday": the report tells what was said on Friday; the
    speaker's "today" is hers), then one that is no other time's anchor before one that is
    ("the week before Christmas": :data:`_ANCHOR`); then each other day that names an event
    of its own. A period
    ("from 2009 to 2013", "between October 2022 and September 2023") dates the sentence only
    when it names no single date: it is the time something lasted, and a date beside it
    ("served as secretary of state from 2009 to 2013, said on Tuesday") is the day of the
    sentence's happening."""
    usable = [
        m for m in mentions if m.resolved and m.precision in PRECISION_RANK and not m.is_range
    ]
    if not usable:  # a period alone: the sentence's happening lasted that long
        periods = [m for m in mentions if m.resolved and m.is_range]
        return [m for m in periods if m.end_precision in PRECISION_RANK][:1]
    main = min(
        usable,
        key=lambda m: (
            PRECISION_RANK[m.precision or "year"],
            0 <= m.sentence < len(article.sentences) and in_quotation(article, m.sentence, m.start),
            bool(_ANCHOR.search(article.text, max(0, m.start - 30), m.start)),
            m.start,
        ),
    )
    chosen = [main]
    text = article.text
    for m in usable:
        if m is main or m.precision != "day" or m.resolved == main.resolved:
            continue
        after = content_words(text[m.end : m.end + 40])[:3]
        before = text[max(0, m.start - 4) : m.start].lower()
        if _EVENT_NOUNS & set(after) or before.strip() in ("on",):
            chosen.append(m)
    return chosen


# Words before a date that make it the anchor of another time, not the time of a happening:
# "the scramble of the week before Christmas, ... a debate Saturday night" (the debate's day).
_ANCHOR = re.compile(
    r"\b(?:days?|weeks?|months?|years?|hours?)\s+(?:before|after|since|until|ahead\s+of)\s+$",
    re.IGNORECASE,
)


def _with_its_quote(article: Article, index: int) -> tuple[str, Span]:
    """The sentence's text, with the quotation before it when the sentence only says who said
    it and when ("“…” Mayorkas told reporters January 10."): what was said is the happening.
    With its span."""
    sentence = article.sentences[index]
    own = sentence.text, Span(article.id, sentence.start, sentence.end)
    if index == 0 or any(q in sentence.text for q in '“”"') or len(sentence.text.split()) > 15:
        return own
    if not article.sentences[index - 1].text.rstrip().endswith(("”", '"')):
        return own
    # back to the sentence that opens the quotation (a quotation runs a few sentences at most)
    for start in range(index - 1, max(-1, index - 5), -1):
        opening = article.sentences[start].text
        if "“" in opening or opening.startswith('"') or ' "' in opening:
            begin = article.sentences[start].start
            return article.text[begin : sentence.end], Span(article.id, begin, sentence.end)
    return own


def build_timeline(
    articles: Sequence[Article], dates_by_article: Mapping[str, Sequence[DateMention]]
) -> list[TimelineEntry]:
    """Dated happenings of a story, merged across outlets and sorted by date.

    Args:
        articles: the story's articles (with ``sentences``).
        dates_by_article: article id -> that article's :class:`DateMention` list.

    Returns:
        The happenings, each told by the sentence of one of its articles (its ``span``),
        ``planned`` when spoken of as ahead and ``approximate`` when resting on an inferred
        publication date.
    """
    entries = _dated_sentences(articles, dates_by_article)
    _align_inferred_weekdays(entries)
    order = {a.id: i for i, a in enumerate(articles)}
    items = [_timeline_entry(c, order) for c in _same_happenings(entries)]
    items.sort(key=lambda item: item[0])
    return [entry for _, entry in items]


def _dated_sentences(
    articles: Sequence[Article], dates_by_article: Mapping[str, Sequence[DateMention]]
) -> list[_Entry]:
    """Each dated happening an article tells: a sentence of five words or more and each
    date it is told on (:func:`_happening_dates`)."""
    entries: list[_Entry] = []
    for article in articles:
        by_sentence: dict[int, list[DateMention]] = {}
        for m in dates_by_article.get(article.id, ()):
            if 0 <= m.sentence < len(article.sentences):
                by_sentence.setdefault(m.sentence, []).append(m)
        for index, mentions in sorted(by_sentence.items()):
            sentence = article.sentences[index]
            if len(sentence.text.split()) < 5:
                continue  # a heading or a fragment, not a happening
            told, span = _with_its_quote(article, index)
            words = _words(sentence.text)
            for k, m in enumerate(_happening_dates(article, mentions)):
                phrase = _phrase_told(article, m) if told == sentence.text else None
                if phrase is not None:
                    text, at = phrase
                    entries.append(_Entry(article.id, index, text, at, m, _words(text), k == 0))
                    continue
                entries.append(_Entry(article.id, index, told, span, m, words, k == 0))
    return entries


def _phrase_told(article: Article, m: DateMention) -> tuple[str, Span] | None:
    """The noun phrase a date dates and its span, when the sentence's parse showed that the
    date dates it, not the sentence's happening ("... to fulfil immigration commitments made on
    December 27": the day the commitments were made; "campaigned ahead of Tuesday's primary":
    the primary's), else None (:attr:`~corroborate.annotate.dates.DateMention.phrase`)."""
    if m.phrase is None:
        return None
    start, end = m.phrase
    return article.text[start:end], Span(article.id, start, end)


def _same_happenings(entries: Sequence[_Entry]) -> list[list[_Entry]]:
    """The entries grouped by happening: each joins the group of the same date and precision
    whose sentences it is most alike (at least :data:`SAME_HAPPENING`; for a day, naming the
    same kind of event that day is enough), else starts its own."""
    clusters: list[list[_Entry]] = []
    # the clusters of each date (a period's: its start and end), in order
    of_key: dict[tuple[str, str, str | None, str | None], list[list[_Entry]]] = {}
    for e in entries:
        best, best_score = None, 0.0
        need = SAME_HAPPENING if e.key[1] == "day" else SAME_HAPPENING_COARSE
        for c in of_key.get(e.key, ()):
            score = max(_overlap(e.words, x.words) for x in c)
            if e.key[1] == "day" and any(_EVENT_NOUNS & e.words & x.words for x in c):
                score = max(score, SAME_HAPPENING)  # "the meeting" that day, in both
            if score >= need and score > best_score:
                best, best_score = c, score
        if best is None:
            clusters.append([e])
            of_key.setdefault(e.key, []).append(clusters[-1])
        else:
            best.append(e)
    return clusters


def _timeline_entry(
    c: Sequence[_Entry], order: Mapping[str, int]
) -> tuple[tuple[str, int, int, int], TimelineEntry]:
    """One happening's entry, told by its most telling sentence (absolute date first, then the
    sentence's main date, one dated "on" it, the cleanest wording: :func:`corroborate.compare.
    wording.wording_rank`, the earlier article), with its sort key."""
    rep = min(
        c,
        key=lambda x: (
            x.mention.relative,
            not x.main,
            not _dated_on(x),
            wording_rank(x.text),
            order[x.article_id],
            x.sentence,
        ),
    )
    date, precision, end_date, end_precision = c[0].key
    entry = TimelineEntry(
        date=date,
        precision=precision,
        text=rep.text,
        sources=tuple(sorted({x.article_id for x in c}, key=order.__getitem__)),
        span=rep.span,
        planned=all(x.mention.future for x in c),
        approximate=all(x.mention.basis == "inferred" and x.mention.relative for x in c),
        end_date=end_date,
        end_precision=end_precision,
    )
    rank = PRECISION_RANK[precision]
    return (_sort_date(c[0].mention), rank, order[rep.article_id], rep.sentence), entry


def _dated_on(e: _Entry) -> bool:
    """Whether the sentence says what happened *on* the date ("traveled ... on December 27")."""
    return bool(re.search(r"\b(?:on|in)\s+$", e.text[: e.mention.start - e.span.start]))


def _sort_date(m: DateMention) -> str:
    assert m.resolved
    if m.precision == "year":
        return m.resolved[:4] + {"late": "-12-31", "mid": "-07-01"}.get(m.modifier or "", "-01-01")
    if m.precision == "month":
        return m.resolved[:7] + {"late": "-25", "mid": "-15"}.get(m.modifier or "", "-01")
    return m.resolved


def _align_inferred_weekdays(entries: list[_Entry]) -> None:
    """A weekday placed against an inferred date moves to the date that other outlets give the
    same happening (same weekday named, sentences alike), when they agree on it."""
    for e in entries:
        m = e.mention
        if not (m.relative and m.basis == "inferred" and m.precision == "day"):
            continue
        day = m.text.split()[-1].lower().rstrip("’'s").rstrip("’'")
        votes: Counter[str] = Counter()
        for f in entries:
            if f.article_id == e.article_id or f.mention.precision != "day":
                continue
            if day not in f.mention.text.lower():
                continue
            if _overlap(e.words, f.words) >= SAME_HAPPENING and f.mention.resolved:
                votes[f.mention.resolved] += 1
        if votes:
            date, count = votes.most_common(1)[0]
            if date != m.resolved and count >= 2:
                from dataclasses import replace

                e.mention = replace(m, resolved=date)


# --------------------------------------------------------------------------- date conflicts
# The same happening's words in two outlets' sentences, every word of the shorter one in the
# longer one (dates and attribution aside), with two different days: a date conflict. Precision
# first: "the court will hear arguments on Tuesday" and "the court will rule on Friday" share
# too few words (hear / rule) to be one happening.
SAME_DATED_HAPPENING = 0.8  # overlap coefficient of the sentences' words, dates aside
MIN_HAPPENING_WORDS = 3


def date_conflicts(
    articles: Sequence[Article],
    dates_by_article: Mapping[str, Sequence[DateMention]],
    copies: Sequence[Sequence[str]] = (),
    events: Sequence[Sequence[str]] = (),
) -> list[Conflict]:
    """Happenings that independent outlets date differently ("opens on May 21" / "will open
    on May 19"): a ``date`` conflict each, its claims the days and the articles giving them.

    Two sentences tell one happening when every word of the shorter one (dates, attribution
    and function words aside, endings cut) is in the longer one; each names one day, more
    than a day from the other's; both speak of it as ahead (a planned date), or both as past
    in articles that report the same event (``events``: article ids grouped by event, as
    :func:`corroborate.compare.events.split_events` groups them). Copies and the several
    articles of one outlet are one source (:func:`~corroborate.compare.syndication.
    independent_groups`) and never conflict with themselves.
    """
    outlet_of = {a.id: a.outlet for a in articles}
    source = {
        a: k
        for k, group in enumerate(independent_groups([x.id for x in articles], copies, outlet_of))
        for a in group
    }
    event = {a: k for k, group in enumerate(events) for a in group}
    dated = _singly_dated(articles, dates_by_article)
    days = {
        a.id: {
            m.resolved
            for m in dates_by_article.get(a.id, ())
            if m.precision == "day" and not m.is_range
        }
        for a in articles
    }
    linked: dict[int, set[int]] = {}
    for i, j in itertools.combinations(range(len(dated)), 2):
        if _told_differently(dated[i], dated[j], source, event) and not _both_days_known(
            dated[i], dated[j], days
        ):
            linked.setdefault(i, set()).add(j)
            linked.setdefault(j, set()).add(i)
    return [_date_conflict([dated[k] for k in group]) for group in _components(linked)]


@dataclass(frozen=True)
class _Dated:
    """A sentence that names one day: the mention, the sentence's span and its words."""

    mention: DateMention
    span: Span
    text: str
    words: frozenset[str]
    figures: frozenset[float]  # the figures the sentence gives (its article's quantities)


def _singly_dated(
    articles: Sequence[Article], dates_by_article: Mapping[str, Sequence[DateMention]]
) -> list[_Dated]:
    """The sentences that name exactly one day (resolved to the day), and no period (a
    sentence that also tells of a period from one day to another may date two things)."""
    out = []
    for article in articles:
        by_sentence: dict[int, list[DateMention]] = {}
        periods = {m.sentence for m in dates_by_article.get(article.id, ()) if m.is_range}
        for m in dates_by_article.get(article.id, ()):
            if m.sentence in periods:
                continue
            if m.resolved and m.precision == "day" and 0 <= m.sentence < len(article.sentences):
                by_sentence.setdefault(m.sentence, []).append(m)
        for index, mentions in by_sentence.items():
            if len({m.resolved for m in mentions}) != 1:
                continue
            sentence = article.sentences[index]
            happening = _happening_words(sentence.text)
            if len(happening) >= MIN_HAPPENING_WORDS:
                span = Span(article.id, sentence.start, sentence.end)
                figures = frozenset(
                    q.number for q in article.quantities if q.sentence == index and not q.in_title
                )
                out.append(_Dated(mentions[0], span, sentence.text, happening, figures))
    return out


def _both_days_known(a: _Dated, b: _Dated, days: Mapping[str, set[str | None]]) -> bool:
    """Whether the article of either sentence names the other's day too: it knows a happening
    on each day ("the March 1 precinct caucuses" and "the March 12 county convention"), so
    its own day for this one is no error of a date the other outlet gives."""
    return a.mention.resolved in days.get(b.span.article_id, set()) or (
        b.mention.resolved in days.get(a.span.article_id, set())
    )


def _happening_words(text: str) -> frozenset[str]:
    """The words that say what happened: content words, dates and attribution aside, their
    endings cut ("opens" = "open")."""
    return frozenset(_stem(w) for w in _words(text) if w not in _ATTRIBUTION)


_ATTRIBUTION = frozenset(w.lower() for w in en.SPEECH_VERBS) | {"according"}
_ENDINGS = ("ing", "ed", "es", "s")


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _told_differently(
    a: _Dated, b: _Dated, source: Mapping[str, int], event: Mapping[str, int]
) -> bool:
    """Whether two singly dated sentences tell one happening on two days (see
    :func:`date_conflicts`)."""
    ida, idb = a.span.article_id, b.span.article_id
    if source.get(ida, ida) == source.get(idb, idb):
        return False
    day_a, day_b = parse_day(a.mention.resolved), parse_day(b.mention.resolved)
    if day_a is None or day_b is None or abs((day_a - day_b).days) <= 1:
        return False
    if a.mention.future != b.mention.future:
        return False
    if not a.mention.future and (ida not in event or event.get(ida) != event.get(idb)):
        return False
    if a.figures and b.figures and not a.figures & b.figures:
        return False  # "will select 23 of its 29 delegates" and "will select 27 delegates"
    shared = len(a.words & b.words)
    return shared >= MIN_HAPPENING_WORDS and shared >= SAME_DATED_HAPPENING * min(
        len(a.words), len(b.words)
    )


def _components(linked: Mapping[int, set[int]]) -> list[list[int]]:
    """Connected groups of the linked sentences, each sorted, in order of their first."""
    seen: set[int] = set()
    groups = []
    for start in sorted(linked):
        if start in seen:
            continue
        group, stack = [], [start]
        while stack:
            k = stack.pop()
            if k in seen:
                continue
            seen.add(k)
            group.append(k)
            stack.extend(linked[k] - seen)
        groups.append(sorted(group))
    return groups


def _date_conflict(told: Sequence[_Dated]) -> Conflict:
    """One conflict of the sentences that date one happening differently: a claim per day."""
    by_day: dict[str, list[_Dated]] = {}
    for t in told:
        by_day.setdefault(t.mention.resolved or "", []).append(t)
    claims = tuple(
        ConflictClaim(
            day,
            tuple(dict.fromkeys(t.span.article_id for t in group)),
            tuple(Span(t.span.article_id, t.mention.start, t.mention.end) for t in group),
        )
        for day, group in sorted(by_day.items())
    )
    subject = min((t.text for t in told), key=len)
    planned = "planned " if told[0].mention.future else ""
    return Conflict(
        "date",
        subject if len(subject) <= 120 else subject[:119].rstrip() + "…",
        claims,
        f"Outlets give this {planned}happening different days: "
        f"{', '.join(c.value for c in claims)} (a date moved, or an error).",
    )
