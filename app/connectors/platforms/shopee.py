"""Shopee Open Platform v2: request signing, shop authorisation and token refresh, order listing
by its time-window and cursor rules, the mapping to Daloy's ``Order``, and the answers
(ship with a tracking number, cancel, stock).

Shopee publishes no Python SDK, so the documented signing is implemented here: the sign is the
HMAC-SHA256 (hex) of ``partner_id + api path + timestamp + access_token + shop_id`` with the
partner key (public calls such as the token ones leave out token and shop). Timestamps are
seconds and go stale after five minutes. Access tokens last about four hours and each refresh
spends the refresh token (30 days) for a new one; the shop's authorisation itself ends a year
after the owner gave it (``expire_time`` of ``shop/get_shop_info``).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from app.connectors.platforms import Customer, Line, Order
from app.connectors.platforms.http import (
    PlatformHttp,
    PlatformRefused,
    PlatformRejected,
    base_url,
)
from app.connectors.platforms.platform import Platform, Shipment, epoch, iso_utc
from app.connectors.platforms.tokens import (
    RefreshFailed,
    TokenKeeper,
    TokenRefused,
    Tokens,
    with_token,
)
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.store.connections import ConnectionProvider

TITLE = "Shopee"
BASE_URL = "https://partner.shopeemobile.com"
WINDOW = 15 * 86400  # get_order_list accepts at most 15 days between time_from and time_to
PAGE_SIZE = 100  # get_order_list's largest page
DETAIL_BATCH = 50  # get_order_detail takes up to 50 order_sn at once
DETAIL_FIELDS = (
    "buyer_username,recipient_address,item_list,total_amount,estimated_shipping_fee,"
    "actual_shipping_fee,order_status"
)
# Shopee's cancel reasons (cancel_order); anything else is sent as the buyer's request.
CANCEL_REASONS = ("OUT_OF_STOCK", "CUSTOMER_REQUEST", "UNDELIVERABLE_AREA", "COD_NOT_SUPPORTED")


def sign(
    partner_key: str,
    partner_id: int | str,
    path: str,
    timestamp: int,
    access_token: str = "",
    shop_id: int | str = "",
) -> str:
    base = f"{partner_id}{path}{timestamp}{access_token}{shop_id}"
    return hmac.new(partner_key.encode(), base.encode(), hashlib.sha256).hexdigest()


def _money(value: Any) -> float:
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


class ShopeeShop:
    """One authorised shop (a ``shopee`` connection)."""

    def __init__(
        self,
        connections: ConnectionProvider,
        connection: str,
        *,
        clock: Callable[[], float] = time.time,
        timeout: float = 30.0,
        stopped: Any = None,
    ) -> None:
        conf = connections.get(connection, "shopee")
        self.connection, self.clock, self.stopped = connection, clock, stopped
        self.partner_id, self.shop_id = int(conf["partner_id"]), int(conf["shop_id"])
        self.partner_key = connections.secret(connection, "partner_key")
        self.keeper = TokenKeeper(connections, connection, self._renew, title=TITLE, clock=clock)
        self.http = PlatformHttp(
            base_url(
                conf.get("base_url") or BASE_URL,
                what=said(QT_TRANSLATE_NOOP("Steps", "Shopee address")),
            ),
            title=TITLE,
            shop=connection,
            timeout=timeout,
        )

    def close(self) -> None:
        self.http.client.close()

    def __enter__(self) -> ShopeeShop:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def set_timeout(self, seconds: float) -> None:
        self.http.set_timeout(seconds)

    # -- one signed call ---------------------------------------------------------------------
    def _send(
        self,
        method: str,
        path: str,
        token: str | None,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        ts = int(self.clock())
        query: dict[str, Any] = {"partner_id": self.partner_id, "timestamp": ts}
        if token is None:
            query["sign"] = sign(self.partner_key, self.partner_id, path, ts)
        else:
            query.update(
                access_token=token,
                shop_id=self.shop_id,
                sign=sign(self.partner_key, self.partner_id, path, ts, token, self.shop_id),
            )
        query.update(params or {})
        try:
            r = self.http.request(method, path, params=query, json=body)
        except PlatformRefused as exc:
            # Shopee says 403 for a stale token (error_auth / invalid_access_token) and for a
            # wrong sign; only the first is cured by renewing the token.
            if token is not None and "sign" not in str(exc.body).lower():
                raise TokenRefused(str(exc.body)) from exc
            raise
        data = self.http.answer(r, dict)
        error = str(data.get("error") or "")
        if error:
            raise PlatformRejected(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps", "Shopee refused {path} for shop “{shop}”: {said} ({code})."
                    ),
                    path=path,
                    shop=self.connection,
                    said=data.get("message") or error,
                    code=error,
                ),
                r.status_code,
                error,
            )
        return data

    def call(
        self,
        method: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A shop-level call with a current token (renewed and retried once when refused)."""
        return with_token(
            self.keeper,
            lambda token: self._send(method, path, token, params, body),
            stopped=self.stopped,
        )

    # -- authorisation -----------------------------------------------------------------------
    def _tokens(self, data: dict[str, Any]) -> Tokens:
        now = self.clock()
        return Tokens(
            access_token=str(data["access_token"]),
            refresh_token=str(data["refresh_token"]),
            access_expires_at=now + float(data.get("expire_in") or 14400),
            issued_at=now,
        )

    def authorise(self, code: str) -> Tokens:
        """The guided authorisation's last step: the ``code`` Shopee gave after the owner
        approved the shop, swapped for the first pair of tokens (stored in the keyring)."""
        data = self._send(
            "POST",
            "/api/v2/auth/token/get",
            None,
            body={"code": code, "shop_id": self.shop_id, "partner_id": self.partner_id},
        )
        tokens = self._tokens(data)
        tokens.authorised_until = self._authorised_until(tokens.access_token)
        self.keeper.save(tokens)
        return tokens

    def _renew(self, refresh_token: str) -> Tokens:
        import httpx  # loaded with the shop's client (``PlatformHttp``)

        try:
            data = self._send(
                "POST",
                "/api/v2/auth/access_token/get",
                None,
                body={
                    "refresh_token": refresh_token,
                    "shop_id": self.shop_id,
                    "partner_id": self.partner_id,
                },
            )
            tokens = self._tokens(data)
            tokens.authorised_until = self._authorised_until(tokens.access_token)
        except (DaloyError, httpx.HTTPError, KeyError) as exc:
            raise RefreshFailed(f"Shopee answered: {exc}") from exc
        return tokens

    def _authorised_until(self, token: str) -> float:
        data = self._send("GET", "/api/v2/shop/get_shop_info", token)
        return float(data.get("expire_time") or 0)

    # -- orders ------------------------------------------------------------------------------
    def order_numbers(self, since: float, until: float) -> Iterator[str]:
        """order_sn of orders updated in [since, until]: windows of at most 15 days, each paged
        by Shopee's cursor."""
        start = int(since)
        while start < until:
            end = int(min(until, start + WINDOW))
            cursor = ""
            while True:
                numbers, cursor = self.order_page(start, end, cursor)
                yield from numbers
                if not cursor:
                    break
            start = end

    def order_page(self, start: int, end: int, cursor: str) -> tuple[list[str], str]:
        """One page of order_sn updated in [start, end] (at most 15 days apart), and the cursor
        of the next page ("" after the last)."""
        data = self.call(
            "GET",
            "/api/v2/order/get_order_list",
            {
                "time_range_field": "update_time",
                "time_from": start,
                "time_to": end,
                "page_size": PAGE_SIZE,
                "cursor": cursor,
            },
        )
        page = data.get("response") or {}
        more = str(page.get("next_cursor") or "") if page.get("more") else ""
        return [str(row["order_sn"]) for row in page.get("order_list") or []], more

    def orders(self, numbers: list[str]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for i in range(0, len(numbers), DETAIL_BATCH):
            data = self.call(
                "GET",
                "/api/v2/order/get_order_detail",
                {
                    "order_sn_list": ",".join(numbers[i : i + DETAIL_BATCH]),
                    "response_optional_fields": DETAIL_FIELDS,
                },
            )
            found.extend((data.get("response") or {}).get("order_list") or [])
        return found

    def list_orders(self, since: float, until: float | None = None) -> Iterator[dict[str, Any]]:
        numbers = list(dict.fromkeys(self.order_numbers(since, until or self.clock())))
        yield from self.orders(numbers)

    # -- answers -----------------------------------------------------------------------------
    def tracking_number(self, order_sn: str) -> str:
        data = self.call("GET", "/api/v2/logistics/get_tracking_number", {"order_sn": order_sn})
        return str((data.get("response") or {}).get("tracking_number") or "")

    def ship(self, order_sn: str, tracking_number: str = "") -> dict[str, Any]:
        """Arrange shipment. Shopee refuses shipping an order twice, so a repeat (or an attempt
        whose answer was lost) is first looked up: a tracking number means it is done."""
        known = self.tracking_number(order_sn)
        if known:
            return {"order": order_sn, "tracking_number": known, "already": True}
        body: dict[str, Any] = {"order_sn": order_sn}
        body["non_integrated" if tracking_number else "dropoff"] = (
            {"tracking_number": tracking_number} if tracking_number else {}
        )
        self.call("POST", "/api/v2/logistics/ship_order", body=body)
        return {
            "order": order_sn,
            "tracking_number": self.tracking_number(order_sn) or tracking_number,
            "already": False,
        }

    def cancel(
        self,
        order_sn: str,
        reason: str = "CUSTOMER_REQUEST",
        lines: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        reason = reason.upper() if reason.upper() in CANCEL_REASONS else "CUSTOMER_REQUEST"
        body: dict[str, Any] = {"order_sn": order_sn, "cancel_reason": reason}
        if reason == "OUT_OF_STOCK":
            body["item_list"] = [
                {"item_id": ln["item_id"], "model_id": ln.get("model_id", 0)} for ln in lines or []
            ]
        self.call("POST", "/api/v2/order/cancel_order", body=body)
        return {"order": order_sn, "cancelled": True}

    def update_stock(self, sku: str, quantity: int) -> dict[str, Any]:
        """Set the seller stock of the product or variation whose SKU is ``sku``. Setting a
        level (not adding) makes a repeat harmless."""
        found = self.call(
            "GET", "/api/v2/product/search_item", {"item_sku": sku, "page_size": 10, "offset": 0}
        )
        items = (found.get("response") or {}).get("item_id_list") or []
        if not items:
            raise PlatformRejected(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps",
                        "Shopee shop “{shop}” has no product with SKU “{sku}”. Check the SKU in "
                        "Shopee Seller Centre, then retry this step.",
                    ),
                    shop=self.connection,
                    sku=sku,
                ),
                404,
            )
        item_id = int(items[0])
        models = (
            self.call("GET", "/api/v2/product/get_model_list", {"item_id": item_id}).get("response")
            or {}
        ).get("model") or []
        model_id = next((int(m["model_id"]) for m in models if m.get("model_sku") == sku), 0)
        self.call(
            "POST",
            "/api/v2/product/update_stock",
            body={
                "item_id": item_id,
                "stock_list": [{"model_id": model_id, "seller_stock": [{"stock": int(quantity)}]}],
            },
        )
        return {"sku": sku, "stock": int(quantity), "item_id": item_id, "model_id": model_id}


