"""The editor's toolbar. What matters is on the toolbar itself, never behind its overflow arrow
at 1024 px: New, Save (the draft), Publish…, the on/off switch, Try it (on the sample order;
its arrow offers a past order and Replay…), Undo/Redo (icons everyone knows, with tooltips),
Tidy up, Fit. The rest is in “More”, a menu that says so (Replay… too). Each action is also a
shortcut of the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.ui.style import icon

if TYPE_CHECKING:
    from app.ui.editor.page import EditorPage


def build_toolbar(page: EditorPage) -> None:
    more = QMenu(page)
    more.setObjectName("moreMenu")

    def act(
        text: str,
        ic: str,
        fn: Callable[..., Any],
        keys: Any = None,
        name: str = "",
        menu: QMenu | None = None,
    ) -> QAction:
        a = QAction(icon(ic), text, page)
        a.triggered.connect(fn)
        if keys:
            a.setShortcuts(keys if isinstance(keys, list) else [keys])
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        a.setObjectName(name)
        (menu.addAction(a) if menu is not None else page.toolbar.addAction(a))
        page.addAction(a)
        return a

    act(translate("Editor", "New"), "fa5s.file", page.new_workflow, name="newWorkflow")
    act(
        translate("Editor", "Save"),
        "fa5s.save",
        lambda: page.save(),
        QKeySequence.StandardKey.Save,
        "saveWorkflow",
    )
    act(
        translate("Editor", "Publish…"), "fa5s.upload", page.publish, name="publishWorkflow"
    ).setToolTip(
        translate(
            "Editor", "Make the draft the version that takes orders (shows what changes first)."
        )
    )
    page.switch_action = act(
        translate("Editor", "Switched off"),
        "fa5s.toggle-off",
        page.toggle_enabled,
        name="switchWorkflow",
    )
    page.switch_action.setCheckable(True)
    tried = act(
        translate("Editor", "Try it"), "fa5s.play", lambda: page.practice(), name="practiceRun"
    )
    tried.setToolTip(
        translate(
            "Editor",
            "Run the workflow as it is on the canvas on its sample order, as a practice run "
            "(nothing is sent). The arrow: on a past order.",
        )
    )
    try_menu = QMenu(page)
    try_menu.setObjectName("tryMenu")
    act(
        translate("Editor", "On the sample order"),
        "fa5s.play",
        lambda: page.practice(),
        name="tryOnSample",
        menu=try_menu,
    )
    act(
        translate("Editor", "On a past order…"),
        "fa5s.history",
        page.practice_on_past_order,
        name="tryOnPastOrder",
        menu=try_menu,
    )
    replay = act(
        translate("Editor", "Replay on past orders…"),
        "fa5s.redo-alt",
        page.replay,
        name="replayOrders",
        menu=try_menu,
    )
    replay.setToolTip(
        translate(
            "Editor",
            "Run the workflow as it is on the canvas on the last orders, as practice runs, "
            "and see which would go differently.",
        )
    )
    tried.setMenu(try_menu)
    try_button = page.toolbar.widgetForAction(tried)
    if isinstance(try_button, QToolButton):
        try_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    page.toolbar.addSeparator()
    page.undo_action = act(
        translate("Editor", "Undo"),
        "fa5s.undo",
        page.undo.undo,
        QKeySequence.StandardKey.Undo,
        "undo",
    )
    page.redo_action = act(
        translate("Editor", "Redo"),
        "fa5s.redo",
        page.undo.redo,
        [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
        "redo",
    )
    for a, keys in ((page.undo_action, "Ctrl+Z"), (page.redo_action, "Ctrl+Y")):
        a.setToolTip(f"{a.text()} ({keys})")
        if isinstance(button := page.toolbar.widgetForAction(a), QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    page.undo.canUndoChanged.connect(page.undo_action.setEnabled)
    page.undo.canRedoChanged.connect(page.redo_action.setEnabled)
    page.undo_action.setEnabled(False)
    page.redo_action.setEnabled(False)
    page.toolbar.addSeparator()
    act(translate("Editor", "Tidy up"), "fa5s.sitemap", page.auto_layout, name="autoLayout")
    act(translate("Editor", "Fit"), "fa5s.expand", lambda: page.view.fit(), name="fitView")
    more.addAction(replay)
    more.addSeparator()
    # (text, icon, what it does, shortcut, object name); None: a separator
    entries: list[tuple[str, str, Callable[[], Any], Any, str] | None] = [
        (
            QT_TRANSLATE_NOOP("Editor", "Rename workflow…"),
            "fa5s.i-cursor",
            page.rename,
            None,
            "renameWorkflow",
        ),
        (
            QT_TRANSLATE_NOOP("Editor", "Duplicate"),
            "fa5s.clone",
            page.duplicate,
            None,
            "duplicateWorkflow",
        ),
        (
            QT_TRANSLATE_NOOP("Editor", "Versions…"),
            "fa5s.history",
            page.history,
            None,
            "versionHistory",
        ),
        (
            QT_TRANSLATE_NOOP("Editor", "Discard draft…"),
            "fa5s.trash-restore",
            page.discard_draft,
            None,
            "discardDraft",
        ),
        (
            QT_TRANSLATE_NOOP("Editor", "Archive"),
            "fa5s.archive",
            page.archive,
            None,
            "archiveWorkflow",
        ),
        (
            QT_TRANSLATE_NOOP("Editor", "Import…"),
            "fa5s.file-import",
            page._import_dialog,
            None,
            "importWorkflow",
        ),
        (
            QT_TRANSLATE_NOOP("Editor", "Export…"),
            "fa5s.file-export",
            page._export_dialog,
            None,
            "exportWorkflow",
        ),
        None,
        (
            QT_TRANSLATE_NOOP("Editor", "Copy"),
            "fa5s.copy",
            page.copy,
            QKeySequence.StandardKey.Copy,
            "copySteps",
        ),
        (
            QT_TRANSLATE_NOOP("Editor", "Paste"),
            "fa5s.paste",
            page.paste,
            QKeySequence.StandardKey.Paste,
            "pasteSteps",
        ),
        (
            QT_TRANSLATE_NOOP("Editor", "Delete"),
            "fa5s.trash",
            page.delete_selected,
            None,
            "deleteSteps",
        ),
    ]
    for entry in entries:
        if entry is None:
            more.addSeparator()
        else:
            text, ic, fn, keys, name = entry
            act(translate("Editor", text), ic, fn, keys, name, more)
    button = QToolButton()
    button.setObjectName("moreButton")
    button.setText(translate("Editor", "More"))
    button.setIcon(icon("fa5s.ellipsis-h"))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setMenu(more)
    page.toolbar.addWidget(button)
    page.more_menu = more
