import threading

import numpy as np
import pytest

from corroborate.annotate.nlp import annotate_doc, annotate_spans, sentence_spans, spacy_model_name
from corroborate.embed.fake import HashingEmbedder
from corroborate.model import Article
from corroborate.text import LONGEST_SENTENCE


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


def test_a_georgian_sentence_after_a_full_stop_starts_a_new_one():
    """Georgian is written without capitals, though Unicode calls its letters lower case: a
    piece after a full stop starts a sentence there, as a capital does in English."""
    first = "მერიამ ახალი ხიდი გახსნა. "
    text = first + "მანქანები მომავალ თვეში გაივლიან."
    spans = sentence_spans(text, [(0, len(first)), (len(first), len(text))])
    assert spans_text(text, spans) == [first.strip(), text[len(first) :]]


def test_white_space_is_trimmed_from_spans():
    text = "  First one.   Second one.  "
    assert spans_text(text, sentence_spans(text, [(0, 14), (14, len(text))])) == [
        "First one.",
        "Second one.",
    ]


def test_a_run_on_sentence_is_read_in_pieces_cut_at_white_space():
    # a scrape with no full stops: one "sentence" of 9,000 characters
    text = " ".join(f"word{i % 97}" for i in range(1500))
    spans = sentence_spans(text, [(0, len(text))])
    assert len(spans) > 1
    assert all(e - s <= LONGEST_SENTENCE for s, e in spans)
    assert " ".join(spans_text(text, spans)) == text  # nothing lost, no word cut
    # a sentence of news is left whole
    news = "Officials said " + "the talks, which ran late, " * 60 + "ended."
    assert len(news) < LONGEST_SENTENCE
    assert spans_text(news, sentence_spans(news, [(0, len(news))])) == [news]


def test_a_full_width_sentence_end_ends_a_sentence_the_model_read_whole():
    # Chinese or Japanese text read by a pipeline of another language: one model "sentence"
    text = "议会今天开会。专家说「审判会很快。」问题是什么？会议结束！"
    spans = sentence_spans(text, [(0, len(text))])
    assert spans_text(text, spans) == [
        "议会今天开会。",
        "专家说「审判会很快。」",
        "问题是什么？",
        "会议结束！",
    ]
    # a text with no full-width mark is left as the model read it
    latin = "Officials met. The talks ended."
    assert spans_text(latin, sentence_spans(latin, [(0, len(latin))])) == [latin]


def test_hashing_embedder_is_normalised_and_deterministic():
    vectors = HashingEmbedder().encode(
        ["The bridge closed on Friday.", "The bridge closed on Friday."]
    )
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert float(vectors[0] @ vectors[1]) == pytest.approx(1.0)


def test_spacy_model_name_prefers_explicit_then_env(monkeypatch):
    monkeypatch.setenv("CORROBORATE_SPACY_MODEL", "xx_custom")
    assert spacy_model_name() == "xx_custom"
    assert spacy_model_name("yy_other") == "yy_other"


@pytest.mark.slow
def test_real_pipeline_gives_sentences_and_entities_as_exact_spans(nlp):
    article = Article(
        "a",
        "a.txt",
        "",
        text="Mayor Ana Ruiz met Interior Minister Paul Okafor in Lisbon.\nThe bridge stays shut.",
    )
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
    a, b, c = minilm.encode(
        [
            "The minister closed the bridge after engineers found cracks.",
            "Engineers found cracks, so the minister shut the bridge.",
            "The football club signed a new striker for the season.",
        ]
    )
    assert float(a @ b) > 0.75 > float(a @ c)


