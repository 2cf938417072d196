"""Dates: every date an article mentions, absolute or relative, resolved where it can be.

:func:`extract_dates` is a pure function of one :class:`~corroborate.model.Article`. It finds

* absolute dates: "December 27", "Dec. 27, 2023", "27 December", "2023-12-27", "in May 2023",
  "early February", "late 2023", "the 2023 fiscal year";
* relative dates: "on Friday", "last Thursday", "Friday's meeting", "yesterday", "last week",
  "this month", "two days ago", "three weeks after ..." (the last kept as text: it is relative
  to another event, not to the article's date),

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

from corroborate.lang import en, es, fr
from corroborate.model import Article

__all__ = [
    "DateMention",
    "extract_dates",
    "infer_published",
    "resolve_relative_date",
    "is_future_context",
    "full_date_in",
]

MONTH_NUMBER = en.MONTH_NUMBER
WEEKDAY_NUMBER = en.WEEKDAY_NUMBER
# Month names are matched capitalised only, so the verb "may" and "march" are left alone.
_MONTH = en.MONTH_PATTERN + r"(?![a-z])"
_WEEKDAY = "(?:" + "|".join(f"[{d[0].upper()}{d[0]}]{d[1:]}" for d in en.WEEKDAYS) + ")"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MOD = r"(?:(?P<mod>(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end\s+of|beginning\s+of|start\s+of|the\s+middle\s+of))[\s-]+)"
# Counts of days, weeks...: "a" and the number words to twelve, then vaguer ones ("a few").
_WORD_NUMBERS = {"a": 1, "an": 1} | {w: n for n, w in enumerate(en.NUMBER_WORDS[:13]) if n}
_VAGUE_COUNT = "|".join(c.replace(" ", r"\s+") for c in en.VAGUE_COUNTS)
_NUMWORD = rf"(?:\d+|{'|'.join(_WORD_NUMBERS)}|{_VAGUE_COUNT})"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    (
        "month_day",
        re.compile(
            rf"\b(?P<month>{_MONTH})\s*(?P<d>{_DAY})(?:st|nd|rd|th)?\b(?!\s*(?:,\d|\d|%|"
            rf"(?:million|billion|thousand|hundred|people|percent|migrants)\b))"
            rf"(?:,?\s+(?P<y>{_YEAR})\b)?"
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?P<d>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})"
            rf"(?:,?\s+(?P<y>{_YEAR})\b)?"
        ),
    ),
    (
        "month_year",
        re.compile(rf"(?:\b{_MOD})?\b(?P<month>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b"),
    ),
    (
        "fiscal",
        re.compile(
            rf"\b(?:(?:the\s+)?(?P<y1>{_YEAR})\s+fiscal\s+year|fiscal\s+(?:year\s+)?(?P<y2>{_YEAR}))\b"
        ),
    ),
    (
        "month",
        re.compile(
            rf"(?:\b(?P<prep>(?i:in|since|during|by|until|through|from|of|this|last|next|"
            rf"early|late|mid))[\s-]+(?:(?P<mod2>early|late|mid)[\s-]+)?)(?P<month>{_MONTH})"
            rf"|\b(?P<month2>{_MONTH})(?=['’]s\s)"
            rf"|(?<=[Tt]he\s)(?P<month3>{_MONTH})(?=\s+(?:election|meeting|summit|vote|talks))"
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?:\b{_MOD}|\b(?P<prep>(?i:in|since|during|by|until|through|of|from|for))\s+)"
            rf"(?P<y>{_YEAR})\b(?!\s*(?:,\d|\.\d|million|billion|thousand|percent|%))"
            rf"|(?<![\w$.,-])(?P<y3>{_YEAR})(?=\s+(?:election|elections|season|census|budget))"
        ),
    ),
    (
        "ago",
        re.compile(
            rf"\b(?P<n>{_NUMWORD})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|before|"
            rf"later|after|since|from\s+now)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<which>last|this\s+past|this|next|past|on|coming|this\s+coming)\s+)?"
            rf"(?P<wd>{_WEEKDAY})(?:['’]s)?\b"
        ),
    ),
    ("day_word", re.compile(rf"\b(?P<w>{'|'.join(en.DAY_OFFSETS)})\b", re.IGNORECASE)),
    (
        "relative_period",
        re.compile(
            r"\b(?:(?P<so_far>so\s+far\s+)?(?P<which>last|this|next|the\s+past|the\s+previous|"
            r"earlier\s+this|later\s+this|the\s+coming)\s+)(?P<unit>week|weekend|month|year)\b",
            re.IGNORECASE,
        ),
    ),
]
_MOD_NAME = {
    "early": "early",
    "late": "late",
    "mid": "mid",
    "the end of": "late",
    "end of": "late",
    "the beginning of": "early",
    "beginning of": "early",
    "the start of": "early",
    "start of": "early",
    "the middle of": "mid",
}

_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|to\s+be\s+held|scheduled|expected\s+to|plans?\s+to|planned|"
    r"is\s+set\s+to|are\s+set\s+to|upcoming|ahead\s+of|(?:is|are)\s+due\s+to|would\s+be\s+held|likely\s+to|"
    r"is\s+to|are\s+to|to\s+take\s+place|next|is\s+up\s+for|are\s+up\s+for|coming)\b",
    re.IGNORECASE,
)


def parse_day(value: str | None) -> dt.date | None:
    """The day an ISO date or timestamp names (``"2024-01-19T10:00"`` -> 2024-01-19), else None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# Month names of the other languages read ("13 mars 2025", "13 de marzo de 2025").
