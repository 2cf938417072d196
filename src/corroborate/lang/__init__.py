"""Language data in one place: the words and tables the stages read text with.

As spaCy keeps ``spacy/lang/en/`` (stop words, lexical attributes) apart from its pipeline,
the vocabulary here is apart from the rules that use it -- one module per language, plain data
(tuples, frozensets, dicts; a regex *source* only where a list is really a pattern). A rule
imports the lists it reads and builds its compiled pattern from them, so a new word (a speech
verb, a title, a month's abbreviation, a cookie banner's wording) is one line in one file.

* :mod:`corroborate.lang.en` -- English: calendar, number words and scales, units and
  currencies, speech and attribution verbs, honorifics, title heads and domain words,
  organisation words, locatives, nicknames, and the furniture of English pages (cookie
  banners, comment forms, share prompts, related-link markers...).
* :mod:`corroborate.lang.fr` -- French: month names, and the French furniture the cleaner cuts
  ("Lire aussi", "Abonnez-vous", "Publié le", "PHOTO X, AFP"...), beside the English.
* :mod:`corroborate.lang.es` -- Spanish, likewise.

Lists that differ on purpose keep apart under names that say why (``en.SPEECH_VERBS`` find
quotes' speakers; ``en.ATTRIBUTION_VERBS`` tell reported news from a reader's comment).
"""

from __future__ import annotations


def wordlist(text: str) -> tuple[str, ...]:
    """The words of ``text`` split on white space, in order: how the language modules write
    their lists (``wordlist("said says told")``), a word a line or many to a line."""
    return tuple(text.split())
