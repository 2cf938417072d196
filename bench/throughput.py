"""Throughput and memory of the whole brief beside bare spaCy, on the same articles.

    .venv/bin/python bench/throughput.py                 # N = 25, 50, 100
    .venv/bin/python bench/throughput.py --sizes 200 --cold-runs 3
    .venv/bin/python bench/throughput.py --embedder minilm    # the float32 encoder
    .venv/bin/python bench/throughput.py --embedder hashing   # what all but the embedding costs
    .venv/bin/python bench/throughput.py --sizes 100 --stories-by-meaning --cold-runs 0

The articles are real and independent: the first N of the PolNeAR texts (``../shared/bench/
polnear``, political news from seven US publishers about the 2016 election) in a fixed shuffled
order -- many tell the same stories, none is a copy of another, so the brief compares (and
embeds) what real coverage makes it compare. (``--corpus variants`` makes them instead by
varying the bundled example and the test stories, as earlier benchmarks did: near-copies the
brief mostly skips, flattering it.) Each measurement runs in its own process, so peak memory
(ru_maxrss) is that measurement's own; bare and brief run ``--repeats`` times, interleaved, and
their median times are compared:

- ``bare``: spaCy alone -- the same model, sentence split and NER only, one ``nlp.pipe`` pass
  over the cleaned texts;
- ``brief``: the whole brief (ingest, clean, spaCy, embeddings, facts, summary, JSON) with
  models loaded before the clock starts, as in a long-lived process (the web app, a library
  user briefing pile after pile); it forks a worker process that embeds, runs spaCy
  on some articles and briefs some stories (its peak is reported apart: it shares most of its
  pages with the brief's). The embedder is by default the command's default;
- ``cold``: ``corroborate brief`` on 5 articles as a fresh process, wall clock, as a user runs
  it: with the command's own default embedder (``minilm``, no torch to import).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples", ROOT / "tests" / "data" / "stories"]
POLNEAR = ROOT.parent / "shared" / "bench" / "polnear"
DEFAULT_EMBEDDER = "minilm"
NAMES = ["Halloran", "Okonkwo", "Varga", "Lindqvist", "Moreau", "Tanaka", "Castellanos", "Novak"]


def make_corpus(n: int, folder: Path, seed: int = 7, corpus: str = "polnear") -> list[Path]:
    """Write ``n`` news articles into ``folder``: real independent ones (``polnear``), or
    variants of our own few stories (``variants``)."""
    if corpus == "polnear":
        return real_articles(n, folder, seed)
    return variants(n, folder, seed)


def real_articles(n: int, folder: Path, seed: int) -> list[Path]:
    """The first ``n`` PolNeAR texts (train and dev) in a shuffled order fixed by ``seed``."""
    texts = sorted(POLNEAR.glob("*/text/*.txt"))
    if len(texts) < n:
        raise SystemExit(f"need {n} PolNeAR texts under {POLNEAR}, found {len(texts)}")
    random.Random(seed).shuffle(texts)
    paths = []
    for i, source in enumerate(texts[:n]):
        path = folder / f"a{i:05d}.txt"
        path.write_text(source.read_text("utf-8"), encoding="utf-8")
        paths.append(path)
    return paths


def variants(n: int, folder: Path, seed: int) -> list[Path]:
    """``n`` articles made by varying the bundled example and the test stories."""
    originals = sorted(p for src in SOURCES for p in src.rglob("*.txt"))
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        text = originals[i % len(originals)].read_text("utf-8")
        paragraphs = text.split("\n\n")
        head, body = paragraphs[:2], paragraphs[2:]
        rng.shuffle(body)
        text = "\n\n".join(head + body)
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
        swap = NAMES[i % len(NAMES)]
        text = re.sub(r"\b(Pennock|Vos|Arrieta|Halvorsen)\b", swap, text)
        path = folder / f"a{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bare(folder: str) -> dict:
    from corroborate.annotate.nlp import load_spacy
    from corroborate.read.clean import clean_text

    texts = [clean_text(p.read_text("utf-8")).text for p in sorted(Path(folder).glob("*.txt"))]
    nlp = load_spacy()
    start = time.perf_counter()
    sentences = sum(
        len(list(doc.sents)) + 0 * len(doc.ents) for doc in nlp.pipe(texts, batch_size=16)
    )
    seconds = time.perf_counter() - start
    return {
        "articles": len(texts),
        "sentences": sentences,
        "seconds": seconds,
        "peak_mb": peak_mb(),
    }


def run_brief(folder: str, embedder_name: str = DEFAULT_EMBEDDER, by_meaning: bool = False) -> dict:
    from corroborate.annotate.nlp import load_spacy
    from corroborate.embed.fake import HashingEmbedder
    from corroborate.embed.load import load_embedder
    from corroborate.engines.local import LocalEngine
    from corroborate.out.render import to_dict
    from corroborate.pipeline import build_brief

    nlp, embedder = load_spacy(), load_embedder(embedder_name)
    if embedder_name == "hashing":  # a worker process as with MiniLM, to compare like with like

        class ForkSafeHashing(HashingEmbedder):
            fork_safe = True  # numpy only, as MiniLM

        embedder = ForkSafeHashing()
    start = time.perf_counter()
    if by_meaning:  # as brief --stories-by-meaning
        engine = LocalEngine(nlp, embedder, story_leads=True)
        brief = build_brief([folder], engine=engine)
    else:
        brief = build_brief([folder], nlp=nlp, embedder=embedder)
    document = json.dumps(to_dict(brief))
    seconds = time.perf_counter() - start
    return {
        "articles": len(brief.articles),
        "facts": len(brief.stories[0].facts) if brief.stories else 0,
        "json_mb": len(document) / 2**20,
        "seconds": seconds,
        "peak_mb": peak_mb(),
        # the forked worker process (its resident pages include those it shares with this one)
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def child(kind: str, folder: str, embedder: str = DEFAULT_EMBEDDER, meaning: bool = False) -> dict:
    flag = ["--stories-by-meaning"] if meaning else []
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, folder, "--embedder", embedder, *flag],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_start(folder: Path, runs: int) -> list[float]:
    exe = Path(sys.executable).with_name("corroborate")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [str(exe), "brief", str(folder), "--json", os.devnull],
            check=True,
            capture_output=True,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
        )
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100])
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each, medians compared")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", choices=["polnear", "variants"], default="polnear")
    parser.add_argument(
        "--embedder",
        default=DEFAULT_EMBEDDER,
        help="embedder of the brief (hashing: a nearly free fake, to see what the rest costs)",
    )
    parser.add_argument(
        "--stories-by-meaning",
        action="store_true",
        help="the brief groups stories as brief --stories-by-meaning (story embeddings)",
    )
    parser.add_argument(
        "--out", type=Path, help="default: bench/results/throughput[-EMBEDDER].json"
    )
    args = parser.parse_args()
    suffix = "" if args.embedder == DEFAULT_EMBEDDER else f"-{args.embedder}"
    args.out = args.out or ROOT / "bench" / "results" / f"throughput{suffix}.json"
    if args.child:
        kind, folder = args.child
        meaning = args.stories_by_meaning
        brief = run_brief(folder, args.embedder, meaning) if kind == "brief" else None
        print(json.dumps(brief or run_bare(folder)))
        return

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            make_corpus(n, folder, corpus=args.corpus)
            # Interleaved repeats, medians compared: this machine's speed drifts run to run.
            bares, briefs = [], []
            for _ in range(args.repeats):
                bares.append(child("bare", str(folder)))
                briefs.append(child("brief", str(folder), args.embedder, args.stories_by_meaning))
            bare_s = statistics.median(r["seconds"] for r in bares)
            brief_s = statistics.median(r["seconds"] for r in briefs)
            row = {
                "n": n,
                "bare_articles_per_s": n / bare_s,
                "brief_articles_per_s": n / brief_s,
                "ratio": bare_s / brief_s,
                "bare_seconds": [round(r["seconds"], 3) for r in bares],
                "brief_seconds": [round(r["seconds"], 3) for r in briefs],
                "bare_peak_mb": max(r["peak_mb"] for r in bares),
                "brief_peak_mb": max(r["peak_mb"] for r in briefs),
                "brief_worker_peak_mb": max(r["worker_peak_mb"] for r in briefs),
                "brief_json_mb": briefs[0]["json_mb"],
                "sentences": bares[0]["sentences"],
            }
            rows.append(row)
            print(
                f"N={n:>5}  bare spaCy {row['bare_articles_per_s']:6.2f} art/s  "
                f"brief {row['brief_articles_per_s']:6.2f} art/s  ratio {row['ratio']:.2f} "
                f"(medians of {args.repeats})  peak MB bare {row['bare_peak_mb']:.0f} "
                f"brief {row['brief_peak_mb']:.0f} + worker {row['brief_worker_peak_mb']:.0f} "
                f"(brief JSON {row['brief_json_mb']:.1f} MB)",
                flush=True,
            )
        five = Path(tmp) / "five"
        five.mkdir()
        make_corpus(5, five, seed=11, corpus=args.corpus)
        cold = cold_start(five, args.cold_runs)
    if cold:
        print(
            f"cold start, 5 articles: {min(cold):.2f} s best, {sum(cold) / len(cold):.2f} s "
            f"mean of {len(cold)} runs"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "rows": rows,
                "cold_start_s": cold,
                "embedder": args.embedder,
                "stories_by_meaning": args.stories_by_meaning,
                "corpus": args.corpus,
                "command": " ".join(["python", "bench/throughput.py", *sys.argv[1:]]),
                "cpus": os.cpu_count(),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
