"""Quantities: every figure found, with the right value, qualifier, unit, measure and period."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.annotate.quantities import (
    extract_quantities,
    number_to_words,
    parse_number,
    place_name,
)
from corroborate.model import Mention
from tests.conftest import make_article, make_paragraphs, tag_names


def quantities(sentence: str):
    return extract_quantities(make_article("a", sentence))


def only(sentence: str):
    found = quantities(sentence)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Officials counted 242,418 arrivals at the port.", 242418),
        ("The lake holds 3 000 boats in summer.", 3000),
        ("Prices rose by 2.4 on the index.", 2.4),
        ("Some seven million residents voted.", 7_000_000),
        ("A dozen schools closed early.", 12),
        ("The year ended with 2 million 475 thousand 669 visitors at the parks.", 2475669),
        ("About 2.4 million tourists came through the airport.", 2_400_000),
        ("The council approved $180 million for new roads.", 180_000_000),
        ("The council approved US $180 million for new roads.", 180_000_000),
        ("The bank lent €45 million to farmers.", 45_000_000),
        ("The bank lent €45m to farmers.", 45_000_000),
        ("Twenty-five volunteers cleaned the beach.", 25),
        ("Three hundred and twelve sheep were sold.", 312),
        ("Half a million households lost power.", 500_000),
        ("The utility runs 12 lines to the coast.", 12),
        ("The audit put the bill at a quarter of a billion pounds.", 250_000_000),
        ("Two thirds of a million fans watched online.", pytest.approx(666_667, rel=1e-5)),
        ("Some three quarters of a million ballots were late.", 750_000),
        ("The fund reached 1.25 billion dollars.", 1_250_000_000),
    ],
)
def test_a_figure_written_in_any_form_has_its_value(sentence, value):
    assert only(sentence).value == pytest.approx(value)


@pytest.mark.parametrize(
    "sentence, unit, value",
    [
        ("Workers repaired the 1,210-kilometer-long pipeline last spring.", "km", 1210),
        ("The trail runs for more than 3,000 km through the hills.", "km", 3000),
        ("Turnout was 64% in the district.", "%", 64),
        ("Turnout was 64 percent in the district.", "%", 64),
        ("The fire burned 12,400 acres of forest.", "acre", 12400),
        ("The storm dropped 8 inches of rain on the coast.", "in", 8),
        ("Crews moved 40 tons of debris from the road.", "t", 40),
        ("Temperatures reached 104 degrees Fahrenheit downtown.", "°F", 104),
        ("The tower is 330 meters tall.", "m", 330),
        ("The roof of the 12,000-square-metre depot fell in.", "m2", 12000),
        ("The depot covers about 21,000 square metres.", "m2", 21000),
        ("The cabin has 900 sq ft of floor space.", "ft2", 900),
    ],
)
def test_units_are_normalised(sentence, unit, value):
    q = only(sentence)
    assert (q.unit, q.value) == (unit, value)


@pytest.mark.parametrize(
    "sentence, qualifier",
    [
        ("Some 2.4 million people crossed the bridge.", "some"),
        ("About 500 people attended the rally.", "about"),
        ("Around 10,000 fans waited outside.", "about"),
        ("Nearly 300 homes flooded overnight.", "nearly"),
        ("Almost 40 ships were delayed.", "nearly"),
        ("Over 300,000 tickets were sold.", "over"),
        ("More than 520,000 walkers crossed the pass.", "more than"),
        ("Just over 9,000 votes were counted.", "just over"),
        ("At least 108 people were hurt.", "at least"),
        ("Up to 60 trains were cancelled.", "up to"),
        ("Fewer than 20 shops stayed open.", "fewer than"),
        ("Police reported a record 11,000 calls.", "record"),
    ],
)
def test_qualifiers_are_kept(sentence, qualifier):
    assert only(sentence).qualifier == qualifier


@pytest.mark.parametrize(
    "sentence, low, high",
    [
        ("Between 8 and 10 boats capsized near the pier.", 8, 10),
        ("Officials expect 8 to 10 new clinics.", 8, 10),
        ("Each tree needs 20-30 liters of water.", 20, 30),
    ],
)
def test_ranges_have_bounds(sentence, low, high):
    q = only(sentence)
    assert (q.low, q.high, q.value) == (low, high, None)


@pytest.mark.parametrize(
    "sentence, per",
    [
        ("Guards stopped 11,000 cars a day at the crossing.", "day"),
        ("The clinic treats about 500 patients per week.", "week"),
        ("Around 10,000 people cross the river every day.", "day"),
        ("The plant ships 200 crates daily.", "day"),
    ],
)
def test_rates_know_their_time_unit(sentence, per):
    assert only(sentence).per == per


@pytest.mark.parametrize(
    "sentence",
    [
        "The law was passed in 2023 after a long debate.",
        "The talks took place on Dec. 27 in the capital.",
        "The talks took place on 27 December in the capital.",
        "The train leaves at 10:30 every morning.",
        "The briefing starts at 3 p.m. sharp.",
        "She finished 27th in the race.",
        "It was popular in the 80's among students.",
        "1/2",
        "Traffic on Highway 49 was stopped by police.",
        "The COVID-19 rules ended in spring.",
        "Calls to the 311 line went unanswered all week.",
        "Residents were told to call 999 if they felt unwell.",
        "The 800 number printed on the letters was wrong.",
    ],
)
def test_years_dates_times_ordinals_counters_and_identifiers_are_not_quantities(sentence):
    assert quantities(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # phone numbers, however written
        "Readers with tips can call the newsroom at 404-555-0182 or 1-800-555-0199.",
        "The hotline, (212) 555-0147, is open all night.",
        "Families abroad should ring +44 20 7946 0958 for news.",
        # time stamps, seasons, addresses and postcodes
        "Updated 2019-09-01T10:38:07.190Z by the desk.",
        "The 2014-15 campaign ended in May.",
        "Protesters gathered outside 1600 Pennsylvania Avenue at noon.",
        "Write to the office in Atlanta, GA 30303 before Friday.",
        # scores and tallies
        "Bristol City came from behind to beat Charlton 2-1 at home.",
        "The tie ended 2-2 on aggregate.",
        "The court ruled 5-4 against the company.",
        # names with a number in them, and an identifier with its suffix
        "The S&P 500 rose after lunch.",
        "Shares in the FTSE 100 index slipped.",
        "The new iPhone 14 Pro sold out on launch day.",
        "Engineers tested it to ISO 3888-2 on the track.",
        "Fans still talk about the Kick Six in Alabama.",
        # days of a month in a range, and a lone scale word
        "The hunt runs Sept. 20-24 and Oct. 18-22 this fall.",
        "Debt reached trillion-dollar levels.",
    ],
)
def test_phones_stamps_addresses_scores_and_names_are_not_quantities(sentence):
    assert quantities(sentence) == []


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("A tapered tip of 1.5mm was used.", 1.5, "mm"),
        ("The plan offers 30Mbps downloads.", 30, "Mbps"),
        ("The phone has a 60GB memory.", 60, "GB"),
        ("Each home gets a 5kW solar system.", 5, "kW"),
        ("The shares trade at a 24pc discount.", 24, "%"),
        ("Shares closed at 164p.", 164, "pence"),
        ("The engine makes 204 hp at full power.", 204, "hp"),
        ("The property was sold for AUD1.5m last week.", 1_500_000, "AUD"),
        ("The sisters laundered RM3.06mil from victims.", 3_060_000, "MYR"),
        ("Global debt was about $US113 trillion.", 113e12, "USD"),
        ("The firm plans to mine 1.2m tons of ore.", 1_200_000, "t"),
        ("She won the 100m sprint in Rome.", 100, "m"),
        ("The gas is cooled to minus-260 degrees Fahrenheit.", -260, "°F"),
        ("It was 2.14degF warmer than the average.", 2.14, "°F"),
    ],
)
def test_glued_units_currency_codes_and_signs_are_read(sentence, value, unit):
    q = only(sentence)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "sentence, value, low, high",
    [
        ("A third of those screened were obese.", pytest.approx(1 / 3), None, None),
        ("Half the condos have sold.", 0.5, None, None),
        ("One fourth of the population is vaccinated.", 0.25, None, None),
        ("The recipe needs 1/2 pound of chocolate.", 0.5, None, None),
        ("The duty adds tens of thousands of dollars to a home.", None, 10_000, 100_000),
        ("The firm will announce thousands of job cuts.", None, 1_000, 10_000),
        ("Exit polls show 7 in 10 voters were worried.", 0.7, None, None),
        ("It is just one of four mission concepts.", 0.25, None, None),
        ("He spent 1 in every 5 days at a golf club.", 0.2, None, None),
    ],
)
def test_fractions_ratios_and_vague_scales_are_figures(sentence, value, low, high):
    q = only(sentence)
    assert (q.value, q.low, q.high) == (value, low, high)


@pytest.mark.parametrize(
    "sentence, vague",
    [
        ("Hundreds of volunteers searched the hillside.", True),
        ("The strike cost airlines millions of euros.", True),
        ("Tens of thousands of fans lined the parade route.", True),
        ("A dozen schools closed early.", False),
        ("Between eight and ten climbers were stranded.", False),
        ("Half the condos have sold.", False),
        ("The ferry carried 1,200 passengers.", False),
    ],
)
def test_a_scale_with_no_number_is_marked_vague(sentence, vague):
    assert only(sentence).vague is vague


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("About 1000 come from Asia.", 1000),
        ("Prices will go up by an average of 1500.", 1500),
        ("The firm hired 1500 workers last spring.", 1500),
    ],
)
def test_four_digits_are_a_count_when_a_hedge_or_a_plural_noun_says_so(sentence, value):
    assert only(sentence).value == value


def test_a_year_before_a_noun_a_year_modifies_is_still_a_year():
    assert quantities("The 2020 elections were delayed.") == []


def test_a_decimal_figure_with_its_scale_is_whole():
    values = [q.value for q in quantities("The firm sells 2.9 million 9 liter cases a year.")]
    assert values == [2_900_000, 9]


def test_a_number_word_fused_with_a_feature_is_no_count():
    assert [q.value for q in quantities("A three-bed flat costs $590 a week.")] == [590]
    assert [q.value for q in quantities("The nine-member board met.")] == [9]


def test_a_unit_written_after_the_first_figure_only_makes_no_range():
    values = [(q.value, q.unit) for q in quantities("The index gained 0.68 per cent to 3,005.47.")]
    assert values == [(0.68, "%"), (3005.47, None)]


@pytest.mark.parametrize(
    "sentence", ["The meeting came three weeks after the first round.", "Nobody came two days ago."]
)
def test_the_distance_of_a_relative_date_is_a_figure_framed_as_such(sentence):
    assert only(sentence).frame == "date_offset"


@pytest.mark.parametrize(
    "sentence, frame",
    [
        ("In May it was 170 boats.", None),  # the month, not the modal
        ("Will Smith paid $20 million for the house.", None),  # a name, not the modal
        ("Prices may rise 5 percent next year.", "expected"),
        ("The company will hire 300 workers.", "expected"),
    ],
)
def test_may_and_will_forecast_only_as_verbs(sentence, frame):
    assert only(sentence).frame == frame


@pytest.mark.parametrize(
    "sentence, frame",
    [
        ("The archive has worked to scan 40,000 letters for its website.", "expected"),
        ("The charity is trying to raise $250,000 for the shelter.", "expected"),
        ("The charity raised $250,000 for the shelter.", None),
    ],
)
def test_an_effort_toward_a_figure_is_not_what_was_done(sentence, frame):
    assert only(sentence).frame == frame


def test_a_figures_place_is_named_in_its_sentence_or_the_one_before_in_its_paragraph():
    article = tag_names(
        "GPE",
        make_paragraphs(
            "a",
            ["Flooding hit Portugal's north on Sunday.", "Rescuers saved 140 residents."],
            ["Ferries stopped for 36 hours in Spain.", "Crews cleared 85 roads."],
            ["Crews repaired 22 bridges."],
        ),
        "Portugal",
        "Spain",
    )
    by_value = {q.value: q.places for q in extract_quantities(article)}
    assert by_value[140] == ("portugal",)  # the sentence before, in its paragraph
    assert by_value[85] == ("spain",)
    assert by_value[22] == ()  # another paragraph's place is not its own


@pytest.mark.parametrize(
    ("name", "read"),
    [("the U.S.", "united states"), ("America", "united states"), ("Chile's", "chile")],
)
def test_a_place_has_one_name_however_it_is_written(name, read):
    assert place_name(name) == read


def test_one_of_a_group_is_a_count_of_one():
    assert only("It is one of the oldest bridges in town.").value == 1


def test_a_list_number_is_not_a_quantity():
    article = make_article("a", "1. Enhanced patrols on the coast.", "2. New radar stations.")
    assert extract_quantities(article) == []


@pytest.mark.parametrize(
    "sentence, measure",
    [
        (  # an age is not counted by the clause after it
            "The Ghanaian forward, 23, signed at the training ground, where 200 fans waited.",
            "age of Ghanaian forward",
        ),
        (
            "The 23-year-old Ghana international signed a five-year deal.",
            "age of Ghana international",
        ),
        ("Residents were moved to a hall, said Ruth Ames, 61.", "age of Ruth Ames"),
        ("A man aged 40 was arrested in Leeds.", "age of man"),
        ("The girl was 12 years old when she left.", "age"),
        ("But at 19 she has time on her side.", "age"),
    ],
)
def test_an_age_is_the_age_of_whom_it_qualifies(sentence, measure):
    age = quantities(sentence)[0]
    assert age.measure == measure and age.unit == "year"


@pytest.mark.parametrize(
    "sentence",
    [
        "Revenue fell to 40, from 52, the company said.",
        "Sales rose in 2023, 12 stores opened.",
        "In 2019, 45 people died.",
    ],
)
def test_a_figure_between_commas_is_no_age_unless_it_follows_a_name_or_noun(sentence):
    assert not any(q.measure.startswith("age") for q in quantities(sentence))


def test_a_season_is_a_period_and_a_later_clause_does_not_lend_its_month():
    (goals,) = quantities(
        "She finished last season as the top scorer with 19 goals, and scored twice in a "
        "friendly in July."
    )
    assert (goals.measure, goals.period) == ("goals", "last season")


@pytest.mark.parametrize(
    "sentence, measure",
    [
        (
            "Agents reported 242,418 vehicle inspections at the northern port in May.",
            "vehicle inspections at the northern port",
        ),
        (
            "Officials said 7 million tourists have visited the coast this year.",
            "tourists have visited the coast",
        ),
        (
            "A record 520,000 hikers, including some 120,000 children, crossed the pass in 2023.",
            "hikers crossed the pass",
        ),
        (
            "The number of cyclists counted on the bridge last week was just over 9,000.",
            "cyclists counted on the bridge",
        ),
        (
            "The ministry said $40 million will be invested in rural clinics.",
            "invested in rural clinics",
        ),
        (  # an adverb between auxiliary and verb; the time frame after is not the measure
            "At least 61.2 million people were internally displaced at the end of 2021.",
            "people were internally displaced",
        ),
        (
            "About 300 families recently arrived in the valley.",
            "families recently arrived in the valley",
        ),
        (  # an irregular past is the verb of what was done to what is counted
            "By noon 12 ambulances were sent to the quarry.",
            "ambulances were sent to the quarry",
        ),
        (  # a stretch of time counted back is when, not what
            "Queues fell from hundreds of cars daily a couple of weeks ago to 40 a day now.",
            "cars",
        ),
        (  # the noun before "of", after two modifiers
            "The board expects a yearly regional average of $3.10 per ticket.",
            "average",
        ),
        # a pronoun stands for what was counted in an earlier sentence: no measure is made up
        ("The year before, it was 45.", ""),
        ("Last spring there were 17 - costing the port dearly.", ""),
    ],
)
def test_the_measure_is_what_the_figure_counts(sentence, measure):
    assert quantities(sentence)[0].measure == measure


@pytest.mark.parametrize(
    "sentence, period",
    [
        ("Agents reported 242,418 inspections at the port in November.", "November"),
        ("In 2021, inspections totaled 235,173 in November.", "November 2021"),
        ("The 2022 fiscal year ended with 1,200 new hires.", "fiscal year 2022"),
        (
            "Between October 2021 and September 2022, some 2.4 million trips were made.",
            "fiscal year 2022",
        ),
        ("Some 40,000 trees were planted in 2020.", "2020"),
        ("The tally was 9,000 last week.", "last week"),
        # a stretch of time up to now, one name however it is worded
        ("The clinic treated 310 patients in the past 24 hours.", "past 24 hours"),
        ("Some 1,450 ballots were returned over the last two weeks.", "past 2 weeks"),
        ("Rangers have rescued 14 hikers over the past few days.", "past few days"),
        # a relative clause after the figure has its own time, not the figure's
        ("The 450-metre-long pier, which opened in 1911, needs repairs.", None),
        ("Grants of $2 million, which were promised in May, are late.", None),
        # a time phrase that dates another happening ("founded in", "built in")
        ("Corran Foods, a bakery founded in 1952, employs 140 people in the valley.", None),
        ("The mill, built in 1880, produced 3,000 tonnes of flour in 2024.", "2024"),
        # ... after the figure too: when the thing named began, not what the figure covers
        ("The clerks have scanned 18,000 deeds, a project that began in March.", None),
        ("Ferries carried 6,500 riders on a route launched in 2019.", None),
        # a weekday dates a happening: it is no period
        ("Volunteers collected 1,200 bags of litter on Sunday.", None),
        # an ending is not a beginning: the count runs from then
        ("Nearly 90 cinemas have closed since 2015, the guild says.", "2015"),
        # a range of dates is one period, whatever way it is written
        ("The county lost 4,300 factory jobs from 2001 to 2007.", "2001 – 2007"),
        ("Between 2001 and 2007, the county lost 4,300 factory jobs.", "2001 – 2007"),
        ("The county lost 4,300 factory jobs in 2001-07.", "2001 – 2007"),
        ("Some 12,000 new voters registered between January and April.", "January – April"),
        (
            "Turnout reached 61 percent from September to December 2019.",
            "September 2019 – December 2019",
        ),
        ("The phone poll of 812 residents was carried out Nov. 3-7.", "November 3 – November 7"),
        ("Rents rose 4 percent in the 12 months to September.", "12 months to September"),
        # the nearest time phrase, the figure's rate included in the figure
        (
            "Queues fell from hundreds of cars daily a couple of weeks ago to 40 a day now.",
            "a couple of weeks ago",
        ),
        (
            "Sales dropped from 900 a week three months ago to about 200 a week this month.",
            "three months ago",
        ),
    ],
)
def test_the_period_comes_from_the_sentence(sentence, period):
    assert quantities(sentence)[0].period == period


def test_spans_point_at_the_verbatim_surface():
    article = make_article(
        "a", "Officials said some 2.4 million people moved.", "Nearly 300 homes flooded."
    )
    for q in extract_quantities(article):
        assert article.text[q.start : q.end] == q.text
    assert [q.sentence for q in extract_quantities(article)] == [0, 1]


def test_the_rounding_a_figure_implies_is_recorded():
    assert only("Some 2.4 million people moved.").step == 100_000
    assert only("Exactly 242,418 people moved.").step == 1
    # a fraction of a scale is a round figure, read to a tenth of it (not to the fraction)
    assert only("A quarter of a billion people moved.").step == 25_000_000


# --------------------------------------------------------------------------- round trips


@given(st.integers(min_value=0, max_value=10**12))
def test_an_integer_with_thousands_separators_parses_back(n):
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1000, max_value=10**9))
def test_an_integer_with_space_separators_parses_back(n):
    assert parse_number(f"{n:,}".replace(",", " ")) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_an_integer_in_words_parses_back(n):
    assert parse_number(number_to_words(n)) == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million", "billion"]))
def test_digits_with_a_scale_word_parse_back(n, scale):
    factor = {"thousand": 10**3, "million": 10**6, "billion": 10**9}[scale]
    assert parse_number(f"{n} {scale}") == n * factor


@given(st.integers(min_value=1, max_value=10**9))
def test_a_figure_in_a_sentence_is_found_whole(n):
    q = only(f"The agency counted {n:,} visitors at the gate.")
    assert q.value == n


def test_a_share_is_compared_as_a_percentage():
    from corroborate.annotate.quantities import in_base_unit

    assert in_base_unit(only("Seven in 10 voters were worried.")).value == pytest.approx(70)
    assert only("More than nine of 10 voters were worried.").qualifier == "more than"


def _with_people(*sentences: str, people: tuple[str, ...]):

    article = make_article("a", *sentences)
    for s in article.sentences:
        for name in people:
            at = s.text.find(name)
            if at >= 0:
                start = s.start + at
                article.mentions.append(
                    Mention("a", start, start + len(name), name, "PERSON", s.index)
                )
    return extract_quantities(article)


def test_a_pronouns_age_is_the_age_of_the_person_named_before():
    (age,) = _with_people(
        "Sonny Mehta, the head of Knopf, has died at his home.",
        "He was 77.",
        people=("Sonny Mehta",),
    )
    assert (age.measure, age.head) == ("age of Sonny Mehta", "age")


def test_an_unnamed_age_is_only_guessed_and_never_contradicts():
    ages = _with_people(
        "The royal joined Crown Prince Frederik, 51, and Queen Margrethe on Thursday.",
        "The 47-year-old opted for a white gown.",
        people=("Crown Prince Frederik", "Queen Margrethe"),
    )
    guessed = next(q for q in ages if q.value == 47)
    assert guessed.head == "" and guessed.measure == "age of Queen Margrethe"


def test_a_pronoun_before_a_counting_verb_is_no_head():
    (q,) = quantities("The year before, it was 45.")
    assert (q.head, q.measure) == ("", "")


def test_a_rate_ends_the_figure_before_its_period_is_read():
    sales = quantities(
        "Sales dropped from 900 a week three months ago to about 200 a week this month."
    )
    assert [(q.text, q.per, q.period) for q in sales if q.per] == [
        ("900 a week", "week", "three months ago"),
        ("about 200 a week", "week", "this month"),
    ]


def test_the_words_around_a_figure_are_kept_within_its_sentence_folded_and_straightened():
    article = make_article(
        "a",
        "Rain fell.",
        "She said we’ve waited at the Café Müller for 45 minutes, or more.",
        "Then",
    )
    (q,) = extract_quantities(article)
    assert q.words_before == "said we've waited at the cafe muller for"
    assert q.words_after == "or more"


def test_the_people_and_organisations_of_a_figures_sentence_are_kept():
    article = tag_names(
        "ORG",
        make_article("a", "Last year his crew, part of Harlow Council, spent $90,000 on repairs."),
        "Harlow Council",
    )
    (q,) = extract_quantities(article)
    assert q.names == ("harlow council",)
    assert q.subject == ""  # not in the clause before the figure: the parse puts it aside


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Last year the flooding cost Harlow Council $2.4 million in repairs.", "Harlow Council"),
        ("In 2019 the Ferris County roads department paid €95,000 to fix it.", "Ferris County"),
        ("Last month Dana Okafor spent £4,000 on legal fees.", "Dana Okafor"),
    ],
)
def test_money_paid_out_over_a_stated_period_by_someone_named_is_an_expense(sentence, name):
    (q,) = extract_quantities(tag_names("ORG", make_article("a", sentence), name))
    assert q.expense and q.period


@pytest.mark.parametrize(
    "sentence",
    [
        # two amounts paid out last year: which one another outlet means, nobody can say
        "Last year Harlow Council spent $40,000 on pitches and paid $12,000 in fees.",
        # no period stated
        "The flooding cost Harlow Council $2.4 million in repairs.",
        # money, but not paid out
        "Last year Harlow Council raised $2.4 million from parking.",
        # a forecast
        "Next year Harlow Council is expected to spend $2.4 million on repairs.",
        # a bound
        "Last year Harlow Council paid more than $2 million for gritting.",
    ],
)
def test_money_not_surely_one_expense_is_not_marked(sentence):
    found = extract_quantities(tag_names("ORG", make_article("a", sentence), "Harlow Council"))
    assert found and not any(q.expense for q in found)


@pytest.mark.parametrize(
    "sentence, count",
    [
        ("2 injured when snowmobile crashes into tree", 2),
        ("Three dead after fire guts a farmhouse near Lodi.", 3),
        ("Police said 14 were hurt and 3 killed when the bus overturned.", 3),
    ],
)
def test_a_bare_count_before_a_casualty_word_counts_people(sentence, count):
    q = next(q for q in quantities(sentence) if q.value == count)
    assert q.head == "people"


@pytest.mark.parametrize(
    "sentence, head",
    [
        ("Five firefighters injured as the roof fell in.", "firefighters"),
        ("The army said 12 wounded soldiers were flown out.", "wounded soldiers"),
    ],
)
def test_a_noun_with_a_casualty_word_stays_the_head(sentence, head):
    (q,) = quantities(sentence)
    assert q.head == head


def test_a_figure_only_the_title_gives_is_read_with_a_span_into_the_title():
    article = make_article("a", "You have reached the limit for free access.", "Log in.")
    article.title = "Four hurt when van hits wall in Dorset"
    found = extract_quantities(article)
    (q,) = [q for q in found if q.in_title]
    assert article.title[q.start : q.end] == q.text == "Four"
    assert (q.value, q.head, q.sentence) == (4, "people", -1)
    assert not [q for q in found if not q.in_title]


def test_an_article_without_a_title_has_no_title_figures():
    article = make_article("a", "The bridge is 120 metres long.")
    assert [q.in_title for q in extract_quantities(article)] == [False]


def test_a_name_spacy_ran_into_the_figure_is_the_words_before_it():

    article = make_article("a", "Last year it was 23, costing Harlow Transit 90-thousand-dollars.")
    start = article.text.index("Harlow")
    end = len(article.text) - 1
    article.mentions.append(Mention("a", start, end, article.text[start:end], "ORG", 0))
    money = next(q for q in extract_quantities(article) if q.unit == "USD")
    assert money.names == ("harlow transit",) and money.expense


@pytest.mark.parametrize(
    "title, sentence",
    [
        ("State to pay €180m for bridge repairs", "The state will spend €180 million on it."),
        ("Repairs to take 8 to 10 months", "The repair is expected to take 8 to 10 months."),
        ("Flood toll: 12 dead", "Twelve people died in the flood, police said."),
        ("Council balks at £32m stadium debt", "It will not guarantee the £32 million loan."),
    ],
)
def test_a_title_figure_the_text_gives_too_is_read_from_the_text_only(title, sentence):
    article = make_article("a", sentence)
    article.title = title
    found = extract_quantities(article)
    assert found and not any(q.in_title for q in found)


@pytest.mark.parametrize(
    "title, sentence, head",
    [
        ("Two hurt as bus hits tree on ring road", "The bus had two drivers on board.", "people"),
        ("Factory to shed 300 jobs", "The plant bought 300 robots last year.", "jobs"),
        ("Club sells 5,000 season tickets", "Prices rose for 5,000 pensioners.", "season tickets"),
    ],
)
def test_a_title_figure_is_kept_when_the_texts_same_value_counts_another_thing(
    title, sentence, head
):
    """The text gives the headline's value, but of another thing: the headline's figure is
    the article's claim of its own, not a repeat."""
    article = make_article("a", sentence)
    article.title = title
    found = extract_quantities(article)
    (q,) = [q for q in found if q.in_title]
    assert q.head == head and len(found) == 2


