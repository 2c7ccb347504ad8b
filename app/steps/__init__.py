"""Step types: one module per type, each declaring its ``StepSpec`` (schema, ports, retry
defaults, help) and its ``run`` (and, where a timeout can hide a success, ``reconcile``).

``registry()`` lists the built-in types; the palette, inspector, validation and the generated
step reference all read it. May import ``app.core`` and ``app.store``; never Qt.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from app.core.stepspec import SpecRegistry
from app.steps.base import StepContext, StepType

__all__ = ["BUILTIN", "StepContext", "StepType", "Registry", "registry"]

# Modules of the built-in step types, in palette order.
BUILTIN = (
    "transform",
    "condition",
    "wait",
    "for_each",
    "sub_workflow",
    "ask_person",
    "end_order",
    "spreadsheet_lookup",
    "spreadsheet_update",
    "http_request",
    "platform_update",
    "sql_query",
    "send_email",
    "notify",
)


class Registry:
    """Step types by name, plus the pure ``SpecRegistry`` view that core validation takes."""

    def __init__(self) -> None:
        self.types: dict[str, StepType] = {}
        self.specs = SpecRegistry()

    def add(self, step_type: StepType) -> StepType:
        self.specs.add(step_type.spec)
        self.types[step_type.spec.name] = step_type
        return step_type

    def get(self, name: str) -> StepType | None:
        return self.types.get(name)

    def __iter__(self):
        return iter(self.types.values())


@lru_cache(maxsize=1)
def registry() -> Registry:
    reg = Registry()
    for mod in BUILTIN:
        reg.add(importlib.import_module(f"app.steps.{mod}").STEP)
    return reg
