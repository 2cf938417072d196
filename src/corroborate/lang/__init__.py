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
  ("Lire aussi", "Abonnez-vous", "Publié le", "Crédit photo"...), beside the English.
* :mod:`corroborate.lang.es` -- Spanish, likewise.
* :mod:`corroborate.lang.de`, :mod:`~corroborate.lang.it`, :mod:`~corroborate.lang.pt`,
  :mod:`~corroborate.lang.pl`, :mod:`~corroborate.lang.tr`, :mod:`~corroborate.lang.ru` --
  German, Italian, Portuguese, Polish, Turkish, Russian: the furniture of their pages only
  (consent banners, teasers, share buttons, ad labels), no calendar or names.
* :mod:`corroborate.lang.ar` -- Arabic, likewise (a site's appeal for donations).
* :mod:`corroborate.lang.zh` -- Chinese, likewise (follow prompts, app and newsletter boxes, a
  writer's contact line, copyright and credit lines; ``CLOSING_BOILERPLATE`` is cut inside a
  line too).
* :mod:`corroborate.lang.xx` -- what is read whatever the language (spaCy's code for
  "multi-language"): names of outlets, wires and photo agencies, masthead words, the particles
  and connectors of proper names ("de la", "van", "bin"), German honorifics and the German and
  Italian byline words.

A list a rule reads in every language has the same name in each module that has one
(``COOKIE_BANNER``, ``STAMP_WORDS``...); :func:`merged` joins them, English first. Lists that
differ on purpose keep apart under names that say why (``en.SPEECH_VERBS`` find quotes'
speakers; ``en.ATTRIBUTION_VERBS`` tell reported news from a reader's comment). Stop words are
spaCy's own lists, read where they are used (:mod:`corroborate.text`,
:mod:`corroborate.read.language`).
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The language modules, in the order :func:`merged` joins their lists.
LANGUAGES = ("en", "fr", "es", "de", "it", "pt", "pl", "tr", "ru", "ar", "zh", "xx")


def wordlist(text: str, sep: str | None = None) -> tuple[str, ...]:
    """The words of ``text`` split on white space, in order: how the language modules write
    their lists (``wordlist("said says told")``), a word a line or many to a line. With ``sep``,
    the entries between separators, line breaks and their indent dropped: names of several
    words (``wordlist("Le Monde|AP", sep="|")``)."""
    if sep is None:
        return tuple(text.split())
    return tuple(entry for entry in re.sub(r"\s*\n\s*", "", text).split(sep) if entry)


def merged(name: str) -> tuple[Any, ...]:
    """The entries of list ``name`` in every language module that has one, English first (in
    :data:`LANGUAGES` order): what a rule reads whatever the page's language.

    >>> merged("MONTHS")[-1]
    'diciembre'
    """
    modules = [importlib.import_module(f"{__name__}.{code}") for code in LANGUAGES]
    found = [getattr(module, name) for module in modules if hasattr(module, name)]
    if not found:
        raise KeyError(f"no language module has a list named {name!r}")
    return tuple(entry for entries in found for entry in entries)
