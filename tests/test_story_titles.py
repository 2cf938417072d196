"""A story's title (:mod:`corroborate.compare.story_titles`)."""

from __future__ import annotations

from corroborate.compare.story_titles import story_title
from corroborate.model import Article, Fact, Sentence


def fact(text: str) -> Fact:
    sentence = Sentence("a", 0, 0, len(text), text)
    return Fact(sentence=sentence, members=[sentence], sources=["a"], outlets=1)


def test_the_title_that_shares_most_words_with_the_story():
    articles = [
        Article("a", "a", "", title="Local news roundup", text="The harbour bridge was shut."),
        Article("b", "b", "", title="Harbour bridge shut", text="Cracks shut the harbour bridge."),
    ]
    assert story_title(articles) == "Harbour bridge shut"


def test_without_titles_a_summary_sentence_that_is_no_quote():
    articles = [Article("a", "a", "", text="x")]
    summary = [
        fact("“We will rebuild it within a year,” the mayor said."),
        fact("Engineers closed the harbour bridge on Friday after finding cracks."),
    ]
    assert story_title(articles, summary) == (
        "Engineers closed the harbour bridge on Friday after finding cracks"
    )
    # only quotes: the first is still better than nothing
    assert story_title(articles, summary[:1]).startswith("“We will rebuild it")