def test_a_vague_scale_in_a_title_is_no_figure_of_the_article():
    article = make_article("a", "The fire spread quickly overnight.")
    article.title = "Wildfire forces thousands to flee hill town"
    assert extract_quantities(article) == []


_OPENS_ON_HER = (
    "Queen Anneliese is the guest of honour at the winter gala in Oslo tonight.",
    "She arrived shortly after eight with her daughters.",
    "Dressed in green velvet, the 58-year-old greeted the crowd.",
)


def test_an_epithets_age_is_of_the_titled_person_the_article_opens_on_told_of_by_pronoun():
    ages = [q for q in extract_quantities(make_article("a", *_OPENS_ON_HER)) if q.value == 58]
    assert [(q.measure, q.head) for q in ages] == [("age of Queen Anneliese", "age")]


@pytest.mark.parametrize(
    "sentences",
    [
        # the pronoun is of another gender: someone else is told of
        (_OPENS_ON_HER[0], "He arrived shortly after eight with his sons.", _OPENS_ON_HER[2]),
        # the sentence before does not go on about anyone by pronoun
        (_OPENS_ON_HER[0], "The band arrived shortly after eight.", _OPENS_ON_HER[2]),
        # the article does not open on a titled person
        ("The winter gala in Oslo drew a crowd tonight.", *_OPENS_ON_HER[1:]),
        # opens on a titled name, but not as the subject of a verb
        ("Queen Anneliese and the gala: a night in Oslo.", *_OPENS_ON_HER[1:]),
    ],
)
def test_an_epithets_age_without_that_chain_stays_of_nobody_said(sentences):
    (q,) = [q for q in extract_quantities(make_article("a", *sentences)) if q.value == 58]
    assert q.head == "" and q.measure == "age"


