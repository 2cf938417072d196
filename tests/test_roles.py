"""Titles that are one role however an outlet writes them: an acronym and its expansion, a
shorter and a longer form."""

from __future__ import annotations

import pytest

from corroborate.annotate.roles import group_titles, role_conflicts
from corroborate.model import Entity


def person(*titles: tuple[str, str]) -> Entity:
    """A person given ``(title, article id)`` titles by the outlets."""
    return Entity(
        id="e1",
        name="Doris Meissner",
        type="PERSON",
        variants=("Doris Meissner",),
        roles=tuple(group_titles(list(titles))),
        sources=tuple(sorted({a for _, a in titles})),
        spans=(),
    )


@pytest.mark.parametrize(
    "short, long",
    [
        ("INS Commissioner", "Immigration and Naturalization Commissioner"),
        ("EPA Administrator", "Environmental Protection Agency Administrator"),
        ("NTSB Chairman", "National Transportation Safety Board Chairman"),
        ("Commissioner", "Immigration and Naturalization Service Commissioner"),
        # a courtesy title is no part of the post
        ("Ruiz spokesman", "spokesman for Mrs. Ruiz"),
        ("senior adviser to Ms. Okafor", "senior adviser to Okafor"),
    ],
)
def test_an_acronym_and_its_expansion_or_a_shorter_form_are_one_role(short, long):
    assert role_conflicts([person((short, "a"), (long, "b"))]) == []


@pytest.mark.parametrize(
    "a, b",
    [
        ("INS Commissioner", "IRS Commissioner"),
        ("White House Homeland Security Advisor", "White House National Security Advisor"),
        ("Transport Minister", "Infrastructure Minister"),
    ],
)
def test_different_posts_still_conflict(a, b):
    (conflict,) = role_conflicts([person((a, "a"), (b, "b"))])
    assert conflict.kind == "role"


def organisation(name: str) -> Entity:
    return Entity(
        id=f"o{len(name)}",
        name=name,
        type="ORG",
        variants=(name,),
        roles=(),
        sources=("a", "b"),
        spans=(),
    )


def test_posts_at_two_named_organisations_conflict():
    people = [
        person(("Halvorsen Bank chief executive", "a"), ("Dunmore Trust chief executive", "b")),
        organisation("Halvorsen Bank"),
        organisation("Dunmore Trust"),
    ]
    (conflict,) = role_conflicts(people)
    assert {c.value for c in conflict.claims} == {
        "Halvorsen Bank chief executive",
        "Dunmore Trust chief executive",
    }


def place(name: str) -> Entity:
    return Entity(
        id=f"g{len(name)}",
        name=name,
        type="GPE",
        variants=(name,),
        roles=(),
        sources=("a",),
        spans=(),
    )


@pytest.mark.parametrize(
    "stacked, conflicts",
    [
        # a committee's chair who is also a representative: the place qualifies the other post
        ("Democratic National Committee Chair Rep.", 0),
        ("Party Treasurer and Ohio Rep.", 1),  # the representative's own post differs
    ],
)
def test_a_title_stacking_two_posts_conflicts_only_in_the_post_both_name(stacked, conflicts):
    people = [person(("Florida Rep.", "a"), (stacked, "b")), place("Florida"), place("Ohio")]
    assert len(role_conflicts(people)) == conflicts


def test_two_titles_from_one_article_are_no_conflict_between_outlets():
    # "Commerce Secretary A, Labor Secretary B, Transport Secretary C": a list read as
    # appositions gives A two titles, in one article; no outlet says otherwise.
    assert role_conflicts([person(("Commerce Secretary", "a"), ("Labor Secretary", "a"))]) == []
    # ... and an article giving both titles does not make another outlet's one a conflict
    assert (
        role_conflicts(
            [
                person(
                    ("Commerce Secretary", "a"),
                    ("Labor Secretary", "a"),
                    ("Commerce Secretary", "b"),
                )
            ]
        )
        == []
    )


@pytest.mark.parametrize(
    "a, b",
    [
        ("ADVERTISEMENT Pope", "VIDEO Pope"),  # a page's labels run into the name
        ("Have Him Read The Papers Sen.", "Him At All Times Sen."),  # headlines run in
    ],
)
def test_titles_differing_in_words_no_title_is_made_of_are_no_conflict(a, b):
    assert role_conflicts([person((a, "a"), (b, "b"))]) == []


@pytest.mark.parametrize(
    "a, b",
    [
        # an acronym whose first letter is a party word titles drop from their front
        ("RNC Chairman", "Republican National Committee Chairman"),
        ("DNC Chair", "Democratic National Committee Chair"),
        # a party named as a noun describes the person, as a state does: no post differs
        ("Vermont Sen.", "Democrat Sen."),
        ("GOP Rep.", "Ohio Rep."),
        # two posts joined by "and": the first one the other outlet names is no other post
        ("former Maryland governor", "former governor of Maryland and former mayor of Baltimore"),
    ],
)
def test_a_party_a_dropped_initial_or_a_second_post_is_no_other_title(a, b):
    people = [person((a, "a"), (b, "b")), place("Vermont"), place("Ohio"), place("Maryland")]
    assert role_conflicts(people) == []


def test_two_posts_joined_by_and_still_conflict_in_the_post_both_name():
    people = [
        person(("Texas governor", "a"), ("governor of Ohio and former mayor of Dayton", "b")),
        place("Texas"),
        place("Ohio"),
    ]
    # the mayor is a post of its own; "governor" is compared with "governor"
    (conflict,) = role_conflicts(people)
    assert "governor" in conflict.note
    assert {c.value for c in conflict.claims} == {
        "Texas governor",
        "governor of Ohio and former mayor of Dayton",
    }
