"""Same-story model on SemEval-2022 Task 8 human ratings, by cross-validation; fits the shipped
coefficients on every pair once the held-out figures are reported.

    .venv/bin/python bench/semeval.py --embedder minilm --out bench/results/semeval.json --fit
    .venv/bin/python bench/semeval.py --embedder minilm --cache /tmp/docvec/leads.npy \
        --multilingual /tmp/e5cache.npy --fit --out bench/results/semeval.json

With ``--multilingual CACHE``, one more variant, ``model_multilingual``: the lexical features
and the multilingual-e5-small cosine of the two texts (:func:`multilingual_column`, embedded
as the product embeds them, cached by text in CACHE), for the settings not both English
(``SETTINGS_OF``), paired per fold against the lexical and embedded models; ``--fit`` then
writes the multilingual models only (the others stay as the file holds them).

Pairs are "same story" when ``Overall <= 2`` and "different" when ``Overall >= 3`` (pairs in
between are left out of training and of the binary figures). Each text is read as ``brief``
reads a plain-text file (cleaning included; ``--raw`` skips it). The features are
:func:`corroborate.compare.same_story.pair_features`; the model is a logistic regression per
language setting (English, another language, two languages in one script, two scripts), as
shipped in
``src/corroborate/compare/same_story_model.json``; without the embedding, English pairs are
read by a model fitted on every one-language pair (:data:`POOLS`); the model of one other
language reads each language on the pool's scale (:func:`common_scale`, :data:`COMMON_SCALE`). Cross-validation: 5
stratified folds (stratified by label and language group), repeated 4 times; models and
thresholds are fitted on the training folds only and scored on the held-out fold (the English
embedded model reads only the features chosen by an inner cross-validation on the training
folds: :data:`SELECTED`); figures are
mean and standard deviation over the 20 held-out folds. The pair decision's threshold is
half the best F1 on the training pairs (:func:`decision_threshold`); the baselines' scores are
no probabilities, so theirs is the F1-best cut on the training pairs. Baselines under the same
folds: TF-IDF cosine of the texts read (scikit-learn, IDF over every text of the
file) and MiniLM cosine of the leads. Names are capitalised word runs, as
:func:`corroborate.compare.same_story.names` reads them in every language; texts have no
dates.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score, log_loss, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import RepeatedStratifiedKFold, StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "bench" / "semeval2022-task8" / "training_set.csv"

from corroborate.compare.cluster import lead_embeddings
from corroborate.compare.same_story import (
    FEATURES,
    MODEL_FILE,
    MULTILINGUAL,
    MULTILINGUAL_SETTINGS,
    SETTINGS,
    PairModel,
    Profile,
    language_setting,
    model_inputs,
    multilingual_input,
    pair_features,
    profile,
    rounded_cosine,
)
from corroborate.embed.multilingual import E5Encoder, passage_text
from corroborate.model import Article, Rejected
from corroborate.pipeline import read_articles
from corroborate.read.language import guess_language

C = 1.0  # inverse regularisation of the logistic regressions


def load(path: Path) -> list[dict[str, str]]:
    """The rated pairs, each with a ``key`` of its own (row number and pair id)."""
    csv.field_size_limit(10**8)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Overall"]]
    for n, r in enumerate(rows):  # 40 pair ids come twice, with other texts: a key per row
        r["key"] = f"{n:04d}_{r['pair_id']}"
    return rows


def article(pair_id: str, side: int, text: str, lang: str) -> Article:
    """One side of a pair as given (``--raw``): the whole text as the body, no title."""
    text = text.strip()
    return Article(f"{pair_id}/{side}", pair_id, text, text=text, language=lang)


def read_as_brief_does(rows: list[dict[str, str]]) -> tuple[list[Article], list[Rejected]]:
    """Every text of the pairs read as ``corroborate brief`` reads a folder of plain-text files
    (decoding, repair, cleaning: cookie banners, paywall notes, captions, the title line),
    each file's language given by a manifest as the file's label says. Articles keep their
    order (side 1 then side 2 of each pair) and ids ``key/side``; a text that cleaning
    leaves empty is rejected, as ``brief`` rejects it, and comes back as an empty article."""
    with tempfile.TemporaryDirectory(prefix="semeval-") as folder:
        root = Path(folder)
        manifest = {}
        for r in rows:
            for s in (1, 2):
                name = f"{r['key']}_{s}.txt"
                (root / name).write_text(r[f"text{s}"], encoding="utf-8")
                manifest[name] = {"language": r[f"lang{s}"]}
        (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        rejected: list[Rejected] = []
        read = {a.id: a for a in read_articles([root], root / "manifest.json", rejected)}
    found = []
    for r in rows:
        for s in (1, 2):
            key, lang = f"{r['key']}_{s}", r[f"lang{s}"]
            a = read.get(key) or Article(key, key, r[f"text{s}"], text="", language=lang)
            a.id = f"{r['key']}/{s}"
            found.append(a)
    return found, rejected


def distinct_english(articles: list[Article]) -> list[Article]:
    """The English articles of :func:`read_as_brief_does` with a text, each distinct text once
    (SemEval pairs the same text with several others)."""
    seen: set[str] = set()
    out = []
    for a in articles:
        if a.language == "en" and a.text and a.text not in seen:
            seen.add(a.text)
            out.append(a)
    return out


def language_report(rows: list[dict[str, str]], articles: list[Article]) -> dict[str, object]:
    """Texts labelled English that are not (the SemEval labels say English of some Hindi
    pages): how many, and what the project's language guesser reads them as."""
    by_id = {a.id: a for a in articles}
    odd = []
    for r in rows:
        for s in (1, 2):
            text = r[f"text{s}"]
            if r[f"lang{s}"] == "en" and _non_latin_share(text) > MOSTLY_OTHER_SCRIPT:
                a = by_id[f"{r['key']}/{s}"]
                odd.append(
                    {
                        "id": a.id,
                        "non_latin_letters": round(_non_latin_share(text), 2),
                        "guessed_raw": guess_language(text),
                        "language_read": a.language,
                    }
                )
    return {"labelled_en_mostly_other_script": odd}


