"""Quantities: every number an article states, found in its text and normalised.

:func:`extract_quantities` is a pure function of one :class:`~corroborate.model.Article`. It
reads the cleaned text (no part-of-speech tags are needed; only the giver of a sum given is
read from the parse of its sentence, :func:`gift_sentences`) and returns one :class:`Quantity`
per figure, a span into ``article.text`` with its value, its bounds, the qualifier an outlet put
on it ("some", "more than", "up to"...), its unit, what it counts (``measure``) and the time it
covers (``period``).

Figures are written in many ways, and all of them give the same value::

    242,418   3 000   2.4   2.4 million   seven million   a dozen   2 million 475 thousand 669
    $180 million   US $180 million   €45m   3,145-kilometer-long   15%   8 to 10

What is *not* a quantity is left out: years ("in 2023"), days of a date ("Dec. 27"), times
("10:30", "3 p.m."), ordinals ("27th"), decades ("the 80's"), list numbers ("1. ..."), slide
counters ("1/2"), identifiers ("Highway 49", "COVID-19"), the pronoun "one" ("one of the"),
and durations that anchor a relative date ("three weeks after", "two days ago" -- those are
:mod:`corroborate.annotate.dates`' business).

The number normaliser :func:`parse_number` is public and round-trips: formatting an integer
with separators or in words and parsing it back gives the integer.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from corroborate.annotate.grammar import (
    Parse,
    Word,
    is_verb,
    parse_spans_of,
    span_root,
    subtree,
    words_in,
)
from corroborate.date_expressions import find_date_expressions, find_date_ranges
from corroborate.lang import en
from corroborate.model import Article, Mention
from corroborate.text import content_words, fold
from corroborate.text import words as word_tokens

__all__ = [
    "Quantity",
    "extract_quantities",
    "parse_number",
    "number_to_words",
    "find_period",
    "place_name",
    "article_places",
    "places_near",
]

# --------------------------------------------------------------------------- number words

_UNITS = en.NUMBER_WORDS
_TENS = en.TENS
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
SCALES: dict[str, int] = en.SCALES
ABBREVIATED_SCALES = en.ABBREVIATED_SCALES

_WORDNUM = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:-(?:" + "|".join(_UNITS[1:10]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
)
_SCALE = "(?:" + "|".join(SCALES) + ")"
# "a quarter of a billion", "two thirds of a million": a fraction of a scale word
_FRACTION = r"(?:(?:a|one|two|three)\s+(?:quarters?|thirds?))"
_FRACTIONS = en.FRACTIONS
# Scale abbreviations glued to digits ("45k", "$2m", "€1.2bn", "RM3.06mil"), longest first.
_ABBR = "(?:" + "|".join(sorted(ABBREVIATED_SCALES, key=len, reverse=True)) + ")"
# 242,418 · 2,475,669.5 · 3 000 (space or thin space) · 2.4 · .5
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d,.]\d)(?!\d)"
    r"|\d+(?:\.\d+)?"
    r"|\.\d+)"
)
_ATOM = rf"(?:{_DIGITS}(?:{_ABBR}(?![\w]))?|{_WORDNUM}|{_SCALE}|dozen)"
# A figure starts after no word character, or right after a letter, "$" or a dash when digits
# follow: :data:`_GLUED_BEFORE` then says whether that is a currency code glued to it
# ("AUD1.5m"), a prefix ("sub-300", "minus-260") or a minus sign.
_GLUED_BEFORE = re.compile(
    r"(?:"
    + "|".join(re.escape(code) for code in sorted(en.CURRENCY_GLUED, key=len, reverse=True))
    + r"|\bsub-|\bminus-|(?:^|[\s(])[-−])$"
)
_PHRASE = re.compile(
    rf"(?:(?<![\w.,/:#@-])(?<![\w]-)|(?<=[A-Za-z\-−])(?=\d))"
    rf"(?:(?:a|an|half\s+an?|{_FRACTION}\s+of\s+an?)\s+(?={_SCALE}\b|dozen\b))?"
    rf"{_ATOM}(?:(?:\s+and\s+|\s+|-){_ATOM}(?![\w]))*"
    rf"(?:(?![\w])|(?={en.GLUED_UNIT}))(?!['’]s\b)(?![/:]\d)(?!\.\d)",
    re.IGNORECASE,
)
_TOKEN = re.compile(rf"{_DIGITS}(?:{_ABBR}(?![a-z]))?|[a-z]+", re.IGNORECASE)


def _digits_value(token: str) -> float:
    return float(re.sub(r"[,\s\u00a0\u202f\u2009]", "", token))


def parse_number(text: str) -> float | None:
    """The value of a number written in digits, words, or both; None if it is not one number.

    >>> parse_number("2 million 475 thousand 669")
    2475669.0
    >>> parse_number("seven million"), parse_number("a dozen"), parse_number("3 000")
    (7000000.0, 12.0, 3000.0)
    """
    parts = _segments(text)
    if len(parts) != 1:
        return None
    return parts[0][0]


def _segments(text: str) -> list[tuple[float, int, int]]:
    """Split a run of number tokens into separate numbers: ``(value, start, end)`` each."""
    out: list[tuple[float, int, int]] = []
    total = 0.0
    current: float | None = None
    end = -1
    last_kind = ""  # "digits", "word", "teen", "tens", "hundred", "scale"
    pending_fraction = 1.0
    seg_start = -1
    last_scale = float("inf")
    # "2.9 million" is a whole figure: a number after it starts another ("2.9 million 9 liter
    # cases"), where "2 million 475 thousand" goes on
    closed = False

    def flush() -> None:
        nonlocal total, current, seg_start, last_kind, last_scale, closed
        if seg_start >= 0 and (current is not None or total):
            out.append((total + (current or 0.0), seg_start, end))
        total, current, seg_start, last_kind, last_scale = 0.0, None, -1, "", float("inf")
        closed = False

    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        low = tok.lower()
        if low in ("a", "an", "and", "of"):
            continue
        if low == "half":
            pending_fraction = 0.5
            if seg_start < 0:
                seg_start = m.start()
            continue
        if low in _FRACTIONS:  # "two thirds (of a million)": two is the count of thirds
            pending_fraction = _FRACTIONS[low] * (current or 1.0)
            current = None
            if seg_start < 0:
                seg_start = m.start()
            continue
        if tok[0].isdigit() or tok[0] == ".":
            match = re.fullmatch(rf"(.*?)({_ABBR})?", tok, re.IGNORECASE)
            assert match
            digits, abbr = match.group(1), match.group(2)
            if (
                last_kind in ("digits", "word", "tens", "teen", "hundred") and current is not None
            ) or closed:
                flush()
            if seg_start < 0:
                seg_start = m.start()
            value = _digits_value(digits)
            if abbr:
                total += value * ABBREVIATED_SCALES[abbr.lower()]
                current, last_kind = None, "scale"
                last_scale = ABBREVIATED_SCALES[abbr.lower()]
                closed = "." in digits
            else:
                current = value
                last_kind = "digits"
            end = m.end()
            continue
        if low in WORD_VALUES or "-" in low:
            word_value = WORD_VALUES.get(low)
            if word_value is None:
                continue
            value = word_value
            small = value < 10
            if (
                current is not None
                and (last_kind in ("digits", "teen", "word") or (last_kind == "tens" and not small))
            ) or closed:
                flush()
            if seg_start < 0:
                seg_start = m.start()
            current = (current or 0.0) + value
            last_kind = "tens" if value >= 20 else ("teen" if value >= 10 else "word")
            end = m.end()
            continue
        if low in SCALES or low == "dozen":
            scale = 12 if low == "dozen" else SCALES[low]
            if seg_start < 0:
                seg_start = m.start()
            base = current if current is not None else 1.0
            if low == "hundred":
                if last_kind == "hundred":
                    flush()
                    seg_start = m.start()
                    base = 1.0
                current = base * 100
                last_kind = "hundred"
            elif low == "dozen":
                current = base * 12 * pending_fraction  # "half a dozen": six
                pending_fraction = 1.0
                last_kind = "word"
            else:
                if scale >= last_scale:
                    # "thousand million" is not a news style; treat as a new number
                    flush()
                    seg_start = m.start()
                    base = 1.0
                closed = current is not None and not float(current).is_integer()
                total += base * scale * pending_fraction
                pending_fraction = 1.0
                current, last_kind, last_scale = None, "scale", scale
            end = m.end()
            continue
    flush()
    # 4.1 * 10**9 is 4099999999.9999995 in floating point: keep 12 significant digits
    return [(float(f"{v:.12g}"), s, e) for v, s, e in out]


def number_to_words(n: int) -> str:
    """English words for a non-negative integer: ``number_to_words(2475669)`` ->
    ``"two million four hundred seventy-five thousand six hundred sixty-nine"``."""
    if n < 0:
        raise ValueError("number_to_words takes a non-negative integer")
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens - 2] + ("-" + _UNITS[unit] if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _UNITS[hundreds] + " hundred" + (" " + number_to_words(rest) if rest else "")
    for name, scale in sorted(SCALES.items(), key=lambda kv: -kv[1]):
        if scale >= 1000 and n >= scale:
            head, rest = divmod(n, scale)
            return (
                number_to_words(head) + " " + name + (" " + number_to_words(rest) if rest else "")
            )
    raise AssertionError("unreachable")


# --------------------------------------------------------------------------- the value object


@dataclass(frozen=True)
class Quantity:
    """One figure stated in an article.

    Attributes:
        article_id: the article it is stated in.
        value: the number as stated (a range's midpoint is not invented: for "8 to 10" the
            value is None and ``low``/``high`` hold 8 and 10).
        low, high: bounds: a range's ends, else None.
        qualifier: how the outlet hedged it: about, some, more than, over, up to, at least,
            nearly, record... or None.
        unit: normalised unit: ``km``, ``USD``, ``%``... or None for a plain count.
        text: the verbatim surface, qualifier and unit included (``article.text[start:end]``).
        start, end: character span in ``article.text`` (in ``article.title`` when
            ``in_title``).
        sentence: index of the sentence it lies in (-1 if the article has no sentences).
        measure: what is counted, a short phrase from the words around the figure; "" when
            those words say nothing of it (a pronoun: "86 percent of them"; a word that
            stresses it: "only 24 percent"; a span of time: "for the past 40 years"; a name
            it sits in: "the Gang of Eight bill"): a figure with no measure is not compared.
        period: the time the figure covers ("November", "fiscal year 2023", "2023") or None.
        per: for a rate, the time unit it is per ("day", "week"...), else None.
        record: whether the outlet calls it a record.
        step: the place value of the last significant digit (rounding the figure implies).
        frame: how the sentence frames the figure, when it is not a plain statement of what
            was counted or measured: ``capacity`` ("built for 15,000 vehicles a day"),
            ``maximum`` ("can dive to 500 m", "a maximum of"), ``expected`` (a forecast, a
            plan, an estimate of what will be), ``hypothetical`` ("if it sank 20 m"),
            ``date_offset`` (the distance of a relative date: "three weeks after"). None for
            a plain statement.
        scope: ``part`` for a figure that is part of a larger count ("10 other people",
            "13 of the 19 parks", "including 120,000 minors"), ``total`` for one said to be a
            total ("in total 35 fire tenders"), else None.
        head: the noun the figure counts or measures, as written ("crew members", "depth",
            "vehicles", "age"), or "" when the text does not say it plainly.
        verb: the verb the figure is the object of, as written ("employs 230 people" ->
            "employs", "forcing 150 people from their homes" -> "forcing"), or "".
        subject: the names in the figure's clause before it, lower-cased ("Pete Buttigieg
            raised $24.7 million" -> "pete buttigieg"): whose amount it is, or "".
        names: the names spaCy found anywhere in the figure's sentence (people and
            organisations), folded and lower-cased, in text order without repeats ("Last year
            his team, part of Auckland Transport, spent $135,000" -> ("auckland transport",)):
            who the sentence is about, wherever the parse puts them.
        expense: whether the figure is money paid out ("costing the city $2 million", "the
            city spent $2.5 million", an expense verb right before it) and the only such
            amount its article gives for its period (see :func:`_mark_expenses`): then
            whoever paid, named in its sentence, says what it counts better than its nouns.
        clause: the content words of the figure's sentence, the figure's own left out,
            lower-cased ("The city says the affected servers held property tax records for
            about 41,000 residents" -> "city affected servers held property tax records
            residents"): what the sentence says around it.
        carried_from: for a figure whose sentence only points back at what it counts ("Last
            year it was 30"), where the figure it took its measure from starts in the text
            (see :func:`_carry_measures`); else -1.
        vague: a scale with no number ("billions of dollars", "hundreds of protesters",
            "tens of thousands"): ``low``/``high`` hold the order of magnitude it names, but it
            states no measurement that another figure could agree or disagree with.
        in_title: whether the figure is stated in the article's title, not its text (see
            :func:`extract_quantities`): ``start``/``end`` then index the title.
        words_before, words_after: up to eight words of its sentence right before the figure
            (its hedge included) and right after it (its unit left out), folded, apostrophes
            made straight: how the outlet leads up to the figure and goes on from it ("i've
            been preaching to the president for"), to see two outlets tell one figure in the
            same words.
        poll: the poll or survey the figure is told of (:func:`poll_of`): None when its
            sentence and those of its paragraph before it mention none, "" when they mention
            one but name none or several, else the pollster's name, lower-cased ("cbs news",
            "washington post/abc news").
        places: the places (spaCy's GPE: countries, states, cities) named in the figure's
            sentence, else in the nearest of up to :data:`PLACE_LOOKBACK` sentences of its
            paragraph before it that names one, as :func:`place_name` gives them, in text order
            ("Japan's infections rose above 1,000. Twelve people have died." -> ("japan",)):
            where the count was made, as far as the text says; when nothing near names one,
            the place the article names most (at least twice, more than any other), else ().
        giver: for a sum of money given (the object of a verb of giving,
            :data:`en.GIVING_VERBS`: "The City of Porthaven will put in €15 million",
            "Germany pledged $500 million", "€180 million will be provided by the state"), who
            gives it, as written without its article ("City of Porthaven", "Germany",
            "state"), read from the dependency parse of its sentence: the grammatical
            subject, or the agent of a passive, or a name after "from" in the sum's own words
            ("€180 million from the State"; a name of several words that holds the subject,
            when spaCy found one: "the concession company Northgate Infrastructure Partners"
            -> "Northgate Infrastructure Partners"), else "" (see :func:`_gift_of` for what is
            no giver). Only when it is the one
            sum its article tells that giver gives (:func:`_one_sum_per_giver`): then the
            figure measures what that giver gives, and is compared only with sums of the
            same giver (:mod:`corroborate.compare.numbers`).
        gift: with a giver, the noun of what the verb says is given: "contribution",
            "payment", "spending", "investment" or "loan" (a loan is never a gift); else "".
        gift_for: with a giver, what the sum's own words after it say it is ("€2 billion in
            aid" -> "in aid", "$750 million for roads" -> "for roads"), else "". With a
            giver, ``step`` is the unit the sum is written in (:func:`_decided_step`).
    """

    article_id: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    text: str
    start: int
    end: int
    sentence: int
    measure: str
    period: str | None
    per: str | None = None
    record: bool = False
    step: float = 1.0
    frame: str | None = None
    scope: str | None = None
    head: str = ""
    verb: str = ""
    subject: str = ""
    names: tuple[str, ...] = ()
    expense: bool = False
    clause: str = ""
    carried_from: int = -1
    vague: bool = False
    words_before: str = ""
    words_after: str = ""
    in_title: bool = False
    poll: str | None = None
    places: tuple[str, ...] = ()
    giver: str = ""
    gift: str = ""
    gift_for: str = ""

    @property
    def number(self) -> float:
        """The value, or a range's midpoint, for comparisons."""
        if self.value is not None:
            return self.value
        assert self.low is not None and self.high is not None
        return (self.low + self.high) / 2


# --------------------------------------------------------------------------- context rules

_MONTH_ALT = en.MONTH_PATTERN  # every pattern it goes into ignores case
_WEEKDAYS = "(?:" + "|".join(en.WEEKDAYS) + ")"

_QUALIFIERS = en.QUANTITY_QUALIFIERS
_QUALIFIER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(" + "|".join(p for p, _ in _QUALIFIERS) + r")\s*$", re.IGNORECASE
)
_QUALIFIER_NAME = {p: q for p, q in _QUALIFIERS}
_RECORD_BEFORE = re.compile(
    r"(?:^|\s)(?:a\s+)?record(?:\s+(?:(?:high|number|total|level)\s+)?of)?\s*$", re.IGNORECASE
)

_CURRENCY_BEFORE = re.compile(rf"(?:^|(?<=[\s(\"“]))({en.CURRENCY_PATTERN})\s?$")
_CURRENCY_CODE = en.CURRENCY_CODES

_UNIT_TABLE = en.UNITS
# a unit an editor put in brackets is a unit too ("for four [years]")
_UNIT_AFTER = re.compile(
    r"(?:[\s-]?|\s?\[(?=[^\]\n]{1,20}\]))(?:"
    + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNIT_TABLE))
    + r")\]?",
    re.IGNORECASE,
)
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second"}
_RELATIVE_AFTER = re.compile(
    r"\s+(?:ago|after|before|later|earlier|since|prior|from\s+now|hence|on)\b", re.IGNORECASE
)
_COMPOUND_TAIL = re.compile(r"-(?:long|wide|high|tall|deep|thick|old|strong|plus)\b", re.IGNORECASE)

_PER = re.compile(
    r"\b(?:(?:a|an|per|each|every)\s+(?P<per>day|week|month|year|hour|minute|night|"
    + "|".join(en.PER_THINGS)
    + r")\b"
    rf"|(?P<adv>{'|'.join(en.RATE_ADVERBS)})\b"
    r"|/\s?(?P<slash>day|week|month|year|hour|hr|yr|d|mo))",
    re.IGNORECASE,
)
_ADVERB_PER = en.RATE_ADVERBS
_SLASH_PER = {"hr": "hour", "yr": "year", "d": "day", "mo": "month"}

_DIALED_BEFORE = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dial(?:s|ed|led|ing|ling)?)\s+(?:to\s+)?$", re.I
)
_LINE_AFTER = re.compile(
    r"[\s-]*(?:hot|help|tip|emergency\s+|phone\s+)?line\b|\s+(?:number|hotline)\b", re.I
)
_IDENTIFIER_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(en.IDENTIFIER_NOUNS)})\.?|#|\bI-|\bUS-|\bSR-)\s?$", re.IGNORECASE
)
_DAY_OF_MONTH_BEFORE = re.compile(rf"\b{_MONTH_ALT}\s*$", re.IGNORECASE)
_DAY_OF_MONTH_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH_ALT}(?![a-z])", re.IGNORECASE
)
_TIME_AFTER = re.compile(
    r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock|hrs\b|GMT\b|UTC\b|[ECMP][SD]?T\b)", re.IGNORECASE
)
_LIST_NUMBER = re.compile(r"^\s*[(]?$")
_PRONOUN_ONE_AFTER = re.compile(
    r"^\s*(?:of\s+(?:us|you|them|those\s+who|these\s+days)\b|another\b|who\b|that\b|which\b|[,.;:!?)]|$|by\s+one\b|day\b|point\b|side\b|"
    r"hand\b|way\b|time\b|thing\b|or\s+(?:two|another|more)\b|and\s+(?:the\s+)?same\b)",
    re.IGNORECASE,
)
_PRONOUN_ONE_BEFORE = re.compile(
    r"\b(?:the|this|that|any|every|each|no|which|some|someone|anyone|no-one|a|at|as|"
    r"little|last|only|another)\s+$",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- measure / period

_STOP_MEASURE = en.MEASURE_STOP_WORDS
_RELATIVE_PRONOUNS = {"who", "that"}
_NP_PREPOSITIONS = en.NOUN_PHRASE_PREPOSITIONS
_DETERMINERS = en.MEASURE_DETERMINERS
_VERB_LIKE = re.compile(
    r"^(?:\w+ed|left|fled|went|came|made|took|got|attempt|attempts|try|tries|enter|entered|"
    r"cross|crosses|live|lives|remain|remains|died|die|fled|flee|work|works|arrive|arrive[sd]|"
    r"face|faces|need|needs|seek|seeks|wait|waits|hold|held)$",
    re.IGNORECASE,
)
_ADVERB = re.compile(r"^[a-z]{3,}ly$")
_PARTICIPLE = re.compile(r"^[a-z]+(?:ed|ing)$|^(?:left|held|made|taken|seen|born|killed)$")
_WORD_RE = re.compile(
    r"\d[\d,.]*\d|[^\W_]+(?:[-'’.][^\W_]+)*|[,;:()\[\]—–\"“”!?]|\.|(?<=\s)-(?=\s)", re.UNICODE
)  # a hyphen between spaces is a dash ("there were 23 - costing ..."): it ends a phrase
_TEMPORAL_START = re.compile(
    rf"^(?:in|on|at|during|by|since|for|until|through|throughout|as\s+of)?\s*"
    rf"(?:{_MONTH_ALT}(?![a-z])|{_WEEKDAYS}|(?:19|20)\d\d\b|fiscal\b|the\s+(?:end|start|"
    rf"beginning|first|second|third|last|past|previous|same)\b|last\b|this\b|next\b|recent\b|"
    rf"early\b|late\b|mid\b|a\s+(?:day|week|month|year)\b|each\b|every\b"
    # "six days in a row", "sold for $510,000 the day before": when, not what
    rf"|a\s+row\b|the\s+(?:day|night|week|weekend|month|year|morning|evening)\s+(?:before|after)\b)",
    re.IGNORECASE,
)
_NUMBER_OF_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:total\s+)?(?:number|count|total|tally|figure|toll)\s+of\s+", re.IGNORECASE
)
# A stretch of time counted back or on from a happening ("a few weeks ago", "two days
# earlier", "a couple of months later"): when a figure was, never what it counts.
_SPAN_COUNT = "|".join(
    [r"\d+", "an?", *en.NUMBER_WORDS[1:13], *(c.replace(" ", r"\s+") for c in en.VAGUE_COUNTS)]
)
_TIME_AGO = (
    rf"\b(?:{_SPAN_COUNT})\s+(?:hours?|days?|weeks?|months?|years?|decades?)\s+"
    r"(?:ago|earlier|later|back)\b"
)
_TIME_AGO_START = re.compile(rf"^{_TIME_AGO}", re.IGNORECASE)
# How many hours, days... a stretch of time up to now is told in ("the past 24 hours", "the
# last two days", "the past few weeks"): a number, not "a" ("the past a day" is no English).
_WINDOW_COUNT = "|".join(
    [r"\d+", *en.NUMBER_WORDS[2:13], *(c.replace(" ", r"\s+") for c in en.VAGUE_COUNTS), "few"]
)


