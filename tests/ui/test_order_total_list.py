"""The Orders list shows the total an order's workflow worked out (``order_total``) for orders
that arrived without one, in the order's currency as the order's page writes it (one helper,
``money_text``), and sorts by the number when the operator clicks “Total”: the real window, a
real runtime, real SQLite."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core import machine as m
from app.ui.runs import COLUMNS, cell_text
from tests.support.engine import run_status, save
from tests.test_order_total import PRICED

TOTAL = next(i for i, (title, _key) in enumerate(COLUMNS) if title == "Total")


def test_the_orders_list_shows_and_sorts_by_the_workflows_total(gui, qtbot):
    ctx, window = gui
    save(ctx.db, PRICED)
    orders = (
        ("W-1", {"number": "W-1", "worked_out": 1350, "currency": "PHP"}),
        ("W-2", {"number": "W-2", "worked_out": 95.5, "currency": "PHP"}),
        ("W-3", {"number": "W-3", "worked_out": 2700, "currency": "PHP"}),
        ("W-4", {"number": "W-4", "worked_out": 12}),  # an order that names no currency
    )
    ids = {n: ctx.store.start_run("priced", {"order": o}) for n, o in orders}
    qtbot.waitUntil(
        lambda: all(run_status(ctx.db, r) == m.RUN_SUCCEEDED for r in ids.values()), timeout=20000
    )
    window.page("runs")
    model = window.runs.model
    shown = {"W-1": "PHP 1,350.00", "W-2": "PHP 95.50", "W-3": "PHP 2,700.00", "W-4": "12.00"}

    def ours() -> list[dict]:  # (the window's own sample order is listed too)
        return [r for r in model.rows if r["workflow"] == "priced"]

    def totals() -> dict[str, str]:
        return {cell_text(r, 0): cell_text(r, TOTAL) for r in ours()}

    qtbot.waitUntil(lambda: totals() == shown, timeout=10000)
    header = window.runs.table.horizontalHeader()
    # by the number, not the text: as text “PHP 95.50” would come last
    header.setSortIndicator(TOTAL, Qt.SortOrder.AscendingOrder)  # as a click on “Total” does
    qtbot.waitUntil(
        lambda: [cell_text(r, 0) for r in ours()] == ["W-4", "W-2", "W-1", "W-3"], timeout=10000
    )
    header.setSortIndicator(TOTAL, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(
        lambda: [cell_text(r, 0) for r in ours()] == ["W-3", "W-1", "W-2", "W-4"], timeout=10000
    )
    # the whole total is in view, not elided
    table = window.runs.table
    widest = max(table.fontMetrics().horizontalAdvance(t) for t in shown.values())
    assert table.columnWidth(TOTAL) >= widest + 8
    # the order's page says the same words for the same order
    window.open_run(ids["W-1"])
    page = window.runs.detail
    qtbot.waitUntil(lambda: (page.detail or {}).get("id") == ids["W-1"], timeout=10000)
    assert "PHP 1,350.00" in page.facts.text()
