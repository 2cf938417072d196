"""Every date mention of every PolNeAR article, written out so that a change to the dates can
be read before/after, mention by mention (a diff of two runs, by span).

    PYTHONPATH=src .venv/bin/python bench/dates_polnear_mentions.py OUT.json
    PYTHONPATH=src .venv/bin/python bench/dates_polnear_mentions.py --compare BEFORE AFTER

Each article is read as the pipeline reads it (spaCy's pass, the sentences the grammar stage
parses, the publication-date and dates stages) against its metadata's publication date; each
mention is written as ``[start, end, text, label, end_label, future]`` (:class:`~corroborate.
annotate.dates.DateMention`; ``future``: whether it is read as a day ahead, shown as "ahead"
after its label). ``--compare`` prints every mention whose reading changed (or that one run
has and the other not), with its sentence, for reading by hand; a file written before
``future`` was kept compares on the labels alone.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("POLNEAR", ROOT.parent / "shared" / "bench" / "polnear"))


def _metadata() -> dict[str, dict[str, str]]:
    return {
        r["filename"]: r
        for r in csv.DictReader(
            (POLNEAR / "metadata.tsv").read_text("utf-8").splitlines(), delimiter="\t"
        )
    }


def write(out: str) -> None:
    from corroborate.annotate.nlp import load_spacy
    from corroborate.model import Article
    from corroborate.pipeline import ARTICLE_STAGES, annotate_doc, grammar_sentences

    stages = [s for s in ARTICLE_STAGES if s.name in ("grammar", "publication date", "dates")]
    meta = _metadata()
    texts = {f.stem: f.read_text("utf-8") for f in sorted(POLNEAR.glob("*/text/*.txt"))}
    nlp = load_spacy()
    found = {}
    for (name, text), doc in zip(texts.items(), nlp.pipe(texts.values()), strict=True):
        article = Article(name, name, text, text=text, published=meta[name]["publication_date"])
        article = annotate_doc(article, doc, also=grammar_sentences)
        for stage in stages:
            setattr(article, stage.assigns, stage.run(article))
        found[name] = [
            [d.start, d.end, d.text, d.label, d.end_label, d.future] for d in article.dates
        ]
    Path(out).write_text(json.dumps(found, ensure_ascii=False), "utf-8")
    print(f"{len(found)} articles, {sum(map(len, found.values()))} mentions -> {out}")


def compare(before: str, after: str) -> None:
    old, new = (json.loads(Path(p).read_text("utf-8")) for p in (before, after))
    meta = _metadata()
    texts = {f.stem: f for f in POLNEAR.glob("*/text/*.txt")}
    changed = 0
    for name in sorted(set(old) | set(new)):
        pairs = _pairs(old.get(name, []), new.get(name, []))
        both = all(len(m) > 5 for m in (*old.get(name, []), *new.get(name, [])))
        pairs = [(was, now) for was, now in pairs if _label(was, both) != _label(now, both)]
        if not pairs:
            continue
        text = texts[name].read_text("utf-8")
        published = meta[name]["publication_date"]
        weekday = dt.date.fromisoformat(published).strftime("%a")
        for was, now in pairs:
            changed += 1
            start, end = min(m[0] for m in (was, now) if m), max(m[1] for m in (was, now) if m)
            left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
            right = min(
                x for x in (text.find(". ", end), text.find("\n", end), len(text)) if x >= 0
            )
            print(
                f"- {name} ({published} {weekday}): {text[start:end]!r} "
                f"{_label(was, both)} -> {_label(now, both)} | "
                f"{text[left : right + 1].strip()[:300]}"
            )
    total = sum(map(len, new.values()))
    print(f"{changed} changed of {total} mentions")


def _pairs(old: list[list], new: list[list]) -> list[tuple[list | None, list | None]]:
    """The mentions of one article before and after, paired by overlapping spans ("Tuesday"
    before, "Super Tuesday" after); a mention with none on the other side is paired with
    None."""
    out: list[tuple[list | None, list | None]] = []
    matched: set[int] = set()
    for was in old:
        now = next(
            (k for k, m in enumerate(new) if k not in matched and m[0] < was[1] and was[0] < m[1]),
            None,
        )
        if now is not None:
            matched.add(now)
        out.append((was, new[now] if now is not None else None))
    out.extend((None, m) for k, m in enumerate(new) if k not in matched)
    return sorted(out, key=lambda p: min(m[0] for m in p if m))


def _label(m: list | None, future: bool = False) -> str:
    """A mention's date as the comparison shows it, "ahead" after it when ``future`` is asked
    for and the mention is read as a day ahead."""
    if m is None:
        return "(none)"
    label = f"{m[3]} - {m[4]}" if m[4] else str(m[3])
    return f"{label} ahead" if future and len(m) > 5 and m[5] else label


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
    else:
        write(args.out)


if __name__ == "__main__":
    main()
