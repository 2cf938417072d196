"""Quotes lined up across outlets: one quote, its versions, its speaker, and the disagreements.

Across the story (:func:`align_quotes`): versions of one quote from several outlets (the same
words, a trimmed version, a re-translation) are joined by fuzzy string ratios and embedding
cosine, the speaker is resolved to an entity, and outlets that give the same words to different
people become ``attribution`` conflicts. :func:`word_diff` shows how two versions differ.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from corroborate.annotate.people import name_tokens
from corroborate.annotate.quotes import QuoteMention
from corroborate.compare.close_pairs import close_pairs_kept
from corroborate.compare.entities import EntityIndex
from corroborate.compare.stage_cache import StageCache
from corroborate.embed.base import Embedder
from corroborate.lang import en
from corroborate.model import Article, Conflict, ConflictClaim, Entity, Quote, QuoteVersion, Span
from corroborate.text import content_words, fold, shared_members


def quote_texts(quote_mentions: Sequence[QuoteMention]) -> list[str]:
    """The texts :func:`align_quotes` embeds for these quotes (so they can be embedded early)."""
    comparable = _comparable(quote_mentions)
    return [
        c
        for q, keep in zip(quote_mentions, comparable, strict=True)
        if keep
        for c in _chunks(q.text)
    ]


def _comparable(quote_mentions: Sequence[QuoteMention]) -> list[bool]:
    """Per quote, whether :func:`_similar` could find it a version in another article: it is
    long enough, and shares content words (their first five letters: "rebuild"/"rebuilt") with a
    long enough quote of another article -- two, or all of the shorter one's if it has fewer:
    two versions of one quote, even translated twice, share names, figures, key words. The
    others need no embedding."""
    stems = [
        _stems_of(q.text) if _long_enough(_Shape.of(q)) else frozenset() for q in quote_mentions
    ]
    n = len(quote_mentions)
    shared = shared_members(stems).tocoo()
    sizes = np.array([len(words) for words in stems])
    _, article = np.unique([q.article_id for q in quote_mentions], return_inverse=True)
    i, j = shared.row, shared.col
    enough = shared.data >= np.minimum(2, np.minimum(sizes[i], sizes[j]))
    keep = np.zeros(n, dtype=bool)
    keep[i[enough & (article[i] != article[j])]] = True
    return keep.tolist()


@lru_cache(maxsize=1 << 14)
def _stems_of(text: str) -> frozenset[str]:
    """A quote's content words, cut to their first five letters ("rebuilt" and "rebuilding"
    are "rebui"): what two versions of one quote share."""
    return frozenset(w[:5] for w in content_words(text))


def _chunks(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"(?<=[.!?;])\s+|\s+[—–]\s+", text) if p.strip()]
    return [p for p in parts if len(content_words(p)) >= 3] or [text]


@dataclass(frozen=True)
class _Shape:
    """What :func:`_similar` reads of a quote, worked out once per quote."""

    folded: str
    content: int  # content words
    words: int  # white-space words

    @classmethod
    def of(cls, q: QuoteMention) -> _Shape:
        return cls(fold(q.text), len(content_words(q.text)), len(q.text.split()))


# The cosine from which two quotes sharing much of their wording are one quote (see _similar).
CLOSE_MEANING = 0.7


def _long_enough(shape: _Shape) -> bool:
    """Long enough to be compared at all (see :func:`_similar`)."""
    return shape.content >= 2 and shape.words >= 3


def _similar(a: _Shape, b: _Shape, cos: float) -> bool:
    """Two versions of one quote: the same words (maybe trimmed), or a re-translation."""
    short = min(a.content, b.content)
    if not (_long_enough(a) and _long_enough(b)):
        return False
    # a re-translation: close in meaning...
    if cos >= 0.85 and short >= 3:
        return True
    # ... or close in meaning and still sharing much of its wording
    needs_lexical = cos >= CLOSE_MEANING and short >= 3
    fa, fb = a.folded, b.folded
    same_words = 90 if short < 5 else 85
    # a score under ``score_cutoff`` comes back as 0: a cutoff no test below needs lower is
    # set, and rapidfuzz gives up early on pairs that cannot reach it
    partial = 0.0
    if min(len(fa), len(fb)) >= 12 or needs_lexical:
        partial = fuzz.partial_ratio(fa, fb, score_cutoff=70 if needs_lexical else same_words)
        if partial >= same_words and min(len(fa), len(fb)) >= 12:
            return True
    if short < 4 and not needs_lexical:
        return False
    token_set = fuzz.token_set_ratio(fa, fb)
    if short >= 4 and token_set >= 80:
        return True
    return needs_lexical and max(partial, token_set) >= 70


def align_quotes(
    articles: Sequence[Article],
    quote_mentions: Mapping[str, Sequence[QuoteMention]] | Sequence[QuoteMention],
    entities: Sequence[Entity],
    embedder: Embedder,
    cache: StageCache | None = None,
    story: str = "",
) -> tuple[list[Quote], list[Conflict]]:
    """One quote per thing said, with a version from every outlet that reports it.

    Args:
        articles: the story's articles (for their order).
        quote_mentions: :func:`extract_quotes` results, per article id or flat.
        entities: :func:`corroborate.compare.entities` of the same articles.
        embedder: sentence embedder (cosine between sentence-sized chunks of the quotes).
        cache: the work of ``story``'s last brief (:mod:`corroborate.compare.stage_cache`):
            its quotes' close chunk pairs and what was judged of each pair of quotes are
            reused (each a value of its inputs alone); the result is the same without it.
        story: the story's id (whose last brief ``cache`` keeps).

    Returns:
        ``(quotes, conflicts)``: the quotes (``q1``, ``q2``...) in order of first appearance,
        each with its versions (their spans, parts and speakers as each article gives them),
        and ``attribution`` conflicts.
    """
    order = {a.id: i for i, a in enumerate(articles)}
    flat = _in_story_order(quote_mentions, order)
    if not flat:
        return [], []
    index = EntityIndex(entities)
    by_id = {a.id: a for a in articles}
    quotes: list[Quote] = []
    conflicts: list[Conflict] = []
    close = _close_cosines(flat, embedder, cache, story)
    for members in _versions_of_one_quote(flat, close, cache, story):
        quote, claims, said_by = _quote(f"q{len(quotes) + 1}", members, flat, index, order)
        quotes.append(quote)
        claims = _claims_in_view(claims, members, flat, index, by_id)
        if (
            len(claims) > 1
            and _surely_different(claims, index)
            and _same_words_given(claims, members, flat, index, by_id)
            and not _relayed(claims, members, flat, index, by_id)
        ):
            conflicts.append(_attribution_conflict(quote, claims, said_by, index))
    return quotes, conflicts


def _in_story_order(
    quote_mentions: Mapping[str, Sequence[QuoteMention]] | Sequence[QuoteMention],
    order: Mapping[str, int],
) -> list[QuoteMention]:
    """Every quote mention, by its article's place in the story, then its place in it."""
    flat: list[QuoteMention] = (
        [q for qs in quote_mentions.values() for q in qs]
        if isinstance(quote_mentions, Mapping)
        else list(quote_mentions)
    )
    return sorted(flat, key=lambda q: (order.get(q.article_id, len(order)), q.start))


