"""A forked child process that does jobs for this one on the second core, without the lock.

The brief runs spaCy on one core and embeds sentences on the other. On a thread of the same
process, every one of the embedder's numpy calls and spaCy's Python code would wait on each
other for the interpreter lock; in a child process they never do.

:class:`WorkerProcess` forks a child and hands it jobs. A job is a module-level function
``job(state, payload) -> result`` sent with its payload (the function goes by reference, as
pickle sends functions): the child runs it on its :class:`WorkerState` -- its copies of the
models, forked along, or models it loaded itself (``setup``) -- and sends the result back
under the job's tag. The worker knows nothing of what the jobs do: the engine that owns it
(:mod:`corroborate.engines.local`) hands it embedding, annotation and briefing.

A child may also work *ahead* (``ahead``): before anything is asked, it runs a function that
yields ``(tag, result)`` messages (a cold start embeds the sentences the first articles will
likely have while the parent is still loading spaCy); it stops as soon as a request arrives.

>>> def double(state, n):                                    # doctest: +SKIP
...     return 2 * n
>>> with WorkerProcess() as worker:                          # doctest: +SKIP
...     worker.subscribe("doubled", print)
...     worker.send("doubled", 1, double, 21)                 # prints (1, 42)
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.reduction import ForkingPickler
from typing import Any

Handler = Callable[[Any], None]
Job = Callable[["WorkerState", Any], Any]
Ahead = Callable[["WorkerState", Any], Iterable[tuple[str, Any]]]


@dataclass
class WorkerState:
    """What a child process holds for its jobs: its models and a memo they may keep."""

    nlp: Any = None
    embedder: Any = None
    memo: dict[str, Any] = field(default_factory=dict)


def can_fork() -> bool:
    """Whether a child can be forked safely from here: fork exists and no other thread is
    alive (a fork copies no other thread, so a lock another thread holds would stay locked
    in the child)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class WorkerProcess:
    """A forked child that runs the jobs it is sent.

    Args:
        state: what the child starts with (copied by the fork).
        setup: ``(function, argument)`` the child runs first, on its state (to load models by
            name, say); it then says it is :attr:`ready`. Without one it is ready at once.
        ahead: ``(function, argument)``: messages the child sends unasked, until asked.
        can: what the owner may ask of it, in the owner's words (``{"annotate"}`` when it has
            a spaCy pipeline, say); the worker does not read it.

    Requests go down one pipe (:meth:`send`: pickled by the caller, written by a sender thread);
    what the child sends back comes up another, and a reader thread hands each message to the
    handler subscribed to its tag (:meth:`subscribe`). No thread that sends ever waits on the
    pipe: a handler may send the next request (the reader thread never blocks writing a request
    while the child blocks writing an answer).
    Nothing is forked when :func:`can_fork` says no; :attr:`running` is then False.
    """

    def __init__(
        self,
        state: WorkerState | None = None,
        *,
        setup: tuple[Job, Any] | None = None,
        ahead: tuple[Ahead, Any] | None = None,
        can: Iterable[str] = (),
    ) -> None:
        self.can = frozenset(can)
        self._process: Any = None
        self._ended = True
        self._closed = False
        self.ready = False
        if not can_fork():
            return
        context = multiprocessing.get_context("fork")
        requests_in, self._requests = context.Pipe(duplex=False)
        self._results, results_out = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve,
            args=(requests_in, results_out, state or WorkerState(), setup, ahead),
            daemon=True,
        )
        self._process.start()
        requests_in.close()
        results_out.close()
        self._ended = False
        self.ready = setup is None
        self._lock = threading.Lock()
        # Requests, pickled, for the sender thread to write (None: stop): writing one can wait
        # until the child reads it, and the thread that reads its answers must never wait so.
        self._outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._stash: dict[str, list[Any]] = {}
        self._handlers: dict[str, Handler] = {}
        # A pipe holds only a few messages: read them as they come, or the child would stall.
        self._reader = threading.Thread(target=self._read, name="worker-process", daemon=True)
        self._reader.start()
        self._sender = threading.Thread(target=self._write, name="worker-send", daemon=True)
        self._sender.start()

    @property
    def running(self) -> bool:
        """Whether the child is there and can still be asked for work."""
        return not self._ended

    def subscribe(self, tag: str, handler: Handler | None) -> None:
        """Call ``handler(payload)`` with each message tagged ``tag`` that arrives (those that
        arrived before are handed over at once), and ``handler(None)`` when the child has ended.
        ``None`` unsubscribes: messages are kept again until the next handler."""
        if self._process is None:
            if handler is not None:
                handler(None)
            return
        with self._lock:
            if handler is None:
                self._handlers.pop(tag, None)
                return
            self._handlers[tag] = handler
            stash = self._stash.pop(tag, [])
            ended = self._ended
        for payload in stash:
            handler(payload)
        if ended:
            handler(None)

    def send(self, tag: str, key: Any, job: Job, payload: Any) -> bool:
        """Have the child run ``job(state, payload)``; its result comes back as a message
        ``(key, result)`` tagged ``tag`` (``result`` None if the job raised). False when the
        child is gone (or a job that cannot travel). Never waits on the pipe: the request is
        pickled here and written by the sender thread; if the child ends before it reads it, the
        job's owner hears that the child has ended (``handler(None)``), as for a job out."""
        if self._ended or self._closed:
            return False
        try:
            message = ForkingPickler.dumps((tag, key, job, payload))  # as Connection.send does
        except (pickle.PicklingError, AttributeError, TypeError):  # a job that cannot travel
            return False
        self._outbox.put(message)
        return True

    def _write(self) -> None:
        while (message := self._outbox.get()) is not None:
            try:
                self._requests.send_bytes(message)
            except (OSError, ValueError):  # the child is gone (the reader hears it), or we closed
                return

    def _read(self) -> None:
        try:
            while True:
                tag, payload = self._results.recv()
                if tag == "ready":  # the child has run its setup
                    self.ready = True
                    continue
                with self._lock:
                    handler = self._handlers.get(tag)
                    if handler is None:
                        self._stash.setdefault(tag, []).append(payload)
                if handler is not None:
                    handler(payload)
        except (EOFError, OSError):  # the child is done (or gone), or we closed
            pass
        with self._lock:
            self._ended = True
            handlers = list(self._handlers.values())
        for handler in handlers:
            handler(None)

    def kill(self) -> None:
        """End the child at once, as a crash would (for tests of what happens then)."""
        if self._process is not None:
            self._process.kill()

    def close(self) -> None:
        """Stop the child (work it has not sent is dropped)."""
        if self._process is None:
            return
        self._closed = True
        self._outbox.put(None)
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._sender.join()  # a request it was writing fails once the child is gone
        self._requests.close()
        self._reader.join()  # the pipe's end: EOF
        self._results.close()
        self._process = None
        self._ended = True

    def __enter__(self) -> WorkerProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(
    requests: Any,
    results: Any,
    state: WorkerState,
    setup: tuple[Job, Any] | None,
    ahead: tuple[Ahead, Any] | None,
) -> None:
    """The child: set up, work ahead, then run what is asked until the parent closes its end.
    A job that raises is answered with None (the parent does it itself)."""
    import logging
    import signal

    from threadpoolctl import threadpool_limits

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    logging.disable(logging.CRITICAL)  # the parent reports what it cannot read
    try:
        with threadpool_limits(limits=1, user_api="blas"):  # the parent has the other core
            if setup is not None:
                # if it fails, the jobs needing what it loads fail too, and the parent does them
                with contextlib.suppress(Exception):
                    setup[0](state, setup[1])
                results.send(("ready", None))
            if ahead is not None:
                for tag, result in _until_asked(ahead[0](state, ahead[1]), requests):
                    results.send((tag, (None, result)))
            while True:
                try:
                    tag, key, job, payload = requests.recv()
                except EOFError:
                    return
                try:
                    result = job(state, payload)
                except Exception:  # noqa: BLE001 - the parent does it itself
                    result = None
                results.send((tag, (key, result)))
    except Exception:  # noqa: BLE001 - the parent does what the child did not send
        pass
    finally:
        results.close()


