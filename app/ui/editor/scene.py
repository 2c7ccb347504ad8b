"""The canvas: node and connection items that mirror a ``WorkflowDocument``. Items never edit
the workflow; gestures (moving, linking from a port, a right-click on a step or a connection,
dropping a step onto a connection to put it in between) end in a request the editor page turns
into an undo command. The Menu key and Shift+F10 open the selected step's (or connection's)
menu at its box, as a right-click on it does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.core.i18n import translate
from app.core.model import Edge, Step
from app.core.schema import declared
from app.core.stepspec import ERROR_PORT, SpecRegistry
from app.ui.editor.document import WorkflowDocument
from app.ui.style import icon
from app.ui.text import tooltip

NODE_W = 190
HEAD = 44
PORT_ROW = 20
HIT = 5  # how far from a connection's line a click still takes it
DROP_HIT = 12  # how far from a connection's line a step dropped on it goes in between
STATE_COLORS = {
    "running": "#1f6f8b",
    "succeeded": "#2e7d32",
    "needs_attention": "#c62828",
    "retry_wait": "#c77700",
    "skipped": "#9ca3af",
    "pending": "#9ca3af",
    "ready": "#1f6f8b",
    "cancelled": "#9ca3af",
}


def step_ports(step: Step, specs: SpecRegistry) -> tuple[str, ...]:
    """The output ports the node shows; a broken config shows one port rather than failing."""
    spec = specs.get(step.type)
    if spec is None:
        return ("out",)
    try:
        return spec.ports_for(step.config)
    except Exception:  # noqa: BLE001 - a type's port function may not expect a broken config
        return ("out",)


def new_config(specs: SpecRegistry, type_name: str) -> dict:
    """The settings a step of this type starts with when dropped from the palette."""
    spec = specs.get(type_name)
    fields = spec.fields if spec else ()
    return {f.name: f.default for f in fields if f.required and f.default is not None}


def through_port(step: Step, specs: SpecRegistry) -> str | None:
    """The output a step put in the middle of a connection carries on from: its one output
    besides “error”. None when it has none (End the order) or a choice of them (If / else's
    true and false, a question's answers): such a step is dropped as it is, not in between."""
    spec = specs.get(step.type)
    if spec is None or spec.is_trigger:
        return None
    ports = [p for p in step_ports(step, specs) if p != ERROR_PORT]
    return ports[0] if len(ports) == 1 else None


def node_rect(step: Step, specs: SpecRegistry, pos: tuple[float, float] | None = None) -> QRectF:
    """Where the step's node sits on the canvas (at ``pos`` when given)."""
    x, y = pos if pos is not None else (step.position or (0.0, 0.0))
    return QRectF(x, y, NODE_W, HEAD + max(1, len(step_ports(step, specs))) * PORT_ROW + 8)


def free_offset(
    taken: list[QRectF], placed: list[QRectF], start: tuple[float, float], gap: float = 24
) -> tuple[float, float]:
    """The offset, from ``start`` downwards, at which none of the ``placed`` rectangles covers
    a ``taken`` one: a new or pasted step never hides another."""
    dx, dy = start
    for _ in range(2000):
        moved = [r.translated(dx, dy).adjusted(-gap, -gap, gap, gap) for r in placed]
        blocking = [t for t in taken if any(m.intersects(t) for m in moved)]
        if not blocking:
            return dx, dy
        # jump just below the lowest blocking node instead of creeping down pixel by pixel
        dy = max(
            dy + PORT_ROW,
            max(t.bottom() for t in blocking) + gap + 1 - min(r.top() for r in placed),
        )
    return dx, dy


class NodeItem(QGraphicsObject):
    def __init__(self, scene: EditorScene, name: str) -> None:
        super().__init__()
        self.es = scene
        self.name = name
        self.problem = ""
        self.state: str | None = None
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(True)
        self.setZValue(1)

    # geometry
    def ports(self) -> tuple[str, ...]:
        step = self.es.doc.workflow.step(self.name)
        return step_ports(step, self.es.specs) if step else ("out",)

    def height(self) -> float:
        return HEAD + max(1, len(self.ports())) * PORT_ROW + 8

    def boundingRect(self) -> QRectF:
        return QRectF(-4, -4, NODE_W + 8, self.height() + 8)

    def input_pos(self) -> QPointF:
        return self.mapToScene(QPointF(0, HEAD / 2))

    def port_local(self, port: str) -> QPointF:
        ports = self.ports()
        i = ports.index(port) if port in ports else 0
        return QPointF(NODE_W, HEAD + i * PORT_ROW + PORT_ROW / 2)

    def port_pos(self, port: str) -> QPointF:
        return self.mapToScene(self.port_local(port))

    def port_at(self, scene_pos: QPointF) -> str | None:
        local = self.mapFromScene(scene_pos)
        for port in self.ports():
            p = self.port_local(port)
            if abs(local.x() - p.x()) <= 12 and abs(local.y() - p.y()) <= PORT_ROW / 2:
                return port
        return None

    def paint(
        self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        step = self.es.doc.workflow.step(self.name)
        if step is None:
            return
        spec = self.es.specs.get(step.type)
        h = self.height()
        border = QColor(STATE_COLORS.get(self.state or "", "#94a3b8"))
        if self.isSelected():
            border = QColor("#1f6f8b")
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(border, 2.5 if self.isSelected() or self.state else 1.2))
        p.setBrush(QBrush(QColor("white")))
        p.drawRoundedRect(QRectF(0, 0, NODE_W, h), 8, 8)
        if spec:
            icon(spec.icon, "#1f6f8b").paint(p, 10, 8, 18, 18)
        title_font = QFont()
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(QColor("#111827"))
        p.drawText(
            QRectF(34, 4, NODE_W - 40, 20),
            Qt.AlignmentFlag.AlignVCenter,
            p.fontMetrics().elidedText(step.label, Qt.TextElideMode.ElideRight, NODE_W - 40),
        )
        small = QFont()
        small.setPointSizeF(max(6.0, small.pointSizeF() - 1.5))
        p.setFont(small)
        p.setPen(QColor("#6b7280"))
        p.drawText(
            QRectF(34, 22, NODE_W - 40, 16),
            Qt.AlignmentFlag.AlignVCenter,
            p.fontMetrics().elidedText(
                declared(spec.title)
                if spec
                else translate("Editor", "unknown type {type}").format(type=step.type),
                Qt.TextElideMode.ElideRight,
                NODE_W - 40,
            ),
        )
        # input port
        p.setPen(QPen(QColor("#64748b"), 1.5))
        p.setBrush(QColor("#e2e8f0"))
        p.drawEllipse(QPointF(0, HEAD / 2), 6, 6)
        for port in self.ports():
            pos = self.port_local(port)
            p.setPen(QColor("#374151"))
            p.drawText(
                QRectF(10, pos.y() - PORT_ROW / 2, NODE_W - 24, PORT_ROW),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                port,
            )
            p.setPen(QPen(QColor("#1f6f8b"), 1.5))
            p.setBrush(QColor("#c77700") if port == "error" else QColor("#5cc8e6"))
            p.drawEllipse(pos, 6, 6)
        if self.problem:
            p.setBrush(QColor("#c62828"))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF(NODE_W - 4, 4), 9, 9)
            p.setPen(QColor("white"))
            p.drawText(QRectF(NODE_W - 13, -5, 18, 18), Qt.AlignmentFlag.AlignCenter, "!")

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):  # noqa: ANN001, ANN201
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.es.node_moved(self)
        return super().itemChange(change, value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        port = self.port_at(event.scenePos())
        if port is not None and event.button() == Qt.MouseButton.LeftButton:
            self.es.begin_link(self, port, event.scenePos())
            event.accept()
            return
        self.es.press_positions = {n.name: n.pos() for n in self.es.nodes.values()}
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.es.linking is not None:
            self.es.drag_link(event.scenePos())
            return
        super().mouseMoveEvent(event)
        self.es.drag_step_over(self, event.scenePos())

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        self.es.menu_for(self, event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.es.linking is not None:
            self.es.end_link(event.scenePos())
            return
        super().mouseReleaseEvent(event)
        self.es.finish_move()


class EdgeItem(QGraphicsPathItem):
    def __init__(self, scene: EditorScene, edge: Edge) -> None:
        super().__init__()
        self.es, self.edge = scene, edge
        self.setPen(QPen(QColor("#64748b"), 2))
        self.setZValue(0)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.update_path()

    def boundingRect(self) -> QRectF:  # noqa: N802
        # The curve itself, not its control points (Qt's default): a connection drawn back to
        # an earlier column would otherwise make Fit zoom out to a fraction of the canvas.
        return self.path().boundingRect().adjusted(-HIT, -HIT, HIT, HIT)

    def shape(self) -> QPainterPath:
        # A band along the curve, wider than the 2 px line, so a click or right-click on it hits.
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * HIT)
        return stroker.createStroke(self.path())

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        self.es.menu_for(self, event)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):  # noqa: ANN001, ANN201
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.update_path()  # its colour: blue while selected
        return super().itemChange(change, value)

    def paint(
        self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # Selected, the line turns blue (``update_path``); without this Qt also drew a dashed box
        # round the whole curve, which crossed the steps between its ends.
        option.state &= ~QStyle.StateFlag.State_Selected
        super().paint(p, option, widget)

    def update_path(self) -> None:
        src = self.es.nodes.get(self.edge.source)
        dst = self.es.nodes.get(self.edge.target)
        if src is None or dst is None:
            return
        a, b = src.port_pos(self.edge.port), dst.input_pos()
        path = QPainterPath(a)
        dx = max(40.0, abs(b.x() - a.x()) / 2)
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b)
        self.setPath(path)
        self.show_pen()

    def show_pen(self) -> None:
        """Grey; blue while selected; blue and thicker while a step held over it would be
        put in between (``EditorScene.show_insert``)."""
        target = self.es.insert_edge == self.edge
        blue = self.isSelected() or target
        self.setPen(QPen(QColor("#1f6f8b") if blue else QColor("#64748b"), 4 if target else 2))


