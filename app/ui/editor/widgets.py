"""The palette (drag a step type onto the canvas), the canvas view (zoom, pan, drop, keys) and
the inspector (a form generated from the selected step's declared schema)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QLocale, QMimeData, QPointF, Qt, Signal
from PySide6.QtGui import (
    QDoubleValidator,
    QDrag,
    QIntValidator,
    QKeyEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QGraphicsView,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core import schema
from app.core.retry import RETRY_FIELDS
from app.core.stepspec import SpecRegistry, StepSpec
from app.ui.style import icon
from app.ui.text import PlainLabel, escape, rich_label

MIME = "application/x-daloy-step-type"


class Palette(QWidget):
    def __init__(self, specs: SpecRegistry) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a step…")
        self.search.setObjectName("paletteSearch")
        self.list = PaletteList()
        self.list.setObjectName("stepPalette")
        lay.addWidget(self.search)
        lay.addWidget(self.list, 1)
        category = None
        for spec in specs:
            if spec.category != category:
                category = spec.category
                head = QListWidgetItem(category.upper())
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                self.list.addItem(head)
            item = QListWidgetItem(icon(spec.icon, "#1f6f8b"), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            item.setToolTip(f"{spec.summary}\n\n{spec.help}")
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)

    def _filter(self, text: str) -> None:
        t = text.lower().strip()
        for i in range(self.list.count()):
            item = self.list.item(i)
            name = item.data(Qt.ItemDataRole.UserRole)
            item.setHidden(bool(t) and (name is None or (t not in item.text().lower()
                                                          and t not in item.toolTip().lower())))


class PaletteList(QListWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mime_for(self, item: QListWidgetItem) -> QMimeData:
        mime = QMimeData()
        mime.setData(MIME, str(item.data(Qt.ItemDataRole.UserRole)).encode())
        return mime

    def startDrag(self, actions: Qt.DropAction) -> None:  # noqa: N802
        item = self.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mime_for(item))
        drag.exec(Qt.DropAction.CopyAction)


class CanvasView(QGraphicsView):
    dropped = Signal(str, QPointF)
    delete_pressed = Signal()
    nudge = Signal(float, float)
    file_dropped = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("editorCanvas")
        self.setAcceptDrops(True)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if 0.15 < scale < 4:
            self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)

    def fit(self) -> None:
        """Show the whole workflow, but never so small that labels cannot be read: a long one
        starts at its first steps and is panned from there."""
        rect = self.scene().itemsBoundingRect().adjusted(-40, -40, 40, 40)
        if rect.isEmpty() or self.viewport().width() < 50:
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self.transform().m11()
        if scale > 1.0 or scale < 0.6:
            self.resetTransform()
            s = min(1.0, max(0.6, scale))
            self.scale(s, s)
            if scale < 0.6:
                self.ensureVisible(rect.left(), rect.center().y(), 1, 1, 20, 20)
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            else:
                self.centerOn(rect.center())

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.fit()

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.mimeData().hasFormat(MIME) or event.mimeData().hasUrls():
            event.acceptProposedAction()

    dragMoveEvent = dragEnterEvent

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802
        mime = event.mimeData()
        if mime.hasFormat(MIME):
            self.dropped.emit(bytes(mime.data(MIME)).decode(), self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
        elif mime.hasUrls():
            for url in mime.urls():
                if url.toLocalFile().endswith(".json"):
                    self.file_dropped.emit(url.toLocalFile())
            event.acceptProposedAction()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
        elif key == Qt.Key.Key_F and not event.modifiers():
            self.fit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.2)
        elif key == Qt.Key.Key_Minus and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1 / 1.2)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 10.0
            dx = {Qt.Key.Key_Left: -step, Qt.Key.Key_Right: step}.get(key, 0.0)
            dy = {Qt.Key.Key_Up: -step, Qt.Key.Key_Down: step}.get(key, 0.0)
            self.nudge.emit(dx, dy)
        else:
            super().keyPressEvent(event)


class Inspector(QScrollArea):
    """A form generated from the step type's declared fields; emits the new config on edit."""

    edited = Signal(str, dict, str, dict)   # step name, config, title, retry

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("inspector")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(320)
        self.step_name: str | None = None
        self.editors: dict[str, Any] = {}
        self.connections: dict[str, list[str]] = {}   # kind -> names, kept fresh by the page
        self.show_nothing()

    def show_nothing(self) -> None:
        self.step_name = None
        w = QLabel("Select a step to change its settings, or drag one from the list on the left.")
        w.setWordWrap(True)
        w.setObjectName("hint")
        self.setWidget(w)

    def show_step(self, name: str, title: str, config: dict[str, Any], retry: dict[str, Any],
                  spec: StepSpec | None, paths: list[str], problems: list[str]) -> None:
        self.step_name = name
        w = QWidget()
        form = QFormLayout(w)
        head = rich_label(f"<b>{escape(spec.title if spec else 'Unknown step type')}</b><br>"
                          f"<span style='color:#6b7280'>{escape(spec.help if spec else '')}</span>")
        head.setWordWrap(True)
        head.setMinimumWidth(10)
        form.addRow(head)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.title = QLineEdit(title)
        self.title.setObjectName("field_title")
        self.title.editingFinished.connect(self._emit)
        form.addRow("Label", self.title)
        self.editors = {}
        completer = QCompleter(paths)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        for f in spec.fields if spec else ():
            editor = self._editor(f, config.get(f.name), completer)
            editor.setObjectName(f"field_{f.name}")
            editor.setToolTip(f.help)
            self.editors[f.name] = (f, editor)
            form.addRow(f.label + (" *" if f.required else ""), editor)
        # Retries: one box per setting; empty means the step type's default, shown greyed.
        retries = QLabel("<b>When it fails</b> <span style='color:#6b7280'>(empty: the "
                         "step's default)</span>")
        form.addRow(retries)
        self.retry_edits: dict[str, QLineEdit] = {}
        defaults = spec.retry.to_dict() if spec else {}
        grid_box = QWidget()
        grid_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (key, (kind, label)) in enumerate(RETRY_FIELDS.items()):
            e = QLineEdit("" if key not in retry else f"{retry[key]:g}"
                          if isinstance(retry[key], int | float) else str(retry[key]))
            e.setObjectName(f"retry_{key}")
            if key in defaults:
                e.setPlaceholderText(f"{defaults[key]:g}")
            validator = QIntValidator(1, 1000, e) if kind is int else QDoubleValidator(0, 1e6, 3, e)
            validator.setLocale(QLocale.c())          # "0.5" everywhere; float() reads it
            e.setValidator(validator)
            e.editingFinished.connect(self._emit)
            self.retry_edits[key] = e
            e.setMinimumWidth(40)
            caption = QLabel(label)
            caption.setWordWrap(True)                 # a narrow inspector wraps, never clips
            grid.addWidget(caption, i, 0)
            grid.addWidget(e, i, 1)
        form.addRow(grid_box)
        # Unknown keys are kept as they are (validation names them among the problems).
        self._other_retry = {k: v for k, v in retry.items() if k not in RETRY_FIELDS}
        self.problems = PlainLabel("\n".join(problems))
        self.problems.setObjectName("inspectorProblems")
        self.problems.setStyleSheet("color: #c62828")
        self.problems.setWordWrap(True)
        form.addRow(self.problems)
        self.output = PlainLabel("")
        self.output.setObjectName("stepOutput")
        self.output.setWordWrap(True)
        self.output.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.output)
        self.setWidget(w)

    def show_output(self, name: str, text: str) -> None:
        """What the step did in the last practice run (or what it would have sent)."""
        if name == self.step_name and hasattr(self, "output"):
            self.output.setText(text)

    def _editor(self, f: schema.Field, value: Any, completer: QCompleter) -> QWidget:
        if f.kind == schema.CONNECTION:
            e = QComboBox()
            e.setEditable(True)
            e.addItems([""] + self.connections.get(f.connection_kind or "", []))
            e.setCurrentText("" if value is None else str(value))
            e.setToolTip("A saved connection; its secrets stay in the system keyring.")
            e.currentTextChanged.connect(self._emit)
            return e
        if f.kind == schema.CHOICE:
            e = QComboBox()
            e.addItems(list(f.choices))
            if value is not None or f.default is not None:
                e.setCurrentText(str(value if value is not None else f.default))
            e.currentTextChanged.connect(self._emit)
            return e
        if f.kind == schema.BOOLEAN:
            e = QCheckBox()
            e.setChecked(bool(value if value is not None else f.default))
            e.toggled.connect(self._emit)
            return e
        if f.kind in (schema.NUMBER, schema.INTEGER):
            e = QDoubleSpinBox()
            e.setDecimals(0 if f.kind == schema.INTEGER else 2)
            e.setRange(f.minimum if f.minimum is not None else -1e9,
                       f.maximum if f.maximum is not None else 1e9)
            e.setSpecialValueText(" ")
            if value is not None:
                e.setValue(float(value))
            else:
                e.setValue(e.minimum())
            e.editingFinished.connect(self._emit)
            return e
        if f.kind in (schema.JSON, schema.MAPPING, schema.OPTIONS, schema.STRING_LIST,
                      schema.TEMPLATE_TEXT):
            e = QPlainTextEdit()
            if f.kind == schema.TEMPLATE_TEXT:
                e.setPlainText(value or "")
            else:
                e.setPlainText(json.dumps(value, indent=2, ensure_ascii=False) if value is not None else "")
            e.setFixedHeight(90)
            e.focusOutEvent = lambda ev, e=e: (QPlainTextEdit.focusOutEvent(e, ev), self._emit())
            return e
        e = QLineEdit("" if value is None else str(value))
        e.setPlaceholderText(f.placeholder)
        if f.kind == schema.TEMPLATE:
            e.setCompleter(completer)
        e.editingFinished.connect(self._emit)
        return e

    def values(self) -> tuple[dict[str, Any], list[str]]:
        config: dict[str, Any] = {}
        errors: list[str] = []
        for name, (f, e) in self.editors.items():
            if isinstance(e, QComboBox):
                if e.currentText() or f.kind != schema.CONNECTION:
                    config[name] = e.currentText()
            elif isinstance(e, QCheckBox):
                config[name] = e.isChecked()
            elif isinstance(e, QDoubleSpinBox):
                if e.value() != e.minimum() or f.minimum is not None and e.text().strip():
                    config[name] = int(e.value()) if f.kind == schema.INTEGER else e.value()
            elif isinstance(e, QPlainTextEdit):
                text = e.toPlainText()
                if not text.strip():
                    continue
                if f.kind == schema.TEMPLATE_TEXT:
                    config[name] = text
                else:
                    try:
                        config[name] = json.loads(text)
                    except ValueError as exc:
                        errors.append(f"“{f.label}” is not valid JSON: {exc}")
            else:
                if e.text() != "":
                    config[name] = e.text()
        return config, errors

    def _emit(self, *_a: Any) -> None:
        if self.step_name is None:
            return
        config, errors = self.values()
        retry: dict[str, Any] = dict(self._other_retry)
        for key, e in self.retry_edits.items():
            text = e.text().strip()
            if not text:
                continue
            kind = RETRY_FIELDS[key][0]
            try:
                retry[key] = kind(float(text)) if kind is int else float(text)
            except ValueError:
                errors.append(f"“{RETRY_FIELDS[key][1]}” must be a number.")
        if errors:
            self.problems.setText("\n".join(errors))
            return
        self.edited.emit(self.step_name, config, self.title.text(), retry)
