"""Every edit is one QUndoCommand; a compound edit (removing a step removes its connections) is
one parent command with children, so one user action is one undo step."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.core.model import Edge, Step
from app.core.stepspec import SpecRegistry
from app.ui.editor.document import WorkflowDocument
from app.ui.editor.references import renamed_settings


class AddStep(QUndoCommand):
    def __init__(
        self, doc: WorkflowDocument, step: Step, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(translate("Editor", "Add {step}").format(step=step.label), parent)
        self.doc, self.step = doc, step

    def redo(self) -> None:
        self.doc.insert_step(copy.deepcopy(self.step))

    def undo(self) -> None:
        self.doc.remove_step(self.step.name)


class RemoveEdge(QUndoCommand):
    def __init__(
        self, doc: WorkflowDocument, edge: Edge, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(translate("Editor", "Remove connection"), parent)
        self.doc, self.edge = doc, edge
        self.index: int | None = None

    def redo(self) -> None:
        self.index = self.doc.remove_edge(self.edge)

    def undo(self) -> None:
        self.doc.insert_edge(self.edge, self.index)


class AddEdge(QUndoCommand):
    def __init__(
        self,
        doc: WorkflowDocument,
        edge: Edge,
        parent: QUndoCommand | None = None,
        index: int | None = None,
    ) -> None:
        super().__init__(translate("Editor", "Connect steps"), parent)
        self.doc, self.edge, self.index = doc, edge, index

    def redo(self) -> None:
        self.doc.insert_edge(self.edge, self.index)

    def undo(self) -> None:
        self.doc.remove_edge(self.edge)


class _RemoveStepOnly(QUndoCommand):
    def __init__(self, doc: WorkflowDocument, name: str) -> None:
        super().__init__("")
        self.doc, self.name = doc, name
        self.step: Step | None = None
        self.index = 0

    def redo(self) -> None:
        self.step, self.index = self.doc.remove_step(self.name)

    def undo(self) -> None:
        assert self.step is not None
        self.doc.insert_step(self.step, self.index)


class Compound(QUndoCommand):
    """One undo step made of several edits. The parts are kept as Python objects (not Qt
    children) so their Python ``redo``/``undo`` are always the ones that run."""

    def __init__(self, text: str, parts: list[QUndoCommand]) -> None:
        super().__init__(text)
        self.parts = parts

    def redo(self) -> None:
        for part in self.parts:
            part.redo()

    def undo(self) -> None:
        for part in reversed(self.parts):
            part.undo()


def remove_steps(doc: WorkflowDocument, names: list[str]) -> QUndoCommand:
    """Remove steps and every connection touching them, as one undo step."""
    parts: list[QUndoCommand] = [
        RemoveEdge(doc, e) for e in doc.workflow.edges if e.source in names or e.target in names
    ]
    parts += [_RemoveStepOnly(doc, name) for name in names]
    return Compound(
        translate("Editor", "Delete {n} steps").format(n=len(names))
        if len(names) != 1
        else translate("Editor", "Delete {step}").format(step=names[0]),
        parts,
    )


class SetConfig(QUndoCommand):
    def __init__(
        self,
        doc: WorkflowDocument,
        name: str,
        config: dict[str, Any],
        title: str | None = None,
        retry: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(translate("Editor", "Change {step}").format(step=name))
        step = doc.workflow.step(name)
        assert step is not None
        self.doc, self.name = doc, name
        self.old = (copy.deepcopy(step.config), step.title, dict(step.retry))
        self.new = (
            copy.deepcopy(config),
            step.title if title is None else title,
            dict(step.retry) if retry is None else dict(retry),
        )

    def redo(self) -> None:
        self.doc.set_config(self.name, *self.new)

    def undo(self) -> None:
        self.doc.set_config(self.name, *self.old)


class MoveSteps(QUndoCommand):
    def __init__(
        self,
        doc: WorkflowDocument,
        moves: dict[str, tuple[tuple[float, float] | None, tuple[float, float]]],
    ) -> None:
        super().__init__(translate("Editor", "Move"))
        self.doc, self.moves = doc, moves

    def redo(self) -> None:
        for name, (_old, new) in self.moves.items():
            self.doc.set_position(name, new)

    def undo(self) -> None:
        for name, (old, _new) in self.moves.items():
            self.doc.set_position(name, old)


def insert_between(
    doc: WorkflowDocument, edge: Edge, name: str, port: str, placed: QUndoCommand
) -> Compound:
    """Put step ``name`` in the middle of connection ``edge`` (A→B): A→step keeps the
    connection's port (a condition's true or false), step→B leaves from ``port``, the step's
    own way on. ``placed`` adds the step (``AddStep``) or moves it there (``MoveSteps``). One
    undo step: undone, A→B is back where it was among the connections."""
    index = doc.workflow.edges.index(edge)
    return Compound(
        translate("Editor", "Insert {step}").format(step=name),
        [
            placed,
            RemoveEdge(doc, edge),
            AddEdge(doc, Edge(edge.source, edge.port, name), index=index),
            AddEdge(doc, Edge(name, port, edge.target), index=index + 1),
        ],
    )


def paste(
    doc: WorkflowDocument,
    steps: list[Step],
    edges: list[Edge],
    offset: tuple[float, float] = (40, 40),
    text: str | None = None,
) -> Compound:
    """Paste steps (renaming clashes) and the connections among them, as one undo step
    (``text``: what the undo step is called, when not “Paste …”: Duplicate)."""
    parts: list[QUndoCommand] = []
    renamed: dict[str, str] = {}
    taken = set(doc.workflow.step_names())
    for st in steps:
        name = st.name
        n = 2
        while name in taken:
            name = f"{st.name}_{n}"
            n += 1
        taken.add(name)
        renamed[st.name] = name
        pos = (st.position[0] + offset[0], st.position[1] + offset[1]) if st.position else None
        parts.append(
            AddStep(
                doc, Step(name, st.type, copy.deepcopy(st.config), st.title, dict(st.retry), pos)
            )
        )
    for e in edges:
        if e.source in renamed and e.target in renamed:
            parts.append(AddEdge(doc, Edge(renamed[e.source], e.port, renamed[e.target])))
    if text is None:
        text = (
            translate("Editor", "Paste {n} steps").format(n=len(steps))
            if len(steps) != 1
            else translate("Editor", "Paste a step")
        )
    return Compound(text, parts)


class RenameStep(QUndoCommand):
    """A step's new name, and every template that refers to it rewritten: one undo step. Undo
    puts back the exact settings recorded before (not a reverse rewrite, which could touch a
    template that already named the new name)."""

    def __init__(
        self,
        doc: WorkflowDocument,
        old: str,
        new: str,
        specs: SpecRegistry,
        trigger_types: SpecRegistry | None,
    ) -> None:
        step = doc.workflow.step(old)
        assert step is not None
        super().__init__(translate("Editor", "Rename {step}").format(step=step.label))
        wf = doc.workflow
        self.doc, self.old, self.new = doc, old, new
        self.after = renamed_settings(wf, old, new, specs, trigger_types)
        self.before = (
            {i: copy.deepcopy(wf.steps[i].config) for i in self.after[0]},
            wf.business_key,
            [t.to_dict() for t in wf.triggers],
            wf.order_total,
        )

    def redo(self) -> None:
        self.doc.rename_step(self.old, self.new, *self.after)

    def undo(self) -> None:
        self.doc.rename_step(self.new, self.old, *self.before)


class SetWorkflowValue(QUndoCommand):
    """A workflow-wide setting: the triggers, the business key, the sample order."""

    TEXT = {
        "triggers": QT_TRANSLATE_NOOP("Editor", "Change where orders come from"),
        "business_key": QT_TRANSLATE_NOOP("Editor", "Change the order key"),
        "order_total": QT_TRANSLATE_NOOP("Editor", "Change the order total"),
        "sample_input": QT_TRANSLATE_NOOP("Editor", "Change the sample order"),
        "description": QT_TRANSLATE_NOOP("Editor", "Change the description"),
    }

    def __init__(self, doc: WorkflowDocument, key: str, value: Any) -> None:
        text = self.TEXT.get(key)
        super().__init__(
            translate("Editor", text)
            if text
            else translate("Editor", "Change {step}").format(step=key)
        )
        self.doc, self.key = doc, key
        self.old, self.new = doc.workflow_value(key), copy.deepcopy(value)

    def redo(self) -> None:
        self.doc.set_workflow_value(self.key, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.doc.set_workflow_value(self.key, copy.deepcopy(self.old))
