"""Language guessing from function words."""

from __future__ import annotations

import pytest

from corroborate.read.language import guess_language

TEXTS = {
    "en": "The city council voted on Tuesday to close the old swimming pool for a year while "
    "engineers repair the roof, which has been leaking since the storm in January, the mayor said.",
    "fr": "Le conseil municipal a voté mardi la fermeture de la vieille piscine pendant un an, le "
    "temps que les ingénieurs réparent le toit, qui fuit depuis la tempête de janvier, a dit le maire.",
    "es": "El ayuntamiento votó el martes cerrar la vieja piscina durante un año mientras los "
    "ingenieros reparan el techo, que tiene goteras desde la tormenta de enero, dijo el alcalde.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, das alte Schwimmbad für ein Jahr zu schließen, "
    "während die Ingenieure das Dach reparieren, das seit dem Sturm im Januar undicht ist.",
    "it": "Il consiglio comunale ha votato martedì per chiudere la vecchia piscina per un anno, "
    "mentre gli ingegneri riparano il tetto, che perde dalla tempesta di gennaio, ha detto il sindaco.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_the_language_of_a_news_paragraph_is_found(code):
    assert guess_language(TEXTS[code]) == code


def test_a_text_too_short_to_tell_has_no_language():
    assert guess_language("Bridge closed.") is None
    assert guess_language("") is None


def test_a_list_of_names_and_numbers_has_no_language():
    assert guess_language(" ".join(["Porthaven 2025 Aldermont 1,200 Northgate"] * 10)) is None


def test_english_with_a_french_quote_is_still_english():
    text = TEXTS["en"] + " « C'est un bon accord », he added, before leaving for the airport."
    assert guess_language(text) == "en"
