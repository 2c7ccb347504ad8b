"""A local Shopee Open Platform v2, written from Shopee's documentation: every call's sign is
checked the way Shopee checks it (HMAC-SHA256 hex of partner_id + path + timestamp [+ access_token
+ shop_id] with the partner key; a timestamp older than five minutes is refused), access tokens
expire and refresh tokens are single-use. Orders list by ``update_time`` windows of at most 15
days with a cursor; it can throttle (429 with Retry-After) and refuse to renew tokens."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import time
from typing import Any
from urllib.parse import parse_qs, urlparse

from tests.support.http_servers import LocalService


class TokenBook:
    """Access and refresh tokens as a platform hands them out (shared by both fakes)."""

    def __init__(self, lifetime: float) -> None:
        self.lifetime = lifetime
        self.access: dict[str, float] = {}  # token -> expires at
        self.refresh: set[str] = set()
        self.counter = itertools.count(1)
        self.fail_refresh = False
        self.refreshes = 0
        self.lock = threading.Lock()

    def issue(self) -> dict[str, Any]:
        n = next(self.counter)
        access, refresh = f"acc-{n}-{time.time_ns()}", f"ref-{n}-{time.time_ns()}"
        with self.lock:
            self.access[access] = time.time() + self.lifetime
            self.refresh.add(refresh)
        return {"access_token": access, "refresh_token": refresh, "expire_in": int(self.lifetime)}

    def renew(self, refresh: str) -> dict[str, Any] | None:
        with self.lock:
            if self.fail_refresh or refresh not in self.refresh:
                return None
            self.refresh.discard(refresh)  # single use
            self.refreshes += 1
        return self.issue()

    def valid(self, access: str) -> bool:
        with self.lock:
            return self.access.get(access, 0) > time.time()

    def expire_all(self) -> None:
        """Every access token handed out stops working now (a token that expires mid-run)."""
        with self.lock:
            self.access = dict.fromkeys(self.access, 0.0)


def shopee_sign(key: str, *parts: Any) -> str:
    return hmac.new(
        key.encode(), "".join(str(p) for p in parts).encode(), hashlib.sha256
    ).hexdigest()


class FakeShopee(LocalService):
    PUBLIC = ("/api/v2/auth/token/get", "/api/v2/auth/access_token/get")

    def __init__(
        self, partner_id: int = 2001887, partner_key: str = "shpk-test-key", shop_id: int = 220022
    ) -> None:
        super().__init__()
        self.partner_id, self.partner_key, self.shop_id = partner_id, partner_key, shop_id
        self.tokens = TokenBook(4 * 3600)
        self.codes = {"auth-code-1"}
        self.orders: dict[str, dict[str, Any]] = {}
        self.products: dict[str, tuple[int, int]] = {}  # sku -> (item_id, model_id)
        self.stock: dict[tuple[int, int], int] = {}
        self.shipped: dict[str, str] = {}
        self.cancelled: dict[str, str] = {}
        self.authorised_until = time.time() + 300 * 86400
        self.throttle_every = 0  # answer every Nth order-list call with 429
        self.retry_after = 0.2
        self.list_calls = 0
        self.throttled_at: list[float] = []
        self.refused: list[str] = []

    def add_order(
        self,
        sn: str,
        update_time: int,
        *,
        lines: list[tuple[str, int, float]],
        currency: str = "PHP",
        status: str = "READY_TO_SHIP",
    ) -> dict[str, Any]:
        items = [
            {
                "item_id": 100 + i,
                "item_name": f"Item {sku}",
                "item_sku": sku,
                "model_id": 0,
                "model_sku": sku,
                "model_quantity_purchased": qty,
                "model_original_price": price,
                "model_discounted_price": price,
            }
            for i, (sku, qty, price) in enumerate(lines)
        ]
        total = round(sum(q * p for _s, q, p in lines) + 50.0, 2)
        order = {
            "order_sn": sn,
            "region": "PH",
            "currency": currency,
            "order_status": status,
            "create_time": update_time - 60,
            "update_time": update_time,
            "buyer_username": "buyer_" + sn.lower(),
            "total_amount": total,
            "estimated_shipping_fee": 50.0,
            "recipient_address": {
                "name": "Juan Dela Cruz",
                "phone": "639171234567",
                "full_address": "1 Rizal St, Makati, Metro Manila",
                "city": "Makati",
                "state": "Metro Manila",
                "region": "PH",
                "zipcode": "1200",
            },
            "item_list": items,
        }
        self.orders[sn] = order
        return order

    # -- protocol ------------------------------------------------------------------------------
    def _refuse(self, h: Any, status: int, error: str, message: str) -> None:
        self.refused.append(error)
        self.reply(h, status, {"error": error, "message": message, "request_id": "fake"})

    def handle(self, h: Any, req: dict[str, Any]) -> None:
        url = urlparse(req["path"])
        q = {k: v[0] for k, v in parse_qs(url.query).items()}
        path = url.path
        body = json.loads(req["body"] or b"{}") if req["method"] == "POST" else {}
        try:
            ts = int(q.get("timestamp", "0"))
        except ValueError:
            ts = 0
        if abs(time.time() - ts) > 300:
            return self._refuse(h, 403, "error_param", "Invalid timestamp.")
        if str(q.get("partner_id")) != str(self.partner_id):
            return self._refuse(h, 403, "error_param", "Invalid partner_id.")
        if path in self.PUBLIC:
            expected = shopee_sign(self.partner_key, self.partner_id, path, ts)
        else:
            expected = shopee_sign(
                self.partner_key,
                self.partner_id,
                path,
                ts,
                q.get("access_token", ""),
                q.get("shop_id", ""),
            )
        if not hmac.compare_digest(expected, q.get("sign", "")):
            return self._refuse(h, 403, "error_sign", "Wrong sign.")
        if path not in self.PUBLIC:
            if str(q.get("shop_id")) != str(self.shop_id):
                return self._refuse(h, 403, "error_param", "Invalid shop_id.")
            if not self.tokens.valid(q.get("access_token", "")):
                return self._refuse(h, 403, "invalid_acceess_token", "Invalid access_token.")
        route = {
            "/api/v2/auth/token/get": self.do_token_get,
            "/api/v2/auth/access_token/get": self.do_access_token,
        }.get(path) or getattr(self, "do_" + path.rsplit("/", 1)[-1], None)
        if route is None:
            return self._refuse(h, 404, "error_not_found", f"No API {path}.")
        return route(h, q, body)

    def ok(self, h: Any, response: Any = None, **top: Any) -> None:
        self.reply(
            h,
            200,
            {
                "error": "",
                "message": "",
                "request_id": "fake",
                **({"response": response} if response is not None else {}),
                **top,
            },
        )

    def do_token_get(self, h: Any, q: dict[str, str], body: dict[str, Any]) -> None:
        if body.get("code") not in self.codes or int(body.get("shop_id", 0)) != self.shop_id:
            return self._refuse(h, 400, "error_param", "Invalid code.")
        self.codes.discard(body["code"])
        self.ok(h, None, **self.tokens.issue())

    def do_access_token(self, h: Any, q: dict[str, str], body: dict[str, Any]) -> None:
        issued = self.tokens.renew(str(body.get("refresh_token")))
        if issued is None:
            return self._refuse(h, 400, "error_param", "Invalid refresh_token.")
        self.ok(h, None, shop_id=self.shop_id, partner_id=self.partner_id, **issued)

    def do_get_shop_info(self, h: Any, q: dict[str, str], body: dict[str, Any]) -> None:
        self.ok(
            h,
            None,
            shop_name="Tindahan",
            region="PH",
            status="NORMAL",
            auth_time=int(time.time()) - 86400,
            expire_time=int(self.authorised_until),
        )

    def do_get_order_list(self, h: Any, q: dict[str, str], body: dict[str, Any]) -> None:
        self.list_calls += 1
        if self.throttle_every and self.list_calls % self.throttle_every == 0:
            self.throttled_at.append(time.time())
            return self.reply(
                h,
                429,
                {"error": "error_too_many_request", "message": "Too many requests."},
                {"Retry-After": f"{self.retry_after:g}"},
            )
        start, end = int(q["time_from"]), int(q["time_to"])
        size = int(q.get("page_size", 0))
        if q.get("time_range_field") not in ("create_time", "update_time") or end < start:
            return self._refuse(h, 400, "error_param", "Invalid time range.")
        if end - start > 15 * 86400:
            return self._refuse(
                h,
                400,
                "error_param",
                "The time range between time_from and time_to cannot exceed 15 days.",
            )
        if not 1 <= size <= 100:
            return self._refuse(h, 400, "error_param", "page_size must be between 1 and 100.")
        field = q["time_range_field"]
        found = sorted(
            (o for o in self.orders.values() if start <= o[field] <= end),
            key=lambda o: (o[field], o["order_sn"]),
        )
        offset = int(q.get("cursor") or 0)
        page = found[offset : offset + size]
        more = offset + size < len(found)
        self.ok(
            h,
            {
                "more": more,
                "next_cursor": str(offset + size) if more else "",
                "order_list": [{"order_sn": o["order_sn"]} for o in page],
            },
        )

    def do_get_order_detail(self, h: Any, q: dict[str, str], body: dict[str, Any]) -> None:
        sns = [s for s in q.get("order_sn_list", "").split(",") if s]
        if not 1 <= len(sns) <= 50:
            return self._refuse(h, 400, "error_param", "order_sn_list takes 1 to 50 orders.")
        self.ok(h, {"order_list": [self.orders[s] for s in sns if s in self.orders]})

    def do_get_tracking_number(self, h: Any, q: dict[str, str], body: dict[str, Any]) -> None:
        self.ok(h, {"tracking_number": self.shipped.get(q.get("order_sn", ""), "")})

    def do_ship_order(self, h: Any, q: dict[str, str], body: dict[str, Any]) -> None:
        sn = str(body.get("order_sn"))
        if sn not in self.orders or sn in self.shipped:
            return self._refuse(
                h, 400, "logistics.ship_order_invalid", "The order cannot be shipped in its status."
            )
        tracking = (body.get("non_integrated") or {}).get("tracking_number") or f"SPX{sn}"
        self.shipped[sn] = tracking
        self.orders[sn]["order_status"] = "PROCESSED"
        self.ok(h, {})

    def do_cancel_order(self, h: Any, q: dict[str, str], body: dict[str, Any]) -> None:
        sn = str(body.get("order_sn"))
        if sn not in self.orders:
            return self._refuse(h, 400, "error_not_found", "Order not found.")
        self.cancelled[sn] = str(body.get("cancel_reason"))
        self.orders[sn]["order_status"] = "CANCELLED"
        self.ok(h, {"update_time": int(time.time())})

    def do_search_item(self, h: Any, q: dict[str, str], body: dict[str, Any]) -> None:
        found = self.products.get(q.get("item_sku", ""))
        self.ok(h, {"item_id_list": [found[0]] if found else [], "total_count": int(bool(found))})

    def do_get_model_list(self, h: Any, q: dict[str, str], body: dict[str, Any]) -> None:
        models = [
            {"model_id": m, "model_sku": sku}
            for sku, (i, m) in self.products.items()
            if i == int(q["item_id"]) and m
        ]
        self.ok(h, {"model": models})

    def do_update_stock(self, h: Any, q: dict[str, str], body: dict[str, Any]) -> None:
        for row in body.get("stock_list") or []:
            self.stock[(int(body["item_id"]), int(row["model_id"]))] = int(
                row["seller_stock"][0]["stock"]
            )
        self.ok(h, {"success_list": body.get("stock_list"), "failure_list": []})
