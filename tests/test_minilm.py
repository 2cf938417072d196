import json
import os
import subprocess
import sys

import numpy as np
import pytest

SENTENCES = [
    "Engineers closed the harbour bridge on Friday after finding cracks.",
    "“We will reopen it,” the mayor said.",
    "Short.",
    "Inés Martínez-Solano pledged €180 million — about US$195 million — for repairs to the 1,200-metre span.",
    " ".join(["A very long sentence that goes on and on past the truncation limit."] * 12),
]


@pytest.mark.slow
def test_lean_encoder_matches_sentence_transformers():
    from sentence_transformers import SentenceTransformer

    from corroborate.embed.minilm import MiniLMEncoder, packaged_model_dir

    lean = MiniLMEncoder(max_seq_length=64).encode(SENTENCES)
    reference = SentenceTransformer(str(packaged_model_dir()), device="cpu")
    reference.max_seq_length = 64
    expected = reference.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True)
    assert lean.dtype == np.float32
    assert lean.shape == (len(SENTENCES), 384)
    assert np.abs(lean - expected).max() < 1e-5
    assert np.allclose(np.linalg.norm(lean, axis=1), 1.0, atol=1e-6)


@pytest.mark.slow
def test_lean_encoder_keeps_input_order_and_handles_empty_input():
    from corroborate.embed.minilm import MiniLMEncoder

    encoder = MiniLMEncoder(batch_size=2)
    one_by_one = np.vstack([encoder.encode([s]) for s in SENTENCES])
    assert np.allclose(encoder.encode(SENTENCES), one_by_one, atol=1e-5)
    assert encoder.encode([]).shape == (0, 384)


def _bfloat16_or_skip():
    from corroborate.embed.minilm import bfloat16_is_fast

    if not bfloat16_is_fast():
        pytest.skip("no bfloat16 matrix products in hardware here")


@pytest.mark.slow
def test_bfloat16_encoder_stays_close_to_float32_and_never_depends_on_its_batch():
    from corroborate.embed.minilm import MiniLMEncoder

    _bfloat16_or_skip()
    texts = SENTENCES + [
        f"Officials counted {n} ballots in district {n % 7} on Tuesday." for n in range(40)
    ]
    exact = MiniLMEncoder().encode(texts)
    fast = MiniLMEncoder(precision="bfloat16")
    vectors = fast.encode(texts)
    assert vectors.dtype == np.float32 and vectors.shape == exact.shape
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.abs(vectors @ vectors.T - exact @ exact.T).max() < 0.006
    # A text's vector is the same whatever else is embedded with it (order, batch size).
    alone = np.vstack([fast.encode([t]) for t in texts[:8]])
    assert np.array_equal(alone, vectors[:8])
    assert np.array_equal(fast.encode(texts[::-1])[::-1], vectors)


def test_unknown_precision_is_refused():
    from corroborate.embed.minilm import MiniLMEncoder

    with pytest.raises(ValueError, match="precision"):
        MiniLMEncoder(precision="float16")


def test_gelu_is_the_exact_erf_gelu():
    from scipy.special import erf

    from corroborate.embed.minilm import _gelu_scaled

    # More rows than one block, and a partial last block.
    x = np.random.default_rng(0).normal(0.0, 3.0, (70, 1536)).astype(np.float32)
    x[0, :6] = [0.0, -0.0, 1e-30, -1e-30, 40.0, -40.0]
    z = x / np.float32(np.sqrt(2.0))
    _gelu_scaled(z)  # in place: sqrt(2) * GELU(x)
    got = z.astype(np.float64) / np.sqrt(2.0)
    x64 = x.astype(np.float64)
    expected = 0.5 * x64 * (1.0 + erf(x64 / np.sqrt(2.0)))
    assert np.all(np.isfinite(got))
    assert np.abs(got - expected).max() < 1e-6 * max(1.0, np.abs(x64).max() / 4)
    assert np.abs(got - expected)[np.abs(x64) < 4].max() < 1e-6


