"""Timeline: dated happenings merged across outlets and sorted by date."""

from __future__ import annotations

import pytest

from corroborate.annotate.dates import extract_dates
from corroborate.compare.timeline import build_timeline
from tests.conftest import make_article


def timeline(*articles):
    return build_timeline(list(articles), {a.id: extract_dates(a) for a in articles})


def dated(article_id, published, *sentences):
    article = make_article(article_id, *sentences)
    article.published = published
    return article


def test_the_same_happening_from_two_outlets_is_one_entry_with_both_sources():
    a = dated(
        "a", "2024-01-20", "The ministers met in the capital on December 27 to discuss trade."
    )
    b = dated("b", "2024-01-21", "Trade ministers held a meeting in the capital on Dec. 27.")
    items = timeline(a, b)
    assert len(items) == 1
    assert items[0].date == "2023-12-27" and items[0].precision == "day"
    assert items[0].sources == ("a", "b")
    assert items[0].text in (a.text, b.text)


def test_entries_are_sorted_and_distinct_happenings_kept_apart():
    a = dated(
        "a",
        "2024-01-20",
        "The ministers met again on Friday to review the trade deal.",
        "Their first meeting took place on December 27 in the capital.",
        "Exports fell sharply in 2022 across the region.",
    )
    items = timeline(a)
    assert [(i.date, i.precision) for i in items] == [
        ("2022-01-01", "year"),
        ("2023-12-27", "day"),
        ("2024-01-19", "day"),
    ]


def test_week_level_mentions_are_not_on_the_timeline():
    a = dated("a", "2024-01-20", "The storm hit the coast last week, officials said.")
    assert timeline(a) == []


def test_planned_happenings_are_marked():
    a = dated("a", "2024-01-20", "A summit will be held in the capital in early February.")
    (item,) = timeline(a)
    assert item.planned is True and item.date == "2024-02-01"


def test_a_dated_attribution_carries_the_quotation_it_closes():
    a = dated(
        "a",
        "2024-01-20",
        "Talks on the river dam resumed.",
        "“We lost two harvests. We cannot lose a third.”",
        "Farm minister Ida Lund told reporters on January 10.",
    )
    items = timeline(a)
    assert [i.text for i in items] == [
        "“We lost two harvests. We cannot lose a third.”\n"
        "Farm minister Ida Lund told reporters on January 10."
    ]
    span = items[0].span  # a verbatim span of the article, the quotation included
    assert (span.article_id, a.text[span.start : span.end]) == ("a", items[0].text)


def test_a_dated_sentence_after_a_plain_sentence_stands_alone():
    a = dated(
        "a", "2024-01-20", "The dam was closed.", "Farm minister Ida Lund visited it on January 10."
    )
    (item,) = timeline(a)
    assert item.text == "Farm minister Ida Lund visited it on January 10."
    assert a.text[item.span.start : item.span.end] == item.text and item.article_id == "a"


# --------------------------------------------------------------------------- date conflicts


def dated_article(article_id, published, sentence, outlet):
    from corroborate.annotate.dates import extract_dates

    article = make_article(article_id, sentence, outlet=outlet)
    article.published = published
    article.dates = extract_dates(article)
    return article


def conflicts_of(articles, copies=(), events=None):
    from corroborate.compare.timeline import date_conflicts

    events = events if events is not None else [[a.id for a in articles]]
    return date_conflicts(articles, {a.id: a.dates for a in articles}, copies, events)


def test_a_planned_day_two_outlets_give_differently_is_a_date_conflict():
    a = dated_article(
        "a",
        "2000-11-20",
        "The film will open in theaters nationwide on May 21, the studio said.",
        "Wire",
    )
    b = dated_article(
        "b",
        "2001-01-10",
        "The film is set to open in theaters nationwide on May 19, the studio announced.",
        "Times",
    )
    (conflict,) = conflicts_of([a, b], events=[["a"], ["b"]])
    assert conflict.kind == "date"
    assert [(c.value, c.article_ids) for c in conflict.claims] == [
        ("2001-05-19", ("b",)),
        ("2001-05-21", ("a",)),
    ]
    assert [a.text[s.start : s.end] for s in conflict.claims[1].spans] == ["May 21"]


