"""``end_order``: the workflow says how the order ends — cancelled, or done — so an order that a
workflow cancels (the stock decision's “Cancel the order”) reads and counts as cancelled, not as
“Done”, although every step of it ran (its run's status is ``succeeded``).

The step acts nowhere outside Daloy; it records the run's ``outcome`` (``runs.outcome``) as a
local effect of its result, committed in the one transaction that records its success
(``Progress.succeed`` with effects → ``_succeed_with_effects``). It is therefore *not* declared
``pure``: a pure step writes nothing at all, not even Daloy's own tables, because the runner runs
it inside the commit of the step before it (``_run_pure_on``), where an effect has no place —
``run_pure`` hands a result with effects back to the worker, which would only run it twice.
It is ``inline`` (no I/O, nothing can hang): the worker calls it directly, and its success costs
one commit of its own, outcome and all.
"""

from __future__ import annotations

from app.core.errors import PermanentError
from app.core.i18n import QT_TRANSLATE_NOOP, said
from app.core.order_states import ENDED_CANCELLED, ENDED_DONE, OUTCOMES
from app.core.results import StepResult
from app.core.retry import RetryPolicy
from app.core.schema import CHOICE, TEMPLATE, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType
from app.store.progress import ending

SPEC = StepSpec(
    name="end_order",
    title=QT_TRANSLATE_NOOP("Steps", "End the order"),
    category=QT_TRANSLATE_NOOP("Steps", "Logic"),
    summary=QT_TRANSLATE_NOOP("Steps", "Say how the order ends: cancelled, or done."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Put it last on a path to say how an order that takes that path ends. “cancelled”: "
            "the orders list, the order page and the export say “Cancelled”, the Status filter "
            "“Cancelled” finds it, and the dashboard does not count it as ran cleanly. “done”: "
            "it reads “Done”, as usual. The note is shown on the order page. Nothing can follow "
            "this step; it sends nothing to anyone (put an email step before it).",
        )
    ),
    fields=(
        Field(
            "outcome",
            CHOICE,
            QT_TRANSLATE_NOOP("Steps", "How the order ends"),
            choices=(
                QT_TRANSLATE_NOOP("Steps", "cancelled"),
                QT_TRANSLATE_NOOP("Steps", "done"),
            ),
            default=ENDED_CANCELLED,
            required=True,
        ),
        Field(
            "note",
            TEMPLATE,
            QT_TRANSLATE_NOOP("Steps", "Note"),
            help=QT_TRANSLATE_NOOP("Steps", "Optional: why it ends so, shown on the order page."),
            placeholder=QT_TRANSLATE_NOOP("Steps", "Cancelled at the stock question"),
        ),
    ),
    ports=(),  # nothing follows: validation says so in words when a connection leaves it
    retry=RetryPolicy(max_attempts=3, initial_delay=0.5, timeout=10),  # only a crash can retry it
    sample_output=lambda c: {"outcome": c.get("outcome") or ENDED_CANCELLED, "note": ""},
    output_words={
        "outcome": QT_TRANSLATE_NOOP("Steps", "How the order ended"),
        "note": QT_TRANSLATE_NOOP("Steps", "Note"),
    },
    icon="fa5s.flag-checkered",
    inline=True,
)


def run(ctx: StepContext) -> StepResult:
    outcome = ctx.input.get("outcome") or ENDED_CANCELLED
    if outcome not in OUTCOMES:
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "“{outcome}” is no way for an order to end; choose {cancelled} or {done}.",
                ),
                outcome=outcome,
                cancelled=ENDED_CANCELLED,
                done=ENDED_DONE,
            )
        )
    note = str(ctx.input.get("note") or "").strip()
    return StepResult(
        output={"outcome": outcome, "note": note},
        effects=[ending(ctx.run_id, outcome)],
    )


STEP = StepType(SPEC, run)
