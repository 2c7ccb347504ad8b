"""A backup put back in place of the workspace without a terminal (``app.runtime.put_back``):
asked from the app, carried out when Daloy starts again before it opens the database, on real
SQLite files and, end to end, by a real ``daloy`` process. What it replaces is kept; a request
that cannot be carried out is said in words, forgotten, and changes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app.runtime import put_back
from app.runtime.presence import RunnerPresence
from app.store import backups
from app.store.db import DB_FILENAME
from tests.support.app_process import run_daloy
from tests.support.engine import save

WF = {
    "name": "orders",
    "business_key": "{{ trigger.order.number }}",
    "steps": [{"name": "a", "type": "transform", "config": {"values": {"x": 1}}}],
    "edges": [],
}
pytestmark = pytest.mark.sqlite_only("puts the data folder's SQLite file back")


def _keys(db_file: Path) -> set[str]:
    conn = sqlite3.connect(db_file)
    try:
        return {k for (k,) in conn.execute("select business_key from runs")}
    finally:
        conn.close()


@pytest.fixture
def backed_up(rt, data_dir):
    """A workspace with order BEFORE in its backup and order AFTER made since, closed."""
    save(rt.db, WF)
    rt.store.start_run("orders", {"order": {"number": "BEFORE"}})
    assert rt.wait_idle(30)
    backup = backups.take(data_dir, "manual")
    rt.store.start_run("orders", {"order": {"number": "AFTER"}})
    assert rt.wait_idle(30)
    rt.shutdown(grace=2)
    rt.db.close()
    yield backup
    rt.db = rt.db.open_dir(data_dir) if (data_dir / DB_FILENAME).exists() else rt.db


def test_a_backup_asked_for_is_put_back_at_the_next_start_and_the_replaced_kept(
    backed_up, data_dir
):
    put_back.ask(data_dir, backed_up)
    assert put_back.asked(data_dir) and _keys(data_dir / DB_FILENAME) == {"BEFORE", "AFTER"}
    outcome = put_back.carry_out(data_dir)
    assert outcome is not None and outcome.ok and outcome.aside is not None
    assert _keys(data_dir / DB_FILENAME) == {"BEFORE"}  # as it was when the backup was taken
    assert _keys(outcome.aside / DB_FILENAME) == {"BEFORE", "AFTER"}  # nothing lost
    assert str(outcome.aside) in outcome.words and "back in place" in outcome.words
    assert not put_back.asked(data_dir)
    assert put_back.carry_out(data_dir) is None  # used once


def test_a_damaged_backup_is_refused_when_asked_and_nothing_is_written(backed_up, data_dir):
    with open(backed_up.path / DB_FILENAME, "r+b") as f:
        f.seek(4096)
        f.write(b"\x00" * 8192)
    with pytest.raises(backups.BackupError, match="damaged"):
        put_back.ask(data_dir, backed_up)
    assert not put_back.asked(data_dir)
    assert _keys(data_dir / DB_FILENAME) == {"BEFORE", "AFTER"}


def test_a_backup_gone_since_it_was_asked_for_is_said_and_changes_nothing(backed_up, data_dir):
    put_back.ask(data_dir, backed_up)
    (backed_up.path / DB_FILENAME).unlink()
    outcome = put_back.carry_out(data_dir)
    assert outcome is not None and not outcome.ok
    assert "could not be found or read" in outcome.words and "as it was" in outcome.words
    assert not put_back.asked(data_dir)  # never blocks the next start
    assert _keys(data_dir / DB_FILENAME) == {"BEFORE", "AFTER"}


def test_a_daloy_still_working_on_the_folder_refuses_it_in_words(backed_up, data_dir):
    put_back.ask(data_dir, backed_up)
    presence = RunnerPresence(data_dir)  # a `daloy runner` on the same folder
    presence.start(None)
    try:
        outcome = put_back.carry_out(data_dir, let_go=0.3)
    finally:
        presence.stop()
    assert outcome is not None and not outcome.ok
    assert "was not put back" in outcome.words and "Daloy is running" in outcome.words
    assert outcome.words.endswith("Nothing was changed.")
    assert outcome.words.count("Nothing was changed.") == 1
    assert not put_back.asked(data_dir)
    assert _keys(data_dir / DB_FILENAME) == {"BEFORE", "AFTER"}


def test_the_desktop_app_carries_it_out_when_it_starts(backed_up, data_dir):
    """The real ``daloy`` process, as the restart after "Put back and restart" starts it. It
    comes up with taking in orders paused: channels read from the backup's older place would
    hand in again the orders that came since."""
    put_back.ask(data_dir, backed_up)
    done = run_daloy(data_dir)
    assert done.returncode == 0, done.stderr
    assert _keys(data_dir / DB_FILENAME) == {"BEFORE"}
    kept = [b for b in backups.listed(data_dir / "backups") if b.kind == "replaced"]
    assert len(kept) == 1 and _keys(kept[0].path / DB_FILENAME) == {"BEFORE", "AFTER"}
    assert not put_back.asked(data_dir)
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        paused = conn.execute("select value from settings where key = 'intake_paused'").fetchone()
    finally:
        conn.close()
    assert paused is not None and json.loads(paused[0]) is True


def test_a_workspace_whose_database_is_garbage_is_replaced_and_kept(backed_up, data_dir):
    """The reason to put a backup back may be a database that no longer opens: checking what
    is replaced never stops the restore half-way, and the broken file is kept as it was."""
    put_back.ask(data_dir, backed_up)
    for suffix in ("-wal", "-shm"):
        (data_dir / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
    (data_dir / DB_FILENAME).write_bytes(b"not a database at all " * 512)
    outcome = put_back.carry_out(data_dir)
    assert outcome is not None and outcome.ok, outcome
    assert _keys(data_dir / DB_FILENAME) == {"BEFORE"}
    assert (outcome.aside / DB_FILENAME).read_bytes().startswith(b"not a database")
