"""The Help menu on the main window, after Shop (attached from ``app.ui.main`` as the Shop menu
is): the operator guide (``resources/docs/operator-guide.md``, in Filipino when the app speaks
Filipino) in a window of its own, the window's keys, the data and log folders opened in the
system's file manager, and “About Daloy” with what a helper asks first (version, folders, where
the passwords are kept) and a button to copy it. Nothing here touches the database."""

from __future__ import annotations

import platform
import re
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QImageReader,
    QKeySequence,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__, secrets
from app.core.i18n import translate
from app.logsetup import log_file
from app.resources import resource_path
from app.ui import language
from app.ui.shortcuts import keys_said
from app.ui.style import STYLESHEET, icon
from app.ui.text import PlainLabel

GUIDE = "operator-guide"
# Schemes a guide's link may hand to the system (a browser, a mail program); never shown inside.
OUTSIDE = ("http", "https", "mailto")


def guide_file(spoken: str | None = None) -> Path:
    """The guide in the language spoken (``language.current()``): its Filipino file when the
    app speaks Filipino and the file is there, else the English one."""
    if spoken is None:
        lang = language.current()
        spoken = lang.current if lang is not None else language.ENGLISH
    if spoken != language.ENGLISH:
        own = resource_path("docs", f"{GUIDE}.{spoken}.md")
        if own.is_file():
            return own
    return resource_path("docs", f"{GUIDE}.md")


