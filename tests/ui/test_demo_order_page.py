"""A demo order's page as the operator meets it after the first-run setup (web order form, cash
on delivery, the sample stock sheet, no email) and Shop ▸ Try the demo: the real window, the
real menu action, the real runtime and sample workflow, in English and in Filipino (the samples
seeded in the language spoken, as a new data folder is)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from app import demo, shop
from app.core import machine as m
from app.runtime.practice import try_draft
from app.store import queries
from app.ui import language
from tests.support.engine import run_status
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture

# the timeline's row for how the order was started: (a demo order, a practice run)
STARTED = {
    "en": ("root started a demo order", "root started a practice run"),
    "fil": ("Nagsimula si root ng demo na order", "Nagsimula si root ng practice run"),
}


@pytest.fixture(params=["en", "fil"])
def speaking(request: pytest.FixtureRequest, qapp, monkeypatch) -> Iterator[str]:  # noqa: ANN001
    """The language spoken from the window's first text on (ask for it before ``gui``), so
    the sample workflow is seeded in it as a new data folder is."""
    monkeypatch.setenv("DALOY_USER", "root")
    if request.param == "fil":
        request.getfixturevalue("filipino")
    lang = language.start(qapp)
    assert lang.apply(language.FILIPINO if request.param == "fil" else language.ENGLISH)
    yield request.param
    lang.apply(language.ENGLISH)


def set_up_and_try_the_demo(ctx, window, qtbot) -> dict[str, str]:  # noqa: ANN001
    """The first-run setup's answers, then Shop ▸ Try the demo; the demo's run ids by number
    once each has gone as far as it goes on its own."""
    choices = shop.ShopChoices(
        shop_name="Tindahan ni Aling Nena",
        source="web",
        payment="on_delivery",
        email_customers=False,
    )
    shop.apply(ctx.db, ctx.registry.specs, choices)
    window.findChild(QAction, "tryDemoAction").trigger()

    def started() -> dict[str, str]:
        with ctx.db.read() as s:
            rows = queries.list_orders(s, business_key="DEMO-%", limit=10)
        return {r.business_key: r.id for r in rows}

    qtbot.waitUntil(lambda: len(started()) == 3, timeout=20000)
    ids = started()
    qtbot.waitUntil(
        lambda: (
            run_status(ctx.db, ids["DEMO-1002"]) == m.RUN_NEEDS_ATTENTION
            and run_status(ctx.db, ids["DEMO-1001"]) in m.RUN_FINAL
        ),
        timeout=30000,
    )
    return ids


def open_page(window, qtbot, run_id: str):  # noqa: ANN001, ANN201
    window.open_run(run_id)
    page = window.runs.detail
    qtbot.waitUntil(
        lambda: (page.detail or {}).get("id") == run_id and bool(page.timeline.rows),
        timeout=20000,
    )
    QApplication.processEvents()
    return page


def test_a_demo_orders_timeline_says_a_demo_order_was_started(speaking, gui, qtbot):
    """The page calls it a demo order, and so does its start (it read “root started a practice
    run”); a practice run the editor starts (Try it) still reads as one."""
    ctx, window = gui
    ids = set_up_and_try_the_demo(ctx, window, qtbot)
    tried = try_draft(ctx.runtime, demo.SAMPLE)  # the editor's Try it, on the sample's order
    qtbot.waitUntil(lambda: run_status(ctx.db, tried) != m.RUN_RUNNING, timeout=30000)
    demo_started, practice_started = STARTED[speaking]
    for run_id, said, not_said in (
        (ids["DEMO-1001"], demo_started, practice_started),
        (ids["DEMO-1002"], demo_started, practice_started),
        (tried, practice_started, demo_started),
    ):
        page = open_page(window, qtbot, run_id)
        rows = [r.text.text() for r in page.timeline.action_rows]
        assert said in rows, rows
        assert not_said not in rows, rows
    # the audit page's list of every action says it too, naming the order
    with ctx.db.read() as s:
        from app.store import audit

        trail = [a.sentence for a in audit.list_actions(s, action="practice_started")]
    assert any(t.startswith(demo_started) and "DEMO-1002" in t for t in trail), trail
