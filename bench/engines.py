"""The Ray engine beside the local engine on the same real articles, and what each stage costs.

    .venv/bin/python bench/engines.py --size 600            # at most 924 (the PolNeAR texts)
    .venv/bin/python bench/engines.py --size 3426 --with-semeval   # every real text here

The articles are the first ``--size`` PolNeAR texts (real, independent political news, train
and dev) in a fixed shuffled order, written into a temporary folder. Three measurements, one
after the other in this run, each a fresh process:

- ``local``: ``corroborate brief FOLDER --json OUT`` (the default engine), wall clock;
- ``ray``: ``corroborate brief FOLDER --engine ray --json OUT`` with Ray started on this machine
  (local mode: what Ray adds on one machine -- its start, its actors, pickling), wall clock;
- ``stages``: the pipeline's stages timed one by one in one process, models loaded first
  (spaCy over the texts, the article stages, grouping into stories on the driver, the brief of
  each story), for the scaling estimate: the per-article stages spread over nodes, grouping
  does not.

The two JSON briefs are compared (the same stories and the same brief expected). Results go to
``bench/results/engines.json`` with the command. There are 924 PolNeAR texts: a larger pile
would need copies, which the copy detector skips, flattering the figures, so it is refused.
``--with-semeval`` adds, after the PolNeAR texts, the 2,502 distinct texts of the SemEval-2022
sample (news in ten languages, each cut to about 1,000 characters): 3,426 real texts in all,
the most this machine holds.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "bench" / "polnear"
SEMEVAL = ROOT.parent / "shared" / "bench" / "semeval2022-task8" / "training_set.csv"
RESULTS = ROOT / "bench" / "results" / "engines.json"


def corpus(n: int, folder: Path, seed: int = 7, semeval: bool = False) -> list[Path]:
    """The first ``n`` PolNeAR texts in a fixed shuffled order (then, with ``semeval``, the
    SemEval sample's distinct texts in their order), copied into ``folder``."""
    texts = sorted(POLNEAR.glob("*/text/*.txt"))
    random.Random(seed).shuffle(texts)
    out = []
    for path in texts[:n]:
        target = folder / path.name
        shutil.copyfile(path, target)
        out.append(target)
    more = semeval_texts() if semeval else []
    for i, text in enumerate(more[: n - len(out)]):
        target = folder / f"semeval-{i:05d}.txt"
        target.write_text(text, encoding="utf-8")
        out.append(target)
    if len(out) < n:
        raise SystemExit(f"only {len(out)} real texts: --size {n} would need copies")
    return out


def semeval_texts() -> list[str]:
    """The distinct article texts of the SemEval-2022 sample, in the order they appear."""
    with SEMEVAL.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = (row[key] for row in rows for key in ("text1", "text2"))
    return [t for t in dict.fromkeys(texts) if t.strip()]


def timed_cli(folder: Path, out: Path, *extra: str) -> float:
    """Wall clock of ``corroborate brief FOLDER --json OUT ...`` as a fresh process."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "RAY_AUTH_MODE": "disabled"}
    command = [str(ROOT / ".venv" / "bin" / "corroborate"), "brief", str(folder), "--json"]
    start = time.perf_counter()
    subprocess.run([*command, str(out), *extra], check=True, env=env, capture_output=True)
    return time.perf_counter() - start


STAGES = """
import json, sys, time
from corroborate.annotate.nlp import load_spacy
from corroborate.embed.load import load_embedder
from corroborate.pipeline import annotate_article, brief_story, group_stories, read_articles

nlp, embedder = load_spacy(), load_embedder("minilm")
t = time.perf_counter(); read = list(read_articles([sys.argv[1]], None, [])); read_s = time.perf_counter() - t
t = time.perf_counter(); docs = list(nlp.pipe(a.text for a in read)); spacy_s = time.perf_counter() - t
t = time.perf_counter()
articles = [annotate_article(a, d) for a, d in zip(read, docs)]
stages_s = time.perf_counter() - t
t = time.perf_counter(); groups = group_stories(articles); group_s = time.perf_counter() - t
t = time.perf_counter(); briefs = []
for n, g in enumerate(groups):
    s = time.perf_counter(); brief_story(g, embedder, f"s{n + 1}"); briefs.append((len(g), time.perf_counter() - s))
brief_s = time.perf_counter() - t
print(json.dumps({"articles": len(articles), "read_s": read_s, "spacy_s": spacy_s,
                  "article_stages_s": stages_s, "group_s": group_s, "brief_s": brief_s,
                  "stories": len(groups), "largest_story": max(len(g) for g in groups),
                  "largest_story_brief_s": max(b for _, b in briefs)}))
"""


def stages(folder: Path) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT / "src")}
    python = str(ROOT / ".venv" / "bin" / "python")
    done = subprocess.run(
        [python, "-c", STAGES, str(folder)], check=True, env=env, capture_output=True, text=True
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in figures.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=600)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--with-semeval", action="store_true", help="add the SemEval sample's texts"
    )
    args = parser.parse_args()
    load_start = round(os.getloadavg()[0], 2)  # other work on the machine stretches wall time
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        corpus(args.size, folder, semeval=args.with_semeval)
        local_s = timed_cli(folder, Path(tmp) / "local.json")
        ray_s = timed_cli(folder, Path(tmp) / "ray.json", "--engine", "ray")
        local = json.loads((Path(tmp) / "local.json").read_text("utf-8"))
        ray = json.loads((Path(tmp) / "ray.json").read_text("utf-8"))
        cost = stages(folder)
    result = {
        "articles": args.size,
        "corpus": "PolNeAR texts (train+dev), shuffled with seed 7"
        + (", then the SemEval-2022 sample's distinct texts" if args.with_semeval else ""),
        "machine": f"{os.cpu_count()} CPUs",
        "local_s": round(local_s, 1),
        "ray_local_mode_s": round(ray_s, 1),
        "ray_overhead": round(ray_s / local_s - 1, 3),
        "local_articles_per_s": round(args.size / local_s, 2),
        "ray_articles_per_s": round(args.size / ray_s, 2),
        "same_stories": [s["article_ids"] for s in local["stories"]]
        == [s["article_ids"] for s in ray["stories"]],
        "same_brief": local == ray,
        "load_average_1min": {"start": load_start, "end": round(os.getloadavg()[0], 2)},
        "stages": cost,
        "command": " ".join(["python", "bench/engines.py", *sys.argv[1:]]),
    }
    print(json.dumps(result, indent=2))
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
