"""Commitments: what was agreed, pledged, planned or announced for the future.

:func:`extract_commitments` is a pure function of one article: it reads each sentence for a
commitment -- an agreement ("agreed to conduct a joint visit"), a pledge ("pledged to",
"committed to further cooperation", "stands ready to support"), a plan ("will seek a meeting
with", "plans to", "a meeting to be held in ... in early February") or money set aside
("$180 million will be invested") -- and names its actors from the sentence's named-entity
mentions (PERSON, ORG, GPE, NORP) before the commitment.

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
from dataclasses import dataclass
from datetime import timedelta

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
    ("pledged", re.compile(r"\bstands?\s+ready\s+to\b", re.IGNORECASE)),
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
        actors = _actors(article, sentence.index, sentence.start, sentence.start + start)
        earlier = bool(_PLUPERFECT.search(text[: m.end()][-60:])) or _dated_before(
            article, sentence.index, sentence.start + start
        )
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
