"""The durable run store: every state change of a run or step is one committed transaction.

This module is the persistence half of the engine (the decisions are ``app.core.machine``'s):
starting runs, claiming ready steps under a lease, recording results, retries, questions for a
person, recovery of expired leases, and every operator action with its audit entry.
"""

from __future__ import annotations

import itertools
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core import templates
from app.core.errors import DaloyError
from app.core.model import Workflow
from app.core.results import Decision
from app.core.stepspec import ERROR_PORT, SpecRegistry
from app.crashpoints import crashpoint
from app.store import audit
from app.store.db import Database
from app.store.models import Attempt, InboxItem, Run, StepRun, WorkflowRow, WorkflowVersion
from app.store.workflows import load as load_workflow

log = logging.getLogger(__name__)
FAR_FUTURE = 4102444800.0  # 2100-01-01: "until woken"


class ActionRefused(DaloyError):
    """An operator action that does not apply to the run or step as it is now."""


@dataclass(frozen=True)
class Event:
    kind: str            # run_started, step_changed, run_changed, inbox_opened, inbox_resolved
    run_id: str | None = None
    step: str | None = None
    inbox_id: int | None = None
    status: str | None = None


@dataclass
class Claim:
    """A step claimed by a runner: everything needed to execute one attempt."""

    step_id: int
    run_id: str
    step_name: str
    step_type: str
    version_id: int
    lease: str
    attempt: int
    max_attempts: int
    resumed: bool
    needs_reconcile: bool
    scratch: Any
    input_override: Any
    trigger: Any
    business_key: str
    practice: bool
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def idempotency_key(self) -> str:
        # Identical on every retry of this step in this run, unique across runs.
        return f"daloy-{self.run_id}-{self.step_name}"


def runner_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def owner_alive_on_this_host(owner: str) -> bool | None:
    """True/False for a runner on this host (by pid), None when the owner is on another host."""
    host, _, rest = owner.partition(":")
    pid_s = rest.split(":", 1)[0]
    if host != socket.gethostname() or not pid_s.isdigit():
        return None
    pid = int(pid_s)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return None
    return True


