"""Desktop app figures: cold start to the main window, idle memory, and the runs view with
1,000,000 runs in the database (time to first paint, time per page while scrolling), and
searching them by order number and by customer name (full-text), and the Dashboard page's
queries over those orders (the last 30 days and the last year).

    python tests/benchmarks/gui.py [--runs 1000000]   (--runs 0: start-up and memory only)

Needs a display: offscreen is used when none is set. Cold start is measured as a ratio to a
bare ``python -c "import PySide6.QtWidgets"`` in the same run, since these machines are noisy;
idle memory (VmRSS) of the desktop app and of ``daloy runner`` on the sample workspace, and of
the desktop app again once it has worked one real order of the sample workflow (payment gateway,
warehouse webhook and SMTP server: the test servers, in a process of their own; the stock sheet
read and saved), since what an order loads stays loaded.
"""

from __future__ import annotations

import argparse
import json
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


def cold_start(data: Path, what: str = "desktop app idle") -> tuple[float, float, int]:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], check=True)
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    p = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data), "--quit-after", "6"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    line = p.stdout.readline()
    shown = time.perf_counter() - t0
    assert "window shown" in line, line
    time.sleep(5)  # the engine and pages load after the window shows: idle after that
    rss_kb = vm_rss_kb(p.pid)
    print(f"  {what}: {held(p.pid)}", flush=True)
    p.wait(30)
    return shown, bare, rss_kb


def runner_rss(data: Path) -> int:
    """Idle resident memory (kB) of ``daloy runner`` on the sample workspace ``data``."""
    p = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data), "runner", "--quit-after", "8"],
        cwd=REPO,
        env={**os.environ, "DALOY_WEB_PORT": "0"},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert "working on" in p.stdout.readline()
    time.sleep(4)
    rss_kb = vm_rss_kb(p.pid)
    print(f"  daloy runner idle: {held(p.pid)}", flush=True)
    assert "PySide6" not in Path(f"/proc/{p.pid}/maps").read_text()  # the runner never loads Qt
    p.wait(60)
    return rss_kb


ONE_ORDER = """
import json, sys
from app.core.model import Workflow
from app.host import Host
from app.resources import resource_path
from app.store import connections, workflows

host, where = Host(sys.argv[1]), json.loads(sys.argv[2])
wf = Workflow.from_json(resource_path("workflows", "order-fulfilment.json").read_text())
wf.step("settings").config["values"].update(
    gateway=where["gateway"],
    warehouse_webhook=where["sink"] + "/warehouse",
    inventory=str(host.data_dir / "samples" / "inventory.xlsx"),
)
with host.db.write() as s:
    workflows.save(s, wf)
    connections.save(
        s,
        "shop-email",
        "smtp",
        {"host": "127.0.0.1", "port": where["smtp_port"], "security": "plain", "username": "shop"},
        {"password": where["password"]},
    )
print(host.store.start_run(wf.name, wf.extra["sample_input"]))
"""
RUN_STATUS = """
import sys
from app.host import Host
from app.store.models import Run
with Host(sys.argv[1]).db.read() as s:
    print(s.get(Run, sys.argv[2]).status)
"""


def after_an_order(data: Path) -> int:
    """Idle resident memory (kB) of the desktop app once it has worked one real order of the
    sample workflow, started before it opens (the window's engine takes it up)."""
    from tests.benchmarks.outside_servers import SMTP_PASSWORD, OutsideServers

    servers = OutsideServers()
    try:
        where = {
            "gateway": servers.gateway,
            "sink": servers.sink,
            "smtp_port": servers.smtp_port,
            "password": SMTP_PASSWORD,
        }
        run_id = python(ONE_ORDER, str(data), json.dumps(where)).split()[-1]
        p = subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(data), "--quit-after", "12"],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert "window shown" in p.stdout.readline()
        time.sleep(8)
        rss_kb = vm_rss_kb(p.pid)
        print(f"  desktop app idle after an order: {held(p.pid)}", flush=True)
        p.wait(30)
        status = python(RUN_STATUS, str(data), run_id).strip()
        assert status == "succeeded", f"the order ended {status}: not the idle after an order"
        return rss_kb
    finally:
        servers.stop()


def python(code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def held(pid: int) -> str:
    """What holds a process's resident memory: its own (anonymous: Python objects, the C
    heap, thread stacks) and mapped files (libraries, shared with other processes), threads."""
    status = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    anon, files = (int(status[k].split()[0]) / 1024 for k in ("RssAnon", "RssFile"))
    return (
        f"anonymous {anon:.0f} MB, file-backed {files:.0f} MB, {status['Threads'].strip()} threads"
    )


def vm_rss_kb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text().splitlines()
    return int(next(x for x in status if x.startswith("VmRSS")).split()[1])


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
                [
                    (
                        uuid.uuid4().hex,
                        wf_id,
                        v_id,
                        "Order fulfilment",
                        statuses[i % 10],
                        f"{100000 + i}",
                        order(i),
                        0,
                        0,
                        now - i,
                        now - i,
                    )
                    for i in range(start, min(n, start + batch))
                ],
            )
    env.db.close()


