import json
from dataclasses import replace

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.compare.facts import SentenceTable, group_facts
from corroborate.compare.summarize import summarize
from corroborate.embed.fake import HashingEmbedder
from corroborate.model import (
    Brief,
    Conflict,
    ConflictClaim,
    Coverage,
    CoverageGroup,
    Entity,
    Event,
    Number,
    NumberClaim,
    Quote,
    QuoteVersion,
    Rejected,
    Removed,
    Role,
    Sentence,
    Span,
    Story,
    StoryCommitment,
    TimelineEntry,
)
from corroborate.out.render import segments, to_dict, to_html, to_markdown, validate, write_json
from tests.conftest import make_article


def small_brief():
    a = make_article(
        "a",
        "Engineers closed the harbour bridge on Friday after finding cracks in two girders.",
        "The council will run extra ferries while repairs continue, officials said.",
        outlet="Coastal Tribune",
    )
    b = make_article(
        "b",
        "The harbour bridge was closed by engineers on Friday after they found cracks in two girders.",
        "Shops near the <b>bridge</b> & the port saw fewer customers <script>alert(1)</script>.",
        outlet=None,
    )
    a.removed.append(Removed("Great article!! <img src=x onerror=alert(1)>", "comments"))
    table = SentenceTable.build([a, b])
    facts = group_facts([a, b], HashingEmbedder(), table=table)
    story = Story(
        "s1",
        "Harbour bridge closed",
        ["a", "b"],
        facts=facts,
        summary=summarize(facts, table, [a, b], min_sentences=1),
    )
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
    untitled = make_article(
        "u",
        "Engineers closed the harbour bridge on Friday after finding cracks in "
        "two girders of the northern span.",
    )
    assert article_label(titled) == "Night ferries"
    label = article_label(untitled)
    assert label.startswith("untitled, opens “Engineers closed the harbour bridge")
    assert label.endswith("…”") and len(label) < 100
    markdown, page = to_markdown(Brief([untitled], [], [])), to_html(Brief([untitled], [], []))
    assert "untitled, opens “Engineers closed" in markdown
    assert "untitled, opens “Engineers closed" in page


def _with_a_second_commitment(sentence: str, what: str, kind: str, **flags):
    """The small brief, its first article ending with ``sentence``, and its story's commitments:
    the article's own next step ("will run extra ferries"), then ``sentence``'s (``what``,
    ``kind``, ``flags``). Returns the brief and the two sentences."""
    brief = small_brief()
    a = brief.articles[0]
    a.text += "\n" + sentence
    a.sentences.append(Sentence("a", 2, len(a.text) - len(sentence), len(a.text), sentence))
    ahead, second = a.sentences[1], a.sentences[2]
    brief.stories[0] = replace(
        brief.stories[0],
        commitments=(
            StoryCommitment(
                ahead.text,
                ("council",),
                ("a",),
                Span("a", ahead.start, ahead.end),
                "will run extra ferries",
                "planned",
                earlier=False,
            ),
            StoryCommitment(
                second.text,
                ("council",),
                ("a",),
                Span("a", second.start, second.end),
                what,
                kind,
                **flags,
            ),
        ),
    )
    return brief, ahead, second


def test_commitments_made_earlier_are_listed_apart_from_what_happens_next():
    brief, ahead, _ = _with_a_second_commitment(
        "In May the council had agreed to repaint the bridge.",
        "had agreed to repaint the bridge",
        "agreed",
        earlier=True,
    )
    upcoming = ahead.text
    for page in (to_markdown(brief), to_html(brief)):
        next_at, earlier_at = (
            page.index("What happens next"),
            page.index("Agreed or promised earlier"),
        )
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


