import pickle
from dataclasses import replace

import numpy as np
import pytest

from corroborate.annotate.quantities import extract_quantities
from corroborate.compare.close_pairs import _close_kept, close_pairs
from corroborate.compare.facts import (
    ECHO,
    MAX_EVIDENCE_BONUS,
    SAME_FACT,
    SentenceTable,
    _cluster,
    _link,
    candidate_pairs,
    digit_figures,
    group_facts,
    is_complete,
)
from corroborate.embed.fake import HashingEmbedder
from corroborate.model import Article
from tests.conftest import make_article


def evidence(table, involved):
    """:func:`corroborate.compare.facts._evidence_at` of every pair of ``involved``, as a
    square matrix."""
    import numpy as np

    from corroborate.compare.facts import _evidence_at

    first, second = np.triu_indices(len(involved), k=1)
    adjust = np.zeros((len(involved), len(involved)), dtype=np.float32)
    adjust[first, second] = _evidence_at(table, involved, first, second)
    return adjust + adjust.T


def story():
    a = make_article(
        "a",
        "Engineers closed the harbour bridge on Friday after finding cracks in two girders.",
        "The mayor said the city would run extra ferries while repairs continue.",
        "Local shops near the bridge reported fewer customers over the weekend.",
    )
    b = make_article(
        "b",
        "The harbour bridge was closed by engineers on Friday after cracks were found in two girders.",
        "A ferry service will be expanded by the city while the repairs continue, the mayor said.",
    )
    c = make_article(
        "c",
        "Engineers closed the harbour bridge on Friday after they found cracks in two girders.",
        "The union of dock workers plans a strike next month over unrelated pay demands.",
    )
    return [a, b, c]


def test_the_same_fact_in_three_articles_is_one_fact_with_three_sources():
    facts = group_facts(story(), HashingEmbedder())
    top = facts[0]
    assert top.sources == ["a", "b", "c"]
    assert top.outlets == 3
    assert "bridge" in top.sentence.text


@pytest.mark.parametrize(
    ("first", "second", "marker"),
    [
        (
            "官员说，周日暴雨淹没了诺加利斯的边境口岸，数百辆卡车被困在那里。",
            "官员表示，周日暴雨淹没了诺加利斯的边境口岸，数百辆卡车被困。",
            "口岸",
        ),
        (  # Korean, written with spaces, in a script the embedder does not read either
            "관리들은 일요일 폭우로 국경 검문소가 물에 잠겨 트럭 수백 대가 갇혔다고 말했다.",
            "관리들에 따르면 일요일 폭우가 국경 검문소를 덮쳐 트럭 수백 대가 발이 묶였다.",
            "검문소",
        ),
        (  # Arabic: one frame ("the minister said, receiving a delegation today"), two claims
            "وقال الوزير خلال استقباله وفدا من التجار اليوم إن الأزمة أرهقت الاقتصاد.",
            "وأكد الوزير خلال استقباله عددا من الوفود اليوم أن الأولوية هي الأمن الغذائي.",
            "الوزير",
        ),
        (  # Russian: as Arabic
            "Полиция сообщает, что неизвестно, связана ли авария с нападением.",
            "Полиция города сообщила, что арестов не производила.",
            "Полиция",
        ),
    ],
)
def test_sentences_outside_latin_script_of_two_articles_are_not_joined_by_an_embedder_that_cannot_read_them(
    first, second, marker
):
    """The sentence embedder reads languages written in Latin letters; two Chinese (Korean,
    Arabic, Russian) sentences, even alike, stay two facts (each its own source), while the English story
    still joins."""
    a = make_article("z1", first)
    b = make_article("z2", second)

    class ReadsChineseAlike(HashingEmbedder):  # as if it read both as one meaning
        def encode(self, texts):
            vectors = np.asarray(super().encode(list(texts)), dtype=np.float32)
            alike = [i for i, t in enumerate(texts) if marker in t]
            if alike:
                vectors[alike] = vectors[alike[0]]
            return vectors

    facts = group_facts([a, b, *story()], ReadsChineseAlike())
    chinese = [f for f in facts if f.sentence.article_id in ("z1", "z2")]
    assert len(chinese) == 2 and all(f.outlets == 1 for f in chinese)
    # ... but each echoes the other: neither is called one outlet's alone
    assert sorted(f.echoed_in for f in chinese) == [["z1"], ["z2"]]
    assert facts[0].outlets == 3  # the English bridge fact, as without them


def test_a_sentence_only_one_article_reports_is_its_own_fact():
    facts = group_facts(story(), HashingEmbedder())
    strike = [f for f in facts if "strike" in f.sentence.text]
    assert len(strike) == 1 and strike[0].sources == ["c"] and strike[0].outlets == 1


def test_every_fact_sentence_is_verbatim_from_its_article():
    articles = {a.id: a for a in story()}
    for fact in group_facts(list(articles.values()), HashingEmbedder()):
        s = fact.sentence
        assert articles[s.article_id].text[s.start : s.end] == s.text
        assert s.article_id in fact.sources


def test_syndicated_copies_count_as_one_source():
    facts = group_facts(story(), HashingEmbedder(), copies=[["a", "c"]])
    assert facts[0].sources == ["a", "b", "c"]
    assert facts[0].outlets == 2


def test_sentences_of_one_article_are_never_compared():
    a = make_article(
        "a",
        "Cracks were found in the bridge girders.",
        "Cracks were found in the bridge girders again.",
    )
    assert len(candidate_pairs(SentenceTable.build([a]))) == 0


def test_is_complete():
    assert is_complete("“We will reopen it,” she said.")
    assert not is_complete("and then the bridge closed.")
    assert not is_complete("The bridge closed")
    # scripts without capitals: a sentence starts with a letter and ends with its full stop
    assert is_complete("官员说，周日暴雨淹没了诺加利斯的口岸。")
    assert is_complete("「我们会重新开放，」她说。")
    assert is_complete("وقال المتحدث باسم الوزارة إن الفرق الطبية تعمل على مدار الساعة.")
    assert is_complete("هل ستفتح الحدود غدا؟")
    assert not is_complete("官员说，周日暴雨淹没了诺加利斯的口岸")


def with_figures(article):
    from corroborate.annotate.quantities import extract_quantities

    article.quantities = extract_quantities(article)
    return article


def test_the_same_wording_with_different_figures_is_two_facts():
    a = with_figures(
        make_article(
            "a",
            "Border agents recorded 242,418 migrant encounters at the southern border in November.",
        )
    )
    b = with_figures(
        make_article(
            "b",
            "Border agents recorded 310,000 migrant encounters at the southern border in December.",
        )
    )
    facts = group_facts([a, b], HashingEmbedder())
    assert sorted(f.sources for f in facts) == [["a"], ["b"]]


def test_a_shared_figure_raises_and_a_clash_lowers_the_similarity_of_two_reports():
    import numpy as np

    from corroborate.compare.facts import FIGURE_CLASH_PENALTY, SHARED_FIGURE_BONUS

    a = with_figures(
        make_article(
            "a", "The national government will spend €180 million to repair the harbour bridge."
        )
    )
    b = with_figures(
        make_article(
            "b", "Repairs to the crossing will be funded with €180 million from the state budget."
        )
    )
    c = with_figures(
        make_article(
            "c",
            "Repairs to the crossing will cost the state about €250 million in all, engineers say.",
        )
    )
    table = SentenceTable.build([a, b, c])
    assert [[figure[1] for figure in f] for f in table.figures] == [[180e6], [180e6], [250e6]]
    adjust = evidence(table, np.arange(3))
    assert adjust[0, 1] == np.float32(SHARED_FIGURE_BONUS)
    assert adjust[0, 2] == adjust[1, 2] == np.float32(-FIGURE_CLASH_PENALTY)


def test_figures_in_different_units_of_one_kind_are_one_figure():
    import numpy as np

    from corroborate.compare.facts import SHARED_FIGURE_BONUS

    a = with_figures(make_article("a", "The 1,200-metre-long span carries four lanes of traffic."))
    b = with_figures(make_article("b", "The 1.2-kilometre cable-stayed bridge carries four lanes."))
    table = SentenceTable.build([a, b])
    assert table.figures[0][0][:2] == table.figures[1][0][:2] == ("m", 1200.0)
    assert evidence(table, np.arange(2))[0, 1] == np.float32(SHARED_FIGURE_BONUS)


def test_figures_of_different_kinds_neither_raise_nor_lower_the_similarity():
    import numpy as np

    a = with_figures(
        make_article("a", "The border stretches for more than 3,000 km across the desert.")
    )
    b = with_figures(
        make_article("b", "About 3,000 migrants waited at the border crossing on Monday.")
    )
    table = SentenceTable.build([a, b])
    assert evidence(table, np.arange(2))[0, 1] == 0.0


def test_mutual_best_matches_are_found_per_pair_of_articles():
    import numpy as np

    from corroborate.compare.facts import mutual_best

    articles = np.array([0, 0, 1, 1])
    first, second = np.triu_indices(4, k=1)
    similarity = np.array(
        [
            [1.0, 0.1, 0.9, 0.2],
            [0.1, 1.0, 0.6, 0.5],
            [0.9, 0.6, 1.0, 0.1],
            [0.2, 0.5, 0.1, 1.0],
        ]
    )[first, second]
    mutual = mutual_best(first, second, similarity, articles)
    # a0 <-> b0 are each other's best; a1's best in b is b0, but b0 prefers a0; b1's best
    # in a is a1, while a1 prefers b0: no other mutual pair.
    assert np.flatnonzero(mutual).tolist() == [1]  # the pair (0, 2)


def test_a_mutual_best_match_is_of_the_pairs_given_and_the_first_of_equals():
    import numpy as np

    from corroborate.compare.facts import mutual_best

    # sentence 0 (article 0) is as close to 1 as to 2 (both of article 1): the first wins;
    # sentence 3 (article 2) is given with 0 alone, and 0 is its best there
    first, second = np.array([0, 0, 0, 1]), np.array([1, 2, 3, 2])
    similarity = np.array([0.8, 0.8, 0.7, 0.9], dtype=np.float32)
    mutual = mutual_best(first, second, similarity, np.array([0, 1, 1, 2]))
    assert mutual.tolist() == [True, False, True, False]


def test_the_ledes_of_articles_on_one_event_are_one_fact_when_close():
    """Two outlets open on the same news in different words: grouped when the articles
    report one event, kept apart when they report two events of the story."""
    from corroborate.compare.facts import LEDE_BONUS, MUTUAL_BEST_BONUS

    class Fixed:
        """Every pair of sentences at a cosine the bonuses can just lift to a fact."""

        def encode(self, texts):
            import numpy as np

            from corroborate.compare.facts import SAME_FACT

            n = len(texts)
            cos = SAME_FACT - (LEDE_BONUS + MUTUAL_BEST_BONUS) / 2
            gram = np.full((n, n), cos) + np.eye(n) * (1 - cos)
            return np.linalg.cholesky(gram)

    a = make_article(
        "a", "Union leaders called off the port strike on Friday after talks with ministers."
    )
    b = make_article(
        "b", "The dockers' union dropped its planned strike at the port following Friday's talks."
    )
    together = group_facts([a, b], Fixed(), events=[["a", "b"]])
    apart = group_facts([a, b], Fixed(), events=[["a"], ["b"]])
    assert [f.sources for f in together] == [["a", "b"]]
    assert sorted(f.sources for f in apart) == [["a"], ["b"]]
    # an event of no known day (undated articles grouped by their leads' words) is a guess:
    # no bonus of one event, so the two stay apart
    guessed = group_facts([a, b], Fixed(), events=[["a", "b"]], dated=[False])
    assert sorted(f.sources for f in guessed) == [["a"], ["b"]]


def _at_cosine(cos):
    """An embedder whose every two sentences are at cosine ``cos``."""

    class Fixed:
        def encode(self, texts):
            n = len(texts)
            gram = np.full((n, n), cos) + np.eye(n) * (1 - cos)
            return np.linalg.cholesky(gram)

    return Fixed()


def test_sentences_of_two_events_need_to_be_closer_to_be_one_fact():
    """Two articles the event split puts on two happenings: a sentence alike enough to be one
    fact within an event is, across events, more likely of its own moment ("admits to other
    intrusions" in May, "gets a prison sentence" in September)."""
    from corroborate.compare.facts import OTHER_EVENT_PENALTY

    may = make_article(
        "may", "The hacker who broke into officials' mail pleaded guilty to other intrusions."
    )
    sept = make_article(
        "sept", "The hacker who broke into officials' mail was given a prison sentence of years."
    )
    between = _at_cosine(SAME_FACT + OTHER_EVENT_PENALTY / 2)
    one_event = group_facts([may, sept], between, events=[["may", "sept"]], dated=[False])
    two_events = group_facts([may, sept], between, events=[["may"], ["sept"]], dated=[False] * 2)
    assert [f.sources for f in one_event] == [["may", "sept"]]
    assert sorted(f.sources for f in two_events) == [["may"], ["sept"]]
    # two events of known days: their days tell them apart, not a penalty
    dated = group_facts([may, sept], between, events=[["may"], ["sept"]], dated=[True, True])
    assert [f.sources for f in dated] == [["may", "sept"]]
    # clearly the same sentence: one fact whatever the events
    close = _at_cosine(SAME_FACT + 2 * OTHER_EVENT_PENALTY)
    together = group_facts([may, sept], close, events=[["may"], ["sept"]], dated=[False, True])
    assert [f.sources for f in together] == [["may", "sept"]]


