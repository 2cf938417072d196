"""Nothing lost, and no news taken for newsroom matter, on every corpus we have.

Reads every article of the seed, ``examples/``, ``tests/data/`` (pages, stories, French,
newsroom fixtures, the HTML evaluation pages), all of PolNeAR (train and dev, each text with its
title from the metadata given as the record's own) and all SemEval-2022 texts (as .txt), cleans
each one and counts:

* articles with a lost line (:func:`corroborate.read.clean.lost_lines`): must be 0;
* articles marked not news, and lines cut as ``newsroom``, per corpus: on the real corpora
  (seed, PolNeAR, SemEval) every one is a mistake, for they are all news -- but for the pages
  that hold no article (a robot check, a cookie wall, a site's header page) and a press
  release's contact block (its notes to the press, "Pressekontakt: ... Telefon: ...").

Run::

    PYTHONPATH=src python bench/nothing_lost.py [--out bench/results/nothing_lost.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from corroborate.model import Article
from corroborate.read.clean import clean_article, lost_lines
from corroborate.read.ingest import iter_inputs

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
SEED = ROOT.parent / "shared" / "corpus" / "us-mexico-migration-talks"


def _folder(*folders: Path) -> Iterator[Article]:
    for item in iter_inputs([f for f in folders if f.exists()]):
        if isinstance(item, Article):
            yield item


def _polnear() -> Iterator[Article]:
    root = BENCH / "polnear"
    with (root / "metadata.tsv").open(encoding="utf-8") as handle:
        titles = {row["filename"]: row["title"] for row in csv.DictReader(handle, delimiter="\t")}
    for path in sorted(root.glob("*/text/*.txt")):
        text = path.read_text(encoding="utf-8")
        yield Article(path.stem, str(path), text, title=titles.get(path.stem))


def _semeval() -> Iterator[Article]:
    csv.field_size_limit(1 << 26)
    path = BENCH / "semeval2022-task8" / "training_set.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for side in ("1", "2"):
                yield Article(f"{row['pair_id']}-{side}", str(path), row["text" + side])


CORPORA = {
    "seed": lambda: _folder(SEED),
    "examples": lambda: (a for d in sorted(ROOT.glob("examples/*/")) for a in _folder(d)),
    "tests/data": lambda: _folder(
        *(ROOT / "tests" / "data" / name for name in ("pages", "stories", "french", "html"))
    ),
    "newsroom fixtures": lambda: _folder(ROOT / "tests" / "data" / "newsroom"),
    "polnear": _polnear,
    "semeval": _semeval,
}


def measure() -> dict[str, dict[str, object]]:
    """Per corpus: articles, articles with lost lines, articles not news, newsroom lines."""
    result: dict[str, dict[str, object]] = {}
    for name, articles in CORPORA.items():
        counts: dict[str, object] = {"articles": 0, "with_lost_lines": [], "not_news": []}
        newsroom_lines: list[str] = []
        for article in articles():
            clean_article(article)
            counts["articles"] = int(counts["articles"]) + 1  # type: ignore[call-overload]
            if lost_lines(article):
                counts["with_lost_lines"].append(article.id)  # type: ignore[attr-defined]
            if article.not_news:
                counts["not_news"].append(article.id)  # type: ignore[attr-defined]
            newsroom_lines += [r.text for r in article.removed if r.reason == "newsroom"]
        counts["newsroom_lines"] = newsroom_lines
        result[name] = counts
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    corpora = measure()
    where = os.environ.get("PYTHONPATH", "src")
    result = {
        "command": f"PYTHONPATH={where} python "
        + " ".join(["bench/nothing_lost.py", *sys.argv[1:]]),
        "articles": sum(int(c["articles"]) for c in corpora.values()),  # type: ignore[call-overload]
        "articles_with_lost_lines": sum(len(c["with_lost_lines"]) for c in corpora.values()),  # type: ignore[arg-type]
        "seconds": round(time.perf_counter() - start, 1),
        "corpora": corpora,
    }
    for name, c in corpora.items():
        print(
            f"{name:18} {c['articles']:5} articles, lost lines in {len(c['with_lost_lines'])},"  # type: ignore[arg-type]
            f" not news {len(c['not_news'])}, newsroom lines {len(c['newsroom_lines'])}"  # type: ignore[arg-type]
        )
    print(
        f"all: {result['articles']} articles, {result['articles_with_lost_lines']} with a lost line"
    )
    if args.out:
        args.out.write_text(
            json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
