"""The worker process (a child that runs the jobs it is handed) and the local engine that
hands it embedding, annotation and briefing."""

import os
import threading
import time
from collections import deque
from pathlib import Path

import numpy as np
import pytest

from corroborate.annotate.nlp import guess_sentences
from corroborate.embed.fake import HashingEmbedder
from corroborate.engines.background import BackgroundEmbedder, embed_new
from corroborate.engines.local import (
    ANNOTATE,
    LocalEngine,
    _annotate_job,
    annotate_in_order,
    fork_worker,
    runs_on_torch,
    start_worker,
)
from corroborate.engines.worker import Jobs, WorkerProcess, WorkerState, can_fork
from corroborate.out.render import to_dict
from corroborate.pipeline import annotate_article, build_brief
from corroborate.pipeline import brief_story as _brief_story
from tests.conftest import EXAMPLE, make_article


class ForkSafeHashing(HashingEmbedder):
    """The hashing fake, declared safe to run in a forked child (as MiniLM is)."""

    fork_safe = True


class Collect:
    """A subscriber to embedding answers that keeps the vectors and whether the child ended."""

    def __init__(self):
        self.vectors, self.ended = {}, threading.Event()

    def __call__(self, message):
        if message is None:
            self.ended.set()
        else:
            self.vectors.update(message[1])

    def until(self, texts, seconds=30):
        deadline = time.monotonic() + seconds
        while not set(texts) <= set(self.vectors) and time.monotonic() < deadline:
            time.sleep(0.02)
        return {t: self.vectors[t] for t in texts if t in self.vectors}


def _double(state, n):
    return 2 * n


def _fails(state, n):
    raise ValueError("cannot")


def _single_threaded():
    if not can_fork():
        pytest.skip("another thread is alive in this test process: nothing is forked")


def test_guessed_sentences_split_at_end_punctuation_and_keep_closing_quotes():
    text = 'He said: "It works." Then he left! Did 3 people stay?\nA new line starts here'
    assert guess_sentences(text) == [
        'He said: "It works."',
        "Then he left!",
        "Did 3 people stay?",
        "A new line starts here",
    ]


def test_the_child_runs_the_jobs_it_is_handed_and_answers_under_their_tags():
    _single_threaded()
    got = []
    with WorkerProcess() as worker:
        assert worker.running and worker.ready
        worker.subscribe("doubled", got.append)
        assert worker.send("doubled", 1, _double, 21) and worker.send("doubled", 2, _fails, 0)
        deadline = time.monotonic() + 10
        while len(got) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
    assert got[:2] == [(1, 42), (2, None)]  # a job that raises is answered with None
    assert got[2:] == [None]  # closing ends the child, and the subscriber hears of it
    assert not worker.running and not worker.send("doubled", 3, _double, 1)


def test_the_child_embeds_what_it_is_asked_and_each_text_once():
    _single_threaded()
    texts = [f"a sentence about topic number {i}" for i in range(40)]
    got = Collect()
    with WorkerProcess(WorkerState(embedder=HashingEmbedder())) as worker:
        worker.subscribe("embed", got)
        assert worker.send("embed", None, embed_new, texts[:30])
        assert worker.send("embed", None, embed_new, texts[20:])
        vectors = got.until(texts)
    assert np.allclose(np.stack([vectors[t] for t in texts]), HashingEmbedder().encode(texts))
    assert got.ended.wait(5)


def test_a_worker_started_early_loads_its_models_and_works_ahead_on_guessed_sentences():
    from corroborate.engines.local import _embed_guessed, _load_models

    _single_threaded()
    got = Collect()
    worker = WorkerProcess(
        setup=(_load_models, ("hashing", None)), ahead=(_embed_guessed, ([EXAMPLE], None, 20))
    )
    with worker:
        worker.subscribe("embed", got)  # what came before is handed over at once
        deadline = time.monotonic() + 30
        while len(got.vectors) < 20 and time.monotonic() < deadline:
            time.sleep(0.02)
        asked = "one more sentence, asked for after the guesses"
        worker.send("embed", None, embed_new, [asked])
        got.until([asked])
        assert worker.ready
    guessed = [t for t in got.vectors if t != asked]
    assert len(guessed) == 20
    assert all(len(t.split()) >= 5 for t in guessed)
    assert np.allclose(
        np.stack([got.vectors[t] for t in guessed]), HashingEmbedder().encode(guessed)
    )
    assert start_worker([EXAMPLE], None, "hashing") is None  # the fake needs no head start


