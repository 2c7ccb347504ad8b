"""``sql_query``: run one parameterised statement against a database connection.

A write runs exactly once per idempotency key: in the same transaction as the statement, the key
and the step's result go into the table ``daloy_applied`` of the target database (created there
when missing). A repeat finds the key and returns the recorded result without running the
statement; two attempts racing each other collide on the key's primary key, and the loser's
transaction (statement included) is rolled back. A SELECT is read-only and simply runs again.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Column, Float, MetaData, String, Table, Text, create_engine, select, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError

from app.core.errors import ConfigurationError, PermanentError, RetryableError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.results import StepResult
from app.core.retry import RetryPolicy
from app.core.schema import CONNECTION, MAPPING, TEXT, Field
from app.core.stepspec import EXACTLY_ONCE, StepSpec
from app.steps.base import StepContext, StepType

SPEC = StepSpec(
    name="sql_query",
    title=QT_TRANSLATE_NOOP("Steps", "Database query"),
    category=QT_TRANSLATE_NOOP("Steps", "Connect"),
    summary=QT_TRANSLATE_NOOP("Steps", "Read or write a database (accounting, POS)."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Runs one SQL statement against a database connection. Values go in as named "
            "parameters (:sku in the statement, and sku in Parameters) and are always bound, never "
            "pasted into the SQL, so order data cannot change the statement. A SELECT returns "
            "output.rows; other statements return output.rowcount.",
        )
    ),
    fields=(
        Field(
            "connection",
            CONNECTION,
            QT_TRANSLATE_NOOP("Steps", "Connection"),
            required=True,
            connection_kind="database",
        ),
        Field(
            "statement",
            TEXT,
            QT_TRANSLATE_NOOP("Steps", "SQL statement"),
            required=True,
            placeholder="SELECT stock FROM items WHERE sku = :sku",
        ),
        Field(
            "parameters",
            MAPPING,
            QT_TRANSLATE_NOOP("Steps", "Parameters"),
            placeholder='{"sku": "{{ trigger.sku }}"}',
        ),
    ),
    retry=RetryPolicy(max_attempts=5, initial_delay=5, backoff=2, max_delay=300, timeout=60),
    side_effects=True,
    guarantee=(
        f"{EXACTLY_ONCE}: a write records its key in the table daloy_applied of the same "
        "database, in the same transaction; a repeat changes nothing and returns the "
        "recorded result. A SELECT only reads and is simply repeated."
    ),
    sample_output=lambda c: (
        {"rows": [], "count": 0}
        if str(c.get("statement", "")).lstrip().lower().startswith("select")
        else {"rowcount": 1}
    ),
    output_words={
        "rows": QT_TRANSLATE_NOOP("Steps", "Rows read"),
        "count": QT_TRANSLATE_NOOP("Steps", "How many rows"),
        "rowcount": QT_TRANSLATE_NOOP("Steps", "Rows changed"),
    },
    icon="fa5s.database",
)

LEDGER = Table(
    "daloy_applied",
    MetaData(),
    Column("idempotency_key", String(200), primary_key=True),
    Column("applied_at", Float, nullable=False),
    Column("result", Text, nullable=False),
)


class _AlreadyApplied(Exception):
    """Another attempt recorded this key first; its transaction won."""


_engines: dict[str, Any] = {}


def _engine(ctx: StepContext):  # noqa: ANN202
    conns = ctx.services.connections
    if conns is None:
        raise ConfigurationError(
            said(QT_TRANSLATE_NOOP("Steps", "Database connections are not available here."))
        )
    name = ctx.input["connection"]
    conn = conns.get(name, "database")
    if not conn.get("url"):
        raise ConfigurationError(
            said(QT_TRANSLATE_NOOP("Steps", "Connection “{name}” has no database URL."), name=name)
        )
    url = make_url(conn["url"])
    if conn.get("username"):
        url = url.set(username=conn["username"], password=conns.secret(name, "password"))
    key = url.render_as_string(hide_password=False)
    if key not in _engines:
        _engines[key] = create_engine(url, pool_pre_ping=True)
    return _engines[key]


def _recorded(conn: Connection, key: str) -> dict[str, Any] | None:
    found = conn.execute(select(LEDGER.c.result).where(LEDGER.c.idempotency_key == key)).scalar()
    return None if found is None else {**json.loads(found), "already_applied": True}


def _execute(conn: Connection, statement: str, params: dict[str, Any]) -> dict[str, Any]:
    result = conn.execute(text(statement), params)
    if result.returns_rows:
        rows = [dict(r._mapping) for r in result]
        return {"rows": rows, "count": len(rows)}
    return {"rowcount": result.rowcount}


def _write_once(
    conn: Connection, statement: str, params: dict[str, Any], key: str
) -> dict[str, Any]:
    with conn.begin():
        LEDGER.create(conn, checkfirst=True)
    try:
        with conn.begin():
            first = _recorded(conn, key)
            if first is not None:
                return first
            output = _execute(conn, statement, params)
            try:
                conn.execute(
                    LEDGER.insert().values(
                        idempotency_key=key,
                        applied_at=time.time(),
                        result=json.dumps(output, default=str),
                    )
                )
            except IntegrityError as exc:
                raise _AlreadyApplied from exc
            return output
    except _AlreadyApplied:
        with conn.begin():
            return _recorded(conn, key) or {}


def run(ctx: StepContext) -> StepResult:
    statement = ctx.input["statement"]
    params = dict(ctx.input.get("parameters") or {})
    try:
        with _engine(ctx).connect() as conn:
            if not acts(ctx.input):
                with conn.begin():
                    return StepResult(output=_execute(conn, statement, params))
            return StepResult(output=_write_once(conn, statement, params, ctx.idempotency_key))
    except OperationalError as exc:
        raise RetryableError(
            said(QT_TRANSLATE_NOOP("Steps", "The database did not answer: {why}."), why=exc.orig)
        ) from exc
    except DBAPIError as exc:
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP("Steps", "The database refused the statement: {why}."),
                why=exc.orig,
            )
        ) from exc
    except SQLAlchemyError as exc:
        raise PermanentError(
            said(QT_TRANSLATE_NOOP("Steps", "The statement could not run: {why}."), why=exc)
        ) from exc


def acts(config: Mapping[str, Any]) -> bool:
    return not str(config.get("statement", "")).lstrip().lower().startswith("select")


STEP = StepType(SPEC, run, acts=acts)
