"""The runtime's side of circuit breakers (``app.store.breakers`` keeps the state): before a
step calls an outside system, ask whether that system may be called; count its failures and
answers; park what must wait; move due breakers along on a timer.

The check costs nothing for a system that never failed (a dict look-up in this process); only
a system with a breaker row is looked up in the database, where the truth is shared with every
runner. After a failure, and until the system answers, this process keeps the attempts on
their way to it plus its failures below the breaker's threshold: attempts already sent cannot
be called back, and more should not pile onto a system that may be down — so at most the
threshold's worth of attempts fail before it opens.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from app.core import systems
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.kinds import EventKind
from app.core.machine import StepState
from app.steps.base import StepType
from app.store import breakers as b
from app.store.models import Breaker
from app.store.queries import system_of
from app.store.runs import Claim, Event, RunStore

log = logging.getLogger("daloy.breakers")
HOLD_BACK = 0.25  # seconds a step waits while another attempt tests a failing system


class HeldBack(Exception):
    """Another attempt is testing a system that just failed: try this one a moment later."""


class BreakerGate:
    def __init__(self, store: RunStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        # system -> (state, failures in a row, threshold), when not plainly closed
        self._unwell: dict[str, tuple[str, int, int]] = {}
        self._in_flight: dict[str, int] = {}
        # Attempts that failed and are counted in flight until their failure is recorded (else
        # another attempt slips in between the two and the threshold is overshot).
        self._pending: dict[str, str] = {}

    # -- which system ------------------------------------------------------------------------
    @staticmethod
    def system(step_type: StepType, rendered: Any) -> str | None:
        """The outside system a step's attempt calls: its type's own ``system_of`` when it
        has one, else its connection or its URL's host (None for a pure step)."""
        own = getattr(step_type, "system_of", None)
        if own is not None:
            return own(rendered)
        return None if step_type.spec.inline else system_of(rendered)

    # -- the database's truth, cached ---------------------------------------------------------
    def refresh(self) -> None:
        with self.store.db.read() as s:
            rows = {k: self._entry(s, r) for k, r in b.unwell(s).items()}
        with self._lock:
            self._unwell = rows

    @staticmethod
    def _entry(s: Any, row: Breaker) -> tuple[str, int, int]:
        return row.state, len(row.failures or []), b.settings_for(s, row.system, row).failures

    def _note(self, s: Any, row: Breaker | None) -> None:
        if row is None:
            return
        entry = self._entry(s, row)
        with self._lock:
            if row.state == b.CLOSED and not row.failures:
                self._unwell.pop(row.system, None)
            else:
                self._unwell[row.system] = entry

    def admit(self, claim: Claim, system: str) -> str | None:
        """None: go. Else the sentence the order shows while it waits (the system is down, or
        it is someone else's turn while it recovers)."""
        with self._lock:
            if system not in self._unwell:
                return None
        with self.store.db.read() as s:
            row = s.get(Breaker, system)
            self._note(s, row)
            if row is None or row.state == b.CLOSED:
                return None
            if row.state in (b.PROBING, b.RESUMING) and row.admit_step_id == claim.step_id:
                return None
            return b.down_sentence(row)

    def park(self, claim: Claim, system: str, reason: str) -> None:
        self.store.park(claim, b.WAITING + system, reason, effect=self.noting(claim))

    @staticmethod
    def noting(claim: Claim) -> Callable[[Any], list[Event]]:
        """In the transaction that parks ``claim``'s step: count it on its system's entry."""
        system, run_id = claim.system or "", claim.run_id

        def effect(s: Any) -> list[Event]:
            b.note_waiting(s, system, run_id)
            return [Event(EventKind.INBOX_CHANGED)]  # the entry counts one more order

        return effect

    def hold_back(self, claim: Claim, system: str) -> None:
        self.store.park(
            claim,
            None,
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "Waiting a moment: {system} just failed and is being tried by another order.",
                ),
                system=systems.label(system),
            ),
            due=time.time() + HOLD_BACK,
        )

    @contextlib.contextmanager
    def calling(self, claim: Claim) -> Iterator[None]:
        """Around the call to the outside system: one at a time after a failure."""
        system = claim.system
        if system is None:
            yield
            return
        with self._lock:
            state, failures, threshold = self._unwell.get(system, (b.CLOSED, 0, 0))
            if (
                state == b.CLOSED
                and failures
                and self._in_flight.get(system, 0) + failures >= threshold
            ):
                raise HeldBack(system)
            self._in_flight[system] = self._in_flight.get(system, 0) + 1
        try:
            yield
        except BaseException:
            with self._lock:
                self._pending[claim.lease] = system
            raise
        else:
            with self._lock:
                self._in_flight[system] -= 1

    def settle(self, claim: Claim) -> None:
        """The failed attempt's outcome is recorded: it no longer counts as in flight."""
        with self._lock:
            system = self._pending.pop(claim.lease, None)
            if system is not None:
                self._in_flight[system] -= 1

    # -- outcomes ------------------------------------------------------------------------------
    def failed(self, claim: Claim, error: str) -> tuple[str | None, str]:
        """A retryable failure: counted. Returns (``waiting_on``, sentence) when the system is
        now down and the step should wait for it, else (None, "")."""
        system = claim.system or ""
        with self.store.db.write() as s:
            row = b.record_failure(s, system, error)
            state, sentence = row.state, b.down_sentence(row)
            self._note(s, row)
        self.settle(claim)
        if state == b.OPEN:
            self.store.emit([Event(EventKind.INBOX_CHANGED)])
            return b.WAITING + system, sentence
        return None, ""

    def answered(self, system: str) -> None:
        """The system answered: clears its failures, or brings it back when it was down."""
        with self._lock:
            if system not in self._unwell:
                return
        with self.store.db.write() as s:
            self._note(s, b.record_answer(s, system))
        self.store.emit([Event(EventKind.INBOX_CHANGED)])

    def due(self) -> bool:
        """Is a breaker open, probing or resuming (then ``tick`` has work)?"""
        with self._lock:
            return any(st != b.CLOSED for st, _, _ in self._unwell.values())

    def tick(self) -> list[tuple[str, str]]:
        """Probe, release and close what is due (every runner may; the database decides)."""
        with self._lock:
            before = dict(self._unwell)
        with self.store.db.write() as s:
            readied = b.tick(s)
        self.refresh()
        events = [Event(EventKind.STEP_CHANGED, r, n, status=StepState.READY) for r, n in readied]
        with self._lock:
            if self._unwell != before:
                events.append(Event(EventKind.INBOX_CHANGED))  # an entry opened again, or closed
        self.store.emit(events)
        return readied
