"""Clean-up: old finished orders go to monthly archives and leave the database; open, waiting
and inbox orders stay; archived orders are found by ``daloy runs show`` and the archive search."""

from __future__ import annotations

import json
import time

from app.cli import main
from app.store import retention
from app.store.db import Database
from app.store.models import InboxItem, IntakeItem, Run
from tests.support.engine import save

WF = {
    "name": "orders",
    "business_key": "{{ trigger.order.number }}",
    "steps": [{"name": "a", "type": "transform", "config": {"values": {"x": 1}}}],
}
DAY = 86400.0


def _age(db: Database, run_id: str, days: float, status: str | None = None) -> None:
    with db.write() as s:
        run = s.get(Run, run_id)
        run.created_at = run.finished_at = time.time() - days * DAY
        if status:
            run.status = status


def test_archive_keeps_open_orders_and_finds_archived_ones(rt, data_dir, capsys):
    save(rt.db, WF)
    ids = {
        n: rt.store.start_run("orders", {"order": {"number": n, "customer": "Ana Reyes"}})
        for n in ("OLD-1", "OLD-2", "OPEN", "INBOX", "NEW")
    }
    assert rt.wait_idle(30)
    for n in ("OLD-1", "OLD-2", "OPEN", "INBOX"):
        _age(rt.db, ids[n], 800)
    _age(rt.db, ids["OPEN"], 800, status="waiting")  # not finished: stays
    with rt.db.write() as s:  # an inbox question: stays
        s.add(
            InboxItem(
                kind="decision",
                status="open",
                title="Substitute?",
                reason="?",
                run_id=ids["INBOX"],
                created_at=time.time(),
            )
        )
        item = IntakeItem(
            channel="orders/mail",
            dedupe_key="msg-1",
            status="started",
            raw=b"From: ana@example.com\r\n\r\nOLD-1 please",
            run_id=ids["OLD-1"],
            received_at=time.time(),
        )
        s.add(item)
        s.flush()
        s.get(Run, ids["OLD-1"]).intake_item_id = item.id
    result = retention.clean_up(rt.db, data_dir)
    assert result.archived == 2
    left = {r[0] for r in rt.db.execute_sql("select business_key from runs")}
    assert left == {"OPEN", "INBOX", "NEW"}
    assert rt.db.execute_sql(
        f"select count(*) from step_runs where run_id in ('{ids['OLD-1']}', '{ids['OLD-2']}')"
    ) == [(0,)]
    # the intake row keeps its dedupe key (the order cannot come in again), not its bytes
    assert rt.db.execute_sql("select dedupe_key, raw from intake_items") == [("msg-1", None)]
    files = list((data_dir / "archives").glob("*.jsonl.gz"))
    assert (
        len(files) == 1
        and files[0].name == f"{retention.month_of(time.time() - 800 * DAY)}.jsonl.gz"
    )
    found = retention.find_archived(data_dir, ids["OLD-1"])
    assert found["business_key"] == "OLD-1" and found["steps"][0]["state"] == "succeeded"
    assert found["intake"]["raw_base64"]
    assert [d["business_key"] for d in retention.search_archived(data_dir, "old-2")] == ["OLD-2"]
    assert retention.clean_up(rt.db, data_dir).archived == 0  # nothing left to archive
    rt.shutdown(grace=2)
    rt.db.close()
    assert main(["--data-dir", str(data_dir), "runs", "show", ids["OLD-2"], "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["business_key"] == "OLD-2"
    rt.db = Database.open_dir(data_dir)


def test_retention_setting_and_cli_cleanup_with_compact(tmp_path, capsys):
    data = tmp_path / "data"
    db = Database.open_dir(data)
    save(db, WF)
    from app.steps import registry
    from app.store.runs import RunStore

    store = RunStore(db, registry().specs)
    run_id = store.start_run("orders", {"order": {"number": "A"}})
    _age(db, run_id, 40, status="succeeded")
    with db.read() as s:
        assert retention.keep_days(s) == retention.DEFAULT_DAYS
    db.close()
    assert main(["--data-dir", str(data), "cleanup", "--keep-days", "30", "--compact"]) == 0
    out = capsys.readouterr().out
    assert "Archived 1 finished order older than 30 days" in out and "Compacted" in out
    db = Database.open_dir(data)
    with db.read() as s:
        assert retention.keep_days(s) == 30
    assert db.execute_sql("PRAGMA auto_vacuum") == [(2,)]  # incremental from now on
    assert db.execute_sql("select count(*) from runs") == [(0,)]
    db.close()


def test_cleanup_compact_on_postgresql_says_the_server_reclaims_space(tmp_path, pg_url, capsys):
    """``--compact`` rewrites an SQLite file; on a server it is a sentence, not a crash."""
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "--database-url", pg_url]
    assert main([*args, "cleanup", "--keep-days", "30", "--compact"]) == 0
    out = capsys.readouterr().out
    assert "Archived 0 finished orders older than 30 days" in out
    assert "gives freed space back by itself" in out and "Compacted" not in out
