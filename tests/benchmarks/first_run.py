"""First run to a resolved demo: a fresh data folder, the window and its first-run setup, “Try the
demo”, then one decision and one failed step resolved in the inbox, with real clicks (the same
steps as tests/ui/test_first_run.py). Prints the clicks and the seconds (window build, and first
launch to both resolved).

    python tests/benchmarks/first_run.py

Needs a display: offscreen is used when none is set. Secrets go to a plain-file keyring in a
temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DALOY_ALLOW_INSECURE_KEYRING", "1")


class Bot:
    """The two things the GUI test's steps need from pytest-qt's qtbot."""

    def mouseClick(self, widget: Any, button: Any, pos: Any = None) -> None:  # noqa: N802
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, pos or QPoint())

    def waitUntil(self, condition: Callable[[], Any], timeout: int = 5000) -> None:  # noqa: N802
        from PySide6.QtTest import QTest

        deadline = time.monotonic() + timeout / 1000
        while True:
            try:
                if condition() is not False:
                    return
            except AssertionError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"not done within {timeout} ms")
            QTest.qWait(20)


def main() -> None:
    import keyring
    from keyrings.alt.file import PlaintextKeyring
    from PySide6.QtWidgets import QApplication

    from app.cli import Env
    from app.ui.main import build
    from tests.ui.test_first_run import MAX_CLICKS, run_demo

    with tempfile.TemporaryDirectory() as tmp:
        backend = PlaintextKeyring()
        backend.file_path = str(Path(tmp) / "keyring_pass.cfg")  # type: ignore[misc]
        keyring.set_keyring(backend)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        t0 = time.perf_counter()
        env = Env(argparse.Namespace(data_dir=str(Path(tmp) / "data"), verbose=False))
        ctx, window = build(env)
        window.show()
        built = time.perf_counter() - t0
        clicks, seconds = run_demo(Bot(), ctx, window)
        print(f"window built on a fresh data folder: {built:.2f} s")
        print(
            f"first launch → demo → one decision and one failed step resolved: "
            f"{clicks} clicks, {seconds:.2f} s (target: under {MAX_CLICKS} clicks and "
            "120 s)"
        )
        window.quitting = True
        window.close()
        ctx.runtime.shutdown(grace=2)
        ctx.wait_for_background(5000)
        ctx.events.detach()
        env.db.close()
        app.processEvents()


if __name__ == "__main__":
    main()
