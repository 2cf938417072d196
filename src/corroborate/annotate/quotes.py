"""Who said what in one article: its quotes and their speakers.

Per article (:func:`extract_quotes`, a pure function of one
:class:`~corroborate.model.Article`):

* direct quotes between straight or curly double marks, over several sentences, with a stray
  or nested mark inside (a translation's "“A. “B.”" is one quote), and a quote interrupted by
  its attribution ("“A,” she said. “B.”") kept as one quote of two parts;
* the speaker from the attribution around it: ``X said``, ``said X``, ``according to X``,
  ``X told reporters``, ``X said in a statement``, ``In a post on X, Y stated``; an unnamed
  "spokesperson" or "official" (a name, no entity); a pronoun or a title ("he said", "the
  State Department spokesman said") pointing back to the person last named with it; a quoted
  fragment inside a sentence is given to the sentence's subject;
* reported speech without marks ("Mayorkas said that ...") as ``indirect`` quotes.

:mod:`corroborate.compare.quote_alignment` lines them up across a story's outlets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from corroborate.annotate.people import PersonMention, find_person_mentions
from corroborate.annotate.roles import HEADS, title_head, title_key
from corroborate.lang import en
from corroborate.model import Article, Mention
from corroborate.text import fold

__all__ = ["QuoteMention", "find_quoted_spans", "extract_quotes"]

SPEECH_VERBS = "|".join(en.SPEECH_VERBS)  # an alternation for the patterns below
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
_PRONOUNS = {"he": "m", "she": "f", "they": "p"}
_OPEN = '“"«„'
_CLOSE = '”"»“'
# Marks that may sit right around a quote's words (single marks included): a quote's own
# opening and closing marks are found next to its words, never searched for further away.
_MARKS_OPEN = _OPEN + "‘'"
_MARKS_CLOSE = _CLOSE + "’'"
_ROLE_NOUNS = "|".join(en.SPEAKER_ROLE_NOUNS)
_ROLE_NP = re.compile(
    rf"^(?:the|a|an|one|another|two|three|several)\s+(?:[\w.’'-]+\s+){{0,7}}?(?:{_ROLE_NOUNS})\b",
    re.IGNORECASE,
)
_ADVERBIAL_CUT = re.compile(
    r"[,;:()]|\s(?:at|on|in|while|during|after|before|when|as|from|via|through|about|"
    r"following|according|who|which|because|since|adding|saying|told|to)\b",
)
_END_MARK = re.compile(r"[.!?](?=[\s”\"’]*(?:\s|$))")
_ABBREV = re.compile(rf"(?:\b[A-Z]|\b(?:{'|'.join(en.QUOTE_ABBREVIATIONS)}))$")
_ROLE_NOUN = re.compile(rf"\b(?:{_ROLE_NOUNS})\b", re.IGNORECASE)


class _End:
    """Sentence ends: a full stop not closing an abbreviation ("U.S.", "Mr.", "Jan.")."""

    @staticmethod
    def finditer(text: str) -> Iterator[re.Match[str]]:
        for m in _END_MARK.finditer(text):
            abbreviation = _ABBREV.search(text, 0, m.start()) if m.group() == "." else None
            if abbreviation is not None:
                nxt = text[m.end() :].lstrip()
                if not nxt or not nxt[0].isupper() or abbreviation.group() not in {"Jan", "Feb"}:
                    continue
            yield m

    @classmethod
    def search(cls, text: str) -> re.Match[str] | None:
        return next(cls.finditer(text), None)


_END = _End()


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


# --------------------------------------------------------------------------- quoted spans


def _joined(text: str, parts: Sequence[tuple[int, int]]) -> str:
    """The words of a quote told in parts, each part verbatim: a part that goes on
    mid-sentence joins with a space ("We will go," she said, "and stay."); one that starts a
    new sentence after the attribution joins with an ellipsis ("…that factory, … The council
    will…"), which reads as the break it is."""
    out = ""
    for s, e in parts:
        piece = text[s:e]
        gap = " … " if out.rstrip().endswith(",") and piece[:1].isupper() else " "
        out = f"{out}{gap}{piece}" if out else piece
    return out


def find_quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the words inside top-level double quotes, paragraph by paragraph.

    A curly quote that opens inside an open quote and leaves the paragraph unbalanced is a
    stray mark (common in machine translation) and does not split the quote; balanced
    nested quotes stay inside the outer one. A quote still open at the end of a paragraph runs
    to the paragraph's end.

    >>> t = 'He said “we will go” and left.'
    >>> [t[s:e] for s, e in find_quoted_spans(t)]
    ['we will go']
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + s, offset + e) for s, e in _line_quotes(line))
        offset += len(line) + 1
    return [(s, e) for s, e in spans if e > s]


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))[‘'](?=[^\W\d_])")
_SINGLE_CLOSE = re.compile(r"(?<=\S)[’'](?=$|[\s.,;:!?)\]—–])")


def _single_quotes(line: str) -> list[tuple[int, int]]:
    """Quotes in single marks (‘…’ or '…'), for outlets that quote that way.

    An opening mark follows a space or the line start and precedes a letter; a closing mark
    follows a non-space and precedes a space or punctuation, so apostrophes inside words
    ("Biden's", "don't") never open or close a quote. A quote needs at least two words.
    """
    out: list[tuple[int, int]] = []
    cursor = 0
    while (opening := _SINGLE_OPEN.search(line, cursor)) is not None:
        closing = _SINGLE_CLOSE.search(line, opening.end())
        if closing is None:
            break
        start, end = _trim(line, opening.end(), closing.start())
        if len(line[start:end].split()) >= 2:
            out.append((start, end))
        cursor = closing.end()
    return out


def _line_quotes(line: str) -> list[tuple[int, int]]:
    if not any(mark in line for mark in '"“”«»„'):
        return _single_quotes(line)
    out: list[tuple[int, int]] = []
    i = 0
    n = len(line)
    while i < n:
        c = line[i]
        if c in "“«„" or (c == '"' and _opens_straight(line, i)):
            closer = {"“": "”", "«": "»", "„": "“", '"': '"'}[c]
            depth = 1
            j = i + 1
            close_at = -1
            while j < n:
                d = line[j]
                if c == '"':
                    if d == '"':
                        close_at = j
                        break
                elif d == c and c != "„":
                    depth += 1
                elif d == closer:
                    depth -= 1
                    if depth == 0:
                        close_at = j
                        break
                j += 1
            if close_at == -1 and c != '"':
                # unbalanced: a stray opener inside ("“A. “B.” said X"); the quote ends at
                # the last closer on the line
                close_at = line.rfind(closer, i + 1)
            if close_at == -1:
                out.append(_trim(line, i + 1, n))
                break
            out.append(_trim(line, i + 1, close_at))
            i = close_at + 1
            continue
        i += 1
    return out


def _opens_straight(line: str, i: int) -> bool:
    prev = line[i - 1] if i else " "
    return prev.isspace() or prev in "([—–-:," or i == 0


def _trim(line: str, s: int, e: int) -> tuple[int, int]:
    while s < e and line[s].isspace():
        s += 1
    while e > s and line[e - 1].isspace():
        e -= 1
    return s, e


# --------------------------------------------------------------------------- extraction


@dataclass
class _Q:
    start: int
    end: int
    open_at: int
    close_at: int
    para: tuple[int, int]
    speaker: str | None = None
    span: tuple[int, int] | None = None
    named: bool = False
    cue: str | None = None
    how: str | None = None  # post / pre / subject / continued
    parts: list[tuple[int, int]] = field(default_factory=list)


def extract_quotes(
    article: Article, persons: Sequence[PersonMention] | None = None
) -> list[QuoteMention]:
    """Direct and reported quotes of one article with their speakers (see the module doc).

    Args:
        article: an annotated article (sentences and NER mentions filled).
        persons: :func:`corroborate.annotate.people.find_person_mentions` of it, if already run.
    """
    text = article.text
    persons = list(persons) if persons is not None else find_person_mentions(article)
    spans = find_quoted_spans(text)
    paras = _paragraphs(text)
    qs: list[_Q] = []
    for s, e in spans:
        open_at = s - 1
        while open_at > 0 and text[open_at] not in _MARKS_OPEN:
            open_at -= 1
        close_at = e
        while (
            close_at < len(text) and text[close_at] not in _MARKS_CLOSE and text[close_at] != "\n"
        ):
            close_at += 1
        para = next(p for p in paras if p[0] <= s <= p[1])
        qs.append(_Q(s, e, open_at, min(close_at + 1, para[1]), para, parts=[(s, e)]))

    last_named: tuple[str, tuple[int, int] | None] | None = None
    for k, q in enumerate(qs):
        nxt = qs[k + 1].open_at if k + 1 < len(qs) and qs[k + 1].para == q.para else q.para[1]
        prv = qs[k - 1].close_at if k and qs[k - 1].para == q.para else q.para[0]
        before_person = [p for p in persons if p.end <= q.open_at]
        if last_named is None and before_person:
            pass
        found = _attribution_after(text, q, nxt) or _attribution_before(text, q, prv)
        if found:
            np_text, np_span, cue, how = found
            q.cue, q.how = cue, how
            q.speaker, q.span, q.named = _resolve_np(
                text, np_text, np_span, persons, q.open_at, last_named
            )
        elif (
            k
            and qs[k - 1].para == q.para
            and qs[k - 1].speaker
            and qs[k - 1].how in {"post", "continued"}
        ):
            q.speaker, q.span, q.named = qs[k - 1].speaker, qs[k - 1].span, qs[k - 1].named
            q.how, q.cue = "continued", qs[k - 1].cue
        elif (
            k
            and qs[k - 1].speaker
            and qs[k - 1].para != q.para
            and q.open_at == q.para[0]
            and _quote_fills_paragraph(text, q)
            and qs[k - 1].para[1] + 2 >= q.para[0] - 1
        ):
            q.speaker, q.span, q.named = qs[k - 1].speaker, qs[k - 1].span, qs[k - 1].named
            q.how, q.cue = "previous paragraph", qs[k - 1].cue
        else:
            subj = _sentence_subject(text, q, prv, persons, last_named)
            if subj:
                q.speaker, q.span, q.named = subj
                q.how, q.cue = "subject", None
        if q.speaker and q.named:
            last_named = (q.speaker, q.span)

    # "“A,” she said. “B.”": a quote continuing right after its attribution is one quote
    merged: list[_Q] = []
    for q in qs:
        if (
            merged
            and q.how == "continued"
            and merged[-1].para == q.para
            and merged[-1].speaker == q.speaker
        ):
            m = merged[-1]
            m.parts.append((q.start, q.end))
            m.end = q.end
            continue
        merged.append(q)

    out: list[QuoteMention] = []
    for q in merged:
        words = sum(len(text[s:e].split()) for s, e in q.parts)
        if words < 3 and not (q.speaker and q.named and q.how in {"post", "pre", "subject"}):
            continue  # a scare quote or a quoted term
        if not q.speaker and words < 8:
            continue
        quoted = _joined(text, q.parts)
        out.append(
            QuoteMention(
                article.id,
                q.start,
                q.end,
                quoted,
                q.speaker,
                q.span,
                q.named,
                False,
                q.cue,
                tuple(q.parts),
            )
        )
    out.extend(_indirect_quotes(article, persons, spans))
    out.sort(key=lambda m: m.start)
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    offset = 0
    for line in text.split("\n"):
        out.append((offset, offset + len(line)))
        offset += len(line) + 1
    return out


def _quote_fills_paragraph(text: str, q: _Q) -> bool:
    rest = text[q.close_at : q.para[1]].strip()
    return not rest or not _VERB.search(rest)


# Attribution patterns, compiled once (each holds the whole list of speech verbs).
_VERB_THEN_SPEAKER = re.compile(  # said X
    rf"({SPEECH_VERBS})\s+(?:to\s+(?:reporters|journalists|the press|\w+)\s+)?(.+)",
    re.IGNORECASE,
)
_SPEAKER_THEN_VERB = re.compile(rf"(.{{1,90}}?)\s+({SPEECH_VERBS})\b", re.IGNORECASE)  # X said
_VERB_BEFORE_QUOTE = re.compile(  # X said (in a statement) (that): “...”
    rf"({SPEECH_VERBS})((?:\s+(?:in a statement|in a post on \w+|on \w+|to reporters|"
    rf"to journalists|on Twitter|in an interview|in a speech|on \w+day|\w+ly))*)"
    rf"(?:\s+that(?:\s+[^“”\"]{{0,140}})?)?$",
    re.IGNORECASE,
)
_THEN_VERB = re.compile(rf"\s+(?:also\s+)?({SPEECH_VERBS})\s+", re.IGNORECASE)
_CLAUSE_SPEAKER_VERB = re.compile(rf",\s+((?:the |a |an )?[^,]{{1,60}}?)\s+({SPEECH_VERBS})\.?$")


def _attribution_after(text: str, q: _Q, stop: int) -> tuple[str, tuple[int, int], str, str] | None:
    """``“...,” X said`` / ``“...,” said X`` / ``“...,” according to X``."""
    base = q.close_at
    chunk = text[base:stop]
    lead = re.match(r"[\s,.;:!?—–-]*", chunk)
    assert lead is not None
    body_start = lead.end()
    body = chunk[body_start:]
    ended = bool(re.search(r"[.!?]\W*$", text[q.start : q.close_at]))
    sentence_end = _END.search(body)
    sentence = body[: sentence_end.start()] if sentence_end else body
    if ended and not sentence_end and stop < q.para[1]:
        return None  # the words after a closed quote introduce the next quote
    # according to X
    m = re.match(r"according to\s+(.+)", sentence, re.IGNORECASE)
    if m:
        np = _cut_np(m.group(1))
        s = base + body_start + m.start(1)
        return np, (s, s + len(np)), "according to", "post"
    # said X
    m = _VERB_THEN_SPEAKER.match(sentence)
    if m and not re.match(r"(?:that|in|on|to|by|it)\b", m.group(2)):
        np = _cut_np(m.group(2))
        if np:
            s = base + body_start + m.start(2)
            return np, (s, s + len(np)), m.group(1).lower(), "post"
    # X said
    m = _SPEAKER_THEN_VERB.match(sentence)
    if m and _np_shaped(m.group(1)):
        s = base + body_start
        return m.group(1), (s, s + len(m.group(1))), m.group(2).lower(), "post"
    return None


def _attribution_before(
    text: str, q: _Q, start: int
) -> tuple[str, tuple[int, int], str, str] | None:
    """``X said: “...”`` / ``X said that “...”`` / ``According to X, “...”``."""
    chunk = text[start : q.open_at]
    cut = max((m.end() for m in _END.finditer(chunk)), default=0)
    piece = chunk[cut:]
    offset = start + cut
    stripped = piece.rstrip(" ,:;—–-")
    m = _VERB_BEFORE_QUOTE.search(stripped)
    if m:
        head = stripped[: m.start()].rstrip()
        seg_start = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
        np = head[seg_start + 1 :].strip()
        np = re.sub(r"^(?:and|but|while|as|then|so)\s+", "", np)
        if np and _np_shaped(np):
            s = offset + head.rfind(np)
            return np, (s, s + len(np)), m.group(1).lower() + (m.group(2) or ""), "pre"
    m = re.search(r"according to\s+([^,]+),\s*$", piece, re.IGNORECASE)
    if m:
        np = m.group(1).strip()
        s = offset + m.start(1)
        return np, (s, s + len(np)), "according to", "pre"
    return None


def _cut_np(text: str) -> str:
    m = _ADVERBIAL_CUT.search(text)
    np = text[: m.start()] if m else text
    np = np.strip().rstrip(".")
    return np if len(np.split()) <= 10 else ""


def _np_shaped(np: str) -> bool:
    np = np.strip()
    words = np.split()
    if not words or len(words) > 10:
        return False
    if fold(words[0]) in _PRONOUNS or fold(words[0]) in {"officials", "authorities", "police"}:
        return len(words) <= 2
    if (
        np[0].isupper()
        or _ROLE_NP.match(np)
        or (len(words) > 1 and fold(words[0]) in {"the", "a", "an"} and words[1][:1].isupper())
    ):
        # no finite verb inside: a clause is not a speaker ("the talks were")
        return not re.search(r"\b(?:is|are|was|were|has|have|had|will|would)\b", np)
    return False


def _resolve_np(
    text: str,
    np: str,
    span: tuple[int, int],
    persons: Sequence[PersonMention],
    at: int,
    last_named: tuple[str, tuple[int, int] | None] | None,
) -> tuple[str | None, tuple[int, int] | None, bool]:
    """Speaker name, its span and whether it is named, for an attribution noun phrase."""
    np = np.strip()
    first = fold(np.split()[0]) if np.split() else ""
    if first in {"he", "she"} and len(np.split()) == 1:
        target = _pronoun_target(text, persons, at, last_named)
        return target if target else (None, None, False)
    inside = [p for p in persons if span[0] <= p.start and p.end <= span[1] + 1]
    if inside:
        p = inside[-1]
        return p.text, (p.start, p.end), True
    role = _ROLE_NP.match(np)
    words = np.split()
    if (
        not role
        and first in {"the", "a", "an"}
        and len(words) > 1
        and words[1][:1].isupper()
        and not _ROLE_NOUN.search(np)
    ):
        return " ".join(words[1:]), span, True  # "the SRE": an organisation
    if re.search(r"\b(?:officials|sources|authorities|aides|analysts)$", np, re.IGNORECASE):
        return np, None, False
    if role or first in {"officials", "the"}:
        if (
            first == "the"
            and re.search(r"\b(?:statement|ministry|department)$", np, re.IGNORECASE)
            and last_named
        ):
            return last_named[0], last_named[1], True
        if first == "the":
            person = _person_by_title(np, persons, at)
            if person:
                return person.text, (person.start, person.end), True
        return np, None, False
    # a capitalised name the person finder did not see (an organisation, a lone surname)
    name = re.sub(r"^(?:the|The)\s+", "", np)
    return name, span, True


def _pronoun_target(
    text: str,
    persons: Sequence[PersonMention],
    at: int,
    last_named: tuple[str, tuple[int, int] | None] | None,
) -> tuple[str, tuple[int, int] | None, bool] | None:
    """ "he"/"she": the last speaker, or a person who since became a sentence's subject."""
    subject = None
    for p in persons:
        if p.end > at:
            break
        line_start = text.rfind("\n", 0, p.start) + 1
        cut = max([m.end() for m in _END.finditer(text[line_start : p.start])], default=0)
        lead = text[line_start + cut : p.start]
        if len(lead.split()) <= 4 and not re.search(r"[“”\"]", lead):
            subject = p
    last_at = last_named[1][0] if last_named and last_named[1] else -1
    if subject and subject.start > last_at:
        return subject.text, (subject.start, subject.end), True
    if last_named:
        return last_named[0], last_named[1], True
    return None


def _person_by_title(np: str, persons: Sequence[PersonMention], at: int) -> PersonMention | None:
    """The person last named before ``at`` whose title matches a role phrase like "the
    foreign minister" or "the State Department spokesman"."""
    key = title_key(np)
    head = title_head(key)
    if head is None:
        return None
    quals = {w for w in key.split() if w not in HEADS}
    best = None
    for p in persons:
        if p.start >= at:
            break
        for t in p.titles:
            tk = title_key(t)
            if title_head(tk) != head:
                continue
            if quals <= set(tk.split()) or not quals:
                best = p
    if best is None:
        return None
    # a surname-only mention points to the same person as its full name
    return best


def _sentence_subject(
    text: str,
    q: _Q,
    prev_end: int,
    persons: Sequence[PersonMention],
    last_named: tuple[str, tuple[int, int] | None] | None,
) -> tuple[str | None, tuple[int, int] | None, bool] | None:
    """For a quoted fragment inside a sentence: the person the sentence is about."""
    chunk = text[prev_end : q.open_at]
    cut = max((m.end() for m in _END.finditer(chunk)), default=0)
    start = prev_end + cut
    piece = text[start : q.open_at]
    if not piece.strip():
        return None
    m = re.match(r"\s*(?:[A-Z][\w ]{0,20},\s*)?(He|She)\b", piece)
    if m and last_named:
        return last_named[0], last_named[1], True
    for p in persons:
        if start <= p.start and p.end <= q.open_at:
            return p.text, (p.start, p.end), True
    return None


# Between a speech verb and the reported words: whom they were told to, when, where.
_TOLD_TO = re.compile(
    r"(?:reporters|journalists|lawmakers|residents|supporters|(?:a|the)\s+(?:news|press)\s+"
    r"conference|(?:the\s+)?[A-Z][\w&.’'-]*(?:\s+[A-Z0-9][\w&.’'-]*){0,3})\s+"
)
_SAID_WHEN = re.compile(
    rf"(?:(?:on\s+)?(?:{'|'.join(en.WEEKDAYS)})|today|yesterday"
    r"|(?:this|last)\s+(?:week|month|weekend)|in\s+a\s+(?:statement|letter|post)"
    r"|in\s+an\s+(?:interview|email|e-mail)|at\s+a\s+(?:news|press)\s+conference)"
    r",?\s+",
    re.IGNORECASE,
)


def _speech_lead(rest: str, verb: str) -> int:
    """How many characters of ``rest`` (what follows "X said ") come before the reported
    words: "told Harbour FM the city will ..." -> after "Harbour FM "; "insisted Wednesday
    that Port Alder ..." -> after "that "."""
    at = 0
    if verb.lower() in en.TELLING_VERBS:
        m = _TOLD_TO.match(rest)
        at = m.end() if m else 0
    elif m := re.match(r"(?:reporters|journalists)\s+", rest, re.IGNORECASE):
        at = m.end()
    if m := _SAID_WHEN.match(rest, at):
        at = m.end()
    if m := re.match(r"that\s+", rest[at:], re.IGNORECASE):
        at += m.end()
    return at


# Entity labels of speakers other than people (who come as person mentions).
_SPEAKING_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON"})
_CLAUSE_AFTER_RECALLED = re.compile(r"(?:that|how|when)\b", re.IGNORECASE)


def _reports_speech(verb: str, rest: str) -> bool:
    """Whether "X <verb> <rest>" reports what X said: not "X reported/posted/asked ...", and
    "recalled" only before a clause ("recalled that ...", not "recalled 14 batches")."""
    verb = verb.lower()
    if verb == "recalled":
        return bool(_CLAUSE_AFTER_RECALLED.match(rest))
    return verb not in en.NON_REPORTING_VERBS


def _indirect_quotes(
    article: Article, persons: Sequence[PersonMention], quoted: Sequence[tuple[int, int]]
) -> list[QuoteMention]:
    """Reported speech: "X said (that) ...", "..., X said." in sentences without quotes."""
    text = article.text
    out: list[QuoteMention] = []
    sentences = article.sentences or [
        type("S", (), {"start": s, "end": e})() for s, e in _paragraphs(text) if e > s
    ]
    last: tuple[str, tuple[int, int] | None] | None = None
    # a person says, else an organisation, a country... ("Veridane says production ...")
    speakers: list[PersonMention | Mention] = [
        *persons,
        *(m for m in article.mentions if m.label in _SPEAKING_LABELS),
    ]
    for sent in sentences:
        s, e = sent.start, sent.end
        body = text[s:e]
        if any(c in body for c in '“”"«»'):
            continue
        found: tuple[str, tuple[int, int] | None, int, int] | None = None
        for p in speakers:
            if not (s <= p.start < e):
                continue
            after = text[p.end : e]
            m = _THEN_VERB.match(after)
            if m and _reports_speech(m.group(1), after[m.end() :]):
                cs = p.end + m.end() + _speech_lead(after[m.end() :], m.group(1))
                found = (p.text, (p.start, p.end), cs, e)
                break
        if not found:
            m = _CLAUSE_SPEAKER_VERB.search(body)
            if m and _np_shaped(m.group(1)):
                np_s = s + m.start(1)
                name, span, named = _resolve_np(
                    text, m.group(1), (np_s, np_s + len(m.group(1))), persons, np_s, last
                )
                if name:
                    found = (name, span if named else None, s, s + m.start())
        if not found:
            continue
        name, span, cs, ce = found
        clause = text[cs:ce].rstrip(" .")
        ce = cs + len(clause)
        if len(clause.split()) < 5:
            continue
        named = span is not None
        out.append(
            QuoteMention(article.id, cs, ce, clause, name, span, named, True, "said", ((cs, ce),))
        )
        if named:
            last = (name, span)
    return out


# --------------------------------------------------------------------------- alignment