def _noun_phrase(
    words: list[tuple[str, int, int]], max_words: int = 9, object_of: str = ""
) -> list[str]:
    """The leading noun phrase of a word list: stops at punctuation, a verb, a clause word
    or a time expression; keeps prepositional phrases ("at the southern border") and a list
    of names a preposition's object opens (:func:`_name_list_end`). ``object_of`` is the
    preposition the words follow, when the phrase is its object."""
    out: list[str] = []
    i = 0
    while i < len(words) and len(out) < max_words:
        w = words[i][0]
        low = w.lower()
        if not re.match(r"[^\W_]", w):
            end = _name_list_end(out, words, i, object_of=bool(object_of))
            if end:  # "invested in Guatemala, Honduras and Haiti": the list, not its first
                out.extend(x[0] for x in words[i:end])
            break
        rest = " ".join(x[0] for x in words[i : i + 4])
        temporal_prep = low in (
            "at",  # "at the end of 2022"
            "in",
            "on",
            "during",
            "by",
            "for",
            "since",
            "until",
            "through",
            "over",
        )
        if (temporal_prep or not out) and _TEMPORAL_START.match(rest):
            break  # "in November", "last week": the period, not the measure
        if _TIME_AGO_START.match(" ".join(x[0] for x in words[i : i + 6])):
            break  # "thousands of apprehensions daily a few weeks ago": when, not what
        pm = _PER.match(rest)
        if pm and out:
            # "11,000 apprehensions a day at the southern border": skip the rate, go on
            skip = len(_WORD_RE.findall(pm.group(0)))
            i += skip
            continue
        if low in _STOP_MEASURE or pm or re.match(r"^\d", w):
            break
        if low in _RELATIVE_PRONOUNS and out:
            break
        if _is_pronoun(w) and not (out and out[0].lower() in _RELATIVE_PRONOUNS):
            # "the colorful signs she printed", "30 percent of voters saying they ...": a
            # clause of its own starts; the verb cut before it goes too, and a word alone
            # before an object pronoun is its verb ("9 percent found it ...")
            if len(out) == 1 and out[0].islower() and low in _OBJECT_PRONOUNS:
                out.pop()
            while out and (
                (_PARTICIPLE.match(out[-1]) and out[-1].lower() not in en.ING_NOUNS)
                or out[-1].lower() in _SPEECH
            ):
                out.pop()
            break
        if (
            out
            and w[0].islower()
            and _VERB_LIKE.match(w)
            and out[-1].lower() not in _NP_PREPOSITIONS
        ):
            break
        out.append(w)
        i += 1
    while out and (out[-1].lower() in _NP_PREPOSITIONS or out[-1].lower() in _DETERMINERS):
        out.pop()
    return out


_OBJECT_PRONOUNS = frozenset({"him", "them", "us", "me", "it", "you"})
_LIST_MAX_WORDS = 24


def _name_list_end(
    out: list[str], words: list[tuple[str, int, int]], i: int, object_of: bool = False
) -> int:
    """Where a list of names that the phrase's last name opens ends, when ``words[i]`` is the
    comma after that name: ``, Name, Name and Name`` (names are capitalised words, "El
    Salvador" one of them), closed by "and" or "or"; 0 when no such list follows. Only after a
    preposition ("in Guatemala, Honduras and Haiti"), so that a clause after a place ("in
    Texas, Abbott and Cruz said") is not read as its list: a preposition's object that goes
    on to a closing "and Name" is a list, and the figure is spread over all of it.
    ``object_of``: the phrase is itself a preposition's object."""
    if not out or not out[-1][:1].isupper():
        return 0
    if not object_of and not any(w.lower() in _NP_PREPOSITIONS for w in out[:-1]):
        return 0
    j = i
    while j < len(words) and j - i < _LIST_MAX_WORDS:
        sep = words[j][0].lower()
        closing = sep in ("and", "or")
        if sep == "," and j + 1 < len(words) and words[j + 1][0].lower() in ("and", "or"):
            closing = True
            j += 1  # the serial comma: ", and Haiti"
        elif sep != "," and not closing:
            return 0
        k = j + 1
        while k < len(words) and words[k][0][:1].isupper() and words[k][0][:1].isalpha():
            k += 1
        if k == j + 1:
            return 0  # a comma or "and" not followed by a name: no list of names
        if closing:
            return k
        j = k
    return 0


def _is_pronoun(word: str) -> bool:
    """Whether a word is a personal pronoun (:data:`en.MEASURE_PRONOUNS`): "US" is a country,
    "i" only a letter."""
    low = word.lower()
    if low == "i":
        return word == "I"
    return low in en.MEASURE_PRONOUNS and word in (low, low.capitalize())


def _names_a_doing(word: str) -> bool:
    """Whether the word after what a figure counts is the verb of what was done to it: a
    regular past or one of the common verbs (:data:`_VERB_LIKE`), or an irregular past not of
    saying ("9 fire tenders were sent to the spot", not "three officials said")."""
    low = word.lower()
    return bool(_VERB_LIKE.match(word)) or (low in en.IRREGULAR_PASTS and low not in _SPEECH)


_SPEECH = frozenset(en.SPEECH_VERBS)


def _clean_measure(words: list[str]) -> str:
    while words and words[0].lower() in _DETERMINERS | _NP_PREPOSITIONS:
        words = words[1:]
    return " ".join(words).replace(" , ", ", ")


def _measure_for(sentence: str, rel_start: int, rel_end: int) -> str:
    """What a figure at ``sentence[rel_start:rel_end]`` counts."""
    after = [(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(sentence, rel_end)]
    if len(after) > 1 and after[0][0].lower() == "of" and _is_pronoun(after[1][0]):
        return ""  # "14 of them", "3,500 of us": what they are was said before
    np_words = _noun_phrase(after)
    if np_words and _sets_the_scene(np_words):
        return ""  # "seven minutes outside the White House": where, not what
    # "... migrants, including some 120,000 minors, crossed the jungle" -> skip the aside
    consumed = len(np_words)
    j = 0
    k = 0
    while k < len(after) and j < consumed:
        if after[k][0] == np_words[j]:
            j += 1
        k += 1
    tail = after[k:]
    if tail and tail[0][0] == "," and len(np_words) <= 2:
        close = next((n for n in range(1, min(len(tail), 16)) if tail[n][0] == ","), None)
        if close is not None and tail[1][0].lower() in ("including", "among", "mostly", "many"):
            tail = tail[close + 1 :]
    relative: list[str] = []
    if tail and tail[0][0].lower() in _RELATIVE_PRONOUNS:
        relative = [tail[0][0]]
        tail = tail[1:]
    verb_phrase: list[str] = []
    if np_words and len(np_words) <= 3 and tail:
        first = tail[0][0]
        aux = first.lower() in ("have", "has", "had", "were", "are", "was", "is")
        verb = 1 if aux else 0  # where the verb is: after the auxiliary, and an adverb
        if verb + 1 < len(tail) and _ADVERB.match(tail[verb][0]):
            verb += 1  # "were forcibly displaced", "recently arrived"
        if first[0].islower() and verb < len(tail) and _names_a_doing(tail[verb][0]):
            take = tail[: verb + 1]
            verb_phrase = relative + [t[0] for t in take]
            obj = _noun_phrase(tail[len(take) :], max_words=8)
            # "attempt to enter irregularly across the border"
            if not obj and len(tail) > len(take) + 1 and tail[len(take)][0].lower() == "to":
                inf = tail[len(take) : len(take) + 2]
                verb_phrase += [t[0] for t in inf]
                rest = tail[len(take) + 2 :]
                if rest and rest[0][0].lower().endswith("ly"):
                    verb_phrase.append(rest[0][0])
                    rest = rest[1:]
                obj = _noun_phrase(rest, max_words=8)
            verb_phrase += obj
            nxt = tail[len(take)][0] if len(take) < len(tail) else ""
            if not obj and (nxt.lower() in en.VERB_PARTICLES or _is_pronoun(nxt)):
                # "the two candidates dialed down ...", "41 percent of drivers backed it":
                # the verb cut short says nothing of what was done
                verb_phrase = []
    measure = _clean_measure(np_words + verb_phrase)
    if measure and len(np_words) >= 1:
        return measure
    # "the number of migrants apprehended in the sector ... was just over 9,000"
    before = sentence[:rel_start]
    found = list(_NUMBER_OF_BEFORE.finditer(before))
    if found:
        words = [
            (w.group(0), w.start(), w.end()) for w in _WORD_RE.finditer(before, found[-1].end())
        ]
        phrase = _noun_phrase(words, max_words=10)
        if not phrase:
            pass
        else:
            # allow a participle right after the head noun: "migrants apprehended in ...",
            # "migrants currently travelling in a caravan"
            n = len(phrase)
            adverb = n < len(words) and words[n][0].lower().endswith("ly")
            k = n + 1 if adverb else n
            if k < len(words) and _PARTICIPLE.match(words[k][0]):
                more = _noun_phrase(words[k + 1 :], max_words=6)
                phrase = phrase + [w[0] for w in words[n : k + 1]] + more
            return _clean_measure(phrase)
    # money with no noun after it: "$180 million will be invested in ..." -> "invested in ..."
    money = re.match(
        r"\s*(?:will|would|is|are|was|were|has|have|had)\s+(?:be\s+|been\s+)?(\w+ed)\s+"
        r"(in|for|on|to|into)\s+",
        sentence[rel_end:],
        re.IGNORECASE,
    )
    if money:
        words = [
            (w.group(0), w.start(), w.end())
            for w in _WORD_RE.finditer(sentence, rel_end + money.end())
        ]
        obj = _noun_phrase(words, max_words=4, object_of=money.group(2))
        return " ".join([money.group(1), money.group(2), *obj]).replace(" , ", ", ")
    # otherwise the subject words just before: "encounters totaled 235,173"
    return _subject_before(before)


def _sets_the_scene(np_words: list[str]) -> bool:
    """Whether the words read after a figure tell where or in what setting it stands, not
    what it counts: a place preposition first ("outside the White House", "among likely
    voters", "at stake"), or "in" and a doing ("$250 million in fixing up the resort")."""
    first = np_words[0].lower()
    if first in en.SETTING_PREPOSITIONS:
        return True
    return (
        first == "in"
        and len(np_words) > 1
        and np_words[1].lower().endswith("ing")
        and np_words[1].lower() not in en.ING_NOUNS
    )


# Words that, alone right before a figure, say nothing of what it counts: a verb of saying or
# of amounting to ("they were saying six", "totaling $12,500"), a negation or a share word
# ("60,000 cars a day, not 40,000", "pay the whole €250 million", "for its part 15 million").
_NOT_A_MEASURE_ALONE = (
    frozenset(en.SPEECH_VERBS)
    | frozenset(en.COUNT_VERBS)
    | {"saying", "totaling", "totalling", "amounting", "not", "whole", "part", "entire", "full"}
)


def _subject_before(before: str) -> str:
    """What a figure counts, read back from it as the subject of its verb, up to four words
    ("encounters totaled 235,173" -> encounters); "" when a pronoun stands there ("Last year
    it was 30", "there were 23": what they count was said before, not here).

    Also "" when the words before make the figure a stretch of time or a rank ("for the past
    40 years", "a child's first 18 years", :data:`en.SPAN_WORDS_BEFORE`), and when all that
    is read is one word right before the figure, no link word between, that is no verb of
    what was done with it (those are kept: "will spend €180 million", "burned 12,400 acres"):
    a verb of saying or amounting to ("were saying six", "totaling $12,500"), a negation
    ("not 40,000"), the one whose share it is ("Trump's 34 percent"), a word that stresses it ("Only 24 percent", "a solid 50 percent",
    :data:`en.FOCUS_WORDS`, always passed over) -- none says what it counts. A subject that is
    a pronoun ("you borrow $12,000") leaves it empty too."""
    words = [w.group(0) for w in _WORD_RE.finditer(before)]
    back: list[str] = []
    linked = False  # a link word or preposition was passed over
    for w in reversed(words):
        low = w.lower()
        if not re.match(r"[^\W_]", w) or re.match(r"\d", w):
            break
        if not back and not linked and low in en.SPAN_WORDS_BEFORE:
            return ""
        if low in en.FOCUS_WORDS:
            continue
        if low in en.MEASURE_LINK_WORDS:
            if back:
                break
            linked = True
            continue
        if low in en.STAND_IN_SUBJECTS and (not back or _is_pronoun(w)):
            return ""
        if not back and low in _NP_PREPOSITIONS:
            linked = True
            continue  # "married for 21 years": what was done, not "married for"
        if low in _STOP_MEASURE or low in _DETERMINERS:
            break
        back.insert(0, w)
        if len(back) >= 4:
            break
    lone = len(back) == 1 and not linked
    if lone and (back[0].lower() in _NOT_A_MEASURE_ALONE or re.search(r"['’]s?$", back[0])):
        return ""
    return _clean_measure(back)


_PERIOD = re.compile(
    rf"(?P<fy>(?:the\s+)?(?:(?:19|20)\d\d\s+fiscal\s+year|fiscal\s+(?:year\s+)?(?:19|20)\d\d|FY\s?(?:19|20)?\d\d)\b)"
    rf"|(?P<monthyear>\b{_MONTH_ALT}(?![a-z])(?:\s+of)?\s+(?:19|20)\d\d\b)"
    rf"|(?P<month>\b(?:in|during|for|of|since|through|by)\s+(?:(?:early|late|mid-?)\s*)?{_MONTH_ALT}(?![a-z])|\b{_MONTH_ALT}(?=['’]s\b|\s+(?:numbers|figures|total|totals|data|count|tally))"
    rf"|^{_MONTH_ALT}(?=\s+(?:numbers|figures|total|data))|\b(?:last|this|next)\s+{_MONTH_ALT}(?![a-z]))"
    rf"|(?P<year>\b(?:in|during|for|of|since|through|by|at\s+the\s+end\s+of|the\s+end\s+of|end\s+of)\s+(?:late\s+|early\s+|mid-?)?(?:19|20)\d\d\b)"
    rf"|(?P<ago>{_TIME_AGO})"
    # a stretch of time up to now: "in the past 24 hours", "over the last two weeks"
    rf"|(?P<window>\bthe\s+(?:past|last|previous|preceding)\s+(?:(?P<count>{_WINDOW_COUNT})\s+)?"
    rf"(?P<unit>hours?|days?|weeks?|months?|years?|decades?)\b)"
    rf"|(?P<rel>\b(?:last|this|next|the\s+past|the\s+previous)\s+(?:week|month|year|weekend|quarter|season)\b|\b(?:so\s+far\s+)?this\s+(?:week|month|year|season)\b|\btoday\b|\byesterday\b)"
    rf"|(?P<now>\b(?:now|currently|at\s+present|these\s+days)\b)"
    # a time clause of its own: "Before the bridge shut, ...", "Before it closed, ..."
    rf"|(?P<relative>\b(?:before|after|since|until|prior\s+to)\s+(?:the|it|its|this|that)\s+"
    rf"[a-z]+(?:\s+[a-z]+)?(?=,))",
    re.IGNORECASE,
)


def _window_name(count: str | None, unit: str) -> str:
    """A stretch of time up to now, one name however it is worded: "the last 24 hours" and
    "the past 24 hours" are "past 24 hours", "the past two weeks" is "past 2 weeks", "the
    past week" is "past week", "the past few days" is "past few days"."""
    unit = unit.lower()
    if not count:
        return f"past {unit}"
    words = " ".join(count.lower().split())
    value = parse_number(words) if words not in (*en.VAGUE_COUNTS, "few") else None
    told = words if value is None else f"{value:g}"
    return f"past {told} {unit}"


def _month_name(text: str) -> str:
    m = re.search(_MONTH_ALT, text, re.IGNORECASE)
    assert m
    key = m.group(0).lower().rstrip(".")[:3]
    return next(name for name in en.MONTHS if name.startswith(key)).capitalize()


def _normalise_period(m: re.Match[str], sentence: str) -> str:
    text = m.group(0)
    if m.group("fy"):
        year = re.search(r"(?:19|20)\d\d|\d\d", text.split("FY")[-1] if "FY" in text else text)
        assert year
        y = year.group(0)
        return f"fiscal year {y if len(y) == 4 else '20' + y}"
    if m.group("monthyear"):
        year = re.search(r"(?:19|20)\d\d", text)
        assert year
        return f"{_month_name(text)} {year.group(0)}"
    if m.group("month"):
        name = _month_name(
            re.sub(
                r"^(?:in|during|for|of|since|through|by)\s+(?:early|late|mid-?)?\s*",
                "",
                text,
                flags=re.IGNORECASE,
            )
        )
        prefix = re.match(r"(last|this|next)\s", text, re.IGNORECASE)
        if prefix:
            return f"{prefix.group(1).lower()} {name}"
        # "In 2022, encounters totaled 235,173 in November" -> November 2022
        year = re.search(
            r"\b(?:in|during)\s+((?:19|20)\d\d)\b(?!\s+fiscal)", sentence, re.IGNORECASE
        )
        return f"{name} {year.group(1)}" if year else name
    if m.group("year"):
        year = re.search(r"(?:19|20)\d\d", text)
        assert year
        if re.search(r"end", text, re.IGNORECASE):
            return f"end of {year.group(0)}"
        return year.group(0)
    if m.group("window"):
        return _window_name(m.group("count"), m.group("unit"))
    if m.group("now"):
        return "now"
    if m.group("relative"):
        return re.sub(r"\s+", " ", text.lower())  # "before the bridge shut"
    return re.sub(r"\s+", " ", text.lower().replace("so far ", ""))


# A time phrase right after one of these dates that happening ("founded in 1971", "built in
# 1990", "a process that began in May"), not a figure named elsewhere in the sentence. An
# ending is left out: "650 courses have closed since 2006" counts from then.
_DATED_EVENT = re.compile(
    r"\b(?:founded|established|built|opened|born|formed|created|launched|incorporated|set\s+up|"
    r"started|began|begun|elected|appointed|acquired|bought|renamed|merged)\s+$",
    re.IGNORECASE,
)
# A relative clause after the figure tells of something else, at its own time.
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom|whose|where|when)\b", re.IGNORECASE)


