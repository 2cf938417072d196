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
    """Anything that turns sentences into L2-normalised vectors (one row per text)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...