def map_order(raw: dict[str, Any], shop: str = "") -> Order:
    addr = raw.get("recipient_address") or {}
    lines = [
        Line(
            sku=str(it.get("model_sku") or it.get("item_sku") or it.get("item_id")),
            qty=int(it.get("model_quantity_purchased") or 0),
            price=_money(it.get("model_discounted_price") or it.get("model_original_price")),
            name=str(it.get("item_name") or ""),
        )
        for it in raw.get("item_list") or []
    ]
    subtotal = round(sum(ln.qty * ln.price for ln in lines), 2)
    shipping = raw.get("actual_shipping_fee") or raw.get("estimated_shipping_fee")
    return Order(
        number=str(raw["order_sn"]),
        platform="shopee",
        platform_order_id=str(raw["order_sn"]),
        status=str(raw.get("order_status") or ""),
        customer=Customer(
            name=str(addr.get("name") or raw.get("buyer_username") or ""),
            phone=str(addr.get("phone") or ""),
        ),
        lines=lines,
        total=_money(raw.get("total_amount")),
        currency=str(raw.get("currency") or ""),
        subtotal=subtotal,
        shipping=None if shipping is None else _money(shipping),
        shipping_address={
            k: str(addr.get(k) or "")
            for k in (
                "name",
                "phone",
                "full_address",
                "town",
                "district",
                "city",
                "state",
                "region",
                "zipcode",
            )
        },
        created_at=iso_utc(raw.get("create_time")),
        updated_at=iso_utc(raw.get("update_time")),
        shop=shop,
        raw=raw,
    )


