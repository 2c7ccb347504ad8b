"""Holds across orders: an operator's rule ("every order with COFFEE-3IN1, before Charge, until
restocked") that stops matching orders before the step named (or at their next step) until it
is released. Held steps are parked (``retry_wait``, ``waiting_on = "hold:<id>"``, no attempt
spent) and show why and since when; releasing readies them, oldest order first. Orders that
arrive while a hold is on are held as they reach the step.

The runtime asks ``HoldBook.matching`` before each step: with no hold on, that is one attribute
test (the book is refreshed when a hold changes here, and at each poll for other processes).
Adding and releasing are audited. No Qt.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import machine as m
from app.core.i18n import translate
from app.store import audit
from app.store.db import Database
from app.store.explain import _clock
from app.store.held import WAITING
from app.store.models import Hold, IntakeItem, Run, StepRun

PREFIX = "hold:"  # ``step_runs.waiting_on`` of a held step


class HoldRefused(ValueError):
    """A hold that cannot be made or released, said as a sentence for the operator."""


@dataclass(frozen=True)
class HoldRule:
    id: int
    sku: str | None
    customer: str | None
    workflow: str | None
    before_step: str | None
    note: str
    created_at: float
    created_by: str
    released_at: float | None = None
    released_by: str | None = None
    # None: an operator's rule; "put-back": the orders a restored backup found in progress
    # (``app.store.restored``), which says what it knows in ``detail`` and matches no new order.
    kind: str | None = None
    detail: Any = field(default=None, compare=False)

    @classmethod
    def of(cls, h: Hold) -> HoldRule:
        return cls(
            h.id,
            h.sku,
            h.customer,
            h.workflow,
            h.before_step,
            h.note or "",
            h.created_at,
            h.created_by,
            h.released_at,
            h.released_by,
            h.kind,
            h.detail,
        )

    def describe(self) -> str:
        """“every order with COFFEE-3IN1 from Aling Nena before “charge” — until restocked”."""
        if self.kind is not None:
            return self._put_back_words()
        what = "every order" + (f" of “{self.workflow}”" if self.workflow else "")
        what += f" with {self.sku}" if self.sku else ""
        what += f" from {self.customer}" if self.customer else ""
        what += f" before “{self.before_step}”" if self.before_step else ""
        return what + (f" — {self.note}" if self.note else "")

    def _put_back_words(self) -> str:
        detail = self.detail if isinstance(self.detail, dict) else {}
        when = str(detail.get("backup_at") or "?")
        if detail.get("how") == "copy":
            return translate(
                "Holds",
                "every order that was in progress in the backup of {when}, restored as this "
                "workspace — check each one, then release",
            ).format(when=when)
        return translate(
            "Holds",
            "every order that was in progress when the backup of {when} was put back — check "
            "each one, then release",
        ).format(when=when)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def add(
    s: Session,
    *,
    sku: str | None = None,
    customer: str | None = None,
    workflow: str | None = None,
    before_step: str | None = None,
    note: str = "",
    who: str | None = None,
) -> HoldRule:
    """Put a hold on; at least one of SKU, customer or workflow says which orders."""
    sku, customer, workflow = _clean(sku), _clean(customer), _clean(workflow)
    if not (sku or customer or workflow):
        raise HoldRefused(
            "Say which orders to hold: a product (SKU), a customer or a workflow "
            "(with, if you like, the step to stop before)."
        )
    h = Hold(
        sku=sku,
        customer=customer,
        workflow=workflow,
        before_step=_clean(before_step),
        note=(note or "").strip(),
        created_at=time.time(),
        created_by=who or audit.current_user(),
    )
    s.add(h)
    s.flush()
    rule = HoldRule.of(h)
    audit.record(s, h.created_by, "hold_added", after={"hold": h.id, "rule": rule.describe()})
    return rule


def release(s: Session, hold_id: int, who: str | None = None) -> list[tuple[str, str]]:
    """Release a hold: the steps it held become ready, oldest order first. Returns them."""
    h = s.get(Hold, hold_id)
    if h is None:
        raise HoldRefused(f"There is no hold {hold_id}; `daloy hold list` shows them.")
    if h.released_at is not None:
        raise HoldRefused(
            f"Hold {hold_id} was already released by {h.released_by} at {_clock(h.released_at)}."
        )
    now = time.time()
    h.released_at, h.released_by = now, who or audit.current_user()
    readied = []
    off = _switched_off(s, hold_id)
    for step in held_steps(s, hold_id):
        m.check_transition(step.state, m.READY)
        step.state, step.waiting_on, step.next_attempt_at = m.READY, None, None
        step.error, step.updated_at = None, now
        if step.run_id in off:  # its workflow is switched off: it waits for it again
            step.state = m.PENDING
            continue
        readied.append((step.run_id, step.name))
    audit.record(
        s,
        h.released_by,
        "hold_released",
        after={"hold": hold_id, "rule": HoldRule.of(h).describe(), "orders": len(readied)},
    )
    return readied


def _switched_off(s: Session, hold_id: int) -> set[str]:
    """Orders of this hold that wait for a switched-off workflow (held by a put-back before
    they started): released, they wait for it, and switching it on starts them."""
    return set(
        s.scalars(
            select(StepRun.run_id)
            .join(IntakeItem, IntakeItem.run_id == StepRun.run_id)
            .where(StepRun.waiting_on == f"{PREFIX}{hold_id}", IntakeItem.status == WAITING)
        )
    )


def held_steps(s: Session, hold_id: int) -> list[StepRun]:
    """Steps parked by this hold, oldest order first."""
    return list(
        s.scalars(
            select(StepRun)
            .join(Run, Run.id == StepRun.run_id)
            .where(StepRun.waiting_on == f"{PREFIX}{hold_id}", StepRun.state == m.RETRY_WAIT)
            .order_by(Run.created_at, StepRun.id)
        )
    )


def listed(s: Session, *, include_released: bool = False) -> list[tuple[HoldRule, int]]:
    """Holds (active ones, or all newest first) with how many orders each holds now."""
    q = select(Hold).order_by(Hold.id.desc())
    if not include_released:
        q = q.where(Hold.released_at.is_(None))
    return [(HoldRule.of(h), len(held_steps(s, h.id))) for h in s.scalars(q)]


def _strings(value: Any, keys: tuple[str, ...], found: bool = False) -> Iterator[str]:
    """Every string (or number) under a key containing one of ``keys``, anywhere in the
    trigger, stripped."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, keys, found or any(x in str(k).lower() for x in keys))
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, keys, found)
    elif found and isinstance(value, str | int) and not isinstance(value, bool):
        yield str(value).strip()


