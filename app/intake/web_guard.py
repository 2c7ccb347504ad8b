"""Guards of the web intake against abuse: the headers and shape of every answer (no framing,
no sniffing, errors in words), a per-install key in the keyring, a per-address token bucket for
the public order form and a memory of signatures that may be used once (the server that cuts
off a client taking too long to send one request is ``web_server``). No Qt, no store, no
waitress: plain threading, safe to call from waitress' worker threads.
"""

from __future__ import annotations

import json
import math
import secrets as pysecrets
import threading
import time
from collections.abc import Callable
from typing import Any

from app import secrets

Answer = tuple[str, dict[str, str], bytes]

# On every answer: a page of ours is never framed by another site (clickjacking an order
# form), never sniffed into another type, and may load nothing from elsewhere.
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    421: "Misdirected Request",
    429: "Too Many Requests",
    503: "Service Unavailable",
}


def error(code: int, message: str, headers: dict[str, str] | None = None) -> Answer:
    """A refusal in words, as JSON ``{"error": sentence}``."""
    return (
        f"{code} {REASONS.get(code, 'Error')}",
        dict(headers or {}),
        json.dumps({"error": message}).encode(),
    )


def ensure_secret(name: str, field: str) -> str:
    """A random secret kept in the keyring under ``name``/``field``, made on first use."""
    if secrets.has_secret(name, field):
        return secrets.get_secret(name, field)
    value = pysecrets.token_urlsafe(32)
    secrets.set_secret(name, field, value)
    return value


class RateLimiter:
    """A token bucket per key (an address): ``per_minute`` requests a minute on average, up to
    ``per_minute`` at once. Forgets idle keys so a scan of many addresses cannot fill memory."""

    def __init__(self, max_keys: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_keys = max_keys
        self.clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[Any, tuple[float, float]] = {}  # key -> (tokens, at)

    def take(self, key: Any, per_minute: float) -> float:
        """0 when the request may go ahead (one token taken), else the seconds to wait."""
        rate = max(per_minute, 0.01) / 60.0
        capacity = max(1.0, float(per_minute))
        now = self.clock()
        with self._lock:
            tokens, at = self._buckets.get(key, (capacity, now))
            tokens = min(capacity, tokens + (now - at) * rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return max(1.0, math.ceil((1.0 - tokens) / rate))
            if key not in self._buckets and len(self._buckets) >= self.max_keys:
                self._forget(now, rate, capacity)
            self._buckets[key] = (tokens - 1.0, now)
            return 0.0

    def _forget(self, now: float, rate: float, capacity: float) -> None:
        # Buckets that have refilled carry no information; if none have, drop the oldest half.
        full = [k for k, (t, at) in self._buckets.items() if t + (now - at) * rate >= capacity]
        for k in full:
            del self._buckets[k]
        if len(self._buckets) >= self.max_keys:
            oldest = sorted(self._buckets, key=lambda k: self._buckets[k][1])
            for k in oldest[: len(oldest) // 2]:
                del self._buckets[k]


class SeenOnce:
    """Keys (a signature, a form token) accepted once until they expire on their own."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._until: dict[str, float] = {}
        self._next_prune = 0.0

    def claim(self, key: str, until: float) -> bool:
        """True the first time ``key`` is claimed (kept until ``until``), False after."""
        now = self.clock()
        with self._lock:
            if now >= self._next_prune:
                self._until = {k: u for k, u in self._until.items() if u > now}
                self._next_prune = now + 30
            if self._until.get(key, 0.0) > now:
                return False
            self._until[key] = until
            return True

    def release(self, key: str) -> None:
        """Forget a claim whose request failed before anything was stored (a retry is fine)."""
        with self._lock:
            self._until.pop(key, None)
