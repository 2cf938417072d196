"""How the words of other languages are read, tried on the SemEval-2022 Task 8 sample: the
lexical pair model's held-out ranking within each language, per variant of the reading.

    python bench/semeval_langwords.py --variants base folded_table ... --out FILE

Each variant changes how :mod:`corroborate.compare.same_story` reads words (patched for the
run only; ``base`` is the code as it is); the pair features are computed again and scored by
the cross-validation of ``bench/semeval.py`` (5 stratified folds x 4 repeats, random_state
13; the lexical models of :data:`semeval.POOLS`, each language on the pool's scale; models and
thresholds fitted on the training folds only). Reported per variant: held-out AUC and F1 per
setting, the AUC inside each language (the held-out fold's pairs of one language, weighted
by pairs: what one scale for all languages cannot change), each language's out-of-fold AUC
(per repeat, then averaged), and the per-fold paired change against ``base``. Texts are read
as ``brief`` reads them (``semeval.read_as_brief_does``), once, kept in ``--articles``.

``--seed`` gives the folds another random_state (the same data: tells fold noise from a
change). A variant named ``NAME@λ`` is ``NAME`` with each language's own coefficients in the
one-language model, shrunk towards the pool's by a ridge of λ (:func:`own_weights`). The
Snowball variants need ``snowballstemmer``, which the project does not depend on (install it
apart, e.g. ``pip install --target DIR snowballstemmer`` and ``PYTHONPATH=src:DIR``). Nothing
of these is in the product; figures and what they say: ``bench/results/stories.md``, seventh
part (b).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import RepeatedStratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import semeval as S  # noqa: E402

from corroborate.compare import same_story as ss  # noqa: E402
from corroborate.text import word_frequencies  # noqa: E402

LEXICAL = [i for i, f in enumerate(ss.FEATURES) if f != "embedding"]


def _clear() -> None:
    ss.rarity.cache_clear()
    ss._rarities.cache_clear()
    ss._stem_of.clear()
    ss._refold.cache_clear()
    ss._word_grams.cache_clear()
    _FOLDED.clear()  # folded by the variant's fold


VARIANTS: dict[str, Callable[[], Callable[[], None]]] = {}


def variant(fn: Callable[[], Callable[[], None]]) -> Callable[[], Callable[[], None]]:
    VARIANTS[fn.__name__] = fn
    return fn


@variant
def base() -> Callable[[], None]:
    return lambda: None


def _patch(module: object, name: str, value: object) -> Callable[[], None]:
    old = getattr(module, name)
    setattr(module, name, value)

    def undo() -> None:
        setattr(module, name, old)

    return undo


def _folded_table(language: str, english_too: bool = False) -> dict[str, float]:
    table = word_frequencies(language)
    if language == "en" and not english_too:
        return table
    found: dict[str, float] = {}
    for word, freq in table.items():
        key = ss.fold(word)
        found[key] = found.get(key, 0.0) + freq
    return found


_FOLDED: dict[tuple[str, bool], dict[str, float]] = {}


@variant
def folded_table() -> Callable[[], None]:
    """Rarity looked up in the language's table with its words folded as the profile folds
    them (frequencies of forms that fold alike summed), English as it is."""

    def table(language: str) -> dict[str, float]:
        key = (language, False)
        if key not in _FOLDED:
            _FOLDED[key] = _folded_table(language)
        return _FOLDED[key]

    return _patch(ss, "word_frequencies", table)


def _stem_patch(cut: Callable[[str], str]) -> Callable[[], None]:
    class Stems(dict[str, str]):
        def __missing__(self, word: str) -> str:
            found = self[word] = cut(word)
            return found

    return _patch(ss, "_stem_of", Stems())


def _combined(*makers: Callable[[], Callable[[], None]]) -> Callable[[], None]:
    undos = [m() for m in makers]

    def undo() -> None:
        for u in reversed(undos):
            u()

    return undo


_DIGITS = {
    c: str(unicodedata.digit(chr(c)))
    for c in range(0x80, 0x110000)
    if unicodedata.category(chr(c)) == "Nd"
}


@variant
def digits() -> Callable[[], None]:
    """Numbers written in any script's decimal digits read as ASCII digits ("١٣٥٩" = "1359",
    full-width "２０" = "20")."""
    original = ss.numbers

    def numbers(text: str) -> frozenset[str]:
        return original(text.translate(_DIGITS))

    return _patch(ss, "numbers", numbers)


# Arabic-script letters written interchangeably: alef maqsura and ya, ta marbuta and ha,
# Persian kaf and ya; the tatweel (a stretch of the line, no letter) dropped. (Hamza carriers
# and short vowels are folded already: NFKD splits them off as combining marks.)
_ARABIC = str.maketrans({"ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك", "ـ": None})


@variant
def arabic_fold() -> Callable[[], None]:
    """Arabic-script letter variants folded as one (and the frequency tables folded alike)."""
    original = ss.fold

    def fold(text: str) -> str:
        return original(text).translate(_ARABIC)

    return _combined(lambda: _patch(ss, "fold", fold), folded_table)


def _stemmer_patch(then_cut: bool) -> Callable[[], None]:
    import snowballstemmer

    names = {
        "ar": "arabic",
        "de": "german",
        "es": "spanish",
        "fr": "french",
        "it": "italian",
        "tr": "turkish",
        "ru": "russian",
        "pt": "portuguese",
        "nl": "dutch",
    }
    stemmers = {k: snowballstemmer.stemmer(v) for k, v in names.items()}
    memo: dict[tuple[str, str], str] = {}

    def stems(read, counts, rarities):  # type: ignore[no-untyped-def]
        language = rarities.language
        stemmer = stemmers.get(language)
        if stemmer is None or language == "en":
            return original(read, counts, rarities)

        def cut(w: str) -> str:
            key = (language, w)
            if key not in memo:
                st = stemmer.stemWord(w)
                memo[key] = st[: ss.STEM] if then_cut else st
            return memo[key]

        stem_counts = Counter(map(cut, read))
        ranked = sorted(counts, key=rarities.__getitem__)
        weights = dict(zip(map(cut, ranked), map(rarities.__getitem__, ranked), strict=True))
        return ss._normalised(
            {k: ss._SUBLINEAR[n] * weights[k] for k, n in stem_counts.items() if weights[k] > 0}
        )

    original = ss._stems
    return _patch(ss, "_stems", stems)


@variant
def snowball_stems() -> Callable[[], None]:
    """The ``stems`` cosine over Snowball stems where Snowball has the language (ar, de, es,
    fr, it, tr, ru; not pl, zh), the first 5 letters elsewhere; English as it is."""
    return _stemmer_patch(False)


@variant
def snowball_cut_stems() -> Callable[[], None]:
    """As ``snowball_stems``, each Snowball stem then cut to its first 5 letters."""
    return _stemmer_patch(True)


def _prefix_patch(letters: int, english_too: bool = False) -> Callable[[], None]:
    original = ss._stems

    def stems(read, counts, rarities):  # type: ignore[no-untyped-def]
        if rarities.language == "en" and not english_too:
            return original(read, counts, rarities)
        stem_counts = Counter(w[:letters] for w in read)
        ranked = sorted(counts, key=rarities.__getitem__)
        weights = {w[:letters]: rarities[w] for w in ranked}
        return ss._normalised(
            {k: ss._SUBLINEAR[n] * weights[k] for k, n in stem_counts.items() if weights[k] > 0}
        )

    return _patch(ss, "_stems", stems)


@variant
def prefix4() -> Callable[[], None]:
    """The ``stems`` cosine over words cut to 4 letters (5 now) in languages but English."""
    return _prefix_patch(4)


@variant
def prefix4_all() -> Callable[[], None]:
    """The ``stems`` cosine over words cut to 4 letters in every language, English too."""
    return _prefix_patch(4, english_too=True)


@variant
def prefix3_all() -> Callable[[], None]:
    """The ``stems`` cosine over words cut to 3 letters in every language."""
    return _prefix_patch(3, english_too=True)


@variant
def grams4() -> Callable[[], None]:
    """Character 4-grams from the rarer words of 4 letters or more (5 now), every language."""

    def grams(words, rarities):  # type: ignore[no-untyped-def]
        found: dict[int, float] = {}
        for word, weight in words.items():
            if len(word) < 4 or rarities[word] < ss.GRAM_RARITY:
                continue
            for key in ss._word_grams(word):
                found[key] = found.get(key, 0.0) + weight
        return ss._normalised(found)

    return _patch(ss, "_grams", grams)


@variant
def prefix6() -> Callable[[], None]:
    """The same, 6 letters."""
    return _prefix_patch(6)


@variant
def prefix7() -> Callable[[], None]:
    """The same, 7 letters."""
    return _prefix_patch(7)


@variant
def folded_digits() -> Callable[[], None]:
    """``folded_table`` and ``digits``."""
    return _combined(folded_table, digits)


def run_variant(name: str, articles: list, rows: list) -> np.ndarray:
    undo = VARIANTS[name]()
    _clear()
    try:
        profiles = {a.id: ss.profile(a) for a in articles}
        x_all = np.array(
            [ss.pair_features(profiles[f"{r['key']}/1"], profiles[f"{r['key']}/2"]) for r in rows]
        )
    finally:
        undo()
        _clear()
    return x_all


def own_weights(
    model: ss.PairModel, x: np.ndarray, y: np.ndarray, languages: np.ndarray, shrink: float
) -> dict[str, ss.PairModel]:
    """Per language moved onto the pool's scale by ``model`` (:attr:`PairModel.languages`),
    its own coefficients and intercept: the logistic loss over its pairs plus
    ``shrink / 2`` times the squared distance from the pool's (non-negative, as the pool's)."""
    from scipy.optimize import minimize

    found = {}
    for language in model.languages:
        mine = languages == language
        own = model.for_language(language)
        z = (ss.model_inputs(x[mine]) - own.mean) / own.scale
        sign = 2.0 * y[mine] - 1.0
        w0 = np.r_[model.coef, model.intercept]

        bounds = [(0.0, None)] * z.shape[1] + [(None, None)]
        w = minimize(
            _shrunk_loss,
            w0,
            args=(z, sign, w0, shrink),
            jac=True,
            method="L-BFGS-B",
            bounds=bounds,
        ).x
        found[language] = ss.PairModel(own.features, own.mean, own.scale, w[:-1], float(w[-1]))
    return found


def _shrunk_loss(
    w: np.ndarray, z: np.ndarray, sign: np.ndarray, w0: np.ndarray, shrink: float
) -> tuple[float, np.ndarray]:
    from scipy.special import expit

    margin = sign * (z @ w[:-1] + w[-1])
    d = w - w0
    value = np.logaddexp(0.0, -margin).sum() + 0.5 * shrink * (d @ d)
    g = -sign * expit(-margin)
    return float(value), np.r_[z.T @ g, g.sum()] + shrink * d


SEED = [13]  # the folds' random_state (bench/semeval.py's: 13)
SHRINK: dict[str, float] = {}  # variant name -> shrink of per-language coefficients


def cross_validate(
    xs: dict[str, np.ndarray], y: np.ndarray, groups: np.ndarray, languages: np.ndarray
) -> dict[str, object]:
    strata = np.array([f"{g}/{int(t)}" for g, t in zip(groups, y, strict=True)])
    folds = list(
        RepeatedStratifiedKFold(n_splits=5, n_repeats=4, random_state=SEED[0]).split(y, strata)
    )
    reported = {g: (g,) for g in S.SETTINGS} | {S.TWO_LANGUAGES: S.CROSS}
    one = groups == "same_language"
    named = sorted(set(languages[one].tolist()))
    out: dict[str, object] = {}
    runs: dict[str, list[dict[str, float]]] = {}
    for name, x in xs.items():
        per_fold: list[dict[str, float]] = []
        oof = np.zeros((4, len(y)))
        for k, (train, test) in enumerate(folds):
            models, cuts, links = S.fit_settings(
                x[train],
                y[train],
                groups[train],
                ("",) * x.shape[1],
                S.POOLS["lexical"],
                (),
                languages[train],
            )
            p, cut, link = (np.zeros(len(y)) for _ in range(3))
            for g in S.SETTINGS:
                t = test[groups[test] == g]
                p[t] = S.probabilities(models[g], x[t], languages[t])
                cut[t], link[t] = cuts[g], links[g]
            if name in SHRINK:
                tr = train[groups[train] == "same_language"]
                own = own_weights(
                    models["same_language"], x[tr], y[tr], languages[tr], SHRINK[name]
                )
                for language, model in own.items():
                    t = test[(groups[test] == "same_language") & (languages[test] == language)]
                    p[t] = model.probability(x[t])
            oof[k // 5, test] = p[test]
            fold: dict[str, float] = {}
            for g, members in reported.items():
                t = test[np.isin(groups[test], members)]
                for m, v in S.held_out(p[t], y[t], cut[t], link[t]).items():
                    fold[f"{g}.{m}"] = v
            t1 = test[one[test]]
            weighted, weight = 0.0, 0
            for language in named:
                t = t1[languages[t1] == language]
                if len(set(y[t].tolist())) == 2:
                    weighted += roc_auc_score(y[t], p[t]) * len(t)
                    weight += len(t)
            fold["same_language.within_auc"] = weighted / weight
            per_fold.append(fold)
        runs[name] = per_fold
        by_language = {}
        for language in named:
            m = one & (languages == language)
            if len(set(y[m].tolist())) == 2:
                aucs = [roc_auc_score(y[m], oof[r, m]) for r in range(4)]
                by_language[language] = {
                    "pairs": int(m.sum()),
                    "same": int(y[m].sum()),
                    "auc": round(float(np.mean(aucs)), 3),
                }
        out[name] = {
            "held_out": {
                k: f"{np.mean([f[k] for f in per_fold]):.3f} ± {np.std([f[k] for f in per_fold]):.3f}"
                for k in per_fold[0]
            },
            "languages_out_of_fold": by_language,
        }
    if "base" in runs:
        out["paired_against_base"] = {
            name: {k: S._paired(runs[name], runs["base"], k) for k in runs[name][0]}
            for name in runs
            if name != "base"
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", nargs="+", default=["base"])
    parser.add_argument("--articles", type=Path, default=Path("/tmp/langwords/articles.pkl"))
    parser.add_argument("--seed", type=int, default=13, help="the folds' random_state")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    SEED[0] = args.seed
    rows = S.load(S.DATA)
    if args.articles.exists():
        articles = pickle.loads(args.articles.read_bytes())
    else:
        articles, _ = S.read_as_brief_does(rows)
        args.articles.parent.mkdir(parents=True, exist_ok=True)
        args.articles.write_bytes(pickle.dumps(articles))
    overall = np.array([float(r["Overall"]) for r in rows])
    clear = (overall <= 2) | (overall >= 3)
    rows_c = [r for r, c in zip(rows, clear, strict=True) if c]
    y = (overall[clear] <= 2).astype(int)
    groups = np.array([S.group_of(r) for r in rows_c])
    language_of = {a.id: (a.language or "en").split("-")[0].lower() for a in articles}
    languages = np.array(
        [
            language_of[f"{r['key']}/1"]
            if language_of[f"{r['key']}/1"] == language_of[f"{r['key']}/2"]
            else ""
            for r in rows_c
        ]
    )
    xs, seconds = {}, {}
    for name in args.variants:
        t0 = time.perf_counter()
        reading, _, shrink = name.partition("@")
        if shrink:
            SHRINK[name] = float(shrink)
            VARIANTS[name] = VARIANTS[reading]
        xs[name] = run_variant(reading, articles, rows)[clear][:, LEXICAL]
        seconds[name] = round(time.perf_counter() - t0, 1)
    result = {
        "variants": {n: (VARIANTS[n].__doc__ or "").strip() for n in args.variants},
        "feature_seconds": seconds,
        "cross_validation": cross_validate(xs, y, groups, languages),
        "command": "python " + " ".join(sys.argv),
    }
    text = json.dumps(result, indent=1, ensure_ascii=False)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")


if __name__ == "__main__":
    main()
