"""``condition``: route the order down the ``true`` or ``false`` branch."""

import re
from typing import Any

from app.core.errors import PermanentError
from app.core.i18n import QT_TRANSLATE_NOOP, said, translate
from app.core.results import StepResult
from app.core.retry import RetryPolicy
from app.core.schema import TEMPLATE, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType

SPEC = StepSpec(
    name="condition",
    title=QT_TRANSLATE_NOOP("Steps", "If / else"),
    category=QT_TRANSLATE_NOOP("Steps", "Logic"),
    summary=QT_TRANSLATE_NOOP("Steps", "Go one way or the other depending on the data."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Checks something about the order and goes on along the “true” connection when it "
            "holds, otherwise along “false”. Write the whole check inside double braces: "
            "{{ trigger.order.total > 5000 }} holds for orders over 5,000. An answer of “true”, "
            "“yes” or “1” counts as true; “false”, “no”, “0” or nothing counts as false.",
        )
    ),
    fields=(
        Field(
            "expression",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Condition"),
            required=True,
            placeholder="{{ trigger.order.total > 1000 }}",
        ),
    ),
    ports=("true", "false"),
    check=lambda config: outside_braces(config.get("expression")),
    retry=RetryPolicy(max_attempts=3, initial_delay=0.5, timeout=10),  # only a crash can retry it
    sample_output=lambda c: {"result": True},
    output_words={"result": QT_TRANSLATE_NOOP("Steps", "The answer (yes or no)")},
    icon="fa5s.code-branch",
    inline=True,
    pure=True,
)

_TAG = re.compile(r"\{\{(.*?)\}\}", re.S)


def whole_inside(expression: str) -> str:
    """``expression`` written as one ``{{ … }}``: ``{{ trigger.order.total }} > 5000`` becomes
    ``{{ trigger.order.total > 5000 }}``."""
    inner = " ".join(_TAG.sub(lambda m: f" {m.group(1).strip()} ", expression).split())
    return "{{ " + inner + " }}"


def outside_braces(expression: object) -> list[tuple[str, str]]:
    """A comparison written outside the braces (``{{ trigger.order.total }} > 5000``) gives the
    text “3270 > 5000”, never true or false: every order would stop at this step. (A condition
    with ``{% … %}`` tags writes its own words, and is left to the order.)"""
    if not isinstance(expression, str) or "{%" in expression or "{{" not in expression:
        return []
    if not _TAG.sub("", expression).strip():
        return []
    return [
        (
            "expression",
            translate(
                "Steps",
                "“{outside}” is outside the braces, so the condition gives text, not true or "
                "false, and every order would stop here. Put the whole comparison inside the "
                "braces: {fixed}",
            ).format(
                outside=" ".join(_TAG.sub(" ", expression).split()),
                fixed=whole_inside(expression),
            ),
        )
    ]


_TRUE = {"true", "yes", "1", "y", "on"}
_FALSE = {"false", "no", "0", "n", "off", "", "none", "null"}


def truthy(value: Any) -> bool:
    if isinstance(value, str):
        v = value.strip().lower()
        if v in _TRUE:
            return True
        if v in _FALSE:
            return False
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The condition gave “{value}”, which is neither true nor false. Correct it "
                    "in the workflow so it gives true or false (a comparison goes whole inside "
                    "the braces, as in {{{{ steps.plan.output.total > 5000 }}}}), then retry.",
                ),
                value=value,
            )
        )
    return bool(value)


def run(ctx: StepContext) -> StepResult:
    result = truthy(ctx.input["expression"])
    return StepResult(output={"result": result}, port="true" if result else "false")


STEP = StepType(SPEC, run)
