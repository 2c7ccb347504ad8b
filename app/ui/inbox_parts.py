"""The pieces of an inbox entry's pane: the order's name in a sentence, the confirmation of a
bulk action, a decision's pick-list (a choice box the wheel scrolls past), a folded section, and
the technical detail in lines."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QListWidget, QToolButton, QVBoxLayout, QWidget

from app.core.i18n import translate
from app.store.actions import BulkResult
from app.ui import when
from app.ui.style import words
from app.ui.text import PlainLabel


def _bulk_done(action: str, n: int) -> str:
    """“5 orders are running again.”"""
    one = n == 1
    if action == "retry":
        text = (
            translate("InboxEntry", "{n} order is running again.")
            if one
            else translate("InboxEntry", "{n} orders are running again.")
        )
    elif action == "skip":
        text = (
            translate("InboxEntry", "{n} order goes on without its failed step.")
            if one
            else translate("InboxEntry", "{n} orders go on without their failed steps.")
        )
    else:
        text = (
            translate("InboxEntry", "{n} order was cancelled.")
            if one
            else translate("InboxEntry", "{n} orders were cancelled.")
        )
    return text.format(n=n)


def order_name(entry: dict[str, Any]) -> str:
    """“Order 3001”, or “The order of “Refunds”” when it has no number."""
    if entry.get("business_key"):
        return translate("InboxEntry", "Order {order}").format(order=entry["business_key"])
    return translate("InboxEntry", "The order of “{workflow}”").format(
        workflow=entry.get("workflow") or "Daloy"
    )


def bulk_summary(action: str, results: list[BulkResult]) -> str:
    """“5 orders are running again.” plus one sentence per entry that was refused."""
    done = [r for r in results if r.ok]
    text = (
        _bulk_done(action, len(done)) if done else translate("InboxEntry", "Nothing was changed.")
    )
    refused = [r.message for r in results if not r.ok]
    if not refused:
        return text
    return translate("InboxEntry", "{done} Not done: {refused}").format(
        done=text, refused=" ".join(refused)
    )


class EntryList(QListWidget):
    """The inbox's list for the keyboard: entering it (Tab, Ctrl+1) shows the entry under the
    cursor at once; Enter or Return takes the keyboard to the entry's pane (``to_pane``) and
    never acts: an action is taken only by a button the operator has put the focus on."""

    to_pane = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        keyboard = event.reason() != Qt.FocusReason.MouseFocusReason
        if keyboard and self.count() and not self.selectedItems():
            self.setCurrentItem(self.currentItem() or self.item(0))  # selects it: shown

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.to_pane.emit()
            return
        super().keyPressEvent(event)


def tab_after(first: QWidget, pane: QWidget) -> list[QWidget]:
    """Tab goes from ``first`` into ``pane``'s controls in reading order (a pane built after
    the window otherwise comes last in its Tab order, after the footer). The controls, in
    that order."""
    controls = [
        w
        for w in pane.findChildren(QWidget)  # depth first, each in the order it was laid out
        # (a pick list's popup is a window of its own: Qt refuses a chain across windows)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not w.isHidden()
        and w.window() is pane.window()
    ]
    if first.window() is not pane.window():  # not in the window yet: Qt refuses a chain across
        return controls
    for a, b in zip([first, *controls], controls, strict=False):
        QWidget.setTabOrder(a, b)
    return controls


class PaneChoice(QComboBox):
    """A choice box in the entry's scrolling pane: the mouse wheel over it scrolls the pane,
    as over the rest of it, and picks only once the box was clicked or tabbed into. (A plain
    choice box takes the wheel: scrolling down to the answers changed the chosen substitute,
    or the step to restart from, under the pointer, unseen.)"""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not give it the focus
        # As wide as the pane gives it, not as its longest entry: a long one (a substitute
        # with its stock and price) pushed the card past the pane's right edge, unseen.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # on to the pane, which scrolls


class ChoiceBox(PaneChoice):
    """A decision field with choices (ask_person): shows each label, answers with its value."""

    def __init__(self, choices: list[dict[str, str]]) -> None:
        super().__init__()
        self.addItem(translate("InboxEntry", "— choose —"), "")
        for c in choices:
            self.addItem(c["label"], c["value"])

    def text(self) -> str:
        return str(self.currentData() or "")


class Fold(QWidget):
    """A section that starts folded: a ▸ button with its title, and the body under it."""

    def __init__(self, title: str, body: str, name: str) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        self.button = QToolButton()
        self.button.setObjectName(name)
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setStyleSheet("QToolButton { border: none; font-weight: 600; }")
        self.body = PlainLabel(body)
        self.body.setObjectName(f"{name}Body")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.hide()
        self.button.toggled.connect(self._toggle)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.body)

    def _toggle(self, open_: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.body.setVisible(open_)


def technical_words(detail: dict[str, Any]) -> str:
    """The folded technical detail, for someone who will look at the service: the error as
    it was, each attempt, the request sent and the keys."""
    lines = []
    if detail.get("error"):
        lines.append(translate("InboxEntry", "Error: {error}").format(error=detail["error"]))
    for a in detail.get("attempts") or []:
        lines.append(
            translate("InboxEntry", "Attempt {number} at {time}: {outcome}").format(
                number=a.get("number"),
                time=when.exact(a.get("started_at")),
                outcome=a.get("outcome"),
            )
            + (f" — {a['error']}" if a.get("error") else "")
            + (
                translate("InboxEntry", " (look-up: {result})").format(result=a["looked_up"])
                if a.get("looked_up")
                else ""
            )
        )
    if detail.get("request"):
        lines.append(translate("InboxEntry", "Request:") + "\n" + words(detail["request"], 1))
    for key, label in (
        ("step", translate("InboxEntry", "Step")),
        ("step_type", translate("InboxEntry", "Step type")),
        ("run_id", translate("InboxEntry", "Run id")),
        ("idempotency_key", translate("InboxEntry", "Idempotency key")),
    ):
        if detail.get(key):
            lines.append(f"{label}: {detail[key]}")
    rest = {
        k: v
        for k, v in detail.items()
        if k
        not in (
            "error",
            "attempts",
            "request",
            "step",
            "step_type",
            "run_id",
            "idempotency_key",
            "reason",
            "options",
            "fields",
            "question",
            "put_back",  # said above the actions (``restored_entries``), not technical
        )
    }
    if rest:
        lines.append(words(rest))
    if detail.get("reason") and not detail.get("error"):
        lines.append(
            translate("InboxEntry", "Reason recorded: {reason}").format(reason=detail["reason"])
        )
    return "\n".join(lines) or translate("InboxEntry", "Nothing more is recorded.")
