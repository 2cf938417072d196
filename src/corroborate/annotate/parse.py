"""The dependency parse the quotes stage reads: of the stretches of an article that quote or
report speech, and of nothing else.

A parse is dear (spaCy's token vectors, then its transition parser), and attribution needs it
only around quotes and verbs of saying. So:

* :func:`stretches_to_parse` picks the runs of sentences of one paragraph that hold a quote mark
  (or lie inside a quotation), a form of a verb of saying or "according", or end with the colon
  that leads into a quote (:data:`corroborate.lang.en.SPEECH_VERBS`);
* :func:`parse_doc` parses them from the spaCy ``Doc`` made of the whole article for its
  sentences and entities: that pipeline's tagger and parser (loaded with it, never run on the
  whole text, :func:`corroborate.annotate.nlp.load_spacy`) read the token vectors the pass has
  already computed (``doc.tensor``), so only their own small layers run, and only there;
* :func:`parse_text` parses them from the text instead, for an article annotated otherwise (by
  another pipeline, or by hand in a test): the parser loads once, the first time an article
  has such a stretch.

Parts of speech come from the tagger's fine tags through the pipeline's own tag map (the
single-tag rules of its attribute ruler), lemmas from its lemmatizer for verbs and nouns only:
what the attribution rules read. A :class:`Parsed` stretch is plain data on the article (it
travels from a worker process); :meth:`Parsed.doc` makes it a spaCy ``Doc`` again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from corroborate.annotate.quote_marks import Quotation, find_quotations
from corroborate.lang import en
from corroborate.patterns import gated

__all__ = [
    "Parsed",
    "ParseTree",
    "TreeToken",
    "TreeSpan",
    "can_parse",
    "parse_doc",
    "parse_found",
    "parse_stretches",
    "parse_text",
    "stretches_to_parse",
    "token_spans",
]


@dataclass(frozen=True)
class Parsed:
    """The parse of one stretch of an article's text (``start``: where it begins).

    One entry per token, in order: ``words`` and ``spaces`` (a space after it) give the text
    back exactly; ``heads`` are token indexes within the stretch.
    """

    start: int
    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    tags: tuple[str, ...]
    pos: tuple[str, ...]
    lemmas: tuple[str, ...]
    heads: tuple[int, ...]
    deps: tuple[str, ...]

    @property
    def end(self) -> int:
        return self.start + sum(len(w) for w in self.words) + sum(self.spaces)

    def offsets(self) -> tuple[int, ...]:
        """Where each token starts in the article."""
        out = []
        at = self.start
        for word, space in zip(self.words, self.spaces, strict=True):
            out.append(at)
            at += len(word) + space
        return tuple(out)

    def doc(self) -> Any:
        """The stretch as a spaCy ``Doc`` (on a blank English vocabulary): token offsets are
        relative to ``start``."""
        from spacy.tokens import Doc

        return Doc(
            _blank_vocab(),
            words=list(self.words),
            spaces=list(self.spaces),
            tags=list(self.tags),
            pos=list(self.pos),
            lemmas=list(self.lemmas),
            heads=list(self.heads),
            deps=list(self.deps),
        )

    def tree(self) -> ParseTree:
        """The stretch as a :class:`ParseTree`: what :meth:`doc` gives, read the same way,
        without spaCy (nothing to import, no ``Doc`` to build)."""
        return ParseTree(self)


@lru_cache(maxsize=1)
def _blank_vocab() -> Any:
    from corroborate.annotate.spacy_import import import_spacy

    return import_spacy().blank("en").vocab


# --------------------------------------------------------------------------- the tree


class TreeToken:
    """One token of a :class:`ParseTree`, read as a spaCy ``Token`` is (the attributes the
    attribution rules read: text, tags, lemma, dependency and the tree around it). One object
    per token, so ``==`` is spaCy's (same document, same position)."""

    __slots__ = (
        "doc",
        "i",
        "text",
        "idx",
        "lower_",
        "tag_",
        "pos_",
        "lemma_",
        "dep_",
        "is_punct",
        "head",
        "lefts",
        "rights",
        "left_edge",
        "right_edge",
        "sent",
        "_subtree",
    )

    doc: ParseTree
    i: int
    text: str
    idx: int
    lower_: str
    tag_: str
    pos_: str
    lemma_: str
    dep_: str
    is_punct: bool
    head: TreeToken
    lefts: tuple[TreeToken, ...]
    rights: tuple[TreeToken, ...]
    left_edge: TreeToken
    right_edge: TreeToken
    sent: TreeSpan
    _subtree: tuple[TreeToken, ...]

    @property
    def children(self) -> Iterator[TreeToken]:
        yield from self.lefts
        yield from self.rights

    @property
    def subtree(self) -> tuple[TreeToken, ...]:
        """The token and its descendants, in spaCy's order (left subtrees, it, right ones);
        worked out once."""
        try:
            return self._subtree
        except AttributeError:
            pass
        out: list[TreeToken] = []
        for word in self.lefts:
            out.extend(word.subtree)
        out.append(self)
        for word in self.rights:
            out.extend(word.subtree)
        self._subtree = tuple(out)
        return self._subtree

    @property
    def ancestors(self) -> Iterator[TreeToken]:
        token = self
        for _ in range(len(self.doc)):
            if token.head is token:
                return
            token = token.head
            yield token

    def __repr__(self) -> str:
        return self.text


