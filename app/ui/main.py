"""``daloy`` with no arguments: the desktop app with the runtime in the same process.

Single instance: a second launch asks the running one (``app.ui.single_instance``: a local
address named after the user and the data folder) to bring its window forward, then exits 0. ``--quit-after SECONDS`` quits cleanly after
that time (smoke tests). Every way out ends in ``lifecycle.shutdown``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.core.i18n import translate
from app.ui.import_hook import spare_module_sources
from app.ui.lifecycle import QuitOnSignals, quit_once, shutdown
from app.ui.single_instance import Handover, ask_running_instance, server_name
from app.ui.window_place import show_fitted

if TYPE_CHECKING:
    from app.ui.shop_menu import ShopControls

spare_module_sources()  # before the engine's modules load: ~20 MB less (app.ui.import_hook)
log = logging.getLogger("daloy.ui")


def _folder_named(env: Any) -> Any:
    """The data folder's path as chosen, not yet checked (``env.data_dir`` checks it)."""
    from app.paths import data_dir

    try:
        return data_dir(env.data_dir_choice)
    except OSError:
        return env.data_dir  # says what is wrong with the folder


def build(env: Any, *, start_runtime: bool = True):  # noqa: ANN201
    """The context, runtime and window (used by tests; run_gui shows the window first)."""
    from app.ui import language
    from app.ui.mainwindow import MainWindow

    app = QApplication.instance()
    assert app is not None  # tests and run_gui make the application first
    language.start(app)  # before any text is made (once per application)
    ctx = open_engine(env, start_runtime=start_runtime)
    window = MainWindow(ctx)
    _attach_shop(window)
    return ctx, window


def _attach_shop(window: Any) -> ShopControls:
    from app.ui import help_menu
    from app.ui.shop_menu import attach

    shop = attach(window)  # the Shop menu, “New order”, the demo's labels
    help_menu.attach(window)  # the Help menu, after Shop
    return shop


def open_engine(env: Any, *, start_runtime: bool = True):  # noqa: ANN201 - app.ui.context.AppContext
    """The database (migrated), the sample workflows on a new folder, the runtime with its
    intake, and the context the pages share."""
    from app.host import build_runtime, seed_samples
    from app.ui.context import AppContext

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
    return ctx


def run_gui(env: Any, args: argparse.Namespace) -> int:
    from app.logsetup import configure

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Daloy")
    app.setQuitOnLastWindowClosed(False)
    from app.ui import language

    lang = language.start(app)  # the operator's language (or the system's) before any text
    from app.core.errors import DaloyError

    try:
        # Asked before the folder is checked: the running Daloy may still be creating its
        # database.
        name = server_name(_folder_named(env))
        if ask_running_instance(name):
            print(translate("App", "Daloy is already running; its window was brought forward."))
            return 0
        configure(env.data_dir, getattr(args, "verbose", False))
    except DaloyError as exc:  # a data folder Daloy cannot use
        if not getattr(args, "quit_after", None):  # not a smoke test: nobody would press OK
            _refused_folder(str(exc))
        raise  # and said on stderr as every refusal is (app.cli)
    log.info("language: %s", lang.current)  # fil on a Filipino system
    try:
        handover: Handover | None = Handover(name)
    except OSError as exc:  # the address is taken after all (two launches at once): go on alone
        log.warning("a second launch cannot hand over to this Daloy: %s", exc)
        handover = None
    # Before the slow start-up: a Ctrl-C meanwhile waits in the socket and quits once the loop runs.
    signals = QuitOnSignals(app)
    from app.ui.mainwindow import MainWindow

    # The window's frame shows first; the engine (SQLAlchemy, the database and its migrations,
    # the runtime, intake) and the pages load right after, once the event loop runs.
    window = MainWindow(None, env.data_dir)
    opened: dict[str, Any] = {}

    if handover is not None:
        handover.show_requested.connect(window.bring_forward)

    @quit_once
    def quit_app() -> None:
        window.quitting = True
        window.close()
        app.quit()

    signals.received.connect(quit_app)

    def restart() -> None:  # a backup is to be put back: it is done when Daloy starts again
        opened["restart"] = True
        quit_app()

    window.restart_requested.connect(restart)
    # The tray's Quit asks about unsaved workflow edits first; signals and --quit-after do not.
    window.notifier.quit_requested.connect(lambda: window.ask_before_quit(quit_app))
    window.quit_requested.connect(quit_app)
    show_fitted(window)
    log.info("main window shown")
    print("Daloy window shown", flush=True)

    def open_pages() -> None:
        if window.quitting:  # a Ctrl-C before the engine opened: nothing to open or close
            return
        try:
            restored = _put_back_asked(env)  # before the database is opened
            opened["ctx"] = open_engine(env)
            window.open(opened["ctx"])
            shop = _attach_shop(window)
        except BaseException as exc:  # noqa: BLE001 - said by the CLI after the loop ends
            opened["error"] = exc
            window.quitting = True
            if not isinstance(exc, Exception):  # Ctrl-C, SystemExit: nothing to say here
                app.quit()
                return

            def answered(put_back_asked: bool) -> None:
                if put_back_asked:  # Daloy starts again and puts the backup back first
                    opened.pop("error")
                    opened["restart"] = True
                app.quit()

            # a double-clicked app has no console: the reason is said in a window too
            say_why_not_started(window, env, exc, answered)
            return
        if restored is not None:  # said first; a first-run setup would cover it
            _say_put_back(window, restored, then=shop.on_launch)
        else:
            shop.on_launch()  # the first-run setup on a shop not set up yet

    QTimer.singleShot(0, open_pages)
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), quit_app)
    code = app.exec()
    if handover is not None:
        handover.close()
    if "ctx" in opened:
        shutdown(opened["ctx"])
    signals.uninstall()
    if "error" in opened:  # a corrupt database, an unusable folder: the same sentence as before
        window.close()
        raise opened["error"]
    if opened.get("restart"):
        _start_again()
    return code


