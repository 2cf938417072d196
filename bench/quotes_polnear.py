"""Direct quotes and their speakers on PolNeAR (real political news, every attribution
annotated): content P/R/F1 of the quoted words, and how often the speaker is right.

    PYTHONPATH=src .venv/bin/python bench/quotes_polnear.py --split train [--show errors]
    PYTHONPATH=src .venv/bin/python bench/quotes_polnear.py --split dev --write
    PYTHONPATH=src .venv/bin/python bench/quotes_polnear.py --split dev --draft-pronouns PATH

Data: ``../shared/bench/polnear/{train,dev}`` (``text/NAME.txt``; brat standoff
``attributions/NAME_ANNOTATOR.ann``). Where a text has two annotators' files, the first in
sorted order is used, always.

Gold (defined here, once):

* **a direct quote** is an attribution (an ``E`` line) whose content holds text in double quote
  marks (“…”, "…", or the wire's ''…''); its **quoted words** are the words between the marks
  inside the content's spans (a mark that opens in the content and is not closed there runs to
  the content's end; one that closes first was opened at its start). A mixed quote's paraphrase
  is not quoted words. Only quotes of at least 3 quoted words are scored.
* **the speaker** is the attribution's ``Source`` span when it names someone: its phrase up to
  a comma ends in a capitalised word ("Geoff Garin, a Democratic pollster", "The New York Post";
  not "the Vermont senator" or "White House officials"), which, if it stands alone, the article
  never writes in lower case ("Few people" is no name). A source "he"/"she" (or "him"/"her")
  is read back to the nearest ``Source`` span before it in the article that names one person
  of that gender or of unknown gender (gender: the article writes "Mr."/"Mrs."/"Ms." beside
  the name's last word -- the name: the span's phrase up to a comma, not its apposition, "Jan
  Brewer, an early supporter of Trump" -- or a gendered word in the source span itself); "one
  person" (the
  ``new`` rule, the default where no hand labels are): the span lies outside every quoted stretch of the article (a
  name a quote attributes is no antecedent of the text's "he said"), joins no names with
  "and" ("Trump and Ryan"), and is no organisation by its form (it begins with "the" -- "The
  New York Post", "the DNC" -- or is one word in capitals -- "CNN") and not in the title line;
  and its gender is also what the first he/his/him/she/her after it in its own sentence says
  (outside quote marks: "Nicole Hargrove, a Carrier worker, said she ..."). ``--gold-rule old``
  reads back to any named source (the first definition, kept to compare). Any other source
  (a nominal "the campaign", "a source", "they", no source at all) is unresolved: such quotes
  count for content, not for the speaker figure. Only the annotations and the text decide the
  gold: never the system's output.
* **hand-labelled pronouns** (``--gold-rule hand``, the default for dev and train): read by hand, the
  ``new`` rule reads 12 of the 140 dev pronouns back to another person and 3 to no one (the
  nearest named source is not always who "he" means: the person the paragraph is about, one
  a quote names, one the Source annotations never hold), so on dev the speaker of every pronoun source is its label in
  ``tests/data/gold/quotes_polnear_pronouns_dev.jsonl``: one record per scored gold quote
  whose Source span is "he"/"she"/"him"/"her" (keyed by file and the quote's span, from its
  first quoted stretch to its last; ``--draft-pronouns PATH`` writes these records with empty
  labels, from the annotations and the text alone), labelled by reading the article, before
  any prediction was compared: ``speaker`` is the person's name as the article writes it
  (``also``: other spellings it uses), "" when the article never names that person (such a
  quote is unresolved), and ``unsure`` when the text leaves it open (``why`` says why). A
  hand label is compared by name only (the name-word rule below; the pronoun's span is no
  name). Unsure labels are scored apart ("pronoun (unsure)" in the figures by gold source)
  and left out of the speaker accuracy and precision. ``new`` and ``old`` stay to compare:
  a run gives the speaker figures under the other gold rules too (``with_..._gold_rule``),
  and how the hand labels stand to each rule's read-back (``hand_labels_vs_rules``). Train
  labels a sample (``tests/data/gold/quotes_polnear_pronouns_train.jsonl``: the 151 records of
  the 50 articles ``--sample 150`` takes, whole articles in the order of the CRC32 of their file
  names, labelled the same way before any prediction was compared): its default is ``hand``
  too, where a pronoun source with no label keeps the ``new`` rule's read-back, scored apart as
  "pronoun (unlabelled)" and left out of the speaker accuracy and precision, so train's headline
  speaker figures are its named sources and its hand-labelled pronouns.

Prediction: the brief's own reading on the raw file (``ingest`` + ``clean``: the cleaner may cut
a line, which then holds no quote), spaCy as the brief loads it, the article stages, then
:func:`corroborate.annotate.quotes.extract_quotes` with the people of a one-article story
(:func:`corroborate.compare.entities.story_person_mentions`). Offsets in the cleaned text are
mapped back to the raw text line by line (a line repaired by the reader, e.g. mojibake, is
aligned character by character). Predicted direct quotes (not reported speech) of at least 3
words are scored.

Matching: a predicted quote and a gold quote of the same article match when the words they
share are at least half of the larger one's words (words are white-space tokens holding a letter
or digit, compared by position); pairs are taken greedily, best overlap first, one to one.
Speaker accuracy is right / scored: a scored quote given no speaker counts as not right, as
a wrong one does. Speaker precision is right / given a speaker name (a reader acts on a
name; no name is no error there).

Speaker right: the predicted speaker's span lies inside the gold source span, or its name words
(capitalised words, honorifics and possessives dropped) are all among the gold source's, or
the gold source's are all among them and its last one too ("Trump" for "Donald Trump"); or,
for a nested attribution, the predicted name stands in the gold content, outside its quote
marks, as the subject of a verb of saying right beside it ("“…,” Sanders said, according to
CNN": PolNeAR gives CNN as the source and "“…,” Sanders said" as the content; the words are
Sanders's).

The anchor ``--anchor`` scores every stretch between double marks of 3+ words (the same pairing
as the gold, over the whole text) with no speakers.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import sys
import time
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DATA = ROOT.parent / "shared" / "bench" / "polnear"
CACHE = Path(os.environ.get("POLNEAR_CACHE", "/tmp/quotes"))
RESULTS = ROOT / "bench" / "results"

# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldQuote:
    article: str
    words: frozenset[int]  # start offsets of the quoted words in the raw text
    text: str
    source: tuple[int, int] | None  # the span of the named speaker (after reading back)
    source_text: str | None
    how: str  # named, pronoun, unresolved
    content: tuple[tuple[int, int], ...] = ()  # the attribution's content spans
    quoted: tuple[tuple[int, int], ...] = ()  # the stretches in quote marks inside it
    said_by: tuple[int, int] | None = None  # the annotated Source span (before reading back)
    speaker_name: str | None = None  # a hand-labelled speaker: compared by name, not by span
    speaker_also: tuple[str, ...] = ()  # other spellings of that name in the article


@dataclass(frozen=True)
class _Relation:
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]


def annotation_files(split: str) -> dict[str, Path]:
    """One annotation file per text: the first annotator's in sorted order."""
    chosen: dict[str, Path] = {}
    for path in sorted((DATA / split / "attributions").glob("*.ann")):
        name = re.sub(r"_[^_]+\.ann$", "", path.name)
        chosen.setdefault(name, path)
    return chosen


