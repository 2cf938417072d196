"""Dates: absolute and relative mentions, resolved against the article's date or an inferred one."""

from __future__ import annotations

import pytest

from corroborate.annotate.dates import extract_dates, infer_published
from corroborate.model import Removed
from tests.conftest import make_article


def dates(sentence: str, published: str | None = "2024-01-20"):
    article = make_article("a", sentence)
    article.published = published
    return extract_dates(article)


def only(sentence: str, published: str | None = "2024-01-20"):
    found = dates(sentence, published)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


@pytest.mark.parametrize(
    "sentence, text, resolved, precision",
    [
        ("The ministers met on December 27 in the capital.", "December 27", "2023-12-27", "day"),
        ("The ministers met on Dec. 27 in the capital.", "Dec. 27", "2023-12-27", "day"),
        ("The report came out Jan. 12 in print.", "Jan. 12", "2024-01-12", "day"),
        ("The ministers met on 27 December in the capital.", "27 December", "2023-12-27", "day"),
        ("The law passed on March 3, 2021 after a vote.", "March 3, 2021", "2021-03-03", "day"),
        ("The law passed in May 2023 after a vote.", "May 2023", "2023-05-01", "month"),
        ("Exports fell sharply in 2022 across the region.", "2022", "2022-01-01", "year"),
        ("The treaty was signed in the year 2000 in Lima.", "the year 2000", "2000-01-01", "year"),
        ("The year 1999 ended with a vote.", "The year 1999", "1999-01-01", "year"),
        ("A summit will be held in early February.", "early February", "2024-02-01", "month"),
        ("Arrivals surged in December at the port.", "December", "2023-12-01", "month"),
        ("The ferry ran until 2024-01-03 on weekdays.", "2024-01-03", "2024-01-03", "day"),
        # a weekday counted within a month is a day of that month, not the last such weekday
        (
            "The board met on the last Friday in August to sign.",
            "the last Friday in August",
            "2023-08-25",
            "day",
        ),
        (
            "Polls open on the second Tuesday of March 2026 in every ward.",
            "the second Tuesday of March 2026",
            "2026-03-10",
            "day",
        ),
    ],
)
def test_absolute_dates(sentence, text, resolved, precision):
    d = only(sentence)
    assert (d.text, d.resolved, d.precision, d.relative) == (text, resolved, precision, False)


@pytest.mark.parametrize(
    "sentence, text, resolved, precision",
    [
        ("The ministers met on Friday in the capital.", "Friday", "2024-01-19", "day"),
        (
            "The agency reported last Thursday that arrivals fell.",
            "last Thursday",
            "2024-01-18",
            "day",
        ),
        ("The ministers will meet on Tuesday in the capital.", "Tuesday", "2024-01-23", "day"),
        # "Last" opening a sentence; on the article's own weekday, the week before
        ("Last Saturday, the mayor opened the pool.", "Last Saturday", "2024-01-13", "day"),
        ("The council voted yesterday on the plan.", "yesterday", "2024-01-19", "day"),
        (
            "Arrivals have fallen so far this month at the port.",
            "so far this month",
            "2024-01-01",
            "month",
        ),
        ("The storm hit last week along the coast.", "last week", "2024-01-08", "week"),
        ("The bridge closed two days ago for repairs.", "two days ago", "2024-01-18", "day"),
        ("Prices rose last year in every region.", "last year", "2023-01-01", "year"),
        # a plan told in the past has had its day; a reported "would" looks ahead
        (
            "The cabinet had been expected to approve it on Thursday.",
            "Thursday",
            "2024-01-18",
            "day",
        ),
        ("Crews said they would stay at the site until Tuesday.", "Tuesday", "2024-01-23", "day"),
        # inside a quotation, the speaker's tense; outside it, the report's
        (
            "“We will put the money on the table on Tuesday,” she said.",
            "Tuesday",
            "2024-01-23",
            "day",
        ),
        ("On Friday the mayor said: “We will pay nothing.”", "Friday", "2024-01-19", "day"),
    ],
)
def test_relative_dates_resolve_against_the_published_date(sentence, text, resolved, precision):
    d = only(sentence)
    assert (d.text, d.resolved, d.precision, d.relative, d.basis) == (
        text,
        resolved,
        precision,
        True,
        "published",
    )


def test_last_weekday_before_a_place_or_a_missing_fifth_weekday_is_not_a_day_of_a_month():
    assert (only("She spoke last Friday in Lisbon.").resolved) == "2024-01-19"
    fifth = only("The fair closes on the fifth Sunday of February.")
    assert (fifth.text, fifth.resolved) == ("the fifth Sunday of February", None)


def test_a_date_relative_to_another_event_stays_text():
    d = only("The second round came three weeks after the first talks.")
    assert (d.text, d.resolved, d.relative) == ("three weeks after", None, True)


def test_without_any_date_relative_mentions_stay_unresolved():
    d = only("The ministers met on Friday in the capital.", published=None)
    assert d.resolved is None and d.basis is None


@pytest.mark.parametrize(
    "sentence, month, resolved",
    [
        ("In 2021, sales totaled 5,000 in November.", "November", "2021-11-01"),
        ("But in 2019, the plant hired staff in April.", "April", "2019-04-01"),
        (
            "The mill opened in March 2019 and closed in October of that year.",
            "October",
            "2019-10-01",
        ),
        # a month named with its year leads on to a later month of its clause
        (
            "The deputy would take office in February 2025, run in a special election in"
            " November, and run again the year after.",
            "November",
            "2025-11-01",
        ),
    ],
)
def test_a_month_takes_the_year_that_frames_it_in_its_sentence(sentence, month, resolved):
    assert {d.text: d.resolved for d in dates(sentence)}[month] == resolved


