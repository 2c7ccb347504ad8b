"""Crash suite: the runner as a real subprocess, killed at every named crash point and at random
moments, against a real payment gateway that fails on demand. Every run finishes; every
idempotency key is charged exactly once; the database stays intact."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.crashpoints import EXIT_CODE, POINTS
from app.steps import registry
from app.store.db import Database
from app.store.runs import RunStore
from tests.support.engine import charge_workflow, wait_for

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def five_step_workflow(gateway_url: str, sink_url: str) -> dict:
    wf = charge_workflow(gateway_url, attempts=20, delay=0.05, timeout=0.6, name="crash")
    wf["steps"][1]["retry"].update(max_delay=0.3)
    wf["steps"] += [
        {"name": "notify", "type": "http_request",
         "config": {"method": "POST", "url": f"{sink_url}/warehouse", "timeout": 2,
                    "body": {"order": "{{ trigger.order.number }}",
                             "charge": "{{ steps.confirm.output.charge_id }}"}},
         "retry": {"max_attempts": 20, "initial_delay": 0.05, "max_delay": 0.3}},
        {"name": "finish", "type": "transform", "config": {"values": {"done": True}}},
    ]
    wf["edges"] += [{"from": "confirm", "to": "notify"}, {"from": "notify", "to": "finish"}]
    return {"format_version": 1, **wf}


def daloy(data_dir: Path, *args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
                            cwd=REPO, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def setup(tmp_path: Path, gateway, sink, runs: int) -> tuple[Path, list[str]]:
    data = tmp_path / "data"
    wf_file = tmp_path / "wf.json"
    wf_file.write_text(json.dumps(five_step_workflow(gateway.url, sink.url)))
    p = daloy(data, "workflow", "import", str(wf_file))
    assert p.wait(60) == 0, p.stderr.read()
    db = Database.open_dir(data)
    store = RunStore(db, registry().specs)
    ids = [store.start_run("crash", {"order": {"number": f"#{i}", "amount": i, "customer": "c"}})
           for i in range(runs)]
    db.close()
    return data, ids


def statuses(data: Path) -> dict[str, int]:
    db = Database.open_dir(data, migrate=False)
    try:
        return dict(db.execute_sql("select status, count(*) from runs group by status"))
    finally:
        db.close()


def finish_cleanly(data: Path, total: int, timeout: float = 120) -> None:
    runner = daloy(data, "runner", "--workers", "4")
    assert "working on" in runner.stdout.readline().decode()   # started, signal handlers set
    try:
        wait_for(lambda: statuses(data).get("succeeded", 0) == total, timeout, interval=0.3)
    finally:
        runner.send_signal(signal.SIGTERM)
        assert runner.wait(30) == 0


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
        crashed = daloy(data, "runner", env={"DALOY_CRASHPOINT": f"{point}:{n}"})
        try:
            code = crashed.wait(60)
        except subprocess.TimeoutExpired:
            crashed.kill()
            pytest.fail(f"crash point {point}:{n} was never reached")
        if code != EXIT_CODE:
            # every run may already be done before the n-th pass: that is fine only then
            assert statuses(data).get("succeeded", 0) == len(ids), crashed.stderr.read()
            crashed.wait()
    finish_cleanly(data, len(ids))
    check_integrity(data, payment_gateway, ids)


def test_sigkill_at_random_moments_during_200_runs(tmp_path, payment_gateway, webhook_sink):
    payment_gateway.hang_seconds = 1.0
    payment_gateway.chaos(0.15, ("refuse", "500", "503", "charge_then_hang", "hang"), seed=7)
    data, ids = setup(tmp_path, payment_gateway, webhook_sink, runs=200)
    rng = random.Random(42)
    kills = 0
    deadline = time.monotonic() + 240
    while statuses(data).get("succeeded", 0) < len(ids) and time.monotonic() < deadline:
        runner = daloy(data, "runner", "--workers", "4")
        assert "working on" in runner.stdout.readline().decode()   # killed while it works
        time.sleep(rng.uniform(0.02, 0.4))
        runner.send_signal(signal.SIGKILL)
        runner.wait(10)
        kills += 1
    payment_gateway.chaos(0.0)
    finish_cleanly(data, len(ids))
    assert kills >= 10, kills
    check_integrity(data, payment_gateway, ids)
    assert statuses(data) == {"succeeded": 200}
