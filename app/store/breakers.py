"""Circuit breakers per outside system: when a system keeps failing, the steps that need it wait
(parked, no attempts spent) instead of each order spending its retries and asking a person.

A *system* is a connection (``connection:payments``) or, for a step without one, the host and
port it calls (``host:pay.example.com:443``; ``queries.system_of``). Its breaker lives in the
``breakers`` table, the one truth shared by every runner on the database (each change is one
``BEGIN IMMEDIATE`` transaction with its audit entry)::

    closed ──(N failures in a row, in the window)──▶ open ──(probe due)──▶ probing
      ▲                                                   ▲  ◀──(probe failed, backoff x2)──┘
      │                                                   │                                │
      └──(no one waits)── resuming ◀──(the system answered)┘◀──────────────────────────────┘

While open, one inbox entry (kind ``system_down``) says the system is down and how many orders
wait. Probing lets one real attempt through (the oldest waiting order's). Once the system
answers, the entry closes with how long it was down, and waiting steps go again one at a time,
oldest order first, at most ``resume_per_second``, so the recovered system is not flooded.
No Qt; the runtime's gate (``app.runtime.breakers``) calls in here.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core import redact
from app.core.i18n import QT_TRANSLATE_NOOP, moment, said
from app.core.kinds import InboxKind
from app.core.systems import label
from app.store import audit
from app.store.explain import duration
from app.store.inbox import close_alert, open_alert
from app.store.models import Breaker, Connection, Run, StepRun

CLOSED, OPEN, PROBING, RESUMING = "closed", "open", "probing", "resuming"
KIND = InboxKind.SYSTEM_DOWN  # inbox kind: the tray shows red while one is open
ALERT = "breaker:"  # inbox source key, per system
WAITING = "system:"  # ``step_runs.waiting_on`` of a step parked on a down system
DAEMON = "daloy"  # who the audit trail names for the breaker's own changes
# A probe that has not answered in this long (its runner died, it is stuck) is given up on.
PROBE_TIMEOUT = 300.0


@dataclass(frozen=True)
class BreakerSettings:
    failures: int = 8  # failures in a row (no answer between) within ``window``
    window: float = 120.0
    probe_after: float = 10.0  # first probe this long after opening; doubles each failure
    probe_max: float = 300.0
    resume_per_second: float = 2.0  # waiting steps released per second once it answers

    def check(self) -> None:
        if (
            self.failures < 1
            or self.window <= 0
            or self.probe_after <= 0
            or self.probe_max < self.probe_after
            or self.resume_per_second <= 0
        ):
            raise ValueError(
                "Breaker settings: failures at least 1, window, probe_after and "
                "resume_per_second above 0, probe_max at least probe_after."
            )


# Defaults per connection kind ("host": a step that calls a URL without a connection). Mail
# servers fail slowly and recover slowly; web APIs are probed sooner.
DEFAULTS: dict[str, BreakerSettings] = {
    "http": BreakerSettings(),
    "host": BreakerSettings(),
    "marketplace": BreakerSettings(probe_after=30.0),
    "smtp": BreakerSettings(failures=5, probe_after=30.0, probe_max=600.0, resume_per_second=1.0),
    "imap": BreakerSettings(failures=5, probe_after=30.0, probe_max=600.0),
    "database": BreakerSettings(failures=5, probe_after=15.0),
}


def _kind(s: Session, system: str) -> str:
    kind, _, name = system.partition(":")
    if kind == "connection":
        conn = s.get(Connection, name)
        return conn.kind if conn is not None else "http"
    return "host"


def settings_for(s: Session, system: str, row: Breaker | None = None) -> BreakerSettings:
    base = DEFAULTS.get(_kind(s, system), BreakerSettings())
    own = row or s.get(Breaker, system)
    overrides = own.settings if own is not None and isinstance(own.settings, dict) else {}
    names = {f.name for f in fields(BreakerSettings)}
    return replace(base, **{k: v for k, v in overrides.items() if k in names})


def configure(s: Session, system: str, who: str | None = None, **values: Any) -> BreakerSettings:
    """Change a system's breaker settings (per connection or host), audited."""
    names = {f.name for f in fields(BreakerSettings)}
    unknown = sorted(set(values) - names)
    if unknown:
        raise ValueError(
            f"“{', '.join(unknown)}” is not a breaker setting; use: {', '.join(sorted(names))}."
        )
    row = _row(s, system, time.time())
    before = asdict(settings_for(s, system, row))
    merged = {**(row.settings or {}), **values}
    new = replace(settings_for(s, system, row), **values)
    new.check()
    row.settings = merged
    audit.record(
        s,
        who,
        "breaker_settings",
        before={"system": system, **before},
        after={"system": system, **asdict(new)},
    )
    return new


