"""The brief's number verdicts on real same-story pairs, judged against a hand-made gold.

    PYTHONPATH=src /work/main/.venv/bin/python bench/figure_pairs.py --plant --polnear 50 \\
        [--plant-down] [--plant-wide] [--gold tests/data/gold/semeval_figures.jsonl] \\
        [--out bench/results/figure_pairs.json] [-v]

Each gold line is one English pair of SemEval-2022 Task 8 (``Overall`` <= 2: the same story,
``../shared/bench/semeval2022-task8/training_set.csv``), with the figures both texts report,
read by hand: for each, its surface forms in either text (a figure only the headline gives is
matched in the article's title: cleaning keeps a title line apart from the text) and whether
the two truly ``agree``, ``approximately_agree``, ``conflict``, are ``not_comparable`` (alike,
but not one measure: a part and a total, a forecast and a count, two people's ages...) or are
``not_quantity`` (a phone number, a time of day, an episode number).

The two texts are read as two articles of one story from two outlets, through the brief's own
path: cleaning (:func:`corroborate.pipeline.read_articles`), spaCy, the article stages, then
:func:`corroborate.pipeline.brief_story` with the packaged MiniLM embedder. spaCy's sentences
and entities are cached under ``--cache`` (they do not depend on this code).

Counted:

- *shown disagreements*: groups with the verdict ``conflict``, or ``approximately_agree`` with
  values more than 10 % apart (a verdict a reader acts on too); each is *real* when it holds
  figures of a gold item marked ``conflict`` on both sides (for a wide rough agreement: or
  ``approximately_agree``, the verdict it gives), else false;
- *real discrepancies found*: gold ``conflict`` items a shown conflict holds on both sides;
- *shown agreements*: ``agree``/``approximately_agree`` groups citing both texts; right when
  they hold a gold ``agree``/``approximately_agree`` item, wrong when they hold a gold
  ``not_comparable``/``not_quantity`` item, else *unlisted* (printed with ``-v`` to be read);
- *not compared*: groups citing both texts listed side by side without a verdict;
- *non-quantities*: gold ``not_quantity`` surfaces that were extracted as figures.

The SemEval pairs hold no real discrepancy (every figure both texts report agrees), so with
``--plant`` the bench also measures finding one on real wording: for each gold item that
agrees, the number in the second text's first surface is changed beyond any rounding (3 ->
5, 23 -> 30, 135,000 -> 175,500, "six" -> "eight"; with ``--plant-down`` lowered instead, a
second planted set to check rules developed on the first), the pair is briefed again, and a
*planted discrepancy* is found when a conflict holds both figures; any other disagreement
shown is counted as false. With ``--plant-wide`` a fuller planted set is briefed too: each
agreeing figure changed in either text, raised and lowered (up to four pairs per gold item,
so the recall estimate rests on more than one wording per figure).

With ``--polnear N`` it also briefs the N most alike cross-publisher pairs of PolNeAR
(``../shared/bench/polnear``, published within two days of each other, TF-IDF cosine > 0.2:
articles on one story or one campaign day, full length, rich in poll numbers and money) and
lists every verdict shown across both articles, to be read by hand (no gold: each listed
line was checked when the figures were recorded).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import pickle
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.annotate.nlp import annotate_spans, doc_spans, load_spacy  # noqa: E402
from corroborate.annotate.quantities import number_to_words, parse_number  # noqa: E402
from corroborate.embed.load import load_embedder  # noqa: E402
from corroborate.model import Article, Number, Rejected, Story  # noqa: E402
from corroborate.pipeline import brief_story, read_articles, run_article_stages  # noqa: E402

DATA = ROOT.parent / "shared" / "bench" / "semeval2022-task8" / "training_set.csv"
GOLD = ROOT / "tests" / "data" / "gold" / "semeval_figures.jsonl"
CACHE = Path("/tmp/corroborate-figure-pairs")
COMMAND = "PYTHONPATH=src /work/main/.venv/bin/python bench/figure_pairs.py --out "
BIG_GAP = 0.10  # "approximately agree" beyond this is a disagreement a reader acts on
AGREEING = ("agree", "approximately_agree")


def load_pairs(path: Path) -> dict[str, dict[str, str]]:
    csv.field_size_limit(10**8)
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["pair_id"]: row for row in csv.DictReader(handle)}


def read_pair(pair_id: str, row: dict[str, str], cache: Path) -> list[Article]:
    """The pair's two texts as two cleaned articles of two outlets (files under ``cache``)."""
    folder = cache / "texts" / pair_id
    folder.mkdir(parents=True, exist_ok=True)
    for side in ("1", "2"):
        (folder / f"text{side}.txt").write_text(row[f"text{side}"].strip() + "\n", "utf-8")
    (folder / "manifest.csv").write_text(
        "file,outlet,language\ntext1.txt,Outlet one,en\ntext2.txt,Outlet two,en\n", "utf-8"
    )
    rejected: list[Rejected] = []
    articles = list(
        read_articles(
            [folder / "text1.txt", folder / "text2.txt"], folder / "manifest.csv", rejected
        )
    )
    if rejected or len(articles) != 2:
        raise SystemExit(f"{pair_id}: could not read both texts: {rejected}")
    return articles


