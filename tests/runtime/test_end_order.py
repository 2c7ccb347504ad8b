"""“End the order” (``app.steps.end_order``): an order its workflow ends cancelled runs to its end
(status ``succeeded``) and its run records ``outcome = "cancelled"`` in the transaction of the
step's success; it reads “Cancelled” in the orders list and the export, the Status filter
“Cancelled” finds it (and “Done” does not), and the dashboard does not count it as ran cleanly.
On both databases, through the real runtime; and a runner killed at the step's commit never
leaves the outcome without the step's success or the other way round."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.core import machine as m
from app.core import order_states
from app.crashpoints import EXIT_CODE
from app.store import dashboard, export, queries
from tests.support.engine import run_status, save, step_state, wait_for

ENDING = {
    "name": "ending",
    "business_key": "{{ trigger.order.number }}",
    "steps": [
        {
            "name": "in_stock",
            "type": "condition",
            "config": {"expression": "{{ trigger.order.in_stock }}"},
        },
        {"name": "ship", "type": "transform", "config": {"values": {"shipped": True}}},
        {
            "name": "end_cancelled",
            "type": "end_order",
            "title": "The order ends cancelled",
            "config": {
                "outcome": "cancelled",
                "note": "Cancelled: {{ trigger.order.number }} was out of stock",
            },
        },
    ],
    "edges": [
        {"from": "in_stock", "port": "true", "to": "ship"},
        {"from": "in_stock", "port": "false", "to": "end_cancelled"},
    ],
}


def outcome(db, run_id: str) -> str | None:  # noqa: ANN001
    return db.execute_sql(f"select outcome from runs where id = '{run_id}'")[0][0]


def test_an_order_the_workflow_cancels_runs_to_its_end_and_reads_cancelled(rt) -> None:  # noqa: ANN001
    save(rt.db, ENDING)
    since = time.time() - 1
    cancelled = rt.store.start_run("ending", {"order": {"number": "C-1", "in_stock": False}})
    shipped = rt.store.start_run("ending", {"order": {"number": "S-1", "in_stock": True}})
    for run_id in (cancelled, shipped):
        wait_for(lambda r=run_id: run_status(rt.db, r) == m.RUN_SUCCEEDED)

    # the engine's status is untouched (every step ran); the workflow's outcome is recorded
    assert (outcome(rt.db, cancelled), outcome(rt.db, shipped)) == ("cancelled", None)
    assert step_state(rt.db, cancelled, "end_cancelled") == (m.SUCCEEDED, 1)
    assert step_state(rt.db, shipped, "end_cancelled")[0] == m.SKIPPED
    assert rt.db.execute_sql(f"select cancelled from runs where id = '{cancelled}'")[0][0] in (
        False,
        0,
    )  # not the operator's Cancel
    with rt.db.read() as s:
        detail = queries.run_detail(s, cancelled)
        rows = {r.id: r for r in queries.list_orders(s)}
        by_filter = {
            status: [r.business_key for r in queries.list_orders(s, status=status)]
            for status in ("cancelled", "succeeded")
        }
        counted = queries.count_runs(s, status="cancelled")
        figures = dashboard.figures(s, since, time.time() + 1)
        behind = {
            f: dashboard.orders_behind(s, f, since, time.time() + 1) for f in ("clean", "cancelled")
        }
    end = next(st for st in detail["steps"] if st["name"] == "end_cancelled")
    assert end["output"] == {"outcome": "cancelled", "note": "Cancelled: C-1 was out of stock"}
    assert detail["outcome"] == "cancelled"

    # the list's row, its words, the export's cell
    row = rows[cancelled]
    assert (row.status, row.outcome, row.cancelled) == ("succeeded", "cancelled", False)
    said = order_states.said(row.status, cancelled=row.cancelled, outcome=row.outcome)
    assert said == "Cancelled"
    assert export.cells(row)[[a for a, _t in export.COLUMNS].index("status")] == "Cancelled"
    assert export.cells(rows[shipped])[[a for a, _t in export.COLUMNS].index("status")] == "Done"

    # the Status filter: “Cancelled” finds it, “Done” does not
    assert by_filter == {"cancelled": ["C-1"], "succeeded": ["S-1"]}
    assert counted == 1

    # the dashboard: two orders, one ran cleanly, one cancelled (nobody was asked here)
    assert (figures.orders, figures.clean, figures.needed_person, figures.cancelled) == (2, 1, 0, 1)
    assert behind == {"clean": [shipped], "cancelled": [cancelled]}


def test_ending_done_reads_done(rt) -> None:  # noqa: ANN001
    wf = {
        "name": "ends-done",
        "steps": [
            {"name": "a", "type": "transform", "config": {"values": {"x": 1}}},
            {"name": "end", "type": "end_order", "config": {"outcome": "done"}},
        ],
        "edges": [{"from": "a", "to": "end"}],
    }
    save(rt.db, wf)
    run_id = rt.store.start_run("ends-done", {})
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_SUCCEEDED)
    assert outcome(rt.db, run_id) == "done"
    with rt.db.read() as s:
        row = next(r for r in queries.list_orders(s) if r.id == run_id)
        assert [r.id for r in queries.list_orders(s, status="succeeded")] == [run_id]
        assert queries.list_orders(s, status="cancelled") == []
    assert order_states.said(row.status, outcome=row.outcome) == "Done"


# -- crash safety -----------------------------------------------------------------------------
ONLY_END = {
    "name": "only-end",
    "business_key": "{{ trigger.order.number }}",
    "steps": [{"name": "end", "type": "end_order", "config": {"outcome": "cancelled"}}],
    "edges": [],
}


def _never_one_without_the_other(data: Path) -> list[tuple[str, str | None]]:
    """Each run's (end step's state, outcome); fails when an outcome is recorded without the
    step's success or a success without its outcome."""
    from tests.runtime.test_crash import query

    rows = query(
        data,
        "select s.state, r.outcome from runs r join step_runs s on s.run_id = r.id",
    )
    for state, ended in rows:
        assert (state == "succeeded") == (ended == "cancelled"), rows
    return rows


@pytest.mark.slow
@pytest.mark.parametrize("point", ["before_result_commit", "after_result_commit"])
def test_a_runner_killed_at_the_steps_commit_records_both_or_neither(tmp_path, point) -> None:  # noqa: ANN001
    from tests.runtime.test_crash import daloy, finish_cleanly, setup

    data, ids = setup(tmp_path, None, None, runs=4, wf=ONLY_END)
    crashed = daloy(data, "runner", env={"DALOY_CRASHPOINT": f"{point}:1"})
    assert crashed.wait(60) == EXIT_CODE, crashed.stderr.read()
    states = [state for state, _o in _never_one_without_the_other(data)]
    # killed right before the commit: that step is still running, with no outcome; right after
    # it: that one is done, outcome and all
    assert (m.RUNNING in states) if point == "before_result_commit" else (m.SUCCEEDED in states)
    finish_cleanly(data, len(ids))
    assert _never_one_without_the_other(data) == [("succeeded", "cancelled")] * len(ids)


def test_an_order_reads_cancelled_by_its_outcome_only_once_finished() -> None:
    said = order_states.said
    assert said("succeeded", outcome="cancelled") == "Cancelled"
    assert said("succeeded", outcome="done") == "Done"
    assert said("succeeded", outcome="cancelled", practice=True) == "Cancelled"
    # another of its paths still waits for a person: it says so, not “Cancelled” yet
    assert said("needs_attention", outcome="cancelled") == "Needs you"
    assert said("running", outcome="cancelled") == "In progress"
