"""Declared config schemas for step and trigger types.

A step type declares its fields once; the editor's inspector form, validation, the generated step
reference and the JSON format all read this declaration.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.i18n import translate

# Field kinds. "Templated" kinds hold Jinja2 templates that are rendered when the step starts.
TEXT = "text"  # plain string, never rendered
TEMPLATE = "template"  # one-line template string
TEMPLATE_TEXT = "template_text"  # multi-line template (email bodies)
NUMBER = "number"
INTEGER = "integer"
BOOLEAN = "boolean"
CHOICE = "choice"  # one of Field.choices
JSON = "json"  # any JSON value; strings inside are templates
MAPPING = "mapping"  # {name: template}
STRING_LIST = "string_list"  # [str]
CONNECTION = "connection"  # name of a Connection of Field.connection_kind
WORKFLOW = "workflow"  # name of another workflow
OPTIONS = "options"  # decision options: [{"name": ..., "label": ...}]
STEPS = "steps"  # nested step names (for_each body)

KINDS = frozenset(
    {
        TEXT,
        TEMPLATE,
        TEMPLATE_TEXT,
        NUMBER,
        INTEGER,
        BOOLEAN,
        CHOICE,
        JSON,
        MAPPING,
        STRING_LIST,
        CONNECTION,
        WORKFLOW,
        OPTIONS,
        STEPS,
    }
)
TEMPLATED = frozenset({TEMPLATE, TEMPLATE_TEXT, JSON, MAPPING})


def declared(text: str) -> str:
    """A declared text (a step or trigger type's title, group, summary, help, a field's label,
    help or choice) in the operator's language. Declarations are built at import, before a
    translator is installed, so they hold the English (marked ``QT_TRANSLATE_NOOP("Steps", …)``)
    and are translated here, where they are shown; what is stored stays English."""
    return translate("Steps", text) if text else text


@dataclass(frozen=True)
class Field:
    """One setting of a step or trigger type."""

    name: str
    kind: str
    label: str
    help: str = ""
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    connection_kind: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    placeholder: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r} for field {self.name!r}")


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


def _type_problem(f: Field, value: Any) -> str | None:
    """What is wrong with ``value`` for ``f``, as a sentence naming the field (None: nothing)."""
    msg = _kind_problem(f, value)
    if msg is None:
        return None
    return msg.format(
        label=declared(f.label),
        choices=", ".join(f.choices),
        minimum=f"{f.minimum:g}" if f.minimum is not None else "",
        maximum=f"{f.maximum:g}" if f.maximum is not None else "",
    )


def _kind_problem(f: Field, value: Any) -> str | None:
    k = f.kind
    if k in (TEXT, TEMPLATE, TEMPLATE_TEXT, CONNECTION, WORKFLOW):
        return None if isinstance(value, str) else translate("Validation", "“{label}” must be text")
    if k == NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return translate("Validation", "“{label}” must be a number")
    elif k == INTEGER:
        if isinstance(value, bool) or not isinstance(value, int):
            return translate("Validation", "“{label}” must be a whole number")
    elif k == BOOLEAN:
        return (
            None
            if isinstance(value, bool)
            else translate("Validation", "“{label}” must be yes or no (true/false)")
        )
    elif k == CHOICE:
        if value not in f.choices:
            return translate("Validation", "“{label}” must be one of: {choices}")
    elif k == MAPPING:
        if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
            return translate(
                "Validation", "“{label}” must be a set of names, each with a text or template value"
            )
    elif k in (STRING_LIST, STEPS):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return translate("Validation", "“{label}” must be a list of texts")
    elif k == OPTIONS:
        if not isinstance(value, list) or not value:
            return translate("Validation", "“{label}” must list at least one option")
        for opt in value:
            if (
                not isinstance(opt, Mapping)
                or not isinstance(opt.get("name"), str)
                or not opt["name"]
            ):
                return translate("Validation", "“{label}”: each option needs a name")
    if k in (NUMBER, INTEGER):
        if not is_ordinary_number(value):
            return translate(
                "Validation",
                "“{label}” must be an ordinary number (not NaN, Infinity or that large)",
            )
        if f.minimum is not None and value < f.minimum:
            return translate("Validation", "“{label}” must be at least {minimum}")
        if f.maximum is not None and value > f.maximum:
            return translate("Validation", "“{label}” must be at most {maximum}")
    return None


def is_ordinary_number(value: int | float) -> bool:
    """Finite, and small enough to become a float (a larger int is infinity to any timer)."""
    if isinstance(value, float):
        return math.isfinite(value)
    return abs(value) <= sys.float_info.max


def check_config(fields: tuple[Field, ...], config: Mapping[str, Any]) -> list[FieldProblem]:
    """Problems with ``config`` measured against the declared ``fields`` (no template checks)."""
    problems: list[FieldProblem] = []
    known = {f.name for f in fields}
    for f in fields:
        value = config.get(f.name)
        if value is None or value == "":
            if f.required and f.default is None:
                problems.append(
                    FieldProblem(
                        f.name,
                        translate("Validation", "“{label}” is required").format(
                            label=declared(f.label)
                        ),
                    )
                )
            continue
        msg = _type_problem(f, value)
        if msg:
            problems.append(FieldProblem(f.name, msg))
    for name in config:
        if name not in known:
            problems.append(
                FieldProblem(
                    name,
                    translate("Validation", "“{name}” is not a setting of this step type").format(
                        name=name
                    ),
                )
            )
    return problems


def with_defaults(fields: tuple[Field, ...], config: Mapping[str, Any]) -> dict[str, Any]:
    """The config with declared defaults filled in for missing values."""
    out = {f.name: f.default for f in fields if f.default is not None}
    out.update({k: v for k, v in config.items() if v is not None})
    return out


def describe(f: Field) -> dict[str, Any]:
    """A JSON-able description of a field (for docs and the editor)."""
    d: dict[str, Any] = {"name": f.name, "kind": f.kind, "label": f.label, "required": f.required}
    for key in ("help", "default", "connection_kind", "minimum", "maximum", "placeholder"):
        v = getattr(f, key)
        if v not in (None, ""):
            d[key] = v
    if f.choices:
        d["choices"] = list(f.choices)
    return d
