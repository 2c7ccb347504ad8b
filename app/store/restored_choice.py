"""What the operator may do with an order a restored backup held or told: see what the later
workspace had done for it, count that as done, or be stopped from doing it again.

Where the later workspace was readable, a put-back's hold (``restored_holds``) keeps per order
the steps that had succeeded there, and an order waiting for a person carries them on its open
entries (``restored_entries``). ``gone_on``/``gone_on_said`` say what is still not done here
(the order's page and inbox entry); ``refuse_repeat`` refuses, in words, a retry, skip or answer
that would do them again; ``count_as_done`` records them as done with the results recorded
there (a skip with that output, audited) instead of running them again. No Qt.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core import own_notes
from app.core.i18n import translate
from app.core.kinds import EventKind
from app.store import audit, restored_entries, restored_holds, restored_later
from app.store.explain import _clock
from app.store.models import Run, StepRun
from app.store.restored_entries import REPLACE
from app.store.runs import ActionRefused, Event, RunStore

# Where a step counted as done had been done: its audit note, stored in English as notes are
# and said in the reader's language where read (``own_notes.said_note``)
_WHERE = own_notes.COUNTED_AS_DONE  # keyed by REPLACE, COPY


def gone_on(s: Session, run_id: str) -> list[dict[str, Any]]:
    """What the later workspace had done for this order (see ``restored_later.done_later``) and is not done
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
                step=restored_later.label(s, run_id, step, audit.StepWords(s)),
            )
        )


def _known(s: Session, run_id: str) -> tuple[list[dict[str, Any]], str]:
    """``gone_on``, and how the backup was restored (``REPLACE`` or ``COPY``): from the hold
    that holds the order, else from its open entry (an order waiting for a person)."""
    h = restored_holds.hold_of(s, run_id)
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
                    "note": _WHERE[how].format(time=_clock(d["at"])),
                },
            )
            # the result recorded there stands for the step's: the order's total it makes too
            store.total_after_skip(s, s.get(Run, run_id), d["step"], d["output"], d["port"])
        events += restored_entries.close(s, run_id, counted, who, now)
        events += store.advance(s, run_id, now)
    store.emit([*events, Event(EventKind.HOLDS_CHANGED)])
    return labels
