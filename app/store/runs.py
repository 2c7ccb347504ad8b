"""The durable run store: every state change of a run or step is one committed transaction.

This module is the persistence half of the engine (the decisions are ``app.core.machine``'s):
starting runs, claiming ready steps under a lease, recording results, retries, questions for a
person, recovery of expired leases, and every operator action with its audit entry.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, select, text, update
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core import redact, templates
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.model import Workflow
from app.core.results import Decision
from app.core.retry import RetryPolicy
from app.core.stepspec import ERROR_PORT, SpecRegistry, StepSpec
from app.crashpoints import crashpoint
from app.store import audit, workflows
from app.store.db import Database
from app.store.inbox import words_for
from app.store.models import Attempt, InboxItem, Run, StepRun, WorkflowRow, WorkflowVersion

log = logging.getLogger(__name__)
FAR_FUTURE = 4102444800.0  # 2100-01-01: "until woken"
# What claiming a step reads (``RunStore._take`` unpacks it in this order).
_STEP_COLS = (
    "id, run_id, name, type, attempts, max_attempts, sleeping, needs_reconcile, "
    "scratch, input_override"
)


def state_is(state: str) -> ColumnElement[bool]:
    """``step_runs.state = '<state>'`` with the state written into the SQL: SQLite uses a partial
    index (models.StepRun) only for a literal, never for a bound parameter."""
    assert state in m.STEP_STATES
    return text(f"step_runs.state = '{state}'")


def _loads(value: str | None) -> Any:
    """A JSON column as SQLAlchemy's JSON type stores it (SQL NULL and 'null' are both None)."""
    return None if value is None else json.loads(value)


def _dumps(value: Any) -> str | None:
    """For ``COALESCE(?, column)``: None keeps the column as it is."""
    return None if value is None else json.dumps(value)


def unknown_outcome_reason(label: str, cause: str) -> str:
    """The inbox entry's reason when Daloy cannot tell whether a step acted (sent the request,
    charged the card): it asks a person instead of repeating the step."""
    return (
        f"Not known whether “{label}” went through ({cause.rstrip('.')}). Check with the "
        "service it calls before retrying — for a payment, whether the card was charged. If "
        "it went through, skip this step and enter its result; if it did not, retry it."
    )


class ActionRefused(DaloyError):
    """An operator action that does not apply to the run or step as it is now."""


@dataclass(frozen=True)
class Event:
    kind: str  # run_started, step_changed, run_changed, inbox_opened, inbox_resolved
    run_id: str | None = None
    step: str | None = None
    inbox_id: int | None = None
    status: str | None = None
    due: float | None = None  # a retry_wait step: when it may be claimed (epoch seconds)


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
    attempt_id: int | None = None  # the attempts row this claim finishes
    system: str | None = None  # the outside system this attempt calls (breakers)

    @property
    def idempotency_key(self) -> str:
        return idempotency_key(self.run_id, self.step_name)


