"""“New order”: an order taken by phone or at the counter, typed in.

The form follows the workflow's order (its sample order's fields: the customer's name and email,
plus a phone number, any other field, and the order lines); products are picked from the stock
sheet the workflow checks (read with the spreadsheet look-up's own code), with what is in stock
and the price beside each. “Start order” goes through the intake path like any channel
(``app.store.intake.ingest``) under its own dedupe key (``manual:<uuid>``, one per form, so a
second press starts nothing), audited with who typed it. In demo mode it becomes a demo order
(a practice run). All reading and writing runs off the GUI thread.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import translate
from app.core.model import Workflow
from app.core.order_total import at_prices
from app.ui.connection_form import ResultView
from app.ui.context import AppContext
from app.ui.style import STYLESHEET, icon
from app.ui.text import PlainLabel

SAMPLE = "Order fulfilment"
DEMO_PREFIX = "DEMO-"  # an order number's prefix, not words: the same in every language

SKIP = {"number", "customer", "lines", "total", "currency", "sku", "qty", "email", "phone"}
FIND = Qt.ItemDataRole.UserRole + 1  # a product's code and name: what typing matches


@dataclass
class OrderShape:
    """What the form asks for, from the workflow's sample order, and the products on offer."""

    workflow: str
    currency: str = ""
    extra: list[str] = field(default_factory=list)  # other plain fields of the order
    products: list[dict[str, Any]] = field(default_factory=list)  # key, label
    problem: str = ""  # why no product list (said, not fatal)
    enabled: bool = True
    demo: bool = False
    number: str = ""  # the number the form suggests (``next_number``)


def _stock_step(wf: Workflow) -> tuple[str, dict[str, Any]] | None:
    """The stock sheet the workflow checks order lines in (its first look-up with items),
    rendered with its settings step's values; and that step's config."""
    from app.core.templates import render_value

    step = next(
        (s for s in wf.steps if s.type == "spreadsheet_lookup" and s.config.get("items")), None
    )
    if step is None:
        return None
    settings = wf.step("settings")
    values = settings.config.get("values", {}) if settings is not None else {}
    path = render_value(
        step.config.get("file", ""), {"steps": {"settings": {"output": values}}, "trigger": {}}
    )
    return str(path), step.config


HAND_PREFIX = "H-"  # a typed-in order's suggested number: H-0001, H-0002, …
SUMMARY = "Order {number} typed in by {who}"  # its intake item's summary (``start_order``)
_HAND_NUMBER = re.compile(rf"^Order {HAND_PREFIX}(\d+) typed in by ")  # SUMMARY, read back


def _numbers_seen(s: Any) -> int:
    """One past the highest suggested number typed in so far, demo orders included (typed in
    before the sequence had its counter, or in the demo: demo orders start as practice runs
    without an intake item, and take no number from the counter)."""
    from sqlalchemy import select

    from app.store.models import IntakeItem, Run

    summaries = s.scalars(
        select(IntakeItem.summary).where(
            IntakeItem.channel.like("%/by hand"), IntakeItem.summary.like(f"Order {HAND_PREFIX}%")
        )
    )
    taken = [int(m.group(1)) for t in summaries if (m := _HAND_NUMBER.match(t or ""))]
    demo = DEMO_PREFIX + HAND_PREFIX
    keys = s.scalars(select(Run.business_key).where(Run.business_key.like(f"{demo}%")))
    taken += [int(k[len(demo) :]) for k in keys if k and k[len(demo) :].isdigit()]
    return max(taken, default=0) + 1


def next_number(s: Any, take: bool = False) -> str:
    """The next number of the typed-in orders' sequence (``H-0001`` first), in any workflow,
    from its counter (``app.store.order_numbers``: a backup put back does not give a number
    twice); ``take`` counts it as taken, in ``s``'s write transaction. A number the operator
    typed instead (“A-17”) takes nothing. The form shows the number before the order starts;
    an order keeping it takes the number as it starts (``start_order``), so two desks typing
    orders at the same moment never start the same one."""
    from app.store import order_numbers

    given = order_numbers.take_in if take else order_numbers.peek
    return f"{HAND_PREFIX}{given(s, HAND_PREFIX, _numbers_seen(s)):04d}"


