"""Canvas gestures driven through the real view: a connection's right-click menu."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
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


def far_apart(page, qtbot):
    """Two steps 1,400 px apart at 100 %, the view on the first: the second is off screen."""
    page.open(Workflow("Blank"))
    drop(page, "transform", QPointF(0, 0))
    drop(page, "condition", QPointF(1400, 0))
    page.scene.clearSelection()
    view = page.view
    view.resetTransform()
    view.fitted = False
    view._grow_scene_rect()
    view.centerOn(page.scene.nodes["transform"].sceneBoundingRect().center())
    qtbot.wait(20)
    target = page.scene.nodes["condition"]
    assert not view.visible_scene_rect().intersects(target.sceneBoundingRect())
    return view, page.scene.nodes["transform"], target


def test_dragging_a_connection_to_the_edge_scrolls_to_a_step_off_screen(sample_page, qtbot):
    page = sample_page
    view, source, target = far_apart(page, qtbot)
    vp = view.viewport()
    a = view.mapFromScene(source.port_pos("out"))
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=a)
    edge_at = QPoint(vp.width() - 4, a.y())
    qtbot.mouseMove(vp, pos=QPoint(edge_at.x() - 40, a.y()))
    qtbot.mouseMove(vp, pos=edge_at)
    # the mouse holds still at the edge; the canvas scrolls on its own until the step shows
    qtbot.waitUntil(
        lambda: 0 < view.mapFromScene(target.sceneBoundingRect().center()).x() < vp.width() - 50,
        timeout=10000,
    )
    # the dashed line's loose end stayed under the mouse while the canvas moved
    line = page.scene.linking[2]
    end = line.path().pointAtPercent(1.0)
    assert (view.mapFromScene(end) - edge_at).manhattanLength() <= 2
    b = view.mapFromScene(target.sceneBoundingRect().center())
    qtbot.mouseMove(vp, pos=b)  # away from the edge: the scrolling stops
    scrolled = view.horizontalScrollBar().value()
    qtbot.wait(100)
    assert view.horizontalScrollBar().value() == scrolled
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=b)
    assert [e.to_dict() for e in page.doc.workflow.edges] == [
        {"from": "transform", "port": "out", "to": "condition"}
    ]


def test_dragging_a_step_to_the_edge_scrolls_and_carries_it_along(sample_page, qtbot):
    page = sample_page
    view, source, _target = far_apart(page, qtbot)
    vp = view.viewport()
    grip = view.mapFromScene(source.sceneBoundingRect().topLeft() + QPointF(60, 12))
    start_x = view.horizontalScrollBar().value()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=grip)
    edge_at = QPoint(vp.width() - 2, grip.y())
    qtbot.mouseMove(vp, pos=QPoint(grip.x() + 20, grip.y()))
    qtbot.mouseMove(vp, pos=edge_at)
    qtbot.waitUntil(lambda: view.horizontalScrollBar().value() > start_x + 500, timeout=10000)
    # the step is still under the mouse, far right of where it started
    assert source.sceneBoundingRect().contains(view.mapToScene(edge_at))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=edge_at)
    x = page.doc.workflow.step("transform").position[0]
    assert x > 500
    scrolled = view.horizontalScrollBar().value()
    qtbot.wait(100)
    assert view.horizontalScrollBar().value() == scrolled  # released: no more scrolling
    page.undo.undo()
    assert page.doc.workflow.step("transform").position[0] == 0


def test_a_selected_connection_is_drawn_without_a_box_round_it(sample_page, qtbot):
    """Selected (by a click or its right-click menu) a connection turns blue; Qt's dashed box
    round its whole curve, drawn across the steps between its ends, is left out."""
    from PySide6.QtGui import QImage, QPainter

    page = sample_page
    page.open(Workflow("Blank"))
    drop(page, "transform", QPointF(0, 0))
    drop(page, "condition", QPointF(400, 300))  # lower: the curve's box is tall
    page.connect_steps("transform", "out", "condition")
    (edge,) = page.doc.workflow.edges
    item = page.scene.edges[edge]
    page.scene.clearSelection()
    item.setSelected(True)
    rect = item.boundingRect()
    image = QImage(int(rect.width()) + 1, int(rect.height()) + 1, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    page.scene.render(painter, image.rect(), rect)
    painter.end()
    background = image.pixelColor(image.width() // 4, image.height() * 3 // 4)
    # the line's middle is drawn in the selected colour...
    mid = item.path().pointAtPercent(0.5) - rect.topLeft()
    assert image.pixelColor(int(mid.x()), int(mid.y())) != background
    assert item.pen().color().name() == "#1f6f8b"  # blue while selected, grey when not
    item.setSelected(False)
    assert item.pen().color().name() == "#64748b"
    # ...and the box's left and bottom sides, away from the curve (which runs from the top
    # left to the bottom right), are canvas
    h, w = image.height(), image.width()
    left = {image.pixelColor(x, y).name() for x in (0, 1, 2) for y in range(h // 3, h)}
    bottom = {
        image.pixelColor(x, y).name() for y in (h - 1, h - 2, h - 3) for x in range(w * 2 // 3)
    }
    assert left == bottom == {background.name()}