def idempotency_key(run_id: str, step_name: str) -> str:
    """The key a step's attempts carry: identical on every retry of this step in this run,
    unique across runs."""
    return f"daloy-{run_id}-{step_name}"


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
        self._plans: dict[int, list[tuple]] = {}
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
    def start_run_in(
        self,
        s: Session,
        row: WorkflowRow,
        version: WorkflowVersion,
        wf: Workflow,
        trigger: Any,
        *,
        intake_item_id: int | None = None,
        parent: tuple[str, str] | None = None,
        practice: bool = False,
        run_id: str | None = None,
    ) -> Run:
        """Create a run inside the caller's ORM transaction (intake commits its item with it)."""
        s.flush()
        cur = s.connection().connection.driver_connection.cursor()
        try:
            run_id = self._insert_run(
                cur,
                row.id,
                version.id,
                wf,
                trigger,
                intake_item_id=intake_item_id,
                parent=parent,
                practice=practice,
                run_id=run_id,
            )
        finally:
            cur.close()
        return s.get(Run, run_id)

    def start_run(
        self, workflow_name: str, trigger: Any, *, practice: bool = False, who: str | None = None
    ) -> str:
        """Start a run of the workflow's current version (an operator's or a test's)."""
        who = who or audit.current_user()
        with self.db.write_raw() as cur:
            found = cur.execute(
                "SELECT id, archived, current_version_id FROM workflows WHERE name = ?",
                (workflow_name,),
            ).fetchone()
            if found is None:
                raise workflows.no_workflow(workflow_name)
            workflow_id, archived, version_id = found
            if archived:
                raise ActionRefused(f"The workflow “{workflow_name}” is archived.")
            version = cur.execute(
                "SELECT number FROM workflow_versions WHERE id = ?", (version_id,)
            ).fetchone()
            if version is None:
                raise workflows.no_version(workflow_name)
            wf = self._versions.get(version_id)
            if wf is None:
                definition = cur.execute(
                    "SELECT definition FROM workflow_versions WHERE id = ?", (version_id,)
                ).fetchone()[0]
                wf = self._versions.setdefault(version_id, Workflow.from_json(definition))
            run_id = self._insert_run(cur, workflow_id, version_id, wf, trigger, practice=practice)
            cur.execute(
                "INSERT INTO audit (at, who, action, run_id, after) "
                "VALUES (?, ?, 'run_started', ?, ?)",
                (
                    time.time(),
                    who,
                    run_id,
                    json.dumps({"workflow": workflow_name, "version": version[0]}),
                ),
            )
        self._emit([Event("run_started", run_id)])
        return run_id

    def _insert_run(
        self,
        cur: sqlite3.Cursor,
        workflow_id: int,
        version_id: int,
        wf: Workflow,
        trigger: Any,
        *,
        intake_item_id: int | None = None,
        parent: tuple[str, str] | None = None,
        practice: bool = False,
        run_id: str | None = None,
    ) -> str:
        """The run's row and one row per step, in the caller's transaction."""
        now = time.time()
        key = ""
        if wf.business_key:
            try:
                key = str(templates.render_text(wf.business_key, {"trigger": trigger}))[:300]
            except DaloyError as exc:
                log.warning("business key of a %s run could not be rendered: %s", wf.name, exc)
        run_id = run_id or uuid.uuid4().hex
        done = not wf.steps
        cur.execute(
            "INSERT INTO runs (id, workflow_id, version_id, workflow_name, status, business_key, "
            "trigger, cancelled, practice, parent_run_id, parent_step, intake_item_id, "
            "created_at, updated_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, "
            "?, ?)",
            (
                run_id,
                workflow_id,
                version_id,
                wf.name,
                m.RUN_SUCCEEDED if done else m.RUN_RUNNING,
                key,
                json.dumps(trigger),
                practice,
                parent[0] if parent else None,
                parent[1] if parent else None,
                intake_item_id,
                now,
                now,
                now if done else None,
            ),
        )
        cur.executemany(
            "INSERT INTO step_runs (run_id, name, type, position, state, attempts, max_attempts, "
            "reconcilable, time_limit, needs_reconcile, sleeping, updated_at) "
            "VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, 0, 0, ?)",
            [(run_id, *step, now) for step in self._plan(version_id, wf)],
        )
        return run_id

    def _plan(self, version_id: int, wf: Workflow) -> list[tuple]:
        """The step rows every run of a version starts with, policies pinned from the specs:
        (name, type, position, state, max_attempts, reconcilable, time_limit)."""
        plan = self._plans.get(version_id)
        if plan is None:
            states = m.initial(wf)
            plan = []
            for i, step in enumerate(wf.steps):
                spec = self.registry.get(step.type)
                policy = spec.retry.merged(step.retry) if spec else None
                plan.append(
                    (
                        step.name,
                        step.type,
                        i,
                        states[step.name],
                        policy.max_attempts if policy else 1,
                        bool(spec and spec.outcome_may_be_unknown),
                        _time_limit(spec, policy, step.config),
                    )
                )
            self._plans[version_id] = plan
        return plan

    def current_workflow(
        self, s: Session, name: str
    ) -> tuple[WorkflowRow, WorkflowVersion, Workflow]:
        """The workflow's row, its current version and that version parsed (parsed once)."""
        row = workflows.get_row(s, name)
        version = workflows.current_version(s, row)
        wf = self._versions.get(version.id)
        if wf is None:
            wf = self._versions.setdefault(version.id, Workflow.from_json(version.definition))
        return row, version, wf

    # -- claiming -----------------------------------------------------------------------------
    # Claiming a step and recording its success are what every step costs, so they are written
    # in SQLite SQL on the DB-API cursor (``Database.write_raw``); the rarer transitions (fail,
    # ask, sleep, recovery, operator actions) use the ORM.
    def claim(
        self, owner: str, *, limit: int = 1, lease_seconds: float = 60.0, now: float | None = None
    ) -> list[Claim]:
        now = time.time() if now is None else now
        claims: list[Claim] = []
        with self.db.write_raw() as cur:
            # Ready steps and due retries, oldest first (each from its partial index).
            rows = cur.execute(
                f"SELECT * FROM (SELECT {_STEP_COLS} FROM step_runs WHERE state = 'ready' "
                "ORDER BY id LIMIT ?) UNION ALL SELECT * FROM ("
                f"SELECT {_STEP_COLS} FROM step_runs WHERE state = 'retry_wait' "
                "AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?) ORDER BY 1 LIMIT ?",
                (limit, now, limit, limit),
            ).fetchall()
            if not rows:
                return []
            run_ids = sorted({r[1] for r in rows})
            runs = {
                r[0]: r
                for r in cur.execute(
                    "SELECT id, version_id, trigger, business_key, practice, status, cancelled "
                    f"FROM runs WHERE id IN ({','.join('?' * len(run_ids))})",
                    run_ids,
                )
            }
            triggers = {rid: _loads(r[2]) for rid, r in runs.items()}
            for row in rows:
                run = runs[row[1]]
                claims.append(
                    self._take(
                        cur,
                        row,
                        owner,
                        lease_seconds,
                        now,
                        version_id=run[1],
                        trigger=triggers[row[1]],
                        business_key=run[3],
                        practice=bool(run[4]),
                    )
                )
                if run[5] != m.RUN_RUNNING and not run[6]:
                    cur.execute(
                        "UPDATE runs SET status = ?, updated_at = ? WHERE id = ?",
                        (m.RUN_RUNNING, now, row[1]),
                    )
                    runs[row[1]] = (*run[:5], m.RUN_RUNNING, run[6])
            data: dict[str, dict[str, dict[str, Any]]] = {r: {} for r in run_ids}
            for run_id, name, state, port, output in cur.execute(
                "SELECT run_id, name, state, port, output FROM step_runs "
                f"WHERE run_id IN ({','.join('?' * len(run_ids))}) "
                "AND state IN ('succeeded', 'skipped')",
                run_ids,
            ):
                data[run_id][name] = {"output": _loads(output), "port": port, "state": state}
            for c in claims:
                c.steps = dict(data[c.run_id])
            crashpoint("before_claim_commit")
        crashpoint("after_claim_commit")
        self._emit([Event("step_changed", c.run_id, c.step_name, status=m.RUNNING) for c in claims])
        return claims

    def _take(
        self,
        cur: sqlite3.Cursor,
        row: tuple,
        owner: str,
        lease_seconds: float,
        now: float,
        *,
        version_id: int,
        trigger: Any,
        business_key: str,
        practice: bool,
    ) -> Claim:
        """Mark one ready (or due) step running under a new lease; its attempt starts now, or
        continues when the step was only asleep (a wait, a child run)."""
        (
            step_id,
            run_id,
            name,
            type_,
            attempts,
            max_attempts,
            sleeping,
            reconcile,
            scratch,
            override,
        ) = row
        if sleeping:
            last = cur.execute(
                "SELECT id FROM attempts WHERE run_id = ? AND step_name = ? "
                "ORDER BY number DESC LIMIT 1",
                (run_id, name),
            ).fetchone()
            attempt_id = last[0] if last else None
        else:
            attempts += 1
            attempt_id = cur.execute(
                "INSERT INTO attempts (run_id, step_name, number, runner, started_at, outcome) "
                "VALUES (?, ?, ?, ?, ?, 'running')",
                (run_id, name, attempts, owner, now),
            ).lastrowid
        lease = f"{owner}#{next(self._seq)}"
        cur.execute(
            "UPDATE step_runs SET state = 'running', attempts = ?, lease_owner = ?, "
            "lease_expires_at = ?, started_at = COALESCE(started_at, ?), updated_at = ?, "
            "next_attempt_at = NULL WHERE id = ?",
            (attempts, lease, now + lease_seconds, now, now, step_id),
        )
        return Claim(
            step_id=step_id,
            run_id=run_id,
            step_name=name,
            step_type=type_,
            version_id=version_id,
            lease=lease,
            attempt=attempts,
            max_attempts=max_attempts,
            resumed=bool(sleeping),
            needs_reconcile=bool(reconcile),
            scratch=_loads(scratch),
            input_override=_loads(override),
            trigger=trigger,
            business_key=business_key,
            practice=practice,
            attempt_id=attempt_id,
        )

    def heartbeat(self, leases: Iterable[str], lease_seconds: float) -> None:
        leases = list(leases)
        if not leases:
            return
        with self.db.write() as s:
            s.execute(
                update(StepRun)
                .where(StepRun.lease_owner.in_(leases), state_is(m.RUNNING))
                .values(lease_expires_at=time.time() + lease_seconds)
            )

    # -- recording results --------------------------------------------------------------------
    def _held(self, s: Session, claim: Claim) -> StepRun | None:
        row = s.get(StepRun, claim.step_id)
        if row is None or row.state != m.RUNNING or row.lease_owner != claim.lease:
            log.info(
                "run %s step %s: result discarded, the lease was lost (state %s)",
                claim.run_id,
                claim.step_name,
                row.state if row else "gone",
            )
            return None
        return row

    def _finish_attempt(
        self, s: Session, claim: Claim, outcome: str, error: str | None, now: float
    ) -> Attempt | None:
        if claim.attempt_id is not None:
            att = s.get(Attempt, claim.attempt_id)
        elif claim.resumed:
            att = s.scalar(
                select(Attempt)
                .where(Attempt.run_id == claim.run_id, Attempt.step_name == claim.step_name)
                .order_by(Attempt.number.desc())
                .limit(1)
            )
        else:
            att = s.scalar(
                select(Attempt).where(
                    Attempt.run_id == claim.run_id,
                    Attempt.step_name == claim.step_name,
                    Attempt.number == claim.attempt,
                )
            )
        if att is not None:
            att.outcome = outcome
            att.error = error
            att.finished_at = now
        return att

    def note_looked_up(self, claim: Claim, happened: bool) -> None:
        """Remember on this attempt what the look-up of the earlier unanswered one found, so
        the inbox can say "Daloy checked with the payment service: no charge was made"."""
        if claim.attempt_id is None:
            return
        with self.db.write() as s:
            att = s.get(Attempt, claim.attempt_id)
            if att is not None:
                att.looked_up = "found" if happened else "not found"

    def succeed(
        self,
        claim: Claim,
        output: Any,
        port: str = "out",
        effects: Iterable[Callable[[Session], None]] = (),
        *,
        input: Any = None,
    ) -> bool:
        """Record the step's result and make what follows it ready, in one transaction."""
        effects = list(effects)
        if effects:
            return self._succeed_with_effects(claim, output, port, effects, input)
        return self.succeed_and_continue(claim, output, port, input=input, chain=False)[0]

    def succeed_and_continue(
        self,
        claim: Claim,
        output: Any,
        port: str = "out",
        *,
        input: Any = None,
        chain: bool = True,
        lease_seconds: float = 60.0,
    ) -> tuple[bool, Claim | None]:
        """``succeed``, and with ``chain`` also claim a step this made ready in the same run, in
        the same transaction: a chain of steps costs one commit per step, and the runner goes
        straight on with the next one. Returns (recorded, the next claim or None)."""
        try:
            output_json, input_json = json.dumps(output), _dumps(input)
        except (TypeError, ValueError) as exc:
            self.fail(
                claim,
                f"The step's result could not be saved: {exc}",
                retryable=False,
                retry_at=None,
            )
            return False, None
        now = time.time()
        with self.db.write_raw() as cur:
            if (
                cur.execute(
                    "UPDATE step_runs SET state = 'succeeded', output = ?, port = ?, "
                    "error = NULL, input = COALESCE(?, input), finished_at = ?, "
                    "updated_at = ?, lease_owner = NULL, lease_expires_at = NULL, "
                    "needs_reconcile = 0, sleeping = 0 "
                    "WHERE id = ? AND state = 'running' AND lease_owner = ?",
                    (output_json, port, input_json, now, now, claim.step_id, claim.lease),
                ).rowcount
                != 1
            ):
                state = cur.execute(
                    "SELECT state FROM step_runs WHERE id = ?", (claim.step_id,)
                ).fetchone()
                log.info(
                    "run %s step %s: result discarded, the lease was lost (state %s)",
                    claim.run_id,
                    claim.step_name,
                    state[0] if state else "gone",
                )
                return False, None
            self._finish_attempt_raw(cur, claim, "succeeded", None, now)
            events = [Event("step_changed", claim.run_id, claim.step_name, status=m.SUCCEEDED)]
            advanced, nxt = self._advance_raw(
                cur, claim, output, port, now, lease_seconds if chain else None
            )
            events += advanced
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self._emit(events)
        return True, nxt

    def _finish_attempt_raw(
        self, cur: sqlite3.Cursor, claim: Claim, outcome: str, error: str | None, now: float
    ) -> None:
        if claim.attempt_id is None:
            return
        cur.execute(
            "UPDATE attempts SET outcome = ?, error = ?, finished_at = ? WHERE id = ?",
            (outcome, error, now, claim.attempt_id),
        )

    def _advance_raw(
        self,
        cur: sqlite3.Cursor,
        claim: Claim,
        output: Any,
        port: str,
        now: float,
        lease_seconds: float | None,
    ) -> tuple[list[Event], Claim | None]:
        """After ``claim``'s step succeeded: ready or skip what follows, claim the next ready
        step when ``lease_seconds`` is given, and bring the run's status up to date."""
        run_id = claim.run_id
        wf = self._versions.get(claim.version_id)
        if wf is None:
            with self.db.read() as s:
                wf = self.workflow_for_version(s, claim.version_id)
        rows = {
            r[2]: r
            for r in cur.execute(
                f"SELECT {_STEP_COLS}, state, port, output FROM step_runs WHERE run_id = ?",
                (run_id,),
            )
        }
        states = {name: r[10] for name, r in rows.items()}
        events: list[Event] = []
        changes = m.advance(wf, {name: m.StepFact(r[10], r[11]) for name, r in rows.items()})
        nxt_name = None
        if lease_seconds is not None:
            ready = [n for n in (*changes, *states) if changes.get(n, states[n]) == m.READY]
            nxt_name = min(ready, key=lambda n: rows[n][0]) if ready else None
        for name, new in changes.items():
            states[name] = new
            if name == nxt_name:
                continue  # goes from pending to running below, in this transaction
            cur.execute(
                "UPDATE step_runs SET state = ?, updated_at = ?, finished_at = ? WHERE id = ?",
                (new, now, now if new == m.SKIPPED else None, rows[name][0]),
            )
            events.append(Event("step_changed", run_id, name, status=new))
        nxt = None
        if nxt_name is not None:
            nxt = self._take(
                cur,
                rows[nxt_name][:10],
                claim.lease.split("#", 1)[0],
                lease_seconds,
                now,
                version_id=claim.version_id,
                trigger=claim.trigger,
                business_key=claim.business_key,
                practice=claim.practice,
            )
            states[nxt_name] = m.RUNNING
            data = dict(claim.steps)
            data[claim.step_name] = {"output": output, "port": port, "state": m.SUCCEEDED}
            for name, st in states.items():
                if st in (m.SUCCEEDED, m.SKIPPED) and name not in data:
                    r = rows[name]
                    data[name] = {"output": _loads(r[12]), "port": r[11], "state": st}
            nxt.steps = data
            events.append(Event("step_changed", run_id, nxt_name, status=m.RUNNING))
        return events + self._refresh_status_raw(cur, run_id, states, now), nxt

    def _refresh_status_raw(
        self, cur: sqlite3.Cursor, run_id: str, states: dict[str, str], now: float
    ) -> list[Event]:
        status = m.run_status(states)
        final = status in m.RUN_FINAL
        if not cur.execute(
            "UPDATE runs SET status = ?, updated_at = ?, finished_at = ? "
            "WHERE id = ? AND status != ? AND NOT cancelled",
            (status, now, now if final else None, run_id, status),
        ).rowcount:
            return []
        events = [Event("run_changed", run_id, status=status)]
        parent_run, parent_step = cur.execute(
            "SELECT parent_run_id, parent_step FROM runs WHERE id = ?", (run_id,)
        ).fetchone()
        if final and parent_run and parent_step:
            # Wake the parent's step that waits for this child run (see ``_wake``).
            if cur.execute(
                "UPDATE step_runs SET next_attempt_at = ? WHERE run_id = ? AND "
                "name = ? AND state = 'retry_wait' AND sleeping = 1",
                (now, parent_run, parent_step),
            ).rowcount:
                events.append(Event("step_changed", parent_run, parent_step, status=m.RETRY_WAIT))
            else:
                cur.execute(
                    "UPDATE step_runs SET next_attempt_at = ? WHERE run_id = ? AND "
                    "name = ? AND state = 'running'",
                    (now, parent_run, parent_step),
                )
        return events

    def _succeed_with_effects(
        self,
        claim: Claim,
        output: Any,
        port: str,
        effects: list[Callable[[Session], None]],
        input: Any,
    ) -> bool:
        """A result whose step also changes Daloy's own tables: the ORM path, one transaction."""
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

    def sleep(
        self,
        claim: Claim,
        until: float | None,
        scratch: Any = None,
        reason: str = "",
        *,
        input: Any = None,
    ) -> float | None:
        """Park the step until ``until`` (or until woken). Returns when it is due, or None if
        the lease was lost."""
        now = time.time()
        reason = redact.text(reason)
        with self.db.write() as s:
            row = self._held(s, claim)
            if row is None:
                return None
            woken = row.next_attempt_at is not None  # see _wake
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
                kind="decision",
                status="open",
                title=decision.question,
                reason=decision.question,
                detail={
                    "question": decision.question,
                    "options": decision.options,
                    "fields": decision.fields,
                    "context": decision.context,
                    "deadline": decision.deadline,
                },
                run_id=claim.run_id,
                step_name=claim.step_name,
                workflow_name=run.workflow_name,
                business_key=run.business_key,
                created_at=now,
            )
            s.add(item)
            s.flush()
            events = [
                Event("step_changed", claim.run_id, claim.step_name, status=row.state),
                Event("inbox_opened", claim.run_id, claim.step_name, inbox_id=item.id),
            ]
            events += self._refresh_status(s, claim.run_id, now)
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self._emit(events)
        return True

    def fail(
        self,
        claim: Claim,
        message: str,
        *,
        retryable: bool,
        retry_at: float | None,
        outcome_unknown: bool = False,
        outcome: str | None = None,
        input: Any = None,
        detail: Any = None,
        waiting_on: str | None = None,
        waiting_reason: str = "",
        effect: Callable[[Session], list[Event]] | None = None,
    ) -> str | None:
        """Record a failed attempt. Returns the step's new state (None if the lease was lost).
        ``waiting_on``: a retryable failure against a system now down parks the step there
        (``park``) instead of counting down its retries; ``effect`` runs in the transaction."""
        # The one place failure text enters the store (step error, attempt log, error-port
        # output, inbox entry): secrets are hidden here, before anything is written.
        message, detail = redact.text(message), redact.value(detail)
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
            att = self._finish_attempt(
                s, claim, outcome or ("retryable" if retryable else "failed"), message, now
            )
            if waiting_on is not None and retryable:
                row.needs_reconcile = outcome_unknown and row.reconcilable
                row.error = redact.text(waiting_reason) or message
                events = self._parked(s, row, waiting_on, FAR_FUTURE, now)
            else:
                events = self._after_failure(
                    s,
                    row,
                    message,
                    retryable=retryable,
                    retry_at=retry_at,
                    outcome_unknown=outcome_unknown,
                    now=now,
                    detail=detail,
                    settles_at=self.outcome_settles_at(row, att),
                )
            if effect is not None:
                events += effect(s)
            new_state = row.state
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self._emit(events)
        return new_state

    def park(
        self,
        claim: Claim,
        waiting_on: str | None,
        reason: str,
        *,
        due: float = FAR_FUTURE,
        effect: Callable[[Session], list[Event]] | None = None,
    ) -> bool:
        """Put a claimed step back before it was attempted, without spending an attempt:
        running → retry_wait until ``due`` (far off: until released), ``waiting_on`` a down
        system or a hold, ``reason`` the sentence the order shows. ``effect`` runs in the same
        transaction (the down system's inbox entry counts its orders)."""
        now = time.time()
        with self.db.write() as s:
            row = self._held(s, claim)
            if row is None:
                return False
            if not claim.resumed and claim.attempt_id is not None:
                att = s.get(Attempt, claim.attempt_id)
                if att is not None:
                    s.delete(att)
                row.attempts = max(0, row.attempts - 1)
                if row.attempts == 0:
                    row.started_at = None
            row.error = redact.text(reason) or None
            events = self._parked(s, row, waiting_on, due, now)
            if effect is not None:
                events += effect(s)
        self._emit(events)
        return True

    def _parked(
        self, s: Session, row: StepRun, waiting_on: str | None, due: float, now: float
    ) -> list[Event]:
        m.check_transition(row.state, m.RETRY_WAIT)
        row.state, row.waiting_on, row.next_attempt_at = m.RETRY_WAIT, waiting_on, due
        row.lease_owner = row.lease_expires_at = None
        row.sleeping = False
        row.updated_at = now
        return [
            Event(
                "step_changed",
                row.run_id,
                row.name,
                status=row.state,
                due=due if due < FAR_FUTURE else None,
            ),
            *self._refresh_status(s, row.run_id, now),
        ]

    def _after_failure(
        self,
        s: Session,
        row: StepRun,
        message: str,
        *,
        retryable: bool,
        retry_at: float | None,
        outcome_unknown: bool,
        now: float,
        detail: Any = None,
        why: str | None = None,
        settles_at: float | None = None,
    ) -> list[Event]:
        """``why``: the inbox entry's reason, or a short cause of an outcome not known;
        ``settles_at``: when the failed attempt can no longer land (``outcome_settles_at``)."""
        unknown = outcome_unknown and row.reconcilable
        if retryable and row.attempts < row.max_attempts:
            row.state = m.RETRY_WAIT
            row.next_attempt_at = retry_at if retry_at is not None else now
            if unknown and settles_at is not None:
                # A look-up before then may not see a request the other side is still booking
                # ("not found"), and the repeat would act twice.
                row.next_attempt_at = max(row.next_attempt_at, settles_at)
            row.needs_reconcile = unknown
            return [
                Event(
                    "step_changed", row.run_id, row.name, status=row.state, due=row.next_attempt_at
                ),
                *self._refresh_status(s, row.run_id, now),
            ]
        run = s.get(Run, row.run_id)
        wf = self.workflow_for_version(s, run.version_id)
        label = wf.step(row.name).label if wf.step(row.name) else row.name
        # An error path is for a step that failed; whether this one acted is not known, so a
        # person finds out instead of the workflow guessing.
        has_error_path = not unknown and any(e.port == ERROR_PORT for e in wf.outgoing(row.name))
        if has_error_path:
            row.state, row.port = m.SUCCEEDED, ERROR_PORT
            row.output = {"error": message, "attempts": row.attempts}
            row.finished_at = now
            return [
                Event("step_changed", row.run_id, row.name, status=row.state),
                *self._advance(s, row.run_id, now),
            ]
        row.state = m.NEEDS_ATTENTION
        row.needs_reconcile = unknown
        if unknown:
            # Attempts that ran out (or a runner that kept stopping) before finding out are said
            # here; a step that could not find out gave its own sentence for a person.
            why = unknown_outcome_reason(label, why or message) if retryable else why or message
        elif why is None:
            why = said(
                QT_TRANSLATE_NOOP("Inbox", "{step} failed after 1 attempt: {error}")
                if row.attempts == 1
                else QT_TRANSLATE_NOOP("Inbox", "{step} failed after {attempts} attempts: {error}"),
                step=label,
                attempts=row.attempts,
                error=message,
            )
        title = said(
            QT_TRANSLATE_NOOP("Inbox", "{order}: {step} — not known whether it went through")
            if unknown
            else QT_TRANSLATE_NOOP("Inbox", "{order}: {step} failed"),
            order=run.business_key or run.workflow_name,
            step=label,
        )
        item = InboxItem(
            kind="step_failed",
            status="open",
            title=title,
            reason=why,
            words=words_for(title, why),
            detail={
                "error": message,
                "attempts": row.attempts,
                "input": row.input,
                "extra": detail,
            },
            run_id=row.run_id,
            step_name=row.name,
            workflow_name=run.workflow_name,
            business_key=run.business_key,
            created_at=now,
        )
        s.add(item)
        s.flush()
        return [
            Event("step_changed", row.run_id, row.name, status=row.state),
            Event("inbox_opened", row.run_id, row.name, inbox_id=item.id),
            *self._refresh_status(s, row.run_id, now),
        ]

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

    def _refresh_status(
        self, s: Session, run_id: str, now: float, rows: dict[str, StepRun] | None = None
    ) -> list[Event]:
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
    def recover(
        self,
        is_alive: Callable[[str], bool | None] = owner_alive_on_this_host,
        now: float | None = None,
    ) -> int:
        """Give expired or orphaned leases back: the attempt counts; a step that keeps killing its
        runner ends in ``needs_attention`` after its attempts, never in a crash loop."""
        now = time.time() if now is None else now
        events: list[Event] = []
        count = 0
        with self.db.write() as s:
            for row in s.scalars(select(StepRun).where(state_is(m.RUNNING))):
                owner = (row.lease_owner or "").split("#", 1)[0]
                expired = row.lease_expires_at is None or row.lease_expires_at <= now
                if not expired and is_alive(owner) is not False:
                    continue
                count += 1
                msg = "Daloy stopped while this step was running"
                att = s.scalar(
                    select(Attempt)
                    .where(Attempt.run_id == row.run_id, Attempt.step_name == row.name)
                    .order_by(Attempt.number.desc())
                    .limit(1)
                )
                if att is not None and att.finished_at is None:
                    att.outcome, att.error, att.finished_at = "interrupted", msg, now
                events += self._give_back(
                    s,
                    row,
                    att,
                    msg,
                    now,
                    f"Daloy stopped {row.attempts} times while step “{row.name}” was running",
                )
                crashpoint("mid_recovery")
        self._emit(events)
        return count

    def release(self, leases: Iterable[str]) -> int:
        """Shutdown: steps still running give their lease back. The abandoned attempt keeps its
        number in the attempt log ("handed back") and counts, as after a crash: the outside call
        may have happened, so a step whose outcome can be unknown is looked up first, once that
        attempt can no longer land."""
        leases = list(leases)
        if not leases:
            return 0
        now = time.time()
        msg = "Daloy was shut down while this attempt was running"
        events: list[Event] = []
        n = 0
        with self.db.write() as s:
            for row in s.scalars(
                select(StepRun).where(StepRun.lease_owner.in_(leases), state_is(m.RUNNING))
            ):
                n += 1
                att = self._finish_attempt(s, _claim_of(row), "handed back", msg, now)
                events += self._give_back(
                    s,
                    row,
                    att,
                    msg,
                    now,
                    f"Daloy was shut down {row.attempts} times while step “{row.name}” was running",
                )
        self._emit(events)
        return n

    def _give_back(
        self, s: Session, row: StepRun, att: Attempt | None, message: str, now: float, cause: str
    ) -> list[Event]:
        """A running step whose runner stopped or died: a wait resumes; a step that may have
        acted is looked up once its attempt can no longer land; after its last attempt it goes
        to a person, never into a crash loop."""
        row.lease_owner = row.lease_expires_at = None
        row.updated_at = now
        if row.sleeping:
            row.state, row.next_attempt_at = m.RETRY_WAIT, now
            return [Event("step_changed", row.run_id, row.name, status=row.state, due=now)]
        row.error = message
        if row.attempts < row.max_attempts and not row.reconcilable:
            row.state = m.READY
            return [Event("step_changed", row.run_id, row.name, status=row.state)]
        why = (
            cause
            if row.reconcilable
            else (
                f"{cause}; it will not be tried again on its own. "
                "Check the step, then retry or skip it."
            )
        )
        return self._after_failure(
            s,
            row,
            message,
            retryable=True,
            retry_at=now,
            outcome_unknown=True,
            now=now,
            why=why,
            settles_at=self.outcome_settles_at(row, att),
        )

    def outcome_settles_at(self, row: StepRun, att: Attempt | None) -> float | None:
        """When the step's attempt ``att`` can no longer land on the other side: its start plus
        the step's time limit (None without an attempt)."""
        if att is None:
            return None
        limit = row.time_limit
        if limit is None:  # a run from before time limits were pinned
            spec = self.registry.get(row.type)
            limit = (spec.retry if spec else RetryPolicy()).timeout
        return att.started_at + limit

    def next_wakeups(self, limit: int = 1000) -> list[float]:
        with self.db.read() as s:
            return list(
                s.scalars(
                    select(StepRun.next_attempt_at)
                    .where(state_is(m.RETRY_WAIT), StepRun.next_attempt_at < FAR_FUTURE)
                    .order_by(StepRun.next_attempt_at)
                    .limit(limit)
                )
            )

    def has_ready(self) -> bool:
        with self.db.read() as s:
            return bool(
                s.execute(
                    text(
                        "SELECT EXISTS (SELECT 1 FROM step_runs WHERE state = 'ready') OR EXISTS "
                        "(SELECT 1 FROM step_runs WHERE state = 'retry_wait' AND next_attempt_at <= :now)"
                    ),
                    {"now": time.time()},
                ).scalar()
            )


def _time_limit(
    spec: StepSpec | None, policy: RetryPolicy | None, config: dict[str, Any]
) -> float | None:
    """Seconds one attempt of a step may take: its policy's limit, shortened by the step's own
    ``timeout`` setting where its type has one (how long ``http_request`` waits for an answer)."""
    if spec is None or policy is None:
        return None
    limit = policy.timeout
    own = spec.field("timeout")
    value = config.get("timeout", own.default) if own is not None else None
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        limit = min(limit, float(value))
    return limit


def _claim_of(row: StepRun) -> Claim:
    return Claim(
        step_id=row.id,
        run_id=row.run_id,
        step_name=row.name,
        step_type=row.type,
        version_id=0,
        lease=row.lease_owner or "",
        attempt=row.attempts,
        max_attempts=row.max_attempts,
        resumed=row.sleeping,
        needs_reconcile=False,
        scratch=None,
        input_override=None,
        trigger=None,
        business_key="",
        practice=False,
    )
