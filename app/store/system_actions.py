"""Operator actions on a system that is down (its one inbox entry) and on holds across orders:
mixed into ``OperatorActions``, so the CLI, the GUI and tests use them alike. Each is one
transaction with its audit entry (``app.store.breakers`` and ``app.store.holds`` record it)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from app.core import machine as m
from app.core import systems
from app.core.kinds import EventKind
from app.store import audit, breakers, holds
from app.store.models import InboxItem
from app.store.runs import ActionRefused, Event, RunStore

SYSTEM_ACTIONS = ("try_now", "keep_waiting", "retry_all", "cancel_all")


class SystemAndHoldActions:
    """The down-system entry's actions and holds across orders (mixed into OperatorActions)."""

    store: RunStore

    if TYPE_CHECKING:  # provided by OperatorActions

        def cancel(self, run_id: str, *, who: str | None = None, reason: str = "") -> None: ...
        def dismiss(self, item_id: int, *, who: str | None = None, note: str = "") -> None: ...

    def system_action(self, item_id: int, action: str, *, who: str | None = None) -> str:
        """Act on a down system's inbox entry: ``try_now`` (probe at once), ``keep_waiting``,
        ``retry_all`` (it is back: waiting orders go, oldest first), ``cancel_all`` (cancel
        every waiting order). Audited. Returns what was done, in words."""
        who = who or audit.current_user()
        with self.store.db.read() as s:
            item = s.get(InboxItem, item_id)
            system = ((item.detail or {}).get("system") if item is not None else None) or ""
        if item is None or item.kind != breakers.KIND or not system:
            raise ActionRefused(f"Inbox entry {item_id} is not about a system that is down.")
        if action not in SYSTEM_ACTIONS:
            raise ActionRefused(
                f"Unknown action “{action}”; use one of: {', '.join(SYSTEM_ACTIONS)}."
            )
        name = systems.label(system)
        if action == "cancel_all":
            with self.store.db.read() as s:
                runs = breakers.waiting_runs(s, system)
            for run_id in dict.fromkeys(runs):
                self.cancel(
                    run_id, who=who, reason=f"cancelled with every order waiting for {name}"
                )
            self.dismiss(item_id, who=who, note=f"cancelled {len(runs)} waiting orders")
            return f"{len(runs)} orders waiting for {name} were cancelled."
        with self.store.db.write() as s:
            try:
                getattr(breakers, action)(s, system, who)
            except LookupError as exc:
                raise ActionRefused(str(exc)) from exc
        self.store.emit([Event(EventKind.INBOX_RESOLVED, inbox_id=item_id)])
        return {
            "try_now": f"Daloy tries {name} now.",
            "keep_waiting": f"Daloy keeps waiting for {name} and tries it now and then.",
            "retry_all": f"The orders waiting for {name} go on now, oldest first.",
        }[action]

    def add_hold(
        self,
        *,
        sku: str | None = None,
        customer: str | None = None,
        workflow: str | None = None,
        before_step: str | None = None,
        note: str = "",
        who: str | None = None,
    ) -> holds.HoldRule:
        """Hold matching orders (now and as they arrive) before ``before_step``."""
        with self.store.db.write() as s:
            try:
                rule = holds.add(
                    s,
                    sku=sku,
                    customer=customer,
                    workflow=workflow,
                    before_step=before_step,
                    note=note,
                    who=who,
                )
            except holds.HoldRefused as exc:
                raise ActionRefused(str(exc)) from exc
        self.store.emit([Event(EventKind.HOLDS_CHANGED)])
        return rule

    def release_hold(self, hold_id: int, *, who: str | None = None) -> int:
        """Release a hold: its orders go on, oldest first. Returns how many."""
        with self.store.db.write() as s:
            try:
                readied = holds.release(s, hold_id, who=who)
            except holds.HoldRefused as exc:
                raise ActionRefused(str(exc)) from exc
            now = time.time()
            events = [Event(EventKind.HOLDS_CHANGED)]
            for run_id in dict.fromkeys(r for r, _ in readied):
                events += self.store.refresh_status(s, run_id, now)
        self.store.emit(
            events + [Event(EventKind.STEP_CHANGED, r, n, status=m.READY) for r, n in readied]
        )
        return len(readied)
