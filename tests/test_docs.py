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
