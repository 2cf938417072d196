"""Numbers: figures that only point back at what they count ("Last year it was 30") are one
measure across outlets when both carry it from one figure told by both."""

from __future__ import annotations

import pytest

from corroborate.annotate.quantities import extract_quantities
from corroborate.compare.numbers import compare_numbers
from tests.conftest import make_article


def brief(first: tuple[str, ...], second: tuple[str, ...]):
    articles = [make_article("a", *first, outlet="A"), make_article("b", *second, outlet="B")]
    numbers, _ = compare_numbers(articles, {a.id: extract_quantities(a) for a in articles})
    return numbers


def verdict_on(numbers, *texts: str) -> str | None:
    """The verdict of the group holding all of ``texts``; None when no group does."""
    for n in numbers:
        if set(texts) <= {c.text for c in n.claims}:
            return n.verdict
    return None


@pytest.mark.parametrize(
    "first, second",
    [
        (
            ("Rangers were recovering about half a dozen abandoned boats a year.",
             "Last year there were 23."),
            ("Rangers were plucking about half a dozen abandoned ships from the water a year.",
             "Last year it was 30."),
        ),
        (
            ("The shelter took in 120 stray dogs in March.", "In April it was 150."),
            ("The city shelter counted 120 stray animals in March.", "In April there were 190."),
        ),
    ],
)  # fmt: skip
def test_the_next_value_of_one_series_told_by_two_outlets_can_conflict(first, second):
    numbers = brief(first, second)
    later = [c.text for n in numbers for c in n.claims if c.text in ("23", "30", "150", "190")]
    assert verdict_on(numbers, *later) == "conflict"


@pytest.mark.parametrize(
    "first, second",
    [
        # the figures they point back at differ: two series
        (
            ("The shelter took in 120 stray dogs in March.", "In April it was 150."),
            ("The city shelter counted 300 stray animals in March.", "In April there were 190."),
        ),
        # the figures they point back at count unlike things
        (
            ("The shelter took in 120 stray dogs in March.", "In April it was 150."),
            ("The clinic treated 120 patients in March.", "In April there were 190."),
        ),
        # told of different periods
        (
            ("The shelter took in 120 stray dogs in March.", "In April it was 150."),
            ("The city shelter counted 120 stray animals in March.", "In May there were 190."),
        ),
        # no period: which value of the series, nobody says
        (
            ("The shelter took in 120 stray dogs in March.", "It was 150."),
            ("The city shelter counted 120 stray animals in March.", "There were 190."),
        ),
    ],
)  # fmt: skip
def test_no_conflict_unless_both_point_back_at_one_figure_of_one_period(first, second):
    numbers = brief(first, second)
    assert not any(n.verdict == "conflict" for n in numbers)


def test_the_same_next_value_agrees():
    numbers = brief(
        ("Rangers were recovering about half a dozen abandoned boats a year.",
         "Last year there were 23."),
        ("Rangers were plucking about half a dozen abandoned ships from the water a year.",
         "Last year it was 23."),
    )  # fmt: skip
    assert verdict_on(numbers, "23") == "agree"
