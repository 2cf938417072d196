"""Would ONNX Runtime embed the brief's sentences faster than the numpy MiniLM encoder?

    .venv/bin/pip install onnxruntime==1.32.0 onnx    # neither is a dependency of corroborate
    .venv/bin/python bench/onnx_minilm.py --size 100 --repeats 5

The sentences are the very ones a brief of the first ``--size`` PolNeAR texts embeds (as
``bench/cpu_split.py`` picks and briefs them, recorded call by call). They are embedded two
ways, each on 1 and on 2 threads, with runs interleaved, in CPU and wall seconds:

- ``calls``: the texts of each ``encode`` call the stories' stages make (one process, as
  ``bench/cpu_split.py`` times it);
- ``chunks``: the same texts in chunks of ``BackgroundEmbedder.CHUNK`` (16), as the brief's
  worker process embeds them beside spaCy.

Three encoders of all-MiniLM-L6-v2 from the same packaged ``model.safetensors``:

- ``numpy``: :class:`corroborate.embed.minilm.MiniLMEncoder` (float32, numpy's OpenBLAS);
- ``ort``: the same network as an ONNX graph built here with ``onnx.helper`` and run by ONNX
  Runtime in float32. It keeps the numpy encoder's layout: the batch's tokens packed end to end
  for every token-wise product (no padding), laid out padded only for attention (gathered
  there and back by index), padded keys masked by a bias; mean pooling and normalisation
  stay in numpy. Other layouts measured slower: ORT's fused ``MultiHeadAttention``,
  ``SkipLayerNormalization`` and ``BiasGelu`` (com.microsoft) took 6.9 s instead of 6.0 s on the
  chunks;
- ``ort-int8``: that graph with its matrix products quantised to int8 by ORT's
  ``quantize_dynamic`` (weights per tensor, activations per batch): shown for its speed and
  for how far its vectors move.

The brief embeds on one thread (its worker process and its background thread each hold
one core beside spaCy), so the 1-thread figures are the ones that decide. The 2-thread ones
need a quiet machine: with another process busy on one core, each runtime's two threads wait
on each other and the medians come out two to three times the best run (as in the recorded
results, taken on a shared machine).

Each encoder's vectors are compared with numpy's (largest change of any cosine between two of
the texts). Results go to ``bench/results/onnx_minilm.json`` with the command.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper
from safetensors.numpy import load_file
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

from corroborate.embed.minilm import MiniLMEncoder, packaged_model_dir
from corroborate.engines.background import BackgroundEmbedder


def brief_calls(size: int) -> list[list[str]]:
    """The texts of every ``encode`` call a brief of ``size`` PolNeAR texts makes, in order."""
    import cpu_split

    calls: list[list[str]] = []
    load = cpu_split.load_embedder

    def recording(kind: str = "minilm") -> Any:
        embedder = load(kind)
        encode = embedder.encode

        def recorded(texts: Sequence[str]) -> np.ndarray:
            calls.append(list(texts))
            return encode(texts)

        embedder.encode = recorded
        return embedder

    cpu_split.load_embedder = recording
    with threadpool_limits(1):
        cpu_split.split(size)
    return calls


def build_graph(folder: Path) -> onnx.ModelProto:
    """all-MiniLM-L6-v2's encoder layers as an ONNX graph on packed tokens.

    Inputs: ``ids`` and ``positions`` (tokens,), ``pad_index`` (n * longest,: which packed
    token sits at each place of the padded layout; pads point at token 0), ``grid`` (tokens,:
    where each packed token sits in it) and ``bias`` (n, 1, 1, longest: 0, or the most negative
    float for a padded key). Output: ``hidden`` (tokens, 384), before pooling.
    """
    config = json.loads((folder / "config.json").read_text("utf-8"))
    w = {
        k.removeprefix("bert."): v.astype(np.float32)
        for k, v in load_file(str(folder / "model.safetensors")).items()
    }
    hidden, heads = config["hidden_size"], config["num_attention_heads"]
    size, eps = hidden // heads, config["layer_norm_eps"]
    weights: list[onnx.TensorProto] = []
    nodes: list[onnx.NodeProto] = []

    def const(name: str, value: np.ndarray) -> str:
        weights.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(kind: str, inputs: list[str], outputs: int = 1, **attrs: Any) -> Any:
        name = f"{kind}{len(nodes)}"
        outs = [f"{name}_{k}" for k in range(outputs)]
        domain = "com.microsoft" if kind == "FusedMatMul" else ""
        nodes.append(helper.make_node(kind, inputs, outs, name=name, domain=domain, **attrs))
        return outs[0] if outputs == 1 else outs

    def layer_norm(x: str, prefix: str) -> str:
        gain, shift = w[prefix + ".weight"], w[prefix + ".bias"]
        return op(
            "LayerNormalization",
            [x, const(prefix + ".g", gain), const(prefix + ".b", shift)],
            axis=-1,
            epsilon=eps,
        )

    def dense(x: str, prefix: str) -> str:
        """``x @ W + b`` as MatMul and Add (ORT fuses them; quantize_dynamic reads MatMul)."""
        matrix, bias = w[prefix + ".weight"].T, w[prefix + ".bias"]
        return op(
            "Add", [op("MatMul", [x, const(prefix + ".w", matrix)]), const(prefix + ".b", bias)]
        )

    position = (
        w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = op(
        "Add",
        [
            op("Gather", [const("word", w["embeddings.word_embeddings.weight"]), "ids"]),
            op("Gather", [const("position", position), "positions"]),
        ],
    )
    x = layer_norm(x, "embeddings.LayerNorm")
    layout = op("Shape", ["bias"])  # (n, 1, 1, longest)
    n = op("Slice", [layout, const("at0", np.array([0])), const("at1", np.array([1]))])
    longest = op("Slice", [layout, const("at3", np.array([3])), const("at4", np.array([4]))])
    padded_shape = op("Concat", [n, longest, const("heads", np.array([3 * heads, size]))], axis=0)
    rows = const("rows", np.array([-1, hidden]))
    scale = np.float32(1.0 / math.sqrt(size))
    for i in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        parts = ("query", "key", "value")
        qkv_w = np.concatenate([w[f"{p}attention.self.{s}.weight"] for s in parts]).T
        qkv_b = np.concatenate([w[f"{p}attention.self.{s}.bias"] for s in parts])
        qkv_w[:, :hidden] *= scale
        qkv_b[:hidden] *= scale
        qkv = op("Add", [op("MatMul", [x, const(p + "qkv.w", qkv_w)]), const(p + "qkv.b", qkv_b)])
        padded = op("Reshape", [op("Gather", [qkv, "pad_index"]), padded_shape])
        q, k, v = op(
            "Split",
            [
                op("Transpose", [padded], perm=[0, 2, 1, 3]),
                const(p + "split", np.array([heads] * 3)),
            ],
            outputs=3,
            axis=1,
        )
        scores = op("Add", [op("FusedMatMul", [q, k], transB=1), "bias"])
        context = op("FusedMatMul", [op("Softmax", [scores], axis=-1), v])
        context = op("Reshape", [op("Transpose", [context], perm=[0, 2, 1, 3]), rows])
        context = op("Gather", [context, "grid"])
        attended = op("Add", [dense(context, p + "attention.output.dense"), x])
        attended = layer_norm(attended, p + "attention.output.LayerNorm")
        inner = op("Gelu", [dense(attended, p + "intermediate.dense")])
        x = layer_norm(
            op("Add", [dense(inner, p + "output.dense"), attended]), p + "output.LayerNorm"
        )
    nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    inputs = [
        helper.make_tensor_value_info("ids", TensorProto.INT64, ["tokens"]),
        helper.make_tensor_value_info("positions", TensorProto.INT64, ["tokens"]),
        helper.make_tensor_value_info("pad_index", TensorProto.INT64, ["places"]),
        helper.make_tensor_value_info("grid", TensorProto.INT64, ["tokens"]),
        helper.make_tensor_value_info("bias", TensorProto.FLOAT, ["n", 1, 1, "longest"]),
    ]
    outputs = [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["tokens", hidden])]
    graph = helper.make_graph(nodes, "all-MiniLM-L6-v2", inputs, outputs, weights)
    opsets = [helper.make_opsetid("", 20), helper.make_opsetid("com.microsoft", 1)]
    return helper.make_model(graph, opset_imports=opsets, ir_version=9)


class OrtMiniLM(MiniLMEncoder):
    """The ONNX graph of :func:`build_graph` run by ONNX Runtime on the CPU, tokenised, batched
    and pooled as :class:`MiniLMEncoder` does (its ``encode``; only the forward pass is ONNX
    Runtime's)."""

    def __init__(
        self, model: bytes | str, threads: int, batch_size: int = 32, profile: str = ""
    ) -> None:
        folder = packaged_model_dir()
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=64)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        if profile:  # each kernel's time, in a JSON file named from this prefix
            options.enable_profiling, options.profile_file_prefix = True, profile
        self.session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        self.batch_size = batch_size
        self.hidden = 384

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        lengths = np.array([len(ids) for ids in batch])
        n, longest, tokens = len(batch), int(lengths.max()), int(lengths.sum())
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        positions = np.arange(tokens) - np.repeat(starts, lengths)
        grid = np.repeat(np.arange(n) * longest, lengths) + positions
        pad_index = np.zeros(n * longest, np.int64)
        pad_index[grid] = np.arange(tokens)
        keys = np.arange(longest) < lengths[:, None]
        bias = np.where(keys, 0.0, np.finfo(np.float32).min).astype(np.float32)
        feed = {
            "ids": np.concatenate(batch).astype(np.int64),
            "positions": positions.astype(np.int64),
            "pad_index": pad_index,
            "grid": grid.astype(np.int64),
            "bias": bias[:, None, None, :],
        }
        (x,) = self.session.run(None, feed)
        pooled = np.add.reduceat(x, starts, axis=0) / lengths[:, None].astype(np.float32)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def ort_kernel_seconds(model: bytes, calls: list[list[str]], folder: str) -> dict[str, float]:
    """CPU seconds of ORT's kernels by operator (after its fusions), one thread, over ``calls``."""
    encoder = OrtMiniLM(model, threads=1, profile=f"{folder}/ort")
    for texts in calls:
        encoder.encode(texts)
    events = json.loads(Path(encoder.session.end_profiling()).read_text("utf-8"))
    seconds: dict[str, float] = {}
    for event in events:
        if event.get("cat") == "Node" and event["name"].endswith("_kernel_time"):
            name = event["args"]["op_name"]
            seconds[name] = seconds.get(name, 0.0) + event["dur"] / 1e6
    return {k: round(v, 2) for k, v in sorted(seconds.items(), key=lambda kv: -kv[1])}


