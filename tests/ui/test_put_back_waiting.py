"""A put-back as the desktop app does it at start-up, on the real window, for an order that was
waiting for a decision in the backup and was answered since in the replaced workspace: its
entry in Needs you says what that workspace had done (the held steps' words), answering asks
first whether to do those again (No changes nothing), and the entry's “Count as done” records
them as done without running them again; the order page says the same
(``app.store.restored_entries``, ``app.ui.put_back_orders``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QMessageBox, QPushButton

from app.core import machine as m
from app.runtime import put_back
from app.store import backups
from app.ui.lifecycle import shutdown
from app.ui.main import _put_back_asked, build
from tests.support.engine import run_status, runtime, save, wait_for
from tests.ui.conftest import gone
from tests.ui.test_holds import open_order

pytestmark = pytest.mark.sqlite_only("puts the data folder's SQLite file back")

WF = {
    "name": "orders",
    "business_key": "{{ trigger.order.number }}",
    "steps": [
        {
            "name": "ask",
            "title": "Substitute or backorder?",
            "type": "ask_person",
            "config": {
                "question": "COFFEE-3IN1 is out of stock: substitute or backorder?",
                "options": [{"name": "substitute"}, {"name": "backorder"}],
            },
        },
        {
            "name": "notify_warehouse",
            "title": "Notify warehouse",
            "type": "transform",
            "config": {"values": {"sent_to": "warehouse"}},
        },
    ],
    "edges": [{"from": "ask", "port": "substitute", "to": "notify_warehouse"}],
}


@pytest.fixture
def asked(data_dir):
    """Order 7101 waiting for the decision in the backup; answered and finished since; the
    put-back asked."""
    live = runtime(data_dir)
    save(live.db, WF)
    live.start()
    run_id = live.store.start_run("orders", {"order": {"number": "7101"}})
    wait_for(lambda: run_status(live.db, run_id) == m.RUN_NEEDS_ATTENTION)
    backup = backups.take(data_dir, "manual")
    live.actions.choose(run_id, "ask", "substitute", who="ana")
    wait_for(lambda: run_status(live.db, run_id) == m.RUN_SUCCEEDED)
    live.shutdown(grace=2)
    live.db.close()
    put_back.ask(data_dir, backup)
    return run_id


def _answer(qtbot, yes: bool, seen: list[str]) -> None:
    """Answer the question box when it shows, keeping its text."""

    def go() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, go)
            return
        seen.append(box.text())
        button = box.button(
            QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        )
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, go)


def test_the_entry_says_what_was_done_since_asks_before_answering_and_counts_as_done(
    qtbot, env, asked
):
    run_id = asked
    outcome = _put_back_asked(env)  # before the database is opened, as a start does
    assert outcome is not None and outcome.ok and outcome.held == 0
    assert "1 order waiting for you in Needs you had gone on further" in outcome.words
    ctx, window = build(env)
    window.resize(1280, 760)
    window.show()
    try:
        window.page("inbox")
        inbox = window.findChild(QListWidget, "inboxList")
        qtbot.waitUntil(lambda: inbox.count() == 1, timeout=30000)
        qtbot.mouseClick(
            inbox.viewport(),
            Qt.MouseButton.LeftButton,
            pos=inbox.visualItemRect(inbox.item(0)).center(),
        )
        detail = window.inbox.detail
        qtbot.waitUntil(lambda: "option_substitute" in detail.buttons, timeout=10000)

        # the pane is rebuilt when the inbox refreshes: the shown one is looked up each time
        def shown(kind, name):
            found = [w for w in detail.findChildren(kind, name) if w.isVisible()]
            return found[0] if found else None

        qtbot.waitUntil(lambda: shown(QLabel, "goneOn") is not None, timeout=10000)
        said = shown(QLabel, "goneOn").text()
        assert "In the workspace that was replaced, this order had gone on to: " in said
        assert "Substitute or backorder? (" in said and "Notify warehouse (" in said
        assert "“Count as done” records them as done instead." in said
        assert shown(QPushButton, "countAsDoneEntry").isEnabled()

        # answering asks first; No changes nothing
        seen: list[str] = []
        _answer(qtbot, False, seen)
        qtbot.mouseClick(detail.buttons["option_backorder"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(seen), timeout=10000)
        assert "had gone on to: Substitute or backorder? (" in seen[0]
        assert "Do them again here?" in seen[0]
        assert ctx.runtime.wait_idle(30)
        assert run_status(ctx.db, run_id) == m.RUN_NEEDS_ATTENTION
        technical = [w.text() for w in detail.findChildren(QLabel, "technicalDetailBody")]
        assert technical and not any("put_back" in t for t in technical)

        # the order page says it too, with its own “Count as done”
        page = open_order(qtbot, window, "7101")
        status = page.holds.status
        qtbot.waitUntil(lambda: "had gone on to:" in status.text(), timeout=10000)
        on_page = page.holds.count_done
        qtbot.waitUntil(on_page.isVisible, timeout=10000)

        window.page("inbox")
        qtbot.waitUntil(lambda: shown(QPushButton, "countAsDoneEntry") is not None, timeout=10000)
        qtbot.mouseClick(shown(QPushButton, "countAsDoneEntry"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: "Counted as done" in window.inbox.confirmation.text(), timeout=10000
        )
        assert "Substitute or backorder?, Notify warehouse" in window.inbox.confirmation.text()
        wait_for(lambda: run_status(ctx.db, run_id) == m.RUN_SUCCEEDED)
        steps = dict(
            ctx.db.execute_sql(f"select name, port from step_runs where run_id = '{run_id}'")
        )
        assert steps["ask"] == "substitute"  # the answer given in the replaced workspace
        qtbot.waitUntil(lambda: inbox.count() == 0, timeout=10000)
    finally:
        window.quitting = True
        window.close()
        shutdown(ctx, grace=2)
        gone(window, ctx)
