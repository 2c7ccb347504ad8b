"""Drafts and publishing: editing never touches the live version; publishing is the one checked
way in; a workflow never stops taking orders silently."""

from __future__ import annotations

import pytest

from app.core.changes import describe_changes
from app.core.errors import DaloyError
from app.core.model import Workflow
from app.intake import trigger_registry
from app.steps import registry
from app.store import connections, drafts, held, workflows
from app.store.db import Database
from app.store.intake import ingest
from app.store.runs import RunStore
from tests.support.engine import run_status, runtime, wait_for

SPECS, TRIGGERS = registry().specs, trigger_registry()


def shop(**extra_config) -> Workflow:
    return Workflow.from_dict(
        {
            "format_version": 1,
            "name": "shop",
            "business_key": "{{ trigger.number }}",
            "steps": [
                {
                    "name": "total",
                    "type": "transform",
                    "title": "Work out the total",
                    "config": {"values": {"amount": "{{ trigger.amount }}"}, **extra_config},
                },
                {"name": "done", "type": "transform", "config": {"values": {"ok": True}}},
            ],
            "edges": [{"from": "total", "to": "done"}],
        }
    )


def publish_new(db: Database, wf: Workflow) -> None:
    with db.write() as s:
        saved, problems = drafts.import_workflow(s, wf, SPECS, TRIGGERS, who="ana")
    assert saved is not None, problems


def test_a_draft_with_errors_leaves_the_live_version_running_and_switched_on(tmp_path, open_db):
    db = open_db(tmp_path)
    publish_new(db, shop())
    broken = shop()
    broken.steps.append(
        Workflow.from_dict(
            {
                "format_version": 1,
                "name": "x",
                "steps": [
                    {
                        "name": "mail",
                        "type": "send_email",
                        "title": "Tell the customer",
                        "config": {},
                    }
                ],
            }
        ).steps[0]
    )
    with db.write() as s:
        drafts.save_draft(s, broken, "ben")
    with db.read() as s:
        row, live, wf = workflows.load(s, "shop")
        assert row.enabled and live.number == 1 and len(wf.steps) == 2
        assert len(drafts.load_draft(s, "shop").steps) == 3  # kept for the next edit
    run = RunStore(db, SPECS).start_run("shop", {"number": "1", "amount": 5})
    assert db.execute_sql(
        f"select v.number from runs r join workflow_versions v on "
        f"v.id = r.version_id where r.id = '{run}'"
    ) == [(1,)]
    with pytest.raises(drafts.PublishRefused) as refused, db.write() as s:
        drafts.publish(s, "shop", SPECS, TRIGGERS, who="ben")
    problems = refused.value.problems
    assert {p.step for p in problems} == {"mail"} and {p.title for p in problems} == {
        "Tell the customer"
    }
    assert len(problems) > 1 and str(refused.value).startswith(
        f"“shop” was not published: it has {len(problems)} problems. The live version is "
        "unchanged. Step “Tell the customer”"
    )
    with db.read() as s:
        assert workflows.load(s, "shop")[1].number == 1  # nothing changed
        assert drafts.load_draft(s, "shop") is not None


def test_publish_keeps_who_when_note_and_changes_and_restores_as_a_draft(tmp_path, open_db):
    db = open_db(tmp_path)
    publish_new(db, shop())
    changed = shop()
    changed.steps[0].config["values"] = {"amount": "{{ trigger.amount * 2 }}"}
    with db.write() as s:
        drafts.save_draft(s, changed, "ben")
        report = drafts.report(s, "shop", SPECS, TRIGGERS)
        assert report.changes == ["Changed “Work out the total”: setting “Fields”."]
        saved = drafts.publish(s, "shop", SPECS, TRIGGERS, who="ben", note="double it")
    assert saved.number == 2
    with db.read() as s:
        v2, v1 = workflows.versions(s, "shop")
        assert (v2.created_by, v2.note, v2.summary) == (
            "ben",
            "double it",
            "Changed “Work out the total”: setting “Fields”.",
        )
        assert v1.created_by == "ana" and v2.created_at >= v1.created_at
        assert drafts.load_draft(s, "shop") is None  # published: no draft left
    with db.write() as s:
        drafts.restore_as_draft(s, "shop", 1, "carla")
    db.close()
    db = open_db(tmp_path)  # kept across restarts
    with db.read() as s:
        d = drafts.get_draft(s, "shop")
        assert d.saved_by == "carla" and d.based_on == 2
        assert d.workflow.steps[0].config == shop().steps[0].config
        assert workflows.load(s, "shop")[1].number == 2  # live runs on meanwhile


