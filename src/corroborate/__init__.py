"""corroborate: cited, cross-checked briefs from a pile of news articles about one story."""

import sys as _sys

__version__ = "0.1.0"


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
        if cls in _sys.meta_path:
            _sys.meta_path.remove(cls)
        if cls.stands_aside():
            return None
        spec = None
        for finder in _sys.meta_path:  # the spec the import system would have found
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


# --- Keep thinc (and so spaCy) from importing torch -----------------------------------------
# thinc.compat runs `try: import torch` when it is first imported, which is part of every
# `import spacy`; that alone costs ~2 s of a ~4 s spaCy import here, and nothing on our default
# path needs it (en_core_web_sm is a CNN run by thinc's numpy ops, the default embedder is numpy;
# see corroborate.embed.minilm). So if neither thinc nor torch is loaded yet when corroborate is
# imported, a one-shot import hook makes thinc.compat's module body run with
# sys.modules["torch"] = None (its `import torch` then fails fast and thinc records
# has_torch = False) and deletes that entry again right after, so a later real `import torch`
# (`--embedder sentence-transformers`) still works. The hook is installed before any of our
# modules can import spaCy (text.py does at import time), costs nothing until thinc loads, and
# stands aside if torch is imported first. To let thinc use torch (e.g. a transformer spaCy
# pipeline), import torch or thinc before corroborate.
class _ThincWithoutTorch(_LoadOnceWrapped):
    name = "thinc.compat"

    @classmethod
    def stands_aside(cls):
        return "torch" in _sys.modules  # torch came first: let thinc use it

    @classmethod
    def wrap(cls, exec_module):
        def exec_without_torch(module):
            blocked = "torch" not in _sys.modules
            if blocked:
                _sys.modules["torch"] = None  # `import torch` raises ImportError meanwhile
            try:
                exec_module(module)
            finally:
                if blocked and "torch" in _sys.modules and _sys.modules["torch"] is None:
                    del _sys.modules["torch"]

        return exec_without_torch


# --- Keep spaCy's command line from loading with spaCy ---------------------------------------
# spaCy's __init__ runs `from .cli.info import info` (to offer `spacy.info()`), which imports
# every spaCy command and with them weasel, requests, httpx and jinja2: about 0.4 s of a cold
# `corroborate brief`, for commands we never run. So when corroborate is imported before spaCy,
# spaCy's __init__ runs with a stand-in `spacy.cli.info` whose `info` imports the real one when
# called. The stand-ins are removed from sys.modules as soon as spaCy's __init__ returns, so a
# later `import spacy.cli` (spaCy's own command line, `spacy.cli.download`...) loads the real
# package as usual.
class _SpacyWithoutCli(_LoadOnceWrapped):
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
            if any(name in _sys.modules for name in stand_ins):
                return exec_module(module)
            _sys.modules.update(stand_ins)
            try:
                exec_module(module)
            finally:
                for name, stand_in in stand_ins.items():
                    if _sys.modules.get(name) is stand_in:
                        del _sys.modules[name]
                if getattr(module, "cli", None) is cli:
                    del module.cli

        return exec_without_cli


if "thinc" not in _sys.modules and "torch" not in _sys.modules:
    _sys.meta_path.insert(0, _ThincWithoutTorch)
if "spacy" not in _sys.modules:
    _sys.meta_path.insert(0, _SpacyWithoutCli)
