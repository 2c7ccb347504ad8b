"""The durable run store: every state change of a run or step is one committed transaction.

This is the persistence half of the engine (the decisions are ``app.core.machine``'s), and
``RunStore`` is what the rest of Daloy uses: starting runs (``starting``), claiming ready steps
under a lease, recording results and advancing runs (``progress``), failures, questions for a
person, sleeps and parked steps (``outcomes``), leases and recovery (``step_leases``), engine
events (``events``); operator actions with their audit entries are ``app.store.actions``.
"""

from __future__ import annotations

from app.store.events import Event, EventHub, Listener
from app.store.run_base import (
    FAR_FUTURE,
    ActionRefused,
    Claim,
    idempotency_key,
    session_cursor,
    state_is,
    unknown_outcome_reason,
)
from app.store.step_leases import Leases, owner_alive_on_this_host, runner_identity

__all__ = [
    "FAR_FUTURE",
    "ActionRefused",
    "Claim",
    "Event",
    "EventHub",
    "Listener",
    "RunStore",
    "idempotency_key",
    "owner_alive_on_this_host",
    "runner_identity",
    "session_cursor",
    "state_is",
    "unknown_outcome_reason",
]


class RunStore(Leases):
    """Engine persistence over a ``Database``. Thread-safe: each method is its own transaction."""
