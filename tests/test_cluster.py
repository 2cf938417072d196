"""Stories: articles linked pair by pair, grouped the same whatever the order, with bounded
state in streams."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.compare.cluster import (
    STREAM,
    ClusterConfig,
    StoryClusterer,
    cluster_stories,
    story_similarity,
)
from corroborate.compare.same_story import (
    _SENTENCE_END,
    _TOKEN,
    FEATURES,
    MULTILINGUAL_SETTINGS,
    SETTINGS,
    Clauses,
    body_clauses,
    capitalised_runs,
    clause,
    language_setting,
    load_model,
    names,
    pair_features,
    profile,
    template_mask,
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


def as_sets(stories) -> list[list[str]]:
    return sorted(sorted(s) for s in (stories.values() if isinstance(stories, dict) else stories))


THREE = [["b1", "b2"], ["f1", "f2"], ["r1", "r2"]]


def test_three_stories_come_out_as_three_clusters():
    assert as_sets(cluster_stories(corpus())) == THREE


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_the_same_articles_in_any_order_give_the_same_stories(seed):
    articles = corpus() + [fire_follow_up(), bridge_inquiry()]
    expected = as_sets(cluster_stories(articles))
    shuffled = articles[:]
    random.Random(seed).shuffle(shuffled)
    assert as_sets(cluster_stories(shuffled)) == expected
    one_by_one = StoryClusterer()
    for article in shuffled:
        one_by_one.add(article)
    assert as_sets(one_by_one.stories()) == expected


def test_profiles_made_once_give_the_same_stories():
    """The brief groups stories with the profiles its forecast already made: the same stories
    as profiles made afresh, and a profile of another article is not taken for this one's."""
    from corroborate.compare.facts import EmbeddingForecast

    articles = corpus() + [fire_follow_up(), bridge_inquiry()]
    forecast = EmbeddingForecast()
    for article in reversed(articles):
        forecast.add(article)
    assert set(forecast.profiles) == {a.id for a in articles}
    expected = as_sets(cluster_stories(articles))
    assert as_sets(cluster_stories(articles, profiles=forecast.profiles)) == expected
    swapped = dict(forecast.profiles)
    swapped["b1"], swapped["r1"] = swapped["r1"], swapped["b1"]
    assert as_sets(cluster_stories(articles, profiles=swapped)) == expected


class LeadEmbedder(HashingEmbedder):
    """The hashing fake standing in for the embedder the same-story model reads (it says so:
    ``story_leads``), keeping every text it is asked to embed."""

    story_leads = True

    def __init__(self) -> None:
        super().__init__()
        self.embedded: list[str] = []

    def encode(self, texts):
        self.embedded += list(texts)
        return super().encode(texts)


def test_profiles_made_once_take_the_lead_embeddings_and_give_the_stories_of_fresh_ones():
    """With an embedder of the leads, the forecast's profiles (made with none) are placed with
    the leads' embeddings: the stories of profiles made afresh by the embedding clusterer."""
    from corroborate.compare.facts import EmbeddingForecast

    articles = corpus() + [fire_follow_up(), bridge_inquiry()]
    forecast = EmbeddingForecast()
    for article in articles:
        forecast.add(article)
    fresh = StoryClusterer(LeadEmbedder())
    fresh.add_many(articles)
    given = StoryClusterer(LeadEmbedder())
    given.add_many(articles, profiles=forecast.profiles)
    assert all(p.embedding is not None for p in given._profiles.values())
    assert [given._profiles[a.id].embedding.tolist() for a in articles] == [
        fresh._profiles[a.id].embedding.tolist() for a in articles
    ]
    assert as_sets(given.stories()) == as_sets(fresh.stories())
    assert as_sets(cluster_stories(articles, embedder=LeadEmbedder())) == as_sets(fresh.stories())


def test_the_lead_cosine_is_read_the_same_whatever_batch_embedded_the_leads():
    """A lead vector's last bits depend on the batch it was embedded in (another engine,
    another run): the pair model and blocking read its cosine rounded, so they do not."""
    from corroborate.compare.same_story import lead_cosine

    a, b = corpus()[:2]
    left, right = _unit(1.0, 0.3), _unit(0.8, 0.6)
    nudged = (right + np.float32(3e-8)).astype(np.float32)
    exact = (profile(a, left), profile(b, right))
    moved = (profile(a, left), profile(b, nudged))
    assert float(np.dot(left, right)) != float(np.dot(left, nudged))
    assert lead_cosine(*exact) == lead_cosine(*moved) == round(float(np.dot(left, right)), 5)
    assert pair_features(*exact) == pair_features(*moved)
    assert lead_cosine(profile(a), profile(b, right)) == 0.0  # one side has no embedding


def test_only_the_embedder_the_pair_model_reads_embeds_leads():
    from corroborate.embed.base import embeds_story_leads
    from corroborate.embed.minilm import MiniLMEncoder

    assert embeds_story_leads(LeadEmbedder()) and MiniLMEncoder.story_leads
    assert not embeds_story_leads(HashingEmbedder()) and not embeds_story_leads(None)


def test_adding_in_runs_through_the_stored_state_gives_the_batch_stories():
    articles = corpus() + [fire_follow_up(), bridge_inquiry()]
    expected = as_sets(cluster_stories(articles))
    state = None
    for run in (articles[5:], articles[:2], articles[2:5]):  # three "add" runs, out of order
        c = StoryClusterer.from_state(state) if state else StoryClusterer()
        c.add_many(run)
        state = json.loads(json.dumps(c.to_state()))
    assert as_sets(StoryClusterer.from_state(state).stories()) == expected


