"""The parse the quotes stage reads: only what quotes or reports speech is parsed, from spaCy's
own pass when it can be, and the text gives it back exactly."""

from __future__ import annotations

import pytest

from corroborate.annotate.nlp import annotate_doc
from corroborate.annotate.parse import parse_text, stretches_to_parse
from corroborate.annotate.quotes import extract_quotes
from corroborate.model import Article


def spans_of(text: str) -> list[tuple[int, int]]:
    """One sentence per full stop, for hand-made texts."""
    out, start = [], 0
    for k, c in enumerate(text):
        if c == "." and (k + 1 == len(text) or text[k + 1] in " \n"):
            out.append((start, k + 1))
            start = k + 2
    return out


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        # a quote's sentence, a speech verb's, a lead-in colon (and the neighbours below)
        ("It rained. “We go,” she said. Then it stopped.", ["It rained. “We go,” she said."]),
        # around a quote with no verb of its own: the sentence before one that opens with it,
        # the sentence after one that ends with it (who may be named there)
        ("It rained. Lee is calm. “We go.” It ended.", ["Lee is calm. “We go.” It ended."]),
        ("Lee is calm.\n“We stay,” Lee said.", ["Lee is calm.", "“We stay,” Lee said."]),
        (
            "The bridge shut. Ortiz said the bridge would reopen.",
            ["Ortiz said the bridge would reopen."],
        ),
        (
            "The mayor wrote on Twitter:\n“We will rebuild.”",
            ["The mayor wrote on Twitter:", "“We will rebuild.”"],
        ),
        ("The bridge shut. The ferry ran.", []),
        # a quote over several sentences is parsed in one piece, with the sentence it ends in
        (
            "“We go. We stay. We win,” she said. It rained.",
            ["“We go. We stay. We win,” she said."],
        ),
        # two paragraphs are two pieces, even when both are parsed
        ("“We go,” she said.\n“We stay,” he said.", ["“We go,” she said.", "“We stay,” he said."]),
    ],
)
def test_only_what_quotes_or_reports_speech_is_parsed(text, parsed):
    assert [text[s:e] for s, e in stretches_to_parse(text, spans_of(text))] == parsed


def test_the_sentence_after_one_that_ends_with_its_quote_is_parsed():
    text = "“Would it work?” Lee pressed. It rained.\n“We go.” It rained."
    spans = [(0, 16), (17, 29), (30, 40), (41, 49), (50, 60)]
    assert [text[s:e] for s, e in spans] == [
        "“Would it work?”",
        "Lee pressed.",
        "It rained.",
        "“We go.”",
        "It rained.",
    ]
    parsed = [text[s:e] for s, e in stretches_to_parse(text, spans)]
    # (the first paragraph's last sentence too: it comes before a sentence opening with a quote)
    assert parsed == ["“Would it work?” Lee pressed. It rained.", "“We go.” It rained."]


def article_of(text: str, nlp) -> Article:
    article = Article("a", "a.txt", text, text=text)
    return annotate_doc(article, nlp(text))


TEXT = (
    "Mayor Ana Ortiz toured the harbour on Monday.\n"
    "“We will rebuild the bridge before winter,” she said. The ferry ran all day.\n"
    "Ortiz said the crews would work through the night to finish it."
)


def test_spacy_s_pass_gives_the_parse_and_the_text_back_exactly(nlp):
    article = article_of(TEXT, nlp)
    assert article.parsed is not None
    pieces = [TEXT[p.start : p.end] for p in article.parsed]
    # (the first sentence too: it comes before a paragraph that opens with a quote)
    assert pieces == [
        "Mayor Ana Ortiz toured the harbour on Monday.",
        "“We will rebuild the bridge before winter,” she said.",
        "Ortiz said the crews would work through the night to finish it.",
    ]
    for p in article.parsed:
        assert p.doc().text == TEXT[p.start : p.end]
    said = next(p for p in article.parsed if "said" in p.words)
    k = said.words.index("said")
    assert (said.pos[k], said.lemmas[k]) == ("VERB", "say")


