"""GUI fixtures: the real main window over a real data folder, runtime running in-process."""

from __future__ import annotations

import argparse
import gc
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from app.cli import Env

if TYPE_CHECKING:
    from app.ui.context import AppContext


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item):  # noqa: ANN201 - a hook wrapper
    """Every main window still open when a test ends is closed as by Quit: without a tray, a
    plain close asks whether to keep Daloy working (``notifier.ask_keep_or_quit``), a modal
    question no test answers. Runs before pytest-qt closes the widgets it was given, whatever
    fixture or test built the window."""
    from PySide6.QtWidgets import QApplication

    from app.ui.mainwindow import MainWindow

    for w in QApplication.topLevelWidgets() if QApplication.instance() else ():
        if isinstance(w, MainWindow):
            w.quitting = True
    return (yield)


@pytest.fixture
def env(data_dir, keyring_tmp):
    return Env(argparse.Namespace(data_dir=str(data_dir), verbose=False))


def gone(window: QWidget, ctx: AppContext) -> None:
    """Delete a test's window and the context's event relay now, and free what they held.
    Qt objects and the Python callables connected to their signals hold each other through
    Qt, where Python's collector cannot see: a window only closed lived on with its pages,
    its context, database and timers. Every later test on the worker then carried all earlier
    ones — their pages refreshing on the GUI thread, every full collection of the GUI thread's
    collector walking them all (seconds by the end of a full run) — and a connection's "Saved"
    waited past 20 s behind them. Freed here, the cost falls in this test's own teardown."""
    for obj in (window, ctx.events):
        if shiboken6.isValid(obj):
            obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def gui(qtbot, env):
    from app.ui.lifecycle import shutdown
    from app.ui.main import build

    ctx, window = build(env)
    qtbot.addWidget(window)  # closed as by Quit: pytest_runtest_teardown above
    window.show()
    yield ctx, window
    window.quitting = True
    window.close()
    shutdown(ctx, grace=2)  # as the app quits: runtime, background work, events, database closed
    gone(window, ctx)
