"""The Orders list's Total from the workflow (``order_total``): an order that arrived without a
total (an email, the web form) shows the total its workflow worked out, and sorts by it; a
trigger's own total stays unless the template says otherwise; a template that makes no number
never fails the step. Real runtime, real local servers, real SQLite (and PostgreSQL)."""

from __future__ import annotations

import logging
from email.message import EmailMessage

import pytest

from app.core import machine as m
from app.core import order_total
from app.intake.email_rules import to_order
from app.store import queries
from tests.support.engine import run_status, save, step_state, stored, wait_for
from tests.test_order_fulfilment import shop  # noqa: F401 - a fixture

PRICES = {"RICE-25": 1350, "OIL-1L": 95, "SUGAR-1": 78}  # the sample stock sheet's


def emailed(number: str, sku: str, qty: int) -> dict:
    """An order as the mailbox intake makes it of a customer's email: no lines with prices,
    no total (the shop's prices are in its stock sheet)."""
    msg = EmailMessage()
    msg["Subject"] = f"Order {number}"
    msg["From"] = "Aling Nena <nena@example.com>"
    msg.set_content(
        f"Number: {number}\nCustomer: Aling Nena\nEmail: nena@example.com\nSku: {sku}\nQty: {qty}\n"
    )
    trigger = to_order(msg, {}, None)
    assert "total" not in trigger["order"] and "lines" not in trigger["order"]
    return trigger


def listed(db, **filters) -> list[queries.OrderRow]:
    with db.read() as s:
        return queries.list_orders(s, **filters)


def test_an_emailed_order_shows_the_total_its_workflow_worked_out(shop):  # noqa: F811
    ids = {
        number: shop.store.start_run("Order fulfilment", emailed(number, sku, qty))
        for number, sku, qty in (
            ("2001", "RICE-25", 2),
            ("2002", "OIL-1L", 6),
            ("2003", "SUGAR-1", 3),
        )
    }
    for run_id in ids.values():
        wait_for(lambda r=run_id: run_status(shop.db, r) == m.RUN_SUCCEEDED, timeout=60)
    totals = {r.business_key: r.total for r in listed(shop.db)}
    assert totals == {"2001": 2 * 1350, "2002": 6 * 95, "2003": 3 * 78}
    plan = stored(
        shop.db.execute_sql(
            f"select output from step_runs where run_id = '{ids['2001']}' and name = 'plan'"
        )[0][0]
    )
    assert plan["total"] == totals["2001"]  # the plan step's own figure, not a guess
    up = [r.business_key for r in listed(shop.db, sort="total", descending=False)]
    down = [r.business_key for r in listed(shop.db, sort="total", descending=True)]
    assert up == ["2003", "2002", "2001"] and down == ["2001", "2002", "2003"]
    # the second page of a total sort starts after the first (keyset paging on the new totals)
    first = listed(shop.db, sort="total", descending=True, limit=1)
    rest = listed(shop.db, sort="total", descending=True, after=first[0].cursor)
    assert [r.business_key for r in rest] == ["2002", "2003"]


PRICED = {
    "name": "priced",
    "business_key": "{{ trigger.order.number }}",
    "order_total": "{{ steps.price.output.total }}",
    "steps": [
        {
            "name": "read",
            "type": "transform",
            "config": {"values": {"n": "{{ trigger.order.number }}"}},
        },
        {
            "name": "price",
            "type": "transform",
            "config": {"values": {"total": "{{ trigger.order.worked_out }}"}},
        },
        {"name": "done", "type": "transform", "config": {"values": {"ok": True}}},
    ],
    "edges": [{"from": "read", "to": "price"}, {"from": "price", "to": "done"}],
}


