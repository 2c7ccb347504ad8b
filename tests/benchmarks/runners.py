"""Steps/s with several ``daloy runner`` processes on one database: PostgreSQL (1 and 3 runners)
beside the data folder's SQLite file (1 and 3 runners), the same workload for each: N runs of
a 5-step ``transform`` chain, started once every runner process says it works (start-up is not
counted) and timed until the last run has succeeded, by the database's own counts.

    python tests/benchmarks/runners.py --database-url auto [--runs 1000] [--workers 4]

``auto`` starts a temporary PostgreSQL server (Debian's, as the tests do; fsync on, like
SQLite's synchronous=FULL); any other URL names an empty database Daloy may fill. Used by
``tests/benchmarks/engine.py --database-url …`` too.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DALOY_ALLOW_INSECURE_KEYRING", "1")

from app.core.model import Edge, Step, Workflow  # noqa: E402
from app.steps import registry  # noqa: E402
from app.store import workflows  # noqa: E402
from app.store.db import Database  # noqa: E402
from app.store.runs import RunStore  # noqa: E402

STEPS = 5


@contextlib.contextmanager
def database(url: str) -> Iterator[str]:
    """The URL to measure on; with ``auto`` a temporary server's fresh database."""
    if url != "auto":
        yield url
        return
    from tests.support.postgres import PostgresServer, server_bin_dir

    bin_dir = server_bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL is not installed: apt-get install postgresql")
    server = PostgresServer(bin_dir, fsync=True).start()
    try:
        yield server.url(server.create_database("daloy_bench"))
    finally:
        server.cleanup()


def chain(name: str) -> Workflow:
    return Workflow(
        name,
        [
            Step(f"s{i}", "transform", {"values": {"i": i, "n": "{{ trigger.n }}"}})
            for i in range(STEPS)
        ],
        [Edge(f"s{i}", "out", f"s{i + 1}") for i in range(STEPS - 1)],
    )


def open_db(target: str | Path) -> Database:
    return Database.open_url(target) if isinstance(target, str) else Database.open_dir(target)


def drain(target: str | Path, folder: Path, name: str, runs: int, runners: int, workers: int):
    """Steps/s of ``runners`` processes draining ``runs`` runs of a fresh workflow ``name``."""
    db = open_db(target)
    with db.write() as s:
        workflows.save(s, chain(name))
    store = RunStore(db, registry().specs)
    done_sql = f"select count(*) from runs where status = 'succeeded' and workflow_name = '{name}'"
    where = ["--database-url", target] if isinstance(target, str) else []
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(folder), *where]
            + ["runner", "--workers", str(workers)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(runners)
    ]
    try:
        for p in procs:
            p.stdout.readline()  # "working on …": started
        # Every runner is up (and idle): the orders arrive now, as fast as this process can
        # start them (several times faster than they drain), and the clock runs until the last
        # one has succeeded.
        t0 = time.perf_counter()
        for i in range(runs):
            store.start_run(name, {"n": i})
        deadline = t0 + 900
        done = 0
        while done < runs and time.perf_counter() < deadline:
            time.sleep(0.05)
            done = db.execute_sql(done_sql)[0][0]
        elapsed = time.perf_counter() - t0
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            p.wait(60)
        db.close()
    return {"finished": done, "steps_per_s": done * STEPS / elapsed}


def compare(url: str, runs: int, workers: int) -> list[str]:
    """The lines to print: SQLite and PostgreSQL, 1 and 3 runner processes each."""
    lines = []
    with tempfile.TemporaryDirectory() as tmp, database(url) as pg:
        folder = Path(tmp)
        for label in ("sqlite", "postgresql"):
            for n in (1, 3):
                data = folder / f"{label}-{n}"  # each runner's logs; SQLite's file too
                data.mkdir()
                res = drain(
                    pg if label == "postgresql" else data, data, f"bench-{n}", runs, n, workers
                )
                lines.append(
                    f"runners on {label}: {n} runner(s) x {workers} workers, "
                    f"{res['finished']}/{runs} runs, steps/s={res['steps_per_s']:.1f}"
                )
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database-url", default="auto")
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=4)
    args = ap.parse_args()
    print("\n".join(compare(args.database_url, args.runs, args.workers)))


if __name__ == "__main__":
    main()
