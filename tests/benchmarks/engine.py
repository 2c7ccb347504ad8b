"""Engine throughput against the raw durable commit rate of SQLite on the same disk.

    python tests/benchmarks/engine.py [--runs 1000] [--workers 4] [--database-url auto|URL]

1. Raw: plain sqlite3, WAL + synchronous=FULL + BEGIN IMMEDIATE, one insert and one update per
   commit (also printed for synchronous=NORMAL and journal_mode=DELETE, to show what the
   durability settings cost).
2. Drain: N runs of a 5-step ``transform`` chain are started, then the real Runtime executes
   them; steps/s and the commits that execution spends per step (``Database.commits``: write
   transactions that changed something).
   Drained once with one worker and once with ``--workers`` (the product's default, 4).
3. Latency: with the runtime running, runs arrive at half the drain rate; p50/p95 from start
   to finish.
4. With ``--database-url``: steps/s of 1 and 3 ``daloy runner`` processes on PostgreSQL beside
   the same on the SQLite file (``tests/benchmarks/runners.py``).
What the figures mean (per commit and per step, apart):
- ``commits/s`` of the drain beside the raw rate (``commit_use``): how much of the disk's durable
  commit rate the engine's own commits use; near 1, the disk is the limit.
- ``steps per raw commit``: steps finished in the time plain SQLite makes one durable commit;
  above 1 when several steps share a commit (pure steps in-line, the group commit of waiting
  writers).
The last line is ``engine_vs_sqlite_ratio=<drain steps/s ÷ raw commits/s>`` for ``--workers``
(steps per raw commit); the line before it gives the same with one worker. (It used to divide
by raw commits/s ÷ commits per step, a ceiling that rose as the engine made fewer commits, so
the ratio fell when a step got cheaper.)
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
# No secrets are used; allow the plain-file keyring a test machine has, as the other benchmarks do.
os.environ.setdefault("DALOY_ALLOW_INSECURE_KEYRING", "1")

from app.core import machine as m  # noqa: E402
from app.core.model import Edge, Step, Workflow  # noqa: E402
from app.runtime.runtime import Runtime  # noqa: E402
from app.store import workflows  # noqa: E402
from app.store.db import Database  # noqa: E402


def raw_commit_rate(
    folder: Path, journal: str = "WAL", sync: str = "FULL", seconds: float = 2.0, name: str = "raw"
) -> float:
    path = folder / f"{name}-{journal}-{sync}.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute(f"PRAGMA synchronous={sync}")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, state TEXT, payload TEXT)")
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        conn.execute("BEGIN IMMEDIATE")
        cur = conn.execute("INSERT INTO t (state, payload) VALUES ('ready', '{\"a\": 1}')")
        conn.execute("UPDATE t SET state = 'done' WHERE id = ?", (cur.lastrowid,))
        conn.execute("COMMIT")
        n += 1
    rate = n / (time.perf_counter() - start)
    conn.close()
    return rate


def chain(n: int = 5) -> Workflow:
    return Workflow(
        "bench-chain",
        [
            Step(f"s{i}", "transform", {"values": {"i": i, "n": "{{ trigger.n }}"}})
            for i in range(n)
        ],
        [Edge(f"s{i}", "out", f"s{i + 1}") for i in range(n - 1)],
    )


class Finished:
    """Collects when each run succeeded, from the store's events."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.at: dict[str, float] = {}
        self.done = threading.Event()

    def __call__(self, events) -> None:  # noqa: ANN001
        now = time.perf_counter()
        for e in events:
            if e.kind == "run_changed" and e.status == m.RUN_SUCCEEDED:
                self.at[e.run_id] = now
        if len(self.at) >= self.expected:
            self.done.set()


def open_runtime(folder: Path, workers: int) -> Runtime:
    db = Database.open_dir(folder)
    with db.write() as s:
        workflows.save(s, chain())
    return Runtime(db, workers=workers, poll_interval=1.0)


