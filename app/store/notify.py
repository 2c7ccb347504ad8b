"""Engine events across processes on PostgreSQL (LISTEN/NOTIFY): what one process committed (a
step made ready, a run started, an operator's action) reaches the store listeners of every other
process on the database — a runner waiting for work wakes at once, a desktop app on another PC
refreshes its inbox — instead of each of them polling the database.

Each process sends its events after they committed (``RunStore.emit``) as one ``NOTIFY`` per
batch, from a thread of its own, so a commit never waits for it; and hears the others' on a
connection of its own, re-emitting them to its own listeners. A lost notification costs only
time: the runtime's slower poll (and the claim itself) stays the safety net. SQLite has no
such channel: there the runtime polls as before.
"""

from __future__ import annotations

import atexit
import json
import logging
import queue
import threading
from collections.abc import Iterable
from typing import Any

from app.core.kinds import EventKind
from app.store.runs import Event, RunStore

log = logging.getLogger("daloy.notify")
CHANNEL = "daloy_events"
PAYLOAD_LIMIT = 7900  # PostgreSQL refuses a payload of 8000 bytes or more
# Told to listeners after (re)connecting, when notifications may have been missed meanwhile:
# look for ready work, refresh what is shown.
RESYNC = (
    Event(EventKind.STEP_CHANGED, status="ready"),
    Event(EventKind.RUN_CHANGED),
    Event(EventKind.INBOX_CHANGED),
    Event(EventKind.HOLDS_CHANGED),
)
_FIELDS = ("kind", "run_id", "step", "inbox_id", "status", "due")


def encode(events: Iterable[Event]) -> list[str]:
    """Payloads of at most ``PAYLOAD_LIMIT`` bytes carrying the events (repeats dropped)."""
    rows = list(
        dict.fromkeys(tuple(str(v) if k == "kind" else v for k, v in _items(e)) for e in events)
    )
    payloads: list[str] = []
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        text = json.dumps([*batch, row], separators=(",", ":"))
        if len(text.encode()) > PAYLOAD_LIMIT and batch:
            payloads.append(json.dumps(batch, separators=(",", ":")))
            batch = []
        batch.append(row)
    if batch:
        payloads.append(json.dumps(batch, separators=(",", ":")))
    return payloads


def _items(e: Event) -> list[tuple[str, Any]]:
    return [(k, getattr(e, k)) for k in _FIELDS]


def decode(payload: str) -> list[Event]:
    """The events of one payload; anything unreadable reads as "something changed"."""
    try:
        rows = json.loads(payload)
        return [Event(_kind(row[0]), *row[1:]) for row in rows]
    except (ValueError, TypeError, IndexError):
        log.warning("an engine notification could not be read; refreshing instead")
        return list(RESYNC)


def _kind(value: str) -> str:
    try:
        return EventKind(value)
    except ValueError:  # a kind this version does not know: passed on as it is
        return value


class Notifications:
    """Sends this process's engine events to the others and, with ``listen``, hands theirs to
    this store's listeners. ``start()`` / ``stop()``; ``listening`` is set while LISTEN is on."""

    def __init__(self, store: RunStore, *, listen: bool = True) -> None:
        self.store, self.db, self.listen = store, store.db, listen
        self.listening = threading.Event()
        self._outbox: queue.SimpleQueue[list[Event] | None] = queue.SimpleQueue()
        self._stopped = threading.Event()
        self._remote = threading.local()  # set on the thread that re-emits others' events
        self._sender_pid: int | None = None  # our own NOTIFYs come back to us: skipped
        self._threads: list[threading.Thread] = []
        self._on_listening: list[Any] = []

    def on_listening(self, fn: Any) -> None:
        """``fn(True)`` when LISTEN is on (again), ``fn(False)`` when its connection was lost."""
        self._on_listening.append(fn)

    def start(self) -> None:
        self.store.subscribe(self._publish)
        self._threads = [threading.Thread(target=self._send_loop, name="daloy-notify", daemon=True)]
        if self.listen:
            self._threads.append(
                threading.Thread(target=self._listen_loop, name="daloy-listen", daemon=True)
            )
        for t in self._threads:
            t.start()
        atexit.register(self.stop)  # a command-line verb's last events still go out

    def stop(self, timeout: float = 5.0) -> None:
        if self._stopped.is_set():
            return
        self.store.unsubscribe(self._publish)
        self._stopped.set()
        self._outbox.put(None)  # the sender sends what is queued, then ends
        for t in self._threads:
            t.join(timeout)
        atexit.unregister(self.stop)

    # -- sending ---------------------------------------------------------------------------------
    def _publish(self, events: list[Event]) -> None:  # a store listener, any thread
        if not getattr(self._remote, "active", False):  # never echo the others' events
            self._outbox.put(events)

    def _send_loop(self) -> None:
        conn = None
        while True:
            first = self._outbox.get()
            batch = [] if first is None else list(first)
            done = first is None
            while True:  # everything queued meanwhile goes in the same NOTIFY
                try:
                    more = self._outbox.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    done = True
                else:
                    batch += more
            if batch:
                conn = self._send(conn, batch)
            if done:
                break
        if conn is not None:
            conn.close()

    def _send(self, conn: Any, batch: list[Event]) -> Any:
        for attempt in range(2):  # a dropped connection is replaced once
            try:
                if conn is None:
                    conn = self._connect()
                    self._sender_pid = conn.info.backend_pid
                for payload in encode(batch):
                    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))
                return conn
            except Exception as exc:  # noqa: BLE001 - the others poll; nothing is lost
                if conn is not None:
                    conn.close()
                conn = None
                if attempt:
                    log.warning("could not tell other Daloy processes of a change: %s", exc)
        return None

    # -- listening -------------------------------------------------------------------------------
    def _listen_loop(self) -> None:
        pause = 0.5
        while not self._stopped.is_set():
            conn = None
            try:
                conn = self._connect()
                conn.execute(f"LISTEN {CHANNEL}")
                self.listening.set()
                self._tell_listening(True)
                self._deliver(list(RESYNC))  # whatever happened before LISTEN was on
                pause = 0.5
                while not self._stopped.is_set():
                    for note in conn.notifies(timeout=0.5):
                        if note.pid != self._sender_pid:
                            self._deliver(decode(note.payload))
            except Exception as exc:  # noqa: BLE001 - keep listening; the poll covers the gap
                if self._stopped.is_set():
                    break
                log.warning("lost the database's change notifications (%s); reconnecting", exc)
            finally:
                if self.listening.is_set():
                    self.listening.clear()
                    self._tell_listening(False)
                if conn is not None:
                    conn.close()
            self._stopped.wait(pause)
            pause = min(pause * 2, 10.0)

    def _deliver(self, events: list[Event]) -> None:
        self._remote.active = True
        try:
            self.store.emit(events)
        finally:
            self._remote.active = False

    def _tell_listening(self, on: bool) -> None:
        for fn in self._on_listening:
            try:
                fn(on)
            except Exception:  # noqa: BLE001
                log.exception("a listener of the notification channel failed")

    def _connect(self) -> Any:
        """A psycopg connection of its own, in autocommit (LISTEN and NOTIFY act at once),
        made like the engine's (its URL, password and retries) but kept out of its pool."""
        raw = self.db.engine.raw_connection()
        conn = raw.driver_connection
        assert conn is not None  # a connection just made has its driver's
        raw.detach()  # closed by us, never handed back to the pool
        conn.rollback()
        conn.autocommit = True
        return conn
