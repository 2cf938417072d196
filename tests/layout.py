"""The package's import graph, read from the code, and the layers it must respect.

``python -m tests.layout`` prints the graph of the package's parts as a Mermaid diagram (the
picture in the README's "How it works"; ``--readme`` puts it there); ``tests/test_layout.py`` checks that the graph has no
circle and that no part imports from a layer above its own.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

# The parts of the package, lowest first: a part may import from its own layer and those below.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("model", "errors", "text", "lang", "date_expressions", "patterns"),  # what every stage shares
    ("read", "embed"),  # inputs -> articles; sentence vectors
    ("annotate",),  # one article: spaCy and the article stages
    ("compare",),  # a story's articles -> its parts
    ("engines",),  # where the stages run
    ("pipeline",),  # the flow, handed to an engine
    ("out",),  # JSON, Markdown, HTML
    ("app",),  # store, library, web app
    ("cli", "__main__"),  # the command line
)
LAYER_OF = {part: n for n, parts in enumerate(LAYERS) for part in parts}


def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    found = {}
    for path in sorted((SRC / "corroborate").rglob("*.py")):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def part(module: str) -> str:
    """The part a module belongs to: ``corroborate.read.clean`` -> ``read``."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "corroborate"


def _runtime_imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Import statements, those under ``if TYPE_CHECKING:`` aside (they run for type checkers
    only)."""
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in skipped:
            yield node


def import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (at its top or inside a function)."""
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        targets = set()
        for node in _runtime_imports(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    targets.add(sub if sub in known else node.module)
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
        graph[name] = {t for t in targets if t in known and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def upward_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Imports from a module to one in a higher layer."""
    return sorted(
        (a, b)
        for a, targets in graph.items()
        for b in targets
        if part(a) in LAYER_OF and part(b) in LAYER_OF and LAYER_OF[part(b)] > LAYER_OF[part(a)]
    )


def mermaid(graph: dict[str, set[str]]) -> str:
    """The parts, lowest at the bottom, and how many imports run between them, as a Mermaid
    flowchart. The lowest layer (the data model and what every stage shares) is one box, drawn
    without its arrows: every part uses it."""
    base = set(LAYERS[0])
    counts = Counter(
        (part(a), part(b))
        for a, targets in graph.items()
        for b in targets
        if part(a) != part(b) and {part(a), part(b)}.isdisjoint(base | {"corroborate", "__main__"})
    )
    lines = ["flowchart BT", f'  base["{" · ".join(LAYERS[0])}"]']
    for parts in LAYERS[1:]:
        shown = [p for p in parts if p != "__main__"]
        if len(shown) > 1:
            lines.append(f'  subgraph {"_".join(shown)}[" "]')
            lines += [f"    {p}" for p in shown]
            lines.append("  end")
        else:
            lines += [f"  {p}" for p in shown]
    lines.append(f"  {LAYERS[1][0]} ~~~ base")
    lines += [f"  {a} -->|{count}| {b}" for (a, b), count in sorted(counts.items())]
    return "\n".join(lines)


def write_readme(readme: Path) -> None:
    """Put today's picture in the README, in place of the one there."""
    text = readme.read_text("utf-8")
    start = text.index("```mermaid\n") + len("```mermaid\n")
    end = text.index("```", start)
    readme.write_text(text[:start] + mermaid(import_graph()) + "\n" + text[end:], "utf-8")


if __name__ == "__main__":
    import sys

    if "--readme" in sys.argv:
        write_readme(SRC.parent / "README.md")
    else:
        print(mermaid(import_graph()))
