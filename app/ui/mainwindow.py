"""The main window: a sidebar (``navigation``) with a count badge for the inbox, the pages, and
the in-window alert banner."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.core.i18n import translate
from app.ui import autostart, language, shortcuts
from app.ui.logo import logo_icon
from app.ui.notifier import KEEP, QUIT, Banner, Notifier, ask_keep_or_quit
from app.ui.style import STYLESHEET, icon
from app.ui.text import PlainLabel, tooltip
from app.ui.window_place import USUAL, remember

if TYPE_CHECKING:  # the pages and the engine load after the window shows (``open``)
    from app.ui.context import AppContext
    from app.ui.runs import RunsPage

log = logging.getLogger("daloy.ui")
PAGES = ("inbox", "runs", "workflows", "connections", "health", "audit")
# Each language named in its own words (never translated: a reader must recognise their own).
LANGUAGE_NAMES = {"en": "English", "fil": "Filipino"}
NAV_ICON = "#e6eef2"  # the sidebar's icons, light on its dark ground


def nav_labels() -> dict[str, str]:
    """The sidebar's words for the main window's own pages, in the current language."""
    return {
        "inbox": translate("MainWindow", "Needs you"),
        "runs": translate("MainWindow", "Orders"),
        "workflows": translate("MainWindow", "Workflows"),
        "connections": translate("MainWindow", "Connections"),
        "health": translate("MainWindow", "Intake health"),
        "audit": translate("MainWindow", "Who did what"),
    }


class MainWindow(QMainWindow):
    hidden_to_tray = Signal()
    quit_requested = Signal()  # the window was closed where there is no tray
    restart_requested = Signal()  # a backup is to be put back: quit, and start again
    runs: RunsPage  # made on first use (``__getattr__``): declared for the type checker only

    def __init__(self, ctx: AppContext | None, data_dir: Path | None = None) -> None:
        """The window with its pages (``ctx``), or, for a fast start (``app.ui.main``), first
        only its frame — sidebar, banner, footer, tray — on ``data_dir``, the pages to follow
        through ``open(ctx)`` once the window shows."""
        super().__init__()
        self.ctx = ctx
        self.data_dir = ctx.data_dir if ctx is not None else data_dir
        self.setObjectName("mainWindow")
        self.setWindowTitle("Daloy")
        self.setWindowIcon(logo_icon())
        self.setStyleSheet(STYLESHEET)
        self.resize(USUAL)  # where it opens: ``window_place.show_fitted``
        self.quitting = False
        self._hinted = False
        central = QWidget()
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(210)
        self.navigation.setIconSize(self.navigation.iconSize() * 1.2)
        icons = {
            "inbox": "fa5s.inbox",
            "runs": "fa5s.list-alt",
            "workflows": "fa5s.project-diagram",
            "connections": "fa5s.plug",
            "health": "fa5s.satellite-dish",
            "audit": "fa5s.user-check",
        }
        for key in PAGES:
            item = QListWidgetItem(icon(icons[key], NAV_ICON), nav_labels()[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
        outer.addWidget(self.navigation)
        right = QWidget()
        rl = QVBoxLayout(right)
        self.banner = Banner()
        rl.addWidget(self.banner)
        self.stack = QStackedWidget()
        rl.addWidget(self.stack, 1)
        footer = QHBoxLayout()
        self.foot = PlainLabel()
        self.foot.setObjectName("hint")
        # a long data folder gives way to the controls beside it (its tooltip says it whole)
        self.foot.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        footer.addWidget(self.foot, 1)
        self.language_label = PlainLabel(translate("MainWindow", "Language:"))
        footer.addWidget(self.language_label)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._language_items()
        self.language.activated.connect(
            lambda i: language.switch(self.language.itemData(i) or language.SYSTEM)
        )
        footer.addWidget(self.language)
        self.autostart = QCheckBox(translate("MainWindow", "Start Daloy when I log in"))
        self.autostart.setObjectName("autostart")
        self.autostart.setChecked(autostart.is_enabled())
        # the entry starts Daloy on this window's data folder (workspace)
        self.autostart.toggled.connect(lambda on: autostart.set_enabled(on, self.data_dir))
        footer.addWidget(self.autostart)
        # the controls keep their whole words (the Filipino checkbox lost its last letter at
        # 1024 pixels): only the data folder's line gives way
        for fixed in (self.language_label, self.language, self.autostart):
            fixed.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        rl.addLayout(footer)
        outer.addWidget(right, 1)
        self.setCentralWidget(central)
        self.notifier = Notifier(self.banner)
        self.notifier.show_window.connect(self.bring_forward)
        # Quit is always visible, tray or not (File ▸ Quit Daloy, Ctrl+Q)
        quit_action = (
            self.menuBar()
            .addMenu(translate("MainWindow", "&File"))
            .addAction(icon("fa5s.power-off"), translate("MainWindow", "&Quit Daloy"))
        )
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut("Ctrl+Q")
        quit_action.triggered.connect(lambda: self.ask_before_quit(self.quit_requested.emit))
        self._waiting = 0
        # pages made on first use (``open``, ``add_page``): how to make each, its row, and what
        # waits for it (``when_made``)
        self._later: dict[str, Callable[[], QWidget]] = {}
        self._rows: dict[str, int] = {}
        self._then: dict[str, list[Callable[[QWidget], None]]] = {}
        self.retranslate()
        if ctx is not None:
            self.open(ctx)

    def open(self, ctx: AppContext) -> None:
        """The pages, on the engine (``ctx``). Their modules are imported here, not with the
        window's, so the frame shows before SQLAlchemy and the rest of the engine load."""
        from app.ui.health import HealthPage
        from app.ui.inbox import InboxPage

        self.ctx = ctx
        self.inbox = InboxPage(ctx)
        self.health = HealthPage(ctx)
        # Pages the first screen does not show are made on their first visit (or first use of
        # ``window.<key>``): an operator may not open them this session, and their modules,
        # widgets and reads cost memory (issue 20: the desktop app idles under 120 MB).
        later: dict[str, Callable[[], QWidget]] = {
            "runs": lambda: self._runs_page(ctx),
            "workflows": lambda: self._editor_page(ctx),
            "connections": lambda: self._connections_page(ctx),
            "audit": lambda: self._audit_page(ctx),
        }
        for row, key in enumerate(PAGES):
            if key in later:
                self._later[key], self._rows[key] = later[key], row
            self.stack.addWidget(QWidget() if key in later else getattr(self, key))
        self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.setCurrentRow(0)

        self.notifier.open_item.connect(self.open_inbox_item)
        self.inbox.count_changed.connect(self._count)
        self.inbox.new_entries.connect(self.notifier.new_items)
        self.inbox.open_items.connect(self.notifier.set_open)
        self.notifier.open_inbox.connect(self._show_inbox)
        self.inbox.open_run.connect(self.open_run)
        # Pages of their own modules (issue 18): the sidebar's entry now; the module, on the visit.
        backups = QListWidgetItem(icon("fa5s.save", NAV_ICON), translate("Backups", "Backups"))
        self.add_page("backups", "backups_page", backups, lambda: self._backups_page(ctx))
        dashboard = QListWidgetItem(
            icon("fa5s.chart-bar", NAV_ICON), translate("Dashboard", "Dashboard")
        )
        self.add_page("dashboard", "dashboard_page", dashboard, lambda: self._dashboard_page())
        self.notifier.toggle_intake.connect(self.health.toggle)
        self.health.paused_changed.connect(self.notifier.set_paused)
        self._count(self._waiting)
        shortcuts.install(
            self, nav_labels()
        )  # Ctrl+1…, Find, New, Refresh: once every page is in the sidebar

    def _show_inbox(self) -> None:
        self.bring_forward()
        self.page("inbox")

    def _runs_page(self, ctx: AppContext) -> QWidget:
        from app.ui.runs import RunsPage

        page = RunsPage(ctx)
        page.open_inbox_item.connect(self.open_inbox_item)
        return page

    def _backups_page(self, ctx: AppContext) -> QWidget:
        from app.ui.backups_page import BackupsPage

        page = BackupsPage(ctx)
        page.restart_asked.connect(
            lambda: self.ask_before_quit(self.restart_requested.emit)  # unsaved edits first
        )
        return page

    def _dashboard_page(self) -> QWidget:
        from app.ui import dashboard_page

        return dashboard_page.make(self)

    def _editor_page(self, ctx: AppContext) -> QWidget:
        from app.ui.editor import EditorPage

        return EditorPage(ctx)

    def _connections_page(self, ctx: AppContext) -> QWidget:
        from app.ui.connections import ConnectionsPage

        return ConnectionsPage(ctx)

    def _audit_page(self, ctx: AppContext) -> QWidget:
        from app.ui.audit_page import AuditPage

        page = AuditPage(ctx)
        page.open_run.connect(self.open_run)
        return page

    def __getattr__(self, name: str) -> QWidget:
        """``window.workflows`` and the other pages made on first use (``_later``)."""
        if name in self.__dict__.get("_later", {}):
            return self._make(name)
        raise AttributeError(name)

    def add_page(
        self, key: str, attr: str, item: QListWidgetItem, make: Callable[[], QWidget]
    ) -> None:
        """A page of its own module at the end of the sidebar (``item``, found by ``key``), made
        by ``make`` on its first visit or on the first use of ``window.<attr>``."""
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.navigation.addItem(item)
        self._later[attr], self._rows[attr] = make, self.stack.count()
        self.stack.addWidget(QWidget())  # stands in for the page until it is made

    def when_made(self, attr: str, then: Callable[[QWidget], None]) -> None:
        """Call ``then(page)`` once the page ``window.<attr>`` exists (now, if it does)."""
        if attr in self._later:
            self._then.setdefault(attr, []).append(then)
        else:
            then(getattr(self, attr))

    def _make(self, attr: str) -> QWidget:
        page = self._later.pop(attr)()
        setattr(self, attr, page)
        row, current = self._rows[attr], self.stack.currentIndex()
        placeholder = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        for then in self._then.pop(attr, []):
            then(page)
        return page

    def _show_row(self, row: int) -> None:
        waiting = [attr for attr in self._later if self._rows[attr] == row]
        if waiting:
            self._make(waiting[0])
        self.stack.setCurrentIndex(row)

    def _language_items(self) -> None:
        """English, Filipino (each in its own words), or the system's language."""
        self.language.clear()
        system = language.resolve(language.SYSTEM)
        follow = translate("MainWindow", "Follow the system ({language})").format(
            language=LANGUAGE_NAMES[system]
        )
        self.language.addItem(follow, language.SYSTEM)
        for code in language.SHIPPED:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(language.showing())))

    def retranslate(self) -> None:
        """Texts with data in them, in the current language (fixed texts follow by themselves:
        ``app.ui.language``)."""
        self.foot.setText(
            translate("MainWindow", "Daloy {version} · data in {folder}").format(
                version=__version__, folder=self.data_dir
            )
        )
        self.foot.setToolTip(tooltip(str(self.data_dir)))
        self._language_items()
        labels = nav_labels()
        for row, key in enumerate(PAGES):
            self.navigation.item(row).setText(labels[key])
        self._count(self._waiting)
        shortcuts.tooltips(self, labels)  # each entry's keys, said in the new language
        self.notifier.retranslate()  # the tray's tooltip and menu (not widgets of the window)

    def _count(self, n: int) -> None:
        self._waiting = n
        item = self.navigation.item(0)
        needs_you = translate("MainWindow", "Needs you")
        item.setText(
            translate("MainWindow", "{needs_you}  ({n})").format(needs_you=needs_you, n=n)
            if n
            else needs_you
        )

    def page(self, key: str) -> None:
        """Show the page ``key``: one of ``PAGES``, or one added later (backups, dashboard)."""
        nav = self.navigation
        for row in range(nav.count()):
            if nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                nav.setCurrentRow(row)
                return
        raise KeyError(key)

    def current_page(self) -> str:
        """The key of the page shown (one of ``PAGES``, or one added later); "" before any."""
        item = self.navigation.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def open_inbox_item(self, item_id: int) -> None:
        self.bring_forward()
        self.page("inbox")
        self.inbox.select(item_id)

    def open_run(self, run_id: str) -> None:
        self.page("runs")
        self.runs.open_run(run_id)

    def bring_forward(self) -> None:
        self.show()
        self.setWindowState(
            (self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
        self.raise_()
        self.activateWindow()

    def ask_before_quit(self, quit_fn: Callable[[], None]) -> None:
        """Quit through ``quit_fn`` once unsaved workflow edits are saved or discarded (the
        operator may also cancel); the editor is shown so they see what the question is about."""
        if self.ctx is None or "workflows" in self._later:  # the editor holds no edit yet
            quit_fn()
            return
        from app.ui.editor import EditorPage

        editor = self.workflows
        assert isinstance(editor, EditorPage)
        if editor.dirty():
            self.bring_forward()
            self.page("workflows")
        editor.resolve_unsaved(translate("MainWindow", "quitting Daloy"), quit_fn)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible():  # where the operator left it, for the next start
            remember(self)
        if self.quitting or not self.isVisible():  # a hidden window has nothing to ask
            event.accept()
            return
        if self.notifier.tray is None:  # no tray to come back to: ask
            event.ignore()
            answer = ask_keep_or_quit(self)
            if answer == KEEP:
                self.hide()
                self.hidden_to_tray.emit()
            elif answer == QUIT:
                self.ask_before_quit(self.quit_requested.emit)
            return
        # Closing the window keeps Daloy working in the tray.
        event.ignore()
        self.hide()
        if not self._hinted and self.notifier.tray is not None:
            self.notifier.tray.showMessage(
                translate("MainWindow", "Daloy keeps working"),
                translate(
                    "MainWindow",
                    "Orders keep running in the background. Use the tray "
                    "icon to open Daloy again or to quit.",
                ),
            )
            self._hinted = True
        self.hidden_to_tray.emit()
