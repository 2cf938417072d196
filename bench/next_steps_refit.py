"""Refit the learned reader that adds next steps (``next_steps_model.json``) on all thirteen
PolNeAR golds with the full current features, chosen by leaving one gold out over the whole
product path: the rules, the adding model, then the filter (refitted inside each fold).

    PYTHONPATH=src:bench .venv/bin/python bench/next_steps_refit.py [--label NAME]
        [--cs 0.3,1,3] [--min-counts 1,3] [--write-model PATH]

Data: every sentence of the thirteen golds of ``bench/commitments_gold.py`` (dev, train, third,
..., thirteenth: 1,918 sentences, 573 future actions; never the fourteenth or a later gold),
with what the product's parts say of it, read once (:func:`gold_rows`): whether the rules list
a next step in it (``rules``), whether the adding model may add one (``eligible``: the rules
list none, mark theirs ``earlier`` and not called off, or list nothing and the parse does not
read the trigger as no plan told: :func:`corroborate.annotate.next_steps.learned_commitments`
word for word), whether it has a trigger word (the filter and the adding model read only
those), and its :func:`corroborate.annotate.next_steps.sentence_features`. From these the
product's listing is rebuilt for any adding model and filter (:func:`listing`); checked against
the product itself with the shipped adding model and the filter off (``listed``).

Leave one gold out (:func:`evaluate`), for a setting (the adding model's C, the fewest
sentences a word feature needs, its threshold): for each of the 13 golds,

1. fit the adding model on the 12 others' sentences (every sentence, label the gold's
   ``future_action``, as ``bench/train_next_steps_model.py`` fits it on six);
2. list the 12 training golds' sentences with it, each scored by an adding model fitted on the
   11 golds other than its own and the held-out one (an inner leave-one-gold-out: a listing
   as a new gold would get, not the training fit's memory of its own labels);
3. fit the filter on those listed sentences (``bench/next_steps_filter.py``'s ``_fit``: C=3,
   a word feature only when at least 3 of them have it), its threshold the shipped 0.82;
4. list the held-out gold's sentences: the rules', and the additions of step 1's model at the
   threshold, then keep those step 3's filter keeps.

``before``: the shipped adding model (fitted on the first six golds, threshold 0.95), the
filter refitted in each fold on the training golds' sentences it lists, as
``bench/next_steps_filter.py`` does (its pooled held-out figure: 311 right, 17 wrong). The
settings are compared on the pooled held-out counts; the one chosen is the one that adds the
most right next steps with a pooled precision at least ``before``'s. Choosing it on the pooled
figures of the same folds is a mild selection: ``nested`` reports the same choice made inside
each fold on the 12 training golds' own leave-one-gold-out figures.

Measured (2026-12-06, helper ``steps7``; ``bench/results/next_steps_refit.md``): before 311
right, 17 wrong; chosen C=1, word features seen at least 3 times, threshold 0.90: 321 right,
17 wrong; nested 316 right, 18 wrong. ``--write-models C,MIN_COUNT,T`` writes the refitted
adding model and filter (``bench/results/next_steps_refit.patch`` holds them, not applied).

Results go to ``bench/results/next_steps_refit.json`` under ``--label``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from unittest import mock

import commitments_gold as cg
import next_steps_filter as nsf
from dates_gold import load_articles
from labelled import keep

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.annotate import commitments as cm
from corroborate.annotate import next_steps
from corroborate.annotate.commitments import extract_commitments
from corroborate.annotate.quote_marks import find_quotations
from corroborate.pipeline import run_article_stages

RESULTS = ROOT / "bench" / "results" / "next_steps_refit.json"
GOLDS = tuple(g for g in cg.GOLDS if g not in ("fourteenth", "fifteenth"))
assert len(GOLDS) == 13, GOLDS
CACHE = Path("/tmp/corroborate-bench/next_steps_refit_rows.pkl")
FILTER_THRESHOLD = 0.82  # the shipped filter's
CS = (0.3, 1.0, 3.0)
MIN_COUNTS = (1, 3)
THRESHOLDS = [round(0.05 * i, 2) for i in range(6, 20)]  # 0.30 ... 0.95
# The adding model off while the golds are read, and the filter keeping all.
_OFF = next_steps.NextStepsModel({}, 0.0, 2.0)


def gold_rows(gold: str) -> list[dict[str, Any]]:
    """Each sentence of ``gold``: label ``y``, ``rules`` (the rules list a next step in it),
    ``eligible`` (the adding model may add one), ``trigger``, ``listed`` (the product lists one,
    shipped adding model, filter off), features ``x`` and the shipped model's probability."""
    records = [json.loads(line) for line in cg.GOLDS[gold].read_text("utf-8").splitlines() if line]
    articles = load_articles(records)
    listed: set[tuple[str, int]] = set()
    with mock.patch.object(next_steps, "load_filter", lambda path=None: nsf.KEEP_ALL):
        for article in articles.values():
            run_article_stages(article)
            for c in article.commitments:
                if not c.earlier:
                    listed.add((article.id, article.sentences[c.sentence].start))
    shipped = next_steps.load_model()
    rows = []
    told_by: dict[str, dict[int, Any]] = {}
    quotations: dict[str, Any] = {}
    for record in records:
        article = articles[record["file"]]
        if article.id not in told_by:
            told_by[article.id] = {c.sentence: c for c in extract_commitments(article)}
            quotations[article.id] = find_quotations(article.text)
        sentence = next(s for s in article.sentences if s.start == record["start"])
        commitment = told_by[article.id].get(sentence.index)
        trigger = bool(next_steps.TRIGGER.search(sentence.text)) and article.language == "en"
        if commitment is not None:
            eligible = commitment.earlier and not cm.called_off(article, commitment)
        elif trigger:
            learned = next_steps._learned_commitment(article, sentence)
            eligible = not cm.not_told(article, learned.start, learned.kind)
        else:
            eligible = False
        x = next_steps.sentence_features(article, sentence.index, quotations[article.id])
        rows.append(
            {
                "gold": gold,
                "file": record["file"],
                "start": record["start"],
                "y": bool(record["future_action"]),
                "rules": commitment is not None and not commitment.earlier,
                "eligible": bool(eligible and trigger),
                "trigger": trigger,
                "listed": (record["file"], record["start"]) in listed,
                "x": x,
                "p_shipped": shipped.probability(x) if trigger else 0.0,
            }
        )
    return rows


