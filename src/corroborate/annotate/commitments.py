"""Commitments: what was agreed, pledged, planned or announced for the future.

:func:`extract_commitments` is a pure function of one article: it reads each sentence for a
commitment -- an agreement ("agreed to conduct a joint visit"), a pledge ("pledged to",
"committed to further cooperation"), a plan ("will seek a meeting with", "plans to", "a
meeting to be held in ... in early February") or money set aside ("$180 million will be
invested"). A stance ("stands ready to support") is not one.

When the sentence is parsed (``Article.parses``, :mod:`corroborate.annotate.grammar`), its
grammar decides: the trigger must be a verb ("her plans to raise taxes" is a noun), not a
purpose ("injections intended to calm her"), in a statement, not a question; its actors are
its grammatical subject's named entities ("Trump's running mate, Indiana Gov. Mike Pence,
plans to ..." -> Mike Pence; a pronoun subject names no one); and an agreement told as
closed ("finally agreed to"), told in narrative past rather than reported or dated to the
article's days ("In the end, the company agreed to lend ..."), or a plan told in the past
("planned to revitalize") is ``earlier``. Without a parse, the actors are the sentence's
named-entity mentions (PERSON, ORG, GPE, NORP) before the commitment.

A sentence that is wholly a quotation ("We will ...," she said) is a statement, not a
commitment, unless it pledges money.

A commitment recalled from an earlier occasion is marked ``earlier``: told in the pluperfect
("the parties had agreed to ...") or anchored to a date before the article's own ("In May 2023,
Mexico agreed to ..."). It is background, not a next step.

:func:`corroborate.compare.commitments.merge_commitments` lines up the same commitment across
a story's articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from corroborate.annotate.grammar import (
    NOT_SUBJECT,
    Parse,
    Word,
    governing_verb,
    is_verb,
    subject_of,
    subtree,
    words_in,
)
from corroborate.date_expressions import parse_day, period_end
from corroborate.lang import en
from corroborate.model import Article, Mention
from corroborate.text import fold

__all__ = ["Commitment", "extract_commitments"]


_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("agreed", re.compile(r"\b(?:have|has|had\s+)?agreed\s+(?:to|on)\b", re.IGNORECASE)),
    (
        "pledged",
        re.compile(
            r"\b(?:pledged|pledge|pledges|vowed|vow|vows|promised|promise|"
            r"promises)\s+(?:to|that)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "pledged",
        re.compile(
            r"\b(?<!is\s)(?<!are\s)committed\s+(?:to|themselves\s+to)\b"
            r"(?!\s+(?:the|a|an)\s+(?:crime|offence|offense|attack))",
            re.IGNORECASE,
        ),
    ),
    (
        "planned",
        re.compile(
            r"\b(?:will|shall|are\s+going\s+to|is\s+going\s+to)\s+(?:also\s+|jointly\s+|soon\s+)?"
            r"(?:seek|hold|meet|visit|host|send|provide|invest|spend|deploy|open|launch|create|"
            r"establish|sign|travel|conduct|begin|start|resume|fund|allocate|donate|build|hire|"
            r"release|deliver|expand|increase|reduce|set\s+up|return|convene|announce)\b",
            re.IGNORECASE,
        ),
    ),
    ("planned", re.compile(r"\b(?:plans?|planned|intends?|intended|aims?)\s+to\b", re.IGNORECASE)),
    (
        "planned",
        re.compile(
            r"\b(?:to\s+be\s+held|scheduled\s+(?:for|to)|set\s+to\s+"
            r"(?:meet|hold|take\s+place))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "money",
        re.compile(
            r"[$€£]\s?\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s+(?:will\s+be|would\s+be|is\s+"
            r"being|has\s+been|was)\s+(?:invested|allocated|pledged|committed|earmarked|spent|"
            r"provided|donated|set\s+aside)",
            re.IGNORECASE,
        ),
    ),
    (
        "announced",
        re.compile(r"\bannounced\s+(?:plans|a\s+plan|that\b.{0,80}\bwill)\b", re.IGNORECASE),
    ),
]
_NEGATED = re.compile(
    r"\b(?:no|not|never|won['’]t|will\s+not|refused|declined)\b[^,.;]{0,30}$", re.IGNORECASE
)
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_DEMONYMS = en.DEMONYMS


@dataclass(frozen=True)
class Commitment:
    """A commitment stated in one article.

    Attributes:
        article_id: the article.
        sentence: index of its sentence; ``text`` is that sentence, verbatim.
        start, end: the commitment clause's span in ``article.text`` (from the trigger).
        what: the commitment clause ("agreed to conduct a joint visit to the Darién Gap").
        kind: agreed, pledged, planned, money or announced.
        actors: who commits (names from NER mentions before the trigger, else in the sentence).
        earlier: made on an earlier occasion and only recalled here (see the module doc).
    """

    article_id: str
    sentence: int
    text: str
    start: int
    end: int
    what: str
    kind: str
    actors: tuple[str, ...]
    earlier: bool = False


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”?|\"[^\"]*\"?", text)]


def _wholly_quoted(sentence: str) -> bool:
    return sentence.lstrip().startswith(("“", '"', "‘", "'"))


def _actor_name(m: Mention) -> str:
    name = re.sub(r"^(?:the)\s+", "", m.text.strip(), flags=re.IGNORECASE).strip()
    name = re.sub(r"['’]s$", "", name)
    return _DEMONYMS.get(fold(name), _DEMONYMS.get(fold(m.text), name))


def _clause(sentence: str, start: int) -> str:
    """The commitment clause: from the trigger to the end of the sentence, trimmed of an
    attribution tail (", the statement said")."""
    clause = sentence[start:].strip()
    clause = re.sub(
        rf"[,”\"]*\s*(?:the|a|an)?\s*[\w\s’']{{0,40}}\b(?:{'|'.join(en.ATTRIBUTION_TAIL_VERBS)})\.?$",
        "",
        clause,
    )
    return clause.rstrip(' ,.;”"')


def trigger_sentences(article: Article) -> list[int]:
    """The sentences that may state a commitment (a trigger matches): those the grammar stage
    parses for this stage."""
    return [
        s.index
        for s in article.sentences
        if any(pattern.search(s.text) for _, pattern in _TRIGGERS)
    ]


def extract_commitments(article: Article) -> list[Commitment]:
    """Every commitment stated in the article, one per sentence, in text order.

    >>> from corroborate.model import Article, Sentence
    >>> t = "Both governments agreed to hold talks in March."
    >>> a = Article("a", "a.txt", "", text=t, sentences=[Sentence("a", 0, 0, len(t), t)])
    >>> [c.what for c in extract_commitments(a)]
    ['agreed to hold talks in March']
    """
    out: list[Commitment] = []
    sentences = article.sentences or []
    for sentence in sentences:
        text = sentence.text
        hits = []
        for kind, pattern in _TRIGGERS:
            for m in pattern.finditer(text):
                if _NEGATED.search(text[: m.start()][-40:]):
                    continue
                hits.append((m.start(), kind, m))
        if not hits:
            continue
        hits.sort(key=lambda h: h[0])
        # a wholly quoted sentence is a statement -- unless it puts money down
        if _wholly_quoted(text) and not any(k == "money" for _, k, _ in hits):
            continue
        start, kind, m = hits[0]
        money = next((h for h in hits if h[1] == "money"), None)
        if money is not None:
            start, kind, m = money
        parse = article.parses.get(sentence.index)
        if parse:
            reading = read_commitment(article, parse, sentence.start + start, kind)
            if reading is None:
                continue
            actors, told_earlier = reading
        else:
            actors = _actors(article, sentence.index, sentence.start, sentence.start + start)
            told_earlier = bool(_PLUPERFECT.search(text[: m.end()][-60:]))
        earlier = told_earlier or _dated_before(article, sentence.index, sentence.start + start)
        out.append(
            Commitment(
                article_id=article.id,
                sentence=sentence.index,
                text=text,
                start=sentence.start + start,
                end=sentence.end,
                what=_clause(text, start),
                kind=kind,
                actors=tuple(actors),
                earlier=earlier,
            )
        )
    return out


def read_commitment(
    article: Article, parse: Parse, trigger: int, kind: str
) -> tuple[list[str], bool] | None:
    """What the parse of a sentence says of the commitment whose trigger starts at character
    ``trigger``: None when it is none (the trigger is a noun, a purpose, a question), else its
    actors (the grammatical subject's entities) and whether it was made earlier (closed,
    narrated in the past, or a past plan)."""
    words = words_in(parse, trigger, trigger + 1)
    if not words:
        return None
    verb = _commitment_verb(parse, words[0])
    if kind == "money":
        return _subject_actors(article, parse, _agent_verb(parse, words[0])), False
    if verb is None:
        return None
    if parse[-1].text == "?" or _purpose(parse, verb) or _nominal(parse, verb):
        return None
    if _nobody_commits(article, parse, verb, kind):
        return None
    return _subject_actors(article, parse, verb), _told_earlier(parse, verb)


# Subjects that commit no one: the writer outside any quote ("We will keep you posted", a
# site's own lines), and "it"/"this" promising to be something ("It promises to be a busy
# year": a likelihood, not a pledge).
_WRITER = frozenset({"i", "we"})
_NO_ONE = frozenset({"it", "this", "there"})
_BEING = frozenset({"be", "become", "remain", "prove"})


def _nobody_commits(article: Article, parse: Parse, verb: int, kind: str) -> bool:
    """Whether the subject of the commitment's verb is the writer (a first-person pronoun
    outside quote marks), or "it" promising to be something (a likelihood)."""
    subject = subject_of(parse, verb)
    if len(subject) != 1:
        return False
    word = parse[subject[0]]
    pronoun = fold(word.text)
    if pronoun in _WRITER:
        return not any(s <= word.start < e for s, e in _quoted_spans(article.text))
    being = any(w.head == verb and w.dep == "xcomp" and w.lemma in _BEING for w in parse)
    return kind == "pledged" and pronoun in _NO_ONE and being


def _commitment_verb(parse: Parse, index: int) -> int | None:
    """The verb that carries the commitment: the verb "will" is the auxiliary of, or the
    trigger itself when it is a verb ("agreed", "plans", "pledged", "scheduled")."""
    word = parse[index]
    if word.tag == "MD" or word.dep in ("aux", "auxpass") or word.lemma in ("be", "go", "to"):
        head = word.head
        return head if head != index and is_verb(parse[head]) else None
    return index if is_verb(word) else None


def _agent_verb(parse: Parse, index: int) -> int:
    """For money set aside ("$180 million will be invested"), the verb of whoever sets it
    aside: up from the money's verb to the first verb with an active subject ("The
    delegation highlighted the program in which $180 million will be invested")."""
    verb, _ = governing_verb(parse, index)
    seen = set()
    while verb is not None and verb not in seen and parse[verb].lemma not in en.REPORTING_LEMMAS:
        seen.add(verb)
        if any(w.head == verb and w.dep == "nsubj" for w in parse):
            return verb
        verb, _ = governing_verb(parse, verb)
    return index  # the speaker who reports it is not who pays


