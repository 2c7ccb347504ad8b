"""One hostile template cannot stop the runner: its run fails in words while the other runs go on,
and the runtime still shuts down within its grace."""

from __future__ import annotations

import time

from app.core import machine as m
from tests.support.engine import run_status, runtime, save, step_state, stored, wait_for

SLOW = "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(40) }}"


def _quote(name: str, template: str) -> dict:
    return {
        "name": name,
        "business_key": "{{ trigger.order.number }}",
        "steps": [
            {
                "name": "charge",
                "title": "Charge the customer",
                "type": "transform",
                "config": {"values": {"amount": template}},
            },
            {
                "name": "confirm",
                "type": "transform",
                "config": {"values": {"sent": "{{ steps.charge.output.amount }}"}},
            },
        ],
        "edges": [{"from": "charge", "to": "confirm"}],
    }


def _order(number: str, qty: object, price: object) -> dict:
    return {"order": {"number": number, "qty": qty, "price": price}}


def test_hostile_templates_fail_in_words_while_other_runs_succeed(data_dir, database):
    rt = runtime(data_dir)
    save(rt.db, _quote("quote", "{{ trigger.order.qty * trigger.order.price }}"))
    save(rt.db, _quote("power", "{{ 9**(9**9) }}"))
    save(rt.db, _quote("slow", SLOW))
    rt.start()
    try:
        hostile = {
            rt.store.start_run("slow", _order("S-1", 1, 1)): "took longer than 2 seconds",
            rt.store.start_run("power", _order("P-1", 1, 1)): "number too large",
            rt.store.start_run(
                "quote", _order("Q-1", "40", 10**8)
            ): "longer than 5,000,000 characters",
        }
        fine = [rt.store.start_run("quote", _order(f"F-{i}", i, 5)) for i in range(6)]
        for run_id in fine:
            wait_for(lambda r=run_id: run_status(rt.db, r) == m.RUN_SUCCEEDED, 30)
        for run_id in hostile:
            wait_for(lambda r=run_id: run_status(rt.db, r) == m.RUN_NEEDS_ATTENTION, 30)
        reasons = dict(rt.db.execute_sql("select run_id, reason from inbox_items"))
        for run_id, words in hostile.items():
            print(reasons[run_id])
            assert words in reasons[run_id] and "The template “" in reasons[run_id]
        outputs = rt.db.execute_sql(
            "select output from step_runs where name='charge' and state='succeeded'"
        )
        amounts = sorted(stored(o[0])["amount"] for o in outputs)
        assert amounts == [i * 5 for i in range(6)]
        # the runner is still free: a run started after all that finishes too
        late = rt.store.start_run("quote", _order("L-1", 2, 3))
        wait_for(lambda: run_status(rt.db, late) == m.RUN_SUCCEEDED, 30)
    finally:
        slow = rt.store.start_run("slow", _order("S-2", 1, 1))  # in flight at shutdown
        wait_for(lambda: step_state(rt.db, slow, "charge")[0] == m.RUNNING, 30)
        started = time.monotonic()
        rt.shutdown(grace=3)
        took = time.monotonic() - started
        rt.db.close()
    print(f"shutdown with a slow template in flight took {took:.2f}s (grace 3 s)")
    assert took < 3 + 5  # within its grace (plus room for a busy machine)
