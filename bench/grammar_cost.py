"""What the grammar stage costs: the time spent parsing the few sentences whose tense or
subject the dates and commitments read, beside the whole brief, on the PolNeAR dev articles
(84 real articles as one pile).

    .venv/bin/python bench/grammar_cost.py [PATH]

Two runs with the models loaded (the first warms the caches); each reports the brief's time,
the grammar stage's time, how many articles it ran on in this process (an engine may run some
in its worker, uncounted) and how many sentences it parsed. Results go to
``bench/results/grammar_cost.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate import pipeline
from corroborate.annotate.nlp import load_spacy
from corroborate.embed.load import load_embedder

DEFAULT = ROOT.parent / "shared" / "bench" / "polnear" / "dev" / "text"
RESULTS = ROOT / "bench" / "results" / "grammar_cost.json"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    nlp, embedder = load_spacy(), load_embedder("minilm")
    tally = {"seconds": 0.0, "articles": 0, "sentences": 0}
    parse = pipeline.ARTICLE_STAGES[0].run

    def timed(article):  # the grammar stage, timed
        t = time.perf_counter()
        parses = parse(article)
        tally["seconds"] += time.perf_counter() - t
        tally["articles"] += 1
        tally["sentences"] += len(parses)
        return parses

    first = pipeline.ARTICLE_STAGES[0]
    pipeline.ARTICLE_STAGES = (
        pipeline.ArticleStage(first.name, timed, first.requires, first.assigns),
        *pipeline.ARTICLE_STAGES[1:],
    )
    runs = []
    for _ in range(2):
        tally.update(seconds=0.0, articles=0, sentences=0)
        t = time.perf_counter()
        brief = pipeline.build_brief([path], nlp=nlp, embedder=embedder)
        total = time.perf_counter() - t
        runs.append(
            {
                "articles": len(brief.articles),
                "sentences": sum(len(a.sentences) for a in brief.articles),
                "brief_seconds": round(total, 2),
                "grammar_seconds": round(tally["seconds"], 2),
                "grammar_articles": tally["articles"],
                "sentences_parsed": tally["sentences"],
                "grammar_share": round(tally["seconds"] / total, 3),
            }
        )
    result = {
        "command": "PYTHONPATH=src .venv/bin/python bench/grammar_cost.py "
        + " ".join(sys.argv[1:]),
        "date": dt.date.today().isoformat(),
        "parser": "the brief's own pipeline (no second one loaded)",
        "runs": runs,
        "note": "2 CPU cores shared with other work: times vary from run to run",
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
