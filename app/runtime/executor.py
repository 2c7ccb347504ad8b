"""Executes one claimed step attempt: render its input, reconcile an unknown outcome, call the
step's code under its time limit, and record what happened through the run store."""

from __future__ import annotations

import contextlib
import logging
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.errors import (
    DaloyError,
    OutcomeUnknownError,
    RetryableError,
    StepError,
    TemplateError,
)
from app.core.kinds import AttemptOutcome
from app.core.results import Decision, Reconciled, Sleep, StepResult
from app.core.retry import RetryPolicy
from app.core.staged import staged_failure
from app.crashpoints import crashpoint
from app.runtime.breakers import BreakerGate, HeldBack
from app.steps import Registry
from app.steps.base import StepContext, StepServices, render_input
from app.store.holds import HoldBook, held_sentence
from app.store.runs import FAR_FUTURE, Claim, RunStore, unknown_outcome_reason

log = logging.getLogger("daloy.engine")


class AttemptTimeout(Exception):
    pass


class AttemptAbandoned(Exception):
    """The runtime stopped waiting for the attempt (shutdown): its lease was handed back."""


class AttemptThreads:
    """Runs each attempt on a thread of its own, so its time limit can be enforced, and keeps
    finished threads for the next attempt (starting a thread costs more than a quick step).

    A thread that overruns is abandoned: the caller stops waiting, and whatever the step returns
    later is discarded (its lease is gone); the thread rejoins the idle ones when it returns."""

    def __init__(self, keep_idle: int = 16) -> None:
        self.keep_idle = keep_idle
        self._idle: list[_AttemptThread] = []
        self._lock = threading.Lock()
        self._count = 0
        self._waiting: set[threading.Event] = set()
        self.abandoned = False

    def abandon(self) -> None:
        """Shutdown: every caller stops waiting for its attempt now (``AttemptAbandoned``), so
        the process can exit; the attempt threads are daemons and end with it."""
        with self._lock:
            self.abandoned = True
            waiting = list(self._waiting)
        for done in waiting:
            done.set()

    def _wait(self, done: threading.Event, timeout: float) -> bool:
        with self._lock:
            if self.abandoned:
                raise AttemptAbandoned("Daloy is shutting down")
            self._waiting.add(done)
        try:
            return done.wait(timeout)
        finally:
            with self._lock:
                self._waiting.discard(done)

    def call(
        self, fn: Callable[[StepContext], Any], ctx: StepContext, timeout: float, name: str
    ) -> Any:
        if self.abandoned:
            raise AttemptAbandoned("Daloy is shutting down")
        with self._lock:
            worker = self._idle.pop() if self._idle else None
            if worker is None:
                self._count += 1
                worker = _AttemptThread(self, f"daloy-attempt-{self._count}")
        return worker.run(fn, ctx, timeout, name)

    def _done(self, worker: _AttemptThread) -> bool:
        """A thread finished its task: keep it (True) or let it end (False)."""
        with self._lock:
            if len(self._idle) < self.keep_idle:
                self._idle.append(worker)
                return True
            return False


