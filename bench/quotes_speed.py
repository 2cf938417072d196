"""What the quotes stage costs beside bare spaCy, on real articles (PolNeAR train, the first N).

    PYTHONPATH=src .venv/bin/python bench/quotes_speed.py [--n 100] [--repeats 3] [--write]

On the same cleaned texts, models loaded before the clock starts, interleaved ``--repeats``
times (medians compared; CPU time of this process and wall time both reported, the machine
being shared):

- ``bare``: spaCy as the brief loads it (sentences and NER), one ``nlp.pipe`` pass;
- ``parse``: the parse the quotes stage reads, made at annotation from the pass's Docs
  (:func:`corroborate.annotate.parse.parse_doc`);
- ``extract``: :func:`corroborate.annotate.quotes.extract_quotes` on every article (the people
  of a one-article story worked out before the clock starts);
- ``quotes`` = ``parse`` + ``extract``: what the quotes stage costs in all.

The target: the quotes stage costs at most ~20 % of bare spaCy's time. ``--src DIR`` times
another version's code on the same articles (``git archive 86a9019 src | tar -x -C DIR``: the
quotes stage before this parse, which parsed whole paragraphs inside ``extract_quotes``; its
``parse`` is then 0 and ``extract`` holds it).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import types
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from quotes_polnear import prepared_articles  # noqa: E402


def _clock(run) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def _stand_in_for_parse() -> None:
    """An older package has no ``corroborate.annotate.parse``: the cached articles' parses
    (which it never reads) unpickle as plain objects."""
    stand_in = types.ModuleType("corroborate.annotate.parse")
    stand_in.Parsed = type("Parsed", (), {})  # type: ignore[attr-defined]
    sys.modules[stand_in.__name__] = stand_in


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--src", help="time the package under DIR/src instead")
    parser.add_argument("--write", help="write the figures to bench/results/NAME.json")
    args = parser.parse_args()
    if args.src:
        sys.path.insert(0, str(Path(args.src) / "src"))
        _stand_in_for_parse()

    from corroborate.annotate import nlp as nlp_module
    from corroborate.annotate.nlp import load_spacy
    from corroborate.annotate.quotes import extract_quotes
    from corroborate.compare.entities import story_person_mentions

    articles = [a for a, _ in prepared_articles("train")[: args.n]]
    people = {a.id: story_person_mentions([a])[a.id] for a in articles}
    texts = [a.text for a in articles]
    nlp = load_spacy()
    list(nlp.pipe(texts[:5]))  # warm up
    if hasattr(nlp_module, "load_parser"):  # the older version: its own parser, loaded once
        nlp_module.load_parser()
    parse_doc = getattr(sys.modules.get("corroborate.annotate.parse"), "parse_doc", None)
    if parse_doc is None and not args.src:
        from corroborate.annotate.parse import parse_doc
    docs: list[object] = []
    found: list[int] = []

    def bare() -> None:
        docs[:] = nlp.pipe(texts, batch_size=16)

    def parse() -> None:
        if parse_doc is None:
            return
        for a, doc in zip(articles, docs, strict=True):
            a.parsed = parse_doc(doc, nlp, a.text, [(s.start, s.end) for s in a.sentences])

    def extract() -> None:
        found[:] = [len(extract_quotes(a, people[a.id])) for a in articles]

    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "parse": [], "extract": []}
    for _ in range(args.repeats):
        for name, run in (("bare", bare), ("parse", parse), ("extract", extract)):
            runs[name].append(_clock(run))
    result: dict[str, object] = {
        "articles": len(articles),
        "characters": sum(len(t) for t in texts),
        "quotes_found": sum(found),
    }
    for name, timed in runs.items():
        result[f"{name}_wall_s"] = round(statistics.median(w for w, _ in timed), 2)
        result[f"{name}_cpu_s"] = round(statistics.median(c for _, c in timed), 2)
    quotes_cpu = statistics.median(
        p[1] + e[1] for p, e in zip(runs["parse"], runs["extract"], strict=True)
    )
    result["quotes_cpu_s"] = round(quotes_cpu, 2)
    result["quotes_over_bare_cpu"] = round(
        quotes_cpu / statistics.median(c for _, c in runs["bare"]), 3
    )
    result["command"] = "PYTHONPATH=src .venv/bin/python bench/quotes_speed.py " + " ".join(
        sys.argv[1:]
    )
    print(json.dumps(result, indent=1))
    result["package"] = str(Path(nlp_module.__file__).parents[2])
    if args.write:
        path = ROOT / "bench" / "results" / f"{args.write}.json"
        path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
