"""Backups and Dashboard pages with real clicks on the real window over a real data folder:
"Back up now" then "Restore as a new workspace…" gives a workspace that opens with every order;
a dashboard figure opens the Orders page on exactly the orders behind it."""

from __future__ import annotations

import sqlite3
import sys
import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QTableView, QTableWidget
from sqlalchemy import update

from app.store import backups
from app.store.db import DB_FILENAME
from app.store.models import Run
from app.ui.style import OK
from tests.store.test_dashboard import WF, generate
from tests.support.engine import save


def click(qtbot, widget, pos: QPoint | None = None) -> None:
    if pos is None:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def nav_to(window, key: str) -> None:
    window.page(key)


def test_back_up_now_and_restore_from_the_gui(gui, qtbot, tmp_path):
    ctx, window = gui
    save(ctx.db, WF)
    run_id = ctx.store.start_run("orders", {"order": {"number": "GUI-1"}})
    assert ctx.runtime.wait_idle(30)
    nav_to(window, "backups")
    page = window.backups_page
    assert window.stack.currentWidget() is page
    # none taken yet is said plainly, not in the green of a good backup
    qtbot.waitUntil(lambda: "No backup taken yet" in page.status.text(), timeout=10000)
    assert OK not in page.status.styleSheet()
    click(qtbot, window.findChild(QPushButton, "backupNow"))
    table = window.findChild(QTableWidget, "backupsTable")
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=20000)
    assert "checked and complete" in page.status.text() and OK in page.status.styleSheet()
    # when it was taken, on one line: the column is as wide as the date and time need
    taken = table.fontMetrics().horizontalAdvance(table.item(0, 0).text())
    assert table.columnWidth(0) >= taken
    click(qtbot, table.viewport(), table.visualItemRect(table.item(0, 0)).center())
    restore = window.findChild(QPushButton, "backupRestore")
    assert restore.isEnabled()
    target = tmp_path / "restored"
    page.choose_folder = lambda: str(target)  # the folder dialog's answer
    click(qtbot, restore)
    qtbot.waitUntil(lambda: "Restored as a new workspace" in page.result.text(), timeout=20000)
    # said for an operator without a terminal: what the copy is for, how it is opened
    said = page.result.text()
    assert "a separate copy, kept for looking things up" in said and "`daloy" not in said
    assert "taking in orders is paused there" in said
    assert backups.integrity(target / DB_FILENAME) == "ok"
    conn = sqlite3.connect(target / DB_FILENAME)
    assert conn.execute("select value from settings where key = 'intake_paused'").fetchone() == (
        "true",
    )
    assert conn.execute("select business_key from runs where id = ?", (run_id,)).fetchone() == (
        "GUI-1",
    )
    conn.close()
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    click(qtbot, table.viewport(), table.visualItemRect(table.item(0, 0)).center())
    click(qtbot, restore)  # the same folder again: refused in words
    qtbot.waitUntil(lambda: "not an empty folder" in page.result.text(), timeout=20000)


def test_a_dashboard_figure_opens_its_orders(gui, qtbot):
    ctx, window = gui
    save(ctx.db, WF)
    made = generate(ctx.db, 120)
    nav_to(window, "dashboard")
    page = window.dashboard_page
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.reload()
    f = page.figures
    inside = [m for m in made if f.since <= m["created"] < f.until]
    clean = {m["id"] for m in inside if m["outcome"] == "clean"}
    assert f.clean == len(clean) and str(len(clean)) in page.tiles["clean"].text()
    click(qtbot, page.tiles["clean"])
    qtbot.waitUntil(
        lambda: (
            window.stack.currentWidget() is window.runs
            and window.runs.model.rowCount() == len(clean)
        ),
        timeout=20000,
    )
    assert {r["id"] for r in window.runs.model.rows} == clean
    table = window.findChild(QTableView, "runsTable")  # the Orders page, made on this first use
    assert table.isVisible() and "Ran cleanly" in window.runs.export_status.text()
    nav_to(window, "dashboard")  # a bar of the day chart
    qtbot.waitUntil(lambda: bool(page.days.parts), timeout=5000)
    rect, key = page.days.parts[0]
    click(qtbot, page.days, rect.center().toPoint())
    day, _sep, channel = key.partition("|")
    qtbot.waitUntil(
        lambda: (
            window.stack.currentWidget() is window.runs
            and window.runs.model.rowCount() == f.per_day[day][channel]
        ),
        timeout=20000,
    )


