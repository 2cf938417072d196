"""Measure how date expressions are resolved, on real news text: the hand-resolved gold in
``tests/data/gold/dates_polnear.jsonl`` (weekdays, month-days and months without a year, from
PolNeAR articles, each resolved by reading it against its publication date).

    .venv/bin/python bench/dates_gold.py [--label NAME] [--verbose]

Every gold record names a span of a PolNeAR text (``polnear``: its dev or train folder) and
the date it names (``YYYY-MM-DD``, ``YYYY-MM``, or null for a weekday that names no date, as
"on Saturday evenings"); ``side`` says whether that date lies before, on or after the
article's date. A range of dates ("between January 1 and September 26", "from 2009 to 2013",
"Sept. 19 to 22": every range of PolNeAR's texts, 93, kind ``range``) also has
``resolved_end``, its end at the precision the text gives it (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``; ``side`` ``around`` when it holds the article's date): it is right when both
ends are (``range_start`` counts the starts alone). The 22 records of "last <weekday>" (and of a weekday counted in a month, "the
last Friday in August") are every such mention of PolNeAR, each dated by the event it names
(the Paris attacks, a primary, a debate), not by a rule: they tell whether "last Monday" in a
Wednesday paper is two days back or nine (kind ``last_weekday``). The articles are read as the pipeline reads them (spaCy sentences, then
:func:`corroborate.annotate.dates.extract_dates` against the metadata's publication date) and
the mention overlapping the gold span is compared at its precision. The sentences whose
tense decides are parsed sentence by sentence (``--in-pass``: in spaCy's pass over the whole
text, from its token vectors, as the pipeline parses them; ``--no-grammar``: read from the
words only, as when no parser is available).

The gold is split in two halves by article (CRC32 of the file name, even: ``tune``, odd:
``held_out``): rules were developed looking at the tune half only; both are reported. The
figures are written to ``bench/results/dates_gold.json`` under ``--label`` (kept beside the
figures of earlier labels, so a before/after stays in one file).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pickle
import sys
import zlib
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from labelled import keep

from corroborate.annotate.dates import extract_dates, tense_sentences
from corroborate.annotate.grammar import parse_sentences
from corroborate.annotate.nlp import annotate_doc, annotate_spans, doc_spans, load_spacy
from corroborate.model import Article

GOLD = ROOT / "tests" / "data" / "gold" / "dates_polnear.jsonl"
POLNEAR = Path(os.environ.get("POLNEAR", ROOT.parent / "shared" / "bench" / "polnear"))
RESULTS = ROOT / "bench" / "results" / "dates_gold.json"
CACHE = Path(os.environ.get("BENCH_CACHE", "/tmp/corroborate-bench")) / "polnear_spans.pkl"


def half(file: str) -> str:
    """Which half of the gold an article is in."""
    return "tune" if zlib.crc32(file.encode()) % 2 == 0 else "held_out"


def load_articles(records: list[dict]) -> dict[str, Article]:
    """The gold's articles, dated by the metadata, with spaCy's sentences and entities (the
    spaCy spans are cached: they do not change with the rules measured)."""
    meta = {
        r["filename"]: r
        for r in csv.DictReader(
            (POLNEAR / "metadata.tsv").read_text("utf-8").splitlines(), delimiter="\t"
        )
    }
    cached: dict[str, object] = pickle.loads(CACHE.read_bytes()) if CACHE.exists() else {}
    texts = {
        r["file"]: (POLNEAR / r["polnear"] / "text" / f"{r['file']}.txt").read_text("utf-8")
        for r in records
    }
    missing = [f for f in texts if f not in cached]
    if missing:
        nlp = load_spacy()
        for name, doc in zip(missing, nlp.pipe(texts[f] for f in missing), strict=True):
            cached[name] = doc_spans(doc)
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(pickle.dumps(cached))
    articles = {}
    for name, text in texts.items():
        article = Article(name, name, text, text=text, published=meta[name]["publication_date"])
        articles[name] = annotate_spans(article, cached[name])  # type: ignore[arg-type]
    return articles


def resolved_as(article: Article, record: dict) -> str | None:
    """What the pipeline resolves the gold span to, at its precision (None: unresolved or
    not found). A gold date that is the end of a range the pipeline reads ("September 26" in
    "between January 1 and September 26") is compared with that range's end."""
    for mention in article.dates:
        if mention.start < record["end"] and record["start"] < mention.end:
            at_its_end = record["start"] > mention.start and record["end"] == mention.end
            return mention.end_label if mention.is_range and at_its_end else mention.label
    return None


