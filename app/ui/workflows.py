"""Workflows: the list, their versions, import/export, switching on and off, and a practice run
with the workflow's sample order. (The drag-and-drop step editor mounts here when present.)"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.model import Workflow
from app.core.validation import errors, validate
from app.store import workflows
from app.ui.context import AppContext
from app.ui.style import BAD, MUTED, OK, clock, icon


def load_list(ctx: AppContext) -> list[dict[str, Any]]:
    with ctx.db.read() as s:
        out = []
        for r in workflows.list_rows(s, include_archived=True):
            v = workflows.current_version(s, r)
            out.append({"name": r.name, "enabled": r.enabled, "archived": r.archived,
                        "version": v.number, "draft": v.has_errors,
                        "definition": v.definition,
                        "history": [(x.number, x.created_by, x.created_at, x.summary)
                                    for x in workflows.versions(s, r.name)],
                        "in_flight": workflows.runs_in_flight(s, r)})
        return out


class WorkflowsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("page")
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel("Workflows")
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addStretch(1)
        imp = QPushButton(icon("fa5s.file-import"), "Import…")
        imp.setObjectName("importWorkflow")
        imp.clicked.connect(self._import)
        top.addWidget(imp)
        lay.addLayout(top)
        split = QSplitter()
        self.list = QListWidget()
        self.list.setObjectName("workflowList")
        self.list.currentItemChanged.connect(self._selected)
        split.addWidget(self.list)
        right = QWidget()
        rl = QVBoxLayout(right)
        self.heading = QLabel("")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600")
        self.state = QLabel("")
        self.state.setWordWrap(True)
        self.steps = QTreeWidget()
        self.steps.setObjectName("workflowSteps")
        self.steps.setHeaderLabels(["Step", "Type", "Then"])
        self.steps.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history = QTreeWidget()
        self.history.setObjectName("versionHistory")
        self.history.setHeaderLabels(["Version", "By", "When", "What changed"])
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QHBoxLayout()
        self.practice_b = QPushButton(icon("fa5s.play", "white"), "Practice run with the sample order")
        self.practice_b.setObjectName("primary")
        self.toggle_b = QPushButton(icon("fa5s.power-off"), "Switch off")
        self.export_b = QPushButton(icon("fa5s.file-export"), "Export…")
        for b in (self.practice_b, self.toggle_b, self.export_b):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.practice_b.clicked.connect(self._practice)
        self.toggle_b.clicked.connect(self._toggle)
        self.export_b.clicked.connect(self._export)
        self.result = QLabel()
        self.result.setWordWrap(True)
        for w in (self.heading, self.state):
            rl.addWidget(w)
        rl.addLayout(buttons)
        rl.addWidget(self.result)
        rl.addWidget(QLabel("Steps"))
        rl.addWidget(self.steps, 2)
        rl.addWidget(QLabel("Versions"))
        rl.addWidget(self.history, 1)
        split.addWidget(right)
        split.setSizes([260, 700])
        lay.addWidget(split, 1)
        self.rows: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None
        self.refresh()

    def refresh(self) -> None:
        self.ctx.background(lambda: load_list(self.ctx), self._loaded)

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        keep = self.current["name"] if self.current else None
        self.list.clear()
        for r in rows:
            flags = "off" if not r["enabled"] else "on"
            if r["draft"]:
                flags = "draft"
            if r["archived"]:
                flags = "archived"
            li = QListWidgetItem(icon("fa5s.project-diagram", OK if flags == "on" else MUTED),
                                 f"{r['name']}\nversion {r['version']} · {flags} · "
                                 f"{r['in_flight']} in progress")
            li.setData(Qt.ItemDataRole.UserRole, r["name"])
            self.list.addItem(li)
            if r["name"] == keep or keep is None:
                self.list.setCurrentItem(li)
                keep = r["name"]

    def _selected(self, cur: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        name = cur.data(Qt.ItemDataRole.UserRole) if cur else None
        r = next((x for x in self.rows if x["name"] == name), None)
        if r is None:
            return
        self.current = r
        wf = Workflow.from_json(r["definition"])
        self.heading.setText(f"{wf.name} — version {r['version']}")
        problems = errors(validate(wf, self.ctx.registry.specs))
        self.state.setText((wf.description + "\n" if wf.description else "") + (
            f"{len(problems)} problem(s): " + "; ".join(str(p) for p in problems[:3])
            if problems else "No problems found."))
        self.state.setStyleSheet(f"color: {BAD if problems else '#111827'}")
        self.toggle_b.setText("Switch off" if r["enabled"] else "Switch on")
        self.practice_b.setEnabled("sample_input" in wf.extra)
        self.steps.clear()
        for st in wf.steps:
            spec = self.ctx.registry.specs.get(st.type)
            nexts = ", ".join(wf.step(e.target).label + (f" (if {e.port})" if e.port != "out" else "")
                              for e in wf.outgoing(st.name) if wf.step(e.target))
            item = QTreeWidgetItem([st.label, spec.title if spec else st.type, nexts])
            if spec:
                item.setIcon(0, icon(spec.icon))
            self.steps.addTopLevelItem(item)
        self.history.clear()
        for number, by, at, summary in r["history"]:
            self.history.addTopLevelItem(QTreeWidgetItem([str(number), by, clock(at), summary]))

    def _practice(self) -> None:
        if not self.current:
            return
        wf = Workflow.from_json(self.current["definition"])
        sample = wf.extra.get("sample_input", {})
        self._do(lambda: self.ctx.store.start_run(wf.name, sample, practice=True),
                 lambda run_id: f"Practice run started ({run_id[:8]}); see it under Orders. Steps "
                                "that act on the outside world only record what they would do.")

    def _toggle(self) -> None:
        if not self.current:
            return
        name, on = self.current["name"], not self.current["enabled"]

        def toggle() -> None:
            with self.ctx.db.write() as s:
                workflows.set_enabled(s, name, on)

        self._do(toggle, lambda _r: f"“{name}” switched {'on' if on else 'off'}.")

    def _export(self) -> None:
        if not self.current:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export workflow", f"{self.current['name']}.json",
                                              "Workflow (*.json)")
        if path:
            text = Workflow.from_json(self.current["definition"]).to_json()
            self._do(lambda: open(path, "w", encoding="utf-8").write(text),
                     lambda _r: f"Exported to {path}. Exports hold connection names, never secrets.")

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import workflow", "", "Workflow (*.json)")
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        def do() -> str:
            with open(path, "rb") as f:
                wf = Workflow.from_json(f.read())
            problems = errors(validate(wf, self.ctx.registry.specs))
            with self.ctx.db.write() as s:
                saved = workflows.save(s, wf, has_errors=bool(problems))
            return (f"Imported “{wf.name}” as version {saved.number}"
                    + (f" as a draft with {len(problems)} problem(s)." if problems else "."))

        self._do(do, lambda msg: msg)

    def _do(self, fn, message) -> None:  # noqa: ANN001
        def ok(result: Any) -> None:
            self.result.setStyleSheet(f"color: {OK}")
            self.result.setText(message(result))
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.result.setStyleSheet(f"color: {BAD}")
            self.result.setText(str(exc))

        self.ctx.background(fn, ok, failed)


