"""Opening the database: SQLite in WAL mode with ``synchronous=FULL``; writers take the lock up
front (``BEGIN IMMEDIATE``) so "database is locked" cannot surprise a commit; ``quick_check`` on
open refuses a corrupt file; Alembic migrations bring an older file up to date.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import DaloyError
from app.store import datafolder, dburl
from app.store.datafolder import BUSY_TIMEOUT_MS, DB_FILENAME
from app.store.group_commit import GroupCommit

__all__ = ["BUSY_TIMEOUT_MS", "DB_FILENAME", "Database", "DatabaseCorrupt"]
log = logging.getLogger(__name__)


# PostgreSQL advisory lock key of ``Database.write`` (any constant; "DALOYWRT" in ASCII).
WRITE_TURN = 0x44414C4F59575254


class _WriteTracking:
    """A server connection's cursor that notes whether a statement changed rows, so ``commits``
    counts durable writes there as ``total_changes`` does on SQLite."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor
        self.wrote = False

    def execute(self, sql: str, params: Any = None) -> _WriteTracking:
        self._cursor.execute(sql, params)
        if not self.wrote and self._cursor.rowcount > 0:
            self.wrote = not sql.lstrip()[:6].upper().startswith("SELECT")
        return self

    def executemany(self, sql: str, rows: Any) -> _WriteTracking:
        self._cursor.executemany(sql, rows)
        self.wrote = self.wrote or bool(rows)
        return self

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


class DatabaseCorrupt(DaloyError):
    pass


