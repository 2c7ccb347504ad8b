"""The visual step editor: a QObject document around the plain workflow model, undo commands for
every edit, a QGraphicsScene that mirrors the document, the palette, the canvas view and the
schema-generated inspector.

``EditorPage`` is imported on first use, not with the package: the inbox's forms use
``app.ui.editor.fields`` at start-up, and importing the package must not load the whole editor
(its page, canvas, scene and practice view: ~2.5 MB) before the operator opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.ui.editor.page import EditorPage

__all__ = ["EditorPage"]


def __getattr__(name: str) -> Any:
    if name == "EditorPage":
        from app.ui.editor.page import EditorPage

        return EditorPage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
