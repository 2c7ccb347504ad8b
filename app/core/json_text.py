"""JSON from outside read as JSON is written: Python's reader also takes ``NaN`` and
``Infinity``, and reads 1e999 as infinity, none of which a JSON column of PostgreSQL stores (nor
JSON itself has). Read here, such a text is refused like any other unreadable JSON, so an order
or an answer is either stored as it came or kept as unreadable: never a value one database
takes and the other refuses."""

from __future__ import annotations

import json
import math
from typing import Any


class TooBig(ValueError):
    """A number too big to be a number (1e999: valid JSON, read as infinity)."""


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise TooBig(f"{text[:20]} is too big to be a number")
    return value


def loads(text: str | bytes) -> Any:
    """``json.loads`` refusing NaN, Infinity and infinite numbers (``ValueError``; ``TooBig``
    for the last)."""
    return json.loads(text, parse_constant=_no_constant, parse_float=_finite)