# -- the declaration the channel and the platform_update step run on ----------------------------
CANCELLED = ("cancelled", "in_cancel")  # IN_CANCEL: the buyer asked; it must not ship


def open_client(
    settings: Mapping[str, Any], _secret: Any, connections: ConnectionProvider
) -> ShopeeShop:
    return ShopeeShop(connections, str(settings["name"]))


def shop_of(settings: Mapping[str, Any]) -> str:
    return str(settings.get("shop_id") or "")


def list_page(client: ShopeeShop, since: str, cursor: Any) -> tuple[list[dict[str, Any]], Any]:
    """One page of one window. The cursor keeps the pass's end (``until``) so a pass resumed
    after a slow-down or a restart reads the same windows: ``{"from", "until", "cursor"}``."""
    state = dict(cursor or {}) or {
        "from": int(epoch(since)),
        "until": int(client.clock()),
        "cursor": "",
    }
    end = min(state["until"], state["from"] + WINDOW)
    numbers, nxt = client.order_page(state["from"], end, state["cursor"])
    orders = client.orders(numbers)
    if nxt:
        return orders, {**state, "cursor": nxt}
    if end < state["until"]:
        return orders, {**state, "from": end, "cursor": ""}
    return orders, None


def _status(client: ShopeeShop, order_sn: str) -> str:
    found = client.orders([order_sn])
    if not found:
        raise PlatformRejected(
            said(
                QT_TRANSLATE_NOOP("Steps", "Shopee shop “{shop}” has no order {order}."),
                shop=client.connection,
                order=order_sn,
            ),
            404,
        )
    return str(found[0].get("order_status") or "")


