"""Fixtures shared by the step tests: the real runtime on a temporary data folder."""

from __future__ import annotations

import pytest

from tests.support.engine import runtime


@pytest.fixture
def rt(data_dir, keyring_tmp):
    r = runtime(data_dir)
    r.start()
    yield r
    r.shutdown(grace=2)
    r.db.close()
