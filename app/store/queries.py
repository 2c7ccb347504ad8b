"""Read side: runs, their steps and attempts, and inbox entries as plain dicts (JSON-able), for
the CLI's ``--json`` output and the GUI's views."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, defer

from app.store.models import Attempt, InboxItem, Run, StepRun, WorkflowVersion


def run_dict(r: Run) -> dict[str, Any]:
    return {"id": r.id, "workflow": r.workflow_name, "status": r.status,
            "business_key": r.business_key, "created_at": r.created_at,
            "updated_at": r.updated_at, "finished_at": r.finished_at,
            "practice": r.practice, "parent_run_id": r.parent_run_id}


def step_dict(st: StepRun) -> dict[str, Any]:
    return {"name": st.name, "type": st.type, "state": st.state, "attempts": st.attempts,
            "max_attempts": st.max_attempts, "port": st.port, "input": st.input,
            "output": st.output, "error": st.error, "next_attempt_at": st.next_attempt_at,
            "started_at": st.started_at, "finished_at": st.finished_at}


def inbox_dict(i: InboxItem) -> dict[str, Any]:
    return {"id": i.id, "kind": i.kind, "status": i.status, "title": i.title, "reason": i.reason,
            "run_id": i.run_id, "step": i.step_name, "workflow": i.workflow_name,
            "business_key": i.business_key, "created_at": i.created_at, "detail": i.detail,
            "resolved_at": i.resolved_at, "resolved_by": i.resolved_by,
            "resolution": i.resolution}


def list_runs(s: Session, *, status: str | None = None, workflow: str | None = None,
              business_key: str | None = None, limit: int = 100,
              since: float | None = None, until: float | None = None,
              after: tuple[float, str] | None = None) -> list[Run]:
    """Runs, newest first. ``business_key`` matches anywhere in the key (``%`` for a pattern of
    your own). Keyset paging: ``after`` is the (created_at, id) of the last run of the previous
    page, so a deep page costs the same as the first (the orders table scrolls 1M runs).
    The trigger (the whole order) is not loaded: lists do not show it."""
    q = select(Run).options(defer(Run.trigger))
    if status:
        q = q.where(Run.status == status)
    if workflow:
        q = q.where(Run.workflow_name == workflow)
    if business_key:
        q = q.where(Run.business_key.like(f"%{business_key}%") if "%" not in business_key
                    else Run.business_key.like(business_key))
    if since is not None:
        q = q.where(Run.created_at >= since)
    if until is not None:
        q = q.where(Run.created_at < until)
    if after is not None:
        q = q.where(or_(Run.created_at < after[0],
                        and_(Run.created_at == after[0], Run.id < after[1])))
    q = q.order_by(Run.created_at.desc(), Run.id.desc()).limit(limit)
    return list(s.scalars(q))


def run_detail(s: Session, run_id: str) -> dict[str, Any] | None:
    run = s.get(Run, run_id)
    if run is None:
        return None
    steps = list(s.scalars(select(StepRun).where(StepRun.run_id == run_id)
                           .order_by(StepRun.position)))
    attempts = list(s.scalars(select(Attempt).where(Attempt.run_id == run_id)
                              .order_by(Attempt.id)))
    items = list(s.scalars(select(InboxItem).where(InboxItem.run_id == run_id)
                           .order_by(InboxItem.id)))
    d = run_dict(run)
    d["trigger"] = run.trigger
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
        sd["attempt_log"] = [{"number": a.number, "started_at": a.started_at,
                              "finished_at": a.finished_at, "outcome": a.outcome,
                              "error": a.error} for a in attempts if a.step_name == st.name]
        d["steps"].append(sd)
    d["inbox"] = [inbox_dict(i) for i in items]
    return d


def open_inbox(s: Session) -> list[dict[str, Any]]:
    return [inbox_dict(i) for i in s.scalars(select(InboxItem).where(InboxItem.status == "open")
                                              .order_by(InboxItem.created_at))]
