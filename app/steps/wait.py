"""``wait``: pause the order for a while or until a time; durable across restarts."""

from __future__ import annotations

import time
from datetime import datetime

from app.core.errors import PermanentError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.results import Sleep, StepResult
from app.core.retry import RetryPolicy
from app.core.schema import NUMBER, TEMPLATE, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType

SPEC = StepSpec(
    name="wait",
    title=QT_TRANSLATE_NOOP("Steps", "Wait"),
    category=QT_TRANSLATE_NOOP("Steps", "Logic"),
    summary=QT_TRANSLATE_NOOP("Steps", "Pause for a while or until a given time."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Pauses this order for a number of seconds, or until a date and time computed from a "
            "template (ISO format, e.g. {{ trigger.order.ship_date }}T08:00). The wait is stored, "
            "so it survives restarts and the PC sleeping; other orders go on meanwhile.",
        )
    ),
    fields=(
        Field("seconds", NUMBER, QT_TRANSLATE_NOOP("Steps", "Seconds"), minimum=0),
        Field(
            "until",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Until (date and time)"),
            placeholder="2026-12-01T08:00",
        ),
    ),
    retry=RetryPolicy(max_attempts=3, timeout=10),
    sample_output=lambda c: {"waited_until": "2026-01-05T09:00:00"},
    output_words={"waited_until": QT_TRANSLATE_NOOP("Steps", "Waited until")},
    icon="fa5s.hourglass-half",
    inline=True,
)


def _deadline(ctx: StepContext) -> float:
    until = ctx.input.get("until")
    if until:
        try:
            return datetime.fromisoformat(str(until)).timestamp()
        except ValueError as exc:
            raise PermanentError(
                said(
                    QT_TRANSLATE_NOOP("Steps", "“{until}” is not a date and time (use {example})."),
                    until=until,
                    example="2026-12-01T08:00",
                )
            ) from exc
    seconds = ctx.input.get("seconds")
    if seconds is None:
        raise PermanentError(
            said(QT_TRANSLATE_NOOP("Steps", "Say how long to wait (seconds) or until when."))
        )
    return time.time() + float(seconds)


def run(ctx: StepContext) -> StepResult | Sleep:
    if ctx.resumed and isinstance(ctx.scratch, dict) and "until" in ctx.scratch:
        until = ctx.scratch["until"]
    else:
        until = _deadline(ctx)
    if time.time() >= until:
        return StepResult(output={"waited_until": datetime.fromtimestamp(until).isoformat()})
    return Sleep(
        until,
        {"until": until},
        reason=said(
            QT_TRANSLATE_NOOP("Steps", "Waiting until {time}"),
            time=f"{datetime.fromtimestamp(until):%Y-%m-%d %H:%M}",
        ),
    )


STEP = StepType(SPEC, run)