class TreeSpan:
    """A run of a :class:`ParseTree`'s tokens (a sentence), read as a spaCy ``Span`` is."""

    __slots__ = ("doc", "start", "end")

    def __init__(self, doc: ParseTree, start: int, end: int) -> None:
        self.doc, self.start, self.end = doc, start, end

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[TreeToken]:
        return iter(self.doc.tokens[self.start : self.end])

    def __getitem__(self, k: int | slice) -> Any:
        return self.doc.tokens[self.start : self.end][k]

    @property
    def start_char(self) -> int:
        return self.doc.tokens[self.start].idx

    @property
    def end_char(self) -> int:
        last = self.doc.tokens[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char : self.end_char]

    @property
    def root(self) -> TreeToken:
        """The sentence's root (a token that is its own head), as spaCy finds it in a
        sentence."""
        return next(t for t in self if t.head is t)


class ParseTree:
    """A :class:`Parsed` stretch as a dependency tree of :class:`TreeToken`: what
    :meth:`Parsed.doc` reads as, tokens, edges, children and sentences worked out as spaCy's
    ``Doc`` works them out from heads (``set_children_from_heads``), so every rule reads the
    same tree; without spaCy, whose import and ``Doc`` building cost more than the rules."""

    def __init__(self, parsed: Parsed) -> None:
        self.tokens: list[TreeToken] = _tokens(self, parsed)
        self.text = "".join(w + " " * s for w, s in zip(parsed.words, parsed.spaces, strict=True))
        heads = list(parsed.heads)
        left, right = _edges(heads)
        _link(self.tokens, heads, left, right)
        self.sents: list[TreeSpan] = _sentences(self, heads, parsed.deps, left)

    def release(self) -> None:
        """Break the tree's reference cycles (token and document, head and children, a
        token and its edges or subtree) once no one reads it: its memory goes back at once instead of
        waiting for a garbage collection, which would walk the whole heap."""
        for t in self.tokens:
            del t.head, t.left_edge, t.right_edge
            if hasattr(t, "_subtree"):
                del t._subtree
        self.tokens, self.sents = [], []

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[TreeToken]:
        return iter(self.tokens)

    def __getitem__(self, k: int | slice) -> Any:
        return self.tokens[k]


def _tokens(doc: ParseTree, parsed: Parsed) -> list[TreeToken]:
    """The tokens with what they say of themselves (no tree yet)."""
    out = []
    at = 0
    p = parsed
    rows = zip(p.words, p.spaces, p.tags, p.pos, p.lemmas, p.deps, strict=True)
    for k, (word, space, tag, pos, lemma, dep) in enumerate(rows):
        t = TreeToken()
        t.doc, t.i, t.text, t.idx = doc, k, word, at
        t.lower_, t.tag_, t.pos_, t.lemma_, t.dep_ = word.lower(), tag, pos, lemma, dep
        t.is_punct = _is_punct(word)
        out.append(t)
        at += len(word) + space
    return out


@lru_cache(maxsize=65536)
def _is_punct(word: str) -> bool:
    """spaCy's lexical ``is_punct``: every character is punctuation."""
    return all(unicodedata.category(c).startswith("P") for c in word)