FOREIGN_MONTH_NUMBER = {
    name: n for names in (fr.MONTHS, es.MONTHS) for n, name in enumerate(names, 1)
}
# A day, a month named in one of those languages, and a year ("1er mars 2025").
FOREIGN_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:er)?\s+(?:de\s+)?(?P<month>{'|'.join(FOREIGN_MONTH_NUMBER)})"
    r"\s+(?:de\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_ISO_DAY = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d(?!\d)")


def full_date_in(text: str) -> str | None:
    """The first full date (month, day and year) written in ``text``, as ``YYYY-MM-DD``: a
    French or Spanish one ("5 mars 2025"), else an English one as :func:`extract_dates` reads
    it ("April 16, 2025", "7 June 2024"), else an ISO stamp ("2023-11-02T08:00:00Z").

    >>> full_date_in("Publié le 13 mars 2025 à 10 h"), full_date_in("Posted April 16, 2025")
    ('2025-03-13', '2025-04-16')
    """
    for m in FOREIGN_DATE.finditer(text):
        try:
            month = FOREIGN_MONTH_NUMBER[m.group("month").lower()]
            return dt.date(int(m.group("year")), month, int(m.group("day"))).isoformat()
        except (ValueError, KeyError):
            continue
    for e in find_date_expressions(text):
        day, precision = resolve_relative_date(e.kind, e.groups, None, False)
        if day is not None and precision == "day":
            return day.isoformat()
    iso = _ISO_DAY.search(text)
    if iso:
        try:
            return dt.date.fromisoformat(iso.group()).isoformat()
        except ValueError:
            pass
    return None


def period_end(resolved: str, precision: str | None) -> dt.date | None:
    """The last day of a resolved date's period: a month mention lasts to its month's end."""
    start = parse_day(resolved)
    if start is None:
        return None
    if precision == "year":
        return dt.date(start.year, 12, 31)
    if precision == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if precision == "week":
        return start + dt.timedelta(days=6)
    return start


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
        future: whether the sentence speaks of it as ahead (a planned meeting).
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

    @property
    def label(self) -> str | None:
        """The resolved date at its precision: ``2023-12-27``, ``2023-12`` or ``2023``."""
        if self.resolved is None:
            return None
        if self.precision == "month":
            return self.resolved[:7]
        if self.precision == "year":
            return self.resolved[:4]
        return self.resolved


@dataclass(frozen=True)
class _Expr:
    kind: str
    start: int
    end: int
    groups: dict[str, str | None]


def find_date_expressions(text: str) -> list[_Expr]:
    """Every date-like expression in ``text``, longest first where two overlap."""
    return list(_date_expressions(text))


# one article's text is scanned by several callers: extraction, then the story's stages
@lru_cache(maxsize=1024)
def _date_expressions(text: str) -> tuple[_Expr, ...]:
    found: list[_Expr] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            groups = m.groupdict()
            # the preposition is context, not the date: "in May 2023" -> "May 2023"
            if groups.get("prep") and kind in ("month", "year"):
                prep = groups["prep"] or ""
                if prep.lower() in ("this", "last", "next", "early", "late", "mid"):
                    groups["which"] = prep.lower()
                else:
                    start = m.start("prep") + len(prep)
                    while start < end and text[start] in " -":
                        start += 1
            if kind == "weekday" and (groups.get("which") or "").lower() == "on":
                start = m.start("wd")
            found.append(_Expr(kind, start, end, groups))
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[_Expr] = []
    for e in found:
        if any(e.start < o.end and o.start < e.end for o in out):
            continue
        out.append(e)
    return tuple(sorted(out, key=lambda e: e.start))


