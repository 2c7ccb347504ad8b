"""Kept sheets killed anywhere in a save, at any interleaving of the orders saved together: a
process works waves of orders on one sheet, each wave's orders at once on threads of their own
(so they are saved in batches; some orders twice at once, as a retry meets an attempt that
outlived its time limit), each order "finished for good" once its change returned (written to a
file, as the engine records the step), so later saves forget its record. It is killed
(``os._exit``) at a crash point chosen by hypothesis; this process then works every order again
(the unfinished as the engine's retry, the finished as late attempts), on the same
``sheet_files`` code, as a runner started after the crash would. Each order's change is in the
sheet exactly once, and every result of an order is its first one.

The real runner's crash tests (``test_sheet_crash.py``) show the same for a few fixed points; this
one fuzzes the points and the batches, csv (ledger) and xlsx (record sheet) alike.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from app.connectors import sheet_files, sheets
from app.core.errors import PermanentError
from app.crashpoints import EXIT_CODE
from app.resources import resource_path
from tests.runtime.test_crash import REPO
from tests.steps.test_once import csv_stock, xlsx_stock

STOCK = 1000
# (key number, amount, twice at once); a wave's orders run at the same time
WAVES = st.lists(
    st.lists(
        st.tuples(st.integers(0, 7), st.integers(1, 9), st.booleans()), min_size=1, max_size=4
    ),
    min_size=1,
    max_size=3,
)
POINTS = st.tuples(
    st.sampled_from(["sheet_changed", "sheet_pruned", "sheet_ledger_written", "sheet_written"]),
    st.integers(1, 4),
)

WORKER = """
import json, sys, threading
from tests.steps.test_sheet_kills import Finished

