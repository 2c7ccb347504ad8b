"""Desktop app figures: cold start to the main window, idle memory, and the runs view with
1,000,000 runs in the database (time to first paint, time per page while scrolling).

    python tests/benchmarks/gui.py [--runs 1000000]

Needs a display: offscreen is used when none is set. Cold start is measured as a ratio to a
bare ``python -c "import PySide6.QtWidgets"`` in the same run, since these machines are noisy.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DALOY_ALLOW_INSECURE_KEYRING", "1")


def cold_start(data: Path) -> tuple[float, float, int]:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], check=True)
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data), "--quit-after", "3"],
                         cwd=REPO, stdout=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    shown = time.perf_counter() - t0
    assert "window shown" in line, line
    time.sleep(2)
    rss_kb = int(next(x for x in Path(f"/proc/{p.pid}/status").read_text().splitlines()
                      if x.startswith("VmRSS")).split()[1])
    p.wait(30)
    return shown, bare, rss_kb


def fill(data: Path, n: int) -> None:
    import argparse as ap

    from app.cli import Env, seed_samples
    env = Env(ap.Namespace(data_dir=str(data), verbose=False))
    seed_samples(env, start_runs=False)
    now = time.time()
    statuses = ("succeeded",) * 8 + ("needs_attention", "waiting")
    with env.db.engine.begin() as c:
        wf_id, v_id = c.exec_driver_sql("select id, current_version_id from workflows").fetchone()
        batch = 50_000
        for start in range(0, n, batch):
            c.exec_driver_sql(
                "insert into runs (id, workflow_id, version_id, workflow_name, status, business_key,"
                " trigger, cancelled, practice, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?)",
                [(uuid.uuid4().hex, wf_id, v_id, "Order fulfilment", statuses[i % 10], f"{100000 + i}",
                  "{}", 0, 0, now - i, now - i) for i in range(start, min(n, start + batch))])
    env.db.close()


def runs_view(data: Path) -> tuple[float, list[float]]:
    import argparse as ap

    from PySide6.QtWidgets import QApplication

    from app.cli import Env
    from app.ui.main import build
    app = QApplication.instance() or QApplication([])
    env = Env(ap.Namespace(data_dir=str(data), verbose=False))
    ctx, window = build(env, start_runtime=False)
    window.page("runs")
    window.show()
    model = window.runs.model
    t0 = time.perf_counter()
    window.runs.apply_filters()
    while model.rowCount() == 0:
        app.processEvents()
    app.processEvents()
    first = time.perf_counter() - t0
    pages = []
    table = window.runs.table
    for _ in range(20):
        n = model.rowCount()
        t = time.perf_counter()
        table.scrollToBottom()
        while model.rowCount() == n:
            app.processEvents()
            if model.canFetchMore():
                model.fetchMore()
        table.viewport().repaint()
        pages.append(time.perf_counter() - t)
    window.quitting = True
    window.close()
    ctx.wait_for_background(5000)
    return first, pages


def search_time(data: Path, key: str) -> float:
    from app.store import queries
    from app.store.db import Database
    db = Database.open_dir(data)
    t = time.perf_counter()
    with db.read() as s:
        found = queries.list_runs(s, business_key=key, limit=200)
    elapsed = time.perf_counter() - t
    db.close()
    assert [r.business_key for r in found] == [key], found
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1_000_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        shown, bare, rss = cold_start(Path(tmp) / "fresh")
        print(f"cold start to main window: {shown:.2f} s (bare PySide6 import: {bare:.2f} s, "
              f"ratio {shown / bare:.1f}); idle memory {rss / 1024:.0f} MB")
        data = Path(tmp) / "big"
        t = time.perf_counter()
        fill(data, args.runs)
        print(f"inserted {args.runs} runs in {time.perf_counter() - t:.1f} s")
        first, pages = runs_view(data)
        search = search_time(data, f"{100000 + args.runs // 2}")
        pages.sort()
        print(f"runs view with {args.runs} runs: first paint {first * 1000:.0f} ms; "
              f"per scroll page (200 rows) median {pages[len(pages) // 2] * 1000:.0f} ms, "
              f"worst {pages[-1] * 1000:.0f} ms")
        print(f"search by order number (matched anywhere in the key, on a worker thread): "
              f"{search * 1000:.0f} ms")


if __name__ == "__main__":
    main()