def test_nothing_is_forked_beside_another_thread():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        got = Collect()
        worker = WorkerProcess()
        worker.subscribe("embed", got)
        assert not worker.running and not worker.send("embed", None, embed_new, ["a text"])
        assert got.ended.is_set()
        worker.close()
    finally:
        stop.set()
        other.join()


def test_only_a_fork_safe_embedder_gets_a_child_and_spacy_goes_along_without_torch(monkeypatch):
    import sys

    _single_threaded()
    pipeline = object()  # stands for a loaded spaCy pipeline
    assert fork_worker(HashingEmbedder(), pipeline) is None
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    with fork_worker(ForkSafeHashing(), pipeline) as worker:
        assert worker.running and ANNOTATE in worker.can
    monkeypatch.setitem(sys.modules, "torch", object())  # a pipeline may run on torch
    with fork_worker(ForkSafeHashing(), pipeline) as worker:
        assert worker.running and ANNOTATE not in worker.can


class PyTorchShim:  # named as thinc's: what a transformer pipeline's model holds
    pass


class _Node:
    def __init__(self, shims=()):
        self.shims = list(shims)


class _Model:
    def __init__(self, *nodes):
        self.nodes = nodes

    def walk(self):
        return iter(self.nodes)


class _Component:
    def __init__(self, model):
        self.model = model


class _Pipeline:
    def __init__(self, *components):
        self.components = [(f"c{i}", c) for i, c in enumerate(components)]


def test_a_spacy_pipeline_goes_to_the_child_unless_one_of_its_components_runs_on_torch(
    monkeypatch,
):
    import sys

    _single_threaded()
    monkeypatch.setitem(sys.modules, "torch", object())  # loaded, by the bfloat16 encoder say
    cnn = _Pipeline(_Component(_Model(_Node(), _Node())), _Component(None))
    transformer = _Pipeline(_Component(_Model(_Node(), _Node([PyTorchShim()]))))
    assert not runs_on_torch(cnn) and runs_on_torch(transformer)
    with fork_worker(ForkSafeHashing(), cnn) as worker:
        assert worker.running and ANNOTATE in worker.can
    with fork_worker(ForkSafeHashing(), transformer) as worker:
        assert worker.running and ANNOTATE not in worker.can


def test_the_child_does_the_background_embedding():
    _single_threaded()
    texts = [f"sentence number {i} about topic {i % 7} and word{i}" for i in range(100)]
    parent = os.getpid()
    where = []

    class Recording(ForkSafeHashing):
        def encode(self, batch):
            where.append(os.getpid())  # in the child, this list is the child's copy
            return super().encode(batch)

    recording = Recording()
    with fork_worker(recording) as worker, BackgroundEmbedder(recording, worker) as embedder:
        embedder.prefetch(texts)
        deadline = time.monotonic() + 30
        while embedder._pending and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not embedder._pending  # all embedded...
        assert where == []  # ...and none of it in this process
        vectors = embedder.encode(texts)
    assert np.allclose(vectors, HashingEmbedder().encode(texts))
    assert os.getpid() == parent


def test_when_the_child_dies_this_process_embeds_the_rest():
    _single_threaded()
    texts = [f"sentence number {i} about topic {i % 7} and word{i}" for i in range(300)]
    embedder = ForkSafeHashing()
    with fork_worker(embedder) as worker, BackgroundEmbedder(embedder, worker) as background:
        worker.kill()
        background.prefetch(texts)
        vectors = background.encode(texts)
    assert np.allclose(vectors, HashingEmbedder().encode(texts))


def _slow_double(state, n):
    time.sleep(0.3)
    return 2 * n


def test_this_process_works_while_it_waits_for_the_items_out_and_then_gets_them_all():
    _single_threaded()
    calls = []

    def meanwhile():
        calls.append(time.monotonic())
        return len(calls) < 3  # some work twice, then nothing left: it waits

    with WorkerProcess() as worker:
        jobs = Jobs(worker, "doubled", _slow_double, at_once=2)
        assert jobs.offer(1, 1) and jobs.offer(2, 2)
        done = jobs.finish(meanwhile)
    assert sorted(done) == [(1, 2), (2, 4)]
    assert len(calls) == 3  # called until it had nothing to do


def _longer(state, payload):
    return payload + b"!"