def hand_made_story() -> Story:
    lund, said = Span("a", 6, 14), Span("a", 20, 34)
    return Story(
        "s1",
        "Bridge shut",
        ["a", "b"],
        events=(Event("s1-e1", "Bridge shut", "2025-03-03", "Porthaven", ("a", "b")),),
        entities=(
            Entity(
                "e1",
                "Ida Lund",
                "PERSON",
                ("Ida Lund", "Lund"),
                (Role("Mayor", "mayor", ("Mayor", "mayor"), ("a",), (lund,)),),
                ("a", "b"),
                (lund, Span("b", 0, 4)),
            ),
        ),
        quotes=(
            Quote(
                "q1",
                "e1",
                "Ida Lund",
                (QuoteVersion("We will reopen", said, (said,), False, "Lund", "e1", lund),),
                ("a",),
            ),
        ),
        numbers=(
            Number(
                "n1",
                "homes",
                None,
                "2025",
                (
                    NumberClaim(40, None, None, "about", "about 40", Span("a", 50, 58)),
                    NumberClaim(None, 30, 32.5, None, "30 to 32.5", Span("b", 10, 20)),
                ),
                "conflict",
                "25 % apart",
                ("n2",),
            ),
        ),
        conflicts=(
            Conflict(
                "role",
                "Ida Lund",
                (ConflictClaim("Mayor", ("a",), (lund,)), ConflictClaim("Deputy Mayor", ("b",))),
                "Outlets give Ida Lund different mayor titles.",
                entity="e1",
            ),
            Conflict(
                "attribution",
                "We will reopen",
                (ConflictClaim("Ida Lund", ("a",)), ConflictClaim("Tom Reed", ("b",))),
                "Outlets give these words to different speakers.",
                quote="q1",
            ),
            Conflict(
                "number",
                "homes (2025)",
                (ConflictClaim("about 40", ("a",)), ConflictClaim("30 to 32.5", ("b",))),
                "25 % apart",
                number_id="n1",
            ),
        ),
        timeline=(
            TimelineEntry(
                "2025-03-03",
                "day",
                "Shut on Monday.",
                ("a", "b"),
                Span("b", 30, 45),
                planned=False,
                approximate=True,
            ),
        ),
        commitments=(
            StoryCommitment(
                "Ferries will run.",
                ("council",),
                ("a", "b"),
                Span("a", 60, 77),
                "will run",
                "planned",
                earlier=False,
            ),
        ),
        copies=[["a", "b"]],
        coverage=(
            Coverage("country", (CoverageGroup("XA", ("a", "b"), ("Tribune",), (0,), (), (0,)),)),
        ),
    )


def test_the_json_of_a_hand_made_story_is_the_contract_key_for_key_in_order():
    from corroborate.out.render import story_dict

    expected = {
        "id": "s1",
        "title": "Bridge shut",
        "article_ids": ["a", "b"],
        "events": [
            {
                "id": "s1-e1",
                "title": "Bridge shut",
                "date": "2025-03-03",
                "place": "Porthaven",
                "article_ids": ["a", "b"],
            }
        ],
        "summary": [],
        "facts": [],
        "entities": [
            {
                "id": "e1",
                "name": "Ida Lund",
                "type": "PERSON",
                "variants": ["Ida Lund", "Lund"],
                "roles": [
                    {
                        "title": "Mayor",
                        "key": "mayor",
                        "variants": ["Mayor", "mayor"],
                        "sources": ["a"],
                    }
                ],
                "sources": ["a", "b"],
                "mentions": 2,
                "spans": [["a", 6, 14], ["b", 0, 4]],
            }
        ],
        "quotes": [
            {
                "id": "q1",
                "speaker": "e1",
                "speaker_name": "Ida Lund",
                "versions": [
                    {
                        "text": "We will reopen",
                        "article_id": "a",
                        "span": [20, 34],
                        "parts": [[20, 34]],
                        "indirect": False,
                        "speaker_name": "Lund",
                        "speaker": "e1",
                    }
                ],
                "indirect": False,
                "sources": ["a"],
            }
        ],
        "numbers": [
            {
                "id": "n1",
                "measure": "homes",
                "unit": None,
                "period": "2025",
                "claims": [
                    {
                        "value": 40,
                        "low": None,
                        "high": None,
                        "qualifier": "about",
                        "text": "about 40",
                        "article_id": "a",
                    },
                    {
                        "value": None,
                        "low": 30,
                        "high": 32.5,
                        "qualifier": None,
                        "text": "30 to 32.5",
                        "article_id": "b",
                    },
                ],
                "verdict": "conflict",
                "note": "25 % apart",
                "related": ["n2"],
                "compared": True,
            }
        ],
        "conflicts": [
            {
                "kind": "role",
                "subject": "Ida Lund",
                "entity": "e1",
                "claims": [
                    {"value": "Mayor", "article_ids": ["a"]},
                    {"value": "Deputy Mayor", "article_ids": ["b"]},
                ],
                "note": "Outlets give Ida Lund different mayor titles.",
            },
            {
                "kind": "attribution",
                "subject": "We will reopen",
                "quote": "q1",
                "claims": [
                    {"value": "Ida Lund", "article_ids": ["a"]},
                    {"value": "Tom Reed", "article_ids": ["b"]},
                ],
                "note": "Outlets give these words to different speakers.",
            },
            {
                "kind": "number",
                "subject": "homes (2025)",
                "claims": [
                    {"value": "about 40", "article_ids": ["a"]},
                    {"value": "30 to 32.5", "article_ids": ["b"]},
                ],
                "note": "25 % apart",
                "number_id": "n1",
            },
        ],
        "timeline": [
            {
                "date": "2025-03-03",
                "precision": "day",
                "text": "Shut on Monday.",
                "sources": ["a", "b"],
                "article_id": "b",
                "planned": False,
                "approximate": True,
            }
        ],
        "commitments": [
            {
                "text": "Ferries will run.",
                "actors": ["council"],
                "sources": ["a", "b"],
                "article_id": "a",
                "what": "will run",
                "kind": "planned",
                "earlier": False,
            }
        ],
        "copies": [["a", "b"]],
        "only_in": {},
        "coverage": [
            {
                "attribute": "country",
                "groups": {
                    "XA": {
                        "articles": ["a", "b"],
                        "outlets": ["Tribune"],
                        "reported": [0],
                        "left_out": [],
                        "only_here": [0],
                    }
                },
            }
        ],
    }
    document = story_dict(hand_made_story())
    assert json.dumps(document) == json.dumps(expected)  # the same keys, in the same order
    validate(
        {"schema": "corroborate.brief/1", "articles": [], "stories": [document], "rejected": []}
    )


