"""The run store's engine events: what changed (a run started, a step's state, an inbox entry),
told to listeners (the runtime's dispatcher, the GUI's signals, PostgreSQL's NOTIFY) after the
transaction that changed it committed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    kind: str  # an ``app.core.kinds.EventKind``
    run_id: str | None = None
    step: str | None = None
    inbox_id: int | None = None
    status: str | None = None
    due: float | None = None  # a retry_wait step: when it may be claimed (epoch seconds)


Listener = Callable[[list[Event]], None]


class EventHub:
    """Listeners of engine events; ``emit`` after commit (a broken listener stops nothing)."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, events: list[Event]) -> None:
        if not events:
            return
        for fn in list(self._listeners):
            try:
                fn(events)
            except Exception:  # noqa: BLE001 - a broken listener must not stop the engine
                log.exception("event listener failed")
