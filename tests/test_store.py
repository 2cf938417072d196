"""The SQLite store: records that round-trip, incremental adds, migrations, crash safety."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corroborate.annotate.commitments import Commitment
from corroborate.annotate.dates import DateMention
from corroborate.annotate.people import PersonMention
from corroborate.annotate.quantities import Quantity
from corroborate.app.library import add_articles, rebrief
from corroborate.app.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Store,
    article_from_record,
    article_to_record,
    fts_query,
)
from corroborate.embed.fake import HashingEmbedder
from corroborate.errors import StoreError
from corroborate.model import Article, Mention, Rejected, Removed, Sentence

BRIDGE = (
    "Porthaven's Harbour Bridge was shut on Tuesday after engineers found cracks in its welds. "
    "Mayor Ann Lister said repairs would cost 12 million pounds. "
    "“We will reopen it by May,” Lister said."
)
BRIDGE_2 = (
    "The Harbour Bridge in Porthaven was closed on Tuesday after cracks were found in welds. "
    "Mayor Ann Lister said the repairs would cost about 12 million pounds. "
    "Ferries will run until the bridge reopens."
)
FLOOD = (
    "Heavy rain flooded the valley town of Kelby on Sunday, and the river Tarn burst its banks. "
    "Firefighters rescued 40 residents from their homes. "
    "The mayor of Kelby, Tom Reed, asked for army help."
)


def full_article() -> Article:
    text = "Lister said “we will reopen it by May.” It cost 12 million pounds. Talks on Friday."
    a = Article(
        "a1",
        "a1.txt",
        "RAW " + text,
        outlet="Gazette",
        title="Bridge",
        published="2024-03-05",
        published_source="manifest",
        url="https://example.org/a1",
        attrs={"country": "UK", "n": [1, 2]},
        region="GB",
        text=text,
        removed=[Removed("Leave a reply", "comment_form")],
        headings=["Repairs"],
        published_inferred=None,
    )
    a.sentences = [
        Sentence("a1", 0, 0, 38, text[0:38]),
        Sentence("a1", 1, 39, 66, text[39:66]),
        Sentence("a1", 2, 67, 84, "not the slice"),
    ]
    a.mentions = [Mention("a1", 0, 6, "Lister", "PERSON", 0)]
    a.people = [PersonMention("a1", 0, 6, "Lister", ("Mayor",), "ner")]
    a.quantities = [
        Quantity("a1", 12e6, None, None, None, "GBP", "12 million pounds", 47, 65, 1, "cost", None)
    ]
    a.dates = [DateMention("a1", 77, 83, "Friday", "2024-03-01", "day", True, 2, None, "published")]
    a.commitments = [
        Commitment("a1", 0, text[:38], 10, 36, "reopen it by May", "planned", ("Lister",))
    ]
    return a


def test_article_record_round_trips_every_extraction():
    article = full_article()
    record = json.loads(json.dumps(article_to_record(article)))
    back = article_from_record(record)
    assert back == article
    assert back.people[0].titles == ("Mayor",)
    assert back.commitments[0].actors == ("Lister",)
    assert back.sentences[2].text == "not the slice"  # text kept where it is not the slice
    assert back.region == "GB"


def test_real_pipeline_article_round_trips(nlp):
    from corroborate.pipeline import annotate_article
    from corroborate.read.clean import prepare

    raw = Article("b", "b.txt", BRIDGE + "\n\nLeave a Reply\n", published="2024-03-05")
    (article,) = [annotate_article(a, nlp(a.text)) for a in prepare([raw], [])]
    assert article.sentences and article.mentions and article.quantities and article.people
    assert article_from_record(json.loads(json.dumps(article_to_record(article)))) == article


def test_the_stored_brief_cites_the_spans_of_the_story_parts_not_the_first_alike_text():
    from corroborate.app.library import brief_data
    from corroborate.pipeline import run_article_stages
    from tests.conftest import make_article

    said = "The council will hold a public hearing on the repairs on 12 March 2024."
    a = run_article_stages(
        make_article(
            "a", "The school has 1,240 pupils.", said, "The storm destroyed 1,240 homes.", said
        )
    )
    data = brief_data([a], HashingEmbedder(), "s1")

    def cited(item):
        start, end = item["span"]
        return a.text[start:end]

    claims = {n["measure"]: n["claims"] for n in data["numbers"]}
    assert [c["span"][0] for c in claims["homes"]] == [a.text.index("1,240 homes")]
    assert all(cited(c) == c["text"] for cs in claims.values() for c in cs)
    said_at = [[s.start, s.end] for s in a.sentences if s.text == said]
    assert [c["span"] for c in data["commitments"]] == said_at  # each at its own sentence
    assert data["timeline"] and all(cited(t) == t["text"] for t in data["timeline"])


def test_new_store_is_migrated_and_newer_schema_is_refused(tmp_path):
    path = tmp_path / "x.db"
    store = Store(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    Store(path).close()  # opening again runs nothing
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a corroborate database"):
        Store(bad)


@pytest.mark.parametrize(
    ("text", "query"),
    [("Bárcena talks", '"Bárcena" "talks"*'), ('a "b" OR c*', '"a" "b" "OR" "c"*'), ("  ", "")],
)
def test_fts_query_quotes_user_words(text, query):
    assert fts_query(text) == query


def raw(aid: str, text: str, outlet: str, title: str, day: str = "2024-03-05") -> Article:
    return Article(aid, f"{aid}.txt", text, outlet=outlet, title=title, published=day)


def test_add_is_incremental(nlp, tmp_path):
    store = Store(tmp_path / "s.db")
    embed = HashingEmbedder()
    first = [
        raw("b1", BRIDGE, "Gazette", "Porthaven bridge shut after cracks found"),
        raw("b2", BRIDGE_2, "Herald", "Porthaven's Harbour Bridge closed over cracks"),
        raw("f1", FLOOD, "Courier", "Kelby flooded as the Tarn bursts its banks", "2024-04-01"),
        Rejected("broken.bin", "a binary file, not text"),
    ]
    report = add_articles(store, first, nlp=nlp, embedder=embed, embedder_name="hashing")
    assert sorted(report.added) == ["b1", "b2", "f1"]
    assert [r.path for r in report.rejected] == ["broken.bin"]
    assert store.rejected()[0]["reason"] == "a binary file, not text"
    bridge = store.article("b1")["story_id"]
    assert store.article("b2")["story_id"] == bridge != store.article("f1")["story_id"]
    assert sorted(report.stories) == sorted({bridge, store.article("f1")["story_id"]})
    story = store.story(bridge)
    assert story["dirty"] == 0 and story["article_count"] == 2 and story["outlet_count"] == 2
    assert story["brief"]["summary"] and story["brief"]["article_ids"] == ["b1", "b2"]
    assert all("members" in item for item in story["brief"]["summary"])
    # The quotes are the story's (lined up across its articles); an article keeps its people.
    assert story["brief"]["quotes"] and store.article("b1")["people"]

    flood_before = store.story(store.article("f1")["story_id"])["updated_at"]
    again = [
        raw("b1", BRIDGE, "Gazette", "Porthaven bridge shut after cracks found"),  # same
        raw(
            "b2",
            BRIDGE_2 + " Tolls are suspended.",
            "Herald",
            "Porthaven's Harbour Bridge closed over cracks",
        ),  # changed
        raw(
            "b1-copy", BRIDGE, "Gazette", "Porthaven bridge shut after cracks found"
        ),  # same content
    ]
    report = add_articles(store, again, nlp=nlp, embedder=embed, embedder_name="hashing")
    assert report.unchanged == ["b1"] and report.updated == ["b2"] and not report.added
    assert "already stored as 'b1'" in report.rejected[0].reason
    assert report.stories == [bridge]  # only the story that changed is briefed again
    assert store.story(store.article("f1")["story_id"])["updated_at"] == flood_before
    assert "Tolls are suspended." in store.article("b2")["text"]
    assert store.stats()["articles"] == 3

    assert [s["id"] for s in store.stories("Tarn")] == [store.article("f1")["story_id"]]
    assert [s["id"] for s in store.stories("porthav")] == [bridge]  # prefix, any case
    assert store.stories("nowhere-to-be-found") == []


def test_a_database_keeps_its_embedder(nlp, tmp_path):
    store = Store(tmp_path / "s.db")
    add_articles(
        store,
        [raw("b1", BRIDGE, "G", "Bridge")],
        nlp=nlp,
        embedder=HashingEmbedder(),
        embedder_name="hashing",
    )
    with pytest.raises(StoreError, match="--embedder hashing"):
        add_articles(store, [], nlp=nlp, embedder=HashingEmbedder(), embedder_name="minilm")


def test_one_model_run_three_ways_shares_a_database(nlp, tmp_path):
    store = Store(tmp_path / "s.db")
    for name in ("minilm", "minilm-bf16", "sentence-transformers"):  # the same vectors, nearly
        add_articles(store, [], nlp=nlp, embedder=HashingEmbedder(), embedder_name=name)
    with pytest.raises(StoreError, match="--embedder minilm"):
        add_articles(store, [], nlp=nlp, embedder=HashingEmbedder(), embedder_name="hashing")


def many_articles(path: Path, count: int) -> None:
    """Small articles on 100 made-up topics (distinct names), so stories stay small."""
    import random

    rng = random.Random(7)
    letters = "bcdfghjklmnprstvz"
    vowels = "aeiou"

    def name() -> str:
        return "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(3)).capitalize()

    topics = [(name(), name(), name(), name()) for _ in range(100)]
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            town, person, thing, group = topics[i % len(topics)]
            text = (
                f"{person} of {town} opened the {thing} works on Monday, {group} said. "
                f"{person} told {group} that {10 + i} {thing} crews would work in {town}. "
                f"The {thing} plan of {town} and {group} is backed by {person}."
            )
            out.write(
                json.dumps(
                    {
                        "id": f"m{i:04d}",
                        "outlet": f"Outlet {i % 9}",
                        "title": f"{person} opens {town} {thing} works",
                        "published": "2024-05-06",
                        "text": text,
                    }
                )
                + "\n"
            )


def test_kill_9_during_add_loses_nothing_committed(nlp, tmp_path):
    """A kill -9 in the middle of ``corroborate add`` leaves a database that opens and works,
    with every article committed before the kill, each placed in a story; adding again
    completes it."""
    source = tmp_path / "many.jsonl"
    count = 400
    many_articles(source, count)
    db_path = tmp_path / "crash.db"
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "corroborate",
            "add",
            str(source),
            "--db",
            str(db_path),
            "--embedder",
            "hashing",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    stored = 0
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db_path.exists():
                try:
                    probe = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
                    stored = probe.execute("SELECT count(*) FROM articles").fetchone()[0]
                    probe.close()
                except sqlite3.OperationalError:
                    stored = 0
            if stored >= 24:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "add finished before it could be killed: " + str(
            proc.stderr.read() if proc.stderr else ""
        )
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    store = Store(db_path)
    db = store.db
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = db.execute("SELECT id FROM articles ORDER BY rowid").fetchall()
    assert stored <= len(kept) < count
    assert [r[0] for r in kept] == [f"m{i:04d}" for i in range(len(kept))]  # a prefix, no gaps
    assert db.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
    for (aid,) in kept[:5]:
        assert store.load_articles([aid])[0].sentences
    counts = dict(db.execute("SELECT id, article_count FROM stories").fetchall())
    assert sum(counts.values()) == len(kept)
    assert store.get_meta("cluster_state")

    # Adding again reads only what is missing, and the store stays consistent.
    report = add_articles(
        store,
        _read(source),
        nlp=nlp,
        embedder=HashingEmbedder(),
        embedder_name="hashing",
        brief=False,
    )
    assert len(report.unchanged) == len(kept) and len(report.added) == count - len(kept)
    assert store.stats()["articles"] == count
    dirty = store.dirty_stories()
    assert rebrief(store, HashingEmbedder(), dirty[:2]) == dirty[:2]
    assert store.story(dirty[0])["brief"]["article_ids"]


def _read(path: Path):
    from corroborate.read.ingest import iter_inputs

    return iter_inputs([path])


def test_a_storys_dates_follow_its_articles_dates_after_briefing(nlp, tmp_path):
    store = Store(tmp_path / "d.db")
    embed = HashingEmbedder()
    undated = Article("b3", "b3.txt", BRIDGE_2 + " Repairs began on March 18, 2024.", outlet="Post")
    add_articles(store, [undated], nlp=nlp, embedder=embed, embedder_name="hashing")
    later = [
        raw("b1", BRIDGE, "Gazette", "Porthaven bridge shut", "2024-03-28"),
        raw("b2", BRIDGE + " Ferries run.", "Herald", "Porthaven bridge closed", "2024-03-29"),
    ]
    add_articles(store, later, nlp=nlp, embedder=embed, embedder_name="hashing")
    (row,) = [r for r in store.stories() if "b3" in store.story_member_ids(r["id"])]
    stored = [store.article(a) for a in store.story_member_ids(row["id"])]
    days = [d for a in stored if (d := a["published"] or a.get("published_inferred"))]
    assert len(days) == 3  # the undated article's day was inferred, then moved to the story's
    assert (row["first_date"], row["last_date"]) == (min(days), max(days))


def test_syndicated_copies_without_an_outlet_count_once_in_a_storys_outlets(nlp, tmp_path):
    store = Store(tmp_path / "c.db")
    copies = [
        Article(f"c{i}", f"c{i}.txt", BRIDGE + f" Updated {i} times.", published="2024-03-05")
        for i in range(3)
    ]
    add_articles(store, copies, nlp=nlp, embedder=HashingEmbedder(), embedder_name="hashing")
    (row,) = store.stories()
    assert row["article_count"] == 3 and row["outlet_count"] == 1


# ----------------------------------------------------------------------------- hostile setups


def test_adding_to_a_read_only_store_is_a_clear_error_before_any_work(tmp_path, request):
    from corroborate.errors import ReadOnlyStore

    path = tmp_path / "s.db"
    Store(path).close()
    request.getfixturevalue("read_only")
    store = Store(path)
    assert store.stats()["articles"] == 0  # it still reads
    with pytest.raises(ReadOnlyStore, match=r"s\.db is read-only .*nothing can be added to it"):
        add_articles(
            store, [raw("a", BRIDGE, "Gazette", "Bridge")], nlp=None, embedder=HashingEmbedder()
        )


def test_a_store_in_a_folder_that_does_not_exist_says_so(tmp_path):
    missing = tmp_path / "nowhere" / "s.db"
    with pytest.raises(StoreError, match=r"the folder .*nowhere does not exist"):
        Store(missing)
    assert not missing.parent.exists()


class CountingEmbedder(HashingEmbedder):
    """The hashing fake, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded: list[str] = []

    def encode(self, texts):
        self.embedded.extend(texts)
        return super().encode(texts)


