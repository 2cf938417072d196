"""Pairs of normalised vectors whose cosine reaches a floor, found without the whole matrix and
kept between briefs of a story.

A pair's cosine is computed alone, always the same way (:func:`pair_steps`), so it is the same
whichever brief, block or place computes it: a story briefed again keeps its last brief's pairs
among the vectors it compared then (:func:`close_pairs_kept`) and searches only the new ones.
Facts use it for sentences (:func:`corroborate.compare.facts.group_facts`), quote alignment for
quotes' chunks (:func:`corroborate.compare.quote_alignment.align_quotes`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

import numpy as np

from corroborate.compare.stage_cache import StageCache
from corroborate.embed.base import COSINE_DECIMALS


def close_pairs(vectors: np.ndarray, floor: float, rows_per_block: int = 1024) -> np.ndarray:
    """Rows ``(i, j, cosine)``, i < j, of the pairs whose cosine (:func:`pair_cosines`)
    reaches ``floor``, in order, found a block of rows at a time (a big story's whole matrix
    would take gigabytes)."""
    return _as_rows(_close_steps(vectors, np.arange(len(vectors)), floor, rows_per_block))


# Pairs as three integer arrays: first sentence, second sentence, cosine in rounding steps
# (10 ** -COSINE_DECIMALS): a third of the room of rows of floats, when a story keeps them.
Steps = tuple[np.ndarray, np.ndarray, np.ndarray]
_STEP = 10**COSINE_DECIMALS


def _as_rows(pairs: Steps) -> np.ndarray:
    """Pairs as rows ``(i, j, cosine)`` of floats."""
    rows = np.empty((len(pairs[0]), 3))
    rows[:, 0], rows[:, 1] = pairs[0], pairs[1]
    np.divide(pairs[2], _STEP, out=rows[:, 2])
    return rows


def _close_steps(
    vectors: np.ndarray, rows: np.ndarray, floor: float, rows_per_block: int = 1024
) -> Steps:
    """The close pairs (:func:`close_pairs`) of which one sentence is of ``rows`` (sorted):
    all that pair a sentence of ``rows`` with a later one, and with an earlier one not of
    ``rows``; in order."""
    none = np.zeros(0, np.int32)
    found: list[Steps] = [(none, none, none)]
    fresh = np.zeros(len(vectors), dtype=bool)
    fresh[rows] = True
    for start in range(0, len(rows), rows_per_block):
        block_rows = rows[start : start + rows_per_block]
        block = vectors[block_rows] @ vectors.T
        # the product's cosines are only a first pass: each kept pair is computed alone
        at, cols = np.nonzero(block >= floor - _SCAN_ROOM)
        first = block_rows[at]
        keep = ((cols > first) | ~fresh[cols]) & (cols != first)
        first, cols = first[keep], cols[keep]
        steps = pair_steps(vectors, first, cols)
        first, cols = np.minimum(first, cols), np.maximum(first, cols)
        keep = steps / _STEP >= floor
        found.append((first[keep], cols[keep], steps[keep]))
    return _in_order(_joined(found), len(vectors))


def _joined(parts: Sequence[Steps]) -> Steps:
    """Pairs of all ``parts``, one after another."""
    first, second, steps = (
        np.concatenate([p[k] for p in parts]).astype(np.int32) for k in range(3)
    )
    return first, second, steps


def _in_order(pairs: Steps, n: int) -> Steps:
    """Pairs sorted by first sentence, then second (a stable sort of nearly sorted keys, as
    pairs found row by row or kept in order are, is near-linear)."""
    order = np.argsort(pairs[0].astype(np.int64) * n + pairs[1], kind="stable")
    return pairs[0][order], pairs[1][order], pairs[2][order]


# Room below a floor for the first pass of :func:`_close_steps` (a float32 product of two unit
# vectors of a few hundred dimensions is off by far less).
_SCAN_ROOM = 1e-3


def pair_steps(vectors: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The cosines of pairs of normalised vectors (``first[k]``, ``second[k]``; ``first``
    sorted), rounded to whole steps of 10 ** -:data:`COSINE_DECIMALS`, each computed alone and
    always the same way (the products of the two vectors' values, summed in order; the same
    whichever of the two comes first), so a pair's cosine is the same whichever brief, block
    or place computes it: a story briefed again reuses the cosines of its last brief
    (:func:`close_pairs_kept`)."""
    out = np.empty(len(first), dtype=np.float64)
    if not len(first):
        return out.astype(np.int32)
    bounds = (np.flatnonzero(np.diff(first)) + 1).tolist()
    for start, end in zip([0, *bounds], [*bounds, len(first)], strict=True):
        out[start:end] = np.einsum("j,ij->i", vectors[first[start]], vectors[second[start:end]])
    return np.rint(out * _STEP).astype(np.int32)


def close_pairs_kept(
    vectors: np.ndarray,
    floor: float,
    cache: StageCache | None,
    story: str,
    stage: str = "facts.close",
) -> np.ndarray:
    """:func:`close_pairs`, searched again only for the sentences ``story``'s last brief did
    not compare (kept in ``cache`` with the vectors it compared): the pairs of two sentences
    compared then are kept, as a pair's cosine is its vectors' alone (:func:`pair_steps`).
    ``stage``: the name they are kept under (a story's sentences' pairs and its quotes' apart)."""
    return _as_rows(_close_kept(vectors, floor, cache, story, stage))


