"""The sample order-fulfilment workflow end to end against real local servers: a payment
gateway, an SMTP server, a chat webhook, and a real xlsx inventory."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from app.cli import main as cli
from app.core import machine as m
from app.core.model import Workflow
from app.resources import resource_path
from app.runtime.runtime import Runtime
from app.store import connections, workflows
from app.store.db import Database
from tests.support.engine import run_status, step_state, wait_for
from tests.support.sample_shop import open_decision, runs, sample

CANARY = "s3cret-canary-7Q"


def order(number: str, lines: list[tuple[str, int]]) -> dict:
    return {
        "order": {
            "number": number,
            "currency": "PHP",
            "total": 100 * len(lines),
            "customer": {"name": "Aling Nena", "email": "nena@example.com"},
            "lines": [{"sku": s, "qty": q} for s, q in lines],
        }
    }


def stock(path: Path, sku: str) -> int:
    ws = openpyxl.load_workbook(path).worksheets[0]
    return next(r[2] for r in ws.iter_rows(values_only=True) if r[0] == sku)


@pytest.fixture
def shop(data_dir, keyring_tmp, payment_gateway, webhook_sink, smtp_sink):
    inventory = data_dir / "inventory.xlsx"
    shutil.copy(resource_path("samples", "inventory.xlsx"), inventory)
    wf = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())
    wf.step("settings").config["values"].update(
        inventory=str(inventory),
        gateway=payment_gateway.url,
        warehouse_webhook=f"{webhook_sink.url}/warehouse",
    )
    wf.step("charge").retry.update(initial_delay=0.1, max_delay=0.3, max_attempts=4)
    wf.step("charge").config["timeout"] = 2
    db = Database.open_dir(data_dir)
    with db.write() as s:
        workflows.save(s, sample("backorder.json"))  # where a backordered rest goes
        workflows.save(s, wf)
        connections.save(
            s,
            "shop-email",
            "smtp",
            smtp_sink.settings(),
            {"password": CANARY},
        )
    rt = Runtime(db, data_dir=data_dir, poll_interval=0.2)
    rt.start()
    rt.inventory = inventory
    yield rt
    rt.shutdown(grace=2)
    db.close()


def test_happy_path(shop, payment_gateway, webhook_sink, smtp_sink):
    run_id = shop.store.start_run(
        "Order fulfilment", order("1042", [("RICE-25", 2), ("OIL-1L", 6)])
    )
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED)
    assert payment_gateway.charge_count(f"daloy-{run_id}-charge") == 1
    assert stock(shop.inventory, "RICE-25") == 38 and stock(shop.inventory, "OIL-1L") == 114
    assert "Pack order 1042" in webhook_sink.received[0]["json"]["text"]
    mail = smtp_sink.wait_for(1)[0].message
    assert mail["Subject"] == "Order 1042 confirmed" and mail["To"] == "nena@example.com"
    assert mail["Message-ID"].endswith("@daloy>")
    assert step_state(shop.db, run_id, "ask_stock")[0] == m.SKIPPED
    assert step_state(shop.db, run_id, "cancel_email")[0] == m.SKIPPED


def test_short_stock_is_answered_through_the_cli(shop, smtp_sink, data_dir, capsys):
    run_id = shop.store.start_run("Order fulfilment", order("1043", [("COFFEE-3IN1", 10)]))
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_NEEDS_ATTENTION)
    assert cli(["--data-dir", str(data_dir), "inbox", "list", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    decision = next(i for i in items if i["kind"] == "decision")
    assert "COFFEE-3IN1" in decision["title"]
    assert [o["name"] for o in decision["detail"]["options"]] == [
        "substitute",
        "backorder",
        "cancel",
    ]
    assert step_state(shop.db, run_id, "charge")[0] == m.PENDING  # held
    assert (
        cli(
            [
                "--data-dir",
                str(data_dir),
                "inbox",
                "resolve",
                str(decision["id"]),
                "--action",
                "choose",
                "--option",
                "backorder",
                "--values",
                '{"note": "Ships next week."}',
            ]
        )
        == 0
    )
    body = smtp_sink.wait_for(1)[0].message.get_content()
    assert "Coming later, as order 1043-B" in body and "Ships next week." in body
    assert stock(shop.inventory, "COFFEE-3IN1") == 0  # 8 ship now, 2 are backordered


def test_short_stock_cancelled_sends_the_cancellation(shop, smtp_sink, payment_gateway):
    run_id = shop.store.start_run("Order fulfilment", order("1044", [("COFFEE-3IN1", 10)]))
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_NEEDS_ATTENTION)
    shop.actions.choose(run_id, "ask_stock", "cancel", who="maria")
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED)
    assert smtp_sink.wait_for(1)[0].message["Subject"] == "Order 1044 could not be filled"
    assert payment_gateway.charges == {}
    assert step_state(shop.db, run_id, "charge")[0] == m.SKIPPED


def test_gateway_down_for_a_while(shop, payment_gateway, smtp_sink):
    payment_gateway.fail_next(2, "503")
    payment_gateway.fail_next(1, "refuse")
    run_id = shop.store.start_run("Order fulfilment", order("1045", [("SUGAR-1", 1)]))
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED)
    assert step_state(shop.db, run_id, "charge") == (m.SUCCEEDED, 4)
    assert payment_gateway.charge_count(f"daloy-{run_id}-charge") == 1
    smtp_sink.wait_for(1)


def test_gateway_down_for_good(shop, payment_gateway, webhook_sink, smtp_sink):
    payment_gateway.down()
    run_id = shop.store.start_run("Order fulfilment", order("1046", [("SUGAR-1", 1)]))
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_NEEDS_ATTENTION)
    assert step_state(shop.db, run_id, "charge") == (m.NEEDS_ATTENTION, 4)
    for later in ("update_stock", "notify_warehouse", "confirm_email"):
        assert step_state(shop.db, run_id, later) == (m.PENDING, 0)
    assert stock(shop.inventory, "SUGAR-1") == 60
    assert webhook_sink.received == [] and smtp_sink.received == []
    reason = shop.db.execute_sql("select reason from inbox_items where status='open'")[0][0]
    assert "Charge the customer for what ships now failed after 4 attempts" in reason


def test_rejected_email_password_lands_in_the_inbox_with_a_sentence(shop, data_dir, keyring_tmp):
    from app import secrets

    secrets.set_secret("shop-email", "password", "wrong")
    run_id = shop.store.start_run("Order fulfilment", order("1047", [("SUGAR-1", 1)]))
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_NEEDS_ATTENTION)
    reason = shop.db.execute_sql("select reason from inbox_items where status='open'")[0][0]
    assert "refused the user name or password of connection “shop-email”" in reason


def test_the_secret_appears_nowhere_but_the_keyring(shop, data_dir, smtp_sink, tmp_path):
    import logging

    import keyring

    from app import secrets

    (data_dir / "logs").mkdir(exist_ok=True)
    handler = logging.FileHandler(data_dir / "logs" / "daloy.log")
    logging.getLogger().addHandler(handler)
    previous = logging.getLogger().level
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        _run_and_check(shop, data_dir, smtp_sink, tmp_path)
    finally:
        logging.getLogger().removeHandler(handler)
        logging.getLogger().setLevel(previous)
        handler.close()
    assert (
        keyring.get_password(
            "daloy", secrets.user_name(secrets.current_workspace(), "shop-email", "password")
        )
        == CANARY
    )


def _run_and_check(shop, data_dir, smtp_sink, tmp_path):
    run_id = shop.store.start_run("Order fulfilment", order("1048", [("SUGAR-1", 1)]))
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED)
    assert smtp_sink.wait_for(1)
    export = tmp_path / "export.json"
    assert (
        cli(
            [
                "--data-dir",
                str(data_dir),
                "workflow",
                "export",
                "Order fulfilment",
                "-o",
                str(export),
            ]
        )
        == 0
    )
    shop.shutdown(grace=1)
    files = [p for p in data_dir.rglob("*") if p.is_file()] + [export]
    assert any(p.name.startswith("daloy.sqlite3") for p in files)
    for p in files:
        assert CANARY.encode() not in p.read_bytes(), p
    assert (data_dir / "logs" / "daloy.log").stat().st_size > 0


def test_a_marketplace_order_without_a_buyer_email_skips_the_confirmation(
    shop, webhook_sink, smtp_sink
):
    """Shopee and Lazada give no buyer email: the order still ships and the run succeeds, and
    no confirmation goes anywhere (not to the shop's own address)."""
    marketplace = order("SHP-77", [("SUGAR-1", 1)])
    marketplace["order"]["customer"] = {"name": "Juan Dela Cruz", "email": "", "phone": "63917"}
    run_id = shop.store.start_run("Order fulfilment", marketplace)
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED)
    assert step_state(shop.db, run_id, "notify_warehouse")[0] == m.SUCCEEDED
    assert step_state(shop.db, run_id, "has_email")[0] == m.SUCCEEDED
    assert step_state(shop.db, run_id, "confirm_email")[0] == m.SKIPPED
    assert step_state(shop.db, run_id, "has_later")[0] == m.SUCCEEDED
    assert smtp_sink.received == []


