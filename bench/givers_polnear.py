"""How many sums of money in PolNeAR's political news get a giver, and a seeded sample of them
to judge by hand (:attr:`corroborate.annotate.quantities.Quantity.giver`).

    PYTHONPATH=src .venv/bin/python bench/givers_polnear.py [--seed 20261206] [--size 20]
        [--out FILE]

Every PolNeAR text (train and dev, ``../shared/bench/polnear``) is read as the pipeline reads
it (spaCy sentences and entities, cached as :mod:`dates_gold` caches them, then
:func:`~corroborate.annotate.quantities.extract_quantities`); the figures of the text whose
unit is a currency are counted, those with a giver listed, and ``--size`` of them drawn at
random (``random.Random(seed)``) with their giver, measure and sentence, for a reader to say
whether the giver named is the one who gives the sum.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("BENCH_CACHE", "/tmp/corroborate-givers-bench")

from dates_gold import POLNEAR, load_articles  # noqa: E402

from corroborate.annotate.quantities import _MONEY_UNITS, extract_quantities  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--size", type=int, default=20)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    files = [
        {"file": p.stem, "polnear": split}
        for split in ("train", "dev")
        for p in sorted((POLNEAR / split / "text").glob("*.txt"))
    ]
    articles = load_articles(files)
    figures = 0
    money = []
    for record in files:
        article = articles[record["file"]]
        for q in extract_quantities(article):
            figures += 1
            if q.in_title or q.unit not in _MONEY_UNITS:
                continue
            sentence = article.sentences[q.sentence].text if q.sentence >= 0 else ""
            money.append(
                {
                    "key": f"{record['file']}:{q.start}",
                    "figure": q.text,
                    "giver": q.giver,
                    "measure": q.measure,
                    "sentence": " ".join(sentence.split()),
                }
            )
    given = [m for m in money if m["giver"]]
    rng = random.Random(args.seed)
    sample = rng.sample(given, min(args.size, len(given)))
    result = {
        "figures": figures,
        "sums_of_money": len(money),
        "with_a_giver": len(given),
        "seed": args.seed,
        "sample": sample,
        "command": "PYTHONPATH=src .venv/bin/python bench/givers_polnear.py"
        + f" --seed {args.seed} --size {args.size}"
        + (f" --out {args.out}" if args.out else ""),
    }
    text = json.dumps(result, indent=1, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{figures} figures, {len(money)} sums of money, {len(given)} with a giver")
    for k, m in enumerate(sample, 1):
        print(f"{k:2}. {m['figure']} | {m['giver']} | {m['measure']}\n    {m['sentence'][:200]}")


if __name__ == "__main__":
    main()
