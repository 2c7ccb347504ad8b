"""``ask_person``: ask the operator to decide (substitute / backorder / cancel?).

The order waits in the exceptions inbox as a card with the question, the context, one button per
option and any fields to fill in; each option is its own output port. A deadline raises a
reminder, and later an escalation, in the inbox.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from app.core.errors import PermanentError
from app.core.i18n import QT_TRANSLATE_NOOP, said
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
    title=QT_TRANSLATE_NOOP("Steps", "Ask a person"),
    category=QT_TRANSLATE_NOOP("Steps", "People"),
    summary=QT_TRANSLATE_NOOP("Steps", "Let the operator decide, e.g. substitute or backorder."),
    help=(
        QT_TRANSLATE_NOOP(
            "Steps",
            "Stops this order and asks the operator a question in the exceptions inbox, with the "
            "context they need (for example the short lines) and one button per option. Each "
            "option is its own output, so the order continues down the branch that was chosen. "
            "Optional fields let the person add details (a note for the customer); a field with "
            "“choices” is a list to pick from (e.g. the products in stock, from a spreadsheet "
            "step's output.list, shown by “label_key” and saved as “value_key”; "
            "“detail_keys” adds columns in brackets, e.g. the stock and price), and "
            "“required_for” names the options that need it filled in. After the deadline a "
            "reminder appears, and after twice the deadline an escalation.",
        )
    ),
    fields=(
        Field("question", TEMPLATE, QT_TRANSLATE_NOOP("Steps", "Question"), required=True),
        Field(
            "context",
            JSON,
            QT_TRANSLATE_NOOP("Steps", "Context"),
            help=QT_TRANSLATE_NOOP("Steps", "Data shown with the question (templates allowed)."),
        ),
        Field(
            "options",
            OPTIONS,
            QT_TRANSLATE_NOOP("Steps", "Options"),
            required=True,
            help=QT_TRANSLATE_NOOP(
                "Steps", 'Each option: {"name": "backorder", "label": "Backorder"}.'
            ),
        ),
        Field(
            "fields",
            JSON,
            QT_TRANSLATE_NOOP("Steps", "Fields to fill in"),
            help=QT_TRANSLATE_NOOP(
                "Steps",
                'A list of {"name": ..., "label": ...} the person may fill in; add '
                '"choices" (a list, or a template giving one) to offer a pick list, and '
                '"required_for": [option names] where it must be filled in.',
            ),
        ),
        Field(
            "deadline_minutes", NUMBER, QT_TRANSLATE_NOOP("Steps", "Deadline (minutes)"), minimum=1
        ),
    ),
    dynamic_ports=option_ports,
    retry=RetryPolicy(max_attempts=3, timeout=10),
    sample_output=lambda c: {
        "choice": next(iter(option_ports(c)), ""),
        "values": {},
        "by": "practice",
        "at": 0,
    },
    output_words={
        "choice": QT_TRANSLATE_NOOP("Steps", "The answer chosen"),
        "values": QT_TRANSLATE_NOOP("Steps", "What the person filled in"),
        "by": QT_TRANSLATE_NOOP("Steps", "Answered by"),
        "at": QT_TRANSLATE_NOOP("Steps", "Answered at"),
    },
    icon="fa5s.user-check",
    inline=True,
)


def _keys(keys: Any) -> list[str]:
    return [keys] if isinstance(keys, str) else [str(k) for k in keys or []]


def _shown(value: Any) -> str:
    """A cell as a person reads it: 95.0 as 95, 1350 as 1,350."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _choice(item: Any, value_key: str, label_key: Any, detail_keys: Any) -> dict[str, str]:
    """One pick-list entry; a sheet row's ``detail_keys`` columns follow its label in brackets
    with their column names ("RICE-25 · Rice, 25 kg sack (Stock: 40, Price: 1,350)"), so a
    person picking a substitute sees what it costs and how many there are."""
    if not isinstance(item, Mapping):
        return {"value": str(item), "label": str(item)}
    value = str(item.get(value_key, ""))
    label = " · ".join(str(item[k]) for k in _keys(label_key) if item.get(k) not in (None, ""))
    details = [
        f"{k}: {_shown(item[k])}" for k in _keys(detail_keys) if item.get(k) not in (None, "")
    ]
    label = label or value
    return {"value": value, "label": f"{label} ({', '.join(details)})" if details else label}


def form_field(field: Any) -> Any:
    """A field as the inbox shows it: its choices, whatever their source (plain values, or rows
    of a sheet named by ``value_key`` / ``label_key``), become [{value, label}]."""
    if not isinstance(field, Mapping) or "choices" not in field:
        return field
    choices = field["choices"]
    if not isinstance(choices, list):
        raise PermanentError(
            said(
                QT_TRANSLATE_NOOP(
                    "Steps",
                    "The choices of the field “{field}” must be a list; they came out as "
                    "“{choices}”.",
                ),
                field=field.get("name"),
                choices=choices,
            )
        )
    out = {k: v for k, v in field.items() if k not in ("value_key", "label_key", "detail_keys")}
    value_key = str(field.get("value_key") or "value")
    label_key = field.get("label_key") or "label"
    detail_keys = field.get("detail_keys")
    made = (_choice(i, value_key, label_key, detail_keys) for i in choices)
    out["choices"] = [c for c in made if c["value"]]
    return out


def run(ctx: StepContext) -> Decision:
    inp = ctx.input
    options = [
        {"name": o["name"], "label": o.get("label") or o["name"].replace("_", " ").title()}
        for o in inp["options"]
    ]
    minutes = inp.get("deadline_minutes")
    return Decision(
        question=inp["question"],
        options=options,
        context=inp.get("context"),
        fields=[form_field(f) for f in inp.get("fields") or []],
        deadline=time.time() + float(minutes) * 60 if minutes else None,
    )


STEP = StepType(SPEC, run)
