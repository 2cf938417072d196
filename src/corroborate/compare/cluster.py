"""Stories: many articles grouped, one pass, incrementally and in bounded memory.

An article joins the open story it resembles most, or opens a new one. Resemblance is a blend
of four signals, each cheap to keep per story:

- **words**: TF-IDF cosine of the title and lead against the story's centroid. Terms are
  hashed into a fixed space and document frequencies are counted as articles arrive, so the
  vocabulary never has to be known in advance and a stored clusterer can take new articles;
- **entities**: overlap of folded PERSON/ORG/GPE/... names (a surname alone counts too), IDF
  weighted so that "United States" weighs little and "Bárcena" a lot;
- **embeddings** (optional): cosine of the mean embedding of the title and first sentences,
  through any :class:`~corroborate.embed.base`; without one the other signals decide;
- **time**: a decay with the gap between the article's date and the nearest date of the
  story, so articles weeks apart need more in common to be one story.

Near-linear: an article is compared only with the stories found through an inverted index of
its most distinctive terms and entities (candidate blocking), never with all stories; postings
lists are capped, and a story idle for longer than a time window is *closed*: its summary and
postings are dropped (its article ids are kept, or handed over with :meth:`drain_closed`).

The design follows the centroid-based streaming news clustering of Miranda et al. (2018),
"Multilingual Clustering of Streaming News" (EMNLP), with hashing in place of a vocabulary.

>>> from corroborate.model import Article
>>> c = StoryClusterer()
>>> a = Article("a", "a", "", title="Bridge shut after cracks found in Porthaven",
...             text="Porthaven's Harbour Bridge was shut after cracks were found in welds.")
>>> c.add(a)
's1'
"""

from __future__ import annotations

import base64
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from corroborate.date_expressions import parse_day
from corroborate.embed.base import Embedder
from corroborate.model import Article
from corroborate.text import content_words, fold, rough_sentences

STATE_SCHEMA = "corroborate.stories/1"
HASH_BITS = 20  # 1M hashed terms: collisions are rare for news vocabularies, memory fixed (4 MB)
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP", "PRODUCT", "LAW"})

# Weights of the signals, and the score an article needs to join a story. Tuned on the
# clustering benchmark (bench/cluster_bench.py) and the SemEval-2022 pairs (bench/semeval.py).
WEIGHTS_LEXICAL = {"words": 0.6, "entities": 0.4}
WEIGHTS_EMBEDDED = {"words": 0.4, "entities": 0.3, "embedding": 0.3}
JOIN_THRESHOLD = 0.25
LEAD_SPAN = 50  # content words of the body read as its lead
EMBEDDING_FLOOR = 0.2  # cosines of unrelated news sit around here; rescaled to 0 below it


IDF_PRIOR_DOCS = 50  # see StoryClusterer._idf


@dataclass(frozen=True)
class ClusterConfig:
    """Tunable knobs of :class:`StoryClusterer` (all have sensible defaults).

    Attributes:
        threshold: minimum blended score for an article to join a story.
        lead_words: how many content words of the body are read (title words count twice).
        article_terms: terms kept per article vector (the heaviest by TF-IDF).
        story_terms: terms kept in a story centroid.
        story_entities: entities kept in a story summary.
        block_terms: the article's most distinctive terms used to find candidate stories.
        max_candidates: stories scored in full per article (the ones sharing most keys).
        postings_cap: stories remembered per key (most recent); commoner keys say little.
        grace_days: date gap with no penalty at all.
        decay_days: beyond the grace, the score is multiplied by exp(-extra_gap / decay_days).
        window_days: a story with no article for this long (in article time) is closed.
        window_articles: for undated streams, a story not joined in this many adds is closed.
    """

    threshold: float = JOIN_THRESHOLD
    lead_words: int = 250
    article_terms: int = 80
    story_terms: int = 200
    story_entities: int = 60
    block_terms: int = 12
    max_candidates: int = 25
    postings_cap: int = 40
    grace_days: float = 3.0
    decay_days: float = 30.0
    window_days: float = 60.0
    window_articles: int = 20000

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(
                f"threshold must lie strictly between 0 and 1 (got {self.threshold}); "
                f"the default is {JOIN_THRESHOLD}."
            )
        if self.decay_days <= 0 or self.window_days <= 0:
            raise ValueError("decay_days and window_days must be positive numbers of days.")


