"""Whole-text embeddings against the lead embedding on the repository's full-length articles
with known stories (issue 18, sixth part: the check the SemEval figures asked for), an
experiment, nothing shipped.

    nice -n 10 python bench/docvec_full_texts.py --out bench/results/docvec_full_texts.json

Fixed before any figure was seen.

Articles, read as ``brief`` reads them (``pipeline.prepare`` over ``read.ingest.iter_inputs``,
each folder's manifest as ``brief`` finds it) and annotated as ``bench/cluster_bench.py``'s
``story_articles`` annotates them (spaCy sentences and names, the article stages), so that
:func:`corroborate.compare.cluster.lead_texts` reads the spaCy sentences, as it does in
``build_brief``. Sets and their gold stories:

- ``seed``: ``../shared/corpus/us-mexico-migration-talks`` (one story);
- ``examples``: ``examples/harbour-bridge-closure`` (one story);
- ``test_stories``: ``tests/data/stories/*``, one story per folder;
- ``story_mixtures``: ``bench/data/story-mixtures/*``, one story per folder;
- ``pile``: ``tests/data/pages/pile``, the story its key gives (``pile_key.md``: the file
  name's letter a-d; ``x1`` a story of its own);
- ``ransomware``: ``tests/data/pages/ransomware`` (one story: the golden and the test say so);
- ``mixtures``: ``cluster_bench.py mixtures``' articles (seed, examples, test stories, story
  mixtures), every pair among them;
- ``pooled``: every pair among all the articles above (stories of different sets differ).
(``tests/data/french`` is one article: no pair.)

Vectors (the product's MiniLM, ``corroborate.embed``, the same weights):

- ``lead``: what ``--stories-by-meaning`` reads: ``cluster.lead_embeddings`` with
  ``load_embedder("minilm")`` (title and first three sentences, each at 64 word pieces, the
  mean, normalised);
- ``chunk_first``: title and text in one pass of up to 256 word pieces (the first chunk of
  ``semeval_docvec.chunk_texts``: 254 pieces and the two special tokens);
- ``chunks``: the normalised mean of the 256-piece chunks' embeddings over the whole text;
- ``lead_one``: the lead (the same ``lead_texts``) joined and embedded as one text at 256.

Metrics, per set and variant, over every pair of articles (same story 1, different 0), on all
pairs and on English pairs (both articles English: MiniLM reads English; the SemEval figures
are English pairs): ROC AUC; the lowest same-story cosine, the highest different-story cosine
and their gap; how many different-story pairs score above the 10th percentile of same-story
cosines (``np.percentile``, linear). By length: the pooled English pairs in three bins of the
shorter article's words (title and text): up to 190 (the first chunk holds it all), 191-400,
over 400; the same metrics per bin. For comparison, the same metrics on SemEval's English
pairs (clear labels, as ``semeval.py``) from the vectors ``semeval_docvec.py`` cached (lead,
first chunk, chunk mean, lead as one text), when its cache is there; and its held-out
figures restated from ``bench/results/semeval_docvec_{chunks,passages}.json``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import semeval_docvec  # noqa: E402  (bench/semeval_docvec.py; puts src on the path)

from corroborate.compare.cluster import lead_embeddings, lead_texts  # noqa: E402
from corroborate.model import Article  # noqa: E402

ROOT = BENCH.parent
SEED = ROOT.parent / "shared" / "corpus" / "us-mexico-migration-talks"
VARIANTS = ("lead", "chunk_first", "chunks", "lead_one")
BINS = ((0, 190), (191, 400), (401, 10**9))
QUIET = Path("/tmp/QUIET")


def folders() -> dict[str, list[tuple[Path, str | None]]]:
    """Per set, its folders and each one's gold story (None: by the pile's key)."""
    stories = sorted(p for p in (ROOT / "tests" / "data" / "stories").iterdir() if p.is_dir())
    mixtures = sorted(
        p for p in (ROOT / "bench" / "data" / "story-mixtures").iterdir() if p.is_dir()
    )
    return {
        "seed": [(SEED, "seed")],
        "examples": [(ROOT / "examples" / "harbour-bridge-closure", "harbour-bridge-closure")],
        "test_stories": [(p, p.name) for p in stories],
        "story_mixtures": [(p, p.name) for p in mixtures],
        "pile": [(ROOT / "tests" / "data" / "pages" / "pile", None)],
        "ransomware": [(ROOT / "tests" / "data" / "pages" / "ransomware", "ransomware")],
    }


def read_sets() -> list[Article]:
    """Every article, read and annotated as ``cluster_bench.story_articles`` does; its set in
    ``attrs["set"]``, its gold story in ``attrs["gold"]``."""
    from corroborate.annotate.nlp import annotate, load_spacy
    from corroborate.pipeline import prepare, run_article_stages
    from corroborate.read.ingest import iter_inputs

    out: list[Article] = []
    for name, dirs in folders().items():
        for d, gold in dirs:
            for a in prepare(iter_inputs([d], None), []):
                a.attrs["set"] = name
                story = gold or a.id.split("_")[0][0]  # pile: a1 -> a ... x1 -> x
                a.attrs["gold"] = f"{name}/{story}"
                a.id = f"{name}/{a.id}"
                out.append(a)
    annotate(out, load_spacy())
    return [run_article_stages(a) for a in out]


def unit(v: np.ndarray) -> np.ndarray:
    return v / (float(np.linalg.norm(v)) or 1.0)


def vectors(articles: list[Article]) -> dict[str, dict[str, np.ndarray]]:
    """Per variant, each article's vector."""
    from tokenizers import Tokenizer

    from corroborate.embed.load import load_embedder
    from corroborate.embed.minilm import MiniLMEncoder

    while QUIET.exists():
        time.sleep(60)
    found: dict[str, dict[str, np.ndarray]] = {}
    found["lead"] = dict(
        zip(
            [a.id for a in articles],
            lead_embeddings(articles, load_embedder("minilm")),
            strict=True,
        )
    )
    encoder = MiniLMEncoder(max_seq_length=semeval_docvec.CHUNK + 2)
    whole = Tokenizer.from_str(encoder.tokenizer.to_str())
    whole.no_truncation()
    chunks = [semeval_docvec.chunk_texts(a, whole) for a in articles]
    flat = semeval_docvec.encode_politely(encoder, [c for cs in chunks for c in cs], step=32)
    found["chunk_first"], found["chunks"], cursor = {}, {}, 0
    for a, cs in zip(articles, chunks, strict=True):
        part = flat[cursor : cursor + len(cs)]
        cursor += len(cs)
        found["chunk_first"][a.id] = unit(part[0])
        found["chunks"][a.id] = unit(part.mean(0))
    joined = semeval_docvec.encode_politely(
        encoder, [" ".join(lead_texts(a)) for a in articles], step=32
    )
    found["lead_one"] = {a.id: unit(v) for a, v in zip(articles, joined, strict=True)}
    found["_chunk_count"] = {
        a.id: np.array(len(cs)) for a, cs in zip(articles, chunks, strict=True)
    }
    return found