def order_skus(trigger: Any) -> list[str]:
    """The products (SKUs) of the order's lines, in order, once each."""
    return list(dict.fromkeys(x for x in _strings(trigger, ("sku",)) if x))


def _folded(trigger: Any, keys: tuple[str, ...]) -> set[str]:
    return {x.casefold() for x in _strings(trigger, keys)}


def matches(rule: HoldRule, *, workflow: str, step: str, trigger: Any) -> bool:
    """Does the hold stop this order before this step? SKUs are the ``sku`` of the order's
    lines; a customer is matched by name or email, letter case aside. A hold of a kind holds
    only the orders it was made with (the book never carries one)."""
    if rule.kind is not None:
        return False
    if rule.workflow and rule.workflow != workflow:
        return False
    if rule.before_step and rule.before_step != step:
        return False
    if rule.sku and rule.sku.strip().casefold() not in _folded(trigger, ("sku",)):
        return False
    return not rule.customer or rule.customer.strip().casefold() in _folded(
        trigger, ("customer", "email", "name")
    )


class HoldBook:
    """The holds that are on, kept in memory for the hot path (``active`` is empty — falsy —
    when none is on, so a runner without holds pays one attribute test per step). A hold of a
    kind (a put-back's) is never in it: it parked its orders when it was made."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.active: tuple[HoldRule, ...] = ()
        self._lock = threading.Lock()

    def refresh(self) -> None:
        with self.db.read() as s:
            rules = tuple(
                HoldRule.of(h)
                for h in s.scalars(
                    select(Hold)
                    .where(Hold.released_at.is_(None), Hold.kind.is_(None))
                    .order_by(Hold.id)
                )
            )
        with self._lock:
            self.active = rules

    def matching(self, *, workflow: str, step: str, trigger: Any) -> HoldRule | None:
        for rule in self.active:
            if matches(rule, workflow=workflow, step=step, trigger=trigger):
                return rule
        return None


def held_sentence(rule: HoldRule, now: float | None = None) -> str:
    """What a held order shows: “Held since 10:02: every order with COFFEE-3IN1 before …”."""
    return f"Held since {_clock(now or time.time())}: {rule.describe()}"
