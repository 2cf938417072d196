"""The next-steps golds' held-out sets (bench/commitments_gold.py): each is drawn from the PolNeAR
train articles its residue picks (the fourteenth and fifteenth from the SemEval texts their residues
pick), no article is in two of them, and every record is labelled, noted (the SemEval golds) and
points at its sentence in the article."""

from __future__ import annotations

import json
from itertools import combinations

import pytest

from tests.conftest import load_bench

cg = load_bench("commitments_gold")

pytestmark = pytest.mark.skipif(
    not (cg.POLNEAR / "train" / "text").is_dir(), reason="PolNeAR is not in ../shared/bench"
)


def _records(gold: str) -> list[dict]:
    return [json.loads(line) for line in cg.GOLDS[gold].read_text("utf-8").splitlines() if line]


@pytest.mark.parametrize("gold", sorted(cg.RESIDUE))
def test_a_held_out_gold_is_drawn_from_its_own_articles(gold: str) -> None:
    files = {r["file"] for r in _records(gold)}
    assert files <= set(cg.train_files(*cg.RESIDUE[gold]))


def test_no_article_is_in_two_held_out_golds() -> None:
    picked = {gold: set(cg.train_files(*residues)) for gold, residues in cg.RESIDUE.items()}
    assert all(picked.values())
    for first, second in combinations(sorted(picked), 2):  # (pairwise: twelve golds, none meet)
        assert not picked[first] & picked[second], (first, second)
        assert not {r["file"] for r in _records(first)} & {r["file"] for r in _records(second)}


@pytest.mark.parametrize("gold", sorted(cg.RESIDUE))
def test_every_record_is_labelled_and_points_at_its_sentence(gold: str) -> None:
    for r in _records(gold):
        text = (cg.POLNEAR / "train" / "text" / f"{r['file']}.txt").read_text("utf-8")
        assert text[r["start"] : r["end"]].startswith(r["text"])  # (the second's long ones cut)
        assert cg.SELECT.search(r["text"])
        assert isinstance(r["future_action"], bool)
        assert r["future_action"] or not r["actors"]


_SEMEVAL = pytest.mark.skipif(
    not cg.SEMEVAL.is_file(), reason="the SemEval sample is not in ../shared/bench"
)


@_SEMEVAL
@pytest.mark.parametrize("gold", sorted(cg.SEMEVAL_RESIDUE))
def test_a_semeval_gold_is_drawn_from_its_own_ids(gold: str) -> None:
    picked = set(cg.semeval_files(*cg.SEMEVAL_RESIDUE[gold]))
    assert {r["semeval"] for r in _records(gold)} <= picked
    assert all(i.isdigit() for i in picked)  # (no machine translation, "1483943089en")


@_SEMEVAL
@pytest.mark.parametrize("gold", sorted(cg.SEMEVAL_RESIDUE))
def test_every_semeval_record_is_labelled_and_points_at_its_sentence(gold: str) -> None:
    texts = cg.semeval_texts()
    records = _records(gold)
    assert records
    for r in records:
        assert cg.source_of(r) == r["semeval"] and "file" not in r
        assert texts[r["semeval"]][r["start"] : r["end"]] == r["text"]
        assert cg.SELECT.search(r["text"])
        assert isinstance(r["future_action"], bool)
        assert r["future_action"] or not r["actors"]
        assert r["note"]
    labels = {r["future_action"] for r in records}
    assert labels == {True, False}  # (labelled by reading, not left at one default)


@_SEMEVAL
def test_no_text_is_in_two_semeval_golds() -> None:
    assert {"fourteenth", "fifteenth"} <= set(cg.SEMEVAL_RESIDUE)  # (both read by the tests above)
    picked = {gold: set(cg.semeval_files(*r)) for gold, r in cg.SEMEVAL_RESIDUE.items()}
    for first, second in combinations(sorted(picked), 2):
        assert picked[first] and picked[second]
        assert not picked[first] & picked[second], (first, second)
        ids = {r["semeval"] for r in _records(first)}
        assert not ids & {r["semeval"] for r in _records(second)}
