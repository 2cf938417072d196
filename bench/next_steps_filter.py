"""A learned filter over the next steps the product lists, chosen by leaving one gold out: does
a logistic regression over the features of a listed sentence tell the listed sentences that
are no future action from those that are, on a gold it was not fitted to?

    PYTHONPATH=src:bench .venv/bin/python bench/next_steps_filter.py [--label NAME]
        [--c C] [--listed-at FILE|none]

Data: every sentence of the thirteen golds of ``bench/commitments_gold.py`` (dev, train, third,
..., thirteenth: 1,918 sentences, 573 future actions) with what the product lists in it
(``rules``: a next step of the rules; ``listed``: a next step of the product, the rules and the
learned reader that adds to them, with the filter off) and its
:func:`corroborate.annotate.next_steps.sentence_features`. The product as shipped before the
filter lists 361 of them, 336 right, 25 wrong.

The filter (:func:`fit`): a logistic regression (scikit-learn, lbfgs, ``max_iter=3000``, no
class weights) fitted on the sentences the product lists in the training golds, labelled by
the gold's ``future_action``; a listed sentence whose probability is under the threshold is
moved out of "What happens next" (a rules' next step marked ``earlier``, an addition of the
learned reader not made).

Leave one gold out (:func:`cross_validate`): for each gold, fit on the twelve others and score
the held-out gold's listed sentences; the counts are pooled over the thirteen held-out golds.
The threshold is chosen on these pooled held-out probabilities, precision first: the one of
0.02, 0.04, ..., 0.98 with the highest pooled precision among those keeping at least
:data:`KEEP` of the right next steps the product lists now (``pooled``). As a check of that
choice, ``nested`` chooses the threshold inside each fold, by the same rule on the twelve
training golds' own leave-one-gold-out probabilities, and scores the held-out gold with it.

A caveat the figures carry: the rules were written on these golds, so on a held-out gold they
are better than on new text (on the tuning golds 0.95 of their next steps are right, on seven
blind golds' first uses 154/187 = 0.82). ``--listed-at FILE`` scores, beside the
current listing, what the product listed on each of the seven blind golds (seventh to
thirteenth) at the commit that first measured it blind (:data:`LISTED_AT`, made by
``bench/next_steps_listed.py`` run from each commit's ``src`` and ``bench``; its counts are the
documented blind figures, 154/187): the filter, fitted on the other golds, applied to what the
product listed before any rule was tuned on that gold.

Measured (2026-12-06, helper ``steps6``): see ``bench/results/next_steps_filter.json`` and the
README of this directory's results (``bench/results/next_steps_filter.md``).

Results go to ``bench/results/next_steps_filter.json`` under ``--label``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from unittest import mock

import commitments_gold as cg
from dates_gold import load_articles
from labelled import keep

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.annotate import next_steps
from corroborate.annotate.commitments import extract_commitments
from corroborate.annotate.quote_marks import find_quotations
from corroborate.pipeline import run_article_stages

RESULTS = ROOT / "bench" / "results" / "next_steps_filter.json"
# What the product listed on each of the seven blind golds at its first blind measure (the
# commits in the file; bench/next_steps_listed.py run from each).
LISTED_AT = ROOT / "bench" / "results" / "next_steps_listed_at_first_blind.json"
GOLDS = tuple(cg.GOLDS)
# The regularisation, chosen by the nested leave-one-gold-out precision over C in 0.1, 0.3, 1,
# 3, 10, with and without balanced class weights, on the listed sentences and on every gold
# sentence (bench/results/next_steps_filter.md).
C = 3.0
# A word feature (the lemma of the trigger's verb, act or governor) is read only when at least
# this many of the training golds' listed sentences have it: a word seen in one or two of them
# is a memory of those sentences, not a reading of new text (fitted with every word, the filter
# weighed "will discuss" against after one wrong gold sentence and moved out scheduled talk
# shows on unlabelled PolNeAR text; bench/results/next_steps_filter.md).
MIN_COUNT = 3
LEXICAL = ("t:verb=", "t:act=", "t:action=", "t:governor=", "t:governor_dep=")
# The share of the right next steps listed now that the filter must keep (pooled held out).
KEEP = 0.9
THRESHOLDS = [round(0.02 * i, 2) for i in range(1, 50)]
# A filter that keeps every next step: the product's while the golds are read for fitting.
KEEP_ALL = next_steps.NextStepsModel({}, 0.0, 0.0)


def gold_rows(gold: str) -> list[dict[str, Any]]:
    """Each sentence of ``gold``: its file and start, label (``y``), whether the rules list a
    next step in it (``rules``), whether the product does with the filter off (``listed``), and
    its features (``x``)."""
    records = [json.loads(line) for line in cg.GOLDS[gold].read_text("utf-8").splitlines() if line]
    articles = load_articles(records)
    rules: set[tuple[str, int]] = set()
    listed: set[tuple[str, int]] = set()
    quotations = {}
    with mock.patch.object(next_steps, "load_filter", lambda path=None: KEEP_ALL):
        for article in articles.values():
            run_article_stages(article)
            for c in extract_commitments(article):
                if not c.earlier:
                    rules.add((article.id, article.sentences[c.sentence].start))
            for c in article.commitments:
                if not c.earlier:
                    listed.add((article.id, article.sentences[c.sentence].start))
            quotations[article.id] = find_quotations(article.text)
    rows = []
    for record in records:
        article = articles[record["file"]]
        key = (record["file"], record["start"])
        index = next(s.index for s in article.sentences if s.start == record["start"])
        rows.append(
            {
                "gold": gold,
                "file": record["file"],
                "start": record["start"],
                "y": bool(record["future_action"]),
                "rules": key in rules,
                "listed": key in listed,
                "x": next_steps.sentence_features(article, index, quotations[article.id]),
            }
        )
    return rows


def _lexical(name: str) -> bool:
    """Whether a feature names a word (a verb, act or governor's lemma), not a grammatical
    kind."""
    return name.startswith(LEXICAL)


def _fit(rows: list[dict[str, Any]], c: float, min_count: int = MIN_COUNT) -> Any:
    """The filter fitted on ``rows``' listed sentences; a word feature (:func:`_lexical`) is
    read only when at least ``min_count`` of them have it."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    train = [r for r in rows if r["listed"]]
    counts = Counter(k for r in train for k in r["x"])
    words = {k for k in counts if _lexical(k) and counts[k] < min_count}
    model = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=3000))
    model.fit([_without(r["x"], words) for r in train], [r["y"] for r in train])
    model.dropped = words  # type: ignore[attr-defined]
    return model


