"""Multi-language (spaCy's code ``xx``): what is read whatever the article's language.

Names cross languages -- a Spanish name in an English report keeps its "de la", a French
paper is "Le Monde" in any text -- and so do the names of wires and photo agencies. The few
words of languages with no module of their own (German, Italian, Portuguese) sit here too.

Plain data, as in :mod:`corroborate.lang.en`.
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Names

# Particles inside personal names, folded ("Ana de la Cruz", "van der Berg", "bin Salman").
NAME_PARTICLES = frozenset(wordlist("de del la las los y da do dos van von der di le bin al el"))
# German honorifics, folded ("Herr Müller").
HONORIFICS = frozenset(wordlist("herr frau"))
