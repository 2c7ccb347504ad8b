"""The editor's model: a QObject around ``app.core``'s plain ``Workflow`` that applies edits and
announces them. Scene items only react to these signals; every edit reaches here through an undo
command (``commands.py``), so undo restores the exact JSON."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.core.model import Edge, Step, Trigger, Workflow


class WorkflowDocument(QObject):
    step_added = Signal(str)
    step_removed = Signal(str)
    step_changed = Signal(str)
    step_moved = Signal(str)
    edge_added = Signal(object)
    edge_removed = Signal(object)
    step_renamed = Signal(str, str)  # old name, new name
    workflow_changed = Signal(str)  # "business_key", "triggers", "sample_input", ...
    reset = Signal()

    def __init__(self, workflow: Workflow | None = None) -> None:
        super().__init__()
        self.workflow = workflow or Workflow("New workflow")

    def load(self, workflow: Workflow) -> None:
        self.workflow = workflow
        self.reset.emit()

    def to_dict(self) -> dict[str, Any]:
        return self.workflow.to_dict()

    def unique_name(self, base: str) -> str:
        names = set(self.workflow.step_names())
        if base not in names:
            return base
        n = 2
        while f"{base}_{n}" in names:
            n += 1
        return f"{base}_{n}"

    # -- edits (called by undo commands only) ---------------------------------------------------
    def insert_step(self, step: Step, index: int | None = None) -> None:
        steps = self.workflow.steps
        steps.insert(len(steps) if index is None else index, step)
        self.step_added.emit(step.name)

    def remove_step(self, name: str) -> tuple[Step, int]:
        steps = self.workflow.steps
        index = next(i for i, s in enumerate(steps) if s.name == name)
        step = steps.pop(index)
        self.step_removed.emit(name)
        return step, index

    def insert_edge(self, edge: Edge, index: int | None = None) -> None:
        edges = self.workflow.edges
        edges.insert(len(edges) if index is None else index, edge)
        self.edge_added.emit(edge)

    def remove_edge(self, edge: Edge) -> int:
        index = self.workflow.edges.index(edge)
        self.workflow.edges.pop(index)
        self.edge_removed.emit(edge)
        return index

    def set_config(
        self,
        name: str,
        config: dict[str, Any],
        title: str | None = None,
        retry: dict[str, Any] | None = None,
    ) -> None:
        step = self.workflow.step(name)
        assert step is not None
        step.config = copy.deepcopy(config)
        if title is not None:
            step.title = title
        if retry is not None:
            step.retry = dict(retry)
        self.step_changed.emit(name)

    def set_position(self, name: str, pos: tuple[float, float] | None) -> None:
        step = self.workflow.step(name)
        assert step is not None
        step.position = pos
        self.step_moved.emit(name)

    def rename_step(
        self,
        old: str,
        new: str,
        configs: dict[int, dict[str, Any]],
        business_key: str,
        triggers: list[dict[str, Any]],
        order_total: str,
    ) -> None:
        """Rename a step, its connections, and set the settings whose templates name it: one
        edit, so the canvas and inspector never see a half-renamed workflow."""
        wf = self.workflow
        step = wf.step(old)
        assert step is not None
        step.name = new
        # Edges are frozen values: replace each in place, keeping their order (exact JSON).
        wf.edges = [
            Edge(new if e.source == old else e.source, e.port, new if e.target == old else e.target)
            for e in wf.edges
        ]
        for index, config in configs.items():
            wf.steps[index].config = copy.deepcopy(config)
        wf.business_key, wf.order_total = business_key, order_total
        wf.triggers = [trigger_from_dict(t) for t in triggers]
        self.step_renamed.emit(old, new)
        for index in configs:
            self.step_changed.emit(wf.steps[index].name)
        self.workflow_changed.emit("business_key")
        self.workflow_changed.emit("order_total")
        self.workflow_changed.emit("triggers")

    def workflow_value(self, key: str) -> Any:
        """A workflow-wide setting as JSON: what ``set_workflow_value`` takes."""
        wf = self.workflow
        if key == "triggers":
            return [t.to_dict() for t in wf.triggers]
        if key in WORKFLOW_FIELDS:
            return getattr(wf, key)
        return copy.deepcopy(wf.extra.get(key))

    def set_workflow_value(self, key: str, value: Any) -> None:
        wf = self.workflow
        if key == "triggers":
            wf.triggers = [trigger_from_dict(t) for t in value]
        elif key in WORKFLOW_FIELDS:
            setattr(wf, key, value)
        elif value is None:
            wf.extra.pop(key, None)
        else:
            wf.extra[key] = copy.deepcopy(value)
        self.workflow_changed.emit(key)


# Workflow settings that are attributes of ``Workflow``; any other key lives in ``extra``
# (``sample_input``: the sample order practice runs use).
WORKFLOW_FIELDS = ("business_key", "order_total", "description")


def trigger_from_dict(d: dict[str, Any]) -> Trigger:
    known = {"id", "type", "config", "enabled"}
    return Trigger(
        d["id"],
        d["type"],
        copy.deepcopy(d.get("config", {})),
        d.get("enabled", True),
        copy.deepcopy({k: v for k, v in d.items() if k not in known}),
    )
