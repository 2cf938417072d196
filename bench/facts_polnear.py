"""The facts a brief of real, undated articles cites to more than one outlet, listed to be
judged by hand: do the cited sentences report the same happening?

    PYTHONPATH=src /work/main/.venv/bin/python bench/facts_polnear.py --start 0 --count 100 \\
        [--out FILE]

The articles are PolNeAR texts (``../shared/bench/polnear/*/text``, sorted by path and
shuffled with ``random.Random(7)``), the slice ``[start, start + count)``, briefed from their
text alone (no manifest: no outlet, no date, as a user's folder of files is read). Every fact
with more than one outlet is printed with its sentences; the judgements (right, doubtful,
wrong) are written in ``bench/results/facts_polnear.json`` beside the command. Slices used:
0-100 (developed on), 100-250 and 250-450 (read after the rules were written).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
POLNEAR = ROOT.parent / "shared" / "bench" / "polnear"

from corroborate.pipeline import build_brief  # noqa: E402


def sample(start: int, count: int) -> list[Path]:
    """The PolNeAR texts of the slice, in the shuffled order every run shares."""
    texts = sorted(POLNEAR.glob("*/text/*.txt"))
    random.Random(7).shuffle(texts)
    return texts[start : start + count]


def multi_outlet_facts(paths: list[Path]) -> list[list[dict[str, str]]]:
    """Each fact of the brief of ``paths`` with more than one outlet: its sentences."""
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            shutil.copy(path, Path(tmp) / path.name)
        brief = build_brief([tmp])
    return [
        [{"article": m.article_id, "text": m.text} for m in fact.members]
        for story in brief.stories
        for fact in story.facts
        if fact.outlets > 1
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    facts = multi_outlet_facts(sample(args.start, args.count))
    for fact in facts:
        for member in fact:
            print(f"{member['article'][:30]} | {member['text'][:200]}")
        print("--")
    print(f"{len(facts)} facts with more than one outlet")
    if args.out:
        result = {"start": args.start, "count": args.count, "facts": facts}
        args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
