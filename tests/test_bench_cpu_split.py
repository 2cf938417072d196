"""The CPU split bench's clock (bench/cpu_split.py): a stage's own work, the embedding out."""

from __future__ import annotations

import time

from tests.conftest import load_bench

cpu_split = load_bench("cpu_split")


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
