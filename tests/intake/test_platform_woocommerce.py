"""WooCommerce: orders polled page by page and pushed by webhook against a local fake of the
REST API v3 (keys and signatures checked as WooCommerce does), one run per order however it
arrives, and the shipment, cancel and stock calls; the sample workflow end to end."""

from __future__ import annotations

import time

import pytest

from app.steps import registry
from tests.intake.platform_support import channel, counts, inbox_titles, ship_end_to_end, web
from tests.intake.platform_support import step_context as _ctx
from tests.support.engine import wait_for
from tests.support.fake_woocommerce import FakeWooCommerce


@pytest.fixture
def woo():
    fake = FakeWooCommerce()
    fake.page_size = 2
    fake.start()
    yield fake
    fake.stop()


def woo_channel(store, fake, key=None):
    return channel(
        store,
        "woocommerce",
        {"site_url": fake.url},
        {
            "consumer_key": key or fake.key,
            "consumer_secret": fake.consumer_secret,
            "webhook_secret": fake.secret,
        },
        first_days=10000,
    )


def test_wrong_keys_are_refused(store, woo):
    woo.add_order(301, [("RICE-25", 1)])
    assert woo_channel(store, woo, key="ck_wrong").poll_once() == 0
    assert counts(store) == (0, 0)


def test_pages_a_slow_down_and_one_run_per_order(store, woo):
    for i in range(5):
        woo.add_order(301 + i, [("RICE-25", 1)], modified=f"2026-01-05T09:0{i}:00")
    ch = woo_channel(store, woo)
    woo.throttle_next(1, retry_after=1.2)
    assert ch.poll_once() == 0
    throttled = woo.calls("GET", "/orders?")[0]["at"]
    assert ch.poll_once() == 0 and len(woo.calls("GET", "/orders?")) == 1
    wait_for(lambda: time.time() >= ch.not_before, timeout=5)
    assert ch.poll_once() == 5
    assert woo.calls("GET", "/orders?")[1]["at"] - throttled >= 1.2
    assert len(woo.calls("GET", "/orders?")) == 4  # the throttled ask, then 3 pages
    assert ch.poll_once() == 0 and counts(store) == (5, 5)


def test_webhooks_checked_and_the_same_order_by_poll_is_one_run(store, woo):
    ch = woo_channel(store, woo)
    woo.add_order(301, [("RICE-25", 1)])
    with web(store, ch) as url:
        assert woo.webhook(url, 301, secret="wrong").status_code == 401
        assert counts(store) == (0, 0)
        assert woo.webhook(url, 301).json()["status"] == "stored"
        ch.poll_once()
        assert counts(store) == (1, 1)
        woo.orders[301].update(status="cancelled", date_modified_gmt="2026-01-05T10:00:00")
        assert woo.webhook(url, 301, topic="order.updated").status_code == 200
    assert inbox_titles(store) == ["The buyer cancelled order 301 on WooCommerce"]


def test_ship_cancel_stock(store, woo):
    woo_channel(store, woo)
    woo.add_order(301, [("RICE-25", 1)])
    woo.add_order(302, [("RICE-25", 1)])
    step = registry().get("platform_update")
    ship = _ctx(
        store,
        {
            "action": "ship",
            "connection": "shop",
            "order_id": "301",
            "tracking_number": "LBC77",
            "carrier": "LBC",
        },
    )
    assert step.reconcile(ship).happened is False
    step.run(ship)
    assert step.reconcile(ship).happened is True
    step.run(ship)  # a repeat: no second note
    assert [n["note"] for n in woo.notes[301]] == [
        "Your order has shipped with LBC. Tracking number: LBC77."
    ]
    assert woo.orders[301]["status"] == "completed"
    cancel = _ctx(
        store,
        {"action": "cancel", "connection": "shop", "order_id": "302", "reason": "out of stock"},
    )
    step.run(cancel)
    step.run(cancel)
    assert woo.orders[302]["status"] == "cancelled" and len(woo.notes[302]) == 1
    step.run(
        _ctx(store, {"action": "stock", "connection": "shop", "sku": "OIL-1L", "quantity": "99"})
    )
    assert woo.products["OIL-1L"]["stock_quantity"] == 99


def test_the_sample_workflow_ships_a_woocommerce_order_end_to_end(
    data_dir, keyring_tmp, database, woo, payment_gateway, webhook_sink, smtp_sink
):
    woo.add_order(1042, [("RICE-25", 2), ("OIL-1L", 6)])
    ship_end_to_end(
        data_dir,
        "woocommerce",
        {"site_url": woo.url},
        {
            "consumer_key": woo.key,
            "consumer_secret": woo.consumer_secret,
            "webhook_secret": woo.secret,
        },
        (payment_gateway, webhook_sink, smtp_sink),
        number="1042",
        push=lambda url: woo.webhook(url, 1042),
        polled=lambda: woo.calls("GET", "/orders?"),
    )
    assert woo.orders[1042]["status"] == "completed"
    assert "Tracking number: JT1042" in woo.notes[1042][0]["note"]
