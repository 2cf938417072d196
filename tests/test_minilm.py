import numpy as np
import pytest

pytestmark = pytest.mark.slow

SENTENCES = [
    "Engineers closed the harbour bridge on Friday after finding cracks.",
    "“We will reopen it,” the mayor said.",
    "Short.",
    "Inés Martínez-Solano pledged €180 million — about US$195 million — for repairs to the 1,200-metre span.",
    " ".join(["A very long sentence that goes on and on past the truncation limit."] * 12),
]


def test_lean_encoder_matches_sentence_transformers():
    from sentence_transformers import SentenceTransformer

    from corroborate.minilm import MiniLMEncoder, packaged_model_dir

    lean = MiniLMEncoder(max_seq_length=64).encode(SENTENCES)
    reference = SentenceTransformer(str(packaged_model_dir()), device="cpu")
    reference.max_seq_length = 64
    expected = reference.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True)
    assert lean.shape == (len(SENTENCES), 384)
    assert np.abs(lean - expected).max() < 1e-5


def test_lean_encoder_keeps_input_order_and_handles_empty_input():
    from corroborate.minilm import MiniLMEncoder

    encoder = MiniLMEncoder(batch_size=2)
    one_by_one = np.vstack([encoder.encode([s]) for s in SENTENCES])
    assert np.allclose(encoder.encode(SENTENCES), one_by_one, atol=1e-5)
    assert encoder.encode([]).shape == (0, 384)
