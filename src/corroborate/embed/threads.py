"""How many threads numerical libraries use while two cores share the brief."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

_MATH_LOCK = threading.Lock()


_MATH_USERS = 0


_MATH_LIMITS = ExitStack()  # undoes the limits when the last holder leaves


_CONTROLLER: list[Any] = []  # [threadpoolctl controller, the shared objects then loaded]


def _blas_controller() -> Any:
    """threadpoolctl's view of the loaded native libraries, made again only when shared
    objects have been loaded since (scipy, say, brings its own OpenBLAS): making it scans them
    all, ~40 ms once torch is loaded."""
    from threadpoolctl import ThreadpoolController

    loaded = _shared_objects()
    if not _CONTROLLER or loaded is None or _CONTROLLER[1] != loaded:
        _CONTROLLER[:] = [ThreadpoolController(), loaded]
    return _CONTROLLER[0]


def _shared_objects() -> int | None:
    """How many shared objects this process has loaded (glibc's ``dl_iterate_phdr``), or None
    where that cannot be asked."""
    import ctypes

    try:
        iterate = ctypes.CDLL(None).dl_iterate_phdr
    except (AttributeError, OSError):
        return None
    count = 0

    @ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)
    def visit(info: Any, size: int, data: Any) -> int:
        nonlocal count
        count += 1
        return 0

    iterate(visit, None)
    return count


@contextmanager
def single_threaded_math() -> Iterator[None]:
    """Numerical libraries compute on one thread each while any holder is inside this block:
    BLAS (numpy's OpenBLAS, which runs the default MiniLM encoder) through threadpoolctl, and
    torch's own pool when torch is already loaded (the sentence-transformers embedder; torch is
    never imported here).

    The settings are process-wide, not per thread. That is what the background embedding wants:
    spaCy on the main thread computes with blis (compiled into thinc, single-threaded and
    outside threadpoolctl's reach) and the embedding threads each run on one core rather than
    oversubscribing two. Holders are counted (two briefs at once in the web app): the first in
    sets the limits, the last out restores them.
    """
    global _MATH_USERS
    with _MATH_LOCK:
        if _MATH_USERS == 0:
            _MATH_LIMITS.enter_context(_blas_controller().limit(limits=1, user_api="blas"))
            torch = sys.modules.get("torch")
            if torch is not None and torch.get_num_threads() != 1:
                _MATH_LIMITS.callback(torch.set_num_threads, torch.get_num_threads())
                torch.set_num_threads(1)
        _MATH_USERS += 1
    try:
        yield
    finally:
        with _MATH_LOCK:
            _MATH_USERS -= 1
            if _MATH_USERS == 0:
                _MATH_LIMITS.close()


@contextmanager
def openmp_threads() -> Iterator[None]:
    """OpenMP pools (the multilingual engine's, :mod:`corroborate.embed.multilingual`) on one
    thread while any holder is inside :func:`single_threaded_math` (another thread computes
    on the other core), as they are otherwise (one thread per core). Only for the length of
    the block: other OpenMP users are left as they were."""
    if _MATH_USERS == 0:
        yield
        return
    with _blas_controller().limit(limits=1, user_api="openmp"):
        yield
