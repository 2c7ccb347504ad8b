"""How the database grows with orders, and what the clean-up gives back.

    python tests/benchmarks/store_growth.py [--orders 200000] [--sample 50]

1. Bytes per order: ``--sample`` practice orders of the bundled order-fulfilment sample run
   through a real runtime; the file's growth (after a checkpoint) divided by their number.
2. A history of ``--orders`` finished orders over two years (the sampled orders' rows copied in
   SQL with earlier dates: running a million orders here would take hours), then: the file size,
   the dashboard's query time over the last 30 days and the last year, a backup's time, the
   clean-up (keep 1 year) with its time, and the size after it (pages reused; after the one-time
   ``--compact`` VACUUM the file shrinks).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DALOY_ALLOW_INSECURE_KEYRING", "1")

from app.cli import Env, seed_samples  # noqa: E402
from app.store import backups, dashboard, retention  # noqa: E402
from app.store.db import DB_FILENAME  # noqa: E402

DAY = 86400.0


def size(folder: Path) -> int:
    return sum(
        (folder / f"{DB_FILENAME}{s}").stat().st_size
        for s in ("", "-wal")
        if (folder / f"{DB_FILENAME}{s}").exists()
    )


def sample_orders(folder: Path, n: int) -> tuple[Env, float]:
    import argparse as ap

    from app.runtime.runtime import Runtime

    env = Env(ap.Namespace(data_dir=str(folder), verbose=False))
    seed_samples(env, start_runs=False)
    env.db.checkpoint()
    before = size(folder)
    from app.cli import read_workflow_file
    from app.resources import sample_workflows

    wf = next(read_workflow_file(str(p)) for p in sample_workflows() if "fulfilment" in p.name)
    rt = Runtime(env.db, registry=env.registry, data_dir=folder, poll_interval=0.5)
    rt.start()
    for _i in range(n):
        rt.store.start_run(wf.name, wf.extra["sample_input"], practice=True)
    rt.wait_idle(600)
    rt.shutdown(grace=5)
    env.db.checkpoint()
    return env, (size(folder) - before) / n


def grow(env: Env, orders: int) -> None:
    """Copy the sampled runs (their steps and attempts) into ``orders`` finished, non-practice
    orders spread over the last two years."""
    db = env.db
    template = [r[0] for r in db.execute_sql("select id from runs")]
    now = time.time()
    raw = db._raw_connection()
    with db._write_lock:
        raw.execute("BEGIN IMMEDIATE")
        for i in range(orders):
            src = template[i % len(template)]
            rid = f"g{i:09d}"
            at = now - (i / orders) * 730 * DAY
            raw.execute(
                "insert into runs (id, workflow_id, version_id, workflow_name, status, "
                "business_key, trigger, cancelled, practice, intake_item_id, created_at, "
                "updated_at, finished_at) select ?, workflow_id, version_id, "
                "workflow_name, 'succeeded', ?, trigger, 0, 0, NULL, ?, ?, ? from runs "
                "where id = ?",
                (rid, f"G{i}", at, at + 60, at + 60, src),
            )
            raw.execute(
                "insert into step_runs (run_id, name, type, position, state, attempts, "
                "max_attempts, time_limit, reconcilable, needs_reconcile, sleeping, "
                "scratch, port, input, input_override, output, error, started_at, "
                "finished_at, updated_at) select ?, name, type, position, state, "
                "attempts, max_attempts, time_limit, reconcilable, needs_reconcile, "
                "sleeping, scratch, port, input, input_override, output, error, ?, ?, ? "
                "from step_runs where run_id = ?",
                (rid, at, at + 60, at + 60, src),
            )
            raw.execute(
                "insert into attempts (run_id, step_name, number, runner, started_at, "
                "finished_at, outcome, error) select ?, step_name, number, runner, ?, "
                "?, outcome, error from attempts where run_id = ?",
                (rid, at, at, src),
            )
            if i % 20000 == 19999:
                raw.execute("COMMIT")
                raw.execute("BEGIN IMMEDIATE")
        raw.execute("COMMIT")
    db.checkpoint()


def timed(fn):  # noqa: ANN001, ANN201
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=200_000)
    parser.add_argument("--sample", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env, per_order = sample_orders(folder, args.sample)
        print(f"bytes per order (sample workflow, {args.sample} practice orders): {per_order:,.0f}")
        _none, took = timed(lambda: grow(env, args.orders))
        print(
            f"history of {args.orders:,} orders made in {took:.0f} s; database "
            f"{size(folder) / 1e6:,.1f} MB"
        )
        now = time.time()
        for label, days in (("30 days", 30), ("a year", 365)):

            def figures(days: int = days) -> dashboard.Figures:
                with env.db.read() as s:
                    return dashboard.figures(s, now - days * DAY, now)

            f, took = timed(figures)
            print(f"dashboard over {label}: {f.orders:,} orders, queries {took * 1000:.0f} ms")
        b, took = timed(lambda: backups.take(folder, "manual"))
        print(f"backup: {took:.1f} s, {b.size / 1e6:,.1f} MB, integrity check ok: {b.ok}")
        result, took = timed(lambda: retention.clean_up(env.db, folder, days=365))
        env.db.checkpoint()
        archives = sum(p.stat().st_size for p in (folder / "archives").glob("*.gz"))
        print(
            f"clean-up (keep 1 year): {result.archived:,} orders archived in {took:.0f} s "
            f"({archives / 1e6:,.1f} MB of archives); database {size(folder) / 1e6:,.1f} MB "
            "(freed pages are reused)"
        )
        env.db.close()
        _none, took = timed(lambda: retention.compact(folder / DB_FILENAME))
        print(f"after the one-time compact ({took:.0f} s): database {size(folder) / 1e6:,.1f} MB")


if __name__ == "__main__":
    main()
