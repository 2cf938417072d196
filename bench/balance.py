"""How evenly a brief's two processes share the work: alternated runs of one or more source trees.

    .venv/bin/python bench/balance.py --size 100 --repeats 3 /tmp/before /work/wt/NAME

Each TREE is a checkout (its ``src`` is put first on ``PYTHONPATH``; ``git archive REV src |
tar -x -C DIR`` makes one of an older commit). The brief runs as ``bench/throughput.py``'s
``brief`` child runs it (models loaded before the clock, the default embedder, a forked worker),
on the same first ``--size`` PolNeAR articles, the trees taking turns. Per run it reports the
wall time, the CPU seconds of this process and of the worker, and how long each slept (neither
running nor waiting for a CPU, from ``/proc/.../schedstat``): on a shared machine wall time is
stretched by the others' load, but a process that sleeps waits for the other one, and the one
with the most CPU seconds sets the wall time on a quiet machine. The JSON briefs of all runs are
compared (``same_json``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from throughput import make_corpus  # noqa: E402

CHILD = r"""
import hashlib, json, os, sys, time
from corroborate.annotate.nlp import load_spacy
from corroborate.embed.load import load_embedder
from corroborate.engines import worker as W
from corroborate.out.render import to_dict
from corroborate.pipeline import build_brief

def sched(path):
    run, wait, _ = open(path).read().split()
    return int(run) / 1e9, int(wait) / 1e9

nlp, embedder = load_spacy(), load_embedder()
seen = {}
close = W.WorkerProcess.close

def close_read(self):  # the worker's own figures, read just before it is stopped
    if self._process is not None and not seen:
        seen["run"], seen["wait"] = sched(f"/proc/{self._process.pid}/schedstat")
        seen["at"] = time.perf_counter()
    return close(self)

W.WorkerProcess.close = close_read
me = f"/proc/self/task/{os.getpid()}/schedstat"
t0, c0, s0 = time.perf_counter(), time.process_time(), sched(me)
document = json.dumps(to_dict(build_brief([sys.argv[1]], nlp=nlp, embedder=embedder)))
wall, cpu, s1 = time.perf_counter() - t0, time.process_time() - c0, sched(me)
times = os.times()
print(json.dumps({
    "wall": wall,
    "cpu_main": cpu,
    "cpu_worker": times.children_user + times.children_system,
    "main_thread_asleep": wall - (s1[0] - s0[0]) - (s1[1] - s0[1]),
    "worker_asleep": seen["at"] - t0 - seen["run"] - seen["wait"] if seen else None,
    "json_sha256": hashlib.sha256(document.encode()).hexdigest(),
}))
"""


def run(tree: Path, folder: Path) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(tree / "src")}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, help="write the runs and medians here (JSON)")
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {str(t): [] for t in args.trees}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        make_corpus(args.size, folder)
        for _ in range(args.repeats):
            for tree in args.trees:
                row = run(tree, folder)
                row["load"] = float(Path("/proc/loadavg").read_text().split()[0])
                runs[str(tree)].append(row)
                shown = {k: round(v, 2) for k, v in row.items() if isinstance(v, float)}
                print(tree.name, shown, flush=True)
    keys = ["wall", "cpu_main", "cpu_worker", "main_thread_asleep", "worker_asleep"]
    medians = {
        tree: {k: round(statistics.median(r[k] for r in rows), 2) for k in keys}
        for tree, rows in runs.items()
    }
    for tree, row in medians.items():
        print(Path(tree).name, "medians", row)
    digests = {r["json_sha256"] for rows in runs.values() for r in rows}
    print("same JSON brief in every run:", len(digests) == 1)
    if args.out:
        args.out.write_text(
            json.dumps(
                {
                    "command": " ".join(["python", "bench/balance.py", *sys.argv[1:]]),
                    "size": args.size,
                    "runs": runs,
                    "medians": medians,
                    "same_json": len(digests) == 1,
                },
                indent=1,
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