def fire_follow_up() -> Article:
    """Three weeks after the fire: the inquiry, with the same places and names."""
    return news(
        "f3",
        "Inquiry opens into Ridgeback Fire that emptied Cedar Hollow",
        "An inquiry into the Ridgeback Fire opened in Marlow County on Monday, three weeks after"
        " residents of Cedar Hollow fled.",
        "Investigators will look at a power line near the point where the fire started.",
        published="2025-08-08",
        names=FIRE,
    )


def bridge_inquiry() -> Article:
    return news(
        "b3",
        "Porthaven engineers blame welds for Harbour Bridge cracks",
        "A report on the Harbour Bridge in Porthaven blamed faulty welds for the cracks.",
        "Ines Martinez said repairs would start next month.",
        published="2025-03-20",
        names=BRIDGE,
    )


def test_a_story_runs_over_weeks_through_its_nearer_articles():
    stories = as_sets(cluster_stories(corpus() + [fire_follow_up()]))
    assert ["f1", "f2", "f3"] in stories


def test_articles_further_apart_than_the_window_are_not_linked_directly():
    a, _, _, b, _, _ = corpus()
    b.published = "2025-09-05"  # six months after a
    assert as_sets(cluster_stories([a, b])) == [["b1"], ["b2"]]
    wide = ClusterConfig(window_days=400)
    assert as_sets(cluster_stories([a, b], config=wide)) == [["b1", "b2"]]


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
    assert as_sets(c.stories()) == [["b1"], ["b2", "f1", "f2"]]
    assert c.story_of("b1") == bridge
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
    assert as_sets(restored.stories()) == THREE


def test_a_state_of_another_kind_is_refused_with_a_fix():
    with pytest.raises(ValueError, match="rebuild it"):
        StoryClusterer.from_state({"schema": "something/else"})


def test_the_same_story_scores_higher_than_another_story():
    a, f, r, b, _, _ = corpus()
    assert story_similarity(a, b) > 0.5 > max(story_similarity(a, f), story_similarity(a, r))


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("en", "en", "english"),
        ("de", "de", "same_language"),
        ("zh", "zh", "same_language"),
        ("de", "en", "cross_language"),
        ("ru", "uk", "cross_language"),  # two languages, one script (Cyrillic)
        ("zh", "en", "cross_script"),
        ("en", "ru", "cross_script"),
        ("ar", "fr", "cross_script"),
    ],
)
def test_a_pair_is_read_by_the_model_of_its_languages_and_scripts(first, second, expected):
    assert language_setting(first, second) == expected == language_setting(second, first)


def test_the_shipped_model_reads_every_setting_with_and_without_embeddings():
    """Every setting with and without lead embeddings and with the multilingual cosine too
    (English pairs read it only in the brief by meaning: ``reads_cosine``)."""
    model = load_model()
    assert set(MULTILINGUAL_SETTINGS) == set(SETTINGS) - {"english"}
    assert set(model.multilingual) == set(SETTINGS)
    for variant in (model.embedded, model.lexical):
        assert set(variant) == set(SETTINGS)
    for name in ("embedded", "lexical", "multilingual"):
        settings = set(SETTINGS)
        assert set(model.thresholds[name]) == settings
        links = model.link_thresholds[name]
        assert set(links) == settings and all(0.0 < t < 1.0 for t in links.values())


def test_shared_rare_names_link_articles_with_few_shared_words():
    a = news(
        "x",
        "Talks",
        "The envoy Alicia Barcena met Antony Blinken.",
        names=(("Alicia Barcena", "PERSON"), ("Antony Blinken", "PERSON")),
    )
    b = news(
        "y",
        "Visit",
        "Blinken received Barcena at the department.",
        names=(("Blinken", "PERSON"), ("Barcena", "PERSON")),
    )
    assert {"barcena", "blinken", "alicia barcena"} <= set(names(a, "en"))
    assert story_similarity(a, b) > story_similarity(a, corpus()[1])


def test_names_without_ner_come_from_capitalised_words():
    article = make_article("a", "Yesterday the minister met Alicia Barcena in Mexico City.")
    found = names(article, "en")
    assert {"alicia barcena", "mexico city"} <= set(found)
    assert found["barcena"] > found["mexico city"] > 0  # a rare name weighs more


def test_weekdays_months_and_organisation_words_are_no_names():
    article = make_article(
        "a",
        "The board of Kestrel Port Authority met on Monday, as it does every January.",
        "Fans of Dunmore Rovers waited until Friday, and Theresa May spoke in March, as May had promised.",
    )
    found = names(article, "en")
    assert {"monday", "january", "friday", "march"}.isdisjoint(found)
    # The whole name is kept; its last word is no surname when it names a kind of body.
    assert {"kestrel port authority", "dunmore rovers", "theresa may"} <= set(found)
    assert {"authority", "rovers"}.isdisjoint(found)
    assert "may" in found  # a surname as often as a month: kept


def test_an_embedder_adds_a_signal_but_is_optional():
    stories = cluster_stories(corpus(), embedder=HashingEmbedder())
    assert as_sets(stories) == THREE
    assert profile(corpus()[0]).embedding is None


