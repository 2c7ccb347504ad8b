"""The hot path's statements, each written once as SQLAlchemy Core over the models' tables.

Claiming a step, recording its success and starting a run are what every step costs. Through
the ORM (or even a SQLAlchemy ``Connection``) the per-statement overhead costs several times
the commit itself, so each statement here is compiled once per dialect and executed on the
DB-API cursor of the transaction: the compiled SQL, with parameters built by name and passed
through the dialect's own type processing (JSON, booleans) both ways. Nothing here is
SQLite-only: the same statements compile for PostgreSQL (``RETURNING`` works on both).

Step states in a ``WHERE`` are SQL literals (``state_is``): SQLite uses the partial indexes
(ready, due, running; ``models.StepRun``) only for a literal, never for a bound parameter.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sqlalchemy import (
    JSON,
    ClauseElement,
    ColumnElement,
    Integer,
    Table,
    TextClause,
    bindparam,
    func,
    insert,
    null,
    or_,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.compiler import SQLCompiler

from app.core import machine as m
from app.core.kinds import AttemptOutcome
from app.store.models import (
    Attempt,
    AuditEntry,
    Base,
    Run,
    StepRun,
    WorkflowRow,
    WorkflowVersion,
)


def _table(model: type[Base]) -> Table:
    # A declarative model's ``__table__`` is typed as any FromClause; ours are all Tables.
    table = model.__table__
    assert isinstance(table, Table)
    return table


_runs = _table(Run)
_steps = _table(StepRun)
_attempts = _table(Attempt)
_audit = _table(AuditEntry)
_workflows = _table(WorkflowRow)
_versions = _table(WorkflowVersion)


def state_is(state: str) -> TextClause:
    """``step_runs.state = '<state>'`` with the state written into the SQL: SQLite uses a partial
    index (models.StepRun) only for a literal, never for a bound parameter."""
    assert state in m.STEP_STATES
    return text(f"step_runs.state = '{state}'")


_FROM_CALLER = object()  # a parameter whose value the caller passes by name
Params = tuple[Any, ...] | dict[str, Any]  # positional or named, as the dialect's driver wants


@dataclass(frozen=True)
class Compiled:
    """One statement compiled for one dialect: its SQL, how to build its parameters from names,
    and the names (and result processing) of the columns it returns."""

    sql: str
    positional: bool
    names: tuple[str, ...]  # bind names, in the order a positional paramstyle wants them
    defaults: Mapping[str, Any]  # values fixed in the statement (``in_([...])``, limits)
    binds: Mapping[str, Callable[[Any], Any] | None]
    columns: tuple[str, ...]
    results: tuple[Callable[[Any], Any] | None, ...]
    # Worked out once in ``__post_init__`` (this runs per step): each parameter's name, type
    # processing and, for a value written into the statement, that value already processed;
    # each returned column's position and processing by name.
    order: tuple[tuple[str, Callable[[Any], Any] | None, Any], ...] = field(init=False, repr=False)
    lookup: dict[str, tuple[int, Callable[[Any], Any] | None]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        order = []
        for name in self.names if self.positional else tuple(self.binds):
            proc, fixed = self.binds[name], self.defaults.get(name, _FROM_CALLER)
            if fixed is not _FROM_CALLER and fixed is not None and proc is not None:
                fixed = proc(fixed)
            order.append((name, proc, fixed))
        object.__setattr__(self, "order", tuple(order))
        lookup = {name: (i, self.results[i]) for i, name in enumerate(self.columns)}
        object.__setattr__(self, "lookup", lookup)

    def params(self, values: Mapping[str, Any]) -> Params:
        out = []
        for name, proc, fixed in self.order:
            if fixed is _FROM_CALLER:
                value = values[name]
                out.append(value if proc is None or value is None else proc(value))
            else:
                out.append(fixed)
        if self.positional:
            return tuple(out)
        return dict(zip(self.binds, out, strict=True))

    def row(self, raw: Sequence[Any]) -> Row:
        return Row(self, raw)


class Row(Mapping[str, Any]):
    """One returned row, its columns by name; each value is converted (JSON, booleans) only
    when read, so a column the caller does not need costs nothing."""

    __slots__ = ("_c", "_raw")

    def __init__(self, c: Compiled, raw: Sequence[Any]) -> None:
        self._c, self._raw = c, raw

    def __getitem__(self, name: str) -> Any:
        i, proc = self._c.lookup[name]
        value = self._raw[i]
        return value if proc is None or value is None else proc(value)

    def __iter__(self) -> Iterator[str]:
        return iter(self._c.columns)

    def __len__(self) -> int:
        return len(self._c.columns)


class Statement:
    """A statement built from the models' tables, compiled on first use per dialect."""

    def __init__(self, build: Callable[[str], ClauseElement]) -> None:
        # ``build`` gets the dialect's name: the one place a statement may differ per database.
        self._build = build
        self._compiled: dict[str, Compiled] = {}
        self._lock = threading.Lock()

    def compiled(self, dialect: Dialect) -> Compiled:
        c = self._compiled.get(dialect.name)
        if c is None:
            with self._lock:
                c = self._compiled.get(dialect.name) or self._compile(dialect)
                self._compiled[dialect.name] = c
        return c

    def _compile(self, dialect: Dialect) -> Compiled:
        stmt = self._build(dialect.name)
        comp = stmt.compile(dialect=dialect)
        assert isinstance(comp, SQLCompiler)  # a statement compiles to SQL (not DDL)
        binds: dict[str, Callable[[Any], Any] | None] = {}
        defaults: dict[str, Any] = {}
        for bp, name in comp.bind_names.items():
            binds[name] = bp.type.dialect_impl(dialect).bind_processor(dialect)
            if isinstance(bp.type, JSON) and dialect.name != "sqlite":
                binds[name] = _json_checked_now(binds[name], dialect)
            if not bp.required:  # a value written into the statement (a limit, a state)
                value = bp.effective_value
                defaults[name] = str(value) if isinstance(value, str) else value  # no StrEnum
        cols = list(getattr(stmt, "exported_columns", ()) or ())
        return Compiled(
            sql=str(comp),
            positional=bool(comp.positional),
            names=tuple(comp.positiontup or ()),
            defaults=defaults,
            binds=binds,
            columns=tuple(c.key for c in cols),
            results=tuple(
                c.type.dialect_impl(dialect).result_processor(dialect, None) for c in cols
            ),
        )

    # -- running it on a DB-API cursor ---------------------------------------------------------
    def prepare(self, dialect: Dialect, **values: Any) -> tuple[str, Params]:
        """The SQL and its parameters, built before the transaction (a value that cannot be
        stored fails here, with nothing written)."""
        c = self.compiled(dialect)
        return c.sql, c.params(values)

    def execute(self, cur: Any, dialect: Dialect, **values: Any) -> Any:
        c = self.compiled(dialect)
        cur.execute(c.sql, c.params(values))
        return cur

    def execute_many(self, cur: Any, dialect: Dialect, rows: Iterable[Mapping[str, Any]]) -> None:
        c = self.compiled(dialect)
        cur.executemany(c.sql, [c.params(r) for r in rows])

    def tuples(self, cur: Any, dialect: Dialect, **values: Any) -> list[Any]:
        """The rows as the driver returns them, unconverted: for a read done at every step of
        every order, where a ``Row`` per row (and a look-up per column read) cost more than the
        query. A column that needs converting (JSON, booleans) is converted by the caller, when
        it needs it, through ``compiled(dialect).row(raw)``."""
        c = self.compiled(dialect)
        cur.execute(c.sql, c.params(values))
        return cur.fetchall()  # type: ignore[no-any-return]

    def rows(self, cur: Any, dialect: Dialect, **values: Any) -> list[Row]:
        c = self.compiled(dialect)
        cur.execute(c.sql, c.params(values))
        return [c.row(r) for r in cur.fetchall()]

    def one(self, cur: Any, dialect: Dialect, **values: Any) -> Row | None:
        c = self.compiled(dialect)
        cur.execute(c.sql, c.params(values))
        found = cur.fetchone()
        if found is None:
            return None
        cur.fetchall()  # a DML statement's RETURNING is complete only once read to the end
        return c.row(found)

    def rowcount(self, cur: Any, dialect: Dialect, **values: Any) -> int:
        return int(self.execute(cur, dialect, **values).rowcount)


