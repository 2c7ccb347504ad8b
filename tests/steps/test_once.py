"""Nothing lost, nothing twice: each side-effecting step type keeps its declared once-guarantee
when an attempt is repeated with the same idempotency key, and when Daloy dies after the effect
but before the result is recorded (a real runner subprocess stopped at a crash point).

Crash tests stop the process with ``app.crashpoints`` (``os._exit``, no clean-up): ``after_call``
(the step returned, nothing recorded), and inside the CSV write ``sheet_ledger_written`` /
``sheet_written``.
"""

from __future__ import annotations

import csv
import imaplib
import io
import json
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from aiosmtpd.controller import Controller
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import machine as m
from app.core.errors import OutcomeUnknownError, PermanentError
from app.core.stepspec import GUARANTEES
from app.crashpoints import EXIT_CODE
from app.resources import resource_path
from app.steps import registry
from app.steps.base import StepContext, StepServices
from app.steps.send_email import message_id
from app.steps.spreadsheet_update import run as update_sheet
from app.steps.sql_query import run as run_sql
from app.store import connections
from app.store.connections import ConnectionProvider
from app.store.db import Database
from app.store.runs import RunStore
from tests.runtime.test_crash import REPO, daloy, query, statuses
from tests.steps.test_steps import finish
from tests.support.engine import run_status, save, step_state, wait_for
from tests.support.http_servers import WebhookSink
from tests.support.smtp import Received, SmtpSink


def ctx(
    inp: dict[str, Any], key: str = "daloy-run1-s", services: StepServices | None = None
) -> StepContext:
    return StepContext(
        run_id="run1",
        step_name="s",
        attempt=1,
        max_attempts=5,
        idempotency_key=key,
        config=dict(inp),
        input=dict(inp),
        trigger={},
        steps={},
        timeout=10,
        services=services or StepServices(),
    )


def inbox_reasons(db: Database) -> str:
    return " ".join(r for (r,) in db.execute_sql("select reason from inbox_items"))


# -- the real runner, stopped at a crash point ----------------------------------------------------
def start_in_runner(
    tmp_path: Path, step: dict[str, Any], trigger: dict[str, Any], conns: tuple[tuple, ...] = ()
) -> tuple[Path, str]:
    """A data folder with a one-step workflow (and connections) and one run waiting."""
    data = tmp_path / "data"
    wf_file = tmp_path / "wf.json"
    wf_file.write_text(json.dumps({"format_version": 1, "name": "once", "steps": [step]}))
    db = Database.open_dir(data)
    with db.write() as s:
        for args in conns:  # before the import, which checks they exist
            connections.save(s, *args)
    db.close()
    p = daloy(data, "workflow", "import", str(wf_file))
    assert p.wait(60) == 0, p.stderr.read()
    db = Database.open_dir(data)
    try:
        run_id = RunStore(db, registry().specs).start_run("once", trigger)
    finally:
        db.close()
    return data, run_id


def crash_then_run(data: Path, point: str, settled: Callable[[], Any], timeout: float = 60) -> None:
    """A runner until the crash point, then a clean runner until ``settled()``."""
    crashed = daloy(data, "runner", env={"DALOY_CRASHPOINT": point})
    try:
        assert crashed.wait(60) == EXIT_CODE, crashed.stderr.read()
    except subprocess.TimeoutExpired:
        crashed.kill()
        pytest.fail(f"crash point {point} was never reached\n{not_settled(data)}")
    run_until(data, settled, timeout)


def run_until(data: Path, settled: Callable[[], Any], timeout: float = 60) -> None:
    """A clean runner until ``settled()``."""
    runner = daloy(data, "runner")
    assert "working on" in runner.stdout.readline().decode()
    try:
        wait_for(settled, timeout, interval=0.2)
    except TimeoutError:
        pytest.fail(f"not settled in {timeout:g} s\n{not_settled(data)}")
    finally:
        runner.send_signal(signal.SIGTERM)
        assert runner.wait(30) == 0