_T_LINE = re.compile(r"(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"(E\d+)\t(.*)")


def read_relations(path: Path) -> list[_Relation]:
    """The attributions of a brat file (a T line's text may run over lines: only the lines
    that start with an id are read)."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := _T_LINE.match(line):
            nums = [int(x) for x in m.group(3).replace(";", " ").split()]
            spans[m.group(1)] = tuple(zip(nums[::2], nums[1::2], strict=True))
        elif m := _E_LINE.match(line):
            events.append(dict(p.split(":", 1) for p in m.group(2).split() if ":" in p))
    out = []
    for e in events:
        content = spans.get(e.get("Content", ""))
        if content:
            out.append(_Relation(content, spans.get(e.get("Source", ""), ())))
    return out


# Double marks: a pair of straight apostrophes first (the wire's ''), then one character.
_MARK = re.compile(r"''|[\"“”«»]")


def quoted_stretches(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches between double marks in ``text[start:end]``, paragraph by paragraph: curly
    and guillemet marks say which way they face; a straight mark opens after a space or a line's
    start and closes otherwise. Unpaired: a closer first was opened at ``start``, an opener last
    runs to ``end``."""
    out = []
    cursor = start
    while cursor < end:
        newline = text.find("\n", cursor, end)
        stop = end if newline == -1 else newline
        out.extend(_stretches_in_line(text, cursor, stop, first=cursor == start))
        cursor = stop + 1
    return out


def _stretches_in_line(text: str, start: int, end: int, first: bool) -> list[tuple[int, int]]:
    out = []
    opened: int | None = None
    for m in _MARK.finditer(text, start, end):
        mark = m.group()
        before = text[m.start() - 1] if m.start() else " "
        opens = mark in "“«" or (mark in {'"', "''"} and (before.isspace() or before in "([—–-"))
        if opened is None and (opens or mark in {'"', "''"} and m.start() == start):
            opened = m.end()
        elif opened is None and first:
            out.append((start, m.start()))  # opened before the content began
            first = False
        elif opened is not None and mark not in "“«":
            out.append((opened, m.start()))
            opened = None
    if opened is not None:
        out.append((opened, end))
    return out


_WORD = re.compile(r"\S+")


def words_in(text: str, spans: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the words (white-space tokens with a letter or digit) in ``spans``."""
    return frozenset(
        m.start() + 0
        for s, e in spans
        for m in _WORD.finditer(text, s, e)
        if any(c.isalnum() for c in m.group())
    )


_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_LEADING_LOWER = re.compile(r"^(?:[a-z][\w’'-]*\s+)*")
_GENDER_WORDS = {
    "m": re.compile(r"\b(?:Mr|Sir|Lord|[Hh]e|his|man|husband|father|son|brother|spokesman)\b"),
    "f": re.compile(
        r"\b(?:Mrs|Ms|Miss|Lady|[Ss]he|her|woman|wife|mother|daughter|sister|spokeswoman)\b"
    ),
}
_NOT_NAME_WORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "My",
        "This",
        "That",
        "These",
        "Those",
        "One",
        "Another",
        "Some",
        "Many",
        "Most",
        "I",
        "We",
        "You",
        "He",
        "She",
        "It",
        "They",
    ]
)


def _names_someone(text: str, source_text: str) -> bool:
    """Whether a source span names someone: its first phrase (up to a comma) ends in a
    capitalised word that is no pronoun or determiner, and that word, first in the span, is
    never written in lower case in the article ("The New York Post", "Reporter Jomana
    Karadsheh" and "Christie, New Jersey's governor" name; "the Vermont senator", "White House
    officials", "The campaign" and "Few people" do not)."""
    phrase = source_text.split(",")[0].strip()
    words = re.findall(r"[\w’'.-]+", phrase)
    if not words:
        return False
    last = re.sub(r"[’']s?$", "", words[-1])
    if not last[:1].isupper() or last in _NOT_NAME_WORDS:
        return False
    alone = len(words) == 1 or all(w in _NOT_NAME_WORDS for w in words[:-1])
    return not alone or not re.search(rf"(?<![\w-]){re.escape(last.lower())}(?![\w-])", text)


_NEXT_PRONOUN = re.compile(r"\b(he|his|him|she|her)\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’']*\s")


def _pronoun_after(text: str, end: int) -> str | None:
    """The gender of the first he/his/him/she/her after ``end`` in its sentence, outside quote
    marks ("Nicole Hargrove, a Carrier worker, said she was undecided")."""
    stop = _SENTENCE_END.search(text, end)
    window = text[end : stop.start() if stop else len(text)]
    window = window.split("\n")[0]
    if re.search(r"[“”\"]", window):
        window = re.split(r"[“”\"]", window)[0]
    m = _NEXT_PRONOUN.search(window)
    return None if m is None else {**_PRONOUN_GENDER, "his": "m"}[m.group(1)]


def _gender_of(
    text: str, source_text: str, end: int | None = None, rule: str = "old"
) -> str | None:
    for gender, pattern in _GENDER_WORDS.items():
        if pattern.search(source_text):
            return gender
    if rule == "new" and end is not None and (after := _pronoun_after(text, end)):
        return after
    name = source_text.split(",")[0]  # the name, not its apposition ("X, a friend of Trump")
    names = [w for w in re.findall(r"[A-Z][\w’'-]+", name) if w not in _NOT_NAME_WORDS]
    if not names:
        return None
    last = re.sub(r"[’']s$", "", names[-1])
    if re.search(rf"\b(?:Mr\.?|Sir)\s+(?:[A-Z][\w.]*\s+)*{re.escape(last)}\b", text):
        return "m"
    if re.search(rf"\b(?:Mrs\.?|Ms\.?|Miss)\s+(?:[A-Z][\w.]*\s+)*{re.escape(last)}\b", text):
        return "f"
    return None


_PLURAL_NAMES = re.compile(r"\b(?:and|&)\s+[A-Z]")
_ORGANISATION_FORM = re.compile(r"^(?:[Tt]he\s|[A-Z]{2,}$)")


def _one_person(text: str, span: tuple[int, int], quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether a named source can be what "he"/"she" points back to (the ``new`` rule)."""
    phrase = text[span[0] : span[1]].split(",")[0].strip()
    if any(s <= span[0] < e for s, e in quoted) or "\n" not in text[: span[0]]:
        return False  # inside a quote, or in the title line
    return not _PLURAL_NAMES.search(phrase) and not _ORGANISATION_FORM.search(phrase)


def gold_quotes(
    name: str,
    text: str,
    relations: Sequence[_Relation],
    rule: str = "new",
    hand: Mapping[tuple[int, int], Mapping[str, object]] | None = None,
    sampled: bool = False,
) -> list[GoldQuote]:
    """The scored direct quotes of one article, speakers read back (see the module doc); with
    the ``hand`` rule a pronoun source's speaker is its label in ``hand`` (by quote span);
    ``sampled``: only a sample of the split is labelled, an unlabelled pronoun keeps the
    ``new`` rule's read-back as ``pronoun (unlabelled)``."""
    if rule == "hand":
        quotes = gold_quotes(name, text, relations, "new")
        return [_hand_labelled(text, q, hand or {}, sampled) for q in quotes]
    sources = sorted(
        {r.source[0] for r in relations if r.source},
    )
    named = [
        (s, e) for s, e in sources if _names_someone(text, text[s:e]) and "\n" not in text[s:e]
    ]
    if rule == "new":
        quoted = quoted_stretches(text, 0, len(text))
        named = [span for span in named if _one_person(text, span, quoted)]
    out = []
    for r in relations:
        stretches = [st for s, e in r.content for st in quoted_stretches(text, s, e)]
        words = words_in(text, stretches)
        if len(words) < 3:
            continue
        quoted = " … ".join(text[s:e].strip() for s, e in stretches)
        source, how = _gold_speaker(text, r.source, named, rule)
        out.append(
            GoldQuote(
                name,
                words,
                quoted,
                source,
                text[source[0] : source[1]] if source else None,
                how,
                tuple(r.content),
                tuple(stretches),
                r.source[0] if r.source else None,
            )
        )
    return out


def _hand_labelled(
    text: str,
    quote: GoldQuote,
    hand: Mapping[tuple[int, int], Mapping[str, object]],
    sampled: bool = False,
) -> GoldQuote:
    """A pronoun-source quote with its hand-labelled speaker: a name is scored (``pronoun``,
    or ``pronoun (unsure)`` when the label says the text leaves it open), "" -- someone the
    article never names -- is unresolved. Any other quote is left as it is. ``sampled``: a
    pronoun with no label keeps the rule's read-back, as ``pronoun (unlabelled)`` (scored
    apart, like an unsure label)."""
    if not is_pronoun_source(text, quote) or quote.said_by is None:
        return quote
    label = hand.get(quote_span(quote))
    if label is None and sampled:
        return quote if quote.source is None else replace(quote, how="pronoun (unlabelled)")
    if label is None or not isinstance(label.get("speaker"), str):
        raise ValueError(f"no hand label for {quote.article} {quote_span(quote)}")
    speaker = str(label["speaker"])
    if not speaker:
        return replace(quote, source=None, source_text=None, how="unresolved")
    how = "pronoun (unsure)" if label.get("unsure") else "pronoun"
    also = label.get("also") or []
    return replace(
        quote,
        source=quote.said_by,
        source_text=speaker,
        how=how,
        speaker_name=speaker,
        speaker_also=tuple(str(a) for a in also) if isinstance(also, list) else (),
    )


def _gold_speaker(
    text: str,
    source: Sequence[tuple[int, int]],
    named: Sequence[tuple[int, int]],
    rule: str = "new",
) -> tuple[tuple[int, int] | None, str]:
    if not source:
        return None, "unresolved"
    s, e = source[0]
    said_by = text[s:e].strip()
    if _names_someone(text, said_by):
        return (s, e), "named"
    gender = _PRONOUN_GENDER.get(said_by.lower())
    if gender is None:
        return None, "unresolved"
    for ns, ne in reversed(named):
        if ne > s:
            continue
        known = _gender_of(text, text[ns:ne], ne, rule)
        if known in (None, gender):
            return (ns, ne), "pronoun"
    return None, "unresolved"


def load_gold(split: str, rule: str = "new") -> dict[str, list[GoldQuote]]:
    labels = hand_labels(split) if rule == "hand" else {}
    sampled = split in SAMPLED
    out = {}
    for name, path in annotation_files(split).items():
        text = (DATA / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        out[name] = gold_quotes(
            name, text, read_relations(path), rule, labels.get(name, {}), sampled
        )
    return out


HAND_GOLD = {
    "dev": ROOT / "tests" / "data" / "gold" / "quotes_polnear_pronouns_dev.jsonl",
    "train": ROOT / "tests" / "data" / "gold" / "quotes_polnear_pronouns_train.jsonl",
}
# Splits whose hand labels cover a sample (``--sample``), not every pronoun source.
SAMPLED = frozenset({"train"})


def hand_labels(split: str) -> dict[str, dict[tuple[int, int], dict[str, object]]]:
    """The hand-labelled pronoun speakers of a split: file -> quote span -> record."""
    if split not in HAND_GOLD:
        raise ValueError(f"no hand-labelled pronoun speakers for {split}")
    out: dict[str, dict[tuple[int, int], dict[str, object]]] = {}
    for line in HAND_GOLD[split].read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out.setdefault(record["file"], {})[(record["start"], record["end"])] = record
    return out


def default_rule(split: str) -> str:
    """``hand`` where the split has hand-labelled pronoun speakers (dev; train's sample),
    else ``new``."""
    return "hand" if split in HAND_GOLD and HAND_GOLD[split].exists() else "new"


def is_pronoun_source(text: str, quote: GoldQuote) -> bool:
    """Whether a gold quote's annotated Source span is "he"/"she"/"him"/"her"."""
    if quote.said_by is None:
        return False
    s, e = quote.said_by
    return text[s:e].strip().lower() in _PRONOUN_GENDER


def quote_span(quote: GoldQuote) -> tuple[int, int]:
    """From the start of a gold quote's first quoted stretch to the end of its last (raw
    offsets): with the file, the key of a hand label."""
    return min(s for s, _ in quote.quoted), max(e for _, e in quote.quoted)


def sampled_files(names: Sequence[str], counts: Mapping[str, int], size: int) -> list[str]:
    """Whole articles in the order of the CRC32 of their file names (a fixed order that no
    prediction decides), taken until they hold ``size`` records (``counts``: records per
    file)."""
    out: list[str] = []
    held = 0
    for name in sorted(names, key=lambda n: (zlib.crc32(n.encode("utf-8")), n)):
        if held >= size:
            break
        if counts.get(name):
            out.append(name)
            held += counts[name]
    return out


def pronoun_drafts(
    split: str, before: int = 400, sample: int | None = None
) -> list[dict[str, object]]:
    """One record to label by hand per scored gold quote whose Source span is a pronoun: the
    file, the quote's span, the Source span, the quote, ``before`` characters of the article
    before the quote, and an empty label. Only the annotations and the text are read. With
    ``sample``, only the records of the articles :func:`sampled_files` takes."""
    out: list[dict[str, object]] = []
    for name, path in annotation_files(split).items():
        text = (DATA / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        for q in gold_quotes(name, text, read_relations(path)):
            if not is_pronoun_source(text, q) or q.said_by is None:
                continue
            start, end = quote_span(q)
            s, e = q.said_by
            out.append(
                {
                    "file": name,
                    "start": start,
                    "end": end,
                    "source": text[s:e],
                    "source_start": s,
                    "source_end": e,
                    "quote": text[start:end],
                    "before": text[max(0, start - before) : start],
                    "speaker": None,
                    "also": [],
                    "unsure": False,
                    "why": "",
                }
            )
    if sample is not None:
        counts = Counter(str(d["file"]) for d in out)
        keep = set(sampled_files(sorted(counts), counts, sample))
        out = [d for d in out if d["file"] in keep]
    return out


# --------------------------------------------------------------------------- prediction


@dataclass(frozen=True)
class PredQuote:
    article: str
    words: frozenset[int]
    text: str
    speaker: str | None
    speaker_span: tuple[int, int] | None  # in the raw text


def offset_map(raw: str, text: str) -> list[int]:
    """For each character of the cleaned ``text``, its offset in ``raw`` (-1 when the reader
    made it up): lines are found in order; a line the reader repaired is aligned character by
    character."""
    mapping = [-1] * (len(text) + 1)
    cursor = 0
    at = 0
    for line in text.split("\n"):
        found = raw.find(line, cursor) if line else cursor
        if found >= 0:
            for k in range(len(line)):
                mapping[at + k] = found + k
            cursor = found + len(line)
        else:
            end = raw.find("\n", cursor + 1)
            window = raw[cursor : end if end > 0 else len(raw)]
            blocks = SequenceMatcher(None, line, window, autojunk=False).get_matching_blocks()
            for a, b, size in blocks:
                for k in range(size):
                    mapping[at + a + k] = cursor + b + k
            cursor = end if end > 0 else len(raw)
        at += len(line) + 1
    return mapping


def _mapped_span(mapping: list[int], start: int, end: int) -> tuple[int, int] | None:
    inside = [mapping[k] for k in range(start, end) if mapping[k] >= 0]
    return (min(inside), max(inside) + 1) if inside else None


def prepared_articles(split: str, refresh: bool = False) -> list[tuple[object, str]]:
    """Articles of a split read, cleaned and annotated as the brief does (article stages run),
    with their raw texts; pickled under ``$POLNEAR_CACHE`` (delete it after changing a stage
    other than quotes)."""
    cache = CACHE / f"polnear_{split}_articles.pkl"
    if cache.exists() and not refresh:
        with cache.open("rb") as f:
            return pickle.load(f)  # type: ignore[no-any-return]
    from corroborate.annotate.nlp import load_spacy
    from corroborate.pipeline import annotate_article, read_articles

    nlp = load_spacy()
    rejected: list = []
    paths = sorted((DATA / split / "text").glob("*.txt"))
    articles = list(read_articles(paths, None, rejected))
    assert not rejected, rejected
    docs = nlp.pipe((a.text for a in articles), batch_size=16)
    out = []
    for article, doc in zip(articles, docs, strict=True):
        annotate_article(article, doc)
        out.append((article, Path(article.path).read_text(encoding="utf-8")))
    CACHE.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as f:
        pickle.dump(out, f)
    return out


def predict(split: str, limit: int | None = None) -> tuple[dict[str, list[PredQuote]], float]:
    """Predicted direct quotes per article (raw offsets), and the seconds quotes took."""
    from corroborate.annotate.quotes import extract_quotes
    from corroborate.compare.entities import story_person_mentions

    out: dict[str, list[PredQuote]] = {}
    prepared = prepared_articles(split)[:limit]
    started = time.perf_counter()
    for article, raw in prepared:
        people = story_person_mentions([article])[article.id]  # type: ignore[list-item]
        found = extract_quotes(article, people)  # type: ignore[arg-type]
        mapping = offset_map(raw, article.text)  # type: ignore[attr-defined]
        name = Path(article.path).stem  # type: ignore[attr-defined]
        quotes = []
        for q in found:
            if q.indirect:
                continue
            spans = [sp for s, e in q.parts if (sp := _mapped_span(mapping, s, e))]
            words = words_in(raw, spans)
            if len(words) < 3:
                continue
            spk = _mapped_span(mapping, *q.speaker_span) if q.speaker_span else None
            quotes.append(PredQuote(name, words, q.text, q.speaker_name, spk))
        out[name] = quotes
    return out, time.perf_counter() - started


def anchor(split: str) -> dict[str, list[PredQuote]]:
    """Every stretch between double marks of 3+ words, no speakers."""
    out = {}
    for path in sorted((DATA / split / "text").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        quotes = []
        for s, e in quoted_stretches(raw, 0, len(raw)):
            words = words_in(raw, [(s, e)])
            if len(words) >= 3:
                quotes.append(PredQuote(path.stem, words, raw[s:e], None, None))
        out[path.stem] = quotes
    return out


# --------------------------------------------------------------------------- scoring


def _overlap(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / max(len(a), len(b))


def match(
    gold: Sequence[GoldQuote], pred: Sequence[PredQuote]
) -> list[tuple[GoldQuote, PredQuote]]:
    """Greedy one-to-one pairs of overlap >= 0.5, best first."""
    pairs = sorted(
        (
            (_overlap(g.words, p.words), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
            if g.words & p.words
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score < 0.5 or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((gold[i], pred[j]))
    return out


_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Rev|Prof|Sir|The|A|An)\.?$")


def _name_words(text: str) -> list[str]:
    # as the reader writes a name: composed ("A" and a combining tilde are "Ã"), no control
    # characters
    text = re.sub(r"[\x7f-\x9f]", "", unicodedata.normalize("NFC", text))
    words = [re.sub(r"(?:[’']s?|[.,;:()])+$", "", w) for w in re.findall(r"[\w.’'-]+", text)]
    return [w.lower() for w in words if w[:1].isupper() and not _HONORIFIC.match(w)]


def same_speaker(raw: str, gold: GoldQuote, pred: PredQuote) -> bool:
    """See the module doc: span inside the gold source, or name words among its words."""
    if gold.source is None:
        return False
    if gold.speaker_name is not None:  # hand-labelled: the name decides, not the pronoun's span
        names = (gold.speaker_name, *gold.speaker_also)
        return bool(pred.speaker) and any(_same_name(str(pred.speaker), n) for n in names)
    if pred.speaker_span and gold.source[0] <= pred.speaker_span[0] < gold.source[1]:
        return True
    if pred.speaker and _same_name(pred.speaker, raw[gold.source[0] : gold.source[1]]):
        return True
    return _speaks_inside(raw, gold, pred)


def _same_name(predicted: str, gold: str) -> bool:
    """A predicted name's words are all among the gold's, or the gold's are all among them
    and its last one too ("Trump" and "Donald J. Trump" for "Donald Trump")."""
    mine = _name_words(predicted)
    theirs = _name_words(gold)
    return bool(mine and theirs) and (
        set(mine) <= set(theirs) or (mine[-1] in theirs and set(theirs) <= set(mine))
    )


_SAYING = r"(?:said|says|told|tells|wrote|writes|added|adds|stated|declared|noted|reported)"
_SAYS_AFTER = re.compile(rf"(?:,[^,\n“”\"]{{1,120}},)?\s+{_SAYING}\b")
_SAID_BEFORE = re.compile(rf"\b{_SAYING}\s+$")


def _speaks_inside(raw: str, gold: GoldQuote, pred: PredQuote) -> bool:
    """A nested attribution: the gold content holds, outside its quote marks, the predicted
    speaker's name as the subject of a verb of saying beside it ("“…,” Sanders said, according
    to CNN": PolNeAR annotates the outlet as the source, with a content that holds "Sanders
    said “…”"); the words are that name's."""
    if not pred.speaker_span:
        return False
    start, end = pred.speaker_span
    if not any(s <= start and end <= e for s, e in gold.content):
        return False
    if any(s < end and start < e for s, e in gold.quoted):
        return False
    return bool(_SAYS_AFTER.match(raw, end) or _SAID_BEFORE.search(raw, max(0, start - 20), start))


def score(
    split: str, preds: dict[str, list[PredQuote]], show: str | None = None, rule: str = "new"
) -> dict[str, object]:
    gold = {name: quotes for name, quotes in load_gold(split, rule).items() if name in preds}
    raws = {
        name: (DATA / split / "text" / f"{name}.txt").read_text(encoding="utf-8") for name in gold
    }
    n_gold = n_pred = n_match = 0
    spk_total = spk_ok = spk_given = 0
    by_source: Counter[str] = Counter()  # "named scored", "named right", "pronoun scored"...
    kinds: Counter[str] = Counter()
    errors: list[str] = []
    for name, golds in gold.items():
        mine = preds.get(name, [])
        pairs = match(golds, mine)
        n_gold += len(golds)
        n_pred += len(mine)
        n_match += len(pairs)
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        for g in golds:
            if id(g) not in matched_g:
                kinds["content: missed"] += 1
                errors.append(f"FN {name}: {g.text[:110]!r} ({g.source_text})")
        for p in mine:
            if id(p) not in matched_p:
                kinds["content: spurious"] += 1
                errors.append(f"FP {name}: {p.text[:110]!r} ({p.speaker})")
        scored, right, given = _speakers(name, raws[name], pairs, kinds, errors, by_source)
        spk_total += scored
        spk_ok += right
        spk_given += given
    if show:
        for line in errors:
            if show == "all" or line.startswith(show):
                print(line)
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "split": split,
        "gold_quotes": n_gold,
        "predicted_quotes": n_pred,
        "matched": n_match,
        "content_precision": round(precision, 4),
        "content_recall": round(recall, 4),
        "content_f1": round(f1, 4),
        "speaker_scored": spk_total,
        "speaker_right": spk_ok,
        "speaker_accuracy": _ratio(spk_ok, spk_total),
        "speaker_given": spk_given,
        "speaker_precision": _ratio(spk_ok, spk_given),
        "speaker_accuracy_by_gold_source": {
            how: {
                "scored": by_source[f"{how} scored"],
                "right": by_source[f"{how} right"],
                "accuracy": _ratio(by_source[f"{how} right"], by_source[f"{how} scored"]),
                "given": by_source[f"{how} given"],
                "precision": _ratio(by_source[f"{how} right"], by_source[f"{how} given"]),
            }
            for how in ("named", "pronoun", "pronoun (unsure)", "pronoun (unlabelled)")
            if how in ("named", "pronoun")
            or rule == "hand"
            and (how == "pronoun (unsure)" or split in SAMPLED)
        },
        "errors": dict(kinds.most_common()),
    }


def _speakers(
    name: str,
    raw: str,
    pairs: Sequence[tuple[GoldQuote, PredQuote]],
    kinds: Counter[str],
    errors: list[str],
    by_source: Counter[str],
) -> tuple[int, int, int]:
    """Of one article's matched quotes with a gold speaker: how many, how many right, how
    many given a speaker name (errors counted in ``kinds`` and listed in ``errors``; scored,
    right and given counted in ``by_source`` by how the gold names the speaker: a name in the
    source span, or a pronoun read back by the gold rule or labelled by hand). A pronoun whose
    hand label is unsure, or that a sampled split leaves unlabelled, counts in ``by_source``
    only, not in the three figures returned."""
    scored = right = given = 0
    for g, p in pairs:
        if g.source is None:
            continue
        ok = same_speaker(raw, g, p)
        by_source[f"{g.how} scored"] += 1
        by_source[f"{g.how} right"] += ok
        by_source[f"{g.how} given"] += bool(p.speaker)
        if g.how in ("pronoun (unsure)", "pronoun (unlabelled)"):
            continue
        scored += 1
        given += bool(p.speaker)
        right += ok
        if not ok:
            kinds["speaker: none" if not p.speaker else f"speaker: wrong ({g.how})"] += 1
            errors.append(
                f"SPK {name} [{g.how}] gold={g.source_text!r} pred={p.speaker!r}: {g.text[:80]!r}"
            )
    return scored, right, given


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def gold_stats(split: str, rule: str = "new") -> dict[str, int]:
    gold = load_gold(split, rule)
    return dict(Counter(g.how for gs in gold.values() for g in gs))


def hand_vs_rule(split: str, rule: str = "new") -> dict[str, int]:
    """How the hand labels of a split's pronoun sources stand to a rule's read-back: the same
    person (the hand-labelled name, or another spelling of it the label gives, matches the
    name of the rule's source span -- its phrase up to a comma -- as a predicted name would),
    another person, or no one read back; and how many labels name no one or are unsure."""
    hand = load_gold(split, "hand")
    ruled = load_gold(split, rule)
    labels = hand_labels(split)
    out: Counter[str] = Counter()
    for name, quotes in hand.items():
        text = (DATA / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        for h, r in zip(quotes, ruled[name], strict=True):
            if not is_pronoun_source(text, h) or quote_span(h) not in labels.get(name, {}):
                continue
            out["labelled"] += 1
            out["unsure"] += h.how == "pronoun (unsure)"
            if h.speaker_name is None:
                out["never named"] += 1
                out["never named, rule reads back to someone"] += r.source is not None
            elif r.source_text is None:
                out["rule reads back to no one"] += 1
            elif any(
                _same_name(n, r.source_text.split(",")[0])
                for n in (h.speaker_name, *h.speaker_also)
            ):
                out["same person"] += 1
            else:
                out["another person"] += 1
    return dict(out)


_SPEAKER_FIGURES = (
    "speaker_scored",
    "speaker_right",
    "speaker_accuracy",
    "speaker_given",
    "speaker_precision",
    "speaker_accuracy_by_gold_source",
)


def main(argv: Iterator[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--anchor", action="store_true", help="score the marks-only anchor")
    parser.add_argument("--show", help="print errors: FN, FP, SPK or all")
    parser.add_argument("--limit", type=int, help="only the first N articles (speed)")
    parser.add_argument("--write", action="store_true", help="write bench/results/")
    parser.add_argument("--refresh", action="store_true", help="re-read and re-annotate")
    parser.add_argument(
        "--gold-rule",
        choices=["new", "old", "hand"],
        help="pronoun sources: read back by a rule, or labelled by hand (the default for dev and train)",
    )
    parser.add_argument(
        "--draft-pronouns",
        metavar="PATH",
        help="write the split's pronoun-source quotes to label by hand (JSON lines) and stop",
    )
    parser.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="with --draft-pronouns: whole articles, by the CRC32 of their names, to N records",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.draft_pronouns:
        drafts = pronoun_drafts(args.split, sample=args.sample)
        with open(args.draft_pronouns, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in drafts)
        print(f"{len(drafts)} pronoun-source quotes written to {args.draft_pronouns}")
        return
    if args.refresh:
        prepared_articles(args.split, refresh=True)
    if args.anchor:
        preds, seconds = anchor(args.split), 0.0
    else:
        preds, seconds = predict(args.split, args.limit)
    rule = args.gold_rule or default_rule(args.split)
    result = score(args.split, preds, args.show, rule)
    result["gold_rule"] = rule
    result["gold_speakers"] = gold_stats(args.split, rule)
    if default_rule(args.split) == "hand":
        result["hand_labels_vs_rules"] = {r: hand_vs_rule(args.split, r) for r in ("new", "old")}
    for other in ("hand", "new", "old"):
        if other == rule or (other == "hand" and default_rule(args.split) != "hand"):
            continue
        compared = score(args.split, preds, None, other)
        result[f"with_{other}_gold_rule"] = {k: compared[k] for k in _SPEAKER_FIGURES}
    result["quote_seconds"] = round(seconds, 1)
    result["command"] = "PYTHONPATH=src .venv/bin/python bench/quotes_polnear.py " + " ".join(
        sys.argv[1:]
    )
    print(json.dumps(result, indent=1))
    if args.write:
        RESULTS.mkdir(exist_ok=True)
        tag = "anchor" if args.anchor else "quotes"
        path = RESULTS / f"quotes_polnear_{args.split}{'_' + tag if args.anchor else ''}.json"
        path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
