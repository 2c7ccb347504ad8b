"""New SQLite databases of the test process start as a copy of one the migrations built.

Every test's data folder gets a new database, and bringing one to the head revision ran all the
Alembic migrations again: about 0.2 s of CPU each time, and Alembic loaded every migration
script anew as a module of its own, whose objects stayed behind; by the end of a worker's run
the GUI tests' teardown collections walked millions of them, seconds each. So the first new
database of the process is migrated for real, its pages are kept in memory, and each later new
(empty) database is given those pages through SQLite's backup API: the same file the
migrations write, in a fraction of the time. The PostgreSQL tests do the same with a template
database (``tests.support.postgres.pg_migrated_template``).

An older database (any table already there), another target revision, a database server and
every process a test starts (a runner, the CLI) still migrate for real: the migrations' own
tests are unchanged.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from app.store import migrate

if TYPE_CHECKING:
    from app.store.db import Database

real_upgrade = migrate.upgrade
_lock = threading.Lock()
_pages: sqlite3.Connection | None = None  # an in-memory copy of a freshly migrated database


def _is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


@contextmanager
def _connection(db: Database) -> Iterator[sqlite3.Connection]:
    """One of the database's own SQLite connections, handed back after."""
    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        yield conn
    finally:
        raw.close()


def upgrade(db: Database, target: str = "head") -> None:
    global _pages
    if target != "head" or not db.is_sqlite:
        real_upgrade(db, target)
        return
    with _lock:
        with _connection(db) as conn:
            empty = _is_empty(conn)
            if empty and _pages is not None:
                _pages.backup(conn)
                return
        real_upgrade(db, target)
        if empty:  # the process's first new database: its pages kept for the next ones
            _pages = sqlite3.connect(":memory:", check_same_thread=False)
            with _connection(db) as conn:
                conn.backup(_pages)


def install() -> None:
    """From now on, new SQLite databases of this process start from the migrated copy."""
    migrate.upgrade = upgrade  # type: ignore[assignment]
