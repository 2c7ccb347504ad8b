"""Every operator action leaves one audit row (who, when, before, after), including a decision
answered with ``choose`` and an entry closed with ``dismiss``; missed scheduler jobs become inbox
entries instead of being dropped quietly."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta

import pytest

from app.core import machine as m
from app.store import inbox
from tests.support.engine import run_status, save, step_state, stored, wait_for

DECISION = {
    "name": "substitute",
    "business_key": "{{ trigger.order }}",
    "steps": [
        {
            "name": "ask",
            "type": "ask_person",
            "config": {
                "question": "Substitute the blue mug?",
                "options": [{"name": "yes"}, {"name": "no"}],
            },
        },
        {"name": "ship_substitute", "type": "transform", "config": {"values": {"ok": True}}},
        {"name": "backorder", "type": "transform", "config": {"values": {"ok": False}}},
    ],
    "edges": [
        {"from": "ask", "port": "yes", "to": "ship_substitute"},
        {"from": "ask", "port": "no", "to": "backorder"},
    ],
}


def test_choose_and_dismiss_are_audited_with_who_when_before_after(rt):
    save(rt.db, DECISION)
    run_id = rt.store.start_run("substitute", {"order": "1042"})
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_NEEDS_ATTENTION)
    t0 = time.time()
    rt.actions.choose(run_id, "ask", "no", who="maria")
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_SUCCEEDED)
    assert step_state(rt.db, run_id, "backorder")[0] == m.SUCCEEDED
    assert step_state(rt.db, run_id, "ship_substitute")[0] == m.SKIPPED

    with rt.db.write() as s:
        item, _ = inbox.open_alert(
            s, "system", "test:printer", "Printer offline", "The label printer did not answer."
        )
        item_id = item.id
    rt.actions.dismiss(item_id, who="jun")
    t1 = time.time()

    rows = rt.db.execute_sql(
        "select who, at, action, run_id, step_name, inbox_item_id, before, after from audit "
        "where action not in ('workflow_saved', 'run_started') order by id"
    )
    assert [(r[0], r[2]) for r in rows] == [("maria", "choose"), ("jun", "dismiss")]
    assert all(t0 <= r[1] <= t1 for r in rows)
    choose = rows[0]
    assert (choose[3], choose[4]) == (run_id, "ask")
    before, after = stored(choose[6]), stored(choose[7])
    assert before["state"] == m.NEEDS_ATTENTION and after["state"] == m.SUCCEEDED
    assert '"no"' in json.dumps(after)
    assert rows[1][5] == item_id
    assert rt.db.execute_sql(f"select status, resolved_by from inbox_items where id={item_id}") == [
        ("resolved", "jun")
    ]


def test_a_wrong_option_is_refused_and_changes_nothing(rt):
    from app.store.actions import ActionRefused

    save(rt.db, DECISION)
    run_id = rt.store.start_run("substitute", {"order": "1043"})
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_NEEDS_ATTENTION)
    with pytest.raises(ActionRefused, match="not one of the options"):
        rt.actions.choose(run_id, "ask", "maybe", who="maria")
    assert step_state(rt.db, run_id, "ask")[0] == m.NEEDS_ATTENTION
    assert (
        rt.db.execute_sql(
            "select count(*) from audit where action not in ('workflow_saved', 'run_started')"
        )[0][0]
        == 0
    )


def test_every_action_of_the_cli_entry_point_is_audited(rt):
    """resolve() with each action name writes exactly one audit row naming that action."""
    save(rt.db, DECISION)
    r = rt.store.start_run("substitute", {"order": "1044"})
    wait_for(lambda: run_status(rt.db, r) == m.RUN_NEEDS_ATTENTION)
    item = rt.db.execute_sql(f"select id from inbox_items where run_id='{r}' and status='open'")[0][
        0
    ]
    rt.actions.resolve(item, "choose", option="yes", who="ana")
    wait_for(lambda: run_status(rt.db, r) == m.RUN_SUCCEEDED)
    rt.actions.restart(r, "ask", who="ana")
    wait_for(lambda: run_status(rt.db, r) == m.RUN_NEEDS_ATTENTION)
    item = rt.db.execute_sql(f"select id from inbox_items where run_id='{r}' and status='open'")[0][
        0
    ]
    rt.actions.resolve(item, "cancel", who="ana")
    assert run_status(rt.db, r) == m.RUN_CANCELLED
    assert [
        a for (a,) in rt.db.execute_sql("select action from audit where who='ana' order by id")
    ] == ["choose", "restart", "cancel"]
    assert all(w for (w,) in rt.db.execute_sql("select before from audit where who='ana'"))


def test_a_missed_scheduler_job_becomes_an_inbox_entry(rt):
    ran = []
    rt.scheduler.add_job(
        lambda: ran.append(1),
        "date",
        id="morning-sync",
        executor="control",
        run_date=datetime.now().astimezone() - timedelta(minutes=5),
        misfire_grace_time=1,
    )
    wait_for(
        lambda: (
            rt.db.execute_sql(
                "select count(*) from inbox_items where kind='system' and status='open'"
            )[0][0]
            == 1
        )
    )
    reason = rt.db.execute_sql("select reason from inbox_items where kind='system'")[0][0]
    assert "morning-sync" in reason and "did not run" in reason
    assert ran == []
