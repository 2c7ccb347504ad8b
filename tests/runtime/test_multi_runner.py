"""Several runners on one PostgreSQL database: three ``daloy runner`` processes share the work
(claims with ``FOR UPDATE SKIP LOCKED``, woken by each other's NOTIFY, one poller per intake
channel by lease) while they are SIGKILLed at random. Orders arrive through a marketplace
poller; each is charged at the payment gateway that fails on demand, books late and ignores
Idempotency-Key. Every run finishes, no idempotency key is charged twice, no intake item is
taken in twice. The crash suite's pattern and helpers (``tests/runtime/test_crash.py``)."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from app.store import connections
from app.store.db import Database
from tests.runtime.test_crash import daloy, five_step_workflow
from tests.support.engine import wait_for

pytestmark = pytest.mark.slow
RUNS = 300
RUNNERS = 3
MAX_KILLS = 12


class Shared:
    """The test's view of the shared database: plain reads, no migration, no pool to leak."""

    def __init__(self, url: str) -> None:
        self.engine = sa.create_engine(url, poolclass=NullPool)

    def query(self, sql: str) -> list[tuple]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.text(sql))]

    def statuses(self) -> dict[str, int]:
        return dict(self.query("select status, count(*) from runs group by status"))

    def succeeded_steps(self) -> int:
        return self.query("select count(*) from step_runs where state = 'succeeded'")[0][0]


@pytest.fixture
def shared(pg_url: str) -> Iterator[Shared]:
    s = Shared(pg_url)
    yield s
    s.engine.dispose()


def finished(shared: Shared, arrived: int) -> bool:
    return arrived == RUNS and shared.statuses().get("succeeded", 0) == RUNS


def start_runner(data: Path, url: str) -> subprocess.Popen:
    runner = daloy(data, "--database-url", url, "runner", "--workers", "4")
    line = runner.stdout.readline().decode()
    assert "working on" in line, runner.stderr.read().decode()[-3000:]
    return runner


def market_workflow(gateway_url: str, sink_url: str) -> dict:
    wf = five_step_workflow(gateway_url, sink_url)
    wf["name"] = "market"
    wf["triggers"] = [
        {
            "id": "shop",
            "type": "marketplace",
            "config": {"connection": "shop", "poll_seconds": 1, "page_size": 50},
        }
    ]
    return wf


def market_orders(start: int, n: int) -> list[dict]:
    return [
        {
            "id": f"M{i:04}",
            "number": f"#{i}",
            "amount": i + 1,
            "customer": "c",
            "updated_at": f"2026-11-25T10:{i // 60:02}:{i % 60:02}",
        }
        for i in range(start, start + n)
    ]


def setup(tmp_path: Path, url: str, gateway, sink, marketplace, keyring: Path) -> tuple[Path, dict]:
    data = tmp_path / "data"
    wf = market_workflow(gateway.url, sink.url)
    wf_file = tmp_path / "wf.json"
    wf_file.write_text(json.dumps(wf))
    db = Database.open_url(url)  # the connection first: a workflow naming a missing one is a draft
    try:
        with db.write() as s:
            connections.save(
                s,
                "shop",
                "marketplace",
                {"base_url": marketplace.url},
                {"token": marketplace.token},
            )
    finally:
        db.close()
    # the child processes' plain-file keyring is at $XDG_DATA_HOME/python_keyring
    (keyring / "python_keyring").mkdir(exist_ok=True)
    shutil.copyfile(keyring / "keyring_pass.cfg", keyring / "python_keyring" / "keyring_pass.cfg")
    p = daloy(data, "--database-url", url, "workflow", "import", str(wf_file))
    assert p.wait(120) == 0, p.stderr.read().decode()
    return data, wf


def test_three_runners_sigkilled_at_random_during_300_runs(
    tmp_path, pg_url, shared, payment_gateway, webhook_sink, marketplace, keyring_tmp
):
    payment_gateway.book_late(0.0, 1.5, seed=11)
    payment_gateway.honour_keys = False
    payment_gateway.hang_seconds = 1.0
    payment_gateway.chaos(0.15, ("refuse", "500", "503", "charge_then_hang", "hang"), seed=7)
    data, _wf = setup(tmp_path, pg_url, payment_gateway, webhook_sink, marketplace, keyring_tmp)
    runners = [start_runner(data, pg_url) for _ in range(RUNNERS)]
    rng = random.Random(42)
    arrived = 0
    kills = 0
    deadline = time.monotonic() + 400
    try:
        # Orders keep arriving at the marketplace while runners are killed and restarted; a
        # runner is killed only once the runners were seen at work since the last kill.
        while kills < MAX_KILLS and time.monotonic() < deadline and not finished(shared, arrived):
            if arrived < RUNS:
                batch = min(RUNS - arrived, RUNS // 10)
                marketplace.add_orders(market_orders(arrived, batch))
                arrived += batch
            before = shared.succeeded_steps()
            wait_for(
                lambda b=before, a=arrived: shared.succeeded_steps() > b or finished(shared, a),
                120,
                interval=0.05,
            )
            time.sleep(rng.uniform(0.0, 0.7))  # a random moment of their work
            victim = rng.randrange(RUNNERS)
            runners[victim].send_signal(signal.SIGKILL)
            runners[victim].wait(10)
            kills += 1
            runners[victim] = start_runner(data, pg_url)
        if arrived < RUNS:
            marketplace.add_orders(market_orders(arrived, RUNS - arrived))
        payment_gateway.chaos(0.0)
        try:
            wait_for(lambda: shared.statuses().get("succeeded", 0) == RUNS, 400, interval=0.5)
        except TimeoutError:
            open_items = shared.query(
                "select reason from inbox_items where status = 'open' limit 3"
            )
            pytest.fail(f"not every run finished: {shared.statuses()}; open: {open_items}")
    finally:
        for r in runners:
            if r.poll() is None:
                r.send_signal(signal.SIGTERM)
        for r in runners:
            try:
                r.wait(30)
            except subprocess.TimeoutExpired:
                r.kill()
                r.wait(10)
    assert kills > 0
    assert shared.statuses() == {"succeeded": RUNS}
    run_ids = [r for (r,) in shared.query("select id from runs")]
    for run_id in run_ids:  # effectively once: one charge per idempotency key
        assert payment_gateway.charge_count(f"daloy-{run_id}-charge") == 1, run_id
    # each marketplace order taken in once, as one intake item starting one run
    assert shared.query(
        "select count(*), count(distinct dedupe_key), count(distinct run_id) from intake_items"
    ) == [(RUNS, RUNS, RUNS)]
    assert shared.query("select count(*) from step_runs where state != 'succeeded'") == [(0,)]
    workers = shared.query("select count(distinct runner) from attempts")
    assert workers[0][0] > RUNNERS  # the work was shared, by restarted runners too
