"""Showing outside data as text, never as markup.

Order fields, step input and output, error messages, customer, workflow and step names come from
outside (a web form, an email, a marketplace, an imported workflow). A QLabel, tooltip or message
box given such text guesses "rich text" from anything that looks like a tag and renders it, so a
crafted order could paint a fake "PAID — ship at once" banner. Every widget that shows data uses
what is here: labels fixed to plain text, tooltips converted from plain text, and ``escape`` for
data placed inside our own markup (always with the label's format set to rich explicitly, so
nothing is left to Qt's guess).
"""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from app.core.i18n import shown


class PlainLabel(QLabel):
    """A label that shows its text exactly as written (``Qt.PlainText``)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)


def escape(text: object) -> str:
    """Data made safe to place inside our own rich-text markup."""
    return html.escape(str(text))


def rich_label(markup: str = "") -> QLabel:
    """A label for our own markup; data inside ``markup`` must have gone through ``escape``."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(markup)
    return label


def tooltip(text: str) -> str:
    """A tooltip showing ``text`` literally (tooltips have no format switch: Qt guesses from
    the text, so the text is turned into markup that displays it as written)."""
    return GuiQt.convertFromPlainText(text, GuiQt.WhiteSpaceMode.WhiteSpacePre) if text else ""


def notification_body(text: str) -> str:
    """The body of a desktop notification. On Linux it goes to a freedesktop notification
    server, which may interpret a subset of HTML in the body; Windows and macOS show it as
    text."""
    return escape(text) if sys.platform.startswith("linux") else text


def shown_title(entry: dict) -> str:
    """An inbox entry's title in the current language (stored language-neutral since
    migration 0010; older entries show as stored)."""
    return shown((entry.get("words") or {}).get("title"), entry.get("title") or "")


def shown_reason(entry: dict) -> str:
    """An inbox entry's reason in the current language (see ``shown_title``)."""
    return shown((entry.get("words") or {}).get("reason"), entry.get("reason") or "")


def confirm(parent: QWidget, title: str, question: str, yes: str, no: str) -> bool:
    """A question whose text may name outside data (a connection, a workflow), answered with
    buttons that say what each does (“Cancel the order” / “Keep the order”, not Yes / No:
    the operator reads the button, not the sentence above it). True for ``yes``."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    for button, text in (
        (QMessageBox.StandardButton.Yes, yes),
        (QMessageBox.StandardButton.No, no),
    ):
        box.button(button).setText(text)
    box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter does not do what cannot be undone
    return box.exec() == QMessageBox.StandardButton.Yes