@pytest.mark.parametrize("second_day, together", [("2016-03-18", True), ("2016-06-08", False)])
def test_sentences_of_articles_weeks_apart_need_to_be_closer_to_be_one_fact(second_day, together):
    """A story followed for months: what two articles weeks apart tell alike is more likely two
    moments told alike (a win in one state in March, in another in June)."""
    from corroborate.compare.facts import WEEKS_APART_PENALTY

    march = make_article(
        "march", "The senator won the primary in the state, adding to her run of victories."
    )
    later = make_article(
        "later", "The senator won the state primary vote, adding to her sizable delegate lead."
    )
    march.published, later.published = "2016-03-15", second_day
    between = _at_cosine(SAME_FACT + WEEKS_APART_PENALTY / 2)
    facts = group_facts([march, later], between, events=[["march"], ["later"]])
    found = sorted(sorted(f.sources) for f in facts)
    assert found == ([["later", "march"]] if together else [["later"], ["march"]])


def test_event_codes_tell_events_of_unknown_day_by_sign():
    from corroborate.compare.facts import event_codes

    assert event_codes([["a"], ["b", "c"]]) == {"a": 0, "b": 1, "c": 1}
    assert event_codes([["a"], ["b", "c"]], [False, True]) == {"a": -2, "b": 1, "c": 1}


def test_shared_places_are_no_evidence_but_shared_people_are():
    import numpy as np

    from corroborate.compare.facts import SHARED_RARE_NAME_BONUS
    from corroborate.model import Mention

    def mention(article, name, label):
        start = article.text.index(name)
        article.mentions.append(Mention(article.id, start, start + len(name), name, label, 0))

    a = make_article(
        "a", "Migrants from Peru and Chile were flown back on Tuesday by Ana Lindqvist."
    )
    b = make_article("b", "Officials in Peru and Chile said Ana Lindqvist had signed the papers.")
    for article in (a, b):
        mention(article, "Peru", "GPE")
        mention(article, "Chile", "GPE")
    table = SentenceTable.build(
        [a, b] + [make_article(f"x{i}", "Filler sentence number one here.") for i in range(12)]
    )
    assert evidence(table, np.arange(2))[0, 1] == 0.0
    for article in (a, b):
        mention(article, "Ana Lindqvist", "PERSON")
    table = SentenceTable.build(
        [a, b] + [make_article(f"x{i}", "Filler sentence number one here.") for i in range(12)]
    )
    assert evidence(table, np.arange(2))[0, 1] == np.float32(SHARED_RARE_NAME_BONUS)


def test_a_copys_repeated_sentences_join_their_originals_fact_without_being_embedded():
    asked = []

    class Recording(HashingEmbedder):
        def encode(self, texts):
            asked.extend(texts)
            return super().encode(texts)

    a, b, c = story()
    copy = make_article(
        "d",
        a.sentences[0].text.replace("on Friday", "on Friday morning"),  # lightly edited
        a.sentences[1].text,  # word for word
        "Two girders will be replaced first, engineers told the regional broadcaster on Sunday.",
    )
    with_copy = group_facts([a, b, c, copy], Recording(), copies=[["a", "d"]])
    assert copy.sentences[0].text not in asked  # only the original's words are embedded
    assert asked.count(a.sentences[1].text) == 1
    assert copy.sentences[2].text in asked  # what the copy adds is compared as usual
    bridge = next(
        f for f in with_copy if "girders" in f.sentence.text and "Friday" in f.sentence.text
    )
    assert bridge.sources == ["a", "b", "c", "d"] and bridge.outlets == 3
    assert copy.sentences[0] in bridge.members
    ferries = next(f for f in with_copy if a.sentences[1] in f.members)
    assert copy.sentences[1] in ferries.members and "d" in ferries.sources
    without = group_facts([a, b, c], HashingEmbedder())
    assert [f.sources for f in without] == [
        [x for x in f.sources if x != "d"] for f in with_copy if f.sources != ["d"]
    ]


def test_sentences_get_partners_as_articles_come_in():
    from corroborate.compare.facts import PartnerIndex

    a, b, c = story()
    index = PartnerIndex()
    assert index.add(a.sentences) == []  # nothing to compare with yet, nor within an article
    found = index.add(b.sentences)
    texts = {s.text for s in found}
    assert a.sentences[0].text in texts and b.sentences[0].text in texts  # the bridge closure
    assert a.sentences[2] not in found  # the shops: nobody else reports them
    again = index.add(c.sentences)
    assert c.sentences[0] in again and a.sentences[0] not in again  # each returned once
    assert c.sentences[1] not in again  # the strike


def test_a_copys_twins_only_count_and_old_sentences_leave_the_window():
    from corroborate.compare.facts import PartnerIndex

    a, b, _ = story()
    twin = make_article("d", a.sentences[0].text)
    index = PartnerIndex()
    index.add(a.sentences)
    assert index.add([], counted=twin.sentences) == []  # a twin is nobody's partner
    narrow = PartnerIndex(window=2)  # the latest two sentences at least, in whole articles
    narrow.add(a.sentences)
    weather = make_article("x", "Rain is expected in the afternoon.", "Winds will ease by night.")
    narrow.add(weather.sentences)  # two newer sentences: article a leaves the window
    assert a.sentences[0] not in narrow.add(b.sentences[:1])


def test_partners_only_among_related_articles():
    from corroborate.compare.facts import PartnerIndex

    a, b, c = story()
    index = PartnerIndex()
    index.add(a.sentences)
    index.add(c.sentences, related=lambda other: False)  # c's story has no earlier article
    found = index.add(b.sentences, related=lambda other: other == "a")
    assert a.sentences[0] in found and b.sentences[0] in found
    assert c.sentences[0] not in found  # c reports the closure too, but is not of b's story


def test_figures_as_evidence_of_one_fact():
    from corroborate.compare.facts import (
        FIGURE_CLASH_PENALTY,
        SHARED_FIGURE_BONUS,
        _figure_evidence,
    )

    length = ("m", 1200.0, None, False, None, 100.0, "")
    assert (
        _figure_evidence([length], [("m", 1200.0, "2024", False, None, 100.0, "")])
        == SHARED_FIGURE_BONUS
    )
    assert (
        _figure_evidence([length], [("m", 900.0, None, False, None, 100.0, "")])
        == -FIGURE_CLASH_PENALTY
    )
    assert (
        _figure_evidence([length], [("EUR", 9e5, None, False, None, 100000.0, "")]) == 0.0
    )  # different kinds
    # one value for two periods: a coincidence, or a period misread -- no evidence either way
    assert (
        _figure_evidence(
            [("m", 1200.0, "1974", False, None, 100.0, "")],
            [("m", 1200.0, "march", False, None, 100.0, "")],
        )
        == 0.0
    )
    assert (
        _figure_evidence(
            [("", 40.0, "May", False, None, 10.0, "")], [("", 70.0, "June", False, None, 10.0, "")]
        )
        == -FIGURE_CLASH_PENALTY
    )
    # "more than 3,000 km" and "3,145 km": consistent, but a bound states no value to share
    assert (
        _figure_evidence(
            [("m", 3.0e6, None, True, None, 1e6, "")],
            [("m", 3.145e6, None, False, None, 1000.0, "")],
        )
        == 0.0
    )
    # a poll's figures that differ from another poll's (or an unnamed poll's): two polls' results
    error_a = ("pp", 4.21, None, False, "harbourview institute", 0.01, "")
    assert _figure_evidence([error_a], [("pp", 3.5, None, False, "daily lantern", 0.1, "")]) == -1.0
    assert _figure_evidence([error_a], [("pp", 3.5, None, False, "", 0.1, "")]) == -1.0
    assert _figure_evidence([error_a], [("pp", 3.5, None, False, None, 0.1, "")]) == -1.0
    # close values (4.21 and 4) are still two polls' figures
    assert _figure_evidence([error_a], [("pp", 4.0, None, False, "", 1.0, "")]) == -1.0
    # one poll named alike: an ordinary clash; the same value, a poll unnamed: one result
    assert (
        _figure_evidence(
            [error_a], [("pp", 3.5, None, False, "harbourview institute poll", 0.1, "")]
        )
        == -FIGURE_CLASH_PENALTY
    )
    # the same value of an unnamed poll, or of a poll and a figure told of none: no evidence
    # (polls' shares coincide), nor a clash
    assert _figure_evidence([error_a], [("pp", 4.21, None, False, "", 0.01, "")]) == 0.0
    assert _figure_evidence([error_a], [("pp", 4.21, None, False, None, 0.01, "")]) == 0.0
    # the same value of one poll named alike: one figure told twice
    assert (
        _figure_evidence(
            [error_a], [("pp", 4.21, None, False, "harbourview institute poll", 0.01, "")]
        )
        == SHARED_FIGURE_BONUS
    )
    assert (
        _figure_evidence([error_a], [("pp", 4.21, None, False, "daily lantern", 0.01, "")]) == -1.0
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ((1.23e6, 1e4), (1.2e6, 1e5), True),  # "1,230,000" and "1.2 million": one, rounded
        ((2_475_669.0, 1.0), (2.4e6, 1e5), True),  # "some 2.4 million": cut short
        ((43.0, 1.0), (42.0, 1.0), False),
        ((3_145.0, 1.0), (3_100.0, 100.0), True),  # "3,145 km" and "3,100 km"
        ((19_312.128, 1609.344), (19_300.0, 100.0), True),  # "12 miles" and "19.3 km"
        # "12,400 acres" and "over 12,000 acres" in square metres: to the hundred and the
        # thousand acres
        ((50_181_019.6, 404_685.6), (48_562_277.1, 4_046_856.4), True),
        ((44.0, 1.0), (42.0, 1.0), False),  # "44 percent" and "42 percent": two results
        ((118.0, 1.0), (116.0, 1.0), False),  # "118 crew" and "116 crew": two counts
        ((1_250_000.0, 1e4), (1_230_000.0, 1e4), False),  # to the ten thousand: two figures
        ((100.0, 100.0), (140.0, 10.0), False),  # a round figure, but 40 % apart
        ((7.5, 0.1), (7.5, 0.1), True),
    ],
)
def test_one_figure_told_to_two_precisions_and_two_close_figures(a, b, same):
    """Two figures (value, last place as told) are one when they agree to the coarser one's
    last place (and within 5 %): the rounding of one figure, not two different counts within
    5 % of each other."""
    from corroborate.compare.facts import _same_value

    x, y = ("", a[0], None, False, None, a[1], ""), ("", b[0], None, False, None, b[1], "")
    assert _same_value(x, y) is same


def test_a_figure_keeps_the_last_place_it_was_told_to_in_its_base_unit():
    from corroborate.annotate.quantities import extract_quantities
    from corroborate.compare.facts import figure

    article = make_article("a", "The fire had burned 12,400 acres by Friday.")
    (q,) = extract_quantities(article)
    kind, value, _, _, _, step, _ = figure(q)
    assert kind == "m2" and round(value) == 50_181_020 and round(step) == 404_686


def test_two_polls_results_sharing_one_value_are_not_one_fact():
    """'46 percent to 44' and '42 ... 46 percent to 39': one value shared, the others close
    but different: no bonus of two shared figures, and the figures clash."""
    from corroborate.compare.facts import SHARED_FIGURE_BONUS, _figure_evidence

    one = [("%", 46.0, None, False, None, 1.0, ""), ("%", 44.0, None, False, None, 1.0, "")]
    other = [("%", 42.0, None, False, None, 1.0, ""), ("%", 46.0, None, False, None, 1.0, "")]
    # 46 is shared, but 44 and 42 each have no value of the other's: two results
    assert _figure_evidence(one, other) < 0
    assert _figure_evidence([one[1]], [other[0]]) < 0
    # one outlet tells a figure more: the shared ones still count
    more = [*one, ("%", 5.0, None, False, None, 1.0, "")]
    assert _figure_evidence(one, more) == 2 * SHARED_FIGURE_BONUS


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a standings poll and another: two values shared, one of each side's not
        ([("%", 37.0), ("%", 36.0), ("%", 13.0)], [("%", 44.0), ("%", 37.0), ("%", 13.0)]),
        # a 118-metre submarine at 2 knots, and a 116-metre one
        ([("m", 118.0), ("m/s", 2.0)], [("m", 116.0), ("m/s", 2.0)]),
        # two quarters' revenue, one month shared
        ([("USD", 4.2e9), ("USD", 1.1e9)], [("USD", 3.9e9), ("USD", 1.1e9)]),
    ],
)
def test_sentences_each_with_a_figure_the_other_has_no_value_for_clash(a, b):
    from corroborate.compare.facts import FIGURE_CLASH_PENALTY, _figure_evidence

    def told(figures):
        return [(kind, value, None, False, None, 1.0, "") for kind, value in figures]

    assert _figure_evidence(told(a), told(b)) == -FIGURE_CLASH_PENALTY
    # a figure of a kind the other does not state is no clash
    assert _figure_evidence(told(a), told(b[1:]) + [("kg", 5.0, None, False, None, 1.0, "")]) > 0
    # plain counts each unmatched may count different things ("212,000 packs", "14 batches")
    packs = [
        ("", 212_000.0, None, False, None, 1000.0, ""),
        ("mg", 80.0, None, False, None, 1.0, ""),
    ]
    batches = [("", 14.0, None, False, None, 1.0, ""), ("mg", 80.0, None, False, None, 1.0, "")]
    assert _figure_evidence(packs, batches) > 0


