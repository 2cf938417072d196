"""Coverage: which outlet groups report which facts, and what only one outlet says."""

from corroborate.coverage import coverage_by_attribute, only_in
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
    groups = coverage_by_attribute(facts, articles(), "country")["groups"]
    assert groups["XA"]["reported"] == [0, 1] and groups["XA"]["left_out"] == [2]
    assert groups["XB"]["only_here"] == [2] and groups["XB"]["left_out"] == [1]
    assert groups["XA"]["outlets"] == ["Tribune", "Herald"]
    assert groups["unknown"]["articles"] == ["d"] and groups["unknown"]["reported"] == []


def test_only_in_lists_single_outlet_facts_per_outlet_or_article_id():
    facts = [fact("shared", "a", "b"), fact("tribune", "a"), fact("anon", "d")]
    found = only_in(facts, articles())
    assert {k: [f.sentence.text for f in v] for k, v in found.items()} == {
        "Tribune": ["tribune"], "d": ["anon"]}
