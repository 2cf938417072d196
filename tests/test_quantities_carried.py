"""Quantities: what a figure counts when its own sentence only points back at it ("Last year it
was 30"), a participle before the noun it counts, and "half a dozen"."""

from __future__ import annotations

import pytest

from corroborate.annotate.quantities import extract_quantities, parse_number
from tests.conftest import make_article


def figures(*sentences: str):
    return extract_quantities(make_article("a", *sentences))


def figure(value: float, *sentences: str):
    return next(q for q in figures(*sentences) if q.value == value)


@pytest.mark.parametrize(
    "sentences, value, measure, head",
    [
        (
            ("The shelter took in 120 stray dogs in March.", "In April it was 150."),
            150,
            "stray dogs",
            "stray dogs",
        ),
        (
            ("Rangers pulled about a dozen abandoned cars from the lake each year.",
             "Last year there were 31."),
            31,
            "abandoned cars",
            "abandoned cars",
        ),
        (
            ("The port handled 2.1 million containers in 2022.", "This year that stood at 2.4 million."),
            2_400_000,
            "containers",
            "containers",
        ),
        (
            ("Volunteers planted 400 trees along the river.", "In 2019 it was 250.",
             "In 2020 it was 310."),
            310,
            "trees along the river",
            "trees",
        ),
    ],
)  # fmt: skip
def test_a_stand_in_takes_the_measure_of_the_figure_before(sentences, value, measure, head):
    found = figures(*sentences)
    q = next(q for q in found if q.value == value)
    lender = next(p for p in found if p.start == q.carried_from)
    assert (q.measure, q.head, q.verb) == (measure, head, "")
    assert lender.sentence == q.sentence - 1


@pytest.mark.parametrize(
    "sentences, value",
    [
        # two measures before: which one "it" means, nobody can say
        (("Police arrested 12 protesters and 30 marchers.", "On Tuesday there were 40."), 40),
        # a money figure before a count: not of one unit
        (("The repairs cost $40,000 last year.", "This year there were 12."), 12),
        # a person, not an impersonal stand-in: what he had is not said
        (("The team won 14 games.", "He had 9."), 9),
        # nothing before it
        (("Last year it was 30.",), 30),
        # an age is not what the next figure counts
        (("The 45-year-old driver was hurt.", "It was 3."), 3),
        # the sentence before is not the one right before
        (("The club sold 900 tickets.", "The band played late.", "It was 700."), 700),
    ],
)
def test_nothing_is_carried_when_the_figure_before_is_not_plainly_meant(sentences, value):
    q = figure(value, *sentences)
    assert (q.measure, q.carried_from) == ("", -1)


def test_a_figure_that_names_what_it_counts_keeps_its_own_measure():
    q = figure(30, "The shelter took in 120 stray dogs.", "It was 30 cats in April.")
    assert q.head == "cats"


@pytest.mark.parametrize(
    "sentence, head",
    [
        ("The army said 12 wounded soldiers were flown out.", "wounded soldiers"),
        ("Searchers looked for five missing children.", "missing children"),
        ("The club has 40 remaining seats.", "remaining seats"),
        ("The council built 300 housing units.", "housing units"),
        # a participle followed by no noun stays the verb of what is counted; a casualty
        # word there leaves out the noun "people" (test_quantities.py)
        ("Officials said 23 killed in the blast were soldiers.", "people"),
        ("2 injured when a snowmobile hits a tree", "people"),
        ("The firm said 40 hired last year had left.", ""),
        # nor before a word that is no plural noun: a verb and its adjective
        ("After the vote the two turned bitter.", ""),
    ],
)
def test_a_participle_before_the_noun_is_part_of_what_is_counted(sentence, head):
    (q,) = figures(sentence)
    assert q.head == head


@pytest.mark.parametrize(
    "text, value",
    [("half a dozen", 6), ("a dozen", 12), ("two dozen", 24), ("half a million", 500_000)],
)
def test_half_a_dozen_is_six(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "sentence, text, unit",
    [
        ("He has coached the side for 12 yrs.", "12 yrs", "year"),
        ("I have been saying so for four [years] now.", "four [years]", "year"),
        ("Turnout rose 5 [percent] in May.", "5 [percent]", "%"),
    ],
)
def test_an_abbreviated_or_bracketed_unit_is_read(sentence, text, unit):
    (q,) = figures(sentence)
    assert (q.text, q.unit) == (text, unit)


@pytest.mark.parametrize(
    "sentence, measure",
    [
        ("The couple were married for 21 years.", "married"),
        ("She has lived in Lisbon for 12 years.", "lived in Lisbon"),
        ("The road stayed shut for 40 days.", "road stayed shut"),
    ],
)
def test_a_measure_read_back_from_a_figure_never_ends_in_a_preposition(sentence, measure):
    (q,) = figures(sentence)
    assert q.measure == measure
