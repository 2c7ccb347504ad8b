"""What a step's code receives (``StepContext``) and what a step type is (``StepType``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import templates
from app.core.schema import TEMPLATED, with_defaults
from app.core.stepspec import StepSpec

if TYPE_CHECKING:  # typing only: a step module loads neither unless it uses them
    from app.store.connections import ConnectionProvider
    from app.store.runs import RunStore


@dataclass(frozen=True)
class StepServices:
    """What a step may use besides its input, each by name and type. The runtime builds one
    (a few references, so it costs nothing) and hands it to every step; a field is None where
    the step runs without it (a test of one step, the step reference)."""

    connections: ConnectionProvider | None = None  # saved connections, secrets from the keyring
    runs: RunStore | None = None  # the run store: child runs, the latest version of an order
    wake: Callable[[], None] | None = None  # wake the workers (a child run was started)


@dataclass
class StepContext:
    run_id: str
    step_name: str
    attempt: int
    max_attempts: int
    idempotency_key: str  # same on every retry of this step in this run
    config: dict[str, Any]  # settings as saved (templates unrendered), defaults filled in
    input: dict[str, Any]  # settings with templates rendered for this attempt
    trigger: Any
    steps: dict[str, dict[str, Any]]
    business_key: str = ""
    practice: bool = False
    resumed: bool = False  # woken after a Sleep; ``scratch`` holds what it kept
    scratch: Any = None
    timeout: float = 60.0
    data_dir: Path | None = None
    services: StepServices = field(default_factory=StepServices)
    log: logging.LoggerAdapter | logging.Logger = field(
        default_factory=lambda: logging.getLogger("daloy.step")
    )

    def template_context(self) -> dict[str, Any]:
        return {
            "trigger": self.trigger,
            "steps": self.steps,
            "run": {"id": self.run_id, "business_key": self.business_key},
            "idempotency_key": self.idempotency_key,
        }

    def render(self, value: Any) -> Any:
        return templates.render_value(value, self.template_context())


@dataclass(frozen=True)
class StepType:
    spec: StepSpec
    run: Callable[[StepContext], Any]
    reconcile: Callable[[StepContext], Any] | None = None
    # Does this configuration act on the outside world? (practice mode records instead)
    acts: Callable[[Mapping[str, Any]], bool] | None = None

    def has_side_effects(self, config: Mapping[str, Any]) -> bool:
        return self.acts(config) if self.acts else self.spec.side_effects


def render_input(
    spec: StepSpec, config: Mapping[str, Any], context: Mapping[str, Any]
) -> dict[str, Any]:
    """The step's settings with defaults filled in and every templated field rendered."""
    defaults, templated = _declared(spec)
    full = {**defaults, **{k: v for k, v in config.items() if v is not None}}
    return {
        k: (templates.render_value(v, context) if k in templated else v) for k, v in full.items()
    }


# A step type's declared defaults and templated fields, worked out once per type instead of at
# every attempt (specs are made once, at import; keyed by identity, the spec kept alive with it).
_DECLARED: dict[int, tuple[StepSpec, dict[str, Any], frozenset[str]]] = {}


def _declared(spec: StepSpec) -> tuple[dict[str, Any], frozenset[str]]:
    found = _DECLARED.get(id(spec))
    if found is None or found[0] is not spec:
        found = (
            spec,
            with_defaults(spec.fields, {}),
            frozenset(f.name for f in spec.fields if f.kind in TEMPLATED),
        )
        _DECLARED[id(spec)] = found
    return found[1], found[2]
