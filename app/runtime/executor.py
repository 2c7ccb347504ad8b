"""Executes one claimed step attempt: render its input, reconcile an unknown outcome, call the
step's code under its time limit, and record what happened through the run store."""

from __future__ import annotations

import contextlib
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import (
    DaloyError,
    OutcomeUnknownError,
    RetryableError,
    StepError,
    TemplateError,
)
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.kinds import AttemptOutcome
from app.core.model import Step, Workflow
from app.core.results import Decision, Reconciled, Sleep, StepResult
from app.core.retry import RetryPolicy
from app.core.staged import staged_failure
from app.core.stepspec import StepSpec
from app.crashpoints import crashpoint
from app.runtime.attempt_threads import AttemptAbandoned, AttemptThreads, AttemptTimeout
from app.runtime.breakers import BreakerGate, HeldBack
from app.steps import Registry
from app.steps.base import StepContext, StepServices, StepType, render_input
from app.store.holds import HoldBook, held_sentence
from app.store.runs import FAR_FUTURE, Claim, RunStore, unknown_outcome_reason

log = logging.getLogger("daloy.engine")


class _CarryOn:
    """Said by a part of ``execute`` that did not settle the attempt: go on to the next."""


CARRY_ON = _CarryOn()


@dataclass
class _Attempt:
    """One attempt, prepared: what every part of ``StepExecutor.execute`` works from."""

    claim: Claim
    step_type: StepType
    label: str  # the step's title, for sentences
    policy: RetryPolicy
    rendered: Any  # the step's settings, templates filled in
    ctx: StepContext
    log: logging.LoggerAdapter
    chain: bool
    lease_seconds: float

    @property
    def thread(self) -> str:
        return f"step {self.claim.run_id[:8]} {self.claim.step_name}"


def plain_success(result: Any) -> tuple[Any, str] | None:
    """What a step returned, as a success with nothing but an output and a port (its output,
    its port); None for a question, a sleep or a success with local effects."""
    if isinstance(result, (Decision, Sleep)):
        return None
    if isinstance(result, StepResult):
        return None if result.effects else (result.output, result.port)
    return result, "out"