def test_idle_stories_are_closed_and_can_be_drained():
    c = StoryClusterer(config=STREAM)
    for article in corpus():
        c.add(article)
    c._close_idle()  # normally every 1000 adds
    closed = c.drain_closed()
    # The latest article is from July 2025: the November 2024 and March 2025 stories are idle.
    assert as_sets(closed) == [["b1", "b2"], ["r1", "r2"]]
    assert c.open_stories == 1 and c.live_articles == 2


def test_postings_stay_bounded():
    c = StoryClusterer(config=ClusterConfig(max_postings=3))
    for i in range(12):
        c.add(
            news(
                f"a{i}",
                "Harbour Bridge cracks",
                f"Porthaven bridge shut for repair number {i} word{i} other{i} thing{i}.",
                names=BRIDGE,
            )
        )
    assert all(len(p) <= 3 for p in c._postings.values())


def test_a_chain_through_one_weak_link_does_not_merge_two_stories():
    # Two tight stories and one article that reads a bit like each: linked groups are split
    # by average linkage, so the bridge article joins one story, not both into one.
    b1, f1, _, b2, f2, _ = corpus()
    mixed = news(
        "m",
        "Harbour Bridge shut in Porthaven as Ridgeback Fire nears Cedar Hollow",
        "Porthaven's Harbour Bridge stayed shut after cracks in welds.",
        "The Ridgeback Fire forced residents of Cedar Hollow in Marlow County to flee.",
        published="2025-07-18",
        names=BRIDGE + FIRE,
    )
    b1.published = b2.published = "2025-07-17"
    stories = as_sets(cluster_stories([b1, b2, f1, f2, mixed], config=ClusterConfig(threshold=0.2)))
    assert ["b1", "b2"] in [[i for i in s if i != "m"] for s in stories]
    assert not any({"b1", "f1"} <= set(s) for s in stories)


def test_a_bad_threshold_is_refused_with_the_default_named():
    with pytest.raises(ValueError, match="leave it out"):
        ClusterConfig(threshold=1.5)


def stored_stories(store) -> list[list[str]]:
    rows = store.db.execute("SELECT id, story_id FROM articles").fetchall()
    groups: dict[str, list[str]] = {}
    for article_id, story_id in rows:
        groups.setdefault(story_id, []).append(article_id)
    return as_sets(groups)


def story_files() -> list[Article]:
    """The raw articles of three small test stories and the example story."""
    from pathlib import Path

    from corroborate.read.ingest import iter_inputs

    root = Path(__file__).resolve().parents[1]
    dirs = [root / "examples" / "harbour-bridge-closure", root / "tests" / "data" / "stories"]
    return [a for a in iter_inputs(dirs, None) if isinstance(a, Article)]


@pytest.mark.parametrize("leads", [False, True], ids=["words", "lead embeddings"])
def test_add_runs_in_any_order_give_the_stories_of_one_brief(nlp, tmp_path, leads):
    """``add`` groups as ``brief`` does: by words alone by default, with the leads'
    embeddings with ``story_leads`` and an embedder the pair model reads (the vectors kept in
    the store, for the briefs to find)."""
    from corroborate.app.library import add_articles
    from corroborate.app.store import Store
    from corroborate.compare.cluster import lead_texts
    from corroborate.pipeline import annotate_article, group_stories

    embedder = LeadEmbedder() if leads else HashingEmbedder()
    prepared = read_articles_of(story_files())
    docs = nlp.pipe(a.text for a in prepared)
    articles = [annotate_article(a, doc) for a, doc in zip(prepared, docs, strict=True)]
    grouped = group_stories(articles, embedder=embedder if leads else None)
    expected = as_sets([[a.id for a in group] for group in grouped])
    folder = {a.id: a.path.split("/")[-2] for a in prepared}
    assert all(len({folder[i] for i in group}) == 1 for group in expected)  # none mixed
    for seed in (1, 2):
        raws = story_files()
        random.Random(seed).shuffle(raws)
        store = Store(tmp_path / f"s{seed}.db")
        for run in (raws[:5], raws[5:11], raws[11:]):
            add_articles(store, run, nlp=nlp, embedder=embedder, brief=False, story_leads=leads)
        assert stored_stories(store) == expected
        assert json.loads(store.get_meta("cluster_state"))["embedded"] is leads
        texts = {t for a in articles for t in lead_texts(a)}
        assert len(store.vectors(sorted(texts))) == (len(texts) if leads else 0)


def test_a_store_grouped_by_words_is_grouped_again_with_the_leads_once_they_are_embedded(
    nlp, tmp_path
):
    from corroborate.app.library import add_articles
    from corroborate.app.store import Store
    from corroborate.pipeline import annotate_article, group_stories

    raws = story_files()
    prepared = read_articles_of(story_files())
    docs = nlp.pipe(a.text for a in prepared)
    articles = [annotate_article(a, doc) for a, doc in zip(prepared, docs, strict=True)]
    store = Store(tmp_path / "s.db")
    add_articles(store, raws[:8], nlp=nlp, embedder=HashingEmbedder(), brief=False)
    assert json.loads(store.get_meta("cluster_state"))["embedded"] is False
    embedder = LeadEmbedder()
    add_articles(store, raws[8:10], nlp=nlp, embedder=embedder, brief=False)
    assert json.loads(store.get_meta("cluster_state"))["embedded"] is False  # not asked
    add_articles(store, raws[10:], nlp=nlp, embedder=embedder, brief=False, story_leads=True)
    assert json.loads(store.get_meta("cluster_state"))["embedded"] is True
    grouped = group_stories(articles, embedder=LeadEmbedder())
    assert stored_stories(store) == as_sets([[a.id for a in g] for g in grouped])