def test_the_parse_from_the_pass_and_from_the_text_give_the_same_quotes(nlp):
    from_pass = article_of(TEXT, nlp)
    from_text = article_of(TEXT, nlp)
    from_text.parsed = None
    quotes = [(q.text, q.speaker_name, q.indirect) for q in extract_quotes(from_pass)]
    assert quotes == [(q.text, q.speaker_name, q.indirect) for q in extract_quotes(from_text)]
    assert ("We will rebuild the bridge before winter,", "Ana Ortiz", False) in quotes


def test_nothing_to_parse_loads_nothing():
    def load():
        raise AssertionError("no parser should load")

    assert parse_text("The bridge shut. The ferry ran.", [(0, 16), (17, 31)], load) == []


# Texts whose parses have quotes, clauses hung under verbs of saying, several sentences in one
# stretch, brackets and dashes: the tree must read as spaCy's Doc reads them.
TREE_TEXTS = [
    "“We will rebuild the bridge before winter,” said Ana Ortiz, the city's mayor, on Monday.",
    "Ortiz, who had warned in January that the girders were failing, said: “It is done. "
    "We start again — and this time we listen.” The union (which opposed the plan) agreed.",
    "Asked whether the ferries would run, the minister told reporters they “will, as long as "
    "the weather holds”, before adding that nothing had been decided.",
]


def _reading(token) -> tuple:
    sent = token.sent
    return (
        token.i, token.text, token.idx, token.lower_, token.tag_, token.pos_, token.lemma_,
        token.dep_, token.is_punct, token.head.i, [t.i for t in token.lefts],
        [t.i for t in token.rights], [t.i for t in token.children],
        [t.i for t in token.subtree], [t.i for t in token.ancestors], token.left_edge.i,
        token.right_edge.i, sent.start, sent.end, sent.text, sent.start_char, sent.end_char,
        sent.root.i, [t.i for t in sent],
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("text", TREE_TEXTS)
def test_the_parse_tree_reads_as_spacys_doc(text):
    from corroborate.annotate.nlp import load_spacy

    parses = parse_text(text, spans_of(text) or [(0, len(text))], load_spacy)
    assert parses
    for parsed in parses:
        doc, tree = parsed.doc(), parsed.tree()
        assert tree.text == doc.text and len(tree) == len(doc)
        assert [_reading(t) for t in tree] == [_reading(t) for t in doc]
        assert [(s.start, s.end) for s in tree.sents] == [(s.start, s.end) for s in doc.sents]
        assert [_reading(tree[k]) for k in range(-len(doc), 0)] == [_reading(t) for t in doc]


def test_sentences_the_grammar_reads_are_parsed_in_the_pass_apart_from_the_quotes(nlp):
    """``also``'s sentences that no quote stretch covers go to ``parsed_alone`` (working data of
    the grammar stage: not stored, not compared), parsed from the pass's token vectors just as
    a sentence parsed again from its text is; the quotes' stretches stay as they were."""
    from corroborate.annotate.grammar import parse_sentences
    from corroborate.app.store import article_to_record

    plain = article_of(TEXT, nlp)
    article = Article("a", "a.txt", TEXT, text=TEXT)
    annotate_doc(article, nlp(TEXT), also=lambda a: range(len(a.sentences)))
    assert article.parsed == plain.parsed  # the quotes read the same
    covered = {(p.start, p.end) for p in article.parsed}
    alone = [TEXT[p.start : p.end] for p in article.parsed_alone]
    assert alone and all((p.start, p.end) not in covered for p in article.parsed_alone)
    assert alone == ["The ferry ran all day."]  # the rest quote or lead into a quote
    assert article_to_record(article) == article_to_record(plain)  # not stored
    (index,) = [s.index for s in article.sentences if s.text == alone[0]]
    first = parse_sentences(article, [index], nlp)[index]
    again = parse_sentences(plain, [index], nlp)[index]  # parsed from its text alone
    assert [(w.text, w.head, w.dep) for w in first] == [(w.text, w.head, w.dep) for w in again]