# --------------------------------------------------------------------------- features


@lru_cache(maxsize=262_144)
def _hash(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) & ((1 << HASH_BITS) - 1)


_PROPER = re.compile(
    r"(?<![.!?\n]\s)(?<!^)\b([A-ZÀ-Ý][\w'’\-]+(?:\s+(?:de|del|la|van|von)?\s*[A-ZÀ-Ý][\w'’\-]+)*)"
)
_LEADING_THE = re.compile(r"^(the|la|le|el|der|die|das)\s+")


def entity_keys(article: Article) -> dict[str, float]:
    """Folded names of the people, organisations and places an article mentions, with salience.

    From NER mentions when the article has them; otherwise from capitalised word runs not at a
    sentence start (a crude stand-in that also works for languages without an NER model). A
    multi-word name also gives its last word ("Antony Blinken" -> "blinken"), so a surname
    alone matches. Salience is 1 for a name in the title or lead, or named twice; else 0.5.
    """
    lead_end = len(article.text) // 5 + 200
    if article.sentences:
        lead_end = max(lead_end, article.sentences[min(2, len(article.sentences) - 1)].end)
    found: list[tuple[str, bool]] = []
    if article.mentions:
        found = [(m.text, m.start < lead_end) for m in article.mentions if m.label in ENTITY_LABELS]
    else:
        for m in _PROPER.finditer(article.text[:4000]):
            found.append((m.group(1), m.start() < lead_end))
    if article.title:
        title_keys = set(_PROPER.findall(" " + article.title))
        found += [(name, True) for name in title_keys]
    seen: Counter[str] = Counter()
    salient: set[str] = set()
    for name, in_lead in found:
        key = _LEADING_THE.sub("", fold(name).replace("’", "'")).removesuffix("'s").strip()
        key = " ".join(re.sub(r"[^\w\s]", " ", key).split())
        if len(key) < 3:
            continue
        parts = key.split()
        for k in [key, parts[-1]] if len(parts) > 1 and len(parts[-1]) >= 4 else [key]:
            seen[k] += 1
            if in_lead:
                salient.add(k)
    return {k: 1.0 if k in salient or n >= 2 else 0.5 for k, n in seen.items()}


def lead_terms(article: Article, lead_words: int = ClusterConfig.lead_words) -> Counter[str]:
    """Weighted content-word counts of the title and the first ``lead_words`` of the body.

    What a news article is about is said first: title words count 3, the first 50 body words
    2, later ones 1.
    """
    counts: Counter[str] = Counter()
    for i, word in enumerate(content_words(article.text)[:lead_words]):
        counts[word] += 2 if i < LEAD_SPAN else 1
    if article.title:
        for word in content_words(article.title):
            counts[word] += 3
    return counts


def lead_texts(article: Article, sentences: int = 3) -> list[str]:
    """The title and first sentences, the part of an article that says what it is about."""
    texts = [article.title] if article.title else []
    if article.sentences:
        texts += [s.text for s in article.sentences[:sentences]]
    else:
        texts += [t for t in rough_sentences(article.text[:1500]) if t.strip()][:sentences]
    return [t for t in texts if len(t.split()) >= 3][: sentences + 1] or [article.text[:300]]


def day_number(published: str | None) -> int | None:
    """``YYYY-MM-DD`` (or a longer ISO stamp) as a day ordinal, ``None`` when absent or bad."""
    day = parse_day(published)
    return day.toordinal() if day else None


