"""Pure steps (``StepSpec.pure``: transform, condition) run in-line inside the commit of the step
before them: fewer commits, the same records and events per step, and an effectful step only
ever runs after its predecessors' commit. A crash between the in-line steps and their commit is
the crash suite's named point ``after_inline_step`` (tests/runtime/test_crash.py)."""

from __future__ import annotations

from app.core import machine as m
from app.core.kinds import EventKind
from app.steps import registry
from app.store import progress
from app.store.events import Event
from tests.support.engine import run_status, runtime, save, stored, wait_for

STEPS = ("total", "big", "label", "tell")


def four_steps(sink_url: str) -> dict:
    """transform → condition → transform → http_request."""
    return {
        "name": "pure",
        "steps": [
            {"name": "total", "type": "transform", "config": {"values": {"n": "{{ trigger.n }}"}}},
            {
                "name": "big",
                "type": "condition",
                "config": {"expression": "{{ steps.total.output.n > 10 }}"},
            },
            {"name": "label", "type": "transform", "config": {"values": {"size": "big"}}},
            {
                "name": "tell",
                "type": "http_request",
                "config": {
                    "method": "POST",
                    "url": f"{sink_url}/warehouse",
                    "timeout": 5,
                    "body": {"size": "{{ steps.label.output.size }}"},
                },
            },
        ],
        "edges": [
            {"from": "total", "to": "big"},
            {"from": "big", "to": "label", "port": "true"},
            {"from": "label", "to": "tell"},
        ],
    }


def test_pure_steps_share_the_commit_of_the_step_before_them(
    data_dir, database, webhook_sink, monkeypatch
):
    # the batch's time bound lifted: a busy machine (a first template compile) cannot split it
    monkeypatch.setattr(progress, "PURE_BATCH_SECONDS", 60.0)
    assert registry().get("transform").spec.pure and registry().get("condition").spec.pure
    assert not registry().get("http_request").spec.pure
    r = runtime(data_dir)
    save(r.db, four_steps(webhook_sink.url))
    seen: list[Event] = []
    r.store.subscribe(seen.extend)
    run_id = r.store.start_run("pure", {"n": 42})
    before = r.db.commits
    r.start()
    try:
        wait_for(lambda: run_status(r.db, run_id) == m.RUN_SUCCEEDED)
        # the claim of "total"; its result with big's and label's (run in-line) and the claim of
        # "tell"; tell's result. One commit per step would be 5.
        assert r.db.commits - before == 3, r.db.commits - before
    finally:
        r.shutdown(grace=2)
    try:
        # the effect happened once, with the in-line steps' outputs
        assert [c["json"] for c in webhook_sink.received] == [{"size": "big"}]
        # the same records per step as one commit each: an attempt each, a state, an output
        attempts = r.db.execute_sql(
            f"select step_name, number, outcome from attempts where run_id='{run_id}' order by id"
        )
        assert attempts == [(s, 1, "succeeded") for s in STEPS]
        rows = r.db.execute_sql(
            f"select name, state, port, output, input from step_runs where run_id='{run_id}' "
            "order by id"
        )
        assert [(n, st, p) for n, st, p, _, _ in rows] == [
            ("total", m.SUCCEEDED, "out"),
            ("big", m.SUCCEEDED, "true"),
            ("label", m.SUCCEEDED, "out"),
            ("tell", m.SUCCEEDED, "out"),
        ]
        outputs = {n: stored(o) for n, _, _, o, _ in rows}
        assert outputs["total"] == {"n": 42} and outputs["big"] == {"result": True}
        assert stored(rows[1][4]) == {"expression": True}  # its rendered input, as recorded
        # every step told running, then succeeded, after the commit that recorded it
        told = [
            (e.step, e.status)
            for e in seen
            if e.kind == EventKind.STEP_CHANGED and e.run_id == run_id
        ]
        for step in STEPS:
            assert [s for n, s in told if n == step][-2:] == [m.RUNNING, m.SUCCEEDED], told
    finally:
        r.db.close()


def test_a_failing_pure_step_is_recorded_by_the_ordinary_path(rt, webhook_sink):
    # "maybe" is neither true nor false: the condition fails in-line, goes back to its worker,
    # which runs it again and records the failure as it always did (held, nothing sent).
    wf = four_steps(webhook_sink.url)
    wf["steps"][1]["config"]["expression"] = "maybe"
    save(rt.db, wf)
    run_id = rt.store.start_run("pure", {"n": 42})
    wait_for(lambda: run_status(rt.db, run_id) == m.RUN_NEEDS_ATTENTION)
    states = dict(rt.db.execute_sql(f"select name, state from step_runs where run_id='{run_id}'"))
    assert states["total"] == m.SUCCEEDED and states["big"] == m.NEEDS_ATTENTION
    assert states["tell"] == m.PENDING
    assert webhook_sink.received == []
