"""Every verdict the brief shows on a pile of real news nobody here wrote, listed for reading.

    PYTHONPATH=src .venv/bin/python bench/pile_verdicts.py [--language en] [--out FILE]

The distinct texts of one language in the SemEval-2022 Task 8 sample (its same-story pairs
and its different-story pairs, all mixed: the pile a newsroom's intake looks like) are briefed
as one run, as ``corroborate brief`` would from a JSON Lines file (no outlets, no dates are
known). The output lists every disagreement shown (number, role, attribution, date) with the
text around each claim, and counts them by kind, for a reader to judge: a benchmark of
precision where no gold exists. It also counts, over the sample's pairs of that language,
how often a same-story pair (``Overall <= 2``) ends up in one story and a different-story pair
(``Overall >= 3``) in two.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "bench" / "semeval2022-task8" / "training_set.csv"

from corroborate.annotate.nlp import load_spacy  # noqa: E402
from corroborate.embed.load import load_embedder  # noqa: E402
from corroborate.out.render import to_dict  # noqa: E402
from corroborate.pipeline import build_brief  # noqa: E402

CONTEXT = 160  # characters shown each side of a claim


def pile(language: str) -> tuple[list[dict[str, str]], list[tuple[str, str, float]]]:
    """The distinct texts of ``language`` (id from the pair id) and the pairs between them."""
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts: dict[str, dict[str, str]] = {}
    pairs = []
    for row in rows:
        ids = [re.sub(r"\W", "", part) for part in row["pair_id"].split("_")]
        langs = [row["lang1"], row["lang2"]]
        for k, key in enumerate(("text1", "text2")):
            if langs[k] == language and row[key].strip():
                texts.setdefault(ids[k], {"id": f"t{ids[k]}", "text": row[key]})
        if langs == [language, language]:
            pairs.append((f"t{ids[0]}", f"t{ids[1]}", float(row["Overall"])))
    return list(texts.values()), pairs


def around(text: str, start: int, end: int) -> str:
    return text[max(0, start - CONTEXT) : end + CONTEXT].replace("\n", " | ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", default="en")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    records, pairs = pile(args.language)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pile.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        started = time.perf_counter()
        brief = build_brief([str(path)], nlp=load_spacy(), embedder=load_embedder("minilm"))
        seconds = time.perf_counter() - started
    document = to_dict(brief)
    text_of = {a.id: a.text for a in brief.articles}
    verdicts = []
    for story in brief.stories:
        for conflict in story.conflicts:
            claims = [
                {
                    "value": claim.value,
                    "article_ids": list(claim.article_ids),
                    "text": [
                        around(text_of[s.article_id], s.start, s.end) for s in claim.spans[:2]
                    ],
                }
                for claim in conflict.claims
            ]
            verdicts.append(
                {
                    "story": story.id,
                    "kind": conflict.kind,
                    "subject": conflict.subject,
                    "note": conflict.note,
                    "claims": claims,
                }
            )
    story_of = {a: s["id"] for s in document["stories"] for a in s["article_ids"]}
    grouped: Counter[str] = Counter()
    for a, b, overall in pairs:
        if a in story_of and b in story_of:
            same = overall <= 2
            together = story_of[a] == story_of[b]
            grouped[
                f"{'same' if same else 'different'}_story_pairs_{'together' if together else 'apart'}"
            ] += 1
    result = {
        "language": args.language,
        "articles": len(document["articles"]),
        "stories": len(document["stories"]),
        "seconds": round(seconds, 1),
        "verdicts_by_kind": dict(Counter(v["kind"] for v in verdicts)),
        "pairs": dict(sorted(grouped.items())),
        "verdicts": verdicts,
        "command": "PYTHONPATH=src .venv/bin/python bench/pile_verdicts.py "
        f"--language {args.language}" + (f" --out {args.out}" if args.out else ""),
    }
    out = json.dumps(result, indent=1, ensure_ascii=False)
    if args.out:
        args.out.write_text(out + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
