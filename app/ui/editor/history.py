"""A workflow's versions: who saved each, when and what changed; restoring one saves it again as
the newest version."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from app.store import workflows
from app.ui.context import AppContext
from app.ui.style import clock

if TYPE_CHECKING:
    from app.ui.editor.page import EditorPage


def load_versions(ctx: AppContext, name: str) -> list[tuple[int, str, float, str]]:
    with ctx.db.read() as s:
        return [(v.number, v.created_by, v.created_at, v.summary)
                for v in workflows.versions(s, name)]


def history_dialog(page: EditorPage, name: str, rows: list[tuple[int, str, float, str]]
                   ) -> QDialog:
    dlg = QDialog(page)
    dlg.setObjectName("historyDialog")
    dlg.setWindowTitle(f"Versions of “{name}”")
    lay = QVBoxLayout(dlg)
    tree = QTreeWidget()
    tree.setObjectName("versionList")
    tree.setHeaderLabels(["Version", "By", "When", "What changed"])
    for number, who, at, summary in rows:
        item = QTreeWidgetItem([str(number), who, clock(at), summary])
        item.setData(0, Qt.ItemDataRole.UserRole, number)
        tree.addTopLevelItem(item)
    tree.setCurrentItem(tree.topLevelItem(0))
    lay.addWidget(tree)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    restore = buttons.addButton("Restore this version", QDialogButtonBox.ButtonRole.ActionRole)
    restore.setObjectName("restoreVersion")
    buttons.rejected.connect(dlg.reject)

    def do_restore() -> None:
        number = tree.currentItem().data(0, Qt.ItemDataRole.UserRole)

        def work() -> Any:
            with page.ctx.db.write() as s:
                saved = workflows.restore(s, name, number)
                return saved, workflows.load(s, name)[2]

        def done(result: Any) -> None:
            saved, wf = result
            page.open(wf)
            page.say(f"Version {number} restored as version {saved.number}.")
            page.refresh()
            dlg.accept()

        # Restoring replaces what the canvas shows: unsaved edits are asked about first.
        page.resolve_unsaved("restoring another version", lambda: page.ctx.background(
            work, done, lambda e: page.say(str(e), bad=True)))

    restore.clicked.connect(do_restore)
    lay.addWidget(buttons)
    dlg.resize(640, 360)
    dlg.open()
    return dlg
