"""Stories: incremental clustering by words, names and dates, with bounded state."""

from __future__ import annotations

import json

import pytest

from corroborate.compare.cluster import (
    ClusterConfig,
    StoryClusterer,
    cluster_stories,
    entity_keys,
    story_similarity,
)
from corroborate.embed.fake import HashingEmbedder
from corroborate.model import Article, Mention
from tests.conftest import make_article


def news(
    article_id: str,
    title: str,
    *sentences: str,
    published: str | None = None,
    names: tuple[tuple[str, str], ...] = (),
) -> Article:
    """A hand-made article; ``names`` become NER mentions wherever they occur."""
    article = make_article(article_id, *sentences)
    article.title = title
    article.published = published
    for name, label in names:
        start = article.text.find(name)
        while start != -1:
            article.mentions.append(Mention(article_id, start, start + len(name), name, label, 0))
            start = article.text.find(name, start + 1)
    return article


BRIDGE = (("Porthaven", "GPE"), ("Harbour Bridge", "FAC"), ("Ines Martinez", "PERSON"))
FIRE = (("Cedar Hollow", "GPE"), ("Ridgeback Fire", "EVENT"), ("Marlow County", "GPE"))
RECALL = (("Veridane", "ORG"), ("Calmorex", "PRODUCT"), ("Larkford", "GPE"))


def corpus() -> list[Article]:
    return [
        news(
            "b1",
            "Harbour Bridge shut after cracks found in Porthaven",
            "Porthaven's Harbour Bridge was closed on Monday after engineers found cracks in its welds.",
            "Minister Ines Martinez said repairs would take months.",
            published="2025-03-04",
            names=BRIDGE,
        ),
        news(
            "f1",
            "Ridgeback Fire forces Cedar Hollow to evacuate",
            "The Ridgeback Fire forced residents of Cedar Hollow in Marlow County to flee on Friday.",
            "Crews said the blaze was 15% contained.",
            published="2025-07-18",
            names=FIRE,
        ),
        news(
            "r1",
            "Veridane recalls Calmorex tablets",
            "Veridane is recalling batches of Calmorex after tests found an impurity.",
            "Pharmacies in Larkford fielded calls from worried patients.",
            published="2024-11-14",
            names=RECALL,
        ),
        news(
            "b2",
            "Porthaven bridge closure: cracks in welds shut Harbour Bridge",
            "Engineers shut the Harbour Bridge in Porthaven after finding cracked welds on Monday.",
            "Ines Martinez promised state money for repairs.",
            published="2025-03-05",
            names=BRIDGE,
        ),
        news(
            "f2",
            "Cedar Hollow empties as Ridgeback Fire nears",
            "Residents of Cedar Hollow fled the Ridgeback Fire on Friday as Marlow County crews fought it.",
            "The fire was 15% contained by the evening.",
            published="2025-07-19",
            names=FIRE,
        ),
        news(
            "r2",
            "Calmorex recall: what Larkford patients need to know",
            "Pharmacies in Larkford were busy after the Veridane recall of Calmorex tablets.",
            "The impurity may raise cancer risk with long-term use.",
            published="2024-11-15",
            names=RECALL,
        ),
    ]


def test_three_stories_come_out_as_three_clusters_largest_first():
    stories = cluster_stories(corpus())
    assert sorted(sorted(s) for s in stories) == [["b1", "b2"], ["f1", "f2"], ["r1", "r2"]]


def test_add_returns_the_story_joined_or_opened():
    c = StoryClusterer()
    a, _, _, b, _, _ = corpus()
    first = c.add(a)
    assert c.add(b) == first
    assert c.add(a) == first  # adding again is idempotent
    assert c.stories() == {first: ["b1", "b2"]}


