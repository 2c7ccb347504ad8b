"""A restored backup never does again what its orders had already done.

A backup holds its orders as they were when it was taken. Put back in place of the workspace
(``put_back``) or restored as a new workspace (``copy``), an order that was in progress then
would go on from there: a step that was due then, and ran later in the workspace it replaces,
would run again (a second confirmation email, a second warehouse notice). So, before any runtime
can open it, every order in progress in the restored database is held as one group: a hold of
kind ``put-back`` (``app.store.holds``; its steps parked ``retry_wait`` on ``hold:<id>``, shown
on the Holds list and the order's page with Release; releasing readies them oldest first). It
holds only those orders and never matches a new one. Taking in orders is paused too: a mailbox
read from the backup's older place would hand in again the orders that came since.

Where the later workspace is readable (the one set aside by a put-back; for a copy, the
workspace the backup came from), each held order says which steps had succeeded there but are
not done in the backup, by name and time; ``count_as_done`` records those as done with the
results recorded there (a skip with that output, audited) instead of running them again.
The shop's own order numbers (``order_numbers``) carry on after those given there, in the same
transaction: no customer's number is given again.
No Qt.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said, translate
from app.core.kinds import AttemptOutcome, EventKind
from app.core.model import Workflow
from app.store import audit, backups, held, holds, order_numbers, restored_entries
from app.store.backups import Backup, BackupError
from app.store.datafolder import DB_FILENAME
from app.store.db import Database
from app.store.explain import _clock
from app.store.inbox import neutral
from app.store.intake import set_paused_on
from app.store.models import (
    Attempt,
    Hold,
    IntakeItem,
    Run,
    StepRun,
    WorkflowVersion,
)
from app.store.restored_entries import COPY, REPLACE
from app.store.run_base import FAR_FUTURE
from app.store.runs import ActionRefused, Event, RunStore

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

# Where a step counted as done had been done (the audit note, stored in English as notes are).
_WHERE = {
    REPLACE: "in the workspace that was replaced",
    COPY: "in the workspace this backup came from",
}


@dataclass(frozen=True)
class Restored:
    """What a restore did: ``path`` is where the replaced workspace is kept (put back) or the
    new workspace (copy); ``held`` the orders held, ``gone_on`` how many of them the later
    workspace had taken further; ``told``: orders waiting for a person (not held) that it had
    taken further, their entries told so (``restored_entries``); ``numbers``: what became of
    the order numbers, when the operator should know (empty when they simply carry on)."""

    path: Path
    held: int
    gone_on: int
    told: int = 0
    numbers: str = ""


def when(backup: Backup) -> str:
    return backup.at.strftime("%Y-%m-%d %H:%M")


def put_back(backup: Backup, data_dir: Path, *, who: str | None = None) -> Restored:
    """``backups.restore_replace`` with the orders in progress held. A hold that cannot be made
    undoes the put-back (the workspace goes back in place): the orders never run unheld."""
    data_dir = Path(data_dir)
    aside = backups.restore_replace(backup, data_dir)
    try:
        held, gone_on, told, numbers = hold_in_progress(
            data_dir, when(backup), REPLACE, later=aside / DB_FILENAME, who=who
        )
    except (SQLAlchemyError, sqlite3.Error, OSError, DaloyError) as exc:
        kept = _undo(data_dir, aside)
        raise BackupError(
            (
                translate(
                    "Backups",
                    "The orders in progress in the backup of {when} could not be held ({why}), "
                    "so it was not put back: the workspace is as it was. Nothing was changed.",
                )
                if kept
                else translate(
                    "Backups",
                    "The orders in progress in the backup of {when} could not be held ({why}), "
                    "and the workspace could not be moved back in place: it is kept, as it "
                    "was, in {aside}.",
                )
            ).format(when=when(backup), why=exc, aside=aside)
        ) from exc
    return Restored(aside, held, gone_on, told, numbers)


def copy(
    backup: Backup, target: Path, *, later: Path | None = None, who: str | None = None
) -> Restored:
    """``backups.restore_new`` with the copy's orders in progress held and its intake paused,
    so opening it never runs them again. ``later``: the data folder the backup came from (its
    orders say what they did there since); by default the one its manifest names."""
    target = backups.restore_new(backup, target)
    if later is None:
        later = _came_from(backup)
    try:
        held, gone_on, told, numbers = hold_in_progress(
            target,
            when(backup),
            COPY,
            later=Path(later) / DB_FILENAME if later is not None else None,
            who=who,
        )
    except (SQLAlchemyError, sqlite3.Error, OSError, DaloyError) as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise BackupError(
            translate(
                "Backups",
                "The orders in progress in the backup of {when} could not be held ({why}), so "
                "it was not restored into {folder}. Nothing was changed.",
            ).format(when=when(backup), why=exc, folder=target)
        ) from exc
    return Restored(target, held, gone_on, told, numbers)


def _came_from(backup: Backup) -> Path | None:
    try:
        manifest = json.loads((backup.path / backups.MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    came = manifest.get("from") if isinstance(manifest, dict) else None
    return Path(came) if isinstance(came, str) and came else None


def _undo(data_dir: Path, aside: Path) -> bool:
    """Put the workspace set aside back in place of the restored one; True when done."""
    try:
        for suffix in ("", "-wal", "-shm"):
            (data_dir / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
        for name in backups.ORDER_FOLDERS:
            shutil.rmtree(data_dir / name, ignore_errors=True)
        for suffix in ("", "-wal", "-shm"):
            f = aside / f"{DB_FILENAME}{suffix}"
            if f.exists():
                shutil.move(f, data_dir / f.name)
        for name in backups.ORDER_FOLDERS:
            if (aside / backups.FILES / name).exists():
                shutil.move(aside / backups.FILES / name, data_dir / name)
    except OSError:
        return False
    shutil.rmtree(aside, ignore_errors=True)
    return True


# -- holding -------------------------------------------------------------------------------
def hold_in_progress(
    data_dir: Path, backup_at: str, how: str, *, later: Path | None, who: str | None = None
) -> tuple[int, int, int, str]:
    """Hold every order in progress in the workspace in ``data_dir`` (its database migrated
    first, as a start would), pause its intake and carry its order numbers on, in one
    transaction. ``later``: the database of the later workspace, read for what its orders did
    since and the numbers it gave. Returns (orders held, of them gone on further in ``later``,
    orders waiting for a person told so on their entries, ``Restored.numbers``)."""
    db = Database(f"sqlite:///{Path(data_dir) / DB_FILENAME}")
    try:
        with db.write() as s:
            numbers = _carry_numbers(s, how, later)
            return (*hold_orders(s, backup_at, how, later, who or audit.current_user()), numbers)
    finally:
        db.close()


def _carry_numbers(s: Session, how: str, later: Path | None) -> str:
    """The order numbers carry on after those ``later`` gave since the backup; words for the
    operator when they had to skip ahead instead (``later`` unreadable), else empty."""
    if later is None:
        return ""
    try:
        given = order_numbers.given_in(later)
    except (sqlite3.Error, ValueError, OSError) as exc:
        if how == COPY:
            # A copy is for looking things up (its intake is paused): the workspace it came
            # from is often elsewhere, and while both take orders no counter keeps them apart.
            return ""
        order_numbers.carry_forward(s, None)
        return translate(
            "Backups",
            "The order numbers given in the workspace that was replaced could not be read "
            "({why}), so this workspace's order numbers skip {margin} ahead: no number a "
            "customer was given since the backup is given again.",
        ).format(why=exc, margin=order_numbers.MARGIN)
    order_numbers.carry_forward(s, given)
    return ""


def hold_orders(
    s: Session, backup_at: str, how: str, later: Path | None, who: str
) -> tuple[int, int, int]:
    """``hold_in_progress`` in the session given (a database of any kind): hold the orders in
    progress, tell the entries of those waiting for a person what ``later`` did since."""
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
    gone = _done_later(s, later, list(dict.fromkeys(runs + waiting))) if later is not None else {}
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
        att = s.scalar(
            select(Attempt)
            .where(Attempt.run_id == st.run_id, Attempt.step_name == st.name)
            .order_by(Attempt.number.desc())
            .limit(1)
        )
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


def _done_later(s: Session, later: Path, runs: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Per order, the steps that succeeded in the later workspace but are not done here
    (oldest first): name, label, when, output and port. Empty when it cannot be read."""
    open_here: dict[str, set[str]] = {}
    for run_id, name, state in s.execute(
        select(StepRun.run_id, StepRun.name, StepRun.state).where(StepRun.run_id.in_(runs))
    ):
        if state not in m.FINAL:
            open_here.setdefault(run_id, set()).add(name)
    if not later.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"file:{later}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return {}
    out: dict[str, list[dict[str, Any]]] = {}
    parsed: dict[int, Workflow] = {}
    try:
        for run_id in runs:
            rows = conn.execute(
                "SELECT name, finished_at, output, port FROM step_runs "
                "WHERE run_id = ? AND state = 'succeeded' ORDER BY finished_at, id",
                (run_id,),
            ).fetchall()
            done = [
                {
                    "step": name,
                    "label": _label(s, run_id, name, parsed),
                    "at": at,
                    "output": json.loads(output) if output is not None else None,
                    "port": port or "out",
                }
                for name, at, output, port in rows
                if name in open_here.get(run_id, ())
            ]
            if done:
                out[run_id] = done
    except (sqlite3.Error, ValueError):
        return {}
    finally:
        conn.close()
    return out


