"""Coverage: which outlet groups report which facts, and what only one outlet says."""

from corroborate.compare.coverage import coverage_by_attribute, only_in
from corroborate.model import Fact, Sentence
from tests.conftest import make_article


def fact(text: str, *sources: str) -> Fact:
    sentence = Sentence(sources[0], 0, 0, len(text), text)
    return Fact(sentence, [sentence], list(sources), len(sources))


def articles():
    a = make_article("a", "x", outlet="Tribune")
    b = make_article("b", "x", outlet="Herald")
    c = make_article("c", "x", outlet="Courrier")
    d = make_article("d", "x")
    a.attrs, b.attrs, c.attrs = {"country": "XA"}, {"country": "XA"}, {"country": "XB"}
    return [a, b, c, d]


def test_groups_report_and_leave_out_facts():
    facts = [fact("shared", "a", "c"), fact("home only", "a", "b"), fact("abroad only", "c")]
    coverage = coverage_by_attribute(facts, articles(), "country")
    assert coverage.attribute == "country"
    assert [g.value for g in coverage.groups] == ["XA", "XB", "unknown"]
    groups = {g.value: g for g in coverage.groups}
    assert groups["XA"].reported == (0, 1) and groups["XA"].left_out == (2,)
    assert groups["XB"].only_here == (2,) and groups["XB"].left_out == (1,)
    assert groups["XA"].outlets == ("Tribune", "Herald")
    assert groups["unknown"].articles == ("d",) and groups["unknown"].reported == ()


def test_only_in_lists_single_outlet_facts_per_outlet_or_article_id():
    facts = [fact("shared", "a", "b"), fact("tribune", "a"), fact("anon", "d")]
    found = only_in(facts, articles())
    assert {k: [f.sentence.text for f in v] for k, v in found.items()} == {
        "Tribune": ["tribune"],
        "d": ["anon"],
    }


def test_a_fact_another_outlet_comes_close_to_is_not_said_to_be_one_outlets_alone():
    echoed = fact("tribune, in the herald's words too?", "a")
    echoed.echoed_in = ["b"]
    own_copy = fact("tribune, echoed only by itself", "a")
    own_copy.echoed_in = ["a"]
    found = only_in([echoed, own_copy], articles())
    assert {k: [f.sentence.text for f in v] for k, v in found.items()} == {
        "Tribune": ["tribune, echoed only by itself"]
    }


def test_group_facts_records_close_sentences_of_other_articles():
    import numpy as np

    from corroborate.compare.facts import ECHO, SAME_FACT, group_facts

    a = make_article("a", "The harbour bridge will stay shut until the end of May, engineers said.")
    b = make_article("b", "Engineers said the harbour bridge would stay shut for months to come.")
    c = make_article("c", "The harbour zoo welcomed two baby penguins on Sunday, engineers said.")
    cosine = (ECHO + SAME_FACT) / 2 - 0.05  # close, but short of one fact even with bonuses
    vectors = {
        a.sentences[0].text: np.array([1.0, 0.0, 0.0]),
        b.sentences[0].text: np.array([cosine, np.sqrt(1 - cosine**2), 0.0]),
        c.sentences[0].text: np.array([0.0, 0.0, 1.0]),
    }

    class Fixed:
        def encode(self, texts):
            return np.array([vectors[t] for t in texts], dtype=np.float32)

    facts = {f.sentence.article_id: f for f in group_facts([a, b, c], Fixed())}
    assert [len(f.sources) for f in facts.values()] == [1, 1, 1]
    assert facts["a"].echoed_in == ["b"] and facts["b"].echoed_in == ["a"]
    assert facts["c"].echoed_in == []


def test_a_fact_holding_a_quote_another_outlet_carries_in_its_own_words_is_not_one_outlets_alone():
    from corroborate.model import Quote, QuoteVersion, Span

    said = "“We will reopen the bridge in May,” the mayor said."
    lone = fact(said, "a")
    other = fact("Nothing else happened.", "a")

    def version(article_id: str, start: int, end: int) -> QuoteVersion:
        span = Span(article_id, start, end)
        return QuoteVersion("…", span, (span,), False, "the mayor", None)

    translated = Quote(
        "q1", None, "the mayor", (version("a", 1, 33), version("c", 5, 40)), ("a", "c")
    )
    found = only_in([lone, other], articles(), quotes=[translated])
    assert {k: [f.sentence.text for f in v] for k, v in found.items()} == {
        "Tribune": ["Nothing else happened."]
    }


def test_only_in_counts_copies_and_one_outlets_dispatches_once():
    a, b, c, d = articles()
    e = make_article("e", "x")  # no outlet, a copy of d
    f = make_article("f", "x", outlet="Tribune")  # another Tribune dispatch
    facts = [fact("wire copy", "d", "e"), fact("tribune twice", "a", "f"), fact("two", "a", "c")]
    found = only_in(facts, [a, b, c, d, e, f], copies=[["d", "e"]])
    assert {k: [x.sentence.text for x in v] for k, v in found.items()} == {
        "d": ["wire copy"],
        "Tribune": ["tribune twice"],
    }
