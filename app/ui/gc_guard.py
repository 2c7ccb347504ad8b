"""Python's cycle collector runs on whichever thread happens to allocate when a threshold is
crossed — often a background read or an engine thread. If a cycle it frees holds a Qt object,
that object is destroyed off the GUI thread, which crashes Qt (seen once in the test suite: a
segmentation fault while a dashboard read collected garbage). So while the window lives, the
automatic collector is off and a timer on the GUI thread collects instead, generation by
generation, with Python's own thresholds."""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

_guard: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        if counts[0] > self.threshold[0]:
            gc.collect(0)
            if counts[1] > self.threshold[1]:
                gc.collect(1)
                if counts[2] > self.threshold[2]:
                    gc.collect(2)


def collect_on_gui_thread() -> None:
    """Install the collector once per application (call on the GUI thread)."""
    global _guard
    app = QCoreApplication.instance()
    if app is None or (_guard is not None and shiboken6.isValid(_guard)):
        return
    _guard = GuiThreadCollector(app)
