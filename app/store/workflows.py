"""Workflows and their versions. Saving creates a new version; a run pins the version it started
with, so editing a workflow never changes a run in flight."""

from __future__ import annotations

import json
import logging
import time
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.core.errors import DaloyError
from app.core.model import Workflow
from app.store import audit
from app.store.inbox import close_alert, open_alert
from app.store.models import InboxItem, Run, WorkflowRow, WorkflowVersion

if TYPE_CHECKING:
    from app.store.db import Database

log = logging.getLogger(__name__)
NAME_MAX = 100             # shown in lists, channel names and the tray; longer is a mistake
UNREADABLE = "workflow-unreadable:"   # inbox alert key of a workflow the runner had to skip


class WorkflowNotFound(DaloyError):
    pass


def name_problem(name: str, what: str = "workflow") -> str | None:
    """Why ``name`` cannot name a workflow (or a ``what``), as a sentence; None when it can."""
    if not isinstance(name, str) or not name.strip():
        return f"A {what} needs a name that is not blank."
    if name != name.strip():
        return f"The {what} name “{name.strip()}” must not start or end with spaces."
    if len(name) > NAME_MAX:
        return f"A {what} name may be at most {NAME_MAX} characters (this one has {len(name)})."
    if any(unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") for c in name):
        return (f"A {what} name must be one line of plain text (no line breaks, tabs or "
                "control characters).")
    return None


@dataclass(frozen=True)
class SavedVersion:
    workflow_id: int
    version_id: int
    number: int
    created: bool   # False when the definition did not change


def summarize_change(old: Workflow | None, new: Workflow) -> str:
    """A short sentence: steps added, removed, changed."""
    if old is None:
        return f"Created with {len(new.steps)} steps."
    olds = {s.name: s.to_dict() for s in old.steps}
    news = {s.name: s.to_dict() for s in new.steps}
    parts = []
    added = [n for n in news if n not in olds]
    removed = [n for n in olds if n not in news]
    changed = [n for n in news if n in olds and news[n] != olds[n]]
    if added:
        parts.append("added " + ", ".join(added))
    if removed:
        parts.append("removed " + ", ".join(removed))
    if changed:
        parts.append("changed " + ", ".join(changed))
    if set(old.edges) != set(new.edges):
        parts.append("connections changed")
    if [t.to_dict() for t in old.triggers] != [t.to_dict() for t in new.triggers]:
        parts.append("triggers changed")
    if old.business_key != new.business_key or old.description != new.description:
        parts.append("details changed")
    return (("; ".join(parts)).capitalize() + ".") if parts else "No changes."


def no_workflow(name: str) -> WorkflowNotFound:
    return WorkflowNotFound(f"There is no workflow called “{name}”.")


def no_version(name: str) -> WorkflowNotFound:
    return WorkflowNotFound(f"The workflow “{name}” has no saved version.")


def get_row(s: Session, name: str) -> WorkflowRow:
    row = s.scalar(select(WorkflowRow).where(WorkflowRow.name == name))
    if row is None:
        raise no_workflow(name)
    return row


def current_version(s: Session, row: WorkflowRow) -> WorkflowVersion:
    v = s.get(WorkflowVersion, row.current_version_id) if row.current_version_id else None
    if v is None:
        raise no_version(row.name)
    return v


def load(s: Session, name: str) -> tuple[WorkflowRow, WorkflowVersion, Workflow]:
    row = get_row(s, name)
    v = current_version(s, row)
    return row, v, Workflow.from_json(v.definition)


def save(s: Session, wf: Workflow, *, who: str | None = None, has_errors: bool = False,
         rename_from: str | None = None) -> SavedVersion:
    """Store ``wf`` as the newest version of the workflow with its name (created if new)."""
    if (problem := name_problem(wf.name)) is not None:
        raise DaloyError(problem)
    now = time.time()
    row = s.scalar(select(WorkflowRow).where(WorkflowRow.name == (rename_from or wf.name)))
    definition = json.dumps(wf.to_dict(), ensure_ascii=False, sort_keys=False)
    old: Workflow | None = None
    if row is None:
        row = WorkflowRow(name=wf.name, enabled=not has_errors, archived=False, created_at=now,
                          updated_at=now)
        s.add(row)
        s.flush()
        number = 1
    else:
        cur = s.get(WorkflowVersion, row.current_version_id) if row.current_version_id else None
        if cur is not None:
            if cur.definition == definition and cur.has_errors == has_errors:
                return SavedVersion(row.id, cur.id, cur.number, False)
            old = Workflow.from_json(cur.definition)
        number = (s.scalar(select(func.max(WorkflowVersion.number))
                           .where(WorkflowVersion.workflow_id == row.id)) or 0) + 1
        row.name = wf.name
        row.updated_at = now
        if has_errors:
            row.enabled = False
    v = WorkflowVersion(workflow_id=row.id, number=number, definition=definition,
                        has_errors=has_errors, summary=summarize_change(old, wf), created_at=now,
                        created_by=who or audit.current_user())
    s.add(v)
    s.flush()
    row.current_version_id = v.id
    audit.record(s, who, "workflow_saved", after={"workflow": wf.name, "version": number})
    return SavedVersion(row.id, v.id, number, True)


def list_rows(s: Session, include_archived: bool = False) -> list[WorkflowRow]:
    q = select(WorkflowRow).order_by(WorkflowRow.name)
    if not include_archived:
        q = q.where(WorkflowRow.archived.is_(False))
    return list(s.scalars(q))


def versions(s: Session, name: str) -> list[WorkflowVersion]:
    row = get_row(s, name)
    return list(s.scalars(select(WorkflowVersion).where(WorkflowVersion.workflow_id == row.id)
                          .order_by(WorkflowVersion.number.desc())))


def restore(s: Session, name: str, number: int, who: str | None = None) -> SavedVersion:
    row = get_row(s, name)
    v = s.scalar(select(WorkflowVersion).where(WorkflowVersion.workflow_id == row.id,
                                               WorkflowVersion.number == number))
    if v is None:
        raise WorkflowNotFound(f"The workflow “{name}” has no version {number}.")
    wf = Workflow.from_json(v.definition)
    return save(s, wf, who=who, has_errors=v.has_errors)


def runs_in_flight(s: Session, row: WorkflowRow) -> int:
    return s.scalar(select(func.count()).select_from(Run).where(
        Run.workflow_id == row.id, Run.finished_at.is_(None))) or 0


def set_archived(s: Session, name: str, archived: bool, who: str | None = None) -> None:
    row = get_row(s, name)
    if archived and (n := runs_in_flight(s, row)):
        raise DaloyError(f"“{name}” still has {n} orders in progress; let them finish or cancel "
                         "them before archiving the workflow.")
    row.archived = archived
    row.enabled = row.enabled and not archived
    audit.record(s, who, "workflow_archived" if archived else "workflow_unarchived",
                 after={"workflow": name})


def set_enabled(s: Session, name: str, enabled: bool, who: str | None = None) -> None:
    row = get_row(s, name)
    if enabled:
        v = current_version(s, row)
        if v.has_errors:
            raise DaloyError(f"“{name}” was saved with problems as a draft; fix them before "
                             "switching it on.")
    row.enabled = enabled
    audit.record(s, who, "workflow_enabled" if enabled else "workflow_disabled",
                 after={"workflow": name})


def remove(s: Session, name: str, who: str | None = None) -> int:
    """Delete a workflow that never ran (a mistaken import). One with runs keeps its history:
    it can only be archived. The last definition stays in the audit trail. Returns the number
    of versions removed."""
    row = get_row(s, name)
    runs = s.scalar(select(func.count()).select_from(Run).where(Run.workflow_id == row.id)) or 0
    if runs:
        raise DaloyError(f"“{name}” has {runs} run(s) in its history, so it cannot be removed; "
                         f"archive it instead (daloy workflow archive {json.dumps(name)}).")
    cur = s.get(WorkflowVersion, row.current_version_id) if row.current_version_id else None
    row.current_version_id = None
    s.flush()
    gone = s.execute(delete(WorkflowVersion).where(WorkflowVersion.workflow_id == row.id)).rowcount
    s.delete(row)
    audit.record(s, who, "workflow_removed",
                 before={"workflow": name, "definition": cur.definition if cur else None})
    return gone or 0


def taking_orders(db: Database) -> list[Workflow]:
    """Every switched-on workflow, ready for intake. One that cannot be read (a damaged
    definition, a name no channel can use) is skipped, logged and raised in the inbox, so one
    bad workflow never stops the others; the alert closes when the workflow reads again."""
    good: list[Workflow] = []
    bad: dict[str, tuple[str, str]] = {}
    with db.read() as s:
        for row in list_rows(s):
            if not row.enabled:
                continue
            try:
                wf = Workflow.from_json(current_version(s, row).definition)
                if (problem := name_problem(row.name)) is not None:
                    raise DaloyError(problem)
            except (DaloyError, ValueError, RecursionError) as exc:
                bad[f"{UNREADABLE}{row.id}"] = (row.name, str(exc))
                continue
            good.append(wf)
        stale = [k for k in s.scalars(select(InboxItem.source_key).where(
            InboxItem.status == "open", InboxItem.source_key.like(f"{UNREADABLE}%")))
            if k not in bad]
    if bad or stale:
        with db.write() as s:
            for key, (name, reason) in bad.items():
                log.error("workflow %r skipped: %s", name, reason)
                open_alert(s, "system", key, f"Workflow “{name.strip() or name!r}” was skipped",
                           f"Daloy could not start the workflow “{name}”: {reason} It takes no "
                           "orders until it is fixed (import a corrected version) or archived.",
                           workflow_name=name)
            for key in stale:
                close_alert(s, key, "the workflow reads again")
    return good
