"""Does a small learned model over the labelled sentences read next steps better than the rules,
on text it was not fitted to? A logistic regression over parse features of each gold sentence
(``bench/commitments_gold.py``'s golds), cross-validated leaving one gold out.

    PYTHONPATH=src .venv/bin/python bench/commitments_learned.py [--label NAME] [--c C]
        [--forward fourth|fifth|sixth] [--test seventh]

Training data: the first six golds (dev, train, third, fourth, fifth, sixth: 859 sentences,
233 future actions). Each fold leaves one gold out, fits on the other five and scores the one
left out; the figures are summed over the six folds. Four readers are compared, each against
the gold's ``future_action`` (a sentence counts once):

* ``rules``: the extractor's next steps (a commitment not marked ``earlier``), as
  ``bench/commitments_gold.py`` counts them;
* ``model``: the model alone, at the lowest threshold whose precision, on out-of-fold
  predictions within the five training golds (an inner leave-one-gold-out), is at least
  :data:`TARGET`;
* ``rules_or_model``: the rules' sentences and those the model gives at least a threshold
  chosen the same way over the model's additions alone (sentences the rules do not list);
* ``rules_and_model``: the rules' sentences whose probability is at least the threshold that
  maximises F1 of that filter on the inner out-of-fold predictions.

Each is run with the rules' own decision among the features (``with_rules``) and without it
(``without_rules``). A caveat the figures carry: the rules were tuned on every one of the six
golds, so in this cross-validation the rules (and a model reading their decision) have seen
the gold left out; only a gold labelled after the rules were frozen (the seventh) is a fair
test of rules against model. ``--test seventh`` fits the frozen configuration on all six golds
and scores the seventh once; it is not to be used for choosing anything.

``--forward GOLD``, run from a checkout of the rules as they were before any tuning on GOLD
(``git archive COMMIT``, with this script, its neighbours and the golds copied in), fits on
the golds before GOLD and scores GOLD: the rules there are blind to it, as they will be to new
text, so rules and model meet on equal terms (rules of 592abb1 for the fourth, aee3198 for the
fifth, 3074c24 for the sixth: the commits their blind figures were measured at).

Measured (2026-12-05, C=1; ``bench/results/commitments_learned.json``): leave one gold out,
rules P 165/167, R 165/233; the model alone at its chosen threshold P 81/89, R 81/233 without
the rules' decision, 168/183, 168/233 with it; rules OR model 165/168 (without) and 165/167
(with) at R 165/233; rules AND model never filters (the threshold chosen is 0: the rules make
almost no false step on the golds they were tuned on, so the model learns nothing about
them). Forward to the fourth, fifth and sixth golds, summed: blind rules P 42/51, R 42/105;
rules OR model (without the rules' decision) 44/53, R 44/105 (+2, both on the fourth); the
model alone, without the rules' decision, at 0.6: P 41/50, R 41/105, at 0.7: 38/42, R 38/105,
about the blind rules' figure. Read off the forward curve (chosen by nothing, so no result):
rules OR model >= 0.7 would give P 52/65, R 52/105; in the leave-one-gold-out curve the same
union adds 8 right and 13 wrong. No combination beats the rules in the leave-one-gold-out
figures, so the seventh gold was not scored.

Features of a sentence (:func:`features`): each trigger :data:`commitments_gold.SELECT` finds,
the verb it governs (the verb "will" is the auxiliary of, the verb "plans to" takes) with its
lemma, tag and dependency, the verb above a complement clause ("says", "thinks", "expects"),
the subject's kind (a pronoun by its lemma, a named entity by its label, a noun), passive,
negation, other modals, "if"/"unless", a question, quotation marks around the trigger, a date
in the sentence after or before the article's date, and the rules' decision.

``--features parse`` reads each sentence from what the product holds instead
(``corroborate.annotate.next_steps``, first
``bench/next_steps_parse_features.py``: the parse of ``Article.parses``, mentions, dates,
quotations and the rules' intermediate tests, not their decision); 449 of the 859 tuning
sentences have a parse (the product parses only sentences its triggers may read), the others
give sentence-level features only. Leave one gold out (2026-12-06, C=1, without the rules'
decision): the model alone P 105/113, R 105/233 (against 81/89 with ``features``); rules OR
model 167/169, R 167/233 (+2 right, no wrong one, against the rules' 165/167).

``--plan`` runs the pre-registered held-out test of
``bench/results/commitments_learned_seventh_plan.md`` (three configurations, scored once on
the seventh gold, counts only).

Results go to ``bench/results/commitments_learned.json`` under ``--label``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import commitments_gold as cg
from dates_gold import load_articles
from labelled import keep

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.annotate import next_steps as npf
from corroborate.annotate.commitments import extract_commitments
from corroborate.pipeline import run_article_stages

RESULTS = ROOT / "bench" / "results" / "commitments_learned.json"
TRAINING = ("dev", "train", "third", "fourth", "fifth", "sixth")
# The precision the model alone, and the model's additions to the rules, must reach on the
# training folds' out-of-fold predictions.
TARGET = 0.9
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 20)]
# The thresholds at which the model alone is reported (its precision against recall).
CURVE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_OTHER_MODALS = {"would", "could", "may", "might", "should", "can", "must"}
_NEGATIONS = {"not", "n't", "never", "no"}


def _trigger_key(text: str) -> str:
    """A trigger's words, lowercased and single-spaced ("'ll" for either apostrophe)."""
    return re.sub(r"\s+", " ", text.lower()).replace("’", "'")


