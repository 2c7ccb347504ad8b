"""Every step transition the store makes, checked against the state machine (``app.core.machine``).

Two paths write a step's state: the hot path's statements (``app.store.statements``), which call
``made`` for each row they move, and the ORM, whose every assignment to ``StepRun.state`` passes
an attribute listener here. Both check the transition (a dict look-up) and raise
``IllegalTransition`` inside the transaction, so an illegal one is never committed. An
operator's restart resets steps inside ``resetting()`` (``machine.RESETS``).

Tests watch every transition with ``watch`` (``tests/support/transitions.py``).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm.base import NO_VALUE

from app.core import machine as m
from app.store.models import StepRun

# (old, new, how, allowed): how says which path made it ("claim", "success", "orm", …).
Watcher = Callable[[str, str, str, bool], None]
_watchers: list[Watcher] = []
_resetting: contextvars.ContextVar[bool] = contextvars.ContextVar("resetting", default=False)


def made(old: str, new: str, how: str) -> None:
    """A step goes from ``old`` to ``new``: raise unless the machine allows it."""
    reset = _resetting.get()
    allowed = new in m.TRANSITIONS[old] or (reset and new in m.RESETS.get(old, ()))
    for watcher in _watchers:
        watcher(old, new, how, allowed)
    if not allowed:
        m.check_transition(old, new, reset=reset)  # raises, in the machine's words


@contextlib.contextmanager
def resetting() -> Iterator[None]:
    """An operator's restart: steps may be reset to ready or pending (``machine.RESETS``)."""
    token = _resetting.set(True)
    try:
        yield
    finally:
        _resetting.reset(token)


@contextlib.contextmanager
def watch(watcher: Watcher) -> Iterator[None]:
    """Call ``watcher`` for every transition made in this process while inside."""
    _watchers.append(watcher)
    try:
        yield
    finally:
        _watchers.remove(watcher)


@event.listens_for(StepRun.state, "set", active_history=True)
def _on_orm_set(target: StepRun, value: Any, old: Any, _initiator: Any) -> None:
    # A new row (no old state) is a run starting, not a transition; nor is writing the same.
    if old is NO_VALUE or old is None or value == old:
        return
    made(old, value, "orm")
