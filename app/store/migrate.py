"""Alembic migrations applied on start-up, so an upgraded Daloy opens an older database.

The migration scripts live in ``app/store/migrations`` and are found through ``app.resources``
so they also load in the frozen app.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import DaloyError

if TYPE_CHECKING:
    from alembic.config import Config

    from app.store.backups import Backup
    from app.store.db import Database

MIGRATIONS = Path(__file__).with_name("migrations")


def config(db: Database) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def head(db: Database) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config(db)).get_current_head()


def current(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REVISION = re.compile(
    r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:"([^"]*)"|None)\s*$""", re.M
)


def _up_to_date(db: Database) -> bool:
    """True when the database is certainly at the one head, told without Alembic (about 9 MB
    and a quarter of a second at every start): each version file's plain ``revision`` and
    ``down_revision`` lines, and the ``alembic_version`` row. Anything unusual (a merge, a
    file not in that form, no version table) answers False, and Alembic decides."""
    links: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((name, value or None) for name, value in _REVISION.findall(path.read_text()))
        if "revision" not in found or "down_revision" not in found:
            return False
        links[found["revision"]] = found["down_revision"]
    heads = set(links) - set(links.values())
    if len(heads) != 1:
        return False
    try:
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    except Exception:  # noqa: BLE001 - no version table yet (a new file): Alembic decides
        return False
    return [r[0] for r in rows] == list(heads)


class MigrationFailed(DaloyError):
    """The database could not be brought up to date; the message names the backup taken first."""


def upgrade(db: Database, target: str = "head") -> None:
    if target == "head" and (_up_to_date(db) or current(db) == head(db)):
        return
    from alembic import command

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


def _backup_first(db: Database) -> Backup | None:
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