def test_several_dispatches_of_one_agency_count_as_one_outlet():
    """A background paragraph repeated in four dispatches of one agency is one outlet's word,
    not four independent sources; another agency telling it makes two."""
    background = "The submarine sank on Saturday in the Barents Sea with 118 sailors aboard."
    dispatches = [
        make_article(
            f"ap{i}",
            f"Update {i} on the rescue effort came in the morning.",
            background,
            outlet="AP",
        )
        for i in range(4)
    ]
    xinhua = make_article(
        "x",
        "The submarine sank on Saturday in the Barents Sea with 118 crew aboard.",
        outlet="Xinhua",
    )
    alone = group_facts(dispatches, HashingEmbedder())
    told = next(f for f in alone if "Barents" in f.sentence.text)
    assert len(told.sources) == 4 and told.outlets == 1 and told.outlet_names == ["AP"]
    both = group_facts([*dispatches, xinhua], HashingEmbedder())
    told = next(f for f in both if "Barents" in f.sentence.text)
    assert told.outlets == 2 and told.outlet_names == ["AP", "Xinhua"]
    assert both[0] is told  # most outlets first, not most articles


def test_an_article_with_no_known_outlet_counts_as_its_own():
    a, b, c = story()
    a.outlet, b.outlet = "Tribune", "Tribune"
    top = group_facts([a, b, c], HashingEmbedder())[0]
    assert top.sources == ["a", "b", "c"]
    assert top.outlets == 2 and top.outlet_names == ["Tribune", "c"]


# --------------------------------------------------------------------------- citations that hold
# An extra source is cited for a fact only when its sentence can report the same happening: not
# a sentence about another day, nor a later dispatch's account of a later state of things.


def dated(article_id, published, *sentences, outlet=None):
    from corroborate.annotate.dates import extract_dates

    article = make_article(article_id, *sentences, outlet=outlet)
    article.published = published
    article.dates = extract_dates(article)
    return article


def sources_of(facts, words):
    return [f.sources for f in facts if words in f.sentence.text]


def test_a_sentence_about_another_days_meeting_is_not_cited():
    tuesday = dated(
        "a",
        "2000-01-12",
        "Lawyers for the family met with immigration officials on Tuesday to discuss the boy's case.",
    )
    thursday = dated(
        "b",
        "2000-01-14",
        "Lawyers for the family met with immigration officials on Thursday to discuss the boy's case.",
    )
    facts = group_facts([tuesday, thursday], HashingEmbedder())
    assert sorted(f.sources for f in facts) == [["a"], ["b"]]


def test_a_days_news_is_not_cited_to_a_later_dispatch_that_names_no_such_day():
    friday = dated(
        "a",
        "2000-08-19",
        "Rescue efforts continued Friday to save the 118 sailors trapped aboard the submarine.",
    )
    later = dated(
        "b",
        "2000-08-23",
        "Rescue efforts continued to save the 118 sailors trapped aboard the submarine until they were declared dead.",
    )
    same_day = dated(
        "c",
        "2000-08-19",
        "Rescue efforts continued on Friday to save the 118 sailors trapped aboard the submarine.",
    )
    facts = group_facts([friday, later, same_day], HashingEmbedder())
    assert sources_of(facts, "Rescue efforts continued Friday") == [["a", "c"]]
    assert sources_of(facts, "until they were declared dead") == [["b"]]


def test_a_days_news_and_a_later_dispatch_are_kept_apart_both_ways():
    """:func:`told_of_other_days` blocks a day's news from a later article that names no such
    day as a pair, whichever of the two comes first in the group, and nothing else here."""
    from corroborate.compare.facts import told_of_other_days

    sentence = make_article("a", "x").sentences[0]
    days = [set(), set(), set(), {"2000-08-18"}, set()]
    news = [None, None, "2000-08-18", None, None]
    published = ["2000-08-23", "2000-08-18", "2000-08-18", "2000-08-23", "2000-08-23"]
    table = SentenceTable([sentence] * 5, None, days=days, news_days=news, published=published)
    blocked = told_of_other_days(table, np.arange(5))
    pairs = {(int(a), int(b)) for a, b in zip(*np.nonzero(blocked), strict=True)}
    assert pairs == {(0, 2), (2, 0), (2, 4), (4, 2)}


def test_a_plan_is_not_cited_for_a_report_written_after_its_day():
    """A sentence that speaks of a day as ahead (a plan, a forecast) and one of an article
    written after that day passed tell two things: what was to come and what came. Two
    outlets' one plan, both written before its day, are still one fact."""
    friday = "When the county board meets on Saturday, it will vote on the bridge closure and its repair budget."
    plan = dated("a", "2000-04-14", friday)
    plan_too = dated("c", "2000-04-14", friday.replace("When", "Once"))
    report = dated(
        "b",
        "2000-04-17",
        "The county board met on Saturday and voted on the bridge closure and its repair budget.",
    )
    facts = group_facts([plan, report, plan_too], HashingEmbedder())
    assert sorted(f.sources for f in facts) == [["a", "c"], ["b"]]
    # without the plan's day, the report and the plan would be one fact
    undated = dated("a", None, friday.replace(" on Saturday", ""))
    assert [f.sources for f in group_facts([undated, report], HashingEmbedder())] == [["a", "b"]]
    # a day before its own article's date is no plan, whatever the tense puts ahead: the dates
    # read it as behind, and a reading that puts it ahead (an older dates stage's, kept in a
    # store) is no plan either
    told = "The county board {} the repair budget for the bridge on April 15."
    spends = dated("d", "2000-04-20", told.format("will spend"))
    approved = dated("e", "2000-04-22", told.format("approved"))
    assert not spends.dates[0].future
    assert [f.sources for f in group_facts([spends, approved], HashingEmbedder())] == [["d", "e"]]
    spends.dates = [replace(d, future=True) for d in spends.dates]
    assert [f.sources for f in group_facts([spends, approved], HashingEmbedder())] == [["d", "e"]]


def test_background_told_by_its_date_is_cited_across_days():
    early = dated(
        "a", "2000-08-15", "The submarine sank on Aug. 12 in the Barents Sea with 118 men aboard."
    )
    late = dated(
        "b", "2000-08-23", "The submarine sank in the Barents Sea on Aug. 12 with 118 men aboard."
    )
    facts = group_facts([early, late], HashingEmbedder())
    assert [f.sources for f in facts] == [["a", "b"]]


def test_without_the_days_the_same_sentences_would_be_one_fact():
    """The tests above are not won by wording alone: without the days, the pair is one fact;
    an undated article's weekdays still tell two days apart."""
    told = "Lawyers for the family met with immigration officials{} to discuss the boy's case."
    a, b = make_article("a", told.format("")), make_article("b", told.format(" again"))
    assert [f.sources for f in group_facts([a, b], HashingEmbedder())] == [["a", "b"]]
    tuesday = dated("a", None, told.format(" on Tuesday"))
    thursday = dated("b", None, told.format(" on Thursday"))
    facts = group_facts([tuesday, thursday], HashingEmbedder())
    assert sorted(f.sources for f in facts) == [["a"], ["b"]]


@pytest.mark.parametrize(
    ("poll_a", "poll_b", "one", "weight"),
    [
        # a poll's share, and a figure told of no poll: no evidence either way
        ("meridian research", None, False, 0.0),
        ("", None, False, 0.0),
        ("", "", False, 0.0),  # two polls named by neither, told weeks apart: perhaps two
        ("meridian research", "", False, 0.0),
        ("meridian research", "coastal university", False, -1.0),  # two polls: never one
        ("meridian research", "meridian research/daily lantern", True, 0.1),
        (None, None, True, 0.1),  # no poll at all: an ordinary figure
    ],
)
def test_a_polls_share_counts_as_one_figure_only_between_figures_of_one_poll(
    poll_a, poll_b, one, weight
):
    """'61 percent' of one poll and '61 percent' told of another (or of none named) may be
    two results that coincide: no evidence of one fact; of one poll named alike, one figure
    told twice."""
    from corroborate.compare.facts import (
        SHARED_FIGURE_BONUS,
        _figure_evidence,
        _figure_evidence_of_pairs,
        _of_one_poll,
    )

    a, b = ("%", 61.0, None, False, poll_a, 1.0), ("%", 61.0, None, False, poll_b, 1.0)
    assert _of_one_poll(a, b) is one and _of_one_poll(b, a) is one
    assert weight in (0.0, -1.0, SHARED_FIGURE_BONUS)
    assert _figure_evidence([a], [b]) == weight
    both = _figure_evidence_of_pairs([[a], [b]], np.array([0]), np.array([1]))
    assert both.tolist() == [weight]
    # told within a week, two polls named by neither may be one; the others are as they were
    near = SHARED_FIGURE_BONUS if poll_a == poll_b == "" else weight
    assert _figure_evidence([a], [b], near=True) == near
    both = _figure_evidence_of_pairs([[a], [b]], np.array([0]), np.array([1]), np.array([True]))
    assert both.tolist() == [near]


def test_two_polls_shares_that_coincide_are_no_evidence_of_one_fact():
    """Read from real sentences: shares told of a poll and the same shares told of another
    (named or not) add nothing to two sentences' likeness; of one poll named alike, they do."""
    from corroborate.annotate.quantities import extract_quantities
    from corroborate.compare.facts import SHARED_FIGURE_BONUS

    told = "{} found 57 percent of likely voters back the governor, and 38 percent the mayor."
    polls = [
        "A Meridian Research poll",
        "A survey",
        "A Coastal University poll",
        "Meridian Research's latest poll",
    ]
    articles = [make_article(f"p{k}", told.format(p)) for k, p in enumerate(polls)]
    articles.append(
        make_article(
            "n", "Crews repaved 57 percent of the county's roads, and 38 percent of its lanes."
        )
    )
    for article in articles:
        article.quantities = extract_quantities(article)
    table = SentenceTable.build(articles)
    assert [f[4] for f in table.figures[0]] == ["meridian research"] * 2
    assert [f[4] for f in table.figures[4]] == [None] * 2
    adjust = evidence(table, np.arange(len(articles)))
    assert adjust[0, 3] == np.float32(2 * SHARED_FIGURE_BONUS)  # one poll, named alike
    assert adjust[0, 1] == adjust[1, 2] == adjust[0, 4] == 0.0
    assert adjust[0, 2] < 0  # two polls named: their results never one fact


def test_a_supposition_is_not_cited_for_a_report():
    """A sentence that supposes ('suppose ...', 'imagine that ...') reports nothing: it is not
    cited for a report of the same figure, though two outlets' one supposition is one fact."""
    report = make_article(
        "a", "The senator needs 1,237 delegates before the convention in July to win outright."
    )
    supposed = make_article(
        "b",
        "Suppose the senator wins 1,237 delegates before the convention in July to win outright.",
    )
    imagined = make_article(
        "c",
        "Imagine that the senator wins 1,237 delegates before the convention in July to win outright.",
    )
    facts = group_facts([report, supposed, imagined], HashingEmbedder())
    assert sorted(f.sources for f in facts) == [["a"], ["b", "c"]]
    told = make_article(
        "d", "The senator wins 1,237 delegates before the convention in July to win outright."
    )
    assert [f.sources for f in group_facts([report, told], HashingEmbedder())] == [["a", "d"]]


@pytest.mark.parametrize(
    ("sentence", "supposes"),
    [
        ("Suppose the council rejects the budget in March.", True),
        ("Supposing the bridge stays shut, traffic would double.", True),
        ("Imagine if the mayor had signed the order.", True),
        ("Hypothetically, the party could pick another nominee.", True),
        ("What if no candidate reaches a majority?", True),
        ("Let's say the vote is delayed a week.", True),
        ("The ferry was supposed to sail at noon.", False),
        ("If the council rejects the budget, the mayor said, she will veto it.", False),
        ("Few imagined the vote would be so close.", False),
        ("If there were no runoff, the mayor would have won already.", True),
        ("If the dam had held, the valley would not have flooded.", True),
        ("If he wins, the senator said he would have a plan ready.", False),
        ("The strike would have been the first since 1990.", False),
    ],
)
def test_what_makes_a_sentence_a_supposition(sentence, supposes):
    from corroborate.compare.facts import _SUPPOSITION

    assert bool(_SUPPOSITION.search(sentence)) is supposes


def test_a_forecast_is_not_cited_for_a_report():
    """A sentence that forecasts ('will likely', 'is on track to') tells what someone expects,
    not what came: it is not cited for a report in nearly the same words, though two outlets'
    one forecast is one fact."""
    report = make_article(
        "a", "The harbour board approved the new ferry timetable for the winter season."
    )
    expected = make_article(
        "b",
        "The harbour board will likely approve the new ferry timetable for the winter season.",
    )
    on_track = make_article(
        "c",
        "The harbour board is on track to approve the new ferry timetable for the winter season.",
    )
    facts = group_facts([report, expected, on_track], HashingEmbedder())
    assert sorted(f.sources for f in facts) == [["a"], ["b", "c"]]


