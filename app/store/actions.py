"""Every operator action on a run, in one place: used by the CLI, the GUI and tests alike.

Each action is one transaction that changes the run, resolves the inbox entries it answers, and
writes an audit entry (who, when, what, before and after). A held run continues at once.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core.kinds import STEP_KINDS, EventKind, InboxKind, answered
from app.store import audit, breakers, inbox, restored_choice, transitions
from app.store.models import InboxItem, Run, StepRun
from app.store.run_base import latest_attempt
from app.store.runs import ActionRefused, Event, RunStore
from app.store.system_actions import SYSTEM_ACTIONS, SystemAndHoldActions

ACTIONS = ("retry", "skip", "restart", "choose", "cancel", "dismiss")


class OperatorActions(SystemAndHoldActions):
    def __init__(self, store: RunStore) -> None:
        self.store = store

    # -- helpers ------------------------------------------------------------------------------
    def _run(self, s: Session, run_id: str) -> Run:
        run = s.get(Run, run_id)
        if run is None:
            raise ActionRefused(f"There is no order (run) with id {run_id}.")
        return run

    def _step(self, s: Session, run_id: str, name: str) -> StepRun:
        row = s.scalar(select(StepRun).where(StepRun.run_id == run_id, StepRun.name == name))
        if row is None:
            raise ActionRefused(f"The run {run_id} has no step “{name}”.")
        return row

    def _snapshot(self, row: StepRun) -> dict[str, Any]:
        return {
            "state": row.state,
            "attempts": row.attempts,
            "input": row.input,
            "output": row.output,
            "port": row.port,
            "error": row.error,
        }

    def _close_items(
        self, s: Session, run_id: str, step: str | None, who: str, resolution: Any, now: float
    ) -> list[Event]:
        q = select(InboxItem).where(InboxItem.run_id == run_id, InboxItem.status == "open")
        if step is not None:
            q = q.where(InboxItem.step_name == step)
        events = []
        for item in s.scalars(q):
            item.status, item.resolved_at, item.resolved_by = "resolved", now, who
            item.resolution = resolution
            events.append(Event(EventKind.INBOX_RESOLVED, run_id, item.step_name, inbox_id=item.id))
            if item.kind == InboxKind.DECISION:  # its reminders are answered with it
                for alert in inbox.decision_alerts(item.id):
                    for closed in inbox.close_alert(s, alert, "the decision was answered"):
                        events.append(
                            Event(EventKind.INBOX_RESOLVED, run_id, None, inbox_id=closed)
                        )
        return events

    def item(self, item_id: int) -> InboxItem:
        with self.store.db.read() as s:
            item = s.get(InboxItem, item_id)
            if item is None:
                raise ActionRefused(f"There is no inbox entry {item_id}.")
            return item

    # -- actions ------------------------------------------------------------------------------
    def retry(
        self,
        run_id: str,
        step: str,
        *,
        who: str | None = None,
        new_input: Any = None,
        again: bool = False,
    ) -> None:
        """Try the step again now (optionally with edited input); attempts start afresh.
        ``again``: the operator was told that a restored backup's replaced workspace had taken
        the order further and chose to do those steps again (else that is refused in words)."""
        who = who or audit.current_user()
        now = time.time()
        with self.store.db.write() as s:
            run = self._run(s, run_id)
            row = self._step(s, run_id, step)
            if run.cancelled:
                raise ActionRefused("This order was cancelled; restart it from a step instead.")
            if row.state not in (m.NEEDS_ATTENTION, m.RETRY_WAIT):
                raise ActionRefused(
                    f"Step “{step}” is {row.state.replace('_', ' ')}; only a step "
                    "that failed or is waiting can be retried."
                )
            before = self._snapshot(row)
            if row.state == m.NEEDS_ATTENTION and row.sleeping is False and _is_decision(s, row):
                raise ActionRefused(f"Step “{step}” is waiting for a decision; choose an option.")
            if not again:
                restored_choice.refuse_repeat(s, run_id, step)
            if row.state == m.NEEDS_ATTENTION:
                # Its inbox entry asked the operator to check an unknown outcome before retrying:
                # retrying says it did not go through, so it is sent without a look-up.
                row.needs_reconcile = False
            row.state, row.next_attempt_at, row.sleeping = m.READY, None, False
            row.max_attempts = row.attempts + _fresh_attempts(self.store, s, run, step)
            if new_input is not None:
                row.input_override = new_input
            row.updated_at = now
            events = [Event(EventKind.STEP_CHANGED, run_id, step, status=m.READY)]
            events += self._close_items(s, run_id, step, who, {"action": "retry"}, now)
            events += self.store.refresh_status(s, run_id, now)
            audit.record(
                s,
                who,
                "retry_with_input" if new_input is not None else "retry",
                run_id=run_id,
                step_name=step,
                before=before,
                after=self._snapshot(row),
            )
        self.store.emit(events)

    def skip(
        self,
        run_id: str,
        step: str,
        *,
        output: Any = None,
        port: str = "out",
        who: str | None = None,
        again: bool = False,
    ) -> None:
        """Mark the step done with the given output; the run goes on from its ``port``
        (``again``: as for ``retry``)."""
        who = who or audit.current_user()
        now = time.time()
        with self.store.db.write() as s:
            run = self._run(s, run_id)
            row = self._step(s, run_id, step)
            if run.cancelled or row.state in m.FINAL or row.state == m.RUNNING:
                raise ActionRefused(
                    f"Step “{step}” is {row.state.replace('_', ' ')} and cannot be skipped now."
                )
            wf = self.store.workflow_for_version(s, run.version_id)
            spec = self.store.registry.get(row.type)
            declared = wf.step(step)
            ports = spec.ports_for(declared.config) if spec and declared else ("out",)
            if port not in ports:
                raise ActionRefused(
                    f"Step “{step}” has no output “{port}” (it has: {', '.join(ports)})."
                )
            if not again:
                restored_choice.refuse_repeat(s, run_id, step)
            before = self._snapshot(row)
            row.state, row.output, row.port = m.SKIPPED, output, port
            row.finished_at = row.updated_at = now
            row.sleeping = False
            events = [Event(EventKind.STEP_CHANGED, run_id, step, status=m.SKIPPED)]
            # the output entered stands for the step's result: the order's total it makes is
            # written as on a success, in this transaction (order_totals)
            self.store.total_after_skip(s, run, step, output, port)
            events += self._close_items(s, run_id, step, who, {"action": "skip", "port": port}, now)
            events += self.store.advance(s, run_id, now)
            audit.record(
                s,
                who,
                "skip",
                run_id=run_id,
                step_name=step,
                before=before,
                after=self._snapshot(row),
            )
        self.store.emit(events)

    def choose(
        self,
        run_id: str,
        step: str,
        option: str,
        *,
        values: dict[str, Any] | None = None,
        who: str | None = None,
        again: bool = False,
    ) -> None:
        """Answer a decision: the run continues down the chosen option's branch (``again``:
        as for ``retry``)."""
        who = who or audit.current_user()
        now = time.time()
        with self.store.db.write() as s:
            self._run(s, run_id)
            row = self._step(s, run_id, step)
            item = s.scalar(
                select(InboxItem).where(
                    InboxItem.run_id == run_id,
                    InboxItem.step_name == step,
                    InboxItem.kind == InboxKind.DECISION,
                    InboxItem.status == "open",
                )
            )
            if item is None or row.state != m.NEEDS_ATTENTION:
                raise ActionRefused(f"Step “{step}” is not waiting for a decision.")
            names = [o["name"] for o in (item.detail or {}).get("options", [])]
            if option not in names:
                raise ActionRefused(f"“{option}” is not one of the options: {', '.join(names)}.")
            if (
                problem := _answer_problem(
                    (item.detail or {}).get("fields") or [], option, values or {}
                )
            ) is not None:
                raise ActionRefused(problem)
            if not again:
                restored_choice.refuse_repeat(s, run_id, step)
            before = self._snapshot(row)
            row.state, row.port = m.SUCCEEDED, option
            row.output = {"choice": option, "values": values or {}, "by": who, "at": now}
            row.finished_at = row.updated_at = now
            att = latest_attempt(s, run_id, step)
            if att is not None:
                att.outcome, att.finished_at = answered(option), now
            events = [Event(EventKind.STEP_CHANGED, run_id, step, status=m.SUCCEEDED)]
            events += self._close_items(
                s, run_id, step, who, {"action": "choose", "option": option}, now
            )
            events += self.store.advance(s, run_id, now)
            audit.record(
                s,
                who,
                "choose",
                run_id=run_id,
                step_name=step,
                before=before,
                after=self._snapshot(row),
            )
        self.store.emit(events)

    def restart(self, run_id: str, from_step: str, *, who: str | None = None) -> None:
        """Run ``from_step`` and everything after it again (same idempotency keys, so an
        outside system that already acted recognises the repeat)."""
        who = who or audit.current_user()
        now = time.time()
        with self.store.db.write() as s:
            run = self._run(s, run_id)
            wf = self.store.workflow_for_version(s, run.version_id)
            rows = {r.name: r for r in s.scalars(select(StepRun).where(StepRun.run_id == run_id))}
            if any(r.state == m.RUNNING for r in rows.values()):
                raise ActionRefused("A step of this order is running right now; wait a moment.")
            try:
                changes = m.restart_from(wf, {n: r.state for n, r in rows.items()}, from_step)
            except m.IllegalTransition as exc:
                raise ActionRefused(f"Cannot restart: {exc}.") from exc
            before = {n: rows[n].state for n in changes}
            for name, new in changes.items():
                r = rows[name]
                with transitions.resetting():  # the one exception: machine.RESETS
                    r.state = new
                r.port, r.output, r.error = None, None, None
                r.next_attempt_at, r.sleeping, r.scratch, r.input_override = None, False, None, None
                r.finished_at = None
                r.max_attempts = r.attempts + _fresh_attempts(self.store, s, run, name)
                r.updated_at = now
            run.cancelled = False
            events = [
                Event(EventKind.STEP_CHANGED, run_id, n, status=st) for n, st in changes.items()
            ]
            events += self._close_items(
                s, run_id, None, who, {"action": "restart", "from": from_step}, now
            )
            events += self.store.refresh_status(s, run_id, now)
            audit.record(
                s, who, "restart", run_id=run_id, step_name=from_step, before=before, after=changes
            )
        self.store.emit(events)

    def cancel(self, run_id: str, *, who: str | None = None, reason: str = "") -> None:
        who = who or audit.current_user()
        now = time.time()
        with self.store.db.write() as s:
            run = self._run(s, run_id)
            if run.status in m.RUN_FINAL:
                raise ActionRefused(f"This order is already {run.status}.")
            rows = list(s.scalars(select(StepRun).where(StepRun.run_id == run_id)))
            before = {r.name: r.state for r in rows}
            events = []
            for r in rows:
                if r.state not in m.FINAL:
                    r.state, r.lease_owner, r.lease_expires_at = m.CANCELLED, None, None
                    r.finished_at = r.updated_at = now
                    events.append(Event(EventKind.STEP_CHANGED, run_id, r.name, status=m.CANCELLED))
            run.cancelled = True
            events += self._close_items(s, run_id, None, who, {"action": "cancel"}, now)
            events += self.store.refresh_status(s, run_id, now)
            audit.record(
                s,
                who,
                "cancel",
                run_id=run_id,
                before=before,
                after={"reason": reason} if reason else None,
            )
        self.store.emit(events)

    def dismiss(self, item_id: int, *, who: str | None = None, note: str = "") -> None:
        """Close an entry that belongs to no run (a malformed intake item, a channel alert)."""
        who = who or audit.current_user()
        now = time.time()
        with self.store.db.write() as s:
            item = s.get(InboxItem, item_id)
            if item is None or item.status != "open":
                raise ActionRefused(f"Inbox entry {item_id} is not open.")
            if item.run_id and item.kind in STEP_KINDS:
                raise ActionRefused(
                    "This entry holds an order; retry, skip, choose or cancel instead."
                )
            item.status, item.resolved_at, item.resolved_by = "resolved", now, who
            item.resolution = {"action": "dismiss", "note": note}
            audit.record(s, who, "dismiss", inbox_item_id=item_id, run_id=item.run_id)
        self.store.emit(
            [Event(EventKind.INBOX_RESOLVED, item.run_id, item.step_name, inbox_id=item_id)]
        )

    def resolve(
        self,
        item_id: int,
        action: str,
        *,
        option: str | None = None,
        output: Any = None,
        port: str = "out",
        new_input: Any = None,
        from_step: str | None = None,
        values: dict[str, Any] | None = None,
        who: str | None = None,
    ) -> str | None:
        """Apply ``action`` to the run behind inbox entry ``item_id`` (the CLI's entry point).
        A down system's action returns what it did, in words."""
        item = self.item(item_id)
        if item.status != "open":
            raise ActionRefused(
                f"Inbox entry {item_id} was already resolved by {item.resolved_by}."
            )
        # A down system's entry takes only its own actions (and dismiss), and those actions
        # fit no other entry: system_action says so in a sentence either way.
        if action in SYSTEM_ACTIONS or (item.kind == breakers.KIND and action != "dismiss"):
            return self.system_action(item_id, action, who=who)
        if action == "dismiss" or not item.run_id:
            if action != "dismiss":
                raise ActionRefused(
                    f"Inbox entry {item_id} belongs to no order; only “dismiss” applies."
                )
            self.dismiss(item_id, who=who)
            return None
        step = item.step_name or ""
        if action == "retry":
            self.retry(item.run_id, step, who=who, new_input=new_input)
        elif action == "skip":
            self.skip(item.run_id, step, output=output, port=port, who=who)
        elif action == "choose":
            if not option:
                raise ActionRefused("Say which option to choose (--option).")
            self.choose(item.run_id, step, option, values=values, who=who)
        elif action == "restart":
            self.restart(item.run_id, from_step or step, who=who)
        elif action == "cancel":
            self.cancel(item.run_id, who=who)
        else:
            raise ActionRefused(f"Unknown action “{action}”; use one of: {', '.join(ACTIONS)}.")
        return None


def _answer_problem(fields: list[Any], option: str, values: dict[str, Any]) -> str | None:
    """A pick-list answer must be one of its choices, and a field the chosen option needs must
    be filled in (ask_person's ``choices`` and ``required_for``)."""
    for f in fields:
        if not isinstance(f, dict):
            continue
        name = f.get("name")
        label, value = f.get("label") or name, values.get(name) if isinstance(name, str) else None
        if value in (None, "") and option in (f.get("required_for") or []):
            return f"“{option}” needs “{label}” filled in; choose one and answer again."
        allowed = [c.get("value") for c in f.get("choices") or [] if isinstance(c, dict)]
        if value not in (None, "") and "choices" in f and value not in allowed:
            return (
                f"“{value}” is not one of the choices for “{label}”: "
                f"{', '.join(map(str, allowed)) or 'none'}."
            )
    return None


@dataclass(frozen=True)
class BulkResult:
    """What one entry of a bulk action came to: ``message`` is the confirmation ("Order 3001 is
    running again.") or, when ``ok`` is False, why it was refused."""

    item_id: int
    ok: bool
    message: str


BULK_ACTIONS = ("retry", "skip", "cancel")


def bulk(
    actions: OperatorActions,
    item_ids: Iterable[int],
    action: str,
    *,
    who: str | None = None,
    output: Any = None,
    port: str = "out",
    note: str = "",
) -> list[BulkResult]:
    """Retry, skip or cancel several inbox entries at once: each is its own action (its own
    transaction and audit entry, exactly as if done one by one), so one that is refused (already
    resolved, a decision that needs an option) is reported and the rest go on. ``note`` is the
    cancel reason. Returns one result per entry, in the order given."""
    if action not in BULK_ACTIONS:
        raise ActionRefused(
            f"“{action}” cannot be applied to several entries at once; use one "
            f"of: {', '.join(BULK_ACTIONS)}."
        )
    results = []
    for item_id in item_ids:
        try:
            item = actions.item(item_id)
            order = (
                f"Order {item.business_key}"
                if item.business_key
                else f"The order of “{item.workflow_name}”"
            )
            if action == "cancel" and item.run_id and item.status == "open":
                actions.cancel(item.run_id, who=who, reason=note)
                done = f"{order} was cancelled."
            else:
                actions.resolve(item_id, action, output=output, port=port, who=who)
                done = (
                    f"{order} is running again."
                    if action == "retry"
                    else f"{order} goes on without “{item.step_name}”."
                )
            results.append(BulkResult(item_id, True, done))
        except ActionRefused as exc:
            results.append(BulkResult(item_id, False, str(exc)))
    return results


def _is_decision(s: Session, row: StepRun) -> bool:
    return (
        s.scalar(
            select(InboxItem.id).where(
                InboxItem.run_id == row.run_id,
                InboxItem.step_name == row.name,
                InboxItem.kind == InboxKind.DECISION,
                InboxItem.status == "open",
            )
        )
        is not None
    )


def _fresh_attempts(store: RunStore, s: Session, run: Run, step: str) -> int:
    """How many attempts a retried step gets: its policy's maximum, again."""
    wf = store.workflow_for_version(s, run.version_id)
    st = wf.step(step)
    spec = store.registry.get(st.type) if st else None
    return spec.retry.merged(st.retry).max_attempts if spec and st else 1
