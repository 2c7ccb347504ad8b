"""Workflows and their versions. A run pins the version it started with, so editing a workflow
never changes a run in flight; edits go to a draft (``app.store.drafts``) and only a published
version takes orders. Switching a workflow off is explicit and never loses an order: what
arrives meanwhile waits (``app.store.held``) and starts when it is switched on again."""

from __future__ import annotations

import json
import logging
import time
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from app.core import own_notes
from app.core.changes import describe_changes
from app.core.changes import summary as changes_summary
from app.core.errors import DaloyError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.kinds import InboxKind
from app.core.model import Workflow
from app.store import audit
from app.store.inbox import close_alert, open_alert
from app.store.models import InboxItem, Run, WorkflowDraft, WorkflowRow, WorkflowVersion

if TYPE_CHECKING:
    from app.store.db import Database

log = logging.getLogger(__name__)
NAME_MAX = 100  # shown in lists, channel names and the tray; longer is a mistake
UNREADABLE = "workflow-unreadable:"  # inbox alert key of a workflow the runner had to skip


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
        return (
            f"A {what} name must be one line of plain text (no line breaks, tabs or "
            "control characters)."
        )
    return None


@dataclass(frozen=True)
class SavedVersion:
    workflow_id: int
    version_id: int
    number: int
    created: bool  # False when the definition did not change


def no_workflow(name: str) -> WorkflowNotFound:
    return WorkflowNotFound(f"There is no workflow called “{name}”.")


def no_version(name: str) -> WorkflowNotFound:
    return WorkflowNotFound(
        f"The workflow “{name}” has not been published yet, so it takes no "
        "orders; publish its draft first (daloy workflow publish NAME)."
    )


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


def definition_of(wf: Workflow) -> str:
    return json.dumps(wf.to_dict(), ensure_ascii=False, sort_keys=False)


def new_row(s: Session, name: str) -> WorkflowRow:
    """A new workflow's row: switched on, so its first publish makes it take orders; until
    then it has no current version and takes none."""
    if (problem := name_problem(name)) is not None:
        raise DaloyError(problem)
    now = time.time()
    row = WorkflowRow(name=name, enabled=True, archived=False, created_at=now, updated_at=now)
    s.add(row)
    s.flush()
    return row


def add_version(
    s: Session,
    row: WorkflowRow,
    wf: Workflow,
    *,
    who: str | None,
    has_errors: bool = False,
    note: str = "",
    summary: str | None = None,
    uses: list[str] | None = None,
    summary_words: list[dict[str, Any]] | None = None,
) -> SavedVersion:
    """Make ``wf`` the current (live) version of ``row``: a new numbered version keeping who,
    when, the note and what changed; an unchanged definition adds nothing. Checks nothing:
    ``drafts.publish`` is the checked way in."""
    definition = definition_of(wf)
    cur = s.get(WorkflowVersion, row.current_version_id) if row.current_version_id else None
    old: Workflow | None = None
    if cur is not None:
        if cur.definition == definition and cur.has_errors == has_errors and row.name == wf.name:
            return SavedVersion(row.id, cur.id, cur.number, False)
        old = Workflow.from_json(cur.definition)
    if (problem := name_problem(wf.name)) is not None:
        raise DaloyError(problem)
    number = (
        s.scalar(
            select(func.max(WorkflowVersion.number)).where(
                WorkflowVersion.workflow_id == row.id, WorkflowVersion.kind == "published"
            )
        )
        or 0
    ) + 1
    if summary is None:  # said in words, each sentence with its template (migration 0011)
        summary, summary_words = changes_summary(describe_changes(old, wf))
    now = time.time()
    row.name = wf.name
    row.updated_at = now
    v = WorkflowVersion(
        workflow_id=row.id,
        number=number,
        definition=definition,
        has_errors=has_errors,
        created_at=now,
        summary=summary,
        summary_words=summary_words,
        created_by=who or audit.current_user(),
        note=note,
        kind="published",
        uses=uses,
    )
    s.add(v)
    s.flush()
    row.current_version_id = v.id
    audit.record(
        s, who, "workflow_saved", after={"workflow": wf.name, "version": number, "note": note}
    )
    return SavedVersion(row.id, v.id, number, True)


