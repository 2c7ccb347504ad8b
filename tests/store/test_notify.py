"""Engine events across processes on PostgreSQL (LISTEN/NOTIFY), on the test server: what one
process commits reaches the listeners of the others, never echoes back, survives a server
restart, and a desktop window's inbox on the shared database follows an action taken on
another PC."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from app.core.kinds import EventKind
from app.core.stepspec import SpecRegistry
from app.store import inbox
from app.store.actions import OperatorActions
from app.store.db import Database
from app.store.notify import PAYLOAD_LIMIT, Notifications, decode, encode
from app.store.runs import Event, RunStore
from tests.support.engine import wait_for


class Process:
    """One Daloy process on the shared database: its store, its notification channel and what
    its store's listeners heard."""

    def __init__(self, url: str, *, listen: bool = True) -> None:
        self.db = Database(url)
        self.store = RunStore(self.db, SpecRegistry())
        self.heard: list[Event] = []
        self._lock = threading.Lock()
        self.store.subscribe(self._hear)
        self.notifications = Notifications(self.store, listen=listen)
        self.notifications.start()

    def _hear(self, events: list[Event]) -> None:
        with self._lock:
            self.heard += events

    def kinds(self) -> list[str]:
        with self._lock:
            return [e.kind for e in self.heard]

    def forget(self) -> None:
        with self._lock:
            self.heard.clear()

    def close(self) -> None:
        self.notifications.stop()
        self.db.close()


@pytest.fixture
def processes(pg_url: str) -> Iterator[list[Process]]:
    made: list[Process] = []
    yield made
    for p in made:
        p.close()


def listening(*ps: Process) -> None:
    for p in ps:
        assert p.notifications.listening.wait(20)
        # the resync told on connecting is not part of what a test sends
        wait_for(lambda p=p: EventKind.HOLDS_CHANGED in p.kinds(), 10)
        p.forget()


def test_an_event_committed_in_one_process_reaches_the_others_once(pg_url, processes):
    a, b, c = (Process(pg_url) for _ in range(3))
    processes += [a, b, c]
    listening(a, b, c)
    ready = Event(EventKind.STEP_CHANGED, "run-1", "charge", status="ready")
    a.store.emit([ready, Event(EventKind.INBOX_OPENED, inbox_id=7)])
    for p in (b, c):
        wait_for(lambda p=p: len(p.heard) == 2, 10)
        assert p.heard == [ready, Event(EventKind.INBOX_OPENED, inbox_id=7)]
    time.sleep(0.5)  # give an echo the time to come back: none may
    assert a.kinds() == [EventKind.STEP_CHANGED, EventKind.INBOX_OPENED]  # its own, once
    assert len(b.heard) == len(c.heard) == 2  # heard once, never passed on again


def test_a_command_line_verb_sends_without_listening(pg_url, processes):
    runner = Process(pg_url)
    verb = Process(pg_url, listen=False)
    processes += [runner, verb]
    listening(runner)
    verb.store.emit([Event(EventKind.RUN_STARTED, "run-2")])
    verb.notifications.stop()  # a verb's process ends: what it queued still goes out
    wait_for(lambda: runner.heard == [Event(EventKind.RUN_STARTED, "run-2")], 10)
    assert not verb.notifications.listening.is_set()


def test_large_batches_are_split_and_unreadable_payloads_mean_refresh():
    events = [Event(EventKind.RUN_STARTED, f"run-{i:05}") for i in range(2000)]
    payloads = encode(events)
    assert len(payloads) > 1
    assert all(len(p.encode()) <= PAYLOAD_LIMIT for p in payloads)
    assert [e for p in payloads for e in decode(p)] == events
    assert {e.kind for e in decode("not json")} >= {EventKind.STEP_CHANGED, EventKind.INBOX_CHANGED}


def test_listening_resumes_after_the_server_restarts(pg_url, postgres_server, processes):
    a, b = Process(pg_url), Process(pg_url)
    processes += [a, b]
    listening(a, b)
    postgres_server.stop()
    wait_for(lambda: not b.notifications.listening.is_set(), 20)
    postgres_server.start()
    # back on: the listener says "look again" (what was missed meanwhile), then hears anew
    wait_for(lambda: b.notifications.listening.is_set(), 60, interval=0.1)
    wait_for(lambda: EventKind.HOLDS_CHANGED in b.kinds(), 10)
    listening(a)
    b.forget()
    a.store.emit([Event(EventKind.RUN_CHANGED, "run-3")])
    wait_for(lambda: Event(EventKind.RUN_CHANGED, "run-3") in b.heard, 20)


def test_an_operator_action_on_another_pc_reaches_this_one(pg_url, processes):
    here, there = Process(pg_url), Process(pg_url)
    processes += [here, there]
    listening(here, there)
    with there.db.write() as s:
        item, _ = inbox.open_alert(s, "system", "test:1", "A test alert", "Nothing is wrong.")
        item_id = item.id
    OperatorActions(there.store).dismiss(item_id, who="pc-2")
    wait_for(lambda: EventKind.INBOX_RESOLVED in here.kinds(), 10)
    (resolved,) = [e for e in here.heard if e.kind == EventKind.INBOX_RESOLVED]
    assert resolved.inbox_id == item_id