def _without(x: dict[str, float], names: set[str]) -> dict[str, float]:
    return {k: v for k, v in x.items() if k not in names}


def _probabilities(model: Any, rows: list[dict[str, Any]]) -> list[float]:
    if not rows:
        return []
    xs = [_without(r["x"], model.dropped) for r in rows]
    return [float(p) for p in model.predict_proba(xs)[:, 1]]


def out_of_fold(
    rows: list[dict[str, Any]],
    c: float,
    scored: Callable[[dict[str, Any]], bool],
    min_count: int = MIN_COUNT,
) -> dict[int, float]:
    """The probability of each row that ``scored`` selects, from a filter fitted on the other
    golds' listed rows (keys: indexes into ``rows``)."""
    probs: dict[int, float] = {}
    for gold in sorted({r["gold"] for r in rows}):
        model = _fit([r for r in rows if r["gold"] != gold], c, min_count)
        held = [i for i, r in enumerate(rows) if r["gold"] == gold and scored(r)]
        probs.update(zip(held, _probabilities(model, [rows[i] for i in held]), strict=True))
    return probs


def _tally(rows: list[dict[str, Any]], indexes: Iterable[int]) -> dict[str, int]:
    kept = list(indexes)
    right = sum(rows[i]["y"] for i in kept)
    return {"right": right, "wrong": len(kept) - right}


def choose(rows: list[dict[str, Any]], probs: dict[int, float], listed: list[int]) -> float:
    """The threshold of highest precision over ``listed`` among those keeping at least
    :data:`KEEP` of its right sentences (ties: more right kept); 0 when none does better than
    keeping all."""
    right_now = sum(rows[i]["y"] for i in listed)
    best: tuple[tuple[float, int], float] | None = None
    for t in [0.0, *THRESHOLDS]:
        t_ = _tally(rows, (i for i in listed if probs[i] >= t))
        said = t_["right"] + t_["wrong"]
        if said and t_["right"] >= KEEP * right_now:
            key = (t_["right"] / said, t_["right"])
            if best is None or key > best[0]:
                best = (key, t)
    return best[1] if best else 0.0


def _figures(t: dict[str, int], gold: int | None = None) -> dict[str, Any]:
    said = t["right"] + t["wrong"]
    out: dict[str, Any] = {"right": t["right"], "wrong": t["wrong"]}
    out["precision"] = f"{t['right']}/{said} = {t['right'] / said:.3f}" if said else "0/0"
    if gold:
        out["recall"] = f"{t['right']}/{gold} = {t['right'] / gold:.3f}"
    return out