def month_number(name: str) -> int:
    """The number of a month named in English, in full or short ("Sept.", "december")."""
    return MONTH_NUMBER[name.lower().rstrip(".")[:3]]


def _iso(d: dt.date) -> str:
    return d.isoformat()


def is_future_context(sentence: str) -> bool:
    """Whether a sentence speaks of what is ahead ("will", "to be held", "expected to", "said
    it would"...), and not of a plan that was to happen already ("had been expected to")."""
    if _PAST_PLAN.search(sentence):
        return False
    return bool(_FUTURE.search(sentence) or _WOULD.search(sentence))


# A plan told in the past: its day has come ("the cabinet had been expected to approve it on
# Thursday", in Friday's paper).
_PAST_PLAN = re.compile(
    r"\b(?:had\s+been|had|was|were)\s+(?:expected|scheduled|due|set|planned|supposed|meant)"
    r"\s+to\b",
    re.IGNORECASE,
)
# Reported future: "crews would stay at the site until Saturday" (not "would have").
_WOULD = re.compile(r"\bwould\s+(?!have\b)\w+", re.IGNORECASE)


def _year_for(month: int, day: int | None, ref: dt.date, future: bool) -> int:
    """The year that puts a yearless date nearest the reference, on the side the tense says."""
    candidates = [ref.year - 1, ref.year, ref.year + 1]
    last_day = 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
    anchor = ref.replace(day=1) if day is None else ref
    # a month named alone follows the tense strictly; a full date may be a near one on the
    # other side ("progress made during a December 27 meeting" in a sentence about what is
    # expected)
    penalty = 400 if day is None else 60

    def cost(y: int) -> int:
        d = dt.date(y, month, min(day or 1, last_day))
        gap = (d - anchor).days
        wrong_side = (gap < -1) if future else (gap > 1)
        return abs(gap) + (penalty if wrong_side else 0)

    return min(candidates, key=cost)