def drain(folder: Path, runs: int, workers: int) -> dict[str, float]:
    """Throughput: N runs are started (the first step of each ready), then the runtime starts
    and executes all of them; only that part is timed, and only its commits are counted."""
    rt = open_runtime(folder, workers)
    t0 = time.perf_counter()
    for i in range(runs):
        rt.store.start_run("bench-chain", {"n": i})
    start_rate = runs / (time.perf_counter() - t0)
    finished = Finished(runs)
    rt.store.subscribe(finished)
    c0, cpu0 = rt.db.commits, time.process_time()
    t0 = time.perf_counter()
    rt.start()
    finished.done.wait(600)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - cpu0  # every thread's: steadier than runs/s on a busy machine
    commits = rt.db.commits - c0
    rt.shutdown(grace=5)
    rt.db.close()
    steps = len(finished.at) * 5
    return {
        "finished": len(finished.at),
        "runs_per_s": len(finished.at) / elapsed,
        "steps_per_s": steps / elapsed,
        "commits_per_step": commits / max(1, steps),
        "commits_per_s": commits / elapsed,
        "cpu_ms_per_run": 1000 * cpu / max(1, len(finished.at)),
        "starts_per_s": start_rate,
    }


def live(folder: Path, runs: int, workers: int, rate: float) -> dict[str, float]:
    """Latency: the runtime is running while runs arrive at ``rate`` per second (below what it
    can take, or the figure measures only the queue), from start to finish."""
    rt = open_runtime(folder, workers)
    rt.start()
    finished = Finished(runs)
    rt.store.subscribe(finished)
    started: dict[str, float] = {}
    t0 = time.perf_counter()
    for i in range(runs):
        delay = t0 + i / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        started[rt.store.start_run("bench-chain", {"n": i})] = time.perf_counter()
    finished.done.wait(600)
    rt.shutdown(grace=5)
    rt.db.close()
    lat = sorted(finished.at[r] - started[r] for r in started if r in finished.at)
    return {
        "finished": len(finished.at),
        "p50": statistics.median(lat),
        "p95": lat[max(0, int(len(lat) * 0.95) - 1)],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=4)
    # PostgreSQL beside SQLite, 1 and 3 runner processes each (tests/benchmarks/runners.py);
    # "auto" starts a temporary server
    ap.add_argument("--database-url", default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        normal = raw_commit_rate(folder, sync="NORMAL")
        delete = raw_commit_rate(folder, journal="DELETE", sync="FULL")
        # Each drain right after its own raw measurement: the disk's fsync time drifts.
        raw1 = raw_commit_rate(folder, name="raw1")
        one = drain(folder / "drain1", args.runs, 1)
        raw = raw_commit_rate(folder)
        d = drain(folder / "drain", args.runs, args.workers)
        rate = d["runs_per_s"] / 2
        lv = live(folder / "live", args.runs, args.workers, rate)
    print(
        f"raw sqlite commits/s  WAL+FULL={raw:.0f} (and {raw1:.0f} before the 1-worker drain)"
        f"  WAL+NORMAL={normal:.0f}  DELETE+FULL={delete:.0f}"
    )
    print(f"engine: {args.runs} runs of a 5-step transform chain")
    print(f"starting runs: {d['starts_per_s']:.0f} runs/s (one commit each)")
    for label, res, r in (("1 worker", one, raw1), (f"{args.workers} workers", d, raw)):
        print(
            f"drain, {label}: {res['finished']}/{args.runs} runs, "
            f"runs/s={res['runs_per_s']:.1f} steps/s={res['steps_per_s']:.1f} "
            f"commits/step={res['commits_per_step']:.2f} commits/s={res['commits_per_s']:.0f} "
            f"(commit_use={res['commits_per_s'] / r:.2f} of raw) "
            f"steps per raw commit={res['steps_per_s'] / r:.2f} "
            f"cpu={res['cpu_ms_per_run']:.2f}ms per run"
        )
    print(
        f"latency, {args.workers} workers, runs arriving at {rate:.0f}/s (half the drain rate): "
        f"{lv['finished']}/{args.runs} runs, p50_latency={lv['p50'] * 1000:.1f}ms "
        f"p95_latency={lv['p95'] * 1000:.1f}ms"
    )
    if args.database_url:
        from tests.benchmarks.runners import compare

        print("\n".join(compare(args.database_url, args.runs, args.workers)))
    print(
        "ratios below: drain steps/s ÷ raw durable commits/s (steps per raw commit; 1.0 = one "
        "step for each commit plain SQLite can make)"
    )
    print(f"one_worker_vs_sqlite_ratio={one['steps_per_s'] / raw1:.3f}")
    print(f"engine_vs_sqlite_ratio={d['steps_per_s'] / raw:.3f}")


if __name__ == "__main__":
    main()
