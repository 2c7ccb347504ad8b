"""Reading and atomically rewriting spreadsheets (xlsx through openpyxl, and csv), and applying a
change to one exactly once per idempotency key (``apply_once``).

Writes go to a temporary file in the same folder, then replace the original in one step, so a
crash never leaves a half-written sheet. A file held open by Excel or LibreOffice is a retryable
error telling the operator to close it.

Exactly once. An update and the record that it was applied must become true together:
- xlsx: the record is a row (key, result) of a hidden sheet of the same workbook, so it is in the
  very file replace that changes the cells. A crash before the replace changed nothing; after
  it, a retry finds its key and returns the first result.
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
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import PermanentError, RetryableError
from app.crashpoints import crashpoint

APPLIED_SHEET = "_daloy_applied"
LEDGER_KEEP_SECONDS = 400 * 86400  # a person may retry an old order from the inbox months later


@dataclass
class Table:
    path: Path
    header: list[str]
    rows: list[list[Any]]
    applied: dict[str, Any] = field(default_factory=dict)  # idempotency key -> first result
    sheet: str | None = None

    def column(self, name: str) -> int:
        for i, h in enumerate(self.header):
            if str(h).strip().lower() == name.strip().lower():
                return i
        raise PermanentError(
            f"The sheet {self.path.name} has no column “{name}” (it has: "
            f"{', '.join(str(h) for h in self.header)})."
        )

    def find(self, key_column: str, key: Any) -> int | None:
        col = self.column(key_column)
        wanted = str(key).strip()
        for i, row in enumerate(self.rows):
            if col < len(row) and str(row[col]).strip() == wanted:
                return i
        return None

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
                f"{path.name} is open in a spreadsheet program. Close it there; "
                "Daloy will try again."
            )


def load(path_text: str, sheet: str | None = None) -> Table:
    path = Path(path_text).expanduser()
    if not path.exists():
        raise PermanentError(f"The spreadsheet {path} does not exist.")
    try:
        if path.suffix.lower() == ".csv":
            return _parse_csv(path, path.read_bytes())
        import openpyxl

        wb = openpyxl.load_workbook(path, data_only=True)
    except PermissionError as exc:
        raise RetryableError(
            f"{path.name} is locked by another program (is it open in Excel?). "
            "Close it; Daloy will try again."
        ) from exc
    except (OSError, ValueError, KeyError) as exc:
        raise PermanentError(f"{path.name} could not be read as a spreadsheet: {exc}.") from exc
    ws = wb[sheet] if sheet else wb.worksheets[0]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    applied: dict[str, Any] = {}
    if APPLIED_SHEET in wb.sheetnames:
        for r in wb[APPLIED_SHEET].iter_rows(values_only=True):
            if r and r[0]:
                # rows written before results were kept hold the key only
                applied[str(r[0])] = json.loads(r[1]) if len(r) > 1 and r[1] else None
    header = [h if h is not None else "" for h in (values[0] if values else [])]
    rows = [r for r in values[1:] if any(c is not None for c in r)]
    return Table(path, header, rows, applied, ws.title)


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _sync_folder(path.parent)
    except PermissionError as exc:
        raise RetryableError(
            f"{path.name} is locked by another program (is it open in Excel?). "
            "Close it; Daloy will try again."
        ) from exc
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
            f"{path.name} is not a UTF-8 CSV file ({exc.reason}); save it as “CSV UTF-8” and retry."
        ) from exc
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return Table(path, rows[0] if rows else [], rows[1:])


def _csv_bytes(table: Table) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(table.header)
    w.writerows(table.rows)
    return buf.getvalue().encode("utf-8")


def save(table: Table, applied_key: str | None = None, result: Any = None) -> None:
    """Write ``table`` back (cells only; xlsx formatting of other sheets is kept). For xlsx,
    ``applied_key`` and its ``result`` are recorded in the hidden sheet in the same write."""
    check_not_open(table.path)
    if table.path.suffix.lower() == ".csv":
        _atomic_write(table.path, _csv_bytes(table))
        return
    import openpyxl

    wb = openpyxl.load_workbook(table.path)
    ws = wb[table.sheet] if table.sheet else wb.worksheets[0]
    for r, row in enumerate(table.rows, start=2):
        for c, value in enumerate(row, start=1):
            if ws.cell(r, c).value != value:
                ws.cell(r, c).value = value
    if applied_key:
        if APPLIED_SHEET not in wb.sheetnames:
            hidden = wb.create_sheet(APPLIED_SHEET)
            hidden.sheet_state = "hidden"
        wb[APPLIED_SHEET].append(
            [applied_key, json.dumps(result, default=str), time.strftime("%Y-%m-%d %H:%M:%S")]
        )
    buf = io.BytesIO()
    wb.save(buf)
    _atomic_write(table.path, buf.getvalue())


# -- exactly once ---------------------------------------------------------------------------------
_locks: dict[Path, threading.Lock] = {}
_locks_guard = threading.Lock()


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    with _locks_guard:
        lock = _locks.setdefault(path.resolve(), threading.Lock())
    with lock:
        yield


def _again(result: Any) -> dict[str, Any]:
    """What a repeat returns: the first result, marked as not applied again."""
    first = result if isinstance(result, dict) else {"changed": []}
    return {**first, "already_applied": True}


def apply_once(
    path_text: str, sheet: str | None, key: str, change: Callable[[Table], dict[str, Any]]
) -> dict[str, Any]:
    """Apply ``change`` (which edits the table in place and returns the step's result) to the
    sheet unless ``key`` was applied before; then return the first result instead."""
    path = Path(path_text).expanduser()
    with _file_lock(path):
        check_not_open(path)
        if path.suffix.lower() == ".csv":
            return _apply_csv(path, key, change)
        table = load(path_text, sheet)
        if key in table.applied:
            return _again(table.applied[key])
        result = change(table)
        save(table, applied_key=key, result=result)
        return result


def _ledger_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.daloy-ledger.json")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_ledger(path: Path) -> dict[str, dict[str, Any]]:
    ledger = _ledger_path(path)
    if not ledger.exists():
        return {}
    try:
        return json.loads(ledger.read_text(encoding="utf-8"))["entries"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        # never guess: an unreadable ledger could hide an applied change
        raise PermanentError(
            f"Daloy's record of changes to {path.name} ({ledger.name}) cannot "
            f"be read ({exc}). Check {path.name} by hand, then delete "
            f"{ledger.name} and retry."
        ) from exc


def _write_ledger(path: Path, entries: dict[str, dict[str, Any]]) -> None:
    old = time.time() - LEDGER_KEEP_SECONDS
    kept = {k: e for k, e in entries.items() if e["state"] != "done" or e["at"] > old}
    _atomic_write(_ledger_path(path), json.dumps({"entries": kept}, default=str).encode())


def _settle(entries: dict[str, dict[str, Any]], digest: str) -> bool:
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


def _apply_csv(path: Path, key: str, change: Callable[[Table], dict[str, Any]]) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise PermanentError(f"The spreadsheet {path} does not exist.") from exc
    except PermissionError as exc:
        raise RetryableError(
            f"{path.name} is locked by another program (is it open in Excel?). "
            "Close it; Daloy will try again."
        ) from exc
    entries = _read_ledger(path)
    digest = _digest(data)
    if _settle(entries, digest):
        _write_ledger(path, entries)
    entry = entries.get(key)
    if entry is not None and entry["state"] == "done":
        return _again(entry["result"])
    if entry is not None:
        # Asked once; the person's retry (after checking) applies it.
        del entries[key]
        _write_ledger(path, entries)
        raise PermanentError(
            f"Not known whether this order's change to {path.name} was made: Daloy stopped while "
            "writing it, and the file was changed since. Check the rows in the sheet; if the "
            "change is missing, retry this step, otherwise skip it."
        )
    table = _parse_csv(path, data)
    result = change(table)
    new = _csv_bytes(table)
    entries[key] = {
        "state": "pending",
        "before": digest,
        "after": _digest(new),
        "result": result,
        "at": time.time(),
    }
    _write_ledger(path, entries)
    crashpoint("sheet_ledger_written")
    _atomic_write(path, new)  # the commit point
    crashpoint("sheet_written")
    entries[key]["state"] = "done"
    _write_ledger(path, entries)
    return result
