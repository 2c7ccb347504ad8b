"""The engine's suites: every step transition they make is checked against the state machine."""

from tests.support.transitions import every_transition_checked  # noqa: F401 - autouse fixture
