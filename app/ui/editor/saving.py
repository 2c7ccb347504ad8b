"""Where the editor's edits go, and the question asked before unsaved edits could be lost.

``save_workflow`` is the one function the editor saves through (run on a worker thread): when
drafts and publishing arrive in ``app.store``, this is the line to re-point; the page does not
know how a workflow is stored."""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.model import Workflow
from app.core.validation import Problem
from app.store import workflows
from app.ui.context import AppContext


def save_workflow(ctx: AppContext, wf: Workflow, old_name: str | None,
                  problems: list[Problem]) -> Any:
    """Store ``wf`` (its problems decide whether it may take orders); returns what was saved,
    with ``.number`` the version number. Runs on a worker thread."""
    with ctx.db.write() as s:
        return workflows.save(s, wf, has_errors=bool(problems), rename_from=old_name)


def count(n: int, thing: str) -> str:
    """“1 problem”, “2 problems”: never “1 problem(s)”."""
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def saved_message(number: int, problems: list[Problem]) -> str:
    if not problems:
        return f"Saved as version {number}."
    return (f"Saved as version {number} — a draft with {count(len(problems), 'problem')}; it "
            "cannot be switched on until they are fixed.")


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, name: str, leaving_for: str) -> Unsaved:
    """Save / Discard / Cancel, before something would throw away unsaved edits."""
    box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes",
                      f"“{name}” has changes that are not saved yet. Save them before "
                      f"{leaving_for}?",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("unsavedQuestion")
    box.setTextFormat(Qt.TextFormat.PlainText)           # the name comes from outside
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.button(QMessageBox.StandardButton.Discard).setText("Discard changes")
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL
