"""Spreadsheets kept in memory, shared by every step of the process, and changes saved in
batches: one save for all the orders that changed a file while its previous save was being
written (group commit).

Reading. A file is read once and kept (one ``SheetFile`` per path, for look-ups and updates
alike). Before each use its modification time (ns), size, inode and change time are compared
with what was read; on a filesystem that keeps coarse times, while the file is younger than
``RACY_SECONDS`` (it could show the same time and size after an edit), its contents' hash is
compared too; before every save it is compared in any case. A file changed on disk (saved by
hand in Excel) is read again, and changes of this process not yet saved are made again on it
(each from its order's own change, e.g. "take 3 off"; not one whose order the file now
records, saved meanwhile by another runner sharing the file), so neither the hand edit nor an
order is lost, and a file is never overwritten with stale data.

Look-ups read the kept copy under its lock: an order's change is seen whole, and seen as soon
as it is made (before its save is on disk; a failed save forgets the copy, so such a look-up
saw at most stock that an order was about to take).

Saving, exactly once, and never lost. A step's change is made on the kept copy and queued;
the step then waits until a save that includes it is on disk (the file replaced and synced),
so a step is never recorded as succeeded before its change is durable. Whichever waiting step
finds no save in progress writes everything queued so far, each change with its record (xlsx:
a row of the hidden record sheet; csv: the ledger, see ``sheets``) in the same replace; the
others wait for it. If Daloy is killed before the replace, nothing of the batch is on disk and
no step of it succeeded: each is run again. If it is killed after, each step's repeat finds its
key recorded and returns its first result. A failed save (file locked, disk full) fails every
queued step with a retryable error and forgets the kept copy, so nothing half-known is kept.

Forgetting. A record is needed only while its order's step may run again. Each save asks the
database (``Finished``, from ``app.store.settled``) which recorded keys belong to steps
finished for good and writes the record without them, so the record, the kept copy and each
save stay the size of the orders in flight, not of every order ever made. The same answer
guards the forgetting: an order of the batch whose step is finished already (an attempt that
outlived its time limit or lease) is left out with an error, never applied, so a forgotten key
cannot be applied twice. Keys of runs the database does not know are kept.

Right before a replace the file's bytes are compared once more with what the batch was made on
(a hand edit in the last moment is read and the batch made again, not overwritten). xlsx
batches are written by ``xlsx_cells`` (only the changed cells' XML), keeping formulas.

Crash points: ``sheet_changed`` (a change made in memory, not saved), ``sheet_pruned`` (a save
about to forget records, nothing written yet), ``sheet_ledger_written`` and ``sheet_written``.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.connectors import sheets, xlsx_cells
from app.connectors.sheets import Book, Table
from app.connectors.xlsx_package import Package
from app.core.errors import PermanentError, RetryableError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.crashpoints import crashpoint

RACY_SECONDS = 3.0  # FAT keeps times to 2 s; a younger file's time cannot prove it unchanged
Change = Callable[[Table], dict[str, Any]]
# Which of these idempotency keys are of steps finished for good, and which are of runs the
# database does not know (``app.store.settled``)
Finished = Callable[[Collection[str]], tuple[set[str], set[str]]]


@dataclass
class _Disk:
    """The file's bytes as this process last read or wrote them."""

    signature: tuple[int, int, int, int]
    data: bytes
    read_at: float  # time.time() when the signature was taken
    package: Package | None = None  # the xlsx unzipped and deflated, when this process wrote it
    _digest: str | None = None

    @property
    def digest(self) -> str:
        """The bytes' hash, made when first asked (the csv ledger names it): the checks
        compare the bytes themselves, which costs a fraction of hashing them at every save."""
        if self._digest is None:
            self._digest = sheets.digest(self.data)
        return self._digest

    def racy(self) -> bool:
        """Could an edit since hide behind the same time and size? Only where the filesystem
        keeps coarse times (FAT, some network shares: no sub-millisecond part), and only while
        the file is young; elsewhere any write moves the time (and the change time, which no
        program can set back)."""
        mtime_ns = self.signature[0]
        return mtime_ns % 1_000_000 == 0 and self.read_at - mtime_ns / 1e9 < RACY_SECONDS


@dataclass
class _Queued:
    key: str
    sheet: str | None
    change: Change
    result: dict[str, Any] | None = None
    text: str = ""  # the result as JSON, as the record holds it
    cells: list[xlsx_cells.Cell] = field(default_factory=list)
    done: bool = False
    error: BaseException | None = None