class RunStore:
    """Engine persistence over a ``Database``. Thread-safe: each method is its own transaction."""

    def __init__(self, db: Database, registry: SpecRegistry) -> None:
        self.db = db
        self.registry = registry
        self._versions: dict[int, Workflow] = {}
        self._listeners: list[Callable[[list[Event]], None]] = []
        self._seq = itertools.count(1)
        self._lock = threading.Lock()

    # -- events -------------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[list[Event]], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[list[Event]], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, events: list[Event]) -> None:
        if not events:
            return
        for fn in list(self._listeners):
            try:
                fn(events)
            except Exception:  # noqa: BLE001 - a broken listener must not stop the engine
                log.exception("event listener failed")

    # -- workflows ----------------------------------------------------------------------------
    def cached_workflow(self, version_id: int) -> Workflow | None:
        return self._versions.get(version_id)

    def workflow_for_version(self, s: Session, version_id: int) -> Workflow:
        wf = self._versions.get(version_id)
        if wf is None:
            v = s.get(WorkflowVersion, version_id)
            if v is None:
                raise DaloyError(f"Workflow version {version_id} is missing from the database.")
            wf = Workflow.from_json(v.definition)
            self._versions[version_id] = wf
        return wf

    # -- starting runs ------------------------------------------------------------------------
    def start_run_in(self, s: Session, row: WorkflowRow, version: WorkflowVersion, wf: Workflow,
                     trigger: Any, *, intake_item_id: int | None = None,
                     parent: tuple[str, str] | None = None, practice: bool = False,
                     run_id: str | None = None) -> Run:
        """Create a run inside the caller's transaction (intake commits its item with it)."""
        now = time.time()
        key = ""
        if wf.business_key:
            try:
                key = str(templates.render_text(wf.business_key, {"trigger": trigger}))[:300]
            except DaloyError as exc:
                log.warning("business key of a %s run could not be rendered: %s", wf.name, exc)
        run = Run(id=run_id or uuid.uuid4().hex, workflow_id=row.id, version_id=version.id,
                  workflow_name=wf.name, status=m.RUN_RUNNING, business_key=key, trigger=trigger,
                  cancelled=False, practice=practice, intake_item_id=intake_item_id,
                  parent_run_id=parent[0] if parent else None,
                  parent_step=parent[1] if parent else None, created_at=now, updated_at=now)
        s.add(run)
        states = m.initial(wf)
        for i, step in enumerate(wf.steps):
            spec = self.registry.get(step.type)
            policy = spec.retry.merged(step.retry) if spec else None
            s.add(StepRun(run_id=run.id, name=step.name, type=step.type, position=i,
                          state=states[step.name],
                          max_attempts=policy.max_attempts if policy else 1,
                          reconcilable=bool(spec and spec.outcome_may_be_unknown),
                          updated_at=now))
        run.status = m.run_status(states)
        if not wf.steps:
            run.status = m.RUN_SUCCEEDED
            run.finished_at = now
        self._versions.setdefault(version.id, wf)
        return run

    def start_run(self, workflow_name: str, trigger: Any, *, practice: bool = False,
                  who: str | None = None) -> str:
        with self.db.write() as s:
            row, version, wf = load_workflow(s, workflow_name)
            if row.archived:
                raise ActionRefused(f"The workflow “{workflow_name}” is archived.")
            run = self.start_run_in(s, row, version, wf, trigger, practice=practice)
            audit.record(s, who, "run_started", run_id=run.id,
                         after={"workflow": workflow_name, "version": version.number})
            run_id = run.id
        self._emit([Event("run_started", run_id)])
        return run_id

    # -- claiming -----------------------------------------------------------------------------
    def claim(self, owner: str, *, limit: int = 1, lease_seconds: float = 60.0,
              now: float | None = None) -> list[Claim]:
        now = time.time() if now is None else now
        claims: list[Claim] = []
        events: list[Event] = []
        with self.db.write() as s:
            rows = list(s.scalars(
                select(StepRun).where(or_(
                    StepRun.state == m.READY,
                    and_(StepRun.state == m.RETRY_WAIT, StepRun.next_attempt_at <= now)))
                .order_by(StepRun.id).limit(limit)))
            if not rows:
                return []
            runs = {r.id: r for r in s.scalars(select(Run).where(
                Run.id.in_({row.run_id for row in rows})))}
            for row in rows:
                run = runs[row.run_id]
                resumed = row.sleeping
                if not resumed:
                    row.attempts += 1
                    s.add(Attempt(run_id=row.run_id, step_name=row.name, number=row.attempts,
                                  runner=owner, started_at=now))
                lease = f"{owner}#{next(self._seq)}"
                row.state = m.RUNNING
                row.lease_owner = lease
                row.lease_expires_at = now + lease_seconds
                row.started_at = row.started_at or now
                row.updated_at = now
                row.next_attempt_at = None
                if run.status != m.RUN_RUNNING and not run.cancelled:
                    run.status = m.RUN_RUNNING
                    run.updated_at = now
                claims.append(Claim(
                    step_id=row.id, run_id=row.run_id, step_name=row.name, step_type=row.type,
                    version_id=run.version_id, lease=lease, attempt=row.attempts,
                    max_attempts=row.max_attempts, resumed=resumed,
                    needs_reconcile=row.needs_reconcile, scratch=row.scratch,
                    input_override=row.input_override, trigger=run.trigger,
                    business_key=run.business_key, practice=run.practice))
                events.append(Event("step_changed", row.run_id, row.name, status=m.RUNNING))
            self._fill_step_data(s, claims)
            crashpoint("before_claim_commit")
        crashpoint("after_claim_commit")
        self._emit(events)
        return claims

    def _fill_step_data(self, s: Session, claims: list[Claim]) -> None:
        run_ids = {c.run_id for c in claims}
        data: dict[str, dict[str, dict[str, Any]]] = {r: {} for r in run_ids}
        for name, run_id, output, port, state in s.execute(
                select(StepRun.name, StepRun.run_id, StepRun.output, StepRun.port, StepRun.state)
                .where(StepRun.run_id.in_(run_ids),
                       StepRun.state.in_((m.SUCCEEDED, m.SKIPPED)))):
            data[run_id][name] = {"output": output, "port": port, "state": state}
        for c in claims:
            c.steps = data[c.run_id]

    def heartbeat(self, leases: Iterable[str], lease_seconds: float) -> None:
        leases = list(leases)
        if not leases:
            return
        with self.db.write() as s:
            s.execute(update(StepRun).where(StepRun.lease_owner.in_(leases),
                                            StepRun.state == m.RUNNING)
                      .values(lease_expires_at=time.time() + lease_seconds))

    # -- recording results --------------------------------------------------------------------
    def _held(self, s: Session, claim: Claim) -> StepRun | None:
        row = s.get(StepRun, claim.step_id)
        if row is None or row.state != m.RUNNING or row.lease_owner != claim.lease:
            log.info("run %s step %s: result discarded, the lease was lost (state %s)",
                     claim.run_id, claim.step_name, row.state if row else "gone")
            return None
        return row

    def _finish_attempt(self, s: Session, claim: Claim, outcome: str, error: str | None,
                        now: float) -> None:
        if claim.resumed:
            att = s.scalar(select(Attempt).where(Attempt.run_id == claim.run_id,
                                                 Attempt.step_name == claim.step_name)
                           .order_by(Attempt.number.desc()).limit(1))
        else:
            att = s.scalar(select(Attempt).where(Attempt.run_id == claim.run_id,
                                                 Attempt.step_name == claim.step_name,
                                                 Attempt.number == claim.attempt))
        if att is not None:
            att.outcome = outcome
            att.error = error
            att.finished_at = now

    def succeed(self, claim: Claim, output: Any, port: str = "out",
                effects: Iterable[Callable[[Session], None]] = (), *,
                input: Any = None) -> bool:
        now = time.time()
        with self.db.write() as s:
            row = self._held(s, claim)
            if row is None:
                return False
            for effect in effects:
                effect(s)
            row.state, row.output, row.port, row.error = m.SUCCEEDED, output, port, None
            if input is not None:
                row.input = input
            row.finished_at = row.updated_at = now
            row.lease_owner = row.lease_expires_at = None
            row.needs_reconcile = row.sleeping = False
            self._finish_attempt(s, claim, "succeeded", None, now)
            events = [Event("step_changed", claim.run_id, claim.step_name, status=m.SUCCEEDED)]
            events += self._advance(s, claim.run_id, now)
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self._emit(events)
        return True

    def sleep(self, claim: Claim, until: float | None, scratch: Any = None, reason: str = "",
              *, input: Any = None) -> float | None:
        """Park the step until ``until`` (or until woken). Returns when it is due, or None if
        the lease was lost."""
        now = time.time()
        with self.db.write() as s:
            row = self._held(s, claim)
            if row is None:
                return None
            woken = row.next_attempt_at is not None      # see _wake
            row.state, row.sleeping, row.scratch = m.RETRY_WAIT, True, scratch
            row.next_attempt_at = now if woken else (until if until is not None else FAR_FUTURE)
            row.error = reason or None
            if input is not None:
                row.input = input
            row.lease_owner = row.lease_expires_at = None
            row.updated_at = now
            self._finish_attempt(s, claim, "waiting", reason or None, now)
            events = [Event("step_changed", claim.run_id, claim.step_name, status=m.RETRY_WAIT)]
            events += self._refresh_status(s, claim.run_id, now)
            due = row.next_attempt_at
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self._emit(events)
        return due

    def ask(self, claim: Claim, decision: Decision, *, input: Any = None) -> bool:
        now = time.time()
        with self.db.write() as s:
            row = self._held(s, claim)
            if row is None:
                return False
            run = s.get(Run, claim.run_id)
            row.state = m.NEEDS_ATTENTION
            row.lease_owner = row.lease_expires_at = None
            row.updated_at = now
            row.sleeping = False
            if input is not None:
                row.input = input
            self._finish_attempt(s, claim, "asked", None, now)
            item = InboxItem(
                kind="decision", status="open", title=decision.question, reason=decision.question,
                detail={"question": decision.question, "options": decision.options,
                        "fields": decision.fields, "context": decision.context,
                        "deadline": decision.deadline},
                run_id=claim.run_id, step_name=claim.step_name, workflow_name=run.workflow_name,
                business_key=run.business_key, created_at=now)
            s.add(item)
            s.flush()
            events = [Event("step_changed", claim.run_id, claim.step_name, status=row.state),
                      Event("inbox_opened", claim.run_id, claim.step_name, inbox_id=item.id)]
            events += self._refresh_status(s, claim.run_id, now)
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self._emit(events)
        return True

    def fail(self, claim: Claim, message: str, *, retryable: bool, retry_at: float | None,
             outcome_unknown: bool = False, outcome: str | None = None, input: Any = None,
             detail: Any = None) -> str | None:
        """Record a failed attempt. Returns the step's new state (None if the lease was lost)."""
        now = time.time()
        with self.db.write() as s:
            row = self._held(s, claim)
            if row is None:
                return None
            if input is not None:
                row.input = input
            row.error = message
            row.lease_owner = row.lease_expires_at = None
            row.updated_at = now
            row.sleeping = False
            self._finish_attempt(s, claim, outcome or ("retryable" if retryable else "failed"),
                                 message, now)
            events = self._after_failure(s, row, message, retryable=retryable, retry_at=retry_at,
                                         outcome_unknown=outcome_unknown, now=now, detail=detail)
            new_state = row.state
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self._emit(events)
        return new_state

    def _after_failure(self, s: Session, row: StepRun, message: str, *, retryable: bool,
                       retry_at: float | None, outcome_unknown: bool, now: float,
                       detail: Any = None, why: str | None = None) -> list[Event]:
        if retryable and row.attempts < row.max_attempts:
            row.state = m.RETRY_WAIT
            row.next_attempt_at = retry_at if retry_at is not None else now
            row.needs_reconcile = outcome_unknown and row.reconcilable
            return [Event("step_changed", row.run_id, row.name, status=row.state),
                    *self._refresh_status(s, row.run_id, now)]
        run = s.get(Run, row.run_id)
        wf = self.workflow_for_version(s, run.version_id)
        has_error_path = any(e.port == ERROR_PORT for e in wf.outgoing(row.name))
        if has_error_path:
            row.state, row.port = m.SUCCEEDED, ERROR_PORT
            row.output = {"error": message, "attempts": row.attempts}
            row.finished_at = now
            return [Event("step_changed", row.run_id, row.name, status=row.state),
                    *self._advance(s, row.run_id, now)]
        row.state = m.NEEDS_ATTENTION
        row.needs_reconcile = outcome_unknown and row.reconcilable
        if why is None:
            tries = f"after {row.attempts} attempt{'s' if row.attempts != 1 else ''}"
            why = (f"{wf.step(row.name).label if wf.step(row.name) else row.name} failed {tries}: "
                   f"{message}")
        item = InboxItem(kind="step_failed", status="open",
                         title=f"{run.business_key or run.workflow_name}: "
                               f"{wf.step(row.name).label if wf.step(row.name) else row.name} failed",
                         reason=why, detail={"error": message, "attempts": row.attempts,
                                             "input": row.input, "extra": detail},
                         run_id=row.run_id, step_name=row.name, workflow_name=run.workflow_name,
                         business_key=run.business_key, created_at=now)
        s.add(item)
        s.flush()
        return [Event("step_changed", row.run_id, row.name, status=row.state),
                Event("inbox_opened", row.run_id, row.name, inbox_id=item.id),
                *self._refresh_status(s, row.run_id, now)]

    # -- advancing runs -----------------------------------------------------------------------
    def _advance(self, s: Session, run_id: str, now: float) -> list[Event]:
        run = s.get(Run, run_id)
        wf = self.workflow_for_version(s, run.version_id)
        rows = {r.name: r for r in s.scalars(select(StepRun).where(StepRun.run_id == run_id))}
        facts = {n: m.StepFact(r.state, r.port) for n, r in rows.items()}
        events = []
        for name, new in m.advance(wf, facts).items():
            r = rows[name]
            r.state = new
            r.updated_at = now
            if new == m.SKIPPED:
                r.finished_at = now
            events.append(Event("step_changed", run_id, name, status=new))
        return events + self._refresh_status(s, run_id, now, rows)

    def _refresh_status(self, s: Session, run_id: str, now: float,
                        rows: dict[str, StepRun] | None = None) -> list[Event]:
        run = s.get(Run, run_id)
        if rows is None:
            rows = {r.name: r for r in s.scalars(select(StepRun).where(StepRun.run_id == run_id))}
        status = m.run_status({n: r.state for n, r in rows.items()}, run.cancelled)
        if status == run.status:
            return []
        run.status = status
        run.updated_at = now
        events = [Event("run_changed", run_id, status=status)]
        if status in m.RUN_FINAL:
            run.finished_at = now
            if run.parent_run_id and run.parent_step:
                events += self._wake(s, run.parent_run_id, run.parent_step, now)
        else:
            run.finished_at = None
        return events

    def _wake(self, s: Session, run_id: str, step: str, now: float) -> list[Event]:
        row = s.scalar(select(StepRun).where(StepRun.run_id == run_id, StepRun.name == step))
        if row is not None and row.state == m.RETRY_WAIT and row.sleeping:
            row.next_attempt_at = now
            return [Event("step_changed", run_id, step, status=row.state)]
        if row is not None and row.state == m.RUNNING:
            # Woken while still running (a child finished before the step went to sleep):
            # a running step never uses next_attempt_at, so it marks the wake for ``sleep``.
            row.next_attempt_at = now
        return []

    def wake(self, run_id: str, step: str) -> None:
        with self.db.write() as s:
            events = self._wake(s, run_id, step, time.time())
        self._emit(events)

    # -- recovery -----------------------------------------------------------------------------
    def recover(self, is_alive: Callable[[str], bool | None] = owner_alive_on_this_host,
                now: float | None = None) -> int:
        """Give expired or orphaned leases back: the attempt counts; a step that keeps killing its
        runner ends in ``needs_attention`` after its attempts, never in a crash loop."""
        now = time.time() if now is None else now
        events: list[Event] = []
        count = 0
        with self.db.write() as s:
            for row in s.scalars(select(StepRun).where(StepRun.state == m.RUNNING)):
                owner = (row.lease_owner or "").split("#", 1)[0]
                expired = row.lease_expires_at is None or row.lease_expires_at <= now
                if not expired and is_alive(owner) is not False:
                    continue
                count += 1
                msg = "Daloy stopped while this step was running"
                att = s.scalar(select(Attempt).where(Attempt.run_id == row.run_id,
                                                     Attempt.step_name == row.name)
                               .order_by(Attempt.number.desc()).limit(1))
                if att is not None and att.finished_at is None:
                    att.outcome, att.error, att.finished_at = "interrupted", msg, now
                row.lease_owner = row.lease_expires_at = None
                row.updated_at = now
                if row.sleeping:
                    row.state, row.next_attempt_at = m.RETRY_WAIT, now
                    events.append(Event("step_changed", row.run_id, row.name, status=row.state))
                    continue
                row.error = msg
                if row.reconcilable:
                    row.needs_reconcile = True
                if row.attempts < row.max_attempts:
                    row.state = m.READY
                    events.append(Event("step_changed", row.run_id, row.name, status=row.state))
                else:
                    events += self._after_failure(
                        s, row, msg, retryable=False, retry_at=None,
                        outcome_unknown=row.reconcilable,
                        now=now, why=f"Daloy stopped {row.attempts} times while step "
                                     f"“{row.name}” was running; it will not be tried again "
                                     "on its own. Check the step, then retry or skip it.")
                crashpoint("mid_recovery")
        self._emit(events)
        return count

    def release(self, leases: Iterable[str]) -> int:
        """Graceful shutdown: steps still running give their lease back; the attempt does not
        count (the outside call may have happened, so reconcilable steps reconcile first)."""
        leases = list(leases)
        if not leases:
            return 0
        now = time.time()
        n = 0
        with self.db.write() as s:
            for row in s.scalars(select(StepRun).where(StepRun.lease_owner.in_(leases),
                                                       StepRun.state == m.RUNNING)):
                n += 1
                self._finish_attempt(s, _claim_of(row), "interrupted", "Daloy was shut down", now)
                if row.sleeping:
                    row.state, row.next_attempt_at = m.RETRY_WAIT, now
                else:
                    row.state = m.READY
                    row.attempts = max(0, row.attempts - 1)
                    row.needs_reconcile = row.needs_reconcile or row.reconcilable
                row.lease_owner = row.lease_expires_at = None
                row.updated_at = now
        return n

    def next_wakeups(self, limit: int = 1000) -> list[float]:
        with self.db.read() as s:
            return list(s.scalars(select(StepRun.next_attempt_at).where(
                StepRun.state == m.RETRY_WAIT, StepRun.next_attempt_at < FAR_FUTURE)
                .order_by(StepRun.next_attempt_at).limit(limit)))

    def has_ready(self) -> bool:
        with self.db.read() as s:
            return s.scalar(select(StepRun.id).where(or_(
                StepRun.state == m.READY,
                and_(StepRun.state == m.RETRY_WAIT, StepRun.next_attempt_at <= time.time())))
                .limit(1)) is not None


def _claim_of(row: StepRun) -> Claim:
    return Claim(step_id=row.id, run_id=row.run_id, step_name=row.name, step_type=row.type,
                 version_id=0, lease=row.lease_owner or "", attempt=row.attempts,
                 max_attempts=row.max_attempts, resumed=row.sleeping, needs_reconcile=False,
                 scratch=None, input_override=None, trigger=None, business_key="", practice=False)
