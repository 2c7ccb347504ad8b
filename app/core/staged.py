"""A demo's staged outage: a practice step marked in its scratch (``SYSTEM_DOWN``) fails on its
first attempt, as if the system it calls were down, so the demo shows a "step failed" entry
that the operator resolves with Retry. Only practice runs are stubbed, and only the demo
(``app.demo``) marks a step, so no real order ever meets it. Pure logic (no I/O, no Qt)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.core.i18n import QT_TRANSLATE_NOOP, said

SYSTEM_DOWN = "demo_system_down"  # scratch key: the name of the system that is "down"


def staged_failure(scratch: Any, attempt: int) -> str | None:
    """The failure sentence for a step's first attempt when the demo staged one; else None
    (every later attempt, e.g. the operator's Retry, goes through)."""
    system = scratch.get(SYSTEM_DOWN) if isinstance(scratch, Mapping) else None
    if not system or attempt != 1:
        return None
    return said(
        QT_TRANSLATE_NOOP(
            "Steps",
            "{system} did not answer (Demo: this outage is staged to show what happens when a "
            "system is down; nothing real was contacted). Press Retry to send it again.",
        ),
        system=system,
    )
