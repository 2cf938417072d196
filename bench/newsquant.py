"""Quantity extraction scored on NewsQuant dev (real news sentences tagged by CQE's authors).

    PYTHONPATH=src .venv/bin/python bench/newsquant.py [--gold PATH] [--out FILE] [-v [A|B]]

The gold is ``../shared/bench/newsquant-dev/newsquant_dev.json`` (295 sentences, 443
quantities; its README gives the conventions). Published value F1 on the whole NewsQuant set:
CQE 92.0, quantulum3 73.0.

**The matching rule** (as CQE's ``evaluate_models.py``, repository satya77/CQE_Evaluation, as
far as it can be followed): within one sentence, a predicted figure matches a gold one when
their values are equal by ``numpy.isclose`` (``rtol=1e-5``, ``atol=1e-8``); a range ("8 to
10", gold ``"8-10"``) matches only a range, both ends equal. Ours is strictly one-to-one: each
prediction and each gold quantity is used once (CQE removes a prediction only when its unit
matches too, so one prediction may credit two gold quantities of one value there; ours can
only score lower or equal). Precision = matched / predicted, recall = matched / gold.

Extra figures, on the matched pairs:

- *unit accuracy*: our unit read as the gold's ``normalized_unit`` (``%`` is ``percentage``,
  ``USD`` is ``dollar``...); a count (gold unit a noun such as ``people``, or ``-``) is right
  when we give no unit (we keep what is counted in ``measure``, not in ``unit``).
- *change agreement*: our qualifier read as the gold's ``change`` (``about`` is ``~``, ``more
  than`` is ``>``, ``up to`` is ``<``, none is ``=``); ``up``/``down`` (a rise or fall: "rose
  5 %") are a direction we do not record, scored as ``=``.

Cross-validation: the sentences are split into two halves by position (even rows A, odd rows
B); rules were developed looking at one half and checked on the other, then swapped. Every
figure is reported on the whole set and on each half.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.annotate.quantities import Quantity, extract_quantities  # noqa: E402
from corroborate.model import Article, Sentence  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "bench" / "newsquant-dev" / "newsquant_dev.json"
COMMAND = "PYTHONPATH=src /work/main/.venv/bin/python bench/newsquant.py --out bench/results/newsquant.json"

Value = float | tuple[float, float]

# How the rules were developed on the halves (value F1), as measured at each step: rules
# written looking at half A only, checked on B; then rules written looking at B, checked on A.
DEVELOPMENT = {
    "before (commit ddbdb50)": {"A": 0.802, "B": 0.803},
    "after developing on A only (B held out)": {"A": 0.907, "B": 0.901},
    "after developing on B too (A held out for that step)": {"A": 0.919, "B": 0.964},
    "now (later changes driven by other real data: SemEval, PolNeAR)": "see figures",
}

# Our unit -> NewsQuant's normalized_unit.
UNIT_NAMES = {
    "%": "percentage",
    "pp": "percentage point",
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "CNY": "chinese yuan",
    "JPY": "japanese yen",
    "INR": "indian rupee",
    "km": "kilometre",
    "m": "metre",
    "cm": "centimetre",
    "mm": "millimetre",
    "mi": "mile",
    "ft": "foot",
    "in": "inch",
    "yd": "yard",
    "km2": "square kilometre",
    "m2": "square metre",
    "mi2": "square mile",
    "kg": "kilogram",
    "g": "gram",
    "t": "ton",
    "L": "litre",
    "gal": "gallon",
    "mph": "mile per hour",
    "km/h": "kilometre per hour",
    "year": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "hour": "hour",
    "minute": "minute",
    "second": "second",
    "hp": "horsepower",
    "°": "degree",
    "°F": "fahrenheit",
    "°C": "celsius",
    "GB": "gigabyte",
    "MB": "megabyte",
    "TB": "terabyte",
    "Hz": "hertz",
    "kHz": "kilohertz",
    "MHz": "megahertz",
    "GHz": "gigahertz",
    "Mbps": "megabit per second",
    "Gbps": "gigabit per second",
    "W": "watt",
    "kW": "kilowatt",
    "MW": "megawatt",
    "GW": "gigawatt",
    "kWh": "kilowatt hour",
    "µm": "micrometre",
    "nm": "nanometre",
    "mL": "millilitre",
    "mg": "milligram",
    "lb": "pound-mass",
    "oz": "ounce",
    "bbl": "barrel",
    "m/s": "metre per second",
    "MYR": "malaysian ringgit",
    "ILS": "shekel",
    "AUD": "australian dollar",
    "CAD": "canadian dollar",
    "HKD": "hong kong dollar",
    "NZD": "new zealand dollar",
    "SGD": "singapore dollar",
    "cent": "cent",
    "pence": "penny",
    "point": "point",
    "kcal": "calorie",
}
CHANGE_OF_QUALIFIER = {
    None: "=",
    "record": "=",
    "about": "~",
    "some": "~",
    "nearly": "~",
    "more than": ">",
    "over": ">",
    "just over": ">",
    "at least": ">",
    "up to": "<",
    "fewer than": "<",
    "just under": "<",
}


@dataclass
class Tally:
    """Counts for one slice of the gold."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    unit_scored: int = 0
    unit_right: int = 0
    change_right: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float | int]:
        p = self.matched / self.predicted if self.predicted else 1.0
        r = self.matched / self.gold if self.gold else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
            "unit_accuracy": round(self.unit_right / self.unit_scored, 4)
            if self.unit_scored
            else None,
            "change_agreement": round(self.change_right / self.matched, 4)
            if self.matched
            else None,
        }