@pytest.mark.parametrize(
    ("sentence", "forecasts"),
    [
        ("The levy will almost certainly push the council to cut bus routes.", True),
        ("The senator will probably skip the vote.", True),
        ("The club won't likely renew his contract.", True),
        ("Turnout is likely to fall below 40 percent.", True),
        ("The agency predicts that rents will rise again.", True),
        ("The mayor is poised to sign the order.", True),
        ("The mayor will sign the order on Friday.", False),  # a plan, told plainly
        ("I will certainly vote for the levy, she said.", False),  # a promise stressed
        ("As the polls predicted, the mayor won a second term.", False),
        ("The race remains unpredictable.", False),
    ],
)
def test_what_makes_a_sentence_a_forecast(sentence, forecasts):
    from corroborate.compare.facts import _FORECAST

    assert bool(_FORECAST.search(sentence)) is forecasts


def _with_people(article, *names):
    """``article`` with a PERSON mention of each of ``names`` where its text first has it."""
    from corroborate.model import Mention

    for name in names:
        start = article.text.index(name)
        sentence = next(s.index for s in article.sentences if s.start <= start < s.end)
        article.mentions.append(
            Mention(article.id, start, start + len(name), name, "PERSON", sentence)
        )
    return article


def test_two_line_ups_sharing_names_are_not_one_fact():
    """Two lists of people, not the same, are two line-ups, even one the other's part; the
    same people listed by two outlets are one."""
    field = "{} shared the stage at the forum in Duluth on the eve of the caucuses."
    five = _with_people(
        make_article(
            "a", field.format("Mayor Ana Okafor, Rep. Tom Lindqvist, Sara Brennan, Duarte and Haas")
        ),
        "Ana Okafor",
        "Tom Lindqvist",
        "Sara Brennan",
        "Duarte",
        "Haas",
    )
    four = _with_people(
        make_article("b", field.format("Okafor, Lindqvist, Brennan and Gov. Eli Marsh")),
        "Okafor",
        "Lindqvist",
        "Brennan",
        "Eli Marsh",
    )
    assert sorted(f.sources for f in group_facts([five, four], HashingEmbedder())) == [["a"], ["b"]]
    three = _with_people(
        make_article("c", field.format("Mayor Okafor, Lindqvist and Sara Brennan")),
        "Okafor",
        "Lindqvist",
        "Sara Brennan",
    )
    assert sorted(f.sources for f in group_facts([five, three], HashingEmbedder())) == [
        ["a"],
        ["c"],
    ]
    # who meets: two people, and those two with a third
    meeting = "{} will meet in Duluth next week to talk about the caucuses."
    two = _with_people(
        make_article("e", meeting.format("Both Okafor and Marsh")), "Okafor", "Marsh"
    )
    more = _with_people(
        make_article("f", meeting.format("Okafor, Marsh and Brennan")), "Okafor", "Marsh", "Brennan"
    )
    same = _with_people(make_article("g", meeting.format("Marsh and Okafor")), "Marsh", "Okafor")
    assert sorted(f.sources for f in group_facts([two, more, same], HashingEmbedder())) == [
        ["e", "g"],
        ["f"],
    ]
    again = _with_people(
        make_article("d", field.format("Okafor, Lindqvist, Brennan and Gov. Eli Marsh")),
        "Okafor",
        "Lindqvist",
        "Brennan",
        "Eli Marsh",
    )
    assert [f.sources for f in group_facts([four, again], HashingEmbedder())] == [["b", "d"]]


@pytest.mark.parametrize(
    ("text", "names", "listed"),
    [
        (
            "Okafor, Gov. Eli Marsh and retired judge Sara Brennan met the voters.",
            ["Okafor", "Eli Marsh", "Sara Brennan"],
            {"okafor", "marsh", "brennan"},
        ),
        ("Okafor, Marsh or Brennan will chair it.", ["Okafor", "Marsh", "Brennan"], None),
        # the longest run of names: those beaten, not who beat them
        (
            "Okafor, who beat Marsh and Brennan, spoke first.",
            ["Okafor", "Marsh", "Brennan"],
            {"marsh", "brennan"},
        ),
        ("Okafor told Marsh that Brennan would run.", ["Okafor", "Marsh", "Brennan"], set()),
        ("Okafor and Marsh debated in Duluth.", ["Okafor", "Marsh"], None),
        ("Okafor debated in Duluth.", ["Okafor"], set()),
    ],
)
def test_the_people_a_sentence_lists(text, names, listed):
    """Two names or more, each parted from the next by a comma, 'and' or 'or' and at most a
    title, are a list; names parted by a clause are not."""
    from corroborate.compare.facts import _people_listed

    article = _with_people(make_article("a", text), *names)
    found = _people_listed([article], article.sentences)
    expected = {n.split()[-1].lower() for n in names} if listed is None else listed
    assert found == [frozenset(expected)]


def test_other_line_ups_are_pairs_of_lists_of_people_not_the_same():
    from corroborate.compare.facts import other_line_ups

    sentence = make_article("a", "x").sentences[0]
    people = [
        frozenset({"okafor", "lindqvist", "brennan"}),
        frozenset({"okafor", "lindqvist", "marsh"}),  # apart from 0
        frozenset({"okafor", "lindqvist", "brennan", "marsh"}),  # holds both: apart too
        frozenset(),  # no list
        frozenset({"lindqvist", "okafor", "brennan"}),  # 0's people
    ]
    table = SentenceTable([sentence] * 5, None, listed=people)
    blocked = other_line_ups(table, np.arange(5))
    pairs = {(int(a), int(b)) for a, b in zip(*np.nonzero(blocked), strict=True)}
    apart = {(0, 1), (0, 2), (1, 2), (1, 4), (2, 4)}
    assert pairs == apart | {(b, a) for a, b in apart}


def test_a_sentence_that_reverses_what_another_tells_is_not_cited_for_it():
    threat = dated(
        "a",
        "2025-03-14",
        "The dockers' union has threatened a 24-hour strike at the port on March 31 over ferry fares.",
    )
    called_off = dated(
        "b",
        "2025-03-30",
        "The dockers' union has called off the 24-hour strike at the port on March 31 over ferry fares.",
    )
    again = dated(
        "c",
        "2025-03-15",
        "The dockers' union threatened a 24-hour strike at the port on March 31 over ferry fares.",
    )
    facts = group_facts([threat, called_off, again], HashingEmbedder())
    assert sorted(f.sources for f in facts) == [["a", "c"], ["b"]]


def test_a_habit_is_not_cited_for_one_days_news():
    """One happening told of its day ('in a radio interview Tuesday') and a run of them told
    by an adverb of frequency ('has repeatedly called ...'), naming no day, are two facts;
    two outlets' one habit are one fact, and so are the same words without the adverb."""
    once = dated(
        "a",
        "2000-03-08",
        "The mayor called the ferry fare rise unfair in a radio interview on Tuesday.",
    )
    often = dated(
        "b",
        "2000-03-08",
        "The mayor has repeatedly called the ferry fare rise unfair in a radio interview.",
    )
    often_too = dated(
        "c",
        "2000-03-08",
        "The mayor has routinely called the ferry fare rise unfair in a radio interview.",
    )
    facts = group_facts([once, often, often_too], HashingEmbedder())
    assert sorted(f.sources for f in facts) == [["a"], ["b", "c"]]
    plain = dated(
        "b", "2000-03-08", "The mayor has called the ferry fare rise unfair in a radio interview."
    )
    assert [f.sources for f in group_facts([once, plain], HashingEmbedder())] == [["a", "b"]]


@pytest.mark.parametrize(
    ("sentence", "habit"),
    [
        ("He has repeatedly called the plan reckless.", True),
        ("She led every poll this year, usually by double digits.", True),
        ("The ferry regularly runs late.", True),
        ("They warned time and again that the bridge would fail.", True),
        ("He called the plan reckless on Tuesday.", False),
        ("Voters more often than not back the incumbent.", False),  # not 'often'
        ("Sanders, who had trailed for months, won the primary.", False),  # a span, no habit
    ],
)
def test_what_makes_a_sentence_tell_a_habit(sentence, habit):
    from corroborate.compare.facts import _HABIT

    assert bool(_HABIT.search(sentence)) is habit


def test_the_writers_word_to_the_reader_is_not_cited_for_a_report():
    """A sentence speaking to the reader ('you don't win ... by how many states you win') is
    commentary: not cited with a report that shares its words, which without that mark it
    would be."""
    remark = make_article(
        "a", "You do not win the race for the nomination by how many states you win early."
    )
    report = make_article(
        "b", "Okafor does not win the race for the nomination by how many states she wins early."
    )
    facts = group_facts([remark, report], HashingEmbedder())
    assert sorted(f.sources for f in facts) == [["a"], ["b"]]
    table = SentenceTable.build([remark, report])
    table.to_reader = [False] * len(table.sentences)
    unmarked = group_facts([remark, report], HashingEmbedder(), table=table)
    assert [f.sources for f in unmarked] == [["a", "b"]]


@pytest.mark.parametrize(
    ("sentence", "to_reader"),
    [
        ("Hey, Okafor is right: you do not win by the states you win.", True),
        ("If your train is late, take the ferry.", True),
        ("“You do not win by states,” Okafor said.", False),
        ("Okafor said voters do not win by states.", False),
        ("YOU DO NOT WIN BY STATES, OKAFOR SAYS.", True),
        ("Okafor courted the youth vote in Yountville.", False),
    ],
)
def test_what_makes_a_sentence_speak_to_the_reader(sentence, to_reader):
    from corroborate.compare.facts import addresses_reader

    assert addresses_reader(sentence) is to_reader


def test_a_table_built_from_kept_rows_is_the_table_built_anew():
    """The table's per-sentence flags (supposes, habit, to the reader, headline) are kept with
    each article's rows: a table built from a cache that keeps them reads the same."""
    from corroborate.compare.stage_cache import StageCache

    articles = [
        make_article("a", "Suppose Okafor wins the ferry vote. You would not notice it at all."),
        make_article("b", "Okafor usually wins the ferry vote. She won it again on Tuesday."),
        make_article(
            "c",
            "She won it on Tuesday.\n\nOkafor Wins Ferry Vote Again After Tense Count Across Harbour",
        ),
    ]
    cache = StageCache()
    SentenceTable.build(articles, cache)
    kept = SentenceTable.build(articles, cache)
    fresh = SentenceTable.build(articles)
    assert cache.hits == len(articles)
    assert (kept.supposes, kept.habitual, kept.to_reader, kept.headline, kept.forecasts) == (
        fresh.supposes,
        fresh.habitual,
        fresh.to_reader,
        fresh.headline,
        fresh.forecasts,
    )
    assert any(fresh.supposes) and any(fresh.to_reader) and any(fresh.headline)


def test_a_months_news_is_not_cited_to_a_dispatch_after_that_month_naming_none_of_it():
    """'campaigned in the state in May' tells May's news: a sentence of an article written
    after May, naming no day or month of it, is a later happening told alike; one naming a
    day of May, or May, may be the same."""
    in_may = dated("a", "2000-06-08", "Okafor campaigned across the state in May with Marsh.")
    june = dated("b", "2000-06-06", "Okafor campaigned across the state with Marsh.")
    also_may = dated("c", "2000-06-07", "Okafor campaigned across the state with Marsh in May.")
    facts = group_facts([in_may, june, also_may], HashingEmbedder())
    assert sorted(f.sources for f in facts) == [["a", "c"], ["b"]]
    in_may_still = dated("b", "2000-05-30", "Okafor campaigned across the state with Marsh.")
    assert [f.sources for f in group_facts([in_may, in_may_still], HashingEmbedder())] == [
        ["a", "b"]
    ]


def test_two_counts_of_one_thing_that_differ_clash_though_another_figure_is_shared():
    """'71 delegates short of the 2,383 needed' and 'needs 67 delegates to reach the 2,383':
    one threshold shared, and two counts of one thing (their heads share a word) each
    unmatched: two moments told in one template, not one fact. Counts of things not told
    alike ('212,000 packs', '14 batches') say nothing either way."""
    from corroborate.compare.facts import (
        FIGURE_CLASH_PENALTY,
        SHARED_FIGURE_BONUS,
        _figure_evidence,
    )

    def count(value, thing):
        return ("", value, None, False, None, 1.0, thing)

    short = [count(71.0, "delegat short"), count(2383.0, "")]
    needs = [count(67.0, "delegat"), count(2383.0, "")]
    assert _figure_evidence(short, needs) == -FIGURE_CLASH_PENALTY
    assert _figure_evidence(short, [count(67.0, "batch"), count(2383.0, "")]) == (
        SHARED_FIGURE_BONUS
    )
    assert _figure_evidence(short, [count(71.0, "delegat"), count(2383.0, "")]) == (
        2 * SHARED_FIGURE_BONUS
    )
    a = with_figures(
        make_article("a", "The county needs 40 more nurses to reach the 1,200 it promised.")
    )
    b = with_figures(
        make_article("b", "The county needs 25 more nurses to reach the 1,200 it promised.")
    )
    c = with_figures(
        make_article("c", "The county needs 40 more nurses to reach the 1,200 it has promised.")
    )
    table = SentenceTable.build([a, b, c])
    adjust = evidence(table, np.arange(3))
    assert adjust[0, 1] == adjust[1, 2] == np.float32(-FIGURE_CLASH_PENALTY)
    assert adjust[0, 2] == np.float32(2 * SHARED_FIGURE_BONUS)


