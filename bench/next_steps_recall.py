"""Next steps' recall: what the product misses on the fourteen readable golds, and changes to
find more, chosen by leaving one gold out.

    PYTHONPATH=src:bench .venv/bin/python bench/next_steps_recall.py rows [--out PATH]
    PYTHONPATH=src:bench .venv/bin/python bench/next_steps_recall.py misses [--rows PATH]
    PYTHONPATH=src:bench .venv/bin/python bench/next_steps_recall.py cv [--rows PATH] [--label N]

The golds: the thirteen PolNeAR golds and the fourteenth (SemEval) of
``bench/commitments_gold.py`` (:data:`GOLDS`; the fifteenth is held out for a blind test and is
never read here). ``rows`` runs the product once over every gold's articles, with the adding
model and the filter switched off, and keeps for each gold sentence what the product's path
needs to decide it again under any adding model and filter (:func:`gold_rows`): the rules'
reading (a next step, an earlier one, none, and whether it is called off), the features
(:func:`corroborate.annotate.next_steps.sentence_features`), whether the parse reads the first
trigger as no plan told (:func:`corroborate.annotate.commitments.not_told`), the actors of the
rules and of the subject, and why the rules list nothing (:func:`why_not`). ``misses`` prints
the gold's future actions the product as shipped does not list, by cause. ``cv`` compares
set-ups (adding model refitted or not, its threshold, the filter refitted) leaving one gold
out: each fold fits the adding model and the filter on the other thirteen golds and decides
the held-out gold's sentences exactly as :func:`corroborate.annotate.next_steps.
learned_commitments` does (:func:`decide`).

Measured (2026-12-06, helper ``recall``): as shipped, held out (filter refitted per fold) pooled
321 right / 17 wrong of 612 future actions (fourteenth 11/12, R 11/39); no set-up compared (eleven:
adding model refitted at three targets, every trigger sentence parsed, a negation check, a
subject-word feature) found more right next steps at that precision, so none is shipped (``fit``
would write the product's two model files from a set-up). Results:
``bench/results/next_steps_recall.json`` under ``--label``; the analysis in
``bench/results/next_steps_recall.md``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import commitments_gold as cg
from labelled import keep

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.annotate import commitments as cm
from corroborate.annotate import next_steps
from corroborate.annotate.grammar import words_in
from corroborate.annotate.quote_marks import find_quotations
from corroborate.pipeline import run_article_stages
from corroborate.text import fold

RESULTS = ROOT / "bench" / "results" / "next_steps_recall.json"
ROWS = Path("/tmp/corroborate-bench/next_steps_recall_rows.pkl")
# Every readable gold: the fifteenth is held out, blind, and never read.
GOLDS = tuple(g for g in cg.GOLDS if g != "fifteenth")
OFF = next_steps.NextStepsModel({}, 0.0, 2.0)
KEEP_ALL = next_steps.NextStepsModel({}, 0.0, 0.0)


def why_not(article: Any, index: int) -> str:
    """Why the rules list no next step in sentence ``index`` (a short cause)."""
    sentence = article.sentences[index]
    text = sentence.text
    parse = article.parses.get(index)
    hits = []
    for kind, pattern in cm._TRIGGERS:
        for m in pattern.finditer(text):
            if cm._NEGATED.search(text[: m.start()][-40:]):
                continue
            hits.append((m.start(), kind, m))
    if parse is None:
        return "no parse" + (" (trigger)" if hits else " (no rule trigger)")
    if hits:
        hits.sort(key=lambda h: h[0])
        start, kind, m = hits[0]
        quotations = find_quotations(article.text)
        if cm._wholly_quoted(text) or cm._inside_quotation(sentence.start, text, quotations):
            return f"trigger {kind}: quoted sentence"
        forecast = kind == "planned" and bool(cm._FORECAST.match(m.group(0)))
        return (
            "trigger "
            + kind
            + ": "
            + _rejected(article, parse, sentence.start + start, kind, forecast)
        )
    quotations = find_quotations(article.text)
    causes = []
    for m in cm._AHEAD.finditer(text):
        words = words_in(parse, sentence.start + m.start(), sentence.start + m.start() + 1)
        verbs = cm._act_of(parse, words[0]) if words else None
        if verbs is None:
            causes.append("will: no verb ahead")
            continue
        verb, act = verbs
        lemma = parse[act].lemma
        if lemma not in en_acts():
            causes.append(f"will: act not deliberate ({lemma})")
            continue
        if not cm._decided(article, parse, verb, act):
            causes.append("will: deliberate act rejected by _decided")
            continue
        subject = cm._main_subject(parse, verb)
        if len(subject) == 1 and fold(parse[subject[0]].text) in cm._WRITER:
            causes.append("will: I/we not the speaker's")
            continue
        if not cm._can_act(article, parse, verb):
            causes.append("will: subject cannot act")
            continue
        causes.append("will: other (quoted/you/nobody/describes)")
    return causes[0] if causes else "no trigger of the rules"


def en_acts() -> set[str]:
    from corroborate.lang import en

    return set(en.DELIBERATE_ACTS) | set(en.DELIBERATE_WITH_OBJECT) | {"be", "do"}


def _rejected(article: Any, parse: Any, trigger: int, kind: str, forecast: bool) -> str:
    """The first test of :func:`corroborate.annotate.commitments.read_commitment` that turns
    the trigger down."""
    words = words_in(parse, trigger, trigger + 1)
    if not words:
        return "no word"
    verb = cm._commitment_verb(parse, words[0])
    if verb is None:
        return "no verb"
    tests: list[tuple[str, Callable[[], bool]]] = [
        ("question", lambda: parse[-1].text == "?"),
        ("purpose", lambda: cm._purpose(parse, verb)),
        ("nominal", lambda: cm._nominal(parse, verb)),
        ("asked", lambda: cm._asked(parse, verb)),
        ("stance", lambda: cm._stance(parse, verb)),
        ("hypothetical", lambda: cm._hypothetical(parse, verb)),
        ("poll", lambda: cm._poll(parse, verb)),
        ("pledged_to_someone", lambda: cm._pledged_to_someone(article, parse, verb)),
        ("pending", lambda: cm._pending(article, parse, verb)),
        ("no_one", lambda: cm._no_one_subject(parse, verb)),
        ("negated", lambda: not forecast and cm._negated(parse, verb, kind)),
        ("doubted", lambda: cm._doubted(parse, verb)),
        ("wh_clause", lambda: cm._wh_clause(parse, verb)),
        ("condition", lambda: cm._condition(parse, verb)),
        ("likelihood", lambda: cm._likelihood(article, parse, verb, kind)),
        ("opens_outcome", lambda: forecast and cm._opens_an_outcome(parse, verb)),
        ("to_be_so", lambda: cm._to_be_so(parse, verb)),
        ("assurance", lambda: kind == "pledged" and cm._assurance(parse, verb)),
        ("likely", lambda: cm._likely(parse, verb)),
        ("to_win", lambda: not forecast and cm._to_win(parse, verb)),
        (
            "pledged thing",
            lambda: (
                kind == "pledged"
                and not cm._pledged_act(parse, verb)
                and not (
                    cm._pledged_thing(article, parse, verb) and cm._can_act(article, parse, verb)
                )
            ),
        ),
        ("nobody_commits", lambda: cm._nobody_commits(article, parse, verb, kind)),
        ("believed", lambda: forecast and cm._believed(parse, verb)),
        ("refused", lambda: forecast and cm._refused(article, parse, verb, trigger)),
        (
            "forecast: subject cannot act, no day ahead",
            lambda: (
                forecast
                and not cm._can_act(article, parse, verb)
                and not cm._dated_ahead(article, trigger)
                and not cm._coming_out(parse, verb)
            ),
        ),
        (
            "describes",
            lambda: (
                forecast
                and not cm._subject_actors(article, parse, verb)
                and cm._describes(parse, verb)
                and not cm._coming_out(parse, verb)
                and not cm._dated_ahead(article, trigger)
            ),
        ),
    ]
    for name, test in tests:
        try:
            if test():
                return name
        except (IndexError, ValueError, KeyError, TypeError):
            return name + " (failed)"
    return "read (earlier?)"


def gold_rows(gold: str) -> list[dict[str, Any]]:
    """Each sentence of ``gold`` with what :func:`decide` needs (see the module doc)."""
    path = cg.GOLDS[gold]
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    articles = cg.gold_articles(records)
    rules: dict[tuple[str, int], Any] = {}
    quotations = {}
    with (
        mock.patch.object(next_steps, "load_model", lambda path=None: OFF),
        mock.patch.object(next_steps, "load_filter", lambda path=None: KEEP_ALL),
    ):
        for article in articles.values():
            run_article_stages(article)
            for c in cm.extract_commitments(article):
                rules[(article.id, article.sentences[c.sentence].start)] = c
            quotations[article.id] = find_quotations(article.text)
    rows = []
    for record in records:
        source = cg.source_of(record)
        article = articles[source]
        index = next(s.index for s in article.sentences if s.start == record["start"])
        sentence = article.sentences[index]
        c = rules.get((source, record["start"]))
        row: dict[str, Any] = {
            "gold": gold,
            "source": source,
            "start": record["start"],
            "text": record["text"],
            "sentence": sentence.text,
            "prev": article.sentences[index - 1].text if index > 0 else "",
            "y": bool(record["future_action"]),
            "gold_actors": list(record["actors"]),
            "rule": "none" if c is None else ("earlier" if c.earlier else "next"),
            "rule_actors": list(c.actors) if c is not None else [],
            "called_off": bool(c is not None and cm.called_off(article, c)),
            "trigger": bool(next_steps.TRIGGER.search(sentence.text)),
            "parsed": index in article.parses,
            "x": next_steps.sentence_features(article, index, quotations[article.id]),
            "subject_actors": next_steps.subject_actors(article, index),
            "why": why_not(article, index) if c is None else "",
        }
        if row["trigger"]:
            learned = next_steps._learned_commitment(article, sentence)
            row["not_told"] = cm.not_told(article, learned.start, learned.kind)
        else:
            row["not_told"] = True
        rows.append(row)
    return rows


def all_rows() -> list[dict[str, Any]]:
    return [row for gold in GOLDS for row in gold_rows(gold)]


def decide(row: dict[str, Any], p_add: float, t_add: float, p_keep: float, t_keep: float) -> bool:
    """Whether the product lists a next step in the row's sentence, as :func:`corroborate.
    annotate.next_steps.learned_commitments` decides (English text)."""
    if not row["trigger"]:
        return row["rule"] == "next"
    kept = p_keep >= t_keep
    if row["rule"] == "next":
        return kept
    if not kept or row["called_off"] or p_add < t_add:
        return False
    if row["rule"] == "earlier":
        return True
    return not row["not_told"]


def actors_of(row: dict[str, Any]) -> list[str]:
    return row["rule_actors"] if row["rule"] == "next" else row["subject_actors"]


# --- leave one gold out -------------------------------------------------------------------

THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 20)]
FILTER_THRESHOLDS = [round(0.02 * i, 2) for i in range(1, 50)]


def _fit(rows: list[dict[str, Any]], c: float, min_count: int = 1) -> Any:
    """A logistic regression over the rows' features (a word feature read only when at least
    ``min_count`` rows have it), as :mod:`next_steps_filter` fits."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    counts = Counter(k for r in rows for k in r["x"])
    words = {k for k in counts if k.startswith(LEXICAL) and counts[k] < min_count}
    model = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=3000))
    model.fit([_without(r["x"], words) for r in rows], [r["y"] for r in rows])
    model.dropped = words  # type: ignore[attr-defined]
    return model


LEXICAL = ("t:verb=", "t:act=", "t:action=", "t:governor=", "t:governor_dep=")


def _without(x: dict[str, float], names: set[str]) -> dict[str, float]:
    return {k: v for k, v in x.items() if k not in names} if names else x


def _probs(model: Any, rows: list[dict[str, Any]]) -> list[float]:
    if not rows:
        return []
    xs = [_without(r["x"], model.dropped) for r in rows]
    return [float(p) for p in model.predict_proba(xs)[:, 1]]


def _as_model(model: Any, threshold: float) -> next_steps.NextStepsModel:
    vectorizer, regression = model.steps[0][1], model.steps[1][1]
    weights = {
        name: float(w)
        for name, w in zip(vectorizer.get_feature_names_out(), regression.coef_[0], strict=True)
    }
    return next_steps.NextStepsModel(weights, float(regression.intercept_[0]), threshold)


class SetUp:
    """One way of deciding next steps, its models fitted on some golds (:meth:`fitted`)."""

    def __init__(self, name: str, **kw: Any) -> None:
        self.name = name
        self.add = kw.get("add", "shipped")  # shipped | refit
        self.add_c = kw.get("add_c", 1.0)
        self.add_target = kw.get("add_target", 0.9)
        self.add_min = kw.get("add_min", 1)
        self.filter = kw.get("filter", "refit")  # shipped | refit
        self.filter_c = kw.get("filter_c", 3.0)
        self.filter_min = kw.get("filter_min", 3)
        self.keep = kw.get("keep", 0.9)

    def fitted(self, train: list[dict[str, Any]]) -> tuple[Any, Any]:
        """The adding model and the filter (NextStepsModel, thresholds set) fitted on
        ``train``: thresholds chosen on the training golds' own leave-one-gold-out
        probabilities."""
        golds = sorted({r["gold"] for r in train})
        if self.add == "shipped":
            add = next_steps.load_model()
            p_add = [add.probability(r["x"]) for r in train]
        else:
            p_add = [0.0] * len(train)
            for g in golds:
                model = _fit([r for r in train if r["gold"] != g], self.add_c, self.add_min)
                held = [i for i, r in enumerate(train) if r["gold"] == g]
                for i, p in zip(held, _probs(model, [train[i] for i in held]), strict=True):
                    p_add[i] = p
        if self.filter == "shipped":
            keep = next_steps.load_filter()
            p_keep = [keep.probability(r["x"]) for r in train]
            t_keep = keep.threshold
        else:
            keep = None
            p_keep, t_keep = [1.0] * len(train), 0.0
        if self.add != "shipped":
            t_add = self._add_threshold(train, p_add, p_keep, t_keep)
            add = _as_model(_fit(train, self.add_c, self.add_min), t_add)
        if self.filter == "refit":
            listed = [
                i for i, r in enumerate(train) if decide(r, p_add[i], add.threshold, 1.0, 0.0)
            ]
            rows = [train[i] for i in listed]
            probs: dict[int, float] = {}
            for g in golds:
                inner = [r for r in rows if r["gold"] != g]
                model = _fit(inner, self.filter_c, self.filter_min)
                held = [i for i in listed if train[i]["gold"] == g]
                probs.update(zip(held, _probs(model, [train[i] for i in held]), strict=True))
            t_keep = self._keep_threshold(train, probs, listed)
            keep = _as_model(_fit(rows, self.filter_c, self.filter_min), t_keep)
        return add, keep

    def _add_threshold(
        self, train: list[dict[str, Any]], p_add: list[float], p_keep: list[float], t_keep: float
    ) -> float:
        """The lowest threshold at which the sentences the model adds to the rules are right
        at least ``add_target`` of the time (2.0: none is)."""
        for t in THRESHOLDS:
            added = [
                r["y"]
                for i, r in enumerate(train)
                if r["rule"] != "next" and decide(r, p_add[i], t, p_keep[i], t_keep)
            ]
            if added and sum(added) / len(added) >= self.add_target:
                return t
        return 2.0

    def _keep_threshold(
        self, train: list[dict[str, Any]], probs: dict[int, float], listed: list[int]
    ) -> float:
        right_now = sum(train[i]["y"] for i in listed)
        best: tuple[tuple[float, int], float] | None = None
        for t in [0.0, *FILTER_THRESHOLDS]:
            kept = [train[i]["y"] for i in listed if probs[i] >= t]
            if kept and sum(kept) >= self.keep * right_now:
                key = (sum(kept) / len(kept), sum(kept))
                if best is None or key > best[0]:
                    best = (key, t)
        return best[1] if best else 0.0


def _names(predicted: list[str], gold: list[str]) -> int:
    return sum(cg._names_one(a, gold) for a in predicted)


def cross_validate(rows: list[dict[str, Any]], setup: SetUp) -> dict[str, Any]:
    """Each gold scored by the set-up fitted on the other golds; per gold and pooled."""
    per: dict[str, Counter[str]] = {}
    thresholds = {}
    for g in GOLDS:
        train = [r for r in rows if r["gold"] != g]
        test = [r for r in rows if r["gold"] == g]
        add, keep = setup.fitted(train)
        thresholds[g] = [add.threshold, keep.threshold]
        t = per.setdefault(g, Counter())
        for r in test:
            listed = decide(
                r, add.probability(r["x"]), add.threshold, keep.probability(r["x"]), keep.threshold
            )
            t["gold"] += r["y"]
            t["right"] += listed and r["y"]
            t["wrong"] += listed and not r["y"]
            if listed and r["y"]:
                actors = actors_of(r)
                t["strict_said"] += len(actors)
                t["strict_right"] += _names(actors, r["gold_actors"])
                if r["gold_actors"]:
                    t["actors_said"] += len(actors)
                    t["actors_right"] += _names(actors, r["gold_actors"])
                    t["actors_gold"] += len(r["gold_actors"])
                    t["actors_found"] += sum(
                        any(cg._names_one(a, [x]) for a in actors) for x in r["gold_actors"]
                    )
    pooled: Counter[str] = sum(per.values(), Counter())
    polnear: Counter[str] = sum((v for k, v in per.items() if k != "fourteenth"), Counter())
    return {
        "setup": vars(setup),
        "thresholds": thresholds,
        "pooled": _figures(pooled),
        "polnear": _figures(polnear),
        "fourteenth": _figures(per["fourteenth"]),
        "per_gold": {
            k: f"{v['right']} right, {v['wrong']} wrong of {v['gold']}" for k, v in per.items()
        },
    }


def _figures(t: Counter[str]) -> dict[str, Any]:
    said = t["right"] + t["wrong"]
    return {
        "right": t["right"],
        "wrong": t["wrong"],
        "precision": cg._ratio(t["right"], said),
        "recall": cg._ratio(t["right"], t["gold"]),
        "actors": cg._ratio(t["actors_right"], t["actors_said"]),
        "actors_found": cg._ratio(t["actors_found"], t["actors_gold"]),
        "actors_strict": cg._ratio(t["strict_right"], t["strict_said"]),
    }


SETUPS = {
    "before": SetUp("before"),
    "shipped_both": SetUp("shipped_both", filter="shipped"),
    "add90": SetUp("add90", add="refit", add_target=0.9),
    "add95": SetUp("add95", add="refit", add_target=0.95),
    "add85": SetUp("add85", add="refit", add_target=0.85),
    "add95m3": SetUp("add95m3", add="refit", add_target=0.95, add_min=3),
    "add90m3": SetUp("add90m3", add="refit", add_target=0.9, add_min=3),
    "add90m3c03": SetUp("add90m3c03", add="refit", add_target=0.9, add_min=3, add_c=0.3),
}


# The set-up shipped (chosen by the leave-one-gold-out figures: bench/results/next_steps_recall.md).
CHOSEN = "add95"


def write_models(rows: list[dict[str, Any]], setup: SetUp) -> None:
    """Fit ``setup`` on every readable gold's rows and write the product's two model files."""
    add, keep = setup.fitted(rows)
    n, y = len(rows), sum(r["y"] for r in rows)
    for model, path, what in (
        (add, next_steps.MODEL_FILE, "Learned next steps (corroborate.annotate.next_steps)"),
        (keep, next_steps.FILTER_FILE, "Next-steps filter (kept_next_step)"),
    ):
        data = {
            "about": (
                f"{what}: logistic regression, set-up {setup.name} of bench/next_steps_recall.py "
                f"({json.dumps(vars(setup))}), fitted on the golds {', '.join(GOLDS)} ({n} "
                f"sentences, {y} future actions) by bench/next_steps_recall.py fit; threshold "
                "chosen by leaving one gold out"
            ),
            "threshold": model.threshold,
            "intercept": model.intercept,
            "weights": dict(sorted(model.weights.items())),
        }
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{path}: threshold {model.threshold}, {len(model.weights)} weights")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("rows", "misses", "cv", "fit"))
    parser.add_argument("--rows", type=Path, default=ROWS)
    parser.add_argument("--label", default="current")
    parser.add_argument("--setups", default="", help="comma-separated names of SETUPS")
    args = parser.parse_args()
    if args.what == "rows":
        rows = all_rows()
        args.rows.parent.mkdir(parents=True, exist_ok=True)
        args.rows.write_bytes(pickle.dumps(rows))
        print(f"{len(rows)} rows, {sum(r['y'] for r in rows)} future actions -> {args.rows}")
        return
    rows = pickle.loads(args.rows.read_bytes())
    if args.what == "fit":
        write_models(rows, SETUPS[args.setups or CHOSEN])
        return
    if args.what == "misses":
        shipped_add, shipped_keep = next_steps.load_model(), next_steps.load_filter()
        causes: Counter[str] = Counter()
        for r in rows:
            pa = shipped_add.probability(r["x"])
            pk = shipped_keep.probability(r["x"])
            listed = decide(r, pa, shipped_add.threshold, pk, shipped_keep.threshold)
            if not r["y"] or listed:
                continue
            if r["rule"] == "next":
                cause = "rules: next, dropped by the filter"
            elif r["rule"] == "earlier":
                cause = "rules: earlier" + (" (called off)" if r["called_off"] else "")
            else:
                cause = r["why"]
            causes[cause] += 1
            print(f"{r['gold']:10} {cause:45} add={pa:.2f} keep={pk:.2f} | {r['text'][:150]}")
        for cause, n in causes.most_common():
            print(f"{n:4} {cause}")
        return
    chosen = args.setups.split(",") if args.setups else list(SETUPS)
    report = {name: cross_validate(rows, SETUPS[name]) for name in chosen}
    for name, r in report.items():
        print(name, json.dumps(r["pooled"]), "| 14th", json.dumps(r["fourteenth"]))
    keep(RESULTS, args.label, report, "bench/next_steps_recall.py")


if __name__ == "__main__":
    main()
