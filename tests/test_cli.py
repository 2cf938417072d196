"""The command line with hostile or mistaken input: what does not exist, a broken manifest, a
store that cannot be written, and the server's timeouts; counts in plain English."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from corroborate import cli
from corroborate.app.store import Store
from corroborate.cli import app
from tests.conftest import EXAMPLE


def run(*args: object):
    """The command's result, its messages on lines as long as they are (no wrapping)."""
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "1000"})


@pytest.mark.parametrize("command", ["brief", "add"])
def test_inputs_that_do_not_exist_are_a_usage_error_and_nothing_is_written(tmp_path, command):
    missing = tmp_path / "shared" / "corpus" / "us-mexico-migration-talks"
    out, db = tmp_path / "brief.json", tmp_path / "s.db"
    options = ["--json", out] if command == "brief" else ["--db", db]
    result = run(command, missing, tmp_path / "nope.txt", *options)
    assert result.exit_code == 2, result.output
    assert f"{missing}: no such file or folder" in result.output
    assert "nothing to read" in result.output
    assert not out.exists() and not db.exists()


@pytest.mark.parametrize("command", ["brief", "add"])
def test_a_malformed_manifest_given_with_manifest_is_a_usage_error(tmp_path, command):
    manifest = tmp_path / "m.csv"
    manifest.write_text('file,outlet\n01.txt,"Coastal Tribune\n', encoding="utf-8")
    out, db = tmp_path / "brief.json", tmp_path / "s.db"
    options = ["--json", out] if command == "brief" else ["--db", db]
    result = run(command, EXAMPLE, "--manifest", manifest, *options)
    assert result.exit_code == 2, result.output
    assert "line 2" in result.output and "never closed" in result.output
    assert not out.exists() and not db.exists()


def test_adding_to_a_read_only_store_is_one_line_and_exit_1(tmp_path, request):
    db = tmp_path / "s.db"
    Store(db).close()
    request.getfixturevalue("read_only")
    result = run("add", EXAMPLE, "--db", db, "--embedder", "hashing")
    assert result.exit_code == 1, result.output
    assert result.output.startswith("error: ") and "is read-only" in result.output
    assert "Traceback" not in result.output


def test_adding_to_a_store_in_a_folder_that_does_not_exist_says_so(tmp_path):
    result = run("add", EXAMPLE, "--db", tmp_path / "nowhere" / "s.db", "--embedder", "hashing")
    assert result.exit_code == 1, result.output
    assert "does not exist" in result.output and "not a corroborate database" not in result.output


def test_serve_sets_the_header_and_keep_alive_timeouts(tmp_path, monkeypatch):
    import uvicorn

    started = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda server, *a, **k: started.append(server))
    result = run(
        "serve", "--db", tmp_path / "s.db", "--timeout-headers", "3", "--timeout-keep-alive", "2"
    )
    assert result.exit_code == 0, result.output
    (server,) = started
    assert server.config.timeout_keep_alive == 2
    assert server.config.http.header_timeout == 3


@pytest.mark.slow
def test_a_one_article_brief_counts_in_the_singular(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "Engineers closed the harbour bridge in Porthaven on Friday after finding cracks.\n",
        encoding="utf-8",
    )
    result = run(
        "brief",
        story,
        tmp_path / "gone.txt",
        "--json",
        tmp_path / "b.json",
        "--embedder",
        "hashing",
    )
    assert result.exit_code == 1, result.output
    assert "1 article, 1 story, 1 input rejected -> " in result.output


def test_the_terminal_brief_cites_sources_in_the_order_of_their_numbers(tmp_path):
    result = run("brief", EXAMPLE, "--embedder", "hashing")
    assert result.exit_code == 0, result.output
    runs = [re.findall(r"\[(\d+)\]", r) for r in re.findall(r"(?:\[\d+\]){2,}", result.output)]
    assert runs, result.output  # the example's claims cite several articles
    for numbers in runs:
        cited = [int(n) for n in numbers]
        assert cited == sorted(set(cited)), cited