def _row(s: Session, system: str, now: float) -> Breaker:
    row = s.get(Breaker, system)
    if row is None:
        row = Breaker(system=system, state=CLOSED, failures=[], updated_at=now)
        s.add(row)
        s.flush()
    return row


def _audit(
    s: Session, row: Breaker, action: str, before: str, who: str | None = None, **extra: Any
) -> None:
    audit.record(
        s,
        who or DAEMON,
        action,
        before={"system": row.system, "state": before},
        after={"system": row.system, "state": row.state, **extra},
    )


def waiting_count(s: Session, system: str) -> int:
    return (
        s.scalar(
            select(func.count()).select_from(StepRun).where(StepRun.waiting_on == WAITING + system)
        )
        or 0
    )


def _since(row: Breaker) -> str:
    """When the system went down, as a stored sentence's moment ("?" when not known)."""
    return moment(row.opened_at) if row.opened_at else "?"


def down_sentence(row: Breaker) -> str:
    """What a waiting order says: “Waiting for “payments” — down since 10:02”."""
    return said(
        QT_TRANSLATE_NOOP("Steps", "Waiting for {system} — down since {time}"),
        system=label(row.system),
        time=_since(row),
    )


def _alert(s: Session, row: Breaker) -> None:
    """Open (or bring up to date) the one inbox entry of a down system."""
    n = waiting_count(s, row.system)
    since = _since(row)
    title = said(
        QT_TRANSLATE_NOOP("Inbox", "{system} down since {time} — 1 order waiting")
        if n == 1
        else QT_TRANSLATE_NOOP("Inbox", "{system} down since {time} — {count} orders waiting"),
        system=label(row.system),
        time=since,
        count=n,
    )
    item, _ = open_alert(
        s,
        KIND,
        ALERT + row.system,
        title,
        said(
            QT_TRANSLATE_NOOP(
                "Inbox",
                "{system} has failed again and again since {time} ({error}). Orders that need "
                "it wait here, nothing spent, and go on by themselves, oldest first, once it "
                "answers; Daloy tries it now and then. Try now if you know it is back; cancel "
                "all to stop the waiting orders.",
            ),
            system=label(row.system),
            time=since,
            error=row.last_error or "no answer",
        ),
        detail={
            "system": row.system,
            "since": row.opened_at,
            "waiting": n,
            "error": row.last_error,
        },
    )
    item.title = title  # the count changes while the entry stays open (its words follow)


