"""Measure what the brief lists as next steps, on real news text: the hand-labelled gold in
``tests/data/gold/commitments_polnear.jsonl``.

    .venv/bin/python bench/commitments_gold.py [--label NAME] [--verbose]

The gold holds every sentence of the PolNeAR dev articles that says "will", "plans to",
"agreed to", "pledged", "vowed", "promised", "committed to", "stands ready", "going to",
"scheduled", "set to", "to be held" or "aims to" (and every sentence the extractor flagged
before this gold was made): 250 sentences, each labelled ``future_action`` (an actor committed
to, plans or is scheduled to do something that still lies ahead at the article's date; not a
prediction, a hope, a stance, a question, a negated intention or a past act) and, when it is
one, the ``actors`` (who commits: the subject's entity; empty when no named entity is the
subject, as "the campaign" or "demonstrators").

Figures, over the gold's sentences (a sentence the extractor gives several commitments counts
once):
* next steps P/R: sentences listed under "What happens next" (a commitment not marked
  ``earlier``) against the gold's future actions;
* any commitment P/R: the same, counting commitments marked ``earlier`` too;
* actors P/R: over next steps that are gold future actions with named actors, predicted
  actors that name a gold actor (a shared word of three letters or more), and gold actors
  named by a predicted one.

Articles are split in two halves as in ``bench/dates_gold.py`` (CRC32 of the file name): rules
were developed on the tune half; both halves are reported. Results go to
``bench/results/commitments_gold.json`` under ``--label``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from dates_gold import half, in_pass, load_articles
from labelled import keep

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.pipeline import run_article_stages
from corroborate.text import fold

GOLD = ROOT / "tests" / "data" / "gold" / "commitments_polnear.jsonl"
RESULTS = ROOT / "bench" / "results" / "commitments_gold.json"


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(name)) if len(w) >= 3}


def _names_one(predicted: str, gold: list[str]) -> bool:
    return any(_words(predicted) & _words(g) for g in gold)


def run(verbose: bool, whole: bool = False) -> dict:
    records = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line]
    articles = load_articles(records)
    if whole:
        in_pass(articles)
    found: dict[tuple[str, int], list] = {}
    for article in articles.values():
        run_article_stages(article)
        for c in article.commitments:
            found.setdefault((article.id, article.sentences[c.sentence].start), []).append(c)
    scores = {"tune": Counter(), "held_out": Counter()}
    for record in records:
        tally = scores[half(record["file"])]
        said = found.get((record["file"], record["start"]), [])
        shown = [c for c in said if not c.earlier]
        gold = record["future_action"]
        tally["gold"] += gold
        tally["shown"] += bool(shown)
        tally["shown_right"] += bool(shown) and gold
        tally["any"] += bool(said)
        tally["any_right"] += bool(said) and gold
        if shown and gold and record["actors"]:
            actors = [a for c in shown for a in c.actors]
            tally["actors_said"] += len(actors)
            tally["actors_right"] += sum(_names_one(a, record["actors"]) for a in actors)
            tally["actors_gold"] += len(record["actors"])
            tally["actors_found"] += sum(
                any(_names_one(a, [g]) for a in actors) for g in record["actors"]
            )
        if verbose and (bool(shown) != gold or (shown and gold)):
            mark = "OK " if bool(shown) == gold else ("FP " if shown else "FN ")
            who = [list(c.actors) for c in shown]
            print(
                f"{half(record['file']):8} {mark} gold {record['actors']} got {who} | {record['text'][:140]}"
            )
    return {name: _figures(t) for name, t in scores.items()}


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.3f}" if b else "0/0"


def _figures(t: Counter) -> dict[str, str]:
    return {
        "next_steps_precision": _ratio(t["shown_right"], t["shown"]),
        "next_steps_recall": _ratio(t["shown_right"], t["gold"]),
        "any_commitment_precision": _ratio(t["any_right"], t["any"]),
        "any_commitment_recall": _ratio(t["any_right"], t["gold"]),
        "actors_precision": _ratio(t["actors_right"], t["actors_said"]),
        "actors_recall": _ratio(t["actors_found"], t["actors_gold"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="current", help="name of this run in the results")
    parser.add_argument("--verbose", action="store_true", help="print every labelled sentence")
    parser.add_argument(
        "--in-pass",
        action="store_true",
        help="parse in spaCy's pass over each whole text, as the pipeline does",
    )
    args = parser.parse_args()
    figures = run(args.verbose, whole=args.in_pass)
    keep(RESULTS, args.label, figures, "bench/commitments_gold.py")


if __name__ == "__main__":
    main()
