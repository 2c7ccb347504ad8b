"""An order its workflow ends cancelled (“End the order” after the decision's “Cancel”), in the
real window: the Orders list says “Cancelled” (muted, as an order the operator cancelled), never
a green “Done”; the Status filter “Cancelled” finds it and “Done” does not; its page says
“Cancelled” with the step's note. And the editor's problem line says in words that nothing may
follow the step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox

from app.core import machine as m
from app.core.model import Edge, Workflow
from app.core.validation import validate
from app.steps import registry
from app.ui.style import MUTED
from tests.support.engine import run_status, save, wait_for
from tests.support.sample_shop import open_decision
from tests.ui.test_orders_page import order, table_rows

ASK_THEN_END = {
    "name": "stock question",
    "business_key": "{{ trigger.order.number }}",
    "steps": [
        {
            "name": "ask",
            "type": "ask_person",
            "config": {
                "question": "Not enough stock: ship or cancel?",
                "options": [
                    {"name": "ship", "label": "Ship"},
                    {"name": "cancel", "label": "Cancel the order"},
                ],
            },
        },
        {"name": "ship", "type": "transform", "config": {"values": {"shipped": True}}},
        {
            "name": "end_cancelled",
            "type": "end_order",
            "title": "The order ends cancelled",
            "config": {"outcome": "cancelled", "note": "Cancelled at the stock question"},
        },
    ],
    "edges": [
        {"from": "ask", "port": "ship", "to": "ship"},
        {"from": "ask", "port": "cancel", "to": "end_cancelled"},
    ],
}


def mine(rows: list[dict]) -> list[str]:
    """The orders of this test's workflow (the sample's own practice order is listed too)."""
    return [r["business_key"] for r in rows if r["workflow"] == ASK_THEN_END["name"]]


def test_an_order_the_workflow_cancelled_reads_cancelled_in_the_orders_list(gui, qtbot):
    ctx, window = gui
    save(ctx.db, ASK_THEN_END)
    ids = {}
    for number, choice in (("8001", "cancel"), ("8002", "ship")):
        ids[number] = ctx.store.start_run("stock question", order(number, "Aling Nena", ["X"]))
        decision = open_decision(ctx.runtime, ids[number])
        ctx.actions.resolve(decision["id"], "choose", option=choice, who="maria")
    for run_id in ids.values():
        wait_for(lambda r=run_id: run_status(ctx.db, r) == m.RUN_SUCCEEDED)

    window.page("runs")
    window.runs.apply_filters()
    model = window.runs.model
    qtbot.waitUntil(
        lambda: {r["business_key"] for r in model.rows if r.get("outcome")} == {"8001"},
        timeout=15000,
    )
    status = {row[0]: row[3] for row in table_rows(window)}
    assert (status["8001"], status["8002"]) == ("Cancelled", "Done")
    row = next(i for i, r in enumerate(model.rows) if r["business_key"] == "8001")
    assert model.data(model.index(row, 3), Qt.ItemDataRole.ForegroundRole) == QColor(MUTED)

    # the Status filter: “Cancelled” finds it, “Done” does not
    combo = window.findChild(QComboBox, "runStatusFilter")
    for key, expect in (("cancelled", ["8001"]), ("succeeded", ["8002"])):
        combo.setCurrentIndex(combo.findData(key))
        qtbot.waitUntil(
            lambda e=expect: mine(model.rows) == e and not model._busy,
            timeout=10000,
        )

    # its page: “Cancelled”, with the note of the step that ended it
    combo.setCurrentIndex(combo.findData("cancelled"))
    qtbot.waitUntil(lambda: mine(model.rows) == ["8001"], timeout=10000)
    rect = window.runs.table.visualRect(model.index(0, 0))
    qtbot.mouseClick(window.runs.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.runs.detail
    qtbot.waitUntil(lambda: page.state.text() == "Cancelled", timeout=10000)
    assert page.why.text() == "Cancelled by the workflow: Cancelled at the stock question"
    assert MUTED in page.state.styleSheet()


def test_the_editor_says_nothing_may_follow_the_end_step(gui, qtbot):
    from app.ui.editor import commands as cmd

    _ctx, window = gui
    window.page("workflows")
    page = window.workflows
    qtbot.waitUntil(lambda: "Order fulfilment" in page.rows and bool(page.current), timeout=10000)
    page.list.setCurrentItem(
        next(
            page.list.item(i)
            for i in range(page.list.count())
            if page.list.item(i).data(Qt.ItemDataRole.UserRole) == "Order fulfilment"
        )
    )
    qtbot.waitUntil(lambda: page.current == "Order fulfilment", timeout=10000)
    # the sample ends its cancel path with the step, and is clean
    assert page.doc.workflow.step("end_cancelled").type == "end_order"
    assert not page.scene.nodes["end_cancelled"].problem
    # in the palette, under Logic, with its words
    spec = page.specs.get("end_order")
    assert (spec.category, spec.title, spec.icon) == (
        "Logic",
        "End the order",
        "fa5s.flag-checkered",
    )

    page.undo.push(cmd.AddEdge(page.doc, Edge("end_cancelled", "out", "has_later")))
    said = (
        "Nothing can follow “End the order”: the order ends there. Remove the connection to "
        "“Anything left for later?”, or move this step to the end of its path."
    )
    # on the step's node (its problem line), as the check Publish makes says it too
    qtbot.waitUntil(lambda: said in page.scene.nodes["end_cancelled"].problem, timeout=5000)
    assert [p.message for p in page.problems if p.step == "end_cancelled"] == [said]
    page.undo.undo()
    qtbot.waitUntil(lambda: not page.scene.nodes["end_cancelled"].problem, timeout=5000)


def test_validation_says_nothing_may_follow_the_end_step() -> None:
    wf = Workflow.from_dict({"format_version": 1, **ASK_THEN_END})
    wf.edges.append(Edge("end_cancelled", "out", "ship"))
    problems = [p for p in validate(wf, registry().specs) if p.step == "end_cancelled"]
    assert [str(p) for p in problems] == [
        "Step “The order ends cancelled”: Nothing can follow “End the order”: the order ends "
        "there. Remove the connection to “Ship”, or move this step to the end of its path."
    ]
    assert [p.severity for p in problems] == ["error"]
