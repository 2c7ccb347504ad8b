"""Engine throughput against the raw durable commit rate of SQLite on the same disk.

    python tests/benchmarks/engine.py [--runs 300] [--workers 4]

1. Raw: plain sqlite3, WAL + synchronous=FULL + BEGIN IMMEDIATE, one insert and one update per
   commit (also printed for synchronous=NORMAL and journal_mode=DELETE, to show what the
   durability settings cost).
2. Engine: N runs of a 5-step ``transform`` chain through the real Runtime; commits counted.
The last line is ``engine_vs_sqlite_ratio=<steps/s ÷ (raw commits/s ÷ commits per step)>``.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core import machine as m  # noqa: E402
from app.core.model import Edge, Step, Workflow  # noqa: E402
from app.runtime.runtime import Runtime  # noqa: E402
from app.store import workflows  # noqa: E402
from app.store.db import Database  # noqa: E402


def raw_commit_rate(folder: Path, journal: str = "WAL", sync: str = "FULL",
                    seconds: float = 2.0) -> float:
    path = folder / f"raw-{journal}-{sync}.sqlite3"
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
    return Workflow("bench-chain", [Step(f"s{i}", "transform", {"values": {"i": i, "n": "{{ trigger.n }}"}})
                                    for i in range(n)],
                    [Edge(f"s{i}", "out", f"s{i + 1}") for i in range(n - 1)])


def engine_rate(folder: Path, runs: int, workers: int) -> dict[str, float]:
    db = Database.open_dir(folder / "engine")
    with db.write() as s:
        workflows.save(s, chain())
    rt = Runtime(db, workers=workers, poll_interval=1.0)
    rt.start()
    finished: dict[str, float] = {}
    started: dict[str, float] = {}
    done = threading.Event()

    def on_events(events) -> None:  # noqa: ANN001
        now = time.perf_counter()
        for e in events:
            if e.kind == "run_changed" and e.status == m.RUN_SUCCEEDED:
                finished[e.run_id] = now
        if len(finished) >= runs:
            done.set()

    rt.store.subscribe(on_events)
    c0 = db.commits
    t0 = time.perf_counter()
    for i in range(runs):
        rid = rt.store.start_run("bench-chain", {"n": i})
        started[rid] = time.perf_counter()
    done.wait(600)
    elapsed = time.perf_counter() - t0
    total_commits = db.commits - c0
    rt.shutdown(grace=5)
    db.close()
    lat = sorted(finished[r] - started[r] for r in started if r in finished)
    steps = runs * 5
    return {"runs_per_s": len(finished) / elapsed, "steps_per_s": steps / elapsed,
            "p50": statistics.median(lat), "p95": lat[int(len(lat) * 0.95) - 1],
            "commits_per_step": (total_commits - runs) / steps, "commits_per_run": total_commits / runs,
            "finished": len(finished)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--workers", type=int, default=4)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw = raw_commit_rate(folder)
        normal = raw_commit_rate(folder, sync="NORMAL")
        delete = raw_commit_rate(folder, journal="DELETE", sync="FULL")
        print(f"raw sqlite commits/s  WAL+FULL={raw:.0f}  WAL+NORMAL={normal:.0f}  "
              f"DELETE+FULL={delete:.0f}")
        res = engine_rate(folder, args.runs, args.workers)
    print(f"engine: {res['finished']}/{args.runs} runs of a 5-step transform chain, "
          f"{args.workers} workers")
    print(f"runs/s={res['runs_per_s']:.1f} steps/s={res['steps_per_s']:.1f} "
          f"p50_latency={res['p50'] * 1000:.0f}ms p95_latency={res['p95'] * 1000:.0f}ms")
    print(f"commits/step={res['commits_per_step']:.2f} (plus 1 per run to start it)")
    budget = raw / res["commits_per_step"]
    print(f"target steps/s >= 50% of raw/commits-per-step = {0.5 * budget:.1f}")
    print(f"engine_vs_sqlite_ratio={res['steps_per_s'] / budget:.3f}")


if __name__ == "__main__":
    main()
