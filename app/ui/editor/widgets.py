"""The palette (drag a step type onto the canvas) and the inspector (a form generated from the
selected step's declared schema). The canvas view lives in ``canvas.py``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QLocale, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDoubleValidator, QDrag, QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import translate
from app.core.model import Step
from app.core.retry import RETRY_FIELDS
from app.core.schema import declared
from app.core.stepspec import SpecRegistry, StepSpec
from app.ui.editor.canvas import MIME, CanvasView
from app.ui.editor.fields import FieldForm, set_text
from app.ui.style import icon
from app.ui.text import PlainLabel, escape, rich_label

__all__ = ["MIME", "CanvasView", "Inspector", "Palette"]

CATEGORY = Qt.ItemDataRole.UserRole + 1  # a palette heading's group, as declared (English)


class Palette(QWidget):
    def __init__(self, specs: SpecRegistry) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Editor", "Find a step…"))
        self.search.setObjectName("paletteSearch")
        self.list = PaletteList()
        self.list.setObjectName("stepPalette")
        # a narrow column wraps long titles (Filipino runs longer) instead of cutting them off
        # or scrolling sideways; Adjust lays the items out again when the column's width changes
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        lay.addWidget(self.search)
        lay.addWidget(self.list, 1)
        self.specs = specs
        category = None
        for spec in specs:
            if spec.category != category:
                category = spec.category
                head = QListWidgetItem()
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                head.setData(CATEGORY, category)
                self.list.addItem(head)
            item = QListWidgetItem(icon(spec.icon, "#1f6f8b"), "")
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            self.list.addItem(item)
        self.retranslate()
        self.search.textChanged.connect(self._filter)

    def retranslate(self) -> None:
        """The groups' and step types' words in the current language (at start and after the
        operator switches language)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            name = item.data(Qt.ItemDataRole.UserRole)
            spec = self.specs.get(name) if name is not None else None
            if spec is not None:
                item.setText(declared(spec.title))
                item.setToolTip(f"{declared(spec.summary)}\n\n{declared(spec.help)}")
            elif item.data(CATEGORY):
                item.setText(declared(item.data(CATEGORY)).upper())
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        t = text.lower().strip()
        for i in range(self.list.count()):
            item = self.list.item(i)
            name = item.data(Qt.ItemDataRole.UserRole)
            item.setHidden(
                bool(t)
                and (
                    name is None
                    or (t not in item.text().lower() and t not in item.toolTip().lower())
                )
            )


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


