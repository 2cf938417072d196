"""Dates: every date an article mentions, absolute or relative, resolved where it can be.

The expressions themselves are read and resolved by :mod:`corroborate.date_expressions`; this
module places them in an article.

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

from corroborate.date_expressions import (
    _MOD_NAME,
    _NUMWORD,
    _WORD_NUMBERS,
    WEEKDAY_NUMBER,
    _Expr,
    _iso,
    _safe_date,
    find_date_expressions,
    is_future_context,
    month_number,
    resolve_relative_date,
)
from corroborate.model import Article

__all__ = ["DateMention", "date_by_story", "extract_dates", "infer_published"]


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
        # Inferred once per article (an article stage of corroborate.pipeline), else here.
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