MOSTLY_OTHER_SCRIPT = 0.05  # share of letters beyond Latin that flags a text labelled "en"


def _non_latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(1 for ch in letters if ord(ch) > 0x24F) / len(letters) if letters else 0.0


def embeddings(
    articles: list[Article], kind: str | None, cache: Path | None, vectors: str = "lead"
) -> dict[str, np.ndarray]:
    """Each text's vector, cached on disk: ``lead``, what the clusterer embeds
    (:func:`corroborate.compare.cluster.lead_embeddings`: title and three sentences at 64
    word pieces, averaged), or ``story``, the first chunk tried in issue 18's seventh part and
    not shipped (:func:`story_embeddings`: title and text in one pass at 256 word pieces). A
    cache records which vectors it holds; give each kind its own file."""
    if kind is None:
        return {}
    if cache and cache.exists():
        stored = np.load(cache, allow_pickle=True).item()
        if stored.get("vectors", "lead") != vectors:
            held = stored.get("vectors", "lead")
            raise SystemExit(f"{cache} holds {held} vectors, not {vectors}")
        return dict(zip(stored["ids"], stored["vecs"], strict=True))
    from corroborate.embed.load import load_embedder

    if vectors == "story":
        found = dict(zip([a.id for a in articles], story_embeddings(articles), strict=True))
    else:
        embedded = lead_embeddings(articles, load_embedder(kind))
        found = dict(zip([a.id for a in articles], embedded, strict=True))
    if cache:
        kept = {"ids": list(found), "vecs": np.stack(list(found.values())), "vectors": vectors}
        np.save(cache, kept)
    return found


STORY_PIECES = 256  # word pieces of the story embedding's one pass (with [CLS] and [SEP])
STORY_CHARS = 4000  # characters of title and text handed to it: more than 254 pieces cover


def story_text(a: Article) -> str:
    """Title and text, what the story embedding reads (its first :data:`STORY_PIECES`)."""
    return (f"{a.title}\n{a.text}" if a.title else a.text)[:STORY_CHARS]


def story_embeddings(articles: list[Article]) -> list[np.ndarray]:
    """The first chunk of each article: all-MiniLM-L6-v2 over its title and text in one pass
    cut at :data:`STORY_PIECES` word pieces (the sixth part's ``chunk_first``; the product's
    encoder at another length), L2-normalised."""
    from corroborate.embed.minilm import MiniLMEncoder

    encoded = MiniLMEncoder(max_seq_length=STORY_PIECES).encode([story_text(a) for a in articles])
    return [v / (float(np.linalg.norm(v)) or 1.0) for v in np.asarray(encoded, np.float32)]


