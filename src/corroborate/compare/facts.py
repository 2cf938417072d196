"""Facts: groups of sentences from different articles that report the same thing.

Two sentences are compared only when they could report the same thing: they come from
different articles and share enough weighted vocabulary (TF-IDF cosine, a cheap sparse
product). Only the sentences in such candidate pairs are embedded, and the groups are built
by average-linkage clustering over the embedding similarity, so one loose pair cannot chain
two different facts together. A syndicated copy's sentence that an earlier copy already says
(nearly) word for word is not compared at all: it joins the fact of the sentence it repeats.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from corroborate.annotate.nlp import MIN_FACT_WORDS
from corroborate.annotate.quantities import (
    Quantity,
    base_unit,
    head_words,
    polls_apart,
    same_poll,
)
from corroborate.annotate.quote_marks import find_quotations
from corroborate.compare.close_pairs import _STEP, Steps, _close_kept, pair_steps
from corroborate.compare.cluster import ClusterConfig, StoryClusterer
from corroborate.compare.numbers import is_bound, is_trivial
from corroborate.compare.same_story import Profile
from corroborate.compare.stage_cache import StageCache, cached
from corroborate.compare.syndication import (
    CopyTracker,
    independent_groups,
    sentence_twins,
    source_name,
    twin_sentences,
)
from corroborate.compare.wording import wording_rank
from corroborate.embed.base import COSINE_DECIMALS, Embedder
from corroborate.lang import en
from corroborate.model import Article, Fact, Quote, QuoteVersion, Sentence
from corroborate.patterns import gated
from corroborate.text import (
    SENTENCE_ENDS,
    capital_or_caseless,
    content_words,
    fold,
    membership,
    shared_members,
    smoothed_idf,
    sublinear_tf,
    term_counts,
    tfidf_matrix,
    word_count,
    written_in_latin,
)

CANDIDATE_TFIDF = 0.12  # below this, two sentences share too little to be one fact
SAME_FACT = 0.75  # average (evidence-adjusted) cosine inside a fact
SAME_FACT_LEXICAL = 0.75  # or nearly the same words (when embeddings are unavailable)
ECHO = 0.6  # a cosine this close, short of one fact: a fact told alone may be another's too
# Evidence beyond wording: the same figure in two sentences is strong evidence of one fact,
# different figures (and none shared) evidence of two; a name few sentences carry is weak
# evidence (the story's main names are everywhere and prove nothing).
SHARED_FIGURE_BONUS = 0.10
FIGURE_CLASH_PENALTY = 0.15
# Two sentences whose figures of one kind are all two polls' results (_polls_apart: "the
# margin of error is plus or minus 4.21 points" and "... plus or minus 4 points" of another
# poll): two polls' results told in one template, never one fact.
POLL_CLASH_PENALTY = 1.0
SHARED_RARE_NAME_BONUS = 0.04
RARE_NAME_SHARE = 0.15  # a name in at most this share of the story's sentences is rare
# Places and nationalities come in lists ("from Venezuela, Nicaragua and Cuba") and set the
# scene of many facts: only who acted (people, organisations, events, laws...) is evidence.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
# Two sentences that each name a place (a country, state, city, region) and share no word of
# any ("Sanders won New Hampshire's primary", "Sanders prevailed in Wisconsin's primary"): two
# happenings told alike, more likely than one told with two places.
CLASHING_PLACES = frozenset({"GPE", "LOC"})
PLACE_CLASH_PENALTY = 0.15
# Two figures are the same figure when they differ by at most this share of the larger and by
# less than the last place either is given to ("some 2.4 million" and "2,475,669": one figure,
# rounded or cut short; "42 percent" and "44 percent", "116 crew" and "118 crew": two figures,
# though within 5 % of each other).
SAME_FIGURE = 0.05
# Two sentences dated to the same day likely tell of the same happening; different days
# prove little (one sentence may date a report, the other the event), so no penalty.
SHARED_DAY_BONUS = 0.06
# Between two articles that report the same event (not merely the same story): news is
# written top-down, so their first sentences (ledes) likely tell one fact in two outlets'
# words; and sentences that are each other's closest match in the other article (mutual
# best match, as in sentence alignment) are likely two versions of one sentence.
LEDE_BONUS = 0.05
MUTUAL_BEST_BONUS = 0.05
# Both are given only within an event of a known day: an event of no day
# (:func:`corroborate.compare.events.split_events` of undated articles, or of leads that name
# no day) is a guess from the leads' words; one such "event" of articles months apart held a
# campaign manager's words "earlier Tuesday" and his TV appearance "Tuesday night" two weeks
# later. And between articles of two events, one of them of no known day, a sentence is more
# likely of its own moment than the other's (a hacker "admits to other intrusions" in one
# undated dispatch, "gets a 52-month sentence" in another): such a pair is weighed this much
# further apart. Between two events of known days, the days tell their happenings apart
# (:func:`told_of_other_days`), and what else both say is mostly background told in both
# ("it carried some 40,000 vehicles a day before it closed"): no penalty.
OTHER_EVENT_PENALTY = 0.05
# Between articles that appeared more than a week apart, a sentence pair is weighed this much
# further apart: in a story followed for months (a primary season), what two such articles say
# alike is mostly two moments told alike ("Clinton wins the primary in North Carolina, adding
# to her run of victories" in March, "... won South Dakota's primary, adding to her delegate
# lead" in June; "trails by more than 300 delegates" / "led by nearly 300" two months apart),
# while background repeated in the same words still joins (it is 1.0: nearly the same words).
# On the 924 dated PolNeAR articles briefed as one pile, most multi-outlet facts of articles
# weeks apart were such joins (bench/pile_verdicts.py --polnear).
WEEKS_APART_DAYS = 7
WEEKS_APART_PENALTY = 0.10
# ... between sentences this close (evidence and ledes counted): near enough to the line
# that the bonus, or it and a fellow member's, can take an average over it.
MUTUAL_BEST_FROM = SAME_FACT - 3 * MUTUAL_BEST_BONUS
MAX_EVIDENCE_BONUS = (
    2 * SHARED_FIGURE_BONUS
    + 2 * SHARED_RARE_NAME_BONUS
    + SHARED_DAY_BONUS
    + LEDE_BONUS
    + MUTUAL_BEST_BONUS
)

# A figure: its kind (base unit, and what a rate is per), its value in that unit, its period,
# and whether it is only a bound ("more than 3,000 km").
# kind (base unit, per), value in base units, period, whether a bound, the poll it is of, and
# the place of its last digit as told, in base units (:attr:`Quantity.step`: "12,400 acres"
# is told to the hundred acres, however many digits its square metres have), and the words of
# what it counts (:func:`corroborate.annotate.quantities.head_words`, sorted, joined by spaces:
# "delegat short" of "71 delegates short"; "" when the text does not say)
Figure = tuple[str, float, str | None, bool, str | None, float, str]

# What a sentence quotes: the speakers (entity ids) its direct quotes are given to, and those
# quotes' ids (:func:`corroborate.compare.quote_alignment.align_quotes`).
Said = tuple[frozenset[str], frozenset[str]]


@dataclass
class SentenceTable:
    """The sentences of a story with their TF-IDF rows (for comparison and redundancy)."""

    sentences: list[Sentence]
    tfidf: csr_matrix

    figures: list[list[Figure]] = field(default_factory=list)
    names: list[set[str]] = field(default_factory=list)
    days: list[set[str]] = field(default_factory=list)
    # The day a sentence tells as the news of a day ("efforts continued Friday": a weekday,
    # "yesterday", not a plan), and when its article appeared.
    news_days: list[str | None] = field(default_factory=list)
    published: list[str | None] = field(default_factory=list)
    # Whether a sentence reverses or ends what it tells ("called off", "declared dead").
    reverses: list[bool] = field(default_factory=list)
    # Whose quotes a sentence holds, and which (empty when the quotes are not given).
    said: list[Said] = field(default_factory=list)
    # When some rows are units of several sentences (:func:`fact_units`): the TF-IDF rows of
    # the sentences they are made of (the others' as they are), and each one's row, so that
    # candidates are found sentence by sentence (:func:`candidate_pairs`).
    pieces: csr_matrix | None = None
    piece_of: np.ndarray | None = None
    # The (folded) places each sentence names (GPE, LOC).
    places: list[set[str]] = field(default_factory=list)
    # Whether a sentence supposes what it tells ("suppose he wins 1,237 delegates"): no report.
    supposes: list[bool] = field(default_factory=list)
    # Whether a sentence forecasts what it tells ("will likely be re-elected"): no report.
    forecasts: list[bool] = field(default_factory=list)
    # Whether a sentence tells a habit, many happenings ("has repeatedly called"): not one day's.
    habitual: list[bool] = field(default_factory=list)
    # Whether a sentence is the writer's word to the reader (:func:`addresses_reader`).
    to_reader: list[bool] = field(default_factory=list)
    # Whether a sentence is a headline's line (:func:`is_headline`), not a sentence of a report.
    headline: list[bool] = field(default_factory=list)
    # The latest month a sentence tells as past, named as a month ("campaigned there in May",
    # "last month"), its first day: news of that month.
    news_months: list[str | None] = field(default_factory=list)
    # The people each sentence lists, each by its name's last word, folded ("rubio"); none
    # for a sentence of no list (:func:`_people_listed`).
    listed: list[frozenset[str]] = field(default_factory=list)
    # The latest day a sentence speaks of as ahead ("will meet on Thursday", "is expected to
    # win Saturday's caucuses"): a plan or a forecast, not a report.
    ahead_days: list[str | None] = field(default_factory=list)
    # The (folded) words of the names of the speakers whose direct quotes a sentence holds
    # (:func:`_speaker_words`).
    speaker_words: list[frozenset[str]] = field(default_factory=list)

    @cached_property
    def name_counts(self) -> Counter[str]:
        """How many of the story's sentences name each (folded) name."""
        return Counter(name for names in self.names for name in names)

    @cached_property
    def rare_names(self) -> list[frozenset[str]]:
        """Per sentence, its names that few of the story's sentences carry
        (:data:`RARE_NAME_SHARE`), worked out once for every group that reads them."""
        counts = self.name_counts
        limit = max(2, RARE_NAME_SHARE * len(self.sentences))
        return [frozenset(x for x in names if counts[x] <= limit) for names in self.names]

    @classmethod
    def build(
        cls,
        articles: Sequence[Article],
        cache: StageCache | None = None,
        quotes: Sequence[Quote] = (),
    ) -> SentenceTable:
        """The table of the articles' fact sentences (:func:`fact_units`); ``cache``: each
        article's sentences' words kept under their texts (:mod:`corroborate.compare.
        stage_cache`); ``quotes``: the story's quotes, lined up across its articles (whose
        quotes each sentence holds: :func:`said_by_others`)."""
        rows = {a.id: _article_rows(a, cache) for a in articles}
        units = {a.id: rows[a.id][0] for a in articles}
        every = [
            (s, w, r, f)
            for a in articles
            for s, w, r, f in zip(*rows[a.id][:3], rows[a.id][4], strict=True)
        ]
        kept = {id(s) for s in fact_sentences([row[0] for row in every])}
        every = [row for row in every if id(row[0]) in kept]
        sentences = [row[0] for row in every]
        told = [row[1] for row in every]
        matrix = tfidf_matrix([s.text for s in sentences], told)
        unit_of = _unit_of(articles, units)
        figures, names, days, places = _sentence_evidence(articles, sentences, unit_of)
        news_days, published, ahead_days = _sentence_times(articles, sentences, unit_of)
        reverses = [row[2] for row in every]
        flags = [row[3] for row in every]
        held = _direct_quotes_in(sentences, quotes) if quotes else []
        said = [_quotes_held(inside) for inside in held]
        inner = {
            (a.id, u.index): w
            for a in articles
            for u, w in zip(rows[a.id][0], rows[a.id][3], strict=True)
            if w
        }
        pieces, piece_of = _pieces(articles, sentences, inner, told)
        return cls(
            sentences,
            csr_matrix(matrix),
            figures,
            names,
            days,
            news_days,
            published,
            reverses,
            said,
            pieces,
            piece_of,
            places,
            supposes=[f[0] for f in flags],
            habitual=[f[1] for f in flags],
            to_reader=[f[2] for f in flags],
            headline=[f[3] for f in flags],
            forecasts=[f[4] for f in flags],
            news_months=_months_told(articles, sentences, unit_of),
            listed=_people_listed(articles, sentences, unit_of),
            ahead_days=ahead_days,
            speaker_words=[_speaker_words(inside) for inside in held],
        )


def _pieces(
    articles: Sequence[Article],
    rows: Sequence[Sentence],
    inner: dict[tuple[str, int], list[list[str]]] | None = None,
    told: Sequence[list[str]] | None = None,
) -> tuple[csr_matrix | None, np.ndarray | None]:
    """The TF-IDF rows of the sentences the table's ``rows`` are made of, and each one's row;
    none when every row is one sentence. A quote's unit of several sentences is then a
    candidate where one of its sentences alone would be: the unit's longer text weighs each
    shared word less, and a sentence another outlet tells in a few words of its own would
    otherwise be compared with nothing (:func:`candidate_pairs`). ``inner``: the
    :func:`content_words` of each sentence of a unit of several, by the unit's article and
    index, when already known (:func:`_article_rows`); ``told``: each row's own words, when
    known (the table's)."""
    by_id = {a.id: a for a in articles}
    starts = {a.id: [s.start for s in a.sentences] for a in articles}
    texts: list[str] = []
    words: list[list[str] | None] = []
    owner: list[int] = []
    several = False
    for row, unit in enumerate(rows):
        article = by_id.get(unit.article_id)
        inside = [] if article is None else _sentences_in_units(article, [unit], starts[article.id])
        if article is not None and len(inside) > 1:
            several = True
            known = (inner or {}).get((unit.article_id, unit.index))
            texts.extend(article.sentences[i].text for _, i in inside)
            words.extend(known if known is not None else [None] * len(inside))
            owner.extend([row] * len(inside))
        else:
            texts.append(unit.text)
            words.append(None if told is None else told[row])
            owner.append(row)
    if not several:
        return None, None
    said = [content_words(t) if w is None else w for t, w in zip(texts, words, strict=True)]
    return csr_matrix(tfidf_matrix(texts, said)), np.asarray(owner, dtype=np.int64)


