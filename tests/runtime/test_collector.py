"""While a runtime runs, what the process made before is out of the cycle collector's sight
(``app.runtime.collector``), and it is the collector's again once the last runtime stopped: a
cycle of garbage among those objects is freed then, and runs go on as before meanwhile."""

from __future__ import annotations

import gc
import weakref

from app.core import machine as m
from tests.support.engine import run_status, runtime, save, wait_for


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_objects_made_before_the_runtime_are_frozen_until_the_last_runtime_stops(
    data_dir, database
):
    first = runtime(data_dir / "a")
    second = runtime(data_dir / "b")
    save(
        first.db,
        {
            "name": "w",
            "steps": [{"name": "t", "type": "transform", "config": {"values": {"n": 1}}}],
        },
    )
    cycle = _Cycle()
    gone = weakref.ref(cycle)
    first.start()
    second.start()
    try:
        assert gc.get_freeze_count() > 0
        del cycle  # garbage now, in a cycle, frozen: waits for the runtimes to stop
        gc.collect()
        assert gone() is not None
        run_id = first.store.start_run("w", {})  # orders run as before meanwhile
        wait_for(lambda: run_status(first.db, run_id) == m.RUN_SUCCEEDED)
        first.shutdown(grace=2)
        assert gc.get_freeze_count() > 0  # the second still runs
    finally:
        first.shutdown(grace=2)
        second.shutdown(grace=2)
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None
