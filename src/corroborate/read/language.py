"""Which language an article is written in, from its commonest words.

News text is long enough for function words to tell languages apart: the share of an
article's words that are stop words of each language (spaCy's lists) is compared, and the
best language is taken only when it clearly beats the runner-up. Cheap (one pass over the
words), deterministic, and needs no model.
"""

from __future__ import annotations

import re
from functools import lru_cache

from corroborate.text import spacy_stop_words

# Told apart by their stop words (spaCy's lists): the languages written with spaces between
# words in the Latin or Cyrillic alphabet that news comes in most.
LANGUAGES = (
    "en", "fr", "es", "de", "it", "pt", "nl", "pl", "tr", "cs", "sk", "sl", "hr", "ro", "hu",
    "sv", "da", "nb", "fi", "id", "ca", "ru", "uk", "bg",
)  # fmt: skip
# Scripts that name their language alone, by the Unicode ranges of their letters (a text
# mostly of one is in that language: Han with no kana is Chinese).
_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # kana: Japanese (which writes Han too)
    ("zh", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
)
_LETTER = re.compile(r"[^\W\d_]")
SCRIPT_SHARE = 0.3  # of a text's letters, for its script to name its language
KANA_SHARE = 0.05  # of the Han and kana letters, for a text to be Japanese
MIN_WORDS = 20  # fewer words than this say too little
MARGIN = 1.5  # the best language's share must be this many times the runner-up's
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Words that are stop words in several of these languages say nothing about which one.
_SHARED_MIN = 3


@lru_cache(maxsize=1)
def stop_words() -> dict[str, frozenset[str]]:
    """Each language's stop words, less those shared by several (read once)."""
    lists = {
        code: frozenset(w.lower() for w in spacy_stop_words(code) if len(w) > 1)
        for code in LANGUAGES
    }
    counts: dict[str, int] = {}
    for words in lists.values():
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return {
        code: frozenset(w for w in words if counts[w] < _SHARED_MIN)
        for code, words in lists.items()
    }


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language among :data:`LANGUAGES`, or None when the
    text is too short or no language clearly wins.

    >>> guess_language("Le gouvernement a conclu vendredi un accord pour la réparation du pont, "
    ...                "qui est fermé depuis le 4 mars après la découverte de fissures dans les "
    ...                "soudures du pylône nord, a indiqué la ministre.")
    'fr'
    """
    script = _script_language(text[:5000])
    if script is not None:
        return script
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text[:5000])]
    if len(words) < MIN_WORDS:
        return None
    lists = stop_words()
    scores = sorted(
        ((sum(1 for w in words if w in stops) / len(words), code) for code, stops in lists.items()),
        reverse=True,
    )
    (best, code), (second, _) = scores[0], scores[1]
    if best == 0 or best < MARGIN * second:
        return None
    return code


def _script_language(text: str) -> str | None:
    """The language a text's script names (:data:`_SCRIPTS`), when enough of its letters are
    of that script; None for the Latin and Cyrillic alphabets (their stop words decide)."""
    letters = len(_LETTER.findall(text))
    if not letters:
        return None
    counts = {code: len(pattern.findall(text)) for code, pattern in _SCRIPTS}
    han = counts["zh"] + counts["ja"]
    if han >= SCRIPT_SHARE * letters:
        return "ja" if counts["ja"] >= KANA_SHARE * han else "zh"
    best = max((n, code) for code, n in counts.items() if code not in ("zh", "ja"))
    return best[1] if best[0] >= SCRIPT_SHARE * letters else None
