"""Shopify, through its Admin REST API (a custom app's Admin API access token in
``X-Shopify-Access-Token``), with plain httpx.

Why not the ShopifyAPI package: it is built on pyactiveresource with one process-wide active
session (``ShopifyResource.activate_session``), which two shops polled on two threads would
share; the documented REST calls below are few and small.

- Orders: ``GET orders.json?status=any&updated_at_min=…&limit=250&order=updated_at asc``, then
  the ``Link: <…page_info=…>; rel="next"`` cursor (with ``page_info`` only ``limit`` may be sent).
- Rate limit: the REST leaky bucket answers 429 with ``Retry-After`` (seconds).
- Ship: the order's open fulfillment orders, then ``POST fulfillments.json`` with
  ``line_items_by_fulfillment_order`` and ``tracking_info``.
- Cancel: ``POST orders/{id}/cancel.json`` (reason: customer, inventory, fraud, declined, other).
- Stock: the SKU's inventory item (GraphQL ``productVariants(query: "sku:…")``), then
  ``POST inventory_levels/set.json`` (an absolute level) at the connection's location.
- Webhooks: ``X-Shopify-Hmac-Sha256`` = base64 HMAC-SHA256 of the raw body, keyed by the app's
  client secret (or the signing key shown where the webhook was made in the admin).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from app.connectors.platforms import Customer, Line, Order
from app.connectors.platforms.http import PlatformHttp, PlatformRejected, base_url
from app.connectors.platforms.platform import Platform, Shipment, Webhook, iso_utc
from app.core import json_text
from app.core.i18n import QT_TRANSLATE_NOOP, said

API_VERSION = "2025-01"
PAGE = 250
REASONS = ("customer", "inventory", "fraud", "declined", "other")


def open_client(settings: Mapping[str, Any], secret: Any, _connections: Any = None) -> PlatformHttp:
    root = base_url(
        str(settings.get("shop_domain") or ""),
        what=said(QT_TRANSLATE_NOOP("Steps", "Shopify shop domain")),
    )
    version = settings.get("api_version") or API_VERSION
    return PlatformHttp(
        f"{root}/admin/api/{version}",
        title="Shopify",
        shop=shop(settings),
        headers={"X-Shopify-Access-Token": secret("access_token"), "Accept": "application/json"},
        default_wait=2.0,
    )


def shop(settings: Mapping[str, Any]) -> str:
    domain = str(settings.get("shop_domain") or "").strip().rstrip("/")
    return urlsplit(domain if "://" in domain else "https://" + domain).netloc.lower()


def list_orders(http: PlatformHttp, since: str, cursor: Any) -> tuple[list[dict[str, Any]], Any]:
    if cursor:
        params: dict[str, Any] = {"limit": PAGE, "page_info": cursor}
    else:
        params = {
            "status": "any",
            "updated_at_min": since,
            "limit": PAGE,
            "order": "updated_at asc",
        }
    response = http.get("orders.json", params=params)
    nxt = response.links.get("next", {}).get("url")
    token = parse_qs(urlsplit(nxt).query).get("page_info", [None])[0] if nxt else None
    return list(http.answer(response, dict).get("orders") or []), token


def _money(value: Any) -> float | None:
    return None if value in (None, "") else float(value)


def map_order(raw: dict[str, Any], shop_name: str) -> Order:
    person = raw.get("customer") or {}
    address = raw.get("shipping_address") or {}
    shipping = ((raw.get("total_shipping_price_set") or {}).get("shop_money") or {}).get("amount")
    return Order(
        number=str(raw.get("name") or raw.get("order_number") or raw["id"]).lstrip("#"),
        platform="shopify",
        platform_order_id=str(raw["id"]),
        status="cancelled"
        if raw.get("cancelled_at")
        else str(raw.get("fulfillment_status") or raw.get("financial_status") or "open"),
        customer=Customer(
            name=" ".join(filter(None, (person.get("first_name"), person.get("last_name")))),
            email=str(raw.get("email") or person.get("email") or ""),
            phone=str(raw.get("phone") or person.get("phone") or ""),
        ),
        lines=[
            Line(
                sku=str(li.get("sku") or ""),
                qty=int(li["quantity"]),
                price=float(li.get("price") or 0),
                name=str(li.get("title") or ""),
            )
            for li in raw.get("line_items") or []
        ],
        total=float(raw["total_price"]),
        currency=str(raw.get("currency") or ""),
        subtotal=_money(raw.get("subtotal_price")),
        shipping=_money(shipping),
        shipping_address={
            k: str(address[k])
            for k in ("name", "address1", "address2", "city", "province", "zip", "country", "phone")
            if address.get(k)
        },
        created_at=iso_utc(raw.get("created_at")),
        updated_at=iso_utc(raw.get("updated_at")),
        shop=shop_name,
        raw=raw,
    )


def find_shipment(http: PlatformHttp, s: Shipment) -> dict[str, Any] | None:
    """The order's fulfillment that already carries this tracking number, if any."""
    body = http.read("GET", f"orders/{s.order_id}/fulfillments.json")
    for f in body.get("fulfillments") or []:
        numbers = f.get("tracking_numbers") or [f.get("tracking_number")]
        if s.tracking_number in numbers and f.get("status") != "cancelled":
            return {
                "id": str(f["id"]),
                "status": f.get("status"),
                "tracking_number": s.tracking_number,
            }
    return None


