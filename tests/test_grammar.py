"""The grammar's reading of a parse (:mod:`corroborate.annotate.grammar`), on hand-made parses
so that what is tested is the reading, not the parser's choices."""

from __future__ import annotations

from corroborate.annotate.grammar import Word, subject_of


def parse(*words: tuple[str, str, str, int]) -> tuple[Word, ...]:
    """Words as (text, tag, dep, head), laid end to end."""
    out, at = [], 0
    for text, tag, dep, head in words:
        out.append(Word(at, at + len(text), text, tag, text.lower(), dep, head))
        at += len(text) + 1
    return tuple(out)


def test_a_participle_shares_the_subject_of_the_verb_it_hangs_on():
    # "Rallying workers, Reyes promised ..."
    rallying = parse(
        ("Rallying", "VBG", "advcl", 3),
        ("workers", "NNS", "dobj", 0),
        ("Reyes", "NNP", "nsubj", 3),
        ("promised", "VBD", "ROOT", 3),
    )
    assert subject_of(rallying, 0) == [2]


def test_a_finite_clause_without_a_subject_takes_none_from_the_main_verb():
    # "... Okafor has courted unions, and vowed to cut taxes, Reyes has run ...": the parser
    # hung "vowed" on "run" as an adverbial clause; Okafor vowed, not Reyes
    misparsed = parse(
        ("Okafor", "NNP", "nsubj", 2),
        ("has", "VBZ", "aux", 2),
        ("courted", "VBN", "ccomp", 10),
        ("unions", "NNS", "dobj", 2),
        ("and", "CC", "cc", 2),
        ("vowed", "VBD", "advcl", 10),
        ("to", "TO", "aux", 7),
        ("cut", "VB", "xcomp", 5),
        ("taxes", "NNS", "dobj", 7),
        ("Reyes", "NNP", "nsubj", 10),
        ("run", "VBN", "ROOT", 10),
    )
    assert subject_of(misparsed, 5) == []
    assert subject_of(misparsed, 7) == []  # nor the infinitive under it
    assert subject_of(misparsed, 2) == [0]


def test_a_bare_participle_of_a_time_clause_takes_the_time_of_its_main_clause():
    from corroborate.annotate.grammar import verb_time

    # "The works should last a year, once the beams (are) fitted": no auxiliary of its own
    fitted = parse(
        ("works", "NNS", "nsubj", 2),
        ("should", "MD", "aux", 2),
        ("last", "VB", "ROOT", 2),
        ("once", "IN", "mark", 5),
        ("beams", "NNS", "nsubj", 5),
        ("fitted", "VBN", "advcl", 2),
    )
    assert verb_time(fitted, 5) == "modal"
    # a participle describing a noun keeps its past ("the beams fitted last year")
    described = parse(
        ("beams", "NNS", "nsubj", 2),
        ("fitted", "VBN", "acl", 0),
        ("cracked", "VBD", "ROOT", 2),
    )
    assert verb_time(described, 1) == "past"
