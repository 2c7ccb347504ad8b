"""The dashboard's figures over a period: orders per day by channel, how many ran cleanly and
how many needed a person, how long exceptions took to resolve, what waits on a person or on a
system now, and the steps and systems that fail most. Each figure also says which orders are
behind it (``orders_behind``), so the page can open the Orders list on exactly those.

A period is ``[since, until)`` in epoch seconds on the order's arrival time (the indexed
``runs.created_at``); practice runs are left out. Called off the GUI thread.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, exists, func, literal_column, or_, select
from sqlalchemy.orm import Session

from app.store.models import Attempt, InboxItem, IntakeItem, Run, StepRun
from app.store.queries import system_of

BY_HAND = "by hand"       # an order with no intake item: typed in, the CLI, a demo
# Attempt outcomes that are no failure (the step went on, waits, asked a person, was handed back)
NOT_FAILED = ("succeeded", "running", "waiting", "asked", "handed back")
MAX_BEHIND = 10_000       # orders a click-through opens (the Orders list pages them)
TOP = 8


@dataclass
class Figures:
    since: float
    until: float
    per_day: dict[str, dict[str, int]] = field(default_factory=dict)   # day -> channel -> n
    orders: int = 0
    clean: int = 0
    needed_person: int = 0
    resolved: int = 0
    resolve_median: float | None = None    # seconds from the question to its answer
    resolve_mean: float | None = None
    open_questions: int = 0
    waiting_person: int = 0
    waiting_system: int = 0
    failing_steps: list[tuple[str, int]] = field(default_factory=list)   # ("wf ▸ step", n)
    failing_systems: list[tuple[str, int]] = field(default_factory=list)

    @property
    def channels(self) -> list[str]:
        totals: Counter[str] = Counter()
        for per in self.per_day.values():
            totals.update(per)
        return [c for c, _n in totals.most_common()]


def _in_period(since: float, until: float) -> Any:
    return and_(Run.created_at >= since, Run.created_at < until, Run.practice.is_(False))


def _asked_person() -> Any:
    return exists().where(InboxItem.run_id == Run.id)


def _day() -> Any:
    return func.date(Run.created_at, literal_column("'unixepoch'"), literal_column("'localtime'"))


def _channel() -> Any:
    return func.coalesce(IntakeItem.channel, BY_HAND)


def _waits_on_hold() -> Any:
    return exists().where(StepRun.run_id == Run.id, StepRun.waiting_on.like("hold:%"))


def figures(s: Session, since: float, until: float) -> Figures:
    f = Figures(since, until)
    period = _in_period(since, until)
    day, channel = _day().label("day"), _channel().label("channel")
    rows = s.execute(select(day, channel, func.count())
                     .select_from(Run).outerjoin(IntakeItem, IntakeItem.id == Run.intake_item_id)
                     .where(period).group_by(day, channel)).all()
    for d, ch, n in rows:
        f.per_day.setdefault(d, {})[ch] = n
        f.orders += n
    f.needed_person = s.scalar(select(func.count()).select_from(Run)
                               .where(period, _asked_person())) or 0
    f.clean = s.scalar(select(func.count()).select_from(Run)
                       .where(period, Run.status == "succeeded", ~_asked_person())) or 0
    questions = s.execute(select(InboxItem.created_at, InboxItem.resolved_at)
                          .join(Run, Run.id == InboxItem.run_id).where(period)).all()
    took = [r - c for c, r in questions if r is not None]
    f.resolved, f.open_questions = len(took), len(questions) - len(took)
    if took:
        f.resolve_median, f.resolve_mean = statistics.median(took), statistics.fmean(took)
    f.waiting_person = s.scalar(select(func.count()).select_from(Run).where(
        period, or_(Run.status == "needs_attention",
                    and_(Run.status == "waiting", _waits_on_hold())))) or 0
    f.waiting_system = s.scalar(select(func.count()).select_from(Run).where(
        period, Run.status == "waiting", ~_waits_on_hold())) or 0
    failed = s.execute(select(Run.workflow_name, Attempt.step_name, func.count())
                       .join(Run, Run.id == Attempt.run_id)
                       .where(period, Attempt.outcome.not_in(NOT_FAILED))
                       .group_by(Run.workflow_name, Attempt.step_name)
                       .order_by(func.count().desc()).limit(TOP)).all()
    f.failing_steps = [(f"{wf} ▸ {step}", n) for wf, step, n in failed]
    f.failing_systems = Counter(_failed_systems(s, since, until)).most_common(TOP)
    return f


def _failed_systems(s: Session, since: float, until: float) -> list[str]:
    """One system name per failed attempt (a step that calls nothing outside counts nowhere)."""
    rows = s.execute(select(StepRun.input)
                     .join(Attempt, and_(Attempt.run_id == StepRun.run_id,
                                         Attempt.step_name == StepRun.name))
                     .join(Run, Run.id == StepRun.run_id)
                     .where(_in_period(since, until), Attempt.outcome.not_in(NOT_FAILED))).all()
    names = []
    for (inp,) in rows:
        system = system_of(inp)
        if system:
            names.append(system.split(":", 1)[1])
    return names


# -- the orders behind a figure ------------------------------------------------------------------
def orders_behind(s: Session, figure: str, since: float, until: float,
                  key: str | None = None) -> list[str]:
    """Run ids behind one figure (newest first, at most ``MAX_BEHIND``): ``day`` (key
    "YYYY-MM-DD", or "YYYY-MM-DD|channel"), ``clean``, ``needed_person``, ``waiting_person``,
    ``waiting_system``, ``failing_step`` (key "workflow ▸ step"), ``failing_system`` (key as
    shown), ``resolved``/``open_questions``."""
    period = _in_period(since, until)
    q = select(Run.id).select_from(Run)
    if figure == "day":
        day, _sep, channel = (key or "").partition("|")
        q = q.outerjoin(IntakeItem, IntakeItem.id == Run.intake_item_id).where(
            period, _day() == day)
        if channel:
            q = q.where(_channel() == channel)
    elif figure == "clean":
        q = q.where(period, Run.status == "succeeded", ~_asked_person())
    elif figure in ("needed_person", "resolved", "open_questions"):
        q = q.where(period, _asked_person())
        if figure != "needed_person":
            answered = exists().where(InboxItem.run_id == Run.id,
                                      InboxItem.status != "open")
            still = exists().where(InboxItem.run_id == Run.id, InboxItem.status == "open")
            q = q.where(answered if figure == "resolved" else still)
    elif figure == "waiting_person":
        q = q.where(period, or_(Run.status == "needs_attention",
                                and_(Run.status == "waiting", _waits_on_hold())))
    elif figure == "waiting_system":
        q = q.where(period, Run.status == "waiting", ~_waits_on_hold())
    elif figure == "failing_step":
        wf, _sep, step = (key or "").partition(" ▸ ")
        q = q.where(period, Run.workflow_name == wf, exists().where(
            Attempt.run_id == Run.id, Attempt.step_name == step,
            Attempt.outcome.not_in(NOT_FAILED)))
    elif figure == "failing_system":
        rows = s.execute(select(Run.id, StepRun.input)
                         .join(StepRun, StepRun.run_id == Run.id)
                         .join(Attempt, and_(Attempt.run_id == StepRun.run_id,
                                             Attempt.step_name == StepRun.name))
                         .where(period, Attempt.outcome.not_in(NOT_FAILED))
                         .order_by(Run.created_at.desc())).all()
        ids = dict.fromkeys(rid for rid, inp in rows
                            if (system_of(inp) or ":").split(":", 1)[1] == key)
        return list(ids)[:MAX_BEHIND]
    else:
        raise ValueError(f"Unknown dashboard figure “{figure}”.")
    return list(s.scalars(q.order_by(Run.created_at.desc()).limit(MAX_BEHIND)))
