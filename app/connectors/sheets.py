"""Reading and atomically rewriting spreadsheets (xlsx read by ``xlsx_values``, or by openpyxl
where that declines, and csv), and the records that make each change happen exactly once per
idempotency key. ``sheet_files`` keeps each file in memory and saves changes in batches; this
module is the format underneath.

Writes go to a temporary file in the same folder, then replace the original in one step, so a
crash never leaves a half-written sheet. A file held open by Excel or LibreOffice is a retryable
error telling the operator to close it.

Exactly once. An update and the record that it was applied must become true together:
- xlsx: the record is a row (key, result) of a hidden sheet of the same workbook, so it is in the
  very file replace that changes the cells. A crash before the replace changed nothing; after
  it, a retry finds its key and returns the first result. A row stays only while its order's
  step may run again (``sheet_files`` forgets the rest as it saves).
- csv has nowhere to hide a record, so a ledger lives beside it (``.<name>.daloy-ledger.json``),
  used as an intent log whose entries name the exact bytes they produce. Before the sheet is
  replaced, the entry {key, before: sha256 of the sheet as read, after: sha256 of the sheet to
  be written, result} is written as pending; the sheet's own atomic replace is the one commit
  point; then the entry is marked done. Whether a pending change happened is read off the sheet
  itself: its bytes hash to ``after`` (it happened: done, return the result) or to ``before``
  (it did not: forget it, apply now). If the sheet was also changed by hand between a crash and
  the next look, neither matches and a person is asked rather than guessing. A sidecar written
  *after* the replace could not work: a crash between the two writes would apply twice.
Changes to one file are serialised within the process, so two runs cannot lose each other's
update (read, change, write). Crash points (``app.crashpoints``): ``sheet_ledger_written``
before the csv replace, ``sheet_written`` between it and marking its entry done.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.connectors import xlsx_values
from app.core.errors import PermanentError, RetryableError
from app.core.i18n import QT_TRANSLATE_NOOP, said

APPLIED_SHEET = "_daloy_applied"
# The headings a product's name goes by in a shop's sheet, the first found (the sample's "Item")
NAME_COLUMNS = ("item", "name", "product", "description")
LEDGER_KEEP_SECONDS = 400 * 86400  # a person may retry an old order from the inbox months later


@dataclass
class Table:
    path: Path
    header: list[str]
    rows: list[list[Any]]
    applied: dict[str, Any] = field(default_factory=dict)  # the book's (see ``Book.applied``)
    sheet: str | None = None
    numbers: list[int] = field(default_factory=list)  # each row's number in the sheet (xlsx)
    # (row, column, value before) of each ``set`` since ``edits`` was emptied: what a refused
    # change puts back, and which cells a save must write
    edits: list[tuple[int, int, Any]] = field(default_factory=list, repr=False)
    _index: dict[int, dict[str, int]] = field(default_factory=dict, repr=False)

    def column(self, name: str) -> int:
        for i, h in enumerate(self.header):
            if str(h).strip().lower() == name.strip().lower():
                return i
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps", "The sheet {file} has no column “{name}” (it has: {have})."
                ),
                file=self.path.name,
                name=name,
                have=", ".join(str(h) for h in self.header),
            )
        )

    def name_column(self, wanted: str | None = None) -> int | None:
        """The column of the products' names: ``wanted`` when the sheet has it, else the first
        of ``NAME_COLUMNS`` it has (an operator's own sheet may say "Product"), else None."""
        lower = [str(h).strip().lower() for h in self.header]
        names = [str(wanted).strip().lower()] if wanted and str(wanted).strip() else []
        return next((lower.index(n) for n in [*names, *NAME_COLUMNS] if n in lower), None)

    def find(self, key_column: str, key: Any) -> int | None:
        """The first row whose ``key_column`` holds ``key``; an index per column is built on the
        first look-up, because a kept sheet of thousands of rows is searched for every order."""
        col = self.column(key_column)
        index = self._index.get(col)
        if index is None:
            index = {}
            for i, row in enumerate(self.rows):
                if col < len(row):
                    index.setdefault(str(row[col]).strip(), i)
            self._index[col] = index
        return index.get(str(key).strip())

    def set(self, index: int, col: int, value: Any) -> None:
        row = self.rows[index]
        while len(row) <= col:
            row.append(None)
        self.edits.append((index, col, row[col]))
        row[col] = value
        self._index.pop(col, None)

    def undo(self) -> None:
        """Put back every ``set`` since ``edits`` was emptied (a refused change)."""
        for index, col, old in reversed(self.edits):
            self.rows[index][col] = old
            self._index.pop(col, None)
        self.edits.clear()

    def as_dict(self, index: int) -> dict[str, Any]:
        row = self.rows[index]
        return {str(h): (row[i] if i < len(row) else None) for i, h in enumerate(self.header)}


def resolve(path_text: str, base: Path | None) -> str:
    """A relative sheet path is read in the data folder (``samples/inventory.xlsx``), so a
    workflow that names one works in any workspace it is imported into; absolute and ``~``
    paths are kept. Without a data folder (a bare engine) the process's folder is the base."""
    path = Path(str(path_text)).expanduser()
    if base is None or path.is_absolute() or not str(path_text).strip():
        return str(path)
    return str(Path(base) / path)


def _lock_files(path: Path) -> list[Path]:
    return [path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")]


def check_not_open(path: Path) -> None:
    for lock in _lock_files(path):
        if lock.exists():
            raise RetryableError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "{file} is open in a spreadsheet program. Close it there; Daloy will try "
                        "again.",
                    ),
                    file=path.name,
                )
            )


