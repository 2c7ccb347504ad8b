"""An order's total from its workflow (``order_total``) is written in the transaction that
records the step it comes from: a runner killed at each named point of a step's result (before
the commit, mid-batch of in-line steps, just after) leaves every order either with that step
succeeded and its total shown, or with neither — never a total the steps did not make, never
a succeeded step without its total. The real runner process, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.steps import registry
from app.store.db import Database
from app.store.runs import RunStore
from tests.runtime.test_crash import crash_at, finish_cleanly, query
from tests.support.engine import save
from tests.test_order_total import PRICED

RUNS = 4


def expected(i: int) -> float:
    return 100.0 * i + 0.5


def setup(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    db = Database.open_dir(data)
    save(db, PRICED)
    store = RunStore(db, registry().specs)
    for i in range(RUNS):  # no total of their own, as an emailed order
        store.start_run("priced", {"order": {"number": f"#{i}", "worked_out": expected(i)}})
    db.close()
    return data


def facts(data: Path) -> list[tuple[str, str, float | None, float]]:
    """Each run: its number, its ``price`` step's state, its listed total, the right total."""
    return [
        (number, state, total, expected(int(number[1:])))
        for number, state, total in query(
            data,
            "select r.business_key, s.state, f.total from runs r "
            "join step_runs s on s.run_id = r.id and s.name = 'price' "
            "join run_facts f on f.run_id = r.id",
        )
    ]


def check_consistent(data: Path) -> None:
    for number, state, total, right in facts(data):
        if state == "succeeded":
            assert total == right, (number, state, total)
        else:
            assert total is None, (number, state, total)


@pytest.mark.parametrize(
    "point", ["before_result_commit", "after_inline_step", "after_result_commit"]
)
def test_a_crash_never_leaves_a_wrong_total(tmp_path, point):
    data = setup(tmp_path)
    check_consistent(data)
    seen: set[str] = set()
    # each commit takes up to two in-line steps (price, done): the 5th is past a commit
    for n in (1, 5) if point == "after_inline_step" else (1, 2):
        crash_at(data, point, n, RUNS)
        check_consistent(data)
        seen |= {state for _n, state, _t, _r in facts(data)}
    assert "succeeded" in seen  # a result was committed: totals were checked against real steps
    finish_cleanly(data, RUNS)
    assert [(n, t) for n, _s, t, _r in facts(data)] == [(n, r) for n, _s, _t, r in facts(data)]
