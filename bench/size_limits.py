"""How fast, and in how little memory, an input too large for one article is rejected.

    .venv/bin/python bench/size_limits.py [--src SRC] [--out bench/results/size_limits.json]

Writes (once; reused from --data) four inputs of 100 MB each: a text file, a JSON Lines file
whose one line is one record with a 100 MB text (and a small record after it, which must still
be read), an HTML page and a JSON file; and the worst cases the limits let through to be read:
a 4 MB text (refused for its characters once decoded) and a JSON Lines record of 16 MB. Each is then read the way ``corroborate brief`` reads
its inputs -- :func:`corroborate.read.ingest.iter_inputs` then
:func:`corroborate.read.clean.prepare` -- in a fresh process, which reports the seconds to the
verdict and the peak resident memory beyond what the process held once its imports were done.
``--src`` runs another checkout's package (e.g. the code before the early checks) for a
before/after comparison. Target: each rejected in well under a second, in a few MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = 100 * 1024 * 1024
WORDS = b"Engineers closed the harbour bridge on Friday after finding cracks. "

# Run in a fresh process per input: import, note the resident memory, read, report.
CHILD = """
import json, sys, time
from corroborate.read.clean import prepare
from corroborate.read.ingest import iter_inputs
def status_mb(field):  # VmHWM is this process's peak (ru_maxrss would carry the parent's)
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
baseline = status_mb("VmHWM")
started = time.perf_counter()
rejected = []
articles = [a.id for a in prepare(iter_inputs([sys.argv[1]]), rejected)]
seconds = time.perf_counter() - started
peak = status_mb("VmHWM")
print(json.dumps({
    "seconds": round(seconds, 3),
    "peak_rss_beyond_imports_mb": round(peak - baseline, 1),
    "articles": articles,
    "rejected": [r.reason[:160] for r in rejected],
}))
"""


def write_inputs(folder: Path) -> dict[str, Path]:
    """The four 100 MB inputs (written once)."""
    folder.mkdir(parents=True, exist_ok=True)
    filler = WORDS * (SIZE // len(WORDS))
    inputs = {
        "text_100mb": (folder / "huge.txt", filler),
        "jsonl_100mb_one_record": (
            folder / "huge.jsonl",
            json.dumps({"id": "huge", "text": filler.decode()}).encode()
            + b"\n"
            + json.dumps({"id": "small", "text": "A small article after it."}).encode()
            + b"\n",
        ),
        "html_100mb": (
            folder / "huge.html",
            b"<html><body><article><p>" + filler + b"</p></article></body></html>",
        ),
        "json_100mb": (
            folder / "huge.json",
            json.dumps([{"id": "huge", "text": filler.decode()}]).encode(),
        ),
        # The worst cases the limits let through to be read: a text just under the bytes limit
        # (read, then refused for its characters) and a record line just under the line limit.
        "text_4mb_under_the_bytes_limit": (folder / "long.txt", filler[: 4 * 10**6]),
        "jsonl_16mb_line_under_the_line_limit": (
            folder / "long.jsonl",
            json.dumps({"id": "long", "text": filler[: 16 * 10**6].decode()}).encode() + b"\n",
        ),
    }
    for path, content in inputs.values():
        if not path.exists() or path.stat().st_size != len(content):
            path.write_bytes(content)
    return {name: path for name, (path, _) in inputs.items()}


def measure(src: Path, path: Path) -> dict[str, object]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = round(time.perf_counter() - started, 2)
    result["bytes"] = path.stat().st_size
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--data", type=Path, default=Path("/tmp/corroborate-size-limits"))
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "size_limits.json")
    args = parser.parse_args()
    results = {name: measure(args.src, path) for name, path in write_inputs(args.data).items()}
    for name, result in results.items():
        print(
            f"{name}: {result['seconds']} s, peak +{result['peak_rss_beyond_imports_mb']} MB, "
            f"articles {result['articles']}, rejected {result['rejected']}"
        )
    document = {
        "command": " ".join(["python", "bench/size_limits.py", *sys.argv[1:]]),
        "target": "each rejected in well under a second, in a few MB beyond the imports",
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
