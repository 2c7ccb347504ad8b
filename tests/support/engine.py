"""Helpers to build workflows and runtimes on real databases in tests (the data folder's SQLite
file, or the test PostgreSQL server's: see the ``database`` fixture)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from app.core.model import Workflow
from app.runtime.runtime import Runtime
from app.store import workflows
from app.store.db import Database
from app.store.dbchoice import chosen


def save(db: Database, wf: dict[str, Any] | Workflow) -> Workflow:
    w = wf if isinstance(wf, Workflow) else Workflow.from_dict({"format_version": 1, **wf})
    with db.write() as s:
        workflows.save(s, w)
    return w


def charge_workflow(
    gateway_url: str,
    *,
    attempts: int = 5,
    delay: float = 0.05,
    timeout: float = 2.0,
    name: str = "charge",
) -> dict[str, Any]:
    """order -> total -> charge (idempotent, reconcilable) -> confirm."""
    return {
        "name": name,
        "business_key": "{{ trigger.order.number }}",
        "steps": [
            {
                "name": "total",
                "type": "transform",
                "config": {"values": {"amount": "{{ trigger.order.amount }}"}},
            },
            {
                "name": "charge",
                "type": "http_request",
                "config": {
                    "method": "POST",
                    "url": f"{gateway_url}/charges",
                    "timeout": timeout,
                    "body": {
                        "amount": "{{ steps.total.output.amount }}",
                        "customer": "{{ trigger.order.customer }}",
                    },
                    "reconcile_url": gateway_url + "/charges?idempotency_key={{ idempotency_key }}",
                },
                "retry": {
                    "max_attempts": attempts,
                    "initial_delay": delay,
                    "backoff": 1.5,
                    "max_delay": 0.5,
                    "timeout": timeout + 1,
                },
            },
            {
                "name": "confirm",
                "type": "transform",
                "config": {"values": {"charge_id": "{{ steps.charge.output.body.id }}"}},
            },
        ],
        "edges": [{"from": "total", "to": "charge"}, {"from": "charge", "to": "confirm"}],
    }


def open_database(data_dir: Path, **kw: Any) -> Database:
    """The test's database, chosen as the app chooses it: the server database named by
    ``$DALOY_DATABASE_URL`` (set by the ``database`` fixture on PostgreSQL; the data folder then
    keeps only logs and files), else the data folder's SQLite file. Opening again is a restart."""
    url = chosen(None)
    if url:
        return Database.open_url(url, **kw)
    return Database.open_dir(data_dir, **kw)


def runtime(data_dir: Path, **kw: Any) -> Runtime:
    db = open_database(data_dir)
    kw.setdefault("poll_interval", 0.2)
    return Runtime(db, **kw)


def wait_for(predicate, timeout: float = 20.0, interval: float = 0.02) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError("condition not met in time")


def stored(value: Any) -> Any:
    """A JSON column read with plain SQL (``execute_sql``) as a Python value: SQLite hands back
    the stored text, psycopg PostgreSQL's ``json`` already parsed."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def run_status(db: Database, run_id: str) -> str:
    return db.execute_sql(f"select status from runs where id = '{run_id}'")[0][0]


def step_state(db: Database, run_id: str, step: str) -> tuple[str, int]:
    return db.execute_sql(
        f"select state, attempts from step_runs where run_id = '{run_id}' and name = '{step}'"
    )[0]
