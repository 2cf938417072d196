import numpy as np

from corroborate.compare.facts import SentenceTable, group_facts
from corroborate.compare.summarize import (
    LAMBDA,
    REDUNDANT,
    _most_marginal,
    _redundancy,
    _standalone,
    summarize,
    summary_candidate,
)
from corroborate.embed.fake import HashingEmbedder
from corroborate.model import Fact, Sentence
from tests.conftest import make_article


def articles():
    lead = "Engineers closed the harbour bridge in Porthaven on Friday after finding cracks in two girders."
    ferry = "The city council will run extra ferries across the harbour while the repairs continue."
    cost = (
        "Repairs to the harbour bridge are expected to cost about 45 million euros, officials said."
    )
    return [
        make_article(
            "a",
            lead,
            ferry,
            cost,
            "Shop owners near the closed bridge reported far fewer customers over the weekend.",
        ),
        make_article(
            "b",
            lead.replace("Engineers closed", "Engineers shut"),
            cost,
            "A union of dock workers said it would hold a meeting with the council next week.",
        ),
        make_article(
            "c",
            lead.replace("on Friday", "on Friday morning"),
            ferry,
            "Traffic on the coastal road doubled as drivers looked for another way into town.",
        ),
        make_article(
            "d",
            "He said it would reopen.",
            "This was the third closure in a decade of the harbour bridge.",
            "Is the bridge safe for pedestrians to use at all during the long repairs?",
        ),
    ]


def test_summary_prefers_facts_more_outlets_report_and_cites_them_all():
    arts = articles()
    table = SentenceTable.build(arts)
    facts = group_facts(arts, HashingEmbedder(), table=table)
    chosen = summarize(facts, table, arts, min_sentences=3, max_sentences=5)
    assert chosen[0].sources == ["a", "b", "c"]
    assert len(chosen) >= 3
    texts = [f.sentence.text for f in chosen]
    assert len(set(texts)) == len(texts)
    for fact in chosen:
        assert fact.sentence.article_id in fact.sources


def test_summary_is_in_reading_order():
    arts = articles()
    table = SentenceTable.build(arts)
    chosen = summarize(
        group_facts(arts, HashingEmbedder(), table=table), table, arts, min_sentences=3
    )
    assert "Engineers" in chosen[0].sentence.text


def test_summary_never_uses_questions_dangling_pronouns_or_quote_pieces():
    assert not summary_candidate("He said it would reopen once the work is done next year.")
    assert not summary_candidate(
        "Is the bridge safe for pedestrians to use at all during the repairs?"
    )
    assert not summary_candidate("“We will reopen it as soon as we can, and we will be safe.")
    assert not summary_candidate("This was the third closure in a decade of the harbour bridge.")
    assert not summary_candidate(
        "At that meeting, the minister promised to reopen the bridge by May."
    )
    assert summary_candidate("“We will reopen it as soon as we can,” the mayor said on Friday.")
    # a whole quotation and nothing else: the speaker was named in another sentence
    assert not summary_candidate("“We will reopen it as soon as we can, and we will be safe.”")
    assert not summary_candidate('"We will reopen it as soon as we can, and we will be safe."')


def test_the_writer_speaking_in_the_first_person_is_not_summary_material():
    assert not summary_candidate(
        "I'm writing this from the school gym, where the evacuees sleep tonight."
    )
    assert not summary_candidate(
        "Most of my neighbours left their homes before the sheriff arrived on Friday."
    )
    assert not summary_candidate(
        "I have covered this council for a decade and never seen a vote like it."
    )
    # the first person inside a quotation is the speaker's, and the sentence reports it
    assert summary_candidate(
        "“I was told to leave within the hour,” said resident Dana Moore on Friday."
    )
    assert summary_candidate(
        "« I will not resign », the mayor told the council on Tuesday evening."
    )
    # a capital I that is no pronoun
    assert summary_candidate(
        "Veterans of World War II gathered in the town square on Sunday morning."
    )


def test_words_given_to_a_bare_pronoun_do_not_stand_alone_but_a_named_version_does():
    from dataclasses import replace as copy

    from corroborate.compare.summarize import _standalone

    pronoun = (
        "“We will rebuild the market hall within two years,” she said in a statement on Friday."
    )
    named = "Mayor Ana Ortiz said the market hall would be rebuilt within two years, on Friday."
    assert not summary_candidate(pronoun) and summary_candidate(named)
    a = Sentence("a", 3, 0, len(pronoun), pronoun)
    b = Sentence("b", 2, 0, len(named), named)
    fact = Fact(a, [a, b], ["a", "b"], 2)
    told = _standalone(fact)
    assert told is not None and told.sentence is b and told.sources == ["a", "b"]
    assert _standalone(copy(fact, members=[a])) is None


