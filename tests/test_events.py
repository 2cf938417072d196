"""Events inside a story: different days or places are different happenings."""

from __future__ import annotations

import numpy as np
import pytest

from corroborate.annotate.dates import extract_dates
from corroborate.compare.events import event_place, event_when, split_events
from corroborate.model import Article, Event, Mention, Removed
from tests.conftest import make_article


def news(
    article_id: str,
    *sentences: str,
    title: str | None = None,
    published: str | None = None,
    places: tuple[str, ...] = (),
) -> Article:
    article = make_article(article_id, *sentences)
    article.title, article.published = title, published
    for place in places:
        start = article.text.find(place)
        if start != -1:
            article.mentions.append(Mention(article_id, start, start + len(place), place, "GPE", 0))
    return dated(article)


def dated(article: Article) -> Article:
    """The article with its dates found, as the article stages would (after any change to
    its publication date)."""
    article.dates = extract_dates(article)
    return article


def two_meetings() -> list[Article]:
    return [
        news(
            "w1",
            "Ministers met on Friday in Aldermont to discuss the bridge repairs.",
            "They agreed to share the cost.",
            title="Deal on bridge repairs in Aldermont",
            places=("Aldermont",),
        ),
        news(
            "w2",
            "Officials held talks Friday in Aldermont on paying for the bridge repairs.",
            "A funding deal was signed.",
            title="Bridge funding deal signed",
            places=("Aldermont",),
        ),
        news(
            "p1",
            "On Tuesday, ministers met in Porthaven to discuss the bridge repairs.",
            "They promised state money.",
            title="Ministers promise money for bridge",
            places=("Porthaven",),
        ),
    ]


def test_two_meetings_on_different_days_in_different_cities_are_two_events():
    events = split_events(two_meetings(), story_id="s9")
    groups = sorted(sorted(e.article_ids) for e in events)
    assert groups == [["p1"], ["w1", "w2"]]
    big = next(e for e in events if len(e.article_ids) == 2)
    assert big.place == "Aldermont" and big.id.startswith("s9-e")
    assert isinstance(big, Event)


def test_weekdays_resolve_against_the_publication_date():
    article = news(
        "a", "The minister said on Friday that repairs would start.", published="2025-03-15"
    )
    assert event_when(article).day == "2025-03-14"


def test_a_date_that_bounds_a_state_is_not_the_day_of_the_news():
    article = news(
        "a",
        "Hackers who have crippled the council since Monday claimed the attack on Wednesday.",
        published="2025-04-17",
    )
    assert event_when(article).day == "2025-04-16"


def test_dated_events_come_in_date_order_with_their_date():
    articles = two_meetings()
    for article, published in zip(
        articles, ("2025-03-29", "2025-03-28", "2025-03-12"), strict=True
    ):
        article.published = published
        dated(article)
    events = split_events(articles)
    assert [e.date for e in events] == ["2025-03-11", "2025-03-28"]


def test_the_dateline_gives_the_place():
    article = news("a", "Ministers met today.")
    article.removed.append(Removed("PORTHAVEN (Meridian Wire) —", "dateline"))
    assert event_place(article) == "Porthaven"


def test_same_happening_retold_is_one_event():
    events = split_events(two_meetings()[:2])
    assert len(events) == 1 and events[0].title


def test_no_articles_no_events():
    assert split_events([]) == []


@pytest.mark.slow
def test_seed_washington_meeting_and_mexico_city_meeting_are_separate(seed_dir, nlp):
    from corroborate.pipeline import annotate_article, read_articles

    articles = [annotate_article(a, nlp(a.text)) for a in read_articles([seed_dir], None, [])]
    events = split_events(articles)
    groups = sorted(sorted(a[:3] for a in e.article_ids) for e in events)
    assert groups == [["000", "001", "002", "004"], ["003"]]