def read_articles_of(raws: list[Article]) -> list[Article]:
    from corroborate.read.clean import prepare

    return list(prepare(iter(raws), []))


ADD_RUN = """
import sys
from corroborate.annotate.nlp import load_spacy
from corroborate.app.library import add_articles
from corroborate.app.store import Store
from corroborate.embed.fake import HashingEmbedder
from corroborate.read.ingest import iter_inputs
paths = sys.argv[2:]
add_articles(Store(sys.argv[1]), iter_inputs(paths, None), nlp=load_spacy(),
             embedder=HashingEmbedder(), embedder_name="hashing", commit_every=2, brief=False)
"""


def test_two_add_processes_at_once_give_the_stories_of_one_brief(nlp, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from corroborate.app.store import Store
    from corroborate.pipeline import annotate_article, group_stories

    prepared = read_articles_of(story_files())
    docs = nlp.pipe(a.text for a in prepared)
    articles = [annotate_article(a, doc) for a, doc in zip(prepared, docs, strict=True)]
    expected = as_sets([[a.id for a in group] for group in group_stories(articles)])
    files = sorted(a.path for a in prepared)
    random.Random(7).shuffle(files)
    db = str(tmp_path / "two.db")
    Store(db).close()
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**__import__("os").environ, "PYTHONPATH": src}
    runs = [
        subprocess.Popen([sys.executable, "-c", ADD_RUN, db, *half], env=env)
        for half in (files[::2], files[1::2])
    ]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    assert stored_stories(Store(db)) == expected


def test_a_story_that_never_goes_idle_keeps_only_its_recent_articles_live():
    from datetime import date, timedelta

    c = StoryClusterer(config=STREAM)
    start = date(2025, 1, 1)
    for n in range(90):  # one article a day for three months, one story
        day = (start + timedelta(days=n)).isoformat()
        c.add(
            news(
                f"d{n:02d}",
                f"Porthaven Harbour Bridge repairs, day {n}",
                f"Work on the Harbour Bridge in Porthaven went on, Ines Martinez said on {day}.",
                published=day,
                names=BRIDGE,
            )
        )
    c._close_idle()  # normally every 1000 adds
    assert c.live_articles <= 2 * STREAM.window_days + 1  # the recent ones only
    assert as_sets(c.stories()) == [[f"d{n:02d}" for n in range(90)]]
    restored = StoryClusterer.from_state(json.loads(json.dumps(c.to_state())))
    assert restored.stories() == c.stories()


def _recall(article_id: str, drug: str, maker: str, town: str, batches: str, packs: str) -> Article:
    return news(
        article_id,
        f"{maker} recalls {drug} tablets over impurity",
        f"{maker} is recalling {batches} batches of its medicine {drug} after tests found an "
        "impurity.",
        f"The recall covers about {packs} packs of {drug} made at a plant in {town}.",
        f"A spokesperson for {maker} said patients should not stop taking {drug} abruptly.",
        f"A pharmacist in {town} said calls had doubled since the announcement.",
        "Patients are advised to speak to a pharmacist before stopping any medicine.",
        "Pharmacies can exchange affected packs for unaffected stock.",
        published="2024-03-04",
    )


def test_one_template_filled_in_twice_is_two_stories_not_one():
    first = _recall("a", "Velmorin", "Quandrix Pharma", "Harlowfield", "14", "26,000")
    copy = _recall("b", "Velmorin", "Quandrix Pharma", "Harlowfield", "14", "26,000")
    other = _recall("c", "Tosaprel", "Brenwick Labs", "Ostmere", "9", "41,500")
    p, q, r = profile(first), profile(copy), profile(other)
    assert template_mask(p, q) == (set(), set())  # the same specifics: no template reading
    dropped_p, dropped_r = template_mask(p, r)
    assert len(dropped_p) >= 4 and len(dropped_r) >= 4  # alike sentences, other specifics
    assert pair_features(p, r) == pair_features(r, p)  # symmetric
    assert story_similarity(first, copy) > 0.9
    assert story_similarity(first, other) < 0.5
    assert sorted(cluster_stories([first, other, copy])) == [["a", "b"], ["c"]]


def test_a_profile_keeps_its_clauses_packed_and_gives_each_back_as_read():
    article = _recall("a", "Velmorin", "Quandrix Pharma", "Harlowfield", "14", "26,000")
    read = [clause(article.title or "", "en"), *body_clauses(article.text, "en")]
    packed = profile(article).clauses
    assert len(packed) == len(read) == 7
    assert list(packed) == read
    assert list(Clauses.pack([])) == []


def test_a_restored_profile_reads_a_template_and_scores_as_the_first():
    first = _recall("a", "Velmorin", "Quandrix Pharma", "Harlowfield", "14", "26,000")
    other = _recall("c", "Tosaprel", "Brenwick Labs", "Ostmere", "9", "41,500")
    c = StoryClusterer()
    c.add_many([first, other])
    restored = StoryClusterer.from_state(json.loads(json.dumps(c.to_state())))
    p, r = c.profile(first), c.profile(other)
    p2, r2 = (restored._profiles[i] for i in ("a", "c"))
    assert template_mask(p2, r2) == template_mask(p, r) != (set(), set())
    assert pair_features(p2, r2) == pair_features(p, r)


