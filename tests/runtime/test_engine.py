"""The engine's guarantees, each with a named test, against a real payment gateway over HTTP and
real SQLite files."""

from __future__ import annotations

import datetime
import time

import pytest

from app.core import machine as m
from app.store import progress
from tests.support.engine import (
    charge_workflow,
    run_status,
    runtime,
    save,
    step_state,
    stored,
    wait_for,
)

ORDER = {"order": {"number": "1042", "amount": 990, "customer": "Aling Nena"}}


def done(rt, run_id, status=m.RUN_SUCCEEDED, timeout=20):
    return wait_for(lambda: run_status(rt.db, run_id) == status, timeout)


def test_happy_path_charges_once_and_passes_outputs(rt, payment_gateway):
    save(rt.db, charge_workflow(payment_gateway.url))
    run_id = rt.store.start_run("charge", ORDER)
    done(rt, run_id)
    key = f"daloy-{run_id}-charge"
    assert payment_gateway.charge_count(key) == 1
    out = rt.db.execute_sql(
        f"select output from step_runs where run_id='{run_id}' and name='confirm'"
    )
    assert stored(out[0][0])["charge_id"] == "ch_1"
    assert rt.db.execute_sql(f"select business_key from runs where id='{run_id}'") == [("1042",)]


def test_system_down_retries_then_succeeds(rt, payment_gateway):
    save(rt.db, charge_workflow(payment_gateway.url))
    payment_gateway.fail_next(1, "refuse")
    payment_gateway.fail_next(2, "503")
    run_id = rt.store.start_run("charge", ORDER)
    done(rt, run_id)
    assert step_state(rt.db, run_id, "charge") == ("succeeded", 4)
    outcomes = [
        r[0]
        for r in rt.db.execute_sql(
            f"select outcome from attempts where run_id='{run_id}' and step_name='charge' order by number"
        )
    ]
    assert outcomes == ["retryable", "retryable", "retryable", "succeeded"]


def test_retries_exhausted_hold_the_run_and_open_an_inbox_entry_while_others_go_on(
    rt, payment_gateway
):
    save(rt.db, charge_workflow(payment_gateway.url, attempts=3))
    payment_gateway.fail_next(3, "500")
    stuck = rt.store.start_run("charge", ORDER)
    done(rt, stuck, m.RUN_NEEDS_ATTENTION)
    assert step_state(rt.db, stuck, "confirm")[0] == m.PENDING  # held
    other = rt.store.start_run(
        "charge", {"order": {"number": "1043", "amount": 5, "customer": "B"}}
    )
    done(rt, other)  # others go on
    items = rt.db.execute_sql("select kind, reason, run_id, status from inbox_items")
    assert len(items) == 1 and items[0][0] == "step_failed" and items[0][2] == stuck
    assert "after 3 attempts" in items[0][1] and "500" in items[0][1]
    # the operator retries; the gateway is back; the run finishes
    rt.actions.retry(stuck, "charge", who="maria")
    done(rt, stuck)
    assert rt.db.execute_sql("select status, resolved_by from inbox_items") == [
        ("resolved", "maria")
    ]
    audit = rt.db.execute_sql("select who, action, run_id from audit where action='retry'")
    assert audit == [("maria", "retry", stuck)]


def test_client_error_is_permanent(rt, payment_gateway):
    save(rt.db, charge_workflow(payment_gateway.url))
    payment_gateway.fail_next(1, "400")
    run_id = rt.store.start_run("charge", ORDER)
    done(rt, run_id, m.RUN_NEEDS_ATTENTION)
    assert step_state(rt.db, run_id, "charge") == ("needs_attention", 1)
    reason = rt.db.execute_sql("select reason from inbox_items")[0][0]
    assert "answered 400" in reason and "after 1 attempt" in reason


def test_outcome_unknown_is_reconciled_not_charged_twice(rt, payment_gateway):
    payment_gateway.hang_seconds = 2.0
    save(rt.db, charge_workflow(payment_gateway.url, timeout=0.5))
    payment_gateway.fail_next(1, "charge_then_hang")
    run_id = rt.store.start_run("charge", ORDER)
    done(rt, run_id)
    key = f"daloy-{run_id}-charge"
    assert payment_gateway.charge_count(key) == 1
    posts = [r for r in payment_gateway.requests if r["method"] == "POST"]
    lookups = [r for r in payment_gateway.requests if r["method"] == "GET"]
    assert len(posts) == 1 and len(lookups) == 1  # looked up, not sent again
    out = rt.db.execute_sql(
        f"select output from step_runs where run_id='{run_id}' and name='charge'"
    )[0][0]
    assert stored(out)["reconciled"] is True


