"""A workflow's published versions: who published each, when, the note and what changed;
“Restore as draft” puts one into the draft, to check and publish again (the live version runs on
meanwhile)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from app.core.changes import shown_summary
from app.core.i18n import translate
from app.core.own_notes import said_note
from app.store import drafts, workflows
from app.ui import when
from app.ui.context import AppContext
from app.ui.editor.dialogs import action_buttons

if TYPE_CHECKING:
    from app.ui.editor.page import EditorPage


Version = tuple[int, str, float, str, str]  # number, who, when, note, what changed


def load_versions(ctx: AppContext, name: str) -> list[Version]:
    with ctx.db.read() as s:
        return [
            # what changed, in the reader's language (stored with its templates since 0011)
            (
                v.number,
                v.created_by,
                v.created_at,
                said_note(v.note),  # Daloy's own notes (the setup's, an import's) too
                shown_summary(v.summary_words, v.summary or ""),
            )
            for v in workflows.versions(s, name)
        ]


def history_dialog(page: EditorPage, name: str, rows: list[Version]) -> QDialog:
    dlg = QDialog(page)
    dlg.setObjectName("historyDialog")
    dlg.setWindowTitle(translate("EditorPublish", "Versions of “{name}”").format(name=name))
    lay = QVBoxLayout(dlg)
    tree = QTreeWidget()
    tree.setObjectName("versionList")
    tree.setHeaderLabels(
        [
            translate("EditorPublish", "Version"),
            translate("EditorPublish", "Published by"),
            translate("EditorPublish", "When"),
            translate("EditorPublish", "Note"),
            translate("EditorPublish", "What changed"),
        ]
    )
    tree.setWordWrap(True)
    for number, who, at, note, summary in rows:
        item = QTreeWidgetItem([str(number), who, when.moment(at), note, summary])
        item.setData(0, Qt.ItemDataRole.UserRole, number)
        item.setToolTip(2, when.exact_tip(at))
        item.setToolTip(4, summary)
        tree.addTopLevelItem(item)
    for column, width in enumerate((60, 110, 130, 160)):
        tree.setColumnWidth(column, width)
    if (first := tree.topLevelItem(0)) is not None:
        tree.setCurrentItem(first)
    lay.addWidget(tree)
    buttons, restore = action_buttons(
        dlg,
        QDialogButtonBox.StandardButton.Close,
        translate("EditorPublish", "Restore as draft"),
        "restoreVersion",
        QDialogButtonBox.ButtonRole.ActionRole,
    )
    restore.setEnabled(bool(rows))

    def do_restore() -> None:
        chosen = tree.currentItem()
        if chosen is None:
            return
        number = chosen.data(0, Qt.ItemDataRole.UserRole)

        def work() -> Any:
            with page.ctx.db.write() as s:
                return drafts.restore_as_draft(s, name, number)

        def done(draft: drafts.Draft) -> None:
            row = page.rows.get(name)
            if row is not None:
                row.update(draft=True, definition=workflows.definition_of(draft.workflow))
            page.open(draft.workflow, name)
            page._relist()
            page.say(
                translate(
                    "EditorPublish",
                    "Version {version} is now the draft; the live version keeps taking orders "
                    "until you publish.",
                ).format(version=number)
            )
            page.refresh()
            dlg.accept()

        # Restoring replaces what the canvas shows: unsaved edits are asked about first.
        page.resolve_unsaved(
            translate("EditorPublish", "restoring another version"),
            lambda: page.ctx.background(work, done, lambda e: page.say(str(e), bad=True)),
        )

    restore.clicked.connect(do_restore)
    lay.addWidget(buttons)
    dlg.resize(860, 380)
    dlg.open()
    return dlg
