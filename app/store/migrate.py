"""Alembic migrations applied on start-up, so an upgraded Daloy opens an older database.

The migration scripts live in ``app/store/migrations`` and are found through ``app.resources``
so they also load in the frozen app.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

if TYPE_CHECKING:
    from app.store.db import Database

MIGRATIONS = Path(__file__).with_name("migrations")


def config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def head(db: Database) -> str | None:
    return ScriptDirectory.from_config(config(db)).get_current_head()


def current(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, target: str = "head") -> None:
    if target == "head" and current(db) == head(db):
        return
    cfg = config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
