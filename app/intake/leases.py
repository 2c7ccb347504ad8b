"""One poller per intake channel across runners: a runtime's leases on its polled channels
(``app.store.channel_leases``), renewed on a timer, and the gate each channel asks before a pass.

A channel is handed a ``ChannelGate`` where it used to be handed the intake's pause switch: it
reads as "paused" while intake is paused *or* another runner holds the channel, so the channels
themselves need not know about leases (an IMAP channel disconnects while it stands by, a poller
skips its check, a schedule leaves its cursor to the holder). The holder stops polling a little
before its lease runs out when it cannot renew it (the database is away), so two runners never
knowingly poll one channel; the intake ledger's UNIQUE dedupe keys still make a late overlap
harmless.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable

from sqlalchemy.exc import SQLAlchemyError

from app.core.errors import DaloyError
from app.store import channel_leases
from app.store.db import Database

log = logging.getLogger("daloy.intake")
# The holder trusts its lease for this share of its length (renewals come every third of it).
TRUST = 0.8


class ChannelLeases:
    def __init__(self, db: Database, holder: str, seconds: float = 15.0) -> None:
        self.db, self.holder, self.seconds = db, holder, seconds
        self.channels: list[str] = []
        self._held: set[str] = set()
        self._valid_until = 0.0  # time.monotonic() after which the held set is not trusted
        self._lock = threading.Lock()

    def watch(self, channels: Iterable[str]) -> None:
        self.channels = sorted(set(channels))

    def renew(self) -> set[str]:
        """Take or renew the lease of every watched channel that is free; returns those held."""
        started = time.monotonic()
        try:
            held = channel_leases.hold(self.db, self.channels, self.holder, self.seconds)
        except (SQLAlchemyError, DaloyError) as exc:  # the held set runs out by itself
            log.warning("could not renew the intake channel leases: %s", exc)
            return self.held()
        with self._lock:
            before, self._held = self._held, held
            self._valid_until = started + self.seconds * TRUST
        for channel in sorted(held - before):
            log.info("%s: this runner polls it now (%s)", channel, self.holder)
        for channel in sorted(before - held):
            log.info("%s: another runner polls it now", channel)
        return held

    def held(self) -> set[str]:
        with self._lock:
            return set(self._held) if time.monotonic() < self._valid_until else set()

    def holds(self, channel: str) -> bool:
        with self._lock:
            return channel in self._held and time.monotonic() < self._valid_until

    def release(self) -> None:
        """A clean stop: give every lease back so another runner polls at once."""
        with self._lock:
            held, self._held = self._held, set()
        try:
            channel_leases.release(self.db, held, self.holder)
        except (SQLAlchemyError, DaloyError) as exc:  # they expire by themselves
            log.warning("could not give the intake channel leases back: %s", exc)

    def gate(self, channel: str, paused: threading.Event) -> ChannelGate:
        return ChannelGate(self, channel, paused)


class ChannelGate:
    """What a channel asks before each pass (``is_set()``: do not poll now), in the place of
    the intake's pause switch: paused, or polled by another runner."""

    def __init__(self, leases: ChannelLeases, channel: str, paused: threading.Event) -> None:
        self.leases, self.channel, self.paused = leases, channel, paused

    def is_set(self) -> bool:
        return self.paused.is_set() or not self.leases.holds(self.channel)
