"""The README and the CLI keep each other honest."""

import re

import pytest
from typer.testing import CliRunner

from corroborate.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def readme_commands():
    block = re.search(r"```bash\n(.*?)```", README, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.strip().splitlines()]


def test_readme_opens_with_the_setup_and_the_test_command():
    assert README.index("```bash") < README.index("\n## ")
    assert readme_commands() == ["bash scripts/demo", ".venv/bin/python -m pytest"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert readme_commands()[1] in ci


@pytest.mark.parametrize("command", ["brief", "add", "serve"])
def test_every_command_has_help_and_is_documented(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output
    assert f"corroborate {command}" in README


def bash_commands(text: str = README) -> list[str]:
    """Every command line of every ``bash`` block, without its comment."""
    blocks = re.findall(r"```bash\n(.*?)```", text, re.S)
    lines = (line.split(" #")[0].strip() for block in blocks for line in block.splitlines())
    return [line for line in lines if line]


CORROBORATE_COMMANDS = [
    c for c in bash_commands() if c.startswith(("corroborate ", "python -m corroborate"))
]


def parsed(command: str) -> dict[str, object] | None:
    """The parameters of a README command line as the CLI parses them (without running it);
    None for a --help."""
    import shlex

    import click
    import typer

    words = shlex.split(command)
    words = words[1:] if words[0] == "corroborate" else words[3:]
    group = typer.main.get_command(app)
    try:
        if words[0].startswith("-"):  # the program's own options: --help, --version
            group.make_context("corroborate", words)
            return None
        name, *rest = words
        command_object = group.get_command(click.Context(group), name)
        assert command_object is not None, f"no such command: {name}"
        return command_object.make_context(name, rest).params
    except (click.exceptions.Exit, typer.Exit) as done:
        assert done.exit_code == 0
        return None


def test_the_readme_says_how_to_have_the_command_before_using_it():
    assert README.index("source .venv/bin/activate") < README.index("\ncorroborate ")


@pytest.mark.parametrize("command", CORROBORATE_COMMANDS)
def test_every_readme_command_parses_and_reads_what_a_clone_has(command):
    """The README's commands run as written in a fresh clone: they parse, what they read is
    in the repository, and what they write goes to a folder that exists."""
    params = parsed(command)
    if params is None:
        return
    for path in [*(params.get("paths") or []), params.get("manifest")]:
        if path is not None:
            inside = (ROOT / path).resolve().is_relative_to(ROOT.resolve())
            assert inside and (ROOT / path).exists(), f"{command}: {path} is not in a clone"
    for option in ("json_out", "markdown", "html", "db"):
        target = params.get(option)
        if target is not None and str(target) != "-":
            assert (ROOT / target).parent.is_dir(), f"{command}: no folder for {target}"


def test_the_readme_commands_are_checked():
    assert len(CORROBORATE_COMMANDS) >= 5
    assert any(c.startswith("corroborate serve") for c in CORROBORATE_COMMANDS)
