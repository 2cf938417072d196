"""The learned next-steps reader's features (bench/commitments_learned.py): what a sentence's
parse says of its trigger -- the verb it governs, its subject, negation, quotation marks, a date
ahead -- and the rules' decision, which the cross-validation can leave out."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import load_bench

cl = load_bench("commitments_learned")


@pytest.fixture(scope="module")
def full_nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    from corroborate.annotate.nlp import spacy_model_name

    return spacy.load(spacy_model_name())


def _features(nlp: Any, text: str, dates: list[str], rule: str = "none") -> dict:
    return cl.features(text, nlp(text), dates, "2016-03-01", rule)


def test_a_will_is_read_through_to_its_verb_subject_and_date(full_nlp: Any) -> None:
    x = _features(full_nlp, "The senator will hold a hearing on March 3.", ["2016-03-03"])
    assert x["trigger=will"] == 1.0
    assert x["t:verb=hold"] == 1.0
    assert x["t:subject_coarse=noun"] == 1.0
    assert x["date_after"] == 1.0
    assert "date_before" not in x
    assert x["t:quoted"] == 0.0
    assert x["t:negated"] == 0.0


def test_a_quoted_negated_pledge_is_marked_so(full_nlp: Any) -> None:
    x = _features(full_nlp, "“We will not raise taxes,” she said.", [], rule="next")
    assert x["t:subject=pron_we"] == 1.0
    assert x["t:quoted"] == 1.0
    assert x["starts_quoted"] == 1.0
    assert x["t:negated"] == 1.0
    assert x["bias_rule=next"] == 1.0
    assert not any(k.startswith("bias_rule=") for k in cl._strip_rule(x))


def test_a_plan_reads_the_verb_that_plans_and_the_act_planned(full_nlp: Any) -> None:
    x = _features(full_nlp, "Clinton plans to visit Ohio next week.", [])
    assert x["trigger=plans to"] == 1.0
    assert x["t:verb=plan"] == 1.0
    assert x["t:action=visit"] == 1.0
    assert x["t:subject_coarse=ent"] == 1.0
