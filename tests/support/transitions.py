"""Every step transition made during a test, checked against the state machine.

``every_transition_checked`` is an autouse fixture of the engine, crash and operator-action
suites (their ``conftest.py`` imports it): it watches every transition the store makes in the
test's process (``app.store.transitions.watch``: the hot path's statements and every ORM
assignment of a step's state) and fails the test on one the machine does not allow — also when
the store's own check raised on a worker thread, where the test would only see a stuck run.
Runner subprocesses (the crash tests) check the same way and stop at an illegal transition.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.store import transitions


class Transitions:
    def __init__(self) -> None:
        self.made: list[tuple[str, str, str]] = []
        self.illegal: list[tuple[str, str, str]] = []

    def __call__(self, old: str, new: str, how: str, allowed: bool) -> None:
        self.made.append((str(old), str(new), how))
        if not allowed:
            self.illegal.append((str(old), str(new), how))


@pytest.fixture(autouse=True)
def every_transition_checked() -> Iterator[Transitions]:
    seen = Transitions()
    with transitions.watch(seen):
        yield seen
    assert not seen.illegal, f"transitions the state machine forbids: {seen.illegal}"
