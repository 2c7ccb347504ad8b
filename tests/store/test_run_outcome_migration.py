"""Migration 0016 (``runs.outcome``, how a workflow ended an order) on SQLite and PostgreSQL: an
order written by a Daloy of revision 0015 keeps everything it had, has no outcome and reads as
before; the outcome's index is partial on both (only the few ended orders); going back to 0015
drops both and keeps the order."""

from __future__ import annotations

import time

from sqlalchemy import inspect, text

from app.core import order_states
from app.store import migrate, queries
from tests.store.test_migrations_both import _downgrade


def _index_sql(db) -> str:  # noqa: ANN001
    """ix_runs_outcome as the database itself has it."""
    with db.engine.connect() as c:
        if db.engine.dialect.name == "sqlite":
            q = "select sql from sqlite_master where name = 'ix_runs_outcome'"
        else:
            q = "select indexdef from pg_indexes where indexname = 'ix_runs_outcome'"
        row = c.execute(text(q)).first()
    return row[0] if row else ""


def test_an_order_of_revision_0015_is_kept_and_reads_as_before(data_dir, open_db) -> None:  # noqa: ANN001
    db = open_db(data_dir, migrate=False)
    migrate.upgrade(db, "0015")
    now = time.time()
    with db.engine.begin() as c:  # an order as a Daloy of revision 0015 wrote it
        c.execute(
            text(
                "insert into workflows (id, name, enabled, archived, created_at, updated_at) "
                "values (1, 'shop', :yes, :no, :now, :now)"
            ),
            {"yes": True, "no": False, "now": now},
        )
        c.execute(
            text(
                "insert into workflow_versions (id, workflow_id, number, definition, has_errors, "
                "summary, created_at, created_by, note, kind) values (1, 1, 1, '{}', :no, '', "
                ":now, '', '', 'published')"
            ),
            {"no": False, "now": now},
        )
        c.execute(
            text(
                "insert into runs (id, workflow_id, version_id, workflow_name, status, "
                "business_key, trigger, cancelled, practice, created_at, updated_at, "
                "finished_at) values ('r1', 1, 1, 'shop', 'succeeded', '1001', '{}', :no, :no, "
                ":now, :now, :now)"
            ),
            {"no": False, "now": now},
        )
    assert "outcome" not in {col["name"] for col in inspect(db.engine).get_columns("runs")}

    migrate.upgrade(db)
    assert migrate.current(db) == migrate.head(db)
    made = _index_sql(db)  # partial on both: only the few ended orders
    assert "(outcome, created_at)" in made and "WHERE" in made and "outcome IS NOT NULL" in made
    with db.read() as s:
        (row,) = queries.list_orders(s)
        assert (row.business_key, row.status, row.outcome) == ("1001", "succeeded", None)
        assert order_states.said(row.status, cancelled=row.cancelled, outcome=row.outcome) == "Done"
        assert [r.id for r in queries.list_orders(s, status="succeeded")] == ["r1"]
        assert queries.list_orders(s, status="cancelled") == []

    _downgrade(db, "0015")
    assert "outcome" not in {col["name"] for col in inspect(db.engine).get_columns("runs")}
    assert _index_sql(db) == ""
    with db.engine.connect() as c:
        assert c.execute(text("select business_key, status from runs")).all() == [
            ("1001", "succeeded")
        ]
    db.close()
