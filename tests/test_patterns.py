import re

import pytest

from corroborate import date_expressions
from corroborate.annotate import commitments
from corroborate.patterns import gated
from corroborate.read import clean

# Texts where a match starts with what a lookahead could miss: other cases, a letter that
# only case-blind matching takes for an ASCII one (the long s, the Kelvin sign), other digits.
TEXTS = [
    "Talks resume in May 2024; UNTIL June they stall. Since ſpring nothing.",
    "The \u212aing said on Friday that last Thursday he met them, two days ago.",
    "Born 1999, she left Tuesday. ٢٠ days later, 20 days later, twelve weeks earlier.",
    "He will run again; they will not be told; going to sign; we'll see. Subscribe today!",
    "Call 555-0110 or the desk at 212 555 0100. Mid-December, the end of 2019, fiscal 2021.",
    "",
]


@pytest.mark.parametrize(
    "source, flags",
    [
        (r"\b(?:in|since|until)\s+(?:May|June)", 0),
        (r"\b(?i:in|since|until)\s+(?:May|June)", 0),
        (r"\b(?:in|since|until)\s+\w+", re.IGNORECASE),
        (r"(?<![\d/.,])\d{3}[ .-]\d{4}", 0),
        (r"\b(?:\d+|two|twelve)\s+(?:day|week)s?\s+(?:ago|later|earlier)", re.IGNORECASE),
        (r"(?:\b(?:mid|the\s+end\s+of)[\s-]+)?\b(?:December|2019)", re.IGNORECASE),
        (r"(?:[Ss]o\s+far\s+)?\b(?:last|this)\s+(?:Thursday|Friday)", 0),
        (r"\b(?:will|shall|going\s+to)\b|['’]ll\b", re.IGNORECASE),
        (r"(?<=[Tt]he\s)(?:[Kk]ing|\u212aing)", 0),
    ],
)
def test_gated_pattern_finds_the_same_matches(source, flags):
    pattern = re.compile(source, flags)
    fast = gated(pattern)
    assert fast is not pattern and fast.pattern.startswith("(?=")
    for text in TEXTS:
        expected = [(m.span(), m.groupdict(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict(), m.groups()) for m in fast.finditer(text)] == expected


@pytest.mark.parametrize(
    "source",
    [
        r"May|June",  # re finds the starts itself: an alternation of literals
        r"[A-Z]\w+",  # a class first
        r"\b\w+@\w+",  # any word character may start it
        r"(?:in\s+)?",  # may match nothing
        r".+said",  # any character
        r"[^a-z]+x",  # a negated class
    ],
)
def test_left_alone_where_no_lookahead_helps(source):
    pattern = re.compile(source)
    assert gated(pattern) is pattern


def test_the_gated_patterns_of_the_stages_hold_their_lookahead():
    # dates, commitments' triggers and the cleaner's line rules are scanned gated
    for _, pattern in date_expressions._PATTERNS:
        assert pattern.pattern.startswith("(?=(?i:[")
    assert all(p.pattern.startswith("(?=") for _, p in commitments._TRIGGERS[:3])
    assert clean._CALL_TO_ACTION_RE.pattern.startswith("(?=")
    assert date_expressions.find_date_ranges("He served from 2009 to 2013.")[0].kind == "range"
    assert date_expressions.find_date_ranges("He served in 2009.") == []


def test_without_the_regex_parser_the_pattern_is_used_as_it_is(monkeypatch):
    import importlib

    def missing(name):
        raise ImportError(name)

    monkeypatch.setattr(importlib, "import_module", missing)
    pattern = re.compile(r"\b(?:in|since)\s+May")
    assert gated(pattern) is pattern
