"""The Orders page's search also looks in the archives: after a clean-up with a small keep-days,
searching by customer lists the live match in the table and the archived one below it ("Also
found in the archive (1)"); clicking the archived one opens it read-only, with what ``daloy runs
show`` prints for it."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QPushButton

from app.store import retention
from app.store.models import Run
from tests.store.test_retention import WF
from tests.support.engine import save
from tests.ui.test_backups_dashboard import click, nav_to

DAY = 86400.0


def test_search_lists_and_opens_an_archived_order(gui, qtbot, capsys):
    ctx, window = gui
    save(ctx.db, WF)
    people = {"A-OLD": "Ana Reyes", "B-OLD": "Ben Cruz", "A-NEW": "Ana Reyes", "C-NEW": "Cora Lim"}
    ids = {
        n: ctx.store.start_run("orders", {"order": {"number": n, "customer": who}})
        for n, who in people.items()
    }
    assert ctx.runtime.wait_idle(30)
    with ctx.db.write() as s:  # a generated history: two old orders
        for n in ("A-OLD", "B-OLD"):
            run = s.get(Run, ids[n])
            run.created_at = run.finished_at = time.time() - 60 * DAY
    assert retention.archive_finished(ctx.db, ctx.data_dir, days=30).archived == 2

    nav_to(window, "runs")
    page = window.runs
    qtbot.mouseClick(page.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.search, "reyes")
    matches = page.findChild(QListWidget, "archiveMatches")
    qtbot.waitUntil(lambda: matches.count() == 1 and page.archive.isVisible(), timeout=15000)
    qtbot.waitUntil(
        lambda: [r["business_key"] for r in page.model.rows] == ["A-NEW"], timeout=15000
    )
    assert page.archive.title.text() == "Also found in the archive (1)"
    assert matches.item(0).text().startswith("A-OLD")

    qtbot.mouseClick(
        matches.viewport(),
        Qt.MouseButton.LeftButton,
        pos=matches.visualItemRect(matches.item(0)).center(),
    )
    assert page.stack.currentWidget() is page.archived
    shown = page.findChild(QPlainTextEdit, "archivedOrder")
    assert shown.isReadOnly()
    from app.cli import main

    assert main(["--data-dir", str(ctx.data_dir), "runs", "show", ids["A-OLD"]]) == 0
    cli_text = capsys.readouterr().out.strip()
    assert cli_text.startswith(f"Run {ids['A-OLD']} of “orders”: succeeded — A-OLD")
    assert shown.toPlainText().startswith(cli_text)
    assert "Ana Reyes" in shown.toPlainText()

    click(qtbot, page.findChild(QPushButton, "archivedBack"))
    assert page.stack.currentIndex() == 0
    page.search.clear()  # no search: the archive list goes away
    qtbot.waitUntil(lambda: not page.archive.isVisible(), timeout=15000)
