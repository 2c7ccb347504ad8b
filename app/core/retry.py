"""Retry policy: how often and how long the engine waits before trying a step again."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from app.core.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    initial_delay: float = 2.0  # seconds before the 2nd attempt
    backoff: float = 2.0  # multiplier per further attempt
    max_delay: float = 600.0  # cap on one wait
    jitter: float = 0.2  # +/- fraction of the delay, spreads retries of many runs
    timeout: float = 60.0  # seconds one attempt may take

    def delay_before(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait before attempt number ``attempt`` (2 = the first retry)."""
        base = min(self.max_delay, self.initial_delay * self.backoff ** max(0, attempt - 2))
        if self.jitter:
            r = (rng or random).uniform(-self.jitter, self.jitter)
            base = base * (1 + r)
        return max(0.0, min(self.max_delay, base))

    def merged(self, overrides: Mapping[str, Any] | None) -> RetryPolicy:
        if not overrides:
            return self
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in overrides.items() if k in known})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


RETRY_FIELDS: dict[str, tuple[type, str]] = {
    # labels in English (shown through schema.shown, translated in the "Steps" context)
    "max_attempts": (int, QT_TRANSLATE_NOOP("Steps", "Attempts")),
    "initial_delay": (float, QT_TRANSLATE_NOOP("Steps", "First wait (s)")),
    "backoff": (float, QT_TRANSLATE_NOOP("Steps", "Wait multiplier")),
    "max_delay": (float, QT_TRANSLATE_NOOP("Steps", "Longest wait (s)")),
    "jitter": (float, QT_TRANSLATE_NOOP("Steps", "Jitter (fraction)")),
    "timeout": (float, QT_TRANSLATE_NOOP("Steps", "Time limit per attempt (s)")),
}


def check_overrides(overrides: Mapping[str, Any]) -> list[str]:
    """Operator-readable problems with a step's retry overrides."""
    problems = []
    for key, value in overrides.items():
        if key not in RETRY_FIELDS:
            problems.append(
                translate("Validation", "“{key}” is not a retry setting").format(key=key)
            )
            continue
        typ, english = RETRY_FIELDS[key]
        label = translate("Steps", english)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (typ is int and not isinstance(value, int))
        ):
            problems.append(
                (
                    translate("Validation", "“{label}” must be a whole number")
                    if typ is int
                    else translate("Validation", "“{label}” must be a number")
                ).format(label=label)
            )
        elif (
            value < 0
            or (key in ("max_attempts", "backoff", "timeout") and value < 1 and key != "timeout")
            or (key == "timeout" and value <= 0)
        ):
            problems.append(
                translate("Validation", "“{label}” is out of range").format(label=label)
            )
    return problems
