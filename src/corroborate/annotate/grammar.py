"""The grammar of a few sentences: which verb a date or a commitment hangs on, its tense and
modality, and its subject.

spaCy's tagger and parser load with the English pipeline (:func:`corroborate.annotate.nlp.
load_spacy`) but do not run on the whole text: parsing every sentence would double the cost of
reading an article. Only the sentences that need it are parsed (:func:`parse_sentences`, the
quotes' parse reused where it covers them): those with a date whose
side of the article's date the tense decides ("opens Wednesday", "met on Wednesday") and those
that may state a commitment ("will visit", "agreed to"), and those that may tell a sum given,
whose giver the figures read ("the city will add €20 million"). Each parse is kept on the article
(``Article.parses``: sentence index -> its :class:`Word` tuple), as plain data, so the stages
that read it stay pure functions of the article.

>>> parses = parse_sentences(article, [3])                   # doctest: +SKIP
>>> verb_time(parses[3], governing_verb(parses[3], 5)[0])    # doctest: +SKIP
'future'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from corroborate.annotate.nlp import load_spacy
from corroborate.annotate.parse import Parsed, parse_stretches
from corroborate.lang import en
from corroborate.model import Article

__all__ = [
    "Parse",
    "Word",
    "dated_phrase",
    "governing_verb",
    "parse_sentences",
    "parse_spans_of",
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


def parse_sentences(
    article: Article, indexes: Iterable[int], parser: Any | None = None
) -> dict[int, Parse]:
    """The parses of the article's sentences at ``indexes`` (English articles only; an empty
    dict when no parser is available).

    A sentence inside a stretch that spaCy's pass already parsed for the quotes
    (``article.parsed``, :mod:`corroborate.annotate.parse`) or for this stage
    (``article.parsed_alone``) is read from it; the others are
    parsed alone, in one batch, by the same pipeline (:func:`corroborate.annotate.parse.
    parse_stretches`): one model in memory, one way to parse.

    Args:
        article: an article whose ``sentences`` are known.
        indexes: which sentences to parse.
        parser: a loaded spaCy pipeline with its tagger and parser, enabled or not (default:
            :func:`corroborate.annotate.nlp.load_spacy`'s).
    """
    if article.language != "en":
        return {}
    sentences = [
        article.sentences[i] for i in sorted(set(indexes)) if 0 <= i < len(article.sentences)
    ]
    found: dict[int, Parse] = {}
    for stretch in [*(article.parsed or ()), *article.parsed_alone]:
        stretch_end = stretch.end  # a sum over the stretch's words: once, not per sentence
        for s in sentences:
            if stretch.start <= s.start and s.end <= stretch_end:
                found[s.index] = _words(stretch, s.start, s.end)
    missing = [s for s in sentences if s.index not in found]
    if missing:
        spans = [(s.start, s.end) for s in missing]
        for s, words in zip(missing, parse_spans_of(article.text, spans, parser), strict=False):
            found[s.index] = words
    return {i: words for i, words in sorted(found.items()) if words}


def parse_spans_of(
    text: str, spans: Sequence[tuple[int, int]], parser: Any | None = None
) -> list[Parse]:
    """The parses of the sentences of ``text`` at ``spans`` (character spans), each parsed
    alone from its text, in one batch (:func:`corroborate.annotate.parse.parse_stretches`; an
    empty list when the pipeline has no parser). ``parser``: as for :func:`parse_sentences`."""
    if not spans:
        return []
    nlp = parser if parser is not None else load_spacy()
    return [
        _words(stretch, s, e)
        for (s, e), stretch in zip(spans, parse_stretches(nlp, text, spans), strict=False)
    ]


def _words(stretch: Parsed, start: int, end: int) -> Parse:
    """The words of a parsed stretch that lie in ``[start, end)`` (a sentence of it); a word
    whose head lies outside is a root of its own."""
    offsets = stretch.offsets()
    inside = [i for i, at in enumerate(offsets) if start <= at < end]
    if not inside:
        return ()
    first, kept = inside[0], set(inside)
    words = []
    for i in inside:
        head = stretch.heads[i]
        rooted = head not in kept
        words.append(
            Word(
                offsets[i],
                offsets[i] + len(stretch.words[i]),
                stretch.words[i],
                stretch.tags[i],
                stretch.lemmas[i].lower(),
                "ROOT" if rooted else stretch.deps[i],
                (i if rooted else head) - first,
            )
        )
    return tuple(words)


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

# Edges that end a clause of the sentence's own: a date below them dates that clause's verb.
_CLAUSE_EDGES = frozenset({"ROOT", "ccomp", "advcl", "conj", "xcomp", "parataxis", "csubj"})
# Edges from a date to the noun it modifies ("Tuesday's primary", "the November election").
_NOUN_MODIFIERS = frozenset({"compound", "nmod", "poss", "amod", "npadvmod"})
# Edges from a noun to a clause that describes it: "commitments made on December 27", "Nancy
# Reagan, who died Sunday".
_NOUN_CLAUSES = frozenset({"acl", "relcl"})


def dated_phrase(parse: Parse, start: int, end: int) -> tuple[int, int] | None:
    """The characters of the noun phrase whose clause the date at ``[start, end)`` dates, when
    it hangs in a participle or relative clause describing a noun ("to fulfil commitments made
    on December 27": the commitments' day, not the sentence's), or of the noun it names the day
    of when the sentence's happening is set off from it ("campaigned ahead of Tuesday's
    primary"), punctuation at its edges left out; None when it dates a verb of the sentence's
    own clauses, or when that phrase is under four words (two for a day's own noun) or the
    whole sentence."""
    found = words_in(parse, start, end)
    if not found:
        return None
    current, seen = span_root(parse, found), set(found)
    if parse[current].dep in _NOUN_MODIFIERS and parse[parse[current].head].tag.startswith("NN"):
        event = parse[current].head  # "Tuesday's primary", "the March 15 deadline"
        while parse[event].dep == "compound" and parse[parse[event].head].tag.startswith("NN"):
            event = parse[event].head  # "the Dec. 19 House vote": the vote
        _, prepositions = governing_verb(parse, event)
        time_of_day = parse[event].lemma in en.TIME_OF_DAY_NOUNS  # "until Wednesday morning"
        if en.TEMPORAL_PREPOSITIONS & set(prepositions) and not time_of_day:
            return _phrase(parse, event, least=2)
    while True:
        word = parse[current]
        if word.dep in _NOUN_CLAUSES and is_verb(word) and current not in found:
            noun = word.head
            break
        if word.dep in _CLAUSE_EDGES or word.head == current or word.head in seen:
            return None
        seen.add(current)
        current = word.head
    if _tells_the_saying(parse, noun) or parse[noun].lemma in ("one", "ones"):
        return None  # ("including one from Monmouth released Thursday": one of what?)
    if parse[noun].dep == "appos" and parse[noun].head != noun:
        noun = parse[noun].head  # "Halberd Plastics, a family-owned company founded in 1971"
    return _phrase(parse, noun, least=4)


def _phrase(parse: Parse, noun: int, least: int) -> tuple[int, int] | None:
    """The characters of the noun's phrase (the noun and all under it), punctuation and a
    dangling word at its edges left out; None when it is under ``least`` words or the whole
    sentence."""
    phrase = sorted(subtree(parse, noun, frozenset()))
    while phrase and parse[phrase[0]].tag in _EDGE_PUNCT:
        phrase.pop(0)
    while phrase and parse[phrase[-1]].tag in _EDGE_PUNCT | _DANGLING:
        phrase.pop()  # and a word left hanging by a clause the parse put elsewhere ("... as")
    if len(phrase) < least or len(phrase) >= len(parse) - 1:
        return None
    return parse[phrase[0]].start, parse[phrase[-1]].end


def _tells_the_saying(parse: Parse, noun: int) -> bool:
    """Whether the noun tells what the sentence says ("a poll released Thursday shows ...",
    "according to a memo released Friday") or is where it was said ("said at a rally held
    Tuesday"): its date is then the telling's, the sentence's own happening."""
    if parse[noun].lemma in en.TELLING_NOUNS or parse[noun].text.lower() in en.TELLING_NOUNS:
        return True
    verb, prepositions = governing_verb(parse, noun)
    if verb is None or not prepositions:
        return False
    return parse[verb].lemma in en.SPEECH_LEMMAS or parse[verb].lemma == "accord"


_EDGE_PUNCT = frozenset({",", ":", ".", "HYPH", "NFP"})
_DANGLING = frozenset({"IN", "CC", "DT", "TO", "WDT", "WRB", "WP"})


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
        if not auxiliaries and _bare_time_clause(parse, verb):
            return _dependent_time(parse, verb)  # "..., once the supports installed in April"
        return "present" if any(a.lemma == "be" for a in auxiliaries) else "past"
    if word.tag in ("VBZ", "VBP") or any(a.tag in ("VBZ", "VBP") for a in auxiliaries):
        return "present"
    if word.tag in ("VB", "VBG") and word.head != verb:
        return _dependent_time(parse, verb)
    return "unknown"


def _bare_time_clause(parse: Parse, verb: int) -> bool:
    """A participle without an auxiliary heading a clause of time or condition ("once
    installed", "when completed", "if approved"): it has no time of its own, its clause
    happens in the time of the clause it depends on."""
    return parse[verb].dep == "advcl" and any(
        w.head == verb and w.dep == "mark" and w.lemma in en.BARE_PARTICIPLE_MARKS for w in parse
    )


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
    lemma = parse[head].lemma
    if lemma in en.LOOKING_AHEAD_VERBS | en.ASKING_VERBS and parse[verb].tag == "VB":
        # a plan told in the past has had its day ("had been expected to approve it"), not
        # one told in the present perfect, which still stands ("has invited Trump to meet
        # ... on Thursday"); asking looks ahead only so
        if time == "past" and not _present_perfect(parse, head):
            return "past"
        if lemma in en.ASKING_VERBS and time not in ("past", "present"):
            return time
        return "future"
    return time


def _present_perfect(parse: Parse, verb: int) -> bool:
    """ "has invited", "have agreed": a participle with a present "have" (no "had")."""
    return parse[verb].tag == "VBN" and any(
        a.lemma == "have" and a.tag in ("VBZ", "VBP") for a in _auxiliaries(parse, verb)
    )


def subject_of(parse: Parse, verb: int) -> list[int]:
    """The words of the verb's grammatical subject (its ``nsubj``/``nsubjpass`` and what hangs
    on it, relative clauses and prepositional phrases left out); for an infinitive, a participle or a
    conjoined verb without its own subject, the subject of the verb it depends on (not for a
    finite adverbial clause, which has its own or is misparsed)."""
    seen = set()
    while verb not in seen:
        seen.add(verb)
        subjects = [i for i, w in enumerate(parse) if w.head == verb and w.dep in _SUBJECTS]
        if subjects:
            return sorted(j for s in subjects for j in subtree(parse, s, NOT_SUBJECT))
        word = parse[verb]
        if word.head == verb or word.dep not in _INHERITS_SUBJECT:
            return []
        if word.dep == "advcl" and word.tag in _FINITE:
            return []  # a finite clause has a subject of its own: without one, a misparse
        verb = word.head
    return []


_SUBJECTS = ("nsubj", "nsubjpass")
# Finite verb tags: an adverbial clause of one ("..., and vowed to reverse ..., Clinton has
# run") is no participle sharing the main verb's subject ("Rallying workers, Clinton promised").
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
NOT_SUBJECT = frozenset({"relcl", "acl", "punct", "prep"})
# A verb that shares the subject of its head: "agreed to hold" (xcomp), "met and agreed" (conj).
_INHERITS_SUBJECT = frozenset({"xcomp", "conj", "advcl"})


def subtree(
    parse: Parse, root: int, cut: frozenset[str], keep: Callable[[Word], bool] | None = None
) -> list[int]:
    """The word and everything under it, except under dependants labelled ``cut`` (but those
    ``keep`` keeps: an "of" phrase of a name, "the City of Porthaven"). Each word's dependants
    are listed once, so a long sentence costs its length, not its length times the phrase's."""
    children: dict[int, list[int]] = {}
    for j, w in enumerate(parse):
        if w.head != j:
            children.setdefault(w.head, []).append(j)
    out, stack = [], [root]
    while stack:
        i = stack.pop()
        out.append(i)
        stack.extend(
            j
            for j in children.get(i, ())
            if parse[j].dep not in cut or (keep is not None and keep(parse[j]))
        )
    return out
