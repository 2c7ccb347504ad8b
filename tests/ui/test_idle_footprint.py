"""What the desktop app holds once its first screen (Needs you) shows — issue 20, idle under
120 MB: the pages it does not show are not made and the modules only they need are not
imported; Qt's SVG and network modules are never loaded (the logo is painted, the single
instance listens with the standard library). The pages made later keep
their place and what other parts hang on them (the Shop's "New order" button)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QTableView

from app.resources import resource_path
from app.store.db import Database
from app.ui.logo import logo_icon
from tests.test_lean_start import NOT_WHEN_IDLE_ON_SQLITE

ROOT = Path(__file__).resolve().parents[2]
# Started in a process of its own: the test session has imported every page already.
AT_IDLE = """
import argparse, json, os, sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(["daloy"])
from app.cli import Env
from app.ui.main import build
ctx, window = build(Env(argparse.Namespace(data_dir=sys.argv[1], verbose=False)), start_runtime=False)
window.show()
loop = QEventLoop()
QTimer.singleShot(1500, loop.quit)  # the first screen's reads land and paint
loop.exec()
maps = open("/proc/self/maps").read() if os.path.exists("/proc/self/maps") else ""
print(json.dumps({
    "modules": sorted(sys.modules),
    "orders_table": window.findChild(QTableView, "runsTable") is not None,
    "svg_mapped": "libQt6Svg" in maps or "qsvg" in maps,
}))
window.quitting = True
window.close()
ctx.wait_for_background(5000)
"""
# Modules of pages and dialogs the first screen does not show (each imported on first use).
NOT_AT_START = (
    "app.ui.editor.page",
    "app.ui.editor.canvas",
    "app.ui.runs",
    "app.ui.order_page",
    "app.ui.connections",
    "app.ui.audit_page",
    "app.ui.first_run",
    "app.ui.new_order",
    "app.ui.connection_form",
    "app.ui.step_forms",
    "app.ui.editor.fields",
    "app.ui.backups_page",
    "app.ui.dashboard_page",
    "PySide6.QtSvg",
    "PySide6.QtNetwork",  # the single instance is app.ui.single_instance's
    # The engine's (tests/test_lean_start.py): PostgreSQL's dialect on SQLite, ElementTree.
    *NOT_WHEN_IDLE_ON_SQLITE,
)


def test_pages_not_shown_at_start_are_not_made_nor_imported(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DALOY_ALLOW_INSECURE_KEYRING": "1"}
    # A data folder already at the newest schema, as on every start but the first (migrating
    # loads Alembic, and with it PostgreSQL's dialect).
    Database.open_dir(tmp_path / "data").close()
    done = subprocess.run(
        [sys.executable, "-c", AT_IDLE, str(tmp_path / "data")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert [m for m in NOT_AT_START if m in seen["modules"]] == []
    assert "app.ui.inbox" in seen["modules"]  # the first screen itself is there
    assert not seen["orders_table"]
    assert not seen["svg_mapped"]


def test_pages_made_later_get_what_waits_for_them(gui, qtbot) -> None:
    _ctx, window = gui
    button = window.shop.new_order_button
    assert window.findChild(QTableView, "runsTable") is None  # the Orders page is not made yet
    assert not button.isVisible()
    window.page("runs")
    assert window.stack.currentWidget() is window.runs
    assert window.runs.isAncestorOf(button) and button.isVisible()
    for key, attr in (("backups", "backups_page"), ("dashboard", "dashboard_page")):
        row = next(
            r
            for r in range(window.navigation.count())
            if window.navigation.item(r).data(Qt.ItemDataRole.UserRole) == key
        )
        window.navigation.setCurrentRow(row)
        assert window.stack.currentWidget() is getattr(window, attr)
        assert window.stack.indexOf(getattr(window, attr)) == row
    assert window.stack.count() == window.navigation.count()


def test_the_painted_logo_is_the_shipped_svg(qapp) -> None:
    """The window's and the tray's icons, painted, match the SVG files the installer ships."""
    for state, svg in (
        (None, "daloy.svg"),
        *((s, f"daloy-tray-{s}.svg") for s in ("ok", "waiting", "down")),
    ):
        for size in (16, 32, 64):
            painted = logo_icon(state).pixmap(size).toImage()
            drawn = QIcon(str(resource_path("icons", svg))).pixmap(size).toImage()
            fmt = QImage.Format.Format_ARGB32
            painted, drawn = painted.convertToFormat(fmt), drawn.convertToFormat(fmt)
            worst = max(
                abs(getattr(painted.pixelColor(x, y), c)() - getattr(drawn.pixelColor(x, y), c)())
                for x in range(size)
                for y in range(size)
                for c in ("red", "green", "blue", "alpha")
            )
            assert worst <= 8, (svg, size, worst)
