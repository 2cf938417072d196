"""Story stages' work kept between briefs (corroborate.compare.stage_cache): a re-brief that
reuses it is the brief from scratch, and a piece is reused only where it read the same."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from dataclasses import replace

import pytest

from corroborate.annotate.people import PersonMention
from corroborate.app.library import StoredStageCache, brief_data, rebrief
from corroborate.app.store import Store, content_hash
from corroborate.compare.stage_cache import StageCache, article_digest, cached, digest, loads
from corroborate.embed.fake import HashingEmbedder
from corroborate.model import Article
from tests.conftest import ROOT, make_article, make_paragraphs

BRIDGE = [
    (
        "Porthaven's Harbour Bridge was shut on Tuesday after engineers found cracks in its welds.",
        "Mayor Ann Lister said repairs would cost 12 million pounds.",
        "“We will reopen it by May,” Lister said.",
        "Ferries will run every half hour until the bridge reopens.",
    ),
    (
        "The Harbour Bridge in Porthaven was closed on Tuesday after cracks were found in welds.",
        "Mayor Ann Lister said the repairs would cost about 12 million pounds.",
        "“We will reopen it by May,” Lister told reporters.",
        "Ferries will run every half hour until the bridge reopens.",
    ),
    (
        "Engineers found cracks in the welds of the Harbour Bridge, which was shut on Tuesday.",
        "Repairs will cost 15 million pounds, the council's engineer Raj Patel said.",
        "“The welds failed under load,” Patel said.",
    ),
    (
        "Porthaven's ferries were full on Wednesday, a day after the Harbour Bridge was shut.",
        "“It took me an hour to cross,” said commuter Jo Hart.",
        "Mayor Ann Lister said repairs would cost 12 million pounds.",
    ),
    (
        "The Harbour Bridge in Porthaven was closed on Tuesday after cracks were found in welds.",
        "Mayor Ann Lister said the repairs would cost about 12 million pounds.",
        "Ferries will run every half hour until the bridge reopens.",
    ),
]
OUTLETS = ["Gazette", "Herald", "Post", "Echo", "Herald Wire"]


def bridge_articles() -> list[Article]:
    """The hand-made story, people marked as the NER would, no parse (none needed)."""
    articles = []
    for k, (sentences, outlet) in enumerate(zip(BRIDGE, OUTLETS, strict=True)):
        article = make_article(f"b{k}", *sentences, outlet=outlet)
        article.parsed = []
        article.published = f"2024-03-{5 + k:02d}"
        for name in ("Ann Lister", "Lister", "Raj Patel", "Patel", "Jo Hart"):
            at = article.text.find(name)
            if at >= 0:
                end = at + len(name)
                article.people.append(PersonMention(article.id, at, end, name))
        article.people.sort(key=lambda m: m.start)
        articles.append(article)
    return articles


def as_json(data: dict) -> str:
    return json.dumps(data, sort_keys=True)


def test_a_cached_rebrief_equals_the_brief_from_scratch_as_articles_come_one_by_one():
    articles = bridge_articles()
    cache = StageCache()
    for n in range(1, len(articles) + 1):
        story = articles[:n]
        kept = brief_data(story, HashingEmbedder(), "s1", cache)
        again = brief_data(story, HashingEmbedder(), "s1", cache)  # every piece kept now
        scratch = brief_data(story, HashingEmbedder(), "s1")
        assert as_json(kept) == as_json(scratch) == as_json(again)
    assert cache.hits  # the pieces of the articles before were reused


def test_the_last_articles_brief_reuses_the_earlier_articles_pieces():
    articles = bridge_articles()
    cache = StageCache()
    brief_data(articles[:-1], HashingEmbedder(), "s1", cache)
    cache.hits = cache.misses = 0
    brief_data(articles, HashingEmbedder(), "s1", cache)
    assert cache.hits >= len(articles) - 1  # the quotes of every unchanged article, at least
    assert cache.misses >= 1  # the new article's own


def test_a_changed_article_or_another_code_version_misses():
    cache = StageCache(version="one")
    calls = []
    article = bridge_articles()[0]

    def work(a: Article) -> int:
        return cached(
            cache, "count", (article_digest(a),), lambda: calls.append(a.id) or len(calls)
        )

    assert work(article) == work(article) == 1
    changed = replace(article, published_inferred="2024-03-01")  # a story re-dated it
    assert work(changed) == 2
    cache.version = "two"  # the code changed: nothing kept is reused
    assert work(article) == 3


def test_the_key_of_an_article_is_the_same_in_another_process():
    """The store's pieces are found by the next ``corroborate add``: keys may not depend on a
    process's hash seed."""
    article = bridge_articles()[2]
    blob = pickle.dumps(article).hex()
    script = (
        "import pickle, sys; from corroborate.compare.stage_cache import article_digest; "
        f"print(article_digest(pickle.loads(bytes.fromhex('{blob}'))).hex())"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert keys == {article_digest(article).hex()}


def _bridge_story_stored(tmp_path):
    """The bundled example's articles in a new store, as one story ``s1``."""
    articles = bridge_articles()
    store = Store(tmp_path / "s.db")
    with store.transaction() as db:
        for article in articles:
            store.put_article(db, article, content_hash(article))
            store.assign(db, article.id, "s1")
    return articles, store


def test_the_store_keeps_pieces_for_the_next_process_and_drops_other_versions(tmp_path):
    articles, store = _bridge_story_stored(tmp_path)
    assert rebrief(store, HashingEmbedder(), ["s1"]) == ["s1"]
    first = store.story("s1")["brief"]
    kept = store.db.execute("SELECT count(*) FROM stage_work").fetchone()[0]
    assert kept
    store.close()
    again = Store(tmp_path / "s.db")  # as a new process opens it
    cache = StoredStageCache(again)
    assert rebrief(again, HashingEmbedder(), ["s1"], cache=cache) == ["s1"]
    assert cache.misses == 0 and cache.hits >= len(articles)
    assert again.story("s1")["brief"] == first
    with again.transaction() as db:
        again.put_stage_work(db, {b"k": pickle.dumps(1)}, "another version")
    assert again.db.execute("SELECT count(*) FROM stage_work").fetchone()[0] == 1


def test_articles_read_from_a_store_are_named_by_their_records(tmp_path, monkeypatch):
    """A re-brief keys each stored article by a digest of its record (the same record, the
    same digest; an article changed, another), digests no article again, and reuses the
    last brief's pieces of the articles as stored."""
    from corroborate.compare import stage_cache

    articles, store = _bridge_story_stored(tmp_path)
    records: dict[str, bytes] = {}
    store.load_articles([a.id for a in articles], records)
    again: dict[str, bytes] = {}
    store.load_articles([a.id for a in articles], again)
    assert records == again and len(set(records.values())) == len(articles)
    rebrief(store, HashingEmbedder(), ["s1"])
    digested: list[str] = []
    digest_of = stage_cache.article_digest
    monkeypatch.setattr(
        stage_cache, "article_digest", lambda a: digested.append(a.id) or digest_of(a)
    )
    cache = StoredStageCache(store)
    rebrief(store, HashingEmbedder(), ["s1"], cache=cache)
    assert digested == [] and cache.misses == 0 and cache.hits >= len(articles)
    changed = replace(articles[0], title="Porthaven bridge reopens")
    with store.transaction() as db:
        store.put_article(db, changed, content_hash(changed))
    after: dict[str, bytes] = {}
    store.load_articles([a.id for a in articles], after)
    assert {k for k in records if after[k] != records[k]} == {articles[0].id}


class Foreign:
    pass


@pytest.mark.parametrize(
    "value", [eval, Foreign(), subprocess.run], ids=["a builtin", "a class", "a function"]
)
def test_a_kept_piece_never_rebuilds_anything_but_the_packages_types_and_plain_values(value):
    with pytest.raises(pickle.UnpicklingError):
        loads(pickle.dumps(value))


def test_a_kept_piece_reads_back_equal():
    import numpy as np

    piece = (bridge_articles()[0].people, np.arange(3.0), {"a": [1, 2.5, "x", None]})
    back = loads(pickle.dumps(piece))
    assert back[0] == piece[0] and (back[1] == piece[1]).all() and back[2] == piece[2]


def test_the_seed_story_rebriefed_from_the_store_as_articles_come_equals_its_brief_from_scratch(
    nlp, seed_dir, tmp_path
):
    """Real articles, annotated as ``corroborate add`` annotates them, put in one story one
    at a time and re-briefed by a new :class:`Store` each time (as a new process would)."""
    from corroborate.annotate.dates import date_by_story
    from corroborate.pipeline import annotate_article, read_articles

    read = list(read_articles(sorted(seed_dir.glob("*.txt")), None, []))
    docs = nlp.pipe(a.text for a in read)
    articles = [annotate_article(a, doc) for a, doc in zip(read, docs, strict=True)]
    path = tmp_path / "s.db"
    for article in articles:
        store = Store(path)
        with store.transaction() as db:
            store.put_article(db, article, content_hash(article))
            store.assign(db, article.id, "s1")
        cache = StoredStageCache(store)
        assert rebrief(store, HashingEmbedder(), ["s1"], cache=cache) == ["s1"]
        members = store.load_articles(store.story_member_ids("s1"))
        scratch = brief_data(date_by_story(members), HashingEmbedder(), "s1")
        assert as_json(store.story("s1")["brief"]) == as_json(json.loads(json.dumps(scratch)))
        store.close()
    assert cache.hits  # the last brief reused the earlier articles' pieces


def test_a_story_titles_words_are_kept_per_text_and_a_changed_text_is_read_again():
    from corroborate.compare.story_titles import story_title

    articles = bridge_articles()
    articles[1].title = "Harbour Bridge shut"
    articles[3].title = "Ferries full"
    fresh = story_title(articles)
    cache = StageCache()
    assert story_title(articles, cache=cache) == fresh == "Harbour Bridge shut"
    cache.hits = cache.misses = 0
    assert story_title(articles, cache=cache) == fresh  # every article's words kept
    assert (cache.hits, cache.misses) == (len(articles), 0)
    ferries = "Ferries were full. Ferries ferries ferries, full full."
    changed = [replace(a, text=a.text + " " + ferries) for a in articles]
    assert story_title(changed, cache=cache) == story_title(changed) == "Ferries full"
    assert cache.misses == len(articles)


def test_a_sentence_tables_words_are_kept_per_article_and_a_changed_sentence_is_read_again():
    from corroborate.compare.facts import SentenceTable

    articles = bridge_articles()
    fresh = SentenceTable.build(articles)
    cache = StageCache()
    SentenceTable.build(articles, cache)
    cache.hits = cache.misses = 0
    kept = SentenceTable.build(articles, cache)
    assert (cache.hits, cache.misses) == (len(articles), 0)
    assert (kept.tfidf != fresh.tfidf).nnz == 0 and kept.sentences == fresh.sentences
    changed = replace(articles[2], text=articles[2].text.replace("Patel", "Raj Patel of Porthaven"))
    changed.sentences = [
        replace(s, text=s.text.replace("Patel", "Raj Patel of Porthaven"))
        for s in articles[2].sentences
    ]
    story = [*articles[:2], changed, *articles[3:]]
    again = SentenceTable.build(story, cache)
    assert cache.misses == 1
    assert (again.tfidf != SentenceTable.build(story).tfidf).nnz == 0
    assert (again.tfidf != fresh.tfidf).nnz > 0


def test_the_words_of_a_quote_units_sentences_are_kept_per_article_as_read_fresh():
    """A quotation over two sentences makes one fact unit; the TF-IDF rows of its sentences
    (the table's pieces, for candidates) are read from the article's kept piece and equal
    those read fresh, also after another article joins the story."""
    from corroborate.compare.facts import SentenceTable

    articles = bridge_articles()
    quoted = make_paragraphs(
        "q1",
        ["“The welds failed under load.", "We will replace every one of them,” Patel said."],
        ["Ferries will run every half hour until the bridge reopens."],
        outlet="Ledger",
    )
    quoted.parsed = []
    story = [*articles[:3], quoted]
    fresh = SentenceTable.build(story)
    assert fresh.pieces is not None and fresh.piece_of is not None
    cache = StageCache()
    SentenceTable.build(story[:3], cache)
    SentenceTable.build(story, cache)
    cache.hits = cache.misses = 0
    grown = [*story, articles[3]]
    kept = SentenceTable.build(grown, cache)
    assert (cache.hits, cache.misses) == (len(story), 1)  # only the new article read
    again = SentenceTable.build(grown)
    assert kept.pieces is not None and again.pieces is not None
    assert (kept.pieces != again.pieces).nnz == 0
    assert list(kept.piece_of) == list(again.piece_of)
    assert (kept.tfidf != again.tfidf).nnz == 0


def test_known_names_found_in_an_article_are_kept_until_the_names_looked_for_there_change():
    from corroborate.compare.entities import story_person_mentions

    def people(story: list[Article]) -> dict:
        return {a.id: list(a.people) for a in story}

    articles = bridge_articles()
    fresh = story_person_mentions(articles, people(articles))
    cache = StageCache()
    assert story_person_mentions(articles, people(articles), cache) == fresh
    cache.hits = cache.misses = 0
    assert story_person_mentions(articles, people(articles), cache) == fresh
    assert (cache.hits, cache.misses) == (len(articles), 0)
    # a new article makes "Bridge Lister" a known name: every article that has both words is
    # searched again, the others are not
    extra = make_article("b9", "Councillor Bridge Lister spoke on Monday.", outlet="Ledger")
    at = extra.text.index("Bridge Lister")
    extra.people = [PersonMention("b9", at, at + len("Bridge Lister"), "Bridge Lister")]
    story = [*articles, extra]
    cache.hits = cache.misses = 0
    assert story_person_mentions(story, people(story), cache) == story_person_mentions(
        story, people(story)
    )
    searched_again = 1 + sum("Bridge" in a.text and "Lister" in a.text for a in articles)
    assert cache.misses == searched_again > 1
    assert cache.hits == len(story) - searched_again


def test_a_texts_caseless_form_is_kept_under_the_text():
    from corroborate.compare.entities import _caseless, _caseless_kept

    cache = StageCache()
    text = "Lindholm FC beat İzmir; ΣΟΦΙΑ and Straße drew."
    assert _caseless_kept(text, cache) == _caseless(text) == _caseless_kept(text, None)
    assert _caseless_kept(text, cache) == _caseless(text)
    assert (cache.hits, cache.misses) == (1, 1)
    assert _caseless_kept(text + " Again.", cache) == _caseless(text + " Again.")
    assert cache.misses == 2


def test_equal_values_get_one_key_however_their_strings_are_shared():
    word = "".join(["harbour"] * 3)
    shared = [word, word]  # one string object, met twice
    apart = ["harbour" * 3, "".join(["harbour"] * 3)]  # two equal objects
    assert shared == apart
    assert digest(shared) == digest(apart)
    assert digest(shared) != digest([word, word + "s"])
