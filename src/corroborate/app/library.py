"""Growing a store one pile at a time: add articles, group them into stories, re-brief.

:func:`add_paths` reads inputs into a :class:`~corroborate.app.store.Store`; an article
already stored with the same content is skipped, a changed one replaces the old one, and only
the stories that gained or changed articles are briefed again (:func:`rebrief`, with
:func:`corroborate.pipeline.brief_story`). Work is committed in small batches, so a killed
process loses at most one batch.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.annotate.dates import date_by_story
from corroborate.app.store import Store, content_hash
from corroborate.compare.stage_cache import StageCache
from corroborate.embed.base import Embedder
from corroborate.embed.threads import single_threaded_math
from corroborate.engines.base import Engine
from corroborate.errors import StoreError
from corroborate.model import Article, Rejected, Story

COMMIT_EVERY = 8  # articles per transaction: a kill loses at most this many articles' work


@dataclass
class AddReport:
    """What one :func:`add_articles` run did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # stories briefed again
    # Newsroom matter (a news budget, an advisory): read, not stored, with the reason, as the
    # brief lists it apart (``Article.not_news``).
    not_news: list[tuple[str, str]] = field(default_factory=list)


def add_articles(
    store: Store,
    items: Iterable[Article | Rejected],
    *,
    nlp: Any,
    embedder: Any,
    embedder_name: str = "custom",
    commit_every: int = COMMIT_EVERY,
    on_article: Callable[[Article], None] | None = None,
    brief: bool = True,
    engine: Engine | None = None,
    story_leads: bool = False,
) -> AddReport:
    """Read articles into the store, place them in stories, and brief the stories that changed.

    Args:
        store: the store.
        items: articles (raw, as :func:`corroborate.read.ingest.iter_inputs` yields them) and
            rejected inputs.
        nlp: a loaded spaCy pipeline.
        embedder: the sentence embedder (for the briefs made here, and for the leads the
            stories are grouped by with ``story_leads``; an ``engine`` embeds with its own).
        embedder_name: its name; a database keeps using the embedder it was built with.
        commit_every: articles written per transaction.
        on_article: called once per article stored.
        brief: brief the changed stories at the end (else they stay marked ``dirty``).
        engine: where articles are annotated and stories briefed (e.g. a
            :class:`corroborate.engines.ray.RayEngine`, entered by the caller); None: here, in
            this process, in order. Grouping and the store stay with this process.
        story_leads: group the stories with the leads' embeddings too, as ``brief
            --stories-by-meaning`` does (by default by words, names and numbers alone, as
            ``brief`` does); a store grouped the other way is regrouped.

    Raises:
        ReadOnlyStore: the store cannot be written (checked before any work).
        StoreError: the store was built with another embedder.
    """
    from corroborate.engines.local import annotate_in_order
    from corroborate.pipeline import annotate_article
    from corroborate.read.clean import prepare

    store.check_writable()  # before any work: a read-only store would refuse it at the end
    _check_embedder(store, embedder_name)
    report = AddReport()
    rejected: list[Rejected] = []
    digests: dict[str, str] = {}

    def fresh() -> Iterator[Article | Rejected]:
        for item in items:
            if isinstance(item, Rejected):
                yield item
                continue
            digest = content_hash(item)
            if store.known(item.id) == digest:
                report.unchanged.append(item.id)
                continue
            owner = store.hash_owner(digest)
            if owner is not None and owner != item.id:  # not stored twice, nor counted twice
                rejected.append(
                    Rejected(item.path, f"the same article is already stored as {owner!r}")
                )
                continue
            digests[item.id] = digest
            yield item

    def flush_rejected() -> None:
        if rejected:
            with store.transaction() as db:
                for r in rejected:
                    store.record_rejected(db, r)
            report.rejected.extend(rejected)
            rejected.clear()

    leads = None
    if story_leads:
        leads = _lead_vectors(store, engine.lead_embedder() if engine is not None else embedder)
    clusterer, version = _load_clusterer(store, leads)
    batch: list[Article] = []

    def commit() -> None:
        nonlocal clusterer, version
        with store.transaction() as db:
            current = _cluster_version(store)
            if current != version:  # another writer placed articles meanwhile
                clusterer, version = _load_clusterer(store, leads)
            for article in batch:
                digest = digests.pop(article.id)
                existed = store.known(article.id) is not None
                store.put_article(db, article, digest)
                # a changed article is placed again: it may now tell another story
                place = clusterer.replace if existed else clusterer.add
                store.assign(db, article.id, place(article))  # marks its story for briefing
                (report.updated if existed else report.added).append(article.id)
            _sync_assignments(store, db, clusterer)
            for r in rejected:
                store.record_rejected(db, r)
            report.rejected.extend(rejected)
            rejected.clear()
            version += 1
            if leads is not None:  # the leads' vectors, for the briefs to find
                store.put_vectors(db, leads.take_new())
            Store._set_meta(db, "cluster_state", json.dumps(clusterer.to_state()))
            Store._set_meta(db, "cluster_version", str(version))
        for article in batch:
            if on_article:
                on_article(article)
        batch.clear()

    if engine is None:
        annotated: Iterable[Article] = annotate_in_order(
            prepare(fresh(), rejected), nlp, annotate_article
        )
    else:
        annotated = engine.annotate(prepare(fresh(), rejected), annotate_article, rejected=rejected)
    for article in annotated:
        if article.not_news is not None:  # in no story, as in a brief
            digests.pop(article.id, None)
            report.not_news.append((article.id, article.not_news))
            continue
        batch.append(article)
        if len(batch) >= commit_every:
            commit()
    if batch:
        commit()
    flush_rejected()
    if brief:
        report.stories = rebrief(store, embedder, engine=engine, rejected=report.rejected)
    return report