class _ChangedOnDisk(Exception):
    """The file was edited since the batch was made: read it again, make the batch again."""


class _Stale(Exception):
    """Orders of the batch whose steps the database has finished already: an attempt that
    outlived its time limit or lease, whose record may have been forgotten. They are left out,
    the rest made again."""

    def __init__(self, keys: set[str]) -> None:
        super().__init__(", ".join(sorted(keys)))
        self.keys = keys


def _signature(path: Path) -> tuple[int, int, int, int]:
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise sheets.missing(path) from exc
    return (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns)


class SheetFile:
    """One spreadsheet file: its kept copy, its queued changes and their saves."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.csv = path.suffix.lower() == ".csv"
        self._cond = threading.Condition()
        self._disk: _Disk | None = None
        self._book: Book | None = None
        self._ledger: dict[str, dict[str, Any]] = {}  # csv only
        self._queue: list[_Queued] = []  # made in memory, waiting for a save
        self._saving: list[_Queued] | None = None  # the batch being written
        self._finished: Finished | None = None  # the database's answer, from the steps
        # recorded keys of runs the database does not know (another workspace's, archived):
        # kept, and not asked about at every save
        self._unknown: set[str] = set()
        self.reads = 0  # how often the file was read whole (tests, benchmarks)
        self.saves = 0  # how many replaces this process made (tests, benchmarks)
        self.forgotten = 0  # records of finished steps left out of saves (tests, benchmarks)

    @property
    def waiting(self) -> int:
        """Changes made in memory that wait for the next save."""
        with self._cond:
            return len(self._queue)

    # -- reading ----------------------------------------------------------------------------
    def _fresh(self) -> Book:
        """The kept copy, read again if the file changed on disk (caller holds the lock)."""
        if self._saving is not None and self._book is not None:
            return self._book  # the saver compares the bytes before it replaces the file
        signature = _signature(self.path)
        disk = self._disk
        if disk is not None and self._book is not None:
            if signature == disk.signature and not disk.racy():
                return self._book
        data = sheets.read_bytes(self.path)
        if disk is not None and self._book is not None and data == disk.data:
            self._disk = _Disk(signature, data, time.time(), disk.package, disk._digest)
            return self._book
        return self._read(data, signature)

    def _read(self, data: bytes, signature: tuple[int, int, int, int]) -> Book:
        self._book = None  # until this read succeeds, nothing is kept
        self.reads += 1
        book = sheets.parse(self.path, data)
        disk = self._disk = _Disk(signature, data, time.time())
        if self.csv:
            self._ledger = sheets.read_ledger(self.path)
            if sheets.settle(self._ledger, disk.digest):
                sheets.write_ledger(self.path, self._ledger)
        self._book = book
        for q in list(self._queue):  # changed by hand: make this process's changes again on it
            self._make_again(q)
        return book

    def _make_again(self, q: _Queued) -> None:
        """Make a queued change again on the file as read now, unless the file records its key
        already: another process sharing the file (runners on one PostgreSQL database) saved
        another attempt of the same order meanwhile, whose result is the step's."""
        try:
            first = self._recorded(q.key)
        except PermanentError as exc:
            q.error, q.done = exc, True
        else:
            if first is None:
                self._make(q)
                return
            q.result, q.done = first, True
        self._queue.remove(q)

    @contextmanager
    def reading(self, sheet: str | None) -> Iterator[Table]:
        """The sheet as kept (with changes made but not yet saved), read under the lock."""
        with self._cond:
            yield self._fresh().table(sheet)

    # -- changing ---------------------------------------------------------------------------
    def _make(self, q: _Queued) -> None:
        """Make one change on the kept copy; a refused one leaves it as it was and leaves the
        queue with its error."""
        assert self._book is not None
        table = self._book.table(q.sheet)
        table.edits.clear()
        try:
            q.result = q.change(table)
        except BaseException as exc:
            table.undo()
            q.error, q.done = exc, True
            if q in self._queue:
                self._queue.remove(q)
            return
        touched = dict.fromkeys((i, c) for i, c, _ in table.edits)  # in order, once each
        q.cells = [
            xlsx_cells.Cell(table.sheet or "", table.numbers[i], c + 1, table.rows[i][c])
            for i, c in touched
            if not self.csv
        ]
        table.edits.clear()

    def _recorded(self, key: str) -> dict[str, Any] | None:
        """The first result of ``key`` if it was applied (caller holds the lock)."""
        assert self._book is not None
        if not self.csv:
            return sheets.again(self._book.applied[key]) if key in self._book.applied else None
        entry = self._ledger.get(key)
        if entry is None:
            return None
        if entry["state"] == "done":
            return sheets.again(entry["result"])
        # Asked once; the person's retry (after checking) applies it.
        del self._ledger[key]
        sheets.write_ledger(self.path, self._ledger)
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "Not known whether this order's change to {file} was made: Daloy stopped "
                    "while writing it, and the file was changed since. Check the rows in the "
                    "sheet; if the change is missing, retry this step, otherwise skip it.",
                ),
                file=self.path.name,
            )
        )

    def _undecided_while_saving(self, key: str) -> bool:
        """A save is writing and the kept ledger holds ``key`` not done (while a save writes,
        ``_fresh`` reads nothing again, so the kept ledger is the one ``_recorded`` asks)."""
        entry = self._ledger.get(key) if self.csv and self._saving is not None else None
        return entry is not None and entry["state"] != "done"

    def _in_flight(self, key: str) -> _Queued | None:
        return next((q for q in [*(self._saving or []), *self._queue] if q.key == key), None)

    def apply_once(
        self, sheet: str | None, key: str, change: Change, finished: Finished | None = None
    ) -> dict[str, Any]:
        """Make ``change`` (which edits the table through ``Table.set`` and returns the step's
        result) unless ``key`` was applied before, and return once it is saved; a repeat
        returns the first result. With ``finished`` (the database's word on which steps are
        done for good), each save forgets the records no step can ask for again."""
        with self._cond:
            if finished is not None:
                self._finished = finished
            # the same key from another attempt: its outcome decides; an undecided csv entry is
            # settled (and the ledger written) only between saves: a save writes its own copy
            # of the ledger unlocked, which would put the entry back or write over it
            while self._in_flight(key) is not None or self._undecided_while_saving(key):
                self._cond.wait()
            sheets.check_not_open(self.path)
            self._fresh()
            first = self._recorded(key)
            if first is not None:
                return first
            q = _Queued(key, sheet, change)
            self._queue.append(q)
            self._make(q)
            if q.error is not None:
                raise q.error
            crashpoint("sheet_changed")
            while not q.done:
                if self._saving is None and self._queue:
                    self._save()
                else:
                    self._cond.wait()
            if q.error is not None:
                raise q.error
            assert q.result is not None
            return q.result

    # -- saving -----------------------------------------------------------------------------
    def _save(self) -> None:
        """Write every queued change in one replace (caller holds the lock; released while
        writing, so more changes queue for the next save)."""
        batch, self._queue = self._queue, []
        self._saving = batch
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        try:
            try:
                data, package, forgotten, signature = self._write(batch, stamp)
            except (_ChangedOnDisk, _Stale) as exc:
                self._saving = None
                if isinstance(exc, _Stale):
                    for q in batch:
                        if q.key in exc.keys:
                            q.error, q.done = self._stale_error(), True
                    batch = [q for q in batch if q.key not in exc.keys]
                self._queue = batch + self._queue
                signature = _signature(self.path)
                data = sheets.read_bytes(self.path)
                self._read(data, signature)
                return  # the waiters save the batch made again
            assert self._book is not None
            for key in forgotten:  # their steps are finished for good: never asked again
                self._book.applied.pop(key, None)
                self._book.stamps.pop(key, None)
                self._ledger.pop(key, None)
            for q in batch:
                q.done = True
                if not self.csv:
                    self._book.applied[q.key] = q.text
                    self._book.stamps[q.key] = stamp
            self._disk = _Disk(signature, data, time.time(), package)
            self.saves += 1
            self.forgotten += len(forgotten)
        except BaseException as exc:  # noqa: BLE001 - every queued step hears of it
            self._fail([*batch, *self._queue], exc)
        finally:
            self._saving = None
            self._cond.notify_all()

    def _stale_error(self) -> PermanentError:
        return PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "This order's step was already finished by another attempt, so its change "
                    "to {file} was not made again.",
                ),
                file=self.path.name,
            )
        )

    def _forgettable(
        self, finished: Finished | None, recorded: list[str], batch: list[_Queued]
    ) -> set[str]:
        """The recorded keys whose steps the database has finished for good: no attempt of
        theirs can run again, so their records may go. Raises ``_Stale`` for a key of the
        batch that is finished already (an attempt that outlived its time limit or lease:
        its record may be gone, so its change must not be made)."""
        if finished is None:
            return set()
        keys = {q.key for q in batch}
        done, unknown = finished([*recorded, *keys])
        if done & keys:
            raise _Stale(done & keys)
        self._unknown |= unknown - keys
        return done

    def _fail(self, queued: list[_Queued], exc: BaseException) -> None:
        error = (
            exc
            if isinstance(exc, RetryableError | PermanentError)
            else RetryableError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "{file} could not be saved ({why}). Nothing of this order was written; "
                        "Daloy will try again.",
                    ),
                    file=self.path.name,
                    why=exc,
                )
            )
        )
        for q in queued:
            q.error, q.done = error, True
        self._queue = []
        self._book, self._disk = None, None  # read again: the kept copy holds unsaved changes

    def _write(
        self, batch: list[_Queued], stamp: str
    ) -> tuple[bytes, Package | None, set[str], tuple[int, int, int, int]]:
        """The batch's file bytes, replaced on disk with its records, the records it forgot,
        and the file's signature once replaced; the lock is released for the slow part. Raises
        ``_ChangedOnDisk`` if the file was edited meanwhile."""
        assert self._disk is not None and self._book is not None
        before = self._disk
        for q in batch:
            q.text = json.dumps(q.result, default=str)
        if self.csv:
            data = sheets.csv_bytes(self._book.table(None))
            after = sheets.digest(data)
            for q in batch:
                self._ledger[q.key] = {
                    "state": "pending",
                    "before": before.digest,
                    "after": after,
                    "result": q.result,
                    "at": time.time(),
                }
            recorded = [k for k, e in self._ledger.items() if e["state"] == "done"]
            rows: list[list[str]] = []
        else:
            rows = self._book.record_rows()  # read unlocked: a copy no other step changes
            recorded = [r[0] for r in rows]
        recorded = [k for k in recorded if k not in self._unknown]
        package: Package | None = None
        ledger = dict(self._ledger)  # written unlocked: a copy no other step changes meanwhile
        finished = self._finished
        self._cond.release()
        try:
            forgotten = self._forgettable(finished, recorded, batch)
            sheets.check_not_open(self.path)
            if sheets.read_bytes(self.path) != before.data:
                raise _ChangedOnDisk
            if forgotten:
                crashpoint("sheet_pruned")
            if self.csv:
                for key in forgotten:
                    del ledger[key]
                sheets.write_ledger(self.path, ledger)
                crashpoint("sheet_ledger_written")
            else:
                records = [r for r in rows if r[0] not in forgotten]
                records += [[q.key, q.text, stamp] for q in batch]
                data, package = self._xlsx(before, batch, records)
            sheets.atomic_write(self.path, data)  # the commit point
            signature = _signature(self.path)
            crashpoint("sheet_written")
            if self.csv:
                for q in batch:
                    ledger[q.key]["state"] = "done"  # the same entry as in self._ledger
                sheets.write_ledger(self.path, ledger)
        finally:
            self._cond.acquire()
        return data, package, forgotten, signature

    @staticmethod
    def _xlsx(
        before: _Disk, batch: list[_Queued], records: list[list[str]]
    ) -> tuple[bytes, Package | None]:
        cells = [c for q in batch for c in q.cells]
        package = before.package or Package.unzip(before.data)  # read before: whole
        new = xlsx_cells.patch(package, cells, sheets.APPLIED_SHEET, records)
        if new is not None:
            return new.zipped()
        data = xlsx_cells.save_with_openpyxl(before.data, cells, sheets.APPLIED_SHEET, records)
        return data, None


_files: dict[Path, SheetFile] = {}
_files_guard = threading.Lock()


def sheet_file(path_text: str) -> SheetFile:
    """The one ``SheetFile`` of this process for a path."""
    path = Path(path_text).expanduser()
    with _files_guard:
        key = path.resolve()
        if key not in _files:
            _files[key] = SheetFile(path)
        return _files[key]


def apply_once(
    path_text: str, sheet: str | None, key: str, change: Change, finished: Finished | None = None
) -> dict[str, Any]:
    return sheet_file(path_text).apply_once(sheet, key, change, finished)


@contextmanager
def reading(path_text: str, sheet: str | None) -> Iterator[Table]:
    with sheet_file(path_text).reading(sheet) as table:
        yield table
