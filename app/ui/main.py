"""``daloy`` with no arguments: the desktop app with the runtime in the same process.

Single instance: a second launch asks the running one (over a QLocalSocket named after the data
folder) to bring its window forward, then exits 0. ``--quit-after SECONDS`` quits cleanly after
that time (smoke tests). Every way out ends in ``lifecycle.shutdown``.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import sys
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

from app.core.i18n import translate
from app.ui.lifecycle import QuitOnSignals, quit_once, shutdown

log = logging.getLogger("daloy.ui")


def server_name(data_dir: Any) -> str:
    return "daloy-" + hashlib.sha1(str(data_dir).encode()).hexdigest()[:12]


def ask_running_instance(name: str) -> bool:
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(500):
        return False
    sock.write(b"show\n")
    sock.waitForBytesWritten(500)
    sock.disconnectFromServer()
    return True


def build(env: Any, *, start_runtime: bool = True):  # noqa: ANN201
    """The context, runtime and window (used by run_gui and by tests)."""
    from app.host import build_runtime, seed_samples
    from app.ui import language
    from app.ui.context import AppContext
    from app.ui.mainwindow import MainWindow
    from app.ui.shop_menu import attach

    language.start(QApplication.instance())  # before any text is made (once per application)
    seed_samples(env)
    runtime = build_runtime(env)
    ctx = AppContext(
        db=env.db,
        registry=env.registry,
        store=runtime.store,
        actions=runtime.actions,
        data_dir=env.data_dir,
        runtime=runtime,
    )
    if start_runtime:
        runtime.start()
    window = MainWindow(ctx)
    attach(window)  # the Shop menu, “New order”, the demo's labels
    return ctx, window


def run_gui(env: Any, args: argparse.Namespace) -> int:
    from app.logsetup import configure

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Daloy")
    app.setQuitOnLastWindowClosed(False)
    from app.ui import language

    language.start(app)  # the operator's language (or the system's) before any text is shown
    name = server_name(env.data_dir)
    if ask_running_instance(name):
        print(translate("App", "Daloy is already running; its window was brought forward."))
        return 0
    configure(env.data_dir, getattr(args, "verbose", False))
    log.info("language: %s", language.current().current)  # fil on a Filipino system
    QLocalServer.removeServer(name)
    server = QLocalServer()
    server.listen(name)
    # Before the slow start-up: a Ctrl-C meanwhile waits in the socket and quits once the loop runs.
    signals = QuitOnSignals(app)
    ctx, window = build(env)

    def on_connection() -> None:
        conn = server.nextPendingConnection()
        if conn is not None:
            conn.readyRead.connect(window.bring_forward)
            window.bring_forward()

    server.newConnection.connect(on_connection)

    @quit_once
    def quit_app() -> None:
        window.quitting = True
        window.close()
        app.quit()

    signals.received.connect(quit_app)
    # The tray's Quit asks about unsaved workflow edits first; signals and --quit-after do not.
    window.notifier.quit_requested.connect(lambda: window.ask_before_quit(quit_app))
    window.quit_requested.connect(quit_app)
    window.show()
    window.shop.on_launch()  # the first-run setup on a shop not set up yet
    log.info("main window shown")
    print("Daloy window shown", flush=True)
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), quit_app)
    code = app.exec()
    server.close()
    shutdown(ctx)
    signals.uninstall()
    return code