def test_a_stored_vector_comes_back_as_it_went_in(tmp_path):
    store = Store(tmp_path / "v.db")
    texts = ["one sentence.", "another one."]
    vectors = dict(zip(texts, HashingEmbedder().encode(["a", "b"]), strict=True))
    with store.transaction() as db:
        store.put_vectors(db, vectors)
    back = store.vectors(["one sentence.", "another one.", "never stored."])
    assert set(back) == {"one sentence.", "another one."}
    assert all((back[t] == vectors[t]).all() for t in back)


def test_a_rebrief_embeds_only_sentences_never_embedded_and_gives_the_same_brief(nlp, tmp_path):
    store = Store(tmp_path / "s.db")
    first = [
        raw("b1", BRIDGE, "Gazette", "Porthaven bridge shut after cracks found"),
        raw("b2", BRIDGE_2, "Herald", "Porthaven's Harbour Bridge closed over cracks"),
    ]
    embedder = CountingEmbedder()
    add_articles(store, first, nlp=nlp, embedder=embedder, embedder_name="hashing")
    story_id = store.article("b1")["story_id"]
    assert embedder.embedded  # the first brief embedded the sentences it compares
    before = store.story(story_id)["brief"]
    embedder.embedded.clear()
    assert rebrief(store, embedder, [story_id]) == [story_id]
    assert embedder.embedded == []  # everything came from the store
    assert store.story(story_id)["brief"] == before


def test_newsroom_matter_is_listed_with_its_reason_and_put_in_no_story(nlp, tmp_path):
    from corroborate.read.ingest import iter_inputs
    from tests.conftest import ROOT

    store = Store(tmp_path / "s.db")
    newsroom = ROOT / "tests" / "data" / "newsroom"
    wildfire = ROOT / "tests" / "data" / "stories" / "wildfire"
    report = add_articles(
        store,
        iter_inputs([newsroom, wildfire], None),
        nlp=nlp,
        embedder=HashingEmbedder(),
        embedder_name="hashing",
    )
    assert report.not_news and all(why for _, why in report.not_news)
    assert all(store.article(article_id) is None for article_id, _ in report.not_news)
    stored = {a for s in store.stories() for a in store.story(s["id"])["brief"]["article_ids"]}
    assert not stored & {article_id for article_id, _ in report.not_news}
    assert {p.stem for p in wildfire.glob("*.txt")} <= set(report.added)
