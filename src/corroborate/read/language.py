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

LANGUAGES = ("en", "fr", "es", "de", "it", "pt", "nl")
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
