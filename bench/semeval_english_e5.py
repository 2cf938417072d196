"""English same-story pairs read with the multilingual embedding (multilingual-e5-small), held
out on SemEval-2022: the check before the brief by meaning reads English pairs with it.

    PYTHONPATH=src:bench python bench/semeval_english_e5.py --lead-cache /tmp/docvec/leads.npy \
        --story-cache /tmp/e5en/story_en.npy --e5-cache /tmp/e5en/e5_en.npy \
        --write-model e5_input_kept --out bench/results/semeval_english_e5.json

The English pairs, folds, fitting and cuts of :mod:`semeval_english_meaning` (152 clear pairs,
51 the same story; 5 x 4 stratified folds, random_state 13 and 7; non-negative logistic
regression at C = 1, decision cut half the best training F1, link cut F0.5-best), with two
more columns: ``e5``, the cosine of the two texts' multilingual vectors (each embedded as the
product embeds it, :func:`~corroborate.embed.multilingual.passage_text`; cached by article id in
``--e5-cache``), and ``e5_input``, that cosine as the multilingual models read it
(:func:`~corroborate.compare.same_story.multilingual_input`). ``--lead-cache`` and
``--story-cache`` are :mod:`semeval_english_meaning`'s (the story cache is made when absent).

``--write-model NAME`` fits NAME on every pair and writes it into the shipped model file as the
``multilingual`` model of the ``english`` setting (over
:data:`~corroborate.compare.same_story.MULTILINGUAL`, the columns it does not read at weight 0)
with its two cuts; nothing else of the file changes (the clusterer reads it for English pairs
whose articles both have lead embeddings: the brief by meaning,
:meth:`~corroborate.compare.same_story.SameStoryModel.reads_cosine`). The first plan, its
PolNeAR check and outcome (2 wrong disagreements: not shipped):
``bench/results/english_e5_plan.md``; the second, after the numbers' time rule, passed and
shipped ``e5_input_kept``: ``bench/results/english_e5_second_plan.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import semeval_english_meaning as meaning  # noqa: E402  (bench script beside this one)
from semeval import read_as_brief_does  # noqa: E402

from corroborate.compare.same_story import (  # noqa: E402
    MODEL_FILE,
    MULTILINGUAL,
    PairModel,
    multilingual_input,
    rounded_cosine,
)
from corroborate.embed.multilingual import E5Encoder, passage_text  # noqa: E402

E5 = "e5"
E5_INPUT = "e5_input"
_MEANING_VARIANTS = meaning.variants  # the eighth part's, before main() puts these in its place


def variants() -> dict[str, tuple[tuple[str, ...] | None, tuple[str, ...], float]]:
    """name -> (columns always read or None for forward selection, the pool, C); fixed before
    any figure was seen."""
    shipped = _MEANING_VARIANTS()
    return {
        "lead_selected": shipped["lead_selected"],  # the shipped by-meaning model
        "both_kept": shipped["both_kept"],  # the twenty-fourth session's A (not shipped)
        "e5_for_lead_kept": (("lead_body", "grams", E5), (), 1.0),
        "e5_input_kept": (("lead_body", "grams", E5_INPUT), (), 1.0),
        "lead_and_e5_kept": (("lead_body", "grams", "embedding", E5), (), 1.0),
        "lead_e5_chunk_kept": (("lead_body", "grams", "embedding", E5, meaning.CHUNK), (), 1.0),
        "e5_selected": (None, (*meaning.FEATURES, E5), 1.0),
        "lexical_e5_input": (
            None,
            (*(f for f in meaning.FEATURES if f != "embedding"), E5_INPUT),
            1.0,
        ),
    }


def e5_cosines(rows: list[dict[str, str]], cache: Path) -> np.ndarray:
    """Each pair's multilingual cosine, its texts read as ``brief`` reads them."""
    articles, _ = read_as_brief_does(rows)
    by_id = {a.id: a for a in articles}
    vectors: dict[str, np.ndarray] = {}
    if cache.exists():
        vectors = np.load(cache, allow_pickle=True).item()
    todo = sorted(i for i in by_id if i not in vectors)
    if todo:
        texts = [passage_text(by_id[i].title, by_id[i].text) for i in todo]
        vectors.update(zip(todo, E5Encoder().encode(texts), strict=True))
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.save(cache, vectors)
    return np.array(
        [rounded_cosine(vectors[f"{r['key']}/1"], vectors[f"{r['key']}/2"]) for r in rows]
    )


def write_model(x: np.ndarray, y: np.ndarray, name: str) -> dict[str, object]:
    """Fit ``name`` on every pair and write it as the English multilingual model."""
    kept, pool, c = variants()[name]
    names = tuple(E5_INPUT if f == "multilingual" else f for f in MULTILINGUAL)
    if any(f not in names for f in (kept or pool)):
        raise SystemExit(f"{name} reads a column the multilingual models do not compute")
    columns, model, cut, link = meaning.fit_variant(x, y, kept, pool, c)
    mean, scale, coef = np.zeros(len(names)), np.ones(len(names)), np.zeros(len(names))
    at = [names.index(meaning.COLUMNS[j]) for j in columns]
    mean[at], scale[at], coef[at] = model.mean, model.scale, model.coef
    full = PairModel(MULTILINGUAL, mean, scale, coef, model.intercept)
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["multilingual"] = {"english": full.to_dict(), **data["multilingual"]}
    for key, value in (("thresholds", cut), ("link_thresholds", link)):
        data[key]["multilingual"] = {"english": round(value, 4), **data[key]["multilingual"]}
    MODEL_FILE.write_text(json.dumps(data, indent=1) + "\n")
    return {"model": full.to_dict(), "threshold": round(cut, 4), "link_threshold": round(link, 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lead-cache", type=Path, required=True)
    parser.add_argument("--story-cache", type=Path, required=True)
    parser.add_argument("--e5-cache", type=Path, required=True)
    parser.add_argument("--random-state", type=int, nargs="+", default=[13, 7])
    parser.add_argument("--write-model", default=None, choices=tuple(variants()))
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    x, y, rows = meaning.english_pairs(args.lead_cache, args.story_cache)
    e5 = e5_cosines(rows, args.e5_cache)
    meaning.COLUMNS = (*meaning.COLUMNS, E5, E5_INPUT)
    meaning.variants = variants  # cross_validate and fit_variant read the variants from there
    x = np.column_stack([x, e5, [multilingual_input(c) for c in e5]])
    trap = np.array([t == 0 and float(r["Entities"]) <= 2 for t, r in zip(y, rows, strict=True)])
    column = {name: x[:, meaning.COLUMNS.index(name)] for name in ("embedding", "passage", E5)}
    result: dict[str, object] = {
        "pairs": len(y),
        "same_story_pairs": int(y.sum()),
        "one_topic_other_story_pairs": int(trap.sum()),
        "auc_of_each_cosine_alone": {
            k: round(float(roc_auc_score(y, v)), 4) for k, v in column.items()
        },
        "cross_validation": {
            f"random_state_{s}": meaning.cross_validate(x, y, trap, s) for s in args.random_state
        },
    }
    if args.write_model:
        result["written"] = {args.write_model: write_model(x, y, args.write_model)}
    result["command"] = "python " + " ".join(sys.argv)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")


if __name__ == "__main__":
    main()