def test_outcome_unknown_lookup_says_no_then_the_call_is_repeated(rt, payment_gateway):
    payment_gateway.hang_seconds = 2.0
    save(rt.db, charge_workflow(payment_gateway.url, timeout=0.5))
    payment_gateway.fail_next(1, "hang")  # no charge happened, but no answer either
    run_id = rt.store.start_run("charge", ORDER)
    done(rt, run_id)
    assert payment_gateway.charge_count(f"daloy-{run_id}-charge") == 1
    assert [r["method"] for r in payment_gateway.requests] == ["POST", "GET", "POST"]


def test_idempotency_key_is_stable_across_retries_and_unique_across_runs(rt, payment_gateway):
    save(rt.db, charge_workflow(payment_gateway.url))
    payment_gateway.fail_next(2, "503")
    a = rt.store.start_run("charge", ORDER)
    done(rt, a)
    b = rt.store.start_run("charge", ORDER)
    done(rt, b)
    keys = [
        r["headers"]["Idempotency-Key"] for r in payment_gateway.requests if r["method"] == "POST"
    ]
    assert keys[:3] == [f"daloy-{a}-charge"] * 3
    assert keys[3] == f"daloy-{b}-charge" != keys[0]


def test_a_run_pins_its_workflow_version(rt, payment_gateway):
    wf = charge_workflow(payment_gateway.url, attempts=2)
    save(rt.db, wf)
    payment_gateway.fail_next(2, "500")
    run_id = rt.store.start_run("charge", ORDER)
    done(rt, run_id, m.RUN_NEEDS_ATTENTION)
    wf["steps"][2]["config"]["values"] = {"edited": True}
    save(rt.db, wf)  # version 2
    rt.actions.retry(run_id, "charge")
    done(rt, run_id)
    out = rt.db.execute_sql(
        f"select output from step_runs where run_id='{run_id}' and name='confirm'"
    )[0][0]
    assert "charge_id" in out and "edited" not in out


def test_operator_actions_skip_restart_cancel_and_edited_input(rt, payment_gateway):
    save(rt.db, charge_workflow(payment_gateway.url, attempts=1))
    payment_gateway.fail_next(1, "500")
    r1 = rt.store.start_run("charge", ORDER)
    done(rt, r1, m.RUN_NEEDS_ATTENTION)
    rt.actions.skip(r1, "charge", output={"body": {"id": "manual-7"}}, who="jun")
    done(rt, r1)
    confirmed = rt.db.execute_sql(
        f"select output from step_runs where run_id='{r1}' and name='confirm'"
    )[0][0]
    assert stored(confirmed) == {"charge_id": "manual-7"}
    rt.actions.restart(r1, "confirm", who="jun")
    done(rt, r1)

    payment_gateway.fail_next(1, "500")
    r2 = rt.store.start_run("charge", ORDER)
    done(rt, r2, m.RUN_NEEDS_ATTENTION)
    edited = {
        "method": "POST",
        "url": f"{payment_gateway.url}/charges",
        "timeout": 2,
        "body": {"amount": 1, "customer": "edited"},
    }
    rt.actions.retry(r2, "charge", new_input=edited, who="jun")
    done(rt, r2)
    assert b'"edited"' in [r for r in payment_gateway.requests if r["method"] == "POST"][-1]["body"]

    payment_gateway.fail_next(1, "500")
    r3 = rt.store.start_run("charge", ORDER)
    done(rt, r3, m.RUN_NEEDS_ATTENTION)
    rt.actions.cancel(r3, who="jun")
    assert run_status(rt.db, r3) == m.RUN_CANCELLED
    assert step_state(rt.db, r3, "confirm")[0] == m.CANCELLED
    actions = [
        a for (a,) in rt.db.execute_sql("select action from audit where who='jun' order by id")
    ]
    assert actions == ["skip", "restart", "retry_with_input", "cancel"]
    before, after = rt.db.execute_sql("select before, after from audit where action='skip'")[0]
    assert stored(before)["state"] == m.NEEDS_ATTENTION and stored(after)["state"] == m.SKIPPED


