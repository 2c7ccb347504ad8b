"""How the desktop app stops: every clean exit (Quit in the tray, closing the window where there
is no tray, ``--quit-after``, Ctrl-C, SIGTERM) ends the Qt event loop the same way, and then
``shutdown`` stops the runtime gracefully and checkpoints and closes the database, so the
database file alone holds every run.

Signals: Python runs a signal handler only between bytecodes, and while Qt's event loop waits in
C++ no Python runs, so a plain handler would fire late, inside some unrelated timer callback (the
old Ctrl-C traceback). ``signal.set_wakeup_fd`` makes the C-level handler write the signal number
to a socket; a ``QSocketNotifier`` on the other end wakes the GUI thread at once, and the quit
happens there, like a click on Quit.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Signal

if TYPE_CHECKING:  # the engine's modules load after the window shows (app.ui.main)
    from app.ui.context import AppContext

log = logging.getLogger("daloy.ui")
STOP_SIGNALS = tuple(s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if s)


class QuitOnSignals(QObject):
    """While installed, SIGINT and SIGTERM emit ``received`` on the GUI thread (once per
    signal); nothing else happens in the handler itself."""

    received = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read, self._write = socket.socketpair()
        for sock in (self._read, self._write):
            sock.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._previous: dict[int, object] = {}
        for signum in STOP_SIGNALS:
            # The handler must exist (else SIGTERM kills the process at once and SIGINT raises
            # KeyboardInterrupt); the work happens in _wake, on the GUI thread.
            self._previous[signum] = signal.signal(signum, _note)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)

    def _wake(self) -> None:
        try:
            data = self._read.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for signum in data:
            log.info("received signal %d: quitting", signum)
            self.received.emit(signum)

    def uninstall(self) -> None:
        """Give the signals back to what handled them before. Called after ``shutdown``: a
        second Ctrl-C while the database closes must not cut the checkpoint short."""
        self._notifier.setEnabled(False)
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
        signal.set_wakeup_fd(self._previous_fd)
        self._read.close()
        self._write.close()


def _note(signum: int, _frame: object) -> None:
    """Python-level handler: nothing to do here; the wake-up byte carries the signal."""


def quit_once(action: Callable[[], None]) -> Callable[[], None]:
    """``action`` runs the first time only: Quit, a signal and a closed window may all arrive."""
    done = False

    def run(*_args: object) -> None:
        nonlocal done
        if not done:
            done = True
            action()

    return run


def shutdown(ctx: AppContext, grace: float = 10.0) -> None:
    """After the event loop ended: in-flight steps finish within ``grace`` seconds or give
    their lease back, background reads end, then the database is checkpointed and closed."""
    if ctx.runtime is not None:
        ctx.runtime.shutdown(grace=grace)
    if not ctx.wait_for_background(5000):
        log.warning("shutdown: a background task was still running after 5 s")
    if ctx.events is not None:
        ctx.events.detach()
    ctx.db.close()
    log.info("database checkpointed and closed")