def test_a_feature_that_opens_on_a_scene_is_dated_by_the_news_a_few_sentences_later():
    article = news(
        "f1",
        "Every morning for thirty years, Marta Quiroga has opened her bakery at five.",
        "The smell of bread still fills the narrow street behind the old market.",
        "This winter, she is not sure how much longer she can keep the ovens on.",
        "On Wednesday, the city council voted to double the rent on every market stall.",
        published="2024-02-09",
    )
    assert event_when(article).day == "2024-02-07"


def test_a_date_far_down_a_feature_does_not_date_its_event():
    article = news(
        "f2",
        "The old lighthouse keeper still climbs the stairs each night.",
        "Nobody asks him to, and nobody pays him.",
        "The light has been automatic for decades.",
        "He likes the view.",
        "The sea is loud in winter.",
        "His daughter lives inland.",
        "On Monday, he turned ninety.",
        published="2024-02-09",
    )
    assert event_when(article).day is None


def test_two_moments_each_article_names_are_one_happening_told_from_either_end():
    published = "2025-04-17"  # a Thursday
    attack = news(
        "a",
        "Hackers locked the city council's computers on Monday, demanding a ransom.",
        "On Wednesday the gang posted stolen tax files online, and the council refused to pay.",
        title="Council hit by ransomware gang",
        published=published,
    )
    leak = news(
        "b",
        "A ransomware gang posted the city council's stolen tax files online on Wednesday.",
        "The gang locked the council's computers on Monday and wants a ransom.",
        title="Ransomware gang leaks council tax files",
        published=published,
    )
    assert [e.article_ids for e in split_events([attack, leak])] == [("a", "b")]


def test_a_report_that_cannot_name_the_later_happening_stays_apart_from_it():
    quake = news(
        "q",
        "A strong earthquake shook the coastal city of Varna on Monday, damaging homes.",
        "Rescue teams searched collapsed buildings through the night.",
        title="Earthquake shakes Varna",
        published="2025-04-15",
    )
    aftershock = news(
        "s",
        "A strong aftershock shook the coastal city of Varna on Wednesday, damaging homes.",
        "It followed Monday's earthquake, which left buildings collapsed across the city.",
        title="Aftershock shakes Varna",
        published="2025-04-16",
    )
    assert len(split_events([quake, aftershock])) == 2


def test_an_explainer_and_a_report_of_one_sequence_are_one_event_though_their_leads_differ():
    explainer = news(
        "a",
        "It is day four of the outage at Kelso town hall, and the screens are still dark.",
        "Here is where things stand this morning.",
        "Hackers broke into the council network early on Monday and locked its computers.",
        "On Wednesday the gang posted stolen tax files online and demanded a ransom of $2 million.",
        title="Kelso outage: what residents need to know",
        published="2025-04-17",
    )
    report = news(
        "b",
        "A ransomware gang posted stolen tax files from Kelso council online on Wednesday.",
        "The gang broke into the council network on Monday, locked its computers and demanded "
        "a ransom of $2 million.",
        title="Gang leaks Kelso council tax files",
        published="2025-04-16",
    )
    assert [sorted(e.article_ids) for e in split_events([explainer, report])] == [["a", "b"]]


def test_one_evening_filed_from_two_cities_is_one_event():
    # Two agencies report one arrival on one evening, one filing from the place it happened,
    # the other from a city abroad: the datelines differ, the happening does not.
    here = news(
        "h1",
        "The boy arrived in Aldermont on Wednesday evening with his father.",
        "Crowds waited at the airport.",
        title="Boy arrives home in Aldermont",
        published="2025-06-26",
    )
    here.removed.append(Removed("ALDERMONT (Meridian Wire) —", "dateline"))
    abroad = news(
        "m1",
        "A plane carrying the six-year-old landed on Wednesday evening, ending months abroad.",
        "Relatives in Porthaven watched the boy and his father on television.",
        title="Boy returns home",
        published="2025-06-26",
    )
    abroad.removed.append(Removed("PORTHAVEN (Continental Press) —", "dateline"))
    assert event_place(here) != event_place(abroad)
    assert [sorted(e.article_ids) for e in split_events([here, abroad])] == [["h1", "m1"]]


