"""Numbers across outlets: the same figure, as each outlet gives it, with a verdict.

:func:`compare_numbers` takes a story's articles and the quantities found in each (see
:func:`corroborate.annotate.quantities.extract_quantities`) and groups the claims that measure
the same thing over the same period, in the same unit. Each group gets a verdict:

``agree``
    every outlet gives the same value (and the same hedge);
``approximately_agree``
    the values differ only within the outlets' own qualifiers and rounding, and by at most a
    fifth ("some 2.4 million" and 2,475,669 are 3 % apart; "more than 3,000 km" and 3,145 km
    are consistent; but "about 38,000" and "about 41,000" are two estimates, in conflict);
``conflict``
    the values cannot both be right, and both claims surely measure one thing -- also listed
    in ``conflicts``;
``single_source``
    one outlet (or one set of syndicated copies) gives it -- or, with ``compared`` false,
    several do but the figures are only listed side by side: nothing says they measure one
    thing closely enough for a verdict, or they are vague scales with no number ("billions
    of dollars", "hundreds of protesters"), no measurement to agree or disagree on (``note``
    says why).

A verdict is a claim a reader acts on, so it asks for more than a group does. A conflict needs
the same head noun ("crew", "depth", "age") and of the same thing ("age of Elian Gonzalez"),
wording that does not name two different happenings ("people killed", "people injured"), the
same frame (a design capacity, a maximum, a forecast or a hypothesis is never set against a
count), the same scope (a part is not a total), the same period (a count over a stated time,
"in the past 24 hours", is not set against one that states none: a day's deaths are not a
toll), the same time (figures told in articles published more than three days apart are of two
moments of a story followed over weeks, ages excepted: :func:`_told_apart`) and the same place (a count the text tells of one country is not set against one told
of another, :func:`_places_apart`). Money paid out is one measure when two
outlets tell it with other verbs and nouns but the same payer named over one period
(:func:`_same_expense`); "hurt" and "injured", "dead" and "killed" name one happening
(``lang.en.HAPPENING_STEMS``). A sum given ("the city will add €20 million", "Norway pledged
$90 million") measures what its giver gives (:attr:`Quantity.giver`): two outlets' sums of
one giver are one measure whatever the verbs ("put in", "add"), and sums of two givers are
never compared; givers written differently are one only when the story's entities say so
(:func:`_known_givers`) or one is the other's kind of a place ("the city", "the City of
Porthaven"), and "the State" and "the national government" stay apart (:func:`_same_gift`).
Figures of one measure told of different events of the
story, or of different periods, frames or scopes, are kept in groups of their own that point
at each other (``related``). A figure that only points back at what it counts
("Last year it was 30") counts what the figure of the sentence before counted; two outlets'
such figures are one measure when the figures they point back at are one figure
(:func:`_one_series`).
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from rapidfuzz import fuzz

from corroborate.annotate.quantities import (
    Quantity,
    article_places,
    base_unit,
    giver_key,
    in_base_unit,
    polls_apart,
)
from corroborate.compare.entities import EntityIndex
from corroborate.compare.stage_cache import StageCache, cached, digest
from corroborate.compare.syndication import independent_sources
from corroborate.date_expressions import parse_day
from corroborate.lang import en
from corroborate.model import (
    Article,
    Conflict,
    ConflictClaim,
    Entity,
    Number,
    NumberClaim,
    Span,
)
from corroborate.text import content_words

__all__ = [
    "compare_numbers",
    "claim_interval",
    "verdict_for",
    "measure_similarity",
    "is_bound",
    "is_trivial",
    "same_head",
    "worded_alike",
]

SAME_MEASURE = 0.5  # share of the shorter measure's content words the other must hold
CLEARLY_SAME_MEASURE = 0.75  # ... to say that figures which differ are in conflict
ROUGHLY = 0.20  # figures further apart than this are never said to roughly agree

# How far a hedged figure may stretch: (below, above) as fractions of the value.
# A bound is a bound: "at least 2" admits 7 (whether it is the same count is another matter:
# far apart, the two are only listed side by side), "up to 60" admits 10.
_HEDGES: dict[str, tuple[float, float]] = {
    "about": (0.05, 0.05),
    "some": (0.05, 0.05),
    "more than": (0.0, math.inf),
    "over": (0.0, math.inf),
    "just over": (0.0, 0.15),
    "at least": (0.0, math.inf),
    "up to": (1.0, 0.0),
    "fewer than": (1.0, 0.0),
    "just under": (0.15, 0.0),
    "nearly": (0.15, 0.0),
}
# Frames a figure is stated in that may be set side by side with a plain statement and called
# in agreement, though never in conflict with it (a forecast met, a pledge kept).
_STATED = (None, "expected")


def claim_interval(q: Quantity) -> tuple[float, float]:
    """The values consistent with how a figure was written: its rounding and its hedge.

    >>> from corroborate.annotate.quantities import Quantity
    >>> q = Quantity("a", 2_400_000, None, None, "some", None, "some 2.4 million", 0, 16, 0,
    ...              "migrants", None, step=100_000)
    >>> claim_interval(q)
    (2110000.0, 2690000.0)
    """
    if q.value is None:
        assert q.low is not None and q.high is not None
        return float(q.low), float(q.high)
    v = float(q.value)
    half_step = q.step / 2 if q.step > 1 else 0.0
    below, above = _HEDGES.get(q.qualifier or "", (0.0, 0.0))
    # a bound is a bound: "at least 40" admits nothing under 40, "up to 60" nothing over 60
    low = v if (above and not below) else v - v * below - half_step
    high = v if (below and not above) else v + v * above + half_step
    return low, high


def _stem(word: str) -> str:
    """A word lightly stemmed; words of one happening to one stem ("hurt", "injured")."""
    if word in en.HAPPENING_STEMS:
        return en.HAPPENING_STEMS[word]
    for suffix in ("ings", "ing", "ions", "ion", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1 << 14)
def _measure_words(measure: str) -> tuple[frozenset[str], str]:
    """The measure's stemmed content words, and them sorted and joined (for fuzzy matching)."""
    stems = frozenset(_stem(w) for w in content_words(measure))
    return stems, " ".join(sorted(stems))


@lru_cache(maxsize=1 << 16)
def measure_similarity(a: str, b: str) -> float:
    """How alike two measures are, 0..1: the share of the shorter one's content words (lightly
    stemmed) found in the other, softened by fuzzy token matching for spelling variants.

    Cached: a story's measures are compared with each other again and again."""
    (wa, sa), (wb, sb) = _measure_words(a), _measure_words(b)
    if not wa or not wb:
        return 0.0
    overlap = len(wa & wb) / min(len(wa), len(wb))
    if overlap >= 0.8:
        return overlap  # the fuzzy score counts for at most 0.8
    fuzzy = fuzz.token_set_ratio(sa, sb) / 100
    return max(overlap, 0.8 * fuzzy if fuzzy >= 0.85 else 0.0)


def _unit_label(q: Quantity) -> str | None:
    if q.per:
        return f"{q.unit} per {q.per}" if q.unit else f"per {q.per}"
    return q.unit


def is_trivial(q: Quantity) -> bool:
    """Small counts written as words ("two governments", "three weeks") are rarely facts worth
    comparing across outlets; nor is the distance of a relative date ("three weeks after")."""
    return q.frame == "date_offset" or (
        q.value is not None
        and q.value < 10
        and not any(c.isdigit() for c in q.text)
        and (q.unit is None or q.unit in {"year", "month", "week", "day", "hour"})
    )


def _pct_apart(a: float, b: float) -> float:
    top = max(abs(a), abs(b))
    return 0.0 if top == 0 else abs(a - b) / top * 100


def _fmt(v: float) -> str:
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Judgement:
    """A group's verdict, the note that explains it, and whether the figures were compared
    at all (False: listed side by side, the verdict ``single_source``)."""

    verdict: str
    note: str
    compared: bool = True