_WORDS = [
    "harbour",
    "bridge",
    "girder",
    "crack",
    "ferry",
    "mayor",
    "repair",
    "union",
    "strike",
    "weekend",
    "engineer",
    "council",
    "budget",
    "traffic",
    "detour",
    "river",
    "crane",
    "steel",
    "inspector",
    "report",
    "closure",
    "commuter",
    "port",
    "tide",
]


def _bigger_story(seed: int = 0):
    """Six articles of four sentences, each of seven words drawn from one small vocabulary:
    most pairs share some words, few nearly all."""
    rng = np.random.default_rng(seed)
    return [
        make_article(
            f"a{k}",
            *(" ".join(rng.choice(_WORDS, 7, replace=False)).capitalize() + "." for _ in range(4)),
        )
        for k in range(6)
    ]


def _themed_vectors(n: int, noise: float, seed: int) -> np.ndarray:
    """Made-up unit embeddings: each of ``n`` sentences near one of four themes (and partly
    near a second), with ``noise``: many pairs land near the line between one fact and two."""
    rng = np.random.default_rng(seed)
    themes = rng.normal(size=(4, 16))
    near = themes[np.arange(n) % 4] + 0.5 * themes[np.arange(n) % 3]
    vectors = near + rng.normal(scale=noise, size=near.shape)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _partition(labels: np.ndarray) -> list[list[int]]:
    return sorted(sorted(np.flatnonzero(labels == k).tolist()) for k in set(labels.tolist()))


@pytest.mark.parametrize("noise", [0.5, 0.7])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_facts_clustered_group_by_group_equal_one_clustering_of_all(noise, seed):
    """Average linkage cut at a distance never joins sentences no chain of linkable pairs
    joins (and a mutual best match's bonus only goes to pairs it can tip): clustering each
    group alone gives the partition of clustering all the story's sentences at once."""
    table = SentenceTable.build(_bigger_story(seed))
    candidates = candidate_pairs(table)
    involved = np.unique(candidates)
    vectors = _themed_vectors(len(involved), noise, seed)
    close = _close_kept(vectors, min(ECHO, SAME_FACT - MAX_EVIDENCE_BONUS - 1e-4), None, "")
    by_groups = _cluster(table, involved, vectors, close, candidates)
    at_once = _link(table, involved, vectors, close)
    assert 1 < len(set(at_once.tolist())) < len(involved)  # some sentences join, not all
    assert _partition(by_groups) == _partition(at_once)


@pytest.mark.parametrize("noise", [0.5, 0.7])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_facts_weighing_only_close_pairs_equal_weighing_every_pair(noise, seed):
    """A pair further apart than the least that evidence and bonuses could lift to a fact is
    never weighed (only its cosine counts, inside a part that closer pairs chain together):
    the clusters are those of weighing every pair of the matrix."""
    table = SentenceTable.build(_bigger_story(seed))
    involved = np.unique(candidate_pairs(table))
    vectors = _themed_vectors(len(involved), noise, seed)
    floor = min(ECHO, SAME_FACT - MAX_EVIDENCE_BONUS - 1e-4)
    close = _close_kept(vectors, floor, None, "")
    every = _close_kept(vectors, -2.0, None, "")  # every pair, all weighed
    assert len(every[0]) == len(involved) * (len(involved) - 1) // 2 > len(close[0])
    labels = _link(table, involved, vectors, close)
    assert 1 < len(set(labels.tolist())) < len(involved)
    assert _partition(labels) == _partition(_link(table, involved, vectors, every))


def test_candidate_pairs_do_not_depend_on_the_block_size():
    table = SentenceTable.build(_bigger_story())
    whole = candidate_pairs(table, rows_per_block=10_000)
    assert len(whole) and np.array_equal(candidate_pairs(table, rows_per_block=3), whole)


def test_close_pairs_do_not_depend_on_the_block_size():
    table = SentenceTable.build(_bigger_story())
    vectors = np.asarray(HashingEmbedder().encode([s.text for s in table.sentences]))
    whole = close_pairs(vectors, 0.3, rows_per_block=10_000)
    assert len(whole) and np.array_equal(close_pairs(vectors, 0.3, rows_per_block=4), whole)


@pytest.mark.parametrize("seed", [0, 1])
def test_close_pairs_kept_from_the_last_brief_are_those_searched_from_scratch(seed):
    """A story briefed again with some sentences gone, some new and a duplicate: the pairs
    kept from its last brief and those searched anew are the pairs searched from scratch."""
    from corroborate.compare.close_pairs import close_pairs_kept
    from corroborate.compare.stage_cache import StageCache

    vectors = _themed_vectors(120, 0.6, seed).astype(np.float32)
    rng = np.random.default_rng(seed)
    before = vectors[np.sort(rng.choice(120, 90, replace=False))]
    after = np.concatenate([vectors[rng.permutation(120)[:100]], vectors[:1]])
    cache = StageCache()
    close_pairs_kept(before, 0.3, cache, "s1")
    kept = close_pairs_kept(after, 0.3, cache, "s1")
    assert cache.hits == 1 and len(kept)
    assert np.array_equal(kept, close_pairs(after, 0.3))


@pytest.mark.parametrize("seed", [0, 1])
def test_close_pairs_kept_in_order_are_merged_with_the_new_ones_as_from_scratch(seed):
    """New sentences among the old ones, which keep their order (as a story's table keeps
    them when an article joins): the kept pairs are merged with the new ones, not sorted
    again, and are the pairs searched from scratch."""
    from corroborate.compare.close_pairs import close_pairs_kept
    from corroborate.compare.stage_cache import StageCache

    vectors = _themed_vectors(120, 0.6, seed).astype(np.float32)
    rng = np.random.default_rng(seed)
    before = vectors[np.sort(rng.choice(120, 90, replace=False))]
    cache = StageCache()
    close_pairs_kept(before, 0.3, cache, "s1")
    kept = close_pairs_kept(vectors, 0.3, cache, "s1")
    assert cache.hits == 1 and len(kept)
    assert np.array_equal(kept, close_pairs(vectors, 0.3))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pairs_merged_in_order_are_the_pairs_sorted(seed):
    from corroborate.compare.close_pairs import _in_order, _joined, _merged

    rng = np.random.default_rng(seed)
    n = 50
    every = np.array([(i, j) for i in range(n) for j in range(i + 1, n)], dtype=np.int32)
    chosen = every[np.sort(rng.choice(len(every), 300, replace=False))]
    apart = rng.random(len(chosen)) < 0.3
    steps = rng.integers(3000, 10_000, len(chosen)).astype(np.int32)
    kept = (chosen[~apart, 0], chosen[~apart, 1], steps[~apart])
    found = (chosen[apart, 0], chosen[apart, 1], steps[apart])
    merged = _merged(kept, found, n)
    for got, want in zip(merged, _in_order(_joined([kept, found]), n), strict=True):
        assert got.dtype == want.dtype and np.array_equal(got, want)
    shuffled = tuple(x[::-1] for x in kept)  # not in order: sorted as before
    for got, want in zip(
        _merged(shuffled, found, n), _in_order(_joined([shuffled, found]), n), strict=True
    ):
        assert np.array_equal(got, want)


def test_a_pairs_cosine_is_the_same_whichever_comes_first_and_whatever_else_is_computed():
    from corroborate.compare.close_pairs import pair_steps

    vectors = _themed_vectors(300, 0.6, 3).astype(np.float32)
    rng = np.random.default_rng(3)
    first = np.sort(rng.integers(0, 300, 2000))
    second = rng.integers(0, 300, 2000)
    together = pair_steps(vectors, first, second)
    order = np.argsort(second, kind="stable")
    swapped = np.empty_like(together)
    swapped[order] = pair_steps(vectors, second[order], first[order])
    alone = [
        pair_steps(vectors, first[k : k + 1], second[k : k + 1])[0] for k in range(0, 2000, 97)
    ]
    assert np.array_equal(together, swapped)
    assert together[::97].tolist() == alone
    assert len(pair_steps(vectors, first[:0], second[:0])) == 0


@pytest.mark.parametrize(
    "order",
    [["b", "a", "b", "c", "a", "c", "b", "a"], ["a", "a", "a", "b", "b", "b", "c", "c"]],
)
def test_mutual_best_takes_each_articles_first_best_sentence_as_a_plain_scan_does(order):
    """Each sentence's best in each article, of pairs given in any order of articles
    (:func:`mutual_best`), are those of a plain scan of each article's columns of the whole
    matrix, ties to the first."""
    from corroborate.compare.facts import mutual_best

    rng = np.random.default_rng(5)
    articles = np.array(order)
    similarity = np.round(rng.random((8, 8)), 1)  # rounded: ties
    similarity = np.maximum(similarity, similarity.T)
    best = np.zeros((8, 8), dtype=bool)
    for article in np.unique(articles):
        columns = np.flatnonzero(articles == article)
        best[np.arange(8), columns[similarity[:, columns].argmax(axis=1)]] = True
    expected = best & best.T & (articles[:, None] != articles[None, :])
    first, second = np.triu_indices(8, k=1)
    codes = np.unique(articles, return_inverse=True)[1]
    found = mutual_best(first, second, similarity[first, second], codes)
    assert (found == expected[first, second]).all()
    assert expected.any()


def test_a_figure_pairs_with_one_figure_of_the_other_sentence_only():
    """Rounded to the other's precision, "49.9 percent to 49.6" both read as "50 percent": one
    figure is shared, and 49.6 and 44 are left unpaired on each side -- two results."""
    from corroborate.compare.facts import (
        FIGURE_CLASH_PENALTY,
        SHARED_FIGURE_BONUS,
        _figure_evidence,
        _figure_evidence_of_pairs,
    )

    caucus = [("%", 49.9, None, False, None, 0.1, ""), ("%", 49.6, None, False, None, 0.1, "")]
    poll = [("%", 50.0, None, False, None, 1.0, ""), ("%", 44.0, None, False, None, 1.0, "")]
    rounded = [("%", 50.0, None, False, None, 1.0, "")]
    assert _figure_evidence(caucus, poll) == -FIGURE_CLASH_PENALTY
    assert _figure_evidence(caucus, rounded) == SHARED_FIGURE_BONUS  # one shared, not two
    assert _figure_evidence(caucus, caucus) == 2 * SHARED_FIGURE_BONUS
    figures = [caucus, poll, rounded]
    found = _figure_evidence_of_pairs(figures, np.array([0, 0, 1]), np.array([1, 2, 2]))
    assert found.tolist() == [-FIGURE_CLASH_PENALTY, SHARED_FIGURE_BONUS, SHARED_FIGURE_BONUS]


def test_figure_evidence_of_many_pairs_at_once_is_each_pairs_own():
    """:func:`_figure_evidence_of_pairs` (arrays) gives what :func:`_figure_evidence` gives
    pair by pair: shared figures, clashes, bounds, periods, other kinds and counts of one
    thing."""
    import random

    from corroborate.compare.facts import _figure_evidence, _figure_evidence_of_pairs

    rng = random.Random(12)

    def one() -> tuple:
        return (
            rng.choice(["", "USD", "m"]),
            rng.choice([100.0, 103.0, 120.0, 0.0, -100.0, 2e6, 99.6, 100.4]),
            rng.choice([None, "", "2023", "march"]),
            rng.random() < 0.2,
            rng.choice(
                [None, None, None, None, "", "harbourview", "harbourview institute", "lantern"]
            ),
            rng.choice([1.0, 10.0, 100.0]),
            rng.choice(["", "", "delegat", "delegat short", "batch", "pack"]),
        )

    figures = [[one() for _ in range(rng.randint(1, 4))] for _ in range(40)]
    first, second = np.triu_indices(40, k=1)
    near = np.array([rng.random() < 0.5 for _ in first])
    expected = [
        _figure_evidence(figures[a], figures[b], bool(n))
        for a, b, n in zip(first, second, near, strict=True)
    ]
    found = _figure_evidence_of_pairs(figures, first, second, near)
    assert found.tolist() == expected
    assert {0.0, 0.1, 0.2, -0.15, -1.0} <= set(expected)


@pytest.mark.parametrize("n", [0, 5, 70_000])
def test_kept_close_pairs_pack_into_small_integers_and_back(n):
    from corroborate.compare.close_pairs import _packed, _unpacked
    from corroborate.compare.stage_cache import loads

    rng = np.random.default_rng(n)
    size = 0 if n == 0 else 50
    first = np.sort(rng.integers(0, max(n, 1), size)).astype(np.int32)
    second = rng.integers(0, max(n, 1), size).astype(np.int32)
    steps = rng.integers(60_000, 100_001, size).astype(np.int32)
    packed = loads(pickle.dumps(_packed((first, second, steps), n)))  # as a store keeps it
    back = _unpacked(packed, n)
    for a, b in zip(back, (first, second, steps), strict=True):
        assert a.dtype == np.int32 and np.array_equal(a, b)


