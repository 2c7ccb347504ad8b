"""A decision's card in the Inbox pane gets the height its wrapped words need on a small
screen: its option buttons were squashed to slivers (1024x700, Filipino, the demo's stock
question), because the pane's layout was top-aligned and so sized by its unwrapped hint. The
mouse wheel over its choice box scrolls the pane and changes no answer."""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QListWidget, QPushButton, QWidget

from app.ui.inbox_entry import InboxDetail
from app.ui.inbox_parts import ChoiceBox

LONG = (
    "Kulang ang stock sa order ni Jun Reyes: COFFEE-3IN1: 12 ang in-order, 0 ang may "
    "stock. SUGAR-1: 2 ang in-order, 0 ang may stock. Papalitan ba ng ibang produkto ang "
    "kulang, i-backorder (ipadala ngayon ang may stock, ang natira mamaya bilang sariling "
    "order), o i-cancel ang order?"
)


def test_a_decision_card_is_never_squashed_in_a_narrow_pane(qtbot) -> None:
    pane = InboxDetail(ctx=None)  # type: ignore[arg-type]  # showing needs no engine
    qtbot.addWidget(pane)
    pane.resize(487, 460)  # the Inbox's right pane at 1024x700
    pane.show()
    pane.show_entry(
        {
            "id": 1,
            "kind": "decision",
            "status": "open",
            "run_id": "r1",
            "step": "ask",
            "workflow": "Order fulfilment",
            "created_at": time.time(),
            "title": LONG,
            "detail": {
                "context": {"missing": ["12 × COFFEE-3IN1", "2 × SUGAR-1"], "customer": "Jun"},
                "fields": [
                    {"name": "sub", "label": "Pamalit", "choices": [{"label": "a", "value": "a"}]},
                    {"name": "note", "label": "Tala para sa customer"},
                ],
                "deadline": time.time() + 3600,
                "options": [
                    {"name": "substitute", "label": "Palitan ng ibang produkto"},
                    {"name": "backorder", "label": "I-backorder ang kulang"},
                    {"name": "cancel", "label": "I-cancel ang order"},
                ],
            },
        }
    )
    card = next(f for f in pane.widget().findChildren(QFrame) if f.objectName() == "card")

    def laid_out() -> bool:
        return card.height() >= card.heightForWidth(card.width())

    qtbot.waitUntil(laid_out, timeout=5000)
    buttons = [b for b in card.findChildren(QPushButton) if b.objectName().startswith("option_")]
    assert len(buttons) == 3
    for b in buttons:
        assert b.height() >= b.minimumSizeHint().height(), b.text()


def wheel_down(widget: QWidget) -> None:
    """One notch of the mouse wheel, down, with the pointer on ``widget``: through the window
    system, as a mouse sends it (an event the widget does not take goes on to its parents)."""
    at = widget.mapTo(widget.window(), widget.rect().center())
    QTest.wheelEvent(widget.window().windowHandle(), QPointF(at), QPoint(0, -120))
    QApplication.processEvents()


def test_the_wheel_over_a_choice_scrolls_the_pane_and_changes_no_answer(qtbot) -> None:
    """Scrolling down to the answers with the wheel, the pointer passing over “Substitute
    product”, picked the next product, unseen (seen in the demo at 1024x700): the box now
    lets the pane scroll, and takes the wheel only once clicked or tabbed into."""
    page = QWidget()  # the list of entries beside the pane, as on the Needs you page
    qtbot.addWidget(page)
    row = QHBoxLayout(page)
    entries = QListWidget()
    pane = InboxDetail(ctx=None)  # type: ignore[arg-type]  # showing needs no engine
    row.addWidget(entries)
    row.addWidget(pane)
    page.resize(800, 300)  # the pane shorter than the entry: it scrolls
    page.show()
    products = [{"label": f"Product {n}", "value": f"P{n}"} for n in range(1, 6)]
    pane.show_entry(
        {
            "id": 1,
            "kind": "decision",
            "status": "open",
            "run_id": "r1",
            "step": "ask",
            "workflow": "Order fulfilment",
            "created_at": time.time(),
            "title": LONG,
            "detail": {
                "fields": [{"name": "sub", "label": "Substitute product", "choices": products}],
                "options": [
                    {"name": "substitute", "label": "Substitute with the chosen product"},
                    {"name": "backorder", "label": "Backorder"},
                ],
            },
        }
    )
    box = pane.findChild(ChoiceBox, "field_sub")
    bar = pane.verticalScrollBar()
    qtbot.waitUntil(lambda: box.isVisible() and bar.maximum() > 0, timeout=5000)
    entries.setFocus()  # where the operator clicked the entry
    qtbot.waitUntil(entries.hasFocus, timeout=5000)
    before = bar.value()
    wheel_down(box)
    assert box.currentIndex() == 0 and box.text() == ""  # still “— choose —”
    assert bar.value() > before  # the pane scrolled instead
    # clicked or tabbed into, the box is the operator's: the wheel picks there
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=5000)
    wheel_down(box)
    assert box.text() == "P1"
