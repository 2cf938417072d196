"""Who said what in one article: its quotes and their speakers.

Per article (:func:`extract_quotes`, a pure function of one
:class:`~corroborate.model.Article`, its parse included):

1. **Quotes** are the stretches between quote marks, whatever the marks
   (:mod:`corroborate.annotate.quote_marks`). Titles of works and names in marks ("Meet the
   Press") and one- or two-word scare quotes nobody is said to have said are no quotes.
2. **The attribution** comes from the dependency parse of the sentences that quote or hold a
   verb of saying (spaCy's parser, run on them only, :mod:`corroborate.annotate.parse`): a
   verb of saying (:data:`corroborate.lang.en.SPEECH_LEMMAS`, by its part of speech) that
   governs the quote or stands right beside it ("“...,” X said", "said X", "X said: “...”",
   "X told reporters that “...”"), else one elsewhere in the quote's sentence; "according to
   X"; the colon form ("X: “...”", "X delivered a message: “...”"); the paragraph before,
   ending with a colon or a verb of saying ("He then listed the qualities:"); and for a quoted
   fragment inside a sentence ("X called it “a disgrace”") the sentence's subject.
3. **The speaker** is the cue's subject, named by the person or organisation mention inside it;
   "he said", "the spokesman said", "the company said", "the statement said" are read back to
   whom they refer to (:mod:`corroborate.annotate.speakers`); an unnamed speaker stays what the
   text says ("a senior administration official"); a pronoun read back to no one ("they
   noted") gives a speaker with no name, never the pronoun as a name; a quote inside what
   someone reports ("Y said X was right to urge “…”") is the reporter's; a headline is never
   a speaker.
4. **Never stitched**: a quote goes on after its attribution ("“A,” she said. “B.”") or over the
   next paragraph (its opening mark repeated) as one quote of several parts only when nothing
   between names another speaker; the parts stay exact spans.
5. **Reported speech** without marks ("Ortiz said that the plant would reopen") is an
   ``indirect`` quote: a verb of saying with a clausal complement, from the same parse.

:mod:`corroborate.compare.quote_alignment` lines them up across a story's outlets.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from corroborate.annotate.nlp import load_spacy
from corroborate.annotate.parse import Parsed, ParseTree, parse_text
from corroborate.annotate.people import (
    PersonMention,
    find_person_mentions,
    given_name_gender,
    name_tokens,
)
from corroborate.annotate.quote_marks import Quotation, find_quotations, find_quoted_spans
from corroborate.annotate.roles import is_title_word
from corroborate.annotate.speakers import Discourse, Speaker, organisation_at
from corroborate.lang import en
from corroborate.model import Article

__all__ = ["QuoteMention", "find_quoted_spans", "extract_quotes"]


@dataclass(frozen=True)
class QuoteMention:
    """A quote in one article.

    Attributes:
        start, end: from the first quoted word to the last (marks excluded), into
            ``article.text``; ``parts`` lists each quoted stretch when the attribution
            interrupts the quote.
        text: the quoted words verbatim (parts joined by a space).
        speaker_name: who said it, as the article names them (a name, or "a State
            Department spokesperson"), or None.
        speaker_span: span of that name in the article when it is a name in the text.
        named: True when the speaker is a named person or organisation (not a pronoun left
            unresolved or an unnamed official).
        indirect: reported speech without quote marks.
        cue: the attribution verb or pattern that gave the speaker.
    """

    article_id: str
    start: int
    end: int
    text: str
    speaker_name: str | None = None
    speaker_span: tuple[int, int] | None = None
    named: bool = False
    indirect: bool = False
    cue: str | None = None
    parts: tuple[tuple[int, int], ...] = field(default=())


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class _Paragraph:
    """A parsed stretch of one paragraph (:mod:`corroborate.annotate.parse`): its parse tree,
    where it starts and ends in the article, the paragraph's own bounds (``line``), and which
    of its tokens lie between quote marks (``quoting``)."""

    start: int
    end: int
    doc: ParseTree
    line: tuple[int, int]
    offsets: tuple[int, ...]  # each token's start in the article
    quoting: frozenset[int]  # indexes of the tokens inside a quotation (marks included)

    @classmethod
    def of(cls, parsed: Parsed, text: str, quoted: Sequence[Quotation]) -> _Paragraph:
        line_start = text.rfind("\n", 0, parsed.start) + 1
        line_end = text.find("\n", parsed.start)
        line = (line_start, len(text) if line_end < 0 else line_end)
        offsets = parsed.offsets()
        end = parsed.end
        quoting = frozenset(
            k
            for q in quoted
            if q.open_at < end and parsed.start < q.close_at
            for k in range(
                bisect.bisect_left(offsets, q.open_at), bisect.bisect_left(offsets, q.close_at)
            )
        )
        return cls(parsed.start, end, parsed.tree(), line, offsets, quoting)

    @cached_property
    def frame(self) -> list[Any]:
        """The tokens outside the quote marks, in order (read for each of its quotes)."""
        return [t for t in self.doc if t.i not in self.quoting]

    @cached_property
    def speech_verbs(self) -> list[Any]:
        """The verbs of saying outside the quote marks, in order."""
        return [t for t in self.frame if _speech_verb(t)]

    def tokens(self, start: int, end: int) -> list[Any]:
        """Tokens whose first character lies in ``start``..``end`` (article offsets)."""
        first = bisect.bisect_left(self.offsets, start)
        last = bisect.bisect_left(self.offsets, end)
        return self.doc.tokens[first:last]

    def at(self, token: Any) -> int:
        return int(token.idx) + self.start

    def holds(self, at: int) -> bool:
        return self.start <= at <= self.end

    def in_line(self, at: int) -> bool:
        return self.line[0] <= at <= self.line[1]


def parsed_paragraphs(article: Article, quoted: Sequence[Quotation]) -> list[_Paragraph]:
    """The parsed stretches of ``article`` (``quoted``: its quotations): from spaCy's pass
    (``article.parsed``) or, for an article annotated without it, parsed now."""
    parsed = article.parsed
    if parsed is None:
        sentences = [(s.start, s.end) for s in article.sentences]
        parsed = parse_text(article.text, sentences, load_spacy)
    return [_Paragraph.of(p, article.text, quoted) for p in parsed]


# --------------------------------------------------------------------------- attribution


@dataclass(frozen=True)
class _Said:
    """What attributes a quotation: the cue and the subject phrase naming the speaker."""

    cue: str
    cue_at: int
    subject: Any | None  # the subject's head token
    paragraph: _Paragraph
    kind: str  # linked, beside, according, colon, subject
    statement: bool = False

    @classmethod
    def by(cls, cue: Any, para: _Paragraph, kind: str, subject: Any | None) -> _Said:
        """What the verb of saying ``cue`` attributes, said by ``subject`` (its head token)."""
        return cls(cue.text.lower(), para.at(cue), subject, para, kind, _statement(cue))


_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_CLIMB_DEPS = ("advcl", "xcomp", "conj", "acl", "pcomp", "prep")
_CLAUSE_DEPS = ("ccomp", "parataxis", "xcomp", "advcl")


def _speech_verb(token: Any) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in en.SPEECH_LEMMAS


def _subject_of(cue: Any, quoting: frozenset[int] = frozenset()) -> Any | None:
    """The cue's subject outside the quote marks (tokens ``quoting``); for "…, saying", "…
    and added" or "continued by saying" the active subject of the verb it hangs on."""
    if cue.lemma_.lower() in _ADDRESSING_LEMMAS and any(
        c.dep_ == "nsubjpass" for c in cue.children
    ):
        return _agent(cue)  # "Lee was asked by the host, “…”": the host asked, Lee did not
    if _speech_verb(cue) and _passive(cue) and cue.lemma_.lower() != "quote":
        return _agent(cue)  # "the losses were blamed on “…”": who blamed is not the losses
    token = cue
    for climbed in range(6):
        subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS and c.i not in quoting]
        if climbed:
            subjects = [c for c in subjects if c.dep_ == "nsubj"]
        elif not subjects and (named := _name_as_compound(token, quoting)) is not None:
            return named  # "Beck joked, “…”" with "Beck" hung on the verb as on a noun
        clause = token
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "X, who ran and who praised ...": the first clause's
        if subjects and subjects[0].tag_ in ("WP", "WDT") and clause.dep_ == "relcl":
            owner = clause.head
            if owner.i not in quoting and not (_a_thing(owner) and not _named_aside(owner)):
                return owner  # "Sanders, who said ...": the name the clause hangs on
            # "wants a platform that calls for “…”", "proposed a “trade prosecutor” who
            # reports to ...": a thing says nothing; who speaks is the subject it hangs on
            verb = owner.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ not in ("VERB", "AUX") or verb.i == owner.i:
                return None
            token = verb
            continue
        if subjects:  # (two, where the parse went wrong: the one nearest the verb)
            subject = min(subjects, key=lambda c: abs(c.i - token.i))
            if not climbed or not _a_thing(subject) or token.dep_ not in _EMBEDDED_DEPS:
                return subject
            # "denied that the shakeup is coming, explaining ...": a thing explains nothing,
            # and is never whom to fall back on
        elif token.dep_ not in _CLIMB_DEPS and not _issued(token):
            return None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _name_as_compound(verb: Any, quoting: frozenset[int]) -> Any | None:
    """A name right before a verb in the past or present tense that the parse hung on it as
    a compound, as if the verb were a noun ("Beck joked, “…”"): the verb's subject."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.head.i == verb.i and before.dep_ == "compound" and before.pos_ == "PROPN":
        return before if before.i not in quoting else None
    return None


# Clauses inside another one, whose subject a participle hung on them by the parse need not
# share ("Lee denied that a shakeup is coming, explaining that …": Lee explained).
_EMBEDDED_DEPS = frozenset(["ccomp", "acl", "advcl", "conj", "xcomp", "relcl"])


def _a_thing(subject: Any) -> bool:
    """A subject that is a common noun for no one ("the bill", "the episode", "a shakeup"):
    not a name, a pronoun, a person's title, an organisation or a statement."""
    lemma = subject.lemma_.lower()
    return (
        subject.pos_ == "NOUN"
        and not subject.text[:1].isupper()
        and lemma not in en.TITLE_HEADS | en.PERSON_NOUNS | en.STATEMENT_NOUNS
        and lemma not in en.ANY_ORGANISATION_NOUNS | en.SPEAKING_BODY_NOUNS
        and lemma not in en.SPEAKER_ROLE_NOUNS
    )


