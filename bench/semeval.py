"""Same-story score against SemEval-2022 Task 8 human ratings (1 = same story .. 4 = unrelated).

    .venv/bin/python bench/semeval.py --out bench/results/semeval.json
    .venv/bin/python bench/semeval.py --embedder minilm --out bench/results/semeval_minilm.json

The score is the clusterer's own (:func:`corroborate.compare.cluster.story_similarity`, through one
:class:`~corroborate.compare.cluster.StoryClusterer` that has counted document frequencies over every
text of the file). A high score means "same story" and ``Overall`` is low for the same story,
so a good score correlates *negatively* with ``Overall``. Reported: Pearson r (sign kept) and
ROC AUC for ``Overall <= 2`` (same story) against ``Overall >= 3``, for English pairs and all
pairs. Texts have no NER here (the crude capitalised-name stand-in is used) and no dates.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "bench" / "semeval2022-task8" / "training_set.csv"

from corroborate.compare.cluster import StoryClusterer
from corroborate.model import Article


def load(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(10**8)
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def article(pair_id: str, side: int, text: str, lang: str) -> Article:
    text = text.strip()
    return Article(f"{pair_id}/{side}", pair_id, text, text=text, language=lang)


def evaluate(scores: np.ndarray, overall: np.ndarray) -> dict[str, float | int]:
    same = overall <= 2
    clear = (overall <= 2) | (overall >= 3)
    r = float(np.corrcoef(scores, overall)[0, 1])
    return {
        "pairs": int(len(scores)),
        "pearson_r": round(r, 4),
        "pearson_abs": round(abs(r), 4),
        "sign": "negative (as expected)" if r < 0 else "positive (unexpected)",
        "roc_auc_same_story": round(float(roc_auc_score(same[clear], scores[clear])), 4),
        "same_story_pairs": int(same.sum()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--embedder", choices=["minilm", "hashing"], default=None)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    rows = [r for r in load(args.data) if r["Overall"]]
    embedder = None
    if args.embedder:
        from corroborate.embed.load import load_embedder

        embedder = load_embedder(args.embedder)
    clusterer = StoryClusterer(embedder)
    pairs = [
        (
            article(r["pair_id"], 1, r["text1"], r["lang1"]),
            article(r["pair_id"], 2, r["text2"], r["lang2"]),
        )
        for r in rows
    ]
    clusterer.observe(a for pair in pairs for a in pair)
    t0 = time.perf_counter()
    scores = np.array([clusterer.similarity(a, b) for a, b in pairs])
    elapsed = time.perf_counter() - t0
    overall = np.array([float(r["Overall"]) for r in rows])
    english = np.array([r["lang1"] == "en" and r["lang2"] == "en" for r in rows])
    same_lang = np.array([r["lang1"] == r["lang2"] for r in rows])
    result = {
        "embedder": args.embedder,
        "english": evaluate(scores[english], overall[english]),
        "same_language": evaluate(scores[same_lang], overall[same_lang]),
        "cross_language": evaluate(scores[~same_lang], overall[~same_lang])
        if (~same_lang).sum() > 2
        else None,
        "all": evaluate(scores, overall),
        "seconds": round(elapsed, 2),
        "command": "python " + " ".join(sys.argv),
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")


if __name__ == "__main__":
    main()