@pytest.mark.parametrize(
    "sentence, month, resolved",
    [
        # a year that bounds a period ("since 2011") or dates another verb is not the month's:
        # the month lies nearest the article's date (2024-01-20) on its tense's side
        (
            "The lender has kept rates near zero since December 2008, and it is expected to"
            " raise them at its meeting in December.",
            "December",
            "2024-12-01",
        ),
        ("The clerk was arrested in 2014 and pleaded guilty in May.", "May", "2023-05-01"),
        (
            "Fees charged since 2011 will be audited, amid questions over a survey in March.",
            "March",
            "2024-03-01",
        ),
    ],
)
def test_a_month_does_not_borrow_a_year_from_another_phrase(sentence, month, resolved):
    assert {d.text: d.resolved for d in dates(sentence)}[month] == resolved


def test_the_publication_date_is_inferred_from_the_dates_mentioned():
    article = make_article(
        "a",
        "The ministers first met on December 27 in the capital, as in late 2023.",
        "A newspaper reported Jan. 12 that arrivals had fallen.",
        "They met again on Friday.",
    )
    assert infer_published(article) == ("2024-01-19", "inferred")
    friday = [d for d in extract_dates(article) if d.text == "Friday"][0]
    assert (friday.resolved, friday.basis) == ("2024-01-19", "inferred")


def test_nothing_is_inferred_without_a_year():
    article = make_article("a", "They met on Friday, after talks on December 27.")
    assert infer_published(article) == (None, "unknown")


def test_a_given_publication_date_is_kept():
    article = make_article("a", "They met on Friday.")
    article.published, article.published_source = "2024-03-01", "manifest"
    assert infer_published(article) == ("2024-03-01", "manifest")


def test_the_label_drops_what_the_precision_does_not_know():
    d = only("The law passed in May 2023 after a vote.")
    assert d.label == "2023-05"


def test_an_inferred_lower_bound_moves_to_the_story_date_but_a_yearless_article_does_not():
    from corroborate.annotate.dates import date_by_story
    from tests.conftest import make_article

    early = make_article(
        "a", "The talks continued the work begun on December 27, 2023.", "They met on Friday."
    )
    early.published_inferred = "2024-01-05"
    others = [make_article(i, "Officials met on Friday.") for i in ("b", "c")]
    others[0].published, others[1].published = "2024-01-19", "2024-01-20"
    yearless = make_article("d", "Officials met on Wednesday.")
    given = [early, *others, yearless]
    dated = date_by_story(given)
    assert [a is b for a, b in zip(dated, given, strict=True)] == [False, True, True, True]
    assert dated[0].published_inferred == "2024-01-19"
    assert {d.resolved for d in dated[0].dates if d.text == "Friday"} == {"2024-01-19"}
    assert early.published_inferred == "2024-01-05"  # the article given is left as it was
    assert dated[3].published_inferred is None


def test_a_story_date_far_from_the_lower_bound_is_not_adopted():
    from corroborate.annotate.dates import date_by_story
    from tests.conftest import make_article

    a = make_article("a", "They met on Friday.")
    a.published_inferred = "2023-03-03"
    b = make_article("b", "Officials met.")
    b.published = "2024-01-19"
    assert date_by_story([a, b]) == [a, b]
    assert a.published_inferred == "2023-03-03"


def test_a_lead_before_a_colon_or_a_time_frame_sets_the_tense_of_every_clause():
    def days(sentence):
        return {d.text: d.resolved for d in dates(sentence, "2024-01-20")}  # a Saturday

    ahead = "Next weekend: Rovers travel to Millbeck, while United host Oxley on Friday night."
    assert days(ahead)["Friday"] == "2024-01-26"
    assert days("Coming up, United host Oxley Rangers on Friday night.")["Friday"] == "2024-01-26"
    past = "Last week, police said the man was arrested on Friday, and he was charged on Monday."
    assert days(past) == {"Last week": "2024-01-08", "Friday": "2024-01-19", "Monday": "2024-01-15"}
    assert days("Police said: the man was arrested on Friday.") == {"Friday": "2024-01-19"}


# --------------------------------------------------------------------------- tense decides the side
# The sentence's parse says which verb a date hangs on and its tense; a weekday or a yearless
# date then lies on the side of the article's date that the tense says.


def parsed_dates(parser, sentence: str, published: str):
    from corroborate.annotate.dates import tense_sentences
    from corroborate.annotate.grammar import parse_sentences

    article = make_article("a", sentence)
    article.published = published
    article.parses = parse_sentences(article, tense_sentences(article), parser)
    return {d.text: d.resolved for d in extract_dates(article)}


