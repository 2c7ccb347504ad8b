"""Inbox entries that belong to no single step: system alerts and channel alerts.

Alerts carry a ``source_key`` so one problem opens one entry (not one per poll), and the entry
closes itself when the problem goes away.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store.models import InboxItem


def open_alert(s: Session, kind: str, source_key: str, title: str, reason: str,
               detail: Any = None, workflow_name: str = "") -> tuple[InboxItem, bool]:
    """The open entry for ``source_key``, created if there is none. Returns (item, created)."""
    item = s.scalar(select(InboxItem).where(InboxItem.source_key == source_key,
                                            InboxItem.status == "open"))
    if item is not None:
        item.reason = reason
        item.detail = detail
        return item, False
    item = InboxItem(kind=kind, status="open", title=title, reason=reason, detail=detail,
                     source_key=source_key, workflow_name=workflow_name, created_at=time.time())
    s.add(item)
    s.flush()
    return item, True


def close_alert(s: Session, source_key: str, note: str = "recovered") -> list[int]:
    closed = []
    for item in s.scalars(select(InboxItem).where(InboxItem.source_key == source_key,
                                                  InboxItem.status == "open")):
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
    return s.scalar(select(func.count()).select_from(InboxItem)
                    .where(InboxItem.status == "open")) or 0
