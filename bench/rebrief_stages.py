"""Where a re-brief's CPU goes, stage by stage: :mod:`bench.rebrief`'s re-brief (one more
article joins a 300-article story, the store's kept work reused), repeated on fresh copies of
the kept store, with each story stage's CPU seconds (this process's ``time.process_time``,
which a busy machine stretches far less than wall time; a profiler's own cost is not in it).

    .venv/bin/python bench/rebrief_stages.py --keep /tmp/rebrief --repeats 3

``--keep DIR`` is :mod:`bench.rebrief`'s (the annotated articles and the first brief kept
there; after a change to the code the first brief is made again, from the kept vectors).
Each stage's time is that of its calls from :func:`corroborate.pipeline.brief_story` (and of
the few inner functions named in :data:`INNER`, inside those); nested ones are counted in
their caller too. Prints one JSON line per repeat, then the median of each figure; to compare
two versions of the code, run each from its own checkout and ``--keep`` directory, in turn.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import rebrief as bench  # noqa: E402

from corroborate import pipeline  # noqa: E402
from corroborate.app import library  # noqa: E402
from corroborate.app.library import StoredStageCache, rebrief  # noqa: E402
from corroborate.app.store import Store  # noqa: E402
from corroborate.compare.facts import SentenceTable  # noqa: E402
from corroborate.embed.load import load_embedder  # noqa: E402

# The stages brief_story calls, as pipeline names them.
STAGES = (
    "story_person_mentions",
    "merge_entities",
    "_quotes",
    "find_copies",
    "align_quotes",
    "split_events",
    "group_facts",
    "summarize",
    "facts_of_sentences",
    "compare_numbers",
    "story_title",
    "role_conflicts",
    "date_conflicts",
    "build_timeline",
    "merge_commitments",
    "only_in",
    "coverage_by_attribute",
    "brief_story",
)

# Inner functions worth seeing apart, by module.
INNER = {
    "corroborate.compare.facts": "_cluster _linkable _linked _link _evidence_at candidate_pairs",
    "corroborate.compare.numbers": "_grouped _add_small",
    "corroborate.compare.entities": "_cluster_people _merge_nonpersons _beside_org_word",
    "corroborate.compare.summarize": "_standalone",
    "corroborate.compare.quote_alignment": "_close_cosines",
}

totals: dict[str, float] = {}


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.process_time() - start

    return timed


def _time_everything(embedder: Any) -> None:
    for name in STAGES:
        setattr(pipeline, name, _timed(name, getattr(pipeline, name)))
    for module_name, names in INNER.items():
        module = importlib.import_module(module_name)
        for name in names.split():
            setattr(module, name, _timed(name, getattr(module, name)))
    SentenceTable.build = classmethod(  # type: ignore[method-assign]
        _timed("SentenceTable.build", SentenceTable.build.__func__)  # type: ignore[attr-defined]
    )
    Store.load_articles = _timed("load_articles", Store.load_articles)  # type: ignore[method-assign]
    library.StoredVectors.encode = _timed(  # type: ignore[method-assign]
        "vectors (kept or embedded)", library.StoredVectors.encode
    )
    embedder.encode = _timed("embedding new sentences", embedder.encode)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--keep", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    pile = bench.kept_articles(args.keep, args.size + 1)
    embedder = load_embedder(args.embedder)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        store, _ = bench.first_brief(
            Path(tmp) / "story.db", embedder, args.embedder, pile[:-1], args.keep
        )
        store.close()
        kept = args.keep / f"story-{args.embedder}-{args.size}.db"
        _time_everything(embedder)
        for repeat in range(args.repeats):
            path = Path(tmp) / f"again-{repeat}.db"
            shutil.copyfile(kept, path)
            store = Store(path)
            bench.put(store, "s1", pile[-1:])
            totals.clear()
            start, cpu = time.perf_counter(), time.process_time()
            rebrief(store, embedder, ["s1"], cache=StoredStageCache(store))
            run = {"wall_s": time.perf_counter() - start, "cpu_s": time.process_time() - cpu}
            run.update(sorted(totals.items(), key=lambda item: -item[1]))
            runs.append({k: round(v, 3) for k, v in run.items()})
            print(json.dumps(runs[-1]))
            store.close()
    median = {k: round(statistics.median(r.get(k, 0.0) for r in runs), 3) for k in runs[0]}
    print(json.dumps({"median": median, "repeats": len(runs)}, indent=1))


if __name__ == "__main__":
    main()