def test_the_template_replaces_the_triggers_total_and_leaves_it_when_it_makes_no_number(rt, caplog):
    save(rt.db, PRICED)
    caplog.set_level(logging.WARNING, logger="app.store.runs")
    runs = {
        "A": {"order": {"number": "A", "total": 50, "worked_out": 61.5}},  # the template says
        "B": {"order": {"number": "B", "total": 50, "worked_out": "ask the shop"}},
        "C": {"order": {"number": "C", "total": 70, "worked_out": None}},
        "D": {"order": {"number": "D", "worked_out": "1,234.50"}},  # text a number is kept
    }
    ids = {k: rt.store.start_run("priced", t) for k, t in runs.items()}
    for run_id in ids.values():
        wait_for(lambda r=run_id: run_status(rt.db, r) == m.RUN_SUCCEEDED)
    totals = {r.business_key: r.total for r in listed(rt.db)}
    assert totals == {"A": 61.5, "B": 50, "C": 70, "D": 1234.5}
    for run_id in ids.values():  # a total that is no number never fails the step
        assert step_state(rt.db, run_id, "price")[0] == m.SUCCEEDED
    said = [r.getMessage() for r in caplog.records if "order total" in r.getMessage()]
    assert len(said) == 1 and "not a number" in said[0]  # once per workflow version


def test_a_workflow_without_an_order_total_keeps_the_triggers(rt):
    save(rt.db, {**PRICED, "name": "plain", "order_total": ""})
    run_id = rt.store.start_run("plain", {"order": {"number": "P", "total": 42, "worked_out": 9}})
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_SUCCEEDED)
    assert [r.total for r in listed(rt.db)] == [42]


@pytest.mark.parametrize(
    ("amount", "currency", "said"),
    [
        (1499.5, "PHP", "PHP 1,499.50"),
        (2700, "PHP", "PHP 2,700.00"),
        (12, "", "12.00"),
        (12, None, "12.00"),
        ("12", "PHP", ""),  # text is not an amount
        (True, "PHP", ""),
        (float("nan"), "PHP", ""),
        (None, "PHP", ""),
    ],
)
def test_an_amount_reads_as_the_shops_messages_write_it(amount, currency, said):
    assert order_total.money_text(amount, currency) == said


@pytest.mark.parametrize(
    ("trigger", "code"),
    [
        ({"order": {"currency": "PHP"}}, "PHP"),
        ({"order": {"number": "1"}, "currency": " USD "}, "USD"),  # an order given flat
        ({"currency": "EUR"}, "EUR"),
        ({"order": {"currency": ""}}, ""),
        ({"order": {"currency": 5}}, ""),
        ({"order": "PHP"}, ""),
        (None, ""),
        ("PHP", ""),
    ],
)
def test_the_currency_an_order_was_placed_in(trigger, code):
    assert order_total.currency_of(trigger) == code


def test_the_orders_list_reads_each_orders_currency_for_the_rows_asked_for(rt):
    """``queries.order_currencies`` reads by path in the trigger what ``currency_of`` reads
    from the whole trigger, on SQLite and PostgreSQL alike."""
    save(rt.db, {**PRICED, "name": "plain", "order_total": ""})
    triggers = {
        "nested": {"order": {"number": "C-1", "currency": "USD"}},
        "flat": {"number": "C-2", "currency": " EUR "},
        "both": {"order": {"number": "C-3", "currency": "PHP"}, "currency": "SGD"},
        "none": {"order": {"number": "C-4"}},
        "number": {"order": {"number": "C-5", "currency": 5}},
        "list": {"order": ["PHP"]},
    }
    ids = {k: rt.store.start_run("plain", t) for k, t in triggers.items()}
    with rt.db.read() as s:
        found = queries.order_currencies(s, list(ids.values()))
        assert queries.order_currencies(s, []) == {}
    assert found == {
        ids[k]: order_total.currency_of(t)
        for k, t in triggers.items()
        if order_total.currency_of(t)
    }
    assert found == {ids["nested"]: "USD", ids["flat"]: "EUR", ids["both"]: "PHP"}


@pytest.mark.parametrize(
    ("lines", "total"),
    [
        ([{"sku": "A", "qty": 2}, {"sku": "B", "qty": 3}], 2 * 1350 + 3 * 95.5),
        ([{"sku": "A", "qty": "2"}], 2700.0),  # numbers as text, as a sheet may hold them
        ([{"sku": "C", "qty": 3}], 0.3),  # to the centavo: 3 × 0.1 is not 0.30000000000000004
        ([{"sku": "A", "qty": 1}, {"sku": "Z", "qty": 1}], None),  # a product without a price
        ([{"sku": "N", "qty": 1}], None),  # a price that is not a number
        ([], None),
        ("lines", None),
    ],
)
def test_the_total_at_prices(lines, total):
    prices = {"A": 1350, "B": "95.50", "C": 0.1, "N": "ask the shop"}
    assert order_total.at_prices(lines, prices) == total