@pytest.mark.parametrize(
    "first, second, outlets, events",
    [
        # two happenings: hearing arguments is not ruling
        (
            "The court will hear arguments in the custody case on Tuesday.",
            "The court will rule in the custody case on Friday.",
            ("Wire", "Times"),
            [["a", "b"]],
        ),
        # one outlet's two dispatches are one source: an update, not a conflict
        (
            "The film will open in theaters nationwide on May 21.",
            "The film will open in theaters nationwide on May 19.",
            ("Wire", "Wire"),
            [["a", "b"]],
        ),
        # past meetings on two days reported as two events are two meetings
        (
            "Lawyers for the family met with immigration officials on Tuesday.",
            "Lawyers for the family met with immigration officials on Thursday.",
            ("Wire", "Times"),
            [["a"], ["b"]],
        ),
    ],
)
def test_no_date_conflict_without_one_happening_told_by_two_sources(first, second, outlets, events):
    a = dated_article("a", "2000-01-14", first, outlets[0])
    b = dated_article("b", "2000-01-14", second, outlets[1])
    assert conflicts_of([a, b], events=events) == []


def test_a_past_happening_two_reports_of_one_event_date_differently_is_a_conflict():
    a = dated_article(
        "a",
        "2000-01-14",
        "Lawyers for the family met with immigration officials on Tuesday.",
        "Wire",
    )
    b = dated_article(
        "b",
        "2000-01-14",
        "Lawyers for the family met with immigration officials on Thursday.",
        "Times",
    )
    c = dated_article(
        "c",
        "2000-01-14",
        "Lawyers for the family met with immigration officials on Jan. 11.",
        "Post",
    )
    (conflict,) = conflicts_of([a, b, c])
    assert [(x.value, x.article_ids) for x in conflict.claims] == [
        ("2000-01-11", ("a", "c")),
        ("2000-01-13", ("b",)),
    ]


def test_a_present_of_schedule_is_read_ahead_for_the_comparison(parser):
    from corroborate.annotate.dates import extract_dates, tense_sentences
    from corroborate.annotate.grammar import parse_sentences

    def parsed(article_id, published, sentence, outlet):
        article = make_article(article_id, sentence, outlet=outlet)
        article.published = published
        article.parses = parse_sentences(article, tense_sentences(article), parser)
        article.dates = extract_dates(article)
        return article

    a = parsed("a", "2000-11-20", "The film opens in theaters nationwide on May 21.", "Wire")
    b = parsed("b", "2001-01-10", "The film will open in theaters nationwide on May 19.", "Times")
    (conflict,) = conflicts_of([a, b], events=[["a"], ["b"]])
    assert [c.value for c in conflict.claims] == ["2001-05-19", "2001-05-21"]


def _planned(article_id, published, *sentences, outlet):
    from corroborate.annotate.dates import extract_dates
    from corroborate.annotate.quantities import extract_quantities

    article = make_article(article_id, *sentences, outlet=outlet)
    article.published = published
    article.dates = extract_dates(article)
    article.quantities = extract_quantities(article)
    return article


@pytest.mark.parametrize("other_figure, conflicts", [("27", 1), ("23 of its 29", 0)])
def test_sentences_giving_different_figures_are_different_happenings(other_figure, conflicts):
    # one state's 27 delegates chosen on one Saturday, another's 23 of 29 on the next
    a = _planned(
        "a", "2016-04-08", "Party members will select 27 delegates on Saturday.", outlet="Wire"
    )
    b = _planned(
        "b",
        "2016-04-15",
        f"Party members will select {other_figure} delegates on Saturday.",
        outlet="Times",
    )
    assert len(conflicts_of([a, b], events=[["a", "b"]])) == conflicts