def _close_kept(
    vectors: np.ndarray,
    floor: float,
    cache: StageCache | None,
    story: str,
    stage: str = "facts.close",
) -> Steps:
    """:func:`close_pairs_kept` as the three arrays of :data:`Steps` (a big story's pairs are
    millions: rows of floats would cost a copy of them all)."""
    if cache is None:
        return _close_steps(vectors, np.arange(len(vectors)), floor)
    ids = _vector_ids(vectors)
    key = cache.key(stage, (story, floor, vectors.dtype.str, vectors.shape[1:]))
    kept = cache.get(key)
    known = np.zeros(len(vectors), dtype=bool)
    none = np.zeros(0, np.int32)
    pairs: Steps = (none, none, none)
    if isinstance(kept, tuple):  # else nothing kept
        old_ids, packed = kept
        where = {v: k for k, v in enumerate(ids)}
        old_to_new = np.array([where.get(v, -1) for v in old_ids], dtype=np.int32)
        pairs = _renamed(packed, old_to_new)
        known[old_to_new[old_to_new >= 0]] = True
    found = _close_steps(vectors, np.flatnonzero(~known), floor)
    close = _merged(pairs, found, len(vectors))
    cache.put(key, (ids, _packed(close, len(vectors))))
    return close


def _renamed(
    packed: tuple[np.ndarray, np.ndarray, int, np.ndarray], old_to_new: np.ndarray
) -> Steps:
    """The :func:`_packed` pairs of the vectors compared then, as pairs of the vectors now
    (``old_to_new``: each old vector's index now, -1 if gone), in order by first sentence
    (and first < second). When every old vector is still there, in the same order (one more
    article's sentences placed among them), the pairs keep their order and none is dropped:
    they are only renamed, not sorted, filtered nor swapped again (a big story keeps millions
    of them)."""
    counts, second, least, steps = packed
    first = np.repeat(old_to_new, counts)
    second = old_to_new[second]
    steps = steps.astype(np.int32)
    steps += least
    present = old_to_new[old_to_new >= 0]
    if len(present) == len(old_to_new) and np.all(present[1:] > present[:-1]):
        return first, second, steps
    both = (first >= 0) & (second >= 0)
    first, second, steps = first[both], second[both], steps[both]
    return np.minimum(first, second), np.maximum(first, second), steps


def _merged(kept: Steps, found: Steps, n: int) -> Steps:
    """:func:`_in_order` of ``kept`` and ``found`` (no pair in both) joined, without sorting
    them again when each is in order already (as the kept pairs are when the sentences they
    name keep their order, and as found pairs always are)."""
    kept_keys = kept[0].astype(np.int64)
    kept_keys *= n
    kept_keys += kept[1]
    if np.any(kept_keys[1:] <= kept_keys[:-1]):
        return _in_order(_joined([kept, found]), n)
    found_keys = found[0].astype(np.int64) * n + found[1]
    at = np.searchsorted(kept_keys, found_keys, side="right") + np.arange(len(found_keys))
    from_kept = np.ones(len(kept_keys) + len(found_keys), dtype=bool)
    from_kept[at] = False
    merged = []
    for k in range(3):
        column = np.empty(len(from_kept), dtype=np.int32)
        column[from_kept] = kept[k]
        column[at] = found[k]
        merged.append(column)
    return merged[0], merged[1], merged[2]


def _packed(pairs: Steps, n: int) -> tuple[np.ndarray, np.ndarray, int, np.ndarray]:
    """Pairs in order (by first sentence) in a third of the room, for a store to keep: how
    many pairs each of the ``n`` sentences is first of, the second sentences and the
    cosines' steps above the least, each in the smallest integers that hold them."""
    first, second, steps = pairs
    least = int(steps.min()) if len(steps) else 0
    return (
        np.bincount(first, minlength=n).astype(np.int32),
        second.astype(_smallest(n)),
        least,
        (steps - least).astype(_smallest(int(steps.max()) - least + 1 if len(steps) else 0)),
    )


def _unpacked(packed: tuple[np.ndarray, np.ndarray, int, np.ndarray], n: int) -> Steps:
    """The pairs :func:`_packed` packed, as int32 arrays."""
    return _renamed(packed, np.arange(n, dtype=np.int32))


def _smallest(limit: int) -> type[np.integer]:
    """The smallest unsigned integers that hold every number below ``limit``."""
    return np.uint16 if limit <= 1 << 16 else np.uint32


def _vector_ids(vectors: np.ndarray) -> list[tuple[bytes, int]]:
    """Each vector's identity: its bytes' digest and which occurrence of those bytes it is."""
    seen: Counter[bytes] = Counter()
    ids = []
    for row in vectors:
        name = hashlib.blake2b(row.tobytes(), digest_size=16).digest()
        ids.append((name, seen[name]))
        seen[name] += 1
    return ids
