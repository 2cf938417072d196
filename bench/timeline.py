"""Where the wall time of one brief goes on two cores: a timeline of this process and its worker.

    .venv/bin/python bench/timeline.py --size 100            # the articles bench/throughput.py briefs
    .venv/bin/python bench/timeline.py --size 100 --json /tmp/brief.json   # and keep the brief

The brief runs as ``bench/throughput.py`` runs it (models loaded before the clock starts, the
command's default embedder, a forked worker process), on the same articles, with probes:

- every 20 ms a sampler thread reads the CPU time of each thread of this process and of the
  worker process from ``/proc`` (what each is busy with, and when it is idle);
- the phases of this process (spaCy and the article stages, grouping into stories, briefing,
  the JSON) and every job of the worker (an embedding chunk, an article, a story) are timed,
  wall and CPU, with what was pickled between the two processes (bytes and the time to pickle
  and unpickle it), and the time this process spent waiting on the worker's vectors.

It prints the busy share of each process per phase, the jobs the worker did and what was sent,
and writes the whole record to ``--out`` (default ``bench/results/timeline.json``). The probes
cost a little (pickled sizes are measured on the messages as they are sent anyway).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import tempfile
import threading
import time
from collections import defaultdict
from multiprocessing import connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from throughput import make_corpus  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
EVENTS: list[dict[str, Any]] = []  # this process's (the worker's own, once forked)
_LOG: list[Any] = [None]  # the worker's event file


def now() -> float:
    return time.perf_counter()  # CLOCK_MONOTONIC: the same clock in both processes


def record(event: dict[str, Any]) -> None:
    event["pid"] = os.getpid()
    EVENTS.append(event)
    if _LOG[0] is not None and _LOG[0][0] == os.getpid():
        _LOG[0][1].write(json.dumps(event) + "\n")
        _LOG[0][1].flush()


def timed(kind: str, name: str, run: Any) -> Any:
    """``run`` timed; it keeps its module and name, so that a job still goes to the worker by
    reference (and the worker, forked with the wrapper in place, runs the wrapper)."""

    @functools.wraps(run)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, cpu = now(), time.thread_time()
        try:
            return run(*args, **kwargs)
        finally:
            record(
                {
                    "kind": kind,
                    "name": name,
                    "start": start,
                    "end": now(),
                    "cpu": time.thread_time() - cpu,
                    "thread": threading.current_thread().name,
                }
            )

    return wrapper


def thread_cpu(pid: int) -> dict[str, tuple[float, float]]:
    """Seconds on a CPU and seconds waiting for one (runnable, not running: the machine is
    shared), of each thread of ``pid`` (by its name and id), from ``/proc/.../schedstat``; the
    rest of the time the thread sleeps (it waits for work, a lock or a message)."""
    out = {}
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                run, wait, _ = f.read().split()
        except (OSError, ValueError):
            continue
        out[tid] = (int(run) / 1e9, int(wait) / 1e9)
    return out


class Sampler:
    """Samples the CPU time of every thread of the given processes every ``period`` seconds."""

    def __init__(self, period: float = 0.02) -> None:
        self.period = period
        self.pids: dict[str, int] = {"main": os.getpid()}
        self.samples: list[tuple[float, dict[str, dict[str, float]]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sampler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        self.native_id = threading.get_native_id()
        while not self._stop.is_set():
            sample = {who: thread_cpu(pid) for who, pid in list(self.pids.items())}
            sample["main"].pop(str(self.native_id), None)  # not the sampler's own
            self.samples.append((now(), sample))
            self._stop.wait(self.period)


def install_probes() -> None:
    """Wrap the engine's phases, the worker's jobs and the pipes' messages."""
    import pickle

    import corroborate.engines.background as background
    import corroborate.engines.local as local
    import corroborate.pipeline as pipeline
    from corroborate.engines import worker

    # The worker's jobs go by reference: wrapping the module attributes the engine hands it is
    # not enough (the function object travels); wrap what the child calls them on instead.
    serve = worker._serve

    def serve_logged(requests: Any, results: Any, *args: Any) -> Any:
        EVENTS.clear()
        _LOG[0] = (os.getpid(), open(LOG_PATH[0], "a"))  # noqa: SIM115 - open until the child ends
        return serve(requests, results, *args)

    worker._serve = serve_logged
    for name in ("embed_new",):
        setattr(background, name, timed("job", name, getattr(background, name)))
    local.embed_new = background.embed_new
    for name in ("_annotate_job", "_brief_job"):
        setattr(local, name, timed("job", name, getattr(local, name)))

    # What is pickled each way, and how long pickling and unpickling take.

    def send_logged(self: Any, obj: Any) -> None:
        start, cpu = now(), time.thread_time()
        buf = connection._ForkingPickler.dumps(obj)  # type: ignore[attr-defined]
        pickled = now()
        self._send_bytes(buf)
        tag = obj[0] if isinstance(obj, tuple) and obj and isinstance(obj[0], str) else "?"
        record(
            {
                "kind": "send",
                "name": tag,
                "bytes": len(buf),
                "start": start,
                "pickle": pickled - start,
                "end": now(),
                "cpu": time.thread_time() - cpu,
                "thread": threading.current_thread().name,
            }
        )

    def recv_logged(self: Any) -> Any:
        start = now()
        buf = self._recv_bytes()
        got = now()
        obj = pickle.loads(buf.getbuffer())
        tag = obj[0] if isinstance(obj, tuple) and obj and isinstance(obj[0], str) else "?"
        record(
            {
                "kind": "recv",
                "name": tag,
                "bytes": len(buf.getbuffer()),
                "start": start,
                "arrived": got,
                "end": now(),
                "thread": threading.current_thread().name,
            }
        )
        return obj

    connection.Connection.send = send_logged  # type: ignore[method-assign]
    connection.Connection.recv = recv_logged  # type: ignore[method-assign]

    # This process's phases.
    engine = local.LocalEngine
    engine.annotate = timed("phase", "annotate", engine.annotate)  # type: ignore[method-assign]
    engine.brief = timed("phase", "brief", engine.brief)  # type: ignore[method-assign]
    pipeline.group_stories = timed("phase", "group stories", pipeline.group_stories)
    worker.Jobs.finish = timed("here", "Jobs.finish", worker.Jobs.finish)  # type: ignore[method-assign]
    worker.Jobs.offer = timed("here", "Jobs.offer", worker.Jobs.offer)  # type: ignore[method-assign]
    forecast = pipeline.EmbeddingForecast
    forecast.add = timed("here", "forecast", forecast.add)  # type: ignore[method-assign]
    read = pipeline.read_articles

    def read_timed(*args: Any) -> Any:
        stream = iter(read(*args))
        step = timed("here", "read and clean", lambda: next(stream, None))
        while (article := step()) is not None:
            yield article

    pipeline.read_articles = read_timed
    local.briefed = timed("here", "brief a story here", local.briefed)
    local.annotated = timed("here", "article stages here", local.annotated)
    pipeline.annotate_doc = timed("here", "annotate_doc (parse) here", pipeline.annotate_doc)

    # Waits of this process on vectors (encode waiting on the worker's chunks).
    encode = background.BackgroundEmbedder.encode
    embed = background.BackgroundEmbedder._embed
    background.BackgroundEmbedder._embed = timed(  # type: ignore[method-assign]
        "here", "embed a chunk here", embed
    )

    # The embedder itself, wherever it runs: how many texts it embeds, and which.
    def encode_logged(self: Any, texts: Any) -> Any:
        start, cpu = now(), time.thread_time()
        try:
            return encode_model(self, texts)
        finally:
            record(
                {
                    "kind": "model",
                    "name": "MiniLM encode",
                    "texts": len(texts),
                    "start": start,
                    "end": now(),
                    "cpu": time.thread_time() - cpu,
                    "thread": threading.current_thread().name,
                    "hashes": [hash(t) for t in texts],
                }
            )

    from corroborate.embed.minilm import MiniLMEncoder

    encode_model = MiniLMEncoder.encode
    MiniLMEncoder.encode = encode_logged  # type: ignore[method-assign]

    def asked(self: Any, texts: Any) -> Any:
        record({"kind": "asked", "name": "vectors asked", "hashes": [hash(t) for t in texts]})
        return encode(self, texts)

    known = local.KnownVectors.encode

    def asked_known(self: Any, texts: Any) -> Any:
        record({"kind": "asked", "name": "vectors asked", "hashes": [hash(t) for t in texts]})
        return known(self, texts)

    local.KnownVectors.encode = asked_known  # type: ignore[method-assign]

    background.BackgroundEmbedder.encode = timed(  # type: ignore[method-assign]
        "here", "encode (incl. waits)", asked
    )
    fork = local.fork_worker

    def fork_logged(*args: Any, **kwargs: Any) -> Any:
        process = fork(*args, **kwargs)
        if process is not None and process._process is not None:
            SAMPLER[0].pids["worker"] = process._process.pid
        record({"kind": "mark", "name": "forked", "start": now(), "end": now()})
        return process

    local.fork_worker = fork_logged