def _label(s: Session, run_id: str, name: str, parsed: dict[int, Workflow]) -> str:
    """The step's name as the workflow shows it; ``parsed``: versions read so far (many held
    orders share one)."""
    run = s.get(Run, run_id)
    wf = None
    if run is not None:
        if run.version_id not in parsed:
            v = s.get(WorkflowVersion, run.version_id)
            if v is not None:
                parsed[run.version_id] = Workflow.from_json(v.definition)
        wf = parsed.get(run.version_id)
    step = wf.step(name) if wf is not None else None
    return step.label if step is not None else name.replace("_", " ")


# -- the operator's choice per order -------------------------------------------------------
def _hold_of(s: Session, run_id: str) -> Hold | None:
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


def gone_on(s: Session, run_id: str) -> list[dict[str, Any]]:
    """What the later workspace had done for this order (see ``_done_later``) and is not done
    here, while a put-back's hold holds it or its open entry waits for a person; else empty."""
    return _known(s, run_id)[0]


def gone_on_said(s: Session, run_id: str) -> tuple[list[dict[str, Any]], str]:
    """``gone_on``, and what the order's inbox entry and page say of it (“… had gone on to:
    …”; empty when nothing is known)."""
    done, how = _known(s, run_id)
    return done, restored_entries.words(done, how)