class StepExecutor:
    def __init__(
        self,
        store: RunStore,
        registry: Registry,
        *,
        data_dir: Path | None = None,
        services: StepServices | None = None,
        on_retry_scheduled: Callable[[float], None] | None = None,
    ) -> None:
        self.store = store
        self.registry = registry
        self.data_dir = data_dir
        self.services = services or StepServices()
        self.on_retry_scheduled = on_retry_scheduled
        self.rng = random.Random()
        self.threads = AttemptThreads()
        # (version, step) -> (its workflow, its type's spec, the step, its retry policy)
        self._steps: dict[
            tuple[int, str], tuple[Workflow, StepSpec | None, Step | None, RetryPolicy | None]
        ] = {}
        # Set by the runtime: circuit breakers per outside system, and the operator's holds.
        self.gate: BreakerGate | None = None
        self.holds: HoldBook | None = None

    def _schedule(self, at: float | None) -> None:
        if at is not None and self.on_retry_scheduled:
            self.on_retry_scheduled(at)

    def is_inline(self, claim: Claim) -> bool:
        step_type = self.registry.get(claim.step_type)
        return step_type is not None and step_type.spec.inline and not claim.needs_reconcile

    def execute(
        self, claim: Claim, *, chain: bool = False, lease_seconds: float = 60.0
    ) -> Claim | None:
        """Run one attempt and record it. With ``chain``, a success also claims the step it
        made ready in the same run (see ``RunStore.succeed_and_continue``), which is returned
        for the caller to execute next."""
        attempt = self._prepare(claim, chain, lease_seconds)
        if attempt is None:
            return None  # recorded already: unknown type, held, unreadable settings, system down
        if claim.needs_reconcile and attempt.step_type.reconcile is not None:
            settled = self._look_up_earlier(attempt)
            if not isinstance(settled, _CarryOn):
                return settled
        if claim.practice and attempt.step_type.has_side_effects(attempt.rendered):
            return self._practise(attempt)
        called, result = self._call(attempt)
        return self._record(attempt, result) if called else None

    # -- the parts of one attempt, in order -----------------------------------------------------
    def _prepare(self, claim: Claim, chain: bool, lease_seconds: float) -> _Attempt | None:
        """The attempt's step type, policy, rendered input and context; None when the attempt
        was settled without calling the step (unknown type, a hold, settings that cannot be
        filled in, a system that is down)."""
        plog = logging.LoggerAdapter(log, {"run_id": claim.run_id, "step": claim.step_name})
        step_type = self.registry.get(claim.step_type)
        wf = self.store.cached_workflow(claim.version_id)
        if wf is None:
            with self.store.db.read() as s:
                wf = self.store.workflow_for_version(s, claim.version_id)
        step, policy = self._pinned(wf, claim, step_type)
        if step_type is None or step is None or policy is None:
            self.store.fail(
                claim,
                f"This Daloy does not know the step type “{claim.step_type}”.",
                retryable=False,
                retry_at=None,
            )
            return None
        if self.holds is not None and self.holds.active and not claim.resumed:
            rule = self.holds.matching(
                workflow=wf.name, step=claim.step_name, trigger=claim.trigger
            )
            if rule is not None:
                self.store.park(claim, f"hold:{rule.id}", held_sentence(rule))
                return None
        try:
            rendered, ctx = self._context(claim, step_type, step, policy, plog)
        except TemplateError as exc:
            self.store.fail(
                claim,
                said(
                    QT_TRANSLATE_NOOP("Steps", "The step's settings could not be filled in: {why}"),
                    why=str(exc),
                ),
                retryable=False,
                retry_at=None,
            )
            return None
        if self.gate is not None and not claim.resumed and not claim.practice:
            claim.system = self.gate.system(step_type, rendered)
            if claim.system is not None and (why := self.gate.admit(claim, claim.system)):
                self.gate.park(claim, claim.system, why)  # down: wait, nothing spent
                return None
        return _Attempt(
            claim, step_type, step.label, policy, rendered, ctx, plog, chain, lease_seconds
        )

    def _pinned(
        self, wf: Workflow, claim: Claim, step_type: StepType | None
    ) -> tuple[Step | None, RetryPolicy | None]:
        """The claimed step of its pinned version and its retry policy, looked up once per
        version and step: a run pins its version, which never changes, so neither do they."""
        key = (claim.version_id, claim.step_name)
        spec = step_type.spec if step_type is not None else None
        found = self._steps.get(key)
        if found is None or found[0] is not wf or found[1] is not spec:
            step = wf.step(claim.step_name)
            policy = spec.retry.merged(step.retry) if step is not None and spec else None
            found = self._steps[key] = (wf, spec, step, policy)
        return found[2], found[3]

    def _context(
        self,
        claim: Claim,
        step_type: StepType,
        step: Step,
        policy: RetryPolicy,
        plog: logging.LoggerAdapter,
    ) -> tuple[Any, StepContext]:
        """The step's settings with its templates filled in, and the context it runs with;
        raises ``TemplateError`` when they cannot be filled in."""
        context = {
            "trigger": claim.trigger,
            "steps": claim.steps,
            "run": {"id": claim.run_id, "business_key": claim.business_key},
            "idempotency_key": claim.idempotency_key,
        }
        rendered = (
            claim.input_override
            if claim.input_override is not None
            else render_input(step_type.spec, step.config, context)
        )
        ctx = StepContext(
            run_id=claim.run_id,
            step_name=claim.step_name,
            attempt=claim.attempt,
            max_attempts=claim.max_attempts,
            idempotency_key=claim.idempotency_key,
            config=dict(step.config),
            input=rendered,
            trigger=claim.trigger,
            steps=claim.steps,
            business_key=claim.business_key,
            practice=claim.practice,
            resumed=claim.resumed,
            scratch=claim.scratch,
            timeout=policy.timeout,
            data_dir=self.data_dir,
            services=self.services,
            log=plog,
        )
        return rendered, ctx

    def run_pure(self, claim: Claim) -> tuple[Any, str, Any] | None:
        """A pure step (``StepSpec.pure``) run in-line inside the store's open transaction
        (``RunStore.succeed_and_continue``): its output, port and rendered input, or None to
        leave the claim to the worker as usual — anything but a plain success (a hold, settings
        that cannot be filled in, a failure) is recorded by the ordinary path, which runs the
        step again. Writes nothing: the write lock is held by the caller."""
        step_type = self.registry.get(claim.step_type)
        wf = self.store.cached_workflow(claim.version_id)
        if wf is None or step_type is None or not step_type.spec.pure:
            return None
        step, policy = self._pinned(wf, claim, step_type)
        if step is None or policy is None:
            return None
        if claim.needs_reconcile or claim.resumed:
            return None
        if self.holds is not None and self.holds.active:
            if self.holds.matching(workflow=wf.name, step=claim.step_name, trigger=claim.trigger):
                return None  # parked by the ordinary path
        plog = logging.LoggerAdapter(log, {"run_id": claim.run_id, "step": claim.step_name})
        try:
            rendered, ctx = self._context(claim, step_type, step, policy, plog)
            success = plain_success(step_type.run(ctx))
        except Exception:  # noqa: BLE001 - the ordinary path runs it again and records why
            return None
        return None if success is None else (*success, rendered)

    def _succeeded(self, a: _Attempt, output: Any, port: str) -> Claim | None:
        return self.store.succeed_and_continue(
            a.claim,
            output,
            port,
            input=a.rendered,
            chain=a.chain,
            lease_seconds=a.lease_seconds,
            pure=self.run_pure if a.chain else None,
        )[1]

    def _look_up_earlier(self, a: _Attempt) -> Claim | None | _CarryOn:
        """An earlier attempt may have acted without an answer: the step type's look-up says
        whether it did. Settles the attempt (it had happened, or nobody can tell), or says to
        carry on and call the step (it had not)."""
        claim, policy, rendered = a.claim, a.policy, a.rendered
        assert a.step_type.reconcile is not None  # execute asks only when there is one
        try:
            with self._calling(claim):
                rec = self.threads.call(a.step_type.reconcile, a.ctx, policy.timeout, a.thread)
        except HeldBack:
            self._hold_back(claim)
            return None
        except AttemptAbandoned:
            return None  # handed back at shutdown: nothing to record
        except (RetryableError, AttemptTimeout) as exc:
            # The look-up itself failed: look again later (nothing is sent meanwhile).
            self._failed(
                claim, policy, f"{exc}", retryable=True, outcome_unknown=True, rendered=rendered
            )
            return None
        except StepError as exc:
            # The step type cannot find out; its error tells a person what to check.
            self._failed(
                claim,
                policy,
                str(exc),
                retryable=False,
                outcome_unknown=True,
                rendered=rendered,
                outcome=AttemptOutcome.NOT_KNOWN,
                detail=exc.detail,
            )
            return None
        except Exception as exc:  # noqa: BLE001
            a.log.exception("reconcile failed")
            self._failed(
                claim,
                policy,
                f"Checking the earlier attempt failed: {exc!r}",
                retryable=True,
                outcome_unknown=True,
                rendered=rendered,
            )
            return None
        if isinstance(rec, Reconciled) and rec.happened is not None:
            self.store.note_looked_up(claim, rec.happened)
            self._answered(claim)
        if isinstance(rec, Reconciled) and rec.happened:
            a.log.info("earlier attempt had succeeded; not sending again")
            return self._succeeded(a, rec.output, rec.port)
        if not isinstance(rec, Reconciled) or rec.happened is None:
            # No way to tell (no look-up, and repeating is not known to be harmless): a
            # person checks, instead of Daloy risking doing it twice.
            self._failed(
                claim,
                policy,
                unknown_outcome_reason(
                    a.label,
                    said(
                        QT_TRANSLATE_NOOP(
                            "Steps",
                            "the earlier attempt got no answer, and the step has no look-up to "
                            "check it with",
                        )
                    ),
                ),
                retryable=False,
                outcome_unknown=True,
                rendered=rendered,
                outcome=AttemptOutcome.NOT_KNOWN,
            )
            return None
        return CARRY_ON

    def _practise(self, a: _Attempt) -> Claim | None:
        """A practice run's side-effecting step records what it would have done instead."""
        # A demo order's step staged to meet a system that is down fails once (practice
        # only: a real order never gets here).
        if (down := staged_failure(a.claim.scratch, a.claim.attempt)) is not None:
            self._failed(a.claim, a.policy, down, retryable=False, rendered=a.rendered)
            return None
        spec = a.step_type.spec
        return self._succeeded(a, spec.practice_output(a.rendered, a.claim.scratch), "out")

    def _call(self, a: _Attempt) -> tuple[bool, Any]:
        """Call the step's code under its time limit: (True, what it returned), or (False,
        None) once a failure is recorded (or the attempt was held back or handed back)."""
        claim, policy, rendered, spec = a.claim, a.policy, a.rendered, a.step_type.spec
        crashpoint("before_call")
        started = time.monotonic()
        try:
            with self._calling(claim):
                result = (
                    a.step_type.run(a.ctx)
                    if spec.inline
                    else self.threads.call(a.step_type.run, a.ctx, policy.timeout, a.thread)
                )
        except HeldBack:
            self._hold_back(claim)
            return False, None
        except AttemptAbandoned:
            return False, None  # handed back at shutdown (``RunStore.release``)
        except AttemptTimeout as exc:
            self._failed(
                claim,
                policy,
                said(QT_TRANSLATE_NOOP("Steps", "No answer: {why}."), why=exc.args[0]),
                retryable=True,
                outcome_unknown=spec.outcome_may_be_unknown,
                rendered=rendered,
                outcome=AttemptOutcome.TIMEOUT,
            )
            return False, None
        except RetryableError as exc:
            self._failed(
                claim,
                policy,
                str(exc),
                retryable=True,
                outcome_unknown=isinstance(exc, OutcomeUnknownError),
                retry_after=exc.retry_after,
                rendered=rendered,
                detail=exc.detail,
            )
            return False, None
        except StepError as exc:
            self._failed(
                claim, policy, str(exc), retryable=False, rendered=rendered, detail=exc.detail
            )
            return False, None
        except DaloyError as exc:
            self._failed(claim, policy, str(exc), retryable=False, rendered=rendered)
            return False, None
        except Exception as exc:  # noqa: BLE001 - a bug in step code: keep the order, tell a person
            a.log.exception("step raised an unexpected error")
            self._failed(
                claim,
                policy,
                said(
                    QT_TRANSLATE_NOOP("Steps", "Unexpected error in the step: {kind}: {why}"),
                    kind=type(exc).__name__,
                    why=exc,
                ),
                retryable=False,
                rendered=rendered,
            )
            return False, None
        crashpoint("after_call")
        if claim.system is not None:
            self._answered(claim)
        if log.isEnabledFor(logging.DEBUG):  # the adapter's call costs, even when not shown
            a.log.debug("attempt %d finished in %.3f s", claim.attempt, time.monotonic() - started)
        return True, result

    def _record(self, a: _Attempt, result: Any) -> Claim | None:
        """Record what the step returned: a question, a sleep, or a success (with local effects
        in the same transaction, or chained to the run's next step)."""
        claim, rendered = a.claim, a.rendered
        if isinstance(result, Decision):
            self.store.ask(claim, result, input=rendered)
        elif isinstance(result, Sleep):
            due = self.store.sleep(
                claim, result.until, result.scratch, result.reason, input=rendered
            )
            if due is not None and due < FAR_FUTURE:
                self._schedule(due)
        elif isinstance(result, StepResult) and result.effects:
            self.store.succeed(claim, result.output, result.port, result.effects, input=rendered)
        elif (success := plain_success(result)) is not None:
            return self._succeeded(a, *success)
        return None

    def _calling(self, claim: Claim) -> contextlib.AbstractContextManager[None]:
        return self.gate.calling(claim) if self.gate is not None else contextlib.nullcontext()

    def _hold_back(self, claim: Claim) -> None:
        if self.gate is not None and claim.system is not None:
            self.gate.hold_back(claim, claim.system)

    def _answered(self, claim: Claim) -> None:
        if self.gate is not None and claim.system is not None:
            self.gate.answered(claim.system)

    def _failed(
        self,
        claim: Claim,
        policy: RetryPolicy,
        message: str,
        *,
        retryable: bool,
        outcome_unknown: bool = False,
        retry_after: float | None = None,
        rendered: Any = None,
        outcome: str | None = None,
        detail: Any = None,
    ) -> None:
        waiting_on, waiting_reason = None, ""
        if self.gate is not None and claim.system is not None:
            if retryable:  # counted; once the system is down, the step waits for it
                waiting_on, waiting_reason = self.gate.failed(claim, message)
            elif outcome is None:
                self._answered(claim)  # it answered, with a refusal: it is not down
            self.gate.settle(claim)
        retry_at = None
        if retryable:
            delay = policy.delay_before(claim.attempt + 1, self.rng)
            if retry_after is not None:
                delay = max(delay, min(retry_after, policy.max_delay))
            retry_at = time.time() + delay
        # The store may postpone ``retry_at`` (an unknown outcome waits until the attempt can no
        # longer land); its event carries the time the runtime wakes for.
        self.store.fail(
            claim,
            message,
            retryable=retryable,
            retry_at=retry_at,
            outcome_unknown=outcome_unknown,
            input=rendered,
            outcome=outcome,
            detail=detail,
            waiting_on=waiting_on,
            waiting_reason=waiting_reason,
            effect=self.gate.noting(claim) if waiting_on and self.gate else None,
        )
