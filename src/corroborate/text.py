"""Small text helpers shared by the stages: accent folding, content words, shingles."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case and strip accents: ``fold("Bárcena") == "barcena"``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """Folded word tokens (hyphenated words and apostrophes kept inside a word)."""
    return _WORD.findall(fold(text))


def content_words(text: str) -> list[str]:
    """Folded words that carry meaning: no stop words, at least 3 letters or any digit."""
    return list(_content_words(text))


@lru_cache(maxsize=1 << 14)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(
        w
        for w in words(text)
        if w not in ENGLISH_STOP_WORDS and (len(w) >= 3 or any(c.isdigit() for c in w))
    )


def shingles(text: str, size: int = 5) -> Iterator[str]:
    """Overlapping word ``size``-grams of a text, for near-duplicate detection."""
    tokens = words(text)
    if len(tokens) < size:
        if tokens:
            yield " ".join(tokens)
        return
    for i in range(len(tokens) - size + 1):
        yield " ".join(tokens[i : i + size])
