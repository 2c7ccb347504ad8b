"""One state machine: every step transition the store makes — on the hot path and through the
ORM — is one ``app.core.machine`` allows, checked in the store and watched by the tests."""

from __future__ import annotations

import pytest

from app.core import machine as m
from app.steps import registry
from app.store import workflows
from app.store.actions import OperatorActions
from app.store.db import Database
from app.store.models import StepRun
from app.store.runs import RunStore

CHAIN = {
    "format_version": 1,
    "name": "chain",
    "steps": [
        {"name": "a", "type": "transform", "config": {"values": {"x": 1}}},
        {"name": "b", "type": "transform", "config": {"values": {"y": 2}}},
    ],
    "edges": [{"from": "a", "port": "out", "to": "b"}],
}


@pytest.fixture
def store(tmp_path) -> RunStore:
    from app.core.model import Workflow

    db = Database.open_dir(tmp_path)
    with db.write() as s:
        workflows.save(s, Workflow.from_dict(CHAIN))
    yield RunStore(db, registry().specs)
    db.close()


def test_the_hot_path_makes_only_transitions_the_machine_allows(store, every_transition_checked):
    run_id = store.start_run("chain", {})
    (claim,) = store.claim("me:1:x")
    recorded, nxt = store.succeed_and_continue(claim, {"x": 1})
    assert recorded and nxt is not None and nxt.step_name == "b"
    assert store.succeed(nxt, {"y": 2})
    made = [(old, new, how) for old, new, how in every_transition_checked.made]
    assert made == [
        ("ready", "running", "claim"),
        ("running", "succeeded", "success"),
        ("pending", "running", "claim"),  # readied and claimed in one transaction (COMBINED)
        ("running", "succeeded", "success"),
    ]
    with store.db.read() as s:
        assert {r.state for r in s.query(StepRun).filter_by(run_id=run_id)} == {m.SUCCEEDED}


def test_an_illegal_transition_through_the_orm_is_refused_and_not_committed(
    store, every_transition_checked
):
    run_id = store.start_run("chain", {})
    with pytest.raises(m.IllegalTransition), store.db.write() as s:
        row = s.query(StepRun).filter_by(run_id=run_id, name="b").one()
        row.state = m.SUCCEEDED  # pending → succeeded: it never ran
    with store.db.read() as s:
        assert s.query(StepRun).filter_by(run_id=run_id, name="b").one().state == m.PENDING
    assert every_transition_checked.illegal == [("pending", "succeeded", "orm")]
    every_transition_checked.illegal.clear()  # seen and refused: what this test proves


def test_a_restart_resets_finished_steps_as_the_machines_one_exception(
    store, every_transition_checked
):
    run_id = store.start_run("chain", {})
    claim = store.claim("me:1:x")[0]
    _, nxt = store.succeed_and_continue(claim, {"x": 1})
    store.succeed(nxt, {"y": 2})
    OperatorActions(store).restart(run_id, "a", who="ana")
    assert ("succeeded", "ready", "orm") in every_transition_checked.made
    assert ("succeeded", "pending", "orm") in every_transition_checked.made
    with pytest.raises(m.IllegalTransition), store.db.write() as s:
        s.query(StepRun).filter_by(run_id=run_id, name="a").one().state = m.SKIPPED
        s.query(StepRun).filter_by(run_id=run_id, name="a").one().state = m.PENDING
    every_transition_checked.illegal.clear()
