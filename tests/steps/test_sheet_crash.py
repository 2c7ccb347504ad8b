"""Batched sheet saves lose nothing and repeat nothing when Daloy is killed between an order's
change and its save: a real runner works on 8 orders of one sheet (4 workers, so changes are
saved in batches) and is stopped at a crash point (``os._exit``, no clean-up); a clean runner
then finishes every order. Each order's change is in the sheet exactly once, recorded once with
its idempotency key.

- ``sheet_changed``: a change made in memory, not saved; its step was not recorded, and runs
  again.
- ``sheet_ledger_written`` (csv): the batch's ledger entries are on disk, the sheet is not.
- ``sheet_written``: the batch's file is replaced; none of its steps recorded success yet, so
  each runs again and finds its key recorded.
- ``sheet_pruned``: a save is about to forget the records of orders whose steps the database
  has finished for good (so the record stays the size of the orders in flight); killed there,
  nothing of it is on disk, and no forgotten order is applied again.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from app.connectors import sheets
from app.core import machine as m
from app.resources import resource_path
from app.steps import registry
from app.store.db import Database
from app.store.runs import RunStore
from tests.runtime.test_crash import query, statuses
from tests.steps.test_once import (
    FAST,
    crash_then_run,
    csv_stock,
    not_settled,
    run_until,
    start_in_runner,
    stock_csv,
    update_input,
)

ORDERS = 8


def xlsx_sheet(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.xlsx"
    path.write_bytes(resource_path("samples", "inventory.xlsx").read_bytes())
    return path


def orders_in_runner(tmp_path: Path, kind: str) -> tuple[Path, Path, list[str]]:
    """A data folder whose workflow takes each order's lines off the sheet, 8 orders waiting."""
    if kind == "csv":
        path = stock_csv(tmp_path, a=100)
        inp = update_input(path)
    else:
        path = xlsx_sheet(tmp_path)
        inp = {**update_input(path), "key_column": "SKU", "column": "Stock"}
    config = {**inp, "items": "{{ trigger.lines }}"}
    step = {"name": "s", "type": "spreadsheet_update", "config": config, "retry": FAST}
    sku = "A" if kind == "csv" else "OIL-1L"
    data, first = start_in_runner(tmp_path, step, {"lines": [{"sku": sku, "qty": 1}]})
    db = Database.open_dir(data)
    try:
        store = RunStore(db, registry().specs)
        rest = [
            store.start_run("once", {"lines": [{"sku": sku, "qty": 1 + i}]})
            for i in range(1, ORDERS)
        ]
    finally:
        db.close()
    return data, path, [first, *rest]


def crash_then_finish_all(data: Path, point: str, orders: int = ORDERS) -> list[dict]:
    """Run until the crash point, then a clean runner until every order succeeded; the
    steps' outputs."""
    crash_then_run(data, point, lambda: statuses(data).get(m.RUN_SUCCEEDED) == orders, 90)
    db = Database.open_dir(data, migrate=False)
    try:
        return [json.loads(o) for (o,) in db.execute_sql("select output from step_runs")]
    finally:
        db.close()


def story(data: Path, path: Path, outputs: list[dict]) -> str:
    """Each order's attempts, the steps' results and the file's record: what a failed check of
    a once-guarantee shows, since a kill's interleaving is seldom the same twice."""
    attempts = query(
        data, "select run_id, number, outcome, error from attempts order by run_id, number"
    )
    return "\n".join(
        ["attempts:", *map(str, attempts), "outputs:", *map(json.dumps, outputs)]
        + ["recorded:", *recorded_keys(path), not_settled(data)]
    )


def recorded_keys(path: Path) -> list[str]:
    if path.suffix == ".csv":
        return [k for k, e in sheets.read_ledger(path).items() if e["state"] == "done"]
    return [
        r[0] for r in openpyxl.load_workbook(path)["_daloy_applied"].iter_rows(values_only=True)
    ]


@pytest.mark.parametrize(
    "kind, point",
    [
        ("xlsx", "sheet_changed:3"),
        ("xlsx", "sheet_written:2"),
        ("csv", "sheet_changed:3"),
        ("csv", "sheet_ledger_written:2"),
        ("csv", "sheet_written:2"),
    ],
)
def test_runner_killed_between_changes_and_their_save_applies_each_order_once(
    tmp_path, kind, point
):
    data, path, run_ids = orders_in_runner(tmp_path, kind)
    outputs = crash_then_finish_all(data, point)
    why = story(data, path, outputs)
    taken = sum(range(1, ORDERS + 1))  # order i takes i
    if kind == "csv":
        assert int(csv_stock(path)) == 100 - taken, why
    else:
        ws = openpyxl.load_workbook(path).worksheets[0]
        stock = next(r[2] for r in ws.iter_rows(values_only=True) if r[0] == "OIL-1L")
        assert stock == 120 - taken, why
    keys = recorded_keys(path)
    # each once at most: an order's record is forgotten once its step is finished for good
    assert len(keys) == len(set(keys)) and set(keys) <= {f"daloy-{r}-s" for r in run_ids}, why
    # every step's result is its own order's change, first or found again
    assert (
        sorted(o["changed"][0]["before"] != o["changed"][0]["after"] for o in outputs)
        == [True] * ORDERS
    ), why
    if point.startswith("sheet_written"):
        assert any(o["already_applied"] for o in outputs), why  # saved, then found again


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_records_of_finished_orders_are_forgotten_and_a_kill_while_forgetting_repeats_nothing(
    tmp_path, kind
):
    """8 orders finish; 8 more come, and the runner is killed at the first save that forgets
    the earlier orders' records (their steps succeeded). A clean runner finishes: each of the
    16 orders is taken off once, and the earlier records are gone from the file."""
    data, path, run_ids = orders_in_runner(tmp_path, kind)
    run_until(data, lambda: statuses(data).get(m.RUN_SUCCEEDED) == ORDERS, 90)
    left = set(recorded_keys(path))
    assert left  # the last save's own orders at least: no save forgets its own batch
    db = Database.open_dir(data)
    try:
        store = RunStore(db, registry().specs)
        sku = "A" if kind == "csv" else "OIL-1L"
        run_ids += [
            store.start_run("once", {"lines": [{"sku": sku, "qty": 1 + i}]}) for i in range(ORDERS)
        ]
    finally:
        db.close()
    outputs = crash_then_finish_all(data, "sheet_pruned:1", 2 * ORDERS)
    taken = 2 * sum(range(1, ORDERS + 1))
    if kind == "csv":
        assert int(csv_stock(path)) == 100 - taken
    else:
        ws = openpyxl.load_workbook(path).worksheets[0]
        assert next(r[2] for r in ws.iter_rows(values_only=True) if r[0] == "OIL-1L") == 120 - taken
    keys = recorded_keys(path)
    why = story(data, path, outputs)
    assert len(keys) == len(set(keys)) and set(keys) <= {f"daloy-{r}-s" for r in run_ids}, why
    assert not left & set(keys), why  # finished for good: forgotten
    # nothing saved when killed: a result found again is only that of an order whose attempt
    # in the clean runner outlived its time limit (a loaded machine) while its save was written
    found_again = {
        r
        for r, o in query(data, "select run_id, output from step_runs")
        if json.loads(o)["already_applied"]
    }
    timed_out = {r for (r,) in query(data, "select run_id from attempts where outcome = 'timeout'")}
    assert found_again <= timed_out, why
