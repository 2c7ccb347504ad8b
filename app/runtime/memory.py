"""Memory the runtime gives back to the system while it waits for work.

glibc keeps what the C heap freed (start-up's parsing, a burst of orders' buffers) for reuse
instead of returning it, so a runner that worked once holds that memory through a quiet night.
``IdleTrim`` (an extension ``app.host`` adds) asks glibc to return it with ``malloc_trim(0)``:
once start-up has settled, then after each burst of work once the database has been quiet for a
tick. Elsewhere (other C libraries, Windows, whose heap returns freed pages itself) it does
nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

log = logging.getLogger("daloy.runtime")
# Start-up has settled this long after the runtime starts (samples seeded, channels started).
SETTLE = 2.0
# How often a quiet runtime is looked at: a trim walks the heap, so not after every step.
TICK = 30.0


# glibc's mallopt(M_MMAP_THRESHOLD): buffers this big or bigger get their own mapping, given back
# to the system when freed.
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 256 * 1024


@lru_cache(maxsize=2)
def _glibc(name: str) -> Any:
    """glibc's function ``name``, or None where there is none (not Linux; musl and other C
    libraries have neither ``malloc_trim`` nor the same ``mallopt`` settings)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None


def big_buffers_back_to_the_system() -> None:
    """Fix glibc's threshold for giving big buffers their own mapping. Left dynamic, it rises to
    the biggest buffer freed (up to 32 MB), and from then on buffers below it come from the
    heaps of the worker threads, which keep the highest size they ever held: each save of a kept
    spreadsheet builds several copies of its growing record sheet (megabytes a year on), so the
    runner's memory grew with every order (soak: 10 MB more per 1,000 orders). Elsewhere (other C
    libraries, Windows, whose heap maps big blocks apart anyway) nothing is changed."""
    mallopt = _glibc("mallopt")
    if mallopt is not None:
        mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)


def give_back_freed_memory() -> bool:
    """Return the C heap's free memory to the system; True when there was a way to ask."""
    trim = _glibc("malloc_trim")
    if trim is None:
        return False
    trim(0)
    return True


class IdleTrim:
    """Started and stopped with the runtime (``Runtime.add_extension``)."""

    def __init__(self) -> None:
        self.trimmed_at: int | None = None  # the database's commit count at the last trim
        self.seen: int | None = None  # and at the last tick
        self.trims = 0

    def start(self, runtime: Any) -> None:
        self.db = runtime.db
        runtime.scheduler.add_job(
            self.tick,
            "interval",
            seconds=TICK,
            executor="control",
            id="trim",
            replace_existing=True,
            next_run_time=datetime.now(UTC) + timedelta(seconds=SETTLE),
        )

    def tick(self) -> None:
        commits = self.db.commits
        # the first tick (start-up settled), else work was done and nothing since the last tick
        if self.trimmed_at is None or (commits != self.trimmed_at and commits == self.seen):
            give_back_freed_memory()
            self.trims += 1
            self.trimmed_at = commits
        self.seen = commits

    def stop(self) -> None:
        """The job ends with the runtime's scheduler."""
