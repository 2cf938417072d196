"""The brief's JSON, byte for byte, on every corpus we have: a change of code that is meant to keep
behaviour (a move, a rename, a new layout) must leave these files as they are.

A change that is meant to change the brief updates them, and the diff of ``tests/data/golden/``
shows exactly what it changed::

    CORROBORATE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_same_json.py

Paths in the JSON are written relative to the repository (the seed relative to its parent), so
the files do not depend on where the checkout lies.
"""

from __future__ import annotations

import difflib
import itertools
import json
import os
from pathlib import Path

import pytest

from corroborate.out.render import to_dict
from corroborate.pipeline import build_brief
from tests.conftest import EXAMPLE, ROOT, SEED

pytestmark = pytest.mark.slow

GOLDEN = ROOT / "tests" / "data" / "golden"
STORIES = ROOT / "tests" / "data" / "stories"
PAGES = ROOT / "tests" / "data" / "pages"

CORPORA: dict[str, list[Path]] = {
    "seed": [SEED],
    "example": [EXAMPLE],
    "drug-recall": [STORIES / "drug-recall"],
    "football-transfer": [STORIES / "football-transfer"],
    "wildfire": [STORIES / "wildfire"],
    "pile": [PAGES / "pile"],
    "ransomware": [PAGES / "ransomware"],
    "french": [ROOT / "tests" / "data" / "french"],
    "mixture": [SEED, EXAMPLE, *sorted(p for p in STORIES.iterdir() if p.is_dir())],
}


def relative_paths(document: dict) -> dict:
    """The document with every article and rejected path written relative to the checkout."""
    bases = [(str(ROOT) + os.sep, ""), (str(ROOT.parent) + os.sep, "../")]

    def relative(path: str) -> str:
        for base, prefix in bases:
            if path.startswith(base):
                return prefix + path[len(base) :]
        return path

    for item in document["articles"] + document["rejected"]:
        item["path"] = relative(item["path"])
    return document


def brief_json(paths: list[Path], nlp, minilm) -> str:
    document = relative_paths(to_dict(build_brief(paths, nlp=nlp, embedder=minilm)))
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_brief_json_is_unchanged(name, nlp, minilm):
    paths = CORPORA[name]
    if SEED in paths and not SEED.is_dir():
        pytest.skip(f"seed corpus not found at {SEED}")
    produced = brief_json(paths, nlp, minilm)
    golden = GOLDEN / f"{name}.json"
    if os.environ.get("CORROBORATE_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if produced != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), produced.splitlines(), "golden", "now", n=2, lineterm=""
        )
        shown = "\n".join(itertools.islice(diff, 60))
        pytest.fail(f"the brief of {name!r} differs from {golden.name}:\n{shown}")
