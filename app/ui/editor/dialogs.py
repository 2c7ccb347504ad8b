"""What the editor's dialogs (Publish, Replay, a past order, versions) share: an explanation
that wraps to the dialog's width, and a button row of one action beside Close or Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from app.ui.text import PlainLabel


def explanation(text: str) -> PlainLabel:
    """Plain text (it may name a workflow or an order), wrapped: a long sentence never widens
    the dialog past a 1024 px screen."""
    label = PlainLabel(text)
    label.setWordWrap(True)
    return label


def action_buttons(
    dialog: QDialog,
    leave: QDialogButtonBox.StandardButton,
    text: str,
    name: str,
    role: QDialogButtonBox.ButtonRole,
) -> tuple[QDialogButtonBox, QPushButton]:
    """``leave`` (Close or Cancel) rejects the dialog; the action button is returned to wire."""
    buttons = QDialogButtonBox(leave)
    action = buttons.addButton(text, role)
    action.setObjectName(name)
    buttons.rejected.connect(dialog.reject)
    return buttons, action