def _token_at(doc: Any, char: int) -> Any:
    for token in doc:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return doc[-1]


def _governed_verb(token: Any) -> Any:
    """The verb a trigger token speaks of: the verb a modal or "going"/"set"/"to" serves, else
    the trigger itself (the verb "pledged", "plans")."""
    if token.tag_ == "MD" or token.dep_ in ("aux", "auxpass"):
        return token.head
    return token


def _subject(verb: Any) -> Any | None:
    seen = verb
    for _ in range(4):  # up through xcomp/conj to the clause that has a subject
        for child in seen.children:
            if child.dep_ in ("nsubj", "nsubjpass", "expl"):
                return child
        if seen.dep_ in ("xcomp", "conj") and seen.head is not seen:
            seen = seen.head
        else:
            break
    return None


def _subject_kind(subject: Any | None) -> str:
    if subject is None:
        return "none"
    if subject.pos_ == "PRON":
        return "pron_" + subject.lower_
    if subject.ent_type_:
        return "ent_" + subject.ent_type_
    return "noun_" + subject.pos_


def features(text: str, doc: Any, dates: Iterable[str], published: str, rule: str) -> dict:
    """The features of one gold sentence: ``text`` parsed as ``doc`` (a full spaCy pipeline),
    ``dates`` the resolved dates (``YYYY-MM-DD``) of the date mentions in it, ``published``
    the article's date and ``rule`` what the rules say of it (``next``: a next step,
    ``earlier``: a commitment marked earlier, ``none``)."""
    out: dict[str, float] = {"bias_rule=" + rule: 1.0}
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    out["starts_quoted"] = float(text.lstrip().startswith(("“", '"', "‘")))
    out["question"] = float("?" in text)
    lowered = {t.lower_ for t in doc}
    out["if"] = float(bool(lowered & {"if", "unless", "whether"}))
    for modal in sorted(lowered & _OTHER_MODALS):
        out["modal=" + modal] = 1.0
    for day in dates:
        if day > published:
            out["date_after"] = 1.0
        elif day < published:
            out["date_before"] = 1.0
        else:
            out["date_same"] = 1.0
    for m in cg.SELECT.finditer(text):
        key = _trigger_key(m.group())
        out["trigger=" + key] = 1.0
        token = _token_at(doc, m.start() if not key.startswith("'") else m.start() + 1)
        verb = _governed_verb(token)
        if key == "to be held":
            verb = _token_at(doc, m.end() - 1)
        action = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        inside = any(a < m.start() < b for a, b in quoted)
        subject = _subject(verb)
        kind = _subject_kind(subject)
        prefix = "t:"
        pairs = {
            "verb": verb.lemma_.lower(),
            "verb_tag": verb.tag_,
            "verb_dep": verb.dep_,
            "trigger_tag": token.tag_,
            "subject": kind,
            "subject_coarse": kind.split("_")[0],
            "trigger_subject": key + "|" + kind.split("_")[0],
            "quoted_subject": f"{inside}|{kind}",
            "action": action.lemma_.lower() if action is not None else "-",
        }
        if verb.dep_ in ("ccomp", "advcl", "relcl", "xcomp", "conj", "acl", "pcomp"):
            pairs["governor"] = verb.head.lemma_.lower()
            pairs["governor_dep"] = verb.dep_ + "|" + verb.head.lemma_.lower()
        for name, value in pairs.items():
            out[f"{prefix}{name}={value}"] = 1.0
        out["t:quoted"] = max(out.get("t:quoted", 0.0), float(inside))
        out["t:passive"] = max(
            out.get("t:passive", 0.0),
            float(any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)),
        )
        negated = any(c.dep_ == "neg" for c in (*verb.children, *token.children)) or any(
            t.lower_ in _NEGATIONS for t in doc[max(0, token.i - 3) : token.i]
        )
        out["t:negated"] = max(out.get("t:negated", 0.0), float(negated))
    return out