def not_settled(data: Path) -> str:
    """What the runners left unfinished and what they logged above INFO (the log outlives the
    runner): a wait that fails on a loaded machine says what it waited for."""
    steps = query(
        data,
        "select run_id, name, state, attempts, error from step_runs where state != 'succeeded'",
    )
    log = data / "logs" / "daloy.log"
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    logged = [line for line in lines if " INFO " not in line and " DEBUG " not in line]
    return "\n".join(["unfinished steps:", *map(str, steps), "logged:", *logged[-60:]])


def crash_then_finish(data: Path, run_id: str, point: str = "after_call:1") -> tuple[str, Any]:
    """Run until the crash point, then a clean runner until the run settles: (status, output)."""
    crash_then_run(
        data, point, lambda: set(statuses(data)) & {m.RUN_SUCCEEDED, m.RUN_NEEDS_ATTENTION}
    )
    db = Database.open_dir(data, migrate=False)
    try:
        out = db.execute_sql(f"select output from step_runs where run_id = '{run_id}'")[0][0]
        return run_status(db, run_id), json.loads(out or "null")
    finally:
        db.close()


FAST = {"initial_delay": 0.05, "max_delay": 0.2, "timeout": 2}


# -- spreadsheets: csv and xlsx -------------------------------------------------------------------
def stock_csv(tmp_path: Path, a: int = 10) -> Path:
    path = tmp_path / "stock.csv"
    path.write_text(f"sku,stock\nA,{a}\nB,5\n")
    return path


def csv_stock(path: Path, sku: str = "A") -> str:
    return next(r[1] for r in csv.reader(io.StringIO(path.read_text())) if r[0] == sku)


def update_input(path: Path, qty: int = 3) -> dict[str, Any]:
    return {
        "file": str(path),
        "key_column": "sku",
        "column": "stock",
        "mode": "subtract",
        "items": [{"sku": "A", "qty": qty}],
        "key_field": "sku",
        "amount_field": "qty",
    }


def test_csv_update_repeated_with_the_same_key_subtracts_once(tmp_path):
    path = stock_csv(tmp_path)
    first = update_sheet(ctx(update_input(path))).output
    again = update_sheet(ctx(update_input(path))).output
    assert csv_stock(path) == "7" and csv_stock(path, "B") == "5"
    assert first["already_applied"] is False and again == {**first, "already_applied": True}
    assert update_sheet(ctx(update_input(path), key="other")).output["changed"][0]["after"] == 4


CRASH_STEP = """
import json, sys
from app.steps.spreadsheet_update import run
from tests.steps.test_once import ctx
run(ctx(json.loads(sys.argv[1])))
"""


def crash_inside_the_step(inp: dict[str, Any], point: str) -> None:
    p = subprocess.run(
        [sys.executable, "-c", CRASH_STEP, json.dumps(inp)],
        cwd=REPO,
        env={**__import__("os").environ, "DALOY_CRASHPOINT": f"{point}:1"},
        capture_output=True,
        timeout=60,
    )
    assert p.returncode == EXIT_CODE, p.stderr.decode()


@pytest.mark.parametrize("point", ["sheet_ledger_written", "sheet_written"])
def test_csv_update_crashing_mid_write_is_applied_once(tmp_path, point):
    path = stock_csv(tmp_path)
    crash_inside_the_step(update_input(path), point)
    assert csv_stock(path) == ("10" if point == "sheet_ledger_written" else "7")
    out = update_sheet(ctx(update_input(path))).output
    assert csv_stock(path) == "7"
    assert out["changed"] == [{"key": "A", "before": "10", "after": 7}]
    assert update_sheet(ctx(update_input(path))).output["already_applied"] is True
    assert csv_stock(path) == "7"


