"""End to end with the real models: the bundled example and (when present) the seed story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corroborate.cli import app
from corroborate.out.render import to_dict, validate
from corroborate.pipeline import build_brief
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def example_brief(nlp, minilm):
    return build_brief([EXAMPLE], nlp=nlp, embedder=minilm)


@pytest.fixture(scope="module")
def seed_brief(nlp, minilm):
    from tests.conftest import SEED

    if not SEED.is_dir():
        pytest.skip(f"seed corpus not found at {SEED}")
    return build_brief([SEED], nlp=nlp, embedder=minilm)


def assert_traceable(document):
    """Every cited sentence is the exact text of the article at the given span."""
    texts = {a["id"]: a["text"] for a in document["articles"]}
    for story in document["stories"]:
        for item in story["summary"] + story["facts"]:
            start, end = item["span"]
            assert texts[item["article_id"]][start:end] == item["text"]
            assert item["article_id"] in item["sources"]
            assert set(item["sources"]) <= set(story["article_ids"])


def test_example_brief_is_valid_traceable_and_summarised(example_brief):
    document = to_dict(example_brief)
    validate(document)
    assert_traceable(document)
    story = document["stories"][0]
    assert 5 <= len(story["summary"]) <= 10
    assert any(len(item["sources"]) >= 3 for item in story["summary"])
    assert document["rejected"] == []


def test_example_outlets_come_from_manifest_html_dateline_and_sign_off(example_brief):
    outlets = {a.id: a.outlet for a in example_brief.articles}
    assert outlets["01_coastal_tribune"] == "Coastal Tribune"  # manifest
    assert outlets["02_meridian_wire"] == "Meridian Wire"  # dateline only
    assert outlets["06_national_ledger"] == "The National Ledger"  # HTML site name


def test_example_syndicated_copy_counts_once(example_brief):
    story = example_brief.stories[0]
    assert ["02_meridian_wire", "03_aldermont_herald"] in story.copies
    for fact in story.facts:
        if set(fact.sources) == {"02_meridian_wire", "03_aldermont_herald"}:
            assert fact.outlets == 1


def test_seed_junk_is_cut_with_reasons_and_no_body_sentence_is_lost(seed_brief):
    by_id = {a.id[:3]: a for a in seed_brief.articles}
    reasons = {key: {r.reason for r in a.removed} for key, a in by_id.items()}
    assert "comments" in reasons["000"] and "outlet_signature" in reasons["000"]
    assert "related_link" in reasons["001"]
    assert {"comment_form", "cookie_banner", "outlet_signature", "subheading"} <= reasons["002"]
    assert {"caption", "photo_credit"} <= reasons["004"]
    cut_004 = " ".join(r.text for r in by_id["004"].removed)
    assert "1/2" in cut_004 and "source site-59" in cut_004
    # Comments are gone from the body; the article's own bullet list is not.
    assert "Well said." not in by_id["000"].text
    assert (
        "Enhanced enforcement actions by Mexico, including on trains and buses."
        in by_id["000"].text
    )
    assert "Bajo Chiquito" not in by_id["004"].text  # a photo caption
    assert "more than 3,000 km of border" in by_id["004"].text
    assert "Your email address" not in by_id["002"].text
    assert "poisoning the blood of our country" in by_id["002"].text


def test_seed_outlets_that_sign_are_found(seed_brief):
    outlets = {a.id[:3]: a.outlet for a in seed_brief.articles}
    assert outlets["000"] == "Mexico News Daily"
    assert outlets["002"] == "Las Vegas News Magazine"
    assert outlets["003"] == "Washington Insider Magazine"


def test_seed_summary_cites_every_outlet_that_agrees(seed_brief):
    story = seed_brief.stories[0]
    assert 5 <= len(story.summary) <= 10
    document = to_dict(seed_brief)
    validate(document)
    assert_traceable(document)
    # The Trump quote is told by two outlets: any summary sentence carrying it cites both.
    trump = [f for f in story.facts if "poisoning the blood" in f.sentence.text]
    assert trump and {s[:3] for s in trump[0].sources} == {"002", "004"}


def test_cli_writes_all_outputs_and_exits_1_when_an_input_is_rejected(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("   \n")
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(
        app,
        [
            "brief",
            str(EXAMPLE),
            str(bad),
            str(tmp_path / "missing.txt"),
            "--json",
            str(out),
            "--markdown",
            str(tmp_path / "b.md"),
            "--html",
            str(tmp_path / "b.html"),
        ],
    )
    assert result.exit_code == 1, result.output
    document = json.loads(out.read_text("utf-8"))
    validate(document)
    assert {r["path"] for r in document["rejected"]} == {str(bad), str(tmp_path / "missing.txt")}
    assert len(document["articles"]) == 6
    assert (tmp_path / "b.md").read_text("utf-8").startswith("# ")
    assert "<html" in (tmp_path / "b.html").read_text("utf-8")


def test_the_console_command_ends_at_once_with_every_output_whole_and_its_exit_code(tmp_path):
    # `main()` ends the process with os._exit after a brief: outputs must be complete by then.
    import os
    import subprocess
    import sys

    bad = tmp_path / "empty.txt"
    bad.write_text("")
    out, page = tmp_path / "brief.json", tmp_path / "brief.html"
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    command = [sys.executable, "-m", "corroborate", "brief", str(EXAMPLE)]
    done = subprocess.run(
        [*command, str(bad), "--json", str(out), "--html", str(page)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "rejected" in done.stderr and "6 articles" in done.stderr
    validate(json.loads(out.read_text("utf-8")))
    assert page.read_text("utf-8").rstrip().endswith("</html>")
    printed = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert printed.returncode == 0, printed.stderr
    assert "Porthaven" in printed.stdout


def test_cli_usage_errors_exit_2_and_version_prints():
    runner = CliRunner()
    assert runner.invoke(app, ["brief"]).exit_code == 2
    assert runner.invoke(app, ["brief", "x", "--no-such-option"]).exit_code == 2
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and "corroborate" in version.output


def test_unwritable_outputs_and_unknown_embedders_are_usage_errors(tmp_path):
    runner = CliRunner()
    for args in (
        ["--json", str(tmp_path / "no" / "such" / "folder.json")],
        ["--markdown", str(tmp_path)],  # a folder
        ["--json", "-", "--html", "-"],  # standard output twice
        ["--embedder", "nope"],
    ):
        result = runner.invoke(app, ["brief", str(EXAMPLE), *args])
        assert result.exit_code == 2, (args, result.output)


def test_an_output_given_as_dash_goes_to_standard_output():
    result = CliRunner().invoke(
        app, ["brief", str(EXAMPLE), "--json", "-", "--embedder", "hashing"]
    )
    assert result.exit_code == 0, result.output
    validate(json.loads(result.stdout))


def test_article_text_that_looks_like_markup_is_printed_as_written(tmp_path):
    text = (
        "Council budget [/i] rises\n\nThe council [sic] said on Monday that its [bold] budget "
        "would rise by 4 percent next year, officials confirmed after the vote.\n"
    )
    (tmp_path / "odd[b].txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["brief", str(tmp_path), "--embedder", "hashing"])
    assert result.exit_code == 0, result.output
    assert "[sic]" in result.stdout and "[bold]" in result.stdout and "odd[b]" in result.stdout


def test_a_mixed_pile_becomes_one_brief_per_story_largest_first(tmp_path):
    from tests.conftest import ROOT

    out = tmp_path / "brief.json"
    result = CliRunner().invoke(
        app, ["brief", str(EXAMPLE), str(ROOT / "tests" / "data" / "stories"), "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text("utf-8"))
    validate(document)
    stories = document["stories"]
    # the drug recall and the football transfer are whole; the wildfire's fan blog stands
    # apart (see the xfail test below), its two news reports are one story
    assert [len(s["article_ids"]) for s in stories][:3] == [6, 3, 3]
    assert sorted(len(s["article_ids"]) for s in stories[3:]) in ([3], [1, 2])
    assert {a[:2] for a in stories[0]["article_ids"]} == {"01", "02", "03", "04", "05", "06"}
    events = {e["date"]: set(e["article_ids"]) for e in stories[0]["events"]}
    assert events["2025-03-14"] == {"02_meridian_wire", "03_aldermont_herald"}
    # the answer key: the recap (06) belongs to the second meeting, though its lead is a scene
    assert events["2025-03-28"] == {
        "04_portcity_now",
        "05_courrier_du_littoral",
        "06_national_ledger",
    }
    assert events["2025-03-03"] == {"01_coastal_tribune"}
    assert [c["attribute"] for c in stories[0]["coverage"]] == ["country", "leaning"]

    narrowed = CliRunner().invoke(
        app,
        [
            "brief",
            str(EXAMPLE),
            str(ROOT / "tests" / "data" / "stories"),
            "--json",
            str(out),
            "--min-outlets",
            "4",
        ],
    )
    assert narrowed.exit_code == 0, narrowed.output
    assert [len(s["article_ids"]) for s in json.loads(out.read_text("utf-8"))["stories"]] == [6]


def test_seed_meetings_are_two_events(seed_brief):
    events = [sorted(a[:3] for a in e.article_ids) for e in seed_brief.stories[0].events]
    assert ["000", "001", "002", "004"] in events and ["003"] in events


def test_the_terminal_brief_shows_summary_disagreements_figures_and_sources():
    result = CliRunner().invoke(app, ["brief", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    for heading in ("Where the outlets disagree", "Figures compared across outlets", "Sources"):
        assert heading in result.output
    assert "1. " in result.output


def test_the_terminal_brief_lists_the_events_when_a_story_has_several():
    result = CliRunner().invoke(app, ["brief", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    events = result.output.split("Events", 1)[1].split("1. ", 1)[0]
    for day in ("2025-03-03", "2025-03-14", "2025-03-28"):
        assert f"- {day}" in events


def test_a_french_article_is_read_with_the_french_pipeline(nlp):
    from corroborate.embed.fake import HashingEmbedder
    from corroborate.pipeline import build_brief

    folder = Path(__file__).parent / "data" / "french"
    brief = build_brief([folder], nlp=nlp, embedder=HashingEmbedder())
    (article,) = brief.articles
    assert article.language == "fr"
    sentences = [s.text for s in article.sentences]
    # the guillemet opens its sentence instead of standing alone
    assert any(s.startswith("« C'est un bon accord") for s in sentences)
    assert "«" not in sentences
    people = {m.text for m in article.mentions if m.label == "PERSON"}
    assert "José Luis Arrieta Gómez" in people
    assert all(m.label != "PER" for m in article.mentions)


@pytest.mark.parametrize(
    "grouping",
    [
        ["--embedder", "hashing"],
        ["--embedder", "minilm"],
        ["--embedder", "minilm", "--stories-by-meaning"],
    ],
)
def test_a_fan_blog_about_the_fire_joins_the_fire_story(tmp_path, grouping):
    """A first-person blog tells the fire in few of the reports' words but with their names
    and figures; the English lexical model, fitted on every one-language SemEval pair, links
    it (P 0.61 and 0.66 against a link threshold of 0.60): the grouping of a brief by default.
    With ``--stories-by-meaning`` the MiniLM leads alone read the blog's lead, about the
    evacuation centre, as another story (cosine 0.14 and 0.29 with the reports'); the
    multilingual embedding of title and text, which English pairs read there too, links it."""
    from tests.conftest import ROOT

    out = tmp_path / "brief.json"
    wildfire = ROOT / "tests" / "data" / "stories" / "wildfire"
    result = CliRunner().invoke(app, ["brief", str(wildfire), "--json", str(out), *grouping])
    assert result.exit_code == 0, result.output
    stories = json.loads(out.read_text("utf-8"))["stories"]
    assert [len(s["article_ids"]) for s in stories] == [3]


def test_a_headline_over_a_paywall_is_reported_and_its_wall_is_never_a_claim(tmp_path, nlp, minilm):
    """A paywalled page keeps its headline (its figures are claims), loses the meter's text to
    ``removed``, and nothing of the wall reaches the summary; a robot check with no headline
    is listed as no news, with its reason."""
    records = [
        {
            "id": "meter",
            "title": "14 hurt when tour bus slides off icy road near Lincoln",
            "outlet": "Union Ledger",
            "text": "You have reached the limit for free access to our valuable work.",
        },
        {
            "id": "wire",
            "title": "Tour bus slides off icy road near Lincoln, injuring 14",
            "outlet": "Wire",
            "text": "A tour bus slid off an icy road near Lincoln on Saturday, injuring 14 "
            "passengers, state police said.\n\nThe driver lost control on a curve, police "
            "said. Two passengers were taken to a hospital in Plymouth.",
        },
        {
            "id": "robot",
            "text": "We are sorry, but we recorded a huge amount of connections from your "
            'network.\n\nTo continue, select "I am not a robot".',
        },
    ]
    path = tmp_path / "pile.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    document = to_dict(build_brief([path], nlp=nlp, embedder=minilm))
    validate(document)
    assert document["rejected"] == []
    assert [n["id"] for n in document["not_news"]] == ["robot"]
    (story,) = document["stories"]
    assert set(story["article_ids"]) == {"meter", "wire"}
    meter = next(a for a in document["articles"] if a["id"] == "meter")
    assert meter["text"] == "" and [r["reason"] for r in meter["removed"]] == ["share_prompt"]
    assert not any("free access" in s["text"] for s in story["summary"] + story["facts"])
    assert_traceable(document)


def test_the_sentences_the_grammar_reads_are_read_again_when_the_article_changed():
    from corroborate.pipeline import grammar_sentences
    from tests.conftest import make_article

    article = make_article("g", "The council met on Monday.", "It will vote to close the bridge.")
    first = grammar_sentences(article)
    assert grammar_sentences(article) == first  # kept: asked twice, nothing changed
    shorter = make_article("g", "The council met on Monday.")
    article.text, article.sentences = shorter.text, shorter.sentences
    assert grammar_sentences(article) == grammar_sentences(shorter) != first


def test_the_objects_alive_before_a_brief_are_frozen_while_it_runs_and_only_then():
    import gc

    from corroborate.pipeline import models_frozen

    assert gc.get_freeze_count() == 0
    with models_frozen():
        frozen = gc.get_freeze_count()
        assert frozen > 0  # the objects alive before it: not walked by its collections
        with models_frozen():  # frozen already (a caller's, a brief beside): left as found
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
    assert gc.get_freeze_count() == 0  # handed back to the collector


def test_what_a_brief_leaves_for_the_collector_is_collected_before_the_models_are_handed_back():
    import gc
    import weakref

    from corroborate.pipeline import models_frozen

    class Node:
        pass

    seen = []  # whether the models were still set aside at each full collection

    def on_collect(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(gc.get_freeze_count() > 0)

    gc.callbacks.append(on_collect)
    try:
        with models_frozen():
            cycle = Node()
            cycle.self = cycle  # garbage only the cycle collector frees
            gone = weakref.ref(cycle)
            del cycle
            seen.clear()
        assert gone() is None  # collected on the way out...
        assert seen[-1:] == [True]  # ...by a full collection that left the models aside
        assert gc.get_freeze_count() == 0
    finally:
        gc.callbacks.remove(on_collect)
