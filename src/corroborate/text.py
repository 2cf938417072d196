"""Small text helpers shared by the stages: accent folding, content words, shingles."""

from __future__ import annotations

import importlib.util
import re
import runpy
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


# Letters with a stroke that Unicode does not decompose into a letter and an accent, so that
# "Søndergaard" folds as "Sondergaard" does (one letter for one: lengths are kept).
_STROKED = str.maketrans("øØđĐłŁðÐħĦı", "oOdDlLdDhHi")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case and strip accents: ``fold("Bárcena") == "barcena"``,
    ``fold("Søndergaard") == "sondergaard"``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_STROKED))
    # only a character outside ASCII can be a combining mark: the rest are kept as they are
    # (an article's text is mostly ASCII, its curly quotes aside)
    return _NOT_ASCII.sub(_unless_combining, decomposed).casefold()


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _unless_combining(match: re.Match[str]) -> str:
    """A run of characters outside ASCII, its combining marks dropped."""
    return "".join(c for c in match.group() if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Folded word tokens (hyphenated words and apostrophes kept inside a word)."""
    return _WORD.findall(fold(text))


# A letter of a script written without spaces between its words: Chinese, Japanese (kana and
# kanji), Thai, Lao, Burmese and Khmer, where a line breaks between the words a dictionary finds
# (Unicode's "complex context" scripts) or between any two letters. Such text is counted two
# letters a word (:func:`word_count`). Not Korean: Hangul is written with a space after each
# word (eojeol), and its spaced words are its words.
UNSPACED_LETTER = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"  # kana, kanji and Chinese
    r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"  # Thai and Lao, Burmese, Khmer
)


# A full-width full stop, question or exclamation mark (Chinese, Japanese), with the closing
# quotes and brackets after it: where a sentence ends though no space follows (a pattern's
# source, for the sentence splitter and the cleaner).
FULL_WIDTH_END = r"[。！？][」』”’）》〉\"')\]]*"


# What ends a sentence: the full stops and question and exclamation marks of Latin script,
# Chinese and Japanese (full width), Arabic's question mark, Urdu's and the Devanagari full stop.
SENTENCE_ENDS = ".!?。！？؟۔।"
# Of those, the marks of a question or an exclamation.
ASKING_ENDS = "!?！？؟"
# What ends a clause: an ellipsis, a colon, semicolon or comma (full width, Arabic).
CLAUSE_ENDS = "…:;,：；，،؛"


# Letters Unicode counts as lower case though their script is written without capitals:
# Georgian's Mkhedruli, whose capitals (Mtavruli, U+1C90-U+1CBF, added in Unicode 11) are set
# only for emphasis, a whole word or line at a time; a Georgian sentence or headline starts
# with a letter Python calls ``islower()``.
_CASELESS_LOWER = re.compile(r"[\u10d0-\u10fa\u10fd-\u10ff]")


def capital_or_caseless(letter: str) -> bool:
    """Whether ``letter`` is a capital, or a letter of a script without capitals (Arabic,
    Hebrew, Devanagari, Chinese, Georgian...): where such a script's headline or sentence
    starts, a cased one's has a capital."""
    return (
        letter.isupper()
        or (letter.isalpha() and not letter.islower())
        or bool(_CASELESS_LOWER.match(letter))
    )


def lower_case(letter: str) -> bool:
    """Whether ``letter`` is a small letter of a script that has capitals: what continues a
    sentence there, where a Georgian letter (lower case to Unicode, but of a script written
    without capitals) may as well start one."""
    return letter.islower() and not _CASELESS_LOWER.match(letter)


def _unspaced_words(text: str) -> int:
    """Two letters a word of the unspaced scripts in ``text`` (none in ASCII text)."""
    return 0 if text.isascii() else len(UNSPACED_LETTER.findall(text)) // 2


def word_count(text: str) -> int:
    """How many words ``text`` has: its whitespace-separated words, or, in a script with no
    spaces between its words (Chinese, Japanese, Thai...), two letters a word, whichever is
    more (Korean, written with spaces, counts its spaced words)."""
    return max(len(text.split()), _unspaced_words(text))


def written_unspaced(text: str) -> bool:
    """Whether ``text`` is written mostly in a script with no spaces between its words (its
    :func:`word_count` comes from its letters, not its spaces)."""
    return _unspaced_words(text) > len(text.split())


# A letter of the Latin script (Basic Latin, Latin-1, Extended-A and -B, Latin Extended
# Additional: English, the languages of Western and Central Europe, Turkish, Vietnamese ...).
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


def written_in_latin(text: str) -> bool:
    """Whether at least half the letters of ``text`` are Latin ones (a text with no letter is):
    what the English sentence embedder reads. Chinese, Japanese, Korean, Arabic, Cyrillic,
    Greek, Hebrew, the scripts of India and of South-East Asia it reads as noise: two
    sentences alike in their frame (the same title, the same verb of saying, the same name)
    come out close whatever each says."""
    if text.isascii():
        return True
    if written_unspaced(text):  # Chinese with a film's Latin name in it: Chinese still
        return False
    letters = sum(c.isalpha() for c in text)
    return 2 * len(_LATIN_LETTER.findall(text)) >= letters


def content_words(text: str) -> list[str]:
    """Folded words that carry meaning: no stop words, at least 3 letters or any digit."""
    return list(_content_words(text))


@lru_cache(maxsize=1 << 14)
def _content_words(text: str) -> tuple[str, ...]:
    stop = spacy_stop_words("en")
    return tuple(
        w for w in words(text) if w not in stop and (len(w) >= 3 or any(c.isdigit() for c in w))
    )


@cache
@lru_cache(maxsize=64)
def spacy_stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of ``language`` (``spacy/lang/<code>/stop_words.py``), read from the
    file itself, once: importing ``spacy.lang.<code>`` would import spaCy and that language's
    whole package, seconds for what is a word list. Empty for a language spaCy has no list of."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:  # pragma: no cover - spaCy is a dependency
        raise ImportError("spaCy is not installed")
    path = Path(spec.origin).parent / "lang" / language / "stop_words.py"
    if not language.isalpha() or not path.is_file():
        return frozenset()
    return frozenset(runpy.run_path(str(path))["STOP_WORDS"])


@cache
def word_frequencies(language: str) -> dict[str, float]:
    """wordfreq's small table for ``language`` (words down to Zipf 3), empty when it has none;
    read once (importing wordfreq, the first time, is most of its cost)."""
    import wordfreq

    try:
        return wordfreq.get_frequency_dict(language, "small")
    except (LookupError, ValueError):
        return {}


# A rough sentence break: white space after . ! or ?, or line breaks.
# No sentence of news runs longer than this many characters: a longer one is a page's run-on
# text (a list, a scrape with no full stops), cut into pieces no longer (at white space), so
# that rules reading a sentence whole (its parse, the clause of a date, the words around each
# figure) cost its length, not its length times what it holds.
LONGEST_SENTENCE = 2000

_ROUGH_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def rough_sentences(text: str) -> list[str]:
    """``text`` cut after each . ! or ? and at line breaks: the sentences of an article that
    has none from spaCy yet (pieces may be empty).

    >>> rough_sentences("Talks resumed. Both sides met.\nNo deal.")
    ['Talks resumed.', 'Both sides met.', 'No deal.']
    """
    return _ROUGH_BREAK.split(text)


def shingles(text: str, size: int = 5) -> Iterator[str]:
    """Overlapping word ``size``-grams of a text, for near-duplicate detection."""
    tokens = words(text)
    if len(tokens) < size:
        if tokens:
            yield " ".join(tokens)
        return
    for i in range(len(tokens) - size + 1):
        yield " ".join(tokens[i : i + size])


def term_counts(
    text: str, vocabulary: dict[str, int], words: Sequence[str] | None = None
) -> dict[int, int]:
    """How often each :func:`content_words` word occurs in ``text`` (``words``, when known),
    by its column in ``vocabulary`` (new words are given the next columns)."""
    tally: dict[int, int] = {}
    for word in _content_words(text) if words is None else words:
        col = vocabulary.setdefault(word, len(vocabulary))
        tally[col] = tally.get(col, 0) + 1
    return tally


def smoothed_idf(df: np.ndarray, documents: int) -> np.ndarray:
    """Smoothed inverse document frequency of words found in ``df`` of ``documents``."""
    return np.log((1 + documents) / (1 + df)) + 1.0


def sublinear_tf(counts: np.ndarray) -> np.ndarray:
    """Term frequency dampened: a word said twice weighs 1 + log 2, not 2."""
    return 1.0 + np.log(counts)


def tfidf_matrix(texts: list[str], words: Sequence[Sequence[str]] | None = None) -> csr_matrix:
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf) over :func:`content_words`
    (``words``: each text's, when already known).

    One row per text; a text with no content word gets an all-zero row. Words are given
    columns as they first come (as :func:`term_counts` gives them) and counted all at once.
    """
    vocabulary: dict[str, int] = {}
    columns: list[int] = []
    lengths = []
    for row, text in enumerate(texts):
        said = _content_words(text) if words is None else words[row]
        columns.extend([vocabulary.setdefault(w, len(vocabulary)) for w in said])
        lengths.append(len(said))
    shape = (len(texts), max(1, len(vocabulary)))
    if not columns:
        return csr_matrix(shape, dtype=np.float64)
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    keys, counts = np.unique(rows * shape[1] + np.asarray(columns), return_counts=True)
    row_index, col_index = keys // shape[1], keys % shape[1]
    idf = smoothed_idf(np.bincount(col_index, minlength=shape[1]), len(texts))
    weights = sublinear_tf(counts.astype(np.float64)) * idf[col_index]
    matrix = csr_matrix((weights, (row_index, col_index)), shape=shape)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def shared_members(sets: Sequence[Iterable[str]]) -> csr_matrix:
    """How many members each pair of ``sets`` shares: a sparse n-by-n count matrix (float32),
    the product of the set-by-member incidence matrix with itself; the diagonal holds each
    set's size."""
    incidence = membership(sets, np.float32)
    return csr_matrix(incidence @ incidence.T)


def membership(sets: Sequence[Iterable[str]], dtype: type = np.float32) -> csr_matrix:
    """The set-by-member incidence matrix of ``sets`` (a 1 where a set holds a member; members
    numbered as they first come; at least one column)."""
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, members in enumerate(sets):
        for member in members:
            rows.append(row)
            cols.append(vocabulary.setdefault(member, len(vocabulary)))
    return csr_matrix(
        (np.ones(len(rows), dtype=dtype), (rows, cols)),
        shape=(len(sets), max(1, len(vocabulary))),
    )
