"""The SemEval bench's threshold rules (bench/semeval.py), on hand-made scores."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

_PATH = Path(__file__).resolve().parents[1] / "bench" / "semeval.py"
_SPEC = importlib.util.spec_from_file_location("semeval", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
semeval = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("semeval", semeval)
_SPEC.loader.exec_module(semeval)


def test_the_f1_best_cut_lies_midway_between_the_scores_it_separates():
    scores = np.array([0.9, 0.8, 0.3, 0.2])
    labels = np.array([1, 1, 0, 0])
    assert semeval.best_threshold(scores, labels) == pytest.approx(0.55)


def test_the_pair_decision_cuts_at_half_the_best_f1_on_the_fitted_pairs():
    # the best cut takes the top four: three of three same-story pairs and one other,
    # F1 = 2 * 3 / (4 + 3) = 6/7; the decision cuts at half of it, whatever the scores' gaps
    scores = np.array([0.9, 0.8, 0.3, 0.2, 0.1])
    labels = np.array([1, 1, 0, 1, 0])
    assert semeval.best_threshold(scores, labels) == pytest.approx(0.15)
    assert semeval.decision_threshold(scores, labels) == pytest.approx(3 / 7)


def test_pairs_told_apart_perfectly_are_cut_at_one_half():
    scores = np.array([0.99, 0.97, 0.02, 0.01])
    labels = np.array([1, 1, 0, 0])
    assert semeval.decision_threshold(scores, labels) == pytest.approx(0.5)
