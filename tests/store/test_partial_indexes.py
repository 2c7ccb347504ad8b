"""The step indexes are partial on both databases, yet a process on SQLite never loads
SQLAlchemy's PostgreSQL dialect for them (issue 20, ~2 MB resident): the models name SQLite's
condition only, and PostgreSQL's copy is added when a PostgreSQL engine is made."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy.schema import CreateIndex

from app.store.db import Database
from app.store.models import StepRun

REPO = Path(__file__).resolve().parents[2]
CONDITIONS = {
    "ix_step_runs_ready": "state = 'ready'",
    "ix_step_runs_due": "state = 'retry_wait'",
    "ix_step_runs_running": "state = 'running'",
    "ix_step_runs_waiting_on": "waiting_on IS NOT NULL",
}


def created(db: Database) -> dict[str, str]:
    """Each step index's CREATE INDEX as this database's dialect writes it."""
    return {
        index.name: str(CreateIndex(index).compile(dialect=db.engine.dialect))
        for index in StepRun.__table__.indexes
    }


def test_a_postgresql_engine_gives_the_step_indexes_their_condition(pg_url: str) -> None:
    for index in StepRun.__table__.indexes:  # as a process that never made one has them
        index.dialect_options["postgresql"]["where"] = None
    db = Database(pg_url, migrate=False)
    try:
        made = created(db)
    finally:
        db.close()
    assert {name: made[name].endswith(f"WHERE {where}") for name, where in CONDITIONS.items()} == (
        dict.fromkeys(CONDITIONS, True)
    )


def test_sqlite_has_the_same_conditions_without_loading_postgresql(tmp_path: Path) -> None:
    Database.open_dir(tmp_path / "data").close()  # made and migrated (Alembic loads PostgreSQL)
    probe = (
        "import sys; from app.store.db import Database; from app.store import models; "
        f"db = Database.open_dir({str(tmp_path / 'data')!r}); "
        "print('sqlalchemy.dialects.postgresql' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "False"  # a database already at the newest schema
    db = Database.open_dir(tmp_path / "data")
    try:
        made = created(db)
    finally:
        db.close()
    assert all(made[name].endswith(f"WHERE {where}") for name, where in CONDITIONS.items())
