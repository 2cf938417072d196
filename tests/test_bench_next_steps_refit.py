"""The refit bench of the adding model (bench/next_steps_refit.py): the product's listing rebuilt
from the rules, the adding model's decisions and the filter's, as
``corroborate.annotate.next_steps.learned_commitments`` makes it."""

from __future__ import annotations

from typing import Any

from tests.conftest import load_bench

refit = load_bench("next_steps_refit")


def _row(rules: bool, eligible: bool, trigger: bool = True) -> dict[str, Any]:
    return {"rules": rules, "eligible": eligible, "trigger": trigger}


def test_listing_rules_first_additions_where_eligible_filter_last() -> None:
    rows = [
        _row(rules=True, eligible=False),  # the rules' next step, the filter keeps it
        _row(rules=True, eligible=False),  # the rules' next step, the filter doubts it
        _row(rules=False, eligible=True),  # an addition, kept
        _row(rules=False, eligible=True),  # an addition the filter doubts
        _row(rules=False, eligible=False),  # the model would add, but the parse says no plan
        _row(rules=False, eligible=True),  # the model does not add
        _row(rules=True, eligible=False, trigger=False),  # no trigger word: the rules' alone
    ]
    adds = [False, False, True, True, True, False, False]
    kept = [True, False, True, False, True, True, False]
    assert refit.listing(rows, adds, kept) == [True, False, True, False, False, False, True]
    # the filter reading the rules' next steps alone: the doubted addition stays
    assert refit.listing(rows, adds, kept, filter_adds=False) == [
        True,
        False,
        True,
        True,
        False,
        False,
        True,
    ]


def test_tally_and_pooled_count_right_wrong_and_gold() -> None:
    rows = [{"y": True}, {"y": False}, {"y": True}]
    t = refit._tally(rows, [True, True, False])
    assert t == {"right": 1, "wrong": 1, "gold": 2}
    assert refit._figures(t)["precision"] == "1/2 = 0.500"
    assert refit._figures(t)["recall"] == "1/2 = 0.500"
