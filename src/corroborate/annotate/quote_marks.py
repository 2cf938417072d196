"""Where an article quotes: the stretches between quote marks, whatever the marks.

:func:`find_quotations` reads, paragraph by paragraph, curly (“…”), straight ("…") and
guillemet («…», „…“) double marks, the wire's doubled apostrophes ('' … '' and `` … ''), and single
marks (‘…’, '…') where they quote at the top level (inside a double-marked quote they nest and
stay in it; an apostrophe in a word never opens or closes one). A quote still open at the end of
its paragraph runs to the paragraph's end; when the next paragraph opens with a mark, that
paragraph goes on with the same quote (the convention of a quote over several paragraphs: the
opening mark repeated, no closing mark until the end). A stray opening mark inside an open quote
(a translation's "“A. “B.”") does not split it. Scraped pages mix their marks, and a mismatched
mark still closes: a straight opener closes at a ” outside the curly quotes nested in it
("…”), and a curly opener at a straight mark that does not open or at a “ typed where the
closer belongs, after a word and before a space or punctuation (“…", “…“).

>>> text = "He said ''we will go home'' and left."
>>> [text[q.start : q.end] for q in find_quotations(text)]
['we will go home']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Quotation", "find_quotations", "find_quoted_spans", "quotations_within"]


@dataclass(frozen=True)
class Quotation:
    """Words between quote marks in one paragraph.

    Attributes:
        start, end: the quoted words (marks and the white space inside them excluded).
        open_at: where the opening mark starts (``start`` when it has none: a quote opened in an
            earlier paragraph, or one whose paragraph begins inside it).
        close_at: just after the closing mark (``end`` when the paragraph ends it unclosed).
        closed: whether a closing mark ends it in this paragraph.
        goes_on: whether it continues a quote left open at the end of the paragraph before.
        single: quoted in single marks.
    """

    start: int
    end: int
    open_at: int
    close_at: int
    closed: bool
    goes_on: bool = False
    single: bool = False


# A double mark: the wire's `` or '' first, then one character.
_DOUBLE = re.compile(r"``|''|[\"“”«»„]")
_CLOSER = {"“": "”", "«": "»", "„": "“", "``": "''", '"': '"', "''": "''"}
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))[‘'](?=[^\W\d_])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s'‘])[’'](?=$|[\s.,;:!?)\]—–])")
_STRAIGHT = frozenset({'"', "''"})


def find_quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the quoted words of :func:`find_quotations`.

    >>> t = 'He said “we will go” and left.'
    >>> [t[s:e] for s, e in find_quoted_spans(t)]
    ['we will go']
    """
    return [(q.start, q.end) for q in find_quotations(text)]


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation of ``text`` in order (see the module doc)."""
    return list(_quotations(text))


@lru_cache(maxsize=64)
def _quotations(text: str) -> tuple[Quotation, ...]:
    """:func:`find_quotations`, kept for the last texts read: the parse, the dates and the
    commitments of an article, then the quotes and the facts of its story, each read its
    quotations (a new list each time; the quotations themselves are frozen)."""
    out: list[Quotation] = []
    offset = 0
    left_open = False
    for line in text.split("\n"):
        found = _line_quotations(line, offset, left_open)
        out.extend(found)
        if line.strip():
            left_open = bool(found) and not found[-1].closed and not found[-1].single
        offset += len(line) + 1
    return tuple(q for q in out if q.end > q.start)


def quotations_within(text: str, quotation: Quotation) -> list[Quotation]:
    """The quotations in single marks inside a quotation in double marks: words its speaker
    quotes of someone else, or puts in someone's mouth.

    >>> t = "“They stood up and said, 'we will vote no,' and sat down,” she said."
    >>> [t[q.start:q.end] for q in quotations_within(t, find_quotations(t)[0])]
    ['we will vote no,']
    """
    if quotation.single:
        return []
    inner = text[quotation.start : quotation.end]
    return [_shifted(q, quotation.start) for q in _single_quotes(inner)]


def _line_quotations(line: str, offset: int, left_open: bool) -> list[Quotation]:
    doubles = _double_quotes(line)
    singles = [
        q
        for q in _single_quotes(line)
        if not any(d.open_at <= q.open_at < d.close_at for d in doubles)
    ]
    found = sorted(doubles + singles, key=lambda q: q.start)
    if left_open and found and found[0].open_at == _first_char(line):
        found[0] = Quotation(
            found[0].start, found[0].end, found[0].open_at, found[0].close_at, found[0].closed, True
        )
    return [_shifted(q, offset) for q in found]


def _first_char(line: str) -> int:
    return len(line) - len(line.lstrip())


def _shifted(q: Quotation, offset: int) -> Quotation:
    return Quotation(
        q.start + offset,
        q.end + offset,
        q.open_at + offset,
        q.close_at + offset,
        q.closed,
        q.goes_on,
        q.single,
    )


def _opens_straight(line: str, at: int, length: int) -> bool:
    """A straight mark opens after a line's start, a space or an opening bracket or dash, and
    before a word; otherwise it closes."""
    before = line[at - 1] if at else " "
    after = line[at + length] if at + length < len(line) else " "
    return (before.isspace() or before in "([{—–-:/") and not after.isspace()


def _double_quotes(line: str) -> list[Quotation]:
    out: list[Quotation] = []
    marks = list(_DOUBLE.finditer(line))
    k = 0
    while k < len(marks):
        mark = marks[k]
        kind = mark.group()
        if kind in "”»" or (
            kind in _STRAIGHT and not _opens_straight(line, mark.start(), len(kind))
        ):
            if not out and k == 0 and kind != "»":
                # the line begins inside a quote (its opening mark was cut off)
                out.append(_quotation(line, 0, 0, mark.start(), mark.end(), True))
            k += 1
            continue
        close = _closing_mark(line, marks, k)
        if close is None:
            out.append(_quotation(line, mark.start(), mark.end(), len(line), len(line), False))
            break
        out.append(_quotation(line, mark.start(), mark.end(), close.start(), close.end(), True))
        k = next((j for j, m in enumerate(marks) if m.start() >= close.end()), len(marks))
    return out


def _closing_mark(line: str, marks: list[re.Match[str]], k: int) -> re.Match[str] | None:
    """The mark closing the quote opened by ``marks[k]``: nested quotes of the same curly kind
    balance; if they never do, the paragraph's last closing mark closes (a stray opener)."""
    kind = marks[k].group()
    closer = _CLOSER[kind]
    if kind == '"':
        return _straight_closing_mark(line, marks[k + 1 :])
    depth = 1
    for m in marks[k + 1 :]:
        got = m.group()
        if kind == "“" and depth == 1 and _closes_curly(line, m):
            return m  # a scraped page's “…" or a typed “…“ (the opener closed by a mismatch)
        if kind in _STRAIGHT or kind == "``":
            if got == closer:
                return m
        elif got == kind and kind != "„":
            depth += 1
        elif got == closer:
            depth -= 1
            if depth == 0:
                return m
    closers = [m for m in marks[k + 1 :] if m.group() == closer]
    return closers[-1] if closers else None


