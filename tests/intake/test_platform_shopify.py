"""Shopify: orders polled page by page and pushed by webhook against a local fake of the Admin
API (tokens and signatures checked as Shopify does), one run per order however it arrives, a
buyer's cancellation reaching the run, and the shipment, cancel and stock calls."""

from __future__ import annotations

import time

import pytest

from app.core.errors import PermanentError
from app.steps import registry
from tests.intake.platform_support import (
    channel,
    counts,
    inbox_titles,
    ship_end_to_end,
    web,
)
from tests.intake.platform_support import step_context as _ctx
from tests.support.engine import wait_for
from tests.support.fake_shopify import FakeShopify


@pytest.fixture
def shopify():
    fake = FakeShopify(page_size=2)
    fake.start()
    yield fake
    fake.stop()


def shop_channel(store, fake, token=None):
    return channel(
        store,
        "shopify",
        {"shop_domain": fake.domain},
        {"access_token": token or fake.token, "webhook_secret": fake.secret},
        first_days=10000,
    )


def test_a_wrong_token_is_refused_and_said(store, shopify):
    ch = shop_channel(store, shopify, token="shpat_wrong")
    shopify.add_order(5001, 1001, [("RICE-25", 1)])
    assert ch.poll_once() == 0
    assert counts(store) == (0, 0)
    with store.db.read() as s:
        from app.store.models import ChannelState

        assert "refused the key of shop" in s.get(ChannelState, "orders/shop").last_error


def test_orders_are_paged_and_the_cursor_moves_after_they_are_stored(store, shopify):
    for i in range(5):
        shopify.add_order(
            5001 + i, 1001 + i, [("RICE-25", 1)], updated_at=f"2026-01-05T17:0{i}:00+08:00"
        )
    ch = shop_channel(store, shopify)
    assert ch.poll_once() == 5
    assert len(shopify.calls("GET", "orders.json")) == 3  # pages of 2, 2 and 1
    assert counts(store) == (5, 5)
    from app.store import intake as repo

    assert repo.get_cursor(store.db, "orders/shop") == {"since": "2026-01-05T09:04:00Z"}
    assert ch.poll_once() == 0 and counts(store) == (5, 5)  # the overlap: no repeats


def test_a_slow_down_is_honoured_and_the_pass_resumes_at_its_page(store, shopify):
    for i in range(5):
        shopify.add_order(
            5001 + i, 1001 + i, [("RICE-25", 1)], updated_at=f"2026-01-05T17:0{i}:00+08:00"
        )
    ch = shop_channel(store, shopify)
    ch.poll_once()  # a first, whole pass
    shopify.add_order(5010, 1010, [("OIL-1L", 1)], updated_at="2026-01-05T17:30:00+08:00")
    shopify.add_order(5011, 1011, [("OIL-1L", 1)], updated_at="2026-01-05T17:31:00+08:00")
    shopify.add_order(5012, 1012, [("OIL-1L", 1)], updated_at="2026-01-05T17:32:00+08:00")
    before = len(shopify.requests)
    shopify.throttle_next(1, retry_after=1.5)
    assert ch.poll_once() == 0  # throttled on its first page
    throttled = [r for r in shopify.requests[before:] if r.get("throttled")][0]
    assert ch.not_before >= throttled["at"] + 1.4
    n = len(shopify.requests)
    assert ch.poll_once() == 0 and len(shopify.requests) == n  # nothing asked meanwhile
    wait_for(lambda: time.time() >= ch.not_before, timeout=5)
    assert ch.poll_once() == 3  # the pass, from its first page
    after = [r for r in shopify.requests if r["at"] > throttled["at"]]
    assert after[0]["at"] - throttled["at"] >= 1.5
    assert counts(store)[1] == 8