@pytest.mark.parametrize(
    ("text", "poll"),
    [
        ("A Harbourview Institute poll has the mayor at 46 percent.", "harbourview institute"),
        ("The Daily Lantern's national tracking poll gives her 46 percent.", "daily lantern"),
        ("A survey conducted by Marlow College found 46 percent support.", "marlow college"),
        (
            "The University of Eastvale/Westshire Post poll found 46 percent.",
            "university of eastvale/westshire post",
        ),
        # the poll named in the sentence before, in the same paragraph
        (
            "The Harbourview Institute poll came out on Monday. Her lead is 6 points.",
            "harbourview institute",
        ),
        # a poll, named nowhere, or two named: which one, nobody can say
        ("The survey has a margin of error of 3 percentage points.", ""),
        ("Tuesday's poll found 46 percent support.", ""),
        # a quantifier at a sentence's start is no pollster's name
        ("Several polls show the mayor within 2 points of her rival.", ""),
        ("Most surveys give her 46 percent.", ""),
        ("Unlike the Lantern poll, the Marlow College survey gave her 46 percent.", ""),
        ("Sales rose 5 percent last year.", None),
    ],
)
def test_the_poll_a_figure_is_told_of(text, poll):
    (q,) = [
        q for q in extract_quantities(make_article("a", text)) if q.unit in ("%", "pp", "point")
    ]
    assert q.poll == poll


