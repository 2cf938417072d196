"""Damaged wording: the slips of a machine translation or a scraper a reader would see."""

from __future__ import annotations

import pytest

from corroborate.compare.wording import (
    damaged_wording,
    foreign_language,
    garbled_wording,
    wording_rank,
)


@pytest.mark.parametrize(
    "sentence, why",
    [
        (
            "The council promised to study routes . safe and cheap routes for the new tram.",
            "a stray full stop",
        ),
        (
            "The 62-year-old chief of Harbour Ferries Ltd , the largest operator, resigned.",
            "a space before punctuation",
        ),
        ("Rain is expected to ease by the evening .", "a space before punctuation"),
        (
            "Grain Market 2021 With Top Countries Data : Size, Share and Forecast",
            "a space before punctuation",
        ),
        (
            "The mayor thanked the the volunteers who cleared the river banks.",
            "a doubled word (the the)",
        ),
        (
            "Crews barely made made it to the dam before the water rose.",
            "a doubled word (made made)",
        ),
        (
            "The ferry line will resume service next week, the regional authority said a release.",
            "a verb of saying with a statement as its object",
        ),
        (
            "“We expect a decision after this [deuxième] round of talks,” the envoy said.",
            "a word of another language (fr) in brackets",
        ),
        (
            "“The [cuales] remain closed until the inspection,” the governor said.",
            "a word of another language (es) in brackets",
        ),
    ],
)
def test_a_visible_slip_is_damaged_wording(sentence, why):
    assert damaged_wording(sentence) == why


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor said in a statement that the bridge would reopen in May.",
        "She said the statement was drafted before the vote.",
        "He said that that was the end of the matter.",
        "They had had enough of the delays, residents said.",
        "The troops came in in 1979 and left a decade later.",
        "“It was a very, very long night,” the captain said.",
        "“They will [not] be allowed to build there,” the judge said.",
        "“If the board [approves] it, we start in June,” she said.",
        "He added his own comment to the post on Sunday.",
        "The city will spend $4.5 million on the plan, officials said.",
        "Ms. Ortiz, a nurse at St. Mary's, said the ward was full.",
        "The rate rose to 4.5 percent in March.",
        "Visitors can enjoy an après-ski chalet in the city this weekend.",
    ],
)
def test_clean_english_is_not_damaged(sentence):
    assert damaged_wording(sentence) is None


def test_a_word_english_shares_is_not_foreign():
    assert foreign_language("café") is None
    assert foreign_language("premiere") is None
    assert foreign_language("expletive") is None  # rare in English, in no other language
    assert foreign_language("inaudible") is None


@pytest.mark.parametrize(
    "sentence, damaged",
    [
        ("“The dam is safe,” a spokesperson stressed Okafor.", True),
        ("“The dam is safe,” the ministry said Ruiz Tamez.", True),
        ("“The dam is safe,” the ministry said Tuesday.", False),
        ("“The dam is safe,” an engineer said Dec.", False),
        ("Asked whether the dam was safe, the engineer said No.", False),
        ("“The dam is safe,” Okafor stressed.", False),
        ("“The dam is safe,” said Okafor, the ministry's spokesperson.", False),
        ("“The dam is safe,” the spokesperson told Reuters.", False),
    ],
)
def test_a_speaker_on_both_sides_of_a_verb_of_saying(sentence, damaged):
    assert (damaged_wording(sentence) == "a speaker on both sides of a verb of saying") is damaged


@pytest.mark.parametrize(
    "sentence, rank",
    [
        ("Crews reached the dam before the water rose on Friday.", 0),
        ("Crews reached the the dam before the water rose on Friday.", 1),
        ("Crews reached the dam , before the water rose on Friday.", 1),
        ("Crews reached the dam . before the water rose on Friday.", 2),
        ("Crews reached the dam before the water rose, the agency said a statement.", 2),
    ],
)
def test_a_typographic_slip_ranks_between_clean_and_garbled_wording(sentence, rank):
    assert wording_rank(sentence) == rank
    assert (garbled_wording(sentence) is not None) is (rank == 2)
