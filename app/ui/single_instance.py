"""One Daloy per user and data folder: a second launch hands over to the running one (its window
comes forward) and exits.

The running Daloy listens on a local address named after the user and the folder
(``server_name``): a named pipe on Windows, an abstract Unix socket on Linux (nothing left on
disk after a crash), a socket file in the temporary folder elsewhere. It is Python's
``multiprocessing.connection`` (already loaded by the scheduler) on a thread of its own, not
QtNetwork's QLocalServer: the desktop app then never loads QtNetwork (~2.5 MB of resident
memory, issue 20), and the hand-over is answered even while the GUI thread is busy (a
migration at start-up), as the socket's backlog answered before.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
import tempfile
import threading
from multiprocessing.connection import Client, Listener
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("daloy.ui")
SHOW, STOP = b"show", b"stop"


def server_name(data_dir: Any, user: str | None = None, paths: Any = os.path) -> str:
    """The single-instance address's name: one per user and data folder. Local addresses are
    machine-wide (a named pipe on Windows, a socket on Linux), so the user is part of it:
    two people signed in to one PC never reach (or block) each other's Daloy. The folder is
    compared as the platform compares paths (``paths``: ``ntpath`` on Windows ignores case and
    takes / for \\), so ``C:\\Shop`` and ``c:/shop`` are one folder and one Daloy."""
    who = user if user is not None else _user()
    folder = paths.normcase(paths.abspath(str(data_dir)))
    return "daloy-" + hashlib.sha1(f"{who}\0{folder}".encode()).hexdigest()[:12]


def _user() -> str:
    try:
        return getpass.getuser()  # USERNAME on Windows; LOGNAME, USER or the uid's name elsewhere
    except (OSError, KeyError):  # no name for this uid (a bare container): the uid says who
        return str(os.getuid()) if hasattr(os, "getuid") else ""


def address(name: str, platform: str = sys.platform) -> str:
    """Where the running Daloy named ``name`` listens on this platform."""
    if platform == "win32":
        return rf"\\.\pipe\{name}"
    if platform.startswith("linux"):
        return "\0" + name  # abstract: gone with the process, never a stale file
    return os.path.join(tempfile.gettempdir(), name)


def ask_running_instance(name: str) -> bool:
    """Ask the Daloy listening as ``name`` to bring its window forward; False when none runs."""
    try:
        conn = Client(address(name))
    except OSError:  # nobody listens (refused, no such pipe or file)
        return False
    try:
        conn.send_bytes(SHOW)
    except OSError:
        return False
    finally:
        conn.close()
    return True


class Handover(QObject):
    """The running Daloy's end: ``show_requested`` (on the GUI thread) for each later launch."""

    show_requested = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.address = address(name)
        if not self.address.startswith(("\0", "\\\\")) and os.path.exists(self.address):
            os.unlink(self.address)  # a socket file left by a Daloy that crashed
        self._listener = Listener(self.address)
        self._thread = threading.Thread(target=self._serve, name="daloy-handover", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn = self._listener.accept()
            except OSError:  # closed
                return
            try:
                message = conn.recv_bytes(64)
            except (OSError, EOFError):  # a caller that hung up or sent too much: not a launch
                continue
            finally:
                conn.close()
            if message == STOP:
                return
            self.show_requested.emit()  # queued to the GUI thread, where this object lives

    def close(self) -> None:
        """Stop listening: a word to our own thread wakes it from ``accept`` on every platform."""
        if self._thread.is_alive():
            try:
                with Client(self.address) as conn:
                    conn.send_bytes(STOP)
            except OSError:
                log.debug("the hand-over listener had stopped already")
            self._thread.join(2)
        self._listener.close()