def _set_pragmas(conn: sqlite3.Connection) -> None:
    cur = conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's "begin" below decide how transactions start.
        dbapi_conn.isolation_level = None
        _set_pragmas(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get("daloy_readonly"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """One database file (or URL). ``write()`` is a transaction that holds the write lock from its
    first statement; ``read()`` is a snapshot read that never blocks writers."""

    def __init__(self, url: str, *, check: bool = True, migrate: bool = True) -> None:
        self.is_sqlite = url.startswith("sqlite")
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            self.url = url
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
            # NaN and Infinity refused as PostgreSQL's JSON refuses them (a value written here
            # must move to a server and read the same): a step with one fails in words
            kwargs["json_serializer"] = partial(json.dumps, allow_nan=False)
            self.engine = create_engine(url, **kwargs)
            _configure_sqlite(self.engine)
        else:  # a database server (PostgreSQL): see ``dburl``
            from app.store.models import partial_indexes_for_postgresql

            partial_indexes_for_postgresql()  # PostgreSQL's dialect loads with this engine
            server = dburl.parse(url)
            self.url = dburl.shown(server)  # never the password: it is only in the engine
            self.engine = create_engine(server, **dburl.engine_options(server))
            dburl.retry_connects(self.engine)
            dburl.replace_nul(self.engine)
        self._write = sessionmaker(self.engine, expire_on_commit=False)
        # The hot path's transactions on SQLite, sharing commits (``group_commit``); its turn
        # is the in-process write lock every writer takes.
        self._hot = GroupCommit(self._raw_connection, self._counted)
        self._write_lock = self._hot.turn
        self._raw: sqlite3.Connection | None = None
        self._server: Any = None  # the hot path's own server connection (PostgreSQL)
        self.commits = 0  # committed write transactions that changed something
        self._read = sessionmaker(
            self.engine.execution_options(daloy_readonly=True), expire_on_commit=False
        )
        try:
            if check:
                self.check_integrity(quick=True)
            if migrate:
                from app.store.migrate import upgrade

                upgrade(self)
        except (OperationalError, InterfaceError) as exc:
            if self.is_sqlite or not dburl.is_connection_error(exc):
                raise
            self.engine.dispose()
            raise dburl.DatabaseUnreachable(
                dburl.unreachable_sentence(self.engine.url, exc)
            ) from None  # the driver's text may hold the address with its password

    @classmethod
    def open_dir(
        cls, data_dir: str | os.PathLike[str], *, checked_new: bool = False, **kwargs: bool
    ) -> Database:
        """The database of a data folder. A used folder that lost its database is refused (see
        ``datafolder``); ``checked_new`` says the caller found the folder new before it wrote
        anything there (the CLI checks before logging starts)."""
        path = Path(data_dir)
        if not checked_new:
            datafolder.prepare(path)
        try:
            db = cls(f"sqlite:///{path / DB_FILENAME}", **kwargs)
        except DatabaseCorrupt as exc:
            # A full disk or a read-only folder is not damage: say what it is.
            cause = exc.__cause__
            sentence = (
                datafolder.sqlite_error_sentence(str(getattr(cause, "orig", "")), path)
                if isinstance(cause, DatabaseError)
                else None
            )
            if sentence is None:
                raise
            raise datafolder.DataFolderError(sentence) from exc
        datafolder.mark(path)
        from app.store.workspace import open_workspace

        open_workspace(db)  # this folder's secrets (keyring names), moved from older names once
        return db

    @classmethod
    def open_url(cls, url: str, **kwargs: bool) -> Database:
        """The database at ``url`` (``--database-url``: a PostgreSQL server shared by several
        computers) instead of the data folder's file; the data folder keeps logs and files."""
        db = cls(url, **kwargs)
        from app.store.workspace import open_workspace

        open_workspace(db)  # the workspace id lives in the database: every PC shares it
        return db

    @property
    def path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        return Path(self.engine.url.database or "")

    def check_integrity(self, quick: bool = True) -> None:
        if not self.is_sqlite:
            return
        pragma = "quick_check" if quick else "integrity_check"
        try:
            with self.engine.connect() as conn:
                rows = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}")]
        except (DatabaseError, OperationalError) as exc:
            raise DatabaseCorrupt(
                f"Daloy cannot open its database {self.path}: {exc.orig}. The file was left "
                "untouched. Restore it from a backup, or move it away to start with an empty "
                "database."
            ) from exc
        if rows != ["ok"]:
            raise DatabaseCorrupt(
                f"Daloy's database {self.path} is damaged ({'; '.join(rows[:3])}). The file was "
                "left untouched. Restore it from a backup, or move it away to start with an "
                "empty database."
            )

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One committed transaction (BEGIN IMMEDIATE), rolled back on any error.

        Writers of this process queue on a Python lock first: SQLite's own busy handler sleeps
        in growing steps while it waits for the write lock, which would idle every worker
        thread; the lock hands over at once. Other processes still meet the busy timeout.

        On PostgreSQL these writers (operator actions, intake, workflows; not the hot path,
        whose claims lock only their rows) take turns across every process too, through one
        transaction-scoped advisory lock: a read-then-write here sees what the others
        committed, as under SQLite's write lock, instead of READ COMMITTED's lost updates."""
        with self._write_lock:
            with self._write() as session, session.begin():
                if not self.is_sqlite:
                    session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_TURN})
                dbapi = (
                    session.connection().connection.driver_connection if self.is_sqlite else None
                )
                changes = dbapi.total_changes if dbapi is not None else 0
                yield session
                session.flush()
                if dbapi is not None:
                    changed = dbapi.total_changes != changes
                else:  # a server transaction has an id only once it wrote (not for its lock)
                    written = text("SELECT pg_current_xact_id_if_assigned() IS NOT NULL")
                    changed = bool(session.execute(written).scalar())
            if changed:  # ``commits`` counts durable writes
                self.commits += 1

    @contextlib.contextmanager
    def write_raw(self) -> Iterator[Any]:
        """The engine's hot path (claiming a step, recording its success): a BEGIN IMMEDIATE
        transaction like ``write()``, on a DB-API connection of its own, for the compiled
        statements of ``app.store.statements``. Writers of this process take turns (the write
        lock), so one connection serves them all; through the ORM the same statements cost
        several times the commit itself. On PostgreSQL the same, on a psycopg connection of its
        own (READ COMMITTED; claims lock their rows with SKIP LOCKED, so other processes'
        runners take other steps), without ``write()``'s cross-process turn."""
        if not self.is_sqlite:
            with self._write_lock, self._server_transaction() as cur:
                yield cur
            return
        with self._hot.transaction() as cur:
            yield cur

    @property
    def writers_waiting(self) -> int:
        """Threads of this process waiting for the write lock now; a group's members waiting
        for its commit are among them within ``group_commit.GROUP_LOOK`` (they look whether
        anyone took their transaction), so a pure batch never keeps them long."""
        return self._write_lock.waiting

    def _counted(self) -> None:
        self.commits += 1

    @contextlib.contextmanager
    def _server_transaction(self) -> Iterator[Any]:
        if self._server is None or self._server.driver_connection.closed:
            self._server = self.engine.raw_connection()  # new connections retried (dburl)
        conn = self._server.driver_connection
        cur = _WriteTracking(conn.cursor())
        try:
            yield cur
            conn.commit()
        except BaseException:
            try:
                conn.rollback()
            except Exception:  # noqa: BLE001 - the connection itself is gone: a new one next time
                self._drop_server_connection()
            raise
        finally:
            cur.close()
        if cur.wrote:  # a claim that found nothing wrote nothing
            self.commits += 1

    def _drop_server_connection(self) -> None:
        if self._server is not None:
            with contextlib.suppress(Exception):
                self._server.invalidate()
            self._server = None

    def _raw_connection(self) -> sqlite3.Connection:
        if self._raw is None:
            if not self.is_sqlite or not self.path or str(self.path) in ("", ":memory:"):
                raise DaloyError("The engine's hot path needs an SQLite database file.")
            conn = sqlite3.connect(
                self.path,
                isolation_level=None,
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            _set_pragmas(conn)
            self._raw = conn
        return self._raw

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    def execute_sql(self, sql: str) -> list[tuple[Any, ...]]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the database file and empty it, so the file alone
        holds everything (a backup or copy of just ``daloy.sqlite3`` is complete). False when
        another process still reads and part of the log stayed behind."""
        if not self.is_sqlite or str(self.path) in ("", ":memory:"):
            return True
        with self._write_lock:  # outside any transaction: the raw connection autocommits
            busy, log_pages, done = (
                self._raw_connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            )
        if busy or (log_pages > 0 and done < log_pages):
            log.warning(
                "checkpoint of %s incomplete (%s of %s pages); a reader held it",
                self.path,
                done,
                log_pages,
            )
            return False
        return True

    def close(self) -> None:
        """Checkpoint, then close every connection (safe to call twice)."""
        with self._write_lock:
            try:
                self.checkpoint()
            except sqlite3.Error as exc:
                log.warning("checkpoint of %s failed on close: %s", self.path, exc)
            if self._raw is not None:
                self._raw.close()
                self._raw = None
            if self._server is not None:
                with contextlib.suppress(Exception):
                    self._server.close()
                self._server = None
        self.engine.dispose()
        forget_compiled(self.engine.dialect)


def forget_compiled(dialect: Any) -> None:
    """What SQLAlchemy's mappers compiled for a closed database, dropped. Each mapper keeps the
    INSERT and UPDATE statements it compiles in a cache of its own (up to 100 entries), keyed by
    the engine's dialect, which outlives the engine: every database the process opened and
    closed (a restored backup, a copy checked, each test's data folder) stayed in memory with
    all it had compiled, and every full collection of Python's collector walked it again."""
    from app.store.models import Base

    for mapper in Base.registry.mappers:
        cache = mapper.__dict__.get("_compiled_cache")  # made on the mapper's first write
        if cache is None:
            continue
        for key in [k for k in list(cache) if isinstance(k, tuple) and k and k[0] is dialect]:
            cache.pop(key, None)