def test_a_story_cut_in_two_by_retirement_keeps_the_part_that_stays():
    """Retiring old articles in a stream drops their links, which can leave a story's live
    articles in two unlinked parts. When one part joins another story, the part that stays
    must keep its story: every live article stays a member of the story it is said to be in
    (a 100k-article stream once failed with a KeyError on a story forgotten too soon)."""
    from types import SimpleNamespace

    c = StoryClusterer()
    # Story s2 was a, m, b linked through m; m has retired, so a and b are no longer linked.
    # a is now linked to x, of the older story s1.
    c._profiles = {i: SimpleNamespace(day=1) for i in ("a", "b", "x")}  # type: ignore[misc]
    c._story = {"a": "s2", "b": "s2", "x": "s1"}
    c._members = {"s1": ["x"], "s2": ["a", "b"]}
    c._retired = {"s2": ["m"]}
    c._links = {"a": {"x"}, "x": {"a"}, "b": set()}
    c._split = lambda component: [component]  # type: ignore[method-assign]
    c._settle(["a", "x"])  # a and x make one story: the older id, s1, wins the tie
    assert c._story == {"a": "s1", "b": "s2", "x": "s1"}
    for article_id, story_id in c._story.items():
        assert article_id in c._members[story_id]
    assert c._retired == {"s2": ["m"]}  # the retired article stays with the part that stayed
    assert sorted(map(sorted, c.stories().values())) == [["a", "x"], ["b", "m"]]


def test_a_part_cut_off_by_retirement_stays_in_its_story_when_the_rest_grows():
    """The other half of the case above: when the part still linked takes in a new article
    and keeps the story's id, the part cut off stays a member too."""
    from types import SimpleNamespace

    c = StoryClusterer()
    c._profiles = {i: SimpleNamespace(day=1) for i in ("a", "b", "n")}  # type: ignore[misc]
    c._story = {"a": "s2", "b": "s2"}
    c._members = {"s2": ["a", "b"]}
    c._links = {"a": {"n"}, "n": {"a"}, "b": set()}
    c._split = lambda component: [component]  # type: ignore[method-assign]
    c._settle(["a", "n"])
    assert c._story == {"a": "s2", "b": "s2", "n": "s2"}
    for article_id, story_id in c._story.items():
        assert article_id in c._members[story_id]


class _VotesByStory:
    """A pair model stand-in: articles of one story (the id's letter) are for each other,
    others against, except the pairs listed as links across."""

    multilingual: dict = {}  # no multilingual models: no pair reads a multilingual cosine

    def __init__(self, across: set[frozenset[str]]):
        self.across = across

    def reads_multilingual(self, a, b) -> bool:
        return False

    def margin(self, a, b) -> float:
        same = a.id[0] == b.id[0] or frozenset((a.id, b.id)) in self.across
        return 0.5 if same else -0.5

    def vote(self, a, b, span: float, threshold: float | None = None, cosine=None) -> float:
        return max(-1.0, min(1.0, self.margin(a, b) / span))


def test_one_article_linked_into_two_big_stories_does_not_chain_them(monkeypatch):
    # Groups too big to split whole are placed article by article: "x", linked to one
    # article of each big story but against the rest, joins neither and merges nothing.
    import corroborate.compare.cluster as cluster

    monkeypatch.setattr(cluster, "MAX_SPLIT", 3)
    across = {frozenset(("x", "a1")), frozenset(("x", "b1"))}
    c = StoryClusterer(model=_VotesByStory(across))  # type: ignore[arg-type]
    ids = [f"{s}{i}" for s in "ab" for i in range(1, 6)] + ["x"]
    for article_id in ids:
        c.add(news(article_id, "Quorvant talks resume", "Quorvant officials met again."))
    stories = as_sets(c.stories())
    assert sorted(stories) == [
        [f"a{i}" for i in range(1, 6)],
        [f"b{i}" for i in range(1, 6)],
        ["x"],
    ]


def test_an_article_for_a_big_story_joins_it(monkeypatch):
    import corroborate.compare.cluster as cluster

    monkeypatch.setattr(cluster, "MAX_SPLIT", 3)
    c = StoryClusterer(model=_VotesByStory(set()))  # type: ignore[arg-type]
    for article_id in ["a1", "a2", "a3", "a4", "b1", "a5"]:
        c.add(news(article_id, "Quorvant talks resume", "Quorvant officials met again."))
    assert sorted(as_sets(c.stories())) == [["a1", "a2", "a3", "a4", "a5"], ["b1"]]


