"""End to end on scraped pages of one story (tests/data/pages/ransomware): five outlets' pages
as a scraper saves them -- menus, share bars, stamps, bios, sponsored teasers and reader
comments left in -- with a syndicated copy, name variants and two disagreeing figures.
Written for the tests; its defects were found by reading the brief as an editor would."""

from __future__ import annotations

import pytest

from corroborate.out.render import to_dict, validate
from corroborate.pipeline import build_brief
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
PAGES = ROOT / "tests" / "data" / "pages" / "ransomware"


@pytest.fixture(scope="module")
def brief(nlp, minilm):
    return build_brief([PAGES], nlp=nlp, embedder=minilm)


def test_each_page_gives_its_outlet_title_and_day(brief):
    got = {a.id: (a.outlet, a.title, a.published) for a in brief.articles}
    assert got["northwind_news"][0] == "Northwind News"  # from the dateline, below the menus
    assert got["harbour_fm"][0] == "Harbour FM 98.4"  # from the copyright line
    assert got["valley_courier"][0] == "Alder Valley Courier"  # from the sign-off
    assert got["harbour_fm"][1] == "Council cyberattack: what Port Alder residents need to know"
    assert got["valley_courier"][1].startswith("'We are not paying criminals'")
    assert {a: g[2] for a, g in got.items()} == {
        "cityline_tech": "2025-04-17",
        "harbour_fm": "2025-04-17",
        "lakeshore_ledger": "2025-04-16",
        "northwind_news": "2025-04-16",
        "valley_courier": "2025-04-16",
    }


def test_page_chrome_is_cut_with_a_reason_and_no_sentence_of_the_story_is(brief):
    text = "\n".join(a.text for a in brief.articles)
    for junk in (
        "SHARE ON FACEBOOK",
        "Copy link",
        "NOW PLAYING",
        "opens new tab",
        "Follow her on X",
        "Got a news tip?",
        "This article was updated",
        "0% financing",
        "Five retirement mistakes",
        "→ Ferry delays",
    ):
        assert junk not in text, junk
    reasons = {r.text: r.reason for a in brief.articles for r in a.removed}
    assert reasons["Who is Nightjar?"] == "subheading"
    assert reasons["Harbour Honda Spring Sales Event — 0% financing on select models!"] == (
        "scraper_residue"
    )
    for told in (
        "Port Alder City Council said",
        "two years of free credit monitoring",
        "Gwen Tallis, 71, a retired teacher",
    ):
        assert told in text, told


def test_a_residents_words_are_hers_and_the_two_counts_of_residents_conflict(brief):
    (story,) = brief.stories
    (fence,) = [q for q in story.quotes if "over the fence" in q.versions[0].text]
    assert fence.speaker_name == "Gwen Tallis"
    residents = [c for c in story.conflicts if c.kind == "number" and "resident" in c.subject]
    assert [sorted(x.value for x in c.claims) for c in residents] == [
        ["about 38,000", "about 41,000", "roughly 38,000"]  # the Courier's too
    ]


def test_the_brief_is_valid_and_its_summary_cites_several_outlets(brief):
    document = to_dict(brief)
    validate(document)
    (story,) = brief.stories
    assert story.copies == [["lakeshore_ledger", "northwind_news"]]
    assert 5 <= len(story.summary) <= 10
    assert sum(f.outlets >= 2 for f in story.summary) >= 5


PILE = ROOT / "tests" / "data" / "pages" / "pile"  # the answer key: tests/data/pages/pile_key.md


@pytest.fixture(scope="module")
def pile(nlp, minilm):
    return build_brief([PILE], nlp=nlp, embedder=minilm)


def test_a_pile_of_four_stories_sharing_words_is_told_apart(pile):
    groups = [sorted(a[:2] for a in s.article_ids) for s in pile.stories]
    # two fires a week apart, and a stadium loan before the same council as the first fire
    for story in (["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"], ["d1", "d2", "d3", "d4"]):
        assert story in groups
    assert any({"c1", "c2", "c3"} <= set(g) for g in groups)
    assert ["x1"] in groups  # the sports round-up belongs to no story


def test_the_figures_the_outlets_disagree_on_are_conflicts(pile):
    found = {
        frozenset(str(x.value) for x in c.claims)
        for s in pile.stories
        for c in s.conflicts
        if c.kind == "number"
    }
    assert frozenset({"312", "321"}) in found
    assert frozenset({"£38m", "£38 million", "£32 million"}) in found
    assert frozenset({"21,000 square metre", "12,000-square-metre"}) in found


NEWSROOM = ROOT / "tests" / "data" / "newsroom"  # budgets, advisories, corrections notices


@pytest.fixture(scope="module")
def with_newsroom_matter(nlp, minilm, tmp_path_factory):
    # one file of newsroom lines only: nothing of it is left as text once they are cut
    furniture = tmp_path_factory.mktemp("furniture") / "filing_lines.txt"
    furniture.write_text("Eds: Moves on general news services.\nStory Filed By: Desk\nENDIT\n")
    stories = ROOT / "tests" / "data" / "stories" / "wildfire"
    return build_brief([NEWSROOM, stories, furniture], nlp=nlp, embedder=minilm)


def test_newsroom_matter_is_left_out_of_the_stories_and_listed_with_its_reason(
    with_newsroom_matter,
):
    brief = with_newsroom_matter
    not_news = {a.id: a.not_news for a in brief.articles if a.not_news}
    assert set(not_news) == {
        "wire_domestic_budget",
        "sports-budget-0412",
        "weekend_budget_plain",
        "media_advisory",
        "photo_advisory",
        "corrections_notice",
        "correction_single",
        "filing_lines",
    }
    in_stories = {i for s in brief.stories for i in s.article_ids}
    assert in_stories == {
        "01_pacific_wire_service",
        "02_marlow_county_courier",
        "03_foothill_notes_blog",
    }
    document = to_dict(brief)
    validate(document)
    assert {item["id"]: item["reason"] for item in document["not_news"]} == not_news
    from corroborate.out.render import to_html, to_markdown

    for page in (to_markdown(brief), to_html(brief)):
        assert "Not news: left out of the stories" in page
        assert "news budget: 5 stories planned for editors" in page
