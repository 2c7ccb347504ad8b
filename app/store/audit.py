"""The audit trail: every operator action, with who (the OS user) and when, before and after."""

from __future__ import annotations

import getpass
import os
import time
from typing import Any

from sqlalchemy.orm import Session

from app.store.models import AuditEntry


def current_user() -> str:
    try:
        return os.environ.get("DALOY_USER") or getpass.getuser()
    except Exception:  # noqa: BLE001 - no user database entry (containers)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def record(s: Session, who: str | None, action: str, *, run_id: str | None = None,
           step_name: str | None = None, inbox_item_id: int | None = None,
           before: Any = None, after: Any = None) -> AuditEntry:
    entry = AuditEntry(at=time.time(), who=who or current_user(), action=action, run_id=run_id,
                       step_name=step_name, inbox_item_id=inbox_item_id, before=before,
                       after=after)
    s.add(entry)
    return entry
