"""Choosing and loading the sentence embedder by name, once per process."""

from __future__ import annotations

from functools import lru_cache

from corroborate.embed.base import Embedder
from corroborate.embed.fake import HashingEmbedder
from corroborate.embed.sbert import SentenceTransformerEmbedder
from corroborate.embed.threads import _blas_controller

EMBEDDERS = ("minilm", "minilm-bf16", "sentence-transformers", "hashing")


@lru_cache(maxsize=3)
def load_embedder(kind: str = "minilm") -> Embedder:
    """The sentence embedder, loaded once.

    ``minilm``: all-MiniLM-L6-v2 from the packaged weights, run by the lean encoder in
    :mod:`corroborate.embed.minilm` in float32 (fast to start); ``minilm-bf16``: the same encoder
    with bfloat16 matrix products on torch (twice as fast to embed on CPUs with AMX or
    AVX512-BF16, ~2 s more to start, cosines within ~0.003; float32 elsewhere);
    ``sentence-transformers``: the same model through sentence-transformers (identical vectors
    to ``minilm``, ~4 s more to import); ``hashing``: a crude fake.
    """
    embedder: Embedder
    if kind == "hashing":
        return HashingEmbedder()
    if kind in ("minilm", "minilm-bf16"):
        from corroborate.embed.minilm import MiniLMEncoder, bfloat16_is_fast

        fast = kind == "minilm-bf16" and bfloat16_is_fast()
        embedder = MiniLMEncoder(precision="bfloat16" if fast else "float32")
    elif kind == "sentence-transformers":
        embedder = SentenceTransformerEmbedder()
    else:
        raise ValueError(f"Unknown embedder {kind!r}: choose one of {', '.join(EMBEDDERS)}.")
    _blas_controller()  # with the model, not in the first brief: single_threaded_math needs it
    return embedder
