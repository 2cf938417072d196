"""Measure quote extraction, speaker attribution, quote alignment and name merging on the gold
stories in ``tests/data/gold/quotes_gold.jsonl``, with the real spaCy model.

    .venv/bin/python bench/quotes_gold.py [--embedder minilm|hashing] [--verbose]

Figures:
* quote content P/R: a predicted quote matches a gold quote of the same article when it covers
  at least half of the gold words' span;
* speaker P/R: over matched quotes; a gold speaker "" means an unnamed source (a predicted
  quote must then be unnamed); an organisation gold speaker matches by its folded name;
* entity merge pairwise P/R: over all pairs of gold person name forms of a story;
* alignment recall: pairs of versions the gold says are one quote that end up in one quote.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.annotate.nlp import annotate_doc, load_spacy
from corroborate.annotate.people import name_tokens
from corroborate.annotate.quotes import extract_quotes
from corroborate.compare.entities import EntityIndex, merge_entities, story_person_mentions
from corroborate.compare.quote_alignment import align_quotes
from corroborate.embed.load import load_embedder
from corroborate.model import Article, Entity
from corroborate.text import fold

GOLD = ROOT / "tests" / "data" / "gold" / "quotes_gold.jsonl"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _entity_of(entities: list[Entity], form: str) -> str | None:
    toks = name_tokens(form)
    for e in entities:
        if e.type == "PERSON" and any(name_tokens(v) == toks for v in e.variants):
            return e.id
    return None


def run(embedder_kind: str, verbose: bool) -> dict[str, float]:
    nlp = load_spacy()
    embedder = load_embedder(embedder_kind)
    totals = dict(
        pred=0,
        gold=0,
        matched_pred=0,
        matched_gold=0,
        spk_pred=0,
        spk_ok=0,
        pair_tp=0,
        pair_fp=0,
        pair_fn=0,
        align_ok=0,
        align_all=0,
    )
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        articles = []
        for rec in story["articles"]:
            a = Article(
                rec["id"], rec["id"], rec["text"], outlet=rec.get("outlet"), text=rec["text"]
            )
            annotate_doc(a, nlp(a.text))
            articles.append(a)
        persons = story_person_mentions(articles)
        entities = merge_entities(articles, persons)
        index = EntityIndex(entities)
        qm = {a.id: extract_quotes(a, persons[a.id]) for a in articles}
        quotes, _ = align_quotes(articles, qm, entities, embedder)
        version_quote = {}
        for q in quotes:
            for v in q.versions:
                version_quote[(v.article_id, (v.span.start, v.span.end))] = q
        texts = {a.id: a.text for a in articles}

        gold = []
        for g in story["quotes"]:
            s = texts[g["article_id"]].find(g["text"])
            gold.append({**g, "span": (s, s + len(g["text"]))})
        preds = [q for a in articles for q in qm[a.id]]
        totals["pred"] += len(preds)
        totals["gold"] += len(gold)
        matched_gold = set()
        for p in preds:
            hits = [
                i
                for i, g in enumerate(gold)
                if g["article_id"] == p.article_id
                and sum(_overlap(part, g["span"]) for part in p.parts)
                >= 0.5 * (g["span"][1] - g["span"][0])
            ]
            if not hits:
                if verbose:
                    print(f"  FP  {p.article_id} {p.speaker_name!r}: {p.text[:70]}")
                continue
            totals["matched_pred"] += 1
            for i in hits:
                if i in matched_gold:
                    continue
                matched_gold.add(i)
                g = gold[i]
                q = version_quote.get((p.article_id, (p.start, p.end)))
                eid = next(
                    (
                        v.speaker
                        for v in (q.versions if q else ())
                        if v.article_id == p.article_id
                        and (v.span.start, v.span.end) == (p.start, p.end)
                    ),
                    None,
                )
                if p.speaker_name:
                    totals["spk_pred"] += 1
                if g["speaker"] == "":
                    ok = not p.named
                elif _entity_of(entities, g["speaker"]):
                    ok = eid is not None and eid == _entity_of(entities, g["speaker"])
                else:
                    ok = bool(p.speaker_name) and fold(g["speaker"]) in fold(p.speaker_name)
                totals["spk_ok"] += ok
                if verbose and not ok:
                    print(
                        f"  SPK {p.article_id} gold={g['speaker']!r} pred={p.speaker_name!r} ({eid}): {p.text[:60]}"
                    )
        totals["matched_gold"] += len(matched_gold)
        if verbose:
            for i, g in enumerate(gold):
                if i not in matched_gold:
                    print(f"  FN  {g['article_id']} {g['speaker']!r}: {g['text'][:70]}")

        # entity merge, pairwise
        forms = [(f, n) for n, cluster in enumerate(story["entities"]) for f in cluster]
        for (f1, c1), (f2, c2) in itertools.combinations(forms, 2):
            e1, e2 = _entity_of(entities, f1), _entity_of(entities, f2)
            same_pred = e1 is not None and e1 == e2
            if same_pred and c1 == c2:
                totals["pair_tp"] += 1
            elif same_pred:
                totals["pair_fp"] += 1
                if verbose:
                    print(f"  MERGE-FP {f1} ~ {f2}")
            elif c1 == c2:
                totals["pair_fn"] += 1
                if verbose:
                    print(f"  MERGE-FN {f1} / {f2} ({e1}, {e2})")

        # alignment
        for group in story.get("same_quotes", []):
            ids = []
            for article_id, snippet in group:
                s = texts[article_id].find(snippet)
                span = (s, s + len(snippet))
                qid = next(
                    (
                        q.id
                        for q in quotes
                        for v in q.versions
                        if v.article_id == article_id
                        and any(_overlap((p.start, p.end), span) for p in v.parts)
                    ),
                    None,
                )
                ids.append(qid)
            for x, y in itertools.combinations(ids, 2):
                totals["align_all"] += 1
                totals["align_ok"] += x is not None and x == y
                if verbose and (x is None or x != y):
                    print(f"  ALIGN-FN {group} -> {ids}")
        del index

    def ratio(a: float, b: float) -> float:
        return a / b if b else 0.0

    return {
        "quote_precision": ratio(totals["matched_pred"], totals["pred"]),
        "quote_recall": ratio(totals["matched_gold"], totals["gold"]),
        "speaker_precision": ratio(totals["spk_ok"], totals["spk_pred"]),
        "speaker_recall": ratio(totals["spk_ok"], totals["gold"]),
        "merge_precision": ratio(totals["pair_tp"], totals["pair_tp"] + totals["pair_fp"]),
        "merge_recall": ratio(totals["pair_tp"], totals["pair_tp"] + totals["pair_fn"]),
        "alignment_recall": ratio(totals["align_ok"], totals["align_all"]),
        "gold_quotes": totals["gold"],
        "predicted_quotes": totals["pred"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--embedder", default="minilm", choices=["minilm", "hashing"])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    t = time.time()
    scores = run(args.embedder, args.verbose)
    for k, v in scores.items():
        print(f"{k:20s} {v:.3f}" if isinstance(v, float) else f"{k:20s} {v}")
    print(f"{'seconds':20s} {time.time() - t:.1f}")


if __name__ == "__main__":
    main()