def load_shape(ctx: AppContext, name: str) -> OrderShape:
    """The workflow's order fields and its products (worker thread)."""
    from app import demo
    from app.connectors import sheets
    from app.steps.spreadsheet_lookup import list_rows
    from app.store import workflows

    with ctx.db.read() as s:
        row, _, wf = workflows.load(s, name)
        enabled = row.enabled
        number = next_number(s)
    order = (wf.extra.get("sample_input") or {}).get("order") or {}
    shape = OrderShape(
        name,
        str(order.get("currency") or ""),
        [k for k, v in order.items() if k not in SKIP and not isinstance(v, dict | list)],
        enabled=enabled,
        demo=demo.is_demo(ctx.db),
        number=number,
    )
    found = _stock_step(wf)
    if found is None:
        shape.problem = translate(
            "NewOrder", "This workflow checks no stock sheet: type the product codes."
        )
        return shape
    path, config = found
    try:
        table = sheets.load(sheets.resolve(path, ctx.data_dir))
        rows = list_rows(table, {"key_column": config["key_column"]}).output["list"]
    except Exception as exc:  # noqa: BLE001 - said in the form; codes can still be typed
        shape.problem = translate("NewOrder", "The product list could not be read: {error}").format(
            error=exc
        )
        return shape
    key = config["key_column"]
    # the name the stock check gives the order's lines (its name column, else the sheet's usual)
    name_at = table.name_column(config.get("name_column"))
    name_header = table.header[name_at] if name_at is not None else None
    for r in rows:
        label = str(r.get(name_header) or "") if name_header is not None else ""
        stock = r.get(config.get("available_column") or "")
        price = r.get(config.get("price_column") or "")
        facts = ", ".join(
            x
            for x in (
                translate("NewOrder", "in stock: {stock}").format(stock=stock)
                if stock is not None
                else "",
                translate("NewOrder", "price: {price}").format(price=price)
                if price not in (None, "")
                else "",
            )
            if x
        )
        named = f"{r[key]} — {label}"
        # "find": what typing matches (the code and the name: "rice" must not find every
        # product by its "price"), "label": what the list shows
        shape.products.append(
            {
                "key": str(r[key]),
                "label": named + (f" ({facts})" if facts else ""),
                "find": named,
                "price": price,
            }
        )
    return shape


class Started(NamedTuple):
    """What ``start_order`` did: the run (None: nothing started), a sentence for the operator,
    and the number the order started with (another than the form's when it was taken)."""

    run_id: str | None
    sentence: str
    number: str


def start_order(
    ctx: AppContext,
    shape: OrderShape,
    order: dict[str, Any],
    dedupe_key: str,
    who: str | None = None,
) -> Started:
    """Start the order (worker thread)."""
    from app.store import audit
    from app.store.intake import ingest

    who = who or audit.current_user()
    number = order.get("number") or "?"
    offered = bool(shape.number) and number == shape.number  # the sequence's, not one typed
    if shape.demo:
        from app.runtime.practice import try_draft

        run_id = try_draft(ctx.runtime, shape.workflow, {"demo": True, "order": order}, who=who)
        return Started(
            run_id,
            translate(
                "NewOrder", "Demo order {number} started (nothing real is charged or sent)."
            ).format(number=number),
            number,
        )

    trigger = {"order": order, "source": "by_hand", "entered_by": who}

    def settle(s: Any) -> tuple[dict[str, Any], str]:
        # the sequence read again where the order starts (writes take turns): another desk
        # may have started the number this form offered since it was read
        nonlocal number
        number = next_number(s, take=True)
        return {**trigger, "order": {**order, "number": number}}, SUMMARY.format(
            number=number, who=who
        )

    def note(s: Any, item: Any) -> None:
        audit.record(
            s,
            who,
            "order_entered",
            run_id=item.run_id,
            after={"workflow": shape.workflow, "number": number, "by": "hand"},
        )

    done = ingest(
        ctx.store,
        channel=f"{shape.workflow}/by hand",
        workflow=shape.workflow,
        dedupe_key=dedupe_key,
        trigger=trigger,
        summary=SUMMARY.format(number=number, who=who),
        in_txn=note,
        settle=settle if offered else None,
    )
    if done.duplicate:
        return Started(
            None,
            translate("NewOrder", "Order {number} was already started from this form.").format(
                number=number
            ),
            number,
        )
    if not shape.enabled:
        sentence = translate(
            "NewOrder",
            "Order {number} is kept: “{workflow}” is switched off, so it waits and starts "
            "when the workflow is switched on.",
        ).format(number=number, workflow=shape.workflow)
    else:
        sentence = translate("NewOrder", "Order {number} started.").format(number=number)
    if number != order.get("number"):
        sentence += " " + translate(
            "NewOrder", "It is not {offered}: another order typed in took that number meanwhile."
        ).format(offered=order.get("number"))
    return Started(done.run_id, sentence, number)


