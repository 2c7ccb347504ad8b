"""The list of an order's steps beside its picture, on a 1024×700 screen where it shows about
six rows: an order opened shows the step that failed or waits for the operator (it opened at
the top, the failed step out of sight below); a finished order opens at the top, where its
story starts; a reload of the same order (a running one reloads at each step) keeps where
the operator scrolled, where it went back to the top (the real window, runtime and the sample
workflow's demo orders)."""

from __future__ import annotations

from app.core import machine as m
from app.ui.order_page import step_that_matters
from tests.support.engine import run_status
from tests.ui.test_demo_order_page import WINDOW, open_page, try_the_demo


def in_view(page, name: str) -> bool:  # noqa: ANN001
    """The step's title line shows whole in the list's viewport."""
    timeline = page.timeline
    row = timeline.rows[name]
    top = row.mapTo(timeline.viewport(), row.rect().topLeft()).y()
    return 0 <= top and top + row.title_height() <= timeline.viewport().height()


def test_an_order_opens_its_list_on_the_step_that_waits_and_a_reload_keeps_the_scroll(gui, qtbot):
    ctx, window = gui
    window.resize(*WINDOW)
    qtbot.waitUntil(lambda: window.size().toTuple() == WINDOW, timeout=5000)
    # before any setup, as from the first window: its charge goes to a gateway that does not
    # answer, so DEMO-1003 fails there
    ids = try_the_demo(ctx, window, qtbot, waiting="DEMO-1003")
    waiting = open_page(window, qtbot, ids["DEMO-1003"])
    failed = step_that_matters(waiting.detail)
    names = list(waiting.timeline.rows)
    assert failed is not None and names.index(failed) >= 6  # below a small screen's six rows
    bar = waiting.timeline.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0 and in_view(waiting, failed), timeout=5000)
    # a finished order: at the top
    done = open_page(window, qtbot, ids["DEMO-1001"])
    assert run_status(ctx.db, ids["DEMO-1001"]) in m.RUN_FINAL
    qtbot.wait(100)
    assert done.timeline.verticalScrollBar().value() == 0
    assert in_view(done, names[0])
    # scrolled by the operator, then reloaded: where it was
    bar = done.timeline.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 40, timeout=5000)
    bar.setValue(40)
    before = done.timeline.widget()
    done.reload()
    qtbot.waitUntil(lambda: done.timeline.widget() is not before, timeout=10000)
    qtbot.wait(100)
    assert bar.value() == 40