def test_a_webhook_with_a_bad_signature_is_refused_and_nothing_is_stored(store, shopify):
    ch = shop_channel(store, shopify)
    shopify.add_order(5001, 1001, [("RICE-25", 1)])
    with web(store, ch) as url:
        bad = shopify.webhook(url, 5001, secret="not-the-key")
        assert bad.status_code == 401 and "signature" in bad.json()["error"]
        assert counts(store) == (0, 0)
        good = shopify.webhook(url, 5001)
        assert good.status_code == 200 and good.json()["status"] == "stored"
        assert shopify.webhook(url, 5001).json()["status"] == "known"  # Shopify resends
    assert ch.poll_once() == 0  # the same order by poll: no second run
    assert counts(store) == (1, 1)


def test_the_buyer_cancelling_reaches_the_run_and_it_is_not_reported_shipped(store, shopify):
    ch = shop_channel(store, shopify)
    shopify.add_order(5001, 1001, [("RICE-25", 1)])
    ch.poll_once()
    shopify.update_order(
        5001,
        "2026-01-05T18:00:00+08:00",
        cancelled_at="2026-01-05T18:00:00+08:00",
        cancel_reason="customer",
    )
    with web(store, ch) as url:
        assert shopify.webhook(url, 5001, topic="orders/cancelled").status_code == 200
    ch.poll_once()  # the same update by poll: nothing new
    assert counts(store) == (2, 1)
    assert inbox_titles(store) == ["The buyer cancelled order 1001 on Shopify"]
    step = registry().get("platform_update")
    ctx = _ctx(
        store,
        {"action": "ship", "connection": "shop", "order_id": "5001", "tracking_number": "JT1"},
    )
    with pytest.raises(PermanentError, match="cancelled order 1001 on Shopify"):
        step.run(ctx)
    assert shopify.calls("POST", "fulfillments.json") == []


def test_ship_cancel_and_stock_calls_and_their_look_ups(store, shopify):
    shop_channel(store, shopify)
    shopify.add_order(5001, 1001, [("RICE-25", 1)])
    shopify.add_order(5002, 1002, [("RICE-25", 1)])
    step = registry().get("platform_update")
    ship = _ctx(
        store,
        {
            "action": "ship",
            "connection": "shop",
            "order_id": "5001",
            "tracking_number": "JT1001",
            "carrier": "J&T Express",
        },
    )
    assert step.reconcile(ship).happened is False  # nothing sent yet
    out = step.run(ship).output
    assert out["result"]["tracking_number"] == "JT1001"
    assert step.reconcile(ship).happened is True  # found by its tracking number
    assert step.run(ship).output["result"]["id"] == out["result"]["id"]  # never twice
    assert len(shopify.fulfillments[5001]) == 1
    cancel = _ctx(
        store, {"action": "cancel", "connection": "shop", "order_id": "5002", "reason": "inventory"}
    )
    step.run(cancel)
    assert step.reconcile(cancel).happened is True
    step.run(cancel)  # not refused as a repeat
    assert len(shopify.calls("POST", "/cancel.json")) == 1
    stock = _ctx(
        store, {"action": "stock", "connection": "shop", "sku": "OIL-1L", "quantity": "114"}
    )
    assert step.run(stock).output["result"]["available"] == 114
    assert shopify.levels[9002] == 114
    shopify.throttle_next(1, retry_after=2)
    from app.core.errors import RetryableError

    with pytest.raises(RetryableError) as slow:
        step.run(stock)
    assert slow.value.retry_after == 2


def test_the_sample_workflow_ships_a_shopify_order_end_to_end(
    data_dir, keyring_tmp, database, shopify, payment_gateway, webhook_sink, smtp_sink
):
    shopify.add_order(5001, 1042, [("RICE-25", 2), ("OIL-1L", 6)])
    ship_end_to_end(
        data_dir,
        "shopify",
        {"shop_domain": shopify.domain},
        {"access_token": shopify.token, "webhook_secret": shopify.secret},
        (payment_gateway, webhook_sink, smtp_sink),
        number="1042",
        push=lambda url: shopify.webhook(url, 5001),
        polled=lambda: shopify.calls("GET", "orders.json"),
    )
    [made] = shopify.fulfillments[5001]
    assert made["tracking_number"] == "JT1042" and made["tracking_company"] == "J&T Express"
