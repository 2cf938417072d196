"""Regular expressions scanned faster, matching exactly what they matched.

Python's ``re`` finds where a match may start quickly only when a pattern opens with a literal
or a character class: one that opens with ``\\b``, a lookbehind or an alternation of words is
tried at every position of the text. :func:`gated` puts a lookahead before such a pattern: the
class of the characters any match of it can start with, worked out from the pattern itself, so
that most positions fail at once. The lookahead is a superset (read case-blind): every match of
the pattern is still a match, at the same place, with the same groups.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The categories a class may hold, by the parser's name, as written in a class.
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
# Classes that let nearly every position through: no lookahead is worth its cost then.
_BROAD = frozenset({r"\D", r"\S", r"\w", r"\W"})
# What matches no character: anchors (``\b``, ``^``) and lookarounds.
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a lookahead for the characters its matches can start with; the
    pattern itself when they cannot be worked out (it may match an empty string, or open with
    any character), when they are nearly any character (a word character), or when ``re``
    finds its starts quickly already.

    >>> gated(re.compile(r"\\b(?:in|since)\\s+May")).pattern
    '(?=(?i:[is]))(?:\\\\b(?:in|since)\\\\s+May)'
    """
    try:
        parser = importlib.import_module("re._parser")  # Python 3.11-3.13's own parser
    except ImportError:
        return pattern  # another Python: the pattern as it is, slower, the same matches
    try:
        parsed = parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return pattern
    items = list(parsed)
    if items and _scanned(*items[0]):
        return pattern  # re scans for its first character itself
    first = _first(items)
    if first is None or first[1] or not _BROAD.isdisjoint(first[0]):
        return pattern
    chars = "".join(sorted(set(first[0])))
    return re.compile(f"(?=(?i:[{chars}]))(?:{pattern.pattern})", pattern.flags)


def _name(op: Any) -> str:
    return str(op)


def _scanned(op: Any, av: Any) -> bool:
    """Whether ``re`` finds the starts of a pattern that opens with ``op`` itself: a literal, a
    class, or an alternation whose every branch opens with a literal."""
    name = _name(op)
    if name == "BRANCH":
        return all(branch and _name(list(branch)[0][0]) == "LITERAL" for branch in av[1])
    return name in ("LITERAL", "IN")


def _first(items: list[tuple[Any, Any]]) -> tuple[list[str], bool] | None:
    """The class pieces of the characters a match of the sequence ``items`` can start with,
    and whether it can match an empty string; None if that cannot be told."""
    pieces: list[str] = []
    for op, av in items:
        found = _first_of(_name(op), av)
        if found is None:
            return None
        pieces += found[0]
        if not found[1]:
            return pieces, False
    return pieces, True


def _first_of(name: str, av: Any) -> tuple[list[str], bool] | None:
    if name in _ZERO_WIDTH:
        return [], True
    if name == "LITERAL":
        return [re.escape(chr(av))], False
    if name == "IN":
        pieces = []
        for op, value in av:
            kind = _name(op)
            if kind == "LITERAL":
                pieces.append(re.escape(chr(value)))
            elif kind == "RANGE":
                pieces.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind == "CATEGORY" and _name(value) in _CATEGORIES:
                pieces.append(_CATEGORIES[_name(value)])
            else:
                return None  # a negated class, or one of locale categories
        return pieces, False
    if name == "SUBPATTERN":
        return _first(list(av[-1]))  # (group, flags added, flags removed, pattern)
    if name == "ATOMIC_GROUP":
        return _first(list(av))
    if name == "BRANCH":
        pieces, empty = [], False
        for alternative in av[1]:
            found = _first(list(alternative))
            if found is None:
                return None
            pieces += found[0]
            empty = empty or found[1]
        return pieces, empty
    if name in _REPEATS:
        low, _, inner = av
        found = _first(list(inner))
        if found is None:
            return None
        return found[0], found[1] or low == 0
    return None  # any character, a back reference...