def _direct_quotes_in(
    sentences: Sequence[Sentence], quotes: Sequence[Quote]
) -> list[list[tuple[Quote, QuoteVersion]]]:
    """Per sentence, the direct quotes (with the version) whose words, a version's parts, it
    holds some of."""
    spans: dict[str, list[tuple[int, int, Quote, QuoteVersion]]] = {}
    for quote in quotes:
        for v in quote.versions:
            if not v.indirect:
                for part in v.stretches:
                    spans.setdefault(part.article_id, []).append((part.start, part.end, quote, v))
    return [
        [(q, v) for a, b, q, v in spans.get(s.article_id, ()) if a < s.end and s.start < b]
        for s in sentences
    ]


def _quotes_held(inside: Sequence[tuple[Quote, QuoteVersion]]) -> Said:
    """The speakers and ids of the direct quotes a sentence holds (:func:`_direct_quotes_in`)."""
    return frozenset(v.speaker for _, v in inside if v.speaker), frozenset(q.id for q, _ in inside)


def _speaker_words(inside: Sequence[tuple[Quote, QuoteVersion]]) -> frozenset[str]:
    """The (folded) words of more than two letters of the names of the known speakers whose
    direct quotes a sentence holds ("Loretta Lynch" -> "loretta", "lynch"): whether another
    sentence names the speaker (:func:`quoted_alone`)."""
    return frozenset(
        w
        for _, v in inside
        if v.speaker and v.speaker_name
        for w in fold(v.speaker_name).split()
        if len(w) > 2
    )


# What _article_rows gives per article: units, their words, reversals, inner words, flags.
_Rows = tuple[
    list[Sentence],
    list[list[str]],
    list[bool],
    list[list[list[str]]],
    list[tuple[bool, bool, bool, bool, bool]],
]


def _unit_flags(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """Whether a unit's text supposes what it tells (:data:`_SUPPOSITION`), tells a habit
    (:data:`_HABIT`), speaks to the reader (:func:`addresses_reader`), is set as a headline
    (:func:`is_headline`) and forecasts what it tells (:data:`_FORECAST`): the table's
    ``supposes``, ``habitual``, ``to_reader``, ``headline`` and ``forecasts``."""
    return (
        bool(_SUPPOSITION.search(text)),
        bool(_HABIT.search(text)),
        addresses_reader(text),
        is_headline(text),
        bool(_FORECAST.search(text)),
    )


def _article_rows(article: Article, cache: StageCache | None) -> _Rows:
    """An article's fact units (:func:`fact_units`), each one's :func:`content_words`,
    whether it reverses what it tells (:data:`_REVERSAL`), for a unit of several sentences
    each of its sentences' words (:func:`_pieces`; else none), and whether it supposes, tells
    a habit, speaks to the reader, is a headline or forecasts (:func:`_unit_flags`): what the table reads of the
    article alone, kept in ``cache`` under its text and sentences (a re-brief reads a big
    story's other articles from it instead of searching their texts again)."""

    def compute() -> _Rows:
        units = fact_units(article)
        words = [content_words(u.text) for u in units]
        inside = _sentences_in_units(article, units)
        of_unit: dict[int, list[int]] = {}
        for unit, index in inside:
            of_unit.setdefault(unit.index, []).append(index)
        inner = [
            [content_words(article.sentences[i].text) for i in of_unit.get(u.index, [])]
            if len(of_unit.get(u.index, [])) > 1
            else []
            for u in units
        ]
        reverses = [bool(_REVERSAL.search(u.text)) for u in units]
        return units, words, reverses, inner, [_unit_flags(u.text) for u in units]

    sentences = [(s.index, s.start, s.end, s.text) for s in article.sentences]
    return cached(cache, "facts.rows", (article.id, article.text, sentences), compute)


def fact_units(article: Article) -> list[Sentence]:
    """The article's sentences as facts compare and show them: the sentences one quotation
    runs over are one unit, so that no fact is a piece cut out of a quote (its opening mark
    left without its closing one, the rest of what was said elsewhere).

    A unit spans its article's text from its first sentence's start to its last's end (its
    ``text`` is that text, exactly; its ``index`` is its first sentence's); a sentence no
    quotation joins to another is a unit of its own. Quotations are those of
    :func:`corroborate.annotate.quote_marks.find_quotations`, marks included: one never runs
    over a paragraph's end, so neither does a unit. A quotation left open at its paragraph's
    end joins sentences only when the next paragraph goes on with it (the convention of a
    quote over paragraphs); otherwise its mark is a stray one (a typo, a text cut short) and
    would swallow the rest of the paragraph. Nor does one with no opening mark (a closing mark
    that :func:`~corroborate.annotate.quote_marks.find_quotations` reads as the paragraph
    beginning inside a quote): in a text cut short, or scraped onto one line, that is all the
    text before it.

    >>> from corroborate.model import Sentence
    >>> t = "“We will go. We must,” she said. Then she left."
    >>> a = Article("a", "a.txt", t, text=t, sentences=[
    ...     Sentence("a", 0, 0, 12, t[0:12]), Sentence("a", 1, 13, 32, t[13:32]),
    ...     Sentence("a", 2, 33, 47, t[33:47])])
    >>> [(u.index, u.text) for u in fact_units(a)]
    [(0, '“We will go. We must,” she said.'), (2, 'Then she left.')]
    """
    sentences = article.sentences
    if len(sentences) < 2:
        return list(sentences)
    starts = [s.start for s in sentences]
    reach = list(range(len(sentences)))  # per sentence, the last one a quotation in it runs to
    quotations = find_quotations(article.text)
    for k, q in enumerate(quotations):
        if not q.closed and not (k + 1 < len(quotations) and quotations[k + 1].goes_on):
            continue
        if q.open_at == q.start or article.text[q.open_at].isspace():  # no opening mark
            continue
        first = max(0, bisect.bisect_right(starts, q.open_at) - 1)
        if sentences[first].end <= q.open_at:  # opened in the gap after it
            first += 1
        last = bisect.bisect_left(starts, q.close_at) - 1
        if first < last:
            reach[first] = max(reach[first], last)
    units: list[Sentence] = []
    k = 0
    while k < len(sentences):
        last, j = reach[k], k
        while j < last:  # a quotation opened inside the unit may run on further
            j += 1
            last = max(last, reach[j])
        if last == k:
            units.append(sentences[k])
        else:
            start, end = sentences[k].start, sentences[last].end
            units.append(
                Sentence(article.id, sentences[k].index, start, end, article.text[start:end])
            )
        k = last + 1
    return units


def _unit_of(
    articles: Sequence[Article], units: dict[str, list[Sentence]]
) -> dict[tuple[str, int], int]:
    """``(article id, sentence index)`` -> the index of the unit (:func:`fact_units`) holding
    that sentence, for the sentences of units of several sentences (the rest are their own)."""
    out: dict[tuple[str, int], int] = {}
    for article in articles:
        for unit, index in _sentences_in_units(article, units[article.id]):
            out[(article.id, index)] = unit.index
    return out


def _sentences_in_units(
    article: Article, units: Sequence[Sentence], starts: Sequence[int] | None = None
) -> list[tuple[Sentence, int]]:
    """Each sentence of ``article`` that lies in one of ``units`` (spans of its text), by
    index, with that unit (``starts``: its sentences' starts, when already listed)."""
    if starts is None:
        starts = [s.start for s in article.sentences]
    found = []
    for unit in units:
        k = bisect.bisect_left(starts, unit.start)
        while k < len(starts) and article.sentences[k].end <= unit.end:
            found.append((unit, article.sentences[k].index))
            k += 1
    return found


def facts_of_sentences(
    facts: Sequence[Fact], articles: Sequence[Article]
) -> dict[tuple[str, int], int]:
    """``(article id, sentence index)`` -> the fact (an index into ``facts``) that sentence
    reports: every sentence of a fact's units (:func:`fact_units`) is its fact's."""
    by_id = {a.id: a for a in articles}
    out: dict[tuple[str, int], int] = {}
    for k, fact in enumerate(facts):
        for member in fact.members:
            article = by_id.get(member.article_id)
            if article is None:
                out[(member.article_id, member.index)] = k
                continue
            for _, index in _sentences_in_units(article, [member]):
                out[(member.article_id, index)] = k
    return out


_BOUND = re.compile(r"\b(?:since|until|till|from)\s+$", re.IGNORECASE)


def _any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of ``patterns`` as whole words, in any case."""
    return gated(re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE))


_REVERSAL = _any_of(en.REVERSAL_PATTERNS)
_SUPPOSITION = _any_of(en.SUPPOSITION_PATTERNS)
_HABIT = _any_of(en.HABIT_PATTERNS)
_FORECAST = _any_of(en.FORECAST_PATTERNS)


def _sentence_times(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    unit_of: dict[tuple[str, int], int] | None = None,
) -> tuple[list[str | None], list[str | None], list[str | None]]:
    """Per sentence (or fact unit: ``unit_of`` maps a sentence to the unit holding it): the
    latest day it tells as a day's news (a weekday or "yesterday" resolved to the day, not
    spoken of as ahead, not a bound as "since Monday"), its article's date (given or
    inferred), and the latest day (resolved to the day) it speaks of as ahead, after its
    article's date."""
    unit_of = unit_of or {}
    news: dict[tuple[str, int], str] = {}
    ahead: dict[tuple[str, int], str] = {}
    dated = {a.id: a.published or a.published_inferred for a in articles}
    for article in articles:
        # a day after the article's own date: the tense of a sentence may put ahead a day
        # its article's date puts behind ("will provide the sum promised on March 14"), and
        # a day's own news may read as ahead ("posted the files Wednesday afternoon", in a
        # Wednesday article): a plan for later the same day is not read
        # (fewer plans kept apart, none misread)
        own = (dated[article.id] or "")[:10]
        for d in article.dates:
            key = (article.id, unit_of.get((article.id, d.sentence), d.sentence))
            if d.future and d.resolved and d.precision == "day" and d.resolved[:10] > own:
                ahead[key] = max(ahead.get(key, d.resolved), d.resolved)
            if not (d.relative and d.resolved and d.precision == "day") or d.future:
                continue
            if _BOUND.search(article.text, max(0, d.start - 8), d.start):
                continue
            news[key] = max(news.get(key, d.resolved), d.resolved)
    keys = [(s.article_id, s.index) for s in sentences]
    return (
        [news.get(k) for k in keys],
        [dated.get(k[0]) for k in keys],
        [ahead.get(k) for k in keys],
    )


def _months_told(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    unit_of: dict[tuple[str, int], int] | None = None,
) -> list[str | None]:
    """Per sentence (or fact unit): the latest month it tells as past, named as a month ("in
    May", "last month", either end of "between October 2022 and September 2023"; not spoken
    of as ahead), as its first day."""
    unit_of = unit_of or {}
    months: dict[tuple[str, int], str] = {}
    for article in articles:
        for d in article.dates:
            if d.future:
                continue
            for when, precision in ((d.resolved, d.precision), (d.end_date, d.end_precision)):
                if precision == "month" and when:
                    key = (article.id, unit_of.get((article.id, d.sentence), d.sentence))
                    months[key] = max(months.get(key, when[:10]), when[:10])
    return [months.get((s.article_id, s.index)) for s in sentences]


def _sentence_evidence(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    unit_of: dict[tuple[str, int], int] | None = None,
) -> tuple[list[list[Figure]], list[set[str]], list[set[str]], list[set[str]]]:
    """Per sentence (or fact unit: ``unit_of`` maps a sentence to the unit holding it): the
    figures it states, the (folded) names it mentions and the days it names (resolved to the
    day, else a weekday's name)."""
    unit_of = unit_of or {}
    figures: dict[tuple[str, int], list[Figure]] = {}
    names: dict[tuple[str, int], set[str]] = {}
    days: dict[tuple[str, int], set[str]] = {}
    places: dict[tuple[str, int], set[str]] = {}

    def key(article: Article, sentence: int) -> tuple[str, int]:
        return article.id, unit_of.get((article.id, sentence), sentence)

    for article in articles:
        counted: dict[int, set[str]] = {}  # the sentences stating a figure: its places
        for q in article.quantities:
            if is_trivial(q) or q.in_title or _describes_a_person(article.text, q):
                continue  # a headline's figure is in no sentence
            figures.setdefault(key(article, q.sentence), []).append(figure(q))
            counted.setdefault(q.sentence, set()).update(q.places)
        for m in article.mentions:
            if m.label not in PLACE_LABELS:
                names.setdefault(key(article, m.sentence), set()).add(fold(m.text))
            elif m.label in CLASHING_PLACES:
                places.setdefault(key(article, m.sentence), set()).add(fold(m.text))
        _figures_places(article, counted, places, key)
        told: dict[int, set[str]] = {}
        for d in article.dates:
            if d.resolved and d.precision == "day":
                told.setdefault(d.sentence, set()).add(d.resolved)
                if d.end_date and d.end_precision == "day":  # "Oct. 30 to Nov. 8": both
                    told[d.sentence].add(d.end_date)
            elif d.relative and (weekday := _weekday_named(d.text)):
                # an undated article's "on Tuesday": the day's name is all there is to compare
                told.setdefault(d.sentence, set()).add(weekday)
        for index, named in {**told, **_days_referred_back(article, told)}.items():
            days.setdefault(key(article, index), set()).update(named)
    keys = [(s.article_id, s.index) for s in sentences]
    language = {a.id: a.language for a in articles}
    for s, k in zip(sentences, keys, strict=True):
        if language.get(s.article_id, "en") != "en" and k not in figures:
            figures[k] = digit_figures(s.text)
    return (
        [figures.get(k, []) for k in keys],
        [names.get(k, set()) for k in keys],
        [days.get(k, set()) for k in keys],
        [places.get(k, set()) for k in keys],
    )


