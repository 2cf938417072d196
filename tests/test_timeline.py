"""Timeline: dated happenings merged across outlets and sorted by date."""

from __future__ import annotations

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
