"""The runtime: a dispatcher and a bounded pool of workers executing ready steps, and the timers
(polls, retries, waits) on APScheduler.

- New work wakes the dispatcher at once (no polling delay on the hot path); a slow poll catches
  changes made by other processes (the CLI resolving an inbox entry).
- Stored retry and wait times become date jobs; they are re-created from the database on start,
  so a retry scheduled before a restart happens at its stored time after it.
- APScheduler's quiet defaults are replaced: unlimited misfire grace and coalescing for our jobs,
  and missed or failed jobs become inbox entries instead of log lines.
- ``shutdown()`` lets in-flight steps and intake's checks under way finish within one grace
  period (a check stops at its next safe point) and gives the rest back; the database may be
  closed only after it returns.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor as Pool
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler

from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.kinds import EventKind, InboxKind
from app.core.machine import StepState
from app.runtime import collector, memory
from app.runtime.breakers import BreakerGate
from app.runtime.executor import StepExecutor
from app.steps import Registry
from app.steps import registry as builtin_registry
from app.steps.base import StepServices
from app.store import inbox
from app.store.actions import OperatorActions
from app.store.connections import ConnectionProvider
from app.store.db import Database
from app.store.holds import HoldBook
from app.store.runs import Claim, Event, RunStore, runner_identity

log = logging.getLogger("daloy.runtime")
# A worker keeps the turn for inline steps at least this long (seconds), then passes it on when
# a chain ends: handing it over after every chain cost an eighth of the throughput.
INLINE_SLICE = 0.02
# How often a down system's breaker is looked at (probe due, next waiting step to release).
BREAKER_TICK = 0.2


class Runtime:
    def __init__(
        self,
        db: Database,
        *,
        registry: Registry | None = None,
        workers: int = 4,
        lease_seconds: float = 60.0,
        poll_interval: float = 2.0,
        data_dir: Path | None = None,
        services: StepServices | None = None,
    ) -> None:
        self.db = db
        self.registry = registry or builtin_registry()
        self.store = RunStore(db, self.registry.specs)
        self.actions = OperatorActions(self.store)
        self.owner = runner_identity()
        self.workers = workers
        self.lease_seconds = lease_seconds
        self.poll_interval = poll_interval
        self.data_dir = data_dir
        # The intake channels' manager (``app.intake.manager.IntakeManager``) when ``app.host``
        # built this runtime with intake; Any: the runtime layer sits below intake.
        self.intake: Any = None
        # What steps may use (typed, see ``StepServices``); a caller may hand its own.
        self.services = services or StepServices(
            connections=ConnectionProvider(db), runs=self.store, wake=self.wake
        )
        self.executor = StepExecutor(
            self.store,
            self.registry,
            data_dir=data_dir,
            services=self.services,
            on_retry_scheduled=self.wake_at,
        )
        self.breakers = self.executor.gate = BreakerGate(self.store)
        self.holds = self.executor.holds = HoldBook(db)
        self.scheduler = BackgroundScheduler(
            executors={
                "control": ThreadPoolExecutor(2),
                "default": ThreadPoolExecutor(4),
            },
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
            timezone=UTC,
        )
        self.scheduler.add_listener(self._on_job_problem, EVENT_JOB_ERROR | EVENT_JOB_MISSED)
        # Workers and the dispatcher take their turns straight from pools of their own (made on
        # start): through the scheduler each hand-over was two thread hops (its loop, then its
        # pool), each waiting for the GIL behind busy threads, and a run's first step waited
        # for four.
        self._workers: Pool | None = None
        self._dispatcher: Pool | None = None
        self._lock = threading.Lock()
        self._wanted = False
        self._dispatch_scheduled = False
        self._in_flight: dict[str, Claim] = {}
        self._inline_turn = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._stopping = False
        self.stop_deadline: float | None = None  # time.monotonic() by which shutdown ends
        self._started = False
        self._counted = False  # by ``collector`` (between start and shutdown)
        self._extensions: list[Any] = []
        self.store.subscribe(self._on_events)

    # -- lifecycle ----------------------------------------------------------------------------
    def add_extension(self, ext: Any) -> None:
        """Something started and stopped with the runtime (intake channels): needs
        ``start(runtime)`` and ``stop()``."""
        self._extensions.append(ext)
        if self._started:
            ext.start(self)

    def start(self) -> None:
        collector.runtime_started()
        self._counted = True
        recovered = self.store.recover()
        if recovered:
            log.warning("gave back %d step lease(s) left by a runner that stopped", recovered)
        memory.big_buffers_back_to_the_system()
        self._workers = Pool(self.workers, thread_name_prefix="daloy-worker")
        self._dispatcher = Pool(1, thread_name_prefix="daloy-dispatch")
        self.scheduler.start()
        self._started = True
        self.scheduler.add_job(
            self._poll,
            "interval",
            seconds=self.poll_interval,
            executor="control",
            id="poll",
            replace_existing=True,
        )
        self.scheduler.add_job(
            self._heartbeat,
            "interval",
            seconds=max(1.0, self.lease_seconds / 3),
            executor="control",
            id="heartbeat",
            replace_existing=True,
        )
        self.scheduler.add_job(
            self._check_deadlines,
            "interval",
            seconds=30,
            executor="control",
            id="deadlines",
            replace_existing=True,
        )
        self.breakers.refresh()
        self.holds.refresh()
        self.scheduler.add_job(
            self._tick_breakers,
            "interval",
            seconds=BREAKER_TICK,
            executor="control",
            id="breakers",
            replace_existing=True,
        )
        for at in self.store.next_wakeups():
            self.wake_at(at)
        for ext in self._extensions:
            ext.start(self)
        self.wake()

    def shutdown(self, grace: float = 10.0) -> int:
        """Stop dispatching; in-flight steps finish within ``grace`` seconds or give their lease
        back ("handed back", see ``RunStore.release``); their workers stop waiting for them.
        Returns how many were handed back."""
        if not self._started:
            self._uncount()  # a start that failed part-way
            return 0
        # One grace for all: intake's checks under way (``IntakeManager.stop`` waits for them
        # until ``stop_deadline``) and the steps in flight, which go on meanwhile; nothing new
        # starts. Only after both may the caller close the database.
        self.stop_deadline = deadline = time.monotonic() + grace
        with self._lock:
            self._stopping = True
        for ext in reversed(self._extensions):
            try:
                ext.stop()
            except Exception:  # noqa: BLE001
                log.exception("an intake channel did not stop cleanly")
        with self._lock:
            while self._in_flight and time.monotonic() < deadline:
                self._idle.wait(max(0.01, deadline - time.monotonic()))
            leftover = list(self._in_flight)
        if leftover:
            n = self.store.release(leftover)
            log.warning("shutdown: %d running step(s) gave their lease back", n)
        # Workers still waiting for an outside call stop waiting (their results would be
        # discarded anyway): nothing keeps the process alive past the grace period.
        self.executor.threads.abandon()
        for pool in (self._workers, self._dispatcher):
            if pool is not None:  # turns not begun are dropped: their leases were given back
                pool.shutdown(wait=False, cancel_futures=True)
        self.scheduler.shutdown(wait=False)
        self._started = False
        self._uncount()
        return len(leftover)

    def _uncount(self) -> None:
        if self._counted:
            self._counted = False
            collector.runtime_stopped()

    @property
    def running(self) -> bool:
        return self._started and not self._stopping

    # -- waking -------------------------------------------------------------------------------
    def wake(self) -> None:
        with self._lock:
            if self._stopping or not self._started:
                return
            self._wanted = True
            if self._dispatch_scheduled:
                return
            self._dispatch_scheduled = True
        self._submit(self._dispatcher, "dispatch", self._dispatch)

    def wake_at(self, at: float) -> None:
        if not self._started or self._stopping:
            return
        # Never early (a claim before the stored time finds nothing); wakes within the same
        # tenth of a second share one job.
        slot = math.ceil(max(at, time.time()) * 10) / 10 + 0.005
        self.scheduler.add_job(
            self.wake,
            "date",
            run_date=datetime.fromtimestamp(slot, UTC),
            executor="control",
            id=f"wake-{slot:.1f}",
            replace_existing=True,
        )

    def _on_events(self, events: list[Event]) -> None:
        if any(e.kind == EventKind.HOLDS_CHANGED for e in events):
            self.holds.refresh()
        if any(e.status == StepState.READY or e.kind == EventKind.RUN_STARTED for e in events):
            self.wake()
        for at in {e.due for e in events if e.due is not None}:
            self.wake_at(at)  # a retry or a look-up that must wait

    def _poll(self) -> None:
        # Breakers and holds changed by another process (a second runner, the CLI).
        self.breakers.refresh()
        self.holds.refresh()
        if self.store.has_ready():
            self.wake()

    def _heartbeat(self) -> None:
        with self._lock:
            leases = list(self._in_flight)
        self.store.heartbeat(leases, self.lease_seconds)
        # Leases of runners that died elsewhere (several runners on one database).
        self.store.recover()

    # -- dispatching --------------------------------------------------------------------------
    def _dispatch(self) -> None:
        while True:
            with self._lock:
                if not self._wanted or self._stopping:
                    self._dispatch_scheduled = False
                    return
                self._wanted = False
                free = self.workers - len(self._in_flight)
            while free > 0:
                claims = self.store.claim(self.owner, limit=free, lease_seconds=self.lease_seconds)
                if not claims:
                    break
                with self._lock:
                    for c in claims:
                        self._in_flight[c.lease] = c
                for c in claims:
                    self._submit(self._workers, "execute", self._execute, c)
                if len(claims) < free:
                    break  # nothing else is ready: no empty claim to queue behind a commit
                free -= len(claims)

    def _execute(self, claim: Claim) -> None:
        """A worker: execute a claimed step, then the steps its success claimed after it in the
        same run, then whatever else is ready, until nothing is (or the runtime is stopping).
        Busy workers pull their next step themselves; the dispatcher only starts idle ones.

        Inline steps (pure Python, ``StepSpec.inline``) take turns, whole chains at a time (see
        ``INLINE_SLICE``): under the GIL they cannot run side by side anyway, and workers
        interleaving them step by step only hand the GIL and the write lock back and forth.
        Steps that wait on the outside world never wait for that turn."""
        current: Claim | None = claim
        turn = False
        try:
            while current is not None:
                inline = self.executor.is_inline(current)
                if inline and not turn:
                    self._inline_turn.acquire()
                    turn = True
                    turn_since = time.monotonic()
                elif not inline and turn:
                    self._inline_turn.release()
                    turn = False
                nxt = None
                try:
                    nxt = self.executor.execute(
                        current, chain=not self._stopping, lease_seconds=self.lease_seconds
                    )
                    if nxt is None and turn and time.monotonic() - turn_since > INLINE_SLICE:
                        # a chain ended after the turn's slice: let a waiting worker in
                        self._inline_turn.release()
                        turn = False
                    if nxt is None and not self._stopping:
                        nxt = next(
                            iter(
                                self.store.claim(
                                    self.owner, limit=1, lease_seconds=self.lease_seconds
                                )
                            ),
                            None,
                        )
                except Exception:  # noqa: BLE001 - the store failed; the lease expires, recovers
                    log.exception(
                        "run %s step %s: recording the attempt failed",
                        current.run_id,
                        current.step_name,
                    )
                finally:
                    with self._lock:
                        self._in_flight.pop(current.lease, None)
                        stopping = self._stopping
                        if nxt is not None and not stopping:
                            self._in_flight[nxt.lease] = nxt
                        self._idle.notify_all()
                if nxt is not None and stopping:
                    self.store.release([nxt.lease])  # claimed while shutdown began: give it back
                    nxt = None
                current = nxt
        finally:
            if turn:
                self._inline_turn.release()
        self.wake()

    def _submit(self, pool: Pool | None, task: str, fn: Callable[..., None], *args: Any) -> None:
        assert pool is not None  # made on start; wake() and dispatch run only after it
        try:
            pool.submit(self._turn, task, fn, *args)
        except RuntimeError:  # the pool was shut down meanwhile: a claim's lease goes back
            claims = [a for a in args if isinstance(a, Claim)]
            with self._lock:
                for c in claims:
                    self._in_flight.pop(c.lease, None)
                self._idle.notify_all()
            if claims:
                self.store.release([c.lease for c in claims])

    def _turn(self, task: str, fn: Callable[..., None], *args: Any) -> None:
        """A worker's or the dispatcher's turn: an unexpected error becomes an inbox entry, as
        a failed scheduler job's does (a pool would keep it in a future nobody reads)."""
        try:
            fn(*args)
        except Exception as exc:  # noqa: BLE001
            log.exception("the runtime's %s task failed", task)
            self._open_problem(task, *self._failed_words(task, exc))

    def _tick_breakers(self) -> None:
        """Probe a down system, release its waiting steps at their rate (they emit events
        that wake the dispatcher)."""
        if self.breakers.due():
            self.breakers.tick()

    def _check_deadlines(self) -> None:
        with self.db.write() as s:
            opened = inbox.remind_overdue_decisions(s, time.time())
        if opened:
            self.store.emit([Event(EventKind.INBOX_OPENED, inbox_id=i) for i in opened])

    # -- scheduler problems become inbox entries ------------------------------------------------
    def _on_job_problem(self, event: JobExecutionEvent) -> None:
        if event.code == EVENT_JOB_MISSED:
            title, reason = (
                said(QT_TRANSLATE_NOOP("Inbox", "A scheduled task was missed")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Inbox",
                        "The task “{task}” was due at {time} and did not run (was the "
                        "computer asleep?).",
                    ),
                    task=event.job_id,
                    time=event.scheduled_run_time,
                ),
            )
        else:
            title, reason = self._failed_words(event.job_id, event.exception)
        self._open_problem(event.job_id, title, reason)

    @staticmethod
    def _failed_words(task: str, error: BaseException | None) -> tuple[str, str]:
        return (
            said(QT_TRANSLATE_NOOP("Inbox", "A background task failed")),
            said(
                QT_TRANSLATE_NOOP("Inbox", "The task “{task}” failed: {error}"),
                task=task,
                error=repr(error),
            ),
        )

    def _open_problem(self, job_id: str, title: str, reason: str) -> None:
        try:
            with self.db.write() as s:
                item, created = inbox.open_alert(
                    s, InboxKind.SYSTEM, f"job:{job_id}", title, reason
                )
                item_id = item.id
            if created:
                self.store.emit([Event(EventKind.INBOX_OPENED, inbox_id=item_id)])
        except Exception:  # noqa: BLE001
            log.exception("could not record a scheduler problem: %s", reason)

    # -- waiting (tests, benchmarks, the CLI) ----------------------------------------------------
    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Until nothing is ready or running (retry timers may still be pending)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                busy = bool(self._in_flight) or self._dispatch_scheduled
            if not busy and not self.store.has_ready():
                return True
            time.sleep(0.02)
        return False
