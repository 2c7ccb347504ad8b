"""The canvas view: it opens fitted to the workflow and keeps it fitted until the operator moves
around; dragging empty canvas (or with the middle button, or with Space held) pans, the wheel
scrolls, Ctrl+wheel and pinch zoom, Shift+drag selects with a rubber band; dragging a step, a
new connection or a step from the palette near the edge scrolls the canvas that way; steps and
files are dropped here; an empty canvas says what to do."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QLabel, QPinchGesture

from app.core.i18n import QT_TRANSLATE_NOOP, translate

MIME = "application/x-daloy-step-type"
EMPTY_HINT = QT_TRANSLATE_NOOP(
    "Editor",
    "This workflow has no steps yet.\nDrag a step from the list on the left onto the "
    "canvas, or import a workflow file (More ▸ Import…).",
)
MIN_SCALE, MAX_SCALE = 0.05, 4.0
# Below this a step's title cannot be read (the sample order workflow fitted whole on a
# 1366×768 screen came out at ~35 %): a workflow opens no smaller, at its first steps.
READABLE = 0.6
# Dragging a step or a connection within EDGE px of the canvas's edge (or past it) scrolls the
# canvas every SCROLL_MS, faster the closer to the edge, up to SCROLL_MAX px a tick: at 1024x700
# the canvas is ~265 px wide and a step off screen could not be reached without zooming out.
# A step dragged in from the palette scrolls the same, once it has been inside the edges: it
# comes in over the left edge, which would otherwise scroll the canvas on its way in.
EDGE, SCROLL_MS, SCROLL_MAX = 32, 25, 16


class CanvasView(QGraphicsView):
    dropped = Signal(str, QPointF)
    delete_pressed = Signal()
    nudge = Signal(float, float)
    file_dropped = Signal(str)
    dragging = Signal(str, QPointF)  # a step type from the palette held over the canvas, where
    drag_ended = Signal()  # it left the canvas or was dropped

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("editorCanvas")
        self.setAcceptDrops(True)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        # Fitted until the operator pans or zooms: resizing the window (or the page becoming
        # visible for the first time) fits again instead of leaving a corner of the workflow.
        self.fitted = True
        self.readable = True  # the fit keeps steps readable (opening) or shows them all (Fit)
        self._pan_last: QPointF | None = None
        self._pan_moved = False
        self._space = False
        self._drag_at: QPointF | None = None  # where a step or connection is being dragged
        self._dragged_type: str | None = None  # a step type from the palette, over the canvas
        self._inside = False  # ... and it has been inside the edges (its scrolling is armed)
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setInterval(SCROLL_MS)
        self._scroll_timer.timeout.connect(self._auto_scroll)
        self.hint = QLabel(translate("Editor", EMPTY_HINT), self.viewport())
        self.hint.setObjectName("canvasHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #6b7280; font-size: 11pt;")
        self.hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hint.hide()

    # -- where we look ----------------------------------------------------------------------------
    def setScene(self, scene) -> None:  # noqa: ANN001, N802
        super().setScene(scene)
        # A bound method, not a lambda: Qt drops the connection when this view is deleted, so a
        # scene that outlives it never calls into a deleted view.
        scene.sceneRectChanged.connect(self._scene_rect_changed)

    def _scene_rect_changed(self, _rect: object) -> None:
        self._grow_scene_rect(only_if_short=True)

    def scale_now(self) -> float:
        return self.transform().m11()

    def zoom(self, factor: float) -> None:
        scale = self.scale_now() * factor
        if MIN_SCALE <= scale <= MAX_SCALE:
            self.scale(factor, factor)
            self.fitted = False
            self._grow_scene_rect()

    def fit(self, readable: bool = False) -> None:
        """Show every step, never enlarged past 100 %; with ``readable`` (a workflow just
        opened), never shrunk below ``READABLE`` either: then its start is shown, the rest is
        a pan or the Fit button away."""
        self.fitted, self.readable = True, readable
        if self.scene() is None or self.viewport().width() < 50:
            return
        rect = self.scene().itemsBoundingRect()
        self.resetTransform()
        if rect.isEmpty():
            self._grow_scene_rect()
            self.centerOn(0, 0)
            return
        rect = rect.adjusted(-30, -30, 30, 30)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.scale_now() > 1.0:
            self.resetTransform()
        if not readable or self.scale_now() >= READABLE:
            self._grow_scene_rect()
            self.centerOn(rect.center())
            return
        self.resetTransform()
        self.scale(READABLE, READABLE)
        self._grow_scene_rect()
        seen = self.visible_scene_rect()
        tall = rect.height() > seen.height()
        self.centerOn(
            rect.left() + seen.width() / 2,
            rect.top() + seen.height() / 2 if tall else rect.center().y(),
        )

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def _grow_scene_rect(self, only_if_short: bool = False) -> None:
        """Room to pan: the workflow and what is on screen, plus a screenful around them.
        ``only_if_short``: left as it is while the workflow and the screen are inside it (the
        scene grew under a drag: re-centring can shift the view a pixel, which moves the
        dragged connection's end, which grows the scene again, without end)."""
        if self.scene() is None:
            return
        center = self.mapToScene(self.viewport().rect().center())
        visible = self.visible_scene_rect()
        rect = self.scene().itemsBoundingRect().united(visible)
        if only_if_short and self.sceneRect().contains(rect):
            return
        margin = max(visible.width(), visible.height()) / 2
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))
        self.centerOn(center)

    def set_empty(self, empty: bool) -> None:
        self.hint.setVisible(empty)
        self._place_hint()

    def _place_hint(self) -> None:
        vp = self.viewport().rect()
        width = min(vp.width() - 40, 420)
        height = self.hint.heightForWidth(width) if width > 0 else 0
        self.hint.setGeometry((vp.width() - width) // 2, (vp.height() - height) // 2, width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_hint()
        if self.fitted:
            self.fit(self.readable)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self.fitted:
            self.fit(self.readable)

    # -- moving around --------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y() or event.pixelDelta().y()
            if delta:
                self.zoom(1.15 if delta > 0 else 1 / 1.15)
            event.accept()
            return
        self.fitted = False
        self._grow_scene_rect()
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        # (the event's type() says which QEvent subclass it is)
        if event.type() == QEvent.Type.NativeGesture:
            native = cast(QNativeGestureEvent, event)
            if native.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom(1.0 + native.value())  # a trackpad pinch (macOS, Wayland)
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = cast(QGestureEvent, event).gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):  # a touch-screen pinch
                self.zoom(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    def _starts_pan(self, event: QMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.MiddleButton:
            return True
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if self._space:
            return True
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        return not shift and self.itemAt(event.position().toPoint()) is None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._starts_pan(event):
            self._pan_last, self._pan_moved = event.position(), False
            self._grow_scene_rect()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self.itemAt(event.position().toPoint()) is None
        ):
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)  # Shift+drag selects
        super().mousePressEvent(event)
        scene = self.scene()
        if (
            event.button() == Qt.MouseButton.LeftButton
            and scene is not None
            and scene.mouseGrabberItem() is not None
        ):
            self._drag_at = event.position()  # a step (or a connection from its port) is held

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_last is not None:
            delta = event.position() - self._pan_last
            self._pan_last = event.position()
            if delta.manhattanLength() > 0:
                self._pan_moved, self.fitted = True, False
                h, v = self.horizontalScrollBar(), self.verticalScrollBar()
                h.setValue(h.value() - round(delta.x()))
                v.setValue(v.value() - round(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)
        if self._drag_at is not None:
            self._drag_to(event.position())

    def _drag_to(self, at: QPointF) -> None:
        """A drag (a step, a connection, a step from the palette) is at ``at``: near an edge
        the canvas scrolls on its own, and stops when the mouse moves away."""
        self._drag_at = at
        if self._scroll_step() != (0, 0):
            if not self._scroll_timer.isActive():
                self._scroll_timer.start()
        else:
            self._scroll_timer.stop()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_last is not None:
            if not self._pan_moved and self.scene() is not None:
                self.scene().clearSelection()  # a click on empty canvas deselects
            self._pan_last = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor
            )
            event.accept()
            return
        self._drag_at = None
        self._scroll_timer.stop()
        super().mouseReleaseEvent(event)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)

    def _scroll_step(self) -> tuple[int, int]:
        """How far to scroll this tick for the drag where it is: (0, 0) away from the edges."""
        if self._drag_at is None or (self._dragged_type is not None and not self._inside):
            return 0, 0
        vp = self.viewport().rect()

        def along(at: float, size: int) -> int:
            if at < EDGE:
                return -round(SCROLL_MAX * min(1.0, (EDGE - at) / EDGE))
            if at > size - EDGE:
                return round(SCROLL_MAX * min(1.0, (at - (size - EDGE)) / EDGE))
            return 0

        return along(self._drag_at.x(), vp.width()), along(self._drag_at.y(), vp.height())

    def _auto_scroll(self) -> None:
        dx, dy = self._scroll_step()
        scene, at = self.scene(), self._drag_at
        palette = self._dragged_type
        if (
            (dx, dy) == (0, 0)
            or at is None
            or scene is None
            or (palette is None and scene.mouseGrabberItem() is None)
        ):
            self._scroll_timer.stop()
            return
        self.fitted = False
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        if not (
            h.minimum() <= h.value() + dx <= h.maximum()
            and v.minimum() <= v.value() + dy <= v.maximum()
        ):
            self._grow_scene_rect()  # room to scroll on past the workflow
        h.setValue(h.value() + dx)
        v.setValue(v.value() + dy)
        if palette is not None:  # the connection under the mouse may be another one now
            self.dragging.emit(palette, self.mapToScene(at.toPoint()))
            return
        # The mouse stood still while the canvas moved under it: the held step or the
        # connection's loose end follows it to the same spot on screen.
        super().mouseMoveEvent(
            QMouseEvent(
                QEvent.Type.MouseMove,
                at,
                self.viewport().mapToGlobal(at),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )

    # -- drops ----------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802
        mime = event.mimeData()
        if mime.hasFormat(MIME) or mime.hasUrls():
            event.acceptProposedAction()
        if not mime.hasFormat(MIME):
            return
        # a step type from the palette: the connection it would go in lights up, and near an
        # edge the canvas scrolls (once the drag has been inside the edges)
        at = event.position()
        if self._dragged_type is None:
            self._dragged_type, self._inside = bytes(mime.data(MIME)).decode(), False
        vp = self.viewport().rect()
        if EDGE <= at.x() <= vp.width() - EDGE and EDGE <= at.y() <= vp.height() - EDGE:
            self._inside = True
        self._drag_to(at)
        self.dragging.emit(self._dragged_type, self.mapToScene(at.toPoint()))

    dragMoveEvent = dragEnterEvent

    def dragLeaveEvent(self, event) -> None:  # noqa: ANN001, N802
        self._end_palette_drag()

    def _end_palette_drag(self) -> None:
        if self._dragged_type is not None:
            self._dragged_type, self._drag_at = None, None
            self._scroll_timer.stop()
            self.drag_ended.emit()

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802
        mime = event.mimeData()
        self._end_palette_drag()
        if mime.hasFormat(MIME):
            self.dropped.emit(
                bytes(mime.data(MIME)).decode(), self.mapToScene(event.position().toPoint())
            )
            event.acceptProposedAction()
        elif mime.hasUrls():
            for url in mime.urls():
                if url.toLocalFile().endswith(".json"):
                    self.file_dropped.emit(url.toLocalFile())
            event.acceptProposedAction()

    # -- keys -----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        ctrl = mods & Qt.KeyboardModifier.ControlModifier
        if key == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self._space = True
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
        elif key == Qt.Key.Key_F and not mods:
            self.fit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and ctrl:
            self.zoom(1.2)
        elif key == Qt.Key.Key_Minus and ctrl:
            self.zoom(1 / 1.2)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 10.0
            dx = {Qt.Key.Key_Left: -step, Qt.Key.Key_Right: step}.get(Qt.Key(key), 0.0)
            dy = {Qt.Key.Key_Up: -step, Qt.Key.Key_Down: step}.get(Qt.Key(key), 0.0)
            self.nudge.emit(dx, dy)
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            return
        super().keyReleaseEvent(event)