def test_same_words_read_from_the_sparse_product_are_those_of_the_dense_one():
    from corroborate.compare.facts import SAME_FACT_LEXICAL, _same_words

    told = "The harbour bridge was shut on Tuesday after engineers found cracks in its welds."
    again = make_article("z", told.replace("Tuesday", "Tuesday morning"), outlet="Z")
    table = SentenceTable.build([*_bigger_story(), again, make_article("y", told, outlet="Y")])
    involved = np.arange(len(table.sentences))
    dense = (table.tfidf @ table.tfidf.T).toarray() >= SAME_FACT_LEXICAL
    expected = np.nonzero(np.triu(dense, k=1))  # each pair once, in order
    for rows_per_block in (1024, 7, 1):  # one block, and blocks of the rows from their own on
        first, second = _same_words(table, involved, rows_per_block)
        assert np.array_equal(first, expected[0]) and np.array_equal(second, expected[1])
    assert len(first)  # some pairs besides each sentence with itself


# ----------------------------------------------------------------- a quote is never cut in two


def units_of(*paragraphs):
    from corroborate.compare.facts import fact_units
    from tests.conftest import make_paragraphs

    article = make_paragraphs("a", *paragraphs)
    units = fact_units(article)
    for unit in units:  # every unit is the article's text, exactly
        assert article.text[unit.start : unit.end] == unit.text
    return [u.text for u in units]


@pytest.mark.parametrize(
    "quote",
    [
        (
            "“The water is rising fast.",
            "We have moved the families to the school,” the mayor said.",
        ),
        (
            '"The water is rising fast.',
            'We have moved the families to the school," the mayor said.',
        ),
        (
            "``The water is rising fast.",
            "We have moved the families to the school,'' the mayor said.",
        ),
        (
            "«The water is rising fast.",
            "We have moved the families to the school», the mayor said.",
        ),
        (
            "The mayor said: “The water is rising fast.",
            "We have moved the families.",
            "Nobody is in danger now.”",
        ),
    ],
)
def test_the_sentences_of_one_quote_are_one_fact_unit_whatever_the_marks(quote):
    before = "Heavy rain fell on the valley overnight."
    after = "The river crested at noon."
    assert units_of([before, *quote, after]) == [before, " ".join(quote), after]


def test_sentences_with_quotes_of_their_own_stay_apart():
    sentences = [
        "“We are ready,” the coach said.",
        "The captain called the match “the biggest of our lives”.",
        "Fans queued from dawn.",
    ]
    assert units_of(sentences) == sentences


def test_a_stray_opening_mark_does_not_swallow_the_rest_of_its_paragraph():
    sentences = ["Officials said the “review was finished.", "It found no fault.", "Work resumes."]
    assert units_of(sentences, ["A new paragraph, with no mark."]) == [
        *sentences,
        "A new paragraph, with no mark.",
    ]


def test_a_paragraph_that_begins_inside_a_quote_is_not_joined_up_to_its_closing_mark():
    # a text cut short: the closing mark has no opening one in its paragraph
    sentences = ["the talks went on all night.", "Both sides signed,” he said.", "Markets rose."]
    assert units_of(sentences) == sentences


def test_a_quote_over_two_paragraphs_is_joined_within_each_paragraph_never_across():
    first = ["“We lost the harvest.", "We lost the barns."]
    second = ["“But we will rebuild.", "We always have,” the farmer said."]
    assert units_of(first, second) == [" ".join(first), " ".join(second)]


def test_facts_show_a_quote_of_several_sentences_whole():
    from tests.conftest import make_paragraphs

    a = make_paragraphs(
        "a",
        ["The valley flooded overnight after days of rain."],
        [
            "“We encourage every town upstream to open its reservoirs.",
            "We also thank the volunteers who filled sandbags all night,” the governor said.",
        ],
    )
    b = make_paragraphs("b", ["The valley flooded overnight after a week of heavy rain."])
    facts = group_facts([a, b], HashingEmbedder())
    shown = [m.text for f in facts for m in f.members]
    assert (
        "“We encourage every town upstream to open its reservoirs. We also thank the volunteers"
        " who filled sandbags all night,” the governor said."
    ) in shown
    for text in shown:  # no fact opens a quote it does not close
        assert text.count("“") == text.count("”")


def test_every_sentence_of_a_quote_unit_belongs_to_its_fact():
    from corroborate.compare.facts import facts_of_sentences
    from tests.conftest import make_paragraphs

    a = make_paragraphs(
        "a",
        [
            "“The plant will close in March.",
            "All 230 workers will be offered jobs,” the owner said.",
        ],
        ["Shares in the company fell sharply on the news."],
    )
    facts = group_facts([a], HashingEmbedder())
    fact_of = facts_of_sentences(facts, [a])
    quote = next(k for k, f in enumerate(facts) if "230 workers" in f.sentence.text)
    assert fact_of[("a", 0)] == fact_of[("a", 1)] == quote
    assert fact_of[("a", 2)] != quote


def test_a_tables_pieces_read_with_its_rows_words_are_those_read_anew():
    """The table gives :func:`_pieces` the words it already read of each row (a re-brief
    reads them from the store): the pieces' rows are those of reading every text again."""
    from corroborate.compare.facts import _pieces
    from tests.conftest import make_paragraphs

    a = make_paragraphs(
        "a",
        [
            "“The plant will close in March.",
            "All 230 workers will be offered jobs,” the owner said.",
        ],
        ["Shares in the company fell sharply on the news."],
    )
    b = make_article("b", "The owner said the plant would close in March, with jobs offered.")
    table = SentenceTable.build([a, b])
    assert table.pieces is not None and table.piece_of is not None
    fresh, owner = _pieces([a, b], table.sentences)
    assert fresh is not None and owner is not None
    assert np.array_equal(table.piece_of, owner)
    assert (table.pieces != fresh).nnz == 0 and table.pieces.shape == fresh.shape


def quoted_by(speaker_of: dict[str, str], quote_of: dict[str, str], articles):
    """Quotes, by hand: every sentence of ``articles`` holding a key of ``speaker_of`` is a
    version of the quote ``quote_of[key]`` said by ``speaker_of[key]``."""
    from corroborate.model import Quote, QuoteVersion, Span

    versions: dict[str, list[QuoteVersion]] = {}
    for article in articles:
        for s in article.sentences:
            for key, speaker in speaker_of.items():
                if key in s.text:
                    span = Span(article.id, s.start, s.end)
                    version = QuoteVersion(s.text, span, (span,), False, speaker, speaker)
                    versions.setdefault(quote_of[key], []).append(version)
    return [
        Quote(qid, vs[0].speaker, vs[0].speaker_name, tuple(vs), tuple(v.article_id for v in vs))
        for qid, vs in versions.items()
    ]


def close_pair(texts, cosine=SAME_FACT + 0.05):
    """An embedder that puts the two ``texts`` at ``cosine`` (one fact, by the words' meaning)."""
    vectors = {
        texts[0]: np.array([1.0, 0.0]),
        texts[1]: np.array([cosine, np.sqrt(1 - cosine**2)]),
    }

    class Fixed:
        def encode(self, batch):
            return np.array([vectors[t] for t in batch], dtype=np.float32)

    return Fixed()


def test_a_quote_is_cited_for_a_sentence_naming_no_speaker_only_by_its_own_words():
    """A known speaker's direct quote and a sentence that holds no quote and names that
    speaker nowhere: close only by what lifts a pair (two ledes, a mutual best match), they
    are two facts; naming the speaker, or close in their own words, they are one."""
    quote = make_article(
        "a", "“The ferry will run again from Monday,” harbour master Ana Ruiz said."
    )
    other = make_article(
        "b", "Ferry crews expect the crossing to stay closed for weeks, pilots said."
    )
    named = make_article(
        "c", "Ferry crews expect the crossing to stay closed for weeks, Ruiz said."
    )
    quoted = quoted_by({"ferry will run": "Ana Ruiz"}, {"ferry will run": "q1"}, [quote])

    def facts(second, cosine) -> int:
        texts = [quote.sentences[0].text, second.sentences[0].text]
        table = SentenceTable.build([quote, second], quotes=quoted)
        return len(group_facts([quote, second], close_pair(texts, cosine), table=table))

    lifted = SAME_FACT - 0.02  # the two ledes' and a mutual best match's bonuses lift it
    assert facts(other, lifted) == 2
    assert facts(named, lifted) == 1
    assert facts(other, SAME_FACT + 0.01) == 1


def test_quoted_alone_pairs_a_speakers_quote_with_silent_sentences_naming_no_speaker():
    """Both ways, and only quote-to-silent pairs: a sentence naming the speaker (any word of
    the name), another quote, or a second silent sentence is no such pair."""
    from corroborate.compare.facts import quoted_alone
    from corroborate.model import Sentence

    texts = [
        "“We reopen in May,” she said.",  # 0: Ana Ruiz's quote
        "The harbour reopens in May, officials said.",  # 1: silent, names no Ruiz
        "Ruiz said the harbour reopens in May.",  # 2: silent, names her
        "“Not before June,” he said.",  # 3: Tom Hale's quote
        "Pilots expect the harbour to reopen later.",  # 4: silent
    ]
    sentences = [Sentence(str(k), 0, 0, len(t), t) for k, t in enumerate(texts)]
    nobody: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    said = [
        (frozenset({"e1"}), frozenset({"q1"})),
        nobody,
        nobody,
        (frozenset({"e2"}), frozenset({"q2"})),
        nobody,
    ]
    words = [
        frozenset({"ana", "ruiz"}),
        frozenset(),
        frozenset(),
        frozenset({"tom", "hale"}),
        frozenset(),
    ]
    table = SentenceTable(sentences, None, said=said, speaker_words=words)
    blocked = quoted_alone(table, np.arange(5))
    pairs = {(int(a), int(b)) for a, b in zip(*np.nonzero(blocked), strict=True)}
    one_way = {(0, 1), (0, 4), (3, 1), (3, 2), (3, 4)}
    assert pairs == one_way | {(b, a) for a, b in one_way}


def test_two_peoples_different_words_are_two_facts_however_alike():
    a = make_article(
        "a", "“Migration is a regional challenge that needs regional answers,” Lane said."
    )
    b = make_article(
        "b", "“Migration is a hemispheric challenge for the whole region,” Ortiz said."
    )
    embedder = close_pair([a.sentences[0].text, b.sentences[0].text])
    assert len(group_facts([a, b], embedder)) == 1  # alike in meaning: one fact, by the words
    quotes = quoted_by(
        {"regional answers": "e1", "hemispheric": "e2"},
        {"regional answers": "q1", "hemispheric": "q2"},
        [a, b],
    )
    table = SentenceTable.build([a, b], quotes=quotes)
    assert len(group_facts([a, b], embedder, table=table)) == 2


def test_one_quote_given_to_two_people_or_said_by_one_stays_one_fact():
    a = make_article("a", "“We will reopen the bridge in May,” the mayor Ana Ruiz said.")
    b = make_article("b", "“The bridge reopens in May,” spokesman Tom Hale said on Monday.")
    c = make_article("c", "“We are reopening the bridge in May,” Ana Ruiz told reporters.")

    def facts(first, second, speakers, quote_ids, quoted) -> int:
        embedder = close_pair([first.sentences[0].text, second.sentences[0].text])
        table = SentenceTable.build([first, second], quotes=quoted_by(speakers, quote_ids, quoted))
        return len(group_facts([first, second], embedder, table=table))

    relayed = {"reopen the bridge": "ruiz", "reopens": "hale"}
    assert facts(a, b, relayed, {"reopen the bridge": "q1", "reopens": "q1"}, [a, b]) == 1
    same_speaker = {"reopen the bridge": "ruiz", "reopening": "ruiz"}
    assert facts(a, c, same_speaker, {"reopen the bridge": "q1", "reopening": "q2"}, [a, c]) == 1
    unknown = {"reopen the bridge": "ruiz"}
    assert facts(a, b, unknown, {"reopen the bridge": "q1"}, [a]) == 1  # b's speaker not known


def test_no_forecast_across_stories_the_brief_keeps_apart():
    """Two articles about one town but two events (a flood, a school prize): the brief keeps
    them in two stories, so none of their sentences is compared, and none is forecast either
    (a looser forecast grouping linked them and embedded two sentences in vain)."""
    from corroborate.compare.cluster import StoryClusterer
    from corroborate.compare.facts import EmbeddingForecast

    flood = make_article(
        "a",
        "Heavy rain flooded the harbour road in Porthaven on Monday, and council workers "
        "closed it to traffic.",
        "Councillor Mira Okafor said pumps were brought in from Tarrow to clear the water.",
        "The road is expected to reopen on Wednesday.",
    )
    flood.title = "Flooding closes Porthaven harbour road"
    prize = make_article(
        "b",
        "Pupils at Porthaven's Linmoor school won a national science prize on Thursday.",
        "Head teacher Dara Feld said the pupils built a rain gauge.",
        "The prize is expected to fund a new laboratory.",
    )
    prize.title = "Porthaven school wins award"
    clusterer = StoryClusterer()
    assert clusterer.add(flood) != clusterer.add(prize)  # two stories in the brief
    forecast = EmbeddingForecast()
    assert forecast.add(flood) == [] and forecast.add(prize) == []
    # the same two events told by a second outlet each: partners within each story only
    flood2 = make_article(
        "c",
        "Council workers closed Porthaven's harbour road on Monday after heavy rain flooded it.",
        "Mira Okafor said pumps from Tarrow were clearing the water.",
    )
    flood2.title = "Porthaven harbour road shut by flood"
    found = forecast.add(flood2)
    assert found and "The prize is expected to fund a new laboratory." not in found