def test_retry_time_survives_a_restart(data_dir, database, payment_gateway):
    rt1 = runtime(data_dir)
    rt1.start()
    wf = charge_workflow(payment_gateway.url)
    wf["steps"][1]["retry"].update(initial_delay=3.0, max_delay=3.0, jitter=0)
    save(rt1.db, wf)
    payment_gateway.fail_next(1, "503")
    run_id = rt1.store.start_run("charge", ORDER)
    wait_for(lambda: step_state(rt1.db, run_id, "charge")[0] == m.RETRY_WAIT)
    due = rt1.db.execute_sql(
        f"select next_attempt_at from step_runs where run_id='{run_id}' and name='charge'"
    )[0][0]
    rt1.shutdown(grace=1)
    rt1.db.close()
    rt2 = runtime(data_dir, poll_interval=30)  # no polling: the stored time must drive it
    rt2.start()
    try:
        done(rt2, run_id, timeout=15)
        second = [r["at"] for r in payment_gateway.requests if r["method"] == "POST"][1]
        assert due - 0.05 <= second <= due + 1.5
    finally:
        rt2.shutdown(grace=1)


def test_lease_of_a_dead_runner_goes_back_to_ready_and_the_attempt_counts(
    data_dir, database, payment_gateway
):
    rt = runtime(data_dir)
    save(rt.db, charge_workflow(payment_gateway.url))
    run_id = rt.store.start_run("charge", ORDER)
    claims = rt.store.claim("otherhost:1:dead", limit=1)  # a runner that then died
    assert claims and claims[0].step_name == "total"
    assert rt.store.recover(is_alive=lambda owner: False) == 1
    assert step_state(rt.db, run_id, "total") == (m.READY, 1)
    rt.start()
    try:
        done(rt, run_id)
        assert step_state(rt.db, run_id, "total") == (m.SUCCEEDED, 2)
        assert rt.db.execute_sql(
            f"select outcome from attempts where run_id='{run_id}' and step_name='total' order by number"
        ) == [("interrupted",), ("succeeded",)]
    finally:
        rt.shutdown(grace=1)


def test_a_step_that_keeps_killing_its_runner_ends_in_the_inbox(
    data_dir, database, payment_gateway
):
    rt = runtime(data_dir)
    save(rt.db, charge_workflow(payment_gateway.url, attempts=3))
    run_id = rt.store.start_run("charge", ORDER)
    rt.store.claim("h:1:a")
    rt.store.recover(is_alive=lambda o: False)
    later = time.time()
    for i in range(3):  # the charge step kills its runner three times
        claim = (
            next(c for c in rt.store.claim(f"h:{i}:b", limit=5) if c.step_name == "total")
            if i == 0
            else None
        )
        if claim:
            rt.store.succeed(claim, {"amount": 1})
        else:  # each look-up waits until the killed attempt can no longer land (time limit)
            assert rt.store.claim(f"h:{i}:early", now=later) == []
            later += 10
        c = rt.store.claim(f"h:{i}:c", now=later)[0]
        assert c.step_name == "charge" and c.needs_reconcile == (i > 0)
        rt.store.recover(is_alive=lambda o: False, now=later)
    assert step_state(rt.db, run_id, "charge") == (m.NEEDS_ATTENTION, 3)
    reason = rt.db.execute_sql("select reason from inbox_items")[0][0]
    assert "stopped 3 times" in reason and "Not known whether" in reason
    assert rt.store.claim("h:9:z", now=later + 100) == []  # no crash loop: nothing to claim


def test_graceful_shutdown_gives_the_lease_back(data_dir, database, payment_gateway):
    payment_gateway.hang_seconds = 3
    rt = runtime(data_dir)
    save(rt.db, charge_workflow(payment_gateway.url, timeout=5))
    payment_gateway.fail_next(1, "hang")
    rt.start()
    run_id = rt.store.start_run("charge", ORDER)
    wait_for(lambda: step_state(rt.db, run_id, "charge")[0] == m.RUNNING)
    assert rt.shutdown(grace=0.2) == 1
    # the request may still land: looked up (not repeated) once its time limit (5 s) is over
    assert step_state(rt.db, run_id, "charge") == (m.RETRY_WAIT, 1)
    assert rt.db.execute_sql(
        f"select s.needs_reconcile, s.next_attempt_at - a.started_at, a.outcome "
        f"from step_runs s join attempts a on a.run_id = s.run_id and a.step_name = s.name "
        f"where s.run_id='{run_id}' and s.name='charge'"
    ) == [(1, pytest.approx(5.0), "handed back")]
    rt.db.close()