def _nominal(parse: Parse, verb: int) -> bool:
    """A trigger tagged as a verb that stands as a noun ("her plans to raise taxes would
    ..."): it is a subject or an object, or has a determiner or a possessor."""
    if parse[verb].dep in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return True
    return any(w.head == verb and w.dep in ("poss", "det") for w in parse)


def _purpose(parse: Parse, verb: int) -> bool:
    """A purpose, not a plan: "injections intended to calm", "the plan is intended to"."""
    word = parse[verb]
    if word.lemma not in en.PURPOSE_VERBS and word.text.lower() not in ("intended", "designed"):
        return False
    passive = any(w.head == verb and w.dep == "auxpass" for w in parse)
    return passive or word.dep in ("acl", "amod")


def _reported(parse: Parse, verb: int) -> bool:
    """Whether the verb's clause is what someone said ("The ministry added that the two
    governments agreed to ...")."""
    head = parse[verb].head
    return (
        head != verb
        and parse[verb].dep in ("ccomp", "conj")
        and parse[head].lemma in en.REPORTING_LEMMAS
    )


def _told_earlier(parse: Parse, verb: int) -> bool:
    """An agreement closed ("finally agreed"), told in the pluperfect ("had agreed"), or a plan
    or an agreement narrated in the past ("planned to revitalize", "In the end, the company
    agreed to lend"): made on an earlier occasion, not a next step. Reported speech is news
    ("The ministry added that the two governments agreed to ...") unless in the pluperfect,
    which may shift the reporting's tense back or tell an older agreement: precision first."""
    word = parse[verb]
    modifiers = {w.lemma for w in parse if w.head == verb and w.dep == "advmod"}
    if modifiers & en.COMPLETION_ADVERBS:
        return True
    if any(w.head == verb and w.lemma == "have" and w.tag == "VBD" for w in parse):
        return True
    narrated = word.tag == "VBD" and word.lemma in ("agree", "plan", "intend")
    return narrated and not _reported(parse, verb)


