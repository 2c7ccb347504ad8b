"""Wake-ups across processes (a runtime extension): on PostgreSQL the runtime hears the other
processes' engine events (``app.store.notify``) and is woken by them — a step another runner
made ready, a run the CLI started, an operator's Retry on another PC — so its poll of the
database becomes a slow safety net while the notification channel is up. On SQLite nothing
changes: the runtime polls as before."""

from __future__ import annotations

import logging
from typing import Any

from apscheduler.jobstores.base import JobLookupError

from app.store.notify import Notifications

log = logging.getLogger("daloy.runtime")
# How often a runtime still looks for ready work itself while notifications arrive: only for a
# notification lost with its connection (the listener re-checks after reconnecting anyway).
SAFETY_POLL = 15.0


class Wakeups:
    def __init__(self, safety_poll: float = SAFETY_POLL) -> None:
        self.safety_poll = safety_poll
        self.runtime: Any = None
        self.notifications: Notifications | None = None

    def start(self, runtime: Any) -> None:
        if runtime.db.is_sqlite:
            return
        self.runtime = runtime
        self.notifications = Notifications(runtime.store, listen=True)
        self.notifications.on_listening(self._listening)
        self.notifications.start()

    def _listening(self, on: bool) -> None:
        rt = self.runtime
        seconds = max(self.safety_poll, rt.poll_interval) if on else rt.poll_interval
        try:
            rt.scheduler.reschedule_job("poll", trigger="interval", seconds=seconds)
        except JobLookupError:  # the runtime is stopping
            return
        log.info(
            "looking for ready work every %.1f s (notifications %s)", seconds, "on" if on else "off"
        )

    def stop(self) -> None:
        if self.notifications is not None:
            self.notifications.stop()
            self.notifications = None