@pytest.mark.parametrize("seed", range(4))
def test_quotes_said_by_others_are_the_pairs_a_pair_by_pair_reading_blocks(seed):
    """:func:`said_by_others`, counted for all pairs at once, blocks exactly the pairs of
    sentences that each quote a known speaker and share neither a speaker nor a quote."""
    import random

    from corroborate.compare.facts import said_by_others

    rng = random.Random(seed)
    n = 40
    said = []
    for _ in range(n):
        speakers = frozenset(rng.sample(["e1", "e2", "e3", "e4"], rng.choice([0, 0, 1, 1, 2])))
        ids = frozenset(rng.sample(["q1", "q2", "q3", "q4", "q5"], rng.choice([0, 1, 1, 2])))
        said.append((speakers, ids))
    table = SentenceTable([make_article("a", "x").sentences[0]] * n, None, said=said)
    involved = np.array(sorted(rng.sample(range(n), 30)))
    expected = np.zeros((30, 30), dtype=bool)
    for x, a in enumerate(involved):
        for y, b in enumerate(involved):
            (sa, ia), (sb, ib) = said[a], said[b]
            expected[x, y] = x != y and bool(sa) and bool(sb) and not (sa & sb) and not (ia & ib)
    found = said_by_others(table, involved)
    assert found.dtype == bool and np.array_equal(found, expected)
    assert expected.any()


@pytest.mark.parametrize("seed", range(4))
def test_a_group_whose_speakers_and_quotes_are_renumbered_is_linked_from_the_same_inputs(seed):
    """What a group's linking is kept under names its speakers and quotes by their first
    appearance in the group: the story's ids renumbered (one more article names an entity
    more often), the key is the same, and so is what linking reads of them, the pairs quoting
    different people and the quoted sentences; two groups quoting in another pattern differ."""
    import random

    from corroborate.compare.facts import _link_inputs, quoted_alone, said_by_others

    rng = random.Random(seed)
    n = 30
    said = []
    for _ in range(n):
        speakers = frozenset(rng.sample(["e1", "e2", "e3", "e4"], rng.choice([0, 0, 1, 2])))
        ids = frozenset(rng.sample(["q1", "q2", "q3", "q4", "q5"], rng.choice([0, 1, 1, 2])))
        said.append((speakers, ids))
    # another numbering of the same speakers and quotes (e1 <-> e10, q2 -> q9...)
    renamed_speaker = dict(zip(["e1", "e2", "e3", "e4"], ["e10", "e7", "e2", "e4"], strict=True))
    renamed_quote = dict(
        zip(["q1", "q2", "q3", "q4", "q5"], ["q5", "q9", "q1", "q3", "q2"], strict=True)
    )
    renamed = [
        (frozenset(renamed_speaker[x] for x in who), frozenset(renamed_quote[x] for x in which))
        for who, which in said
    ]
    sentences = [
        make_article(f"a{k}", f"Sentence {k} of the story.").sentences[0] for k in range(n)
    ]
    words = [frozenset({"smith"}) if who else frozenset() for who, _ in said]
    tables = [SentenceTable(sentences, None, said=x, speaker_words=words) for x in (said, renamed)]
    involved = np.array(sorted(rng.sample(range(n), 20)))
    vectors = np.zeros((len(involved), 4), dtype=np.float32)
    nothing = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    keys = [_link_inputs(t, involved, vectors, None, nothing) for t in tables]
    assert pickle.dumps(keys[0]) == pickle.dumps(keys[1])
    for read in (said_by_others, quoted_alone):
        assert np.array_equal(read(tables[0], involved), read(tables[1], involved))
    # one sentence quoting another speaker than before: another key
    moved = list(said)
    k = next(k for k in involved.tolist() if said[k][0])
    moved[k] = (frozenset({"e99"}), said[k][1])
    other = SentenceTable(sentences, None, said=moved, speaker_words=words)
    assert pickle.dumps(_link_inputs(other, involved, vectors, None, nothing)) != pickle.dumps(
        keys[0]
    )