FIRST = ("Aling", "Mang", "Ana", "Jose", "Maria", "Juan", "Rosa", "Pedro", "Liza", "Ramon")
SYLLABLES = (
    "ba",
    "ka",
    "da",
    "ga",
    "ha",
    "la",
    "ma",
    "na",
    "pa",
    "ra",
    "sa",
    "ta",
    "ya",
    "bi",
    "ki",
    "di",
    "gi",
    "li",
    "mi",
    "ni",
    "pi",
    "ri",
    "si",
    "ti",
    "yo",
    "bo",
    "ko",
    "do",
    "go",
    "lo",
    "mo",
    "no",
    "po",
    "ro",
    "so",
    "to",
    "bu",
    "ku",
    "du",
    "gu",
    "lu",
    "mu",
    "nu",
    "pu",
    "ru",
    "su",
    "tu",
    "yu",
    "ng",
    "wa",
)


def customer(i: int) -> str:
    """About 10 orders per customer: a first name and a made-up surname of three syllables,
    so 100,000 customers have names of their own over 1M orders."""
    c = i // 10
    n = len(SYLLABLES)
    last = "".join(SYLLABLES[c // 10 // n**k % n] for k in range(3))
    return f"{FIRST[c % len(FIRST)]} {last.capitalize()}"


def order(i: int) -> str:
    """What a real order carries (the search index flattens it, as it does every order)."""
    name = customer(i)
    return json.dumps(
        {
            "order": {
                "number": f"{100000 + i}",
                "total": round(100 + (i * 37) % 5000 + 0.5, 2),
                "currency": "PHP",
                "customer": {
                    "name": name,
                    "email": f"{name.lower().replace(' ', '.')}@example.com",
                    "phone": f"+63 917 {i % 1000:03d} {i // 1000 % 10000:04d}",
                },
                "lines": [
                    {"sku": f"SKU-{i % 997}", "name": "Jasmine rice 25 kg", "qty": 1 + i % 4}
                ],
            }
        }
    )


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


def search_customer_time(data: Path, n: int) -> tuple[float, float, int]:
    """Search by a customer's name (what an operator remembers) on a worker thread, as the
    orders view does: the first page (200 rows) with customer, total and reason. Also the
    time of a broad search (a product in every ~1000th order)."""
    import threading

    from app.store import queries
    from app.store.db import Database

    db = Database.open_dir(data)
    name = customer(n // 2)
    result: dict[str, object] = {}

    def work() -> None:
        with db.read() as s:
            t = time.perf_counter()
            result["found"] = queries.list_orders(s, search=name, limit=200)
            result["customer"] = time.perf_counter() - t
            t = time.perf_counter()
            result["broad"] = queries.list_orders(s, search="SKU-12", limit=200)
            result["broad_time"] = time.perf_counter() - t

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    db.close()
    found = result["found"]
    assert found and all(r.customer == name for r in found), found
    return result["customer"], result["broad_time"], len(found)


def dashboard_time(data: Path, days: int) -> tuple[float, int]:
    """The Dashboard page's data (``dashboard.figures``, every figure it draws) over the last
    ``days``, on a worker thread as the page loads it; target < 300 ms."""
    import threading

    from app.store import dashboard
    from app.store.db import Database

    db = Database.open_dir(data)
    result: dict[str, object] = {}

    def work() -> None:
        now = time.time()
        with db.read() as s:
            t = time.perf_counter()
            result["figures"] = dashboard.figures(s, now - days * 86400, now)
            result["took"] = time.perf_counter() - t

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    db.close()
    return result["took"], result["figures"].orders


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1_000_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh"
        # a first launch creates the sample workspace (migrations, samples, practice runs) and
        # opens the first-run setup: what it holds is said, not compared with the target
        cold_start(fresh, "first launch, the setup open")
        shown, bare, rss = cold_start(fresh)
        print(
            f"cold start to main window: {shown:.2f} s (bare PySide6 import: {bare:.2f} s, "
            f"ratio {shown / bare:.1f}; target < 3); idle memory of the desktop app "
            f"{rss / 1024:.0f} MB (target < 120)"
        )
        print(
            f"idle memory of daloy runner: {runner_rss(fresh) / 1024:.0f} MB (target < 70)",
            flush=True,
        )
        print(
            "idle memory of the desktop app after one real order: "
            f"{after_an_order(fresh) / 1024:.0f} MB (target < 120)",
            flush=True,
        )
        if args.runs == 0:
            return
        data = Path(tmp) / "big"
        t = time.perf_counter()
        fill(data, args.runs)
        print(f"inserted {args.runs} runs in {time.perf_counter() - t:.1f} s")
        first, pages = runs_view(data)
        search = search_time(data, f"{100000 + args.runs // 2}")
        pages.sort()
        print(
            f"runs view with {args.runs} runs: first paint {first * 1000:.0f} ms; "
            f"per scroll page (200 rows) median {pages[len(pages) // 2] * 1000:.0f} ms, "
            f"worst {pages[-1] * 1000:.0f} ms"
        )
        print(
            f"search by order number (matched anywhere in the key, on a worker thread): "
            f"{search * 1000:.0f} ms"
        )
        by_customer, broad, hits = search_customer_time(data, args.runs)
        print(
            f"search by customer over {args.runs} orders (full-text, first page with "
            f"customer, total and reason, on a worker thread; target < 200 ms): "
            f"{by_customer * 1000:.0f} ms for {hits} orders; a product found in "
            f"~{args.runs // 997} orders (first page of 200): {broad * 1000:.0f} ms"
        )
        for days in (30, 365):
            took, orders = dashboard_time(data, days)
            print(
                f"dashboard over the last {days} days with {args.runs} orders in the database "
                f"(every figure, on a worker thread; target < 300 ms): {took * 1000:.0f} ms "
                f"for {orders} orders"
            )


if __name__ == "__main__":
    main()
