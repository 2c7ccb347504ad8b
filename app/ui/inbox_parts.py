"""The pieces of an inbox entry's pane: the order's name in a sentence, the confirmation of a
bulk action, a decision's pick-list, a folded section, and the technical detail in lines."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QToolButton, QVBoxLayout, QWidget

from app.store.actions import BulkResult
from app.ui.style import clock, words
from app.ui.text import PlainLabel

BULK_WORDS = {
    "retry": ("is running again", "are running again"),
    "skip": ("goes on without its failed step", "go on without their failed steps"),
    "cancel": ("was cancelled", "were cancelled"),
}


def order_name(entry: dict[str, Any]) -> str:
    """“Order 3001”, or “The order of “Refunds”” when it has no number."""
    if entry.get("business_key"):
        return f"Order {entry['business_key']}"
    return f"The order of “{entry.get('workflow') or 'Daloy'}”"


def bulk_summary(action: str, results: list[BulkResult]) -> str:
    """“5 orders are running again.” plus one sentence per entry that was refused."""
    done = [r for r in results if r.ok]
    one, many = BULK_WORDS[action]
    text = (
        (f"{len(done)} order {one}." if len(done) == 1 else f"{len(done)} orders {many}.")
        if done
        else "Nothing was changed."
    )
    refused = [r.message for r in results if not r.ok]
    return text + ("" if not refused else " Not done: " + " ".join(refused))


class ChoiceBox(QComboBox):
    """A decision field with choices (ask_person): shows each label, answers with its value."""

    def __init__(self, choices: list[dict[str, str]]) -> None:
        super().__init__()
        self.addItem("— choose —", "")
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
        lines.append(f"Error: {detail['error']}")
    for a in detail.get("attempts") or []:
        lines.append(
            f"Attempt {a.get('number')} at {clock(a.get('started_at'))}: "
            f"{a.get('outcome')}"
            + (f" — {a['error']}" if a.get("error") else "")
            + (f" (look-up: {a['looked_up']})" if a.get("looked_up") else "")
        )
    if detail.get("request"):
        lines.append("Request:\n" + words(detail["request"], 1))
    for key, label in (
        ("step", "Step"),
        ("step_type", "Step type"),
        ("run_id", "Run id"),
        ("idempotency_key", "Idempotency key"),
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
        )
    }
    if rest:
        lines.append(words(rest))
    if detail.get("reason") and not detail.get("error"):
        lines.append(f"Reason recorded: {detail['reason']}")
    return "\n".join(lines) or "Nothing more is recorded."