# A run of digits and the separators inside a figure ("1,1193", "38,94", "15.02.2020").
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")
DIGITS = "#"  # the kind of a figure read as written (:func:`digit_figures`)


def digit_figures(text: str) -> list[Figure]:
    """The figures of a sentence in a language the quantity rules do not read
    (:func:`corroborate.annotate.quantities.extract_quantities` reads English only), as
    written: each run of digits, its separators dropped ("38,94" is 3894), a figure of the
    kind :data:`DIGITS`, one only with the same digits. What each measures is not read, so
    they only ever tell two facts apart (:func:`_evidence_at`, :func:`_parted`): "die
    Feinunze Gold wurde bei 1529 Dollar gehandelt" and "... bei 1553 Dollar ..." (two days'
    prices) are two facts.

    >>> [f[1] for f in digit_figures("bei 1529 Dollar (31,1 Gramm) am 10.")]
    [10.0, 311.0, 1529.0]
    """
    found = {int(re.sub(r"\D", "", m.group())) for m in _DIGITS_RE.finditer(text)}
    return [(DIGITS, float(v), None, False, None, 1e-9, "") for v in sorted(found)]


def _figures_places(
    article: Article,
    counted: dict[int, set[str]],
    places: dict[tuple[str, int], set[str]],
    key: Callable[[Article, int], tuple[str, int]],
) -> None:
    """Give each sentence of ``counted`` (the sentences stating a figure, each with its
    figures' places: :attr:`corroborate.annotate.quantities.Quantity.places`) that names no
    place but refers to one by its kind (:data:`corroborate.lang.en.PLACE_REFERRED_BACK`:
    "the state's", "the country") its figures' places: the place told just before it, or
    the place its article is about ("Clinton won South Dakota's primary. Her victory hands
    her a majority of the state's 20 pledged delegates"), so that two sentences' figures of
    two places are told apart (:data:`PLACE_CLASH_PENALTY`: "a majority of the state's 20
    delegates" / "an outright majority of the delegates, with wins in Ohio and Texas"). Not
    a sentence that refers to no place: a place named that was not tagged ("in Kessingford")
    is no other place's."""
    for index, found in counted.items():
        at = key(article, index)
        text = article.sentences[index].text if index < len(article.sentences) else ""
        if at not in places and found and _PLACE_REFERRED_BACK.search(text):
            places[at] = set(found)


_PLACE_REFERRED_BACK = _any_of(en.PLACE_REFERRED_BACK)


def _days_referred_back(article: Article, told: dict[int, set[str]]) -> dict[int, set[str]]:
    """The days of the article's sentences that name none but refer back to one ("that day",
    "the same day", :data:`corroborate.lang.en.DAY_REFERRED_BACK`): those the nearest
    sentence of the paragraph before names (``told``: the days each sentence names), up to
    :data:`DAY_LOOKBACK` sentences back. "Obama was to meet Sanders on Thursday. Sanders also
    plans to meet Reid that day": the second tells of Thursday as much as the first, and is
    not one report with a meeting on another day."""
    found: dict[int, set[str]] = {}
    sentences = article.sentences
    for k, sentence in enumerate(sentences):
        if sentence.index in told or not _DAY_REFERRED_BACK.search(sentence.text):
            continue
        at = k
        while at > 0 and k - at < DAY_LOOKBACK:
            if "\n" in article.text[sentences[at - 1].end : sentences[at].start]:
                break
            at -= 1
            if sentences[at].index in told:
                found[sentence.index] = set(told[sentences[at].index])
                break
    return found


DAY_LOOKBACK = 2  # sentences of a paragraph before one referring back to a day ("that day")
_DAY_REFERRED_BACK = _any_of(en.DAY_REFERRED_BACK)


def _people_listed(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    unit_of: dict[tuple[str, int], int] | None = None,
) -> list[frozenset[str]]:
    """Per sentence (or fact unit: ``unit_of`` maps a sentence to the unit holding it): the
    people it lists, when it lists at least :data:`LISTED_PEOPLE` (else none): names (PERSON
    mentions) one after the other, each parted from the next by a comma, "and" or "or" and at
    most a title's words ("Jeb Bush, Ohio Gov. John Kasich, retired neurosurgeon Ben Carson,
    Christie and Paul"); each person by the last word of the name, folded ("Gov. John Kasich"
    and "Kasich" are one person)."""
    unit_of = unit_of or {}
    mentions: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    texts = {a.id: a.text for a in articles}
    for article in articles:
        for m in article.mentions:
            words = fold(m.text).split()
            if m.label == "PERSON" and words:
                at = (article.id, unit_of.get((article.id, m.sentence), m.sentence))
                name = re.sub(r"['’]s$", "", words[-1])
                mentions.setdefault(at, []).append((m.start, m.end, name))
    listed = []
    for s in sentences:
        found = sorted(mentions.get((s.article_id, s.index), ()))
        longest: list[str] = []
        run: list[str] = []
        for k, (_, _, name) in enumerate(found):
            joined = k > 0 and _LIST_GAP.fullmatch(
                texts[s.article_id][found[k - 1][1] : found[k][0]]
            )
            run = [*run, name] if joined else [name]
            longest = run if len(run) > len(longest) else longest
        listed.append(frozenset(longest) if len(set(longest)) >= LISTED_PEOPLE else frozenset())
    return listed


# What parts two names of a list: a comma, "and" or "or", and at most a few words of a title
# ("Jeb Bush, Ohio Gov. John Kasich"; "Cruz and Sen. Marco Rubio"), no clause.
_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    r"(?:(?!(?:" + "|".join(en.NOT_IN_A_TITLE) + r")\b)[\w.’'-]+\s+){0,4}",
    re.IGNORECASE,
)


def addresses_reader(text: str) -> bool:
    """Whether a sentence speaks to the reader (a word of :data:`corroborate.lang.en.
    READER_WORDS` outside its quotations): the writer's commentary ("Rubio is right about
    one thing: you don't win the nomination by how many states you win"), not a report.

    >>> addresses_reader("You don't win the nomination by the states you win.")
    True
    >>> addresses_reader("“You don't win by states,” Rubio said.")
    False
    """
    lowered = text.lower()
    if not any(word in lowered for word in en.READER_WORDS):
        return False  # most sentences: no need to find their quotations
    spans = [(q.open_at, q.close_at) for q in find_quotations(text)]
    for m in re.finditer(r"\w+", text):
        if m.group().lower() in en.READER_WORDS and not any(a <= m.start() < b for a, b in spans):
            return True
    return False


def is_headline(text: str) -> bool:
    """Whether a line is set as a headline, not written as a sentence: no closing
    punctuation, and every word of four letters or more capitalised, at least three of them
    ("The Paris Climate Agreement Is One Huge Step For Mankind": a link to another article, a
    section's heading). A headline is cited with a headline only: what the page links to is
    not what the article reports.

    >>> is_headline("Council Votes To Close The Harbour Bridge For Repairs")
    True
    >>> is_headline("The Council Votes To Close The Harbour Bridge.")
    False
    >>> is_headline("Council votes to close the harbour bridge for repairs")
    False
    """
    stripped = text.strip()
    if not stripped or stripped[-1] in _CLOSING:
        return False
    long = [w for w in re.findall(r"[^\W\d_][\w’'-]*", stripped) if len(w) > 3]
    return len(long) >= 3 and all(w[0].isupper() for w in long)


_CLOSING = frozenset(".!?;:\"”’')»…")


def _describes_a_person(text: str, q: Quantity) -> bool:
    """Whether the figure is a person's age set beside the name ("Kubica, 35, made his race
    debut ..."): news gives it with the name in every story about them, whatever the
    sentence says, so it is no evidence of one fact (an age the sentence tells, "died at the
    age of 77", is)."""
    return (
        q.head == "age"
        and text[max(0, q.start - 2) : q.start] == ", "
        and text[q.end : q.end + 1] == ","
    )


def figure(q: Quantity) -> Figure:
    """A quantity as a comparable figure: ``1.2 km`` -> ``("m", 1200.0)``; a rate keeps what
    it is per (``("USD/day", 2e6)``); a plain count has the kind ``""``. A figure for a
    stated period (``242,418 encounters in November``) is a figure of that period only. A
    poll's figure keeps the poll (:attr:`Quantity.poll`)."""
    base, scale = base_unit(q.unit)
    base = base or ""
    if q.poll is not None and base in _POLL_SHARES:
        base = "%"  # a poll's "4 points", "4 percentage points" and "4 percent" say one thing
    kind = f"{base}/{q.per}" if q.per else base
    period = fold(q.period) if q.period else None
    thing = " ".join(sorted(head_words(q.head)))
    return kind, q.number * scale, period, is_bound(q), q.poll, q.step * scale, thing


_POLL_SHARES = frozenset({"%", "pp", "point", "points"})