def _closed_aside(sentence: str, start: int, end: int, figure: int) -> bool:
    """Whether the time phrase at ``sentence[start:end]`` lies in a relative clause set off
    by commas that closes before the figure at ``figure``, the main clause's auxiliary
    right after it ("Northgate, which has run the bridge since 2009, will contribute $45
    million": the running's time, not the sum's). Not a list's commas ("which last year
    earned $7.9 billion with fuel imports, ethanol trading and ..."), nor a condition the
    relative clause opens ("which, if paid by April of next year, will include 8 percent":
    the figure is the clause's own)."""
    opening = None
    for m in _RELATIVE_CLAUSE.finditer(sentence, 0, start):
        opening = m
    if opening is None or "," in sentence[opening.end() : start]:
        return False
    first = re.match(r"[\s,]*(\w+)", sentence[opening.end() : start])
    if first and first.group(1).lower() in en.TIME_CLAUSE_MARKS | {"if", "unless", "though"}:
        return False
    closing = sentence.find(",", end, figure)
    if closing < 0:
        return False
    after = re.match(r"\s*(\w+)", sentence[closing + 1 : figure])
    return after is not None and after.group(1).lower() in en.GIVING_AUXILIARIES


# A clause of its own between a time phrase and a figure: the time is that clause's.
_OTHER_CLAUSE = re.compile(
    r"[,;]\s+(?:as|while|whereas|but|although|though|because|since|when|after|before)\s",
    re.IGNORECASE,
)
# A speech verb right after a time phrase: the phrase dates the saying ("today predicts").
_SPOKEN_AT = re.compile(
    rf"\s*(?:(?:{'|'.join(en.SPEECH_VERBS)}|predicts|forecasts|announces|estimates)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _TimePhrase:
    """A time phrase of a sentence: where it lies, its normalised name, whether it frames every
    figure of the sentence (a fiscal year), and whether it is a day or period relative to the
    telling ("today", "last week": the day of a saying when a speech verb follows)."""

    start: int
    end: int
    name: str
    frames: bool = False
    relative: bool = False


@lru_cache(maxsize=256)
def _time_phrases(sentence: str) -> tuple[_TimePhrase, ...]:
    """The time phrases of a sentence, found once for all the figures it holds: a range of
    dates as one period ("from 2009 to 2013", "between January and April", "September
    16-19", :func:`corroborate.date_expressions.find_date_ranges` reads them), then the
    other phrases that lie outside the ranges."""
    ranges = [
        _TimePhrase(e.start, e.end, *_range_name(e.groups)) for e in find_date_ranges(sentence)
    ]
    others = [
        _TimePhrase(
            m.start(),
            m.end(),
            _normalise_period(m, sentence),
            frames=bool(m.group("fy")),
            relative=bool(m.group("rel")),
        )
        for m in _PERIOD.finditer(sentence)
        if not any(r.start < m.end() and m.start() < r.end for r in ranges)
    ]
    return tuple(sorted(ranges + others, key=lambda p: p.start))


def _range_name(groups: dict[str, str | None]) -> tuple[str, bool]:
    """A range of dates' name as a period ("October 2022 – September 2023", "2009 – 2013",
    "January – April", "September 16, 2016 – September 19, 2016", "12 months to September
    2023"; "fiscal year 2023" for October to September of the next year), and whether it
    frames every figure of its sentence (a span of whole months of named years, as a fiscal
    year does)."""

    def point(end: str) -> str:
        month, day, year = (groups.get(f"{end}_{k}") for k in ("month", "d", "y"))
        if not month:
            return year or ""
        name = _month_name(month) + (f" {int(day)}" if day else "")
        return name + ((", " if day else " ") + year if year else "")

    if groups.get("window"):
        count, unit = int(groups.get("count") or 1), groups["window"] or ""
        length = f"{count} {unit}s" if count > 1 else unit  # "12 months", "year"
        return f"{length} to {point('b')}", False
    months = all(groups.get(f"{end}_month") and groups.get(f"{end}_y") for end in "ab")
    whole_months = months and not (groups.get("a_d") or groups.get("b_d"))
    if whole_months:
        first, last = _month_name(groups["a_month"] or ""), _month_name(groups["b_month"] or "")
        y1, y2 = int(groups["a_y"] or 0), int(groups["b_y"] or 0)
        if first == "October" and last == "September" and y2 == y1 + 1:
            return f"fiscal year {y2}", True
    return f"{point('a')} – {point('b')}", bool(whole_months)


def find_period(sentence: str, rel_start: int, rel_end: int) -> str | None:
    """The time a figure at ``sentence[rel_start:rel_end]`` covers: the nearest time phrase
    of its sentence (a fiscal year, a month, a year, "last week"...), normalised.

    >>> find_period("Encounters totaled 242,418 in November.", 19, 26)
    'November'
    """
    best: tuple[int, str] | None = None
    for m in _time_phrases(sentence):
        # a time phrase inside the figure itself is not its period
        if m.start < rel_end and m.end > rel_start:
            continue
        gap = m.start - rel_end if m.start >= rel_end else rel_start - m.end
        if m.start >= rel_end and _RELATIVE_CLAUSE.search(sentence, rel_end, m.start):
            continue  # "the 1,200-metre span, which opened in 1974": another clause's time
        if m.end <= rel_start and _closed_aside(sentence, m.start, m.end, rel_start):
            continue  # "Northgate, which has run it since 2009, will pay $45 million"
        if _DATED_EVENT.search(sentence, 0, m.start):
            # "a company founded in 1971, employs 230 people", "prepared 52,000 pages, a
            # process that began in May": the founding's or the beginning's time
            continue
        if m.relative and _SPOKEN_AT.match(sentence, m.end, m.end + 16):
            continue  # "GasBuddy today predicts that ...": when it was said
        between = sentence[min(rel_end, m.end) : max(rel_start, m.start)]
        if _OTHER_CLAUSE.search(between):
            continue  # "the hackers who struck this week, as the council said 38,000 ..."
        if m.frames:
            gap -= 60  # a fiscal year named in the sentence frames every figure in it
        # a clause boundary between a figure and a time phrase weakens the link
        gap += 40 * between.count(";") + 25 * between.count(", ")
        if best is None or gap < best[0]:
            best = (gap, m.name)
    return best[1] if best else None


# --------------------------------------------------------------------------- extraction


def _significant_step(digits: str, scale: float, is_words: bool) -> float:
    """The rounding a figure's writing implies: ``2.4 million`` -> 100,000; ``11,000`` -> 1,000;
    ``242,418`` -> 1; a number under 100 is exact ("10 years old", "40 people")."""
    if is_words:
        return scale if scale > 1 else 1.0
    plain = re.sub(r"[^\d.]", "", digits)
    if "." in plain:
        decimals = len(plain.split(".")[1])
        return scale / (10**decimals)
    if scale == 1 and plain and int(plain) < 100:
        return 1.0
    stripped = plain.rstrip("0")
    zeros = len(plain) - len(stripped) if stripped else 0
    return scale * (10**zeros)


@dataclass
class _Raw:
    value: float
    start: int
    end: int
    text: str


def _raw_numbers(text: str) -> list[_Raw]:
    """Every number of ``text`` by its value, bar those inside a span that is no quantity (a
    phone number, a time stamp, an address, a score: :func:`_not_quantity_spans`)."""
    out: list[_Raw] = []
    blocked = _not_quantity_spans(text)
    for m in _PHRASE.finditer(text):
        glued = m.start() > 0 and re.match(r"[A-Za-z\-−]", text[m.start() - 1])
        if glued and not _GLUED_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "COVID-19", "F16", "$US" glued to nothing we know
        for value, s, e in _segments(m.group(0)):
            a, b = m.start() + s, m.start() + e
            # a leading "a"/"an"/"half a" belongs to the figure
            lead = re.search(r"(?:\b(?:half\s+)?an?\s+)$", text[m.start() : a], re.IGNORECASE)
            if lead and s > 0:
                a = m.start() + lead.start()
            if _LONE_SCALE.fullmatch(text[a:b]) or any(x < b and a < y for x, y in blocked):
                continue  # "trillion" alone is no figure ("$US113 trillion" read without $US)
            out.append(_Raw(value, a, b, text[a:b]))
    return out


_LONE_SCALE = re.compile(rf"{_SCALE}|dozen", re.IGNORECASE)
# Numbers that are not quantities, as whole spans: the parts of a time stamp, a phone number, a
# street address or a postcode, an identifier with its suffix ("ISO 3888-2"), a season
# ("2014-15") and a score ("beat Charlton 2-1").
_ISO_STAMP = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\b(?:19|20)\d\d[-–/]\d\d\b(?![-–/.]\d)"
)
_PHONE = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[\s.-]?)?(?:1[\s.-])?(?:\(\d{3}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w])"
    r"|(?<![\w.,])\+\d{1,3}(?:[\s.-]\d{2,5}){2,4}(?![\w])"
)
_ADDRESS = re.compile(
    r"(?<![\w,.$€£])\d{1,5}[A-Z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}"
    rf"(?:{'|'.join(en.STREET_WORDS)})\b\.?"
    r"|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"
    r"|\b\d{2,6}\s+block\s+of\b"
)
_IDENTIFIER_SPAN = re.compile(
    rf"\b(?:{'|'.join(en.IDENTIFIER_NOUNS)})\.?\s?#?\d+(?:[-/]\w+)+",
)
_PAIR = re.compile(
    r"(?<![\w.,/-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\w/]|[.,]\d|\s*(?:%|percent|per\s?cent))"
)
_SCORE_WORD = re.compile(rf"\b(?:{'|'.join(en.SCORE_WORDS)})\b", re.IGNORECASE)


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around its digits (40 characters before, 30 after, merged):
    where a phone number, an address or a score can be, read in place of the whole text."""
    windows: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(text):
        start, end = max(0, m.start() - 40), min(len(text), m.end() + 30)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


_DIGIT_RUN = re.compile(r"\d+")


def _not_quantity_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` whose digits are no quantity (see ``_ISO_STAMP`` and the patterns
    after it); a pair "3-1" is a score when it is not written low to high, or when a word
    of winning, losing or voting stands near it; a range of dates ("2008-9", "Sept. 16-19",
    :func:`corroborate.date_expressions.find_date_expressions`) is dates."""
    windows = _digit_windows(text)
    spans = [
        (m.start(), m.end())
        for start, end in windows
        for pattern in (_ISO_STAMP, _PHONE, _ADDRESS, _IDENTIFIER_SPAN)
        for m in pattern.finditer(text, start, end)
    ]
    pairs = (m for start, end in windows for m in _PAIR.finditer(text, start, end))
    for m in pairs:
        near = text[max(0, m.start() - 40) : m.end() + 40]
        if int(m.group(1)) >= int(m.group(2)) or _SCORE_WORD.search(near):
            spans.append((m.start(), m.end()))
    # a range of dates: its days and short years are dates ("2008-9", "Sept. 16-19"); a
    # window's length is a figure ("the 12 months to September")
    spans.extend(
        (e.start, e.end)
        for e in find_date_expressions(text)
        if e.kind == "range" and not e.groups.get("window")
    )
    return spans


def _is_excluded(
    text: str, raw: _Raw, has_unit: bool, currency: str | None, line_start: int
) -> bool:
    """Whether a number is no quantity by what stands around it: a year, a day of a month, a
    time of day, an identifier, a number to call, a list number, the pronoun "one"."""
    before = text[max(0, raw.start - 30) : raw.start]
    after = text[raw.end : raw.end + 30]
    bare_int = re.fullmatch(r"\d+", raw.text) is not None
    if _TIME_AFTER.match(after):
        return True
    if raw.text.lower() == "one" and (
        _PRONOUN_ONE_AFTER.match(after) or _PRONOUN_ONE_BEFORE.search(before)
    ):
        return True
    if not bare_int:
        # "a three-bed apartment", "a six-speed gearbox": a feature, not a count
        fused = re.match(r"-([a-z]+)", after)
        worded_feature = (
            not has_unit
            and re.fullmatch(r"[A-Za-z]+", raw.text)
            and fused
            and fused.group(1) in en.FEATURE_COMPOUNDS
        )
        return bool(worded_feature) or _is_name_number(raw, before)
    if _is_year(raw, before, after, has_unit, currency):
        return True
    if raw.value <= 31 and _is_day_of_month(before, after):
        return True
    if has_unit:
        return False
    # a list number at the start of a line: "1. ", "2) "
    list_number = _LIST_NUMBER.match(text[line_start : raw.start]) and re.match(r"[.)]\s", after)
    return bool(
        _IDENTIFIER_BEFORE.search(before)
        or _DIALED_BEFORE.search(before)  # a number to call ("call 911", "the 311 line")
        or _LINE_AFTER.match(after)
        or list_number
        or (raw.value < 1000 and _is_glued_to_a_name(before, after))
    )


_COUNT_CUE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(en.COUNT_HEDGES)}|(?:average|total|sum|tally|increase|rise|drop|fall|"
    r"decline|gain|loss|cut|number)\s+of)\s+$",
    re.IGNORECASE,
)
_COUNT_RANGE_AFTER = re.compile(
    r"\s*(?:to|-|–)\s*\d{4}\s+(?!(?:" + "|".join(en.YEAR_MODIFIED_NOUNS) + r")\b)[a-z]+s\b"
)
_PLURAL_AFTER = re.compile(r"\s+([a-z]+s)\b(?!['’])")
_TIME_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|by|from|until|till|of|before|after|during|through|between|and|or|"
    r"the|late|early|mid|its|their|his|her|summer|spring|autumn|fall|winter)\s+$",
    re.IGNORECASE,
)


