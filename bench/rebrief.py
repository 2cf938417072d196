"""Re-briefing a big story when one article joins it: how long, and is it the same brief?

    .venv/bin/python bench/rebrief.py                 # a 300-article story, one more article
    .venv/bin/python bench/rebrief.py --size 100
    .venv/bin/python bench/rebrief.py --keep /tmp/rebrief   # keep the first brief for next time

The story is made of real independent articles (the first ``--size`` + 1 PolNeAR texts, in a
fixed shuffled order), put into one story of a store directly (this measures briefing, not
grouping). Three timings, each of the story stages only (the articles are annotated once,
beforehand, as ``corroborate add`` keeps them):

- ``first``: the first brief of the ``--size`` articles, every sentence it compares embedded;
- ``again``: the story re-briefed after one more article joins it, with what the store kept
  (annotations in each article's record, sentence vectors in the vector table, the story
  stages' work in the stage_work table: :mod:`corroborate.compare.stage_cache`; how many
  kept pieces it reused and how many it computed are written beside it);
- ``scratch``: the brief of the same ``--size`` + 1 articles from a fresh embedder, nothing
  kept -- its brief must equal ``again``'s.

``again`` is also given in CPU seconds of this process, which a busy machine does not stretch
as it does wall time (the load average at the end is written beside it).

Results go to ``bench/results/rebrief.json`` with the command.

``--keep DIR`` keeps the annotated articles and the store after the first brief in ``DIR``, so a
later run (after a change to the re-brief, say) starts from them instead of doing it again; the
kept store is copied, never changed. Kept work is keyed by the code that made it
(:func:`corroborate.compare.stage_cache.code_version`): after a change to the package's code the
first brief is done again (the kept sentence vectors still save the embedding) and kept anew.
``first_brief_s`` is then ``null`` when the kept first brief was used as it was.
``--no-scratch`` skips the brief from scratch (and the comparison) for a quick look.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.annotate.nlp import load_spacy
from corroborate.app.library import StoredStageCache, brief_data, rebrief
from corroborate.app.store import Store, content_hash
from corroborate.compare.stage_cache import code_version
from corroborate.embed.load import load_embedder
from corroborate.pipeline import annotate_article, read_articles

POLNEAR = ROOT.parent / "shared" / "bench" / "polnear"


def articles(n: int, seed: int = 3) -> list:
    """The first ``n`` PolNeAR texts in a shuffled order, read, cleaned and annotated."""
    texts = sorted(POLNEAR.glob("*/text/*.txt"))
    random.Random(seed).shuffle(texts)
    nlp = load_spacy()
    read = list(read_articles(texts[:n], None, []))
    return [
        annotate_article(a, doc)
        for a, doc in zip(read, nlp.pipe(a.text for a in read), strict=True)
    ]


def put(store: Store, story_id: str, batch: list) -> None:
    with store.transaction() as db:
        for article in batch:
            store.put_article(db, article, content_hash(article))
            store.assign(db, article.id, story_id)


def kept_articles(keep: Path | None, n: int) -> list:
    """:func:`articles` of ``n``, read from ``keep`` when a run kept them there."""
    if keep is None:
        return articles(n)
    path = keep / f"articles-{n}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    pile = articles(n)
    keep.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(pile))
    return pile


def first_brief(
    path: Path, embedder: object, name: str, pile: list, keep: Path | None
) -> tuple[Store, float | None]:
    """A store at ``path`` with ``pile`` in story ``s1``, briefed, and the seconds the brief
    took. With ``keep``: start from the store kept there after a first brief by this same code,
    if any (then None: no time), and keep this one otherwise."""
    kept = None if keep is None else keep / f"story-{name}-{len(pile)}.db"
    version = code_version()
    if kept is not None and kept.exists():
        shutil.copyfile(kept, path)
        store = Store(path)
        if store.get_meta("bench_code_version") == version:
            return store, None
    else:
        store = Store(path)
        store._set_meta(store.db, "embedder", name)
        put(store, "s1", pile)
    start = time.perf_counter()
    rebrief(store, embedder, ["s1"])
    took = time.perf_counter() - start
    if kept is not None:
        store._set_meta(store.db, "bench_code_version", version)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copyfile(path, kept)
    return store, took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--keep", type=Path, help="keep the first brief here, and start from it")
    parser.add_argument("--no-scratch", action="store_true", help="skip the brief from scratch")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the re-brief here")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "rebrief.json")
    args = parser.parse_args()
    pile = kept_articles(args.keep, args.size + 1)
    embedder = load_embedder(args.embedder)
    with tempfile.TemporaryDirectory() as tmp:
        store, first = first_brief(
            Path(tmp) / "story.db", embedder, args.embedder, pile[:-1], args.keep
        )
        put(store, "s1", pile[-1:])
        load_before = os.getloadavg()[0]
        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        start, cpu = time.perf_counter(), time.process_time()
        work = StoredStageCache(store)
        rebrief(store, embedder, ["s1"], cache=work)
        again, again_cpu = time.perf_counter() - start, time.process_time() - cpu
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(args.profile)
        kept = store.story("s1")["brief"]
        members = store.load_articles(store.story_member_ids("s1"))
        store.close()
    from corroborate.annotate.dates import date_by_story

    same = scratch = None
    if not args.no_scratch:
        start = time.perf_counter()
        scratch_data = brief_data(date_by_story(members), load_embedder(args.embedder), "s1")
        scratch = round(time.perf_counter() - start, 2)
        same = json.loads(json.dumps(scratch_data)) == kept
    result = {
        "size": args.size,
        "embedder": args.embedder,
        "first_brief_s": None if first is None else round(first, 2),
        "rebrief_one_more_s": round(again, 2),
        # CPU seconds of this process: what a busy machine does not stretch
        "rebrief_one_more_cpu_s": round(again_cpu, 2),
        "stage_work_reused": work.hits,
        "stage_work_computed": work.misses,
        "load_average_1min_before_rebrief": round(load_before, 2),
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),
        "from_scratch_s": scratch,
        "same_brief_as_from_scratch": same,
        "target_s": 5.0,
        "command": " ".join(["python", "bench/rebrief.py", *sys.argv[1:]]),
    }
    print(json.dumps(result, indent=2))
    if args.no_scratch:
        return  # not a result to keep
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
