"""The sentences the product of a checkout lists as next steps in each commitments gold: run
from an older commit's code to see what it listed on a gold before any rule was tuned on it.

    git archive COMMIT src bench | tar -x -C DIR   # and ../shared beside DIR
    cp bench/next_steps_listed.py DIR/bench/
    cd DIR && PYTHONPATH=src:bench python bench/next_steps_listed.py OUT.json \
        --golds /path/to/this/tests/data/gold

(run from the checkout's own ``bench``: its ``dates_gold`` puts its own ``src`` first).

Each gold of ``--golds`` (``commitments_polnear.jsonl`` as ``dev``, ``commitments_polnear_NAME.
jsonl`` as NAME) is read with the checkout's ``dates_gold.load_articles`` and article stages;
the output maps each gold to ``FILE|START`` of every sentence in which a commitment not marked
``earlier`` stands. ``bench/next_steps_filter.py --listed-at GOLD=OUT.json`` reads it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dates_gold import load_articles

from corroborate.pipeline import run_article_stages

NAMES = [
    "dev",
    "train",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--golds", type=Path, required=True, help="the golds' directory")
    args = parser.parse_args()
    listed: dict[str, list[str]] = {}
    for gold in NAMES:
        name = "commitments_polnear" + ("" if gold == "dev" else f"_{gold}") + ".jsonl"
        lines = (args.golds / name).read_text("utf-8").splitlines()
        articles = load_articles([json.loads(line) for line in lines if line])
        found = set()
        for article in articles.values():
            run_article_stages(article)
            for c in article.commitments:
                if not c.earlier:
                    found.add(f"{article.id}|{article.sentences[c.sentence].start}")
        listed[gold] = sorted(found)
    args.out.write_text(json.dumps(listed, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
