"""``sql_query``: run one parameterised statement against a database connection."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from app.core.errors import ConfigurationError, PermanentError, RetryableError
from app.core.results import StepResult
from app.core.retry import RetryPolicy
from app.core.schema import CONNECTION, MAPPING, TEXT, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType

SPEC = StepSpec(
    name="sql_query",
    title="Database query",
    category="Connect",
    summary="Read or write a database (accounting, POS).",
    help=("Runs one SQL statement against a database connection. Values go in as named "
          "parameters (:sku in the statement, and sku in Parameters) and are always bound, never "
          "pasted into the SQL, so order data cannot change the statement. A SELECT returns "
          "output.rows; other statements return output.rowcount."),
    fields=(
        Field("connection", CONNECTION, "Connection", required=True, connection_kind="database"),
        Field("statement", TEXT, "SQL statement", required=True,
              placeholder="SELECT stock FROM items WHERE sku = :sku"),
        Field("parameters", MAPPING, "Parameters", placeholder='{"sku": "{{ trigger.sku }}"}'),
    ),
    retry=RetryPolicy(max_attempts=5, initial_delay=5, backoff=2, max_delay=300, timeout=60),
    side_effects=True,
    icon="fa5s.database",
)

_engines: dict[str, Any] = {}


def _engine(ctx: StepContext):  # noqa: ANN202
    conns = ctx.services.get("connections")
    if conns is None:
        raise ConfigurationError("Database connections are not available here.")
    name = ctx.input["connection"]
    conn = conns.get(name, "database")
    if not conn.get("url"):
        raise ConfigurationError(f"Connection “{name}” has no database URL.")
    url = make_url(conn["url"])
    if conn.get("username"):
        url = url.set(username=conn["username"], password=conns.secret(name, "password"))
    key = url.render_as_string(hide_password=False)
    if key not in _engines:
        _engines[key] = create_engine(url, pool_pre_ping=True)
    return _engines[key]


def run(ctx: StepContext) -> StepResult:
    statement = ctx.input["statement"]
    params = dict(ctx.input.get("parameters") or {})
    try:
        with _engine(ctx).begin() as conn:
            result = conn.execute(text(statement), params)
            if result.returns_rows:
                rows = [dict(r._mapping) for r in result]
                return StepResult(output={"rows": rows, "count": len(rows)})
            return StepResult(output={"rowcount": result.rowcount})
    except OperationalError as exc:
        raise RetryableError(f"The database did not answer: {exc.orig}.") from exc
    except DBAPIError as exc:
        raise PermanentError(f"The database refused the statement: {exc.orig}.") from exc
    except SQLAlchemyError as exc:
        raise PermanentError(f"The statement could not run: {exc}.") from exc


def acts(config: dict[str, Any]) -> bool:
    return not str(config.get("statement", "")).lstrip().lower().startswith("select")


STEP = StepType(SPEC, run, acts=acts)
