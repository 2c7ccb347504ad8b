"""A pick list whose entries are long (each substitute with its stock and price) keeps the
decision inside the Inbox's pane at 1024x700: the box had grown to its longest entry and pushed
the card, the question and the box itself past the pane's right edge (no horizontal scroll bar,
so unseen); the open list still shows each entry whole."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame

from app.ui.inbox_entry import InboxDetail
from app.ui.inbox_parts import ChoiceBox

PRODUCTS = [
    ("RICE-25", "Rice, 25 kg sack", 40, "1,350"),
    ("OIL-1L", "Cooking oil, 1 L", 120, "95"),
    ("SUGAR-1", "Sugar, 1 kg", 60, "78"),
    ("SARDINES-155", "Sardines in tomato sauce, 155 g, pack of 12", 200, "24"),
]


def test_long_choices_stay_inside_the_pane(qtbot) -> None:
    pane = InboxDetail(ctx=None)  # type: ignore[arg-type]  # showing needs no engine
    qtbot.addWidget(pane)
    pane.resize(487, 460)  # the Inbox's right pane at 1024x700
    pane.show()
    choices = [
        {"value": sku, "label": f"{sku} · {name} (Stock: {stock}, Price: {price})"}
        for sku, name, stock, price in PRODUCTS
    ]
    pane.show_entry(
        {
            "id": 1,
            "kind": "decision",
            "status": "open",
            "run_id": "r1",
            "step": "ask",
            "workflow": "Order fulfilment",
            "created_at": time.time(),
            "title": "Not enough stock for Jun Reyes: Coffee 3-in-1, 30s (COFFEE-3IN1): "
            "12 ordered, 8 in stock.",
            "detail": {
                "fields": [{"name": "product", "label": "Substitute product", "choices": choices}],
                "options": [{"name": "substitute", "label": "Substitute with the chosen product"}],
            },
        }
    )
    box = pane.findChild(ChoiceBox, "field_product")
    card = next(f for f in pane.widget().findChildren(QFrame) if f.objectName() == "card")
    qtbot.waitUntil(box.isVisible, timeout=5000)
    viewport = pane.viewport().width()
    assert pane.widget().width() <= viewport
    right = box.mapTo(pane.viewport(), box.rect().topRight()).x()
    assert right <= viewport, (right, viewport)
    assert card.mapTo(pane.viewport(), card.rect().topRight()).x() <= viewport
    # opened, the list is still as wide as its longest entry (Qt widens it), each read whole
    box.showPopup()
    view = box.view()
    widest = max(view.fontMetrics().horizontalAdvance(c["label"]) for c in choices)
    qtbot.waitUntil(lambda: view.isVisible(), timeout=5000)
    assert view.width() >= widest
    box.hidePopup()


def test_the_step_to_restart_from_is_read_whole(qtbot) -> None:
    """A failed step's “Restart from” box takes the rest of its row: at its own width (twelve
    characters) it said “Charge the custome” at 1024x700."""
    pane = InboxDetail(ctx=None)  # type: ignore[arg-type]  # showing needs no engine
    qtbot.addWidget(pane)
    pane.resize(487, 460)  # the Inbox's right pane at 1024x700
    pane.show()
    title = "Charge the customer for what ships now"
    pane.show_entry(
        {
            "id": 2,
            "kind": "step_failed",
            "status": "open",
            "run_id": "r2",
            "step": "charge",
            "workflow": "Order fulfilment",
            "created_at": time.time(),
            "title": "The card was not charged",
            "run": {
                "id": "r2",
                "steps": [
                    {"name": "check", "title": "Check stock"},
                    {"name": "charge", "title": title},
                ],
            },
        }
    )
    box = pane.findChild(QComboBox, "restartStep")
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert box.currentText() == title
    # the box's text area (its width less the arrow) holds the whole title
    assert box.width() - 30 >= box.fontMetrics().horizontalAdvance(title), box.width()
    right = box.mapTo(pane.viewport(), box.rect().topRight()).x()
    assert right <= pane.viewport().width()


def test_a_decisions_reminder_opens_the_decision_and_offers_no_step_actions(qtbot) -> None:
    """An overdue decision's reminder belongs to the order but answers nothing itself: it showed
    Retry, Skip, Cancel and “Restart from Shop settings” (a failed step's actions) beside
    “open the decision in the inbox”; now it opens the decision, or is dismissed."""
    pane = InboxDetail(ctx=None)  # type: ignore[arg-type]  # showing needs no engine
    qtbot.addWidget(pane)
    pane.resize(487, 460)
    pane.show()
    pane.show_entry(
        {
            "id": 9,
            "kind": "system",
            "status": "open",
            "run_id": "r3",
            "workflow": "Order fulfilment",
            "created_at": time.time(),
            "title": "Overdue decision: DEMO-1002",
            "reason": "“Substitute or backorder?” has waited since 18:32.",
            "detail": {"decision_item": 7, "stage": "reminder"},
            "run": {"id": "r3", "steps": [{"name": "settings", "title": "Shop settings"}]},
        }
    )
    assert set(pane.buttons) == {"open_decision", "dismiss"}
    assert pane.findChild(QComboBox, "restartStep") is None
    with qtbot.waitSignal(pane.select_ids) as shown:
        qtbot.mouseClick(pane.buttons["open_decision"], Qt.MouseButton.LeftButton)
    assert shown.args == [[7]]
