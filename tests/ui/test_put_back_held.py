"""A put-back as the desktop app does it at start-up, on the real window: the message after the
put-back names the orders held (in progress in the backup), the held order's page says what it
had done in the replaced workspace, and its “Count as done” records those steps as done
without running them again (``app.store.restored``, ``app.ui.put_back_orders``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.core import machine as m
from app.runtime import put_back
from app.store import backups
from app.ui.lifecycle import shutdown
from app.ui.main import _put_back_asked, _say_put_back, build
from tests.runtime.test_put_back_holds import WF as MAIL_WF
from tests.support.engine import run_status, runtime, save, wait_for
from tests.ui.conftest import gone
from tests.ui.test_holds import open_order

pytestmark = pytest.mark.sqlite_only("puts the data folder's SQLite file back")

# the runtime test's workflow without its email (the real SMTP server is that test's part)
WF = {
    **MAIL_WF,
    "steps": [st for st in MAIL_WF["steps"] if st["type"] == "transform"],
    "edges": [{"from": "check_stock", "to": "notify_warehouse"}],
}


@pytest.fixture
def asked(data_dir):
    """Order 7001 due, not yet picked up, in the backup; finished since; the put-back asked."""
    live = runtime(data_dir)
    save(live.db, WF)
    run_id = live.store.start_run("orders", {"order": {"number": "7001"}})
    backup = backups.take(data_dir, "manual")
    live.start()
    wait_for(lambda: run_status(live.db, run_id) == m.RUN_SUCCEEDED)
    live.shutdown(grace=2)
    live.db.close()
    put_back.ask(data_dir, backup)
    return run_id


def test_the_put_back_message_names_the_held_orders_and_count_as_done_runs_nothing(
    qtbot, env, asked
):
    run_id = asked
    outcome = _put_back_asked(env)  # before the database is opened, as a start does
    ctx, window = build(env)
    window.show()
    try:
        read: list[bool] = []
        _say_put_back(window, outcome, then=lambda: read.append(True))
        box = window.findChild(QMessageBox, "putBackOutcome")
        assert box is not None and box.isVisible()
        text = box.text()
        assert "is back in place" in text
        assert "1 order was in progress in the backup. It is held" in text
        assert "“Release this hold” on its page" in text and "“Count as done”" in text
        assert "Taking in orders is paused" in text
        box.accept()
        assert read == [True]
        assert ctx.runtime.wait_idle(30)
        assert run_status(ctx.db, run_id) == m.RUN_WAITING  # held: not run again

        page = open_order(qtbot, window, "7001")
        why = page.why.text()
        assert "In the workspace that was replaced, this order had gone on to:" in why
        assert "Check stock (" in why and "Notify warehouse (" in why
        count = window.findChild(QPushButton, "countAsDone")
        qtbot.waitUntil(count.isVisible, timeout=10000)
        qtbot.mouseClick(count, Qt.MouseButton.LeftButton)
        status = page.holds.status
        qtbot.waitUntil(lambda: "Counted as done" in status.text(), timeout=10000)
        assert "Check stock, Notify warehouse" in status.text()
        wait_for(lambda: run_status(ctx.db, run_id) == m.RUN_SUCCEEDED)
        steps = ctx.db.execute_sql(f"select state from step_runs where run_id = '{run_id}'")
        assert {s for (s,) in steps} == {m.SKIPPED}  # recorded as done, never run here
    finally:
        window.quitting = True
        window.close()
        shutdown(ctx, grace=2)
        gone(window, ctx)
