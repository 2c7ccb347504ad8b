"""A local Shopify Admin REST API (and the one GraphQL query Daloy sends), written from
Shopify's documentation: ``X-Shopify-Access-Token`` checked on every call (401 otherwise),
orders paged with ``Link: <…page_info=…>; rel="next"`` (``page_info`` may come only with
``limit``, as on Shopify: 400 otherwise), 429 + Retry-After on demand, fulfillment orders that
close when fulfilled, cancel refused twice, inventory levels set per location."""

from __future__ import annotations

import base64
import itertools
import json
from datetime import datetime
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

from tests.support.fake_platform import FakePlatform, b64_hmac, post_webhook

VERSION = "2025-01"


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class FakeShopify(FakePlatform):
    def __init__(
        self,
        token: str = "shpat_test_token",
        secret: str = "shopify-signing-key",
        page_size: int = 250,
    ) -> None:
        super().__init__()
        self.token, self.secret, self.page_size = token, secret, page_size
        self.orders: dict[int, dict[str, Any]] = {}
        self.fulfillment_orders: dict[int, list[dict[str, Any]]] = {}
        self.fulfillments: dict[int, list[dict[str, Any]]] = {}
        self.variants = {"RICE-25": 9001, "OIL-1L": 9002}  # sku -> inventory item id
        self.levels: dict[int, int] = {}
        self._ids = itertools.count(7000)

    @property
    def domain(self) -> str:
        return self.url  # what the connection's shop_domain holds in tests

    def add_order(
        self,
        oid: int,
        number: int,
        lines: list[tuple[str, int]],
        updated_at: str = "2026-01-05T17:00:00+08:00",
        **extra: Any,
    ) -> dict[str, Any]:
        order = {
            "id": oid,
            "name": f"#{number}",
            "order_number": number,
            "email": "nena@example.com",
            "currency": "PHP",
            "financial_status": "paid",
            "fulfillment_status": None,
            "cancelled_at": None,
            "created_at": "2026-01-05T16:00:00+08:00",
            "updated_at": updated_at,
            "total_price": f"{100.0 * len(lines):.2f}",
            "subtotal_price": "90.00",
            "total_shipping_price_set": {"shop_money": {"amount": "10.00", "currency_code": "PHP"}},
            "customer": {"first_name": "Aling", "last_name": "Nena", "email": "nena@example.com"},
            "shipping_address": {
                "name": "Aling Nena",
                "address1": "12 Mabini St",
                "city": "Quezon City",
                "zip": "1100",
                "country": "Philippines",
            },
            "line_items": [
                {"id": oid * 10 + i, "sku": s, "quantity": q, "price": "50.00", "title": s}
                for i, (s, q) in enumerate(lines)
            ],
        } | extra
        with self.lock:
            self.orders[oid] = order
            self.fulfillment_orders[oid] = [
                {"id": oid * 100 + 1, "order_id": oid, "status": "open"}
            ]
            self.fulfillments[oid] = []
        return order

    def update_order(self, oid: int, updated_at: str, **changes: Any) -> dict[str, Any]:
        with self.lock:
            self.orders[oid].update(changes, updated_at=updated_at)
            return dict(self.orders[oid])

    def webhook(
        self, url: str, oid: int, topic: str = "orders/create", secret: str | None = None
    ) -> Any:
        body = dict(self.orders[oid])
        raw = json.dumps(body).encode()
        return post_webhook(
            url,
            body,
            {
                "X-Shopify-Topic": topic,
                "X-Shopify-Shop-Domain": "fake.myshopify.com",
                "X-Shopify-Hmac-Sha256": b64_hmac(secret or self.secret, raw),
                "X-Shopify-Webhook-Id": f"wh-{oid}-{topic}",
            },
        )

    # -- the API ----------------------------------------------------------------------------
    def authorised(self, req: dict[str, Any]) -> bool:
        return req["headers"].get("X-Shopify-Access-Token") == self.token

    def refusal(self) -> dict[str, Any]:
        return {
            "errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"
        }

    def route(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        url = urlparse(req["path"])
        prefix = f"/admin/api/{VERSION}/"
        if not url.path.startswith(prefix):
            return self.reply(h, 404, {"errors": "Not Found"})
        path, q = url.path[len(prefix) :], parse_qs(url.query)
        body = json.loads(req["body"] or b"{}")
        parts = path.removesuffix(".json").split("/")
        with self.lock:
            if req["method"] == "GET" and path == "orders.json":
                return self._list(h, q)
            if parts[0] == "orders" and len(parts) >= 2 and int(parts[1]) not in self.orders:
                return self.reply(h, 404, {"errors": "Not Found"})
            if req["method"] == "GET" and len(parts) == 2 and parts[0] == "orders":
                return self.reply(h, 200, {"order": self.orders[int(parts[1])]})
            if req["method"] == "GET" and parts[2:] == ["fulfillment_orders"]:
                return self.reply(
                    h, 200, {"fulfillment_orders": self.fulfillment_orders[int(parts[1])]}
                )
            if req["method"] == "GET" and parts[2:] == ["fulfillments"]:
                return self.reply(h, 200, {"fulfillments": self.fulfillments[int(parts[1])]})
            if req["method"] == "POST" and path == "fulfillments.json":
                return self._fulfil(h, body["fulfillment"])
            if req["method"] == "POST" and parts[2:] == ["cancel"]:
                order = self.orders[int(parts[1])]
                if order["cancelled_at"]:
                    return self.reply(h, 422, {"errors": "Order has already been cancelled"})
                order.update(
                    cancelled_at="2026-01-06T10:00:00+08:00",
                    cancel_reason=body.get("reason"),
                    updated_at="2026-01-06T10:00:00+08:00",
                )
                return self.reply(h, 200, {"order": order})
            if req["method"] == "POST" and path == "graphql.json":
                sku = body["variables"]["q"].removeprefix("sku:")
                nodes = (
                    [
                        {
                            "sku": sku,
                            "inventoryItem": {
                                "id": f"gid://shopify/InventoryItem/{self.variants[sku]}"
                            },
                        }
                    ]
                    if sku in self.variants
                    else []
                )
                return self.reply(h, 200, {"data": {"productVariants": {"nodes": nodes}}})
            if req["method"] == "GET" and path == "locations.json":
                return self.reply(h, 200, {"locations": [{"id": 55, "active": True}]})
            if req["method"] == "POST" and path == "inventory_levels/set.json":
                self.levels[body["inventory_item_id"]] = body["available"]
                return self.reply(
                    h,
                    200,
                    {
                        "inventory_level": {
                            "inventory_item_id": body["inventory_item_id"],
                            "location_id": body["location_id"],
                            "available": body["available"],
                        }
                    },
                )
        return self.reply(h, 404, {"errors": "Not Found"})

    def _list(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        limit = min(int(q.get("limit", ["50"])[0]), 250, self.page_size)
        if "page_info" in q:
            if set(q) - {"page_info", "limit"}:
                return self.reply(
                    h,
                    400,
                    {"errors": {"page_info": "page_info cannot be passed with other parameters"}},
                )
            state = json.loads(base64.urlsafe_b64decode(q["page_info"][0]))
            since, offset = state["since"], state["offset"]
        else:
            since, offset = q.get("updated_at_min", [""])[0], 0
        chosen = sorted(
            (
                o
                for o in self.orders.values()
                if not since or _when(o["updated_at"]) >= _when(since)
            ),
            key=lambda o: _when(o["updated_at"]),
        )
        page = chosen[offset : offset + limit]
        headers = {}
        if offset + limit < len(chosen):
            token = base64.urlsafe_b64encode(
                json.dumps({"since": since, "offset": offset + limit}).encode()
            ).decode()
            link = f"{self.url}/admin/api/{VERSION}/orders.json?" + urlencode(
                {"limit": limit, "page_info": token}
            )
            headers["Link"] = f'<{link}>; rel="next"'
        self.reply(h, 200, {"orders": page}, headers)

    def _fulfil(self, h: BaseHTTPRequestHandler, f: dict[str, Any]) -> None:
        ids = [x["fulfillment_order_id"] for x in f["line_items_by_fulfillment_order"]]
        fos = {fo["id"]: fo for lst in self.fulfillment_orders.values() for fo in lst}
        if any(i not in fos or fos[i]["status"] != "open" for i in ids):
            return self.reply(h, 422, {"errors": ["Fulfillment order is not open"]})
        oid = fos[ids[0]]["order_id"]
        for i in ids:
            fos[i]["status"] = "closed"
        made = {
            "id": next(self._ids),
            "order_id": oid,
            "status": "success",
            "tracking_number": f["tracking_info"].get("number"),
            "tracking_numbers": [f["tracking_info"].get("number")],
            "tracking_company": f["tracking_info"].get("company"),
            "notify_customer": f.get("notify_customer"),
        }
        self.fulfillments[oid].append(made)
        self.orders[oid].update(
            fulfillment_status="fulfilled", updated_at="2026-01-06T09:00:00+08:00"
        )
        self.reply(h, 201, {"fulfillment": made})
