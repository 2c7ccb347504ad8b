"""The sample shop's cancel paths end the order cancelled (found by driving the app: the stock
decision's “Cancel the order (nothing is charged)” sent the cancellation email and the order
then read as a green “Done”, was exported as “Done” and counted with the orders that went
through). Real components: the runtime, the sample workflows as shipped, aiosmtpd, the local
payment gateway and chat webhook, the sample's stock sheet."""

from __future__ import annotations

import time

import pytest

from app.core import machine as m
from app.core import order_states
from app.store import dashboard, export, queries
from tests.support.engine import run_status, step_state, wait_for
from tests.support.sample_shop import open_decision, open_shop, order, runs, stock


@pytest.fixture
def shop(data_dir, keyring_tmp, payment_gateway, webhook_sink, smtp_sink):  # noqa: ANN001
    rt = open_shop(data_dir, payment_gateway.url, webhook_sink.url, smtp_sink.port)
    yield rt
    rt.shutdown(grace=2)
    rt.db.close()


def row_of(shop, run_id: str) -> queries.OrderRow:  # noqa: ANN001
    with shop.db.read() as s:
        return next(r for r in queries.list_orders(s, limit=50) if r.id == run_id)


def test_cancel_at_the_stock_question_ends_the_order_cancelled(shop, payment_gateway, smtp_sink):  # noqa: ANN001
    since = time.time() - 1
    run_id = shop.store.start_run("Order fulfilment", order("1054", [("COFFEE-3IN1", 10)]))
    decision = open_decision(shop, run_id)
    shop.actions.resolve(decision["id"], "choose", option="cancel", who="maria")
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED)

    # the customer was told and nothing was charged, as before
    assert smtp_sink.wait_for(1)[0].message["Subject"] == "Order 1054 could not be filled"
    assert payment_gateway.charges == {} and stock(shop.inventory, "COFFEE-3IN1") == 8
    # the run ran to its end (status succeeded); its workflow ended it cancelled
    assert step_state(shop.db, run_id, "end_cancelled") == (m.SUCCEEDED, 1)
    row = row_of(shop, run_id)
    assert (row.status, row.outcome, row.cancelled) == ("succeeded", "cancelled", False)
    said = order_states.said(row.status, cancelled=row.cancelled, outcome=row.outcome)
    assert said == "Cancelled"
    assert export.cells(row)[[a for a, _t in export.COLUMNS].index("status")] == "Cancelled"
    with shop.db.read() as s:
        assert [r.id for r in queries.list_orders(s, status="cancelled")] == [run_id]
        assert queries.list_orders(s, status="succeeded") == []
        end = next(
            st for st in queries.run_detail(s, run_id)["steps"] if st["name"] == "end_cancelled"
        )
        figures = dashboard.figures(s, since, time.time() + 1)
    assert end["output"] == {"outcome": "cancelled", "note": "Cancelled at the stock question"}
    # counted as cancelled, and as needing a person (maria decided it); never as ran cleanly
    assert (figures.orders, figures.clean, figures.needed_person, figures.cancelled) == (1, 0, 1, 1)


def test_a_customer_without_an_email_is_cancelled_without_an_email_step_failing(shop, smtp_sink):  # noqa: ANN001
    """A phone or marketplace order often has no email: cancelling it must not leave it stuck at
    an email step with no address (the confirmation already asked first; the cancellation now
    does too, in the order and in its backorder)."""
    trigger = order("1055", [("COFFEE-3IN1", 10)])
    trigger["order"]["customer"] = {"name": "Mang Tomas", "phone": "0917 555 0199"}
    run_id = shop.store.start_run("Order fulfilment", trigger)
    shop.actions.resolve(open_decision(shop, run_id)["id"], "choose", option="cancel", who="maria")
    wait_for(lambda: run_status(shop.db, run_id) == m.RUN_SUCCEEDED)
    assert step_state(shop.db, run_id, "cancel_email")[0] != m.NEEDS_ATTENTION
    assert step_state(shop.db, run_id, "end_cancelled") == (m.SUCCEEDED, 1)
    assert row_of(shop, run_id).outcome == "cancelled" and smtp_sink.received == []


def test_a_cancelled_backorder_ends_cancelled_and_its_order_stays_done(shop, smtp_sink):  # noqa: ANN001
    prices = {"COFFEE-3IN1": 210, "SUGAR-1": 78}
    run_id = shop.store.start_run(
        "Order fulfilment", order("1056", [("COFFEE-3IN1", 10), ("SUGAR-1", 1)], prices)
    )
    decision = open_decision(shop, run_id)
    shop.actions.resolve(decision["id"], "choose", option="backorder", who="maria")
    rest = wait_for(lambda: next((r for r in runs(shop) if r["key"] == "1056-B"), None))
    ask = open_decision(shop, rest["id"])
    shop.actions.resolve(ask["id"], "choose", option="cancel", who="maria")
    for rid in (rest["id"], run_id):
        wait_for(lambda r=rid: run_status(shop.db, r) == m.RUN_SUCCEEDED)
    subjects = [mail.message["Subject"] for mail in smtp_sink.wait_for(2)]
    assert "Backorder 1056-B cancelled" in subjects
    backorder, parent = row_of(shop, rest["id"]), row_of(shop, run_id)
    assert (backorder.outcome, parent.outcome) == ("cancelled", None)
    assert order_states.said(backorder.status, outcome=backorder.outcome) == "Cancelled"
    assert order_states.said(parent.status, outcome=parent.outcome) == "Done"  # it shipped
