"""Look and words shared by every screen: colours, the stylesheet, icons, and turning data into
sentences (states, values) instead of raw JSON; times and lengths of time are ``app.ui.when``'s."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox

from app.core import order_states
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.core.order_total import currency_of, money_text

ACCENT = "#1f6f8b"
OK = "#2e7d32"
WARN = "#c77700"
BAD = "#c62828"
MUTED = "#6b7280"


class Worded(dict):
    """A table whose values start with a label: the label comes out in the current language
    (marked for lupdate with ``QT_TRANSLATE_NOOP("Words", ...)`` where the table is written)."""

    @staticmethod
    def _said(value: Any) -> Any:
        return (translate("Words", value[0]), *value[1:])

    def __getitem__(self, key: Any) -> Any:
        return self._said(super().__getitem__(key))

    def get(self, key: Any, default: Any = None) -> Any:
        return self[key] if key in self else default

    def items(self) -> Iterator[tuple[Any, Any]]:  # type: ignore[override]
        return ((k, self[k]) for k in self)

    def values(self) -> Iterator[Any]:  # type: ignore[override]
        return (self[k] for k in self)


# a step's state in words; those a run shares are the run's (one message each to translate)
STATE_WORDS = Worded(
    {
        "pending": (QT_TRANSLATE_NOOP("Words", "Waiting for earlier steps"), MUTED, "fa5s.clock"),
        "ready": (QT_TRANSLATE_NOOP("Words", "About to run"), ACCENT, "fa5s.play-circle"),
        "running": (QT_TRANSLATE_NOOP("Words", "Running"), ACCENT, "fa5s.spinner"),
        "succeeded": (order_states.LABELS["succeeded"], OK, "fa5s.check-circle"),
        "retry_wait": (QT_TRANSLATE_NOOP("Words", "Waiting to try again"), WARN, "fa5s.redo"),
        # not a state: a retry_wait step the step parked itself (``step_dict``'s "sleeping")
        "sleeping": (order_states.LABELS["waiting"], ACCENT, "fa5s.hourglass-half"),
        "needs_attention": (order_states.LABELS["needs_attention"], BAD, "fa5s.hand-paper"),
        "skipped": (QT_TRANSLATE_NOOP("Words", "Skipped"), MUTED, "fa5s.minus-circle"),
        "cancelled": (order_states.LABELS["cancelled"], MUTED, "fa5s.ban"),
    }
)
# colour and icon of a run's state; its words are ``app.core.order_states``' (the export's too)
RUN_WORDS = Worded(
    {
        status: (order_states.LABELS[status], color, ic)
        for status, color, ic in (
            ("running", ACCENT, "fa5s.sync"),
            ("waiting", WARN, "fa5s.hourglass-half"),
            ("needs_attention", BAD, "fa5s.hand-paper"),
            ("succeeded", OK, "fa5s.check-circle"),
            ("cancelled", MUTED, "fa5s.ban"),
        )
    }
)
PRACTICE = "#7c3aed"


def run_words(run: dict[str, Any]) -> tuple[str, str, str]:
    """(words, colour, icon) of a run's state as an operator should read it
    (``app.core.order_states.said``). The store says which list rows are demo orders
    (``queries.DEMO_ORDER``: the list's rows carry no trigger)."""
    status = run.get("status", "")
    trigger = t if isinstance(t := run.get("trigger"), dict) else {}
    # stopped by the operator, or ended cancelled by its workflow (``outcome``): muted, a ban
    cancelled = order_states.is_cancelled(
        status, cancelled=bool(run.get("cancelled")), outcome=run.get("outcome")
    )
    demo, practice = bool(run.get("demo") or trigger.get("demo")), bool(run.get("practice"))
    text = order_states.said(status, cancelled=cancelled, practice=practice, demo=demo)
    if cancelled:
        return text, MUTED, "fa5s.ban"
    if demo or practice:
        return text, PRACTICE, "fa5s.flask"
    _label, color, ic = RUN_WORDS.get(status, (status, MUTED, "fa5s.circle"))
    return text, color, ic


KIND_WORDS = Worded(
    {
        "step_failed": (
            QT_TRANSLATE_NOOP("Words", "A step failed"),
            "fa5s.exclamation-triangle",
            BAD,
        ),
        "decision": (
            QT_TRANSLATE_NOOP("Words", "A decision is needed"),
            "fa5s.question-circle",
            ACCENT,
        ),
        "intake_error": (
            QT_TRANSLATE_NOOP("Words", "An order could not be read"),
            "fa5s.envelope-open-text",
            WARN,
        ),
        "channel_down": (
            QT_TRANSLATE_NOOP("Words", "A channel is down"),
            "fa5s.satellite-dish",
            BAD,
        ),
        "system_down": (QT_TRANSLATE_NOOP("Words", "A system is down"), "fa5s.plug", BAD),
        "system": ("Daloy", "fa5s.bell", WARN),
    }
)

STYLESHEET = f"""
QMainWindow, QWidget#page {{ background: #f7f8fa; }}
QListWidget#navigation {{ background: #12343f; color: #e6eef2; border: none; font-size: 14px;
    padding-top: 8px; outline: 0; }}
QListWidget#navigation::item {{ padding: 10px 14px; border-radius: 6px; margin: 2px 8px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QLabel#pageTitle {{ font-size: 20px; font-weight: 600; color: #111827; }}
QLabel#hint {{ color: {MUTED}; }}
QLabel#why {{ font-size: 15px; font-weight: 600; padding: 8px 10px; border-radius: 6px;
    background: #eef6f9; color: #12343f; }}
QLabel#whyMore {{ font-size: 14px; padding: 0 10px 8px 10px; background: #eef6f9;
    color: #12343f; border-bottom-left-radius: 6px; border-bottom-right-radius: 6px; }}
QFrame#card {{ background: white; border: 1px solid #e5e7eb; border-radius: 8px; }}
QFrame#banner {{ background: #fff7e6; border: 1px solid #f5c26b; border-radius: 6px; }}
QPushButton {{ padding: 6px 14px; border-radius: 5px; border: 1px solid #cbd5e1;
    background: white; }}
QPushButton:hover {{ background: #f1f5f9; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: none; font-weight: 600; }}
QPushButton#danger {{ color: {BAD}; }}
QTableView, QListWidget#inboxList, QTreeWidget {{ background: white; border: 1px solid #e5e7eb;
    border-radius: 6px; }}
QHeaderView::section {{ background: #f3f4f6; border: none; padding: 6px; font-weight: 600; }}
"""


PERIODS = (
    (QT_TRANSLATE_NOOP("Words", "Any time"), None),
    (QT_TRANSLATE_NOOP("Words", "Today"), 86400),
    (QT_TRANSLATE_NOOP("Words", "Last 7 days"), 7 * 86400),
    (QT_TRANSLATE_NOOP("Words", "Last 30 days"), 30 * 86400),
)


def period_choice(name: str) -> QComboBox:
    """The "Any time / Today / Last 7 days" filter of a list; its data is seconds back."""
    combo = QComboBox()
    combo.setObjectName(name)
    for label, secs in PERIODS:
        combo.addItem(translate("Words", label), secs)
    return combo


def icon(name: str, color: str = "#374151") -> QIcon:
    from app.ui.icons import icon as glyph  # the one icon font, loaded on first use

    return glyph(name, color)


def words(value: Any, indent: int = 0, currency: str = "") -> str:
    """Data as readable lines ("Customer: Aling Nena") rather than JSON. An amount of money
    (a number under one of ``MONEY_KEYS``) reads as every amount does (``money_text``:
    "PHP 210.00") in the currency a dict names beside it (an order's), else ``currency``
    (the order's, for data that does not name it: a question's context, a step's output)."""
    pad = "    " * indent
    if isinstance(value, dict):
        if not value:
            return pad + translate("Words", "(nothing)")
        currency = currency_of(value) or currency
        lines = []
        for k, v in value.items():
            label = key_label(k)
            if isinstance(v, dict | list) and v:
                lines.append(f"{pad}{label}:")
                lines.append(words(v, indent + 1, currency))
            elif isinstance(v, dict | list):  # empty: "(none)", never "[]"
                lines.append(f"{pad}{label}: {words(v)}")
            else:
                lines.append(f"{pad}{label}: {_value(k, v, currency)}")
        return "\n".join(lines)
    if isinstance(value, list):
        if not value:
            return pad + translate("Words", "(none)")
        if all(not isinstance(v, dict | list) for v in value):
            return pad + ", ".join(_scalar(v) for v in value)
        return "\n".join(
            f"{pad}• " + words(v, indent + 1, currency).strip()
            if not isinstance(v, dict)
            else f"{pad}• " + _item(v, currency)
            for v in value
        )
    return pad + _scalar(value)


def order_facts(trigger: Any) -> Any:
    """What an order says, for reading: without the ``demo`` mark the app puts on its sample
    orders (their headline already says "Demo order"; "Demo: yes" reads as the customer's)."""
    if isinstance(trigger, dict) and "demo" in trigger:
        return {k: v for k, v in trigger.items() if k != "demo"}
    return trigger


# The keys an order and the sample workflow's questions most often carry, as ``_label`` writes
# them: said in the operator's language (any other key is shown as it is written)
KEY_WORDS = (
    QT_TRANSLATE_NOOP("DataKeys", "Order"),
    QT_TRANSLATE_NOOP("DataKeys", "Number"),
    QT_TRANSLATE_NOOP("DataKeys", "Name"),
    QT_TRANSLATE_NOOP("DataKeys", "Phone"),
    QT_TRANSLATE_NOOP("DataKeys", "Address"),
    QT_TRANSLATE_NOOP("DataKeys", "Lines"),
    QT_TRANSLATE_NOOP("DataKeys", "Missing"),
    QT_TRANSLATE_NOOP("DataKeys", "Ships now if you backorder"),
    # an order as the channels give it (``app.connectors.platforms.Order``, the web form, an
    # email's “Key: value” lines, an order typed in) and the sample's backorder (“Backorder of”)
    QT_TRANSLATE_NOOP("DataKeys", "Customer"),
    QT_TRANSLATE_NOOP("DataKeys", "Email"),
    QT_TRANSLATE_NOOP("DataKeys", "Total"),
    QT_TRANSLATE_NOOP("DataKeys", "Amount"),
    QT_TRANSLATE_NOOP("DataKeys", "Currency"),
    QT_TRANSLATE_NOOP("DataKeys", "Note"),
    QT_TRANSLATE_NOOP("DataKeys", "Notes"),
    QT_TRANSLATE_NOOP("DataKeys", "Backorder of"),
    QT_TRANSLATE_NOOP("DataKeys", "Delivery"),
    QT_TRANSLATE_NOOP("DataKeys", "Status"),
    QT_TRANSLATE_NOOP("DataKeys", "Platform"),
    QT_TRANSLATE_NOOP("DataKeys", "Platform order id"),
    QT_TRANSLATE_NOOP("DataKeys", "Subtotal"),
    QT_TRANSLATE_NOOP("DataKeys", "Shipping"),
    QT_TRANSLATE_NOOP("DataKeys", "Shipping address"),
    QT_TRANSLATE_NOOP("DataKeys", "Created at"),
    QT_TRANSLATE_NOOP("DataKeys", "Updated at"),
    QT_TRANSLATE_NOOP("DataKeys", "Shop"),
    QT_TRANSLATE_NOOP("DataKeys", "Raw"),
    QT_TRANSLATE_NOOP("DataKeys", "Source"),
    QT_TRANSLATE_NOOP("DataKeys", "Sku"),
    QT_TRANSLATE_NOOP("DataKeys", "Qty"),
    QT_TRANSLATE_NOOP("DataKeys", "Quantity"),
    QT_TRANSLATE_NOOP("DataKeys", "Price"),
    QT_TRANSLATE_NOOP("DataKeys", "Product"),
    QT_TRANSLATE_NOOP("DataKeys", "Item"),
    QT_TRANSLATE_NOOP("DataKeys", "Items"),
    # a marketplace's shipping address (Shopify, WooCommerce, Shopee, Lazada)
    QT_TRANSLATE_NOOP("DataKeys", "First name"),
    QT_TRANSLATE_NOOP("DataKeys", "Last name"),
    QT_TRANSLATE_NOOP("DataKeys", "Company"),
    QT_TRANSLATE_NOOP("DataKeys", "Address1"),
    QT_TRANSLATE_NOOP("DataKeys", "Address2"),
    QT_TRANSLATE_NOOP("DataKeys", "Address 1"),
    QT_TRANSLATE_NOOP("DataKeys", "Address 2"),
    QT_TRANSLATE_NOOP("DataKeys", "Full address"),
    QT_TRANSLATE_NOOP("DataKeys", "Town"),
    QT_TRANSLATE_NOOP("DataKeys", "District"),
    QT_TRANSLATE_NOOP("DataKeys", "City"),
    QT_TRANSLATE_NOOP("DataKeys", "Province"),
    QT_TRANSLATE_NOOP("DataKeys", "State"),
    QT_TRANSLATE_NOOP("DataKeys", "Region"),
    QT_TRANSLATE_NOOP("DataKeys", "Zip"),
    QT_TRANSLATE_NOOP("DataKeys", "Zipcode"),
    QT_TRANSLATE_NOOP("DataKeys", "Postcode"),
    QT_TRANSLATE_NOOP("DataKeys", "Post code"),
    QT_TRANSLATE_NOOP("DataKeys", "Country"),
    # an email order's message and its attachments (``app.intake.email_rules``)
    QT_TRANSLATE_NOOP("DataKeys", "Subject"),
    QT_TRANSLATE_NOOP("DataKeys", "From"),
    QT_TRANSLATE_NOOP("DataKeys", "To"),
    QT_TRANSLATE_NOOP("DataKeys", "Date"),
    QT_TRANSLATE_NOOP("DataKeys", "Message id"),
    QT_TRANSLATE_NOOP("DataKeys", "Text"),
    QT_TRANSLATE_NOOP("DataKeys", "Headers"),
    QT_TRANSLATE_NOOP("DataKeys", "Attachments"),
    QT_TRANSLATE_NOOP("DataKeys", "Filename"),
    QT_TRANSLATE_NOOP("DataKeys", "Size"),
    QT_TRANSLATE_NOOP("DataKeys", "Content type"),
    QT_TRANSLATE_NOOP("DataKeys", "Path"),
    # the sample workflows' settings and the stock check's answer (``spreadsheet_lookup``)
    QT_TRANSLATE_NOOP("DataKeys", "Shop name"),
    QT_TRANSLATE_NOOP("DataKeys", "Inventory"),
    QT_TRANSLATE_NOOP("DataKeys", "Gateway"),
    QT_TRANSLATE_NOOP("DataKeys", "Warehouse webhook"),
    QT_TRANSLATE_NOOP("DataKeys", "Values"),  # what a “Set fields” step is given
    QT_TRANSLATE_NOOP("DataKeys", "Pay on delivery"),
    QT_TRANSLATE_NOOP("DataKeys", "Paid on"),
    QT_TRANSLATE_NOOP("DataKeys", "Now"),
    QT_TRANSLATE_NOOP("DataKeys", "Later"),
    QT_TRANSLATE_NOOP("DataKeys", "Ready"),
    QT_TRANSLATE_NOOP("DataKeys", "Short"),
    QT_TRANSLATE_NOOP("DataKeys", "All available"),
    QT_TRANSLATE_NOOP("DataKeys", "Found"),
    QT_TRANSLATE_NOOP("DataKeys", "Available"),
    QT_TRANSLATE_NOOP("DataKeys", "Wanted"),
    QT_TRANSLATE_NOOP("DataKeys", "Ready total"),
    QT_TRANSLATE_NOOP("DataKeys", "Rows"),
    QT_TRANSLATE_NOOP("DataKeys", "Row"),
    QT_TRANSLATE_NOOP("DataKeys", "Count"),
    QT_TRANSLATE_NOOP("DataKeys", "List"),
)


def key_label(key: Any) -> str:
    """A key of an order or a step's result as a label: “order_id” is “Order id”, the
    common ones (``KEY_WORDS``) in the operator's language."""
    return translate("DataKeys", str(key).replace("_", " ").capitalize())


# An order line's fields, as the sample's and the marketplaces' orders name them.
_QUANTITY = ("qty", "quantity")
_WHAT = ("sku", "product", "item", "name", "key")


def _item(v: dict[str, Any], currency: str = "") -> str:
    """One entry of a list on one line: an order line as the customer's email writes it
    ("8 × COFFEE-3IN1 (price PHP 210.00)"), anything else as "Label: value; …"."""
    currency = currency_of(v) or currency
    qty = next((k for k in _QUANTITY if k in v and not isinstance(v[k], dict | list)), None)
    what = next((k for k in _WHAT if k in v and not isinstance(v[k], dict | list)), None)
    if qty is None or what is None:
        return "; ".join(f"{key_label(k)}: {_value(k, x, currency)}" for k, x in v.items())
    # a line the stock check named ("Coffee 3-in-1, 30s"): the name first, its code beside it;
    # a blank name (a marketplace's line may carry one) says nothing
    name = v.get("name") if what != "name" else None
    named = isinstance(name, str) and bool(name.strip())
    rest = ", ".join(
        [_scalar(v[what])] * named
        + [
            f"{key_label(k).lower()} {_value(k, x, currency)}"
            for k, x in v.items()
            if k not in (qty, what) and not (k == "name" and isinstance(name, str))
        ]
    )
    line = f"{_scalar(v[qty])} × {_scalar(name if named else v[what])}"
    return f"{line} ({rest})" if rest else line


# The keys whose number is an amount of money: an order's and its lines' (the channels', the
# web form's, an order typed in), the stock check's answer (``spreadsheet_lookup``) and the
# sample's plan and charge.
MONEY_KEYS = frozenset(
    ("price", "unit_price", "total", "subtotal", "amount", "ready_total", "shipping")
)


def _value(key: Any, v: Any, currency: str) -> str:
    """``v`` under ``key``: an amount of money as ``money_text`` writes it when the currency is
    known (a count named "total" in data of no order stays a number)."""
    if currency and str(key).lower() in MONEY_KEYS and (said := money_text(v, currency)):
        return said
    return _scalar(v)


def _scalar(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return translate("Words", "yes") if v else translate("Words", "no")
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False)
    return str(v)
