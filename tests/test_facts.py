from corroborate.facts import SentenceTable, candidate_pairs, group_facts, is_complete
from corroborate.nlp import HashingEmbedder
from tests.conftest import make_article


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
    a = make_article("a", "Cracks were found in the bridge girders.", "Cracks were found in the bridge girders again.")
    assert len(candidate_pairs(SentenceTable.build([a]))) == 0


def test_is_complete():
    assert is_complete("“We will reopen it,” she said.")
    assert not is_complete("and then the bridge closed.")
    assert not is_complete("The bridge closed")