def verdict_for(
    claims: Sequence[Quantity],
    independent_sources: int,
    per: float = 1.0,
    event_of: Mapping[str, str] | None = None,
    places_of: Mapping[str, frozenset[str]] | None = None,
    day_of: Mapping[str, int] | None = None,
) -> Judgement:
    """The verdict on one group of claims and a short note explaining it (its values times
    ``per``: in the unit shown). ``event_of`` maps an article to the event of the story it
    tells; figures of different events are not set against each other. ``places_of`` maps
    an article to the places it names anywhere (:func:`article_places`): counts told of
    different places are not set against each other (:func:`_places_apart`). ``day_of`` maps
    an article to its day of publication (a day ordinal): figures told more than
    :data:`TOLD_APART_DAYS` apart are not set against each other (:func:`_told_apart`). Vague
    scales ("billions of dollars") get no verdict: they are listed side by side."""
    if independent_sources < 2:
        return Judgement("single_source", "")
    if any(c.vague for c in claims):
        return Judgement(
            "single_source",
            'vague: a scale with no number ("billions of", "hundreds of") is no '
            "measurement to agree or disagree on",
            compared=False,
        )
    values = [c.number for c in claims]
    lo, hi = min(values), max(values)
    apart = _pct_apart(lo, hi)
    pairs = [(a, b) for i, a in enumerate(claims) for b in claims[i + 1 :]]
    if _events_apart(pairs, event_of or {}):
        return Judgement(
            "single_source",
            f"not compared: {_fmt(lo * per)} and {_fmt(hi * per)} are told of different events "
            "of the story, and nothing but the noun says they count one thing",
            compared=False,
        )
    same_text = {
        (c.value, c.low, c.high, c.qualifier if c.qualifier != "record" else None) for c in claims
    }
    if len(same_text) == 1:
        return Judgement("agree", "every source gives the same figure")
    if lo == hi:
        return Judgement("agree", "the same figure, hedged differently")
    # no tolerance beyond the figures' own rounding and hedges: 116 and 118 crew differ
    if all(_consistent(a, b) for a, b in pairs):
        if _heads_apart(pairs):
            return Judgement(
                "single_source",
                f"not compared: {_fmt(lo * per)} vs {_fmt(hi * per)} are close, but the nouns "
                "say they may be shares of different things",
                compared=False,
            )
        if apart > ROUGHLY * 100:
            return Judgement(
                "single_source",
                f"not compared: {apart:.0f} % apart ({_fmt(lo * per)} vs {_fmt(hi * per)}), "
                "consistent only through the sources' rounding or bounds",
                compared=False,
            )
        return Judgement(
            "approximately_agree",
            f"{apart:.0f} % apart, within the sources' rounding and qualifiers"
            if apart >= 0.5
            else "less than 1 % apart",
        )
    doubt = _doubt(pairs, event_of or {}, places_of or {}, day_of or {})
    if doubt:
        return Judgement(
            "single_source",
            f"not compared: {_fmt(lo * per)} vs {_fmt(hi * per)}, but {doubt}",
            compared=False,
        )
    return Judgement(
        "conflict", f"{apart:.0f} % apart: {_fmt(lo * per)} vs {_fmt(hi * per)}, beyond rounding"
    )


def _events_apart(pairs: Sequence[tuple[Quantity, Quantity]], event_of: Mapping[str, str]) -> bool:
    """Whether differing counts or shares are told of different events of the story with
    nothing tying the events' figures but their noun: no two of them from two events share a
    word near the figures (:func:`_shared_near`) or the same words. In a story followed for
    months, "about a quarter of voters" (who think a candidate best in a crisis) in February
    and "about 3 in 10 Democratic primary voters" (who were Hispanic) in March agree on
    nothing; "carries about 40,000 vehicles a day" and, weeks later, "it carried some 40,000
    vehicles a day before it closed" are tied by their words. The same value told of two
    events is left to agree (a count told again)."""
    across = [
        (a, b) for a, b in pairs if a.article_id != b.article_id and _other_events(a, b, event_of)
    ]
    return (
        bool(across)
        and any(a.number != b.number for a, b in across)
        and all(_is_count(a) and a.head != "age" for a, _ in across)
        and not any(_told_in_same_words(a, b) or _shared_near(a, b) for a, b in across)
    )


def _heads_apart(pairs: Sequence[tuple[Quantity, Quantity]]) -> bool:
    """Whether two differing shares of two articles name different things they count
    ("four in 10 primary voters", "45 percent of the electorate"): shares crowd into a
    narrow range, so two that are only close are not said to roughly agree. (Counts may:
    "1 million 250 thousand inhabitants" and "about 1.3 million people".)"""
    return any(
        a.article_id != b.article_id
        and a.number != b.number
        and base_unit(a.unit)[0] == "%"
        and a.head
        and b.head
        and not same_head(a.head, b.head)
        for a, b in pairs
    )


def _doubt(
    pairs: Sequence[tuple[Quantity, Quantity]],
    event_of: Mapping[str, str],
    places_of: Mapping[str, frozenset[str]],
    day_of: Mapping[str, int] | None = None,
) -> str:
    """Why the differing claims of a group may not measure one thing: the reason a conflict
    is not claimed. "" when some pair of differing claims from two articles surely measures
    one thing (:func:`_pair_doubt` finds nothing)."""
    doubts = [
        _pair_doubt(a, b, event_of, places_of, day_of)
        for a, b in pairs
        if a.article_id != b.article_id and not _consistent(a, b)
    ]
    return "" if not doubts or "" in doubts else doubts[0]


def _pair_doubt(
    a: Quantity,
    b: Quantity,
    event_of: Mapping[str, str],
    places_of: Mapping[str, frozenset[str]] | None = None,
    day_of: Mapping[str, int] | None = None,
) -> str:
    """Why two differing claims may not measure one thing ("" when nothing says so)."""
    if a.frame != b.frame:
        return "one is framed as a forecast or plan and the other is not"
    if a.frame == "hypothetical":
        return "both are hypothetical"
    if a.scope != b.scope:
        return "one is a part or a total and the other is not"
    timed = _period_told_once(a, b)
    if timed:
        return f"one is counted over a stated time ({timed}) and the other over none"
    days = _told_apart(a, b, day_of or {})
    if days:
        return f"they are told {days} days apart, and what they count may have changed between"
    if _places_apart(a, b, places_of or {}):
        told = (", ".join(a.places), ", ".join(b.places))
        return f"they are told of different places ({told[0]} vs {told[1]})"
    if _same_gift(a, b):
        if _other_events(a, b, event_of):
            return "they are told of different events of the story"
        if _named_by_kind(a) and _named_by_kind(b) and not _one_place(a, b):
            return (
                f"the giver is named only by its kind ({a.giver}), and nothing says both "
                "outlets mean one"
            )
        return ""
    if _not_one_sum(a, b):
        return "a sum given, and the text does not say that both are one giver's one sum"
    if _other_polls(a, b):
        return (
            f"they may be from different polls ({a.poll} vs {b.poll})"
            if a.poll and b.poll
            else "a poll's figure, and the text does not say that both are of one poll"
        )
    if _same_expense(a, b):
        return (
            "they are told of different events of the story"
            if _other_events(a, b, event_of)
            else ""
        )
    if _told_in_same_words(a, b):
        return (
            "they are told of different events of the story"
            if _other_events(a, b, event_of) and a.head != "age"
            else ""
        )
    if not (a.head and b.head) and not _same_amount(a, b):
        return "the text does not say plainly what each counts"
    if a.head and b.head and not _same_head_exactly(a.head, b.head):
        return f"they may count different things ({a.head} vs {b.head})"
    return _wording_doubt(a, b) or (
        "they are told of different events of the story"
        if _other_events(a, b, event_of) and a.head != "age"
        else ""
    )


# A figure with no date of its own is told as of its article's day. A happening is reported
# over the next days (a wire's follow-ups, the next day's papers); figures told further apart
# than this are of two moments of a story followed over weeks (a primary season's delegate
# counts, a toll that grows), and are not set against each other: listed, with no verdict.
TOLD_APART_DAYS = 3


def _told_apart(a: Quantity, b: Quantity, day_of: Mapping[str, int]) -> int:
    """How many days apart two figures' articles were published, when that is more than
    :data:`TOLD_APART_DAYS` (else 0; 0 too when either day is unknown). An age is compared
    whatever the days: a child is not 6 one week and 10 the next."""
    first, second = day_of.get(a.article_id), day_of.get(b.article_id)
    if first is None or second is None or a.head == "age" or b.head == "age":
        return 0
    days = abs(first - second)
    return days if days > TOLD_APART_DAYS else 0


# Periods that are a short stretch of time up to the telling (quantities.find_period's names):
# a count over one is that stretch's ("82 died in the past 24 hours"), not a toll.
_STRETCHES = ("today", "yesterday", "last week", "this week")


def _period_told_once(a: Quantity, b: Quantity) -> str:
    """The stretch of time one of two figures is counted over when the other states no
    period ("" if not so): "40 died in the past 24 hours" counts a day's deaths, "65 people
    have died" a toll. Only a short stretch up to the telling ("past 24 hours", "past 2
    weeks", "yesterday", :data:`_STRETCHES`): a year or a month an outlet names ("in 2026")
    is often left out by another that gives the same figure ("2026 will see ..."), and a
    time told relative to now ("now") is how a state is worded."""
    if (a.period is None) == (b.period is None):
        return ""
    period = str(a.period or b.period)
    return period if period.startswith("past ") or period in _STRETCHES else ""


def _places_apart(a: Quantity, b: Quantity, places_of: Mapping[str, frozenset[str]]) -> bool:
    """Whether two counts are told of different places: each figure's sentence (or the
    sentence before it, :attr:`Quantity.places`) names a place, none the same, and neither
    figure's place is named anywhere in the other's article (when ``places_of`` knows it): a
    toll in Japan is not a toll in Italy, but "Tokyo" in one outlet and "Japan" in another
    that names Tokyo too may be one count. An age is a person's, told wherever."""
    if a.head == "age" or b.head == "age" or not (a.places and b.places):
        return False
    if any(_same_place(x, y) for x in a.places for y in b.places):
        return False
    in_b, in_a = places_of.get(b.article_id), places_of.get(a.article_id)
    named_in_b = in_b is not None and any(_same_place(x, y) for x in a.places for y in in_b)
    named_in_a = in_a is not None and any(_same_place(x, y) for x in b.places for y in in_a)
    return not (named_in_a or named_in_b)


