"""French: the words the stages know of French pages (dates, and the furniture a cleaner cuts).

Plain data, as in :mod:`corroborate.lang.en`.
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Calendar

MONTHS = wordlist(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)

# --------------------------------------------------------------------------------------------
# People

HONORIFICS = frozenset(wordlist("m mme mlle"))  # folded, no full stop: "M.", "Mme", "Mlle"
TITLE_ABBREVIATIONS = wordlist("Mme Mlle")  # written with a full stop in English copy