def numpy_product_seconds(encoder: MiniLMEncoder, calls: list[list[str]]) -> float:
    """CPU seconds numpy's BLAS takes, on one thread, for the encoder's weight products alone
    (``x @ W + b``, four per layer) on as many token rows as each batch of ``calls`` packs."""
    rows = []
    for texts in calls:
        lengths = sorted(len(e.ids) for e in encoder.tokenizer.encode_batch(texts))
        step = encoder.batch_size
        rows += [sum(lengths[i : i + step]) for i in range(0, len(lengths), step)]
    rng = np.random.default_rng(0)
    with threadpool_limits(1, user_api="blas"):
        start = time.process_time()
        for n in rows:
            for layer in encoder._layers:
                x = rng.standard_normal((n, encoder.hidden), np.float32)
                x @ layer.qkv + layer.qkv_b
                x @ layer.out + layer.out_b
                (x @ layer.up + layer.up_b) @ layer.down + layer.down_b
        return round(time.process_time() - start, 2)


def timed(run: Callable[[], Any]) -> tuple[float, float, Any]:
    """CPU seconds (this process, all threads), wall seconds, result."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = run()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "onnx_minilm.json")
    args = parser.parse_args()
    calls = brief_calls(args.size)
    texts = [t for call in calls for t in call]
    chunk = BackgroundEmbedder.CHUNK
    workloads = {
        "calls": calls,
        "chunks": [texts[i : i + chunk] for i in range(0, len(texts), chunk)],
    }

    build_cpu, build_wall, graph = timed(lambda: build_graph(packaged_model_dir()))
    model = graph.SerializeToString()
    with tempfile.TemporaryDirectory() as tmp:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        logging.getLogger().setLevel(logging.ERROR)  # its advice on custom operators

        onnx.save(graph, f"{tmp}/f32.onnx")
        quantize_dynamic(
            f"{tmp}/f32.onnx",
            f"{tmp}/int8.onnx",
            op_types_to_quantize=["MatMul"],  # the weights' products (attention's are FusedMatMul)
            weight_type=QuantType.QInt8,
            extra_options={"DefaultTensorType": TensorProto.FLOAT},
        )
        model_int8 = Path(f"{tmp}/int8.onnx").read_bytes()
    load_cpu, load_wall, _ = timed(lambda: OrtMiniLM(model, threads=1))
    with tempfile.TemporaryDirectory() as tmp:
        kernels = ort_kernel_seconds(model, calls, tmp)
    products = numpy_product_seconds(MiniLMEncoder(), calls)
    encoders: dict[str, dict[int, Any]] = {
        "numpy": {t: MiniLMEncoder() for t in args.threads},
        "ort": {t: OrtMiniLM(model, threads=t) for t in args.threads},
        "ort-int8": {t: OrtMiniLM(model_int8, threads=t) for t in args.threads},
    }
    runs: dict[str, list[tuple[float, float]]] = {}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(args.repeats):
        for work, batches in workloads.items():
            for threads in args.threads:
                for name, by_threads in encoders.items():
                    encoder = by_threads[threads]
                    with threadpool_limits(threads, user_api="blas"):
                        cpu, wall, out = timed(
                            lambda e=encoder, bs=batches: [e.encode(b) for b in bs]
                        )
                    runs.setdefault(f"{name} {work} {threads} thread(s)", []).append((cpu, wall))
                    vectors[f"{name} {work}"] = np.vstack(out)
    exact = vectors["numpy calls"]
    accuracy = {}
    for key, got in vectors.items():
        accuracy[key] = {
            "largest_vector_change": float(np.abs(got - exact).max()),
            "largest_cosine_change": float(np.abs(got @ got.T - exact @ exact.T).max()),
        }
    timings = {
        key: {
            "cpu_s_median": round(statistics.median(c for c, _ in values), 2),
            "wall_s_median": round(statistics.median(w for _, w in values), 2),
            "wall_s_best": round(min(w for _, w in values), 2),
        }
        for key, values in runs.items()
    }
    speedup = {
        f"{name} {work} {threads} thread(s)": {
            clock: round(
                timings[f"numpy {work} {threads} thread(s)"][f"{clock}_s_median"]
                / timings[f"{name} {work} {threads} thread(s)"][f"{clock}_s_median"],
                2,
            )
            for clock in ("cpu", "wall")
        }
        for name in ("ort", "ort-int8")
        for work in workloads
        for threads in args.threads
    }
    result = {
        "size": args.size,
        "texts": len(texts),
        "encode_calls": len(calls),
        "tokens": sum(len(e.ids) for e in encoders["ort"][1].tokenizer.encode_batch(texts)),
        "repeats": args.repeats,
        "onnxruntime": ort.__version__,
        "graph_build_s": {"cpu": round(build_cpu, 2), "wall": round(build_wall, 2)},
        "session_load_s": {"cpu": round(load_cpu, 2), "wall": round(load_wall, 2)},
        "calls_1_thread_where_the_time_goes": {
            "ort_kernels_s_by_operator": kernels,
            "numpy_weight_products_alone_s": products,
        },
        "seconds": timings,
        "speedup_over_numpy": speedup,
        "accuracy_vs_numpy": accuracy,
        "command": (
            f"python bench/onnx_minilm.py --size {args.size} --repeats {args.repeats}"
            f" --threads {' '.join(map(str, args.threads))}"
        ),
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
