"""What else an attempt can end in, through the ORM: a failure (retry later, an error path, or a
question for a person in the inbox), a decision asked, a sleep (a wait, a child run), a step
parked on a down system or a hold without spending an attempt."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from app.core import machine as m
from app.core import redact
from app.core.i18n import QT_TRANSLATE_NOOP, carrying, said
from app.core.kinds import AttemptOutcome, EventKind, InboxKind
from app.core.results import Decision
from app.core.retry import RetryPolicy
from app.core.stepspec import ERROR_PORT
from app.crashpoints import crashpoint
from app.store.events import Event
from app.store.inbox import neutral, words_for
from app.store.models import Attempt, InboxItem, Run, StepRun
from app.store.progress import Progress
from app.store.run_base import FAR_FUTURE, Claim, unknown_outcome_reason

log = logging.getLogger("app.store.runs")


class Outcomes(Progress):
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
        words, reason = neutral(reason), redact.text(reason)  # a wait's sentence, said
        with self.db.write() as s:
            row = self._held(s, claim)
            if row is None:
                return None
            woken = row.next_attempt_at is not None  # see _wake_on
            row.state, row.sleeping, row.scratch = m.RETRY_WAIT, True, scratch
            row.next_attempt_at = now if woken else (until if until is not None else FAR_FUTURE)
            row.error, row.error_words = reason or None, words
            if input is not None:
                row.input = input
            row.lease_owner = row.lease_expires_at = None
            row.updated_at = now
            self._finish_attempt(s, claim, AttemptOutcome.WAITING, reason or None, now, words)
            events = [
                Event(EventKind.STEP_CHANGED, claim.run_id, claim.step_name, status=m.RETRY_WAIT)
            ]
            events += self.refresh_status(s, claim.run_id, now)
            due = row.next_attempt_at
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self.emit(events)
        return due

    def ask(self, claim: Claim, decision: Decision, *, input: Any = None) -> bool:
        now = time.time()
        with self.db.write() as s:
            row = self._held(s, claim)
            if row is None:
                return False
            run = s.get(Run, claim.run_id)
            assert run is not None  # a step's run is never deleted while it runs
            row.state = m.NEEDS_ATTENTION
            row.lease_owner = row.lease_expires_at = None
            row.updated_at = now
            row.sleeping = False
            if input is not None:
                row.input = input
            self._finish_attempt(s, claim, AttemptOutcome.ASKED, None, now)
            item = InboxItem(
                kind=InboxKind.DECISION,
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
                Event(EventKind.STEP_CHANGED, claim.run_id, claim.step_name, status=row.state),
                Event(EventKind.INBOX_OPENED, claim.run_id, claim.step_name, inbox_id=item.id),
            ]
            events += self.refresh_status(s, claim.run_id, now)
            crashpoint("before_result_commit")
        crashpoint("after_result_commit")
        self.emit(events)
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
        # The step's sentence keeps its words (``said``) to store beside the text, and to say
        # it inside the inbox entry's reason in the reader's language.
        words = neutral(message)
        message, detail = carrying(redact.text(message), words), redact.value(detail)
        now = time.time()
        with self.db.write() as s:
            row = self._held(s, claim)
            if row is None:
                return None
            if input is not None:
                row.input = input
            row.error, row.error_words = message, words
            row.lease_owner = row.lease_expires_at = None
            row.updated_at = now
            row.sleeping = False
            att = self._finish_attempt(
                s,
                claim,
                outcome or (AttemptOutcome.RETRYABLE if retryable else AttemptOutcome.FAILED),
                message,
                now,
                words,
            )
            if waiting_on is not None and retryable:
                row.needs_reconcile = outcome_unknown and row.reconcilable
                if waiting_reason:
                    row.error = redact.text(waiting_reason)
                    row.error_words = neutral(waiting_reason)
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
        self.emit(events)
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
            row.error, row.error_words = redact.text(reason) or None, neutral(reason)
            events = self._parked(s, row, waiting_on, due, now)
            if effect is not None:
                events += effect(s)
        self.emit(events)
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
                EventKind.STEP_CHANGED,
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
                    EventKind.STEP_CHANGED,
                    row.run_id,
                    row.name,
                    status=row.state,
                    due=row.next_attempt_at,
                ),
                *self.refresh_status(s, row.run_id, now),
            ]
        run = s.get(Run, row.run_id)
        assert run is not None  # a step's run is never deleted while it runs
        wf = self.workflow_for_version(s, run.version_id)
        step = wf.step(row.name)
        label = step.label if step else row.name
        # An error path is for a step that failed; whether this one acted is not known, so a
        # person finds out instead of the workflow guessing.
        has_error_path = not unknown and any(e.port == ERROR_PORT for e in wf.outgoing(row.name))
        if has_error_path:
            row.state, row.port = m.SUCCEEDED, ERROR_PORT
            row.output = {"error": message, "attempts": row.attempts}
            row.finished_at = now
            return [
                Event(EventKind.STEP_CHANGED, row.run_id, row.name, status=row.state),
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
            kind=InboxKind.STEP_FAILED,
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
            Event(EventKind.STEP_CHANGED, row.run_id, row.name, status=row.state),
            Event(EventKind.INBOX_OPENED, row.run_id, row.name, inbox_id=item.id),
            *self.refresh_status(s, row.run_id, now),
        ]

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
