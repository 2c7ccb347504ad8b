"""Shared by the web intake tests: a running WebIntake on a free loopback port, and counts of
what the database holds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from app.core.model import Trigger, Workflow
from app.intake.web import WebIntake

ORDERS = Workflow.from_dict({"format_version": 1, "name": "orders", "steps": []})


@contextmanager
def running(store: Any, triggers: dict[str, dict[str, Any]], **kw: Any) -> Iterator[WebIntake]:
    """A web intake serving the workflow ``orders`` with ``triggers`` (id -> config)."""
    server = WebIntake(
        store,
        [(ORDERS, Trigger(tid, "webhook", conf)) for tid, conf in triggers.items()],
        port=0,
        **kw,
    ).start()
    try:
        yield server
    finally:
        server.stop()


def count(store: Any, sql: str) -> int:
    return store.db.execute_sql(sql)[0][0]


def runs(store: Any) -> int:
    return count(store, "select count(*) from runs")


def intake_errors(store: Any) -> int:
    return count(store, "select count(*) from inbox_items where kind='intake_error'")
