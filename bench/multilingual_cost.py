"""What the multilingual embedding costs the story grouping: CPU and wall seconds of
:func:`corroborate.compare.cluster.cluster_stories` on a pile of SemEval-2022 Task 8 texts in
other languages than English, with the multilingual encoder and without it, and the same on a
pile of English texts (where the engine must never load).

    .venv/bin/python bench/multilingual_cost.py --texts 300 --out bench/results/multilingual_cost.json

The texts are read as ``brief`` reads ``.txt`` files (``bench/semeval.py``), each distinct text
once, the first ``--texts`` of each pile in the sample's order. Each pile is grouped by a fresh
clusterer (no lead embedder, as ``brief`` groups by default), first without the multilingual
encoder, then with a fresh one (its engine loaded inside the timing), then without it again;
CPU seconds are the process's (every thread: the engine computes on OpenMP threads).

A third pile, ``mixed``, holds the first half of each (English articles are embedded too
when an article in another language is live: they may meet it by the multilingual
embedding, ``MULTILINGUAL_MEET``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from semeval import DATA, load, read_as_brief_does  # noqa: E402

from corroborate.compare.cluster import StoryClusterer  # noqa: E402
from corroborate.embed.multilingual import E5Encoder  # noqa: E402
from corroborate.model import Article  # noqa: E402


class Counting(E5Encoder):
    """The product's encoder, counting what it embeds."""

    def __init__(self) -> None:
        super().__init__()
        self.texts = 0

    def encode(self, texts):  # type: ignore[no-untyped-def]
        self.texts += len(texts)
        return super().encode(texts)


def timed(articles: list[Article], encoder: Counting | None) -> dict[str, float]:
    c = StoryClusterer(multilingual=encoder if encoder is not None else False)
    cpu, wall = time.process_time(), time.perf_counter()
    c.add_many(sorted(articles, key=lambda a: a.id))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    stories = len(c.stories())
    found = {"cpu_seconds": round(cpu, 2), "wall_seconds": round(wall, 2), "stories": stories}
    if encoder is not None:
        found["texts_embedded"] = encoder.texts
        found["engine_loaded"] = encoder._engine is not None
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=300, help="texts per pile")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    articles, _ = read_as_brief_does(load(DATA))
    seen: set[tuple[str, str]] = set()
    piles: dict[str, list[Article]] = {"other_languages": [], "english": []}
    for a in articles:
        key = (a.language or "", f"{a.title}\n{a.text}")
        if not a.text or key in seen:
            continue
        seen.add(key)
        pile = piles["english" if a.language == "en" else "other_languages"]
        if len(pile) < args.texts:
            pile.append(a)
    half = args.texts // 2
    piles["mixed"] = piles["english"][:half] + piles["other_languages"][:half]
    result: dict[str, object] = {}
    for name, pile in piles.items():
        off = timed(pile, None)
        on = timed(pile, Counting())
        off_again = timed(pile, None)
        best_off = min(off["cpu_seconds"], off_again["cpu_seconds"])
        extra = on["cpu_seconds"] - best_off
        result[name] = {
            "texts": len(pile),
            "languages": sorted({a.language or "" for a in pile}),
            "without": off,
            "with_multilingual": on,
            "without_again": off_again,
            "extra_cpu_seconds_per_article": round(extra / len(pile), 4),
            "extra_cpu_seconds_per_text_embedded": (
                round(extra / on["texts_embedded"], 4) if on["texts_embedded"] else None
            ),
        }
    result["command"] = "python " + " ".join(sys.argv)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