def _until_asked(messages: Iterable[tuple[str, Any]], requests: Any) -> Iterable[tuple[str, Any]]:
    """``messages`` until the parent asks for something (or they fail: ahead is a bonus)."""
    try:
        for message in messages:
            yield message
            if requests.poll():
                return
    except Exception:  # noqa: BLE001 - the parent asks for what it needs anyway
        return


class Jobs:
    """Items handed to the worker process while this process does other work: at most
    ``at_once`` out at a time, and only when ``free()`` says the child can take one (the
    brief: once it has loaded its models; once its embedding is done, for stories).

    :meth:`offer` sends an item to be done by ``job`` if the child is free for it;
    :meth:`arrived` returns the items done since, each with the child's result (None if it
    could not do one); :meth:`finish` waits for the rest (or gives them back without a result
    if the child ends). ``then`` is called after each answer (on the thread that reads them),
    to hand the child its next item at once: it may :meth:`offer` (sending never waits on the
    pipe, see :meth:`WorkerProcess.send`). An item it takes for :meth:`offer` must be offered
    before :meth:`finish` can see it is not out (the brief takes and offers under one lock).
    """

    def __init__(
        self,
        process: WorkerProcess,
        tag: str,
        job: Job,
        at_once: int = 2,
        free: Callable[[], bool] | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        self._process = process
        self._tag, self._job = tag, job
        self._at_once = at_once
        self._free = free
        self._then = then
        self._out: dict[int, Any] = {}
        self._done: list[tuple[Any, Any]] = []
        self._keys = iter(range(1 << 62))
        self._changed = threading.Condition()
        process.subscribe(tag, self._arrive)

    def can_take(self) -> bool:
        """Whether the child would take an item now (fewer than ``at_once`` out, free)."""
        with self._changed:
            if len(self._out) >= self._at_once:
                return False
        return self._process.running and (self._free is None or self._free())

    def offer(self, item: Any, payload: Any) -> bool:
        """Send ``item`` (as ``payload`` for the job) if the child is free for it; True if sent."""
        if not self.can_take():
            return False
        with self._changed:
            key = next(self._keys)
            self._out[key] = item
        if self._process.send(self._tag, key, self._job, payload):
            return True
        with self._changed:
            del self._out[key]
        return False

    def _arrive(self, payload: Any) -> None:
        with self._changed:
            if payload is not None:
                key, result = payload
                item = self._out.pop(key, None)
                if item is not None:
                    self._done.append((item, result))
            self._changed.notify_all()
        if payload is not None and self._then is not None:
            self._then()

    def arrived(self) -> list[tuple[Any, Any]]:
        """The items done since the last call, with their results (never waits); if the
        child has ended, those it never sent too, with None."""
        with self._changed:
            done, self._done = self._done, []
            if self._out and not self._process.running:
                done += [(item, None) for item in self._out.values()]
                self._out = {}
        return done

    def finish(self, meanwhile: Callable[[], bool] | None = None) -> list[tuple[Any, Any]]:
        """Wait for the items still out; those the child never sent come back with None.
        ``meanwhile()`` is called while they are out, for as long as it says it did some work
        (True): this thread works rather than waits (the brief: it embeds queued texts)."""
        busy = meanwhile is not None
        while busy:
            with self._changed:
                if not (self._out and self._process.running):
                    break
            busy = meanwhile()  # type: ignore[misc]
        with self._changed:
            while self._out and self._process.running:
                self._changed.wait()
            done = self._done + [(item, None) for item in self._out.values()]
            self._done, self._out = [], {}
        self._process.subscribe(self._tag, None)
        return done
