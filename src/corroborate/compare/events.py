"""Events inside a story: related but distinct happenings kept apart.

Two meetings three weeks apart in two cities are one story but two events. What an article
reports as *its* happening is said in its lead, so each article gets an event signature from
its title and first sentences:

- **when**: the first date expression of the lead -- an explicit day ("December 27",
  "27 Dec.", "2024-01-19") or a weekday ("on Friday", "Friday's meeting"), resolved to a
  calendar day against ``article.published`` when the article has a date;
- **where**: the dateline place, else the first place named after "in"/"at" in the lead;
- **what**: the words of the lead (TF-IDF over the story's leads).

Articles are grouped by average linkage over a lead similarity that is raised when the when
and where agree and cut when they conflict, so a conflicting day or city splits two articles
that talk about the same things.

>>> split_events([])
[]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import numpy as np

from corroborate.compare.story_titles import shorten, story_title
from corroborate.date_expressions import find_date_expressions, month_number, parse_day
from corroborate.lang import en
from corroborate.model import Article, Event
from corroborate.text import fold, rough_sentences, tfidf_matrix

LEAD_SENTENCES = 3
FEATURE_LEAD_SENTENCES = 6  # how far to look for the news when the lead names no date
SAME_EVENT = 0.3  # average-linkage similarity needed to join an event
AGREE_BONUS = 0.25  # added per agreeing signal (day, place)
DAY_CONFLICT = 0.2  # similarity multiplied by this when the days differ
PLACE_CONFLICT = 0.5  # ... and by this when the places differ
DAY_TOLERANCE = 1  # days apart still read as one happening (time zones, overnight talks)

# The kinds of date expression (corroborate.annotate.dates) that name a day.
_DAY_KINDS = ("iso", "month_day", "day_month", "weekday")
_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_DATELINE_PLACE = re.compile(r"^\(?([A-ZÀ-Ý][\w.'’\- ]*?[\w.])(?:,|\s*\(|\s*[—–-]|\))")


@dataclass(frozen=True)
class When:
    """When an article says its happening took place.

    ``day`` is an ISO date when resolved; ``weekday`` (0 = Monday) and ``month_day`` keep what
    the text says when no date anchors it.
    """

    day: str | None = None
    weekday: int | None = None
    month_day: tuple[int, int] | None = None
    inferred: bool = False  # ``day`` rests on a guessed publication date: a hint, not proof

    def conflicts(self, other: When) -> bool:
        if self.day and other.day and not (self.inferred or other.inferred):
            gap = abs(date.fromisoformat(self.day) - date.fromisoformat(other.day)).days
            return gap > DAY_TOLERANCE
        if self.month_day and other.month_day:
            return self.month_day != other.month_day
        if self.weekday is not None and other.weekday is not None:
            return self.weekday != other.weekday
        return False

    def agrees(self, other: When) -> bool:
        if self.day and other.day and not (self.inferred or other.inferred):
            return not self.conflicts(other)
        if self.weekday is not None and other.weekday is not None:
            return self.weekday == other.weekday
        if self.month_day and other.month_day:
            return self.month_day == other.month_day
        return False


def lead_text(article: Article, sentences: int = LEAD_SENTENCES) -> str:
    """The title and first sentences: what the article is about."""
    parts = [article.title] if article.title else []
    if article.sentences:
        parts += [s.text for s in article.sentences[:sentences]]
    else:
        parts += rough_sentences(article.text.strip())[:sentences]
    return "\n".join(p for p in parts if p)


def _lead_end(article: Article, sentences: int = LEAD_SENTENCES) -> int:
    if article.sentences:
        return article.sentences[min(sentences, len(article.sentences)) - 1].end
    return min(len(article.text), 600)


def event_when(article: Article, mentions: list[Any] | None = None) -> When:
    """The first date expression in the article's lead: when its own happening took place.

    Dates come from :func:`corroborate.annotate.dates.extract_dates` (which also infers a missing
    publication date from the article's own mentions; such days are marked ``inferred``); when
    the lead gives none that way, the first day the lead or the title names is read as
    written. A weekday alone resolves to the latest such day on or before ``published``; a day
    and month take the year of ``published``.
    ``mentions``: the article's date mentions in text order, when already extracted.
    """
    end = _lead_end(article)
    published = parse_day(article.published)
    dateline = _dateline_when(article, published)
    if dateline is not None:
        return dateline
    mentions = mentions if mentions is not None else sorted(article.dates, key=lambda m: m.start)
    if mentions is not None:
        # A feature opens on a scene and comes to the news a few sentences later.
        for lead in (end, _lead_end(article, FEATURE_LEAD_SENTENCES)):
            when = _first_when(mentions, lead, published, article.text)
            if when is not None:
                return when
    for text in (article.text[:end], article.title or ""):
        found = next((e for e in find_date_expressions(text) if e.kind in _DAY_KINDS), None)
        if found:
            return _resolve(found.kind, found.groups, published)
    return When()


def _dateline_when(article: Article, published: date | None) -> When | None:
    """The day the dateline the reader cut off the lede names ("RIYADH, Jan 1 (KUNA) --"), if
    it names one: the day the report was filed, which is the day its lead tells of. Read
    against ``published``, else against the publication date inferred from the article's own
    dates (then a hint, as :func:`_when_of_day` marks one)."""
    dateline = next(_datelines(article), None)
    if dateline is None:
        return None
    found = next((e for e in find_date_expressions(dateline) if e.kind in _DAY_KINDS), None)
    if found is None:
        return None
    if published is not None:
        return _resolve(found.kind, found.groups, published)
    guessed = parse_day(article.published_inferred)
    when = _resolve(found.kind, found.groups, guessed)
    return replace(when, inferred=guessed is not None and when.day is not None)


def _datelines(article: Article) -> Iterator[str]:
    """The datelines the reader cut off the article's lede ("RIYADH, Jan 1 (KUNA) --")."""
    return (r.text for r in article.removed if r.reason == "dateline")


# A date that bounds a state or anchors another time ("crippled since Monday", "until
# Friday", "a week after Tuesday's vote") is not the day of the lead's happening.
_BOUNDING = re.compile(r"\b(?:since|until|till|before|after|from)\s+(?:the\s+)?$", re.IGNORECASE)


def _first_when(mentions: list[Any], end: int, published: date | None, text: str) -> When | None:
    """When the first date mention before ``end`` places the happening, if any does."""
    for m in mentions:
        if m.start >= end or _BOUNDING.search(text, max(0, m.start - 12), m.start):
            continue
        if getattr(m, "end_date", None):
            continue  # a period ("polled Sept. 16-19"), not the day of a happening
        weekday = _weekday_named(m.text)
        if weekday is not None and published is not None:
            # A lead reports what happened: "said on Friday" is the last Friday, even in
            # a sentence that also speaks of the future.
            back = (published.weekday() - weekday) % 7
            return When(day=(published - timedelta(days=back)).isoformat(), weekday=weekday)
        if m.resolved and m.precision == "day":
            return _when_of_day(m, weekday)
        if weekday is not None:
            return When(weekday=weekday)
    return None


def _when_of_day(mention: Any, weekday: int | None) -> When:
    """When a mention resolved to a day places the happening. A day resolved against an
    estimate of the publication date (``basis`` inferred or reference) is a hint, not proof:
    its year is a guess, and so is the weekday it falls on; what the text says -- a month's
    day ("Jan 1"), a weekday it names -- is kept to compare it by."""
    day = date.fromisoformat(mention.resolved)
    guessed = mention.basis in ("inferred", "reference")
    if weekday is None and not guessed:
        weekday = day.weekday()
    return When(
        day=mention.resolved,
        weekday=weekday,
        month_day=None if mention.relative else (day.month, day.day),
        inferred=guessed,
    )


_WEEKDAY = re.compile("|".join(en.WEEKDAYS))


def _weekday_named(text: str) -> int | None:
    m = _WEEKDAY.search(text.lower())
    return en.WEEKDAY_NUMBER[m.group(0)] if m else None


def _resolve(kind: str, groups: dict[str, str | None], published: date | None) -> When:
    """The day a date expression of a :data:`_DAY_KINDS` kind names, read as written."""
    if kind == "iso":
        parsed = parse_day(f"{groups['y']}-{groups['m']}-{groups['d']}")
        return When(day=parsed.isoformat()) if parsed else When()
    if kind == "weekday":
        weekday = en.WEEKDAY_NUMBER[(groups["wd"] or "").lower()]
        if published is None:
            return When(weekday=weekday)
        back = (published.weekday() - weekday) % 7
        return When(day=(published - timedelta(days=back)).isoformat(), weekday=weekday)
    month = month_number(groups["month"] or "")
    day_number = int(groups["d"] or 0)
    year_text = groups.get("y")
    if not 1 <= day_number <= 31:
        return When()
    year = int(year_text) if year_text else None
    if year is None and published is not None:
        year = published.year
        try:
            if date(year, month, day_number) > published + timedelta(days=1):
                year -= 1
        except ValueError:
            return When()
    if year is None:
        return When(month_day=(month, day_number))
    try:
        return When(day=date(year, month, day_number).isoformat(), month_day=(month, day_number))
    except ValueError:
        return When()


def event_place(article: Article) -> str | None:
    """Where the article's happening took place: its dateline, else the first place named
    after "in" or "at" in the lead (a NER place when mentions exist, else a capitalised run)."""
    for dateline in _datelines(article):
        m = _DATELINE_PLACE.match(dateline.strip())
        if m:
            return _place_name(m.group(1))
    end = _lead_end(article)
    text = article.text
    places = sorted(
        (m for m in article.mentions if m.label in _PLACE_LABELS and m.start < end),
        key=lambda m: m.start,
    )
    for i, mention in enumerate(places):
        if _LOCATIVE.search(text[max(0, mention.start - 12) : mention.start]):
            name = mention.text
            # "Washington, D.C." comes as two mentions: keep them together.
            if i + 1 < len(places) and text[mention.end : places[i + 1].start] in (", ", " "):
                name = text[mention.start : places[i + 1].end]
            return _place_name(name)
    if not article.mentions:
        m = re.search(r"\b(?:in|at)\s+((?:[A-Z][\w.'’-]+\s?){1,3})", text[:end])
        if m:
            return _place_name(m.group(1))
    return None


def _place_name(name: str) -> str:
    name = re.sub(r"^(?:the)\s+", "", name.strip(" ,()"), flags=re.IGNORECASE).rstrip(",")
    return name.title() if name.isupper() else name


def _same_place(a: str, b: str) -> bool:
    """One place named twice: equal, or one name the start of the other ("Washington" /
    "Washington, D.C.", "Cedar Hollow" / "Cedar Hollow High School")."""
    ta, tb = re.findall(r"\w+", fold(a)), re.findall(r"\w+", fold(b))
    short, long = sorted((ta, tb), key=len)
    return bool(short) and long[: len(short)] == short


@dataclass
class _Signature:
    article: Article
    when: When
    place: str | None
    # the days the article names (its own happening's and others')
    days: frozenset[str] = frozenset()


def event_similarity(
    a: _Signature, b: _Signature, lead_cosine: float, text_cosine: float = 0.0
) -> float:
    """Lead similarity raised by agreeing day/place and cut by conflicting ones. Two articles
    that put their happenings on different days but each name the other's day tell one
    sequence of happenings: their whole texts are compared, not their leads (an explainer's
    lead reads little like a report's). Places differing cut only when the days do not agree:
    a place is often the dateline, where the reporter files from, and two agencies file one
    evening's happening from two cities (Havana and Miami)."""
    score = lead_cosine
    same_day = a.when.agrees(b.when)
    if a.when.conflicts(b.when):
        if _tell_each_others_day(a, b):
            score = max(score, text_cosine)
        else:
            score *= DAY_CONFLICT
    elif same_day:
        score += AGREE_BONUS
    if a.place and b.place:
        if _same_place(a.place, b.place):
            score += AGREE_BONUS
        elif not same_day:
            score *= PLACE_CONFLICT
    return min(1.0, score)


def _tell_each_others_day(a: _Signature, b: _Signature) -> bool:
    """Whether each article also names the day the other puts its happening on: two moments
    of one happening told in either order ("hackers broke in on Monday ... on Wednesday they
    posted files"), not two happenings (Monday's report of a quake cannot name Wednesday's
    aftershock)."""
    return bool(a.when.day and b.when.day and a.when.day in b.days and b.when.day in a.days)


def _named_days(article: Article, mentions: list[Any] | None) -> frozenset[str]:
    """The days the article's dates (else ``mentions``) resolve to (planned ones aside)."""
    mentions = article.dates or mentions or []
    return frozenset(
        m.resolved
        for m in mentions
        if m.resolved and m.precision == "day" and not m.future and not getattr(m, "end_date", None)
    )


def split_events(
    articles: Sequence[Article], *, story_id: str = "s1", threshold: float = SAME_EVENT
) -> list[Event]:
    """The distinct happenings a story's articles report, in date order.

    Args:
        articles: the articles of one story (sentences and mentions used when present).
        story_id: prefix of the event ids (``s1-e1``, ``s1-e2``, ...).
        threshold: average-linkage similarity for two groups to be one event.

    Returns:
        The events, ids ``{story_id}-e1``, ``-e2``... in date order (undated last, larger
        first on one date).
    """
    if not articles:
        return []
    signatures = []
    for a in articles:
        mentions = sorted(a.dates, key=lambda m: m.start)
        signatures.append(
            _Signature(a, event_when(a, mentions), event_place(a), _named_days(a, mentions))
        )
    groups = _group(signatures, threshold)
    events = []
    for members in groups:
        chosen = [signatures[i] for i in members]
        events.append(
            Event(
                id="",
                title=event_title([s.article for s in chosen]),
                date=_vote([s.when.day for s in chosen if not s.when.inferred])
                or _vote([s.when.day for s in chosen], majority=True),
                place=_vote([s.place for s in chosen]),
                article_ids=tuple(s.article.id for s in chosen),
            )
        )
    events.sort(key=lambda e: (e.date is None, e.date or "", -len(e.article_ids)))
    return [replace(e, id=f"{story_id}-e{n}") for n, e in enumerate(events, 1)]


def _group(signatures: list[_Signature], threshold: float) -> list[list[int]]:
    n = len(signatures)
    if n == 1:
        return [[0]]
    leads = [lead_text(s.article) for s in signatures]
    tfidf = tfidf_matrix(leads)
    cosine = (tfidf @ tfidf.T).toarray()
    flags = _pair_flags(signatures)
    text_cosine = None
    if flags.tell.any():  # whole texts are only read for such pairs
        texts = tfidf_matrix([s.article.text for s in signatures])
        text_cosine = (texts @ texts.T).toarray()
    return _average_linkage(_similarities(flags, cosine, text_cosine), threshold)


@dataclass
class _PairFlags:
    """What every pair of a story's signatures says, as ``n`` by ``n`` arrays of bools:
    :meth:`When.conflicts`, :meth:`When.agrees`, :func:`_tell_each_others_day` where the
    days conflict, both places named, and those places one (:func:`_same_place`)."""

    conflicts: np.ndarray
    agrees: np.ndarray
    tell: np.ndarray
    placed: np.ndarray
    same_place: np.ndarray


def _pair_flags(signatures: Sequence[_Signature]) -> _PairFlags:
    """:class:`_PairFlags` of the signatures, worked out for all pairs at once (a 300-article
    story: 45,000 pairs) from each one's day, weekday, day of the month, named days and place,
    each question asked in :class:`When`'s order."""
    n = len(signatures)
    whens = [s.when for s in signatures]
    dated = np.array([bool(w.day) and not w.inferred for w in whens])
    both_dated = dated[:, None] & dated[None, :]
    close_days = np.zeros((n, n), dtype=bool)
    if dated.sum() >= 2:  # else no pair reads its days (nor parses them)
        ordinal = np.array(
            [
                date.fromisoformat(w.day).toordinal() if w.day and d else 0
                for w, d in zip(whens, dated, strict=True)
            ]
        )
        close_days = np.abs(ordinal[:, None] - ordinal[None, :]) <= DAY_TOLERANCE
    month_day, both_month_days = _codes([w.month_day or None for w in whens])
    weekday, both_weekdays = _codes([w.weekday for w in whens])
    same_month_day = month_day[:, None] == month_day[None, :]
    same_weekday = weekday[:, None] == weekday[None, :]
    conflicts = np.where(
        both_dated,
        ~close_days,
        np.where(both_month_days, ~same_month_day, both_weekdays & ~same_weekday),
    )
    agrees = np.where(
        both_dated,
        close_days,
        np.where(both_weekdays, same_weekday, both_month_days & same_month_day),
    )
    place, placed = _codes([s.place or None for s in signatures])
    names = list(dict.fromkeys(s.place for s in signatures if s.place))  # in code order
    same_place = np.zeros((n, n), dtype=bool)
    if names:
        same_name = np.array([[_same_place(a, b) for b in names] for a in names], dtype=bool)
        at = np.maximum(place, 0)
        same_place = placed & same_name[at[:, None], at[None, :]]
    tell = conflicts & _tell_each_others_days(signatures)
    return _PairFlags(conflicts, agrees, tell, placed, same_place)


def _similarities(
    flags: _PairFlags, cosine: np.ndarray, text_cosine: np.ndarray | None
) -> np.ndarray:
    """:func:`event_similarity` of every pair ``i < j`` (with ``cosine[i, j]`` and
    ``text_cosine[i, j]``; None: none read), set at ``[i, j]`` and ``[j, i]``, 1 on the
    diagonal: the same operations in the same order, on floats (which numpy rounds as
    Python does), for all pairs at once."""
    conflicts, agrees, tell = flags.conflicts, flags.agrees, flags.tell
    score = np.array(cosine, dtype=np.float64)
    if text_cosine is not None:
        score = np.where(tell, np.maximum(score, text_cosine), score)
    score = np.where(conflicts & ~tell, score * DAY_CONFLICT, score)
    score = np.where(~conflicts & agrees, score + AGREE_BONUS, score)
    score = np.where(flags.same_place, score + AGREE_BONUS, score)
    score = np.where(flags.placed & ~flags.same_place & ~agrees, score * PLACE_CONFLICT, score)
    score = np.minimum(score, 1.0)
    sim = np.eye(len(score))
    upper = np.triu_indices(len(score), k=1)
    sim[upper] = score[upper]
    sim[upper[1], upper[0]] = score[upper]
    return sim


def _codes(values: Sequence[object]) -> tuple[np.ndarray, np.ndarray]:
    """Each value as a number, in order of first appearance (equal values, equal numbers;
    None: -1), and per pair whether both have one."""
    code: dict[object, int] = {}
    numbers = np.array(
        [-1 if v is None else code.setdefault(v, len(code)) for v in values], dtype=np.int64
    )
    given = numbers >= 0
    return numbers, given[:, None] & given[None, :]


def _tell_each_others_days(signatures: Sequence[_Signature]) -> np.ndarray:
    """:func:`_tell_each_others_day` of every pair of signatures."""
    n = len(signatures)
    days = [s.when.day for s in signatures]
    column: dict[str, int] = {}
    for d in days:
        if d:
            column.setdefault(d, len(column))
    if not column:
        return np.zeros((n, n), dtype=bool)
    # named[i, k]: whether article i names the k-th of the days the articles are put on
    named = np.array([[d in s.days for d in column] for s in signatures], dtype=bool)
    has_day = np.array([bool(d) for d in days])
    # of_day[j, i]: whether article j names the day article i is put on
    of_day = named[:, [column[d] if d else 0 for d in days]] & has_day[None, :]
    return of_day & of_day.T


def _average_linkage(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of indexes, merging the most similar pair of groups (the mean similarity of their
    members; of equal pairs, the last in order) while it passes ``threshold``. The means of
    the current groups are kept in a matrix: only the merged group's are worked out anew."""
    n = len(sim)
    groups: list[list[int]] = [[i] for i in range(n)]
    slots = list(range(n))  # each current group's row in ``means``, in the groups' order
    means = np.array(sim, dtype=np.float64)
    while len(groups) > 1:
        current = means[np.ix_(slots, slots)]
        upper = np.triu(np.ones(current.shape, dtype=bool), k=1)
        best = current[upper].max()
        if best < threshold:
            break
        x, y = (int(k) for k in np.argwhere(upper & (current == best))[-1])
        groups[x] = sorted(groups[x] + groups[y])
        del groups[y], slots[y]
        # np.ix_'s index arrays, made once per merge (the merged group's as rows and columns)
        merged = np.asarray(groups[x])
        as_rows, as_columns = merged[:, None], merged[None, :]
        # the groups of one article, most of them: their means in one go, each row's mean
        # summed as its block's alone (``sim`` is symmetric: a block under the merged group
        # holds the same values, in the same order, as the row beside it)
        alone = [p for p, other in enumerate(groups) if p != x and len(other) == 1]
        if alone:
            rows = np.asarray([slots[p] for p in alone])
            singles = np.asarray([groups[p][0] for p in alone])
            row_means = sim[np.ix_(singles, merged)].mean(axis=1)
            means[rows, slots[x]] = means[slots[x], rows] = row_means
        for p, other in enumerate(groups):
            if p != x and len(other) > 1:
                mine = np.asarray(other)
                block = sim[mine[:, None], as_columns] if p < x else sim[as_rows, mine[None, :]]
                means[slots[p], slots[x]] = means[slots[x], slots[p]] = float(block.mean())
    return groups


def _vote(values: Sequence[str | None], majority: bool = False) -> str | None:
    """The commonest value; with ``majority``, only if more than half of ``values`` say it."""
    counted = Counter(v for v in values if v)
    if not counted:
        return None
    value, n = counted.most_common(1)[0]
    return value if not majority or n * 2 > len(values) else None


def event_title(articles: Sequence[Article]) -> str:
    """A short title for an event: the most representative article title, else its lead.

    >>> from corroborate.model import Article, Event
    >>> event_title([Article("a", "a", "", title="Talks resume in Aldermont")])
    'Talks resume in Aldermont'
    """
    if any(a.title for a in articles):
        return story_title(articles)
    for article in articles:
        lead = article.sentences[0].text if article.sentences else article.text.strip()
        if lead:
            return shorten(lead.split("\n")[0])
    return "Untitled event"