def _is_year(raw: _Raw, before: str, after: str, has_unit: bool, currency: str | None) -> bool:
    """Four bare digits from 1000 to 2100 are a year ("in 2023") unless a hedge ("about 1000
    come from Asia"), a unit, or a plural noun after them ("1000 hires") makes them a count."""
    if len(raw.text) != 4 or not 1000 <= raw.value <= 2100 or currency:
        return False
    if has_unit and not re.match(r"[\s-]*(?:years?|months?|weeks?|days?)\b", after, re.I):
        return False
    if _COUNT_CUE_BEFORE.search(before):
        return False
    if _COUNT_RANGE_AFTER.match(after):
        return False  # "from 1000 to 2000 hires"
    plural = _PLURAL_AFTER.match(after)
    return not (
        plural
        and plural.group(1) not in en.YEAR_MODIFIED_NOUNS
        and not _TIME_PREPOSITION_BEFORE.search(before)
    )


_DAY_RANGE_BEFORE = re.compile(
    rf"\b{_MONTH_ALT}\s*\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-–]|to|and|through)\s*$", re.IGNORECASE
)


def _is_day_of_month(before: str, after: str) -> bool:
    """ "Dec. 27", "27 December", "the 27th of May", and a range's end "Sept. 20-24"."""
    return bool(
        _DAY_OF_MONTH_BEFORE.search(before)
        or _DAY_OF_MONTH_AFTER.match(after)
        or _DAY_RANGE_BEFORE.search(before)
    )


# A name a number is part of: a capitalised word (not a sentence's first, nor a function
# word), "S&P", "iPhone", a single capital ("S P 500").
_NAME_BEFORE = re.compile(r"(?<=[\w,;:&]\s)(?:\b[A-Z][\w&/]*|\b[a-z]+[A-Z]\w*|\b[A-Z]&[A-Z])\s$")
# A name of capitals or with "&" ("FTSE 100", "S&P 500", "iPhone 14") numbers a thing whatever
# follows it.
_CODE_NAME_BEFORE = re.compile(r"(?:\b[A-Z][A-Z&/]+|\b[a-z]+[A-Z]\w*|\b\w+&\w+)\s$")
_FUNCTION_WORD_BEFORE = re.compile(
    r"\b(?:In|On|By|For|With|About|Some|And|Of|At|To|From|Only|All|A|I|Between|Under|Below|"
    r"Above|Except|Just|Exactly|Than|Nearly|"
    rf"The|Over|Nearly|Almost|Around|Than|{_WEEKDAYS})\s$",
    re.IGNORECASE,
)
_COUNT_NOUN_AFTER = re.compile(r"\s+(?!(?:is|was|has|as|this|its|his|does|plus)\b)[a-z]+s\b")


def _is_glued_to_a_name(before: str, after: str) -> bool:
    """A bare number after a name and not before a plural noun names a thing: "Windows 11",
    "Group 7", "the S&P 500", "Stoxx 600 index", "Apple Watch 5 to see"."""
    if _CODE_NAME_BEFORE.search(before):
        return True
    return bool(
        _NAME_BEFORE.search(before)
        and not _FUNCTION_WORD_BEFORE.search(before)
        and not _COUNT_NOUN_AFTER.match(after)
    )


def _is_name_number(raw: _Raw, before: str) -> bool:
    """A capitalised number word inside a name: "the Kick Six", "the Big Ten"."""
    return bool(
        raw.text[:1].isupper()
        and re.fullmatch(r"[A-Za-z-]+", raw.text)
        and _NAME_BEFORE.search(before)
        and not _FUNCTION_WORD_BEFORE.search(before)
    )


def extract_quantities(article: Article) -> list[Quantity]:
    """Every figure stated in ``article.text``, normalised, in text order; then those of its
    title (``in_title``, spans into ``article.title``): a figure a headline alone gives is
    still the article's claim, and cited where it is written. English articles only (none
    for an article in another language).

    A pure function of one article (its ``text``, ``sentences`` and the PERSON ``mentions``
    an age is told of; without sentences the text is split at line breaks and full stops).

    >>> from corroborate.model import Article
    >>> a = Article("a", "a.txt", "", text="Some 2.4 million migrants crossed the border.")
    >>> q = extract_quantities(a)[0]
    >>> q.value, q.qualifier, q.measure
    (2400000.0, 'some', 'migrants crossed the border')
    """
    if article.language != "en":
        # what a figure measures is read from English words: in another language the rules
        # would take a time of day ("21.30 Uhr"), a date ("25 mars") or a word for thousand
        # ("48 tys.") for a count, and set it against other outlets' figures
        return []
    text = article.text
    sentences = _sentence_bounds(article)
    found = [
        q for raw in _raw_numbers(text) if (q := _read_figure(article.id, text, raw, sentences))
    ]
    # a fraction is read whole ("one fourth of"), a vague scale only where no figure is
    worded = _worded_figures(article.id, text, sentences) if article.language == "en" else []
    fractions = [(w.start, w.end) for w in worded if w.value is not None]
    found = [q for q in found if not any(x < q.end and q.start < y for x, y in fractions)]
    taken = [(q.start, q.end) for q in found]
    found += [w for w in worded if not any(x < w.end and w.start < y for x, y in taken)]
    found = _merge_ranges(text, sorted(found, key=lambda q: q.start))
    people = [m for m in article.mentions if m.label == "PERSON"]
    names = [m for m in article.mentions if m.label in _SUBJECT_LABELS]
    lead = _lead_person(text, sentences)
    read = [
        _age_owner(_with_context(text, sentences, q, found), people, lead, text, sentences)
        for q in found
    ]
    polls: dict[int, str | None] = {}  # a sentence's poll, read once for all its figures

    def poll(index: int) -> str | None:
        if index not in polls:
            polls[index] = poll_of(text, sentences, index) if article.language == "en" else None
        return polls[index]

    gpes = [m for m in article.mentions if m.label in _PLACE_LABELS]
    main_place = _main_place(gpes)
    body = _mark_expenses(
        _one_sum_per_giver(
            [
                _replace(
                    _wording(_subject(q, names, text, sentences), text, sentences),
                    poll=poll(q.sentence),
                    places=places_near(text, sentences, q.sentence, gpes) or main_place,
                )
                for q in _carry_measures(read, text, sentences)
            ],
            [m for m in article.mentions if m.label in _SUBJECT_LABELS | _THING_LABELS],
            article,
            sentences,
        )
    )
    return body + _title_figures(article, body)


def _title_figures(article: Article, body: Sequence[Quantity]) -> list[Quantity]:
    """The figures of an article's title that its text does not give (the same value in the
    same unit; for a plain count, also of a thing not told apart: :func:`_heads_alike`), read
    as a text of one line (no sentence of the body: ``sentence`` -1), marked ``in_title``. A
    headline mostly repeats a figure of the text, whose sentence says better what it counts;
    one it alone gives ("Two hurt when snowmobile crashes", over a paywall; "Two hurt as bus
    hits tree" over a text whose only two is of drivers) is still the article's claim. An
    amount with a unit is the text's when the value is ("£32m stadium debt", "a £32 million
    loan"): a headline words it its own way, and one value in one unit is seldom chance. Not
    a vague scale ("forces thousands to flee"): it states no measurement, and a headline's
    few words say too little of what it counts."""
    if not article.title or not article.title.strip():
        return []
    headline = Article(article.id, article.path, "", language=article.language, text=article.title)
    told: dict[tuple[object, ...], list[str]] = {}  # a value -> the heads the text gives it
    for q in body:
        told.setdefault(_stated_value(q), []).append(q.head)
    return [
        _replace(q, in_title=True, sentence=-1)
        for q in extract_quantities(headline)
        if not q.vague
        and not any(q.unit or _heads_alike(q.head, h) for h in told.get(_stated_value(q), ()))
    ]


def _heads_alike(a: str, b: str) -> bool:
    """Whether two figures' heads may name one thing: either says nothing of what it counts
    ("€180m", "€180 million on it"), or their last nouns are one but for a plural ending
    ("300 jobs" and "300 jobs"; "12 dead" and "twelve people": a casualty word's head is
    "people"; not "two hurt" and "two drivers").

    >>> _heads_alike("jobs", "job"), _heads_alike("", "robots"), _heads_alike("jobs", "robots")
    (True, True, False)
    """
    if not a or not b:
        return True
    return _last_noun(a) == _last_noun(b)


def _last_noun(head: str) -> str:
    """A head's last word, folded, without a possessive or a plural ending."""
    return _bare_word(head.lower().split()[-1])


def head_words(head: str) -> frozenset[str]:
    """The content words of a figure's head (:func:`corroborate.text.content_words`), each
    without a possessive or a plural ending: what two plain counts must share to count one kind of thing ("71 delegates
    short" and "67 delegates" share "delegat"; "212,000 packs" and "14 batches" nothing).

    >>> sorted(head_words("pledged delegates")), sorted(head_words(""))
    (['delegat', 'pledged'], [])
    """
    return frozenset(_bare_word(w) for w in content_words(head))