def _close_cosines(
    flat: Sequence[QuoteMention],
    embedder: Embedder,
    cache: StageCache | None = None,
    story: str = "",
) -> dict[tuple[int, int], float]:
    """Per pair ``i < j`` of quotes, the best cosine between their sentence-sized chunks
    (:func:`quote_texts`), where it reaches :data:`CLOSE_MEANING`: below it a pair is judged
    by its words alone (:func:`_similar` and :func:`_candidates` tell no lower cosine from
    none). A quote no other article's could match is not embedded, and a quote is not
    compared to itself.

    Each chunk pair's cosine is computed alone, the same way in any brief
    (:func:`corroborate.compare.close_pairs.close_pairs_kept`), so with a ``cache`` the pairs of
    ``story``'s last brief are kept and only a new quote's chunks are compared again."""
    chunks = [_chunks(q.text) for q in flat]
    comparable = _comparable(flat)
    owner = np.array(
        [
            k
            for k, (cs, keep) in enumerate(zip(chunks, comparable, strict=True))
            if keep
            for _ in cs
        ],
        dtype=np.int64,
    )
    texts = [c for cs, keep in zip(chunks, comparable, strict=True) if keep for c in cs]
    if not texts:
        return {}
    vectors = np.asarray(embedder.encode(texts), dtype=np.float32)
    pairs = close_pairs_kept(vectors, CLOSE_MEANING, cache, story, stage="quotes.close")
    a, b = owner[pairs[:, 0].astype(np.int64)], owner[pairs[:, 1].astype(np.int64)]
    best: dict[tuple[int, int], float] = {}
    for i, j, cos in zip(
        np.minimum(a, b).tolist(), np.maximum(a, b).tolist(), pairs[:, 2].tolist(), strict=True
    ):
        if i != j and cos > best.get((i, j), -1.0):
            best[(i, j)] = cos
    return best


