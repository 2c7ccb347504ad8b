"""Named crash points for durability tests.

``DALOY_CRASHPOINT=name:n`` makes the process exit abruptly (``os._exit``, no clean-up, no flush)
the n-th time execution passes the point called ``name``. Tests enumerate every point
deterministically instead of killing at random. Costs one dict lookup when unset.

A test in the same process may instead hold execution at a point (``gate(name)``): the thread
that reaches it waits until the test releases it, so the test can act (shut down, say) while a
poll is exactly there. Costs one test of an empty dict when no gate is set.
"""

from __future__ import annotations

import os
import sys
import threading

POINTS = (
    "before_claim_commit",
    "after_claim_commit",
    "before_call",
    "after_call",
    "before_result_commit",
    "after_inline_step",
    "after_result_commit",
    "mid_recovery",
)
# Points on intake's way (not a step's, so not in the runtime's crash test above).
INTAKE_POINTS = (
    "imap_after_ingest",  # a message committed with its run, not yet marked seen on the server
    "poll_between_pages",  # a marketplace's or shop's page committed, the next not yet asked
)
EXIT_CODE = 77

_lock = threading.Lock()
_counts: dict[str, int] = {}
_target: tuple[str, int] | None = None


def _parse(value: str | None) -> tuple[str, int] | None:
    if not value:
        return None
    name, _, n = value.partition(":")
    return name, int(n or "1")


_target = _parse(os.environ.get("DALOY_CRASHPOINT"))


class Gate:
    """Holds the threads that reach its point until released (see ``gate``)."""

    def __init__(self, timeout: float) -> None:
        self.reached = threading.Event()
        self.released = threading.Event()
        self.timeout = timeout  # a forgotten gate never hangs a test run

    def release(self) -> None:
        self.released.set()


_gates: dict[str, Gate] = {}


def gate(name: str, timeout: float = 60.0) -> Gate:
    """Hold execution at point ``name`` (in this process) until the gate is released; the
    gate stays until ``ungate(name)``."""
    _gates[name] = held = Gate(timeout)
    return held


def ungate(name: str) -> None:
    held = _gates.pop(name, None)
    if held is not None:
        held.release()


def crashpoint(name: str) -> None:
    if _gates and (held := _gates.get(name)) is not None:
        held.reached.set()
        held.released.wait(held.timeout)
    if _target is None or _target[0] != name:
        return
    with _lock:
        _counts[name] = _counts.get(name, 0) + 1
        if _counts[name] == _target[1]:
            sys.stderr.write(f"daloy: crash point {name}:{_target[1]} reached\n")
            sys.stderr.flush()
            os._exit(EXIT_CODE)
