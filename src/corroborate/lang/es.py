"""Spanish: the words the stages know of Spanish pages (dates, and the furniture a cleaner cuts).

Plain data, as in :mod:`corroborate.lang.en`.
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Calendar

MONTHS = wordlist(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)

# --------------------------------------------------------------------------------------------
# People

# Folded, no full stop: "Don", "Doña", "Sr.", "Sra.", "Lic." (licenciado), "Ing." (ingeniero).
HONORIFICS = frozenset(wordlist("don dona senor senora sr sra lic ing"))
TITLE_ABBREVIATIONS = wordlist("Sra")  # "Sra. López"