def all_rows(cache: Path = CACHE) -> list[dict[str, Any]]:
    """:func:`gold_rows` of the thirteen golds (cached in ``cache`` across runs)."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())  # noqa: S301 (our own cache)
    rows = [row for gold in GOLDS for row in gold_rows(gold)]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(rows))
    return rows


def listing(
    rows: list[dict[str, Any]], adds: list[bool], kept: list[bool], filter_adds: bool = True
) -> list[bool]:
    """What the product lists as a next step in each row: the rules' next step kept by the
    filter, or an addition of the adding model (``adds``) kept by it (``filter_adds`` False:
    an addition the filter does not read); a sentence with no trigger word is the rules'
    alone."""
    out = []
    for r, a, k in zip(rows, adds, kept, strict=True):
        if not r["trigger"]:
            out.append(r["rules"])
        elif r["rules"]:
            out.append(k)
        else:
            out.append(r["eligible"] and a and (k or not filter_adds))
    return out


def _fit_adding(rows: list[dict[str, Any]], c: float, min_count: int) -> Any:
    """The adding model fitted on every one of ``rows`` (a word feature read only when at least
    ``min_count`` of them have it)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    counts = Counter(k for r in rows for k in r["x"])
    words = {k for k in counts if nsf._lexical(k) and counts[k] < min_count}
    model = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=3000))
    model.fit([nsf._without(r["x"], words) for r in rows], [r["y"] for r in rows])
    model.dropped = words  # type: ignore[attr-defined]
    return model


