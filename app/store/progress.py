"""A step's way through the hot path: claimed under a lease, its success recorded, what follows
readied (and the run's next step claimed in the same transaction), the run's status brought up
to date and a waiting parent woken. Every statement is ``app.store.statements``'; the ORM path
(operator actions, failures) runs the same ones on its session (``advance``, ``refresh_status``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core.kinds import AttemptOutcome, EventKind
from app.crashpoints import crashpoint
from app.store import statements as st
from app.store.events import Event
from app.store.models import Run
from app.store.run_base import Claim, session_cursor
from app.store.starting import Starting
from app.store.transitions import made

log = logging.getLogger("app.store.runs")

# Runs a claimed pure step (``StepSpec.pure``) without writing anything: its output, port and
# rendered input, or None to leave the claim to its worker as usual.
PureRun = Callable[[Claim], "tuple[Any, str, Any] | None"]
# How many pure steps one commit takes in-line, and for how long (seconds): the write lock is
# held meanwhile, so other workers' commits wait at most this long for them.
PURE_BATCH_STEPS = 16
PURE_BATCH_SECONDS = 0.02


def ending(run_id: str, outcome: str) -> Callable[[Session], None]:
    """The effect of a step that ends its order a certain way (``app.steps.end_order``): the
    run's ``outcome``, written in the transaction that records the step's success
    (``Progress.succeed`` with effects), so neither is ever committed without the other."""

    def write(s: Session) -> None:
        s.execute(update(Run).where(Run.id == run_id).values(outcome=outcome))

    return write


class Progress(Starting):
    def fail(
        self, claim: Claim, message: str, *, retryable: bool, retry_at: float | None
    ) -> str | None:
        """Record a failed attempt (``outcomes.Outcomes.fail``)."""
        raise NotImplementedError

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
            runs: dict[str, Mapping[str, Any]] = {
                rid: st.RUN_FOR_CLAIM.one(cur, d, run_id=rid) or {} for rid in run_ids
            }
            running = {rid for rid, run in runs.items() if run and run["status"] == m.RUN_RUNNING}
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
                if row["run_id"] not in running and not run["cancelled"]:
                    st.RUN_TO_RUNNING.execute(cur, d, run_id=row["run_id"], now=now)
                    running.add(row["run_id"])
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
        self.emit(
            [Event(EventKind.STEP_CHANGED, c.run_id, c.step_name, status=m.RUNNING) for c in claims]
        )
        return claims

    def _take(
        self,
        cur: Any,
        row: Mapping[str, Any],
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
        pure: PureRun | None = None,
    ) -> tuple[bool, Claim | None]:
        """``succeed``, and with ``chain`` also claim a step this made ready in the same run, in
        the same transaction: a chain of steps costs one commit per step, and the runner goes
        straight on with the next one. With ``pure`` too, the pure steps that follow are run
        in-line and recorded in the same commit (``_run_pure_on``). Returns (recorded, the next
        claim or None)."""
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
            if chain and pure is not None:
                events, nxt = self._run_pure_on(cur, events, nxt, pure, lease_seconds)
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self.emit(events)
        return True, nxt

    def _run_pure_on(
        self,
        cur: Any,
        events: list[Event],
        nxt: Claim | None,
        pure: PureRun,
        lease_seconds: float,
    ) -> tuple[list[Event], Claim | None]:
        """In the open transaction: while the claimed next step is pure, run it (``pure``) and
        record its success like any other, claiming the step after it — up to
        ``PURE_BATCH_STEPS`` steps or ``PURE_BATCH_SECONDS``, or until another writer waits. A
        crash before the commit loses only their records, and they run again (no effect
        anywhere, same result); a step with an effect is only ever claimed here, run after the
        commit. Anything but a plain success (a failure, a hold, unsavable values) stops the
        batch: the claim goes back to its worker, which runs the step again and records that as
        today."""
        deadline = time.monotonic() + PURE_BATCH_SECONDS
        for _ in range(PURE_BATCH_STEPS):
            # Another writer waiting (a run arriving, another worker's result) ends the batch:
            # it would wait for the whole batch; the rest runs on the worker's ordinary path,
            # whose commit it may share (``Database.write_raw``'s group commit).
            if nxt is None or time.monotonic() > deadline or self.db.writers_waiting:
                break
            ran = pure(nxt)
            if ran is None:
                break
            output, port, input = ran
            now = time.time()
            try:
                success = self._success(nxt, output, port, input, now)
            except (TypeError, ValueError):
                break
            recorded, more, after = self._record_success(
                cur, nxt, success, output, port, now, lease_seconds
            )
            if not recorded:  # claimed in this very transaction: cannot happen; stop safely
                break
            events, nxt = events + more, after
            crashpoint("after_inline_step")
        return events, nxt

    def _success(
        self, claim: Claim, output: Any, port: str, input: Any, now: float
    ) -> tuple[str, st.Params]:
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
        success: tuple[str, st.Params],
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
                cur,
                d,
                attempt_id=claim.attempt_id,
                outcome=AttemptOutcome.SUCCEEDED,
                error=None,
                now=now,
            )
        events = [Event(EventKind.STEP_CHANGED, claim.run_id, claim.step_name, status=m.SUCCEEDED)]
        advanced, nxt = self._advance_on(
            cur,
            claim.run_id,
            claim.version_id,
            now,
            after=(claim, output, port),
            lease_seconds=lease_seconds,
        )
        # The order's total from its workflow, committed with this success (order_totals).
        self.order_totals.after_success(cur, d, claim, output, port, self.cached_workflow)
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
        # Every step of the run as plain tuples (id, name, state, port, output), each column
        # read once: this runs at every step of every order, where a ``Row`` per step and a
        # look-up per column read cost more than the query. An output is converted only if
        # the next claim needs it, and the claimed step's other columns are read for it alone.
        raw: dict[str, Any] = {}
        states: dict[str, str] = {}
        facts: dict[str, m.StepFact] = {}
        for r in st.RUN_STEPS.tuples(cur, d, run_id=run_id):
            name, state = r[1], r[2]
            raw[name], states[name], facts[name] = r, state, m.StepFact(state, r[3])
        events: list[Event] = []
        changes = m.advance(wf, facts)
        nxt_name = None
        if lease_seconds is not None and after is not None:
            ready = [n for n in (*changes, *states) if changes.get(n, states[n]) == m.READY]
            nxt_name = min(ready, key=lambda n: raw[n][0]) if ready else None
        for name, new in changes.items():
            states[name] = new
            if name == nxt_name:
                continue  # goes from pending to running below, in this transaction
            made(raw[name][2], new, "advance")
            st.SET_STEP_STATE.execute(
                cur,
                d,
                step_id=raw[name][0],
                state=new,
                now=now,
                finished_at=now if new == m.SKIPPED else None,
            )
            events.append(Event(EventKind.STEP_CHANGED, run_id, name, status=new))
        nxt = None
        if nxt_name is not None and after is not None and lease_seconds is not None:
            claim, output, port = after
            row = st.STEP_TO_CLAIM.one(cur, d, step_id=raw[nxt_name][0])
            assert row is not None  # read in this very transaction
            nxt = self._take(
                cur,
                row,
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
                    r = raw[name]
                    out = st.RUN_STEPS.compiled(d).row(r)["output"]
                    data[name] = {"output": out, "port": r[3], "state": state}
            nxt.steps = data
            events.append(Event(EventKind.STEP_CHANGED, run_id, nxt_name, status=m.RUNNING))
        return events + self._refresh_status_on(cur, run_id, states, now, cancelled), nxt

    def _refresh_status_on(
        self, cur: Any, run_id: str, states: dict[str, str], now: float, cancelled: bool = False
    ) -> list[Event]:
        """The run's status from its steps' states; a finished child run wakes its parent."""
        d = self.dialect
        status = m.run_status(states, cancelled)
        final = status in m.RUN_FINAL
        if not st.SET_RUN_STATUS.rowcount(
            cur,
            d,
            status=status,
            now=now,
            finished_at=now if final else None,
            run_id=run_id,
            cancelled=cancelled,
        ):
            return []
        events = [Event(EventKind.RUN_CHANGED, run_id, status=status)]
        parent = st.RUN_PARENT.one(cur, d, run_id=run_id) if final else None
        if parent is not None and parent["parent_run_id"] and parent["parent_step"]:
            events += self._wake_on(cur, parent["parent_run_id"], parent["parent_step"], now)
        return events

    def _wake_on(self, cur: Any, run_id: str, step: str, now: float) -> list[Event]:
        """Wake the step of ``run_id`` that sleeps until a child run finishes."""
        d = self.dialect
        if st.WAKE_SLEEPING.rowcount(cur, d, run_id=run_id, name=step, now=now):
            return [Event(EventKind.STEP_CHANGED, run_id, step, status=m.RETRY_WAIT)]
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
        self.emit(events)
        return recorded

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

    def wake(self, run_id: str, step: str) -> None:
        with self.db.write() as s, session_cursor(s) as cur:
            events = self._wake_on(cur, run_id, step, time.time())
        self.emit(events)