def annotate(articles: Sequence[Article], nlp: Any, cache: Path) -> None:
    """spaCy's sentences and entities (cached by text), then the article stages."""
    for article in articles:
        key = hashlib.sha1(article.text.encode()).hexdigest()
        path = cache / "spans" / f"{key}.pickle"
        if path.exists():
            spans = pickle.loads(path.read_bytes())
        else:
            spans = doc_spans(nlp(article.text))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pickle.dumps(spans))
        run_article_stages(annotate_spans(article, spans))


def surface_spans(text: str, surfaces: Iterable[str]) -> list[tuple[int, int]]:
    """Every place in ``text`` where one of the surfaces is written."""
    spans = []
    for surface in surfaces:
        start = text.find(surface)
        while start >= 0:
            spans.append((start, start + len(surface)))
            start = text.find(surface, start + 1)
    return spans


def holds_side(number: Number, article: Article, surfaces: Sequence[str]) -> bool:
    """Whether the group holds a claim of ``article`` at one of the surfaces, in its text or
    (a figure only the headline gives) in its title."""
    spans = {
        "text": surface_spans(article.text, surfaces),
        "title": surface_spans(article.title or "", surfaces),
    }
    return any(
        c.article_id == article.id
        and any(s < c.span.end and c.span.start < e for s, e in spans[c.span.part])
        for c in number.claims
    )