def test_articles_in_two_languages_sharing_one_name_and_nothing_else_are_never_linked():
    from corroborate.compare.same_story import thin_across

    def read(article_id: str, language: str, title: str, text: str, *found: str) -> Article:
        article = news(article_id, title, text, names=tuple((n, "PERSON") for n in found))
        article.language = language
        return profile(article)

    # A Chinese text whose only Latin name is Morrison, and an obituary that names her once.
    memorial = read(
        "z", "zh", "澳大利亚战争纪念馆", "我参观了堪培拉的纪念馆，Morrison 说。", "Morrison"
    )
    obituary = read(
        "e",
        "en",
        "Publisher dies at 77",
        "The publisher Mehta worked with Morrison for years.",
        "Mehta",
        "Morrison",
    )
    assert thin_across(memorial, obituary)
    assert load_model().margin(memorial, obituary) == -1.0
    # two names, or a name and a figure (not a year), are enough to be weighed by the model
    zh_obituary = read(
        "y", "zh", "出版商 Mehta 去世", "Mehta 与 Morrison 合作。", "Mehta", "Morrison"
    )
    assert not thin_across(zh_obituary, obituary)
    reported = read("r", "fr", "Mehta est mort", "L'éditeur Mehta avait 1250 livres.", "Mehta")
    counted = read("c", "en", "Mehta dies", "The publisher Mehta left 1,250 books.", "Mehta")
    dated = read("d", "en", "Mehta dies", "The publisher Mehta died in 2019.", "Mehta")
    assert not thin_across(reported, counted)
    assert thin_across(reported, dated)  # a year is no figure here
    # one language: the model alone decides
    assert not thin_across(counted, dated)


def test_blocking_compares_on_a_strong_key_or_two_keys_of_different_words():
    from corroborate.compare.same_story import candidate, meets

    def en(article_id: str, title: str, text: str) -> Article:
        return Article(article_id, article_id, "", title=title, text=text, language="en")

    talks = profile(
        en(
            "t",
            "Senators in Tehran talks",
            "Two senators met officials in Tehran to discuss sanctions.",
        )
    )
    relief = profile(
        en(
            "r",
            "Sanctions debate",
            "Officials in Tehran discussed sanctions with visiting senators.",
        )
    )
    weather = profile(en("w", "Weather", "Officials in Tehran said rain was expected on Monday."))
    assert candidate(talks, relief)  # Tehran, senators, sanctions
    assert not candidate(talks, weather)  # Tehran alone, as a name and as a word: one word
    assert meets({"@tehran"}, set(), two_languages=True)  # two languages share few words
    assert not meets({"@tehran", "tehran"}, set(), two_languages=False)
    assert meets({"#1250"}, {"#1250"}, two_languages=False)  # a strong key is enough


def _unit(*weights: float) -> np.ndarray:
    vector = np.zeros(8, dtype=np.float32)
    vector[: len(weights)] = weights
    return vector / np.linalg.norm(vector)


def test_english_leads_close_in_meaning_meet_though_they_share_no_key():
    # One story in other words: no name or rare word in common, the leads' embeddings close.
    from corroborate.compare.same_story import LEADS_MEET, candidate, leads_meet

    def en(article_id: str, title: str, text: str, language: str = "en") -> Article:
        return Article(article_id, article_id, "", title=title, text=text, language=language)

    weed = en("w", "Legal weed in review", "Which states let adults buy cannabis this year.")
    laws = en("m", "Marijuana laws passed", "New rules on pot sales took effect on Monday.")
    near_, far = _unit(1.0, 0.2), _unit(0.2, 1.0)  # cosine 0.38 between them
    assert not candidate(profile(weed), profile(laws))  # no key shared, no embedding
    assert candidate(profile(weed, near_), profile(laws, _unit(1.0, 0.3)))
    assert not candidate(profile(weed, near_), profile(laws, far))
    assert float(near_ @ far) < LEADS_MEET
    # the embedder is English: leads in another language never meet by it
    french = (en(k, "Le cannabis légal", "Des règles sur la vente.", "fr") for k in "ab")
    fa, fb = (profile(a, near_) for a in french)
    assert not leads_meet(fa, fb)


def test_a_clusterer_links_close_english_leads_in_any_order_and_forgets_dropped_ones():
    c_ids = ["a1", "a2", "b1"]
    vectors = {"a1": _unit(1.0, 0.1), "a2": _unit(1.0, 0.3), "b1": _unit(0.1, 1.0)}
    texts = {
        "a1": ("Legal weed in review", "Which states let adults buy cannabis this year."),
        "a2": ("Marijuana laws passed", "New rules on pot sales took effect on Monday."),
        "b1": ("Harbour crane toppled", "A crane fell into the water at dawn."),
    }
    found = []
    for order in (c_ids, c_ids[::-1]):
        c = StoryClusterer(model=_VotesByStory(set()))  # type: ignore[arg-type]
        for article_id in order:
            article = Article(article_id, article_id, "", *texts[article_id][:1], language="en")
            article.text = texts[article_id][1]
            c.add(article, vectors[article_id])
        found.append(sorted(as_sets(c.stories())))
    assert found[0] == found[1] == [["a1", "a2"], ["b1"]]
    c.close(c.story_of("a1"))  # closed: their embeddings leave the search
    assert c._leads.near(vectors["a1"]) == []


def test_close_english_leads_still_meet_after_the_state_is_stored_and_restored():
    texts = {
        "a1": ("Legal weed in review", "Which states let adults buy cannabis this year."),
        "a2": ("Marijuana laws passed", "New rules on pot sales took effect on Monday."),
    }
    vectors = {"a1": _unit(1.0, 0.1), "a2": _unit(1.0, 0.3)}

    def article(article_id: str) -> Article:
        title, text = texts[article_id]
        return Article(article_id, article_id, "", title=title, text=text, language="en")

    first = StoryClusterer(model=_VotesByStory(set()))  # type: ignore[arg-type]
    first.add(article("a1"), vectors["a1"])
    state = json.loads(json.dumps(first.to_state()))
    later = StoryClusterer.from_state(state)
    later.model = first.model
    later.add(article("a2"), vectors["a2"])
    assert sorted(as_sets(later.stories())) == [["a1", "a2"]]


