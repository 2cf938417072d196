"""A cited extractive summary: facts chosen by maximal marginal relevance (MMR).

Every summary sentence is a verbatim sentence of a fact (its representative, or another of its
sentences when that one cannot stand alone), so it cites every article that reports the fact.
A sentence in garbled wording (:func:`corroborate.compare.wording.garbled_wording`: "explore
options . legal options", "the ministry said a statement") does not stand alone, and of a
fact's sentences that do, one without a typographic slip ("the the", "Corp , the") is quoted
first. Relevance favours facts that more independent outlets report,
that are central to the story and that articles put early; redundancy is the TF-IDF cosine to
what is already chosen. The chosen sentences are put in reading order: facts first reported
earlier come first (the story as it unfolded), and within one day, the order in which the
articles tell them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from corroborate.compare.facts import SentenceTable, is_complete
from corroborate.compare.wording import garbled_wording, typographic_slip
from corroborate.lang import en
from corroborate.model import Article, Fact
from corroborate.text import word_count

MIN_SENTENCES = 5
MAX_SENTENCES = 10
MIN_WORDS = 8
MAX_WORDS = 70
LAMBDA = 0.7  # weight of relevance against redundancy
REDUNDANT = 0.5  # a candidate this close to a chosen sentence is never added

# A sentence opening with one of these leans on the sentence before it: out of context in a
# summary it reads as a riddle ("He also said...", "That number...").
_DANGLING_OPENERS = re.compile(
    r"^[“\"‘']?(he|she|it|they|them|his|her|its|their|this|that|these|those|but|and|or|also|"
    r"meanwhile|however|still|yet|then|there|here|such|both|"
    r"(?:at|in|on|after|before|during|since|from|by) (?:that|this|those|these|the same)|"
    r"the (?:official|spokesman|spokeswoman|spokesperson|minister|secretary|statement|"
    r"ministry|agency|department|president|foreign minister))\b",
    re.IGNORECASE,
)


# The writer speaking in the first person (a blog, a column, a reporter's notebook) outside a
# quotation: their own experience, not a fact of the story.
_FIRST_PERSON = re.compile(r"(?<![\w.])(?:I(?:['’](?:m|ve|d|ll))?\s+[a-z]|(?:my|me|mine)\b)")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


# Words given to a bare pronoun ("..., she said in a statement."): who "she" is was told in
# a sentence the summary does not have.
_PRONOUN_SPEAKER = re.compile(
    rf"[,”\"’]\s+(?:he|she|they)\s+(?:{'|'.join(en.PRONOUN_SPEECH_VERBS)})\b", re.IGNORECASE
)


def summary_candidate(text: str) -> bool:
    """Whether a sentence can stand alone in a summary."""
    n_words = word_count(text)  # (Chinese: two letters a word)
    if not MIN_WORDS <= n_words <= MAX_WORDS or not is_complete(text):
        return False
    if text.rstrip("”\"’' ").endswith("?") or _DANGLING_OPENERS.match(text.strip()):
        return False
    if _PRONOUN_SPEAKER.search(text):
        return False
    unquoted = _QUOTED.sub("", text)
    if _FIRST_PERSON.search(unquoted):
        return False
    if not re.search(r"\w", unquoted):
        return False  # a quotation and nothing else: who said it, the sentence does not say
    # An unbalanced quote mark means the sentence is a piece of a longer quotation.
    straight = text.count('"') % 2
    curly = text.count("“") != text.count("”")
    return not straight and not curly and garbled_wording(text) is None


def summarize(
    facts: Sequence[Fact],
    table: SentenceTable,
    articles: Sequence[Article],
    *,
    min_sentences: int = MIN_SENTENCES,
    max_sentences: int = MAX_SENTENCES,
    events: Sequence[Sequence[str]] = (),
) -> list[Fact]:
    """Choose 5-10 facts for the summary, in reading order.

    Args:
        facts: the story's facts (from :func:`corroborate.compare.facts.group_facts`).
        table: the story's sentence table (TF-IDF rows for every fact sentence).
        articles: the story's articles (for sentence positions).
        events: the article ids of each of the story's events, in date order. A story of
            several events tells each: the most relevant fact of the first event, of the
            latest and of the biggest ones between is chosen before the rest, and the
            summary gets one more sentence per event (up to ``max_sentences``), so a long
            story's summary says what happened first, what followed and where it stands.

    Returns:
        The chosen facts; fewer than ``min_sentences`` only when fewer can stand alone.
    """
    row_of = {(s.article_id, s.index): i for i, s in enumerate(table.sentences)}
    candidates = [
        told
        for f in facts
        if (told := _standalone(f)) is not None
        and (told.sentence.article_id, told.sentence.index) in row_of
    ]
    if not candidates:
        return []
    rows = table.tfidf[[row_of[(f.sentence.article_id, f.sentence.index)] for f in candidates]]
    centroid = np.asarray(table.tfidf.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    centrality = np.asarray(rows @ (centroid / norm)).ravel()
    lengths = _lengths(articles)
    position = np.array([_relative_position(f, lengths) for f in candidates])
    most_outlets = max(f.outlets for f in candidates)
    support = np.array([(f.outlets - 1) / max(1, most_outlets - 1) for f in candidates])
    relevance = (
        0.55 * support + 0.30 * centrality / (centrality.max() or 1.0) + 0.15 * (1.0 - position)
    )
    # each chosen candidate's cosines with all (a column of ``rows @ rows.T``, summed in the
    # same order): the whole matrix of a big story's thousands of candidates is not needed
    columns: dict[int, np.ndarray] = {}

    def pairwise(j: int) -> np.ndarray:
        if j not in columns:
            columns[j] = (rows @ rows[j].T).toarray().ravel()
        return columns[j]

    corroborated = sum(1 for f in candidates if f.outlets > 1)
    wanted = min(max_sentences, max(min_sentences, corroborated), len(candidates))
    chosen = _one_per_event(candidates, relevance, events, max_sentences)
    if len(events) >= 2:  # a story of several events needs room to tell them: one more each
        wanted = min(max_sentences, len(candidates), max(wanted, min_sentences + len(events)))
    wanted = max(wanted, len(chosen))
    while len(chosen) < wanted:
        best = _most_marginal(relevance, _redundancy(pairwise, chosen, len(candidates)), chosen)
        if best < 0:
            break
        chosen.append(best)
    picked = [candidates[i] for i in chosen]
    return sorted(picked, key=lambda f: _reading_order(f, articles, lengths))


def _redundancy(
    pairwise: Callable[[int], np.ndarray], chosen: Sequence[int], count: int
) -> np.ndarray:
    """Per candidate (of ``count``), its largest cosine with a ``chosen`` one (``pairwise(j)``:
    every candidate's cosine with candidate ``j``); 0 while none is chosen."""
    if not chosen:
        return np.zeros(count)
    return np.max([pairwise(j) for j in chosen], axis=0)


def _most_marginal(relevance: np.ndarray, redundancy: np.ndarray, chosen: Sequence[int]) -> int:
    """The candidate of the best marginal relevance (``LAMBDA`` of its relevance less the rest
    of its ``redundancy``), the first of equals, among those not ``chosen`` and not
    :data:`REDUNDANT`; -1 when none is left (a score that is not a number is never best)."""
    score = LAMBDA * relevance - (1 - LAMBDA) * redundancy
    open_ = (redundancy < REDUNDANT) & (score > -np.inf)
    open_[list(chosen)] = False
    left = np.flatnonzero(open_)
    return int(left[np.argmax(score[left])]) if len(left) else -1


def _one_per_event(
    candidates: Sequence[Fact],
    relevance: np.ndarray,
    events: Sequence[Sequence[str]],
    limit: int,
) -> list[int]:
    """The most relevant candidate of each event (first and latest events first, then the
    biggest), at most ``limit // 2`` of them so that the best-supported facts still fit."""
    if len(events) < 2:
        return []
    order = [0, len(events) - 1] + sorted(
        range(1, len(events) - 1), key=lambda k: (-len(events[k]), k)
    )
    event_of = {article_id: k for k, ids in enumerate(events) for article_id in ids}
    chosen: list[int] = []
    for k in order[: max(2, limit // 2)]:
        told = [i for i, f in enumerate(candidates) if event_of.get(f.sentence.article_id) == k]
        if told:
            chosen.append(max(told, key=lambda i: (relevance[i], -i)))
    return chosen


def _standalone(fact: Fact) -> Fact | None:
    """The fact told by a sentence that stands alone: its representative, else the first of
    its other sentences that does ("Ortiz said ..." for "..., she said."), one without a
    typographic slip first; None if none.

    The sentences are read in turn until one stands alone with no slip, each text once (the
    representative is one of the members: a big story's thousands of facts, most of one
    sentence, would read it twice): the first such sentence is the one a full scan would
    choose, and a text read before answers the same again. (A sentence that stands alone is
    in no garbled wording: what :func:`~corroborate.compare.wording.damaged_wording` adds
    is a typographic slip.)"""
    first = None
    seen: set[str] = set()
    for s in (fact.sentence, *fact.members):
        if s.text in seen:
            continue  # as before: not chosen then, not chosen now
        seen.add(s.text)
        if not summary_candidate(s.text):
            continue
        if typographic_slip(s.text) is None:  # its wording is not garbled: it stands alone
            return fact if s is fact.sentence else replace(fact, sentence=s)
        if first is None:
            first = s
    if first is None:
        return None
    return fact if first is fact.sentence else replace(fact, sentence=first)


def _lengths(articles: Sequence[Article]) -> dict[str, int]:
    """Each article's number of sentences (at least 1), to place a sentence in its article."""
    return {a.id: max(1, len(a.sentences)) for a in articles}


def _relative_position(fact: Fact, lengths: dict[str, int]) -> float:
    """Mean position (0 = lead, 1 = end) of the fact's sentences in their articles
    (``lengths``: :func:`_lengths`)."""
    return _mean([s.index / lengths.get(s.article_id, 1) for s in fact.members])


def _mean(values: list[float]) -> float:
    """``np.mean(values)``, for fewer than 8 values (most facts' sentences) as a plain sum,
    which adds them in the same order (numpy sums pairwise only from 8 on): the same value,
    for a tenth of the cost of making an array (a big story's thousands of facts)."""
    if 0 < len(values) < 8:
        return sum(values) / len(values)
    return float(np.mean(values))


def _reading_order(
    fact: Fact, articles: Sequence[Article], lengths: dict[str, int]
) -> tuple[str, float, int]:
    """Earlier reports first (the story as it unfolded), then as the articles tell it."""
    dates = {a.id: a.published or a.published_inferred for a in articles}
    first = min((dates.get(s.article_id) or "9999" for s in fact.members), default="9999")
    return (first, _relative_position(fact, lengths), -fact.outlets)