def test_the_pages_read_the_typed_parts():
    brief = Brief([make_article("a", "x"), make_article("b", "y")], [hand_made_story()], [])
    md, html = to_markdown(brief), to_html(brief)
    for page in (md, html):
        assert "Ida Lund" in page and "Mayor" in page and "Ferries will run." in page
        assert "We will reopen" in page and "30 to 32.5" in page and "Shut on Monday." in page
    assert "| XA | Tribune | 1 | 0 | 1 |" in md
    assert "<tr><td>XA</td><td>Tribune</td><td>1</td><td>0</td><td>1</td></tr>" in html


def test_a_timeline_entry_cites_its_sentence_apart_from_the_others_telling_its_event():
    # "Shut on Monday." is article b's sentence ([2]); a tells the same event in its own words
    brief = Brief([make_article("a", "x"), make_article("b", "y")], [hand_made_story()], [])
    md, html = to_markdown(brief), to_html(brief)
    assert "Shut on Monday. [2] _(the same event, told in their own words: [1])_" in md
    assert "Shut on Monday. [1]" not in md and "Shut on Monday. [1][2]" not in md
    line = next(ln for ln in html.splitlines() if "Shut on Monday." in ln)
    mine, others = line.split("the same event, told in their own words:")
    assert 'title="this sentence, from' in mine and "#article-1" not in mine
    assert 'href="#article-1"' in others and "#article-2" not in others
    # a commitment likewise: "Ferries will run." is article a's sentence ([1])
    assert "Ferries will run. [1] _(the same commitment, told in their own words: [2])_" in md
    # the sentence's own citation opens the article at that sentence
    b = make_article("b", "The council met for an hour.", "The bridge was shut on Monday.")
    entry = replace(hand_made_story().timeline[0], span=Span("b", 37, 52))
    story = replace(hand_made_story(), timeline=(entry,))
    html = to_html(Brief([make_article("a", "x"), b], [story], []))
    assert 'href="#b-s1" title="this sentence, from' in html and 'id="b-s1"' in html
    # one source: cited as before, no "same event" note
    alone = replace(
        hand_made_story(),
        timeline=(replace(hand_made_story().timeline[0], sources=("b",)),),
    )
    md = to_markdown(Brief([make_article("a", "x"), make_article("b", "y")], [alone], []))
    assert "Shut on Monday. [2]\n" in md and "same event" not in md


def test_a_period_is_shown_from_its_start_to_its_end_in_every_output():
    from corroborate.out.render import story_dict, when_told

    period = TimelineEntry(
        "2022-10-01",
        "month",
        "Between October 2022 and September 2023, the port handled 2.1 million containers.",
        ("a",),
        Span("a", 0, 80),
        planned=False,
        approximate=False,
        end_date="2023-09-01",
        end_precision="month",
    )
    story = replace(hand_made_story(), timeline=(period,))
    brief = Brief([make_article("a", "x"), make_article("b", "y")], [story], [])
    (item,) = story_dict(story)["timeline"]
    assert (item["date"], item["end_date"], item["end_precision"]) == (
        "2022-10-01",
        "2023-09-01",
        "month",
    )
    validate(to_dict(brief))
    assert when_told(period) == when_told(item) == "2022-10 – 2023-09"
    assert "**2022-10 – 2023-09**" in to_markdown(brief)
    assert "<strong>2022-10 – 2023-09</strong>" in to_html(brief)
    # a single date keeps the keys it always had, and no others
    assert "end_date" not in story_dict(hand_made_story())["timeline"][0]


