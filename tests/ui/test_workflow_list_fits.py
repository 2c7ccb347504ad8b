"""The Workflows page's list of workflows at 1024×700 and 1366×768, in Filipino and English:
each workflow's name and its state ("draft only, not published", "version 2 · off · has a
draft") are read whole, never cut at the list's right edge. A PNG per language and size is saved
for people to look at (``DALOY_SCREENSHOTS=folder``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from app.core.model import Workflow
from app.store import drafts, workflows
from app.ui import language
from tests.support.engine import charge_workflow, save
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture


def as_workflow(d: dict) -> Workflow:
    return Workflow.from_dict({"format_version": 1, **d})


def cut_rows(view) -> list[str]:  # noqa: ANN001
    """The rows of the list whose text, as the view lays it out, is wider or taller than the
    room the row has (seen as “… hindi pa naka-pub” at the list's edge)."""
    cut = []
    room = view.viewport().width()
    for row in range(view.count()):
        item = view.item(row)
        rect: QRect = view.visualItemRect(item)
        needed = view.sizeHintForIndex(view.indexFromItem(item))
        metrics = view.fontMetrics()
        icon = view.iconSize().width() + 12
        widest = max(metrics.horizontalAdvance(line) for line in item.text().splitlines())
        wraps = view.wordWrap()
        if rect.right() > room or (not wraps and widest + icon > room):
            cut.append(item.text())
        elif wraps and needed.height() > rect.height():
            cut.append(item.text())
    return cut


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("speaking", [language.FILIPINO, language.ENGLISH])
def test_every_workflow_in_the_list_reads_whole(
    filipino,  # noqa: F811
    gui,
    qtbot,
    tmp_path,
    payment_gateway,
    speaking,
    size,
):
    ctx, window = gui
    assert language.switch(speaking)
    # published and on; published, switched off, with a draft; a draft never published;
    # archived; and a long name, as shops name them
    save(ctx.db, charge_workflow(payment_gateway.url, name="Order fulfilment"))
    save(ctx.db, charge_workflow(payment_gateway.url, name="Pickup orders"))
    save(ctx.db, charge_workflow(payment_gateway.url, name="Old promo"))
    with ctx.db.write() as s:
        workflows.set_enabled(s, "Pickup orders", False)
        wf = as_workflow(charge_workflow(payment_gateway.url, name="Pickup orders"))
        drafts.save_draft(s, wf, "maria")
        drafts.save_draft(
            s, as_workflow(charge_workflow(payment_gateway.url, name="Restock")), "maria"
        )
        drafts.save_draft(
            s,
            as_workflow(charge_workflow(payment_gateway.url, name="Lazada and Shopee orders")),
            "maria",
        )
        workflows.set_archived(s, "Old promo", True)
    window.resize(*size)
    window.page("workflows")
    page = window.workflows
    page.refresh()
    view = page.list
    names = {
        "Order fulfilment",
        "Pickup orders",
        "Old promo",
        "Restock",
        "Lazada and Shopee orders",
    }
    qtbot.waitUntil(lambda: names <= set(page.rows), timeout=10000)
    qtbot.wait(300)
    out = Path(os.environ.get("DALOY_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / f"workflow-list-{speaking}-{size[0]}x{size[1]}.png"))
    assert cut_rows(view) == []
