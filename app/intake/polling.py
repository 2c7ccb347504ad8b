"""What every polled intake channel shares (the generic marketplace poller and each shop
platform): a repeating check on the intake executor, paused with intake, backing off after a
failure (1, 2, 4 … at most 300 s) and recording each failure for intake health — never raising
into the scheduler. A channel supplies ``poll()`` and the errors it expects."""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime
from typing import Any

from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.store import intake as repo
from app.store.runs import RunStore

log = logging.getLogger("daloy.intake")
MAX_BACKOFF = 300.0


class PolledChannel:
    kind = "polled"
    default_poll_seconds = 60.0
    # What a failed check may raise besides DaloyError and ValueError (a subclass adds its own).
    expected_errors: tuple[type[BaseException], ...] = ()

    def __init__(
        self, store: RunStore, channel: str, config: dict[str, Any], paused: threading.Event
    ) -> None:
        self.store, self.channel, self.config, self.paused = store, channel, config, paused
        self.stopped = threading.Event()
        self.failures = 0
        self.not_before = 0.0

    def schedule(self, scheduler: Any) -> None:
        seconds = float(self.config.get("poll_seconds", self.default_poll_seconds))
        scheduler.add_job(
            self.poll_once,
            "interval",
            seconds=seconds,
            id=f"intake:{self.channel}",
            executor="intake",
            replace_existing=True,
            next_run_time=datetime.now(UTC),
        )

    def poll_once(self) -> int:
        """One check; errors are recorded for intake health and back off, never raised."""
        if self.paused.is_set() or self.stopped.is_set() or time.time() < self.not_before:
            return 0
        caught: tuple[type[BaseException], ...] = (*self.expected_errors, DaloyError, ValueError)
        try:
            n = self.poll()
        except caught as exc:
            self.failures += 1
            self.not_before = time.time() + min(MAX_BACKOFF, 2**self.failures)
            repo.record_error(self.store.db, self.channel, self.kind, self.in_words(exc))
            log.warning("%s: %s", self.channel, exc)  # the technical text: the log's
            return 0
        self.failures = 0
        return n

    def in_words(self, exc: BaseException) -> str:
        """A failed check as intake health and the "channel down" alert say it: a DaloyError's
        own sentence; the network's or a parser's text ("[Errno 111] Connection refused")
        said in words."""
        if isinstance(exc, DaloyError):
            return str(exc)
        if isinstance(exc, self.expected_errors):
            template = QT_TRANSLATE_NOOP(
                "Intake",
                "{channel} could not reach its server, or the server stopped answering. Daloy "
                "keeps trying; check that this computer is online.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Intake",
                "{channel} got an answer Daloy could not read. Daloy keeps trying; the log "
                "has the details.",
            )
        return said(template, channel=self.channel)

    def poll(self) -> int:
        raise NotImplementedError

    def stop(self) -> None:
        self.stopped.set()
