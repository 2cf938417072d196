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
    after = Sentence("a", 1, len(said) + 1, len(said) + 23, "Nothing else happened.")
    other = Fact(after, [after], ["a"], 1)  # the next sentence, outside the quote

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


def test_a_sentence_cut_from_a_quote_another_outlet_carries_is_not_one_outlets_alone():
    from corroborate.model import Quote, QuoteVersion, Span
    from tests.conftest import make_paragraphs

    # one statement, quoted whole by the Tribune and in another translation by the Herald
    a = make_paragraphs(
        "a",
        [
            "“Our joint work shows results at the border.",
            "We will break up the smuggling rings and send home those with no right to stay,”"
            " the spokesman said.",
        ],
        ["The talks lasted four hours on Friday."],
        outlet="Tribune",
    )
    b = make_paragraphs(
        "b",
        ["“We will destroy the networks and return those without a legal basis to remain.”"],
        outlet="Herald",
    )
    quoted_a = Span("a", 1, a.text.index("stay,") + 4)
    quoted_b = Span("b", 1, len(b.text) - 1)
    quote = Quote(
        "q1",
        None,
        "the spokesman",
        (
            QuoteVersion(a.text[1 : quoted_a.end], quoted_a, (quoted_a,), False, None, None),
            QuoteVersion(b.text[1:-1], quoted_b, (quoted_b,), False, None, None),
        ),
        ("a", "b"),
    )

    def alone(sentence):
        return Fact(sentence, [sentence], [sentence.article_id], 1)

    # each sentence its own fact: the second lies inside the quote's version, not around it
    facts = [alone(s) for s in [*a.sentences, *b.sentences]]
    found = only_in(facts, [a, b], quotes=[quote])
    assert {k: [f.sentence.text for f in v] for k, v in found.items()} == {
        "Tribune": ["The talks lasted four hours on Friday."]
    }
    assert only_in(facts, [a, b])["Herald"]  # without the quotes, the claim would be made


def test_an_interrupted_quotes_attribution_between_its_parts_is_not_its_words():
    from corroborate.model import Quote, QuoteVersion, Span
    from tests.conftest import make_paragraphs

    a = make_paragraphs(
        "a",
        ["“We will go back,” she said.", "Her brother, who stayed, runs the farm now."],
        ["“All of us will.”"],
        outlet="Tribune",
    )
    first = Span("a", 1, a.text.index(",”"))
    second = Span("a", a.text.index("All"), a.text.index(".”") + 1)
    elsewhere = Span("c", 0, 10)
    quote = Quote(
        "q1",
        None,
        "she",
        (
            QuoteVersion(
                "…", Span("a", first.start, second.end), (first, second), False, None, None
            ),
            QuoteVersion("…", elsewhere, (elsewhere,), False, None, None),
        ),
        ("a", "c"),
    )
    facts = [Fact(s, [s], ["a"], 1) for s in a.sentences]
    found = only_in(facts, articles() + [a], quotes=[quote])
    assert [f.sentence.text for f in found["Tribune"]] == [
        "Her brother, who stayed, runs the farm now."
    ]


def test_a_quote_in_two_translations_is_in_neither_outlets_only_in():
    """End to end from the text: the quotes found, lined up across the two translations, and
    the facts of both articles (the quote's sentences one unit in each)."""
    from corroborate.annotate.quotes import extract_quotes
    from corroborate.compare.entities import merge_entities, story_person_mentions
    from corroborate.compare.facts import group_facts
    from corroborate.compare.quote_alignment import align_quotes
    from corroborate.embed.fake import HashingEmbedder
    from tests.conftest import make_paragraphs
    from tests.test_entities import tag

    a = make_paragraphs(
        "a",
        ["Farm ministers of both countries met in Lyon on Tuesday to discuss grain exports."],
        [
            "“Our coordinated efforts are showing positive results at the shared border.",
            "We will dismantle the smuggling networks and return those who have no legal basis"
            " to remain in our countries,” said Marc Duval.",
        ],
        outlet="Tribune",
    )
    b = make_paragraphs(
        "b",
        ["Police seized three tonnes of fertiliser at a warehouse near the port."],
        [
            "“We will dismantle smuggling networks and increase the return of those who have"
            " no legal basis to remain in our countries,” Marc Duval said."
        ],
        outlet="Herald",
    )
    articles = [tag(a, "PERSON", "Marc Duval"), tag(b, "PERSON", "Marc Duval")]
    people = story_person_mentions(articles)
    entities = merge_entities(articles, people)
    found = {x.id: extract_quotes(x, people[x.id]) for x in articles}
    quotes, _ = align_quotes(articles, found, entities, HashingEmbedder())
    assert any({v.article_id for v in q.versions} == {"a", "b"} for q in quotes)
    facts = group_facts(articles, HashingEmbedder())
    only = {
        k: [f.sentence.text for f in v] for k, v in only_in(facts, articles, quotes=quotes).items()
    }
    assert only == {
        "Tribune": [a.sentences[0].text],
        "Herald": [b.sentences[0].text],
    }
