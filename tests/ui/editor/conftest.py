"""Editor tests: the window's teardown closes it as quitting (pytest-qt closes registered
widgets before fixtures tear down, and a window closed otherwise may ask whether to keep
Daloy running in the background — a question no test answers)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    gui = getattr(item, "funcargs", {}).get("gui")
    if gui is not None:
        gui[1].quitting = True


@pytest.fixture
def sample_page(gui, qtbot):
    """The Workflows page with the sample “Order fulfilment” open (other samples may be listed
    before it)."""
    _ctx, window = gui
    window.page("workflows")
    page = window.workflows
    qtbot.waitUntil(lambda: "Order fulfilment" in page.rows and page.current is not None,
                    timeout=10000)
    if page.current != "Order fulfilment":
        page.list.setCurrentItem(next(
            page.list.item(i) for i in range(page.list.count())
            if page.list.item(i).data(Qt.ItemDataRole.UserRole) == "Order fulfilment"))
    assert page.current == "Order fulfilment"
    return page