class Inspector(QScrollArea):
    """The selected step's settings: a form generated from its type's declared fields, always
    showing the document's current state (``refresh`` after every change, Undo included)."""

    edited = Signal(str, dict, str, dict)  # step name, config, title, retry
    rename_requested = Signal(str, str)  # old name, new name

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("inspector")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(260)
        self.step_name: str | None = None
        self.form: FieldForm | None = None
        self.connections: dict[str, list[str]] = {}  # kind -> names, kept fresh by the page
        self.show_nothing()

    @property
    def editors(self) -> dict[str, Any]:
        return self.form.editors if self.form is not None and self.step_name else {}

    def show_nothing(self) -> None:
        w = QLabel(
            translate(
                "Editor",
                "Select a step to change its settings, or drag one from the list on the left.",
            )
        )
        w.setWordWrap(True)
        w.setObjectName("hint")
        self.show_panel(w)

    def show_panel(self, panel: QWidget) -> None:
        """Show something other than a step (the workflow's own settings)."""
        self.step_name, self.form = None, None
        self.setWidget(panel)

    def show_step(
        self, step: Step, spec: StepSpec | None, paths: list[str], problems: list[str]
    ) -> None:
        self.step_name = step.name
        w = QWidget()
        form = QFormLayout(w)
        head = rich_label(
            f"<b>{escape(declared(spec.title) if spec else translate('Editor', 'Unknown step type'))}</b>"
            f"<br><span style='color:#6b7280'>{escape(declared(spec.help) if spec else '')}</span>"
        )
        head.setWordWrap(True)
        head.setMinimumWidth(10)
        form.addRow(head)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # each setting's name above its box, wrapped on the whole line: beside its box, one
        # long name (“Hindi dinodoble ng webhook ang inulit na post”) pushed every box past the
        # inspector's right edge at 1024×700, and left the message box a few words wide
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.title = QLineEdit()
        self.title.setObjectName("field_title")
        self.title.editingFinished.connect(self._emit)
        form.addRow(translate("Editor", "Label"), self.title)
        # The internal name templates use (steps.<name>): renaming rewrites them all.
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("stepName")
        self.name_edit.setToolTip(
            translate(
                "Editor",
                "Other steps refer to this step's result as "
                "steps.<name>.output; renaming updates them all.",
            )
        )
        self.name_edit.editingFinished.connect(self._rename)
        form.addRow(translate("Editor", "Name in templates"), self.name_edit)
        self.form = FieldForm(spec.fields if spec else (), self.connections, self._emit, paths)
        self.form.add_rows(form, step.config)
        # Retries: one box per setting; empty means the step type's default, shown greyed.
        retries = QLabel(
            translate(
                "Editor",
                "<b>When it fails</b> <span style='color:#6b7280'>(empty: the step's default)</span>",
            )
        )
        retries.setWordWrap(True)
        form.addRow(retries)
        self.retry_edits: dict[str, QLineEdit] = {}
        defaults = spec.retry.to_dict() if spec else {}
        grid_box = QWidget()
        grid_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (key, (kind, label)) in enumerate(RETRY_FIELDS.items()):
            e = QLineEdit()
            e.setObjectName(f"retry_{key}")
            if key in defaults:
                e.setPlaceholderText(f"{defaults[key]:g}")
            validator = QIntValidator(1, 1000, e) if kind is int else QDoubleValidator(0, 1e6, 3, e)
            validator.setLocale(QLocale.c())  # "0.5" everywhere; float() reads it
            e.setValidator(validator)
            e.editingFinished.connect(self._emit)
            self.retry_edits[key] = e
            e.setMinimumWidth(40)
            caption = QLabel(declared(label))
            caption.setWordWrap(True)  # a narrow inspector wraps, never clips
            grid.addWidget(caption, i, 0)
            grid.addWidget(e, i, 1)
        form.addRow(grid_box)
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
        self.refresh(step, problems)

    def refresh(self, step: Step, problems: list[str] | None = None) -> None:
        """Show the step as the document holds it now; boxes that already show it are left
        alone, so the one being typed in keeps its cursor."""
        if self.form is None or step.name != self.step_name:
            return
        set_text(self.title, step.title)
        set_text(self.name_edit, step.name)
        self.form.set_values(step.config)
        for key, e in self.retry_edits.items():
            value = step.retry.get(key)
            set_text(
                e,
                ""
                if value is None
                else f"{value:g}"
                if isinstance(value, int | float)
                else str(value),
            )
        # Unknown keys are kept as they are (validation names them among the problems).
        self._other_retry = {k: v for k, v in step.retry.items() if k not in RETRY_FIELDS}
        if problems is not None:
            self._say(self.problems, "\n".join(problems))

    def renamed(self, old: str, new: str) -> None:
        if self.step_name == old:
            self.step_name = new

    def show_output(self, name: str, text: str) -> None:
        """What the step did in the last practice run (or what it would have sent)."""
        if name == self.step_name and hasattr(self, "output"):
            self._say(self.output, text)

    def show_problems(self, problems: list[str]) -> None:
        """The selected step's problems, as live validation finds them."""
        if self.form is not None and self.step_name:
            self._say(self.problems, "\n".join(problems))

    def _say(self, label: QLabel, text: str) -> None:
        """Change a line of the form only when its words change (no relayout otherwise)."""
        if label.text() != text:
            label.setText(text)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # The scroll area gives the form the height its lines need at the inspector's width,
        # but the form then shares it out as at its widest (one line per name): wrapped lines
        # (the step's help, its problems) got too little and overlapped the boxes above them.
        # Laid out again once resized, each gets its own height.
        if watched is self.widget() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._relayout)
        return super().eventFilter(watched, event)

    def _relayout(self) -> None:
        form = self.widget()
        layout = form.layout() if form is not None else None
        if layout is not None:
            layout.invalidate()
            layout.activate()

    def _rename(self) -> None:
        new = self.name_edit.text().strip()
        if self.step_name is not None and new != self.step_name:
            self.rename_requested.emit(self.step_name, new)

    def _emit(self, *_a: Any) -> None:
        if self.step_name is None or self.form is None:
            return
        config, errors = self.form.values()
        retry: dict[str, Any] = dict(self._other_retry)
        for key, e in self.retry_edits.items():
            text = e.text().strip()
            if not text:
                continue
            kind = RETRY_FIELDS[key][0]
            try:
                retry[key] = kind(float(text)) if kind is int else float(text)
            except ValueError:
                errors.append(
                    translate("Editor", "“{label}” must be a number.").format(
                        label=declared(RETRY_FIELDS[key][1])
                    )
                )
        if errors:
            self._say(self.problems, "\n".join(errors))
            return
        self.edited.emit(self.step_name, config, self.title.text(), retry)
