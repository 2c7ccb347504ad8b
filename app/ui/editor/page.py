"""The Workflows page: the list of workflows, the palette, the canvas and the inspector, with
undo/redo, copy/paste, automatic layout, live validation, versions and practice runs."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.model import Edge, Step, Workflow
from app.core.validation import errors, validate, would_create_cycle
from app.store import workflows
from app.ui.context import AppContext
from app.ui.editor import commands as cmd
from app.ui.editor.document import WorkflowDocument
from app.ui.editor.scene import EditorScene, layered_layout
from app.ui.editor.widgets import CanvasView, Inspector, Palette
from app.ui.style import BAD, MUTED, OK, STATE_WORDS, clock, icon, words
from app.ui.text import PlainLabel, confirm


def load_connections(ctx: AppContext) -> dict[str, list[str]]:
    from app.store.connections import list_all
    with ctx.db.read() as s:
        out: dict[str, list[str]] = {}
        for c in list_all(s):
            out.setdefault(c.kind, []).append(c.name)
        return out


def load_versions(ctx: AppContext, name: str) -> list[tuple[int, str, float, str]]:
    with ctx.db.read() as s:
        return [(v.number, v.created_by, v.created_at, v.summary)
                for v in workflows.versions(s, name)]


def load_rows(ctx: AppContext) -> list[dict[str, Any]]:
    with ctx.db.read() as s:
        out = []
        for r in workflows.list_rows(s, include_archived=True):
            v = workflows.current_version(s, r)
            out.append({"name": r.name, "enabled": r.enabled, "archived": r.archived,
                        "version": v.number, "draft": v.has_errors, "definition": v.definition})
        return out


class EditorPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("editorPage")
        self.specs = ctx.registry.specs
        self.doc = WorkflowDocument()
        self.undo = QUndoStack(self)
        self.saved_json: dict[str, Any] | None = None
        self.current: str | None = None
        self.test_run: str | None = None

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
        self.list.currentItemChanged.connect(self._pick)
        self.palette = Palette(self.specs)
        ll.addWidget(QLabel("Workflows"))
        ll.addWidget(self.list, 1)
        ll.addWidget(QLabel("Steps — drag onto the canvas"))
        ll.addWidget(self.palette, 2)
        self.scene = EditorScene(self.doc, self.specs)
        self.view = CanvasView()
        self.view.setScene(self.scene)
        self.inspector = Inspector()
        self.status = PlainLabel()
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        center = QWidget()
        cl = QVBoxLayout(center)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.view, 1)
        cl.addWidget(self.status)
        split.addWidget(left)
        split.addWidget(center)
        split.addWidget(self.inspector)
        split.setSizes([210, 640, 380])
        lay.addWidget(split, 1)

        self._actions()
        self.view.dropped.connect(self.add_step_at)
        self.view.delete_pressed.connect(self.delete_selected)
        self.view.nudge.connect(self.nudge)
        self.view.file_dropped.connect(self.import_file)
        self.scene.link_requested.connect(self.connect_steps)
        self.scene.moved.connect(lambda moves: self.undo.push(cmd.MoveSteps(self.doc, moves)))
        self.scene.selectionChanged.connect(self._selection)
        self.inspector.edited.connect(self._edited)
        for sig in (self.doc.step_added, self.doc.step_removed, self.doc.step_changed,
                    self.doc.edge_added, self.doc.edge_removed, self.doc.reset):
            sig.connect(self._validate)
        ctx.events.changed.connect(self._engine_events)
        self.refresh()

    # -- toolbar ------------------------------------------------------------------------------
    def _actions(self) -> None:
        def act(text: str, ic: str, fn, keys=None, name: str = "") -> QAction:  # noqa: ANN001
            a = QAction(icon(ic), text, self)
            a.triggered.connect(fn)
            if keys:
                a.setShortcuts(keys if isinstance(keys, list) else [keys])
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.setObjectName(name)
            self.toolbar.addAction(a)
            self.addAction(a)
            return a

        act("New", "fa5s.file", self.new_workflow, name="newWorkflow")
        act("Save", "fa5s.save", self.save, QKeySequence.StandardKey.Save, "saveWorkflow")
        self.undo_action = act("Undo", "fa5s.undo", self.undo.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = act("Redo", "fa5s.redo", self.undo.redo,
                               [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        act("Copy", "fa5s.copy", self.copy, QKeySequence.StandardKey.Copy)
        act("Paste", "fa5s.paste", self.paste, QKeySequence.StandardKey.Paste)
        act("Delete", "fa5s.trash", self.delete_selected)
        act("Tidy up", "fa5s.sitemap", self.auto_layout, name="autoLayout")
        act("Fit", "fa5s.expand", self.view.fit)
        act("Try it", "fa5s.play", self.practice, name="practiceRun")
        act("Import…", "fa5s.file-import", self._import_dialog)
        act("Export…", "fa5s.file-export", self._export_dialog)
        act("Rename…", "fa5s.i-cursor", self.rename)
        act("Duplicate", "fa5s.clone", self.duplicate)
        act("Archive", "fa5s.archive", self.archive)
        act("Switch on/off", "fa5s.power-off", self.toggle_enabled)
        act("History…", "fa5s.history", self.history, name="versionHistory")

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.background(lambda: load_rows(self.ctx), self._rows)
        self.ctx.background(lambda: load_connections(self.ctx),
                            lambda c: setattr(self.inspector, "connections", c))

    def history(self) -> None:
        """Versions with who, when and what changed; restoring one saves it as the newest."""
        name = self.current
        if not name:
            return
        self.ctx.background(lambda: load_versions(self.ctx, name),
                            lambda rows: self._show_history(name, rows))

    def _show_history(self, name: str, rows: list[tuple[int, str, float, str]]) -> None:
        dlg = QDialog(self)
        dlg.setObjectName("historyDialog")
        dlg.setWindowTitle(f"Versions of “{name}”")
        lay = QVBoxLayout(dlg)
        tree = QTreeWidget()
        tree.setObjectName("versionList")
        tree.setHeaderLabels(["Version", "By", "When", "What changed"])
        for number, who, at, summary in rows:
            item = QTreeWidgetItem([str(number), who, clock(at), summary])
            item.setData(0, Qt.ItemDataRole.UserRole, number)
            tree.addTopLevelItem(item)
        tree.setCurrentItem(tree.topLevelItem(0))
        lay.addWidget(tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        restore = buttons.addButton("Restore this version", QDialogButtonBox.ButtonRole.ActionRole)
        restore.setObjectName("restoreVersion")
        buttons.rejected.connect(dlg.reject)

        def do_restore() -> None:
            number = tree.currentItem().data(0, Qt.ItemDataRole.UserRole)

            def work() -> Any:
                with self.ctx.db.write() as s:
                    saved = workflows.restore(s, name, number)
                    return saved, workflows.load(s, name)[2]

            def done(result: Any) -> None:
                saved, wf = result
                self.open(wf)
                self.say(f"Version {number} restored as version {saved.number}.")
                self.refresh()
                dlg.accept()

            self.ctx.background(work, done, lambda e: self.say(str(e), bad=True))

        restore.clicked.connect(do_restore)
        lay.addWidget(buttons)
        dlg.resize(640, 360)
        self.history_dialog = dlg
        dlg.open()

    def _rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows = {r["name"]: r for r in rows}
        self.list.blockSignals(True)
        self.list.clear()
        for r in rows:
            state = "archived" if r["archived"] else "draft" if r["draft"] else (
                "on" if r["enabled"] else "off")
            item = QListWidgetItem(icon("fa5s.project-diagram", OK if state == "on" else MUTED),
                                   f"{r['name']}\nversion {r['version']} · {state}")
            item.setData(Qt.ItemDataRole.UserRole, r["name"])
            self.list.addItem(item)
            if r["name"] == self.current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.current is None and rows:
            self.list.setCurrentRow(0)

    def dirty(self) -> bool:
        return self.saved_json is not None and self.doc.to_dict() != self.saved_json

    def _pick(self, item: QListWidgetItem | None, prev: QListWidgetItem | None) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        if name == self.current:
            return
        if self.dirty() and not confirm(
                self, "Unsaved changes", f"Leave “{self.current}” without saving your changes?"):
            self.list.blockSignals(True)
            self.list.setCurrentItem(prev)
            self.list.blockSignals(False)
            return
        self.open(Workflow.from_json(self.rows[name]["definition"]))

    def open(self, wf: Workflow) -> None:
        if any(s.position is None for s in wf.steps):
            positions = layered_layout(WorkflowDocument(wf))
            for s in wf.steps:
                s.position = s.position or positions[s.name]
        self.current = wf.name
        self.doc.load(wf)
        self.saved_json = self.doc.to_dict()
        self.undo.clear()
        self.inspector.show_nothing()
        QTimer.singleShot(0, self.view.fit)

    # -- edits ------------------------------------------------------------------------------------
    def add_step_at(self, type_name: str, pos: QPointF) -> None:
        spec = self.specs.get(type_name)
        if spec is None:
            return
        name = self.doc.unique_name(type_name)
        config = {f.name: f.default for f in spec.fields if f.required and f.default is not None}
        self.undo.push(cmd.AddStep(self.doc, Step(name, type_name, config, "", {},
                                                  (round(pos.x()), round(pos.y())))))

    def connect_steps(self, source: str, port: str, target: str) -> None:
        wf = self.doc.workflow
        edge = Edge(source, port, target)
        if edge in wf.edges:
            return self.say(f"“{source}” is already connected to “{target}” from “{port}”.")
        if would_create_cycle(wf, source, target):
            return self.say(f"Connecting “{source}” to “{target}” would make a loop; a workflow "
                            "runs forward only.")
        self.undo.push(cmd.AddEdge(self.doc, edge))
        self.say("")

    def delete_selected(self) -> None:
        nodes = [i.name for i in self.scene.selectedItems() if hasattr(i, "name")]
        edges = [i.edge for i in self.scene.selectedItems() if hasattr(i, "edge")]
        if nodes:
            self.undo.push(cmd.remove_steps(self.doc, nodes))
        elif edges:
            self.undo.beginMacro("Delete connection(s)")
            for e in edges:
                self.undo.push(cmd.RemoveEdge(self.doc, e))
            self.undo.endMacro()

    def nudge(self, dx: float, dy: float) -> None:
        moves = {}
        for item in self.scene.selectedItems():
            if hasattr(item, "name"):
                p = item.pos()
                step = self.doc.workflow.step(item.name)
                moves[item.name] = (step.position, (p.x() + dx, p.y() + dy))
        if moves:
            self.undo.push(cmd.MoveSteps(self.doc, moves))

    def auto_layout(self) -> None:
        positions = layered_layout(self.doc)
        moves = {n: (self.doc.workflow.step(n).position, p) for n, p in positions.items()}
        self.undo.push(cmd.MoveSteps(self.doc, moves))
        self.view.fit()

    def _edited(self, name: str, config: dict, title: str, retry: dict) -> None:
        step = self.doc.workflow.step(name)
        if step and (step.config != config or step.title != title or step.retry != retry):
            self.undo.push(cmd.SetConfig(self.doc, name, config, title, retry))

    def copy(self) -> None:
        selected = {i.name for i in self.scene.selectedItems() if hasattr(i, "name")}
        wf = self.doc.workflow
        names = [n for n in wf.step_names() if n in selected]
        data = {"daloy_steps": [wf.step(n).to_dict() for n in names],
                "edges": [e.to_dict() for e in wf.edges if e.source in names and e.target in names]}
        QApplication.clipboard().setText(json.dumps(data))

    def paste(self) -> None:
        try:
            data = json.loads(QApplication.clipboard().text())
            part = Workflow.from_dict({"format_version": 1, "name": "clip",
                                       "steps": data["daloy_steps"], "edges": data["edges"]})
        except (ValueError, KeyError, TypeError, Exception):  # noqa: BLE001
            return self.say("The clipboard holds no Daloy steps.")
        self.undo.push(cmd.paste(self.doc, part.steps, part.edges))

    # -- live validation, selection, engine states ----------------------------------------------
    def _validate(self, *_a: Any) -> None:
        problems = validate(self.doc.workflow, self.specs)
        by_step: dict[str, str] = {}
        for p in problems:
            if p.step and p.severity == "error":
                by_step.setdefault(p.step, str(p))
        self.scene.set_problems(by_step)
        errs = errors(problems)
        self.say(f"{len(errs)} problem(s): {errs[0]}" if errs else
                 ("Unsaved changes." if self.dirty() else ""), bad=bool(errs))
        self._selection()

    def _selection(self) -> None:
        try:
            items = [i for i in self.scene.selectedItems() if hasattr(i, "name")]
        except RuntimeError:
            return
        if len(items) != 1:
            if self.inspector.step_name and self.doc.workflow.step(self.inspector.step_name) is None:
                self.inspector.show_nothing()
            return
        step = self.doc.workflow.step(items[0].name)
        if step is None:
            return
        if self.inspector.step_name == step.name and self.inspector.editors:
            return
        problems = [str(p) for p in validate(self.doc.workflow, self.specs) if p.step == step.name]
        self.inspector.show_step(step.name, step.title, step.config, step.retry,
                                 self.specs.get(step.type), self.paths_for(step.name), problems)
        self._show_test_output(step.name)

    def _show_test_output(self, name: str) -> None:
        run_id = self.test_run
        if not run_id:
            return

        def load() -> str:
            with self.ctx.db.read() as s:
                from app.store.models import StepRun
                row = s.query(StepRun).filter(StepRun.run_id == run_id,
                                              StepRun.name == name).one_or_none()
                if row is None:
                    return ""
                state = STATE_WORDS.get(row.state, (row.state,))[0]
                shown = row.output if row.output is not None else row.error
                return f"Practice run: {state}\n{words(shown) if shown is not None else ''}"

        self.ctx.background(load, lambda text: self.inspector.show_output(name, text))

    def paths_for(self, name: str) -> list[str]:
        """Template paths the step can use: trigger fields (from the sample order) and the
        outputs of steps that run before it."""
        wf = self.doc.workflow
        paths: list[str] = []

        def walk(prefix: str, value: Any) -> None:
            paths.append(prefix)
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(f"{prefix}.{k}", v)

        walk("trigger", wf.extra.get("sample_input") or {})
        for up in wf.upstream(name):
            paths.append(f"steps.{up}.output")
        return ["{{ " + p + " }}" for p in paths]

    def _engine_events(self, events: list) -> None:
        if not self.test_run or not any(e.run_id == self.test_run for e in events):
            return
        run_id = self.test_run

        def states() -> dict[str, str]:
            return dict(self.ctx.db.execute_sql(
                f"select name, state from step_runs where run_id = '{run_id}'"))

        self.ctx.background(states, self.scene.set_states)
        if self.inspector.step_name:
            self._show_test_output(self.inspector.step_name)

    # -- saving, versions, practice ---------------------------------------------------------------
    def say(self, text: str, bad: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {BAD if bad else '#374151'}")

    def save(self) -> None:
        wf = self.doc.workflow.copy()
        old_name = self.current
        problems = errors(validate(wf, self.specs))

        def do() -> Any:
            with self.ctx.db.write() as s:
                return workflows.save(s, wf, has_errors=bool(problems), rename_from=old_name)

        def done(saved: Any) -> None:
            self.saved_json = wf.to_dict()
            self.current = wf.name
            self.say(f"Saved as version {saved.number}" + (
                f" — a draft with {len(problems)} problem(s); it cannot be switched on until "
                "they are fixed." if problems else "."), bad=bool(problems))
            self.refresh()

        self.ctx.background(do, done, lambda e: self.say(str(e), bad=True))

    def new_workflow(self) -> None:
        name, ok = QInputDialog.getText(self, "New workflow", "Name:")
        if ok and name.strip():
            self.open(Workflow(name.strip()))
            self.saved_json = {}

    def practice(self) -> None:
        wf = self.doc.workflow
        sample = wf.extra.get("sample_input", {})
        if self.dirty():
            return self.say("Save first; the practice run uses the saved version.", bad=True)

        def start() -> str:
            return self.ctx.store.start_run(wf.name, sample, practice=True)

        def started(run_id: str) -> None:
            self.test_run = run_id
            self.say(f"Practice run {run_id[:8]} started: steps that act on the outside world "
                     "only record what they would send.")

        self.ctx.background(start, started, lambda e: self.say(str(e), bad=True))

    def rename(self) -> None:
        name, ok = QInputDialog.getText(self, "Rename workflow", "New name:",
                                        text=self.doc.workflow.name)
        if ok and name.strip():
            self.doc.workflow.name = name.strip()
            self.save()

    def duplicate(self) -> None:
        wf = self.doc.workflow.copy()
        wf.name = f"{wf.name} (copy)"
        self.open(wf)
        self.current = None
        self.save()

    def archive(self) -> None:
        name = self.current

        def do() -> None:
            with self.ctx.db.write() as s:
                workflows.set_archived(s, name, True)

        self.ctx.background(do, lambda _r: (self.say(f"“{name}” archived."), self.refresh()),
                            lambda e: self.say(str(e), bad=True))

    def toggle_enabled(self) -> None:
        name = self.current
        on = not self.rows.get(name, {}).get("enabled", False)

        def do() -> None:
            with self.ctx.db.write() as s:
                workflows.set_enabled(s, name, on)

        self.ctx.background(do, lambda _r: (self.say(f"“{name}” switched {'on' if on else 'off'}."),
                                            self.refresh()),
                            lambda e: self.say(str(e), bad=True))

    def import_file(self, path: str) -> None:
        def read() -> Workflow:
            with open(path, "rb") as f:
                return Workflow.from_json(f.read())

        def opened(wf: Workflow) -> None:
            self.open(wf)
            self.saved_json = {}
            self.say(f"Imported “{wf.name}”; press Save to keep it.")

        # A bad file is shown in words, never a crash.
        self.ctx.background(read, opened,
                            lambda exc: self.say(f"Could not import {path}: {exc}", bad=True))

    def _import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import workflow", "", "Workflow (*.json)")
        if path:
            self.import_file(path)

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export workflow", f"{self.doc.workflow.name}.json",
                                              "Workflow (*.json)")
        if path:
            text = self.doc.workflow.to_json()

            def write() -> None:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)

            self.ctx.background(
                write, lambda _r: self.say(f"Exported to {path} (connection names only, never "
                                           "secrets)."),
                lambda exc: self.say(f"Could not export to {path}: {exc}", bad=True))