def _bare_word(word: str) -> str:
    """A lower-cased word without a possessive or a plural ending."""
    word = word.removesuffix("'s").removesuffix("’s")
    for ending in ("ies", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + ("y" if ending == "ies" else "")
    return word


def _stated_value(q: Quantity) -> tuple[object, ...]:
    """A figure's value as stated, in its base unit: what a headline and a sentence share
    when they give one figure ("€180m", "€180 million")."""
    b = in_base_unit(q)
    return (b.unit, b.per, b.value, b.low, b.high)


_MONEY_UNITS = frozenset(en.CURRENCY_CODES.values())
_EXPENSE_VERBS = en.EXPENSE_VERBS
EXPENSE_REACH = 3  # words before a figure its expense verb may stand ("costing the city $2m")
_POINT_QUALIFIERS = frozenset({None, "about", "some", "nearly", "just over", "just under"})


def _told_as_expense(q: Quantity) -> bool:
    """Money whose verb, within a few words before it, tells it was paid out ("spent
    $135,000", "costing Auckland Transport 135-thousand-dollars"), stated plainly (no
    forecast, no range, no hedge that makes it a bound: "haven't paid more than $3")."""
    before = q.words_before.split()[-EXPENSE_REACH:]
    return (
        q.unit in _MONEY_UNITS
        and q.value is not None
        and q.qualifier in _POINT_QUALIFIERS
        and q.frame is None
        and q.scope is None
        and not q.vague
        and (q.verb.lower() in _EXPENSE_VERBS or any(w in _EXPENSE_VERBS for w in before))
    )


def _mark_expenses(found: list[Quantity]) -> list[Quantity]:
    """The figures, those told as an expense (:func:`_told_as_expense`) over a stated period
    with a payer named in their sentence marked :attr:`Quantity.expense` -- when they are
    the only one of their article for that period: two amounts paid out last year, and no
    other outlet's amount could say which of the two it is."""
    told = [q for q in found if q.period and _told_as_expense(q)]
    per_period = Counter(q.period for q in told)
    alone = {id(q) for q in told if q.names and per_period[q.period] == 1}
    return [_replace(q, expense=True) if id(q) in alone else q for q in found]


# --------------------------------------------------------------------------- who gives a sum

_GIVING = en.GIVING_VERBS
_NP_DETERMINERS = en.GIVER_DETERMINERS
GIVER_WORDS = 6  # the most words a giver's noun phrase may have ("the City of Porthaven")
# The words of a text, for a sentence's verb of giving (:func:`_has_giving_verb`).
_LETTERS = re.compile(r"[a-z]+")
# A currency, written before a figure ("$", "€", "GBP") or after it ("dollars", "euros"): what
# every sum of money is read from (a sum in words too: "hundreds of thousands of dollars").
_MONEY_MARK = re.compile(
    rf"{en.CURRENCY_PATTERN}|(?i:\b(?:"
    + "|".join(p for p, unit in en.UNITS if unit in set(en.CURRENCY_CODES.values()))
    + "))"
)
# A sum more ("another $4 million", "a further €2 billion"): more than what?
_MORE_BEFORE = re.compile(en.PART_CUES_BEFORE, re.IGNORECASE)
_IN_BRACKETS = re.compile(r"\(\s*(?:[^\W\d_]+\s+)?$")


@dataclass(frozen=True)
class _Gift:
    """Who gives a sum, as written (its article dropped), the noun of what is given, and what
    the sum's own words say it is (see :attr:`Quantity.giver`)."""

    giver: str
    gift: str
    gift_for: str
    article: str = ""  # the giver's article as written ("the"), for the measure's wording


def giver_key(giver: str) -> str:
    """A giver's name folded for comparing: lower case, accents and possessives dropped, one
    space ("City of Porthaven" -> "city of porthaven")."""
    key = fold(giver).lower().replace("’", "'").replace(".", "")
    key = re.sub(r"'s\b|'(?=\s|$)", "", key)
    return " ".join(key.split())


def gift_sentences(article: Article) -> list[int]:
    """The sentences that may tell a sum given: they hold a currency with a figure and a form
    of a verb of giving (:data:`en.GIVING_VERBS`). Only their parse is read for a giver
    (:func:`_gift_of`), so only they are parsed for this stage (English only)."""
    if article.language != "en":
        return []
    return [
        s.index
        for s in article.sentences
        if _has_giving_verb(s.text) and _MONEY_MARK.search(s.text)  # (the cheaper test first)
    ]


def _has_giving_verb(text: str) -> bool:
    """Whether ``text`` holds a form of a verb of giving (:data:`en.GIVING_VERBS`)."""
    return not _GIVING_WORDS.isdisjoint(_LETTERS.findall(text.lower()))


_GIVING_WORDS = frozenset(_GIVING)


def _gift_parses(
    article: Article, sentences: list[tuple[int, int]], found: Sequence[Quantity]
) -> dict[int, Parse]:
    """The parses of the sentences that hold a sum of money and a verb of giving: the
    grammar stage's (``article.parses``, from spaCy's pass where it parsed them), else, for
    an article annotated otherwise (by another pipeline, by hand, or a headline read as a
    text), parsed here from the text, as :func:`corroborate.annotate.parse.parse_text` does."""
    text = article.text
    wanted = sorted(
        {
            q.sentence
            for q in found
            if q.unit in _MONEY_UNITS
            and 0 <= q.sentence < len(sentences)
            and _has_giving_verb(text[slice(*sentences[q.sentence])])
        }
    )
    own = article.parses if [(s.start, s.end) for s in article.sentences] == sentences else {}
    parses = {i: own[i] for i in wanted if i in own}
    missing = [i for i in wanted if i not in own]
    if missing:
        spans = [sentences[i] for i in missing]
        parses.update(zip(missing, parse_spans_of(text, spans), strict=False))
    return parses


def _gift_of(
    q: Quantity, names: Sequence[Mention], text: str, parse: Parse | None, sentence_start: int
) -> _Gift | None:
    """Who gives the sum ``q``, read from its sentence's ``parse``: the subject of the verb of
    giving whose object it is (:data:`en.GIVING_VERBS`; see :attr:`Quantity.giver`), or the
    agent of a passive one whose subject it is ("€7 million will be provided by the
    council"), or the named giver after "from" that the sum's own words give ("€180 million
    from the State"); None otherwise: not money, no parse, no such verb, a sum more ("another
    $4 million"), a negated verb ("will not pay"), a verb another one leads to that commits
    nobody ("refused to pay", "asked the state to provide"), the one paid ("was paid
    $12,000"), "add up to" (amount to), or a subject that names no one giver
    (:func:`_giver_phrase`)."""
    if q.unit not in _MONEY_UNITS or not parse:
        return None
    if _MORE_BEFORE.search(text, max(sentence_start, q.start - 30), q.start):
        return None
    if _IN_BRACKETS.search(text, max(sentence_start, q.start - 20), q.start):
        return None  # "$45 million (about 41 million euros)": the sum told again, converted
    found = _giver_in(parse, q, names)
    if found is None:
        return None
    (giver, article), verb = found
    return _Gift(giver, _GIVING[verb], _gift_for(text[: parse[-1].end], q.end), article)


def _giver_in(
    parse: Parse, q: Quantity, names: Sequence[Mention]
) -> tuple[tuple[str, str], str] | None:
    """The giver of the sum ``q`` in its sentence's parse, with its article, and the verb of
    giving (as written, lower case); None when the parse names none (:func:`_gift_of`)."""
    inside = words_in(parse, q.start, q.end)
    if not inside:
        return None
    node = span_root(parse, inside)
    # "a total of €500 million", "the sum of $2 million": the phrase the sum is the object of
    up = parse[node].head
    if parse[node].dep == "pobj" and parse[up].lemma == "of":
        noun = parse[up].head
        if parse[noun].lemma in en.SUM_NOUNS and noun != up:
            node = noun
    # "spent the entire $30,000 profit", "paid a $5 million fine": the noun it is the sum of
    if parse[node].dep in ("nummod", "compound", "nmod", "amod"):
        noun = parse[node].head
        if parse[noun].dep in ("dobj", "nsubjpass"):  # ("fine" may be read as an adjective)
            node = noun
    dep = parse[node].dep
    up = parse[node].head
    # "will contribute for its part 15 million euros": the verb's object, as it reads, whether
    # the parse hangs the sum on the aside or the aside on the sum
    if dep == "appos" and parse[up].lemma in en.GIVING_ASIDE_NOUNS and parse[up].dep == "pobj":
        dep, up = "dobj", parse[parse[up].head].head
    elif dep == "pobj" and any(
        w.head == node and w.lemma in en.GIVING_ASIDE_NOUNS and w.start < parse[node].start
        for w in parse
    ):
        dep, up = "dobj", parse[up].head
    if dep == "pobj" and parse[up].dep == "prt":  # "put in $4 million", parsed as "in $4m"
        dep, up = "dobj", parse[up].head
    # "paid for with €180 million from the State": the sum a preposition leads
    via = dep == "pobj" and parse[up].lemma == "with" and parse[up].dep == "prep"
    verb = parse[up].head if via else up
    if dep == "appos" or verb == node or parse[verb].text.lower() not in _GIVING:
        return None
    if not is_verb(parse[verb]) or any(w.lemma == "each" and w.head in (node, verb) for w in parse):
        return None  # "$2,700 each": what each of many gives
    written = parse[verb].text.lower()
    if dep == "nsubjpass" or via:  # "€7 million will be provided by the council"
        agent = _child(parse, verb, "agent") if not via else None
        giver = _child(parse, agent, "pobj") if agent is not None else None
        if giver is None:  # "paid for with $12 million from the Harbor Authority"
            giver = _named_from(parse, node, names)
            if giver is None:
                giver = _named_from(parse, verb, names)
        found = _giver_phrase(parse, giver, names) if giver is not None else None
        return (found, written) if found else None
    if dep not in ("dobj", "dative"):
        return None
    if parse[verb].lemma == "add" and (
        q.qualifier == "up to" or _child(parse, verb, "prt", "up") is not None
    ):
        return None  # "would add up to $3 million": amount to
    if parse[verb].lemma == "add" and _adds_to_a_cost(parse, (verb, node)):
        return None  # "would add $4 billion to the deficit": a cost, not a gift
    if _child(parse, verb, "auxpass") is not None or _child(parse, verb, "nsubjpass") is not None:
        return None  # "was paid $12,000": the one paid, not the payer
    subject = _subject_of_giving(parse, verb)
    if subject is None:
        subject = _named_from(parse, node, names)
    if subject is None or subject < 0:
        return None
    found = _giver_phrase(parse, subject, names)
    return (found, written) if found else None


def _adds_to_a_cost(parse: Parse, heads: tuple[int, ...]) -> bool:
    """Whether a "to" phrase hanging on one of ``heads`` (the verb "add", its sum) names a
    total that grows by the sum (:data:`en.COST_TOTALS`: "to the deficit", "to the national
    debt") rather than one it is given to."""
    return any(
        w.dep == "pobj" and w.lemma.lower() in en.COST_TOTALS
        for w in parse
        if parse[w.head].lemma == "to" and parse[w.head].head in heads
    )


def _child(parse: Parse, head: int, dep: str, lemma: str | None = None) -> int | None:
    """The first word hanging on ``head`` by ``dep`` (and of ``lemma``), or None."""
    return next(
        (
            i
            for i, w in enumerate(parse)
            if w.head == head and i != head and w.dep == dep and lemma in (None, w.lemma)
        ),
        None,
    )


def _subject_of_giving(parse: Parse, verb: int) -> int | None:
    """The subject of the verb of giving at ``verb``: its own, or for an infinitive, that of
    the verb that commits it (:data:`en.GIVING_LEAD_VERBS`: "has agreed to pay", "engages
    itself to pay", "is expected to provide"), or for a second verb, that of the first ("will
    repair the road and pay $2 million"). None when it has none; -1 when the giving is
    negated ("will not pay") or led by a verb that commits nobody ("refused to pay", "asked
    the state to provide", "will propose spending")."""
    seen: set[int] = set()
    while verb not in seen:
        seen.add(verb)
        if _child(parse, verb, "neg") is not None:
            return -1
        subject = _child(parse, verb, "nsubj")
        if subject is not None:
            return subject
        word = parse[verb]
        head = parse[word.head]
        if word.dep == "xcomp" or (word.dep == "advcl" and word.tag == "VB"):
            if head.text.lower() not in en.GIVING_LEAD_VERBS:
                return -1
            if _child(parse, word.head, "nsubj") is None:
                passive = _child(parse, word.head, "nsubjpass")  # "is expected to provide"
                if passive is not None and _child(parse, word.head, "neg") is None:
                    return passive
        elif word.dep != "conj" or not is_verb(head) or head.lemma in en.SPEECH_LEMMAS:
            # "The center says it would depress revenue but would add $84 billion": the
            # parse hangs the second verb on the saying, whose subject gives nothing
            return None if word.dep in ("ROOT", "ccomp", "advcl", "relcl", "pcomp") else -1
        verb = word.head
    return None


def _named_from(parse: Parse, word: int, names: Sequence[Mention]) -> int | None:
    """The giver named after "from" hanging on ``word`` (the sum: "€180 million from the
    State"; or the passive verb of giving whose sum it is: "will be paid for with $12 million
    from the Harbor Authority"): a proper noun or a name spaCy found, not a source ("from
    its reserves", "from sales")."""
    prep = _child(parse, word, "prep", "from")
    source = _child(parse, prep, "pobj") if prep is not None else None
    if source is None:
        return None
    found = parse[source]
    named = found.tag in ("NNP", "NNPS") or any(
        m.start <= found.start and found.end <= m.end and m.label in _SUBJECT_LABELS for m in names
    )
    return source if named else None


def _giver_phrase(parse: Parse, head: int, names: Sequence[Mention]) -> tuple[str, str] | None:
    """The giver the noun phrase headed by ``head`` names, as written (its article dropped),
    with its article ("the" or ""): a name spaCy found of several words that holds its head
    ("the concession company Northgate Infrastructure Partners": the company's name) or
    stands beside it ("His super PAC, Right to Rise,"), else the phrase of its determiner,
    possessor, modifiers and "of" phrases ("the City of Porthaven", "Mrs. Clinton's
    campaign", "the super PAC"). None when it names no one giver: a pronoun or a word that
    stands in for one ("it", "each", "who"), two joined by "and" or "or" ("Ms. Ortiz and her
    sister"), one of a kind ("a farmer"), many of a kind ("towns", "the PACs", "24 percent
    of the donors"), the end of a name a preposition cuts ("The Fund for Rivers"), what is
    written or enacted, not who acts (:func:`_not_an_actor`: "the plan", "the bill"), or a
    phrase longer than :data:`GIVER_WORDS`. A possessive that opens a proper name ("Our
    Principles PAC", :data:`en.NAME_POSSESSIVES`) is kept as the name's own word."""
    word = parse[head]
    low = word.text.lower()
    if (
        word.tag in ("PRP", "WP", "WDT", "DT", "EX", "CD")
        or low in en.NOT_A_GIVER
        or low in en.STAND_IN_SUBJECTS
        or _is_pronoun(word.text)
        or not re.search(r"[^\W\d_]", word.text)
    ):
        return None
    if _child(parse, head, "conj") is not None:
        return None  # "Ms. Ortiz and her sister gave": both
    if _not_an_actor(parse, head, names):
        return None
    phrase = sorted(_phrase_of(parse, head))
    name = _name_of(parse, head, phrase, names)
    if name is not None:
        return name
    if phrase != list(range(phrase[0], phrase[-1] + 1)):
        return None  # a phrase the parse breaks
    if word.tag.startswith("NNP") and _child(parse, head, "prep") not in (
        None,
        _child(parse, head, "prep", "of"),
    ):
        return None  # "The Fund for Rivers": a name a preposition cuts, not told whole
    first = parse[phrase[0]].text.lower()
    if first in ("a", "an"):
        return None  # "a farmer donated": one of a kind, not a giver another outlet names
    opens = all(parse[i].tag in _EDGE_TAGS | {"``", "-LRB-"} for i in range(head))
    if _many(word, opens) or any(parse[i].tag == "CD" for i in phrase):
        return None  # "towns", "the PACs", "24 percent of the contributors": many givers
    article = "the" if first == "the" else ""
    if first in _NP_DETERMINERS and not _opens_a_name(parse, phrase[0]):
        phrase = phrase[1:]
    if not phrase or len(phrase) > GIVER_WORDS or parse[phrase[-1]].tag in _EDGE_TAGS:
        return None
    return _phrase_text(parse, phrase), article


# Labels of names spaCy finds that are things, not who acts: a law, an event, a work, a product.
_THING_LABELS = frozenset({"LAW", "EVENT", "WORK_OF_ART", "PRODUCT"})


def _not_an_actor(parse: Parse, head: int, names: Sequence[Mention]) -> bool:
    """Whether the giver's head names what is written, enacted or agreed, not who acts: a word
    of :data:`en.NOT_AN_ACTOR` ("the plan", "the tax cut", "the bill") or a name spaCy found
    of a law, an event, a work or a product ("the Clean Rivers Act") -- unless it is part of
    the name of a person, an organisation or a place ("the Marshall Plan Trust")."""
    word = parse[head]

    def holds(m: Mention) -> bool:
        return m.start <= word.start and word.end <= m.end

    if any(holds(m) for m in names if m.label in _SUBJECT_LABELS):
        return False
    return word.lemma.lower() in en.NOT_AN_ACTOR or any(
        holds(m) for m in names if m.label in _THING_LABELS
    )


def _opens_a_name(parse: Parse, first: int) -> bool:
    """Whether the possessive at ``first`` is a proper name's own first word ("Our Principles
    PAC", "Your Voice Fund"): a capitalised "our", "my" or "your" (:data:`en.NAME_POSSESSIVES`)
    before proper nouns only, up to the phrase's head."""
    word = parse[first]
    if word.text.lower() not in en.NAME_POSSESSIVES or not word.text[0].isupper():
        return False
    rest = range(first + 1, word.head + 1) if word.head > first else range(0)
    return bool(rest) and all(parse[i].tag in ("NNP", "NNPS") for i in rest)


def _many(word: Word, first: bool) -> bool:
    """Whether a noun names many of a kind: a plural common noun ("donors", "Residents" at a
    sentence's start) or a plural of capitals ("PACs"), not a name that ends in "s"
    ("Hendricks", which the tagger may take for a plural, "Partners"). ``first``: the word
    opens its sentence."""
    if word.tag == "NNPS":
        return word.text[:-1].isupper()
    return word.tag == "NNS" and (word.text.islower() or (first and word.text[1:].islower()))


def _name_of(
    parse: Parse, head: int, phrase: Sequence[int], names: Sequence[Mention]
) -> tuple[str, str] | None:
    """The name spaCy found that a giver's phrase ends in or its aside is, with "the" when
    written before it: one that holds the phrase's head, of several words or the phrase's
    only word but its article ("the concession company Northgate Infrastructure Partners",
    "the EIB"; not "PAC" of "the super PAC"), or one that is an aside of the head ("His super
    PAC, Right to Rise, ...") or the name it is called ("a company called Harmony
    Enterprises")."""
    word = parse[head]
    asides = [i for i in range(len(parse)) if parse[i].head == head and parse[i].dep == "appos"]
    for i in range(len(parse)):  # "a company called Harmony Enterprises": the name it is called
        if parse[i].head == head and parse[i].dep == "acl" and parse[i].lemma in en.NAMING_VERBS:
            asides += [j for j in range(len(parse)) if parse[j].head == i and j != i]
    for m in names:
        if m.label not in _SUBJECT_LABELS:
            continue
        name = re.sub(r"^(?:the|The)\s+", "", m.text.strip())
        holds = m.start <= word.start and word.end <= m.end
        whole = len(name.split()) > 1 or all(
            parse[i].dep == "det"
            or m.start <= parse[i].start < m.end
            or parse[i].text.lower().rstrip(".") in en.HONORIFICS  # "Mr. Rastin": Rastin
            for i in phrase
        )
        aside = any(m.start <= parse[i].start and parse[i].end <= m.end for i in asides)
        if name and ((holds and whole) or aside):
            before = re.match(r"(?:the|The)\s", m.text) or any(
                parse[i].text.lower() == "the" and parse[i + 1].start == m.start
                for i in phrase[:-1]
            )
            own = [i for i in phrase[:-1] if parse[i + 1].start == m.start]
            if own and _opens_a_name(parse, own[0]):  # "Our Principles PAC": the name's own
                name = f"{parse[own[0]].text} {name}"
            return name, "the" if before else ""
    return None


# Dependants of a giver's head left out of its phrase: relative and participle clauses, asides,
# punctuation, and prepositional phrases but "of" ones (kept whole: see _giver_phrase).
_NOT_GIVER_PHRASE = frozenset(
    {"relcl", "acl", "appos", "punct", "advmod", "cc", "conj", "prep", "npadvmod", "quantmod"}
)
_EDGE_TAGS = frozenset({"IN", "CC", "DT", "POS", "HYPH", ",", "."})


def _phrase_of(parse: Parse, head: int) -> list[int]:
    """The words of the noun phrase headed by ``head``: it and what hangs on it but
    :data:`_NOT_GIVER_PHRASE`, an "of" phrase kept whole ("the City of Porthaven")."""
    return subtree(parse, head, _NOT_GIVER_PHRASE, _of_phrase)


def _of_phrase(word: Word) -> bool:
    return word.dep == "prep" and word.lemma == "of"


def _phrase_text(parse: Parse, phrase: Sequence[int]) -> str:
    """The words of ``phrase`` with the spaces between them as written."""
    out = parse[phrase[0]].text
    for a, b in itertools.pairwise(phrase):
        out += " " * (parse[b].start > parse[a].end) + parse[b].text
    return out


_TIME_NOUNS = en.GIVER_TIME_WORDS


def _gift_for(sentence: str, rel_end: int) -> str:
    """What a sum's own words after it say it is ("€2 billion in aid to Ukraine" -> "in
    aid", "$750 million for roads" -> "for roads"): the phrase "in", "for" or "on" opens,
    when it says what, not where, when, how often or what was done ("" for "€180 million,
    the sum...", "$45 million over five years", "$1 million an episode", "$2 million
    targeting the mogul")."""
    after = [(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(sentence, rel_end)]
    np_words = _noun_phrase(after, max_words=5)
    if not np_words or _sets_the_scene(np_words):
        return ""
    if np_words[0].lower() not in ("in", "for", "on", "toward", "towards") or len(np_words) < 2:
        return ""  # "$1 million an episode": a rate; "$45 million over five years": a time
    second = np_words[1].lower()
    if second.endswith("ing") and second not in en.ING_NOUNS:
        return ""  # "$2 million in fixing up the resort": what was done, not what it is
    if any(w.lower() in _TIME_NOUNS or w.lower() in en.NUMBER_WORDS for w in np_words):
        return ""
    return " ".join(np_words)


def _gift_measure(gift: _Gift) -> str:
    """The measure of a sum given: what is given and by whom ("contribution of City of
    Porthaven", "loan of World Bank for roads")."""
    return " ".join(x for x in (gift.gift, "of", gift.article, gift.giver, gift.gift_for) if x)


_WHOLE_DIGITS = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]*\d)")


def _decided_step(q: Quantity) -> float:
    """The rounding of a sum given: a decided amount, exact to the unit its digits are
    written in when stated plainly ("the city will add €20 million" is €20 million, not any
    sum from 15 to 25 million; "€180m" not 175 to 185): a whole number's trailing zeros are
    not rounding. A decimal keeps its rounding ("$1.2 billion" may be $1.23 billion), and so
    does a hedged sum ("about €20 million"), a range and a sum in words."""
    if q.qualifier is not None or q.value is None or q.step <= 1:
        return q.step
    digits = _WHOLE_DIGITS.findall(q.text)
    if len(digits) != 1:
        return q.step
    mantissa = int(digits[0].replace(",", ""))
    if mantissa <= 0:
        return q.step
    scale = q.value / mantissa
    return scale if scale >= 1 and scale.is_integer() else q.step


def _one_sum_per_giver(
    found: list[Quantity],
    names: Sequence[Mention],
    article: Article,
    sentences: list[tuple[int, int]],
) -> list[Quantity]:
    """The figures, each sum given (:func:`_gift_of`) with its giver, gift and measure of
    what that giver gives (:func:`_gift_measure`) -- when it is the one sum its article tells
    that giver gives (or lends): an article that has one giver give two sums ("€2 billion to
    Ukraine, and later €500 million to Moldova") does not say which of them another outlet's
    sum is, so those keep the measure their words give. ``names``: the names spaCy found of
    who may give and of things that do not (:data:`_THING_LABELS`)."""
    parses = _gift_parses(article, sentences, found)
    gifts = {
        id(q): g
        for q in found
        if q.sentence in parses
        and (g := _gift_of(q, names, article.text, parses[q.sentence], sentences[q.sentence][0]))
    }
    told: dict[tuple[str, bool], set[tuple[object, ...]]] = {}
    for q in found:
        if id(q) in gifts:
            g = gifts[id(q)]
            told.setdefault((giver_key(g.giver), g.gift == "loan"), set()).add(
                (q.unit, q.value, q.low, q.high)
            )
    out = []
    for q in found:
        g = gifts.get(id(q))
        if g and len(told[(giver_key(g.giver), g.gift == "loan")]) == 1:
            q = _replace(
                q,
                giver=g.giver,
                gift=g.gift,
                gift_for=g.gift_for,
                measure=_gift_measure(g),
                step=_decided_step(q),
            )
        out.append(q)
    return out