def _python(code: str) -> dict:
    """Run ``code`` in a fresh interpreter (nothing imported yet); it prints one JSON line."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importing_corroborate_changes_nothing_and_loading_spacy_does_not_import_torch():
    result = _python(
        "import json, sys\n"
        "finders = list(sys.meta_path)\n"
        "import corroborate.cli, corroborate.pipeline, corroborate.embed.minilm\n"
        "untouched = sys.meta_path == finders and 'spacy' not in sys.modules\n"
        "from corroborate.annotate.nlp import load_spacy\n"
        "load_spacy()\n"
        "import thinc.api, thinc.compat\n"
        "print(json.dumps({'untouched': untouched, 'torch': 'torch' in sys.modules,\n"
        "                  'spacy': 'spacy' in sys.modules, 'hooks_left': sys.meta_path != finders,\n"
        "                  'thinc_has_torch': thinc.compat.has_torch}))\n"
    )
    # 'torch' absent also means the temporary None entry was removed again.
    assert result == {
        "untouched": True,
        "torch": False,
        "spacy": True,
        "hooks_left": False,
        "thinc_has_torch": False,
    }


@pytest.mark.slow
def test_torch_imported_before_corroborate_is_left_to_thinc():
    result = _python(
        "import json, sys\n"
        "import torch\n"
        "from corroborate.annotate.spacy_import import import_spacy\n"
        "import_spacy()\n"
        "import thinc.compat\n"
        "print(json.dumps({'thinc_has_torch': thinc.compat.has_torch,\n"
        "                  'hooked': any(getattr(f, '__name__', '') == '_ThincWithoutTorch'\n"
        "                                for f in sys.meta_path)}))\n"
    )
    assert result == {"thinc_has_torch": True, "hooked": False}


@pytest.mark.slow
def test_default_brief_never_imports_torch_yet_torch_still_imports_after():
    from tests.conftest import EXAMPLE

    result = _python(
        "import json, sys\n"
        "from corroborate.annotate.nlp import load_spacy\n"
        "from corroborate.embed import load_embedder\n"
        "from corroborate.pipeline import build_brief\n"
        f"brief = build_brief([{str(EXAMPLE)!r}], nlp=load_spacy(), embedder=load_embedder())\n"
        "before = 'torch' in sys.modules\n"
        "import torch\n"
        "print(json.dumps({'torch_during_brief': before, 'stories': len(brief.stories),\n"
        "                  'torch_works': float(torch.ones(3).sum()) == 3.0}))\n"
    )
    assert result["torch_during_brief"] is False
    assert result["stories"] >= 1
    assert result["torch_works"] is True


def test_spacy_imports_without_its_command_line_which_still_loads_on_demand():
    result = _python(
        "import json, sys\n"
        "from corroborate.annotate.spacy_import import import_spacy\n"
        "spacy = import_spacy()\n"
        "light = not any(m in sys.modules for m in ('spacy.cli', 'requests', 'weasel'))\n"
        "nlp = spacy.blank('en')\n"
        "info = spacy.info()\n"
        "from spacy.cli import download, setup_cli\n"
        "import spacy.cli.info\n"
        "print(json.dumps({'light': light, 'tokens': len(nlp('It works.')),\n"
        "                  'info': 'spacy_version' in info, 'download': callable(download),\n"
        "                  'info_cli': hasattr(sys.modules['spacy.cli.info'], 'info_cli')}))\n"
    )
    assert result == {"light": True, "tokens": 3, "info": True, "download": True, "info_cli": True}


def test_softmax_shifted_once_is_the_row_by_row_softmax_even_for_rows_far_below():
    from corroborate.embed.minilm import _softmax

    rng = np.random.default_rng(1)
    scores = rng.normal(0.0, 4.0, (2, 3, 5, 7)).astype(np.float32)
    scores[0, 0, 0, 3:] = np.finfo(np.float32).min  # masked keys
    for far in (0.0, -200.0):  # -200: exp underflows for that row unless shifted by its own max
        x = scores.copy()
        x[1, 2, 4] += far
        expected = np.exp(x.astype(np.float64) - x.max(-1, keepdims=True))
        expected /= expected.sum(-1, keepdims=True)
        _softmax(x)
        assert np.abs(x - expected).max() < 1e-6