def gold_rows(gold: str, nlp: Any, kind: str = "spacy") -> list[dict]:
    """Each record of ``gold`` with its features (``kind``: ``spacy``, :func:`features` of a
    spaCy parse of the sentence alone; ``parse``, ``corroborate.annotate.next_steps`` of what
    the product holds), the rules' decision (``rule``: a next step listed) and label (``y``), and
    for the actors' count the rules' actors, the subject's (``subject_actors``) and the
    gold's."""
    records = [json.loads(line) for line in cg.GOLDS[gold].read_text("utf-8").splitlines() if line]
    articles = load_articles(records)
    found: dict[tuple[str, int], list] = {}
    for article in articles.values():
        run_article_stages(article)
        for c in extract_commitments(article):  # the rules alone (the model is fitted to them)
            found.setdefault((article.id, article.sentences[c.sentence].start), []).append(c)
    rows = []
    docs = nlp.pipe(r["text"] for r in records) if kind == "spacy" else (None for _ in records)
    for record, doc in zip(records, docs, strict=True):
        article = articles[record["file"]]
        said = found.get((record["file"], record["start"]), [])
        rule = "next" if any(not c.earlier for c in said) else ("earlier" if said else "none")
        index = next(s.index for s in article.sentences if s.start == record["start"])
        if kind == "spacy":
            dates = [
                d.resolved
                for d in article.dates
                if d.resolved and record["start"] <= d.start < record["end"]
            ]
            x = features(record["text"], doc, dates, article.published or "", rule)
        else:
            x = {"bias_rule=" + rule: 1.0, **npf.sentence_features(article, index)}
        rows.append(
            {
                "gold": gold,
                "x": x,
                "rule": rule == "next",
                "y": bool(record["future_action"]),
                "rule_actors": [a for c in said if not c.earlier for a in c.actors],
                "subject_actors": npf.subject_actors(article, index),
                "gold_actors": list(record["actors"]),
            }
        )
    return rows


def actor_tally(rows: list[dict], said: list[bool]) -> dict[str, str]:
    """Actors as ``bench/commitments_gold.py`` counts them, over the sentences a reader lists:
    a sentence the rules list has the rules' actors, one only the reader lists its subject's."""
    t = {"said": 0, "right": 0, "gold": 0, "found": 0, "strict_said": 0, "strict_right": 0}
    for row, listed in zip(rows, said, strict=True):
        if not (listed and row["y"]):
            continue
        actors = row["rule_actors"] if row["rule"] else row["subject_actors"]
        right = sum(cg._names_one(a, row["gold_actors"]) for a in actors)
        t["strict_said"] += len(actors)
        t["strict_right"] += right
        if row["gold_actors"]:
            t["said"] += len(actors)
            t["right"] += right
            t["gold"] += len(row["gold_actors"])
            t["found"] += sum(
                any(cg._names_one(a, [g]) for a in actors) for g in row["gold_actors"]
            )
    return {
        "actors_precision": cg._ratio(t["right"], t["said"]),
        "actors_recall": cg._ratio(t["found"], t["gold"]),
        "actors_precision_strict": cg._ratio(t["strict_right"], t["strict_said"]),
    }


