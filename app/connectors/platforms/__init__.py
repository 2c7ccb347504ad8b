"""Marketplace and web-shop platforms (Shopee, Lazada, Shopify, WooCommerce): one module per
platform, each with its request signing, its paging and time-window rules, and a function that
turns the platform's order into Daloy's one order shape (``Order`` below), so a workflow runs
unchanged whatever the shop.

A platform module declares a ``PLATFORM`` (``Platform``): the connection fields it needs, how
it lists new and updated orders, and how it maps one order. The intake channel and the steps that
answer the platform (shipment, cancel, stock) are built on those declarations.

No Qt here; the HTTP calls go through httpx with the shared TLS context.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Customer:
    name: str = ""
    email: str = ""
    phone: str = ""


@dataclass
class Line:
    sku: str
    qty: int
    price: float  # unit price in the order's currency
    name: str = ""


@dataclass
class Order:
    """The one order shape every channel gives a workflow as ``trigger.order``.

    ``number`` is what the operator and the customer call the order; ``platform_order_id`` is
    the platform's own id (used to answer it); ``raw`` keeps the platform's order as received."""

    number: str
    platform: str  # "shopee", "lazada", "shopify", "woocommerce"
    platform_order_id: str
    status: str  # the platform's status word, as received
    customer: Customer
    lines: list[Line]
    total: float
    currency: str
    subtotal: float | None = None
    shipping: float | None = None
    shipping_address: dict[str, str] = field(default_factory=dict)
    created_at: str = ""  # ISO 8601, UTC
    updated_at: str = ""
    shop: str = ""  # the connection (shop) it came from
    raw: dict[str, Any] = field(default_factory=dict)

    def to_trigger(self) -> dict[str, Any]:
        """``{"order": {...}}`` as a workflow reads it (``trigger.order.lines[0].sku``)."""
        return {"order": asdict(self)}
