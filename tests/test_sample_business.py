"""The sample business behaves like a shop (issue 13): a short order asks the operator to
substitute, backorder or cancel; the charge matches what ships; stock never goes below zero;
the customer is told what ships now and what later; the sample runs on a fresh install, in any
data folder and under any name.

Real components throughout: the local payment gateway and chat webhook, aiosmtpd, the sample's
real xlsx stock sheet (and a CSV one) in the data folder; decisions go through the engine's
operator actions, as ``daloy inbox resolve`` does.
"""

from __future__ import annotations

import argparse
import json

import pytest

from app.cli import Env, seed_samples
from app.cli import main as cli
from app.core import machine as m
from app.resources import resource_path
from app.runtime.practice import try_draft
from app.runtime.runtime import Runtime
from app.store.runs import ActionRefused
from tests.support.engine import run_status, save, step_state, wait_for
from tests.support.sample_shop import (
    open_decision,
    open_shop,
    order,
    runs,
    sample,
    set_stock,
    stock,
)

PRICES = {"RICE-25": 1350, "OIL-1L": 95, "SUGAR-1": 78, "COFFEE-3IN1": 210}


@pytest.fixture
def shop(data_dir, keyring_tmp, payment_gateway, webhook_sink, smtp_sink):
    rt = open_shop(data_dir, payment_gateway.url, webhook_sink.url, smtp_sink.port)
    yield rt
    rt.shutdown(grace=2)
    rt.db.close()


def charged(gateway) -> list:
    return sorted(c["amount"] for c in gateway.charges.values())


def test_a_fully_in_stock_order_flows_through_without_asking(
    shop, payment_gateway, smtp_sink, webhook_sink
):
    run_id = shop.store.start_run(
        "Order fulfilment", order("1050", [("RICE-25", 2), ("OIL-1L", 6)])
    )
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED)
    assert step_state(shop.db, run_id, "ask_stock")[0] == m.SKIPPED
    assert charged(payment_gateway) == [2 * 1350 + 6 * 95]  # priced from the stock sheet
    assert stock(shop.inventory, "RICE-25") == 38 and stock(shop.inventory, "OIL-1L") == 114
    # the warehouse reads the names and the codes it picks by; the customer reads the names
    assert webhook_sink.received[0]["json"]["text"].endswith(
        "2 × Rice, 25 kg sack (RICE-25); 6 × Cooking oil, 1 L (OIL-1L)."
    )
    body = smtp_sink.wait_for(1)[0].message.get_content().replace("\r\n", "\n")
    assert "Shipping now:\n- 2 × Rice, 25 kg sack\n- 6 × Cooking oil, 1 L\n" in body
    assert "PHP 3,270.00" in body and "RICE-25" not in body and "OIL-1L" not in body
    assert "later" not in body
    assert [r["key"] for r in runs(shop)] == ["1050"]


