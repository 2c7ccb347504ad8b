"""What a customer sent with the public order form, checked: the fields the form asks (their
names from the trigger's “fields”, older names read as today's) and the product lines, into the
order shape the sample workflow reads (``customer{name, phone, address, email}``, ``lines[{sku,
qty}]``), or the problems in the customer's words, each naming its box. No Qt, no store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.core.catalog import Catalog
from app.core.i18n import QT_TRANSLATE_NOOP
from app.intake.web_products import Product

FIELD_MAX = 1000  # characters in one form field
LINES = 10  # product rows on the form (three shown, the rest behind “Add more products”)
SHOWN_LINES = 3
MAX_QTY = 9999
CUSTOMER = ("customer", "phone", "address", "email")  # kept under the order's “customer”
REQUIRED = {"customer", "phone", "address"}  # a courier needs a name, a phone, an address
OPTIONAL = {"email", "notes"}
# Names older forms used: the buyer's name; the product code and quantity (now the lines);
# the order number (now the shop's own, given when the order is stored).
ALIASES: dict[str, str | None] = {
    "name": "customer",
    "sku": "lines",
    "qty": "lines",
    "quantity": "lines",
    "number": None,
}
# products first, then where to deliver: the page reads in the order a customer thinks
_ORDER = {"lines": 0, "customer": 1, "phone": 2, "address": 3, "email": 4, "notes": 9}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_QTY = re.compile(r"\s*\d{1,6}\s*", re.ASCII)
# The usual form fields in words for the buyer; a field of another name shows its name.
LABELS = {
    "customer": QT_TRANSLATE_NOOP("WebForm", "Your name"),
    "phone": QT_TRANSLATE_NOOP("WebForm", "Mobile number"),
    "address": QT_TRANSLATE_NOOP("WebForm", "Delivery address"),
    "email": QT_TRANSLATE_NOOP("WebForm", "Email (if you want a confirmation)"),
    "notes": QT_TRANSLATE_NOOP("WebForm", "Notes for the shop (optional)"),
    "lines": QT_TRANSLATE_NOOP("WebForm", "Products"),
    "sku": QT_TRANSLATE_NOOP("WebForm", "Product"),
    "qty": QT_TRANSLATE_NOOP("WebForm", "Quantity"),
}


def label(translate: Catalog, name: str) -> str:
    marked = LABELS.get(name)
    return translate("WebForm", marked) if marked else name.replace("_", " ").capitalize()


def form_fields(configured: list[Any]) -> list[str]:
    """The boxes the form shows, in order: the trigger's fields, older names read as today's,
    with what a courier needs (name, phone, address) and the product lines always there."""
    out: list[str] = []
    for raw in configured:
        name = ALIASES.get(str(raw), str(raw))
        if name and name not in out:
            out.append(name)
    out += [f for f in ("customer", "phone", "address", "lines") if f not in out]
    return sorted(out, key=lambda f: _ORDER.get(f, 5))  # stable: others keep their order


@dataclass
class Posted:
    """The form as the customer filled it in: shown again, as typed, when something is wrong."""

    values: dict[str, str] = field(default_factory=dict)
    lines: list[tuple[str, str]] = field(default_factory=list)  # (product, quantity) per row


@dataclass
class Problem:
    box: str  # the field's name, or ``qty_<n>``/``sku_<n>`` of a product row
    sentence: str


def read_post(values: dict[str, list[str]], fields: list[str]) -> Posted:
    posted = Posted({f: values.get(f, [""])[0] for f in fields if f != "lines"})
    if "customer" not in values and "name" in values:  # a post made for an older form
        posted.values["customer"] = values["name"][0]
    if "sku_1" not in values and "sku" in values:  # one product, as older forms sent it
        qty = values.get("qty", values.get("quantity", ["1"]))[0]
        values = {**values, "sku_1": values["sku"], "qty_1": [qty]}
    for n in range(1, LINES + 1):
        posted.lines.append(
            (values.get(f"sku_{n}", [""])[0].strip(), values.get(f"qty_{n}", [""])[0])
        )
    return posted


def check(
    posted: Posted, products: list[Product] | None, translate: Catalog
) -> tuple[dict[str, Any], list[Problem]]:
    """(the order without its number, []) or (…, the problems to show on the form)."""
    problems: list[Problem] = []
    for name, value in posted.values.items():
        if len(value) > FIELD_MAX:
            problems.append(
                Problem(
                    name,
                    translate(
                        "WebForm", "Please shorten “{field}” to at most {limit} characters."
                    ).format(field=label(translate, name), limit=FIELD_MAX),
                )
            )
        elif not value.strip() and name not in OPTIONAL:
            problems.append(
                Problem(
                    name,
                    translate("WebForm", "Please fill in “{field}”.").format(
                        field=label(translate, name)
                    ),
                )
            )
    email = posted.values.get("email", "").strip()
    if email and not _EMAIL.fullmatch(email):
        problems.append(
            Problem(
                "email",
                translate(
                    "WebForm",
                    "“{email}” does not look like an email address (like name@example.com). "
                    "Correct it, or leave the box empty.",
                ).format(email=email[:100]),
            )
        )
    phone = posted.values.get("phone", "")
    digits = sum(c.isdigit() for c in phone)
    if phone.strip() and not 7 <= digits <= 15:
        problems.append(
            Problem(
                "phone",
                translate(
                    "WebForm",
                    "“{phone}” does not look like a phone number. Type the number the courier "
                    "can call, like 0917 123 4567.",
                ).format(phone=phone[:40]),
            )
        )
    lines = _lines(posted, products, translate, problems)
    given = {f: posted.values.get(f, "").strip() for f in CUSTOMER}
    customer = {"name": given.pop("customer"), **given}
    order: dict[str, Any] = {"customer": customer, "lines": lines}
    order.update({f: v.strip() for f, v in posted.values.items() if f not in CUSTOMER})
    return order, problems


def _lines(
    posted: Posted, products: list[Product] | None, translate: Catalog, problems: list[Problem]
) -> list[dict[str, Any]]:
    known = {p.code for p in products} if products is not None else None
    wanted: dict[str, int] = {}  # the same product on two rows is one line
    for n, (sku, qty) in enumerate(posted.lines, start=1):
        if not sku:
            continue
        if len(sku) > 200 or (known is not None and sku not in known):
            problems.append(
                Problem(
                    f"sku_{n}",
                    translate("WebForm", "Product {row}: choose a product from the list.").format(
                        row=n
                    ),
                )
            )
            continue
        if not _QTY.fullmatch(qty) or not 1 <= int(qty) <= MAX_QTY:
            problems.append(
                Problem(
                    f"qty_{n}",
                    translate(
                        "WebForm",
                        "Product {row}: the quantity must be a whole number from 1 to {most} "
                        "(it says “{qty}”).",
                    ).format(row=n, most=MAX_QTY, qty=qty.strip()[:20]),
                )
            )
            continue
        wanted[sku] = wanted.get(sku, 0) + int(qty)
    if not wanted and not any(p.box.startswith(("sku_", "qty_")) for p in problems):
        problems.append(
            Problem("sku_1", translate("WebForm", "Please choose at least one product."))
        )
    return [{"sku": sku, "qty": qty} for sku, qty in wanted.items()]
