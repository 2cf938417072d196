"""Who the people finder takes for a person (:mod:`corroborate.annotate.people`)."""

from __future__ import annotations

from corroborate.annotate.people import find_person_mentions
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
