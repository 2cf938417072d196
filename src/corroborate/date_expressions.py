"""Date expressions in text, and the day each one names.

:func:`find_date_expressions` finds absolute dates ("December 27", "Dec. 27, 2023",
"27 December", "2023-12-27", "in May 2023", "early February", "late 2023"), relative ones
("on Friday", "last Thursday", "yesterday", "last week", "two days ago") and days known by
their name ("Election Day", "the day after Christmas": a calendar rule dates them; "Super
Tuesday": none does, the article may);
:func:`resolve_relative_date` gives the day (and its precision) one names, against a reference
day and the tense of its clause (:func:`is_future_context`). :func:`parse_day` reads an ISO
day; :func:`full_date_in` finds a full date stamp (English, French, Spanish or ISO) in a line.
Everything that reads dates -- the cleaner's stamp lines, the article stage that places dates
in an article (:mod:`corroborate.annotate.dates`), events -- reads them here, one way.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dateutil.easter import easter

from corroborate.lang import en, es, fr
from corroborate.patterns import gated

MONTH_NUMBER = en.MONTH_NUMBER


WEEKDAY_NUMBER = en.WEEKDAY_NUMBER


# Month names are matched capitalised only, so the verb "may" and "march" are left alone.
_MONTH = en.MONTH_PATTERN + r"(?![a-z])"


_WEEKDAY = "(?:" + "|".join(f"[{d[0].upper()}{d[0]}]{d[1:]}" for d in en.WEEKDAYS) + ")"


_YEAR = r"(?:1[89]\d\d|20\d\d)"


_DAY = r"(?:[12]\d|3[01]|0?[1-9])"


_MOD = r"(?:(?P<mod>(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end\s+of|beginning\s+of|start\s+of|the\s+middle\s+of))[\s-]+)"


# Days known by a name (:data:`corroborate.lang.en.NAMED_DAY_RULES`), then weekdays named by a
# word that no rule dates ("Super Tuesday", "mini-Super Tuesday", "Super Tuesday II").
_NAMED_DAY_RULES = [re.compile(source) for source, *_ in en.NAMED_DAY_RULES]
_NAMED_WEEKDAY = (
    rf"(?:[Mm]ini[- ])?(?:{'|'.join(en.NAMED_WEEKDAY_WORDS)})[- ]"
    rf"(?:{'|'.join(d.capitalize() for d in en.WEEKDAYS)})(?:\s+(?:II|III|IV|2|3|4)(?![\w.,]\w))?"
)
_NAMED_DAY = "|".join([*(f"(?:{source})" for source, *_ in en.NAMED_DAY_RULES), _NAMED_WEEKDAY])


# Counts of days, weeks...: "a" and the number words to twelve, then vaguer ones ("a few").
_WORD_NUMBERS = {"a": 1, "an": 1} | {w: n for n, w in enumerate(en.NUMBER_WORDS[:13]) if n}


_VAGUE_COUNT = "|".join(c.replace(" ", r"\s+") for c in en.VAGUE_COUNTS)


_NUMWORD = rf"(?:\d+|{'|'.join(_WORD_NUMBERS)}|{_VAGUE_COUNT})"


# "June 16 of last year", "by March of next year": the year told against the article's.
_OF_RELATIVE_YEAR = r"(?:\s+of\s+(?P<rel_year>(?i:last|this|next))\s+year\b)"
_RELATIVE_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


# Each behind a lookahead for the characters its matches can start with (gated): an article's
# text is scanned by every one of them.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    (
        "month_day",
        re.compile(
            rf"\b(?P<month>{_MONTH})\s*(?P<d>{_DAY})(?:st|nd|rd|th)?\b(?!\s*(?:,\d|\d|%|"
            rf"(?:million|billion|thousand|hundred|people|percent|migrants)\b))"
            rf"(?:,?\s+(?P<y>{_YEAR})\b|{_OF_RELATIVE_YEAR})?"
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?P<d>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})"
            rf"(?:,?\s+(?P<y>{_YEAR})\b|{_OF_RELATIVE_YEAR})?"
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
            rf"early|late|mid))[\s-]+(?:(?P<mod2>early|late|mid)[\s-]+)?|\b{_MOD})(?P<month>{_MONTH})"
            rf"{_OF_RELATIVE_YEAR}?"
            rf"|\b(?P<month2>{_MONTH})(?=['’]s\s)"
            rf"|(?<=[Tt]he\s)(?P<month3>{_MONTH})(?=\s+(?:election|meeting|summit|vote|talks))"
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?:\b{_MOD}|\b(?P<prep>(?i:in|since|during|by|until|through|of|from|for))\s+)"
            rf"(?:the\s+year\s+)?(?P<y>{_YEAR})\b(?!\s*(?:,\d|\.\d|million|billion|thousand|percent|%))"
            rf"|(?<![\w$.,-])(?P<y3>{_YEAR})(?=\s+(?:election|elections|season|census|budget))"
            # "the year 2000" names a year whatever comes before it
            rf"|\b(?i:the)\s+year\s+(?P<y4>{_YEAR})\b(?!\s*(?:,\d|\.\d))"
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
    (  # a weekday counted within a month ("the last Friday in August"): a day of that month
        "month_weekday",
        re.compile(
            rf"\b(?i:the)\s+(?P<nth>(?i:first|second|third|fourth|fifth|last))\s+"
            rf"(?P<wd>{_WEEKDAY})\s+(?:in|of)\s+(?P<month>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?"
        ),
    ),
    (
        "weekday",
        re.compile(
            # "Last Monday," opening a sentence is last Monday too
            rf"\b(?:(?P<which>(?i:last|this\s+past|this|next|past|on|coming|this\s+coming))\s+)?"
            rf"(?P<wd>{_WEEKDAY})(?:['’]s)?\b"
        ),
    ),
    (  # a day known by its name: "Election Day", "Christmas Eve", "Super Tuesday"
        "named_day",
        re.compile(
            rf"(?<!\w)(?:(?P<shift>(?i:the\s+day\s+(?:before|after)|the\s+eve\s+of))\s+)?"
            rf"(?:(?P<which>(?i:last|next|this))\s+)?(?:(?P<y0>{_YEAR})\s+)?"
            rf"(?P<name>{_NAMED_DAY})(?![\w-])(?:,?\s+(?P<y>{_YEAR})\b)?"
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
_PATTERNS = [(kind, gated(pattern)) for kind, pattern in _PATTERNS]


# --- ranges: "between October 2022 and September 2023", "from 2009 to 2013", "September
# 16-19", "Jan. 27-Feb. 1", "2015-16", "the 12 months to September": one period, a start and an
# end. The pattern is loose; :func:`_range_groups` reads its two ends and keeps only ranges.
_ORD = r"(?:st|nd|rd|th)?"
_POINT = (
    rf"{_MONTH}\s*{_DAY}{_ORD}(?![\d:])(?:,?\s+{_YEAR}\b)?"  # Sept. 16 (, 2016)
    rf"|{_DAY}{_ORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?"  # 16 September (2016)
    rf"|{_MONTH}\s+(?:of\s+)?{_YEAR}\b"  # October 2022
    rf"|{_MONTH}"  # October
    rf"|{_YEAR}\b"  # 2009
)
_RANGE = re.compile(
    # a word's first letter that may open one (a look that spares the rest five times over)
    r"\b(?=[bBfFtTJFMASOND\d])"
    rf"(?P<intro>\b(?i:between|from|the\s+years)\s+)?"
    rf"(?<![\d$£€.,/-])(?P<a>{_POINT}|{_DAY}{_ORD}(?!\d))"
    rf"(?P<conn>\s?[-–]\s?|/|\s+(?i:to|through|thru|until|till|and)\s+)"
    rf"(?P<b>{_POINT}|\d\d?{_ORD}(?:,?\s+{_YEAR}\b)?)(?![-/]?\d)"
)
# "the 12 months to September", "the year ending June 30", "the three months ended March 31"
_WINDOW = gated(
    re.compile(
        rf"\b(?i:the)\s+(?:(?P<n>\d+|{'|'.join(w for w in _WORD_NUMBERS if w not in ('a', 'an'))})"
        rf"\s+)?(?P<unit>(?i:days?|weeks?|months?|quarters?|years?))\s+(?i:to|ending|ended)\s+"
        rf"(?:(?i:the\s+end\s+of)\s+)?(?P<b>{_POINT})(?![-/]?\d)"
    )
)


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


# Words that put a clause ahead. "will" only in lower case: "Will" is also a name ("Will told
# the committee on Monday"), and a question opening with it is no plan.
_FUTURE = re.compile(
    r"\b(?:(?-i:will)|shall|'ll|to\s+be\s+held|scheduled|expected\s+to|plans?\s+to|planned|"
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
        if e.kind in ("range", "named_day"):
            continue  # a period, not one day; a day's name, no date stamp
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
class _Expr:
    kind: str
    start: int
    end: int
    groups: dict[str, str | None]


def find_date_expressions(text: str) -> list[_Expr]:
    """Every date-like expression in ``text``, longest first where two overlap."""
    return list(_date_expressions(text))


def find_date_ranges(text: str) -> list[_Expr]:
    """The ranges of dates among :func:`find_date_expressions` (kind ``range``). A range kept
    there is one :func:`_ranges` finds, so a text where it finds none (most sentences) has none,
    and the other patterns are not run on it."""
    if not _ranges(text):
        return []
    return [e for e in _date_expressions(text) if e.kind == "range"]


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
            if kind == "named_day":
                named = _named_day_groups(text, m)
                if named is None:
                    continue
                groups = named
            found.append(_Expr(kind, start, end, groups))
    found.extend(_ranges(text))
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[_Expr] = []
    for e in found:
        if any(e.start < o.end and o.start < e.end for o in out):
            continue
        out.append(e)
    return tuple(sorted(out, key=lambda e: e.start))


def _named_day_groups(text: str, m: re.Match[str]) -> dict[str, str | None] | None:
    """A day known by its name, read: its ``name``, the ``rule`` that dates it (its index in
    :data:`corroborate.lang.en.NAMED_DAY_RULES`; None for a name no rule dates, "Super
    Tuesday"), the weekday ``wd`` the name holds, a year ``y`` written with it ("Christmas
    2015", "the 1988 Super Tuesday") and ``which`` ("last Christmas"). None when the words
    are no day's name there: a feast named without a word of time before it ("Christmas
    trees", "Easter Island"), a name inside a longer one ("Barack Obama Election Day", "the
    Rockefeller Center Christmas tree"), a long weekend ("Memorial Day weekend"), a thing
    named after it ("the Good Friday agreement"), "Election Day" in a sentence about a primary
    (:func:`_names_another_contest`), a day of the US calendar named as another country's
    ("Canadian Thanksgiving", "Election Day in Britain"). A name that holds a weekday is kept
    then, undated: its weekday is no plain weekday either. A day of the US calendar named as
    the US one ("U.S. Thanksgiving") has ``country`` "us" (:func:`is_us_named_day`)."""
    name = re.sub(r"\s+", " ", m.group("name"))
    rule = next((k for k, p in enumerate(_NAMED_DAY_RULES) if p.fullmatch(m.group("name"))), None)
    wd = next((d for d in en.WEEKDAYS if d in name.lower()), None)
    groups: dict[str, str | None] = {
        "name": name,
        "rule": None if rule is None else str(rule),
        "wd": wd,
        "y": m.group("y") or m.group("y0"),
        "which": (m.group("which") or "").lower() or None,
        "shift": m.group("shift") and str(_SHIFT[m.group("shift").split()[-1].lower()]),
    }
    if rule is None:
        return groups
    before = text[max(0, m.start() - 40) : m.start()]
    after = text[m.end("name") : m.end("name") + 30]
    us_named = False  # "U.S. Thanksgiving": the US day, wherever the article is from
    if is_us_named_day(groups):
        us_before, us_after, other_before, other_after = _country_patterns()
        if other_before.search(before) or other_after.match(after):
            return None  # "Canadian Thanksgiving", "Election Day in Britain": another day
        us_named = bool(us_after.match(after))
        if found := us_before.search(before):
            us_named, before = True, before[: found.start()]  # "before U.S. Thanksgiving"
    feast = name.lower() in en.NAMED_FEASTS and not (groups["y"] or groups["which"])
    word_before = re.search(r"([\w'’.-]+)\s+$", before)
    word_after = re.match(r"\s+(\w+)", after)
    timed = bool(
        groups["shift"]
        or (word_before and word_before.group(1).lower() in en.FEAST_DAY_PREPOSITIONS)
    )
    if (
        (feast and not timed)
        or re.match(r"(?:['’]s?)?\s+(?i:weekends?)\b|\s+[A-Z]", after)
        or (word_after and word_after.group(1).lower() in en.NAMED_DAY_THINGS)
        or (not us_named and _inside_a_name(before))
        or (name.lower() in en.ELECTION_DAY_NAMES and _names_another_contest(text, m))
    ):
        return dict(groups, rule=None) if wd else None
    return dict(groups, country="us") if us_named else groups


def is_us_named_day(groups: Mapping[str, str | None]) -> bool:
    """Whether a day known by its name is dated by a rule of the United States' calendar that
    other countries give a day of their own the name of (:data:`corroborate.lang.en.
    US_NAMED_DAYS`: "Thanksgiving", "Labor Day", "Election Day")."""
    if groups.get("rule") is None:
        return False
    first = (groups.get("name") or "").split(" ")[0].strip("'’").lower()
    return first in en.US_NAMED_DAYS


def _names_pattern(names: Sequence[str]) -> str:
    """Names as a regex alternation, longest first, any white space between their words."""
    return "|".join(
        r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True)
    )


@lru_cache(maxsize=1)
def _country_patterns() -> tuple[re.Pattern[str], ...]:
    """A country named just before a day's name ("Canada's Thanksgiving", "Canadian
    Thanksgiving", "the U.S. Election Day") or just after it ("Thanksgiving in Canada"): the
    US before, the US after, another country before, another after. Compiled on first use."""
    us, others = _names_pattern(en.US_NAMES), _names_pattern(en.OTHER_COUNTRIES)
    adjectives = _names_pattern(en.OTHER_COUNTRY_ADJECTIVES)
    return (
        re.compile(rf"(?<![\w.])(?:{us})(?:['’]s?)?\s+$"),
        re.compile(rf"\s+in\s+(?:the\s+)?(?:{us})(?![\w])"),
        re.compile(rf"(?<![\w.])(?:{others}|{adjectives})(?:['’]s?)?\s+$"),
        re.compile(rf"\s+in\s+(?:the\s+)?(?:{others})(?![\w])"),
    )


# "the day before", "the day after", "the eve of" a day known by its name: days from it.
_SHIFT = {"before": -1, "after": 1, "of": -1}


def _names_another_contest(text: str, m: re.Match[str]) -> bool:
    """Whether the sentence around "Election Day" names a primary or a caucus: its day may
    be that contest's, not November's ("vote counting after Election Day ... the primary")."""
    start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
    words = re.findall(r"[a-z]+", text[start : min(ends, default=len(text))].lower())
    return not en.OTHER_CONTESTS.isdisjoint(words)


def _inside_a_name(before: str) -> bool:
    """Whether the text before a day's name ends on a capitalised word that makes it part of
    a longer name ("Barack Obama Election Day"): not a sentence's first word, nor a word of
    time or an article a headline capitalises ("On Election Day", "Before Christmas")."""
    found = re.search(r"([A-Z][\w'’.-]*)[ \t]+$", before)
    if not found or re.search(r"['’]s?$", found.group(1)):
        return False  # none, or an owner ("Obama's Election Day")
    word = found.group(1).lower()
    if word in en.FEAST_DAY_PREPOSITIONS or word in ("the", "this", "last", "next"):
        return False
    prefix = before[: found.start()]
    # the sentence's (or a line's, a quotation's) first word is capitalised as such
    return not re.search(r"(?:^|[.!?:;“\"(—–]|\n)\s*$", prefix)


def _ranges(text: str) -> list[_Expr]:
    """The ranges of dates in ``text`` (kind ``range``), each from its introducing word
    ("between", "from") to its end: the two ends read, checked and completed by
    :func:`_range_groups`; "the 12 months to September" too (a window up to its end)."""
    out = []
    for m in _RANGE.finditer(text):
        read = _range_groups(text, m)
        if read is not None:
            out.append(_Expr("range", m.start(), read[1], read[0]))
    for m in _WINDOW.finditer(text):
        end = _point(m.group("b"))
        if end is None or end.get("n") or _counted_after(text, m.end()):
            continue
        n_text = (m.group("n") or "1").lower()
        count = int(n_text) if n_text.isdigit() else _WORD_NUMBERS[n_text]
        unit = m.group("unit").lower().rstrip("s")
        if count < 1 or (count > 1) != m.group("unit").lower().endswith("s"):
            continue  # "the 12 month to", "the two year to": not a window
        groups = {"window": unit, "count": str(count), "y": end.get("y")}
        groups |= {f"b_{k}": end.get(k) for k in ("month", "d", "y")}
        out.append(_Expr("range", m.start(), m.end(), groups))
    return out


_POINT_SHAPES = (
    re.compile(rf"(?P<month>{_MONTH})\s*(?P<d>{_DAY}){_ORD}(?:,?\s+(?P<y>{_YEAR}))?"),
    re.compile(rf"(?P<d>{_DAY}){_ORD}\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?"),
    re.compile(rf"(?P<month>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})"),
    re.compile(rf"(?P<month>{_MONTH})"),
    re.compile(rf"(?P<y>{_YEAR})"),
    re.compile(rf"(?P<n>\d\d?){_ORD}(?:,?\s+(?P<y>{_YEAR}))?"),  # a bare day, or a short year
)


def _point(text: str) -> dict[str, str | None] | None:
    """One end of a range, read: its ``month`` (as written), day ``d``, year ``y``, or ``n``
    for a bare number ("19" in "September 16-19", "16" in "2015-16")."""
    for shape in _POINT_SHAPES:
        m = shape.fullmatch(text)
        if m:
            return {k: m.groupdict().get(k) for k in ("month", "d", "y", "n")}
    return None


def _key(p: dict[str, str | None], *, last: bool = False) -> tuple[int, int]:
    """A yearless end's place in its year: (month, day); a month alone counts from its first
    day, or up to its last for the end of a range."""
    day = int(p["d"] or 0) if p.get("d") else (31 if last else 1)
    return month_number(p["month"] or ""), day


_MOVED_BEFORE = re.compile(
    rf"\b(?:{'|'.join(en.DATE_MOVING_STEMS)})\w*\b[^.;!?]{{0,50}}$", re.IGNORECASE
)


def _counted_after(text: str, end: int) -> bool:
    """Whether what follows a range makes its ends counts or a time of day ("between 1800 and
    2000 troops", "from June 2 to 4 p.m.")."""
    after = text[end : end + 30]
    if re.match(r"\s*(?:%|[ap]\.?m\b\.?|o['’]clock|:\d|\.\d)", after, re.IGNORECASE):
        return True
    word = re.match(r"\s*([A-Za-z]+)", after)
    return bool(word and word.group(1).lower() in en.COUNTED_AFTER_YEARS)


def _range_groups(text: str, m: re.Match[str]) -> tuple[dict[str, str | None], int] | None:
    """The two ends of a range the loose :data:`_RANGE` matched, completed from each other
    ("September 16-19": the end's month and year are the start's; "from September to
    December 2014": the start's year is the end's), as groups ``a_month``, ``a_d``, ``a_y``,
    ``b_month``, ``b_d``, ``b_y`` (and ``y``: a year the text names, else None), with where
    the range ends ("2001-03, 2008": at "03"); None when
    it is no range of dates: two counts ("between 1800 and 2000 troops"), a time ("June 2 to
    4 p.m."), a date moved ("postponed from March 3 to March 10"), a month and a year that
    make no period ("from March to 2016"), an end before its start, or a connector the ends
    do not allow ("and" without "between", "to" between two years without "from")."""
    a, b = _point(m.group("a")), _point(m.group("b"))
    if a is None or b is None:
        return None
    intro = (m.group("intro") or "").split()[0].lower() if m.group("intro") else ""
    conn = m.group("conn").strip().lower()
    end = m.end()
    if a["n"]:  # "16-19 September", "16 to 19 September 2016"
        if not (b["month"] and b["d"]):
            return None
        a = {"month": b["month"], "d": a["n"], "y": b["y"], "n": None}
    if b["n"]:
        if a["month"] and a["d"]:  # "September 16-19", "Jan 2 - 4, 2020"
            b = {"month": a["month"], "d": b["n"], "y": b["y"] or a["y"], "n": None}
            a = dict(a, y=a["y"] or b["y"])
        elif a["y"] and not a["month"] and conn in ("-", "–", "/"):
            digits, first = b["n"] or "", int(a["y"])
            end = m.start("b") + len(digits)  # "2001-03, 2008": the year after is another
            short = int(digits)  # "2015-16", "2008-9", "1999-00"
            full = first // 100 * 100 + short
            full += 100 if full <= first else 0
            if full - first > 20 or len(digits) == 1 and short == 0:
                return None
            b = {"month": None, "d": None, "y": str(full), "n": None}
        else:
            return None
    if conn == "and" and intro != "between":
        return None
    if (
        conn in ("to", "until", "till")
        and not intro
        and not (a["month"] and b["month"] and (a["d"] or b["d"]))
    ):
        return None  # "Oct. 30 to Nov. 8" needs no "from"; "2009 to 2013" does
    if conn == "/" and (a["month"] or b["month"]):
        return None
    if bool(a["month"]) != bool(b["month"]) and not (a["y"] and b["y"]):
        return None  # "from March to 2016", "between 2015 and June"
    if a["month"] and b["month"]:
        if a["y"] and not b["y"]:
            b = dict(b, y=str(int(a["y"]) + (_key(b, last=True) < _key(a))))
        elif b["y"] and not a["y"]:
            a = dict(a, y=str(int(b["y"]) - (_key(a) > _key(b, last=True))))
    if not _ordered(a, b):
        return None
    if _counted_after(text, end):
        return None
    if (intro == "from" or conn not in ("-", "–")) and _MOVED_BEFORE.search(
        text, max(0, m.start() - 60), m.start()
    ):
        return None
    groups: dict[str, str | None] = {f"a_{k}": a[k] for k in ("month", "d", "y")}
    groups |= {f"b_{k}": b[k] for k in ("month", "d", "y")}
    groups["y"] = b["y"] or a["y"]
    return groups, end


def _ordered(a: dict[str, str | None], b: dict[str, str | None]) -> bool:
    """Whether a range's start comes before its end (a yearless one may run over a new year:
    "from October to February"; within one month the days must rise: "September 16-19")."""
    same_month = bool(a["month"] and b["month"]) and (
        month_number(a["month"] or "") == month_number(b["month"] or "")
    )
    if same_month and a["y"] == b["y"]:
        return bool(a["d"] and b["d"] and int(a["d"]) < int(b["d"]))
    if a["y"] and b["y"]:
        start = (int(a["y"]), *(_key(a) if a["month"] else (0, 0)))
        end = (int(b["y"]), *(_key(b, last=True) if b["month"] else (13, 32)))
        return start < end and (a["y"] != b["y"] or bool(a["month"]))
    return True


def range_ends(e: _Expr) -> list[_Expr]:
    """The ends of a range (one for a window: its end) as single expressions of the kinds
    :func:`find_date_expressions` gives ("month_day", "month_year", "month", "year"), each
    with the parts the range completed (a year it named, the start's month...)."""
    out = []
    for end in ("a", "b"):
        point = {k: e.groups.get(f"{end}_{k}") for k in ("month", "d", "y")}
        if point["month"] or point["y"]:
            out.append(_Expr(_point_kind(point), e.start, e.end, point))
    return out


def _point_kind(p: dict[str, str | None]) -> str:
    """The kind of single expression an end of a range is."""
    if p["month"] and p["d"]:
        return "month_day"
    if p["month"]:
        return "month_year" if p["y"] else "month"
    return "year"


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


# Which side of the reference a date lies on, as the tense of its clause tells (the stage that
# reads the tense, corroborate.annotate.dates, decides): ahead, back, or near (no tense read:
# the nearest such date either side). A side read without a parse, from the sentence's words,
# or through a noun ("has threatened a strike on March 31") only hints ("ahead~", "back~"): a
# date that falls near the reference on the other side is then still taken ("progress made
# during a December 27 meeting" in a sentence about what is expected).
SIDES = ("ahead", "back", "near", "ahead~", "back~")


# How near the article's date a day must lie to be taken on the other side of a hinted one.
OTHER_SIDE_WITHIN_DAYS = 45


def _year_for(month: int, day: int | None, ref: dt.date, side: str) -> int:
    """The year that puts a yearless date nearest the reference, on the side the tense says
    (:data:`SIDES`; a day on the reference's own day or the next counts on either side). A
    hinted side (``ahead~``, ``back~``) yields to a day of the other side within
    :data:`OTHER_SIDE_WITHIN_DAYS` of the reference; a month named alone follows it strictly.
    """
    last_day = 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
    anchor = ref.replace(day=1) if day is None else ref

    def gap(y: int) -> int:
        return (dt.date(y, month, min(day or 1, last_day)) - anchor).days

    years = [ref.year - 1, ref.year, ref.year + 1]
    nearest = min(years, key=lambda y: abs(gap(y)))
    if side == "near":
        return nearest
    ahead = side.startswith("ahead")
    on_side = [y for y in years if (gap(y) >= -1 if ahead else gap(y) <= 1)]
    best = min(on_side, key=lambda y: abs(gap(y)))
    hinted = side.endswith("~") and day is not None
    if hinted and abs(gap(nearest)) <= OTHER_SIDE_WITHIN_DAYS < abs(gap(best)):
        return nearest
    return best


def side_of(future: bool | str) -> str:
    """A side (:data:`SIDES`) from a stage's reading: a side as is, or the hint of a sentence's
    words (``True``: looks ahead)."""
    if isinstance(future, str):
        return future
    return "ahead~" if future else "back~"


def _year_of_weekday(
    month: int, day: int, reference: dt.date, side: str, weekday: str | None
) -> int | None:
    """The year near the reference in which a month's day falls on the weekday the text gives
    it ("Aug. 14, which was a Monday"), the side the tense says first; None when the text
    names no weekday or no near year fits."""
    if not weekday or weekday not in WEEKDAY_NUMBER:
        return None
    fitting = [
        y
        for y in (reference.year - 1, reference.year, reference.year + 1)
        if (d := _safe_date(y, month, day)) and d.weekday() == WEEKDAY_NUMBER[weekday]
    ]
    if not fitting:
        return None
    preferred = _year_for(month, day, reference, side)
    return preferred if preferred in fitting else min(fitting, key=lambda y: abs(y - preferred))


def _relative_year(groups: dict[str, str | None], reference: dt.date | None) -> int | None:
    """The year "of last/this/next year" names, against the reference."""
    which = (groups.get("rel_year") or "").lower()
    if not which or reference is None:
        return None
    return reference.year + _RELATIVE_YEAR_STEP[which]


Resolved = tuple[dt.date | None, str | None]  # a day and its precision ("day", "month"...)
_UNRESOLVED: Resolved = (None, None)
Groups = dict[str, str | None]


def resolve_relative_date(
    expr_kind: str,
    groups: Groups,
    reference: dt.date | None,
    future: bool | str,
) -> Resolved:
    """Resolve one matched expression against a reference date: ``(date, precision)``.

    ``future`` is the side of the reference the tense puts it on (one of :data:`SIDES`), or
    a hint from the sentence's words (``True``: it speaks of what is ahead). Absolute
    expressions that name their year need no reference; everything else returns
    ``(None, None)`` without one.
    """
    if expr_kind == "range":
        return resolve_range(groups, reference, future)[0]
    if expr_kind in _ABSOLUTE:
        return _ABSOLUTE[expr_kind](groups)
    if expr_kind in ("month_day", "day_month") and groups.get("y"):
        return _safe_date(int(groups["y"] or 0), *_month_and_day(groups)), "day"
    if expr_kind == "month_weekday" and groups.get("y"):
        return _month_weekday(groups, reference, side_of(future))
    if expr_kind == "named_day" and (groups.get("y") or reference is None):
        return _named_day(groups, reference, side_of(future))
    resolve = _RELATIVE.get(expr_kind)
    if resolve is None or reference is None:
        return _UNRESOLVED
    return resolve(groups, reference, side_of(future))


def resolve_range(
    groups: Groups, reference: dt.date | None, future: bool | str
) -> tuple[Resolved, Resolved]:
    """The start and the end of a range (kind ``range``), each ``(date, precision)`` at its
    own precision ("between January and June 30": a month, then a day). Ends that name their
    year need no reference; a yearless range is placed by its end, on the side the tense says
    (as a yearless date is), its start the latest such day on or before that end ("from
    October to February": the October before). A window ("the 12 months to September") starts
    its length before its end. Unresolved ends give ``(None, None)`` twice."""
    b = {"month": groups.get("b_month"), "d": groups.get("b_d"), "y": groups.get("b_y")}
    if not b["y"] and groups.get("y"):
        b["y"] = groups["y"]  # a list's year header ("2016:") over a yearless range
    end = _point_date(b, reference, future)
    if end[0] is None:
        return _UNRESOLVED, _UNRESOLVED
    if groups.get("window"):
        return _window_start(end, groups["window"] or "", int(groups.get("count") or 1)), end
    a = {"month": groups.get("a_month"), "d": groups.get("a_d"), "y": groups.get("a_y")}
    if not a["y"]:
        back = a["month"] is not None and _key(a) > (end[0].month, int(b["d"] or 31))
        a["y"] = str(end[0].year - back)
    start = _point_date(a, reference, future)
    return (start, end) if start[0] is not None else (_UNRESOLVED, _UNRESOLVED)


def _point_date(
    p: dict[str, str | None], reference: dt.date | None, future: bool | str
) -> Resolved:
    """One end of a range resolved as the single expression it is."""
    return resolve_relative_date(_point_kind(p), p, reference, future)


def _window_start(end: Resolved, unit: str, count: int) -> Resolved:
    """The first day (or month) of a window of ``count`` units that ends with ``end``."""
    last, precision = end
    assert last is not None
    if unit in ("day", "week"):
        final = period_end(_iso(last), precision) or last
        days = count * (7 if unit == "week" else 1)
        return final - dt.timedelta(days=days - 1), "day"
    months = count * {"month": 1, "quarter": 3, "year": 12}[unit]
    if precision == "day":  # "the year ending June 30": from July 1 of the year before
        year, month = divmod(last.year * 12 + last.month - 1 - months, 12)
        day = min(last.day, calendar.monthrange(year, month + 1)[1])
        return dt.date(year, month + 1, day) + dt.timedelta(days=1), "day"
    final_month = 12 if precision == "year" else last.month
    index = last.year * 12 + final_month - 1 - months + 1
    return dt.date(index // 12, index % 12 + 1, 1), "month"


# --- expressions that name their year


def _iso_day(groups: Groups) -> Resolved:
    return dt.date(int(groups["y"] or 0), int(groups["m"] or 0), int(groups["d"] or 0)), "day"


def _month_year(groups: Groups) -> Resolved:
    return dt.date(int(groups["y"] or 0), month_number(groups["month"] or ""), 1), "month"


def _fiscal(groups: Groups) -> Resolved:
    return dt.date(int(groups.get("y1") or groups.get("y2") or 0), 1, 1), "year"


def _year(groups: Groups) -> Resolved:
    return dt.date(int(groups.get("y") or groups.get("y3") or groups.get("y4") or 0), 1, 1), "year"


# --- expressions placed against the reference


def _month_and_day(groups: Groups) -> tuple[int, int]:
    return month_number(groups["month"] or ""), int(groups["d"] or 0)


def _month_day(groups: Groups, reference: dt.date, side: str) -> Resolved:
    """ "March 3" with no year: the year the tense says ("last year" when the text says so),
    checked against a weekday the text gives it."""
    month, day = _month_and_day(groups)
    year = _relative_year(groups, reference) or _year_for(month, day, reference, side)
    checked = _year_of_weekday(month, day, reference, side, groups.get("weekday_check"))
    return _safe_date(checked or year, month, day), "day"


def _month(groups: Groups, reference: dt.date, side: str) -> Resolved:
    """A month with no year: "last March", "next June", "this May", "in March of last year"."""
    name = groups.get("month") or groups.get("month2") or groups.get("month3") or ""
    month = month_number(name)
    which = groups.get("which")
    if groups.get("rel_year"):
        return dt.date(_relative_year(groups, reference) or reference.year, month, 1), "month"
    if which == "last":
        year = reference.year if month < reference.month else reference.year - 1
    elif which == "next":
        year = reference.year if month > reference.month else reference.year + 1
    elif which == "this":
        year = reference.year
    else:
        year = _year_for(month, None, reference, side)
    return dt.date(year, month, 1), "month"


def weekday_around(name: str, reference: dt.date) -> tuple[dt.date, dt.date]:
    """The day of the weekday ``name`` on or before ``reference``, and the one on or after it
    (both ``reference`` itself when it is that weekday)."""
    target = WEEKDAY_NUMBER[name.lower()]
    return (
        reference - dt.timedelta(days=(reference.weekday() - target) % 7),
        reference + dt.timedelta(days=(target - reference.weekday()) % 7),
    )


def _weekday(groups: Groups, reference: dt.date, side: str) -> Resolved:
    """A weekday: "last"/"next" say the side, else the tense does (the day itself counts; no
    side read, ``near``: the nearer of the two)."""
    which = (groups.get("which") or "").lower()
    back_day, ahead_day = weekday_around(groups["wd"] or "", reference)
    back, ahead = (reference - back_day).days, (ahead_day - reference).days
    if which in ("last", "past", "this past"):
        return reference - dt.timedelta(days=back or 7), "day"
    if which in ("next", "coming", "this coming"):
        return reference + dt.timedelta(days=ahead or 7), "day"
    if side.startswith("ahead") or (side == "near" and ahead < back):
        return reference + dt.timedelta(days=ahead), "day"
    return reference - dt.timedelta(days=back), "day"


def named_day_in(rule: int, year: int) -> dt.date | None:
    """The day a named day's rule (an index in :data:`corroborate.lang.en.NAMED_DAY_RULES`)
    gives in ``year``; None in a year it does not come in (Inauguration Day but every four)."""
    _, base, shift, (every, phase) = en.NAMED_DAY_RULES[rule]
    if year % every != phase:
        return None
    if base[0] == "date":
        day = dt.date(year, int(str(base[1])), int(str(base[2])))
    elif base[0] == "nth":
        month, weekday, nth = (int(str(v)) for v in base[1:])
        days = [
            d
            for k in range(31)
            if (d := dt.date(year, month, 1) + dt.timedelta(days=k)).month == month
            and d.weekday() == weekday
        ]
        day = days[nth - 1 if nth > 0 else nth]
    else:
        day = easter(year)
    return day + dt.timedelta(days=shift)


def _named_day(groups: Groups, reference: dt.date | None, side: str) -> Resolved:
    """A day known by its name, or the day before or after it ("the day after Christmas",
    "the eve of Martin Luther King Day"): :func:`_day_of_name` moved by the days said."""
    day, precision = _day_of_name(groups, reference, side)
    if day is None or precision != "day" or not groups.get("shift"):
        return day, precision
    return day + dt.timedelta(days=int(groups["shift"] or 0)), "day"


def _day_of_name(groups: Groups, reference: dt.date | None, side: str) -> Resolved:
    """A day known by its name ("Election Day", "Christmas Eve"): the day its rule gives in
    the year written with it, else in the year nearest the reference on the side the tense
    says ("last"/"next" say it), as a yearless date's (:func:`_year_for`), but only within
    half a year of the reference (:data:`NAMED_DAY_WITHIN_DAYS`): a name told of a farther
    year (a past campaign's: "soon after Election Day, the president met historians") names
    no day the article allows. A name no rule dates
    ("Super Tuesday") gives its written year alone (the article may tie it to a date:
    :mod:`corroborate.annotate.dates`), else nothing."""
    rule = groups.get("rule")
    written = int(groups["y"] or 0) if groups.get("y") else None
    if rule is None:
        return (dt.date(written, 1, 1), "year") if written else _UNRESOLVED
    if written:
        return named_day_in(int(rule), written), "day"
    if reference is None:
        return _UNRESOLVED
    every = en.NAMED_DAY_RULES[int(rule)][3][0]
    days = [
        d
        for y in range(reference.year - every, reference.year + every + 1)
        if (d := named_day_in(int(rule), y))
    ]
    which = groups.get("which")
    gap = {d: (d - reference).days for d in days}
    if which in ("last", "next"):
        on_side = [d for d in days if (gap[d] < 0 if which == "last" else gap[d] > 0)]
        chosen = min(on_side, key=lambda d: abs(gap[d]))
        return chosen, "day"
    if which == "this":
        this_year = [d for d in days if d.year == reference.year]
        return (this_year[0], "day") if this_year else _UNRESOLVED
    nearest = min(days, key=lambda d: abs(gap[d]))
    chosen = nearest
    if side != "near":
        ahead = side.startswith("ahead")
        on_side = [d for d in days if (gap[d] >= -1 if ahead else gap[d] <= 1)]
        chosen = min(on_side, key=lambda d: abs(gap[d]))
        hinted = side.endswith("~")
        if hinted and abs(gap[nearest]) <= OTHER_SIDE_WITHIN_DAYS < abs(gap[chosen]):
            chosen = nearest
    if abs(gap[chosen]) > NAMED_DAY_WITHIN_DAYS:
        return _UNRESOLVED
    return chosen, "day"


# How near the article's date a day known by its name must lie to be dated by its rule alone.
NAMED_DAY_WITHIN_DAYS = 183


_NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1}


def _month_weekday(groups: Groups, reference: dt.date | None, side: str) -> Resolved:
    """ "the last Friday in August", "the first Monday of September 2016": that weekday of the
    month, the month's year read as a yearless month's is (:func:`_month`) when not named;
    unresolved when the month has no such day (a fifth Monday)."""
    month = month_number(groups["month"] or "")
    if groups.get("y"):
        year = int(groups["y"] or 0)
    elif reference is None:
        return _UNRESOLVED
    else:
        year = _year_for(month, None, reference, side)
    target = WEEKDAY_NUMBER[(groups["wd"] or "").lower()]
    first = dt.date(year, month, 1)
    in_month = (first + dt.timedelta(days=k) for k in range(31))
    days = [d for d in in_month if d.month == month and d.weekday() == target]
    nth = _NTH[(groups["nth"] or "").lower()]
    return (days[nth], "day") if nth < len(days) else _UNRESOLVED


def _day_word(groups: Groups, reference: dt.date, side: str) -> Resolved:
    """ "today", "yesterday", "tomorrow"."""
    offset = en.DAY_OFFSETS[(groups["w"] or "").lower()]
    return reference + dt.timedelta(days=offset), "day"


def _relative_period(groups: Groups, reference: dt.date, side: str) -> Resolved:
    """ "last week", "this month", "next year": the period's first day."""
    which = re.sub(r"\s+", " ", (groups["which"] or "").lower())
    unit = (groups["unit"] or "").lower()
    step = (
        -1
        if which in ("last", "the past", "the previous")
        else (1 if which in ("next", "the coming") else 0)
    )
    return _shifted(reference, unit, step)


def _ago(groups: Groups, reference: dt.date, side: str) -> Resolved:
    """ "three weeks ago", "two days from now"; a vague count ("a few") is not placed."""
    direction = (groups["dir"] or "").lower()
    if direction not in ("ago", "from now"):
        return _UNRESOLVED  # "three weeks after <another event>": relative to that event
    n_text = re.sub(r"\s+", " ", (groups["n"] or "").lower())
    if not n_text.isdigit() and n_text not in _WORD_NUMBERS:
        return _UNRESOLVED  # "a few weeks ago" is too vague to place
    n = int(n_text) if n_text.isdigit() else _WORD_NUMBERS[n_text]
    sign = -1 if direction == "ago" else 1
    unit = (groups["unit"] or "").lower()
    if unit == "day":
        return reference + dt.timedelta(days=sign * n), "day"
    if unit == "week":
        return reference + dt.timedelta(weeks=sign * n), "week"
    return _shifted(reference, unit, sign * n, weeks_from_monday=False)


def _shifted(
    reference: dt.date, unit: str, step: int, *, weeks_from_monday: bool = True
) -> Resolved:
    """The week (from its Monday), month or year ``step`` of them from the reference's."""
    if unit in ("week", "weekend") and weeks_from_monday:
        monday = reference - dt.timedelta(days=reference.weekday())
        return monday + dt.timedelta(weeks=step), "week"
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + step
        return dt.date(index // 12, index % 12 + 1, 1), "month"
    return dt.date(reference.year + step, 1, 1), "year"


_ABSOLUTE = {"iso": _iso_day, "month_year": _month_year, "fiscal": _fiscal, "year": _year}
_RELATIVE = {
    "month_day": _month_day,
    "day_month": _month_day,
    "month": _month,
    "weekday": _weekday,
    "month_weekday": _month_weekday,
    "named_day": _named_day,
    "day_word": _day_word,
    "relative_period": _relative_period,
    "ago": _ago,
}


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
