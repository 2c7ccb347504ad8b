"""What the public order form offers: the shop's name, currency and products, read off the
workflow it posts to. The products come from the stock sheet the workflow checks lines against
(its ``spreadsheet_lookup`` step with items: its file, sheet, key, stock, price and name
columns, the file rendered with the workflow's “settings” step, as the run renders it), read
through ``sheet_files`` as the steps read it, so the form offers what the steps will find.

A request never waits long for the sheet: the list is kept for ``FRESH_SECONDS``; an older list
is served while a background read replaces it; only the very first page waits, at most
``FIRST_WAIT`` seconds, and is served without a list (a product-code box) if the sheet is slow,
missing or unreadable. No Qt, no store.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.connectors import sheet_files, sheets
from app.core.model import Workflow
from app.core.templates import render_value

log = logging.getLogger("daloy.intake.web")
FRESH_SECONDS = 15.0  # a stock change shows on the form within this (and a page load or two)
FIRST_WAIT = 2.0
MAX_PRODUCTS = 500  # a select longer than this helps nobody on a phone
SETTINGS_STEP = "settings"


@dataclass(frozen=True)
class Product:
    code: str
    name: str
    price: float | None
    in_stock: bool


@dataclass(frozen=True)
class SheetPlace:
    """Where a workflow's products are: a file (resolved), its sheet and columns."""

    path: str
    sheet: str | None
    key: str
    stock: str | None
    price: str | None
    name: str | None = None  # the step's name column, the one its messages name lines by


@dataclass(frozen=True)
class Shop:
    name: str
    currency: str
    place: SheetPlace | None = None
    pay_on_delivery: bool = False  # the customer pays when the order arrives


def shop_settings(wf: Workflow) -> dict[str, Any]:
    """The values of the workflow's settings step, rendered as a run renders them (without an
    order: a value that needs one is left out)."""
    step = wf.step(SETTINGS_STEP)
    values = step.config.get("values") if step is not None else None
    if not isinstance(values, dict):
        return {}
    out: dict[str, Any] = {}
    for name, value in values.items():
        try:
            out[str(name)] = render_value(value, {"trigger": {}, "steps": {}})
        except Exception:  # noqa: BLE001 - a value made from the order: not known before one
            continue
    return out


def shop_of(wf: Workflow, data_dir: Path | None) -> Shop:
    values = shop_settings(wf)
    name = str(values.get("shop_name") or "").strip() or wf.name
    return Shop(
        name,
        str(values.get("currency") or "").strip(),
        _place(wf, values, data_dir),
        values.get("pay_on_delivery") is True,
    )


def _place(wf: Workflow, values: dict[str, Any], data_dir: Path | None) -> SheetPlace | None:
    """The stock sheet of the step that checks the order's lines, if the workflow has one."""
    context = {"trigger": {}, "steps": {SETTINGS_STEP: {"output": values}}}
    for step in wf.steps:
        conf = step.config
        if step.type != "spreadsheet_lookup" or not conf.get("items") or conf.get("list_all"):
            continue
        try:
            file = str(render_value(conf.get("file") or "", context)).strip()
        except Exception:  # noqa: BLE001 - a file named by the order: no list before one
            continue
        if not file or not conf.get("key_column"):
            continue
        return SheetPlace(
            sheets.resolve(file, data_dir),
            conf.get("sheet") or None,
            str(conf["key_column"]),
            conf.get("available_column") or None,
            conf.get("price_column") or None,
            conf.get("name_column") or None,
        )
    return None


def _amount(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def read_products(place: SheetPlace) -> list[Product]:
    """The sheet's products as the steps see it now (raises the steps' errors in words)."""
    with sheet_files.reading(place.path, place.sheet) as table:
        key = table.column(place.key)
        # the column the step names the lines by, so the form and the emails say one name
        name = table.name_column(place.name)
        stock = table.column(place.stock) if place.stock else None
        price = table.column(place.price) if place.price else None
        products: list[Product] = []
        for row in table.rows:
            cell = row + [None] * (len(table.header) - len(row))
            code = str(cell[key] if cell[key] is not None else "").strip()
            if not code:
                continue
            shown = str(cell[name] or "").strip() if name is not None else ""
            left = _amount(cell[stock]) if stock is not None else None
            products.append(
                Product(
                    code,
                    shown or code,
                    _amount(cell[price]) if price is not None else None,
                    left is None or left >= 1,
                )
            )
            if len(products) >= MAX_PRODUCTS:
                break
    return products


@dataclass
class _Kept:
    products: list[Product] | None = None
    read_at: float = 0.0
    reading: bool = False
    done: threading.Event = field(default_factory=threading.Event)


class ProductShelf:
    """Each sheet's product list, kept and refreshed in the background (see the module)."""

    def __init__(self, fresh: float = FRESH_SECONDS, first_wait: float = FIRST_WAIT) -> None:
        self.fresh = fresh
        self.first_wait = first_wait
        self._lock = threading.Lock()
        self._kept: dict[SheetPlace, _Kept] = {}

    def products(self, place: SheetPlace | None) -> list[Product] | None:
        """The products to offer, or None when there is no list to offer now."""
        if place is None:
            return None
        with self._lock:
            kept = self._kept.setdefault(place, _Kept())
            stale = time.monotonic() - kept.read_at > self.fresh
            if stale and not kept.reading:
                kept.reading = True
                kept.done.clear()
                threading.Thread(
                    target=self._read, args=(place, kept), daemon=True, name="form-products"
                ).start()
            first = kept.read_at == 0.0
        if first:
            kept.done.wait(self.first_wait)
        return kept.products

    def _read(self, place: SheetPlace, kept: _Kept) -> None:
        try:
            products: list[Product] | None = read_products(place)
        except Exception as exc:  # noqa: BLE001 - the form then asks for a product code
            log.warning("order form: the stock sheet %s cannot be read: %s", place.path, exc)
            products = None
        with self._lock:
            kept.products, kept.read_at, kept.reading = products, time.monotonic(), False
        kept.done.set()
