"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 took one reference from
``None`` at each call of a static method that returns nothing (``QTimer.singleShot``,
``processEvents``, ``QThread.msleep``), so a desktop app left running for a working day ended
in "Fatal Python error: none_dealloc". pyproject.toml keeps that version out; this test keeps
any later one that brings it back out too."""

from __future__ import annotations

import json
import os
import subprocess
import sys

CALLS = 2000
# Counted in a process of its own: in the test session other tests' threads and the collector
# free objects that hold None while the calls run (thousands of references either way).
COUNT = f"""
import gc, json, sys
from PySide6.QtCore import QCoreApplication, QThread, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["daloy"])
def nothing():
    pass
calls = {{
    "singleShot": lambda: QTimer.singleShot(0, nothing),
    "processEvents": QCoreApplication.processEvents,
    "sendPostedEvents": QCoreApplication.sendPostedEvents,
    "msleep": lambda: QThread.msleep(0),
}}
gc.disable()
lost = {{}}
for name, call in calls.items():
    call()  # anything made once (a cache, an interned name) is made before counting
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        call()
    lost[name] = before - sys.getrefcount(None)
QCoreApplication.processEvents()  # the timers fire before the process ends
print(json.dumps(lost))
"""


def test_static_calls_leave_nones_references_alone():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", COUNT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lost = json.loads(done.stdout.splitlines()[-1])
    # One reference lost per call is the bug; a clean process loses none.
    assert all(abs(n) < CALLS // 10 for n in lost.values()), lost
