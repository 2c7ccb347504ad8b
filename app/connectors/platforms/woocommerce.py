"""WooCommerce, through its REST API v3 (``/wp-json/wc/v3``), with plain httpx.

Why not the ``woocommerce`` package: its last release (3.0.0) is from 2021, it brings
``requests`` for what httpx already does here, and it adds nothing but the URL join and OAuth
1.0a for plain-http sites — which Daloy refuses anyway (keys in clear).

- Auth: HTTP Basic with the consumer key and secret, over HTTPS (as WooCommerce documents).
- Orders: ``GET orders?modified_after=…&dates_are_gmt=true&orderby=id&order=asc&per_page=100
  &page=N``; ``X-WP-TotalPages`` says when to stop. Ordered by id, not by modification time:
  an order changed during a pass can only join the list later (read twice, a duplicate), never
  push an unread order onto a page already read.
- Ship: WooCommerce itself keeps no tracking numbers, so Daloy adds a customer note with the
  carrier and tracking number (the buyer is emailed it) and marks the order ``completed``.
- Cancel: status ``cancelled`` plus a private note with the reason.
- Stock: the product with that SKU (``GET products?sku=``), then ``manage_stock`` and
  ``stock_quantity`` (an absolute level).
- Webhooks: ``X-WC-Webhook-Signature`` = base64 HMAC-SHA256 of the raw body, keyed by the
  webhook's secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from app.connectors.platforms import Customer, Line, Order
from app.connectors.platforms.http import PlatformHttp, PlatformRejected, base_url
from app.connectors.platforms.platform import Platform, Shipment, Webhook, iso_utc
from app.core import json_text
from app.core.i18n import QT_TRANSLATE_NOOP, said

PAGE = 100
ORDER_TOPICS = ("order.created", "order.updated", "order.restored")


def open_client(settings: Mapping[str, Any], secret: Any, _connections: Any = None) -> PlatformHttp:
    import httpx  # loaded when a shop is first called, not when the runner starts

    root = base_url(
        str(settings.get("site_url") or ""),
        what=said(QT_TRANSLATE_NOOP("Steps", "WooCommerce site address")),
    )
    return PlatformHttp(
        f"{root}/wp-json/wc/v3",
        title="WooCommerce",
        shop=shop(settings),
        auth=httpx.BasicAuth(secret("consumer_key"), secret("consumer_secret")),
        headers={"Accept": "application/json"},
        default_wait=10.0,
    )


def shop(settings: Mapping[str, Any]) -> str:
    site = str(settings.get("site_url") or "").strip().rstrip("/")
    parts = urlsplit(site if "://" in site else "https://" + site)
    return (parts.netloc + parts.path).lower()


def list_orders(http: PlatformHttp, since: str, cursor: Any) -> tuple[list[dict[str, Any]], Any]:
    page = int(cursor or 1)
    response = http.get(
        "orders",
        params={
            "modified_after": since.rstrip("Z"),
            "dates_are_gmt": "true",
            "orderby": "id",
            "order": "asc",
            "per_page": PAGE,
            "page": page,
        },
    )
    pages = int(response.headers.get("X-WP-TotalPages") or 1)
    return http.answer(response, list), (page + 1 if page < pages else None)


def _name(person: Mapping[str, Any]) -> str:
    return " ".join(filter(None, (person.get("first_name"), person.get("last_name"))))


def map_order(raw: dict[str, Any], shop_name: str) -> Order:
    billing = raw.get("billing") or {}
    ship_to = raw.get("shipping") or {}
    address = {"name": _name(ship_to)} | {
        k: str(ship_to[k])
        for k in (
            "company",
            "address_1",
            "address_2",
            "city",
            "state",
            "postcode",
            "country",
            "phone",
        )
        if ship_to.get(k)
    }
    return Order(
        number=str(raw.get("number") or raw["id"]),
        platform="woocommerce",
        platform_order_id=str(raw["id"]),
        status=str(raw.get("status") or ""),
        customer=Customer(
            name=_name(billing),
            email=str(billing.get("email") or ""),
            phone=str(billing.get("phone") or ""),
        ),
        lines=[
            Line(
                sku=str(li.get("sku") or ""),
                qty=int(li["quantity"]),
                price=float(li.get("price") or 0),
                name=str(li.get("name") or ""),
            )
            for li in raw.get("line_items") or []
        ],
        total=float(raw["total"]),
        currency=str(raw.get("currency") or ""),
        shipping=float(raw.get("shipping_total") or 0),
        shipping_address={k: v for k, v in address.items() if v},
        created_at=iso_utc(raw.get("date_created_gmt")),
        updated_at=iso_utc(raw.get("date_modified_gmt")),
        shop=shop_name,
        raw=raw,
    )


def _note(s: Shipment) -> str:
    via = f" with {s.carrier}" if s.carrier else ""
    page = f" Track it at {s.tracking_url}" if s.tracking_url else ""
    return f"Your order has shipped{via}. Tracking number: {s.tracking_number}.{page}"


def find_shipment(http: PlatformHttp, s: Shipment) -> dict[str, Any] | None:
    """The customer note carrying this tracking number, if Daloy already added it."""
    for note in http.read("GET", f"orders/{s.order_id}/notes", list):
        if s.tracking_number in str(note.get("note") or ""):
            return {"note_id": str(note["id"]), "tracking_number": s.tracking_number}
    return None


def ship(http: PlatformHttp, s: Shipment) -> dict[str, Any]:
    note = find_shipment(http, s)  # notes have no idempotency key: look first
    if note is None:
        made = http.read(
            "POST",
            f"orders/{s.order_id}/notes",
            json={"note": _note(s), "customer_note": s.notify_customer},
        )
        note = {"note_id": str(made["id"]), "tracking_number": s.tracking_number}
    order = http.read("PUT", f"orders/{s.order_id}", json={"status": "completed"})
    return note | {"status": order.get("status")}


def find_cancel(http: PlatformHttp, order_id: str) -> dict[str, Any] | None:
    order = http.read("GET", f"orders/{order_id}")
    return (
        {"id": str(order["id"]), "status": "cancelled"}
        if order.get("status") == "cancelled"
        else None
    )


def cancel(http: PlatformHttp, order_id: str, reason: str) -> dict[str, Any]:
    if (done := find_cancel(http, order_id)) is not None:
        return done
    order = http.read("PUT", f"orders/{order_id}", json={"status": "cancelled"})
    http.post(
        f"orders/{order_id}/notes",
        json={"note": f"Cancelled by Daloy: {reason}", "customer_note": False},
    )
    return {"id": str(order["id"]), "status": order.get("status"), "reason": reason}


def set_stock(http: PlatformHttp, sku: str, qty: int) -> dict[str, Any]:
    found = [
        p for p in http.read("GET", "products", list, params={"sku": sku}) if p.get("sku") == sku
    ]
    if not found:
        raise PlatformRejected(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "WooCommerce has no product with SKU {sku}; check the SKU under Products.",
                ),
                sku=sku,
            ),
            404,
        )
    product = http.read(
        "PUT", f"products/{found[0]['id']}", json={"manage_stock": True, "stock_quantity": qty}
    )
    return {"sku": sku, "id": str(product["id"]), "stock_quantity": product.get("stock_quantity")}


def verify(headers: Mapping[str, str], body: bytes, secret: str) -> bool:
    given = headers.get("x-wc-webhook-signature", "")
    expected = base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest())
    return hmac.compare_digest(expected, given.encode())


def order_of(headers: Mapping[str, str], body: bytes) -> dict[str, Any] | None:
    if headers.get("x-wc-webhook-topic", "") not in ORDER_TOPICS:
        return None  # a ping on creation, or another topic: nothing to take in
    data = json_text.loads(body)  # as written: NaN, Infinity refused
    if not isinstance(data, dict) or "id" not in data:
        raise ValueError("not an order")
    return data


PLATFORM = Platform(
    name="woocommerce",
    title="WooCommerce",
    connection_kind="woocommerce",
    open=open_client,
    shop=shop,
    list_orders=list_orders,
    map_order=map_order,
    cancelled_statuses=("cancelled", "refunded", "trash"),
    ship=ship,
    find_shipment=find_shipment,
    cancel=cancel,
    find_cancel=find_cancel,
    set_stock=set_stock,
    guarantees={
        "ship": "WooCommerce takes no idempotency key: Daloy adds the tracking note only when "
        "no note carries that tracking number yet; setting the status to completed "
        "is the same on a repeat.",
        "cancel": "A cancelled order is not cancelled (or noted) again.",
        "stock": "stock_quantity is an absolute level.",
    },
    webhook=Webhook(
        verify=verify,
        order_of=order_of,
        how="under WooCommerce → Settings → Advanced → Webhooks add “Order "
        "created” and “Order updated” webhooks, and save their secret as the "
        "connection's webhook_secret.",
    ),
    summary="New and updated orders from a WooCommerce shop (REST API v3).",
)
