"""Editor tests: the Workflows page with the sample open. (Windows are closed as by Quit at
teardown for every GUI test: ``tests/ui/conftest.py``.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def sample_page(gui, qtbot):
    """The Workflows page with the sample “Order fulfilment” open (other samples may be listed
    before it)."""
    _ctx, window = gui
    window.page("workflows")
    page = window.workflows
    qtbot.waitUntil(
        lambda: "Order fulfilment" in page.rows and page.current is not None, timeout=10000
    )
    if page.current != "Order fulfilment":
        page.list.setCurrentItem(
            next(
                page.list.item(i)
                for i in range(page.list.count())
                if page.list.item(i).data(Qt.ItemDataRole.UserRole) == "Order fulfilment"
            )
        )
    assert page.current == "Order fulfilment"
    return page
