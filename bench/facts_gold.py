"""Measure how facts group sentences across articles, on the gold facts in
``tests/data/gold/facts_gold.jsonl`` (the bundled example and, when present, the seed story).

    .venv/bin/python bench/facts_gold.py [--embedder minilm|hashing] [--verbose]

Each gold fact names, per article, a piece of the sentence that reports it. A sentence may
report several gold facts (compound sentences), so the figures are over sentence pairs from
different articles:

* link recall: pairs that share a gold fact and end up in one fact;
* link precision: of the annotated pairs put in one fact, those that share a gold fact;
* whole facts: gold facts whose sentences all end up in one fact;
* summary citations: for summary sentences that report a gold fact, the share of that gold
  fact's articles the summary sentence cites (the issue's "cite every outlet that agrees");
* false merges: of the pairs the gold marks ``distinct`` (related sentences that make
  different claims, so neither may cite the other), those put in one fact anyway.

Our own gold, written by us and used while tuning: the figures are optimistic.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.annotate.nlp import load_spacy
from corroborate.compare.facts import facts_of_sentences
from corroborate.embed.load import load_embedder
from corroborate.pipeline import build_brief

GOLD = ROOT / "tests" / "data" / "gold" / "facts_gold.jsonl"


def load_gold() -> dict[str, list[dict]]:
    by_corpus: dict[str, list[dict]] = defaultdict(list)
    for line in GOLD.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_corpus[record["corpus"]].append(record)
    return by_corpus


def _find(brief, article_prefix: str, piece: str) -> tuple[str, int]:
    for article in brief.articles:
        if article.id.startswith(article_prefix):
            for s in article.sentences:
                if piece in s.text:
                    return article.id, s.index
            raise LookupError(f"{piece!r} is in no sentence of {article.id}")
    raise LookupError(f"no article {article_prefix!r}")


def score_corpus(path: Path, gold: list[dict], nlp, embedder, verbose: bool) -> dict[str, int]:
    brief = build_brief([path], nlp=nlp, embedder=embedder)
    fact_of: dict[tuple[str, int], int] = {}
    summary_sources: dict[tuple[str, int], set[str]] = {}
    for story in brief.stories:
        # every sentence of a fact's units (a quote's sentences are one unit) is its fact's
        for key, k in facts_of_sentences(story.facts, brief.articles).items():
            fact_of[key] = id(story.facts[k])
        told = [replace(f, members=[f.sentence]) for f in story.summary]  # as shown
        for key, k in facts_of_sentences(told, brief.articles).items():
            summary_sources[key] = set(told[k].sources)
    distinct = [r for r in gold if "distinct" in r]
    gold = [r for r in gold if "fact" in r]
    facts_of_sentence: dict[tuple[str, int], set[int]] = defaultdict(set)
    gold_sentences = []
    for g, record in enumerate(gold):
        keys = [_find(brief, x["article"], x["contains"]) for x in record["sentences"]]
        gold_sentences.append(keys)
        for key in keys:
            facts_of_sentence[key].add(g)
    counts = dict(
        gold_links=0,
        found_links=0,
        linked=0,
        linked_right=0,
        whole=0,
        facts=len(gold),
        cited=0,
        to_cite=0,
        distinct=len(distinct),
        merged_distinct=0,
    )
    for record in distinct:
        a, b = (_find(brief, x["article"], x["contains"]) for x in record["sentences"])
        merged = fact_of.get(a) is not None and fact_of.get(a) == fact_of.get(b)
        counts["merged_distinct"] += merged
        if verbose and merged:
            print(f"  falsely merged: {record['distinct']}")
    for a, b in itertools.combinations(sorted(facts_of_sentence), 2):
        if a[0] == b[0]:
            continue
        same_gold = bool(facts_of_sentence[a] & facts_of_sentence[b])
        together = fact_of.get(a) is not None and fact_of.get(a) == fact_of.get(b)
        counts["gold_links"] += same_gold
        counts["found_links"] += same_gold and together
        counts["linked"] += together
        counts["linked_right"] += together and same_gold
        if verbose and together and not same_gold:
            names = [gold[g]["fact"] for g in sorted(facts_of_sentence[a] | facts_of_sentence[b])]
            print(f"  wrongly linked: {a[0][:12]} / {b[0][:12]}: {names}")
    for record, keys in zip(gold, gold_sentences, strict=True):
        whole = len({fact_of.get(k) for k in keys}) == 1
        counts["whole"] += whole
        articles = {k[0] for k in keys}
        for key in keys:
            if key in summary_sources:
                counts["to_cite"] += len(articles)
                counts["cited"] += len(articles & summary_sources[key])
        if verbose and not whole:
            groups = defaultdict(list)
            for k in keys:
                groups[fact_of.get(k)].append(k[0][:12])
            print(f"  split: {record['fact']}: {list(groups.values())}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    nlp, embedder = load_spacy(), load_embedder(args.embedder)
    total: dict[str, int] = defaultdict(int)
    for corpus, gold in load_gold().items():
        path = (ROOT / corpus).resolve()
        if not path.exists():
            print(f"skipped {corpus}: not found")
            continue
        counts = score_corpus(path, gold, nlp, embedder, args.verbose)
        print(f"{corpus}: {json.dumps(counts)}")
        for key, value in counts.items():
            total[key] += value
    result = {
        "link_recall": total["found_links"] / max(1, total["gold_links"]),
        "link_precision": total["linked_right"] / max(1, total["linked"]),
        "whole_facts": f"{total['whole']}/{total['facts']}",
        "summary_citation_recall": total["cited"] / max(1, total["to_cite"]),
        "false_merges": f"{total['merged_distinct']}/{total['distinct']}",
        "embedder": args.embedder,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