def candidate_pairs(
    table: SentenceTable, min_cosine: float = CANDIDATE_TFIDF, rows_per_block: int = 1024
) -> np.ndarray:
    """Index pairs (i < j) of sentences from different articles whose TF-IDF cosine passes.

    The product is taken a block of rows at a time and thresholded at once: in a big story
    most sentence pairs share some word, so the whole product is nearly dense (a 300-article
    story: 10,000 sentences, tens of millions of products) while the pairs kept are few. A
    block is multiplied by the rows from its own on only (the product is symmetric: the pairs
    before it were found by earlier blocks), each product summed as the whole product sums it.
    """
    n = table.tfidf.shape[0]
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    _, article = np.unique([s.article_id for s in table.sentences], return_inverse=True)
    matrix, owner = table.tfidf, np.arange(n)
    if table.pieces is not None and table.piece_of is not None:
        matrix, owner = table.pieces, table.piece_of  # a unit's sentences, one by one
    article = article[owner]
    columns = matrix.T.tocsc()  # its columns from a block's first row on: a cheap slice
    found = []
    for start in range(0, matrix.shape[0], rows_per_block):
        block = (matrix[start : start + rows_per_block] @ columns[:, start:]).tocsr()
        keep = block.data >= min_cosine
        rows = np.repeat(np.arange(block.shape[0]) + start, np.diff(block.indptr))[keep]
        cols = block.indices[keep] + start
        keep = (rows < cols) & (article[rows] != article[cols])
        first, second = owner[rows[keep]], owner[cols[keep]]  # a unit's rows, in order
        found.append(np.minimum(first, second).astype(np.int64) * n + np.maximum(first, second))
    keys = _union(*found)  # each pair once, in order
    return np.stack([keys // n, keys % n], axis=1)


# Sentences a newly read one is compared with (the most recently read, in whole articles): enough
# for the other articles of its story in any pile but a vast one, and a bounded cost per article.
PARTNER_WINDOW = 4096


class PartnerIndex:
    """Sentences that :func:`candidate_pairs` will likely compare, found as articles are read,
    so that only those are embedded ahead.

    A sentence has a partner once a sentence of another article shares enough weighted
    vocabulary with it: the TF-IDF cosine of :func:`candidate_pairs`, with the IDF of the
    sentences read so far (the story's is not known yet) and against the most recent
    :data:`PARTNER_WINDOW` sentences. It is a forecast, not the decision: facts are still
    formed from each story's own candidates, and whatever they need that was not forecast is
    embedded then.
    """

    def __init__(self, min_cosine: float = CANDIDATE_TFIDF, window: int = PARTNER_WINDOW) -> None:
        self.min_cosine = min_cosine
        self.window = window
        self._vocabulary: dict[str, int] = {}
        self._df: list[int] = []  # sentences read with each word
        self._read = 0
        # Per article, its sentences and their rows (columns, weights, row starts), L2-normalised
        # with the IDF of when they were read.
        self._blocks: deque[tuple[list[Sentence], np.ndarray, np.ndarray, np.ndarray]] = deque()
        self._in_window = 0
        self._partnered: set[tuple[str, int]] = set()

    def add(
        self,
        sentences: Sequence[Sentence],
        counted: Sequence[Sentence] = (),
        related: Callable[[str], bool] | None = None,
    ) -> list[Sentence]:
        """Read one article's sentences; those, of it or read before, that now have a partner
        (each sentence is returned once). ``counted`` sentences of the article (a copy's twins)
        only count in the IDF, as they do in the story's table, and are never partners. Given
        ``related`` (an article id -> whether that earlier article may be of this one's story),
        only sentences of related articles are partners: facts are formed story by story."""
        self._count(counted)
        if not sentences:
            return []
        columns, weights, starts = self._rows(sentences)
        found: list[Sentence] = []
        blocks = [b for b in self._blocks if related is None or related(b[0][0].article_id)]
        if blocks:
            ends = np.cumsum([len(b[0]) for b in blocks])  # a window row's article block
            new = csr_matrix(
                (weights, columns, starts), shape=(len(sentences), len(self._vocabulary))
            )
            old = csr_matrix(
                (
                    np.concatenate([b[2] for b in blocks]),
                    np.concatenate([b[1] for b in blocks]),
                    _row_starts(blocks),
                ),
                shape=(int(ends[-1]), len(self._vocabulary)),
            )
            sims = (new @ old.T).tocoo()
            keep = sims.data >= self.min_cosine
            for i, j in zip(sims.row[keep].tolist(), sims.col[keep].tolist(), strict=True):
                block = int(np.searchsorted(ends, j, side="right"))
                first = int(ends[block - 1]) if block else 0
                for sentence in (sentences[i], blocks[block][0][j - first]):
                    key = (sentence.article_id, sentence.index)
                    if key not in self._partnered:
                        self._partnered.add(key)
                        found.append(sentence)
        self._blocks.append((list(sentences), columns, weights, starts))
        self._in_window += len(sentences)
        while self._in_window - len(self._blocks[0][0]) >= self.window:
            self._in_window -= len(self._blocks.popleft()[0])
        return found

    def _count(self, sentences: Sequence[Sentence]) -> list[dict[int, int]]:
        """Count the sentences' words in (vocabulary and document frequencies); their tallies."""
        tallies = [term_counts(s.text, self._vocabulary) for s in sentences]
        self._df.extend([0] * (len(self._vocabulary) - len(self._df)))
        for tally in tallies:
            for column in tally:
                self._df[column] += 1
        self._read += len(sentences)
        return tallies

    def _rows(self, sentences: Sequence[Sentence]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR parts of the sentences' TF-IDF rows (as :func:`tfidf_matrix` weighs them), after
        counting them in."""
        tallies = self._count(sentences)
        idf = smoothed_idf(np.asarray(self._df, dtype=np.float64), self._read)
        columns, weights, starts = [], [], [0]
        for tally in tallies:
            cols = np.fromiter(tally, dtype=np.int64, count=len(tally))
            row = sublinear_tf(np.fromiter(tally.values(), np.float64, len(tally))) * idf[cols]
            norm = np.sqrt(row @ row)
            columns.append(cols)
            weights.append(row / norm if norm else row)
            starts.append(starts[-1] + len(cols))
        return (
            np.concatenate(columns) if columns else np.zeros(0, np.int64),
            np.concatenate(weights) if weights else np.zeros(0),
            np.asarray(starts, dtype=np.int64),
        )


def _row_starts(
    blocks: Sequence[tuple[list[Sentence], np.ndarray, np.ndarray, np.ndarray]],
) -> np.ndarray:
    """Row starts of the blocks' rows, end to end."""
    starts, offset = [np.zeros(1, dtype=np.int64)], 0
    for _, _, _, block_starts in blocks:
        starts.append(block_starts[1:] + offset)
        offset += int(block_starts[-1])
    return np.concatenate(starts)


def fact_sentences(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences long enough to be facts (and to be embedded): :data:`MIN_FACT_WORDS`."""
    return [s for s in sentences if word_count(s.text) >= MIN_FACT_WORDS]


def group_facts(
    articles: Sequence[Article],
    embedder: Embedder,
    copies: Sequence[Sequence[str]] = (),
    *,
    table: SentenceTable | None = None,
    events: Sequence[Sequence[str]] = (),
    dated: Sequence[bool] = (),
    cache: StageCache | None = None,
    story: str = "",
) -> list[Fact]:
    """Group the story's sentences into facts, most independently sourced first.

    Args:
        articles: annotated articles (``sentences`` filled) of one story.
        embedder: turns sentences into normalised vectors; only candidates are embedded.
        copies: groups of near-identical article ids; a group counts as one source, and so
            do the articles of one outlet (:func:`~corroborate.compare.syndication.
            independent_groups`).
        table: a prebuilt :class:`SentenceTable` (built here if not given).
        events: article ids grouped by the event they report (none given: one event).
        dated: per event, whether its day is known (none given: every event's is): the
            bonuses of one event (:data:`LEDE_BONUS`, :data:`MUTUAL_BEST_BONUS`) are given
            within an event of a known day only.
        cache: the work of earlier briefs, reused where it read the same (each group of
            sentences that could link is clustered once: :func:`_linked`; the close pairs of
            ``story``'s last brief are kept:
            :func:`corroborate.compare.close_pairs.close_pairs_kept`).
        story: the story's id (whose last brief's close pairs the cache keeps).

    Returns:
        Every fact, singletons included; ``Fact.sources`` lists every reporting article.
    """
    table = table or SentenceTable.build(articles)
    n = len(table.sentences)
    twin_of = _twins(table, articles, copies)
    pairs = candidate_pairs(table)
    is_twin = twin_of != np.arange(n)
    pairs = pairs[~(is_twin[pairs[:, 0]] | is_twin[pairs[:, 1]])]
    # The sentence embedder reads English and the languages written in Latin letters; a
    # sentence in another script (:func:`written_in_latin`) joins another article's only as
    # its copy (a twin). On SemEval's Chinese texts 6 of 11 such pairs it joined were two
    # different facts of one story; on its Arabic and Russian texts, briefed as one pile
    # (bench/pile_verdicts.py --language other), 7 of 12 Arabic and both Russian multi-outlet
    # facts were two things one person or body said or did, told in one frame ("the Lebanese
    # president said, receiving a delegation, ..."), against 3 right and 2 partly right. Its
    # close pairs still count as echoes, so it is not called one outlet's alone either.
    read = np.array([written_in_latin(s.text) for s in table.sentences], dtype=bool)
    joinable = pairs[read[pairs[:, 0]] & read[pairs[:, 1]]]
    labels = np.arange(n)
    echoes: dict[int, set[str]] = {}
    if len(pairs):
        involved = np.unique(pairs)
        vectors = np.asarray(embedder.encode([table.sentences[i].text for i in involved]))
        event_of = event_codes(events, dated)
        floor = min(ECHO, SAME_FACT - MAX_EVIDENCE_BONUS - _ROUNDING_ROOM)
        close = _close_kept(vectors, floor, cache, story)
        readable = read[involved]  # (no close pair of a sentence the embedder cannot read)
        keep = readable[close[0]] & readable[close[1]]
        joined = (close[0][keep], close[1][keep], close[2][keep])
        labels[involved] = _cluster(table, involved, vectors, joined, joinable, event_of, cache) + n
        echoed = close[2] / _STEP >= ECHO  # the cosines as close_pairs gives them
        for a, b in zip(close[0][echoed].tolist(), close[1][echoed].tolist(), strict=True):
            i, j = int(involved[a]), int(involved[b])
            echoes.setdefault(i, set()).add(table.sentences[j].article_id)
            echoes.setdefault(j, set()).add(table.sentences[i].article_id)
    labels = labels[twin_of]  # a copy's sentence goes where the sentence it repeats goes
    by_label: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(int(label), []).append(i)

    outlet_of = {a.id: a.outlet for a in articles}
    facts = []
    for members in (part for group in by_label.values() for part in _parted(table, group)):
        sentences = [table.sentences[i] for i in members]
        sources = sorted({s.article_id for s in sentences})
        groups = independent_groups(sources, copies, outlet_of)
        representative = _representative(table, members)
        echoed = {a for i in members for a in echoes.get(int(twin_of[i]), ())} - set(sources)
        names = [source_name(g, outlet_of) for g in groups]
        facts.append(Fact(representative, sentences, sources, len(groups), sorted(echoed), names))
    facts.sort(key=lambda f: (-f.outlets, -len(f.sources), f.sentence.article_id, f.sentence.start))
    return facts


def _parted(table: SentenceTable, members: list[int]) -> list[list[int]]:
    """The members of one fact parted where their figures disagree: the representative's
    fact holds the members whose figures do not clash with its own (:func:`_figure_evidence`:
    a figure of a kind both state, of no value of the other's), the rest are parted again.
    A sentence joins another by its words and its frame; two outlets that tell "an ounce of
    gold traded at $1,529" and "... at $1,553" do not both report the first figure, so neither
    is cited for the other's (their figures are set against each other under numbers).

    >>> table = SentenceTable(
    ...     [Sentence(a, 0, 0, 1, "x") for a in "abc"], csr_matrix((3, 1)),
    ...     figures=[[("USD", 1529.0, None, False, None, 1.0, "")],
    ...              [("USD", 1553.0, None, False, None, 1.0, "")],
    ...              [("USD", 1529.0, None, False, None, 1.0, "")]])
    >>> _parted(table, [0, 1, 2])
    [[0, 2], [1]]
    """
    if not table.figures or len(members) < 2:
        return [members]
    parts = []
    rest = list(members)
    while rest:
        first = _representative(table, rest)
        r = next(i for i in rest if table.sentences[i] is first)
        mine = table.figures[r]
        part = [
            i
            for i in rest
            if i == r
            or not (mine and table.figures[i] and _figure_evidence(mine, table.figures[i]) < 0)
        ]
        parts.append(part)
        taken = set(part)
        rest = [i for i in rest if i not in taken]
    return parts


def _twins(
    table: SentenceTable, articles: Sequence[Article], copies: Sequence[Sequence[str]]
) -> np.ndarray:
    """For each sentence of the table, the sentence it repeats (nearly word for word) in an
    earlier copy of its article (:func:`corroborate.compare.syndication.twin_sentences`), else itself.
    Such twins are not compared (nor embedded): they join the fact of what they repeat."""
    twin_of = np.arange(len(table.sentences))
    if not copies:
        return twin_of
    row = {(s.article_id, s.index): i for i, s in enumerate(table.sentences)}
    for key, twin in twin_sentences(articles, copies, MIN_FACT_WORDS).items():
        i, j = row.get(key), row.get((twin.article_id, twin.index))
        if i is not None and j is not None:
            twin_of[i] = j
    return twin_of


# Cosines of one pair computed in two ways (a block of a product, or alone) may round apart by
# one step: the pairs that could link are found with that much room.
_ROUNDING_ROOM = 2 * 10.0**-COSINE_DECIMALS


def _cluster(
    table: SentenceTable,
    involved: np.ndarray,
    vectors: np.ndarray,
    close: Steps,
    candidates: np.ndarray,
    event_of: dict[str, int] | None = None,
    cache: StageCache | None = None,
) -> np.ndarray:
    """Average-linkage clusters of the candidate sentences (``candidates``: the pairs, as
    rows of the table, that :func:`candidate_pairs` found among them; ``vectors``: their embeddings;
    ``close``: their pairs of cosine at least :data:`SAME_FACT` less a mutual best match's
    bonus), one group of sentences that could link at a time.

    Two sentences can be in one fact only if a chain of pairs, each close enough to link on
    its own, joins them: an average over pairs all farther apart than the cut is farther than
    the cut. So each connected group of :func:`_linkable` pairs is clustered alone, and the
    story's quadratic work shrinks to its groups' (a 300-article story: one 10,000-sentence
    matrix becomes many small ones); each group is given its own close pairs."""
    labels = np.zeros(len(involved), dtype=np.int64)
    graph = _linkable(table, involved, close, candidates)
    count, component = connected_components(graph, directed=False)
    order = np.argsort(component, kind="stable")
    groups = np.split(order, np.cumsum(np.bincount(component, minlength=count))[:-1])
    pairs_of = _pairs_by_group(close, component, count)
    local = np.zeros(len(involved), dtype=np.int64)
    offset = 0
    for members, (first, second, steps) in zip(groups, pairs_of, strict=True):
        if len(members) == 1:
            labels[members] = offset
            offset += 1
            continue
        local[members] = np.arange(len(members))  # members in order: so are their pairs
        pairs = (local[first], local[second], steps)
        found = _linked(table, involved[members], vectors[members], pairs, event_of, cache)
        labels[members] = found + offset
        offset += int(found.max()) + 1
    return labels


def _pairs_by_group(close: Steps, group: np.ndarray, count: int) -> list[Steps]:
    """The ``close`` pairs of each of ``count`` groups (``group``: each sentence's) whose two
    sentences are both of it, in order."""
    inside = group[close[0]] == group[close[1]]
    first, second, steps = close[0][inside], close[1][inside], close[2][inside]
    order = np.argsort(group[first], kind="stable")
    bounds = np.searchsorted(group[first][order], np.arange(count + 1))
    return [
        (first[part], second[part], steps[part])
        for part in (order[bounds[k] : bounds[k + 1]] for k in range(count))
    ]


def _linkable(
    table: SentenceTable, involved: np.ndarray, close: Steps, candidates: np.ndarray
) -> csr_matrix:
    """Pairs of sentences of two articles that could be one fact: nearly the same words (of
    the ``candidates``: no other pair shares that many), or embeddings close enough
    (``close``: every pair the largest bonus could lift) for the most this pair's evidence
    could add (:func:`_pair_bonus`) to reach :data:`MUTUAL_BEST_FROM` (all pairs a mutual
    best match's bonus is given to; so all that can link).

    A pair's evidence adds at most what either sentence's could add with any other
    (:func:`_most_bonus`), so only the close pairs that much could lift are weighed (a
    300-article story: some 50,000 of its 2.7 million close pairs)."""
    n = len(involved)
    reach = MUTUAL_BEST_FROM - _ROUNDING_ROOM
    cosine = close[2] / _STEP  # as close_pairs gives them
    near = cosine >= reach
    sets = _bonus_sets(table, involved)
    most = _most_bonus(sets)
    maybe = np.flatnonzero(
        ~near & (cosine + np.minimum(most[close[0]], most[close[1]]) >= reach - _ROUNDING_ROOM)
    )
    first, second = close[0][maybe], close[1][maybe]
    lifted = cosine[maybe] + _pair_bonus(sets, first, second) >= reach
    rows, cols = table.tfidf[candidates[:, 0]], table.tfidf[candidates[:, 1]]
    lexical = np.asarray(rows.multiply(cols).sum(axis=1)).ravel()
    # summed in another order than a product's: the rounding's room, to keep every such pair
    same_words = candidates[lexical >= SAME_FACT_LEXICAL - _ROUNDING_ROOM]
    pairs = np.concatenate(
        [
            np.stack([close[0][near], close[1][near]], axis=1).astype(np.int64),
            np.stack([first[lifted], second[lifted]], axis=1).astype(np.int64),
            np.searchsorted(involved, same_words).reshape(-1, 2),
        ]
    )
    articles = _article_codes(table, involved)
    pairs = pairs[articles[pairs[:, 0]] != articles[pairs[:, 1]]]
    return csr_matrix((np.ones(len(pairs), dtype=bool), (pairs[:, 0], pairs[:, 1])), shape=(n, n))


# What two sentences may share that :func:`_evidence_at` rewards, as sets per sentence: rare
# names, resolved days, kinds of figures, and being a lede.
_BonusSets = tuple[list[frozenset[str]], list[set[str]], list[set[str]], np.ndarray]


def _bonus_sets(table: SentenceTable, involved: np.ndarray) -> _BonusSets:
    """Per involved sentence, what it may share that a bonus rewards (:data:`_BonusSets`)."""
    nothing: list[set[str]] = [set() for _ in involved]
    rare = _rare_names(table, involved) if table.names else [frozenset()] * len(involved)
    days = (
        [{d for d in table.days[i] if not d.isalpha()} for i in involved] if table.days else nothing
    )
    kinds = [{f[0] for f in table.figures[i]} for i in involved] if table.figures else nothing
    ledes = np.array([table.sentences[i].index == 0 for i in involved], dtype=bool)
    return rare, days, kinds, ledes


def _most_bonus(sets: _BonusSets) -> np.ndarray:
    """Per sentence, the most :func:`_pair_bonus` gives it with any other: every bonus its
    own sets allow, summed as :func:`_pair_bonus` sums them (sums of fewer or smaller
    bonuses are never more: rounding keeps order)."""
    rare, days, kinds, ledes = sets
    return _bonus_sum(
        np.array([min(len(r), 2) for r in rare], dtype=np.float64),
        np.array([bool(d) for d in days], dtype=bool),
        np.array([bool(k) for k in kinds], dtype=bool),
        ledes,
    )


def _pair_bonus(sets: _BonusSets, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """At most what :func:`_evidence_at` and two ledes add to each pair's cosine: rare names
    they share (two at most), a resolved day they share, the largest figure bonus where they
    state figures of a kind, and the ledes' bonus."""
    rare, days, kinds, ledes = sets
    return _bonus_sum(
        np.minimum(_pair_counts(rare, first, second), 2),
        _pair_counts(days, first, second) > 0,
        _pair_counts(kinds, first, second) > 0,
        ledes[first] & ledes[second],
    )


def _bonus_sum(
    names: np.ndarray, day: np.ndarray, figures: np.ndarray, ledes: np.ndarray
) -> np.ndarray:
    """The bonuses of rare names shared (how many, two at most), a day, figures of a kind
    and two ledes, summed in that order."""
    total = SHARED_RARE_NAME_BONUS * names.astype(np.float64)
    total = total + np.where(day, SHARED_DAY_BONUS, 0.0)
    total = total + np.where(figures, 2 * SHARED_FIGURE_BONUS, 0.0)
    return total + np.where(ledes, LEDE_BONUS, 0.0)


def _pair_counts(
    sets: Sequence[Iterable[str]], first: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """How many members ``sets[first[k]]`` and ``sets[second[k]]`` share, for each ``k``
    (the rows of the set-by-member incidence matrix multiplied pair by pair: no matrix of
    every pair is made)."""
    if not len(first):
        return np.zeros(0, dtype=np.float64)
    incidence = membership(sets, np.float64)
    return np.asarray(incidence[first].multiply(incidence[second]).sum(axis=1)).ravel()


def _rare_names(table: SentenceTable, involved: np.ndarray) -> list[frozenset[str]]:
    """The names of each involved sentence that few of the story's sentences carry
    (:data:`RARE_NAME_SHARE`): the story's main names are everywhere and prove nothing."""
    rare = table.rare_names
    return [rare[i] for i in involved.tolist()]


def _linked(
    table: SentenceTable,
    involved: np.ndarray,
    vectors: np.ndarray,
    close: Steps,
    event_of: dict[str, int] | None,
    cache: StageCache | None,
) -> np.ndarray:
    """:func:`_link` of a group of sentences with their embeddings ``vectors`` and their
    ``close`` pairs, kept in ``cache`` under everything it reads of the group
    (:func:`_link_inputs`; the close pairs are the vectors'): a group a new article does not
    touch is not clustered again."""
    same_words = _same_words(table, involved)
    if cache is None:
        return _link(table, involved, vectors, close, event_of, same_words)
    return cached(
        cache,
        "facts.link",
        _link_inputs(table, involved, vectors, event_of, same_words),
        lambda: _link(table, involved, vectors, close, event_of, same_words),
    )


def _same_words(
    table: SentenceTable, involved: np.ndarray, rows_per_block: int = 1024
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (first < second, in order) of the sentences that say nearly the same words
    (:data:`SAME_FACT_LEXICAL`). The products are taken a block of rows at a time, each with
    the rows from its own on (as :func:`candidate_pairs`: a big group's products are nearly
    all its pairs), each summed as the whole product sums it."""
    n = len(involved)
    rows = table.tfidf[involved]
    columns = rows.T.tocsc()  # its columns from a block's first row on: a cheap slice
    found = [np.zeros(0, dtype=np.int64)]
    for start in range(0, n, rows_per_block):
        # the pairs sharing no word are 0: not the same words
        block = (rows[start : start + rows_per_block] @ columns[:, start:]).tocsr()
        first = np.repeat(np.arange(block.shape[0]) + start, np.diff(block.indptr))
        second = block.indices + start
        keep = (block.data >= SAME_FACT_LEXICAL) & (first < second)
        found.append(first[keep].astype(np.int64) * n + second[keep])
    keys = _union(*found)
    return keys // n, keys % n


def _link_inputs(
    table: SentenceTable,
    involved: np.ndarray,
    vectors: np.ndarray,
    event_of: dict[str, int] | None,
    same_words: tuple[np.ndarray, np.ndarray],
) -> tuple[object, ...]:
    """What :func:`_link` reads of a group of sentences (``involved``), as plain values: each
    sentence's article, place, text and evidence (rare names, days, figures, the day it tells
    as news, its article's date, whether it reverses), which sentences share an event, which
    share a speaker or a quote (:func:`_said_pattern`), the pairs of nearly the same words,
    and the embeddings (the cosines are theirs: :func:`corroborate.compare.close_pairs.
    pair_steps`)."""
    ids = [table.sentences[i].article_id for i in involved]
    events = [(event_of or {}).get(a, -1) for a in ids]
    # only sameness and whether an event's day is known are read
    rank = {e: (k, e >= 0, e == -1) for k, e in enumerate(dict.fromkeys(events))}
    rare = _rare_names(table, involved) if table.names else [frozenset()] * len(involved)
    rows = [
        (
            table.sentences[i].article_id,
            table.sentences[i].index,
            table.sentences[i].text,
            sorted(rare[k]),
            sorted(table.days[i]) if table.days else None,
            table.figures[i] if table.figures else None,
            table.news_days[i] if table.news_days else None,
            table.news_months[i] if table.news_months else None,
            table.ahead_days[i] if table.ahead_days else None,
            table.published[i] if table.published else None,
            table.reverses[i] if table.reverses else None,
            sorted(table.places[i]) if table.places else None,
            table.supposes[i] if table.supposes else None,
            table.forecasts[i] if table.forecasts else None,
            table.habitual[i] if table.habitual else None,
            table.to_reader[i] if table.to_reader else None,
            table.headline[i] if table.headline else None,
            sorted(table.listed[i]) if table.listed else None,
            sorted(table.speaker_words[i]) if table.speaker_words else None,
        )
        for k, i in enumerate(involved.tolist())
    ]
    evidence = bool(table.names)
    said = _said_pattern(table, involved) if table.said else None
    same = np.concatenate(same_words).astype(np.int64).tobytes()
    return rows, [rank[e] for e in events], evidence, said, same, vectors.tobytes()


def _said_pattern(
    table: SentenceTable, involved: np.ndarray
) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """Which of the involved sentences hold direct quotes of one speaker, and which hold
    versions of one quote (``table.said``): per speaker, then per quote, the places in the
    group of the sentences holding it, sorted. That is all :func:`_link` reads of them
    (which sentences share a speaker or a quote, :func:`said_by_others`; which hold any,
    :func:`quoted_alone`), whatever the story's ids: a new article renumbers the story's
    entities and quotes (they are numbered by how many articles name them), and a re-brief
    of a 300-article story linked 69 of its 190 groups again for that alone."""
    speakers: dict[str, list[int]] = {}
    quotes: dict[str, list[int]] = {}
    for k, i in enumerate(involved.tolist()):
        who, which = table.said[i]
        for x in who:
            speakers.setdefault(x, []).append(k)
        for x in which:
            quotes.setdefault(x, []).append(k)
    return sorted(map(tuple, speakers.values())), sorted(map(tuple, quotes.values()))


def _link(
    table: SentenceTable,
    involved: np.ndarray,
    vectors: np.ndarray,
    close: Steps,
    event_of: dict[str, int] | None = None,
    same_words: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Average-linkage clusters (labels from 0) of one group of sentences that could link;
    same-article pairs never link. ``close``: the group's pairs (first < second, in order)
    whose cosine reaches the least that evidence and bonuses could lift to a fact;
    ``same_words``: :func:`_same_words` of the group, if already known.

    Only those pairs, and the pairs of nearly the same words, are weighed: any other pair
    stays farther apart than the cut whatever it shares (no evidence is given below
    :data:`SAME_FACT` less the largest bonus, and a mutual best match's bonus only counts
    near the line). Their cosines are needed only inside the parts that pairs within the
    cut chain together (:func:`_average_parts`), where every distance is averaged; a big
    group's whole matrix (a 300-article story: 3,369 sentences, 5.7 million pairs, of which
    some 900,000 close) is never made."""
    n = len(involved)
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    if same_words is None:
        same_words = _same_words(table, involved)
    close_keys = close[0].astype(np.int64) * n + close[1]
    same_keys = same_words[0].astype(np.int64) * n + same_words[1]
    keys, known = _joined_keys(close_keys, same_keys)
    first, second = keys // n, keys % n
    steps = np.zeros(len(keys), dtype=np.int64)
    steps[known] = close[2]
    steps[~known] = pair_steps(vectors, first[~known], second[~known])
    similarity = _as_cosines(steps)
    worded = similarity < SAME_FACT  # the pairs whose words alone are not one fact's
    if table.names:
        weighed = np.flatnonzero(similarity >= SAME_FACT - MAX_EVIDENCE_BONUS)
        similarity[weighed] += _evidence_at(table, involved, first[weighed], second[weighed])
    same = np.zeros(len(keys), dtype=bool)
    same[np.searchsorted(keys, same_keys)] = True
    same[_figures_clash(table, involved, first, second, np.flatnonzero(same))] = False
    np.maximum(similarity, same, out=similarity)  # nearly the same words: 1.0
    articles = _article_codes(table, involved)
    event_of = event_of or {}
    event = np.array([event_of.get(table.sentences[i].article_id, -1) for i in involved])
    ledes = np.array([table.sentences[i].index == 0 for i in involved])
    # Bonuses only for two ledes of one event and for mutual best matches (a sentence's best
    # match among an article's is always in its group, see _linkable). A mutual best match's
    # bonus counts only near the line, and whether a pair is one is read of the pairs at
    # least as close (a closer one, or an equal one before it, is best instead): of these.
    known, guessed = event != -1, event < -1  # of a given event; of one of no known day
    if guessed.any():  # else no pair is penalised: nothing to take
        of_first, of_second = event[first], event[second]
        similarity -= OTHER_EVENT_PENALTY * (
            (of_first != -1)
            & (of_second != -1)
            & (of_first != of_second)
            & ((of_first < -1) | (of_second < -1))
        )
    published = _published_days(table, involved)
    similarity -= WEEKS_APART_PENALTY * _weeks_apart(published, first, second)
    mutual = np.zeros(len(keys), dtype=bool)
    near_line = np.flatnonzero(similarity >= MUTUAL_BEST_FROM - LEDE_BONUS - _ROUNDING_ROOM)
    mutual[near_line] = mutual_best(
        first[near_line], second[near_line], similarity[near_line], articles
    )
    at = np.flatnonzero(mutual | (ledes[first] & ledes[second]))
    same_event = (event[first[at]] == event[second[at]]) & (event[first[at]] >= -1)
    lede_bonus = same_event * LEDE_BONUS * (ledes[first[at]] & ledes[second[at]])
    near = similarity[at]
    # a mutual best match counts only between sentences near the line (MUTUAL_BEST_FROM)
    tips = near + lede_bonus >= MUTUAL_BEST_FROM
    similarity[at] = near + (lede_bonus + same_event * tips * MUTUAL_BEST_BONUS * mutual[at])
    apart = (
        told_of_other_days(table, involved)
        | said_by_others(table, involved)
        | other_line_ups(table, involved)
    )
    quoted = quoted_alone(table, involved)
    distance = _distances(
        similarity,
        (articles[first] == articles[second])
        | apart[first, second]
        | (quoted[first, second] & worded),
    )

    def far(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The distances of pairs of no weight: cosines alone, and two ledes' bonus."""
        cosine = _as_cosines(pair_steps(vectors, a, b))
        both = ledes[a] & ledes[b]
        one = (event[a[both]] == event[b[both]]) & (event[a[both]] >= -1)
        cosine[both] = cosine[both] + one * LEDE_BONUS
        cosine -= OTHER_EVENT_PENALTY * (
            known[a] & known[b] & (event[a] != event[b]) & (guessed[a] | guessed[b])
        )
        cosine -= WEEKS_APART_PENALTY * _weeks_apart(published, a, b)
        return _distances(cosine, (articles[a] == articles[b]) | apart[a, b] | quoted[a, b])

    return _average_parts(n, first, second, distance, far, 1.0 - SAME_FACT)


def _figures_clash(
    table: SentenceTable,
    involved: np.ndarray,
    first: np.ndarray,
    second: np.ndarray,
    at: np.ndarray,
) -> np.ndarray:
    """Of the pairs ``at`` (of nearly the same words), those whose figures clash (two values
    of one kind, or two polls' results): one template told with two figures ("the margin of
    error is plus or minus 3.4 points" / "... 5.7 points") is two facts, weighed by their
    cosine and evidence like any pair, not taken as one sentence."""
    if not table.figures or not len(at):
        return at[:0]
    figures = [table.figures[i] for i in involved]
    stating = np.array([bool(f) for f in figures])
    both = at[stating[first[at]] & stating[second[at]]]
    if not len(both):
        return both
    return both[_figure_evidence_of_pairs(figures, first[both], second[both]) < 0]


def _published_days(table: SentenceTable, involved: np.ndarray) -> np.ndarray:
    """Per involved sentence, its article's day as an ordinal (NaN when unknown)."""
    if not table.published:
        return np.full(len(involved), np.nan)
    return np.array(
        [d.toordinal() if (d := _as_day(table.published[i])) else np.nan for i in involved]
    )


def _weeks_apart(published: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether each pair's articles appeared more than :data:`WEEKS_APART_DAYS` apart (an
    article of no known day is near any)."""
    with np.errstate(invalid="ignore"):
        return np.abs(published[a] - published[b]) > WEEKS_APART_DAYS


def event_codes(events: Sequence[Sequence[str]], dated: Sequence[bool] = ()) -> dict[str, int]:
    """Article id -> its event as a number: the event's index when its day is known (or
    ``dated`` is not given), else -2 less it (below -1, the code of an article of no given
    event). :func:`_link` reads only sameness and the sign.

    >>> event_codes([["a", "b"], ["c"]], [True, False])
    {'a': 0, 'b': 0, 'c': -3}
    """
    return {
        a: k if not dated or dated[k] else -2 - k for k, group in enumerate(events) for a in group
    }


def _union(*keys: np.ndarray) -> np.ndarray:
    """The distinct integers of ``keys``, sorted (as :func:`numpy.union1d`, which hashes:
    several times slower on a big group's million pairs)."""
    joined = np.sort(np.concatenate(keys))
    return joined[np.concatenate([[True], joined[1:] != joined[:-1]])] if len(joined) else joined


def _joined_keys(kept: np.ndarray, more: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_union` of two sorted arrays of distinct integers, and which of its keys are
    ``kept``'s: ``more``'s keys not in ``kept`` put in their places (a big group's million
    close pairs are not sorted again, nor looked for one by one, for a few more)."""
    at = np.searchsorted(kept, more)
    if len(kept):
        fresh = kept[np.minimum(at, len(kept) - 1)] != more
        more, at = more[fresh], at[fresh]
    place = at + np.arange(len(more))  # more's keys are in order: each after those before
    of_kept = np.ones(len(kept) + len(more), dtype=bool)
    of_kept[place] = False
    keys = np.empty(len(of_kept), dtype=np.int64)
    keys[of_kept] = kept
    keys[place] = more
    return keys, of_kept


def _as_cosines(steps: np.ndarray) -> np.ndarray:
    """Cosines in steps of 10 ** -:data:`COSINE_DECIMALS` (:func:`corroborate.compare.
    close_pairs.pair_steps`) as the float32 similarities they start as."""
    return (steps / _STEP).astype(np.float32)


def _distances(similarity: np.ndarray, apart: np.ndarray) -> np.ndarray:
    """Distances (float32) of pairs of these similarities: at most 2, and 2 for pairs that
    cannot be one fact (``apart``)."""
    distance = np.subtract(np.float32(1.0), similarity, out=similarity)
    np.clip(distance, 0.0, 2.0, out=distance)
    distance[apart] = 2.0
    return distance


def _average_parts(
    n: int,
    first: np.ndarray,
    second: np.ndarray,
    distance: np.ndarray,
    far: Callable[[np.ndarray, np.ndarray], np.ndarray],
    cut: float,
) -> np.ndarray:
    """Average-linkage clusters (labels from 0) of ``n`` points, cut at ``cut``, given the
    distances of some pairs (``first`` < ``second``, in order) and ``far`` the others', each
    group of points that pairs within the cut chain together clustered alone.

    Two clusters merge at their average distance, so below the cut only clusters with some
    pair of points within it merge: every cluster lies in one such part, and a part's merges
    read only its own distances (the parts of a big group of sentences are small)."""
    within = distance <= cut
    graph = csr_matrix(
        (np.ones(int(within.sum()), dtype=bool), (first[within], second[within])), shape=(n, n)
    )
    count, part = connected_components(graph, directed=False)
    labels = np.zeros(n, dtype=np.int64)
    order = np.argsort(part, kind="stable")
    parts = np.split(order, np.cumsum(np.bincount(part, minlength=count))[:-1])
    # the given pairs inside each part, by part (in order within it)
    inside = np.flatnonzero(part[first] == part[second])
    inside = inside[np.argsort(part[first[inside]], kind="stable")]
    bounds = np.searchsorted(part[first[inside]], np.arange(count + 1))
    local = np.zeros(n, dtype=np.int64)
    offset = 0
    for k, members in enumerate(parts):
        if len(members) > 1:
            m = len(members)
            local[members] = np.arange(m)  # members in order: a pair's first is its first
            given = inside[bounds[k] : bounds[k + 1]]
            a, b = local[first[given]], local[second[given]]
            at = m * a - a * (a + 1) // 2 + (b - a - 1)  # their places in the condensed matrix
            condensed = np.empty(m * (m - 1) // 2, dtype=np.float32)
            asked = np.ones(len(condensed), dtype=bool)
            asked[at] = False
            condensed[at] = distance[given]
            x, y = np.triu_indices(m, k=1)
            condensed[asked] = far(members[x[asked]], members[y[asked]])
            tree = linkage(condensed, method="average")
            found = np.asarray(fcluster(tree, t=cut, criterion="distance"), dtype=np.int64) - 1
        else:
            found = np.zeros(1, dtype=np.int64)
        labels[members] = found + offset
        offset += int(found.max()) + 1
    return labels


def said_by_others(table: SentenceTable, involved: np.ndarray) -> np.ndarray:
    """Pairs of sentences that quote different people saying different things: each holds a
    direct quote given to a known speaker, no speaker of one is a speaker of the other, and
    no quote of one is a version of a quote of the other (:func:`corroborate.compare.
    quote_alignment.align_quotes` lines up one quote's versions, whoever each outlet gives it
    to). Who said it is part of what is told: two officials' words on one subject, however
    alike, are two facts, and neither outlet may be cited for the other's."""
    n = len(involved)
    blocked = np.zeros((n, n), dtype=bool)
    if not table.said:
        return blocked
    said = [table.said[i] for i in involved]
    quoting = np.array([k for k in range(n) if said[k][0]], dtype=np.int64)
    if len(quoting) < 2:
        return blocked
    # pairs sharing a speaker or a quote, counted for all quoting pairs at once (products of
    # sentence-by-member incidence matrices); a sentence shares its speakers with itself
    shared = shared_members([sorted(said[k][0]) for k in quoting]) + shared_members(
        [sorted(said[k][1]) for k in quoting]
    )
    apart = shared.toarray() == 0
    blocked[np.ix_(quoting, quoting)] = apart
    return blocked


def quoted_alone(table: SentenceTable, involved: np.ndarray) -> np.ndarray:
    """Pairs of a sentence holding a known speaker's direct quote and a sentence holding no
    direct quote that names that speaker nowhere (no word of the name): the second tells
    neither the words nor who said them, so only its own words can make it a report of that
    statement. :func:`_link` keeps such a pair apart unless their cosine alone reaches
    :data:`SAME_FACT`: the names, days or figures both carry, and being each other's best
    match, say they are of one subject (the speaker's statement on a finding, and experts'
    view of that finding), not that one reports the other; a paraphrase of the statement
    ("the department said it received the call at 4.23 a.m.") is close in its own words."""
    n = len(involved)
    blocked = np.zeros((n, n), dtype=bool)
    if not table.said or not table.speaker_words:
        return blocked
    said = [table.said[i] for i in involved]
    words = [table.speaker_words[i] for i in involved]
    quoting = [k for k in range(n) if said[k][0] and words[k]]
    silent = [k for k in range(n) if not said[k][1]]
    if not quoting or not silent:
        return blocked
    # the speakers' words each silent sentence holds, and the pairs sharing none (a product
    # of incidence matrices over one vocabulary: no loop over every pair of a big group)
    spoken = frozenset().union(*(words[k] for k in quoting))
    told = [
        spoken & set(re.findall(r"\w+", fold(table.sentences[involved[k]].text))) for k in silent
    ]
    incidence = membership([words[k] for k in quoting] + told, np.float32)
    shared = (incidence[: len(quoting)] @ incidence[len(quoting) :].T).toarray()
    apart = shared == 0
    blocked[np.ix_(quoting, silent)] |= apart
    blocked[np.ix_(silent, quoting)] |= apart.T
    return blocked


# A sentence naming this many people one after the other lists them (a debate's line-up, a
# field of candidates, who meets whom: "Both Trump and Ryan are meeting up next week").
# Measured on the PolNeAR pile (bench/pile_verdicts.py --polnear): three (as first set) to two
# kept apart one more fact judged doubtful, "Trump and Ryan are meeting next week" cited with
# "Trump, Ryan and Priebus will also hold a separate meeting"; no other fact changed.
LISTED_PEOPLE = 2


def other_line_ups(table: SentenceTable, involved: np.ndarray) -> np.ndarray:
    """Pairs of sentences that list different people: each lists at least
    :data:`LISTED_PEOPLE` people (:func:`_people_listed`), and not the same ("Bush, Kasich,
    Carson, Christie and Paul" at one debate / "Bush, Christie, Kasich and Rubio" advising
    against an outcome). The names two lists share say they are of one field of candidates,
    not that they tell one thing; even one list the other's part ("rivals such as Christie,
    Kasich and Bush" / "four candidates, Bush, Christie, Kasich and Rubio") is as often
    another thing told of some of them as one line-up told short; and who meets is what a
    meeting's sentence tells ("Both Trump and Ryan are meeting up" / "Trump, Ryan and Priebus
    will hold a separate meeting"). Sentences of no list (one name, or names parted by more
    than a title: "Okafor told Marsh that Brennan would run") are not read here."""
    n = len(involved)
    blocked = np.zeros((n, n), dtype=bool)
    if not table.listed:
        return blocked
    people = [table.listed[i] for i in involved.tolist()]
    listing = [k for k in range(n) if people[k]]
    for x, a in enumerate(listing):
        for b in listing[x + 1 :]:
            if people[a] != people[b]:
                blocked[a, b] = blocked[b, a] = True
    return blocked


# Days this far apart are two days, not one told from two time zones or an overnight session.
DAY_TOLERANCE = 1


def told_of_other_days(table: SentenceTable, involved: np.ndarray) -> np.ndarray:
    """Pairs of sentences that cannot report one happening, whatever their words share (a
    citation must hold):

    * they name days, and none of one's is a day of the other's ("met on Tuesday" / "met on
      Thursday");
    * one tells a day's news ("efforts continued Friday to save the crew") and the other
      names no such day in an article that appeared after it ("... they were declared dead"):
      a later dispatch told of a later state of things, or of another day; or in an article
      that appeared before it ("is 71 delegates short of the 2,383 needed", three days
      before "reached the 2,383 needed on Monday evening"): an earlier state of things;
    * one reverses or ends what it tells and the other does not ("has threatened a strike on
      March 31" / "called off the strike it had planned for March 31");
    * one supposes what it tells and the other does not ("suppose he wins 1,237 delegates" /
      "a candidate needs 1,237 delegates"): a supposition reports nothing, whatever figure
      or words it shares with a report (two outlets' one supposition are still one fact);
    * one forecasts what it tells and the other does not (:data:`_FORECAST`: "the audit
      will almost certainly push the mayor out" / "the mayor says she will stay on"):
      what someone expects is not cited for what a source reports, nor the reverse (two
      outlets' one forecast are still one fact);
    * one tells a month's news, named as a month ("campaigned in the state in May") and the
      other, of an article that appeared after that month, names neither it nor a day of it
      ("campaigned in West Hollywood", June 6): a later happening told alike;
    * one is a headline's line and the other a sentence (:func:`is_headline`: a link to
      another article, "The Paris Agreement Is One Huge Step For Mankind", beside a report of
      the agreement): a headline is cited with a headline only;
    * one speaks to the reader and the other does not (:func:`addresses_reader`: "you don't
      win the nomination by how many states you win" / "Rubio has not won a single
      contest"): commentary reports no happening;
    * one tells a day's news ("called the system rigged in a tweet Tuesday") and the other a
      habit, many happenings, naming no day ("has repeatedly called it rigged"; an adverb
      of frequency, en.HABIT_PATTERNS): one happening is not cited for a run of them;
    * one speaks of a day as ahead ("the board will vote on Saturday", "is expected to
      win Saturday's caucuses") and the other is of an article that appeared after that day
      had passed, or tells that day's news (or a later day's) as done ("the board voted
      Saturday", in a Saturday dispatch; or a later state of things): a plan or a forecast,
      and what came of it, are two things told, and neither outlet may be cited for the
      other's (two outlets' one plan, both told before its day, are one fact).
    """
    n = len(involved)
    days = [_as_days(table.days[i]) if table.days else set() for i in involved]
    news = [_as_day(table.news_days[i]) if table.news_days else None for i in involved]
    published = _published_days(table, involved)
    blocked = np.zeros((n, n), dtype=bool)
    dated = [k for k in range(n) if days[k]]
    # asked once per two distinct sets of days (many sentences name the same days): the
    # answer is the same both ways, and never for a set and itself
    kinds: dict[frozenset[date | str], int] = {}
    kind = np.array([kinds.setdefault(frozenset(days[k]), len(kinds)) for k in dated], dtype=int)
    distinct = [set(x) for x in kinds]
    apart = np.zeros((len(distinct), len(distinct)), dtype=bool)
    for a in range(len(distinct)):
        for b in range(a + 1, len(distinct)):
            apart[a, b] = apart[b, a] = _other_days(distinct[a], distinct[b])
    if dated:
        blocked[np.ix_(dated, dated)] = apart[np.ix_(kind, kind)]
    if table.reverses:
        reverses = np.array([table.reverses[i] for i in involved])
        blocked |= reverses[:, None] != reverses[None, :]
    if table.supposes:
        supposes = np.array([table.supposes[i] for i in involved])
        blocked |= supposes[:, None] != supposes[None, :]
    if table.forecasts:
        forecasts = np.array([table.forecasts[i] for i in involved])
        blocked |= forecasts[:, None] != forecasts[None, :]
    if table.to_reader:
        to_reader = np.array([table.to_reader[i] for i in involved])
        blocked |= to_reader[:, None] != to_reader[None, :]
    if table.headline:
        headline = np.array([table.headline[i] for i in involved])
        blocked |= headline[:, None] != headline[None, :]
    # the blocks so far go both ways; a day's news is blocked from the later dispatches both
    # ways, its row and its column (not by transposing the whole matrix: a big group's
    # 3,369 sentences, 60 ms)
    habitual = np.array(
        [bool(table.habitual[i]) and not days[k] for k, i in enumerate(involved.tolist())]
        if table.habitual
        else np.zeros(n, dtype=bool)
    )
    for a in (k for k in range(n) if news[k] is not None):
        day = news[a]
        assert day is not None
        with np.errstate(invalid="ignore"):
            # NaN: undated, neither later nor earlier
            later = published - day.toordinal() > DAY_TOLERANCE
            # an article that appeared before that day cannot tell its news
            later |= day.toordinal() - published > DAY_TOLERANCE
        for b in dated:  # a day both name: not another day's news
            later[b] = later[b] and not any(_near(d, days[b]) for d in days[a] | {day})
        later |= habitual
        later[a] = False
        blocked[a] |= later
        blocked[:, a] |= later
    months = [_as_day(table.news_months[i]) if table.news_months else None for i in involved]
    for a in (k for k in range(n) if months[k] is not None):
        first = months[a]
        assert first is not None
        last = date(first.year + first.month // 12, first.month % 12 + 1, 1).toordinal() - 1
        with np.errstate(invalid="ignore"):
            later = published - last > DAY_TOLERANCE  # NaN: undated, not later
        named = re.compile(rf"\b{en.MONTHS[first.month - 1].capitalize()}\b")
        for b in np.flatnonzero(later).tolist():
            # that month, or a day of it, named ("a September letter" too): perhaps its news
            later[b] = not (
                months[b] == first
                or any(
                    isinstance(d, date) and (d.year, d.month) == (first.year, first.month)
                    for d in days[b]
                )
                or named.search(table.sentences[involved[b]].text)
            )
        later[a] = False
        blocked[a] |= later
        blocked[:, a] |= later
    ahead = [_as_day(table.ahead_days[i]) if table.ahead_days else None for i in involved]
    # the day each sentence tells as done, as an ordinal (NaN: none): a day's news, not of
    # a sentence that speaks of later that day ("meets tonight": still ahead when told)
    news_on = np.array(
        [
            np.nan
            if d is None or _LATER_TODAY.search(table.sentences[i].text)
            else float(d.toordinal())
            for d, i in zip(news, involved.tolist(), strict=True)
        ]
    )
    for a in (k for k in range(n) if ahead[k] is not None):
        day = ahead[a]
        assert day is not None
        with np.errstate(invalid="ignore"):
            # a day after the plan's day at least: written once it had passed (a day's
            # news may be told a day late, a plan is not told after its day); or telling
            # that day's news, or a later day's, as done ("after a meeting Thursday"): what
            # came of the plan
            passed = (published - day.toordinal() > 0) | (news_on >= day.toordinal())
        passed[a] = False
        blocked[a] |= passed
        blocked[:, a] |= passed
    return blocked


_LATER_TODAY = _any_of(en.LATER_TODAY)
_WEEKDAY_NAME = re.compile(r"\b(" + "|".join(en.WEEKDAYS) + r")\b", re.IGNORECASE)


def _weekday_named(text: str) -> str | None:
    m = _WEEKDAY_NAME.search(text)
    return m.group(1).lower() if m else None


def _as_day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _as_days(values: set[str]) -> set[date | str]:
    """Days as dates; a weekday's name (an undated article's) stays a name."""
    return {v if v.isalpha() else date.fromisoformat(v) for v in values}


def _near(day: date | str, days: set[date | str]) -> bool:
    if isinstance(day, str):
        return day in days
    return any(
        isinstance(other, date) and abs((day - other).days) <= DAY_TOLERANCE for other in days
    )


def _other_days(a: set[date | str], b: set[date | str]) -> bool:
    """Both sentences name days of one kind (dates, or weekdays' names), and no day of one is
    (near) a day of the other."""
    for kind in (date, str):
        mine = {d for d in a if isinstance(d, kind)}
        theirs = {d for d in b if isinstance(d, kind)}
        if mine and theirs:
            return not any(_near(d, theirs) for d in mine)
    return False


def _evidence_at(
    table: SentenceTable, involved: np.ndarray, first: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """Adjustments to the cosine of the pairs (``first[k]``, ``second[k]``) of the involved
    sentences (float32): shared figures and rare names, figure and place clashes. Only the
    pairs that the largest bonus could lift to a fact are given (:func:`_link`): a big
    group's are a few of all its pairs.

    Shared names and days are counted for all pairs at once (products of sentence-by-name
    incidence matrices); figures, which few sentences state, are compared pair by pair only
    where both sentences state some."""
    values = np.zeros(len(first), dtype=np.float32)
    if not table.names or not len(first):
        return values
    rare = _rare_names(table, involved)
    days = [table.days[i] for i in involved] if table.days else [set()] * len(involved)
    # a day resolved in both is evidence; a weekday's name alone (undated articles) only
    # tells two days apart
    resolved_days = [{d for d in x if not d.isalpha()} for x in days]
    names = _shared_at(rare, first, second)
    days_shared = _shared_at(resolved_days, first, second)
    at = (names != 0) | (days_shared != 0)
    bonus = np.zeros(int(np.count_nonzero(at)), dtype=np.float32)
    bonus += SHARED_RARE_NAME_BONUS * np.minimum(names[at], 2)
    bonus += SHARED_DAY_BONUS * (days_shared[at] > 0)
    values[at] = bonus
    figures = [table.figures[i] for i in involved]
    stating = np.array([bool(f) for f in figures])
    both = stating[first] & stating[second]
    # each added as the float32 it is added as alone; two unnamed polls' shares may be one
    # poll's only within a week (:func:`_of_one_poll`)
    near = ~_weeks_apart(_published_days(table, involved), first[both], second[both])
    evidence = _figure_evidence_of_pairs(figures, first[both], second[both], near)
    # figures read as written (:func:`digit_figures`) only ever tell two facts apart
    written = np.array([bool(f) and f[0][0] == DIGITS for f in figures], dtype=bool)
    evidence = np.where(written[first[both]], np.minimum(evidence, 0.0), evidence)
    values[both] += evidence.astype(np.float32)
    if table.places:
        apart = _places_apart_at(table, involved, first, second)
        values -= PLACE_CLASH_PENALTY * apart
    return values


def _shared_at(
    sets: Sequence[Collection[str]], first: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """How many members ``sets[first[k]]`` and ``sets[second[k]]`` share (float32, as
    :func:`corroborate.text.shared_members` counts them), for each ``k``: looked up only for
    the pairs of two sets holding some (few sentences name days or places)."""
    out = np.zeros(len(first), dtype=np.float32)
    holding = np.array([bool(s) for s in sets], dtype=bool)
    both = np.flatnonzero(holding[first] & holding[second])
    if len(both):
        out[both] = _values_at(shared_members(sets), first[both], second[both])
    return out


def _values_at(matrix: csr_matrix, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The entries (``first[k]``, ``second[k]``) of a sparse square matrix (0 where none)."""
    matrix = csr_matrix(matrix)
    if not len(first):
        return np.zeros(0, dtype=matrix.dtype)
    matrix.sum_duplicates()  # sorted, one entry per place: each looked up by bisection
    return np.asarray(matrix[first, second], dtype=matrix.dtype).ravel()


def _places_apart_at(
    table: SentenceTable, involved: np.ndarray, first: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """Per pair (``first[k]``, ``second[k]``) of the involved sentences, whether both name
    places and share no word of them ("new hampshire" and "wisconsin"; "washington" and
    "washington dc" share one)."""
    words = [{w for p in table.places[i] for w in _place_words(p)} for i in involved]
    naming = np.array([bool(w) for w in words], dtype=bool)
    shared = _shared_at(words, first, second)
    return naming[first] & naming[second] & (shared == 0)


def _place_words(place: str) -> set[str]:
    """A place's words without full stops, and the initials of a name of several ("u.s.",
    "us" and "united states" share "us"; "n.h." and "new hampshire" share "nh")."""
    words = [w for w in re.split(r"[\s,'’-]+", place.replace(".", "")) if w]
    words = [w for w in words if w not in _PLACE_SMALL_WORDS]
    found = set(words)
    if len(words) > 1:
        found.add("".join(w[0] for w in words))
    return found


_PLACE_SMALL_WORDS = frozenset({"the", "of", "and", "s"})


def _figure_evidence_of_pairs(
    figures: Sequence[list[Figure]],
    first: np.ndarray,
    second: np.ndarray,
    near: np.ndarray | None = None,
) -> np.ndarray:
    """:func:`_figure_evidence` of ``figures[first[k]]`` and ``figures[second[k]]`` for every
    ``k`` (each stating some figure), all at once: every two figures of a pair compared in
    arrays, with the same arithmetic. ``near``: per pair, whether it was told within a week
    (:func:`_of_one_poll`; none given: no pair was)."""
    out = np.zeros(len(first), dtype=np.float64)
    if not len(first):
        return out
    counts = np.array([len(f) for f in figures], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    flat = [x for f in figures for x in f]
    kinds: dict[str, int] = {}
    periods: dict[str, int] = {}
    kind = np.array([kinds.setdefault(x[0], len(kinds)) for x in flat], dtype=np.int64)
    value = np.array([x[1] for x in flat], dtype=np.float64)
    period = np.array([periods.setdefault(x[2], len(periods)) if x[2] else -1 for x in flat])
    bound = np.array([bool(x[3]) for x in flat], dtype=bool)
    step = np.array([x[5] for x in flat], dtype=np.float64)
    polls: dict[str, int] = {}
    # a poll's id: -1 none, -2 a poll named nowhere (never one with another), else its name's
    poll = np.array(
        [-1 if x[4] is None else polls.setdefault(x[4], len(polls)) if x[4] else -2 for x in flat],
        dtype=np.int64,
    )
    # every figure x of the first sentence with every figure y of the second, pair by pair
    n_x, n_y = counts[first], counts[second]
    pair_of_x = np.repeat(np.arange(len(first)), n_x)  # one row per (pair, x)
    x = starts[first][pair_of_x] + (
        np.arange(len(pair_of_x)) - np.repeat(np.cumsum(n_x) - n_x, n_x)
    )
    row_of = np.repeat(np.arange(len(pair_of_x)), n_y[pair_of_x])  # one per (pair, x, y)
    pair = pair_of_x[row_of]
    y = starts[second][pair] + (
        np.arange(len(row_of))
        - np.repeat(np.cumsum(n_y[pair_of_x]) - n_y[pair_of_x], n_y[pair_of_x])
    )
    x = x[row_of]
    same_kind = kind[x] == kind[y]
    same_value = same_kind & _same_values(value[x], value[y], step[x], step[y])
    same_figure = same_value & ~((period[x] >= 0) & (period[y] >= 0) & (period[x] != period[y]))
    near_pair = np.zeros(len(first), dtype=bool) if near is None else np.asarray(near, dtype=bool)
    of_one_poll = _of_one_poll_at(poll[x], poll[y], polls, near_pair[pair])
    counted = same_figure & ~(bound[x] | bound[y]) & of_one_poll
    n_pairs = len(first)
    any_kind = np.bincount(pair, weights=same_kind, minlength=n_pairs) > 0
    any_value = np.bincount(pair, weights=same_value, minlength=n_pairs) > 0
    # how many figures of the first sentence are some figure of the second
    x_counted = np.bincount(row_of, weights=counted, minlength=len(pair_of_x)) > 0
    shared = np.bincount(pair_of_x, weights=x_counted, minlength=n_pairs)
    out[any_kind & ~any_value] = -FIGURE_CLASH_PENALTY
    with_shared = any_kind & (shared > 0)
    out[with_shared] = SHARED_FIGURE_BONUS * np.minimum(2, shared[with_shared])
    # every two figures of one kind are two polls' results (:func:`_polls_apart`): no fact
    apart = (
        same_kind
        & ((poll[x] != -1) | (poll[y] != -1))
        & ~_one_poll(poll[x], poll[y], polls)
        & ((value[x] != value[y]) | ((poll[x] >= 0) & (poll[y] >= 0)))
    )
    # each side states a figure with a unit, of a shared kind, or a plain count of a thing
    # the other counts too, that has no value of the other's (:func:`_unmatched`)
    united = same_kind & (kind[x] != kinds.get("", -1))
    counts_of_one = np.flatnonzero(same_kind & ~united)
    united[counts_of_one] = [
        _one_thing(flat[i], flat[j])
        for i, j in zip(x[counts_of_one].tolist(), y[counts_of_one].tolist(), strict=True)
    ]
    x_unmatched = (np.bincount(row_of, weights=united, minlength=len(pair_of_x)) > 0) & ~(
        np.bincount(row_of, weights=same_value, minlength=len(pair_of_x)) > 0
    )
    _, y_of = np.unique(pair * len(flat) + y, return_inverse=True)  # one per (pair, y)
    y_pair = np.zeros(int(y_of.max()) + 1 if len(y_of) else 0, dtype=np.int64)
    y_pair[y_of] = pair
    y_unmatched = (np.bincount(y_of, weights=united) > 0) & ~(
        np.bincount(y_of, weights=same_value, minlength=len(y_pair)) > 0
    )
    both_unmatched = (np.bincount(pair_of_x, weights=x_unmatched, minlength=n_pairs) > 0) & (
        np.bincount(y_pair, weights=y_unmatched, minlength=n_pairs) > 0
    )
    out[any_kind & both_unmatched] = -FIGURE_CLASH_PENALTY
    # a plain count of a thing the other counts too, of no value of the other's, on either
    # side (:func:`_count_unmatched`)
    of_counts = np.zeros(len(united), dtype=bool)
    of_counts[counts_of_one] = [
        _one_thing(flat[i], flat[j], specific=True)
        for i, j in zip(x[counts_of_one].tolist(), y[counts_of_one].tolist(), strict=True)
    ]
    x_count = (np.bincount(row_of, weights=of_counts, minlength=len(pair_of_x)) > 0) & ~(
        np.bincount(row_of, weights=same_value, minlength=len(pair_of_x)) > 0
    )
    y_count = (np.bincount(y_of, weights=of_counts, minlength=len(y_pair)) > 0) & ~(
        np.bincount(y_of, weights=same_value, minlength=len(y_pair)) > 0
    )
    either_count = (np.bincount(pair_of_x, weights=x_count, minlength=n_pairs) > 0) | (
        np.bincount(y_pair, weights=y_count, minlength=n_pairs) > 0
    )
    out[any_kind & either_count] = -FIGURE_CLASH_PENALTY
    kind_pairs = np.bincount(pair, weights=same_kind, minlength=n_pairs)
    apart_pairs = np.bincount(pair, weights=apart, minlength=n_pairs)
    out[any_kind & (apart_pairs == kind_pairs)] = -POLL_CLASH_PENALTY
    # a figure may stand for two of the other sentence's: pairing them one to one (few pairs,
    # short lists) is left to the scalar reading
    matches_x = np.bincount(row_of, weights=same_value, minlength=len(pair_of_x))
    shared_y = np.bincount(y_of, weights=same_value, minlength=len(y_pair))
    twice = np.bincount(pair_of_x, weights=matches_x > 1, minlength=n_pairs) > 0
    twice |= np.bincount(y_pair, weights=shared_y > 1, minlength=n_pairs) > 0
    for k in np.flatnonzero(twice & any_kind):
        out[k] = _figure_evidence(figures[int(first[k])], figures[int(second[k])], near_pair[k])
    return out


def _one_poll(a: np.ndarray, b: np.ndarray, polls: dict[str, int]) -> np.ndarray:
    """Whether the polls of ids ``a`` and ``b`` (:func:`_figure_evidence_of_pairs`) are
    surely one (:func:`corroborate.annotate.quantities.same_poll`)."""
    names = {i: name for name, i in polls.items()}
    out = np.zeros(len(a), dtype=bool)
    named = (a >= 0) & (b >= 0)
    for k in np.flatnonzero(named):
        out[k] = same_poll(names[int(a[k])], names[int(b[k])])
    return out


def _of_one_poll_at(
    a: np.ndarray, b: np.ndarray, polls: dict[str, int], near: np.ndarray
) -> np.ndarray:
    """:func:`_of_one_poll` of figures whose polls have the ids ``a`` and ``b``
    (:func:`_figure_evidence_of_pairs`), told within a week of each other where ``near``."""
    return ((a == -1) & (b == -1)) | ((a == -2) & (b == -2) & near) | _one_poll(a, b, polls)


def _figure_evidence(a: list[Figure], b: list[Figure], near: bool = False) -> float:
    """The same figure in both sentences raises their similarity; figures of the same kind
    that all differ lower it, and so do two sentences each stating a figure of a kind both
    state that the other has no value for, whatever else they share (results told in one
    template: "Trump 37 percent, Clinton 36, Bloomberg 13" and "Trump 44 percent to 37, 13
    percent another candidate"); figures of different kinds say nothing, nor does the same
    value given for two different periods (a coincidence, or one period misread: either may
    be), nor a bound close to a value, nor a poll's share and the same value of what may be
    another poll (:func:`_of_one_poll`; ``near``: the two were told within a week)."""
    if not any(x[0] == y[0] for x in a for y in b):
        return 0.0
    if all(_polls_apart(x, y) for x in a for y in b if x[0] == y[0]):
        return -POLL_CLASH_PENALTY
    pairs = _one_to_one(a, b)
    paired_a, paired_b = {i for i, _ in pairs}, {j for _, j in pairs}
    if _unmatched(a, b, paired_a) and _unmatched(b, a, paired_b):
        return -FIGURE_CLASH_PENALTY
    if _count_unmatched(a, b, paired_a) or _count_unmatched(b, a, paired_b):
        return -FIGURE_CLASH_PENALTY
    # a bound ("more than 3,000 km") states no value: at most consistent with one
    shared = sum(
        1
        for i, j in pairs
        if _same_figure(a[i], b[j]) and not (a[i][3] or b[j][3]) and _of_one_poll(a[i], b[j], near)
    )
    if shared:
        return SHARED_FIGURE_BONUS * min(2, shared)
    if pairs:
        return 0.0
    return -FIGURE_CLASH_PENALTY


def _one_to_one(a: list[Figure], b: list[Figure]) -> list[tuple[int, int]]:
    """The figures of ``a`` and ``b`` paired as one figure (:func:`_same_value`), each at
    most once, closest values first: "49.9 percent to 49.6" and "50 percent to 44" share one
    figure, not two (both of the first round to the second's 50)."""
    close = sorted(
        (abs(x[1] - y[1]), i, j)
        for i, x in enumerate(a)
        for j, y in enumerate(b)
        if _same_value(x, y)
    )
    pairs: list[tuple[int, int]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j in close:
        if i not in used_a and j not in used_b:
            pairs.append((i, j))
            used_a.add(i)
            used_b.add(j)
    return pairs


def _unmatched(a: list[Figure], b: list[Figure], paired: set[int]) -> bool:
    """Whether some figure of ``a`` with a unit, not ``paired`` with one of ``b``'s, is of a
    kind ``b`` states; or a plain count, not paired, of a thing ``b`` counts too
    (:func:`_one_thing`: "71 delegates short of the 2,383 needed" and "needs 67 delegates to
    reach the 2,383": two counts of one thing, two moments). Not plain counts that say not of
    one thing: one sentence counts many things ("212,000 packs of 80 mg tablets", "14 batches
    of 80 mg tablets"), and the figure says not which."""
    return any(
        k not in paired and any(x[0] == y[0] and (x[0] != "" or _one_thing(x, y)) for y in b)
        for k, x in enumerate(a)
    )


def _count_unmatched(a: list[Figure], b: list[Figure], paired: set[int]) -> bool:
    """Whether some plain count of ``a``, not ``paired`` with one of ``b``'s, counts a thing
    ``b`` counts too (:func:`_one_thing`): ``a`` tells a count of it ``b`` does not ("71
    delegates short of the 2,383 needed" / "has amassed the 2,383 delegates needed"; "It
    takes 2,383 delegates to win"): what ``b`` shares of it is background (a threshold, a
    total), and the count ``a`` adds is the news of its moment, which ``b`` does not report."""
    return any(
        k not in paired
        and x[0] == ""
        and any(y[0] == "" and _one_thing(x, y, specific=True) for y in b)
        for k, x in enumerate(a)
    )


def _one_thing(x: Figure, y: Figure, specific: bool = False) -> bool:
    """Whether two figures' heads share a word (:data:`Figure`): they count one thing;
    ``specific``: a word that says what they count, not one any count of persons has
    (:data:`corroborate.lang.en.GENERIC_COUNT_HEADS`: "230 people" it employs and "a town
    of about 95,000 people" are not one thing)."""
    if not (x[6] and y[6]):
        return False
    shared = set(x[6].split()) & set(y[6].split())
    return bool(shared - _GENERIC_HEADS if specific else shared)


_GENERIC_HEADS = frozenset(w for h in en.GENERIC_COUNT_HEADS for w in head_words(h))


def _of_one_poll(x: Figure, y: Figure, near: bool = False) -> bool:
    """Whether two figures of one value may count as one figure told twice: neither is a
    poll's, or both are of one named poll (:func:`corroborate.annotate.quantities.same_poll`),
    or of polls neither names told within a week of each other (``near``: "several polls show
    him within two points" / "trailing by two points in the polls", two days apart). A poll's
    shares are small whole numbers that other polls, and other groups of voters in one poll,
    give too ("74 percent of black likely voters" in one state's poll, "74 percent view her
    favourably" in a national one; "an April survey" and one of late May): the same value
    proves one report only of one poll."""
    if x[4] == "" and y[4] == "":
        return near
    return (x[4] is None and y[4] is None) or same_poll(x[4], y[4])


def _polls_apart(x: Figure, y: Figure) -> bool:
    """Whether two figures of one kind are two polls' results: either is a poll's, they are
    not shown to be of one poll, and they differ at all (4.21 and 4 points) or both name
    their polls (two polls named differently). One value, one poll named or none: the same
    result, perhaps, told by two outlets."""
    return polls_apart(x[4], y[4]) and (x[1] != y[1] or bool(x[4] and y[4]))


def mutual_best(
    first: np.ndarray, second: np.ndarray, similarity: np.ndarray, articles: np.ndarray
) -> np.ndarray:
    """Per pair (``first[k]``, ``second[k]``, of ``similarity[k]``; ``articles``: each
    sentence's), whether its sentences are of different articles and each other's most
    similar sentence in the other's article, of these pairs (of equal ones, the first)."""
    other = np.flatnonzero(articles[first] != articles[second])
    mutual = np.zeros(len(first), dtype=bool)
    if not len(other):
        return mutual
    source = np.concatenate([first[other], second[other]])
    target = np.concatenate([second[other], first[other]])
    pair = np.concatenate([other, other])
    value = similarity[pair]
    where = source.astype(np.int64) * (int(articles.max()) + 1) + articles[target]
    order = np.argsort(where, kind="stable")  # each sentence's pairs with each article
    where, value, target, pair = where[order], value[order], target[order], pair[order]
    starts = np.flatnonzero(np.concatenate([[True], where[1:] != where[:-1]]))
    counts = np.diff(np.append(starts, len(where)))
    top = value == np.repeat(np.maximum.reduceat(value, starts), counts)
    ties = np.where(top, target, len(articles))  # of equal ones, the first
    best = top & (target == np.repeat(np.minimum.reduceat(ties, starts), counts))
    best = np.bincount(pair[best], minlength=len(first))
    return best == 2  # each is the other's best


def _article_codes(table: SentenceTable, involved: np.ndarray) -> np.ndarray:
    """Each involved sentence's article as a number (one per article, in the table's order):
    cheaper to compare than the ids."""
    codes: dict[str, int] = {}
    return np.array(
        [codes.setdefault(table.sentences[i].article_id, len(codes)) for i in involved],
        dtype=np.int64,
    )


def _same_figure(x: Figure, y: Figure) -> bool:
    """The same kind and value, for the same period (when both give one)."""
    return _same_value(x, y) and not (x[2] and y[2] and x[2] != y[2])


def _same_value(x: Figure, y: Figure) -> bool:
    return x[0] == y[0] and bool(
        _same_values(np.array([x[1]]), np.array([y[1]]), np.array([x[5]]), np.array([y[5]]))[0]
    )


def _same_values(
    a: np.ndarray, b: np.ndarray, step_a: np.ndarray, step_b: np.ndarray
) -> np.ndarray:
    """Whether each two values (told to the last places ``step_a``, ``step_b``) are one
    figure told to different precision: within :data:`SAME_FIGURE` of the larger, and less
    than the coarser last place apart (a figure rounded or cut short to it): 1,230,000 and
    1.2 million are one figure, 44 and 42 are not.

    >>> _same_values(
    ...     np.array([1.23e6, 44.0, 100.0]), np.array([1.2e6, 42.0, 104.0]),
    ...     np.array([1e4, 1.0, 100.0]), np.array([1e5, 1.0, 1.0])).tolist()
    [True, False, True]
    """
    gap = np.abs(a - b)
    within = gap <= SAME_FIGURE * np.maximum(np.abs(a), np.abs(b))
    return within & (gap < np.maximum(step_a, step_b) * (1 - 1e-9))


def _representative(table: SentenceTable, members: list[int]) -> Sentence:
    """The member closest to the others (TF-IDF), preferring complete sentences in the
    cleanest wording (:func:`corroborate.compare.wording.wording_rank`), then complete ones."""
    if len(members) == 1:
        return table.sentences[members[0]]
    rows = table.tfidf[members]
    centrality = np.asarray((rows @ rows.T).sum(axis=1)).ravel()

    def preference(k: int) -> tuple[int, float]:
        text = table.sentences[members[k]].text
        return (-wording_rank(text) if is_complete(text) else -3, centrality[k])

    best = max(range(len(members)), key=preference)
    return table.sentences[members[best]]


def is_complete(text: str) -> bool:
    """A sentence that starts with a capital (or a quote mark; in a script with no capitals,
    Arabic or Chinese, with a letter) and ends with a full stop
    (:data:`corroborate.text.SENTENCE_ENDS`)."""
    stripped = text.strip()
    if not stripped:
        return False
    first = stripped.lstrip("“\"‘'«(…「『（ ")[:1]
    last = stripped.rstrip("”\"’'»)] 」』）")[-1:]
    if not first or not (first.isdigit() or capital_or_caseless(first)):
        return False
    return bool(last) and last in SENTENCE_ENDS


# The stories forming as articles are read are grouped as the final ones are (the model's own
# thresholds). A looser grouping (0.6 x JOIN_THRESHOLD, as before) forecast 1,848 sentences of
# 100 PolNeAR articles of which 1,208 were never compared: the worker spent about 8 s of CPU
# embedding them instead of annotating articles, while only 31 fewer sentences were missed.
FORECAST_CLUSTERING = ClusterConfig()


class EmbeddingForecast:
    """The sentences :func:`group_facts` will likely embed, forecast as articles are read, so
    that an engine can embed them ahead (on another core) while later articles are read.

    A sentence is forecast once it has a partner (:class:`PartnerIndex`) in an article that may
    be of the same story (stories forming as the articles come, :class:`StoryClusterer`, grouped
    as the final ones are); what a syndicated copy repeats of an earlier copy is not (it joins
    that copy's fact without being compared). A forecast only saves time: facts embed whatever
    they need that was not forecast.
    """

    def __init__(self) -> None:
        self._copies = CopyTracker()
        self._partners = PartnerIndex()
        # Lexical only: a forecast only saves time, and embedding every other-language article
        # for it would cost more than it saves.
        self._forming = StoryClusterer(config=FORECAST_CLUSTERING, multilingual=False)
        self._sentences: dict[str, list[Sentence]] = {}
        self.profiles: dict[str, Profile] = {}  # what the story grouping reads of each article

    def add(self, article: Article) -> list[str]:
        """Read one annotated article; the texts of the sentences now forecast to be embedded."""
        self._sentences[article.id] = article.sentences
        earlier = [s for other in self._copies.add(article) for s in self._sentences[other]]
        twins = sentence_twins(article, earlier, MIN_FACT_WORDS)
        own = fact_sentences(fact_units(article))
        fresh = [s for s in own if s.index not in twins]
        repeated = [s for s in own if s.index in twins]
        made = self.profiles[article.id] = self._forming.profile(article)
        story = self._forming.add(article, profiled=made)
        found = self._partners.add(
            fresh, repeated, related=lambda other: self._forming.story_of(other) == story
        )
        return [s.text for s in found]