def test_items_handed_from_the_reader_thread_never_stop_it_reading_answers():
    # Payloads and answers far larger than a pipe holds, two out, and each answer's handler
    # handing the child the next item: before, the reader thread blocked writing that item
    # while the child blocked writing its next answer, and neither pipe was read again (a
    # 924-article pile hung so). A hang has the child killed after a minute (by a timer: any
    # thread of this process may be the one stuck), which unblocks them all: the test fails.
    _single_threaded()
    size, count = 1 << 20, 8  # a megabyte each way; a pipe holds 64 KiB
    todo = deque(range(count))
    lock = threading.Lock()
    done = []
    with WorkerProcess() as worker:
        watchdog = threading.Timer(60, worker.kill)
        watchdog.start()

        def hand():
            with lock:
                while todo and jobs.can_take():
                    n = todo.popleft()
                    if not jobs.offer(n, bytes([n]) * size):
                        todo.appendleft(n)
                        return

        jobs = Jobs(worker, "longer", _longer, at_once=2, then=hand)
        hand()
        while len(done) < count and worker.running:
            done += jobs.arrived()
            time.sleep(0.01)
        watchdog.cancel()
        watchdog.join()
    assert len(done) == count and all(result is not None for _, result in done), (
        f"{sum(r is not None for _, r in done)} of {count} answers came back: the pipes were stuck"
    )
    assert sorted(n for n, _ in done) == list(range(count))
    assert all(result == bytes([n]) * size + b"!" for n, result in done)


def test_a_waiting_thread_embeds_queued_chunks_beside_the_worker():
    _single_threaded()
    texts = [f"sentence number {i} about topic {i % 7} and word{i}" for i in range(40)]
    embedder = ForkSafeHashing()
    with BackgroundEmbedder(embedder) as background:  # no child: its own thread embeds too
        background.prefetch(texts)
        while background.embed_queued():
            pass
        assert not background.embed_queued()  # nothing queued any more
        vectors = background.encode(texts)
    assert np.allclose(vectors, HashingEmbedder().encode(texts))


def _annotated(articles):
    return [
        (
            a.id,
            [(s.start, s.end) for s in a.sentences],
            [(m.start, m.end, m.label) for m in a.mentions],
        )
        for a in articles
    ]


def _read(paths):
    from corroborate.read.clean import prepare
    from corroborate.read.ingest import iter_inputs

    return prepare(iter_inputs(paths), [])


@pytest.mark.slow
def test_articles_the_child_annotates_are_annotated_as_here_and_come_in_order(nlp):
    _single_threaded()
    here = list(annotate_in_order(_read([EXAMPLE]), nlp, annotate_article))
    with fork_worker(ForkSafeHashing(), nlp) as worker:
        offload = Jobs(worker, "annotate", _annotate_job, at_once=3)
        sent = []
        offer = offload.offer
        offload.offer = lambda article, payload: (
            offer(article, payload) and not sent.append(article.id)
        )
        there = list(annotate_in_order(_read([EXAMPLE]), nlp, annotate_article, offload))
    assert sent  # some went to the child...
    assert _annotated(there) == _annotated(here)  # ...and came back the same, in order


def test_an_article_the_child_cannot_annotate_is_annotated_here(nlp):
    _single_threaded()

    class Broken:
        def __call__(self, text):
            raise ValueError("no model here")

    articles = [
        make_article(f"a{i}", f"Sentence {i} of a short article about a bridge.") for i in range(4)
    ]
    with WorkerProcess(WorkerState(nlp=Broken())) as worker:
        offload = Jobs(worker, "annotate", _annotate_job, at_once=4)
        done = list(annotate_in_order(articles, nlp, annotate_article, offload))
    assert [a.id for a in done] == ["a0", "a1", "a2", "a3"]
    assert all(len(a.sentences) == 1 for a in done)


@pytest.mark.slow
def test_a_worker_started_early_for_a_large_pile_loads_spacy_and_says_when_ready():
    _single_threaded()
    with start_worker([EXAMPLE], None, "minilm", inputs=1000) as worker:
        assert ANNOTATE in worker.can and not worker.ready
        deadline = time.monotonic() + 60
        while not worker.ready and time.monotonic() < deadline:
            time.sleep(0.05)
        assert worker.ready
        got = []
        worker.subscribe("annotate", got.append)
        text = "Engineers closed the bridge on 3 May. The mayor spoke in Porthaven."
        worker.send("annotate", 7, _annotate_job, (annotate_article, make_article("a", text)))
        while not got and time.monotonic() < deadline:
            time.sleep(0.05)
    key, article = got[0]  # annotated and extracted there
    assert key == 7
    assert [s.text for s in article.sentences] == [
        "Engineers closed the bridge on 3 May.",
        "The mayor spoke in Porthaven.",
    ]
    assert any(m.label == "GPE" and m.text == "Porthaven" for m in article.mentions)
    assert [d.text for d in article.dates] == ["3 May"]


