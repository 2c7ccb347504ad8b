"""A decision's card in the Inbox pane gets the height its wrapped words need on a small
screen: its option buttons were squashed to slivers (1024x700, Filipino, the demo's stock
question), because the pane's layout was top-aligned and so sized by its unwrapped hint."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QFrame, QPushButton

from app.ui.inbox_entry import InboxDetail

LONG = (
    "Order DEMO-1002 ni Jun Reyes: kulang ang stock. COFFEE-3IN1: 12 ang in-order, 0 ang may "
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