def _straight_closing_mark(line: str, after: list[re.Match[str]]) -> re.Match[str] | None:
    """The mark closing a straight opening mark: the next straight mark, or a curly closing
    mark outside the curly quotes nested in it (a page's "…”, the keyboard's opener with the
    typesetter's closer)."""
    curly_depth = 0
    for m in after:
        got = m.group()
        if got == '"':
            return m
        if got == "“" and not _closes_curly(line, m):
            curly_depth += 1
        elif got in "”“" and curly_depth:
            curly_depth -= 1
        elif got == "”":
            return m
    return None


def _closes_curly(line: str, mark: re.Match[str]) -> bool:
    """Whether a mark ends a curly-opened quote although it is no ”: a straight mark that does
    not open, or an opening “ typed where the closer belongs (after a word or punctuation,
    before a space, punctuation or the paragraph's end: 'here,“ said')."""
    got = mark.group()
    if got == '"':
        return not _opens_straight(line, mark.start(), 1)
    if got != "“" or mark.start() == 0:
        return False
    after = line[mark.end() : mark.end() + 1]
    return not line[mark.start() - 1].isspace() and (not after or not after[0].isalnum())


def _quotation(
    line: str, open_at: int, start: int, end: int, close_at: int, closed: bool
) -> Quotation:
    s, e = _trim(line, start, end)
    return Quotation(s, e, open_at, close_at, closed)


def _single_quotes(line: str) -> list[Quotation]:
    """Quotes in single marks (‘…’ or '…'): an opening mark follows a space or the line's start
    and precedes a letter; a closing mark follows a non-space and precedes a space or
    punctuation, so "Biden's", "don't" and the workers' union never quote."""
    out: list[Quotation] = []
    cursor = 0
    while (opening := _SINGLE_OPEN.search(line, cursor)) is not None:
        if line.startswith("''", opening.start()):
            cursor = opening.end() + 1
            continue
        closing = _SINGLE_CLOSE.search(line, opening.end())
        while closing is not None and line.startswith("''", closing.start() - 1):
            closing = _SINGLE_CLOSE.search(line, closing.end())
        if closing is None:
            break
        s, e = _trim(line, opening.end(), closing.start())
        out.append(Quotation(s, e, opening.start(), closing.end(), True, single=True))
        cursor = closing.end()
    return out


def _trim(line: str, s: int, e: int) -> tuple[int, int]:
    while s < e and line[s].isspace():
        s += 1
    while e > s and line[e - 1].isspace():
        e -= 1
    return s, e
