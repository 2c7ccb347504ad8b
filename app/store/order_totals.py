"""The Orders list's Total from the workflow: its ``order_total`` template
(``app.core.order_total``) rendered when the step it waits for succeeds, the number written to
the run's ``run_facts.total`` in the transaction that records that success
(``Progress._record_success``, on every way a success is recorded: a worker's, a pure step's
in-line, one with effects). So the total and the step's success are committed together or not
at all: a crash before the commit loses both, the step runs again and writes it then; no order
ever shows a total its steps did not make.

Per step this costs one dict look-up (the version's plan, worked out on its first step) and a
set-membership test; only the step it waits for renders the template and writes one row.
A value that is not a number is ignored and logged once per workflow version: the trigger's
total (``run_facts`` as migration 0005 filled it) stands, and the step succeeds as it would.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy import bindparam, update
from sqlalchemy.engine import Dialect

from app.core import order_total
from app.core.model import Workflow
from app.store.search import run_facts
from app.store.statements import Statement

log = logging.getLogger("app.store.runs")

SET_TOTAL = Statement(
    lambda _d: (
        update(run_facts)
        .where(run_facts.c.run_id == bindparam("run_id"))
        .values(total=bindparam("total"))
    )
)


class Succeeded(Protocol):
    """What of a claim (``run_base.Claim``) the total is rendered from."""

    run_id: str
    version_id: int
    step_name: str
    trigger: Any
    business_key: str
    steps: dict[str, dict[str, Any]]


class OrderTotals:
    """One per run store: each workflow version's plan, worked out once."""

    def __init__(self) -> None:
        self._plans: dict[int, order_total.TotalPlan | None] = {}
        self._told: set[int] = set()  # versions whose total was once not a number (logged)

    def after_success(
        self,
        cur: Any,
        dialect: Dialect,
        claim: Succeeded,
        output: Any,
        port: str,
        workflow: Callable[[int], Workflow | None],
    ) -> None:
        """In the open transaction that records ``claim``'s success with ``output``: write the
        run's total when this is the step the workflow's ``order_total`` waits for.
        ``workflow``: the parsed version by id (the store's cache). Never raises for what the
        template makes: the step's success stands."""
        version = claim.version_id
        if version in self._plans:
            plan = self._plans[version]
        else:
            wf = workflow(version)
            if wf is None:  # not parsed yet (never so after ``_advance_on``): next time
                return
            plan = self._plans[version] = order_total.plan(wf)
        if plan is None or claim.step_name not in plan.after:
            return
        done = {**claim.steps, claim.step_name: {"output": output, "port": port}}
        if not plan.due(claim.step_name, done):
            return
        context = {
            "trigger": claim.trigger,
            "steps": done,
            "run": {"id": claim.run_id, "business_key": claim.business_key},
        }
        try:
            total, instead = order_total.render(plan, context)
        except Exception as exc:  # noqa: BLE001 - a total never fails the order's step
            total, instead = None, exc
        if total is None:
            self._not_a_number(claim, plan.source, instead)
            return
        SET_TOTAL.execute(cur, dialect, run_id=claim.run_id, total=total)

    def _not_a_number(self, claim: Succeeded, source: str, instead: Any) -> None:
        if claim.version_id in self._told:
            log.debug("run %s: order total %r made %r", claim.run_id, source, instead)
            return
        self._told.add(claim.version_id)
        log.warning(
            "run %s step %s: the order total %r made %s, not a number; the order keeps the "
            "trigger's total (said once per workflow version)",
            claim.run_id,
            claim.step_name,
            source,
            repr(instead)[:200],
        )
