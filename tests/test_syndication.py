from corroborate.syndication import find_copies, source_key
from tests.conftest import make_article

WIRE = (
    "Engineers closed the Porthaven bridge on Friday after inspectors found deep cracks in two "
    "of its steel girders, the regional transport authority said in a statement. The bridge "
    "carries about 40,000 vehicles a day and links the harbour district to the city centre. "
    "Repairs are expected to take eight to ten months and cost at least 45 million euros, "
    "officials said, adding that a temporary ferry service would start next week."
)


def test_a_lightly_edited_copy_is_grouped_with_its_original():
    copy = WIRE.replace("on Friday", "on Friday morning").replace("officials said", "officials told reporters")
    other = "A football club signed a striker on a three-year deal worth 12 million euros on Monday."
    groups = find_copies([make_article("a", WIRE), make_article("b", copy), make_article("c", other)])
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

    import corroborate.syndication as syndication

    rng = random.Random(3)
    words = [f"w{i}" for i in range(3000)]
    texts = {f"a{i:02d}": " ".join(rng.choice(words) for _ in range(200)) for i in range(70)}
    # five syndicated copies: one word in forty changed
    for i in range(5):
        original = texts[f"a{i:02d}"].split()
        texts[f"c{i}"] = " ".join(w if k % 40 else "edited" for k, w in enumerate(original))
    articles = [make_article(i, t) for i, t in texts.items()]
    assert len(articles) > syndication.EXACT_MAX
    by_lsh = find_copies(articles)
    monkeypatch.setattr(syndication, "EXACT_MAX", 10_000)
    exact = find_copies(articles)
    assert exact == by_lsh == [[f"a{i:02d}", f"c{i}"] for i in range(5)]