def test_a_changed_article_is_placed_again():
    c = StoryClusterer()
    b1, f1, _, b2, f2, _ = corpus()
    bridge, fire = c.add(b1), c.add(f1)
    c.add(b2)
    c.add(f2)
    rewritten = news("b2", f2.title, *f2.text.split("\n"), published=f2.published, names=FIRE)
    assert c.replace(rewritten) == fire  # now it tells of the fire
    assert c.stories() == {fire: ["f1", "f2", "b2"], bridge: ["b1"]}
    lone = news("b1", "Veridane recalls Calmorex", "Veridane recalled Calmorex.", names=RECALL)
    c.replace(lone)
    assert bridge not in c.stories()  # its last article left: the story is gone


def test_state_round_trips_through_json_and_keeps_clustering():
    articles = corpus()
    c = StoryClusterer()
    for article in articles[:3]:
        c.add(article)
    state = json.loads(json.dumps(c.to_state()))
    restored = StoryClusterer.from_state(state)
    assert restored.stories() == c.stories()
    for article in articles[3:]:
        restored.add(article)
    assert sorted(sorted(s) for s in restored.stories().values()) == [
        ["b1", "b2"],
        ["f1", "f2"],
        ["r1", "r2"],
    ]


def test_a_state_of_another_kind_is_refused_with_a_fix():
    with pytest.raises(ValueError, match="rebuild it"):
        StoryClusterer.from_state({"schema": "something/else"})


def test_articles_months_apart_score_lower_than_the_same_articles_a_day_apart():
    a, _, _, b, _, _ = corpus()
    c = StoryClusterer()
    c.observe(corpus())
    near = c.similarity(a, b)
    b.published = "2025-09-05"
    assert c.similarity(a, b) < near / 3


def test_shared_rare_names_link_articles_with_few_shared_words():
    a = news(
        "x",
        "Talks",
        "Alicia Barcena met Antony Blinken.",
        names=(("Alicia Barcena", "PERSON"), ("Antony Blinken", "PERSON")),
    )
    b = news(
        "y",
        "Visit",
        "Blinken received Barcena at the department.",
        names=(("Blinken", "PERSON"), ("Barcena", "PERSON")),
    )
    assert {"barcena", "blinken", "alicia barcena"} <= set(entity_keys(a))
    assert story_similarity(a, b) > story_similarity(a, corpus()[1])


def test_names_without_ner_come_from_capitalised_words():
    article = make_article("a", "Yesterday the minister met Alicia Barcena in Mexico City.")
    assert {"alicia barcena", "mexico city"} <= set(entity_keys(article))


def test_an_embedder_adds_a_signal_but_is_optional():
    stories = cluster_stories(corpus(), embedder=HashingEmbedder())
    assert sorted(sorted(s) for s in stories) == [["b1", "b2"], ["f1", "f2"], ["r1", "r2"]]


def test_idle_stories_are_closed_and_can_be_drained():
    config = ClusterConfig(window_days=30)
    c = StoryClusterer(config=config)
    for article in corpus():
        c.add(article)
    c._close_idle()  # normally every 1000 adds
    closed = c.drain_closed()
    # The latest article is from July 2025: the November 2024 and March 2025 stories are idle.
    assert sorted(sorted(v) for v in closed.values()) == [["b1", "b2"], ["r1", "r2"]]
    assert c.open_stories == 1


def test_memory_stays_bounded_per_story():
    config = ClusterConfig(story_terms=10, story_entities=5, postings_cap=2)
    c = StoryClusterer(config=config)
    for i in range(30):
        c.add(
            news(
                f"a{i}",
                "Harbour Bridge cracks",
                f"Porthaven bridge shut for repair number {i} word{i} other{i} thing{i}.",
                names=BRIDGE,
            )
        )
    story = next(iter(c._stories.values()))
    assert len(story.terms) <= 20 and len(story.entities) <= 10
    assert all(len(p) <= 2 for p in c._postings.values())


def test_a_bad_threshold_is_refused_with_the_default_named():
    with pytest.raises(ValueError, match="default"):
        ClusterConfig(threshold=1.5)
