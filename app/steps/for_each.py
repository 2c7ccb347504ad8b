"""``for_each``: run a workflow once per item of a list (order lines) and collect the results."""

from __future__ import annotations

from app.core.errors import PermanentError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.results import Sleep, StepResult
from app.core.retry import RetryPolicy
from app.core.schema import INTEGER, TEMPLATE, WORKFLOW, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType
from app.steps.sub_workflow import run_children

SPEC = StepSpec(
    name="for_each",
    title=QT_TRANSLATE_NOOP("Steps", "For each item"),
    category=QT_TRANSLATE_NOOP("Steps", "Logic"),
    summary=QT_TRANSLATE_NOOP("Steps", "Run a chain of steps once per order line."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Runs the chosen workflow once for every item of a list (for example each order line), "
            "at most “At the same time” items in parallel, and collects their results in "
            "output.results, in the order of the list. An item that fails holds only its own run "
            "(it shows in the inbox); the others go on, and this step waits until all are done.",
        )
    ),
    fields=(
        Field(
            "items",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Items"),
            required=True,
            placeholder="{{ trigger.order.lines }}",
        ),
        Field(
            "workflow", WORKFLOW, QT_TRANSLATE_NOOP("Steps", "Workflow for one item"), required=True
        ),
        Field(
            "parallel",
            INTEGER,
            QT_TRANSLATE_NOOP("Steps", "At the same time"),
            default=4,
            minimum=1,
            maximum=50,
        ),
    ),
    retry=RetryPolicy(max_attempts=3, timeout=30),
    sample_output=lambda c: {"results": [], "runs": []},
    output_words={
        "results": QT_TRANSLATE_NOOP("Steps", "What each item produced"),
        "runs": QT_TRANSLATE_NOOP("Steps", "The items' orders"),
    },
    icon="fa5s.list-ol",
)


def run(ctx: StepContext) -> StepResult | Sleep:
    items = ctx.input["items"]
    if not isinstance(items, list):
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP("Steps", "“Items” must be a list (for example {example})."),
                example="{{ trigger.order.lines }}",
            )
        )
    if not items:
        return StepResult(output={"results": [], "runs": []})
    return run_children(
        ctx,
        ctx.input["workflow"],
        [{"item": it, "index": i} for i, it in enumerate(items)],
        int(ctx.input.get("parallel") or 4),
    )


STEP = StepType(SPEC, run)