def _same_place(a: str, b: str) -> bool:
    """One place named twice: equal, or one name the start of the other ("washington" and
    "washington, dc")."""
    wa, wb = re.findall(r"\w+", a), re.findall(r"\w+", b)
    short, long = sorted((wa, wb), key=len)
    return bool(short) and long[: len(short)] == short


def _other_polls(a: Quantity, b: Quantity) -> bool:
    """Whether two figures may be of two polls: one is told of a poll (:attr:`Quantity.poll`)
    and the two are not named as one poll, unless the outlets tell the figure in one sentence
    word for word (a copy's changed figure): a shared formula ("with a margin of error of
    plus or minus") says nothing of which poll it is."""
    if not polls_apart(a.poll, b.poll):
        return False
    alike = a.words_before == b.words_before and a.words_after == b.words_after
    told = len(a.words_before.split()) + len(a.words_after.split())
    return not alike or told < SAME_SENTENCE


SAME_SENTENCE = 8  # words around a figure that two outlets tell alike: one sentence, copied


def _wording_doubt(a: Quantity, b: Quantity) -> str:
    """Why two differing figures with one head noun may not measure one thing, read in the
    wording of their measures and sentences ("" when nothing says so)."""
    if not _same_object(a.measure, b.measure):
        return f"they are of different things ({a.measure} vs {b.measure})"
    if not _same_happening(a, b):
        return f"the wording differs ({a.measure} vs {b.measure})"
    if _is_count(a) and a.head != "age" and not _shared_near(a, b):
        return f"nothing but the noun says they count one thing ({a.measure} vs {b.measure})"
    if a.head != "age" and not (_names_told(a, b) and _names_told(b, a)):
        return f"one names what the other does not ({a.measure} vs {b.measure})"
    return ""


def _names_told(a: Quantity, b: Quantity) -> bool:
    """Whether the names in ``a``'s measure after its first word ("lead in New Hampshire
    polls") are all told in ``b``'s sentence: a lead in one state's polls is not set against
    a lead its sentence tells of another state."""
    names = {w.lower() for w in a.measure.split()[1:] if w[:1].isupper()} - set(a.head.split())
    told = set(b.clause.split()) | set(b.subject.split()) | set(b.measure.lower().split())
    return names <= told


def _context(q: Quantity) -> frozenset[str]:
    """What a figure's measure says beyond its head noun, with the verb and the words of its
    clause before it, stemmed."""
    return _context_of(q.measure, q.clause, q.verb, q.head)


@lru_cache(maxsize=1 << 14)
def _context_of(measure: str, clause: str, verb: str, head: str) -> frozenset[str]:
    """:func:`_context` from the fields it reads (cached: a figure is compared with many)."""
    words = {_stem(w) for w in content_words(measure.lower())}
    words |= {_stem(w) for w in clause.split()} | ({_stem(verb)} if verb else set())
    return _beyond_head(words, head)


def _shared_context(a: Quantity, b: Quantity) -> bool:
    """Whether two figures with one head share a word beyond it ("118 crew members aboard",
    "116 crewmen aboard the submarine": aboard): a bare "four states" and "11 states" may
    be the states won and the states voting."""
    return bool(_context(a) & _context(b))


def _beyond_head(words: set[str], head: str) -> frozenset[str]:
    """Stemmed words less a head noun's own (its words as :func:`_head_words` reads them, and
    each stemmed): what a figure's words say beyond what it counts."""
    return frozenset(words - set(_head_words(head)) - {_stem(w) for w in head.split()})


def _shared_near(a: Quantity, b: Quantity) -> bool:
    """Whether two counts (or shares) with one head share what they count beyond the noun: a
    word close to the figures -- in their measures, their verbs, or the eight words either
    side -- or two words of their sentences (names, verbs of saying and number words aside in
    both). One word of a long sentence further off meets its like by chance ("labels are for
    soup cans" and "ideological labels"), the story's own names are everywhere ("Clinton"),
    and neither says what two figures count ("the 3,000 people at a civic center" and "the
    10,000 people in the arena"; "30 percent of all voters consider her honest" and "55
    percent of all voters say she does not"); "property tax records for about 41,000
    residents, including ... bank account numbers" and "the personal and banking details of
    about 38,000 residents" share the city, the banking and paying."""
    return bool(_near(a) & _near(b)) or len(_sentence_words(a) & _sentence_words(b)) >= 2


def _sentence_words(q: Quantity) -> frozenset[str]:
    """The words of a figure's sentence that :func:`_shared_near` reads, stemmed."""
    return _sentence_words_of(q.clause, q.head, q.names, q.subject)


@lru_cache(maxsize=1 << 14)
def _sentence_words_of(
    clause: str, head: str, names: tuple[str, ...], subject: str
) -> frozenset[str]:
    """:func:`_sentence_words` from the fields it reads (cached)."""
    named = {w for n in (*names, subject) for w in n.split()}
    words = {
        _stem(w)
        for w in clause.split()
        if w.isalpha() and w not in named and w not in _SAYS_NOTHING_OF_WHAT_IS_COUNTED
    }
    return _beyond_head(words, head)


def _near(q: Quantity) -> frozenset[str]:
    """The words of :func:`_shared_near` of one figure, stemmed, its head's left out."""
    return _near_of(q.measure, q.words_before, q.words_after, q.verb, q.head)


@lru_cache(maxsize=1 << 14)
def _near_of(measure: str, before: str, after: str, verb: str, head: str) -> frozenset[str]:
    """:func:`_near` from the fields it reads (cached: a figure is compared with many)."""
    text = " ".join((measure.lower(), before, after))
    words = {
        _stem(w)
        for w in content_words(text)
        if w.isalpha() and w not in _SAYS_NOTHING_OF_WHAT_IS_COUNTED
    }
    words |= {_stem(verb)} if verb else set()
    return _beyond_head(words, head)


# Words near a figure that say nothing of what it counts: verbs of saying ("55 percent ...
# said yes"), the words of shares and numbers ("percent", "points", "million", "ten").
_SAYS_NOTHING_OF_WHAT_IS_COUNTED = frozenset(
    [w.lower() for w in en.SPEECH_VERBS]
    + [*en.SHARE_NOUNS, *en.NUMBER_WORDS, *en.TENS, *en.SCALES, "point", "points"]
)


def _same_amount(a: Quantity, b: Quantity) -> bool:
    """Amounts with a unit (money, lengths, weights; not counts, shares or durations) of one
    named subject, whose measures are alike and share a noun ("Buttigieg finishes year with
    $24.7 million haul in final quarter", "Pete Buttigieg raised $31.7 million in the final
    quarter"): one amount, though no noun after the figure says what it counts. Measures
    that share only a verb ("he raised", "raised") may be two people's."""
    if base_unit(a.unit)[0] in (None, "", "day", "%") or not (a.measure and b.measure):
        return False
    if not (set(a.subject.split()) & set(b.subject.split())):
        return False  # whose amount: "Kasich had $1.3 million in cash", "he had $5 million"
    nouns_a = {_stem(w) for w in content_words(a.measure.lower()) if not _VERB.match(w)}
    nouns_b = {_stem(w) for w in content_words(b.measure.lower()) if not _VERB.match(w)}
    return (
        measure_similarity(a.measure, b.measure) >= CLEARLY_SAME_MEASURE
        and bool(nouns_a & nouns_b)
        and _same_happening(a, b)
    )


def _same_expense(a: Quantity, b: Quantity) -> bool:
    """Money two articles each tell as the one amount paid out over one stated period, with
    the same people or organisations named in their sentences ("Last year there were 23 --
    costing Auckland Transport $135,000", "Last year his team, part of Auckland Transport,
    spent $175,000 hauling the vessels"): one expense, however differently the verb and the
    nouns tell it (see :attr:`Quantity.expense`)."""
    return (
        a.expense
        and b.expense
        and a.article_id != b.article_id
        and a.unit == b.unit
        and a.period == b.period
        and set(a.names) == set(b.names)
    )


def _same_giver(a: Quantity, b: Quantity) -> bool:
    """Whether two sums given are given by one giver (:attr:`Quantity.giver`): one name, as
    folded (:func:`giver_key`; names the story's entities tell as one were made one by
    :func:`_known_givers`), or a giver named by its kind ("the city") and one named by its
    kind of a place ("the City of Porthaven") that the other's figure is told of
    (:attr:`Quantity.places`). "the State" and "the national government" are not one: what
    nothing says is one giver is kept apart."""
    ka, kb = giver_key(a.giver), giver_key(b.giver)
    if not (ka and kb):
        return False
    if ka == kb:
        return True
    for x, y, y_places in ((ka, kb, b.places), (kb, ka, a.places)):
        kind, of, place = x.partition(" of ")
        if of and kind == y and any(_same_place(place, p) for p in y_places):
            return True
    return False


def _named_by_kind(q: Quantity) -> bool:
    """Whether a giver is named only by what kind of giver it is ("the campaign"; "the super
    PAC" holds a name): no capital in it."""
    return not any(c.isupper() for c in q.giver)