def missing(path: Path) -> PermanentError:
    return PermanentError(
        said(QT_TRANSLATE_NOOP("Steps", "The spreadsheet {path} does not exist."), path=str(path))
    )


def locked(path: Path) -> RetryableError:
    return RetryableError(
        said(
            QT_TRANSLATE_NOOP(
                "Steps",
                "{file} is locked by another program (is it open in Excel?). Close it; Daloy "
                "will try again.",
            ),
            file=path.name,
        )
    )


def load(path_text: str, sheet: str | None = None) -> Table:
    """The sheet as it is on disk now (``sheet_files`` keeps one in memory for steps)."""
    path = Path(path_text).expanduser()
    book = parse(path, read_bytes(path))
    return book.table(sheet)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise missing(path) from exc
    except PermissionError as exc:
        raise locked(path) from exc


@dataclass
class Book:
    """Every sheet of one file as read, and (xlsx) the orders it records as applied."""

    path: Path
    tables: dict[str, Table]  # by title; a csv file has one, titled ""
    first: str
    # idempotency key -> first result as its JSON text (None: a key-only row), for the orders
    # whose steps may still run (``sheet_files`` forgets the rest at each save). Text, not the
    # decoded dict: it is decoded only on a repeat.
    applied: dict[str, str | None] = field(default_factory=dict)
    stamps: dict[str, str] = field(default_factory=dict)  # key -> when it was applied

    def record_rows(self) -> list[list[str]]:
        """The record sheet's rows (key, result, when), as this code and older code write them
        (a row of older code may hold its key alone)."""
        rows = []
        for key, result in self.applied.items():
            row = [key, result or "", self.stamps.get(key, "")]
            while len(row) > 1 and not row[-1]:
                row.pop()
            rows.append(row)
        return rows

    def table(self, sheet: str | None) -> Table:
        try:
            return self.tables[sheet if sheet and self.first else self.first]  # csv: one
        except KeyError:
            raise PermanentError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps", "The spreadsheet {file} has no sheet “{sheet}” (it has: {have})."
                    ),
                    file=self.path.name,
                    sheet=sheet,
                    have=", ".join(self.tables),
                )
            ) from None


