"""After a backup is put back (or restored as a new workspace), nothing an order did is done twice
(``app.store.restored``): an order that waited before its confirmation email when the backup was
taken, and got it since in the live workspace, is held in the restored workspace — a runtime
started there does not send the email again until the operator releases the hold (which sends
it, once more, on purpose) or counts the steps done since as done (which sends nothing). Real
SQLite files, the real runtime, a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import sqlite3

import pytest

from app.cli import main
from app.core import machine as m
from app.runtime import put_back
from app.store import (
    backups,
    connections,
    holds,
    intake,
    queries,
    restored,
    restored_choice,
    restored_holds,
    workflows,
)
from app.store.db import DB_FILENAME
from app.store.intake import ingest
from app.store.models import StepRun
from tests.support.engine import charge_workflow, run_status, runtime, save, wait_for

pytestmark = pytest.mark.sqlite_only("puts the data folder's SQLite file back")

WF = {
    "name": "orders",
    "business_key": "{{ trigger.order.number }}",
    "order_total": "{{ steps.check_stock.output.total }}",
    "steps": [
        {
            "name": "check_stock",
            "title": "Check stock",
            "type": "transform",
            "config": {"values": {"ok": True, "total": 1234.5}},
        },
        {
            "name": "send_confirmation",
            "title": "Send confirmation",
            "type": "send_email",
            "config": {
                "connection": "mail",
                "to": "{{ trigger.order.email }}",
                "subject": "Order {{ trigger.order.number }}",
                "text": "Thank you for order {{ trigger.order.number }}",
            },
            # a mail server that says "try later" is retried in an hour: the order waits
            "retry": {"initial_delay": 3600, "max_delay": 3600, "max_attempts": 3},
        },
        {
            "name": "notify_warehouse",
            "title": "Notify warehouse",
            "type": "transform",
            "config": {"values": {"sent_to": "warehouse"}},
        },
    ],
    "edges": [
        {"from": "check_stock", "to": "send_confirmation"},
        {"from": "send_confirmation", "to": "notify_warehouse"},
    ],
}


def _step(db, run_id: str, name: str) -> StepRun:
    with db.read() as s:
        return s.query(StepRun).filter_by(run_id=run_id, name=name).one()


def _shop(db, smtp_sink) -> None:
    with db.write() as s:
        connections.save(
            s,
            "mail",
            "smtp",
            {"host": "127.0.0.1", "port": smtp_sink.port, "security": "plain", "username": "shop"},
            {"password": smtp_sink.password},
        )
    save(db, WF)


@pytest.fixture
def backed_up(rt, data_dir, smtp_sink):
    """Order 5001 waiting, due, before its confirmation email in the backup (taken while Daloy
    was stopped: nothing had picked the order up yet); sent and finished since in the live
    workspace by a runtime still running there, as the desktop app would be."""
    _shop(rt.db, smtp_sink)
    rt.shutdown(grace=2)
    run_id = rt.store.start_run("orders", {"order": {"number": "5001", "email": "a@b.example"}})
    assert _step(rt.db, run_id, "check_stock").state == m.READY
    backup = backups.take(data_dir, "manual")
    rt.db.close()
    live = runtime(data_dir)
    live.start()
    wait_for(lambda: run_status(live.db, run_id) == m.RUN_SUCCEEDED)
    assert len(smtp_sink.wait_for(1)) == 1
    yield backup, run_id, live


def _held_in(rt, run_id: str) -> tuple[holds.HoldRule, StepRun]:
    step = _step(rt.db, run_id, "check_stock")
    assert step.state == m.RETRY_WAIT and (step.waiting_on or "").startswith(holds.PREFIX)
    with rt.db.read() as s:
        [(rule, n)] = holds.listed(s)
    assert (
        n == 1
        and rule.kind == restored_holds.KIND
        and f"{holds.PREFIX}{rule.id}" == step.waiting_on
    )
    return rule, step


def _shut(rt) -> None:
    rt.shutdown(grace=2)
    rt.db.close()


def test_put_back_holds_the_order_and_release_sends_the_email_once_more(
    rt, data_dir, smtp_sink, backed_up
):
    backup, run_id, live = backed_up
    _shut(live)
    put_back.ask(data_dir, backup)
    outcome = put_back.carry_out(data_dir)
    assert outcome is not None and outcome.ok and outcome.held == 1
    assert "1 order was in progress in the backup. It is held" in outcome.words
    again = runtime(data_dir)
    again.start()
    try:
        assert again.wait_idle(30)
        rule, step = _held_in(again, run_id)
        # nothing was sent again: the runtime started, looked for work and found none due
        assert len(smtp_sink.received) == 1
        assert rule.describe().startswith("every order that was in progress when the backup of ")
        assert "was put back — check each one, then release" in rule.describe()
        assert "In the workspace that was replaced, this order had gone on to: " in step.error
        assert "Send confirmation (" in step.error and "Notify warehouse (" in step.error
        assert step.error.index("Send confirmation") < step.error.index("Notify warehouse")
        assert "Releasing runs those again" in step.error
        assert intake.is_paused(again.db)
        trail = again.db.execute_sql("select action, who from audit where action like 'hold%'")
        assert ("hold_added", rule.created_by) in [tuple(r) for r in trail]
        assert again.actions.release_hold(rule.id, who="ana") == 1
        wait_for(lambda: run_status(again.db, run_id) == m.RUN_SUCCEEDED)
        sent = smtp_sink.wait_for(2)
        assert len(sent) == 2  # released on purpose: sent once more, with the same Message-ID
        assert sent[0].message["Message-ID"] == sent[1].message["Message-ID"]
    finally:
        _shut(again)


def test_put_back_from_the_command_line_then_count_as_done_sends_nothing(
    rt, data_dir, smtp_sink, backed_up, capsys
):
    backup, run_id, live = backed_up
    _shut(live)
    assert (
        main(["--data-dir", str(data_dir), "backup", "restore", backup.name, "--replace", "--yes"])
        == 0
    )
    said = capsys.readouterr().out
    assert "with taking in orders paused" in said and "1 order was in progress" in said
    again = runtime(data_dir)
    again.start()
    try:
        assert again.wait_idle(30)
        _held_in(again, run_id)
        assert len(smtp_sink.received) == 1
        with again.db.read() as s:
            done = restored_choice.gone_on(s, run_id)
        assert [d["step"] for d in done] == ["check_stock", "send_confirmation", "notify_warehouse"]
        cli = ["--data-dir", str(data_dir), "backup", "count-as-done", run_id]
        assert main(cli) == 0
        said = capsys.readouterr().out
        assert "counted as done, not run again: Check stock, Send confirmation, Notify " in said
        wait_for(lambda: run_status(again.db, run_id) == m.RUN_SUCCEEDED)
        assert again.wait_idle(30)
        assert len(smtp_sink.received) == 1  # counted as done: not sent again
        # the results recorded in the replaced workspace are the order's results here
        assert _step(again.db, run_id, "notify_warehouse").output == {"sent_to": "warehouse"}
        with again.db.read() as s:  # and the order's total its counted step makes
            assert queries.run_facts(s, run_id)[1] == 1234.5
        notes = again.db.execute_sql(
            f"select after from audit where action = 'skip' and run_id = '{run_id}'"
        )
        assert len(notes) == 3 and all("counted as done" in str(n[0]) for n in notes)
        with again.db.read() as s:
            assert holds.listed(s)[0][1] == 0  # the group holds no order any more
    finally:
        _shut(again)


def test_a_backup_restored_as_a_new_workspace_holds_its_orders_and_pauses_intake(
    rt, data_dir, smtp_sink, backed_up, tmp_path
):
    """Restored from the Backups page while the app runs on the live workspace: the copy's
    order says what it has done since in the live workspace, and opening the copy sends
    nothing."""
    backup, run_id, live = backed_up
    copy_dir = tmp_path / "copy"
    done = restored.copy(backup, copy_dir, later=data_dir)
    assert done.held == 1 and done.gone_on == 1 and done.path == copy_dir
    _shut(live)
    there = runtime(copy_dir)
    there.start()
    try:
        assert there.wait_idle(30)
        rule, step = _held_in(there, run_id)
        assert "restored as this workspace" in rule.describe()
        assert "In the workspace this backup came from, this order has gone on to: " in step.error
        assert intake.is_paused(there.db)
        assert len(smtp_sink.received) == 1
        restored_choice.count_as_done(there.store, run_id)
        wait_for(lambda: run_status(there.db, run_id) == m.RUN_SUCCEEDED)
        assert len(smtp_sink.received) == 1
    finally:
        _shut(there)


def test_a_new_order_is_never_held_by_a_put_back_hold(rt, data_dir, smtp_sink, backed_up):
    backup, run_id, live = backed_up
    _shut(live)
    restored.put_back(backup, data_dir)
    again = runtime(data_dir)
    again.start()
    try:
        new = again.store.start_run("orders", {"order": {"number": "5002", "email": "c@d.example"}})
        wait_for(lambda: run_status(again.db, new) == m.RUN_SUCCEEDED)
        assert len(smtp_sink.wait_for(2)) == 2  # the new order's email, not 5001's
        assert smtp_sink.received[1].message["Subject"] == "Order 5002"
        assert _step(again.db, run_id, "check_stock").state == m.RETRY_WAIT
    finally:
        _shut(again)


def test_a_hold_that_cannot_be_made_leaves_the_workspace_as_it_was(
    rt, data_dir, smtp_sink, backed_up
):
    """The backup's database is one this Daloy cannot hold orders in (a table gone): the
    put-back is undone and says so; the live workspace is back in place, nothing lost."""
    backup, _run_id, live = backed_up
    _shut(live)
    conn = sqlite3.connect(backup.path / DB_FILENAME)
    conn.execute("drop table holds")
    conn.commit()
    conn.close()
    with pytest.raises(backups.BackupError, match="could not be held") as err:
        restored.put_back(backup, data_dir)
    assert "Nothing was changed." in str(err.value)
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        assert conn.execute("select status from runs").fetchall() == [("succeeded",)]
    finally:
        conn.close()
    assert not [b for b in backups.listed(data_dir / "backups") if b.kind == "replaced"]


def test_a_charge_running_when_the_backup_was_taken_is_looked_up_not_charged_again(
    rt, data_dir, payment_gateway
):
    """The backup caught the charge step mid-attempt (the gateway had booked it and not yet
    answered). Put back, the step is held with its outcome unknown; released, Daloy looks the
    charge up and finds it — even at a gateway that ignores the idempotency key, no second
    charge."""
    payment_gateway.honour_keys = False  # a repeated POST would charge twice
    payment_gateway.fail_next(1, "charge_then_hang")
    save(rt.db, charge_workflow(payment_gateway.url, timeout=1.0))
    run_id = rt.store.start_run(
        "charge", {"order": {"number": "6001", "amount": 120, "customer": "Aling Nena"}}
    )
    key = f"daloy-{run_id}-charge"
    wait_for(lambda: payment_gateway.charge_count(key) == 1)  # booked, not answered yet
    backup = backups.take(data_dir, "manual")
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_SUCCEEDED)  # looked up, found
    _shut(rt)
    in_backup = sqlite3.connect(backup.path / DB_FILENAME)
    try:
        [(state,)] = in_backup.execute(
            "select state from step_runs where run_id = ? and name = 'charge'", (run_id,)
        )
    finally:
        in_backup.close()
    restored.put_back(backup, data_dir)
    again = runtime(data_dir)
    again.start()
    try:
        step = _step(again.db, run_id, "charge")
        assert (step.waiting_on or "").startswith(holds.PREFIX), state
        assert step.needs_reconcile  # its outcome was not known when the backup was taken
        with again.db.read() as s:
            [(rule, _n)] = holds.listed(s)
        again.actions.release_hold(rule.id)
        wait_for(lambda: run_status(again.db, run_id) == m.RUN_SUCCEEDED)
        assert payment_gateway.charge_count(key) == 1
    finally:
        _shut(again)


@pytest.mark.parametrize("first", ["release", "switch on"])
def test_an_order_waiting_for_its_switched_off_workflow_is_held_too(rt, data_dir, smtp_sink, first):
    """The backup has order 5003 waiting for its switched-off workflow; switched on since, the
    live workspace sent its email. Put back, switching the workflow on does not start it while
    the put-back's hold is on, and releasing the hold does not start it while the workflow is
    off: it starts (and sends the email once more, on purpose) only when both are done."""
    _shop(rt.db, smtp_sink)
    with rt.db.write() as s:
        workflows.set_enabled(s, "orders", False, "ana")
    got = ingest(
        rt.store,
        channel="shop/web",
        workflow="orders",
        dedupe_key="5003",
        trigger={"order": {"number": "5003", "email": "e@f.example"}},
        summary="order 5003",
    )
    backup = backups.take(data_dir, "manual")
    with rt.db.write() as s:
        workflows.set_enabled(s, "orders", True, "ana")
    wait_for(lambda: run_status(rt.db, got.run_id) == m.RUN_SUCCEEDED)
    assert len(smtp_sink.wait_for(1)) == 1
    _shut(rt)
    assert restored.put_back(backup, data_dir).held == 1
    again = runtime(data_dir)
    again.start()
    try:
        rule, step = _held_in(again, got.run_id)
        assert "had gone on to: Check stock (" in step.error
        if first == "release":
            assert again.actions.release_hold(rule.id) == 0  # it waits for its workflow
            assert _step(again.db, got.run_id, "check_stock").state == m.PENDING
        with again.db.write() as s:
            started = workflows.set_enabled(s, "orders", True, "ana")
        if first == "switch on":
            assert started == 0  # it waits for the hold
            assert again.wait_idle(30)
            assert _step(again.db, got.run_id, "check_stock").waiting_on == step.waiting_on
            assert run_status(again.db, got.run_id) == m.RUN_WAITING
            assert again.actions.release_hold(rule.id) == 1
        wait_for(lambda: run_status(again.db, got.run_id) == m.RUN_SUCCEEDED)
        assert len(smtp_sink.wait_for(2)) == 2
    finally:
        _shut(again)
