"""Which database the operator chose, without loading SQLAlchemy: every start (the window, the
runner, each verb) asks this before anything else, and most answer "the data folder's SQLite
file". What the choice means (a server URL, its password) is ``app.store.dburl``."""

from __future__ import annotations

import os

ENV = "DALOY_DATABASE_URL"


def chosen(url: str | None) -> str | None:
    """The operator's database URL (the option wins over the environment); None: SQLite in the
    data folder."""
    value = url if url else os.environ.get(ENV, "")
    return value.strip() or None