@pytest.mark.parametrize(
    "sentence, published, text, resolved",
    [
        # a modal, a deadline, a present of schedule, a deferral look ahead (Tuesday 2000-08-15)
        (
            "Oxygen aboard the submarine could be exhausted by Friday.",
            "2000-08-15",
            "Friday",
            "2000-08-18",
        ),
        (
            "The film opens Wednesday in theaters across the country.",
            "2000-08-15",
            "Wednesday",
            "2000-08-16",
        ),
        (
            "The hearing was postponed until Friday at the request of the family.",
            "2000-08-15",
            "Friday",
            "2000-08-18",
        ),
        (
            "Lawyers for the boy's relatives will appeal on Thursday, their spokesman said.",
            "2000-08-15",
            "Thursday",
            "2000-08-17",
        ),
        (
            "A majority of voters expect the senator to win Monday's debate.",
            "2016-09-23",
            "Monday's",
            "2016-09-26",
        ),
        (
            "The rally slated for Wednesday in Green Bay was canceled by Sunday.",
            "2016-06-13",
            "Wednesday",
            "2016-06-15",
        ),
        # a past looks back, whatever the rest of the sentence says; a plan told in the past
        # has had its day
        (
            "The cabinet had been expected to approve the plan on Thursday.",
            "2024-01-20",
            "Thursday",
            "2024-01-18",
        ),
        (
            "The mayor said Monday that the city will pay for the repairs.",
            "2000-08-15",
            "Monday",
            "2000-08-14",
        ),
        (
            "Crews stayed at the site until Friday, when the search was called off.",
            "2000-08-19",
            "Friday",
            "2000-08-18",
        ),
        (
            "The tentative deal, announced Friday, would last four years.",
            "2016-05-29",
            "Friday",
            "2016-05-27",
        ),
        (
            "Rescuers tried on Sunday to open the hatch, the navy said.",
            "2000-08-15",
            "Sunday",
            "2000-08-13",
        ),
        # a yearless date: nearest the article's date on the tense's side
        ("The film opens on May 21 in two hundred theaters.", "1999-11-20", "May 21", "2000-05-21"),
        (
            "The survey found 3,210 shooting victims since January 1.",
            "2016-09-29",
            "January 1",
            "2016-01-01",
        ),
        (
            "The court ruled on Feb. 9 that the plan must wait.",
            "2016-09-27",
            "Feb. 9",
            "2016-02-09",
        ),
        (
            "The president leaves office on Jan. 20 after two terms.",
            "2016-09-27",
            "Jan. 20",
            "2017-01-20",
        ),
        # a plan told in the present perfect still stands; asking looks ahead
        (
            "The senator has vowed to stay in the race until the party congress in July.",
            "2024-05-20",
            "July",
            "2024-07-01",
        ),
        (
            "The governor has invited the unions to meet with her on Thursday afternoon.",
            "2024-05-10",
            "Thursday",
            "2024-05-16",
        ),
        # a noun's relative clause tells the noun's time, not the verb the noun hangs on
        (
            "An audit since 2011 will be ordered, amid questions over a survey of February"
            " which would have found leaks.",
            "2024-05-10",
            "February",
            "2024-02-01",
        ),
        # the beginning, the end or the middle of a month, early, mid- or late in it: the
        # month's side is read from the tense like the month's alone
        (
            "The works should last a year, once the temporary beams are installed at the"
            " beginning of June.",
            "2025-03-28",
            "the beginning of June",
            "2025-06-01",
        ),
        (
            "The agency will release the remaining files by the end of February.",
            "2016-11-30",
            "the end of February",
            "2017-02-01",
        ),
        (
            "The committee had raised $2 million through the end of September.",
            "2016-01-29",
            "the end of September",
            "2015-09-01",
        ),
        (
            "Peak pollen season lasts from spring to early October in most states.",
            "2016-06-29",
            "early October",
            "2016-10-01",
        ),
        # a present or a modal says nothing of the side of a happening a weekday owns ("the
        # effect of Monday's vote is still small"): the nearer such weekday
        (
            "The effect of Monday's vote is still small, the analyst wrote.",
            "2016-09-28",
            "Monday's",
            "2016-09-26",
        ),
        (
            "Tuesday night's hearing might not change many minds.",
            "2016-09-29",
            "Tuesday",
            "2016-09-27",
        ),
        (
            "The governor badly needs a win in Tuesday's primary in the north.",
            "2016-04-30",
            "Tuesday's",
            "2016-05-03",
        ),
        # ... but a present state after it still follows it
        (
            "The club is ninth in the table after Saturday's draw at home.",
            "2025-03-13",
            "Saturday's",
            "2025-03-08",
        ),
        # a thing's origin through a noun lies behind ("a recovery from Monday's defeat")
        (
            "The coach is trying to rally the team after the loss from Monday night's game.",
            "2024-09-28",
            "Monday",
            "2024-09-23",
        ),
    ],
)
def test_tense_and_modality_decide_the_side_of_a_date(parser, sentence, published, text, resolved):
    assert parsed_dates(parser, sentence, published)[text] == resolved


def parsed_days(parser, text: str, published: str) -> list[str | None]:
    from corroborate.annotate.dates import tense_sentences
    from corroborate.annotate.grammar import parse_sentences

    article = make_article("a", text)
    article.published = published
    article.parses = parse_sentences(article, tense_sentences(article), parser)
    return [d.resolved for d in extract_dates(article)]


@pytest.mark.parametrize(
    "text, published, days",
    [
        # the day before the article's date, read a week ahead by a misleading modal
        (
            "The union rejected the offer on Saturday. Company managers could not be reached"
            " for comment Saturday.",
            "2024-01-21",
            ["2024-01-20", "2024-01-20"],
        ),
        (
            "The senator won the caucus on Monday. She should get a lift in the polls from the"
            " win Monday, her aides said.",
            "2024-01-16",
            ["2024-01-15", "2024-01-15"],
        ),
        (
            "The agency said on Tuesday that it would delay the rule. The rule was to be"
            " published Tuesday.",
            "2024-01-17",
            ["2024-01-16", "2024-01-16"],
        ),
        # a weekday whose side its sentence only hints is the day the article names otherwise
        (
            "The senator praised the host of Monday night's forum. The forum starts tomorrow"
            " at 9 p.m., and tickets for the forum tomorrow are gone.",
            "2016-09-25",
            ["2016-09-26", "2016-09-26", "2016-09-26"],
        ),
        # a plain future keeps its weekday ahead
        (
            "Flooding closed the bridge on Sunday. Engineers will inspect it Sunday and reopen"
            " it if it is safe.",
            "2024-01-15",
            ["2024-01-14", "2024-01-21"],
        ),
    ],
)
def test_a_weekday_named_alone_names_one_day_in_an_article(parser, text, published, days):
    assert parsed_days(parser, text, published) == days


