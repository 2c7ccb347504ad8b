"""The workflow list's actions from the editor toolbar: New, rename, duplicate, archive, the
on/off switch (switching off is confirmed), import and export. Each one that would replace the
open workflow asks about unsaved edits first. And what the list shows of each workflow: its
live version, on or off, and whether it has a draft (the editor opens the draft)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.core.i18n import translate
from app.core.model import Workflow
from app.store import drafts, workflows
from app.ui.context import AppContext
from app.ui.style import MUTED, OK, icon
from app.ui.text import confirm

# A mixin of EditorPage, which holds what ``self`` uses here. mypy cannot take EditorPage as
# this base (the page derives from this class: a cycle), so it sees Any there.
if TYPE_CHECKING:
    _Base = Any
else:
    _Base = object


def load_rows(ctx: AppContext) -> list[dict[str, Any]]:
    """Each workflow with its live version number (None: never published), whether it has a
    draft, and the definition the editor opens: the draft when there is one."""
    with ctx.db.read() as s:
        out = []
        for r in workflows.list_rows(s, include_archived=True):
            live = workflows.current_version(s, r) if r.current_version_id else None
            draft = drafts.get_draft(s, r.name)
            if live is None and draft is None:
                continue
            out.append(
                {
                    "name": r.name,
                    "enabled": r.enabled,
                    "archived": r.archived,
                    "version": live.number if live else None,
                    "draft": draft is not None,
                    "definition": workflows.definition_of(draft.workflow)
                    if draft
                    else live.definition
                    if live
                    else None,  # (not reached: a workflow with neither was skipped)
                }
            )
        return out


def first_to_open(rows: list[dict[str, Any]]) -> int:
    """The row the editor opens when nothing is open yet: the shop's order workflow, not the
    “Backorder” it starts (which sorts before it). Among workflows not archived: one that takes
    orders from a channel (email, web form, marketplace) before one only started by hand or by
    another workflow, then one no other workflow runs, then the larger; the first on a tie."""
    defs: list[dict[str, Any]] = []
    for r in rows:
        try:
            d = json.loads(r["definition"] or "{}")
        except ValueError:
            d = None  # an unreadable definition still opens, and says what is wrong there
        defs.append(d if isinstance(d, dict) else {})
    called = {
        s["config"]["workflow"]
        for d in defs
        for s in d.get("steps") or []
        if isinstance(s, dict)
        and isinstance(s.get("config"), dict)
        and isinstance(s["config"].get("workflow"), str)
    }

    def rank(i: int) -> tuple[bool, bool, bool, int, int]:
        d = defs[i]
        channel = any(
            isinstance(tr, dict) and tr.get("type") not in (None, "manual")
            for tr in d.get("triggers") or []
        )
        steps = len(d.get("steps") or [])
        return (not rows[i]["archived"], channel, rows[i]["name"] not in called, steps, -i)

    return max(range(len(rows)), key=rank, default=0)


def row_words(row: dict[str, Any]) -> str:
    """The second line of a workflow in the list: live version, on/off, draft."""
    if row["version"] is None:
        return translate("Editor", "draft only · not published")
    state = (
        translate("Editor", "archived")
        if row["archived"]
        else translate("Editor", "on")
        if row["enabled"]
        else translate("Editor", "off")
    )
    words = translate("Editor", "version {version} · {state}").format(
        version=row["version"], state=state
    )
    return words + (translate("Editor", " · draft") if row["draft"] else "")


class WorkflowLibrary(_Base):
    """Mixed into ``EditorPage``: what the toolbar does to whole workflows."""

    current: str | None
    saved_json: dict[str, Any] | None

    def new_workflow(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            translate("Editor", "New workflow"),
            translate("Editor", "Name of the new workflow:"),
        )
        name = name.strip()
        if not ok or not name:
            return
        if name in self.rows or name == self.current:
            self.say(
                translate(
                    "Editor",
                    "A workflow called “{name}” already exists; open it from the list, or "
                    "choose another name.",
                ).format(name=name),
                bad=True,
            )
            return

        def start() -> None:
            self.open(Workflow(name))
            self.saved_json = {}
            self._relist()
            self.say(
                translate(
                    "Editor",
                    "New workflow “{name}”: drag steps onto the canvas, choose where its "
                    "orders come from on the right, then Save the draft and Publish it.",
                ).format(name=name)
            )

        self.resolve_unsaved(translate("Editor", "starting “{name}”").format(name=name), start)

    def rename(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            translate("Editor", "Rename workflow"),
            translate("Editor", "New name:"),
            text=self.doc.workflow.name,
        )
        if ok and name.strip():
            self.doc.workflow.name = name.strip()
            self.save()

    def duplicate(self) -> None:
        def copy() -> None:
            wf = self.doc.workflow.copy()
            wf.name = translate("Editor", "{name} (copy)").format(name=wf.name)
            self.open(wf)
            self.current = None
            self.save()

        self.resolve_unsaved(translate("Editor", "making a copy"), copy)

    def archive(self) -> None:
        name = self.current
        if name is None:
            return  # no workflow open

        def do() -> None:
            with self.ctx.db.write() as s:
                workflows.set_archived(s, name, True)

        self.ctx.background(
            do,
            lambda _r: (
                self.say(translate("Editor", "“{name}” archived.").format(name=name)),
                self.refresh(),
            ),
            lambda e: self.say(str(e), bad=True),
        )

    def _sync_switch(self) -> None:
        """The on/off switch shows whether the open workflow takes orders."""
        row = self.rows.get(self.current or "")
        if row is not None and row["version"] is None:
            row = None  # a draft only: nothing to switch until published
        on = bool(row and row["enabled"] and not row["archived"])
        self.switch_action.setChecked(on)
        self.switch_action.setEnabled(row is not None)
        self.switch_action.setText(
            translate("Editor", "Taking orders")
            if on
            else translate("Editor", "Switched off")
            if row
            else translate("Editor", "Not published")
        )
        self.switch_action.setIcon(
            icon("fa5s.toggle-on" if on else "fa5s.toggle-off", OK if on else MUTED)
        )
        self.switch_action.setToolTip(
            translate(
                "Editor", "Switched on: takes orders from its triggers. Click to switch it off."
            )
            if on
            else translate("Editor", "Switched off: takes no new orders. Click to switch it on.")
            if row
            else translate("Editor", "Publish the workflow before switching it on.")
        )

    def toggle_enabled(self) -> None:
        name = self.current
        row = self.rows.get(name or "")
        if name is None or row is None or row["version"] is None:
            self._sync_switch()
            return self.say(
                translate("Editor", "Publish the workflow first; then it can be switched on."),
                bad=True,
            )
        on = not row["enabled"]
        if not on and not confirm(
            self,
            translate("Editor", "Switch off?"),
            translate(
                "Editor",
                "Switch off “{name}”? It takes no new orders until you switch it on again; "
                "orders already started carry on.",
            ).format(name=name),
            translate("Editor", "Switch it off"),
            translate("Editor", "Keep it on"),
        ):
            self._sync_switch()
            return None

        def do() -> None:
            with self.ctx.db.write() as s:
                workflows.set_enabled(s, name, on)

        def failed(exc: BaseException) -> None:
            self._sync_switch()
            self.say(str(exc), bad=True)

        self.ctx.background(
            do,
            lambda _r: (
                self.say(
                    (
                        translate("Editor", "“{name}” switched on.")
                        if on
                        else translate("Editor", "“{name}” switched off.")
                    ).format(name=name)
                ),
                self.refresh(),
            ),
            failed,
        )
        return None

    def import_file(self, path: str) -> None:
        def read() -> Workflow:
            with open(path, "rb") as f:
                return Workflow.from_json(f.read())

        def opened(wf: Workflow) -> None:
            def show() -> None:
                self.open(wf)
                self.saved_json = {}
                self._relist()
                self.say(
                    translate(
                        "Editor",
                        "Imported “{name}”; Save keeps it as a draft, Publish makes it take orders.",
                    ).format(name=wf.name)
                )

            self.resolve_unsaved(
                translate("Editor", "opening the imported “{name}”").format(name=wf.name), show
            )

        # A bad file is shown in words, never a crash.
        self.ctx.background(
            read,
            opened,
            lambda exc: self.say(
                translate("Editor", "Could not import {path}: {error}").format(
                    path=path, error=exc
                ),
                bad=True,
            ),
        )

    def _import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Editor", "Import workflow"),
            "",
            translate("Editor", "Workflow (*.json)"),
        )
        if path:
            self.import_file(path)

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("Editor", "Export workflow"),
            f"{self.doc.workflow.name}.json",
            translate("Editor", "Workflow (*.json)"),
        )
        if path:
            text = self.doc.workflow.to_json()

            def write() -> None:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)

            self.ctx.background(
                write,
                lambda _r: self.say(
                    translate(
                        "Editor", "Exported to {path} (connection names only, never secrets)."
                    ).format(path=path)
                ),
                lambda exc: self.say(
                    translate("Editor", "Could not export to {path}: {error}").format(
                        path=path, error=exc
                    ),
                    bad=True,
                ),
            )
