"""Orders that arrive while their workflow is switched off: kept, waiting visibly, started when
it is switched on again. Never dropped, never left unread.

Intake commits the order as usual (item and run in one transaction, then the source is
acknowledged), but the run's steps all stay ``pending`` and the run shows as waiting; its intake
item says "waiting" and one inbox alert per workflow counts them. ``release`` readies the start
steps (from the state machine, as a new run would) in the transaction that switches it on.
"""

from __future__ import annotations

import time

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.kinds import InboxKind
from app.core.model import Workflow
from app.store.inbox import close_alert, open_alert
from app.store.models import IntakeItem, Run, StepRun, WorkflowRow, WorkflowVersion

WAITING = "waiting"  # IntakeItem.status of an order held while its workflow is off
ALERT = "workflow-off:"  # inbox alert key, per workflow id


def _waiting(s: Session, row: WorkflowRow) -> list[tuple[IntakeItem, Run]]:
    return list(
        s.execute(
            select(IntakeItem, Run)
            .join(Run, Run.id == IntakeItem.run_id)
            .where(IntakeItem.status == WAITING, Run.workflow_id == row.id)
            .order_by(IntakeItem.id)
        )
    )


def count(s: Session, row: WorkflowRow) -> int:
    """How many orders wait for this (switched-off) workflow."""
    return (
        s.scalar(
            select(func.count())
            .select_from(IntakeItem)
            .join(Run, Run.id == IntakeItem.run_id)
            .where(IntakeItem.status == WAITING, Run.workflow_id == row.id)
        )
        or 0
    )


def hold(s: Session, row: WorkflowRow, item: IntakeItem, run_id: str) -> None:
    """Keep the run just started from ``item`` from starting: its workflow is switched off."""
    now = time.time()
    s.flush()
    s.execute(
        update(StepRun)
        .where(StepRun.run_id == run_id, StepRun.state == m.READY)
        .values(state=m.PENDING, updated_at=now)
    )
    s.execute(update(Run).where(Run.id == run_id).values(status=m.RUN_WAITING, updated_at=now))
    item.status = WAITING
    n = count(s, row)
    open_alert(
        s,
        InboxKind.SYSTEM,
        f"{ALERT}{row.id}",
        said(
            QT_TRANSLATE_NOOP("Inbox", "Orders wait: “{workflow}” is switched off"),
            workflow=row.name,
        ),
        said(
            QT_TRANSLATE_NOOP(
                "Inbox",
                "1 order waits for “{workflow}”: they arrived while it is switched off and are "
                "kept. They start as soon as you switch it on (Workflows → Switch on, or daloy "
                "workflow enable NAME); cancel any you do not want.",
            )
            if n == 1
            else QT_TRANSLATE_NOOP(
                "Inbox",
                "{n} orders wait for “{workflow}”: they arrived while it is switched off and "
                "are kept. They start as soon as you switch it on (Workflows → Switch on, or "
                "daloy workflow enable NAME); cancel any you do not want.",
            ),
            n=n,
            workflow=row.name,
        ),
        workflow_name=row.name,
    )


def release(s: Session, row: WorkflowRow) -> int:
    """Start every order waiting for ``row`` (being switched on), in this transaction, on the
    version each was received under. Returns how many; the runner picks them up at its next
    look (at most a couple of seconds), in this process or another."""
    now = time.time()
    started = 0
    for item, run in _waiting(s, row):
        item.status = "started"
        if run.cancelled or run.status in m.RUN_FINAL:
            continue  # cancelled by a person while it waited
        v = s.get(WorkflowVersion, run.version_id)
        ready = (
            [n for n, st in m.initial(Workflow.from_json(v.definition)).items() if st == m.READY]
            if v is not None
            else []
        )
        if s.scalar(
            select(func.count())
            .select_from(StepRun)
            .where(StepRun.run_id == run.id, StepRun.waiting_on.is_not(None))
        ):
            continue  # held by a put-back (app.store.restored): releasing that hold starts it
        s.execute(
            update(StepRun)
            .where(StepRun.run_id == run.id, StepRun.name.in_(ready), StepRun.state == m.PENDING)
            .values(state=m.READY, updated_at=now)
        )
        run.status, run.updated_at = m.RUN_RUNNING, now
        started += 1
    close_alert(s, f"{ALERT}{row.id}", "the workflow was switched on")
    return started