def cross_validate(
    rows: list[dict[str, Any]],
    c: float,
    at: dict[str, set[tuple[str, int]]] | None = None,
    min_count: int = MIN_COUNT,
) -> dict[str, Any]:
    """Leave one gold out, pooled and per gold: the listed next steps before the filter, after
    it at the pooled threshold (:func:`choose` over the pooled held-out probabilities), and
    after it at each fold's nested threshold; with ``at`` (gold -> the sentences the product
    listed at its first blind measure), the same over those listings."""
    at = at or {}

    def then(r: dict[str, Any]) -> bool:
        return (r["file"], r["start"]) in at.get(r["gold"], set())

    probs = out_of_fold(rows, c, lambda r: r["listed"] or then(r), min_count)
    listed = [i for i, r in enumerate(rows) if r["listed"]]
    threshold = choose(rows, probs, listed)
    nested: dict[str, float] = {}
    for gold in GOLDS:
        inner = [r for r in rows if r["gold"] != gold]
        inner_probs = out_of_fold(inner, c, lambda r: r["listed"], min_count)
        nested[gold] = choose(inner, inner_probs, [i for i, r in enumerate(inner) if r["listed"]])
    report: dict[str, Any] = {"C": c, "min_count": min_count, "threshold": threshold}
    report["nested_thresholds"] = nested
    report["pooled_curve"] = {
        f"{t:.2f}": _figures(_tally(rows, (i for i in listed if probs[i] >= t)))
        for t in THRESHOLDS
        if 0.5 <= t <= 0.94
    }
    sets = {"listed now": lambda r: r["listed"]}
    if at:
        sets["listed at the first blind measure"] = lambda r: r["gold"] in at and then(r)
    for name, chosen in sets.items():
        pooled: dict[str, dict[str, int]] = {}
        per_gold: dict[str, Any] = {}
        for gold in GOLDS:
            mine = [i for i, r in enumerate(rows) if r["gold"] == gold and chosen(r)]
            if not mine:
                continue
            n_gold = sum(r["y"] for r in rows if r["gold"] == gold)
            counts = {
                "before": _tally(rows, mine),
                "after": _tally(rows, (i for i in mine if probs[i] >= threshold)),
                "after_nested": _tally(rows, (i for i in mine if probs[i] >= nested[gold])),
            }
            per_gold[gold] = {k: _figures(v, n_gold) for k, v in counts.items()}
            for k, v in counts.items():
                for kk, vv in v.items():
                    pooled.setdefault(k, {"right": 0, "wrong": 0})[kk] += vv
        report[name] = {
            "pooled": {k: _figures(v) for k, v in pooled.items()},
            "per_gold": per_gold,
        }
    return report


def all_rows() -> list[dict[str, Any]]:
    """:func:`gold_rows` of every gold, in :data:`GOLDS` order."""
    return [row for gold in GOLDS for row in gold_rows(gold)]


def fit(rows: list[dict[str, Any]] | None = None, c: float = C) -> dict[str, Any]:
    """The filter's JSON: fitted on every gold's listed sentences, its threshold the pooled
    leave-one-gold-out choice (:func:`cross_validate`)."""
    rows = rows if rows is not None else all_rows()
    threshold = cross_validate(rows, c)["threshold"]
    model = _fit(rows, c)
    vectorizer, regression = model.steps[0][1], model.steps[1][1]
    weights = {
        name: float(w)
        for name, w in zip(vectorizer.get_feature_names_out(), regression.coef_[0], strict=True)
    }
    train = [r for r in rows if r["listed"]]
    return {
        "about": (
            "Next-steps filter (corroborate.annotate.next_steps.kept_next_step): logistic "
            f"regression, C={c:g}, fitted on the next steps the product lists in the golds "
            f"{', '.join(GOLDS)} ({len(train)} sentences, {sum(r['y'] for r in train)} future "
            "actions) by bench/train_next_steps_model.py --filter; threshold chosen by leaving "
            "one gold out (bench/next_steps_filter.py)"
        ),
        "threshold": threshold,
        "intercept": float(regression.intercept_[0]),
        "weights": dict(sorted(weights.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="current", help="name of this run in the results")
    parser.add_argument("--c", type=float, default=C, help="the regularisation C")
    parser.add_argument(
        "--min-count", type=int, default=MIN_COUNT, help="the fewest listed sentences a word needs"
    )
    parser.add_argument(
        "--listed-at",
        type=Path,
        default=LISTED_AT,
        metavar="FILE",
        help="what the product listed on each blind gold at its first measure (JSON: "
        "'listed', gold -> FILE|START; 'none' to skip)",
    )
    args = parser.parse_args()
    at: dict[str, set[tuple[str, int]]] = {}
    if str(args.listed_at) != "none":
        listed = json.loads(args.listed_at.read_text("utf-8"))["listed"]
        for gold, keys in listed.items():
            at[gold] = {(k.rsplit("|", 1)[0], int(k.rsplit("|", 1)[1])) for k in keys}
    report = cross_validate(all_rows(), args.c, at, args.min_count)
    keep(RESULTS, args.label, report, "bench/next_steps_filter.py")


if __name__ == "__main__":
    main()
