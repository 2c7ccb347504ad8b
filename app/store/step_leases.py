"""Leases: a claimed step's lease kept alive (heartbeat), given back at shutdown (release), and
after a crash taken back from a dead runner (recover); a step that keeps stopping its runner
goes to a person, never into a crash loop. Also what the runtime's scheduler asks: is anything
ready, when is the next retry due."""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterable

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.kinds import AttemptOutcome, EventKind
from app.crashpoints import crashpoint
from app.store.events import Event
from app.store.inbox import neutral
from app.store.models import Attempt, StepRun
from app.store.outcomes import Outcomes
from app.store.run_base import FAR_FUTURE, Claim, latest_attempt, state_is

log = logging.getLogger("app.store.runs")


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


class Leases(Outcomes):
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
            # Locked rows (PostgreSQL; SQLite's write transaction already excludes others): a
            # refresh inside the loop expires the session, and a row reloaded after another
            # runner finished it must not be given back (succeeded -> ready is illegal).
            running = select(StepRun).where(state_is(m.RUNNING))
            for row in list(s.scalars(running.with_for_update(skip_locked=True))):
                if row.state != m.RUNNING:
                    continue
                owner = (row.lease_owner or "").split("#", 1)[0]
                expired = row.lease_expires_at is None or row.lease_expires_at <= now
                if not expired and is_alive(owner) is not False:
                    continue
                count += 1
                msg = said(QT_TRANSLATE_NOOP("Steps", "Daloy stopped while this step was running"))
                att = latest_attempt(s, row.run_id, row.name)
                if att is not None and att.finished_at is None:
                    att.outcome, att.error, att.finished_at = AttemptOutcome.INTERRUPTED, msg, now
                    att.error_words = neutral(msg)
                events += self._give_back(
                    s,
                    row,
                    att,
                    msg,
                    now,
                    said(
                        QT_TRANSLATE_NOOP(
                            "Steps", "Daloy stopped {count} times while step “{step}” was running"
                        ),
                        count=row.attempts,
                        step=row.name,
                    ),
                )
                crashpoint("mid_recovery")
        self.emit(events)
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
        msg = said(QT_TRANSLATE_NOOP("Steps", "Daloy was shut down while this attempt was running"))
        events: list[Event] = []
        n = 0
        with self.db.write() as s:
            for row in list(
                s.scalars(
                    select(StepRun)
                    .where(StepRun.lease_owner.in_(leases), state_is(m.RUNNING))
                    .with_for_update(skip_locked=True)
                )
            ):
                if row.state != m.RUNNING:  # reloaded after another runner finished it
                    continue
                n += 1
                att = self._finish_attempt(
                    s, _claim_of(row), AttemptOutcome.HANDED_BACK, msg, now, neutral(msg)
                )
                events += self._give_back(
                    s,
                    row,
                    att,
                    msg,
                    now,
                    said(
                        QT_TRANSLATE_NOOP(
                            "Steps",
                            "Daloy was shut down {count} times while step “{step}” was running",
                        ),
                        count=row.attempts,
                        step=row.name,
                    ),
                )
        self.emit(events)
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
            return [Event(EventKind.STEP_CHANGED, row.run_id, row.name, status=row.state, due=now)]
        row.error, row.error_words = message, neutral(message)
        if row.attempts < row.max_attempts and not row.reconcilable:
            row.state = m.READY
            return [Event(EventKind.STEP_CHANGED, row.run_id, row.name, status=row.state)]
        why = (
            cause
            if row.reconcilable
            else said(
                QT_TRANSLATE_NOOP(
                    "Inbox",
                    "{cause}; it will not be tried again on its own. Check the step, then retry "
                    "or skip it.",
                ),
                cause=cause,
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
