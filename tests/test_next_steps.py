"""The learned next-steps model (corroborate.annotate.next_steps): data read from JSON, its
features read from what the product holds, and where learned_commitments (the pipeline's
commitments stage) applies it -- to sentences the rules list no next step in, never instead of
the rules."""

from __future__ import annotations

import json
import math

import pytest

from corroborate.annotate import next_steps
from corroborate.annotate.commitments import extract_commitments, trigger_sentences
from corroborate.annotate.dates import extract_dates
from corroborate.annotate.grammar import parse_sentences
from corroborate.annotate.next_steps import learned_commitments
from corroborate.model import Mention
from tests.conftest import make_article


def _article(parser, *sentences, names=(), published="2016-09-30"):
    article = make_article("a", *sentences)
    for name, label in names:
        start = article.text.index(name)
        index = next(s.index for s in article.sentences if s.start <= start < s.end)
        article.mentions.append(Mention("a", start, start + len(name), name, label, index))
    article.parses = parse_sentences(article, trigger_sentences(article), parser)
    article.published = published
    article.dates = extract_dates(article)
    return article


def _shipped(monkeypatch, loader, weights, intercept, threshold):
    """Put a made-up model in the place of the shipped one that ``loader`` reads."""
    model = next_steps.NextStepsModel(weights, intercept, threshold)
    monkeypatch.setattr(next_steps, loader, lambda path=None: model)
    return model


def _model(monkeypatch, weights, intercept, threshold):
    return _shipped(monkeypatch, "load_model", weights, intercept, threshold)


def test_the_shipped_model_is_plain_data_read_once():
    model = next_steps.load_model()
    assert model is next_steps.load_model()
    data = json.loads(next_steps.MODEL_FILE.read_text("utf-8"))
    assert set(data) == {"about", "threshold", "intercept", "weights"}
    assert 0.0 < model.threshold <= 1.0
    assert len(model.weights) == len(data["weights"]) > 100
    assert all(math.isfinite(w) for w in model.weights.values())


def test_a_probability_is_the_logistic_of_the_weighted_features():
    model = next_steps.NextStepsModel({"a": 2.0, "b": -1.0}, 0.5, 0.9)
    assert model.probability({}) == pytest.approx(1 / (1 + math.exp(-0.5)))
    # a feature the model has no weight for weighs nothing
    assert model.probability({"a": 1.0, "b": 1.0, "c": 9.0}) == pytest.approx(
        1 / (1 + math.exp(-1.5))
    )


def test_features_read_the_trigger_its_verb_subject_and_the_rules_tests(parser):
    article = _article(
        parser, "Mara Voss will hold a hearing on October 3.", names=[("Mara Voss", "PERSON")]
    )
    x = next_steps.sentence_features(article, 0)
    assert x["parsed"] == 1.0
    assert x["trigger=will"] == 1.0
    assert x["t:verb=hold"] == 1.0
    assert x["t:subject_coarse=ent"] == 1.0
    assert x["t:named_actor"] == 1.0
    assert x["date_after"] == 1.0 and "date_before" not in x
    assert x["t:can_act"] == 1.0
    assert x["t:quoted"] == 0.0
    assert x == next_steps.sentence_features(article, 0)  # the same reading every time


def test_a_description_and_a_negation_are_told_apart(parser):
    article = _article(parser, "The campaign will not appeal the ruling.")
    x = next_steps.sentence_features(article, 0)
    assert x["t:subject_determiner"] == 1.0
    assert x["t:subject_coarse=noun"] == 1.0
    assert x["t:negated"] == 1.0
    assert x["t:named_actor"] == 0.0


def test_the_model_adds_a_next_step_the_rules_miss_and_only_then(parser, monkeypatch):
    # hedged: the rules list nothing
    sentence = "Mara Voss will likely visit the harbour next week."
    article = _article(parser, sentence, names=[("Mara Voss", "PERSON")])
    assert extract_commitments(article) == []
    _model(monkeypatch, {"t:hedged": 10.0}, -5.0, 0.9)
    (added,) = learned_commitments(article)
    assert added.what == "will likely visit the harbour next week"
    assert added.kind == "planned" and added.actors == ("Mara Voss",) and not added.earlier
    # below its threshold, the model adds nothing
    _model(monkeypatch, {"t:hedged": 10.0}, -5.0, 0.999)
    assert learned_commitments(article) == []


def test_the_model_never_takes_away_a_next_step_the_rules_list(parser, monkeypatch):
    article = _article(
        parser,
        "Mara Voss pledged to rebuild the harbour wall before winter.",
        names=[("Mara Voss", "PERSON")],
    )
    _model(monkeypatch, {}, -50.0, 0.5)  # reads nothing as a next step
    (pledge,) = learned_commitments(article)
    assert pledge.actors == ("Mara Voss",) and not pledge.earlier


