"""The Orders list's page query (``queries.list_orders``, what ``app.ui.runs`` asks for each
page of 200 rows) over a workspace of orders of which some are practice runs and demo orders:
the first page and a deep page in the usual sorts, the median of several tries each.

    python tests/benchmarks/orders_page.py [--runs 20000] [--data DIR] [--tries 15]

``--data``: a folder to fill once and measure again (another checkout against the same
orders); filled only when it has no workspace yet.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.benchmarks.gui import order  # noqa: E402  (the same orders the GUI figures use)

PAGE = 200


def fill(data: Path, n: int) -> None:
    """``n`` orders; every tenth a practice run, every twentieth a demo order."""
    import argparse as ap

    from app.cli import Env, seed_samples

    env = Env(ap.Namespace(data_dir=str(data), verbose=False))
    seed_samples(env, start_runs=False)
    now = time.time()
    statuses = ("succeeded",) * 8 + ("needs_attention", "running")
    with env.db.engine.begin() as c:
        wf_id, v_id = c.exec_driver_sql("select id, current_version_id from workflows").fetchone()
        rows = []
        for i in range(n):
            trigger = json.loads(order(i))
            demo = i % 20 == 0
            if demo:
                trigger["demo"] = True
            rows.append(
                (
                    uuid.uuid4().hex,
                    wf_id,
                    v_id,
                    "Order fulfilment",
                    statuses[i % 10],
                    f"DEMO-{i}" if demo else f"{100000 + i}",
                    json.dumps(trigger),
                    0,
                    int(i % 10 == 0),
                    now - i,
                    now - i,
                )
            )
        c.exec_driver_sql(
            "insert into runs (id, workflow_id, version_id, workflow_name, status, business_key,"
            " trigger, cancelled, practice, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    env.db.close()


def timed(data: Path, tries: int) -> dict[str, float]:
    from app.store import queries
    from app.store.db import Database

    db = Database.open_dir(data)
    out: dict[str, float] = {}
    for sort in ("created", "status", "customer"):
        for depth in (0, 50):  # the first page, and the page after 50 pages' scrolling
            with db.read() as s:
                after = None
                for _ in range(depth):
                    after = queries.list_orders(s, limit=PAGE, after=after, sort=sort)[-1].cursor
            times = []
            for _ in range(tries):
                t = time.perf_counter()
                with db.read() as s:
                    rows = queries.list_orders(s, limit=PAGE, after=after, sort=sort)
                times.append(time.perf_counter() - t)
            assert len(rows) == PAGE, len(rows)
            out[f"{sort}, page {depth + 1}"] = statistics.median(times) * 1000
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
        for what, ms in timed(data, args.tries).items():
            print(f"orders list page of {PAGE} ({what}): median {ms:.1f} ms")


if __name__ == "__main__":
    main()
