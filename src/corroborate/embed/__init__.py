"""Sentence embeddings: the :class:`Embedder` interface, its fake and the real runtimes.

- :class:`~corroborate.embed.base.Embedder`: ``encode(texts)`` -> one L2-normalised row per text;
- :class:`~corroborate.embed.fake.HashingEmbedder`: a bag-of-words fake for tests;
- :mod:`corroborate.embed.minilm`: all-MiniLM-L6-v2 run by a lean numpy (or bfloat16 torch)
  encoder; :mod:`corroborate.embed.sbert`: the same model through sentence-transformers;
- :func:`~corroborate.embed.load.load_embedder`: one of them by name, loaded once.
"""

from corroborate.embed.base import Embedder
from corroborate.embed.fake import HashingEmbedder
from corroborate.embed.load import EMBEDDERS, load_embedder

__all__ = ["EMBEDDERS", "Embedder", "HashingEmbedder", "load_embedder"]
