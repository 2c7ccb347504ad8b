"""Inbox entries that belong to no single step: system alerts and channel alerts.

Alerts carry a ``source_key`` so one problem opens one entry (not one per poll), and the entry
closes itself when the problem goes away.

Titles and reasons are stored in English and, when written with ``app.core.i18n.said``, also
language-neutral in ``words`` (template, context, fields), so each screen shows them in its
operator's language (``words_for``).
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import redact
from app.core.i18n import QT_TRANSLATE_NOOP, moment, said, words_of
from app.core.kinds import InboxKind
from app.store.models import InboxItem


def open_alert(
    s: Session,
    kind: str,
    source_key: str,
    title: str,
    reason: str,
    detail: Any = None,
    workflow_name: str = "",
) -> tuple[InboxItem, bool]:
    """The open entry for ``source_key``, created if there is none. Returns (item, created).
    Alerts carry text from outside (a server's error), so secrets are hidden before storing."""
    words = words_for(title, reason)
    reason, detail = redact.text(reason), redact.value(detail)
    item = s.scalar(
        select(InboxItem).where(InboxItem.source_key == source_key, InboxItem.status == "open")
    )
    if item is not None:
        item.reason = reason
        item.detail = detail
        if words or item.words:
            item.words = {**(item.words or {}), **(words or {})}
        return item, False
    item = InboxItem(
        kind=kind,
        status="open",
        title=title,
        reason=reason,
        detail=detail,
        source_key=source_key,
        workflow_name=workflow_name,
        created_at=time.time(),
        words=words,
    )
    s.add(item)
    s.flush()
    return item, True


def words_for(title: str, reason: str) -> dict[str, Any] | None:
    """What to store in ``InboxItem.words`` for a title and a reason made with ``said``: their
    templates and fields, the fields' secrets hidden as in the stored text."""
    out = {}
    for part, text in (("title", title), ("reason", reason)):
        w = neutral(text)
        if w is not None:
            out[part] = w
    return out or None


def neutral(text: str) -> dict[str, Any] | None:
    """The words to store beside a sentence made with ``said`` (template, context, fields), its
    fields' secrets hidden as in the stored text; None for a plain sentence."""
    w = words_of(text)
    return {**w, "fields": redact.value(w["fields"])} if w is not None else None


def close_alert(s: Session, source_key: str, note: str = "recovered") -> list[int]:
    closed = []
    for item in s.scalars(
        select(InboxItem).where(InboxItem.source_key == source_key, InboxItem.status == "open")
    ):
        item.status, item.resolved_at, item.resolved_by = "resolved", time.time(), "daloy"
        item.resolution = {"action": "auto", "note": note}
        closed.append(item.id)
    return closed


def open_items(s: Session, limit: int | None = None) -> list[InboxItem]:
    q = select(InboxItem).where(InboxItem.status == "open").order_by(InboxItem.created_at)
    if limit:
        q = q.limit(limit)
    return list(s.scalars(q))


def open_count(s: Session) -> int:
    return (
        s.scalar(select(func.count()).select_from(InboxItem).where(InboxItem.status == "open")) or 0
    )


def decision_alert(decision_id: int, stage: str) -> str:
    """The source key of a decision's reminder or escalation (``remind_overdue_decisions``)."""
    return f"decision:{decision_id}:{stage}"


def decision_alerts(decision_id: int) -> list[str]:
    """The source keys of a decision's reminder and escalation: closed when the decision is."""
    return [decision_alert(decision_id, stage) for stage in ("reminder", "escalation")]


def remind_overdue_decisions(s: Session, now: float) -> list[int]:
    """Past its deadline a decision gets a reminder; past twice the deadline, an escalation."""
    opened: list[int] = []
    for item in s.scalars(
        select(InboxItem).where(InboxItem.kind == InboxKind.DECISION, InboxItem.status == "open")
    ):
        detail = dict(item.detail or {})
        deadline = detail.get("deadline")
        if not deadline or now < deadline:
            continue
        asked = item.created_at
        stage = "escalation" if now >= deadline + (deadline - asked) else "reminder"
        if detail.get("alerted") in (stage, "escalation"):
            continue
        detail["alerted"] = stage
        item.detail = detail
        who = item.business_key or item.workflow_name
        title = (
            said(QT_TRANSLATE_NOOP("Inbox", "Overdue decision: {order}"), order=who)
            if stage == "reminder"
            else said(
                QT_TRANSLATE_NOOP("Inbox", "Escalation: {order} still waits for a decision"),
                order=who,
            )
        )
        alert, created = open_alert(
            s,
            InboxKind.SYSTEM,
            decision_alert(item.id, stage),
            title,
            said(
                QT_TRANSLATE_NOOP(
                    "Inbox",
                    "“{question}” has waited since {time}; "
                    "open the decision in the inbox and choose an option.",
                ),
                question=item.title,
                time=moment(asked),
            ),
            detail={"decision_item": item.id, "stage": stage},
            workflow_name=item.workflow_name,
        )
        alert.run_id, alert.business_key = item.run_id, item.business_key
        if created:
            opened.append(alert.id)
    return opened
