"""The package's layout holds: no import circle, no import from a higher layer, and the
README's picture is the graph the code has."""

from tests.conftest import ROOT
from tests.layout import LAYER_OF, cycles, import_graph, mermaid, part, upward_imports


def test_no_module_imports_itself_round_a_circle():
    assert cycles(import_graph()) == []


def test_no_part_imports_from_a_layer_above_its_own():
    assert upward_imports(import_graph()) == []


def test_every_part_has_a_layer():
    parts = {part(m) for m in import_graph()} - {"corroborate"}
    assert parts <= set(LAYER_OF)


def test_the_readme_draws_the_layout_the_code_has():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"```mermaid\n{mermaid(import_graph())}\n```" in readme, (
        "redraw the README's picture: `.venv/bin/python -m tests.layout --readme`"
    )


def test_a_circle_and_an_upward_import_are_found():
    graph = {
        "corroborate.read.a": {"corroborate.compare.b"},
        "corroborate.compare.b": {"corroborate.read.a"},
    }
    assert cycles(graph) == [["corroborate.compare.b", "corroborate.read.a"]]
    assert upward_imports(graph) == [("corroborate.read.a", "corroborate.compare.b")]