class LineRow(QWidget):
    """One order line: the product (from the stock sheet, or typed) and how many."""

    def __init__(self, products: list[dict[str, Any]]) -> None:
        super().__init__()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.product = QComboBox()
        self.product.setObjectName("lineProduct")
        self.product.setEditable(True)
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product.addItem("", "")
        for p in products:
            self.product.addItem(p["label"], p["key"])
            self.product.setItemData(self.product.count() - 1, p.get("find", p["label"]), FIND)
        completer, line = self.product.completer(), self.product.lineEdit()
        assert completer is not None and line is not None  # an editable combo box has both
        completer.setCompletionRole(FIND)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        line.setPlaceholderText(translate("NewOrder", "type a product code or name"))
        self.qty = QSpinBox()
        self.qty.setObjectName("lineQty")
        self.qty.setRange(1, 1_000_000)
        self.remove = QPushButton(icon("fa5s.times"), "")
        self.remove.setToolTip(translate("NewOrder", "Remove this line"))
        lay.addWidget(self.product, 1)
        lay.addWidget(PlainLabel("×"))
        lay.addWidget(self.qty)
        lay.addWidget(self.remove)

    def sku(self) -> str:
        text = self.product.currentText().strip()
        index = self.product.findText(text)
        if index > 0:
            return str(self.product.itemData(index))
        return text.split(" — ")[0].strip()