def rebrief(
    store: Store,
    embedder: Any,
    story_ids: Sequence[str] | None = None,
    *,
    engine: Engine | None = None,
    rejected: list[Rejected] | None = None,
    cache: StageCache | None = None,
) -> list[str]:
    """Brief again every story marked dirty (or those given); one transaction per story.

    Nothing an article was once given is computed again: its annotations are read from its
    record, and the sentence vectors from the store's kept vectors (:class:`StoredVectors`);
    only sentences never embedded before are, and they are kept for the next time. So is the
    story stages' work on what did not change (:class:`StoredStageCache`, or ``cache``: one
    kept in memory by a caller that briefs often, itself keeping nothing in the store). Given an
    ``engine``, the stories are briefed there instead (all at once; the engine's embedder
    embeds what it needs, the store's vectors are not used); a story that fails stays dirty,
    its articles in ``rejected``.
    """
    wanted = list(story_ids) if story_ids is not None else store.dirty_stories()
    members: dict[str, list[str]] = {}
    for story_id in wanted:
        member_ids = store.story_member_ids(story_id)
        if member_ids:
            members[story_id] = member_ids
        else:
            with store.transaction() as db:
                db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
    if engine is not None:
        return _rebrief_on(engine, store, members, rejected)
    done = []
    vectors = StoredVectors(store, embedder)
    work = cache if cache is not None else StoredStageCache(store)
    for story_id, member_ids in members.items():
        # one BLAS thread: a re-brief's matrix products are small and many, and on a shared
        # machine a second thread mostly spins waiting for its core (a 300-article story's
        # re-brief: ~1.3 s of CPU less at load 3, and no slower)
        with _no_cycle_collection(), single_threaded_math():
            if _rebrief_one(store, vectors, work, story_id, member_ids):
                done.append(story_id)
    return done


def _rebrief_one(
    store: Store,
    vectors: StoredVectors,
    work: StageCache,
    story_id: str,
    member_ids: list[str],
) -> bool:
    """Brief one story of :func:`rebrief` and keep the brief (unless articles joined it
    meanwhile: :func:`_keep`). A function of its own so that the story's articles and brief
    are freed when it returns, before :func:`_no_cycle_collection` ends: the first collection
    then walks what outlives the brief, not the millions of objects the brief was made of (a
    300-article story's re-brief: 0.14 s of CPU)."""
    records: dict[str, bytes] = {}
    stored = store.load_articles(member_ids, records)
    articles = date_by_story(stored)
    # an article as stored is named by its record (one the story re-dates is not)
    keys = {a.id: records[a.id] for a, b in zip(articles, stored, strict=True) if a is b}
    data = brief_data(articles, vectors, story_id, work, keys)
    with store.transaction() as db:
        store.put_vectors(db, vectors.take_new())
        if isinstance(work, StoredStageCache):
            store.put_stage_work(db, work.take_new(), work.version)
        return _keep(store, db, story_id, member_ids, data)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector held off while a story is briefed: a big story's brief makes
    millions of objects and almost no reference cycles, and each full collection walks every
    object alive (a 300-article story's re-brief spent 1.6 s of its 11 s of CPU in 8 full
    collections that freed a few hundred objects). What cycles it leaves are collected after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _rebrief_on(
    engine: Engine,
    store: Store,
    members: dict[str, list[str]],
    rejected: list[Rejected] | None,
) -> list[str]:
    """:func:`rebrief` of the stories ``members`` (story id -> article ids) on ``engine``."""
    from corroborate.pipeline import brief_story

    ids = list(members)
    groups = [date_by_story(store.load_articles(members[s])) for s in ids]
    stories = engine.brief(groups, brief_story, rejected=rejected, ids=ids)
    articles_of = dict(zip(ids, groups, strict=True))
    done = []
    for story in stories:
        data = story_data(story, articles_of[story.id])
        with store.transaction() as db:
            if _keep(store, db, story.id, members[story.id], data):
                done.append(story.id)
    return done


