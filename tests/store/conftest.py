"""Fixtures of the store tests: a real runtime on a real SQLite file."""

from __future__ import annotations

import pytest

from tests.support.engine import runtime


@pytest.fixture
def rt(data_dir):
    r = runtime(data_dir)
    r.start()
    yield r
    r.shutdown(grace=2)
    r.db.close()