def _blas_threads():
    from threadpoolctl import threadpool_info

    return max(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")


def test_background_embedding_computes_on_one_blas_thread_per_thread_while_open():
    from corroborate.engines.background import BackgroundEmbedder

    cores = _blas_threads()
    if cores < 2:
        pytest.skip("BLAS runs on one thread here anyway")
    seen = []

    class Probe:
        def encode(self, texts):
            seen.append((threading.current_thread().name, _blas_threads()))
            return np.ones((len(texts), 4), np.float32)

    with BackgroundEmbedder(Probe()) as embedder:
        embedder.prefetch(["one two three"])
        vectors = embedder.encode(["one two three", "four five six"])
    assert vectors.shape == (2, 4)
    assert {threads for _, threads in seen} == {1}
    assert _blas_threads() == cores  # restored on close


def test_the_view_of_loaded_libraries_is_made_again_only_when_a_library_was_loaded():
    import ctypes
    import ctypes.util
    import sys

    from corroborate.embed.threads import _blas_controller, _shared_objects

    if not sys.platform.startswith("linux"):
        pytest.skip("counts shared objects through glibc")
    first = _blas_controller()
    assert _blas_controller() is first  # nothing loaded since: the same view, no new scan
    for name in ("bz2", "lzma", "ffi", "expat", "uuid", "sqlite3", "ncursesw", "readline"):
        path = ctypes.util.find_library(name)
        before = _shared_objects()
        if path is None:
            continue
        ctypes.CDLL(path)
        if _shared_objects() > before:  # a library that was not loaded yet
            assert _blas_controller() is not first
            return
    pytest.skip("no spare shared library to load")


def test_background_embedding_returns_each_texts_own_vector_whoever_embedded_it():
    from corroborate.embed.fake import HashingEmbedder
    from corroborate.engines.background import BackgroundEmbedder

    texts = [f"sentence number {i} about topic {i % 7} and word{i}" for i in range(150)]
    worked = threading.Event()

    class Recording(HashingEmbedder):
        def encode(self, batch):
            if threading.current_thread().name == "embed":
                worked.set()
            return super().encode(batch)

    with BackgroundEmbedder(Recording()) as embedder:
        embedder.prefetch(texts[:100])
        assert worked.wait(10)  # the worker embeds what was added without being asked
        vectors = embedder.encode(list(reversed(texts)) + texts[:3])
    expected = HashingEmbedder().encode(list(reversed(texts)) + texts[:3])
    assert np.allclose(vectors, expected)


def test_background_embedding_raises_the_embedders_error_and_closes_cleanly():
    from corroborate.engines.background import BackgroundEmbedder

    class Broken:
        def encode(self, texts):
            raise ValueError("model exploded")

    with BackgroundEmbedder(Broken()) as embedder:
        embedder.prefetch(["one two three"])
        with pytest.raises((ValueError, RuntimeError)):
            embedder.encode(["one two three", "four five six"])
    with pytest.raises(RuntimeError):
        embedder.encode(["one"])


@pytest.mark.slow
def test_the_packaged_pipeline_tokenizes_as_its_saved_tokenizer_says():
    from corroborate.annotate.nlp import load_spacy

    nlp = load_spacy()
    saved = (nlp.path / "tokenizer").read_bytes()
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == saved


def test_the_caller_embeds_only_what_it_asks_for_and_skips_the_queue():
    import time

    from corroborate.embed.fake import HashingEmbedder
    from corroborate.engines.background import BackgroundEmbedder

    by_caller = []

    class Slow(HashingEmbedder):
        def encode(self, batch):
            if threading.current_thread().name == "embed":
                time.sleep(0.05)  # the worker is busy with speculative work
            else:
                by_caller.extend(batch)
            return super().encode(batch)

    with BackgroundEmbedder(Slow()) as embedder:
        embedder.prefetch(f"queued sentence {i}" for i in range(200))
        wanted = ["asked for first", "queued sentence 199", "asked for second"]
        vectors = embedder.encode(wanted)
    assert np.allclose(vectors, HashingEmbedder().encode(wanted))
    assert set(by_caller) <= set(wanted)


def test_a_name_given_an_age_is_a_person_whatever_the_model_said():
    text = "Not everyone agreed. Gwen Tallis, 71, a retired teacher, said she was told late."
    start = text.index("Tallis")
    article = annotate_spans(
        Article("a", "a", "", text=text),
        ([(0, 20), (21, len(text))], [(start, start + len("Tallis"), "NORP")]),
    )
    assert [(m.text, m.label) for m in article.mentions] == [("Gwen Tallis", "PERSON")]


def test_a_title_abbreviation_does_not_end_a_sentence():
    text = "Det. Supt. Alan Pryce said the unit was busy. Talks resume on Sept. 11 in Geneva."
    cuts = [0, 5, 11, text.index("Talks"), text.index("11"), len(text)]  # as a model might
    model = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False)]
    assert [text[s:e] for s, e in sentence_spans(text, model)] == [
        "Det. Supt. Alan Pryce said the unit was busy.",
        "Talks resume on Sept. 11 in Geneva.",
    ]


def test_a_piece_without_an_end_mark_is_joined_to_what_follows_on_its_line():
    text = (
        "MPs gave the Elections (Integrity and Access) Bill a third reading.\nKey facts\nIt passed."
    )
    cut = text.index("Bill")
    model = [(0, cut), (cut, text.index("\n")), (text.index("Key"), len(text))]
    assert [text[s:e] for s, e in sentence_spans(text, model)] == [
        "MPs gave the Elections (Integrity and Access) Bill a third reading.",
        "Key facts",  # a line of its own stays one
        "It passed.",
    ]
