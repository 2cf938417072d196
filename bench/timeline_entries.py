"""Every timeline entry of single PolNeAR articles, written out so that a change to the dates
or the timeline can be read before/after (a diff of two runs, entry for entry).

    PYTHONPATH=src .venv/bin/python bench/timeline_entries.py OUT.json [--quoted-dates]

Each article is briefed alone (its own timeline, from spaCy's pass and the article stages, as
the pipeline runs them) against its metadata's publication date. ``--quoted-dates`` keeps
only the articles whose quotations hold a date word (a weekday, a month, "today"…): the
articles a rule about dates inside quotations can change.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("POLNEAR", ROOT.parent / "shared" / "bench" / "polnear"))

from corroborate.annotate.nlp import load_spacy  # noqa: E402
from corroborate.compare.timeline import build_timeline  # noqa: E402
from corroborate.lang import en  # noqa: E402
from corroborate.model import Article  # noqa: E402
from corroborate.pipeline import annotate_article  # noqa: E402

DATE_WORD = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|"
    + "|".join(w.capitalize() for w in (*en.WEEKDAYS, *en.MONTHS) if w.isalpha())
    + r")\b"
)
QUOTATION = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--quoted-dates", action="store_true")
    args = parser.parse_args()
    meta = {
        r["filename"]: r
        for r in csv.DictReader(
            (POLNEAR / "metadata.tsv").read_text("utf-8").splitlines(), delimiter="\t"
        )
    }
    files = sorted(POLNEAR.glob("*/text/*.txt"))
    texts = {f.stem: f.read_text("utf-8") for f in files}
    if args.quoted_dates:
        texts = {
            name: text
            for name, text in texts.items()
            if any(DATE_WORD.search(q.group(0)) for q in QUOTATION.finditer(text))
        }
    nlp = load_spacy()
    out = {}
    for (name, text), doc in zip(texts.items(), nlp.pipe(texts.values()), strict=True):
        article = Article(name, name, text, text=text, published=meta[name]["publication_date"])
        article = annotate_article(article, doc)
        timeline = build_timeline([article], {article.id: article.dates})
        out[name] = [[e.date, e.precision, e.text] for e in timeline]
    Path(args.out).write_text(json.dumps(out, indent=0, ensure_ascii=False), "utf-8")
    print(f"{len(out)} articles, {sum(map(len, out.values()))} entries -> {args.out}")


if __name__ == "__main__":
    main()