def _strip_rule(x: dict) -> dict:
    return {k: v for k, v in x.items() if not k.startswith("bias_rule=")}


def _fit(rows: list[dict], with_rules: bool, c: float) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    xs = [r["x"] if with_rules else _strip_rule(r["x"]) for r in rows]
    model = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=2000))
    model.fit(xs, [r["y"] for r in rows])
    return model


def _probabilities(model: Any, rows: list[dict], with_rules: bool) -> list[float]:
    xs = [r["x"] if with_rules else _strip_rule(r["x"]) for r in rows]
    return [float(p) for p in model.predict_proba(xs)[:, 1]]


def out_of_fold(rows: list[dict], with_rules: bool, c: float) -> list[float]:
    """Each row's probability from a model fitted on the other golds' rows."""
    probs = [0.0] * len(rows)
    for gold in sorted({r["gold"] for r in rows}):
        train = [r for r in rows if r["gold"] != gold]
        model = _fit(train, with_rules, c)
        held = [i for i, r in enumerate(rows) if r["gold"] == gold]
        for i, p in zip(
            held, _probabilities(model, [rows[i] for i in held], with_rules), strict=True
        ):
            probs[i] = p
    return probs


def _tally(said: list[bool], gold: list[bool]) -> dict[str, int]:
    return {
        "said": sum(said),
        "right": sum(s and g for s, g in zip(said, gold, strict=True)),
        "gold": sum(gold),
    }


def _f1(t: dict[str, int]) -> float:
    return 2 * t["right"] / (t["said"] + t["gold"]) if t["said"] + t["gold"] else 0.0


def _lowest_precise(said_at: Any, gold: list[bool], rules: list[bool] | None = None) -> float:
    """The lowest threshold whose sentences (with ``rules``: those the rules do not list) are
    right at least :data:`TARGET` of the time (1.0: none is)."""
    for t in THRESHOLDS:
        said = said_at(t)
        if rules is not None:
            said = [s and not r for s, r in zip(said, rules, strict=True)]
        tally = _tally(said, gold)
        if tally["said"] and tally["right"] / tally["said"] >= TARGET:
            return t
    return 1.0


def thresholds(rows: list[dict], with_rules: bool, c: float) -> dict[str, float]:
    """The three thresholds, chosen on ``rows``' own out-of-fold probabilities."""
    probs = out_of_fold(rows, with_rules, c)
    gold = [r["y"] for r in rows]
    rules = [r["rule"] for r in rows]

    def above(t: float) -> list[bool]:
        return [p >= t for p in probs]

    best_and = max(
        [0.0, *THRESHOLDS],
        key=lambda t: (
            _f1(_tally([r and p >= t for r, p in zip(rules, probs, strict=True)], gold)),
            -t,
        ),
    )
    return {
        "model": _lowest_precise(above, gold),
        "or": _lowest_precise(above, gold, rules),
        "and": best_and,
    }


def decide(rows: list[dict], probs: list[float], cuts: dict[str, float]) -> dict[str, list[bool]]:
    """What each reader says of each row."""
    rules = [r["rule"] for r in rows]
    return {
        "rules": rules,
        "model": [p >= cuts["model"] for p in probs],
        "rules_or_model": [r or p >= cuts["or"] for r, p in zip(rules, probs, strict=True)],
        "rules_and_model": [r and p >= cuts["and"] for r, p in zip(rules, probs, strict=True)],
    }