# --------------------------------------------------------------------------------------------
# The Markdown brief is escaped: article text never becomes markup
# --------------------------------------------------------------------------------------------

# What an article (its text, title, outlet, id, a quote, a name ...) may carry to a reader's
# Markdown renderer: raw HTML, links and images to javascript:, an autolink, a code span that
# closes early, and a link reference definition on a line of its own.
PAYLOAD = (
    " <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"
    " ![y](javascript:alert(4)) <javascript:alert(5)> <a href='javascript:alert(6)'>z</a>"
    " `<img src=x onerror=alert(8)>` *em* _u_ &lt;b&gt; \\"
    "\n[x]: javascript:alert(7)\n"
)
# Fields that select what is shown, not text shown: poisoned, the section would vanish.
NOT_SHOWN = {"type", "precision"}


def poisoned(value):
    """``value`` with the payload after every string in it (ids too, consistently)."""
    import dataclasses

    if isinstance(value, str):
        return value + PAYLOAD
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {
            f.name: poisoned(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.init and f.name not in NOT_SHOWN
        }
        return dataclasses.replace(value, **changed)
    if isinstance(value, tuple | list):
        return type(value)(poisoned(v) for v in value)
    if isinstance(value, dict):
        return {poisoned(k): poisoned(v) for k, v in value.items()}
    return value


def hostile_brief() -> Brief:
    """Every part of a brief the Markdown shows, each string followed by the payload."""
    from corroborate.compare.coverage import only_in

    brief = small_brief()
    small = brief.stories[0]
    story = replace(
        hand_made_story(),
        facts=small.facts,
        summary=small.summary,
        only_in=only_in(small.facts, brief.articles),
        events=(*hand_made_story().events, Event("s1-e2", "Ferries", None, None, ("b",))),
    )
    brief.articles[0].title = "Bridge closed"
    return poisoned(Brief(brief.articles, [story], brief.rejected))


def rendered_markup(markdown: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """The tags and attributes of the HTML a CommonMark renderer makes of ``markdown``,
    letting every link through (as a renderer that does not vet link targets would)."""
    from html.parser import HTMLParser

    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark")  # raw HTML on, as CommonMark has it
    renderer.validateLink = lambda url: True
    tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, attrs))

    Tags().feed(renderer.render(markdown))
    return tags


def test_markdown_brief_escapes_article_text_for_commonmark():
    markdown = to_markdown(hostile_brief())
    tags = rendered_markup(markdown)
    names = {tag for tag, _ in tags}
    assert not names & {"script", "img", "a", "iframe", "svg"}, names
    attributes = [(name, value or "") for _, attrs in tags for name, value in attrs]
    assert not [a for a in attributes if a[0].startswith("on")]
    assert not [a for a in attributes if "javascript:" in a[1].lower()]
    # Every section is there, with the payload shown as the text it is.
    for heading in ("## Summary", "## Events", "## People", "## Who said what", "## Numbers"):
        assert heading in markdown
    assert markdown.count("\\<script\\>alert(1)\\</script\\>") > 20


def test_markdown_brief_stays_readable():
    markdown = to_markdown(small_brief())
    assert "Engineers closed the harbour bridge on Friday after finding cracks in two girders." in (
        markdown
    )
    assert "**Coastal Tribune** — " in markdown
    assert "`broken.bin`: binary file: not text" in markdown


# What Markdown reads as markup, with letters, spaces and line breaks; or any characters.
MARKDOWN_TEXT = st.text(
    alphabet=st.sampled_from(list("*_`[]()<>!&#;~\\|-+=.:/'\"aé1 \n"))
) | st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")))


@settings(max_examples=500, deadline=None)
@given(MARKDOWN_TEXT)
def test_escaped_text_renders_as_exactly_itself(text):
    """Whatever an article says, a CommonMark renderer shows the escaped text as that text
    (on one line), never as markup."""
    from html import unescape

    from markdown_it import MarkdownIt

    from corroborate.out.render import markdown_code, markdown_escape

    flat = " ".join(text.split())
    rendered = MarkdownIt("commonmark").render(f"x {markdown_escape(text)}").strip()
    assert rendered == f"<p>x {escape_html(flat)}</p>".replace("<p>x </p>", "<p>x</p>")
    if flat:
        code = MarkdownIt("commonmark").render(f"x {markdown_code(text)}").strip()
        assert unescape(code.removeprefix("<p>x <code>").removesuffix("</code></p>")) == flat


