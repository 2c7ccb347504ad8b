"""Each step attempt on a thread of its own, so its time limit can be enforced: a pool of kept
threads (``AttemptThreads``), and the two ways a caller stops waiting (``AttemptTimeout``, past
the limit; ``AttemptAbandoned``, at shutdown)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.steps.base import StepContext


class AttemptTimeout(Exception):
    pass


class AttemptAbandoned(Exception):
    """The runtime stopped waiting for the attempt (shutdown): its lease was handed back."""


class AttemptThreads:
    """Runs each attempt on a thread of its own, so its time limit can be enforced, and keeps
    finished threads for the next attempt (starting a thread costs more than a quick step).

    A thread that overruns is abandoned: the caller stops waiting, and whatever the step returns
    later is discarded (its lease is gone); the thread rejoins the idle ones when it returns."""

    def __init__(self, keep_idle: int = 16) -> None:
        self.keep_idle = keep_idle
        self._idle: list[_AttemptThread] = []
        self._lock = threading.Lock()
        self._count = 0
        self._waiting: set[threading.Event] = set()
        self.abandoned = False

    def abandon(self) -> None:
        """Shutdown: every caller stops waiting for its attempt now (``AttemptAbandoned``), so
        the process can exit; the kept threads end now, and the busy ones when their step
        returns (daemons: a step that never returns ends with the process). A process that
        starts a runtime again (the desktop app after a restore) kept the old ones waiting."""
        with self._lock:
            self.abandoned = True
            waiting = list(self._waiting)
            idle, self._idle = self._idle, []
        for done in waiting:
            done.set()
        for worker in idle:
            worker.end()

    def _wait(self, done: threading.Event, timeout: float) -> bool:
        with self._lock:
            if self.abandoned:
                raise AttemptAbandoned("Daloy is shutting down")
            self._waiting.add(done)
        try:
            return done.wait(timeout)
        finally:
            with self._lock:
                self._waiting.discard(done)

    def call(
        self, fn: Callable[[StepContext], Any], ctx: StepContext, timeout: float, name: str
    ) -> Any:
        if self.abandoned:
            raise AttemptAbandoned("Daloy is shutting down")
        with self._lock:
            worker = self._idle.pop() if self._idle else None
            if worker is None:
                self._count += 1
                worker = _AttemptThread(self, f"daloy-attempt-{self._count}")
        return worker.run(fn, ctx, timeout, name)

    def _done(self, worker: _AttemptThread) -> bool:
        """A thread finished its task: keep it (True) or let it end (False)."""
        with self._lock:
            if not self.abandoned and len(self._idle) < self.keep_idle:
                self._idle.append(worker)
                return True
            return False


_END = ("end",)  # the task that ends an idle thread (``_AttemptThread.end``)


class _AttemptThread:
    def __init__(self, pool: AttemptThreads, name: str) -> None:
        self.pool = pool
        self.name = name
        self._task: tuple | None = None
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def run(
        self, fn: Callable[[StepContext], Any], ctx: StepContext, timeout: float, name: str
    ) -> Any:
        done = threading.Event()
        box: dict[str, Any] = {}
        with self._wake:
            self._task = (fn, ctx, name, box, done)
            self._wake.notify()
        if not self.pool._wait(done, timeout):
            raise AttemptTimeout(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps", "the step took longer than its time limit of {seconds} s"
                    ),
                    seconds=f"{timeout:g}",
                )
            )
        if "error" not in box and "result" not in box:
            raise AttemptAbandoned("Daloy is shutting down")
        if "error" in box:
            raise box["error"]
        return box.get("result")

    def end(self) -> None:
        """The thread, idle, ends instead of waiting for another task."""
        with self._wake:
            self._task = _END
            self._wake.notify()

    def _loop(self) -> None:
        while True:
            with self._wake:
                while self._task is None:
                    self._wake.wait()
                if self._task is _END:
                    return
                fn, ctx, name, box, done = self._task
                self._task = None
            self._thread.name = name
            try:
                box["result"] = fn(ctx)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                box["error"] = exc
            finally:
                self._thread.name = self.name
                done.set()
            del fn, ctx, box, done
            if not self.pool._done(self):
                return
