"""A step dropped onto a connection goes in between (A→B becomes A→step→B, one undo step), the
connection lighting up while the drag is over it; and a step dragged from the palette near the
canvas's edge scrolls the canvas. Driven with real drag events on the real view, and with the
mouse for a step already on the canvas."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.core.model import Edge, Workflow
from app.ui.editor.widgets import MIME
from tests.ui.editor.test_canvas_gestures import far_apart
from tests.ui.editor.test_editor import drop

BLUE, GREY = "#1f6f8b", "#64748b"


def _mime(type_name: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME, type_name.encode())
    return mime


def drag_over(view, type_name: str, at: QPoint, enter: bool = False) -> None:
    """The palette's drag entering or moving over the canvas's viewport at ``at``."""
    kind = QDragEnterEvent if enter else QDragMoveEvent
    mime = _mime(type_name)  # held here: the event does not keep it alive
    event = kind(
        at,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert event.isAccepted()


def let_go(view, type_name: str, at: QPoint) -> None:
    mime = _mime(type_name)
    event = QDropEvent(
        QPointF(at),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def _a_condition_then_a_step(page, qtbot):
    """If / else at the left, its “false” connected to a step 600 px right; all in view."""
    page.open(Workflow("Blank"))
    drop(page, "condition", QPointF(0, 0))
    drop(page, "transform", QPointF(600, 0))
    page.connect_steps("condition", "false", "transform")
    page.scene.clearSelection()
    page.view.fit()
    qtbot.wait(20)
    (edge,) = page.doc.workflow.edges
    item = page.scene.edges[edge]
    middle = page.view.mapFromScene(item.path().pointAtPercent(0.5))
    return edge, item, middle


def test_a_step_dropped_from_the_palette_onto_a_connection_goes_in_between(sample_page, qtbot):
    page = sample_page
    edge, item, middle = _a_condition_then_a_step(page, qtbot)
    before = page.doc.to_dict()
    view = page.view
    drag_over(view, "transform", middle + QPoint(0, 40), enter=True)
    assert item.pen().color().name() == GREY  # away from the line: nothing lights up
    drag_over(view, "transform", middle + QPoint(0, 6))
    # over the line: it turns blue and thicker, as a drop there would go in between
    assert page.scene.insert_edge == edge
    assert (item.pen().color().name(), item.pen().widthF()) == (BLUE, 4)
    let_go(view, "transform", middle + QPoint(0, 6))
    assert page.scene.insert_edge is None
    wf = page.doc.workflow
    assert wf.step_names() == ["condition", "transform", "transform_2"]
    # the condition's “false” leads to the new step, the new step's way on to the old target
    assert [e.to_dict() for e in wf.edges] == [
        {"from": "condition", "port": "false", "to": "transform_2"},
        {"from": "transform_2", "port": "out", "to": "transform"},
    ]
    assert set(page.scene.edges) == set(wf.edges)
    assert [getattr(i, "name", None) for i in page.scene.selectedItems()] == ["transform_2"]
    page.undo.undo()  # one Ctrl+Z: the connection is back as it was, the new step gone
    assert page.doc.to_dict() == before
    assert list(page.scene.edges) == [edge]
    assert page.scene.edges[edge].pen().color().name() == GREY
    page.undo.redo()
    assert [e.to_dict()["to"] for e in page.doc.workflow.edges] == ["transform_2", "transform"]


def test_a_step_with_an_error_way_out_goes_in_by_its_usual_way(sample_page, qtbot):
    page = sample_page
    edge, _item, middle = _a_condition_then_a_step(page, qtbot)
    drag_over(page.view, "http_request", middle, enter=True)
    assert page.scene.insert_edge == edge
    let_go(page.view, "http_request", middle)
    assert [e.to_dict() for e in page.doc.workflow.edges] == [
        {"from": "condition", "port": "false", "to": "http_request"},
        {"from": "http_request", "port": "out", "to": "transform"},
    ]


def test_a_step_with_a_choice_of_ways_out_is_dropped_as_it_is(sample_page, qtbot):
    page = sample_page
    edge, item, middle = _a_condition_then_a_step(page, qtbot)
    drag_over(page.view, "condition", middle, enter=True)
    assert page.scene.insert_edge is None  # true or false: which would go on is not known
    assert item.pen().color().name() == GREY
    let_go(page.view, "condition", middle)
    assert page.doc.workflow.step_names() == ["condition", "transform", "condition_2"]
    assert page.doc.workflow.edges == [edge]


def test_leaving_the_canvas_puts_the_connection_back_to_grey(sample_page, qtbot):
    page = sample_page
    edge, item, middle = _a_condition_then_a_step(page, qtbot)
    drag_over(page.view, "transform", middle, enter=True)
    assert item.pen().color().name() == BLUE
    QApplication.sendEvent(page.view.viewport(), QDragLeaveEvent())
    assert page.scene.insert_edge is None and item.pen().color().name() == GREY


def test_an_unconnected_step_dragged_onto_a_connection_goes_in_between(sample_page, qtbot):
    page = sample_page
    edge, item, middle = _a_condition_then_a_step(page, qtbot)
    drop(page, "wait", QPointF(300, 400))
    page.scene.clearSelection()
    page.view.fit()
    qtbot.wait(20)
    before = page.doc.to_dict()
    middle = page.view.mapFromScene(item.path().pointAtPercent(0.5))
    node = page.scene.nodes["wait"]
    view, vp = page.view, page.view.viewport()
    grip = view.mapFromScene(node.sceneBoundingRect().topLeft() + QPointF(60, 12))
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=grip)
    qtbot.mouseMove(vp, pos=(grip + middle) / 2)
    assert page.scene.insert_edge is None
    qtbot.mouseMove(vp, pos=middle)
    assert page.scene.insert_edge == edge
    assert (item.pen().color().name(), item.pen().widthF()) == (BLUE, 4)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=middle)
    wf = page.doc.workflow
    assert [e.to_dict() for e in wf.edges] == [
        {"from": "condition", "port": "false", "to": "wait"},
        {"from": "wait", "port": "out", "to": "transform"},
    ]
    assert tuple(wf.step("wait").position) != tuple(before["steps"][2]["position"])
    page.undo.undo()  # one Ctrl+Z: the connection and where the step stood are back
    assert page.doc.to_dict() == before
    assert page.scene.nodes["wait"].pos() == QPointF(*before["steps"][2]["position"])


def test_a_connected_step_dragged_over_a_connection_only_moves(sample_page, qtbot):
    page = sample_page
    edge, _item, middle = _a_condition_then_a_step(page, qtbot)
    drop(page, "wait", QPointF(300, 400))
    drop(page, "notify", QPointF(600, 400))
    page.connect_steps("wait", "out", "notify")
    page.scene.clearSelection()
    page.view.fit()
    qtbot.wait(20)
    middle = page.view.mapFromScene(page.scene.edges[edge].path().pointAtPercent(0.5))
    node = page.scene.nodes["wait"]
    vp = page.view.viewport()
    grip = page.view.mapFromScene(node.sceneBoundingRect().topLeft() + QPointF(60, 12))
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=grip)
    qtbot.mouseMove(vp, pos=(grip + middle) / 2)
    qtbot.mouseMove(vp, pos=middle)
    assert page.scene.insert_edge is None
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=middle)
    assert page.doc.workflow.edges == [edge, Edge("wait", "out", "notify")]


def test_a_palette_drag_near_the_edge_scrolls_the_canvas(sample_page, qtbot):
    page = sample_page
    view, _source, target = far_apart(page, qtbot)
    vp = view.viewport()
    bar = view.horizontalScrollBar()
    start = bar.value()
    middle_y = vp.height() // 2
    # in from the palette on the left: crossing the left edge on the way in scrolls nothing
    drag_over(view, "wait", QPoint(2, middle_y), enter=True)
    qtbot.wait(150)
    assert bar.value() == start
    drag_over(view, "wait", QPoint(vp.width() // 2, middle_y))
    # held still at the right edge: the canvas scrolls on its own until the far step shows
    edge_at = QPoint(vp.width() - 4, middle_y)
    drag_over(view, "wait", edge_at)
    qtbot.waitUntil(
        lambda: 0 < view.mapFromScene(target.sceneBoundingRect().center()).x() < vp.width() - 50,
        timeout=10000,
    )
    # back off the edge: the scrolling stops
    away = QPoint(vp.width() // 2, middle_y)
    drag_over(view, "wait", away)
    scrolled = bar.value()
    assert scrolled > start + 500
    qtbot.wait(100)
    assert bar.value() == scrolled
    # dropped where the mouse is, far along the canvas
    let_go(view, "wait", away)
    assert page.doc.workflow.step("wait").position[0] > 500
    # near the left edge (now that the drag has been inside) it scrolls back
    drag_over(view, "wait", QPoint(vp.width() // 2, middle_y), enter=True)
    drag_over(view, "wait", QPoint(3, middle_y))
    qtbot.waitUntil(lambda: bar.value() < scrolled - 100, timeout=10000)
    QApplication.sendEvent(vp, QDragLeaveEvent())  # left the canvas: no more scrolling
    left = bar.value()
    qtbot.wait(100)
    assert bar.value() == left