def _passive(cue: Any) -> bool:
    """A verb of saying in the passive ("could be blamed", "should be put"): its subject is
    what was said of, not who said it. ("He's said" is no passive, whatever the parse says.)"""
    return any(c.dep_ == "nsubjpass" for c in cue.children) and any(
        c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in cue.children
    )


def _named_aside(noun: Any) -> bool:
    """A common noun the text names right there, outside its relative clauses ("an academic
    named Jo Lee, who ...", "the tenor, Jo Lee, who ...")."""
    clauses = {t.i for c in noun.children if c.dep_ == "relcl" for t in c.subtree}
    return any(t.pos_ == "PROPN" and t.i not in clauses for t in noun.subtree)


def _issued(token: Any) -> bool:
    """A statement (release, letter...) something was issued in or as ("X issued a statement
    saying", "in a letter saying"): its issuer is the subject of the verb it hangs on."""
    return token.dep_ in ("dobj", "pobj") and token.lemma_.lower() in en.STATEMENT_NOUNS


# Verbs of saying whose object is whom the words were said to: passive, their subject is
# that listener ("Lee was asked", "the crowd was told").
_ADDRESSING_LEMMAS = frozenset(["ask", "tell", "question", "urge", "warn", "remind", "assure"])


def _agent(cue: Any) -> Any | None:
    """The speaker a passive verb of saying names with "by" ("asked by the host"), or None."""
    for child in cue.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def _named_after(cue: Any) -> Any | None:
    """For a cue right after the quote whose subject the parse missed ("“…,” said Skelly,",
    "said retired neurosurgeon Ben Carson, asked about ...", "indicated to journalists a
    senior American official"): the phrase after it (past a phrase of whom it was said to),
    by its last word before a comma, a full stop, a quote mark or a clause, if that word is a
    noun or a capitalised word."""
    doc = cue.doc
    first = cue.i + 1
    if first < len(doc) and doc[first].lower_ == "to" and doc[first].head.i == cue.i:
        # "indicated to journalists a senior official": past the first noun after "to"
        nouns = [t.i for t in doc[first + 1 : first + 5] if t.pos_ in ("NOUN", "PROPN")]
        first = nouns[0] + 1 if nouns else first
    last = None
    for k in range(first, min(len(doc), first + 8)):
        t = doc[k]
        clause = t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")
        if t.is_punct or clause or t.pos_ in ("ADP", "SCONJ", "PRON") or t.tag_ == "WP":
            break
        last = t
    if last is None or not (last.pos_ in ("NOUN", "PROPN") or last.text[:1].isupper()):
        return None
    return last


def _outside(token: Any, para: _Paragraph) -> bool:
    return token.i not in para.quoting


def _governs(cue: Any, inside: Sequence[Any]) -> bool:
    """Whether a cue and the quote's words are tied by the parse: the quote is (in) the cue's
    complement, or the cue hangs on the quote's verb ("“…,” he said" parsed as parataxis)."""
    ids = {t.i for t in inside}
    return cue.head.i in ids or any(cue in t.ancestors for t in inside)


def _has_complement(cue: Any, inside: Sequence[Any]) -> bool:
    """A verb of saying attributes only with a clause or a quote for a complement ("recalled
    that...", not "recalled 14 batches"), or beside a quote it governs."""
    if any(c.dep_ in _CLAUSE_DEPS for c in cue.children):
        return True
    if cue.lemma_.lower() in en.SPEECH_LEMMAS_NEEDING_CLAUSE:
        return bool(inside) and _governs(cue, inside)
    return True


def _no_object(cue: Any) -> bool:
    """A verb of saying with nothing it acts on ("“…?” Scarborough continued."), unlike
    "continued its work" or "called the meeting": beside a quote, it attributes it."""
    return not any(c.dep_ in _OBJECT_DEPS for c in cue.children)


_OBJECT_DEPS = ("dobj", "attr", "dative", "oprd", "prep", "acomp")


def _beside(para: _Paragraph, cue: Any, q: Quotation) -> bool:
    """Whether a cue stands right beside the quote: between them only punctuation and words of
    the cue's own clause (its subject, "in a statement", "that")."""
    at = para.at(cue)
    if at >= q.close_at:
        between = para.tokens(q.close_at, at)
    elif at < q.open_at:
        between = para.tokens(at + len(cue.text), q.open_at)
    else:
        return False
    if any(not _outside(t, para) for t in between):
        return False
    if at >= q.close_at and _name_between(between) is not None:
        return not any(t.text in ".!?;" for t in between)
    return all(t.is_punct and t.text not in ".!?;" or cue in t.ancestors for t in between)


def _cue_for(q: Quotation, para: _Paragraph) -> _Said | None:
    """The attribution of one quotation in its paragraph (see the module doc)."""
    inside = para.tokens(q.start, q.end)
    frame = para.frame
    verbs = para.speech_verbs
    signed = _signed_colon(q, para, frame)
    if signed is not None:
        return signed
    verbs = [t for t in verbs if not _reports_its_own(t, q, para)]
    cues = [t for t in verbs if _has_complement(t, inside)]
    linked = [t for t in cues if _governs(t, inside)]
    beside = [
        t for t in verbs if t not in linked and (t in cues or _no_object(t)) and _beside(para, t, q)
    ]
    for kind, found in (("linked", linked), ("beside", beside)):
        if found:
            cue = min(found, key=lambda t: _distance(para.at(t), q))
            said = _Said.by(cue, para, kind, _cue_subject(_reporting(cue, para), para, q))
            if said.subject is not None and _a_share(said.subject):
                return _according_to(q, para, frame) or said  # "55 percent said …, according to"
            return said
    return (
        _according_to(q, para, frame)
        or _owned_wording(q, para, inside)
        or _colon(q, para, frame)
        or _acted_after(q, para)
        or _acted_before(q, para, inside)
        or _as_clause(q, para, inside)
        or _in_sentence(q, para, frame, inside)
        or _sentence_subject(q, para, inside)
        or _sentence_before(q, para, inside)
    )


def _reports_its_own(cue: Any, q: Quotation, para: _Paragraph) -> bool:
    """A verb of saying after a quote that ends its sentence with a full stop, which reports
    a clause of its own, with its own subject, after it and outside quote marks ("“… a
    political campaign.” Gov. Jo Lee said he would have fired him"): it attributes that
    clause, not the quote before it. (After a quote ending in a comma or a question mark the
    parse hangs too much on the verb: "“…?” Lee asked, repeating that ...".)"""
    words = para.doc.text[max(0, q.start - para.start) : q.end - para.start]
    if para.at(cue) < q.close_at or not words.rstrip().endswith("."):
        return False
    return any(
        c.dep_ == "ccomp"
        and c.i > cue.i
        and _own_subject(c)
        and all(_outside(t, para) for t in c.subtree)
        for c in cue.children
    )


def _reporting(cue: Any, para: _Paragraph) -> Any:
    """The verb of saying that reports the cue's clause, if one does ("Yepez said Perez was
    right to urge leaders “…”": Yepez is whom the writer heard it from), else the cue. A cue
    with no subject of its own that the parse joined to the reported clause ("Suu Kyi said it
    was too early but added, “…”", "X said the plan would fail, and called him “…”") is the
    reporter's too."""
    if _name_as_compound(cue, para.quoting) is not None:
        return cue  # ("Beck joked, “…”": a subject of its own, whatever the parse hung it on)
    token = cue
    if token.dep_ == "conj" and not _own_subject(token) and token.head.dep_ in _CLAUSE_DEPS:
        token = token.head
    while token.dep_ in _CLAUSE_DEPS + ("xcomp", "acomp") and token.head.i != token.i:
        if token is cue and token.dep_ == "advcl" and _own_subject(token) and _marked(token):
            break  # "X suggested ..., while Y said “…”": Y's own words, nobody reports them
        if _speech_verb(token) and _after_a_quote(token, para):
            break  # "X cannot say that “…,” Y added": "Y added" attributes, nobody reports it
        token = token.head
        reports = _speech_verb(token) and _outside(token, para) and token.dep_ != "relcl"
        if reports and _subject_of(token, para.quoting) is not None:
            cue = token
    return cue


def _after_a_quote(verb: Any, para: _Paragraph) -> bool:
    """A verb with its own subject right after a quote's closing mark ("“…,” Lee added"):
    the plainest attribution, never a clause another verb reports."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i]
    if not subjects:
        return False
    k = subjects[0].left_edge.i - 1
    doc = verb.doc
    while k >= 0 and doc[k].text == ",":
        k -= 1
    return k >= 0 and doc[k].text in _QUOTE_MARK_TOKENS and not _outside(doc[k], para)


def _marked(clause: Any) -> bool:
    """A clause opened by a subordinating word ("while", "as", "after", "because", or
    "when" and "where", which the parse hangs on it as adverbs)."""
    return any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < clause.i)
        for c in clause.children
    )


def _own_subject(token: Any) -> bool:
    return any(c.dep_ in _SUBJECT_DEPS for c in token.children)


def _cue_subject(cue: Any, para: _Paragraph, q: Quotation) -> Any | None:
    """Who a cue beside ``q`` says spoke: its subject, else the name the parse left unattached
    right after the quote ("“…,” said Skelly", "“…,” X, a strategist, said") or the subject
    before a cue that leads into it."""
    subject = _subject_of(cue, para.quoting)
    if subject is not None:
        return subject
    head = cue.head
    if cue.dep_ in ("advcl", "conj") and _speech_verb(head) and not _own_subject(head):
        named = _named_after(head)  # "“…,” said Skelly, explaining: “…”": Skelly explained
        if named is not None and head.i < cue.i:
            return named
    if _right_after(para, cue, q):
        return _named_after(cue)
    if para.at(cue) < q.open_at:
        return _subject_before(cue, para) or _name_before(cue, para) or _subject_going_on(cue, para)
    return _name_between(para.tokens(q.close_at, para.at(cue)))


def _subject_going_on(cue: Any, para: _Paragraph) -> Any | None:
    """ "Adding, “…”" / "And continuing: “…”": a participle opening its sentence with no
    subject goes on from the sentence before: that sentence's main subject, if it is a name
    or "he"/"she"."""
    sent = cue.sent
    first = next((t for t in sent if not t.is_punct and t.dep_ != "cc"), None)
    if first is None or first.i != cue.i or cue.tag_ != "VBG" or sent.start == 0:
        return None
    before = cue.doc[sent.start - 1].sent
    root = before.root
    subject = _subject_of(root, para.quoting) if root.pos_ in ("VERB", "AUX") else None
    return subject if subject is not None and _person_like(subject) else None


def _name_between(between: Sequence[Any]) -> Any | None:
    """The name between a quote and the cue after it ("“…,” William Daley, Obama's chief of
    staff, said"): the last noun of the first phrase, if only a noun phrase stands there."""
    words = [t for t in between if not t.is_punct or t.text == ","]
    while words and words[0].text == ",":
        words = words[1:]
    first = next((k for k, t in enumerate(words) if t.text == ","), len(words))
    if not words or not _noun_phrase(words[:first]):
        return None
    nouns = [t for t in words[:first] if t.pos_ in ("PROPN", "NOUN")]
    return nouns[-1] if nouns else None


def _noun_phrase(words: Sequence[Any]) -> bool:
    """Words that only name and describe (no verb, no clause): "X, a strategist,"."""
    return all(t.pos_ in _NAMING_POS or t.text == "," for t in words)


_NAMING_POS = ("PROPN", "NOUN", "DET", "ADJ", "ADP", "NUM", "PART", "CCONJ")


def _in_sentence(
    q: Quotation, para: _Paragraph, frame: Sequence[Any], inside: Sequence[Any]
) -> _Said | None:
    """A verb of saying in the quote's sentence that the parse did not tie to it ("In Miami,
    Mr. Regalado said, Mr. Trump is seen as “a bully”"): the nearest, if it has a subject."""
    if not inside:
        return None
    sentences = {t.sent.start for t in inside}
    cues = [t for t in frame if t.sent.start in sentences and _speech_verb(t)]
    cues = [t for t in cues if _subject_of(t, para.quoting) is not None]
    cues = [t for t in cues if not _aside_clause(t, inside)]
    if not cues:
        return None
    cue = min(cues, key=lambda t: _distance(para.at(t), q))
    return _Said.by(cue, para, "sentence", _subject_of(cue, para.quoting))


def _aside_clause(cue: Any, inside: Sequence[Any]) -> bool:
    """A verb of saying in a clause opened by a subordinating word that holds none of the
    quote ("After Brown criticized her husband, Clinton shot back, “…”"): it says when or
    why, not who spoke the quote."""
    ids = {t.i for t in inside}
    return (
        cue.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ != "as" for c in cue.children)
        and not any(t.i in ids for t in cue.subtree)
    )


