"""Schema drift: the models' metadata, the database the Alembic migrations build, and the hot
path's statements (``app.store.statements``) agree.

The hot path is generated from the models' tables, so a column renamed in a model changes the
statement with it; these tests prove the migrations built the same tables, and that every
statement compiles for each dialect and prepares on a freshly migrated database."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.dialects import postgresql, sqlite

from app.store import statements as st
from app.store.db import Database
from app.store.models import Base, Run, StepRun
from tests.support.sqlite_template import real_upgrade


@pytest.fixture
def migrated(tmp_path: Path) -> Database:
    """A fresh SQLite file brought to the head revision by the migrations alone (not the test
    process's copy of one: ``tests.support.sqlite_template``)."""
    db = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", migrate=False)
    real_upgrade(db)
    yield db
    db.close()


# Objects a migration writes in one dialect's SQL beside the models, on purpose (with why).
DIALECT_ONLY = {
    # 0008: the dashboard's partial index of failed attempts (SQLite, like its run_counts
    # triggers); a model index cannot say "outcome NOT IN (...)" for both dialects.
    "ix_attempts_failed",
}


def _drift(db: Database) -> list:
    """What the migrated database and the models' metadata disagree on, for the models'
    tables (tables the migrations add beside them, e.g. search indexes, are not models)."""

    def ours(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
        if type_ == "table":
            return name in Base.metadata.tables
        if name in DIALECT_ONLY:
            return False
        table = getattr(obj, "table", None)
        return table is None or table.name in Base.metadata.tables

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": ours, "compare_type": True})
        return compare_metadata(ctx, Base.metadata)


def test_the_migrations_build_the_models_tables(migrated):
    assert _drift(migrated) == []


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()], ids=["sqlite", "pg"])
def test_every_hot_path_statement_compiles_for_each_dialect(dialect):
    for statement in st.ALL:
        compiled = statement.compiled(dialect)
        assert compiled.sql
        # Parameters are named: every name the SQL needs is one a caller passes or a value
        # written into the statement.
        assert set(compiled.names) <= set(compiled.binds)


def test_every_hot_path_statement_prepares_on_the_migrated_database(migrated):
    """SQLite compiles a statement for EXPLAIN without running it: an unknown table or
    column fails here, naming the statement."""
    dialect = migrated.engine.dialect
    conn = migrated.engine.raw_connection()
    try:
        cur = conn.cursor()
        for statement in st.ALL:
            c = statement.compiled(dialect)
            params = c.params(dict.fromkeys(c.binds))
            try:
                cur.execute(f"EXPLAIN {c.sql}", params)
                cur.fetchall()
            except Exception as exc:  # noqa: BLE001 - reported with the statement
                pytest.fail(f"{c.sql!r} does not prepare on the migrated schema: {exc}")
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("table", "columns"),
    [(Run.__table__, st.RUN_COLUMNS), (StepRun.__table__, (*st.STEP_COLUMNS, "id"))],
    ids=["runs", "step_runs"],
)
def test_the_hot_paths_inserts_fill_every_required_column(migrated, table, columns):
    """A NOT NULL column without a default that the migrations add must be written by the
    hot path's insert, or every run start would fail."""
    required = {
        c["name"]
        for c in inspect(migrated.engine).get_columns(table.name)
        if not c["nullable"] and c.get("default") is None
    }
    assert required <= set(columns), required - set(columns)
