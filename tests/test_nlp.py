import numpy as np
import pytest

from corroborate.model import Article
from corroborate.nlp import HashingEmbedder, annotate_doc, sentence_spans, spacy_model_name


def spans_text(text, spans):
    return [text[s:e] for s, e in spans]


def test_sentences_never_cross_a_line_break():
    text = "Officials met on Friday\nThe talks ended late."
    assert spans_text(text, sentence_spans(text, [(0, len(text))])) == [
        "Officials met on Friday",
        "The talks ended late.",
    ]


@pytest.mark.parametrize(
    "text, cut",
    [
        ("We made progress since this [first] meeting began.", "We made progress since this ["),
        ("Prices rose 4 % in May, officials said.", "Prices rose 4 "),
        ("He said it was “very good” and left.", "He said it was “very good"),
    ],
)
def test_a_sentence_broken_mid_way_by_the_model_is_mended(text, cut):
    spans = sentence_spans(text, [(0, len(cut)), (len(cut), len(text))])
    assert spans_text(text, spans) == [text]


def test_white_space_is_trimmed_from_spans():
    text = "  First one.   Second one.  "
    assert spans_text(text, sentence_spans(text, [(0, 14), (14, len(text))])) == [
        "First one.",
        "Second one.",
    ]


def test_hashing_embedder_is_normalised_and_deterministic():
    vectors = HashingEmbedder().encode(["The bridge closed on Friday.", "The bridge closed on Friday."])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert float(vectors[0] @ vectors[1]) == pytest.approx(1.0)


def test_spacy_model_name_prefers_explicit_then_env(monkeypatch):
    monkeypatch.setenv("CORROBORATE_SPACY_MODEL", "xx_custom")
    assert spacy_model_name() == "xx_custom"
    assert spacy_model_name("yy_other") == "yy_other"


@pytest.mark.slow
def test_real_pipeline_gives_sentences_and_entities_as_exact_spans(nlp):
    article = Article("a", "a.txt", "", text="Mayor Ana Ruiz met Interior Minister Paul Okafor in Lisbon.\nThe bridge stays shut.")
    annotate_doc(article, nlp(article.text))
    assert [s.text for s in article.sentences] == [
        "Mayor Ana Ruiz met Interior Minister Paul Okafor in Lisbon.",
        "The bridge stays shut.",
    ]
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text
    names = {m.text for m in article.mentions}
    assert {"Paul Okafor", "Lisbon"} <= names
    assert all(article.text[m.start : m.end] == m.text for m in article.mentions)


@pytest.mark.slow
def test_minilm_scores_a_paraphrase_above_an_unrelated_sentence(minilm):
    a, b, c = minilm.encode([
        "The minister closed the bridge after engineers found cracks.",
        "Engineers found cracks, so the minister shut the bridge.",
        "The football club signed a new striker for the season.",
    ])
    assert float(a @ b) > 0.75 > float(a @ c)


def _blas_threads():
    from threadpoolctl import threadpool_info

    return max(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")


def test_background_embedding_runs_blas_on_one_thread_and_the_final_encode_on_all():
    from corroborate.model import Sentence
    from corroborate.nlp import BackgroundEmbedder

    cores = _blas_threads()
    if cores < 2:
        pytest.skip("BLAS runs on one thread here anyway")
    seen = []

    class Probe:
        def encode(self, texts):
            seen.append(_blas_threads())
            return np.ones((len(texts), 4), np.float32)

    embedder = BackgroundEmbedder(Probe(), min_words=1)
    article = Article("a", "a.txt", "", text="one two three")
    article.sentences = [Sentence("a", 0, 0, 13, "one two three")]
    embedder.add(article)
    embedder._pool.submit(lambda: None).result()  # the background work is done
    vectors = embedder.encode(["one two three", "four five six"])
    assert vectors.shape == (2, 4)
    assert seen == [1, cores]
    assert _blas_threads() == cores
