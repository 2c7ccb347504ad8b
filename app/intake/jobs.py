"""The intake jobs running now, so that stopping intake is clean: once intake stops no new check
starts, and the manager waits (bounded) for the checks under way — each ends at its next safe
point (between two messages or two pages, after a commit) — before the leases are given back and
the database is closed. A check held beyond the bound is said in the log; what it committed
stays committed, and what it had not yet acknowledged is acknowledged at the next start.

``IntakeJobs.scheduler(scheduler)`` is what a channel schedules its jobs on: the same APScheduler
calls, each job wrapped so it is counted while it runs. No Qt."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from typing import Any


class IntakeJobs:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._running = 0
        self._stopping = False

    @property
    def running(self) -> int:
        with self._changed:
            return self._running

    def guard(self, job: Callable[..., Any]) -> Callable[..., Any]:
        """``job``, counted while it runs; after ``stop`` it no longer starts."""

        @functools.wraps(job)
        def counted(*args: Any, **kwargs: Any) -> Any:
            with self._changed:
                if self._stopping:
                    return None
                self._running += 1
            try:
                return job(*args, **kwargs)
            finally:
                with self._changed:
                    self._running -= 1
                    self._changed.notify_all()

        return counted

    def scheduler(self, scheduler: Any) -> GuardedScheduler:
        return GuardedScheduler(scheduler, self)

    def stop(self, timeout: float) -> int:
        """No new job starts; wait up to ``timeout`` seconds for those running (the channels
        were asked to stop first). Returns how many are still running."""
        deadline = time.monotonic() + timeout
        with self._changed:
            self._stopping = True
            while self._running and (left := deadline - time.monotonic()) > 0:
                self._changed.wait(left)
            return self._running


class GuardedScheduler:
    """An APScheduler scheduler whose ``add_job`` counts the job (``IntakeJobs.guard``)."""

    def __init__(self, scheduler: Any, jobs: IntakeJobs) -> None:
        self._scheduler, self._jobs = scheduler, jobs

    def add_job(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._scheduler.add_job(self._jobs.guard(func), *args, **kwargs)