def test_the_lead_index_grows_and_reuses_freed_rows():
    from corroborate.compare.cluster import _VectorIndex

    index = _VectorIndex()
    for i in range(100):  # beyond its first 64 rows
        index.add(f"x{i}", _unit(1.0, i / 100))
    assert len(index.near(_unit(1.0))) == 100
    index.remove("x3")
    assert "x3" not in index.near(_unit(1.0))
    index.add("y", _unit(0.0, 1.0))
    assert index.near(_unit(0.0, 1.0)) == ["y"] + [f"x{i}" for i in range(100) if i >= 58]


def test_blocking_keys_read_a_possessive_and_either_apostrophe_as_one_name():
    from corroborate.compare.same_story import blocking_keys

    def keys(article_id: str, text: str) -> set[str]:
        found = profile(Article(article_id, article_id, "", title="", text=text, language="en"))
        return set(blocking_keys(found))

    curly = keys("c", "Fires reached the edge of Canberra as Mallacoota’s beach filled.")
    straight = keys("s", "Smoke drifted over Canberra while Mallacoota's residents fled.")
    assert "@mallacoota" in curly & straight
    headline = keys("h", "They said At Grand Park In Downtown Los Angeles Crowds gathered.")
    assert not any(k.count(" ") >= 4 for k in headline)  # a headline run is no name key


def _reference_vector(found: list[str], weight_of) -> dict[str, float]:
    """Word weights counted token by token (the plain reading the profile's counts, made
    once per distinct word, must give bit for bit)."""
    import math
    from collections import Counter

    raw = {w: (1.0 + math.log(n)) * weight_of(w) for w, n in Counter(found).items()}
    raw = {w: x for w, x in raw.items() if x > 0}
    norm = math.sqrt(sum(x * x for x in raw.values())) or 1.0
    return {w: x / norm for w, x in raw.items()}


def test_word_vectors_counted_per_word_read_as_token_by_token_and_fold_twice():
    from corroborate.compare.same_story import rarity
    from corroborate.text import fold

    article = news(
        "a",
        "Ǿresund ferry strike strands travellers",
        "Ferry crews on the Ǿresund line walked out on Monday, stranding travellers.",
        "The strike is the second on the line this year; travellers were told to take trains.",
        "A union spokesperson said crews would return once talks resumed.",
    )
    p = profile(article)
    assert not p.clauses.refolded  # "Ǿresund" is read "øresund", which folds again
    title, *body = [list(c.words) for c in p.clauses]
    read = title * 2 + [w for words in body for w in words]
    words = _reference_vector([fold(w) for w in read], lambda w: rarity(w, "en"))
    assert list(p.words.items()) == list(words.items())  # same weights, same order
    assert "oresund" in p.words and "øresund" not in p.words
    stems: dict[str, float] = {}
    for w in read:
        stems[w[:5]] = max(stems.get(w[:5], 0.0), rarity(w, "en"))
    expected = _reference_vector([w[:5] for w in read], stems.__getitem__)
    assert list(p.stems.items()) == list(expected.items())
    assert profile(news("b", "Ferry strike", "Crews walked out.")).clauses.refolded


def test_a_writer_that_commits_while_another_loads_the_stories_is_not_lost(nlp, tmp_path):
    """Two ``add`` runs at once: the second writer commits all its articles between the first
    writer's reads of the stored grouping and of its version. The first must notice and place
    its own articles among the other's, as one brief of both would."""
    from corroborate.app.library import add_articles
    from corroborate.app.store import Store
    from corroborate.pipeline import annotate_article, group_stories

    prepared = read_articles_of(story_files())
    docs = nlp.pipe(a.text for a in prepared)
    articles = [annotate_article(a, doc) for a, doc in zip(prepared, docs, strict=True)]
    expected = as_sets([[a.id for a in group] for group in group_stories(articles)])
    raws = story_files()
    random.Random(7).shuffle(raws)
    db = tmp_path / "race.db"
    Store(db).close()
    first = Store(db)
    read = first.get_meta
    others_done = []

    def get_meta(key: str):
        if key == "cluster_version" and not others_done:
            others_done.append(True)
            add_articles(
                Store(db),
                raws[1::2],
                nlp=nlp,
                embedder=HashingEmbedder(),
                embedder_name="hashing",
                commit_every=2,
                brief=False,
            )
        return read(key)

    first.get_meta = get_meta  # type: ignore[method-assign]
    add_articles(
        first,
        raws[::2],
        nlp=nlp,
        embedder=HashingEmbedder(),
        embedder_name="hashing",
        commit_every=2,
        brief=False,
    )
    assert others_done
    assert stored_stories(Store(db)) == expected


def _recalls() -> list[Article]:
    """One template filled in with other specifics (pairs that read as templates), and a copy
    of the first (a pair that agrees)."""
    filled = [
        ("Velmorin", "Quandrix Pharma", "Harlowfield", "14", "26,000"),
        ("Tosaprel", "Brenwick Labs", "Ostmere", "9", "41,500"),
        ("Dravocil", "Ashgrove Medical", "Pennick", "22", "8,300"),
        ("Limbrazone", "Corvale Health", "Tarrowby", "5", "112,000"),
    ]
    found = [_recall(f"r{i}", *specifics) for i, specifics in enumerate(filled)]
    return [*found, _recall("copy", *filled[0])]