args = json.loads(sys.argv[1])
finished = Finished(args["done"])
for wave in args["waves"]:
    threads = [
        threading.Thread(target=finished.order, args=(args["path"], key, qty))
        for key, qty, twice in wave
        for _ in range(2 if twice else 1)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
"""


def key_of(n: int) -> str:
    return f"daloy-{n:032x}-s"


def take(qty: int) -> sheet_files.Change:
    def change(table: sheets.Table) -> dict[str, Any]:
        idx = table.find(table.header[0], "RICE-25")
        col = table.column("Stock")
        before = int(table.rows[idx][col])
        table.set(idx, col, before - qty)
        return {"changed": [{"key": "RICE-25", "before": before, "after": before - qty}]}

    return change


class Finished:
    """The steps finished for good and their results, durable in a file (one line each, synced
    before the order counts as finished, as the engine commits a step's success): the database's
    answer to ``sheet_files``."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self.results: dict[str, list[dict[str, Any]]] = {}
        if self.path.exists():
            for line in self.path.read_text().splitlines():
                key, _, result = line.partition(" ")
                self.results.setdefault(key, []).append(json.loads(result))

    def answer(self, asked: Any) -> tuple[set[str], set[str]]:
        with self._lock:
            return set(self.results) & set(asked), set()

    def order(self, path: str, key: str, qty: int) -> None:
        out = sheet_files.apply_once(path, None, key, take(qty), self.answer)
        with self._lock, self.path.open("a") as f:
            f.write(f"{key} {json.dumps(out)}\n")
            f.flush()
            os.fsync(f.fileno())
            self.results.setdefault(key, []).append(out)


def a_sheet(folder: Path, kind: str) -> Path:
    if kind == "csv":
        path = folder / "stock.csv"
        path.write_text(f"SKU,Stock\nRICE-25,{STOCK}\nOIL-1L,5\n")
        return path
    path = folder / "inventory.xlsx"
    path.write_bytes(resource_path("samples", "inventory.xlsx").read_bytes())
    wb = openpyxl.load_workbook(path)
    for row in wb.worksheets[0].iter_rows(min_row=2):
        if row[0].value == "RICE-25":
            row[2].value = STOCK
    wb.save(path)
    return path


def recorded(path: Path) -> dict[str, str]:
    """Each key the file records, with its state (csv: the ledger's; xlsx: done)."""
    if path.suffix == ".csv":
        return {k: e["state"] for k, e in sheets.read_ledger(path).items()}
    wb = openpyxl.load_workbook(path)
    if sheets.APPLIED_SHEET not in wb.sheetnames:
        return {}
    return {r[0]: "done" for r in wb[sheets.APPLIED_SHEET].iter_rows(values_only=True)}


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(waves=WAVES, point=POINTS, kind=st.sampled_from(["csv", "xlsx"]))
# two waves: the second wave's save forgets the first's records, and is killed there
@example(
    waves=[[(0, 1, False), (1, 2, True)], [(2, 3, False), (3, 4, True)]],
    point=("sheet_pruned", 1),
    kind="csv",
)
@example(
    waves=[[(0, 1, True), (1, 2, False)], [(2, 3, True)]], point=("sheet_written", 2), kind="csv"
)
@example(
    waves=[[(0, 1, False)], [(1, 2, True), (2, 3, False)]],
    point=("sheet_ledger_written", 2),
    kind="csv",
)
@example(
    waves=[[(0, 1, False), (1, 2, True)], [(2, 3, False), (0, 1, True)]],
    point=("sheet_pruned", 1),
    kind="xlsx",
)
def test_a_kill_anywhere_in_batched_saves_that_forget_applies_each_order_once(
    tmp_path_factory, waves, point, kind
):
    folder = tmp_path_factory.mktemp("kill")
    path = a_sheet(folder, kind)
    done = folder / "finished.txt"
    # an order number stands for one order: its amount is its first appearance's
    amounts: dict[str, int] = {}
    plan = []
    for wave in waves:
        plan.append([])
        for n, qty, twice in wave:
            key = key_of(n)
            amounts.setdefault(key, qty)
            plan[-1].append((key, amounts[key], twice))
    args = {"path": str(path), "done": str(done), "waves": plan}
    p = subprocess.run(
        [sys.executable, "-c", WORKER, json.dumps(args)],
        cwd=REPO,
        env={**os.environ, "DALOY_CRASHPOINT": f"{point[0]}:{point[1]}"},
        capture_output=True,
        timeout=120,
    )
    assert p.returncode in (0, EXIT_CODE), p.stderr.decode()
    event(f"killed at {point[0]}" if p.returncode == EXIT_CODE else "not killed")
    # after the kill: every order again, at once (unfinished: the retry; finished: a late attempt)
    finished = Finished(str(done))
    before = set(finished.results)
    errors: list[BaseException] = []

    def again(key: str) -> None:
        try:
            finished.order(str(path), key, amounts[key])
        except PermanentError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=again, args=(key,)) for key in amounts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # only a late attempt of an order finished before, whose record was forgotten, is refused
    assert all("already finished" in str(e) for e in errors), errors
    assert len(errors) <= len(before)
    stock = csv_stock(path, "RICE-25") if kind == "csv" else xlsx_stock(path)
    assert int(stock) == STOCK - sum(amounts.values())
    # every result of an order is its first: one change, made once
    for key, results in finished.results.items():
        firsts = {json.dumps(r["changed"]) for r in results}
        assert len(firsts) == 1, (key, results)
    # nothing left for a person to check, and no order both forgotten and unfinished
    assert set(recorded(path).values()) <= {"done"}
    assert set(amounts) <= set(finished.results)


def test_an_undecided_order_asked_about_during_a_save_stays_asked(tmp_path):
    """A csv's record holds an order Daloy could not decide (killed mid-write, the file edited
    since: a person is asked once). Its attempt comes while another order's save writes the
    record: it is asked, and the record it leaves (without the order, for the person's retry)
    is the one on disk after that save, which never writes its older copy over it."""
    path = tmp_path / "stock.csv"
    path.write_text(f"SKU,Stock\nRICE-25,{STOCK}\n")
    undecided = key_of(1)
    ledger = {"state": "unknown", "before": "0", "after": "1", "result": {}, "at": 1e10}
    sheets.write_ledger(path, {undecided: ledger})
    sheet = sheet_files.SheetFile(path)
    asked: list[BaseException] = []

    def ask() -> None:
        try:
            sheet.apply_once(None, undecided, take(5))
        except PermanentError as exc:
            asked.append(exc)

    other = threading.Thread(target=ask)

    def during_the_save(keys: Any) -> tuple[set[str], set[str]]:
        # the save writes the record unlocked: the undecided order's attempt may come now
        if not other.is_alive() and not asked:
            other.start()
            other.join(2)  # its chance to act while the save writes (it may wait for it)
        return set(), set()

    sheet.apply_once(None, key_of(0), take(3), during_the_save)
    other.join(30)
    assert len(asked) == 1 and "Check the rows" in str(asked[0])
    assert set(sheets.read_ledger(path)) == {key_of(0)}  # asked once: gone for the retry
    assert int(csv_stock(path, "RICE-25")) == STOCK - 3