def metrics(scores: np.ndarray, same: np.ndarray) -> dict[str, object]:
    """AUC and the separation of same-story from different-story pairs."""
    from sklearn.metrics import roc_auc_score

    s, d = scores[same == 1], scores[same == 0]
    out: dict[str, object] = {"same_pairs": int(len(s)), "different_pairs": int(len(d))}
    if len(s) and len(d):
        out["auc"] = round(float(roc_auc_score(same, scores)), 4)
    if len(s):
        p10 = float(np.percentile(s, 10))
        out["lowest_same"] = round(float(s.min()), 4)
        out["same_p10"] = round(p10, 4)
    if len(d):
        out["highest_different"] = round(float(d.max()), 4)
    if len(s) and len(d):
        out["gap"] = round(float(s.min() - d.max()), 4)
        out["different_above_same_p10"] = int((d > p10).sum())
    return out


def pairs(articles: list[Article]) -> list[tuple[Article, Article]]:
    return list(itertools.combinations(articles, 2))


def words(a: Article) -> int:
    return len(f"{a.title or ''} {a.text}".split())


def score_pairs(ps, vecs) -> dict[str, object]:
    same = np.array([int(a.attrs["gold"] == b.attrs["gold"]) for a, b in ps])
    return {
        v: metrics(np.array([float(vecs[v][a.id] @ vecs[v][b.id]) for a, b in ps]), same)
        for v in VARIANTS
    }


def worst_pairs(ps, vecs, variant: str, k: int = 3) -> dict[str, list]:
    """The lowest same-story and highest different-story pairs of one variant (names only)."""
    rows = [
        (float(vecs[variant][a.id] @ vecs[variant][b.id]), a.attrs["gold"] == b.attrs["gold"], a, b)
        for a, b in ps
    ]
    same = sorted((r for r in rows if r[1]), key=lambda r: r[0])[:k]
    diff = sorted((r for r in rows if not r[1]), key=lambda r: -r[0])[:k]
    show = lambda r: [round(r[0], 4), r[2].id, r[3].id]  # noqa: E731
    return {"lowest_same": [show(r) for r in same], "highest_different": [show(r) for r in diff]}


