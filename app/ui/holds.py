"""Holds from an order's page: "Hold orders like this…" (a form filled in from the order: its
products, its customer, its workflow, the step to stop before), "Release this hold" when the
order is held, and the list of holds that are on, each with Release. Every change goes through
``OperatorActions`` (audited, the CLI's API) off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import translate
from app.store import holds
from app.ui.context import AppContext
from app.ui.put_back_orders import CountAsDone
from app.ui.style import BAD, icon
from app.ui.text import PlainLabel

ANY = "(any)"  # the product choice meaning "every product" (shown in the reader's language)


def held_by(order: dict[str, Any]) -> int | None:
    """The hold that stops this order now (its parked step's ``hold:<id>``), if any."""
    for step in order.get("steps", []):
        waiting = step.get("waiting_on") or ""
        if step.get("state") == "retry_wait" and waiting.startswith(holds.PREFIX):
            return int(waiting[len(holds.PREFIX) :])
    return None


def product_names(order: dict[str, Any]) -> dict[str, str]:
    """The names the order's steps gave its products (the stock check's lines: ``{"sku":
    "SARDINES-155", "name": "Sardines, 155 g"}``), by code: the hold form offers a product by
    the name the operator knows it by."""
    names: dict[str, str] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            sku, name = value.get("sku"), value.get("name")
            if isinstance(sku, str) and isinstance(name, str) and name.strip():
                names.setdefault(sku, name.strip())
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for step in order.get("steps", []):
        walk(step.get("output"))
    return names


class HoldForm(QDialog):
    """ "Hold orders like this…": which orders (product, customer, workflow) and where they
    stop; filled in from the order."""

    def __init__(self, order: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holdForm")
        self.setWindowTitle(translate("Holds", "Hold orders like this"))
        self.setMinimumWidth(560)  # room for the longest words (Filipino runs ~30 % longer)

        lay = QVBoxLayout(self)
        hint = PlainLabel(
            translate(
                "Holds",
                "Matching orders stop before the step you choose — those waiting now "
                "and those that arrive — until you release the hold.",
            )
        )
        hint.setWordWrap(True)
        lay.addWidget(hint)
        form = QFormLayout()
        self.sku = QComboBox()
        self.sku.setObjectName("holdSku")
        self.sku.setEditable(True)
        self.any = translate("Holds", "(any)")
        names = product_names(order)
        for sku in holds.order_skus(order.get("trigger")):
            self.sku.addItem(f"{names[sku]} ({sku})" if sku in names else sku, sku)
        self.sku.addItem(self.any, None)
        self.customer = QCheckBox(
            translate("Holds", "only from {customer}").format(customer=order["customer"])
            if order.get("customer")
            else translate("Holds", "any customer")
        )
        self.customer.setObjectName("holdCustomer")
        self.customer.setEnabled(bool(order.get("customer")))
        self.customer_name = order.get("customer") or ""
        self.workflow = QCheckBox(
            translate("Holds", "only orders of “{workflow}”").format(workflow=order["workflow"])
        )
        self.workflow.setObjectName("holdWorkflow")
        self.workflow.setChecked(True)
        self.workflow_name = order["workflow"]
        self.step = QComboBox()
        self.step.setObjectName("holdBeforeStep")
        self.step.addItem(translate("Holds", "their next step"), None)
        for st in order.get("steps", []):
            self.step.addItem(st.get("title") or st["name"], st["name"])
        self.note = QLineEdit()
        self.note.setObjectName("holdNote")
        self.note.setPlaceholderText(translate("Holds", "why, e.g. until restocked"))
        form.addRow(translate("Holds", "Product (SKU)"), self.sku)
        form.addRow(translate("Holds", "Customer"), self.customer)
        form.addRow(translate("Holds", "Workflow"), self.workflow)
        form.addRow(translate("Holds", "Stop before"), self.step)
        form.addRow(translate("Holds", "Note"), self.note)
        lay.addLayout(form)
        self.problem = PlainLabel()
        self.problem.setStyleSheet(f"color: {BAD}")
        self.problem.setWordWrap(True)
        lay.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(
            translate("Holds", "Hold these orders"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok.setObjectName("holdConfirm")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def rule(self) -> dict[str, Any]:
        typed = self.sku.currentText().strip()
        listed = self.sku.findText(typed)  # a product of the list: its code; else as typed
        sku = self.sku.itemData(listed) if listed >= 0 else typed
        return {
            "sku": None if sku in (None, "", ANY, self.any) else sku,
            "customer": self.customer_name if self.customer.isChecked() else None,
            "workflow": self.workflow_name if self.workflow.isChecked() else None,
            "before_step": self.step.currentData(),
            "note": self.note.text().strip(),
        }


class HoldList(QDialog):
    """The holds that are on, each with how many orders it holds and a Release button."""

    changed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("holdList")
        self.setWindowTitle(translate("Holds", "Holds"))
        self.resize(560, 320)
        lay = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("holds")
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.release = QPushButton(icon("fa5s.play"), translate("Holds", "Release"))
        self.release.setObjectName("releaseHold")
        self.release.clicked.connect(self._release)
        row.addWidget(self.release)
        row.addStretch(1)
        done = QPushButton(translate("Holds", "Close"))
        done.setObjectName("closeHolds")
        done.clicked.connect(self.accept)
        row.addWidget(done)
        lay.addLayout(row)
        self.status = PlainLabel()
        self.status.setObjectName("holdStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.rows: list[tuple[holds.HoldRule, int]] = []
        self.reload()

    def reload(self) -> None:
        def load() -> list[tuple[holds.HoldRule, int]]:
            with self.ctx.db.read() as s:
                return holds.listed(s)

        self.ctx.background(load, self._show, owner=self)

    def retranslate(self) -> None:
        self._show(self.rows)

    def _show(self, rows: list[tuple[holds.HoldRule, int]]) -> None:
        self.rows = rows
        self.list.clear()
        for rule, n in rows:
            if n == 1:
                held = translate("Holds", "{rule}\n1 order held · by {who}")
            else:
                held = translate("Holds", "{rule}\n{count} orders held · by {who}")
            it = QListWidgetItem(held.format(rule=rule.describe(), count=n, who=rule.created_by))
            it.setData(Qt.ItemDataRole.UserRole, rule.id)
            self.list.addItem(it)
        if rows:
            self.list.setCurrentRow(0)
        else:
            self.status.setText(translate("Holds", "No holds are on."))
        self.release.setEnabled(bool(rows))

    def _release(self) -> None:
        it = self.list.currentItem()
        if it is None:
            return
        hold_id = it.data(Qt.ItemDataRole.UserRole)
        self.ctx.background(
            lambda: self.ctx.actions.release_hold(hold_id),
            lambda n: self._released(n),
            lambda exc: self.status.setText(str(exc)),
            owner=self,
        )

    def _released(self, n: int) -> None:
        if n == 1:
            text = translate("Holds", "Released: 1 order goes on, oldest first.")
        else:
            text = translate("Holds", "Released: {count} orders go on, oldest first.")
        text = text.format(count=n)
        self.status.setText(text)
        self.changed.emit(text)
        self.reload()


class HoldBar(QWidget):
    """The order page's hold buttons (one line on the page): hold orders like this one, release
    the hold that stops it, see every hold."""

    changed = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.order: dict[str, Any] | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.hold = QPushButton(icon("fa5s.pause"), translate("Holds", "Hold orders like this…"))
        self.hold.setObjectName("holdOrdersLikeThis")
        self.hold.clicked.connect(self.open_form)
        self.release = QPushButton(icon("fa5s.play"), translate("Holds", "Release this hold"))
        self.release.setObjectName("releaseThisHold")
        self.release.clicked.connect(self._release)
        self.release.hide()
        self.all = QPushButton(icon("fa5s.list"), translate("Holds", "Holds…"))
        self.all.setObjectName("showHolds")
        self.all.clicked.connect(self.open_list)
        self.status = PlainLabel()
        self.status.setObjectName("holdStatus")
        self.status.setWordWrap(True)
        # an order held by a put-back: its steps done since, counted as done (put_back_orders)
        self.count_done = CountAsDone(ctx, self._done)
        for w in (self.hold, self.release, self.count_done, self.all):
            lay.addWidget(w)
        lay.addWidget(self.status, 1)

    def show_order(self, order: dict[str, Any]) -> None:
        self.order = order
        held = held_by(order) is not None
        self.release.setVisible(held)
        # held: its page says what was done since (the held step's words); waiting for a
        # person (not held), the note here says it
        self.count_done.show_order(order, note=None if held else self.status.setText)

    def open_form(self) -> None:
        if self.order is None:
            return
        self.form = HoldForm(self.order, self)
        self.form.accepted.connect(self._add)
        self.form.open()

    def _add(self) -> None:
        rule = self.form.rule()
        self.ctx.background(
            lambda: self.ctx.actions.add_hold(**rule),
            lambda r: self._done(
                translate("Holds", "Hold {id} is on: {rule}.").format(id=r.id, rule=r.describe())
            ),
            lambda exc: self.status.setText(str(exc)),
            owner=self.status,
        )

    def _release(self) -> None:
        hold_id = held_by(self.order or {})
        if hold_id is None:
            return
        self.ctx.background(
            lambda: self.ctx.actions.release_hold(hold_id),
            lambda n: self._done(
                (
                    translate("Holds", "Hold {id} released: 1 order goes on.")
                    if n == 1
                    else translate("Holds", "Hold {id} released: {count} orders go on.")
                ).format(id=hold_id, count=n)
            ),
            lambda exc: self.status.setText(str(exc)),
            owner=self.status,
        )

    def open_list(self) -> None:
        self.list = HoldList(self.ctx, self)
        self.list.changed.connect(self._done)
        self.list.open()

    def _done(self, text: str) -> None:
        self.status.setText(text)
        self.changed.emit()
