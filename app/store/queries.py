"""Read side: runs, their steps and attempts, and inbox entries as plain dicts (JSON-able), for
the CLI's ``--json`` output and the GUI's views."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import ColumnElement, Select, and_, case, false, func, or_, select, true
from sqlalchemy.orm import Session, defer

from app.core.kinds import InboxKind
from app.core.machine import RunState, StepState
from app.core.order_states import ENDED_CANCELLED
from app.core.order_total import currency_of
from app.store import search
from app.store.models import SHOWN_STATUS_RANK, Attempt, InboxItem, Run, StepRun, WorkflowVersion

# A demo order (``app.demo``): a practice run whose trigger says ``"demo"``, or one that such an
# order started (its backorder, numbered after it: ``DEMO-1002-B``). The CASE reads the trigger
# of practice runs only, so a page of real orders costs what it did. JSON ``true`` reads "1" on
# SQLite and "true" on PostgreSQL; comparing text never fails on a practice run's odd trigger.
DEMO_ORDER: ColumnElement[bool] = case(
    (
        Run.practice.is_(True),
        or_(
            Run.trigger["demo"].as_string().in_(("1", "true")),
            Run.business_key.like("DEMO-%"),
        ),
    ),
    else_=False,
)


def run_dict(r: Run) -> dict[str, Any]:
    return {
        "id": r.id,
        "workflow": r.workflow_name,
        "status": r.status,
        "business_key": r.business_key,
        "created_at": r.created_at,
        "updated_at": r.updated_at,
        "finished_at": r.finished_at,
        "practice": r.practice,
        "parent_run_id": r.parent_run_id,
        "outcome": r.outcome,  # how its workflow ended it (``order_states.OUTCOMES``), or None
    }


def step_dict(st: StepRun) -> dict[str, Any]:
    return {
        "name": st.name,
        "type": st.type,
        "state": st.state,
        "attempts": st.attempts,
        "max_attempts": st.max_attempts,
        "port": st.port,
        "input": st.input,
        "output": st.output,
        "error": st.error,
        # only beside the error it says (a success clears the error, not its words)
        "error_words": st.error_words if st.error else None,
        "next_attempt_at": st.next_attempt_at,
        "started_at": st.started_at,
        "finished_at": st.finished_at,
        "waiting_on": st.waiting_on,
        # parked by the step itself (a wait, another workflow's orders), not after a failure
        "sleeping": bool(st.sleeping) and st.state == StepState.RETRY_WAIT,
    }


def inbox_dict(i: InboxItem) -> dict[str, Any]:
    return {
        "id": i.id,
        "kind": i.kind,
        "status": i.status,
        "title": i.title,
        "reason": i.reason,
        "run_id": i.run_id,
        "step": i.step_name,
        "workflow": i.workflow_name,
        "business_key": i.business_key,
        "created_at": i.created_at,
        "detail": i.detail,
        "resolved_at": i.resolved_at,
        "resolved_by": i.resolved_by,
        "resolution": i.resolution,
        "words": i.words,
    }


def attempt_dict(a: Attempt) -> dict[str, Any]:
    return {
        "number": a.number,
        "started_at": a.started_at,
        "finished_at": a.finished_at,
        "outcome": a.outcome,
        "error": a.error,
        "error_words": a.error_words if a.error else None,
        "looked_up": a.looked_up,
    }


# Sort orders of the orders list: the columns compared, in order (the last ones make each
# position unique for keyset paging), and whether the first may be NULL (an order without a
# total). Each has an index to walk, so a sorted first page is quick at 1M runs. "status" is
# the state as the list says it (``models.SHOWN_STATUS_RANK``: an order its workflow ended
# cancelled sorts among the cancelled, not among "Done"), walked by ``ix_runs_shown_status``.
SORTS: dict[str, tuple[tuple[Any, ...], bool]] = {
    "created": ((Run.created_at, Run.id), False),
    "order": ((Run.business_key, Run.created_at, Run.id), False),
    "status": ((SHOWN_STATUS_RANK, Run.created_at, Run.id), False),
    "workflow": ((Run.workflow_name, Run.created_at, Run.id), False),
    "customer": ((search.run_facts.c.customer, search.run_facts.c.id), False),
    "total": ((search.run_facts.c.total, search.run_facts.c.id), True),
}


def _past(
    keys: tuple[Any, ...], values: tuple[Any, ...], descending: bool, nullable: bool
) -> ColumnElement[bool]:
    """Rows after the one whose sort keys are ``values`` (keyset paging). SQLite sorts NULL
    first, so NULLs come last going down and first going up."""

    def beyond(k: ColumnElement[Any], v: Any, may_be_null: bool) -> ColumnElement[bool]:
        if descending:
            return false() if v is None else (or_(k < v, k.is_(None)) if may_be_null else k < v)
        return k.is_not(None) if v is None else k > v

    terms = []
    for i, (k, v) in enumerate(zip(keys, values, strict=True)):
        same = [
            kk.is_(None) if vv is None else kk == vv
            for kk, vv in zip(keys[:i], values[:i], strict=True)
        ]
        terms.append(and_(*same, beyond(k, v, nullable and i == 0)))
    # The same rows, with a plain range on the first key in front: SQLite walks its index
    # from there instead of testing the OR on every row (a deep page costs what the first does).
    first, v = keys[0], values[0]
    if v is None:
        bound = first.is_(None) if descending else true()
    else:
        bound = first <= v if descending else first >= v
        if nullable and descending:
            bound = or_(bound, first.is_(None))
    return and_(bound, or_(*terms))


def ended_cancelled() -> ColumnElement[bool]:
    """Runs their workflow ended cancelled (``runs.outcome``): they ran to their end (status
    succeeded), yet read and count as cancelled. The partial index ``ix_runs_outcome``
    (outcome, created_at) holds only such runs."""
    return and_(Run.outcome == ENDED_CANCELLED, Run.status == RunState.SUCCEEDED)


def status_is(status: str) -> ColumnElement[bool]:
    """Runs in ``status`` as the orders list says it: "cancelled" finds the orders the operator
    stopped and those their workflow ended cancelled (status succeeded, ``outcome``), "succeeded"
    ("Done") only the others. Each side is an index's range (``ix_runs_status_created``, the
    partial ``ix_runs_outcome``), so SQLite reads the two and never walks every run."""
    if status == RunState.CANCELLED:
        return or_(Run.status == status, ended_cancelled())
    if status == RunState.SUCCEEDED:
        return and_(Run.status == status, Run.outcome.is_distinct_from(ENDED_CANCELLED))
    return Run.status == status


def _matching(s: Session, text: str | None) -> ColumnElement[bool] | None:
    return search.matches(s, text) if text and text.strip() else None


def _runs_query(
    *,
    status: str | None,
    workflow: str | None,
    business_key: str | None,
    since: float | None,
    until: float | None,
    match: ColumnElement[bool] | None,
    sort: str,
    descending: bool,
    after: tuple[Any, ...] | None,
    limit: int | None,
    run_ids: list[str] | None = None,
) -> Select[Run, Any, Any, Any]:
    if sort not in SORTS:
        raise ValueError(f"Unknown sort “{sort}”; use one of: {', '.join(SORTS)}.")
    facts = search.run_facts
    # A search or a sort by customer or total starts from run_facts (its rows, its indexes):
    # SQLite never reorders a LEFT JOIN, so there the join is inner. Every run has its facts
    # row (an SQL trigger writes it with the run); the plain list still shows a run without.
    q = (
        # the shown status's rank: the "status" sort's cursor (never worked out twice)
        select(Run, facts.c.customer, facts.c.total, facts.c.id, DEMO_ORDER, SHOWN_STATUS_RANK)
        .join(
            facts,
            facts.c.run_id == Run.id,
            isouter=match is None and sort not in ("customer", "total"),
        )
        .options(defer(Run.trigger))
    )
    if status:
        q = q.where(status_is(status))
    if run_ids is not None:  # the orders behind a dashboard figure
        q = q.where(Run.id.in_(run_ids))
    if workflow:
        q = q.where(Run.workflow_name == workflow)
    if business_key:
        q = q.where(
            Run.business_key.like(f"%{business_key}%")
            if "%" not in business_key
            else Run.business_key.like(business_key)
        )
    if match is not None:  # ``_matching``: the search, evaluated once
        q = q.where(match)
    if since is not None:
        q = q.where(Run.created_at >= since)
    if until is not None:
        q = q.where(Run.created_at < until)
    keys, nullable = SORTS[sort]
    if after is not None:
        q = q.where(_past(keys, tuple(after), descending, nullable))
    # NULLs placed as SQLite places them (first going up, last going down; ``_past`` counts on
    # it); PostgreSQL's default is the opposite. For SQLite this is its default: same plan.
    q = q.order_by(*(k.desc().nulls_last() if descending else k.asc().nulls_first() for k in keys))
    return q.limit(limit) if limit is not None else q


def list_runs(
    s: Session,
    *,
    status: str | None = None,
    workflow: str | None = None,
    business_key: str | None = None,
    limit: int = 100,
    since: float | None = None,
    until: float | None = None,
    after: tuple[Any, ...] | None = None,
    search: str | None = None,
    sort: str = "created",
    descending: bool = True,
) -> list[Run]:
    """Runs, newest first (or by ``sort``: a key of ``SORTS``). ``business_key`` matches
    anywhere in the key (``%`` for a pattern of your own); ``search`` finds orders by anything
    they carry (customer, email, phone, SKU, amount, email text: ``app.store.search``).
    Keyset paging: ``after`` is the last row's sort keys (``OrderRow.cursor``; for the default
    sort (created_at, id)), so a deep page costs the same as the first (the orders table
    scrolls 1M runs). The trigger (the whole order) is not loaded: lists do not show it."""
    q = _runs_query(
        status=status,
        workflow=workflow,
        business_key=business_key,
        since=since,
        until=until,
        match=_matching(s, search),
        sort=sort,
        descending=descending,
        after=after,
        limit=limit,
    )
    return [row[0] for row in s.execute(q)]


def count_runs(
    s: Session,
    *,
    status: str | None = None,
    workflow: str | None = None,
    business_key: str | None = None,
    since: float | None = None,
    until: float | None = None,
    search: str | None = None,
) -> int:
    """How many runs the filters of ``list_runs`` match (an export's progress total)."""
    q = _runs_query(
        status=status,
        workflow=workflow,
        business_key=business_key,
        since=since,
        until=until,
        match=_matching(s, search),
        sort="created",
        descending=True,
        after=None,
        limit=None,
    )
    return s.scalar(select(func.count()).select_from(q.subquery())) or 0


@dataclass(frozen=True)
class OrderRow:
    """One line of the orders list: the run's columns plus the customer, total and reason
    (why it waits, in words) an operator scans for. ``cursor`` is ``after`` for the next
    page in the same sort."""

    id: str
    workflow: str
    status: str
    business_key: str
    customer: str
    total: float | None
    reason: str
    created_at: float
    updated_at: float
    finished_at: float | None
    practice: bool
    cancelled: bool
    cursor: tuple[Any, ...]
    demo: bool = False  # a demo order (``DEMO_ORDER``), said as one in the list
    outcome: str | None = None  # how its workflow ended it: "cancelled" reads “Cancelled”

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("cursor")
        return d


def _cursor(
    sort: str, run: Run, customer: str, total: float | None, facts_id: int | None, rank: int
) -> tuple[Any, ...]:
    first = {
        "created": run.created_at,
        "order": run.business_key,
        "status": rank,
        "workflow": run.workflow_name,
        "customer": customer,
        "total": total,
    }[sort]
    return (
        (first, facts_id)
        if sort in ("customer", "total")
        else (run.created_at, run.id)
        if sort == "created"
        else (first, run.created_at, run.id)
    )


def iter_orders(
    s: Session,
    *,
    status: str | None = None,
    workflow: str | None = None,
    business_key: str | None = None,
    since: float | None = None,
    until: float | None = None,
    search: str | None = None,
    sort: str = "created",
    descending: bool = True,
    after: tuple[Any, ...] | None = None,
    limit: int | None = None,
    batch: int = 500,
    run_ids: list[str] | None = None,
) -> Iterator[OrderRow]:
    """``OrderRow``s matching the filters of ``list_runs``, in its order, read in batches of
    ``batch`` by keyset (memory stays flat for an export of every order)."""
    left = limit
    match = _matching(s, search)
    while left is None or left > 0:
        size = batch if left is None else min(batch, left)
        rows = s.execute(
            _runs_query(
                status=status,
                workflow=workflow,
                business_key=business_key,
                since=since,
                until=until,
                match=match,
                sort=sort,
                descending=descending,
                after=after,
                limit=size,
                run_ids=run_ids,
            )
        ).all()
        reasons = waiting_reasons(
            s, [r[0].id for r in rows if r[0].status == RunState.NEEDS_ATTENTION]
        )
        for run, customer, total, facts_id, demo, rank in rows:
            after = _cursor(sort, run, customer or "", total, facts_id, rank)
            yield OrderRow(
                run.id,
                run.workflow_name,
                run.status,
                run.business_key,
                customer or "",
                total,
                reasons.get(run.id, ""),
                run.created_at,
                run.updated_at,
                run.finished_at,
                run.practice,
                run.cancelled,
                after,
                bool(demo),
                run.outcome,
            )
        if len(rows) < size:
            return
        if left is not None:
            left -= len(rows)


def list_orders(s: Session, *, limit: int = 100, **filters: Any) -> list[OrderRow]:
    """One page of ``OrderRow``s; the filters, sort and ``after`` of ``iter_orders``."""
    return list(iter_orders(s, limit=limit, batch=limit, **filters))


def waiting_reasons(s: Session, run_ids: list[str]) -> dict[str, str]:
    """Why each of these runs waits for a person: the headline of its open inbox entry (a
    decision first), from ``explain.explain_entry``."""
    from app.store.explain import explain_entry

    if not run_ids:
        return {}
    found: dict[str, str] = {}
    items = s.scalars(
        select(InboxItem)
        .where(InboxItem.run_id.in_(run_ids), InboxItem.status == "open")
        .order_by(InboxItem.kind != InboxKind.DECISION, InboxItem.id)
    )
    for item in items:
        if item.run_id is not None and item.run_id not in found:  # (in run_ids: never None)
            found[item.run_id] = explain_entry(s, item).headline
    return found


def order_currencies(s: Session, run_ids: list[str]) -> dict[str, str]:
    """The currency each of these runs' orders was placed in (``order_total.currency_of``),
    for the orders list's totals; a run whose order names none is left out. Read by its path
    in the trigger for these rows only (a page of the list), never for every run sorted."""
    if not run_ids:
        return {}
    rows = s.execute(
        select(
            Run.id,
            Run.trigger[("order", "currency")],  # JSON: a number stays a number
            Run.trigger["currency"],
        ).where(Run.id.in_(run_ids))
    )
    found = {
        run_id: currency_of({"order": {"currency": nested}, "currency": flat})
        for run_id, nested, flat in rows
    }
    return {run_id: code for run_id, code in found.items() if code}


def step_states(s: Session, run_id: str) -> dict[str, str]:
    """Each step of the run and its state (``{"charge": "succeeded", ...}``)."""
    return dict(
        s.execute(select(StepRun.name, StepRun.state).where(StepRun.run_id == run_id)).all()
    )


def run_facts(s: Session, run_id: str) -> tuple[str, float | None]:
    """The (customer, total) found in the run's order (``""``/None when it has none)."""
    facts = search.run_facts
    row = s.execute(select(facts.c.customer, facts.c.total).where(facts.c.run_id == run_id)).first()
    return (row[0] or "", row[1]) if row else ("", None)


def run_detail(s: Session, run_id: str) -> dict[str, Any] | None:
    run = s.get(Run, run_id)
    if run is None:
        return None
    steps = list(
        s.scalars(select(StepRun).where(StepRun.run_id == run_id).order_by(StepRun.position))
    )
    attempts = list(s.scalars(select(Attempt).where(Attempt.run_id == run_id).order_by(Attempt.id)))
    items = list(
        s.scalars(select(InboxItem).where(InboxItem.run_id == run_id).order_by(InboxItem.id))
    )
    d = run_dict(run)
    d["trigger"] = run.trigger
    d["demo"] = bool(s.scalar(select(DEMO_ORDER).where(Run.id == run_id)))
    version = s.get(WorkflowVersion, run.version_id)
    titles: dict[str, str] = {}
    if version is not None:
        from app.core.model import Workflow

        titles = {st.name: st.label for st in Workflow.from_json(version.definition).steps}
        d["version"] = version.number
    d["steps"] = []
    for st in steps:
        sd = step_dict(st)
        sd["title"] = titles.get(st.name, st.name)
        sd["attempt_log"] = [attempt_dict(a) for a in attempts if a.step_name == st.name]
        d["steps"].append(sd)
    d["inbox"] = [inbox_dict(i) for i in items]
    return d


def open_inbox(s: Session) -> list[dict[str, Any]]:
    return [
        inbox_dict(i)
        for i in s.scalars(
            select(InboxItem).where(InboxItem.status == "open").order_by(InboxItem.created_at)
        )
    ]


def system_of(step_input: Any) -> str | None:
    """Which outside system a step talks to, as a key that is equal for steps that share it:
    its connection (``connection:shop-mail``), else the host and port of its URL
    (``host:pay.example.com:443``). None for a step that calls nothing."""
    if not isinstance(step_input, dict):
        return None
    if step_input.get("connection"):
        return f"connection:{step_input['connection']}"
    url = step_input.get("url") or step_input.get("webhook_url")
    if not url:
        return None
    parts = urlsplit(str(url))
    if not parts.hostname:
        return None
    try:
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme, 0)
    except ValueError:  # a port that is no number: the host still groups
        port = 0
    return f"host:{parts.hostname.lower()}:{port}"


def waiting_on_same_system(s: Session, item_id: int) -> list[int]:
    """Open entries whose step failed against the same system as entry ``item_id``'s ("all
    waiting on the payment service"), oldest first, ``item_id`` included. Empty when that
    entry is no failed step or its step calls nothing outside."""
    rows = s.execute(
        select(InboxItem.id, StepRun.input)
        .join(
            StepRun, and_(StepRun.run_id == InboxItem.run_id, StepRun.name == InboxItem.step_name)
        )
        .where(InboxItem.status == "open", InboxItem.kind == InboxKind.STEP_FAILED)
        .order_by(InboxItem.created_at, InboxItem.id)
    ).all()
    systems = {i: system_of(inp) for i, inp in rows}
    mine = systems.get(item_id)
    return [i for i, system in systems.items() if mine is not None and system == mine]
