"""The embedder interface: one method, ``encode(texts) -> L2-normalised rows``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

# Decimals of a cosine between two embeddings that mean something: the last bits of a vector
# depend on the batch it was computed in (its padding, the BLAS kernel), which differs between
# engines and runs; cosines are rounded to this many decimals before any threshold or ranking
# reads them, so that equal texts stay exactly tied wherever they were embedded.
COSINE_DECIMALS = 5
# Word pieces (with its two special tokens) of the one pass over an article's title and text
# that stories are grouped by with ``--stories-by-meaning``: the article's first chunk, about
# 190 words (:func:`corroborate.compare.cluster.story_embeddings`).
PASSAGE_PIECES = 256
# What marks a text queued for that pass among sentences, where one queue and one cache hold
# both (:class:`corroborate.engines.background.BackgroundEmbedder`, a store's vectors): a
# sentence's vector and a passage's of the same words differ. No article text holds it.
PASSAGE_MARK = "\x00passage\x00"


class Embedder(Protocol):
    """Anything that turns sentences into L2-normalised vectors (one row per text).

    An embedder whose vectors are all-MiniLM-L6-v2's says so with a true ``story_leads``
    attribute (:func:`embeds_story_leads`): the same-story model's ``embedded`` variant was
    fitted on that model's cosines, so only such an embedder's lead vectors group stories.
    """

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def passage_embedder(embedder: Embedder) -> Embedder:
    """``embedder`` reading whole passages, up to :data:`PASSAGE_PIECES` word pieces (its
    ``passages()``: the same weights, one sibling per embedder, made once); an embedder
    without it (a fake) reads passages as it reads sentences."""
    passages = getattr(embedder, "passages", None)
    if passages is None:
        return embedder
    found: Embedder = passages()
    return found


def encode_marked(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Vectors of ``texts`` where a text that starts with :data:`PASSAGE_MARK` is a passage
    (embedded, without the mark, by :func:`passage_embedder`) and any other a sentence."""
    marked = [i for i, t in enumerate(texts) if t.startswith(PASSAGE_MARK)]
    if not marked:
        return np.asarray(embedder.encode(texts), np.float32)
    plain = [i for i, t in enumerate(texts) if not t.startswith(PASSAGE_MARK)]
    passages = passage_embedder(embedder).encode([texts[i][len(PASSAGE_MARK) :] for i in marked])
    out = np.zeros((len(texts), np.asarray(passages).shape[1]), np.float32)
    out[marked] = passages
    if plain:
        out[plain] = embedder.encode([texts[i] for i in plain])
    return out


def embeds_story_leads(embedder: object) -> bool:
    """Whether ``embedder``'s vectors are those the same-story model reads (its ``story_leads``
    attribute: all-MiniLM-L6-v2, however it is run); a fake (:class:`~corroborate.embed.fake.
    HashingEmbedder`) or another model is not, and stories are then grouped by words alone."""
    return bool(getattr(embedder, "story_leads", False))


class MarkedPassages:
    """An embedder that keeps sentences and passages in one cache by text (the background
    embedder, a store's vectors), asked for passages: each text marked as one
    (:data:`PASSAGE_MARK`), for it to embed with :func:`encode_marked`."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.embedder.encode([PASSAGE_MARK + t for t in texts])
