import json
from dataclasses import replace

import jsonschema
import pytest

from corroborate.compare.facts import SentenceTable, group_facts
from corroborate.compare.summarize import summarize
from corroborate.embed.fake import HashingEmbedder
from corroborate.model import (
    Brief,
    Entity,
    Rejected,
    Removed,
    Sentence,
    Span,
    Story,
    StoryCommitment,
)
from corroborate.out.render import segments, to_dict, to_html, to_markdown, validate, write_json
from tests.conftest import make_article


def small_brief():
    a = make_article("a", "Engineers closed the harbour bridge on Friday after finding cracks in two girders.",
                     "The council will run extra ferries while repairs continue, officials said.", outlet="Coastal Tribune")
    b = make_article("b", "The harbour bridge was closed by engineers on Friday after they found cracks in two girders.",
                     "Shops near the <b>bridge</b> & the port saw fewer customers <script>alert(1)</script>.", outlet=None)
    a.removed.append(Removed("Great article!! <img src=x onerror=alert(1)>", "comments"))
    table = SentenceTable.build([a, b])
    facts = group_facts([a, b], HashingEmbedder(), table=table)
    story = Story("s1", "Harbour bridge closed", ["a", "b"], facts=facts,
                  summary=summarize(facts, table, [a, b], min_sentences=1))
    return Brief([a, b], [story], [Rejected("broken.bin", "binary file: not text")])


def test_json_follows_the_contract_schema():
    document = to_dict(small_brief())
    validate(document)
    assert document["schema"] == "corroborate.brief/1"
    summary = document["stories"][0]["summary"]
    assert summary and summary[0]["sources"] == ["a", "b"]
    assert document["rejected"] == [{"path": "broken.bin", "reason": "binary file: not text"}]


def test_every_cited_span_is_the_exact_text():
    document = to_dict(small_brief())
    texts = {a["id"]: a["text"] for a in document["articles"]}
    for fact in document["stories"][0]["facts"]:
        start, end = fact["span"]
        assert texts[fact["article_id"]][start:end] == fact["text"]


def test_schema_rejects_a_brief_that_breaks_the_contract():
    document = to_dict(small_brief())
    del document["stories"][0]["summary"][0]["sources"]
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


def test_write_json_round_trips(tmp_path):
    path = tmp_path / "brief.json"
    write_json(small_brief(), path)
    assert json.loads(path.read_text("utf-8"))["stories"][0]["title"] == "Harbour bridge closed"


def test_markdown_cites_with_numbers_and_lists_what_was_cut():
    md = to_markdown(small_brief())
    assert "## Summary" in md and "[1][2]" in md
    assert "*comments*" in md
    assert "`broken.bin`: binary file: not text" in md


def test_html_escapes_article_text_and_links_citations_to_sentences():
    html = to_html(small_brief())
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img src=x" not in html
    assert 'href="#a-s0"' in html and 'id="a-s0"' in html


def test_segments_rebuild_the_article_text_exactly():
    article = small_brief().articles[0]
    assert "".join(piece for _, piece in segments(article)) == article.text


def test_the_shipped_schema_is_a_valid_json_schema():
    import jsonschema

    from corroborate.out.render import brief_schema

    schema = brief_schema()
    jsonschema.validators.validator_for(schema).check_schema(schema)


def test_an_untitled_article_is_known_by_its_verbatim_opening():
    from corroborate.out.render import article_label

    titled = make_article("t", "Ferries run all night.")
    titled.title = "Night ferries"
    untitled = make_article("u", "Engineers closed the harbour bridge on Friday after finding cracks in "
                                 "two girders of the northern span.")
    assert article_label(titled) == "Night ferries"
    label = article_label(untitled)
    assert label.startswith("untitled, opens “Engineers closed the harbour bridge")
    assert label.endswith("…”") and len(label) < 100
    markdown, page = to_markdown(Brief([untitled], [], [])), to_html(Brief([untitled], [], []))
    assert "untitled, opens “Engineers closed" in markdown
    assert "untitled, opens “Engineers closed" in page


def test_commitments_made_earlier_are_listed_apart_from_what_happens_next():
    brief = small_brief()
    a = brief.articles[0]
    recalled = "In May the council had agreed to repaint the bridge."
    a.text += "\n" + recalled
    a.sentences.append(Sentence("a", 2, len(a.text) - len(recalled), len(a.text), recalled))
    ahead, before = a.sentences[1], a.sentences[2]
    brief.stories[0] = replace(brief.stories[0], commitments=(
        StoryCommitment(ahead.text, ("council",), ("a",), Span("a", ahead.start, ahead.end),
                        "will run extra ferries", "planned", earlier=False),
        StoryCommitment(before.text, ("council",), ("a",), Span("a", before.start, before.end),
                        "had agreed to repaint the bridge", "agreed", earlier=True),
    ))
    upcoming = ahead.text
    for page in (to_markdown(brief), to_html(brief)):
        next_at, earlier_at = page.index("What happens next"), page.index("Agreed or promised earlier")
        assert next_at < page.index(upcoming, next_at) < earlier_at
        assert page.index("had agreed to repaint") > earlier_at


def test_what_only_an_unnamed_outlet_reports_is_headed_by_its_source_number():
    from corroborate.compare.coverage import only_in

    brief = small_brief()
    story = brief.stories[0]
    story = brief.stories[0] = replace(story, only_in=only_in(story.facts, brief.articles))
    assert set(story.only_in) == {"Coastal Tribune", "b"}  # the contract keys it by article id
    md, html = to_markdown(brief), to_html(brief)
    assert "### Only in [2], an outlet not named (1)" in md
    assert "### Only in Coastal Tribune (1)" in md
    assert "Only in [2], an outlet not named (1)</summary>" in html


def test_a_person_with_no_title_is_still_cited_where_named():
    brief = small_brief()
    ida = Entity("e1", "Ida Lund", "PERSON", ("Ida Lund",), (), ("b",), (Span("b", 0, 8),))
    brief.stories[0] = replace(brief.stories[0], entities=(ida,))
    assert "- **Ida Lund** [2]" in to_markdown(brief)
    assert 'named in <a class="cite" href="#article-2">[2]</a>' in to_html(brief)
