"""Shopee: signing as documented, tokens renewed ahead of and after expiry, one inbox entry when
renewal fails or the authorisation lapses, orders across windows and pages, throttling, the
mapping to Order, and ship / cancel / stock — against a local fake that checks signatures."""

from __future__ import annotations

import json
import time

import pytest

from app.connectors.platforms import shopee, tokens
from app.connectors.platforms.tokens import RefreshFailed
from app.core.errors import DaloyError
from app.store import connections, inbox
from app.store.connections import ConnectionProvider
from tests.intake.platform_support import ship_end_to_end
from tests.support.fake_shopee import FakeShopee, shopee_sign

DAY = 86400


@pytest.fixture
def fake():
    f = FakeShopee()
    f.start()
    yield f
    f.stop()


@pytest.fixture
def shop(store, fake):
    with store.db.write() as s:
        connections.save(
            s,
            "my-shopee",
            "shopee",
            {
                "base_url": fake.url,
                "partner_id": str(fake.partner_id),
                "shop_id": str(fake.shop_id),
            },
            {"partner_key": fake.partner_key},
        )
    provider = ConnectionProvider(store.db)
    client = shopee.ShopeeShop(provider, "my-shopee")
    client.authorise("auth-code-1")
    yield client
    client.close()


def alerts(store) -> list:
    with store.db.read() as s:
        return [i for i in inbox.open_items(s) if i.source_key == tokens.alert_key("my-shopee")]


def test_sign_is_the_documented_hmac_of_the_base_string():
    # partner_id + path + timestamp + access_token + shop_id, HMAC-SHA256 hex with the key.
    base = "2001887/api/v2/order/get_order_list1655714431tok123220022"
    import hashlib
    import hmac

    assert (
        shopee.sign("k3y", 2001887, "/api/v2/order/get_order_list", 1655714431, "tok123", 220022)
        == hmac.new(b"k3y", base.encode(), hashlib.sha256).hexdigest()
    )
    # Public calls (token ones) sign partner_id + path + timestamp only.
    assert shopee.sign("k3y", 1, "/api/v2/auth/token/get", 5) == shopee_sign(
        "k3y", 1, "/api/v2/auth/token/get", 5
    )


def test_a_wrong_partner_key_is_refused_by_the_platform(store, fake):
    with store.db.write() as s:
        connections.save(
            s,
            "bad",
            "shopee",
            {
                "base_url": fake.url,
                "partner_id": str(fake.partner_id),
                "shop_id": str(fake.shop_id),
            },
            {"partner_key": "not-the-key"},
        )
    client = shopee.ShopeeShop(ConnectionProvider(store.db), "bad")
    with pytest.raises(DaloyError):
        client.authorise("auth-code-1")
    assert fake.refused == ["error_sign"]


def test_orders_across_15_day_windows_and_pages_are_all_listed_and_mapped(shop, fake):
    now = int(time.time())
    for i in range(230):  # 3 pages of 100 in the newest window
        fake.add_order(f"N{i:04d}", now - 3600 + i, lines=[("SKU-A", 2, 150.0)])
    fake.add_order("OLD1", now - 20 * DAY, lines=[("SKU-B", 1, 99.5), ("SKU-A", 1, 150.0)])
    got = list(shop.list_orders(now - 40 * DAY, now))
    assert sorted(o["order_sn"] for o in got) == sorted(fake.orders)
    assert "error_param" not in fake.refused  # no window over 15 days, no page over 100
    order = shopee.map_order(next(o for o in got if o["order_sn"] == "OLD1"), "my-shopee")
    assert (order.number, order.platform, order.currency) == ("OLD1", "shopee", "PHP")
    assert [(ln.sku, ln.qty, ln.price) for ln in order.lines] == [
        ("SKU-B", 1, 99.5),
        ("SKU-A", 1, 150.0),
    ]
    assert order.total == 299.5 and order.subtotal == 249.5 and order.shipping == 50.0
    assert order.customer.name == "Juan Dela Cruz"
    assert order.shipping_address["city"] == "Makati" and order.raw["order_sn"] == "OLD1"
    json.dumps(order.to_trigger())  # a workflow's trigger is plain JSON


def test_throttling_is_waited_out_as_asked_and_nothing_is_lost(shop, fake):
    now = int(time.time())
    for i in range(250):
        fake.add_order(f"T{i:04d}", now - 100 + i % 50, lines=[("SKU-A", 1, 10.0)])
    fake.throttle_every = 2
    got = list(shop.list_orders(now - DAY, now))
    assert len({o["order_sn"] for o in got}) == 250
    assert fake.throttled_at
    # The next order-list call came only after the Retry-After the platform asked for.
    calls = [r["at"] for r in fake.requests if "get_order_list" in r["path"]]
    for at in fake.throttled_at:
        later = [c for c in calls if c > at]
        assert later and min(later) - at >= fake.retry_after * 0.95


