"""What a step type declares about itself: the one place a step type is described.

``app/steps`` modules build a ``StepSpec`` and register it; validation, the editor's palette and
inspector, and the generated step reference read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.retry import RetryPolicy
from app.core.schema import Field

ERROR_PORT = "error"
# A replayed practice step's scratch key: the output the real order recorded for that step,
# used instead of the sample output so only the draft's own changes show as differences.
RECORDED_OUTPUT = "recorded_output"

# How often a side-effecting step's effect happens although attempts are retried and Daloy may
# stop in the middle of one. Every side-effecting type's ``guarantee`` starts with one of these
# (a test checks it); the rest of the sentence says how, and the step reference shows it.
EXACTLY_ONCE = "Exactly once"
ONCE_BY_KEY = "Once, through the other side's idempotency key"
ONCE_OR_ASK = "Never twice on its own"
AT_LEAST_ONCE = "At least once"
GUARANTEES = (EXACTLY_ONCE, ONCE_BY_KEY, ONCE_OR_ASK, AT_LEAST_ONCE)


@dataclass(frozen=True)
class StepSpec:
    name: str  # registry key, used in workflow JSON ("http_request")
    title: str  # what the operator reads ("HTTP request")
    category: str  # palette group ("Connect", "Logic", "People", ...)
    summary: str  # one line for the palette
    help: str  # one paragraph for the reference and inspector
    fields: tuple[Field, ...] = ()
    ports: tuple[str, ...] = ("out",)
    # For types whose ports depend on config (decision options): config -> ports.
    dynamic_ports: Callable[[Mapping[str, Any]], tuple[str, ...]] | None = None
    error_port: bool = False  # offers an "error" port that catches a final failure
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    outcome_may_be_unknown: bool = False  # a timeout may hide a success: reconcile first
    side_effects: bool = False  # acts on the outside world (practice mode records instead)
    guarantee: str = ""  # once-guarantee of a side effect: a GUARANTEES phrase + how
    icon: str = "fa5s.cog"
    is_trigger: bool = False
    # Its code only reshapes its rendered input (no I/O, nothing that can hang): the runner calls
    # it directly instead of on an attempt thread under the time limit.
    inline: bool = False
    # Its result depends only on its rendered input, it acts nowhere (not even on Daloy's own
    # tables) and it neither asks nor sleeps: running it again after a crash is harmless, so the
    # runner runs it in-line inside the commit of the step before it (``Progress.succeed_and_
    # continue``) instead of paying a commit of its own.
    pure: bool = False
    # A realistic output for these settings (rendered), in the shape ``run`` returns: what a
    # practice run records for a step it does not really run, so the steps after it get
    # plausible data (``steps.charge.output.body.id``), and what the editor can show.
    sample_output: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None
    # What each key of its output is, in the operator's words (marked ``QT_TRANSLATE_NOOP(
    # "Steps", …)``): the labels of the form that skips a failed step with a result, where
    # "Status" and "Body" said nothing to a shop's operator.
    output_words: Mapping[str, str] = field(default_factory=dict)
    # What is wrong with these settings (not rendered) that their fields' kinds cannot see, as
    # (field, sentence in the operator's language) pairs: the validator lists them as errors.
    check: Callable[[Mapping[str, Any]], list[tuple[str, str]]] | None = None

    def practice_output(self, rendered: Mapping[str, Any], scratch: Any = None) -> dict[str, Any]:
        """What a practice run records instead of acting: the output a real order recorded
        for this step when a replay put it in the step's scratch (``RECORDED_OUTPUT``), else
        the type's sample output; plus ``practice: true`` and ``would_send`` (the rendered
        settings)."""
        recorded = scratch.get(RECORDED_OUTPUT) if isinstance(scratch, Mapping) else None
        if isinstance(recorded, Mapping):
            base = dict(recorded)
        else:
            try:
                base = dict(self.sample_output(rendered)) if self.sample_output else {}
            except Exception:  # noqa: BLE001 - a sample must never fail a practice run
                base = {}
        return {**base, "practice": True, "would_send": dict(rendered)}

    def ports_for(self, config: Mapping[str, Any]) -> tuple[str, ...]:
        ports = self.dynamic_ports(config) if self.dynamic_ports else self.ports
        return (*ports, ERROR_PORT) if self.error_port else tuple(ports)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


class SpecRegistry:
    """Step (or trigger) specs by name; validation takes one so core never imports ``app.steps``."""

    def __init__(self) -> None:
        self._specs: dict[str, StepSpec] = {}

    def add(self, spec: StepSpec) -> StepSpec:
        if spec.name in self._specs and self._specs[spec.name] is not spec:
            raise ValueError(f"step type {spec.name!r} is registered twice")
        self._specs[spec.name] = spec
        return spec

    def get(self, name: str) -> StepSpec | None:
        return self._specs.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._specs

    def __iter__(self) -> Iterator[StepSpec]:
        return iter(sorted(self._specs.values(), key=lambda s: (s.category, s.title)))

    def names(self) -> list[str]:
        return sorted(self._specs)
