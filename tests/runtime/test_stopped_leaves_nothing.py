"""A stopped runtime and a closed database leave nothing behind in the process: no thread still
waiting for a step, nothing SQLAlchemy compiled for the closed database. The desktop app starts
a runtime again after a restore and opens copies of its database (backups, checks); each left
threads and the old database's dialect, with all it had compiled, in memory for good."""

from __future__ import annotations

import gc
import threading
import weakref

from app.store import workflows
from app.store.db import Database
from tests.support.engine import charge_workflow, run_status, runtime, save, wait_for

ORDER = {"order": {"amount": 120, "customer": "Ana"}}


def _attempt_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("daloy-attempt")]


def test_a_stopped_runtime_leaves_no_step_thread_waiting(data_dir, payment_gateway) -> None:
    before = set(_attempt_threads())
    rt = runtime(data_dir)
    rt.start()
    try:
        save(rt.db, charge_workflow(payment_gateway.url))
        runs = [rt.store.start_run("charge", ORDER) for _ in range(3)]
        wait_for(lambda: all(run_status(rt.db, r) == "succeeded" for r in runs))
        assert set(_attempt_threads()) - before  # the charges ran on threads of their own
    finally:
        rt.shutdown(grace=2)
        rt.db.close()
    wait_for(lambda: not set(_attempt_threads()) - before, timeout=5)


def test_a_closed_database_leaves_nothing_compiled_behind(tmp_path) -> None:
    def used_and_closed() -> weakref.ref:
        db = Database.open_dir(tmp_path / "shop")
        save(db, charge_workflow("http://127.0.0.1:9"))  # written through the mappers
        with db.write() as s:
            assert workflows.load(s, "charge")[2].name == "charge"
        db.close()
        return weakref.ref(db.engine.dialect)

    dialect = used_and_closed()
    gc.collect()
    assert dialect() is None
