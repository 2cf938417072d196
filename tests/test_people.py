"""Who the people finder takes for a person (:mod:`corroborate.annotate.people`)."""

from __future__ import annotations

import pytest

from corroborate.annotate.people import find_person_mentions
from corroborate.compare.entities import story_person_mentions
from tests.conftest import make_article
from tests.test_entities import tag


def names(*lines, people=()):
    article = tag(make_article("a", *lines), "PERSON", *people)
    return [p.text for p in find_person_mentions(article)]


def test_a_given_name_that_is_also_an_organisation_word_still_names_a_person():
    # "Bill" is a word of names of things ("the Farm Bill"), but first in a name it is a
    # given name
    found = names(
        "Bill Tate met the union in Leeds on Monday.",
        "The Farm Bill passed the Senate.",
        people=["Bill Tate", "Farm Bill"],
    )
    assert found == ["Bill Tate"]


def test_a_last_name_the_model_cut_from_its_given_name_is_still_a_person_s():
    # the model tagged only "Varga": a lone word with no title is taken for a product or a
    # firm unless the story writes it in full, here after a given name
    article = tag(
        make_article(
            "a",
            "Tess Varga, a dock worker, spoke first at the meeting.",
            "Varga said the port must stay open all winter.",
        ),
        "PERSON",
        "Varga",
    )
    found = story_person_mentions([article])["a"]
    assert [p.text for p in found] == ["Varga", "Varga"]


def test_a_name_ends_where_its_sentence_does():
    # "Tess Varga. He’s ..." is a name and a new sentence, not a name "Tess Varga. He"; nor
    # does a name run on into the next sentence's first name
    # (one line: the model's sentences may not split there)
    found = names(
        "The governor trails Ana Ruiz and Tess Varga. He’s been attacking them both for weeks.",
        people=["Ana Ruiz", "Tess Varga"],
    )
    assert found == ["Ana Ruiz", "Tess Varga"]
    found = names(
        "The crowd cheered for Tess Varga. Moreno Okafor spoke next, to a quieter hall.",
        people=["Tess Varga"],
    )
    assert "Tess Varga. Moreno Okafor" not in found and "Tess Varga" in found
    # initials and abbreviations do not end a name
    assert names(
        "The award went to J. R. Halloran Jr. of Leeds.", people=["J. R. Halloran Jr."]
    ) == ["J. R. Halloran Jr."]


def titles_of(line: str, *people: str) -> dict[str, tuple[str, ...]]:
    article = tag(make_article("a", line), "PERSON", *people)
    return {p.text: p.titles for p in find_person_mentions(article)}


def test_a_post_held_towards_someone_is_not_their_title():
    # the adviser is someone else; "Sen." is still the senator's own title
    assert (
        titles_of(
            "Tad Okafor, a senior adviser to Mr. Varga, said the race was close.",
            "Tad Okafor",
            "Varga",
        )["Varga"]
        == ()
    )
    found = titles_of("A spokesman for Sen. Ana Ruiz declined to comment.", "Ana Ruiz")
    assert found["Ana Ruiz"] == ("Sen.",)
    # a title that ends in "of" a place or office is the name's own
    assert titles_of("Secretary of State Ana Ruiz arrived on Monday.", "Ana Ruiz")["Ana Ruiz"] == (
        "Secretary of State",
    )


def test_a_title_after_a_name_goes_on_past_a_courtesy_title():
    found = titles_of(
        "Brian Okafor, a spokesman for Mrs. Varga, said the campaign would respond.",
        "Brian Okafor",
        "Varga",
    )
    assert found["Brian Okafor"] == ("spokesman for Mrs. Varga",)


def test_a_title_word_that_ends_a_sentence_names_nobody_after_it():
    found = names(
        "It was the worst showing for any candidate. South Carolina Sen. Lindsey Okafor came "
        "second.",
        people=["Lindsey Okafor"],
    )
    assert found == ["Lindsey Okafor"]
    # a title abbreviation's full stop ends nothing
    assert names("The bill was backed by Sen. Ana Ruiz of Ohio.", people=[]) == ["Ana Ruiz"]


def test_the_post_after_to_or_for_is_the_names_own_when_it_has_a_head():
    assert titles_of(
        "Brendan Okafor, a spokesman for House Speaker Paul Varga, declined to comment.",
        "Brendan Okafor",
        "Paul Varga",
    )["Paul Varga"] == ("House Speaker",)
    assert titles_of("He was press secretary to President Ana Ruiz for two years.", "Ana Ruiz")[
        "Ana Ruiz"
    ] == ("President",)
    # no head after "for": the whole is the name's own post
    assert titles_of("Minister for Foreign Affairs Ana Ruiz flew to Lima.", "Ana Ruiz")[
        "Ana Ruiz"
    ] == ("Minister for Foreign Affairs",)


def test_a_name_the_model_ran_over_a_sentence_end_starts_after_it():
    found = names(
        "The fund sold its stake in Amazon. Peter Okafor, its former director, said so.",
        people=["Amazon. Peter Okafor"],
    )
    assert found == ["Peter Okafor"]


def test_a_middle_initial_that_spells_an_honorific_stays_in_the_name():
    # "M." is also the French "Monsieur"; between two words of a name it is an initial
    found = titles_of(
        "The talks were led by Deputy Mayor Clara M. Osei and M. Duval of the port board.",
        "Clara M. Osei",
        "Duval",
    )
    assert found["Clara M. Osei"] == ("Deputy Mayor",)
    assert "Osei" not in found and "Clara" not in found


@pytest.mark.parametrize(
    ("title", "name", "holds"),
    [
        ("Secretary of State Mike Pompeo", "Mike Pompeo", True),
        ("the Mike Pompeos of this world", "Mike Pompeo", False),
        ("ally of Ana Ruiz_", "Ana Ruiz", False),
        ("Ana Ruiz’s deputy", "Ana Ruiz", True),
        ("ÉAna Ruiz, then Ana Ruiz", "Ana Ruiz", True),
    ],
)
def test_a_name_is_held_in_a_title_as_words_of_its_own(title, name, holds):
    import re

    from corroborate.annotate.people import _holds

    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")  # what it stands for
    assert _holds(title, name) is holds is bool(pattern.search(title))