@pytest.mark.parametrize(
    "lines, published, expected",
    [
        # a weekday restating a date checks its year: Aug. 14, 2000 was a Monday
        (
            ["The boy was found on Aug. 14, which was a Monday, off Florida."],
            "2001-08-29",
            {"Aug. 14": "2000-08-14", "Monday": "2000-08-14"},
        ),
        (
            ["Mourners gathered at Sunday's Sept. 11 memorial in the city."],
            "2016-09-12",
            {"Sunday's": "2016-09-11", "Sept. 11": "2016-09-11"},
        ),
        # a weekday of habit names no day
        (["Crowds gather on Saturday evenings outside the house."], "2000-08-15", {}),
        # "of last year", "of next year"
        (
            ["The campaign started on June 16th of last year in New York."],
            "2016-10-02",
            {"June 16th of last year": "2015-06-16"},
        ),
        # a list's year headers apply to its items, up to the first line that is not one
        (
            [
                "Key dates in the case:",
                "1999:",
                "Nov. 25: The boy is found at sea.",
                "Dec. 10: His father asks for his return.",
                "2000:",
                "Jan. 5: The agency rules.",
                "The family met on Nov. 29 to talk.",
            ],
            "2000-11-30",
            {
                "Nov. 25": "1999-11-25",
                "Dec. 10": "1999-12-10",
                "Jan. 5": "2000-01-05",
                "Nov. 29": "2000-11-29",
            },
        ),
    ],
)
def test_what_the_text_says_around_a_date_places_it(lines, published, expected):
    article = make_article("a", *lines)
    article.published = published
    found = {d.text: d.resolved for d in extract_dates(article) if d.resolved}
    assert found == expected


@pytest.mark.parametrize(
    ("sentences", "inferred", "yearless_day"),
    [
        # a dateline's "Jan 1" read near the body's "December 13, 2018": the article is of
        # January 2019, not of December 2018 with a "Jan 1" eleven months back
        (
            (
                "RIYADH, Jan 1 -- Eight prisoners have arrived.",
                "On December 13, 2018, the parties agreed.",
            ),
            "2019-01-02",
            "2019-01-01",
        ),
        # told as past, a day far from December 13 stays the latest one before the next day
        (
            ("The deal was signed on March 3.", "On December 13, 2018, the parties agreed."),
            "2018-12-14",
            "2018-03-03",
        ),
    ],
)
def test_an_inferred_date_lies_after_every_yearless_day_it_resolves_as_past_or_near(
    sentences, inferred, yearless_day
):
    article = make_article("a", *sentences)
    assert infer_published(article) == (inferred, "inferred")
    found = {d.text: d.resolved for d in extract_dates(article)}
    assert found[next(t for t in found if "2018" not in t)] == yearless_day


# --- ranges of dates: one mention with a start and an end


@pytest.mark.parametrize(
    "sentence, published, text, start, end",
    [
        (
            "Spending on roads rose by a fifth between March 2019 and August 2020, the audit found.",
            "2021-02-01",
            "between March 2019 and August 2020",
            "2019-03",
            "2020-08",
        ),
        (
            "She chaired the water board from 1998 to 2004 before entering parliament.",
            "2021-02-01",
            "from 1998 to 2004",
            "1998",
            "2004",
        ),
        (
            "The phone survey of 812 residents was carried out Nov. 3-7 by the university.",
            "2021-11-12",
            "Nov. 3-7",
            "2021-11-03",
            "2021-11-07",
        ),
        (
            "Voting by post ran from Oct. 28 to Nov. 2 in most districts.",
            "2021-11-12",
            "from Oct. 28 to Nov. 2",
            "2021-10-28",
            "2021-11-02",
        ),
        (
            "The festival runs 12-15 August 2022 on the waterfront.",
            "2022-05-01",
            "12-15 August 2022",
            "2022-08-12",
            "2022-08-15",
        ),
        # an end that names its year gives it to the start: the months run within that year
        (
            "Ticket sales fell from September to December 2019 at both theatres.",
            "2020-03-01",
            "from September to December 2019",
            "2019-09",
            "2019-12",
        ),
        # a season told by its years, the second one short
        (
            "Attendance fell in the 2018-19 season to a record low.",
            "2019-08-01",
            "2018-19",
            "2018",
            "2019",
        ),
        # yearless: placed by its end on the side the tense says, the start before it
        (
            "Prices at the pump climbed steadily between January and April, drivers said.",
            "2022-06-03",
            "between January and April",
            "2022-01",
            "2022-04",
        ),
        (
            "The ski lifts stayed shut from December to February because of the mild weather.",
            "2023-03-20",
            "from December to February",
            "2022-12",
            "2023-02",
        ),
        # a window up to its end
        (
            "Rents rose 4 percent in the 12 months to September, the agency said.",
            "2023-10-20",
            "the 12 months to September",
            "2022-10",
            "2023-09",
        ),
        (
            "The club reported a loss of 9 million pounds for the year ending June 30.",
            "2023-10-20",
            "the year ending June 30",
            "2022-07-01",
            "2023-06-30",
        ),
    ],
)
def test_a_range_is_one_date_with_a_start_and_an_end(sentence, published, text, start, end):
    d = only(sentence, published)
    assert (d.text, d.label, d.end_label, d.is_range) == (text, start, end, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "Between 10 and 20 people were hurt when the stand collapsed.",
        "Between 1800 and 2000 troops were sent to the border.",
        "The hearing was moved from March 3 to March 10 at the request of the defence.",
        "Results are expected from June 2 to 4 p.m. on the council website.",
        "The mayor visited the school in 2008 and 2012, and again last year.",
        "The slowdowns of 1997 and 2008 hurt exporters most.",
        "Support rose from 11 percent in April to 19 percent in August.",
    ],
)
def test_no_range_of_dates_in_counts_times_moves_or_separate_dates(sentence):
    assert not any(d.is_range for d in dates(sentence, "2021-02-01"))