def test_a_new_workflow_is_a_draft_only_until_its_first_publish(tmp_path, open_db):
    db = open_db(tmp_path)
    with db.write() as s:
        drafts.save_draft(s, shop(), "ana")
    assert workflows.taking_orders(db) == []
    with pytest.raises(DaloyError, match="not been published yet"):
        RunStore(db, SPECS).start_run("shop", {})
    with db.write() as s:
        drafts.publish(s, "shop", SPECS, TRIGGERS, who="ana")
    assert [w.name for w in workflows.taking_orders(db)] == ["shop"]
    with db.write() as s:
        assert drafts.discard_draft(s, "shop") is False  # nothing to discard


def test_orders_for_a_switched_off_workflow_wait_visibly_and_start_when_switched_on(tmp_path):
    rt = runtime(tmp_path)
    publish_new(rt.db, shop())
    with rt.db.write() as s:
        workflows.set_enabled(s, "shop", False, "ana")
    assert [w.name for w in workflows.taking_orders(rt.db)] == ["shop"]  # still read
    got = [
        ingest(
            rt.store,
            channel="shop/web",
            workflow="shop",
            dedupe_key=f"k{i}",
            trigger={"number": str(i), "amount": i},
            summary=f"order {i}",
        )
        for i in (1, 2)
    ]
    rt.start()
    try:
        for g in got:
            assert run_status(rt.db, g.run_id) == "waiting"
        assert rt.db.execute_sql("select distinct status from intake_items") == [(held.WAITING,)]
        assert rt.db.execute_sql(
            "select count(*) from step_runs where state in ('ready', 'running')"
        ) == [(0,)]
        ((reason,),) = rt.db.execute_sql("select reason from inbox_items where status = 'open'")
        assert reason.startswith("2 orders wait for “shop”")
        with rt.db.write() as s:
            assert workflows.set_enabled(s, "shop", True, "ana") == 2
        wait_for(lambda: all(run_status(rt.db, g.run_id) == "succeeded" for g in got))
        assert rt.db.execute_sql("select count(*) from inbox_items where status = 'open'") == [(0,)]
        assert rt.db.execute_sql(
            "select action from audit where action like 'workflow_%abled'"
        ) == [("workflow_disabled",), ("workflow_enabled",)]
    finally:
        rt.shutdown()


def test_no_switching_on_while_a_connection_has_no_secret(tmp_path, keyring_tmp, open_db):
    db = open_db(tmp_path)
    wf = Workflow.from_dict(
        {
            "format_version": 1,
            "name": "mail",
            "steps": [
                {
                    "name": "send",
                    "type": "send_email",
                    "title": "Confirm",
                    "config": {
                        "connection": "shop-mail",
                        "to": "a@example.com",
                        "subject": "Hi",
                        "text": "Hello",
                    },
                }
            ],
        }
    )
    with db.write() as s:
        connections.save(s, "shop-mail", "smtp", {"host": "mail.example.com", "username": "shop"})
        saved, problems = drafts.import_workflow(s, wf, SPECS, TRIGGERS)
    assert saved is None
    assert [str(p) for p in problems] == [
        "Step “Confirm”, setting “connection”: “Connection” uses the connection “shop-mail”, "
        "which has no password saved, so the first order would fail here. Enter it under "
        "Connections."
    ]
    with db.write() as s:  # published switched off: allowed
        drafts.publish(s, "mail", SPECS, TRIGGERS, enable=False)
    with pytest.raises(DaloyError, match="has no password saved"), db.write() as s:
        workflows.set_enabled(s, "mail", True)
    with db.write() as s:
        connections.save(
            s,
            "shop-mail",
            "smtp",
            {"host": "mail.example.com", "username": "shop"},
            {"password": "pw"},
        )
        workflows.set_enabled(s, "mail", True)
        assert workflows.get_row(s, "mail").enabled


def test_changes_are_described_by_titles_and_field_labels():
    old = shop()
    new = shop()
    new.steps[1].title = "Finish"
    new.steps.append(
        Workflow.from_dict(
            {
                "format_version": 1,
                "name": "x",
                "steps": [
                    {
                        "name": "ping",
                        "type": "notify",
                        "title": "Tell the warehouse",
                        "config": {"webhook_url": "http://x", "message": "hi"},
                    }
                ],
            }
        ).steps[0]
    )
    new.edges.append(type(new.edges[0])("done", "out", "ping"))
    new.steps[0].retry = {"max_attempts": 2}
    assert describe_changes(old, new, SPECS) == [
        "Added “Tell the warehouse”.",
        "Changed “Work out the total”: its retry settings.",
        "Renamed “Done” to “Finish”.",
    ]
    assert describe_changes(None, old) == ["New workflow with 2 steps."]
    assert describe_changes(old, shop()) == []
