"""Soak: the resident memory of a real ``daloy runner`` while 50,000 sample orders go through it.

    python tests/benchmarks/soak.py [--orders 50000] [--workers 4] [--in-flight 200]

A real runner process (``python -m app runner``) on a real SQLite file works the sample
"Order fulfilment" workflow (stock sheet, payment gateway, confirmation email, warehouse
webhook) against local servers; this process starts the orders in the same database, keeping
at most ``--in-flight`` unfinished so the backlog stays the size a shop sees. The runner's
VmRSS (``/proc/<pid>/status``) is printed idle at the start, once warm (the first 500 orders
have loaded the step types' modules and filled their caches), when half the orders are done,
and idle at the end; the target is growth under 10 MB from warm to the end. ``--orders 2000``
is a quick run.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DALOY_ALLOW_INSECURE_KEYRING", "1")

from app.core import machine as m  # noqa: E402
from app.core.model import Workflow  # noqa: E402
from app.resources import resource_path  # noqa: E402
from app.steps import registry  # noqa: E402
from app.store import connections, workflows  # noqa: E402
from app.store.db import DB_FILENAME, Database  # noqa: E402
from app.store.runs import RunStore  # noqa: E402
from tests.benchmarks.order_fulfilment import stock_sheet  # noqa: E402
from tests.support.http_servers import PaymentGateway, WebhookSink  # noqa: E402
from tests.support.smtp import SmtpSink  # noqa: E402


def rss_mb(pid: int) -> tuple[float, float]:
    """VmRSS and VmHWM (the peak) of the process, in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def prepare(data: Path, orders: int, gateway: str, sink: str, smtp_port: int) -> None:
    """The sample workflow, live, pointed at the local servers; its mail connection."""
    inventory = data.parent / "inventory.xlsx"
    stock_sheet(inventory, 5, orders + 10)  # the sample sheet, stock for every order
    wf = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())
    wf.step("settings").config["values"].update(
        inventory=str(inventory), gateway=gateway, warehouse_webhook=f"{sink}/warehouse"
    )
    db = Database.open_dir(data)
    with db.write() as s:
        connections.save(
            s,
            "shop-email",
            "smtp",
            {"host": "127.0.0.1", "port": smtp_port, "security": "none"},
            {},
        )
        workflows.save(s, wf)
    db.close()


def order(i: int) -> dict:
    return {
        "order": {
            "number": f"S-{i}",
            "total": 95,
            "currency": "PHP",
            "customer": {"name": "Soak", "email": f"soak{i % 100}@example.com"},
            "lines": [{"sku": "SARDINES-155", "qty": 1}],
        }
    }


def finished(conn: sqlite3.Connection) -> tuple[int, int]:
    """Orders done, and orders that asked a person (none expected)."""
    rows = dict(
        conn.execute(
            "select status, count(*) from runs where status in (?, ?) group by status",
            (m.RUN_SUCCEEDED, m.RUN_NEEDS_ATTENTION),
        ).fetchall()
    )
    return rows.get(m.RUN_SUCCEEDED, 0), rows.get(m.RUN_NEEDS_ATTENTION, 0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=50_000)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--in-flight", type=int, default=200)
    args = ap.parse_args()
    gateway, sink, smtp = PaymentGateway().start(), WebhookSink().start(), SmtpSink().start()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "shop"
        prepare(data, args.orders, gateway.url, sink.url, smtp.port)
        env = {**os.environ, "DALOY_WEB_PORT": "0", "PYTHONUNBUFFERED": "1"}
        runner = subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(data), "runner"]
            + ["--workers", str(args.workers)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert "working on" in runner.stdout.readline()
            time.sleep(3)  # idle, as after a start
            start, _ = rss_mb(runner.pid)
            print(f"runner RSS at start (idle): {start:.1f} MB", flush=True)
            db = Database.open_dir(data)
            store = RunStore(db, registry().specs)
            watch = sqlite3.connect(f"file:{data / DB_FILENAME}?mode=ro", uri=True)
            t0 = time.perf_counter()
            started, done, asked, warm, middle = 0, 0, 0, None, None
            warm_after = min(500, args.orders // 10)  # modules and caches loaded by then
            next_tenth = max(1, args.orders // 10)
            while done + asked < args.orders:
                while started < args.orders and started - done - asked < args.in_flight:
                    store.start_run("Order fulfilment", order(started))
                    started += 1
                time.sleep(0.05)
                done, asked = finished(watch)
                with smtp.lock:  # what the sinks keep is this process's, not the runner's
                    smtp.received.clear()
                sink.received.clear()
                if warm is None and done + asked >= warm_after:
                    warm, _ = rss_mb(runner.pid)
                    print(f"runner RSS after {done + asked} orders (warm): {warm:.1f} MB")
                if done + asked >= next_tenth:  # the trend between the figures asked for
                    print(f"  {done + asked} orders: {rss_mb(runner.pid)[0]:.1f} MB", flush=True)
                    next_tenth += max(1, args.orders // 10)
                if middle is None and done + asked >= args.orders // 2:
                    middle, _ = rss_mb(runner.pid)
                    print(f"runner RSS after {done + asked} orders: {middle:.1f} MB", flush=True)
            elapsed = time.perf_counter() - t0
            time.sleep(3)  # idle again
            end, peak = rss_mb(runner.pid)
            watch.close()
            db.close()
        finally:
            runner.terminate()
            runner.wait(60)
            for server in (gateway, sink, smtp):
                server.stop()
    print(
        f"runner RSS at end (idle) after {args.orders} orders: {end:.1f} MB "
        f"(peak {peak:.1f} MB); {args.orders / elapsed:.1f} orders/s; "
        f"{asked} asked a person"
    )
    print(
        f"soak_rss_growth_mb={end - warm:.1f} from warm to end (target < 10); "
        f"from the idle start {end - start:.1f}; from the middle {end - middle:.1f}"
    )


if __name__ == "__main__":
    main()