def range_as(article: Article, record: dict) -> tuple[str | None, str | None]:
    """What the pipeline reads a gold range as: the start and end of the range mention that
    overlaps it, at their precisions; a single date there gives its date and no end (None,
    None: nothing found)."""
    for mention in article.dates:
        if mention.start < record["end"] and record["start"] < mention.end:
            return mention.label, mention.end_label
    return None, None


def in_pass(articles: dict[str, Article]) -> None:
    """Parse as the pipeline does: in spaCy's pass over each whole text, from its token
    vectors (:func:`corroborate.pipeline.grammar_sentences`), not sentence by sentence."""
    from corroborate.pipeline import grammar_sentences

    nlp = load_spacy()
    texts = (a.text for a in articles.values())
    for article, doc in zip(articles.values(), nlp.pipe(texts), strict=True):
        annotate_doc(article, doc, also=grammar_sentences)


def run(label: str, verbose: bool, grammar: bool = True, whole: bool = False) -> dict:
    records = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line]
    articles = load_articles(records)
    if whole:
        in_pass(articles)
    for article in articles.values():
        if grammar:
            article.parses = parse_sentences(article, tense_sentences(article))
        article.dates = extract_dates(article)
    scores: dict[str, Counter[str]] = {"tune": Counter(), "held_out": Counter()}
    for record in records:
        tally = scores[half(record["file"])]
        if "resolved_end" in record:  # a range: both its ends right
            start, end = range_as(articles[record["file"]], record)
            got = f"{start} - {end}"
            right = (start, end) == (record["resolved"], record["resolved_end"])
            tally["range_start:n"] += 1
            tally["range_start:right"] += start == record["resolved"]
            record = dict(record, resolved=f"{record['resolved']} - {record['resolved_end']}")
        else:
            got = resolved_as(articles[record["file"]], record)
            right = got == record["resolved"]
        for key in ("all", f"side={record['side']}", f"kind={_kind(record)}"):
            tally[key + ":n"] += 1
            tally[key + ":right"] += right
        if verbose and not right:
            print(
                f"{half(record['file']):8} {record['published']} {record['text']!r:18} "
                f"gold {record['resolved']} got {got} | {record['context'][:150]}"
            )
    figures = {
        name: {
            key[:-2]: f"{tally[key[:-2] + ':right']}/{tally[key]} = "
            f"{tally[key[:-2] + ':right'] / tally[key]:.3f}"
            for key in sorted(tally)
            if key.endswith(":n")
        }
        for name, tally in scores.items()
    }
    return figures


def _kind(record: dict) -> str:
    if " - " in (record["resolved"] or ""):
        return "range"  # "between October 2022 and September 2023": a start and an end
    if len(record["resolved"] or "") == 7:
        return "month"
    if record["text"].lower().startswith("last "):
        return "last_weekday"  # "last Thursday": the most recent one, or last week's
    return "weekday" if any(d in record["text"].lower() for d in _WEEKDAYS) else "month_day"


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="current", help="name of this run in the results")
    parser.add_argument("--verbose", action="store_true", help="print every wrong resolution")
    parser.add_argument(
        "--no-grammar", action="store_true", help="read tense from the words only (no parse)"
    )
    parser.add_argument(
        "--in-pass",
        action="store_true",
        help="parse in spaCy's pass over each whole text, as the pipeline does",
    )
    args = parser.parse_args()
    figures = run(args.label, args.verbose, grammar=not args.no_grammar, whole=args.in_pass)
    keep(RESULTS, args.label, figures, "bench/dates_gold.py")


if __name__ == "__main__":
    main()