@settings(max_examples=500, deadline=None)
@given(MARKDOWN_TEXT)
def test_escaped_text_opening_a_list_item_renders_as_itself(text):
    """Where the brief lists a sentence ("- {sentence}"), a sentence that was itself a list
    item in its article ("- The government will ...") or opens like a heading or a numbered
    item stays text: no list inside the item."""
    from markdown_it import MarkdownIt

    from corroborate.out.render import markdown_escape

    flat = " ".join(text.split())
    rendered = MarkdownIt("commonmark").render(f"- {markdown_escape(text)}").strip()
    assert rendered == f"<ul>\n<li>{escape_html(flat)}</li>\n</ul>"


def escape_html(text: str) -> str:
    """How markdown-it writes text in HTML."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def test_every_rendering_counts_independent_outlets_not_articles():
    """Two dispatches of one agency and a third outlet: the JSON names the outlets and every
    page shows two independent outlets, not three sources."""
    lede = "Engineers closed the harbour bridge on Friday after finding cracks in two girders."
    a = make_article("a", lede, outlet="Wire Service")
    b = make_article("b", "Update: " + lede, outlet="Wire Service")
    c = make_article("c", lede.replace("finding", "they found"), outlet="Tribune")
    facts = group_facts([a, b, c], HashingEmbedder())
    story = Story("s1", "Bridge shut", ["a", "b", "c"], facts=facts, summary=facts[:1])
    brief = Brief([a, b, c], [story], [])
    told = to_dict(brief)["stories"][0]["facts"][0]
    assert told["sources"] == ["a", "b", "c"]
    assert told["outlets"] == 2 and told["outlet_names"] == ["Wire Service", "Tribune"]
    md, html = to_markdown(brief), to_html(brief)
    assert "_3 articles from 2 independent outlets" in md
    assert "**2 independent outlets** (Wire Service, Tribune; 3 articles" in md
    assert "3 articles from 2 independent outlets" in html
    assert 'title="independent outlets: Wire Service, Tribune">2</span>' in html


def _quoted_in_parts_story() -> Brief:
    """Article b quotes the mayor's sentence once; article a quotes it in two places, with its
    second part first in the list (an aligner may give them in any order)."""
    brief = small_brief()
    first, second, whole = Span("a", 0, 20), Span("a", 40, 60), Span("b", 0, 45)

    def version(text: str, span: Span) -> QuoteVersion:
        return QuoteVersion(text, span, (span,), False, "Ida Lund", "e1", None)

    quote = Quote(
        "q1",
        "e1",
        "Ida Lund",
        (
            version("The bridge will reopen in May, after the repairs.", whole),
            version("after the girders are fixed.", second),
            version("The bridge reopens in May,", first),
        ),
        ("b", "a"),
    )
    brief.stories[0] = replace(brief.stories[0], quotes=(quote,))
    return brief


def test_an_article_quoting_one_statement_in_two_places_shows_one_wording():
    brief = _quoted_in_parts_story()
    md = to_markdown(brief)
    html = to_html(brief)
    assert md.count("[1] wording:") == 1 and html.count('<p class="diff">[1]') == 1
    line = next(line for line in md.splitlines() if "[1] wording:" in line)
    # the article's two parts, in its own order, joined with an ellipsis
    assert "**reopens**" in line and line.index("**reopens**") < line.index("girders are fixed")
    assert "**…**" in line
    cited = next(line for line in html.splitlines() if "<strong>Ida Lund</strong>" in line)
    assert cited.count('href="#article-1">[1]</a>') == 1  # cited once, not once per part


def test_wordings_join_an_article_s_versions_in_its_order_and_keep_each_article_once():
    from corroborate.out.render import wordings

    versions = [
        {"text": "We will go", "article_id": "b", "span": [0, 10], "speaker_name": "Lund"},
        {"text": "and stay.", "article_id": "a", "span": [30, 39], "speaker_name": "Lund"},
        {"text": "We go", "article_id": "a", "span": [5, 10], "speaker_name": "Ida Lund"},
        {"text": "We go", "article_id": "a", "span": [50, 55], "speaker_name": "Lund"},
    ]
    found = [(w.article_id, w.text, w.span, w.speaker_name) for w in wordings(versions)]
    assert found == [
        ("b", "We will go", [0, 10], "Lund"),
        ("a", "We go … and stay.", [5, 10], "Ida Lund"),  # the same words twice: once
    ]


def test_the_wording_shown_in_quote_marks_is_one_an_article_quotes_not_one_it_reports():
    from corroborate.out.render import wordings

    versions = [
        {"text": "the city would rebuild", "article_id": "b", "span": [0, 22], "indirect": True},
        {"text": "We will rebuild", "article_id": "a", "span": [9, 24], "indirect": False},
        {"text": "they would rebuild", "article_id": "c", "span": [3, 21], "indirect": True},
    ]
    assert [w.article_id for w in wordings(versions)] == ["a", "b", "c"]


def test_the_html_page_counts_pieces_cut_in_the_singular_and_the_plural():
    one = make_article("o", "Ferries run all night.")
    one.removed.append(Removed("Sign up here", "share_prompt"))
    two = make_article("t", "Buses run all day.")
    two.removed += [Removed("Sign up here", "share_prompt"), Removed("Share this", "residue")]
    page = to_html(Brief([one, two], [], []))
    assert "1 piece cut as junk" in page and "2 pieces cut as junk" in page


def test_a_commitment_told_only_in_garbled_wording_is_named_but_not_listed():
    brief, ahead, _ = _with_a_second_commitment(
        "The council pledged to study routes . safe and cheap routes for the ferry.",
        "pledged to study routes . safe and cheap routes for the ferry",
        "pledged",
        earlier=False,
        garbled="a stray full stop",
    )
    assert to_dict(brief)["stories"][0]["commitments"][1]["garbled"] == "a stray full stop"
    for page, end in ((to_markdown(brief), "\n## "), (to_html(brief), "<section")):
        start = page.index("What happens next")
        section = page[start : page.index(end, start)]
        assert ahead.text in section
        assert "study routes" not in section  # the article's text keeps it; the list does not
        # what is left out and why, in plain words, with the article to read it in
        assert (
            "One more next step is not listed: the only article reporting it tells it in a "
            "sentence too garbled to quote (a stray full stop). Read it there:"
        ) in section
        assert "[1]" in section.split("Read it there:")[1][:60]


def test_a_brief_with_no_story_says_so_and_why():
    walled = make_article("w", "")
    walled.not_news = "no article on the page: only a cookie consent notice (1 line)"
    brief = Brief([walled], [], [Rejected("x.pdf", "PDF files are not supported")])
    markdown, page = to_markdown(brief), to_html(brief)
    expected = "No news story was found in the 1 article read: 1 is not news"
    assert markdown.startswith(f"# No story\n\n_{expected}")
    assert "1 input could not be read" in markdown
    assert "<h1>No story</h1>" in page and expected in page
    assert "# No story" not in to_markdown(small_brief())


def test_a_brief_of_no_article_shows_no_empty_section():
    brief = Brief([], [], [Rejected("empty/", "folder holds no files to read")])
    markdown, page = to_markdown(brief), to_html(brief)
    assert "## Sources" not in markdown and "## What was cut" not in markdown
    assert "<table>" not in page and 'id="articles"' not in page
    assert "folder holds no files to read" in markdown and "folder holds no files to read" in page


def test_an_event_labelled_by_one_article_s_headline_cites_that_article_for_its_words():
    # the event's label is article b's own title ([2]); a ([1]) reports the event too
    a, b = make_article("a", "x"), make_article("b", "y")
    b.title = "Bridge shut"
    ferries = Event("s1-e2", "Ferries", None, None, ("b",))
    story = replace(hand_made_story(), events=(*hand_made_story().events, ferries))
    md, html = to_markdown(Brief([a, b], [story], [])), to_html(Brief([a, b], [story], []))
    assert "Bridge shut [2] _(the headline of [2]; the event is reported by [1][2])_" in md
    line = next(ln for ln in html.splitlines() if "Bridge shut" in ln and "<li>" in ln)
    mine, reported = line.split("the event is reported by")
    assert 'title="the headline of' in mine and 'href="#article-1"' not in mine
    assert 'href="#article-1"' in reported and 'href="#article-2"' in reported
    # a label no article has as its title (made from a lead) cites every article, as before
    b.title = "Ferry news"
    md = to_markdown(Brief([a, b], [story], []))
    assert "Bridge shut [1][2]" in md and "the headline of" not in md