def _subject_actors(article: Article, parse: Parse, verb: int) -> list[str]:
    """Who commits: the named entities of the verb's grammatical subject (relative clauses
    aside; a name in apposition first: "Trump's running mate, Indiana Gov. Mike Pence" -> Mike
    Pence); a relative pronoun stands for the noun its clause modifies ("Chris Wallace, who will
    moderate"), a pronoun in reported speech for the speaker ("Obama said he planned to"), any
    other pronoun for no one; a subject with no name is given as its own words when short
    ("two governments")."""
    subject = subject_of(parse, verb)
    if len(subject) == 1 and parse[subject[0]].lemma in en.PERSONAL_PRONOUNS:
        stands_for = _antecedent(parse, verb, subject[0])
        return _names_in(article, parse, stands_for) if stands_for else []
    if not subject:
        return []
    head = next((i for i in subject if parse[i].dep in ("nsubj", "nsubjpass")), subject[0])
    named = [
        _actor_name(m)
        for m in article.mentions
        if m.label in ACTOR_LABELS and head in words_in(parse, m.start, m.end)
    ]
    if named:  # the subject is a name ("The City of Porthaven", "Cooper and Martha Raddatz")
        return list(dict.fromkeys([named[0], *_names_in(article, parse, subject)]))
    appositions = [i for i in subject if parse[i].dep == "appos" and parse[i].head in subject]
    for apposition in appositions:
        named = _names_in(article, parse, subtree(parse, apposition, NOT_SUBJECT))
        if named:
            return named
    named = _names_in(article, parse, subject)
    if named:
        return named
    if not _agent(parse[head]):
        return []  # "the campaign will begin": no one named, and no one described
    phrase = [parse[i] for i in subject if parse[i].tag not in ("DT", "PRP$", "POS")]
    text = " ".join(w.text for w in phrase)
    return [text] if 0 < len(phrase) <= 5 and not re.search(r"[,;:“”\"]", text) else []


