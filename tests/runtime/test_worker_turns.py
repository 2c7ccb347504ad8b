"""The runtime's workers and dispatcher take their turns from pools of their own (not scheduler
jobs): a turn that fails unexpectedly still reaches a person, and a step handed to a worker
after shutdown began gives its lease back instead of being lost."""

from __future__ import annotations

from app.core import machine as m
from tests.support.engine import runtime, save, step_state, wait_for

CHAIN = {
    "name": "two",
    "steps": [
        {"name": "a", "type": "transform", "config": {"values": {"n": "{{ trigger.n }}"}}},
        {"name": "b", "type": "transform", "config": {"values": {"n": 2}}},
    ],
    "edges": [{"from": "a", "port": "out", "to": "b"}],
}


def system_entries(rt) -> list[str]:
    return [r[0] for r in rt.db.execute_sql("select reason from inbox_items where kind='system'")]


def test_a_worker_turn_that_fails_unexpectedly_becomes_an_inbox_entry(rt):
    def broken() -> None:
        raise ValueError("boom")

    rt._submit(rt._workers, "execute", broken)
    wait_for(lambda: len(system_entries(rt)) == 1)
    assert "execute" in system_entries(rt)[0] and "boom" in system_entries(rt)[0]


def test_a_step_handed_over_after_shutdown_gives_its_lease_back(data_dir, database):
    rt = runtime(data_dir)
    save(rt.db, CHAIN)
    rt.start()
    rt.shutdown(grace=2)
    try:
        # a step claimed by the dispatcher just as shutdown stopped the workers' pool
        run_id = rt.store.start_run("two", {"n": 1})
        (claim,) = rt.store.claim(rt.owner, limit=1)
        assert step_state(rt.db, run_id, "a")[0] == m.RUNNING
        with rt._lock:
            rt._in_flight[claim.lease] = claim
        rt._submit(rt._workers, "execute", rt._execute, claim)
        assert claim.lease not in rt._in_flight
        assert step_state(rt.db, run_id, "a")[0] == m.READY
    finally:
        rt.db.close()