def find_shipment(client: ShopeeShop, s: Shipment) -> dict[str, Any] | None:
    known = client.tracking_number(s.order_id)
    return {"order": s.order_id, "tracking_number": known, "already": True} if known else None


def ship(client: ShopeeShop, s: Shipment) -> dict[str, Any]:
    return client.ship(s.order_id, s.tracking_number)


def find_cancel(client: ShopeeShop, order_sn: str) -> dict[str, Any] | None:
    status = _status(client, order_sn)
    return {"order": order_sn, "status": status} if status.lower() in CANCELLED else None


def cancel(client: ShopeeShop, order_sn: str, reason: str) -> dict[str, Any]:
    if (done := find_cancel(client, order_sn)) is not None:  # Shopee refuses a second cancel
        return done
    words = reason.lower()
    if "stock" in words or "inventory" in words:
        lines = (client.orders([order_sn]) or [{}])[0].get("item_list") or []
        return client.cancel(order_sn, "OUT_OF_STOCK", lines)
    return client.cancel(
        order_sn, reason if reason.upper() in CANCEL_REASONS else "CUSTOMER_REQUEST"
    )


def set_stock(client: ShopeeShop, sku: str, qty: int) -> dict[str, Any]:
    return client.update_stock(sku, qty)


PLATFORM = Platform(
    name="shopee",
    title=TITLE,
    connection_kind="shopee",
    open=open_client,
    shop=shop_of,
    list_orders=list_page,
    map_order=map_order,
    cancelled_statuses=CANCELLED,
    ship=ship,
    find_shipment=find_shipment,
    cancel=cancel,
    find_cancel=find_cancel,
    set_stock=set_stock,
    guarantees={
        "ship": "Shopee refuses to ship an order twice and takes no idempotency key, so Daloy "
        "first asks for the order's tracking number (get_tracking_number); one there "
        "means it is shipped and nothing is sent again.",
        "cancel": "An order already CANCELLED (or IN_CANCEL) is not cancelled again.",
        "stock": "update_stock sets the seller stock of the SKU's product or variation (an "
        "absolute level).",
    },
    summary="New and updated orders from a Shopee shop (Open Platform v2).",
)