def test_csv_edited_by_hand_after_a_crash_goes_to_a_person(tmp_path):
    path = stock_csv(tmp_path)
    crash_inside_the_step(update_input(path), "sheet_written")
    path.write_text(path.read_text().replace("B,5", "B,6"))  # someone saves it in Excel
    with pytest.raises(
        PermanentError, match="Not known whether this order's change to stock.csv was made"
    ):
        update_sheet(ctx(update_input(path)))
    assert csv_stock(path) == "7"
    # The person looked, saw the change missing (say), and retried: it is applied then.
    update_sheet(ctx(update_input(path)))
    assert csv_stock(path) == "4"


def test_concurrent_updates_of_one_csv_lose_nothing(tmp_path):
    path = stock_csv(tmp_path, a=100)
    errors: list[BaseException] = []

    def order(i: int) -> None:
        try:
            update_sheet(ctx(update_input(path, qty=1), key=f"order-{i}"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=order, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and csv_stock(path) == "80"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(keys=st.lists(st.sampled_from(["k1", "k2", "k3", "k4"]), min_size=1, max_size=8))
def test_any_sequence_of_repeats_applies_each_key_once(tmp_path_factory, keys):
    path = stock_csv(tmp_path_factory.mktemp("fuzz"), a=100)
    qty = {"k1": 1, "k2": 2, "k3": 4, "k4": 8}
    for key in keys:
        update_sheet(ctx(update_input(path, qty=qty[key]), key=key))
    assert int(csv_stock(path)) == 100 - sum(qty[k] for k in set(keys))


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "inventory.xlsx"
    path.write_bytes(resource_path("samples", "inventory.xlsx").read_bytes())
    return path


def xlsx_input(path: Path) -> dict[str, Any]:
    return {
        **update_input(path),
        "key_column": "SKU",
        "column": "Stock",
        "items": [{"sku": "RICE-25", "qty": 3}],
    }


def xlsx_stock(path: Path) -> Any:
    return next(
        r[2]
        for r in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True)
        if r[0] == "RICE-25"
    )


def test_xlsx_update_repeated_with_the_same_key_returns_the_first_result(sheet):
    first = update_sheet(ctx(xlsx_input(sheet))).output
    again = update_sheet(ctx(xlsx_input(sheet))).output
    assert xlsx_stock(sheet) == 37 and again == {**first, "already_applied": True}
    assert openpyxl.load_workbook(sheet)["_daloy_applied"].sheet_state == "hidden"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_sheet_update_crash_after_the_write_is_applied_once_by_the_runner(tmp_path, sheet, kind):
    inp = update_input(stock_csv(tmp_path)) if kind == "csv" else xlsx_input(sheet)
    config = {**inp, "items": "{{ trigger.lines }}"}  # as saved: the lines come from the order
    step = {"name": "s", "type": "spreadsheet_update", "config": config, "retry": FAST}
    data, run_id = start_in_runner(tmp_path, step, {"lines": inp["items"]})
    status, out = crash_then_finish(data, run_id)
    assert status == m.RUN_SUCCEEDED and out["already_applied"] is True
    assert (csv_stock(Path(inp["file"])) == "7") if kind == "csv" else xlsx_stock(sheet) == 37


# -- database query ---------------------------------------------------------------------------------
@pytest.fixture
def pos(tmp_path, data_dir):
    dbfile = tmp_path / "pos.sqlite"
    with sqlite3.connect(dbfile) as c:
        c.execute("create table sales (sku text, qty int)")
    db = Database.open_dir(data_dir)
    with db.write() as s:
        connections.save(s, "pos", "database", {"url": f"sqlite:///{dbfile}"})
    yield dbfile, StepServices(connections=ConnectionProvider(db))
    db.close()


SALE = {
    "connection": "pos",
    "statement": "insert into sales values (:sku, :qty)",
    "parameters": {"sku": "A", "qty": 3},
}


def rows(dbfile: Path, sql: str = "select * from sales") -> list[tuple]:
    with sqlite3.connect(dbfile) as c:
        return c.execute(sql).fetchall()


def test_sql_write_repeated_with_the_same_key_runs_once(pos):
    dbfile, services = pos
    first = run_sql(ctx(SALE, services=services)).output
    again = run_sql(ctx(SALE, services=services)).output
    assert rows(dbfile) == [("A", 3)]
    assert first == {"rowcount": 1} and again == {"rowcount": 1, "already_applied": True}
    run_sql(ctx(SALE, key="another-run", services=services))
    assert len(rows(dbfile)) == 2


def test_sql_select_is_only_read(pos):
    dbfile, services = pos
    read = {"connection": "pos", "statement": "select count(*) as n from sales"}
    assert run_sql(ctx(read, services=services)).output == {"rows": [{"n": 0}], "count": 1}
    assert rows(dbfile, "select name from sqlite_master where name = 'daloy_applied'") == []


def test_sql_write_crash_after_the_call_runs_once_by_the_runner(tmp_path):
    dbfile = tmp_path / "pos.sqlite"
    with sqlite3.connect(dbfile) as c:
        c.execute("create table sales (sku text, qty int)")
    config = {**SALE, "parameters": {"sku": "{{ trigger.sku }}", "qty": "{{ trigger.qty }}"}}
    step = {"name": "s", "type": "sql_query", "config": config, "retry": FAST}
    data, run_id = start_in_runner(
        tmp_path, step, SALE["parameters"], (("pos", "database", {"url": f"sqlite:///{dbfile}"}),)
    )
    status, out = crash_then_finish(data, run_id)
    assert status == m.RUN_SUCCEEDED and out == {"rowcount": 1, "already_applied": True}
    assert rows(dbfile) == [("A", 3)]
    assert rows(dbfile, "select idempotency_key from daloy_applied") == [(f"daloy-{run_id}-s",)]


# -- email --------------------------------------------------------------------------------------------
class _FilingHandler:
    """Like a hosted mail server: files a copy of each accepted message in the Sent folder."""

    def __init__(self, sink: FilingSmtp) -> None:
        self.sink = sink

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.sink.lock:
            plan = self.sink.plan.pop(0) if self.sink.plan else None
        raw = envelope.original_content or envelope.content
        if plan != "drop":  # "drop": lost before the server took it
            with self.sink.lock:
                self.sink.received.append(
                    Received(envelope.mail_from, list(envelope.rcpt_tos), raw)
                )
            self.sink.dovecot.append(raw, "Sent")
        if plan in ("drop", "accept_then_drop"):  # the answer to DATA never arrives
            server.transport.close()
            return "421 closing"
        return "250 OK"


class FilingSmtp(SmtpSink):
    def __init__(self, dovecot: Any) -> None:
        super().__init__()
        self.dovecot = dovecot
        self.controller = Controller(_FilingHandler(self), hostname="127.0.0.1", port=self.port)


@pytest.fixture
def filing_smtp(dovecot):
    imap = imaplib.IMAP4(dovecot.host, dovecot.port)
    imap.login(dovecot.user, dovecot.password)
    imap.create("Sent")  # a hosted mailbox has one from the start
    imap.logout()
    sink = FilingSmtp(dovecot).start()
    yield sink
    sink.stop()


def mail_connections(smtp_port: int, dovecot: Any = None) -> tuple[tuple, ...]:
    smtp = ("mail", "smtp", {"host": "127.0.0.1", "port": smtp_port, "security": "plain"})
    if dovecot is None:
        return (smtp,)
    return (
        smtp,
        (
            "sent",
            "imap",
            {
                "host": dovecot.host,
                "port": dovecot.port,
                "security": "plain",
                "username": dovecot.user,
            },
            {"password": dovecot.password},
        ),
    )


def email_step(sent_folder: bool) -> dict[str, Any]:
    config = {"connection": "mail", "to": "a@b.example", "subject": "Order", "text": "Hello"}
    if sent_folder:
        config["sent_folder_connection"] = "sent"
    return {
        "name": "s",
        "type": "send_email",
        "config": config,
        "retry": {**FAST, "max_attempts": 3},
    }


def save_in(rt: Any, step: dict[str, Any], conns: tuple[tuple, ...]) -> None:
    with rt.db.write() as s:
        for args in conns:
            connections.save(s, *args)
    save(rt.db, {"name": "w", "steps": [step]})


def test_email_whose_answer_was_lost_goes_to_a_person_without_a_sent_folder(rt):
    sink = SmtpSink().start()
    try:
        save_in(rt, email_step(False), mail_connections(sink.port))
        sink.next("drop")
        run_id = rt.store.start_run("w", {})
        finish(rt, run_id, m.RUN_NEEDS_ATTENTION)
        assert step_state(rt.db, run_id, "s") == (m.NEEDS_ATTENTION, 1)  # not sent again
        assert "Not known whether the email to a@b.example was sent" in inbox_reasons(
            rt.db
        ) and "Check the Sent folder before retrying" in inbox_reasons(rt.db)
        rt.actions.retry(run_id, "s")  # the person checked: it is not in Sent
        finish(rt, run_id)
        assert len(sink.received) == 1
    finally:
        sink.stop()


def test_email_whose_answer_was_lost_is_found_in_the_sent_folder_not_resent(
    rt, filing_smtp, dovecot
):
    save_in(rt, email_step(True), mail_connections(filing_smtp.port, dovecot))
    filing_smtp.next("accept_then_drop")
    run_id = rt.store.start_run("w", {})
    out = finish(rt, run_id)
    assert out["reconciled"] is True and out["message_id"] == message_id(f"daloy-{run_id}-s")
    assert len(filing_smtp.received) == 1 and len(dovecot.messages("Sent")) == 1


def test_email_lost_before_the_server_took_it_is_sent_again(rt, filing_smtp, dovecot):
    save_in(rt, email_step(True), mail_connections(filing_smtp.port, dovecot))
    filing_smtp.next("drop")
    run_id = rt.store.start_run("w", {})
    out = finish(rt, run_id)
    assert "reconciled" not in out and step_state(rt.db, run_id, "s")[1] == 2
    assert [r.message["Message-ID"] for r in filing_smtp.received] == [out["message_id"]]


def test_email_unknown_outcome_raises_outcome_unknown_with_a_sent_folder(
    filing_smtp, dovecot, data_dir, keyring_tmp
):
    db = Database.open_dir(data_dir)
    try:
        with db.write() as s:
            for args in mail_connections(filing_smtp.port, dovecot):
                connections.save(s, *args)
        from app.steps.send_email import reconcile, run

        c = ctx(
            email_step(True)["config"], services=StepServices(connections=ConnectionProvider(db))
        )
        assert reconcile(c).happened is False
        filing_smtp.next("accept_then_drop")
        with pytest.raises(OutcomeUnknownError, match="broke after the message was handed over"):
            run(c)
        found = reconcile(c)
        assert found.happened is True and found.output["message_id"] == message_id(
            c.idempotency_key
        )
    finally:
        db.close()


def test_email_crash_after_the_send_is_not_resent_by_the_runner(
    tmp_path, filing_smtp, dovecot, keyring_tmp
):
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    # The runner subprocess finds the plain-file keyring at its default place under
    # XDG_DATA_HOME (set by keyring_tmp); keyring_tmp restores the previous one afterwards.
    keyring.set_keyring(PlaintextKeyring())
    data, run_id = start_in_runner(
        tmp_path, email_step(True), {}, mail_connections(filing_smtp.port, dovecot)
    )
    status, out = crash_then_finish(data, run_id)
    assert status == m.RUN_SUCCEEDED and out["reconciled"] is True
    assert len(filing_smtp.received) == 1


def test_email_crash_after_the_send_goes_to_a_person_without_a_sent_folder(tmp_path):
    sink = SmtpSink().start()
    try:
        data, run_id = start_in_runner(tmp_path, email_step(False), {}, mail_connections(sink.port))
        status, _ = crash_then_finish(data, run_id)
        assert status == m.RUN_NEEDS_ATTENTION and len(sink.received) == 1
        db = Database.open_dir(data, migrate=False)
        try:
            assert "Not known whether the email to a@b.example was sent" in inbox_reasons(db)
        finally:
            db.close()
    finally:
        sink.stop()


# -- chat notify --------------------------------------------------------------------------------------
class LossyWebhook(WebhookSink):
    """Posts every message, but loses the answer to the first ``lose``; with ``honours_key`` it
    posts once per Idempotency-Key (as an idempotent webhook does)."""

    def __init__(self, lose: int = 0, honours_key: bool = False) -> None:
        super().__init__()
        self.lose, self.honours_key, self.keys = lose, honours_key, set()

    def handle(self, h: Any, req: dict[str, Any]) -> None:
        key = req["headers"].get("Idempotency-Key")
        with self.lock:
            if not (self.honours_key and key in self.keys):
                self.received.append({"json": json.loads(req["body"]), "key": key})
            self.keys.add(key)
            lose, self.lose = self.lose > 0, max(0, self.lose - 1)
        if lose:
            return self.drop(h)
        self.reply(h, 200, {"ok": True})


def notify_step(url: str, idempotent: bool) -> dict[str, Any]:
    return {
        "name": "s",
        "type": "notify",
        "retry": FAST,
        "config": {"webhook_url": f"{url}/hook", "message": "Pack #7", "idempotent": idempotent},
    }


@pytest.mark.parametrize("idempotent", [False, True])
def test_notify_whose_answer_was_lost_is_posted_once(rt, idempotent):
    hook = LossyWebhook(lose=1, honours_key=idempotent).start()
    try:
        save(rt.db, {"name": "w", "steps": [notify_step(hook.url, idempotent)]})
        run_id = rt.store.start_run("w", {})
        if idempotent:
            finish(rt, run_id)
            assert step_state(rt.db, run_id, "s") == (m.SUCCEEDED, 2)
        else:
            finish(rt, run_id, m.RUN_NEEDS_ATTENTION)
            assert "Not known whether the message reached the chat webhook" in inbox_reasons(rt.db)
        assert [r["json"] for r in hook.received] == [{"text": "Pack #7"}]
    finally:
        hook.stop()


@pytest.mark.parametrize("idempotent", [False, True])
def test_notify_crash_after_the_post_is_not_reposted_by_the_runner(tmp_path, idempotent):
    hook = LossyWebhook(honours_key=idempotent).start()
    try:
        data, run_id = start_in_runner(tmp_path, notify_step(hook.url, idempotent), {})
        status, _ = crash_then_finish(data, run_id)
        assert status == (m.RUN_SUCCEEDED if idempotent else m.RUN_NEEDS_ATTENTION)
        assert len(hook.received) == 1
        assert len(hook.requests) == (2 if idempotent else 1)  # repeated only when it is safe
    finally:
        hook.stop()


# -- declarations ---------------------------------------------------------------------------------------
def test_every_side_effecting_step_type_declares_its_once_guarantee():
    for st_ in registry():
        if st_.spec.side_effects:
            assert st_.spec.guarantee.startswith(GUARANTEES), st_.spec.name


def test_http_request_says_what_an_unanswered_request_without_a_look_up_does():
    """Without a Look-up URL only GET, PUT and DELETE are sent again; a POST or PATCH whose
    outcome is unknown goes to a person — and the guarantee and help say just that."""
    from app.steps.http_request import METHODS, SPEC
    from app.steps.http_request import reconcile as look_up

    repeated = [
        mt for mt in METHODS if look_up(ctx({"method": mt, "url": "http://x/"})).happened is False
    ]
    asked = [
        mt for mt in METHODS if look_up(ctx({"method": mt, "url": "http://x/"})).happened is None
    ]
    assert (repeated, asked) == (["GET", "PUT", "DELETE"], ["POST", "PATCH"])
    said = " ".join([SPEC.guarantee, SPEC.help])
    assert "at least once" not in said.lower()
    assert "GET, PUT and DELETE" in SPEC.guarantee and "POST or PATCH goes to the inbox" in said
