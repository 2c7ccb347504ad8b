"""Reading and atomically rewriting spreadsheets (xlsx through openpyxl, and csv).

Writes go to a temporary file in the same folder, then replace the original in one step, so a
crash never leaves a half-written sheet. A file held open by Excel or LibreOffice is a retryable
error telling the operator to close it. Applied changes are remembered by idempotency key inside
the workbook (a hidden sheet), so a retried update never applies twice.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import PermanentError, RetryableError

APPLIED_SHEET = "_daloy_applied"


@dataclass
class Table:
    path: Path
    header: list[str]
    rows: list[list[Any]]
    applied: set[str] = field(default_factory=set)
    sheet: str | None = None

    def column(self, name: str) -> int:
        for i, h in enumerate(self.header):
            if str(h).strip().lower() == name.strip().lower():
                return i
        raise PermanentError(f"The sheet {self.path.name} has no column “{name}” (it has: "
                             f"{', '.join(str(h) for h in self.header)}).")

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


def _lock_files(path: Path) -> list[Path]:
    return [path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")]


def check_not_open(path: Path) -> None:
    for lock in _lock_files(path):
        if lock.exists():
            raise RetryableError(f"{path.name} is open in a spreadsheet program. Close it there; "
                                 "Daloy will try again.")


def load(path_text: str, sheet: str | None = None) -> Table:
    path = Path(path_text).expanduser()
    if not path.exists():
        raise PermanentError(f"The spreadsheet {path} does not exist.")
    try:
        if path.suffix.lower() == ".csv":
            with path.open(newline="", encoding="utf-8-sig") as f:
                data = list(csv.reader(f))
            return Table(path, data[0] if data else [], data[1:])
        import openpyxl
        wb = openpyxl.load_workbook(path, data_only=True)
    except PermissionError as exc:
        raise RetryableError(f"{path.name} is locked by another program (is it open in Excel?). "
                             "Close it; Daloy will try again.") from exc
    except (OSError, ValueError, KeyError) as exc:
        raise PermanentError(f"{path.name} could not be read as a spreadsheet: {exc}.") from exc
    ws = wb[sheet] if sheet else wb.worksheets[0]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    applied = set()
    if APPLIED_SHEET in wb.sheetnames:
        applied = {str(r[0]) for r in wb[APPLIED_SHEET].iter_rows(values_only=True) if r and r[0]}
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
    except PermissionError as exc:
        raise RetryableError(f"{path.name} is locked by another program (is it open in Excel?). "
                             "Close it; Daloy will try again.") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def save(table: Table, applied_key: str | None = None) -> None:
    """Write ``table`` back (cells only; xlsx formatting of other sheets is kept)."""
    check_not_open(table.path)
    if table.path.suffix.lower() == ".csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(table.header)
        w.writerows(table.rows)
        _atomic_write(table.path, buf.getvalue().encode("utf-8"))
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
        wb[APPLIED_SHEET].append([applied_key])
    buf = io.BytesIO()
    wb.save(buf)
    _atomic_write(table.path, buf.getvalue())