def test_backorder_charges_what_ships_and_the_rest_becomes_its_own_order(
    shop, payment_gateway, smtp_sink, webhook_sink
):
    # 8 coffee in stock: 8 ship now, 2 later; the sugar ships in full
    run_id = shop.store.start_run(
        "Order fulfilment", order("1051", [("COFFEE-3IN1", 10), ("SUGAR-1", 1)], PRICES)
    )
    decision = open_decision(shop, run_id)
    question = decision["detail"]["question"]
    assert "Coffee 3-in-1, 30s (COFFEE-3IN1): 10 ordered, 8 in stock" in question
    # what is wrong first: the question is also the order's reason in the Orders list and its
    # line in Needs you, beside its number (it read “Order 1051 for …”, cut after the name)
    assert question.startswith("Not enough stock for Aling Nena: ") and "1051" not in question
    assert payment_gateway.charges == {}  # nothing before the answer
    shop.actions.resolve(
        decision["id"],
        "choose",
        option="backorder",
        values={"note": "The rest ships next week."},
        who="maria",
    )

    backorder = wait_for(lambda: next((r for r in runs(shop) if r["key"] == "1051-B"), None))
    assert backorder["parent"] == run_id
    assert backorder["trigger"]["order"]["lines"] == [
        {"sku": "COFFEE-3IN1", "qty": 2, "price": 210, "name": "Coffee 3-in-1, 30s"}
    ]
    assert charged(payment_gateway) == [8 * 210 + 78]  # what ships, not what was ordered
    assert stock(shop.inventory, "COFFEE-3IN1") == 0  # never below zero
    assert stock(shop.inventory, "SUGAR-1") == 59
    assert webhook_sink.received[0]["json"]["text"].endswith(
        "8 × Coffee 3-in-1, 30s (COFFEE-3IN1); 1 × Sugar, 1 kg (SUGAR-1)."
    )
    body = smtp_sink.wait_for(1)[0].message.get_content().replace("\r\n", "\n")
    assert "Shipping now:\n- 8 × Coffee 3-in-1, 30s\n- 1 × Sugar, 1 kg\n" in body
    assert f"PHP {8 * 210 + 78:,.2f}" in body
    assert (
        "Coming later, as order 1051-B (charged when it ships):\n- 2 × Coffee 3-in-1, 30s\n" in body
    )
    assert "The rest ships next week." in body

    # The backorder waits for the stock; the original order waits for its backorder.
    wait_decision = open_decision(shop, backorder["id"])
    assert "2 × Coffee 3-in-1, 30s (COFFEE-3IN1)." in wait_decision["detail"]["question"]
    assert run_status(shop.db, run_id) != m.RUN_SUCCEEDED
    set_stock(shop.inventory, "COFFEE-3IN1", 5)  # the delivery arrived
    shop.actions.resolve(wait_decision["id"], "choose", option="ship", who="maria")

    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED, timeout=30)
    assert charged(payment_gateway) == sorted([8 * 210 + 78, 2 * 210])
    assert stock(shop.inventory, "COFFEE-3IN1") == 3
    later = smtp_sink.wait_for(2)[1].message
    assert later["Subject"] == "Order 1051-B confirmed"
    assert "- 2 × Coffee 3-in-1, 30s\n" in later.get_content().replace("\r\n", "\n")


def test_backorder_with_nothing_in_stock_charges_nothing_now(shop, payment_gateway, smtp_sink):
    set_stock(shop.inventory, "COFFEE-3IN1", 0)
    run_id = shop.store.start_run("Order fulfilment", order("1052", [("COFFEE-3IN1", 10)]))
    shop.actions.resolve(open_decision(shop, run_id)["id"], "choose", option="backorder")
    backorder = wait_for(lambda: next((r for r in runs(shop) if r["key"] == "1052-B"), None))
    assert backorder["trigger"]["order"]["lines"] == [
        {"sku": "COFFEE-3IN1", "qty": 10, "price": 210, "name": "Coffee 3-in-1, 30s"}
    ]
    body = smtp_sink.wait_for(1)[0].message.get_content().replace("\r\n", "\n")
    assert "Nothing can ship right away, so nothing was charged yet." in body
    assert (
        "Coming later, as order 1052-B (charged when it ships):\n- 10 × Coffee 3-in-1, 30s\n"
        in body
    )
    assert payment_gateway.charges == {}
    assert step_state(shop.db, run_id, "update_stock")[0] == m.SKIPPED
    assert stock(shop.inventory, "COFFEE-3IN1") == 0


def test_substitute_asks_with_what_and_uses_the_chosen_product(shop, payment_gateway, smtp_sink):
    run_id = shop.store.start_run("Order fulfilment", order("1053", [("COFFEE-3IN1", 10)], PRICES))
    decision = open_decision(shop, run_id)
    product = next(f for f in decision["detail"]["fields"] if f["name"] == "product")
    choices = {c["value"]: c["label"] for c in product["choices"]}
    # the products of the stock sheet holding at least the 2 missing, not the one that ran out,
    # each with its stock and price: a substitute changes what the customer pays
    assert choices == {
        "RICE-25": "RICE-25 · Rice, 25 kg sack (Stock: 40, Price: 1,350)",
        "OIL-1L": "OIL-1L · Cooking oil, 1 L (Stock: 120, Price: 95)",
        "SUGAR-1": "SUGAR-1 · Sugar, 1 kg (Stock: 60, Price: 78)",
        "SARDINES-155": "SARDINES-155 · Sardines, 155 g (Stock: 200, Price: 24)",
    }
    with pytest.raises(ActionRefused, match="needs “Substitute product” filled in"):
        shop.actions.resolve(decision["id"], "choose", option="substitute", values={})
    with pytest.raises(ActionRefused, match="not one of the choices"):
        shop.actions.resolve(
            decision["id"], "choose", option="substitute", values={"product": "COFFEE-3IN1"}
        )
    assert run_status(shop.db, run_id) == m.RUN_NEEDS_ATTENTION  # refused answers lose nothing

    shop.actions.resolve(
        decision["id"], "choose", option="substitute", values={"product": "SUGAR-1"}, who="maria"
    )
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED)
    assert charged(payment_gateway) == [8 * 210 + 2 * 78]
    assert stock(shop.inventory, "COFFEE-3IN1") == 0
    assert stock(shop.inventory, "SUGAR-1") == 58  # the substitute came off the stock
    body = smtp_sink.wait_for(1)[0].message.get_content().replace("\r\n", "\n")
    assert "Shipping now:\n- 8 × Coffee 3-in-1, 30s\n- 2 × Sugar, 1 kg\n" in body
    assert "Sugar, 1 kg replaces what we ran out of: Coffee 3-in-1, 30s." in body
    assert "later" not in body
    assert [r["key"] for r in runs(shop)] == ["1053"]  # no backorder


