"""The CPU split bench's clock (bench/cpu_split.py): a stage's own work, the embedding out."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "bench" / "cpu_split.py"
_SPEC = importlib.util.spec_from_file_location("cpu_split", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
cpu_split = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("cpu_split", cpu_split)
_SPEC.loader.exec_module(cpu_split)


def _busy(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_stage_less_its_embedding_is_its_own_work():
    clock = cpu_split.Clock()
    encode = clock.timed(cpu_split.EMBEDDING, lambda: _busy(0.2))

    def stage() -> None:
        _busy(0.05)
        encode()

    clock.timed("brief: group_facts", stage)()
    clock.timed("brief: summarize", lambda: _busy(0.05))()
    own = clock.less_embedding("brief: ")
    assert set(own) == {"group_facts", "summarize"}  # the embedding is no stage of its own
    assert clock.seconds["brief: group_facts"] >= 0.25  # nested: the embedding counted in it
    assert 0.04 <= own["group_facts"] < 0.15
    assert 0.04 <= own["summarize"] < 0.15
