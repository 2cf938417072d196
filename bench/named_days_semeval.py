"""Every day known by its name ("Christmas Eve", "Thanksgiving", "Election Day") that the dates
stage finds in the English texts of the SemEval-2022 Task 8 sample, with the date it gives and
what the article says of its country, written out so that a change to the named days can be
read before/after, mention by mention.

    PYTHONPATH=src:bench .venv/bin/python bench/named_days_semeval.py OUT.json
    PYTHONPATH=src:bench .venv/bin/python bench/named_days_semeval.py --compare BEFORE AFTER

The texts are read as ``corroborate brief`` reads plain-text files (``bench/semeval.py``:
cleaning cuts datelines, sign-offs and titles; the outlet is the one a dateline or sign-off
names). The sample gives no publication date, and a day dated by its calendar rule alone
needs the article's date (an inferred one is not enough); most texts give none that can be
inferred (:func:`~corroborate.annotate.dates.infer_published`: 45 of the 54 with a named day),
and the sample's English texts are of a few months (New Year 2020, Easter 2020): every text is
dated here by the median of the dates inferred from the texts that give one, as though its
outlet had given it. Each named day is written with
its article, outlet, the evidence that the article is another country's coverage
(:func:`~corroborate.annotate.dates.another_country`, when the code has it), its text, the
date given and its sentence. ``--compare`` prints every mention of either run as a Markdown
list (the date before -> after), changed ones first.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def write(out: str) -> None:
    from semeval import DATA, distinct_english, load, read_as_brief_does

    from corroborate.annotate import dates
    from corroborate.annotate.dates import date_expressions_of, infer_published
    from corroborate.annotate.nlp import load_spacy
    from corroborate.pipeline import ARTICLE_STAGES, annotate_doc, grammar_sentences

    rows = load(DATA)
    english = distinct_english(read_as_brief_does(rows)[0])
    stages = [s for s in ARTICLE_STAGES if s.name in ("grammar", "dates")]
    nlp = load_spacy()
    another = getattr(dates, "another_country", None)
    found = []
    dated_texts = 0
    inferred = sorted(d for a in english if (d := infer_published(a)[0]))
    reference = inferred[len(inferred) // 2]
    for a, doc in zip(english, nlp.pipe(a.text for a in english), strict=True):
        names = {(e.start, e.end) for e in date_expressions_of(a.text) if e.kind == "named_day"}
        if not names:
            continue
        a.published = reference
        dated_texts += 1
        a = annotate_doc(a, doc, also=grammar_sentences)
        for stage in stages:
            setattr(a, stage.assigns, stage.run(a))
        for d in a.dates:
            if (d.start, d.end) not in names:
                continue
            sentence = next((s.text for s in a.sentences if s.start <= d.start < s.end), "")
            found.append(
                {
                    "article": a.id,
                    "outlet": a.outlet,
                    "url": a.url,
                    "reference": a.published,
                    "another_country": another(a) if another else None,
                    "span": [d.start, d.end],
                    "text": d.text,
                    "date": d.label,
                    "sentence": " ".join(sentence.split()),
                }
            )
    Path(out).write_text(json.dumps(found, ensure_ascii=False, indent=1), "utf-8")
    print(
        f"{len(english)} English texts dated {reference} ({len(inferred)} dates inferred), "
        f"{dated_texts} with a named day, "
        f"{len(found)} named-day mentions ({sum(1 for f in found if f['date'])} dated) -> {out}"
    )


def compare(before: str, after: str) -> None:
    old, new = (json.loads(Path(p).read_text("utf-8")) for p in (before, after))
    key = lambda m: (m["article"], *m["span"])  # noqa: E731
    old_by, new_by = {key(m): m for m in old}, {key(m): m for m in new}
    keys = sorted(set(old_by) | set(new_by))
    changed = [
        k for k in keys if (old_by.get(k) or {}).get("date") != (new_by.get(k) or {}).get("date")
    ]
    print(f"{len(keys)} named-day mentions, {len(changed)} changed\n")
    for k in changed + [k for k in keys if k not in changed]:
        m = new_by.get(k) or old_by[k]
        a, b = (old_by.get(k) or {}).get("date"), (new_by.get(k) or {}).get("date")
        where = m["outlet"] or m["url"] or "no outlet or address"
        evidence = f"; another country: {m['another_country']}" if m.get("another_country") else ""
        print(
            f"- {m['article']} ({where}; dated {m['reference']}{evidence}): '{m['text']}' "
            f"{a} -> {b} | {m['sentence'][:220]}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", help="where to write the named days found")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
    elif args.out:
        write(args.out)
    else:
        parser.error("give OUT or --compare BEFORE AFTER")


if __name__ == "__main__":
    main()