# Nouns for who can commit, when no name is given ("both governments", "the organisers").
_AGENT_NOUNS = (
    frozenset(en.SPEAKER_ROLE_NOUNS)
    | en.PERSON_NOUNS
    | en.SPEAKING_BODY_NOUNS
    | en.ANY_ORGANISATION_NOUNS
    | en.TITLE_HEADS
    | en.AGENT_NOUNS
) - {"statement"}


def _agent(word: Word) -> bool:
    """Whether a subject's head word names people or a body that can commit."""
    lemma = fold(word.lemma or word.text)
    return lemma in _AGENT_NOUNS or fold(word.text) in _AGENT_NOUNS


def _antecedent(parse: Parse, verb: int, pronoun: int) -> list[int]:
    """The words a subject pronoun stands for, where the syntax says: a relative pronoun's
    noun, or the speaker of the reported clause a personal pronoun opens."""
    word = parse[pronoun]
    if word.tag in ("WP", "WDT") and parse[verb].dep == "relcl":
        return subtree(parse, parse[verb].head, NOT_SUBJECT)
    clause = verb
    while parse[clause].dep in ("xcomp", "conj") and parse[clause].head != clause:
        clause = parse[clause].head
    if word.tag == "PRP" and _reported(parse, clause):
        return subject_of(parse, parse[clause].head)
    return []


