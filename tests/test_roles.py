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
