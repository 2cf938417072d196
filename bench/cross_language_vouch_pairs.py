"""Why vouching for thin two-language pairs by their multilingual cosine moves so little: the
SemEval-2022 Task 8 pairs in two languages (clear ratings: ``Overall <= 2`` same story,
``>= 3`` different), counted by setting, label, whether they are ``thin_across`` (fewer than
two names shared, and not one with a figure), whether their multilingual-e5-small cosine
reaches ``MULTILINGUAL_MEET`` (``vouched``), whether blocking lets them meet by keys
(``candidate``) and whether one side is English; then the spread of the cosines per group.
Descriptive (every rated pair, no fold): ``bench/results/cross_language_vouch_plan.md``.

    PYTHONPATH=src:bench .venv/bin/python bench/cross_language_vouch_pairs.py CACHE \
        > bench/results/cross_language_vouch_pairs.txt

``CACHE``: ``bench/semeval.py``'s vectors by text (``--multilingual CACHE``), holding every text.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from semeval import DATA, load, read_as_brief_does  # noqa: E402

from corroborate.compare.same_story import (  # noqa: E402
    MULTILINGUAL_MEET,
    candidate,
    profile,
    rounded_cosine,
    setting,
    thin_across,
)
from corroborate.embed.multilingual import passage_text  # noqa: E402


def main() -> None:
    rows = load(DATA)
    articles, _ = read_as_brief_does(rows)
    by_id = {a.id: a for a in articles}
    stored = np.load(sys.argv[1], allow_pickle=True).item()
    vectors = dict(zip(stored["sha1"], stored["vecs"], strict=True))

    def vector(a):  # type: ignore[no-untyped-def]
        return vectors[hashlib.sha1(passage_text(a.title, a.text).encode()).hexdigest()]

    count: Counter[tuple[str, ...]] = Counter()
    cosines: dict[tuple[str, ...], list[float]] = {}
    for r in rows:
        overall = float(r["Overall"])
        if 2 < overall < 3:
            continue
        a, b = by_id[f"{r['key']}/1"], by_id[f"{r['key']}/2"]
        if a.language == b.language or not a.text or not b.text:
            continue
        pa, pb = profile(a), profile(b)
        group = (setting(pa, pb), "same" if overall <= 2 else "different")
        thin = "thin" if thin_across(pa, pb) else "not_thin"
        cosine = rounded_cosine(vector(a), vector(b))
        cosines.setdefault((*group, thin), []).append(cosine)
        count[
            (
                *group,
                thin,
                "vouched" if cosine >= MULTILINGUAL_MEET else "-",
                "keys_meet" if candidate(pa, pb) else "no_key",
                "english" if "en" in (a.language, b.language) else "no_english",
            )
        ] += 1
    print(f"pairs (MULTILINGUAL_MEET {MULTILINGUAL_MEET}):")
    for key, n in sorted(count.items()):
        print(" ", *key, n)
    print("multilingual cosines (q10 / median / q90, max):")
    for key, found in sorted(cosines.items()):
        q = np.round(np.quantile(found, [0.1, 0.5, 0.9]), 3)
        print(" ", *key, len(found), *q, round(max(found), 3))


if __name__ == "__main__":
    main()
