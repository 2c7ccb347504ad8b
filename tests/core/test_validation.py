"""Validation names the step and the setting in words."""

from app.core.model import Workflow
from app.core.validation import errors, validate, would_create_cycle
from app.steps import registry

SPECS = registry().specs


def wf(steps, edges=(), **kw):
    return Workflow.from_dict(
        {"format_version": 1, "name": "t", "steps": steps, "edges": list(edges), **kw}
    )


def T(name, **cfg):
    return {"name": name, "type": "transform", "config": cfg or {"values": {"a": 1}}}


def messages(w):
    return [str(p) for p in errors(validate(w, SPECS))]


def test_valid_workflow_has_no_errors():
    w = wf(
        [
            T("a"),
            {"name": "b", "type": "condition", "config": {"expression": "{{ steps.a.output.a }}"}},
            T("c"),
        ],
        [{"from": "a", "to": "b"}, {"from": "b", "port": "true", "to": "c"}],
    )
    assert messages(w) == []


def test_cycle():
    w = wf([T("a"), T("b")], [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}])
    assert any("loop" in m for m in messages(w))
    assert would_create_cycle(wf([T("a"), T("b")], [{"from": "a", "to": "b"}]), "b", "a")


def test_dangling_edge_and_unknown_port():
    w = wf([T("a")], [{"from": "a", "to": "ghost"}])
    assert any("ghost" in m and "does not exist" in m for m in messages(w))
    w = wf([T("a"), T("b")], [{"from": "a", "port": "true", "to": "b"}])
    assert any("output “true”" in m for m in messages(w))


def test_unknown_type_missing_and_mistyped_config():
    assert any(
        "Unknown step type" in m
        for m in messages(wf([{"name": "a", "type": "teleport", "config": {}}]))
    )
    assert any(
        "“Fields” is required" in m
        for m in messages(wf([{"name": "a", "type": "transform", "config": {}}]))
    )
    w = wf(
        [{"name": "a", "type": "http_request", "config": {"url": "http://x", "timeout": "soon"}}]
    )
    assert any("setting “timeout”" in m and "number" in m for m in messages(w))
    w = wf([{"name": "a", "type": "http_request", "config": {"url": "http://x", "method": "BREW"}}])
    assert any("one of" in m for m in messages(w))
    w = wf([{"name": "a", "type": "transform", "config": {"values": {}, "colour": "red"}}])
    assert any("not a setting" in m for m in messages(w))


def test_template_syntax_error_names_step_and_field():
    w = wf([{"name": "a", "type": "condition", "config": {"expression": "{{ trigger.x. }}"}}])
    m = messages(w)
    assert any(x.startswith("Step “a”, setting “expression”") and "syntax error" in x for x in m)


def test_duplicate_names_and_bad_names():
    assert any("Two steps" in m for m in messages(wf([T("a"), T("a")])))
    assert any("small letters" in m for m in messages(wf([T("Bad Name")])))


def test_reference_to_step_that_does_not_run_before():
    w = wf(
        [T("a"), T("b", values={"x": "{{ steps.c.output.a }}"}), T("c")],
        [{"from": "a", "to": "b"}, {"from": "a", "to": "c"}],
    )
    assert any("does not run before" in m for m in messages(w))


def test_a_step_nothing_leads_into_is_an_error_beside_the_start():
    # issue 12: a step dropped on the canvas and never connected ran for every order
    w = wf([T("a"), T("b"), T("c")], [{"from": "a", "to": "b"}])
    assert [p.step for p in errors(validate(w, SPECS))] == ["c"]


def test_bad_retry_override_and_business_key():
    w = wf([{**T("a"), "retry": {"max_attempts": "many", "colour": 1}}], business_key="{{ x. }}")
    m = messages(w)
    assert any("retry" in x for x in m)
    assert any("business_key" in x for x in m)
