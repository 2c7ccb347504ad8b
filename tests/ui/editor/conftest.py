"""Editor tests: the window's teardown closes it as quitting (pytest-qt closes registered
widgets before fixtures tear down, and a window closed otherwise may ask whether to keep
Daloy running in the background — a question no test answers)."""

from __future__ import annotations

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    gui = getattr(item, "funcargs", {}).get("gui")
    if gui is not None:
        gui[1].quitting = True
