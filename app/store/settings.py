"""The ``settings`` table: one JSON value per key (the workspace id, demo mode, the web reach, the
backup folder, order number counters…). Every reader and writer goes through here, in the
caller's session and so in the caller's transaction: nothing here opens or commits one, so a
read-then-write inside ``Database.write`` stays as exact as the caller's lock makes it (SQLite's
write lock, PostgreSQL's writers' turn).

A key with no row and a key whose row holds JSON ``null`` both read as ``default``; ``has`` tells
them apart where only presence matters (demo mode, the first-run answer).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import Setting


def get(s: Session, key: str, default: Any = None) -> Any:
    """The value kept under ``key``, or ``default`` when there is none."""
    row = s.get(Setting, key)
    return default if row is None or row.value is None else row.value


def has(s: Session, key: str) -> bool:
    """True when ``key`` has a row, whatever its value."""
    return s.get(Setting, key) is not None


def put(s: Session, key: str, value: Any) -> None:
    """Keep ``value`` under ``key``: the row is added, or its value replaced."""
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def delete(s: Session, key: str) -> bool:
    """Remove ``key``'s row; True when there was one."""
    row = s.get(Setting, key)
    if row is None:
        return False
    s.delete(row)
    s.flush()  # else the session's ``get`` still finds the row until the commit
    return True


def matching(s: Session, pattern: str) -> dict[str, Any]:
    """Key → value of every row whose key matches the SQL ``LIKE`` ``pattern``."""
    return {r.key: r.value for r in s.scalars(select(Setting).where(Setting.key.like(pattern)))}
