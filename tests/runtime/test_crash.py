"""Crash suite: the runner as a real subprocess, killed at every named crash point and at random
moments, or stopped and restarted at once, against a real payment gateway that fails on demand,
books late and may ignore Idempotency-Key. Every run finishes; every idempotency key is charged
exactly once; the database stays intact. Each test asserts that guarantee, never the machine's
speed: a runner is killed only after it was seen at work."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.crashpoints import EXIT_CODE, POINTS
from app.steps import registry
from app.store.db import DB_FILENAME, Database
from app.store.runs import RunStore
from tests.support.engine import charge_workflow, wait_for

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
MAX_KILLS = 12


def five_step_workflow(gateway_url: str, sink_url: str) -> dict:
    # The charge waits up to 6 s for its answer (its time limit): the gateway books within
    # 1.5 s of the request's arrival, so a look-up after the time limit sees every booking,
    # even of a request that a busy machine sent seconds after its attempt started.
    wf = charge_workflow(gateway_url, attempts=30, delay=0.05, timeout=6, name="crash")
    wf["steps"][1]["retry"].update(max_delay=0.3)
    wf["steps"] += [
        # PUT: idempotent by definition, so repeated after a crash without a look-up
        {
            "name": "notify",
            "type": "http_request",
            "config": {
                "method": "PUT",
                "url": f"{sink_url}/warehouse",
                "timeout": 2,
                "body": {
                    "order": "{{ trigger.order.number }}",
                    "charge": "{{ steps.confirm.output.charge_id }}",
                },
            },
            "retry": {"max_attempts": 20, "initial_delay": 0.05, "max_delay": 0.3},
        },
        {"name": "finish", "type": "transform", "config": {"values": {"done": True}}},
    ]
    wf["edges"] += [{"from": "confirm", "to": "notify"}, {"from": "notify", "to": "finish"}]
    return {"format_version": 1, **wf}


def daloy(data_dir: Path, *args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        cwd=REPO,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kw,
    )


def setup(
    tmp_path: Path, gateway, sink, runs: int, wf: dict | None = None
) -> tuple[Path, list[str]]:
    data = tmp_path / "data"
    wf_file = tmp_path / "wf.json"
    wf = wf or five_step_workflow(gateway.url, sink.url)
    wf_file.write_text(json.dumps({"format_version": 1, **wf}))
    p = daloy(data, "workflow", "import", str(wf_file))
    assert p.wait(60) == 0, p.stderr.read()
    db = Database.open_dir(data)
    store = RunStore(db, registry().specs)
    ids = [
        store.start_run(wf["name"], {"order": {"number": f"#{i}", "amount": i, "customer": "c"}})
        for i in range(runs)
    ]
    db.close()
    return data, ids


def query(data: Path, sql: str) -> list[tuple]:
    """Read the runner's database while it works (a plain reader: no migration, no checkpoint)."""
    conn = sqlite3.connect(data / DB_FILENAME, timeout=30)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def statuses(data: Path) -> dict[str, int]:
    return dict(query(data, "select status, count(*) from runs group by status"))


def succeeded_steps(data: Path) -> int:
    return query(data, "select count(*) from step_runs where state = 'succeeded'")[0][0]


def busy(data: Path, step_ids: list[int]) -> bool:
    """Any of these steps still waiting to run or running (a look-up waiting out its time
    limit in retry_wait is neither)."""
    return (
        bool(step_ids)
        and query(
            data,
            f"select count(*) from step_runs where id in ({','.join(map(str, step_ids))}) "
            "and state in ('ready', 'running')",
        )[0][0]
        > 0
    )


def finish_cleanly(data: Path, total: int, timeout: float = 240) -> None:
    runner = daloy(data, "runner", "--workers", "8")
    assert "working on" in runner.stdout.readline().decode()  # started, signal handlers set
    try:
        wait_for(lambda: statuses(data).get("succeeded", 0) == total, timeout, interval=0.3)
    except TimeoutError:
        open_items = query(data, "select reason from inbox_items where status = 'open' limit 3")
        pytest.fail(f"not every run finished: {statuses(data)}; open inbox entries: {open_items}")
    finally:
        runner.send_signal(signal.SIGTERM)
        assert runner.wait(30) == 0


def crash_at(data: Path, point: str, n: int, runs: int) -> None:
    """A runner that exits abruptly the ``n``-th time it passes ``point``."""
    crashed = daloy(data, "runner", env={"DALOY_CRASHPOINT": f"{point}:{n}"})
    try:
        code = crashed.wait(60)
    except subprocess.TimeoutExpired:
        crashed.kill()
        pytest.fail(f"crash point {point}:{n} was never reached")
    if code != EXIT_CODE:
        # every run may already be done before the n-th pass: that is fine only then
        assert statuses(data).get("succeeded", 0) == runs, crashed.stderr.read()
        crashed.wait()


def check_integrity(data: Path, gateway, ids: list[str]) -> None:
    for run_id in ids:
        assert gateway.charge_count(f"daloy-{run_id}-charge") == 1, run_id
    db = Database.open_dir(data, migrate=False)
    try:
        assert db.execute_sql("pragma integrity_check") == [("ok",)]
        assert db.execute_sql("select count(*) from step_runs where state != 'succeeded'") == [(0,)]
    finally:
        db.close()


