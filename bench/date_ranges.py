"""Ranges of dates in real news: how many PolNeAR and SemEval hold, of which shapes, what a
looser pattern finds that is not read as a range, and how the timeline dates their sentences.

    PYTHONPATH=src .venv/bin/python bench/date_ranges.py [--out bench/results/date_ranges.json]

Ranges are read as :func:`corroborate.date_expressions.find_date_expressions` reads them (kind
``range``: "between October 2022 and September 2023", "from 2009 to 2013", "Sept. 16-19",
"2015-16", "the 12 months to September"), in PolNeAR's 924 texts (dev and train) and in
SemEval-2022 Task 8's English texts. A loose pattern (two dates, or a date and a bare number,
joined by a dash, "to", "through", "until" or "and") lists what is *not* read as a range, to be
read by hand: a missed range shows there. The timeline part reads the PolNeAR articles that hold
a range record of the dates gold (``tests/data/gold/dates_polnear.jsonl``, spaCy's sentences
cached by ``bench/dates_gold.py``) and counts the timeline entries of the sentences holding a
range: shown as a period, dated by a single date of the sentence, or dated by the range's start
alone (a day, month or year equal to the gold start: what a reader must not see).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from pile_verdicts import pile, polnear_pile  # noqa: E402

from corroborate.date_expressions import find_date_expressions  # noqa: E402
from corroborate.lang.en import MONTH_PATTERN  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "date_ranges.json"

_Y = r"(?:19|20)\d\d"
_D = rf"(?:{MONTH_PATTERN}\s*\d{{1,2}}(?:,\s*{_Y})?|\d{{1,2}}\s+{MONTH_PATTERN}(?:\s+{_Y})?|{MONTH_PATTERN}(?:\s+{_Y})?|{_Y})"
LOOSE = re.compile(
    rf"\b{_D}\s*(?:[-–—/]|\s(?:to|through|until|till|thru|and)\s)\s*(?:{_D}|\d{{1,2}}\b)"
)


def shape(groups: dict) -> str:
    """What a range's ends name: ``window``, ``days``, ``months`` or ``years``."""
    if groups.get("window"):
        return "window"
    if groups.get("a_d") or groups.get("b_d"):
        return "days"
    if groups.get("a_month"):
        return "months"
    return "years"


def scan(texts: list[tuple[str, str]]) -> dict:
    """The ranges of ``texts`` ((id, text) pairs), and the loose candidates not read so."""
    found, misses = [], []
    for ident, text in texts:
        ranges = [e for e in find_date_expressions(text) if e.kind == "range"]
        for e in ranges:
            found.append((ident, text[e.start : e.end], shape(e.groups)))
        for m in LOOSE.finditer(text):
            if "datetime=" in text[max(0, m.start() - 12) : m.start()]:
                continue  # a tweet's stamp
            if not any(e.start < m.end() and m.start() < e.end for e in ranges):
                context = text[max(0, m.start() - 60) : m.end() + 40].replace("\n", " ")
                misses.append(f"{ident}: {m.group(0)!r} | {context}")
    sample = random.Random(7).sample(found, min(20, len(found)))
    return {
        "texts": len(texts),
        "ranges": len(found),
        "texts_with_a_range": len({i for i, _, _ in found}),
        "shapes": dict(Counter(s for _, _, s in found).most_common()),
        "sample": [f"{i}: {t!r} ({s})" for i, t, s in sample],
        "not_read_as_a_range": misses,
    }


def timeline_entries() -> dict:
    """The timeline entries of the PolNeAR sentences holding a gold range record."""
    import dates_gold

    from corroborate.annotate.dates import extract_dates, tense_sentences
    from corroborate.annotate.grammar import parse_sentences
    from corroborate.compare.timeline import build_timeline

    records = [json.loads(line) for line in dates_gold.GOLD.read_text("utf-8").splitlines()]
    ranges = [r for r in records if "resolved_end" in r]
    files = {r["file"] for r in ranges}
    articles = dates_gold.load_articles([r for r in records if r["file"] in files])
    tally: Counter[str] = Counter()
    for name in sorted(files):
        article = articles[name]
        article.parses = parse_sentences(article, tense_sentences(article))
        article.dates = extract_dates(article)
        own = [r for r in ranges if r["file"] == name]
        for entry in build_timeline([article], {article.id: article.dates}):
            held = [r for r in own if entry.span.start <= r["start"] < entry.span.end]
            if not held:
                continue
            label = {"month": entry.date[:7], "year": entry.date[:4]}.get(
                entry.precision, entry.date
            )
            if entry.end_date is not None:
                tally["shown as a period"] += 1
            elif any(r["resolved"] == label for r in held):
                tally["dated by a range's start"] += 1
            else:
                tally["dated by a single date"] += 1
    return {"articles": len(files), **dict(tally)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    polnear = [(r["id"], r["text"]) for r in polnear_pile()]
    semeval = [(r["id"], r["text"]) for r in pile("en")[0]]
    results = {
        "command": "PYTHONPATH=src .venv/bin/python bench/date_ranges.py",
        "polnear": scan(polnear),
        "semeval_en": scan(semeval),
        "polnear_timeline": timeline_entries(),
    }
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")
    for corpus in ("polnear", "semeval_en"):
        r = results[corpus]
        print(
            f"{corpus}: {r['ranges']} ranges in {r['texts_with_a_range']} of {r['texts']} "
            f"texts {r['shapes']}; {len(r['not_read_as_a_range'])} loose candidates not read"
        )
    print("timeline of PolNeAR's range sentences:", results["polnear_timeline"])


if __name__ == "__main__":
    main()