def _edges(heads: list[int]) -> tuple[list[int], list[int]]:
    """Each token's left and right edge as spaCy sets them (``_set_lr_kids_and_edges``,
    passes repeated while a head lies outside its sentence: non-projective parses)."""
    n = len(heads)
    left, right = list(range(n)), list(range(n))
    order = [*range(n), *range(n - 1, -1, -1)]
    for _ in range(12):
        for i in order:
            h = heads[i]
            if left[i] < left[h]:
                left[h] = left[i]
            if right[i] > right[h]:
                right[h] = right[i]
        if _heads_within_sentences(heads, left):
            break
    return left, right


def _heads_within_sentences(heads: list[int], left: list[int]) -> bool:
    """spaCy's check that every head lies in its token's sentence (as the edges now say)."""
    n = len(heads)
    starts = {left[i] for i in range(n) if heads[i] == i}
    sent_start = 0
    for i in range(n):
        if (i > 0 and i in starts) or i == n - 1:
            if any(not sent_start <= heads[j] <= i for j in range(sent_start, i)):
                return False
            sent_start = i
    return True


def _link(tokens: list[TreeToken], heads: list[int], left: list[int], right: list[int]) -> None:
    """Heads, children (those within the head's edges, as spaCy reads them) and edges."""
    lefts: list[list[TreeToken]] = [[] for _ in tokens]
    rights: list[list[TreeToken]] = [[] for _ in tokens]
    for t, h in zip(tokens, heads, strict=True):
        t.head = tokens[h]
        if t.i < h and left[h] <= t.i:
            lefts[h].append(t)
        elif h < t.i <= right[h]:
            rights[h].append(t)
    for t, mine_left, mine_right in zip(tokens, lefts, rights, strict=True):
        t.lefts, t.rights = tuple(mine_left), tuple(mine_right)
        t.left_edge, t.right_edge = tokens[left[t.i]], tokens[right[t.i]]


def _sentences(
    doc: ParseTree, heads: list[int], deps: Sequence[str], left: list[int]
) -> list[TreeSpan]:
    """The sentences: each starts at a root's left edge (a root with a dependency label)."""
    starts = sorted({left[i] for i, h in enumerate(heads) if h == i and deps[i]} - {0})
    bounds = [0, *starts, len(heads)]
    sents = [TreeSpan(doc, s, e) for s, e in zip(bounds, bounds[1:], strict=False) if s < e]
    for sent in sents:
        for t in doc.tokens[sent.start : sent.end]:
            t.sent = sent
    return sents


# --------------------------------------------------------------------------- what to parse


_CUE_FORM = gated(  # searched for in every sentence
    re.compile(rf"\b(?:{'|'.join(en.SPEECH_VERBS)}|according)\b", re.IGNORECASE)
)


def stretches_to_parse(
    text: str, sentences: Sequence[tuple[int, int]], quotations: Sequence[Quotation] = ()
) -> list[tuple[int, int]]:
    """The stretches of ``text`` whose parse attribution reads: runs of consecutive
    ``sentences`` (character spans) of one paragraph where each sentence quotes (a quotation
    opens, closes or runs in it), holds a verb of saying's form or "according", or ends with a
    colon (a lead-in: "She wrote on Twitter:").

    >>> t = "It rained. “We will go,” she said.\\nNothing else."
    >>> [t[s:e] for s, e in stretches_to_parse(t, [(0, 10), (11, 34), (35, 48)])]
    ['“We will go,” she said.']
    """
    quotations = list(quotations) or find_quotations(text)
    spans = list(sentences) or _lines(text)
    wanted = _with_neighbours(text, spans, [_wanted(text, s, e, quotations) for s, e in spans])
    runs: list[tuple[int, int]] = []
    last = -2
    for k, (s, e) in enumerate(spans):
        if not wanted[k]:
            continue
        if k == last + 1 and "\n" not in text[runs[-1][1] : s]:
            runs[-1] = (runs[-1][0], e)
        else:
            runs.append((s, e))
        last = k
    return runs


