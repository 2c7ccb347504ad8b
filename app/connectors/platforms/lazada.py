"""Lazada Open Platform: request signing, seller authorisation and token refresh, order listing
by its offset/limit and time rules, the mapping to Daloy's ``Order``, and the answers (ready to
ship with a tracking number, cancel, stock).

The documented signing is implemented here rather than with the ``lazop-sdk`` package: that
package on the index is a 2018 copy re-uploaded by a third party, makes a ``~/logs`` folder and
a log file when imported, and sends through ``requests`` without our TLS context or timeouts.
The sign is the HMAC-SHA256 (upper-case hex) of the API path followed by every parameter name
and value, sorted by name (``sign`` itself left out), with the app secret. Timestamps are
milliseconds. An access token lasts days (``expires_in``); each refresh gives a new one, but the
refresh token ends at ``refresh_expires_in`` after the seller's authorisation, when the seller
must authorise again.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from xml.sax.saxutils import escape

from app.connectors.platforms import Customer, Line, Order
from app.connectors.platforms.http import (
    PlatformHttp,
    PlatformRejected,
    RateLimited,
    base_url,
    retry_after,
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

TITLE = "Lazada"
BASE_URL = "https://api.lazada.com.ph/rest"
AUTH_URL = "https://auth.lazada.com/rest"
PAGE_SIZE = 100  # /orders/get's largest limit
ITEMS_BATCH = 50  # /orders/items/get takes up to 50 order ids
TOKEN_ERRORS = ("IllegalAccessToken", "InvalidAccessToken", "AccessTokenExpired")
LIMIT_ERRORS = ("ApiCallLimit", "AppCallLimit", "AppApiCallLimit", "SellerCallLimit")


def sign(app_secret: str, api_path: str, params: dict[str, Any]) -> str:
    base = api_path + "".join(f"{k}{params[k]}" for k in sorted(params) if k != "sign")
    return hmac.new(app_secret.encode(), base.encode(), hashlib.sha256).hexdigest().upper()


def _money(value: Any) -> float:
    try:
        return float(str(value or 0).replace(",", ""))
    except ValueError:
        return 0.0


def iso(epoch: float) -> str:
    """Lazada's time parameters: ISO 8601 with an offset (UTC here)."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(epoch))


