"""The Orders list shows the total an order's workflow worked out (``order_total``) for orders
that arrived without one, and sorts by it when the operator clicks “Total”: the real window, a
real runtime, real SQLite."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core import machine as m
from app.ui.runs import COLUMNS, cell_text
from app.ui.text import number
from tests.support.engine import run_status, save
from tests.test_order_total import PRICED

TOTAL = next(i for i, (title, _key) in enumerate(COLUMNS) if title == "Total")


def test_the_orders_list_shows_and_sorts_by_the_workflows_total(gui, qtbot):
    ctx, window = gui
    save(ctx.db, PRICED)
    ids = [
        ctx.store.start_run("priced", {"order": {"number": n, "worked_out": w}})
        for n, w in (("W-1", 1350), ("W-2", 95.5), ("W-3", 2700))
    ]
    qtbot.waitUntil(
        lambda: all(run_status(ctx.db, r) == m.RUN_SUCCEEDED for r in ids), timeout=20000
    )
    window.page("runs")
    model = window.runs.model
    shown = {"W-1": number(1350.0), "W-2": number(95.5), "W-3": number(2700.0)}

    def ours() -> list[dict]:  # (the window's own sample order is listed too)
        return [r for r in model.rows if r["workflow"] == "priced"]

    def totals() -> dict[str, str]:
        return {cell_text(r, 0): cell_text(r, TOTAL) for r in ours()}

    qtbot.waitUntil(lambda: totals() == shown, timeout=10000)
    header = window.runs.table.horizontalHeader()
    header.setSortIndicator(TOTAL, Qt.SortOrder.AscendingOrder)  # as a click on “Total” does
    qtbot.waitUntil(
        lambda: [cell_text(r, 0) for r in ours()] == ["W-2", "W-1", "W-3"], timeout=10000
    )
    header.setSortIndicator(TOTAL, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(
        lambda: [cell_text(r, 0) for r in ours()] == ["W-3", "W-1", "W-2"], timeout=10000
    )