@dataclass
class ArticleFeatures:
    """What the clusterer keeps of one article while placing it."""

    id: str
    terms: dict[int, float]  # hashed term -> L2-normalised TF-IDF weight
    entities: dict[int, float]  # hashed entity key -> IDF weight
    embedding: np.ndarray | None
    day: int | None
    keys: list[int]  # blocking keys: distinctive terms and entities


def _sparse_cosine(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[k] for k, w in a.items() if k in b)


def _entity_overlap(a: dict[int, float], b: dict[int, float], b_scale: float = 1.0) -> float:
    """IDF-weighted overlap of two entity sets, relative to the smaller one (0..1); ``b``'s
    weights count ``b_scale`` times (a story's summed weights, averaged over its members)."""
    if not a or not b:
        return 0.0
    shared = sum(min(w, b[k] * b_scale) for k, w in a.items() if k in b)
    if not shared:
        return 0.0
    smaller = min(sum(a.values()), sum(b.values()) * b_scale)
    # Sharing a single name is weak evidence: damp overlaps built on fewer than 3 names.
    count = sum(1 for k in a if k in b)
    return min(1.0, shared / smaller) * min(1.0, (count + 1) / 4)


# --------------------------------------------------------------------------- stories


@dataclass
class _Story:
    id: str
    members: list[str] = field(default_factory=list)
    terms: dict[int, float] = field(default_factory=dict)  # summed article vectors, pruned
    entities: dict[int, float] = field(default_factory=dict)  # summed weights, pruned
    embedding: np.ndarray | None = None  # summed article embeddings
    first_day: int | None = None
    last_day: int | None = None
    last_seq: int = 0
    keys: list[int] = field(default_factory=list)  # blocking keys it is posted under (capped)
    closed: bool = False

    _terms_norm: float | None = None  # cached; the centroid changes only in absorb

    def absorb(self, f: ArticleFeatures, seq: int, config: ClusterConfig) -> None:
        self._terms_norm = None
        self.members.append(f.id)
        for k, w in f.terms.items():
            self.terms[k] = self.terms.get(k, 0.0) + w
        if len(self.terms) > config.story_terms * 2:
            self.terms = dict(Counter(self.terms).most_common(config.story_terms))
        for k, w in f.entities.items():
            self.entities[k] = self.entities.get(k, 0.0) + w
        if len(self.entities) > config.story_entities * 2:
            self.entities = dict(Counter(self.entities).most_common(config.story_entities))
        if f.embedding is not None:
            self.embedding = (
                f.embedding.copy() if self.embedding is None else self.embedding + f.embedding
            )
        if f.day is not None:
            self.first_day = f.day if self.first_day is None else min(self.first_day, f.day)
            self.last_day = f.day if self.last_day is None else max(self.last_day, f.day)
        self.last_seq = seq

    def terms_norm(self) -> float:
        if self._terms_norm is None:
            self._terms_norm = math.sqrt(sum(w * w for w in self.terms.values())) or 1.0
        return self._terms_norm

    def word_cosine(self, terms: dict[int, float]) -> float:
        """Cosine of an article's (normalised) terms with the story centroid."""
        return _sparse_cosine(terms, self.terms) / self.terms_norm()

    def entity_overlap(self, entities: dict[int, float]) -> float:
        # An entity named by few members of a big story counts for proportionally less.
        return _entity_overlap(entities, self.entities, 1.0 / (len(self.members) or 1))

    def day_gap(self, day: int | None) -> float | None:
        if day is None or self.first_day is None or self.last_day is None:
            return None
        if self.first_day <= day <= self.last_day:
            return 0.0
        return float(min(abs(day - self.first_day), abs(day - self.last_day)))