class LazadaShop:
    """One authorised seller (a ``lazada`` connection)."""

    def __init__(
        self,
        connections: ConnectionProvider,
        connection: str,
        *,
        clock: Callable[[], float] = time.time,
        timeout: float = 30.0,
        stopped: Any = None,
    ) -> None:
        conf = connections.get(connection, "lazada")
        self.connection, self.clock, self.stopped = connection, clock, stopped
        self.app_key = str(conf["app_key"])
        self.app_secret = connections.secret(connection, "app_secret")
        self.keeper = TokenKeeper(connections, connection, self._renew, title=TITLE, clock=clock)
        self.http = PlatformHttp(
            base_url(
                conf.get("base_url") or BASE_URL,
                what=said(QT_TRANSLATE_NOOP("Steps", "Lazada address")),
            ),
            title=TITLE,
            shop=connection,
            timeout=timeout,
        )
        self.auth_http = PlatformHttp(
            base_url(
                conf.get("auth_url") or AUTH_URL,
                what=said(QT_TRANSLATE_NOOP("Steps", "Lazada authorisation address")),
            ),
            title=TITLE,
            shop=connection,
            timeout=timeout,
        )

    def close(self) -> None:
        self.http.client.close()
        self.auth_http.client.close()

    def __enter__(self) -> LazadaShop:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def set_timeout(self, seconds: float) -> None:
        self.http.set_timeout(seconds)
        self.auth_http.set_timeout(seconds)

    # -- one signed call ---------------------------------------------------------------------
    def _send(
        self,
        method: str,
        path: str,
        token: str | None,
        params: dict[str, Any] | None = None,
        base: str = "",
    ) -> dict[str, Any]:
        query: dict[str, Any] = {
            "app_key": self.app_key,
            "sign_method": "sha256",
            "timestamp": str(int(self.clock() * 1000)),
        }
        if token is not None:
            query["access_token"] = token
        query.update({k: str(v) for k, v in (params or {}).items()})
        query["sign"] = sign(self.app_secret, path, query)
        http = self.auth_http if base == "auth" else self.http
        r = http.get(path, params=query) if method == "GET" else http.post(path, data=query)
        data = http.answer(r, dict)
        code = str(data.get("code", "0"))
        if code != "0":
            message = str(data.get("message") or code)
            if code in TOKEN_ERRORS:
                raise TokenRefused(message)
            if code in LIMIT_ERRORS:
                # Lazada answers 200 with a "call limit" code; its ban lasts about a second.
                raise RateLimited(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Steps", "Lazada asked Daloy to slow down (shop “{shop}”): {said}"
                        ),
                        shop=self.connection,
                        said=message,
                    ),
                    retry_after(r, 1.0),
                    r.status_code,
                )
            raise PlatformRejected(
                said(
                    QT_TRANSLATE_NOOP(
                        "Steps", "Lazada refused {path} for shop “{shop}”: {said} ({code})."
                    ),
                    path=path,
                    shop=self.connection,
                    said=message,
                    code=code,
                ),
                r.status_code,
                code,
            )
        return data

    def call(self, method: str, path: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return with_token(
            self.keeper, lambda token: self._send(method, path, token, params), stopped=self.stopped
        )

    # -- authorisation -----------------------------------------------------------------------
    def _tokens(self, data: dict[str, Any]) -> Tokens:
        now = self.clock()
        refresh_in = float(data.get("refresh_expires_in") or 0)
        return Tokens(
            access_token=str(data["access_token"]),
            refresh_token=str(data["refresh_token"]),
            access_expires_at=now + float(data.get("expires_in") or 86400),
            issued_at=now,
            refresh_expires_at=now + refresh_in if refresh_in else 0.0,
        )

    def authorise(self, code: str) -> Tokens:
        """The guided authorisation's last step: the ``code`` Lazada gave after the seller
        approved the app, swapped for the first tokens (stored in the keyring)."""
        tokens = self._tokens(
            self._send("POST", "/auth/token/create", None, {"code": code}, base="auth")
        )
        self.keeper.save(tokens)
        return tokens

    def _renew(self, refresh_token: str) -> Tokens:
        import httpx  # loaded with the shop's client (``PlatformHttp``)

        try:
            return self._tokens(
                self._send(
                    "POST",
                    "/auth/token/refresh",
                    None,
                    {"refresh_token": refresh_token},
                    base="auth",
                )
            )
        except (DaloyError, httpx.HTTPError, KeyError) as exc:
            raise RefreshFailed(f"Lazada answered: {exc}") from exc

    # -- orders ------------------------------------------------------------------------------
    def order_page(self, since: float, offset: int) -> tuple[list[dict[str, Any]], int | None]:
        """One page of orders updated after ``since``, each with its item rows, and the offset
        of the next page (None after the last).

        Newest change first and no upper bound: an order updated during a pass moves to the
        front, so the rest shift towards later pages (read twice — one run all the same) and
        none can slip onto a page already read, as with oldest-first offset paging."""
        data = self.call(
            "GET",
            "/orders/get",
            {
                "update_after": iso(since),
                "sort_by": "updated_at",
                "sort_direction": "DESC",
                "offset": offset,
                "limit": PAGE_SIZE,
            },
        )
        orders = list((data.get("data") or {}).get("orders") or [])
        items = self.items_of([str(o["order_id"]) for o in orders])
        page = [{**o, "items": items.get(str(o["order_id"]), [])} for o in orders]
        return page, (offset + len(orders) if len(orders) >= PAGE_SIZE else None)

    def items_of(self, order_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Item rows of many orders, 50 per call (/orders/items/get)."""
        found: dict[str, list[dict[str, Any]]] = {}
        for i in range(0, len(order_ids), ITEMS_BATCH):
            batch = order_ids[i : i + ITEMS_BATCH]
            data = self.call("GET", "/orders/items/get", {"order_ids": "[" + ",".join(batch) + "]"})
            for row in data.get("data") or []:
                found[str(row["order_id"])] = list(row.get("order_items") or [])
        return found

    def items(self, order_id: str) -> list[dict[str, Any]]:
        return list(self.call("GET", "/order/items/get", {"order_id": order_id}).get("data") or [])

    def list_orders(self, since: float) -> Iterator[dict[str, Any]]:
        offset: int | None = 0
        while offset is not None:
            page, offset = self.order_page(since, offset)
            yield from page

    # -- answers -----------------------------------------------------------------------------
    def ship(self, order_id: str, tracking_number: str, provider: str = "") -> dict[str, Any]:
        """Ready to ship (dropship) with the tracking number. Items already marked ready to
        ship (a repeat, or an attempt whose answer was lost) are looked up and left alone."""
        items = self.items(order_id)
        waiting = [
            int(i["order_item_id"])
            for i in items
            if str(i.get("status")) in ("pending", "packed", "topack")
        ]
        if waiting:
            self.call(
                "POST",
                "/order/rts",
                {
                    "delivery_type": "dropship",
                    "order_item_ids": json.dumps(waiting),
                    "shipment_provider": provider,
                    "tracking_number": tracking_number,
                },
            )
        known = next((str(i.get("tracking_code")) for i in items if i.get("tracking_code")), "")
        return {
            "order": order_id,
            "tracking_number": tracking_number or known,
            "already": not waiting,
        }

    def cancel(self, order_id: str, reason_id: str = "", detail: str = "") -> dict[str, Any]:
        for item in self.items(order_id):
            if str(item.get("status")) in ("canceled", "cancelled"):
                continue  # a repeat leaves cancelled items alone
            self.call(
                "POST",
                "/order/cancel",
                {
                    "order_item_id": item["order_item_id"],
                    "reason_id": reason_id or "0",
                    "reason_detail": detail,
                },
            )
        return {"order": order_id, "cancelled": True}

    def update_stock(self, sku: str, quantity: int) -> dict[str, Any]:
        """Set the sellable stock of ``sku`` (a level, not a change: a repeat is harmless)."""
        payload = (
            "<Request><Product><Skus><Sku><SellerSku>" + escape(sku) + "</SellerSku>"
            f"<SellableQuantity>{int(quantity)}</SellableQuantity></Sku></Skus>"
            "</Product></Request>"
        )
        self.call("POST", "/product/stock/sellable/update", {"payload": payload})
        return {"sku": sku, "stock": int(quantity)}


def map_order(raw: dict[str, Any], shop: str = "") -> Order:
    """Lazada lists one item row per unit bought: rows of one SKU become one line."""
    grouped: OrderedDict[str, Line] = OrderedDict()
    currency = ""
    for it in raw.get("items") or []:
        sku = str(it.get("sku") or it.get("shop_sku") or "")
        currency = currency or str(it.get("currency") or "")
        if sku in grouped:
            grouped[sku].qty += 1
        else:
            grouped[sku] = Line(
                sku=sku, qty=1, price=_money(it.get("item_price")), name=str(it.get("name") or "")
            )
    addr = raw.get("address_shipping") or {}
    name = " ".join(
        p
        for p in (
            str(raw.get("customer_first_name") or ""),
            str(raw.get("customer_last_name") or ""),
        )
        if p
    )
    subtotal = _money(raw.get("price"))
    shipping = _money(raw.get("shipping_fee"))
    return Order(
        number=str(raw.get("order_number") or raw["order_id"]),
        platform="lazada",
        platform_order_id=str(raw["order_id"]),
        status=",".join(str(s) for s in raw.get("statuses") or []),
        customer=Customer(name=name, phone=str(addr.get("phone") or "")),
        lines=list(grouped.values()),
        total=round(subtotal + shipping, 2),
        currency=currency,
        subtotal=subtotal,
        shipping=shipping,
        shipping_address={
            k: str(addr.get(k) or "")
            for k in (
                "first_name",
                "last_name",
                "phone",
                "address1",
                "address2",
                "city",
                "post_code",
                "country",
            )
        },
        created_at=iso_utc(raw.get("created_at")),
        updated_at=iso_utc(raw.get("updated_at")),
        shop=shop,
        raw=raw,
    )


# -- the declaration the channel and the platform_update step run on ----------------------------
CANCELLED = ("canceled", "cancelled")  # Lazada spells it "canceled"
SHIPPED = ("ready_to_ship", "shipped", "delivered")


def open_client(
    settings: Mapping[str, Any], _secret: Any, connections: ConnectionProvider
) -> LazadaShop:
    return LazadaShop(connections, str(settings["name"]))


def shop_of(settings: Mapping[str, Any]) -> str:
    # Lazada's calls name no seller (the token does): the connection is the shop.
    return str(settings["name"])


def list_page(client: LazadaShop, since: str, cursor: Any) -> tuple[list[dict[str, Any]], Any]:
    return client.order_page(epoch(since), int(cursor or 0))


def find_shipment(client: LazadaShop, s: Shipment) -> dict[str, Any] | None:
    items = client.items(s.order_id)
    if (
        items
        and all(str(i.get("status")) in SHIPPED + CANCELLED for i in items)
        and any(str(i.get("status")) in SHIPPED for i in items)
    ):
        known = next((str(i["tracking_code"]) for i in items if i.get("tracking_code")), "")
        return {"order": s.order_id, "tracking_number": known or s.tracking_number, "already": True}
    return None


def ship(client: LazadaShop, s: Shipment) -> dict[str, Any]:
    return client.ship(s.order_id, s.tracking_number, s.carrier)


def find_cancel(client: LazadaShop, order_id: str) -> dict[str, Any] | None:
    items = client.items(order_id)
    if items and all(str(i.get("status")) in CANCELLED for i in items):
        return {"order": order_id, "status": "canceled"}
    return None


def cancel(client: LazadaShop, order_id: str, reason: str) -> dict[str, Any]:
    return client.cancel(order_id, detail=reason)


def set_stock(client: LazadaShop, sku: str, qty: int) -> dict[str, Any]:
    return client.update_stock(sku, qty)


PLATFORM = Platform(
    name="lazada",
    title=TITLE,
    connection_kind="lazada",
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
        "ship": "Lazada takes no idempotency key for ready-to-ship: Daloy reads the order's "
        "items first and marks only those still pending or packed, so a repeat sends "
        "nothing.",
        "cancel": "Items already canceled are left alone; a repeat sends nothing.",
        "stock": "The sellable quantity of the SKU is set (an absolute level).",
    },
    summary="New and updated orders from a Lazada shop (Open Platform).",
)
