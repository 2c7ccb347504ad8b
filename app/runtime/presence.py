"""Is a runtime (the desktop app or ``daloy runner``) working on this data folder right now?

Each running runtime holds an operating-system lock on a file of its own in ``<data>/runners``;
the lock goes away with the process, even after a crash, so the answer is never stale. The CLI
asks before it says what happens to a run it started.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import uuid
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)
FOLDER = "runners"
# Windows locks byte ranges of a file and cannot rename or remove a file another process holds
# open: there a runner keeps its *.tmp name and readers leave stale files alone. Which rules
# apply is this flag (tests set it to walk the Windows path with this system's lock).
WINDOWS = sys.platform == "win32"


def _try_lock(handle: IO[bytes]) -> bool:
    """Take an exclusive lock without waiting; False when another holder has it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            # msvcrt locks from the current position, and append mode starts at the end:
            # every holder and reader must lock the same first byte.
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class RunnerPresence:
    """A runtime extension: holds the lock from start to stop."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / FOLDER
        self._handle: IO[bytes] | None = None
        self._path: Path | None = None

    def start(self, _runtime: Any) -> None:
        try:
            self.folder.mkdir(exist_ok=True)
            # Locked under a temporary name, then renamed: a reader never removes a file that
            # is about to be locked (it only looks at *.lock files).
            tmp = self.folder / f"{os.getpid()}-{uuid.uuid4().hex}.tmp"
            handle = open(tmp, "a+b")  # noqa: SIM115 - held open until stop()
            if not _try_lock(handle):
                handle.close()
                return
            final = tmp.with_suffix(".lock")
            if not WINDOWS:
                tmp.rename(final)
                tmp = final
            self._handle, self._path = handle, tmp
        except OSError as exc:  # presence is a courtesy to the CLI; the runtime works without it
            log.warning("could not note this runner in %s: %s", self.folder, exc)

    def stop(self) -> None:
        if self._handle is None:
            return
        self._handle.close()
        with contextlib.suppress(OSError):
            self._path.unlink()  # type: ignore[union-attr]
        self._handle = self._path = None


def runner_running(data_dir: Path) -> bool:
    """True when a runtime holds its lock in ``data_dir``. Files left by a crashed runtime are
    removed on the way (POSIX; on Windows an open file cannot be removed, so they are left)."""
    folder = Path(data_dir) / FOLDER
    try:
        files = sorted(folder.glob("*.lock")) + sorted(folder.glob("*.tmp"))
    except OSError:
        return False
    for path in files:
        try:
            handle = open(path, "a+b")  # noqa: SIM115
        except OSError:
            continue
        with handle:
            if not _try_lock(handle):
                return True
            if not WINDOWS and path.suffix == ".lock":
                with contextlib.suppress(OSError):
                    path.unlink()
    return False