def _with_neighbours(
    text: str, spans: Sequence[tuple[int, int]], wanted: Sequence[bool]
) -> list[bool]:
    """``wanted`` and the sentences that may name a quote's speaker without a verb of saying:
    the one after a sentence that ends with its quote (“…?” Lee pressed.), the one before a
    sentence that opens with a quote (Lee is unrepentant. “…”), in its paragraph or ending the
    paragraph before."""
    out = list(wanted)
    for k, (s, e) in enumerate(spans):
        if not wanted[k]:
            continue
        words = text[s:e].strip()
        if k + 1 < len(spans) and words[-1:] in _CLOSING_MARKS:
            out[k + 1] = out[k + 1] or "\n" not in text[e : spans[k + 1][0]]
        if k and words[:1] in _OPENING_MARKS:
            out[k - 1] = True
    return out


_CLOSING_MARKS = frozenset("”\"'»")
_OPENING_MARKS = frozenset("“\"'«`")


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((offset, offset + len(line)))
        offset += len(line) + 1
    return out


def _wanted(text: str, start: int, end: int, quotations: Sequence[Quotation]) -> bool:
    if any(q.open_at < end and start < q.close_at for q in quotations):  # (a few per article)
        return True
    return bool(_CUE_FORM.search(text, start, end)) or text[start:end].rstrip().endswith(":")


# --------------------------------------------------------------------------- parsing


# The components that parse: fine tags (or tags and features) and dependencies.
_PARSING: tuple[str, ...] = ("tagger", "morphologizer", "parser")
# Parts of speech whose lemma the rules read (a verb of saying, "statement", "spokesman").
_LEMMATISED = frozenset({"VERB", "AUX", "NOUN"})


def parse_doc(
    doc: Any, nlp: Any, text: str, sentences: Sequence[tuple[int, int]]
) -> list[Parsed] | None:
    """The :func:`stretches_to_parse` of ``text`` (``doc``'s) parsed by ``nlp``'s own tagger
    and parser from the token vectors ``doc`` holds (only their own small layers run), or None
    when that cannot be done (``nlp`` has no parser, or ``doc`` no token vectors: use
    :func:`parse_text`). :func:`corroborate.annotate.nlp.annotate_doc` does the same with more
    spans in the batch (:func:`token_spans`, :func:`parse_found`)."""
    if not can_parse(doc, nlp):
        return None
    return parse_found(doc, nlp, token_spans(doc, stretches_to_parse(text, sentences)))


def can_parse(doc: Any, nlp: Any) -> bool:
    """Whether :func:`parse_found` can parse stretches of ``doc`` with ``nlp``: it has a parser,
    and ``doc`` the token vectors it listens to."""
    return _component(nlp, "parser") is not None and _has_vectors(doc, nlp)


def token_spans(doc: Any, spans: Sequence[tuple[int, int]]) -> list[Any]:
    """The character ``spans`` of ``doc``'s text as spaCy spans of whole tokens (widened to
    the tokens they touch); those that hold no token are left out."""
    found = [doc.char_span(s, e, alignment_mode="expand") for s, e in spans]
    return [span for span in found if span is not None and len(span)]


def parse_found(doc: Any, nlp: Any, found: Sequence[Any]) -> list[Parsed]:
    """The :func:`token_spans` ``found`` of ``doc`` parsed from its token vectors
    (in one batch: what is parsed together costs the components' fixed work once)."""
    parsing = [c for n, c in nlp.components if n in _PARSING]
    subdocs = [_with_vectors(span) for span in found]
    for component in parsing:
        subdocs = list(component.pipe(subdocs, batch_size=64))
    return [_parsed(d, span.start_char, nlp) for d, span in zip(subdocs, found, strict=True)]


def _with_vectors(span: Any) -> Any:
    """A new Doc of ``span``'s words with their token vectors (no sentence boundaries: the
    parser finds them, as on text of its own)."""
    from spacy.tokens import Doc

    words = [t.text for t in span]
    spaces = [bool(t.whitespace_) for t in span[:-1]] + [False]  # it ends at its last word
    doc = Doc(span.doc.vocab, words=words, spaces=spaces)
    doc.tensor = span.doc.tensor[span.start : span.end]
    return doc


def _component(nlp: Any, name: str) -> Any | None:
    """``nlp``'s component ``name``, run by ``nlp.pipe`` or only loaded (disabled), or None."""
    return next((c for n, c in nlp.components if n == name), None)