def save(
    s: Session,
    wf: Workflow,
    *,
    who: str | None = None,
    has_errors: bool = False,
    rename_from: str | None = None,
) -> SavedVersion:
    """Store ``wf`` straight as the live version of the workflow with its name (created if
    new), unchecked: for tests and scripts that build a known-good workflow. Operators' edits
    go through ``drafts.save_draft`` and ``drafts.publish``. Never switches a workflow off."""
    row = s.scalar(select(WorkflowRow).where(WorkflowRow.name == (rename_from or wf.name)))
    if row is None:
        row = new_row(s, wf.name)
    return add_version(s, row, wf, who=who, has_errors=has_errors)


def list_rows(s: Session, include_archived: bool = False) -> list[WorkflowRow]:
    q = select(WorkflowRow).order_by(WorkflowRow.name)
    if not include_archived:
        q = q.where(WorkflowRow.archived.is_(False))
    return list(s.scalars(q))


def versions(s: Session, name: str) -> list[WorkflowVersion]:
    row = get_row(s, name)
    return list(
        s.scalars(
            select(WorkflowVersion)
            .where(WorkflowVersion.workflow_id == row.id, WorkflowVersion.kind == "published")
            .order_by(WorkflowVersion.number.desc())
        )
    )


def version(s: Session, name: str, number: int) -> WorkflowVersion:
    """Published version ``number`` of the workflow, or an error in words."""
    row = get_row(s, name)
    v = s.scalar(
        select(WorkflowVersion).where(
            WorkflowVersion.workflow_id == row.id,
            WorkflowVersion.number == number,
            WorkflowVersion.kind == "published",
        )
    )
    if v is None:
        raise WorkflowNotFound(f"The workflow “{name}” has no version {number}.")
    return v


def restore(s: Session, name: str, number: int, who: str | None = None) -> SavedVersion:
    """Make an old version live again at once, unchecked (kept for scripts and tests); the
    editor restores as a draft instead (``drafts.restore_as_draft``)."""
    row = get_row(s, name)
    v = version(s, name, number)
    return add_version(
        s,
        row,
        Workflow.from_json(v.definition),
        who=who,
        has_errors=v.has_errors,
        note=own_notes.RESTORED.format(number=number),  # said in the reader's language
    )


def runs_in_flight(s: Session, row: WorkflowRow) -> int:
    return (
        s.scalar(
            select(func.count())
            .select_from(Run)
            .where(Run.workflow_id == row.id, Run.finished_at.is_(None))
        )
        or 0
    )


def set_archived(s: Session, name: str, archived: bool, who: str | None = None) -> None:
    row = get_row(s, name)
    if archived and (n := runs_in_flight(s, row)):
        raise DaloyError(
            f"“{name}” still has {n} orders in progress; let them finish or cancel "
            "them before archiving the workflow."
        )
    row.archived = archived
    row.enabled = row.enabled and not archived
    audit.record(
        s, who, "workflow_archived" if archived else "workflow_unarchived", after={"workflow": name}
    )


def set_enabled(s: Session, name: str, enabled: bool, who: str | None = None) -> int:
    """Switch a workflow on or off, audited. Switched off, its intake keeps reading and every
    order that arrives waits, visibly (``held``); switching on starts those orders. Refused in
    words when it is archived, was never published, or a connection its live version uses is
    missing or has no saved secret (checked before any order starts). Returns how many waiting
    orders were started."""
    from app.store import held
    from app.store.drafts import missing_connections

    row = get_row(s, name)
    started = 0
    if enabled:
        if row.archived:
            raise DaloyError(f"“{name}” is archived; bring it back from the archive first.")
        v = current_version(s, row)
        if v.has_errors:
            raise DaloyError(
                f"The live version of “{name}” was saved with problems; publish a "
                "corrected draft before switching it on."
            )
        if problems := missing_connections(s, v.uses or []):
            raise DaloyError(f"“{name}” cannot be switched on: {' '.join(problems)}")
    if row.enabled != enabled:
        row.enabled = enabled
        audit.record(
            s, who, "workflow_enabled" if enabled else "workflow_disabled", after={"workflow": name}
        )
    if enabled:
        started = held.release(s, row)
    return started


