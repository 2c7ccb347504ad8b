"""``transform``: build new data from the order and earlier steps."""

from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.results import StepResult
from app.core.retry import RetryPolicy
from app.core.schema import JSON, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType

SPEC = StepSpec(
    name="transform",
    title=QT_TRANSLATE_NOOP("Steps", "Set fields"),
    category=QT_TRANSLATE_NOOP("Steps", "Data"),
    summary=QT_TRANSLATE_NOOP("Steps", "Build new data from the order and earlier steps."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Sets named fields from templates, such as a total from the order lines or a "
            "customer's full name, so later steps can use them as steps.<this step>.output. "
            "A value that is exactly one {{ expression }} keeps its type (a number stays a number).",
        )
    ),
    fields=(
        Field(
            "values",
            JSON,
            QT_TRANSLATE_NOOP("Steps", "Fields"),
            required=True,
            help=QT_TRANSLATE_NOOP(
                "Steps", "An object of field names and values; text values may use templates."
            ),
            placeholder='{"total": "{{ trigger.order.total }}"}',
        ),
    ),
    retry=RetryPolicy(max_attempts=3, initial_delay=0.5, timeout=10),  # only a crash can retry it
    sample_output=lambda c: dict(c.get("values") or {}),
    icon="fa5s.pen",
    inline=True,
    pure=True,
)


def run(ctx: StepContext) -> StepResult:
    return StepResult(output=ctx.input["values"])


STEP = StepType(SPEC, run)
