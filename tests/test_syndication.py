import pytest

from corroborate.compare.syndication import find_copies, source_key
from tests.conftest import make_article

WIRE = (
    "Engineers closed the Porthaven bridge on Friday after inspectors found deep cracks in two "
    "of its steel girders, the regional transport authority said in a statement. The bridge "
    "carries about 40,000 vehicles a day and links the harbour district to the city centre. "
    "Repairs are expected to take eight to ten months and cost at least 45 million euros, "
    "officials said, adding that a temporary ferry service would start next week."
)


def test_a_lightly_edited_copy_is_grouped_with_its_original():
    copy = WIRE.replace("on Friday", "on Friday morning").replace(
        "officials said", "officials told reporters"
    )
    other = (
        "A football club signed a striker on a three-year deal worth 12 million euros on Monday."
    )
    groups = find_copies(
        [make_article("a", WIRE), make_article("b", copy), make_article("c", other)]
    )
    assert groups == [["a", "b"]]
    assert source_key(groups) == {"a": "a", "b": "a"}


def test_two_rewrites_of_one_event_are_not_copies():
    rewrite = (
        "Inspectors found cracks in the girders of Porthaven's harbour bridge, forcing its closure "
        "on Friday. Some 40,000 cars cross it daily. The authority puts the bill above 45 million "
        "euros and expects works to last up to ten months; ferries will run in the meantime."
    )
    assert find_copies([make_article("a", WIRE), make_article("b", rewrite)]) == []


def test_exact_and_lsh_copy_searches_find_the_same_copies(monkeypatch):
    import random

    import corroborate.compare.syndication as syndication

    rng = random.Random(3)
    words = [f"w{i}" for i in range(3000)]
    texts = {f"a{i:02d}": " ".join(rng.choice(words) for _ in range(200)) for i in range(70)}
    # five syndicated copies: one word in forty changed
    for i in range(5):
        original = texts[f"a{i:02d}"].split()
        texts[f"c{i}"] = " ".join(w if k % 40 else "edited" for k, w in enumerate(original))
    articles = [make_article(i, t) for i, t in texts.items()]
    monkeypatch.setattr(syndication, "EXACT_MAX", 50)
    by_lsh = find_copies(articles)
    monkeypatch.setattr(syndication, "EXACT_MAX", 10_000)
    exact = find_copies(articles)
    assert exact == by_lsh == [[f"a{i:02d}", f"c{i}"] for i in range(5)]


def test_copies_found_one_at_a_time_are_the_copies_found_at_once():
    from corroborate.compare.syndication import CopyTracker

    copy = WIRE.replace("on Friday", "on Friday morning")
    recopy = copy.replace("next week", "next Monday")
    other = (
        "A football club signed a striker on a three-year deal worth 12 million euros on Monday."
    )
    articles = [
        make_article("a", WIRE),
        make_article("o", other),
        make_article("b", copy),
        make_article("c", recopy),
    ]
    tracker = CopyTracker()
    assert [tracker.add(a) for a in articles] == [[], [], ["a"], ["a", "b"]]
    assert tracker.groups() == find_copies(articles) == [["a", "b", "c"]]
    assert tracker.group_of("c") == tracker.group_of("a") and tracker.group_of("x") is None


def _sentences(text):
    return [s.strip() + "." for s in text.split(". ") if s.strip()]


def test_a_copys_lightly_edited_sentences_are_twins_of_the_originals():
    from corroborate.compare.syndication import sentence_twins

    original = make_article("a", *_sentences(WIRE))
    edited = [
        original.sentences[0].text.replace("on Friday", "on Friday morning"),  # a word added
        original.sentences[1].text.replace("40,000", "45,000"),  # a figure changed
        "The ferry operator has not confirmed the timetable or the number of boats it can spare.",
        original.sentences[2].text,  # word for word
    ]
    copy = make_article("b", *edited)
    twins = sentence_twins(copy, original.sentences)
    assert {i: t.index for i, t in twins.items()} == {0: 0, 1: 1, 3: 2}
    assert sentence_twins(copy, original.sentences, min_words=100) == {}
    assert sentence_twins(copy, []) == {}


