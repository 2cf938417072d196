"""Stories: articles linked pair by pair, grouped whatever the order they come in.

Two articles are *linked* when the calibrated same-story model
(:mod:`corroborate.compare.same_story`: rare words, names, numbers, letters shared across
languages, and the lead's embedding when there is an embedder) gives them a probability at
least the link threshold of their setting (chosen by cross-validation for F0.5: precision
first, since links chain), and they are at most ``window_days`` apart. Stories come from the
connected groups of linked articles: a disaster, its rescue, inquiry and funerals make one
story over weeks when each article is linked to an earlier or later one, though the first and
the last share little. A group is split by average linkage of its pairs' votes near in time,
so one article that reads like two stories does not chain them into one. A group of more than
``MAX_SPLIT`` articles is too big to split whole (every pair would be scored): a new article
then joins a big story only when its votes with the story's articles it was compared with are
for it on average, and is otherwise split locally with the small stories it is linked to
(:meth:`StoryClusterer._place_locally`). Merging such groups whole, as before, chained a pile
of the 2,566 SemEval-2022 texts into one story of 867 (``bench/semeval_stories.py``).

Order does not matter for groups up to ``MAX_SPLIT`` articles: a link depends on nothing but
the two articles (word rarity comes from fixed tables, not from the pile), groups depend on
nothing but the links, and a group's split on nothing but the group. The same articles give
the same stories in one batch, one at a time in any order, or split between runs that each go
on from the stored state (:meth:`StoryClusterer.to_state`); only the story ids depend on
history. Bigger groups are placed article by article, which can depend on the order.

Near-linear: an article is compared only with the articles blocking lets it meet (a shared
strong key -- its rarest names, words, long numbers -- or two shared keys, or, in English, a
lead close in meaning; :func:`~corroborate.compare.same_story.candidate`; or, neither in
English, multilingual embeddings close in meaning:
:func:`~corroborate.compare.same_story.embeddings_meet`) and near it in time. In a stream, a story
with no article for ``close_after_days`` (in article time) is *closed*: its articles' profiles
and postings are dropped and only its article ids are kept (or handed over with
:meth:`StoryClusterer.drain_closed`), so memory stays bounded. Closing (an article arriving
long after its story closed opens a new one), the cap on a blocking key's postings and the
placing of articles in big groups are the only rules that can make the result depend on
order; a store or a batch never closes, and rare keys stay far below the cap.

This follows the two levels of the best aggregators -- the Europe Media Monitor links each
day's clusters into stories over days, Event Registry links events into stories -- with the
pair decision learnt from human same-story ratings (SemEval-2022 Task 8) rather than a fixed
cosine threshold.

>>> from corroborate.model import Article
>>> c = StoryClusterer()
>>> a = Article("a", "a", "", title="Bridge shut after cracks found in Porthaven",
...             text="Porthaven's Harbour Bridge was shut after cracks were found in welds.")
>>> c.add(a)
's1'
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from corroborate.compare.same_story import (
    LEADS_MEET,
    MULTILINGUAL_MEET,
    Clause,
    Profile,
    SameStoryModel,
    blocking_keys,
    embeddings_meet,
    leads_meet,
    load_model,
    meets,
    near,
    profile,
    restored_profile,
    rounded_cosine,
    strong_keys,
)
from corroborate.date_expressions import parse_day
from corroborate.embed.base import Embedder
from corroborate.embed.multilingual import (
    MultilingualEncoder,
    encode_safely,
    load_multilingual,
    passage_text,
)
from corroborate.model import Article
from corroborate.text import rough_sentences

STATE_SCHEMA = "corroborate.stories/3"

# A nominal link probability, for callers that want a looser or stricter grouping than the
# model's own per-setting thresholds (which are chosen by cross-validation for F1).
JOIN_THRESHOLD = 0.35


@dataclass(frozen=True)
class ClusterConfig:
    """Knobs of :class:`StoryClusterer` (all have sensible defaults).

    Attributes:
        threshold: P(same story) from which two articles are linked; ``None`` (the default)
            uses the model's threshold for the pair's setting (English, one other language,
            two languages in one script, two scripts), chosen by cross-validation on SemEval-2022
            Task 8.
        window_days: two dated articles further apart than this are never linked directly
            (a longer story is a chain of nearer links).
        close_after_days: in a stream, a story with no article for this long (article time)
            is closed; ``None`` never closes (a store, a batch).
        close_after_articles: for undated streams, a story not joined in this many adds is
            closed (``None``: never).
        max_postings: live articles remembered per blocking key (the most recent by date).
            Rare keys stay far below it; it bounds the cost of a key that is not rare in the
            articles at hand, and is the only rule here that can depend on order.
    """

    threshold: float | None = None
    window_days: float = 21.0
    close_after_days: float | None = None
    close_after_articles: int | None = None
    max_postings: int = 400

    def __post_init__(self) -> None:
        if self.threshold is not None and not 0.0 < self.threshold < 1.0:
            raise ValueError(
                f"threshold must lie strictly between 0 and 1 (got {self.threshold}); "
                "leave it out to use the model's own thresholds."
            )
        if self.window_days <= 0 or (self.close_after_days or 1) <= 0:
            raise ValueError("window_days and close_after_days must be positive numbers of days.")


VOTE_SPAN = 0.15  # P(same story) this far from the threshold is a full vote for or against
MAX_SPLIT = 80  # a linked group bigger than this is not split whole (every pair would be scored)

STREAM = ClusterConfig(close_after_days=60.0, close_after_articles=20_000)


def lead_texts(article: Article, sentences: int = 3) -> list[str]:
    """The title and first sentences, the part of an article that says what it is about."""
    texts = [article.title] if article.title else []
    if article.sentences:
        texts += [s.text for s in article.sentences[:sentences]]
    else:
        texts += [t for t in rough_sentences(article.text[:1500]) if t.strip()][:sentences]
    return [t for t in texts if len(t.split()) >= 3][: sentences + 1] or [article.text[:300]]


def lead_embeddings(articles: Sequence[Article], embedder: Embedder) -> list[np.ndarray]:
    """Each article's lead embedding: the mean of its :func:`lead_texts`' vectors, L2-normalised.
    The texts go to ``embedder`` in one call, as they are (a caching embedder that has
    embedded them already, for the facts or ahead, answers from its cache)."""
    texts = [lead_texts(a) for a in articles]
    encoded = np.asarray(embedder.encode([t for ts in texts for t in ts]), np.float32)
    vectors, cursor = [], 0
    for ts in texts:
        mean = encoded[cursor : cursor + len(ts)].mean(axis=0)
        cursor += len(ts)
        vectors.append(mean / (float(np.linalg.norm(mean)) or 1.0))
    return vectors


def day_number(published: str | None) -> int | None:
    """``YYYY-MM-DD`` (or a longer ISO stamp) as a day ordinal, ``None`` when absent or bad."""
    day = parse_day(published)
    return day.toordinal() if day else None


class StoryClusterer:
    """Groups articles into stories, one at a time, the same whatever the order.

    Args:
        embedder: optional sentence embedder; the lead's embedding then joins the evidence
            (the ``embedded`` variant of the model). Without it, the ``lexical`` variant.
        config: thresholds, time window and memory bounds (:class:`ClusterConfig`).
        model: the pair model (default: the shipped one).
        multilingual: the multilingual encoder of pairs not both in English, and of English
            pairs when both have lead embeddings (the model's ``multilingual`` variant); ``True`` (the default): the process's, when it can
            run here (:func:`~corroborate.embed.multilingual.load_multilingual`); ``False``:
            none, every pair read as before.

    Multilingual vectors are made for every article not in English as it arrives (it meets
    the live ones close to it in meaning, :meth:`_meeting`), and for an English article only
    when a pair the clusterer scores reads them (a setting with a multilingual model, not
    :func:`~corroborate.compare.same_story.thin_across`), in one batch per placed article, and
    kept per article: a live article holds its text to embed
    (:data:`~corroborate.embed.multilingual.CHARACTERS`) or its vector, never both. A pair's
    score and whether it meets still depend on the pair alone: a vector is a function of its
    article's text (the engine's vectors do not depend on the batch), a pair is read by the
    multilingual model exactly when the encoder is on and its setting has one, and two
    articles not in English meet by a fixed cosine whichever came first. An English pile
    grouped without lead embeddings (the default brief) never loads the engine.

    Example::

        clusterer = StoryClusterer()
        for article in articles:            # annotated articles, in any order
            clusterer.add(article)
        clusterer.stories()                 # {"s1": ["a1", "a7", ...], ...}
        state = clusterer.to_state()        # JSON-serialisable; later:
        clusterer = StoryClusterer.from_state(state)
        clusterer.add(new_article)
    """

    def __init__(
        self,
        embedder: Embedder | None = None,
        config: ClusterConfig | None = None,
        model: SameStoryModel | None = None,
        multilingual: MultilingualEncoder | bool = True,
    ):
        self.embedder = embedder
        self.config = config or ClusterConfig()
        self.model = model or load_model()
        encoder = load_multilingual() if multilingual is True else multilingual or None
        self.multilingual: MultilingualEncoder | None = encoder if self.model.multilingual else None
        self._passages: dict[str, str] = {}  # live article -> its text to embed, until it is
        self._vectors: dict[str, np.ndarray] = {}  # live article -> its multilingual vector
        self._profiles: dict[str, Profile] = {}  # live articles
        self._postings: dict[str, list[str]] = {}
        self._links: dict[str, set[str]] = {}
        self._story: dict[str, str] = {}  # article -> story, live and closed
        self._members: dict[str, list[str]] = {}  # live story -> its live articles
        self._retired: dict[str, list[str]] = {}  # live story -> its retired articles
        self._closed: dict[str, list[str]] = {}
        self._last_day: dict[str, int] = {}  # live story -> its latest article day
        self._last_seq: dict[str, int] = {}  # live story -> the add that last joined it
        self._latest_day: int | None = None
        self._seq = 0
        self._next_id = 1
        self._pair_margin: dict[tuple[str, str], float] = {}  # live pairs scored so far
        self._scored: dict[str, set[str]] = {}  # live article -> partners in _pair_margin
        self._keys: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}  # live: blocking keys
        self._leads = _VectorIndex()  # live English articles' lead embeddings
        self._foreign: set[str] = set()  # live articles not in English (with the encoder on)
        self._met = _VectorIndex()  # ... their multilingual vectors, searched whole

    # ----------------------------------------------------------------- evidence

    def observe(self, articles: Iterable[Article]) -> None:
        """Kept for callers of the former clusterer: word rarity now comes from fixed tables,
        so there is nothing to count."""
        for _ in articles:
            pass

    def profile(self, article: Article, embedding: np.ndarray | None = None) -> Profile:
        """The article's :class:`~corroborate.compare.same_story.Profile` (embedded by the
        embedder, if there is one and no embedding is given)."""
        if embedding is None and self.embedder is not None:
            embedding = self._embed([article])[0]
        return profile(article, embedding)

    def _embed(self, articles: Sequence[Article]) -> list[np.ndarray]:
        assert self.embedder is not None
        return lead_embeddings(articles, self.embedder)

    def similarity(self, a: Article, b: Article) -> float:
        """P(same story) of two articles, by the pair model (time left aside)."""
        left, right = self.profile(a), self.profile(b)
        cosine = None
        if self.multilingual is not None and self.model.reads_cosine(left, right):
            texts = [passage_text(x.title, x.text) for x in (a, b)]
            vectors = encode_safely(self.multilingual, texts)
            if vectors is not None:
                cosine = rounded_cosine(vectors[0], vectors[1])
        return self.model.probability(left, right, cosine)

    def linked(self, a: Profile, b: Profile) -> bool:
        """Whether two profiles are linked: near enough in time, and P(same story) at least
        the threshold (the configured one, else the model's for their setting)."""
        if not near(a, b, self.config.window_days):
            return False
        cosine = self._cosine(a, b)
        if self.config.threshold is None:
            return self.model.linked(a, b, cosine)
        return self.model.probability(a, b, cosine) >= self.config.threshold

    # ----------------------------------------------------------------- multilingual

    def _keep_text(self, article_id: str, text: str | None, vector: np.ndarray | None) -> None:
        """Keep what the multilingual encoder will read of a live article (its vector when
        it is made already)."""
        if self.multilingual is None:
            return
        if vector is not None:
            self._vectors[article_id] = np.asarray(vector, dtype=np.float32)
        elif text is not None and article_id not in self._vectors:
            self._passages[article_id] = text

    def _embed_for(self, pairs: Iterable[tuple[Profile, Profile]]) -> None:
        """Embed, in one batch, the articles of the ``pairs`` the model reads with a
        multilingual cosine that have no vector yet."""
        if self.multilingual is None:
            return
        wanted: dict[str, None] = {}
        for a, b in pairs:
            if self.model.reads_multilingual(a, b):
                wanted.update((i, None) for i in (a.id, b.id) if i not in self._vectors)
        self._embed_ids(list(wanted))

    def _embed_ids(self, wanted: Sequence[str]) -> None:
        """Embed, in one batch, the articles of ``wanted`` that have a text and no vector yet;
        a live article's vector goes into the index it is searched in (:meth:`_meeting`)."""
        ids = [i for i in dict.fromkeys(wanted) if i in self._passages]
        if not ids or self.multilingual is None:
            return
        vectors = encode_safely(self.multilingual, [self._passages[i] for i in ids])
        if vectors is None:  # the engine failed: every pair is read without it from now on
            self.multilingual = None
            self._passages.clear()
            self._vectors.clear()
            self._foreign.clear()
            self._met = _VectorIndex()
            return
        for i, vector in zip(ids, vectors, strict=True):
            self._vectors[i] = vector
            del self._passages[i]
            if i in self._foreign:
                self._met.add(i, vector)

    def _meeting(self, p: Profile) -> list[str]:
        """The live articles ``p`` may meet by the multilingual embedding
        (:func:`~corroborate.compare.same_story.embeddings_meet` decides): when ``p`` is not
        in English, the live articles not in English, each embedded on arrival (so a pair
        meets, or not, whichever came first: the later finds the earlier embedded). English
        articles neither search nor are searched: an English pile embeds nothing, and a mixed
        one embeds no English article for this (letting English articles meet the others
        would embed every English article of a mixed pile, about 0.2 CPU s each, and on
        SemEval left the stories across languages as they are without it:
        ``bench/results/multilingual_meet.md``)."""
        if self.multilingual is None or p.language == "en":
            return []
        waiting = sorted(i for i in self._foreign if i in self._passages)  # restored states
        self._embed_ids([p.id, *waiting])
        vector = self._vectors.get(p.id)
        return [] if vector is None else self._met.near(vector, MULTILINGUAL_MEET)

    def _cosine(self, a: Profile, b: Profile) -> float | None:
        """The pair's multilingual cosine when the model reads one for it (embedding what it
        needs), else ``None``."""
        if self.multilingual is None or not self.model.reads_multilingual(a, b):
            return None
        self._embed_for([(a, b)])
        return self._cosine_of(a.id, b.id)

    def _cosine_of(self, a: str, b: str) -> float | None:
        u, v = self._vectors.get(a), self._vectors.get(b)
        if u is None or v is None:
            return None
        return rounded_cosine(u, v)

    # ----------------------------------------------------------------- adding

    def add(
        self,
        article: Article,
        embedding: np.ndarray | None = None,
        *,
        observed: bool = False,
        profiled: Profile | None = None,
    ) -> str:
        """Place one article: the id of the story it is now in (which may have merged others).

        Adding an article already placed returns its story again (idempotent). ``profiled``:
        the article's profile when it is already made, with no embedding (by a clusterer with
        no embedder: the forecast's); it is used as it is by a clusterer with no embedder, and
        with ``embedding`` by one with an embedder. ``observed`` is accepted for callers of the
        former clusterer and means nothing now.
        """
        if article.id in self._story:
            return self._story[article.id]
        text = None
        if self.multilingual is not None:
            text = passage_text(article.title, article.text)
        if profiled is not None and profiled.id == article.id:
            if self.embedder is None:
                return self._place(profiled, text)
            if embedding is not None:
                return self._place(replace(profiled, embedding=embedding), text)
        return self._place(self.profile(article, embedding), text)

    def add_many(
        self,
        articles: Iterable[Article],
        *,
        observed: bool = False,
        profiles: Mapping[str, Profile] | None = None,
    ) -> list[str]:
        """:meth:`add` each article (embedding the leads in one batch when there is an
        embedder); the story ids, in order (as each stood when its article was placed).
        ``profiles``: profiles already made, by article id (see :meth:`add`)."""
        articles = [a for a in articles]
        fresh = [a for a in articles if a.id not in self._story]
        vectors = self._embed(fresh) if self.embedder is not None and fresh else []
        embedded = {a.id: v for a, v in zip(fresh, vectors, strict=False)}
        made = profiles or {}
        return [self.add(a, embedded.get(a.id), profiled=made.get(a.id)) for a in articles]

    def _place(self, p: Profile, text: str | None = None, vector: np.ndarray | None = None) -> str:
        """Place a profile (``text``: what the multilingual encoder reads of its article;
        ``vector``: its multilingual vector, when made already)."""
        self._seq += 1
        if p.day is not None and (self._latest_day is None or p.day > self._latest_day):
            self._latest_day = p.day
        window = self.config.window_days
        self._keep_text(p.id, text, vector)
        nearby = [other for other in self._candidates(p) if near(p, other, window)]
        self._embed_for((p, other) for other in nearby)  # one batch for the article's pairs
        partners = {other.id for other in nearby if self._margin(p, other) >= 0}  # kept
        self._profiles[p.id] = p
        self._links[p.id] = partners
        for other in partners:
            self._links[other].add(p.id)
        self._post(p)
        region, big = self._region(p.id)
        if big or len(region) > MAX_SPLIT:
            self._place_locally(p.id, partners)
        else:
            self._settle(region)
        story_id = self._story[p.id]
        if self._seq % 1000 == 0:
            self._close_idle()
        return story_id

    def _place_locally(self, article_id: str, partners: set[str]) -> None:
        """Place an article whose linked group is too big to split whole (every pair would
        be scored): a story of more than ``MAX_SPLIT`` articles takes it when its votes with
        the story's articles it was compared with are for it on average (the best such
        story); else the article and the stories it is linked to are split again
        (:meth:`_settle`) when they are few enough, or it joins the one whose compared
        articles vote best for it, or starts a story. One false link therefore cannot chain
        two big stories into one, and the cost stays that of the article's own neighbours;
        unlike a small group's split, this can depend on the order of arrival."""
        touched = sorted({self._story[other] for other in partners})
        votes = {story_id: self._vote(article_id, story_id) for story_id in touched}

        def joins(stories: list[str]) -> bool:
            """Join the story of ``stories`` whose vote is best, if one is for it."""
            ahead = [s for s in stories if votes[s] > 0]
            if ahead:
                best = max(ahead, key=lambda s: (votes[s], len(self._members[s]), s))
                self._merge([article_id], {best})
            return bool(ahead)

        if joins([s for s in votes if len(self._members[s]) > MAX_SPLIT]):
            return
        small = sorted(s for s in votes if len(self._members[s]) <= MAX_SPLIT)
        local = sorted({article_id, *(i for s in small for i in self._members[s])})
        if len(local) <= MAX_SPLIT:
            self._settle(local)
        elif not joins(small):
            self._settle([article_id])

    def _vote(self, article_id: str, story_id: str) -> float:
        """The mean vote (:meth:`_margin`, as scored when the article was placed) of an
        article with the live articles of a story that blocking let it meet."""
        found = [
            self._pair_margin[(article_id, o) if article_id < o else (o, article_id)]
            for o in self._scored.get(article_id, ())
            if self._story.get(o) == story_id
        ]
        return sum(found) / len(found) if found else -1.0

    def _candidates(self, p: Profile) -> list[Profile]:
        """The live profiles blocking lets ``p`` meet (:func:`~corroborate.compare.same_story.meets`
        on the keys they share), by id."""
        keys, strong = self._keys_of(p)
        shared: dict[str, set[str]] = {}
        for key in keys:
            for other_id in self._postings.get(key, ()):
                shared.setdefault(other_id, set()).add(key)
        found = []
        for other_id, together in shared.items():
            other = self._profiles[other_id]
            both_strong = strong & self._keys[other_id][1] & together
            if meets(together, both_strong, other.language != p.language):
                found.append(other)
        met = {o.id for o in found}
        vector = _searchable(p)
        if vector is not None:  # an English article with an embedding: its close leads too
            for other_id in self._leads.near(vector):
                other = self._profiles[other_id]
                if other_id not in met and leads_meet(p, other):
                    found.append(other)
                    met.add(other_id)
        for other_id in self._meeting(p):  # close in multilingual meaning, neither English
            other, cosine = self._profiles[other_id], self._cosine_of(p.id, other_id)
            if other_id not in met and cosine is not None and embeddings_meet(p, other, cosine):
                found.append(other)
        return sorted(found, key=lambda o: o.id)

    def _keys_of(self, p: Profile) -> tuple[tuple[str, ...], frozenset[str]]:
        """The profile's blocking keys and its strong ones, read once and kept while it is
        live (dropped by :meth:`_drop`)."""
        found = self._keys.get(p.id)
        if found is None:
            found = self._keys[p.id] = (tuple(blocking_keys(p)), frozenset(strong_keys(p)))
        return found

    def _post(self, p: Profile) -> None:
        vector = _searchable(p)
        if vector is not None:
            self._leads.add(p.id, vector)
        if self.multilingual is not None and p.language != "en":
            self._foreign.add(p.id)
            if p.id in self._vectors:
                self._met.add(p.id, self._vectors[p.id])
        cap = self.config.max_postings
        for key in self._keys_of(p)[0]:
            posting = self._postings.setdefault(key, [])
            posting.append(p.id)
            if len(posting) > cap:  # keep the most recent by date, then by id
                posting.sort(key=lambda i: (self._profiles[i].day or 0, i))
                del posting[0]

    def _region(self, start: str) -> tuple[list[str], set[str]]:
        """The articles linked to ``start`` through stories of at most ``MAX_SPLIT`` articles,
        and the bigger stories reached (each a whole linked group already: not walked)."""
        seen, stack, big = {start}, [start], set()
        while stack and len(seen) <= MAX_SPLIT:  # beyond, the group is too big to split whole
            for other in self._links.get(stack.pop(), ()):
                story_id = self._story.get(other)
                if story_id is not None and len(self._members[story_id]) > MAX_SPLIT:
                    big.add(story_id)
                elif other not in seen:
                    seen.add(other)
                    stack.append(other)
        return sorted(seen), big

    def _merge(self, region: list[str], big: set[str]) -> None:
        """A linked group of more than ``MAX_SPLIT`` articles is one story: the biggest story
        in it takes the others' articles (the smaller side is relabelled: near-linear)."""
        if big:
            story_id = min(big, key=lambda s: (-len(self._members[s]), _id_order(s)))
        else:
            story_id = f"s{self._next_id}"
            self._next_id += 1
            self._members[story_id] = []
        members = self._members[story_id]
        moved = [i for s in sorted(big - {story_id}) for i in self._members[s]]
        moved += [i for i in region if self._story.get(i) != story_id]
        left = {old: story_id for old in {self._story.get(i) for i in moved} - {None, story_id}}
        for article_id in moved:
            self._story[article_id] = story_id
        members += moved
        self._tidy(left)  # type: ignore[arg-type]
        days = [d for d in (self._profiles[i].day for i in moved) if d is not None]
        if days:
            self._last_day[story_id] = max(self._last_day.get(story_id, days[0]), *days)
        self._last_seq[story_id] = self._seq

    def _component(self, start: str, within: set[str] | None = None) -> list[str]:
        """The live articles connected to ``start`` by links (through ``within`` only, if
        given)."""
        seen, stack = {start}, [start]
        while stack:
            for other in self._links.get(stack.pop(), ()):
                if other not in seen and (within is None or other in within):
                    seen.add(other)
                    stack.append(other)
        return sorted(seen)

    def _settle(self, component: list[str]) -> None:
        """Make ``component`` stories (:meth:`_split`); each keeps the id of the earlier story
        it shares most articles with (the bigger, then older one), or gets a new id."""
        taken: set[str] = set()
        left: dict[str, str] = {}
        inside = set(component)
        for part in sorted(self._split(component), key=lambda part: (-len(part), part[0])):
            self._name(part, taken, left, inside)
        self._tidy({old: into for old, into in left.items() if old not in taken})

    def _name(
        self, part: list[str], taken: set[str], left: dict[str, str], inside: set[str]
    ) -> None:
        """Give ``part`` a story id (see :meth:`_settle`); the earlier stories its articles
        leave go into ``left`` (story -> the one that took the first of them). A story it
        takes the id of keeps its live articles outside the component settled (``inside``):
        retiring old articles may have cut their links to it."""
        overlap: dict[str, int] = {}
        for i in part:
            old = self._story.get(i)
            if old is not None and old not in taken:
                overlap[old] = overlap.get(old, 0) + 1
        if overlap:
            story_id = min(overlap, key=lambda s: (-overlap[s], _id_order(s)))
        else:
            story_id = f"s{self._next_id}"
            self._next_id += 1
        taken.add(story_id)
        elsewhere = [
            i
            for i in self._members.get(story_id, ())
            if i not in inside and self._story.get(i) == story_id
        ]
        members = sorted([*part, *elsewhere], key=lambda i: (self._profiles[i].day or 0, i))
        self._members[story_id] = members
        for article_id in members:
            old = self._story.get(article_id)
            if old is not None and old != story_id:
                left.setdefault(old, story_id)
            self._story[article_id] = story_id
        days = [d for d in (self._profiles[i].day for i in members) if d is not None]
        if days:
            self._last_day[story_id] = max(days)
        self._last_seq[story_id] = self._seq

    def _tidy(self, left: dict[str, str]) -> None:
        """Stories some of whose articles went to other stories (``left``: story -> the one
        that took them): one with live articles still its own keeps them (retiring old
        articles can cut a story's links in two, so only part of it may have moved); one with
        none left is forgotten, its retired articles going with the rest."""
        for old, into in sorted(left.items()):
            remaining = [i for i in self._members.get(old, ()) if self._story.get(i) == old]
            if remaining:
                self._members[old] = remaining
            else:
                self._forget(old, into=into)

    def _forget(self, story_id: str, into: str | None = None) -> None:
        """Drop a story's live state (its articles have gone to other stories); its retired
        articles go ``into`` the story that took its live ones."""
        self._members.pop(story_id, None)
        if into is not None:
            self._retired.setdefault(into, []).extend(self._retired.pop(story_id, []))
        elif story_id in self._retired:
            return  # retired articles keep the story (and its dates) alive
        self._last_day.pop(story_id, None)
        self._last_seq.pop(story_id, None)

    def _split(self, component: list[str]) -> list[list[str]]:
        """The stories of a connected group of linked articles, by average linkage: two
        groups merge while the mean vote of their pairs near in time (:meth:`_margin`) is
        positive, best pair of groups first. A chain of single links between two
        unrelated stories (two fires, two forecasts) is broken; a long story whose first and
        last articles are weeks apart holds, since only pairs near in time are averaged.
        A function of the group alone, so the same in any order. Groups too big to compare
        every pair stay whole."""
        n = len(component)
        if n <= 2 or n > MAX_SPLIT:
            return [component]
        margin, count = self._margins(component)
        members: list[list[str]] = [[i] for i in component]
        alive = np.ones(n, dtype=bool)
        while True:
            with np.errstate(invalid="ignore", divide="ignore"):
                mean = np.where(count > 0, margin / np.maximum(count, 1), -np.inf)
            mean[~alive, :] = -np.inf
            mean[:, ~alive] = -np.inf
            np.fill_diagonal(mean, -np.inf)
            best = int(np.argmax(mean))
            i, j = divmod(best, n)
            if mean[i, j] < 0:
                break
            margin[i] += margin[j]
            margin[:, i] += margin[:, j]
            count[i] += count[j]
            count[:, i] += count[:, j]
            margin[i, i] = count[i, i] = 0
            alive[j] = False
            members[i] += members[j]
        return sorted((sorted(members[k]) for k in np.flatnonzero(alive)), key=lambda m: m[0])

    def _margins(self, component: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The vote (:meth:`_margin`) of every pair of ``component`` near in time (0
        elsewhere), and 1 where a pair is near (0 elsewhere)."""
        profiles = [self._profiles[i] for i in component]
        days = np.array([np.nan if p.day is None else p.day for p in profiles])
        gap = np.abs(days[:, None] - days[None, :])
        count = np.where(np.isnan(gap) | (gap <= self.config.window_days), 1.0, 0.0)
        count = np.triu(count, k=1)
        margin = np.zeros_like(count)
        scored = list(zip(*np.nonzero(count), strict=True))
        self._embed_for((profiles[i], profiles[j]) for i, j in scored)
        for i, j in scored:
            margin[i, j] = self._margin(profiles[i], profiles[j])
        return margin + margin.T, count + count.T

    def _margin(self, a: Profile, b: Profile) -> float:
        """The pair's vote for one story: P(same story) minus the link threshold, scaled by
        ``VOTE_SPAN`` and clipped to -1..1, so that a few confident links cannot outvote many
        pairs that are clearly apart. Cached while both articles are live."""
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        found = self._pair_margin.get(key)
        if found is None:
            cosine = self._cosine(a, b)
            found = self.model.vote(a, b, VOTE_SPAN, self.config.threshold, cosine)
            self._pair_margin[key] = found
            self._scored.setdefault(a.id, set()).add(b.id)
            self._scored.setdefault(b.id, set()).add(a.id)
        return found

    def _drop(self, article_id: str) -> None:
        """Forget a live article's profile, links, postings and scored pairs."""
        for other in self._links.pop(article_id, set()):
            self._links.get(other, set()).discard(article_id)
        for other in self._scored.pop(article_id, set()):
            self._scored.get(other, set()).discard(article_id)
            pair = (article_id, other) if article_id < other else (other, article_id)
            self._pair_margin.pop(pair, None)
        self._profiles.pop(article_id)
        self._passages.pop(article_id, None)
        self._vectors.pop(article_id, None)
        self._leads.remove(article_id)
        self._foreign.discard(article_id)
        self._met.remove(article_id)
        for key in self._keys.pop(article_id)[0]:
            posting = self._postings.get(key)
            if posting and article_id in posting:
                posting.remove(article_id)
                if not posting:
                    del self._postings[key]

    # ----------------------------------------------------------------- changing, closing

    def replace(self, article: Article) -> str:
        """Place again an article whose content changed: it leaves its story (which may fall
        apart into several without it) and is placed as a new article would be. The id of the
        story it is now in."""
        self._remove(article.id)
        return self.add(article)

    def _remove(self, article_id: str) -> None:
        story_id = self._story.pop(article_id, None)
        if story_id is None:
            return
        if story_id in self._closed:
            self._closed[story_id].remove(article_id)
            if not self._closed[story_id]:
                del self._closed[story_id]
            return
        self._drop(article_id)
        rest = [i for i in self._members[story_id] if i != article_id]
        self._forget(story_id)
        done: set[str] = set()
        for other in rest:  # what is left may fall apart: the biggest part keeps the id
            if other not in done:
                part = self._component(other)
                if len(part) > MAX_SPLIT:  # too big to split whole: the story's own part
                    part = self._component(other, within=set(rest))
                done.update(part)
                if len(part) > MAX_SPLIT:
                    self._merge(part, set())
                else:
                    self._settle(part)

    def _close_idle(self) -> None:
        """Close the stories idle beyond ``close_after_days`` (or ``close_after_articles``)."""
        cfg = self.config
        self._retire_old()
        idle = []
        for story_id in {*self._members, *self._retired}:
            last = self._last_day.get(story_id)
            if last is not None and self._latest_day is not None:
                days_idle = self._latest_day - last
                if cfg.close_after_days is not None and days_idle > cfg.close_after_days:
                    idle.append(story_id)
            elif cfg.close_after_articles is not None:
                adds_idle = self._seq - self._last_seq.get(story_id, 0)
                if adds_idle > cfg.close_after_articles:
                    idle.append(story_id)
        for story_id in sorted(idle, key=_id_order):
            self.close(story_id)

    def _retire_old(self) -> None:
        """In a stream, retire the articles too old to be linked to any later one (more than
        twice ``window_days`` before the latest): their profiles, links and postings are
        dropped, they stay in their story. Memory then holds the recent articles only, even
        for a story that never goes idle."""
        if self.config.close_after_days is None or self._latest_day is None:
            return
        cutoff = self._latest_day - 2 * self.config.window_days
        old = [i for i, p in self._profiles.items() if p.day is not None and p.day < cutoff]
        for article_id in sorted(old, key=lambda i: (self._profiles[i].day or 0, i)):
            story_id = self._story[article_id]
            self._drop(article_id)
            self._members[story_id].remove(article_id)
            if not self._members[story_id]:
                del self._members[story_id]
            self._retired.setdefault(story_id, []).append(article_id)

    def close(self, story_id: str) -> None:
        """Close a story: no article will join it any more; only its article ids are kept."""
        live = self._members.pop(story_id, [])
        members = self._retired.pop(story_id, []) + sorted(
            live, key=lambda i: (self._profiles[i].day or 0, i)
        )
        self._last_day.pop(story_id, None)
        self._last_seq.pop(story_id, None)
        for article_id in live:
            self._drop(article_id)
        self._closed[story_id] = members

    def drain_closed(self) -> dict[str, list[str]]:
        """Hand over and forget the closed stories (for streams: persist them, free memory).

        Their article ids are forgotten too, so a drained article added again opens a story.
        """
        closed, self._closed = self._closed, {}
        for members in closed.values():
            for article_id in members:
                self._story.pop(article_id, None)
        return closed

    # ----------------------------------------------------------------- results

    def stories(self) -> dict[str, list[str]]:
        """Story id -> article ids (by date, then id), largest story first."""
        everything = {k: list(v) for k, v in self._retired.items()}
        for k, v in self._members.items():
            live = sorted(v, key=lambda i: (self._profiles[i].day or 0, i))
            everything[k] = everything.get(k, []) + live
        everything.update({k: list(v) for k, v in self._closed.items()})
        ordered = sorted(everything.items(), key=lambda kv: (-len(kv[1]), _id_order(kv[0])))
        return dict(ordered)

    def story_of(self, article_id: str) -> str | None:
        """The story an article is in, if it was placed (and not drained)."""
        return self._story.get(article_id)

    def assignments(self) -> dict[str, str]:
        """Article id -> story id, for every placed (and not drained) article."""
        return dict(self._story)

    @property
    def open_stories(self) -> int:
        return len({*self._members, *self._retired})

    @property
    def live_articles(self) -> int:
        return len(self._profiles)

    @property
    def postings(self) -> int:
        return len(self._postings)

    # ----------------------------------------------------------------- state

    def to_state(self) -> dict[str, Any]:
        """Everything needed to go on adding articles later, as plain JSON types (the live
        articles' profiles are compressed)."""
        profiles = [
            [*_profile_state(p), self._multilingual_state(p.id)] for p in self._profiles.values()
        ]
        packed = zlib.compress(json.dumps(profiles, separators=(",", ":")).encode(), 6)
        return {
            "schema": STATE_SCHEMA,
            "embedded": self.embedder is not None,  # whether the profiles hold lead embeddings
            "multilingual": self.multilingual is not None,  # ... texts or multilingual vectors
            "config": self.config.__dict__.copy(),
            "seq": self._seq,
            "next_id": self._next_id,
            "latest_day": self._latest_day,
            "profiles": base64.b64encode(packed).decode("ascii"),
            "links": {k: sorted(v) for k, v in self._links.items() if v},
            "stories": self._members,
            "retired": self._retired,
            "closed": self._closed,
            "last_seq": self._last_seq,
            "last_day": self._last_day,
        }

    def _multilingual_state(self, article_id: str) -> str | dict[str, str] | None:
        """What a stored state keeps for the multilingual encoder of a live article: its
        vector (float32, base64: exactly as made), else its text, else nothing."""
        vector = self._vectors.get(article_id)
        if vector is not None:
            return {"f32": base64.b64encode(vector.astype("<f4").tobytes()).decode("ascii")}
        return self._passages.get(article_id)

    @classmethod
    def from_state(
        cls,
        state: dict[str, Any],
        embedder: Embedder | None = None,
        multilingual: MultilingualEncoder | bool = True,
    ) -> StoryClusterer:
        """A clusterer restored from :meth:`to_state` (give the same embedder, if any)."""
        if state.get("schema") != STATE_SCHEMA:
            raise ValueError(
                f"Not a {STATE_SCHEMA} state (got schema={state.get('schema')!r}); "
                "rebuild it by clustering the articles again."
            )
        self = cls(embedder, ClusterConfig(**state["config"]), multilingual=multilingual)
        self._seq, self._next_id = state["seq"], state["next_id"]
        self._latest_day = state["latest_day"]
        packed = zlib.decompress(base64.b64decode(state["profiles"]))
        for item in json.loads(packed):
            p = _profile_from_state(item[:8])
            kept = item[8] if len(item) > 8 else None
            if isinstance(kept, dict):
                vector = np.frombuffer(base64.b64decode(kept["f32"]), dtype="<f4")
                self._keep_text(p.id, None, vector.astype(np.float32))
            else:
                self._keep_text(p.id, kept, None)
            self._profiles[p.id] = p
            self._links[p.id] = set(state["links"].get(p.id, ()))
            self._post(p)
        self._closed = {k: list(v) for k, v in state["closed"].items()}
        self._retired = {k: list(v) for k, v in state.get("retired", {}).items()}
        self._members = {k: list(v) for k, v in state["stories"].items()}
        self._last_day = {k: int(v) for k, v in state["last_day"].items()}
        self._last_seq = {k: int(v) for k, v in state["last_seq"].items()}
        stored = [*self._closed.items(), *self._retired.items(), *self._members.items()]
        for story_id, members in stored:
            for article_id in members:
                self._story[article_id] = story_id
        return self


class _VectorIndex:
    """Live articles' vectors in one matrix searched whole: the lead embeddings of the live
    English articles, searched at cosine ``LEADS_MEET`` or more
    (:func:`~corroborate.compare.same_story.leads_meet`), and, in a second index, the
    multilingual vectors of the live articles not in English, searched at ``MULTILINGUAL_MEET``
    (:func:`~corroborate.compare.same_story.embeddings_meet`).

    A search is one matrix-vector product over the live articles: in a stream their number is
    bounded by retiring and closing, so the cost per article stays bounded. The threshold is a
    fixed cosine, not the k nearest, so whether two articles meet depends on them alone (not on
    the order of arrival or on the other articles)."""

    def __init__(self) -> None:
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._ids: list[str | None] = []  # row -> article id (None: a free row)
        self._row: dict[str, int] = {}
        self._free: list[int] = []

    def add(self, article_id: str, vector: np.ndarray) -> None:
        if article_id in self._row:
            return
        if not self._free:
            used = len(self._ids)
            grown = np.zeros((max(64, 2 * used), len(vector)), dtype=np.float32)
            if used:
                grown[:used] = self._matrix
            self._matrix = grown
            self._ids += [None] * (len(grown) - used)
            self._free = list(range(len(grown) - 1, used - 1, -1))
        row = self._free.pop()
        self._matrix[row] = vector
        self._ids[row] = article_id
        self._row[article_id] = row

    def remove(self, article_id: str) -> None:
        row = self._row.pop(article_id, None)
        if row is not None:
            self._matrix[row] = 0.0  # cosine 0 with everything: never found
            self._ids[row] = None
            self._free.append(row)

    def near(self, vector: np.ndarray, cut: float | None = None) -> list[str]:
        """The ids of the live vectors at cosine about ``cut`` (by default ``LEADS_MEET``) or
        more from ``vector`` (a hair below: the caller decides exactly and symmetrically, with
        :func:`leads_meet` or :func:`embeddings_meet`)."""
        if not self._row:
            return []
        cosines = self._matrix @ np.asarray(vector, np.float32)
        rows = np.flatnonzero(cosines >= (LEADS_MEET if cut is None else cut) - 1e-4)
        return [i for i in (self._ids[r] for r in rows) if i is not None]


def _searchable(p: Profile) -> np.ndarray | None:
    """The lead embedding by which an article can meet others by meaning
    (:class:`_VectorIndex`): English articles' only."""
    return p.embedding if p.language == "en" else None


def _id_order(story_id: str) -> tuple[int, str]:
    digits = story_id.lstrip("s")
    return (int(digits), story_id) if digits.isdigit() else (1 << 62, story_id)


def _profile_state(p: Profile) -> list[Any]:
    """A profile as plain JSON: its clauses, names, numbers and embedding (its word vectors
    are read again from its clauses on restore)."""

    def rounded(d: dict[Any, float]) -> list[Any]:
        return [x for k, w in d.items() for x in (k, round(w, 5))]

    embedding = None if p.embedding is None else [round(float(x), 5) for x in p.embedding]
    clauses = [[list(c.words), sorted(c.frame), sorted(c.specifics)] for c in p.clauses]
    return [
        p.id,
        p.language,
        p.day,
        clauses,
        p.titled,
        rounded(p.names),
        sorted(p.numbers),
        embedding,
    ]


def _profile_from_state(item: list[Any]) -> Profile:
    id_, language, day, clauses, titled, names, numbers, embedding = item
    read = [Clause(tuple(w), frozenset(f), frozenset(s)) for w, f, s in clauses]
    return restored_profile(
        id_,
        language,
        day,
        read,
        titled,
        {names[i]: float(names[i + 1]) for i in range(0, len(names), 2)},
        frozenset(numbers),
        None if embedding is None else np.asarray(embedding, dtype=np.float32),
    )


# --------------------------------------------------------------------------- batch helpers


def cluster_stories(
    articles: Sequence[Article],
    *,
    embedder: Embedder | None = None,
    config: ClusterConfig | None = None,
    profiles: Mapping[str, Profile] | None = None,
    multilingual: MultilingualEncoder | bool = True,
) -> list[list[str]]:
    """Group articles into stories: lists of article ids (by date, then id), largest first,
    then by their first article. The same whatever the order of ``articles``.

    ``profiles``: the articles' profiles when they were already made (by a clusterer with no
    embedder: the forecast's of :mod:`corroborate.compare.facts`), so as not to read every
    article twice; with an ``embedder``, the leads' embeddings are added to them.
    ``multilingual``: as :class:`StoryClusterer` takes it (by default the process's encoder).

    >>> cluster_stories([])
    []
    """
    clusterer = StoryClusterer(embedder, config, multilingual=multilingual)
    clusterer.add_many(sorted(articles, key=lambda a: a.id), profiles=profiles)
    return sorted(clusterer.stories().values(), key=lambda ids: (-len(ids), ids[0]))


def story_similarity(a: Article, b: Article, *, clusterer: StoryClusterer | None = None) -> float:
    """P(same story) of two articles by the shipped pair model (through ``clusterer``'s
    embedder, if it has one)."""
    return (clusterer or StoryClusterer()).similarity(a, b)


__all__ = [
    "JOIN_THRESHOLD",
    "STREAM",
    "ClusterConfig",
    "StoryClusterer",
    "cluster_stories",
    "day_number",
    "lead_embeddings",
    "lead_texts",
    "story_similarity",
]
