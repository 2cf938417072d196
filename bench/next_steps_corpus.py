"""List every commitment the extractor finds over a corpus outside the commitments golds, and
compare two such lists: a rule's effect on text no gold labels.

    PYTHONPATH=src .venv/bin/python bench/next_steps_corpus.py --corpus polnear OUT.json
    PYTHONPATH=src .venv/bin/python bench/next_steps_corpus.py --corpus semeval OUT.json
    .venv/bin/python bench/next_steps_corpus.py --diff BEFORE.json AFTER.json

Corpora:
* ``polnear``: the PolNeAR train articles whose CRC32 leaves 1 to 6 or 24 to 29 divided by 30
  (326 files, :data:`OUTSIDE`), the remainders the earlier sessions read and no gold up to the
  sixth drew from;
* ``semeval``: every distinct English text of the SemEval-2022 Task 8 pairs, read as
  ``corroborate brief`` reads a plain-text file (:func:`semeval.read_as_brief_does`).

spaCy's spans are cached (``--cache``, a pickle, with the texts they were made from, so a
change in cleaning remakes them): they do not change with the rules measured.
The list is JSON, one record per commitment: article id, whether ``earlier``, kind, actors and
the sentence. ``--diff`` prints the counts before and after (all commitments; next steps, those
not ``earlier``) and every commitment added or gone, to be read one by one.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import zlib
from pathlib import Path

from dates_gold import POLNEAR, load_articles

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.annotate.nlp import annotate_spans, doc_spans, load_spacy
from corroborate.model import Article
from corroborate.pipeline import run_article_stages

# Remainders of CRC32 % 30 of the PolNeAR train files read here (the golds drew on 0 and
# 7-23).
OUTSIDE = frozenset(range(1, 7)) | frozenset(range(24, 30))


def polnear_articles() -> list[Article]:
    """The PolNeAR train articles of :data:`OUTSIDE`, dated and annotated as the gold bench
    reads them."""
    names = sorted(p.stem for p in (POLNEAR / "train" / "text").glob("*.txt"))
    names = [n for n in names if zlib.crc32(n.encode()) % 30 in OUTSIDE]
    articles = load_articles([{"file": n, "polnear": "train"} for n in names])
    return [articles[n] for n in names]


def semeval_articles(cache: Path) -> list[Article]:
    """Every distinct English SemEval text, read as ``brief`` reads it, with spaCy's spans."""
    from semeval import DATA, distinct_english, load, read_as_brief_does

    todo = distinct_english(read_as_brief_does(load(DATA))[0])
    # the cache holds the texts it was made from: a change in cleaning makes it stale
    texts = [a.text for a in todo]
    saved = pickle.loads(cache.read_bytes()) if cache.exists() else None
    if not isinstance(saved, dict) or saved.get("texts") != texts:
        nlp = load_spacy()
        saved = {"texts": texts, "spans": [doc_spans(d) for d in nlp.pipe(texts)]}
        cache.write_bytes(pickle.dumps(saved))
    return [annotate_spans(a, s) for a, s in zip(todo, saved["spans"], strict=True)]


def commitments(articles: list[Article]) -> list[dict[str, object]]:
    """Every commitment of the articles, as records."""
    out: list[dict[str, object]] = []
    for a in articles:
        run_article_stages(a)
        out.extend(
            {
                "id": a.id,
                "earlier": c.earlier,
                "kind": c.kind,
                "actors": list(c.actors),
                "text": c.text,
            }
            for c in a.commitments
        )
    return out


def diff(before: list[dict], after: list[dict]) -> list[str]:
    """The counts before and after, then each commitment added or gone."""

    def key(c: dict) -> tuple:
        return (c["id"], c["text"], c["earlier"], tuple(c["actors"]))

    old, new = {key(c) for c in before}, {key(c) for c in after}
    shown = [sum(not c["earlier"] for c in x) for x in (before, after)]
    lines = [f"commitments {len(before)} -> {len(after)}; next steps {shown[0]} -> {shown[1]}"]
    for mark, cs, other in (("ADDED", after, old), ("GONE ", before, new)):
        for c in cs:
            if key(c) not in other:
                tag = "earlier" if c["earlier"] else "next"
                lines.append(f"{mark} {tag} {c['kind']} {c['actors']} | {c['id']} | {c['text']}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("polnear", "semeval"), default="polnear")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path("/tmp/next_steps_semeval_spans.pkl"),
        help="spaCy spans of the SemEval texts (made on first use)",
    )
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("out", nargs="?", type=Path)
    args = parser.parse_args()
    if args.diff:
        before, after = (json.loads(p.read_text("utf-8")) for p in args.diff)
        print("\n".join(diff(before, after)))
        return
    if args.out is None:
        parser.error("give OUT (a JSON file to write) or --diff BEFORE AFTER")
    articles = polnear_articles() if args.corpus == "polnear" else semeval_articles(args.cache)
    found = commitments(articles)
    args.out.write_text(json.dumps(found, ensure_ascii=False, indent=0), "utf-8")
    print(f"{len(articles)} articles, {len(found)} commitments", file=sys.stderr)


if __name__ == "__main__":
    main()