def _figures(t: dict[str, int]) -> dict[str, str]:
    p = t["right"] / t["said"] if t["said"] else 0.0
    r = t["right"] / t["gold"] if t["gold"] else 0.0
    return {
        "precision": f"{t['right']}/{t['said']} = {p:.3f}",
        "recall": f"{t['right']}/{t['gold']} = {r:.3f}",
        "f1": f"{_f1(t):.3f}",
    }


def cross_validate(rows: list[dict], with_rules: bool, c: float) -> dict[str, Any]:
    """Leave one gold out: fit on five, choose thresholds on the five's inner out-of-fold
    probabilities, score the sixth; tallies summed over the folds, and each fold's."""
    total: dict[str, dict[str, int]] = {}
    folds: dict[str, Any] = {}
    curve: dict[float, dict[str, int]] = {}
    or_curve: dict[float, dict[str, int]] = {}
    for gold in TRAINING:
        train = [r for r in rows if r["gold"] != gold]
        test = [r for r in rows if r["gold"] == gold]
        cuts = thresholds(train, with_rules, c)
        probs = _probabilities(_fit(train, with_rules, c), test, with_rules)
        said = decide(test, probs, cuts)
        truth = [r["y"] for r in test]
        folds[gold] = {"thresholds": cuts}
        for t in CURVE:
            for k, v in _tally([p >= t for p in probs], truth).items():
                curve.setdefault(t, {"said": 0, "right": 0, "gold": 0})[k] += v
            union = [r["rule"] or p >= t for r, p in zip(test, probs, strict=True)]
            for k, v in _tally(union, truth).items():
                or_curve.setdefault(t, {"said": 0, "right": 0, "gold": 0})[k] += v
        for reader, says in said.items():
            t = _tally(says, truth)
            folds[gold][reader] = _figures(t)
            into = total.setdefault(reader, {"said": 0, "right": 0, "gold": 0})
            for k in into:
                into[k] += t[k]
    return {
        "all": {k: _figures(v) for k, v in total.items()},
        "model_curve": _curve(curve),
        "rules_or_model_curve": _curve(or_curve),
        "folds": folds,
    }


def _curve(curve: dict[float, dict[str, int]]) -> dict[str, str]:
    """A reader at each threshold of :data:`CURVE`: "P precision, R recall" (descriptive: no
    threshold is chosen from it)."""
    return {
        f"{t:.1f}": f"P {v['right']}/{v['said']}, R {v['right']}/{v['gold']}"
        for t, v in sorted(curve.items())
    }


def forward_fold(rows: list[dict], gold: str, with_rules: bool, c: float) -> dict[str, Any]:
    """Fit on the rows of the golds other than ``gold`` (thresholds from their inner
    out-of-fold probabilities) and score ``gold``."""
    train = [r for r in rows if r["gold"] != gold]
    test = [r for r in rows if r["gold"] == gold]
    cuts = thresholds(train, with_rules, c)
    probs = _probabilities(_fit(train, with_rules, c), test, with_rules)
    truth = [r["y"] for r in test]
    said = decide(test, probs, cuts)
    curve = {t: _tally([p >= t for p in probs], truth) for t in CURVE}
    or_curve = {
        t: _tally([r["rule"] or p >= t for r, p in zip(test, probs, strict=True)], truth)
        for t in CURVE
    }
    return {
        "thresholds": cuts,
        **{k: _figures(_tally(v, truth)) for k, v in said.items()},
        "model_curve": _curve(curve),
        "rules_or_model_curve": _curve(or_curve),
    }