class _AttemptThread:
    def __init__(self, pool: AttemptThreads, name: str) -> None:
        self.pool = pool
        self.name = name
        self._task: tuple | None = None
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def run(
        self, fn: Callable[[StepContext], Any], ctx: StepContext, timeout: float, name: str
    ) -> Any:
        done = threading.Event()
        box: dict[str, Any] = {}
        with self._wake:
            self._task = (fn, ctx, name, box, done)
            self._wake.notify()
        if not self.pool._wait(done, timeout):
            raise AttemptTimeout(f"the step took longer than its time limit of {timeout:g} s")
        if "error" not in box and "result" not in box:
            raise AttemptAbandoned("Daloy is shutting down")
        if "error" in box:
            raise box["error"]
        return box.get("result")

    def _loop(self) -> None:
        while True:
            with self._wake:
                while self._task is None:
                    self._wake.wait()
                fn, ctx, name, box, done = self._task
                self._task = None
            self._thread.name = name
            try:
                box["result"] = fn(ctx)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                box["error"] = exc
            finally:
                self._thread.name = self.name
                done.set()
            del fn, ctx, box, done
            if not self.pool._done(self):
                return


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
        plog = logging.LoggerAdapter(log, {"run_id": claim.run_id, "step": claim.step_name})
        step_type = self.registry.get(claim.step_type)
        wf = self.store.cached_workflow(claim.version_id)
        if wf is None:
            with self.store.db.read() as s:
                wf = self.store.workflow_for_version(s, claim.version_id)
        step = wf.step(claim.step_name)
        if step_type is None or step is None:
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
        spec = step_type.spec
        policy: RetryPolicy = spec.retry.merged(step.retry)
        context = {
            "trigger": claim.trigger,
            "steps": claim.steps,
            "run": {"id": claim.run_id, "business_key": claim.business_key},
            "idempotency_key": claim.idempotency_key,
        }
        try:
            rendered = (
                claim.input_override
                if claim.input_override is not None
                else render_input(spec, step.config, context)
            )
        except TemplateError as exc:
            self.store.fail(
                claim,
                f"The step's settings could not be filled in: {exc}",
                retryable=False,
                retry_at=None,
            )
            return None
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
        thread_name = f"step {claim.run_id[:8]} {claim.step_name}"
        if self.gate is not None and not claim.resumed and not claim.practice:
            claim.system = self.gate.system(step_type, rendered)
            if claim.system is not None and (why := self.gate.admit(claim, claim.system)):
                self.gate.park(claim, claim.system, why)  # down: wait, nothing spent
                return None

        def succeeded(output: Any, port: str) -> Claim | None:
            return self.store.succeed_and_continue(
                claim, output, port, input=rendered, chain=chain, lease_seconds=lease_seconds
            )[1]

        if claim.needs_reconcile and step_type.reconcile is not None:
            try:
                with self._calling(claim):
                    rec = self.threads.call(step_type.reconcile, ctx, policy.timeout, thread_name)
            except HeldBack:
                return self._hold_back(claim)
            except AttemptAbandoned:
                return None  # handed back at shutdown: nothing to record
            except (RetryableError, AttemptTimeout) as exc:
                # The look-up itself failed: look again later (nothing is sent meanwhile).
                self._failed(
                    claim, policy, f"{exc}", retryable=True, outcome_unknown=True, rendered=rendered
                )
                return
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
                return
            except Exception as exc:  # noqa: BLE001
                plog.exception("reconcile failed")
                self._failed(
                    claim,
                    policy,
                    f"Checking the earlier attempt failed: {exc!r}",
                    retryable=True,
                    outcome_unknown=True,
                    rendered=rendered,
                )
                return
            if isinstance(rec, Reconciled) and rec.happened is not None:
                self.store.note_looked_up(claim, rec.happened)
                self._answered(claim)
            if isinstance(rec, Reconciled) and rec.happened:
                plog.info("earlier attempt had succeeded; not sending again")
                return succeeded(rec.output, rec.port)
            if not isinstance(rec, Reconciled) or rec.happened is None:
                # No way to tell (no look-up, and repeating is not known to be harmless): a
                # person checks, instead of Daloy risking doing it twice.
                self._failed(
                    claim,
                    policy,
                    unknown_outcome_reason(
                        step.label,
                        "the earlier attempt got no answer, and the step has no look-up "
                        "to check it with",
                    ),
                    retryable=False,
                    outcome_unknown=True,
                    rendered=rendered,
                    outcome=AttemptOutcome.NOT_KNOWN,
                )
                return

        if claim.practice and step_type.has_side_effects(rendered):
            # A demo order's step staged to meet a system that is down fails once (practice
            # only: a real order never gets here).
            if (down := staged_failure(claim.scratch, claim.attempt)) is not None:
                self._failed(claim, policy, down, retryable=False, rendered=rendered)
                return None
            return succeeded(spec.practice_output(rendered, claim.scratch), "out")

        crashpoint("before_call")
        started = time.monotonic()
        try:
            with self._calling(claim):
                result = (
                    step_type.run(ctx)
                    if spec.inline
                    else self.threads.call(step_type.run, ctx, policy.timeout, thread_name)
                )
        except HeldBack:
            return self._hold_back(claim)
        except AttemptAbandoned:
            return None  # handed back at shutdown (``RunStore.release``)
        except AttemptTimeout as exc:
            self._failed(
                claim,
                policy,
                f"No answer: {exc}.",
                retryable=True,
                outcome_unknown=spec.outcome_may_be_unknown,
                rendered=rendered,
                outcome=AttemptOutcome.TIMEOUT,
            )
            return
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
            return
        except StepError as exc:
            self._failed(
                claim, policy, str(exc), retryable=False, rendered=rendered, detail=exc.detail
            )
            return
        except DaloyError as exc:
            self._failed(claim, policy, str(exc), retryable=False, rendered=rendered)
            return
        except Exception as exc:  # noqa: BLE001 - a bug in step code: keep the order, tell a person
            plog.exception("step raised an unexpected error")
            self._failed(
                claim,
                policy,
                f"Unexpected error in the step: {type(exc).__name__}: {exc}",
                retryable=False,
                rendered=rendered,
            )
            return
        crashpoint("after_call")
        if claim.system is not None:
            self._answered(claim)
        plog.debug("attempt %d finished in %.3f s", claim.attempt, time.monotonic() - started)

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
        elif isinstance(result, StepResult):
            return succeeded(result.output, result.port)
        else:
            return succeeded(result, "out")
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
