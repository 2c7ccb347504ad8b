"""A runner waiting for work on PostgreSQL is woken by another process's change (NOTIFY), not by
its poll: its poll is set far beyond the test's bound, so a run started elsewhere that finishes
at all was started by the notification. On SQLite the runtime keeps polling."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.runtime.runtime import Runtime
from app.runtime.wakeups import Wakeups
from app.store.db import Database
from app.store.notify import Notifications
from app.store.runs import RunStore
from tests.support.engine import run_status, save, wait_for

CHAIN = {
    "name": "chain",
    "steps": [
        {"name": f"s{i}", "type": "transform", "config": {"values": {"i": i}}} for i in range(3)
    ],
    "edges": [{"from": f"s{i}", "to": f"s{i + 1}"} for i in range(2)],
}
NEVER = 3600.0  # the runtime's own poll: never within the test


@pytest.fixture
def waiting_runner(pg_url: str, data_dir) -> Iterator[Runtime]:
    db = Database.open_url(pg_url)
    save(db, CHAIN)
    rt = Runtime(db, data_dir=data_dir, poll_interval=NEVER)
    wakeups = Wakeups(safety_poll=NEVER)
    rt.add_extension(wakeups)
    rt.start()
    assert wakeups.notifications is not None
    assert wakeups.notifications.listening.wait(20)
    yield rt
    rt.shutdown(grace=2)
    db.close()


def test_a_run_started_by_another_process_wakes_the_waiting_runner(pg_url, waiting_runner):
    other = Database.open_url(pg_url)
    store = RunStore(other, waiting_runner.registry.specs)
    sender = Notifications(store, listen=False)  # as a command-line verb on another PC
    sender.start()
    try:
        ids = [store.start_run("chain", {"n": i}) for i in range(5)]
        wait_for(lambda: all(run_status(other, i) == "succeeded" for i in ids), 60)
    finally:
        sender.stop()
        other.close()
    attempts = waiting_runner.db.execute_sql("select count(*) from attempts")
    assert attempts == [(15,)]  # each step once, by the woken runner


def test_on_sqlite_the_runtime_keeps_polling(data_dir):
    db = Database.open_dir(data_dir)
    rt = Runtime(db, data_dir=data_dir, poll_interval=0.2)
    wakeups = Wakeups()
    wakeups.start(rt)
    assert wakeups.notifications is None  # no channel on SQLite: nothing started
    db.close()