def refuse_repeat(s: Session, run_id: str, step: str) -> None:
    """Refuse (in words) a retry, skip or answer on an order the later workspace had taken
    further: it would do those steps again. The caller asks only when the operator has not
    said to do them again."""
    done, how = _known(s, run_id)
    if done:
        run = s.get(Run, run_id)
        raise ActionRefused(
            restored_entries.refusal(
                done,
                how,
                order=(run.business_key if run is not None else None) or run_id,
                run_id=run_id,
                step=_label(s, run_id, step, {}),
            )
        )


def _known(s: Session, run_id: str) -> tuple[list[dict[str, Any]], str]:
    """``gone_on``, and how the backup was restored (``REPLACE`` or ``COPY``): from the hold
    that holds the order, else from its open entry (an order waiting for a person)."""
    h = _hold_of(s, run_id)
    how: Any
    if h is None:
        done, how = restored_entries.known(s, run_id)
    else:
        detail = h.detail if isinstance(h.detail, dict) else {}
        orders = detail.get("orders")
        done = list((orders if isinstance(orders, dict) else {}).get(run_id) or [])
        how = detail.get("how")
    if done:  # what was done here since (counted, or run again on purpose) is not said again
        final = set(
            s.scalars(
                select(StepRun.name).where(StepRun.run_id == run_id, StepRun.state.in_(m.FINAL))
            )
        )
        done = [d for d in done if d.get("step") not in final]
    return done, how if how in _WHERE else REPLACE


def count_as_done(store: RunStore, run_id: str, *, who: str | None = None) -> list[str]:
    """Record the steps the later workspace had done for this held order as done here, with
    the results recorded there, instead of running them again: each a skip with that output
    (audited, with a note saying why), in one transaction; what follows them goes on. Returns
    their labels."""
    who = who or audit.current_user()
    now = time.time()
    with store.db.write() as s:
        done, how = _known(s, run_id)
        if not done:
            raise ActionRefused(
                translate(
                    "Holds",
                    "Order {order} is not held by a put-back with steps it had done since; "
                    "release its hold instead.",
                ).format(order=run_id)
            )
        labels = []
        counted: set[str] = set()
        events: list[Event] = []
        for d in done:
            row = s.scalar(
                select(StepRun).where(StepRun.run_id == run_id, StepRun.name == d["step"])
            )
            if row is None or row.state in m.FINAL:
                continue
            if row.state == m.RUNNING:
                raise ActionRefused(
                    translate(
                        "Holds", "Step “{step}” is running; wait for it, then try again."
                    ).format(step=d["label"])
                )
            before = {"state": row.state, "output": row.output, "port": row.port}
            row.state, row.output, row.port = m.SKIPPED, d["output"], d["port"]
            row.waiting_on = row.next_attempt_at = row.error = row.error_words = None
            row.sleeping = False
            row.finished_at = row.updated_at = now
            labels.append(d["label"])
            counted.add(d["step"])
            events.append(Event(EventKind.STEP_CHANGED, run_id, d["step"], status=m.SKIPPED))
            audit.record(
                s,
                who,
                "skip",
                run_id=run_id,
                step_name=d["step"],
                before=before,
                after={
                    "state": row.state,
                    "output": row.output,
                    "port": row.port,
                    "note": f"counted as done: done at {_clock(d['at'])} {_WHERE[how]}",
                },
            )
            # the result recorded there stands for the step's: the order's total it makes too
            store.total_after_skip(s, s.get(Run, run_id), d["step"], d["output"], d["port"])
        events += restored_entries.close(s, run_id, counted, who, now)
        events += store.advance(s, run_id, now)
    store.emit([*events, Event(EventKind.HOLDS_CHANGED)])
    return labels