# What a verb that acts on nothing may carry ("pressed on", "shot back with a laugh",
# "went on, as if he didn't hear her"): it reads as a verb of saying beside a quote.
_BARE_VERB_DEPS = frozenset(
    ["nsubj", "prt", "advmod", "prep", "advcl", "npadvmod", "punct", "aux", "neg", "cc"]
)
# Kinds of attribution that only stand for a name: a person or organisation, never a
# description ("the balloons cascaded down") nor an unresolved pronoun.
_NAMES_ONLY = frozenset(["after", "before", "as"])


def _acted_after(q: Quotation, para: _Paragraph) -> _Said | None:
    """ "“…?” Hannity pressed.", "“…,” he went on.", "“…” reacted Trump.": a verb right after
    the quote (only punctuation and its own subject between) with nothing it acts on, whose
    clause ends the sentence; its subject (a name or a pronoun) said the quote. The quote
    opens its sentence (in "calling him “a failed candidate.” Romney fired back" it does not)."""
    inside = para.tokens(q.start, q.end)
    if not inside or para.at(inside[0].sent[0]) < q.open_at:
        return None
    after = [t for t in para.tokens(q.close_at, para.line[1]) if not t.is_punct]
    # (a name the tagger took for a verb is still the subject: "Trump shot back")
    verb = next((t for t in after[:4] if t.pos_ == "VERB" and t.dep_ not in _SUBJECT_DEPS), None)
    if verb is None or not _outside(verb, para) or verb.dep_ not in ("ROOT", "parataxis"):
        return None
    if any(c.dep_ not in _BARE_VERB_DEPS and _outside(c, para) for c in verb.children):
        return None
    subject = _subject_of(verb, para.quoting) or _named_after(verb)
    if subject is None or not _person_like(subject):
        return None
    lead = [t for t in after if t.i < verb.i]
    if any(t.i not in {s.i for s in subject.subtree} for t in lead):
        return None  # "In it, O'Donnell departed from ...": words of another kind first
    if not _clause_ends(para, verb.right_edge.i + 1):
        return None
    return _Said(verb.text.lower(), para.at(verb), subject, para, "after")


def _acted_before(q: Quotation, para: _Paragraph, inside: Sequence[Any]) -> _Said | None:
    """ "Clinton shot back, “…”": a verb right before the quote (only a comma or a colon
    between) with nothing it acts on, which the parse hung on the quote; its subject (a name or
    "he"/"she") said it."""
    ids = {t.i for t in inside}
    before = [t for t in para.tokens(para.line[0], q.open_at) if _outside(t, para)]
    if not before or before[-1].text not in (",", ":") or not inside:
        return None  # ("earned “is it over?” headlines": no comma, no lead-in)
    before.pop()
    if not before:
        return None
    verb = before[-1]
    while verb.dep_ in ("prt", "advmod") and verb.head.i < verb.i:
        verb = verb.head  # "shot back", "replied simply"
    if verb.pos_ != "VERB" or verb.head.i not in ids or verb.tag_ == "VBG":
        return None
    if any(c.dep_ not in _BARE_VERB_DEPS and _outside(c, para) for c in verb.children):
        return None
    subject = _subject_of(verb, para.quoting)
    if subject is None or not _person_like(subject) or subject.i > verb.i:
        return None
    return _Said(verb.text.lower(), para.at(verb), subject, para, "before")


def _as_clause(q: Quotation, para: _Paragraph, inside: Sequence[Any]) -> _Said | None:
    """ "As The Hill pointed out, “…”", "as Lee put it, “…”": a clause opened by "as", before
    the quote and hung on it, whose verb acts on nothing (but "it"): its subject said it."""
    ids = {t.i for t in inside}
    for verb in para.tokens(para.line[0], q.open_at):
        marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        if verb.pos_ != "VERB" or verb.dep_ != "advcl" or not marked or verb.head.i not in ids:
            continue
        acts_on = [c for c in verb.children if c.dep_ not in _BARE_VERB_DEPS | {"mark"}]
        if any(not (c.dep_ == "dobj" and c.lower_ == "it") for c in acts_on):
            continue
        subject = _subject_of(verb, para.quoting)
        if subject is not None and _person_like(subject) and _outside(verb, para):
            return _Said(verb.text.lower(), para.at(verb), subject, para, "as")
    return None


def _clause_ends(para: _Paragraph, k: int) -> bool:
    """Whether the sentence ends at token ``k`` (a full stop, the stretch's end) or a quote
    goes on there (“…,” he went on, “…”)."""
    doc = para.doc
    if k < len(doc) and doc[k].text == ",":
        k += 1
    return k >= len(doc) or doc[k].text in (".", "!", "?", ";") or not _outside(doc[k], para)


def _person_like(subject: Any) -> bool:
    """A subject that may be one named speaker: a capitalised word, not a plural ("Crowds"),
    or "he"/"she" (not one of several joined by "and"). (Whether it names someone the speaker
    then tells: the parser tags a name it does not know as a common noun here and there.)"""
    if subject.dep_ == "conj" or any(t.dep_ in ("conj", "cc") for t in subject.subtree):
        return False
    if subject.pos_ == "PRON":
        return en.SPEAKER_PRONOUN_GENDER.get(subject.lower_) in ("m", "f")
    return subject.text[:1].isupper() and subject.tag_ not in ("NNPS", "NNS")


def _sentence_before(q: Quotation, para: _Paragraph, inside: Sequence[Any]) -> _Said | None:
    """A quote that is a sentence of its own, with no attribution, after a sentence of the
    paragraph that quotes nothing and whose main clause's subject is a name or "he"/"she"
    ("Mr. Hannity is unapologetic about his aim. “I'm not hiding ...”"): that subject."""
    if not inside or para.at(inside[0].sent[0]) < q.open_at - 1:
        return None
    sentences = list(para.doc.sents)
    k = next((k for k, s in enumerate(sentences) if s.start <= inside[0].i < s.end), 0)
    return _said_by_sentence(sentences[k - 1], para) if k else None


def _said_by_sentence(sentence: Any, para: _Paragraph) -> _Said | None:
    """The subject of a sentence without quote marks, as who says the quote after it, if it
    names someone or is "he"/"she"."""
    tokens = list(sentence)
    while len(tokens) > 1 and tokens[-1].text in _QUOTE_MARK_TOKENS and tokens[-2].text in ".!?":
        tokens.pop()  # the next quote's opening mark, which the sentence splitter left here
    if any(not _outside(t, para) or t.text in _QUOTE_MARK_TOKENS for t in tokens):
        return None
    root = sentence.root
    subject = _subject_of(root, para.quoting) if root.pos_ in ("VERB", "AUX") else None
    if subject is None or not _person_like(subject):
        return None
    return _Said(root.text.lower(), para.at(root), subject, para, "before")


_QUOTE_MARK_TOKENS = frozenset(["“", "”", '"', "''", "``", "«", "»"])


def _subject_before(cue: Any, para: _Paragraph) -> Any | None:
    """For a cue before the quote whose subject the parse missed ("Clinton, exasperated,
    famously responded: “…”"): the nearest subject before it in its sentence that may be
    someone (not a thing no name stands beside: "The matter came up after Lee, asked about
    it, had said, “…”" is no matter's quote)."""
    subjects = [
        t
        for t in cue.sent
        if t.i < cue.i and t.dep_ in _SUBJECT_DEPS and t.tag_ not in ("WP", "WDT")
    ]
    subjects = [t for t in subjects if _outside(t, para)]
    people = [t for t in subjects if not _a_thing(t) or _named_beside(t, para)]
    return people[-1] if people else None  # (not "… that the episode was …")


def _named_beside(noun: Any, para: _Paragraph) -> bool:
    """A common noun of a main clause that a name stands beside ("The Slate columnist Jo
    Lee went so far as to say")."""
    return noun.head.dep_ not in _EMBEDDED_DEPS and any(
        c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and _outside(c, para)
        for c in noun.children
    )


def _name_before(cue: Any, para: _Paragraph) -> Any | None:
    """For a cue before the quote with no subject in the parse ("Col. Jo Lee, a military
    spokesman in Baghdad, said, “…”"): the name right before it, past one apposition set off
    by commas, when only those noun phrases stand there."""
    before = [t for t in cue.sent if t.i < cue.i and _outside(t, para)]
    chunks: list[list[Any]] = [[]]
    for t in reversed(before):
        if t.text == ",":
            chunks.append([])
        elif t.is_punct and t.text != ".":
            return None
        else:
            chunks[-1].insert(0, t)
    chunks = [c for c in chunks if c]
    for chunk in chunks[:2]:
        if not _noun_phrase(chunk):
            return None
        if chunk[-1].pos_ == "PROPN" and all(t.text[:1].isupper() or t.text == "." for t in chunk):
            return chunk[-1]  # a name alone ("Col. Jo Lee"), not "a spokesman in Baghdad"
    return None


