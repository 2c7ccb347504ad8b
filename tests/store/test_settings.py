"""The settings table's one reader and writer (``app.store.settings``) on SQLite and PostgreSQL:
it works in the caller's transaction (a rolled-back write leaves nothing), and a read-then-write
in ``Database.write`` (the order numbers' counter) stays exact when several writers, and several
Database objects as several runners would, take numbers at once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.store import order_numbers, settings
from tests.store.conftest import OpenDb


def test_values_are_kept_replaced_and_removed_in_the_callers_transaction(
    open_db: OpenDb, tmp_path: Path
) -> None:
    db = open_db(tmp_path)
    try:
        with db.write() as s:
            settings.put(s, "a.one", {"since": 1.5, "who": ["x"]})
            settings.put(s, "a.two", True)
            settings.put(s, "b", 3)
            settings.put(s, "b", 4)  # replaced, not a second row
        with db.read() as s:
            assert settings.get(s, "a.one") == {"since": 1.5, "who": ["x"]}
            assert settings.get(s, "b") == 4 and settings.has(s, "b")
            assert settings.get(s, "missing", 7) == 7 and not settings.has(s, "missing")
            assert settings.matching(s, "a.%") == {
                "a.one": {"since": 1.5, "who": ["x"]},
                "a.two": True,
            }

        with pytest.raises(RuntimeError), db.write() as s:
            settings.put(s, "b", 5)
            settings.put(s, "c", "new")
            assert settings.delete(s, "a.two")
            raise RuntimeError("the caller's transaction fails")
        with db.read() as s:  # nothing of the failed transaction stayed
            assert (settings.get(s, "b"), settings.has(s, "c"), settings.has(s, "a.two")) == (
                4,
                False,
                True,
            )

        with db.write() as s:
            assert settings.delete(s, "a.two") and not settings.delete(s, "a.two")
        with db.read() as s:
            assert settings.matching(s, "a.%") == {"a.one": {"since": 1.5, "who": ["x"]}}
    finally:
        db.close()


def test_numbers_taken_at_once_by_several_writers_are_each_given_once(
    open_db: OpenDb, tmp_path: Path
) -> None:
    dbs = [open_db(tmp_path) for _ in range(2)]  # two Database objects: two runners' worth
    taken: list[int] = []
    lock = threading.Lock()

    def take(n: int) -> None:
        for _ in range(10):
            number = order_numbers.take(dbs[n % 2], "W-", 1001)
            with lock:
                taken.append(number)

    threads = [threading.Thread(target=take, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    try:
        assert not any(t.is_alive() for t in threads)
        assert sorted(taken) == list(range(1001, 1061))  # none twice, none lost
        assert order_numbers.take(dbs[0], "W-", 1001) == 1061
    finally:
        for db in dbs:
            db.close()