def _put_back_asked(env: Any) -> Any:
    """A backup the operator asked to put back (``app.runtime.put_back``), done now, while
    nothing has the database open; its outcome, or None. A database server has no such
    request. Put back, taking in orders is paused (``restored.put_back`` did it, with the
    orders in progress held): a mailbox or a marketplace read from the backup's older place
    would hand in again the orders that came since, and the operator decides when to take them
    (``Resume intake``)."""
    if env.database_url:
        return None
    from dataclasses import replace

    from app.runtime import put_back

    outcome = put_back.carry_out(env.data_dir)
    if outcome is None or not outcome.ok:
        return outcome
    paused = translate(
        "App",
        "Taking in orders is paused: the mailbox and marketplace channels would take in "
        "again the orders that came since the backup. Check them, then press “Resume "
        "intake” on the Intake health page.",
    )
    return replace(outcome, words=f"{outcome.words}\n\n{paused}")


def _say_put_back(window: Any, outcome: Any, then: Callable[[], None]) -> None:
    """What a put-back did, in a message; ``then`` once the operator has read it."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Information if outcome.ok else QMessageBox.Icon.Warning,
        translate("App", "Backup put back")
        if outcome.ok
        else translate("App", "Backup not put back"),
        outcome.words,
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("putBackOutcome")
    box.finished.connect(lambda _code: then())
    box.open()  # not exec(): the window and the engine go on meanwhile


def say_why_not_started(
    window: Any, env: Any, exc: Exception, then: Callable[[bool], None]
) -> None:
    """Why Daloy cannot open its workspace, in a message on its window; for a damaged database
    the newest good backup is offered, to be put back as Daloy starts again. ``then(True)``
    once that was asked for, ``then(False)`` on Quit."""
    from PySide6.QtWidgets import QMessageBox

    from app.core.errors import DaloyError
    from app.core.redact import text as hide_secrets
    from app.runtime import put_back
    from app.store.db import DatabaseCorrupt

    if isinstance(exc, DaloyError):  # a sentence already: a damaged database, a full disk…
        words = hide_secrets(str(exc))
    else:
        log.error("the workspace could not be opened", exc_info=exc)
        words = translate(
            "App",
            "Daloy could not open its workspace ({what}); the details are in its log, in the "
            "data folder's “logs” folder. Nothing was changed.",
        ).format(what=type(exc).__name__)
    log.warning("cannot start; said on the window: %s", words)  # for whoever helps later
    backup = (
        put_back.newest_good(env.data_dir)
        if isinstance(exc, DatabaseCorrupt) and not env.database_url
        else None
    )
    from app.ui import when

    box = QMessageBox(
        QMessageBox.Icon.Critical, translate("App", "Daloy cannot start"), words, parent=window
    )
    box.setObjectName("startFailed")
    put = None
    if backup is not None:
        box.setInformativeText(
            translate(
                "App",
                "The newest good backup is from {when}. Put it back in place and start again? "
                "The damaged database is kept in the backup folder.",
            ).format(when=when.at(backup.at.timestamp()))
        )
        put = box.addButton(
            translate("App", "Put back and start again"), QMessageBox.ButtonRole.AcceptRole
        )
    box.addButton(translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)

    def finished() -> None:
        if put is None or backup is None or box.clickedButton() is not put:
            then(False)
            return
        try:
            put_back.ask(env.data_dir, backup)
        except DaloyError as refused:
            QMessageBox.warning(window, translate("App", "Daloy cannot start"), str(refused))
            then(False)
            return
        then(True)

    box.finished.connect(finished)
    box.open()  # not exec(): --quit-after and Ctrl-C still quit meanwhile


def _refused_folder(words: str) -> None:
    """Why Daloy cannot use its data folder, in a window: a double-clicked Daloy has no
    terminal for the sentence, and would seem not to start at all."""
    from PySide6.QtWidgets import QMessageBox

    from app.core.redact import text as hide_secrets

    box = QMessageBox(
        QMessageBox.Icon.Critical, translate("App", "Daloy cannot start"), hide_secrets(words)
    )
    box.setObjectName("folderRefused")
    box.exec()


def restart_command() -> list[str]:
    """The command that started this Daloy, to start it again: the installed app's executable,
    or this Python running the package, with the same arguments (the data folder among them)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    return [sys.executable, "-m", "app", *sys.argv[1:]]


def _start_again() -> None:
    """Start a new Daloy once this one has let go of everything (database, presence, the
    single-instance address), so the new one finds the folder free."""
    import subprocess

    detached: dict[str, Any]
    if sys.platform == "win32":  # no console window, not stopped with this one's group
        detached = {
            "creationflags": subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP
        }
    else:
        detached = {"start_new_session": True}
    log.info("starting Daloy again: %s", restart_command())
    subprocess.Popen(restart_command(), stdin=subprocess.DEVNULL, close_fds=True, **detached)  # noqa: S603
