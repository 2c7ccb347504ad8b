"""Storage: versions, pinning, migrations, corruption refusal, SQLite settings."""

from __future__ import annotations

import shutil
import threading

import pytest
from sqlalchemy import text

from app.core.model import Workflow
from app.steps import registry
from app.store import migrate, workflows
from app.store.db import Database, DatabaseCorrupt
from app.store.runs import RunStore

WF = {
    "format_version": 1,
    "name": "orders",
    "business_key": "{{ trigger.order.number }}",
    "steps": [{"name": "a", "type": "transform", "config": {"values": {"x": 1}}}],
}


def test_saving_creates_versions_with_a_summary(tmp_path, open_db):
    db = open_db(tmp_path)
    wf = Workflow.from_dict(WF)
    with db.write() as s:
        assert workflows.save(s, wf, who="ana").number == 1
        assert workflows.save(s, wf, who="ana").created is False  # unchanged: no new version
        wf.steps.append(
            Workflow.from_dict(
                {**WF, "steps": [{"name": "b", "type": "transform", "config": {"values": {}}}]}
            ).steps[0]
        )
        assert workflows.save(s, wf, who="ben").number == 2
    with db.read() as s:
        vs = workflows.versions(s, "orders")
        assert [(v.number, v.created_by) for v in vs] == [(2, "ben"), (1, "ana")]
        assert vs[0].summary == "Added “B”."  # steps by their label, in words
    with db.write() as s:
        assert workflows.restore(s, "orders", 1).number == 3
    with db.read() as s:
        assert len(workflows.load(s, "orders")[2].steps) == 1


def test_business_key_is_stored_and_searchable(tmp_path, open_db):
    from sqlalchemy import inspect

    from app.store.queries import list_runs

    db = open_db(tmp_path)
    with db.write() as s:
        workflows.save(s, Workflow.from_dict(WF))
    store = RunStore(db, registry().specs)
    store.start_run("orders", {"order": {"number": "1042"}})
    store.start_run("orders", {"order": {"number": "2001"}})
    with db.read() as s:
        assert [r.business_key for r in list_runs(s, business_key="1042")] == ["1042"]
    assert "ix_runs_business_key" in {i["name"] for i in inspect(db.engine).get_indexes("runs")}


def test_drafts_cannot_be_switched_on_and_archiving_waits_for_runs(tmp_path, open_db):
    from app.core.errors import DaloyError

    db = open_db(tmp_path)
    with db.write() as s:
        workflows.save(s, Workflow.from_dict(WF), has_errors=True)
    with pytest.raises(DaloyError, match="draft"), db.write() as s:
        workflows.set_enabled(s, "orders", True)
    with db.write() as s:
        workflows.save(s, Workflow.from_dict(WF))
        workflows.set_enabled(s, "orders", True)
    RunStore(db, registry().specs).start_run("orders", {})
    with pytest.raises(DaloyError, match="in progress"), db.write() as s:
        workflows.set_archived(s, "orders", True)


def test_sqlite_settings_are_in_effect(tmp_path):
    db = Database.open_dir(tmp_path)
    with db.engine.connect() as c:
        assert c.exec_driver_sql("pragma journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("pragma synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("pragma foreign_keys").scalar() == 1


def test_concurrent_writers_never_see_database_is_locked(tmp_path, open_db):
    db = open_db(tmp_path)
    with db.write() as s:
        s.execute(text("create table counter (n integer)"))
        s.execute(text("insert into counter values (0)"))
    errors = []

    def writer():
        try:
            for _ in range(100):
                with db.write() as s:
                    n = s.execute(text("select n from counter")).scalar()
                    s.execute(text("update counter set n = :n"), {"n": n + 1})
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert db.execute_sql("select n from counter") == [(400,)]  # no lost update either


def test_an_older_database_is_migrated_on_open(tmp_path, open_db):
    db = open_db(tmp_path, migrate=False)
    migrate.upgrade(db, "0001")
    assert migrate.current(db) == "0001"
    db.close()
    db = open_db(tmp_path)
    assert migrate.current(db) == migrate.head(db)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_corrupt_database_is_refused_and_left_untouched(tmp_path, damage):
    db = Database.open_dir(tmp_path)
    with db.write() as s:
        workflows.save(s, Workflow.from_dict(WF))
    db.engine.dispose()
    path = tmp_path / "daloy.sqlite3"
    for extra in ("-wal", "-shm"):
        (tmp_path / ("daloy.sqlite3" + extra)).unlink(missing_ok=True)
    raw = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 200)
    else:
        path.write_bytes(raw[:100] + b"\0" * 50 + raw[150 : len(raw) // 2])
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="left untouched"):
        Database.open_dir(tmp_path)
    assert path.read_bytes() == before
    shutil.rmtree(tmp_path)
