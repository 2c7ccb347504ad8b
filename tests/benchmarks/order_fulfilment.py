"""Order fulfilment on the happy path against real local servers (payment gateway, SMTP, chat
webhook, an xlsx inventory of ``--rows`` rows), beside the engine's 5-step transform chain
measured in the same run.

    python tests/benchmarks/order_fulfilment.py [--orders 100] [--rows 5000] [--servers apart]
        [--workers 4]

The servers run in a process of their own (``--servers apart``, ``outside_servers.py``), as real
gateways and mail servers do; ``--servers inside`` runs them in this process, as before, where
they compete with the runner for the GIL.

The sheet is the sample's, grown to ``--rows`` rows (a small shop's real catalogue size), so
reading and saving it costs what it costs an operator.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DALOY_ALLOW_INSECURE_KEYRING", "1")

import keyring  # noqa: E402
from keyrings.alt.file import PlaintextKeyring  # noqa: E402

from app.connectors import sheet_files  # noqa: E402
from app.core import machine as m  # noqa: E402
from app.core.model import Workflow  # noqa: E402
from app.resources import resource_path  # noqa: E402
from app.runtime.runtime import Runtime  # noqa: E402
from app.store import connections, workflows  # noqa: E402
from app.store.db import Database  # noqa: E402
from tests.benchmarks.engine import drain  # noqa: E402
from tests.benchmarks.outside_servers import SMTP_PASSWORD, SMTP_USER, OutsideServers  # noqa: E402
from tests.support.http_servers import PaymentGateway, WebhookSink  # noqa: E402
from tests.support.smtp import SmtpSink  # noqa: E402


def stock_sheet(path: Path, rows: int, stock: int) -> None:
    """The sample inventory with ``rows`` rows: its own five, then generated products."""
    import openpyxl

    wb = openpyxl.load_workbook(resource_path("samples", "inventory.xlsx"))
    ws = wb.worksheets[0]
    for row in ws.iter_rows(min_row=2):
        row[2].value = stock  # every order may take its line
    for i in range(ws.max_row - 1, rows):
        ws.append([f"ITEM-{i:05d}", f"Product {i}", 100 + i % 50, 10 + i % 90])
    wb.save(path)


class InsideServers:
    """The same servers in this process (``--servers inside``)."""

    def __init__(self) -> None:
        self._servers = gateway, sink, smtp = (
            PaymentGateway().start(),
            WebhookSink().start(),
            SmtpSink(SMTP_USER, SMTP_PASSWORD).start(),
        )
        self.gateway, self.sink, self.smtp_port = gateway.url, sink.url, smtp.port

    def stop(self) -> None:
        for server in self._servers:
            server.stop()


def fulfil(
    folder: Path,
    orders: int,
    rate: float | None = None,
    rows: int = 5000,
    apart: bool = True,
    workers: int = 4,
    practice: bool = False,
) -> dict[str, Any]:
    """All orders at once (throughput), or arriving at ``rate`` per second (latency); with
    ``practice``, as practice runs: every step that acts outside (the charge, the stock
    update, the warehouse message, the email) only records what it would do."""
    folder.mkdir(parents=True, exist_ok=True)
    servers = OutsideServers() if apart else InsideServers()
    kr = PlaintextKeyring()
    kr.file_path = str(folder / "keyring.cfg")  # type: ignore[misc]
    keyring.set_keyring(kr)
    inventory = folder / "inventory.xlsx"
    stock_sheet(inventory, rows, orders + 10)
    wf = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())
    wf.step("settings").config["values"].update(
        inventory=str(inventory), gateway=servers.gateway, warehouse_webhook=f"{servers.sink}/w"
    )
    db = Database.open_dir(folder / "shop")
    with db.write() as s:
        workflows.save(s, wf)
        connections.save(
            s,
            "shop-email",
            "smtp",
            {
                "host": "127.0.0.1",
                "port": servers.smtp_port,
                "security": "plain",
                "username": SMTP_USER,
            },
            {"password": SMTP_PASSWORD},
        )
    rt = Runtime(db, workers=workers, poll_interval=1.0)
    rt.start()
    started: dict[str, float] = {}
    finished: dict[str, float] = {}
    done = threading.Event()

    def on_events(events) -> None:  # noqa: ANN001
        for e in events:
            if e.kind == "run_changed" and e.status in m.RUN_STATES and e.status != m.RUN_RUNNING:
                if e.status == m.RUN_SUCCEEDED:
                    finished[e.run_id] = time.perf_counter()
                elif e.status == m.RUN_NEEDS_ATTENTION:
                    print("order needs attention:", e.run_id, file=sys.stderr)
        if len(finished) >= orders:
            done.set()

    rt.store.subscribe(on_events)
    c0, cpu0 = db.commits, time.process_time()
    t0 = time.perf_counter()
    for i in range(orders):
        if rate:
            delay = t0 + i / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
        order = {
            "order": {
                "number": str(5000 + i),
                "total": 95,
                "currency": "PHP",
                "customer": {"name": "Bench", "email": "b@example.com"},
                "lines": [{"sku": "SARDINES-155", "qty": 1}],
            }
        }
        run_id = rt.store.start_run("Order fulfilment", order, practice=practice)
        started[run_id] = time.perf_counter()
    done.wait(600)
    elapsed = time.perf_counter() - t0
    commits = db.commits - c0  # the database's durable commits, the runs' starts among them
    # this process's CPU (every thread; with the servers apart, none of theirs): steadier than
    # orders/s on a busy machine
    cpu = time.process_time() - cpu0
    rt.shutdown(grace=5)
    # where an order's time goes: each step type's total time (running, and waiting on a save)
    spent: dict[str, float] = {}
    for name, took in db.execute_sql(
        "select name, finished_at - started_at from step_runs where finished_at is not null "
        "and started_at is not null"
    ):
        spent[name] = spent.get(name, 0.0) + took
    db.close()
    servers.stop()
    lat = sorted(finished[r] - started[r] for r in finished)
    return {
        "orders_per_s": len(finished) / elapsed,
        "p50": statistics.median(lat),
        "p95": lat[max(0, int(len(lat) * 0.95) - 1)],
        "done": len(finished),
        "sheet_saves": sheet_files.sheet_file(str(inventory)).saves,
        "commits_per_order": commits / max(1, len(finished)),
        "cpu_ms_per_order": 1000 * cpu / max(1, len(finished)),
        "steps_ms": {n: 1000 * t / max(1, len(finished)) for n, t in spent.items()},
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=100)
    ap.add_argument("--rows", type=int, default=5000, help="rows of the stock sheet")
    ap.add_argument(
        "--servers",
        choices=("apart", "inside"),
        default="apart",
        help="the gateway, webhook and SMTP servers in a process of their own, or in this one",
    )
    ap.add_argument("--workers", type=int, default=4, help="the runtime's (the product's: 4)")
    args = ap.parse_args()
    apart, workers = args.servers == "apart", args.workers
    with tempfile.TemporaryDirectory() as tmp:
        chain = drain(Path(tmp) / "chain", args.orders, workers)
        flood = fulfil(
            Path(tmp) / "flood", args.orders, rows=args.rows, apart=apart, workers=workers
        )
        rate = flood["orders_per_s"] / 2
        paced = fulfil(
            Path(tmp) / "paced", args.orders, rate, rows=args.rows, apart=apart, workers=workers
        )
        bare = fulfil(
            Path(tmp) / "bare",
            args.orders,
            rows=args.rows,
            apart=apart,
            workers=workers,
            practice=True,
        )
    print(
        f"servers: {'in a process of their own' if apart else 'in this process'}; {workers} workers"
    )
    print(
        f"transform chain: runs/s={chain['runs_per_s']:.1f} steps/s={chain['steps_per_s']:.1f} "
        f"cpu={chain['cpu_ms_per_run']:.2f}ms per run"
    )
    print(
        f"order fulfilment, all {args.orders} at once, {args.rows}-row stock sheet: "
        f"{flood['done']}/{args.orders} orders, orders/s={flood['orders_per_s']:.1f} "
        f"p50={flood['p50'] * 1000:.0f}ms p95={flood['p95'] * 1000:.0f}ms "
        f"cpu={flood['cpu_ms_per_order']:.1f}ms per order"
    )
    print(
        f"order fulfilment, arriving at {rate:.1f}/s (half that): {paced['done']}/{args.orders}"
        f" orders, p50={paced['p50'] * 1000:.0f}ms p95={paced['p95'] * 1000:.0f}ms"
    )
    slowest = sorted(flood["steps_ms"].items(), key=lambda kv: -kv[1])[:5]
    print(
        f"all at once: {flood['commits_per_order']:.1f} database commits per order (its start "
        f"included), {flood['sheet_saves']} sheet saves for {args.orders} orders; step time per "
        "order: " + ", ".join(f"{n} {ms:.1f}ms" for n, ms in slowest)
    )
    print(
        "by CPU alone (a chain run's CPU ÷ an order's; what the ratio would be if both were "
        f"CPU-bound): {chain['cpu_ms_per_run'] / flood['cpu_ms_per_order']:.3f}"
    )
    print(
        "the same orders as practice runs (the charge, stock update, warehouse message and "
        f"email only recorded, not made): orders/s={bare['orders_per_s']:.1f} "
        f"cpu={bare['cpu_ms_per_order']:.1f}ms per order; the ratio's ceiling were those four "
        f"free: {bare['orders_per_s'] / chain['runs_per_s']:.3f} (by CPU "
        f"{chain['cpu_ms_per_run'] / bare['cpu_ms_per_order']:.3f})"
    )
    print(f"fulfilment_vs_chain_runs_ratio={flood['orders_per_s'] / chain['runs_per_s']:.3f}")


if __name__ == "__main__":
    main()
