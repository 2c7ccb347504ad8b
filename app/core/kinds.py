"""Named kinds the engine writes down: inbox entries, engine events, attempt outcomes.

Each is a ``StrEnum`` whose values are the strings the database stores and ``--json`` prints,
so a member compares equal to (and is written as) its plain string: stored data and output
stay as they were. Step and run states live with the state machine (``app.core.machine``).
"""

from __future__ import annotations

from enum import StrEnum


class InboxKind(StrEnum):
    """What an inbox entry asks a person about (``inbox_items.kind``)."""

    STEP_FAILED = "step_failed"  # a step failed after its retries, or its outcome is not known
    DECISION = "decision"  # a decision step asks a person to choose
    INTAKE_ERROR = "intake_error"  # a malformed intake item, kept raw
    CHANNEL_DOWN = "channel_down"  # an intake channel cannot reach its source
    SYSTEM_DOWN = "system_down"  # a circuit breaker: an outside system is down
    SYSTEM = "system"  # everything else Daloy itself must tell (backups, jobs, held orders)


# Entries that belong to one step of one run: answering them acts on that step.
STEP_KINDS = frozenset({InboxKind.STEP_FAILED, InboxKind.DECISION})


class EventKind(StrEnum):
    """What an engine event says changed (``app.store.runs.Event.kind``)."""

    RUN_STARTED = "run_started"
    RUN_CHANGED = "run_changed"
    STEP_CHANGED = "step_changed"
    INBOX_OPENED = "inbox_opened"
    INBOX_RESOLVED = "inbox_resolved"
    INBOX_CHANGED = "inbox_changed"
    HOLDS_CHANGED = "holds_changed"


class AttemptOutcome(StrEnum):
    """How one attempt of a step ended (``attempts.outcome``)."""

    RUNNING = "running"  # not ended yet
    SUCCEEDED = "succeeded"
    WAITING = "waiting"  # a wait step went to sleep: not a try
    ASKED = "asked"  # a decision step asked a person: not a try
    RETRYABLE = "retryable"  # failed; the engine tries again
    FAILED = "failed"  # failed; no retry
    TIMEOUT = "timeout"  # the attempt ran past its time limit
    NOT_KNOWN = "not known"  # it may or may not have acted (a lost answer)
    INTERRUPTED = "interrupted"  # the runner died under it (found at recovery)
    HANDED_BACK = "handed back"  # the runtime stopped and gave its lease back


# A decision's attempt ends with the person's answer: ``answered: <option>``.
ANSWERED_PREFIX = "answered: "


def answered(option: str) -> str:
    """The outcome of a decision step's attempt once a person chose ``option``."""
    return f"{ANSWERED_PREFIX}{option}"
