"""``ask_person``: ask the operator to decide (substitute / backorder / cancel?).

The order waits in the exceptions inbox as a card with the question, the context, one button per
option and any fields to fill in; each option is its own output port. A deadline raises a
reminder, and later an escalation, in the inbox.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from app.core.results import Decision
from app.core.retry import RetryPolicy
from app.core.schema import JSON, NUMBER, OPTIONS, TEMPLATE, Field
from app.core.stepspec import StepSpec
from app.steps.base import StepContext, StepType


def option_ports(config: Mapping[str, Any]) -> tuple[str, ...]:
    opts = config.get("options") or []
    return tuple(o["name"] for o in opts if isinstance(o, Mapping) and o.get("name"))


SPEC = StepSpec(
    name="ask_person",
    title="Ask a person",
    category="People",
    summary="Let the operator decide, e.g. substitute or backorder.",
    help=("Stops this order and asks the operator a question in the exceptions inbox, with the "
          "context they need (for example the short lines) and one button per option. Each "
          "option is its own output, so the order continues down the branch that was chosen. "
          "Optional fields let the person add details (a substitute SKU). After the deadline a "
          "reminder appears, and after twice the deadline an escalation."),
    fields=(
        Field("question", TEMPLATE, "Question", required=True),
        Field("context", JSON, "Context", help="Data shown with the question (templates allowed)."),
        Field("options", OPTIONS, "Options", required=True,
              help="Each option: {\"name\": \"backorder\", \"label\": \"Backorder\"}."),
        Field("fields", JSON, "Fields to fill in",
              help="A list of {\"name\": ..., \"label\": ...} the person may fill in."),
        Field("deadline_minutes", NUMBER, "Deadline (minutes)", minimum=1),
    ),
    dynamic_ports=option_ports,
    retry=RetryPolicy(max_attempts=3, timeout=10),
    icon="fa5s.user-check",
    inline=True,
)


def run(ctx: StepContext) -> Decision:
    inp = ctx.input
    options = [{"name": o["name"], "label": o.get("label") or o["name"].replace("_", " ").title()}
               for o in inp["options"]]
    minutes = inp.get("deadline_minutes")
    return Decision(question=inp["question"], options=options, context=inp.get("context"),
                    fields=list(inp.get("fields") or []),
                    deadline=time.time() + float(minutes) * 60 if minutes else None)


STEP = StepType(SPEC, run)