def _one_place(a: Quantity, b: Quantity) -> bool:
    """Whether two figures are told of one place (:attr:`Quantity.places`): "the city" of
    two outlets is one city when both are told of Porthaven."""
    return any(_same_place(x, y) for x in a.places for y in b.places)


def _gift_class(q: Quantity) -> str:
    """A loan is lent, every other sum given (paid, spent, pledged...) is given."""
    return "loan" if q.gift == "loan" else "gift"


def _gifts_apart(a: Quantity, b: Quantity) -> bool:
    """Whether two sums, both given, are two givers' or two kinds (a loan and a gift), or
    their own words say they are for two things ("in aid", "in loans")."""
    if not (a.giver and b.giver):
        return False
    if not _same_giver(a, b) or _gift_class(a) != _gift_class(b):
        return True
    return bool(a.gift_for and b.gift_for) and not _gift_words(a) & _gift_words(b)


def _gift_words(q: Quantity) -> frozenset[str]:
    """The content words of what a sum is given for, stemmed."""
    return frozenset(_stem(w) for w in content_words(q.gift_for.lower()))


def _same_gift(a: Quantity, b: Quantity) -> bool:
    """Sums one giver gives, of one kind, for one thing as far as they say (both say
    nothing of it, or share a word of it): one measure however the verbs and the
    outlets word it ("The city will put in €15 million", "the city will add €20 million")."""
    return (
        bool(a.giver and b.giver)
        and _same_giver(a, b)
        and _gift_class(a) == _gift_class(b)
        and (not (a.gift_for or b.gift_for) or bool(_gift_words(a) & _gift_words(b)))
    )


def _not_one_sum(a: Quantity, b: Quantity) -> bool:
    """Whether nothing says two figures, one of them or both a sum given, are one sum: not
    one giver's one gift (:func:`_same_gift`), and, when only one names its giver, not one
    expense either (:func:`_same_expense`: "the repairs cost Ferris County €80,000 in 2019",
    "In 2019 Ferris County paid €95,000")."""
    if a.giver and b.giver:
        return not _same_gift(a, b)
    return bool(a.giver or b.giver) and not _same_expense(a, b)


def _known_givers(
    quantities_by_article: Mapping[str, Sequence[Quantity]], entities: Sequence[Entity]
) -> Mapping[str, Sequence[Quantity]]:
    """The quantities, each giver that names one of the story's entities
    (:class:`~corroborate.compare.entities.EntityIndex`: every spelling of a name merged,
    an acronym and its name, a surname and the full name) named as that entity is."""
    if not entities or not any(q.giver for qs in quantities_by_article.values() for q in qs):
        return quantities_by_article
    index = EntityIndex(entities)
    out: dict[str, Sequence[Quantity]] = {}
    for article, qs in quantities_by_article.items():
        named = []
        for q in qs:
            if q.giver:
                eid = index.resolve(q.giver, article_id=article)
                if eid is not None:
                    q = replace(q, giver=index.entities[eid].name)
            named.append(q)
        out[article] = named
    return out


def _other_events(a: Quantity, b: Quantity, event_of: Mapping[str, str]) -> bool:
    """Whether two figures are told of two different events (an article of no known event
    may tell of either)."""
    ea, eb = event_of.get(a.article_id), event_of.get(b.article_id)
    return ea is not None and eb is not None and ea != eb


@lru_cache(maxsize=1 << 12)
def _head_words(head: str) -> tuple[str, ...]:
    """A head's words, lightly stemmed; a "-men" compound to its first part ("crewmen"), a
    collective's tail dropped ("crew members")."""
    words = []
    for word in head.lower().split():
        if len(word) > 5 and word.endswith("men"):
            word = word[:-3]
        words.append(_stem(word.rstrip("'’s")) if len(word) > 3 else word)
    if len(words) > 1 and head.lower().split()[-1] in en.HEAD_TAILS:
        words.pop()
    return tuple(words)


def _same_head_exactly(a: str, b: str) -> bool:
    """Heads with the same words ("crew members", "crewmen"): what a conflict asks for;
    "agency workers" and "workers" are only alike."""
    return bool(a and b) and _head_words(a) == _head_words(b)


def same_head(a: str, b: str) -> bool:
    """Whether two heads name one thing: the same last noun, or the words of one all in the
    other ("crew" and "crew members", "crewmen" and "crew").

    >>> same_head("crew members", "crewmen"), same_head("protesters", "people")
    (True, False)
    """
    wa, wb = _head_words(a), _head_words(b)
    if not wa or not wb:
        return False
    return wa[-1] == wb[-1] or set(wa) <= set(wb) or set(wb) <= set(wa)


def _of_words(measure: str) -> frozenset[str]:
    """The content words after "of" in a measure ("age of Elian Gonzalez" -> elian, gonzalez)."""
    _, _, tail = measure.lower().partition(" of ")
    return frozenset(_stem(w) for w in content_words(tail))


def _same_object(a: str, b: str) -> bool:
    """Two measures that each say what they are "of" must share a word of it; for two
    people's ages, the last word of one name must be in the other ("Elian Gonzalez" and
    "Elian"; not "Crown Prince Frederik" and "Crown Princess Mary")."""
    oa, ob = _of_words(a), _of_words(b)
    if not (oa and ob):
        return True
    if a.lower().startswith("age of ") and b.lower().startswith("age of "):
        la, lb = _stem(a.lower().split()[-1]), _stem(b.lower().split()[-1])
        return la in ob or lb in oa
    return bool(oa & ob)


_VERB = re.compile(
    r"^(?:\w{3,}(?:ed|ing)|died|dead|killed|hurt|lost|won|fled|left|held|made|took)$"
)


def _verbs(q: Quantity) -> frozenset[str]:
    """The verbs of a figure's measure and the verb before it, stemmed."""
    return _verbs_of(q.measure, q.verb)


@lru_cache(maxsize=1 << 14)
def _verbs_of(measure: str, verb: str) -> frozenset[str]:
    """:func:`_verbs` from the fields it reads (cached: a figure is compared with many)."""
    words = [w for w in content_words(measure.lower()) if _VERB.match(w)]
    return frozenset(_stem(w) for w in [*words, *([verb] if verb else [])])


def _same_happening(a: Quantity, b: Quantity) -> bool:
    """Whether two figures' verbs do not name two different happenings: "employs 230
    people" and "forcing 150 people from their homes" do, "people killed" and "people
    injured" do; "crew members aboard" and "crewmen feared dead" do not."""
    va, vb = _verbs(a), _verbs(b)
    return not (va and vb) or bool(va & vb) or _same_expense(a, b)


def is_bound(q: Quantity) -> bool:
    """A one-sided claim ("more than 3,000", "up to 60"): it states no value of its own."""
    below, above = _HEDGES.get(q.qualifier or "", (0.0, 0.0))
    return bool(below) != bool(above)


def _consistent(a: Quantity, b: Quantity) -> bool:
    """Whether two claims can both be right: a stated value lies within what the other claim
    admits (its rounding and hedge) -- "some 2.4 million" admits 2,475,669 -- or, for two
    bounds, some value satisfies both. Two round figures each hedged with "about" are two
    estimates: "about 38,000" and "about 41,000" differ."""
    (a_low, a_high), (b_low, b_high) = claim_interval(a), claim_interval(b)
    if is_bound(a) and is_bound(b) or (a.value is None and b.value is None):
        return a_low <= b_high and b_low <= a_high
    a_in_b = not is_bound(a) and b_low <= a.number <= b_high
    b_in_a = not is_bound(b) and a_low <= b.number <= a_high
    return a_in_b or b_in_a


def _close(a: Quantity, b: Quantity) -> bool:
    """Consistent, and within a fifth of each other: figures that may be one figure told
    twice ("more than 20 miles" and "about 60 miles" are consistent, not close)."""
    return _pct_apart(a.number, b.number) <= ROUGHLY * 100 and _consistent(a, b)