@pytest.mark.slow
def test_a_brief_with_a_child_working_ahead_is_the_same_brief(nlp, minilm):
    _single_threaded()
    plain = build_brief([EXAMPLE], nlp=nlp, embedder=minilm)
    ahead = start_worker([EXAMPLE], None, "minilm", inputs=1000)
    try:
        time.sleep(1.0)  # the child has sent its first guesses by now
        helped = build_brief([EXAMPLE], engine=LocalEngine(nlp, minilm, worker=ahead))
        assert ahead.running  # the brief used it and left it to its owner
    finally:
        ahead.close()
    assert to_dict(helped) == to_dict(plain)


def test_articles_out_when_the_child_dies_come_back_to_be_done_here():
    _single_threaded()

    class Stuck:
        def __call__(self, text):
            time.sleep(60)

    articles = [make_article(f"a{i}", f"Sentence {i} of a short article.") for i in range(3)]
    with WorkerProcess(WorkerState(nlp=Stuck())) as worker:
        offload = Jobs(worker, "annotate", _annotate_job, at_once=2)
        assert offload.offer(articles[0], (annotate_article, articles[0]))
        assert offload.offer(articles[1], (annotate_article, articles[1]))
        assert not offload.offer(articles[2], (annotate_article, articles[2]))  # two out
        assert offload.arrived() == []
        worker.kill()
        deadline = time.monotonic() + 10
        while worker.running and time.monotonic() < deadline:
            time.sleep(0.02)
        back = offload.arrived()
        assert [(a.id, spans) for a, spans in back] == [("a0", None), ("a1", None)]
        assert not offload.offer(articles[2], (annotate_article, articles[2]))
        assert offload.finish() == []


@pytest.mark.slow
def test_stories_the_child_briefs_are_briefed_as_here(nlp):
    _single_threaded()
    pile = Path(__file__).parent / "data" / "pages" / "pile"  # four stories
    plain = build_brief([pile], nlp=nlp, embedder=HashingEmbedder())  # no child
    with fork_worker(ForkSafeHashing(), nlp) as worker:
        asked = []
        send = worker.send
        worker.send = lambda tag, *rest: send(tag, *rest) and not asked.append(tag)
        helped = build_brief(
            [pile], engine=LocalEngine(nlp, ForkSafeHashing(), worker=worker, briefs_from=2)
        )
    assert len(helped.stories) >= 4 and asked.count("brief") >= 1
    assert to_dict(helped) == to_dict(plain)


_PARENT = os.getpid()


def _brief_here_only(articles, embedder, story_id="s1"):
    """brief_story, failing in any process but the test's own (the worker's)."""
    if os.getpid() != _PARENT:
        raise RuntimeError("cannot brief in the child")
    return _brief_story(articles, embedder, story_id)


@pytest.mark.slow
def test_a_story_the_child_cannot_brief_is_briefed_here(nlp, monkeypatch):
    import corroborate.pipeline as pipeline

    _single_threaded()
    pile = Path(__file__).parent / "data" / "pages" / "pile"
    plain = pipeline.build_brief([pile], nlp=nlp, embedder=HashingEmbedder())
    monkeypatch.setattr(pipeline, "brief_story", _brief_here_only)
    with fork_worker(ForkSafeHashing(), nlp) as worker:
        sent = []
        send = worker.send
        worker.send = lambda tag, *rest: send(tag, *rest) and not sent.append(tag)
        engine = LocalEngine(nlp, ForkSafeHashing(), worker=worker, briefs_from=2)
        helped = pipeline.build_brief([pile], engine=engine)
    assert "brief" in sent  # the child was asked, failed, and the story was briefed here
    assert to_dict(helped) == to_dict(plain)


def _fails_on_b(article, doc):
    if article.id == "b":
        raise ValueError("a stage broke")
    return annotate_article(article, doc)


