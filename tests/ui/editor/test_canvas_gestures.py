"""Canvas gestures driven through the real view: a connection's right-click menu."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from app.core.model import Workflow
from tests.ui.editor.test_editor import drop


def _two_connected(page):
    page.open(Workflow("Blank"))
    drop(page, "transform", QPointF(0, 0))
    drop(page, "condition", QPointF(400, 0))
    page.connect_steps("transform", "out", "condition")
    (edge,) = page.doc.workflow.edges
    return edge


def test_right_click_on_a_connection_offers_delete_and_it_undoes(sample_page, qtbot):
    page = sample_page
    edge = _two_connected(page)
    view = page.view
    qtbot.wait(50)
    item = page.scene.edges[edge]
    # a few pixels beside the 2 px line still takes the connection
    at = view.mapFromScene(item.path().pointAtPercent(0.5)) + QPointF(0, 3).toPoint()
    assert view.itemAt(at) is item
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at)),
    )
    menu = page.findChild(QMenu, "connectionMenu")
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    assert item.isSelected() and page.scene.selectedItems() == [item]
    action = next(a for a in menu.actions() if a.objectName() == "deleteConnection")
    assert action.text() == "Delete"
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    assert page.doc.workflow.edges == []
    assert edge not in page.scene.edges
    assert page.doc.workflow.step_names() == ["transform", "condition"]  # the steps stay
    page.undo.undo()
    assert page.doc.workflow.edges == [edge] and edge in page.scene.edges
    page.undo.redo()
    assert page.doc.workflow.edges == []


def test_right_click_on_empty_canvas_opens_no_connection_menu(sample_page, qtbot):
    page = sample_page
    _two_connected(page)
    view = page.view
    at = view.mapFromScene(QPointF(200, 300))
    assert view.itemAt(at) is None
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at)),
    )
    assert page.findChild(QMenu, "connectionMenu") is None
    assert len(page.doc.workflow.edges) == 1
