"""Holding the orders in progress in a restored backup, so they never do again what they did.

Before any runtime opens a restored database, ``hold_orders`` holds every order in progress in
it as one group: a hold of kind ``put-back`` (``KIND``; ``app.store.holds``), its steps parked
``retry_wait`` on ``hold:<id>`` (a running one's attempt marked interrupted), shown on the Holds
list and the order's page with Release. It holds only those orders and never matches a new one.
Orders waiting for a switched-off workflow have their first steps parked too; orders waiting for
a person are not held (resolving them is a person's act) but their entries are told what the
later workspace had done (``restored_entries``). The hold keeps, per order, what the later
workspace had done (``restored_later``) in its ``detail``; ``hold_of`` finds the hold that holds
an order now. Taking in orders is paused in the same transaction. ``restored`` calls it; no Qt.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core.i18n import QT_TRANSLATE_NOOP, said, words_of
from app.core.kinds import AttemptOutcome
from app.core.model import Workflow
from app.store import audit, held, holds, restored_entries, restored_later
from app.store.explain import _clock
from app.store.inbox import neutral
from app.store.intake import set_paused_on
from app.store.models import Hold, IntakeItem, Run, StepRun, WorkflowVersion
from app.store.restored_entries import COPY, REPLACE
from app.store.run_base import FAR_FUTURE, latest_attempt

KIND = "put-back"  # ``holds.kind``; ``REPLACE``/``COPY``: how the backup was restored
# The steps a held order may be at: each is parked on the hold.
ACTIVE = (m.READY, m.RUNNING, m.RETRY_WAIT)

_HELD = QT_TRANSLATE_NOOP("Holds", "Held since {time}: {rule}.")
_GONE_ON = {
    REPLACE: QT_TRANSLATE_NOOP(
        "Holds",
        "Held since {time}: {rule}. In the workspace that was replaced, this order had gone on "
        "to: {steps}. Releasing runs those again; “Count as done” records them as done instead.",
    ),
    COPY: QT_TRANSLATE_NOOP(
        "Holds",
        "Held since {time}: {rule}. In the workspace this backup came from, this order has gone "
        "on to: {steps}. Releasing runs those again; “Count as done” records them as done "
        "instead.",
    ),
}
_RULE = {
    REPLACE: QT_TRANSLATE_NOOP(
        "Holds",
        "every order that was in progress when the backup of {when} was put back — check "
        "each one, then release",
    ),
    COPY: QT_TRANSLATE_NOOP(
        "Holds",
        "every order that was in progress in the backup of {when}, restored as this "
        "workspace — check each one, then release",
    ),
}


def hold_orders(
    s: Session, backup_at: str, how: str, later: Path | None, who: str
) -> tuple[int, int, int]:
    """``restored.hold_in_progress`` in the session given (a database of any kind), but for
    the order numbers: hold the orders in progress, tell the entries of those waiting for a
    person what ``later`` did since. Returns (orders held, of them gone on further in
    ``later``, orders told)."""
    set_paused_on(s, True)
    steps = list(
        s.scalars(
            select(StepRun)
            .join(Run, Run.id == StepRun.run_id)
            .where(
                Run.status.not_in(m.RUN_FINAL),
                Run.cancelled.is_(False),
                StepRun.state.in_(ACTIVE),
            )
            .order_by(Run.created_at, StepRun.id)
        )
    ) + _not_started(s)
    runs = list(dict.fromkeys(st.run_id for st in steps))
    waiting = _waiting_for_a_person(s)
    gone = (
        restored_later.done_later(s, later, list(dict.fromkeys(runs + waiting)))
        if later is not None
        else {}
    )
    # not held (the operator acts on them in the inbox): their entries say what was done since
    told = restored_entries.tell(s, {r: gone[r] for r in waiting if r in gone}, how)
    gone = {r: done for r, done in gone.items() if r in runs}
    if not steps:
        return 0, 0, told
    now = time.time()
    rule_words = said(_RULE.get(how, _RULE[REPLACE]), when=backup_at)
    h = Hold(
        kind=KIND,
        note="",
        created_at=now,
        created_by=who,
        detail={"backup_at": backup_at, "how": how, "later": str(later or ""), "orders": gone},
    )
    s.add(h)
    s.flush()
    for st in steps:
        done = gone.get(st.run_id)
        reason = (
            said(
                _GONE_ON.get(how, _GONE_ON[REPLACE]),
                time=_clock(now),
                rule=rule_words,
                steps=restored_entries.steps_said(done),
            )
            if done
            else said(_HELD, time=_clock(now), rule=rule_words)
        )
        _park(s, st, h.id, reason, now)
    for run_id in runs:
        run = s.get(Run, run_id)
        if run is not None:
            states = dict(
                s.execute(select(StepRun.name, StepRun.state).where(StepRun.run_id == run_id)).all()
            )
            run.status, run.updated_at = m.run_status(states, run.cancelled), now
    audit.record(
        s,
        who,
        "hold_added",
        after={
            "hold": h.id,
            "rule": holds.HoldRule.of(h).describe(),
            "orders": len(runs),
            "note": str(rule_words),
            "note_words": words_of(rule_words),  # the audit page says it in its reader's language
        },
    )
    return len(runs), len(gone), told


def _not_started(s: Session) -> list[StepRun]:
    """The first steps of orders waiting for a switched-off workflow (all their steps are
    pending): switched on, they would start, though the later workspace may have run them."""
    out: list[StepRun] = []
    waiting = s.execute(
        select(Run.id, WorkflowVersion.definition)
        .join(IntakeItem, IntakeItem.run_id == Run.id)
        .join(WorkflowVersion, WorkflowVersion.id == Run.version_id)
        .where(IntakeItem.status == held.WAITING, Run.cancelled.is_(False))
        .order_by(Run.created_at)
    ).all()
    for run_id, definition in waiting:
        first = [n for n, st in m.initial(Workflow.from_json(definition)).items() if st == m.READY]
        out += s.scalars(
            select(StepRun).where(
                StepRun.run_id == run_id, StepRun.name.in_(first), StepRun.state == m.PENDING
            )
        )
    return out


def _waiting_for_a_person(s: Session) -> list[str]:
    """Orders in progress with a step that needs a person (failed, or a decision asked)."""
    return list(
        dict.fromkeys(
            s.scalars(
                select(StepRun.run_id)
                .join(Run, Run.id == StepRun.run_id)
                .where(
                    Run.status.not_in(m.RUN_FINAL),
                    Run.cancelled.is_(False),
                    StepRun.state == m.NEEDS_ATTENTION,
                )
                .order_by(Run.created_at, StepRun.id)
            )
        )
    )


def _park(s: Session, st: StepRun, hold_id: int, reason: str, now: float) -> None:
    """Park one step of an order in progress on the hold, as a hold parks a claimed step."""
    if st.state == m.RUNNING and not st.sleeping:
        # The attempt under way when the backup was taken: its outcome is not known here, so a
        # step that can look it up does so before acting again (as after a crash).
        att = latest_attempt(s, st.run_id, st.name)
        if att is not None and att.finished_at is None:
            att.outcome, att.finished_at = AttemptOutcome.INTERRUPTED, now
        st.needs_reconcile = st.reconcilable
    if st.state in (m.READY, m.PENDING):
        st.state = m.RUNNING  # taken by the put-back, then parked: the machine's own path
    st.state, st.waiting_on, st.next_attempt_at = (
        m.RETRY_WAIT,
        f"{holds.PREFIX}{hold_id}",
        FAR_FUTURE,
    )
    st.lease_owner = st.lease_expires_at = None
    # ``sleeping`` is kept: a wait parked here resumes where it was once released
    st.error, st.error_words = reason, neutral(reason)
    st.updated_at = now


def hold_of(s: Session, run_id: str) -> Hold | None:
    """The put-back's hold that holds this order now, if any."""
    for (waiting,) in s.execute(
        select(StepRun.waiting_on).where(
            StepRun.run_id == run_id,
            StepRun.state == m.RETRY_WAIT,
            StepRun.waiting_on.like(f"{holds.PREFIX}%"),
        )
    ):
        number = (waiting or "")[len(holds.PREFIX) :]
        h = s.get(Hold, int(number)) if number.isdigit() else None
        if h is not None and h.kind == KIND and h.released_at is None:
            return h
    return None