def test_the_terminal_brief_cites_a_headline_and_a_sentence_to_their_own_article():
    """As the Markdown and HTML briefs: an event labelled by one article's headline cites that
    article for its words, and a next step cites its own sentence's article, the other
    articles telling the same apart."""
    from corroborate.model import Brief, Event
    from tests.conftest import make_article
    from tests.test_render import hand_made_story

    a, b = make_article("a", "x"), make_article("b", "y")
    b.title = "Bridge shut"
    ferries = Event("s1-e2", "Ferries", None, None, ("b",))
    story = hand_made_story()
    step = story.commitments[0]  # article a's sentence, told by b too
    step = replace(step, sources=("a", "b"))
    story = replace(story, events=(*story.events, ferries), commitments=(step,))
    with cli.out.capture() as captured:
        cli._print_brief(Brief([a, b], [story], []))
    text = " ".join(captured.get().split())
    assert "Bridge shut [2] (the headline of [2]; the event is reported by [1][2])" in text
    assert "Ferries will run. [1] (the same commitment, told in their own words: [2])" in text


CONSENT_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><div class="consent">{body}</div></body></html>
"""


def test_pages_of_nothing_but_a_cookie_notice_or_a_paywall_are_listed_as_no_article(tmp_path):
    """Never a story, never dropped: each page is listed as not news with what it held."""
    import json

    pages = {
        "cookies.html": ("Cookies", "<p>Cookies! Accept all.</p>"),
        "consent.html": (
            "Example Daily",
            "<p>We use cookies to improve your experience.</p><p>Accept all / Manage settings</p>",
        ),
        "paywall.html": ("Subscribe", "<p>This content is for subscribers only.</p>"),
        "script.html": ("", "<p>Please enable JavaScript in your browser to continue.</p>"),
    }
    for name, (title, body) in pages.items():
        (tmp_path / name).write_text(CONSENT_PAGE.format(title=title, body=body), "utf-8")
    out, md = tmp_path / "b.json", tmp_path / "b.md"
    result = run("brief", tmp_path, "--json", out, "--markdown", md, "--embedder", "hashing")
    assert result.exit_code == 0, result.output
    assert "4 articles, 0 stories, 4 not news -> " in result.output
    brief = json.loads(out.read_text("utf-8"))
    assert brief["stories"] == [] and brief["rejected"] == []
    reasons = {n["id"]: n["reason"] for n in brief["not_news"]}
    assert reasons["cookies"].startswith("no article on the page: only a cookie consent notice")
    assert reasons["consent"].startswith("no article on the page: only a cookie consent notice")
    assert reasons["paywall"].startswith("no article on the page: only subscription")
    assert reasons["script"].startswith(("no article on the page", "the site's answer"))
    assert all(a["removed"] for a in brief["articles"])  # what each held is kept, with its reason
    assert md.read_text("utf-8").startswith("# No story\n\n_No news story was found in the 4")


def test_the_terminal_says_plainly_why_a_next_step_is_not_listed(monkeypatch) -> None:
    from rich.console import Console

    from corroborate.model import Span, Story, StoryCommitment

    garbled = StoryCommitment(
        "The council pledged to study routes . safe and cheap routes for the ferry.",
        ("council",),
        ("a", "b"),
        Span("a", 0, 74),
        "pledged to study routes . safe and cheap routes for the ferry",
        "pledged",
        earlier=False,
        garbled="a stray full stop",
    )
    story = Story("s1", "Ferry routes", ["a", "b"], commitments=(garbled,))
    console = Console(record=True, width=400)
    monkeypatch.setattr(cli, "out", console)
    cli._print_next_steps(story, lambda ids: "".join(f"[{n}]" for n, _ in enumerate(ids, 2)))
    text = console.export_text()
    assert "What happens next" in text and "study routes" not in text
    assert (
        "One more next step is not listed: the 2 articles reporting it all tell it in sentences "
        "too garbled to quote (a stray full stop). Read it there: [2][3]"
    ) in text
