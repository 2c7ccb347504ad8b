"""What used to pass validation and fail at run time is now a problem in words: loops between
steps, NaN and Infinity, step names that templates cannot reach, unknown connections. And the
state machine, given a workflow with a loop anyway, answers and ends."""

from __future__ import annotations

import math

import pytest

from app.core import machine as m
from app.core.model import Edge, Step, Workflow
from app.core.validation import errors, find_cycle, validate
from app.intake import trigger_registry
from app.steps import registry

SPECS = registry().specs
TRIGGERS = trigger_registry()


def wf(steps, edges=(), **kw) -> Workflow:
    return Workflow.from_dict(
        {"format_version": 1, "name": "t", "steps": steps, "edges": list(edges), **kw}
    )


def T(name, title="", **extra):
    return {
        "name": name,
        "type": "transform",
        "title": title,
        "config": {"values": {"a": 1}},
        **extra,
    }


def messages(w, **kw) -> list[str]:
    return [str(p) for p in errors(validate(w, SPECS, TRIGGERS, **kw))]


def test_a_loop_is_named_by_titles_and_blocks_the_workflow():
    w = wf(
        [T("a", "Check stock"), T("b", "Charge the customer"), T("c")],
        [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "c", "to": "b"}],
    )
    found = messages(w)
    assert any("form a loop: Charge the customer → C → Charge the customer" in x for x in found)
    assert any(x.startswith("Step “Charge the customer”") for x in found)


def test_a_long_chain_and_a_long_loop_are_checked_without_recursion():
    n = 5000
    chain = [T(f"s{i}") for i in range(n)]
    edges = [{"from": f"s{i}", "to": f"s{i + 1}"} for i in range(n - 1)]
    assert find_cycle(wf(chain, edges)) is None
    cycle = find_cycle(wf(chain, [*edges, {"from": f"s{n - 1}", "to": "s0"}]))
    assert cycle is not None and len(cycle) == n + 1 and cycle[0] == cycle[-1]


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, 10**400])
def test_non_finite_numbers_are_refused_everywhere(bad):
    def where(**kw):
        return messages(
            wf(
                [
                    {
                        "name": "charge",
                        "type": "http_request",
                        "title": "Charge",
                        "config": {"method": "POST", "url": "http://x", **kw.get("config", {})},
                        "retry": kw.get("retry", {}),
                        **({"position": kw["position"]} if "position" in kw else {}),
                    }
                ]
            )
        )

    # a declared number setting, a JSON body, a retry setting, the canvas position
    assert any(
        "setting “timeout”" in x and "ordinary number" in x for x in where(config={"timeout": bad})
    )
    assert any(
        "setting “body”" in x and "NaN, Infinity" in x
        for x in where(config={"body": {"amount": [1, {"x": bad}]}})
    )
    assert any(
        "setting “retry”" in x and "Time limit per attempt" in x
        for x in where(retry={"timeout": bad})
    )
    if not isinstance(bad, int):
        assert any("place on the canvas" in x for x in where(position=[0, bad]))
    # the workflow's own extra keys and a trigger's settings
    assert any("“colour”" in x for x in messages(wf([T("a")], colour=[bad])))
    w = wf(
        [T("a")],
        triggers=[
            {"id": "daily", "type": "schedule", "config": {"cron": "0 8 * * *", "jitter": bad}}
        ],
    )
    assert any("Trigger “daily”" in x and "ordinary number" in x for x in messages(w))


def test_nan_from_a_json_file_is_refused_not_loaded_into_a_run():
    text = (
        '{"format_version": 1, "name": "t", "steps": [{"name": "charge", "type": '
        '"http_request", "config": {"url": "http://x", "timeout": Infinity}, '
        '"retry": {"initial_delay": NaN}}]}'
    )
    found = messages(Workflow.from_json(text))
    assert any("“timeout”" in x for x in found) and any("First wait" in x for x in found)


