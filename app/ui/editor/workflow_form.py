"""The workflow's own settings, shown in the inspector when no step is selected: where orders
come from (the triggers, each a form generated from the trigger registry), the business key
(what names an order), the order total (what the Orders list shows), the sample order practice runs use, and the description. Every change
leaves as ``changed(key, value)``; the page turns it into one undo command."""

from __future__ import annotations

import copy
import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.core.model import Workflow
from app.core.schema import declared
from app.core.stepspec import SpecRegistry
from app.ui.editor.fields import CommitTextEdit, FieldForm, json_text, set_text
from app.ui.editor.value_picker import ANY_STEP, ValueField, ValuePaths
from app.ui.text import PlainLabel, escape, rich_label

KEY_HELP = QT_TRANSLATE_NOOP(
    "WorkflowForm",
    "What names an order in the order list and the inbox, and keeps one order from "
    "being taken twice, e.g. {{ trigger.order.number }}.",
)
TOTAL_HELP = QT_TRANSLATE_NOOP(
    "WorkflowForm",
    "The amount the Orders list shows in its Total column. Orders from email or the web form "
    "often come without one; say which step works it out, e.g. {{ steps.plan.output.total }}. "
    "Empty: the total the order arrived with.",
)
SAMPLE_HELP = QT_TRANSLATE_NOOP(
    "WorkflowForm",
    "A made-up order as it would arrive (JSON). “Try it” runs the workflow on it, and "
    "the template suggestions list its fields.",
)


class TriggerRow(QGroupBox):
    """One place orders come from: its type, on/off, name, and its generated settings form."""

    def __init__(self, panel: WorkflowPanel, trigger: dict[str, Any], index: int) -> None:
        spec = panel.trigger_types.get(trigger["type"])
        super().__init__(
            declared(spec.title)
            if spec
            else translate("WorkflowForm", "Unknown kind “{type}”").format(type=trigger["type"])
        )
        self.setObjectName(f"trigger_{index}")
        self.panel, self.type = panel, trigger["type"]
        self.extra = {
            k: v for k, v in trigger.items() if k not in ("id", "type", "enabled", "config")
        }
        form = QFormLayout(self)
        # labels above their boxes: long labels never push the inspector wider than it is
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        top = QHBoxLayout()
        self.enabled = QCheckBox(translate("WorkflowForm", "Takes orders"))
        self.enabled.setObjectName("triggerEnabled")
        self.enabled.toggled.connect(panel.triggers_edited)
        remove = QPushButton(translate("WorkflowForm", "Remove"))
        remove.setObjectName("removeTrigger")
        remove.clicked.connect(lambda: panel.remove_trigger(index))
        top.addWidget(self.enabled, 1)
        top.addWidget(remove)
        form.addRow(top)
        if spec is not None:
            summary = PlainLabel(declared(spec.summary))
            summary.setWordWrap(True)
            summary.setStyleSheet("color: #6b7280")
            form.addRow(summary)
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("triggerId")
        self.id_edit.setToolTip(
            translate(
                "WorkflowForm",
                "Names this source in web addresses (/hook/<workflow>/<name>) "
                "and in the intake health page.",
            )
        )
        self.id_edit.editingFinished.connect(panel.triggers_edited)
        form.addRow(translate("WorkflowForm", "Name"), self.id_edit)
        self.form = FieldForm(
            spec.fields if spec else (), panel.connections, panel.triggers_edited, prefix="trigger_"
        )
        self.form.add_rows(form, trigger.get("config", {}))
        self.show_values(trigger)

    def show_values(self, trigger: dict[str, Any]) -> None:
        self.enabled.blockSignals(True)
        self.enabled.setChecked(bool(trigger.get("enabled", True)))
        self.enabled.blockSignals(False)
        set_text(self.id_edit, trigger["id"])
        self.form.set_values(trigger.get("config", {}))

    def value(self) -> tuple[dict[str, Any], list[str]]:
        config, errors = self.form.values()
        d = {
            "id": self.id_edit.text().strip(),
            "type": self.type,
            "enabled": self.enabled.isChecked(),
            "config": config,
        }
        d.update(copy.deepcopy(self.extra))
        return d, errors


