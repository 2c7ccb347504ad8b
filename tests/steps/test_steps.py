"""Each step type against real servers and real files, through the real runtime."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from app.core import machine as m
from app.core.errors import RetryableError
from app.docs import render
from app.resources import resource_path
from app.steps.send_email import message_id
from app.store import connections, inbox
from tests.support.engine import run_status, runtime, save, step_state, stored, wait_for


def one_step(rt, type_, config, retry=None, name="w"):
    step = {"name": "s", "type": type_, "config": config}
    if retry:
        step["retry"] = retry
    save(rt.db, {"name": name, "steps": [step]})


def finish(rt, run_id, status=m.RUN_SUCCEEDED, timeout=20):
    wait_for(lambda: run_status(rt.db, run_id) == status, timeout)
    return stored(
        rt.db.execute_sql(f"select output from step_runs where run_id='{run_id}' and name='s'")[0][
            0
        ]
        or "null"
    )


# -- send_email ---------------------------------------------------------------------------------
@pytest.fixture
def mail(rt, smtp_sink):
    with rt.db.write() as s:
        connections.save(
            s,
            "mail",
            "smtp",
            {"host": "127.0.0.1", "port": smtp_sink.port, "security": "plain", "username": "shop"},
            {"password": smtp_sink.password},
        )
    one_step(
        rt,
        "send_email",
        {
            "connection": "mail",
            "to": "{{ trigger.to }}",
            "subject": "Order {{ trigger.n }}",
            "text": "Hello {{ trigger.n }}",
            "html": "<p>Hello</p>",
            "attachments": [{"filename": "order.csv", "content": "sku,qty\nA,1"}],
        },
        retry={"initial_delay": 0.05, "max_delay": 0.1, "max_attempts": 3},
    )
    return smtp_sink


def test_send_email_with_html_and_attachment(rt, mail):
    run_id = rt.store.start_run("w", {"to": "a@b.example", "n": 7})
    out = finish(rt, run_id)
    msg = mail.wait_for(1)[0].message
    assert msg["Subject"] == "Order 7" and out["message_id"] == msg["Message-ID"]
    assert msg["Message-ID"] == message_id(f"daloy-{run_id}-s")
    assert [p.get_filename() for p in msg.iter_attachments()] == ["order.csv"]


def test_send_email_retries_a_deferred_send_with_the_same_message_id(rt, mail):
    # A connection dropped after DATA is not retried blindly: see tests/steps/test_once.py.
    mail.next("later")
    run_id = rt.store.start_run("w", {"to": "a@b.example", "n": 8})
    finish(rt, run_id)
    assert step_state(rt.db, run_id, "s") == (m.SUCCEEDED, 2)
    assert mail.wait_for(1)[0].message["Message-ID"] == message_id(f"daloy-{run_id}-s")


def test_send_email_rejected_for_good_goes_to_the_inbox(rt, mail):
    mail.next("reject")
    run_id = rt.store.start_run("w", {"to": "a@b.example", "n": 9})
    finish(rt, run_id, m.RUN_NEEDS_ATTENTION)
    assert "rejected the message (550" in rt.db.execute_sql("select reason from inbox_items")[0][0]


def test_missing_secret_says_which_connection(rt, smtp_sink):
    with rt.db.write() as s:
        connections.save(
            s,
            "nopass",
            "smtp",
            {"host": "127.0.0.1", "port": smtp_sink.port, "security": "plain", "username": "shop"},
        )
    one_step(rt, "send_email", {"connection": "nopass", "to": "a@b", "subject": "x", "text": "y"})
    run_id = rt.store.start_run("w", {})
    finish(rt, run_id, m.RUN_NEEDS_ATTENTION)
    assert (
        "Connection “nopass” has no password saved"
        in rt.db.execute_sql("select reason from inbox_items")[0][0]
    )


# -- spreadsheets -----------------------------------------------------------------------------
@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "inventory.xlsx"
    path.write_bytes(resource_path("samples", "inventory.xlsx").read_bytes())
    return path


def cell(path, sku, col=2):
    return next(
        r[col]
        for r in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True)
        if r[0] == sku
    )


def test_spreadsheet_lookup_finds_rows_and_short_lines(rt, sheet):
    one_step(
        rt,
        "spreadsheet_lookup",
        {
            "file": str(sheet),
            "key_column": "sku",
            "items": "{{ trigger.lines }}",
            "available_column": "Stock",
        },
    )
    out = finish(
        rt,
        rt.store.start_run(
            "w",
            {
                "lines": [
                    {"sku": "RICE-25", "qty": 1},
                    {"sku": "COFFEE-3IN1", "qty": 9},
                    {"sku": "NOPE", "qty": 1},
                ]
            },
        ),
    )
    assert out["rows"]["RICE-25"]["Item"] == "Rice, 25 kg sack"
    assert [s["key"] for s in out["short"]] == ["COFFEE-3IN1", "NOPE"] and out["missing"] == [
        "NOPE"
    ]


def test_spreadsheet_update_applies_once_even_when_retried(rt, sheet):
    one_step(
        rt,
        "spreadsheet_update",
        {
            "file": str(sheet),
            "key_column": "SKU",
            "column": "Stock",
            "items": "{{ trigger.lines }}",
        },
    )
    run_id = rt.store.start_run("w", {"lines": [{"sku": "RICE-25", "qty": 3}]})
    finish(rt, run_id)
    assert cell(sheet, "RICE-25") == 37
    rt.actions.restart(run_id, "s")  # the same step again, same idempotency key
    out = finish(rt, run_id)
    assert out["already_applied"] is True and cell(sheet, "RICE-25") == 37
    assert openpyxl.load_workbook(sheet)["_daloy_applied"].sheet_state == "hidden"


def test_spreadsheet_update_csv(rt, tmp_path):
    path = tmp_path / "stock.csv"
    path.write_text("sku,stock\nA,10\nB,5\n")
    one_step(
        rt,
        "spreadsheet_update",
        {
            "file": str(path),
            "key_column": "sku",
            "column": "stock",
            "items": "{{ trigger.lines }}",
            "mode": "set",
        },
    )
    finish(rt, rt.store.start_run("w", {"lines": [{"sku": "B", "qty": 42}]}))
    assert list(csv.reader(io.StringIO(path.read_text()))) == [
        ["sku", "stock"],
        ["A", "10"],
        ["B", "42"],
    ]


def test_a_sheet_open_in_excel_is_retried_with_a_request_to_close_it(rt, sheet):
    lock = sheet.with_name(f"~${sheet.name}")
    lock.write_text("excel")
    one_step(
        rt,
        "spreadsheet_update",
        {
            "file": str(sheet),
            "key_column": "SKU",
            "column": "Stock",
            "items": "{{ trigger.lines }}",
        },
        retry={"initial_delay": 0.3, "max_delay": 0.3},
    )
    run_id = rt.store.start_run("w", {"lines": [{"sku": "OIL-1L", "qty": 1}]})
    wait_for(lambda: step_state(rt.db, run_id, "s")[0] == m.RETRY_WAIT)
    assert "Close it there" in rt.db.execute_sql("select error from step_runs")[0][0]
    lock.unlink()
    finish(rt, run_id)
    assert cell(sheet, "OIL-1L") == 119


def take_rice(sheet: Path, key: str = "k") -> dict:
    from app.connectors import sheet_files

    def change(table):
        table.set(table.find("SKU", "RICE-25"), 2, 0)
        return {"changed": []}

    return sheet_files.apply_once(str(sheet), None, key, change)


def test_a_crash_during_the_write_leaves_the_sheet_whole(sheet, monkeypatch):
    from app.connectors import sheets

    before = sheet.read_bytes()

    def crash(*a):
        raise OSError("power cut")

    with monkeypatch.context() as mp:
        mp.setattr(sheets.os, "replace", crash)
        with pytest.raises(RetryableError, match="could not be saved .*power cut"):
            take_rice(sheet)
    assert sheet.read_bytes() == before
    assert [p.name for p in sheet.parent.iterdir() if p.name.endswith(".tmp")] == []
    # the kept copy with the unsaved change was forgotten: the retry applies it, once
    assert take_rice(sheet) == {"changed": []} and cell(sheet, "RICE-25") == 0


def test_permission_error_is_retryable(sheet, monkeypatch):
    from app.connectors import sheets

    def denied(*a):
        raise PermissionError(13, "denied")

    monkeypatch.setattr(sheets.os, "replace", denied)
    with pytest.raises(RetryableError, match="open in Excel"):
        take_rice(sheet)


# -- wait, for_each, sub_workflow ----------------------------------------------------------------
def test_wait_survives_a_restart(data_dir, keyring_tmp):
    rt1 = runtime(data_dir)
    rt1.start()
    one_step(rt1, "wait", {"seconds": 1.5})
    run_id = rt1.store.start_run("w", {})
    wait_for(lambda: step_state(rt1.db, run_id, "s")[0] == m.RETRY_WAIT)
    rt1.shutdown(grace=1)
    rt2 = runtime(data_dir, poll_interval=30)
    rt2.start()
    try:
        started = time.time()
        out = finish(rt2, run_id, timeout=10)
        assert "waited_until" in out and time.time() - started < 3
        assert step_state(rt2.db, run_id, "s") == (m.SUCCEEDED, 1)  # a resume is no attempt
    finally:
        rt2.shutdown(grace=1)


def test_for_each_holds_only_the_failing_item(rt):
    save(
        rt.db,
        {
            "name": "line",
            "steps": [
                {
                    "name": "check",
                    "type": "condition",
                    "config": {"expression": "{{ trigger.item.ok }}"},
                },
                {
                    "name": "price",
                    "type": "transform",
                    "config": {"values": {"sku": "{{ trigger.item.sku }}"}},
                },
            ],
            "edges": [{"from": "check", "port": "true", "to": "price"}],
        },
    )
    one_step(rt, "for_each", {"items": "{{ trigger.lines }}", "workflow": "line", "parallel": 2})
    lines = [{"sku": "A", "ok": True}, {"sku": "B", "ok": "maybe"}, {"sku": "C", "ok": True}]
    parent = rt.store.start_run("w", {"lines": lines})
    wait_for(
        lambda: (
            rt.db.execute_sql(
                "select count(*) from runs where parent_run_id is not null "
                "and status in ('succeeded', 'needs_attention')"
            )[0][0]
            == 3
        )
    )
    children = {
        stored(trigger)["item"]["sku"]: status
        for trigger, status in rt.db.execute_sql(
            "select trigger, status from runs where parent_run_id is not null"
        )
    }
    assert children == {"A": "succeeded", "B": "needs_attention", "C": "succeeded"}
    wait_for(lambda: run_status(rt.db, parent) == m.RUN_WAITING)  # held by item B only
    failed = rt.db.execute_sql("select run_id from inbox_items where status='open'")[0][0]
    rt.actions.skip(failed, "check", output={"result": True}, port="true")
    out = finish(rt, parent)
    assert [r["price"]["sku"] for r in out["results"]] == ["A", "B", "C"]


def test_sub_workflow_returns_the_other_runs_outputs(rt):
    save(
        rt.db,
        {
            "name": "other",
            "steps": [
                {
                    "name": "x",
                    "type": "transform",
                    "config": {"values": {"twice": "{{ trigger.n * 2 }}"}},
                }
            ],
        },
    )
    one_step(rt, "sub_workflow", {"workflow": "other", "input": {"n": "{{ trigger.n }}"}})
    out = finish(rt, rt.store.start_run("w", {"n": 21}))
    assert out["result"]["x"] == {"twice": 42}


# -- notify, sql_query, ask_person -----------------------------------------------------------------
def test_notify_retries_until_the_chat_answers(rt, webhook_sink):
    webhook_sink.fail_next(1, 503)
    one_step(
        rt,
        "notify",
        {"webhook_url": f"{webhook_sink.url}/hook", "message": "Pack {{ trigger.n }}"},
        retry={"initial_delay": 0.05},
    )
    finish(rt, rt.store.start_run("w", {"n": "1042"}))
    assert webhook_sink.received[0]["json"] == {"text": "Pack 1042"}


def test_sql_query_binds_values_never_pastes_them(rt, tmp_path):
    dbfile = tmp_path / "pos.sqlite"
    with sqlite3.connect(dbfile) as c:
        c.execute("create table notes (text text)")
    with rt.db.write() as s:
        connections.save(s, "pos", "database", {"url": f"sqlite:///{dbfile}"})
    one_step(
        rt,
        "sql_query",
        {
            "connection": "pos",
            "statement": "insert into notes values (:t)",
            "parameters": {"t": "{{ trigger.note }}"},
        },
    )
    evil = "x'); drop table notes; --"
    finish(rt, rt.store.start_run("w", {"note": evil}))
    with sqlite3.connect(dbfile) as c:
        assert c.execute("select text from notes").fetchall() == [(evil,)]


def test_ask_person_deadline_raises_a_reminder_then_an_escalation(rt):
    one_step(
        rt,
        "ask_person",
        {
            "question": "Substitute?",
            "options": [{"name": "yes"}, {"name": "no"}],
            "deadline_minutes": 1,
        },
    )
    run_id = rt.store.start_run("w", {})
    finish(rt, run_id, m.RUN_NEEDS_ATTENTION)
    with rt.db.write() as s:
        assert inbox.remind_overdue_decisions(s, time.time() + 30) == []
        assert len(inbox.remind_overdue_decisions(s, time.time() + 61)) == 1
        assert len(inbox.remind_overdue_decisions(s, time.time() + 62)) == 0
        assert len(inbox.remind_overdue_decisions(s, time.time() + 125)) == 1
    titles = [t for (t,) in rt.db.execute_sql("select title from inbox_items where kind='system'")]
    assert titles[0].startswith("Overdue decision") and titles[1].startswith("Escalation")
    rt.actions.choose(run_id, "s", "yes")
    assert finish(rt, run_id)["choice"] == "yes"
    # answered, the decision's reminder and escalation are closed with it
    left = rt.db.execute_sql("select status from inbox_items where kind='system'")
    assert [st for (st,) in left] == ["resolved", "resolved"]


# -- reference, secrets, connection CLI -------------------------------------------------------------
def test_the_step_reference_is_current():
    assert resource_path("docs", "steps.md").read_text(encoding="utf-8") == render(), (
        "run: python -m app.docs"
    )


def test_plaintext_keyring_is_refused_unless_allowed(keyring_tmp, monkeypatch):
    from app import secrets

    ok, message = secrets.check_backend()
    assert ok and "for a test machine only" in message  # allowed, and said so
    monkeypatch.delenv("DALOY_ALLOW_INSECURE_KEYRING")
    ok, message = secrets.check_backend()
    assert not ok and "plain file" in message
    with pytest.raises(secrets.KeyringUnavailable):
        secrets.set_secret("c", "password", "x")


def test_connection_cli_reads_secrets_from_stdin_never_argv(data_dir, keyring_tmp, smtp_sink):
    import subprocess

    base = [sys.executable, "-m", "app", "--data-dir", str(data_dir), "connection"]
    repo = Path(__file__).resolve().parents[2]
    env = {**__import__("os").environ}
    p = subprocess.run(
        base
        + [
            "add",
            "mail",
            "--kind",
            "smtp",
            "--set",
            "host=127.0.0.1",
            "--set",
            f"port={smtp_sink.port}",
            "--set",
            "security=none",
            "--set",
            "username=shop",
            "--secret-stdin",
            "password",
        ],
        input=smtp_sink.password + "\n",
        capture_output=True,
        text=True,
        cwd=repo,
        env=env,
    )
    assert p.returncode == 0, p.stderr
    p = subprocess.run(base + ["list", "--json"], capture_output=True, text=True, cwd=repo, env=env)
    listed = json.loads(p.stdout)
    assert listed[0]["secrets"] == {"password": True} and smtp_sink.password not in p.stdout
    p = subprocess.run(base + ["test", "mail"], capture_output=True, text=True, cwd=repo, env=env)
    assert p.returncode == 0 and "signed in" in p.stdout, p.stderr
    p = subprocess.run(base + ["remove", "mail"], capture_output=True, text=True, cwd=repo, env=env)
    assert p.returncode == 0


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_send_email_over_tls_checks_the_certificate(rt, tmp_path, security):
    from app.connectors.probes import probe
    from app.store.connections import ConnectionProvider
    from tests.support.smtp import SmtpSink

    sink = SmtpSink(
        user="shop", password="pw", tls_folder=tmp_path, implicit_tls=security == "ssl"
    ).start()
    try:
        settings = {
            "host": "127.0.0.1",
            "port": sink.port,
            "security": security,
            "username": "shop",
        }
        with rt.db.write() as s:
            connections.save(
                s,
                "tls-trusted",
                "smtp",
                {**settings, "ca_file": str(sink.cert_file)},
                {"password": "pw"},
            )
            connections.save(s, "tls-unknown", "smtp", settings, {"password": "pw"})
        assert "signed in" in probe(ConnectionProvider(rt.db), "tls-trusted")
        one_step(
            rt,
            "send_email",
            {"connection": "tls-trusted", "to": "a@b.example", "subject": "Secure", "text": "hi"},
            name="ok",
        )
        finish(rt, rt.store.start_run("ok", {}))
        assert sink.wait_for(1)[0].message["Subject"] == "Secure"
        one_step(
            rt,
            "send_email",
            {"connection": "tls-unknown", "to": "a@b.example", "subject": "Insecure", "text": "hi"},
            name="bad",
        )
        run_id = rt.store.start_run("bad", {})
        finish(rt, run_id, m.RUN_NEEDS_ATTENTION)
        error, attempts = rt.db.execute_sql(
            f"select error, attempts from step_runs where run_id='{run_id}'"
        )[0]
        # a certificate problem is said in words and not retried: it will not go away by itself
        assert "certificate Daloy does not trust" in error and "CA file" in error, error
        assert attempts == 1
        assert len(sink.received) == 1  # never sent without a trusted certificate
    finally:
        sink.stop()


def test_plain_mail_connections_only_to_this_computer(rt):
    from app.connectors.mailservers import open_imap, open_smtp
    from app.core.errors import ConfigurationError

    for opener in (open_smtp, open_imap):
        with pytest.raises(ConfigurationError, match="unencrypted to mail.example.com"):
            opener({"host": "mail.example.com", "security": "plain"}, "office", "pw", 1)
        with pytest.raises(ConfigurationError, match="not one of ssl, starttls, plain"):
            opener({"host": "127.0.0.1", "security": "tls1"}, "office", "pw", 1)