class StoryClusterer:
    """Groups a stream of articles into stories, one article at a time.

    Args:
        embedder: optional sentence embedder; its vectors of the title and lead sentences add
            a semantic signal. Without it, words, entities and dates decide.
        config: thresholds and memory caps (:class:`ClusterConfig`).

    Example::

        clusterer = StoryClusterer()
        for article in articles:            # annotated articles, in any order
            clusterer.add(article)
        clusterer.stories()                 # {"s1": ["a1", "a7", ...], ...}
        state = clusterer.to_state()        # JSON-serialisable; later:
        clusterer = StoryClusterer.from_state(state)
        clusterer.add(new_article)
    """

    def __init__(self, embedder: Embedder | None = None, config: ClusterConfig | None = None):
        self.embedder = embedder
        self.config = config or ClusterConfig()
        self._df = np.zeros(1 << HASH_BITS, dtype=np.int32)
        self._docs = 0
        self._seq = 0
        self._next_id = 1
        self._stories: dict[str, _Story] = {}
        self._closed: dict[str, list[str]] = {}
        self._postings: dict[int, list[str]] = {}
        self._latest_day: int | None = None
        self._assigned: dict[str, str] = {}

    # ----------------------------------------------------------------- features

    def observe(self, articles: Iterable[Article]) -> None:
        """Count the documents frequencies of ``articles`` without placing them.

        Batch callers do this first so that early articles are weighted with the same IDF as
        late ones (:func:`cluster_stories` does it for you).
        """
        for article in articles:
            self._count(article)

    def _count(self, article: Article) -> None:
        hashes = {_hash(w) for w in lead_terms(article, self.config.lead_words)}
        hashes |= {_hash("@" + k) for k in entity_keys(article)}
        if hashes:
            self._df[np.fromiter(hashes, dtype=np.int64)] += 1
        self._docs += 1

    def _idf(self, h: int) -> float:
        # Smoothed; a term never seen before is as rare as a term seen once. The prior
        # documents (which hold none of the terms) keep a small pile -- a handful of articles
        # all about one story -- from calling its shared words common and so uninformative.
        docs = self._docs + IDF_PRIOR_DOCS
        return math.log((docs + 1) / (int(self._df[h]) + 1)) + 1.0

    def features(self, article: Article, embedding: np.ndarray | None = None) -> ArticleFeatures:
        """The article's weighted terms, entities, embedding, date and blocking keys."""
        counts = lead_terms(article, self.config.lead_words)
        weights: dict[int, float] = {}
        for word, tf in counts.items():
            h = _hash(word)
            weights[h] = weights.get(h, 0.0) + (1.0 + math.log(tf)) * self._idf(h)
        if len(weights) > self.config.article_terms:
            weights = dict(Counter(weights).most_common(self.config.article_terms))
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        terms = {k: w / norm for k, w in weights.items()}
        entities = {}
        for key, salience in entity_keys(article).items():
            h = _hash("@" + key)
            entities[h] = self._idf(h) * salience
        if embedding is None and self.embedder is not None:
            embedding = self._embed(article)
        distinctive = Counter(terms).most_common(self.config.block_terms)
        keys = [k for k, _ in distinctive]
        # Entities rarer than ~1 in 20 documents are good keys; common ones flood the postings.
        rare = math.log(20.0) + 1.0 if self._docs >= 40 else 0.0
        keys += [
            h | (1 << HASH_BITS) for h, w in entities.items() if w >= rare and self._idf(h) >= rare
        ]
        return ArticleFeatures(
            article.id, terms, entities, embedding, day_number(article.published), keys
        )

    def _embed(self, article: Article) -> np.ndarray:
        assert self.embedder is not None
        vectors = self.embedder.encode(lead_texts(article))
        mean = np.asarray(vectors, dtype=np.float32).mean(axis=0)
        return mean / (float(np.linalg.norm(mean)) or 1.0)

    # ----------------------------------------------------------------- scoring

    def score(self, f: ArticleFeatures, story: _Story) -> float:
        """How strongly an article belongs to a story, 0..1 (time decay included)."""
        return self._blend(
            story.word_cosine(f.terms),
            story.entity_overlap(f.entities),
            _embedding_sim(f.embedding, story.embedding),
            story.day_gap(f.day),
        )

    def similarity(self, a: Article, b: Article) -> float:
        """The same-story score of two articles, 0 (unrelated) .. 1 (same story).

        The clusterer's own score: ``b`` is treated as a one-article story. Document
        frequencies seen so far (:meth:`observe`) weight the words and names.
        """
        fa, fb = self.features(a), self.features(b)
        gap = None if fa.day is None or fb.day is None else float(abs(fa.day - fb.day))
        return self._blend(
            _sparse_cosine(fa.terms, fb.terms),
            _entity_overlap(fa.entities, fb.entities),
            _embedding_sim(fa.embedding, fb.embedding),
            gap,
        )

    def _blend(
        self, words: float, entities: float, embedding: float | None, gap: float | None
    ) -> float:
        if embedding is None:
            w = WEIGHTS_LEXICAL
            score = w["words"] * words + w["entities"] * entities
        else:
            w = WEIGHTS_EMBEDDED
            score = w["words"] * words + w["entities"] * entities + w["embedding"] * embedding
        if gap is not None and gap > self.config.grace_days:
            score *= math.exp(-(gap - self.config.grace_days) / self.config.decay_days)
        return score

    # ----------------------------------------------------------------- adding

    def add(
        self, article: Article, embedding: np.ndarray | None = None, *, observed: bool = False
    ) -> str:
        """Place one article: the id of the story it joins, or of the story it opens.

        Args:
            article: the article (``mentions`` and ``sentences`` used when present).
            embedding: its lead embedding, if already computed (else the embedder's, if any).
            observed: its frequencies were already counted by :meth:`observe`.

        Adding an article already placed returns its story again (idempotent).
        """
        if article.id in self._assigned:
            return self._assigned[article.id]
        if not observed:
            self._count(article)
        f = self.features(article, embedding)
        self._seq += 1
        if f.day is not None and (self._latest_day is None or f.day > self._latest_day):
            self._latest_day = f.day
        best, best_score = None, self.config.threshold
        for story in self._candidates(f):
            s = self.score(f, story)
            if s >= best_score:
                best, best_score = story, s
        if best is None:
            best = _Story(f"s{self._next_id}")
            self._next_id += 1
            self._stories[best.id] = best
        best.absorb(f, self._seq, self.config)
        self._post(best, f.keys)
        self._assigned[article.id] = best.id
        if self._seq % 1000 == 0:
            self._close_idle()
        return best.id

    def replace(self, article: Article) -> str:
        """Place again an article whose content changed: it leaves its story (a story left
        empty is dropped; the story's summary keeps what the old text added to it) and is
        placed as a new article would be. The id of the story it is now in."""
        old = self._assigned.pop(article.id, None)
        story = self._stories.get(old) if old else None
        members = story.members if story is not None else self._closed.get(old or "", [])
        if article.id in members:
            members.remove(article.id)
        if old and not members:
            self._stories.pop(old, None)
            self._closed.pop(old, None)
        return self.add(article)

    def add_many(self, articles: Iterable[Article], *, observed: bool = False) -> list[str]:
        """:meth:`add` each article (embedding the leads in one batch when there is an
        embedder); the story ids, in order."""
        articles = list(articles)
        vectors: list[np.ndarray | None] = [None] * len(articles)
        if self.embedder is not None and articles:
            texts = [lead_texts(a) for a in articles]
            flat = [t for ts in texts for t in ts]
            encoded = np.asarray(self.embedder.encode(flat), dtype=np.float32)
            cursor = 0
            for i, ts in enumerate(texts):
                mean = encoded[cursor : cursor + len(ts)].mean(axis=0)
                cursor += len(ts)
                vectors[i] = mean / (float(np.linalg.norm(mean)) or 1.0)
        return [self.add(a, v, observed=observed) for a, v in zip(articles, vectors, strict=True)]

    def _candidates(self, f: ArticleFeatures) -> list[_Story]:
        hits: Counter[str] = Counter()
        for key in f.keys:
            for story_id in self._postings.get(key, ()):
                hits[story_id] += 1
        found = []
        for story_id, _ in hits.most_common():
            story = self._stories.get(story_id)
            if story is not None and not story.closed:
                found.append(story)
                if len(found) >= self.config.max_candidates:
                    break
        return found

    def _post(self, story: _Story, keys: Sequence[int]) -> None:
        cap = self.config.postings_cap
        for key in keys:
            posting = self._postings.setdefault(key, [])
            if story.id in posting:
                continue
            posting.append(story.id)
            if len(posting) > cap:
                del posting[0]  # the oldest story: recent ones are likelier to grow
        story.keys = list(dict.fromkeys([*story.keys, *keys]))[-4 * self.config.block_terms :]

    def _close_idle(self) -> None:
        """Close stories idle beyond the window; drop their summaries and postings."""
        cfg = self.config
        idle = []
        for story in self._stories.values():
            if story.last_day is not None and self._latest_day is not None:
                if self._latest_day - story.last_day > cfg.window_days:
                    idle.append(story)
            elif self._seq - story.last_seq > cfg.window_articles:
                idle.append(story)
        for story in idle:
            self.close(story.id)
        # A story stays posted only under its recent (capped) keys, and a closed one under
        # none: the index then holds at most open stories x their key cap, however long the
        # stream runs.
        recent = {sid: set(story.keys) for sid, story in self._stories.items()}
        for key in list(self._postings):
            alive = [sid for sid in self._postings[key] if key in recent.get(sid, ())]
            if alive:
                self._postings[key] = alive
            else:
                del self._postings[key]

    def close(self, story_id: str) -> None:
        """Close a story: no article will join it any more; only its article ids are kept."""
        story = self._stories.pop(story_id)
        for key in story.keys:
            posting = self._postings.get(key)
            if posting and story_id in posting:
                posting.remove(story_id)
                if not posting:
                    del self._postings[key]
        self._closed[story_id] = story.members

    def drain_closed(self) -> dict[str, list[str]]:
        """Hand over and forget the closed stories (for streams: persist them, free memory).

        Their article ids are forgotten too, so a drained article added again opens a story.
        """
        closed, self._closed = self._closed, {}
        for members in closed.values():
            for article_id in members:
                self._assigned.pop(article_id, None)
        return closed

    # ----------------------------------------------------------------- results

    def stories(self) -> dict[str, list[str]]:
        """Story id -> article ids (in the order they joined), largest story first."""
        everything = {s.id: list(s.members) for s in self._stories.values()}
        everything.update({k: list(v) for k, v in self._closed.items()})
        ordered = sorted(everything.items(), key=lambda kv: (-len(kv[1]), _id_order(kv[0])))
        return dict(ordered)

    def story_of(self, article_id: str) -> str | None:
        """The story an article was placed in, if it was (and was not drained)."""
        return self._assigned.get(article_id)

    @property
    def open_stories(self) -> int:
        return len(self._stories)

    # ----------------------------------------------------------------- state

    def to_state(self) -> dict[str, Any]:
        """Everything needed to go on adding articles later, as plain JSON types."""
        df = zlib.compress(self._df.tobytes(), 6)
        return {
            "schema": STATE_SCHEMA,
            "config": self.config.__dict__.copy(),
            "hash_bits": HASH_BITS,
            "docs": self._docs,
            "seq": self._seq,
            "next_id": self._next_id,
            "latest_day": self._latest_day,
            "df": base64.b64encode(df).decode("ascii"),
            "stories": [_story_state(s) for s in self._stories.values()],
            "closed": self._closed,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], embedder: Embedder | None = None) -> StoryClusterer:
        """A clusterer restored from :meth:`to_state` (give the same embedder, if any)."""
        if state.get("schema") != STATE_SCHEMA or state.get("hash_bits") != HASH_BITS:
            raise ValueError(
                f"Not a {STATE_SCHEMA} state with {HASH_BITS}-bit hashing "
                f"(got schema={state.get('schema')!r}, hash_bits={state.get('hash_bits')!r}); "
                "rebuild it by clustering the articles again."
            )
        self = cls(embedder, ClusterConfig(**state["config"]))
        raw = zlib.decompress(base64.b64decode(state["df"]))
        self._df = np.frombuffer(raw, dtype=np.int32).copy()
        self._docs = state["docs"]
        self._seq = state["seq"]
        self._next_id = state["next_id"]
        self._latest_day = state["latest_day"]
        self._closed = {k: list(v) for k, v in state["closed"].items()}
        for item in state["stories"]:
            story = _story_from_state(item)
            self._stories[story.id] = story
            keys, story.keys = story.keys, []
            self._post(story, keys)
        for story_id, members in [*self._closed.items()] + [
            (s.id, s.members) for s in self._stories.values()
        ]:
            for article_id in members:
                self._assigned[article_id] = story_id
        return self


