"""Sentences whose wording is visibly damaged: a slip of a machine translation or a scraper
that a reader would see if the brief quoted the sentence.

A fact told by several articles is shown in one of their sentences, the summary quotes one,
and a commitment told twice is listed once: where the same thing is told in clean wording
too, the brief quotes that one (:func:`damaged_wording` is a preference, never a filter on
what is kept: every sentence stays in its article and every source stays cited). Where no
other wording exists, a typographic slip is quoted as it is, but garbled wording
(:func:`garbled_wording`) is not put in the summary or the next steps.

Each sign is one that edited English does not show (measured on every sentence of PolNeAR
and of the English SemEval-2022 sample, 40,346 sentences; see the figures beside each
pattern). Garbled, the grammar broken:

- a full stop inside the sentence, spaced, between two lower-case words ("explore options .
  legal and professional options");
- a verb of saying whose object is the statement itself ("..., the ministry said a
  statement.": a statement is what one says something *in*), or that has a speaker on both
  sides ("..., a spokesperson emphasized Miller.");
- a word of another language in an editor's brackets inside an English text ("since this
  [première] meeting"): an editor inserts words in the language of the text.

Typographic slips:

- a space before a comma, semicolon, colon or the closing full stop ("Sands Corp , the
  world's biggest ...", "... reports the Daily Post .");
- a word written twice ("the the", "made made"), unless English repeats it ("that that",
  "had had").

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
# 36 of 40,346, all 36 read as flawed: 23 damaged beyond the stray space (a headline run into
# the text "Data : Market Size", "ALSO READ :", a lost word "four adrift of champions , who",
# a fragment "... said early Wednesday ."), 13 a stray space in a sound sentence.
_SPACE_BEFORE_PUNCTUATION = re.compile(r"[^\W_] [,;:](?=\s)|[^\W_] \.[”\"’']?$")
# 21 of 40,346 (past en.DOUBLED_WORDS_ALLOWED), all 21 slips ("the the", "made made", "first
# first male"); the allowed words' doubles there were English ("that that", "came in in").
_DOUBLED_WORD = re.compile(r"\b([a-z]+) \1\b")
# 0 of 40,346 (with "added" too: 2 hits, both English, "added his own comment": left out).
_SAID_A_STATEMENT = re.compile(
    r"\b(?:" + "|".join(en.SAYING_AS_OBJECT_NOT_VERBS) + r")\s+(?:a|an|the|its|his|her|their)"
    r"\s+(?:[\w-]+\s+)?(?:" + "|".join(sorted(en.STATEMENT_NOUNS)) + r")s?\s*(?:[.;]|$)",
    re.IGNORECASE,
)
# 0 of 40,346: none of the 54 words in brackets there is foreign ("[states]", "[expletive]");
# a single foreign word anywhere (10 sentences) is English half the time ("sotto voce",
# "après ski", a quoted Spanish phrase): only a bracketed one counts.
_BRACKETED_WORD = re.compile(r"\[([^\W\d_]{3,})\]")
# 0 of 40,346 real sentences; with any subject (not only one a determiner opens) 6 hits, one
# an answer ("..., he said Ryan.") and five a sentence cut after "Mr." or "James B.".
_SPEAKER_ON_BOTH_SIDES = re.compile(
    r"[,”\"’]\s+(?:" + "|".join(en.SPEAKER_DETERMINERS) + r")\s+(?:[\w.'’-]+\s+){0,5}?"
    r"(?:" + "|".join(en.ATTRIBUTION_TAIL_NO_PERSON_VERBS) + r")\s+"
    r"([A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,3}\.[”\"’]?$"
)

# Languages a translated English text may have kept a word of. A word is of one of them when
# English hardly uses it (absent from wordfreq's small English table: Zipf below 3) and that
# language uses it at least ten times in a million words (Zipf FOREIGN_COMMON).
FOREIGN_LANGUAGES = ("fr", "es", "de", "it", "pt", "nl")
FOREIGN_COMMON = 4.0


def damaged_wording(text: str) -> str | None:
    """Why ``text`` reads as damaged wording (garbled, :func:`garbled_wording`, or a
    typographic slip: a space before punctuation, a doubled word), or None when no sign of
    damage is seen.

    >>> damaged_wording("He met the the governor on Friday.")
    'a doubled word (the the)'
    >>> damaged_wording("He said that that was enough.") is None
    True
    """
    garbled = garbled_wording(text)
    return garbled if garbled is not None else typographic_slip(text)


# What the patterns that need a space before a mark need to find in a text at all: a text
# without them is not scanned (most are not: a pattern that opens on nearly any character
# scans slowly).
_SPACED_MARKS = (" ,", " ;", " :", " .")


def typographic_slip(text: str) -> str | None:
    """Why ``text`` has a typographic slip (a space before punctuation, a doubled word): the
    rest of :func:`damaged_wording` once :func:`garbled_wording` has found nothing.

    >>> typographic_slip("Sands Corp , the casino firm, said so.")
    'a space before punctuation'
    """
    if any(mark in text for mark in _SPACED_MARKS) and _SPACE_BEFORE_PUNCTUATION.search(text):
        return "a space before punctuation"
    for match in _DOUBLED_WORD.finditer(text):
        if match.group(1) not in en.DOUBLED_WORDS_ALLOWED:
            return f"a doubled word ({match.group(0)})"
    return None


def garbled_wording(text: str) -> str | None:
    """Why ``text`` reads as garbled, or None: a stray full stop inside it, a verb of saying
    with a statement for its object or a speaker on both sides, a foreign word in brackets.
    Unlike a typographic slip, these break the sentence's grammar: a brief that has no other
    wording of the same thing does not quote it (a slip it quotes where it has no other).

    >>> garbled_wording("It was agreed, the ministry said a statement.")
    'a verb of saying with a statement as its object'
    >>> garbled_wording("He met the the governor on Friday.") is None
    True
    """
    if " . " in text and _STRAY_FULL_STOP.search(text):
        return "a stray full stop"
    if _SAID_A_STATEMENT.search(text):
        return "a verb of saying with a statement as its object"
    both = _SPEAKER_ON_BOTH_SIDES.search(text)
    if both and both.group(1).lower().rstrip(".") not in en.SAID_WHEN_WORDS:
        return "a speaker on both sides of a verb of saying"
    for match in _BRACKETED_WORD.finditer(text):
        if (language := foreign_language(match.group(1))) is not None:
            return f"a word of another language ({language}) in brackets"
    return None


def wording_rank(text: str) -> int:
    """How damaged ``text``'s wording is, to prefer the cleanest of several: 0 clean, 1 a
    typographic slip, 2 garbled.

    >>> [wording_rank(t) for t in ("It rained.", "It rained .", "It rained . hard today.")]
    [0, 1, 2]
    """
    if garbled_wording(text) is not None:
        return 2
    return 0 if typographic_slip(text) is None else 1


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
