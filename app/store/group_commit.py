"""Group commit of the engine's hot path on SQLite: transactions of several threads that wait
for the write lock share one commit (one fsync), each still atomic on its own and none acted on
before that commit is durable. ``Database.write_raw`` runs its bodies here; ``WriteTurn`` is the
in-process write lock every writer of a ``Database`` takes.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

log = logging.getLogger(__name__)

# Group commit of the hot path (SQLite): a transaction waits for others to join it, sharing one
# commit (one fsync), at most this many of them and this long after the first body ended
# (seconds: what the first member may wait beyond its own commit).
GROUP_MEMBERS = 16
GROUP_SECONDS = 0.01
# A member whose transaction was passed on looks this often (seconds) whether anyone took it;
# if not, it commits the group itself (so nothing ever waits for a writer that never comes).
GROUP_LOOK = 0.002


class Group:
    """Hot-path transactions of several threads sharing one commit (``GroupCommit.transaction``):
    each body ran in its turn, a joined one in a savepoint of its own; the member (or the next
    writer of any kind) that finds nobody else waiting commits for all."""

    __slots__ = ("changes", "members", "since", "done", "error")

    def __init__(self, changes: int) -> None:
        self.changes = changes  # the connection's total_changes before the first body
        self.members = 0
        self.since: float | None = None
        self.done = threading.Event()
        self.error: BaseException | None = None


class WriteTurn:
    """The in-process write lock (re-entrant), counting the threads waiting for it. Taking it
    commits an open group first (``settle``), so any writer finds the database as usual; only a
    hot-path writer joining the group takes it without (``acquire(settle=False)``)."""

    def __init__(self, settle: Callable[[], None]) -> None:
        self._lock = threading.RLock()
        self._settle = settle
        self._counting = threading.Lock()
        self.waiting = 0

    def acquire(self, settle: bool = True) -> None:
        if not self._lock.acquire(blocking=False):
            with self._counting:
                self.waiting += 1
            try:
                self._lock.acquire()
            finally:
                with self._counting:
                    self.waiting -= 1
        if settle:
            try:
                self._settle()
            except BaseException:
                self._lock.release()
                raise

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> WriteTurn:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class GroupCommit:
    """The hot path's transactions on one SQLite connection (``connection``), committed in
    groups; ``counted`` is called once for each commit that changed something."""

    def __init__(
        self, connection: Callable[[], sqlite3.Connection], counted: Callable[[], None]
    ) -> None:
        self.turn = WriteTurn(self.settle)
        self._connection = connection
        self._counted = counted
        self._group: Group | None = None  # a transaction passed on, open

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """One body's transaction (BEGIN IMMEDIATE, or a savepoint of the open group)."""
        # Group commit: when another writer waits for the lock as this body ends, the
        # transaction is passed on open instead of committed; the next hot-path body joins it
        # (in a savepoint, so its failure undoes only its own statements) and the last member
        # commits for all. Every member returns only after that commit: nothing acts on a
        # claim or a result before it is durable, and a crash before it loses all of them, as
        # it would lose each alone. One fsync then serves several steps.
        passed: Group | None = None
        self.turn.acquire(settle=False)
        try:
            conn = self._connection()
            cur = conn.cursor()
            group, self._group = self._group, None
            joined = group is not None
            try:
                if group is None:
                    group = Group(conn.total_changes)
                    cur.execute("BEGIN IMMEDIATE")
                else:
                    cur.execute("SAVEPOINT joined")
                try:
                    yield cur
                    if joined:
                        cur.execute("RELEASE joined")
                except BaseException:
                    if not joined:
                        if conn.in_transaction:
                            conn.rollback()
                        raise
                    self._undo_joined(conn, cur, group)
                    if not group.done.is_set():  # the others' bodies are still to be committed
                        passed = self._commit_or_pass(conn, cur, group, raising=False)
                    raise
                group.members += 1
                passed = self._commit_or_pass(conn, cur, group)
            finally:
                cur.close()
        finally:
            self.turn.release()
        if passed is not None:
            self._await_group(passed)

    def _commit_or_pass(
        self, conn: sqlite3.Connection, cur: Any, group: Group, raising: bool = True
    ) -> Group | None:
        """Under the lock, a body done: leave the group open for a waiting writer (returned, to
        be waited for), or commit it."""
        now = time.monotonic()
        if group.since is None:
            group.since = now  # when the first member's commit would have begun
        if (
            self.turn.waiting
            and group.members < GROUP_MEMBERS
            and now - group.since < GROUP_SECONDS
        ):
            self._group = group
            return group
        try:
            self._commit_group(conn, cur, group)
        except BaseException:
            if raising:
                raise
        return None

    def _commit_group(self, conn: sqlite3.Connection, cur: Any, group: Group) -> None:
        try:
            cur.execute("COMMIT")
        except BaseException as exc:
            self._abandon(conn, group, exc)
            raise
        if conn.total_changes != group.changes:  # a claim that found nothing wrote nothing
            self._counted()
        group.done.set()

    def _undo_joined(self, conn: sqlite3.Connection, cur: Any, group: Group) -> None:
        """A joined body failed: undo its statements only; if even that fails, the whole group
        is rolled back and every member hears why."""
        try:
            cur.execute("ROLLBACK TO joined")
            cur.execute("RELEASE joined")
        except BaseException as exc:
            self._abandon(conn, group, exc)

    @staticmethod
    def _abandon(conn: sqlite3.Connection, group: Group, exc: BaseException) -> None:
        """The whole group rolled back: every member waiting for it raises ``exc``."""
        if conn.in_transaction:
            conn.rollback()
        group.error = exc
        group.done.set()

    def settle(self) -> None:
        """Under the lock, before any other use of the database: commit the group left open."""
        group, self._group = self._group, None
        if group is None:
            return
        conn = self._connection()
        cur = conn.cursor()
        try:
            self._commit_group(conn, cur, group)
        except sqlite3.Error as exc:  # its members raise it; this writer goes on
            log.warning("the engine's shared commit failed: %s", exc)
        finally:
            cur.close()

    def _await_group(self, group: Group) -> None:
        """Until the group this body passed on is committed (or failed: raised here too)."""
        while not group.done.wait(GROUP_LOOK):
            self.turn.acquire(settle=False)
            try:
                if self._group is group:  # nobody came: commit it ourselves
                    self.settle()
            finally:
                self.turn.release()
        if group.error is not None:
            raise group.error