class NewOrderDialog(QDialog):
    started = Signal(str)  # the run id

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, workflow: str = SAMPLE
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newOrderDialog")
        self.setWindowTitle(translate("NewOrder", "New order — typed in"))
        self.setStyleSheet(STYLESHEET)
        self.resize(620, 520)
        self.key = f"manual:{uuid.uuid4()}"  # one per form: a second press starts nothing
        self.shape: OrderShape | None = None
        self.lines: list[LineRow] = []
        lay = QVBoxLayout(self)
        intro = PlainLabel(
            translate(
                "NewOrder",
                "For orders taken by phone or at the counter. The order runs through "
                "“{workflow}” like an order from any other channel, every step of it, "
                "from the stock check on.",
            ).format(workflow=workflow)
        )
        intro.setWordWrap(True)  # within the dialog's width, in every language
        lay.addWidget(intro)
        self.form = QFormLayout()
        self.number = QLineEdit()  # the next in the shop's sequence, once read (``_loaded``)
        self.number.setObjectName("orderNumber")
        self.customer = QLineEdit()
        self.customer.setObjectName("customerName")
        self.email = QLineEdit()
        self.email.setObjectName("customerEmail")
        self.email.setPlaceholderText(translate("NewOrder", "for the confirmation"))
        self.phone = QLineEdit()
        self.phone.setObjectName("customerPhone")
        self.extra: dict[str, QLineEdit] = {}
        for label, w in (
            (translate("NewOrder", "Order number"), self.number),
            (translate("NewOrder", "Customer"), self.customer),
            (translate("NewOrder", "Email"), self.email),
            (translate("NewOrder", "Phone"), self.phone),
        ):
            self.form.addRow(label, w)
        lay.addLayout(self.form)
        lay.addWidget(PlainLabel(translate("NewOrder", "What they ordered:")))
        self.lines_box = QVBoxLayout()
        lay.addLayout(self.lines_box)
        add = QPushButton(icon("fa5s.plus"), translate("NewOrder", "Add a line"))
        add.setObjectName("addLine")
        add.clicked.connect(self.add_line)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        lay.addLayout(row)
        self.note = PlainLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.outcome = ResultView()
        lay.addWidget(self.outcome)
        lay.addStretch(1)
        buttons = QDialogButtonBox()
        self.start_b = buttons.addButton(
            translate("NewOrder", "Start order"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_b.setObjectName("startOrder")
        self.start_b.setEnabled(False)
        self.cancel_b = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.note.setText(translate("NewOrder", "Reading the products…"))
        self.ctx.background(
            lambda: load_shape(ctx, workflow),
            self._loaded,
            lambda exc: self.outcome.show_text(str(exc), False),
            owner=self,
        )

    def _loaded(self, shape: OrderShape) -> None:
        self.shape = shape
        for name in shape.extra:
            e = QLineEdit()
            e.setObjectName(f"field_{name}")
            self.extra[name] = e
            self.form.addRow(name.replace("_", " ").capitalize(), e)
        self.add_line()
        words = [shape.problem] if shape.problem else []
        if not self.number.isModified():  # not over what the operator typed meanwhile
            self.number.setText(shape.number)
        if shape.demo:
            self.number.setText(DEMO_PREFIX + self.number.text())  # said as a demo everywhere
            words.append(
                translate(
                    "NewOrder",
                    "Demo: this order runs as a demo order; nothing real is charged or sent.",
                )
            )
        elif not shape.enabled:
            words.append(
                translate(
                    "NewOrder",
                    "“{workflow}” is switched off: the order will wait until it is switched on.",
                ).format(workflow=shape.workflow)
            )
        self.note.setText(" ".join(words))
        self.start_b.setEnabled(True)

    def add_line(self) -> None:
        line = LineRow(self.shape.products if self.shape else [])
        line.remove.clicked.connect(lambda: self._remove(line))
        self.lines.append(line)
        self.lines_box.addWidget(line)

    def _remove(self, line: LineRow) -> None:
        if len(self.lines) > 1:
            self.lines.remove(line)
            line.deleteLater()

    def order(self) -> dict[str, Any]:
        """The order as typed; ValueError with a sentence when something is missing."""
        number, name = self.number.text().strip(), self.customer.text().strip()
        email, phone = self.email.text().strip(), self.phone.text().strip()
        if not number:
            raise ValueError(
                translate("NewOrder", "Give the order a number (any text you will recognise).")
            )
        if not name:
            raise ValueError(translate("NewOrder", "Type the customer's name."))
        if email and ("@" not in email or " " in email):
            raise ValueError(
                translate(
                    "NewOrder", "“{email}” is not an email address; correct it or leave it empty."
                ).format(email=email)
            )
        known = {p["key"] for p in (self.shape.products if self.shape else [])}
        lines = []
        for line in self.lines:
            sku = line.sku()
            if not sku:
                continue
            if known and sku not in known:
                raise ValueError(
                    translate(
                        "NewOrder",
                        "“{sku}” is not in the stock sheet; pick a product from the list.",
                    ).format(sku=sku)
                )
            lines.append({"sku": sku, "qty": line.qty.value()})
        if not lines:
            raise ValueError(translate("NewOrder", "Add at least one product to the order."))
        customer = {"name": name, "email": email}
        if phone:
            customer["phone"] = phone
        order: dict[str, Any] = {"number": number, "customer": customer, "lines": lines}
        if self.shape and self.shape.currency:
            order["currency"] = self.shape.currency
        # at the sheet's prices, as the web form's and a marketplace's orders carry theirs
        prices = {p["key"]: p.get("price") for p in (self.shape.products if self.shape else [])}
        total = at_prices(lines, prices)
        if total is not None:
            order["total"] = total
        order.update({k: e.text().strip() for k, e in self.extra.items() if e.text().strip()})
        return order

    def submit(self) -> None:
        if self.shape is None:
            return
        try:
            order = self.order()
        except ValueError as exc:
            self.outcome.show_text(str(exc), False)
            return
        self.start_b.setEnabled(False)
        self.outcome.show_text(translate("NewOrder", "Starting the order…"))

        shape, key = self.shape, self.key

        def done(result: Started) -> None:
            self.outcome.show_text(result.sentence, result.run_id is not None)
            if result.run_id is None:
                return
            self.started.emit(result.run_id)
            if result.number == order["number"]:
                self.accept()
                return
            # started under another number than the form showed: the form stays, saying so,
            # for the operator to give the customer the right one
            self.number.setText(result.number)
            self.number.setReadOnly(True)
            self.cancel_b.setText(translate("NewOrder", "Close"))

        def failed(exc: BaseException) -> None:
            self.start_b.setEnabled(True)
            self.outcome.show_text(str(exc), False)

        self.ctx.background(
            lambda: start_order(self.ctx, shape, order, key), done, failed, owner=self
        )