def _p(name: str, **kw: Any) -> Any:
    return bindparam(name, **kw)


# A JSON parameter whose Python None means SQL NULL (``COALESCE`` keeps the column as it is).
_JSON_OR_NULL = JSON(none_as_null=True)

# -- starting runs ----------------------------------------------------------------------------
WORKFLOW_BY_NAME = Statement(
    lambda _d: select(
        _workflows.c.id, _workflows.c.archived, _workflows.c.current_version_id
    ).where(_workflows.c.name == _p("name"))
)
VERSION_NUMBER = Statement(
    lambda _d: select(_versions.c.number).where(_versions.c.id == _p("version_id"))
)
VERSION_DEFINITION = Statement(
    lambda _d: select(_versions.c.definition).where(_versions.c.id == _p("version_id"))
)
RUN_COLUMNS = (
    "id",
    "workflow_id",
    "version_id",
    "workflow_name",
    "status",
    "business_key",
    "trigger",
    "cancelled",
    "practice",
    "parent_run_id",
    "parent_step",
    "intake_item_id",
    "created_at",
    "updated_at",
    "finished_at",
)
INSERT_RUN = Statement(lambda _d: insert(_runs).values({c: _p(c) for c in RUN_COLUMNS}))
STEP_COLUMNS = (
    "run_id",
    "name",
    "type",
    "position",
    "state",
    "attempts",
    "max_attempts",
    "reconcilable",
    "time_limit",
    "needs_reconcile",
    "sleeping",
    "updated_at",
)
INSERT_STEPS = Statement(lambda _d: insert(_steps).values({c: _p(c) for c in STEP_COLUMNS}))
INSERT_AUDIT = Statement(
    lambda _d: insert(_audit).values(
        at=_p("at"), who=_p("who"), action=_p("action"), run_id=_p("run_id"), after=_p("after")
    )
)

