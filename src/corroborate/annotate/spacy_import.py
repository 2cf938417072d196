"""``import spacy`` without what the brief never uses, once, when the first model loads.

- **thinc's torch support.** ``thinc.compat`` runs ``try: import torch`` when it is first
  imported, which is part of every ``import spacy``: about 2 s of a 4 s spaCy import, and nothing
  on the default path needs it (``en_core_web_sm`` is a CNN run by thinc's numpy ops; the default
  embedder is numpy). So while thinc.compat's module body runs, ``sys.modules["torch"]`` is None
  (its ``import torch`` fails fast and thinc records ``has_torch = False``); the entry is removed
  right after, so a later real ``import torch`` (``--embedder sentence-transformers``) works.
  If torch or thinc is loaded already, thinc is left as it is.
- **spaCy's command line.** spaCy's ``__init__`` runs ``from .cli.info import info`` (to offer
  ``spacy.info()``), which imports every spaCy command and with them weasel, requests, httpx and
  jinja2: about 0.4 s of a cold ``corroborate brief``. While spaCy's ``__init__`` runs, a
  stand-in ``spacy.cli.info`` offers an ``info`` that imports the real one when called; the
  stand-ins leave ``sys.modules`` as soon as ``__init__`` returns, so ``import spacy.cli`` later
  loads the real package.

Both are one-shot import hooks installed by :func:`import_spacy` for the length of one
``import spacy`` and removed after it: importing corroborate changes nothing in the process.
"""

from __future__ import annotations

import sys
from types import ModuleType


class _LoadOnceWrapped:
    """A ``sys.meta_path`` finder that wraps the loading of one module (``name``), once.

    It finds the spec the import system would have found and replaces that spec's own loader's
    ``exec_module`` by ``wrap(exec_module)``; then it leaves ``sys.meta_path``.
    """

    name = ""

    @classmethod
    def stands_aside(cls):
        return False

    @classmethod
    def wrap(cls, exec_module):
        raise NotImplementedError

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname != cls.name:
            return None
        if cls in sys.meta_path:
            sys.meta_path.remove(cls)
        if cls.stands_aside():
            return None
        spec = None
        for finder in sys.meta_path:  # the spec the import system would have found
            if isinstance(finder, type) and issubclass(finder, _LoadOnceWrapped):
                continue
            find = getattr(finder, "find_spec", None)
            spec = find(fullname, path, target) if find else None
            if spec is not None:
                break
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader.exec_module = cls.wrap(spec.loader.exec_module)  # this spec's own loader
        return spec


class _ThincWithoutTorch(_LoadOnceWrapped):
    """thinc.compat, loaded while ``import torch`` fails fast (unless torch came first)."""

    name = "thinc.compat"

    @classmethod
    def stands_aside(cls):
        return "torch" in sys.modules  # torch came first: let thinc use it

    @classmethod
    def wrap(cls, exec_module):
        def exec_without_torch(module):
            blocked = "torch" not in sys.modules
            if blocked:
                sys.modules["torch"] = None  # `import torch` raises ImportError meanwhile
            try:
                exec_module(module)
            finally:
                if blocked and "torch" in sys.modules and sys.modules["torch"] is None:
                    del sys.modules["torch"]

        return exec_without_torch


class _SpacyWithoutCli(_LoadOnceWrapped):
    """spaCy's ``__init__``, run with a stand-in ``spacy.cli.info`` that loads on demand."""

    name = "spacy"

    @classmethod
    def wrap(cls, exec_module):
        def exec_without_cli(module):
            import types

            def info(*args, **kwargs):
                from spacy.cli.info import info as real_info

                return real_info(*args, **kwargs)

            cli = types.ModuleType("spacy.cli")
            cli.__path__ = []  # nothing else can load under the stand-in
            cli_info = types.ModuleType("spacy.cli.info")
            cli_info.info = info
            cli.info = cli_info
            stand_ins = {"spacy.cli": cli, "spacy.cli.info": cli_info}
            if any(name in sys.modules for name in stand_ins):
                return exec_module(module)
            sys.modules.update(stand_ins)
            try:
                exec_module(module)
            finally:
                for name, stand_in in stand_ins.items():
                    if sys.modules.get(name) is stand_in:
                        del sys.modules[name]
                if getattr(module, "cli", None) is cli:
                    del module.cli

        return exec_without_cli


def import_spacy() -> ModuleType:
    """spaCy, imported without thinc's torch support and spaCy's command line (see the module
    doc) when it is not imported yet; as it is, when it is."""
    if "spacy" in sys.modules:
        import spacy

        return spacy
    hooks: list[type[_LoadOnceWrapped]] = [_SpacyWithoutCli]
    if "thinc" not in sys.modules and "torch" not in sys.modules:
        hooks.append(_ThincWithoutTorch)
    for hook in hooks:
        sys.meta_path.insert(0, hook)
    try:
        import spacy
    finally:
        for hook in hooks:
            if hook in sys.meta_path:
                sys.meta_path.remove(hook)
    return spacy
