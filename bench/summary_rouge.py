"""ROUGE-2 of a story's summary against a reference, beside a LexRank summary of the same
articles, both cut to the same number of words.

    .venv/bin/python bench/summary_rouge.py --out bench/results/summary_rouge.json

Stories: the multi-event stories of ``bench/data/story-mixtures`` with a reference summary in
``bench/data/story-summaries`` (hand-written for these fictional stories: see its README; no
multi-document news set with human references could be had offline). Our summary is the
brief's (``corroborate brief`` on the story's folder), sentence texts in their order. LexRank
(Erkan and Radev, 2004), at the word budget and cut to our summary's length (ours has 5-10
sentences and is often shorter than the budget): TF-IDF cosine graph of every sentence of the story's articles, edges
from cosine 0.1, PageRank with damping 0.85; sentences taken by score, skipping one with
cosine 0.5 or more to one taken, until the word budget. ROUGE-2: bigrams of lower-cased word
tokens, recall, precision and F1, implemented here (Lin, 2004; no stemming, stop words kept).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
STORIES = ROOT / "bench" / "data" / "story-mixtures"
REFERENCES = ROOT / "bench" / "data" / "story-summaries"

from corroborate.text import tfidf_matrix

_WORD = re.compile(r"\w+", re.UNICODE)


def bigrams(text: str) -> Counter[tuple[str, str]]:
    words = _WORD.findall(text.lower())
    return Counter(zip(words, words[1:], strict=False))


def rouge2(candidate: str, reference: str) -> dict[str, float]:
    """ROUGE-2 recall, precision and F1 (clipped bigram counts)."""
    cand, ref = bigrams(candidate), bigrams(reference)
    overlap = sum((cand & ref).values())
    recall = overlap / max(1, sum(ref.values()))
    precision = overlap / max(1, sum(cand.values()))
    f1 = 2 * recall * precision / (recall + precision) if overlap else 0.0
    return {"recall": round(recall, 4), "precision": round(precision, 4), "f1": round(f1, 4)}


def cut(sentences: list[str], words: int) -> str:
    """The sentences in order until ``words`` words (the last one cut)."""
    out: list[str] = []
    for s in sentences:
        out += s.split()
        if len(out) >= words:
            break
    return " ".join(out[:words])


def lexrank(sentences: list[str], words: int) -> str:
    matrix = tfidf_matrix(sentences)
    sim = (matrix @ matrix.T).toarray()
    graph = (sim >= 0.1).astype(float)
    graph /= graph.sum(axis=1, keepdims=True)
    n = len(sentences)
    score = np.full(n, 1.0 / n)
    for _ in range(100):
        score = 0.15 / n + 0.85 * graph.T @ score
    taken: list[int] = []
    for i in np.argsort(-score, kind="stable"):
        if all(sim[i, j] < 0.5 for j in taken):
            taken.append(int(i))
        if sum(len(sentences[j].split()) for j in taken) >= words:
            break
    return cut([sentences[i] for i in taken], words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    from corroborate.pipeline import build_brief

    rows = []
    for reference in sorted(REFERENCES.glob("*.txt")):
        brief = build_brief([STORIES / reference.stem])
        story = brief.stories[0]
        ours = cut([f.sentence.text for f in story.summary], args.words)
        sentences = [s.text for a in brief.articles for s in a.sentences if len(s.text.split()) > 3]
        text = reference.read_text(encoding="utf-8")
        rows.append(
            {
                "story": reference.stem,
                "articles": len(story.article_ids),
                "events": len(story.events),
                "ours_words": len(ours.split()),
                "ours": rouge2(ours, text),
                "lexrank": rouge2(lexrank(sentences, args.words), text),
                "lexrank_same_length": rouge2(lexrank(sentences, len(ours.split())), text),
                "summary": [f.sentence.text for f in story.summary],
            }
        )
    result = {
        "words": args.words,
        "stories": rows,
        "mean_f1": {
            k: round(float(np.mean([r[k]["f1"] for r in rows])), 4)
            for k in ("ours", "lexrank", "lexrank_same_length")
        },
        "command": "python " + " ".join(sys.argv),
    }
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")


if __name__ == "__main__":
    main()