@pytest.mark.parametrize("also_names_the_other_day, conflicts", [(False, 1), (True, 0)])
def test_an_article_naming_both_days_tells_two_happenings(also_names_the_other_day, conflicts):
    a = _planned(
        "a", "2016-03-01", "The party will hold its county convention on March 12.", outlet="Wire"
    )
    sentences = ["The party will hold its county convention on March 19."]
    if also_names_the_other_day:
        sentences.append("Precinct meetings will follow on March 12.")
    b = _planned("b", "2016-03-01", *sentences, outlet="Times")
    assert len(conflicts_of([a, b], events=[["a", "b"]])) == conflicts


def _parsed_dates(parser, article_id, published, *sentences):
    from corroborate.annotate.dates import dated_sentences
    from corroborate.annotate.grammar import parse_sentences

    article = dated(article_id, published, *sentences)
    article.parses = parse_sentences(article, dated_sentences(article), parser)
    article.dates = extract_dates(article)
    return article


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        (
            "The minister received the envoys on Friday to review pledges made on March 3 "
            "in the capital.",
            "pledges made on March 3 in the capital",
        ),
        (
            "Mr. Ortiz, who resigned from the board on Monday, will testify next month.",
            "Mr. Ortiz, who resigned from the board on Monday",
        ),
        (  # the sentence's happening is set off from the day: the day is the primary's
            "The governor campaigned across the state ahead of Tuesday's primary.",
            "Tuesday's primary",
        ),
    ],
)
def test_a_date_in_a_clause_describing_a_noun_dates_that_noun_not_the_sentence(
    parser, sentence, told
):
    a = _parsed_dates(parser, "a", "2024-03-20", sentence)
    entries = [e for e in build_timeline([a], {"a": a.dates}) if told in a.text]
    clause = next(e for e in entries if e.text == told)
    assert a.text[clause.span.start : clause.span.end] == told  # verbatim, traceable
    whole = a.sentences[0].text
    assert all(e.text != whole or e.date != clause.date for e in entries)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council approved the budget on Monday after a long debate.",  # the sentence's verb
        "A poll released Thursday shows the mayor ahead by nine points.",  # what the poll told
        "The governor said at a rally held Tuesday that taxes would fall.",  # where it was said
        "Officials attended Friday's meeting in the capital.",  # the meeting's day is theirs
    ],
)
def test_a_date_of_the_sentence_or_of_what_tells_it_keeps_the_whole_sentence(parser, sentence):
    a = _parsed_dates(parser, "a", "2024-03-20", sentence)
    (entry,) = build_timeline([a], {"a": a.dates})
    assert entry.text == sentence


def test_a_clause_read_once_stays_when_the_story_re_dates_an_unparsed_article(parser):
    a = _parsed_dates(
        parser, "a", "2024-03-20", "Mr. Ortiz, who resigned from the board on Monday, will testify."
    )
    (phrase,) = {m.phrase for m in a.dates}
    a.parses = {}  # as an article read back from the store
    again = extract_dates(a, reference="2024-03-21")
    assert {m.phrase for m in again} == {phrase}


def test_a_date_inside_a_quotation_dates_the_quotation_not_a_piece_of_it(parser):
    sentence = 'The chief said: "Nobody was hurt, which is the only thing that matters today."'
    a = _parsed_dates(parser, "a", "2024-03-20", sentence)
    (entry,) = build_timeline([a], {"a": a.dates})
    assert entry.text == sentence


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        # a compound's head is the dated noun: the vote, not "Dec. 19 House"
        (
            "The leader offered an explanation after the Dec. 19 House vote on the bill.",
            "the Dec. 19 House vote on the bill",
        ),
        # a part of the day is no happening: the sentence stays whole
        (
            "Hundreds of workers fell ill until Wednesday morning during the strike.",
            "Hundreds of workers fell ill until Wednesday morning during the strike.",
        ),
    ],
)
def test_the_noun_a_day_is_set_off_from_is_a_happening(parser, sentence, told):
    a = _parsed_dates(parser, "a", "2024-03-20", sentence)
    (entry,) = build_timeline([a], {"a": a.dates})
    assert entry.text == told


