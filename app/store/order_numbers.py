"""Order numbers a shop gives its own orders (the web order form's “W-1001”, a typed-in order's
“H-0001”): one counter per series in the settings table, taken in a write transaction (SQLite's
write lock, PostgreSQL's writers' turn), so two posts at once, two desks, two runner processes
on one PostgreSQL database, or a restart never get the same number. A number taken for a post
that is then not stored is skipped, never given again; ``peek`` reads the next one without
taking it (a form showing it before the order starts).

A backup put back holds the counters of when it was taken, though numbers were given since:
``carry_forward`` raises them to those of the workspace it replaces, or, when that cannot be
read, skips ``MARGIN`` ahead (a gap in the numbers is harmless; a number given twice is two
customers holding one order number)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy.orm import Session

from app.store import settings
from app.store.db import Database

KEY = "order_numbers:{series}"
# How far ahead each series starts after a put-back whose replaced workspace cannot be read; for
# a series with no counter yet (the backup is older than its first number) ``take`` adds it.
AHEAD_KEY = "order_numbers_ahead"
MARGIN = 1000
_OURS = "order_numbers%"  # every counter and AHEAD_KEY, as LIKE matches them


def peek(s: Session, series: str, first: int = 1001) -> int:
    """The number ``take`` would give next, not taken (``first`` for the series' first order,
    or a higher one the caller knows is used)."""
    given = settings.get(s, KEY.format(series=series))
    if given is None:
        return first + int(settings.get(s, AHEAD_KEY, 0))
    return max(int(given), first)


def take_in(s: Session, series: str, first: int = 1001) -> int:
    """The next number of ``series``, counted as taken in ``s``'s write transaction (the
    order it numbers is stored in the same one)."""
    number = peek(s, series, first)
    settings.put(s, KEY.format(series=series), number + 1)
    return number


def take(db: Database, series: str, first: int = 1001) -> int:
    """The next number of ``series`` (``first`` for its first order), counted as taken."""
    with db.write() as s:
        return take_in(s, series, first)


def given_in(path: Path) -> dict[str, int]:
    """The counters of the SQLite database at ``path``, read-only (none when there is no such
    file: nothing was numbered there). Raises ``sqlite3.Error`` or ``ValueError`` when it cannot
    be read."""
    if not Path(path).exists():
        return {}
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        rows = conn.execute("SELECT key, value FROM settings WHERE key LIKE ?", (_OURS,)).fetchall()
    finally:
        conn.close()
    # a JSON column: SQLite keeps a number as an integer (the column's affinity) or as text
    return {key: int(json.loads(v) if isinstance(v, str | bytes) else v) for key, v in rows}


def carry_forward(s: Session, later: dict[str, int] | None) -> None:
    """In ``s``'s transaction: each counter the higher of its own and ``later``'s (the counters
    of a workspace that went on numbering); ``later`` None (unknown): every series skips
    ``MARGIN`` ahead instead, those not started yet too (``AHEAD_KEY``)."""
    own = settings.matching(s, _OURS)
    if later is None:
        later = {key: int(v) + MARGIN for key, v in own.items()}
        later[AHEAD_KEY] = max(later.get(AHEAD_KEY, 0), MARGIN)
    for key, value in later.items():
        if key not in own or int(own[key]) < value:
            settings.put(s, key, value)