@pytest.mark.parametrize("point", POINTS)
def test_every_named_crash_point(tmp_path, payment_gateway, webhook_sink, point):
    data, ids = setup(tmp_path, payment_gateway, webhook_sink, runs=6)
    if point == "mid_recovery":
        # leave leases behind first, so start-up has something to recover
        first = daloy(data, "runner", env={"DALOY_CRASHPOINT": "after_claim_commit:1"})
        assert first.wait(60) == EXIT_CODE
    for n in (1, 3):
        crash_at(data, point, n, len(ids))
    finish_cleanly(data, len(ids))
    check_integrity(data, payment_gateway, ids)


def test_sigkill_at_random_moments_during_200_runs(tmp_path, payment_gateway, webhook_sink):
    # The gateway books each charge 0-1.5 s after its POST arrived and ignores Idempotency-Key:
    # a look-up too early says "not found", and a repeat is a second charge.
    payment_gateway.book_late(0.0, 1.5, seed=11)
    payment_gateway.honour_keys = False
    payment_gateway.hang_seconds = 1.0
    payment_gateway.chaos(0.15, ("refuse", "500", "503", "charge_then_hang", "hang"), seed=7)
    data, ids = setup(tmp_path, payment_gateway, webhook_sink, runs=200)
    rng = random.Random(42)
    kills = 0
    hit: list[int] = []
    deadline = time.monotonic() + 300
    # Bounded by count and time. A runner is killed only once it is seen at work: a step
    # succeeded since it started, and the steps the last kill hit are done with (else, on a busy
    # machine, the same steps are hit again and again until they use up their attempts).
    while (
        kills < MAX_KILLS
        and time.monotonic() < deadline
        and statuses(data).get("succeeded", 0) < len(ids)
    ):
        before = succeeded_steps(data)
        runner = daloy(data, "runner", "--workers", "8")
        try:
            assert "working on" in runner.stdout.readline().decode()
            wait_for(
                lambda b=before, h=hit: succeeded_steps(data) > b and not busy(data, h),
                120,
                interval=0.05,
            )
            time.sleep(rng.uniform(0.0, 0.5))  # a random moment of its work
        finally:
            runner.send_signal(signal.SIGKILL)
            runner.wait(10)
        kills += 1
        hit = [i for (i,) in query(data, "select id from step_runs where state = 'running'")]
    payment_gateway.chaos(0.0)
    finish_cleanly(data, len(ids))
    assert kills > 0
    check_integrity(data, payment_gateway, ids)
    assert statuses(data) == {"succeeded": 200}


def test_restart_right_after_stopped_while_charges_are_in_flight(
    tmp_path, payment_gateway, webhook_sink
):
    payment_gateway.book_late(1.0, 1.5, seed=5)
    payment_gateway.honour_keys = False
    data, ids = setup(tmp_path, payment_gateway, webhook_sink, runs=30)
    runner = daloy(data, "runner", "--workers", "8", "--grace", "0.2")
    assert "working on" in runner.stdout.readline().decode()
    wait_for(lambda: payment_gateway.booking >= 1, 60)  # a charge is in flight
    runner.send_signal(signal.SIGTERM)
    assert runner.stdout.readline().decode().strip() == "Daloy runner stopped."
    restarted = daloy(data, "runner", "--workers", "8")  # at once
    try:
        assert "working on" in restarted.stdout.readline().decode()
        wait_for(lambda: statuses(data).get("succeeded", 0) == len(ids), 240, interval=0.3)
    finally:
        restarted.send_signal(signal.SIGTERM)
        assert restarted.wait(30) == 0
    assert runner.wait(30) == 0
    check_integrity(data, payment_gateway, ids)
    handed_back = query(data, "select count(*) from attempts where outcome = 'handed back'")
    assert handed_back[0][0] >= 1  # it did stop mid-charge


def test_the_runner_exits_after_saying_it_stopped_while_a_call_hangs(
    tmp_path, payment_gateway, webhook_sink
):
    payment_gateway.hang_seconds = 120
    payment_gateway.fail_next(1, "hang")
    wf = charge_workflow(payment_gateway.url, timeout=120, name="slow")
    data, (run_id,) = setup(tmp_path, payment_gateway, webhook_sink, runs=1, wf=wf)
    runner = daloy(data, "runner", "--grace", "0.5")
    assert "working on" in runner.stdout.readline().decode()
    wait_for(lambda: any(r["method"] == "POST" for r in payment_gateway.requests), 60)
    runner.send_signal(signal.SIGTERM)
    assert runner.stdout.readline().decode().strip() == "Daloy runner stopped."
    assert runner.wait(30) == 0  # gone, although its call hangs for two minutes
    assert query(
        data,
        "select s.state, s.needs_reconcile, a.number, a.outcome from step_runs s "
        "join attempts a on a.run_id = s.run_id and a.step_name = s.name "
        f"where s.run_id = '{run_id}' and s.name = 'charge'",
    ) == [("retry_wait", 1, 1, "handed back")]  # looked up, not repeated, after its time limit