# -- claiming ---------------------------------------------------------------------------------
# What claiming a step reads of it (and ``advance`` of every step of the run).
CLAIM_COLUMNS = (
    _steps.c.id,
    _steps.c.run_id,
    _steps.c.name,
    _steps.c.type,
    _steps.c.state,
    _steps.c.attempts,
    _steps.c.max_attempts,
    _steps.c.sleeping,
    _steps.c.needs_reconcile,
    _steps.c.scratch,
    _steps.c.input_override,
)


def _claimable(dialect: str) -> ClauseElement:
    """Ready steps and due retries, oldest first, each from its partial index. Several runners
    on PostgreSQL skip each other's rows (``FOR UPDATE SKIP LOCKED``; SQLite's single writer
    needs no row locks, and SQLAlchemy writes nothing there)."""
    limit = _p("limit", type_=Integer)
    ready = (
        select(*CLAIM_COLUMNS)
        .where(state_is(m.READY))
        .order_by(_steps.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .subquery("ready")
    )
    due = (
        select(*CLAIM_COLUMNS)
        .where(state_is(m.RETRY_WAIT), _steps.c.next_attempt_at <= _p("now"))
        .order_by(_steps.c.next_attempt_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .subquery("due")
    )
    both = union_all(select(ready), select(due)).subquery("claimable")
    return select(both).order_by(both.c.id).limit(limit)


CLAIMABLE = Statement(_claimable)
RUN_FOR_CLAIM = Statement(
    lambda _d: select(
        _runs.c.id,
        _runs.c.version_id,
        _runs.c.trigger,
        _runs.c.business_key,
        _runs.c.practice,
        _runs.c.status,
        _runs.c.cancelled,
    ).where(_runs.c.id == _p("run_id"))
)
RUN_TO_RUNNING = Statement(
    lambda _d: (
        update(_runs)
        .where(_runs.c.id == _p("run_id"))
        .values(status=m.RUN_RUNNING, updated_at=_p("now"))
    )
)
FINISHED_STEPS = Statement(
    lambda _d: select(_steps.c.name, _steps.c.state, _steps.c.port, _steps.c.output).where(
        _steps.c.run_id == _p("run_id"), or_(state_is(m.SUCCEEDED), state_is(m.SKIPPED))
    )
)
LAST_ATTEMPT = Statement(
    lambda _d: (
        select(_attempts.c.id)
        .where(_attempts.c.run_id == _p("run_id"), _attempts.c.step_name == _p("step_name"))
        .order_by(_attempts.c.number.desc())
        .limit(1)
    )
)
INSERT_ATTEMPT = Statement(
    lambda _d: (
        insert(_attempts)
        .values(
            run_id=_p("run_id"),
            step_name=_p("step_name"),
            number=_p("number"),
            runner=_p("runner"),
            started_at=_p("now"),
            outcome=AttemptOutcome.RUNNING,
        )
        .returning(_attempts.c.id)
    )
)
TAKE = Statement(
    lambda _d: (
        update(_steps)
        .where(_steps.c.id == _p("step_id"))
        .values(
            state=m.RUNNING,
            attempts=_p("attempts"),
            lease_owner=_p("lease"),
            lease_expires_at=_p("lease_expires_at"),
            started_at=func.coalesce(_steps.c.started_at, _p("now")),
            updated_at=_p("now"),
            next_attempt_at=null(),
        )
    )
)

# -- recording a success and advancing the run -------------------------------------------------
SUCCEED = Statement(
    lambda _d: (
        update(_steps)
        .where(
            _steps.c.id == _p("step_id"), state_is(m.RUNNING), _steps.c.lease_owner == _p("lease")
        )
        .values(
            state=m.SUCCEEDED,
            output=_p("output", type_=JSON()),
            port=_p("port"),
            error=null(),
            input=func.coalesce(_p("input", type_=_JSON_OR_NULL), _steps.c.input),
            finished_at=_p("now"),
            updated_at=_p("now"),
            lease_owner=null(),
            lease_expires_at=null(),
            needs_reconcile=False,
            sleeping=False,
        )
    )
)
STEP_STATE = Statement(lambda _d: select(_steps.c.state).where(_steps.c.id == _p("step_id")))
FINISH_ATTEMPT = Statement(
    lambda _d: (
        update(_attempts)
        .where(_attempts.c.id == _p("attempt_id"))
        .values(outcome=_p("outcome"), error=_p("error"), finished_at=_p("now"))
    )
)
# What advancing reads of every step of the run, at every step (``Statement.tuples``, in this
# column order): the claim's own columns are read for the one step claimed (STEP_TO_CLAIM).
RUN_STEPS = Statement(
    lambda _d: select(
        _steps.c.id, _steps.c.name, _steps.c.state, _steps.c.port, _steps.c.output
    ).where(_steps.c.run_id == _p("run_id"))
)
STEP_TO_CLAIM = Statement(lambda _d: select(*CLAIM_COLUMNS).where(_steps.c.id == _p("step_id")))
STATES_OF_RUN = Statement(
    lambda _d: select(_steps.c.name, _steps.c.state).where(_steps.c.run_id == _p("run_id"))
)
RUN_OF = Statement(
    lambda _d: select(_runs.c.version_id, _runs.c.cancelled).where(_runs.c.id == _p("run_id"))
)
SET_STEP_STATE = Statement(
    lambda _d: (
        update(_steps)
        .where(_steps.c.id == _p("step_id"))
        .values(state=_p("state"), updated_at=_p("now"), finished_at=_p("finished_at"))
    )
)
SET_RUN_STATUS = Statement(
    lambda _d: (
        update(_runs)
        .where(
            _runs.c.id == _p("run_id"),
            _runs.c.status != _p("status"),
            _runs.c.cancelled == _p("cancelled"),
        )
        .values(status=_p("status"), updated_at=_p("now"), finished_at=_p("finished_at"))
    )
)
# Read only when a run finished (a RETURNING on every status update costs more per step).
RUN_PARENT = Statement(
    lambda _d: select(_runs.c.parent_run_id, _runs.c.parent_step).where(_runs.c.id == _p("run_id"))
)


def _wake(*states: str) -> Callable[[str], ClauseElement]:
    def build(_d: str) -> ClauseElement:
        where: list[ColumnElement[bool] | TextClause] = [
            _steps.c.run_id == _p("run_id"),
            _steps.c.name == _p("name"),
        ]
        if m.RETRY_WAIT in states:
            # A step parked while asleep (a put-back's hold parks an order's waiting step as
            # it is, ``waiting_on = "hold:<id>"``) stays parked: its release readies it, and
            # the resumed step finds its children finished then.
            where += [
                state_is(m.RETRY_WAIT),
                _steps.c.sleeping == True,  # noqa: E712
                _steps.c.waiting_on.is_(None),
            ]
        else:
            where.append(state_is(m.RUNNING))
        return update(_steps).where(*where).values(next_attempt_at=_p("now"))

    return build


# A parent's step waiting (asleep) for a child run; or still running when the child finished
# first: a running step never uses next_attempt_at, so it marks the wake for ``sleep``.
WAKE_SLEEPING = Statement(_wake(m.RETRY_WAIT))
WAKE_RUNNING = Statement(_wake(m.RUNNING))

ALL = (
    WORKFLOW_BY_NAME,
    VERSION_NUMBER,
    VERSION_DEFINITION,
    INSERT_RUN,
    INSERT_STEPS,
    INSERT_AUDIT,
    CLAIMABLE,
    RUN_FOR_CLAIM,
    RUN_TO_RUNNING,
    FINISHED_STEPS,
    LAST_ATTEMPT,
    INSERT_ATTEMPT,
    TAKE,
    SUCCEED,
    STEP_STATE,
    FINISH_ATTEMPT,
    RUN_STEPS,
    STEP_TO_CLAIM,
    STATES_OF_RUN,
    RUN_OF,
    SET_STEP_STATE,
    SET_RUN_STATUS,
    RUN_PARENT,
    WAKE_SLEEPING,
    WAKE_RUNNING,
)


def _json_checked_now(
    process: Callable[[Any], Any] | None, dialect: Dialect
) -> Callable[[Any], Any]:
    """psycopg turns a JSON value into text only when the statement runs, inside the transaction;
    SQLite's bind does it in ``prepare``. Serialise here too, so a value that cannot be stored
    fails before anything is written (the step fails in words) on every database. NaN and
    Infinity are refused here on SQLite too: PostgreSQL's JSON refuses them, and a value one
    database takes and the other refuses would behave differently after a move."""
    dumps: Callable[[Any], str] = getattr(dialect, "_json_serializer", None) or partial(
        json.dumps, allow_nan=False
    )

    def bind(value: Any) -> Any:
        if value is not None:
            dumps(value)
        return process(value) if process is not None else value

    return bind