def gold_value(text: str) -> Value:
    """A gold value: ``"6.0"`` or a range ``"8.0-10.0"`` (a leading minus is a sign)."""
    if "-" in text[1:] and "E" not in text.upper():
        low, high = text[0] + text[1:].split("-", 1)[0], text[1:].split("-", 1)[1]
        return float(low), float(high)
    return float(text)


def predicted_value(q: Quantity) -> Value:
    if q.value is not None:
        return float(q.value)
    assert q.low is not None and q.high is not None
    return float(q.low), float(q.high)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8) or abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def values_match(gold: Value, predicted: Value) -> bool:
    """CQE's rule: equal values; a range matches only a range, both ends equal."""
    if isinstance(gold, tuple) != isinstance(predicted, tuple):
        return False
    if isinstance(gold, tuple) and isinstance(predicted, tuple):
        return _close(predicted[0], gold[0]) and _close(predicted[1], gold[1])
    assert isinstance(gold, float) and isinstance(predicted, float)
    return _close(predicted, gold)


def unit_right(q: Quantity, gold_unit: str) -> bool | None:
    """Whether our unit is the gold's; None when the gold's unit is one we do not name."""
    gold_unit = gold_unit.lower()
    if q.unit is None:
        return gold_unit not in UNIT_NAMES.values() and gold_unit != "year of age"
    name = UNIT_NAMES.get(q.unit, q.unit.lower())
    if gold_unit == "year of age":
        return q.unit == "year"
    if q.per:
        name = f"{name} per {q.per}"
    # NewsQuant names every dollar "dollar" unless the text says which
    return name == gold_unit or (name.endswith(" dollar") and gold_unit == "dollar")


def change_of(q: Quantity) -> str:
    return CHANGE_OF_QUALIFIER.get(q.qualifier, "=")


def sentence_article(index: int, text: str) -> Article:
    """One gold sentence as a one-sentence article."""
    article = Article(f"nq{index}", f"nq{index}", text, text=text)
    article.sentences = [Sentence(article.id, 0, 0, len(text), text)]
    return article


def score_sentence(index: int, record: dict, verbose: bool) -> Tally:
    predicted = extract_quantities(sentence_article(index, record["text"]))
    gold = record["quantities"]
    tally = Tally(predicted=len(predicted), gold=len(gold))
    left = list(predicted)
    missed = []
    for g in gold:
        gv = gold_value(g["value"])
        hit = next((q for q in left if values_match(gv, predicted_value(q))), None)
        if hit is None:
            missed.append(g)
            continue
        left.remove(hit)
        tally.matched += 1
        right = unit_right(hit, g["normalized_unit"])
        if right is not None:
            tally.unit_scored += 1
            tally.unit_right += int(right)
        tally.change_right += int(change_of(hit) == (g["change"] if g["change"] in "=~<>" else "="))
    if verbose and (missed or left):
        print(f"[{index}] {record['text']}")
        for g in missed:
            print(f"   missed  {g['value']} {g['unit']!r} ({g['change']})")
        for q in left:
            print(f"   extra   {predicted_value(q)} {q.text!r} unit={q.unit}")
    return tally


def run(records: Sequence[dict], verbose_half: str | None = None) -> dict[str, dict]:
    halves = {"A": Tally(), "B": Tally()}
    for i, record in enumerate(records):
        half = "A" if i % 2 == 0 else "B"
        halves[half].add(score_sentence(i, record, verbose=verbose_half in (half, "all")))
    whole = Tally()
    whole.add(halves["A"])
    whole.add(halves["B"])
    return {"all": whole.figures(), "A": halves["A"].figures(), "B": halves["B"].figures()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    parser.add_argument(
        "-v", dest="verbose", nargs="?", const="all", help="print misses (of half A, B or all)"
    )
    args = parser.parse_args(argv)
    records = json.loads(args.gold.read_text())
    figures = run(records, args.verbose)
    for name, f in figures.items():
        print(
            f"{name:>3}: value P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f} "
            f"(matched {f['matched']}, predicted {f['predicted']}, gold {f['gold']}); "
            f"unit accuracy {f['unit_accuracy']}; change agreement {f['change_agreement']}"
        )
    if args.out:
        result = {
            "command": COMMAND,
            "gold": str(args.gold),
            "matching": "per sentence, one-to-one, values equal by numpy.isclose(rtol=1e-5, "
            "atol=1e-8); a range matches only a range, both ends (CQE's rule, stricter)",
            "halves": "A = even rows, B = odd rows of the gold file",
            "anchors": {"CQE value F1": 0.920, "quantulum3 value F1": 0.730},
            "development": DEVELOPMENT,
            "figures": figures,
        }
        args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
