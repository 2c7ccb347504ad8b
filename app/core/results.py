"""What a step's code returns to the engine (besides raising a typed error)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class StepResult:
    """The step finished. ``port`` picks the outgoing connections to follow.

    ``effects`` are callables given the store's open SQLAlchemy ``Session``; they run inside the
    transaction that records this result, so a local database change and the step's completion
    commit together or not at all.
    """

    output: Any = None
    port: str = "out"
    effects: list[Callable[[Any], None]] = field(default_factory=list)


@dataclass
class Decision:
    """The step needs a person to choose (``ask_person``): the run waits in the inbox."""

    question: str
    options: list[dict[str, str]]  # [{"name": "substitute", "label": "Substitute"}]
    context: Any = None
    fields: list[dict[str, Any]] = field(default_factory=list)
    deadline: float | None = None  # epoch seconds


@dataclass
class Sleep:
    """The step is waiting (``wait``, a child run): resume it at ``until`` (epoch seconds) or when
    woken. ``scratch`` is kept durably and handed back to the step when it resumes; resuming does
    not count as a new attempt."""

    until: float | None
    scratch: Any = None
    reason: str = ""


@dataclass
class Reconciled:
    """Answer of a step type's ``reconcile``: did the earlier attempt's effect happen? None: it
    cannot tell, and repeating might act twice (the engine asks a person)."""

    happened: bool | None
    output: Any = None
    port: str = "out"