def _versions_of_one_quote(
    flat: Sequence[QuoteMention],
    close: Mapping[tuple[int, int], float],
    cache: StageCache | None = None,
    story: str = "",
) -> list[list[int]]:
    """The quotes grouped into one per thing said (:func:`_similar` across articles, joined
    transitively), each group in story order, the groups by their first quote. ``close``:
    :func:`_close_cosines`; ``cache``: what was judged of each pair in ``story``'s last brief
    (:func:`_judged`)."""
    parent = list(range(len(flat)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = _candidates(flat, close)
    for (i, j), same in zip(pairs, _judged(flat, pairs, close, cache, story), strict=True):
        if same:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(flat)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=min)


def _judged(
    flat: Sequence[QuoteMention],
    pairs: Sequence[tuple[int, int]],
    close: Mapping[tuple[int, int], float],
    cache: StageCache | None,
    story: str,
) -> list[bool]:
    """:func:`_similar` of each pair of quotes, with their best cosine (``close``, else -1).
    A judgment reads the two texts and the cosine alone, so with a ``cache`` the judgments of
    ``story``'s last brief are kept under them, and only pairs not judged then are judged
    (a 300-article story: some 40,000 fuzzy comparisons a brief)."""
    kept: dict[tuple[bytes, bytes, float], bool] = {}
    key = None if cache is None else cache.key("quotes.similar", (story,))
    if cache is not None and key is not None:
        found = cache.get(key)
        if isinstance(found, dict):
            kept = found
    names = [hashlib.blake2b(q.text.encode("utf-8"), digest_size=16).digest() for q in flat]
    shapes: dict[int, _Shape] = {}
    judged: dict[tuple[bytes, bytes, float], bool] = {}
    out = []
    for i, j in pairs:
        cos = close.get((i, j), -1.0)
        name = (names[i], names[j], cos)
        same = kept.get(name)
        if same is None:
            a = shapes.get(i) or shapes.setdefault(i, _Shape.of(flat[i]))
            b = shapes.get(j) or shapes.setdefault(j, _Shape.of(flat[j]))
            same = _similar(a, b, cos)
        judged[name] = same
        out.append(same)
    if cache is not None and key is not None:
        cache.put(key, judged)
    return out


# A pair of quotes not close in meaning is compared only when they share at least this share of
# the shorter one's content-word stems: two versions of one quote in the same words share most
# of them (on 300 real PolNeAR articles, every such pair :func:`_similar` joins shares half or
# more; comparing those sharing a third leaves a margin and skips nine in ten comparisons).
SHARED_STEMS = 1 / 3


def _candidates(
    flat: Sequence[QuoteMention], close: Mapping[tuple[int, int], float]
) -> list[tuple[int, int]]:
    """The pairs ``i < j`` of quotes of different articles that :func:`_similar` may join: close
    in meaning (``close``: :func:`_close_cosines`), or sharing enough of their stems; found
    with sparse products, not pair by pair."""
    n = len(flat)
    if n < 2:
        return []
    stems = [_stems_of(q.text) for q in flat]
    shared = shared_members([sorted(s) for s in stems]).tocoo()
    sizes = np.asarray([len(s) for s in stems])
    i, j, count = shared.row, shared.col, shared.data
    lexical = (i < j) & (count >= SHARED_STEMS * np.minimum(sizes[i], sizes[j]))
    near = np.array([a * n + b for a, b in close], dtype=np.int64)  # each i < j
    keys = np.unique(np.concatenate([i[lexical].astype(np.int64) * n + j[lexical], near]))
    first, second = keys // n, keys % n  # in order
    _, article = np.unique([q.article_id for q in flat], return_inverse=True)
    apart = article[first] != article[second]
    return list(zip(first[apart].tolist(), second[apart].tolist(), strict=True))


def _quote(
    qid: str,
    members: Sequence[int],
    flat: Sequence[QuoteMention],
    index: EntityIndex,
    order: Mapping[str, int],
) -> tuple[Quote, dict[str, list[str]], dict[str, list[Span]]]:
    """One quote of its versions, and what the versions say of its speaker: the articles that
    give it to each speaker entity, and where each names that speaker."""
    versions = []
    speakers: Counter[str] = Counter()
    names: Counter[str] = Counter()
    claims: dict[str, list[str]] = {}
    said_by: dict[str, list[Span]] = {}
    for i in members:
        q = flat[i]
        eid = _speaker_entity(index, q)
        if eid:
            speakers[eid] += 1
            if q.article_id not in claims.setdefault(eid, []):
                claims[eid].append(q.article_id)
            if q.speaker_span:
                said_by.setdefault(eid, []).append(Span(q.article_id, *q.speaker_span))
        if q.speaker_name:
            names[q.speaker_name] += 1
        versions.append(_version(q, eid))
    speaker = speakers.most_common(1)[0][0] if speakers else None
    if speaker:
        speaker_name: str | None = index.entities[speaker].name
    else:
        speaker_name = names.most_common(1)[0][0] if names else None
    sources = tuple(sorted({v.article_id for v in versions}, key=lambda a: order.get(a, 0)))
    return Quote(qid, speaker, speaker_name, tuple(versions), sources), claims, said_by


def _version(q: QuoteMention, speaker: str | None) -> QuoteVersion:
    return QuoteVersion(
        text=q.text,
        span=Span(q.article_id, q.start, q.end),
        parts=tuple(Span(q.article_id, s, e) for s, e in q.parts),
        indirect=q.indirect,
        speaker_name=q.speaker_name,
        speaker=speaker,
        speaker_span=Span(q.article_id, *q.speaker_span) if q.speaker_span else None,
    )


def _attribution_conflict(
    quote: Quote,
    claims: dict[str, list[str]],
    said_by: dict[str, list[Span]],
    index: EntityIndex,
) -> Conflict:
    """Outlets that give one quote's words to different speakers."""
    return Conflict(
        kind="attribution",
        subject=_short(quote.versions[0].text),
        quote=quote.id,
        claims=tuple(
            ConflictClaim(index.entities[e].name, tuple(ids), tuple(said_by.get(e, ())))
            for e, ids in claims.items()
        ),
        note="Outlets give these words to different speakers.",
    )


# An outlet crediting words to whoever passed them on: a spokesperson, a statement, a readout.
_RELAY = re.compile(rf"\b(?:{'|'.join(en.RELAY_WORDS)})\b", re.IGNORECASE)


def _relayed(
    claims: dict[str, list[str]],
    members: Sequence[int],
    flat: Sequence[QuoteMention],
    index: EntityIndex,
    by_id: dict[str, Article],
) -> bool:
    """Whether outlets that give one quote to different people may not disagree at all: every
    pair of claimed speakers has a version that names the other speaker beside the quote,
    either with a relay word (its sentence and the one before: "according to Miller's
    statement, Blinken...", "the spokesman said"): the one who said it or the one who relayed
    it is credited; or in the quote's own sentence, where both people stand beside the words
    and which one said them is the reading's guess, not the outlet's ("Trump said he believes
    Kim will keep his word after the North Korean leader threatened a “new weapon”")."""
    speakers = list(claims)
    explained: set[frozenset[str]] = set()
    for q, own, article in _attributed(members, flat, index, by_id):
        start, end = _context(article, q.start, q.end)
        relay = _RELAY.search(article.text, start, end) is not None
        if not relay:  # without a relay word, only a name in the quote's own sentences
            start, end = _sentences_of(article, q.start, q.end)
        for other in speakers:
            spans = index.entities[other].spans
            if other != own and any(
                s.article_id == q.article_id and start <= s.start and s.end <= end for s in spans
            ):
                explained.add(frozenset((own, other)))
    pairs = {frozenset((a, b)) for a in speakers for b in speakers if a != b}
    return pairs <= explained


def _claims_in_view(
    claims: dict[str, list[str]],
    members: Sequence[int],
    flat: Sequence[QuoteMention],
    index: EntityIndex,
    by_id: dict[str, Article],
) -> dict[str, list[str]]:
    """The claims an attribution conflict may rest on: an article gives the words to a
    speaker it names beside them (the quote's sentences and the one before). A speaker read
    back from further away ("the president said", "he said" after other paragraphs) is the
    reading's inference, not what the outlet wrote beside the words: it is shown, but no
    disagreement is claimed on it."""
    kept: dict[str, list[str]] = {}
    for q, eid, article in _attributed(members, flat, index, by_id):
        if eid not in claims or q.speaker_span is None:
            continue
        start, end = _context(article, q.start, q.end)
        beside = start <= q.speaker_span[0] and q.speaker_span[1] <= end
        if beside and q.article_id not in kept.setdefault(eid, []):
            kept[eid].append(q.article_id)
    return kept


def _attributed(
    members: Sequence[int],
    flat: Sequence[QuoteMention],
    index: EntityIndex,
    by_id: dict[str, Article],
) -> Iterator[tuple[QuoteMention, str, Article]]:
    """The versions of a quote given to a speaker entity, with that entity and the article."""
    for i in members:
        q = flat[i]
        eid = _speaker_entity(index, q)
        article = by_id.get(q.article_id)
        if eid is not None and article is not None:
            yield q, eid, article


# How much of the shorter of two versions must stand word for word in the longer (rapidfuzz's
# partial ratio of their folded texts) for two outlets to give the same words to two people.
SAME_WORDS_GIVEN = 90
# ... and how many words the shorter must have: fewer are a title, a slogan or a catchword
# that many people say or that stands in quote marks beside whoever is near ("Fox & Friends",
# "rigged system"), no evidence that outlets disagree on who said them.
SAME_WORDS_GIVEN_MIN_WORDS = 6


def _same_words_given(
    claims: dict[str, list[str]],
    members: Sequence[int],
    flat: Sequence[QuoteMention],
    index: EntityIndex,
    by_id: dict[str, Article],
) -> bool:
    """Whether two claimed speakers are given the same words, not only words alike: a version
    credited to one and a version credited to the other read the same, the shorter standing
    in the longer word for word. A quote's versions are joined by meaning too (a
    re-translation, or a chain of versions each close to the next), and two people saying
    close things ("I strongly support Paul Ryan" and "I support and endorse our speaker of
    the House, Paul Ryan") are no outlets disagreeing on who said one thing; nor are a few
    words in quote marks (:data:`SAME_WORDS_GIVEN_MIN_WORDS`)."""
    texts: dict[str, list[str]] = {}
    for q, eid, _ in _attributed(members, flat, index, by_id):
        if eid in claims:
            texts.setdefault(eid, []).append(fold(q.text))
    speakers = list(texts)
    return any(
        min(len(a.split()), len(b.split())) >= SAME_WORDS_GIVEN_MIN_WORDS
        and fuzz.partial_ratio(a, b, score_cutoff=SAME_WORDS_GIVEN) >= SAME_WORDS_GIVEN
        for n, first in enumerate(speakers)
        for second in speakers[n + 1 :]
        for a in texts[first]
        for b in texts[second]
    )


def _surely_different(claims: dict[str, list[str]], index: EntityIndex) -> bool:
    """Whether the claimed speakers are at least two people for sure: speakers whose names
    may be one person's ("Sanders" and "Bernie Sanders", kept apart when the story has
    another Sanders) count as one, so that no conflict is claimed between them."""
    names = {e: frozenset(name_tokens(index.entities[e].name)) for e in claims}
    people: list[list[str]] = []
    for e in claims:
        same = [p for p in people if any(_may_be_one(names[e], names[o]) for o in p)]
        merged = [e] + [o for p in same for o in p]
        people = [p for p in people if p not in same] + [merged]
    return len(people) > 1


def _may_be_one(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names may name one person: the words of one are all in the other."""
    return bool(a and b) and (a <= b or b <= a)


def _context(article: Article, start: int, end: int) -> tuple[int, int]:
    """The span of the sentences holding ``start``..``end`` and the sentence before them."""
    sentences = article.sentences
    first = next((k for k, s in enumerate(sentences) if s.end > start), None)
    if first is None:
        return start, end
    last = next((k for k in range(first, len(sentences)) if sentences[k].end >= end), first)
    return sentences[max(0, first - 1)].start, max(end, sentences[last].end)


def _sentences_of(article: Article, start: int, end: int) -> tuple[int, int]:
    """The span of the sentences holding ``start``..``end``."""
    sentences = article.sentences
    first = next((s for s in sentences if s.end > start), None)
    if first is None:
        return start, end
    last = next((s for s in sentences if s.start < end and s.end >= end), first)
    return first.start, max(end, last.end)


def _speaker_entity(index: EntityIndex, q: QuoteMention) -> str | None:
    if not q.named or not q.speaker_name:
        return None
    if q.speaker_span:
        eid = index.at(q.article_id, *q.speaker_span)
        if eid:
            return eid
    return index.resolve(q.speaker_name, q.article_id)


def _short(text: str, words: int = 12) -> str:
    w = text.split()
    return " ".join(w[:words]) + ("…" if len(w) > words else "")


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level differences from ``a`` to ``b``: ``("equal"|"delete"|"insert", text)``.

    Words are compared without case, accents or surrounding punctuation; the text returned
    is as written (``a``'s words for equal and delete, ``b``'s for insert).

    >>> word_diff("we will go now", "we shall go now")
    [('equal', 'we'), ('delete', 'will'), ('insert', 'shall'), ('equal', 'go now')]
    """
    wa, wb = a.split(), b.split()

    def key(w: str) -> str:
        return re.sub(r"^\W+|\W+$", "", fold(w))

    matcher = difflib.SequenceMatcher(
        a=[key(w) for w in wa], b=[key(w) for w in wb], autojunk=False
    )
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(wa[i1:i2])))
        else:
            if i2 > i1:
                out.append(("delete", " ".join(wa[i1:i2])))
            if j2 > j1:
                out.append(("insert", " ".join(wb[j1:j2])))
    return out