def test_a_handed_back_charge_is_looked_up_after_its_time_limit_and_numbered_on(
    data_dir, database, payment_gateway
):
    # A gateway that books 1 s after the POST arrived and ignores Idempotency-Key: a look-up
    # right after the restart would say "not found" and the card would be charged twice.
    payment_gateway.book_late(1.0, 1.0)
    payment_gateway.honour_keys = False
    first = runtime(data_dir)
    save(first.db, charge_workflow(payment_gateway.url, timeout=3))
    first.start()
    run_id = first.store.start_run("charge", ORDER)
    wait_for(lambda: payment_gateway.booking == 1)  # the charge is in flight
    assert first.shutdown(grace=0.05) == 1
    second = runtime(data_dir)  # restarted at once
    second.start()
    try:
        done(second, run_id, timeout=30)
    finally:
        second.shutdown(grace=2)
    key = f"daloy-{run_id}-charge"
    assert payment_gateway.charge_count(key) == 1
    lookup = next(r for r in payment_gateway.requests if r["method"] == "GET")
    started = second.db.execute_sql(
        f"select started_at from attempts where run_id='{run_id}' "
        "and step_name='charge' and number=1"
    )[0][0]
    assert lookup["at"] >= started + 3  # not before the time limit
    attempts = second.db.execute_sql(
        f"select number, outcome from attempts where "
        f"run_id='{run_id}' and step_name='charge' order by id"
    )
    assert attempts == [(1, "handed back"), (2, "succeeded")]  # no second "attempt 1"
    out = second.db.execute_sql(
        f"select output from step_runs where run_id='{run_id}' and name='charge'"
    )[0][0]
    assert stored(out)["reconciled"] is True
    first.db.close()
    second.db.close()


def test_no_answer_and_no_lookup_asks_a_person_instead_of_charging_again(rt, payment_gateway):
    payment_gateway.hang_seconds = 2.0
    wf = charge_workflow(payment_gateway.url, timeout=0.5)
    del wf["steps"][1]["config"]["reconcile_url"]
    save(rt.db, wf)
    payment_gateway.fail_next(1, "charge_then_hang")
    run_id = rt.store.start_run("charge", ORDER)
    done(rt, run_id, m.RUN_NEEDS_ATTENTION)
    assert [r["method"] for r in payment_gateway.requests] == ["POST"]  # never repeated
    title, reason = rt.db.execute_sql("select title, reason from inbox_items where status='open'")[
        0
    ]
    assert "not known whether it went through" in title
    assert reason.startswith("Not known whether “Charge” went through")
    assert "whether the card was charged" in reason and "before retrying" in reason
    # the operator checked (not charged, say) and retries: it is sent, without a look-up
    rt.actions.retry(run_id, "charge", who="maria")
    done(rt, run_id)
    assert [r["method"] for r in payment_gateway.requests] == ["POST", "POST"]


def test_lookup_unavailable_retries_the_lookup_then_asks_a_person(rt, payment_gateway):
    payment_gateway.hang_seconds = 2.0
    wf = charge_workflow(payment_gateway.url, timeout=0.5, attempts=3)
    wf["steps"][1]["config"]["reconcile_url"] = "http://127.0.0.1:9/charges"  # nothing listens
    save(rt.db, wf)
    payment_gateway.fail_next(1, "charge_then_hang")
    run_id = rt.store.start_run("charge", ORDER)
    done(rt, run_id, m.RUN_NEEDS_ATTENTION)
    assert payment_gateway.charge_count(f"daloy-{run_id}-charge") == 1
    assert [r["method"] for r in payment_gateway.requests] == ["POST"]  # never repeated
    reason = rt.db.execute_sql("select reason from inbox_items where status='open'")[0][0]
    assert reason.startswith("Not known whether “Charge” went through")
    assert "Could not find out whether the earlier request went through" in reason