def test_customers_read_product_names_and_a_product_not_in_the_sheet_its_code(
    shop, webhook_sink, smtp_sink
):
    """The stock sheet names each product (its Item column): the customer's emails say the
    names, the warehouse the names with the codes it picks by, the stock question both. A line
    whose product is not in the sheet still reads, with its code."""
    run_id = shop.store.start_run(
        "Order fulfilment", order("1045", [("RICE-25", 2), ("MYSTERY-9", 1)])
    )
    question = open_decision(shop, run_id)["detail"]["question"]
    assert "Aling Nena: MYSTERY-9: 1 ordered, 0 in stock. Substitute" in question
    shop.actions.choose(run_id, "ask_stock", "backorder", who="maria")
    body = smtp_sink.wait_for(1)[0].message.get_content().replace("\r\n", "\n")
    assert "Shipping now:\n- 2 × Rice, 25 kg sack\n" in body and "RICE-25" not in body
    assert "(charged when it ships):\n- 1 × MYSTERY-9\n" in body
    assert webhook_sink.received[0]["json"]["text"].endswith(": 2 × Rice, 25 kg sack (RICE-25).")

    # the rest, cancelled while it waits for stock: its email names it by its code
    rest = wait_for(lambda: next((r for r in runs(shop) if r["key"] == "1045-B"), None))
    assert "1045): 1 × MYSTERY-9. When" in open_decision(shop, rest["id"])["detail"]["question"]
    shop.actions.choose(rest["id"], "wait_for_stock", "cancel", who="maria")
    said = {r.message["Subject"]: r.message.get_content() for r in smtp_sink.wait_for(2)}
    assert "rest of order 1045 (1 × MYSTERY-9) could not" in said["Backorder 1045-B cancelled"]
