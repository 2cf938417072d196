"""The multilingual embedding of pairs not both in English: when it may run, that an English
pile never loads it, that stories come out the same whatever the order with it, and that
without it pairs are read as before."""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Sequence

import numpy as np
import pytest

from corroborate.compare.cluster import STREAM, VOTE_SPAN, StoryClusterer, cluster_stories
from corroborate.compare.same_story import (
    FEATURES,
    MULTILINGUAL,
    MULTILINGUAL_MEET,
    MULTILINGUAL_SETTINGS,
    blocking_keys,
    embeddings_meet,
    load_model,
    meets,
    multilingual_input,
    pair_features,
    profile,
    rounded_cosine,
    setting,
    strong_keys,
    thin_across,
)
from corroborate.embed import multilingual as ml
from corroborate.embed.fake import HashingEmbedder
from corroborate.model import Article
from tests.test_cluster import as_sets, corpus, news

FLAGS = "fpu vme de pse tsc msr sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx avx2 bmi1 bmi2"


def cpuinfo(*flag_lines: str) -> str:
    return "".join(
        f"processor\t: {i}\nmodel name\t: Some CPU\nflags\t\t: {flags}\n\n"
        for i, flags in enumerate(flag_lines)
    )


def test_the_engine_runs_only_on_an_x86_cpu_with_avx2_and_fma():
    assert ml.cpu_can_run(cpuinfo(FLAGS, FLAGS), "x86_64")
    assert not ml.cpu_can_run(cpuinfo(FLAGS.replace(" avx2", "")), "x86_64")
    assert not ml.cpu_can_run(cpuinfo(FLAGS.replace(" fma", "")), "x86_64")
    assert not ml.cpu_can_run(cpuinfo(FLAGS, FLAGS.replace(" avx2", "")), "x86_64")  # one lacks
    assert not ml.cpu_can_run(cpuinfo(FLAGS.replace("avx2", "avx2_vnni")), "x86_64")  # whole words
    assert not ml.cpu_can_run("", "x86_64")  # nothing to read: not risked
    assert ml.cpu_can_run("", "aarch64")  # the package installs only where it has an engine


@pytest.fixture
def fresh_loader():
    ml.load_multilingual.cache_clear()
    yield ml.load_multilingual
    ml.load_multilingual.cache_clear()


def test_turned_off_or_on_a_cpu_without_avx2_there_is_no_encoder_and_it_says_so(
    fresh_loader, monkeypatch, caplog
):
    monkeypatch.setenv(ml.ENV, "0")
    with caplog.at_level(logging.WARNING, logger=ml.__name__):
        assert fresh_loader() is None
        assert fresh_loader() is None
    assert len([r for r in caplog.records if "multilingual embedding off" in r.message]) == 1
    fresh_loader.cache_clear()
    monkeypatch.delenv(ml.ENV)
    monkeypatch.setattr(ml, "_cpu_ok", lambda: False)
    assert fresh_loader() is None
    assert StoryClusterer().multilingual is None