def test_local_effects_commit_with_the_completion(data_dir, database):
    from sqlalchemy import text

    from app.core.results import StepResult

    rt = runtime(data_dir)
    rt.db.execute_sql("select 1")
    with rt.db.write() as s:
        s.execute(text("create table ledger (order_no text)"))
    save(
        rt.db,
        {"name": "w", "steps": [{"name": "a", "type": "transform", "config": {"values": {}}}]},
    )
    run_id = rt.store.start_run("w", {})
    claim = rt.store.claim("me:1:x")[0]

    def effect(s):
        s.execute(text("insert into ledger values ('1042')"))

    def boom(s):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        rt.store.succeed(claim, {"ok": True}, effects=[effect, boom])
    assert rt.db.execute_sql("select count(*) from ledger") == [(0,)]
    assert step_state(rt.db, run_id, "a")[0] == m.RUNNING
    assert rt.store.succeed(claim, StepResult().output, effects=[effect])
    assert rt.db.execute_sql("select count(*) from ledger") == [(1,)]
    assert run_status(rt.db, run_id) == m.RUN_SUCCEEDED


def test_a_stale_lease_cannot_record_a_result(data_dir, database):
    rt = runtime(data_dir)
    save(
        rt.db,
        {"name": "w", "steps": [{"name": "a", "type": "transform", "config": {"values": {}}}]},
    )
    run_id = rt.store.start_run("w", {})
    old = rt.store.claim("h:1:a")[0]
    rt.store.recover(is_alive=lambda o: False)
    new = rt.store.claim("h:2:b")[0]
    assert rt.store.succeed(old, {"from": "old"}) is False
    assert rt.store.succeed(new, {"from": "new"}) is True
    output = rt.db.execute_sql(f"select output from step_runs where run_id='{run_id}'")[0][0]
    assert stored(output) == {"from": "new"}


def test_per_attempt_timeout(rt, payment_gateway):
    payment_gateway.hang_seconds = 2
    wf = charge_workflow(payment_gateway.url, timeout=5)
    wf["steps"][1]["retry"]["timeout"] = 0.5
    save(rt.db, wf)
    payment_gateway.fail_next(1, "hang")
    run_id = rt.store.start_run("charge", ORDER)
    done(rt, run_id)
    first = rt.db.execute_sql(
        f"select outcome, error from attempts where run_id='{run_id}' and step_name='charge' order by number"
    )[0]
    assert first[0] == "timeout" and "time limit" in first[1]


def test_scheduler_job_errors_become_inbox_entries(rt):
    def broken():
        raise ValueError("boom")

    rt.scheduler.add_job(broken, id="nightly-report", executor="control")
    wait_for(
        lambda: rt.db.execute_sql("select count(*) from inbox_items where kind='system'")[0][0] == 1
    )
    assert "nightly-report" in rt.db.execute_sql("select reason from inbox_items")[0][0]


def test_many_runs_in_parallel(rt):
    save(
        rt.db,
        {
            "name": "chain",
            "steps": [
                {"name": f"s{i}", "type": "transform", "config": {"values": {"i": i}}}
                for i in range(5)
            ],
            "edges": [{"from": f"s{i}", "to": f"s{i + 1}"} for i in range(4)],
        },
    )
    ids = [rt.store.start_run("chain", {"n": i}) for i in range(60)]
    wait_for(lambda: all(run_status(rt.db, i) == m.RUN_SUCCEEDED for i in ids), 60)
    per_run = rt.db.execute_sql(
        "select run_id, count(*), sum(attempts) from step_runs "
        "where state='succeeded' group by run_id"
    )
    assert sorted(r[0] for r in per_run) == sorted(ids)
    assert all(r[1] == 5 and r[2] == 5 for r in per_run)  # each step ran once


def test_a_chain_costs_one_commit_per_step_and_its_claim(data_dir, database, monkeypatch):
    # pure steps share the commit of the step before them (tests/runtime/test_pure_batch.py);
    # the batch's time bound is lifted so that a busy machine cannot change the count
    monkeypatch.setattr(progress, "PURE_BATCH_SECONDS", 60.0)
    r = runtime(data_dir)
    save(
        r.db,
        {
            "name": "chain",
            "steps": [
                {"name": f"s{i}", "type": "transform", "config": {"values": {"i": i}}}
                for i in range(5)
            ],
            "edges": [{"from": f"s{i}", "to": f"s{i + 1}"} for i in range(4)],
        },
    )
    run_id = r.store.start_run("chain", {})
    before = r.db.commits
    r.start()
    try:
        done(r, run_id)
        # one claim for the first step, then its result with s1..s4's, run in-line (at most
        # one commit per step, and its claim)
        assert r.db.commits - before == 2, r.db.commits - before
    finally:
        r.shutdown(grace=2)
        r.db.close()
    attempts = r.db.execute_sql(
        f"select step_name, number, outcome from attempts where run_id='{run_id}' order by id"
    )
    assert attempts == [(f"s{i}", 1, "succeeded") for i in range(5)]


