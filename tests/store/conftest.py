"""The store's suites run against every database Daloy works on (as huey runs one suite against
every storage backend): a test that takes ``open_db`` runs once on an SQLite file in the data
folder and once on a fresh database of the test PostgreSQL server (``tests/support/postgres``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.store.db import Database
from tests.support.transitions import every_transition_checked  # noqa: F401 - autouse fixture

OpenDb = Callable[..., Database]


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def open_db(backend: str, request: pytest.FixtureRequest) -> OpenDb:
    """``open_db(folder, **options)``: the database of a data folder on this test's backend.
    On PostgreSQL the folder keeps only logs and files; opening again (a restart) opens the
    same server database."""
    if backend == "sqlite":
        return Database.open_dir
    url: str = request.getfixturevalue("pg_url")

    def open_server(folder: Path, **options: object) -> Database:
        return Database.open_url(url, **options)

    return open_server
