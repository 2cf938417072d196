"""Speed and sameness of the same-story pair features (:func:`pair_features`).

Two sets of pairs: every pair the streaming clusterer scores over ``--n`` synthetic articles
(``cluster_bench.Generator(seed=7).stream(n)``), and every rated SemEval-2022 Task 8 pair read
as ``brief`` reads it. Their features are saved (``--save``) or compared, bit for bit, with a
saved run (``--check``); the CPU time of scoring each set is the least of ``--repeats`` runs.

    PYTHONPATH=src .venv/bin/python bench/pair_speed.py --save /tmp/pairs_before.npz
    PYTHONPATH=src .venv/bin/python bench/pair_speed.py --check /tmp/pairs_before.npz
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from cluster_bench import Generator
from semeval import DATA, load, read_as_brief_does

from corroborate.compare import same_story
from corroborate.compare.cluster import STREAM, StoryClusterer
from corroborate.compare.same_story import Profile, pair_features, profile


def synthetic_pairs(n: int) -> list[tuple[Profile, Profile]]:
    """The pairs the streaming clusterer scores over ``n`` synthetic articles, in order."""
    seen: list[tuple[Profile, Profile]] = []
    original = same_story.pair_features

    def recording(a: Profile, b: Profile) -> list[float]:
        seen.append((a, b))
        return original(a, b)

    same_story.pair_features = recording  # type: ignore[assignment]
    try:
        clusterer = StoryClusterer(config=STREAM)
        for article in Generator(seed=7, start=date(2023, 1, 1)).stream(n):
            clusterer.add(article)
    finally:
        same_story.pair_features = original  # type: ignore[assignment]
    return seen


def semeval_pairs() -> list[tuple[Profile, Profile]]:
    """Every rated SemEval pair, its texts read as ``brief`` reads them (no embeddings)."""
    rows = load(DATA)
    articles, _ = read_as_brief_does(rows)
    profiles = {a.id: profile(a) for a in articles}
    return [(profiles[f"{r['key']}/1"], profiles[f"{r['key']}/2"]) for r in rows]


def features(pairs: list[tuple[Profile, Profile]]) -> np.ndarray:
    return np.array([pair_features(a, b) for a, b in pairs], dtype=np.float64)


def cpu_seconds(pairs: list[tuple[Profile, Profile]], repeats: int) -> float:
    """The least CPU time of scoring every pair, over ``repeats`` runs."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        for a, b in pairs:
            pair_features(a, b)
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="synthetic streamed articles")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--save", type=Path, help="write the features here (.npz)")
    parser.add_argument("--check", type=Path, help="compare the features with these (.npz)")
    args = parser.parse_args()
    sets = {"synthetic": synthetic_pairs(args.n), "semeval": semeval_pairs()}
    found = {name: features(pairs) for name, pairs in sets.items()}
    ids = {name: np.array([f"{a.id}|{b.id}" for a, b in pairs]) for name, pairs in sets.items()}
    report: dict[str, object] = {"n": args.n}
    for name, pairs in sets.items():
        report[name] = {
            "pairs": len(pairs),
            "cpu_seconds": round(cpu_seconds(pairs, args.repeats), 3),
        }
    if args.save:
        np.savez(args.save, **found, **{f"{k}_ids": v for k, v in ids.items()})
    if args.check:
        before = np.load(args.check)
        for name in sets:
            same_ids = np.array_equal(before[f"{name}_ids"], ids[name])
            same = same_ids and np.array_equal(before[name], found[name])
            diff = float(np.abs(before[name] - found[name]).max()) if same_ids else None
            report[name]["identical"] = same  # type: ignore[index]
            report[name]["max_abs_diff"] = diff  # type: ignore[index]
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