def _has_vectors(doc: Any, nlp: Any) -> bool:
    """Whether ``doc`` carries the token vectors ``nlp``'s parser listens to."""
    tok2vec = _component(nlp, "tok2vec")
    if tok2vec is None or doc.tensor is None or not len(doc):
        return False
    width = tok2vec.model.get_dim("nO")
    return tuple(doc.tensor.shape) == (len(doc), width)


def parse_text(
    text: str, sentences: Sequence[tuple[int, int]], load: Callable[[], Any]
) -> list[Parsed]:
    """The :func:`stretches_to_parse` of ``text`` parsed from scratch (:func:`parse_stretches`).
    The pipeline (``load()``, e.g. :func:`corroborate.annotate.nlp.load_spacy`) is asked for
    only when there is something to parse."""
    stretches = stretches_to_parse(text, sentences)
    return parse_stretches(load(), text, stretches) if stretches else []


def parse_stretches(nlp: Any, text: str, stretches: Sequence[tuple[int, int]]) -> list[Parsed]:
    """The ``stretches`` of ``text`` parsed from scratch by ``nlp`` (loaded with its tagger
    and parser, enabled or not), in one batch: token vectors, tags and dependencies only.
    Without a parser, nothing is parsed (an empty list)."""
    if not stretches or _component(nlp, "parser") is None:
        return []
    docs = [nlp.make_doc(text[s:e]) for s, e in stretches]
    for name in _VECTORS + _PARSING:
        component = _component(nlp, name)
        if component is not None:
            docs = list(component.pipe(docs, batch_size=64))
    return [_parsed(d, s, nlp) for d, (s, _) in zip(docs, stretches, strict=True)]


# The components that compute token vectors, which the parsing ones listen to.
_VECTORS: tuple[str, ...] = ("tok2vec", "transformer")


def _parsed(doc: Any, start: int, nlp: Any) -> Parsed:
    """A parsed ``doc`` (the stretch at ``start``) as plain data, parts of speech and lemmas
    worked out as the module doc says. The tokens' attributes are read as one array of string
    ids (``Doc.to_array``), not token by token: a spaCy ``Token`` is made only for a word whose
    lemma is not known yet."""
    features = _tag_features(nlp)
    words = _word_rules(nlp)
    lemmas = _lemmas(nlp)
    strings = doc.vocab.strings
    n = len(doc)
    if not n:
        return Parsed(start, (), (), (), (), (), (), ())
    array = doc.to_array(_columns())
    columns = array.T.tolist()
    texts, lowers, tags, deps = (
        [strings[h] for h in column] for column in (columns[0], columns[1], columns[2], columns[5])
    )
    # a part of speech set by the parsing components (a morphologizer; the tagger sets none)
    tagged = [doc[i].pos_ if p else "" for i, p in enumerate(columns[3])]
    ruled = [
        words.get((lower, tag)) or words.get((lower, ""))
        for lower, tag in zip(lowers, tags, strict=True)
    ]
    pos = [
        own or (rule or {}).get("POS") or features.get(tag, ("X", ""))[0]
        for own, tag, rule in zip(tagged, tags, ruled, strict=True)
    ]
    known = lemmas.known
    lemma = []
    for i in range(n):
        rule, p = ruled[i], pos[i]
        if rule and "LEMMA" in rule:
            lemma.append(rule["LEMMA"])
        elif p in _LEMMATISED:
            found = known.get((texts[i], tags[i]))
            lemma.append(found if found is not None else lemmas(doc[i], p, features))
        else:
            lemma.append(lowers[i])
    heads = array[:, 4].astype("int64") + range(n)
    return Parsed(
        start,
        tuple(texts),
        tuple(bool(space) for space in columns[6]),
        tuple(tags),
        tuple(pos),
        tuple(lemma),
        tuple(int(h) for h in heads),
        tuple(deps),
    )


@lru_cache(maxsize=1)
def _columns() -> tuple[int, ...]:
    """The token attributes :func:`_parsed` reads, as ``Doc.to_array`` columns."""
    from spacy.attrs import DEP, HEAD, LOWER, ORTH, POS, SPACY, TAG

    return (ORTH, LOWER, TAG, POS, HEAD, DEP, SPACY)


_FEATURES: dict[int, dict[str, tuple[str, str]]] = {}


