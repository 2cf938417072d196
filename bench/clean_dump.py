"""What the cleaner makes of every corpus we have, and how two runs of it differ.

``dump`` cleans every article of bench/nothing_lost.py's corpora (seed, examples, tests/data
fixtures, PolNeAR, SemEval) and writes one JSON line per article: its text, title, removed
pieces with their reasons, headings, outlet, day, ``not_news`` and whether a line was lost.
``diff`` compares two dumps (say, before and after a change to the cleaner): how many
articles changed per corpus and language, and, with ``-v``, what changed in each.

Run::

    PYTHONPATH=src python bench/clean_dump.py dump /tmp/before.jsonl
    # ... change the cleaner ...
    PYTHONPATH=src python bench/clean_dump.py dump /tmp/after.jsonl
    python bench/clean_dump.py diff /tmp/before.jsonl /tmp/after.jsonl -v
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("text", "title", "removed", "headings", "lost", "not_news", "outlet", "published")


def dump(out: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import nothing_lost

    from corroborate.read.clean import clean_article, lost_lines

    languages = {}
    csv.field_size_limit(1 << 26)
    path = nothing_lost.BENCH / "semeval2022-task8" / "training_set.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for side in ("1", "2"):
                languages[f"{row['pair_id']}-{side}"] = row["lang" + side]
    with out.open("w", encoding="utf-8") as handle:
        for name, articles in nothing_lost.CORPORA.items():
            for article in articles():
                given = article.title
                clean_article(article)
                language = languages.get(article.id) if name == "semeval" else article.language
                record = {
                    "corpus": name,
                    "id": article.id,
                    "path": _where(article.path),
                    "lang": language or "?",
                    "given_title": given,
                    "title": article.title,
                    "text": article.text,
                    "removed": [[r.text, r.reason] for r in article.removed],
                    "headings": article.headings,
                    "lost": bool(lost_lines(article)),
                    "not_news": article.not_news,
                    "outlet": article.outlet,
                    "published": article.published,
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _where(path: str) -> str:
    """An article's path as two dumps compare it: below the repository or the shared data, so
    that a dump made in a worktree (or a fresh clone) meets one made in the main checkout."""
    for base in (ROOT.parent / "shared", ROOT):
        try:
            return str(Path(path).resolve().relative_to(base.resolve()))
        except ValueError:
            continue
    return path


def diff(before: Path, after: Path, verbose: bool) -> Counter[tuple[str, str]]:
    def read(path: Path) -> dict[tuple[str, str, str], dict]:
        with path.open(encoding="utf-8") as handle:
            return {(r["corpus"], r["id"], r["path"]): r for r in map(json.loads, handle)}

    old, new = read(before), read(after)
    changed: Counter[tuple[str, str]] = Counter()
    for key in old.keys() & new.keys():
        x, y = old[key], new[key]
        fields = [f for f in FIELDS if x.get(f) != y.get(f)]
        if not fields:
            continue
        changed[(key[0], x["lang"])] += 1
        if y["lost"]:
            print("LOST A LINE:", key)
        if not verbose:
            continue
        print("=" * 100)
        print(*key[:2], x["lang"], "changed:", fields, "| given title:", x["given_title"])
        for field in ("title", "not_news", "outlet", "published", "headings"):
            if x[field] != y[field]:
                print(f"  {field}: {x[field]!r} -> {y[field]!r}")
        was = Counter(map(tuple, x["removed"]))
        now = Counter(map(tuple, y["removed"]))
        for text, reason in was - now:
            print(f"  - no longer removed ({reason}): {text[:300]}")
        for text, reason in now - was:
            print(f"  + removed ({reason}): {text[:300]}")
        if x["text"] != y["text"]:
            print("  text before:", x["text"][:300].replace("\n", " / "))
            print("  text after: ", y["text"][:300].replace("\n", " / "))
    print(sum(changed.values()), "articles changed:", dict(sorted(changed.items())))
    if old.keys() != new.keys():
        print("articles in one dump only:", len(old.keys() ^ new.keys()))
    return changed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("out", type=Path)
    compare = sub.add_parser("diff")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    compare.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.out)
    else:
        diff(args.before, args.after, args.verbose)


if __name__ == "__main__":
    main()