def test_absurd_retry_settings_are_refused():
    w = wf([T("a", retry={"max_attempts": 10**6, "timeout": 1e12, "jitter": 5})])
    found = " ".join(messages(w))
    assert "“Attempts” must be at most 1,000" in found
    assert "“Time limit per attempt (s)” must be at most 1,000,000" in found
    assert "“Jitter (fraction)” must be at most 1" in found
    assert messages(wf([T("a", retry={"max_attempts": 3, "timeout": 30, "jitter": 0.2})])) == []


@pytest.mark.parametrize(
    "name",
    [
        "copy",
        "items",
        "keys",
        "values",
        "get",
        "update",
        "pop",
        "popitem",
        "setdefault",
        "clear",
        "fromkeys",
        "_private",
        "__class__",
    ],
)
def test_step_names_templates_cannot_reach_are_refused(name):
    found = messages(wf([T(name, "Charge the customer")]))
    assert found and all(x.startswith("Step “Charge the customer”") for x in found)
    assert any("Rename it" in x or "start with a letter" in x for x in found)


def test_ordinary_names_that_look_like_words_are_fine():
    for name in ("output", "items_list", "copy_order", "get_stock", "format", "loop"):
        assert messages(wf([T(name)])) == [], name


def test_unknown_connections_are_named_when_the_list_is_given():
    steps = [
        {
            "name": "mail",
            "type": "send_email",
            "title": "Confirm to customer",
            "config": {"connection": "shop-mail", "to": "a@b.c", "subject": "s", "body": "b"},
        }
    ]
    trig = [{"id": "inbox", "type": "imap", "config": {"connection": "orders-box"}}]
    w = wf(steps, triggers=trig)
    found = messages(w, connections={"other"})
    assert any(
        x.startswith("Step “Confirm to customer”, setting “connection”")
        and "“shop-mail”, which does not exist" in x
        for x in found
    )
    assert any("Trigger “inbox”" in x and "“orders-box”, which does not exist" in x for x in found)
    assert not any(
        "does not exist" in x for x in messages(w, connections={"shop-mail", "orders-box"})
    )
    assert not any("does not exist" in x for x in messages(w))  # not told: not checked


def test_validator_survives_values_the_loader_never_makes():
    deep: object = 1
    for _ in range(3000):
        deep = {"a": [deep, "{{ trigger.x }}"]}
    w = Workflow(
        "t",
        [
            Step("a", "transform", {"values": deep}),
            Step("b", "ask_person", {"options": 5}),
            Step("c", "ask_person", {"options": [{"name": ["x"]}]}),
        ],
    )
    w.edges = [Edge("b", "yes", "a"), Edge("c", "yes", "a")]  # ports of a broken config
    found = validate(w, SPECS, TRIGGERS)
    assert isinstance(found, list)
    assert not any("could not be checked" in str(p) for p in found)


def test_the_state_machine_ends_on_a_workflow_with_a_loop():
    w = wf(
        [T("a"), T("b"), T("c"), T("d")],
        [
            {"from": "a", "to": "b"},
            {"from": "b", "to": "c"},
            {"from": "c", "to": "b"},
            {"from": "c", "to": "d"},
        ],
    )
    states = m.initial(w)
    assert states == {"a": m.READY, "b": m.PENDING, "c": m.PENDING, "d": m.PENDING}
    facts = {n: m.StepFact(st) for n, st in states.items()}
    facts["a"] = m.StepFact(m.SUCCEEDED, "out")
    assert m.advance(w, facts) == {}  # b waits for c, c for b: nothing becomes ready
    assert set(w.downstream("b")) == {"b", "c", "d"} and "b" in w.upstream("b")
    assert m.held(w, {**states, "a": m.NEEDS_ATTENTION}) == ["b", "c", "d"]
    assert m.restart_from(w, {**states, "a": m.SUCCEEDED}, "a")["b"] == m.PENDING
    assert any("loop" in x for x in messages(w))  # which is why such a draft cannot start
