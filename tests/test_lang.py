"""The language data (corroborate.lang) and the rules built from it."""

from __future__ import annotations

import re

import pytest

from corroborate import date_expressions as dates
from corroborate.annotate import parse, quantities, roles
from corroborate.compare.events import event_when
from corroborate.lang import LANGUAGES, en, es, fr, merged, tr, wordlist, xx
from corroborate.model import Article
from corroborate.read import clean
from corroborate.text import rough_sentences


def test_wordlist_splits_on_white_space_or_on_a_separator():
    assert wordlist("said  says\n    told") == ("said", "says", "told")
    assert wordlist("Le Monde|AP|\n    El País", sep="|") == ("Le Monde", "AP", "El País")


def test_merged_joins_a_list_across_the_languages_english_first():
    assert LANGUAGES[0] == "en"
    assert merged("STAMP_WORDS") == (
        *en.STAMP_WORDS,
        *fr.STAMP_WORDS,
        *es.STAMP_WORDS,
        *tr.STAMP_WORDS,
    )
    assert merged("BYLINE_WORDS")[-2:] == xx.BYLINE_WORDS
    with pytest.raises(KeyError):
        merged("NO_SUCH_LIST")


def test_the_calendar_tables_agree():
    assert len(en.MONTHS) == len(fr.MONTHS) == len(es.MONTHS) == 12
    assert [en.MONTH_NUMBER[m[:3]] for m in en.MONTHS] == list(range(1, 13))
    assert [en.WEEKDAY_NUMBER[d] for d in en.WEEKDAYS] == list(range(7))
    month = re.compile(rf"{en.MONTH_PATTERN}$")
    for name in (*en.MONTHS, *en.MONTH_ABBREVIATIONS):
        assert month.match(name.capitalize()), name
    assert month.match("Sept.") and month.match("Dec.") and not month.match("march")


def test_word_lists_that_are_looked_up_folded_are_folded():
    for words in (
        en.HONORIFICS,
        en.TITLE_HEADS,
        en.TITLE_WORDS,
        en.ORG_WORDS,
        en.LOCATIVES,
        en.SPEAKER_VERBS,
        en.NAME_SUFFIXES,
        xx.NAME_PARTICLES,
        fr.HONORIFICS,
        es.HONORIFICS,
        xx.HONORIFICS,
    ):
        assert all(w == w.lower() and "." not in w for w in words)


def test_a_speech_verb_of_the_list_marks_a_sentence_to_parse():
    for verb in en.SPEECH_VERBS:
        assert parse._CUE_FORM.fullmatch(verb), verb
    assert "emphasised" in en.SPEECH_VERBS and "emphasized" in en.SPEECH_VERBS
    assert {"say", "emphasise", "emphasize"} <= en.SPEECH_LEMMAS


def test_honorifics_of_every_language_are_read():
    for word in ("mr", "mme", "sra", "herr"):
        assert roles.is_honorific(word.capitalize() + ".")


def test_the_cleaner_reads_each_language_list():
    assert clean.classify_line("Nous utilisons des cookies pour améliorer votre expérience") == (
        "cookie_banner"
    )
    assert clean.classify_line("Utilizamos cookies propias y de terceros") == "cookie_banner"
    assert clean.classify_line("Lire aussi : Le pont rouvrira en mars") == "related_link"
    assert clean.classify_line("Lea también: El puente reabrirá en marzo") == "related_link"
    assert clean.classify_line("Anzeige") == "scraper_residue"
    assert clean.is_photo_credit("PHOTOGRAPHIE JEAN DUPONT, AFP")


def test_a_stamp_date_is_read_in_every_language_the_cleaner_knows():
    assert dates.full_date_in("Publié le 1er mars 2025 à 10 h") == "2025-03-01"
    assert dates.full_date_in("Publicado el 13 de marzo de 2025") == "2025-03-13"
    assert dates.full_date_in("Posted Thursday, April 17, 2025 · 6:30 AM") == "2025-04-17"
    assert dates.full_date_in("2023-11-02T08:00:00Z") == "2023-11-02"
    assert dates.full_date_in("Updated 2 hours ago") is None


def test_an_events_title_dates_its_happening_when_the_lead_does_not():
    article = Article("a", "a.txt", "", title="Council votes on Friday", published="2025-03-15")
    article.text = "The council voted to close the bridge."
    assert event_when(article, mentions=[]).day == "2025-03-14"


def test_quantities_read_the_number_words_and_units_of_the_list():
    assert quantities.parse_number("two hundred thousand") == 200_000
    assert quantities.extract_quantities(Article("a", "a.txt", "", text="It cost €45m."))[
        0
    ].unit == ("EUR")


def test_rough_sentences_cut_after_end_marks_and_at_line_breaks():
    assert rough_sentences("One. Two?\n\nThree") == ["One.", "Two?", "Three"]
