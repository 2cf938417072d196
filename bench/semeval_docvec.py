"""Whole-text embeddings against the lead embedding for same-story pairs (issue 18): an
experiment on the SemEval-2022 Task 8 sample, on the folds of ``bench/semeval.py`` (5 x 4,
random_state 13), nothing shipped.

    nice -n 10 python bench/semeval_docvec.py --cache-dir /tmp/docvec --chunks none \
        --out bench/results/semeval_docvec_sentences.json
    nice -n 10 python bench/semeval_docvec.py --cache-dir /tmp/docvec --chunks english \
        --only chunks chunk_first --out bench/results/semeval_docvec_chunks.json
    nice -n 10 python bench/semeval_docvec.py --cache-dir /tmp/docvec --chunks english \
        --passages --only chunk_first passage_lead passage_head \
        --out bench/results/semeval_docvec_passages.json

(figures and what they say: ``bench/results/stories.md``, issue 18 sixth part).

Each text is read as ``brief`` reads it (``semeval.read_as_brief_does``). Its *sentences* are
the title and the rough sentences of the whole text (:func:`corroborate.text.rough_sentences`),
kept when they have three words or more, as :func:`corroborate.compare.cluster.lead_texts`
keeps the lead's (the lead is the title and the first three); each sentence is embedded by the
product's MiniLM (``load_embedder("minilm")``: 64 word pieces). The variants, fixed before any
figure was seen:

- ``mean_all``, ``mean_5``, ``mean_10``, ``mean_20``: the normalised mean of the vectors of all
  the sentences, or of the first K (title included);
- ``chunks``: the normalised mean of the embeddings of consecutive 254-word-piece chunks of
  title and text (MiniLM at 256 word pieces with its two special tokens); ``chunk_first``:
  the first chunk alone (the text's first 256 word pieces);
- ``match_best``: the mean over the sentences of one text of each one's best cosine in the
  other, averaged over the two directions; ``match_max``: the best sentence-to-sentence
  cosine; ``match_mean``: the mean of the sentence-to-sentence cosine matrix.

Diagnostics added after the chunk figures were seen (``--passages``): ``passage_lead``, the
lead embedded as one text; ``passage_head``, the first 126 word pieces as one text.

Each is scored (1) as a cosine alone, a threshold per setting chosen F1-best on the training
folds, as ``semeval.py`` scores its baselines; (2) in the embedded model in place of the lead
embedding (``replace``) and beside it (``add``), fitted by ``semeval.py``'s own code (its
English model reads the features forward selection picks on each training fold). Paired
per-fold differences against the lead cosine and against the shipped embedded model. The models
are scored on English pairs only (the English part of ``semeval.cross_validate``, re-run
alone: :func:`english_runs`); the cosines in every setting, except with ``--chunks english``
(the chunks and passages of English pairs' texts only).

The sample's texts are cut to about 1,000 characters (head and tail), so "the whole text"
here is the lead plus a few sentences and the tail: K = 20 is nearly every sentence, and most
texts are one chunk.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import semeval  # noqa: E402  (bench/semeval.py; puts src on the path)

from corroborate.compare.cluster import lead_texts  # noqa: E402
from corroborate.compare.same_story import FEATURES, pair_features, profile  # noqa: E402
from corroborate.embed.base import COSINE_DECIMALS  # noqa: E402
from corroborate.model import Article  # noqa: E402
from corroborate.text import rough_sentences  # noqa: E402

KS = (5, 10, 20)  # first K sentences: fixed before looking at any result
CHUNK = 254  # word pieces per chunk (256 with [CLS] and [SEP])
HEAD = 126  # word pieces of the head passage (a diagnostic: about half the sample's texts)
QUIET = Path("/tmp/QUIET")


def sentence_texts(a: Article) -> list[str]:
    """Title and every rough sentence of three words or more (``lead_texts``' rule, whole
    text)."""
    texts = ([a.title] if a.title else []) + [t for t in rough_sentences(a.text) if t.strip()]
    return [t for t in texts if len(t.split()) >= 3] or [a.text[:300]]


def chunk_texts(a: Article, tokenizer, size: int = 0) -> list[str]:
    """Title and text cut into consecutive chunks of ``size`` (:data:`CHUNK`) word pieces (by
    the tokenizer's character offsets)."""
    size = size or CHUNK
    text = f"{a.title}\n{a.text}" if a.title else a.text
    enc = tokenizer.encode(text, add_special_tokens=False)
    offsets = enc.offsets
    if not offsets:
        return [text[:300]]
    return [
        text[offsets[i][0] : offsets[min(i + size, len(offsets)) - 1][1]]
        for i in range(0, len(offsets), size)
    ]


def lead_passage(a: Article) -> list[str]:
    """The lead (``lead_texts``: title and first three sentences) as one text, to be embedded
    in one pass instead of sentence by sentence (a diagnostic added after the chunk figures)."""
    return [" ".join(lead_texts(a))]


def head_passage(a: Article, tokenizer) -> list[str]:
    """The first :data:`HEAD` word pieces of title and text, as one text (a diagnostic added
    after the chunk figures: the head of the text without its tail)."""
    return chunk_texts(a, tokenizer, HEAD)[:1]


def encode_politely(encoder, texts: list[str], step: int = 512) -> np.ndarray:
    """``encoder.encode`` in steps, pausing while someone times (``/tmp/QUIET``)."""
    out = []
    for start in range(0, len(texts), step):
        while QUIET.exists():
            time.sleep(60)
        out.append(np.asarray(encoder.encode(texts[start : start + step]), np.float32))
        print(f"  {start + step}/{len(texts)}", file=sys.stderr, flush=True)
    return np.concatenate(out) if out else np.zeros((0, 384), np.float32)


def cached_groups(path: Path, articles: list[Article], texts_of, encoder) -> dict[str, np.ndarray]:
    """Per article, the vectors of its texts (one row each), cached in ``path``."""
    if path.exists():
        stored = np.load(path, allow_pickle=True).item()
        parts = np.split(stored["vecs"], np.cumsum(stored["counts"])[:-1])
        return dict(zip(stored["ids"], parts, strict=True))
    texts = [texts_of(a) for a in articles]
    flat = encode_politely(encoder, [t for ts in texts for t in ts])
    found, cursor = {}, 0
    for a, ts in zip(articles, texts, strict=True):
        found[a.id] = flat[cursor : cursor + len(ts)]
        cursor += len(ts)
    counts = [len(v) for v in found.values()]
    np.save(path, {"ids": list(found), "vecs": flat, "counts": counts})
    return found


def unit(v: np.ndarray) -> np.ndarray:
    return v / (float(np.linalg.norm(v)) or 1.0)


def cosines(
    keys: list[str], sentences: dict[str, np.ndarray], chunks: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Every variant's score for each pair ``key`` (sides ``key/1``, ``key/2``)."""
    found: dict[str, list[float]] = {}

    def put(name: str, value: float) -> None:
        found.setdefault(name, []).append(round(float(value), COSINE_DECIMALS))

    for k in keys:
        a, b = sentences[f"{k}/1"], sentences[f"{k}/2"]
        put("mean_all", unit(a.mean(0)) @ unit(b.mean(0)))
        for n in KS:
            put(f"mean_{n}", unit(a[:n].mean(0)) @ unit(b[:n].mean(0)))
        if chunks:
            ca, cb = chunks.get(f"{k}/1"), chunks.get(f"{k}/2")
            if ca is None or cb is None:  # --chunks english: 0 beyond English pairs
                ca = cb = np.zeros((1, 384), np.float32)
            put("chunks", unit(ca.mean(0)) @ unit(cb.mean(0)))
            put("chunk_first", ca[0] @ cb[0])
        s = a.astype(np.float64) @ b.T.astype(np.float64)
        put("match_best", (s.max(axis=1).mean() + s.max(axis=0).mean()) / 2)
        put("match_max", s.max())
        put("match_mean", s.mean())
    return {name: np.array(v) for name, v in found.items()}


# The order the models are fitted in (every variant is fitted; the order only says which come
# first, since the English fits take minutes each on a busy machine).
MODEL_ORDER = (
    "mean_all",
    "match_best",
    "chunks",
    "mean_10",
    "mean_5",
    "mean_20",
    "chunk_first",
    "match_max",
    "match_mean",
    "passage_lead",
    "passage_head",
)


def folds(y: np.ndarray, groups: np.ndarray):
    """``semeval.cross_validate``'s folds exactly (5 x 4, random_state 13, stratified by
    setting and label)."""
    from sklearn.model_selection import RepeatedStratifiedKFold

    strata = np.array([f"{g}/{int(t)}" for g, t in zip(groups, y, strict=True)])
    split = RepeatedStratifiedKFold(n_splits=5, n_repeats=4, random_state=13)
    return list(split.split(y, strata))


def english_runs(
    x: np.ndarray, y: np.ndarray, english: np.ndarray, groups: np.ndarray
) -> list[dict[str, float]]:
    """The English part of ``semeval.cross_validate`` for the embedded model (its pool is the
    English pairs, its features those forward selection picks on each training fold), fold by
    fold: the same code, the other settings left out (they take most of the time and MiniLM
    reads English)."""
    found = []
    for train, test in folds(y, groups):
        tr, te = train[english[train]], test[english[test]]
        columns = semeval.forward_selection(x[tr], y[tr])
        model = semeval.fit_selected(x[tr], y[tr], ("",) * x.shape[1], columns)
        p = model.probability(x[tr])
        cut = semeval.decision_threshold(p, y[tr])
        link = semeval.best_threshold(p, y[tr], semeval.LINK_BETA)
        q = model.probability(x[te])
        run = semeval.held_out(q, y[te], np.full(len(te), cut), np.full(len(te), link))
        run["chosen"] = [int(c) for c in columns]
        found.append(run)
    return found


def baseline_runs(score: np.ndarray, y: np.ndarray, groups: np.ndarray) -> list[dict[str, float]]:
    """A cosine alone on the English pairs, its cut F1-best on the English training pairs."""
    found = []
    for train, test in folds(y, groups):
        tr = train[groups[train] == "english"]
        te = test[groups[test] == "english"]
        cut = semeval.best_threshold(score[tr], y[tr])
        found.append(semeval.held_out(score[te], y[te], np.full(len(te), cut)))
    return found


def summarise(
    runs: dict[str, list[dict]], baselines: dict[str, np.ndarray], y: np.ndarray, groups
) -> dict[str, object]:
    """Mean ± sd over the folds per English model, the features chosen (how many folds chose
    each column), and the paired differences against the shipped embedded model (and of each
    model and cosine against the lead cosine)."""
    metrics = ("auc", "f1", "f1_oracle", "link_precision", "link_recall")
    cos = {n: baseline_runs(s, y, groups) for n, s in baselines.items()}
    found: dict[str, object] = {}
    for name, folds_ in runs.items():
        chosen: dict[int, int] = {}
        for f in folds_:
            for c in f["chosen"]:
                chosen[c] = chosen.get(c, 0) + 1
        found[name] = {
            m: f"{np.mean([f[m] for f in folds_]):.3f} ± {np.std([f[m] for f in folds_]):.3f}"
            for m in metrics
        } | {"chosen_in_folds": {_column(c): k for c, k in sorted(chosen.items())}}
    paired = {}
    for name, folds_ in runs.items():
        if name != "model_embedded":
            paired[f"{name} - model_embedded"] = {
                m: semeval._paired(folds_, runs["model_embedded"], m) for m in metrics
            }
    for name, folds_ in cos.items():
        paired[f"{name} - model_embedded"] = {
            m: semeval._paired(folds_, runs["model_embedded"], m)
            for m in ("auc", "f1", "f1_oracle")
        }
    for name, folds_ in cos.items():
        if name != "minilm_cosine":
            paired[f"{name} - minilm_cosine (English)"] = {
                m: semeval._paired(folds_, cos["minilm_cosine"], m)
                for m in ("auc", "f1", "f1_oracle")
            }
    found["cosines_english"] = {
        name: {
            m: f"{np.mean([f[m] for f in folds_]):.3f} ± {np.std([f[m] for f in folds_]):.3f}"
            for m in ("auc", "f1", "f1_oracle")
        }
        for name, folds_ in cos.items()
    }
    found["paired"] = paired
    return found


def _column(c: int) -> str:
    return FEATURES[c] if c < len(FEATURES) else "added"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/docvec"))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--only", nargs="*", default=None, help="variants to score (all)")
    parser.add_argument(
        "--passages",
        action="store_true",
        help="also the lead and the head embedded in one pass (diagnostics, after the chunks)",
    )
    parser.add_argument(
        "--chunks",
        choices=["all", "english", "none"],
        default="all",
        help="the texts whose chunks are embedded: all, those of English pairs only, none",
    )
    args = parser.parse_args()
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    rows = semeval.load(semeval.DATA)
    articles, _ = semeval.read_as_brief_does(rows)
    leads = semeval.embeddings(articles, "minilm", args.cache_dir / "leads.npy")

    from corroborate.embed.load import load_embedder
    from corroborate.embed.minilm import MiniLMEncoder

    sentence_encoder = load_embedder("minilm")
    t0 = time.perf_counter()
    sentences = cached_groups(
        args.cache_dir / "sentences.npy", articles, sentence_texts, sentence_encoder
    )
    t1 = time.perf_counter()
    chunks: dict[str, np.ndarray] = {}
    passages: dict[str, dict[str, np.ndarray]] = {}
    if args.chunks != "none":
        chunk_encoder = MiniLMEncoder(max_seq_length=CHUNK + 2)
        from tokenizers import Tokenizer

        whole = Tokenizer.from_str(chunk_encoder.tokenizer.to_str())
        whole.no_truncation()
        chunked = articles
        if args.chunks == "english":
            english_pairs = {r["key"] for r in rows if r["lang1"] == r["lang2"] == "en"}
            chunked = [a for a in articles if a.id.split("/")[0] in english_pairs]
        chunks = cached_groups(
            args.cache_dir / f"chunks_{args.chunks}.npy",
            chunked,
            lambda a: chunk_texts(a, whole),
            chunk_encoder,
        )
        if args.passages:
            passages["passage_lead"] = cached_groups(
                args.cache_dir / f"passage_lead_{args.chunks}.npy",
                chunked,
                lead_passage,
                chunk_encoder,
            )
            passages["passage_head"] = cached_groups(
                args.cache_dir / f"passage_head_{args.chunks}.npy",
                chunked,
                lambda a: head_passage(a, whole),
                chunk_encoder,
            )
    t2 = time.perf_counter()

    profiles = {a.id: profile(a, leads.get(a.id)) for a in articles}
    x_all = np.array(
        [pair_features(profiles[f"{r['key']}/1"], profiles[f"{r['key']}/2"]) for r in rows]
    )
    overall = np.array([float(r["Overall"]) for r in rows])
    clear = (overall <= 2) | (overall >= 3)
    rows_c = [r for r, c in zip(rows, clear, strict=True) if c]
    x, y = x_all[clear], (overall[clear] <= 2).astype(int)
    groups = np.array([semeval.group_of(r) for r in rows_c])
    languages = np.array(
        [
            semeval.pair_language(profiles[f"{r['key']}/1"], profiles[f"{r['key']}/2"])
            for r in rows_c
        ]
    )
    keys = [r["key"] for r in rows_c]
    scores = cosines(keys, sentences, chunks)
    for name, vectors in passages.items():
        zero = np.zeros((1, 384), np.float32)
        scores[name] = np.array(
            [
                round(float(vectors.get(f"{k}/1", zero)[0] @ vectors.get(f"{k}/2", zero)[0]), 5)
                for k in keys
            ]
        )
    if args.only is not None:
        scores = {n: v for n, v in scores.items() if n in args.only}
    lead = np.array(
        [float(leads[f"{k}/1"] @ leads[f"{k}/2"]) for k in keys]
    )  # = semeval.py's minilm_cosine
    column = FEATURES.index("embedding")

    baselines: dict[str, np.ndarray] = {"minilm_cosine": lead}
    # with chunks of English pairs only, the chunk cosines are scored on English pairs only
    everywhere = [
        n for n in scores if args.chunks == "all" or not n.startswith(("chunk", "passage"))
    ]
    baselines |= {f"cos_{name}": scores[name] for name in everywhere}
    semeval.PAIRED = tuple([(f"cos_{name}", "minilm_cosine") for name in everywhere])
    t3 = time.perf_counter()
    result = semeval.cross_validate({}, y, groups, baselines, languages)
    t4 = time.perf_counter()
    english = groups == "english"
    models: dict[str, object] = {}
    order = [n for n in MODEL_ORDER if n in scores]
    runs = {"model_embedded": english_runs(x, y, english, groups)}
    for name in order:
        for how in ("replace", "add"):
            if how == "replace":
                xv = x.copy()
                xv[:, column] = scores[name]
            else:
                xv = np.c_[x, scores[name]]
            runs[f"model_embedded_{name}_{how}"] = english_runs(xv, y, english, groups)
            models = summarise(
                runs, {"minilm_cosine": lead} | {f"cos_{n}": scores[n] for n in scores}, y, groups
            )
            if args.out:  # written as it goes: the fits are slow
                partial = {"cross_validation": result, "english_models": models}
                args.out.with_suffix(".partial.json").write_text(json.dumps(partial, indent=2))
    t5 = time.perf_counter()
    n_sent = np.array([len(sentences[a.id]) for a in articles])
    n_chunk = np.array([len(chunks.get(a.id, ())) for a in articles])
    english = {a.id for a in articles if a.language == "en"}
    out = {
        "about": __doc__.splitlines()[0],
        "pairs": {g: int((groups == g).sum()) for g in semeval.SETTINGS},
        "sentences_per_text": {
            "all": np.percentile(n_sent, [10, 50, 90]).tolist(),
            "english": np.percentile([len(sentences[i]) for i in english], [10, 50, 90]).tolist(),
        },
        "texts_of_more_than_one_chunk": int((n_chunk > 1).sum()),
        "texts": len(articles),
        "seconds": {
            "embed_sentences": round(t1 - t0, 1),
            "embed_chunks": round(t2 - t1, 1),
            "cross_validation_cosines": round(t4 - t3, 1),
            "cross_validation_english_models": round(t5 - t4, 1),
        },
        "cross_validation": result,
        "english_models": models,
        "command": "python " + " ".join(sys.argv),
    }
    text = json.dumps(out, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
