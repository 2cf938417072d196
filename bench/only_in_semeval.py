"""How often an "only in X" line names what the other outlet also says, on real same-story
pairs of English news (SemEval-2022 Task 8 sample, ``Overall <= 2``).

    PYTHONPATH=src .venv/bin/python bench/only_in_semeval.py [--max-overall 2] [--out FILE]

Each pair's two texts are briefed as one story (two articles of no known outlet, so each is
its own source). Every "only in" line is then checked against the other article of its pair:

* ``quoted``: the line holds quoted words (5+ words in quote marks) and the other article
  quotes a passage whose MiniLM cosine to the line's quoted words is 0.8 or more (the same
  quote, maybe in other words);
* ``shared``: the line and the other article's text have 6 words in a row in common (a
  quote's words, a phrase of the same wire copy);
* ``close``: the other article has a sentence whose MiniLM cosine with the line is 0.8 or more
  (a paraphrase, or the same sentence).

A flagged line is a candidate false "only in" claim (the figures are an upper bound of the
errors: a close sentence may still say something else); ``--verbose`` prints each flagged
line with its nearest sentence of the other article, for reading. The texts are cut to about
1,000 characters (head and tail), so a quote may be cut too.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "bench" / "semeval2022-task8" / "training_set.csv"

import numpy as np

from corroborate.annotate.nlp import load_spacy
from corroborate.annotate.quote_marks import find_quoted_spans
from corroborate.embed.load import load_embedder
from corroborate.pipeline import brief_story, build_brief
from corroborate.text import fold

CLOSE = 0.8
RUN = 5


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _shares_run(a: str, b: str, run: int = RUN) -> bool:
    """Whether ``a`` and ``b`` have ``run`` words in a row in common."""
    wa, wb = _words(a), _words(b)
    grams = {tuple(wb[k : k + run]) for k in range(len(wb) - run + 1)}
    return any(tuple(wa[k : k + run]) in grams for k in range(len(wa) - run + 1))


def _quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quoted_spans(text) if len(text[s:e].split()) >= RUN]


def score_pair(row: dict[str, str], nlp, embedder, verbose: bool) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        for k in ("1", "2"):
            Path(tmp, f"{row['pair_id'].replace('_', '-')}-{k}.txt").write_text(
                row[f"text{k}"], "utf-8"
            )
        brief = build_brief([Path(tmp)], nlp=nlp, embedder=embedder)
    articles = [a for a in brief.articles if a.not_news is None]
    counts = {"pairs": 1, "lines": 0, "quoted": 0, "shared": 0, "close": 0, "flagged": 0}
    if len(articles) != 2:
        counts["pairs"] = 0
        return counts
    story = next((s for s in brief.stories if len(s.article_ids) == 2), None)
    if story is None:
        story = brief_story(articles, embedder)
    for facts in story.only_in.values():
        for fact in facts:
            line = fact.sentence
            other = next(a for a in articles if a.id != line.article_id)
            counts["lines"] += 1
            texts = [s.text for s in other.sentences]
            if not texts:
                continue
            vectors = np.asarray(embedder.encode([line.text, *texts]))
            cos = vectors[1:] @ vectors[0]
            best = int(np.argmax(cos))
            quoted = False
            shared = _shares_run(line.text, other.text, RUN + 1)
            for q in _quoted(line.text):
                theirs = _quoted(other.text)
                if theirs:
                    qv = np.asarray(embedder.encode([q, *theirs]))
                    if float(np.max(qv[1:] @ qv[0])) >= CLOSE:
                        quoted = True
                        break
            close = float(cos[best]) >= CLOSE
            counts["quoted"] += quoted
            counts["shared"] += shared
            counts["close"] += close
            counts["flagged"] += quoted or shared or close
            if verbose and (quoted or shared or close):
                flags = f"{'Q' if quoted else ' '}{'S' if shared else ' '}{'C' if close else ' '}"
                print(f"[{row['pair_id']}] {flags}")
                print(f"   only in {line.article_id}: {line.text[:300]!r}")
                print(f"   other ({cos[best]:.2f}): {texts[best][:300]!r}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-overall", type=float, default=2.0)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--out")
    args = parser.parse_args()
    with DATA.open(encoding="utf-8") as f:
        rows = [
            r
            for r in csv.DictReader(f)
            if r["lang1"] == "en" and r["lang2"] == "en" and float(r["Overall"]) <= args.max_overall
        ]
    nlp, embedder = load_spacy(), load_embedder("minilm")
    total = {"pairs": 0, "lines": 0, "quoted": 0, "shared": 0, "close": 0, "flagged": 0}
    for row in rows:
        for key, value in score_pair(row, nlp, embedder, args.verbose).items():
            total[key] += value
    result = {**total, "max_overall": args.max_overall, "close_cosine": CLOSE, "run": RUN}
    print(json.dumps(result, indent=2))
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