def adding_probabilities(
    rows: list[dict[str, Any]], c: float, min_count: int
) -> tuple[dict[str, list[float]], dict[tuple[str, str], list[float]]]:
    """Out-of-fold probabilities of the adding model: ``outer[g]`` the rows of gold ``g`` from a
    fit on the 12 others; ``inner[(k, g)]`` those of gold ``g`` from a fit on the 11 golds
    other than ``g`` and ``k`` (one fit serves both ``(k, g)`` and ``(g, k)``)."""
    by_gold = {g: [r for r in rows if r["gold"] == g] for g in GOLDS}
    outer = {}
    for g in GOLDS:
        model = _fit_adding([r for r in rows if r["gold"] != g], c, min_count)
        outer[g] = nsf._probabilities(model, by_gold[g])
    inner = {}
    for k, g in itertools.combinations(GOLDS, 2):
        model = _fit_adding([r for r in rows if r["gold"] not in (k, g)], c, min_count)
        inner[(k, g)] = nsf._probabilities(model, by_gold[g])
        inner[(g, k)] = nsf._probabilities(model, by_gold[k])
    return outer, inner


def _tally(rows: list[dict[str, Any]], said: list[bool]) -> dict[str, int]:
    right = sum(s and r["y"] for r, s in zip(rows, said, strict=True))
    return {"right": right, "wrong": sum(said) - right, "gold": sum(r["y"] for r in rows)}


def _figures(t: dict[str, int]) -> dict[str, Any]:
    said = t["right"] + t["wrong"]
    return {
        "right": t["right"],
        "wrong": t["wrong"],
        "precision": f"{t['right']}/{said} = {t['right'] / said:.3f}" if said else "0/0",
        "recall": f"{t['right']}/{t['gold']} = {t['right'] / t['gold']:.3f}",
    }


def fold_listing(
    rows: list[dict[str, Any]],
    held: str,
    train_golds: tuple[str, ...],
    adds_of: Any,
    filter_adds: bool = True,
) -> dict[str, list[bool]]:
    """The product's listing of gold ``held`` in one fold: the filter fitted on the listing of
    ``train_golds`` (``adds_of(g)``: the adding model's decisions on gold ``g``'s rows, scored
    from outside ``g``), then applied to ``held`` with ``adds_of(held)``. Returns the listing
    of ``held`` with the filter (``after``) and without (``unfiltered``). With ``filter_adds``
    False the filter reads, and is fitted on, the rules' next steps alone."""
    by_gold = {g: [r for r in rows if r["gold"] == g] for g in (*train_golds, held)}
    train = []
    for g in train_golds:
        mine = by_gold[g]
        keep_all = [True] * len(mine)
        for r, listed in zip(mine, listing(mine, adds_of(g), keep_all), strict=True):
            train.append({**r, "listed": listed and (filter_adds or r["rules"])})
    model = nsf._fit(train, nsf.C)
    mine = by_gold[held]
    probs = nsf._probabilities(model, mine)
    kept = [p >= FILTER_THRESHOLD for p in probs]
    return {
        "after": listing(mine, adds_of(held), kept, filter_adds),
        "unfiltered": listing(mine, adds_of(held), [True] * len(mine)),
    }


def evaluate(
    rows: list[dict[str, Any]],
    probs_of: Any,
    threshold: float,
    golds: tuple[str, ...] = GOLDS,
    filter_adds: bool = True,
) -> dict[str, dict[str, int]]:
    """Leave one gold out over ``golds``: each held-out gold's tally with the filter refitted on
    the others. ``probs_of(held, g)``: the adding model's probabilities of gold ``g``'s rows in
    the fold that holds out ``held`` (from a fit on neither; ``None``: the shipped model)."""
    out: dict[str, dict[str, int]] = {}
    by_gold = {g: [r for r in rows if r["gold"] == g] for g in golds}
    for held in golds:
        train_golds = tuple(g for g in golds if g != held)

        def adds_of(g: str, held: str = held) -> list[bool]:
            probs = probs_of(held, g)
            if probs is None:
                probs = [r["p_shipped"] for r in by_gold[g]]
            return [p >= threshold for p in probs]

        said = fold_listing(rows, held, train_golds, adds_of, filter_adds)
        out[held] = _tally(by_gold[held], said["after"])
        out[held + " (unfiltered)"] = _tally(by_gold[held], said["unfiltered"])
    return out