def test_a_range_end_is_its_last_day_and_a_single_date_its_own_period():
    found = dates("The inquiry covered 2009-2013, and reported in May 2016.", "2016-07-01")
    period, month = found
    assert (period.label, period.end_label, period.last_day.isoformat()) == (
        "2009",
        "2013",
        "2013-12-31",
    )
    assert (month.is_range, month.last_day.isoformat()) == (False, "2016-05-31")


def test_a_year_after_a_short_range_is_another_date():
    found = dates("Growth slowed in 1997, 2001-03, 2008 and 2013.", "2019-01-01")
    assert [(d.label, d.end_label) for d in found if d.is_range] == [("2001", "2003")]


def test_the_end_of_a_range_counts_when_the_publication_date_is_inferred():
    # the latest day the article tells as past is the range's end, not its start
    article = make_article("a", "The poll of 900 voters was taken Feb. 11-16, 2024 by phone.")
    published, basis = infer_published(article)
    assert basis == "inferred" and published > "2024-02-16"


@pytest.mark.parametrize(
    "lines, published, expected",
    [
        # a day a calendar rule dates: the nearest such day on the side the words say
        (
            ["Supporters were urged to visit polling places on Election Day, he said."],
            "2016-09-30",
            {"Election Day": "2016-11-08"},
        ),
        (
            ["Shoppers crowded the malls on Black Friday, the retailers said."],
            "2015-12-04",
            {"Black Friday": "2015-11-27"},
        ),
        (
            ["The raids came over New Year's Eve, and the police said little."],
            "2016-01-07",
            {"New Year's Eve": "2015-12-31"},
        ),
        (
            ["He gave an interview at his Labor Day cookout to local reporters."],
            "2016-09-08",
            {"Labor Day": "2016-09-05"},
        ),
        (
            ["The vigil will be held on Good Friday in the square."],
            "2024-03-20",
            {"Good Friday": "2024-03-29"},
        ),
        (
            ["Turkey prices rose before Thanksgiving Day, grocers said."],
            "2023-11-28",
            {"Thanksgiving Day": "2023-11-23"},
        ),
        (
            ["The team must sign him before Christmas or lose him."],
            "2023-12-10",
            {"Christmas": "2023-12-25"},
        ),
        (
            ["Last Christmas the mayor spoke at the shelter."],
            "2024-07-01",
            {"Last Christmas": "2023-12-25"},
        ),
        (
            ["The rally on Memorial Day 2019 drew thousands."],
            "2024-07-01",
            {"Memorial Day 2019": "2019-05-27"},
        ),
        # Inauguration Day comes every four years
        (
            ["The next president must have a plan before Inauguration Day."],
            "2016-09-10",
            {"Inauguration Day": "2017-01-20"},
        ),
        # the federal Election Day comes in even years: none in an odd year's November
        (["Virginia voters go to the polls on Election Day."], "2017-10-10", {}),
        (
            ["Since Election Day, the president-elect has tweeted daily."],
            "2017-01-10",
            {"Election Day": "2016-11-08"},
        ),
        # ... and a sentence about a primary may mean the primary's day
        (
            ["There is anger at the slow count after Election Day and at the loss in the primary."],
            "2016-07-02",
            {},
        ),
        # a rule's day more than half a year off on the side the words say is not dated: a
        # past campaign's, or every year's
        (
            ["Soon after Election Day, the president met historians at the White House."],
            "2016-09-08",
            {},
        ),
        (["By Election Day, his approval was near 60 percent."], "2016-08-10", {}),
        # a feast's name that is no day's: things of its season, a longer name
        (["Mexico retaliated against Christmas trees from Oregon."], "2016-09-28", {}),
        (["He studied societies like Easter Island in his book."], "2016-09-08", {}),
        (
            ["Civil rights leaders joined the Barack Obama Election Day on Nov. 1."],
            "2016-09-19",
            {"Nov. 1": "2016-11-01"},
        ),
        # ... or a thing named after it; an owner before it is no longer name
        (["The Good Friday agreement ended decades of violence."], "2024-03-20", {}),
        (
            ["Obama's Election Day message will air on radio."],
            "2016-10-01",
            {"Election Day": "2016-11-08"},
        ),
        # a long weekend is not its day
        (["She married him on Memorial Day weekend in a small town."], "2016-07-29", {}),
    ],
)
def test_a_day_known_by_its_name_is_dated_by_its_calendar_rule(lines, published, expected):
    article = make_article("a", *lines)
    article.published = published
    found = {d.text: d.resolved for d in extract_dates(article) if d.resolved}
    assert found == expected