_POLL = re.compile(en.POLL_PATTERN, re.IGNORECASE)
_POLL_NAME_AFTER = re.compile(r"\s+" + en.POLL_NAME_AFTER + r"\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"[A-Z][\w.&'’/-]*|[0-9][\w/-]*[A-Za-z][\w/-]*")
POLL_LOOKBACK = 3  # sentences of a figure's paragraph before its own that may name its poll


def poll_of(text: str, sentences: Sequence[tuple[int, int]], index: int) -> str | None:
    """The poll or survey that the figure in sentence ``index`` is told of, read in that
    sentence and up to :data:`POLL_LOOKBACK` sentences of its paragraph before it ("In the
    Washington Post/ABC News national poll, Clinton led by 5 points. In August, that lead was
    7 points."): None when none mentions a poll, survey or margin of error; the pollster's
    name, lower-cased, when they name one ("the CBS poll", "a poll by Quinnipiac
    University"); "" when they name none, or several (which one the figure is of, nobody can
    say).

    >>> poll_of("A CBS News poll has Clinton at 46 percent.", [(0, 42)], 0)
    'cbs news'
    """
    if not 0 <= index < len(sentences):
        return None
    first = index
    while (
        first > 0
        and index - first < POLL_LOOKBACK
        and "\n" not in text[sentences[first - 1][1] : sentences[first][0]]
    ):
        first -= 1
    start, end = sentences[first][0], sentences[index][1]
    mentions = list(_POLL.finditer(text, start, end))
    if not mentions:
        return None
    names = {name for m in mentions if (name := _pollster(text, m, start, end))}
    return names.pop() if len(names) == 1 else ""


def _pollster(text: str, mention: re.Match[str], start: int, end: int) -> str:
    """The name told right before a poll word (skipping "national", "tracking"...) or right
    after it ("poll by", "survey conducted by"), lower-cased; "" when there is none."""
    words = text[start : mention.start()].split()
    name: list[str] = []
    while words:
        word = words.pop().strip(',;:()“”"')
        if not name and word.lower() in en.POLL_NAME_FILLERS:
            continue
        if word.lower() == "of" and name:  # "University of Texas"
            name.append(word.lower())
            continue
        if not _NAME_WORD.fullmatch(word) or word.lower() in en.POLL_NOT_NAMES:
            break
        name.append(word)
    while name and name[-1] == "of":
        name.pop()
    if not name:
        after = _POLL_NAME_AFTER.match(text, mention.end(), end)
        if after:
            for word in text[after.end() : end].split():
                word = word.strip(',;:()“”"')
                if not _NAME_WORD.fullmatch(word) or word.lower() in en.POLL_NOT_NAMES:
                    break
                name.insert(0, word)  # kept last word first, as the words before are
    cleaned = [re.sub(r"['’]s$", "", w).rstrip(".").lower() for w in reversed(name)]
    cleaned = [w for w in cleaned if w and w not in en.MONTHS and w not in en.WEEKDAYS]
    return " ".join(cleaned)


def polls_apart(a: str | None, b: str | None) -> bool:
    """Whether figures told of polls ``a`` and ``b`` (:attr:`Quantity.poll`) may be of two
    polls: either is a poll's, and they are not surely one (:func:`same_poll`)."""
    return (a is not None or b is not None) and not same_poll(a, b)


def same_poll(a: str | None, b: str | None) -> bool:
    """Whether two figures' polls (:func:`poll_of`) are surely one: both named, and one's
    words all in the other's ("cbs" and "cbs news"; "abc news/washington post" and "washington
    post/abc news")."""
    if not a or not b:
        return False
    wa, wb = set(re.split(r"[\s/]+", a)), set(re.split(r"[\s/]+", b))
    return wa <= wb or wb <= wa


_PLACE_LABELS = frozenset({"GPE"})  # what a count's place is: a country, a state, a city
PLACE_LOOKBACK = 3  # sentences of a figure's paragraph before its own that may name its place


def place_name(name: str) -> str:
    """A place's name as two outlets' names of it are compared: folded, lower-cased, without
    "the", a possessive or dots, one name for a country's other names (lang.en.PLACE_ALIASES).

    >>> place_name("the U.S."), place_name("Japan's"), place_name("America")
    ('united states', 'japan', 'united states')
    """
    name = fold(name).lower().strip(" ,;:()\"'“”")
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"['’]s?$", "", name).replace(".", "").strip()
    name = " ".join(name.split())
    return en.PLACE_ALIASES.get(name, name)


def article_places(article: Article) -> frozenset[str]:
    """The places an article names anywhere (its mentions of places), as :func:`place_name`
    gives them: what a figure's places are looked for in the other article of a pair
    (:mod:`corroborate.compare.numbers`)."""
    return frozenset(
        name for m in article.mentions if m.label in _PLACE_LABELS and (name := place_name(m.text))
    )


def _main_place(places: Sequence[Mention]) -> tuple[str, ...]:
    """The place an article names most, when it names one at least twice and more often than
    any other (:func:`place_name`): where its figures were counted when nothing near them
    says; () otherwise."""
    counts = Counter(name for m in places if (name := place_name(m.text)))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return ()
    return (ranked[0][0],)


def places_near(
    text: str, sentences: Sequence[tuple[int, int]], index: int, places: Sequence[Mention]
) -> tuple[str, ...]:
    """The places (``places``: mentions of places) named in sentence ``index``, else in the
    nearest of up to :data:`PLACE_LOOKBACK` sentences of its paragraph before it that names
    one (:attr:`Quantity.places`): "Japan's infections rose above 1,000 on Wednesday. Twelve
    people have died." -- the twelve are Japan's. () when none of those names a place, or
    ``index`` is no sentence (a title's figure).

    >>> from corroborate.model import Mention
    >>> text = "Cases in Japan rose. Twelve people have died."
    >>> places_near(text, [(0, 20), (21, 45)], 1, [Mention("a", 9, 14, "Japan", "GPE", 0)])
    ('japan',)
    """
    if not 0 <= index < len(sentences):
        return ()
    at = index
    while True:
        start, end = sentences[at]
        found = [place_name(m.text) for m in places if start <= m.start and m.end <= end]
        found = [name for name in found if name]
        if found:
            return tuple(dict.fromkeys(found))
        if (
            at == 0
            or index - at >= PLACE_LOOKBACK
            or "\n" in text[sentences[at - 1][1] : sentences[at][0]]
        ):
            return ()
        at -= 1


WORDING_WINDOW = 8  # words kept on either side of a figure (Quantity.words_before, ...after)


def _wording(q: Quantity, text: str, sentences: list[tuple[int, int]]) -> Quantity:
    """The figure with the words of its sentence right before and after it (see
    :attr:`Quantity.words_before`)."""
    s_start, s_end = sentences[q.sentence] if q.sentence >= 0 else (0, len(text))
    before = word_tokens(text[s_start : q.start].replace("’", "'"))[-WORDING_WINDOW:]
    after = word_tokens(text[q.end : max(q.end, s_end)].replace("’", "'"))[:WORDING_WINDOW]
    return _replace(q, words_before=" ".join(before), words_after=" ".join(after))


_CARRIED_BEFORE = re.compile(en.CARRIED_MEASURE_BEFORE, re.IGNORECASE)


def _carry_measures(
    found: list[Quantity], text: str, sentences: list[tuple[int, int]]
) -> list[Quantity]:
    """The figures, each one whose sentence names no measure and puts a stand-in right
    before it ("Last year it was 30", "there were 23") given what the figure of the sentence
    before counted ("they were recovering about half a dozen abandoned boats a year"): its
    measure and head noun, and where that figure starts (``carried_from``). Only when that sentence holds figures of one unit of one measure
    (two measures there: which one is meant, nobody can say). In text order, so a chain of
    such sentences ("In 2019 it was 20. In 2020 it was 25.") carries one measure on."""
    out: list[Quantity] = []
    for q in found:
        if not q.measure and q.sentence > 0 and _stands_in(q, text, sentences):
            lenders = [
                p
                for p in out
                if p.sentence == q.sentence - 1 and p.unit == q.unit and _may_lend_measure(p)
            ]
            if len({(p.measure, p.head) for p in lenders}) == 1:
                lender = lenders[-1]
                # its own verb is the link pointing back ("it was"): no happening of its own
                q = _replace(
                    q, measure=lender.measure, head=lender.head, verb="", carried_from=lender.start
                )
        out.append(q)
    return out


def _stands_in(q: Quantity, text: str, sentences: list[tuple[int, int]]) -> bool:
    """Whether a stand-in and a link verb come right before the figure in its clause."""
    s_start = sentences[q.sentence][0]
    return bool(_CARRIED_BEFORE.search(text[s_start : q.start]))


def _may_lend_measure(q: Quantity) -> bool:
    """A figure whose measure a later stand-in may mean: a plain figure that says what it
    counts (no age, no distance of a date, no forecast or hypothesis)."""
    return bool(q.measure) and q.head != "age" and q.frame is None


_SUBJECT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PAYER_LABELS = frozenset({"PERSON", "ORG"})  # who may pay or be paid (Quantity.names)


def _subject(
    q: Quantity, names: Sequence[Mention], text: str, sentences: list[tuple[int, int]]
) -> Quantity:
    """The quantity with the names spaCy found in its clause before it (:attr:`Quantity.subject`:
    whose amount it is, "Pete Buttigieg raised $24.7 million"), the people and organisations
    named anywhere in its sentence (:attr:`Quantity.names`) and the content words of its
    sentence (:attr:`Quantity.clause`)."""
    s_start = sentences[q.sentence][0] if q.sentence >= 0 else 0
    head = text[s_start : q.start]
    clause_start = s_start + len(_CLAUSE_START.match(head).group(0))  # type: ignore[union-attr]
    inside = [fold(m.text).lower() for m in names if clause_start <= m.start and m.end <= q.start]
    s_end = sentences[q.sentence][1] if q.sentence >= 0 else len(text)
    # a name spaCy ran into the figure ("Auckland Transport 135-thousand-dollars") is the
    # words before it
    in_sentence = [
        fold(text[m.start : q.start] if m.start < q.start < m.end else m.text).strip().lower()
        for m in names
        if m.label in _PAYER_LABELS and s_start <= m.start and m.end <= s_end
    ]
    in_sentence = [n for n in in_sentence if n]
    around = text[s_start : q.start] + " " + text[q.end : s_end]
    words = [w for w in content_words(around.lower()) if w not in _SPEECH_VERBS]
    return _replace(
        q,
        subject=" ".join(dict.fromkeys(inside)),
        names=tuple(dict.fromkeys(in_sentence)),
        clause=" ".join(dict.fromkeys(words)),
    )


def _age_owner(
    q: Quantity,
    people: Sequence[Mention],
    lead: tuple[str, str] | None = None,
    text: str = "",
    sentences: Sequence[tuple[int, int]] = (),
) -> Quantity:
    """An age whose owner the sentence does not name, given one from the people named before
    it (in its sentence or the one before). "He was 77.": the pronoun's person is the subject
    of what came before, the first named there; a sure enough owner to compare. "the
    47-year-old opted for...": the person named last, a guess, so the ``head`` is left
    empty: such a figure may corroborate another, never contradict it. With nobody named
    there, it is the person the article opens on (``lead``, see :func:`_lead_person`) when
    the sentence before goes on about that person by a pronoun of theirs ("Crown Princess
    Mary is the epitome... She looked right at home... the 47-year-old opted for..."): the
    story's subject, told of by pronoun and epithet; else an age of whom nobody says (head
    empty too)."""
    if q.measure not in ("age", _AGE_OF_SOMEONE):
        return q
    before = [m for m in people if m.end <= q.start and 0 <= q.sentence - m.sentence <= 1]
    if not before and lead and _pronoun_goes_on(lead[1], q.sentence, text, sentences):
        return _replace(q, measure=f"age of {lead[0]}", head="age")
    if not before:
        return _replace(q, measure="age", head="")
    if q.measure == "age":  # a pronoun's person
        first = min(before, key=lambda m: (m.sentence != q.sentence - 1, m.start))
        return _replace(q, measure=f"age of {first.text}", head="age")
    return _replace(q, measure=f"age of {before[-1].text}", head="")


_GENDER_OF_TITLE = {w: "f" for w in en.FEMALE_WORDS} | {w: "m" for w in en.MALE_WORDS}
_LEAD_VERB = re.compile(r"(?:is|was|has|had|will|says|said|[a-z]{3,}(?:s|ed))$")
_PRONOUN_GENDER = {"she": "f", "he": "m"}


def _lead_person(text: str, sentences: Sequence[tuple[int, int]]) -> tuple[str, str] | None:
    """The person an article opens on, and their gender: a name with a title that tells it
    ("Crown Princess Mary", "Mrs Ruth Ames", "King Felipe") as the subject that starts the
    first sentence, a verb right after it ("Crown Princess Mary is the epitome of...").
    None when the article opens otherwise."""
    if not sentences:
        return None
    words = text[sentences[0][0] : sentences[0][1]].split()
    run = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
    if not run or len(run) == len(words) or not _LEAD_VERB.match(words[len(run)]):
        return None
    titles = [i for i, w in enumerate(run[:-1]) if w.lower().rstrip(".") in _GENDER_OF_TITLE]
    if not titles:
        return None
    return " ".join(run), _GENDER_OF_TITLE[run[titles[-1]].lower().rstrip(".")]


def _pronoun_goes_on(
    gender: str, sentence: int, text: str, sentences: Sequence[tuple[int, int]]
) -> bool:
    """Whether the sentence before ``sentence`` starts with a pronoun of ``gender`` ("She
    looked right at home...")."""
    if not 0 < sentence < len(sentences):
        return False
    start, end = sentences[sentence - 1]
    first = text[start:end].split()[:1]
    return bool(first) and _PRONOUN_GENDER.get(first[0].lower()) == gender


# The words right before a figure that belong to it (its currency, its hedge: "a record of
# more than US $") are read within this many characters of it, not over its whole line.
_BEFORE_WINDOW = 200


def _near_start(text: str, line_start: int, start: int) -> int:
    """Where to read the words before a figure at ``start`` from: its line's start, or just
    after a space :data:`_BEFORE_WINDOW` characters or less before it on a longer line (a
    match starting there is preceded by white space, as one at a line's start counts)."""
    if start - line_start <= _BEFORE_WINDOW:
        return line_start
    space = text.find(" ", start - _BEFORE_WINDOW, start)
    return space + 1 if space >= 0 else start - _BEFORE_WINDOW


def _read_figure(
    article_id: str, text: str, raw: _Raw, sentences: list[tuple[int, int]]
) -> Quantity | None:
    """The quantity a number of the text states, with its currency, unit and qualifier; None
    when it is no quantity (:func:`_is_excluded`) or the length of a relative date."""
    line_start = text.rfind("\n", 0, raw.start) + 1
    near = _near_start(text, line_start, raw.start)
    start, currency = _currency_before(text, near, raw.start)
    value = raw.value
    abbr = re.search(rf"\d({_ABBR})$", raw.text, re.IGNORECASE)
    metres = False
    if abbr and abbr.group(1).lower() in ("m", "b") and not currency:
        if abbr.group(1).lower() == "b" or re.match(r"\s*(?:[.,;:)]|$)", text[raw.end :]):
            return None  # "45m." without a currency: metres or millions, nobody can say
        if _METRES_AFTER.match(text, raw.end):
            value, metres = value / ABBREVIATED_SCALES["m"], True  # "a 100m sprint": metres
    unit, end = ("m", raw.end) if metres else _unit_after(text, raw.end, currency)
    if _is_excluded(text, raw, unit is not None, currency, line_start):
        return None
    frame = "date_offset" if _is_relative_time(text, raw, unit, end) else None
    qualifier, record, span_start = _qualifier_before(text, near, start)
    prefix = text[max(0, raw.start - 6) : raw.start].lower()
    sign = _SIGN_BEFORE.search(prefix) if qualifier != "plus or minus" else None
    if sign:  # "minus-260", "minus 8", "-8" (a dash after a space)
        value, span_start = -value, min(span_start, raw.start - len(prefix) + sign.start(1))
    elif prefix.endswith("sub-"):
        qualifier = qualifier or "fewer than"
    return Quantity(
        article_id=article_id,
        value=value,
        low=None,
        high=None,
        qualifier=qualifier,
        unit=unit,
        text=text[span_start:end],
        start=span_start,
        end=end,
        sentence=_sentence_of(sentences, raw.start),
        measure="",
        period=None,
        record=record,
        step=_step_of(raw.text),
        frame=frame,
    )


# What follows "100m" when it is metres ("a 100m sprint", "a 45m-long yacht"); before any other
# word it is millions ("1.2m tons", "35m of its devices").
_METRES_AFTER = re.compile(
    r"-?(?:tall|high|long|deep|wide|away|above|below|under)\b|\s+(?:sprint|hurdles|freestyle|"
    r"butterfly|backstroke|breaststroke|medley|race|dash|relay|final|tall|high|long|deep|wide|"
    r"away|above|below|under)\b",
    re.IGNORECASE,
)


_SIGN_BEFORE = re.compile(r"(?:^|[\s(])(minus[-\s]|[-−])$")


def _currency_before(text: str, line_start: int, start: int) -> tuple[int, str | None]:
    """Where a figure starts with the currency mark before it ("US $45", "€12", "AUD1.5m"),
    and the currency's code; else ``(start, None)``."""
    c = _CURRENCY_BEFORE.search(text, line_start, start)
    if not c:
        return start, None
    code = re.sub(r"\s", "", c.group(1))
    return c.start(1), _CURRENCY_CODE.get(code, code)


def _unit_after(text: str, end: int, currency: str | None) -> tuple[str | None, int]:
    """The unit written after a figure ending at ``end`` and where the figure then ends
    (a compound tail included: "3,145-kilometer-long"); a currency mark before the figure is
    its unit, and a currency word after it is then only read over ("$5 dollars")."""
    unit = currency
    um = _UNIT_AFTER.match(text, end, end + 60)
    name = _UNIT_TABLE[int(um.lastgroup[1:])][1] if um and um.lastgroup else None
    if um and name and not (currency and name in ("USD", "EUR", "GBP", "peso", "m", "mi")):
        unit, end = name, um.end()
    elif um and currency and name in ("USD", "EUR", "GBP", "peso"):
        end = um.end()
    tail = _COMPOUND_TAIL.match(text, end)
    if tail and unit:
        end = tail.end()
    return unit, end


_LENGTH_BEFORE_SINCE = re.compile(r"\b(?:the|a|in)\s+(?:little\s+more\s+(?:than|of)\s+)?$", re.I)


def _is_relative_time(text: str, raw: _Raw, unit: str | None, end: int) -> bool:
    """ "three weeks after", "two days ago", "in the 10 years since": the distance of a
    relative date (:mod:`corroborate.annotate.dates`' business), not a figure."""
    if unit not in _TIME_UNITS:
        return False
    if _RELATIVE_AFTER.match(text, end):
        return True
    return bool(
        _LENGTH_BEFORE_SINCE.search(text, max(0, raw.start - 30), raw.start)
        and re.match(r"\s+(?:since|after|before)\b", text[end:])
    )


def _qualifier_before(text: str, line_start: int, start: int) -> tuple[str | None, bool, int]:
    """The hedge before a figure ("some", "more than", "a record of more than"): its name,
    whether the figure is called a record, and where the figure's span then starts."""
    qualifier = None
    record = False
    cursor = start
    for _ in range(3):
        head = text[line_start:cursor]
        q = _QUALIFIER_BEFORE.search(head)
        if q and qualifier is None:
            qualifier = _QUALIFIER_NAME.get(q.group(1).lower(), q.group(1).lower())
            cursor = line_start + q.start(1)
            continue
        r = _RECORD_BEFORE.search(head)
        if r and not record:
            record = True
            cursor = (
                line_start + r.start() + (1 if head[r.start() : r.start() + 1].isspace() else 0)
            )
            continue
        break
    span_start = cursor if qualifier else start  # "a record number of" is no hedge to show
    if record and not qualifier:
        qualifier = "record"
    return qualifier, record, span_start


_VAGUE = re.compile(
    r"\b(?:(?P<tens>tens|hundreds)\s+of\s+)?(?P<scale>"
    + "|".join(en.VAGUE_SCALES)
    + r")\b(?!\s+(?:and|or)\s+(?:hundreds|thousands|millions))",
    re.IGNORECASE,
)
_FRACTION_OF = re.compile(
    r"\b(?:(?:a|one)\s+(?P<part>third|quarter|fourth|fifth|tenth)|(?P<whole>half|two-thirds|"
    r"three-quarters))(?=\s+(?:of\s+)?(?:the|those|these|their|its|his|her|our|all|[a-z]+s)\b)"
    r"|(?<![\w/.])(?P<num>[1-9])/(?P<den>[1-9]\d?)(?![\w/])(?=\s+(?:of\b|[a-z]))",
    re.IGNORECASE,
)


_OF_AFTER = re.compile(r"\s+of\b")
# "7 in 10 voters", "one of four concepts", "1 in every 5 days": a share, not two counts.
_SMALL = r"(?:\d{1,3}|" + "|".join(en.NUMBER_WORDS[1:] + en.TENS) + ")"
_RATIO = re.compile(
    rf"(?<![\w.,$€£-])(?P<part>{_SMALL})\s+(?:in|of|out\s+of)\s+(?:every\s+)?(?P<whole>{_SMALL})"
    r"(?![\w.,]\d|\s*(?:%|percent|per\s?cent)|[-\w])",
    re.IGNORECASE,
)


def _small_number(word: str) -> float | None:
    return parse_number(word)


_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|other|last|the)\s$", re.IGNORECASE)


