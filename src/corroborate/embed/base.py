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


class Embedder(Protocol):
    """Anything that turns sentences into L2-normalised vectors (one row per text).

    An embedder whose vectors are all-MiniLM-L6-v2's says so with a true ``story_leads``
    attribute (:func:`embeds_story_leads`): the same-story model's ``embedded`` variant was
    fitted on that model's cosines, so only such an embedder's lead vectors group stories.
    """

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def embeds_story_leads(embedder: object) -> bool:
    """Whether ``embedder``'s vectors are those the same-story model reads (its ``story_leads``
    attribute: all-MiniLM-L6-v2, however it is run); a fake (:class:`~corroborate.embed.fake.
    HashingEmbedder`) or another model is not, and stories are then grouped by words alone."""
    return bool(getattr(embedder, "story_leads", False))