def _compatible(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit and a.per == b.per


def _kind(q: Quantity) -> tuple[str | None, str | None, bool]:
    """What a figure must share with the others of its group besides its unit and period: its
    frame (a forecast goes with a plain statement), its scope, and whether it is a vague
    scale ("thousands of"): those are only listed beside each other, never beside a figure."""
    return ("stated" if q.frame in _STATED else q.frame), q.scope, q.vague


def compare_numbers(
    articles: Sequence[Article],
    quantities_by_article: Mapping[str, Sequence[Quantity]],
    copies: Sequence[Sequence[str]] = (),
    fact_of: Mapping[tuple[str, int], int] | None = None,
    event_of: Mapping[str, str] | None = None,
    cache: StageCache | None = None,
    story: str = "",
    entities: Sequence[Entity] = (),
) -> tuple[list[Number], list[Conflict]]:
    """Group a story's figures by what they measure and compare them across outlets.

    Args:
        articles: the story's articles (their order sets the order of claims).
        quantities_by_article: article id -> that article's quantities.
        copies: groups of article ids that are syndicated copies (they count once).
        fact_of: (article id, sentence index) -> the fact the sentence reports: figures of
            one unit whose sentences report one fact, and which can both be right, are one
            figure however differently the outlets word what it counts ("the ransom
            demanded", "the hackers want $3 million").
        event_of: article id -> the event of the story it tells
            (:func:`corroborate.compare.events.split_events`): figures of one measure that
            differ are set against each other only within one event (ages excepted).
        cache: the work of earlier briefs (:mod:`corroborate.compare.stage_cache`): the
            figures of each kind (:func:`_bucket`) are grouped once for what they read
            (:func:`_grouped`), and what was found of each pair of groups in ``story``'s
            last brief is kept (:func:`_related`); the result is the same without it.
        story: the story's id (whose last brief ``cache`` keeps).
        entities: the story's people and organisations
            (:func:`corroborate.compare.entities.merge_entities`): a sum's giver that names
            one of them is that entity, however each outlet spells it (:func:`_known_givers`).

    Returns:
        ``(numbers, conflicts)``: the groups of figures (``n1``, ``n2``... most outlets
        first), each with its claims (the figure as each article states it, at its span), its
        verdict and the ``related`` figures of the same measure over other periods, events,
        frames or scopes; and a ``number`` conflict (``number_id``) for each group in
        conflict, a claim per wording of the figure.
    """
    order = {a.id: i for i, a in enumerate(articles)}
    places_of = {a.id: article_places(a) for a in articles}
    day_of = {a.id: day.toordinal() for a in articles if (day := parse_day(a.published))}
    quantities_by_article = _one_series(_known_givers(quantities_by_article, entities))
    # Compared in base units ("18 months" and "two years" are 548 and 730 days); each claim
    # is then shown in the unit of the group's first claim.
    stated: dict[int, Quantity] = {}
    items: list[Quantity] = []
    small: list[Quantity] = []  # "six prisoners": they may join a group, never start one
    for a in articles:
        for q in quantities_by_article.get(a.id, ()):
            if q.measure and q.frame != "date_offset":
                (small if is_trivial(q) else items).append(in_base_unit(q))
                stated[id((small if is_trivial(q) else items)[-1])] = q
    # grouped in an order of their own, not the story's (which depends on how the articles
    # came in): figures that name what they count first, then by article id and place
    items.sort(key=_grouping_order)
    small.sort(key=_grouping_order)
    groups = _grouped(items, small, fact_of or {}, event_of or {}, cache, story)
    # small counts alone stay out of the brief, however much their sentence says
    small_ids = {id(q) for q in small}
    groups = [
        g
        for g in groups
        if not all(id(q) in small_ids for q in g)
        or independent_sources({q.article_id for q in g}, copies) > 1
    ]
    groups.sort(key=lambda g: (-len({q.article_id for q in g}), order[g[0].article_id], g[0].start))
    for g in groups:
        g.sort(key=lambda q: (order[q.article_id], q.start))
    related = _related(groups, cache, story)
    numbers: list[Number] = []
    conflicts: list[Conflict] = []
    for i, g in enumerate(groups, 1):
        independent = independent_sources({q.article_id for q in g}, copies)
        shown = stated[id(g[0])]
        per = 1.0 / base_unit(shown.unit)[1]  # from the base unit to the one shown
        judgement = verdict_for(g, independent, per, event_of, places_of, day_of)
        number = Number(
            id=f"n{i}",
            measure=_representative_measure(g),
            unit=_unit_label(shown),
            period=_group_period(g),
            claims=tuple(
                NumberClaim(
                    value=_shown(q.value, per),
                    low=_shown(q.low, per),
                    high=_shown(q.high, per),
                    qualifier=q.qualifier,
                    text=q.text,
                    span=Span(q.article_id, q.start, q.end, "title" if q.in_title else "text"),
                )
                for q in g
            ),
            verdict=judgement.verdict,
            note=judgement.note,
            related=tuple(f"n{j + 1}" for j in related[i - 1]),
            compared=judgement.compared,
        )
        numbers.append(number)
        if judgement.verdict == "conflict":
            conflicts.append(_conflict(number, g))
    return numbers, conflicts


def _one_series(
    quantities_by_article: Mapping[str, Sequence[Quantity]],
) -> Mapping[str, Sequence[Quantity]]:
    """The quantities, with figures that carry a measure from the sentence before ("...
    about half a dozen abandoned boats a year. Last year there were 23.") told as one when
    two articles carry it from figures that are one figure (:func:`_lent_alike`) and state
    the same period: each outlet then gives the next value of one series, whatever noun it
    used ("boats", "ships"), so they take the measure and head of the first (by article id,
    an order of their own). Figures that carry nothing are returned as they are."""
    carried = sorted(
        (
            (q, lender)
            for qs in quantities_by_article.values()
            for q in qs
            if q.carried_from >= 0 and q.period
            for lender in qs
            if lender.start == q.carried_from
        ),
        key=lambda pair: (pair[0].article_id, pair[0].start),
    )
    told: dict[int, Quantity] = {}
    for i, (q, lender) in enumerate(carried):
        first = next(
            (
                told.get(id(r), r)
                for r, other in carried[:i]
                if r.article_id != q.article_id
                and (r.unit, r.per, r.period) == (q.unit, q.per, q.period)
                and _lent_alike(lender, other)
            ),
            None,
        )
        if first is not None:
            told[id(q)] = replace(q, measure=first.measure, head=first.head)
    if not told:
        return quantities_by_article
    return {a: [told.get(id(q), q) for q in qs] for a, qs in quantities_by_article.items()}


def _lent_alike(a: Quantity, b: Quantity) -> bool:
    """Two figures that lend their measure to the next sentence's figure and are one figure
    told twice: of one unit and rate, close in value, in alike measures."""
    return (
        _compatible(a, b)
        and _close(in_base_unit(a), in_base_unit(b))
        and measure_similarity(a.measure, b.measure) >= SAME_MEASURE
    )


def _grouping_order(q: Quantity) -> tuple[bool, bool, str, int]:
    """The order figures are grouped in: the same for the same articles however they come,
    figures of the text before those of a title (a headline says least what it counts),
    figures with a head noun ("312 votes") before those without ("Members voted 312"), so a
    figure that names its measure starts a group before one that does not."""
    return (q.in_title, not q.head, q.article_id, q.start)


def _grouped(
    items: Sequence[Quantity],
    small: Sequence[Quantity],
    fact_of: Mapping[tuple[str, int], int],
    event_of: Mapping[str, str],
    cache: StageCache | None = None,
    story: str = "",
) -> list[list[Quantity]]:
    """:func:`_group` of ``items``, then :func:`_add_small` of ``small`` (each in grouping
    order), one bucket (:func:`_bucket`) at a time: a figure is only ever tried against the
    groups of its own bucket, so each bucket's groups are those of grouping all at once. They
    come in the order grouping all at once makes them (the groups of ``items`` by their first
    figure's place, then those small counts started, by theirs).

    A bucket's groups are kept in ``cache`` under all they read (:func:`_bucket_inputs`):
    a re-brief groups again only the buckets whose figures, facts or events changed (one
    more article of a 300-article story: a few of some 50), and those with the scores of
    ``story``'s last grouping of the bucket kept (:class:`_KeptScores`)."""
    told = _told_elsewhere(small)
    buckets: dict[tuple[object, ...], tuple[list[int], list[int]]] = {}
    for k, q in enumerate(items):
        buckets.setdefault(_bucket(q), ([], []))[0].append(k)
    for k, q in enumerate(small):
        buckets.setdefault(_bucket(q), ([], []))[1].append(k)
    made: list[tuple[tuple[int, int], list[Quantity]]] = []
    for big, few in buckets.values():
        mine = [items[k] for k in big] + [small[k] for k in few]
        said = [told[k] for k in few]
        scores = None if cache is None else _KeptScores(cache, story, _bucket(mine[0]))
        found = cached(
            cache,
            "numbers.bucket",
            _bucket_inputs(mine, len(big), said, fact_of, event_of),
            partial(_bucket_groups, mine, len(big), said, fact_of, event_of, scores),
        )
        for members in found:
            first = members[0]  # where the group was started: an item, or a small count
            origin = (0, big[first]) if first < len(big) else (1, few[first - len(big)])
            made.append((origin, [mine[m] for m in members]))
    made.sort(key=lambda entry: entry[0])
    return [group for _, group in made]


def _told_elsewhere(small: Sequence[Quantity]) -> list[bool]:
    """Per small count, whether another article tells a figure in the same run of words
    (:func:`worded_alike`): one that fits no group then starts one (:func:`_add_small`)."""
    told_by: dict[str, set[str]] = {}  # a run of words that tells a figure -> its articles
    for q in small:
        for key in _wording_keys(q):
            told_by.setdefault(key, set()).add(q.article_id)
    return [any(told_by[key] - {q.article_id} for key in _wording_keys(q)) for q in small]


def _bucket_inputs(
    mine: Sequence[Quantity],
    items: int,
    told: Sequence[bool],
    fact_of: Mapping[tuple[str, int], int],
    event_of: Mapping[str, str],
) -> tuple[object, ...]:
    """What grouping one bucket's figures reads (:func:`_bucket_groups`): the figures in
    order, how many are items (the rest small counts), whether each small count is told
    elsewhere, and which of their sentences report one fact and which of their articles one
    event (only sameness is read: as ranks of first appearance, None kept)."""
    facts = [fact_of.get((q.article_id, q.sentence)) for q in mine]
    events = [event_of.get(q.article_id) for q in mine]
    return list(mine), items, list(told), _ranks(facts), _ranks(events)


def _ranks(values: Sequence[object]) -> list[int | None]:
    """Each value as the rank of its first appearance (None kept): what equality reads."""
    rank: dict[object, int] = {}
    return [None if v is None else rank.setdefault(v, len(rank)) for v in values]


def _bucket_groups(
    mine: Sequence[Quantity],
    items: int,
    told: Sequence[bool],
    fact_of: Mapping[tuple[str, int], int],
    event_of: Mapping[str, str],
    scores: _KeptScores | None = None,
) -> list[list[int]]:
    """The groups of one bucket's figures (``mine``: its ``items`` first, then its small
    counts), as indexes into ``mine``, in the order they were made. ``scores``: the scores
    of the last grouping of the bucket, kept (:class:`_KeptScores`)."""
    if scores is not None:
        scores.start(mine[:items], fact_of, event_of)
    groups = _group(mine[:items], fact_of, event_of, scores)
    _add_small(groups, mine[items:], fact_of, event_of, told)
    if scores is not None:
        scores.keep()
    where = {id(q): k for k, q in enumerate(mine)}
    return [[where[id(q)] for q in g] for g in groups]


class _KeptScores:
    """What :func:`_joins` said of each figure and group the last time a story's bucket was
    grouped (:func:`_group`), kept in a :class:`StageCache`, so that a re-brief that groups
    the bucket again (one more article's figures in it) asks again only of the groups that
    changed. (Small counts are not asked this way: :func:`_small_fits` turns most groups
    down at once, for less than a kept score costs.)

    A score reads the figure, the group's figures in order, and which of them report one
    fact and tell of one event (``fact_of``, ``event_of``). So each figure is named by
    its value and by its fact and event, each of those named by its first member (the
    least sentence, the least article): two figures' facts are one exactly when those names
    are equal, whatever numbers a brief gives the facts. A group is named by its figures'
    names in order (a chain of digests, extended as it grows), and a score is kept under
    the figure's name and the group's: the same names, the same inputs, the same score."""

    def __init__(self, cache: StageCache, story: str, bucket: tuple[object, ...]) -> None:
        self.cache = cache
        self.key = cache.key("numbers.scores", (story, bucket))
        self.kept: dict[tuple[bytes, bytes], float] = {}
        self.asked: dict[tuple[bytes, bytes], float] = {}
        self._names: dict[int, bytes] = {}
        self._chains: dict[int, tuple[int, bytes]] = {}

    def start(
        self,
        mine: Sequence[Quantity],
        fact_of: Mapping[tuple[str, int], int],
        event_of: Mapping[str, str],
    ) -> None:
        """Name the figures to be grouped and read what was kept (when the bucket is
        grouped again)."""
        first_of_fact: dict[int, tuple[str, int]] = {}
        for place, fact in fact_of.items():
            if fact not in first_of_fact or place < first_of_fact[fact]:
                first_of_fact[fact] = place
        first_of_event: dict[str, str] = {}
        for article, event in event_of.items():
            if event not in first_of_event or article < first_of_event[event]:
                first_of_event[event] = article
        for q in mine:
            told_in = fact_of.get((q.article_id, q.sentence))
            told_of = event_of.get(q.article_id)
            self._names[id(q)] = digest(
                q,
                None if told_in is None else first_of_fact[told_in],
                None if told_of is None else first_of_event[told_of],
            )[:16]
        found = self.cache.get(self.key)
        if isinstance(found, dict):
            self.kept = found

    def keep(self) -> None:
        """Keep the scores asked this time, for the next grouping of the bucket."""
        self.cache.put(self.key, self.asked)

    def _group_name(self, group: Sequence[Quantity]) -> bytes:
        known, name = self._chains.get(id(group), (0, b""))
        for q in group[known:]:  # groups only grow, at their end
            name = hashlib.blake2b(name + self._names[id(q)], digest_size=16).digest()
        self._chains[id(group)] = (len(group), name)
        return name

    def score(self, q: Quantity, group: Sequence[Quantity], compute: Callable[[], float]) -> float:
        """``compute()`` (the score of ``q`` and ``group``), or what it gave for the same
        names last time."""
        name = (self._names[id(q)], self._group_name(group))
        value = self.kept.get(name)
        if value is None:
            value = compute()
        self.asked[name] = value
        return value


def _group(
    items: Sequence[Quantity],
    fact_of: Mapping[tuple[str, int], int],
    event_of: Mapping[str, str],
    scores: _KeptScores | None = None,
) -> list[list[Quantity]]:
    """Figures grouped by measure: same unit, rate, period, frame and scope, and alike
    measures (average link, no chaining); see :func:`_joins`. ``scores``: those kept from
    the last grouping (:class:`_KeptScores`; the groups are the same without)."""
    groups: list[list[Quantity]] = []
    filed = _FiledGroups()
    for q in items:
        best, best_score = None, 0.0
        for g in filed.candidates(q):  # no other group takes q (see _FiledGroups)
            if scores is None:
                score = _joins(q, g, fact_of, event_of)
            else:
                score = scores.score(q, g, partial(_joins, q, g, fact_of, event_of))
            if score > best_score:
                best, best_score = g, score
        if best is None:
            groups.append([q])
            filed.file(groups[-1])
        else:
            filed.add(best, q)
    return groups


# Groups of first figures further apart in size than this are never asked (see _FiledGroups):
# more than _plausible's ratio of 10, by far more than the rounding of a float division.
_SIZE_WINDOW = 10 * (1 + 1e-9)


_Filed = tuple[int, list[Quantity]]  # a filed group and when it was filed


class _FiledGroups:
    """Groups of figures filed so that a figure is only tried against the groups it may join.

    ``_joins`` is 0 for a group of another bucket (:func:`_bucket`) and for one the figure is
    not :func:`_plausible` with (any member more than 10 times its size, or a zero). So a
    group is filed by its bucket and by the size of its first figure (which stays first); a
    figure looks only in its bucket at first figures within a factor ``_SIZE_WINDOW`` of its
    own size, and keeps those it is plausible with, asked of the group's smallest and largest
    figures (:func:`_ends`). The groups are returned in the order they were filed: the order
    a plain scan of the bucket would try them in (the first of equal scores wins).
    Figures are numbers read from text: never NaN.
    """

    def __init__(self) -> None:
        self._filed: dict[tuple[object, ...], tuple[list[float], list[_Filed]]] = {}
        self._ends: dict[int, tuple[float, float]] = {}
        self._count = 0

    def file(self, group: list[Quantity]) -> None:
        """File a new group (a group whose first figure is 0 takes no figure: not filed)."""
        self._ends[id(group)] = _ends(group)
        size = _size(group[0])
        if size == 0:
            return
        sizes, entries = self._filed.setdefault(_bucket(group[0]), ([], []))
        at = bisect.bisect_right(sizes, size)
        sizes.insert(at, size)
        entries.insert(at, (self._count, group))
        self._count += 1

    def add(self, group: list[Quantity], q: Quantity) -> None:
        """Put ``q`` in a filed group."""
        group.append(q)
        low, high = self._ends[id(group)]
        self._ends[id(group)] = min(low, _size(q)), max(high, _size(q))

    def candidates(self, q: Quantity) -> list[list[Quantity]]:
        """The groups ``q`` is plausible with, of its bucket, in the order they were filed."""
        size = _size(q)
        sizes, entries = self._filed.get(_bucket(q), ([], []))
        if size == 0 or not sizes:
            return []
        low = bisect.bisect_left(sizes, size / _SIZE_WINDOW)
        high = bisect.bisect_right(sizes, size * _SIZE_WINDOW)
        near = sorted(entries[low:high], key=lambda entry: entry[0])
        return [g for _, g in near if _plausible_sizes(size, self._ends[id(g)])]


def _ends(group: Sequence[Quantity]) -> tuple[float, float]:
    """The smallest and the largest size (absolute value) of a group's figures. Whether a
    figure is :func:`_plausible` with a group, these two decide: the ratio of two sizes only
    grows as one moves away from the other (IEEE division is monotonic), so the largest
    ratio to any member is the ratio to one end, and a zero in the group is its smallest
    end."""
    sizes = [_size(q) for q in group]
    return min(sizes), max(sizes)


def _size(q: Quantity) -> float:
    return abs(q.number)


def _bucket(q: Quantity) -> tuple[object, ...]:
    """What a figure must share with a group's first figure to join it at all: its unit, what
    it is per, its frame and scope (:func:`_compatible`, :func:`_kind`)."""
    return (q.unit, q.per, *_kind(q))


def _same_thing(a: Quantity, b: Quantity) -> bool:
    """Heads that name one thing, in measures that name one happening ("118 crew members
    aboard", "116 crewmen feared dead"), though worded too differently to be alike."""
    if _not_one_sum(a, b):
        return False  # sums of two givers, or a giver's and one of whom nobody says
    return (
        _told_in_same_words(a, b)
        or _same_expense(a, b)
        or _same_gift(a, b)
        or bool(
            _same_head_exactly(a.head, b.head)
            and _same_object(a.measure, b.measure)
            and _same_happening(a, b)
            and (a.head == "age" or not _is_count(a) or _shared_context(a, b))
        )
    )


def _is_count(q: Quantity) -> bool:
    """A plain count (no unit, or a share): its head noun alone says little ("states")."""
    return base_unit(q.unit)[0] in (None, "", "%")


def _loose_period(period: str | None) -> bool:
    """A time told relative to a happening or to today ("before it closed", "before the
    closure", "now"): worded too many ways to keep agreeing figures apart, though it keeps
    differing ones apart."""
    return period is not None and (
        period == "now" or period.startswith(("before ", "after ", "since ", "until ", "prior "))
    )


def _group_period(group: Sequence[Quantity]) -> str | None:
    """The period most of a group's claims state (None when most state none): one outlet's
    "now" does not date the figure every other outlet gives."""
    counts = Counter(q.period for q in group)
    return max(counts, key=lambda p: (counts[p], p is None))


def _add_small(
    groups: list[list[Quantity]],
    small: Sequence[Quantity],
    fact_of: Mapping[tuple[str, int], int],
    event_of: Mapping[str, str],
    told: Sequence[bool] | None = None,
) -> None:
    """Small counts in words join the group of the same figure from another article ("six
    Saudi prisoners" and "6 Saudi war prisoners"). They contradict it only when told in the
    same words beyond their noun (:func:`_said_alike`): "the two states" a story speaks of
    are often a part of its "12 states", but "seven fire tenders were rushed to the spot" and
    "9 fire tenders were sent to the spot" count one thing. One that says that much of what
    it counts (or that another article tells in the same words, :func:`worded_alike`) and
    fits no group starts one, for the same figure of another article to join; alone, small
    counts stay out of the brief (see :func:`compare_numbers`). ``told``: each small count's
    :func:`_told_elsewhere`, when ``small`` is not all the story's."""
    filed = _FiledGroups()
    firsts: dict[int, _First] = {}  # each group's first figure, as _small_fits reads it
    for g in groups:
        filed.file(g)
        firsts[id(g)] = _first(g[0])
    started: set[int] = set()  # groups a small count started
    told = _told_elsewhere(small) if told is None else told
    for q, told_elsewhere in zip(small, told, strict=True):
        mine = _first(q)
        fits = []
        for g in filed.candidates(q):  # no other group takes q (see _FiledGroups)
            small_only = id(g) in started
            # the group's first figure alone, asked first, turns most groups down (a
            # 300-article story's counts: some 100,000 of them)
            if (
                _may_fit(mine, firsts[id(g)], small_only)
                and _small_fits(q, g, small_only)
                and (score := _joins(q, g, fact_of, event_of)) > 0
            ):
                fits.append((score, g))
        if fits:
            filed.add(max(fits, key=lambda f: f[0])[1], q)
        elif _says_what(q) or told_elsewhere:
            groups.append([q])
            filed.file(groups[-1])
            started.add(id(groups[-1]))
            firsts[id(groups[-1])] = _first(q)


# What :func:`_small_fits` asks first of a figure, read once: its article, its head's words
# (None without a head: :func:`_same_head_exactly`), the runs of words that tell it
# (:func:`_wording_keys`) and its number. Two figures it sets apart are neither the same
# (:func:`_close`) nor told alike (:func:`_said_alike`).
_First = tuple[str, tuple[str, ...] | None, frozenset[str], float]


def _first(q: Quantity) -> _First:
    return q.article_id, _head_words(q.head) if q.head else None, _wording_keys(q), q.number


def _may_fit(small: _First, first: _First, small_only: bool) -> bool:
    """Whether a small count (:func:`_first` of it) may join a group whose first figure is
    ``first``, as far as :func:`_small_fits` reads that figure: another article's, told
    alike (the same head's words, or a run of words) or, in a group not started by a small
    count, within :data:`ROUGHLY` of it. False: :func:`_small_fits` is False."""
    article, head, keys, number = small
    return article != first[0] and (
        (head is not None and head == first[1])
        or not keys.isdisjoint(first[2])
        or (not small_only and _pct_apart(number, first[3]) <= ROUGHLY * 100)
    )


def _small_fits(q: Quantity, group: Sequence[Quantity], small_only: bool) -> bool:
    """Whether a small count may join a group: one figure of another article each, the same
    (:func:`_close`) or told alike (:func:`_said_alike`); a group a small count started only
    takes one told alike ("the two governments committed to..." and "between our two
    governments" make no figure worth a row)."""
    return all(
        m.article_id != q.article_id and ((not small_only and _close(q, m)) or _said_alike(q, m))
        for m in group
    )


def _measure_context(q: Quantity) -> frozenset[str]:
    """The words of a figure's measure beyond its head noun, stemmed ("seven fire tenders
    were rushed to the spot" -> rush, spot)."""
    return _measure_context_of(q.measure, q.head)


@lru_cache(maxsize=1 << 14)
def _measure_context_of(measure: str, head: str) -> frozenset[str]:
    """:func:`_measure_context` from the fields it reads (cached)."""
    words = {_stem(w) for w in content_words(measure.lower())}
    return _beyond_head(words, head)


def _says_what(q: Quantity) -> bool:
    """Whether a figure names what it counts and says more of it than the noun ("six Saudi
    war prisoners arrived at the airbase"; not "two states")."""
    return bool(q.head) and bool(_measure_context(q))


def _said_alike(a: Quantity, b: Quantity) -> bool:
    """Figures told alike: the same head noun, of the same thing, over the same period, in
    measures that share a word beyond the noun and name no two happenings ("six Saudi war
    prisoners arrived at the airbase", "eight Saudi war prisoners have arrived at the
    airbase in the capital")."""
    if _told_in_same_words(a, b):
        return a.period == b.period
    return bool(
        _same_head_exactly(a.head, b.head)
        and a.period == b.period
        and _measure_context(a) & _measure_context(b)
        and _same_object(a.measure, b.measure)
        and _same_happening(a, b)
    )


SAME_WORDS = 6  # words two outlets must lead up to a figure (or go on from it) in alike
SAME_WORDS_MEANING = 2  # ... of which content words


def worded_alike(a: Quantity, b: Quantity) -> bool:
    """Whether two figures are told in the same words: the last six words before each (or the
    first six after each) are the same and hold two content words or more -- one sentence,
    or one quote, written by two outlets with its figure changed ("I've been preaching to
    the President for two years", "... to the President for four [years]"). What the figure
    counts is then what the other counts, whatever the parser made of it.

    >>> from corroborate.annotate.quantities import extract_quantities
    >>> from corroborate.model import Article
    >>> a, b = (Article(i, "", "", text=t) for i, t in (("a", "He said the crew had been at "
    ...     "sea for 40 days."), ("b", "Officials said the crew had been at sea for 44 days.")))
    >>> worded_alike(extract_quantities(a)[0], extract_quantities(b)[0])
    True
    """
    return bool(_wording_keys(a) & _wording_keys(b))


def _told_in_same_words(a: Quantity, b: Quantity) -> bool:
    """Figures told in the same words (:func:`worded_alike`) whose measures, as read, say
    nothing against one measure: no two head nouns, no two things they are of, no two
    happenings ("Crown Prince Frederik, 51, and her mother-in-law..." and "Princess
    Benedikte, 75, and her mother-in-law..." are two people's ages)."""
    return (
        worded_alike(a, b)
        and (not (a.head and b.head) or _same_head_exactly(a.head, b.head))
        and _same_object(a.measure, b.measure)
        and _same_happening(a, b)
    )


def _wording_keys(q: Quantity) -> frozenset[str]:
    """The runs of words that tell a figure (see :func:`worded_alike`), tagged by side."""
    return _wording_keys_of(q.words_before, q.words_after)


@lru_cache(maxsize=1 << 14)
def _wording_keys_of(before: str, after: str) -> frozenset[str]:
    """:func:`_wording_keys` from the fields it reads (cached)."""
    runs = (("before", before.split()[-SAME_WORDS:]), ("after", after.split()[:SAME_WORDS]))
    return frozenset(
        f"{side}: {' '.join(run)}"
        for side, run in runs
        if len(run) == SAME_WORDS and len(content_words(" ".join(run))) >= SAME_WORDS_MEANING
    )


def _joins(
    q: Quantity,
    g: Sequence[Quantity],
    fact_of: Mapping[tuple[str, int], int],
    event_of: Mapping[str, str],
) -> float:
    """How well ``q`` fits group ``g`` (0 when it may not join it), a group
    :meth:`_FiledGroups.candidates` gave for ``q``: one ``q`` is :func:`_plausible` with.

    Each test below only ever says 0, so their order changes nothing but the time taken:
    the score, cheap and seldom passed, is asked first."""
    first = g[0]
    if not _compatible(q, first) or _kind(q) != _kind(first):
        return 0.0
    score = _raised_score(q, g, fact_of)
    if score < SAME_MEASURE:
        return 0.0
    if any(m.article_id == q.article_id and m.number != q.number for m in g):
        return 0.0  # one article never gives two values for one measure
    for m in g:
        if _not_one_sum(q, m) and (_gifts_apart(q, m) or not _close(q, m)):
            # sums of two givers never join; a giver's sum and one of whom nobody says (or
            # that says what it is for where the other does not) join only when they agree
            return 0.0
        if _close(q, m):
            # one loose link at most: a figure with no stated period may be one with a
            # period, and heads worded differently may name one thing ("workers",
            # "employees"), but not both at once
            other_period = q.period != m.period
            other_head = bool(q.head and m.head) and not _same_head_exactly(q.head, m.head)
            stated_apart = bool(q.period and m.period) and other_period
            soft = _loose_period(q.period) or _loose_period(m.period)
            if (stated_apart and not soft) or (other_period and other_head):
                return 0.0
        elif (
            (q.head and m.head and not same_head(q.head, m.head))  # "protesters", "people"
            or (q.period and m.period and q.period != m.period)  # December's rate, today's
            or _other_events(q, m, event_of)
            or not _same_happening(q, m)  # "employs 230 people", "forcing 150 people out"
            or (q.head != m.head and "age" in (q.head, m.head))  # an age of whom one guessed
        ):
            return 0.0
    sure = all(_same_thing(q, m) for m in g)
    # counts and durations of measures that are only alike ("agency workers", "workers
    # on shift") group when they agree; a conflict is claimed only between figures of
    # one measure (a unit like m² or € is evidence of its own)
    # and a measure that names nothing ("20 miles away", "60 miles away": the smoke
    # seen, the towns apart) proves nothing, whatever the unit
    vague = _names_nothing(q.measure) or any(_names_nothing(m.measure) for m in g)
    only_alike = score < CLEARLY_SAME_MEASURE and base_unit(q.unit)[0] in (None, "", "day")
    if (vague or (only_alike and not sure)) and not all(_close(q, m) for m in g):
        return 0.0
    return score


def _raised_score(
    q: Quantity, g: Sequence[Quantity], fact_of: Mapping[tuple[str, int], int]
) -> float:
    """How alike ``q``'s measure is to the group's (the mean :func:`measure_similarity`),
    raised to ``SAME_MEASURE`` when they surely name one thing (:func:`_same_thing`) or are
    told in one fact (:func:`_told_in_one_fact`)."""
    measure = q.measure
    scores = [measure_similarity(measure, m.measure) for m in g]
    score = sum(scores) / len(scores)
    if score < SAME_MEASURE and (
        all(_same_thing(q, m) for m in g) or _told_in_one_fact(q, g, fact_of)
    ):
        return SAME_MEASURE
    return score


# Words around a figure that say how it is measured, not what is measured (lang.en).
# (content words only: stop words never reach it)
_VAGUE_MEASURE_WORDS = en.VAGUE_MEASURE_WORDS


@lru_cache(maxsize=1 << 14)
def _names_nothing(measure: str) -> bool:
    words_ = [w for w in content_words(measure) if not w.isdigit()]
    return not words_ or all(w in _VAGUE_MEASURE_WORDS for w in words_)


def _told_in_one_fact(
    q: Quantity, group: Sequence[Quantity], fact_of: Mapping[tuple[str, int], int]
) -> bool:
    """Whether ``q``'s sentence and a sentence of another article in ``group`` report one
    fact, with figures that can both be right."""
    fact = fact_of.get((q.article_id, q.sentence))
    return fact is not None and any(
        m.article_id != q.article_id
        and fact_of.get((m.article_id, m.sentence)) == fact
        and _consistent(q, m)
        for m in group
    )


def _plausible(q: Quantity, group: Sequence[Quantity]) -> bool:
    """Figures more than an order of magnitude apart are not one measure told twice."""
    return _plausible_sizes(_size(q), [_size(m) for m in group])


def _plausible_sizes(a: float, sizes: Iterable[float]) -> bool:
    """:func:`_plausible` for a figure of size ``a`` and figures of ``sizes`` (a loop, not a
    generator: it is asked some 200,000 times in a 300-article story)."""
    for b in sizes:
        low, high = (a, b) if a <= b else (b, a)
        if low == 0 or high / low > 10:
            return False
    return True


def _representative_measure(group: Sequence[Quantity]) -> str:
    if len(group) == 1:
        return group[0].measure
    best = max(
        group,
        key=lambda q: (
            sum(measure_similarity(q.measure, o.measure) for o in group if o is not q),
            -len(q.measure),
        ),
    )
    return best.measure


def _shown(v: float | None, per: float) -> int | float | None:
    """A value in the base unit, in the unit shown (to 12 significant digits)."""
    return None if v is None else _json_number(float(f"{v * per:.12g}"))


def _json_number(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def _conflict(number: Number, group: Sequence[Quantity]) -> Conflict:
    by_value: dict[str, list[str]] = {}
    spans: dict[str, list[Span]] = {}
    for q in group:
        by_value.setdefault(q.text, [])
        if q.article_id not in by_value[q.text]:
            by_value[q.text].append(q.article_id)
        spans.setdefault(q.text, []).append(
            Span(q.article_id, q.start, q.end, "title" if q.in_title else "text")
        )
    subject = number.measure + (f" ({number.period})" if number.period else "")
    return Conflict(
        kind="number",
        subject=subject,
        claims=tuple(ConflictClaim(v, tuple(ids), tuple(spans[v])) for v, ids in by_value.items()),
        note=number.note,
        number_id=number.id,
    )


def _related(
    groups: Sequence[Sequence[Quantity]], cache: StageCache | None = None, story: str = ""
) -> list[list[int]]:
    """Per group, the groups of figures of one measure and unit kept apart from it (another
    period, event, frame or scope); they point at each other, in order.

    Only groups of one unit (:func:`_compatible`) whose first figures are of one order of
    magnitude can be related, so only those pairs are looked at (:func:`_near_in_size`).
    With a ``cache``, what was found of each pair in ``story``'s last brief is kept under
    what :func:`_related_pair` reads of the two groups (their first figure's head, value,
    giver, kind of gift and places, their measures), and only pairs not asked then are
    asked."""
    related: list[list[int]] = [[] for _ in groups]
    by_unit: dict[tuple[str | None, str | None], list[int]] = {}
    for i, g in enumerate(groups):
        if g[0].number != 0:  # _same_magnitude never holds for a zero
            by_unit.setdefault((g[0].unit, g[0].per), []).append(i)
    reads = [
        (
            g[0].head,
            g[0].number,
            tuple(m.measure for m in g),
            g[0].giver,
            _gift_class(g[0]),
            g[0].places,
        )
        for g in groups
    ]
    key = None if cache is None else cache.key("numbers.related", (story,))
    kept: dict[tuple[object, object], bool] = {}
    if cache is not None and key is not None:
        found = cache.get(key)
        if isinstance(found, dict):
            kept = found
    asked: dict[tuple[object, object], bool] = {}
    for indices in by_unit.values():
        for i, j in _near_in_size(groups, indices):
            pair = (reads[i], reads[j])
            one = kept.get(pair)
            if one is None:
                one = _related_pair(groups[i], groups[j])
            asked[pair] = one
            if one:
                related[i].append(j)
                related[j].append(i)
    if cache is not None and key is not None:
        cache.put(key, asked)
    return [sorted(r) for r in related]


def _related_pair(gi: Sequence[Quantity], gj: Sequence[Quantity]) -> bool:
    """Whether two groups of one unit hold figures of one measure (see :func:`_related`):
    sums given, of one giver (the State's pledge is not related to the city's, however alike
    "contribution of the State" and "contribution of the city" read)."""
    if gi[0].head and gj[0].head and not same_head(gi[0].head, gj[0].head):
        return False
    a, b = gi[0], gj[0]
    if (a.giver or b.giver) and not (
        a.giver and b.giver and _same_giver(a, b) and _gift_class(a) == _gift_class(b)
    ):
        return False
    return _same_magnitude(gi[0], gj[0]) and any(
        measure_similarity(a.measure, b.measure) >= SAME_MEASURE for a in gi for b in gj
    )


def _near_in_size(
    groups: Sequence[Sequence[Quantity]], indices: Sequence[int]
) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of the groups at ``indices`` (first figures not zero)
    that may be of one magnitude: sorted by the log of their first figure, a group need only
    be paired with those after it up to the first more than 1 above it (the difference of two
    floats only grows as one of them does). :func:`_same_magnitude` is still asked."""
    logs = sorted((math.log10(abs(groups[i][0].number)), i) for i in indices)
    pairs = []
    for k, (log_i, i) in enumerate(logs):
        for log_j, j in logs[k + 1 :]:
            if log_j - log_i > 1:
                break
            pairs.append((min(i, j), max(i, j)))
    return pairs


def _same_magnitude(a: Quantity, b: Quantity) -> bool:
    x, y = abs(a.number), abs(b.number)
    return min(x, y) > 0 and abs(math.log10(x) - math.log10(y)) <= 1
