"""Next steps the rules miss, read by a small learned model: a logistic regression over
features of a sentence that the product already holds; and a second one that filters what
either lists.

:func:`learned_commitments`, the pipeline's commitments stage, lists a sentence as a next
step when the rules of :func:`corroborate.annotate.commitments.extract_commitments` do, or when
this model gives the sentence a probability of at least its threshold
(:func:`learned_next_step`): the rules first, the model adding what they miss (a sentence they
list nothing in, or a commitment they mark ``earlier``), never taking away what they list (the
filter, :func:`kept_next_step`, does: see below). It
adds none where the parse says the trigger's verb is no plan told
(:func:`corroborate.annotate.commitments.not_told`: negated, asked, a condition, ...), and
does not bring back a plan the rules read as called off
(:func:`corroborate.annotate.commitments.called_off`).

The features of a sentence (:func:`sentence_features`) are read from its parse
(``Article.parses``), the article's mentions, resolved dates and quotations, and the rules'
own intermediate tests (can the subject act, a day ahead, hedged, believed, a stance, a time
clause, ...), not their decision; a sentence with no parse gives its sentence-level features
only. The model is data, not code: its weights, intercept and threshold are in
``next_steps_model.json`` beside this module (read once), fitted by
``bench/train_next_steps_model.py`` on the six tuning golds of ``bench/commitments_gold.py``
(C=1, the threshold the lowest at which the model's additions to the rules were right at least
0.9 of the time on leave-one-gold-out predictions). It was wired after a pre-registered test
on the held-out seventh gold (``bench/results/commitments_learned_seventh_plan.md``): next steps
P 19/22, R 19/38 against the rules' 18/21, R 18/38.

What either lists then passes a filter (:func:`kept_next_step`): a second logistic regression
over the same features, ``next_steps_filter.json``, fitted by ``bench/train_next_steps_model.py
--filter`` on the sentences the product lists in all thirteen golds (C=3; a word feature only
when at least three of them have it), its threshold 0.82 chosen by leaving one gold out
(``bench/next_steps_filter.py``: the highest held-out precision keeping 90 % of the right next
steps). A next step below it is not listed as a commitment (neither a next step nor an
earlier one: the filter doubts it is a future action, it does not find it past). Held out, pooled over the thirteen golds: next steps right 336 → 311, wrong 25 →
17 (precision 0.931 → 0.948); over what the product listed on the seven blind golds at their
first blind measure, 154/187 → 144/168 (0.824 → 0.857). The features of a sentence's place
(its neighbours' dates, where it stands, a past auxiliary ...) were added for it; the adding
model has no weight for them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from corroborate.annotate import commitments as cm
from corroborate.annotate.commitments import Commitment, extract_commitments
from corroborate.annotate.grammar import Parse, words_in
from corroborate.annotate.quote_marks import Quotation, find_quotations
from corroborate.date_expressions import parse_day
from corroborate.lang import en
from corroborate.model import Article, Sentence
from corroborate.text import fold

MODEL_FILE = Path(__file__).with_name("next_steps_model.json")
FILTER_FILE = Path(__file__).with_name("next_steps_filter.json")

# The golds' trigger words (``bench/commitments_gold.py`` selects their sentences with it).
TRIGGER = re.compile(
    r"\b(?:will|plans\s+to|agreed\s+to|pledged|vowed|promised|committed\s+to|stands\s+ready|"
    r"going\s+to|scheduled|set\s+to|to\s+be\s+held|aims\s+to)\b|['’]ll\b",
    re.IGNORECASE,
)
_OTHER_MODALS = frozenset({"would", "could", "may", "might", "should", "can", "must"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "acl", "pcomp"})
# Auxiliaries that put a trigger in the past ("was scheduled", "had vowed", "were going to").
_PAST_AUX = frozenset({"was", "were", "had", "did"})


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).replace("’", "'")


def _test(name: str, out: dict[str, float], call: Any, *args: Any) -> None:
    try:
        if call(*args):
            out[name] = 1.0
    except (IndexError, ValueError, KeyError, TypeError):
        out[name + "_failed"] = 1.0


def sentence_features(
    article: Article, index: int, quotations: Sequence[Quotation] | None = None
) -> dict[str, float]:
    """The features of sentence ``index`` of ``article`` (its stages up to the commitments
    run; ``quotations``: the article's, when already found)."""
    sentence = article.sentences[index]
    text = sentence.text
    out: dict[str, float] = {"bias": 1.0}
    if quotations is None:
        quotations = find_quotations(article.text)
    out["starts_quoted"] = float(cm._wholly_quoted(text))
    out["inside_quotation"] = float(cm._inside_quotation(sentence.start, text, quotations))
    out["question"] = float("?" in text)
    lowered = {w.lower() for w in re.findall(r"[\w’']+", text)}
    out["if"] = float(bool(lowered & {"if", "unless", "whether"}))
    for modal in sorted(lowered & _OTHER_MODALS):
        out["modal=" + modal] = 1.0
    published = article.published or ""
    for d in article.dates:
        if d.resolved and sentence.start <= d.start < sentence.end:
            key = "date_after" if d.resolved > published else "date_before"
            out[key if d.resolved != published else "date_same"] = 1.0
    _context(article, index, out)
    parse = article.parses.get(index)
    out["parsed"] = float(parse is not None)
    for m in TRIGGER.finditer(text):
        key = _key(m.group())
        out["trigger=" + key] = 1.0
        if parse is None:
            continue
        at = sentence.start + m.start() + (1 if key.startswith("'") else 0)
        words = words_in(parse, at, at + 1)
        if not words:
            continue
        token = words[0]
        _trigger(article, parse, token, at, key, quotations, out)
    return out


def _days(a: str, b: str) -> int:
    """Days from ``a`` to ``b`` (``YYYY-MM-DD``; 0 when either is not a day)."""
    first, second = parse_day(a), parse_day(b)
    return (second - first).days if first and second else 0


def _date_features(
    article: Article, sentence: Sentence, prefix: str, out: dict[str, float]
) -> None:
    """Where the dates of ``sentence`` lie against the article's date: how far behind or ahead
    (a week, a season, more), the side the sentence's tense puts them on, and whether one is a
    day ahead the sentence speaks of as ahead (``DateMention.future``)."""
    published = article.published or ""
    for d in article.dates:
        if not (d.resolved and sentence.start <= d.start < sentence.end) or not published:
            continue
        days = _days(published, d.resolved)
        if d.precision == "year":
            gap = "year_before" if d.resolved[:4] < published[:4] else "year_same_or_after"
        elif days < -90:
            gap = "far_before"
        elif days < -8:
            gap = "weeks_before"
        elif days < 0:
            gap = "days_before"
        elif days == 0:
            gap = "same_day"
        elif days <= 8:
            gap = "days_after"
        else:
            gap = "far_after"
        out[f"{prefix}date_gap={gap}"] = 1.0
        if d.side:
            out[f"{prefix}date_side={d.side.rstrip('~')}"] = 1.0
        if d.future:
            out[prefix + "date_future"] = 1.0


def _context(article: Article, index: int, out: dict[str, float]) -> None:
    """Features of a sentence's place: its dates and its neighbours' (the sentence before and
    after: a past told around it), where it stands in the article, and its length."""
    sentences = article.sentences
    _date_features(article, sentences[index], "", out)
    if index > 0:
        _date_features(article, sentences[index - 1], "prev:", out)
    if index + 1 < len(sentences):
        _date_features(article, sentences[index + 1], "next:", out)
    where = index / max(1, len(sentences) - 1)
    out[
        "place="
        + (
            "first"
            if index == 0
            else "early"
            if where < 0.2
            else "late"
            if where > 0.8
            else "middle"
        )
    ] = 1.0
    words = len(sentences[index].text.split())
    out["length=" + ("short" if words < 12 else "long" if words > 35 else "medium")] = 1.0
    out["triggers=" + str(min(3, len(TRIGGER.findall(sentences[index].text))))] = 1.0


def _trigger(
    article: Article,
    parse: Parse,
    token: int,
    at: int,
    key: str,
    quotations: Sequence[Quotation],
    out: dict[str, float],
) -> None:
    """The features of the trigger at word ``token`` (character ``at``) of a parsed sentence."""
    word = parse[token]
    verb = cm._commitment_verb(parse, token)
    if verb is None:
        out["t:no_verb"] = 1.0
        verb = word.head if (word.tag == "MD" or word.dep in ("aux", "auxpass")) else token
    v = parse[verb]
    action = next((i for i, w in enumerate(parse) if w.head == verb and w.dep == "xcomp"), None)
    acts = cm._act_of(parse, token)
    act = acts[1] if acts else (action if action is not None else verb)
    subject = cm._main_subject(parse, verb)
    kind = "none"
    if subject:
        head = cm._head_of(parse, subject, verb)
        h = parse[head]
        if len(subject) == 1 and h.lemma in en.PERSONAL_PRONOUNS or h.tag.startswith("PRP"):
            kind = "pron_" + fold(h.text).replace("’", "'")
        else:
            label = next(
                (
                    m.label
                    for m in article.mentions
                    if m.start <= h.start < m.end and m.label in cm.ACTOR_LABELS
                ),
                None,
            )
            kind = ("ent_" + label) if label else ("noun_" + h.tag)
            first = fold(parse[min(subject)].text)
            if first in _DETERMINERS:
                out["t:subject_determiner"] = 1.0
            if fold(h.lemma) in cm._BODIES:
                out["t:subject_body"] = 1.0
    actors = cm._subject_actors(article, parse, verb)
    quoted = any(q.start <= at < q.end for q in quotations)
    pairs = {
        "verb": v.lemma.lower(),
        "verb_tag": v.tag,
        "verb_dep": v.dep,
        "trigger_tag": word.tag,
        "act": parse[act].lemma.lower(),
        "subject": kind,
        "subject_coarse": kind.split("_")[0],
        "trigger_subject": key + "|" + kind.split("_")[0],
        "quoted_subject": f"{quoted}|{kind}",
        "quoted_actors": f"{quoted}|{bool(actors)}",
        "action": parse[action].lemma.lower() if action is not None else "-",
    }
    if v.dep in _CLAUSES and v.head != verb:
        pairs["governor"] = parse[v.head].lemma.lower()
        pairs["governor_dep"] = v.dep + "|" + parse[v.head].lemma.lower()
    for name, value in pairs.items():
        out[f"t:{name}={value}"] = 1.0
    flags = {
        "t:quoted": quoted,
        "t:named_actor": bool(actors),
        "t:deliberate": parse[act].lemma in en.DELIBERATE_ACTS,
        "t:negated": any(w.head in (verb, token) and w.dep == "neg" for w in parse)
        or any(fold(w.text) in _NEGATIONS for w in parse[max(0, token - 3) : token]),
    }
    root = next((i for i, w in enumerate(parse) if w.head == i), verb)
    before = parse[max(0, token - 3) : token + 1]
    flags |= {
        "t:habit": any(
            w.head in (verb, act) and fold(w.text) in en.FREQUENCY_ADVERBS for w in parse
        ),
        "t:past_aux": any(fold(w.text) in _PAST_AUX for w in before),
        "t:past_trigger": word.tag in ("VBD", "VBN") and not any(w.tag == "MD" for w in before),
        "t:bare_plural_subject": kind in ("noun_NNS", "noun_NNPS")
        and not out.get("t:subject_determiner"),
        "t:embedded": verb != root,
        "t:root_past": parse[root].tag == "VBD",
    }
    out[f"t:root_tag={parse[root].tag}"] = 1.0
    for name, flag in flags.items():
        out[name] = max(out.get(name, 0.0), float(flag))
    tests: list[tuple[str, Any, tuple]] = [
        ("passive", cm._passive, (parse, verb)),
        ("purpose", cm._purpose, (parse, verb)),
        ("nominal", cm._nominal, (parse, verb)),
        ("stance", cm._stance, (parse, verb)),
        ("hypothetical", cm._hypothetical, (parse, verb)),
        ("poll", cm._poll, (parse, verb)),
        ("believed", cm._believed, (parse, verb)),
        ("describes", cm._describes, (parse, verb)),
        ("relative", cm._relative, (parse, verb)),
        ("reported", cm._reported, (parse, verb)),
        ("told_earlier", cm._told_earlier, (parse, verb)),
        ("time_clause", cm._time_clause, (parse, verb)),
        ("committed_state", cm._committed_state, (parse, verb)),
        ("coming_out", cm._coming_out, (parse, verb)),
        ("pledged_to_someone", cm._pledged_to_someone, (article, parse, verb)),
        ("pending", cm._pending, (article, parse, verb)),
        ("can_act", cm._can_act, (article, parse, verb)),
        ("dated_ahead", cm._dated_ahead, (article, at)),
        ("refused", cm._refused, (article, parse, verb, at)),
        ("nobody_commits", cm._nobody_commits, (article, parse, verb, "planned")),
        (
            "hedged",
            lambda p, c: any(w.head in c and cm._hedges(p, j) for j, w in enumerate(p)),
            (parse, {verb, act}),
        ),
    ]
    if acts:
        tests.append(("decided", cm._decided, (article, parse, *acts)))
    for name, call, args in tests:
        _test("t:" + name, out, call, *args)


def subject_actors(article: Article, index: int) -> list[str]:
    """Who commits in a sentence only the model lists: the rules' reading of the subject of the
    verb its first trigger governs (none without a parse or a verb)."""
    sentence = article.sentences[index]
    parse = article.parses.get(index)
    m = TRIGGER.search(sentence.text)
    if parse is None or m is None:
        return []
    at = sentence.start + m.start() + (1 if _key(m.group()).startswith("'") else 0)
    words = words_in(parse, at, at + 1)
    if not words:
        return []
    verb = cm._commitment_verb(parse, words[0])
    return cm._subject_actors(article, parse, verb) if verb is not None else []


@dataclass(frozen=True)
class NextStepsModel:
    """A logistic regression over named features: P = 1 / (1 + exp(-(intercept + sum of
    weight x value))), a feature without a weight weighing nothing; a sentence is a next step
    at ``threshold`` or above."""

    weights: Mapping[str, float]
    intercept: float
    threshold: float
    about: str = ""

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.intercept + math.fsum(
            self.weights.get(k, 0.0) * v for k, v in sorted(features.items())
        )
        return 1.0 / (1.0 + math.exp(-z))


def load_model(path: Path = MODEL_FILE) -> NextStepsModel:
    """The shipped :class:`NextStepsModel` (read once)."""
    return _read_model(path)


@cache
def _read_model(path: Path) -> NextStepsModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return NextStepsModel(
        {str(k): float(v) for k, v in data["weights"].items()},
        float(data["intercept"]),
        float(data["threshold"]),
        str(data.get("about", "")),
    )


def load_filter(path: Path = FILTER_FILE) -> NextStepsModel:
    """The shipped filter of next steps (:func:`kept_next_step`), a :class:`NextStepsModel`
    read from ``next_steps_filter.json`` (read once)."""
    return _read_model(path)


def learned_next_step(
    article: Article,
    index: int,
    quotations: Sequence[Quotation] | None = None,
    model: NextStepsModel | None = None,
    features: Mapping[str, float] | None = None,
) -> bool:
    """Whether the model reads sentence ``index`` as a next step (English, a trigger word in
    it, a probability at least the model's threshold; ``features``: the sentence's
    :func:`sentence_features`, when already read)."""
    if not _read(article, index):
        return False
    return _at_threshold(model or load_model(), article, index, quotations, features)


def kept_next_step(
    article: Article,
    index: int,
    quotations: Sequence[Quotation] | None = None,
    model: NextStepsModel | None = None,
    features: Mapping[str, float] | None = None,
) -> bool:
    """Whether a next step listed in sentence ``index`` (by the rules or the model) stays
    listed: the filter (:func:`load_filter`), a logistic regression over the same
    :func:`sentence_features` fitted on the sentences the product lists in the golds, gives it
    a probability of being a future action at least its threshold. A sentence with no trigger
    word, or not in English, is not read and stays."""
    if not _read(article, index):
        return True
    return _at_threshold(model or load_filter(), article, index, quotations, features)


def _read(article: Article, index: int) -> bool:
    """Whether the learned models read sentence ``index``: English, with a trigger word."""
    return article.language == "en" and bool(TRIGGER.search(article.sentences[index].text))


def _at_threshold(
    model: NextStepsModel,
    article: Article,
    index: int,
    quotations: Sequence[Quotation] | None,
    features: Mapping[str, float] | None,
) -> bool:
    """Whether ``model`` gives sentence ``index`` a probability at least its threshold
    (``features``: the sentence's :func:`sentence_features`, when already read)."""
    if features is None:
        features = sentence_features(article, index, quotations)
    return model.probability(features) >= model.threshold


def learned_commitments(article: Article) -> list[Commitment]:
    """Every commitment of the article, one per sentence, in text order: the rules'
    (:func:`corroborate.annotate.commitments.extract_commitments`), and where they list no next
    step in a sentence the model reads as one (:func:`learned_next_step`), that next step -- a
    commitment they mark ``earlier`` then not earlier, a sentence they list nothing in a
    commitment from its first trigger word (:func:`_learned_commitment`). A next step either
    lists is then kept only if the filter keeps it (:func:`kept_next_step`); one it does not is
    no commitment of the brief (its sentence stays in the article, in the facts and the
    summary): not shown under "What happens next", and not under "Agreed or promised earlier"
    either, which would call a plan the filter only doubts a past one."""
    rules = extract_commitments(article)
    if article.language != "en":
        return rules
    told = {c.sentence: c for c in rules}
    quotations: list[Quotation] | None = None
    out: list[Commitment] = []
    for sentence in article.sentences:
        commitment = told.get(sentence.index)
        if not TRIGGER.search(sentence.text):
            out.extend([commitment] if commitment is not None else [])
            continue
        if quotations is None:
            quotations = find_quotations(article.text)
        features = sentence_features(article, sentence.index, quotations)
        kept = kept_next_step(article, sentence.index, quotations, features=features)
        if commitment is not None and not commitment.earlier:
            out.extend([commitment] if kept else [])
        elif (
            not kept
            or (commitment is not None and cm.called_off(article, commitment))
            or not learned_next_step(article, sentence.index, quotations, features=features)
        ):
            out.extend([commitment] if commitment is not None else [])
        elif commitment is not None:
            out.append(replace(commitment, earlier=False))
        else:
            learned = _learned_commitment(article, sentence)
            if not cm.not_told(article, learned.start, learned.kind):
                out.append(learned)
    return out


# The kind of a learned next step, by its first trigger word (else "planned").
_KINDS = {"agreed": "agreed", "pledged": "pledged", "vowed": "pledged", "promised": "pledged"}
_KINDS |= {"committed": "pledged"}


def _learned_commitment(article: Article, sentence: Sentence) -> Commitment:
    """The next step the model reads in a sentence (with a trigger word) the rules list nothing
    in: from its first trigger word, its actors the rules' reading of that trigger's subject
    (:func:`subject_actors`)."""
    m = TRIGGER.search(sentence.text)
    assert m is not None  # learned_next_step reads only sentences with a trigger word
    return Commitment(
        article_id=article.id,
        sentence=sentence.index,
        text=sentence.text,
        start=sentence.start + m.start(),
        end=sentence.end,
        what=cm._clause(sentence.text, m.start()),
        kind=_KINDS.get(m.group().split()[0].lower(), "planned"),
        actors=tuple(subject_actors(article, sentence.index)),
    )