def test_cancel_charges_nothing_and_says_so(shop, payment_gateway, smtp_sink):
    run_id = shop.store.start_run("Order fulfilment", order("1054", [("COFFEE-3IN1", 10)]))
    decision = open_decision(shop, run_id)
    cancel = next(o for o in decision["detail"]["options"] if o["name"] == "cancel")
    assert "Cancel the order" in cancel["label"] and "nothing is charged" in cancel["label"]
    shop.actions.resolve(decision["id"], "choose", option="cancel", who="maria")
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED)
    assert payment_gateway.charges == {}
    assert stock(shop.inventory, "COFFEE-3IN1") == 8
    mail = smtp_sink.wait_for(1)[0].message
    assert mail["Subject"] == "Order 1054 could not be filled"
    assert "you were not charged" in mail.get_content()


def test_an_order_from_the_web_form_shape_is_read(shop, payment_gateway):
    # the webhook form's default fields: number, customer, email, sku, qty (all text)
    run_id = shop.store.start_run(
        "Order fulfilment",
        {
            "order": {
                "number": "1055",
                "customer": "Mang Tomas",
                "email": "tomas@example.com",
                "sku": "SUGAR-1",
                "qty": "3",
            },
            "source": "public_form",
        },
    )
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED)
    assert charged(payment_gateway) == [3 * 78]
    assert stock(shop.inventory, "SUGAR-1") == 57


def test_stock_never_goes_below_zero_even_when_taken_meanwhile(data_dir, keyring_tmp):
    """Stock taken by hand between the check and the update: the update refuses, writes
    nothing, and asks a person in words (CSV sheet, relative path in the data folder)."""
    save_db = open_plain(data_dir)
    (data_dir / "stock").mkdir()
    sheet = data_dir / "stock" / "stock.csv"
    sheet.write_text("SKU,Stock\nTEA,5\nMILK,9\n", encoding="utf-8")
    save(
        save_db.db,
        {
            "name": "take",
            "steps": [
                {
                    "name": "take",
                    "type": "spreadsheet_update",
                    "config": {
                        "file": "stock/stock.csv",
                        "key_column": "SKU",
                        "column": "Stock",
                        "items": "{{ trigger.lines }}",
                        "minimum": 0,
                    },
                }
            ],
            "edges": [],
        },
    )
    run_id = save_db.store.start_run(
        "take", {"lines": [{"sku": "MILK", "qty": 2}, {"sku": "TEA", "qty": 6}]}
    )
    wait_for(lambda: run_status(save_db.db, run_id) == m.RUN_NEEDS_ATTENTION)
    assert sheet.read_text(encoding="utf-8") == "SKU,Stock\nTEA,5\nMILK,9\n"
    reason = save_db.db.execute_sql("select reason from inbox_items where status='open'")[0][0]
    assert "may not go below 0" in reason and "TEA would go from 5 to -1" in reason
    save_db.shutdown(grace=2)
    save_db.db.close()


def open_plain(data_dir) -> Runtime:
    from app.store.db import Database

    rt = Runtime(Database.open_dir(data_dir), data_dir=data_dir, poll_interval=0.2)
    rt.start()
    return rt


# -- the sample travels ---------------------------------------------------------------------------
def fresh_env(folder) -> Env:
    return Env(argparse.Namespace(data_dir=str(folder), verbose=False))


