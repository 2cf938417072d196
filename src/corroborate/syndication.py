"""Near-identical copies of one article (syndication, reposts): the Jaccard similarity of
their word 5-grams, exact for a small pile and estimated with MinHash LSH for a large one.

Copies are grouped so that corroboration counts independent sources, not copies.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .model import Article
from .text import shingles

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
COPY_THRESHOLD = 0.5  # Jaccard of word 5-grams: rewrites share far less, copies far more
# Up to this many articles every pair is compared exactly (a few thousand set intersections,
# cheaper than importing datasketch); beyond, LSH keeps the search near-linear.
EXACT_MAX = 64


def minhash(text: str, num_perm: int = NUM_PERM) -> MinHash:
    """MinHash signature of a text's word 5-grams."""
    signature = _blank(num_perm).copy()
    signature.update_batch([s.encode("utf-8") for s in shingles(text)])
    return signature


@lru_cache(maxsize=8)
def _blank(num_perm: int) -> MinHash:
    """An empty MinHash to copy: its random permutations are drawn once, not once per text.
    Never updated itself."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm)


@lru_cache(maxsize=8)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows for a Jaccard threshold (datasketch integrates them numerically,
    which costs more than the whole copy search on a small story: computed once)."""
    from datasketch import MinHashLSH

    probe = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return probe.b, probe.r


def find_copies(articles: Sequence[Article], threshold: float = COPY_THRESHOLD) -> list[list[str]]:
    """Groups of article ids whose texts are near-identical (Jaccard of word 5-grams, exact or
    estimated, >= threshold).

    Only groups of two or more are returned, each sorted, largest first. Beyond
    :data:`EXACT_MAX` articles, candidate pairs come from LSH buckets, never from all pairs, so
    this stays near-linear in the number of articles.
    """
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    texts = [a for a in articles if a.text.strip()]
    if len(texts) <= EXACT_MAX:
        grams = {a.id: set(shingles(a.text)) for a in texts}
        for article in texts:
            parent[article.id] = article.id
        for a, b in itertools.combinations(texts, 2):
            x, y = grams[a.id], grams[b.id]
            if x and y and len(x & y) >= threshold * len(x | y):
                parent[root(b.id)] = root(a.id)
        return _groups(parent, root)

    from datasketch import MinHashLSH

    lsh = MinHashLSH(num_perm=NUM_PERM, params=lsh_params(threshold, NUM_PERM))
    signatures: dict[str, MinHash] = {}
    for article in texts:
        sig = minhash(article.text)
        parent[article.id] = article.id
        for other in lsh.query(sig):
            if sig.jaccard(signatures[other]) >= threshold:
                parent[root(article.id)] = root(other)
        lsh.insert(article.id, sig)
        signatures[article.id] = sig
    return _groups(parent, root)


def _groups(parent: dict[str, str], root: Callable[[str], str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for article_id in parent:
        groups.setdefault(root(article_id), []).append(article_id)
    copies = [sorted(g) for g in groups.values() if len(g) > 1]
    return sorted(copies, key=lambda g: (-len(g), g))


def source_key(copies: Sequence[Sequence[str]]) -> dict[str, str]:
    """Map every article id in a copy group to one representative id (the group's first)."""
    return {member: group[0] for group in copies for member in group}
