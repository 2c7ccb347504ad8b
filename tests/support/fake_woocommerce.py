"""A local WooCommerce REST API v3 (``/wp-json/wc/v3``), written from its documentation: HTTP
Basic with the consumer key and secret on every call (401 ``woocommerce_rest_cannot_view``
otherwise), orders filtered by ``modified_after`` (GMT with ``dates_are_gmt``) and paged by
``page``/``per_page`` with ``X-WP-Total``/``X-WP-TotalPages``, order notes, status updates, and
products found by SKU; 429 + Retry-After on demand (as a host's rate limiter answers)."""

from __future__ import annotations

import base64
import itertools
import json
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlparse

from tests.support.fake_platform import FakePlatform, b64_hmac, post_webhook

ROOT = "/wp-json/wc/v3/"


class FakeWooCommerce(FakePlatform):
    def __init__(
        self, key: str = "ck_test", secret: str = "cs_test", hook_secret: str = "woo-hook-secret"
    ) -> None:
        super().__init__()
        self.key, self.consumer_secret, self.secret = key, secret, hook_secret
        self.orders: dict[int, dict[str, Any]] = {}
        self.notes: dict[int, list[dict[str, Any]]] = {}
        self.products = {
            "RICE-25": {"id": 31, "sku": "RICE-25", "stock_quantity": 40},
            "OIL-1L": {"id": 32, "sku": "OIL-1L", "stock_quantity": 120},
        }
        self._ids = itertools.count(900)

    def add_order(
        self, oid: int, lines: list[tuple[str, int]], modified: str = "2026-01-05T09:00:00"
    ) -> dict[str, Any]:
        order = {
            "id": oid,
            "number": str(oid),
            "status": "processing",
            "currency": "PHP",
            "date_created_gmt": "2026-01-05T08:00:00",
            "date_modified_gmt": modified,
            "total": f"{100.0 * len(lines):.2f}",
            "shipping_total": "10.00",
            "billing": {
                "first_name": "Aling",
                "last_name": "Nena",
                "email": "nena@example.com",
                "phone": "0917",
            },
            "shipping": {
                "first_name": "Aling",
                "last_name": "Nena",
                "address_1": "12 Mabini St",
                "city": "Quezon City",
                "postcode": "1100",
                "country": "PH",
            },
            "line_items": [
                {"id": oid * 10 + i, "sku": s, "quantity": q, "price": 50.0, "name": s}
                for i, (s, q) in enumerate(lines)
            ],
        }
        with self.lock:
            self.orders[oid], self.notes[oid] = order, []
        return order

    def webhook(
        self, url: str, oid: int, topic: str = "order.created", secret: str | None = None
    ) -> Any:
        body = dict(self.orders[oid])
        return post_webhook(
            url,
            body,
            {
                "X-WC-Webhook-Topic": topic,
                "X-WC-Webhook-Resource": "order",
                "X-WC-Webhook-Source": self.url + "/",
                "X-WC-Webhook-Signature": b64_hmac(
                    secret or self.secret, json.dumps(body).encode()
                ),
            },
        )

    def authorised(self, req: dict[str, Any]) -> bool:
        given = req["headers"].get("Authorization", "")
        wanted = base64.b64encode(f"{self.key}:{self.consumer_secret}".encode()).decode()
        return given == f"Basic {wanted}"

    def refusal(self) -> dict[str, Any]:
        return {
            "code": "woocommerce_rest_cannot_view",
            "message": "Sorry, you cannot list resources.",
            "data": {"status": 401},
        }

    def route(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        url = urlparse(req["path"])
        if not url.path.startswith(ROOT):
            return self.reply(h, 404, {"code": "rest_no_route"})
        parts, q = url.path[len(ROOT) :].strip("/").split("/"), parse_qs(url.query)
        body = json.loads(req["body"] or b"{}")
        method = req["method"]
        with self.lock:
            if method == "GET" and parts == ["orders"]:
                return self._list(h, q)
            if method == "GET" and parts == ["products"]:
                sku = q.get("sku", [""])[0]
                return self.reply(h, 200, [self.products[sku]] if sku in self.products else [])
            if parts[0] == "products" and method == "PUT":
                product = next(p for p in self.products.values() if p["id"] == int(parts[1]))
                product.update(
                    manage_stock=body["manage_stock"], stock_quantity=body["stock_quantity"]
                )
                return self.reply(h, 200, product)
            if parts[0] != "orders" or int(parts[1]) not in self.orders:
                return self.reply(h, 404, {"code": "woocommerce_rest_shop_order_invalid_id"})
            oid = int(parts[1])
            if method == "GET" and len(parts) == 2:
                return self.reply(h, 200, self.orders[oid])
            if method == "PUT" and len(parts) == 2:
                self.orders[oid].update(body, date_modified_gmt="2026-01-06T01:00:00")
                return self.reply(h, 200, self.orders[oid])
            if parts[2:] == ["notes"] and method == "GET":
                return self.reply(h, 200, self.notes[oid])
            if parts[2:] == ["notes"] and method == "POST":
                note = {
                    "id": next(self._ids),
                    "note": body["note"],
                    "customer_note": body.get("customer_note", False),
                }
                self.notes[oid].append(note)
                return self.reply(h, 201, note)
        return self.reply(h, 404, {"code": "rest_no_route"})

    def _list(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        since = q.get("modified_after", [""])[0]
        per_page, page = int(q.get("per_page", ["10"])[0]), int(q.get("page", ["1"])[0])
        if per_page > 100:
            return self.reply(h, 400, {"code": "rest_invalid_param"})
        per_page = min(per_page, self.page_size)
        chosen = sorted(
            (o for o in self.orders.values() if not since or o["date_modified_gmt"] > since),
            key=lambda o: o["id"],
        )
        pages = max(1, -(-len(chosen) // per_page))
        self.reply(
            h,
            200,
            chosen[(page - 1) * per_page : page * per_page],
            {"X-WP-Total": str(len(chosen)), "X-WP-TotalPages": str(pages)},
        )

    page_size = 100
