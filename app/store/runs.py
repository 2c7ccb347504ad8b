"""The durable run store: every state change of a run or step is one committed transaction.

This module is the persistence half of the engine (the decisions are ``app.core.machine``'s):
starting runs, claiming ready steps under a lease, recording results, retries, questions for a
person, recovery of expired leases, and every operator action with its audit entry.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.engine import Dialect
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
from app.store import statements as st
from app.store.db import Database
from app.store.inbox import words_for
from app.store.models import Attempt, InboxItem, Run, StepRun, WorkflowRow, WorkflowVersion
from app.store.transitions import made

log = logging.getLogger(__name__)
FAR_FUTURE = 4102444800.0  # 2100-01-01: "until woken"
state_is = st.state_is


@contextlib.contextmanager
def session_cursor(s: Session) -> Iterator[Any]:
    """The DB-API cursor of the session's transaction, for the hot path's statements
    (``app.store.statements``) on the ORM path: the session's changes are flushed first, and
    what it loaded is expired after, so it reads back what the statements wrote."""
    s.flush()
    cur = s.connection().connection.driver_connection.cursor()
    try:
        yield cur
    finally:
        cur.close()
        s.expire_all()


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
        self._plans: dict[int, list[dict[str, Any]]] = {}
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
        row_id, version_id = row.id, version.id
        with session_cursor(s) as cur:
            run_id = self._insert_run(
                cur,
                row_id,
                version_id,
                wf,
                trigger,
                intake_item_id=intake_item_id,
                parent=parent,
                practice=practice,
                run_id=run_id,
            )
        return s.get(Run, run_id)

    def start_run(
        self, workflow_name: str, trigger: Any, *, practice: bool = False, who: str | None = None
    ) -> str:
        """Start a run of the workflow's current version (an operator's or a test's)."""
        who = who or audit.current_user()
        d = self.dialect
        with self.db.write_raw() as cur:
            found = st.WORKFLOW_BY_NAME.one(cur, d, name=workflow_name)
            if found is None:
                raise workflows.no_workflow(workflow_name)
            if found["archived"]:
                raise ActionRefused(f"The workflow “{workflow_name}” is archived.")
            version_id = found["current_version_id"]
            version = st.VERSION_NUMBER.one(cur, d, version_id=version_id)
            if version is None:
                raise workflows.no_version(workflow_name)
            wf = self._versions.get(version_id)
            if wf is None:
                definition = st.VERSION_DEFINITION.one(cur, d, version_id=version_id)
                assert definition is not None
                wf = self._versions.setdefault(
                    version_id, Workflow.from_json(definition["definition"])
                )
            run_id = self._insert_run(cur, found["id"], version_id, wf, trigger, practice=practice)
            st.INSERT_AUDIT.execute(
                cur,
                d,
                at=time.time(),
                who=who,
                action="run_started",
                run_id=run_id,
                after={"workflow": workflow_name, "version": version["number"]},
            )
        self._emit([Event("run_started", run_id)])
        return run_id

    @property
    def dialect(self) -> Dialect:
        return self.db.engine.dialect

    def _insert_run(
        self,
        cur: Any,
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
        st.INSERT_RUN.execute(
            cur,
            self.dialect,
            id=run_id,
            workflow_id=workflow_id,
            version_id=version_id,
            workflow_name=wf.name,
            status=m.RUN_SUCCEEDED if done else m.RUN_RUNNING,
            business_key=key,
            trigger=trigger,
            cancelled=False,
            practice=practice,
            parent_run_id=parent[0] if parent else None,
            parent_step=parent[1] if parent else None,
            intake_item_id=intake_item_id,
            created_at=now,
            updated_at=now,
            finished_at=now if done else None,
        )
        st.INSERT_STEPS.execute_many(
            cur,
            self.dialect,
            [{**step, "run_id": run_id, "updated_at": now} for step in self._plan(version_id, wf)],
        )
        return run_id

    def _plan(self, version_id: int, wf: Workflow) -> list[dict[str, Any]]:
        """The step rows every run of a version starts with (``statements.STEP_COLUMNS`` but the
        run and the time), policies pinned from the specs."""
        plan = self._plans.get(version_id)
        if plan is None:
            states = m.initial(wf)
            plan = []
            for i, step in enumerate(wf.steps):
                spec = self.registry.get(step.type)
                policy = spec.retry.merged(step.retry) if spec else None
                plan.append(
                    {
                        "name": step.name,
                        "type": step.type,
                        "position": i,
                        "state": states[step.name],
                        "attempts": 0,
                        "max_attempts": policy.max_attempts if policy else 1,
                        "reconcilable": bool(spec and spec.outcome_may_be_unknown),
                        "time_limit": _time_limit(spec, policy, step.config),
                        "needs_reconcile": False,
                        "sleeping": False,
                    }
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
    # Claiming a step and recording its success are what every step costs: they run the
    # compiled statements of ``app.store.statements`` on the DB-API cursor
    # (``Database.write_raw``); the rarer transitions (fail, ask, sleep, recovery, operator
    # actions) use the ORM, and share the statements for what both paths do (advance a run,
    # bring its status up to date, wake a parent).
    def claim(
        self, owner: str, *, limit: int = 1, lease_seconds: float = 60.0, now: float | None = None
    ) -> list[Claim]:
        now = time.time() if now is None else now
        d = self.dialect
        claims: list[Claim] = []
        with self.db.write_raw() as cur:
            rows = st.CLAIMABLE.rows(cur, d, limit=limit, now=now)
            if not rows:
                return []
            run_ids = sorted({r["run_id"] for r in rows})
            runs = {rid: st.RUN_FOR_CLAIM.one(cur, d, run_id=rid) or {} for rid in run_ids}
            for row in rows:
                run = runs[row["run_id"]]
                claims.append(
                    self._take(
                        cur,
                        row,
                        owner,
                        lease_seconds,
                        now,
                        version_id=run["version_id"],
                        trigger=run["trigger"],
                        business_key=run["business_key"],
                        practice=bool(run["practice"]),
                    )
                )
                if run["status"] != m.RUN_RUNNING and not run["cancelled"]:
                    st.RUN_TO_RUNNING.execute(cur, d, run_id=row["run_id"], now=now)
                    run["status"] = m.RUN_RUNNING
            data: dict[str, dict[str, dict[str, Any]]] = {r: {} for r in run_ids}
            for run_id in run_ids:
                for r in st.FINISHED_STEPS.rows(cur, d, run_id=run_id):
                    data[run_id][r["name"]] = {
                        "output": r["output"],
                        "port": r["port"],
                        "state": r["state"],
                    }
            for c in claims:
                c.steps = dict(data[c.run_id])
            crashpoint("before_claim_commit")
        crashpoint("after_claim_commit")
        self._emit([Event("step_changed", c.run_id, c.step_name, status=m.RUNNING) for c in claims])
        return claims

    def _take(
        self,
        cur: Any,
        row: dict[str, Any],
        owner: str,
        lease_seconds: float,
        now: float,
        *,
        version_id: int,
        trigger: Any,
        business_key: str,
        practice: bool,
    ) -> Claim:
        """Mark one ready (or due, or just readied) step running under a new lease; its attempt
        starts now, or continues when the step was only asleep (a wait, a child run)."""
        d = self.dialect
        run_id, name, attempts = row["run_id"], row["name"], row["attempts"]
        if row["sleeping"]:
            last = st.LAST_ATTEMPT.one(cur, d, run_id=run_id, step_name=name)
            attempt_id = last["id"] if last else None
        else:
            attempts += 1
            started = st.INSERT_ATTEMPT.one(
                cur, d, run_id=run_id, step_name=name, number=attempts, runner=owner, now=now
            )
            attempt_id = started["id"] if started else None
        lease = f"{owner}#{next(self._seq)}"
        made(row["state"], m.RUNNING, "claim")
        st.TAKE.execute(
            cur,
            d,
            step_id=row["id"],
            attempts=attempts,
            lease=lease,
            lease_expires_at=now + lease_seconds,
            now=now,
        )
        return Claim(
            step_id=row["id"],
            run_id=run_id,
            step_name=name,
            step_type=row["type"],
            version_id=version_id,
            lease=lease,
            attempt=attempts,
            max_attempts=row["max_attempts"],
            resumed=bool(row["sleeping"]),
            needs_reconcile=bool(row["needs_reconcile"]),
            scratch=row["scratch"],
            input_override=row["input_override"],
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
        now = time.time()
        try:
            success = self._success(claim, output, port, input, now)
        except (TypeError, ValueError) as exc:
            self.fail(
                claim,
                f"The step's result could not be saved: {exc}",
                retryable=False,
                retry_at=None,
            )
            return False, None
        with self.db.write_raw() as cur:
            recorded, events, nxt = self._record_success(
                cur, claim, success, output, port, now, lease_seconds if chain else None
            )
            if not recorded:
                return False, None
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self._emit(events)
        return True, nxt

    def _success(
        self, claim: Claim, output: Any, port: str, input: Any, now: float
    ) -> tuple[str, tuple | dict]:
        """The statement recording the step's success, its values checked before the write."""
        return st.SUCCEED.prepare(
            self.dialect,
            output=output,
            port=port,
            input=input,
            now=now,
            step_id=claim.step_id,
            lease=claim.lease,
        )

    def _record_success(
        self,
        cur: Any,
        claim: Claim,
        success: tuple[str, tuple | dict],
        output: Any,
        port: str,
        now: float,
        lease_seconds: float | None,
    ) -> tuple[bool, list[Event], Claim | None]:
        """running → succeeded under the claim's lease, the attempt finished, what follows
        readied (and the next step claimed when ``lease_seconds`` is given)."""
        d = self.dialect
        if cur.execute(*success).rowcount != 1:
            state = st.STEP_STATE.one(cur, d, step_id=claim.step_id)
            log.info(
                "run %s step %s: result discarded, the lease was lost (state %s)",
                claim.run_id,
                claim.step_name,
                state["state"] if state else "gone",
            )
            return False, [], None
        made(m.RUNNING, m.SUCCEEDED, "success")
        if claim.attempt_id is not None:
            st.FINISH_ATTEMPT.execute(
                cur, d, attempt_id=claim.attempt_id, outcome="succeeded", error=None, now=now
            )
        events = [Event("step_changed", claim.run_id, claim.step_name, status=m.SUCCEEDED)]
        advanced, nxt = self._advance_on(
            cur,
            claim.run_id,
            claim.version_id,
            now,
            after=(claim, output, port),
            lease_seconds=lease_seconds,
        )
        return True, events + advanced, nxt

    def _advance_on(
        self,
        cur: Any,
        run_id: str,
        version_id: int,
        now: float,
        *,
        cancelled: bool = False,
        after: tuple[Claim, Any, str] | None = None,
        lease_seconds: float | None = None,
        session: Session | None = None,
    ) -> tuple[list[Event], Claim | None]:
        """Ready or skip what the run's finished steps decide, claim the next ready step when
        ``lease_seconds`` is given (``after``: the claim whose step just succeeded, its output
        and port), and bring the run's status up to date."""
        d = self.dialect
        wf = self._versions.get(version_id)
        if wf is None:
            if session is not None:
                wf = self.workflow_for_version(session, version_id)
            else:
                with self.db.read() as s:
                    wf = self.workflow_for_version(s, version_id)
        rows = {r["name"]: r for r in st.RUN_STEPS.rows(cur, d, run_id=run_id)}
        states = {name: r["state"] for name, r in rows.items()}
        events: list[Event] = []
        changes = m.advance(wf, {n: m.StepFact(r["state"], r["port"]) for n, r in rows.items()})
        nxt_name = None
        if lease_seconds is not None and after is not None:
            ready = [n for n in (*changes, *states) if changes.get(n, states[n]) == m.READY]
            nxt_name = min(ready, key=lambda n: rows[n]["id"]) if ready else None
        for name, new in changes.items():
            states[name] = new
            if name == nxt_name:
                continue  # goes from pending to running below, in this transaction
            made(rows[name]["state"], new, "advance")
            st.SET_STEP_STATE.execute(
                cur,
                d,
                step_id=rows[name]["id"],
                state=new,
                now=now,
                finished_at=now if new == m.SKIPPED else None,
            )
            events.append(Event("step_changed", run_id, name, status=new))
        nxt = None
        if nxt_name is not None and after is not None and lease_seconds is not None:
            claim, output, port = after
            nxt = self._take(
                cur,
                rows[nxt_name],
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
            for name, state in states.items():
                if state in (m.SUCCEEDED, m.SKIPPED) and name not in data:
                    r = rows[name]
                    data[name] = {"output": r["output"], "port": r["port"], "state": state}
            nxt.steps = data
            events.append(Event("step_changed", run_id, nxt_name, status=m.RUNNING))
        return events + self._refresh_status_on(cur, run_id, states, now, cancelled), nxt

    def _refresh_status_on(
        self, cur: Any, run_id: str, states: dict[str, str], now: float, cancelled: bool = False
    ) -> list[Event]:
        """The run's status from its steps' states; a finished child run wakes its parent."""
        d = self.dialect
        status = m.run_status(states, cancelled)
        final = status in m.RUN_FINAL
        changed = st.SET_RUN_STATUS.one(
            cur,
            d,
            status=status,
            now=now,
            finished_at=now if final else None,
            run_id=run_id,
            cancelled=cancelled,
        )
        if changed is None:
            return []
        events = [Event("run_changed", run_id, status=status)]
        if final and changed["parent_run_id"] and changed["parent_step"]:
            events += self._wake_on(cur, changed["parent_run_id"], changed["parent_step"], now)
        return events

    def _wake_on(self, cur: Any, run_id: str, step: str, now: float) -> list[Event]:
        """Wake the step of ``run_id`` that sleeps until a child run finishes."""
        d = self.dialect
        if st.WAKE_SLEEPING.rowcount(cur, d, run_id=run_id, name=step, now=now):
            return [Event("step_changed", run_id, step, status=m.RETRY_WAIT)]
        # Woken while still running (a child finished before the step went to sleep):
        # a running step never uses next_attempt_at, so it marks the wake for ``sleep``.
        st.WAKE_RUNNING.execute(cur, d, run_id=run_id, name=step, now=now)
        return []

    def _succeed_with_effects(
        self,
        claim: Claim,
        output: Any,
        port: str,
        effects: list[Callable[[Session], None]],
        input: Any,
    ) -> bool:
        """A result whose step also changes Daloy's own tables: the effects through the ORM,
        then the same success as ``succeed_and_continue``, in one transaction."""
        now = time.time()
        success = self._success(claim, output, port, input, now)
        with self.db.write() as s:
            if self._held(s, claim) is None:
                return False
            for effect in effects:
                effect(s)
            with session_cursor(s) as cur:
                recorded, events, _ = self._record_success(
                    cur, claim, success, output, port, now, None
                )
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self._emit(events)
        return recorded

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
            woken = row.next_attempt_at is not None  # see _wake_on
            row.state, row.sleeping, row.scratch = m.RETRY_WAIT, True, scratch
            row.next_attempt_at = now if woken else (until if until is not None else FAR_FUTURE)
            row.error = reason or None
            if input is not None:
                row.input = input
            row.lease_owner = row.lease_expires_at = None
            row.updated_at = now
            self._finish_attempt(s, claim, "waiting", reason or None, now)
            events = [Event("step_changed", claim.run_id, claim.step_name, status=m.RETRY_WAIT)]
            events += self.refresh_status(s, claim.run_id, now)
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
            events += self.refresh_status(s, claim.run_id, now)
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
            *self.refresh_status(s, row.run_id, now),
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
                *self.refresh_status(s, row.run_id, now),
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
                *self.advance(s, row.run_id, now),
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
            *self.refresh_status(s, row.run_id, now),
        ]

    # -- advancing runs (ORM path) --------------------------------------------------------------
    def advance(self, s: Session, run_id: str, now: float) -> list[Event]:
        """In the session's transaction: ready or skip what the run's finished steps decide and
        bring its status up to date (the hot path's statements, on the session's connection)."""
        with session_cursor(s) as cur:
            run = st.RUN_OF.one(cur, self.dialect, run_id=run_id)
            if run is None:
                return []
            events, _ = self._advance_on(
                cur, run_id, run["version_id"], now, cancelled=bool(run["cancelled"]), session=s
            )
        return events

    def refresh_status(self, s: Session, run_id: str, now: float) -> list[Event]:
        """In the session's transaction: the run's status from its steps' states."""
        with session_cursor(s) as cur:
            run = st.RUN_OF.one(cur, self.dialect, run_id=run_id)
            if run is None:
                return []
            states = {
                r["name"]: r["state"]
                for r in st.STATES_OF_RUN.rows(cur, self.dialect, run_id=run_id)
            }
            return self._refresh_status_on(cur, run_id, states, now, bool(run["cancelled"]))

    # The names operator actions used before (kept until their call sites move).
    def _refresh_status(self, s: Session, run_id: str, now: float, rows: Any = None) -> list[Event]:
        return self.refresh_status(s, run_id, now)

    _advance = advance

    def wake(self, run_id: str, step: str) -> None:
        with self.db.write() as s, session_cursor(s) as cur:
            events = self._wake_on(cur, run_id, step, time.time())
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
            for row in list(s.scalars(select(StepRun).where(state_is(m.RUNNING)))):
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
            for row in list(
                s.scalars(
                    select(StepRun).where(StepRun.lease_owner.in_(leases), state_is(m.RUNNING))
                )
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
