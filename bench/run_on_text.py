"""How the brief's cost grows with one run-on "sentence": a text of N words on one line, with
no full stop (a scrape that lost its punctuation, a list pasted as one line), full of dates
and figures, as ``corroborate brief`` reads it.

    .venv/bin/python bench/run_on_text.py [--words 5000 20000 50000] [--src SRC]
        [--out bench/results/run_on_text.json]

Each size is briefed in a fresh process (``python -m corroborate brief DIR --json ...
--embedder hashing``; the hashing embedder, so that only the reading and annotating is
timed); the process's CPU seconds (user + system, from ``resource``) and wall seconds are
recorded. ``--src`` runs another checkout's package (e.g. the code before a change) for a
before/after comparison; ``--timeout`` stops a size that runs longer (recorded as such).
Cost that grows with the square of a sentence's length shows as CPU seconds growing faster
than the words.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOCABULARY = [
    "the",
    "council",
    "said",
    "on",
    "tuesday",
    "that",
    "the",
    "bridge",
    "would",
    "reopen",
    "after",
    "repairs",
    "costing",
    "12",
    "million",
    "dollars",
]


def run_on_text(words: int, seed: int = 1) -> str:
    """``words`` words drawn from :data:`VOCABULARY`, on one line, no full stop."""
    draw = random.Random(seed)
    return " ".join(draw.choice(VOCABULARY) for _ in range(words))


def measure(src: Path, words: int, timeout: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "one_line.txt").write_text(run_on_text(words), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(src)}
        command = [sys.executable, "-m", "corroborate", "brief", str(folder)]
        command += ["--json", str(Path(tmp) / "brief.json"), "--embedder", "hashing"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        try:
            done = subprocess.run(command, env=env, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"words": words, "timed_out_after_seconds": timeout}
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return {
            "words": words,
            "characters": len(run_on_text(words)),
            "exit": done.returncode,
            "cpu_seconds": round(cpu, 1),
            "wall_seconds": round(wall, 1),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, nargs="+", default=[5000, 20000, 50000])
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--label", default="now")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "run_on_text.json")
    args = parser.parse_args()
    results = []
    for words in args.words:
        results.append(measure(args.src, words, args.timeout))
        print(json.dumps(results[-1]), flush=True)
    saved = json.loads(args.out.read_text("utf-8")) if args.out.exists() else {}
    saved[args.label] = {
        "command": "python bench/run_on_text.py " + " ".join(sys.argv[1:]),
        "results": results,
    }
    args.out.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
