"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 took one reference from
``None`` at each call of a static method that returns nothing (``QTimer.singleShot``,
``processEvents``, ``QThread.msleep``), so a desktop app left running for a working day ended
in "Fatal Python error: none_dealloc". pyproject.toml keeps that version out; this test keeps
any later one that brings it back out too."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QThread, QTimer

CALLS = 2000


def _nothing() -> None:
    pass


@pytest.mark.parametrize(
    "call",
    [
        lambda: QTimer.singleShot(0, _nothing),
        QCoreApplication.processEvents,
        QCoreApplication.sendPostedEvents,
        lambda: QThread.msleep(0),
    ],
    ids=["singleShot", "processEvents", "sendPostedEvents", "msleep"],
)
def test_static_calls_leave_nones_references_alone(qapp, call):
    call()  # anything made once (a cache, an interned name) is made before counting
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()
    QCoreApplication.processEvents()  # the timers fire; their callbacks return None
    # A few references may come or go with whatever else runs; one per call is the bug.
    assert abs(sys.getrefcount(None) - before) < CALLS // 10