def semeval_same_metrics(cache: Path) -> dict[str, object] | None:
    """The metrics above on SemEval's English pairs (clear labels), from the vectors
    ``semeval_docvec.py`` cached in ``cache`` (read only), when they are there."""
    import semeval

    leads_p, chunks_p, lead_one_p = (
        cache / "leads.npy",
        cache / "chunks_english.npy",
        cache / "passage_lead_english.npy",
    )
    if not (leads_p.exists() and chunks_p.exists() and lead_one_p.exists()):
        return None
    stored = np.load(leads_p, allow_pickle=True).item()
    leads = dict(zip(stored["ids"], stored["vecs"], strict=True))

    def groups(p: Path) -> dict[str, np.ndarray]:
        st = np.load(p, allow_pickle=True).item()
        parts = np.split(st["vecs"], np.cumsum(st["counts"])[:-1])
        return dict(zip(st["ids"], parts, strict=True))

    chunks, lead_one = groups(chunks_p), groups(lead_one_p)
    rows = [
        r
        for r in semeval.load(semeval.DATA)
        if (float(r["Overall"]) <= 2 or float(r["Overall"]) >= 3)
        and semeval.group_of(r) == "english"
    ]
    same = np.array([int(float(r["Overall"]) <= 2) for r in rows])
    vecs = {
        "lead": leads,
        "chunk_first": {k: unit(v[0]) for k, v in chunks.items()},
        "chunks": {k: unit(v.mean(0)) for k, v in chunks.items()},
        "lead_one": {k: unit(v[0]) for k, v in lead_one.items()},
    }
    return {
        v: metrics(
            np.array([float(vecs[v][f"{r['key']}/1"] @ vecs[v][f"{r['key']}/2"]) for r in rows]),
            same,
        )
        for v in VARIANTS
    }


def semeval_held_out() -> dict[str, object]:
    """``semeval_docvec.py``'s held-out English figures (cosine alone, mean ± sd, 20 folds)."""
    found: dict[str, object] = {}
    for f in ("chunks", "passages"):
        path = BENCH / "results" / f"semeval_docvec_{f}.json"
        if path.exists():
            found |= json.loads(path.read_text())["english_models"]["cosines_english"]
    names = {"minilm_cosine": "lead", "cos_chunk_first": "chunk_first", "cos_chunks": "chunks"}
    names["cos_passage_lead"] = "lead_one"
    return {names[k]: v for k, v in found.items() if k in names}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--semeval-cache", type=Path, default=Path("/tmp/docvec"))
    args = parser.parse_args()
    while QUIET.exists():  # someone is timing: wait
        time.sleep(60)
    t0 = time.perf_counter()
    articles = read_sets()
    t1 = time.perf_counter()
    vecs = vectors(articles)
    t2 = time.perf_counter()
    by_set: dict[str, list[Article]] = {}
    for a in articles:
        by_set.setdefault(a.attrs["set"], []).append(a)
    by_set["mixtures"] = [
        a
        for a in articles
        if a.attrs["set"] in ("seed", "examples", "test_stories", "story_mixtures")
    ]
    by_set["pooled"] = articles
    english = lambda ps: [(a, b) for a, b in ps if a.language == b.language == "en"]  # noqa: E731
    sets = {}
    for name, arts in by_set.items():
        ps = pairs(arts)
        sets[name] = {
            "articles": len(arts),
            "stories": len({a.attrs["gold"] for a in arts}),
            "english_articles": sum(a.language == "en" for a in arts),
            "all_pairs": score_pairs(ps, vecs),
            "english_pairs": score_pairs(english(ps), vecs),
        }
    pooled_en = english(pairs(articles))
    by_length = {}
    for lo, hi in BINS:
        ps = [(a, b) for a, b in pooled_en if lo <= min(words(a), words(b)) <= hi]
        by_length[f"{lo}-{hi if hi < 10**9 else 'max'}"] = score_pairs(ps, vecs)
    n_words = np.array([words(a) for a in articles])
    n_chunks = np.array([int(vecs["_chunk_count"][a.id]) for a in articles])
    out = {
        "about": __doc__.splitlines()[0],
        "articles": len(articles),
        "words_per_article_p10_p50_p90": np.percentile(n_words, [10, 50, 90]).tolist(),
        "articles_of_more_than_one_chunk": int((n_chunks > 1).sum()),
        "chunks_per_article_max": int(n_chunks.max()),
        "languages": {
            lang: sum((a.language or "?") == lang for a in articles)
            for lang in sorted({a.language or "?" for a in articles})
        },
        "sets": sets,
        "pooled_english_by_shorter_article_words": by_length,
        "pooled_english_worst": {v: worst_pairs(pooled_en, vecs, v) for v in VARIANTS},
        "semeval_english_same_metrics_in_sample": semeval_same_metrics(args.semeval_cache),
        "semeval_english_held_out_cosine_alone": semeval_held_out(),
        "seconds": {"read_annotate": round(t1 - t0, 1), "embed": round(t2 - t1, 1)},
        "command": "python " + " ".join(sys.argv),
    }
    text = json.dumps(out, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
