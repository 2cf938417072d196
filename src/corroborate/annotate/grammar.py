"""The grammar of a few sentences: which verb a date or a commitment hangs on, its tense and
modality, and its subject.

spaCy's parser is on disk with the packaged English model but :func:`corroborate.annotate.nlp.
load_spacy` leaves it out: parsing every sentence would double the cost of reading an article.
Only the sentences that need it are parsed (:func:`parse_sentences`): those with a date whose
side of the article's date the tense decides ("opens Wednesday", "met on Wednesday") and those
that may state a commitment ("will visit", "agreed to"). Each parse is kept on the article
(``Article.parses``: sentence index -> its :class:`Word` tuple), as plain data, so the stages
that read it stay pure functions of the article.

>>> parses = parse_sentences(article, [3])                   # doctest: +SKIP
>>> verb_time(parses[3], governing_verb(parses[3], 5)[0])    # doctest: +SKIP
'future'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from corroborate.lang import en
from corroborate.model import Article

__all__ = [
    "Parse",
    "Word",
    "governing_verb",
    "load_parser",
    "parse_sentences",
    "subject_of",
    "verb_time",
    "words_in",
]


@dataclass(frozen=True, slots=True)
class Word:
    """A token of a parsed sentence: its span in ``Article.text``, Penn Treebank tag, lemma,
    dependency label and head (an index into the sentence's words; the root is its own head).
    """

    start: int
    end: int
    text: str
    tag: str
    lemma: str
    dep: str
    head: int


Parse = tuple[Word, ...]

# What a parse needs: the tagger, the parser and the rules that give lemmas.
_NOT_NEEDED = ("ner", "senter")


@lru_cache(maxsize=2)
def load_parser(name: str | None = None) -> Any | None:
    """The English pipeline with its tagger and parser (named as in :func:`corroborate.annotate.
    nlp.spacy_model_name`), once per process; None when that pipeline has no parser (the
    stages then read tense from the words alone)."""
    from corroborate.annotate.nlp import spacy_model_name
    from corroborate.annotate.spacy_import import import_spacy

    spacy = import_spacy()
    nlp = spacy.load(spacy_model_name(name), exclude=list(_NOT_NEEDED))
    return nlp if nlp.has_pipe("parser") and nlp.has_pipe("tagger") else None


def parse_sentences(
    article: Article, indexes: Iterable[int], parser: Any | None = None
) -> dict[int, Parse]:
    """The parses of the article's sentences at ``indexes`` (English articles only; an empty
    dict when no parser is available).

    Args:
        article: an article whose ``sentences`` are known.
        indexes: which sentences to parse.
        parser: a loaded spaCy pipeline with tagger and parser (default: :func:`load_parser`).
    """
    if article.language != "en":
        return {}
    wanted = sorted({i for i in indexes if 0 <= i < len(article.sentences)})
    if not wanted:
        return {}
    parser = parser if parser is not None else load_parser()
    if parser is None:
        return {}
    sentences = [article.sentences[i] for i in wanted]
    docs = parser.pipe(s.text for s in sentences)
    return {
        s.index: tuple(
            Word(
                s.start + t.idx,
                s.start + t.idx + len(t),
                t.text,
                t.tag_,
                t.lemma_.lower(),
                t.dep_,
                t.head.i,
            )
            for t in doc
        )
        for s, doc in zip(sentences, docs, strict=True)
    }


def words_in(parse: Parse, start: int, end: int) -> list[int]:
    """Indexes of the words overlapping the characters ``[start, end)``."""
    return [i for i, w in enumerate(parse) if w.start < end and start < w.end]


def span_root(parse: Parse, indexes: Sequence[int]) -> int:
    """The word of ``indexes`` whose head lies outside them (the first one if none does)."""
    inside = set(indexes)
    return next(
        (i for i in indexes if parse[i].head not in inside or parse[i].head == i), indexes[0]
    )


def is_verb(word: Word) -> bool:
    """A verb or an auxiliary standing as one (Penn tags VB*, MD)."""
    return word.tag.startswith("VB") or word.tag == "MD"


def governing_verb(parse: Parse, index: int) -> tuple[int | None, list[str]]:
    """The verb that word ``index`` hangs on, walking up the tree through nouns and
    prepositions ("Friday" in "a rally slated for Friday" -> "slated"), and the prepositions
    passed on the way, nearest first. ``(None, ...)`` when no verb governs it."""
    prepositions: list[str] = []
    seen = set()
    current = index
    while current not in seen:
        seen.add(current)
        word = parse[current]
        if current != index and is_verb(word) and word.dep != "prep":
            return current, prepositions
        if word.dep == "prep" or (word.tag in ("IN", "TO", "RB") and word.dep in _LINKS):
            prepositions.append(word.lemma)  # "according" (to) is a preposition, not a verb
        current = word.head
    return None, prepositions


_LINKS = ("prep", "advmod", "mark")


def _auxiliaries(parse: Parse, verb: int) -> list[Word]:
    return [w for w in parse if w.head == verb and w.dep in ("aux", "auxpass") and parse[verb] != w]


def verb_time(parse: Parse, verb: int) -> str:
    """When a verb places its happening: ``future`` ("will meet", "is going to meet"),
    ``modal`` ("could be exhausted", "would stay"; "would have" is ``past``), ``past`` ("met",
    "has met", "was postponed", "agreement reached"), ``present`` ("opens", "is", "are
    counting"); an infinitive or a participle clause takes the time of the verb it depends on,
    ahead of a verb that looks ahead ("expect ... to win", "plans to visit")."""
    word = parse[verb]
    auxiliaries = _auxiliaries(parse, verb)
    lemmas = [a.lemma for a in auxiliaries]
    if any(lemma in en.FUTURE_AUXILIARIES for lemma in lemmas) or _going_to(parse, verb):
        return "future"
    modal = [a for a in auxiliaries if a.tag == "MD"]
    if modal:
        return "past" if "have" in lemmas else "modal"
    if any(a.tag == "VBD" for a in auxiliaries) or word.tag == "VBD":
        return "past"
    if word.tag == "VBN":
        looks_ahead = word.text.lower() in en.LOOKING_AHEAD_PARTICIPLES
        if looks_ahead and not any(a.tag == "VBD" for a in auxiliaries):
            return "future"  # "a rally slated for Wednesday", "talks set for Friday"
        return "present" if any(a.lemma == "be" for a in auxiliaries) else "past"
    if word.tag in ("VBZ", "VBP") or any(a.tag in ("VBZ", "VBP") for a in auxiliaries):
        return "present"
    if word.tag in ("VB", "VBG") and word.head != verb:
        return _dependent_time(parse, verb)
    return "unknown"


def _going_to(parse: Parse, verb: int) -> bool:
    """ "is going to meet": the verb's head is "going" with an auxiliary "be"."""
    head = parse[verb].head
    return (
        head != verb
        and parse[head].lemma == "go"
        and parse[head].tag == "VBG"
        and any(a.lemma == "be" for a in _auxiliaries(parse, head))
    )


def _dependent_time(parse: Parse, verb: int) -> str:
    """The time of an infinitive or a participle: that of the verb it hangs on; ahead when
    that verb looks ahead, unless it is told in the past ("was expected to")."""
    adjective = parse[parse[verb].head]
    if adjective.tag == "JJ" and adjective.lemma in en.LOOKING_AHEAD_ADJECTIVES:
        return "future"  # "the candidate likely to compete in the November election"
    head, _ = governing_verb(parse, verb)
    if head is None:
        return "unknown"
    time = verb_time(parse, head)
    if parse[head].lemma in en.LOOKING_AHEAD_VERBS and parse[verb].tag == "VB":
        # a plan told in the past has had its day ("had been expected to approve it")
        return "past" if time == "past" else "future"
    return time


def subject_of(parse: Parse, verb: int) -> list[int]:
    """The words of the verb's grammatical subject (its ``nsubj``/``nsubjpass`` and what hangs
    on it, relative clauses and prepositional phrases left out); for an infinitive, a participle or a
    conjoined verb without its own subject, the subject of the verb it depends on."""
    seen = set()
    while verb not in seen:
        seen.add(verb)
        subjects = [i for i, w in enumerate(parse) if w.head == verb and w.dep in _SUBJECTS]
        if subjects:
            return sorted(j for s in subjects for j in subtree(parse, s, NOT_SUBJECT))
        word = parse[verb]
        if word.head == verb or word.dep not in _INHERITS_SUBJECT:
            return []
        verb = word.head
    return []


_SUBJECTS = ("nsubj", "nsubjpass")
NOT_SUBJECT = frozenset({"relcl", "acl", "punct", "prep"})
# A verb that shares the subject of its head: "agreed to hold" (xcomp), "met and agreed" (conj).
_INHERITS_SUBJECT = frozenset({"xcomp", "conj", "advcl"})


def subtree(parse: Parse, root: int, cut: frozenset[str]) -> list[int]:
    """The word and everything under it, except under dependants labelled ``cut``."""
    out, stack = [], [root]
    while stack:
        i = stack.pop()
        out.append(i)
        stack.extend(j for j, w in enumerate(parse) if w.head == i and j != i and w.dep not in cut)
    return out
