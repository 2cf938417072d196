"""Every sign of damaged wording on real news, listed for reading: how often each sign of
:mod:`corroborate.compare.wording` fires on every sentence of PolNeAR (train and dev) and of
the English texts of the SemEval-2022 Task 8 sample, with every sentence it fires on.

    PYTHONPATH=src .venv/bin/python bench/damaged_wording.py --out bench/results/damaged_wording.json

Sentences are split at a full stop, "!" or "?" (a closing quote mark may follow) before a
capital or a digit, and at line ends (fast, and close to the brief's own sentences; a split
after "Mr." makes a fragment now and then). Sentences of fewer than four words are skipped.
A sign is kept when the sentences it fires on read as damaged (a reader's judgement, in the
README and the commit that measured it); a sign that fires on none shows no false alarm there.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
BENCH = ROOT.parent / "shared" / "bench"

from corroborate.compare.wording import damaged_wording, garbled_wording  # noqa: E402

_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’]))\s+(?=[“\"‘]?[A-Z0-9])|\n+")


def texts() -> list[tuple[str, str]]:
    """(source, text) of every PolNeAR text and every distinct English SemEval text."""
    out = [
        ("polnear", p.read_text(encoding="utf-8"))
        for p in sorted(BENCH.glob("polnear/*/text/*.txt"))
    ]
    seen: set[str] = set()
    with (BENCH / "semeval2022-task8" / "training_set.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for key, language in (("text1", "lang1"), ("text2", "lang2")):
                if row[language] == "en" and row[key].strip() and row[key] not in seen:
                    seen.add(row[key])
                    out.append(("semeval", row[key]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    sentences = [
        (source, s.strip())
        for source, text in texts()
        for s in _SPLIT.split(text)
        if len(s.split()) >= 4
    ]
    hits: dict[str, list[str]] = {}
    by_source: Counter[str] = Counter()
    for source, sentence in sentences:
        why = damaged_wording(sentence)
        if why is not None:
            sign = why.split(" (")[0]
            kind = "garbled" if garbled_wording(sentence) else "slip"
            hits.setdefault(f"{kind}: {sign}", []).append(f"[{source}] {sentence}")
            by_source[source] += 1
    result = {
        "sentences": len(sentences),
        "by_source": dict(Counter(s for s, _ in sentences)),
        "hits": {sign: len(found) for sign, found in sorted(hits.items())},
        "hits_by_source": dict(by_source),
        "sentences_hit": {sign: found for sign, found in sorted(hits.items())},
        "command": "PYTHONPATH=src .venv/bin/python bench/damaged_wording.py"
        + (f" --out {args.out}" if args.out else ""),
    }
    out = json.dumps(result, indent=1, ensure_ascii=False)
    if args.out:
        args.out.write_text(out + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