def held_out_plan(nlp: Any, label: str, results: Path, held_out: str = "seventh") -> None:
    """The pre-registered test (``bench/results/commitments_learned_seventh_plan.md``): fit on
    the six tuning golds, thresholds from their leave-one-gold-out probabilities, without the
    rules' decision, C=1; score the held-out gold once. A: rules OR model, :func:`features`;
    B: rules OR model, the product's parse features; C: model alone, B's features. Counts
    only: no sentence is printed."""
    c = 1.0
    figures: dict[str, Any] = {"C": c, "with_rules": False}
    for name, kind, reader in (
        ("A_rules_or_model_spacy_features", "spacy", "rules_or_model"),
        ("B_rules_or_model_parse_features", "parse", "rules_or_model"),
        ("C_model_alone_parse_features", "parse", "model"),
    ):
        if kind not in figures.setdefault("_rows", {}):
            train = [row for gold in TRAINING for row in gold_rows(gold, nlp, kind)]
            test = gold_rows(held_out, nlp, kind)
            cuts = thresholds(train, False, c)
            probs = _probabilities(_fit(train, False, c), test, False)
            figures["_rows"][kind] = (test, cuts, probs)
        test, cuts, probs = figures["_rows"][kind]
        truth = [r["y"] for r in test]
        said = decide(test, probs, cuts)
        if "rules" not in figures:
            figures["rules"] = {
                **_figures(_tally(said["rules"], truth)),
                **actor_tally(test, said["rules"]),
            }
        figures[name] = {
            "threshold": cuts["or" if reader == "rules_or_model" else "model"],
            **_figures(_tally(said[reader], truth)),
            **actor_tally(test, said[reader]),
        }
    del figures["_rows"]
    keep(results, f"{label} ({held_out} gold)", figures, "bench/commitments_learned.py")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="current", help="name of this run in the results")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument(
        "--test",
        choices=("seventh",),
        help="fit the frozen configuration on the six golds and score the held-out seventh once",
    )
    parser.add_argument(
        "--reader",
        choices=("rules_or_model", "rules_and_model"),
        default="rules_or_model",
        help="with --test: the reader frozen for it",
    )
    parser.add_argument(
        "--without-rules", action="store_true", help="with --test: the rules' decision unread"
    )
    parser.add_argument(
        "--forward",
        choices=TRAINING[1:],
        help="fit on the golds before this one (in TRAINING's order) and score it: run from a "
        "checkout of the rules frozen before they were tuned on it (see the module doc)",
    )
    parser.add_argument(
        "--features",
        choices=("spacy", "parse"),
        default="spacy",
        help="spacy: a parse of the sentence alone (features()); parse: what the product "
        "holds (corroborate.annotate.next_steps)",
    )
    parser.add_argument(
        "--plan",
        action="store_true",
        help="score the three configurations of bench/results/commitments_learned_seventh_plan.md "
        "on the held-out seventh gold, once",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="the results file")
    args = parser.parse_args()
    import spacy

    from corroborate.annotate.nlp import spacy_model_name

    nlp = spacy.load(spacy_model_name())
    if args.forward:
        before = TRAINING[: TRAINING.index(args.forward)]
        rows = [row for gold in (*before, args.forward) for row in gold_rows(gold, nlp)]
        forward = {
            ("with_rules" if with_rules else "without_rules"): forward_fold(
                rows, args.forward, with_rules, args.c
            )
            for with_rules in (True, False)
        }
        keep(
            args.results,
            f"{args.label} (forward to the {args.forward} gold)",
            {"C": args.c, **forward},
            "bench/commitments_learned.py",
        )
        return
    if args.plan:
        held_out_plan(nlp, args.label, args.results)
        return
    rows = [row for gold in TRAINING for row in gold_rows(gold, nlp, args.features)]
    if args.test:
        with_rules = not args.without_rules
        cuts = thresholds(rows, with_rules, args.c)
        test = gold_rows(args.test, nlp)
        probs = _probabilities(_fit(rows, with_rules, args.c), test, with_rules)
        said = decide(test, probs, cuts)
        truth = [r["y"] for r in test]
        figures: dict[str, Any] = {
            "thresholds": cuts,
            "frozen_reader": args.reader,
            "with_rules": with_rules,
            "C": args.c,
            **{k: _figures(_tally(v, truth)) for k, v in said.items()},
        }
        keep(
            args.results,
            f"{args.label} ({args.test} gold)",
            figures,
            "bench/commitments_learned.py",
        )
        return
    figures = {
        "C": args.c,
        "with_rules": cross_validate(rows, True, args.c),
        "without_rules": cross_validate(rows, False, args.c),
    }
    keep(args.results, args.label, figures, "bench/commitments_learned.py")


if __name__ == "__main__":
    main()
