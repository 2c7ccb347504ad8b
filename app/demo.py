"""“Try the demo”: the sample business running end to end in this workspace with nothing set up
and nothing real contacted.

A few sample orders arrive as practice runs of the bundled “Order fulfilment” workflow
(``app.runtime.practice.try_draft``): steps that would charge, email or write the stock sheet
are stubbed, the stock is read from the sample sheet. One order is short of stock, so it asks
the operator to substitute, backorder or cancel; one meets a payment service that is “down”:
its charge is staged to fail once (``app.core.staged``, practice runs only), so a "step failed"
entry waits for Retry. Every demo order is numbered ``DEMO-…`` and carries ``"demo": true`` in
its trigger, and the workspace remembers it is in demo mode (``is_demo``) until the shop is set
up (``end``), so every screen can say “Demo”. No Qt here.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.core import machine as m
from app.core.staged import SYSTEM_DOWN
from app.store import audit, queries, settings
from app.store.db import Database
from app.store.models import Run
from app.store.runs import ActionRefused

if TYPE_CHECKING:
    from app.runtime.runtime import Runtime

SAMPLE = "Order fulfilment"
DEMO_KEY = "demo"  # settings row: present while the workspace is in demo mode
PAYMENTS = "The payment service"  # the system the staged outage names


def _order(
    number: str, name: str, email: str, phone: str, lines: list[tuple[str, int]]
) -> dict[str, Any]:
    return {
        "demo": True,
        "order": {
            "number": number,
            "currency": "PHP",
            "customer": {"name": name, "email": email, "phone": phone},
            "lines": [{"sku": sku, "qty": qty} for sku, qty in lines],
        },
    }


# (trigger, steps staged to fail once): in stock; short of coffee (a decision); a charge that
# meets a payment service that is down (a failed step).
ORDERS: tuple[tuple[dict[str, Any], dict[str, dict[str, Any]]], ...] = (
    (
        _order(
            "DEMO-1001",
            "Maria Santos",
            "maria@example.com",
            "0917 555 0101",
            [("RICE-25", 1), ("OIL-1L", 3)],
        ),
        {},
    ),
    (
        _order(
            "DEMO-1002",
            "Jun Reyes",
            "jun@example.com",
            "0917 555 0102",
            [("COFFEE-3IN1", 12), ("SUGAR-1", 2)],
        ),
        {},
    ),
    (
        _order(
            "DEMO-1003", "Lorna Cruz", "lorna@example.com", "0917 555 0103", [("SARDINES-155", 10)]
        ),
        {"charge": {SYSTEM_DOWN: PAYMENTS}},
    ),
)


def is_demo(db: Database) -> bool:
    with db.read() as s:
        return settings.has(s, DEMO_KEY)


def start(runtime: Runtime, who: str | None = None) -> list[str]:
    """Put the workspace in demo mode and start the demo orders; returns their run ids."""
    from app.runtime.practice import try_draft

    who = who or audit.current_user()
    with runtime.db.write() as s:
        if not settings.has(s, DEMO_KEY):
            settings.put(s, DEMO_KEY, {"since": time.time()})
        audit.record(s, who, "demo_started", after={"workflow": SAMPLE})
    return [
        try_draft(runtime, SAMPLE, trigger, who=who, staged=staged) for trigger, staged in ORDERS
    ]


def demo_runs(db: Database) -> list[str]:
    """The ids of unfinished demo orders (``queries.DEMO_ORDER``: their trigger says ``demo``,
    or, for the backorder a demo order started, its number does)."""
    with db.read() as s:
        return list(
            s.scalars(select(Run.id).where(queries.DEMO_ORDER, Run.status.not_in(m.RUN_FINAL)))
        )


def end(runtime: Runtime, who: str | None = None) -> int:
    """Leave demo mode (the shop is being set up for real): unfinished demo orders are
    cancelled, so no demo question stays in the inbox. Returns how many were cancelled."""
    cancelled = 0
    for run_id in demo_runs(runtime.db):
        try:
            runtime.actions.cancel(run_id, who=who, reason="the demo ended")
            cancelled += 1
        except ActionRefused:
            pass  # finished meanwhile
    with runtime.db.write() as s:
        if settings.delete(s, DEMO_KEY):
            audit.record(s, who, "demo_ended", after={"cancelled": cancelled})
    return cancelled
