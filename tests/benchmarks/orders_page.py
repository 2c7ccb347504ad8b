"""The Orders list's page query (``queries.list_orders``, what ``app.ui.runs`` asks for each
page of 200 rows) over a workspace of orders of which some are practice runs and demo orders:
the first page and a deep page in the usual sorts, the median of several tries each.

    python tests/benchmarks/orders_page.py [--runs 20000] [--data DIR] [--tries 15]

``--data``: a folder to fill once and measure again (another checkout against the same
orders); filled only when it has no workspace yet.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.benchmarks import gui  # noqa: E402  (the same orders the GUI figures use)

PAGE = 200


def fill(data: Path, n: int) -> None:
    """The GUI figures' ``n`` orders; then every tenth a practice run, every twentieth a demo
    order (numbered and marked as ``app.demo`` makes them)."""
    from app.store.datafolder import DB_FILENAME

    gui.fill(data, n)
    with sqlite3.connect(data / DB_FILENAME) as c:
        number = "cast(business_key as integer)"  # 100000 + i
        c.execute(f"update runs set practice = 1 where {number} % 10 = 0")
        c.execute(
            "update runs set trigger = json_set(trigger, '$.demo', json('true')),"
            f" business_key = 'DEMO-' || business_key where {number} % 20 = 0"
        )


def timed(data: Path, tries: int) -> dict[str, tuple[float, float]]:
    from app.store import queries
    from app.store.db import Database

    db = Database.open_dir(data)
    out: dict[str, tuple[float, float]] = {}
    for sort in ("created", "status", "customer"):
        for depth in (0, 50):  # the first page, and the page after 50 pages' scrolling
            with db.read() as s:
                after = None
                for _ in range(depth):
                    after = queries.list_orders(s, limit=PAGE, after=after, sort=sort)[-1].cursor
            times, cpu = [], []
            for _ in range(tries):
                t, c = time.perf_counter(), time.process_time()
                with db.read() as s:
                    rows = queries.list_orders(s, limit=PAGE, after=after, sort=sort)
                times.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
            assert len(rows) == PAGE, len(rows)
            # CPU time too: on a shared machine it moves less than the wall clock
            out[f"{sort}, page {depth + 1}"] = (
                statistics.median(times) * 1000,
                statistics.median(cpu) * 1000,
            )
    db.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20_000)
    ap.add_argument("--data")
    ap.add_argument("--tries", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(args.data or tmp)
        if not any(data.glob("*.sqlite*")) and not any(data.glob("*.db")):
            t = time.perf_counter()
            fill(data, args.runs)
            print(f"filled {args.runs} orders in {time.perf_counter() - t:.1f} s")
        for what, (ms, cpu) in timed(data, args.tries).items():
            print(f"orders list page of {PAGE} ({what}): median {ms:.1f} ms, CPU {cpu:.1f} ms")


if __name__ == "__main__":
    main()
