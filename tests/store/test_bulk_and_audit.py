"""Bulk actions on inbox entries (one audited action each, one refusal never stops the rest,
"all waiting on the payment service") and the audit trail read back: the audit page's filters
and an order's timeline (who chose Backorder, who pressed Retry, when, with what note). Real
engine runs against the local payment gateway on real SQLite files."""

from __future__ import annotations

import socket
import time

import pytest

from app.core import machine as m
from app.store import audit
from app.store.actions import bulk
from app.store.queries import system_of, waiting_on_same_system
from tests.support.engine import charge_workflow, run_status, save, wait_for


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def open_entries(rt, run_ids):
    for run_id in run_ids:
        wait_for(lambda r=run_id: run_status(rt.db, r) == m.RUN_NEEDS_ATTENTION, 30)
    return {
        r: rt.db.execute_sql(
            f"select id from inbox_items where run_id = '{r}' and status = 'open'"
        )[0][0]
        for r in run_ids
    }


def order(n: int) -> dict:
    return {"order": {"number": str(n), "amount": 10 + n, "customer": f"Customer {n}"}}


def test_bulk_retry_of_everything_waiting_on_the_payment_service(rt, payment_gateway):
    save(rt.db, charge_workflow(payment_gateway.url, attempts=1))
    save(rt.db, charge_workflow(closed_port_url(), attempts=1, name="elsewhere"))
    payment_gateway.fail_next(5, "503")
    runs = [rt.store.start_run("charge", order(3000 + i)) for i in range(5)]
    items = open_entries(rt, runs)
    other_run = rt.store.start_run("elsewhere", order(4000))
    other = open_entries(rt, [other_run])[other_run]

    with rt.db.read() as s:
        group = waiting_on_same_system(s, items[runs[2]])
        assert sorted(group) == sorted(items.values())  # the other system's entry is not
        assert waiting_on_same_system(s, other) == [other]

    # One id that no longer exists sits in the middle: it is reported, the rest go on.
    ids = group[:2] + [999_999] + group[2:]
    results = bulk(rt.actions, ids, "retry", who="maria")
    assert [r.ok for r in results] == [True, True, False, True, True, True]
    assert [r.item_id for r in results] == ids
    assert results[0].message.startswith("Order 300") and "is running again." in results[0].message
    assert results[2].message == "There is no inbox entry 999999."
    for run_id in runs:
        wait_for(lambda r=run_id: run_status(rt.db, r) == m.RUN_SUCCEEDED, 30)
    with rt.db.read() as s:
        retried = audit.list_actions(s, action="retry", who="maria")
    assert sorted(a.run_id for a in retried) == sorted(runs)  # one audited action each
    # the step as the operator sees it (its label), not its name
    assert retried[0].sentence.startswith("maria pressed Retry on “Charge” (order 30")
    # Again: already resolved entries are refused, one by one, and nothing changes.
    again = bulk(rt.actions, group, "retry", who="maria")
    assert not any(r.ok for r in again) and "already resolved by maria" in again[0].message
    assert run_status(rt.db, other_run) == m.RUN_NEEDS_ATTENTION


def test_bulk_skip_and_cancel_with_a_note(rt, payment_gateway):
    save(rt.db, charge_workflow(payment_gateway.url, attempts=1))
    payment_gateway.fail_next(4, "503")
    runs = [rt.store.start_run("charge", order(5000 + i)) for i in range(4)]
    items = open_entries(rt, runs)
    skipped = bulk(
        rt.actions,
        [items[runs[0]], items[runs[1]]],
        "skip",
        who="ana",
        output={"status": 201, "body": {"id": "ch_by_hand"}},
    )
    cancelled = bulk(
        rt.actions,
        [items[runs[2]], items[runs[3]]],
        "cancel",
        who="ana",
        note="customer called to cancel",
    )
    assert all(r.ok for r in skipped + cancelled)
    assert cancelled[0].message == "Order 5002 was cancelled."
    wait_for(lambda: run_status(rt.db, runs[0]) == m.RUN_SUCCEEDED, 30)
    assert run_status(rt.db, runs[2]) == m.RUN_CANCELLED
    with rt.db.read() as s:
        notes = [a.note for a in audit.list_actions(s, action="cancel")]
        assert notes == ["customer called to cancel"] * 2
    with pytest.raises(Exception, match="cannot be applied to several entries"):
        bulk(rt.actions, [items[runs[0]]], "choose")


