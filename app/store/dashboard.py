"""The dashboard's figures over a period: orders per day by channel, how many ran cleanly, how
many needed a person and how many were cancelled, how long exceptions took to resolve, what
waits on a person or on a system now, and the steps and systems that fail most. Each figure
also says which orders are behind it (``orders_behind``), so the page can open the Orders list
on exactly those.

A period is ``[since, until)`` in epoch seconds on the order's arrival time (the indexed
``runs.created_at``); practice runs are left out. Called off the GUI thread.

Fast at a million orders: the counts by day, channel and status come from ``run_counts`` (per
quarter hour, kept by SQL triggers, migration 0008) for the whole quarter hours of the period
and from the orders themselves only for its two ragged ends; the other figures start from the
few rows that matter (questions, held steps, failed attempts through a partial index), never
from every order of the period.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, column, exists, func, literal_column, or_, select, table
from sqlalchemy.orm import Session

from app.core.kinds import AttemptOutcome
from app.core.machine import RunState
from app.store.models import Attempt, InboxItem, IntakeItem, Run, StepRun
from app.store.queries import ended_cancelled, status_is, system_of

BY_HAND = "by hand"  # an order with no intake item: typed in, the CLI, a demo
# Attempt outcomes that are no failure (the step went on, waits, asked a person, was handed back)
NOT_FAILED = (
    AttemptOutcome.SUCCEEDED,
    AttemptOutcome.RUNNING,
    AttemptOutcome.WAITING,
    AttemptOutcome.ASKED,
    AttemptOutcome.HANDED_BACK,
)
SLOT = 900  # seconds in one ``run_counts`` slot (migration 0008)
RUN_COUNTS = table("run_counts", column("slot"), column("channel"), column("status"), column("n"))
MAX_BEHIND = 10_000  # orders a click-through opens (the Orders list pages them)
TOP = 8


@dataclass
class Figures:
    since: float
    until: float
    per_day: dict[str, dict[str, int]] = field(default_factory=dict)  # day -> channel -> n
    orders: int = 0
    clean: int = 0  # finished as done with nobody asked (an order ended cancelled is not)
    needed_person: int = 0
    # cancelled: stopped by the operator, or ended cancelled by the workflow (``runs.outcome``;
    # these are among ``orders``, and among ``needed_person`` when a person was asked first)
    cancelled: int = 0
    resolved: int = 0
    resolve_median: float | None = None  # seconds from the question to its answer
    resolve_mean: float | None = None
    open_questions: int = 0
    waiting_person: int = 0
    waiting_system: int = 0
    failing_steps: list[tuple[str, int]] = field(default_factory=list)  # ("wf ▸ step", n)
    failing_systems: list[tuple[str, int]] = field(default_factory=list)

    @property
    def channels(self) -> list[str]:
        totals: Counter[str] = Counter()
        for per in self.per_day.values():
            totals.update(per)
        return [c for c, _n in totals.most_common()]


def _in_period(since: float, until: float) -> Any:
    return and_(Run.created_at >= since, Run.created_at < until, Run.practice.is_(False))


def _row_in_period(since: float, until: float) -> Any:
    """The period, checked on each order a small table led to (questions, held steps, failed
    attempts). "+ 0" keeps SQLite (which has no statistics here) from starting instead at the
    created_at index and walking every order of the period — a million at a time."""
    arrived = Run.created_at + 0
    return and_(arrived >= since, arrived < until, Run.practice.is_(False))


def _asked_person() -> Any:
    return exists().where(InboxItem.run_id == Run.id)


def _day(s: Session) -> Any:
    """The local calendar day ("YYYY-MM-DD") a run arrived on."""
    if s.get_bind().dialect.name == "postgresql":
        # The server's time zone is not this computer's: shift by this computer's UTC offset
        # now (a day that crosses a daylight-saving change is off by that hour at its edge).
        offset = datetime.now().astimezone().utcoffset()
        shift = offset.total_seconds() if offset else 0.0
        return func.to_char(
            func.timezone("UTC", func.to_timestamp(Run.created_at + shift)), "YYYY-MM-DD"
        )
    return func.date(Run.created_at, literal_column("'unixepoch'"), literal_column("'localtime'"))


def _channel() -> Any:
    return func.coalesce(IntakeItem.channel, BY_HAND)


def _on_hold() -> Any:
    # a range, not LIKE: it implies "waiting_on IS NOT NULL", so the partial index serves it
    return and_(StepRun.waiting_on >= "hold:", StepRun.waiting_on < "hold;")


def _waits_on_hold() -> Any:
    return exists().where(StepRun.run_id == Run.id, _on_hold())


def _failed() -> Any:
    # the outcomes written out as literals, word for word the condition of the partial index
    # ix_attempts_failed (SQLite uses a partial index only when the query implies it)
    return Attempt.outcome.not_in([literal_column(f"'{o}'") for o in NOT_FAILED])


def _tally(s: Session, since: float, until: float) -> list[Any]:
    """(day, channel, status, orders) rows of the period; a day and channel may repeat."""
    day, channel = _day(s).label("day"), _channel().label("channel")

    def direct(lo: float, hi: float) -> list[Any]:
        return list(
            s.execute(
                select(day, channel, Run.status, func.count())
                .select_from(Run)
                .outerjoin(IntakeItem, IntakeItem.id == Run.intake_item_id)
                .where(_in_period(lo, hi))
                .group_by(day, channel, Run.status)
            ).all()
        )

    first, last = math.ceil(since / SLOT), math.floor(until / SLOT)
    if s.get_bind().dialect.name != "sqlite" or first >= last:
        return direct(since, until)  # run_counts is SQLite's (migration 0008)
    c = RUN_COUNTS.c
    slot_day = func.date(
        c.slot * SLOT, literal_column("'unixepoch'"), literal_column("'localtime'")
    )
    whole = s.execute(
        select(slot_day, c.channel, c.status, func.sum(c.n))
        .where(c.slot >= first, c.slot < last, c.n != 0)
        .group_by(slot_day, c.channel, c.status)
    ).all()
    return list(whole) + direct(since, first * SLOT) + direct(last * SLOT, until)


def figures(s: Session, since: float, until: float) -> Figures:
    f = Figures(since, until)
    in_period = _row_in_period(since, until)
    by_status: Counter[str] = Counter()
    for d, ch, status, n in _tally(s, since, until):
        per = f.per_day.setdefault(d, {})
        per[ch] = per.get(ch, 0) + n
        by_status[status] += n
    f.orders = sum(by_status.values())
    status = Run.status + ""  # grouped by, without walking the status index instead
    asked = dict(
        s.execute(
            select(status, func.count(func.distinct(Run.id)))
            .select_from(InboxItem)
            .join(Run, Run.id == InboxItem.run_id)
            .where(in_period)
            .group_by(status)
        ).all()
    )
    f.needed_person = sum(asked.values())
    ended, ended_asked = _ended_cancelled_counts(s, since, until)
    f.clean = (
        by_status[RunState.SUCCEEDED] - asked.get(RunState.SUCCEEDED, 0) - (ended - ended_asked)
    )
    f.cancelled = by_status[RunState.CANCELLED] + ended
    questions = s.execute(
        select(InboxItem.created_at, InboxItem.resolved_at)
        .join(Run, Run.id == InboxItem.run_id)
        .where(in_period)
    ).all()
    took = [r - c for c, r in questions if r is not None]
    f.resolved, f.open_questions = len(took), len(questions) - len(took)
    if took:
        f.resolve_median, f.resolve_mean = statistics.median(took), statistics.fmean(took)
    held = (
        s.scalar(
            select(func.count(func.distinct(Run.id)))
            .select_from(StepRun)
            .join(Run, Run.id == StepRun.run_id)
            .where(in_period, status == RunState.WAITING, _on_hold())
        )
        or 0
    )
    f.waiting_person = by_status[RunState.NEEDS_ATTENTION] + held
    f.waiting_system = by_status[RunState.WAITING] - held
    failed = s.execute(
        select(Run.workflow_name, Attempt.step_name, func.count())
        .join(Run, Run.id == Attempt.run_id)
        .where(in_period, _failed())
        .group_by(Run.workflow_name, Attempt.step_name)
        .order_by(func.count().desc())
        .limit(TOP)
    ).all()
    f.failing_steps = [(f"{wf} ▸ {step}", n) for wf, step, n in failed]
    f.failing_systems = Counter(_failed_systems(s, since, until)).most_common(TOP)
    return f


def _ended_cancelled_counts(s: Session, since: float, until: float) -> tuple[int, int]:
    """(orders of the period the workflow ended cancelled, those of them a person was asked
    about): the first are no "ran cleanly"; the second are counted in "needed a person"."""
    row = s.execute(
        select(func.count(), func.count(case((_asked_person(), 1))))
        .select_from(Run)
        .where(_in_period(since, until), ended_cancelled())
    ).one()
    return int(row[0] or 0), int(row[1] or 0)


def _failed_systems(s: Session, since: float, until: float) -> list[str]:
    """One system name per failed attempt (a step that calls nothing outside counts nowhere)."""
    rows = s.execute(
        select(StepRun.input)
        .join(Attempt, and_(Attempt.run_id == StepRun.run_id, Attempt.step_name == StepRun.name))
        .join(Run, Run.id == StepRun.run_id)
        .where(_row_in_period(since, until), _failed())
    ).all()
    names = []
    for (inp,) in rows:
        system = system_of(inp)
        if system:
            names.append(system.split(":", 1)[1])
    return names


# -- the orders behind a figure ------------------------------------------------------------------
def orders_behind(
    s: Session, figure: str, since: float, until: float, key: str | None = None
) -> list[str]:
    """Run ids behind one figure (newest first, at most ``MAX_BEHIND``): ``day`` (key
    "YYYY-MM-DD", or "YYYY-MM-DD|channel"), ``clean``, ``cancelled``, ``needed_person``,
    ``waiting_person``, ``waiting_system``, ``failing_step`` (key "workflow ▸ step"), ``failing_system`` (key as
    shown), ``resolved``/``open_questions``."""
    period = _in_period(since, until)
    q = select(Run.id).select_from(Run)
    if figure == "day":
        day, _sep, channel = (key or "").partition("|")
        q = q.outerjoin(IntakeItem, IntakeItem.id == Run.intake_item_id).where(
            period, _day(s) == day
        )
        if channel:
            q = q.where(_channel() == channel)
    elif figure == "clean":  # done, nobody asked (an order ended cancelled is not done)
        q = q.where(period, status_is(RunState.SUCCEEDED), ~_asked_person())
    elif figure == "cancelled":
        q = q.where(period, status_is(RunState.CANCELLED))
    elif figure in ("needed_person", "resolved", "open_questions"):
        q = q.where(period, _asked_person())
        if figure != "needed_person":
            answered = exists().where(InboxItem.run_id == Run.id, InboxItem.status != "open")
            still = exists().where(InboxItem.run_id == Run.id, InboxItem.status == "open")
            q = q.where(answered if figure == "resolved" else still)
    elif figure == "waiting_person":
        q = q.where(
            period,
            or_(
                Run.status == RunState.NEEDS_ATTENTION,
                and_(Run.status == RunState.WAITING, _waits_on_hold()),
            ),
        )
    elif figure == "waiting_system":
        q = q.where(period, Run.status == RunState.WAITING, ~_waits_on_hold())
    elif figure == "failing_step":
        wf, _sep, step = (key or "").partition(" ▸ ")
        q = q.where(
            period,
            Run.workflow_name == wf,
            exists().where(Attempt.run_id == Run.id, Attempt.step_name == step, _failed()),
        )
    elif figure == "failing_system":
        rows = s.execute(
            select(Run.id, StepRun.input)
            .join(StepRun, StepRun.run_id == Run.id)
            .join(
                Attempt, and_(Attempt.run_id == StepRun.run_id, Attempt.step_name == StepRun.name)
            )
            .where(period, _failed())
            .order_by(Run.created_at.desc())
        ).all()
        ids = dict.fromkeys(
            rid for rid, inp in rows if (system_of(inp) or ":").split(":", 1)[1] == key
        )
        return list(ids)[:MAX_BEHIND]
    else:
        raise ValueError(f"Unknown dashboard figure “{figure}”.")
    return list(s.scalars(q.order_by(Run.created_at.desc()).limit(MAX_BEHIND)))
