"""A step the operator skips, entering its output by hand, makes the order's total as its
success would have (``actions.skip`` with ``order_totals``): the total is written in the skip's
own transaction, so once the skip is recorded the Orders list shows it. Real runtime, a real
local HTTP payment gateway, real SQLite (and PostgreSQL)."""

from __future__ import annotations

from app.core import machine as m
from app.runtime.runtime import Runtime
from app.store import queries
from tests.support.engine import charge_workflow, run_status, save, step_state, wait_for


def _totals(db) -> dict[str, float | None]:
    with db.read() as s:
        return {r.business_key: r.total for r in queries.list_orders(s)}


def _failed_charge(rt, payment_gateway, number: str, order_total: str) -> str:
    """An order whose charge failed (the gateway said 500): it waits for the operator."""
    wf = charge_workflow(payment_gateway.url, attempts=1, name=f"charge {number}")
    save(rt.db, {**wf, "order_total": order_total})
    payment_gateway.fail_next(1, "500")
    run_id = rt.store.start_run(
        f"charge {number}",
        {"order": {"number": number, "amount": 10, "customer": "Nena", "total": 10}},
    )
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_NEEDS_ATTENTION)
    return run_id


def test_a_skip_with_the_output_the_total_waits_for_writes_the_total(rt, payment_gateway):
    run_id = _failed_charge(rt, payment_gateway, "S1", "{{ steps.charge.output.body.amount }}")
    assert _totals(rt.db) == {"S1": 10}  # the trigger's, until the charge has a result
    rt.actions.skip(run_id, "charge", output={"body": {"id": "manual-7", "amount": 1499.5}})
    # recorded with the skip itself: no step has run since
    assert step_state(rt.db, run_id, "charge")[0] == m.SKIPPED
    assert _totals(rt.db) == {"S1": 1499.5}
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_SUCCEEDED)
    assert _totals(rt.db) == {"S1": 1499.5}


def test_a_total_of_two_steps_is_written_when_the_skipped_one_is_the_last(rt, payment_gateway):
    run_id = _failed_charge(
        rt,
        payment_gateway,
        "S2",
        "{{ steps.total.output.amount + steps.charge.output.body.fee }}",
    )
    rt.actions.skip(run_id, "charge", output={"body": {"id": "manual-8", "fee": 2.5}})
    assert _totals(rt.db) == {"S2": 12.5}  # the step that succeeded before, and the skip's


def test_a_skip_of_a_step_the_total_does_not_wait_for_leaves_the_total(rt, payment_gateway):
    run_id = _failed_charge(rt, payment_gateway, "S3", "{{ steps.confirm.output.charge_id }}")
    # the runtime stopped first: the step after the skip ran and wrote the total before this
    # test could read what the skip itself wrote (seen once, on PostgreSQL)
    rt.shutdown(grace=2)
    rt.actions.skip(run_id, "charge", output={"body": {"id": "77"}})
    assert _totals(rt.db) == {"S3": 10}
    # the step it waits for then succeeds on its own and writes it, as before
    again = Runtime(rt.db, poll_interval=0.2)
    again.start()
    try:
        wait_for(lambda: run_status(rt.db, run_id) == m.RUN_SUCCEEDED)
    finally:
        again.shutdown(grace=2)
    assert _totals(rt.db) == {"S3": 77}