def test_a_token_that_expires_mid_run_is_renewed_and_no_order_is_lost(shop, fake):
    now = int(time.time())
    for i in range(120):
        fake.add_order(f"E{i:04d}", now - 500 + i, lines=[("SKU-A", 1, 10.0)])
    seen = []
    for n, order in enumerate(shop.list_orders(now - DAY, now)):
        seen.append(order["order_sn"])
        if n == 10:
            fake.tokens.expire_all()
    # Detail calls are made before the first yield, so expire between two list passes too.
    fake.tokens.expire_all()
    seen += [o["order_sn"] for o in shop.list_orders(now - DAY, now)]
    assert set(seen) == set(fake.orders)
    assert fake.tokens.refreshes == 1
    assert "invalid_acceess_token" in fake.refused


def test_tokens_are_renewed_ahead_of_expiry_and_kept_in_the_keyring(shop, fake):
    before = shop.keeper.load()
    shop.keeper.clock = lambda: before.access_expires_at - 120  # two minutes left
    shop.tracking_number("NONE")
    after = shop.keeper.load()
    assert after.access_token != before.access_token and fake.tokens.refreshes == 1
    assert after.refresh_token != before.refresh_token  # Shopee's are single-use
    assert after.authorised_until == pytest.approx(fake.authorised_until)


def test_a_refresh_that_fails_raises_one_inbox_entry_in_words(shop, fake, store):
    fake.tokens.fail_refresh = True
    fake.tokens.expire_all()
    for _ in range(3):
        with pytest.raises(RefreshFailed):
            shop.tracking_number("X1")
    entries = alerts(store)
    assert len(entries) == 1
    assert "my-shopee" in entries[0].reason and "authorise the shop again" in entries[0].reason
    fake.tokens.fail_refresh = False
    shop.tracking_number("X1")  # renewed: the entry closes by itself
    assert alerts(store) == []


def test_an_authorisation_about_to_lapse_raises_one_entry_well_before(shop, fake, store):
    fake.authorised_until = time.time() + 3 * DAY
    fake.tokens.expire_all()
    shop.tracking_number("X1")
    shop.keeper._checked = False
    shop.tracking_number("X1")
    entries = alerts(store)
    assert len(entries) == 1 and "ends on" in entries[0].reason


def test_ship_cancel_and_stock_answers(shop, fake):
    now = int(time.time())
    fake.add_order("S1", now, lines=[("SKU-A", 1, 10.0)])
    fake.add_order("C1", now, lines=[("SKU-A", 1, 10.0)])
    fake.products["SKU-A"] = (555, 7)
    assert shop.ship("S1", "TRACK-1") == {
        "order": "S1",
        "tracking_number": "TRACK-1",
        "already": False,
    }
    # A repeat (an attempt whose answer was lost) is found done, not shipped twice.
    assert shop.ship("S1", "TRACK-1")["already"] is True
    assert fake.shipped == {"S1": "TRACK-1"}
    shop.cancel("C1", "customer_request")
    assert fake.cancelled == {"C1": "CUSTOMER_REQUEST"}
    assert shop.update_stock("SKU-A", 12)["model_id"] == 7
    assert fake.stock == {(555, 7): 12}
    with pytest.raises(DaloyError, match="no product with SKU"):
        shop.update_stock("NOPE", 1)


def test_the_sample_workflow_ships_a_shopee_order_end_to_end(
    data_dir, keyring_tmp, database, fake, payment_gateway, webhook_sink, smtp_sink
):
    fake.add_order(
        "260105QX1042", int(time.time()) - 60, lines=[("RICE-25", 2, 500.0), ("OIL-1L", 6, 120.0)]
    )
    ship_end_to_end(
        data_dir,
        "shopee",
        {"base_url": fake.url, "partner_id": str(fake.partner_id), "shop_id": str(fake.shop_id)},
        {"partner_key": fake.partner_key},
        (payment_gateway, webhook_sink, smtp_sink),
        number="260105QX1042",
        trigger={"poll_seconds": 10, "first_days": 2},
        emailed=False,
        authorise=lambda p: shopee.ShopeeShop(p, "shop").authorise("auth-code-1"),
    )
    assert fake.shipped == {"260105QX1042": "JT260105QX1042"}
    assert fake.orders["260105QX1042"]["order_status"] == "PROCESSED"