def test_a_date_outside_the_quotation_dates_the_report_not_the_speakers_today():
    # published on a Sunday; the words were said on Friday: "today" is the speaker's day
    a = dated(
        "a",
        "2024-03-10",
        "“We have the votes today, and we will pass the budget,” the council leader told "
        "reporters on Friday.",
    )
    (item,) = timeline(a)
    assert (item.date, item.precision) == ("2024-03-08", "day")


def test_a_date_only_inside_the_quotation_still_dates_the_sentence():
    a = dated("a", "2024-03-10", "“The dam will be opened on March 14,” the water board said.")
    (item,) = timeline(a)
    assert (item.date, item.planned) == ("2024-03-14", True)


def test_a_happening_told_over_a_period_is_dated_by_the_period_not_its_start():
    a = dated(
        "a",
        "2023-12-02",
        "Between October 2022 and September 2023, customs seized 3.1 tonnes of ivory.",
    )
    (item,) = timeline(a)
    assert (item.date, item.precision, item.end_date, item.end_precision) == (
        "2022-10-01",
        "month",
        "2023-09-01",
        "month",
    )


def test_a_single_date_beside_a_period_dates_the_sentence():
    a = dated(
        "a",
        "2021-03-05",
        "The former minister, who ran the agency from 2009 to 2013, testified on Tuesday.",
    )
    (item,) = timeline(a)
    assert (item.date, item.end_date) == ("2021-03-02", None)


def test_two_outlets_telling_one_period_are_one_entry_and_another_period_stays_apart():
    a = dated("a", "2021-11-12", "The survey of 812 residents was carried out Nov. 3-7 by phone.")
    b = dated("b", "2021-11-13", "The phone survey of 812 residents ran from Nov. 3 to Nov. 7.")
    c = dated("c", "2021-11-13", "An earlier survey of residents ran Nov. 3 by phone.")
    items = timeline(a, b, c)
    assert {(i.date, i.end_date, i.sources) for i in items} == {
        ("2021-11-03", None, ("c",)),
        ("2021-11-03", "2021-11-07", ("a", "b")),
    }


def test_a_period_is_no_day_to_conflict_with_another_outlets_day():
    # the festival's first day and another outlet's opening day are not two days for one thing
    a = dated_article(
        "a", "2022-05-01", "The harbour festival will run Aug. 12-15 on the waterfront.", "Wire"
    )
    b = dated_article(
        "b", "2022-05-02", "The harbour festival will run on Aug. 10 on the waterfront.", "Times"
    )
    assert conflicts_of([a, b], events=[["a"], ["b"]]) == []


def test_a_happening_is_told_in_the_clean_wording_of_its_sentences():
    a = dated(
        "a", "2024-01-20", "The ministers met in the the capital on December 27 to discuss trade."
    )
    b = dated(
        "b", "2024-01-21", "The ministers met in the capital on December 27 to discuss trade."
    )
    (item,) = timeline(a, b)
    assert item.text == b.text and item.sources == ("a", "b")


@pytest.mark.parametrize(
    "published, sentence, day",
    [
        (
            "2015-12-22",
            "Amid the scramble of the week before Christmas, few saw the debate held Saturday"
            " night in Manchester.",
            "2015-12-19",
        ),
        (
            "2016-03-20",
            "Two days after March 3, the council finally approved the budget on March 7.",
            "2016-03-07",
        ),
    ],
)
def test_a_date_that_anchors_another_time_does_not_date_the_sentence(published, sentence, day):
    (item,) = timeline(dated("a", published, sentence))
    assert item.date == day