def ship(http: PlatformHttp, s: Shipment) -> dict[str, Any]:
    # Shopify takes no idempotency key here: look first, so a repeat never ships twice.
    if (done := find_shipment(http, s)) is not None:
        return done
    orders = http.read("GET", f"orders/{s.order_id}/fulfillment_orders.json")
    open_ones = [
        fo["id"]
        for fo in orders.get("fulfillment_orders") or []
        if fo.get("status") in ("open", "in_progress")
    ]
    if not open_ones:
        raise PlatformRejected(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "Shopify order {order} has nothing left to ship (no open fulfillment order); "
                    "it may have been shipped or cancelled in the Shopify admin.",
                ),
                order=s.order_id,
            ),
            422,
        )
    tracking = {
        k: v
        for k, v in (("number", s.tracking_number), ("company", s.carrier), ("url", s.tracking_url))
        if v
    }
    made = http.read(
        "POST",
        "fulfillments.json",
        json={
            "fulfillment": {
                "line_items_by_fulfillment_order": [{"fulfillment_order_id": i} for i in open_ones],
                "tracking_info": tracking,
                "notify_customer": s.notify_customer,
            }
        },
    )["fulfillment"]
    return {
        "id": str(made["id"]),
        "status": made.get("status"),
        "tracking_number": s.tracking_number,
    }


def find_cancel(http: PlatformHttp, order_id: str) -> dict[str, Any] | None:
    order = http.read(
        "GET", f"orders/{order_id}.json", params={"fields": "id,cancelled_at,cancel_reason"}
    )["order"]
    if order.get("cancelled_at"):
        return {
            "id": str(order["id"]),
            "cancelled_at": order["cancelled_at"],
            "reason": order.get("cancel_reason"),
        }
    return None


def cancel(http: PlatformHttp, order_id: str, reason: str) -> dict[str, Any]:
    if (done := find_cancel(http, order_id)) is not None:  # Shopify refuses a second cancel
        return done
    why = reason if reason in REASONS else "other"
    order = http.read("POST", f"orders/{order_id}/cancel.json", json={"reason": why})["order"]
    return {"id": str(order["id"]), "cancelled_at": order.get("cancelled_at"), "reason": why}


VARIANT_BY_SKU = (
    "query($q: String!) { productVariants(first: 2, query: $q) "
    "{ nodes { sku inventoryItem { id } } } }"
)


def set_stock(http: PlatformHttp, sku: str, qty: int) -> dict[str, Any]:
    answer = http.read(
        "POST", "graphql.json", json={"query": VARIANT_BY_SKU, "variables": {"q": f"sku:{sku}"}}
    )
    nodes = [
        n
        for n in ((answer.get("data") or {}).get("productVariants") or {}).get("nodes", [])
        if n.get("sku") == sku
    ]
    if not nodes:
        raise PlatformRejected(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "Shopify has no product variant with SKU {sku}; check the SKU in the Shopify "
                    "admin.",
                ),
                sku=sku,
            ),
            404,
        )
    item = nodes[0]["inventoryItem"]["id"].rsplit("/", 1)[-1]
    location = _location(http)
    level = http.read(
        "POST",
        "inventory_levels/set.json",
        json={"location_id": int(location), "inventory_item_id": int(item), "available": qty},
    )["inventory_level"]
    return {"sku": sku, "available": level.get("available"), "location_id": str(location)}


def _location(http: PlatformHttp) -> str:
    locations = http.read("GET", "locations.json").get("locations") or []
    active = [loc for loc in locations if loc.get("active", True)]
    if not active:
        raise PlatformRejected(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps", "The Shopify shop has no active location to keep stock at."
                )
            ),
            404,
        )
    return str(active[0]["id"])


def verify(headers: Mapping[str, str], body: bytes, secret: str) -> bool:
    given = headers.get("x-shopify-hmac-sha256", "")
    expected = base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest())
    return hmac.compare_digest(expected, given.encode())


def order_of(headers: Mapping[str, str], body: bytes) -> dict[str, Any] | None:
    topic = headers.get("x-shopify-topic", "")
    # orders/delete carries only an id; orders/edited a diff, not the order.
    if not topic.startswith("orders/") or topic in ("orders/delete", "orders/edited"):
        return None
    data = json_text.loads(body)  # as written: NaN, Infinity refused
    if not isinstance(data, dict) or "id" not in data:
        raise ValueError("not an order")
    return data


PLATFORM = Platform(
    name="shopify",
    title="Shopify",
    connection_kind="shopify",
    open=open_client,
    shop=shop,
    list_orders=list_orders,
    map_order=map_order,
    cancelled_statuses=("cancelled",),
    ship=ship,
    find_shipment=find_shipment,
    cancel=cancel,
    find_cancel=find_cancel,
    set_stock=set_stock,
    guarantees={
        "ship": "Shopify takes no idempotency key for a fulfillment, so Daloy first looks for "
        "one carrying the same tracking number and reuses it; a closed fulfillment "
        "order cannot be fulfilled twice.",
        "cancel": "A cancelled order (cancelled_at set) is not cancelled again.",
        "stock": "inventory_levels/set sets an absolute level at the connection's location "
        "(location_id, or the first active one).",
    },
    webhook=Webhook(
        verify=verify,
        order_of=order_of,
        how="in the Shopify admin (Settings → Notifications → Webhooks) create "
        "“Order creation” and “Order update” webhooks in JSON, and save the "
        "signing key shown there as the connection's webhook_secret.",
    ),
    summary="New and updated orders from a Shopify shop (Admin API).",
)
