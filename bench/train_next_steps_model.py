"""Fit the learned next-steps model the product ships
(``src/corroborate/annotate/next_steps_model.json``, read by
:mod:`corroborate.annotate.next_steps`) on the six tuning golds of ``bench/commitments_gold.py``,
reproducibly.

    PYTHONPATH=src .venv/bin/python bench/train_next_steps_model.py [--check] [--out PATH]
    PYTHONPATH=src:bench .venv/bin/python bench/train_next_steps_model.py --filter [--check]

``--filter`` fits the next-steps filter instead (``src/corroborate/annotate/
next_steps_filter.json``, read by :func:`corroborate.annotate.next_steps.kept_next_step`):
:func:`next_steps_filter.fit`, a logistic regression over the same features fitted on the
next steps the product lists in all thirteen golds, its threshold chosen by leaving one gold
out (``bench/next_steps_filter.py``).

The configuration is B of ``bench/results/commitments_learned_seventh_plan.md``, as tested on
the held-out seventh gold: a logistic regression (scikit-learn, C=1, lbfgs, ``max_iter=2000``,
deterministic) over :func:`corroborate.annotate.next_steps.sentence_features` of every
sentence of the golds dev, train, third, fourth, fifth and sixth (859 sentences, 233 future
actions), without the rules' decision; its threshold the lowest of 0.05, 0.10, ..., 0.95 at
which its additions to the rules (sentences the rules list no next step in) are right at least
0.9 of the time on leave-one-gold-out predictions (``commitments_learned.thresholds``). While
it fits, the shipped model is off, so that what it learns from is the rules and the features
alone. ``--check`` fits and compares with the shipped file (exit status 1 when they differ).

The shipped file is the fit of b426da5's code. The features read the rules' word lists (a
deliberate act is one of :data:`corroborate.lang.en.DELIBERATE_ACTS`), and the recall rules of
5f1b589/89f7a13 (kept after their test on the tenth gold, ``bench/results/
commitments_tenth_plan.md``) grew those lists, so ``--check`` now reports a difference: the
product runs, as tested, the new rules with the old fit. A refit is a change of its own (it
moved one ``earlier`` commitment of the goldens when tried) and needs its own held-out test.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from unittest import mock

import commitments_learned as cl
import next_steps_filter as nsf

from corroborate.annotate import next_steps

C = 1.0
# A model that never reads a next step: the product's while the golds are read for fitting.
_OFF = next_steps.NextStepsModel({}, 0.0, 2.0)


def fit() -> dict:
    """The model's JSON: weights by feature name, intercept, threshold and what it is."""
    with (
        mock.patch.object(next_steps, "load_model", lambda path=None: _OFF),
        mock.patch.object(next_steps, "load_filter", lambda path=None: nsf.KEEP_ALL),
    ):
        rows = [row for gold in cl.TRAINING for row in cl.gold_rows(gold, None, "parse")]
    threshold = cl.thresholds(rows, False, C)["or"]
    model = cl._fit(rows, False, C)
    vectorizer, regression = model.steps[0][1], model.steps[1][1]
    weights = {
        name: float(w)
        for name, w in zip(vectorizer.get_feature_names_out(), regression.coef_[0], strict=True)
    }
    return {
        "about": (
            "Learned next steps (corroborate.annotate.next_steps): logistic regression, C=1, "
            f"fitted on the golds {', '.join(cl.TRAINING)} ({len(rows)} sentences, "
            f"{sum(r['y'] for r in rows)} future actions) by bench/train_next_steps_model.py"
        ),
        "threshold": threshold,
        "intercept": float(regression.intercept_[0]),
        "weights": dict(sorted(weights.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="where to write (default: the shipped file)")
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    parser.add_argument("--filter", action="store_true", help="fit the next-steps filter")
    args = parser.parse_args()
    shipped = next_steps.FILTER_FILE if args.filter else next_steps.MODEL_FILE
    args.out = args.out or shipped
    data = nsf.fit() if args.filter else fit()
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    if args.check:
        same = shipped.read_text("utf-8") == text
        print("same as the shipped model" if same else "differs from the shipped model")
        sys.exit(0 if same else 1)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: threshold {data['threshold']}, {len(data['weights'])} weights")


if __name__ == "__main__":
    main()
