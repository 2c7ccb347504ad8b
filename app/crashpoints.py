"""Named crash points for durability tests.

``DALOY_CRASHPOINT=name:n`` makes the process exit abruptly (``os._exit``, no clean-up, no flush)
the n-th time execution passes the point called ``name``. Tests enumerate every point
deterministically instead of killing at random. Costs one dict lookup when unset.
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


def crashpoint(name: str) -> None:
    if _target is None or _target[0] != name:
        return
    with _lock:
        _counts[name] = _counts.get(name, 0) + 1
        if _counts[name] == _target[1]:
            sys.stderr.write(f"daloy: crash point {name}:{_target[1]} reached\n")
            sys.stderr.flush()
            os._exit(EXIT_CODE)
