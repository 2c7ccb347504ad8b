"""``sub_workflow``: run another workflow with an input and wait for its result; and the child
runs it shares with ``for_each`` (``run_children``).

Child run ids are derived from the parent run, step and item index, so a step retried after a
crash finds the children it already started instead of starting them twice. The parent step
sleeps; the store wakes it when a child run finishes.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.core import machine as m
from app.core.errors import ConfigurationError, PermanentError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.results import Sleep, StepResult
from app.core.retry import RetryPolicy
from app.core.schema import JSON, WORKFLOW, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType
from app.store.models import Run, StepRun

if TYPE_CHECKING:
    from app.store.runs import RunStore

SPEC = StepSpec(
    name="sub_workflow",
    title=QT_TRANSLATE_NOOP("Steps", "Run another workflow"),
    category=QT_TRANSLATE_NOOP("Steps", "Logic"),
    summary=QT_TRANSLATE_NOOP("Steps", "Start another workflow and wait for its result."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Starts a run of another workflow with the given input (its trigger) and waits until it "
            "finishes; its steps' outputs become this step's output.results[0]. If the other run "
            "needs a person, this order waits too, and both show in the inbox.",
        )
    ),
    fields=(
        Field("workflow", WORKFLOW, QT_TRANSLATE_NOOP("Steps", "Workflow"), required=True),
        Field("input", JSON, QT_TRANSLATE_NOOP("Steps", "Input"), required=True),
    ),
    retry=RetryPolicy(max_attempts=3, timeout=30),
    sample_output=lambda c: {"result": {}, "run": "practice-sample"},
    output_words={
        "result": QT_TRANSLATE_NOOP("Steps", "What the other workflow produced"),
        "run": QT_TRANSLATE_NOOP("Steps", "The other workflow's order"),
    },
    icon="fa5s.project-diagram",
)


def run(ctx: StepContext) -> StepResult | Sleep:
    result = run_children(ctx, ctx.input["workflow"], [ctx.input["input"]], 1)
    if isinstance(result, StepResult):
        result.output = {"result": result.output["results"][0], "run": result.output["runs"][0]}
    return result


STEP = StepType(SPEC, run)


_NS = uuid.UUID("6f1d3c1e-2b8e-4f57-9a57-1d2f4a9c0b11")


def child_id(ctx: StepContext, index: int) -> str:
    return uuid.uuid5(_NS, f"{ctx.run_id}/{ctx.step_name}/{index}").hex


def _runs(ctx: StepContext) -> tuple[RunStore, Callable[[], None]]:
    """The run store that starts the children, and the workers' wake-up."""
    runs, wake = ctx.services.runs, ctx.services.wake
    if runs is None or wake is None:
        raise ConfigurationError(
            said(QT_TRANSLATE_NOOP("Steps", "This step needs the Daloy runtime."))
        )
    return runs, wake


def run_children(
    ctx: StepContext, workflow: str, inputs: list[Any], parallel: int
) -> StepResult | Sleep:
    store, wake = _runs(ctx)
    started = set((ctx.scratch or {}).get("started", [])) if ctx.resumed else set()
    with store.db.write() as s:
        row, version, wf = store.current_workflow(s, workflow)
        children = {i: s.get(Run, child_id(ctx, i)) for i in range(len(inputs))}
        active = sum(1 for r in children.values() if r is not None and r.status not in m.RUN_FINAL)
        for i, item in enumerate(inputs):
            if children[i] is None and active < parallel:
                children[i] = store.start_run_in(
                    s,
                    row,
                    version,
                    wf,
                    item,
                    parent=(ctx.run_id, ctx.step_name),
                    practice=ctx.practice,
                    run_id=child_id(ctx, i),
                )
                active += 1
                started.add(i)
        finished = [r for r in children.values() if r is not None and r.status in m.RUN_FINAL]
        if len(finished) == len(children):  # every child has finished (in input order)
            results = []
            for i, r in enumerate(finished):
                if r.status == m.RUN_CANCELLED:
                    raise PermanentError(
                        said(
                            QT_TRANSLATE_NOOP(
                                "Steps", "Item {item}: the {workflow} run was cancelled."
                            ),
                            item=i + 1,
                            workflow=workflow,
                        )
                    )
                steps = s.query(StepRun).filter(StepRun.run_id == r.id).all()
                results.append({st.name: st.output for st in steps if st.state == m.SUCCEEDED})
            return StepResult(output={"results": results, "runs": [r.id for r in finished]})
    done = sum(1 for r in children.values() if r is not None and r.status in m.RUN_FINAL)
    wake()
    # Woken when a child finishes (also one that finishes before this sleep is recorded, see
    # RunStore.wake); the 30 s re-check is only a safety net.
    return Sleep(
        time.time() + 30,
        {"started": sorted(started)},
        reason=said(
            QT_TRANSLATE_NOOP("Steps", "Waiting for {left} of {count} “{workflow}” runs"),
            left=len(inputs) - done,
            count=len(inputs),
            workflow=workflow,
        ),
    )