def test_average_linkage_merges_the_closest_groups_while_they_pass():
    import numpy as np

    from corroborate.compare.events import _average_linkage

    sim = np.array(
        [
            [1.0, 0.9, 0.2, 0.6],
            [0.9, 1.0, 0.3, 0.5],
            [0.2, 0.3, 1.0, 0.1],
            [0.6, 0.5, 0.1, 1.0],
        ]
    )
    # 0+1 first (0.9); then {0,1} with 3 averages 0.55: joins at 0.5, not at 0.6
    assert _average_linkage(sim, 0.5) == [[0, 1, 3], [2]]
    assert _average_linkage(sim, 0.6) == [[0, 1], [2], [3]]
    # of equal pairs, the last in order is merged first
    ties = np.array([[1.0, 0.8, 0.0], [0.8, 1.0, 0.8], [0.0, 0.8, 1.0]])
    assert _average_linkage(ties, 0.5) == [[0], [1, 2]]


def arrival_dated_with_its_year() -> Article:
    return news(
        "a",
        "Riyadh, January 1, 2026 -- Six soldiers arrived at the airbase this evening.",
        "The committee thanked the Red Cross for its work.",
    )


def test_a_day_whose_year_is_guessed_is_compared_by_its_month_and_day_not_its_weekday():
    # one article dates the arrival with its year; the other, undated, writes "Jan 1" and an
    # older day with its year, so only a lower bound of its own date can be inferred
    dated_report = arrival_dated_with_its_year()
    undated_report = news(
        "b",
        "RIYADH, Jan 1 -- Six soldiers have arrived at the airbase, the coalition said.",
        "On December 13, 2024, the parties agreed to an exchange of prisoners.",
    )
    when_a, when_b = event_when(dated_report), event_when(undated_report)
    assert when_b.inferred and when_b.month_day == (1, 1) and when_b.weekday is None
    assert when_a.day == "2026-01-01" and not when_a.inferred
    assert not when_a.conflicts(when_b) and when_a.agrees(when_b)
    assert len(split_events([dated_report, undated_report])) == 1


@pytest.mark.parametrize("inferred", [None, "2025-01-02"])
def test_the_day_a_cut_dateline_names_dates_the_event(inferred: str | None):
    # the reader cut "RIYADH, Jan 1 --" off the lede: the day it names is the report's day,
    # not the older day the lede's paragraph names next
    dated_report = arrival_dated_with_its_year()
    undated_report = news(
        "b",
        "Six soldiers have arrived at the airbase, the coalition said.",
        "On December 13, 2024, the parties agreed to an exchange of prisoners.",
    )
    undated_report.removed.append(Removed("RIYADH, Jan 1 (Gulf Wire) --", "dateline"))
    undated_report.published_inferred = inferred
    when_b = event_when(undated_report)
    assert when_b.month_day == (1, 1)
    assert when_b.inferred == (inferred is not None)
    assert len(split_events([dated_report, undated_report])) == 1


def test_a_dateline_without_a_day_leaves_the_lead_to_date_the_event():
    article = news("a", "Ministers met on Friday in Porthaven.", published="2026-03-14")
    article.removed.append(Removed("PORTHAVEN (Meridian Wire) —", "dateline"))
    assert event_when(article).day == "2026-03-13"


def test_a_guessed_day_on_another_month_day_still_splits_the_events():
    a = news("a", "Riyadh, January 1, 2026 -- Six soldiers arrived at the airbase.")
    b = news(
        "b",
        "RIYADH, Jan 9 -- Six soldiers have arrived at the airbase, the coalition said.",
        "On December 13, 2024, the parties agreed to an exchange of prisoners.",
    )
    assert event_when(a).conflicts(event_when(b))


