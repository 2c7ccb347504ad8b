"""A workflow's ``order_total``: which steps' success renders it, what counts as a number, the
JSON field, and its validation in words."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import WorkflowFormatError
from app.core.model import Edge, Step, Workflow
from app.core.order_total import as_total, plan, render
from app.core.validation import validate
from app.steps import registry

TOTAL = "{{ steps.plan.output.total }}"


def shop(order_total: str = TOTAL) -> Workflow:
    return Workflow(
        "shop",
        [Step("read", "transform"), Step("plan", "transform"), Step("charge", "transform")],
        [Edge("read", "out", "plan"), Edge("plan", "out", "charge")],
        order_total=order_total,
    )


def test_the_total_waits_for_the_steps_it_names():
    p = plan(shop())
    assert p is not None and p.after == {"plan"}
    assert not p.due("read", {"read": {}})
    assert p.due("plan", {"read": {}, "plan": {}})
    both = plan(shop("{{ steps.read.output.base + steps.plan.output.extra }}"))
    assert both is not None and both.after == {"read", "plan"}
    assert not both.due("read", {"read": {}})  # plan has no result yet: not now
    assert both.due("plan", {"read": {}, "plan": {}})


def test_a_total_from_the_trigger_alone_is_rendered_at_the_first_step():
    p = plan(shop("{{ trigger.order.grand_total }}"))
    assert p is not None and p.after == {"read"} and p.due("read", {"read": {}})


def test_no_total_or_one_naming_only_missing_steps_never_renders():
    assert plan(shop("")) is None and plan(shop("   ")) is None
    assert plan(shop("{{ steps.gone.output.total }}")) is None


def test_render_gives_a_number_or_says_what_it_made_instead():
    p = plan(shop())
    assert p is not None
    assert render(p, {"steps": {"plan": {"output": {"total": 2700}}}}) == (2700.0, None)
    assert render(p, {"steps": {"plan": {"output": {"total": "ask"}}}}) == (None, "ask")
    number, why = render(p, {"steps": {}})
    assert number is None and "not there" in str(why)


def test_numbers_and_number_texts_count_nothing_else_does():
    assert as_total(3270) == 3270.0 and as_total(12.5) == 12.5
    assert as_total(" 1,499.50 ") == 1499.5 and as_total("3270") == 3270.0
    assert as_total("-20") == -20.0
    for other in (True, None, "", "PHP 100", "1,49", "1e3", [1], {"a": 1}, math.nan, math.inf):
        assert as_total(other) is None, other
    assert as_total(10**400) is None  # too large for a float: not a total


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(), st.text(), st.lists(st.integers())
    )
)
def test_as_total_never_raises_and_gives_only_finite_numbers(value):
    found = as_total(value)
    assert found is None or (isinstance(found, float) and math.isfinite(found))


def test_the_field_round_trips_and_is_left_out_when_empty():
    wf = shop()
    assert Workflow.from_json(wf.to_json()).order_total == TOTAL
    assert "order_total" not in shop("").to_dict()  # older files stay as they were


def test_a_field_that_is_not_text_is_refused_in_words():
    with pytest.raises(WorkflowFormatError, match="order_total"):
        Workflow.from_dict({"format_version": 1, "name": "x", "order_total": 5})


def _problems(wf: Workflow) -> list[str]:
    return [p.message for p in validate(wf, registry().specs) if p.field == "order_total"]


def test_validation_names_a_missing_step_and_a_syntax_error():
    assert _problems(shop()) == []
    missing = _problems(shop("{{ steps.planning.output.total }}"))
    assert missing == [
        "The order total refers to a step “planning” that does not exist; name one of the "
        "workflow's steps, e.g. {{ steps.plan.output.total }}."
    ]
    broken = _problems(shop("{{ steps.plan.output.total "))
    assert len(broken) == 1 and broken[0].startswith("Order total: ") and "syntax" in broken[0]