@pytest.mark.parametrize(
    "lines, published, expected",
    [
        # no rule dates "Super Tuesday": no plain Tuesday, and no date without a tie
        (
            ["Rubio faces inhospitable territory next week in the Super Tuesday contests."],
            "2016-02-25",
            {"next week": "2016-02-29", "Super Tuesday": None},
        ),
        (
            ["The campaign's first ads ran in Colorado, key states in his Super Tuesday strategy."],
            "2016-02-11",
            {"Super Tuesday": None},
        ),
        # the article ties it to a date on its weekday: every mention of the name takes it
        (
            [
                "Nevada votes on Feb. 20. After that, 11 states hold contests on March 1, known as"
                " Super Tuesday.",
                "Rubio hopes to win three states on Super Tuesday.",
            ],
            "2016-02-10",
            {"Feb. 20": "2016-02-20", "March 1": "2016-03-01", "Super Tuesday": "2016-03-01"},
        ),
        (
            ["He could fare well on Super Tuesday, when 15 states will vote on March 1."],
            "2016-02-04",
            {"Super Tuesday": "2016-03-01", "March 1": "2016-03-01"},
        ),
        (
            ["He sent staff to all 11 of the 'Super Tuesday' March 1 states."],
            "2016-01-31",
            {"Super Tuesday": "2016-03-01", "March 1": "2016-03-01"},
        ),
        # another name is another day: "Super Tuesday II" on its own date
        (
            [
                "Trump swept Super Tuesday, March 1, and looks to March 15, the so-called Super"
                " Tuesday II."
            ],
            "2016-03-03",
            {
                "Super Tuesday": "2016-03-01",
                "March 1": "2016-03-01",
                "March 15": "2016-03-15",
                "Super Tuesday II": "2016-03-15",
            },
        ),
        # the name's weekday checks the date's year (read a year back by its words)
        (
            ["The field did not narrow until after Super Tuesday on March 1."],
            "2016-01-10",
            {"Super Tuesday": "2016-03-01", "March 1": "2016-03-01"},
        ),
        # a date near it that is no tie, or not on its weekday, does not date it
        (
            ["After Super Tuesday, the next contests are on March 8 in Michigan."],
            "2016-03-02",
            {"Super Tuesday": None, "March 8": "2016-03-08"},
        ),
        (
            ["Super Tuesday, March 2, will decide it."],
            "2016-02-20",
            {"Super Tuesday": None, "March 2": "2016-03-02"},
        ),
        # a year written with it dates its year
        (
            [
                "It is the first contested primary since the state took part in the 1988 Super"
                " Tuesday."
            ],
            "2016-05-18",
            {"1988 Super Tuesday": "1988"},
        ),
    ],
)
def test_a_day_known_by_a_name_no_rule_dates_takes_only_the_date_the_article_ties_it_to(
    lines, published, expected
):
    article = make_article("a", *lines)
    article.published = published
    assert {d.text: d.label for d in extract_dates(article)} == expected


@pytest.mark.parametrize(
    "lines, published, expected",
    [
        # "that year" is the year named last before it, in its sentence or the two before
        (
            [
                "Bill Clinton came out of the contests bruised in 1992.",
                "He turned his image around between the end of the primaries in early June of"
                " that year and the convention.",
            ],
            "2016-04-20",
            {"1992": "1992", "early June": "1992-06"},
        ),
        (
            ["The company was founded in 2001.", "On Oct. 5 of that year, it listed its shares."],
            "2016-04-20",
            {"2001": "2001", "Oct. 5": "2001-10-05"},
        ),
        # a range's two years, or none near: which year is "that year"? Not dated
        (
            ["He served from 2001 to 2005.", "In May of that year he resigned."],
            "2016-04-20",
            {"from 2001 to 2005": "2001", "May": None},
        ),
        (["In May of that year he resigned."], "2016-04-20", {"May": None}),
    ],
)
def test_that_year_refers_back_to_the_year_named_last(lines, published, expected):
    article = make_article("a", *lines)
    article.published = published
    assert {d.text: d.label for d in extract_dates(article)} == expected


@pytest.mark.parametrize(
    "sentence, published, text, resolved",
    [
        (
            "The debate was held on the eve of Martin Luther King Day in Charleston.",
            "2016-01-18",
            "the eve of Martin Luther King Day",
            "2016-01-17",
        ),
        (
            "A super PAC sends its greeting on the day after Christmas, aides said.",
            "2015-12-24",
            "the day after Christmas",
            "2015-12-26",
        ),
        (
            "The candidate flies home the day before Super Tuesday, March 1.",
            "2016-02-20",
            "the day before Super Tuesday",
            "2016-02-29",
        ),
    ],
)
def test_the_day_before_or_after_a_named_day_is_that_day_moved(sentence, published, text, resolved):
    assert {d.text: d.resolved for d in dates(sentence, published)}[text] == resolved


def test_a_named_day_is_dated_by_its_rule_against_a_given_date_only():
    # "eve" written small is the eve too
    assert {d.text: d.label for d in dates("Aid workers were seized on Christmas eve.")} == {
        "Christmas eve": "2023-12-24"
    }
    # no publication date: the date inferred from the others' is no ground for the rule's year
    found = dates(
        "The results came on Dec. 3, 2019. A skier died in Utah on New Year's Eve, police said.",
        None,
    )
    assert {d.text: d.label for d in found} == {
        "Dec. 3, 2019": "2019-12-03",
        "New Year's Eve": None,
    }


# A "will" or "would" in the sentence puts its dates ahead of the article's only as far as they
# can be: a date lying wholly before the article's own day is behind it (the tense looks ahead
# at another word of the sentence), one on that day or after it is ahead.


