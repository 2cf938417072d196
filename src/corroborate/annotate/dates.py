"""Dates: every date an article mentions, absolute or relative, resolved where it can be.

The expressions themselves are read and resolved by :mod:`corroborate.date_expressions`; this
module places them in an article.

:func:`extract_dates` is a pure function of one :class:`~corroborate.model.Article`. It finds

* absolute dates: "December 27", "Dec. 27, 2023", "27 December", "2023-12-27", "in May 2023",
  "early February", "late 2023", "the 2023 fiscal year";
* relative dates: "on Friday", "last Thursday", "Friday's meeting", "yesterday", "last week",
  "this month", "two days ago", "three weeks after ..." (the last kept as text: it is relative
  to another event, not to the article's date);
* days known by their name: "Election Day", "Christmas Eve", "the day after Thanksgiving"
  (dated by their calendar rule), "Super Tuesday" (dated only where the article ties it to a
  date),

and resolves each against the article's publication date (``article.published``) -- or, when
that is unknown, against a date inferred from the dates the article itself mentions
(:func:`infer_published`; every mention resolved that way has ``basis == "inferred"``).

What cannot be resolved keeps ``resolved=None``: nothing is invented. ``resolved`` is always
``YYYY-MM-DD``; for month and year precision it is the first day of the month or year and
``precision`` says how much of it is meaningful (:attr:`DateMention.label` gives "2023-12" or
"2023").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from corroborate.annotate.grammar import (
    Parse,
    dated_phrase,
    governing_verb,
    is_verb,
    span_root,
    verb_time,
    words_in,
)
from corroborate.annotate.quote_marks import Quotation, find_quotations
from corroborate.date_expressions import (
    _MOD_NAME,
    _NUMWORD,
    _WORD_NUMBERS,
    WEEKDAY_NUMBER,
    _Expr,
    _iso,
    _names_pattern,
    _safe_date,
    _year_of_weekday,
    find_date_expressions,
    is_future_context,
    is_us_named_day,
    month_number,
    parse_day,
    period_end,
    range_ends,
    resolve_range,
    resolve_relative_date,
    side_of,
    weekday_around,
)
from corroborate.lang import en
from corroborate.lang.en import MONTH_PATTERN
from corroborate.model import Article

__all__ = [
    "DateMention",
    "another_country",
    "dateline_country",
    "datelines",
    "date_by_story",
    "dated_sentences",
    "extract_dates",
    "in_quotation",
    "infer_published",
]


@dataclass(frozen=True)
class DateMention:
    """A date mentioned in an article.

    Attributes:
        article_id: the article.
        start, end: character span in ``article.text``; ``text`` is that slice.
        resolved: ``YYYY-MM-DD`` (first day of the month/year for coarser precision), or None
            when the article does not allow it to be resolved.
        precision: ``day``, ``week``, ``month`` or ``year`` (None when unresolved).
        relative: whether the mention is relative ("on Friday", "last week", "this month").
        sentence: index of the sentence it lies in (-1 if none).
        modifier: ``early``, ``mid`` or ``late`` ("early February"), else None.
        basis: what the resolution rests on: ``text`` (the mention names its year),
            ``published`` (the article's date), ``inferred`` (a date inferred from the
            article's own mentions), or None.
        future: whether it is a day ahead (a planned meeting): the sentence speaks of it as
            ahead (``side``) and it does not end before the eve of the day it is resolved
            against ("since 2009" in a sentence with a "will" is behind).
        side: the side of the article's date its tense puts it on: ``ahead``, ``back``,
            ``near`` (read from the sentence's parse), or ``ahead~``/``back~`` (hinted by its
            words when it is not parsed).
        phrase: ``(start, end)`` of the noun phrase the date dates when the sentence's parse
            shows it dates that, not the sentence's own happening: a clause describing a noun
            ("commitments made on December 27"), a day the happening is set off from ("ahead
            of Tuesday's primary") (:func:`~corroborate.annotate.grammar.dated_phrase`); else
            None.
        end_date, end_precision: for a range of dates ("between October 2022 and September
            2023", "from 2009 to 2013", "September 16-19", "the 12 months to September"), the
            end of the period, read as ``resolved`` and ``precision`` are (its first day at its
            own precision: ``2023-09-01``, ``month``); ``resolved`` is then the period's start.
            None for a single date.
    """

    article_id: str
    start: int
    end: int
    text: str
    resolved: str | None
    precision: str | None
    relative: bool
    sentence: int = -1
    modifier: str | None = None
    basis: str | None = None
    future: bool = False
    side: str | None = None
    phrase: tuple[int, int] | None = None
    end_date: str | None = None
    end_precision: str | None = None

    @property
    def is_range(self) -> bool:
        """Whether the mention names a period from one date to another, not one date."""
        return self.end_date is not None

    @property
    def last_day(self) -> dt.date | None:
        """The last day the mention covers: its period's end for a range, else the end of
        its own day, month or year."""
        if self.end_date is not None:
            return period_end(self.end_date, self.end_precision)
        return period_end(self.resolved, self.precision) if self.resolved else None

    @property
    def end_label(self) -> str | None:
        """A range's end at its precision (``2023-09``), else None."""
        return _at_precision(self.end_date, self.end_precision)

    @property
    def label(self) -> str | None:
        """The resolved date at its precision: ``2023-12-27``, ``2023-12`` or ``2023``."""
        return _at_precision(self.resolved, self.precision)


def _at_precision(date: str | None, precision: str | None) -> str | None:
    if date is None:
        return None
    if precision == "month":
        return date[:7]
    if precision == "year":
        return date[:4]
    return date


_RELATIVE_KINDS = {"weekday", "day_word", "relative_period", "ago"}


def _sentence_bounds(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article.text)]


def _sentence_of(bounds: list[tuple[int, int]], offset: int) -> int:
    for i, (s, e) in enumerate(bounds):
        if s <= offset < e:
            return i
    return -1


def _clause_around(sentence: str, rel: int) -> str:
    """The clause of a sentence that holds offset ``rel`` (tense is read there)."""
    # tense is read outside quotations: a speaker's "we will" does not make a report future;
    # but a date inside a quotation is read in the speaker's own words
    for quoted in re.finditer(r"“[^”]*”|\"[^\"]*\"", sentence):
        if quoted.start() < rel < quoted.end():
            return _clause_around(quoted.group(0)[1:-1], rel - quoted.start() - 1)
    sentence = re.sub(r"“[^”]*”|\"[^\"]*\"", lambda m: " " * len(m.group(0)), sentence)
    cuts = [
        m.end()
        for m in re.finditer(
            r"[;:]|,\s(?:but|while|and|after|before|when|which|who)\b|\bbut\b", sentence
        )
    ]
    start = max([c for c in cuts if c <= rel], default=0)
    end = min([c for c in cuts if c > rel], default=len(sentence))
    # a short lead before a colon, or a time frame before a comma, frames the whole sentence
    # ("Next weekend: Rovers travel to Millbeck, while United host Oxley on Friday")
    lead = _LEAD.match(sentence)
    framing = lead and (lead.group(2) == ":" or _TIME_FRAME.search(lead.group(1)))
    if lead and framing and start >= lead.end() - 1:
        return f"{lead.group(1)}: {sentence[start:end]}"
    return sentence[start:end]


_LEAD = re.compile(r"\s*((?:[\w'’-]+\s+){0,3}[\w'’-]+)\s*([:,])")
_TIME_FRAME = re.compile(
    r"\b(?:week|weekend|fortnight|month|year|season|days|weeks|months|tomorrow|tonight)\b",
    re.IGNORECASE,
)


def _raw_mentions(article: Article) -> list[tuple[_Expr, int, str]]:
    """The article's date expressions (:func:`date_expressions_of`), each with its sentence and
    the side of the article's date its tense puts it on (:func:`reading_side`)."""
    bounds = _sentence_bounds(article)
    read_before = {(d.start, d.end): d.side for d in article.dates if getattr(d, "side", None)}
    out = []
    for e in date_expressions_of(article.text):
        index = _sentence_of(bounds, e.start)
        side = reading_side(article, index, e) or read_before.get((e.start, e.end))
        if side is None:
            s, t = bounds[index] if index >= 0 else (0, len(article.text))
            side = side_of(is_future_context(_clause_around(article.text[s:t], e.start - s)))
        out.append((e, index, side))
    return out


# Kinds whose day depends on the side of the article's date the tense puts them on.
_SIDED_KINDS = ("weekday", "month_day", "day_month", "month", "month_weekday", "range", "named_day")


def needs_tense(e: _Expr) -> bool:
    """Whether an expression's date depends on its tense: a weekday not told as "last" or
    "next", a month ("early June", "the end of March" too) or a month's day without a year, a
    range whose ends name none."""
    if e.kind not in _SIDED_KINDS or e.groups.get("y") or e.groups.get("rel_year"):
        return False
    if e.kind == "named_day" and not e.groups.get("rule"):
        return False  # "Super Tuesday": no rule dates it, whatever the tense
    which = (e.groups.get("which") or "").lower()
    return which in ("", "on") or (e.kind == "month" and which in ("early", "late", "mid"))


def tense_sentences(article: Article) -> list[int]:
    """The sentences whose dates need their tense read (:func:`needs_tense`): those the
    grammar stage parses for this stage. A weekday that is the article's own day is that day
    whatever the tense: its sentence needs no parse for it."""
    bounds = _sentence_bounds(article)
    published = parse_day(article.published)
    own_day = published.weekday() if published else None
    return sorted(
        {
            _sentence_of(bounds, e.start)
            for e in date_expressions_of(article.text)
            if needs_tense(e)
            and not (
                e.kind == "weekday" and WEEKDAY_NUMBER[(e.groups["wd"] or "").lower()] == own_day
            )
        }
        - {-1}
    )


def dated_sentences(article: Article) -> list[int]:
    """The sentences of five words or more that name a date: a timeline tells their
    happenings, and reads in their parse which words a date dates (a phrase of the sentence,
    :func:`corroborate.annotate.grammar.dated_phrase`)."""
    bounds = _sentence_bounds(article)
    found = {_sentence_of(bounds, e.start) for e in date_expressions_of(article.text)} - {-1}
    sentences = article.sentences or []
    return sorted(i for i in found if i < len(sentences) and len(sentences[i].text.split()) >= 5)


def reading_side(article: Article, index: int, e: _Expr) -> str | None:
    """The side of the article's date (``ahead``, ``back``, ``near``) that the grammar of the
    expression's sentence puts it on, when the sentence is parsed (``Article.parses``) and the
    expression's date depends on it (:func:`needs_tense`).

    The date hangs on a verb (:func:`~corroborate.annotate.grammar.governing_verb`): "since"
    puts it behind, "ahead of" ahead; a deferral verb before "until"/"by" puts it ahead
    ("postponed until Friday"); then the verb's time (:func:`~corroborate.annotate.grammar.
    verb_time`): a future or a modal looks ahead ("could be exhausted by Friday"), a past
    looks back, a present looks ahead ("opens Wednesday") unless it reports ("tells MSNBC on
    Friday"). No verb found: ``near``."""
    parse = article.parses.get(index) if index >= 0 and needs_tense(e) else None
    if not parse:
        return None
    words = words_in(parse, e.start, e.end)
    if not words:
        return None
    root = span_root(parse, words)
    verb, prepositions = governing_verb(parse, root)
    fixed = _side_of_prepositions(prepositions)
    if fixed or verb is None:
        return fixed or "near"
    if in_quotation(article, index, parse[verb].start) and not in_quotation(
        article, index, e.start
    ):
        return "back"  # a date outside the quotation dates its report, not the speaker's verb
    lemma = parse[verb].lemma
    deadline = prepositions[:1] and prepositions[0] in en.DEADLINE_PREPOSITIONS
    if deadline and lemma in en.DEFERRAL_VERBS:
        return "ahead"  # "postponed until Friday"
    time = verb_time(parse, verb)
    side = _side_of_time(time, lemma, prepositions)
    if side == "back" and _looks_ahead_at_its_object(parse, verb):
        return "ahead~"  # "has threatened a strike on March 31": the strike's day
    if not _through_noun(parse, root, verb):
        return side
    if prepositions[:1] == ["from"]:
        return "back~"  # a thing's origin ("the tapes of a conversation from Jan 5"), behind
    described = _describing_clause(parse, root, verb)
    if described is not None and (
        _side_of_time(verb_time(parse, described), parse[described].lemma) != side
    ):
        # the noun's own clause tells another time than the verb the noun hangs on
        # ("questions over a survey of February which would have found leaks"): the nearest
        # such date
        return "near"
    # through a noun, the tense is a hint: a near date on the other side still counts, and a
    # present says nothing of a month's side (a weekday's stays ahead: "meet for the first of
    # three debates Monday"), nor a present or a modal of the side of a day its noun belongs
    # to ("the effect of Monday's vote is still small", "Tuesday night's hearing might not
    # change many minds"): the nearer such day
    if side == "near" or (time == "present" and e.kind != "weekday"):
        return "near"
    possessive = _POSSESSIVE_DAY.match(article.text, e.end - 2)
    following = prepositions[:1] == ["after"]  # "ninth after Saturday's draw": behind
    if time in ("present", "modal") and possessive and not following:
        return "near"
    return side + "~"


# A day named as its happening's owner: "Monday's vote", "Monday night's forum".
_POSSESSIVE_DAY = re.compile(
    r"(?:['’]s|\w\w(?:\s+(?:night|morning|afternoon|evening)['’]s))\b", re.IGNORECASE
)


def _side_of_time(time: str, lemma: str, prepositions: Sequence[str] = ()) -> str:
    """The side a verb's time puts a date it governs on: a future or a modal ahead, a past
    back, a present ahead unless it reports ("tells MSNBC on Friday") or tells a state that
    follows the date ("Rovers are ninth after Saturday's draw")."""
    if time in ("future", "modal"):
        return "ahead"
    if time == "past":
        return "back"
    if time == "present":
        following = prepositions[:1] == ["after"]
        return "back" if lemma in en.REPORTING_LEMMAS or following else "ahead"
    return "near"


def _looks_ahead_at_its_object(parse: Parse, verb: int) -> bool:
    """A verb that looks ahead, with an object ("threatened a strike", "planned a rally"): a
    date beside it more likely dates the object than the verb."""
    if parse[verb].lemma not in en.LOOKING_AHEAD_VERBS:
        return False
    return any(w.head == verb and w.dep == "dobj" for w in parse)


def _through_noun(parse: Parse, root: int, verb: int) -> bool:
    """Whether the date reaches its verb through a noun ("has threatened a strike on March
    31", "questions remain over a report from January"): the verb's time is the threat's or
    the questions', not the strike's or the report's."""
    current = parse[root].head
    while current != verb and parse[current].head != current:
        if parse[current].tag.startswith("NN"):
            return True
        current = parse[current].head
    return False


def _describing_clause(parse: Parse, root: int, verb: int) -> int | None:
    """The verb of a relative clause describing the first noun a date reaches on its way to
    its verb ("a survey of February which would have found leaks": "found"), if that noun
    has one."""
    current = parse[root].head
    while current != verb and parse[current].head != current:
        if parse[current].tag.startswith("NN"):
            return next(
                (
                    i
                    for i, w in enumerate(parse)
                    if w.head == current and w.dep == "relcl" and is_verb(w)
                ),
                None,
            )
        current = parse[current].head
    return None


def _side_of_prepositions(prepositions: Sequence[str]) -> str | None:
    """The side the prepositions on the way from a date to its verb fix, if they do: "since
    Monday" and "according to ... Thursday" (a report) behind, "ahead of Tuesday's vote"
    ahead."""
    if prepositions[:1] and prepositions[0] in en.BACKWARD_PREPOSITIONS:
        return "back"
    if en.REPORTING_PREPOSITIONS & set(prepositions):
        return "back"
    if en.FORWARD_PREPOSITIONS & set(prepositions[:2]):
        return "ahead"
    return None


def in_quotation(article: Article, index: int, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation of sentence ``index`` (a quotation left
    open at either end of the sentence runs to that end)."""
    sentence = article.sentences[index]
    rel = offset - sentence.start
    return any(start <= rel < end for start, end in quotation_spans(sentence.text))


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """The quoted stretches of a sentence: each pair of quote marks, and a closing mark with no
    opening one (the quotation began in an earlier sentence) from the start, an opening one
    with no closing one to the end."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"“[^“”]*”|\"[^\"]*\"", text)]
    first_open = min([text.find(c) for c in "“" if c in text] or [len(text)])
    first_close = text.find("”")
    if 0 <= first_close < first_open:
        spans.append((0, first_close + 1))
    last_close = text.rfind("”")
    last_open = text.rfind("“")
    if last_open > last_close:
        spans.append((last_open, len(text)))
    return spans


@lru_cache(maxsize=8)
def date_expressions_of(text: str) -> tuple[_Expr, ...]:
    """The date expressions of an article's text as this stage reads them: a weekday that
    only restates a date's ("Aug. 14, which was a Monday") checks that date's year and names
    that date (kind ``restated_weekday``); a weekday of habit ("Saturday evenings") names
    none; the items of a list under a year header ("1999:") take its year. Kept for the last
    few texts: choosing the sentences to parse, then the dates stage, read one article's in
    turn."""
    found = list(find_date_expressions(text))
    years = _header_years(text)
    out: list[_Expr] = []
    for k, e in enumerate(found):
        if e.kind == "weekday" and _habitual(text, e):
            continue
        if e.kind == "weekday" and _restates(text, found, k):
            e = _Expr("restated_weekday", e.start, e.end, e.groups)
        if e.kind in ("month_day", "day_month") and not e.groups.get("y"):
            weekday = _restating_weekday(text, found, k)
            if weekday:
                e = _Expr(e.kind, e.start, e.end, dict(e.groups, weekday_check=weekday))
        year = years.get(_line_start(text, e.start))
        if year and needs_tense(e) and e.kind != "weekday":
            kind = "month_year" if e.kind == "month" else e.kind
            e = _Expr(kind, e.start, e.end, dict(e.groups, y=year))
        out.append(e)
    return tuple(out)


# Between a date and the weekday that restates it: "Aug. 14, which was a Monday", "Aug. 14, a
# Monday"; or before it: "Monday, Aug. 14".
_RESTATED_AFTER = re.compile(
    r",\s*(?:(?:which|that)\s+(?:was|is|will\s+be|would\s+be|fell\s+on)\s+)?an?\s+$",
    re.IGNORECASE,
)
_RESTATED_BEFORE = re.compile(r"^(?:['’]s)?,?\s+(?:the\s+)?$")


def _restates(text: str, found: Sequence[_Expr], k: int) -> bool:
    """Whether the weekday ``found[k]`` restates the day of a date written beside it."""
    e = found[k]
    if (e.groups.get("which") or "").lower() not in ("", "on"):
        return False
    before = found[k - 1] if k else None
    after = found[k + 1] if k + 1 < len(found) else None
    if before and before.kind in _DAY_NAMING and _RESTATED_AFTER.search(text[before.end : e.start]):
        return True
    return bool(
        after and after.kind in _DAY_NAMING and _RESTATED_BEFORE.match(text[e.end : after.start])
    )


def _restating_weekday(text: str, found: Sequence[_Expr], k: int) -> str | None:
    """The weekday written beside the date ``found[k]`` to restate it, if any."""
    for j in (k - 1, k + 1):
        if 0 <= j < len(found) and found[j].kind == "weekday" and _restates(text, found, j):
            return (found[j].groups.get("wd") or "").lower()
    return None


_DAY_NAMING = ("month_day", "day_month", "iso")


def _habitual(text: str, e: _Expr) -> bool:
    """A weekday of habit: "on Saturday evenings"."""
    following = re.match(r"\s+(\w+)", text[e.end : e.end + 20])
    return bool(following and following.group(1).lower() in en.HABITUAL_TIME_NOUNS)


# A line that is a year (a list's header: "1999:"), or opens with one ("2000: Jan. 5 - ...").
_YEAR_HEADER = re.compile(r"^[ \t]*[-•*]?[ \t]*(?:In[ \t]+)?((?:1[89]|20)\d\d)[ \t]*(?:[:—–-]|$)")
_LIST_ITEM = re.compile(r"^[ \t]*[-•*]?[ \t]*" + MONTH_PATTERN, re.MULTILINE)


def _header_years(text: str) -> dict[int, str]:
    """For each line a list's year header covers, its start -> that year. A header covers its
    own line and the list items after it, lines that open with a month (blank lines between
    them too), up to the next header or the first line that is not such an item."""
    covered: dict[int, str] = {}
    year: str | None = None
    offset = 0
    for line in text.split("\n"):
        header = _YEAR_HEADER.match(line)
        if header:
            year = header.group(1)
            covered[offset] = year
        elif year and line.strip():
            if _LIST_ITEM.match(line):
                covered[offset] = year
            else:
                year = None
        offset += len(line) + 1
    return covered


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def infer_published(article: Article) -> tuple[str | None, str]:
    """The article's publication date: given, or inferred from the dates it mentions.

    Returns ``(YYYY-MM-DD, article.published_source or "given")`` when the article has a date,
    ``(YYYY-MM-DD, "inferred")`` when one can be inferred, else ``(None, "unknown")``.

    Inference: the latest year the article names anchors its yearless dates ("December 27",
    "Jan. 12"; January follows December when both are named); the article appeared after the
    latest of those dates (:func:`_published_after`). The yearless dates are then read again
    as :func:`extract_dates` will read them against that date -- the year nearest it on the
    side the tense says: one that falls later (a dateline's "Jan 1" read near a body's
    "December 13, 2018") moves the date after it, so no date the article tells as past or
    near lies ahead of the date it is resolved against.
    """
    if article.published:
        return article.published, article.published_source or "given"
    raw = [
        (end, index, side)
        for e, index, side in _raw_mentions(article)
        for end in (range_ends(e) if e.kind == "range" else [e])
    ]  # a range tells the days and years of its two ends
    years = [d.year for e, _, _ in raw if _names_its_year(e) and (d := _resolved(e))]
    if not years:
        return None, "unknown"
    anchor_year = max(years)
    wraps = _yearless_wraps(raw)
    days = _day_dates(raw, anchor_year, wraps, past_only=True)
    if not days:
        return None, "unknown"
    latest = max(days)
    published = _published_after(latest, raw, article.text, anchor_year, wraps)
    for _ in range(3):  # each round only moves the date later; one is enough in practice
        again = max([latest, *_yearless_days(raw, published)])
        if again <= latest:
            break
        latest = again
        published = _published_after(latest, raw, article.text, anchor_year, wraps)
    return _iso(published), "inferred"


_YEAR_KINDS = ("month_year", "year", "fiscal", "iso")


def _names_its_year(e: _Expr) -> bool:
    """A date expression that names its year ("2023", "May 2023", "Dec. 27, 2023")."""
    day_naming = e.kind in _DAY_NAMING or e.kind == "month_weekday"
    return e.kind in _YEAR_KINDS or (day_naming and bool(e.groups.get("y")))


def _resolved(e: _Expr) -> dt.date | None:
    """The date an expression naming its year names (no reference needed)."""
    return resolve_relative_date(e.kind, e.groups, None, False)[0]


def _is_yearless_past(e: _Expr, side: str) -> bool:
    """A month or a month's day without a year, not told as ahead of the article's date."""
    if side.startswith("ahead") or e.groups.get("y"):
        return False
    return e.kind in ("month_day", "day_month") or (e.kind == "month" and not e.groups.get("which"))


def _yearless_wraps(raw: list[tuple[_Expr, int, str]]) -> bool:
    """Whether the yearless months named run over a new year (October-December and
    January-March both named): January then follows December."""
    months = {
        month_number(
            e.groups.get("month") or e.groups.get("month2") or e.groups.get("month3") or ""
        )
        for e, _, side in raw
        if _is_yearless_past(e, side)
    }
    return any(m >= 10 for m in months) and any(m <= 3 for m in months)


def _yearless_days(raw: list[tuple[_Expr, int, str]], reference: dt.date) -> list[dt.date]:
    """The yearless days told as past or near, as :func:`extract_dates` resolves them against
    ``reference``."""
    out = []
    for e, _, side in raw:
        if e.kind in _DAY_NAMING and _is_yearless_past(e, side):
            day, _ = resolve_relative_date(e.kind, e.groups, reference, side)
            if day:
                out.append(day)
    return out


def _published_after(
    latest: dt.date, raw: list[tuple[_Expr, int, str]], text: str, anchor_year: int, wraps: bool
) -> dt.date:
    """The earliest publication date after ``latest``, the latest day the article tells as
    past: the next day, at least a week later when it also names days of the week (news
    style calls the past week's days by name and older ones by date), or "N weeks" after the
    earliest day named when it says so ("three weeks since"); a day of the week it names
    without "last" then falls on or before it."""
    lower = latest + dt.timedelta(days=1)
    weeks_since = [
        _count(m.group(1)) * 7 - 3
        for m in re.finditer(
            rf"\b({_NUMWORD})\s+weeks?\s+(?:since|after|later)\b", text, re.IGNORECASE
        )
        if _count(m.group(1))
    ]
    weekdays = [
        e
        for e, _, side in raw
        if e.kind == "weekday"
        and not side.startswith("ahead")
        and (e.groups.get("which") or "on").lower() in ("on", "")
    ]
    if weekdays:
        lower = max(lower, latest + dt.timedelta(days=7))
    anchors = _day_dates(raw, anchor_year, wraps) if weeks_since else []
    if anchors:
        # "three weeks since/after" counts from one of the dates named; the earliest reading
        # that fits is taken
        lower = max(lower, min(anchors) + dt.timedelta(days=max(weeks_since)))
    published = lower
    for e in weekdays:
        target = WEEKDAY_NUMBER[(e.groups["wd"] or "").lower()]
        published = max(published, lower + dt.timedelta(days=(target - lower.weekday()) % 7))
    return published


def _day_dates(
    raw: list[tuple[_Expr, int, str]], anchor_year: int, wraps: bool, past_only: bool = False
) -> list[dt.date]:
    """The days the article names, a yearless one in ``anchor_year`` (January-March in the
    next year when the months wrap); with ``past_only``, yearless days told as ahead left
    out."""
    out = []
    for e, _, side in raw:
        if e.kind not in _DAY_NAMING:
            continue
        if _names_its_year(e):
            date = _resolved(e)
        elif past_only and not _is_yearless_past(e, side):
            continue
        else:
            month = month_number(e.groups.get("month") or "")
            year = anchor_year + 1 if wraps and month <= 3 else anchor_year
            date = _safe_date(year, month, int(e.groups.get("d") or 1))
        if date:
            out.append(date)
    return out


def _count(word: str) -> int:
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    return _WORD_NUMBERS.get(word, 0)


def extract_dates(article: Article, reference: str | None = None) -> list[DateMention]:
    """Every date ``article.text`` mentions, resolved where the article allows.

    Args:
        article: the article (its ``text``, ``sentences`` and ``published``).
        reference: resolve relative dates against this ``YYYY-MM-DD`` instead (a story-level
            estimate, say); default: ``article.published``, else :func:`infer_published`.

    >>> from corroborate.model import Article
    >>> a = Article("a", "a.txt", "", text="They met on Friday.", published="2024-01-20")
    >>> [(d.text, d.resolved, d.relative) for d in extract_dates(a)]
    [('Friday', '2024-01-19', True)]
    """
    basis = "published"
    ref_text = reference or article.published
    if reference:
        basis = "reference"
    if not ref_text:
        # Inferred once per article (an article stage of corroborate.pipeline), else here.
        ref_text = article.published_inferred or infer_published(article)[0]
        basis = "inferred"
    ref = dt.date.fromisoformat(ref_text) if ref_text else None
    out: list[DateMention] = []
    raw = _raw_mentions(article)
    # read from the parse when it is at hand, else as read before (a story re-dates articles)
    phrases = {(d.start, d.end): d.phrase for d in article.dates}
    quotations = find_quotations(article.text) if article.parses else []
    bounds = _sentence_bounds(article)
    for k, (e, index, side) in enumerate(raw):
        year = _year_of_sentence(article.text, bounds, raw, k)
        if year:
            # "In 2022, encounters totaled 235,173 in November" -> November 2022
            kind = "month_year" if e.kind == "month" else e.kind
            e = _Expr(kind, e.start, e.end, dict(e.groups, y=year))
        end_date, end_precision = None, None
        if e.kind == "range":
            (date, precision), (end_date, end_precision) = resolve_range(e.groups, ref, side)
        else:
            date, precision = resolve_relative_date(e.kind, e.groups, ref, side)
        if year == "":
            date, precision = None, None  # "that year", and no year named before to be it
        if e.kind == "named_day" and basis == "inferred" and not e.groups.get("y"):
            # a day dated by its rule alone needs the article's date: an inferred one rests
            # on other dates (and a year or more off, names another year's New Year's Eve)
            date, precision = None, None
        if (
            e.kind == "named_day"
            and is_us_named_day(e.groups)
            and not e.groups.get("country")
            and another_country(article)
        ):
            date, precision = None, None  # Canada's Thanksgiving, a British election day
        names_year = (
            bool(
                e.groups.get("y")
                or e.groups.get("y1")
                or e.groups.get("y2")
                or e.groups.get("y3")
                or e.groups.get("y4")
            )
            or e.kind == "iso"
        )
        mod = (
            e.groups.get("mod")
            or e.groups.get("mod2")
            or (
                e.groups.get("which") if e.groups.get("which") in ("early", "late", "mid") else None
            )
        )
        out.append(
            DateMention(
                article_id=article.id,
                start=e.start,
                end=e.end,
                text=article.text[e.start : e.end],
                resolved=_iso(date) if date else None,
                precision=precision if date else None,
                relative=e.kind in _RELATIVE_KINDS,
                sentence=index,
                modifier=_MOD_NAME.get(re.sub(r"\s+", " ", mod.lower())) if mod else None,
                basis=("text" if names_year else basis) if date else None,
                side=side,
                phrase=_dated_phrase(article, index, e, quotations)
                if index in article.parses
                else phrases.get((e.start, e.end)),
                end_date=_iso(end_date) if date and end_date else None,
                end_precision=end_precision if date and end_date else None,
            )
        )
        out[-1] = replace(out[-1], future=_ahead(out[-1], ref))
    kinds = [e.kind for e, _, _ in raw]
    out = _named_days_the_article_dates(article.text, out, raw, ref)
    one_day = _one_day_per_weekday(article, _restated_days(out, kinds), raw, ref)
    return _weekdays_the_article_names(one_day, raw, ref)


def _ahead(mention: DateMention, ref: dt.date | None) -> bool:
    """Whether a mention whose tense puts it ahead (``side``) is a day ahead: the period it
    names does not end before the reference day (the day before it counts on either side, as
    for a yearless date: news written the evening before). A date that lies wholly before the
    article's own day is behind it whatever the "will" or "would" around it ("the firm, which
    has run the ferries since 2009, will pay", "will pay, as she promised on 3 May", told in
    late May): the tense looks ahead at another word of the sentence."""
    if not (mention.side or "").startswith("ahead"):
        return False
    last = mention.last_day
    return last is None or ref is None or last >= ref - dt.timedelta(days=1)


def another_country(article: Article) -> str | None:
    """What marks an article as coverage of another country than the United States, where a
    day of the US calendar's name may be that country's day (:func:`~corroborate.
    date_expressions.is_us_named_day`): its language, other than English; its address, on a
    country's domain other than ".us" ("bbc.co.uk", "cbc.ca"; not the ".co" or ".tv" used the
    world over) or a known outlet's of another country (:data:`corroborate.lang.en.
    OTHER_COUNTRY_DOMAINS`: "ynetnews.com"); its outlet, one of another country's (:data:`corroborate.lang.en.
    OTHER_COUNTRY_OUTLETS`); its dateline, a place outside the United States
    (:func:`dateline_country`); or its text, which names other countries' places
    (:data:`OTHER_PLACES_NAMED` times or more) and never the United States nor a state of it.
    None when nothing does: an English article is read as US
    coverage unless it says otherwise. A ``country`` the manifest gives the article (the
    attribute coverage is split by) decides before all of these: the United States (as
    :data:`corroborate.lang.en.US_NAMES` writes it, or "United States of America") or another.
    Next comes the region of the language tag the source gives (:attr:`~corroborate.model.
    Article.region`): another country's ("en-GB", "en-CA", "en-IN") marks the article as its
    coverage. The United States' ("en-US", "es-US": :data:`corroborate.lang.en.US_REGIONS`)
    is US coverage, so a language other than English is not read as another country then
    ("es-US"); but it outweighs none of the evidence after it, as "en-US" is the tag the
    commonest publishing software writes by default, whatever the country, and a dateline or
    the places the text names tell of the article's subject, not of its publisher.

    >>> from corroborate.model import Article
    >>> another_country(Article("a", "a.txt", "", url="https://www.cbc.ca/news/x"))
    'address cbc.ca'
    >>> another_country(Article("a", "a.txt", "", attrs={"country": "Canada"}))
    'country Canada'
    >>> another_country(Article("a", "a.html", "", region="GB"))
    'language tag en-GB'
    """
    given = str(article.attrs.get("country") or "").strip()
    if given:
        us = given.casefold() in {n.casefold() for n in (*en.US_NAMES, "United States of America")}
        return None if us else f"country {given}"
    region = article.region or ""
    if re.fullmatch(r"[A-Z]{2}", region) and region not in en.US_REGIONS:
        return f"language tag {article.language}-{region}"
    if article.language and article.language != "en" and region not in en.US_REGIONS:
        return f"language {article.language}"
    for address in (article.url, article.outlet):
        host = _host(address or "")
        top = host.rsplit(".", 1)[-1]
        if len(top) == 2 and top != "us" and top not in en.GENERIC_COUNTRY_DOMAINS:
            return f"address {host}"
        if any(host == d or host.endswith("." + d) for d in en.OTHER_COUNTRY_DOMAINS):
            return f"address {host}"
    outlet = re.sub(r"^the\s+", "", (article.outlet or "").casefold().strip())
    if outlet in en.OTHER_COUNTRY_OUTLETS:
        return f"outlet {article.outlet}"
    for dateline in datelines(article):
        if dateline_country(dateline) == "other":
            return f"dateline {dateline}"
    other_places, us_places = _place_patterns()
    others = other_places.findall(article.text)
    if len(others) >= OTHER_PLACES_NAMED and not us_places.search(article.text):
        return f"text names {others[0]} and {len(others) - 1} more, the US never"
    return None


# How many times an article must name places of other countries, and the US never, to be
# read as another country's coverage (an Israeli ministry's Memorial Day, told by a site no
# list knows): two, so that one stray name ("Victoria", a person) is not enough.
OTHER_PLACES_NAMED = 2


@lru_cache(maxsize=1)
def _place_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The names of other countries, their regions and cities alone in datelines, as a text
    writes them: not the abbreviations of regions ("Man." ends many a sentence), nor the names
    that are people's too (:data:`corroborate.lang.en.PLACES_NAMING_PEOPLE`: "Victoria"), nor
    the adjectives ("Mark Cuban", "Italian food"); then the United States and its states
    ("U.S.", "American", "Ohio"). Compiled on first use: few articles name a US day."""
    others = [
        n
        for n in (*en.OTHER_COUNTRIES, *en.WORLD_DATELINE_CITIES)
        if not re.fullmatch(r"[A-Z][a-z]+\.", n) and n not in en.PLACES_NAMING_PEOPLE
    ]
    us = (*en.US_NAMES, *en.US_STATES, "Americans")
    return (
        re.compile(rf"(?<![\w.])(?:{_names_pattern(others)})(?:['’]s)?(?!\w)"),
        re.compile(rf"(?<![\w.])(?:{_names_pattern(us)})(?!\w)"),
    )


def _host(address: str) -> str:
    """The host of a web address, or of a bare domain ("cbc.ca"), lower-cased; "" for
    anything else (an outlet's name)."""
    found = re.match(
        r"(?:[a-z][\w+.-]*://)?(?:www\.)?([\w-]+(?:\.[\w-]+)+)(?::\d+)?(?:[/?#]|$)",
        address.strip().lower(),
    )
    return found.group(1) if found and not found.group(1).replace(".", "").isdigit() else ""


def datelines(article: Article) -> list[str]:
    """The datelines cleaning cut off the article's lede ("TORONTO (CP) —")."""
    return [r.text for r in article.removed if r.reason == "dateline"]


def dateline_country(dateline: str) -> str | None:
    """Where a dateline's place is: "us" for a town in a US state ("PASADENA, Calif.",
    "LONDON, Ky."), "other" for one in another country or its region ("PERTH, Western
    Australia", "HALIFAX, N.S.") or a city named alone outside the United States ("LONDON",
    "NEW DELHI"); None when it does not say ("WASHINGTON", "SPRINGFIELD")."""
    place = re.split(r"\(|\s[—–-]|\s--|—|–", dateline, maxsplit=1)[0]
    parts = [p.strip() for p in place.split(",") if p.strip()]
    if not parts:
        return None  # "(AFP) -": an outlet, no place
    town, *rest = parts
    for part in rest:
        if _is_one_of(part, en.US_STATES):
            return "us"
        if _is_one_of(part, en.OTHER_COUNTRIES):
            return "other"
    if _is_one_of(town, en.WORLD_DATELINE_CITIES) or _is_one_of(town, en.OTHER_COUNTRIES):
        return "other"
    return None


@lru_cache(maxsize=8)
def _folded_names(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_fold_place(n) for n in names)


def _fold_place(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold().strip())


def _is_one_of(text: str, names: tuple[str, ...]) -> bool:
    """Whether a place as a dateline writes it ("NEW DELHI", "Calif.") is one of ``names``."""
    return _fold_place(text) in _folded_names(names)


def _year_of_sentence(
    text: str, bounds: list[tuple[int, int]], raw: list[tuple[_Expr, int, str]], k: int
) -> str | None:
    """The year a month (or a month's day) named without one (``raw[k]``) takes from a year
    named before it ("" when it says "of that year" and no year named near before is that
    year: it is then left undated), else None. A month takes a year named before it in
    its sentence, when that year frames it: the sentence opens on the year ("In 2022,
    encounters totaled 235,173 in November"), the month says so ("in January of that year"),
    or a month named with its year leads on to it, later in that year and in the same clause
    ("would take office in February 2025, run in a special election in November"). A year
    that only bounds a period ("since 2011", "until 2008") or lies in another clause dates
    nothing else: the month then takes the year its own tense gives it ("fees charged since
    2011 will be audited, amid questions over a survey in March")."""
    e, index, _ = raw[k]
    that_year = bool(_THAT_YEAR.match(text, e.end))
    if e.groups.get("y") or e.groups.get("rel_year") or index < 0:
        return None
    if e.kind in ("month_day", "day_month"):
        return _year_referred_back(raw, k) or "" if that_year else None  # "Oct. 5 of that year"
    which = e.groups.get("which")
    if e.kind != "month" or (which and not (that_year and which in ("early", "late", "mid"))):
        return None
    start = bounds[index][0]
    years = [
        y
        for y, i, _ in raw[:k]
        if i == index
        and y.kind in ("year", "month_year")
        and y.groups.get("y")
        and not y.groups.get("mod")
    ]
    if that_year:  # "in October of that year": the year named last, in this sentence or before
        return years[-1].groups["y"] if years else _year_referred_back(raw, k) or ""
    if not years:
        return None
    first = years[0]
    if _SENTENCE_FRAME.fullmatch(text[start : first.start]):
        return first.groups["y"]  # "In 2008, ...", "But in 2012, ..."
    last = years[-1]
    month = e.groups.get("month") or e.groups.get("month2") or e.groups.get("month3") or ""
    sentence = text[start : bounds[index][1]]
    same_clause = _clause_around(sentence, last.start - start) == _clause_around(
        sentence, e.start - start
    )
    if (
        last.kind == "month_year"
        and same_clause
        and not _BOUNDING.search(text, max(start, last.start - 25), last.start)
        and month_number(month) > month_number(last.groups.get("month") or "")
    ):
        return last.groups["y"]
    return None


def _year_referred_back(raw: list[tuple[_Expr, int, str]], k: int) -> str | None:
    """The year "that year" after ``raw[k]`` refers back to: the year of the last date
    named before it that names its year, in its sentence or the two before ("... in 1992.
    He turned around his image between early June of that year and ..."); None when that
    date is a range (which of its years?) or none is that near."""
    index = raw[k][1]
    for e, i, _ in reversed(raw[:k]):
        if i < index - 2:
            return None
        if e.kind == "range":
            if e.groups.get("y"):
                return None
            continue
        if _names_its_year(e) and not e.groups.get("mod"):
            date = _resolved(e)
            return str(date.year) if date else None
    return None


# What may come before a year that frames its sentence: "In 2022, ...", "But in 2012, ...".
_SENTENCE_FRAME = re.compile(
    r"\s*(?:(?:And|But|Then|Back|Yet|So|Even)\s+)?(?:[Ii]n|[Dd]uring|By)\s+"
)
# "in October of that year", "in May that same year"
_THAT_YEAR = re.compile(r"\s*,?\s*(?:of\s+)?that\s+(?:same\s+)?year\b", re.IGNORECASE)
# A word that makes a year the bound of a period, not the time of what follows.
_BOUNDING = re.compile(
    r"\b(?:since|until|till|from|through|before|after|by)\s+(?:the\s+(?:end|start|beginning)"
    r"\s+of\s+)?$",
    re.IGNORECASE,
)


# A plain future in a date's clause: its weekday is ahead, whatever else the article says.
_PLAIN_FUTURE = re.compile(r"\b(?:(?-i:will)|shall|won't|going to)\b|'ll\b|’ll\b", re.IGNORECASE)


def _one_day_per_weekday(
    article: Article,
    mentions: list[DateMention],
    raw: list[tuple[_Expr, int, str]],
    ref: dt.date | None,
) -> list[DateMention]:
    """A day of the week named alone ("Tuesday", "on Tuesday") names one day in one article.

    News names the days of the week around its own date by name; the day before or after it is
    what a weekday's name most often means. When one mention of a weekday is read as that
    adjacent day and another mention of the same name, by a tense that misleads ("should also
    get a boost from the win Tuesday", "was to be issued Wednesday"), as the same weekday a
    week off, the far reading takes the near one's date: an article does not call yesterday and
    the same day next week both plain "Tuesday". Readings three to five days apart on either
    side ("voted on Tuesday" and "votes Tuesday" in a Friday article) are both plausible and
    left as they are, and so is a weekday the clause puts plainly ahead ("engineers will
    inspect it Sunday" beside "flooding closed it on Sunday" in a Monday article).
    """
    if ref is None:
        return mentions

    def plainly_ahead(m: DateMention) -> bool:
        s, t = _sentence_bounds(article)[m.sentence] if m.sentence >= 0 else (0, len(article.text))
        return bool(_PLAIN_FUTURE.search(_clause_around(article.text[s:t], m.start - s)))

    bare: dict[str, list[int]] = {}
    for k, (e, _, _) in enumerate(raw):
        alone = e.kind == "weekday" and (e.groups.get("which") or "on").lower() in ("on", "")
        if alone and mentions[k].resolved and mentions[k].precision == "day":
            bare.setdefault((e.groups.get("wd") or "").lower(), []).append(k)
    out = list(mentions)
    for ks in bare.values():
        offsets = {k: (dt.date.fromisoformat(out[k].resolved or "") - ref).days for k in ks}
        near = [k for k in ks if abs(offsets[k]) <= 1]
        if not near:
            continue
        model = out[near[0]]
        for k in ks:
            far = abs(offsets[k]) >= 6 and abs(offsets[k] - offsets[near[0]]) == 7
            if far and not (offsets[k] > 0 and plainly_ahead(out[k])):
                out[k] = replace(out[k], resolved=model.resolved, future=model.future)
    return out


def _weekdays_the_article_names(
    mentions: list[DateMention], raw: list[tuple[_Expr, int, str]], ref: dt.date | None
) -> list[DateMention]:
    """A weekday named alone whose side its sentence only hints (read through a noun, "the
    senator praised the host of Monday night's forum", or from its words) and that it reads
    as the farther of the two days of that name around the article's date (four to six days
    off) is the nearer one when the article names that one for sure otherwise: another
    mention of the weekday whose tense puts it there, a day word or a date ("the forum starts
    tomorrow"); a mention only hinted is no such evidence. News names the days around its
    own date by name, the nearer first (:func:`_one_day_per_weekday` does so for the day
    beside the article's date, whatever the tense)."""
    if ref is None:
        return mentions
    out = list(mentions)
    named = {
        m.resolved
        for m, (e, _, side) in zip(out, raw, strict=True)
        if m.resolved
        and m.precision == "day"
        and not m.is_range
        and not (e.kind == "weekday" and _hinted(side))
    }
    for k, (e, _, side) in enumerate(raw):
        alone = e.kind == "weekday" and (e.groups.get("which") or "on").lower() in ("on", "")
        m = out[k]
        if not alone or not _hinted(side) or not m.resolved or m.precision != "day":
            continue
        back, ahead = weekday_around(e.groups.get("wd") or "", ref)
        if back == ahead:
            continue
        nearer, farther = (back, ahead) if ref - back < ahead - ref else (ahead, back)
        if m.resolved == _iso(farther) and _iso(nearer) in named:
            out[k] = replace(m, resolved=_iso(nearer), future=nearer > ref)
    return out


def _named_days_the_article_dates(
    text: str, mentions: list[DateMention], raw: list[tuple[_Expr, int, str]], ref: dt.date | None
) -> list[DateMention]:
    """A day known by a name no calendar rule dates ("Super Tuesday", "Super Tuesday II") is
    no plain weekday: it is dated only where the article ties it to a day it dates, a date
    written beside it on the weekday the name holds ("Super Tuesday, March 1", "the Super
    Tuesday primary on March 1", "on March 15, the so-called Super Tuesday II", "Super
    Tuesday, when 15 states will hold elections on March 1"). Every mention of that name in
    the article then takes that day, when the article ties the name to one day only; a name
    with its own year ("the 1988 Super Tuesday") is another day and keeps its year."""
    out = list(mentions)
    ties: dict[str, set[DateMention]] = {}  # by name, the dates that tie it to a day
    tied: dict[int, DateMention] = {}
    for k, (e, index, _) in enumerate(raw):
        if e.kind != "named_day" or e.groups.get("rule") or e.groups.get("y") or index < 0:
            continue
        for j, (d, other, side) in enumerate(raw):
            m = out[j]
            if other != index or d.kind not in _DAY_NAMING or m.precision != "day" or m.is_range:
                continue
            if d.start >= e.end:
                linked = _TIE_AFTER.fullmatch(text, e.end, d.start)
            else:
                linked = _TIE_BEFORE.fullmatch(text, d.end, e.start)
            day = _on_its_weekday(d, m, e.groups.get("wd") or "", ref, side) if linked else None
            if day is not None:
                # the name restates the date's weekday: the date is in a year it falls on it
                out[j] = tied[k] = replace(m, resolved=day)
                ties.setdefault(_name_key(e), set()).add(tied[k])
                break
    for k, (e, _, _) in enumerate(raw):
        if e.kind != "named_day" or e.groups.get("rule") or e.groups.get("y"):
            continue
        date = tied.get(k)
        days = {d.resolved: d for d in ties.get(_name_key(e), ())}
        if date is None and len(days) == 1:
            date = next(iter(days.values()))
        if date is not None and date.resolved:
            shift = dt.timedelta(days=int(e.groups.get("shift") or 0))  # "the day before ..."
            day = _iso(dt.date.fromisoformat(date.resolved) + shift)
            out[k] = replace(
                out[k], resolved=day, precision="day", basis=date.basis, future=date.future
            )
    return out


def _on_its_weekday(
    e: _Expr, m: DateMention, weekday: str, ref: dt.date | None, side: str
) -> str | None:
    """The day of a date ``e`` (read as ``m``) that a day's name holding ``weekday`` dates:
    its own when it falls on that weekday, else, for a date written without its year, the
    day in the near year in which it does ("Super Tuesday on March 1" read as last year's
    March 1 by a misleading tense); None when no near year fits."""
    if not m.resolved:
        return None
    if dt.date.fromisoformat(m.resolved).weekday() == WEEKDAY_NUMBER[weekday]:
        return m.resolved
    if ref is None or e.groups.get("y") or e.kind == "iso":
        return None
    month, day = month_number(e.groups.get("month") or ""), int(e.groups.get("d") or 0)
    year = _year_of_weekday(month, day, ref, side, weekday)
    date = _safe_date(year, month, day) if year else None
    return _iso(date) if date else None


def _name_key(e: _Expr) -> str:
    """A day's name as one key: "mini-Super Tuesday" and "Mini Super Tuesday" alike."""
    return re.sub(r"[\s-]+", " ", (e.groups.get("name") or "").lower())


_QUOTE_MARK = "['’‘\"“”]"
# Between a day's name and the date after it that dates it: "Super Tuesday, March 1", "the
# 'Super Tuesday' March 1 states", "the Super Tuesday primary on March 1", "Super Tuesday
# (March 1)", "Super Tuesday, when 15 states will hold elections on March 1".
_TIE_AFTER = re.compile(
    rf"{_QUOTE_MARK}?(?:\s+(?:{'|'.join(en.NAMED_DAY_EVENTS)}))?(?:\s*[,(—–-]\s*|\s+)(?:on\s+)?"
    r"|,\s+when\b[^.;:]{0,60}?\bon\s+"
)
# Between a date and the day's name after it: "March 1, known as Super Tuesday", "on March
# 15, the so-called Super Tuesday II", "the March 1 Super Tuesday", "March 1's Super Tuesday".
_TIE_BEFORE = re.compile(
    rf"(?:['’]s)?\s*[,(—–-]?\s*(?:(?:the|a|what\s+is)\s+)?"
    rf"(?:(?:{'|'.join(en.NAMED_DAY_TIES)})\s+)?(?:the\s+)?{_QUOTE_MARK}?"
)


def _hinted(side: str) -> bool:
    """A side the sentence only hints (:data:`~corroborate.date_expressions.SIDES`)."""
    return side.endswith("~") or side == "near"


def _dated_phrase(
    article: Article, index: int, e: _Expr, quotations: Sequence[Quotation]
) -> tuple[int, int] | None:
    """The noun phrase a date dates, not its sentence (:attr:`DateMention.phrase`); none
    inside a quotation: a piece cut from someone's words would be read out of them."""
    if any(q.start <= e.start < q.end for q in quotations):
        return None
    return dated_phrase(article.parses[index], e.start, e.end)


def _restated_days(mentions: list[DateMention], kinds: Sequence[str]) -> list[DateMention]:
    """A weekday that restates a date written beside it ("Sunday's Sept. 11 memorial", "Aug.
    14, which was a Monday") names that date: it takes the date's resolution."""
    out = list(mentions)
    for k, kind in enumerate(kinds):
        if kind != "restated_weekday":
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(out) and kinds[j] in _DAY_NAMING and out[j].sentence == out[k].sentence:
                date = out[j]
                out[k] = replace(
                    out[k],
                    resolved=date.resolved,
                    precision=date.precision,
                    basis=date.basis,
                    relative=False,
                    future=date.future,
                )
                break
    return out


def with_reference(mentions: list[DateMention], **changes: object) -> list[DateMention]:
    """Copies of mentions with fields changed (a small helper for story-level passes)."""
    return [replace(m, **changes) for m in mentions]  # type: ignore[arg-type]


STORY_DATE_WINDOW_DAYS = 45


def date_by_story(
    articles: Sequence[Article], window_days: int = STORY_DATE_WINDOW_DAYS
) -> list[Article]:
    """The story's articles, an undated one moved to the story's time where its text allows.

    :func:`infer_published` gives the *earliest* date an undated article's own mentions
    allow. When the other articles of its story were published (or inferred) later -- their
    median date falls after that lower bound, within ``window_days`` -- the article is taken
    to be of that time too: it comes back as a copy whose ``published_inferred`` is the median
    and whose dates are resolved again against it. An article with no inferred date (nothing
    to anchor a year) is left alone: a story's date says nothing about an article that may
    report its start. The articles given are not changed.
    """
    dated = {
        a.id: a.published or a.published_inferred
        for a in articles
        if a.published or a.published_inferred
    }
    out = []
    for article in articles:
        out.append(article)
        if article.published or not article.published_inferred:
            continue
        others = sorted(d for i, d in dated.items() if i != article.id and d)
        if not others:
            continue
        consensus = others[(len(others) - 1) // 2]
        lower = dt.date.fromisoformat(article.published_inferred)
        later = dt.date.fromisoformat(consensus)
        if lower < later <= lower + dt.timedelta(days=window_days):
            moved = replace(article, published_inferred=consensus)
            out[-1] = replace(moved, dates=extract_dates(moved, reference=consensus))
    return out
