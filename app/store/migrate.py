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

from app.core.errors import DaloyError

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


class MigrationFailed(DaloyError):
    """The database could not be brought up to date; the message names the backup taken first."""


def upgrade(db: Database, target: str = "head") -> None:
    if target == "head" and current(db) == head(db):
        return
    backup = _backup_first(db)
    cfg = config(db)
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    except Exception as exc:
        if backup is None:
            raise
        # Refuse to start: the migration was rolled back; the operator gets the way back.
        raise MigrationFailed(
            f"This Daloy could not update its database ({type(exc).__name__}: {exc}); it was "
            f"left as it was and Daloy will not start on it. A backup was taken just before: "
            f"{backup.path}. Go back to the earlier Daloy, or restore that backup with "
            f"`daloy backup restore {backup.name} --replace`."
        ) from exc


def _backup_first(db: Database):  # noqa: ANN202 - app.store.backups.Backup | None
    """A backup before a migration, when the database has tables (a new file has nothing to
    lose). A failed backup stops the migration: an upgrade with no way back is not started."""
    path = db.path
    if path is None or not path.is_file():
        return None
    with db.engine.connect() as conn:
        tables = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).scalar()
    if not tables:
        return None
    from app.store import backups

    try:
        return backups.take(path.parent, "pre-migration")
    except backups.BackupError as exc:
        raise MigrationFailed(
            f"Daloy must update its database but could not back it up "
            f"first: {exc} The database was not changed."
        ) from exc