def menu_key(event: QKeyEvent) -> bool:
    """The keys that open a menu where the keyboard is: the Menu key, and Shift+F10."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return (event.key() == Qt.Key.Key_Menu and mods == Qt.KeyboardModifier.NoModifier) or (
        event.key() == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier
    )


class EditorScene(QGraphicsScene):
    link_requested = Signal(str, str, str)  # source, port, target
    moved = Signal(dict)  # name -> (old pos, new pos)
    edge_menu_requested = Signal(object, QPoint)  # the Edge right-clicked, where on screen
    step_menu_requested = Signal(str, QPoint)  # the step right-clicked, where on screen
    # a step moved onto a connection: its name, the Edge, its port on, (old pos, new pos)
    insert_requested = Signal(str, object, str, object)

    def __init__(self, doc: WorkflowDocument, specs: SpecRegistry) -> None:
        super().__init__()
        self.doc, self.specs = doc, specs
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[Edge, EdgeItem] = {}
        self.linking: tuple[NodeItem, str, QGraphicsPathItem] | None = None
        self.press_positions: dict[str, QPointF] = {}
        self.insert_edge: Edge | None = None  # the connection a held step would go in
        self._syncing = False
        self._graveyard: list[QGraphicsItem] = []
        doc.reset.connect(self.rebuild)
        doc.step_added.connect(self._add_node)
        doc.step_removed.connect(self._remove_node)
        doc.step_changed.connect(self._changed)
        doc.step_moved.connect(self._moved)
        doc.edge_added.connect(self._add_edge)
        doc.edge_removed.connect(self._remove_edge)
        doc.step_renamed.connect(self._renamed)
        self.setBackgroundBrush(QColor("#f7f8fa"))
        self.rebuild()

    def rebuild(self) -> None:
        self.clearSelection()
        self.clear()
        self._graveyard = []
        self.nodes, self.edges, self.linking = {}, {}, None
        self.insert_edge = None
        for step in self.doc.workflow.steps:
            self._add_node(step.name)
        for edge in self.doc.workflow.edges:
            self._add_edge(edge)

    def _add_node(self, name: str) -> None:
        node = NodeItem(self, name)
        step = self.doc.workflow.step(name)
        self._syncing = True
        pos = step.position if step and step.position else (len(self.nodes) * 230.0, 0.0)
        node.setPos(*pos)
        self._syncing = False
        self.addItem(node)
        self.nodes[name] = node

    def _remove_node(self, name: str) -> None:
        node = self.nodes.pop(name, None)
        if node is not None:
            node.setSelected(False)
            self.removeItem(node)
            # Qt may still touch the item in the event being handled; keep it alive until the
            # next reload instead of letting Python delete it now.
            self._graveyard.append(node)

    def _changed(self, name: str) -> None:
        node = self.nodes.get(name)
        if node:
            node.prepareGeometryChange()
            node.update()
            for e, item in self.edges.items():
                if name in (e.source, e.target):
                    item.update_path()

    def _renamed(self, old: str, new: str) -> None:
        node = self.nodes.pop(old, None)
        if node is not None:
            node.name = new
            self.nodes[new] = node
            node.update()
        for edge in [e for e in self.edges if old in (e.source, e.target)]:
            item = self.edges.pop(edge)
            item.edge = Edge(
                new if edge.source == old else edge.source,
                edge.port,
                new if edge.target == old else edge.target,
            )
            self.edges[item.edge] = item

    def select_only(self, names: list[str]) -> None:
        """Select exactly these steps (a new or pasted step is selected, ready to edit)."""
        self.clearSelection()
        for name in names:
            if name in self.nodes:
                self.nodes[name].setSelected(True)

    def _moved(self, name: str) -> None:
        node, step = self.nodes.get(name), self.doc.workflow.step(name)
        if node and step:
            self._syncing = True
            node.setPos(*(step.position or (0.0, 0.0)))
            self._syncing = False

    def _add_edge(self, edge: Edge) -> None:
        item = EdgeItem(self, edge)
        self.addItem(item)
        self.edges[edge] = item

    def _remove_edge(self, edge: Edge) -> None:
        if self.insert_edge == edge:
            self.insert_edge = None
        item = self.edges.pop(edge, None)
        if item is not None:
            item.setSelected(False)
            self.removeItem(item)
            self._graveyard.append(item)

    def node_moved(self, node: NodeItem) -> None:
        for e, item in self.edges.items():
            if node.name in (e.source, e.target):
                item.update_path()

    def finish_move(self) -> None:
        moves = {}
        for name, node in self.nodes.items():
            old = self.press_positions.get(name)
            if old is not None and old != node.pos():
                step = self.doc.workflow.step(name)
                moves[name] = (step.position if step else None, (node.pos().x(), node.pos().y()))
        self.press_positions = {}
        edge = self.insert_edge
        self.show_insert(None)
        step = self.doc.workflow.step(next(iter(moves))) if len(moves) == 1 else None
        port = through_port(step, self.specs) if step else None
        if step is not None and edge is not None and port is not None:
            self.insert_requested.emit(step.name, edge, port, moves[step.name])
        elif moves:
            self.moved.emit(moves)

    # -- right-click menus ------------------------------------------------------------------------
    def menu_for(self, item: QGraphicsItem, event: QGraphicsSceneContextMenuEvent) -> None:
        """A step's or a connection's right-click menu: the item alone is selected (what the
        menu acts on shows, and the inspector shows a step's settings) while the page opens
        the menu at the mouse."""
        self.clearSelection()
        item.setSelected(True)
        if isinstance(item, EdgeItem):
            self.edge_menu_requested.emit(item.edge, event.screenPos())
        elif isinstance(item, NodeItem):
            self.step_menu_requested.emit(item.name, event.screenPos())
        event.accept()

    # -- the same menus from the keyboard -----------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if menu_key(event):
            self.menu_for_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        if event.reason() == QGraphicsSceneContextMenuEvent.Reason.Keyboard:
            # the system's own menu key (Windows sends one): Qt aims it at the canvas's middle,
            # not at the selected step
            self.menu_for_selection()
            event.accept()
            return
        super().contextMenuEvent(event)

    def menu_for_selection(self) -> bool:
        """The Menu key or Shift+F10 on the canvas: the menu of the one selected step (or
        connection), opened at its box on screen, scrolled into view first; nothing when
        nothing (or more than one thing) is selected, or a menu is already open (the key's
        own press and the system's menu event both arrive). True when a menu was asked for."""
        selected = self.selectedItems()
        views = [v for v in self.views() if v.hasFocus()] or self.views()
        if len(selected) != 1 or not views or QApplication.activePopupWidget() is not None:
            return False
        item, view = selected[0], views[0]
        if isinstance(item, NodeItem):
            box = item.sceneBoundingRect()
            view.ensureVisible(box, 16, 16)
            # just under the box's left end, where its title starts: the box stays readable
            at = view.mapFromScene(box.bottomLeft() + QPointF(12, 0))
        elif isinstance(item, EdgeItem):
            middle = item.mapToScene(item.path().pointAtPercent(0.5))
            view.ensureVisible(QRectF(middle, middle).adjusted(-16, -16, 16, 16))
            at = view.mapFromScene(middle)
        else:
            return False
        port = view.viewport()
        at = QPoint(  # within the canvas, a box larger than it seen in part
            min(max(at.x(), 0), port.width() - 1), min(max(at.y(), 0), port.height() - 1)
        )
        if isinstance(item, NodeItem):
            self.step_menu_requested.emit(item.name, port.mapToGlobal(at))
        else:
            self.edge_menu_requested.emit(item.edge, port.mapToGlobal(at))
        return True

    # -- a step dropped onto a connection goes in between ---------------------------------------
    def edge_to_insert(self, step: Step, at: QPointF) -> Edge | None:
        """The connection a step dropped with the mouse at ``at`` goes in between: the one
        nearest under the mouse (within DROP_HIT), when the step has no connections of its own,
        a single way on (``through_port``) and the mouse is not over another step."""
        if through_port(step, self.specs) is None:
            return None
        wf = self.doc.workflow
        if any(step.name in (e.source, e.target) for e in wf.edges):
            return None
        for name, node in self.nodes.items():
            if name != step.name and node.sceneBoundingRect().contains(at):
                return None
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * DROP_HIT)
        best: tuple[float, Edge] | None = None
        for edge, item in self.edges.items():
            if step.name in (edge.source, edge.target):
                continue
            if not stroker.createStroke(item.path()).contains(at):
                continue
            path = item.path()
            near = min((path.pointAtPercent(i / 64) - at).manhattanLength() for i in range(65))
            if best is None or near < best[0]:
                best = (near, edge)
        return best[1] if best else None

    def show_insert(self, edge: Edge | None) -> None:
        """Highlight the connection a drop would put the step in (None: none)."""
        if edge == self.insert_edge:
            return
        old, self.insert_edge = self.insert_edge, edge
        for e in (old, edge):
            item = self.edges.get(e) if e is not None else None
            if item is not None:
                item.show_pen()

    def drag_step_over(self, node: NodeItem, at: QPointF) -> None:
        """A step held by the mouse: the connection under the mouse lights up when letting go
        would put the step in between (only a step moved alone)."""
        step = self.doc.workflow.step(node.name)
        alone = [i for i in self.selectedItems() if isinstance(i, NodeItem)] == [node]
        self.show_insert(self.edge_to_insert(step, at) if step and alone else None)

    def drag_type_over(self, type_name: str, at: QPointF) -> None:
        """A step type dragged from the palette over the canvas, the mouse at ``at``."""
        if type_name not in self.specs:
            return self.show_insert(None)
        probe = Step(self.doc.unique_name(type_name), type_name, new_config(self.specs, type_name))
        self.show_insert(self.edge_to_insert(probe, at))

    def end_drag(self) -> None:
        self.show_insert(None)

    # -- the link gesture -----------------------------------------------------------------------
    def begin_link(self, node: NodeItem, port: str, pos: QPointF) -> None:
        line = QGraphicsPathItem()
        line.setPen(QPen(QColor("#1f6f8b"), 2, Qt.PenStyle.DashLine))
        self.addItem(line)
        self.linking = (node, port, line)
        self.drag_link(pos)

    def drag_link(self, pos: QPointF) -> None:
        if self.linking is None:
            return
        node, port, line = self.linking
        a = node.port_pos(port)
        path = QPainterPath(a)
        path.lineTo(pos)
        line.setPath(path)

    def end_link(self, pos: QPointF) -> None:
        if self.linking is None:
            return
        node, port, line = self.linking
        self.removeItem(line)
        self.linking = None
        target = next(
            (
                n
                for n in self.nodes.values()
                if n is not node and n.sceneBoundingRect().contains(pos)
            ),
            None,
        )
        if target is not None:
            self.link_requested.emit(node.name, port, target.name)

    def set_problems(self, problems: dict[str, str]) -> None:
        for name, node in self.nodes.items():
            node.problem = problems.get(name, "")
            node.setToolTip(tooltip(node.problem))
            node.update()

    def set_states(self, states: dict[str, str]) -> None:
        for name, node in self.nodes.items():
            node.state = states.get(name)
            node.update()


def layered_layout(
    doc: WorkflowDocument, specs: SpecRegistry | None = None, dx: float = 250, dy: float = 40
) -> dict[str, tuple[float, float]]:
    """Layers by longest path from the entry steps, ordered within a layer by the average
    position of their predecessors (a small Sugiyama), left to right."""
    wf = doc.workflow
    layer: dict[str, int] = {}
    order = wf.step_names()
    for _ in range(len(order)):
        changed = False
        for name in order:
            preds = [e.source for e in wf.incoming(name)]
            value = max((layer.get(p, 0) + 1 for p in preds), default=0)
            if layer.get(name) != value:
                layer[name] = value
                changed = True
        if not changed:
            break
    layers: dict[int, list[str]] = {}
    for name in order:
        layers.setdefault(layer[name], []).append(name)
    index: dict[str, float] = {}
    heights = {
        n: node_rect(doc.workflow.existing_step(n), specs or SpecRegistry()).height() for n in order
    }
    positions: dict[str, tuple[float, float]] = {}
    for col in sorted(layers):
        names = layers[col]
        names.sort(
            key=lambda n: (
                sum(index.get(e.source, 0) for e in wf.incoming(n)) / max(1, len(wf.incoming(n)))
            )
        )
        y = 0.0
        for i, n in enumerate(names):
            index[n] = i
            positions[n] = (col * dx, y)
            y += heights[n] + dy + 40
    return positions
