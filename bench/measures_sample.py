"""A seeded sample of the figures PolNeAR's political news states, each with the label that says
what it measures (:attr:`corroborate.annotate.quantities.Quantity.measure`), to be judged by
hand.

    PYTHONPATH=src .venv/bin/python bench/measures_sample.py --seed 1 [--size 100] [--json]
    PYTHONPATH=src .venv/bin/python bench/measures_sample.py --seed 2 --judged \\
        bench/results/measures_sample.json --label before

The PolNeAR texts (train and dev, ``../shared/bench/polnear``) are put in one fixed order (by
CRC32 of the file name); seed ``s`` takes the ``s``-th block of :data:`BLOCK` articles, so two
seeds never share an article, reads them as the pipeline does (spaCy sentences and entities,
then :func:`corroborate.annotate.quantities.extract_quantities`) and draws ``--size`` of their
figures at random (``random.Random(seed)``). Each line prints the figure, its measure and its
sentence. Seed 1 is the development sample (rules are written looking at it); seed 2 is held
out: judged once before any change and once after all of them, never read while writing rules.

With ``--judged FILE --label NAME`` the sample is checked against the hand judgements stored
in FILE under NAME (``right``: the label says what the figure counts or measures; ``wrong``:
it says something else, or nonsense; ``empty``: no label, though the sentence says plainly
what the figure counts; ``empty_ok``: no label, and the sentence does not say it plainly, as
"it was 30"): the counts are printed, with every figure whose label changed since the
judgement (its judgement then no longer applies and the figure is judged again).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("BENCH_CACHE", "/tmp/corroborate-measures-bench")

from dates_gold import POLNEAR, load_articles  # noqa: E402

from corroborate.annotate.quantities import extract_quantities  # noqa: E402

BLOCK = 40  # articles per seed


def sample(seed: int, size: int) -> list[dict]:
    """The seed's figures: article, span, figure, measure and sentence of each."""
    files = [
        {"file": p.stem, "polnear": split}
        for split in ("train", "dev")
        for p in sorted((POLNEAR / split / "text").glob("*.txt"))
    ]
    files.sort(key=lambda r: (zlib.crc32(r["file"].encode()), r["file"]))
    block = files[(seed - 1) * BLOCK : seed * BLOCK]
    articles = load_articles(block)
    figures = []
    for record in block:
        article = articles[record["file"]]
        for q in extract_quantities(article):
            if q.in_title:
                continue
            s = article.sentences[q.sentence] if q.sentence >= 0 else None
            figures.append(
                {
                    "key": f"{record['file']}:{q.start}",
                    "figure": q.text,
                    "measure": q.measure,
                    "sentence": " ".join((s.text if s else "").split()),
                }
            )
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(len(figures)), min(size, len(figures))))
    return [figures[i] for i in chosen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--json", action="store_true", help="print JSON, one figure a line")
    parser.add_argument("--judged", type=Path, help="hand judgements to check against")
    parser.add_argument("--label", default="before", help="which judgement in --judged")
    args = parser.parse_args()
    figures = sample(args.seed, args.size)
    if args.judged:
        judged = json.loads(args.judged.read_text("utf-8"))[args.label]
        marks = {j["key"]: j for j in judged["figures"]}
        counts: Counter[str] = Counter()
        for f in figures:
            j = marks.get(f["key"])
            if j is None or j["measure"] != f["measure"]:
                counts["to judge"] += 1
                was = f"(was {j['measure']!r}: {j['judgement']})" if j else "(new)"
                print(f"{f['key']}\t{f['figure']!r} -> {f['measure']!r} {was}\t{f['sentence']}")
            else:
                counts[j["judgement"]] += 1
        print(json.dumps(dict(sorted(counts.items()))))
        return
    for n, f in enumerate(figures):
        if args.json:
            print(json.dumps({"n": n, **f}, ensure_ascii=False))
        else:
            print(f"{n}\t{f['key']}\t{f['figure']!r} -> {f['measure']!r}\n\t{f['sentence']}")


if __name__ == "__main__":
    main()
