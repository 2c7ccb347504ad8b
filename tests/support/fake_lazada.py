"""A local Lazada Open Platform, written from Lazada's documentation: every call's sign is checked
the way Lazada checks it (HMAC-SHA256, upper-case hex, of the API path followed by each parameter
name and value sorted by name, with the app secret; GET parameters in the query, POST ones as a
form), access tokens expire (``IllegalAccessToken``) and each refresh spends the refresh token.
Errors come back as HTTP 200 with a ``code`` other than "0", as Lazada answers them; a throttled
call answers ``ApiCallLimit``. Orders list by ``update_after`` with offset/limit (at most 100)
and ``sort_by``/``sort_direction``; one item row per unit bought."""

from __future__ import annotations

import hmac
import json
import re
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlparse

from tests.support.fake_shopee import TokenBook
from tests.support.http_servers import LocalService

PREFIX = "/rest"
TZ = "+0800"  # Lazada PH answers in local time with an offset


def lazada_time(epoch: float) -> str:
    return (
        datetime.fromtimestamp(epoch, UTC)
        .astimezone(datetime.strptime(TZ, "%z").tzinfo)
        .strftime("%Y-%m-%d %H:%M:%S %z")
    )


class FakeLazada(LocalService):
    PUBLIC = ("/auth/token/create", "/auth/token/refresh")

    def __init__(self, app_key: str = "100132", app_secret: str = "lzd-test-secret") -> None:
        super().__init__()
        self.app_key, self.app_secret = app_key, app_secret
        self.tokens = TokenBook(7 * 86400)
        self.codes = {"lzd-code-1"}
        self.orders: dict[int, dict[str, Any]] = {}
        self.items: dict[int, list[dict[str, Any]]] = {}
        self.stock: dict[str, int] = {}  # seller SKU -> sellable quantity
        self.throttle: list[int] = []  # answer these order-list calls (1-based) ApiCallLimit
        self.expire_after_list_calls = 0  # expire every token after this many list calls
        self.list_calls = 0
        self.refused: list[str] = []
        self.next_item = 1

    @property
    def base(self) -> str:
        return self.url + PREFIX

    def add_order(
        self,
        order_id: int,
        number: int,
        updated: float,
        lines: list[tuple[str, int, float]],
        status: str = "pending",
    ) -> None:
        self.orders[order_id] = {
            "order_id": order_id,
            "order_number": number,
            "statuses": [status],
            "created_at": lazada_time(updated - 60),
            "updated_at": lazada_time(updated),
            "customer_first_name": "Maria",
            "customer_last_name": "Santos",
            "price": f"{sum(q * p for _s, q, p in lines):,.2f}",
            "shipping_fee": "45.00",
            "address_shipping": {
                "first_name": "Maria",
                "last_name": "Santos",
                "phone": "639171112222",
                "address1": "2 Mabini St",
                "city": "Pasig",
                "post_code": "1600",
                "country": "Philippines",
            },
        }
        rows = []
        for sku, qty, price in lines:
            for _ in range(qty):  # one row per unit, as Lazada lists them
                rows.append(
                    {
                        "order_item_id": self.next_item,
                        "order_id": order_id,
                        "sku": sku,
                        "name": f"Item {sku}",
                        "item_price": price,
                        "currency": "PHP",
                        "status": status,
                        "tracking_code": "",
                    }
                )
                self.next_item += 1
        self.items[order_id] = rows

    # -- protocol ------------------------------------------------------------------------------
    def error(self, h: Any, code: str, message: str) -> None:
        self.refused.append(code)
        self.reply(h, 200, {"type": "ISV", "code": code, "message": message, "request_id": "fake"})

    def ok(self, h: Any, data: Any = None, **top: Any) -> None:
        self.reply(
            h,
            200,
            {
                "code": "0",
                "request_id": "fake",
                **({"data": data} if data is not None else {}),
                **top,
            },
        )

    def handle(self, h: Any, req: dict[str, Any]) -> None:
        url = urlparse(req["path"])
        raw = url.query if req["method"] == "GET" else req["body"].decode()
        q = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
        path = url.path.removeprefix(PREFIX)
        expected = (
            hmac.new(
                self.app_secret.encode(),
                (path + "".join(f"{k}{q[k]}" for k in sorted(q) if k != "sign")).encode(),
                "sha256",
            )
            .hexdigest()
            .upper()
        )
        if q.get("app_key") != self.app_key:
            return self.error(h, "InvalidApiKey", "Specified api key is invalid.")
        if not hmac.compare_digest(expected, q.get("sign", "")):
            return self.error(
                h,
                "IncompleteSignature",
                "The request signature does not conform to platform standards",
            )
        if abs(time.time() * 1000 - int(q.get("timestamp") or 0)) > 7200 * 1000:
            return self.error(h, "InvalidTimestamp", "The request timestamp is out of range.")
        if path not in self.PUBLIC and not self.tokens.valid(q.get("access_token", "")):
            return self.error(
                h, "IllegalAccessToken", "The specified access token is invalid or expired"
            )
        route = getattr(self, "do_" + path.strip("/").replace("/", "_"), None)
        if route is None:
            return self.error(h, "InvalidApiPath", f"The specified API path {path} is invalid")
        return route(h, q)

    @staticmethod
    def _lazada_pair(got: dict[str, Any]) -> dict[str, Any]:
        return {
            "access_token": got["access_token"],
            "refresh_token": got["refresh_token"],
            "expires_in": got["expire_in"],
            "refresh_expires_in": 30 * 86400,
            "country": "ph",
            "account": "seller@example.ph",
        }

    def do_auth_token_create(self, h: Any, q: dict[str, str]) -> None:
        if q.get("code") not in self.codes:
            return self.error(h, "InvalidCode", "Invalid authorization code")
        self.codes.discard(q["code"])
        self.ok(h, None, **self._lazada_pair(self.tokens.issue()))

    def do_auth_token_refresh(self, h: Any, q: dict[str, str]) -> None:
        got = self.tokens.renew(q.get("refresh_token", ""))
        if got is None:
            return self.error(
                h, "IllegalRefreshToken", "The specified refresh token is invalid or expired"
            )
        self.ok(h, None, **self._lazada_pair(got))

    def do_orders_get(self, h: Any, q: dict[str, str]) -> None:
        self.list_calls += 1
        if self.list_calls in self.throttle:
            return self.error(h, "ApiCallLimit", "This request has exceeded api limit")
        if "update_after" not in q and "created_after" not in q:
            return self.error(h, "MissingParameter", "update_after or created_after is needed")
        limit, offset = int(q.get("limit", 10)), int(q.get("offset", 0))
        if not 1 <= limit <= 100:
            return self.error(h, "InvalidParameter", "limit must be between 1 and 100")
        after = datetime.fromisoformat(q["update_after"]).timestamp()
        before = (
            datetime.fromisoformat(q["update_before"]).timestamp()
            if q.get("update_before")
            else float("inf")
        )
        found = [
            o
            for o in self.orders.values()
            if after <= datetime.fromisoformat(o["updated_at"]).timestamp() <= before
        ]
        found.sort(
            key=lambda o: (datetime.fromisoformat(o["updated_at"]), o["order_id"]),
            reverse=q.get("sort_direction", "DESC") == "DESC",
        )
        page = found[offset : offset + limit]
        if self.expire_after_list_calls and self.list_calls == self.expire_after_list_calls:
            self.tokens.expire_all()  # the token ends just after this answer
        self.ok(h, {"count": len(page), "countTotal": len(found), "orders": page})

    def do_orders_items_get(self, h: Any, q: dict[str, str]) -> None:
        ids = json.loads(q.get("order_ids") or "[]")
        if not 1 <= len(ids) <= 50:
            return self.error(h, "InvalidParameter", "order_ids takes 1 to 50 orders")
        self.ok(
            h,
            [
                {
                    "order_id": i,
                    "order_number": self.orders[i]["order_number"],
                    "order_items": self.items[i],
                }
                for i in ids
                if i in self.items
            ],
        )

    def do_order_items_get(self, h: Any, q: dict[str, str]) -> None:
        self.ok(h, self.items.get(int(q["order_id"]), []))

    def _set_status(self, order_id: int) -> None:
        statuses = sorted({i["status"] for i in self.items[order_id]})
        self.orders[order_id]["statuses"] = statuses
        self.orders[order_id]["updated_at"] = lazada_time(time.time())

    def do_order_rts(self, h: Any, q: dict[str, str]) -> None:
        wanted = set(json.loads(q.get("order_item_ids") or "[]"))
        rows = [r for rows in self.items.values() for r in rows if r["order_item_id"] in wanted]
        if not rows or q.get("delivery_type") != "dropship" or not q.get("tracking_number"):
            return self.error(
                h, "InvalidParameter", "Order items, dropship and a tracking number are needed"
            )
        if any(r["status"] not in ("pending", "packed", "topack") for r in rows):
            return self.error(h, "E0061", "Order item status is not allowed for this action")
        for r in rows:
            r.update(
                status="ready_to_ship",
                tracking_code=q["tracking_number"],
                shipment_provider=q.get("shipment_provider", ""),
            )
        self._set_status(rows[0]["order_id"])
        self.ok(h, {"order_items": [{"order_item_id": r["order_item_id"]} for r in rows]})

    def do_order_cancel(self, h: Any, q: dict[str, str]) -> None:
        wanted = int(q.get("order_item_id") or 0)
        row = next(
            (r for rows in self.items.values() for r in rows if r["order_item_id"] == wanted), None
        )
        if row is None or row["status"] != "pending":
            return self.error(h, "E0062", "Order item cannot be canceled in its status")
        row.update(status="canceled", reason_detail=q.get("reason_detail", ""))
        self._set_status(row["order_id"])
        self.ok(h)

    def do_product_stock_sellable_update(self, h: Any, q: dict[str, str]) -> None:
        pairs = re.findall(
            r"<SellerSku>(.*?)</SellerSku>\s*<SellableQuantity>(\d+)"
            r"</SellableQuantity>",
            q.get("payload", ""),
        )
        unknown = [sku for sku, _n in pairs if sku not in self.stock]
        if not pairs or unknown:
            return self.error(h, "E0207", f"SellerSku {', '.join(unknown)} does not exist")
        for sku, n in pairs:
            self.stock[sku] = int(n)
        self.ok(h)