def _worded_figures(article_id: str, text: str, sentences: list[tuple[int, int]]) -> list[Quantity]:
    """Figures written without a number: a vague scale ("thousands of", "tens of thousands
    of": a range from the scale to ten times it) and a fraction ("a third of those
    screened", "half the condos", "1/2 pound")."""
    out: list[Quantity] = []
    lowered = text.lower()
    vague = any(word in lowered for word in en.VAGUE_SCALES)
    fractions = "/" in text or any(word in lowered for word in en.FRACTION_WORDS)
    for m in _VAGUE.finditer(text) if vague else ():
        low = float(en.VAGUE_SCALES[m.group("scale").lower()])
        low *= {"tens": 10, "hundreds": 100}.get((m.group("tens") or "").lower(), 1)
        of = _OF_AFTER.match(text, m.end())  # "thousands of dollars"
        unit, end = _unit_after(text, of.end() if of else m.end(), None)
        end = end if unit else m.end()
        out.append(
            _figure(
                article_id,
                text,
                sentences,
                m.start(),
                end,
                None,
                (low, low * 10),
                unit,
                vague=True,
            )  # fmt: skip
        )
    for m in _RATIO.finditer(text):
        part, whole = _small_number(m.group("part")), _small_number(m.group("whole"))
        if part is not None and whole is not None and 0 < part < whole <= 100:
            out.append(
                _figure(
                    article_id,
                    text,
                    sentences,
                    m.start(),
                    m.end(),
                    part / whole,
                    None,
                    "fraction",
                    step=1 / whole,
                )  # fmt: skip
            )
    for m in _FRACTION_OF.finditer(text) if fractions else ():
        if _ORDINAL_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "the second half", "the other half": a part of a match, of a year
        if m.group("num"):
            value = int(m.group("num")) / int(m.group("den"))
            unit, end = _unit_after(text, m.end(), None)
        else:
            value = en.FRACTION_WORDS[(m.group("part") or m.group("whole")).lower()]
            unit, end = "fraction", m.end()
        out.append(_figure(article_id, text, sentences, m.start(), end, value, None, unit))
    return out


def _figure(
    article_id: str,
    text: str,
    sentences: list[tuple[int, int]],
    start: int,
    end: int,
    value: float | None,
    bounds: tuple[float, float] | None,
    unit: str | None,
    step: float = 0.0,
    vague: bool = False,
) -> Quantity:
    """A figure written without a number (:func:`_worded_figures`), its hedge read before it."""
    low, high = bounds if bounds else (None, None)
    qualifier, _, start = _qualifier_before(text, text.rfind("\n", 0, start) + 1, start)
    # a share is read to a tenth of itself ("half": 45 to 55 %), a ratio to its denominator
    step = step or (value / 10 if value else 1.0)
    return Quantity(
        article_id=article_id, value=value, low=low, high=high, qualifier=qualifier, unit=unit,
        text=text[start:end], start=start, end=end, sentence=_sentence_of(sentences, start),
        measure="", period=None, step=(high or 1.0) if bounds else step, vague=vague,
    )  # fmt: skip


def _step_of(surface: str) -> float:
    words = surface.lower()
    scale = 1.0
    for name, value in SCALES.items():
        if name in words:
            scale = max(scale, value) if name != "hundred" else max(scale, 1.0)
    abbr = re.search(rf"\d({_ABBR})$", words)
    if abbr:
        scale = ABBREVIATED_SCALES[abbr.group(1)]
    digit_groups = re.findall(r"[\d,.\u00a0\u202f\u2009 ]*\d", surface)
    is_words = not digit_groups
    if is_words:
        # "a quarter of a billion" is a round figure: read to a tenth of it (+-5 %), not to the
        # nearest quarter of a billion (which would admit 220 million)
        fraction = re.search(r"\b(half|quarters?|thirds?)\b", words)
        if fraction:
            return scale * _FRACTIONS.get(fraction.group(1), 0.5) / 10  # else "half"
        return _significant_step("", scale, True)
    # "2 million 475 thousand 669": the last group sets the precision
    last = digit_groups[-1].strip()
    tail_words = surface[surface.rfind(last) + len(last) :].lower()
    tail_scale = max(
        [v for k, v in SCALES.items() if k in tail_words and k != "hundred"], default=1.0
    )
    if abbr:
        tail_scale = scale
    return _significant_step(last, float(tail_scale), False)


def _merge_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "8 to 10", "8-10", "between 8 and 10" -> one quantity with low/high (two figures
    written high to low, "from 4.8 percent to 4.7 percent", stay two)."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        q = found[i]
        n = found[i + 1] if i + 1 < len(found) else None
        joined = _range_of(text, q, n) if n is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        out.append(q)
        i += 1
    return out


_RANGE_GAP = re.compile(r"\s*(?:to|-|–|—|and)\s*", re.IGNORECASE)


def _range_of(text: str, q: Quantity, n: Quantity) -> Quantity | None:
    """The range two neighbouring figures make, or None if they make none."""
    gap = text[q.end : n.start]
    between = re.search(r"\bbetween\s+$", text[max(0, q.start - 10) : q.start], re.I)
    if (
        not _RANGE_GAP.fullmatch(gap)
        or (gap.strip().lower() == "and" and not between)
        or q.value is None
        or n.value is None
        or n.qualifier is not None
        or (q.unit and n.unit and q.unit != n.unit)
        # "rose 0.68 per cent to 3,005.47": a unit written after the first figure only
        or (q.unit and not n.unit and not q.text[-1:].isdigit() and n.text[-1:].isdigit())
    ):
        return None
    low, high = q.value, n.value
    # "2 to 3 million": the scale of the second end applies to the first
    scales = [v for name, v in SCALES.items() if name in n.text.lower() and name != "hundred"]
    if scales and high >= 1000 * low and low < 1000 and not re.search(_SCALE, q.text, re.I):
        low *= max(scales)
    if low >= high:
        return None
    return Quantity(
        article_id=q.article_id, value=None, low=low, high=high, qualifier=q.qualifier,
        unit=q.unit or n.unit, text=text[q.start : n.end], start=q.start, end=n.end,
        sentence=q.sentence, measure="", period=None, record=q.record or n.record,
        step=min(q.step, n.step),
    )  # fmt: skip


def _with_context(
    text: str, sentences: list[tuple[int, int]], q: Quantity, all_found: list[Quantity]
) -> Quantity:
    """The quantity with what its sentence says of it: what it measures (``measure``,
    ``head``), its period, what it is per, how it is framed and whether it is a part or a
    total."""
    s_start, s_end = sentences[q.sentence] if q.sentence >= 0 else (0, len(text))
    sentence = text[s_start:s_end]
    rel_start, rel_end = q.start - s_start, q.end - s_start
    frame = q.frame or _frame_of(sentence, rel_start, rel_end, q)
    scope = _scope_of(sentence, rel_start, rel_end, q)
    age = _age_of(sentence, rel_start, rel_end, q)
    if age is not None:
        # an age is exact: "100" years old is not a round hundred
        return _replace(q, measure=age, unit="year", head="age", frame=frame, scope=scope, step=1.0)
    head, noun_of = _head_for(sentence, rel_start, rel_end)
    casualty = _CASUALTY_AFTER.match(sentence, rel_end) if q.unit is None else None
    if casualty and head in ("", casualty.group(1).lower()):
        head = "people"  # "2 injured when...", "Four hurt in...": the noun left out
    measure = _sound_measure(
        noun_of or _strip_time_words(_measure_for(sentence, rel_start, rel_end)),
        sentence,
        rel_start,
        rel_end,
        q.unit,
    )
    # a figure whose sentence names no measure, or only a word standing for one ("October's
    # total of 240,986"), takes a neighbour's in the same sentence
    if measure.lower() in ("total", "numbers", "figure", "number"):
        measure = _neighbour_measure(sentence, s_start, q, all_found, anywhere=True) or measure
    elif not measure and _may_borrow(sentence, rel_start, rel_end):
        measure = _neighbour_measure(sentence, s_start, q, all_found) or measure
    q, per = _rate_of(text, sentence, rel_end, q)
    # the period read from the figure's end, its rate included ("about 500 a day this week")
    period = find_period(sentence, rel_start, q.end - s_start)
    if period is None and _CHANGED_TO.search(sentence, 0, rel_start):
        period = "now"  # "ridership has more than tripled, to about 6,000 a day"
    if per and period and period.startswith("per "):
        period = None
    verb = _verb_before(sentence, rel_start)
    return _replace(
        q, measure=measure, period=period, per=per, frame=frame, scope=scope, head=head, verb=verb
    )


_SPEECH_VERBS = frozenset(en.SPEECH_VERBS) | {"say", "says", "predicts", "estimates"}
# a casualty word right after a bare count, no noun after it ("12 wounded soldiers" count
# soldiers)
_CASUALTY_AFTER = re.compile(r"\s+(" + "|".join(sorted(en.CASUALTY_WORDS)) + r")\b", re.IGNORECASE)
_LAST_WORDS = re.compile(r"([A-Za-z]+)\s+(?:(by|to|of|at|for|with|about|around)\s+)?$")


def _verb_before(sentence: str, rel_start: int) -> str:
    """The verb right before a figure, a preposition between allowed ("employs 230",
    "voted by 312 votes"); "" when the word there is no verb."""
    m = _LAST_WORDS.search(sentence, 0, rel_start)
    if not m:
        return ""
    word = m.group(1).lower()
    if word in _SPEECH_VERBS:
        return ""  # "police said 12 people were killed": what is counted is said after
    if word in en.IRREGULAR_PASTS or word in en.COUNT_VERBS:
        return word
    if word in en.ING_NOUNS or word in _DETERMINERS or word in en.MEASURE_STOP_WORDS:
        return ""
    # "employs 230", "forcing 150", "voted by 312"; a word in -s before a preposition is
    # rather a plural noun ("records for about 41,000 residents")
    ending = r"(?:ed|ing)" if m.group(2) else r"(?:ed|ing|s)"
    return word if re.fullmatch(rf"[a-z]{{3,}}{ending}", word) and not word.endswith("ss") else ""


_CHANGED_TO = re.compile(
    r"\b(?:rose|risen|rising|fell|fallen|falling|climbed|dropped|increased|decreased|grew|grown|"
    r"jumped|doubled|tripled|quadrupled|halved|surged|soared|plunged|slumped)\b"
    r"(?:\s+\w+){0,3},?\s+to\s+$",
    re.IGNORECASE,
)


def _neighbour_measure(
    sentence: str, s_start: int, q: Quantity, all_found: list[Quantity], anywhere: bool = False
) -> str | None:
    """The measure of the nearest figure of the same unit before it in the sentence, if that
    one names one ("28 percent of voters ..., compared with 33 percent last month"), or of the
    whole it is part of right after it ("85 of the 154 meetings"). Not another later one: in
    "46 percent would choose Clinton ... while 5 percent prefer Johnson" the later figure's
    measure is its own, and when the figure it is set beside names nothing, no other is
    looked for ("516 to 39 among superdelegates" after "1,428 to 1,153 pledged delegates").
    ``anywhere``: the first such figure wherever it stands (for a figure
    whose measure is a stand-in word, "October's total of 240,986")."""
    ranked = all_found if anywhere else sorted(all_found, key=lambda o: _lender_rank(q, o))
    for other in ranked:
        if other is q or other.sentence != q.sentence or other.unit != q.unit:
            continue
        part_of = _PART_OF.fullmatch(sentence, q.end - s_start, other.start - s_start)
        if other.start > q.start and not anywhere and not part_of:
            continue
        rel_start, rel_end = other.start - s_start, other.end - s_start
        o_measure = _sound_measure(
            _strip_time_words(_measure_for(sentence, rel_start, rel_end)),
            sentence,
            rel_start,
            rel_end,
        )
        if len(o_measure.split()) >= 1 and o_measure.lower() not in ("total", "numbers"):
            return o_measure
        if not anywhere:
            return None  # the figure it is set beside names nothing: no other one is meant
    return None


# Between a part and the whole it is part of ("85 of the 154 meetings"): the whole lends its
# measure to the part.
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?", re.IGNORECASE)


def _lender_rank(q: Quantity, other: Quantity) -> int:
    """Nearest first: a figure before ``q`` ranks by its distance, the whole ``q`` is part of
    right after it ranks first."""
    if other.start > q.start:
        return 0
    return q.start - other.start


# What may follow a figure that takes a neighbour's measure: nothing of its own (the clause
# ends, a time is given, or another item of a list or comparison starts).
_BORROW_AFTER = re.compile(
    r"\s*(?:$|[,.;:!?)\]—–\"”']|(?:and|or|but|while|whereas|than|compared|according|respectively|"
    r"now|currently|today|previously|before|earlier|ago)\b)",
    re.IGNORECASE,
)


def _may_borrow(sentence: str, rel_start: int, rel_end: int) -> bool:
    """Whether a figure that names no measure may take a neighbour's: only when nothing after
    it says what it is of ("compared with 33 percent last month", "from 71 percent to 55
    percent."). A figure a pronoun or a setting follows ("48 percent chose him", "5 points
    among likely voters") or that stands in a name is of something else than its neighbour."""
    rest = sentence[rel_end:]
    if _in_a_name(sentence, rel_start, rel_end) or _AGE_BEFORE.search(sentence[:rel_start]):
        return False
    if _PART_OF.match(rest) or _PAIRED_BEFORE.search(sentence, 0, rel_start):
        return True  # "85 of the 154 meetings", "voted 312 to 274", "80 mg and 160 mg"
    if not _BORROW_BEFORE.search(sentence, 0, rel_start):
        return False  # "annual dues have gone up to $8,400": the figure's own verb, not a list
    after = rest.lstrip()
    return bool(
        _TEMPORAL_START.match(after) or _TIME_AGO_START.match(after) or _BORROW_AFTER.match(rest)
    )


# A figure paired with the one right before it: "312 to 274", "80 mg and 160 mg".
_PAIRED_BEFORE = re.compile(r"\d[\d,.%]*(?:\s*[^\W\d]{1,12})?\s+(?:to|and|or|vs\.?|versus)\s+$")


# What stands before a figure that goes on a list or a comparison of figures: "compared with
# 33 percent", "from 71 percent to 55 percent", "41 percent of the vote to Wells' 33 percent".
_BORROW_BEFORE = re.compile(
    r"(?:^|[\s,;(])(?:to|from|with|and|or|than|vs\.?|versus|against|compared\s+(?:to|with)|"
    r"up\s+from|down\s+from)\s+(?:[A-Z][\w.-]*\s+){0,2}(?:[A-Z][\w.-]*['’]s?\s+)?$|,\s*$"
)


_AGE_BEFORE = re.compile(
    r"\bages?\s+(?:of\s+)?(?:between\s+)?(?:\d+\s*(?:and|to|-)\s*)?$", re.IGNORECASE
)
_UNIT_WORDS = frozenset({"percent", "percentage", "points", "point", "per", "cent"})


def _sound_measure(
    measure: str, sentence: str, rel_start: int, rel_end: int, unit: str | None = None
) -> str:
    """The measure read for a figure, or "" when it cannot be what the figure counts: the
    figure stands in a name ("Hawaii Five-0", "the Under 30 Summit"), in an age range ("ages
    18 to 29", "age 18-34"); the label is a relative pronoun alone ("under 18 who were"),
    starts with a unit word ("percent in") or an adverb ("strongly agree"); the figure is a
    stretch of time told as one ("for the past 40 years the plant ...",
    :data:`en.SPAN_WORDS_BEFORE`). A title cut off at its full stop ("for Mrs. Clinton" ->
    "Mrs") is dropped from its end."""
    if not measure:
        return measure
    if _in_a_name(sentence, rel_start, rel_end) or _AGE_BEFORE.search(sentence[:rel_start]):
        return ""
    last = re.search(r"([a-z]+)\s+$", sentence[:rel_start])
    if unit in _TIME_UNITS and last and last.group(1) in en.SPAN_WORDS_BEFORE | {"within"}:
        return ""  # "for the past 40 years", "within three years": when, not what
    words = measure.split()
    while words and words[-1].lower().strip(".") in en.HONORIFICS:
        words.pop()
    if not words:
        return ""
    first = words[0].lower()
    if len(words) == 1 and first in _RELATIVE_PRONOUNS | {"which"}:
        return ""  # "younger than 18 who ..."
    if first in _UNIT_WORDS:
        return ""
    if _ADVERB.match(words[0]) and first not in en.LY_NOUNS and len(words) > 1:
        # "strongly agree", "apparently based on the idea", not "likely voters", "highly
        # educated voters"
        second = words[1].lower()
        if (len(words) == 2 and not second.endswith("s")) or (
            _PARTICIPLE.match(second) and (len(words) == 2 or words[2].lower() in _NP_PREPOSITIONS)
        ):
            return ""
    return " ".join(words)


# Words a figure may open on; written with a capital inside a sentence, they are part of a name.
_NAME_FIGURE_WORDS = (
    frozenset(WORD_VALUES) | frozenset(SCALES) | {"dozen", "half", "under", "over", "about", "some"}
)
_CAPITALISED = re.compile(r"[A-Z][\w'’.&-]*$")
_SENTENCE_OPENING = re.compile(r"^[\s\"“‘'(\[—–-]*$")