def test_first_practice_run_on_a_fresh_install_succeeds_without_any_connection(
    tmp_path, keyring_tmp
):
    env = fresh_env(tmp_path / "fresh")
    assert seed_samples(env) == ["Backorder", "Order fulfilment"]
    assert (env.data_dir / "samples" / "inventory.xlsx").is_file()
    rt = Runtime(env.db, data_dir=env.data_dir, poll_interval=0.2)
    rt.start()
    try:
        run_id = runs(rt)[0]["id"]
        wait_for(lambda: run_status(rt.db, run_id) == m.RUN_SUCCEEDED)
        assert env.db.execute_sql("select count(*) from connections")[0][0] == 0
        would = json.loads(
            env.db.execute_sql(
                f"select output from step_runs where run_id='{run_id}' and name='confirm_email'"
            )[0][0]
        )
        assert (
            would["practice"] is True
            and "- 2 × Rice, 25 kg sack\n- 6 × Cooking oil, 1 L" in would["would_send"]["text"]
        )
        # a short practice order stops only at the decision
        short = rt.store.start_run(
            "Order fulfilment", order("P-2", [("COFFEE-3IN1", 10)]), practice=True
        )
        assert open_decision(rt, short)["kind"] == "decision"
        assert run_status(rt.db, short) == m.RUN_NEEDS_ATTENTION
    finally:
        rt.shutdown(grace=2)
        env.db.close()
    assert (
        stock(env.data_dir / "samples" / "inventory.xlsx", "RICE-25") == 40
    )  # practice: untouched


def test_the_sample_works_under_another_name_in_another_data_folder(tmp_path, keyring_tmp, capsys):
    first, other = fresh_env(tmp_path / "first"), fresh_env(tmp_path / "other")
    seed_samples(first, start_runs=False)
    exported = tmp_path / "exported.json"
    assert (
        cli(
            [
                "--data-dir",
                str(first.data_dir),
                "workflow",
                "export",
                "Order fulfilment",
                "-o",
                str(exported),
            ]
        )
        == 0
    )
    text = exported.read_text(encoding="utf-8")
    assert str(tmp_path) not in text and '"samples/inventory.xlsx"' in text  # no absolute path
    seed_samples(other, start_runs=False)  # a launch there provides the sample sheet
    other.db.close()
    assert (
        cli(
            [
                "--data-dir",
                str(other.data_dir),
                "workflow",
                "import",
                str(exported),
                "--name",
                "Shop B",
                "--draft",
            ]
        )
        == 0
    )
    other = fresh_env(tmp_path / "other")
    rt = Runtime(other.db, data_dir=other.data_dir, poll_interval=0.2)
    rt.start()
    try:
        # A draft runs only as a try (practice): nothing contacted, nothing published.
        run_id = try_draft(rt, "Shop B", json.loads(text)["sample_input"])
        wait_for(lambda: run_status(rt.db, run_id) == m.RUN_SUCCEEDED)
        out = json.loads(
            rt.db.execute_sql(
                f"select output from step_runs where run_id='{run_id}' and name='check_stock'"
            )[0][0]
        )
        assert out["all_available"] is True and out["rows"]["RICE-25"]["Stock"] == 40
    finally:
        rt.shutdown(grace=2)
        other.db.close()
        first.db.close()


@pytest.mark.parametrize("name", ["order-fulfilment.json", "backorder.json"])
def test_the_samples_validate_once_the_email_connection_exists(tmp_path, keyring_tmp, capsys, name):
    path = str(resource_path("workflows", name))
    folder = str(tmp_path / "d")
    # a fresh folder: the only problems are the missing connection (it can't be switched on)
    assert cli(["--data-dir", folder, "workflow", "validate", path]) == 1
    problems = [line for line in capsys.readouterr().out.splitlines() if "error:" in line]
    assert problems and all("“shop-email”, which does not exist" in p for p in problems)
    assert (
        cli(
            [
                "--data-dir",
                folder,
                "connection",
                "add",
                "shop-email",
                "--kind",
                "smtp",
                "--set",
                "host=127.0.0.1",
                "--set",
                "port=2525",
                "--set",
                "security=plain",
                "--set",
                "from_address=orders@shop.example",
                "--no-secret",
            ]
        )
        == 0
    )
    assert cli(["--data-dir", folder, "workflow", "validate", path]) == 0
    assert "is valid" in capsys.readouterr().out
    assert sample(name).to_dict()  # loads through the model as shipped
