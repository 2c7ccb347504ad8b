"""The audit trail: every operator action, with who (the OS user) and when, before and after;
and the queries that read it back (the audit page, an order's timeline)."""

from __future__ import annotations

import functools
import getpass
import os
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.store.models import AuditEntry, Run


def current_user() -> str:
    return os.environ.get("DALOY_USER") or _account()


@functools.cache
def _account() -> str:
    # The account does not change while Daloy runs, and asking the user database costs about
    # a millisecond: every order started would pay it.
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user database entry (containers)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def record(
    s: Session,
    who: str | None,
    action: str,
    *,
    run_id: str | None = None,
    step_name: str | None = None,
    inbox_item_id: int | None = None,
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    entry = AuditEntry(
        at=time.time(),
        who=who or current_user(),
        action=action,
        run_id=run_id,
        step_name=step_name,
        inbox_item_id=inbox_item_id,
        before=before,
        after=after,
    )
    s.add(entry)
    return entry


# -- reading the trail --------------------------------------------------------------------------
# The audit page (every action, filtered) and an order's timeline (who chose Backorder, who
# pressed Retry, when, with what note) read the trail here, in words.


@dataclass(frozen=True)
class AuditRow:
    """One recorded action: who, when, what (``action``, and ``sentence`` in words), on which
    order and step, and the operator's ``note`` (a cancel reason, a decision's note)."""

    id: int
    at: float
    who: str
    action: str
    sentence: str
    note: str
    run_id: str | None
    step_name: str | None
    inbox_item_id: int | None
    workflow: str
    business_key: str
    before: Any
    after: Any

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


_WORDS = {
    "retry": "pressed Retry on “{step}”",
    "retry_with_input": "retried “{step}” with changed input",
    "skip": "skipped “{step}”",
    "restart": "restarted the order from “{step}”",
    "cancel": "cancelled the order",
    "dismiss": "dismissed an inbox entry",
    "run_started": "started the order",
    "workflow_saved": "saved the workflow",
    "workflow_enabled": "switched the workflow on",
    "workflow_disabled": "switched the workflow off",
    "workflow_archived": "archived the workflow",
    "workflow_unarchived": "brought the workflow back from the archive",
    "workflow_removed": "removed the workflow",
    "connection_saved": "saved the connection",
    "connection_removed": "removed the connection",
}


def _note(entry: AuditEntry) -> str:
    after = entry.after if isinstance(entry.after, dict) else {}
    output = o if isinstance(o := after.get("output"), dict) else {}
    values = v if isinstance(v := output.get("values"), dict) else {}
    note = after.get("note") or after.get("reason") or values.get("note") or ""
    return str(note)


def sentence(entry: AuditEntry, business_key: str = "") -> str:
    """“maria chose “backorder” at “Check stock” (order 3001)”: the action in words."""
    after = entry.after if isinstance(entry.after, dict) else {}
    step = entry.step_name or ""
    if entry.action == "choose":
        what = f"chose “{after.get('port') or '?'}”" + (f" at “{step}”" if step else "")
    else:
        what = _WORDS.get(entry.action, entry.action.replace("_", " ")).format(step=step)
    if entry.action.startswith(("workflow_", "connection_")):
        before = entry.before if isinstance(entry.before, dict) else {}
        name = after.get("workflow") or after.get("name") or before.get("workflow") or ""
        what += f" “{name}”" if name else ""
    return f"{entry.who} {what}" + (f" (order {business_key})" if business_key else "")


def list_actions(
    s: Session,
    *,
    who: str | None = None,
    action: str | Iterable[str] | None = None,
    workflow: str | None = None,
    run_id: str | None = None,
    since: float | None = None,
    until: float | None = None,
    limit: int | None = 200,
    before_id: int | None = None,
    oldest_first: bool = False,
) -> list[AuditRow]:
    """Recorded actions, newest first (``oldest_first`` for a timeline), filtered by who,
    action kind(s), workflow (of the order, or the workflow acted on), order (``run_id``) and
    time (``since`` inclusive, ``until`` exclusive). Paging: ``before_id`` is the last row's
    id of the previous page (newest first)."""
    q = select(AuditEntry, Run.workflow_name, Run.business_key).outerjoin(
        Run, Run.id == AuditEntry.run_id
    )
    if who:
        q = q.where(AuditEntry.who == who)
    if action:
        q = q.where(AuditEntry.action.in_([action] if isinstance(action, str) else list(action)))
    if workflow:
        q = q.where(
            or_(
                Run.workflow_name == workflow,
                AuditEntry.after["workflow"].as_string() == workflow,  # on either database
            )
        )
    if run_id:
        q = q.where(AuditEntry.run_id == run_id)
    if since is not None:
        q = q.where(AuditEntry.at >= since)
    if until is not None:
        q = q.where(AuditEntry.at < until)
    if before_id is not None:
        q = q.where(AuditEntry.id < before_id)
    q = q.order_by(AuditEntry.id.asc() if oldest_first else AuditEntry.id.desc())
    if limit is not None:
        q = q.limit(limit)
    rows = []
    for entry, wf, key in s.execute(q):
        after = entry.after if isinstance(entry.after, dict) else {}
        rows.append(
            AuditRow(
                entry.id,
                entry.at,
                entry.who,
                entry.action,
                sentence(entry, key or ""),
                _note(entry),
                entry.run_id,
                entry.step_name,
                entry.inbox_item_id,
                wf or str(after.get("workflow") or ""),
                key or "",
                entry.before,
                entry.after,
            )
        )
    return rows


def run_actions(s: Session, run_id: str) -> list[AuditRow]:
    """What people did to one order, oldest first, for its timeline."""
    return list_actions(s, run_id=run_id, limit=None, oldest_first=True)


def filter_choices(s: Session) -> dict[str, list[str]]:
    """The people and action kinds the trail holds, for the audit page's filter lists."""
    return {
        "who": list(s.scalars(select(AuditEntry.who).distinct().order_by(AuditEntry.who))),
        "action": list(s.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))),
    }
