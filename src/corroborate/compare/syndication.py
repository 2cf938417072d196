"""Near-identical copies of one article (syndication, reposts): the Jaccard similarity of
their word 5-grams, exact for a small pile and estimated with MinHash LSH for a large one.

Copies are grouped so that corroboration counts independent sources, not copies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from corroborate.compare.stage_cache import StageCache, cached, digest
from corroborate.model import Article, Sentence
from corroborate.text import shingles, word_count

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
COPY_THRESHOLD = 0.5  # Jaccard of word 5-grams: rewrites share far less, copies far more
# Up to this many articles every pair is compared exactly; beyond, LSH keeps the search
# near-linear. The exact pairs of 256 news articles (~10 us each) cost about what importing
# datasketch does (~0.3 s, for scipy.integrate), which a smaller pile then never pays.
EXACT_MAX = 256
# Two sentences of copies are one sentence, lightly edited (a name, a figure, a word), when
# their rapidfuzz ratio (0-100: normalised edit similarity of the texts) reaches this.
TWIN_RATIO = 90


@lru_cache(maxsize=8)
def _blank(num_perm: int) -> MinHash:
    """An empty MinHash to copy: its random permutations are drawn once, not once per text.
    Never updated itself."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm)


# datasketch's bands and rows for the default threshold and permutations, worked out once
# (tests/test_syndication.py checks them against datasketch): its numerical integration takes
# a third of a second, a tenth of a 100-article brief.
KNOWN_LSH_PARAMS = {(0.5, 128): (25, 5)}


@lru_cache(maxsize=8)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows for a Jaccard threshold (datasketch integrates them numerically,
    which costs more than the whole copy search on a small story: computed once)."""
    if (threshold, num_perm) in KNOWN_LSH_PARAMS:
        return KNOWN_LSH_PARAMS[(threshold, num_perm)]
    from datasketch import MinHashLSH

    probe = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return probe.b, probe.r


class CopyTracker:
    """Copies found as articles come in, one at a time.

    :meth:`add` compares a new article with those before it: every one exactly (Jaccard of
    word 5-grams) while there are at most :data:`EXACT_MAX`, beyond that only the candidates
    MinHash LSH proposes, so a pile of any size costs near-linear time. Copies are grouped
    transitively (a copy of a copy is in the group).

    Given a ``cache`` (:mod:`corroborate.compare.stage_cache`), what one :meth:`add` found is
    kept under the texts of the article and of every article before it (all it can depend
    on), and each article's MinHash signature under its text: a story re-briefed after one
    more article compares only that article, with what was kept of the others.
    """

    def __init__(self, threshold: float = COPY_THRESHOLD, cache: StageCache | None = None) -> None:
        self.threshold = threshold
        self._cache = cache
        self._parent: dict[str, str] = {}
        self._texts: dict[str, str] = {}  # the articles recorded, in order
        self._grams: dict[str, set[str]] = {}  # their 5-grams, made when first compared
        self._lsh: Any = None
        self._signatures: dict[str, MinHash] = {}
        self._before = b""  # key of the articles added so far (with a cache)

    def add(self, article: Article) -> list[str]:
        """Record ``article``; the ids of the earlier articles it copies (a text with no words
        copies nothing and is not recorded)."""
        if self._cache is None:
            recorded, copied = self._compare(article)
        else:
            parts = (self._before, article.id, article.text, self.threshold)
            self._before = digest(*parts)
            recorded, copied = cached(
                self._cache, "copies.add", parts, lambda: self._compare(article)
            )
        if not recorded:
            return []
        if self._lsh is not None:
            self._lsh.insert(article.id, self._signature_of(article.id, article.text))
        self._texts[article.id] = article.text
        self._parent[article.id] = article.id
        for other in copied:
            self._parent[self._root(article.id)] = self._root(other)
        return copied

    def _compare(self, article: Article) -> tuple[bool, list[str]]:
        """Whether ``article`` has words (else it is not recorded), and which earlier articles
        it copies."""
        grams = self._grams_of(article.id, article.text)
        if not grams:
            return False, []
        if len(self._texts) >= EXACT_MAX and self._lsh is None:
            self._start_lsh()
        if self._lsh is None:
            return True, [
                other
                for other, text in self._texts.items()
                if jaccard_at_least(grams, self._grams_of(other, text), self.threshold)
            ]
        signature = self._signature_of(article.id, article.text)
        return True, [
            other
            for other in self._lsh.query(signature)
            if signature.jaccard(self._signatures[other]) >= self.threshold
        ]

    def _grams_of(self, article_id: str, text: str) -> set[str]:
        if article_id not in self._grams:
            self._grams[article_id] = set(shingles(text))
        return self._grams[article_id]

    def _signature_of(self, article_id: str, text: str) -> MinHash:
        """The MinHash signature of a text's 5-grams (kept in the cache under the text)."""
        if article_id not in self._signatures:
            values = cached(
                self._cache,
                "copies.signature",
                (text, NUM_PERM),
                lambda: _signature(self._grams_of(article_id, text)).hashvalues,
            )
            signature = _blank(NUM_PERM).copy()
            signature.hashvalues = values
            self._signatures[article_id] = signature
        return self._signatures[article_id]

    def _start_lsh(self) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=lsh_params(self.threshold, NUM_PERM))
        for other, text in self._texts.items():
            self._lsh.insert(other, self._signature_of(other, text))

    def _root(self, x: str) -> str:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def group_of(self, article_id: str) -> str | None:
        """Which copy group an article is in (its root id), None when never added."""
        return self._root(article_id) if article_id in self._parent else None

    def groups(self) -> list[list[str]]:
        """Groups of two or more copies, each sorted, largest first."""
        groups: dict[str, list[str]] = {}
        for article_id in self._parent:
            groups.setdefault(self._root(article_id), []).append(article_id)
        copies = [sorted(g) for g in groups.values() if len(g) > 1]
        return sorted(copies, key=lambda g: (-len(g), g))


