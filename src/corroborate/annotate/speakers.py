"""Who a quote's speaker is: a name from the attribution's subject, read back when the text
says "he said", "the spokesman said", "the company said" or "the statement said".

A small coreference step of our own, over one article (:class:`Discourse`):

* a pronoun ("he", "she") is the most recent person who spoke or was a sentence's subject
  before it, of a compatible gender (honorifics, gendered titles, and the pronouns the article
  itself uses right after the name: "Ana Ortiz met the union. She ..."); no one when another
  person it may be has since stood as a clause's subject ("When Mr. Hale arrived, he said")
  or been described without a name ("the former governor said"): a wrong name is worse than
  none;
* "the statement" (release, letter...) is whoever issued the last statement named, else the
  statement itself; "the company" (ministry, campaign...) is the last organisation of that kind
  named; "the spokesman" (a title) the person last named with that title;
* anything else unnamed ("a senior administration official", "one") is kept as the text says,
  never a neighbouring name;
* a headline (a line in title case) is never a speaker and names no antecedent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from corroborate.annotate.people import (
    PersonMention,
    given_name_gender,
    headline_lines,
    is_headline,
    name_tokens,
)
from corroborate.annotate.roles import HEADS, is_title_word, title_head, title_key
from corroborate.lang import en
from corroborate.model import Article, Mention

__all__ = ["Speaker", "Discourse", "headline_lines", "is_headline"]


@dataclass(frozen=True)
class Speaker:
    """Who said a quote.

    Attributes:
        name: as the article names them ("Ana Ortiz", "the statement", "a senior official").
        span: where that name is written, when it is a name in the text.
        named: a named person or organisation (not an unnamed official or a pronoun left
            unresolved).
        kind: person, org, unnamed (a description), or pronoun (unresolved).
    """

    name: str | None
    span: tuple[int, int] | None
    named: bool
    kind: str


@dataclass
class _Heard:
    """A speaker the article has named, and where."""

    speaker: Speaker
    at: int
    statement: bool  # spoke "in a statement" (the statement's issuer)


@dataclass
class Discourse:
    """What one article has named so far, to read speakers back (see the module doc)."""

    article: Article
    persons: Sequence[PersonMention]
    headlines: list[tuple[int, int]] = field(default_factory=list)
    heard: list[_Heard] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)

    quoted: list[tuple[int, int]] = field(default_factory=list)
    subjects: list[tuple[int, int]] = field(default_factory=list)
    parsed: list[tuple[int, int]] = field(default_factory=list)
    unnamed_subjects: list[Speaker] = field(default_factory=list)
    described: list[tuple[int, Speaker]] = field(default_factory=list)  # one unnamed person spoke
    unnamed: list[tuple[int, str]] = field(default_factory=list)  # "the candidate" spoke, unread
    _subject_people: list[tuple[int, int, Speaker]] | None = None  # worked out once

    @classmethod
    def of(
        cls,
        article: Article,
        persons: Sequence[PersonMention],
        quoted: Sequence[tuple[int, int]] = (),
    ) -> Discourse:
        """The discourse of an article: its people outside headlines; ``quoted``: the spans
        of its quotations (a name inside a quote is no antecedent of "he said")."""
        headlines = headline_lines(article.text)
        places = _never_people(article)
        kept = [p for p in persons if not _inside(p.start, headlines) and p.text not in places]
        genders = _agreed(person_genders(article.text, kept), _given_name_genders(kept))
        return cls(article, kept, headlines, [], genders, list(quoted))

    def add_parse(
        self,
        parsed: Sequence[tuple[int, int]],
        subjects: Sequence[tuple[int, int]],
        proper_nouns: Sequence[tuple[int, int]] = (),
    ) -> None:
        """What the parse says of the stretches it covers (``parsed``): the spans of their
        main clauses' subjects (a person named in one is an antecedent of "he said"), and
        ``proper_nouns``, subjects that are names no mention gives ("Tiegen was troubled")."""
        self.parsed.extend(parsed)
        self.subjects.extend(subjects)
        text = self.article.text
        people = ({_key(p.text) for p in self.persons} | _tagged_otherwise(self.article)) - {""}
        others = [  # the NER tags a person's last name as an organisation here and there
            (m.start, m.end)
            for m in self.article.mentions
            if m.label != "PERSON" and _key(m.text) not in people
        ]
        others += [(p.start, p.end) for p in self.persons]
        for s, e in proper_nouns:
            if _common_word(text, text[s:e]):
                continue  # "Time, Mr. Pence added, was on their side": no name
            if not any(start < e and s < end for start, end in others):
                self.unnamed_subjects.append(Speaker(text[s:e], (s, e), True, "person"))
        self._subject_people = None

    def in_headline(self, at: int) -> bool:
        return _inside(at, self.headlines)

    def hear(self, speaker: Speaker, at: int, statement: bool = False) -> None:
        """Record a speaker named at ``at`` (the read-back candidates)."""
        if speaker.named:
            self.heard.append(_Heard(speaker, at, statement))

    def hear_described(self, at: int, speaker: Speaker) -> None:
        """Record that one person the text does not name spoke at ``at`` ("a senior official
        said", "the candidate said"), as ``speaker`` describes them: a "he said" after it is
        more likely theirs than a name before it."""
        self.described.append((at, speaker))

    def hear_unnamed(self, at: int, head: str) -> None:
        """Record that someone the text calls by a definite description with head noun
        ``head`` spoke at ``at`` and could not be read back to a name ("the former president
        said"): a "he said" after it is that person, a name before it only if the article
        describes that person so (:meth:`pronoun`)."""
        self.unnamed.append((at, head))

    def pronoun(self, word: str, at: int) -> Speaker | None:
        """The person "he"/"she" at ``at`` points back to, or None: the most recent person
        before it who spoke or was a main clause's subject, of a compatible gender; when one
        unnamed person spoke since, that person as the text describes them ("“…,” a senior
        official said. “…,” he added": he is "a senior official", not the name before), if
        the description tells no other gender. No one, rather than a name that may well be
        wrong, when another person it may be stands as a clause's subject since
        (:meth:`_another_since`), or when someone called by a description no name was found
        for spoke since ("the former governor said") and the name is not so described
        (:meth:`hear_unnamed`). (Reading back to anyone named earlier in the pronoun's own
        sentence too was tried, and lost 26 speakers on PolNeAR train.)"""
        gender = en.SPEAKER_PRONOUN_GENDER.get(word.lower())
        if gender not in ("m", "f"):
            return None
        candidates = [*self._subjects(at), *self._speakers(at, "person")]
        candidates.sort(key=lambda pair: pair[0])
        since, unnamed = max(
            ((d, s) for d, s in self.described if d < at), default=(-1, None), key=lambda x: x[0]
        )
        unread_at, head = max(((d, h) for d, h in self.unnamed if d < at), default=(-1, ""))
        for named_at, speaker in reversed(candidates):
            if named_at < since:
                return _described_as(unnamed, gender)
            if named_at < unread_at and not self._so_described(speaker, head, at):
                return None  # "Lee spoke. ... the former governor said. ... he said": not Lee
            if self._gender_as_named(speaker) in (None, gender):
                return None if self._another_since(speaker, named_at, gender, at) else speaker
        return _described_as(unnamed, gender) if since >= 0 else self._named_nearby(gender, at)

    def _so_described(self, speaker: Speaker, head: str, at: int) -> bool:
        """Whether the article describes ``speaker`` with the head noun ``head`` where it
        names them before ``at`` ("President Obama", then "the two-term president")."""
        key = _key(speaker.name or "")
        text = self.article.text
        return any(
            p.end <= at and _key(p.text) == key and head in _description_heads(text, p)
            for p in self.persons
        )

    def _another_since(self, speaker: Speaker, named_at: int, gender: str, at: int) -> bool:
        """Whether someone else "he"/"she" (``gender``) may point to stands as a clause's
        subject (:func:`_stands_as_subject`) after the sentence that named ``speaker`` and
        before the pronoun at ``at``, outside quotes: "Lee toured the plant. When Mr. Hale
        arrived, he said ..." is no surer Lee's than Hale's, and a wrong name is worse than
        none. Objects and possessors ("thanked Mr. Hale", "Mr. Hale's loan") are no rivals.
        On PolNeAR train (speaker precision 0.9427 -> 0.9452, given 4538 -> 4507) about two
        in three of the names dropped were wrong, read in their articles."""
        text = self.article.text
        end = max(named_at, speaker.span[1] if speaker.span else named_at)
        sentence = next((s for s in self.article.sentences if s.start <= end < s.end), None)
        end = max(end, sentence.end) if sentence is not None else end
        key = _key(speaker.name or "")
        for p in self.persons:
            if p.start < end or _inside(p.start, self.quoted) or _key(p.text) == key:
                continue
            if p.end > at:
                break
            other = Speaker(p.text, (p.start, p.end), True, "person")
            if _stands_as_subject(text, p) and self._gender_as_named(other) in (None, gender):
                return True
        return False

    def _named_nearby(self, gender: str, at: int) -> Speaker | None:
        """When no one before ``at`` spoke or was a subject: the last person named (outside
        quotes) in the pronoun's paragraph or the one before it, if their name's marks tell
        their gender and it is the pronoun's."""
        text = self.article.text
        line_start = text.rfind("\n", 0, at) + 1
        before = text.rfind("\n", 0, len(text[:line_start].rstrip()))
        start = before + 1 if line_start else 0
        for p in reversed(self.persons):
            if p.end > at or _inside(p.start, self.quoted):
                continue
            if p.start < start:
                break
            if self._told_gender(p) == gender:
                return Speaker(p.text, (p.start, p.end), True, "person")
        return None

    def _told_gender(self, person: PersonMention) -> str | None:
        """A person's gender as their name's own marks tell it: a given name, an honorific
        or a gendered title beside any mention of them (not the pronouns after them)."""
        key = _key(person.text)
        text = self.article.text
        told: set[str | None] = set()
        for p in self.persons:
            if _key(p.text) == key:
                names = p.text.split()
                told.add(given_name_gender(names[0]) if len(names) >= 2 else None)
                told.add(_honorific_gender(text, p) or _title_gender(p))
        told.discard(None)
        return told.pop() if len(told) == 1 else None

    def gender_of(self, name: str) -> str | None:
        """A person's gender, where known: by their given name (:func:`given_name_gender`,
        the first word before the last that is one: "Sen. Elizabeth Warren"), else as the
        article tells it for their last name (:func:`person_genders`)."""
        tokens = name.split()
        given = next(filter(None, map(given_name_gender, tokens[:-1])), None)
        return given or self.genders.get(_key(name))

    def _gender_as_named(self, speaker: Speaker) -> str | None:
        """A candidate's gender as this mention of them tells it ("Mr. Clinton", where the
        article also writes "Mrs. Clinton"), else as :meth:`gender_of` does."""
        if speaker.span is not None:
            start = speaker.span[0]
            m = _HONORIFIC_BEFORE.search(self.article.text, max(0, start - 8), start)
            if m is None:
                m = _HONORIFIC_BEFORE.search(self.article.text[start : start + 6] + " ")
            if m is not None:
                return "m" if m.group(1).lower() in en.MALE_WORDS else "f"
        return self.gender_of(speaker.name or "")

    def nominal(self, head: str, phrase: str, at: int) -> Speaker | None:
        """The named speaker a definite description at ``at`` points back to ("the statement",
        "the company", "the spokesman"), or None."""
        head = head.lower()
        if head in en.STATEMENT_NOUNS:
            issuer = [h for h in self.heard if h.at < at and h.statement]
            return issuer[-1].speaker if issuer else None
        if head in en.ORG_WORDS or head in en.ANY_ORGANISATION_NOUNS:
            return self._organisation(head, at)
        if head in HEADS:
            outside = [p for p in self.persons if not _inside(p.start, self.quoted)]
            person = _person_by_title(phrase, outside, at)
            if person is not None:
                return Speaker(person.text, (person.start, person.end), True, "person")
        if head in HEADS:
            return None  # a title's qualifiers decide ("the Florida senator" is no other senator)
        return self._described_person(head, at)

    def _described_person(self, head: str, at: int) -> Speaker | None:
        """The one person named before ``at`` whom the article itself describes with the
        description's head noun ("the billionaire" after "billionaire Jo Lee", "the
        neurosurgeon" after "Jo Lee, a retired neurosurgeon,"), or None when no one or more
        than one person is so described, or someone else was named since (a description is then
        shown as written)."""
        text = self.article.text
        described = [
            p
            for p in self.persons
            if p.end <= at
            and not _inside(p.start, self.quoted)
            and head in _description_heads(text, p)
        ]
        before = [p for p in self.persons if p.end <= at and not _inside(p.start, self.quoted)]
        if len({_key(p.text) for p in described}) != 1 or _key(before[-1].text) != _key(
            described[-1].text
        ):
            return None  # "the actor" was the star named since, not the actor named before
        person = described[-1]
        return Speaker(person.text, (person.start, person.end), True, "person")

    def _organisation(self, head: str, at: int) -> Speaker | None:
        """The organisation "the ministry" (company, agency...) points back to: the last one
        named with that word in its name; for a word any organisation may be called by
        ("the company", "the group"), else the last organisation that spoke. "The city" is
        never the chamber of commerce that spoke last."""
        mentions = [
            m
            for m in self.article.mentions
            if m.label == "ORG" and m.end <= at and not self.in_headline(m.start)
        ]
        named = [m for m in mentions if head in m.text.lower()]
        if named:
            m = named[-1]
            return Speaker(m.text, (m.start, m.end), True, "org")
        spoke = [h.speaker for h in self.heard if h.at < at and h.speaker.kind == "org"]
        if head not in en.ANY_ORGANISATION_NOUNS:
            spoke = [s for s in spoke if head in (s.name or "").lower()]
        return spoke[-1] if spoke else None

    def _speakers(self, at: int, kind: str) -> list[tuple[int, Speaker]]:
        return [(h.at, h.speaker) for h in self.heard if h.at < at and h.speaker.kind == kind]

    def _subjects(self, at: int) -> list[tuple[int, Speaker]]:
        """People who are a main clause's subject before ``at``: by the parse where there is
        one, else by standing first in their sentence."""
        if self._subject_people is None:
            text = self.article.text
            people = [
                (p.start, p.end, Speaker(p.text, (p.start, p.end), True, "person"))
                for p in self.persons
                if not _inside(p.start, self.quoted)
                and (
                    _inside(p.start, self.subjects)
                    if _inside(p.start, self.parsed)
                    else _begins_sentence(text, p)
                )
            ]
            named = [
                (s.span[0], s.span[1], s)
                for s in self.unnamed_subjects
                if s.span and not _inside(s.span[0], self.quoted)
            ]
            self._subject_people = sorted(people + named, key=lambda x: x[0])
        return [(start, speaker) for start, end, speaker in self._subject_people if end <= at]


def _described_as(speaker: Speaker | None, gender: str) -> Speaker | None:
    """An unnamed speaker "he"/"she" (``gender``) points back to, as the text describes
    them, unless their description says the other gender ("a spokeswoman" is no "he")."""
    if speaker is None or speaker.name is None:
        return None
    words = set(speaker.name.lower().split())
    told = "f" if words & en.FEMALE_WORDS else "m" if words & en.MALE_WORDS else None
    return speaker if told in (None, gender) else None


def _never_people(article: Article) -> set[str]:
    """Names the article's entity tags call a place or an organisation at least twice and a
    person never ("Bear Stearns", "Fort Pierce"): no one "she said" points back to, whatever
    the people finder made of them."""
    labels: dict[str, Counter[str]] = {}
    people = _tagged_otherwise(article)
    for m in article.mentions:
        if _key(m.text) not in people:
            labels.setdefault(m.text, Counter())[m.label] += 1
    return {
        text for text, counted in labels.items() if not counted["PERSON"] and counted.total() >= 2
    }


def _tagged_otherwise(article: Article) -> set[str]:
    """Last names of people the entity tags call something else, told by a given name before
    them ("Carly Fiorina" tagged as an organisation): a subject "Fiorina" is still someone
    "she said" may point back to."""
    out = set()
    for m in article.mentions:
        words = m.text.split()
        if m.label != "PERSON" and len(words) >= 2 and given_name_gender(words[0]):
            out.add(_key(m.text))
    return out


def _inside(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in spans)


def _common_word(text: str, phrase: str) -> bool:
    """A one-word phrase the article also writes in lower case (a word capitalised only at
    a sentence's start, not a name)."""
    word = phrase.strip()
    if " " in word or not word[:1].isupper():
        return False
    lowered = word.lower()
    # (the substring first: most capitalised words never occur in lower case)
    return lowered in text and _whole_word(lowered).search(text) is not None


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    """The pattern of ``word`` as a whole word, compiled once (``re``'s own cache is small)."""
    return re.compile(rf"\b{re.escape(word)}\b")


_ENDS_SENTENCE = re.compile(r"[.!?]['’\"”]*$")
_POSSESSIVE = re.compile(r"['’]s?\b")


def _stands_as_subject(text: str, p: PersonMention) -> bool:
    """Whether a name stands, by its form, where a clause's subject does: first in its line
    or sentence, after a comma, or after a word that opens a clause
    (:data:`~corroborate.lang.en.CLAUSE_OPENERS`: "when Mr. Hale arrived"), its titles
    aside ("Former Gov. Tom Hale"); not a possessor ("Hale's loan") nor an object ("thanked
    Hale", "with Hale")."""
    if _POSSESSIVE.match(text, p.end):
        return False
    line_start = text.rfind("\n", 0, p.start) + 1
    words = text[max(line_start, p.start - 80) : p.start].split()
    while words and (is_title_word(words[-1]) or words[-1].lower() in en.TITLE_LEADING_WORDS):
        words.pop()
    if not words:
        return True
    last = words[-1]
    return (
        bool(_ENDS_SENTENCE.search(last)) or last.endswith(",") or last.lower() in en.CLAUSE_OPENERS
    )


_SENTENCE_START = re.compile(r"(?:^|[.!?]['’\"”]*\s+|\n)\s*[\"“]?$")


def _begins_sentence(text: str, p: PersonMention) -> bool:
    """Whether a name stands within the first few words of its sentence, outside quote marks
    ("Mr. Obama dismissed ...", "Former President Tom Hale has ...")."""
    line_start = text.rfind("\n", 0, p.start) + 1
    lead = text[line_start : p.start]
    cut = max((m.end() for m in re.finditer(r"[.!?]['’\"”]*\s+(?=[A-Z“\"])", lead)), default=0)
    lead = lead[cut:]
    return len(lead.split()) <= 4 and not re.search(r"[“”\"]", lead)


def _key(name: str) -> str:
    tokens = name_tokens(name)
    return tokens[-1] if tokens else ""


_PRONOUN = re.compile(r"\b(he|his|him|she|her|hers)\b", re.IGNORECASE)
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lady|Dame)\.?\s+$")


def person_genders(text: str, persons: Sequence[PersonMention]) -> dict[str, str]:
    """Each person's gender by their last name (``m``/``f``), where the article tells it: an
    honorific before the name, a gendered title beside it, or the pronoun the article next uses
    when no other person is named in between. A name told both ways gets none."""
    votes: dict[str, Counter[str]] = {}
    for k, p in enumerate(persons):
        evidence = _honorific_gender(text, p) or _title_gender(p)
        if evidence is None:
            stop = persons[k + 1].start if k + 1 < len(persons) else len(text)
            evidence = _next_pronoun_gender(text, p.end, min(stop, p.end + 300))
        if evidence:
            votes.setdefault(_key(p.text), Counter())[evidence] += 1
    out = {}
    for key, counted in votes.items():
        (best, n), *rest = counted.most_common()
        if not rest or n >= 3 * rest[0][1]:
            out[key] = best
    return out


def _given_name_genders(persons: Sequence[PersonMention]) -> dict[str, str]:
    """Each last name's gender by the given names the article writes it with ("Bernie
    Sanders" makes a later "Sanders" a man), where they all agree ("Bill Clinton" and
    "Hillary Clinton" leave "Clinton" unknown)."""
    seen: dict[str, set[str]] = {}
    for p in persons:
        words = p.text.split()
        if len(words) >= 2:
            seen.setdefault(_key(p.text), set()).add(given_name_gender(words[0]) or "?")
    return {key: found.pop() for key, found in seen.items() if found in ({"m"}, {"f"})}


def _agreed(told: dict[str, str], given: dict[str, str]) -> dict[str, str]:
    """Genders by last name from two kinds of evidence, where they do not disagree: a given
    name against the pronoun after a name ("Mayor Marty Walsh by her side") leaves it unknown."""
    out = {**told, **given}
    return {key: gender for key, gender in out.items() if told.get(key, gender) == gender}


def _honorific_gender(text: str, p: PersonMention) -> str | None:
    m = _HONORIFIC_BEFORE.search(text, max(0, p.start - 8), p.start)
    if not m:
        return None
    return "m" if m.group(1).lower() in en.MALE_WORDS else "f"


def _title_gender(p: PersonMention) -> str | None:
    words = {w for t in p.titles for w in t.lower().split()}
    if words & en.FEMALE_WORDS:
        return "f"
    if words & en.MALE_WORDS:
        return "m"
    return None


def _next_pronoun_gender(text: str, start: int, stop: int) -> str | None:
    m = _PRONOUN.search(text, start, stop)
    if m is None or "\n\n" in text[start : m.start()]:
        return None
    return "m" if m.group(1).lower() in {"he", "his", "him"} else "f"


def _person_by_title(
    phrase: str, persons: Sequence[PersonMention], at: int
) -> PersonMention | None:
    """The person last named before ``at`` with the title a description gives ("the foreign
    minister", "the State Department spokesman"); a title abbreviated before the name ("Florida
    Sen. Jo Lee") only for a description that qualifies it too ("the Florida senator": a bare
    "the senator" was a senator the article gave no title as often as the titled one)."""
    found = _titled(title_key(phrase), persons, at, lambda key: key)
    if found is None and len(title_key(phrase).split()) > 1:
        found = _titled(_unabbreviated(title_key(phrase)), persons, at, _unabbreviated)
    return found


def _titled(
    key: str, persons: Sequence[PersonMention], at: int, norm: Callable[[str], str]
) -> PersonMention | None:
    head = title_head(key)
    if head is None:
        return None
    quals = {w for w in key.split() if w not in HEADS}
    best = None
    for p in persons:
        if p.start >= at:
            break
        for t in p.titles:
            tk = norm(title_key(t))
            if title_head(tk) == head and (quals <= set(tk.split()) or not quals):
                best = p
    return best


def _unabbreviated(key: str) -> str:
    """A title key with its abbreviated heads written out ("florida sen" -> "florida
    senator"), to compare with a description."""
    return " ".join(en.TITLE_HEAD_ABBREVIATIONS.get(w, w) for w in key.split())


_WORD_BEFORE = re.compile(r"(?<![\w.])([a-z][a-z-]+)[^\S\n]+$")
_APPOSITIVE = re.compile(r",[^\S\n]+(?:a|an|the|his|her)[^\S\n]+([^,.;:\n“”\"()]{1,80}?)[,.;:]")


def _description_heads(text: str, p: PersonMention) -> set[str]:
    """The head nouns the article describes a person with where it names them: their
    titles' heads, the lower-case word right before the name ("billionaire Jo Lee"), and
    the last word of an apposition after it ("Jo Lee, a retired neurosurgeon,")."""
    heads = {_unabbreviated(title_key(t)).split()[-1] for t in p.titles if title_key(t)}
    before = _WORD_BEFORE.search(text, max(0, p.start - 40), p.start)
    if before:
        heads.add(before.group(1))
    after = _APPOSITIVE.match(text, p.end)
    if after and after.group(1).split()[-1].islower():
        heads.add(after.group(1).split()[-1])
    return heads - en.NOT_DESCRIPTION_HEADS


def organisation_at(article: Article, start: int, end: int) -> Mention | None:
    """The organisation (or country, or group) mention inside ``start``..``end``, the last
    one."""
    inside = [
        m
        for m in article.mentions
        if start <= m.start and m.end <= end and m.label in {"ORG", "GPE", "NORP", "PERSON", "FAC"}
    ]
    return inside[-1] if inside else None