class FakeEncoder:
    """Unit vectors from hashed words of the texts (a stand-in for the engine), counting the
    texts it is given."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._words = HashingEmbedder()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts += list(texts)
        return np.asarray(self._words.encode(list(texts)), dtype=np.float32)


class Exploding:
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        raise AssertionError("an English pile must not embed anything")


def test_an_english_pile_never_loads_the_engine(monkeypatch):
    monkeypatch.setattr(ml, "load_multilingual", lambda: Exploding())
    monkeypatch.setattr("corroborate.compare.cluster.load_multilingual", lambda: Exploding())
    monkeypatch.setattr(ml.E5Encoder, "_load", lambda self: Exploding().encode([]))
    articles = corpus()
    c = StoryClusterer()
    assert isinstance(c.multilingual, Exploding)
    c.add_many(articles)
    assert as_sets(c.stories()) == as_sets(cluster_stories(articles))
    assert not c._vectors  # (the texts are kept: a later article in another language may pair)


def german() -> list[Article]:
    """Two German stories and one English article on the first (a cross-language pair)."""
    found = [
        news(
            "d1",
            "Brücke in Lindenhafen nach Rissen gesperrt",
            "Die Hafenbrücke in Lindenhafen wurde am Montag gesperrt, nachdem Ingenieure Risse "
            "in den Schweißnähten gefunden hatten.",
            "Verkehrsministerin Helga Brandauer sagte, die Reparatur werde Monate dauern.",
            published="2025-03-04",
        ),
        news(
            "d2",
            "Risse in Schweißnähten: Hafenbrücke Lindenhafen bleibt zu",
            "Ingenieure haben die Hafenbrücke in Lindenhafen nach Rissen in den Schweißnähten "
            "geschlossen.",
            "Helga Brandauer versprach Geld des Landes für die Reparatur der Brücke.",
            published="2025-03-05",
        ),
        news(
            "d3",
            "Waldbrand bei Kiefernau: Hunderte fliehen",
            "Ein Waldbrand bei Kiefernau im Landkreis Oberwald zwang am Freitag Hunderte "
            "Bewohner zur Flucht.",
            "Die Feuerwehr meldete, der Brand sei zu 15 Prozent eingedämmt.",
            published="2025-07-18",
        ),
        news(
            "d4",
            "Kiefernau evakuiert, Feuer im Landkreis Oberwald wächst",
            "Bewohner von Kiefernau flohen am Freitag vor dem Waldbrand im Landkreis Oberwald.",
            "Am Abend war das Feuer zu 15 Prozent eingedämmt.",
            published="2025-07-19",
        ),
        news(
            "e1",
            "Lindenhafen harbour bridge shut after cracks",
            "The harbour bridge in Lindenhafen was shut on Monday after engineers found cracks "
            "in its welds.",
            "Transport minister Helga Brandauer said repairs would take months.",
            published="2025-03-04",
        ),
    ]
    for a in found:
        a.language = "en" if a.id.startswith("e") else "de"
    return found


def test_a_german_pile_gives_the_same_stories_in_any_order_and_through_stored_states():
    encoder = FakeEncoder()
    articles = german() + corpus()
    expected = as_sets(cluster_stories(articles, multilingual=encoder))
    assert encoder.texts  # the German pairs read the multilingual cosine
    assert len(encoder.texts) == len(set(encoder.texts))  # each article embedded once
    for seed in (1, 2, 3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        one_by_one = StoryClusterer(multilingual=FakeEncoder())
        for article in shuffled:
            one_by_one.add(article)
        assert as_sets(one_by_one.stories()) == expected
        state = None
        for run in (shuffled[:3], shuffled[3:7], shuffled[7:]):
            c = (
                StoryClusterer.from_state(json.loads(json.dumps(state)), multilingual=FakeEncoder())
                if state
                else StoryClusterer(multilingual=FakeEncoder())
            )
            c.add_many(run)
            state = c.to_state()
        assert state is not None and state["multilingual"]
        assert as_sets(StoryClusterer.from_state(state, multilingual=False).stories()) == expected


def test_a_stored_state_keeps_each_vector_exactly_and_each_text_not_yet_embedded():
    encoder = FakeEncoder()
    c = StoryClusterer(multilingual=encoder)
    c.add_many(german())
    assert c._vectors and not set(c._vectors) & set(c._passages)  # a text or a vector
    restored = StoryClusterer.from_state(json.loads(json.dumps(c.to_state())), multilingual=encoder)
    assert restored._passages == c._passages
    assert set(restored._vectors) == set(c._vectors)
    for i, vector in c._vectors.items():
        assert np.array_equal(restored._vectors[i], vector)


def test_each_german_pair_is_read_by_the_multilingual_model_with_its_cosine():
    encoder = FakeEncoder()
    c = StoryClusterer(multilingual=encoder)
    articles = german()
    c.add_many(articles)
    model = load_model()
    profiles = {a.id: profile(a) for a in articles}
    vectors = encoder.encode([ml.passage_text(a.title, a.text) for a in articles])
    vector = dict(zip([a.id for a in articles], vectors, strict=True))
    a, b = profiles["d1"], profiles["d2"]
    assert setting(a, b) in MULTILINGUAL_SETTINGS and setting(a, b) in model.multilingual
    cosine = rounded_cosine(vector["d1"], vector["d2"])
    assert c._cosine(a, b) == cosine
    x = pair_features(a, b)
    x.pop(FEATURES.index("embedding"))
    m = model.multilingual[setting(a, b)].for_language("de")
    assert m.features == MULTILINGUAL
    p = float(m.probability([*x, multilingual_input(cosine)])[0])
    assert model.probability(a, b, cosine) == p
    cut = model.link_thresholds["multilingual"][setting(a, b)]
    assert c._margin(a, b) == max(-1.0, min(1.0, (p - cut) / VOTE_SPAN))


def test_without_the_engine_pairs_are_read_by_the_lexical_models_as_before(monkeypatch):
    """Engine off: nothing embedded, and every vote is the one the lexical model gives (the
    coefficients shipped before the multilingual models, kept in the model file)."""
    monkeypatch.setenv(ml.ENV, "0")
    ml.load_multilingual.cache_clear()
    try:
        c = StoryClusterer()
    finally:
        ml.load_multilingual.cache_clear()
    assert c.multilingual is None
    articles = german()
    c.add_many(articles)
    assert not c._passages and not c._vectors
    model = load_model()
    fallback = model.without_multilingual()
    profiles = [profile(a) for a in articles]
    for i, a in enumerate(profiles):
        for b in profiles[i + 1 :]:
            assert c.model.probability(a, b, c._cosine(a, b)) == fallback.probability(a, b)
            assert model.vote(a, b, VOTE_SPAN) == fallback.vote(a, b, VOTE_SPAN)
    assert as_sets(c.stories()) == as_sets(cluster_stories(articles, multilingual=False))


def test_an_engine_that_fails_leaves_every_pair_to_the_lexical_models(caplog):
    class Broken:
        def encode(self, texts: Sequence[str]) -> np.ndarray:
            raise OSError("cannot load engine")

    c = StoryClusterer(multilingual=Broken())
    with caplog.at_level(logging.WARNING, logger=ml.__name__):
        c.add_many(german())
    assert c.multilingual is None and not c._passages and not c._vectors
    assert any("multilingual embedding failed" in r.message for r in caplog.records)
    assert as_sets(c.stories()) == as_sets(cluster_stories(german(), multilingual=False))


@pytest.mark.slow
def test_the_engine_embeds_passages_the_same_in_any_batch():
    encoder = ml.load_multilingual()
    if encoder is None:
        pytest.skip("the multilingual engine cannot run here")
    texts = [ml.passage_text(a.title, a.text) for a in german()]
    together = encoder.encode(texts)
    assert together.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-4)
    alone = np.stack([encoder.encode([t])[0] for t in texts[:2]])
    assert np.array_equal(np.round(alone @ alone.T, 5), np.round(together[:2] @ together[:2].T, 5))
    same = rounded_cosine(together[0], together[1])  # one bridge story, two texts
    other = rounded_cosine(together[0], together[2])  # a bridge and a fire
    assert same > other


@pytest.mark.slow
def test_add_runs_of_a_german_pile_give_the_stories_of_one_brief(nlp, tmp_path):
    """The store groups a pile in other languages as ``brief`` does, with the multilingual
    embedding when it can run here (else without, both alike), whatever the runs and order."""
    from corroborate.app.library import add_articles
    from corroborate.app.store import Store
    from corroborate.pipeline import annotate_article, group_stories
    from corroborate.read.ingest import iter_inputs
    from tests.test_cluster import read_articles_of, stored_stories

    folder = tmp_path / "pile"
    folder.mkdir()
    manifest = {}
    for a in german():
        (folder / f"{a.id}.txt").write_text(f"{a.title}\n\n{a.text}\n", encoding="utf-8")
        manifest[f"{a.id}.txt"] = {"language": a.language, "published": a.published}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    def raws() -> list[Article]:
        found = iter_inputs([folder], tmp_path / "manifest.json")
        return [a for a in found if isinstance(a, Article)]

    prepared = read_articles_of(raws())
    assert {a.language for a in prepared} == {"de", "en"}
    docs = nlp.pipe(a.text for a in prepared)
    articles = [annotate_article(a, doc) for a, doc in zip(prepared, docs, strict=True)]
    expected = as_sets([[a.id for a in group] for group in group_stories(articles)])
    assert len(expected) < len(articles)  # some German articles are grouped
    on = StoryClusterer().multilingual is not None
    for seed in (1, 2):
        shuffled = raws()
        random.Random(seed).shuffle(shuffled)
        store = Store(tmp_path / f"s{seed}.db")
        for run in (shuffled[:2], shuffled[2:]):
            add_articles(store, run, nlp=nlp, embedder=HashingEmbedder(), brief=False)
        assert stored_stories(store) == expected
        assert json.loads(store.get_meta("cluster_state"))["multilingual"] is on


def test_an_engine_that_fails_to_load_is_not_tried_again():
    tries = []

    def broken():
        tries.append(1)
        raise OSError("no engine")

    encoder = ml.E5Encoder(engine=broken)
    for _ in range(2):
        assert ml.encode_safely(encoder, ["Ein Text."]) is None
    assert tries == [1]


class TopicEncoder:
    """Unit vectors by topic: a text with one of the ``topic`` words gets the first axis (so
    two such texts are at cosine 1), any other an axis of its own words' hash; counts the
    texts it is given."""

    def __init__(self, topic: Sequence[str]) -> None:
        self.topic = topic
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts += list(texts)
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for k, text in enumerate(texts):
            on_topic = any(w in text for w in self.topic)
            out[k, 0 if on_topic else 1 + sum(map(ord, text)) % 383] = 1.0
        return out


STORM = ("Unwetter", "Starkregen", "Storms", "Hochwasser")


def storms() -> list[Article]:
    """One storm told four ways: two German articles that share no blocking key (no name or
    rare word written alike), an English one, and a German one that shares two names with it
    ("Germany", "Europe": too common to be keys) but no key."""
    found = [
        news(
            "g1",
            "Schwere Unwetter: Dutzende Keller in Oberhausen überflutet",
            "Nach heftigen Regenfällen standen in Oberhausen am Dienstag Dutzende Keller unter "
            "Wasser.",
            "Die Feuerwehr pumpte bis in die Nacht.",
            published="2025-05-06",
        ),
        news(
            "g2",
            "Starkregen legt den Verkehr lahm",
            "Ein Gewitter hat am Dienstagabend Straßen und Bahnstrecken im Ruhrgebiet blockiert.",
            "Pendler saßen stundenlang fest.",
            published="2025-05-06",
        ),
        news(
            "x1",
            "Storms flood cellars across the Ruhr region",
            "Heavy rain on Tuesday flooded dozens of cellars in Germany and the Netherlands, "
            "officials in Europe said.",
            "Firefighters pumped water through the night.",
            published="2025-05-06",
        ),
        news(
            "g4",
            "Hochwasser nach Gewitternacht",
            "Wie Medien in Germany und ganz Europe berichteten, liefen Keller voll.",
            "Die Pumpen liefen bis zum Morgen.",
            published="2025-05-07",
        ),
    ]
    for a in found:
        a.language = "en" if a.id.startswith("x") else "de"
    return found


def _keys_meet(a: Article, b: Article) -> bool:
    pa, pb = profile(a), profile(b)
    return meets(
        set(blocking_keys(pa)) & set(blocking_keys(pb)),
        set(strong_keys(pa)) & set(strong_keys(pb)),
        pa.language != pb.language,
    )


def _compared(c: StoryClusterer) -> set[tuple[str, str]]:
    """The pairs the clusterer scored (met in blocking, or split in one linked group)."""
    return set(c._pair_margin)


def _meets_by_blocking(first: Article, second: Article) -> bool:
    """Whether blocking lets ``second`` meet ``first`` (placed before it) in a clusterer."""
    c = StoryClusterer(multilingual=TopicEncoder(STORM))
    c.add(first)
    c._keep_text(second.id, ml.passage_text(second.title, second.text), None)
    return first.id in {o.id for o in c._candidates(profile(second))}


def test_articles_close_in_multilingual_meaning_meet_though_they_share_no_key(monkeypatch):
    by_id = {a.id: a for a in storms()}
    g1, g2, x1, g4 = (by_id[i] for i in ("g1", "g2", "x1", "g4"))
    assert not _keys_meet(g1, g2) and not _keys_meet(g4, x1)
    assert _meets_by_blocking(g1, g2) and _meets_by_blocking(g2, g1)
    assert embeddings_meet(profile(g1), profile(g2), MULTILINGUAL_MEET)
    # English articles meet others by the multilingual embedding neither way, though the
    # pair shares two names (not thin across) and its cosine is 1
    assert not thin_across(profile(g4), profile(x1))
    assert not _meets_by_blocking(g4, x1) and not _meets_by_blocking(x1, g4)
    assert not embeddings_meet(profile(g4), profile(x1), 1.0)
    for module in ("corroborate.compare.cluster", "corroborate.compare.same_story"):
        monkeypatch.setattr(f"{module}.MULTILINGUAL_MEET", 1.01)  # out of reach: keys only
    assert not _meets_by_blocking(g1, g2)


def test_articles_in_other_languages_are_embedded_on_arrival_english_ones_only_when_read():
    """Each German article is embedded as it arrives (a later one finds it, whichever came
    first); an English one only for a pair the multilingual model reads, as before."""
    by_id = {a.id: a for a in storms()}
    for order in (["x1", "g1", "g2"], ["g2", "x1", "g1"]):
        encoder = TopicEncoder(STORM)
        c = StoryClusterer(multilingual=encoder)
        for i in order:
            c.add(by_id[i])
            assert set(c._vectors) == {j for j in c._profiles if j.startswith("g")}
        assert ("g1", "g2") in c._pair_margin and len(encoder.texts) == 2


def test_meeting_by_multilingual_meaning_gives_the_same_stories_and_pairs_in_any_order():
    articles = storms() + german() + corpus()
    batch = StoryClusterer(multilingual=TopicEncoder(STORM))
    batch.add_many(sorted(articles, key=lambda a: a.id))
    expected, pairs = as_sets(batch.stories()), _compared(batch)
    assert ("g1", "g2") in pairs
    for seed in (1, 2, 3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        one_by_one = StoryClusterer(multilingual=TopicEncoder(STORM))
        for article in shuffled:
            one_by_one.add(article)
        assert as_sets(one_by_one.stories()) == expected and _compared(one_by_one) == pairs
        state = None
        for run in (shuffled[:4], shuffled[4:9], shuffled[9:]):
            encoder = TopicEncoder(STORM)
            c = (
                StoryClusterer.from_state(json.loads(json.dumps(state)), multilingual=encoder)
                if state
                else StoryClusterer(multilingual=encoder)
            )
            c.add_many(run)
            state = c.to_state()
        assert as_sets(c.stories()) == expected


def test_retired_articles_leave_the_multilingual_index():
    c = StoryClusterer(config=STREAM, multilingual=TopicEncoder(STORM))
    c.add_many(german()[:2] + storms())  # March, then May: the March bridge articles retire
    c._close_idle()
    live = set(c._profiles)
    assert "d1" not in live and "g1" in live
    assert set(c._met._row) == {i for i in live if i in c._vectors and i.startswith("g")}
    assert c._foreign <= live and "g1" in c._foreign


def test_english_pairs_read_the_multilingual_cosine_only_in_the_brief_by_meaning():
    """Two English articles are read with their multilingual cosine only when both have
    lead embeddings (the brief by meaning); in the default brief a cosine given changes
    nothing, so the default never needs the engine for English."""
    model = load_model()
    assert "english" in model.multilingual
    a, b = corpus()[:2]
    plain = profile(a), profile(b)
    embedded = tuple(
        profile(x, np.asarray(v, dtype=np.float32))
        for x, v in zip((a, b), HashingEmbedder().encode([a.text, b.text]), strict=True)
    )
    assert not model.reads_cosine(*plain) and model.reads_cosine(*embedded)
    assert model.probability(*plain, 0.99) == model.probability(*plain, 0.71)
    assert model.probability(*plain, 0.99) == model.probability(*plain)
    near, far = model.probability(*embedded, 0.99), model.probability(*embedded, 0.71)
    assert near > far  # the cosine is read, and a closer pair is likelier one story
    assert model.probability(*embedded) != near  # without it, the MiniLM lead model reads it


def test_an_english_pile_by_meaning_embeds_the_articles_of_the_pairs_it_reads():
    articles = corpus()
    encoder = FakeEncoder()
    by_meaning = StoryClusterer(embedder=HashingEmbedder(), multilingual=encoder)
    by_meaning.add_many(articles)
    read = {i for pair in by_meaning._pair_margin for i in pair}
    assert read and set(by_meaning._vectors) == read  # embedded exactly for the pairs read
    for seed in (1, 2):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        again = StoryClusterer(embedder=HashingEmbedder(), multilingual=FakeEncoder())
        for article in shuffled:
            again.add(article)
        assert as_sets(again.stories()) == as_sets(by_meaning.stories())
    default = StoryClusterer(multilingual=Exploding())
    default.add_many(articles)  # no lead embeddings: nothing is embedded
    assert not default._vectors
