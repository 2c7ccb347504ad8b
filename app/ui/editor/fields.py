"""One editor widget per declared setting (``app.core.schema.Field``): the form of a step and the
form of a trigger are both built here from their registry's schema, read back into a config, and
refreshed in place from the document (after Undo) without stealing the operator's focus."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.core import schema
from app.core.i18n import translate
from app.ui.editor.value_picker import ValueField, ValuePaths


class CommitTextEdit(QPlainTextEdit):
    """A multi-line box that reports its text when the operator leaves it (like
    ``QLineEdit.editingFinished``): one undo step per edit, not per key."""

    def __init__(self, on_commit: Callable[[], None]) -> None:
        super().__init__()
        self._on_commit = on_commit

    def commit(self) -> None:
        self._on_commit()

    def focusOutEvent(self, event) -> None:  # noqa: ANN001, N802
        super().focusOutEvent(event)
        popup = QApplication.activePopupWidget()
        if event.reason() == Qt.FocusReason.PopupFocusReason and popup and popup.parent() is self:
            return  # its own menu ("Insert a value") is open: the operator is still here
        self._on_commit()


def json_text(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) if value is not None else ""


def set_text(editor: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Show ``text`` unless the box already shows it: an unchanged box keeps its cursor."""
    current = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
    if current != text:
        editor.blockSignals(True)
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            editor.setText(text)
            if not editor.hasFocus():
                # a long text is read from its start (Qt leaves the cursor, and the view, at
                # its end: "…what ships now and what later." without its beginning)
                editor.setCursorPosition(0)
        editor.blockSignals(False)