@pytest.mark.parametrize(
    "sentence, text",
    [
        # a year bounding a past period, or the year a thing was made, in a "will" sentence
        (
            "The cooperative, which has farmed the valley since 1998, will sell its orchards.",
            "1998",
        ),
        ("The choir, founded in 1952, will tour the coast next summer.", "1952"),
        # a month or a month's day with no year that the sentence's words only hint ahead
        ("The grant will pay for the roof, as the bishop pledged on January 9.", "January 9"),
        # a reported future about a date already behind ("would" of a report made back then)
        ("In 2019 the ministry said it would close the depot.", "2019"),
        # a count of time back from the article's day
        ("The plan unveiled two years ago will go before the council.", "two years ago"),
        # a range that ended before the article's day
        ("The audit will cover the accounts from 2011 to 2015.", "from 2011 to 2015"),
    ],
)
def test_a_date_before_the_articles_day_is_no_day_ahead_whatever_the_will(sentence, text):
    (mention,) = [d for d in dates(sentence, "2024-01-20") if d.text == text]
    assert mention.resolved and mention.side.startswith("ahead") and mention.future is False


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("The choir will tour the coast in 2024.", "2024"),  # the article's own year
        ("The choir will sing on January 20 at the abbey.", "January 20"),  # its own day
        ("The choir will tour the coast in March.", "March"),
        ("The audit will cover the accounts from 2019 to 2025.", "from 2019 to 2025"),
        ("The ministry would close the depot in 2026, the minister said.", "2026"),
    ],
)
def test_a_date_on_or_after_the_articles_day_in_a_will_sentence_is_ahead(sentence, text):
    (mention,) = [d for d in dates(sentence, "2024-01-20") if d.text == text]
    assert mention.future is True


def test_the_day_before_the_articles_own_counts_on_either_side():
    # as for a yearless date read ahead: news written the evening before it is dated
    mention = only("The choir will sing at the abbey on January 19.")
    assert (mention.resolved, mention.future) == ("2024-01-19", True)
    mention = only("The choir will sing at the abbey, as it did on January 18.")
    assert (mention.resolved, mention.future) == ("2024-01-18", False)


@pytest.mark.parametrize(
    "lines, where, published, expected",
    [
        # a day of the US calendar in an article that gives no other country: the US day
        (
            ["Airports braced for crowds in the days before Thanksgiving."],
            {},
            "2025-11-20",
            {"Thanksgiving": "2025-11-27"},
        ),
        # ... in another country's coverage, that country's day may be meant: not dated
        (
            ["Airports braced for crowds in the days before Thanksgiving."],
            {"url": "https://www.cbc.ca/news/canada/airports-1.7350"},
            "2025-10-08",
            {"Thanksgiving": None},
        ),
        (
            ["Polling stations stayed open late on Election Day in three districts."],
            {"url": "https://www.abc.net.au/news/2025-05-04/count"},
            "2025-05-04",
            {"Election Day": None},
        ),
        (
            ["Ferry crossings were cancelled over Labor Day as the storm moved in."],
            {"outlet": "The Globe and Mail"},
            "2025-09-03",
            {"Labor Day": None},
        ),
        (
            ["Ferry crossings were cancelled over Labor Day as the storm hit."],
            {"removed": [Removed("HAMILTON, Ont. —", "dateline")]},
            "2025-09-03",
            {"Labor Day": None},
        ),
        (
            ["Wreaths were laid at the memorial on Memorial Day, officials said."],
            {"language": "fr"},
            "2025-05-30",
            {"Memorial Day": None},
        ),
        # a town in a US state is no other country's, whatever its name
        (
            ["Wreaths were laid at the courthouse on Memorial Day."],
            {"removed": [Removed("LONDON, Ky. (AP) —", "dateline")]},
            "2025-05-30",
            {"Memorial Day": "2025-05-26"},
        ),
        # an address on a domain used the world over says no country
        (
            ["Wreaths were laid at the courthouse on Memorial Day."],
            {"url": "https://localnews.tv/story/wreaths"},
            "2025-05-30",
            {"Memorial Day": "2025-05-26"},
        ),
        # a day every country keeps on one date is dated wherever the article is from
        (
            ["Volunteers served meals at the shelter on Christmas Eve."],
            {"url": "https://www.bbc.co.uk/news/uk-england-67812"},
            "2025-12-28",
            {"Christmas Eve": "2025-12-24"},
        ),
        # a name that says it is the US day is dated even in another country's coverage
        (
            ["Retailers in Toronto expect a rush of shoppers after U.S. Thanksgiving."],
            {"outlet": "CBC News"},
            "2025-11-20",
            {"Thanksgiving": "2025-11-27"},
        ),
        # ... and one that says it is another country's is none of the US calendar's
        (
            ["Canadian Thanksgiving falls early, and growers said the harvest was thin."],
            {},
            "2025-10-15",
            {},
        ),
        (["Orchards sold out of pies before Thanksgiving in Canada."], {}, "2025-10-15", {}),
        (["Stores in Ontario stayed shut on Labour Day, the union said."], {}, "2025-09-03", {}),
        # a text that names other countries' places, and the US never, is theirs
        (
            [
                "Veterans in Seoul bowed their heads as a siren sounded on Memorial Day.",
                "Families travelled from across Korea to the cemetery.",
            ],
            {},
            "2025-06-06",
            {"Memorial Day": None},
        ),
        # ... not when it names the US too
        (
            [
                "Veterans in Seoul and Ohio bowed their heads on Memorial Day.",
                "Families travelled from across Korea to the cemetery.",
            ],
            {},
            "2025-05-28",
            {"Memorial Day": "2025-05-26"},
        ),
    ],
)
def test_a_day_of_the_us_calendar_is_dated_only_where_the_article_is_no_other_countrys(
    lines, where, published, expected
):
    article = make_article("a", *lines)
    article.published = published
    for field, value in where.items():
        setattr(article, field, value)
    assert {d.text: d.resolved for d in extract_dates(article)} == expected