def _tag_features(nlp: Any) -> dict[str, tuple[str, str]]:
    """Fine tag -> (part of speech, features): the pipeline's tag map, i.e. the rules of its
    attribute ruler that look at the tag alone (``NNP`` -> ``PROPN``, ``Number=Sing``)."""
    key = id(nlp)
    if key not in _FEATURES:
        table: dict[str, tuple[str, str]] = {}
        ruler = _component(nlp, "attribute_ruler")
        for rule in ruler.patterns if ruler is not None else ():
            patterns, attrs = rule["patterns"], rule["attrs"]
            if "POS" in attrs and all(len(p) == 1 and set(p[0]) == {"TAG"} for p in patterns):
                for p in patterns:
                    table[p[0]["TAG"]] = (attrs["POS"], attrs.get("MORPH", ""))
        _FEATURES[key] = table
    return _FEATURES[key]


_WORDS: dict[int, dict[tuple[str, str], dict[str, str]]] = {}


def _word_rules(nlp: Any) -> dict[tuple[str, str], dict[str, str]]:
    """(lower-cased word, fine tag or "") -> the part of speech and lemma the pipeline's
    attribute ruler gives that one word ("are"/VBP -> AUX, "be"; "me"/PRP -> PRON, "I"): the
    lemmatizer's rules would take "are" for a base form."""
    key = id(nlp)
    if key not in _WORDS:
        table: dict[tuple[str, str], dict[str, str]] = {}
        ruler = _component(nlp, "attribute_ruler")
        for rule in ruler.patterns if ruler is not None else ():
            attrs = {k: v for k, v in rule["attrs"].items() if k in ("POS", "LEMMA")}
            for p in rule["patterns"] if attrs else ():
                if len(p) == 1 and "LOWER" in p[0] and set(p[0]) <= {"LOWER", "TAG"}:
                    for word in _values(p[0]["LOWER"]):
                        for tag in _values(p[0].get("TAG", "")):
                            table[(word, tag)] = attrs
        _WORDS[key] = table
    return _WORDS[key]


def _values(value: Any) -> list[str]:
    """The strings a token pattern's value matches: itself, or those of ``{"IN": [...]}``."""
    if isinstance(value, str):
        return [value]
    return [v for v in value.get("IN", ()) if isinstance(v, str)] if isinstance(value, dict) else []


class _Lemmas:
    """A verb's or a noun's lemma by ``nlp``'s lemmatizer, once per word form and tag (its
    lower-cased form without one)."""

    def __init__(self, lemmatizer: Any | None) -> None:
        self.lemmatizer = _quick(lemmatizer) if lemmatizer is not None else None
        self.known: dict[tuple[str, str], str] = {}

    def __call__(self, token: Any, pos: str, features: dict[str, tuple[str, str]]) -> str:
        key = (token.text, token.tag_)
        if key not in self.known:
            self.known[key] = self._lemma(token, pos, features)
        return self.known[key]

    def _lemma(self, token: Any, pos: str, features: dict[str, tuple[str, str]]) -> str:
        if self.lemmatizer is None:
            return str(token.lower_)
        if not token.pos_:
            token.pos_ = pos
            morph = features.get(token.tag_, ("", ""))[1]
            if morph and morph != "_":
                token.set_morph(morph)
        return str(self.lemmatizer.lemmatize(token)[0])


def _quick(lemmatizer: Any) -> Any:
    """A copy of a rule-based lemmatizer whose word index is a set: spaCy keeps it as lists of
    tens of thousands of words, so each inflected word it has not seen costs a scan of them."""
    if getattr(lemmatizer, "mode", None) != "rule":
        return lemmatizer
    from spacy.lookups import Lookups

    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        quick = name == "lemma_index"
        lookups.add_table(name, {k: set(v) if quick else v for k, v in table.items()})
    copy = type(lemmatizer)(lemmatizer.vocab, None, lemmatizer.name, mode="rule")
    copy.initialize(lookups=lookups)
    return copy


_LEMMAS: dict[int, _Lemmas] = {}


def _lemmas(nlp: Any) -> _Lemmas:
    key = id(nlp)
    if key not in _LEMMAS:
        _LEMMAS[key] = _Lemmas(_component(nlp, "lemmatizer"))
    return _LEMMAS[key]
