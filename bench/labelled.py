"""Benchmark figures kept under a label, beside the figures of earlier labels, in one results
file (so a before/after stays in one place), each with the command that made it."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any


def keep(results: Path, label: str, figures: dict[str, Any], script: str) -> None:
    """Write ``figures`` under ``label`` in ``results`` (other labels kept), with the command
    (``script`` and this run's arguments) and the day, and print them."""
    command = f"PYTHONPATH=src .venv/bin/python {script} " + " ".join(sys.argv[1:])
    kept = json.loads(results.read_text("utf-8")) if results.exists() else {}
    kept[label] = {"command": command.strip(), "date": dt.date.today().isoformat(), **figures}
    results.write_text(json.dumps(kept, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