def test_a_sentence_without_a_trigger_or_not_in_english_is_not_read(parser, monkeypatch):
    _model(monkeypatch, {}, 50.0, 0.5)  # reads every sentence it is asked about
    article = _article(parser, "Mara Voss visited the harbour on Monday.")
    assert learned_commitments(article) == []
    article = _article(parser, "Mara Voss will be there for the foreseeable future.")
    article.language = "de"
    assert not next_steps.learned_next_step(article, 0)


def test_a_commitment_the_rules_mark_earlier_is_a_next_step_if_the_model_reads_one(
    parser, monkeypatch
):
    sentence = "Last year the two provinces had agreed to share the cost of the new ferry."
    article = _article(parser, sentence)
    (rules,) = extract_commitments(article)
    assert rules.earlier
    _model(monkeypatch, {}, -50.0, 0.5)
    assert learned_commitments(article)[0].earlier
    _model(monkeypatch, {}, 50.0, 0.5)
    assert not learned_commitments(article)[0].earlier


def test_the_model_adds_nothing_the_grammar_says_is_no_plan_told(parser, monkeypatch):
    _model(monkeypatch, {}, 50.0, 0.5)  # reads every sentence it is asked about
    for sentence in (
        "Mara Voss declined to say who she plans to back in the runoff.",
        "Mara Voss doesn’t plan to attend the ceremony.",
    ):
        article = _article(parser, sentence, names=[("Mara Voss", "PERSON")])
        assert learned_commitments(article) == []
    # a plan the rules read as called off stays background
    article = _article(parser, "The club postponed a friendly match scheduled for October 9.")
    (called_off,) = learned_commitments(article)
    assert called_off.earlier


def _filter(monkeypatch, weights, intercept, threshold):
    return _shipped(monkeypatch, "load_filter", weights, intercept, threshold)


def test_the_shipped_filter_is_plain_data_read_once_beside_the_model():
    model = next_steps.load_filter()
    assert model is next_steps.load_filter()
    assert next_steps.FILTER_FILE.parent == next_steps.MODEL_FILE.parent
    data = json.loads(next_steps.FILTER_FILE.read_text("utf-8"))
    assert set(data) == {"about", "threshold", "intercept", "weights"}
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) == len(data["weights"]) > 100
    assert all(math.isfinite(w) for w in model.weights.values())
    assert model != next_steps.load_model()


def test_features_read_the_sentence_s_place_and_a_past_told_around_it(parser):
    article = _article(
        parser,
        "The council met in March 2009.",
        "The vote was scheduled to take place the next day.",
        "It never did.",
    )
    x = next_steps.sentence_features(article, 1)
    assert x["prev:date_gap=far_before"] == 1.0
    assert x["t:past_aux"] == 1.0
    assert x["place=middle"] == 1.0
    assert "date_gap=far_before" not in x  # the sentence itself names no day


def test_a_next_step_the_filter_doubts_is_listed_neither_ahead_nor_as_earlier(parser, monkeypatch):
    article = _article(
        parser,
        "Mara Voss pledged to rebuild the harbour wall before winter.",
        "In 2019 the council agreed to repair the old pier.",
        names=[("Mara Voss", "PERSON")],
    )
    _filter(monkeypatch, {}, 50.0, 0.5)  # keeps every next step
    kept = learned_commitments(article)
    assert [c.earlier for c in kept] == [False, True]
    _filter(monkeypatch, {}, -50.0, 0.5)  # keeps none: the doubted plan is no commitment ...
    (left,) = learned_commitments(article)
    assert left == kept[1]  # ... and one told as past stays what it was
    assert article.sentences[0].text in article.text  # its sentence is still the article's


def test_the_filter_also_reads_what_the_model_adds(parser, monkeypatch):
    sentence = "Mara Voss will likely visit the harbour next week."
    article = _article(parser, sentence, names=[("Mara Voss", "PERSON")])
    _model(monkeypatch, {}, 50.0, 0.5)  # the model adds it
    _filter(monkeypatch, {}, 50.0, 0.5)
    assert len(learned_commitments(article)) == 1
    _filter(monkeypatch, {}, -50.0, 0.5)  # the filter does not keep it: nothing is added
    assert learned_commitments(article) == []


def test_the_shipped_filter_moves_out_a_schedule_told_in_the_past(parser):
    # a schedule of 2009, told in the past after a sentence dated then: the rules list it
    article = _article(
        parser,
        "The council met in March 2009.",
        "The vote was scheduled to take place the next day.",
        "It never did.",
    )
    (rules,) = extract_commitments(article)
    assert not rules.earlier
    assert learned_commitments(article) == []
    # a plan dated ahead stays listed
    article = _article(
        parser,
        "Mara Voss will open the new ferry terminal on Friday.",
        names=[("Mara Voss", "PERSON")],
    )
    (ahead,) = learned_commitments(article)
    assert not ahead.earlier
