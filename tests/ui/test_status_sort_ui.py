"""The Orders list sorted by its Status column, in the real window over a real SQLite file: the
orders read “Cancelled” — stopped by the operator, or ended cancelled by their workflow (status
succeeded, ``runs.outcome``) — are one group, never among the green “Done”, across the list's
200-row pages (keyset), going up and down; and so in Filipino (screenshot ``status_sort_fil``)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from app.steps import registry
from app.store.runs import RunStore
from app.ui import language
from app.ui.runs import PAGE, cell_text
from tests.store.test_search import SHOP
from tests.store.test_status_sort import orders
from tests.support.engine import open_database, save
from tests.ui.test_filipino import filipino  # noqa: F401 - a fixture

STATUS = 3
N = PAGE + 31  # more than one page of the list


def seed(data_dir: Path) -> None:
    """``N`` orders in every state (``test_status_sort.orders``), made before the window opens;
    their steps are done, so the runtime leaves them as they are."""
    db = open_database(data_dir)
    try:
        save(db, SHOP)
        orders(RunStore(db, registry().specs), N)
        with db.write() as s:
            s.execute(text("update step_runs set state = 'succeeded'"))
    finally:
        db.close()


def sorted_by_status(qtbot, window, order: Qt.SortOrder) -> list[str]:
    """The Status column of every row, after sorting by it and scrolling the list to its end."""
    window.page("runs")
    table, model = window.runs.table, window.runs.model
    table.horizontalHeader().setSortIndicator(STATUS, order)  # as a click on the title

    def loaded() -> bool:
        if model.canFetchMore():
            table.scrollToBottom()
            model.fetchMore()
        keys = {r["business_key"] for r in model.rows}
        return not model._more and not model._busy and len(keys) >= N

    qtbot.waitUntil(loaded, timeout=20000)
    return [cell_text(r, STATUS) for r in model.rows if r["workflow"] == "shop"]


@pytest.fixture
def gui_after_seed(data_dir, request):
    """The real window, opened over a data folder that already holds the orders (``seed``)."""
    seed(data_dir)
    return request.getfixturevalue("gui")


def groups(states: list[str]) -> list[str]:
    return [k for k, _ in itertools.groupby(states)]


def test_sorting_by_status_keeps_cancelled_apart_from_done(data_dir, gui_after_seed, qtbot):
    _ctx, window = gui_after_seed
    up = sorted_by_status(qtbot, window, Qt.SortOrder.AscendingOrder)
    assert len(up) == N
    assert groups(up) == ["Needs you", "Waiting", "In progress", "Done", "Cancelled"]
    down = sorted_by_status(qtbot, window, Qt.SortOrder.DescendingOrder)
    assert groups(down) == ["Cancelled", "Done", "In progress", "Waiting", "Needs you"]
    # both kinds of cancelled order in the one group
    cancelled = [r for r in window.runs.model.rows if cell_text(r, STATUS) == "Cancelled"]
    assert {(r["status"], r["outcome"]) for r in cancelled} == {
        ("succeeded", "cancelled"),
        ("cancelled", None),
    }


def test_sorting_by_status_in_filipino(filipino, data_dir, gui_after_seed, qtbot, tmp_path):  # noqa: F811
    _ctx, window = gui_after_seed
    assert language.current().apply(language.FILIPINO)
    window.resize(1024, 700)
    down = sorted_by_status(qtbot, window, Qt.SortOrder.DescendingOrder)
    fil = groups(down)
    assert len(fil) == 5 and fil[:2] == ["Na-cancel", "Tapos na"], fil
    shots = Path(os.environ.get("DALOY_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    # the picture: where the cancelled orders end and the done ones begin
    table = window.runs.table
    border = next(
        i
        for i, r in enumerate(window.runs.model.rows)
        if r["status"] == "succeeded" and not r["outcome"] == "cancelled"
    )
    table.scrollTo(table.model().index(border - 4, 0), table.ScrollHint.PositionAtTop)
    window.grab().save(str(shots / "status_sort_fil.png"))
