"""Numbers across outlets: the same figure, as each outlet gives it, with a verdict.

:func:`compare_numbers` takes a story's articles and the quantities found in each (see
:func:`corroborate.annotate.quantities.extract_quantities`) and groups the claims that measure the same
thing over the same period, in the same unit. Each group gets a verdict:

``agree``
    every outlet gives the same value (and the same hedge);
``approximately_agree``
    the values differ only within the outlets' own qualifiers and rounding ("some 2.4 million"
    and 2,475,669 are 3 % apart; "more than 3,000 km" and 3,145 km are consistent; but "about
    38,000" and "about 41,000" are two estimates, in conflict);
``conflict``
    the values cannot both be right -- also listed in ``conflicts``;
``single_source``
    one outlet (or one set of syndicated copies) gives it.

Figures of the same measure and unit but of *different* periods (a December daily rate and
today's daily rate) are not compared: each group lists the others in ``related``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from corroborate.annotate.quantities import Quantity, base_unit, in_base_unit
from corroborate.compare.syndication import independent_sources
from corroborate.lang import en
from corroborate.model import Article, Conflict, ConflictClaim, Number, NumberClaim, Span
from corroborate.text import content_words

__all__ = ["compare_numbers", "claim_interval", "verdict_for", "measure_similarity", "is_bound"]

SAME_MEASURE = 0.5  # share of the shorter measure's content words the other must hold
CLEARLY_SAME_MEASURE = 0.75  # ... to say that figures which differ are in conflict
RELATIVE_TOLERANCE = 0.02  # unhedged values this close are "approximately" the same

# How far a hedged figure may stretch: (below, above) as fractions of the value.
_HEDGES: dict[str, tuple[float, float]] = {
    "about": (0.05, 0.05),
    "some": (0.05, 0.05),
    "more than": (0.0, 0.5),
    "over": (0.0, 0.5),
    "just over": (0.0, 0.15),
    "at least": (0.0, 1.0),
    "up to": (1.0, 0.0),
    "fewer than": (0.5, 0.0),
    "just under": (0.15, 0.0),
    "nearly": (0.15, 0.0),
}


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
    comparing across outlets."""
    return (
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


def verdict_for(
    claims: Sequence[Quantity], independent_sources: int, per: float = 1.0
) -> tuple[str, str]:
    """The verdict on one group of claims and a short note explaining it (its values times
    ``per``: in the unit shown)."""
    if independent_sources < 2:
        return "single_source", ""
    values = [c.number for c in claims]
    lo, hi = min(values), max(values)
    apart = _pct_apart(lo, hi)
    same_text = {
        (c.value, c.low, c.high, c.qualifier if c.qualifier != "record" else None) for c in claims
    }
    if len(same_text) == 1:
        return "agree", "every source gives the same figure"
    if lo == hi:
        return "agree", "the same figure, hedged differently"
    consistent = all(_consistent(a, b) for i, a in enumerate(claims) for b in claims[i + 1 :])
    if consistent or apart <= RELATIVE_TOLERANCE * 100:
        return "approximately_agree", (
            f"{apart:.0f} % apart, within the sources' rounding and qualifiers"
            if apart >= 0.5
            else "less than 1 % apart"
        )
    return "conflict", f"{apart:.0f} % apart: {_fmt(lo * per)} vs {_fmt(hi * per)}, beyond rounding"


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
    if is_bound(a) and is_bound(b):
        return a_low <= b_high and b_low <= a_high
    a_in_b = not is_bound(a) and b_low <= a.number <= b_high
    b_in_a = not is_bound(b) and a_low <= b.number <= a_high
    return a_in_b or b_in_a


def _compatible(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit and a.per == b.per


def compare_numbers(
    articles: Sequence[Article],
    quantities_by_article: Mapping[str, Sequence[Quantity]],
    copies: Sequence[Sequence[str]] = (),
    fact_of: Mapping[tuple[str, int], int] | None = None,
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

    Returns:
        ``(numbers, conflicts)``: the groups of figures (``n1``, ``n2``... most outlets
        first), each with its claims (the figure as each article states it, at its span), its
        verdict and the ``related`` figures of the same measure over other periods; and a
        ``number`` conflict (``number_id``) for each group in conflict, a claim per wording of
        the figure.
    """
    order = {a.id: i for i, a in enumerate(articles)}
    # Compared in base units ("18 months" and "two years" are 548 and 730 days); each claim
    # is then shown in the unit of the group's first claim.
    stated: dict[int, Quantity] = {}
    items: list[Quantity] = []
    for a in articles:
        for q in quantities_by_article.get(a.id, ()):
            if not is_trivial(q) and q.measure:
                items.append(in_base_unit(q))
                stated[id(items[-1])] = q
    # --- group: same unit, rate and period, and alike measures (average link, no chaining)
    groups: list[list[Quantity]] = []
    for q in items:
        best, best_score = None, 0.0
        for g in groups:
            if not _compatible(q, g[0]) or q.period != g[0].period:
                continue
            if any(m.article_id == q.article_id and m.number != q.number for m in g):
                continue  # one article never gives two values for one measure
            scores = [measure_similarity(q.measure, m.measure) for m in g]
            score = sum(scores) / len(scores)
            if score < SAME_MEASURE and _told_in_one_fact(q, g, fact_of or {}):
                score = SAME_MEASURE
            # counts and durations of measures that are only alike ("agency workers", "workers
            # on shift") group when they agree; a conflict is claimed only between figures of
            # one measure (a unit like m² or € is evidence of its own)
            # and a measure that names nothing ("20 miles away", "60 miles away": the smoke
            # seen, the towns apart) proves nothing, whatever the unit
            vague = _names_nothing(q.measure) or any(_names_nothing(m.measure) for m in g)
            if (
                vague
                or (score < CLEARLY_SAME_MEASURE and base_unit(q.unit)[0] in (None, "", "day"))
            ) and not all(_consistent(q, m) for m in g):
                continue
            if score >= SAME_MEASURE and score > best_score and _plausible(q, g):
                best, best_score = g, score
        if best is None:
            groups.append([q])
        else:
            best.append(q)
    groups.sort(key=lambda g: (-len({q.article_id for q in g}), order[g[0].article_id], g[0].start))
    for g in groups:
        g.sort(key=lambda q: (order[q.article_id], q.start))
    related = _related(groups)
    numbers: list[Number] = []
    conflicts: list[Conflict] = []
    for i, g in enumerate(groups, 1):
        independent = independent_sources({q.article_id for q in g}, copies)
        shown = stated[id(g[0])]
        per = 1.0 / base_unit(shown.unit)[1]  # from the base unit to the one shown
        verdict, note = verdict_for(g, independent, per)
        number = Number(
            id=f"n{i}",
            measure=_representative_measure(g),
            unit=_unit_label(shown),
            period=g[0].period,
            claims=tuple(
                NumberClaim(
                    value=_shown(q.value, per),
                    low=_shown(q.low, per),
                    high=_shown(q.high, per),
                    qualifier=q.qualifier,
                    text=q.text,
                    span=Span(q.article_id, q.start, q.end),
                )
                for q in g
            ),
            verdict=verdict,
            note=note,
            related=tuple(f"n{j + 1}" for j in related[i - 1]),
        )
        numbers.append(number)
        if verdict == "conflict":
            conflicts.append(_conflict(number, g))
    return numbers, conflicts


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
    for m in group:
        a, b = abs(q.number), abs(m.number)
        if min(a, b) == 0 or max(a, b) / min(a, b) > 10:
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
        spans.setdefault(q.text, []).append(Span(q.article_id, q.start, q.end))
    subject = number.measure + (f" ({number.period})" if number.period else "")
    return Conflict(
        kind="number",
        subject=subject,
        claims=tuple(ConflictClaim(v, tuple(ids), tuple(spans[v])) for v, ids in by_value.items()),
        note=number.note,
        number_id=number.id,
    )


def _related(groups: Sequence[Sequence[Quantity]]) -> list[list[int]]:
    """Per group, the groups of figures of one measure and unit over different periods (they
    point at each other), in order."""
    related: list[list[int]] = [[] for _ in groups]
    for i, gi in enumerate(groups):
        for j in range(i + 1, len(groups)):
            gj = groups[j]
            if not _compatible(gi[0], gj[0]) or gi[0].period == gj[0].period:
                continue
            score = max(measure_similarity(a.measure, b.measure) for a in gi for b in gj)
            if score >= SAME_MEASURE and _same_magnitude(gi[0], gj[0]):
                related[i].append(j)
                related[j].append(i)
    return related


def _same_magnitude(a: Quantity, b: Quantity) -> bool:
    x, y = abs(a.number), abs(b.number)
    return min(x, y) > 0 and abs(math.log10(x) - math.log10(y)) <= 1
