"""The CPU of one kept-xlsx save's in-memory work, without the disk or the database: a
5,000-row stock sheet, one cell changed per save, patched (``xlsx_cells.patch``) and zipped
again (``Package.zipped``), as ``sheet_files`` does at each save. Prints microseconds per save,
split into the patch and the zip, and fresh memory page faults per save (``ru_minflt``).
With ``--threads N`` each save runs on one of N threads in turn, as a runner's saves run on
whichever step's worker thread finds no save in progress (each thread allocates from its own
malloc arena, so big objects freed by one are not reused by the next: more page faults).

    python tests/benchmarks/xlsx_save_path.py [--saves 500] [--rows 5000] [--threads 1]
        [--cells 1]  # cells changed per save: a batch of several orders changes several
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from app.connectors import sheets, xlsx_cells  # noqa: E402
from app.connectors.xlsx_package import Package  # noqa: E402
from tests.benchmarks.order_fulfilment import stock_sheet  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--saves", type=int, default=500)
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--cells", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "inventory.xlsx"
        stock_sheet(path, args.rows, 10 * args.saves)
        data = path.read_bytes()
    package = Package.unzip(data)
    title = next(iter(xlsx_cells.sheet_parts(package)))
    _, package = package.zipped()  # as after the first save: every part's pieces at hand
    patch_s = zip_s = 0.0
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    records: list[list[str]] = []
    turns = [threading.Semaphore(0) for _ in range(args.threads)]

    def saves(first: int) -> None:
        nonlocal package, data, records, patch_s, zip_s
        for n in range(first, args.saves, args.threads):
            turns[first].acquire()
            # different rows each save, all over the sheet
            rows = [2 + (n * 37 + k * 1009) % (args.rows - 1) for k in range(args.cells)]
            cells = [xlsx_cells.Cell(title, row, 3, 1000 + n) for row in rows]
            records = [*records[-4:], [f"daloy-{n:032x}-update_stock", '{"ok": 1}', "now"]]
            t = time.process_time()
            new = xlsx_cells.patch(package, cells, sheets.APPLIED_SHEET, records)
            assert new is not None
            t2 = time.process_time()
            data, package = new.zipped()
            zip_s += time.process_time() - t2
            patch_s += t2 - t
            turns[(first + 1) % args.threads].release()  # the next save, on the next thread

    workers = [threading.Thread(target=saves, args=(i,)) for i in range(args.threads)]
    for worker in workers:
        worker.start()
    turns[0].release()
    for worker in workers:
        worker.join()
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
    per = 1e6 / args.saves
    print(
        f"{args.saves} saves of a {args.rows}-row sheet ({len(data) // 1024} KB): "
        f"patch {patch_s * per:.0f} µs, zip {zip_s * per:.0f} µs, "
        f"total {(patch_s + zip_s) * per:.0f} µs CPU per save; "
        f"{faults / args.saves:.0f} page faults per save"
    )


if __name__ == "__main__":
    main()
