"""A shop platform answering what is not JSON as JSON is written — NaN, Infinity, a cut-off
text, an HTML error page — to each kind of call (a page of orders, a token renewal, a shipment's
look-up and its write, a stock level, a pushed order), against the local fakes of the four
platforms: the operator reads a sentence naming the shop and what happens next, the answer is
kept as it came (an intake item, or the step's error detail), and the next check or attempt
goes on with nothing lost and nothing done twice."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from app.connectors.platforms import lazada, shopee, tokens
from app.core.errors import OutcomeUnknownError, RetryableError
from app.steps import registry
from app.store import inbox
from app.store import intake as repo
from app.store.connections import ConnectionProvider
from app.store.models import ChannelState, InboxItem, IntakeItem
from tests.intake.platform_support import channel, counts, step_context, web
from tests.support.fake_lazada import FakeLazada
from tests.support.fake_shopee import FakeShopee
from tests.support.fake_shopify import FakeShopify
from tests.support.fake_woocommerce import FakeWooCommerce

BODIES = {
    "nan": b'{"orders": [{"id": 1, "total_price": NaN}], "total": NaN}',
    "infinity": b'{"orders": [], "total": Infinity}',
    "cut-off": b'{"orders": [{"id": 1, "name": "#10',
    "html": b"<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>",
}
SAID = {
    "nan": "not a number (NaN or Infinity)",
    "infinity": "not a number (NaN or Infinity)",
    "cut-off": "not JSON, or JSON cut off",
    "html": "a web page instead of data",
}


@dataclass(frozen=True)
class Shop:
    """What the tests need to know of one platform and its fake."""

    kind: str
    title: str
    fake: Callable[[], Any]
    settings: Callable[[Any], dict[str, Any]]
    secrets: Callable[[Any], dict[str, str]]
    add: Callable[[Any, int], str]  # the i-th order; its platform order id
    page: str  # a fragment of the order-list call's path (GET)
    ship_look: str  # a look-up (GET) the shipment makes before it acts
    ship_write: tuple[str, str]  # the call that ships
    shipped: Callable[[Any, str], int]  # how many times the order was shipped
    stock_write: tuple[str, str]
    stock: Callable[[Any], int]  # the level of the SKU "OIL-1L" (Shopee: "SKU-A")
    authorise: Callable[[ConnectionProvider], Any] | None = None
    renew: str = ""  # the token renewal's path (platforms whose tokens expire)


def _shopify_add(fake: FakeShopify, i: int) -> str:
    fake.add_order(5001 + i, 1001 + i, [("RICE-25", 1)], updated_at=f"2026-01-05T17:0{i}:00+08:00")
    return str(5001 + i)


def _woo_add(fake: FakeWooCommerce, i: int) -> str:
    fake.add_order(301 + i, [("RICE-25", 1)], modified=f"2026-01-05T09:0{i}:00")
    return str(301 + i)


def _shopee_add(fake: FakeShopee, i: int) -> str:
    fake.products["SKU-A"] = (555, 7)
    fake.add_order(f"S{i}", int(time.time()) - 600 + i, lines=[("SKU-A", 1, 10.0)])
    return f"S{i}"


def _lazada_add(fake: FakeLazada, i: int) -> str:
    fake.stock.setdefault("OIL-1L", 5)
    fake.add_order(8001 + i, 400001 + i, time.time() - 600 + i, [("RICE-25", 1, 500.0)])
    return str(8001 + i)


SHOPS = {
    "shopify": Shop(
        "shopify",
        "Shopify",
        lambda: FakeShopify(page_size=2),
        lambda f: {"shop_domain": f.domain},
        lambda f: {"access_token": f.token, "webhook_secret": f.secret},
        _shopify_add,
        page="orders.json",
        ship_look="fulfillment_orders.json",
        ship_write=("POST", "/fulfillments.json"),
        shipped=lambda f, oid: len(f.fulfillments.get(int(oid), [])),
        stock_write=("POST", "inventory_levels/set.json"),
        stock=lambda f: f.levels.get(9002, -1),
    ),
    "woocommerce": Shop(
        "woocommerce",
        "WooCommerce",
        FakeWooCommerce,
        lambda f: {"site_url": f.url},
        lambda f: {
            "consumer_key": f.key,
            "consumer_secret": f.consumer_secret,
            "webhook_secret": f.secret,
        },
        _woo_add,
        page="/orders?",
        ship_look="/notes",
        ship_write=("PUT", "/orders/301"),  # completes the order, after its note
        shipped=lambda f, oid: (
            int(f.orders[int(oid)]["status"] == "completed") * len(f.notes.get(int(oid), []))
        ),
        stock_write=("PUT", "/products/"),
        stock=lambda f: f.products["OIL-1L"]["stock_quantity"],
    ),
    "shopee": Shop(
        "shopee",
        "Shopee",
        FakeShopee,
        lambda f: {"base_url": f.url, "partner_id": str(f.partner_id), "shop_id": str(f.shop_id)},
        lambda f: {"partner_key": f.partner_key},
        _shopee_add,
        page="get_order_list",
        ship_look="get_tracking_number",
        ship_write=("POST", "ship_order"),
        shipped=lambda f, oid: int(oid in f.shipped),
        stock_write=("POST", "update_stock"),
        stock=lambda f: f.stock.get((555, 7), -1),
        authorise=lambda p: shopee.ShopeeShop(p, "shop").authorise("auth-code-1"),
        renew="access_token/get",
    ),
    "lazada": Shop(
        "lazada",
        "Lazada",
        FakeLazada,
        lambda f: {"base_url": f.base, "auth_url": f.base, "app_key": f.app_key},
        lambda f: {"app_secret": f.app_secret},
        _lazada_add,
        page="/orders/get",
        ship_look="/order/items/get",
        ship_write=("POST", "/order/rts"),
        shipped=lambda f, oid: int(all(r["status"] == "ready_to_ship" for r in f.items[int(oid)])),
        stock_write=("POST", "/product/stock/sellable/update"),
        stock=lambda f: f.stock["OIL-1L"],
        authorise=lambda p: lazada.LazadaShop(p, "shop").authorise("lzd-code-1"),
        renew="/auth/token/refresh",
    ),
}


@pytest.fixture(params=list(SHOPS))
def shop(request) -> Shop:
    return SHOPS[request.param]


@pytest.fixture
def fake(shop):
    f = shop.fake()
    f.start()
    yield f
    f.stop()


@pytest.fixture(params=list(BODIES))
def bad(request) -> tuple[bytes, str]:
    return BODIES[request.param], SAID[request.param]


def open_channel(store, shop: Shop, fake):
    # Shopee and Lazada orders are from the last minutes (Shopee walks 15-day windows back to
    # the first day); Shopify's and WooCommerce's fakes date theirs January 2026.
    days = 1 if shop.renew else 10000
    ch = channel(store, shop.kind, shop.settings(fake), shop.secrets(fake), first_days=days)
    if shop.authorise is not None:
        shop.authorise(ConnectionProvider(store.db))
    return ch


def last_error(store) -> str:
    with store.db.read() as s:
        return s.get(ChannelState, "orders/shop").last_error or ""


def kept(store) -> list[bytes]:
    with store.db.read() as s:
        rows = s.scalars(select(IntakeItem.raw).where(IntakeItem.status == "malformed"))
        return [bytes(r) for r in rows]


def test_an_unreadable_page_is_kept_and_the_next_check_takes_every_order(store, shop, fake, bad):
    body, words = bad
    ch = open_channel(store, shop, fake)
    for i in range(3):
        shop.add(fake, i)
    fake.answer_next("GET", shop.page, body)
    assert ch.poll_once() == 0  # said and recorded, never raised into the scheduler
    error = last_error(store)
    assert shop.title in error and words in error and "asks again later" in error
    assert kept(store) == [body]  # the answer as it came
    assert repo.get_cursor(store.db, "orders/shop") is None  # the pass starts over
    ch.not_before = 0  # (the back-off after a failed check, not waited out here)
    assert ch.poll_once() == 3
    assert counts(store) == (4, 3)  # three orders, one kept answer
    fake.answer_next("GET", shop.page, body)  # the same answer again: the same entry
    ch.not_before = 0
    ch.poll_once()
    ch.not_before = 0
    assert ch.poll_once() == 0 and counts(store) == (4, 3)


@pytest.mark.parametrize("shop", [SHOPS["shopee"], SHOPS["lazada"]], ids=["shopee", "lazada"])
def test_an_unreadable_token_renewal_is_said_and_the_next_check_renews(store, shop, fake, bad):
    body, words = bad
    ch = open_channel(store, shop, fake)
    shop.add(fake, 0)
    fake.tokens.expire_all()
    fake.answer_next("POST", shop.renew, body)
    assert ch.poll_once() == 0
    with store.db.read() as s:
        [alert] = [i for i in inbox.open_items(s) if i.source_key == tokens.alert_key("shop")]
    assert words in alert.reason and "“shop”" in alert.reason
    ch.not_before = 0
    assert ch.poll_once() == 1 and counts(store) == (1, 1)
    with store.db.read() as s:
        assert not [i for i in inbox.open_items(s) if i.source_key == tokens.alert_key("shop")]


def _ship(store, oid: str) -> Any:
    return step_context(
        store,
        {"action": "ship", "connection": "shop", "order_id": oid, "tracking_number": "JT1"},
    )


def test_an_unreadable_look_up_before_shipping_is_tried_again(store, shop, fake, bad):
    body, words = bad
    open_channel(store, shop, fake)
    oid = shop.add(fake, 0)
    step, ctx = registry().get("platform_update"), _ship(store, oid)
    fake.answer_next("GET", shop.ship_look, body)
    with pytest.raises(RetryableError) as err:
        step.run(ctx)
    assert not isinstance(err.value, OutcomeUnknownError)  # a look-up acted on nothing
    assert shop.title in str(err.value) and words in str(err.value)
    assert err.value.detail["said"] == body.decode()
    assert shop.shipped(fake, oid) == 0
    step.run(ctx)
    assert shop.shipped(fake, oid) == 1


def test_an_unreadable_answer_to_shipping_is_looked_up_never_sent_twice(store, shop, fake, bad):
    body, words = bad
    open_channel(store, shop, fake)
    oid = shop.add(fake, 0)
    step, ctx = registry().get("platform_update"), _ship(store, oid)
    fake.answer_next(*shop.ship_write, body, acted=True)  # it shipped, then answered garbage
    with pytest.raises(OutcomeUnknownError) as err:
        step.run(ctx)
    assert shop.title in str(err.value) and "may have acted" in str(err.value)
    assert err.value.detail["said"] == body.decode()
    found = step.reconcile(ctx)
    assert found.happened is True and found.output["reconciled"] is True
    assert shop.shipped(fake, oid) == 1


def test_an_unreadable_answer_to_a_stock_level_is_set_again(store, shop, fake, bad):
    body, words = bad
    open_channel(store, shop, fake)
    shop.add(fake, 0)
    sku = "SKU-A" if shop.kind == "shopee" else "OIL-1L"
    step = registry().get("platform_update")
    ctx = step_context(store, {"action": "stock", "connection": "shop", "sku": sku, "quantity": 42})
    fake.answer_next(*shop.stock_write, body, acted=True)
    with pytest.raises(OutcomeUnknownError) as err:
        step.run(ctx)
    assert shop.title in str(err.value) and err.value.detail["said"] == body.decode()
    assert step.reconcile(ctx).happened is False  # a level: sending it again is harmless
    step.run(ctx)
    assert shop.stock(fake) == 42


@pytest.mark.parametrize("kind", ["shopify", "woocommerce"])
@pytest.mark.parametrize("body", [BODIES["nan"], BODIES["cut-off"]])
def test_an_unreadable_push_is_400_kept_and_the_order_comes_by_the_next_check(store, kind, body):
    shop = SHOPS[kind]
    fake = shop.fake()
    fake.start()
    try:
        ch = open_channel(store, shop, fake)
        oid = shop.add(fake, 0)
        with web(store, ch) as url:
            sent = fake.webhook(url, int(oid))  # a real, signed push of the order
            assert sent.status_code == 200
            garbled = _signed_push(kind, fake, url, body)
            assert garbled.status_code == 400 and "kept" in garbled.json()["error"]
            assert _signed_push(kind, fake, url, body).status_code == 400
        assert kept(store) == [body]  # once
        assert ch.poll_once() == 0 and counts(store) == (2, 1)
    finally:
        fake.stop()


def _signed_push(kind: str, fake: Any, url: str, body: bytes) -> Any:
    """``body`` pushed as the platform pushes an order, signed with the shop's secret."""
    import httpx

    from tests.support.fake_platform import b64_hmac

    sign = b64_hmac(fake.secret, body)
    headers = (
        {"X-Shopify-Topic": "orders/updated", "X-Shopify-Hmac-Sha256": sign}
        if kind == "shopify"
        else {"X-WC-Webhook-Topic": "order.updated", "X-WC-Webhook-Signature": sign}
    )
    return httpx.post(
        url, content=body, timeout=10, headers={"Content-Type": "application/json", **headers}
    )


def test_the_kept_answer_says_its_reason_in_the_readers_language(store):
    shop = SHOPS["shopify"]
    fake = shop.fake()
    fake.start()
    try:
        ch = open_channel(store, shop, fake)
        fake.answer_next("GET", shop.page, BODIES["html"], content_type="text/html")
        ch.poll_once()
        with store.db.read() as s:
            entry = s.scalars(select(InboxItem)).one()
        assert "Shopify" in entry.reason and "a web page instead of data" in entry.reason
        # stored with its template, so the inbox says it in the operator's language
        assert entry.words["reason"]["source"].startswith("{platform} answered {path}")
    finally:
        fake.stop()