def _embedding_sim(a: np.ndarray | None, b: np.ndarray | None) -> float | None:
    if a is None or b is None:
        return None
    cos = float(a @ b) / ((float(np.linalg.norm(b)) * float(np.linalg.norm(a))) or 1.0)
    return max(0.0, (cos - EMBEDDING_FLOOR) / (1.0 - EMBEDDING_FLOOR))


def _id_order(story_id: str) -> tuple[int, str]:
    digits = story_id.lstrip("s")
    return (int(digits), story_id) if digits.isdigit() else (1 << 62, story_id)


def _story_state(s: _Story) -> dict[str, Any]:
    return {
        "id": s.id,
        "members": s.members,
        "terms": [[k, round(w, 6)] for k, w in s.terms.items()],
        "entities": [[k, round(w, 6)] for k, w in s.entities.items()],
        "embedding": None if s.embedding is None else [round(float(x), 6) for x in s.embedding],
        "first_day": s.first_day,
        "last_day": s.last_day,
        "last_seq": s.last_seq,
        "keys": s.keys,
    }


def _story_from_state(d: dict[str, Any]) -> _Story:
    return _Story(
        id=d["id"],
        members=list(d["members"]),
        terms={int(k): float(w) for k, w in d["terms"]},
        entities={int(k): float(w) for k, w in d["entities"]},
        embedding=None if d["embedding"] is None else np.asarray(d["embedding"], np.float32),
        first_day=d["first_day"],
        last_day=d["last_day"],
        last_seq=d["last_seq"],
        keys=[int(k) for k in d["keys"]],
    )