def parse(path: Path, data: bytes) -> Book:
    if path.suffix.lower() == ".csv":
        return Book(path, {"": _parse_csv(path, data)}, "")
    try:
        sheets = xlsx_values.worksheets(data)
    except xlsx_values.Unusual:
        sheets = _worksheets_by_openpyxl(path, data)
    shown = [title for title, _ in sheets if title != APPLIED_SHEET] or [sheets[0][0]]
    book = Book(path, {}, shown[0])
    for title, rows in sheets:
        if title == APPLIED_SHEET:
            for r in rows:
                if r and r[0]:
                    # rows written before results were kept hold the key only
                    text = r[1] if len(r) > 1 else None  # the result, as JSON text
                    book.applied[str(r[0])] = text if isinstance(text, str) and text else None
                    if len(r) > 2 and r[2]:
                        book.stamps[str(r[0])] = str(r[2])
            continue
        values = [list(r) for r in rows]
        header = [str(h) if h is not None else "" for h in (values[0] if values else [])]
        kept = [(n, r) for n, r in enumerate(values[1:], start=2) if any(c is not None for c in r)]
        book.tables[title] = Table(
            path, header, [r for _, r in kept], book.applied, title, [n for n, _ in kept]
        )
    return book


def _worksheets_by_openpyxl(path: Path, data: bytes) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """What ``xlsx_values`` leaves to openpyxl (dates, unusual files), read the same way."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP("Steps", "{file} could not be read as a spreadsheet: {why}."),
                file=path.name,
                why=exc,
            )
        ) from exc
    return [(ws.title, list(ws.iter_rows(values_only=True))) for ws in wb.worksheets]


def atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _sync_folder(path.parent)
    except PermissionError as exc:
        raise locked(path) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    """Make a replace durable before the next write (the csv ledger must reach the disk before
    the sheet it describes). Windows cannot open a folder; its renames are journalled."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _parse_csv(path: Path, data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "{file} is not a UTF-8 CSV file ({why}); save it as “CSV UTF-8” and retry.",
                ),
                file=path.name,
                why=exc.reason,
            )
        ) from exc
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return Table(path, rows[0] if rows else [], rows[1:], sheet="")


def csv_bytes(table: Table) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(table.header)
    w.writerows(table.rows)
    return buf.getvalue().encode("utf-8")


# -- exactly once ---------------------------------------------------------------------------------
def again(result: Any) -> dict[str, Any]:
    """What a repeat returns: the first result, marked as not applied again. A kept book holds
    each result as its JSON text (``Book.applied``), decoded only here, on a repeat."""
    if isinstance(result, str):
        result = json.loads(result)
    first = result if isinstance(result, dict) else {"changed": []}
    return {**first, "already_applied": True}


def _ledger_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.daloy-ledger.json")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_ledger(path: Path) -> dict[str, dict[str, Any]]:
    ledger = _ledger_path(path)
    if not ledger.exists():
        return {}
    try:
        return json.loads(ledger.read_text(encoding="utf-8"))["entries"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        # never guess: an unreadable ledger could hide an applied change
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "Daloy's record of changes to {file} ({record}) cannot be read ({why}). "
                    "Check {file} by hand, then delete {record} and retry.",
                ),
                file=path.name,
                record=ledger.name,
                why=exc,
            )
        ) from exc


def write_ledger(path: Path, entries: dict[str, dict[str, Any]]) -> None:
    old = time.time() - LEDGER_KEEP_SECONDS
    kept = {k: e for k, e in entries.items() if e["state"] != "done" or e["at"] > old}
    atomic_write(_ledger_path(path), json.dumps({"entries": kept}, default=str).encode())


def settle(entries: dict[str, dict[str, Any]], digest: str) -> bool:
    """Decide every pending entry by the sheet's current bytes; True if anything changed."""
    changed = False
    for key, e in list(entries.items()):
        if e["state"] != "pending":
            continue
        changed = True
        if digest == e["after"]:
            e["state"] = "done"
        elif digest == e["before"]:
            del entries[key]  # the replace never happened
        else:
            e["state"] = "unknown"  # changed by hand since: a person must look
    return changed