def test_a_model_reads_only_the_features_it_weighs():
    p, r = (profile(a) for a in _recalls()[:2])
    everything = pair_features(p, r)
    model = load_model().lexical["english"]
    assert model.reads and model.reads < set(FEATURES)  # the shipped model weighs some 0
    read = pair_features(p, r, model.reads)
    for name, full, value in zip(FEATURES, everything, read, strict=True):
        assert value == (full if name in model.reads else 0.0)
    lexical = [i for i, name in enumerate(FEATURES) if name != "embedding"]
    as_read = model.probability([read[i] for i in lexical])
    assert as_read == model.probability([everything[i] for i in lexical])


def test_the_bound_on_a_template_pair_is_never_below_its_probability():
    """The vote of a template pair is -1 without its word vectors when a bound on its
    probability lies far enough below the threshold: the bound must hold for every model,
    and the vote must be the one the probability gives."""
    from corroborate.compare.same_story import _cosine_bounds, _template_bound, setting

    embedder = HashingEmbedder()
    c = StoryClusterer(embedder)
    articles = _recalls()
    lexical = [profile(a) for a in articles]
    embedded = [c.profile(a) for a in articles]
    model = load_model()
    decided = 0
    for profiles in (lexical, embedded):
        for i, a in enumerate(profiles):
            for b in profiles[i + 1 :]:
                mask = template_mask(a, b)
                variant = "lexical" if a.embedding is None else "embedded"
                cut = model.link_thresholds[variant][setting(a, b)]
                p = model.probability(a, b)
                assert model.vote(a, b, 0.15) == max(-1.0, min(1.0, (p - cut) / 0.15))
                if not mask[0] and not mask[1]:
                    continue
                exact = dict(zip(FEATURES, pair_features(a, b), strict=True))
                exact["multilingual"] = 0.5  # the multilingual models read it as given
                bounds = _cosine_bounds(a.vocabulary, mask[0], b.vocabulary, mask[1], True)
                for name, bound in bounds.items():
                    assert exact[name] <= bound + 1e-12
                for models in (model.lexical, model.embedded, model.multilingual):
                    for pair_model in (
                        m for base in models.values() for m in _with_languages(base)
                    ):
                        highest = _template_bound(pair_model, a, b, mask, {"multilingual": 0.5})
                        x = [exact[f] for f in pair_model.features]
                        assert highest is not None
                        assert pair_model.probability(x)[0] <= highest + 1e-12
                decided += _template_bound(model.lexical["english"], a, b, mask) < cut - 0.15
    assert decided  # the bound settles some pairs on its own


def _with_languages(model):
    """The model and the model as it reads each language it has a scale of."""
    return [model, *(model.for_language(language) for language in model.languages)]


def test_capitalised_runs_are_the_names_inside_sentences():
    text = "Talks with Prime Minister Jan Kowalski ended. Officials in New York said  no.\nMore"
    assert capitalised_runs(text) == ["Prime Minister Jan Kowalski", "New York"]


@given(st.text(alphabet=st.sampled_from(list("Ab 1.\n“”?é-,\t")), max_size=60))
def test_capitalised_runs_read_what_comes_before_each_word_as_all_the_text_before_it_does(
    text: str,
):
    def by_whole_text(text: str) -> list[str]:  # the rule as first written: quadratic
        runs: list[str] = []
        current: list[str] = []
        for match in _TOKEN.finditer(text):
            before = text[: match.start()].rstrip()
            if match.group()[0].isupper() and before and before[-1] not in _SENTENCE_END:
                current.append(match.group())
                continue
            if current:
                runs.append(" ".join(current))
            current = []
        return runs + [" ".join(current)] if current else runs

    assert capitalised_runs(text) == by_whole_text(text)


def test_a_pair_in_one_language_is_read_on_that_languages_scale():
    from corroborate.compare.same_story import PairModel, SameStoryModel

    features = tuple(f for f in FEATURES if f != "embedding")
    n = len(features)
    own = (np.full(n, 0.1), np.full(n, 0.5))
    pooled = PairModel(features, np.full(n, 0.3), np.ones(n), np.ones(n), -1.0, {"de": own})
    assert PairModel.from_dict(json.loads(json.dumps(pooled.to_dict()))).to_dict() == (
        pooled.to_dict()
    )
    models = {s: pooled for s in ("english", "same_language", "cross_language", "cross_script")}
    cuts = {"lexical": dict.fromkeys(models, 0.5), "embedded": dict.fromkeys(models, 0.5)}
    model = SameStoryModel(models, models, cuts, cuts)
    text = "Die Regierung in Berlin beschloss am Montag ein neues Gesetz über Mieten in Hamburg."
    de = [profile(Article(f"d{i}", f"d{i}.txt", text, text=text, language="de")) for i in (1, 2)]
    fr = profile(Article("f", "f.txt", text, text=text, language="fr"))
    x = np.asarray(pair_features(*de))[[FEATURES.index(f) for f in features]]
    by_de = PairModel(features, *own, np.ones(n), -1.0).probability(x)[0]
    assert model.probability(*de) == pytest.approx(by_de)
    assert model.probability(*de) != pytest.approx(pooled.probability(x)[0])
    assert pooled.for_language("fr") is pooled  # no scale of its own: the pool's
    assert model.probability(de[0], fr) == pytest.approx(
        pooled.probability(
            np.asarray(pair_features(de[0], fr))[[FEATURES.index(f) for f in features]]
        )[0]
    )