def jaccard_at_least(a: set[str], b: set[str], threshold: float) -> bool:
    """Whether the Jaccard similarity of two non-empty sets reaches ``threshold`` (sets whose
    sizes alone rule it out are not intersected)."""
    small, large = sorted((len(a), len(b)))
    if small < threshold * large:  # at best |a & b| = small and |a | b| = large
        return False
    shared = len(a & b)
    return shared >= threshold * (len(a) + len(b) - shared)


def _signature(grams: set[str]) -> MinHash:
    """MinHash signature of a set of word 5-grams."""
    signature = _blank(NUM_PERM).copy()
    signature.update_batch([g.encode("utf-8") for g in grams])
    return signature


def find_copies(
    articles: Sequence[Article],
    threshold: float = COPY_THRESHOLD,
    cache: StageCache | None = None,
) -> list[list[str]]:
    """Groups of article ids whose texts are near-identical (Jaccard of word 5-grams, exact or
    estimated, >= threshold).

    Only groups of two or more are returned, each sorted, largest first. Beyond
    :data:`EXACT_MAX` articles, candidate pairs come from LSH buckets, never from all pairs, so
    this stays near-linear in the number of articles (see :class:`CopyTracker`, which keeps
    its work in ``cache``).
    """
    tracker = CopyTracker(threshold, cache)
    for article in articles:
        tracker.add(article)
    return tracker.groups()


def twin_sentences(
    articles: Sequence[Article], copies: Sequence[Sequence[str]], min_words: int = 1
) -> dict[tuple[str, int], Sentence]:
    """The sentences of copies that an earlier copy of the same group already has, (nearly)
    word for word: ``(article_id, index)`` of each such sentence -> the earlier one.

    Articles count in the order given. Only sentences of at least ``min_words`` words are
    matched. A twin never points at another twin: it points at the first copy's sentence.
    """
    group_of = {member: group[0] for group in copies for member in group}
    pools: dict[str, list[Sentence]] = {}
    twins: dict[tuple[str, int], Sentence] = {}
    for article in articles:
        group = group_of.get(article.id)
        if group is None:
            continue
        pool = pools.setdefault(group, [])
        found = sentence_twins(article, pool, min_words)
        twins.update({(article.id, i): t for i, t in found.items()})
        pool.extend(s for s in article.sentences if s.index not in found)
    return twins


