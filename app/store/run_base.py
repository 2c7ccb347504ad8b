"""What every part of the run store shares: a claim (a step taken under a lease), the store's
database, step registry and parsed workflow versions, and the few steps of a result that every
outcome takes (is the lease still held, finish the attempt).

The run store is built in layers, one module each, ``RunStore`` (``app.store.runs``) on top:
``run_base`` → ``starting`` (starting runs) → ``progress`` (claiming, succeeding, advancing) →
``outcomes`` (failing, asking, sleeping, parking) → ``leases`` (heartbeats, recovery, handing
back).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said, unstopped
from app.core.model import Workflow
from app.core.stepspec import SpecRegistry
from app.store import statements as st
from app.store.db import Database
from app.store.events import EventHub
from app.store.models import Attempt, StepRun, WorkflowVersion
from app.store.order_totals import OrderTotals

log = logging.getLogger("app.store.runs")
FAR_FUTURE = 4102444800.0  # 2100-01-01: "until woken"
state_is = st.state_is


@contextlib.contextmanager
def session_cursor(s: Session) -> Iterator[Any]:
    """The DB-API cursor of the session's transaction, for the hot path's statements
    (``app.store.statements``) on the ORM path: the session's changes are flushed first, and
    what it loaded is expired after, so it reads back what the statements wrote."""
    s.flush()
    dbapi = s.connection().connection.driver_connection
    assert dbapi is not None  # inside the session's transaction
    cur = dbapi.cursor()
    try:
        yield cur
    finally:
        cur.close()
        s.expire_all()


def unknown_outcome_reason(label: str, cause: str) -> str:
    """The inbox entry's reason when Daloy cannot tell whether a step acted (sent the request,
    charged the card): it asks a person instead of repeating the step."""
    return said(
        QT_TRANSLATE_NOOP(
            "Inbox",
            "Not known whether “{label}” went through ({cause}). Check with the service it "
            "calls before retrying — for a payment, whether the card was charged. If it went "
            "through, skip this step and enter its result; if it did not, retry it.",
        ),
        label=label,
        cause=unstopped(cause),  # a step's sentence, in brackets
    )


class ActionRefused(DaloyError):
    """An operator action that does not apply to the run or step as it is now."""


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


def latest_attempt(s: Session, run_id: str, step_name: str) -> Attempt | None:
    """The step's latest attempt (highest number) in the session's transaction, None when the
    step has none yet: the one a step under way, resumed or answered is on."""
    return s.scalar(
        select(Attempt)
        .where(Attempt.run_id == run_id, Attempt.step_name == step_name)
        .order_by(Attempt.number.desc())
        .limit(1)
    )


def idempotency_key(run_id: str, step_name: str) -> str:
    """The key a step's attempts carry: identical on every retry of this step in this run,
    unique across runs."""
    return f"daloy-{run_id}-{step_name}"


@dataclass
class SkippedStep:
    """What ``order_totals`` reads of a step's result (``order_totals.Succeeded``), for a skip."""

    run_id: str
    version_id: int
    step_name: str
    trigger: Any
    business_key: str
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)


class StoreBase(EventHub):
    """Engine persistence over a ``Database``. Thread-safe: each method is its own transaction."""

    def __init__(self, db: Database, registry: SpecRegistry) -> None:
        super().__init__()
        self.db = db
        self.dialect: Dialect = db.engine.dialect  # the statements' dialect (read per step)
        self.registry = registry
        self._versions: dict[int, Workflow] = {}
        self._plans: dict[int, list[dict[str, Any]]] = {}
        self.order_totals = OrderTotals()  # each version's order_total, worked out once
        self._seq = itertools.count(1)
        self._lock = threading.Lock()

    def cached_workflow(self, version_id: int) -> Workflow | None:
        return self._versions.get(version_id)

    def total_after_skip(self, s: Session, run: Any, step: str, output: Any, port: str) -> None:
        """In the session's transaction: a step skipped with an ``output`` entered (by an
        operator, or counted as done after a put-back) writes the order's total as its success
        would (``order_totals``), from the run's finished steps as a claim has them."""
        self.workflow_for_version(s, run.version_id)  # parsed, so its total's plan is known
        skipped = SkippedStep(run.id, run.version_id, step, run.trigger, run.business_key)
        s.flush()  # the steps skipped in this transaction are among the finished ones read
        with session_cursor(s) as cur:
            skipped.steps = {
                r["name"]: {"output": r["output"], "port": r["port"], "state": r["state"]}
                for r in st.FINISHED_STEPS.rows(cur, self.dialect, run_id=run.id)
            }
            self.order_totals.after_success(
                cur, self.dialect, skipped, output, port, self.cached_workflow
            )

    def workflow_for_version(self, s: Session, version_id: int) -> Workflow:
        wf = self._versions.get(version_id)
        if wf is None:
            v = s.get(WorkflowVersion, version_id)
            if v is None:
                raise DaloyError(f"Workflow version {version_id} is missing from the database.")
            wf = Workflow.from_json(v.definition)
            self._versions[version_id] = wf
        return wf

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
        self,
        s: Session,
        claim: Claim,
        outcome: str,
        error: str | None,
        now: float,
        words: Any = None,
    ) -> Attempt | None:
        """The claim's attempt ended in ``outcome``; ``words``: ``error`` language-neutral."""
        if claim.attempt_id is not None:
            att = s.get(Attempt, claim.attempt_id)
        elif claim.resumed:
            att = latest_attempt(s, claim.run_id, claim.step_name)
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
            att.error, att.error_words = error, words
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
