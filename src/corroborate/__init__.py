"""corroborate: cited, cross-checked briefs from a pile of news articles about one story."""

import sys as _sys

__version__ = "0.1.0"


# --- Keep thinc (and so spaCy) from importing torch -----------------------------------------
# thinc.compat runs `try: import torch` when it is first imported, which is part of every
# `import spacy`; that alone costs ~2 s of a ~4 s spaCy import here, and nothing on our default
# path needs it (en_core_web_sm is a CNN run by thinc's numpy ops, the default embedder is numpy;
# see corroborate.minilm). So if neither thinc nor torch is loaded yet when corroborate is
# imported, a one-shot import hook makes thinc.compat's module body run with
# sys.modules["torch"] = None (its `import torch` then fails fast and thinc records
# has_torch = False) and deletes that entry again right after, so a later real `import torch`
# (`--embedder sentence-transformers`) still works. The hook is installed before any of our
# modules can import spaCy (text.py does at import time), costs nothing until thinc loads, and
# stands aside if torch is imported first. To let thinc use torch (e.g. a transformer spaCy
# pipeline), import torch or thinc before corroborate.
class _ThincWithoutTorch:
    """A ``sys.meta_path`` finder that only wraps the loading of ``thinc.compat``, once."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname != "thinc.compat":
            return None
        if cls in _sys.meta_path:
            _sys.meta_path.remove(cls)
        if "torch" in _sys.modules:  # torch came first: let thinc use it
            return None
        spec = None
        for finder in _sys.meta_path:  # the spec the import system would have found
            find = getattr(finder, "find_spec", None)
            spec = find(fullname, path, target) if find else None
            if spec is not None:
                break
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        exec_module = spec.loader.exec_module

        def exec_without_torch(module):
            blocked = "torch" not in _sys.modules
            if blocked:
                _sys.modules["torch"] = None  # `import torch` raises ImportError meanwhile
            try:
                exec_module(module)
            finally:
                if blocked and "torch" in _sys.modules and _sys.modules["torch"] is None:
                    del _sys.modules["torch"]

        spec.loader.exec_module = exec_without_torch  # this spec's own loader instance
        return spec


if "thinc" not in _sys.modules and "torch" not in _sys.modules:
    _sys.meta_path.insert(0, _ThincWithoutTorch)
