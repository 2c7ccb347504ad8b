"""Lazada: the documented signing (the Open Platform's own worked example), the mapping of its
orders (one item row per unit) to Daloy's Order, and against a local Lazada that checks
signatures: paging, its call limit, a token expiring mid-run, a failed refresh (one inbox
entry), and ship / cancel / stock with their look-ups."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs, urlparse

import pytest

from app.connectors.platforms import lazada, tokens
from app.core.errors import DaloyError, PermanentError
from app.steps import registry
from app.store import inbox
from app.store.connections import ConnectionProvider
from app.store.models import Run
from tests.intake.platform_support import channel, counts, ship_end_to_end, step_context
from tests.support.fake_lazada import FakeLazada


def test_sign_matches_lazadas_documented_example():
    # "HTTP request sample" of the Lazada Open Platform: GetOrder with app secret "helloworld".
    params = {
        "app_key": "123456",
        "access_token": "test",
        "timestamp": "1517820392000",
        "sign_method": "sha256",
        "order_id": "1234",
    }
    assert lazada.sign("helloworld", "/order/get", params) == (
        "4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A"
    )
    # The sign parameter itself never takes part, whatever its place in the sort.
    assert lazada.sign("helloworld", "/order/get", {**params, "sign": "X"}) == (
        lazada.sign("helloworld", "/order/get", params)
    )


def test_unit_rows_of_one_sku_become_one_line_with_totals():
    raw = {
        "order_id": 9001,
        "order_number": 300012,
        "statuses": ["pending"],
        "customer_first_name": "Maria",
        "customer_last_name": "Santos",
        "price": "1,250.00",
        "shipping_fee": "45.00",
        "created_at": "2026-01-05 09:00:00 +0800",
        "updated_at": "2026-01-05 09:10:00 +0800",
        "address_shipping": {
            "first_name": "Maria",
            "phone": "63917",
            "city": "Pasig",
            "address1": "2 Mabini St",
            "post_code": "1600",
            "country": "Philippines",
        },
        "items": [
            {
                "order_item_id": 1,
                "sku": "SKU-A",
                "item_price": 500.0,
                "currency": "PHP",
                "name": "Mug",
            },
            {
                "order_item_id": 2,
                "sku": "SKU-A",
                "item_price": 500.0,
                "currency": "PHP",
                "name": "Mug",
            },
            {
                "order_item_id": 3,
                "sku": "SKU-B",
                "item_price": 250.0,
                "currency": "PHP",
                "name": "Cap",
            },
        ],
    }
    order = lazada.map_order(raw, "my-lazada")
    assert (order.number, order.platform_order_id, order.currency) == ("300012", "9001", "PHP")
    assert [(ln.sku, ln.qty, ln.price) for ln in order.lines] == [
        ("SKU-A", 2, 500.0),
        ("SKU-B", 1, 250.0),
    ]
    assert (order.subtotal, order.shipping, order.total) == (1250.0, 45.0, 1295.0)
    assert order.customer.name == "Maria Santos" and order.shipping_address["city"] == "Pasig"
    json.dumps(order.to_trigger())


# -- against a local Lazada that checks signatures and expires tokens -----------------------------
@pytest.fixture
def fake():
    f = FakeLazada()
    f.start()
    yield f
    f.stop()


def lazada_channel(store, fake, secret=None, authorise=True):
    ch = channel(
        store,
        "lazada",
        {"base_url": fake.base, "auth_url": fake.base, "app_key": fake.app_key},
        {"app_secret": secret or fake.app_secret},
    )
    if authorise:
        with lazada.LazadaShop(ConnectionProvider(store.db), "shop") as shop:
            shop.authorise("lzd-code-1")
    return ch


def add_orders(fake, n):
    now = time.time()
    for i in range(n):
        fake.add_order(9000 + i, 300000 + i, now - 600 + i, [("RICE-25", 1 + i % 2, 500.0)])


def test_a_wrong_app_secret_is_refused_and_nothing_is_stored(store, fake):
    ch = lazada_channel(store, fake, secret="not-the-secret", authorise=False)
    with pytest.raises(DaloyError, match="IncompleteSignature"):
        lazada.LazadaShop(ConnectionProvider(store.db), "shop").authorise("lzd-code-1")
    assert ch.poll_once() == 0 and counts(store) == (0, 0)


def test_orders_are_paged_across_pages_and_each_is_one_run(store, fake):
    add_orders(fake, 230)
    ch = lazada_channel(store, fake)
    assert ch.poll_once() == 230
    offsets = [
        parse_qs(urlparse(r["path"]).query)["offset"][0]
        for r in fake.requests
        if "/orders/get" in r["path"]
    ]
    assert offsets == ["0", "100", "200"]
    assert counts(store) == (230, 230)
    assert "InvalidParameter" not in fake.refused  # no page over 100, no batch over 50
    assert ch.poll_once() == 0 and counts(store)[1] == 230  # the overlap again: no repeats
    with store.db.read() as s:
        order = s.query(Run).filter(Run.business_key == "300007").one().trigger["order"]
    assert order["platform"] == "lazada" and order["lines"] == [
        {"sku": "RICE-25", "qty": 2, "price": 500.0, "name": "Item RICE-25"}
    ]
    assert order["updated_at"].endswith("Z")  # Lazada's +0800 time in UTC


def test_a_slow_down_is_honoured_and_nothing_is_lost(store, fake):
    add_orders(fake, 150)
    fake.throttle = [2]  # the second page: ApiCallLimit
    ch = lazada_channel(store, fake)
    assert ch.poll_once() == 150
    calls = [r["at"] for r in fake.requests if "/orders/get" in r["path"]]
    assert len(calls) == 3 and calls[2] - calls[1] >= 0.95  # waited as Lazada's ban lasts
    assert fake.refused.count("ApiCallLimit") == 1


def test_a_token_expiring_mid_run_is_renewed_and_no_order_is_lost(store, fake):
    add_orders(fake, 230)
    fake.expire_after_list_calls = 1  # ends after the first page
    ch = lazada_channel(store, fake)
    assert ch.poll_once() == 230 and counts(store) == (230, 230)
    assert fake.tokens.refreshes == 1 and "IllegalAccessToken" in fake.refused


def test_a_refresh_that_fails_raises_one_inbox_entry(store, fake):
    add_orders(fake, 3)
    ch = lazada_channel(store, fake)
    fake.tokens.fail_refresh = True
    fake.tokens.expire_all()
    for _ in range(3):
        ch.not_before = 0
        assert ch.poll_once() == 0
    assert counts(store) == (0, 0)
    with store.db.read() as s:
        entries = [i for i in inbox.open_items(s) if i.source_key == tokens.alert_key("shop")]
    assert len(entries) == 1
    assert "Lazada connection “shop”" in entries[0].reason
    assert "authorise the shop again" in entries[0].reason
    fake.tokens.fail_refresh = False
    ch.not_before = 0
    assert ch.poll_once() == 3  # nothing was lost meanwhile


def test_ship_cancel_and_stock_with_their_look_ups(store, fake):
    lazada_channel(store, fake)
    now = time.time()
    fake.add_order(8001, 400001, now, [("RICE-25", 2, 500.0)])
    fake.add_order(8002, 400002, now, [("OIL-1L", 1, 120.0)])
    fake.stock["OIL-1L"] = 5
    step = registry().get("platform_update")
    ship = step_context(
        store,
        {
            "action": "ship",
            "connection": "shop",
            "order_id": "8001",
            "tracking_number": "JT400001",
            "carrier": "J&T Express",
        },
    )
    assert step.reconcile(ship).happened is False
    assert step.run(ship).output["result"]["tracking_number"] == "JT400001"
    assert {r["status"] for r in fake.items[8001]} == {"ready_to_ship"}
    assert step.reconcile(ship).happened is True
    assert step.run(ship).output["result"]["already"] is True  # never sent twice
    assert len([r for r in fake.requests if "/order/rts" in r["path"]]) == 1
    cancel = step_context(
        store,
        {"action": "cancel", "connection": "shop", "order_id": "8002", "reason": "out of stock"},
    )
    step.run(cancel)
    assert step.reconcile(cancel).happened is True
    step.run(cancel)  # a repeat sends nothing
    assert len([r for r in fake.requests if "/order/cancel" in r["path"]]) == 1
    stock = step_context(
        store, {"action": "stock", "connection": "shop", "sku": "OIL-1L", "quantity": "42"}
    )
    step.run(stock)
    assert fake.stock["OIL-1L"] == 42
    unknown = step_context(
        store, {"action": "stock", "connection": "shop", "sku": "NOPE", "quantity": "1"}
    )
    with pytest.raises(PermanentError, match="NOPE"):
        step.run(unknown)


def test_the_sample_workflow_ships_a_lazada_order_end_to_end(
    data_dir, keyring_tmp, database, fake, payment_gateway, webhook_sink, smtp_sink
):
    fake.add_order(9042, 300042, time.time() - 60, [("RICE-25", 2, 500.0), ("OIL-1L", 6, 120.0)])
    ship_end_to_end(
        data_dir,
        "lazada",
        {"base_url": fake.base, "auth_url": fake.base, "app_key": fake.app_key},
        {"app_secret": fake.app_secret},
        (payment_gateway, webhook_sink, smtp_sink),
        number="300042",
        trigger={"poll_seconds": 10, "first_days": 2},
        emailed=False,
        authorise=lambda p: lazada.LazadaShop(p, "shop").authorise("lzd-code-1"),
    )
    assert {(r["status"], r["tracking_code"]) for r in fake.items[9042]} == {
        ("ready_to_ship", "JT300042")
    }
    assert fake.items[9042][0]["shipment_provider"] == "J&T Express"