def record_failure(s: Session, system: str, error: str, now: float | None = None) -> Breaker:
    """A retryable failure of ``system`` (a 5xx, a timeout, a refused connection). Opens the
    breaker after enough of them; a failed probe opens it again with a longer wait."""
    now = time.time() if now is None else now
    row = _row(s, system, now)
    cfg = settings_for(s, system, row)
    row.last_error, row.updated_at = redact.text(error)[:500], now  # a server may quote a token
    before = row.state
    if row.state == PROBING:
        row.probe_delay = min((row.probe_delay or cfg.probe_after) * 2, cfg.probe_max)
        _reopen(s, row, now, cfg)
        _audit(s, row, "system_still_down", before, next_probe_at=row.next_probe_at)
        return row
    if row.state == OPEN:
        return row  # an attempt already under way when it opened
    row.failures = [t for t in (row.failures or []) if t > now - cfg.window] + [now]
    if len(row.failures) >= cfg.failures:
        row.opened_at = now if before == CLOSED or row.opened_at is None else row.opened_at
        row.waited = [] if before == CLOSED else (row.waited or [])
        row.probe_delay = cfg.probe_after
        _reopen(s, row, now, cfg)
        _audit(s, row, "system_down", before, failures=len(row.failures), error=row.last_error)
    return row


def _reopen(s: Session, row: Breaker, now: float, cfg: BreakerSettings) -> None:
    row.state = OPEN
    row.next_probe_at = now + (row.probe_delay or cfg.probe_after)
    row.admit_step_id = row.admit_at = row.next_release_at = None
    _alert(s, row)


def record_answer(s: Session, system: str, now: float | None = None) -> Breaker | None:
    """``system`` answered (a success, or a refusal that is not its being down): a down system
    is back. Closes the inbox entry with how long it was down and how many orders waited."""
    now = time.time() if now is None else now
    row = s.get(Breaker, system)
    if row is None:
        return None
    if row.state in (CLOSED, RESUMING):
        row.failures = []
        return row
    before = row.state
    row.state, row.failures, row.updated_at = RESUMING, [], now
    row.next_release_at = now
    down = duration(now - (row.opened_at or now))
    waited = len(row.waited or [])
    orders = "1 order waited" if waited == 1 else f"{waited} orders waited"
    close_alert(
        s,
        ALERT + system,
        f"{label(system)} was down for {down}; {orders}, and they go on now, oldest first.",
    )
    _audit(
        s,
        row,
        "system_back",
        before,
        down_seconds=now - (row.opened_at or now),
        orders_waited=waited,
    )
    return row


def note_waiting(s: Session, system: str, run_id: str) -> None:
    """A step of ``run_id`` was parked on ``system`` (in the parking transaction)."""
    row = s.get(Breaker, system)
    if row is None:
        return
    waited = list(row.waited or [])
    if run_id not in waited:
        row.waited = [*waited, run_id]
    if row.state in (OPEN, PROBING):
        _alert(s, row)


def _oldest_waiting(s: Session, system: str) -> StepRun | None:
    return s.scalar(
        select(StepRun)
        .join(Run, Run.id == StepRun.run_id)
        .where(StepRun.waiting_on == WAITING + system, text("step_runs.state = 'retry_wait'"))
        .order_by(Run.created_at, StepRun.id)
        .limit(1)
    )


def _let_go(row: Breaker, step: StepRun, now: float) -> None:
    """Release one parked step: it becomes ready, the one step the breaker lets through."""
    m.check_transition(step.state, m.READY)
    step.state, step.waiting_on, step.next_attempt_at = m.READY, None, None
    step.updated_at = now
    row.admit_step_id, row.admit_at = step.id, now


