"""The PolNeAR quotes bench's gold and scoring rules (bench/quotes_polnear.py), on hand-made text."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from tests.conftest import load_bench

qp = load_bench("quotes_polnear")


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


# --------------------------------------------------------------------------- hand-labelled pronouns

_HAND_TEXT = (
    "Title line.\n"
    "Ana Ortiz, the mayor, spoke first. Lee Park listened.\n"
    "Ortiz looked up. “We will win this year,” she said.\n"
)


def _pronoun_relations(text: str) -> list[object]:
    """One attribution: the quote, its Source the pronoun "she"."""
    q = text.index("“We")
    she = text.index("she said")
    return [qp._Relation(((q, she - 1),), ((she, she + 3),))]


def _hand(text: str, speaker: str, **more: object) -> dict[tuple[int, int], dict[str, object]]:
    (quote,) = qp.gold_quotes("a", text, _pronoun_relations(text), "new")
    return {qp.quote_span(quote): {"speaker": speaker, **more}}


def test_a_hand_label_is_the_speaker_of_a_pronoun_source_and_is_compared_by_name():
    hand = _hand(_HAND_TEXT, "Ana Ortiz")
    (gold,) = qp.gold_quotes("a", _HAND_TEXT, _pronoun_relations(_HAND_TEXT), "hand", hand)
    assert (gold.how, gold.source_text, gold.speaker_name) == ("pronoun", "Ana Ortiz", "Ana Ortiz")
    assert qp.same_speaker(_HAND_TEXT, gold, _pred(_HAND_TEXT, "Ortiz", "Ortiz looked"))
    # the pronoun's own span is no name: a wrong name given there is wrong
    she = _HAND_TEXT.index("she said")
    wrong = qp.PredQuote("a", frozenset(), "", "Lee Park", (she, she + 3))
    assert not qp.same_speaker(_HAND_TEXT, gold, wrong)


def test_another_spelling_the_label_gives_is_the_same_speaker():
    hand = _hand(_HAND_TEXT, "Ana Ortiz", also=["Ortis"])
    (gold,) = qp.gold_quotes("a", _HAND_TEXT, _pronoun_relations(_HAND_TEXT), "hand", hand)
    assert qp.same_speaker(_HAND_TEXT, gold, qp.PredQuote("a", frozenset(), "", "Ortis", None))


def test_a_pronoun_labelled_never_named_is_unresolved_and_an_unsure_one_is_kept_apart():
    relations = _pronoun_relations(_HAND_TEXT)
    (never,) = qp.gold_quotes("a", _HAND_TEXT, relations, "hand", _hand(_HAND_TEXT, ""))
    assert (never.how, never.source) == ("unresolved", None)
    unsure = _hand(_HAND_TEXT, "Ana Ortiz", unsure=True, why="two women in the paragraph")
    (gold,) = qp.gold_quotes("a", _HAND_TEXT, relations, "hand", unsure)
    assert gold.how == "pronoun (unsure)"
    by_source: Counter[str] = Counter()
    pair = (gold, _pred(_HAND_TEXT, "Ortiz", "Ortiz looked"))
    figures = qp._speakers("a", _HAND_TEXT, [pair], Counter(), [], by_source)
    assert figures == (0, 0, 0)  # not in the speaker accuracy or precision
    assert (by_source["pronoun (unsure) scored"], by_source["pronoun (unsure) right"]) == (1, 1)


def test_a_pronoun_source_with_no_hand_label_is_an_error():
    relations = _pronoun_relations(_HAND_TEXT)
    with pytest.raises(ValueError, match="no hand label"):
        qp.gold_quotes("a", _HAND_TEXT, relations, "hand", {})
    with pytest.raises(ValueError, match="no hand label"):  # a draft record left unlabelled
        qp.gold_quotes("a", _HAND_TEXT, relations, "hand", _hand(_HAND_TEXT, None))  # type: ignore[arg-type]


def test_a_named_source_is_the_same_under_the_hand_and_the_new_rule():
    text = "Title line.\nAna Ortiz said: “We will win this year.”\n"
    q = text.index("“We")
    relations = [qp._Relation(((q, len(text) - 1),), ((12, 21),))]
    assert qp.gold_quotes("a", text, relations, "hand", {}) == qp.gold_quotes(
        "a", text, relations, "new"
    )


_LABELS = qp.HAND_GOLD["dev"]


@pytest.mark.skipif(not qp.DATA.exists(), reason=f"{qp.DATA} not found")
def test_the_dev_hand_labels_are_exactly_the_drafts_and_every_one_is_labelled():
    """The labelled file holds one record per drafted pronoun quote (same file, spans, source
    and text), each labelled: a name the article writes (or other spellings it writes too),
    "" for someone never named, and a reason whenever it is unsure."""
    labelled = [json.loads(line) for line in _LABELS.read_text(encoding="utf-8").splitlines()]
    drafts = qp.pronoun_drafts("dev")
    fields = ("file", "start", "end", "source", "source_start", "source_end", "quote", "before")
    assert [tuple(r[k] for k in fields) for r in labelled] == [
        tuple(d[k] for k in fields) for d in drafts
    ]
    for record in labelled:
        assert isinstance(record["speaker"], str), record
        assert isinstance(record["unsure"], bool), record
        assert not record["unsure"] or record["why"], record
        text = (qp.DATA / "dev" / "text" / f"{record['file']}.txt").read_text(encoding="utf-8")
        for name in [record["speaker"], *record["also"]]:
            words = re.findall(r"[\w-]+", name)
            assert all(w in text for w in words), (name, record["file"])
    gold = qp.load_gold("dev", "hand")  # every pronoun source takes its label
    hows = Counter(g.how for quotes in gold.values() for g in quotes)
    named = sum(1 for r in labelled if r["speaker"] and not r["unsure"])
    assert hows["pronoun"] == named


def test_a_sampled_split_keeps_an_unlabelled_pronoun_apart_from_the_figures():
    text = "Title line.\nAna Ortiz said: “We start today at noon.”\n“We will win this year,” she said.\n"
    first, second = text.index("“We start"), text.index("“We will")
    she = text.index("she said")
    relations = [
        qp._Relation(((first, second - 2),), ((12, 21),)),
        qp._Relation(((second, she - 1),), ((she, she + 3),)),
    ]
    named, gold = qp.gold_quotes("a", text, relations, "hand", {}, sampled=True)
    ruled = qp.gold_quotes("a", text, relations, "new")[1]
    assert named.how == "named"
    assert gold.how == "pronoun (unlabelled)" and gold.source == ruled.source == (12, 21)
    by_source: Counter[str] = Counter()
    pair = (gold, _pred(text, "Ortiz", "Ana Ortiz"))
    assert qp._speakers("a", text, [pair], Counter(), [], by_source) == (0, 0, 0)
    assert by_source["pronoun (unlabelled) scored"] == 1
    label = {qp.quote_span(ruled): {"speaker": "Lee Park"}}
    labelled = qp.gold_quotes("a", text, relations, "hand", label, sampled=True)[1]
    assert labelled.how == "pronoun" and labelled.speaker_name == "Lee Park"


@pytest.mark.skipif(not qp.DATA.exists(), reason=f"{qp.DATA} not found")
def test_the_train_hand_labels_are_the_sampled_drafts_and_every_one_is_labelled():
    """Train's labels are the drafts of the articles the CRC32 sample takes (whole articles),
    each labelled with a name the article writes or ""; every sampled pronoun takes its label."""
    path = qp.HAND_GOLD["train"]
    labelled = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    drafts = qp.pronoun_drafts("train", sample=150)
    fields = ("file", "start", "end", "source", "source_start", "source_end", "quote", "before")
    assert [tuple(r[k] for k in fields) for r in labelled] == [
        tuple(d[k] for k in fields) for d in drafts
    ]
    for record in labelled:
        assert isinstance(record["speaker"], str), record
        assert not record["unsure"] or record["why"], record
        text = (qp.DATA / "train" / "text" / f"{record['file']}.txt").read_text(encoding="utf-8")
        for name in [record["speaker"], *record["also"]]:
            assert all(w in text for w in re.findall(r"[\w-]+", name)), (name, record["file"])
    gold = qp.load_gold("train", "hand")
    hows = Counter(g.how for quotes in gold.values() for g in quotes)
    assert hows["pronoun"] == sum(1 for r in labelled if r["speaker"] and not r["unsure"])


def test_a_sample_is_whole_articles_in_crc32_order_up_to_its_size():
    counts = {"a": 2, "b": 1, "c": 3, "d": 0}
    order = sorted(counts, key=lambda n: qp.zlib.crc32(n.encode()))
    taken = qp.sampled_files(list(counts), counts, 3)
    assert taken == [n for n in order if counts[n]][: len(taken)]
    assert sum(counts[n] for n in taken) >= 3
    assert sum(counts[n] for n in taken[:-1]) < 3


def test_a_name_is_compared_as_the_reader_writes_it_composed_without_control_characters():
    raw = "Luc\u0327ia Mu\x83n\u0303oz"  # decomposed letters and a stray C1 control character
    assert qp._same_name("Lu\u00e7ia Mu\u00f1oz", raw)
    assert not qp._same_name("Lucia Munoz", raw)  # (letters are not stripped of accents)
