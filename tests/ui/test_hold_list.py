"""The list of holds, opened from an order, closes with its own button, as the operator
expects of a window that lists things (Esc and the title bar's × close it too)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.ui.holds import HoldList


def test_the_holds_list_has_a_close_button(gui, qtbot):
    ctx, window = gui
    holds = HoldList(ctx, window)
    holds.open()
    qtbot.waitUntil(holds.isVisible, timeout=5000)
    close = holds.findChild(QPushButton, "closeHolds")
    assert close is not None and close.text() == "Close" and close.isVisible()
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not holds.isVisible(), timeout=5000)
