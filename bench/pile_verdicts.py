"""Every verdict the brief shows on a pile of real news nobody here wrote, listed for reading.

    PYTHONPATH=src .venv/bin/python bench/pile_verdicts.py [--language en] [--out FILE]

The distinct texts of one language in the SemEval-2022 Task 8 sample (its same-story pairs
and its different-story pairs, all mixed: the pile a newsroom's intake looks like) are briefed
as one run, as ``corroborate brief`` would from a JSON Lines file (no outlets, no dates are
known). ``--polnear`` briefs instead the 924 PolNeAR texts (train and dev: US political news of 2015-16
from seven publishers) with what ``metadata.tsv`` gives of each (outlet, date, title), as a
newsroom's dated intake would come; there the facts that the brief counts as reported by
several independent outlets are listed too, with the sentence of each source, to be judged.
``--stories-by-meaning`` groups the stories as ``brief --stories-by-meaning`` does (with the
leads' embeddings too). The output lists every disagreement shown (number, role, attribution, date) with the
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
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "bench" / "semeval2022-task8" / "training_set.csv"
POLNEAR = ROOT.parent / "shared" / "bench" / "polnear"

from corroborate.annotate.nlp import load_spacy  # noqa: E402
from corroborate.embed.load import load_embedder  # noqa: E402
from corroborate.engines.local import LocalEngine  # noqa: E402
from corroborate.out.render import to_dict  # noqa: E402
from corroborate.pipeline import build_brief  # noqa: E402

CONTEXT = 160  # characters shown each side of a claim


def pile(language: str) -> tuple[list[dict[str, str]], list[tuple[str, str, float]]]:
    """The distinct texts of ``language`` (id from the pair id; ``other``: every language but
    English, as one pile) and the pairs between them."""

    def wanted(code: str) -> bool:
        return code != "en" if language == "other" else code == language

    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts: dict[str, dict[str, str]] = {}
    pairs = []
    for row in rows:
        ids = [re.sub(r"\W", "", part) for part in row["pair_id"].split("_")]
        langs = [row["lang1"], row["lang2"]]
        for k, key in enumerate(("text1", "text2")):
            if wanted(langs[k]) and row[key].strip():
                texts.setdefault(
                    ids[k] + langs[k], {"id": f"t{ids[k]}{langs[k]}", "text": row[key]}
                )
        if wanted(langs[0]) and wanted(langs[1]):
            pairs.append((f"t{ids[0]}{langs[0]}", f"t{ids[1]}{langs[1]}", float(row["Overall"])))
    return list(texts.values()), pairs


def polnear_pile() -> list[dict[str, str]]:
    """Every PolNeAR text as a record with its outlet, date and title from ``metadata.tsv``."""
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        meta = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    records = []
    for path in sorted(POLNEAR.glob("*/text/*.txt")):
        row = meta[path.stem]
        records.append(
            {
                "id": path.stem,
                "text": path.read_text(encoding="utf-8"),
                "outlet": row["publisher"],
                "published": row["publication_date"],
                "title": row["title"],
            }
        )
    return records


def around(text: str, start: int, end: int) -> str:
    return text[max(0, start - CONTEXT) : end + CONTEXT].replace("\n", " | ")


def quoted_from(brief: Any) -> list[dict[str, Any]]:
    """Per story, the sentences a reader quotes from: the summary lines, each fact of several
    sentences with its representative, every commitment and every timeline entry
    (``[article id] text``)."""

    def cited(sentence: Any) -> str:
        return f"[{sentence.article_id}] {sentence.text}"

    return [
        {
            "story": story.id,
            "summary": [cited(f.sentence) for f in story.summary],
            "facts": [
                {"representative": cited(f.sentence), "members": [cited(m) for m in f.members]}
                for f in story.facts
                if len(f.members) > 1
            ],
            "commitments": [
                {
                    "text": f"[{c.article_id}] {c.text}",
                    "sources": list(c.sources),
                    "earlier": c.earlier,
                    **({"garbled": c.garbled} if getattr(c, "garbled", None) else {}),
                }
                for c in story.commitments
            ],
            "timeline": [
                {"date": t.date, "text": f"[{t.article_id}] {t.text}", "sources": list(t.sources)}
                for t in story.timeline
            ],
        }
        for story in brief.stories
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", default="en", help="a language code, or 'other'")
    parser.add_argument("--polnear", action="store_true", help="brief PolNeAR's dated texts")
    parser.add_argument(
        "--stories-by-meaning",
        action="store_true",
        help="group the stories with the leads' embeddings too (brief --stories-by-meaning)",
    )
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--sentences",
        type=Path,
        help="also write what a reader quotes from: each story's summary lines, every fact's "
        "representative with its sentences, and the commitments (to compare two runs)",
    )
    args = parser.parse_args()
    records, pairs = (polnear_pile(), []) if args.polnear else pile(args.language)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pile.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        started = time.perf_counter()
        engine = LocalEngine(
            load_spacy(), load_embedder("minilm"), story_leads=args.stories_by_meaning
        )
        brief = build_brief([str(path)], engine=engine)
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
    shared = [
        {
            "story": story.id,
            "outlets": fact.outlet_names,
            "sentences": [f"[{m.article_id}] {m.text}" for m in fact.members],
        }
        for story in brief.stories
        for fact in story.facts
        if fact.outlets >= 2
    ]
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
        "language": "en (PolNeAR)" if args.polnear else args.language,
        "articles": len(document["articles"]),
        "stories": len(document["stories"]),
        "seconds": round(seconds, 1),
        "verdicts_by_kind": dict(Counter(v["kind"] for v in verdicts)),
        "pairs": dict(sorted(grouped.items())),
        "verdicts": verdicts,
        "multi_outlet_facts": len(shared),
        "facts": shared,
        "command": "PYTHONPATH=src .venv/bin/python bench/pile_verdicts.py "
        + ("--polnear" if args.polnear else f"--language {args.language}")
        + (" --stories-by-meaning" if args.stories_by_meaning else "")
        + (f" --out {args.out}" if args.out else "")
        + (f" --sentences {args.sentences}" if args.sentences else ""),
    }
    if args.sentences:
        args.sentences.write_text(
            json.dumps(quoted_from(brief), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    out = json.dumps(result, indent=1, ensure_ascii=False)
    if args.out:
        args.out.write_text(out + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
