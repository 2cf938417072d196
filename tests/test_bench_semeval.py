"""The SemEval bench's threshold rules (bench/semeval.py), on hand-made scores."""

from __future__ import annotations

import numpy as np
import pytest

from tests.conftest import load_bench

semeval = load_bench("semeval")


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


def _pairs_with_one_telling_feature(n: int = 80) -> tuple[np.ndarray, np.ndarray]:
    """Pairs whose label the first of three features tells (with some overlap); the other two
    are noise."""
    rng = np.random.default_rng(3)
    y = np.arange(n) % 2
    telling = np.clip(0.3 + 0.4 * y + rng.normal(0, 0.15, n), 0, 1)
    return np.column_stack([telling, rng.uniform(0, 1, n), rng.uniform(0, 1, n)]), y


def test_forward_selection_keeps_the_feature_that_tells_and_drops_the_noise():
    x, y = _pairs_with_one_telling_feature()
    assert semeval.forward_selection(x, y) == [0]


def test_a_model_fitted_on_chosen_columns_reads_only_them_and_scores_as_their_own_fit():
    x, y = _pairs_with_one_telling_feature()
    features = ("telling", "noise", "more_noise")
    chosen = semeval.fit_selected(x, y, features, [0])
    alone = semeval.fit(x[:, [0]], y, ("telling",))
    assert chosen.reads == {"telling"}
    assert chosen.probability(x) == pytest.approx(alone.probability(x[:, [0]]))


def test_languages_on_another_scale_are_read_on_the_pools():
    """Pairs of a language whose features sit lower and closer (an affine map of another
    language's, in the inputs the regression reads) are scored as their counterparts."""
    x, y = _pairs_with_one_telling_feature()
    lower = (0.5 * np.sqrt(x) + 0.05) ** 2
    both = np.r_[x, lower]
    languages = np.array(["aa"] * len(x) + ["bb"] * len(x))
    model = semeval.fit(both, np.r_[y, y], ("telling", "noise", "more_noise"), languages)
    assert set(model.languages) == {"aa", "bb"}
    first = model.for_language("aa").probability(x)
    assert model.for_language("bb").probability(lower) == pytest.approx(first)
    alone = semeval.fit(both, np.r_[y, y], ("telling", "noise", "more_noise"))
    assert not alone.languages  # without languages, one scale for all
    assert not np.allclose(alone.probability(lower), alone.probability(x))


def test_a_language_with_few_pairs_of_a_class_is_read_as_it_is():
    x, y = _pairs_with_one_telling_feature()
    languages = np.array(["aa"] * (len(x) - 12) + ["bb"] * 12)
    y = y.copy()
    y[-12:] = [1] * 3 + [0] * 9  # three same-story pairs: too few for a scale of its own
    model = semeval.fit(x, y, ("telling", "noise", "more_noise"), languages)
    assert set(model.languages) == {"aa"}
    assert model.for_language("bb") is model
    assert model.for_language("cc") is model
