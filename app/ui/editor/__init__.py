"""The visual step editor: a QObject document around the plain workflow model, undo commands for
every edit, a QGraphicsScene that mirrors the document, the palette, the canvas view and the
schema-generated inspector."""

from app.ui.editor.page import EditorPage

__all__ = ["EditorPage"]