def _right_after(para: _Paragraph, cue: Any, q: Quotation) -> bool:
    """Whether only punctuation stands between the quote's closing mark and the cue."""
    at = para.at(cue)
    between = para.tokens(q.close_at, at)
    return at >= q.close_at and all(t.is_punct or not t.text.strip() for t in between)


def _distance(at: int, q: Quotation) -> int:
    return q.open_at - at if at < q.open_at else at - q.close_at


def _statement(cue: Any) -> bool:
    """Said "in a statement" (or a release, a letter...): a later "the statement said" is this
    speaker's."""
    return any(
        t.lemma_.lower() in en.STATEMENT_NOUNS for t in cue.subtree if t.dep_ == "pobj"
    ) or any(t.lower_ == "statement" for t in cue.sent)


def _according_to(q: Quotation, para: _Paragraph, frame: Sequence[Any]) -> _Said | None:
    """ "According to X, “…”" / "“…,” according to X" / "“…,” in X's view": X is the
    speaker."""
    sentences = {t.sent.start for t in para.tokens(q.start, q.end)}
    for t in frame:
        if t.lower_ != "according" or t.sent.start not in sentences:
            continue
        to = next((c for c in t.children if c.lower_ == "to"), None)
        objects = [c for c in (to.children if to is not None else ()) if c.dep_ == "pobj"]
        if objects:
            return _Said("according to", para.at(t), objects[0], para, "according")
    for t in frame:  # "“…,” in Lee's view"
        owner = next((c for c in t.children if c.dep_ == "poss" and _proper(c)), None)
        if (
            t.sent.start in sentences
            and t.dep_ == "pobj"
            and t.head.lower_ == "in"
            and t.lemma_.lower() in _VIEW_NOUNS
            and owner is not None
        ):
            return _Said("in the view of", para.at(t), owner, para, "according")
    return None


def _owned_wording(q: Quotation, para: _Paragraph, inside: Sequence[Any]) -> _Said | None:
    """Words in marks that a noun for something said holds, and whose owner that noun names
    ("Obama's “if you like your plan, you can keep it” promise", "his remark that “Islam
    hates us”"): the owner said them."""
    if _is_title([t.text for t in inside if not t.is_punct]):
        return None  # "his slogan “Make America Great Again”": a name in marks, not a quote
    ids = {t.i for t in inside}
    for t in inside:
        noun = t.head
        if noun.i in ids or not _outside(noun, para) or noun.pos_ != "NOUN":
            continue
        if noun.lemma_.lower() not in en.SAYING_NOUNS:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and (_proper(owner) or owner.pos_ == "PRON"):
            return _Said(noun.lower_, para.at(noun), owner, para, "according")
    return None


# "In Lee's view (words, opinion...), “…”": Lee said it.
_VIEW_NOUNS = frozenset(["view", "words", "opinion", "estimation", "telling", "assessment"])


def _colon(q: Quotation, para: _Paragraph, frame: Sequence[Any]) -> _Said | None:
    """ "X: “…”": a noun phrase and a colon before the quote, nothing else in its sentence;
    or a clause and a colon ("McConnell delivered a blunt message to Trump: “…”"), or a dash
    (:func:`_dash`): its subject; "Continued X: “…”": X; "X issued a statement, “…”": X.
    After a dash, only the noun phrase that follows it ("A SHIFT IN IOWA - Jo Lee: “…”")."""
    before = [t for t in frame if para.at(t) < q.open_at and t.text.strip()]
    if before and before[-1].text in _DASHES and _spaced(before[-1], para):
        return _dash(before, para)
    if len(before) > 1 and before[-1].text == "," and _issued(before[-2]):
        verb = before[-2].head  # "Lee issued a statement, “…”"
        subject = _subject_of(verb, para.quoting)
        return _Said(verb.text.lower(), para.at(verb), subject, para, "colon") if subject else None
    if not before or before[-1].text != ":":
        return None
    head = before[-1].sent.start
    phrase = [t for t in before[:-1] if t.i >= head]
    phrase = _named_after_dash(phrase, para) or phrase
    return _colon_phrase(phrase, para, para.at(before[-1])) if phrase else None


def _signed_colon(q: Quotation, para: _Paragraph, frame: Sequence[Any]) -> _Said | None:
    """ "Polls did predict the race - Harbor Research: “…”": a name after a dash, then a colon
    right before the quote (a roundup's line: what was found, then who found it): that name,
    whatever verb the line before the dash holds."""
    before = [t for t in frame if para.at(t) < q.open_at and t.text.strip()]
    if len(before) < 3 or before[-1].text != ":":
        return None
    phrase = [t for t in before[:-1] if t.i >= before[-1].sent.start]
    named = _named_after_dash(phrase, para)
    return _colon_phrase(named, para, para.at(before[-1])) if named else None


def _named_after_dash(phrase: Sequence[Any], para: _Paragraph) -> list[Any]:
    """The words after the last spaced dash of ``phrase`` when they only name someone ("A
    SHIFT IN IOWA - Jo Lee", "... - Pew Research"), else nothing."""
    dashes = [k for k, t in enumerate(phrase) if t.text in _DASHES and _spaced(t, para)]
    named = list(phrase[dashes[-1] + 1 :]) if dashes else []
    capitalised = any(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in named)
    return named if named and _noun_phrase(named) and capitalised else []


# Dashes as the text writes them: hyphen, en dash, em dash, and the horizontal bar (U+2015,
# the quotation dash: "“…” ― Jo Lee" signs a quote in some outlets' style).
_DASH_CHARACTERS = "-–—―"
_DASHES = frozenset([*_DASH_CHARACTERS, "--"])


