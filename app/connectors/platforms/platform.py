"""What a platform module declares (``Platform``, with its ``Shipment`` and ``Webhook``), the
platforms present, and the one time form they share.

A platform module (``shopify.py``, ``woocommerce.py``, ``shopee.py``, ``lazada.py``) declares
``PLATFORM = Platform(...)``: the connection kind it uses (the kind itself is listed in
``app.store.connections.KINDS``), how to open a signed client for one shop, how to list new and
updated orders (its own paging and time-window rules), how to map one order to ``Order``, which
status words mean "cancelled", its webhook check (where it pushes), and the calls that answer it
(ship, cancel, set stock) with their look-ups. The intake channel built on it is
``app.intake.platform_channel``; the ``platform_update`` step calls the answering calls.

No Qt. May import store and core.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from app.connectors.platforms import Order
from app.store.connections import ConnectionProvider

MODULES = ("shopify", "woocommerce", "shopee", "lazada")


@dataclass(frozen=True)
class Shipment:
    """What ``ship`` reports to the platform."""

    order_id: str
    tracking_number: str
    carrier: str = ""
    tracking_url: str = ""
    notify_customer: bool = True


@dataclass(frozen=True)
class Webhook:
    """A platform's push: ``verify(headers, body, secret)`` checks the signature the way the
    platform signs (headers: lower-case names); ``order_of(headers, body)`` gives the raw order
    of an order topic, or None for a topic Daloy does not take (answered 200, ignored).
    ``secret_field``: the connection secret that keys the signature."""

    verify: Callable[[Mapping[str, str], bytes, str], bool]
    order_of: Callable[[Mapping[str, str], bytes], dict[str, Any] | None]
    secret_field: str = "webhook_secret"
    how: str = ""  # one sentence for the trigger's help: where to set it up


@dataclass(frozen=True)
class Platform:
    """One platform, declared once (see the module docstring). Callables take the client that
    ``open`` made; every platform error is a ``PlatformError`` (``app.connectors.platforms.http``).

    - ``open(settings, secret, connections)``: a client for the shop (``secret(field)`` reads
      the keyring; ``connections`` lets a platform whose tokens expire renew them into the
      keyring and raise its inbox entry) — a ``PlatformHttp``, or a platform's own client with
      ``set_timeout`` and ``with`` (Shopee, Lazada); ``shop(settings)``: the shop's identity in
      dedupe keys (domain, seller id).
    - ``list_orders(client, since, cursor) -> (raw orders, next cursor or None)``: ``since`` is
      ISO 8601 UTC; ``cursor`` None asks for the first page.
    - ``map_order(raw, shop) -> Order`` with ``updated_at`` in ``iso_utc`` form.
    - ``ship``/``cancel``/``set_stock`` act; ``find_shipment``/``find_cancel`` look an earlier,
      unanswered call up (a dict when it happened, None when not); ``guarantees`` says per
      action what the platform promises about repeats (shown in the step reference).
    """

    name: str
    title: str
    connection_kind: str
    open: Callable[[Mapping[str, Any], Callable[[str], str], ConnectionProvider], Any]
    shop: Callable[[Mapping[str, Any]], str]
    list_orders: Callable[[Any, str, Any], tuple[list[dict[str, Any]], Any]]
    map_order: Callable[[dict[str, Any], str], Order]
    cancelled_statuses: tuple[str, ...]
    # The client argument below is whatever ``open`` returned.
    ship: Callable[[Any, Shipment], dict[str, Any]] | None = None
    find_shipment: Callable[[Any, Shipment], dict[str, Any] | None] | None = None
    cancel: Callable[[Any, str, str], dict[str, Any]] | None = None
    find_cancel: Callable[[Any, str], dict[str, Any] | None] | None = None
    set_stock: Callable[[Any, str, int], dict[str, Any]] | None = None
    guarantees: Mapping[str, str] = field(default_factory=dict)
    webhook: Webhook | None = None
    summary: str = ""


@lru_cache(maxsize=1)
def platforms() -> dict[str, Platform]:
    """The platforms whose module is present, by name (a module still being written is
    simply absent; any other import error is a bug and raised)."""
    found: dict[str, Platform] = {}
    for mod in MODULES:
        try:
            module = importlib.import_module(f"app.connectors.platforms.{mod}")
        except ModuleNotFoundError as exc:
            if exc.name != f"app.connectors.platforms.{mod}":
                raise
            continue
        declared = getattr(module, "PLATFORM", None)  # None: its declaration is not written yet
        if declared is not None:
            found[declared.name] = declared
    return found


def by_connection_kind(kind: str) -> Platform | None:
    return next((p for p in platforms().values() if p.connection_kind == kind), None)


def is_cancelled(order: Mapping[str, Any]) -> bool:
    """Is this order (``Order`` as a dict) cancelled, in its platform's own status words?"""
    platform = platforms().get(str(order.get("platform") or ""))
    status = str(order.get("status") or "").lower()
    return platform is not None and status in platform.cancelled_statuses


def iso_utc(value: Any) -> str:
    """A platform's time (ISO 8601 with any offset, or Unix seconds) as ``2026-01-05T09:00:00Z``:
    one form, so versions and cursors compare as text."""
    if value in (None, ""):
        return ""
    if isinstance(value, int | float) or str(value).isdigit():
        moment = datetime.fromtimestamp(float(value), UTC)
    else:
        text = str(value).strip().replace("Z", "+00:00")
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:  # WooCommerce's *_gmt fields carry no offset
            moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def epoch(iso: str) -> float:
    """``iso_utc``'s form back to Unix seconds (for platforms that ask in seconds)."""
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def open_client(platform: Platform, connections: ConnectionProvider, name: str) -> Any:
    """A client for the shop behind connection ``name`` (its secrets from the keyring)."""
    settings = connections.get(name, platform.connection_kind)
    return platform.open(settings, lambda f: connections.secret(name, f), connections)