def _keep(
    store: Store, db: Any, story_id: str, member_ids: list[str], data: dict[str, Any]
) -> bool:
    """Store a story's brief, unless articles joined it while it was briefed (it then stays
    dirty for the next run)."""
    if store.story_member_ids(story_id) != member_ids:
        return False
    store.put_brief(db, story_id, data)
    return True


class StoredVectors:
    """An embedder that answers from the vectors a store keeps and embeds only the rest, with
    ``embedder``; what it embedded waits in :meth:`take_new` to be kept in its turn."""

    def __init__(self, store: Store, embedder: Embedder) -> None:
        self.store = store
        self.embedder = embedder
        self._known: dict[str, np.ndarray] = {}
        self._new: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            self._known.update(self.store.vectors(missing))
            fresh = [t for t in missing if t not in self._known]
            if fresh:
                vectors = dict(zip(fresh, self.embedder.encode(fresh), strict=True))
                self._known.update(vectors)
                self._new.update(vectors)
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([self._known[t] for t in texts])

    def take_new(self) -> dict[str, np.ndarray]:
        """The vectors embedded since the last call (to be kept in the store)."""
        new, self._new = self._new, {}
        return new


class StoredStageCache(StageCache):
    """A :class:`StageCache` that also finds the pieces a store kept (from earlier briefs, by
    earlier processes); what it computed waits in :meth:`take_new` to be kept in its turn."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def _read(self, key: bytes) -> bytes | None:
        return self.store.stage_work(key)

    def take_new(self) -> dict[bytes, bytes]:
        """The pieces computed since the last call (to be kept in the store)."""
        new, self._kept = self._kept, {}
        return new


def brief_data(
    articles: Sequence[Article],
    embedder: Any,
    story_id: str,
    cache: StageCache | None = None,
    keys: dict[str, bytes] | None = None,
) -> dict[str, Any]:
    """The contract's story dict for ``articles``, with the extras the web pages use.

    Extras (allowed by the contract, which only adds keys): ``members`` on each summary and
    fact item (``{"article_id", "sentence", "span"}`` of the same sentence in each source),
    ``span`` (``[start, end]`` in the article's text) on number claims (not on one marked
    ``"in": "title"``: a figure only the headline gives), timeline entries and
    commitments, as the story's parts carry them, ``only_in`` (outlet -> indexes into
    ``facts``) and ``events`` when the pipeline gives none. ``cache``: story stages' work kept
    from earlier briefs (:mod:`corroborate.compare.stage_cache`; the brief is the same);
    ``keys``: the articles' keys in it, where known (:func:`corroborate.pipeline.brief_story`).
    """
    from corroborate.pipeline import brief_story

    story = brief_story(articles, embedder, story_id, cache=cache, keys=keys)
    return story_data(story, articles)


def story_data(story: Story, articles: Sequence[Article]) -> dict[str, Any]:
    """:func:`brief_data` of a story already briefed (of ``articles``)."""
    from corroborate.compare.coverage import only_in
    from corroborate.out.render import story_dict

    story_id = story.id
    if not story.events:
        try:
            from corroborate.compare.events import split_events

            story = replace(story, events=tuple(split_events(articles, story_id=story_id)))
        except Exception:  # noqa: BLE001 - events are a nicety; the brief stands without them
            story = replace(story, events=())
    data = story_dict(story)
    for item, fact in [
        *zip(data["summary"], story.summary, strict=True),
        *zip(data["facts"], story.facts, strict=True),
    ]:
        seen: dict[str, dict[str, Any]] = {}
        for m in [fact.sentence, *fact.members]:
            seen.setdefault(
                m.article_id,
                {"article_id": m.article_id, "sentence": m.index, "span": [m.start, m.end]},
            )
        item["members"] = list(seen.values())
    for number, typed in zip(data["numbers"], story.numbers, strict=True):
        for claim, part in zip(number["claims"], typed.claims, strict=True):
            if part.span.part == "text":  # a headline's figure ("in": "title") has none
                claim["span"] = [part.span.start, part.span.end]
    for item, entry in zip(data["timeline"], story.timeline, strict=True):
        item["span"] = [entry.span.start, entry.span.end]
    for item, commitment in zip(data["commitments"], story.commitments, strict=True):
        item["span"] = [commitment.span.start, commitment.span.end]
    if "only_in" not in data:  # older pipelines: compute it here
        fact_index = {id(f): i for i, f in enumerate(story.facts)}
        data["only_in"] = {
            outlet: [fact_index[id(f)] for f in facts if id(f) in fact_index]
            for outlet, facts in only_in(story.facts, articles).items()
        }
    return data


def _cluster_version(store: Store) -> int:
    return int(store.get_meta("cluster_version") or 0)


def _lead_vectors(store: Store, embedder: Any) -> StoredVectors | None:
    """The embedder of the leads stories are grouped by, as ``brief`` groups them: ``embedder``
    through the store's kept vectors (what it embeds is kept, and the briefs find it there),
    when it is the one the same-story model reads (else None: grouped by words alone)."""
    from corroborate.embed.base import embeds_story_leads

    return StoredVectors(store, embedder) if embeds_story_leads(embedder) else None


def _load_clusterer(store: Store, leads: Embedder | None = None) -> tuple[Any, int]:
    """The stored story clusterer, with ``leads`` as its embedder: stories are grouped as
    :func:`corroborate.pipeline.group_stories` groups them (with the leads' embeddings when
    there is such an embedder, else by words, names and numbers alone), so that a pile added
    in any order, in any number of runs, gives the stories one ``brief`` of it gives. A state
    from an older clusterer, or one grouped with the leads when there is no embedder of them
    now (or the other way round), or one grouped with the multilingual embedding when it is
    off now (or the other way round), is rebuilt from the stored articles."""
    from corroborate.compare.cluster import StoryClusterer

    # The version first: another writer may commit between the reads, and a state newer than
    # its version only costs a reload at the next commit, while a version newer than the
    # state would let that writer's articles drop out of the stored state unnoticed.
    version = _cluster_version(store)
    state = store.get_meta("cluster_state")
    clusterer = StoryClusterer(leads)
    try:
        stored = json.loads(state) if state else None
        if (
            stored
            and stored.get("embedded", False) == (leads is not None)
            and stored.get("multilingual", False) == (clusterer.multilingual is not None)
        ):
            return StoryClusterer.from_state(stored, leads), version
    except ValueError:
        pass
    ids = [row[0] for row in store.db.execute("SELECT id FROM articles ORDER BY id")]
    clusterer.add_many(store.load_articles(ids))
    return clusterer, version


def _sync_assignments(store: Store, db: Any, clusterer: Any) -> None:
    """Write every article's story as the clusterer now has it: an article may change story
    when another joins (two stories it links become one, or a group splits)."""
    placed = clusterer.assignments()
    for article_id, story_id in db.execute("SELECT id, story_id FROM articles").fetchall():
        wanted = placed.get(article_id)
        if wanted is not None and wanted != story_id:
            store.assign(db, article_id, wanted)


# Embedders whose vectors can be mixed in one database: the same model, run three ways
# (float32 numpy and sentence-transformers agree to 1e-5, bfloat16 to cosines within 0.003).
_VECTORS_OF = {"minilm": "minilm", "minilm-bf16": "minilm", "sentence-transformers": "minilm"}


def _check_embedder(store: Store, name: str) -> None:
    stored = store.get_meta("embedder")
    if stored is None:
        with store.transaction() as db:
            Store._set_meta(db, "embedder", name)
    elif _VECTORS_OF.get(stored, stored) != _VECTORS_OF.get(name, name):
        raise StoreError(
            f"{store.path} was built with --embedder {stored}; add to it with the same embedder "
            f"(got {name}), or start a new database with --db."
        )


def add_paths(
    store: Store,
    paths: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    nlp: Any,
    embedder: Any,
    embedder_name: str = "custom",
    on_article: Callable[[Article], None] | None = None,
    engine: Engine | None = None,
    story_leads: bool = False,
) -> AddReport:
    """:func:`add_articles` of everything :func:`corroborate.read.ingest.iter_inputs` reads."""
    from corroborate.read.ingest import iter_inputs

    return add_articles(
        store,
        iter_inputs(paths, manifest),
        nlp=nlp,
        embedder=embedder,
        embedder_name=embedder_name,
        on_article=on_article,
        engine=engine,
        story_leads=story_leads,
    )
