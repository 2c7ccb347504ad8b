"""Backups: consistent while the runtime writes, verified, rotated, failures in the inbox,
restore (new folder, replace with a copy kept), pre-migration backup, the CLI."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.store import backups, migrate
from app.store.db import DB_FILENAME, Database
from tests.support.engine import save, wait_for

WF = {
    "name": "orders",
    "business_key": "{{ trigger.order.number }}",
    "steps": [
        {"name": "a", "type": "transform", "config": {"values": {"x": 1}}},
        {"name": "b", "type": "transform", "config": {"values": {"y": 2}}},
    ],
    "edges": [{"from": "a", "to": "b"}],
}


# The runtime tests below back up the SQLite file; a server is backed up with pg_dump.
SQLITE_FILE = pytest.mark.sqlite_only("backs up the data folder's SQLite file")


def _runs(db_file: Path) -> dict[str, str]:
    conn = sqlite3.connect(db_file)
    try:
        return dict(conn.execute("select id, status from runs"))
    finally:
        conn.close()


@SQLITE_FILE
def test_backup_while_200_runs_execute_restores_every_committed_run(rt, data_dir, tmp_path):
    save(rt.db, WF)
    started: list[str] = []
    taken: list[backups.Backup] = []

    def start_orders() -> None:
        for i in range(200):
            started.append(rt.store.start_run("orders", {"order": {"number": f"N{i}"}}))

    feeder = threading.Thread(target=start_orders)
    feeder.start()
    wait_for(lambda: len(started) >= 60)  # the backup lands in the middle
    committed_before = list(started)  # start_run returned: committed
    taken.append(backups.take(data_dir, "manual"))
    feeder.join()
    assert rt.wait_idle(60)
    backup = taken[0]
    assert backup.ok and backup.kind == "manual"
    restored = backups.restore_new(backup, tmp_path / "restored")
    assert backups.integrity(restored / DB_FILENAME) == "ok"
    runs = _runs(restored / DB_FILENAME)
    assert set(committed_before) <= set(runs) <= set(started)
    assert len(runs) < 200 or len(started) == 200
    conn = sqlite3.connect(restored / DB_FILENAME)  # one moment: each run with its steps
    assert conn.execute(
        "select count(*) from runs r where (select count(*) from step_runs s "
        "where s.run_id = r.id) != 2"
    ).fetchone() == (0,)
    conn.close()
    db = Database.open_dir(restored)  # opens (checks, migrates) as a workspace
    db.close()


def test_two_backups_in_one_second_are_both_there_and_the_later_is_the_newest(data_dir):
    """The rotation keeps the newest of a day; two taken in the same second (a put-back's
    set-aside beside a backup, two quick clicks) tie on their time. The one just taken was at
    times judged the older and removed before ``take`` returned it: never again."""
    Database.open_dir(data_dir).close()
    at = datetime(2026, 12, 2, 9, 30, 15)
    first = backups.take(data_dir, "manual", now=at)
    second = backups.take(data_dir, "manual", now=at)
    assert second.path != first.path and second.path.name.startswith(first.path.name)
    assert (second.path / DB_FILENAME).is_file()  # what take returned is there
    listed = backups.listed(backups.folder_for(data_dir))
    assert listed[0].path == second.path  # the later of the two is the newest


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    folder = tmp_path / "b"
    day = datetime(2024, 12, 31, 2, 0, 0)
    made = []
    for n in range(400):  # a backup a day for 400 days
        at = day - timedelta(days=n)
        path = folder / f"daloy-{at.strftime(backups.STAMP)}-daily"
        path.mkdir(parents=True)
        (path / DB_FILENAME).write_bytes(b"x")
        (path / backups.MANIFEST).write_text(
            f'{{"kind": "daily", "integrity": "ok", "at": "{at.isoformat()}"}}'
        )
        made.append(at)
    pre = (
        folder / f"daloy-{(day - timedelta(days=300, hours=1)).strftime(backups.STAMP)}"
        "-pre-migration"
    )
    pre.mkdir()
    (pre / backups.MANIFEST).write_text('{"kind": "pre-migration", "integrity": "ok"}')
    backups.rotate(folder)
    kept = sorted(b.at for b in backups.listed(folder) if b.kind == "daily")
    expected = set(made[:7])  # the last 7 days
    weeks: dict = {}
    months: dict = {}
    for at in made:  # newest first
        weeks.setdefault(at.isocalendar()[:2], at)
        months.setdefault((at.year, at.month), at)
    expected |= set(list(weeks.values())[:4]) | set(list(months.values())[:12])
    assert set(kept) == expected
    assert pre.exists()  # pre-migration kept
    assert len(kept) == len(expected) < 24


def test_unwritable_destination_raises_an_inbox_entry_in_words(tmp_path):
    data = tmp_path / "data"
    db = Database.open_dir(data)
    blocker = tmp_path / "usb"
    blocker.write_text("a file where the backup folder should be")
    backups.set_folder(db, blocker / "daloy")
    with pytest.raises(backups.BackupError) as caught:
        backups.take_and_record(db, data, "daily")
    assert "is a file, not a folder" in str(caught.value)
    rows = db.execute_sql(
        f"select title, reason, status from inbox_items where source_key = '{backups.FAILED_ALERT}'"
    )
    assert len(rows) == 1 and rows[0][2] == "open"
    assert rows[0][0] == "A backup failed" and "last good backup: never" in rows[0][1]
    assert not any(p.name.startswith(".") for p in data.iterdir() if p.name == "backups")
    backups.set_folder(db, None)  # back to the data folder: it works again
    backups.take_and_record(db, data, "manual")
    assert db.execute_sql(
        f"select status from inbox_items where source_key = '{backups.FAILED_ALERT}'"
    ) == [("resolved",)]
    db.close()


def test_old_last_backup_opens_an_entry(tmp_path):
    db = Database.open_dir(tmp_path / "data")
    assert backups.check_age(db) is True  # never backed up
    assert backups.check_age(db) is False  # one entry, not one per look
    backups.take_and_record(db, tmp_path / "data")
    assert db.execute_sql("select count(*) from inbox_items where status = 'open'") == [(0,)]
    db.close()


def test_backup_carries_attachments_and_no_secret_values(tmp_path, keyring_tmp):
    from app import secrets
    from app.store import connections

    data = tmp_path / "data"
    db = Database.open_dir(data)
    (data / "attachments" / "abc").mkdir(parents=True)
    (data / "attachments" / "abc" / "invoice.pdf").write_bytes(b"%PDF-1.4 invoice")
    with db.write() as s:
        connections.save(s, "shop-mail", "imap", {"host": "mail.example.com"})
    secrets.set_secret("shop-mail", "password", "s3cr3t-Value-42")
    assert secrets.get_secret("shop-mail", "password") == "s3cr3t-Value-42"
    b = backups.take(data, "manual")
    assert (
        b.path / "files" / "attachments" / "abc" / "invoice.pdf"
    ).read_bytes() == b"%PDF-1.4 invoice"
    for f in b.path.rglob("*"):
        if f.is_file():
            assert b"s3cr3t-Value-42" not in f.read_bytes()
    assert b"shop-mail" in (b.path / DB_FILENAME).read_bytes()  # the name travels
    db.close()


@SQLITE_FILE
def test_replace_keeps_a_copy_and_is_refused_while_running(rt, data_dir):
    from app.runtime.presence import RunnerPresence

    save(rt.db, WF)
    b = backups.take(data_dir, "manual")
    run_id = rt.store.start_run("orders", {"order": {"number": "after-backup"}})
    presence = RunnerPresence(data_dir)
    presence.start(rt)
    with pytest.raises(backups.BackupError, match="quit it"):
        backups.restore_replace(b, data_dir)
    presence.stop()
    rt.shutdown(grace=2)
    rt.db.close()
    assert main(["--data-dir", str(data_dir), "backup", "restore", b.name, "--replace"]) == 1
    assert (
        main(["--data-dir", str(data_dir), "backup", "restore", b.name, "--replace", "--yes"]) == 0
    )
    assert run_id not in _runs(data_dir / DB_FILENAME)
    aside = [x for x in backups.listed(data_dir / "backups") if x.kind == "replaced"]
    assert len(aside) == 1 and run_id in _runs(aside[0].path / DB_FILENAME)
    rt.db = Database.open_dir(data_dir)  # the fixture closes this one


def test_pre_migration_backup_only_when_a_migration_is_pending(tmp_path):
    from alembic import command

    data = tmp_path / "data"
    Database.open_dir(data).close()  # a new file: nothing to back up
    assert backups.listed(data / "backups") == []
    Database.open_dir(data).close()  # at head: no migration, no backup
    assert backups.listed(data / "backups") == []
    db = Database(f"sqlite:///{data / DB_FILENAME}", migrate=False)
    cfg = migrate.config(db)
    with db.engine.begin() as conn:  # as the Daloy before the last upgrade
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    db.close()
    Database.open_dir(data).close()  # upgrades: a checked backup first
    pre = backups.listed(data / "backups")
    assert [(b.kind, b.ok) for b in pre] == [("pre-migration", True)]


def test_failing_migration_refuses_and_names_the_backup(tmp_path):
    data = tmp_path / "data"
    Database.open_dir(data).close()
    conn = sqlite3.connect(data / DB_FILENAME)
    conn.execute("update alembic_version set version_num = '0006'")  # says: 0007 not applied
    conn.commit()
    conn.close()
    with pytest.raises(migrate.MigrationFailed) as caught:  # 0007's tables exist
        Database.open_dir(data)
    pre = [b for b in backups.listed(data / "backups") if b.kind == "pre-migration"]
    assert len(pre) == 1 and pre[0].name in str(caught.value)
    assert "--replace" in str(caught.value)
    conn = sqlite3.connect(data / DB_FILENAME)
    assert conn.execute("select version_num from alembic_version").fetchone()[0] == "0006"
    conn.close()


def test_cli_create_list_restore_to_new_folder(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "backup", "create"]) == 0
    assert "integrity check ok" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "backup", "list"]) == 0
    out = capsys.readouterr().out
    name = next(w for w in out.split() if w.startswith("daloy-"))
    target = tmp_path / "copy"
    assert main(["--data-dir", str(data), "backup", "restore", name, "--to", str(target)]) == 0
    assert (target / DB_FILENAME).is_file()
    assert main(["--data-dir", str(data), "backup", "restore", name, "--to", str(target)]) == 1
    assert "not an empty folder" in capsys.readouterr().err
    assert os.path.isdir(data / "backups")


@SQLITE_FILE
def test_daily_job_on_the_runtime_takes_one_backup_a_day(rt, data_dir):
    job = backups.DailyBackups(data_dir, interval=3600, first_after=0)
    rt.add_extension(job)  # the runtime is started: runs at once
    found = wait_for(lambda: backups.listed(data_dir / "backups"))
    assert [b.kind for b in found] == ["daily"] and found[0].ok
    job.run_due()  # a day has not passed: no second one
    assert len(backups.listed(data_dir / "backups")) == 1
    assert backups.last_result(rt.db)["ok"] is True
    job.stop()
