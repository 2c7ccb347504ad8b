"""Exporting the orders a filter shows to CSV or Excel (openpyxl), row by row.

``export_orders`` reads through ``queries.iter_orders`` by keyset in batches and writes as it
reads, so memory stays flat at 1,000,000 orders; it reports progress to a callback (the GUI
runs it on a worker thread and may stop it). The file appears only when complete: rows are
written to a temporary file beside it, which replaces the target at the end.

What is exported came from outside (customer names, reasons): secrets are hidden
(``app.core.redact``), and text that a spreadsheet would run as a formula (=, +, -, @ first) is
written as text. No Qt.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from app.core import order_states, redact
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.store import queries
from app.store.db import Database

FORMATS = ("csv", "xlsx")
# (OrderRow attribute, column title), in the order of the orders table; titles and states are
# said in the operator's language, as the list says them (a spreadsheet, not a program, reads
# the file: ``runs list --json`` is the machine-readable one).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("business_key", QT_TRANSLATE_NOOP("Export", "Order")),
    ("customer", QT_TRANSLATE_NOOP("Export", "Customer")),
    ("total", QT_TRANSLATE_NOOP("Export", "Total")),
    ("status", QT_TRANSLATE_NOOP("Export", "Status")),
    ("reason", QT_TRANSLATE_NOOP("Export", "Reason")),
    ("workflow", QT_TRANSLATE_NOOP("Export", "Workflow")),
    ("created_at", QT_TRANSLATE_NOOP("Export", "Received")),
    ("finished_at", QT_TRANSLATE_NOOP("Export", "Finished")),
    ("practice", QT_TRANSLATE_NOOP("Export", "Practice run or demo")),
    ("id", QT_TRANSLATE_NOOP("Export", "Run id")),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# progress(done, total): called every ``PROGRESS_EVERY`` rows and at the end; returning False
# stops the export (the partial file is removed, the target is left as it was).
Progress = Callable[[int, int], bool | None]
PROGRESS_EVERY = 500


class ExportStopped(DaloyError):
    """The progress callback asked to stop; nothing was written to the target."""


def titles() -> list[str]:
    return [translate("Export", title) for _attr, title in COLUMNS]


def cells(row: queries.OrderRow) -> list[Any]:
    """One order's cells, in ``COLUMNS`` order: times as local ``datetime``, secrets hidden."""
    out: list[Any] = []
    for attr, _title in COLUMNS:
        value = getattr(row, attr)
        if attr in ("created_at", "finished_at"):
            value = datetime.fromtimestamp(value) if value else None
        elif attr == "status":
            value = order_states.said(
                value,
                cancelled=row.cancelled,
                practice=row.practice,
                demo=row.demo,
                outcome=row.outcome,
            )
        elif attr == "practice":
            value = order_states.kind_of(practice=value, demo=row.demo)
        elif isinstance(value, str):
            value = redact.text(value)
        out.append(value)
    return out


def export_orders(
    db: Database,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    progress: Progress | None = None,
    **filters: Any,
) -> int:
    """Write the orders ``filters`` match (status, workflow, business_key, since, until,
    search, sort, descending: as ``queries.list_runs``) to ``path`` as ``fmt`` ("csv" or
    "xlsx"; by default from the file's ending). Returns the number of orders written."""
    target = Path(path)
    fmt = (fmt or target.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise DaloyError(
            f"Daloy exports orders as {' or '.join(FORMATS)}, not “{fmt}”; end the "
            "file name with .csv or .xlsx."
        )
    with db.read() as s:
        total = queries.count_runs(
            s, **{k: v for k, v in filters.items() if k not in ("sort", "descending")}
        )
    fd, tmp = tempfile.mkstemp(
        prefix=".daloy-export-", suffix=f".{fmt}", dir=target.parent if str(target.parent) else "."
    )
    os.close(fd)
    try:
        with db.read() as s:
            rows = _reported(queries.iter_orders(s, **filters), total, progress)
            written = (_write_csv if fmt == "csv" else _write_xlsx)(Path(tmp), rows)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return written


def _reported(
    rows: Iterator[queries.OrderRow], total: int, progress: Progress | None
) -> Iterator[list[Any]]:
    done = 0
    for row in rows:
        yield cells(row)
        done += 1
        if (
            progress is not None
            and done % PROGRESS_EVERY == 0
            and progress(done, max(total, done)) is False
        ):
            raise ExportStopped("The export was stopped; no file was written.")
    if progress is not None:
        progress(done, done)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # a spreadsheet shows it, never runs it
    return value


def _write_csv(path: Path, rows: Iterator[list[Any]]) -> int:
    n = 0
    # UTF-8 with a byte-order mark: Excel then reads names like “José” correctly.
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        out = csv.writer(f)
        out.writerow(titles())
        for row in rows:
            out.writerow([_csv_cell(v) for v in row])
            n += 1
    return n


def _write_xlsx(path: Path, rows: Iterator[list[Any]]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)  # streams rows to disk: flat memory
    sheet = book.create_sheet("Orders")
    sheet.append(titles())
    n = 0
    for row in rows:
        line = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            elif isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            line.append(cell)
        sheet.append(line)
        n += 1
    book.save(path)
    return n