def test_twins_point_at_the_first_copys_sentence_and_only_within_a_group():
    from corroborate.compare.syndication import twin_sentences

    sentences = _sentences(WIRE)
    a = make_article("a", *sentences)
    b = make_article("b", *sentences)
    c = make_article("c", *sentences)
    d = make_article("d", *sentences)  # word for word too, but not in the group given
    twins = twin_sentences([a, b, c, d], [["a", "b", "c"]])
    assert {k for k in twins} == {(x, i) for x in "bc" for i in range(len(sentences))}
    assert {(t.article_id, t.index) for t in twins.values()} == {
        ("a", i) for i in range(len(sentences))
    }


def test_the_known_lsh_parameters_are_datasketchs_own():
    from datasketch import MinHashLSH

    from corroborate.compare.syndication import KNOWN_LSH_PARAMS

    for (threshold, num_perm), params in KNOWN_LSH_PARAMS.items():
        probe = MinHashLSH(threshold=threshold, num_perm=num_perm)
        assert (probe.b, probe.r) == params


def test_jaccard_at_least_agrees_with_the_definition():
    import random

    from corroborate.compare.syndication import jaccard_at_least

    rng = random.Random(5)
    for _ in range(500):
        a = {rng.randrange(40) for _ in range(rng.randint(1, 30))}
        b = {rng.randrange(40) for _ in range(rng.randint(1, 30))}
        for threshold in (0.2, 0.5, 0.8):
            assert jaccard_at_least(a, b, threshold) == (len(a & b) >= threshold * len(a | b))


# --------------------------------------------------------------------------- independent sources
# One definition everywhere: distinct outlets; a copy group and one outlet's several dispatches
# count once; an article with no known outlet is its own source (unless it is a copy).
OUTLETS = {"ap1": "AP", "ap2": "AP", "ap3": " ap", "x1": "Xinhua", "y1": "Yahoo News"}


@pytest.mark.parametrize(
    ("ids", "copies", "expected"),
    [
        # four dispatches of one agency repeating a background paragraph: one source
        (["ap1", "ap2", "ap3"], [], [["ap1", "ap2", "ap3"]]),
        (["ap1", "ap2", "x1"], [], [["ap1", "ap2"], ["x1"]]),
        # unnamed articles are their own sources ...
        (["u1", "u2"], [], [["u1"], ["u2"]]),
        # ... unless they are copies of each other
        (["u1", "u2"], [["u1", "u2"]], [["u1", "u2"]]),
        # a syndicated copy under another outlet is the original's source, and the copies of
        # an outlet's dispatch count with that outlet
        (["ap1", "y1", "x1"], [["ap1", "y1"]], [["ap1", "y1"], ["x1"]]),
        (["u1", "ap2", "ap1"], [["ap1", "u1"]], [["u1", "ap2", "ap1"]]),
        # a copy group only links the articles given: Yahoo's own article stays apart
        (["y1", "x1"], [["ap1", "y1"]], [["y1"], ["x1"]]),
    ],
)
def test_independent_sources_are_distinct_outlets(ids, copies, expected):
    from corroborate.compare.syndication import independent_groups, independent_sources

    assert independent_groups(ids, copies, OUTLETS) == expected
    assert independent_sources(ids, copies, OUTLETS) == len(expected)


def test_a_source_is_named_by_its_outlets_or_its_article():
    from corroborate.compare.syndication import source_name

    assert source_name(["ap1", "ap2"], OUTLETS) == "AP"
    assert source_name(["ap1", "y1"], OUTLETS) == "AP / Yahoo News"
    assert source_name(["u1", "ap3"], OUTLETS) == "ap"
    assert source_name(["u1", "u2"], OUTLETS) == "u1"