def test_an_article_a_stage_fails_on_is_rejected_with_the_reason_and_the_rest_go_on(nlp):
    from corroborate.model import Rejected

    articles = [make_article(i, f"Article {i} says the bridge closed on Monday.") for i in "abc"]
    rejected: list[Rejected] = []
    done = list(annotate_in_order(articles, nlp, _fails_on_b, rejected=rejected))
    assert [a.id for a in done] == ["a", "c"]
    assert rejected == [
        Rejected("b.txt", "an error while annotating it: ValueError: a stage broke")
    ]


def test_a_story_that_cannot_be_briefed_rejects_its_articles_and_the_others_are_briefed(nlp):
    from corroborate.model import Rejected

    def brief_or_fail(articles, embedder, story_id):
        if any(a.id == "f1" for a in articles):
            raise RuntimeError("no brief")
        return _brief_story(articles, embedder, story_id)

    bridge = make_article("b1", "Porthaven's Harbour Bridge was shut on Tuesday after cracks.")
    flood = make_article("f1", "Heavy rain flooded the valley town of Kelby on Sunday.")
    groups = [[run(bridge, nlp)], [run(flood, nlp)]]
    rejected: list[Rejected] = []
    with LocalEngine(nlp, HashingEmbedder()) as engine:
        stories = engine.brief(groups, brief_or_fail, rejected=rejected)
    assert [s.article_ids for s in stories] == [["b1"]]
    assert rejected == [
        Rejected(
            "f1.txt", "an error while briefing the story it belongs to: RuntimeError: no brief"
        )
    ]


def run(article, nlp):
    return annotate_article(article, nlp(article.text))


class LeadCounting(HashingEmbedder):
    """The hashing fake standing in for the embedder the same-story model reads (its
    ``story_leads``), counting how often each text is embedded (no worker: not fork-safe, so
    every text is embedded in this process)."""

    story_leads = True

    def __init__(self) -> None:
        super().__init__()
        self.embedded: dict[str, int] = {}

    def encode(self, texts):
        for text in texts:
            self.embedded[text] = self.embedded.get(text, 0) + 1
        return super().encode(texts)


def test_the_engine_embeds_leads_only_with_the_embedder_the_pair_model_reads(nlp):
    with LocalEngine(nlp, HashingEmbedder(), story_leads=True) as engine:
        assert engine.lead_embedder() is None  # grouped by words alone
    with LocalEngine(nlp, LeadCounting()) as engine:
        assert engine.lead_embedder() is None  # by default too (no --stories-by-meaning)
    with LocalEngine(nlp, LeadCounting(), story_leads=True) as engine:
        assert engine.lead_embedder() is engine.background  # the cache the briefs read


def test_the_brief_groups_with_the_leads_it_embeds_ahead_once_and_shares_with_the_facts(nlp):
    """The brief's stories are the clusterer's given the same embedder, and each lead text is
    embedded once: ahead, in the background embedder, whose cache the grouping and the facts
    then read (a lead sentence the facts compare is not embedded again)."""
    from corroborate.compare.cluster import cluster_stories, lead_texts

    stories_dir = Path(__file__).parent / "data" / "stories"
    embedder = LeadCounting()
    engine = LocalEngine(nlp, embedder, story_leads=True)
    brief = build_brief([EXAMPLE, stories_dir], engine=engine)
    news = [a for a in brief.articles if a.not_news is None]
    expected = cluster_stories(news, embedder=LeadCounting())
    assert sorted(sorted(s.article_ids) for s in brief.stories) == sorted(map(sorted, expected))
    leads = {t for a in news for t in lead_texts(a)}
    assert leads <= set(embedder.embedded)
    assert {embedder.embedded[t] for t in leads} == {1}
    facts = {m.text for s in brief.stories for f in s.facts for m in (f.sentence, *f.members)}
    assert leads & facts  # some lead sentences are the facts' too: embedded for both at once


def test_threads_hand_the_interpreter_lock_on_sooner_while_a_worker_is_open_and_as_before_after():
    import sys

    from corroborate.engines.local import SWITCH_INTERVAL

    before = sys.getswitchinterval()
    with WorkerProcess(WorkerState(embedder=ForkSafeHashing())) as worker:
        with LocalEngine(None, ForkSafeHashing(), worker=worker):
            assert sys.getswitchinterval() == pytest.approx(min(before, SWITCH_INTERVAL))
        assert sys.getswitchinterval() == pytest.approx(before)
    with LocalEngine(None, HashingEmbedder()):  # no worker (not fork-safe): nothing to hand on
        assert sys.getswitchinterval() == pytest.approx(before)