# --------------------------------------------------------------------------- batch helpers


def cluster_stories(
    articles: Sequence[Article],
    *,
    embedder: Embedder | None = None,
    config: ClusterConfig | None = None,
) -> list[list[str]]:
    """Group articles into stories: lists of article ids, largest first.

    Document frequencies are counted over all articles first, and articles are placed in date
    order (undated ones last, in their given order), so the result does not depend on the
    order of the input as much as a pure stream would.

    >>> cluster_stories([])
    []
    """
    clusterer = StoryClusterer(embedder, config)
    clusterer.observe(articles)
    ordered = sorted(
        range(len(articles)),
        key=lambda i: (articles[i].published is None, articles[i].published or "", i),
    )
    clusterer.add_many([articles[i] for i in ordered], observed=True)
    return list(clusterer.stories().values())


def story_similarity(a: Article, b: Article, *, clusterer: StoryClusterer | None = None) -> float:
    """The clusterer's same-story score of two articles, 0 (unrelated) .. 1 (same story).

    Pass a clusterer that has :meth:`~StoryClusterer.observe`\\ d a corpus for meaningful IDF
    weights (and an embedder for the semantic signal); by default only the two articles are
    counted.
    """
    if clusterer is None:
        clusterer = StoryClusterer()
        clusterer.observe([a, b])
    return clusterer.similarity(a, b)
