"""Starting runs: a run's row and one row per step, its version pinned, in one transaction (of
its own, or the caller's: intake commits its item with the run it starts)."""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

from sqlalchemy.orm import Session

from app.core import machine as m
from app.core import templates
from app.core.errors import DaloyError
from app.core.kinds import EventKind
from app.core.model import Workflow
from app.core.retry import RetryPolicy
from app.core.stepspec import StepSpec
from app.store import audit, workflows
from app.store import statements as st
from app.store.events import Event
from app.store.models import Run, WorkflowRow, WorkflowVersion
from app.store.run_base import ActionRefused, StoreBase, session_cursor

log = logging.getLogger("app.store.runs")


class Starting(StoreBase):
    def start_run_in(
        self,
        s: Session,
        row: WorkflowRow,
        version: WorkflowVersion,
        wf: Workflow,
        trigger: Any,
        *,
        intake_item_id: int | None = None,
        parent: tuple[str, str] | None = None,
        practice: bool = False,
        run_id: str | None = None,
    ) -> Run:
        """Create a run inside the caller's ORM transaction (intake commits its item with it)."""
        row_id, version_id = row.id, version.id
        with session_cursor(s) as cur:
            run_id = self._insert_run(
                cur,
                row_id,
                version_id,
                wf,
                trigger,
                intake_item_id=intake_item_id,
                parent=parent,
                practice=practice,
                run_id=run_id,
            )
        run = s.get(Run, run_id)
        assert run is not None  # inserted just now, in this transaction
        return run

    def start_run(
        self, workflow_name: str, trigger: Any, *, practice: bool = False, who: str | None = None
    ) -> str:
        """Start a run of the workflow's current version (an operator's or a test's)."""
        who = who or audit.current_user()
        d = self.dialect
        with self.db.write_raw() as cur:
            found = st.WORKFLOW_BY_NAME.one(cur, d, name=workflow_name)
            if found is None:
                raise workflows.no_workflow(workflow_name)
            if found["archived"]:
                raise ActionRefused(f"The workflow “{workflow_name}” is archived.")
            version_id = found["current_version_id"]
            version = st.VERSION_NUMBER.one(cur, d, version_id=version_id)
            if version is None:
                raise workflows.no_version(workflow_name)
            wf = self._versions.get(version_id)
            if wf is None:
                definition = st.VERSION_DEFINITION.one(cur, d, version_id=version_id)
                assert definition is not None
                wf = self._versions.setdefault(
                    version_id, Workflow.from_json(definition["definition"])
                )
            run_id = self._insert_run(cur, found["id"], version_id, wf, trigger, practice=practice)
            st.INSERT_AUDIT.execute(
                cur,
                d,
                at=time.time(),
                who=who,
                action="run_started",
                run_id=run_id,
                after={"workflow": workflow_name, "version": version["number"]},
            )
        self.emit([Event(EventKind.RUN_STARTED, run_id)])
        return run_id

    def _insert_run(
        self,
        cur: Any,
        workflow_id: int,
        version_id: int,
        wf: Workflow,
        trigger: Any,
        *,
        intake_item_id: int | None = None,
        parent: tuple[str, str] | None = None,
        practice: bool = False,
        run_id: str | None = None,
    ) -> str:
        """The run's row and one row per step, in the caller's transaction."""
        now = time.time()
        key = ""
        if wf.business_key:
            try:
                key = str(templates.render_text(wf.business_key, {"trigger": trigger}))[:300]
            except DaloyError as exc:
                log.warning("business key of a %s run could not be rendered: %s", wf.name, exc)
        run_id = run_id or uuid.uuid4().hex
        done = not wf.steps
        st.INSERT_RUN.execute(
            cur,
            self.dialect,
            id=run_id,
            workflow_id=workflow_id,
            version_id=version_id,
            workflow_name=wf.name,
            status=m.RUN_SUCCEEDED if done else m.RUN_RUNNING,
            business_key=key,
            trigger=trigger,
            cancelled=False,
            practice=practice,
            parent_run_id=parent[0] if parent else None,
            parent_step=parent[1] if parent else None,
            intake_item_id=intake_item_id,
            created_at=now,
            updated_at=now,
            finished_at=now if done else None,
        )
        st.INSERT_STEPS.execute_many(
            cur,
            self.dialect,
            [{**step, "run_id": run_id, "updated_at": now} for step in self._plan(version_id, wf)],
        )
        return run_id

    def _plan(self, version_id: int, wf: Workflow) -> list[dict[str, Any]]:
        """The step rows every run of a version starts with (``statements.STEP_COLUMNS`` but the
        run and the time), policies pinned from the specs."""
        plan = self._plans.get(version_id)
        if plan is None:
            states = m.initial(wf)
            plan = []
            for i, step in enumerate(wf.steps):
                spec = self.registry.get(step.type)
                policy = spec.retry.merged(step.retry) if spec else None
                plan.append(
                    {
                        "name": step.name,
                        "type": step.type,
                        "position": i,
                        "state": states[step.name],
                        "attempts": 0,
                        "max_attempts": policy.max_attempts if policy else 1,
                        "reconcilable": bool(spec and spec.outcome_may_be_unknown),
                        "time_limit": _time_limit(spec, policy, step.config),
                        "needs_reconcile": False,
                        "sleeping": False,
                    }
                )
            self._plans[version_id] = plan
        return plan

    def current_workflow(
        self, s: Session, name: str
    ) -> tuple[WorkflowRow, WorkflowVersion, Workflow]:
        """The workflow's row, its current version and that version parsed (parsed once)."""
        row = workflows.get_row(s, name)
        version = workflows.current_version(s, row)
        wf = self._versions.get(version.id)
        if wf is None:
            wf = self._versions.setdefault(version.id, Workflow.from_json(version.definition))
        return row, version, wf


def _time_limit(
    spec: StepSpec | None, policy: RetryPolicy | None, config: dict[str, Any]
) -> float | None:
    """Seconds one attempt of a step may take: its policy's limit, shortened by the step's own
    ``timeout`` setting where its type has one (how long ``http_request`` waits for an answer)."""
    if spec is None or policy is None:
        return None
    limit = policy.timeout
    own = spec.field("timeout")
    value = config.get("timeout", own.default) if own is not None else None
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        limit = min(limit, float(value))
    return limit
