"""The Workflows page opens the shop's own order workflow first, not a workflow it starts
(the sample's “Backorder” sorts before “Order fulfilment”)."""

from __future__ import annotations

import json

from app.ui.editor.library import first_to_open


def row(
    name: str,
    steps: int = 2,
    runs: str = "",
    trigger: str = "manual",
    archived: bool = False,
) -> dict:
    body = [{"name": f"s{i}", "type": "transform", "config": {}} for i in range(steps)]
    if runs:
        body.append({"name": "run", "type": "sub_workflow", "config": {"workflow": runs}})
    definition = {"name": name, "triggers": [{"id": "t", "type": trigger}], "steps": body}
    return {"name": name, "archived": archived, "definition": json.dumps(definition)}


def test_the_sample_pair_opens_order_fulfilment_though_each_runs_the_other():
    # the sample's Backorder runs Order fulfilment for what ships later, which starts it
    rows = [row("Backorder", 3, runs="Order fulfilment"), row("Order fulfilment", 20, "Backorder")]
    assert first_to_open(rows) == 1


def test_a_workflow_taking_orders_from_a_channel_and_one_no_other_runs_come_first():
    rows = [row("Big by hand", 30), row("Email orders", 5, trigger="imap")]
    assert first_to_open(rows) == 1
    rows = [row("Child", 30), row("Parent", 5, runs="Child")]
    assert first_to_open(rows) == 1


def test_archived_and_unreadable_rows_and_ties():
    rows = [
        row("Archived", 40, trigger="imap", archived=True),
        {"name": "Broken", "archived": False, "definition": "{not json"},
        row("Fine", 1),
    ]
    assert first_to_open(rows) == 2
    assert first_to_open([row("A"), row("B")]) == 0  # a tie: the list's order
    assert first_to_open([]) == 0


def test_the_workflows_page_opens_order_fulfilment(gui, qtbot):
    _ctx, window = gui
    window.page("workflows")
    page = window.workflows
    qtbot.waitUntil(lambda: "Backorder" in page.rows and bool(page.current), timeout=10000)
    assert page.current == "Order fulfilment"
    assert page.list.currentItem().text().startswith("Order fulfilment")