def resolve_relative_date(
    expr_kind: str, groups: dict[str, str | None], reference: dt.date | None, future: bool
) -> tuple[dt.date | None, str | None]:
    """Resolve one matched expression against a reference date: ``(date, precision)``.

    Absolute expressions that name their year need no reference; everything else returns
    ``(None, None)`` without one.
    """
    kind = expr_kind
    if kind == "iso":
        return dt.date(int(groups["y"] or 0), int(groups["m"] or 0), int(groups["d"] or 0)), "day"
    if kind in ("month_day", "day_month"):
        month, day = month_number(groups["month"] or ""), int(groups["d"] or 0)
        if groups.get("y"):
            return _safe_date(int(groups["y"] or 0), month, day), "day"
        if reference is None:
            return None, None
        return _safe_date(_year_for(month, day, reference, future), month, day), "day"
    if kind == "month_year":
        return dt.date(int(groups["y"] or 0), month_number(groups["month"] or ""), 1), "month"
    if kind == "fiscal":
        return dt.date(int(groups.get("y1") or groups.get("y2") or 0), 1, 1), "year"
    if kind == "month":
        name = groups.get("month") or groups.get("month2") or groups.get("month3") or ""
        month = month_number(name)
        if reference is None:
            return None, None
        which = groups.get("which")
        if which == "last":
            year = reference.year if month < reference.month else reference.year - 1
        elif which == "next":
            year = reference.year if month > reference.month else reference.year + 1
        elif which == "this":
            year = reference.year
        else:
            year = _year_for(month, None, reference, future)
        return dt.date(year, month, 1), "month"
    if kind == "year":
        return dt.date(int(groups.get("y") or groups.get("y3") or 0), 1, 1), "year"
    if reference is None:
        return None, None
    if kind == "weekday":
        target = WEEKDAY_NUMBER[(groups["wd"] or "").lower()]
        which = (groups.get("which") or "").lower()
        back = (reference.weekday() - target) % 7
        ahead = (target - reference.weekday()) % 7
        if which in ("last", "past", "this past"):
            return reference - dt.timedelta(days=back or 7), "day"
        if which in ("next", "coming", "this coming"):
            return reference + dt.timedelta(days=ahead or 7), "day"
        if future:
            return reference + dt.timedelta(days=ahead), "day"
        return reference - dt.timedelta(days=back), "day"
    if kind == "day_word":
        offset = en.DAY_OFFSETS[(groups["w"] or "").lower()]
        return reference + dt.timedelta(days=offset), "day"
    if kind == "relative_period":
        which = re.sub(r"\s+", " ", (groups["which"] or "").lower())
        unit = (groups["unit"] or "").lower()
        step = (
            -1
            if which in ("last", "the past", "the previous")
            else (1 if which in ("next", "the coming") else 0)
        )
        if unit in ("week", "weekend"):
            monday = reference - dt.timedelta(days=reference.weekday())
            return monday + dt.timedelta(weeks=step), "week"
        if unit == "month":
            index = reference.year * 12 + reference.month - 1 + step
            return dt.date(index // 12, index % 12 + 1, 1), "month"
        return dt.date(reference.year + step, 1, 1), "year"
    if kind == "ago":
        direction = (groups["dir"] or "").lower()
        if direction not in ("ago", "from now"):
            return None, None  # "three weeks after <another event>": relative to that event
        n_text = re.sub(r"\s+", " ", (groups["n"] or "").lower())
        if not n_text.isdigit() and n_text not in _WORD_NUMBERS:
            return None, None  # "a few weeks ago" is too vague to place
        n = int(n_text) if n_text.isdigit() else _WORD_NUMBERS[n_text]
        sign = -1 if direction == "ago" else 1
        unit = (groups["unit"] or "").lower()
        if unit == "day":
            return reference + dt.timedelta(days=sign * n), "day"
        if unit == "week":
            return reference + dt.timedelta(weeks=sign * n), "week"
        if unit == "month":
            index = reference.year * 12 + reference.month - 1 + sign * n
            return dt.date(index // 12, index % 12 + 1, 1), "month"
        return dt.date(reference.year + sign * n, 1, 1), "year"
    return None, None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


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


def _raw_mentions(article: Article) -> list[tuple[_Expr, int, bool]]:
    bounds = _sentence_bounds(article)
    out = []
    for e in find_date_expressions(article.text):
        index = _sentence_of(bounds, e.start)
        s, t = bounds[index] if index >= 0 else (0, len(article.text))
        future = is_future_context(_clause_around(article.text[s:t], e.start - s))
        out.append((e, index, future))
    return out


def infer_published(article: Article) -> tuple[str | None, str]:
    """The article's publication date: given, or inferred from the dates it mentions.

    Returns ``(YYYY-MM-DD, article.published_source or "given")`` when the article has a date,
    ``(YYYY-MM-DD, "inferred")`` when one can be inferred, else ``(None, "unknown")``.

    Inference: the latest year the article names anchors its yearless dates ("December 27",
    "Jan. 12"; January follows December when both are named); the article appeared after the
    latest of those dates, at least a week after it when it also names days of the week
    (news style calls the past week's days by name and older ones by date), or "N weeks"
    after it when it says so ("three weeks since"); a day of the week it names without
    "last" then falls on or before the inferred date.
    """
    if article.published:
        return article.published, article.published_source or "given"
    raw = _raw_mentions(article)
    years = []
    for e, _, _ in raw:
        if e.kind in ("month_year", "year", "fiscal", "iso") or (
            e.kind in ("month_day", "day_month") and e.groups.get("y")
        ):
            date, _ = resolve_relative_date(e.kind, e.groups, None, False)
            if date:
                years.append(date.year)
    if not years:
        return None, "unknown"
    anchor_year = max(years)
    yearless = [
        (
            e,
            month_number(
                e.groups.get("month") or e.groups.get("month2") or e.groups.get("month3") or ""
            ),
        )
        for e, _, future in raw
        if not future
        and (
            (e.kind in ("month_day", "day_month") and not e.groups.get("y"))
            or (e.kind == "month" and not e.groups.get("which"))
        )
    ]
    months = {m for _, m in yearless}
    wraps = any(m >= 10 for m in months) and any(m <= 3 for m in months)
    latest: dt.date | None = None
    for e, month in yearless:
        if e.kind == "month":
            continue
        year = anchor_year + 1 if wraps and month <= 3 else anchor_year
        date = _safe_date(year, month, int(e.groups.get("d") or 1))
        if date and (latest is None or date > latest):
            latest = date
    for e, _, _ in raw:
        if e.kind in ("iso", "month_day", "day_month") and e.groups.get("y"):
            date, _ = resolve_relative_date(e.kind, e.groups, None, False)
            if date and (latest is None or date > latest):
                latest = date
    if latest is None:
        return None, "unknown"
    lower = latest + dt.timedelta(days=1)
    text = article.text
    weeks_since = [
        _count(m.group(1)) * 7 - 3
        for m in re.finditer(
            rf"\b({_NUMWORD})\s+weeks?\s+(?:since|after|later)\b", text, re.IGNORECASE
        )
        if _count(m.group(1))
    ]
    weekdays = [
        e
        for e, _, future in raw
        if e.kind == "weekday"
        and not future
        and (e.groups.get("which") or "on").lower() in ("on", "")
    ]
    if weekdays:
        lower = max(lower, latest + dt.timedelta(days=7))
    if weeks_since:
        # "three weeks since/after" counts from one of the dates named; the earliest reading
        # that fits is taken
        anchors = [d for d in _day_dates(raw, anchor_year, wraps)]
        if anchors:
            lower = max(lower, min(a for a in anchors) + dt.timedelta(days=max(weeks_since)))
    published = lower
    for e in weekdays:
        target = WEEKDAY_NUMBER[(e.groups["wd"] or "").lower()]
        first = lower + dt.timedelta(days=(target - lower.weekday()) % 7)
        published = max(published, first)
    return _iso(published), "inferred"


def _day_dates(raw: list[tuple[_Expr, int, bool]], anchor_year: int, wraps: bool) -> list[dt.date]:
    out = []
    for e, _, _ in raw:
        if e.kind not in ("iso", "month_day", "day_month"):
            continue
        if e.groups.get("y") or e.kind == "iso":
            date, _ = resolve_relative_date(e.kind, e.groups, None, False)
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
        # Inferred once per article (corroborate.annotate.extract stores it), else here.
        ref_text = article.published_inferred or infer_published(article)[0]
        basis = "inferred"
    ref = dt.date.fromisoformat(ref_text) if ref_text else None
    out: list[DateMention] = []
    raw = _raw_mentions(article)
    sentence_years: dict[int, tuple[int, str]] = {}
    for e, index, _ in raw:
        if e.kind == "year" and e.groups.get("y") and not e.groups.get("mod"):
            sentence_years.setdefault(index, (e.start, e.groups["y"] or ""))
    for e, index, future in raw:
        year_before = sentence_years.get(index)
        if (
            e.kind == "month"
            and not e.groups.get("which")
            and year_before
            and year_before[0] < e.start
        ):
            # "In 2022, encounters totaled 235,173 in November" -> November 2022
            groups = dict(e.groups, y=year_before[1])
            e = _Expr("month_year", e.start, e.end, groups)
        date, precision = resolve_relative_date(e.kind, e.groups, ref, future)
        names_year = (
            bool(
                e.groups.get("y") or e.groups.get("y1") or e.groups.get("y2") or e.groups.get("y3")
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
                future=future,
            )
        )
    return out


def with_reference(mentions: list[DateMention], **changes: object) -> list[DateMention]:
    """Copies of mentions with fields changed (a small helper for story-level passes)."""
    return [replace(m, **changes) for m in mentions]  # type: ignore[arg-type]


STORY_DATE_WINDOW_DAYS = 45


def align_inferred_dates(
    articles: Sequence[Article], window_days: int = STORY_DATE_WINDOW_DAYS
) -> list[Article]:
    """Move inferred publication dates to the story's consensus, where the text allows it.

    :func:`infer_published` gives the *earliest* date an undated article's own mentions
    allow. When the other articles of its story were published (or inferred) later -- their
    median date falls after that lower bound, within ``window_days`` -- the article is taken
    to be of that time too: ``published_inferred`` becomes the median and its dates are
    resolved again against it. An article with no inferred date (nothing to anchor a year)
    is left alone: a story's date says nothing about an article that may report its start.

    Returns the articles that changed.
    """
    dated = {
        a.id: a.published or a.published_inferred
        for a in articles
        if a.published or a.published_inferred
    }
    changed = []
    for article in articles:
        if article.published or not article.published_inferred:
            continue
        others = sorted(d for i, d in dated.items() if i != article.id and d)
        if not others:
            continue
        consensus = others[(len(others) - 1) // 2]
        lower = dt.date.fromisoformat(article.published_inferred)
        later = dt.date.fromisoformat(consensus)
        if lower < later <= lower + dt.timedelta(days=window_days):
            article.published_inferred = consensus
            article.dates = extract_dates(article, reference=consensus)
            changed.append(article)
    return changed
