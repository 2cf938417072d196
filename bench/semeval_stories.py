"""Stories, not pairs: every SemEval-2022 Task 8 text grouped in one pile by the clusterer, each
rated pair then read off the stories (same story or not), by cross-validation.

    .venv/bin/python bench/semeval_stories.py --embedder minilm --cache /tmp/semeval_leads.npy \
        --out bench/results/semeval_stories.json
    .venv/bin/python bench/semeval_stories.py --embedder minilm --spacy \
        --cache /tmp/semeval_spacy_leads.npy --out bench/results/semeval_stories_brief.json
    .venv/bin/python bench/semeval_stories.py --multilingual /tmp/e5cache.npy \
        --out bench/results/semeval_stories_multilingual.json

With ``--multilingual CACHE`` the clusterer reads pairs not both in English with the
multilingual models too (fitted on each fold's training pairs, as the others), its encoder
behind ``bench/semeval.py``'s cache of vectors by text: the grouping ``brief`` does by default,
where two articles neither in English meet in blocking when their multilingual cosine is at
least ``MULTILINGUAL_MEET``. ``--multilingual-meet rule`` sets that cut on each fold by
:func:`meet_cut` on the training texts (a float: that cut; out of reach, e.g. 2: no such
meeting); ``multilingual_meet`` in the output gives each fold's cut and the held-out pairs
that meet by it alone:

    .venv/bin/python bench/semeval_stories.py --multilingual /tmp/e5cache.npy \
        --multilingual-meet rule --out bench/results/semeval_stories_meet_rule.json

With ``--english-multilingual`` (and ``--embedder``, ``--multilingual``) English pairs are read
by the English multilingual model too, fitted on each fold's English training pairs, as
``brief --stories-by-meaning`` reads them (``bench/results/english_e5_plan.md``):

    .venv/bin/python bench/semeval_stories.py --embedder minilm --spacy \
        --cache /tmp/semeval_spacy_leads.npy --multilingual /tmp/e5cache.npy \
        --english-multilingual --out bench/results/semeval_stories_english_e5.json

``bench/semeval.py`` scores the pair model on each rated pair alone. A reader gets stories,
and between the pair model and a story lie blocking (two articles are compared only when they
share a blocking key), linking, and the average-linkage split of a linked group -- and the
other texts of the pile, which can chain two stories into one. Here the distinct texts of the
sample (read and cleaned as ``brief`` reads ``.txt`` files; the texts carry no dates, so every
pair is near in time) are clustered together, and each clear pair (``Overall <= 2`` same,
``>= 3`` different) counts as predicted "same" when both texts end in one story. With
``--spacy``, the leads are embedded from spaCy's sentences, as ``brief`` embeds them (the
product path); else from rough sentences split by punctuation.

Cross-validation as in ``bench/semeval.py``: 5 stratified folds (by label and language
setting); on each, the pair models and thresholds are fitted on the training folds' pairs only
(as the shipped model is fitted on all), the whole pile is clustered with them, and the
held-out pairs are scored. Figures are mean ± sd over the folds, per setting; ``blocking``
also reports the share of the held-out same-story pairs that share a blocking key or meet by
their multilingual cosine (the pairs the clusterer can link directly), and
``texts_the_clusterer_embedded_per_fold`` the distinct texts the clusterer had the multilingual
encoder embed on each fold, English and not (its cost: English texts are embedded only for the
pairs it reads with their cosine).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from semeval import (  # noqa: E402  (bench script beside this one)
    LINK_BETA,
    POOLS,
    SELECTED,
    CachedEncoder,
    add_input_options,
    best_threshold,
    decision_threshold,
    embeddings,
    fit_selected,
    fit_settings,
    group_of,
    load,
    pair_language,
    read_as_brief_does,
)

from corroborate.compare.cluster import StoryClusterer  # noqa: E402
from corroborate.compare.same_story import (  # noqa: E402
    FEATURES,
    MULTILINGUAL,
    MULTILINGUAL_SETTINGS,
    SETTINGS,
    SameStoryModel,
    candidate,
    multilingual_input,
    pair_features,
    profile,
    rounded_cosine,
    setting,
    thin_across,
)
from corroborate.embed.multilingual import passage_text  # noqa: E402
from corroborate.model import Article  # noqa: E402

# What the English multilingual model reads (``e5_input_kept``: bench/semeval_english_e5.py).
ENGLISH_MULTILINGUAL = ("lead_body", "grams", "multilingual")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_input_options(parser)
    parser.add_argument(
        "--spacy",
        action="store_true",
        help="leads from spaCy's sentences, as brief reads them (else from rough sentences)",
    )
    parser.add_argument(
        "--one-scale",
        action="store_true",
        help="each language of a model's pool on its own scale (as before the common scale)",
    )
    parser.add_argument(
        "--leads-meet",
        type=float,
        default=None,
        help="the cosine from which English articles meet in blocking (default: the code's "
        "LEADS_MEET, 0.5; bench/story_meet.py chose 0.51 for --vectors story)",
    )
    parser.add_argument(
        "--pairs-out",
        type=Path,
        default=None,
        help="write each held-out pair's verdict (JSON Lines), to compare two runs pair by pair",
    )
    parser.add_argument(
        "--multilingual-meet",
        default=None,
        help="with --multilingual: the cosine from which two articles not both in English meet "
        "by their multilingual vectors (MULTILINGUAL_MEET); 'rule': chosen on each fold's "
        "training texts by meet_cut (default: the code's)",
    )
    parser.add_argument(
        "--english-multilingual",
        action="store_true",
        help="with --embedder and --multilingual: English pairs read by the English "
        "multilingual model (lead_body, grams and the cosine, fitted on each fold's English "
        "training pairs), as brief --stories-by-meaning reads them",
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    if args.leads_meet is not None:
        import corroborate.compare.cluster as cluster_module
        import corroborate.compare.same_story as same_story_module

        cluster_module.LEADS_MEET = same_story_module.LEADS_MEET = args.leads_meet
    t0 = time.perf_counter()
    rows = load(args.data)
    articles, _ = read_as_brief_does(rows)
    if args.spacy and not (args.cache and args.cache.exists()):  # else the cache has them
        with_sentences(articles)
    vectors = embeddings(articles, args.embedder, args.cache, args.vectors)
    # One article per distinct text: a text rated in several pairs is one article of the pile.
    first: dict[str, str] = {}
    side_of: dict[str, str] = {}
    pile = []
    for a in articles:
        digest = hashlib.sha1(f"{a.language}\n{a.title}\n{a.text}".encode()).hexdigest()
        if digest not in first:
            first[digest] = a.id
            pile.append(a)
        side_of[a.id] = first[digest]
    profiles = {a.id: profile(a, vectors.get(a.id)) for a in pile}
    overall = np.array([float(r["Overall"]) for r in rows])
    clear = (overall <= 2) | (overall >= 3)
    kept = [r for r, c in zip(rows, clear, strict=True) if c]
    y = (overall[clear] <= 2).astype(int)
    groups = np.array([group_of(r) for r in kept])
    sides = [(side_of[f"{r['key']}/1"], side_of[f"{r['key']}/2"]) for r in kept]
    languages = np.array(
        ["" if args.one_scale else pair_language(profiles[a], profiles[b]) for a, b in sides]
    )
    x = np.array([pair_features(profiles[a], profiles[b]) for a, b in sides])
    lexical = [i for i, f in enumerate(FEATURES) if f != "embedding"]
    encoder = CachedEncoder(args.multilingual) if args.multilingual else None
    text_of = {a.id: passage_text(a.title, a.text) for a in pile}
    if encoder is not None:  # the rated pairs' multilingual feature, to fit the models on
        english_too = args.english_multilingual and args.embedder is not None
        wanted = sorted(
            {
                i
                for a, b in sides
                if english_too or setting(profiles[a], profiles[b]) != "english"
                for i in (a, b)
            }
        )
        vector = dict(zip(wanted, encoder.encode([text_of[i] for i in wanted]), strict=True))
        column = [
            multilingual_input(rounded_cosine(vector[a], vector[b])) if a in vector else 0.0
            for a, b in sides
        ]
        x_multilingual = np.c_[x[:, lexical], column]
    shared_key = np.array([candidate(profiles[a], profiles[b]) for a, b in sides])
    meet_cosine = np.full(len(sides), -1.0)  # the pairs that may meet by multilingual vectors
    if encoder is not None:
        everything = dict(
            zip(
                [a.id for a in pile],
                encoder.encode([text_of[a.id] for a in pile]),
                strict=True,
            )
        )
        for k, (a, b) in enumerate(sides):
            if not shared_key[k]:
                cos = rounded_cosine(everything[a], everything[b])
                may = "en" not in (profiles[a].language, profiles[b].language)
                meet_cosine[k] = cos if may and not thin_across(profiles[a], profiles[b]) else -1.0
    meet_report = []
    strata = np.array([f"{g}/{t}" for g, t in zip(groups, y, strict=True)])
    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=13)
    runs: dict[str, list[dict[str, float]]] = {g: [] for g in SETTINGS}
    cluster_seconds = []
    asked: list[dict[str, int]] = []  # texts the clusterer embedded, per fold: English, others
    language_of = {text_of[a.id]: "en" if a.language == "en" else "other" for a in pile}
    verdicts = []
    for fold, (train, test) in enumerate(folds.split(y, strata)):
        embedded = fit_settings(
            x[train],
            y[train],
            groups[train],
            FEATURES,
            POOLS["embedded"],
            SELECTED["embedded"],
            languages[train],
        )
        lex = fit_settings(
            x[train][:, lexical],
            y[train],
            groups[train],
            tuple(FEATURES[i] for i in lexical),
            POOLS["lexical"],
            (),
            languages[train],
        )
        model = SameStoryModel(
            embedded[0],
            lex[0],
            {"embedded": embedded[1], "lexical": lex[1]},
            {"embedded": embedded[2], "lexical": lex[2]},
        )
        if encoder is not None:
            multi = fit_settings(
                x_multilingual[train],
                y[train],
                groups[train],
                MULTILINGUAL,
                POOLS["multilingual"],
                (),
                languages[train],
                MULTILINGUAL_SETTINGS,
            )
            if english_too:  # the English multilingual model (bench/semeval_english_e5.py)
                mine = train[groups[train] == "english"]
                columns = [MULTILINGUAL.index(f) for f in ENGLISH_MULTILINGUAL]
                english = fit_selected(x_multilingual[mine], y[mine], MULTILINGUAL, columns)
                p = english.probability(x_multilingual[mine])
                multi[0]["english"] = english
                multi[1]["english"] = decision_threshold(p, y[mine])
                multi[2]["english"] = best_threshold(p, y[mine], LINK_BETA)
            model = SameStoryModel(
                embedded[0],
                lex[0],
                model.thresholds | {"multilingual": multi[1]},
                model.link_thresholds | {"multilingual": multi[2]},
                multilingual=multi[0],
            )
        if args.multilingual_meet is not None and encoder is not None:
            import corroborate.compare.cluster as cluster_module
            import corroborate.compare.same_story as same_story_module

            if args.multilingual_meet == "rule":
                trained = sorted({i for k in train for i in sides[k]})
                cut = meet_cut(trained, everything, profiles, set(sides))
            else:
                cut = float(args.multilingual_meet)
            cluster_module.MULTILINGUAL_MEET = same_story_module.MULTILINGUAL_MEET = cut
            gained = test[(meet_cosine[test] >= cut) & ~shared_key[test]]
            meet_report.append(
                {
                    "fold": fold,
                    "cut": cut,
                    "held_out_pairs_meeting_by_vectors_only": {
                        g: {
                            "same": int(y[gained][groups[gained] == g].sum()),
                            "different": int((1 - y[gained])[groups[gained] == g].sum()),
                        }
                        for g in MULTILINGUAL_SETTINGS
                    },
                }
            )
        import corroborate.compare.same_story as ss

        meets_now = shared_key | (meet_cosine >= ss.MULTILINGUAL_MEET)
        counted = Counting(encoder, language_of) if encoder is not None else None
        clusterer = StoryClusterer(model=model, multilingual=counted or False)
        c0 = time.perf_counter()
        for a in pile:
            clusterer._place(profiles[a.id], text_of[a.id])
        cluster_seconds.append(time.perf_counter() - c0)
        if counted is not None:
            asked.append(counted.by_language())
        story = clusterer.assignments()
        predicted = np.array([story[a] == story[b] for a, b in sides])
        for g in SETTINGS:
            t = test[groups[test] == g]
            runs[g].append(_scores(y[t], predicted[t], meets_now[t]))
        verdicts += [
            {
                "fold": fold,
                "key": kept[i]["key"],
                "setting": str(groups[i]),
                "same": int(y[i]),
                "one_story": bool(predicted[i]),
            }
            for i in test
        ]
    result = {
        "texts": len(pile),
        "pairs": {g: int((groups == g).sum()) for g in SETTINGS},
        "same_story_pairs": {g: int(y[groups == g].sum()) for g in SETTINGS},
        "embedder": args.embedder,
        "multilingual": bool(encoder),
        "multilingual_texts_embedded_by_this_run": encoder.embedded if encoder else 0,
        "folds": args.folds,
        "cluster_seconds_per_fold": round(float(np.mean(cluster_seconds)), 1),
        "texts_the_clusterer_embedded_per_fold": asked,
        "held_out": {
            g: {
                m: f"{np.mean([f[m] for f in fs]):.3f} ± {np.std([f[m] for f in fs]):.3f}"
                for m in fs[0]
            }
            for g, fs in runs.items()
        },
        "held_out_by_fold": {
            g: {m: [round(f[m], 4) for f in fs] for m in fs[0]} for g, fs in runs.items()
        },
        "multilingual_meet": meet_report,
        "seconds": round(time.perf_counter() - t0, 1),
        "command": "python " + " ".join(sys.argv),
    }
    if args.pairs_out:
        args.pairs_out.write_text("".join(json.dumps(v) + "\n" for v in verdicts))
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


class Counting:
    """The bench's encoder, counting the distinct texts the clusterer asks it to embed, English
    and not (what the multilingual embedding costs the grouping of the pile)."""

    def __init__(self, encoder: CachedEncoder, language_of: dict[str, str]):
        self.encoder = encoder
        self.language_of = language_of
        self.texts: set[str] = set()

    def encode(self, texts: list[str]) -> np.ndarray:
        self.texts.update(texts)
        return self.encoder.encode(list(texts))

    def by_language(self) -> dict[str, int]:
        found = {"en": 0, "other": 0}
        for text in self.texts:
            found[self.language_of.get(text, "other")] += 1
        return found


def with_sentences(articles: list[Article]) -> None:
    """Give each article its sentences as ``brief`` finds them (spaCy, by the pipeline for the
    article's language: :func:`~corroborate.annotate.nlp.pipeline_for`), so that its lead
    (:func:`~corroborate.compare.cluster.lead_texts`) is the one the brief embeds. The same-story
    profile reads the text alone, so nothing else changes."""
    from corroborate.annotate.nlp import annotate_doc, load_spacy, pipeline_for

    nlp = load_spacy()
    by_text: dict[tuple[str, str], list[Any]] = {}
    for a in articles:
        if not a.text:
            continue
        key = (a.language or "", a.text)
        if key not in by_text:
            by_text[key] = annotate_doc(a, pipeline_for(a.language, nlp)(a.text)).sentences
        a.sentences = by_text[key]


# Share of unrelated pairs of texts that meet by their multilingual vectors; fixed before any
# figure was seen, as blocking's cost: one comparison in a thousand of the possible ones.
MEET_SHARE = 0.001


def meet_cut(
    texts: list[str],
    vectors: dict[str, np.ndarray],
    profiles: dict[str, Any],
    rated: set[tuple[str, str]],
) -> float:
    """The ``MULTILINGUAL_MEET`` cut by a rule fixed in advance, read on the texts of the
    training pairs only, no label read: the cosine reached by ``MEET_SHARE`` of the pairs of
    those texts that may meet so (neither in English) and were not rated together (nearly
    all two stories), rounded to two decimals. (The variant that let English articles meet
    the others read the pairs not both in English: ``multilingual_meet.md``.)"""
    ids = list(texts)
    matrix = np.stack([vectors[i] for i in ids]).astype(np.float64)
    english = np.array([profiles[i].language == "en" for i in ids])
    cosines = matrix @ matrix.T
    either = english[:, None] | english[None, :]
    upper = np.triu(np.ones_like(cosines, dtype=bool), k=1) & ~either
    position = {i: k for k, i in enumerate(ids)}
    for a, b in rated:
        if a in position and b in position:
            upper[position[a], position[b]] = upper[position[b], position[a]] = False
    return round(float(np.quantile(cosines[upper], 1 - MEET_SHARE)), 2)


def _scores(y: np.ndarray, predicted: np.ndarray, shared_key: np.ndarray) -> dict[str, float]:
    """Precision, recall and F1 of "one story" on held-out pairs, and the share of their
    same-story pairs that blocking lets meet."""
    tp = float((predicted & (y == 1)).sum())
    precision = tp / predicted.sum() if predicted.sum() else 1.0
    recall = tp / (y == 1).sum() if (y == 1).sum() else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    blocking = float(shared_key[y == 1].mean()) if (y == 1).any() else 1.0
    return {"precision": precision, "recall": recall, "f1": f1, "blocking": blocking}


if __name__ == "__main__":
    main()
