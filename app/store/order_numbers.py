"""Order numbers a shop gives its own orders (the web order form's “W-1001”): one counter per
series in the settings table, taken in a write transaction of its own (SQLite's write lock,
PostgreSQL's writers' turn), so two posts at once, two runner processes on one PostgreSQL
database, or a restart never get the same number. A number taken for a post that is then not
stored is skipped, never given again."""

from __future__ import annotations

from app.store.db import Database
from app.store.models import Setting

KEY = "order_numbers:{series}"


def take(db: Database, series: str, first: int = 1001) -> int:
    """The next number of ``series`` (``first`` for its first order), counted as taken."""
    key = KEY.format(series=series)
    with db.write() as s:
        row = s.get(Setting, key)
        number = first if row is None else max(int(row.value), first)
        if row is None:
            s.add(Setting(key=key, value=number + 1))
        else:
            row.value = number + 1
    return number