@pytest.mark.parametrize("seed", range(5))
def test_average_clusters_split_by_what_chains_within_the_cut_are_those_of_one_linkage(seed):
    """:func:`_average_parts` clusters each group of points chained by pairs within the cut
    alone, given the distances of the pairs near enough to be within it and asking the rest
    only inside a group: the partition is that of one average linkage of the whole matrix."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    from corroborate.compare.facts import _average_parts

    rng = np.random.default_rng(seed)
    n = 120
    centres = rng.random((12, 5))
    points = centres[rng.integers(0, 12, n)] + rng.normal(0, 0.08, (n, 5))
    distance = np.sqrt(((points[:, None] - points[None, :]) ** 2).sum(-1)).astype(np.float32)
    np.fill_diagonal(distance, 0.0)
    cut = 0.25
    whole = fcluster(
        linkage(squareform(distance, checks=False), method="average"), t=cut, criterion="distance"
    )
    first, second = np.nonzero(np.triu(distance <= 0.3, k=1))  # the near pairs, in order
    asked = []

    def far(a, b):
        asked.append(len(a))
        return distance[a, b]

    found = _average_parts(n, first, second, distance[first, second], far, cut)
    assert 0 < sum(asked) < n * (n - 1) // 2 - len(first)  # far pairs asked inside parts only
    pairs = set(zip(found.tolist(), whole.tolist(), strict=True))
    assert len(pairs) == len(set(found.tolist())) == len(set(whole.tolist()))
    assert 1 < len(pairs) < n  # clusters of several points, and several clusters


def test_a_polls_points_and_percent_are_one_kind_of_figure():
    from corroborate.annotate.quantities import extract_quantities
    from corroborate.compare.facts import figure

    told = make_article(
        "a",
        "The Harbourview Institute poll shows her ahead by 3.7 percentage points.",
        "A Lantern average of polls has her leading by 2.2 percent.",
        "Prices rose 3.7 percentage points last year.",
    )
    kinds = [figure(q)[0] for q in extract_quantities(told)]
    assert kinds == ["%", "%", "pp"]  # a poll's points are its shares; prices' are not


def test_two_sentences_naming_different_places_are_told_apart():
    """Places that share no word are evidence of two happenings told alike (a primary in New
    Hampshire, another in Wisconsin); "U.S." and "US", "N.H." and "New Hampshire" are one."""
    from corroborate.compare.facts import PLACE_CLASH_PENALTY, _place_words
    from tests.test_entities import tag

    assert _place_words("u.s.") & _place_words("united states")
    assert _place_words("n.h.") & _place_words("new hampshire")
    assert not _place_words("new hampshire") & _place_words("wisconsin")
    a = tag(
        make_article("a", "Ana Ruiz won the New Hampshire primary on Tuesday by a wide margin."),
        "GPE",
        "New Hampshire",
    )
    b = tag(
        make_article("b", "Ana Ruiz won the Wisconsin primary on Tuesday by a wide margin."),
        "GPE",
        "Wisconsin",
    )
    c = tag(
        make_article("c", "Ana Ruiz won the N.H. primary on Tuesday by a wide margin."),
        "GPE",
        "N.H.",
    )
    table = SentenceTable.build([a, b, c])
    adjust = evidence(table, np.arange(3))
    assert adjust[0, 1] <= -PLACE_CLASH_PENALTY + 1e-6  # New Hampshire, Wisconsin
    assert adjust[0, 2] > adjust[0, 1]  # New Hampshire, N.H.: no clash


def test_nearly_the_same_words_with_clashing_figures_are_not_one_sentence():
    """A template told with two figures ("the margin of error is plus or minus 3.4 points" /
    "... 5.7 points") is two facts: the shared words are the template's, the figures each
    sentence's own. Weighed by cosine and evidence like any pair, a low cosine keeps them
    apart; taken as nearly the same words they were one fact whatever their figures."""
    from corroborate.annotate.quantities import extract_quantities
    from corroborate.model import Mention

    margin = "The margin of error is plus or minus {} percentage points in the Gallup survey."
    articles = []
    for article_id, figure in (("a", "3.4"), ("b", "5.7")):
        article = make_article(
            article_id, margin.format(figure), "The survey was run for Ana Lindqvist."
        )
        start = article.text.index("Ana Lindqvist")
        name = Mention(article_id, start, start + 13, "Ana Lindqvist", "PERSON", 1)
        article.mentions.append(name)
        article.quantities = extract_quantities(article)
        articles.append(article)
    # other sentences of the story, so that the template's words are rare in it
    others = [
        make_article(f"x{i}", f"Filler sentence number {i} about the weather.") for i in range(12)
    ]
    facts = group_facts(articles + others, _at_cosine(0.6))
    margins = sorted(sorted(f.sources) for f in facts if "margin" in f.sentence.text)
    assert margins == [["a"], ["b"]]


@pytest.mark.parametrize("seed", range(4))
def test_a_pairs_bonus_is_that_of_the_whole_bound_matrix_and_never_more_than_either_sentences(
    seed,
):
    """What evidence could add to a pair (rare names, a day, figures of a kind, two ledes), worked
    out for the pairs alone, equals the entry of the matrix that adds every pair's shared sets
    at once; and no pair's is more than the most either of its sentences could have, so the
    pairs that bound rules out need not be weighed."""
    import random

    from scipy.sparse import csr_matrix

    from corroborate.compare.facts import (
        LEDE_BONUS,
        SHARED_DAY_BONUS,
        SHARED_FIGURE_BONUS,
        SHARED_RARE_NAME_BONUS,
        _bonus_sets,
        _most_bonus,
        _pair_bonus,
    )
    from corroborate.model import Sentence
    from corroborate.text import shared_members

    rng = random.Random(seed)
    n = 60
    names = [f"name{k}" for k in range(12)]
    table = SentenceTable(
        [Sentence(f"a{k % 7}", k // 7, 0, 1, "x") for k in range(n)],
        csr_matrix((n, 1)),
        figures=[
            [(kind,) for kind in rng.sample(["%", "USD", "km"], rng.randrange(3))] for _ in range(n)
        ],
        names=[set(rng.sample(names, rng.randrange(5))) for _ in range(n)],
        days=[
            set(rng.sample(["2024-03-05", "2024-03-06", "Monday"], rng.randrange(3)))
            for _ in range(n)
        ],
    )
    involved = np.arange(n)
    sets = _bonus_sets(table, involved)
    rare, days, kinds, ledes = sets
    assert 0 < sum(map(len, rare)) < sum(len(x) for x in table.names)  # some names rare, not all
    bound = csr_matrix(shared_members(rare), dtype=np.float64)  # every pair at once
    bound.data = SHARED_RARE_NAME_BONUS * np.minimum(bound.data, 2)
    for each, most in (
        (days, SHARED_DAY_BONUS),
        (kinds, 2 * SHARED_FIGURE_BONUS),
        ([{"lede"} if lede else set() for lede in ledes], LEDE_BONUS),
    ):
        shared = csr_matrix(shared_members(each), dtype=np.float64)
        shared.data[:] = most
        bound = bound + shared
    first, second = np.triu_indices(n, k=1)
    pair = _pair_bonus(sets, first, second)
    assert np.array_equal(pair, np.asarray(bound[first, second]).ravel())
    assert pair.max() > 2 * SHARED_FIGURE_BONUS
    most = _most_bonus(sets)
    assert np.all(pair <= np.minimum(most[first], most[second]))


@pytest.mark.parametrize("seed", range(3))
def test_kept_pairs_renamed_as_the_vectors_are_now_equal_pairs_renamed_one_by_one(seed):
    """Kept close pairs renamed to the vectors' places now equal the pairs renamed one by one
    (both ends mapped, a pair of a vector gone dropped, each pair's ends in order), whether the
    old vectors all stay in their order (one more article's placed among them) or not."""
    from corroborate.compare.close_pairs import _packed, _renamed

    rng = np.random.default_rng(seed)
    n = 40
    first, second = np.triu_indices(n, 1)
    chosen = rng.random(len(first)) < 0.3
    first, second = first[chosen].astype(np.int32), second[chosen].astype(np.int32)
    steps = rng.integers(5000, 10_001, len(first)).astype(np.int32)
    packed = _packed((first, second, steps), n)
    grown = np.sort(rng.choice(n + 10, n, replace=False)).astype(np.int32)
    shuffled = rng.permutation(n + 10)[:n].astype(np.int32)
    shuffled[rng.random(n) < 0.2] = -1
    for old_to_new in (grown, shuffled):
        i, j = old_to_new[first], old_to_new[second]
        both = (i >= 0) & (j >= 0)
        want = (np.minimum(i[both], j[both]), np.maximum(i[both], j[both]), steps[both])
        for got, expected in zip(_renamed(packed, old_to_new), want, strict=True):
            assert got.dtype == np.int32 and np.array_equal(got, expected)


@pytest.mark.parametrize("seed", range(4))
def test_keys_joined_in_place_are_the_union_with_the_kept_ones_marked(seed):
    """:func:`_joined_keys` of two sorted sets of pair keys (some shared, either maybe empty)
    is their sorted union, each key marked by whether the first set holds it."""
    from corroborate.compare.facts import _joined_keys

    rng = np.random.default_rng(seed)
    kept = np.unique(rng.integers(0, 500, size=int(rng.integers(0, 200))))
    more = np.unique(rng.integers(0, 500, size=int(rng.integers(0, 60))))
    keys, of_kept = _joined_keys(kept, more)
    assert np.array_equal(keys, np.union1d(kept, more))
    assert np.array_equal(keys[of_kept], kept)


def test_tfidf_rows_are_counted_words_weighed_and_normalised():
    """:func:`corroborate.text.tfidf_matrix`: each text's row weighs each content word by
    1 + log(count) times the smoothed IDF, normalised, in columns given as words first come;
    a text with no content word has an empty row."""
    from math import log, sqrt

    from corroborate.text import tfidf_matrix

    texts = ["harbour bridge harbour", "bridge closed", "the of", "harbour closed today"]
    matrix = tfidf_matrix(texts)
    columns = ["harbour", "bridge", "closed", "today"]
    df = {"harbour": 2, "bridge": 2, "closed": 2, "today": 1}
    idf = {w: log(5 / (1 + df[w])) + 1 for w in columns}
    for row, text in enumerate(texts):
        said = [w for w in text.split() if w in idf]
        raw = {w: (1 + log(said.count(w))) * idf[w] for w in said}
        norm = sqrt(sum(v * v for v in raw.values())) or 1.0
        expected = [raw.get(w, 0.0) / norm for w in columns]
        assert matrix[row].toarray().ravel() == pytest.approx(expected)
    assert matrix.shape == (4, 4) and matrix[2].nnz == 0


def test_an_age_beside_a_name_is_no_evidence_of_one_fact_and_an_age_told_is():
    """ "Kubica, 35, made his race debut ..." and "Kubica, 35, made his return ...": the age
    comes with the name in every story about him; "died at the age of 77" tells it."""
    from corroborate.annotate.quantities import Quantity
    from corroborate.compare.facts import _describes_a_person

    def age(text: str, at: int) -> Quantity:
        return Quantity(
            "a",
            35.0,
            None,
            None,
            None,
            unit="year",
            text="35",
            start=at,
            end=at + 2,
            sentence=0,
            measure="age",
            period=None,
            head="age",
        )

    beside = "Kubica, 35, made his race debut in 2006."
    told = "Stern died on Wednesday at the age of 35 in New York."
    assert _describes_a_person(beside, age(beside, beside.index("35")))
    assert not _describes_a_person(told, age(told, told.index("35")))


# -------------------------------------------------------------- one happening, told apart further


def test_a_count_one_sentence_adds_of_a_thing_both_count_is_news_the_other_does_not_tell():
    """'40 nurses short of the 1,200 promised' and 'the 1,200 nurses it promised': the shared
    1,200 is a target both tell, the 40 the news of one moment, which the other does not
    report; counts of another thing ('3 clinics') do not weigh."""
    from corroborate.compare.facts import (
        FIGURE_CLASH_PENALTY,
        SHARED_FIGURE_BONUS,
        _figure_evidence,
    )

    def count(value, thing):
        return ("", value, None, False, None, 1.0, thing)

    short = [count(40.0, "nurs short"), count(1200.0, "nurs")]
    target = [count(1200.0, "nurs")]
    assert _figure_evidence(short, target) == -FIGURE_CLASH_PENALTY
    assert _figure_evidence(target, short) == -FIGURE_CLASH_PENALTY
    clinics = [count(3.0, "clinic"), count(1200.0, "nurs")]
    assert _figure_evidence(clinics, target) == SHARED_FIGURE_BONUS
    # "230 people" it employs, and "a town of 95,000 people": no word says one thing
    town = [count(230.0, "people"), count(95000.0, "people")]
    assert _figure_evidence(town, [count(230.0, "people")]) == SHARED_FIGURE_BONUS
    a = with_figures(
        make_article("a", "The county is 40 nurses short of the 1,200 nurses it promised to hire.")
    )
    b = with_figures(make_article("b", "The county promised to hire 1,200 nurses by the autumn."))
    c = with_figures(make_article("c", "The county has promised to hire 1,200 nurses by autumn."))
    adjust = evidence(SentenceTable.build([a, b, c]), np.arange(3))
    assert adjust[0, 1] == adjust[0, 2] == np.float32(-FIGURE_CLASH_PENALTY)
    assert adjust[1, 2] == np.float32(SHARED_FIGURE_BONUS)


def test_a_figure_naming_no_place_is_of_the_place_told_just_before_it():
    """'... the state's 20 delegates' after a sentence naming Oregon is Oregon's: apart from
    a sentence of Ohio and Texas; a sentence of no figure, or referring to no place by its
    kind, keeps what it names."""
    from corroborate.compare.facts import _sentence_evidence
    from tests.conftest import make_paragraphs
    from tests.test_entities import tag

    a = make_paragraphs(
        "a",
        [
            "Ana Ruiz won the primary in Oregon on Tuesday.",
            "Her victory gives her a majority of the state's 20 pledged delegates.",
            "It was a long night for her rival.",
            "Her aides said 40 volunteers in the town of Bend had knocked on doors.",
        ],
        ["Her aides expect 30 more endorsements soon."],
    )
    tag(a, "GPE", "Oregon")
    with_figures(a)
    places = _sentence_evidence([a], a.sentences)[3]
    # a place named but not tagged ("the town of Bend") is no other place's
    assert places == [{"oregon"}, {"oregon"}, set(), set(), set()]
    b = tag(
        make_article("b", "She won an outright majority of pledged delegates in Ohio and Texas."),
        "GPE",
        "Ohio",
        "Texas",
    )
    table = SentenceTable.build([a, b])
    second = [k for k, s in enumerate(table.sentences) if "state's" in s.text]
    other = [k for k, s in enumerate(table.sentences) if s.article_id == "b"]
    assert table.places[second[0]] == {"oregon"}
    from corroborate.compare.facts import _places_apart_at

    assert _places_apart_at(
        table, np.arange(len(table.sentences)), np.array(second), np.array(other)
    )[0]


def test_a_sentence_referring_back_to_a_day_tells_of_that_day():
    """'... that day' in a sentence naming no day is the day the sentence before names: a
    meeting planned 'that day' (Thursday) is not cited for a meeting held the next Tuesday."""
    from corroborate.annotate.dates import extract_dates
    from tests.conftest import make_paragraphs

    plan = make_paragraphs(
        "a",
        [
            "The mayor is to meet the union leaders at city hall on Thursday.",
            "The governor also plans to meet the union leaders at city hall that day.",
        ],
    )
    plan.published = "2000-06-06"
    plan.dates = extract_dates(plan)
    held = dated(
        "b",
        "2000-06-14",
        "The governor met the union leaders at city hall on Tuesday after a long delay.",
    )
    table = SentenceTable.build([plan, held])
    assert table.days[1] == table.days[0] and table.days[0]
    facts = group_facts([plan, held], HashingEmbedder())
    assert sources_of(facts, "that day") == [["a"]]
    # a sentence of another paragraph does not refer back across the paragraph's end
    apart = make_paragraphs(
        "c",
        ["The mayor is to meet the union leaders at city hall on Thursday."],
        ["The governor also plans to meet the union leaders that day."],
    )
    apart.published = "2000-06-06"
    apart.dates = extract_dates(apart)
    assert SentenceTable.build([apart]).days[1] == set()


def test_a_plan_is_not_cited_for_the_report_of_its_day():
    """'will meet ... on Thursday' (said on a Friday) and 'met Thursday' in a Thursday
    dispatch: the plan and what came of it, though the report was written on the day."""
    plan = dated(
        "a",
        "2000-05-05",
        "The speaker's office said Friday that the speaker will meet the nominee on Thursday to talk about unity.",
    )
    report = dated(
        "b",
        "2000-05-11",
        "The speaker and the nominee pledged unity after they met on Thursday to talk about unity.",
    )
    table = SentenceTable.build([plan, report])
    assert table.ahead_days[0] == table.news_days[1] == "2000-05-11"
    from corroborate.compare.facts import told_of_other_days

    assert told_of_other_days(table, np.arange(2))[0, 1]
    # "meets tonight", told on the day: still the plan, not what came of it
    tonight = dated(
        "c",
        "2000-05-11",
        "The speaker and the nominee meet tonight to talk about unity, the speaker's office said.",
    )
    table = SentenceTable.build([plan, tonight])
    assert table.news_days[1] == "2000-05-11"
    assert not told_of_other_days(table, np.arange(2))[0, 1]


def test_a_days_news_is_not_cited_to_a_dispatch_written_before_that_day():
    """'reached the 1,200 nurses it promised on Monday' (a Thursday dispatch) cannot be
    reported by an article of the Friday before: that one told an earlier state of things.
    A dispatch of the day itself, or of the day after, may tell it."""
    told = "The county reached the 1,200 nurses it had promised to hire{}, officials said."
    monday = dated("a", "2000-05-11", told.format(" on Monday"))
    before = dated("b", "2000-05-05", told.format(""))
    next_day = dated("c", "2000-05-09", told.format(""))
    table = SentenceTable.build([monday, before, next_day])
    assert table.news_days[0] == "2000-05-08"
    from corroborate.compare.facts import told_of_other_days

    blocked = told_of_other_days(table, np.arange(3))
    assert blocked[0, 1] and blocked[1, 0]
    assert not blocked[0, 2] and not blocked[1, 2]


def test_a_headlines_line_is_cited_with_a_headline_only():
    """A line set as a headline (a link to another article) beside a report of the same
    subject is not one fact; two outlets' headlines alike still are."""
    linked = make_article("a", "The Harbour Bridge Deal Is One Huge Step For The City")
    report = make_article(
        "b", "The harbour bridge deal is one huge step for the city, the mayor said."
    )
    again = make_article("c", "The Harbour Bridge Deal Is One Huge Step For Our City")
    embedder = close_pair([linked.sentences[0].text, report.sentences[0].text], cosine=0.95)
    assert len(group_facts([linked, report], embedder)) == 2
    assert [f.sources for f in group_facts([linked, again], HashingEmbedder())] == [["a", "c"]]


def test_a_fact_is_told_in_the_clean_wording_of_its_sentences():
    # the first article's copy has a translation's slip; the second tells it cleanly
    a = make_article(
        "a",
        "The port authority closed the harbour bridge on Friday after finding cracks in two "
        "girders, the authority said a statement.",
    )
    b = make_article(
        "b",
        "The port authority closed the harbour bridge on Friday after finding cracks in two "
        "girders, the authority said in a statement.",
    )
    (fact,) = [f for f in group_facts([a, b], HashingEmbedder()) if len(f.sources) == 2]
    assert fact.sentence.article_id == "b"
    assert fact.sources == ["a", "b"]  # the damaged copy's article is still a source


def test_a_fact_told_only_in_damaged_wording_keeps_it():
    a = make_article("a", "Crews barely made made it to the dam before the water rose on Friday.")
    b = make_article(
        "b", "Crews barely made made it to the dam before the water rose on Friday night."
    )
    (fact,) = [f for f in group_facts([a, b], HashingEmbedder()) if len(f.sources) == 2]
    assert "made made" in fact.sentence.text


def test_outlets_that_tell_one_frame_with_other_figures_do_not_corroborate_each_other():
    """Two outlets' "an ounce of gold traded at $1,529" and "... at $1,553" are alike in words
    but do not report one figure: each is its own fact (neither cited for the other's figure),
    while a third outlet's $1,529 corroborates the first."""

    def article(article_id: str, price: str) -> Article:
        a = make_article(
            article_id,
            f"An ounce of gold traded at ${price} in London in the afternoon.",
            "Dealers said investors sought safety after the weekend's attacks.",
        )
        return replace(a, quantities=extract_quantities(a))

    facts = group_facts(
        [article("a", "1,529"), article("b", "1,553"), article("c", "1,529")], HashingEmbedder()
    )
    gold = sorted(f.sources for f in facts if "ounce" in f.sentence.text)
    assert gold == [["a", "c"], ["b"]]
    dealers = [f.sources for f in facts if "Dealers" in f.sentence.text]
    assert dealers == [["a", "b", "c"]]


def test_sentences_of_another_language_with_other_figures_are_two_facts():
    """The quantity rules read English only; in another language a sentence's figures are read
    as written (:func:`digit_figures`): one frame told with other figures (two days' prices)
    is two facts, with the same figures one."""

    def german(article_id: str, price: str) -> Article:
        article = make_article(
            article_id,
            f"Die Feinunze Gold (31,1 Gramm) wurde am Nachmittag in London bei {price} Dollar "
            "gehandelt.",
            "Händler sagten, die Anleger suchten nach den Angriffen am Wochenende Sicherheit.",
        )
        return replace(article, language="de")

    def gold(*articles: Article) -> list[list[str]]:
        facts = group_facts(list(articles), HashingEmbedder())
        return sorted(f.sources for f in facts if "Feinunze" in f.sentence.text)

    assert gold(german("a", "1529"), german("b", "1553")) == [["a"], ["b"]]
    assert gold(german("a", "1529"), german("b", "1529")) == [["a", "b"]]
    assert [f[1] for f in digit_figures("bei 1529 Dollar (31,1 Gramm)")] == [311.0, 1529.0]
