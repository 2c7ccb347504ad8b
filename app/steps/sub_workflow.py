"""``sub_workflow``: run another workflow with an input and wait for its result."""

from __future__ import annotations

from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.results import Sleep, StepResult
from app.core.retry import RetryPolicy
from app.core.schema import JSON, WORKFLOW, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType
from app.steps.children import run_children

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
    icon="fa5s.project-diagram",
)


def run(ctx: StepContext) -> StepResult | Sleep:
    result = run_children(ctx, ctx.input["workflow"], [ctx.input["input"]], 1)
    if isinstance(result, StepResult):
        result.output = {"result": result.output["results"][0], "run": result.output["runs"][0]}
    return result


STEP = StepType(SPEC, run)