def test_a_poll_named_in_an_earlier_paragraph_is_not_taken_for_this_one():
    article = make_paragraphs(
        "a", ["The Harbourview Institute poll came out on Monday."], ["Her lead is 6 points."]
    )
    (q,) = [q for q in extract_quantities(article) if q.unit == "point"]
    assert q.poll is None


@pytest.mark.parametrize(
    "language, text",
    [
        ("de", "Das Spiel beginnt um 21.30 Uhr, 48 000 Zuschauer werden erwartet."),
        ("fr", "Les travaux commenceront le 25 mars et coûteront 180 millions d'euros."),
        ("pl", "W wypadku rannych zostało 48 tys. osób, podała policja."),
    ],
)
def test_figures_are_read_in_english_articles_only(language, text):
    # the rules read what a figure measures from English words: elsewhere a time of day, a
    # date or a word for thousand would be taken for a count and set against other outlets
    article = make_article("a", text)
    article.language = language
    assert extract_quantities(article) == []


@pytest.mark.parametrize(
    "text, measure",
    [
        ("Of the dead, 1.1 percent of those who died were under 50, the institute said.", None),
        ("Most of the victims were over 70, officials said.", "age of victims"),
        ("Residents under 18 must be accompanied by an adult.", "age of residents"),
        ("Officials said people over 65 are most at risk.", "age of people"),
    ],
)
def test_a_bound_on_peoples_age_is_an_age_not_a_count(text, measure):
    (q,) = [q for q in extract_quantities(make_article("a", text)) if q.unit != "%"]
    assert (q.measure, q.head, q.unit) == (measure or "age of those who died", "age", "year")