LOG_PATH: list[str] = [""]
SAMPLER: list[Sampler] = []


def busy_between(
    samples: list[Any], who: str, start: float, end: float, field: int = 0
) -> dict[str, float]:
    """Seconds each thread of ``who`` ran (``field`` 0) or waited for a CPU (1) between
    ``start`` and ``end`` (by the samples)."""
    inside = [(t, s[who]) for t, s in samples if who in s and start <= t <= end]
    if len(inside) < 2:
        return {}
    first, last = inside[0][1], inside[-1][1]
    out = {}
    for k, v in last.items():
        d = v[field] - first.get(k, (0.0, 0.0))[field]
        if d > 0.005:
            out[k] = round(d, 2)
    return out


def profile(samples: list[Any], who: str, start: float, end: float, step: float) -> list[str]:
    """Per ``step`` seconds from ``start``: the share of it ``who``'s threads ran and the
    share they waited for a CPU, as "run+wait"."""
    out = []
    t = start
    while t < end:
        run = sum(busy_between(samples, who, t, t + step).values()) / step
        wait = sum(busy_between(samples, who, t, t + step, 1).values()) / step
        out.append(f"{run:.1f}+{wait:.1f}")
        t += step
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--json", type=Path, help="write the brief's JSON here")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "timeline.json")
    parser.add_argument("--step", type=float, default=0.5, help="seconds per busy-share bin")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from corroborate.annotate.nlp import load_spacy
    from corroborate.embed.load import load_embedder
    from corroborate.out.render import to_dict
    from corroborate.pipeline import build_brief

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        make_corpus(args.size, folder)
        LOG_PATH[0] = str(Path(tmp) / "worker.jsonl")
        Path(LOG_PATH[0]).touch()
        install_probes()
        nlp, embedder = load_spacy(), load_embedder()
        sampler = Sampler()
        SAMPLER.append(sampler)
        cpu0 = time.process_time()
        start = now()
        # can_fork() refuses while another thread lives: the sampler starts once forked.
        import corroborate.engines.local as local

        fork = local.fork_worker

        def fork_then_sample(*a: Any, **k: Any) -> Any:
            process = fork(*a, **k)
            sampler.start()
            return process

        local.fork_worker = fork_then_sample
        brief = build_brief([str(folder)], nlp=nlp, embedder=embedder)
        document = json.dumps(to_dict(brief))
        end = now()
        record({"kind": "phase", "name": "whole", "start": start, "end": end})
        cpu = time.process_time() - cpu0
        children = os.times().children_user + os.times().children_system
        sampler.stop()
        if args.json:
            args.json.write_text(document)
        worker_events = [json.loads(line) for line in Path(LOG_PATH[0]).read_text().splitlines()]
    events = EVENTS + worker_events
    for e in events:
        for key in ("start", "end", "arrived"):
            if key in e:
                e[key] = round(e[key] - start, 4)
    report(events, sampler.samples, start, end, cpu, children, args)


