"""A step's right-click menu on the canvas, driven through the real view and the real menu:
Change settings, Rename, Duplicate step, Copy, Delete step, each an undo step of its own."""

from __future__ import annotations

import json

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from app.core.model import Workflow
from tests.ui.editor.test_editor import drop
from tests.ui.editor.test_filipino_editor import in_filipino  # noqa: F401 - a fixture


def _two_connected(page):
    page.open(Workflow("Blank"))
    drop(page, "transform", QPointF(0, 0))
    drop(page, "condition", QPointF(400, 0))
    page.connect_steps("transform", "out", "condition")
    page.scene.clearSelection()


def right_click_step(page, qtbot, name: str) -> QMenu:
    """Right-click the middle of the step's node, as the mouse does, and wait for its menu."""
    view = page.view
    node = page.scene.nodes[name]
    at = view.mapFromScene(node.sceneBoundingRect().center())
    assert view.itemAt(at) is node
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at)),
    )
    menu = page.findChild(QMenu, "stepMenu")
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    return menu


def choose(qtbot, menu: QMenu, object_name: str) -> None:
    action = next(a for a in menu.actions() if a.objectName() == object_name)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_the_menu_offers_what_can_be_done_to_one_step(sample_page, qtbot):
    page = sample_page
    _two_connected(page)
    menu = right_click_step(page, qtbot, "transform")
    words = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert words == ["Change settings", "Rename", "Duplicate step", "Copy", "Delete step"]
    # the step alone is selected while its menu is open: its settings show in the inspector
    assert [getattr(i, "name", None) for i in page.scene.selectedItems()] == ["transform"]
    assert page.inspector.step_name == "transform"
    menu.close()


def test_delete_step_from_its_menu_removes_it_and_its_connection_and_undoes(sample_page, qtbot):
    page = sample_page
    _two_connected(page)
    before = page.doc.to_dict()
    menu = right_click_step(page, qtbot, "condition")
    choose(qtbot, menu, "deleteStep")
    assert page.doc.workflow.step_names() == ["transform"]
    assert page.doc.workflow.edges == []
    assert "condition" not in page.scene.nodes
    page.undo.undo()  # one Ctrl+Z: the step and its connection are back
    assert page.doc.to_dict() == before
    assert "condition" in page.scene.nodes and len(page.scene.edges) == 1
    page.undo.redo()
    assert page.doc.workflow.step_names() == ["transform"]


def test_duplicate_step_places_an_unconnected_copy_beside_it_and_undoes(sample_page, qtbot):
    page = sample_page
    _two_connected(page)
    before = page.doc.to_dict()
    menu = right_click_step(page, qtbot, "condition")
    choose(qtbot, menu, "duplicateStep")
    wf = page.doc.workflow
    assert wf.step_names() == ["transform", "condition", "condition_2"]
    copy, original = wf.step("condition_2"), wf.step("condition")
    assert (copy.type, copy.config, copy.title) == (original.type, original.config, original.title)
    assert [e.to_dict() for e in wf.edges] == [
        {"from": "transform", "port": "out", "to": "condition"}
    ]  # the copy is not connected
    # beside it, covering no step; and selected, its settings in the inspector
    rects = {n: page.scene.nodes[n].sceneBoundingRect() for n in wf.step_names()}
    assert not any(rects["condition_2"].intersects(rects[n]) for n in ("transform", "condition"))
    assert [getattr(i, "name", None) for i in page.scene.selectedItems()] == ["condition_2"]
    page.undo.undo()
    assert page.doc.to_dict() == before


def test_copy_from_the_menu_then_paste_adds_that_step(sample_page, qtbot):
    page = sample_page
    _two_connected(page)
    menu = right_click_step(page, qtbot, "transform")
    choose(qtbot, menu, "copyStep")
    clip = json.loads(QApplication.clipboard().text())
    assert [s["name"] for s in clip["daloy_steps"]] == ["transform"]
    page.paste()
    assert page.doc.workflow.step_names() == ["transform", "condition", "transform_2"]


def test_rename_puts_the_cursor_in_the_label_and_the_new_label_undoes(sample_page, qtbot):
    page = sample_page
    _two_connected(page)
    page.window().activateWindow()
    menu = right_click_step(page, qtbot, "transform")
    choose(qtbot, menu, "renameStep")
    title = page.inspector.title
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    label = page.doc.workflow.step("transform").title
    assert title.selectedText() == title.text() == label
    qtbot.keyClicks(title, "Compute the total")  # typed over the selected label
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert page.doc.workflow.step("transform").title == "Compute the total"
    page.undo.undo()
    assert page.doc.workflow.step("transform").title == label


def test_change_settings_puts_the_cursor_in_the_first_setting(sample_page, qtbot):
    page = sample_page
    _two_connected(page)
    page.window().activateWindow()
    menu = right_click_step(page, qtbot, "condition")
    choose(qtbot, menu, "stepSettings")
    box = page.inspector.editors["expression"][1]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    assert page.inspector.step_name == "condition"


def test_the_menu_reads_in_filipino_at_1024x700(in_filipino, gui, qtbot, tmp_path):  # noqa: F811
    from app.ui import language

    _ctx, window = gui
    assert language.current().apply(language.FILIPINO)
    window.resize(1024, 700)
    window.page("workflows")
    page = window.workflows
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)
    _two_connected(page)
    menu = right_click_step(page, qtbot, "transform")
    words = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert words == [
        "Baguhin ang mga setting",
        "Palitan ang pangalan",
        "Doblehin ang hakbang",
        "Kopyahin",
        "Burahin ang hakbang",
    ]
    # every line of the menu is whole on the screen
    assert all(
        menu.fontMetrics().horizontalAdvance(w) < menu.actionGeometry(a).width()
        for w, a in zip(words, [a for a in menu.actions() if not a.isSeparator()], strict=True)
    )
    shot = window.grab()
    from PySide6.QtGui import QPainter

    painter = QPainter(shot)
    painter.drawPixmap(menu.pos() - window.pos(), menu.grab())
    painter.end()
    shot.save(str(tmp_path / "fil-step-menu-1024x700.png"))
    menu.close()
