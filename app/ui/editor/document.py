"""The editor's model: a QObject around ``app.core``'s plain ``Workflow`` that applies edits and
announces them. Scene items only react to these signals; every edit reaches here through an undo
command (``commands.py``), so undo restores the exact JSON."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.core.model import Edge, Step, Workflow


class WorkflowDocument(QObject):
    step_added = Signal(str)
    step_removed = Signal(str)
    step_changed = Signal(str)
    step_moved = Signal(str)
    edge_added = Signal(object)
    edge_removed = Signal(object)
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

    def set_config(self, name: str, config: dict[str, Any], title: str | None = None,
                   retry: dict[str, Any] | None = None) -> None:
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