class FieldForm:
    """Editors for ``fields``; ``on_edit`` runs when the operator changes one. Given ``paths``
    (the values a step's settings can use), each templated setting gets the completer and an
    “Insert a value” button (``value_picker.ValueField``); a form without them (a trigger's,
    “Retry with changes”) shows its boxes alone."""

    def __init__(
        self,
        fields: tuple[schema.Field, ...],
        connections: dict[str, list[str]],
        on_edit: Callable[..., None],
        paths: list[str] | None = None,
        prefix: str = "field_",
    ) -> None:
        self.fields, self.connections, self.on_edit = fields, connections, on_edit
        self.paths: ValuePaths | None = (
            None if paths is None else paths if isinstance(paths, ValuePaths) else ValuePaths(paths)
        )
        self.completer = QCompleter(list(paths or []))
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.prefix = prefix
        self.editors: dict[str, tuple[schema.Field, QWidget]] = {}
        self.other: dict[str, Any] = {}  # settings the schema does not know: kept as they are
        self.pickers: dict[str, ValueField] = {}  # templated settings' "Insert a value"

    def add_rows(self, form: QFormLayout, config: dict[str, Any]) -> None:
        for f in self.fields:
            editor = self._editor(f)
            editor.setObjectName(f"{self.prefix}{f.name}")
            editor.setToolTip(schema.declared(f.help))
            self.editors[f.name] = (f, editor)
            shown = self._with_values(f, editor)
            text = schema.declared(f.label) + (" *" if f.required else "")
            if form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapAllRows:
                # above its box: a long label (Filipino's run longer) wraps instead of
                # widening the form past the inspector, which cut off its right edge
                # (a label row of its own: a label beside no field gets the whole line)
                label = QLabel(text)
                label.setWordWrap(True)
                label.setBuddy(editor)
                form.addRow(label)
                form.addRow(shown)
            else:
                form.addRow(text, shown)
        self.set_values(config)

    def _with_values(self, f: schema.Field, editor: QWidget) -> QWidget:
        """A templated setting's box with its “Insert a value” button (the box alone when the
        form knows no values)."""
        if self.paths is None or f.kind not in schema.TEMPLATED:
            return editor
        if isinstance(editor, CommitTextEdit):
            commit = editor.commit
        elif isinstance(editor, QLineEdit):
            commit = editor.editingFinished.emit
        else:
            return editor
        picker = ValueField(
            editor, self.paths, commit, json=f.kind in (schema.JSON, schema.MAPPING)
        )
        self.pickers[f.name] = picker
        return picker

    def _editor(self, f: schema.Field) -> QWidget:
        if f.kind == schema.CONNECTION:
            e = QComboBox()
            e.setEditable(True)
            e.addItems([""] + self.connections.get(f.connection_kind or "", []))
            e.setToolTip(
                translate("Editor", "A saved connection; its secrets stay in the system keyring.")
            )
            e.currentTextChanged.connect(self.on_edit)
            return e
        if f.kind == schema.CHOICE:
            e = QComboBox()
            for choice in f.choices:  # shown translated; the English value is what is stored
                e.addItem(schema.declared(choice), choice)
            e.currentTextChanged.connect(self.on_edit)
            return e
        if f.kind == schema.BOOLEAN:
            check = QCheckBox()
            check.toggled.connect(self.on_edit)
            return check
        if f.kind in (schema.NUMBER, schema.INTEGER):
            spin = QDoubleSpinBox()
            spin.setDecimals(0 if f.kind == schema.INTEGER else 2)
            spin.setRange(
                f.minimum if f.minimum is not None else -1e9,
                f.maximum if f.maximum is not None else 1e9,
            )
            spin.setSpecialValueText(" ")
            spin.editingFinished.connect(self.on_edit)
            return spin
        if f.kind in (
            schema.JSON,
            schema.MAPPING,
            schema.OPTIONS,
            schema.STRING_LIST,
            schema.TEMPLATE_TEXT,
        ):
            text = CommitTextEdit(self.on_edit)
            text.setFixedHeight(90)
            return text
        line = QLineEdit()
        # an example in words (End the order's note) is shown in the operator's language;
        # a literal one ("SKU", an address) has no translation and stays as it is
        line.setPlaceholderText(schema.declared(f.placeholder))
        if f.kind == schema.TEMPLATE:
            line.setCompleter(self.completer)
        line.editingFinished.connect(self.on_edit)
        return line

    def set_values(self, config: dict[str, Any]) -> None:
        """Show ``config`` (the document's current state) without emitting edits."""
        self.other = {k: v for k, v in config.items() if k not in self.editors}
        for name, (f, e) in self.editors.items():
            value = config.get(name)
            e.blockSignals(True)
            if isinstance(e, QComboBox) and f.kind == schema.CHOICE:
                index = e.findData(value if value is not None else f.default)
                if index >= 0 and index != e.currentIndex():
                    e.setCurrentIndex(index)
            elif isinstance(e, QComboBox):
                shown = value if value is not None else ""
                if e.currentText() != str(shown):
                    e.setCurrentText(str(shown))
            elif isinstance(e, QCheckBox):
                e.setChecked(bool(value if value is not None else f.default))
            elif isinstance(e, QDoubleSpinBox):
                number = float(value) if isinstance(value, int | float) else e.minimum()
                if e.value() != number:
                    e.setValue(number)
            elif isinstance(e, QPlainTextEdit):
                e.blockSignals(False)
                set_text(
                    e,
                    (value or "")
                    if f.kind == schema.TEMPLATE_TEXT and not isinstance(value, dict | list)
                    else json_text(value),
                )
            elif isinstance(e, QLineEdit):
                e.blockSignals(False)
                set_text(e, "" if value is None else str(value))
            e.blockSignals(False)
        for picker in self.pickers.values():
            picker.show_words()

    def values(self) -> tuple[dict[str, Any], list[str]]:
        """The config the form shows, and what in it cannot be read (in words)."""
        config: dict[str, Any] = dict(self.other)
        errors: list[str] = []
        for name, (f, e) in self.editors.items():
            if isinstance(e, QComboBox) and f.kind == schema.CHOICE:
                config[name] = e.currentData() if e.currentIndex() >= 0 else ""
            elif isinstance(e, QComboBox):
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
                        errors.append(
                            translate("Editor", "“{label}” is not valid JSON: {error}").format(
                                label=schema.declared(f.label), error=exc
                            )
                        )
            elif isinstance(e, QLineEdit) and e.text() != "":
                config[name] = e.text()
        return config, errors
