"""The Workflows page: the list of workflows, the palette, the canvas and the inspector, with
undo/redo, copy/paste, automatic layout, live validation, versions and practice runs. Saving
stores the workflow's draft; only Publish (``publishing``) changes what takes orders."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import translate
from app.core.model import Edge, Step, Workflow
from app.core.schema import declared
from app.core.validation import Problem, errors, would_create_cycle
from app.intake import trigger_registry
from app.store import drafts, workflows
from app.ui.context import AppContext
from app.ui.editor import commands as cmd
from app.ui.editor.checking import LiveCheck
from app.ui.editor.document import WorkflowDocument
from app.ui.editor.history import Version, history_dialog, load_versions
from app.ui.editor.library import WorkflowLibrary, first_to_open, load_rows, row_words
from app.ui.editor.practice_view import PracticeView
from app.ui.editor.publishing import Publishing
from app.ui.editor.references import name_problem
from app.ui.editor.saving import (
    Unsaved,
    ask_unsaved,
    draft_words,
    save_workflow,
    saved_message,
)
from app.ui.editor.scene import (
    EditorScene,
    free_offset,
    layered_layout,
    new_config,
    node_rect,
    through_port,
)
from app.ui.editor.toolbar import build_toolbar
from app.ui.editor.value_picker import template_paths
from app.ui.editor.widgets import CanvasView, Inspector, Palette
from app.ui.editor.workflow_form import WorkflowPanel
from app.ui.style import BAD, MUTED, OK, WARN, icon
from app.ui.text import PlainLabel


def load_connections(ctx: AppContext) -> dict[str, list[str]]:
    from app.store.connections import list_all

    with ctx.db.read() as s:
        out: dict[str, list[str]] = {}
        for c in list_all(s):
            out.setdefault(c.kind, []).append(c.name)
        return out


class EditorPage(WorkflowLibrary, LiveCheck, PracticeView, Publishing, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("editorPage")
        self.specs = ctx.registry.specs
        self.trigger_types = trigger_registry()
        self.rows: dict[str, dict[str, Any]] = {}
        self.doc = WorkflowDocument()
        self.undo = QUndoStack(self)
        self.saved_json: dict[str, Any] | None = None
        self.workflow_panel: WorkflowPanel | None = None
        self.known_connections: set[str] | None = None  # None until loaded: not checked
        self.current: str | None = None
        self.test_run: str | None = None
        self.problems: list[Problem] = []  # the last full check (drafts.check) of the document
        self.shown_errors: list[str] = []  # the errors the status line says
        # The full check reads connections and the keyring: off the GUI thread, once edits pause.
        self.full_check = QTimer(self)
        self.full_check.setSingleShot(True)
        self.full_check.setInterval(250)
        self.full_check.timeout.connect(self._full_check)

        lay = QVBoxLayout(self)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        lay.addWidget(self.toolbar)
        split = QSplitter()
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("workflowList")
        # a long name or state ("version 1 · naka-archive") wraps in the narrow list
        # (190 px at 1024x700) instead of running past its edge behind a sideways scroll bar
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.currentItemChanged.connect(self._pick)
        self.step_palette = Palette(self.specs)  # (QWidget.palette() is a method)
        self.workflows_label = QLabel(translate("Editor", "Workflows"))
        ll.addWidget(self.workflows_label)
        ll.addWidget(self.list, 1)
        self.steps_label = QLabel(translate("Editor", "Steps — drag onto the canvas"))
        self.steps_label.setWordWrap(True)  # a narrow list wraps the longer Filipino line
        ll.addWidget(self.steps_label)
        ll.addWidget(self.step_palette, 2)
        self.scene = EditorScene(self.doc, self.specs)
        self.view = CanvasView()
        self.view.setScene(self.scene)
        self.inspector = Inspector()
        self.banner = PlainLabel()
        self.banner.setObjectName("draftBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            f"background: #fff7e6; color: #374151; padding: 4px 8px; border-left: 4px solid {WARN};"
        )
        self.banner.hide()
        self.status = PlainLabel()
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        center = QWidget()
        cl = QVBoxLayout(center)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.banner)
        cl.addWidget(self.view, 1)
        cl.addWidget(self.status)
        split.addWidget(left)
        split.addWidget(center)
        split.addWidget(self.inspector)
        split.setSizes([190, 680, 300])  # room for the longer Filipino step names
        split.setStretchFactor(1, 1)
        lay.addWidget(split, 1)

        build_toolbar(self)
        self.view.dropped.connect(self.add_step_at)
        self.view.delete_pressed.connect(self.delete_selected)
        self.view.nudge.connect(self.nudge)
        self.view.file_dropped.connect(self.import_file)
        self.view.dragging.connect(self.scene.drag_type_over)
        self.view.drag_ended.connect(self.scene.end_drag)
        self.scene.link_requested.connect(self.connect_steps)
        self.scene.edge_menu_requested.connect(self.edge_menu)
        self.scene.step_menu_requested.connect(self.step_menu)
        self.scene.moved.connect(lambda moves: self.undo.push(cmd.MoveSteps(self.doc, moves)))
        self.scene.insert_requested.connect(self._moved_between)
        self.scene.selectionChanged.connect(self._selection)
        self.inspector.edited.connect(self._edited)
        self.inspector.rename_requested.connect(self.rename_step)
        # before _validate: the inspector follows a renamed step instead of rebuilding its form
        self.doc.step_renamed.connect(self.inspector.renamed)
        for sig in (
            self.doc.step_added,
            self.doc.step_removed,
            self.doc.step_changed,
            self.doc.edge_added,
            self.doc.edge_removed,
            self.doc.reset,
            self.doc.step_renamed,
            self.doc.workflow_changed,
        ):
            sig.connect(self._validate)
        ctx.events.changed.connect(self._engine_events)
        self.refresh()

    def retranslate(self) -> None:
        """After the operator switched language (``app.ui.language``): the words with data in
        them again: the list, the banner, the problems, the inspector. Switching happens in the
        window's footer, so a box being typed in has already handed its text over."""
        self.workflows_label.setText(translate("Editor", "Workflows"))
        self.steps_label.setText(translate("Editor", "Steps — drag onto the canvas"))
        self.step_palette.retranslate()
        self._relist()
        self.inspector.show_nothing()
        self.workflow_panel = None
        self._validate()  # the problems in the new language, and the inspector rebuilt
        self.scene.update()

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.background(lambda: load_rows(self.ctx), self._rows)
        self.ctx.background(lambda: load_connections(self.ctx), self._connections)

    def _connections(self, by_kind: dict[str, list[str]]) -> None:
        self.inspector.connections = by_kind
        known = {n for names in by_kind.values() for n in names}
        if known != self.known_connections:
            self.known_connections = known
            self._validate()

    def history(self) -> None:
        """Versions with who, when and what changed; restoring one saves it as the newest."""
        name = self.current
        if not name:
            return
        self.ctx.background(
            lambda: load_versions(self.ctx, name), lambda rows: self._show_history(name, rows)
        )

    def _show_history(self, name: str, rows: list[Version]) -> None:
        self.history_dialog = history_dialog(self, name, rows)

    def _rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows = {r["name"]: r for r in rows}
        self.list.blockSignals(True)
        self.list.clear()
        if self.current is not None and self.current not in self.rows:
            # a new or imported workflow, not saved yet: listed, so leaving it is a choice
            item = QListWidgetItem(
                icon("fa5s.project-diagram", MUTED),
                translate("Editor", "{name}\nnot saved yet").format(name=self.current),
            )
            item.setData(Qt.ItemDataRole.UserRole, self.current)
            self.list.addItem(item)
            self.list.setCurrentItem(item)
        for r in rows:
            on = r["version"] is not None and r["enabled"] and not r["archived"]
            item = QListWidgetItem(
                icon("fa5s.project-diagram", OK if on else MUTED), f"{r['name']}\n{row_words(r)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, r["name"])
            self.list.addItem(item)
            if r["name"] == self.current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._sync_switch()
        self._show_draft_state()
        if self.current is None and rows:
            # the row's index is the list's: nothing unsaved is listed before it (none is open)
            self.list.setCurrentRow(first_to_open(rows))

    def _relist(self) -> None:
        """The list again from what is known (after switching, discarding or a failed save)."""
        self._rows(list(self.rows.values()))

    def dirty(self) -> bool:
        return self.saved_json is not None and self.doc.to_dict() != self.saved_json

    def resolve_unsaved(self, leaving_for: str, then: Callable[[], None]) -> bool:
        """Run ``then`` once unsaved edits are saved or discarded, as the operator chooses;
        False (and ``then`` never runs) when they cancel."""
        if not self.dirty():
            then()
            return True
        answer = ask_unsaved(self, self.doc.workflow.name, leaving_for)
        if answer is Unsaved.CANCEL:
            return False
        if answer is Unsaved.SAVE:
            self.save(then=then)
            return True
        self.saved_json = None  # discarded: nothing is left to ask about
        then()
        return True

    def _pick(self, item: QListWidgetItem | None, prev: QListWidgetItem | None) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        if name == self.current or name not in self.rows:
            return

        def switch() -> None:
            self.open(Workflow.from_json(self.rows[name]["definition"]), name)
            self._relist()

        if not self.resolve_unsaved(
            translate("Editor", "opening “{name}”").format(name=name), switch
        ):
            self._relist()  # cancelled: the list shows the workflow still open

    def open(self, wf: Workflow, name: str | None = None) -> None:
        """Show ``wf`` (``name``: the workflow it is the draft of, when the draft renames it)."""
        if any(s.position is None for s in wf.steps):
            positions = layered_layout(WorkflowDocument(wf), self.specs)
            for s in wf.steps:
                s.position = s.position or positions[s.name]
        self.current = name or wf.name
        self.workflow_panel = None  # another workflow: its settings panel is rebuilt
        self.doc.load(wf)
        self.saved_json = self.doc.to_dict()
        self.undo.clear()
        self._sync_switch()
        self._show_draft_state()
        # now, or as soon as the canvas has its size (fitted stays set)
        self.view.fit(readable=True)

    # -- edits ------------------------------------------------------------------------------------
    def add_step_at(self, type_name: str, pos: QPointF) -> None:
        """A step type dropped from the palette at ``pos``; dropped onto a connection, the new
        step goes in between (one undo step)."""
        self.scene.end_drag()
        spec = self.specs.get(type_name)
        if spec is None:
            return
        name = self.doc.unique_name(type_name)
        x, y = round(pos.x()), round(pos.y())
        # titled as the palette names its type, in the operator's language (not "Http request")
        step = Step(name, type_name, new_config(self.specs, type_name), declared(spec.title), {})
        step.position = (x, y)
        edge = self.scene.edge_to_insert(step, pos)
        dx, dy = free_offset(self._taken(), [node_rect(step, self.specs)], (0, 0))
        step.position = (x + dx, y + dy)
        port = through_port(step, self.specs)
        if edge is not None and port is not None:
            self.undo.push(
                cmd.insert_between(self.doc, edge, name, port, cmd.AddStep(self.doc, step))
            )
        else:
            self.undo.push(cmd.AddStep(self.doc, step))
        self.scene.select_only([name])  # ready to fill in, in the inspector

    def _moved_between(self, name: str, edge: Edge, port: str, move: tuple) -> None:
        """A step dragged onto a connection: moved there and put in between, one undo step."""
        if edge in self.doc.workflow.edges:
            moved = cmd.MoveSteps(self.doc, {name: move})
            self.undo.push(cmd.insert_between(self.doc, edge, name, port, moved))
        else:
            self.undo.push(cmd.MoveSteps(self.doc, {name: move}))

    def _taken(self) -> list:
        return [node_rect(s, self.specs) for s in self.doc.workflow.steps]

    def connect_steps(self, source: str, port: str, target: str) -> None:
        wf = self.doc.workflow
        edge = Edge(source, port, target)
        if edge in wf.edges:
            return self.say(
                translate(
                    "Editor", "“{source}” is already connected to “{target}” from “{port}”."
                ).format(source=source, target=target, port=port)
            )
        if would_create_cycle(wf, source, target):
            return self.say(
                translate(
                    "Editor",
                    "Connecting “{source}” to “{target}” would make a loop; a workflow "
                    "runs forward only.",
                ).format(source=source, target=target)
            )
        self.undo.push(cmd.AddEdge(self.doc, edge))
        self.say("")

    def delete_selected(self) -> None:
        nodes = [i.name for i in self.scene.selectedItems() if hasattr(i, "name")]
        edges = [i.edge for i in self.scene.selectedItems() if hasattr(i, "edge")]
        if nodes:
            self.undo.push(cmd.remove_steps(self.doc, nodes))
        elif edges:
            self.undo.beginMacro(translate("Editor", "Delete connections"))
            for e in edges:
                self.undo.push(cmd.RemoveEdge(self.doc, e))
            self.undo.endMacro()

    def _item_menu(
        self,
        name: str,
        entries: list[tuple[str, str, str, Callable[[], Any]] | None],
        at: QPoint,
    ) -> QMenu:
        """A right-click menu on the canvas at ``at``: each entry (words, icon, object name,
        what it does), None a separator. Every edit it makes goes through the undo stack."""
        menu = QMenu(self)
        menu.setObjectName(name)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            text, ic, object_name, fn = entry
            action = menu.addAction(icon(ic), text)
            action.setObjectName(object_name)
            action.triggered.connect(fn)
        menu.popup(at)
        return menu

    def edge_menu(self, edge: Edge, at: QPoint) -> QMenu:
        """A connection's right-click menu: Delete, undoable like More ▸ Delete."""
        return self._item_menu(
            "connectionMenu",
            [
                (
                    translate("Editor", "Delete"),
                    "fa5s.trash",
                    "deleteConnection",
                    lambda: self._delete_edge(edge),
                )
            ],
            at,
        )

    def _delete_edge(self, edge: Edge) -> None:
        if edge in self.doc.workflow.edges:
            self.undo.push(cmd.RemoveEdge(self.doc, edge))

    def step_menu(self, name: str, at: QPoint) -> QMenu:
        """A step's right-click menu: its settings and its label in the inspector, Duplicate
        (like Copy then Paste), Copy, and Delete step (like More ▸ Delete): each one undo step."""
        return self._item_menu(
            "stepMenu",
            [
                (
                    translate("Editor", "Change settings"),
                    "fa5s.sliders-h",
                    "stepSettings",
                    lambda: self._edit_step(name, label=False),
                ),
                (
                    translate("Editor", "Rename"),
                    "fa5s.i-cursor",
                    "renameStep",
                    lambda: self._edit_step(name, label=True),
                ),
                (
                    translate("Editor", "Duplicate step"),
                    "fa5s.clone",
                    "duplicateStep",
                    lambda: self.duplicate_step(name),
                ),
                (
                    translate("Editor", "Copy"),
                    "fa5s.copy",
                    "copyStep",
                    lambda: self._copy_step(name),
                ),
                None,
                (
                    translate("Editor", "Delete step"),
                    "fa5s.trash",
                    "deleteStep",
                    lambda: self._delete_step(name),
                ),
            ],
            at,
        )

    def _edit_step(self, name: str, label: bool) -> None:
        """The step's settings in the inspector, the cursor in its label (``label``) or in its
        first setting."""
        if self.doc.workflow.step(name) is None:
            return
        if [i.name for i in self.scene.selectedItems() if hasattr(i, "name")] != [name]:
            self.scene.select_only([name])
        if self.inspector.step_name != name:
            return
        editors = [e for _f, e in self.inspector.editors.values() if e.isEnabled()]
        box = self.inspector.title if label or not editors else editors[0]
        self.inspector.ensureWidgetVisible(box)
        box.setFocus(Qt.FocusReason.OtherFocusReason)
        if label:
            self.inspector.title.selectAll()

    def duplicate_step(self, name: str) -> None:
        """A copy of the step beside it (renamed, unconnected), selected: one undo step."""
        step = self.doc.workflow.step(name)
        if step is None:
            return
        offset = free_offset(self._taken(), [node_rect(step, self.specs)], (40, 40))
        command = cmd.paste(
            self.doc, [step], [], offset, translate("Editor", "Duplicate {step}").format(step=name)
        )
        self.undo.push(command)
        self.scene.select_only([p.step.name for p in command.parts if isinstance(p, cmd.AddStep)])

    def _copy_step(self, name: str) -> None:
        self.scene.select_only([name])
        self.copy()

    def _delete_step(self, name: str) -> None:
        if self.doc.workflow.step(name) is not None:
            self.undo.push(cmd.remove_steps(self.doc, [name]))

    def nudge(self, dx: float, dy: float) -> None:
        moves = {}
        for item in self.scene.selectedItems():
            if hasattr(item, "name"):
                p = item.pos()
                step = self.doc.workflow.existing_step(item.name)
                moves[item.name] = (step.position, (p.x() + dx, p.y() + dy))
        if moves:
            self.undo.push(cmd.MoveSteps(self.doc, moves))

    def auto_layout(self) -> None:
        positions = layered_layout(self.doc)
        moves = {n: (self.doc.workflow.existing_step(n).position, p) for n, p in positions.items()}
        self.undo.push(cmd.MoveSteps(self.doc, moves))
        self.view.fit()

    def _edited(self, name: str, config: dict, title: str, retry: dict) -> None:
        step = self.doc.workflow.step(name)
        if step and (step.config != config or step.title != title or step.retry != retry):
            self.undo.push(cmd.SetConfig(self.doc, name, config, title, retry))

    def _workflow_edited(self, key: str, value: Any) -> None:
        if self.doc.workflow_value(key) != value:
            self.undo.push(cmd.SetWorkflowValue(self.doc, key, value))

    def rename_step(self, old: str, new: str) -> None:
        """A step's internal name; every template naming it is rewritten (one undo step)."""
        step = self.doc.workflow.step(old)
        if step is None or old == new:
            return
        if problem := name_problem(self.doc.workflow, old, new):
            self.say(problem, bad=True)
            self.inspector.refresh(step)  # the box shows the name it still has
            return
        self.undo.push(cmd.RenameStep(self.doc, old, new, self.specs, self.trigger_types))
        self.say(
            translate(
                "Editor",
                "“{step}” is now called “{new}” in templates; every reference to it was updated.",
            ).format(step=step.label, new=new)
        )

    def copy(self) -> None:
        selected = {i.name for i in self.scene.selectedItems() if hasattr(i, "name")}
        wf = self.doc.workflow
        names = [n for n in wf.step_names() if n in selected]
        data = {
            "daloy_steps": [wf.existing_step(n).to_dict() for n in names],
            "edges": [e.to_dict() for e in wf.edges if e.source in names and e.target in names],
        }
        QApplication.clipboard().setText(json.dumps(data))

    def paste(self) -> None:
        try:
            data = json.loads(QApplication.clipboard().text())
            part = Workflow.from_dict(
                {
                    "format_version": 1,
                    "name": "clip",
                    "steps": data["daloy_steps"],
                    "edges": data["edges"],
                }
            )
        except (ValueError, KeyError, TypeError, Exception):  # noqa: BLE001
            return self.say(translate("Editor", "The clipboard holds no Daloy steps."))
        for st in part.steps:
            st.position = st.position or (0.0, 0.0)
        offset = free_offset(
            self._taken(), [node_rect(st, self.specs) for st in part.steps], (40, 40)
        )
        command = cmd.paste(self.doc, part.steps, part.edges, offset)
        self.undo.push(command)
        self.scene.select_only([p.step.name for p in command.parts if isinstance(p, cmd.AddStep)])

    # -- live validation, selection, engine states ----------------------------------------------
    def _selection(self) -> None:
        """The inspector shows the selected step, or the workflow's own settings, always as
        the document holds them now."""
        try:
            items = [i for i in self.scene.selectedItems() if hasattr(i, "name")]
        except RuntimeError:
            return
        wf = self.doc.workflow
        step = wf.step(items[0].name) if len(items) == 1 else None
        if step is None:
            if self.inspector.step_name is None and self.workflow_panel is not None:
                self.workflow_panel.refresh(wf)
            else:
                self._show_workflow()
            return
        self.workflow_panel = None
        problems = [p.message for p in self.problems if p.step == step.name]
        if self.inspector.step_name == step.name and self.inspector.form is not None:
            self.inspector.refresh(step, problems)
            return
        self.inspector.show_step(
            step, self.specs.get(step.type), self.paths_for(step.name), problems
        )
        self._show_test_output(step.name)

    def _show_workflow(self) -> None:
        panel = WorkflowPanel(
            self.doc.workflow, self.trigger_types, self.inspector.connections, self.paths_for(None)
        )
        panel.changed.connect(self._workflow_edited)
        self.inspector.show_panel(panel)
        self.workflow_panel = panel

    def paths_for(self, name: str | None) -> list[str]:
        """Template paths the step can use (``value_picker.template_paths``)."""
        return template_paths(self.doc.workflow, self.specs, name)

    # -- saving, versions, practice ---------------------------------------------------------------
    def say(self, text: str, bad: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {BAD if bad else '#374151'}")

    def _show_draft_state(self) -> None:
        """The banner over the canvas: a saved draft takes no orders; the live version does."""
        row = self.rows.get(self.current or "")
        self.banner.setVisible(bool(row and row["draft"]))
        if row and row["draft"]:
            self.banner.setText(draft_words(row["version"]))

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save the draft through ``saving.save_workflow`` (never the live version); ``then``
        runs once it is stored."""
        wf = self.doc.workflow.copy()
        old_name = self.current
        problems = errors(self.problems)

        def done(saved: drafts.Draft) -> None:
            self.saved_json = wf.to_dict()
            self.current = saved.name  # the live name until a publish renames it
            row = self.rows.setdefault(
                saved.name,
                {"name": saved.name, "enabled": True, "archived": False, "version": None},
            )
            row.update(draft=True, definition=workflows.definition_of(wf))
            self._relist()
            self.say(saved_message(row["version"], problems), bad=bool(problems))
            self.refresh()
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self.say(
                translate("Editor", "“{name}” was not saved: {error}").format(
                    name=wf.name, error=exc
                ),
                bad=True,
            )
            self._relist()

        self.ctx.background(lambda: save_workflow(self.ctx, wf, old_name), done, failed)
