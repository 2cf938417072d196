"""Quantities: what a figure measures is right or left empty, never a stray word of its sentence
(a pronoun, a stressing adverb, a span of time, a name it sits in)."""

from __future__ import annotations

import pytest

from corroborate.annotate.quantities import extract_quantities
from tests.conftest import make_article


def figure(value: float, sentence: str):
    found = extract_quantities(make_article("a", sentence))
    return next(q for q in found if q.value == value or q.low == value)


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Of the nurses surveyed, 61 percent of them plan to leave.", 61),
        ("Well, something like 900 of us were sent home early.", 900),
        ("When the pay offer came, 55 percent rejected it outright.", 55),
        ("If you borrow $12,000 you will pay it back over ten years.", 12000),
    ],
)
def test_a_pronoun_is_no_measure(sentence, value):
    assert figure(value, sentence).measure == ""


@pytest.mark.parametrize(
    "sentence, value, measure",
    [
        ("The museum hung the 14 banners she painted in the hall.", 14, "banners"),
        ("About 30 percent of tenants saying they felt unsafe moved out.", 30, "tenants"),
        ("Around 45 percent of parents who drive them to school agreed.", 45, "parents"),
    ],
)
def test_a_measure_stops_where_a_clause_of_its_own_starts(sentence, value, measure):
    assert figure(value, sentence).measure == measure


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Only 18 percent said yes.", 18),
        ("The index puts her rating at a solid 52 percent.", 52),
        ("The league held the draw for the past 25 years.", 25),
        ("Grants cover a student's first two years.", 2),
        ("The dam was rebuilt by the Northern Water Board within three years.", 3),
        ("Orphans younger than 16 who were alone got a flat.", 16),
    ],
)
def test_a_stressing_word_or_a_span_of_time_is_no_measure(sentence, value):
    assert figure(value, sentence).measure == ""


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("She spoke at the Rising Under 30 Forum in Leeds.", 30),
        ("Critics praised the Gang of Six plan on Monday.", 6),
        ("The study followed people between the ages of 18 and 30 for a year.", 30),
    ],
)
def test_a_number_in_a_name_or_an_age_range_measures_nothing(sentence, value):
    assert figure(value, sentence).measure == ""


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The minister talked to farmers for 40 minutes outside the town hall.", 40),
        ("Their lead is 6 points among older voters.", 6),
        ("The council lost $2 million in repairing the pier.", 2_000_000),
        ("Residents were saying 300 before the count ended.", 300),
        ("The hall seats 800 people, not 1,200.", 1200),
    ],
)
def test_a_setting_a_negation_or_a_verb_of_saying_is_no_measure(sentence, value):
    assert figure(value, sentence).measure == ""


@pytest.mark.parametrize(
    "sentence, value, measure",
    [
        # a sum given is what its giver gives: the verb's subject names it
        (
            "The state will spend €40 million, the minister said.",
            40_000_000,
            "spending of the state",
        ),
        ("The firm has only spent $3 million so far.", 3_000_000, "spending of the firm"),
        (
            "The council invested $2 million in repairing the pier.",
            2_000_000,
            "investment of the council",
        ),
        # a name alone before a figure is what is measured
        ("Dormexa 20 mg and 40 mg were recalled.", 20, "Dormexa"),
        ("Dormexa 20 mg and 40 mg were recalled.", 40, "Dormexa"),
        # the verb a figure is the subject of stays
        ("Some 3,000 pilgrims crossed the river.", 3000, "pilgrims crossed the river"),
    ],
)
def test_what_the_design_reads_stays(sentence, value, measure):
    assert figure(value, sentence).measure == measure


@pytest.mark.parametrize(
    "sentence, value, measure",
    [
        ("Some 41 percent of drivers backed it, compared with 35 percent in May.", 35, "drivers"),
        ("Ticket sales fell from 9,000 to 7,500 this season.", 7500, None),
        ("Just 14 of the 60 stalls reopened.", 14, "stalls reopened"),
    ],
)
def test_a_figure_takes_the_measure_of_the_one_it_is_compared_with(sentence, value, measure):
    q = figure(value, sentence)
    if measure is None:  # the measure the other figure has, whatever it is read as
        other = figure(9000, sentence)
        assert q.measure == other.measure
    else:
        assert q.measure == measure


def test_the_figures_a_pronoun_points_at_lend_it_their_measure():
    sentence = "The rangers tagged 40 owls, and 12 of them had nested twice."
    assert figure(12, sentence).measure == "owls"


def test_a_stand_in_measure_takes_its_neighbours_wherever_it_stands():
    sentence = "Officials logged 5,210 ferry crossings in May, close to April's total of 5,150."
    assert figure(5150, sentence).measure == figure(5210, sentence).measure == "ferry crossings"


def test_a_streak_is_no_measure():
    assert "row" not in figure(6, "The index gained for six days in a row.").measure


def test_a_day_before_or_after_a_figure_is_when_not_what():
    q = figure(300000, "The farm was sold for $300,000 the day before the auction.")
    assert "day" not in q.measure


def test_a_later_figure_lends_no_measure_to_one_with_its_own_verb():
    sentence = "In the poll 46 percent would pick Ames, while 5 percent prefer Brook."
    assert "Brook" not in figure(46, sentence).measure


def test_a_headline_in_title_case_is_no_name():
    found = extract_quantities(
        make_article("a", "Mayor Faces Critics After Spending 1 of 4 Weeks on Foreign Trips")
    )
    (q,) = [q for q in found if q.text == "1 of 4"]
    assert q.measure == "Weeks on Foreign Trips"


@pytest.mark.parametrize(
    "sentence, value, measure",
    [
        (
            "The fund said $25 million will be allocated to Kenya, Uganda, South Sudan and Chad.",
            25_000_000,
            "allocated to Kenya, Uganda, South Sudan and Chad",
        ),
        (
            "The mayor won 61 percent of the vote in Leeds, York, and Hull last spring.",
            61,
            "vote in Leeds, York, and Hull",
        ),
        (
            "The carrier added 40 flights into Lisbon, Porto or Faro for the summer.",
            40,
            "flights into Lisbon, Porto or Faro",
        ),
    ],
)
def test_a_figure_spread_over_a_list_of_names_measures_the_whole_list(sentence, value, measure):
    assert figure(value, sentence).measure == measure


@pytest.mark.parametrize(
    "sentence, value, measure",
    [
        # a clause after the place, not a list of places
        (
            "Some 40 people were injured in Leeds, police and medics said.",
            40,
            "people were injured in Leeds",
        ),
        # names that go on with no closing "and": no list is read
        ("About 12 workers in Leeds, York were laid off.", 12, "workers in Leeds"),
    ],
)
def test_a_comma_after_a_name_that_opens_no_list_ends_the_measure(sentence, value, measure):
    assert figure(value, sentence).measure == measure