@pytest.mark.parametrize(
    "where, evidence",
    [
        ({"url": "https://www.stuff.co.nz/national/1350"}, "address stuff.co.nz"),
        ({"url": "https://edition.cnn.com/2025/11/04/politics"}, None),
        ({"outlet": "thejournal.ie"}, "address thejournal.ie"),
        ({"outlet": "The Times of India"}, "outlet The Times of India"),
        ({"outlet": "The Washington Post"}, None),
        (
            {"removed": [Removed("NEW DELHI (Reuters) -", "dateline")]},
            "dateline NEW DELHI (Reuters) -",
        ),
        ({"removed": [Removed("SPRINGFIELD, Mass. —", "dateline")]}, None),
        # a country the manifest gives decides, before the address or the dateline
        ({"attrs": {"country": "Ireland"}}, "country Ireland"),
        ({"attrs": {"country": "USA"}, "url": "https://www.stuff.co.nz/x"}, None),
        ({"attrs": {"country": "United States"}}, None),
        ({"attrs": {"country": "NZ"}, "outlet": "The Washington Post"}, "country NZ"),
    ],
)
def test_another_country_reads_the_address_outlet_and_dateline(where, evidence):
    from corroborate.annotate.dates import another_country

    article = make_article("a", "Farmers marched.")
    for field, value in where.items():
        setattr(article, field, value)
    assert another_country(article) == evidence


@pytest.mark.parametrize(
    "clause, ahead",
    [
        ("the committee will vote on Thursday", True),
        ("Will praised the senator's speech on Thursday", False),  # a name, not the modal
        ("as the columnist Will wrote on Thursday", False),
        ("the board shall meet on Thursday", True),
    ],
)
def test_only_a_lower_case_will_puts_a_clause_ahead(clause, ahead):
    from corroborate.date_expressions import is_future_context

    assert is_future_context(clause) is ahead


@pytest.mark.parametrize(
    "where, evidence",
    [
        # the region of the language tag: another country's marks its coverage
        ({"region": "GB"}, "language tag en-GB"),
        ({"region": "CA", "url": "https://example.com/x"}, "language tag en-CA"),
        ({"region": "IN"}, "language tag en-IN"),
        ({"region": "419", "language": "es"}, "language es"),  # a part of the world, no country
        # the United States' is US coverage ...
        ({"region": "US"}, None),
        ({"region": "PR"}, None),
        ({"region": "US", "language": "es"}, None),  # Spanish of a US outlet
        # ... but outweighs no other evidence: "en-US" is publishing software's default
        ({"region": "US", "url": "https://www.cbc.ca/news/x"}, "address cbc.ca"),
        (
            {"region": "US", "removed": [Removed("TORONTO (CP) —", "dateline")]},
            "dateline TORONTO (CP) —",
        ),
        # the manifest's country decides before the tag
        ({"region": "GB", "attrs": {"country": "United States"}}, None),
        ({"region": "US", "attrs": {"country": "Canada"}}, "country Canada"),
    ],
)
def test_another_country_reads_the_region_of_the_language_tag(where, evidence):
    from corroborate.annotate.dates import another_country

    article = make_article("a", "Farmers marched.")
    for field, value in where.items():
        setattr(article, field, value)
    assert another_country(article) == evidence


THANKSGIVING_PAGE = """<!DOCTYPE html>
<html {lang}>
<head>
  <meta charset="utf-8">
  {locale}
  <title>Orchards sell out before the holiday</title>
  <meta property="article:published_time" content="2025-10-08T09:00:00Z">
</head>
<body><main><article>
  <h1>Orchards sell out before the holiday</h1>
  <p>Growers said on Tuesday that orchards would stay open on Thanksgiving.</p>
  <p>Several farms said they would open longer hours over the weekend to meet demand.</p>
  <p>Prices rose by a fifth on last year, a growers' association said.</p>
</article></main></body>
</html>
"""


def _read_page(tmp_path, html, manifest=None):
    """The page read, cleaned and split into its lines as sentences, as the brief reads it."""
    from corroborate.model import Sentence
    from corroborate.read.clean import clean_article
    from corroborate.read.ingest import ingest

    page = tmp_path / "corpus" / "page.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(html, encoding="utf-8")
    if manifest is not None:
        (tmp_path / "corpus" / "manifest.csv").write_text(manifest, encoding="utf-8")
    (article,), rejected = ingest([tmp_path / "corpus"])
    assert not rejected
    clean_article(article)
    cursor = 0
    for line in article.text.split("\n"):
        article.sentences.append(
            Sentence(article.id, len(article.sentences), cursor, cursor + len(line), line)
        )
        cursor += len(line) + 1
    return article


@pytest.mark.parametrize(
    "lang, locale, manifest, thanksgiving",
    [
        ('lang="en-CA"', "", None, None),  # Canada's Thanksgiving is not the US one
        ('lang="en_GB"', "", None, None),
        ('lang="en"', '<meta property="og:locale" content="en_AU">', None, None),
        ("", '<meta property="og:locale" content="en_NZ">', None, None),
        ('lang="en-US"', "", None, "2025-11-27"),
        ('lang="en"', "", None, "2025-11-27"),  # nothing says another country
        # a manifest's language tag, over the page's
        ('lang="en-US"', "", "file,language\npage.html,en-CA\n", None),
        ('lang="en-CA"', "", "file,language\npage.html,en-US\n", "2025-11-27"),
        # ... and its country over both
        ('lang="en-CA"', "", "file,country\npage.html,United States\n", "2025-11-27"),
    ],
)
def test_a_page_tagged_with_another_countrys_english_leaves_a_us_day_undated(
    tmp_path, lang, locale, manifest, thanksgiving
):
    html = THANKSGIVING_PAGE.format(lang=lang, locale=locale)
    article = _read_page(tmp_path, html, manifest)
    assert article.published == "2025-10-08"
    assert {d.text: d.resolved for d in extract_dates(article)}["Thanksgiving"] == thanksgiving