def test_branches_run_side_by_side_and_join_once(rt):
    # a → (b, c) → d: b and c are both ready after a; one continues on a's worker, the other is
    # dispatched to another; d starts once, after both, and sees both outputs.
    save(
        rt.db,
        {
            "name": "fan",
            "steps": [
                {"name": "a", "type": "transform", "config": {"values": {"n": "{{ trigger.n }}"}}},
                {
                    "name": "b",
                    "type": "transform",
                    "config": {"values": {"b": "{{ steps.a.output.n }}"}},
                },
                {
                    "name": "c",
                    "type": "transform",
                    "config": {"values": {"c": "{{ steps.a.output.n }}"}},
                },
                {
                    "name": "d",
                    "type": "transform",
                    "config": {"values": {"sum": "{{ steps.b.output.b + steps.c.output.c }}"}},
                },
            ],
            "edges": [
                {"from": "a", "to": "b"},
                {"from": "a", "to": "c"},
                {"from": "b", "to": "d"},
                {"from": "c", "to": "d"},
            ],
        },
    )
    ids = [rt.store.start_run("fan", {"n": i}) for i in range(20)]
    wait_for(lambda: all(run_status(rt.db, i) == m.RUN_SUCCEEDED for i in ids), 30)
    for n, run_id in enumerate(ids):
        out = rt.db.execute_sql(
            f"select output, attempts from step_runs where run_id='{run_id}' and name='d'"
        )
        assert [(stored(o), a) for o, a in out] == [({"sum": 2 * n}, 1)]


@pytest.mark.parametrize(
    "result, why",
    [
        ({"when": datetime.date(2026, 11, 25)}, "date is not JSON serializable"),
        # PostgreSQL's JSON refuses NaN: refused before writing on both databases, so the step
        # fails in words there too instead of its attempt failing to be recorded (an order
        # that hung)
        ({"total": float("nan")}, "not JSON compliant"),
    ],
)
def test_a_result_that_is_not_json_fails_the_step_in_words(data_dir, database, result, why):
    rt = runtime(data_dir)
    save(
        rt.db,
        {"name": "w", "steps": [{"name": "a", "type": "transform", "config": {"values": {}}}]},
    )
    run_id = rt.store.start_run("w", {})
    claim = rt.store.claim("me:1:x")[0]
    assert rt.store.succeed_and_continue(claim, result) == (False, None)
    assert step_state(rt.db, run_id, "a")[0] == m.NEEDS_ATTENTION
    reason = rt.db.execute_sql("select reason from inbox_items")[0][0]
    assert "result could not be saved" in reason and why in reason
    rt.db.close()


def test_two_runners_on_one_database_run_each_step_once(data_dir, database):
    # Two runtimes, each with its own Database (its own write lock and connections), as two
    # runner processes on one file would be: SQLite's BEGIN IMMEDIATE keeps their claims apart.
    first, second = runtime(data_dir), runtime(data_dir)
    save(
        first.db,
        {
            "name": "chain",
            "steps": [
                {"name": f"s{i}", "type": "transform", "config": {"values": {"i": i}}}
                for i in range(5)
            ],
            "edges": [{"from": f"s{i}", "to": f"s{i + 1}"} for i in range(4)],
        },
    )
    first.start()
    second.start()
    # orders arrive at both (each runner is woken by its own starts and sees the other's too)
    ids = [(first, second)[i % 2].store.start_run("chain", {"n": i}) for i in range(150)]
    try:
        wait_for(lambda: all(run_status(first.db, i) == m.RUN_SUCCEEDED for i in ids), 60)
    finally:
        first.shutdown(grace=2)
        second.shutdown(grace=2)
    per_step = first.db.execute_sql(
        "select count(*), sum(attempts), count(distinct run_id) "
        "from step_runs where state = 'succeeded'"
    )
    assert per_step == [(750, 750, 150)]
    runners = first.db.execute_sql("select count(distinct runner) from attempts")[0][0]
    assert runners == 2  # both took part
    first.db.close()
    second.db.close()
