"""Timeline entries that a date in a describing clause now tells by that clause's noun phrase,
on real news nobody here wrote: PolNeAR texts (US political news, 2015-16), for reading.

    PYTHONPATH=src .venv/bin/python bench/timeline_clauses.py --size 300 --sample 40

A random ``--size`` of the PolNeAR texts (seeded) is annotated as the pipeline annotates (spaCy's
pass, the article stages) and each article's timeline is built twice: as it is, and with every
date's ``clause`` cleared (the whole sentence, as before the rule). Every entry whose text
changed is listed with its sentence; a seeded ``--sample`` of them is written out for judging by
hand (``bench/results/timeline_clauses.json``: the judgements are added to that file).
``--semeval`` reads SemEval-2022 Task 8's English texts instead (news of 2020 from many
countries, undated: dates rest on what each text tells), a corpus the rules were not read on.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from pile_verdicts import pile, polnear_pile  # noqa: E402

from corroborate.annotate.nlp import load_spacy  # noqa: E402
from corroborate.compare.timeline import build_timeline  # noqa: E402
from corroborate.model import Article  # noqa: E402
from corroborate.pipeline import annotate_article  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "timeline_clauses.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument(
        "--semeval", action="store_true", help="SemEval-2022's English texts instead (undated)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    records = pile("en")[0] if args.semeval else polnear_pile()
    random.Random(7).shuffle(records)
    articles = [
        Article(
            r["id"],
            r["id"] + ".txt",
            r["text"],
            text=r["text"],
            published=r.get("published"),
            title=r.get("title"),
            outlet=r.get("outlet"),
            language="en",
        )
        for r in records[: args.size]
    ]
    nlp = load_spacy()
    started = time.process_time()
    docs = nlp.pipe([a.text for a in articles], batch_size=4)
    articles = [annotate_article(a, d) for a, d in zip(articles, docs, strict=True)]
    seconds = time.process_time() - started
    entries, changed = 0, []
    for a in articles:
        now = build_timeline([a], {a.id: a.dates})
        whole = [dataclasses.replace(m, phrase=None) for m in a.dates]
        before = {(e.date, e.span.start, e.span.end) for e in build_timeline([a], {a.id: whole})}
        entries += len(now)
        for e in now:
            if (e.date, e.span.start, e.span.end) not in before:
                sentence = next(s.text for s in a.sentences if s.start <= e.span.start < s.end)
                changed.append(
                    {
                        "article": a.id,
                        "published": a.published,
                        "date": e.date,
                        "told": e.text,
                        "sentence": sentence,
                    }
                )
    sample = random.Random(5).sample(changed, min(args.sample, len(changed)))
    document = {
        "command": "PYTHONPATH=src .venv/bin/python bench/timeline_clauses.py "
        f"--size {args.size} --sample {args.sample}"
        + (f" --semeval --out {args.out}" if args.semeval else ""),
        "corpus": "SemEval-2022 Task 8, English texts" if args.semeval else "PolNeAR",
        "articles": len(articles),
        "annotation_cpu_s": round(seconds, 1),
        "timeline_entries": entries,
        "told_by_a_clause": len(changed),
        "sample": sample,
    }
    args.out.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps({k: v for k, v in document.items() if k != "sample"}, indent=1))


if __name__ == "__main__":
    main()