def test_a_story_of_several_events_tells_the_first_and_the_latest():
    arts = articles()
    later = make_article(
        "e",
        "Three weeks later the harbour bridge in Porthaven reopened to cars after the girders were replaced.",
        "Traffic returned to normal on the coastal road within hours of the reopening ceremony.",
    )
    later.published = "2025-04-01"
    for a in arts:
        a.published = "2025-03-07"
    arts.append(later)
    table = SentenceTable.build(arts)
    facts = group_facts(arts, HashingEmbedder(), table=table)
    one_event = summarize(facts, table, arts, min_sentences=1, max_sentences=2)
    assert not any(f.sentence.article_id == "e" for f in one_event)  # one outlet, no support
    events = [["a", "b", "c", "d"], ["e"]]
    told = summarize(facts, table, arts, min_sentences=1, max_sentences=2, events=events)
    assert [f.sentence.article_id in ("a", "b", "c") for f in told] == [True, False]
    assert "reopened" in told[-1].sentence.text  # the latest state comes last


def test_a_mean_of_few_values_is_numpys_to_the_last_bit():
    """:func:`_mean` sums fewer than 8 values in order as numpy does: the same float."""
    import random

    import numpy as np

    from corroborate.compare.summarize import _mean

    rng = random.Random(7)
    for size in [*range(1, 12), 40]:
        for _ in range(300):
            values = [rng.randrange(60) / rng.randint(1, 60) for _ in range(size)]
            assert _mean(values) == float(np.mean(values))


def test_redundancy_is_the_largest_cosine_with_any_chosen_candidate():
    columns = {0: np.array([1.0, 0.2, 0.6]), 2: np.array([0.6, 0.4, 1.0])}
    assert _redundancy(columns.__getitem__, [], 3).tolist() == [0.0, 0.0, 0.0]
    assert _redundancy(columns.__getitem__, [0, 2], 3).tolist() == [1.0, 0.4, 1.0]


def test_most_marginal_is_the_loops_choice_first_of_equals_never_chosen_or_redundant():
    relevance = np.array([0.9, 0.5, 0.5, 0.8, np.nan])
    redundancy = np.array([0.0, 0.1, 0.1, REDUNDANT, 0.0])

    def by_loop(chosen: list[int]) -> int:  # the candidate-by-candidate rule it replaces
        best, best_score = -1, -np.inf
        for i in range(len(relevance)):
            if i in chosen or redundancy[i] >= REDUNDANT:
                continue
            score = LAMBDA * relevance[i] - (1 - LAMBDA) * redundancy[i]
            if score > best_score:
                best, best_score = i, score
        return best

    for chosen in ([], [0], [0, 1], [0, 1, 2]):
        assert _most_marginal(relevance, redundancy, chosen) == by_loop(chosen)
    assert [_most_marginal(relevance, redundancy, c) for c in ([], [0], [0, 1])] == [0, 1, 2]
    assert _most_marginal(relevance, redundancy, [0, 1, 2]) == -1  # 3 redundant, 4 no number


def test_a_sentence_in_garbled_wording_is_not_summary_material():
    assert not summary_candidate(
        "The council promised to study routes . safe and cheap routes for the new tram line."
    )
    assert not summary_candidate(
        "The ferry line will resume service next week, the regional authority said a release."
    )
    assert summary_candidate(
        "The ferry line will resume service next week, the regional authority said in a release."
    )
    # a typographic slip is no reason to leave a sentence out when it is the only wording
    assert summary_candidate(
        "The ferry line will resume service next week after repairs to the the pier."
    )


def test_a_fact_is_summarized_by_its_sentence_without_a_slip():
    slip_text = "The ferry line will resume service next week , the authority said."
    clean_text = "The ferry line will resume service next week, the authority said."
    slip = Sentence("a", 0, 0, len(slip_text), slip_text)
    clean = Sentence("b", 0, 0, len(clean_text), clean_text)
    fact = Fact(slip, [slip, clean], ["a", "b"], 2, [], ["A", "B"])
    assert _standalone(fact).sentence is clean


def test_a_story_in_chinese_or_arabic_has_a_summary():
    """Sentences of scripts with no capitals, or no spaces between words, stand alone too: a
    Chinese sentence is counted two letters a word, and ends with its full-width stop."""
    chinese = make_article(
        "z",
        "官员说，周日暴雨淹没了诺加利斯的边境口岸，数百辆卡车被困。",
        "该机构说，口岸预计在周一上午重新开放，维修工作仍在继续。",
        "在推特上关注我们。",
    )
    arabic = make_article(
        "r",
        "أعلنت وزارة الصحة يوم الاثنين أن عدد الإصابات ارتفع إلى 120 حالة في العاصمة.",
        "وقال المتحدث باسم الوزارة إن الفرق الطبية تعمل على مدار الساعة لاحتواء المرض.",
    )
    assert summary_candidate(chinese.sentences[0].text)
    assert not summary_candidate(chinese.sentences[2].text)  # four words: too short
    for article, expected in ((chinese, 2), (arabic, 2)):
        table = SentenceTable.build([article])
        facts = group_facts([article], HashingEmbedder(), table=table)
        assert len(summarize(facts, table, [article])) == expected


def test_a_korean_sentence_is_as_long_as_its_spaced_words():
    """Korean is written with spaces between its words: six of them, of 18 syllables, are too
    few for a summary (MIN_WORDS), as six English words are; eleven are enough."""
    six = "시는 월요일에 새 다리를 개통한다고 밝혔다."
    assert len(six.split()) == 6 and not summary_candidate(six)
    assert summary_candidate("서울시는 다음 달부터 새 버스 노선 세 개를 운행한다고 월요일 밝혔다.")
