"""GUI fixtures: the real main window over a real data folder, runtime running in-process."""

from __future__ import annotations

import argparse

import pytest

from app.cli import Env


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


@pytest.fixture
def gui(qtbot, env):
    from app.ui.main import build

    ctx, window = build(env)
    qtbot.addWidget(window)  # closed as by Quit: pytest_runtest_teardown above
    window.show()
    yield ctx, window
    window.quitting = True
    window.close()
    ctx.runtime.shutdown(grace=2)
    ctx.wait_for_background(5000)
    ctx.events.detach()
