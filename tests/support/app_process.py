"""The real ``daloy`` desktop app in a process of its own, on a virtual screen, for the tests
that need the whole start-up (what it does before the engine opens, how it exits)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_daloy(
    data_dir: Path, quit_after: float = 4, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``daloy --data-dir DATA_DIR --quit-after SECONDS`` with no real screen and the test
    keyring allowed; its exit code and output."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DALOY_ALLOW_INSECURE_KEYRING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--quit-after", str(quit_after)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