def triple_probabilities(
    rows: list[dict[str, Any]], c: float, min_count: int
) -> dict[tuple[frozenset[str], str], list[float]]:
    """``[(frozenset({k, j}), i)]``: gold ``i``'s rows from an adding model fitted on the ten
    golds other than ``i``, ``j`` and ``k`` (for the nested choice: outer fold ``k``, inner fold
    ``j``, a training gold ``i`` of the inner filter)."""
    by_gold = {g: [r for r in rows if r["gold"] == g] for g in GOLDS}
    out = {}
    for three in itertools.combinations(GOLDS, 3):
        model = _fit_adding([r for r in rows if r["gold"] not in three], c, min_count)
        for i in three:
            out[(frozenset(three) - {i}, i)] = nsf._probabilities(model, by_gold[i])
    return out


def _pooled(per_gold: dict[str, dict[str, int]], suffix: str = "") -> dict[str, int]:
    total = {"right": 0, "wrong": 0, "gold": 0}
    for g in GOLDS:
        if g + suffix in per_gold:
            for k in total:
                total[k] += per_gold[g + suffix][k]
    return total


def _better(a: dict[str, int], floor: float) -> tuple[bool, int, int]:
    said = a["right"] + a["wrong"]
    return (bool(said) and a["right"] / said >= floor - 1e-9, a["right"], -a["wrong"])


def _weights(model: Any) -> dict[str, float]:
    vectorizer, regression = model.steps[0][1], model.steps[1][1]
    return {
        name: float(w)
        for name, w in zip(vectorizer.get_feature_names_out(), regression.coef_[0], strict=True)
    }