def test_the_cancelled_tile_counts_and_opens_the_orders_ended_cancelled(gui, qtbot):
    """Orders a workflow ended cancelled (its End the order step: ``runs.outcome``) are their
    own tile, never among “Ran cleanly”, and clicking it lists exactly them."""
    ctx, window = gui
    save(ctx.db, WF)
    made = generate(ctx.db, 60)
    now = time.time()
    ended = [m["id"] for m in made if m["outcome"] == "clean" and now - m["created"] < 6 * 86400]
    ended = ended[:3]
    assert len(ended) == 3
    with ctx.db.write() as s:
        s.execute(update(Run).where(Run.id.in_(ended)).values(outcome="cancelled"))
    nav_to(window, "dashboard")
    page = window.dashboard_page
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.reload()
    f = page.figures
    assert f.cancelled == 3 and page.tiles["cancelled"].text().startswith("Cancelled\n3 (")
    clean = {m["id"] for m in made if m["outcome"] == "clean" and f.since <= m["created"]}
    assert f.clean == len(clean - set(ended))
    click(qtbot, page.tiles["cancelled"])
    qtbot.waitUntil(
        lambda: (
            window.stack.currentWidget() is window.runs
            and {r["id"] for r in window.runs.model.rows} == set(ended)
        ),
        timeout=20000,
    )


def test_the_demos_dashboard_says_why_it_counts_nothing(gui, qtbot):
    """The demo's orders are practice runs, which the dashboard leaves out: its tiles read as
    words an operator understands ("nothing answered yet", not "– · 0 answered") and the empty
    chart says why it is empty while the demo's orders wait under "Needs you"."""
    from app import demo

    ctx, window = gui
    started = demo.start(ctx.runtime)
    qtbot.waitUntil(lambda: len(demo.demo_runs(ctx.db)) == len(started), timeout=20000)
    nav_to(window, "dashboard")
    page = window.dashboard_page
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.reload()
    assert page.figures.orders == 0 and not page.figures.per_day
    assert page.tiles["resolved"].text() == "Time to resolve (median)\nnothing answered yet"
    assert "–" not in page.tiles["resolved"].text()
    assert "the demo's orders are not counted" in page.days.accessibleDescription()


def test_put_back_in_place_asks_then_restarts_daloy_to_do_it(gui, qtbot):
    """No terminal: choose a backup, "Put back in place…", confirm; the request is kept and the
    window asks for a restart (the new start carries it out: tests/runtime/test_put_back.py)."""
    from app.runtime import put_back
    from app.ui.main import restart_command

    ctx, window = gui
    save(ctx.db, WF)
    nav_to(window, "backups")
    page = window.backups_page
    click(qtbot, window.findChild(QPushButton, "backupNow"))
    table = window.findChild(QTableWidget, "backupsTable")
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=20000)
    button = window.findChild(QPushButton, "backupPutBack")
    assert button.isVisible() and not button.isEnabled()  # nothing chosen yet
    click(qtbot, table.viewport(), table.visualItemRect(table.item(0, 0)).center())
    assert button.isEnabled()
    asked: list[str] = []
    page.confirm_put_back = lambda b: asked.append(b.name) or False  # "Cancel"
    click(qtbot, button)
    assert asked and not put_back.asked(ctx.data_dir)  # nothing kept
    page.confirm_put_back = lambda b: True  # "Put back and restart"
    with qtbot.waitSignal(window.restart_requested, timeout=20000):
        click(qtbot, button)
    assert put_back.asked(ctx.data_dir)
    assert "restarts" in page.result.text()
    assert restart_command()[:3] == [sys.executable, "-m", "app"]


def test_the_dashboard_counts_again_when_come_back_to(gui, qtbot):
    """Orders that came while another page was open are counted on coming back, without F5."""
    ctx, window = gui
    save(ctx.db, WF)
    nav_to(window, "dashboard")
    page = window.dashboard_page
    qtbot.waitUntil(lambda: page.figures is not None, timeout=20000)
    before = page.figures.clean
    nav_to(window, "inbox")
    generate(ctx.db, 40)
    with qtbot.waitSignal(page.loaded, timeout=20000):
        nav_to(window, "dashboard")
    assert page.figures.clean > before
    assert str(page.figures.clean) in page.tiles["clean"].text()
