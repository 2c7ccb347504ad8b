"""``daloy store copy --to postgresql://…``: a real SQLite workspace moved to a real PostgreSQL
database — every table row for row (stored JSON as it was, SQL NULL as NULL), the search
index rebuilt, ids continuing after the copied ones, the SQLite file byte for byte unchanged;
a non-empty target is refused in words and left as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.core.model import Workflow
from app.steps import registry
from app.store import copy, workflows
from app.store.db import Database
from app.store.models import AuditEntry
from app.store.queries import list_orders
from app.store.runs import RunStore
from tests.support.engine import save
from tests.support.postgres import PostgresServer

SHOP = {
    "name": "shop",
    "business_key": "{{ trigger.order.number }}",
    "steps": [{"name": "note", "type": "transform", "config": {"values": {"ok": True}}}],
}


def _workspace(folder: Path) -> Path:
    """An SQLite workspace with runs, versions, audit, settings, a NUL in stored text and a
    stored JSON null beside SQL NULLs."""
    db = Database.open_dir(folder)
    save(db, SHOP)
    save(db, {**SHOP, "description": "second version"})
    store = RunStore(db, registry().specs)
    store.start_run("shop", {"order": {"number": "5001", "customer": {"name": "Aling Nena"}}})
    store.start_run("shop", {"order": {"number": "5002", "note": "a NUL \x00 in the order"}})
    with db.write() as s:  # ``before`` unset: SQL NULL; ``after`` None: a stored JSON null
        s.add(AuditEntry(at=1.5, who="ana\x00b", action="note", after=None))
    db.close()
    return folder / "daloy.sqlite3"


def _rows(db: Database) -> dict[str, list[tuple]]:
    out = {}
    with db.engine.connect() as conn:
        for table in copy.tables():
            cols = copy._raw_columns(table)
            rows = conn.execute(select(*cols)).all()
            out[table.name] = sorted(
                (tuple(json.dumps(v, default=repr) for v in r) for r in rows), key=repr
            )
    return out


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_workspace_is_copied_whole_and_the_file_is_left_untouched(tmp_path, pg_url):
    source = _workspace(tmp_path / "data")
    before = {p.name: _digest(p) for p in source.parent.glob("daloy.sqlite3*")}
    report = copy.copy_workspace(source, pg_url)
    assert {p.name: _digest(p) for p in source.parent.glob("daloy.sqlite3*")} == before
    assert report.nul_replaced == 1  # the one raw NUL (JSON holds it escaped, as \u0000)
    counts = {t.name: t.rows for t in report.tables}
    assert counts["runs"] == 2 and counts["workflow_versions"] == 2 and counts["audit"] >= 1
    assert counts["settings"] >= 1  # the workspace id: saved passwords keep their names

    src = Database(f"sqlite:///{source}", migrate=False)
    dst = Database(pg_url)
    expected = _rows(src)
    got = _rows(dst)
    for name, rows in expected.items():  # the raw NUL is the one change: written as U+FFFD
        want = [tuple(v.replace("ana\\u0000b", "ana\\ufffdb") for v in row) for row in rows]
        assert got[name] == sorted(want, key=repr), name
    # SQL NULL stayed NULL and the stored JSON null stayed JSON null
    assert dst.execute_sql(
        "select count(*) from audit where before is null and after::text = 'null'"
    ) == [(1,)]
    with dst.read() as s:  # the search index was rebuilt on the server
        [row] = list_orders(s, search="Aling Nena")
        assert (row.business_key, row.customer) == ("5001", "Aling Nena")
    with dst.write() as s:  # ids go on after the copied ones
        workflows.save(s, Workflow.from_dict({"format_version": 1, **SHOP, "name": "new"}))
        s.add(AuditEntry(at=2.0, who="ben", action="note"))
    src.close()
    dst.close()


def test_a_target_that_holds_data_is_refused_and_left_as_it_was(tmp_path, pg_url):
    source = _workspace(tmp_path / "data")
    copy.copy_workspace(source, pg_url)
    target = Database(pg_url)
    before = _rows(target)
    with pytest.raises(copy.CopyRefused, match="already holds data .* nothing was copied"):
        copy.copy_workspace(source, pg_url)
    assert _rows(target) == before
    target.close()


def test_the_cli_prints_counts_and_checksums_without_the_password(
    tmp_path, postgres_server: PostgresServer, pg_database, capsys
):
    data = tmp_path / "data"
    _workspace(data)
    url = postgres_server.url(pg_database, driver=False)
    assert main(["--data-dir", str(data), "store", "copy", "--to", url]) == 0
    out = capsys.readouterr().out
    assert "counts and checksums match" in out and "left untouched" in out
    assert any(line.split()[:2] == ["runs", "2"] for line in out.splitlines() if line.strip())
    assert postgres_server.password not in out
    assert main(["--data-dir", str(data), "--database-url", url, "runs", "list"]) == 0
    assert "5001" in capsys.readouterr().out