@pytest.mark.parametrize(
    "text", ["Deaths were over 50 by Friday.", "Over 70 victims were found in the rubble."]
)
def test_a_bound_on_a_count_stays_a_count(text):
    (q,) = extract_quantities(make_article("a", text))
    assert q.head != "age"


def test_a_figure_with_no_place_near_is_counted_where_the_article_mostly_is():
    article = tag_names(
        "GPE",
        make_paragraphs(
            "a",
            ["Storms hit Norway on Monday.", "Norway's coast guard was called out."],
            ["A report listed the damage.", "Workers repaired 22 bridges."],
        ),
        "Norway",
    )
    (bridges,) = [q for q in extract_quantities(article) if q.value == 22]
    assert bridges.places == ("norway",)


def test_a_count_between_two_numbers_stays_a_range_of_numbers_not_dates():
    q = only("Between 10 and 20 people were hurt when the stand collapsed.")
    assert (q.low, q.high, q.period) == (10, 20, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The reforms followed the banking collapse of 2008-9 in the region.",
        "A table of arrests covering 2003-2016 is attached to the report.",
        "The poll was taken Sept. 16-19 by telephone.",
    ],
)
def test_the_numbers_of_a_range_of_dates_are_no_figures(sentence):
    assert quantities(sentence) == []


def test_a_figure_far_into_a_long_line_keeps_its_hedge_and_currency():
    # the words before a figure are read near it, not over the whole line, with the same result
    said = "The council met again to discuss the harbour works and the road plans."
    article = make_paragraphs("a", [said] * 8 + ["It approved more than US $45 million."])
    q = next(q for q in extract_quantities(article) if q.value == 45_000_000)
    assert (q.qualifier, q.unit) == ("more than", "USD")
    assert q.text.startswith("more than US $45 million")