DECISION = {
    "name": "substitute",
    "business_key": "{{ trigger.order }}",
    "steps": [
        {
            "name": "ask",
            "type": "ask_person",
            "title": "Blue mug out of stock: ask",
            "config": {
                "question": "Substitute the blue mug?",
                "options": [
                    {"name": "substitute"},
                    {"name": "backorder", "label": "Backorder: ship the rest later"},
                ],
            },
        }
    ],
}


def test_audit_page_filters_and_an_orders_timeline(rt, payment_gateway):
    save(rt.db, DECISION)
    save(rt.db, charge_workflow(payment_gateway.url, attempts=1))
    start = time.time()
    first = rt.store.start_run("substitute", {"order": "7001"}, who="ana")
    wait_for(lambda: run_status(rt.db, first) == m.RUN_NEEDS_ATTENTION, 30)
    rt.actions.choose(
        first, "ask", "backorder", values={"note": "supplier out until May"}, who="maria"
    )
    wait_for(lambda: run_status(rt.db, first) == m.RUN_SUCCEEDED, 30)
    payment_gateway.fail_next(1, "503")
    second = rt.store.start_run("charge", order(7002), who="ana")
    wait_for(lambda: run_status(rt.db, second) == m.RUN_NEEDS_ATTENTION, 30)
    rt.actions.retry(second, "charge", who="jun")
    wait_for(lambda: run_status(rt.db, second) == m.RUN_SUCCEEDED, 30)

    with rt.db.read() as s:
        timeline = audit.run_actions(s, first)
        assert [(a.who, a.action) for a in timeline] == [
            ("ana", "run_started"),
            ("maria", "choose"),
        ]
        chose = timeline[1]
        # the step's title and the option's label, as the operator saw them; not their names;
        # and not the order's number: the timeline is on that order's own page
        assert chose.sentence == (
            "maria chose “Backorder: ship the rest later” at “Blue mug out of stock: ask”"
        )
        assert [a.sentence for a in audit.list_actions(s, run_id=first, action="choose")] == [
            chose.sentence + " (order 7001)"  # the audit page, of every order, names it
        ]
        assert chose.note == "supplier out until May" and chose.at >= start
        assert [a.action for a in audit.list_actions(s, who="jun")] == ["retry"]
        assert {(a.run_id, a.action) for a in audit.list_actions(s, workflow="charge")} == {
            (second, "run_started"),
            (second, "retry"),
            (None, "workflow_saved"),
        }
        assert [a.action for a in audit.list_actions(s, workflow="substitute")] == [
            "choose",
            "run_started",
            "workflow_saved",
        ]
        assert audit.list_actions(s, since=time.time() + 60) == []
        assert audit.list_actions(s, until=start, action="choose") == []
        newest, *rest = audit.list_actions(s, limit=2)
        assert [a.id for a in audit.list_actions(s, before_id=newest.id, limit=1)] == [rest[0].id]
        choices = audit.filter_choices(s)
        assert {"ana", "maria", "jun"} <= set(choices["who"]) and "choose" in choices["action"]


def test_system_of_groups_by_connection_or_host_and_port():
    assert (
        system_of({"url": "https://Pay.example.com/charges"})
        == system_of({"url": "https://pay.example.com:443/refunds"})
        == "host:pay.example.com:443"
    )
    assert system_of({"connection": "gateway", "url": "/charges"}) == "connection:gateway"
    assert system_of({"url": "http://h:notaport/"}) == "host:h:0"
    assert system_of({"values": {}}) is None and system_of(None) is None