def _dash(before: Sequence[Any], para: _Paragraph) -> _Said | None:
    """A clause and a dash before the quote ("Lee then wrapped up — “…”"): its subject, if
    it is a name or "he"/"she" (a clause of other words before a dash is the writer's)."""
    head = before[-1].sent.start
    phrase = [t for t in before[:-1] if t.i >= head]
    verbs = [t for t in phrase if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    if not verbs:
        return None
    subject = _subject_of(verbs[0], para.quoting)
    if subject is None or subject.i < phrase[0].i or not _person_like(subject):
        return None
    return _Said(verbs[0].text.lower(), para.at(verbs[0]), subject, para, "colon")


def _spaced(token: Any, para: _Paragraph) -> bool:
    """A token with white space before it ("IOWA - Jo Lee", not "three-year")."""
    return token.idx > 0 and para.doc.text[token.idx - 1].isspace()


# Prepositions that lead to whom words come from ("More from Jo Lee:").
_FROM = frozenset(["from", "by"])


def _colon_phrase(phrase: Sequence[Any], para: _Paragraph, colon_at: int) -> _Said | None:
    """Who a colon's lead-in names: a short noun phrase's last noun, or the subject of the
    clause's main verb."""
    cut = next(
        (k for k, t in enumerate(phrase) if t.pos_ == "ADP" and k and t.lower_ not in _FROM),
        len(phrase),
    )
    nouns = [t for t in phrase[:cut] if t.pos_ in ("PROPN", "NOUN")]  # not "in December"
    verbs = [t for t in phrase if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        name = _leading_name(phrase)
        if name is not None and len(phrase) <= _NAME_LINE_TOKENS:
            return _Said(":", colon_at, name, para, "colon")  # "Jo Lee, 34, a nurse in Reno:"
        return (
            _Said(":", colon_at, nouns[-1], para, "colon") if nouns and len(phrase) <= 8 else None
        )
    root = next((t for t in verbs if t.dep_ == "ROOT"), None)
    top = root is None
    root = root or _top_verb(verbs, phrase)
    subject = _subject_of(root, para.quoting)
    if subject is None and _speech_verb(root) and root.i == phrase[0].i:
        subject = _named_after(root)  # "Continued Lee: “…”"
        top = True
    if subject is None or subject.i < phrase[0].i or top and not _person_like(subject):
        return None  # (a clause the parse hung on the quote: only a name or "he"/"she")
    return _Said(root.text.lower(), para.at(root), subject, para, "colon")


_NAME_LINE_TOKENS = 16


def _leading_name(phrase: Sequence[Any]) -> Any | None:
    """The last word of a name that opens a phrase and is set off from what describes it by a
    comma ("Jo Lee, 34, Reno": Lee, not Reno), or None."""
    words = [t for t in phrase if not (t.is_punct and t.text != ",")]
    first = next((k for k, t in enumerate(words) if t.text == ","), None)
    if first is None or not 0 < first <= 5:
        return None
    name = words[:first]
    return name[-1] if all(t.pos_ == "PROPN" for t in name) else None


def _top_verb(verbs: Sequence[Any], phrase: Sequence[Any]) -> Any:
    """The lead-in's main verb when the parse hung it on the quote ("Clinton has since
    apologized for it: “…”"): the first verb, not an auxiliary, whose head lies outside it."""
    inside = {t.i for t in phrase}
    main = [t for t in verbs if t.dep_ not in ("aux", "auxpass") and t.head.i not in inside]
    return main[0] if main else verbs[0]


def _sentence_subject(q: Quotation, para: _Paragraph, inside: Sequence[Any]) -> _Said | None:
    """A quoted fragment inside a sentence ("X called the talks “very good.”"): the subject of
    the verb the fragment hangs on. Not where the fragment is what "be" says its subject is
    ("To Ortiz, Lee is the “kind-hearted” man who ...", "the Lees were “the first family
    to ...”": words about the subject, likely someone else's), unless the subject is a
    wording ("Lee's motto was “…”")."""
    if not inside:
        return None
    first = inside[0]
    if first.i == first.sent.start or para.at(first.sent[0]) >= q.open_at:
        return None  # the sentence opens with the quote: no frame before it
    token = top = first
    while token.head.i != token.i and not (
        token.pos_ in ("VERB", "AUX") and not _within(token, inside)
    ):
        top, token = token, token.head
    subject = _subject_of(token, para.quoting) if token.pos_ in ("VERB", "AUX") else None
    if subject is None or _within(subject, inside):
        return None
    if (
        _what_it_is(token, top)
        and subject.lemma_.lower() not in _WORDING_NOUNS | en.STATEMENT_NOUNS
    ):
        return None
    return _Said(token.text.lower(), para.at(token), subject, para, "subject")


def _what_it_is(verb: Any, top: Any) -> bool:
    """A phrase that "be" says its subject is (its complement noun, or a subject the parse put
    after the verb: "Lee is the “…” man", "Lee was “not a journalist”")."""
    return verb.lemma_.lower() == "be" and top.dep_ in ("attr", "nsubj", "neg")


def _within(token: Any, inside: Sequence[Any]) -> bool:
    return any(token.i == t.i for t in inside)


# --------------------------------------------------------------------------- speakers


def _subject_span(subject: Any, para: _Paragraph) -> tuple[int, int]:
    """The subject's noun phrase without what trails it (an apposition, a relative clause)."""
    left = _left_edge(subject, para)
    end = subject.idx + len(subject.text)
    for child in subject.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "punct" and child.text == "-"):
            end = child.right_edge.idx + len(child.right_edge.text)
        else:
            break
    return para.start + left.idx, para.start + end


def _left_edge(subject: Any, para: _Paragraph, commas: bool = True) -> Any:
    """The first word of a subject's phrase: after a spaced dash ("particularly problematic -
    Pew Research": Pew) and, with ``commas``, after a comma that sets off what comes before
    it."""
    left = subject.left_edge
    for child in subject.lefts:
        if commas and child.dep_ == "punct" and child.text == ",":
            left = subject.doc[child.i + 1]
    for t in subject.doc[left.i : subject.i]:
        if t.text in _DASHES and _spaced(t, para):
            left = subject.doc[t.i + 1]
    return left


def _referent_span(subject: Any, para: _Paragraph) -> tuple[int, int]:
    """The span of whom a subject is about, for the read-back: its noun phrase
    (:func:`_subject_span`) without a possessor before its head ("Mr. Lee's plan" is about no
    person Lee; "Lee's aide Jo Ortiz" is Ortiz), nor a name that only qualifies a common noun
    head ("The Lee campaign", "the Lee family": about no person Lee)."""
    start, end = _subject_span(subject, para)
    owners = [c for c in subject.lefts if c.dep_ == "poss"]
    if owners:
        edge = owners[-1].right_edge
        nxt = subject.doc[edge.i + 1] if edge.i + 1 < len(subject.doc) else edge
        start = max(start, para.at(nxt))
    if not _proper(subject) and any(c.dep_ == "compound" and _proper(c) for c in subject.lefts):
        start = max(start, para.at(subject))
    return start, end


def _main_subjects(para: _Paragraph) -> list[Any]:
    """The subjects of a parsed stretch's main clauses (who its sentences are about): of its
    roots and of the clauses joined to them ("..., but Christie wasn't having it"); and a name
    the parse made a sentence's root, its verb taken for an adjective ("Erin Lee, the
    lawyer, endorsed the plan, saying ..." with "endorsed" read as one)."""
    return [
        t
        for t in para.doc
        if (t.dep_ == "ROOT" and t.pos_ == "PROPN" and _outside(t, para))
        or t.dep_ in _SUBJECT_DEPS
        and t.pos_ != "PRON"
        and (
            t.head.dep_ == "ROOT"
            or t.head.dep_ == "conj"
            and t.head.head.dep_ == "ROOT"
            or t.head.dep_ in ("ccomp", "parataxis")
            and (t.head.head.i in para.quoting or _leads(t.head, para))
        )
    ]


def _leads(clause: Any, para: _Paragraph) -> bool:
    """A clause outside the quote marks that comes before the verb of saying it hangs on: the
    parse's reading of "X declared the need for...: “…” she said", where X's clause is the
    sentence's main one and "she said" only attributes the quote."""
    if clause.i > clause.head.i or not _outside(clause, para):
        return False
    return _speech_verb(clause.head) or not _marked(clause)


def _one_name(subject: Any) -> bool:
    """A subject that may name one person: a capitalised proper noun, not a plural one
    ("Latinos", "Democrats")."""
    return _proper(subject) and subject.tag_ != "NNPS" and subject.text[:1].isupper()


# A word whose capitals only a name has: "D’Souza", "O'Malley", "McCain", "DeLauro"
_NAME_CAPITALS = re.compile(r"[A-Z][a-z]{0,3}['’]?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def _proper(token: Any) -> bool:
    """A proper noun, or a noun the tagger took for a common one that is written as only a
    name is ("D’Souza went on")."""
    return token.pos_ == "PROPN" or (
        token.pos_ == "NOUN" and _NAME_CAPITALS.fullmatch(token.text) is not None
    )


def _add_parse(context: Discourse, paragraphs: Sequence[_Paragraph]) -> None:
    """Tell the read-back what the parse says (:meth:`Discourse.add_parse`)."""
    subjects = [(p, t) for p in paragraphs for t in _main_subjects(p)]
    named_aside = [  # "The Post columnist, Ruth Marcus, wrote": Marcus is who wrote
        (p, c) for p, t in subjects for c in t.rights if c.dep_ == "appos" and _one_name(c)
    ]
    context.add_parse(
        [(p.start, p.end) for p in paragraphs],
        [_referent_span(t, p) for p, t in subjects + named_aside],
        [_subject_span(t, p) for p, t in subjects if _one_name(t) and t.dep_ != "ROOT"],
    )  # (a root that is a name counts only where the people finder found a person there)


def _named_in(span: tuple[int, int], head: int, context: Discourse) -> Speaker | None:
    """The person or organisation whose name holds the phrase's head word at ``head`` ("Labour
    Minister Ana Ortiz", "The New York Post"); a name that only qualifies the head ("a State
    Department spokesperson", "Biden administration officials") is not the speaker."""
    for p in context.persons:
        if span[0] <= p.start and p.end <= span[1] + 1 and p.start <= head < p.end:
            return Speaker(p.text, (p.start, p.end), True, "person")
    org = organisation_at(context.article, span[0], span[1] + 1)
    if org is not None and org.start <= head < org.end:
        name = re.sub(r"^(?:the|The)\s+", "", org.text)
        start = org.end - len(name)
        return Speaker(name, (start, org.end), True, "person" if org.label == "PERSON" else "org")
    return None


def _speaker(said: _Said, context: Discourse) -> Speaker | None:
    """Who ``said`` names: a name in its subject (or the apposition after it), a pronoun or a
    description read back, or the description itself; someone with no name for a poll's
    share ("73 percent said": the words were said, by no one to name)."""
    subject = said.subject
    if subject is None or context.in_headline(said.paragraph.at(subject)):
        return None
    if _a_share(subject):  # (a fragment a share's verb frames is no one's: "90 percent were")
        return None if said.kind == "subject" else Speaker(None, None, False, "pronoun")
    if subject.pos_ == "PRON":
        return _pronoun_speaker(said, context)
    named = _subject_name(subject, said.paragraph, context)
    if named is not None or said.kind == "subject":
        return named  # "the tone of the interview" did not say the words it frames
    if subject.pos_ in ("DET", "ADP", "SCONJ") or subject.lower_ in _NOT_SPEAKERS:
        return Speaker(None, None, False, "pronoun")  # "others", "self": someone unnamed
    return _described(subject, said.paragraph, context)


def _a_share(subject: Any) -> bool:
    """A subject that is a share of people, as a poll counts them ("Some 55 percent of
    voters", "24% of Republicans", "73 percent", "a majority of Democrats", "two-thirds of
    them"): a poll's figure, not someone who spoke; or a bare number ("Only 40 said")."""
    if subject.lower_ in en.SHARE_NOUNS or subject.lemma_.lower() in en.SHARE_NOUNS:
        return True
    return subject.pos_ == "NUM" and not any(c.dep_ == "prep" for c in subject.children)


# Heads of a subject that describe no speaker.
_NOT_SPEAKERS = frozenset(["self", "others", "another", "that", "this", "which"])


def _pronoun_speaker(said: _Said, context: Discourse) -> Speaker | None:
    """ "He said": the person read back; else a speaker with no name (a pronoun is no name
    to show: "they noted" is read back to no group, as the nearest plural subject was the
    speaker in only about half of PolNeAR train's cases); no speaker for a fragment."""
    subject: Any = said.subject
    found = context.pronoun(subject.text, said.paragraph.at(subject))
    if found is None and said.kind == "subject":
        return None
    return found or Speaker(None, None, False, "pronoun")


def _subject_name(subject: Any, para: _Paragraph, context: Discourse) -> Speaker | None:
    """The name a subject phrase gives: held by its head, or by its apposition ("a spokesman,
    Jim Lee,"), or its capitalised head itself; "Miller's statement" is Miller's."""
    named = _named_in(_subject_span(subject, para), para.at(subject), context)
    appos = next((c for c in subject.rights if c.dep_ == "appos"), None)
    if named is None and appos is not None:
        named = _named_in(_subject_span(appos, para), para.at(appos), context)
    if named is None:  # "a retired teacher named Jo Lee", "the base chief known as Bob"
        called = [
            g
            for c in subject.rights
            if c.dep_ == "acl" and c.lemma_.lower() in ("name", "call", "know")
            for g in [*c.children, *(g for a in c.children if a.lower_ == "as" for g in a.children)]
            if g.dep_ in ("oprd", "dobj", "attr", "pobj") and _proper(g)
        ]
        if called:
            named = _named_in(_subject_span(called[0], para), para.at(called[0]), context)
            alone = _proper_noun(called[0], para)  # a name the tagger missed: a person's
            if named is None and alone is not None:
                named = Speaker(alone.name, alone.span, True, "person")
    if named is None and _proper(subject) and subject.text[:1].isupper():
        named = _proper_noun(subject, para)
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    words = en.STATEMENT_NOUNS | _WORDING_NOUNS
    if named is None and owner is not None and subject.lemma_.lower() in words:
        named = _named_in(_subject_span(owner, para), para.at(owner), context)
    return _whole_name(named, subject, para, context)


# Nouns for what someone says: "Lee's dictum was “…”" is Lee's.
_WORDING_NOUNS = frozenset(
    ["phrase", "words", "word", "dictum", "motto", "slogan", "quip", "line", "mantra", "refrain"]
)


def _whole_name(
    named: Speaker | None, head: Any, para: _Paragraph, context: Discourse
) -> Speaker | None:
    """An organisation's name the NER cut short, as the parse joins it ("Eastvale Fire and
    Rescue Service", not "Eastvale Fire"); a person's name as the people found it stays."""
    if named is None or named.span is None:
        return named
    if named.kind == "person" and any(p.start == named.span[0] for p in context.persons):
        return named
    right = _name_goes_on(head)
    end = para.at(right) + len(right.text)
    if end <= named.span[1] or not para.holds(named.span[0]):
        return named
    start = named.span[0]
    return Speaker(para.doc.text[start - para.start : end - para.start], (start, end), True, "org")


def _described(subject: Any, para: _Paragraph, context: Discourse) -> Speaker:
    """An unnamed speaker: a definite description read back ("the spokesman", "the company",
    "the statement"), else the description as the text says it."""
    span = _subject_span(subject, para)
    if _definite(subject):
        phrase = context.article.text[span[0] : span[1]]
        found = context.nominal(subject.lemma_, phrase, span[0])
        if found is not None:
            return found
    return Speaker(_description(subject, para, context.article.text), None, False, "unnamed")


def _proper_noun(subject: Any, para: _Paragraph) -> Speaker | None:
    """A capitalised name the NER did not label ("the SRE", "Fox"), with the capitalised
    words joined to it ("Eastvale Fire and Rescue Service", "Porthaven Chamber of
    Commerce"); a title alone ("Chief says ...") is no name."""
    left = subject
    while (
        left.i > 0
        and subject.doc[left.i - 1].pos_ == "PROPN"
        and subject.doc[left.i - 1].head == subject
    ):
        left = subject.doc[left.i - 1]
    right = _name_goes_on(subject)
    if left.i == right.i and is_title_word(subject.text):
        return None
    start, end = para.at(left), para.at(right) + len(right.text)
    name = para.doc.text[start - para.start : end - para.start]  # (the article's own text)
    return Speaker(name, (start, end), True, "org")


def _name_goes_on(head: Any) -> Any:
    """The last word of a name that goes on after its head with capitalised words joined by
    "and", "of" or "for" ("Fire and Rescue Service", "Chamber of Commerce")."""
    right = head
    for child in head.rights:
        if child.dep_ == "cc" and child.lower_ in ("and", "&"):
            continue  # the conjunct after it decides
        joined = child.dep_ == "conj" or child.dep_ == "prep" and child.lower_ in ("of", "for")
        edge = list(child.subtree)
        if (
            joined
            and all(t.pos_ in ("PROPN", "CCONJ", "ADP", "DET") for t in edge)
            and all(t.text[:1].isupper() for t in edge if t.pos_ == "PROPN")
        ):
            right = edge[-1]
            continue
        break
    return right


def _definite(subject: Any) -> bool:
    return any(
        c.dep_ in ("det", "poss") and c.lower_ in {"the", "this", "that"} for c in subject.children
    )


# What qualifies an unnamed speaker ("an adviser to the governor", "a study by two
# economists at Lund University"; not "on": "an official on a call with reporters")
_DESCRIPTION_PREPOSITIONS = frozenset(["for", "of", "at", "from", "with", "in", "to", "by"])


def _description(subject: Any, para: _Paragraph, text: str) -> str:
    """An unnamed speaker as the text says it: the subject with what qualifies it ("a senior
    administration official", "a spokesman for the ministry"), without a relative clause or
    what a comma sets off ("an adviser to the mayor, who asked not to be named,") but a name
    ("the minister for transport, Ana Ortiz")."""
    end = subject
    for child in subject.rights:
        if child.dep_ in ("compound", "amod", "nummod") or (
            child.dep_ == "prep" and child.lower_ in _DESCRIPTION_PREPOSITIONS
        ):
            end = child.right_edge
        else:
            break
    doc = subject.doc
    comma = next((t for t in doc[subject.i : end.i + 1] if t.text == ","), None)
    named = comma is not None and comma.i + 1 < len(doc) and doc[comma.i + 1].pos_ == "PROPN"
    if comma is not None and comma.i > subject.i and not named:  # (a name after it stays)
        end = subject.doc[comma.i - 1]
    start, stop = para.at(_left_edge(subject, para, commas=False)), para.at(end) + len(end.text)
    return re.sub(r"\s+", " ", text[start:stop]).strip(" ,")


# --------------------------------------------------------------------------- extraction


@dataclass
class _Found:
    """A quotation with its attribution and speaker, as worked out."""

    quotation: Quotation
    said: _Said | None
    speaker: Speaker | None
    parts: list[tuple[int, int]]
    how: str = "cue"  # cue, continued


def extract_quotes(
    article: Article,
    persons: Sequence[PersonMention] | None = None,
) -> list[QuoteMention]:
    """Direct and reported quotes of one article with their speakers (see the module doc).

    Args:
        article: an annotated article (sentences and NER mentions filled).
        persons: :func:`corroborate.annotate.people.find_person_mentions` of it, if already run
            (the story's, with names known from other articles, give better speakers).

    The parse comes from ``article.parsed`` (spaCy's pass), else is made here.
    """
    text = article.text
    persons = list(persons) if persons is not None else find_person_mentions(article)
    quotations = find_quotations(text)
    context = Discourse.of(article, persons, [(q.open_at, q.close_at) for q in quotations])
    quoted = [q for q in quotations if not context.in_headline(q.start)]
    paragraphs = parsed_paragraphs(article, quoted)
    _add_parse(context, paragraphs)
    # reported speech first: "X said in a statement that ..." names the statement's issuer
    indirect = _indirect_quotes(article, paragraphs, quoted, context)
    found = _attribute(quoted, paragraphs, context)
    stitched = _stitch(found, context)
    for f in stitched:
        if f.speaker is None and f.said is None:
            f.speaker = _speaker_of_paragraph_before(
                f.quotation, context, paragraphs
            ) or _speaker_earlier_in_paragraph(f.quotation, context)
    direct = [_mention(article, f) for f in stitched if _is_quote(text, f)]
    for para in paragraphs:
        para.doc.release()
    found_quotes = sorted(direct + indirect, key=lambda m: m.start)
    if article.language not in (None, "en"):
        found_quotes = _speakers_named_abroad(found_quotes, persons)
    return found_quotes


def _speakers_named_abroad(
    quotes: list[QuoteMention], persons: Sequence[PersonMention]
) -> list[QuoteMention]:
    """In an article in another language the attributions are read with English grammar:
    the words in quote marks are the quote, but a speaker is kept only when it is one of the
    people the article names (:func:`find_person_mentions`, which keeps only names that read
    as people's there); otherwise the speaker is whatever stood beside the verb ("en su
    opinión", "Dodał", "0,99 Millionen") and the quote is shown with none."""
    names = {name_tokens(p.text)[-1] for p in persons if name_tokens(p.text)}
    out = []
    for q in quotes:
        tokens = name_tokens(q.speaker_name) if q.speaker_name else []
        if q.speaker_name is None or (q.named and tokens and tokens[-1] in names):
            out.append(q)
        elif not q.indirect:  # reported speech stands on its speaker: without one it is none
            out.append(replace(q, speaker_name=None, speaker_span=None, named=False, cue=None))
    return out


def _attribute(
    quoted: Sequence[Quotation], paragraphs: Sequence[_Paragraph], context: Discourse
) -> list[_Found]:
    """Each quotation with its attribution and speaker, in article order (the read-back state
    grows as it goes). A quote that opens its paragraph with no attribution of its own takes
    the one that leads into it ("X wrote:" ending the paragraph before)."""
    out: list[_Found] = []
    for q in quoted:
        para = _paragraph_of(q.start, paragraphs)
        said = _cue_for(q, para) if para is not None else None
        signed = None
        if said is None and _opens_paragraph(context.article.text, q):
            signed = _signed(q, context)
            said = _lead_in(q, paragraphs) if signed is None else None
            if said is None and signed is None:
                signed = _name_line(q, context)
        if said is None and signed is None:
            signed = _said_in_text(q, context)
        speaker = _speaker(said, context) if said is not None else signed
        if said is not None and said.kind in ("linked", "beside") and _lost(said.subject):
            speaker = _name_beside_cue(q, said, context) or speaker
        if said is not None and said.kind in _NAMES_ONLY and not (speaker and speaker.named):
            said, speaker = None, None
        if speaker is not None:
            context.hear(speaker, said.cue_at if said else q.start, bool(said and said.statement))
            if said is not None and _one_described(speaker, said.subject):
                context.hear_described(said.cue_at, speaker)
            elif said is not None and (head := _definite_unnamed(speaker, said.subject)):
                context.hear_unnamed(said.cue_at, head)
        out.append(_Found(q, said, speaker, [(q.start, q.end)]))
    return out


def _lost(subject: Any | None) -> bool:
    """A cue's subject the parse lost ("“…,” screenwriter Jo Lee wrote" with "screenwriter"
    read as a verb) or mangled ("Of the plan, Lee said" with "Of" for the subject)."""
    return subject is None or subject.pos_ in _NO_SUBJECT_POS


_NO_SUBJECT_POS = frozenset(["ADP", "SCONJ", "CCONJ", "PUNCT", "SYM", "X"])


def _name_beside_cue(q: Quotation, said: _Said, context: Discourse) -> Speaker | None:
    """For a cue beside the quote whose subject the parse lost (:func:`_lost`): the person
    named right before the cue, past an apposition set off by commas, a bracket or an adverb
    ("Rep. Jo Lee (D-Ore.) said", "Lee, who ran the plant, later said"), or right after a cue
    that follows the quote ("“…,” said Lee"), read from the text and the tags, not the
    parse. A name that only qualifies another noun ("a source close to Jo Lee said", "Lee
    aides said", "Ortiz and Lee said") is nobody's name here."""
    para = said.paragraph
    cue = next((t for t in para.tokens(said.cue_at, said.cue_at + 1)), None)
    if cue is None:
        return None
    cue_end = said.cue_at + len(cue.text)
    people = [
        p
        for p in context.persons
        if para.in_line(p.start) and p.end <= para.line[1] and _outside_quotes(p.start, para)
    ]
    if said.cue_at >= q.close_at:
        after = next((p for p in people if p.start >= cue_end), None)
        if after is not None and not context.article.text[cue_end : after.start].strip():
            return Speaker(after.text, (after.start, after.end), True, "person")
    before = [p for p in people if p.end <= said.cue_at and p.start >= _clause_start(q, said)]
    for person in reversed(before):  # (a name inside the apposition is passed over)
        if not _aside_only(para.tokens(person.end, said.cue_at)):
            continue
        if _qualifies(person, para):
            return None
        return Speaker(person.text, (person.start, person.end), True, "person")
    return None


def _outside_quotes(at: int, para: _Paragraph) -> bool:
    tokens = para.tokens(at, at + 1)
    return bool(tokens) and _outside(tokens[0], para)


def _clause_start(q: Quotation, said: _Said) -> int:
    """Where a name before the cue may begin: after the quote when the cue follows it, else
    the start of the cue's paragraph."""
    return q.close_at if said.cue_at >= q.close_at else said.paragraph.line[0]


def _aside_only(between: Sequence[Any]) -> bool:
    """Between a name and its verb, only an apposition set off by commas, a bracket, adverbs
    or auxiliaries ("Lee, the mayor, said", "Lee (D-Ore.) said", "Lee also has said")."""
    closing = None
    for t in between:
        if t.text in _QUOTE_MARK_TOKENS or t.text in (".", "!", "?", ";", ":"):
            return False
        if closing is not None:
            closing = None if t.text == closing else closing
        elif t.text in ("(", ","):
            closing = ")" if t.text == "(" else ","
        elif t.pos_ not in ("ADV", "AUX", "PART"):
            return False
    return closing is None


def _qualifies(person: PersonMention, para: _Paragraph) -> bool:
    """A name that qualifies what stands before it: after a preposition, a conjunction or a
    possessive ("close to Jo Lee", "Ortiz and Lee", "the mayor's aide Lee")."""
    first = para.tokens(person.start, person.start + 1)
    if not first or first[0].i == 0:
        return False
    doc = first[0].doc
    before = doc[first[0].i - 1]
    joined = before.pos_ == "CCONJ" and before.i > 0 and doc[before.i - 1].pos_ in ("PROPN", "NOUN")
    return before.pos_ == "ADP" or joined or before.tag_ == "POS"  # (not a leading "And")


def _one_described(speaker: Speaker, subject: Any | None) -> bool:
    """A speaker the text introduces by a description and does not name, one person ("a
    senior official", "an aide to the mayor"; not "officials", "an investigation", nor "the
    candidate", which mostly stands for someone named before)."""
    return (
        speaker.kind == "unnamed"
        and subject is not None
        and subject.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in subject.children)
        and subject.lemma_.lower() in _ONE_PERSON_NOUNS
    )


def _definite_unnamed(speaker: Speaker, subject: Any | None) -> str | None:
    """The head noun of a speaker the text calls by a definite description of one person
    that names no one the read-back finds ("the former president", "the Ohio governor"), or
    None: someone a "he said" after it may be, whom the article named before under another
    description or not at all."""
    if speaker.kind != "unnamed" or subject is None or subject.tag_ != "NN":
        return None
    head = str(subject.lemma_).lower()
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    return head if the and head in _ONE_PERSON_NOUNS else None


# Head nouns of a description of one person who speaks ("a senior official", "the host").
_ONE_PERSON_NOUNS = en.TITLE_HEADS | en.PERSON_NOUNS | en.MEDIA_PERSON_NOUNS


_SIGNATURE = re.compile(rf"[^\S\n]*\n\s*[{_DASH_CHARACTERS}]\s*")


def _signed(q: Quotation, context: Discourse) -> Speaker | None:
    """A quote signed with a dash and a name, after it in its paragraph ("“…” — Jo Lee, 34")
    or, when it fills its paragraph, in the next one ("“…”", then "- Jo Lee." or "-President
    Lee, tweeting after ..."): the person named there (not "— Jo Lee's campaign")."""
    text = context.article.text
    line_end = _line_end(text, q.close_at)
    dash = _SIGNED_AFTER.match(text, q.close_at, line_end)
    if dash is None and re.search(r"\w", text[q.close_at : line_end]):
        return None
    dash = dash or _SIGNATURE.match(text, line_end)
    if dash is None:
        return None
    stop = _line_end(text, dash.end())
    for p in context.persons:
        if dash.end() <= p.start < min(stop, dash.end() + 25):
            if re.match(r"['’]s\b", text[p.end : p.end + 3]):
                return None
            return Speaker(p.text, (p.start, p.end), True, "person")
    return _name_by_form(text, dash.end(), stop)


# A given name, a middle initial or none ("Jo A. Lee", "Jo N Lee") and one or two capitalised
# words, up to a comma, a full stop or the line's end.
_FORM_NAME = re.compile(
    r"([A-Z][a-z]+)((?:[^\S\n]+[A-Z]\.?)?(?:[^\S\n]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})"
    r"(?=[,.]|\s*$)"
)


def _name_by_form(text: str, start: int, stop: int) -> Speaker | None:
    """The name that opens ``text[start:stop]`` by its form alone, where the tagger found no
    person there ("-Michelle Marks, Philadelphia.", "- Julia R. Brandt"): a given name the
    census knows (:func:`given_name_gender`), perhaps a middle initial, and one or two
    capitalised words, then a comma, a full stop or the line's end."""
    m = _FORM_NAME.match(text, start, stop)
    if m is None or given_name_gender(m.group(1)) is None:
        return None
    return Speaker(m.group(), (m.start(), m.end()), True, "person")


# A dash after a quote's closing mark, in its paragraph ("” — Jo Lee", "” -Jo Lee").
_SIGNED_AFTER = re.compile(rf"[^\S\n]*[{_DASH_CHARACTERS}]{{1,2}}[^\S\n]*(?=[A-Z])")


def _said_in_text(q: Quotation, context: Discourse) -> Speaker | None:
    """Where the parse gave no attribution at all (the tokenizer glued "said,“Look" into one
    word): a person named right before "said" (says, told, added...) that leads into the
    quote ("Lee said,“…"), or right after the quote, before or after such a verb ("“…,”Lee
    said", "“…,” said Lee"), read from the text alone."""
    text = context.article.text
    line_start, line_end = _line_start(text, q.open_at), _line_end(text, q.close_at)
    before = _VERB_BEFORE.search(text, line_start, q.open_at)
    after = _VERB_AFTER.match(text, q.close_at, line_end)
    gap = _GAP.match(text, q.close_at, line_end)
    for p in context.persons:
        if p.start < line_start or p.end > line_end or _inside_any(p.start, context.quoted):
            continue
        if before and p.end <= before.start() and not text[p.end : before.start()].strip():
            if _QUALIFIED.search(text, line_start, p.start):
                return None  # "a source close to Lee said,“…"
            return Speaker(p.text, (p.start, p.end), True, "person")
        if after and p.start == after.end():
            return Speaker(p.text, (p.start, p.end), True, "person")
        if gap and p.start == gap.end() and _VERB_NEXT.match(text, p.end, line_end):
            return Speaker(p.text, (p.start, p.end), True, "person")
    return None


def _inside_any(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in spans)


_SAYING_WORD = "|".join(sorted(en.SPEAKER_VERBS))
# A name after a preposition, a conjunction or a possessive only qualifies another noun.
_QUALIFIED = re.compile(r"(?:\b(?:to|for|of|with|by|at|from|about|and)|&|['’]s)\s+$")
# "… Lee said,“", "… Lee told reporters:“": the verb right before the opening mark.
_VERB_BEFORE = re.compile(rf"(?<=\s)(?:{_SAYING_WORD})(?:\s+\w+)?\s*[,:]?\s*$")
# "”, said Lee": the verb right after the closing mark, the name after it.
_VERB_AFTER = re.compile(rf",?\s*(?:{_SAYING_WORD})\s+")
# "”Lee said.": only a comma or white space between the mark and the name, the verb next.
_GAP = re.compile(r",?\s*")
_VERB_NEXT = re.compile(rf"\s+(?:{_SAYING_WORD})\b")


def _name_line(q: Quotation, context: Discourse) -> Speaker | None:
    """A quote opening its paragraph right after a paragraph that is only a person's name,
    with what describes them set off by commas ("Jo Lee, 34, a nurse in Reno", then "“…”":
    the answers of a vox pop): that person. A line that says anything else is no name line."""
    text = context.article.text
    before_start, before_end = _paragraph_before(text, q.open_at)
    line = text[before_start:before_end]
    if not line.strip() or len(line.split()) > _NAME_LINE_WORDS or re.search(r"[“”\"«»]", line):
        return None
    lead = len(line) - len(line.lstrip(" \t*•" + _DASH_CHARACTERS))
    at = before_start + lead
    names = [(p.start, p.end, p.text) for p in context.persons if p.start == at] + [
        (m.start, m.end, m.text)
        for m in context.article.mentions
        if m.start == at and m.label == "PERSON"
    ]
    if not names:
        return None
    start, end, name = max(names, key=lambda n: n[1])
    rest = text[end:before_end].strip()
    if rest and not re.fullmatch(r",[^.!?;:]*\.?", rest):
        return None
    return Speaker(name, (start, end), True, "person")


_NAME_LINE_WORDS = 15


def _speaker_of_paragraph_before(
    q: Quotation, context: Discourse, paragraphs: Sequence[_Paragraph] = ()
) -> Speaker | None:
    """A quote filling its paragraph with no attribution at all, right after a paragraph
    in which one named speaker and no one else was heard ("Jo Lee said that the port would
    reopen.", then "“We have waited long enough for this.”"), or, where no one was heard
    there, in which one named person is the subject of a verb of saying with no quote of
    its own ("Lee elaborated in an op-ed.", "If anything, Lee argued in his email, the rules
    failed."): that speaker goes on. A paragraph of a few quoted words alone ("“A tough
    decision.”") is a pull quote or a heading: no one's."""
    text = context.article.text
    if not _fills_paragraph(text, q) or len(text[q.start : q.end].split()) < _LONE_QUOTE_WORDS:
        return None
    before_start, before_end = _paragraph_before(text, q.open_at)
    if before_end <= before_start or context.in_headline(before_start):
        return None
    heard = [h.speaker for h in context.heard if before_start <= h.at < before_end]
    if not heard:
        heard = _speaking_subjects(before_start, before_end, paragraphs, context)
    if not heard or len({_speaker_key(s) for s in heard}) != 1 or heard[-1].kind != "person":
        return None
    return heard[-1]


def _speaker_earlier_in_paragraph(q: Quotation, context: Discourse) -> Speaker | None:
    """A quote with no attribution at all after a sentence of its own paragraph in which one
    named person, and no one else, was heard ("Lee has argued that the law was flawed from
    the start. As a result, there is still “a very powerful industry.”"): that person."""
    text = context.article.text
    start = _line_start(text, q.open_at)
    heard = [h.speaker for h in context.heard if start <= h.at < q.open_at]
    if not heard or len({_speaker_key(s) for s in heard}) != 1 or heard[-1].kind != "person":
        return None
    return heard[-1]


def _speaking_subjects(
    start: int, end: int, paragraphs: Sequence[_Paragraph], context: Discourse
) -> list[Speaker]:
    """The named subjects of the verbs of saying in the parsed stretches between ``start``
    and ``end`` (one paragraph that quotes no one), each as :func:`_speaker` names it."""
    out = []
    for para in paragraphs:
        if not (start <= para.start and para.end <= end) or para.quoting:
            continue
        for cue in para.speech_verbs:
            said = _Said.by(cue, para, "before", _subject_of(cue, para.quoting))
            speaker = _speaker(said, context) if said.subject is not None else None
            if speaker is not None and speaker.named:
                out.append(speaker)
    return out


_LONE_QUOTE_WORDS = 6


def _speaker_key(speaker: Speaker) -> str:
    words = (speaker.name or "").split()
    return words[-1] if words else ""


def _fills_paragraph(text: str, q: Quotation) -> bool:
    """Nothing but the quote (and its marks, punctuation) in its paragraph."""
    line_start, line_end = _line_start(text, q.open_at), _line_end(text, q.close_at)
    return not _WORD.search(text[line_start : q.open_at]) and not _WORD.search(
        text[q.close_at : line_end]
    )


def _paragraph_of(at: int, paragraphs: Sequence[_Paragraph]) -> _Paragraph | None:
    return next((p for p in paragraphs if p.holds(at)), None)


def _opens_paragraph(text: str, q: Quotation) -> bool:
    return not text[_line_start(text, q.open_at) : q.open_at].strip()


def _line_start(text: str, at: int) -> int:
    """Where the paragraph (line) holding ``at`` begins."""
    return text.rfind("\n", 0, at) + 1


def _line_end(text: str, at: int) -> int:
    """Where the paragraph (line) holding ``at`` ends (its line break, or the text's end)."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _paragraph_before(text: str, at: int) -> tuple[int, int]:
    """The span of the last non-blank paragraph before the one holding ``at`` (empty when
    there is none)."""
    end = len(text[: _line_start(text, at)].rstrip())
    return _line_start(text, end), end


def _lead_in(q: Quotation, paragraphs: Sequence[_Paragraph]) -> _Said | None:
    """The attribution that leads into a quote filling the next paragraph: the paragraph
    before ends with a colon ("Cruz said:", "She wrote on Twitter:", "He then listed the
    qualities:") or with a verb of saying that has no words of its own ("Howard continued his
    scathing remarks.")."""
    para = _previous_paragraph_span(q, paragraphs)
    last = list(para.doc.sents)[-1] if para is not None and len(para.doc) else None
    if para is None or last is None:
        return None
    if not last.text.rstrip().endswith(":"):
        return _said_before(last, para)
    cues = [t for t in last if _speech_verb(t) and _outside(t, para)]
    if cues:
        cue = cues[-1]
        return _Said.by(cue, para, "lead-in", _subject_of(cue, para.quoting))
    phrase = [t for t in last[:-1] if _outside(t, para)]
    return _colon_phrase(phrase, para, para.at(last[-1])) if phrase else None


def _said_before(last: Any, para: _Paragraph) -> _Said | None:
    """A sentence with no quote whose main verb is a verb of saying without a clause of its
    own: what it says is the next paragraph's quote."""
    root = last.root
    if any(not _outside(t, para) for t in last) or not _speech_verb(root):
        return None
    if any(c.dep_ in _CLAUSE_DEPS + ("ccomp",) for c in root.children):
        return None
    subject = _subject_of(root, para.quoting)
    if subject is None:
        return None
    return _Said.by(root, para, "lead-in", subject)


def _previous_paragraph_span(q: Quotation, paragraphs: Sequence[_Paragraph]) -> _Paragraph | None:
    """The parsed paragraph right before ``q``'s (only white space between), if parsed."""
    before = [p for p in paragraphs if p.end < q.open_at]
    if not before:
        return None
    para = before[-1]
    gap = q.open_at - para.end
    return para if gap <= 3 else None


def _stitch(found: Sequence[_Found], context: Discourse) -> list[_Found]:
    """Join a quote that goes on with the one before (:func:`_goes_on`), the parts kept; never
    one whose paragraph names someone else outside the quote marks (“A,” Lee shot back: a
    verb not read as saying, but another speaker)."""
    out: list[_Found] = []
    for k, f in enumerate(found):
        if (
            out
            and _goes_on(out[-1], f, found[k - 1])
            and not (f.said is None and _names_another(f.quotation, out[-1], context))
        ):
            last = out[-1]
            last.parts.extend(f.parts)
            if last.speaker is None:
                last.speaker, last.said = f.speaker, f.said
            continue
        out.append(f)
    return out


def _names_another(q: Quotation, before: _Found, context: Discourse) -> bool:
    """Whether the part of ``q``'s paragraph after it names a person (outside quote marks)
    other than ``before``'s speaker."""
    text = context.article.text
    end = _line_end(text, q.close_at)
    mine = _speaker_key(before.speaker) if before.speaker else None
    return any(
        q.close_at <= p.start < end
        and not _inside_any(p.start, context.quoted)
        and (p.text.split() or [""])[-1] != mine
        for p in context.persons
    )


def _goes_on(before: _Found, after: _Found, previous: _Found) -> bool:
    """Whether ``after`` continues ``before`` (``previous``: the quotation right before it):
    one cue attributes both ("“A,” she said, “B.”"); or ``after`` has no attribution of its
    own and follows ``before``'s attribution in the same paragraph, or opens the next
    paragraph (its mark repeated, or right after a paragraph that ends with the attributed
    quote)."""
    a, b = before.quotation, after.quotation
    if before.said is None:
        return b.goes_on and not after.said
    if after.said is not None:
        return after.said.cue_at == before.said.cue_at and after.said.kind not in (
            "subject",
            "lead-in",
        )
    if before.said.kind == "subject" or a.single != b.single:
        return False
    para = before.said.paragraph
    same_paragraph = para.in_line(b.start)
    next_paragraph = previous is before and _fills_after(before, after)
    return b.goes_on or same_paragraph or next_paragraph


def _fills_after(before: _Found, after: _Found) -> bool:
    """``after`` opens the paragraph right after the one ``before`` ends (nothing but its
    attribution after it there)."""
    a, b = before.quotation, after.quotation
    para = before.said.paragraph if before.said else None
    if para is None or not para.in_line(a.start):
        return False
    end = para.line[1]
    return 0 < b.open_at - end <= 3 and before.said is not None and before.said.cue_at < end


_TITLE_SMALL = frozenset(en.TITLE_CASE_SMALL_WORDS) | {"the", "of", "and", "for", "a", "an", "is"}


def _is_title(words: Sequence[str]) -> bool:
    """A title of a work or a name in marks ("Meet the Press", "A Change Is Gonna Come,"):
    every word capitalised but the small ones, six words at most."""
    core = [w.strip(",.;:!?") for w in words]
    return len(core) <= 6 and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in core if w)


def _is_quote(text: str, f: _Found) -> bool:
    """Quotes are kept; titles, names and short scare quotes are not (see the module doc)."""
    words = [w for s, e in f.parts for w in text[s:e].split()]
    if not words or _is_title(words):
        return False
    if len(words) >= 3:
        return f.speaker is not None or len(words) >= 8
    return (
        f.speaker is not None
        and f.speaker.named
        and bool(re.search(r"[.!?]\W*$", text[f.parts[-1][0] : f.quotation.close_at]))
    )


def _joined(text: str, parts: Sequence[tuple[int, int]], cue_at: int | None = None) -> str:
    """The words of a quote told in parts, each part verbatim: a part that goes on
    mid-sentence joins with a space ("We will go," she said, "and stay."); one that starts a
    new sentence after the attribution joins with an ellipsis, and so does one after the
    writer's own words ("their “ongoing cooperation” includes “enhanced efforts”": words
    between the parts, the attribution at ``cue_at`` not among them)."""
    out = ""
    end = None
    for s, e in parts:
        piece = text[s:e]
        between = text[end:s] if end is not None else ""
        narrated = _WORD.search(between) is not None and not (
            cue_at is not None and end is not None and end <= cue_at < s
        )
        new_sentence = out.rstrip().endswith(",") and piece[:1].isupper()
        gap = " … " if narrated or new_sentence else " "
        out = f"{out}{gap}{piece}" if out else piece
        end = e
    return out


_WORD = re.compile(r"\w")


def _mention(article: Article, f: _Found) -> QuoteMention:
    speaker = f.speaker
    return QuoteMention(
        article.id,
        f.parts[0][0],
        f.parts[-1][1],
        _joined(article.text, f.parts, f.said.cue_at if f.said else None),
        speaker.name if speaker else None,
        speaker.span if speaker else None,
        bool(speaker and speaker.named),
        False,
        f.said.cue if f.said else None,
        tuple(f.parts),
    )


# --------------------------------------------------------------------------- reported speech


def _indirect_quotes(
    article: Article,
    paragraphs: Sequence[_Paragraph],
    quoted: Sequence[Quotation],
    context: Discourse,
) -> list[QuoteMention]:
    """Reported speech in sentences without quote marks: a verb of saying with a clausal
    complement and a named (or read-back) subject; the complement is what was said."""
    out = []
    for para in paragraphs:
        for sent in para.doc.sents:
            start = para.start + sent.start_char
            if any(start <= q.close_at and q.open_at <= para.start + sent.end_char for q in quoted):
                continue
            found = _reported(article, para, sent, context)
            if found is not None:
                out.append(found)
    return out


def _said_clause(cue: Any) -> Any | None:
    """What a verb of saying reports: its clausal complement, or the "that" clause the parser
    hung on "in a statement" ("said in a statement that the bridge would reopen")."""
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        return clause
    for t in cue.subtree:
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
        if t.dep_ == "acl" and marked and t.head.lemma_.lower() in en.STATEMENT_NOUNS:
            return t
    return None


def _reported(
    article: Article, para: _Paragraph, sent: Any, context: Discourse
) -> QuoteMention | None:
    for cue in sent:
        if not _speech_verb(cue) or cue.lemma_.lower() in {"ask", "report", "post"}:
            continue
        clause = _said_clause(cue)
        subject = _subject_of(cue, para.quoting)
        if clause is None or subject is None:
            continue
        said = _Said.by(cue, para, "linked", subject)
        speaker = _speaker(said, context)
        if speaker is None or not speaker.named:
            continue
        context.hear(speaker, said.cue_at, said.statement)
        tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.i == clause.left_edge.i)]
        start = para.at(tokens[0])
        end = para.at(tokens[-1]) + len(tokens[-1].text)
        words = article.text[start:end].rstrip(" .")
        if len(words.split()) < 5:
            continue
        end = start + len(words)
        return QuoteMention(
            article.id,
            start,
            end,
            words,
            speaker.name,
            speaker.span,
            True,
            True,
            said.cue,
            ((start, end),),
        )
    return None
