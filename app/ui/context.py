"""What every screen of the desktop app shares: the database, the runtime, the step registry, and
a way to run work off the GUI thread.

Rules: a widget never touches the database, a connection or a step from the GUI thread. It calls
``ctx.background(fn, on_done, on_error)``; ``fn`` runs on a worker thread and the callbacks run
on the GUI thread. Engine events (``app.store.runs.Event``) arrive through ``ctx.events`` as
Qt signals queued to the GUI thread.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.steps import Registry
from app.store.actions import OperatorActions
from app.store.db import Database
from app.store.runs import Event, RunStore

log = logging.getLogger("daloy.ui")


class EngineEvents(QObject):
    """Store events re-emitted on the GUI thread (the object lives there; emission from worker
    threads is queued by Qt)."""

    changed = Signal(list)  # list[Event], batched per transaction
    inbox_changed = Signal()
    runs_changed = Signal()

    def __init__(self, store: RunStore) -> None:
        super().__init__()
        self._store = store
        store.subscribe(self._from_engine)

    def _from_engine(self, events: list[Event]) -> None:  # any thread
        self.changed.emit(events)
        if any(e.kind.startswith("inbox") for e in events):
            self.inbox_changed.emit()
        if any(e.kind in ("run_started", "run_changed", "step_changed") for e in events):
            self.runs_changed.emit()

    def detach(self) -> None:
        self._store.unsubscribe(self._from_engine)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            log.debug("background task failed: %s", "".join(traceback.format_exception(exc)))
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


@dataclass
class AppContext:
    db: Database
    registry: Registry
    store: RunStore
    actions: OperatorActions
    data_dir: Path
    runtime: Any = None  # app.runtime.runtime.Runtime when running
    pool: QThreadPool = field(default_factory=QThreadPool)
    events: EngineEvents = field(init=False)  # made in __post_init__
    _relays: set = field(default_factory=set)

    def __post_init__(self) -> None:
        from app.ui.gc_guard import collect_on_gui_thread

        collect_on_gui_thread()  # background threads never free Qt objects (see gc_guard)
        self.pool.setMaxThreadCount(4)
        self.events = EngineEvents(self.store)

    def background(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn()`` on a worker thread; ``on_done(result)`` / ``on_error(exc)`` run on the
        GUI thread. The relay object is created here, on the GUI thread, so its signals are
        delivered there. With ``owner`` (the widget the callbacks update), they are dropped
        when that widget was deleted meanwhile (its pane was rebuilt by a newer event)."""
        relay = _Relay()
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()

        def alive() -> bool:
            return owner is None or shiboken6.isValid(owner)

        def done(result: Any) -> None:
            if on_done and alive():
                on_done(result)
            finish()

        def failed(exc: BaseException) -> None:
            if on_error and alive():
                on_error(exc)
            else:
                log.error("background task failed: %s", exc)
            finish()

        relay.done.connect(done)
        relay.failed.connect(failed)
        self.pool.start(_Job(fn, relay))

    def wait_for_background(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)
