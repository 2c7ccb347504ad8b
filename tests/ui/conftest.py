"""GUI fixtures: the real main window over a real data folder, runtime running in-process."""

from __future__ import annotations

import argparse

import pytest

from app.cli import Env


@pytest.fixture
def env(data_dir, keyring_tmp):
    return Env(argparse.Namespace(data_dir=str(data_dir), verbose=False))


@pytest.fixture
def gui(qtbot, env):
    from app.ui.main import build
    ctx, window = build(env)
    # closed as by Quit (without a tray, a plain close asks whether to keep working)
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "quitting", True))
    window.show()
    yield ctx, window
    window.quitting = True
    window.close()
    ctx.runtime.shutdown(grace=2)
    ctx.wait_for_background(5000)
    ctx.events.detach()