def sentence_twins(
    article: Article, earlier: Sequence[Sentence], min_words: int = 1
) -> dict[int, Sentence]:
    """For each sentence of ``article`` (of ``min_words`` words or more) that one of the
    ``earlier`` sentences says nearly word for word (:data:`TWIN_RATIO`), that sentence, by the
    index of the article's sentence. Exact twins are found by lookup, the rest by rapidfuzz."""
    if not earlier:
        return {}
    from rapidfuzz import fuzz, process

    exact = {s.text: s for s in reversed(earlier)}  # the first of equal texts wins
    texts = [s.text for s in earlier]
    twins: dict[int, Sentence] = {}
    for sentence in article.sentences:
        if word_count(sentence.text) < min_words:
            continue
        twin = exact.get(sentence.text)
        if twin is None:
            best = process.extractOne(
                sentence.text, texts, scorer=fuzz.ratio, score_cutoff=TWIN_RATIO
            )
            twin = earlier[best[2]] if best else None
        if twin is not None:
            twins[sentence.index] = twin
    return twins


def source_key(copies: Sequence[Sequence[str]]) -> dict[str, str]:
    """Map every article id in a copy group to one representative id (the group's first)."""
    return {member: group[0] for group in copies for member in group}


def independent_groups(
    article_ids: Iterable[str],
    copies: Sequence[Sequence[str]] = (),
    outlet_of: Mapping[str, str | None] | None = None,
) -> list[list[str]]:
    """The articles grouped into independent sources: two articles are one source when they
    are copies of each other (one copy group) or come from one named outlet (several
    dispatches of one agency), and so is anything linked to either, among ``article_ids``
    only. An article with no known outlet is its own source unless it is a copy.

    Groups come in the order of their first article; each keeps the order given.

    >>> independent_groups(["a1", "a2", "x", "u"], [], {"a1": "AP", "a2": "AP", "x": "Xinhua"})
    [['a1', 'a2'], ['x'], ['u']]
    """
    ids = list(dict.fromkeys(article_ids))
    if len(ids) < 2:  # most of a story's facts: nothing to join
        return [ids] if ids else []
    parent = {a: a for a in ids}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    first_of: dict[str, str] = {}
    copy_group = source_key(copies)
    for a in ids:
        keys = [f"copy:{copy_group[a]}"] if a in copy_group else []
        outlet = outlet_of.get(a) if outlet_of else None
        if outlet and outlet.strip():
            keys.append(f"outlet:{outlet_name_key(outlet)}")
        for key in keys:
            other = first_of.setdefault(key, a)
            parent[root(a)] = root(other)
    groups: dict[str, list[str]] = {}
    for a in ids:
        groups.setdefault(root(a), []).append(a)
    return list(groups.values())


def outlet_name_key(outlet: str) -> str:
    """An outlet name compared loosely: case and spacing aside ("AP" = "ap ")."""
    return " ".join(outlet.split()).casefold()


def source_name(group: Sequence[str], outlet_of: Mapping[str, str | None] | None = None) -> str:
    """How a brief names one independent source (a group of :func:`independent_groups`): its
    outlet; the outlets of syndicated copies joined by " / " ("AP / Yahoo News"); an article
    with no known outlet by its id."""
    names: dict[str, str] = {}
    for a in group:
        outlet = outlet_of.get(a) if outlet_of else None
        if outlet and outlet.strip():
            names.setdefault(outlet_name_key(outlet), " ".join(outlet.split()))
    return " / ".join(names.values()) if names else group[0]


def independent_sources(
    article_ids: Iterable[str],
    copies: Sequence[Sequence[str]],
    outlet_of: Mapping[str, str | None] | None = None,
) -> int:
    """How many independent sources tell what ``article_ids`` tell: a copy group counts once,
    and given ``outlet_of``, so do the articles of one named outlet (an unnamed outlet is its
    article): :func:`independent_groups`."""
    return len(independent_groups(article_ids, copies, outlet_of))