def slug(heading: str) -> str:
    """A heading's anchor as GitHub writes it (“Keyboard keys” → ``keyboard-keys``), so a link
    in the guide works the same here and where the file is read on the web."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


class GuideWindow(QWidget):
    """The guide, rendered, in a window of its own (not modal: the operator follows it while
    working in the main window). Links within the guide move within it; links to the web open
    in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guideWindow")
        self.setStyleSheet(STYLESHEET)
        self.resize(860, 680)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenLinks(False)  # every link goes through ``follow``
        self.browser.anchorClicked.connect(self.follow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.shown: Path | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """The guide in the language now spoken (called by ``app.ui.language`` on a switch)."""
        self.setWindowTitle(translate("Help", "Operator guide — Daloy"))
        self.show_file(guide_file())

    def show_file(self, path: Path, anchor: str = "") -> None:
        """Show a guide file; its images are found beside it (``img/``)."""
        if path != self.shown:
            folder = str(path.parent)
            self.browser.setSearchPaths([folder])
            document = self.browser.document()
            document.setBaseUrl(QUrl.fromLocalFile(folder + "/"))
            try:
                self.browser.setMarkdown(path.read_text(encoding="utf-8"))
            except OSError as exc:  # an installation without its docs: say so, not crash
                self.browser.setPlainText(
                    translate(
                        "Help",
                        "The operator guide is missing from this installation ({path}: {error}). "
                        "Install Daloy again to get it back.",
                    ).format(path=path, error=exc.strerror or exc)
                )
            document.setDocumentMargin(14)
            self._name_headings()
            self.shown = path
            self.fit_pictures()
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def _name_headings(self) -> None:
        """Give each heading its anchor name: Qt's Markdown reader names none, so a link to a
        section (``#keyboard-keys``) had nowhere to go."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text():
                cursor = QTextCursor(block)
                cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
                named = QTextCharFormat()
                named.setAnchor(True)
                named.setAnchorNames([slug(block.text())])
                cursor.mergeCharFormat(named)
            block = block.next()

    def fit_pictures(self) -> None:
        """Each picture at most as wide as the text (the editor's screenshot is wider than a
        1024-pixel screen's window: it was cut off behind a sideways scroll bar)."""
        room = self.browser.viewport().width() - 3 * int(self.browser.document().documentMargin())
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            for it in block:  # type: ignore[attr-defined]  # (PySide6's stubs lack __iter__)
                fragment = it.fragment()
                if not fragment.charFormat().isImageFormat() or self.shown is None:
                    continue
                picture = fragment.charFormat().toImageFormat()
                size = QImageReader(str(self.shown.parent / picture.name())).size()  # header only
                if size.isEmpty():
                    continue
                width = min(size.width(), max(room, 100))
                picture.setWidth(width)
                picture.setHeight(size.height() * width / size.width())
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(picture)
            block = block.next()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_pictures()

    def follow(self, url: QUrl) -> None:
        """A link clicked: the web (and mail) in the system's browser, never inside; another
        section or guide file here."""
        if url.scheme() in OUTSIDE:
            QDesktopServices.openUrl(url)
            return
        target = self.shown if not url.path() or self.shown is None else None
        if target is None:
            base = self.shown.parent if self.shown is not None else resource_path("docs")
            target = (base / url.path()).resolve()
        if target.suffix == ".md" and target.is_file():
            self.show_file(target, url.fragment())
        else:  # a picture or another file: the system's own viewer
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(what, keys) for each key of the window: its own actions (``app.ui.shortcuts``) and the
    menus' (Quit, the guide), the keys as this platform writes them."""
    actions = list(window.actions())
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu):
            actions += menu.actions()
    rows = []
    for action in actions:
        keys = [k for k in action.shortcuts() if not k.isEmpty() and not _extra_key(k)]
        if keys and action.text():  # New too, though off on the Workflows page
            what = action.text().replace("&", "")  # the menu's underline mark
            rows.append((what, ", ".join(keys_said(k) for k in keys)))
    return rows


def _extra_key(keys: QKeySequence) -> bool:
    """A key only some keyboards have, alone (the platform also binds Help, Find, New and
    Refresh to the dedicated keys of some keyboards): listed, it read as a word, not a key."""
    combination = keys[0]  # type: ignore[index]  # (PySide6's stubs lack __getitem__)
    return (
        keys.count() == 1
        and combination.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
        and combination.key().value >= Qt.Key.Key_Help.value
    )


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(translate("Help", "Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([translate("Help", "What"), translate("Help", "Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(480, 560)


def about_facts(data_dir: Path) -> list[tuple[str, str]]:
    """What a helper asks first, in the operator's language."""
    return [
        (translate("Help", "Version"), f"Daloy {__version__}"),
        (translate("Help", "Data folder"), str(data_dir)),
        (translate("Help", "Log"), str(log_file(data_dir))),
        (translate("Help", "Passwords"), secrets.check_backend()[1]),
        (
            translate("Help", "System"),
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
            f"Qt {pyside_version}",
        ),
    ]


class AboutDialog(QDialog):
    def __init__(self, window: QMainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(translate("Help", "About Daloy"))
        self.facts = about_facts(data_dir)
        form = QFormLayout()
        words = PlainLabel(
            translate("Help", "Daloy runs your shop's orders; people touch only the exceptions.")
        )
        words.setWordWrap(True)
        form.addRow(words)  # the form wraps it to the dialog's width (a box cut it off)
        for name, value in self.facts:
            shown = PlainLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(PlainLabel(translate("Help", "{name}:").format(name=name)), shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy = QPushButton(icon("fa5s.copy"), translate("Help", "Copy"))
        self.copy.setObjectName("copyAbout")
        self.copy.setToolTip(
            translate("Help", "Put these facts on the clipboard for whoever helps you.")
        )
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy.clicked.connect(self.copy_facts)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def text(self) -> str:
        return "\n".join(f"{name}: {value}" for name, value in self.facts)

    def copy_facts(self) -> None:
        QApplication.clipboard().setText(self.text())
        self.copy.setText(translate("Help", "Copied"))


class HelpControls:
    """The Help menu of ``window`` (a ``MainWindow``) and the windows it opens (one each)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.guide: GuideWindow | None = None
        self.menu = window.menuBar().addMenu(translate("Help", "&Help"))
        self.menu.setObjectName("helpMenu")
        self.guide_action = self._add(
            "operatorGuideAction", "fa5s.book", translate("Help", "Operator guide")
        )
        self.guide_action.setShortcuts(QKeySequence.StandardKey.HelpContents)  # F1
        self.guide_action.triggered.connect(self.open_guide)
        keys = self._add(
            "keyboardShortcutsAction", "fa5s.keyboard", translate("Help", "Keyboard shortcuts")
        )
        keys.triggered.connect(self.open_shortcuts)
        self.menu.addSeparator()
        data = self._add(
            "openDataFolderAction", "fa5s.folder-open", translate("Help", "Open the data folder")
        )
        data.triggered.connect(lambda: self.open_folder(self.data_dir()))
        logs = self._add(
            "openLogFolderAction", "fa5s.file-alt", translate("Help", "Open the log folder")
        )
        logs.triggered.connect(lambda: self.open_folder(log_file(self.data_dir()).parent))
        self.menu.addSeparator()
        about = self._add("aboutAction", "fa5s.info-circle", translate("Help", "About Daloy"))
        about.setMenuRole(QAction.MenuRole.AboutRole)  # macOS: in the application menu
        about.triggered.connect(self.open_about)

    def _add(self, name: str, glyph: str, words: str) -> QAction:
        action = self.menu.addAction(icon(glyph), words)
        action.setObjectName(name)
        return action

    def data_dir(self) -> Path:
        return Path(self.window.data_dir)

    def open_guide(self) -> GuideWindow:
        if self.guide is None:
            self.guide = GuideWindow(self.window)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        return self.guide

    def open_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # not exec(): the window and the engine go on meanwhile
        return dialog

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog(self.window, self.data_dir())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_folder(self, folder: Path) -> None:
        """The folder in the system's file manager. ``openUrl`` hands it to the system and
        returns at once; where the system cannot, the folder's path is said instead."""
        folder.mkdir(parents=True, exist_ok=True)  # no log folder yet when logging is off
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            box = QMessageBox(
                QMessageBox.Icon.Information,
                translate("Help", "Open the folder"),
                translate(
                    "Help",
                    "Daloy could not open the folder on this computer. It is here: {folder}",
                ).format(folder=folder),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not exec(): the window goes on meanwhile


def attach(window: QMainWindow | QWidget) -> HelpControls:
    controls = HelpControls(window)
    window.help = controls  # type: ignore[union-attr]  # kept alive with the window
    return controls