def _names_in(article: Article, parse: Parse, words: list[int]) -> list[str]:
    """The actor names of the entity mentions made of ``words``."""
    if not words:
        return []
    start = min(parse[i].start for i in words)
    end = max(parse[i].end for i in words)
    found = [
        m
        for m in article.mentions
        if m.label in ACTOR_LABELS and start <= m.start < m.end <= end and _inside(parse, words, m)
    ]
    # a name that only modifies another ("Indiana Gov. Mike Pence") is not who commits
    heads = [m for m in found if not _modifier(parse, m)]
    names: list[str] = []
    for mention in heads or found:
        name = _actor_name(mention)
        if fold(name) not in {fold(n) for n in names}:
            names.append(name)
    return names


_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})


def _modifier(parse: Parse, mention: Mention) -> bool:
    """Whether a mention's words modify a word outside it ("Indiana" in "Indiana Gov.")."""
    words = words_in(parse, mention.start, mention.end)
    inside = set(words)
    root = next((i for i in words if parse[i].head not in inside), None)
    while root is not None and parse[root].dep == "conj" and parse[root].head != root:
        root = parse[root].head  # "the Mexican and U.S. governments": both modify
    return root is not None and parse[root].dep in _MODIFIERS


def _inside(parse: Parse, subject: Sequence[int], mention: Mention) -> bool:
    """Whether a mention's words are all words of the subject (not of a clause inside it)."""
    inside = set(subject)
    return all(i in inside for i in words_in(parse, mention.start, mention.end))


# "had agreed to", "had already pledged to", "had been committed to": told as done before.
_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+\s+)?(?:been\s+)?\w+(?:\s+(?:to|that|on))?\s*$", re.I)
# A date this long before the article's own is another occasion, not the news being reported.
EARLIER_BY = timedelta(days=7)


def _dated_before(article: Article, index: int, trigger: int) -> bool:
    """Whether the sentence anchors the commitment to a time before the article's date: a
    resolved date mention ahead of the trigger whose whole period ended more than
    :data:`EARLIER_BY` before the article was published."""
    reference = parse_day(article.published or article.published_inferred)
    if reference is None:
        return False
    for d in article.dates:
        if d.sentence != index or d.start >= trigger or d.future or not d.resolved:
            continue
        end = period_end(d.resolved, d.precision)
        if end is not None and end < reference - EARLIER_BY:
            return True
    return False


def _actors(article: Article, index: int, sentence_start: int, trigger: int) -> list[str]:
    mentions = [m for m in article.mentions if m.sentence == index and m.label in ACTOR_LABELS]
    text = article.text
    before = [m for m in mentions if m.end <= trigger]
    # the speaker of "X said that Y will ..." is a source, not an actor
    speech = None
    for m in re.finditer(
        rf"\b(?:{'|'.join(en.SOURCE_VERBS)})\b(?:\s+(?:that|in\s+a\s+statement))?",
        text[sentence_start:trigger],
    ):
        speech = sentence_start + m.end()
    if speech is not None:
        after_speech = [m for m in before if m.start >= speech]
        if after_speech:
            before = after_speech
    chosen = before
    if not chosen:
        # no named subject: "The two governments committed to ..." -> that phrase
        subject = text[speech or sentence_start : trigger].strip(" ,")
        subject = re.sub(r"^(?:The|the)\s+", "", subject)
        if 0 < len(subject.split()) <= 5 and not re.search(r"[,;:“”\"]", subject):
            return [subject]
        chosen = mentions
    names: list[str] = []
    for mention in chosen:
        name = _actor_name(mention)
        if fold(name) not in {fold(n) for n in names}:
            names.append(name)
    return names
