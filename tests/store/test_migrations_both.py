"""Alembic's migrations run on both databases: from nothing to head, back down to nothing and up
again, and the tables they make are the models' tables (the same names and columns)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from app.store import migrate
from app.store.models import Base


def _downgrade(db, target: str) -> None:  # noqa: ANN001
    cfg = migrate.config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)


def test_every_migration_goes_up_down_and_up_again(tmp_path, open_db):
    db = open_db(tmp_path)
    assert migrate.current(db) == migrate.head(db)
    tables = set(inspect(db.engine).get_table_names())
    for table in Base.metadata.sorted_tables:  # the models and the migrations agree
        assert table.name in tables
        columns = {c["name"] for c in inspect(db.engine).get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    assert {"run_facts", "run_search"} <= tables  # the order search, on both
    _downgrade(db, "base")
    assert migrate.current(db) is None
    left = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    assert not left, left
    migrate.upgrade(db)
    assert migrate.current(db) == migrate.head(db)
    db.close()