class CachedEncoder:
    """The product's multilingual encoder (:class:`~corroborate.embed.multilingual.E5Encoder`)
    behind a cache on disk keyed by the text embedded (its SHA-1), so that a text read
    otherwise is embedded again: ``{"sha1": [...], "vecs": array}`` in a ``.npy`` file."""

    def __init__(self, path: Path):
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            stored = np.load(path, allow_pickle=True).item()
            self.vectors = dict(zip(stored["sha1"], stored["vecs"], strict=True))
        self.encoder = E5Encoder()
        self.embedded = 0  # texts embedded by this run (not found in the cache)

    def encode(self, texts: list[str]) -> np.ndarray:
        keys = [_sha1(t) for t in texts]
        missing = sorted(
            {k: t for k, t in zip(keys, texts, strict=True) if k not in self.vectors}.items()
        )
        if missing:
            made = self.encoder.encode([t for _, t in missing])
            self.vectors.update(zip([k for k, _ in missing], made, strict=True))
            self.embedded += len(missing)
            kept = {"sha1": list(self.vectors), "vecs": np.stack(list(self.vectors.values()))}
            np.save(self.path, kept, allow_pickle=True)
        return np.stack([self.vectors[k] for k in keys]) if keys else np.zeros((0, 384))


def _sha1(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def multilingual_column(
    rows: list[dict[str, str]], articles: list[Article], encoder: CachedEncoder
) -> np.ndarray:
    """Each pair's ``multilingual`` feature (:func:`~corroborate.compare.same_story.
    multilingual_input` of the cosine of its two texts' multilingual vectors, each text
    embedded as the product embeds it: :func:`~corroborate.embed.multilingual.passage_text`),
    for the pairs of :data:`MULTILINGUAL_SETTINGS` (0 for the others, which no multilingual
    model reads)."""
    by_id = {a.id: a for a in articles}
    wanted = [r for r in rows if group_of(r) in MULTILINGUAL_SETTINGS]
    ids = sorted({f"{r['key']}/{s}" for r in wanted for s in (1, 2)})
    texts = [passage_text(by_id[i].title, by_id[i].text) for i in ids]
    vector = dict(zip(ids, encoder.encode(texts), strict=True))
    return np.array(
        [
            multilingual_input(rounded_cosine(vector[f"{r['key']}/1"], vector[f"{r['key']}/2"]))
            if group_of(r) in MULTILINGUAL_SETTINGS
            else 0.0
            for r in rows
        ]
    )


def _cut_share(rows: list[dict[str, str]], articles: list[Article]) -> dict[str, object]:
    """How much of the texts cleaning took out: texts touched and characters cut."""
    given = sum(len(r[f"text{s}"].strip()) for r in rows for s in (1, 2))
    kept = sum(len(a.text) + len(a.title or "") for a in articles)
    return {
        "texts_with_cuts": sum(1 for a in articles if a.removed),
        "texts": len(articles),
        "share_of_characters_cut": round(1 - kept / given, 3) if given else 0.0,
    }


def pair_language(a: Profile, b: Profile) -> str:
    """The language a pair is read in: both articles' (as the product reads them), ``""``
    for two."""
    return a.language if a.language == b.language else ""


def group_of(row: dict[str, str]) -> str:
    """The model setting of a pair, from its languages as labelled."""
    return language_setting(row["lang1"], row["lang2"])


def fit(
    x: np.ndarray,
    y: np.ndarray,
    features: tuple[str, ...],
    languages: np.ndarray | None = None,
) -> PairModel:
    """L2-regularised logistic regression on standardised features, every coefficient kept
    non-negative: each feature says "more alike", so none may count against the same story
    (collinear features otherwise take opposite signs that do not carry to other data).

    With ``languages`` (each pair's language, ``""`` for a pair in two), the features of each
    language with at least :data:`MIN_CLASS_PAIRS` pairs of either class are first put on
    the pool's scale (:func:`common_scale`); the model keeps each such language's mean and
    scale (:attr:`PairModel.languages`)."""
    x, moved, (centre, spread) = common_scale(model_inputs(x), y, languages)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    sign = 2.0 * y - 1.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        margin = sign * (z @ w[:-1] + w[-1])
        value = np.logaddexp(0.0, -margin).sum() + 0.5 / C * (w[:-1] @ w[:-1])
        g = -sign * expit(-margin)
        grad = np.r_[z.T @ g + w[:-1] / C, g.sum()]
        return float(value), grad

    bounds = [(0.0, None)] * z.shape[1] + [(None, None)]
    w = minimize(loss, np.zeros(z.shape[1] + 1), jac=True, method="L-BFGS-B", bounds=bounds).x
    # (u - c) / s * spread + centre, standardised by (mean, scale), is u standardised by
    # (c + (mean - centre) * s / spread, scale * s / spread): a mean and scale per language.
    own = {
        language: (c + (mean - centre) * s / spread, scale * s / spread)
        for language, (c, s) in moved.items()
    }
    return PairModel(features, mean, scale, w[:-1], float(w[-1]), own)


# A language's features are put on the pool's scale when the training pairs hold at least this
# many pairs of each class in it (else they are read as they are): its class means need a few
# pairs each. Chosen with the rule itself among a handful of variants on the folds below
# (per-language intercepts; centre and spread over all a language's pairs, over its
# different-story pairs only, or the centre alone; 30 pairs in all): a small optimism.
MIN_CLASS_PAIRS = 10
# The settings whose model reads each language of its pool on one scale. Not English: the
# lexical English model (fitted on every one-language pair) read English on the pool's scale
# held out as well on SemEval (AUC 0.957 -> 0.959, F1 0.844 -> 0.861, link precision 0.884 ->
# 0.879, recall 0.787 -> 0.812), but it raised the margins of the golden pile's English pairs
# (those that moved by more than 0.05 rose by 0.05-0.13) and merged two of its stories (a factory
# fire and a stadium loan, one outlet and one council): the English scale read off 152
# SemEval pairs does not carry to English news at large. The embedded English model reads
# English pairs only, so one scale would change nothing; two-language pairs are not in one
# language.
COMMON_SCALE = frozenset({"same_language"})


def common_scale(
    x: np.ndarray, y: np.ndarray, languages: np.ndarray | None
) -> tuple[np.ndarray, dict[str, tuple[np.ndarray, np.ndarray]], tuple[np.ndarray, np.ndarray]]:
    """The inputs ``x`` with each language's features moved onto the pool's scale: centred on
    the midpoint of its same-story and different-story means and divided by its spread within
    the two classes, then given the pool's midpoint and spread (:func:`class_scale`); the
    languages moved, each with its midpoint and spread; the pool's. Languages with fewer than
    :data:`MIN_CLASS_PAIRS` pairs of a class, and pairs in two languages (``""``), are left
    as they are; so is a pool of one language (and every pair without ``languages``)."""
    centre, spread = class_scale(x, y)
    spread[spread == 0] = 1.0
    found = x.copy()
    moved: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    named = [] if languages is None else sorted(set(languages.tolist()) - {""})
    if languages is None or len(named) < 2:
        return found, moved, (centre, spread)
    for language in named:
        mine = languages == language
        if min(int(y[mine].sum()), int((1 - y[mine]).sum())) < MIN_CLASS_PAIRS:
            continue
        c, s = class_scale(x[mine], y[mine])
        s = np.where(s > 1e-9, s, spread)  # a feature constant in the language: shifted only
        found[mine] = (x[mine] - c) / s * spread + centre
        moved[language] = (c, s)
    return found, moved, (centre, spread)


def class_scale(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The midpoint of the two classes' means and the spread within the classes (root mean
    square deviation from each pair's class mean): neither depends on the share of each
    class."""
    same, other = x[y == 1], x[y == 0]
    centre = (same.mean(axis=0) + other.mean(axis=0)) / 2
    deviations = np.r_[same - same.mean(axis=0), other - other.mean(axis=0)]
    return centre, np.sqrt((deviations**2).mean(axis=0))


def variant_of(name: str) -> str:
    """``model_lexical`` -> ``lexical``."""
    return name.removeprefix("model_")


LINK_BETA = 0.5  # links are chosen for F0.5: precision first, since links chain into stories


def best_threshold(scores: np.ndarray, y: np.ndarray, beta: float = 1.0) -> float:
    """The cut on ``scores`` that maximises F-beta (midway between neighbouring scores)."""
    order = np.argsort(-scores, kind="stable")
    s, t = scores[order], y[order].astype(float)
    tp = np.cumsum(t)
    predicted = np.arange(1, len(s) + 1)
    f1 = (1 + beta**2) * tp / (predicted + beta**2 * t.sum())
    last = np.r_[s[1:] != s[:-1], True]  # cut only between distinct scores
    best = int(np.argmax(np.where(last, f1, -1)))
    return float((s[best] + s[best + 1]) / 2) if best + 1 < len(s) else float(s[best])


# The pairs each setting's model is fitted on. Without the embedding, English pairs are read
# as every one-language pair is: 152 English pairs (51 the same story) alone gave names no
# weight and a link threshold of 0.78 that held out worse (link precision 0.865, recall 0.727)
# than one model over the 867 one-language pairs (0.895, 0.789; AUC 0.957 against 0.959).
# With the embedding, English keeps its own model: MiniLM reads English only.
POOLS = {
    "embedded": {g: (g,) for g in SETTINGS},
    "lexical": {
        "english": ("english", "same_language"),
        "same_language": ("same_language",),
        "cross_language": ("cross_language",),
        "cross_script": ("cross_script",),
    },
}
CROSS = ("cross_language", "cross_script")  # the two-language settings
TWO_LANGUAGES = "two_languages"  # both two-language settings, in the reported figures
# For comparison (``model_lexical_one_cross``): every two-language pair read by one model, as
# before issue 18's third part.
POOLS["lexical_one_cross"] = POOLS["lexical"] | {g: CROSS for g in CROSS}
# For comparison (``model_lexical_one_scale``): every language of a pool read on its own scale,
# as before the common scale (:func:`common_scale`); the variants in :data:`ONE_SCALE` do.
POOLS["lexical_one_scale"] = POOLS["lexical"]
# With the multilingual cosine (``--multilingual``): the settings not both English only, each
# on its own pairs as the lexical models are (English pairs are read as before).
POOLS["multilingual"] = {g: POOLS["lexical"][g] for g in MULTILINGUAL_SETTINGS}
SETTINGS_OF = {"multilingual": MULTILINGUAL_SETTINGS}  # the settings a variant has models for
POOLS["embedded_one_scale"] = POOLS["embedded"]
ONE_SCALE = frozenset({"lexical_one_scale", "embedded_one_scale"})
# Per-fold differences reported (variant, against): the same folds, so paired.
PAIRED = (
    ("model_embedded", "model_embedded_one_scale"),
    ("model_lexical", "model_lexical_one_scale"),
    ("model_multilingual", "model_lexical"),
    ("model_multilingual", "model_embedded"),
)


# The settings whose model reads only the features forward selection chooses on the training
# pairs (:func:`forward_selection`), per variant. English pairs are few (152, 51 the same
# story) for eleven features: the embedded model fitted on all of them held out at F1 0.842
# (AUC 0.964, above the MiniLM cosine's 0.961, but F1 below the cosine's 0.879): the cut
# read off its own training pairs sat where held-out pairs wanted a lower one (held-out F1
# 0.875 at 0.30-0.35 against 0.846 at the 0.45 chosen), as its in-sample fit was surer of
# itself than held-out pairs bore out (AUC 0.971 in sample, 0.964 held out; six of the
# eleven weights 0 in most folds, the others moving from fold to fold). Reading only the
# three or four features chosen
# on each training fold (the embedding, lead against body, character 4-grams, sometimes the
# lead): F1 0.874, link precision 0.878 -> 0.884 and recall 0.802 -> 0.821, AUC the same
# (bench/results/semeval.json). Chosen for the other settings too, they lost: one other
# language AUC 0.885 -> 0.880, two scripts 0.794 -> 0.782 (other folds, random_state 7).
SELECTED = {"embedded": ("english",), "lexical": ()}
SELECTED["embedded_one_scale"] = SELECTED["embedded"]


def fit_settings(
    x: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    features: tuple[str, ...],
    pools: dict[str, tuple[str, ...]],
    selected: tuple[str, ...] = (),
    languages: np.ndarray | None = None,
    settings: tuple[str, ...] = SETTINGS,
) -> tuple[dict[str, PairModel], dict[str, float], dict[str, float]]:
    """One model per setting, fitted on the (training) pairs of its pool, with its pair-decision
    threshold (:func:`decision_threshold`) and its F0.5-best one (the clusterer's links); the
    ``selected`` settings' models read only the features :func:`forward_selection` chooses
    on those pairs (the others weigh 0). With ``languages`` (each pair's language, ``""``
    for a pair in two), the models of :data:`COMMON_SCALE` read the languages of their pool
    on one scale (:func:`common_scale`), and their thresholds are read off their pairs so
    scored. ``settings``: the settings to fit (by default all)."""
    models, cuts, links = {}, {}, {}
    for g in settings:
        mask = np.isin(groups, pools[g])
        read_in = None if languages is None or g not in COMMON_SCALE else languages[mask]
        if g in selected:
            columns = forward_selection(x[mask], y[mask])
            models[g] = fit_selected(x[mask], y[mask], features, columns)
        else:
            models[g] = fit(x[mask], y[mask], features, read_in)
        p = probabilities(models[g], x[mask], read_in)
        cuts[g] = decision_threshold(p, y[mask])
        links[g] = best_threshold(p, y[mask], LINK_BETA)
    return models, cuts, links


def probabilities(model: PairModel, x: np.ndarray, languages: np.ndarray | None) -> np.ndarray:
    """P(same story) of rows of features, each pair read as the product reads it: by the
    model for its language (:meth:`PairModel.for_language`) when both articles are in one."""
    if languages is None or not model.languages:
        return model.probability(x)
    p = np.zeros(len(x))
    for language in set(languages.tolist()):
        mine = languages == language
        p[mine] = model.for_language(language).probability(x[mine])
    return p


def forward_selection(x: np.ndarray, y: np.ndarray) -> list[int]:
    """The columns of ``x`` a model should read, added one at a time while the log-loss of
    5-fold out-of-fold probabilities on these pairs improves (by 1e-4): chosen on the pairs
    the model is fitted on, never on the pairs it is scored on."""
    chosen: list[int] = []
    best = math.inf
    while len(chosen) < x.shape[1]:
        trial = {j: _inner_loss(x, y, [*chosen, j]) for j in range(x.shape[1]) if j not in chosen}
        j = min(trial, key=trial.__getitem__)
        if trial[j] >= best - 1e-4:
            break
        chosen.append(j)
        best = trial[j]
    return chosen


def _inner_loss(x: np.ndarray, y: np.ndarray, columns: list[int]) -> float:
    oof = np.zeros(len(y))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=7).split(x, y):
        model = fit(x[tr][:, columns], y[tr], ("",) * len(columns))
        oof[te] = model.probability(x[te][:, columns])
    return float(log_loss(y, np.clip(oof, 1e-6, 1 - 1e-6)))


def fit_selected(
    x: np.ndarray, y: np.ndarray, features: tuple[str, ...], columns: list[int]
) -> PairModel:
    """:func:`fit` on the ``columns`` only, as a model over every feature (the others weigh 0,
    so :attr:`PairModel.reads` leaves them out)."""
    part = fit(x[:, columns], y, tuple(features[j] for j in columns))
    mean, scale, coef = np.zeros(x.shape[1]), np.ones(x.shape[1]), np.zeros(x.shape[1])
    mean[columns], scale[columns], coef[columns] = part.mean, part.scale, part.coef
    return PairModel(features, mean, scale, coef, part.intercept)


def decision_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The pair decision's cut on the probabilities ``p`` a model gives its own training pairs:
    half the best F1 any cut reaches on them. For calibrated probabilities the F1-optimal cut
    is half the optimal F1 (Lipton, Elkan and Naryanaswamy, 2014); the F1-best cut itself,
    read off the pairs the model was fitted on, sits where the fit is surest of itself and
    carried worse to held-out pairs: F1 0.851 -> 0.860 in English, 0.773 -> 0.780 in another
    language, 0.693 -> 0.710 across two (mean of 20 held-out folds; the per-repeat changes
    and the rules that did not help, in ``bench/results/semeval_variants.json``). The
    clusterer's links keep their F0.5-best cut (:data:`LINK_BETA`)."""
    return float(f1_score(y, p >= best_threshold(p, y))) / 2


def held_out(
    p: np.ndarray, y: np.ndarray, cut: np.ndarray, link: np.ndarray | None = None
) -> dict[str, float]:
    """AUC, F1 at the pair-decision thresholds ``cut`` (one per pair), the best F1 any one
    threshold would have given on these held-out pairs (``f1_oracle``: how much of the F1 is
    lost to a threshold that does not carry from the training folds) and, with ``link``,
    precision and recall at the link thresholds."""
    found = {
        "auc": float(roc_auc_score(y, p)),
        "f1": float(f1_score(y, p >= cut)),
        "f1_oracle": max(float(f1_score(y, p >= c)) for c in np.unique(p)),
    }
    if link is not None:
        found["link_precision"] = float(precision_score(y, p >= link, zero_division=1.0))
        found["link_recall"] = float(recall_score(y, p >= link))
    return found


def cross_validate(
    variants: dict[str, np.ndarray],
    y: np.ndarray,
    groups: np.ndarray,
    baselines: dict,
    languages: np.ndarray,
) -> dict[str, object]:
    """Held-out AUC and F1 per setting (and over both two-language settings together, each
    pair at its own setting's thresholds), mean ± sd over repeated stratified folds; every
    model and threshold is fitted on the training folds only. Each pair is read in its
    ``languages`` (``""`` for two) unless the variant is in :data:`ONE_SCALE`; the
    :data:`PAIRED` variants' per-fold differences come last (``paired``: mean ± sd, and how
    many folds up and down)."""
    strata = np.array([f"{g}/{int(t)}" for g, t in zip(groups, y, strict=True)])
    folds = RepeatedStratifiedKFold(n_splits=5, n_repeats=4, random_state=RANDOM_STATE[0])
    reported = {g: (g,) for g in SETTINGS} | {TWO_LANGUAGES: CROSS}
    runs: dict[str, dict[str, list[dict[str, float]]]] = {
        name: {
            g: []
            for g, members in reported.items()
            if set(members) <= set(SETTINGS_OF.get(variant_of(name), SETTINGS))
        }
        for name in [*variants, *baselines]
    }
    for train, test in folds.split(y, strata):
        for name, x in variants.items():
            read_in = None if variant_of(name) in ONE_SCALE else languages
            settings = SETTINGS_OF.get(variant_of(name), SETTINGS)
            models, cuts, links = fit_settings(
                x[train],
                y[train],
                groups[train],
                ("",) * x.shape[1],
                POOLS[variant_of(name)],
                SELECTED.get(variant_of(name), ()),
                None if read_in is None else read_in[train],
                settings,
            )
            p, cut, link = (np.zeros(len(y)) for _ in range(3))
            for g in settings:
                t = test[groups[test] == g]
                p[t] = probabilities(models[g], x[t], None if read_in is None else read_in[t])
                cut[t], link[t] = cuts[g], links[g]
            for g in runs[name]:
                t = test[np.isin(groups[test], reported[g])]
                runs[name][g].append(held_out(p[t], y[t], cut[t], link[t]))
        for name, score in baselines.items():
            cut = np.zeros(len(y))
            for g in SETTINGS:
                tr = train[groups[train] == g]
                cut[groups == g] = best_threshold(score[tr], y[tr])
            for g, members in reported.items():
                t = test[np.isin(groups[test], members)]
                runs[name][g].append(held_out(score[t], y[t], cut[t]))
    found: dict[str, object] = {
        name: {
            g: {
                m: f"{np.mean([f[m] for f in folds_]):.3f} ± {np.std([f[m] for f in folds_]):.3f}"
                for m in folds_[0]
            }
            for g, folds_ in by_group.items()
        }
        for name, by_group in runs.items()
    }
    found["paired"] = {
        f"{name} - {other}": {
            g: {m: _paired(runs[name][g], runs[other][g], m) for m in runs[name][g][0]}
            for g in runs[name]
        }
        for name, other in PAIRED
        if name in runs and other in runs
    }
    return found


RANDOM_STATE = [13]  # the folds' (``--random-state``: 7 to check on other folds)


def _paired(folds: list[dict[str, float]], against: list[dict[str, float]], metric: str) -> str:
    """Mean ± sd of per-fold differences, and the folds up/down."""
    d = np.array([f[metric] - g[metric] for f, g in zip(folds, against, strict=True)])
    return f"{d.mean():+.3f} ± {d.std():.3f} ({(d > 1e-12).sum()} up/{(d < -1e-12).sum()} down)"


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """The options of the sample and its embeddings, shared with ``semeval_stories.py``."""
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--embedder", choices=["minilm", "hashing"], default=None)
    parser.add_argument("--cache", type=Path, default=None, help="embeddings cache (.npy)")
    parser.add_argument(
        "--vectors",
        choices=["lead", "story"],
        default="lead",
        help="lead: the clusterer's lead embedding; story: title and text in one 256-piece "
        "pass (the first chunk, tried and not shipped: bench/results/stories.md, seventh part)",
    )
    parser.add_argument(
        "--multilingual",
        type=Path,
        default=None,
        metavar="CACHE",
        help="also the pair models with the multilingual cosine (multilingual-e5-small as the "
        "product embeds it), its vectors cached in CACHE (.npy, keyed by the text embedded)",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_input_options(parser)
    parser.add_argument(
        "--fit",
        action="store_true",
        help="write the shipped models, fitted on all pairs (with --multilingual: the "
        "multilingual ones only; without: all but those)",
    )
    parser.add_argument(
        "--old-scores",
        type=Path,
        default=None,
        help="the previous clusterer's pair scores (.npy), to compare under the same folds",
    )
    parser.add_argument(
        "--raw",
        action="store_true",
        help="score the texts as given, without the reader's cleaning (the figures before it)",
    )
    parser.add_argument(
        "--random-state", type=int, default=13, help="of the repeated folds (13; 7 to check)"
    )
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    RANDOM_STATE[0] = args.random_state
    rows = load(args.data)
    rejected: list[Rejected] = []
    if args.raw:
        articles = [
            article(r["key"], s, r[f"text{s}"], r[f"lang{s}"]) for r in rows for s in (1, 2)
        ]
    else:
        articles, rejected = read_as_brief_does(rows)
    vectors = embeddings(articles, args.embedder, args.cache, args.vectors)
    t0 = time.perf_counter()
    profiles = {a.id: profile(a, vectors.get(a.id)) for a in articles}
    x_all = np.array(
        [pair_features(profiles[f"{r['key']}/1"], profiles[f"{r['key']}/2"]) for r in rows]
    )
    seconds = time.perf_counter() - t0
    overall = np.array([float(r["Overall"]) for r in rows])
    clear = (overall <= 2) | (overall >= 3)
    rows_c = [r for r, c in zip(rows, clear, strict=True) if c]
    x, y = x_all[clear], (overall[clear] <= 2).astype(int)
    groups = np.array([group_of(r) for r in rows_c])
    languages = np.array(
        [pair_language(profiles[f"{r['key']}/1"], profiles[f"{r['key']}/2"]) for r in rows_c]
    )
    lexical = [i for i, f in enumerate(FEATURES) if f != "embedding"]
    variants = {
        "model_lexical": x[:, lexical],
        "model_lexical_one_cross": x[:, lexical],
        "model_lexical_one_scale": x[:, lexical],
    }
    if vectors:
        variants = {"model_embedded": x, "model_embedded_one_scale": x, **variants}
    if args.multilingual:
        encoder = CachedEncoder(args.multilingual)
        multilingual = multilingual_column(rows, articles, encoder)[clear]
        variants["model_multilingual"] = np.c_[x[:, lexical], multilingual]
    read = {a.id: f"{a.title or ''}\n{a.text}" for a in articles}  # what the tool reads
    tfidf = TfidfVectorizer(sublinear_tf=True).fit(list(read.values()))
    texts1 = tfidf.transform([read[f"{r['key']}/1"] for r in rows_c])
    texts2 = tfidf.transform([read[f"{r['key']}/2"] for r in rows_c])
    baselines = {"tfidf_cosine": np.asarray(texts1.multiply(texts2).sum(axis=1)).ravel()}
    if vectors:
        baselines["minilm_cosine"] = np.array(
            [float(vectors[f"{r['key']}/1"] @ vectors[f"{r['key']}/2"]) for r in rows_c]
        )
    if args.old_scores:
        old = np.load(args.old_scores, allow_pickle=True).item()
        for name in ("lexical", "embedded"):
            baselines[f"previous_clusterer_{name}"] = old[name][clear]
    result: dict[str, object] = {
        "pairs": {g: int((groups == g).sum()) for g in SETTINGS},
        "same_story_pairs": {g: int(y[groups == g].sum()) for g in SETTINGS},
        "features": list(FEATURES),
        "embedder": args.embedder,
        "texts": "as given (--raw)" if args.raw else "read and cleaned as brief reads .txt files",
        "rejected_by_reader": [{"path": Path(r.path).name, "reason": r.reason} for r in rejected],
        "cut_by_cleaning": _cut_share(rows, articles),
        "languages": language_report(rows, articles),
        "feature_seconds": round(seconds, 2),
        "fitted_on": POOLS,
        "random_state": args.random_state,
        "cross_validation": cross_validate(variants, y, groups, baselines, languages),
    }
    if args.fit:
        if not vectors:
            raise SystemExit("--fit needs --embedder minilm (both variants are shipped)")
        fitted = {
            "embedded": fit_settings(
                x, y, groups, FEATURES, POOLS["embedded"], SELECTED["embedded"], languages
            ),
            "lexical": fit_settings(
                x[:, lexical],
                y,
                groups,
                tuple(FEATURES[i] for i in lexical),
                POOLS["lexical"],
                (),
                languages,
            ),
        }
        if args.multilingual:
            fitted["multilingual"] = fit_settings(
                variants["model_multilingual"],
                y,
                groups,
                MULTILINGUAL,
                POOLS["multilingual"],
                (),
                languages,
                MULTILINGUAL_SETTINGS,
            )
        model = {
            "about": "Fitted by bench/semeval.py --fit on every pair of the SemEval-2022 Task 8 "
            "sample (Overall <= 2 same story, >= 3 different); held-out figures in "
            "bench/results/semeval.json.",
            "thresholds": {v: {g: round(c, 4) for g, c in f[1].items()} for v, f in fitted.items()},
            "link_thresholds": {
                v: {g: round(c, 4) for g, c in f[2].items()} for v, f in fitted.items()
            },
            **{v: {g: m.to_dict() for g, m in f[0].items()} for v, f in fitted.items()},
        }
        # The multilingual models are written apart from the others: ``--fit --multilingual``
        # writes them only, ``--fit`` the others only, each keeping what the file holds of the
        # rest (a refit of one needs neither the other's embedder nor touches its figures).
        before = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        kept = [v for v in ("embedded", "lexical", "multilingual") if v in before]
        kept = [v for v in kept if (v == "multilingual") != bool(args.multilingual)]
        for v in kept:
            for key in ("thresholds", "link_thresholds"):
                model[key][v] = before[key][v]
            model[v] = before[v]
        order = ("embedded", "lexical", "multilingual")
        for key in ("thresholds", "link_thresholds"):
            model[key] = {v: model[key][v] for v in order if v in model[key]}
        model = {
            k: model[k] for k in ("about", "thresholds", "link_thresholds", *order) if k in model
        }
        MODEL_FILE.write_text(json.dumps(model, indent=1) + "\n")
        result["shipped_thresholds"] = model["thresholds"]
        result["shipped_link_thresholds"] = model["link_thresholds"]
    result["command"] = "python " + " ".join(sys.argv)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")


if __name__ == "__main__":
    main()
