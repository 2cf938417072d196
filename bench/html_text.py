"""Main text from HTML pages: corroborate's text against bare trafilatura's, both against a
hand-marked main text.

Each page ``NAME.html`` in the folder (default ``tests/data/html``) has its main text marked by
hand in ``NAME.txt``: the article's body, one paragraph a line; a line starting ``## `` is a
section head (see ``tests/data/html/README.md`` for what counts as main text). For every page
this reports token-level precision, recall and F1 of

* ``corroborate``: the page read as corroborate reads it (:func:`corroborate.read.ingest.
  iter_inputs`, then :func:`corroborate.read.clean.clean_article`), ``article.text``;
* ``trafilatura``: ``trafilatura.extract(html)`` with its default settings;

against the gold body (section heads left out: corroborate keeps them apart, in
``article.headings``). A second figure, ``with_heads``, counts the heads as main text and
compares ``article.text`` plus ``article.headings`` and trafilatura's output with it.

Tokens are the words of the text (``\\w+``, case-folded), counted as a multiset, so a word kept
twice where the gold has it once costs precision. Overall figures are micro-averaged (tokens
summed over pages) and macro-averaged (mean of the pages' F1).

Run::

    PYTHONPATH=src python bench/html_text.py [--pages DIR] [--out bench/results/html_text.json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "data" / "html"
HEAD = "## "
# Pages of the repository's other corpora (links to them, written for other stages).
OTHERS = "repo_"
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    """The words of ``text``, case-folded, with their counts."""
    return Counter(token.casefold() for token in _TOKEN.findall(text))


@dataclass(frozen=True)
class Score:
    """Token overlap of an extraction with the gold: true positives and both sizes."""

    overlap: int
    extracted: int
    gold: int

    @classmethod
    def of(cls, extracted: str, gold: str) -> Score:
        got, want = tokens(extracted), tokens(gold)
        return cls(sum((got & want).values()), sum(got.values()), sum(want.values()))

    def __add__(self, other: Score) -> Score:
        return Score(
            self.overlap + other.overlap, self.extracted + other.extracted, self.gold + other.gold
        )

    @property
    def precision(self) -> float:
        return self.overlap / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.overlap / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def gold_texts(path: Path) -> tuple[str, str]:
    """The gold body (heads left out) and the gold with heads, from a ``.txt`` gold file."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = [line for line in lines if not line.startswith(HEAD)]
    with_heads = [line.removeprefix(HEAD) for line in lines]
    return "\n".join(body), "\n".join(with_heads)


def corroborate_text(page: Path) -> tuple[str, str]:
    """corroborate's cleaned text of the page, and that text with its section heads."""
    from corroborate.model import Article
    from corroborate.read.clean import clean_article
    from corroborate.read.ingest import iter_inputs

    (article,) = list(iter_inputs([page]))
    if not isinstance(article, Article):
        return "", ""
    clean_article(article)
    return article.text, "\n".join([article.text, *article.headings])


def trafilatura_text(page: Path) -> str:
    """Bare trafilatura: ``extract`` with its default settings."""
    import trafilatura

    return trafilatura.extract(page.read_text(encoding="utf-8")) or ""


def _held_out(pages: Path) -> set[str]:
    """The pages named in ``held_out.txt``: written after the rules were set."""
    listing = pages / "held_out.txt"
    if not listing.exists():
        return set()
    lines = listing.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def evaluate(pages: Path) -> dict[str, object]:
    """Scores per page and overall, for corroborate and bare trafilatura."""
    per_page: dict[str, dict[str, object]] = {}
    per_page_scores: dict[str, dict[str, tuple[int, int, int]]] = {}
    totals: dict[str, Score] = {}
    for gold_path in sorted(pages.glob("*.txt")):
        page = gold_path.with_suffix(".html")
        if not page.exists():
            continue
        body, with_heads = gold_texts(gold_path)
        ours, ours_heads = corroborate_text(page)
        bare = trafilatura_text(page)
        scores = {
            "corroborate": Score.of(ours, body),
            "trafilatura": Score.of(bare, body),
            "corroborate_with_heads": Score.of(ours_heads, with_heads),
            "trafilatura_with_heads": Score.of(bare, with_heads),
        }
        per_page[page.stem] = {name: score.figures() for name, score in scores.items()}
        per_page_scores[page.stem] = {
            name: (score.overlap, score.extracted, score.gold) for name, score in scores.items()
        }
        for name, score in scores.items():
            totals[name] = totals.get(name, Score(0, 0, 0)) + score
    macro = {
        name: round(sum(float(p[name]["f1"]) for p in per_page.values()) / len(per_page), 4)  # type: ignore[index]
        for name in totals
    }
    held_out = _held_out(pages)
    others = {name for name in per_page if name.startswith(OTHERS)}
    groups = {
        "held_out": held_out,
        "from_other_corpora": others,
        "written_with_the_rules": set(per_page) - held_out - others,
    }
    by_group = {
        group: {
            name: sum(
                (Score(*per_page_scores[page][name]) for page in members if page in per_page),
                Score(0, 0, 0),
            ).figures()
            for name in ("corroborate", "trafilatura")
        }
        for group, members in groups.items()
    }
    below = [
        name
        for name, p in per_page.items()
        if p["corroborate"]["f1"] < p["trafilatura"]["f1"]  # type: ignore[index,operator]
    ]
    return {
        "pages": len(per_page),
        "micro": {name: score.figures() for name, score in totals.items()},
        "macro_f1": macro,
        "micro_by_group": by_group,
        "pages_below_trafilatura": below,
        "per_page": per_page,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    result = evaluate(args.pages)
    where = os.environ.get("PYTHONPATH", "src")
    result = {
        "command": f"PYTHONPATH={where} python " + " ".join(["bench/html_text.py", *sys.argv[1:]]),
        **result,
    }
    width = max(len(name) for name in result["per_page"])  # type: ignore[arg-type]
    print(f"{'page':{width}}  corroborate P/R/F1      trafilatura P/R/F1")
    for name, p in result["per_page"].items():  # type: ignore[union-attr]
        c, t = p["corroborate"], p["trafilatura"]
        mark = "  <" if c["f1"] < t["f1"] else ""
        print(
            f"{name:{width}}  {c['precision']:.2f} {c['recall']:.2f} {c['f1']:.3f}"
            f"      {t['precision']:.2f} {t['recall']:.2f} {t['f1']:.3f}{mark}"
        )
    micro = result["micro"]
    print(
        f"micro F1: corroborate {micro['corroborate']['f1']:.3f}, trafilatura {micro['trafilatura']['f1']:.3f}"
    )  # type: ignore[index]
    print(f"macro F1: {result['macro_f1']}")
    for group, figures in result["micro_by_group"].items():  # type: ignore[union-attr]
        print(f"micro F1, {group}: {figures}")
    print(f"pages below trafilatura: {result['pages_below_trafilatura']}")
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