def remove(s: Session, name: str, who: str | None = None) -> int:
    """Delete a workflow that never ran (a mistaken import). One with runs keeps its history:
    it can only be archived. The last definition stays in the audit trail. Returns the number
    of versions removed."""
    row = get_row(s, name)
    runs = s.scalar(select(func.count()).select_from(Run).where(Run.workflow_id == row.id)) or 0
    if runs:
        raise DaloyError(
            f"“{name}” has {runs} run(s) in its history, so it cannot be removed; "
            f"archive it instead (daloy workflow archive {json.dumps(name)})."
        )
    cur = s.get(WorkflowVersion, row.current_version_id) if row.current_version_id else None
    row.current_version_id = None
    s.flush()
    s.execute(delete(WorkflowDraft).where(WorkflowDraft.workflow_id == row.id))
    removed = s.execute(delete(WorkflowVersion).where(WorkflowVersion.workflow_id == row.id))
    assert isinstance(removed, CursorResult)  # a DELETE's result counts its rows
    gone = removed.rowcount
    s.delete(row)
    audit.record(
        s,
        who,
        "workflow_removed",
        before={"workflow": name, "definition": cur.definition if cur else None},
    )
    return gone or 0


def taking_orders(db: Database) -> list[Workflow]:
    """Every published, unarchived workflow, ready for intake: a switched-off one too, so its
    orders are read and kept waiting (``held``) instead of left unread. One that cannot be read
    (a damaged definition, a name no channel can use) is skipped, logged and raised in the
    inbox, so one bad workflow never stops the others; the alert closes when it reads again.
    A workflow never published (a draft only) takes no orders."""
    good: list[Workflow] = []
    bad: dict[str, tuple[str, str]] = {}
    with db.read() as s:
        for row in list_rows(s):
            live = s.get(WorkflowVersion, row.current_version_id or -1)
            if live is None or (live.has_errors and not row.enabled):
                continue  # never published, or an old Daloy's switched-off draft
            try:
                wf = Workflow.from_json(live.definition)
                if (problem := name_problem(row.name)) is not None:
                    raise DaloyError(problem)
            except (DaloyError, ValueError, RecursionError) as exc:
                bad[f"{UNREADABLE}{row.id}"] = (row.name, str(exc))
                continue
            good.append(wf)
        stale = [
            k
            for k in s.scalars(
                select(InboxItem.source_key).where(
                    InboxItem.status == "open", InboxItem.source_key.like(f"{UNREADABLE}%")
                )
            )
            if k is not None and k not in bad  # (the LIKE excludes NULL: narrows the type)
        ]
    if bad or stale:
        with db.write() as s:
            for key, (name, reason) in bad.items():
                log.error("workflow %r skipped: %s", name, reason)
                open_alert(
                    s,
                    InboxKind.SYSTEM,
                    key,
                    said(
                        QT_TRANSLATE_NOOP("Inbox", "Workflow “{workflow}” was skipped"),
                        workflow=name.strip() or repr(name),
                    ),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Inbox",
                            "Daloy could not start the workflow “{workflow}”: {reason} It takes "
                            "no orders until it is fixed (import a corrected version) or archived.",
                        ),
                        workflow=name,
                        reason=reason,
                    ),
                    workflow_name=name,
                )
            for key in stale:
                close_alert(s, key, "the workflow reads again")
    return good