def gold_items_held(
    number: Number, articles: Sequence[Article], items: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The gold items whose figures the group holds in both texts."""
    a, b = articles
    return [
        item
        for item in items
        if holds_side(number, a, item["text1"]) and holds_side(number, b, item["text2"])
    ]


def gap(number: Number) -> float:
    values = [
        c.value if c.value is not None else (c.low + c.high) / 2  # type: ignore[operator]
        for c in number.claims
    ]
    top = max(abs(v) for v in values)
    return 0.0 if top == 0 else (max(values) - min(values)) / top


def describe(number: Number) -> str:
    claims = "; ".join(f"{c.text!r} [{c.article_id[-1]}]" for c in number.claims)
    verdict = number.verdict + ("" if number.compared else " (not compared)")
    return f"{verdict}: {number.measure}: {claims}  -- {number.note}"


class Tally:
    """What one run counted (see the module's docstring)."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {
            "pairs": 0,
            "gold_items": 0,
            "gold_conflicts": 0,
            "shown_disagreements": 0,
            "shown_disagreements_real": 0,
            "real_found": 0,
            "shown_agreements": 0,
            "shown_agreements_right": 0,
            "shown_agreements_wrong": 0,
            "shown_agreements_unlisted": 0,
            "gold_agreements_shown": 0,
            "gold_agreements": 0,
            "not_compared_across": 0,
            "not_quantity_gold": 0,
            "not_quantity_extracted": 0,
        }
        self.lines: list[str] = []

    def add(self, name: str, n: int = 1) -> None:
        self.counts[name] += n


def score_pair(
    pair_id: str, articles: Sequence[Article], story: Story, items: list[dict], tally: Tally
) -> None:
    """Count what the brief shows for one pair against its gold items."""
    tally.add("pairs")
    tally.add("gold_items", len(items))
    ids = {a.id for a in articles}
    for number in story.numbers:
        across = {c.article_id for c in number.claims} == ids
        score_shown(pair_id, number, gold_items_held(number, articles, items), across, tally)
    for item in items:
        shown_by = [n for n in story.numbers if item in gold_items_held(n, articles, items)]
        score_gold(pair_id, articles, item, shown_by, tally)


def score_shown(
    pair_id: str, number: Number, held: list[dict[str, Any]], across: bool, tally: Tally
) -> None:
    """A group the brief shows: a disagreement, an agreement or figures side by side."""
    relations = {item["relation"] for item in held}
    if number.verdict == "conflict" or (
        number.verdict == "approximately_agree" and gap(number) > BIG_GAP
    ):
        tally.add("shown_disagreements")
        # a wide rough agreement is right where the gold says the two roughly agree
        real = "conflict" in relations or (
            number.verdict == "approximately_agree" and "approximately_agree" in relations
        )
        tally.add("shown_disagreements_real", int(real))
        tally.lines.append(
            f"{pair_id} DISAGREEMENT {'real' if real else 'FALSE'} {describe(number)}"
        )
    elif across and number.verdict in AGREEING:
        tally.add("shown_agreements")
        if relations & set(AGREEING):
            tally.add("shown_agreements_right")
        elif relations:
            tally.add("shown_agreements_wrong")
            tally.lines.append(f"{pair_id} AGREEMENT WRONG {describe(number)}")
        else:
            tally.add("shown_agreements_unlisted")
            tally.lines.append(f"{pair_id} agreement unlisted {describe(number)}")
    elif across and not number.compared:
        tally.add("not_compared_across")
        tally.lines.append(f"{pair_id} side by side {describe(number)}")


def score_gold(
    pair_id: str,
    articles: Sequence[Article],
    item: dict[str, Any],
    shown_by: list[Number],
    tally: Tally,
) -> None:
    """A gold item: a real discrepancy found or missed, an agreement shown or not, a
    non-quantity extracted or not."""
    if item["relation"] == "conflict":
        tally.add("gold_conflicts")
        found = any(n.verdict == "conflict" for n in shown_by)
        tally.add("real_found", int(found))
        if not found:
            shown = [describe(n) for n in shown_by]
            tally.lines.append(f"{pair_id} MISSED conflict {item['measure']}: {shown}")
    if item["relation"] in AGREEING:
        tally.add("gold_agreements")
        shown = any(n.verdict in AGREEING for n in shown_by)
        tally.add("gold_agreements_shown", int(shown))
        if not shown:
            tally.lines.append(
                f"{pair_id} agreement not shown: {item['measure']}: "
                f"{[describe(n) for n in shown_by] or _alone(articles, item)}"
            )
    if item["relation"] == "not_quantity":
        tally.add("not_quantity_gold")
        extracted = any(
            s < q.end and q.start < e
            for side, a in zip(("1", "2"), articles, strict=True)
            for q in a.quantities
            for s, e in surface_spans(_written_in(a, q), item[f"text{side}"])
        )
        tally.add("not_quantity_extracted", int(extracted))
        if extracted:
            tally.lines.append(f"{pair_id} NOT A QUANTITY extracted: {item['measure']}")


def _alone(articles: Sequence[Article], item: dict[str, Any]) -> list[str]:
    """How each text's figures of a gold item were read, when no group holds both."""
    out = []
    for side, a in zip(("1", "2"), articles, strict=True):
        out += [
            f"[{side}] {q.text!r} measure={q.measure!r} head={q.head!r} frame={q.frame} "
            f"scope={q.scope}" + (" (title)" if q.in_title else "")
            for q in a.quantities
            if any(
                s < q.end and q.start < e
                for s, e in surface_spans(_written_in(a, q), item[f"text{side}"])
            )
        ] or [f"[{side}] nothing extracted"]
    return out


def _written_in(article: Article, q: Any) -> str:
    """The text a figure's span indexes: the article's title for a headline's figure."""
    return (article.title or "") if q.in_title else article.text


def figures(counts: dict[str, int]) -> dict[str, Any]:
    def share(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {
        **counts,
        "disagreement_precision": share(
            counts["shown_disagreements_real"], counts["shown_disagreements"]
        ),
        "discrepancy_recall": share(counts["real_found"], counts["gold_conflicts"]),
        "agreement_precision": share(
            counts["shown_agreements_right"],
            counts["shown_agreements_right"] + counts["shown_agreements_wrong"],
        ),
        "agreement_recall": share(counts["gold_agreements_shown"], counts["gold_agreements"]),
    }


_NUMBER = re.compile(
    r"\d[\d,]*(?:\.\d+)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
    re.IGNORECASE,
)


def changed(number: str, down: bool = False) -> str:
    """A number written as ``number`` is, changed beyond any rounding: raised by about 30 %,
    or with ``down`` lowered by as much (raised where that would leave nothing)."""
    value = parse_number(number)
    assert value is not None
    step = max(2, round(value * 0.3, -len(str(int(value))) + 2))
    new = value - step if down and value - step > 0 else value + step
    if not number[0].isdigit():
        word = number_to_words(int(new))
        return word.capitalize() if number[0].isupper() else word
    if "." in number:
        return f"{new:.{len(number.split('.')[1])}f}"
    return f"{int(new):,}" if "," in number else str(int(new))


_BOUND = re.compile(r"\b(?:more than|over|at least|up to|as many as|fewer than|less than)\b", re.I)


def plant(
    row: dict[str, str], item: dict[str, Any], down: bool = False, side: str = "2"
) -> tuple[dict[str, str], dict] | None:
    """The pair with the figure of ``item`` changed wherever text ``side`` gives it, and
    the item saying the two now conflict; None when a surface holds no number to change or
    a surface of either text is a bound (a bound and a larger figure do not conflict)."""
    key = f"text{side}"
    if any(_BOUND.search(surface) for surface in item["text1"] + item["text2"]):
        return None
    text, surfaces = row[key], []
    for surface in item[key]:
        number = _NUMBER.search(surface)
        if number is None or surface not in text:
            return None
        new = surface[: number.start()] + changed(number.group(0), down) + surface[number.end() :]
        text = text.replace(surface, new)
        surfaces.append(new)
    return {**row, key: text}, {**item, key: surfaces, "relation": "conflict"}


# The fuller planted set (``--plant-wide``): each agreeing figure changed in either text,
# raised and lowered -- up to four planted pairs per gold item instead of one.
WIDE = (("2", False), ("2", True), ("1", False), ("1", True))


def plant_all(
    gold: list[dict],
    rows: dict[str, dict[str, str]],
    nlp: Any,
    embedder: Any,
    cache: Path,
    ways: Sequence[tuple[str, bool]] = (("2", False),),
) -> Tally:
    """Brief each pair again with one agreeing figure changed (see the module's docstring),
    once per ``(text changed, lowered)`` of ``ways``."""
    tally = Tally()
    for record in gold:
        for n, item in enumerate(f for f in record["figures"] if f["relation"] in AGREEING):
            for side, down in ways:
                made = plant(rows[record["pair_id"]], item, down, side)
                if made is None:
                    continue
                row, planted = made
                way = "" if len(ways) == 1 else f":{side}{'-+'[not down]}"
                pair_id = f"{record['pair_id']}~{n}{way}"
                articles = read_pair(pair_id, row, cache)
                annotate(articles, nlp, cache)
                story = brief_story(articles, embedder, story_id=pair_id)
                score_pair(pair_id, articles, story, [planted], tally)
    return tally


POLNEAR = ROOT.parent / "shared" / "bench" / "polnear"


def polnear_pairs(limit: int) -> list[tuple[str, dict[str, str]]]:
    """The ``limit`` most alike PolNeAR article pairs of two publishers, two days apart at
    most: ``(pair id, {"text1": ..., "text2": ...})``."""
    import datetime

    from sklearn.feature_extraction.text import TfidfVectorizer

    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        meta = list(csv.DictReader(handle, delimiter="\t"))
    texts = [
        (POLNEAR / m["compartment"] / "text" / f"{m['filename']}.txt").read_text("utf-8")
        for m in meta
    ]
    vectors = TfidfVectorizer(stop_words="english", min_df=2, max_df=0.3, sublinear_tf=True)
    matrix = vectors.fit_transform(texts)
    cosine = (matrix @ matrix.T).toarray()
    day = [datetime.date.fromisoformat(m["publication_date"]) for m in meta]
    pairs = sorted(
        (
            (float(cosine[i, j]), i, j)
            for i in range(len(meta))
            for j in range(i + 1, len(meta))
            if meta[i]["publisher"] != meta[j]["publisher"]
            and abs((day[i] - day[j]).days) <= 2
            and cosine[i, j] > 0.2
        ),
        reverse=True,
    )[:limit]
    return [
        (
            f"{meta[i]['filename'][:30]}__{meta[j]['filename'][:30]}",
            {"text1": texts[i], "text2": texts[j]},
        )
        for _, i, j in pairs
    ]


def polnear_verdicts(limit: int, nlp: Any, embedder: Any, cache: Path) -> list[str]:
    """Every verdict shown across both articles of the PolNeAR pairs, as lines to read."""
    lines = []
    for pair_id, row in polnear_pairs(limit):
        articles = read_pair(pair_id, row, cache)
        annotate(articles, nlp, cache)
        story = brief_story(articles, embedder, story_id=pair_id)
        ids = {a.id for a in articles}
        lines += [
            f"{pair_id} {describe(n)}"
            for n in story.numbers
            if {c.article_id for c in n.claims} == ids
        ]
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--out", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--plant", action="store_true", help="also plant discrepancies")
    parser.add_argument(
        "--plant-down", action="store_true", help="plant by lowering figures, not raising them"
    )
    parser.add_argument(
        "--plant-wide",
        action="store_true",
        help="also plant in either text, raising and lowering (a fuller planted set)",
    )
    parser.add_argument("--polnear", type=int, default=0, help="also brief N PolNeAR pairs")
    args = parser.parse_args(argv)
    gold = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    rows = load_pairs(args.data)
    nlp, embedder = load_spacy(), load_embedder()
    tally = Tally()
    for record in gold:
        pair_id = record["pair_id"]
        articles = read_pair(pair_id, rows[pair_id], args.cache)
        annotate(articles, nlp, args.cache)
        story = brief_story(articles, embedder, story_id=pair_id)
        score_pair(pair_id, articles, story, record["figures"], tally)
    result = figures(tally.counts)
    planted = (
        plant_all(gold, rows, nlp, embedder, args.cache, (("2", args.plant_down),))
        if args.plant
        else None
    )
    wide = plant_all(gold, rows, nlp, embedder, args.cache, WIDE) if args.plant_wide else None
    polnear = polnear_verdicts(args.polnear, nlp, embedder, args.cache) if args.polnear else []
    if polnear:
        print("PolNeAR verdicts across both articles:", *polnear, sep="\n  ")
    if args.verbose:
        print("\n".join(tally.lines + (planted.lines if planted else [])))
    print(json.dumps(result, indent=2))
    if planted:
        print("planted:", json.dumps(figures(planted.counts), indent=2))
    if wide:
        if args.verbose:
            print("\n".join(wide.lines))
        print("planted wide:", json.dumps(figures(wide.counts), indent=2))
    if args.out:
        document = {
            "command": COMMAND
            + str(args.out)
            + (" --plant" if args.plant else "")
            + (" --plant-down" if args.plant_down else "")
            + (" --plant-wide" if args.plant_wide else "")
            + (f" --polnear {args.polnear}" if args.polnear else ""),
            "gold": str(args.gold.relative_to(ROOT)),
            "figures": result,
            "planted": figures(planted.counts) if planted else None,
            "shown": tally.lines,
            "shown_planted": planted.lines if planted else [],
            "planted_wide": figures(wide.counts) if wide else None,
            "shown_planted_wide": wide.lines if wide else [],
            "polnear_verdicts": polnear,
        }
        args.out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
