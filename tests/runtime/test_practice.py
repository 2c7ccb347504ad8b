"""Practice that proves a change: a try of a draft gets plausible data after stubbed steps, and a
replay against past orders shows exactly the orders the draft would treat differently."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.model import Workflow
from app.core.stepspec import GUARANTEES
from app.intake import trigger_registry
from app.runtime.practice import replay, try_draft
from app.steps import registry
from app.store import drafts
from tests.support.engine import run_status, runtime, save, stored, wait_for

SPECS = registry().specs


def branching(
    url: str, expression: str = "{{ steps.total.output.amount > 100 }}", body: Any = None
) -> dict[str, Any]:
    """total -> big? -> true: charge (POST, acts) -> receipt | false: small (a note)."""
    return {
        "format_version": 1,
        "name": "orders",
        "business_key": "{{ trigger.number }}",
        "sample_input": {"number": "S-1", "amount": 120},
        "steps": [
            {
                "name": "total",
                "type": "transform",
                "config": {"values": {"amount": "{{ trigger.amount }}"}},
            },
            {
                "name": "big",
                "type": "condition",
                "title": "Big order?",
                "config": {"expression": expression},
            },
            {
                "name": "charge",
                "type": "http_request",
                "title": "Charge card",
                "config": {
                    "method": "POST",
                    "url": f"{url}/charges",
                    "body": body or {"amount": "{{ steps.total.output.amount }}"},
                },
            },
            {
                "name": "receipt",
                "type": "transform",
                "config": {
                    "values": {"charge": "{{ steps.charge.output.body.id | default('none') }}"}
                },
            },
            {"name": "small", "type": "transform", "config": {"values": {"note": "small"}}},
        ],
        "edges": [
            {"from": "total", "to": "big"},
            {"from": "big", "port": "true", "to": "charge"},
            {"from": "charge", "to": "receipt"},
            {"from": "big", "port": "false", "to": "small"},
        ],
    }


@pytest.fixture
def live(tmp_path, database, webhook_sink):
    """20 real orders (amounts 13, 26, ... 260) run through the live version."""
    rt = runtime(tmp_path)
    save(rt.db, branching(webhook_sink.url))
    rt.start()
    runs = {
        rt.store.start_run("orders", {"number": f"N{i}", "amount": 13 * i}): 13 * i
        for i in range(1, 21)
    }
    wait_for(lambda: all(run_status(rt.db, r) == "succeeded" for r in runs), timeout=60)
    yield rt, runs, webhook_sink
    rt.shutdown()


def draft(rt, wf: dict[str, Any]) -> None:
    with rt.db.write() as s:
        drafts.save_draft(s, Workflow.from_dict(wf), "ana")


def test_every_step_type_declares_a_sample_output():
    for t in registry():
        assert t.spec.sample_output is not None, t.spec.name
        assert isinstance(t.spec.sample_output({}), dict)
        assert not t.spec.side_effects or t.spec.guarantee.startswith(GUARANTEES)


def test_a_try_stubs_the_charge_and_the_next_step_reads_its_sample(
    tmp_path, database, webhook_sink
):
    rt = runtime(tmp_path)
    with rt.db.write() as s:
        drafts.save_draft(s, Workflow.from_dict(branching(webhook_sink.url)), "ana")
    rt.start()
    try:
        run_id = try_draft(rt, "orders")  # on the sample order
        wait_for(lambda: run_status(rt.db, run_id) == "succeeded")
        rows = rt.db.execute_sql(f"select name, output from step_runs where run_id = '{run_id}'")
        out = {name: stored(output) for name, output in rows}
        assert out["charge"]["practice"] is True and "would_send" in out["charge"]
        assert out["receipt"] == {"charge": "sample-0001"}  # plausible, not a failure
        assert webhook_sink.received == []  # nothing left the building
        with rt.db.read() as s:  # nothing was published
            assert s.execute(drafts.select(drafts.WorkflowRow.current_version_id)).scalar() is None
            assert drafts.load_draft(s, "orders") is not None
    finally:
        rt.shutdown()


def test_replay_shows_exactly_the_orders_a_changed_branch_treats_differently(live):
    rt, runs, sink = live
    sent_live = len(sink.received)
    draft(rt, branching(sink.url, "{{ steps.total.output.amount > 150 }}"))
    report = replay(rt, "orders", 20, timeout=60)
    assert len(report.orders) == 20 and all(o.finished for o in report.orders)
    differ = {o.business_key for o in report.differing}
    assert differ == {f"N{i}" for i in range(1, 21) if 100 < 13 * i <= 150}  # N8 .. N11
    one = next(o for o in report.differing if o.business_key == "N8")
    assert "“Big order?” would go on by “false” (this order went on by “true”)." in one.differences
    assert "“Charge card” would not run (it ran for this order)." in one.differences
    assert "“Small” would run (it did not for this order)." in one.differences
    assert len(sink.received) == sent_live  # practice sent nothing
    assert report.lines()[0].endswith("4 orders would go differently, 16 the same.")
    statuses = rt.db.execute_sql("select status from runs where practice")
    assert statuses and all(st in ("succeeded", "cancelled") for (st,) in statuses)


def test_replay_says_what_would_be_sent_differently(live):
    rt, runs, sink = live
    draft(
        rt,
        branching(sink.url, body={"amount": "{{ steps.total.output.amount }}", "currency": "PHP"}),
    )
    report = replay(rt, "orders", 20, timeout=60)
    assert {o.business_key for o in report.differing} == {
        f"N{i}" for i in range(1, 21) if 13 * i > 100
    }
    words = report.differing[0].differences
    assert len(words) == 1 and words[0].startswith(
        "“Charge card” would send a different “What to send”"
    )
    unchanged = replay(
        rt, "orders", 5, timeout=60, workflow=Workflow.from_dict(branching(sink.url))
    )  # the editor's document
    assert unchanged.differing == [] and "exactly as it did" in unchanged.lines()[0]


def test_publish_after_replay_keeps_past_orders_on_their_version(live):
    rt, runs, sink = live
    draft(rt, branching(sink.url, "{{ steps.total.output.amount > 150 }}"))
    with rt.db.write() as s:
        saved = drafts.publish(s, "orders", SPECS, trigger_registry(), who="ana", note="tighter")
    assert saved.number == 2
    assert {
        v
        for (v,) in rt.db.execute_sql(
            "select distinct v.number from runs r join workflow_versions v on v.id = r.version_id "
            "where not r.practice"
        )
    } == {1}
