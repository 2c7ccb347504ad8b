"""Where the editor's edits go, and the question asked before unsaved edits could be lost.

``save_workflow`` is the one function the editor saves through (run on a worker thread): it
stores the workflow's draft (``app.store.drafts``), never the live version, so saving never
changes what orders run on or whether the workflow takes orders; Publish makes it live."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.i18n import translate
from app.core.model import Workflow
from app.core.validation import Problem
from app.store import drafts
from app.ui.context import AppContext


def save_workflow(ctx: AppContext, wf: Workflow, old_name: str | None) -> drafts.Draft:
    """Store ``wf`` as the draft of the workflow it was opened as (``old_name``; a new one when
    None), even with problems. Runs on a worker thread."""
    with ctx.db.write() as s:
        return drafts.save_draft(s, wf, name=old_name)


def draft_words(live_version: int | None) -> str:
    """What the editor says about an open draft: it takes no orders, the live version does."""
    if live_version is None:
        return translate(
            "Editor",
            "Draft — not taking orders yet; it has never been published. Publish it to "
            "start taking orders.",
        )
    return translate(
        "Editor",
        "Draft — not taking orders yet; the live version {version} keeps running "
        "until you publish.",
    ).format(version=live_version)


def saved_message(live_version: int | None, problems: list[Problem]) -> str:
    if not problems:
        said = translate("Editor", "Draft saved")
    elif len(problems) == 1:
        said = translate("Editor", "Draft saved with 1 problem (fix it before publishing)")
    else:
        said = translate(
            "Editor", "Draft saved with {n} problems (fix them before publishing)"
        ).format(n=len(problems))
    kept = (
        translate("Editor", "the live version {version} keeps taking orders").format(
            version=live_version
        )
        if live_version is not None
        else translate("Editor", "it takes no orders until you publish it")
    )
    return translate("Editor", "{saved}; {kept}.").format(saved=said, kept=kept)


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, name: str, leaving_for: str) -> Unsaved:
    """Save / Discard / Cancel, before something would throw away unsaved edits."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Editor", "Unsaved changes"),
        translate(
            "Editor", "“{name}” has changes that are not saved yet. Save them before {doing}?"
        ).format(name=name, doing=leaving_for),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("unsavedQuestion")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the name comes from outside
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.button(QMessageBox.StandardButton.Discard).setText(translate("Editor", "Discard changes"))
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL
