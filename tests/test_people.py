"""Who the people finder takes for a person (:mod:`corroborate.annotate.people`)."""

from __future__ import annotations

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