def report(
    events: list[dict[str, Any]],
    samples: list[Any],
    start: float,
    end: float,
    cpu: float,
    children: float,
    args: argparse.Namespace,
) -> None:
    samples = [(t - start, s) for t, s in samples]
    wall = end - start
    phases = [e for e in events if e["kind"] == "phase" and e["name"] != "whole"]
    print(f"wall {wall:.2f} s; CPU this process {cpu:.2f} s, worker {children:.2f} s")
    rows = []
    for ph in sorted(phases, key=lambda e: e["start"]):
        main = busy_between(samples, "main", ph["start"], ph["end"])
        main_wait = busy_between(samples, "main", ph["start"], ph["end"], 1)
        work = busy_between(samples, "worker", ph["start"], ph["end"])
        work_wait = busy_between(samples, "worker", ph["start"], ph["end"], 1)
        span = ph["end"] - ph["start"]
        main_thread = str(os.getpid())
        row = {
            "phase": ph["name"],
            "start": ph["start"],
            "end": ph["end"],
            "wall": round(span, 2),
            "main_cpu": round(sum(main.values()), 2),
            "main_threads_cpu": main,
            "main_threads_runqueue": main_wait,
            "main_thread_asleep": round(
                span - main.get(main_thread, 0.0) - main_wait.get(main_thread, 0.0), 2
            ),
            "worker_cpu": round(sum(work.values()), 2),
            "worker_runqueue": round(sum(work_wait.values()), 2),
            "worker_asleep": round(span - sum(work.values()) - sum(work_wait.values()), 2),
        }
        rows.append(row)
        print(
            f"{ph['name']:>14}: {ph['start']:6.2f} -> {ph['end']:6.2f} ({span:5.2f} s)\n"
            f"    main: CPU {main} runqueue {main_wait}; main thread asleep "
            f"{row['main_thread_asleep']:.2f} s\n"
            f"    worker: CPU {row['worker_cpu']:.2f} s runqueue {row['worker_runqueue']:.2f} s "
            f"asleep {row['worker_asleep']:.2f} s"
        )
    last = max(ph["end"] for ph in phases)
    tail = {
        "main_cpu": round(sum(busy_between(samples, "main", last - 0.05, wall + 1).values()), 2),
        "wall": round(wall - last, 2),
    }
    print(f"after the phases (JSON, closing): {tail}")
    jobs: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
    for e in events:
        if e["kind"] in ("job", "here", "model"):
            who = "parent" if e["pid"] == os.getpid() else "worker"
            j = jobs[f"{who} {e['kind']}: {e['name']}"]
            j[0] += e.get("texts", 1)
            j[1] += e["end"] - e["start"]
            j[2] += e.get("cpu", 0.0)
    embedded = [h for e in events if e["kind"] == "model" for h in e["hashes"]]
    asked = {h for e in events if e["kind"] == "asked" for h in e["hashes"]}
    texts = {
        "embedded": len(embedded),
        "embedded_distinct": len(set(embedded)),
        "asked_distinct": len(asked),
        "embedded_never_asked": len(set(embedded) - asked),
    }
    briefs = [e for e in events if e["kind"] == "job" and e["name"] == "_brief_job"]

    def where(e: dict[str, Any]) -> str:
        if e["pid"] == os.getpid():
            return "parent"
        inside = any(b["start"] <= e["start"] <= b["end"] for b in briefs)
        return "worker brief" if inside else "worker embed"

    first: dict[int, str] = {}
    again: dict[str, int] = defaultdict(int)
    for e in sorted((e for e in events if e["kind"] == "model"), key=lambda e: e["start"]):
        for h in e["hashes"]:
            if h in first:
                again[f"{first[h]} then {where(e)}"] += 1
            else:
                first[h] = where(e)
    texts["embedded_again"] = dict(again)
    brief_start = min(e["start"] for e in events if e["kind"] == "phase" and e["name"] == "brief")
    texts["embedded_once_briefing"] = sum(
        len(e["hashes"]) for e in events if e["kind"] == "model" and e["start"] >= brief_start
    )
    texts["never_asked_embedded_once_briefing"] = len(
        {
            h
            for e in events
            if e["kind"] == "model" and e["start"] >= brief_start
            for h in e["hashes"]
            if h not in asked
        }
    )
    print(f"texts: {texts}")
    for e in events:
        e.pop("hashes", None)
    print("jobs (count, wall s, thread CPU s):")
    for name, (n, w, c) in sorted(jobs.items()):
        print(f"  {name:40} {n:5d} {w:7.2f} {c:7.2f}")
    sent: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])
    for e in events:
        if e["kind"] in ("send", "recv"):
            who = "parent" if e["pid"] == os.getpid() else "worker"
            s = sent[f"{e['kind']} {e['name']} ({who})"]
            s[0] += 1
            s[1] += e["bytes"]
            s[2] += e["pickle"] if e["kind"] == "send" else e["end"] - e["arrived"]
    print("messages (count, MB, s pickling or unpickling):")
    for name, (n, b, s) in sorted(sent.items()):
        print(f"  {name:40} {n:5d} {b / 2**20:8.2f} {s:7.2f}")
    step = args.step
    prof = {
        "main": profile(samples, "main", 0.0, wall, step),
        "worker": profile(samples, "worker", 0.0, wall, step),
    }
    print(f"per {step} s, share run+waiting for a CPU (main process | worker):")
    for i in range(0, len(prof["main"]), 8):
        pairs = zip(prof["main"][i : i + 8], prof["worker"][i : i + 8], strict=False)
        print(f"  {i * step:5.1f}s  " + " ".join(f"{m}|{w}" for m, w in pairs))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "command": " ".join(["python", "bench/timeline.py", *sys.argv[1:]]),
                "size": args.size,
                "wall": round(wall, 3),
                "cpu_main": round(cpu, 2),
                "cpu_worker": round(children, 2),
                "phases": rows,
                "tail": tail,
                "texts": texts,
                "jobs": {k: [v[0], round(v[1], 3), round(v[2], 3)] for k, v in jobs.items()},
                "messages": {k: [v[0], v[1], round(v[2], 3)] for k, v in sent.items()},
                "busy_share": prof,
                "events": events,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
