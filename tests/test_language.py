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
    "pl": "Rada miasta zagłosowała we wtorek za zamknięciem starego basenu na rok, podczas gdy "
    "inżynierowie naprawiają dach, który przecieka od styczniowej burzy, powiedział burmistrz, "
    "ale nie podał, ile to będzie kosztować.",
    "tr": "Belediye meclisi salı günü eski yüzme havuzunu bir yıl süreyle kapatma kararı aldı, "
    "mühendisler ocak ayındaki fırtınadan beri su sızdıran çatıyı onarırken, dedi belediye "
    "başkanı ve bu iş için daha çok para gerektiğini de söyledi.",
    "ru": "Городской совет во вторник проголосовал за закрытие старого бассейна на год, пока "
    "инженеры ремонтируют крышу, которая протекает после январской бури, сказал мэр, но он не "
    "сказал, сколько это будет стоить и когда это будет сделано.",
    # a script that names its language
    "zh": "市议会星期二投票决定关闭旧游泳池一年，工程师将修理自一月暴风雨以来一直漏水的屋顶，市长说。",
    "ja": "市議会は火曜日、古いプールを一年間閉鎖することを決めた。市長によると、技術者が屋根を修理する。",
    "ar": "صوت مجلس المدينة يوم الثلاثاء على إغلاق المسبح القديم لمدة عام بينما يصلح المهندسون السقف.",
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


def test_a_page_in_another_alphabet_is_not_taken_for_a_latin_language():
    # before, a Chinese page was read as Portuguese or Italian, a Polish one as German
    assert guess_language(TEXTS["zh"] + " Reuters AFP 2020") == "zh"
    assert guess_language(TEXTS["pl"]) not in {"de", "en", "it", "pt"}
