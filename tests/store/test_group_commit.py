"""The hot path's group commit on SQLite (``Database.write_raw``): transactions of threads that
waited for the write lock share one commit, each returns only once that commit is durable, a
member that fails undoes only its own statements, and any other writer commits an open group
before it begins."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app.store.db import Database

WAIT = 30.0  # bound of every wait below (a busy machine), never a timing assumption


def until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.001)


def committed(db: Database) -> set[str]:
    """The rows another connection sees: only what was committed."""
    conn = sqlite3.connect(db.path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM group_rows")}
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path):
    db = Database.open_dir(tmp_path / "data")
    with db.write_raw() as cur:
        cur.execute("CREATE TABLE group_rows (name TEXT PRIMARY KEY)")
    yield db
    db.close()


class Writers:
    """A first writer holds the lock until the others wait for it; each records whether its
    row was committed when its ``write_raw`` returned, and what it raised."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.release_first = threading.Event()
        self.holding = threading.Event()  # the first writer is in its body, the lock held
        self.seen_at_return: dict[str, bool] = {}
        self.raised: dict[str, BaseException] = {}
        self.threads: list[threading.Thread] = []

    def start(self, name: str, *, hold: bool = False, fail: bool = False) -> None:
        def body() -> None:
            try:
                with self.db.write_raw() as cur:
                    cur.execute("INSERT INTO group_rows VALUES (?)", (name,))
                    if hold:
                        self.holding.set()
                        self.release_first.wait(WAIT)
                    if fail:
                        raise ValueError(f"{name} failed")
            except BaseException as exc:  # noqa: BLE001 - recorded for the test
                self.raised[name] = exc
                return
            self.seen_at_return[name] = name in committed(self.db)

        t = threading.Thread(target=body, name=name)
        t.start()
        self.threads.append(t)

    def join(self) -> None:
        for t in self.threads:
            t.join(WAIT)
            assert not t.is_alive()


@pytest.mark.sqlite_only("the group commit is the SQLite file's")
def test_waiting_writers_share_one_commit_and_each_returns_once_it_is_durable(db):
    w = Writers(db)
    w.start("first", hold=True)
    assert w.holding.wait(WAIT)
    before = db.commits
    for name in ("second", "third", "fourth"):
        w.start(name)
    until(lambda: db.writers_waiting == 3)
    w.release_first.set()
    w.join()
    assert not w.raised
    assert w.seen_at_return == {n: True for n in ("first", "second", "third", "fourth")}
    assert committed(db) == {"first", "second", "third", "fourth"}
    assert db.commits - before < 4  # they shared commits (one, unless a waiter came late)


@pytest.mark.sqlite_only("the group commit is the SQLite file's")
def test_a_member_that_fails_undoes_only_its_own_statements(db):
    w = Writers(db)
    w.start("first", hold=True)
    assert w.holding.wait(WAIT)
    w.start("failing", fail=True)
    until(lambda: db.writers_waiting == 1)
    w.start("last")
    until(lambda: db.writers_waiting == 2)
    w.release_first.set()
    w.join()
    assert set(w.raised) == {"failing"} and isinstance(w.raised["failing"], ValueError)
    assert w.seen_at_return == {"first": True, "last": True}
    assert committed(db) == {"first", "last"}


@pytest.mark.sqlite_only("the group commit is the SQLite file's")
def test_another_writer_commits_an_open_group_before_it_begins(db):
    """An operator action (the ORM's ``write()``) waiting behind a hot-path transaction: the
    transaction is passed on open, and the action commits it before its own BEGIN."""
    w = Writers(db)
    w.start("hot", hold=True)
    assert w.holding.wait(WAIT)
    done = threading.Event()

    def action() -> None:
        with db.write() as s:
            s.connection().exec_driver_sql("INSERT INTO group_rows VALUES ('action')")
        done.set()

    t = threading.Thread(target=action)
    t.start()
    until(lambda: db.writers_waiting == 1)
    w.release_first.set()
    w.join()
    t.join(WAIT)
    assert done.is_set() and not w.raised
    assert w.seen_at_return == {"hot": True}
    assert committed(db) == {"hot", "action"}


@pytest.mark.sqlite_only("the group commit is the SQLite file's")
def test_a_group_nobody_joins_is_committed_by_its_member(db, monkeypatch):
    """A member passed its transaction on to a waiter that then never took the lock for the
    hot path (here: the waiter is forced away): the member commits it itself."""
    w = Writers(db)
    w.start("alone", hold=True)
    assert w.holding.wait(WAIT)
    # A waiter that looks like one to the member, and never comes.
    monkeypatch.setattr(db._write_lock, "waiting", 1)
    w.release_first.set()
    until(lambda: db._hot._group is not None or "alone" in w.seen_at_return)
    monkeypatch.setattr(db._write_lock, "waiting", 0)
    w.join()
    assert w.seen_at_return == {"alone": True}
