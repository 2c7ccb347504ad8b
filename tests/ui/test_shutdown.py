"""The desktop app, started as a real process, stops cleanly however it is told to (its own Quit
path, Ctrl-C, SIGTERM): in-flight steps finish, and the database file alone, copied without its
``-wal``/``-shm`` companions, holds every run."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from app.store.db import DB_FILENAME, Database
from app.store.runs import RunStore
from tests.support.engine import save
from tests.support.http_servers import LocalService

REPO = Path(__file__).resolve().parents[2]
BOUND = 90.0  # generous: a busy 2-core machine starts Qt slowly


def start_gui(data: Path, *extra: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DALOY_ALLOW_INSECURE_KEYRING": "1",
        "DALOY_WEB_PORT": "0",
        "PYTHONUNBUFFERED": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data), *extra],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "Daloy window shown"
    return proc


def query(db_file: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def wait_for(condition: Callable[[], bool], what: str, timeout: float = BOUND) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.1)


def sample_run_done(data: Path) -> bool:
    try:
        return query(data / DB_FILENAME, "select status from runs") == [("succeeded",)]
    except sqlite3.OperationalError:  # tables not created yet
        return False


def file_alone(data: Path, tmp_path: Path) -> Path:
    """Copy only the database file, as a backup tool or a careless operator would."""
    alone = tmp_path / "copy" / DB_FILENAME
    alone.parent.mkdir()
    shutil.copyfile(data / DB_FILENAME, alone)
    return alone


def stop(proc: subprocess.Popen[str], how: str) -> tuple[int, str]:
    if how != "quit_after":
        proc.send_signal(signal.SIGINT if how == "sigint" else signal.SIGTERM)
    try:
        _out, err = proc.communicate(timeout=BOUND)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
        pytest.fail(f"the app did not stop after {how}: {err}")
    return proc.returncode, err


@pytest.mark.parametrize("how", ["quit_after", "sigint", "sigterm"])
def test_a_clean_exit_leaves_every_run_in_the_database_file_alone(tmp_path, how):
    data = tmp_path / "data"
    proc = start_gui(data, *(["--quit-after", "25"] if how == "quit_after" else []))
    try:
        wait_for(lambda: sample_run_done(data), "the sample practice run to finish")
        code, err = stop(proc, how)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert code == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    alone = file_alone(data, tmp_path)
    assert query(alone, "select workflow_name, status, practice from runs") == [
        ("Order fulfilment", "succeeded", 1)
    ]
    assert query(alone, "select count(*) from step_runs where state = 'running'") == [(0,)]
    # Checkpointed with TRUNCATE: the log is empty (or gone once the last connection closed).
    wal = data / (DB_FILENAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


class SlowWarehouse(LocalService):
    """Answers every request, but only after ``seconds``: a step that is mid-flight."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    def handle(self, h: BaseHTTPRequestHandler, req: dict[str, Any]) -> None:
        self.hang(self.seconds)
        self.reply(h, 200, {"received": True})


def test_sigterm_lets_a_running_step_finish_before_the_database_closes(tmp_path):
    warehouse = SlowWarehouse(3.0)
    warehouse.start()
    data = tmp_path / "data"
    try:
        db = Database.open_dir(data)
        save(
            db,
            {
                "name": "notify",
                "steps": [
                    {
                        "name": "tell_warehouse",
                        "type": "http_request",
                        "config": {
                            "method": "POST",
                            "url": f"{warehouse.url}/orders",
                            "timeout": 8,
                            "body": {"order": "{{ trigger.order }}"},
                        },
                        "retry": {"max_attempts": 1, "timeout": 9},
                    },
                    {"name": "after", "type": "transform", "config": {"values": {"done": 1}}},
                ],
                "edges": [{"from": "tell_warehouse", "to": "after"}],
            },
        )
        from app.steps import registry

        run_id = RunStore(db, registry().specs).start_run("notify", {"order": "7001"})
        db.close()
        proc = start_gui(data)
        try:
            wait_for(
                lambda: (
                    query(
                        data / DB_FILENAME,
                        "select state from step_runs where run_id"
                        f" = '{run_id}' and name = 'tell_warehouse'",
                    )
                    == [("running",)]
                ),
                "the warehouse step to start",
            )
            code, err = stop(proc, "sigterm")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    finally:
        warehouse.stop()
    assert code == 0 and "Traceback" not in err, err
    alone = file_alone(data, tmp_path)
    states = dict(query(alone, f"select name, state from step_runs where run_id = '{run_id}'"))
    assert states["tell_warehouse"] == "succeeded"  # finished within the grace period
    assert "running" not in states.values()


def test_closing_the_window_without_a_tray_quits(gui, qtbot):
    _ctx, window = gui
    assert window.notifier.tray is None  # offscreen: no system tray
    from tests.ui.test_tray import answer_keep_or_quit

    answer_keep_or_quit(qtbot, "quitDaloy")  # closing asks: keep working, or quit
    with qtbot.waitSignal(window.quit_requested, timeout=5000):
        window.close()
