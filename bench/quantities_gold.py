"""Precision and recall of quantity and date extraction on the hand-made gold set.

    .venv/bin/python bench/quantities_gold.py [tests/data/gold/quantities_gold.jsonl] [-v]

A quantity matches when its value (or its low/high bounds, for a range) equals a gold one in
the same sentence (relative tolerance 1e-9); a date matches when its verbatim text and its
resolution (``resolved`` and ``precision``) equal a gold one. Each gold item matches at most
one prediction. Dates are resolved against the row's ``published`` date.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.annotate.dates import extract_dates
from corroborate.annotate.quantities import extract_quantities
from corroborate.model import Article, Sentence

DEFAULT = ROOT / "tests" / "data" / "gold" / "quantities_gold.jsonl"


def _article(row: dict) -> Article:
    text = row["text"]
    article = Article(row["id"], row["id"], text, text=text, published=row.get("published"))
    article.sentences = [Sentence(row["id"], 0, 0, len(text), text)]
    return article


def _key(item: dict) -> tuple[float | None, float | None, float | None]:
    return item.get("value"), item.get("low"), item.get("high")


def _same(a: tuple, b: tuple) -> bool:
    return all(
        (x is None and y is None)
        or (x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9))
        for x, y in zip(a, b, strict=True)
    )


def _match(predicted: list, gold: list, same) -> int:
    left = list(gold)
    hits = 0
    for p in predicted:
        for i, g in enumerate(left):
            if same(p, g):
                hits += 1
                del left[i]
                break
    return hits


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [a for a in argv if not a.startswith("-")]
    path = Path(paths[0]) if paths else DEFAULT
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    q_tp = q_pred = q_gold = 0
    d_tp = d_pred = d_gold = 0
    for row in rows:
        article = _article(row)
        predicted = [(q.value, q.low, q.high) for q in extract_quantities(article)]
        gold = [_key(g) for g in row["quantities"]]
        tp = _match(predicted, gold, _same)
        q_tp, q_pred, q_gold = q_tp + tp, q_pred + len(predicted), q_gold + len(gold)
        dates = [(d.text, d.resolved, d.precision) for d in extract_dates(article)]
        gold_dates = [(g["text"], g["resolved"], g["precision"]) for g in row["dates"]]
        dtp = _match(dates, gold_dates, lambda a, b: a == b)
        d_tp, d_pred, d_gold = d_tp + dtp, d_pred + len(dates), d_gold + len(gold_dates)
        if verbose and (
            tp != len(predicted) or tp != len(gold) or dtp != len(dates) or dtp != len(gold_dates)
        ):
            print(f"{row['id']}: {row['text']}")
            print(f"   quantities predicted {predicted}\n   quantities gold      {gold}")
            print(f"   dates predicted {dates}\n   dates gold      {gold_dates}")
    qp, qr, qf = _prf(q_tp, q_pred, q_gold)
    dp, dr, df = _prf(d_tp, d_pred, d_gold)
    print(
        f"gold: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} "
        f"({len(rows)} sentences)"
    )
    print(
        f"quantities  precision {qp:.3f}  recall {qr:.3f}  F1 {qf:.3f}  "
        f"(tp {q_tp}, predicted {q_pred}, gold {q_gold})"
    )
    print(
        f"dates       precision {dp:.3f}  recall {dr:.3f}  F1 {df:.3f}  "
        f"(tp {d_tp}, predicted {d_pred}, gold {d_gold})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
