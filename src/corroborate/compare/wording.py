"""Sentences whose wording is visibly damaged: a slip of a machine translation or a scraper
that a reader would see if the brief quoted the sentence.

A fact told by several articles is shown in one of their sentences, the summary quotes one,
and a commitment told twice is listed once: where the same thing is told in clean wording
too, the brief quotes that one (:func:`damaged_wording` is a preference, never a filter on
what is kept: every sentence stays in its article and every source stays cited).

Each sign is one that edited English does not show (measured on every sentence of PolNeAR
and of the English SemEval-2022 sample, 40,346 sentences; see the figures beside each
pattern):

- a full stop inside the sentence, spaced, between two lower-case words ("explore options .
  legal and professional options");
- a space before a comma, semicolon, colon or the closing full stop ("Sands Corp , the
  world's biggest ...", "... reports the Daily Post .");
- a word written twice ("the the", "made made"), unless English repeats it ("that that",
  "had had");
- a verb of saying whose object is the statement itself ("..., the ministry said a
  statement.": a statement is what one says something *in*);
- a word of another language in an editor's brackets inside an English text ("since this
  [première] meeting"): an editor inserts words in the language of the text.

>>> damaged_wording("The two sides pledged to explore options . legal options for it.")
'a stray full stop'
>>> damaged_wording("The two sides pledged to explore legal options for it.") is None
True
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

from corroborate.lang import en

# 0 of 40,346 real sentences (every one would be damaged: edited English never spaces a full
# stop inside a sentence).
_STRAY_FULL_STOP = re.compile(r"[a-z] \. [a-z]")
# 36 of 40,346, 33 read as damaged (a fused headline "Data : Market Size", "ALSO READ :", a
# lost word "four adrift of champions , who", or a stray space); 3 were legible slips.
_SPACE_BEFORE_PUNCTUATION = re.compile(r"[^\W_] [,;:](?=\s)|[^\W_] \.[”\"’']?$")
_DOUBLED_WORD = re.compile(r"\b([a-z]+) \1\b")
_SAID_A_STATEMENT = re.compile(
    r"\b(?:" + "|".join(en.SAYING_AS_OBJECT_NOT_VERBS) + r")\s+(?:a|an|the|its|his|her|their)"
    r"\s+(?:[\w-]+\s+)?(?:" + "|".join(sorted(en.STATEMENT_NOUNS)) + r")s?\s*(?:[.;,]|$)",
    re.IGNORECASE,
)
_BRACKETED_WORD = re.compile(r"\[([^\W\d_]{3,})\]")

# Languages a translated English text may have kept a word of. A word is of one of them when
# English hardly uses it (absent from wordfreq's small English table: Zipf below 3) and that
# language uses it at least ten times in a million words (Zipf FOREIGN_COMMON).
FOREIGN_LANGUAGES = ("fr", "es", "de", "it", "pt", "nl")
FOREIGN_COMMON = 4.0


def damaged_wording(text: str) -> str | None:
    """Why ``text`` reads as damaged wording, or None when no sign of damage is seen.

    >>> damaged_wording("He met the the governor on Friday.")
    'a doubled word (the the)'
    >>> damaged_wording("He said that that was enough.") is None
    True
    """
    if _STRAY_FULL_STOP.search(text):
        return "a stray full stop"
    if _SPACE_BEFORE_PUNCTUATION.search(text):
        return "a space before punctuation"
    for match in _DOUBLED_WORD.finditer(text):
        if match.group(1) not in en.DOUBLED_WORDS_ALLOWED:
            return f"a doubled word ({match.group(0)})"
    if _SAID_A_STATEMENT.search(text):
        return "a verb of saying with a statement as its object"
    for match in _BRACKETED_WORD.finditer(text):
        if (language := foreign_language(match.group(1))) is not None:
            return f"a word of another language ({language}) in brackets"
    return None


@lru_cache(maxsize=4096)
def foreign_language(word: str) -> str | None:
    """The language (of :data:`FOREIGN_LANGUAGES`) ``word`` is a word of and English is not,
    else None ("première" is French; "premiere" and "café" are English too).

    >>> foreign_language("première"), foreign_language("premiere")
    ('fr', None)
    """
    lowered = word.lower()
    if _zipf(lowered, "en"):
        return None
    best = max(FOREIGN_LANGUAGES, key=lambda language: _zipf(lowered, language))
    return best if _zipf(lowered, best) >= FOREIGN_COMMON else None


@cache
def _table(language: str) -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict(language, "small")


def _zipf(word: str, language: str) -> float:
    """The Zipf frequency of ``word`` in ``language``'s small wordfreq table (0 unlisted)."""
    frequency = _table(language).get(word)
    return math.log10(frequency) + 9.0 if frequency else 0.0
