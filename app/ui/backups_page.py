"""Backups: the last result in words, the backups in the backup folder, "Back up now", the folder
they go to, putting one back in place of this workspace (kept as a request and done when Daloy
starts again, before it opens the database: ``app.runtime.put_back``; the window restarts the
app) and restoring one as a new workspace. All file and database work runs off the GUI thread
(``ctx.background``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.runtime import put_back
from app.store import backups, restored
from app.ui import when as when_
from app.ui.context import AppContext
from app.ui.page import Page
from app.ui.style import BAD, MUTED, OK, icon
from app.ui.text import PlainLabel

# why a backup was taken (its folder name's last part), in words
KINDS = {
    "daily": QT_TRANSLATE_NOOP("Backups", "daily"),
    "manual": QT_TRANSLATE_NOOP("Backups", "by hand"),
    "pre-migration": QT_TRANSLATE_NOOP("Backups", "before an update"),
    "before-restore": QT_TRANSLATE_NOOP("Backups", "before a restore"),
    "replaced": QT_TRANSLATE_NOOP("Backups", "replaced"),
}


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, n // 1024)} KB"


def copy_words(folder: Path) -> str:
    """What a restore as a new workspace made, for an operator without a terminal: what the
    copy is for, that opening it does nothing twice, and how it is opened (this window always
    works on its own workspace): by a shortcut that whoever set Daloy up makes (README: the
    data folder is ``--data-dir``), never a command-line option the operator is to type."""
    return translate(
        "Backups",
        "Restored as a new workspace in {folder}. It is a separate copy, kept for looking things "
        "up: nothing in this workspace changed. Orders that were in progress in it are held and "
        "taking in orders is paused there, so opening it never does again what they already "
        "did. This window always works on this workspace. To open the copy, ask whoever set up "
        "Daloy on this computer for a second Daloy shortcut that opens that folder.",
    ).format(folder=folder)


class BackupsPage(Page):
    changed = Signal()
    restart_asked = Signal()  # a backup is to be put back when Daloy starts again

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, translate("Backups", "Backups"))
        self.status = PlainLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.folder = PlainLabel()
        self.folder.setObjectName("backupFolder")
        self.folder.setWordWrap(True)
        self.now_button = QPushButton(icon("fa5s.save"), translate("Backups", "Back up now"))
        self.now_button.setObjectName("backupNow")
        self.now_button.clicked.connect(self.back_up_now)
        self.folder_button = QPushButton(translate("Backups", "Change folder…"))
        self.folder_button.setObjectName("backupChooseFolder")
        self.folder_button.clicked.connect(self._choose_backup_folder)
        self.restore_button = QPushButton(
            icon("fa5s.undo"), translate("Backups", "Restore as a new workspace…")
        )
        self.restore_button.setObjectName("backupRestore")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore_clicked)
        self.put_back_button = QPushButton(
            icon("fa5s.history"), translate("Backups", "Put back in place…")
        )
        self.put_back_button.setObjectName("backupPutBack")
        self.put_back_button.setEnabled(False)
        self.put_back_button.clicked.connect(self._put_back_clicked)
        # a workspace on a database server is restored by its administrator, not from here
        self.put_back_button.setVisible(ctx.db.engine.dialect.name == "sqlite")
        self.top.addWidget(self.now_button)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("backupsTable")
        self.said: Callable[[], str] = str  # the last action's result, said again on a switch
        self.last: dict[str, Any] = {}
        self.folder_path: Path | None = None
        self._headers()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        actions = QHBoxLayout()
        actions.addWidget(self.folder, 1)
        actions.addWidget(self.folder_button)
        actions.addWidget(self.put_back_button)
        actions.addWidget(self.restore_button)
        self.result = PlainLabel()
        self.result.setObjectName("backupResult")
        self.result.setWordWrap(True)
        for w in (self.status, self.result):
            self.body.addWidget(w)
        self.body.addLayout(actions)
        self.body.addWidget(self.table, 1)
        self.hint = PlainLabel(
            translate(
                "Backups",
                "“Put back in place” makes this workspace what it was when the chosen backup "
                "was taken; Daloy restarts to do it, and what it replaces is kept in the backup "
                "folder. “Restore as a new workspace” makes a copy in another folder and "
                "changes nothing here.",
            )
        )
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.body.addWidget(self.hint)
        self.backups: list[backups.Backup] = []
        # The dialog asking where to restore; a test or a script may put its own in.
        self.choose_folder = lambda: QFileDialog.getExistingDirectory(
            self, translate("Backups", "Restore into a new, empty folder")
        )
        # The question before a backup is put back (True: go ahead); a test may answer it.
        self.confirm_put_back = self._confirm_put_back
        self.reload()

    def _headers(self) -> None:
        self.table.setHorizontalHeaderLabels(
            (
                translate("Backups", "Taken"),
                translate("Backups", "Why"),
                translate("Backups", "Size"),
                translate("Backups", "Checked"),
            )
        )

    def retranslate(self) -> None:
        """Say the sentences with data again in the language just chosen."""
        self._headers()
        self.result.setText(self.said())
        if self.folder_path is not None:
            self._show((self.folder_path, self.backups, self.last))

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        data_dir = self.ctx.data_dir

        def load() -> tuple[Path, list[backups.Backup], dict[str, Any]]:
            folder = backups.folder_for(data_dir)
            return folder, backups.listed(folder), backups.last_result(self.ctx.db)

        self.ctx.background(load, self._show, owner=self)

    def _show(self, loaded: tuple[Path, list[backups.Backup], dict[str, Any]]) -> None:
        folder, found, last = loaded
        self.backups, self.last, self.folder_path = found, last, folder
        self.folder.setText(translate("Backups", "Backups go to {folder}").format(folder=folder))
        self.status.setText(self.words(last))
        # green only for a backup checked good: none taken yet is news, not a success
        color = MUTED if not last else OK if last.get("ok") else BAD
        self.status.setStyleSheet(f"color: {color};")
        self.table.setRowCount(len(found))
        for row, b in enumerate(found):
            cells = (
                when_.moment(b.at.timestamp()),
                translate("Backups", KINDS[b.kind]) if b.kind in KINDS else b.kind,
                _size(b.size),
                translate("Backups", "ok") if b.ok else translate("Backups", "not ok"),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(b.path))
                if col == 0:
                    item.setToolTip(when_.exact_tip(b.at.timestamp()))
                self.table.setItem(row, col, item)
        # the date and time whole on one line: at its default width the column wrapped
        # “2026-12-02 06:06” into a row too short for two lines
        self.table.resizeColumnToContents(0)
        self._selected()
        self.changed.emit()

    @staticmethod
    def words(last: dict[str, Any]) -> str:
        def when(ts: float | None) -> str:
            if not ts:
                return translate("Backups", "never")
            return when_.moment(ts)

        if not last:
            return translate("Backups", "No backup taken yet. Daloy takes one a day while it runs.")
        if last.get("ok"):
            return translate("Backups", "Last backup: {when}, checked and complete.").format(
                when=when(last.get("good_at"))
            )
        return translate(
            "Backups", "The last backup failed ({when}): {error} Last good backup: {good}."
        ).format(when=when(last.get("at")), error=last.get("error"), good=when(last.get("good_at")))

    # -- actions -----------------------------------------------------------------------------
    def back_up_now(self) -> None:
        self.now_button.setEnabled(False)
        self.result.setText(translate("Backups", "Backing up…"))
        self.ctx.background(
            lambda: backups.take_and_record(self.ctx.db, self.ctx.data_dir, "manual"),
            lambda b: self._done(
                lambda: translate("Backups", "Backed up to {path}.").format(path=b.path)
            ),
            lambda exc: self._done(lambda: str(exc)),
            owner=self,
        )

    def _done(self, words: Callable[[], str]) -> None:
        self.now_button.setEnabled(True)
        # the backup still chosen can be restored again at once, not only after the reload
        self._selected()
        self.said = words
        self.result.setText(words())
        self.reload()

    def _choose_backup_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, translate("Backups", "Where should backups go?")
        )
        if chosen:
            self.ctx.background(
                lambda: backups.set_folder(self.ctx.db, Path(chosen)),
                lambda _r: self.reload(),
                owner=self,
            )

    def _selected(self) -> None:
        chosen = bool(self.table.selectedItems())
        self.restore_button.setEnabled(chosen)
        self.put_back_button.setEnabled(chosen)

    def _chosen(self) -> Path | None:
        items = self.table.selectedItems()
        return Path(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _confirm_put_back(self, backup: backups.Backup) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Backups", "Put this backup back?"))
        box.setText(
            translate(
                "Backups",
                "Put the backup of {when} back in place of this workspace? Orders and changes "
                "made since then leave this workspace; they are kept in the backup folder, not "
                "deleted. Daloy restarts to do it, with taking in orders paused until you "
                "resume it.",
            ).format(when=when_.at(backup.at.timestamp()))
        )
        go = box.addButton(
            translate("Backups", "Put back and restart"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    def _put_back_clicked(self) -> None:
        path = self._chosen()
        if path is None:
            return
        backup = next((b for b in self.backups if b.path == path), None) or backups.read(path)
        if not self.confirm_put_back(backup):
            return
        self.put_back_button.setEnabled(False)
        self.result.setText(translate("Backups", "Checking the backup…"))

        def asked(_none: object) -> None:
            self.said = lambda: translate("Backups", "Daloy restarts to put the backup back…")
            self.result.setText(self.said())
            self.restart_asked.emit()

        self.ctx.background(
            lambda: put_back.ask(self.ctx.data_dir, backup),
            asked,
            lambda exc: self._done(lambda: str(exc)),
            owner=self,
        )

    def _restore_clicked(self) -> None:
        path = self._chosen()
        if path is None:
            return
        target = self.choose_folder()
        if target:
            self.restore_into(path, Path(target))

    def restore_into(self, backup_path: Path, target: Path) -> None:
        self.restore_button.setEnabled(False)
        self.result.setText(translate("Backups", "Restoring…"))
        # ``restored.copy`` holds the copy's orders in progress and pauses its intake
        self.ctx.background(
            lambda: restored.copy(backups.read(backup_path), target, later=self.ctx.data_dir),
            lambda copy: self._done(lambda: copy_words(copy.path)),
            lambda exc: self._done(lambda: str(exc)),
            owner=self,
        )