def test_a_weekday_the_text_names_is_kept_on_a_guessed_day():
    article = news(
        "a",
        "Ministers met on Friday in the capital.",
        "The talks that began on December 27, 2023 went on.",
    )
    when = event_when(article)
    assert when.inferred and when.weekday == 4 and when.month_day is None


def _average_linkage_group_by_group(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Average linkage as it was done before groups of one article were averaged in one go:
    each other group's mean with the merged group worked out alone."""
    groups: list[list[int]] = [[i] for i in range(len(sim))]
    slots = list(range(len(sim)))
    means = np.array(sim, dtype=np.float64)
    while len(groups) > 1:
        current = means[np.ix_(slots, slots)]
        upper = np.triu(np.ones(current.shape, dtype=bool), k=1)
        best = current[upper].max()
        if best < threshold:
            break
        x, y = (int(k) for k in np.argwhere(upper & (current == best))[-1])
        groups[x] = sorted(groups[x] + groups[y])
        del groups[y], slots[y]
        merged = np.asarray(groups[x])
        for p, other in enumerate(groups):
            if p != x:
                mine = np.asarray(other)
                block = sim[mine[:, None], merged[None, :]] if p < x else sim[merged[:, None], mine]
                means[slots[p], slots[x]] = means[slots[x], slots[p]] = float(block.mean())
    return groups


@pytest.mark.parametrize("seed", range(8))
def test_average_linkage_equals_averaging_each_group_alone(seed):
    """Averaging the groups of one article in one go gives the groups (and their order) of
    working out each group's mean alone, ties included (similarities on a coarse grid)."""
    from corroborate.compare.events import _average_linkage

    rng = np.random.default_rng(seed)
    n = int(rng.integers(20, 120))
    sim = rng.random((n, n))
    if seed % 2:
        sim = np.round(sim * 4) / 4  # many equal similarities
    sim = np.triu(sim, 1)
    sim = sim + sim.T + np.eye(n)
    for threshold in (0.3, 0.5, 0.7):
        assert _average_linkage(sim, threshold) == _average_linkage_group_by_group(sim, threshold)


@pytest.mark.parametrize("seed", range(6))
def test_similarities_of_all_pairs_at_once_are_event_similarity_pair_by_pair(seed):
    """The pairs' similarities worked out as arrays equal :func:`event_similarity` of each
    pair, bit for bit: signatures drawn from a few days (some guessed), weekdays, days of the
    month, named days and places, so that every branch is taken (each other's days told too)."""
    from corroborate.compare.events import (
        When,
        _pair_flags,
        _Signature,
        _similarities,
        event_similarity,
    )

    rng = np.random.default_rng(seed)
    days = ["2024-03-01", "2024-03-02", "2024-03-05", "2024-04-01"]
    places = ["Washington", "Washington, D.C.", "Havana", "Miami", ""]

    def pick(options):
        return options[int(rng.integers(len(options)))]

    signatures = []
    for k in range(int(rng.integers(5, 40))):
        when = When(
            day=pick([*days, None]),
            weekday=pick([0, 3, 4, None]),
            month_day=pick([(3, 1), (3, 5), None]),
            inferred=bool(rng.random() < 0.3),
        )
        named = frozenset(d for d in days if rng.random() < 0.5)
        article = Article(f"a{k}", f"a{k}.txt", "")
        signatures.append(_Signature(article, when, pick(places) or None, named))
    n = len(signatures)
    cosine, text_cosine = rng.random((n, n)), rng.random((n, n))
    if seed % 2:
        cosine = np.round(cosine * 4) / 4  # some at 0 and 1
    flags = _pair_flags(signatures)
    expected = np.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            expected[i, j] = expected[j, i] = event_similarity(
                signatures[i], signatures[j], cosine[i, j], text_cosine[i, j]
            )
    assert flags.tell.any()  # each draw has articles that tell each other's days
    assert np.array_equal(_similarities(flags, cosine, text_cosine), expected)
