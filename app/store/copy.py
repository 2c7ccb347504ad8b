"""Moving a workspace from its SQLite file to a PostgreSQL database (``daloy store copy``).

Every table of the models (workflows, versions, drafts, runs, step runs, attempts, events,
inbox, audit, intake ledger, connections, breakers, holds, settings — the workspace id with
them, so saved passwords keep their keyring names) is copied in ONE transaction on the
target, which is migrated first and must be empty; the order search index is rebuilt there by
its own trigger as the runs go in. Before the commit, each table's row count and checksum are
read back from the target and compared with the source's; any difference rolls everything
back. The SQLite file is opened read-only and never changed.

Values are copied as stored: JSON columns as their text (so a stored JSON ``null`` stays that,
and SQL NULL stays NULL). PostgreSQL cannot store the character NUL in text; such characters
are written as U+FFFD and counted in the report.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Integer, Table, Text, bindparam, cast, create_engine, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from app.core.errors import DaloyError
from app.core.i18n import translate
from app.store import migrate
from app.store.db import Database
from app.store.models import Base

BATCH = 2000
NUL, REPLACEMENT = "\x00", "\ufffd"
_MOD = 2**256


class CopyRefused(DaloyError):
    """The copy was not made (or was rolled back); the message says why and what to do."""


@dataclass
class TableCopy:
    name: str
    rows: int = 0
    checksum: int = 0  # sum of the rows' SHA-256 (mod 2**256): independent of row order

    @property
    def short(self) -> str:
        return f"{self.checksum:064x}"[:16]


@dataclass
class CopyReport:
    source: Path
    target: str  # the URL without its password
    tables: list[TableCopy] = field(default_factory=list)
    nul_replaced: int = 0

    def lines(self) -> list[str]:
        width = max(len(t.name) for t in self.tables)
        out = [f"{'table':<{width}}  {'rows':>9}  checksum"]
        out += [f"{t.name:<{width}}  {t.rows:>9}  {t.short}" for t in self.tables]
        return out


def tables() -> list[Table]:
    """The models' tables, parents before children (foreign keys)."""
    return list(Base.metadata.sorted_tables)


def _row_digest(values: Iterable[Any]) -> int:
    text = json.dumps([_canon(v) for v in values], ensure_ascii=False, separators=(",", ":"))
    return int.from_bytes(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), "big")


def _canon(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return {"bytes": bytes(value).hex()}
    if isinstance(value, float):
        return repr(value)
    return value


def _raw_columns(table: Table) -> list[Any]:
    """The columns as stored: JSON as its text, the rest through their own type."""
    return [cast(c, Text).label(c.name) if isinstance(c.type, JSON) else c for c in table.columns]


def _without_nul(value: Any, counter: list[int]) -> Any:
    if isinstance(value, str) and NUL in value:
        counter[0] += value.count(NUL)
        return value.replace(NUL, REPLACEMENT)
    return value


def _source_rows(
    conn: Connection, table: Table, counter: list[int]
) -> Iterator[list[dict[str, Any]]]:
    result = conn.execute(select(*_raw_columns(table)), execution_options={"stream_results": True})
    for part in result.partitions(BATCH):
        yield [{key: _without_nul(v, counter) for key, v in row._mapping.items()} for row in part]


def _insert(table: Table) -> Any:
    values = {
        c.name: cast(bindparam(c.name, type_=Text), c.type)
        if isinstance(c.type, JSON)
        else bindparam(c.name, type_=c.type)
        for c in table.columns
    }
    return table.insert().values(values)


def _summary(conn: Connection, table: Table) -> TableCopy:
    """Rows and checksum of the values as the target holds them (NUL written as U+FFFD)."""
    done, ignored = TableCopy(table.name), [0]
    for batch in _source_rows(conn, table, ignored):
        for row in batch:
            done.rows += 1
            done.checksum = (done.checksum + _row_digest(row.values())) % _MOD
    return done


def _reset_sequences(conn: Connection, table: Table) -> None:
    """Ids were copied as they were: the target's id sequences start after the largest."""
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or not isinstance(keys[0].type, Integer):
        return
    sequence = conn.scalar(select(func.pg_get_serial_sequence(table.name, keys[0].name)))
    if sequence:
        top = conn.scalar(select(func.coalesce(func.max(keys[0]), 0))) or 0
        conn.execute(select(func.setval(sequence, top + 1, False)))


def _open_source(path: Path) -> Any:
    if not path.is_file():
        raise CopyRefused(
            translate(
                "Store", "There is no Daloy database at {path}; name the data folder to copy."
            ).format(path=path)
        )

    # Read-only; and when its write-ahead log is empty (Daloy checkpoints on closing) also
    # "immutable", so not even the -wal/-shm side files are created next to it.
    wal = path.with_name(path.name + "-wal")
    settled = not (wal.exists() and wal.stat().st_size > 0)
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if settled else "")

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True)

    return create_engine("sqlite://", creator=connect)


def _check_source_version(engine: Any, target: Database) -> None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        version = MigrationContext.configure(conn).get_current_revision()
    if version != migrate.head(target):
        raise CopyRefused(
            translate(
                "Store",
                "The workspace's database is at version {version}, this Daloy's is {head}: open "
                "it once with this Daloy (it is updated on opening), then copy it.",
            ).format(version=version, head=migrate.head(target))
        )


def _refuse_non_empty(conn: Connection, url: str) -> None:
    for table in tables():
        if conn.scalar(select(func.count()).select_from(table)):
            raise CopyRefused(
                translate(
                    "Store",
                    "The database {url} already holds data (table {table} is not empty), so "
                    "nothing was copied: copy into a new, empty database.",
                ).format(url=url, table=table.name)
            )


def copy_workspace(
    source: Path, target_url: str, say: Callable[[str], None] = lambda _line: None
) -> CopyReport:
    """Copy the SQLite database ``source`` into the empty database at ``target_url``."""
    target = Database(target_url)  # migrated to this Daloy's head first
    if target.is_sqlite:
        target.close()
        raise CopyRefused(
            translate("Store", "Copy to a PostgreSQL database (postgresql://…), not to a file.")
        )
    engine = _open_source(source)
    report = CopyReport(source, target.url)
    counter = [0]
    try:
        _check_source_version(engine, target)
        with engine.connect() as src, target.engine.begin() as dst:
            _refuse_non_empty(dst, target.url)
            for table in tables():
                expected = _summary(src, table)
                insert = _insert(table)
                for batch in _source_rows(src, table, counter):
                    dst.execute(insert, batch)
                _reset_sequences(dst, table)
                got = _summary(dst, table)
                if (got.rows, got.checksum) != (expected.rows, expected.checksum):
                    raise CopyRefused(
                        translate(
                            "Store",
                            "Table {table} differs after copying ({got} rows, {rows} expected, "
                            "or other values), so nothing was copied. Please report it.",
                        ).format(table=table.name, got=got.rows, rows=expected.rows)
                    )
                report.tables.append(got)
                say(f"{table.name}: {got.rows} rows")
            report.nul_replaced = counter[0]
    except SQLAlchemyError as exc:
        raise CopyRefused(
            translate(
                "Store", "The copy failed and was rolled back; nothing was copied: {error}"
            ).format(error=" ".join(str(getattr(exc, "orig", exc)).split()))
        ) from exc
    finally:
        engine.dispose()
        target.close()
    return report
