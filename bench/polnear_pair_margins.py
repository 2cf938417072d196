"""Post-check diagnostic of issue 18's eighth part: the margin over the link cut of the PolNeAR
article pairs behind the wrong verdicts and facts of the by-meaning checks, under several
same-story model files (the shipped lead model, ``both_kept``, ``both_agree``).

Needs ``bench/results/english_meaning_not_kept.patch`` applied (the first chunk in the
profiles); the model files are written by ``bench/semeval_english_meaning.py --write-model``
(copy each aside, then ``git checkout`` the shipped one):

    PYTHONPATH=src:bench python bench/polnear_pair_margins.py --models lead=/tmp/meaning2/model_lead.json A=/tmp/meaning2/model_A.json B=/tmp/meaning2/model_B.json

Each article is read as the brief reads it (the JSON Lines record of ``pile_verdicts.py``,
spaCy's sentences for the lead). A positive margin is a direct link.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from pile_verdicts import polnear_pile  # noqa: E402

from corroborate.annotate.nlp import load_spacy  # noqa: E402
from corroborate.compare.cluster import StoryClusterer  # noqa: E402
from corroborate.compare.same_story import (  # noqa: E402
    FEATURES,
    lead_cosine,
    load_model,
    pair_features,
)
from corroborate.embed.minilm import MiniLMEncoder  # noqa: E402
from corroborate.pipeline import annotate_article, read_articles  # noqa: E402

# The pairs behind the checks' wrong verdicts and facts, and two right ones for comparison.
PAIRS = (
    (
        "politico_2016-02-17_bush-rubio-collide-in-scramble-f",
        "breitbart_2016-03-15_the-latest-kasich-scores-all-del",
    ),
    (
        "west-journal_2016-03-08_the-entire-gop-race-is-hinging-o",
        "breitbart_2016-03-15_the-latest-kasich-scores-all-del",
    ),
    (
        "politico_2016-07-11_republicans-ask-doj-to-investiga",
        "wash-post_2016-07-13_after-review-clinton-s-emails-mi",
    ),
    (
        "wash-post_2016-04-30_indiana-governor-endorses-cruz-b",
        "usa-today_2016-05-05_spoiler-no-more-kasich-ends-bid",
    ),
    (
        "usa-today_2016-02-09_new-hampshire-primary-game-on-wh",
        "usa-today_2016-03-02_no-clear-path-points-to-white-ho",
    ),
    (
        "breitbart_2016-03-01_the-latest-sanders-wins-minnesot",
        "usa-today_2016-03-02_no-clear-path-points-to-white-ho",
    ),
    (
        "wash-post_2016-04-20_beyond-victory-clinton-faces-dee",
        "nyt_2016-04-21_crucial-wins-for-clinton-and-tru",
    ),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="+", required=True, help="name=path of a model file")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    models = {n: load_model(Path(p)) for n, p in (m.split("=", 1) for m in args.models)}
    ids = {i for pair in PAIRS for i in pair}
    records = [r for r in polnear_pile() if r["id"] in ids]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pile.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        articles = list(read_articles([str(path)], None, []))
    nlp = load_spacy()
    articles = [annotate_article(a, nlp(a.text)) for a in articles]
    clusterer = StoryClusterer(MiniLMEncoder())
    profiles = {a.id: clusterer.profile(a) for a in articles}
    from corroborate.compare.same_story import passage_cosine  # the patch's

    rows = []
    for x, y in PAIRS:
        a, b = profiles[x], profiles[y]
        found = dict(zip(FEATURES, pair_features(a, b), strict=True))
        rows.append(
            {
                "pair": [x, y],
                "lead_cosine": lead_cosine(a, b),
                "first_chunk_cosine": passage_cosine(a, b),
                "lead_body": round(found["lead_body"], 3),
                "grams": round(found["grams"], 3),
                "margin": {n: round(m.margin(a, b), 3) for n, m in models.items()},
            }
        )
    text = json.dumps({"pairs": rows, "command": "python " + " ".join(sys.argv)}, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
