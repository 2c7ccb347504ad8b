"""The forms behind "Retry with changes" and "Skip with this result": generated from the step's
settings schema (``app.core.schema``, through the editor's ``FieldForm``) and from the shape of
its output (its recorded output, else its type's sample output), with the current values filled
in. JSON is only the advanced view, one tick away; both views stay in step.

Everything shown here came from an order or a step's answer: labels are plain text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core import schema
from app.core.i18n import translate
from app.core.stepspec import StepSpec
from app.ui.editor.fields import FieldForm, json_text
from app.ui.style import key_label
from app.ui.text import PlainLabel

_MISSING = object()


class ValueForm(QWidget):
    """Editors for the keys of a dict value: text, numbers, yes/no; a nested dict becomes a
    group of its own; a list stays a small JSON box. ``values()`` gives back the same shape,
    each value typed as the one it replaces (a number stays a number). ``words`` label the
    top keys in the operator's words (a step type's ``output_words``); other keys as the order's
    page says them (``key_label``: "order_id" is "Order id", "amount" in Filipino "Halaga")."""

    def __init__(
        self, value: dict[str, Any], prefix: str = "value_", words: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self.prefix = prefix
        self.words = dict(words or {})
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.editors: dict[str, tuple[Any, QWidget]] = {}
        self.set_value(value)

    def set_value(self, value: dict[str, Any]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}
        for key, v in value.items():
            name = f"{self.prefix}{key}"
            if isinstance(v, dict) and v:
                editor: QWidget = QGroupBox()
                inner = QVBoxLayout(editor)
                sub = ValueForm(v, prefix=f"{name}.")
                inner.addWidget(sub)
                self.editors[key] = (v, sub)
                editor.setObjectName(name)
            elif isinstance(v, bool):
                editor = QCheckBox()
                editor.setChecked(v)
                self.editors[key] = (v, editor)
            elif isinstance(v, dict | list):
                editor = QPlainTextEdit(json_text(v))
                editor.setFixedHeight(70)
                self.editors[key] = (v, editor)
            else:
                editor = QLineEdit("" if v is None else str(v))
                self.editors[key] = (v, editor)
            if not isinstance(editor, QGroupBox):
                editor.setObjectName(name)
            self.form.addRow(PlainLabel(self.label(key)), editor)

    def label(self, key: str) -> str:
        return schema.declared(self.words[key]) if key in self.words else key_label(key)

    def values(self) -> tuple[dict[str, Any], list[str]]:
        out: dict[str, Any] = {}
        errors: list[str] = []
        for key, (old, editor) in self.editors.items():
            if isinstance(editor, ValueForm):
                out[key], more = editor.values()
                errors += more
            elif isinstance(editor, QCheckBox):
                out[key] = editor.isChecked()
            elif isinstance(editor, QPlainTextEdit):
                try:
                    out[key] = json.loads(editor.toPlainText() or "null")
                except ValueError:
                    errors.append(
                        translate(
                            "StepForms",
                            "“{label}” is not a valid list; fix it or use the JSON view.",
                        ).format(label=self.label(key))
                    )
            elif isinstance(editor, QLineEdit):
                out[key], problem = typed(editor.text(), old)
                if problem:
                    errors.append(problem.format(label=self.label(key)))
        return out, errors


def typed(text: str, like: Any) -> tuple[Any, str]:
    """``text`` as the type of the value it replaces; a problem in words when it is not one
    (with ``{label}`` where the field's name goes)."""
    text = text.strip() if isinstance(like, int | float) else text
    if like is None and text == "":
        return None, ""
    if isinstance(like, int | float) and not isinstance(like, bool):
        try:
            number = float(text.replace(",", ""))
        except ValueError:
            return text, translate("StepForms", "“{label}” must be a number, like 1499.50")
        return (int(number) if isinstance(like, int) and number.is_integer() else number), ""
    return text, ""


class StepFormDialog(QDialog):
    """A form with an advanced JSON view; refuses to close on a value it cannot read."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("stepFormDialog")
        lay = QVBoxLayout(self)
        head = PlainLabel(intro)
        head.setWordWrap(True)
        lay.addWidget(head)
        self.extra = QFormLayout()
        lay.addLayout(self.extra)
        self.scroll_area = QScrollArea()  # (QWidget.scroll() is a method)
        self.scroll_area.setWidgetResizable(True)
        self.body = QWidget()
        self.body_lay = QVBoxLayout(self.body)
        self.scroll_area.setWidget(self.body)
        lay.addWidget(self.scroll_area, 1)
        self.json = QPlainTextEdit()
        self.json.setObjectName("jsonEditor")
        self.json.hide()
        lay.addWidget(self.json, 1)
        self.advanced = QCheckBox(translate("StepForms", "Show as JSON (advanced)"))
        self.advanced.setObjectName("advancedJson")
        self.advanced.toggled.connect(self._switch)
        lay.addWidget(self.advanced)
        self.error = PlainLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.value: Any = None
        self.resize(560, 520)

    # subclasses: the form's value and problems, and showing a value in the form
    def form_value(self) -> tuple[Any, list[str]]:
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def _switch(self, to_json: bool) -> None:
        self.error.setText("")
        if to_json:
            value, errors = self.form_value()
            if errors:
                self.error.setText(" ".join(errors))
                self.advanced.blockSignals(True)
                self.advanced.setChecked(False)
                self.advanced.blockSignals(False)
                return
            self.json.setPlainText(json_text(value))
        else:
            try:
                value = json.loads(self.json.toPlainText() or "{}")
            except ValueError as exc:
                self.error.setText(
                    translate(
                        "StepForms",
                        "This is not valid JSON: {error}. Fix it to go back to the form.",
                    ).format(error=exc)
                )
                self.advanced.blockSignals(True)
                self.advanced.setChecked(True)
                self.advanced.blockSignals(False)
                return
            if isinstance(value, dict):
                self.show_value(value)
        self.scroll_area.setVisible(not to_json)
        self.json.setVisible(to_json)

    def _accept(self) -> None:
        if self.advanced.isChecked():
            try:
                self.value = json.loads(self.json.toPlainText() or "null")
            except ValueError as exc:
                self.error.setText(
                    translate(
                        "StepForms", "This is not valid JSON: {error}. Fix it, then press OK."
                    ).format(error=exc)
                )
                return
        else:
            self.value, errors = self.form_value()
            if errors:
                self.error.setText(" ".join(errors))
                return
        self.accept()


class RetryForm(StepFormDialog):
    """The step's settings (as the failed attempt used them), one editor per declared field."""

    def __init__(
        self, spec: StepSpec | None, step_input: Any, step_title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            translate("StepForms", "Retry with changes"),
            translate(
                "StepForms",
                "Change what “{step}” is given, then press OK to try it again with these values.",
            ).format(step=step_title),
            parent,
        )
        self.spec = spec
        self.current = dict(step_input) if isinstance(step_input, dict) else {}
        self._build(self.current)

    def _build(self, value: dict[str, Any]) -> None:
        while self.body_lay.count():
            item = self.body_lay.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.setParent(None)  # gone at once, not at the next event loop turn
                w.deleteLater()
        fields = self.spec.fields if self.spec else ()
        # A JSON setting holding an object (a request body) gets a form of its own.
        self.nested = {
            f.name: ValueForm(value[f.name], prefix=f"value_{f.name}.")
            for f in fields
            if f.kind == schema.JSON and isinstance(value.get(f.name), dict) and value.get(f.name)
        }
        plain_fields = tuple(f for f in fields if f.name not in self.nested)
        self.fields = FieldForm(plain_fields, {}, lambda *_a: None)
        holder = QWidget()
        form = QFormLayout(holder)
        # the object first: it holds the order's values (a charge's amount and customer), what
        # an operator retrying is most likely to change; the request's settings after it
        for f in fields:
            if f.name in self.nested:
                form.addRow(schema.declared(f.label), self.nested[f.name])
        self.fields.add_rows(form, {k: v for k, v in value.items() if k not in self.nested})
        if not fields:  # a type this Daloy does not know: its values as they are
            self.nested = {}
            self.fields.other = {}
            self.loose: ValueForm | None = ValueForm(value)
            form.addRow(self.loose)
        else:
            self.loose = None
        self.body_lay.addWidget(holder)

    def form_value(self) -> tuple[Any, list[str]]:
        if self.loose is not None:
            return self.loose.values()
        value, errors = self.fields.values()
        for name, form in self.nested.items():
            value[name], more = form.values()
            errors += more
        return value, errors

    def show_value(self, value: Any) -> None:
        self._build(value)


class SkipForm(StepFormDialog):
    """What the skipped step should have produced, in the shape of its output, and which way
    the order goes on (a step with several outputs)."""

    def __init__(
        self,
        step_title: str,
        output: dict[str, Any],
        ports: list[str],
        parent: QWidget | None = None,
        words: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            translate("StepForms", "Skip with this result"),
            translate(
                "StepForms",
                "The order goes on as if “{step}” had produced this. Change "
                "what it should have produced, then press OK.",
            ).format(step=step_title),
            parent,
        )
        self.port = QComboBox()
        self.port.setObjectName("skipPort")
        self.port.addItems(ports or ["out"])
        if len(ports) > 1:
            self.extra.addRow(translate("StepForms", "Continue from output:"), self.port)
        self.output_form = ValueForm(output, words=words)  # the step type's output_words
        self.body_lay.addWidget(self.output_form)
        if not output:
            hint = PlainLabel(
                translate(
                    "StepForms",
                    "This step produced nothing to fill in; use the JSON view to "
                    "give it a result, or press OK to go on with none.",
                )
            )
            hint.setWordWrap(True)
            hint.setObjectName("hint")
            self.body_lay.addWidget(hint)

    def form_value(self) -> tuple[Any, list[str]]:
        return self.output_form.values()

    def show_value(self, value: Any) -> None:
        self.output_form.set_value(value)


def skip_shape(spec: StepSpec | None, step: dict[str, Any]) -> dict[str, Any]:
    """What to fill the skip form with: the step's own output when it has one, else its type's
    sample output for its settings (the shape the next steps read)."""
    output = step.get("output")
    if isinstance(output, dict) and output:
        return output
    if spec is not None and spec.sample_output is not None:
        try:
            return dict(spec.sample_output(step.get("input") or {}))
        except Exception:  # noqa: BLE001 - a sample must never keep the operator from skipping
            return {}
    return {}