def fit_models(
    rows: list[dict[str, Any]], c: float, min_count: int, threshold: float, filter_adds: bool = True
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The JSON of the refitted adding model (every sentence of the thirteen golds) and of the
    filter refitted on the listing it gives them, each gold's sentences scored by an adding model
    fitted on the twelve others (as inside the cross-validation); the filter's threshold stays
    :data:`FILTER_THRESHOLD`."""
    adding = _fit_adding(rows, c, min_count)
    by_gold = {g: [r for r in rows if r["gold"] == g] for g in GOLDS}
    train = []
    for g in GOLDS:
        model = _fit_adding([r for r in rows if r["gold"] != g], c, min_count)
        adds = [p >= threshold for p in nsf._probabilities(model, by_gold[g])]
        mine = by_gold[g]
        for r, listed in zip(mine, listing(mine, adds, [True] * len(mine)), strict=True):
            train.append({**r, "listed": listed and (filter_adds or r["rules"])})
    filt = nsf._fit(train, nsf.C)
    listed = [r for r in train if r["listed"]]
    golds = ", ".join(GOLDS)
    adding_json = {
        "about": (
            f"Learned next steps (corroborate.annotate.next_steps): logistic regression, C={c:g}, "
            f"a word feature only when at least {min_count} sentences have it, fitted on the golds "
            f"{golds} ({len(rows)} sentences, {sum(r['y'] for r in rows)} future actions) by "
            "bench/next_steps_refit.py; threshold chosen by leaving one gold out over the "
            "product path (rules, this model, the filter refitted in each fold)"
        ),
        "threshold": threshold,
        "intercept": float(adding.steps[1][1].intercept_[0]),
        "weights": dict(sorted(_weights(adding).items())),
    }
    filter_json = {
        "about": (
            "Next-steps filter (corroborate.annotate.next_steps.kept_next_step): logistic "
            f"regression, C={nsf.C:g}, fitted on the next steps the product lists in the golds "
            f"{golds} ({len(listed)} sentences, {sum(r['y'] for r in listed)} future actions; "
            "the adding model's additions to each gold scored by its fit on the twelve others) "
            f"by bench/next_steps_refit.py; threshold {FILTER_THRESHOLD} as chosen by "
            "bench/next_steps_filter.py"
        ),
        "threshold": FILTER_THRESHOLD,
        "intercept": float(filt.steps[1][1].intercept_[0]),
        "weights": dict(sorted(_weights(filt).items())),
    }
    return adding_json, filter_json


def _shipped(held: str, g: str) -> None:
    return None


def _choose(
    results: dict[str, dict[str, dict[str, int]]],
    golds: tuple[str, ...],
    floor_t: dict[str, int],
    no_more_wrong: bool = False,
) -> str | None:
    """The setting whose pooled tally over ``golds`` has the most right next steps, at a
    precision at least ``floor_t``'s (``no_more_wrong``: with no more wrong ones than
    ``floor_t``; ties: fewer wrong), if it has more right than ``floor_t``; else None (keep
    the shipped model)."""
    floor = floor_t["right"] / max(1, floor_t["right"] + floor_t["wrong"])

    def pooled(name: str) -> dict[str, int]:
        return _pooled({g: results[name][g] for g in golds})

    def key(name: str) -> tuple[bool, int, int]:
        ok, right, neg_wrong = _better(pooled(name), floor)
        return (ok and (not no_more_wrong or -neg_wrong <= floor_t["wrong"]), right, neg_wrong)

    best = max(results, key=key)
    ok, right, _ = key(best)
    return best if ok and right > floor_t["right"] else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="current", help="name of this run in the results")
    parser.add_argument("--cs", default=",".join(f"{c:g}" for c in CS))
    parser.add_argument("--min-counts", default=",".join(str(m) for m in MIN_COUNTS))
    parser.add_argument(
        "--nested-from",
        type=float,
        default=0.7,
        help="the lowest threshold the nested choice reads",
    )
    parser.add_argument("--no-nested", action="store_true", help="skip the nested choice")
    parser.add_argument("--check", action="store_true", help="only check the rebuilt listing")
    parser.add_argument(
        "--additions-unfiltered",
        action="store_true",
        help="the filter reads the rules' next steps only, not the adding model's additions",
    )
    parser.add_argument(
        "--write-models",
        metavar="C,MIN_COUNT,T",
        help="only fit the adding model and the filter on all thirteen golds with this setting "
        "and write them to --models-out",
    )
    parser.add_argument(
        "--models-out",
        type=Path,
        default=next_steps.MODEL_FILE.parent,
        metavar="DIR",
        help="where --write-models writes (default: over the shipped files)",
    )
    args = parser.parse_args()
    rows = all_rows()
    if args.write_models:
        c, m, t = args.write_models.split(",")
        for data, path in zip(
            fit_models(rows, float(c), int(m), float(t), not args.additions_unfiltered),
            (
                args.models_out / next_steps.MODEL_FILE.name,
                args.models_out / next_steps.FILTER_FILE.name,
            ),
            strict=True,
        ):
            path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
            print(f"{path}: threshold {data['threshold']}, {len(data['weights'])} weights")
        return
    shipped_t = next_steps.load_model().threshold
    # The rebuilt listing (shipped adding model, filter off) must be the product's.
    rebuilt = listing(rows, [r["p_shipped"] >= shipped_t for r in rows], [True] * len(rows))
    mismatch = sum(a != r["listed"] for a, r in zip(rebuilt, rows, strict=True))
    print(f"rows {len(rows)}, rebuilt listing differs from the product's in {mismatch}")
    if args.check:
        return
    report: dict[str, Any] = {"rebuilt_mismatch": mismatch, "filter_threshold": FILTER_THRESHOLD}
    report["filter_reads_additions"] = not args.additions_unfiltered
    before = evaluate(rows, _shipped, shipped_t)
    report["before"] = {
        "pooled": _figures(_pooled(before)),
        "pooled_unfiltered": _figures(_pooled(before, " (unfiltered)")),
        "per_gold": {g: _figures(before[g]) for g in GOLDS},
    }
    print("before", report["before"]["pooled"], flush=True)
    settings: dict[str, Any] = {}
    per_setting: dict[str, dict[str, dict[str, int]]] = {}
    nested_inner: dict[str, dict[str, dict[str, dict[str, int]]]] = {g: {} for g in GOLDS}
    for c in [float(v) for v in args.cs.split(",")]:
        for m in [int(v) for v in args.min_counts.split(",")]:
            outer, inner = adding_probabilities(rows, c, m)

            def probs_of(held: str, g: str, outer: Any = outer, inner: Any = inner) -> list:
                return outer[g] if g == held else inner[(held, g)]

            for t in THRESHOLDS:
                name = f"C={c:g} min_count={m} t={t:.2f}"
                res = evaluate(rows, probs_of, t, filter_adds=not args.additions_unfiltered)
                per_setting[name] = res
                settings[name] = {
                    "pooled": _figures(_pooled(res)),
                    "pooled_unfiltered": _figures(_pooled(res, " (unfiltered)")),
                }
                print(name, settings[name]["pooled"], flush=True)
            if args.no_nested:
                continue
            triple = triple_probabilities(rows, c, m)
            for k in GOLDS:
                golds_k = tuple(g for g in GOLDS if g != k)

                def inner_of(
                    held: str, g: str, k: str = k, inner: Any = inner, triple: Any = triple
                ) -> list:
                    return inner[(k, g)] if g == held else triple[(frozenset({k, held}), g)]

                for t in THRESHOLDS:
                    if t >= args.nested_from - 1e-9:
                        name = f"C={c:g} min_count={m} t={t:.2f}"
                        nested_inner[k][name] = evaluate(
                            rows, inner_of, t, golds_k, not args.additions_unfiltered
                        )
            print(f"nested C={c:g} min_count={m} done", flush=True)
    floor_t = _pooled(before)
    chosen = _choose(per_setting, GOLDS, floor_t)
    report["settings"] = settings
    report["precision_floor"] = f"{floor_t['right']}/{floor_t['right'] + floor_t['wrong']}"
    report["chosen"] = chosen
    if chosen:
        report["chosen_per_gold"] = {g: _figures(per_setting[chosen][g]) for g in GOLDS}
        report["chosen_unfiltered_pooled"] = _figures(_pooled(per_setting[chosen], " (unfiltered)"))
    report["chosen_no_more_wrong"] = _choose(per_setting, GOLDS, floor_t, True)
    report["per_gold_of_setting"] = {
        name: {g: [res[g]["right"], res[g]["wrong"]] for g in GOLDS}
        for name, res in per_setting.items()
    }
    if not args.no_nested:
        bases = {}
        for k in GOLDS:
            golds_k = tuple(g for g in GOLDS if g != k)
            base = evaluate(rows, _shipped, shipped_t, golds_k)
            bases[k] = _pooled({g: base[g] for g in golds_k})
        for rule, strict in (("nested", False), ("nested_no_more_wrong", True)):
            nested: dict[str, Any] = {}
            total = {"right": 0, "wrong": 0, "gold": 0}
            for k in GOLDS:
                golds_k = tuple(g for g in GOLDS if g != k)
                pick = _choose(nested_inner[k], golds_k, bases[k], strict)
                t_k = per_setting[pick][k] if pick else before[k]
                nested[k] = {"setting": pick or "shipped", **_figures(t_k)}
                for key in total:
                    total[key] += t_k[key]
                print(rule, k, nested[k], flush=True)
            report[rule] = {"pooled": _figures(total), "per_gold": nested}
            print(rule, "pooled", report[rule]["pooled"])
    keep(RESULTS, args.label, report, "bench/next_steps_refit.py")
    print("chosen", chosen, "; with no more wrong:", report["chosen_no_more_wrong"])


if __name__ == "__main__":
    main()