def _in_a_name(sentence: str, rel_start: int, rel_end: int) -> bool:
    """Whether a figure is part of a name or a title, not a count: it is written with a
    capital inside its sentence ("the Gang of Eight bill", "Hawaii Five-0", "Forbes' Under 30
    Summit"), or, one word, stands between two capitalised words ("the Fortune 500 List");
    not in a headline written in title case."""
    figure = sentence[rel_start:rel_end]
    before = sentence[:rel_start]
    if _SENTENCE_OPENING.match(before) or re.search(r"(?:[.:!?|)—–-]|\n)\s*[\"“‘']?\s*$", before):
        return False  # a sentence, a line or a quote opens on it: the capital says nothing
    longer = re.findall(r"[^\W\d_]{4,}", sentence)
    if len(longer) >= 6 and sum(w[0].isupper() for w in longer) > 0.8 * len(longer):
        return False  # a headline in title case ("Trump Spent 1 of 5 Days at Golf Clubs")
    first = re.match(r"[A-Z][a-z]+", figure)
    if first and (first.group(0).lower() in _NAME_FIGURE_WORDS):
        return True
    last = before.split()[-1:] if before.split() else []
    nxt = re.match(r"\s+(\S+)", sentence[rel_end:])
    return bool(
        " " not in figure  # a share ("1 of 5", "3 in 10") is no name
        and last
        and _CAPITALISED.match(last[0].rstrip("'’s"))
        and nxt
        and _CAPITALISED.match(nxt.group(1))
    )


def _rate_of(text: str, sentence: str, rel_end: int, q: Quantity) -> tuple[Quantity, str | None]:
    """What a figure is per ("11,000 a day", "200 crates daily"), and the figure with the rate
    in its span when the rate follows it at once."""
    clause_end = re.search(r"[.;:!?]|,\s(?!including)", sentence[rel_end:])
    window = sentence[rel_end : rel_end + (clause_end.start() if clause_end else len(sentence))]
    pm = _PER.search(window) if q.unit not in _TIME_UNITS else None
    if not pm:
        return q, None
    per = (
        pm.group("per")
        or _ADVERB_PER.get((pm.group("adv") or "").lower())
        or _SLASH_PER.get((pm.group("slash") or "").lower(), pm.group("slash"))
    )
    if re.match(r"\s*$", window[: pm.start()]):
        new_end = q.end + pm.end()
        q = _replace(q, text=text[q.start : new_end], end=new_end)
    return q, per


_FRAME_BEFORE = tuple((re.compile(p, re.IGNORECASE), f) for p, f in en.FRAME_CUES_BEFORE)
_FRAME_AFTER = tuple((re.compile(p, re.IGNORECASE), f) for p, f in en.FRAME_CUES_AFTER)
_CLAUSE_START = re.compile(r".*(?:[.;:!?]\s|,\s|\s[—–-]\s|^)", re.DOTALL)
# What makes "up to" a maximum: what something can do ("it can dive to depths of up to 500 m"),
# not what something could cost ("could cost up to 2 million euros a day": an estimate).
_ABLE = re.compile(r"\b(?:can|able\s+to|capable)\b", re.IGNORECASE)


def _frame_of(sentence: str, rel_start: int, rel_end: int, q: Quantity) -> str | None:
    """How the clause frames the figure (:attr:`Quantity.frame`): read in the words of its
    clause before it ("built for about 15,000 vehicles", "if it sank 20 m", "expected to
    reach"), and just after it ("15,000 vehicles is its capacity")."""
    head = sentence[:rel_start]
    clause = head[len(_CLAUSE_START.match(head).group(0)) :]  # type: ignore[union-attr]
    if q.qualifier == "up to" and _ABLE.search(clause):
        return "maximum"  # "it can dive to depths of up to 500 m"
    before = next((f for pattern, f in _FRAME_BEFORE if pattern.search(clause)), None)
    after = next((f for pattern, f in _FRAME_AFTER if pattern.match(sentence, rel_end)), None)
    if "hypothetical" in (before, after):
        return "hypothetical"  # "could see the hull at 20 m if the water were clear"
    frame = before or after
    return None if frame == "stated" else frame


_PART_BEFORE = re.compile(en.PART_CUES_BEFORE, re.IGNORECASE)
_PART_AFTER = re.compile(en.PART_CUES_AFTER, re.IGNORECASE)
_TOTAL_BEFORE = re.compile(en.TOTAL_CUES_BEFORE, re.IGNORECASE)
_TOTAL_AFTER = re.compile(en.TOTAL_CUES_AFTER, re.IGNORECASE)


def _scope_of(sentence: str, rel_start: int, rel_end: int, q: Quantity) -> str | None:
    """``part`` or ``total`` (:attr:`Quantity.scope`), from the words around the figure."""
    before, after = sentence[:rel_start], sentence[rel_end:]
    if _TOTAL_BEFORE.search(before) or _TOTAL_AFTER.match(after):
        return "total"
    of_a_whole = q.unit is None and _PART_AFTER.match(after)  # "6% of the company" is whole
    if _PART_BEFORE.search(before) or of_a_whole:
        return "part"
    return None


_NOUN_OF_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that)\s+(?:\w+\s+){0,2}(?P<noun>[a-z]{3,})\s+of\s*"
    r"(?:(?:up\s+to|about|around|some|nearly|almost|more\s+than|over|at\s+least|roughly)\s+)?$",
    re.IGNORECASE,
)


def _head_words(phrase: list[str]) -> list[str]:
    """The leading nouns of a noun phrase, lower-cased: up to a preposition, a determiner, an
    adverb or a verb ("crew members aboard the Kursk" -> crew members); a participle before
    the first noun is part of it ("30 abandoned boats" -> abandoned boats)."""
    head: list[str] = []
    for i, word in enumerate(phrase):
        low = word.lower()
        if low in _DETERMINERS and not head:
            continue  # "10 other people", "500 new jobs"
        if not head and _describes_next(phrase, i):
            head.append(low)  # "12 wounded soldiers", "two sexting scandals"
            continue
        verb = low not in en.ING_NOUNS and (
            _PARTICIPLE.match(low) or (head and _VERB_LIKE.match(low))
        )
        if (
            low in en.HEAD_PREPOSITIONS
            or low in _DETERMINERS
            or low in en.IRREGULAR_PASTS
            or _ADVERB.match(low)
            or verb
        ):
            break
        head.append(low)
    return head


def _describes_next(phrase: list[str], i: int) -> bool:
    """Whether ``phrase[i]`` is a participle used as an adjective: a word in -ed or -ing
    (not a noun such as "housing") followed in the phrase by a lower-case plural noun -- no
    preposition, determiner, adverb or verb ("abandoned boats", "missing children"; not
    "killed in", "injured when", "the two turned vicious")."""
    low = phrase[i].lower()
    if low in en.ING_NOUNS or not _PARTICIPLE.match(low) or i + 1 >= len(phrase):
        return False
    nxt = phrase[i + 1]
    plural = nxt in en.IRREGULAR_PLURALS or (nxt.endswith("s") and not nxt.endswith("ss"))
    return (
        plural
        and nxt.isalpha()
        and nxt.islower()
        and nxt not in en.HEAD_PREPOSITIONS | _DETERMINERS | en.IRREGULAR_PASTS | _STOP_MEASURE
        and not (_ADVERB.match(nxt) or _PARTICIPLE.match(nxt) or _VERB_LIKE.match(nxt))
    )


# Words before a counting verb that are not what its figure counts ("it was 30").
_NOT_SUBJECTS = _DETERMINERS | en.MEASURE_STOP_WORDS | en.STAND_IN_SUBJECTS


def _head_for(sentence: str, rel_start: int, rel_end: int) -> tuple[str, str | None]:
    """The noun a figure counts or measures (:attr:`Quantity.head`), and, when the sentence
    names it before the figure ("a depth of 100 m", "a crew of 118"), that noun as the
    measure too. "" when the text does not say it plainly (a verb right after the figure,
    a subject reached through a preposition)."""
    before = sentence[:rel_start]
    after = [(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(sentence, rel_end)]
    if after and after[0][0].lower() == "of":  # "thousands of people", "millions of dollars"
        after = after[1:]
    phrase = _noun_phrase(after)
    head = _head_words(phrase)
    noun_of = _NOUN_OF_BEFORE.search(before)
    if noun_of and noun_of.group("noun").lower() not in en.NOT_HEAD_NOUNS and not head:
        noun = noun_of.group("noun")  # "a depth of 100 m", "a crew of 118"
        return noun.lower(), noun
    if head or phrase:
        return " ".join(head), None
    number_of = list(_NUMBER_OF_BEFORE.finditer(before))
    if number_of:  # "the number of migrants apprehended ... was just over 9,000"
        words = [
            (w.group(0), w.start(), w.end()) for w in _WORD_RE.finditer(before, number_of[-1].end())
        ]
        return " ".join(w.lower() for w in _noun_phrase(words, max_words=3)), None
    subject = re.search(
        rf"\b([a-z]+)\s+(?:{'|'.join(en.COUNT_VERBS)})\s+(?:(?:just|nearly|almost|about|some|"
        r"over|more\s+than|around)\s+)?$",
        before,
        re.IGNORECASE,
    )  # "encounters totaled 235,173"
    if subject and subject.group(1).lower() not in _NOT_SUBJECTS:
        return subject.group(1).lower(), None
    return "", None


_AGE_HYPHEN = re.compile(r"\d{1,3}(?:-|\s+)years?(?:-|\s+)old$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"(?:-|\s+)years?(?:-|\s+)old\b", re.IGNORECASE)
_AGED_BEFORE = re.compile(r"\baged\s+$", re.IGNORECASE)
_AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)
_SUBJECT_AFTER = re.compile(r",?\s+(?:he|she|they|I|we|you)\b")
_APPOSITION_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3}),\s*$")
_APPOSITION_AFTER = re.compile(r"\s*(?:[,.;)]|$)")
_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*$")


_AGE_OF_SOMEONE = "age of someone"
_DIED_AT_BEFORE = re.compile(
    r"\b(?:dies|died|dead|death|passes\s+away|passed\s+away)\b[^.;]{0,40}?\b"
    r"(?:at|aged)\s+(?:the\s+age\s+of\s+)?$",
    re.IGNORECASE,
)
_AGE_OF_BEFORE = re.compile(r"\bat\s+the\s+age\s+of\s+$", re.IGNORECASE)
_PRONOUN_BE_BEFORE = re.compile(r"\b(?:he|she)\s+(?:was|is|turned|turns|will\s+be)\s+$", re.I)
_AGE_END_AFTER = re.compile(r"\s*(?:[.,;)]|$|years?\b)")
_VERB_START = re.compile(r"^[a-z]+(?:ed|es|s)$|^(?:was|is|has|had|said|says|will|would)$")


def _age_of(sentence: str, rel_start: int, rel_end: int, q: Quantity) -> str | None:
    """``"age of X"`` when the figure is someone's age, else None: "the 23-year-old X",
    "X, 61, said", "aged 40", "X dies at 77", "at the age of 77"; plain ``"age"`` when the
    text does not name whose ("He was 77.", "the 47-year-old opted for..."): see
    :func:`_age_owner`. (Read as a count, an age took its measure from a later clause:
    "The forward, 23, ... where 200 fans had gathered" -> "fans had gathered".)"""
    if q.unit not in (None, "year") or q.value is None or not 0 < q.value < 125:
        return None
    after, before = sentence[rel_end:], sentence[:rel_start]
    old = _AGE_AFTER.match(after)
    if old or _AGE_HYPHEN.search(q.text):  # "23-year-old X", "23 years old"
        rest = after[old.end() :] if old else after
        words = [(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(rest)]
        if words and _VERB_START.match(words[0][0]):
            return _AGE_OF_SOMEONE  # "the 47-year-old opted for...": whose, said before
        return _age_label(_noun_phrase(words, max_words=4))
    if _AT_BEFORE.search(before) and _SUBJECT_AFTER.match(after):
        return "age"  # "at 23 he has time on his side": the pronoun's person
    return _age_told_before(before, after, q)


def _age_told_before(before: str, after: str, q: Quantity) -> str | None:
    """An age the words before a bare figure tell: "X dies at 77", "He was 77.", "a man aged
    40", "Ruth Ames, 61," (see :func:`_age_of`)."""
    if q.unit is None and _AGE_END_AFTER.match(after):
        if died := _DIED_AT_BEFORE.search(before) or _AGE_OF_BEFORE.search(before):
            return _age_label(_subject_name(before[: died.start()]))  # "Mehta dies at 77"
        if _PRONOUN_BE_BEFORE.search(before):
            return "age"  # "He was 77."
    if aged := _AGED_BEFORE.search(before):  # "a man aged 40"
        m = _APPOSITION_BEFORE.search(before[: aged.start()].rstrip() + ",")
        return _age_label(m.group(1).split() if m else [])
    if q.unit is None and _AGE_BOUND.match(q.text):
        # "those who died were under 50", "people over 65 are at risk": an age, not a count
        people = _PEOPLE_BE_BEFORE.search(before) if _AGE_END_AFTER.match(after) else None
        if people is None and _VERB_AFTER.match(after):
            people = _PEOPLE_BEFORE.search(before)
        if people is not None:
            return _age_label([people.group(1).lower()])
    if q.unit is None and q.text.isdigit() and _APPOSITION_AFTER.match(after):
        m = _APPOSITION_BEFORE.search(before)
        if m:  # "Ruth Ames, 61,", "The Ghanaian forward, 23,"
            return _age_label(m.group(1).split())
    return None


# A bound on people's age: "(those who died were) under 50", "(people) over 65 (are)".
_AGE_BOUND = re.compile(r"(?:just\s+|well\s+)?(?:under|over|above|below)\s+\d{1,3}$", re.I)
_PEOPLE = (
    r"(people|persons|residents|victims|patients|children|adults|those(?:\s+who\s+\w+)?|"
    r"men|women|passengers|voters|workers|students|citizens|individuals|employees|"
    r"pensioners|drivers|users|the\s+dead|the\s+infected)"
)
_PEOPLE_BE_BEFORE = re.compile(_PEOPLE + r"\s+(?:were|are|was|is|being)\s+$", re.I)
_PEOPLE_BEFORE = re.compile(_PEOPLE + r"\s+$", re.I)
_VERB_AFTER = re.compile(r"\s+(?:are|were|is|was|must|should|can|could|will|who|have|had)\b")

_NAMES = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+")


def _subject_name(clause: str) -> list[str]:
    """The first name of two words or more in a clause (its subject, in news style: "Sonny
    Mehta, head of Knopf, dies aged 77"), as words; [] if none."""
    m = _NAMES.search(clause)
    return m.group(0).split() if m else []


def _age_label(words: list[str]) -> str:
    """``"age of <whose>"``: the name ending the words if there is one, else the words
    without their determiners ("the Ghanaian forward" -> "Ghanaian forward")."""
    text = " ".join(words)
    name = _NAME_RUN.search(text)
    if name and name.group(0).lower() not in _DETERMINERS and len(name.group(0).split()) >= 2:
        return f"age of {name.group(0)}"
    who = _clean_measure([w for w in words if w.lower() not in _DETERMINERS])
    return f"age of {who}" if who else _AGE_OF_SOMEONE


def _strip_time_words(measure: str) -> str:
    """ "October's total" -> "total": the period is kept apart from the measure."""
    out = re.sub(rf"\b{_MONTH_ALT}(?:['’]s)?(?![a-z])\s*", "", measure, flags=re.IGNORECASE)
    return out.strip()


# Units of one kind, in the unit they are compared in: "1,200 metres" and "1.2 kilometres" are one
# figure, and so are "18 months" and "a year and a half" (a month is a twelfth of a year).
BASE_UNITS: dict[str, tuple[str, float]] = {
    "km": ("m", 1000.0), "cm": ("m", 0.01), "mm": ("m", 0.001), "mi": ("m", 1609.344),
    "ft": ("m", 0.3048), "in": ("m", 0.0254), "yd": ("m", 0.9144),
    "km2": ("m2", 1e6), "mi2": ("m2", 2589988.110336), "ft2": ("m2", 0.09290304),
    "ha": ("m2", 1e4), "acre": ("m2", 4046.8564224),
    "kg": ("g", 1000.0), "mg": ("g", 1e-3), "µg": ("g", 1e-6), "lb": ("g", 453.592),
    "t": ("g", 1e6), "mL": ("L", 1e-3), "gal": ("L", 3.785411784), "GW": ("MW", 1000.0),
    "year": ("day", 365.25), "month": ("day", 365.25 / 12), "week": ("day", 7.0),
    "hour": ("day", 1 / 24), "minute": ("day", 1 / 1440), "second": ("day", 1 / 86400),
    "fraction": ("%", 100.0),
}  # fmt: skip


def base_unit(unit: str | None) -> tuple[str | None, float]:
    """The unit ``unit`` is compared in, and how many of it one ``unit`` is."""
    return BASE_UNITS.get(unit or "", (unit, 1.0))


def in_base_unit(q: Quantity) -> Quantity:
    """The same quantity in its base unit (:data:`BASE_UNITS`); the text stays as written."""
    unit, scale = base_unit(q.unit)
    if scale == 1.0:
        return q

    def scaled(v: float | None) -> float | None:
        return None if v is None else v * scale

    return _replace(
        q, unit=unit, value=scaled(q.value), low=scaled(q.low), high=scaled(q.high),
        step=q.step * scale,
    )  # fmt: skip


def _replace(q: Quantity, **changes: object) -> Quantity:
    from dataclasses import replace

    return replace(q, **changes)  # type: ignore[arg-type]


def _sentence_bounds(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    bounds = []
    for m in re.finditer(r"[^\n]+", article.text):
        for piece in re.finditer(r".+?(?:[.!?](?=\s+[A-Z“\"])|$)", m.group(0)):
            if piece.group(0).strip():
                bounds.append((m.start() + piece.start(), m.start() + piece.end()))
    return bounds


def _sentence_of(bounds: list[tuple[int, int]], offset: int) -> int:
    for i, (s, e) in enumerate(bounds):
        if s <= offset < e:
            return i
    for i, (s, _) in enumerate(bounds):
        if s > offset:
            return max(0, i - 1)
    return len(bounds) - 1 if bounds else -1
