"""The run/step state machine: given a workflow and the recorded facts of a run, what may run next.

Step states::

    pending ─▶ ready ─▶ running ─▶ succeeded
       │         ▲         ├─────▶ retry_wait ─▶ ready
       │         │         ├─────▶ needs_attention ─▶ ready | skipped (operator)
       │         └─────────┘ (lease expired / runner restarted)
       └─▶ skipped (no incoming path was taken)        any non-final ─▶ cancelled

Two combined transitions (``COMBINED``) are ``… ─▶ ready ─▶ running`` written in one
transaction by the hot path: ``pending ─▶ running`` (a step readied by its predecessor's
success and claimed at once) and ``retry_wait ─▶ running`` (a due retry or a woken wait claimed).
``ready ─▶ pending`` holds a run started while its workflow is switched off. An operator's
restart (``restart_from``) may reset any step that is not running (``RESETS``): the one
exception to ``TRANSITIONS``, allowed only when the store says it is resetting.

A step becomes ready when every step feeding it is final and at least one of its incoming
connections was taken; it is skipped when none was. A step downstream of one that needs attention
stays ``pending`` — held — until a person resolves it. Pure logic: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.core.model import Edge, Workflow

PENDING = "pending"
READY = "ready"
RUNNING = "running"
SUCCEEDED = "succeeded"
RETRY_WAIT = "retry_wait"
NEEDS_ATTENTION = "needs_attention"
SKIPPED = "skipped"
CANCELLED = "cancelled"

STEP_STATES = (PENDING, READY, RUNNING, SUCCEEDED, RETRY_WAIT, NEEDS_ATTENTION, SKIPPED, CANCELLED)
FINAL = frozenset({SUCCEEDED, SKIPPED, CANCELLED})

# ``a ─▶ ready ─▶ running`` in one transaction: a claim straight after the step is readied.
COMBINED: frozenset[tuple[str, str]] = frozenset({(PENDING, RUNNING), (RETRY_WAIT, RUNNING)})

TRANSITIONS: dict[str, frozenset[str]] = {
    PENDING: frozenset({READY, SKIPPED, CANCELLED, RUNNING}),  # RUNNING: COMBINED
    READY: frozenset({RUNNING, SKIPPED, CANCELLED, PENDING}),  # PENDING: held (switched off)
    RUNNING: frozenset({SUCCEEDED, RETRY_WAIT, NEEDS_ATTENTION, READY, CANCELLED}),
    RETRY_WAIT: frozenset({READY, NEEDS_ATTENTION, SKIPPED, CANCELLED, RUNNING}),  # COMBINED
    NEEDS_ATTENTION: frozenset({READY, SKIPPED, SUCCEEDED, CANCELLED}),
    SUCCEEDED: frozenset(),
    SKIPPED: frozenset(),
    CANCELLED: frozenset(),
}
assert all(new in TRANSITIONS[old] for old, new in COMBINED)

# Restarting a run from a step (an operator action, ``restart_from``) puts it back to ready and
# what follows it to pending, whatever they were — except a running step (the action waits).
RESETS: dict[str, frozenset[str]] = {
    old: frozenset({READY, PENDING}) for old in STEP_STATES if old != RUNNING
}

# Run states, derived from the steps.
RUN_RUNNING = "running"
RUN_WAITING = "waiting"  # a retry timer or a wait step
RUN_NEEDS_ATTENTION = "needs_attention"
RUN_SUCCEEDED = "succeeded"
RUN_CANCELLED = "cancelled"
RUN_STATES = (RUN_RUNNING, RUN_WAITING, RUN_NEEDS_ATTENTION, RUN_SUCCEEDED, RUN_CANCELLED)
RUN_FINAL = frozenset({RUN_SUCCEEDED, RUN_CANCELLED})


class IllegalTransition(ValueError):
    pass


@dataclass(frozen=True)
class StepFact:
    state: str
    port: str | None = None  # the output port taken, for succeeded (or skipped with an output)


def check_transition(old: str, new: str, *, reset: bool = False) -> None:
    """Raise unless a step may go from ``old`` to ``new`` (``reset``: an operator's restart)."""
    if new in TRANSITIONS[old] or (reset and new in RESETS.get(old, ())):
        return
    raise IllegalTransition(f"a step cannot go from {old} to {new}")


def initial(wf: Workflow) -> dict[str, str]:
    entries = set(wf.entry_steps())
    return {n: (READY if n in entries else PENDING) for n in wf.step_names()}


def _edge_taken(fact: StepFact | None, port: str) -> bool | None:
    """True/False once the source is final, None while it is not."""
    if fact is None or fact.state not in FINAL:
        return None
    return fact.state in (SUCCEEDED, SKIPPED) and fact.port == port


def advance(wf: Workflow, facts: Mapping[str, StepFact]) -> dict[str, str]:
    """New states for pending steps whose inputs are now decided (ready or skipped), cascading."""
    incoming: dict[str, list[Edge]] = {}
    for e in wf.edges:
        incoming.setdefault(e.target, []).append(e)
    waiting = [
        n
        for n in wf.step_names()
        if n in incoming and (f := facts.get(n)) is not None and f.state == PENDING
    ]
    current = dict(facts)
    changes: dict[str, str] = {}
    progress = True
    while progress and waiting:
        progress = False
        for name in list(waiting):
            taken = [_edge_taken(current.get(e.source), e.port) for e in incoming[name]]
            if None in taken:
                continue
            new = READY if any(taken) else SKIPPED
            changes[name] = new
            current[name] = StepFact(new)
            waiting.remove(name)
            progress = True
    return changes


def run_status(states: Mapping[str, str], cancelled: bool = False) -> str:
    values = set(states.values())
    if cancelled:
        return RUN_CANCELLED
    if NEEDS_ATTENTION in values:
        return RUN_NEEDS_ATTENTION
    if values & {READY, RUNNING}:
        return RUN_RUNNING
    if RETRY_WAIT in values:
        return RUN_WAITING
    if values <= {SUCCEEDED, SKIPPED, CANCELLED}:
        return RUN_SUCCEEDED
    # pending steps with nothing active: only possible while held, which NEEDS_ATTENTION covers
    return RUN_RUNNING


def held(wf: Workflow, states: Mapping[str, str]) -> list[str]:
    """Pending steps that wait behind a step that needs attention."""
    blocked: set[str] = set()
    for name, st in states.items():
        if st == NEEDS_ATTENTION:
            blocked.update(wf.downstream(name))
    return [n for n in wf.step_names() if n in blocked and states.get(n) == PENDING]


def restart_from(wf: Workflow, states: Mapping[str, str], step: str) -> dict[str, str]:
    """States after an operator restarts the run from ``step``: it becomes ready, everything
    downstream of it pending again. Raises if a step feeding it has not finished."""
    if wf.step(step) is None:
        raise IllegalTransition(f"the workflow has no step “{step}”")
    for up in wf.incoming(step):
        if states.get(up.source) not in FINAL:
            raise IllegalTransition(f"“{step}” cannot restart before “{up.source}” has finished")
    changes = {step: READY}
    for d in wf.downstream(step):
        changes[d] = PENDING
    return changes


def is_final(state: str) -> bool:
    return state in FINAL


# Named states. Each member's value is the string above — what the database stores and what
# ``--json`` prints — so stored data and output are unchanged; the module-level names are
# rebound to the members below, so ``machine.READY is StepState.READY``.
class StepState(StrEnum):
    """A step's state (``step_runs.state``)."""

    PENDING = PENDING
    READY = READY
    RUNNING = RUNNING
    SUCCEEDED = SUCCEEDED
    RETRY_WAIT = RETRY_WAIT
    NEEDS_ATTENTION = NEEDS_ATTENTION
    SKIPPED = SKIPPED
    CANCELLED = CANCELLED


class RunState(StrEnum):
    """A run's state (``runs.status``), derived from its steps by ``run_status``."""

    RUNNING = RUN_RUNNING
    WAITING = RUN_WAITING
    NEEDS_ATTENTION = RUN_NEEDS_ATTENTION
    SUCCEEDED = RUN_SUCCEEDED
    CANCELLED = RUN_CANCELLED


PENDING, READY, RUNNING = StepState.PENDING, StepState.READY, StepState.RUNNING
SUCCEEDED, RETRY_WAIT = StepState.SUCCEEDED, StepState.RETRY_WAIT
NEEDS_ATTENTION, SKIPPED, CANCELLED = (
    StepState.NEEDS_ATTENTION,
    StepState.SKIPPED,
    StepState.CANCELLED,
)
RUN_RUNNING, RUN_WAITING, RUN_NEEDS_ATTENTION = (
    RunState.RUNNING,
    RunState.WAITING,
    RunState.NEEDS_ATTENTION,
)
RUN_SUCCEEDED, RUN_CANCELLED = RunState.SUCCEEDED, RunState.CANCELLED