class WorkflowPanel(QWidget):
    changed = Signal(str, object)  # key ("triggers", "business_key", ...), new value

    def __init__(
        self,
        wf: Workflow,
        trigger_types: SpecRegistry,
        connections: dict[str, list[str]],
        paths: list[str],
    ) -> None:
        super().__init__()
        self.setObjectName("workflowPanel")
        self.trigger_types, self.connections = trigger_types, connections
        self.rows: list[TriggerRow] = []
        self.placeholder: QWidget | None = None
        lay = QVBoxLayout(self)
        head = rich_label(
            translate("WorkflowForm", "<b>Workflow “{name}”</b>").format(name=escape(wf.name))
            + "<br><span style='color:#6b7280'>"
            + escape(
                translate(
                    "WorkflowForm",
                    "Select a step on the canvas to change its settings, or drag one from "
                    "the list on the left.",
                )
            )
            + "</span>"
        )
        head.setWordWrap(True)
        lay.addWidget(head)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.description = QLineEdit()
        self.description.setObjectName("workflowDescription")
        self.description.editingFinished.connect(
            lambda: self._changed("description", self.description.text())
        )
        form.addRow(translate("WorkflowForm", "Description"), self.description)
        # Order key and Order total: each with "Insert a value" beside it and the value it
        # holds in words under it. The key is worked out when the order arrives: the order's
        # values only; the total may name any step.
        values = paths if isinstance(paths, ValuePaths) else ValuePaths(paths)
        self.paths = FieldForm((), {}, lambda: None, values)  # owns the total's completer
        self.key_completer = QCompleter(list(values.order_only()), self)
        self.key_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.business_key = QLineEdit()
        self.business_key.setObjectName("businessKey")
        self.business_key.setToolTip(translate("WorkflowForm", KEY_HELP))
        self.business_key.setPlaceholderText("{{ trigger.order.number }}")
        self.business_key.setCompleter(self.key_completer)
        self.business_key.editingFinished.connect(
            lambda: self._changed("business_key", self.business_key.text().strip())
        )
        self.key_field = ValueField(
            self.business_key, values.order_only(), self.business_key.editingFinished.emit
        )
        form.addRow(translate("WorkflowForm", "Order key"), self.key_field)
        self.order_total = QLineEdit()
        self.order_total.setObjectName("orderTotal")
        self.order_total.setToolTip(translate("WorkflowForm", TOTAL_HELP))
        self.order_total.setPlaceholderText("{{ steps.plan.output.total }}")
        self.order_total.setCompleter(self.paths.completer)
        self.order_total.editingFinished.connect(
            lambda: self._changed("order_total", self.order_total.text().strip())
        )
        self.total_field = ValueField(
            self.order_total, values, self.order_total.editingFinished.emit, heading=ANY_STEP
        )
        # Its label on a row of its own, wrapping: in Filipino it is longer than the inspector
        # is wide, and beside its box it would narrow every box of the form.
        total_label = PlainLabel(
            translate("WorkflowForm", "Order total (shown in the Orders list)")
        )
        total_label.setObjectName("orderTotalLabel")
        total_label.setWordWrap(True)
        total_label.setBuddy(self.order_total)
        form.addRow(total_label)
        form.addRow(self.total_field)
        lay.addLayout(form)

        lay.addWidget(QLabel(translate("WorkflowForm", "<b>Where orders come from</b>")))
        self.trigger_box = QVBoxLayout()
        lay.addLayout(self.trigger_box)
        add = QHBoxLayout()
        self.new_type = QComboBox()
        self.new_type.setObjectName("newTriggerType")
        for spec in trigger_types:
            self.new_type.addItem(declared(spec.title), spec.name)
        add_button = QPushButton(translate("WorkflowForm", "Add"))
        add_button.setObjectName("addTrigger")
        add_button.clicked.connect(self.add_trigger)
        add.addWidget(self.new_type, 1)
        add.addWidget(add_button)
        lay.addLayout(add)

        lay.addWidget(QLabel(translate("WorkflowForm", "<b>Sample order</b>")))
        sample_help = PlainLabel(translate("WorkflowForm", SAMPLE_HELP))
        sample_help.setWordWrap(True)
        sample_help.setStyleSheet("color: #6b7280")
        lay.addWidget(sample_help)
        self.sample = CommitTextEdit(self._sample_edited)
        self.sample.setObjectName("sampleOrder")
        self.sample.setMinimumHeight(140)
        lay.addWidget(self.sample)
        self.problem = PlainLabel("")
        self.problem.setObjectName("workflowPanelProblem")
        self.problem.setStyleSheet("color: #c62828")
        self.problem.setWordWrap(True)
        lay.addWidget(self.problem)
        lay.addStretch(1)
        self.refresh(wf)

    # -- showing the document ---------------------------------------------------------------------
    def refresh(self, wf: Workflow) -> None:
        """Show the workflow as the document holds it now (after any edit, Undo included)."""
        set_text(self.description, wf.description)
        set_text(self.business_key, wf.business_key)
        set_text(self.order_total, wf.order_total)
        self.key_field.show_words()
        self.total_field.show_words()
        sample = wf.extra.get("sample_input")
        if not self._sample_means(sample):
            set_text(self.sample, json_text(sample))
        triggers = [t.to_dict() for t in wf.triggers]
        built = bool(self.rows) or self.placeholder is not None
        if built and [r.type for r in self.rows] == [t["type"] for t in triggers]:
            for row, t in zip(self.rows, triggers, strict=True):
                row.show_values(t)
            return
        for old in [*self.rows, self.placeholder]:
            if old is not None:
                self.trigger_box.removeWidget(old)
                old.hide()  # until deleted it would still paint where it was
                old.deleteLater()
        self.rows = [TriggerRow(self, t, i) for i, t in enumerate(triggers)]
        for row in self.rows:
            self.trigger_box.addWidget(row)
        self.placeholder = (
            None
            if self.rows
            else PlainLabel(
                translate(
                    "WorkflowForm",
                    "None yet: orders are started by hand or from the command line. Add a "
                    "mailbox, web form, marketplace or schedule below.",
                )
            )
        )
        if self.placeholder is not None:
            self.placeholder.setWordWrap(True)
            self.placeholder.setStyleSheet("color: #6b7280")
            self.trigger_box.addWidget(self.placeholder)

    def _sample_means(self, value: Any) -> bool:
        """True when the sample box already holds ``value`` (however it is formatted)."""
        try:
            return json.loads(self.sample.toPlainText() or "null") == value
        except ValueError:
            return False

    # -- edits ------------------------------------------------------------------------------------
    def _changed(self, key: str, value: Any) -> None:
        self.problem.setText("")
        self.changed.emit(key, value)

    def triggers_value(self) -> tuple[list[dict[str, Any]], list[str]]:
        out, errors = [], []
        for row in self.rows:
            value, errs = row.value()
            out.append(value)
            errors += errs
        return out, errors

    def triggers_edited(self, *_a: Any) -> None:
        triggers, errors = self.triggers_value()
        if errors:
            self.problem.setText("\n".join(errors))
            return
        self._changed("triggers", triggers)

    def add_trigger(self) -> None:
        kind = self.new_type.currentData()
        triggers, errors = self.triggers_value()
        if errors:
            self.problem.setText("\n".join(errors))
            return
        taken = {t["id"] for t in triggers}
        base = {"imap": "email"}.get(kind, kind)
        tid, n = base, 2
        while tid in taken:
            tid, n = f"{base}_{n}", n + 1
        spec = self.trigger_types.get(kind)
        config = (
            {f.name: f.default for f in spec.fields if f.required and f.default is not None}
            if spec
            else {}
        )
        self._changed(
            "triggers", [*triggers, {"id": tid, "type": kind, "enabled": True, "config": config}]
        )

    def remove_trigger(self, index: int) -> None:
        triggers, _errors = self.triggers_value()
        self._changed("triggers", [t for i, t in enumerate(triggers) if i != index])

    def _sample_edited(self) -> None:
        text = self.sample.toPlainText().strip()
        if not text:
            return self._changed("sample_input", None)
        try:
            value = json.loads(text)
        except ValueError as exc:
            self.problem.setText(
                translate(
                    "WorkflowForm",
                    "The sample order is not valid JSON ({error}); fix it and click "
                    "outside the box again. Nothing was changed.",
                ).format(error=exc)
            )
            return None
        return self._changed("sample_input", value)