def tick(s: Session, now: float | None = None) -> list[tuple[str, str]]:
    """Move every breaker that is due: probe an open one, let the next waiting step of a
    resuming one go, close one nobody waits for. Returns the (run id, step) made ready."""
    now = time.time() if now is None else now
    readied: list[tuple[str, str]] = []
    for row in s.scalars(select(Breaker).where(Breaker.state != CLOSED)):
        cfg = settings_for(s, row.system, row)
        before = row.state
        admitted = s.get(StepRun, row.admit_step_id) if row.admit_step_id else None
        if row.state == OPEN and (row.next_probe_at or 0) <= now:
            step = _oldest_waiting(s, row.system)
            if step is None:
                # Nothing waits: the next order that needs it is the probe.
                row.state, row.failures, row.updated_at = CLOSED, [], now
                close_alert(s, ALERT + row.system, "no order waits for it any more")
                _audit(s, row, "system_unwatched", before)
                continue
            row.state, row.updated_at = PROBING, now
            _let_go(row, step, now)
            readied.append((step.run_id, step.name))
            _audit(s, row, "system_probe", before, run_id=step.run_id, step=step.name)
        elif row.state == PROBING:
            state = admitted.state if admitted is not None else m.CANCELLED
            if state in (m.SUCCEEDED, m.NEEDS_ATTENTION):
                record_answer(s, row.system, now)  # answered; its recording came first
            elif (
                state in (m.CANCELLED, m.SKIPPED)
                or (
                    admitted is not None  # (None is a cancelled step, decided above)
                    and state != m.RUNNING
                    and state != m.READY
                    and admitted.waiting_on is None
                )
                or (row.admit_at or 0) + PROBE_TIMEOUT < now
            ):
                row.next_probe_at, row.admit_step_id, row.state = now, None, OPEN
        elif row.state == RESUMING:
            if (
                admitted is not None
                and admitted.state in (m.READY, m.RUNNING)
                and (row.admit_at or 0) + PROBE_TIMEOUT > now
            ):
                continue  # one at a time, oldest order first
            if (row.next_release_at or 0) > now:
                continue
            step = _oldest_waiting(s, row.system)
            if step is None:
                row.state, row.updated_at = CLOSED, now
                row.admit_step_id = row.admit_at = row.next_release_at = None
                _audit(s, row, "system_caught_up", before)
                continue
            _let_go(row, step, now)
            row.next_release_at = now + 1.0 / cfg.resume_per_second
            readied.append((step.run_id, step.name))
    return readied


def next_due(s: Session) -> float | None:
    """When a breaker next has something to do (for the runtime's timer)."""
    times = [
        t
        for r in s.scalars(select(Breaker).where(Breaker.state != CLOSED))
        for t in ((r.next_probe_at if r.state == OPEN else r.next_release_at),)
        if t
    ]
    return min(times) if times else None


def unwell(s: Session) -> dict[str, Breaker]:
    """Breakers that are not plainly closed: open, probing, resuming, or closed with recent
    failures (the runtime sends such a system one attempt at a time)."""
    return {r.system: r for r in s.scalars(select(Breaker)) if r.state != CLOSED or r.failures}


# -- operator actions (through ``OperatorActions``, audited) ----------------------------------
def _down(s: Session, system: str) -> Breaker:
    row = s.get(Breaker, system)
    if row is None or row.state == CLOSED:
        raise LookupError(f"{label(system)} is not down (any more); nothing waits for it.")
    return row


def try_now(s: Session, system: str, who: str) -> None:
    """Probe now instead of at the next planned time."""
    row = _down(s, system)
    if row.state == OPEN:
        row.next_probe_at = time.time()
    _audit(s, row, "system_try_now", row.state, who)


def keep_waiting(s: Session, system: str, who: str) -> None:
    """The operator has seen it and lets Daloy carry on probing (recorded on the entry)."""
    row = _down(s, system)
    _audit(s, row, "system_keep_waiting", row.state, who)


def retry_all(s: Session, system: str, who: str) -> None:
    """The operator says it is back: waiting steps go again (oldest first, at the bounded
    rate), the entry closes. Already back (a probe answered first): nothing left to do, and
    that is what the operator asked for, so it is not refused."""
    row = s.get(Breaker, system)
    if row is None:
        return
    before = row.state
    if before != CLOSED:
        record_answer(s, system)
    _audit(s, row, "system_retry_all", before, who)


def waiting_runs(s: Session, system: str) -> list[str]:
    """Runs with a step parked on ``system``, oldest first (``cancel all``)."""
    return list(
        s.scalars(
            select(StepRun.run_id)
            .join(Run, Run.id == StepRun.run_id)
            .where(StepRun.waiting_on == WAITING + system)
            .order_by(Run.created_at, StepRun.id)
        )
    )
