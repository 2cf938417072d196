"""The PolNeAR quotes bench's gold and scoring rules (bench/quotes_polnear.py), on hand-made text."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "bench" / "quotes_polnear.py"
_SPEC = importlib.util.spec_from_file_location("quotes_polnear", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
qp = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("quotes_polnear", qp)  # (its dataclasses look their module up)
_SPEC.loader.exec_module(qp)


def _gold(text: str, content: str, source: str) -> object:
    start = text.index(content)
    quoted = qp.quoted_stretches(text, start, start + len(content))
    s = text.index(source)
    return qp.GoldQuote(
        "a",
        qp.words_in(text, quoted),
        "",
        (s, s + len(source)),
        source,
        "named",
        ((start, start + len(content)),),
        tuple(quoted),
    )


def _pred(text: str, name: str, at: str | None = None) -> object:
    s = text.index(at or name) + (at or name).index(name)
    return qp.PredQuote("a", frozenset(), "", name, (s, s + len(name)))


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "Intro.\n“We will win,” Ana Ortiz said, according to the Daily Post.",
            "“We will win,” Ana Ortiz said",
            "Ana Ortiz",
        ),
        (
            "Intro.\n“We will win,” said Ana Ortiz, the Daily Post reported.",
            "“We will win,” said Ana Ortiz",
            "Ana Ortiz",
        ),
        (
            "Intro.\nOrtiz, the union chief, told members “we will win,” the Daily Post wrote.",
            "Ortiz, the union chief, told members “we will win,”",
            "Ortiz",
        ),
    ],
)
def test_the_speaker_of_a_nested_attribution_inside_the_content_is_right(text, content, name):
    """PolNeAR gives the outlet as the source; the words are the name's inside its content."""
    gold = _gold(text, content, "the Daily Post")
    assert qp.same_speaker(text, gold, _pred(text, name))


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (  # a name in the content that is not the subject of a verb of saying
            "Intro.\nOrtiz praised Lee as “a fine mayor,” the Daily Post reported.",
            "Ortiz praised Lee as “a fine mayor,”",
            "Lee",
        ),
        (  # nor one with a word between it and the verb
            "Intro.\nOrtiz had said Lee was “a fine mayor,” the Daily Post reported.",
            "Ortiz had said Lee was “a fine mayor,”",
            "Ortiz",
        ),
    ],
)
def test_another_name_in_the_content_is_not_the_speaker(text, content, name):
    gold = _gold(text, content, "the Daily Post")
    assert not qp.same_speaker(text, gold, _pred(text, name))


def test_a_name_outside_the_content_is_not_a_nested_speaker():
    text = "Intro.\nAna Ortiz said, according to the Daily Post: “We will win.”"
    gold = _gold(text, "“We will win.”", "the Daily Post")
    assert not qp.same_speaker(text, gold, _pred(text, "Ana Ortiz"))


def test_a_sources_gender_is_read_from_its_name_not_its_apposition():
    """ "Jan Brewer, an early supporter of Trump" is no man because the text writes "Mr.
    Trump"."""
    text = "Intro.\nMr. Trump spoke. Jan Brewer, an early supporter of Trump, agreed."
    source = "Jan Brewer, an early supporter of Trump,"
    end = text.index(source) + len(source)
    assert qp._gender_of(text, source, end, "new") is None
    assert qp._gender_of(text, "Trump", None, "new") == "m"
