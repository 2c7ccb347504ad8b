"""What one kept-sheet save costs as orders pile up: a 5,000-row stock sheet changed by one
order per save, in this process, the figures taken after 200, 2,000 and 5,000 orders.

    python tests/benchmarks/sheet_saves.py [--orders 5000] [--rows 5000]

Each save writes the changed cell and the record of the orders whose steps may still run; the
database's answer to "which recorded orders are finished" is stood in for by the orders saved
before (as in a runner, where a step is recorded succeeded right after its save), so this
measures the sheet's own work: wall time (its two fsyncs included) and CPU per save, and the
file's size. With a record that grew a row per order, CPU per save grew with the orders made
(measured: 2.5 ms after 200 orders, 5.5 ms after 5,000); it should stay flat.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Collection
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from app.connectors import sheet_files  # noqa: E402
from app.connectors.sheets import Table  # noqa: E402
from tests.benchmarks.order_fulfilment import stock_sheet  # noqa: E402

SKU = "ITEM-01234"


def take_one(table: Table) -> dict[str, Any]:
    i = table.find("SKU", SKU)
    assert i is not None
    col = table.column("Stock")
    before = table.rows[i][col]
    table.set(i, col, before - 1)
    return {"changed": [{"key": SKU, "before": before, "after": before - 1}]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=5000)
    ap.add_argument("--rows", type=int, default=5000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "inventory.xlsx"
        stock_sheet(path, args.rows, 10 * args.orders)
        saved: set[str] = set()

        def finished(keys: Collection[str]) -> tuple[set[str], set[str]]:
            return {k for k in keys if k in saved}, set()

        sheet = sheet_files.sheet_file(str(path))

        def order(n: int) -> None:
            key = f"daloy-{n:032x}-update_stock"
            sheet.apply_once(None, key, take_one, finished)
            saved.add(key)

        marks = [m for m in (200, 2000, 5000, args.orders) if m <= args.orders]
        n = 0
        for mark in sorted(set(marks)):
            while n < mark:
                order(n)
                n += 1
            wall, cpu = time.perf_counter(), time.process_time()
            for i in range(100):  # measured: 100 more, not counted in the history
                order(10**9 + n * 1000 + i)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(
                f"after {mark} orders: {wall * 10:.2f} ms wall, {cpu * 10:.2f} ms CPU per save; "
                f"file {path.stat().st_size // 1024} KB; {sheet.forgotten} records forgotten",
                flush=True,
            )


if __name__ == "__main__":
    main()
